//! The command line: `attune build`, `check` and `init`, with documented exit codes
//! (0 success, 1 content errors, 2 could not run).

use crate::diagnostic::{use_color, Diagnostic, Diagnostics, Printer, Severity};
use crate::load::Date;
use crate::{check, init, BuildOptions};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

pub use crate::diagnostic::{eprint_quietly, print_quietly};

macro_rules! err {
    ($($arg:tt)*) => { eprint_quietly(&format!($($arg)*)) };
}
macro_rules! errln {
    ($($arg:tt)*) => { eprint_quietly(&format!("{}\n", format_args!($($arg)*))) };
}
macro_rules! out {
    ($($arg:tt)*) => { print_quietly(&format!($($arg)*)) };
}
macro_rules! outln {
    ($($arg:tt)*) => { print_quietly(&format!("{}\n", format_args!($($arg)*))) };
}

/// attune turns a folder of Markdown articles into a linked, searchable
/// psychoeducation website that works online, offline and on paper.
#[derive(Parser, Debug)]
#[command(name = "attune", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// When to colour diagnostics: on a terminal unless NO_COLOR is set (auto),
    /// always, or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into its output folder (default `public/`).
    ///
    /// The new site is written beside the old one and swapped in only when complete;
    /// a build with errors leaves the previous output untouched.
    Build {
        /// Site root: the folder holding book.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: `build.output_dir` from book.toml, `public`).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write links that name `index.html`, so the site works from a folder or USB
        /// stick with no server (file://).
        #[arg(long)]
        offline: bool,
        /// Include the articles held back: `draft: true`, `publish: false`, a
        /// `publishDate` after today, an `expiryDate` that has come.
        #[arg(long)]
        drafts: bool,
        /// Print milliseconds per stage.
        #[arg(long)]
        timings: bool,
    },
    /// Validate the site without writing anything: links, anchors, citations,
    /// glossary, relations, front matter, orphans, reviews, readability.
    Check {
        /// Site root: the folder holding book.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output format: of diagnostics (human or json), and of a --report (a table,
        /// json, or csv).
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat this date as today when checking review dates (YYYY-MM-DD; default:
        /// today's date, UTC).
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// A `urls.json` from an earlier build: fail on any URL that vanished, and warn
        /// about articles whose text changed without a new `changes:` entry.
        #[arg(long, value_name = "OLD.json")]
        against: Option<PathBuf>,
        /// Include the articles held back: `draft: true`, `publish: false`, a
        /// `publishDate` after today, an `expiryDate` that has come.
        #[arg(long)]
        drafts: bool,
        /// Also print a report on standard output: `readability` lists every article's
        /// words, Flesch–Kincaid and SMOG grades and reading time; `reviews` lists every
        /// article's review status, reviewer, dates, overdue flag, readability and word
        /// count (as a table, or with --format json or csv).
        #[arg(long, value_enum)]
        report: Option<Report>,
    },
    /// Build, serve on this computer, and rebuild on every change.
    ///
    /// Watches content/, themes/ and book.toml; each save rebuilds what it touches
    /// and reloads the browser (keeping your place). A mistake shows as an overlay
    /// in the page while the last good build stays up. Serves only files inside the
    /// build folder, on 127.0.0.1 unless --bind says otherwise.
    Serve {
        /// Site root: the folder holding book.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Address to listen on. Other devices can reach the server only if this is
        /// not a loopback address (e.g. 0.0.0.0).
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Port to listen on; 0 picks any free port.
        #[arg(long, default_value_t = 3000)]
        port: u16,
        /// Folder to build into (default: a temporary folder; never the sources).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Include the articles held back: `draft: true`, `publish: false`, a
        /// `publishDate` after today, an `expiryDate` that has come.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a new site: book.toml and one sample article per topic.
    Init {
        /// Folder to create the site in (default: the current folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Report {
    Readability,
    Reviews,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    /// For reports only (`--report`).
    Csv,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("'{s}' is not a date in the form YYYY-MM-DD"))
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.color {
        ColorWhen::Auto => {}
        ColorWhen::Always => anstream::ColorChoice::Always.write_global(),
        ColorWhen::Never => anstream::ColorChoice::Never.write_global(),
    }
    match cli.command {
        Command::Build {
            root,
            out,
            offline,
            drafts,
            timings,
        } => run_build(
            BuildOptions {
                root,
                out,
                offline,
                drafts,
                today: None,
                check: false,
            },
            timings,
        ),
        Command::Check {
            root,
            format,
            today,
            against,
            drafts,
            report,
        } => run_check(&root, format, today, against.as_deref(), drafts, report),
        Command::Serve {
            root,
            bind,
            port,
            out,
            open,
            drafts,
        } => match crate::serve::serve(crate::serve::ServeOptions {
            root,
            bind,
            port,
            out,
            open,
            drafts,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fatal(&e),
        },
        Command::Init { dir } => match init::init(&dir) {
            Ok(gitignore) => {
                outln!("created a new attune site in {}", dir.display());
                match gitignore {
                    init::Gitignore::Created => {
                        outln!("wrote .gitignore: the built site and the build's working files")
                    }
                    init::Gitignore::Appended(lines) => {
                        outln!("added to the existing .gitignore: {}", lines.join(" "))
                    }
                    init::Gitignore::Unchanged => {
                        outln!("left .gitignore as it was: it already ignores the build output")
                    }
                }
                outln!("next: cd {} && attune build", dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => fatal(&e),
        },
    }
}

fn fatal(e: &anyhow::Error) -> ExitCode {
    let color = use_color();
    let bold = if color {
        anstyle::Style::new().bold()
    } else {
        anstyle::Style::new()
    };
    let message = format!("{e:#}");
    errln!(
        "{}{bold}: {}{bold:#}",
        crate::diagnostic::error_label(color),
        crate::diagnostic::escape_controls(&message)
    );
    ExitCode::from(2)
}

fn print_diagnostics(root: &Path, diagnostics: &Diagnostics) {
    let printer = Printer::new(root, use_color());
    let mut text = String::new();
    for d in diagnostics.sorted() {
        text.push_str(&printer.render(d));
        text.push('\n');
    }
    err!("{text}");
}

fn run_build(options: BuildOptions, show_timings: bool) -> ExitCode {
    let start = Instant::now();
    let report = match crate::build(&options) {
        Ok(report) => report,
        Err(e) => return fatal(&e),
    };
    print_diagnostics(&options.root, &report.diagnostics);
    if show_timings {
        for (stage, time) in &report.timings {
            errln!("  {stage:<14} {:>8.1} ms", time.as_secs_f64() * 1000.0);
        }
    }
    let elapsed = start.elapsed().as_millis();
    if report.diagnostics.has_errors() {
        errln!("{}; nothing was written", report.diagnostics.summary());
        return ExitCode::from(1);
    }
    let warnings = if report.diagnostics.is_empty() {
        String::new()
    } else {
        format!(" ({})", report.diagnostics.summary())
    };
    errln!(
        "built {} pages in {elapsed} ms{warnings} → {}",
        report.pages,
        report.out.display()
    );
    ExitCode::SUCCESS
}

fn run_check(
    root: &Path,
    format: Format,
    today: Option<Date>,
    against: Option<&Path>,
    drafts: bool,
    report: Option<Report>,
) -> ExitCode {
    if format == Format::Csv && report.is_none() {
        return fatal(&anyhow::anyhow!(
            "--format csv is for reports: add --report reviews or --report readability"
        ));
    }
    let today = today.unwrap_or_else(check::today);
    let mut options = BuildOptions::new(root);
    options.drafts = drafts;
    options.today = Some(today);
    options.check = true;
    let mut diagnostics = Diagnostics::new();
    let site = match crate::model(&options, false, &mut Vec::new(), &mut diagnostics) {
        Ok(site) => site,
        Err(e) => return fatal(&e),
    };
    if let Some(site) = &site {
        // Only what the theme's templates say about themselves: nothing renders.
        let _ = crate::render::Templates::load(
            root,
            site.config.build.theme.as_deref(),
            &mut diagnostics,
        );
        check::check_site(site, today, &mut diagnostics);
        check::check_base_url(root, &site.config, &mut diagnostics);
        if let Some(old) = against {
            if let Err(e) = check::check_against(old, site, &mut diagnostics) {
                return fatal(&e);
            }
        }
    }
    if let (Some(report), Some(site)) = (report, &site) {
        let format = match format {
            Format::Human => check::ReportFormat::Table,
            Format::Json => check::ReportFormat::Json,
            Format::Csv => check::ReportFormat::Csv,
        };
        out!(
            "{}",
            match report {
                Report::Readability => check::readability_report(site, format),
                Report::Reviews => check::reviews_report(site, today, format),
            }
        );
    }
    match format {
        Format::Human => {
            print_diagnostics(root, &diagnostics);
            if diagnostics.is_empty() {
                let n = site.map_or(0, |s| s.articles.len());
                errln!("checked {n} articles: no problems found");
            } else {
                errln!("{}", diagnostics.summary());
            }
        }
        Format::Json | Format::Csv if report.is_some() => {
            // Standard output holds the report; diagnostics go to standard error.
            let items: Vec<&Diagnostic> = diagnostics.sorted();
            errln!(
                "{}",
                serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
            );
        }
        Format::Json | Format::Csv => {
            let items: Vec<&Diagnostic> = diagnostics.sorted();
            outln!(
                "{}",
                serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
            );
        }
    }
    if diagnostics
        .sorted()
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
