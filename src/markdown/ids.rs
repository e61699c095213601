//! Heading ids: unique on the page, never one of the ids attune's own page sections
//! use, generated from the heading's text with the algorithm of GitHub and mdBook (so a
//! section link copied from either keeps working), or of the tool a site is written
//! for (VitePress, MkDocs), or written by the author as `{#id}` — which must then be
//! unique, or the build stops at the heading.

use super::LineIndex;
use crate::config::BrokenLinks;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use pulldown_cmark::{Event, Tag};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Ids the article page itself uses (the default theme's `base.html` and
/// `article.html`): a heading never takes one.
pub const PAGE_IDS: &[&str] = &[
    "main",
    "site-search-input",
    "site-search-results",
    "article-title",
    "toc-heading",
    "sources",
    "mentioned-in",
    "related-heading",
];

/// Families of ids attune numbers or names itself on an article page: `ref-N` on
/// internal links, `term-N` on glossary definitions, `source-N` in Sources, and
/// `rel-…` on relation sections.
fn is_page_id(id: &str) -> bool {
    let numbered = |prefix: &str| {
        id.strip_prefix(prefix)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    PAGE_IDS.contains(&id)
        || numbered("ref-")
        || numbered("term-")
        || numbered("source-")
        || id.starts_with("rel-")
}

/// GitHub's (and mdBook's) id for a heading's text: lowercased; letters, digits, `_`
/// and `-` kept; each space a `-`; everything else dropped. `"What's next?"` gives
/// `whats-next`, `"A — B"` gives `a--b`.
pub fn heading_slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            slug.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            slug.push('-');
        }
    }
    slug
}

/// VitePress's (mdit-vue's) and VuePress's id for a heading's text: accents and
/// control characters dropped, each run of spaces and ASCII punctuation (and curly
/// quotes) one `-`, none at either end, lowercased, and `_` before a leading digit.
/// `"sequence.hooks"` gives `sequence-hooks`, `"2. Setup"` gives `_2-setup`.
pub fn vue_slug(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    const SPECIAL: &str = "~`!@#$%^&*()-_+=[]{}|\\;:\"'\u{201c}\u{201d}\u{2018}\u{2019}<>,.?/";
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.nfkd() {
        if ('\u{300}'..='\u{36f}').contains(&c) || c < '\u{20}' {
            continue;
        }
        if c.is_whitespace() || SPECIAL.contains(c) {
            dash = true;
            continue;
        }
        if dash && !slug.is_empty() {
            slug.push('-');
        }
        dash = false;
        slug.extend(c.to_lowercase());
    }
    if slug.starts_with(|c: char| c.is_ascii_digit()) {
        slug.insert(0, '_');
    }
    slug
}

/// How a site's tool makes a heading's id of its text.
#[derive(Clone, Copy, Default)]
pub(super) enum IdStyle {
    /// GitHub's and mdBook's ([`heading_slug`]), numbered `-1`, `-2` (github-slugger).
    #[default]
    GitHub,
    /// VitePress's and VuePress's ([`vue_slug`]), numbered as GitHub's.
    Vue,
    /// Python-Markdown's toc extension's, on an MkDocs site, numbered `_1`, `_2`
    /// (see `toc_ids.rs`).
    Toc(crate::load::mkdocs::TocIds),
}

impl IdStyle {
    /// The style of the site whose content is read as `expressions`.
    pub(super) fn of(expressions: super::Expressions) -> IdStyle {
        match expressions {
            super::Expressions::Vue => IdStyle::Vue,
            super::Expressions::MkDocs { ids, .. } => IdStyle::Toc(ids),
            _ => IdStyle::GitHub,
        }
    }
}

/// The ids taken on one page so far.
#[derive(Default)]
pub(super) struct HeadingIds {
    /// How ids are made of headings' text, as the site's tool makes them.
    style: IdStyle,
    /// Every explicit `{#id}` in the article, reserved before any id is generated.
    explicit: HashSet<String>,
    /// Footnote definitions' ids (their labels).
    footnotes: HashSet<String>,
    /// Ids raw HTML in the article gives (`<a id="putchar"></a>`, mkdocs-autorefs'
    /// `[](){#putchar}`): a generated one steps round them, as Python-Markdown's does.
    raw: HashSet<String>,
    /// Generated ids, and for each base how many times it was bumped (github-slugger).
    occurrences: HashMap<String, usize>,
    /// Where the headings start whose explicit id was taken already: they get one of
    /// their own, so the page's ids stay unique.
    retaken: HashSet<usize>,
}

impl HeadingIds {
    /// Reserves the article's explicit ids and footnote ids; a second heading with the
    /// same explicit id, or one that takes an id of the page's own or a footnote's, is
    /// reported there as `broken_links` says (an error, or a warning) and gets an id of
    /// its own (see `explicit`).
    pub(super) fn reserve(
        events: &[(Event<'_>, std::ops::Range<usize>)],
        file: &Path,
        lines: &LineIndex<'_>,
        body_start: usize,
        broken_links: BrokenLinks,
        style: IdStyle,
        diagnostics: &mut Diagnostics,
    ) -> HeadingIds {
        let mut ids = HeadingIds {
            style,
            ..HeadingIds::default()
        };
        for (event, _) in events {
            match event {
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    ids.footnotes.insert(label.to_string());
                }
                Event::Html(html) | Event::InlineHtml(html)
                    if html.contains("id=") || html.contains("name=") =>
                {
                    let found = super::html::scan(html, 0).ids.into_iter();
                    ids.raw.extend(found.map(|(id, _, _)| id));
                }
                _ => {}
            }
        }
        let mut first: HashMap<String, (usize, usize)> = HashMap::new();
        for (event, range) in events {
            let Event::Start(Tag::Heading { id: Some(id), .. }) = event else {
                continue;
            };
            let (line, column) = lines.position(body_start + range.start);
            let shown = "with an id of its own";
            if is_page_id(id) || ids.footnotes.contains(id.as_ref()) {
                let d = Diagnostic::error(
                    Code::DuplicateId,
                    format!(
                        "heading id '{id}' is one the page uses for its own sections or a footnote"
                    ),
                )
                .at(file, line, column)
                .help("choose another `{#id}`");
                diagnostics.push(broken_links.report(d, shown));
                ids.retaken.insert(range.start);
            } else if let Some(&(first_line, first_column)) = first.get(id.as_ref()) {
                let d = Diagnostic::error(
                    Code::DuplicateId,
                    format!("heading id '{id}' is already used on line {first_line}"),
                )
                .at(file, line, column)
                .related(file, first_line, first_column, format!("'{id}' is first used here"))
                .help("each `{#id}` must be unique on its page: links to it would reach only the first");
                diagnostics.push(broken_links.report(d, shown));
                ids.retaken.insert(range.start);
            } else {
                first.insert(id.to_string(), (line, column));
            }
            ids.explicit.insert(id.to_string());
        }
        ids
    }

    /// The id of the heading starting at `start` whose `{#id}` is `id`: that id, or,
    /// when an earlier heading or the page has it (reported by `reserve`), a new one.
    pub(super) fn explicit(&mut self, id: &str, start: usize) -> String {
        if self.retaken.contains(&start) {
            self.generate(id)
        } else {
            id.to_string()
        }
    }

    fn taken(&self, id: &str) -> bool {
        self.occurrences.contains_key(id)
            || self.explicit.contains(id)
            || self.footnotes.contains(id)
            || self.raw.contains(id)
            || is_page_id(id)
    }

    /// A new id for a heading without `{#id}`: its slug, or when that is taken the slug
    /// with `-1`, `-2`, … (the first of those not taken either), as github-slugger does.
    /// A heading with no letters or digits is a `section`. On an MkDocs site, as its
    /// toc extension makes it ([`HeadingIds::generate_toc`]).
    pub(super) fn generate(&mut self, text: &str) -> String {
        let mut base = match self.style {
            IdStyle::GitHub => heading_slug(text),
            IdStyle::Vue => vue_slug(text),
            IdStyle::Toc(toc) => return self.generate_toc(text, toc),
        };
        if base.is_empty() {
            base = "section".to_string();
        }
        // When the slug is taken and every numbered form is the page's own (`rel-…`,
        // the relation lists; `ref-N` after a first `## Ref`), no `-n` frees it: the
        // heading's id starts `h-` (`## Rel 2` looped for ever).
        if self.taken(&base) && is_page_id(&format!("{base}-1")) {
            base = format!("h-{base}");
        }
        let mut id = base.clone();
        while self.taken(&id) {
            let n = self.occurrences.entry(base.clone()).or_insert(0);
            *n += 1;
            id = format!("{base}-{n}");
        }
        self.occurrences.insert(id.clone(), 0);
        id
    }

    /// A new id as Python-Markdown's toc extension makes it: its slug, or when that is
    /// taken or empty the first of `_1`, `_2`, … not taken (see `toc_ids.rs`); where
    /// every numbered form is the page's own (`rel-…`) it starts `h-`, as in
    /// [`HeadingIds::generate`].
    fn generate_toc(&mut self, text: &str, toc: crate::load::mkdocs::TocIds) -> String {
        let mut slug = super::toc_ids::slug(text, toc);
        if self.taken(&slug) && is_page_id(&format!("{slug}_1")) {
            slug = format!("h-{slug}");
        }
        let id = super::toc_ids::unique(slug, |id| self.taken(id));
        self.occurrences.insert(id.clone(), 0);
        id
    }
}

/// Gives each footnote reference the label its definition is written with: labels
/// match whatever their case (`[^PHPinternals]` finds `[^PHPInternals]:`, as in
/// CommonMark's link references), but the reference's link and the definition's id
/// take their label as written, which a browser then matches with the case kept.
pub(super) fn footnote_labels(events: &mut [(Event<'_>, std::ops::Range<usize>)]) {
    let mut defined: HashMap<String, pulldown_cmark::CowStr<'_>> = HashMap::new();
    for (event, _) in events.iter() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            // The first definition of a label is the one read, as for link references.
            defined
                .entry(label.to_lowercase())
                .or_insert_with(|| label.clone());
        }
    }
    for (event, _) in events.iter_mut() {
        if let Event::FootnoteReference(label) = event {
            match defined.get(&label.to_lowercase()) {
                Some(written) if written != label => *label = written.clone(),
                _ => {}
            }
        }
    }
}

/// Gives each heading whose attribute list names its id as a key, `{ id="9.7.6" }`
/// (as goldmark and Python-Markdown read it, and Material for MkDocs' changelog
/// writes it), that id, as `{#id}` would; a `#id` in the list wins.
pub(super) fn keyed_heading_ids(events: &mut [(Event<'_>, std::ops::Range<usize>)]) {
    for (event, _) in events {
        let Event::Start(Tag::Heading { id, attrs, .. }) = event else {
            continue;
        };
        if id.is_some() {
            continue;
        }
        let keyed = attrs
            .iter()
            .find_map(|(key, value)| match (key.as_ref(), value) {
                ("id", Some(value)) => Some(value),
                _ => None,
            });
        if let Some(value) = keyed {
            let unquoted = ['"', '\'']
                .iter()
                .find_map(|q| value.strip_prefix(*q)?.strip_suffix(*q))
                .unwrap_or(value);
            if !unquoted.is_empty() && !unquoted.contains(char::is_whitespace) {
                *id = Some(pulldown_cmark::CowStr::from(unquoted.to_string()));
            }
        }
    }
}

/// What kramdown (Jekyll's Markdown) and Python-Markdown (MkDocs') put before a
/// footnote's name in its id: the definition of `[^note]` is `#fn:note`, which other
/// pages link to.
pub(super) const NOTE_PREFIX: &str = "fn:";

/// The tool whose ids a site's footnotes take, where they are not attune's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NoteIds {
    /// kramdown's, on a Jekyll site: `fnref:NAME`, then `fnref:NAME:1`, `fnref:NAME:2` ….
    Kramdown,
    /// Python-Markdown's footnotes extension, on an MkDocs site: `fnref:NAME`, then
    /// `fnref2:NAME`, `fnref3:NAME` ….
    PythonMarkdown,
}

impl NoteIds {
    /// The ids the footnotes of a site whose content is read as `expressions` take.
    pub(super) fn of(expressions: super::Expressions) -> Option<NoteIds> {
        match expressions {
            super::Expressions::Liquid => Some(NoteIds::Kramdown),
            super::Expressions::MkDocs { .. } => Some(NoteIds::PythonMarkdown),
            _ => None,
        }
    }

    /// The id of the reference to the note `name` that `earlier` ones precede.
    fn reference(self, name: &str, earlier: usize) -> String {
        match (self, earlier) {
            (_, 0) => format!("fnref:{name}"),
            (NoteIds::Kramdown, n) => format!("fnref:{name}:{n}"),
            (NoteIds::PythonMarkdown, n) => format!("fnref{}:{name}", n + 1),
        }
    }
}

/// Gives each footnote the id kramdown or Python-Markdown gives it (see [`NoteIds`]):
/// its definition and the references' links `fn:NAME` (see [`reference_ids`] for the
/// references').
pub(super) fn prefixed_footnotes(events: &mut [(Event<'_>, std::ops::Range<usize>)]) {
    for (event, _) in events {
        if let Event::Start(Tag::FootnoteDefinition(label)) | Event::FootnoteReference(label) =
            event
        {
            *label = pulldown_cmark::CowStr::from(format!("{NOTE_PREFIX}{label}"));
        }
    }
}

/// `html` with each footnote reference's link given the id `tool` gives it,
/// `fnref:NAME` for the first reference to a note and the next ones numbered as
/// [`NoteIds`] says; those ids and the definitions' (`fn:NAME`) are added to `ids`, as
/// places links may lead to.
pub(super) fn reference_ids(html: String, tool: NoteIds, ids: &mut Vec<String>) -> String {
    const REFERENCE: &str = "<sup class=\"footnote-reference\"><a href=\"#fn:";
    const DEFINITION: &str = "<div class=\"footnote-definition\" id=\"fn:";
    let name_at = |at: usize| html[at..].split('"').next().unwrap_or_default();
    for (at, _) in html.match_indices(DEFINITION) {
        ids.push(format!("{NOTE_PREFIX}{}", name_at(at + DEFINITION.len())));
    }
    let mut out = String::with_capacity(html.len());
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut copied = 0;
    for (at, _) in html.match_indices(REFERENCE) {
        let name = name_at(at + REFERENCE.len());
        let end = at + REFERENCE.len() + name.len() + 1;
        let earlier = seen.entry(name).or_insert(0);
        let id = tool.reference(name, *earlier);
        *earlier += 1;
        out.push_str(&html[copied..end]);
        out.push_str(&format!(" id=\"{id}\""));
        ids.push(id);
        copied = end;
    }
    out.push_str(&html[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_whose_every_numbered_id_is_the_pages_gets_its_own() {
        // Found by fuzzing: `## rel-.file.nameEdiring` never ended.
        let mut ids = HeadingIds::default();
        assert_eq!(
            ids.generate("rel-.file.nameEdiring"),
            "h-rel-filenameediring"
        );
        assert_eq!(ids.generate("Rel 2"), "h-rel-2");
        assert_eq!(ids.generate("Rel 2"), "h-rel-2-1");
        assert_eq!(ids.generate("Ref"), "ref");
        assert_eq!(ids.generate("Ref"), "h-ref");
    }

    #[test]
    fn slugs_match_github() {
        assert_eq!(heading_slug("Hello, World!"), "hello-world");
        assert_eq!(heading_slug("What's next?"), "whats-next");
        assert_eq!(heading_slug("A — B"), "a--b");
        assert_eq!(
            heading_slug("snake_case and kebab-case"),
            "snake_case-and-kebab-case"
        );
        assert_eq!(heading_slug("Ünïcode Straße"), "ünïcode-straße");
        assert_eq!(heading_slug("`code` 1.2"), "code-12");
        assert_eq!(vue_slug("sequence.hooks"), "sequence-hooks");
        assert_eq!(vue_slug("  What's new? (v2.0) "), "what-s-new-v2-0");
        assert_eq!(vue_slug("2. Setup"), "_2-setup");
        assert_eq!(vue_slug("Crème “brûlée”"), "creme-brulee");
        assert_eq!(vue_slug("snake_case / kebab-case"), "snake-case-kebab-case");
        assert_eq!(vue_slug("简体 中文"), "简体-中文");
    }

    #[test]
    fn repeated_headings_never_share_an_id() {
        let mut ids = HeadingIds::default();
        let got: Vec<_> = ["A", "A", "A 1", "A-1", "A"]
            .iter()
            .map(|t| ids.generate(t))
            .collect();
        assert_eq!(got, ["a", "a-1", "a-1-1", "a-1-2", "a-2"]);
    }

    #[test]
    fn page_ids_name_every_fixed_id_of_the_article_page() {
        for (name, text) in crate::theme::TEMPLATES {
            if !matches!(*name, "article.html" | "base.html") {
                continue;
            }
            for (at, m) in text.match_indices(" id=\"") {
                let rest = &text[at + m.len()..];
                let id = &rest[..rest.find('"').unwrap_or(0)];
                if !id.contains("{{") {
                    assert!(is_page_id(id), "{name}: id '{id}' is missing from PAGE_IDS");
                }
            }
        }
    }

    #[test]
    fn page_ids_are_never_generated() {
        let mut ids = HeadingIds::default();
        assert_eq!(ids.generate("Sources"), "sources-1");
        assert_eq!(ids.generate("Ref 1"), "ref-1-1");
        assert_eq!(ids.generate("Mentioned in"), "mentioned-in-1");
        assert_eq!(ids.generate("Ref"), "ref");
    }
}
