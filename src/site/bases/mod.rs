//! Obsidian Bases views, computed when the site is built: `![[Books.base]]`,
//! `![[Books.base#Top rated]]` and `base` code blocks in a vault's notes show the
//! notes the base's filters keep, in its view's columns, order, groups and summaries,
//! as Obsidian shows them when the note is opened. `this` is the note holding the
//! embed. A view that needs what a published page cannot know (`now()`, the file
//! system's dates) or draws what attune does not (a map) is left out with a warning,
//! never shown wrong; so is a base that cannot be read, naming the line.

mod calls;
mod eval;
mod expr;
mod names;
mod notes;
mod render;
mod spec;
mod view;

use super::Site;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use crate::markdown::{BaseEmbed, BASES_VIEW};
pub use names::properties_read;
use notes::Notes;
use rayon::prelude::*;
use spec::{Base, Kind, ViewSpec};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use view::pick_view;

/// The most notes a site's views may test, all embeds together: a template that
/// embeds a base in thousands of notes of a big vault would otherwise take minutes.
const MAX_TESTS: usize = 20_000_000;

/// What the page shows of a view that cannot be computed, and of one whose columns
/// or sort cannot be.
const LEFT_OUT: &str = "it is left out of the page";
const SHOWN_WITHOUT: &str = "shown without those columns and that sort";

/// A view as its page shows it.
#[derive(Debug, Clone)]
pub struct View {
    pub kind: Kind,
    pub name: String,
    pub columns: Vec<String>,
    /// Each group's value (none when the view is not grouped) and its rows of cells.
    pub groups: Vec<(Option<Cell>, Vec<Vec<Cell>>)>,
    /// A summary under each column (empty where none); no row when the view has none.
    pub summaries: Vec<String>,
    /// A cards view's image for each row, in the order of the groups' rows.
    pub images: Vec<Option<String>>,
    /// What its columns and sort use that a published page cannot know
    /// (`` `file.mtime` ``): those are left out.
    pub unknown: Vec<String>,
}

/// What a cell shows: text and links, in order.
pub type Cell = Vec<Piece>;

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    /// A link to an article, with its text.
    Page(usize, String),
    /// A link to another site.
    Web(String, String),
    /// A link to a file of the content folder (its path in the output), with its text.
    File(String, String),
}

/// A view to compute: of which base, which of its views, embedded where (when it
/// reads `this`).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Job {
    source: Source,
    view: usize,
    this: Option<usize>,
}

/// Where a base comes from: a `.base` file of the content folder, or a code block.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Source {
    File(String),
    Block(usize, usize),
}

impl Site {
    /// Computes every Bases view the articles show (see the module's text): first
    /// which base and view each embed names, then each view, in parallel (once for
    /// all its embeds when it does not read `this`), then the reports, in order.
    pub(super) fn compute_bases(&mut self, diagnostics: &mut Diagnostics) {
        let embeds: Vec<(usize, usize)> = (self.articles.iter().enumerate())
            .flat_map(|(i, a)| (0..a.parsed.bases.len()).map(move |n| (i, n)))
            .collect();
        let mut views: Vec<Vec<Option<Arc<View>>>> = (self.articles.iter())
            .map(|a| vec![None; a.parsed.bases.len()])
            .collect();
        if embeds.is_empty() {
            self.bases = views;
            return;
        }
        let notes = Notes::new(self);
        let files = base_files(&self.root.join(&self.config.build.content_dir));
        let mut bases: HashMap<Source, Result<(Base, PathBuf), Diagnostic>> = HashMap::new();
        // Each embed: the view to compute, or the report of why there is none.
        let mut named: Vec<Result<Job, Diagnostic>> = Vec::with_capacity(embeds.len());
        for &(i, n) in &embeds {
            let embed = &self.articles[i].parsed.bases[n];
            let at = |d: Diagnostic| d.at(&self.articles[i].path, embed.line, embed.column);
            let source = match &embed.source {
                Some(_) => Source::Block(i, n),
                None => match self.base_file(&files, i, &embed.file) {
                    Ok(path) => Source::File(path),
                    Err(d) => {
                        let broken = self.config.build.broken_links;
                        named.push(Err(broken.report(at(d), "without it")));
                        continue;
                    }
                },
            };
            let base = bases
                .entry(source.clone())
                .or_insert_with(|| self.read_base(&source, embed));
            let base = match base {
                Ok((base, _)) => base,
                Err(d) => {
                    named.push(Err(self.severity(d.clone())));
                    continue;
                }
            };
            let Some((v, spec)) = pick_view(base, embed.view.as_deref()) else {
                let why = match &embed.view {
                    Some(view) => format!("has no view named `{view}`"),
                    None => "has no views".into(),
                };
                let d = Diagnostic::warning(
                    Code::UnsupportedSyntax,
                    format!(
                        "{BASES_VIEW} `{}` {why}: it is left out of the page",
                        shown_name(embed)
                    ),
                )
                .help("name one of the base's views after `#`, as its `views:` list names them");
                named.push(Err(self.severity(at(d))));
                continue;
            };
            // Views that do not read `this` are the same wherever they are embedded.
            let this = base.reads_this(spec).then_some(i);
            named.push(Ok(Job {
                source,
                view: v,
                this,
            }));
        }
        let computed = self.run_jobs(&notes, &bases, &named);
        // A template's embed is in every note made from it: one report for the site.
        let mut repeated = super::repeated::Repeated::default();
        for ((i, n), job) in embeds.into_iter().zip(named) {
            let d = match job {
                Err(d) => d,
                Ok(job) => match &computed[&job] {
                    Ok(view) if view.unknown.is_empty() => {
                        views[i][n] = Some(Arc::clone(view));
                        continue;
                    }
                    Ok(view) => {
                        views[i][n] = Some(Arc::clone(view));
                        let Some(Ok((base, file))) = bases.get(&job.source) else {
                            continue;
                        };
                        let why = format!("uses {}", view.unknown.join(", "));
                        let (spec, shown) = (&base.views[job.view], SHOWN_WITHOUT);
                        self.left_out(i, n, spec, file, &why, shown)
                    }
                    Err(why) => {
                        let Some(Ok((base, file))) = bases.get(&job.source) else {
                            continue;
                        };
                        self.left_out(i, n, &base.views[job.view], file, why, LEFT_OUT)
                    }
                },
            };
            if let Some(d) = repeated.take(d) {
                diagnostics.push(d);
            }
        }
        repeated.report(diagnostics);
        self.bases = views;
    }

    /// Each view the jobs name, once, in parallel; the notes that pass a base's own
    /// filters found once for all its views when they do not read `this`.
    fn run_jobs(
        &self,
        notes: &Notes,
        bases: &HashMap<Source, Result<(Base, PathBuf), Diagnostic>>,
        named: &[Result<Job, Diagnostic>],
    ) -> HashMap<Job, Result<Arc<View>, String>> {
        let mut jobs: Vec<&Job> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for job in named.iter().flatten() {
            if seen.insert(job) {
                jobs.push(job);
            }
        }
        let base = |job: &Job| match bases.get(&job.source) {
            Some(Ok((base, _))) => Some(base),
            _ => None,
        };
        let sources: Vec<&Source> = {
            let mut seen = std::collections::HashSet::new();
            jobs.iter()
                .map(|j| &j.source)
                .filter(|s| seen.insert(*s))
                .collect()
        };
        let kept: HashMap<&Source, Option<Vec<usize>>> = sources
            .par_iter()
            .map(|&source| {
                let base = base(&Job {
                    source: source.clone(),
                    view: 0,
                    this: None,
                });
                let rows = base.and_then(|b| self.passing_base_filters(notes, b));
                (source, rows)
            })
            .collect();
        // The budget is spent in the order of the embeds, so the same views are
        // left out on every build.
        let mut spent = 0usize;
        let budget: Vec<bool> = jobs
            .iter()
            .map(|job| {
                let rows = kept.get(&job.source).and_then(|r| r.as_ref());
                spent += rows.map_or(notes.len(), Vec::len);
                spent <= MAX_TESTS
            })
            .collect();
        jobs.par_iter()
            .zip(budget)
            .map(|(&job, within)| {
                let view = match (base(job), within) {
                    (_, false) => Err(format!(
                        "would test more than {MAX_TESTS} notes, with the site's other views"
                    )),
                    (None, true) => Err("cannot be read".to_string()),
                    (Some(base), true) => {
                        let rows = kept.get(&job.source).and_then(|r| r.as_deref());
                        let this = job.this.unwrap_or(0);
                        self.run_view(notes, base, &base.views[job.view], this, rows)
                    }
                };
                (job.clone(), view.map(Arc::new))
            })
            .collect()
    }

    /// The report of a view of article `i`'s embed `n` left out, and why.
    fn left_out(
        &self,
        i: usize,
        n: usize,
        spec: &ViewSpec,
        file: &std::path::Path,
        why: &str,
        shown: &str,
    ) -> Diagnostic {
        let embed = &self.articles[i].parsed.bases[n];
        let name = shown_name(embed);
        let label = match &embed.view {
            Some(_) => name,
            None => format!("{name}#{}", spec.name),
        };
        let d = Diagnostic::warning(
            Code::UnsupportedSyntax,
            format!("{BASES_VIEW} `{label}` {why}: {shown}"),
        )
        .help(format!(
            "{}; {}{}",
            match why.starts_with("is a ") {
                true => "a map or a plugin's view needs scripts a published page does not run",
                false =>
                    "a published page cannot compute it as Obsidian does when the note is opened",
            },
            match shown == SHOWN_WITHOUT {
                true => "sort by a property the notes hold (a `created:` or `updated:` date)",
                false => "list the notes it shows as links",
            },
            match file.as_os_str().is_empty() {
                true => String::new(),
                false => format!(", or change the view in {}", file.display()),
            }
        ));
        self.severity(d.at(&self.articles[i].path, embed.line, embed.column))
    }

    /// A warning that is an error under `unsupported_syntax = "error"`.
    fn severity(&self, mut d: Diagnostic) -> Diagnostic {
        if self.config.build.unsupported_syntax != crate::config::UnsupportedSyntax::Warn {
            d.severity = Severity::Error;
        }
        d
    }

    /// The `.base` file an embed in article `i` names, found as Obsidian finds a file
    /// by its name (or the end of its path): beside the note first.
    fn base_file(&self, files: &[String], i: usize, written: &str) -> Result<String, Diagnostic> {
        let wanted = super::fold(written.trim().trim_start_matches('/'));
        let files: Vec<&String> = (files.iter())
            .filter(|p| {
                let p = super::fold(p);
                p == wanted || p.ends_with(&format!("/{wanted}"))
            })
            .collect();
        let folder = self.articles[i]
            .rel
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let beside = files
            .iter()
            .find(|f| f.rsplit_once('/').map_or("", |(d, _)| d) == folder);
        let shortest = files
            .iter()
            .min_by_key(|f| (f.matches('/').count(), f.len()));
        beside.or(shortest).map(|f| f.to_string()).ok_or_else(|| {
            Diagnostic::error(
                Code::MissingFile,
                format!("{BASES_VIEW} `{written}` is not in the content folder: it is left out of the page"),
            )
            .help("put the `.base` file anywhere under the content folder; it is found by its name")
        })
    }

    fn read_base(&self, source: &Source, embed: &BaseEmbed) -> Result<(Base, PathBuf), Diagnostic> {
        let (text, file, first_line) = match source {
            Source::Block(i, _) => (
                embed.source.clone().unwrap_or_default(),
                self.articles[*i].path.clone(),
                embed.line + 1,
            ),
            Source::File(path) => {
                let file = match self.config.build.content_dir.trim_matches('/') {
                    "." | "" => PathBuf::from(path),
                    dir => std::path::Path::new(dir).join(path),
                };
                let text = std::fs::read_to_string(self.root.join(&file)).map_err(|e| {
                    Diagnostic::warning(
                        Code::MissingFile,
                        format!(
                            "{BASES_VIEW} `{path}` cannot be read: {e}: it is left out of the page"
                        ),
                    )
                    .at(&file, 1, 1)
                })?;
                (text, file, 1)
            }
        };
        let text = crate::marks::strip_marks(text);
        match spec::read(&text) {
            Ok(base) => {
                let file = match source {
                    Source::File(_) => file,
                    Source::Block(..) => PathBuf::new(),
                };
                Ok((base, file))
            }
            Err(e) => {
                let line = e
                    .line
                    .or_else(|| {
                        let near = e.near.as_deref()?;
                        text.lines().position(|l| l.contains(near)).map(|l| l + 1)
                    })
                    .unwrap_or(1);
                Err(Diagnostic::warning(
                    Code::UnsupportedSyntax,
                    format!(
                        "{BASES_VIEW} `{}` cannot be read: {}: it is left out of the page",
                        shown_name(embed),
                        e.message
                    ),
                )
                .at(&file, first_line + line - 1, 1)
                .help("write the base as Obsidian's \"Bases syntax\" page describes it"))
            }
        }
    }
}

/// How a report names an embedded base: its file, and the view after `#`.
fn shown_name(embed: &BaseEmbed) -> String {
    let file = match embed.source {
        Some(_) => "base code block",
        None => embed.file.as_str(),
    };
    match &embed.view {
        Some(view) => format!("{file}#{view}"),
        None => file.to_string(),
    }
}

/// The `.base` files of the content folder `content`, any folder (a vault keeps them
/// among its templates, which are not published), by their paths from it.
fn base_files(content: &std::path::Path) -> Vec<String> {
    let hidden =
        |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    let mut files: Vec<String> = walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("base"))
        })
        .filter_map(|e| {
            let rel = e.path().strip_prefix(content).ok()?;
            Some(rel.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    files.sort();
    files
}
