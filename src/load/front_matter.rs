//! Front matter as attune reads it: the keys it knows, what they hold, and splitting
//! a file's front matter (YAML between `---` lines; TOML between `+++` lines, read by
//! [`super::front`]; a JSON object, read by [`super::front_json`]; found by
//! [`super::fence`]) from its body.

mod lists;

use super::fence::{find_front_matter, Format, Found};
use super::front;
use super::front_lenient;
use super::spans::Spans;
use super::yaml::{guard_yaml, wrong_kind, yaml_message};
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
    LazyLock::new(super::front_forms::struct_fields::<FrontMatter>);

#[derive(Debug, Clone, Default, Deserialize)]
pub struct FrontMatter {
    /// Text, or a number YAML reads as one (`title: 2024`, a yearly note's), as text.
    #[serde(default, deserialize_with = "scalar_text")]
    pub title: Option<String>,
    pub summary: Option<String>,
    /// Accepted as a synonym of `summary`, as in Hugo and Zola.
    pub description: Option<String>,
    /// Dendron's description (`desc: ''` in every new note): the note's `description`
    /// when it has none and this is not empty (folded on load).
    #[serde(default, deserialize_with = "scalar_text")]
    pub desc: Option<String>,
    pub topic: Option<String>,
    /// A list, or one tag or a comma-separated line of them (`tags: grief, loss`), as
    /// Obsidian allows; empty entries (`- ` with nothing after it) are skipped.
    #[serde(default, deserialize_with = "lists::tag_list")]
    pub tags: Vec<String>,
    /// Quartz's other name for `tags`, read as Quartz reads it: the note's tags when it
    /// gives no `tags` (folded on load).
    #[serde(default, deserialize_with = "lists::tag_list")]
    pub tag: Vec<String>,
    pub order: Option<i64>,
    /// A list, or one alias alone (`aliases: Old name`), as Obsidian allows.
    #[serde(default, alias = "redirect_from")]
    #[serde(deserialize_with = "lists::one_alias_or_many")]
    pub aliases: Vec<String>,
    #[serde(default, deserialize_with = "lists::one_alias_or_many")]
    pub alias: Vec<String>,
    #[serde(default)]
    pub relations: BTreeMap<String, Vec<String>>,
    pub content_note: Option<String>,
    /// One name, or a list of names (Hugo themes and Obsidian properties write
    /// `author: [A, B]`), shown joined with commas.
    #[serde(default, deserialize_with = "names")]
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
    #[serde(default, deserialize_with = "super::date::note_date")]
    pub date: Option<Date>,
    /// Dendron's creation time (epoch milliseconds, as `updated`): the note's `date`
    /// when it gives none (folded on load).
    #[serde(default, deserialize_with = "super::date::note_date")]
    pub created: Option<Date>,
    /// Last updated; default: the newest `changes:` date.
    #[serde(default, deserialize_with = "super::date::note_date")]
    pub updated: Option<Date>,
    /// Version history: one dated line per change.
    #[serde(default)]
    pub changes: Vec<Change>,
    /// Ids of `[[safety.blocks]]` shown on the page: one id or a list.
    #[serde(default, deserialize_with = "lists::one_or_many")]
    pub safety: Vec<String>,
    /// The article's language when it differs from the site's (BCP 47).
    /// A language tag only (`en`, `fr-CA`): a site's own key of that name holding
    /// something else (`language: [English]`) is read as an unknown key.
    #[serde(default, deserialize_with = "super::front_forms::language_tag")]
    pub language: Option<String>,
    #[serde(default)]
    pub handout: bool,
    #[serde(default, deserialize_with = "front::flag")]
    pub draft: bool,
    /// Obsidian Publish's and Quartz's `publish`: `false` holds the page back as
    /// `draft: true` does (a note marked never to be published stays private).
    #[serde(default, deserialize_with = "front::some_flag")]
    pub publish: Option<bool>,
    /// Dendron's and Jekyll's `published`: `false` holds the page back too.
    #[serde(default, deserialize_with = "front::some_flag")]
    pub published: Option<bool>,
    /// Obsidian's core `cssclasses` (or `cssclass`): classes for the vault's CSS
    /// snippets, which attune's theme has no use for. Known, and not read.
    #[serde(alias = "cssclass")]
    pub cssclasses: Option<serde::de::IgnoredAny>,
    /// Whether the page asks its theme for math, as LoveIt, FixIt, Stack and PaperMod
    /// read it (`math: true`, LoveIt's `math: {enable: true}`, `katex`, `mathjax`):
    /// KaTeX's `\\( … \\)` are math on it. Read with the body (`markdown/mathjax.rs`).
    pub math: Option<serde::de::IgnoredAny>,
    pub katex: Option<serde::de::IgnoredAny>,
    pub mathjax: Option<serde::de::IgnoredAny>,
    /// Obsidian Publish's address for a note (`permalink: links`): folded into `path`
    /// on load, an old address leading to the page, as Zola's.
    #[serde(default, deserialize_with = "scalar_text")]
    pub permalink: Option<String>,
    /// Hugo's and Zola's `order` (Just the Docs' `nav_order`, Docusaurus'
    /// `sidebar_position`), read as Hugo reads it.
    #[serde(default, alias = "nav_order", alias = "sidebar_position")]
    #[serde(deserialize_with = "super::weight::weight")]
    pub weight: Option<i64>,
    /// Hugo's publication date (`publishDate`, `publishdate`, `pubdate`): a page whose
    /// date is after today is not published yet (see [`super::Publish`]). The page's
    /// `date` when it has none.
    #[serde(rename = "publishDate", alias = "publishdate", alias = "pubdate")]
    pub publish_date: Option<Date>,
    /// Hugo's expiry date (`expiryDate`, `expirydate`, `unpublishdate`): from that day
    /// on, the page is not published.
    #[serde(rename = "expiryDate", alias = "expirydate", alias = "unpublishdate")]
    pub expiry_date: Option<Date>,
    /// Hugo's shorter title for menus and lists (`linkTitle`): the title of the
    /// article's card in lists, and of its folder in menus and breadcrumbs when it is
    /// the folder's text. The page itself keeps `title`.
    #[serde(rename = "linkTitle", alias = "linktitle")]
    pub link_title: Option<String>,
    /// Hugo's headless bundle: the page is not published, the files beside it are.
    #[serde(default, deserialize_with = "front::flag")]
    pub headless: bool,
    /// Hugo's `build` (formerly `_build`): `render: never` leaves the page out.
    #[serde(alias = "_build")]
    pub build: Option<super::build_options::BuildOptions>,
    /// Hugo's `sitemap` (`disable: true`: out of sitemap.xml; see `build_options.rs`).
    pub sitemap: Option<super::build_options::SitemapOptions>,
    /// Hugo's `outputs` (`[html, json]`): without `html`, no page (`build_options.rs`).
    #[serde(default, deserialize_with = "super::build_options::formats")]
    pub outputs: Option<Vec<String>>,
    /// Zola's `sort_by` in a section's `_index.md`: `weight`, `date` and `none` are the
    /// order attune gives; others are a warning (see `build_options.rs`).
    pub sort_by: Option<String>,
    /// Hugo's `cascade`: keys handed down to the pages below (see `cascade.rs`).
    pub cascade: Option<super::cascade::Cascade>,
    /// The other keys ancestors' `cascade` hands this page, for `{{< param >}}`.
    #[serde(skip)]
    pub cascaded: Option<serde_json::Value>,
    /// Zola's `render = false` on a page: not published, its files are.
    pub render: Option<bool>,
    /// Hugo's name for `updated`; folded into it on load.
    #[serde(default, deserialize_with = "super::date::note_date")]
    pub lastmod: Option<Date>,
    /// Zola's `[taxonomies]`: its `tags` join `tags`.
    pub taxonomies: Option<front::Taxonomies>,
    /// Zola's address for the page: an old address (see `urls/claims.rs`).
    pub path: Option<String>,
    /// Hugo's and Zola's `slug`: what a Hugo permalink's `:slug` stands for (see
    /// `site/permalinks.rs`); the page's own address stays its path.
    pub slug: Option<String>,
    /// Hugo's `url`: where Hugo published the page (`/about-us/`, `/old/page.html`),
    /// an old address here (see `old_address`); the page keeps its path's address.
    pub url: Option<String>,
    /// Zola's `transparent = true` in a section's `_index.md`: the section's pages are
    /// listed on its parent's hub too (see `render/sections.rs`).
    #[serde(default)]
    pub transparent: bool,
    /// Zola's `in_search_index = false`: out of the search index (a section's, with
    /// its pages: see `zola.rs`).
    pub in_search_index: Option<bool>,
    /// Zola's `redirect_to` in a section's `_index.md`: Zola shows a redirect there,
    /// not its text, so the file is left out as with `render = false`.
    pub redirect_to: Option<String>,
    /// The address the site's own tool gives a page, where it differs from `path`:
    /// Hugo's, from its `url` or `slug:` (`slug: v5.8`: Hugo keeps the dot, Zola does
    /// not), Docusaurus' (`intro/` for `01-intro.md`) or Jekyll's for a collection's
    /// document: an old address too, claimed where nothing else is.
    #[serde(skip)]
    pub old_address: Option<String>,
    /// Top-level keys attune does not know, with where they stand in the file: warned
    /// about by `site` unless `[front_matter] allow` names them.
    #[serde(skip)]
    pub unknown_keys: Vec<front::UnknownKey>,
    /// The terms of the site's other taxonomies than `tags` (see `taxonomies.rs`), by
    /// taxonomy: filled in by `site`, which knows the site's taxonomies.
    #[serde(skip)]
    pub terms: Vec<(String, Vec<String>)>,
    /// Read from a Logseq page's properties (`public:: false`, see `logseq_graph.rs`).
    #[serde(skip)]
    pub logseq: bool,
    /// Listed in the site's own contents (`contents.rs`), so never an orphan; with the
    /// title a sidebar gives, for a page with no title or heading.
    #[serde(skip)]
    pub in_contents: bool,
    #[serde(skip)]
    pub contents_title: Option<String>,
    /// What the page is ordered by after those with an `order`, in place of its title:
    /// Just the Docs' `nav_order` written as text (`nav_order: "A"`; see
    /// `front_lenient.rs` and `just_the_docs.rs`).
    #[serde(skip)]
    pub nav_key: Option<String>,
}

/// `review:` as written; [`crate::review::Review`] resolves it with the legacy keys.
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

/// `author: Name` or `author: [Name, Name]`, joined with commas; a wikilink to the
/// person's note (`"[[Jane Doe]]"`, as Obsidian properties write it) is the name; so is
/// the `name` of a person written as a mapping (`author: {name: Jane Doe, href: …}`,
/// as Astro and Hugo themes write it, alone or in a list), whose other keys are not
/// read.
fn scalar_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(
        untagged,
        expecting = "text on one line (`title: My title`), not a list or a mapping"
    )]
    enum Scalar {
        Text(String),
        Whole(i64),
        Number(f64),
    }
    Ok(Option::<Scalar>::deserialize(d)?.map(|v| match v {
        Scalar::Text(t) => t,
        Scalar::Whole(n) => n.to_string(),
        Scalar::Number(n) => n.to_string(),
    }))
}

fn names<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let names = d.deserialize_any(super::people::People { many: true })?;
    Ok((!names.is_empty()).then(|| names.join(", ")))
}

/// Splits front matter from the body (see [`find_front_matter`]) and reads it.
/// Files without it are fine.
pub fn split_front_matter(
    text: &str,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<(FrontMatter, usize)> {
    let (format, head, first_line, body_start) = match find_front_matter(text) {
        Found::None => return Some((FrontMatter::default(), 0)),
        Found::Unclosed { format, line } => {
            let help = match format {
                Format::Yaml => "add a line containing only `---` after the last front matter key",
                Format::Toml => "add a line containing only `+++` after the last front matter key",
                Format::Json => "close the JSON object: add the `}` that matches its `{`",
            };
            diagnostics.push(
                Diagnostic::error(Code::FrontMatter, "front matter is not closed")
                    .at(file, line, 1)
                    .help(help),
            );
            return None;
        }
        Found::Block {
            format,
            head,
            first_line,
            body_start,
        } => (format, &text[head], first_line, body_start),
    };
    let parse = |head: &str, diagnostics: &mut Diagnostics| match format {
        Format::Toml => front::parse_toml(head, first_line, file, diagnostics),
        Format::Json => super::front_json::parse_json(head, first_line, file, diagnostics),
        Format::Yaml => parse_front_matter(head, first_line, file, diagnostics),
    };
    let mut found = Diagnostics::new();
    let mut front = parse(head, &mut found);
    // Keys written in another case (`Title:`), which Hugo reads as its own: read again
    // with them written as attune's.
    let folded = front
        .as_ref()
        .and_then(|f| super::front_forms::fold_key_case(head, first_line, &f.unknown_keys));
    if let Some(folded) = &folded {
        found = Diagnostics::new();
        front = parse(folded, &mut found);
    }
    diagnostics.extend(found);
    let head = folded.as_deref().unwrap_or(head);
    let front = front::resolve_synonyms(front?, head, format, first_line, file, diagnostics)?;
    Some((front, body_start))
}

/// Parses YAML front matter whose first line is line `first_line` of the file.
pub(super) fn parse_front_matter(
    yaml: &str,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<FrontMatter> {
    let at = |line: usize, column: usize| (line + first_line - 1, column);
    if yaml.trim().is_empty() {
        return Some(FrontMatter::default());
    }
    let blanked = front::blank_placeholders(yaml, first_line, file, diagnostics);
    let yaml = blanked.as_deref().unwrap_or(yaml);
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
    match front_lenient::read_yaml_front(yaml, first_line, file, diagnostics) {
        Ok((mut front, ignored)) => {
            front.unknown_keys =
                front::unknown_keys(ignored, || Spans::yaml(yaml, first_line), first_line);
            Some(front)
        }
        Err(e) => {
            // Told apart only on this path: a key written twice, text that is no
            // YAML, YAML that is no mapping, or a mapping whose values do not fit.
            let repeated = e.to_string().contains("duplicate");
            if let Some(last) = repeated
                .then(|| {
                    super::front_forms::keep_last_of_repeated(yaml, first_line, file, diagnostics)
                })
                .flatten()
            {
                return parse_front_matter(&last, first_line, file, diagnostics);
            }
            if let Some(d) = repeated
                .then(|| {
                    Spans::yaml(yaml, first_line).repeated_key(
                        file,
                        Code::FrontMatter,
                        "front matter",
                    )
                })
                .flatten()
            {
                diagnostics.push(d);
                return None;
            }
            let diagnostic = match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
                Err(syntax) => {
                    let loc = syntax.location().map(|loc| (loc.line(), loc.column()));
                    let tab = loc.and_then(|(l, _)| super::yaml::indenting_tab(yaml, l));
                    let (l, c) = tab.or(loc).map_or((first_line, 1), |(l, c)| at(l, c));
                    Diagnostic::error(
                        Code::FrontMatter,
                        format!("invalid YAML in front matter: {}", yaml_message(&syntax)),
                    )
                    .at(file, l, c)
                    .help(match tab {
                        Some(_) => "YAML forbids tabs for indentation: indent this line with spaces (a list item under `tags:` as `  - a`)",
                        None => "front matter is YAML between two `---` lines: `key: value`, one per line",
                    })
                }
                Ok(value) if !value.is_mapping() => Diagnostic::error(
                    Code::FrontMatter,
                    "front matter must be a mapping of keys to values",
                )
                .at(file, first_line, 1)
                .help("write it as `key: value` lines, e.g. `title: My article`"),
                Ok(_) => wrong_kind(&e, yaml, first_line, file),
            };
            diagnostics.push(diagnostic);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{UnknownKey, UnknownKeys};

    #[test]
    fn template_placeholders_in_front_matter_are_left_empty_with_a_warning() {
        let (r, d) = split("---\ntitle: A\ndate: {{date}}\ntags:\n  - {{tag}}\n---\nbody\n");
        let front = r.unwrap().0;
        assert_eq!(front.date, None);
        assert!(front.tags.is_empty());
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (3, 7));
        assert_eq!((d[1].line, d[1].column), (5, 5));
        assert!(d[0].message.contains("`{{date}}`"), "{}", d[0].message);
        // Templater's, as the Obsidian Hub's daily-note templates hold them.
        let (r, d) = split("---\ndate: <% tp.file.creation_date(\"YYYY-MM-DD\")%>\n---\n");
        assert_eq!(r.unwrap().0.date, None);
        assert_eq!((d.len(), d[0].line, d[0].column), (1, 2, 7), "{d:?}");
        // A placeholder inside a longer value is text, as YAML reads it.
        let (r, d) = split("---\ntitle: \"{{title}} notes\"\n---\n");
        assert_eq!(r.unwrap().0.title.as_deref(), Some("{{title}} notes"));
        assert!(d.is_empty());
    }

    fn split(text: &str) -> (Option<(FrontMatter, usize)>, Vec<Diagnostic>) {
        let mut d = Diagnostics::new();
        let r = split_front_matter(text, Path::new("a.md"), &mut d);
        (r, d.into_vec())
    }

    #[test]
    fn no_known_key_is_unknown() {
        // Every key attune reads, each with a value of its kind, in YAML and TOML.
        let yaml = "---\ntitle: A\nsummary: S\ndescription: D\ntopic: t\ntags: [a]\norder: 1\naliases: [b]\nrelations: {effects: [c]}\ncontent_note: N\nauthor: W\nreview: {status: draft, reviewer: R, role: X, date: 2026-01-01, next: 2027-01-01}\nreviewed_by: R\nlast_reviewed: 2026-01-01\nnext_review: 2027-01-01\ndate: 2026-01-01\nupdated: 2026-01-02\nchanges: [{date: 2026-01-02, summary: S}]\nsafety: s\nlanguage: en\nhandout: true\ndraft: false\npublish: true\npublished: true\npermalink: p\ncssclasses: [wide]\nlinkTitle: L\nheadless: false\nbuild: {render: always, list: local, publishResources: true}\noutputs: [html]\nsitemap: {disable: false, priority: 0.5}\nsort_by: date\nrender: true\ncascade: {draft: true, type: docs}\npublishDate: 2026-01-01\nexpiryDate: 2027-01-01\ntaxonomies: {tags: [d], categories: [e]}\npath: x\nslug: s\nurl: /u/\ntransparent: true\nin_search_index: false\nredirect_to: x\nmath: {enable: true}\nkatex: true\nmathjax: false\n---\n";
        let (r, d) = split(yaml);
        assert!(d.is_empty(), "{d:?}");
        let front = r.unwrap().0;
        assert_eq!(front.unknown_keys, []);
        // Each key attune knows is in the text above (`weight`, `lastmod` and the
        // other names of Hugo's dates are synonyms, tested on their own).
        let synonyms = [
            "weight",
            "nav_order",
            "sidebar_position",
            "redirect_from",
            "lastmod",
            "publishdate",
            "pubdate",
            "expirydate",
            "unpublishdate",
            "_build",
            "linktitle",
            "cssclass",
            "alias",
            "tag",
            "desc",
            "created",
        ];
        for key in FRONT_MATTER_KEYS.iter() {
            assert!(
                yaml.contains(&format!("\n{key}:")) || synonyms.contains(key),
                "{key}"
            );
        }
        let (r, d) = split("+++\ntitle = \"A\"\nweight = 2\nlastmod = 2026-01-01\n[review]\nstatus = \"draft\"\n[taxonomies]\ncategories = [\"x\"]\n+++\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r.unwrap().0.unknown_keys, []);
        // The field that holds what is not read is no key.
        let (r, _) = split("---\nunknown_keys: x\n---\n");
        assert_eq!(r.unwrap().0.unknown_keys[0].name, "unknown_keys");
    }

    #[test]
    fn unknown_keys_are_where_written() {
        // `mobile` is also in a comment and a string above the key.
        let (r, d) =
            split("\n---\n# mobile: later\ntitle: \"mobile: no\"\n\"mobile\" : true\n---\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            r.unwrap().0.unknown_keys,
            [UnknownKey {
                name: "mobile".into(),
                line: 5,
                column: 1
            }]
        );
        // Flow style, CRLF, and a wide character before the key.
        let (r, _) = split("---\r\ntitle: A\r\nextra: {é: 1}\r\n---\r\n");
        assert_eq!(
            r.unwrap().0.unknown_keys,
            [UnknownKey {
                name: "extra".into(),
                line: 3,
                column: 1
            }]
        );
    }

    #[test]
    fn a_nested_unknown_key_is_named_by_its_path() {
        #[derive(Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            inner: Option<Inner>,
            items: Vec<Inner>,
        }
        #[derive(Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            known: Option<String>,
        }
        let yaml =
            "inner:\n  known: x\n  # odd: a comment\n  odd: 1\nitems:\n  - {known: y,  stray: 2}\n";
        let (_, ignored): (Outer, _) =
            front::read_front(serde_yaml::Deserializer::from_str(yaml)).unwrap();
        let keys = front::unknown_keys(ignored, || Spans::yaml(yaml, 3), 3);
        assert_eq!(
            keys,
            [
                UnknownKey {
                    name: "inner.odd".into(),
                    line: 6,
                    column: 3
                },
                UnknownKey {
                    name: "items.0.stray".into(),
                    line: 8,
                    column: 17
                }
            ]
        );
        // In front matter, `review:` and `changes:` take only their own keys: another
        // is an error where it is written.
        let (r, d) = split("---\nreview:\n  status: draft\n  reviwer: R\n---\n");
        assert!(r.is_none());
        assert_eq!((d[0].line, d[0].column), (4, 3), "{d:?}");
    }

    #[test]
    fn a_key_set_twice_is_reported_at_the_second_with_the_first_related() {
        // `title` is also in a comment and inside a value before the first. At the top
        // of the front matter, the last is read, as Hugo read it before 0.152.
        let (r, d) =
            split("\n---\n# title: no\nsummary: 'title: no'\ntitle: A\ntags: [a]\ntitle: B\n---\n");
        assert_eq!(r.unwrap().0.title.as_deref(), Some("B"));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            (d[0].severity, d[0].line, d[0].column),
            (crate::diagnostic::Severity::Warning, 7, 1),
            "{d:?}"
        );
        assert_eq!(
            d[0].message,
            "front matter: `title` is set twice: here and at line 5; the last is read"
        );
        assert_eq!((d[0].related[0].line, d[0].related[0].column), (5, 1));
        // Better Health 4 Middleton's services: an empty `tags:` with its list at the
        // end, a block list under another key between.
        let (r, d) = split("---\ntitle: T\ntags:\nareas:\n- Glossop\ncontact:\n  phone:\n  - 1\n\ntags:\n- Neurology\nareas: [Heywood]\n---\nText\n");
        let front = r.unwrap().0;
        assert_eq!(front.tags, ["Neurology"]);
        // (A key attune does not read, `areas`, stays an unknown key, wherever set.)
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].line, d[0].related[0].line), (10, 3), "{d:?}");
        // A known key three times: the last.
        let (r, d) = split("---\ntitle: A\ntitle: B\ntitle: C\n---\n");
        assert_eq!(r.unwrap().0.title.as_deref(), Some("C"));
        assert_eq!(d.len(), 2, "{d:?}");
        // Nested, in flow style.
        let (r, d) = split("---\nreview: {status: draft, status: approved}\n---\n");
        assert!(r.is_none());
        assert_eq!((d[0].line, d[0].column), (2, 25), "{d:?}");
        assert!(d[0].message.contains("`review.status`"), "{d:?}");
    }

    #[test]
    fn keys_in_another_case_are_read_as_hugo_reads_them() {
        // Better Health 4 Middleton's `Title: Wellfield Health Centre`.
        let (r, d) =
            split("---\nTitle: Wellfield\nDraft: true\nLinkTitle: W\nmenu: x\n---\nBody\n");
        assert!(d.is_empty(), "{d:?}");
        let front = r.unwrap().0;
        assert_eq!(front.title.as_deref(), Some("Wellfield"));
        assert!(front.draft);
        assert_eq!(front.link_title.as_deref(), Some("W"));
        assert_eq!(front.unknown_keys.len(), 1);
        assert_eq!(
            (
                front.unknown_keys[0].name.as_str(),
                front.unknown_keys[0].line
            ),
            ("menu", 5)
        );
        let (r, _) = split("+++\nTitle = \"T\"\nWeight = 3\n+++\n");
        let front = r.unwrap().0;
        assert_eq!((front.title.as_deref(), front.order), (Some("T"), Some(3)));
        let (r, _) = split("{\n  \"Title\": \"J\"\n}\n");
        assert_eq!(r.unwrap().0.title.as_deref(), Some("J"));
        // Both spellings: one key set twice, the last read.
        let (r, d) = split("---\ntitle: A\nTitle: B\n---\n");
        assert_eq!(r.unwrap().0.title.as_deref(), Some("B"));
        assert_eq!((d.len(), d[0].line), (1, 3), "{d:?}");
    }

    #[test]
    fn a_language_that_is_no_language_tag_is_the_site_s_own_key() {
        // rOpenSci's use cases: `language: [English]`, the languages of a resource.
        for text in [
            "---\ntitle: A\nlanguage: [English]\n---\n",
            "+++\ntitle = \"A\"\nlanguage = \"English\"\n+++\n",
        ] {
            let (r, d) = split(text);
            assert!(d.is_empty(), "{d:?}");
            let front = r.unwrap().0;
            assert_eq!(front.language, None);
            assert_eq!(front.unknown_keys.len(), 1, "{text}");
            assert_eq!(
                (
                    front.unknown_keys[0].name.as_str(),
                    front.unknown_keys[0].line
                ),
                ("language", 3)
            );
        }
        for tag in ["en", "pt-BR", "zh_Hant", "sr-Latn-RS"] {
            let (r, _) = split(&format!("---\nlanguage: {tag}\n---\n"));
            let front = r.unwrap().0;
            assert_eq!(front.language.as_deref(), Some(tag));
            assert!(front.unknown_keys.is_empty());
        }
    }

    #[test]
    fn front_matter_is_optional() {
        let (r, d) = split("# Title\n\nBody\n");
        assert_eq!(r.unwrap().1, 0);
        assert!(d.is_empty());
    }

    #[test]
    fn wrong_type_is_located() {
        let (r, d) = split("---\ntitle: A\norder: x\n---\nbody\n");
        assert!(r.is_none());
        assert_eq!((d[0].line, d[0].column), (3, 8));
        assert!(d[0].message.contains("invalid type"), "{}", d[0].message);
    }

    #[test]
    fn unknown_key_warns_with_suggestion_unless_allowed() {
        let (r, d) = split("---\ntitle: A\nsumary: x\nmobile: true\n---\n");
        assert!(d.is_empty(), "{d:?}");
        let front = r.unwrap().0;
        let mut d = Diagnostics::new();
        let mut keys = UnknownKeys::default();
        keys.add(&front, Path::new("a.md"), &[], false, false);
        keys.report(&mut d);
        assert_eq!((d[0].line, d[0].column), (3, 1));
        assert_eq!(d[0].help.as_deref(), Some("did you mean `summary`?"));
        assert_eq!(d[1].line, 4);
        assert!(
            d[1].help
                .as_deref()
                .unwrap()
                .contains("allow = [\"mobile\"]"),
            "{d:?}"
        );
        let mut d = Diagnostics::new();
        let mut keys = UnknownKeys::default();
        keys.add(&front, Path::new("a.md"), &["mobile".into()], false, false);
        keys.report(&mut d);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn yaml_may_follow_blank_lines_and_keeps_its_line_numbers() {
        let (r, d) = split("\n\n---\ntitle: A\norder: x\n---\nbody\n");
        assert!(r.is_none());
        assert_eq!((d[0].line, d[0].column), (5, 8), "{d:?}");
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
