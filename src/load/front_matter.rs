//! Front matter as attune reads it: the keys it knows, what they hold, and splitting
//! a file's front matter (YAML between `---` lines, or TOML between `+++` lines, read
//! by [`super::front`]) from its body.

use super::front::{self, UnknownKey};
use super::yaml::{find_key, guard_yaml, yaml_message};
use super::Date;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

/// Front matter keys attune understands, in the order [`FrontMatter`] declares them;
/// anything else earns a warning. Read from the struct itself (the field names serde
/// deserializes), so a key is written once, as a field, and known everywhere.
pub static FRONT_MATTER_KEYS: LazyLock<&'static [&'static str]> =
    LazyLock::new(struct_fields::<FrontMatter>);

/// The field names a struct's derived `Deserialize` accepts: it hands them to
/// `deserialize_struct`, where this deserializer keeps them and stops.
fn struct_fields<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{value::Error, Error as _, Visitor};
    struct Fields<'a>(&'a mut &'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for Fields<'_> {
        type Error = Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Error> {
            *self.0 = fields;
            Err(Error::custom("fields read"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Fields(&mut fields));
    fields
}

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

/// Splits front matter from the body: YAML between `---` lines or TOML between `+++`
/// lines (as Hugo and Zola write it), after any blank lines. Files without it are fine.
pub fn split_front_matter(
    text: &str,
    file: &Path,
    diagnostics: &mut Diagnostics,
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
            Diagnostic::error(Code::FrontMatter, "front matter is not closed")
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
    diagnostics: &mut Diagnostics,
) -> Option<FrontMatter> {
    let at = |line: usize, column: usize| (line + first_line - 1, column);
    if yaml.trim().is_empty() {
        return Some(FrontMatter::default());
    }
    if let Err((message, offset)) = guard_yaml(yaml) {
        let (l, c) = line_col(yaml, offset);
        let (l, c) = at(l, c);
        diagnostics.push(
            Diagnostic::error(Code::FrontMatter, format!("front matter: {message}"))
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
                    Code::FrontMatter,
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
                Code::FrontMatter,
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
                    Code::FrontMatter,
                    format!("front matter: {}", yaml_message(&e)),
                )
                .at(file, l, c),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::report_unknown_keys;

    fn split(text: &str) -> (Option<(FrontMatter, usize)>, Vec<Diagnostic>) {
        let mut d = Diagnostics::new();
        let r = split_front_matter(text, Path::new("a.md"), &mut d);
        (r, d.into_vec())
    }

    #[test]
    fn the_known_keys_are_the_fields() {
        assert_eq!(
            *FRONT_MATTER_KEYS,
            [
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
                "weight",
                "lastmod",
                "taxonomies",
            ]
        );
        // The field that holds what is not read is no key.
        let (r, _) = split("---\nunknown_keys: x\n---\n");
        assert_eq!(r.unwrap().0.unknown_keys[0].name, "unknown_keys");
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
        let mut d = Diagnostics::new();
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
        let mut d = Diagnostics::new();
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
}
