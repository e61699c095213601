//! `[permalinks]` (and the [`Entry`] `[redirects]` shares): the addresses another tool gave pages, pasted from
//! its configuration as it is (mdBook's `[output.html.redirect]` table, Hugo's
//! `permalinks`), each entry with where it is written in book.toml.

use super::spans::key_start_at;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use std::path::Path;
use toml::Spanned;

/// One `"key" = "value"` entry: the key, the value, and the line and column of each.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub value: String,
    pub at: (usize, usize),
    pub value_at: (usize, usize),
    /// The file it is written in: book.toml, or GitBook's `.gitbook.yaml`.
    pub file: std::path::PathBuf,
    /// A rule of the host's redirects file (Netlify's `_redirects`), which the host
    /// honours whatever attune does: a redirect page is written only where nothing
    /// else is, and one leading to no page of the site is left to the host unreported.
    pub host: bool,
}

/// What a Hugo permalink pattern is for: `[permalinks] blog = …` and
/// `[permalinks.page] blog = …` are the section's pages, `[permalinks.section]` the
/// section's own page; `term` and `taxonomy` are Hugo's tag pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PermalinkKind {
    Page,
    Section,
    Term,
    Taxonomy,
}

/// `[permalinks]`: section name → Hugo pattern (`"/:year/:month/:slug/"`), or
/// Hugo's array form (`[[permalinks]]`, Hugo 0.161), each a pattern and the pages it
/// is for.
#[derive(Debug, Clone, Default)]
pub struct Permalinks {
    raw: Vec<(PermalinkKind, String, Spanned<String>)>,
    raw_rules: Vec<RawRule>,
    /// Kind and entry, in the order written, once located.
    pub entries: Vec<(PermalinkKind, Entry)>,
    /// The array form's entries, in the order written (the first that matches a page
    /// applies), once located.
    pub rules: Vec<Rule>,
    /// The Hugo configuration file they were read from, when book.toml has none of its
    /// own (see [`Permalinks::from_hugo`]).
    pub read_from: Option<std::path::PathBuf>,
}

/// One `[[permalinks]]` entry: its `pattern` (as an [`Entry`] whose key is empty)
/// and its `target`, Hugo's page matcher, each a glob (`{/articles/**}`), absent when
/// it matches any page.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub pattern: Entry,
    /// A glob of the page's logical path (`/articles/my-post`).
    pub path: Option<String>,
    /// A glob of the page's kind: `page`, `section`, `home`, `taxonomy`, `term`.
    pub kind: Option<String>,
    /// A glob of the build environment (attune builds what Hugo calls `production`).
    pub environment: Option<String>,
    /// Globs of the languages it is for (`target.sites.matrix.languages`, or the
    /// older `target.lang`).
    pub languages: Option<Vec<String>>,
}

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    pattern: Spanned<String>,
    #[serde(default)]
    target: Option<RawTarget>,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    path: Option<String>,
    kind: Option<String>,
    environment: Option<String>,
    lang: Option<String>,
    sites: Option<RawSites>,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
struct RawSites {
    matrix: Option<RawMatrix>,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
struct RawMatrix {
    languages: Option<Vec<String>>,
}

pub(super) fn located(text: &str, key: &str, value: &Spanned<String>) -> Entry {
    let start = value.span().start;
    Entry {
        key: key.to_string(),
        value: value.get_ref().clone(),
        at: line_col(text, key_start_at(text, start)),
        value_at: line_col(text, start),
        file: super::FILE_NAME.into(),
        host: false,
    }
}

impl Permalinks {
    /// The file they are written in: book.toml, or the Hugo configuration they were
    /// read from.
    pub fn file(&self) -> &Path {
        self.read_from
            .as_deref()
            .unwrap_or(Path::new(super::FILE_NAME))
    }

    /// Whether book.toml asks for any permalink.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.rules.is_empty()
    }

    /// Fills [`Permalinks::entries`] with positions in `text`; a pattern with a token
    /// Hugo does not know is an error at the pattern.
    pub(super) fn locate(&mut self, text: &str, file: &Path, problems: &mut Diagnostics) {
        self.entries = self
            .raw
            .iter()
            .map(|(kind, k, v)| (*kind, located(text, k, v)))
            .collect();
        self.rules = self
            .raw_rules
            .iter()
            .map(|raw| {
                let target = raw.target.clone().unwrap_or_default();
                let languages = target
                    .sites
                    .and_then(|s| s.matrix?.languages)
                    .or(target.lang.map(|l| vec![l]));
                Rule {
                    pattern: located(text, "pattern", &raw.pattern),
                    path: target.path,
                    kind: target.kind,
                    environment: target.environment,
                    languages,
                }
            })
            .collect();
        let patterns = self.entries.iter().map(|(_, e)| e);
        for entry in patterns.chain(self.rules.iter().map(|r| &r.pattern)) {
            let outside = entry.value.split('/').any(|s| s == ".." || s == ".")
                || entry.value.contains(['\\', '\0', '?', '#']);
            if outside {
                let (l, c) = entry.value_at;
                problems.push(
                    Diagnostic::error(
                        Code::Config,
                        format!(
                            "permalink '{}' is not an address inside the site",
                            entry.value.escape_debug()
                        ),
                    )
                    .at(file, l, c)
                    .help("write the address from the site's root, as Hugo does: \"/:year/:month/:slug/\""),
                );
                continue;
            }
            if let Err(token) = pattern(&entry.value) {
                let (l, c) = entry.value_at;
                problems.push(
                    Diagnostic::error(
                        Code::Config,
                        format!(
                            "permalink '{}' has the token ':{token}', which Hugo does not define",
                            entry.value
                        ),
                    )
                    .at(file, l, c)
                    .help(format!(
                        "tokens: {}, or a Go date layout such as :2006 or :01",
                        TOKENS.join(", ")
                    )),
                );
            }
        }
    }
}

/// Hugo's permalink tokens (`:sections` and `:sectionslugs` also with a slice,
/// `:sections[1:]`).
pub const TOKENS: &[&str] = &[
    ":year",
    ":month",
    ":monthname",
    ":day",
    ":weekday",
    ":weekdayname",
    ":yearday",
    ":section",
    ":sectionslug",
    ":sections",
    ":sectionslugs",
    ":title",
    ":slug",
    ":filename",
    ":slugorfilename",
    ":contentbasename",
    ":slugorcontentbasename",
];

/// A part of a permalink pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    /// A token's name, without its `:`, and its slice (`1:`, `:last`) if any.
    Token(String, Option<String>),
    /// A Go date layout (`:2006`, `:01`, `:Jan`).
    Layout(String),
}

/// A pattern read as Hugo reads it: `:` and a word is a token, one of [`TOKENS`], else
/// a Go date layout (a word Go's date formatting changes); else `Err` with the word.
pub fn pattern(text: &str) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(':') {
        let word_len = rest[at + 1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len() - at - 1);
        if word_len == 0 {
            parts.push(Part::Text(rest[..=at].to_string()));
            rest = &rest[at + 1..];
            continue;
        }
        if at > 0 {
            parts.push(Part::Text(rest[..at].to_string()));
        }
        let word = &rest[at + 1..at + 1 + word_len];
        rest = &rest[at + 1 + word_len..];
        if TOKENS.contains(&format!(":{word}").as_str()) {
            let slice = if matches!(word, "sections" | "sectionslugs") {
                rest.strip_prefix('[')
                    .and_then(|r| r.split_once(']'))
                    .map(|(inside, after)| {
                        rest = after;
                        inside.to_string()
                    })
            } else {
                None
            };
            parts.push(Part::Token(word.to_string(), slice));
        } else if is_layout(word) {
            parts.push(Part::Layout(word.to_string()));
        } else {
            return Err(word.to_string());
        }
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_string()));
    }
    Ok(parts)
}

/// The Go layout elements a date fills in, longest first where one starts another.
pub const LAYOUT: &[&str] = &[
    "January", "Jan", "Monday", "Mon", "2006", "002", "01", "02", "06", "15", "03", "04", "05",
    "__2", "_2", "1", "2", "3", "4", "5", "PM", "pm",
];

/// Whether Go's date formatting would change `word`: it holds a layout element.
fn is_layout(word: &str) -> bool {
    let mut rest = word;
    while let Some(c) = rest.chars().next() {
        if LAYOUT.iter().any(|e| rest.starts_with(e)) {
            return true;
        }
        rest = &rest[c.len_utf8()..];
    }
    false
}

impl Rule {
    /// Whether this entry is for the page at the logical path `path` (`/articles/x`,
    /// lower case) of kind `kind`, on a site in `language`, built as Hugo's
    /// `production` environment.
    pub fn matches(&self, path: &str, kind: &str, language: &str) -> bool {
        let fits = |glob_text: &Option<String>, text: &str| {
            glob_text
                .as_deref()
                .is_none_or(|g| glob(&g.to_lowercase(), text))
        };
        fits(&self.path, path)
            && fits(&self.kind, kind)
            && fits(&self.environment, "production")
            && self
                .languages
                .as_ref()
                .is_none_or(|ls| ls.iter().any(|l| glob(&l.to_lowercase(), language)))
    }
}

/// Whether `text` matches the glob `pattern` as Hugo's page matchers read one (with
/// `/` as the separator): `{a,b}` either, `**` anything, `*` anything within a path
/// segment, `?` one character but `/`.
pub fn glob(pattern: &str, text: &str) -> bool {
    // The alternatives of the first `{…}`, each tried in its place.
    if let Some(open) = pattern.find('{') {
        let mut depth = 0;
        let mut close = None;
        let mut commas = Vec::new();
        for (i, c) in pattern[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + i);
                        break;
                    }
                }
                ',' if depth == 1 => commas.push(open + i),
                _ => {}
            }
        }
        if let Some(close) = close {
            let (head, tail) = (&pattern[..open], &pattern[close + 1..]);
            let mut starts = vec![open + 1];
            starts.extend(commas.iter().map(|c| c + 1));
            let mut ends = commas.clone();
            ends.push(close);
            return starts
                .iter()
                .zip(&ends)
                .any(|(&a, &b)| glob(&format!("{head}{}{tail}", &pattern[a..b]), text));
        }
    }
    fn at(p: &[char], t: &[char]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some('*') if p.get(1) == Some(&'*') => (0..=t.len()).any(|n| at(&p[2..], &t[n..])),
            Some('*') => (0..=t.len())
                .take_while(|&n| n == 0 || t[n - 1] != '/')
                .any(|n| at(&p[1..], &t[n..])),
            Some('?') => t.first().is_some_and(|&c| c != '/') && at(&p[1..], &t[1..]),
            Some(c) => t.first() == Some(c) && at(&p[1..], &t[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    at(&p, &t)
}

struct PermalinksVisitor;

impl<'de> Visitor<'de> for PermalinksVisitor {
    type Value = Permalinks;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a table of section = \"/:year/:month/:slug/\" entries, Hugo's [permalinks.page] and [permalinks.section] tables, or its [[permalinks]] entries with `pattern` and `target`")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Permalinks, A::Error> {
        let mut raw = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Spanned<StringOrTable>>()?;
            let span = value.span();
            match value.into_inner() {
                StringOrTable::String(p) => {
                    raw.push((PermalinkKind::Page, key, Spanned::new(span, p)))
                }
                StringOrTable::Table(entries) => {
                    let kind = match key.as_str() {
                        "page" => PermalinkKind::Page,
                        "section" => PermalinkKind::Section,
                        "term" => PermalinkKind::Term,
                        "taxonomy" => PermalinkKind::Taxonomy,
                        _ => {
                            return Err(serde::de::Error::custom(format!(
                                "`permalinks.{key}` is not a kind of page Hugo's permalinks name: write `page`, `section`, `term` or `taxonomy`"
                            )))
                        }
                    };
                    raw.extend(entries.into_iter().map(|(k, v)| (kind, k, v)));
                }
            }
        }
        Ok(Permalinks {
            raw,
            ..Permalinks::default()
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Permalinks, A::Error> {
        let mut raw_rules = Vec::new();
        while let Some(rule) = seq.next_element::<RawRule>()? {
            raw_rules.push(rule);
        }
        Ok(Permalinks {
            raw_rules,
            ..Permalinks::default()
        })
    }
}

impl<'de> serde::Deserialize<'de> for Permalinks {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(PermalinksVisitor)
    }
}

/// A `[permalinks]` value: a pattern, or (under `page`, `section`…) a table of them.
enum StringOrTable {
    String(String),
    Table(Vec<(String, Spanned<String>)>),
}

impl<'de> serde::Deserialize<'de> for StringOrTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StringOrTable;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a pattern such as \"/:year/:month/:slug/\", or a table of them")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<StringOrTable, E> {
                Ok(StringOrTable::String(s.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StringOrTable, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    entries.push((key, map.next_value::<Spanned<String>>()?));
                }
                Ok(StringOrTable::Table(entries))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_read_as_hugos_page_matchers_read_them() {
        assert!(glob("{/articles/**}", "/articles/x"));
        assert!(glob("{/articles/**}", "/articles/a/b"));
        assert!(!glob("{/articles/**}", "/articles"));
        assert!(glob("{/books,/books/**}", "/books"));
        assert!(glob("/books/*", "/books/x"));
        assert!(!glob("/books/*", "/books/x/y"));
        assert!(glob("{taxonomy,term}", "term"));
        assert!(!glob("{taxonomy,term}", "page"));
        assert!(glob("pa?e", "page"));
    }
}
