//! attune: a static site generator for psychoeducation.
//!
//! The pipeline runs one way, a module per stage:
//! [`config`] → [`load`] → [`markdown`] → [`site`] → [`render`] → [`output`].
//! [`check`] runs the same stages without writing; [`init`] scaffolds a new site.

pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod feeds;
pub mod hash;
pub mod init;
pub mod load;
pub mod map;
pub mod markdown;
pub mod marks;
pub mod output;
pub mod qr;
pub mod render;
pub mod review;
pub mod script_json;
pub mod search;
pub mod serve;
pub mod site;
pub mod suggest;
pub mod text;
pub mod theme;
pub mod url;

use anyhow::{Context as _, Result};
use config::Config;
use diagnostic::{Code, Diagnostic, Diagnostics};
use site::{Site, UrlStyle};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output folder; defaults to `build.output_dir` under the root.
    pub out: Option<PathBuf>,
    pub offline: bool,
    pub drafts: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            out: None,
            offline: false,
            drafts: false,
        }
    }
}

/// The outcome of a build that could run: its diagnostics, and what it wrote.
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    pub pages: usize,
    pub out: PathBuf,
    pub timings: Vec<(&'static str, Duration)>,
}

/// Reads book.toml; `Err` when the build cannot even start (exit 2).
pub fn read_config(root: &Path) -> Result<std::result::Result<Config, Vec<Diagnostic>>> {
    let path = root.join(config::FILE_NAME);
    if !path.is_file() {
        anyhow::bail!(
            "no {} in {}\n  = help: run `attune init` to create a new site here, or pass --root to point at an existing one",
            config::FILE_NAME,
            root.display()
        );
    }
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let text = diagnostic::normalize_lone_cr(marks::strip_marks(text));
    Ok(Config::parse(&text, Path::new(config::FILE_NAME)))
}

/// Loads and models the site without writing anything. With `editions`, a web build
/// whose site asks for `offline.zip` models links for both editions at once.
pub fn model(
    options: &BuildOptions,
    editions: bool,
    timings: &mut Vec<(&'static str, Duration)>,
) -> Result<(Option<Site>, Vec<Diagnostic>)> {
    let mut diagnostics = Vec::new();
    let start = Instant::now();
    let config = match read_config(&options.root)? {
        Ok(config) => config,
        Err(problems) => return Ok((None, problems)),
    };
    let content_dir = options.root.join(&config.build.content_dir);
    if !content_dir.is_dir() {
        diagnostics.push(
            Diagnostic::error(
                Code::Empty,
                format!(
                    "content folder `{}/` does not exist",
                    config.build.content_dir
                ),
            )
            .in_file(config::FILE_NAME)
            .help("create it with one folder per topic, or run `attune init` for a sample site"),
        );
        return Ok((None, diagnostics));
    }
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| options.root.join(&config.build.output_dir));
    let mut content = load::load(
        &options.root,
        &config.build.content_dir,
        options.drafts,
        &[out],
        &mut diagnostics,
    );
    content.theme_files = theme::static_files(&options.root, config.build.theme.as_deref());
    timings.push(("load", start.elapsed()));
    let start = Instant::now();
    let style = if options.offline {
        UrlStyle::Offline
    } else if editions && config.build.offline_zip {
        UrlStyle::Both
    } else {
        UrlStyle::Web
    };
    let site = site::build(config, content, style, &mut diagnostics);
    timings.push(("parse+site", start.elapsed()));
    Ok((Some(site), diagnostics))
}

/// Builds the site into its output folder. Content errors leave the previous output
/// untouched and come back as diagnostics; `Err` means the build could not run.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let mut timings = Vec::new();
    let (site, problems) = model(options, true, &mut timings)?;
    let mut diagnostics = Diagnostics::default();
    diagnostics.extend(problems);
    let out = options.out.clone().unwrap_or_else(|| {
        let dir = site
            .as_ref()
            .map_or("public", |s| s.config.build.output_dir.as_str());
        options.root.join(dir)
    });
    let mut report = BuildReport {
        diagnostics,
        pages: 0,
        out: out.clone(),
        timings,
    };
    let Some(site) = site else { return Ok(report) };
    let templates = match render::Templates::load(&options.root, site.config.build.theme.as_deref())
    {
        Ok(t) => Some(t),
        Err(problems) => {
            report.diagnostics.extend(problems);
            None
        }
    };
    let Some(templates) = templates.filter(|_| !report.diagnostics.has_errors()) else {
        return Ok(report);
    };
    // A link to a folder is built through: the site goes where it leads.
    let out = output::resolve_output(&out)?;
    output::check_output_folder(
        &options.root,
        &out,
        &options.root.join(&site.config.build.content_dir),
    )?;
    // Held until this build has swapped its site in (or given up): a second build
    // into the same folder waits for it, so the two never publish a mix.
    let _lock = output::lock_output(&out, true)?;
    output::recover_interrupted_swap(&out)?;
    let start = Instant::now();
    let mut writer = output::Writer::new(&out)?;
    if site.style == UrlStyle::Both {
        // Large libraries trade a little size for a much faster build.
        let html: usize = site.articles.iter().map(|a| a.parsed.html.len()).sum();
        let level = if html > 1 << 20 { 1 } else { 6 };
        writer = writer.with_offline_edition(output::Writer::archive(
            &offline_folder(&site),
            level,
            Some(&out),
        ));
    }
    // Pages and the search index side by side: each has stretches on one thread
    // that the other's parallel work fills.
    let ((urls, render_problems, render_time), search_time) = rayon::join(
        || {
            let mut problems = Vec::new();
            let urls = render::render_site(&site, &templates, &writer, None, &mut problems);
            (urls, problems, start.elapsed())
        },
        || {
            let start = Instant::now();
            search::write_index(&site, &writer);
            start.elapsed()
        },
    );
    report.diagnostics.extend(render_problems);
    if report.diagnostics.has_errors() {
        writer.abandon();
        return Ok(report);
    }
    report.timings.push(("render", render_time));
    report.timings.push(("search", search_time));
    let start = Instant::now();
    // The URL table is the list of pages: what rendering wrote must be exactly it.
    debug_assert_eq!(
        urls,
        site.urls.page_urls(),
        "pages rendered vs. the URL table"
    );
    write_extras(&site, &writer, &options.root);
    report.timings.push(("write extras", start.elapsed()));
    // Freeing a large library's model takes a while; it need not hold up the rest.
    let freed = std::thread::spawn(move || drop(site));
    let start = Instant::now();
    if let Err(e) = writer.finish_offline_edition() {
        writer.abandon();
        return Err(e.context("writing offline.zip"));
    }
    report.timings.push(("offline.zip", start.elapsed()));
    let start = Instant::now();
    writer.commit(&out)?;
    report.timings.push(("swap", start.elapsed()));
    let _ = freed.join();
    report.pages = urls.len();
    Ok(report)
}

/// The folder `offline.zip` unpacks into: the site's title as a slug.
fn offline_folder(site: &Site) -> String {
    match text::slugify(&site.config.site.title) {
        slug if slug.is_empty() => "site".to_string(),
        slug => slug,
    }
}

/// Everything beside the pages: assets, stylesheets, feeds, manifest, content files.
/// The sitemap and the manifest list the pages of the site's URL table.
pub(crate) fn write_extras(site: &Site, writer: &output::Writer, root: &Path) {
    let urls = &site.urls.page_urls();
    for (name, text) in theme::ASSETS {
        writer.write(&format!("assets/{name}"), text.as_bytes());
    }
    if let Some(theme) = &site.config.build.theme {
        // The files the URL table claimed for it, read when the model was built.
        let dir = theme::static_dir(root, theme);
        for rel in &site.theme_files {
            writer.copy(&dir.join(rel), &format!("assets/{rel}"));
        }
    }
    writer.write(
        &format!("assets/{}", theme::HIGHLIGHT_CSS),
        markdown::highlight::stylesheet().as_bytes(),
    );
    writer.write("sitemap.xml", feeds::sitemap(site, urls).as_bytes());
    writer.write("atom.xml", feeds::atom(site).as_bytes());
    writer.write("robots.txt", feeds::robots(site).as_bytes());
    writer.write("urls.json", feeds::manifest(site, urls).as_bytes());
    let content = root.join(&site.config.build.content_dir);
    for asset in &site.assets {
        let rel = asset.to_string_lossy().replace('\\', "/");
        writer.copy(&content.join(asset), &rel);
    }
}
