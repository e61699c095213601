//! Front matter as other tools write it: TOML between `+++` lines (Hugo, Zola), dates
//! with a time of day, Hugo's and Zola's names for attune's keys (`weight`, `lastmod`,
//! `[taxonomies] tags`), and keys a site declares on purpose.

use super::spans::{Spans, Step};
use super::{Date, FrontMatter};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use serde::Deserialize;
use std::fmt;
use std::path::Path;

/// A top-level front matter key attune does not know, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    pub name: String,
    pub line: usize,
    pub column: usize,
}

/// Zola's `[taxonomies]` table; other taxonomies than `tags` are ignored.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Taxonomies {
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A yes-or-no key (`draft`, `headless`) as Hugo and Quartz read it: `true`/`false`,
/// the same words quoted (`draft: "true"`, as Quartz's and Hugo's readers accept;
/// also `1`/`0`, `t`/`f`, in any case, as Hugo's `cast.ToBool`), `1`/`0`, and no value
/// at all (`draft:`), which is `false`. Anything else is an error naming the key's
/// values.
pub(super) fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    d.deserialize_any(FlagVisitor)
}

/// A yes-or-no key whose absence means something else than `false` (`publish`). A
/// date or a year in its place (`publish: 2013-09-03`, `publish: 1911`: the date a
/// book came out, as Obsidian's Book Search plugin writes it into every book note) is
/// the author's own data, not the flag: read as if the key were not there, as Obsidian
/// Publish and Quartz (which publish only `publish: true`) read it.
pub(super) fn some_flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    d.deserialize_any(SomeFlagVisitor)
}

/// Whether `word` is a year, a year and month or a date (`1911`, `2015-07`,
/// `2013-09-03`), with a time after it or not.
fn is_date_like(word: &str) -> bool {
    let word = word.trim();
    let date = word.get(..10).unwrap_or(word);
    let mut parts = date.split('-');
    let year = parts.next().unwrap_or("");
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && parts.all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && (word.len() == date.len() || Date::parse_date_or_datetime(word).is_some())
}

struct SomeFlagVisitor;

impl<'de> serde::de::Visitor<'de> for SomeFlagVisitor {
    type Value = Option<bool>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`true` or `false`")
    }
    fn visit_bool<E: serde::de::Error>(self, flag: bool) -> Result<Option<bool>, E> {
        Ok(Some(flag))
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Option<bool>, E> {
        match n {
            0 | 1 => Ok(Some(n == 1)),
            _ => self.visit_str(&n.to_string()),
        }
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Option<bool>, E> {
        self.visit_i64(i64::try_from(n).unwrap_or(i64::MAX))
    }
    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<Option<bool>, E> {
        if is_date_like(word) {
            return Ok(None);
        }
        FlagVisitor.visit_str(word).map(Some)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Option<bool>, E> {
        Ok(Some(false))
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Option<bool>, E> {
        Ok(Some(false))
    }
    // A TOML date (`publish = 2013-09-03` in `+++` front matter).
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Option<bool>, A::Error> {
        DateVisitor.visit_map(map).map(|_| None)
    }
}

struct FlagVisitor;

impl serde::de::Visitor<'_> for FlagVisitor {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`true` or `false`")
    }
    fn visit_bool<E: serde::de::Error>(self, flag: bool) -> Result<bool, E> {
        Ok(flag)
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<bool, E> {
        match n {
            0 | 1 => Ok(n == 1),
            _ => self.visit_str(&n.to_string()),
        }
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<bool, E> {
        self.visit_i64(i64::try_from(n).unwrap_or(i64::MAX))
    }
    fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<bool, E> {
        match word.trim().to_ascii_lowercase().as_str() {
            "true" | "t" | "1" => Ok(true),
            "false" | "f" | "0" | "" => Ok(false),
            _ => Err(E::custom(format!(
                "a yes-or-no key is `true` or `false`, not `{word}`"
            ))),
        }
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// Reads a [`Date`] from a string (a date, or a date and time whose date is kept) or
/// from a TOML date or datetime value, which the `toml` crate hands over as a map of
/// one private key to the value's text.
pub(super) struct DateVisitor;

impl<'de> serde::de::Visitor<'de> for DateVisitor {
    type Value = Date;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date in the form YYYY-MM-DD")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
        Date::parse_date_or_datetime(s).ok_or_else(|| {
            E::custom(format!(
                "'{s}' is not a date in the form YYYY-MM-DD (a time may follow: 2026-03-04T10:00:00Z)"
            ))
        })
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
        match map.next_entry::<String, String>()? {
            Some((key, value)) if key.contains("datetime") => self.visit_str(&value),
            _ => Err(serde::de::Error::custom(
                "expected a date in the form YYYY-MM-DD, found a table",
            )),
        }
    }
}

/// Deserializes front matter once, noting the key path of each key that nothing
/// reads (through `serde_ignored`): the unknown keys, found by the struct itself.
pub(super) fn read_front<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<(T, Vec<Vec<Step>>), D::Error> {
    let mut ignored = Vec::new();
    let front = serde_ignored::deserialize(d, |path| {
        let mut steps = Vec::new();
        key_path(&path, &mut steps);
        ignored.push(steps);
    })?;
    Ok((front, ignored))
}

/// A `serde_ignored` path as key steps (`Option`s and newtypes take none).
fn key_path(path: &serde_ignored::Path, steps: &mut Vec<Step>) {
    use serde_ignored::Path;
    match path {
        Path::Root => {}
        Path::Seq { parent, index } => {
            key_path(parent, steps);
            steps.push(Step::Item(*index));
        }
        Path::Map { parent, key } => {
            key_path(parent, steps);
            steps.push(Step::Key(key.clone()));
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => key_path(parent, steps),
    }
}

/// The unknown keys among the `ignored` key paths, named by their path
/// (`review.note`), each where `spans` says it is written (made only if there is one).
/// Zola's other taxonomies than `tags`, a person's other keys than `name` in
/// `author` (`{name: …, href: …}`), the keys a Hugo `cascade` hands down for
/// templates, Obsidian's `cssclasses`, Quartz's `enableToc` (its table of contents
/// on or off; attune shows "On this page" by its own rule) and a Hugo theme's `math`,
/// `katex` and `mathjax` (read with the body: `markdown/mathjax.rs`) are not read
/// here on purpose, without a warning.
pub(super) fn unknown_keys(
    ignored: Vec<Vec<Step>>,
    spans: impl FnOnce() -> Spans,
    first_line: usize,
) -> Vec<UnknownKey> {
    const ON_PURPOSE: [&str; 9] = [
        "taxonomies",
        "author",
        "cascade",
        "cssclasses",
        "cssclass",
        "enableToc",
        "math",
        "katex",
        "mathjax",
    ];
    let ignored: Vec<Vec<Step>> = ignored
        .into_iter()
        .filter(|path| {
            !ON_PURPOSE
                .iter()
                .any(|k| path.first() == Some(&Step::key(k)))
        })
        .collect();
    if ignored.is_empty() {
        return Vec::new();
    }
    let spans = spans();
    ignored
        .into_iter()
        .map(|path| {
            let name = super::spans::dotted(&path);
            let (line, column) = spans.key(&path).unwrap_or((first_line, 1));
            UnknownKey { name, line, column }
        })
        .collect()
}

/// Parses TOML front matter whose first line is line `first_line` of the file. Syntax
/// and type errors are reported at their line and column in the file.
pub(super) fn parse_toml(
    toml_text: &str,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<FrontMatter> {
    let at = |offset: usize| {
        let (l, c) = line_col(toml_text, offset);
        (l + first_line - 1, c)
    };
    match read_front::<FrontMatter, _>(toml::Deserializer::new(toml_text)) {
        Ok((mut front, ignored)) => {
            front.unknown_keys =
                unknown_keys(ignored, || Spans::toml(toml_text, first_line), first_line);
            Some(front)
        }
        Err(e) => {
            // Told apart only on this path: text that is no TOML, or TOML that does
            // not fit the keys.
            let (e, what) = match toml::from_str::<toml::Table>(toml_text) {
                Err(syntax) => (syntax, "invalid TOML in front matter"),
                Ok(_) => (e, "front matter"),
            };
            let (l, c) = e.span().map_or((first_line, 1), |s| at(s.start));
            diagnostics.push(
                Diagnostic::error(
                    Code::FrontMatter,
                    format!("{what}: {}", e.message().trim()),
                )
                .at(file, l, c)
                .help("TOML front matter sits between two `+++` lines: `key = \"value\"`, one per line"),
            );
            None
        }
    }
}

/// Folds other tools' names into attune's: `weight` into `order`, `lastmod` into
/// `updated`, Hugo's `publishDate` into `date` when there is none, Zola's
/// `[taxonomies] tags` into `tags` (TOML `aliases`: see [`toml_aliases_from_root`]). An article
/// that gives both names of one key is an error at the second, as the two could
/// disagree.
pub(super) fn resolve_synonyms(
    mut front: FrontMatter,
    head: &str,
    format: super::fence::Format,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<FrontMatter> {
    let mut clash = |ours: &str, theirs: &str| {
        let spans = Spans::of(format, head, first_line);
        let position = |key| spans.key(&[Step::key(key)]);
        let (l, c) = match (position(ours), position(theirs)) {
            (Some(a), Some(b)) => a.max(b),
            (a, b) => a.or(b).unwrap_or((first_line, 1)),
        };
        diagnostics.push(
            Diagnostic::error(
                Code::FrontMatter,
                format!("both `{ours}` and `{theirs}` are set; they mean the same"),
            )
            .at(file, l, c)
            .help(format!("keep one of them: `{theirs}` is read as `{ours}`")),
        );
    };
    let mut ok = true;
    match (front.order, front.weight.take()) {
        (Some(_), Some(_)) => {
            clash("order", "weight");
            ok = false;
        }
        (None, weight) => front.order = weight,
        _ => {}
    }
    match (front.updated, front.lastmod.take()) {
        (Some(_), Some(_)) => {
            clash("updated", "lastmod");
            ok = false;
        }
        (None, lastmod) => front.updated = lastmod,
        _ => {}
    }
    // Obsidian Publish's `permalink` is where the note was published, as Zola's `path`
    // (Jekyll's, with `:title` placeholders, names no one address: not read).
    if let Some(permalink) = front.permalink.take() {
        if front.path.is_none() && !permalink.trim().is_empty() && !permalink.contains(':') {
            front.path = Some(permalink);
        }
    }
    // Hugo dates a page by its `publishDate` when it gives no `date`; Dendron by its
    // `created`.
    if front.date.is_none() {
        front.date = front.publish_date.or(front.created);
    }
    // Quartz reads `tag` when a note gives no `tags`; Dendron writes `desc` for the
    // note's description, empty until the writer gives one.
    if front.tags.is_empty() {
        front.tags = std::mem::take(&mut front.tag);
    }
    if front.description.is_none() && front.summary.is_none() {
        front.description = front.desc.take().filter(|d| !d.trim().is_empty());
    }
    // `language:` holding no language tag: the site's own key of that name.
    if front.language.is_none() && head.contains("language") {
        let place = Spans::of(format, head, first_line).key(&[Step::key("language")]);
        if let Some((line, column)) = place {
            let name = "language".to_string();
            front.unknown_keys.push(UnknownKey { name, line, column });
        }
    }
    if let Some(taxonomies) = front.taxonomies.take() {
        for tag in taxonomies.tags {
            if !front.tags.contains(&tag) {
                front.tags.push(tag);
            }
        }
    }
    ok.then_some(front)
}

/// `date: {{date}}`, `- {{title}}`, `date: <% tp.date.now() %>`: a template tool's
/// placeholder (Obsidian's Templates, Templater), which YAML would read as a mapping or
/// not a date. Each is blanked (the key left empty, offsets kept) with a warning at its
/// line and column; `None` when there is none.
pub(super) fn blank_placeholders(
    yaml: &str,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    if !yaml.contains("{{") && !yaml.contains("<%") {
        return None;
    }
    let mut out = String::with_capacity(yaml.len());
    let mut any = false;
    for (n, line) in yaml.split_inclusive('\n').enumerate() {
        let content = line.trim_end();
        let value_at = if let Some((key, _)) = content.split_once(": ") {
            (!key.trim_start().starts_with('-') && !key.contains('{')).then(|| key.len() + 2)
        } else {
            content
                .trim_start()
                .starts_with("- ")
                .then(|| content.len() - content.trim_start().len() + 2)
        };
        let placeholder = value_at.and_then(|at| {
            let value = content.get(at..)?.trim();
            let wrapped = |(a, b): (&str, &str)| value.starts_with(a) && value.ends_with(b);
            let column = at + content[at..].len() - content[at..].trim_start().len();
            ((wrapped(("{{", "}}")) || wrapped(("<%", "%>"))) && !value.contains('\n'))
                .then_some((column, value))
        });
        let Some((column, value)) = placeholder else {
            out.push_str(line);
            continue;
        };
        diagnostics.push(
            Diagnostic::warning(
                Code::UnsupportedSyntax,
                format!("template placeholder `{value}` in front matter is not supported: the value is left empty"),
            )
            .at(file, first_line + n, column + 1)
            .help("write the value itself (a template tool fills it in when it makes a note from the template)"),
        );
        out.push_str(&line[..column]);
        out.push_str(&" ".repeat(value.len()));
        out.push_str(&line[column + value.len()..]);
        any = true;
    }
    any.then_some(out)
}

/// In TOML front matter (`+++`), Zola reads `aliases` as addresses from the site's
/// root, with or without the leading `/`: old addresses, each a redirect to the page.
/// Not on a Hugo site, which reads an alias without it from the folder of the page's
/// address, as in YAML (`aliases = ["solace"]` in `docs/2.5/scalers/solace-pub-sub.md`
/// is `docs/2.5/scalers/solace/`), so the sources' aliases stay as written there.
pub(super) fn toml_aliases_from_root(sources: &mut [super::Source]) {
    for source in sources {
        if !source
            .text
            .trim_start_matches('\u{feff}')
            .starts_with("+++")
        {
            continue;
        }
        for alias in &mut source.front.aliases {
            if !alias.trim().starts_with('/') {
                *alias = format!("/{}", alias.trim());
            }
        }
    }
}
