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
mod notes;
mod render;
mod spec;

use super::Site;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use crate::markdown::{BaseEmbed, BASES_VIEW};
use eval::{Env, Unsupported, Value};
use notes::Notes;
use spec::{Base, Filter, Kind, ViewSpec};
use std::collections::HashMap;
use std::path::PathBuf;

/// The most notes a site's views may test, all embeds together: a template that
/// embeds a base in thousands of notes of a big vault would otherwise take minutes.
const MAX_TESTS: usize = 20_000_000;

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
}

/// Where a base comes from: a `.base` file of the content folder, or a code block.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Source {
    File(String),
    Block(usize, usize),
}

impl Site {
    /// Computes every Bases view the articles show (see the module's text).
    pub(super) fn compute_bases(&mut self, diagnostics: &mut Diagnostics) {
        let embeds: Vec<(usize, usize)> = (self.articles.iter().enumerate())
            .flat_map(|(i, a)| (0..a.parsed.bases.len()).map(move |n| (i, n)))
            .collect();
        let mut views: Vec<Vec<Option<View>>> = (self.articles.iter())
            .map(|a| vec![None; a.parsed.bases.len()])
            .collect();
        if embeds.is_empty() {
            self.bases = views;
            return;
        }
        let notes = Notes::new(self);
        let files = self.base_files();
        let mut bases: HashMap<Source, Result<(Base, PathBuf), Diagnostic>> = HashMap::new();
        // Views that do not read `this` are the same wherever they are embedded.
        let mut shared: HashMap<(Source, usize), Result<View, String>> = HashMap::new();
        let mut tests = 0usize;
        // A template's embed is in every note made from it: one report for the site.
        let mut repeated = super::repeated::Repeated::default();
        let mut report = |d: Diagnostic| {
            if let Some(d) = repeated.take(d) {
                diagnostics.push(d);
            }
        };
        for (i, n) in embeds {
            let embed = &self.articles[i].parsed.bases[n];
            let at = |d: Diagnostic| d.at(&self.articles[i].path, embed.line, embed.column);
            let source = match &embed.source {
                Some(_) => Source::Block(i, n),
                None => match self.base_file(&files, i, &embed.file) {
                    Ok(path) => Source::File(path),
                    Err(d) => {
                        let broken = self.config.build.broken_links;
                        report(broken.report(at(d), "without it"));
                        continue;
                    }
                },
            };
            let base = bases
                .entry(source.clone())
                .or_insert_with(|| self.read_base(&source, embed));
            let (base, file) = match base {
                Ok(found) => (&found.0, &found.1),
                Err(d) => {
                    report(self.severity(d.clone()));
                    continue;
                }
            };
            let name = shown_name(embed);
            let Some((v, spec)) = pick_view(base, embed.view.as_deref()) else {
                let why = match &embed.view {
                    Some(view) => format!("has no view named `{view}`"),
                    None => "has no views".into(),
                };
                let d = Diagnostic::warning(
                    Code::UnsupportedSyntax,
                    format!("{BASES_VIEW} `{name}` {why}: it is left out of the page"),
                )
                .help("name one of the base's views after `#`, as its `views:` list names them");
                report(self.severity(at(d)));
                continue;
            };
            let reads_this = base.reads_this(spec);
            let key = (source.clone(), v);
            let computed = match shared.get(&key) {
                Some(view) if !reads_this => view.clone(),
                _ => {
                    let view = self.run_view(&notes, base, spec, i, &mut tests);
                    if !reads_this {
                        shared.insert(key, view.clone());
                    }
                    view
                }
            };
            match computed {
                Ok(view) => views[i][n] = Some(view),
                Err(why) => {
                    let label = match &embed.view {
                        Some(_) => name.clone(),
                        None => format!("{name}#{}", spec.name),
                    };
                    let d = Diagnostic::warning(
                        Code::UnsupportedSyntax,
                        format!("{BASES_VIEW} `{label}` {why}: it is left out of the page"),
                    )
                    .help(format!(
                        "{}; list the notes it shows as links{}",
                        match why.starts_with("is a ") {
                            true => "a map or a plugin's view needs scripts a published page does not run",
                            false => "a published page cannot compute it as Obsidian does when the note is opened",
                        },
                        match file.as_os_str().is_empty() {
                            true => String::new(),
                            false => format!(", or change the view in {}", file.display()),
                        }
                    ));
                    report(self.severity(at(d)));
                }
            }
        }
        repeated.report(diagnostics);
        self.bases = views;
    }

    /// A warning that is an error under `unsupported_syntax = "error"`.
    fn severity(&self, mut d: Diagnostic) -> Diagnostic {
        if self.config.build.unsupported_syntax != crate::config::UnsupportedSyntax::Warn {
            d.severity = Severity::Error;
        }
        d
    }

    /// The `.base` files of the content folder, any folder (a vault keeps them among
    /// its templates, which are not published), by their paths from it.
    fn base_files(&self) -> Vec<String> {
        let content = self.root.join(&self.config.build.content_dir);
        let hidden = |e: &walkdir::DirEntry| {
            e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.')
        };
        let mut files: Vec<String> = walkdir::WalkDir::new(&content)
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
                let rel = e.path().strip_prefix(&content).ok()?;
                Some(rel.to_string_lossy().replace('\\', "/"))
            })
            .collect();
        files.sort();
        files
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

    /// The rows of a view embedded in article `this`, or why it cannot be computed.
    fn run_view(
        &self,
        notes: &Notes,
        base: &Base,
        spec: &ViewSpec,
        this: usize,
        tests: &mut usize,
    ) -> Result<View, String> {
        let kind = spec
            .kind
            .clone()
            .map_err(|kind| format!("is a `{kind}` view, which attune does not draw"))?;
        *tests += self.articles.len();
        if *tests > MAX_TESTS {
            return Err(format!(
                "would test more than {MAX_TESTS} notes, with the site's other views"
            ));
        }
        let unsupported = |u: Unsupported| format!("uses {}", u.0);
        let mut env = Env {
            vault: notes,
            formulas: &base.formulas,
            row: 0,
            this,
            locals: Vec::new(),
            depth: 0,
        };
        let mut rows: Vec<usize> = Vec::new();
        for row in notes.order() {
            env.row = row;
            let keep = [&base.filters, &spec.filters]
                .into_iter()
                .flatten()
                .try_fold(true, |keep, f| Ok(keep && passes(&mut env, f)?))
                .map_err(unsupported)?;
            if keep {
                rows.push(row);
            }
        }
        let columns = match spec.order.is_empty() {
            true => vec!["file.name".to_string()],
            false => spec.order.clone(),
        };
        let mut value = |row: usize, property: &str| {
            env.row = row;
            notes.column(&mut env, property)
        };
        // Sorted by the group first, then by the view's sort, then by path.
        let mut keys: Vec<(usize, Vec<Value>)> = Vec::with_capacity(rows.len());
        for &row in &rows {
            let mut key = Vec::new();
            for (property, _) in spec.group_by.iter().chain(&spec.sort) {
                key.push(value(row, property).map_err(unsupported)?);
            }
            keys.push((row, key));
        }
        let directions: Vec<bool> = spec
            .group_by
            .iter()
            .chain(&spec.sort)
            .map(|(_, d)| *d)
            .collect();
        keys.sort_by(|(_, a), (_, b)| {
            a.iter()
                .zip(b)
                .zip(&directions)
                .map(|((x, y), &descending)| match descending {
                    true => eval::order(y, x),
                    false => eval::order(x, y),
                })
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        keys.truncate(spec.limit.unwrap_or(usize::MAX));
        let mut groups: Vec<(Option<Cell>, Vec<Vec<Cell>>)> = Vec::new();
        let mut shown: Vec<Vec<Value>> = vec![Vec::new(); columns.len()];
        for (row, key) in &keys {
            let mut cells = Vec::with_capacity(columns.len());
            for (c, property) in columns.iter().enumerate() {
                let v = value(*row, property).map_err(unsupported)?;
                cells.push(notes.cell(&v));
                shown[c].push(v);
            }
            let group = spec.group_by.as_ref().map(|_| notes.cell(&key[0]));
            match groups.last_mut() {
                Some((g, rows)) if *g == group => rows.push(cells),
                _ => groups.push((group, vec![cells])),
            }
        }
        let mut summaries = vec![String::new(); columns.len()];
        for (property, summary) in &spec.summaries {
            if let Some(c) = columns.iter().position(|p| same_property(p, property)) {
                summaries[c] =
                    render::summary(&mut env, base, summary, &shown[c]).map_err(unsupported)?;
            }
        }
        if spec.summaries.is_empty() {
            summaries.clear();
        }
        Ok(View {
            kind,
            name: spec.name.clone(),
            columns: columns.iter().map(|p| base.display_name(p)).collect(),
            groups,
            summaries,
        })
    }
}

impl Base {
    /// A property's name in a view's header: its `displayName`, else the name itself.
    fn display_name(&self, property: &str) -> String {
        let found = (self.names.iter()).find(|(k, _)| same_property(k, property));
        match found {
            Some((_, name)) => name.clone(),
            None if property == "file.name" => "file name".into(),
            None => property
                .strip_prefix("note.")
                .or_else(|| property.strip_prefix("formula."))
                .unwrap_or(property)
                .to_string(),
        }
    }

    /// Whether a view's answer depends on the note that embeds it.
    fn reads_this(&self, spec: &ViewSpec) -> bool {
        let filters = [&self.filters, &spec.filters].into_iter().flatten();
        filters.into_iter().any(filter_reads_this) || self.formulas.values().any(expr::reads_this)
    }
}

fn filter_reads_this(f: &Filter) -> bool {
    match f {
        Filter::Expr(e) => expr::reads_this(e),
        Filter::All(items) | Filter::Any(items) | Filter::None(items) => {
            items.iter().any(filter_reads_this)
        }
    }
}

/// Whether `property` and `other` name one property (`author` is `note.author`).
fn same_property(property: &str, other: &str) -> bool {
    let bare = |p: &str| p.strip_prefix("note.").unwrap_or(p).to_string();
    bare(property) == bare(other)
}

fn passes(env: &mut Env, filter: &Filter) -> Result<bool, Unsupported> {
    Ok(match filter {
        Filter::Expr(e) => eval::truthy(&env.eval(e)?),
        Filter::All(items) => {
            for f in items {
                if !passes(env, f)? {
                    return Ok(false);
                }
            }
            true
        }
        Filter::Any(items) => {
            for f in items {
                if passes(env, f)? {
                    return Ok(true);
                }
            }
            items.is_empty()
        }
        Filter::None(items) => {
            for f in items {
                if passes(env, f)? {
                    return Ok(false);
                }
            }
            true
        }
    })
}

/// The view an embed names, else the base's first, with its index.
fn pick_view<'b>(base: &'b Base, name: Option<&str>) -> Option<(usize, &'b ViewSpec)> {
    let views = base.views.iter().enumerate();
    match name {
        None => views.into_iter().next(),
        Some(name) => {
            let mut views = views;
            views
                .clone()
                .find(|(_, v)| v.name == name)
                .or_else(|| views.find(|(_, v)| v.name.to_lowercase() == name.to_lowercase()))
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
