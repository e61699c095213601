//! `content/` → sources: articles with their YAML front matter, the glossary, the
//! bibliography, reading paths and static assets. Nothing here knows about other files;
//! cross-file checks belong to `site`.

use crate::diagnostic::{line_col, Diagnostic};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

mod front;
pub use front::{humanise, report_unknown_keys, title_from_file_name, UnknownKey};

/// Front matter keys attune understands; anything else earns a warning.
pub const FRONT_MATTER_KEYS: &[&str] = &[
    "title",
    "summary",
    "description",
    "topic",
    "tags",
    "order",
    "aliases",
    "relations",
    "content_note",
    "author",
    "review",
    "reviewed_by",
    "last_reviewed",
    "next_review",
    "date",
    "updated",
    "changes",
    "safety",
    "language",
    "handout",
    "draft",
    // Hugo's and Zola's names for attune's keys (see `front::resolve_synonyms`).
    "weight",
    "lastmod",
    "taxonomies",
];

#[derive(Debug, Clone, Default, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub summary: Option<String>,
    /// Accepted as a synonym of `summary`, as in Hugo and Zola.
    pub description: Option<String>,
    pub topic: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub order: Option<i64>,
    /// A list, or one alias alone (`aliases: Old name`), as Obsidian allows.
    #[serde(default, deserialize_with = "one_alias_or_many")]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub relations: BTreeMap<String, Vec<String>>,
    pub content_note: Option<String>,
    pub author: Option<String>,
    /// Clinical review: status, reviewer, role, dates (see [`crate::review`]).
    pub review: Option<ReviewFront>,
    /// Legacy alias of `review.reviewer`.
    pub reviewed_by: Option<String>,
    /// Legacy alias of `review.date`.
    pub last_reviewed: Option<Date>,
    /// Legacy alias of `review.next`.
    pub next_review: Option<Date>,
    /// First published.
    pub date: Option<Date>,
    /// Last updated; default: the newest `changes:` date.
    pub updated: Option<Date>,
    /// Version history: one dated line per change.
    #[serde(default)]
    pub changes: Vec<Change>,
    /// Ids of `[[safety.blocks]]` shown on the page: one id or a list.
    #[serde(default, deserialize_with = "one_or_many")]
    pub safety: Vec<String>,
    /// The article's language when it differs from the site's (BCP 47).
    pub language: Option<String>,
    #[serde(default)]
    pub handout: bool,
    #[serde(default)]
    pub draft: bool,
    /// Hugo's and Zola's name for `order`; folded into it on load.
    pub weight: Option<i64>,
    /// Hugo's name for `updated`; folded into it on load.
    pub lastmod: Option<Date>,
    /// Zola's `[taxonomies]`: its `tags` join `tags`.
    pub taxonomies: Option<front::Taxonomies>,
    /// Top-level keys attune does not know, with where they stand in the file: warned
    /// about by `site` unless `[front_matter] allow` names them.
    #[serde(skip)]
    pub unknown_keys: Vec<front::UnknownKey>,
}

/// `review:` in front matter, as written; [`crate::review::Review`] resolves it with
/// the legacy keys.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewFront {
    pub status: Option<ReviewStatus>,
    pub reviewer: Option<String>,
    pub role: Option<String>,
    pub date: Option<Date>,
    pub next: Option<Date>,
}

/// Where an article stands in clinical review. Never inferred: only an article that
/// says `approved` (with a reviewer and a date) makes a review claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewStatus {
    Draft,
    InReview,
    Approved,
}

impl ReviewStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in-review",
            Self::Approved => "approved",
        }
    }
}

/// One entry of an article's version history.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub date: Date,
    pub summary: String,
}

/// `aliases: name` or `aliases: [name, /old/url/]`.
fn one_alias_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let expected = || {
        serde::de::Error::custom(
            "`aliases` takes a name or old URL path, or a list of them, e.g. `aliases: [/old/path/, Other name]`",
        )
    };
    let text = |v: serde_yaml::Value| match v {
        serde_yaml::Value::String(s) => Ok(s),
        serde_yaml::Value::Number(n) => Ok(n.to_string()),
        serde_yaml::Value::Bool(b) => Ok(b.to_string()),
        _ => Err(expected()),
    };
    match serde_yaml::Value::deserialize(d)? {
        serde_yaml::Value::Null => Ok(Vec::new()),
        serde_yaml::Value::Sequence(items) => items.into_iter().map(text).collect(),
        one => Ok(vec![text(one)?]),
    }
}

/// `safety: id` or `safety: [id, id]`.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let expected = || {
        serde::de::Error::custom(
            "`safety` takes a safety block id or a list of ids, e.g. `safety: domestic-abuse`",
        )
    };
    match serde_yaml::Value::deserialize(d)? {
        serde_yaml::Value::Null => Ok(Vec::new()),
        serde_yaml::Value::String(id) => Ok(vec![id]),
        serde_yaml::Value::Sequence(ids) => ids
            .into_iter()
            .map(|id| match id {
                serde_yaml::Value::String(id) => Ok(id),
                _ => Err(expected()),
            })
            .collect(),
        _ => Err(expected()),
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        (s.trim().len() == 10
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(date)
    }

    /// A date, or a date and time whose date is kept: `2021-03-04`,
    /// `2021-03-04T10:00:00Z`, `2021-03-04 10:00`, as YAML, TOML, Hugo and Obsidian
    /// write them.
    pub fn parse_date_or_datetime(s: &str) -> Option<Date> {
        let s = s.trim();
        match s.get(10..) {
            Some("") => Date::parse(s),
            Some(rest)
                if (rest.starts_with('T') || rest.starts_with('t') || rest.starts_with(' '))
                    && rest[1..].starts_with(|c: char| c.is_ascii_digit()) =>
            {
                Date::parse(&s[..10])
            }
            _ => None,
        }
    }

    /// The same day `months` later, clamped to the end of a shorter month.
    pub fn add_months(self, months: u32) -> Date {
        // In i64, so no count of months wraps the year around.
        let total = i64::from(self.year) * 12 + (i64::from(self.month) - 1) + i64::from(months);
        let year = total
            .div_euclid(12)
            .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        let month = total.rem_euclid(12) as u32 + 1;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// `23 November 2026`.
    pub fn long(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!(
            "{} {} {}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    /// A `YYYY-MM-DD` string, or a date and time (`2021-03-04T10:00:00+01:00`, as Hugo
    /// writes them) whose date is kept; in TOML, a date or datetime value too.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(front::DateVisitor)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One Markdown file: where it is, its front matter and where its body starts.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path from the site root, for diagnostics (`content/effects/numbness.md`).
    pub path: PathBuf,
    /// Path from the content folder (`effects/numbness.md`).
    pub rel: PathBuf,
    pub slug: String,
    /// Declared or inferred topic; `None` for a standalone page at the content root.
    pub topic: Option<String>,
    pub front: FrontMatter,
    pub text: String,
    /// Byte offset of the body in `text`.
    pub body_start: usize,
    /// [`content_hash`] of the body: what `urls.json` records to notice edits.
    pub body_hash: u64,
}

impl Source {
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub definition: String,
    /// Slug of the article explaining the term at length.
    #[serde(default)]
    pub article: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    #[serde(default = "default_kind")]
    pub kind: ReferenceKind,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub year: Option<Year>,
    pub title: String,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceKind {
    Book,
    Article,
    Chapter,
    Website,
    Organisation,
}

fn default_kind() -> ReferenceKind {
    ReferenceKind::Book
}

impl ReferenceKind {
    pub fn heading(self) -> &'static str {
        match self {
            Self::Book => "Books",
            Self::Article => "Articles",
            Self::Chapter => "Chapters",
            Self::Website => "Websites",
            Self::Organisation => "Organisations",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Year {
    Number(i64),
    Text(String),
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Year::Number(n) => write!(f, "{n}"),
            Year::Text(t) => f.write_str(t),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathFile {
    pub title: String,
    /// Where the path comes in lists of paths: lower first; paths without one follow,
    /// by file name.
    #[serde(default)]
    pub order: Option<i64>,
    #[serde(default)]
    pub audience: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    pub steps: Vec<PathStep>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathStep {
    pub slug: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A reading path with its id (the file stem) and where it was read from.
#[derive(Debug, Clone)]
pub struct ReadingPath {
    pub id: String,
    pub file: PathBuf,
    pub text: String,
    pub path: PathFile,
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Content {
    pub sources: Vec<Source>,
    pub glossary: Vec<GlossaryEntry>,
    pub glossary_file: Option<(PathBuf, String)>,
    pub references: BTreeMap<String, Reference>,
    pub references_file: Option<(PathBuf, String)>,
    pub paths: Vec<ReadingPath>,
    /// Other files, copied as they are (path from the content folder).
    pub assets: Vec<PathBuf>,
    /// The content folder, where `{{#include}}` reads.
    pub dir: PathBuf,
    /// mdBook's `SUMMARY.md` at the top of the content folder, read and checked
    /// against the Markdown files there: see [`crate::summary`].
    pub summary: Option<crate::summary::Summary>,
}

/// Reads `content_dir`. Symbolic links that lead into (or contain) one of `outputs`,
/// the folders the site is written to, are skipped with a warning, so a site is never
/// published into itself.
pub fn load(
    root: &Path,
    content_dir: &str,
    drafts: bool,
    outputs: &[PathBuf],
    diagnostics: &mut Vec<Diagnostic>,
) -> Content {
    let dir = root.join(content_dir);
    let mut markdown = Vec::new();
    let mut content = Content {
        dir: dir.clone(),
        ..Content::default()
    };
    let outputs: Vec<PathBuf> = outputs
        .iter()
        .flat_map(|out| crate::output::build_folders(out))
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut into_output = Vec::new();
    let walker = WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if is_ignored(e.file_name().to_string_lossy().as_ref()) {
                return false;
            }
            if e.path_is_symlink() && !outputs.is_empty() {
                if let Ok(real) = e.path().canonicalize() {
                    if outputs
                        .iter()
                        .any(|o| real.starts_with(o) || o.starts_with(&real))
                    {
                        into_output.push(e.path().to_path_buf());
                        return false;
                    }
                }
            }
            true
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let at = e
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_else(|| PathBuf::from(content_dir));
                let message = if e.loop_ancestor().is_some() {
                    "symbolic link loop skipped".to_string()
                } else {
                    format!("could not read: {e}")
                };
                diagnostics.push(Diagnostic::warning("io", message).in_file(at));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&dir)
            .unwrap_or(entry.path())
            .to_path_buf();
        if rel.to_str().is_none() {
            // Two such names could read the same once made text, and merge.
            diagnostics.push(
                Diagnostic::error("bad-file-name", "file name is not valid UTF-8")
                    .in_file(display_path(root, entry.path()))
                    .help("rename the file (and its folders) with UTF-8 names"),
            );
            continue;
        }
        let rel_str = rel.to_string_lossy().replace('\\', "/");
        match rel_str.as_str() {
            "glossary.yaml" | "glossary.yml" => {
                content.glossary_file = read_text(root, entry.path(), diagnostics)
            }
            "references.yaml" | "references.yml" => {
                content.references_file = read_text(root, entry.path(), diagnostics)
            }
            crate::summary::FILE_NAME => {
                if let Some((file, text)) = read_text(root, entry.path(), diagnostics) {
                    content.summary =
                        Some(crate::summary::Summary::parse(&text, &file, diagnostics));
                }
            }
            s if s.starts_with("paths/") && (s.ends_with(".yaml") || s.ends_with(".yml")) => {
                if let Some((file, text)) = read_text(root, entry.path(), diagnostics) {
                    let id = slugify(&file.file_stem().unwrap_or_default().to_string_lossy());
                    if let Some(path) = parse_yaml::<PathFile>(&text, &file, diagnostics) {
                        content.paths.push(ReadingPath {
                            id,
                            file,
                            text,
                            path,
                        });
                    }
                }
            }
            s if s.ends_with(".md") || s.ends_with(".markdown") => {
                markdown.push((entry.path().to_path_buf(), rel))
            }
            _ => content.assets.push(rel),
        }
    }

    for link in into_output {
        diagnostics.push(
            Diagnostic::warning(
                "link-into-output",
                "this symbolic link leads into the output folder; skipped, so the site is never published into itself",
            )
            .in_file(display_path(root, &link))
            .help("point it elsewhere, or remove it from the content folder"),
        );
    }

    if let Some(summary) = &content.summary {
        // Drafts count as written: a book built without them still lists them.
        let files: std::collections::HashSet<&Path> =
            markdown.iter().map(|(_, rel)| rel.as_path()).collect();
        summary.check(
            &|rel| files.contains(rel),
            markdown.iter().map(|(_, rel)| rel.as_path()),
            diagnostics,
        );
    }

    let parsed: Vec<(Option<Source>, Vec<Diagnostic>)> = markdown
        .par_iter()
        .map(|(full, rel)| {
            let mut local = Vec::new();
            let source = read_source(root, full, rel, &mut local);
            (source, local)
        })
        .collect();
    for (source, local) in parsed {
        diagnostics.extend(local);
        if let Some(source) = source {
            if drafts || !source.front.draft {
                content.sources.push(source);
            }
        }
    }

    if let Some((file, text)) = &content.glossary_file {
        content.glossary = parse_yaml(text, file, diagnostics).unwrap_or_default();
    }
    if let Some((file, text)) = &content.references_file {
        let entries: Vec<(String, Reference)> =
            parse_yaml::<Entries<Reference>>(text, file, diagnostics)
                .map(|e| e.0)
                .unwrap_or_default();
        let mut seen = std::collections::BTreeSet::new();
        for (n, (key, _)) in entries.iter().enumerate() {
            if !seen.insert(key.as_str()) {
                let occurrence = entries[..n].iter().filter(|(k, _)| k == key).count();
                let (l1, _) = top_level_key(text, key, 0);
                let (l, c) = top_level_key(text, key, occurrence);
                diagnostics.push(
                    Diagnostic::error(
                        "duplicate-reference",
                        format!("reference key '{key}' is defined twice: here and at line {l1}"),
                    )
                    .at(file, l, c)
                    .help("give each reference its own key, or remove one"),
                );
            }
        }
        let mut references = BTreeMap::new();
        for (key, reference) in entries {
            references.entry(key).or_insert(reference);
        }
        content.references = references;
    }
    content
}

/// A YAML mapping read as its entries in order, duplicates kept (a map type would
/// silently keep only one of them).
struct Entries<T>(Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of keys to entries")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, T>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(Entries(Vec::new()))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// Line and column of the `n`-th (from 0) top-level `key:` in a YAML mapping, or of
/// the first when there are fewer.
pub fn top_level_key(text: &str, key: &str, n: usize) -> (usize, usize) {
    let starts = |line: &str| {
        [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
            .iter()
            .any(|k| {
                line.strip_prefix(k.as_str())
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
    };
    let mut offset = 0;
    let mut found = Vec::new();
    for line in text.split_inclusive('\n') {
        if starts(line) {
            found.push(offset);
        }
        offset += line.len();
    }
    match found.get(n).or(found.first()) {
        Some(&at) => line_col(text, at),
        None => locate(text, key),
    }
}

/// Byte offsets of the items of a top-level YAML sequence (lines starting `- `).
pub fn sequence_items(text: &str) -> Vec<usize> {
    let mut offset = 0;
    let mut items = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("- ") || line.trim_end() == "-" {
            items.push(offset);
        }
        offset += line.len();
    }
    items
}

/// Hidden files and folders, and the droppings of editors mid-save.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
}

fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Reads a file as UTF-8, or reports where it stops being UTF-8.
fn read_text(
    root: &Path,
    full: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(PathBuf, String)> {
    let file = display_path(root, full);
    let bytes = match std::fs::read(full) {
        Ok(bytes) => bytes,
        Err(e) => {
            diagnostics
                .push(Diagnostic::error("io", format!("could not read file: {e}")).in_file(file));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            let text = crate::diagnostic::normalize_lone_cr(crate::marks::strip_marks(text));
            if let Some(nul) = text.find('\0') {
                let (l, c) = line_col(&text, nul);
                diagnostics.push(
                    Diagnostic::error(
                        "not-text",
                        "file contains NUL bytes; it looks like a binary file, not text",
                    )
                    .at(file, l, c)
                    .help(
                        "remove it from the content folder, or rename it so it does not end in .md",
                    ),
                );
                return None;
            }
            Some((file, text))
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let (l, c) = line_col(&prefix, prefix.len());
            diagnostics.push(
                Diagnostic::error("not-utf8", "file is not valid UTF-8")
                    .at(file, l, c)
                    .help("save the file with UTF-8 encoding"),
            );
            None
        }
    }
}

fn read_source(
    root: &Path,
    full: &Path,
    rel: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Source> {
    let (path, text) = read_text(root, full, diagnostics)?;
    let (front, body_start) = split_front_matter(&text, &path, diagnostics)?;
    let slug = slugify(&rel.file_stem().unwrap_or_default().to_string_lossy());
    let folder = rel
        .parent()
        .and_then(|p| p.components().next())
        .map(|c| slugify(&c.as_os_str().to_string_lossy()));
    let topic = front.topic.clone().or(folder);
    let body_hash = content_hash(&text[body_start..]);
    Some(Source {
        path,
        rel: rel.to_path_buf(),
        slug,
        topic,
        front,
        text,
        body_start,
        body_hash,
    })
}

/// FNV-1a (64 bits) of `text` with line endings normalised to `\n`: a hash that stays
/// the same across platforms, toolchains and versions of attune, so a manifest
/// written today still compares with a build years from now.
pub fn content_hash(text: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            continue;
        }
        hash = (hash ^ u64::from(b)).wrapping_mul(PRIME);
    }
    hash
}

/// Splits front matter from the body: YAML between `---` lines or TOML between `+++`
/// lines (as Hugo and Zola write it), after any blank lines. Files without it are fine.
pub fn split_front_matter(
    text: &str,
    file: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(FrontMatter, usize)> {
    // Blank lines before the opening fence are skipped, as Hugo does.
    let mut start = 0;
    let mut fence_line = 1;
    let (fence, first_line_end) = loop {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let line = text[start..end].trim_end();
        if line.trim_start().is_empty() && end < text.len() {
            start = end;
            fence_line += 1;
            continue;
        }
        match line {
            "---" => break ("---", end),
            "+++" => break ("+++", end),
            _ => return Some((FrontMatter::default(), 0)),
        }
    };
    let mut offset = first_line_end;
    let mut close = None;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let line = text[offset..end].trim_end();
        if line == fence || (fence == "---" && line == "...") {
            close = Some((offset, end));
            break;
        }
        offset = end;
    }
    let Some((head_end, body_start)) = close else {
        if fence_line > 1 {
            // After blank lines, an unclosed fence is the body's own (a thematic break).
            return Some((FrontMatter::default(), 0));
        }
        diagnostics.push(
            Diagnostic::error("front-matter", "front matter is not closed")
                .at(file, fence_line, 1)
                .help(format!(
                    "add a line containing only `{fence}` after the last front matter key"
                )),
        );
        return None;
    };
    let head = &text[first_line_end..head_end];
    let front = if fence == "+++" {
        front::parse_toml(head, fence_line + 1, file, diagnostics)?
    } else {
        parse_front_matter(head, fence_line + 1, file, diagnostics)?
    };
    let front = front::resolve_synonyms(
        front,
        head,
        fence == "+++",
        fence_line + 1,
        file,
        diagnostics,
    )?;
    Some((front, body_start))
}

/// Parses YAML front matter whose first line is line `first_line` of the file.
fn parse_front_matter(
    yaml: &str,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FrontMatter> {
    let at = |line: usize, column: usize| (line + first_line - 1, column);
    if yaml.trim().is_empty() {
        return Some(FrontMatter::default());
    }
    if let Err((message, offset)) = guard_yaml(yaml) {
        let (l, c) = line_col(yaml, offset);
        let (l, c) = at(l, c);
        diagnostics.push(
            Diagnostic::error("front-matter", format!("front matter: {message}"))
                .at(file, l, c)
                .help("write the values out in full, without deep nesting or repeated aliases"),
        );
        return None;
    }
    let value: serde_yaml::Value = match serde_yaml::from_str(yaml) {
        Ok(value) => value,
        Err(e) => {
            let (l, c) = e
                .location()
                .map_or((first_line, 1), |loc| at(loc.line(), loc.column()));
            diagnostics.push(
                Diagnostic::error(
                    "front-matter",
                    format!("invalid YAML in front matter: {}", yaml_message(&e)),
                )
                .at(file, l, c)
                .help("front matter is YAML between two `---` lines: `key: value`, one per line"),
            );
            return None;
        }
    };
    let serde_yaml::Value::Mapping(map) = &value else {
        diagnostics.push(
            Diagnostic::error(
                "front-matter",
                "front matter must be a mapping of keys to values",
            )
            .at(file, first_line, 1)
            .help("write it as `key: value` lines, e.g. `title: My article`"),
        );
        return None;
    };
    let mut unknown_keys = Vec::new();
    for key in map.keys() {
        let name = key.as_str().unwrap_or_default();
        if !FRONT_MATTER_KEYS.contains(&name) {
            let (line, column) = find_key(yaml, name).map_or((first_line, 1), |(l, c)| at(l, c));
            unknown_keys.push(UnknownKey {
                name: name.to_string(),
                line,
                column,
            });
        }
    }
    match serde_yaml::from_str::<FrontMatter>(yaml) {
        Ok(mut front) => {
            front.unknown_keys = unknown_keys;
            Some(front)
        }
        Err(e) => {
            let (l, c) = e
                .location()
                .map_or((first_line, 1), |loc| at(loc.line(), loc.column()));
            diagnostics.push(
                Diagnostic::error(
                    "front-matter",
                    format!("front matter: {}", yaml_message(&e)),
                )
                .at(file, l, c),
            );
            None
        }
    }
}

/// serde_yaml appends " at line L column C" to messages; the diagnostic carries that already.
fn yaml_message(e: &serde_yaml::Error) -> String {
    let message = e.to_string();
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

/// Line (1-based within `yaml`) and column of a top-level key.
pub(crate) fn find_key(yaml: &str, key: &str) -> Option<(usize, usize)> {
    yaml.lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| (i + 1, 1))
}

/// Nesting deeper than this is refused before parsing (the YAML parser slows down
/// with the square of the depth, and refuses past 128 levels anyway).
pub const MAX_YAML_DEPTH: usize = 128;

/// Values a document's aliases may expand it to, beyond its own length in bytes: no
/// document without aliases comes near its length in values.
const ALIAS_ALLOWANCE: usize = 10_000;

/// Refuses YAML whose structure would cost far more than its size, before it is
/// parsed: nesting deeper than [`MAX_YAML_DEPTH`] (found by a linear scan of the
/// text), and aliases that expand the document to more values than its length in
/// bytes (plus [`ALIAS_ALLOWANCE`]), counted without building them. Returns the
/// message and the byte offset to report it at.
pub fn guard_yaml(text: &str) -> Result<(), (String, usize)> {
    let scan = scan_yaml(text);
    if let Some(at) = scan.too_deep {
        return Err((
            format!("YAML nested more than {MAX_YAML_DEPTH} levels deep"),
            at,
        ));
    }
    let Some(first_alias) = scan.first_alias else {
        return Ok(());
    };
    let limit = text.len() + ALIAS_ALLOWANCE;
    let count = std::cell::Cell::new(0usize);
    let deserializer = serde_yaml::Deserializer::from_str(text);
    match serde::de::DeserializeSeed::deserialize(Budget { count: &count, limit }, deserializer) {
        Err(_) if count.get() > limit => Err((
            format!(
                "aliases expand this YAML to more than {limit} values; refused so it cannot exhaust memory"
            ),
            first_alias,
        )),
        // Other errors are reported by the real parse, with their own position.
        _ => Ok(()),
    }
}

/// What a linear scan of YAML text finds: where nesting first passes the limit, and
/// where the first alias (`*name`) is.
struct YamlScan {
    too_deep: Option<usize>,
    first_alias: Option<usize>,
}

fn scan_yaml(text: &str) -> YamlScan {
    let bytes = text.as_bytes();
    let mut scan = YamlScan {
        too_deep: None,
        first_alias: None,
    };
    let mut flow = 0usize;
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        let prev = if i == 0 { b'\n' } else { bytes[i - 1] };
        let token_start = matches!(prev, b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',');
        if line_start {
            // Block sequences opened on one line: `- - - - x`.
            let mut j = i;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t') {
                j += 1;
            }
            let mut dashes = 0;
            while j + 1 < bytes.len()
                && matches!(bytes[j], b'-' | b'?')
                && matches!(bytes[j + 1], b' ' | b'\t')
            {
                dashes += 1;
                j += 2;
                while j < bytes.len() && matches!(bytes[j], b' ' | b'\t') {
                    j += 1;
                }
            }
            if flow + dashes > MAX_YAML_DEPTH && scan.too_deep.is_none() {
                scan.too_deep = Some(i);
                return scan;
            }
            line_start = false;
        }
        match b {
            b'\n' | b'\r' => line_start = true,
            b'#' if token_start => {
                while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                    i += 1;
                }
                continue;
            }
            b'\'' if token_start => {
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
            }
            b'"' if token_start => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'[' | b'{' => {
                flow += 1;
                if flow > MAX_YAML_DEPTH {
                    scan.too_deep = Some(i);
                    return scan;
                }
            }
            b']' | b'}' => flow = flow.saturating_sub(1),
            b'*' if token_start && scan.first_alias.is_none() => scan.first_alias = Some(i),
            _ => {}
        }
        i += 1;
    }
    scan
}

/// Counts the values a YAML document expands to (aliases replayed), stopping with an
/// error once past `limit`; nothing is kept.
#[derive(Clone, Copy)]
struct Budget<'a> {
    count: &'a std::cell::Cell<usize>,
    limit: usize,
}

impl Budget<'_> {
    fn tick<E: serde::de::Error>(self) -> Result<(), E> {
        self.count.set(self.count.get() + 1);
        if self.count.get() > self.limit {
            Err(E::custom("too many values"))
        } else {
            Ok(())
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Budget<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Budget<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.tick()
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.tick()
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.tick()
    }
    fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<(), E> {
        self.tick()
    }
    fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<(), E> {
        self.tick()
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.tick()
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        self.tick()
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.tick()?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.tick()?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        use serde::de::VariantAccess as _;
        self.tick()?;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

/// Parses a whole YAML data file, reporting errors at their position.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    if let Err((message, at)) = guard_yaml(text) {
        let (l, c) = line_col(text, at);
        diagnostics.push(
            Diagnostic::error("data-file", message)
                .at(file, l, c)
                .help("write the values out in full, without deep nesting or repeated aliases"),
        );
        return None;
    }
    match serde_yaml::from_str(text) {
        Ok(value) => Some(value),
        Err(e) => {
            let (l, c) = e
                .location()
                .map_or((1, 1), |loc| (loc.line(), loc.column()));
            diagnostics.push(Diagnostic::error("data-file", yaml_message(&e)).at(file, l, c));
            None
        }
    }
}

/// A URL-safe identifier: lowercase letters and digits (any script), single hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' {
            pending_hyphen = true;
        }
    }
    slug
}

/// Line and column of the first occurrence of `needle` in `text`, or the file start.
pub fn locate(text: &str, needle: &str) -> (usize, usize) {
    text.find(needle).map_or((1, 1), |i| line_col(text, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (Option<(FrontMatter, usize)>, Vec<Diagnostic>) {
        let mut d = Vec::new();
        let r = split_front_matter(text, Path::new("a.md"), &mut d);
        (r, d)
    }

    #[test]
    fn slugify_makes_stable_ids() {
        assert_eq!(
            slugify("Section 1 of article 12"),
            "section-1-of-article-12"
        );
        assert_eq!(slugify("  What's *this*?  "), "whats-this");
        assert_eq!(slugify("Über Gefühle"), "über-gefühle");
    }

    #[test]
    fn front_matter_is_optional() {
        let (r, d) = split("# Title\n\nBody\n");
        assert_eq!(r.unwrap().1, 0);
        assert!(d.is_empty());
    }

    #[test]
    fn wrong_type_is_located() {
        let (r, d) = split("---\ntitle: A\ntags: 5\n---\nbody\n");
        assert!(r.is_none());
        assert_eq!((d[0].line, d[0].column), (3, 7));
        assert!(d[0].message.contains("invalid type"), "{}", d[0].message);
    }

    #[test]
    fn unknown_key_warns_with_suggestion_unless_allowed() {
        let (r, d) = split("---\ntitle: A\nsumary: x\npublish: true\n---\n");
        assert!(d.is_empty(), "{d:?}");
        let front = r.unwrap().0;
        let mut d = Vec::new();
        report_unknown_keys(&front, Path::new("a.md"), &[], &mut d);
        assert_eq!((d[0].line, d[0].column), (3, 1));
        assert_eq!(d[0].help.as_deref(), Some("did you mean `summary`?"));
        assert_eq!(d[1].line, 4);
        assert!(
            d[1].help
                .as_deref()
                .unwrap()
                .contains("allow = [\"publish\"]"),
            "{d:?}"
        );
        let mut d = Vec::new();
        report_unknown_keys(&front, Path::new("a.md"), &["publish".into()], &mut d);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn yaml_may_follow_blank_lines_and_keeps_its_line_numbers() {
        let (r, d) = split("\n\n---\ntitle: A\ntags: 5\n---\nbody\n");
        assert!(r.is_none());
        assert_eq!((d[0].line, d[0].column), (5, 7), "{d:?}");
        let (r, d) = split("\n  \n---\ntitle: A\n---\nbody\n");
        let (front, start) = r.unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(front.title.as_deref(), Some("A"));
        assert_eq!(&"\n  \n---\ntitle: A\n---\nbody\n"[start..], "body\n");
        // After blank lines, an unclosed `---` is a thematic break, not front matter.
        let (r, d) = split("\n---\nJust text.\n");
        assert_eq!(r.unwrap().1, 0);
        assert!(d.is_empty(), "{d:?}");
        // At the top, it is an error.
        let (r, d) = split("---\ntitle: A\n");
        assert!(r.is_none());
        assert_eq!(d[0].message, "front matter is not closed");
    }

    #[test]
    fn toml_front_matter_is_read_with_hugo_names() {
        let text = "+++\ntitle = \"Hugo page\"\nweight = 3\ndate = 2021-03-04T10:00:00+01:00\nlastmod = \"2022-01-02\"\ndraft = false\ntags = [\"a\"]\n[taxonomies]\ntags = [\"b\"]\n+++\nBody\n";
        let (r, d) = split(text);
        assert!(d.is_empty(), "{d:?}");
        let (front, start) = r.unwrap();
        assert_eq!(front.title.as_deref(), Some("Hugo page"));
        assert_eq!(front.order, Some(3));
        assert_eq!(front.date.unwrap().to_string(), "2021-03-04");
        assert_eq!(front.updated.unwrap().to_string(), "2022-01-02");
        assert_eq!(front.tags, ["a", "b"]);
        assert_eq!(&text[start..], "Body\n");
        // A local date, and an unknown key with its place.
        let (r, _) = split("\n+++\ndate = 2020-05-06\nlayout = \"x\"\n+++\n");
        let front = r.unwrap().0;
        assert_eq!(front.date.unwrap().to_string(), "2020-05-06");
        assert_eq!(
            front.unknown_keys,
            [UnknownKey {
                name: "layout".into(),
                line: 4,
                column: 1
            }]
        );
    }

    #[test]
    fn toml_errors_are_located_in_the_file() {
        // Syntax: the unclosed string on line 4 of the file.
        let (r, d) = split("\n+++\ntitle = \"A\"\nsummary = \"oops\n+++\n");
        assert!(r.is_none());
        assert_eq!(d[0].line, 4, "{d:?}");
        assert!(d[0].message.starts_with("invalid TOML"), "{d:?}");
        // Type: tags must be a list.
        let (r, d) = split("+++\ntitle = \"A\"\ntags = 5\n+++\n");
        assert!(r.is_none());
        assert_eq!((d[0].line, d[0].column), (3, 8), "{d:?}");
        // A date that is not one.
        let (r, d) = split("+++\ndate = \"March 4\"\n+++\n");
        assert!(r.is_none());
        assert_eq!((d[0].line, d[0].column), (2, 8), "{d:?}");
        assert!(d[0].message.contains("not a date"), "{d:?}");
        let (r, d) = split("+++\n+++\n");
        assert!(r.is_some() && d.is_empty(), "{d:?}");
    }

    #[test]
    fn order_and_weight_are_one_key() {
        let (r, d) = split("---\nweight: 4\n---\n");
        assert!(d.is_empty());
        assert_eq!(r.unwrap().0.order, Some(4));
        let (r, d) = split("---\norder: 1\ntitle: A\nweight: 4\n---\n");
        assert!(r.is_none());
        assert_eq!((d[0].line, d[0].column), (4, 1), "{d:?}");
        assert!(d[0].message.contains("both `order` and `weight`"), "{d:?}");
        let (r, d) = split("+++\nlastmod = 2021-01-01\nupdated = 2021-01-02\n+++\n");
        assert!(r.is_none());
        assert_eq!(d[0].line, 3, "{d:?}");
        // Dates with a time keep their date, in YAML too.
        let (r, d) = split("---\ndate: 2021-03-04T10:00:00Z\nupdated: 2021-03-05 08:00\n---\n");
        assert!(d.is_empty(), "{d:?}");
        let front = r.unwrap().0;
        assert_eq!(front.date.unwrap().to_string(), "2021-03-04");
        assert_eq!(front.updated.unwrap().to_string(), "2021-03-05");
        let (r, d) = split("---\ndate: 2021-03-04X\n---\n");
        assert!(r.is_none() && d[0].message.contains("not a date"), "{d:?}");
    }

    #[test]
    fn content_hash_is_fnv1a_and_ignores_line_endings() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(content_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(content_hash("one\r\ntwo\n"), content_hash("one\ntwo\n"));
        assert_ne!(content_hash("one\ntwo\n"), content_hash("one\ntwo.\n"));
    }

    #[test]
    fn review_front_matter_and_safety_ids_parse() {
        let (r, d) = split(
            "---\nreview:\n  status: in-review\nsafety: domestic-abuse\nchanges:\n  - date: 2026-11-30\n    summary: First.\n---\n",
        );
        let front = r.unwrap().0;
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(front.review.unwrap().status, Some(ReviewStatus::InReview));
        assert_eq!(front.safety, ["domestic-abuse"]);
        assert_eq!(front.changes[0].summary, "First.");
        let (r, d) = split("---\nsafety: 5\n---\n");
        assert!(r.is_none());
        assert!(
            d[0].message.contains("`safety` takes a safety block id"),
            "{d:?}"
        );
        let (r, d) = split("---\nreview:\n  status: aproved\n---\n");
        assert!(r.is_none());
        assert_eq!((d[0].line, d[0].column), (3, 11), "{d:?}");
    }

    #[test]
    fn dates_validate_and_add_months() {
        assert!(Date::parse("2026-02-30").is_none());
        let d = Date::parse("2024-01-31").unwrap();
        assert_eq!(d.add_months(1).to_string(), "2024-02-29");
        assert_eq!(d.add_months(24).to_string(), "2026-01-31");
        assert_eq!(d.long(), "31 January 2024");
    }
}
