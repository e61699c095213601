//! Material for MkDocs' inline marks, on an MkDocs site: its icons
//! (`:material-check:`, `:octicons-heart-fill-24:`, `:fontawesome-brands-github:`,
//! `:simple-python:`), which its theme draws as pictures and attune has none of, and
//! the attribute lists Python-Markdown's attr_list reads after a link, an image or
//! an icon (`[Get started](setup.md){ .md-button }`), which only style what they
//! follow. Both are left out, so neither shows as text; in code they stay. An id in
//! such a list stays as an anchor where the list stood (`<a id="…"></a>`), and an
//! empty link holding one, `[](){#pattern-note}`, is mkdocs-autorefs' anchor (as
//! Pydantic's docs mark a spot links lead to): it is that anchor alone.
//!
//! mkdocs-autorefs' cross-references, `[BaseModel][pydantic.BaseModel]` and
//! `[pydantic.BaseModel][]` with no definition of the reference, lead to the API
//! documentation mkdocstrings generates (or a heading its hooks name): on a site whose
//! mkdocs.yml runs them (or appends definitions with pymdownx.snippets' `auto_append`)
//! they are their text, with one `unsupported-syntax` report for the site's family of
//! them. Elsewhere Python-Markdown shows the brackets (`2[0-4][0-9]`), and so does
//! attune.

use super::expand::{SegMap, Splice};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag};
use std::ops::Range;

/// The icon sets Material ships, as their shortcodes begin.
const ICON_SETS: [&str; 4] = ["material-", "octicons-", "fontawesome-", "simple-"];

/// Whether `text` may hold an icon or an attribute list after a link.
pub(super) fn may_hold(text: &str) -> bool {
    ["){", "]{", "*{", "_{", "`{"]
        .iter()
        .any(|mark| crate::text::holds(text, mark))
        || ICON_SETS.iter().any(|set| crate::text::holds(text, set))
}

/// The text without Material's icons (with `icons`: on an MkDocs site) and the
/// attribute lists after links, images and icons, and the map back; `None` when it has
/// none. kramdown's span lists (Jekyll: `[x](url){:target="_blank"}`,
/// `**bold**{: .note}`) are read alike; after emphasis or code only a list that starts
/// with `:`, `.` or `#` is one (`\sum_{i=1}` is TeX).
pub(super) fn rewrite(text: &str, options: Options, icons: bool) -> Option<(String, SegMap)> {
    let code: Vec<Range<usize>> = Parser::new_ext(text, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => Some(range),
            _ => None,
        })
        .collect();
    // The ranges come in order, none inside another.
    let in_code = |at: usize| {
        let after = code.partition_point(|r| r.start <= at);
        after > 0 && code[after - 1].contains(&at)
    };
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut found = false;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let removed = match bytes[at] {
            b':' if icons => icon(&text[at..]),
            // After a link's or an image's closing parenthesis, or a reference link's
            // closing bracket (`[Subscribe][demo]{ .md-button }`).
            b'{' if at > 0 && matches!(bytes[at - 1], b')' | b']') => attribute_list(&text[at..]),
            b'{' if at > 0 && matches!(bytes[at - 1], b'*' | b'_' | b'`') => {
                let marked = text[at + 1..].trim_start().starts_with([':', '.', '#']);
                attribute_list(&text[at..]).filter(|_| marked)
            }
            _ => None,
        };
        let Some(mut len) = removed.filter(|_| !in_code(at)) else {
            at += 1;
            continue;
        };
        // An icon's own attribute list (`:material-information:{ title="…" }`), and a
        // space after it: a list item's text starts where it did (a grid card's
        // `-   :material-clock: &nbsp; __Title__`, whose paragraphs below are indented to
        // that column, were an item and a code block), and words keep one space.
        if bytes[at] == b':' {
            let after = &text[at + len..];
            len += after
                .starts_with('{')
                .then(|| attribute_list(after))
                .flatten()
                .unwrap_or(0);
            len += usize::from(text[at + len..].starts_with([' ', '\t']));
        }
        let id = (bytes[at] == b'{')
            .then(|| list_id(&text[at..at + len]))
            .flatten();
        // mkdocs-autorefs' anchor: an empty link whose list gives the id.
        let start = match id {
            Some(_) if text[..at].ends_with("[]()") && !in_code(at - 4) => at - 4,
            _ => at,
        };
        splice.copy(copied..start);
        if let Some(id) = id {
            splice.insert(&format!("<a id=\"{}\"></a>", crate::text::escape(id)), at);
        }
        copied = at + len;
        at += len;
        found = true;
    }
    if !found {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// The length of the icon shortcode `text` opens with, if it opens with one.
fn icon(text: &str) -> Option<usize> {
    let inner = &text[1..];
    let set = ICON_SETS.iter().find(|set| inner.starts_with(*set))?;
    let name_len = inner[set.len()..]
        .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))?;
    (name_len > 0 && inner[set.len() + name_len..].starts_with(':'))
        .then_some(1 + set.len() + name_len + 1)
}

/// The length of the attribute list `text` opens with (`{ .md-button }`, `{ #id
/// title="…" }`), if it opens with one on its line.
fn attribute_list(text: &str) -> Option<usize> {
    let close = text.find('}')?;
    let inner = text[1..close].trim();
    let inner = inner.strip_prefix(':').map_or(inner, str::trim_start);
    let first = inner.chars().next()?;
    let attributes = matches!(first, '.' | '#') || inner.contains('=');
    (attributes && !inner.contains(['\n', '{'])).then_some(close + 1)
}

/// The id an attribute list names (`{ #note .wide }` → `note`), if it names one.
fn list_id(list: &str) -> Option<&str> {
    list[1..list.len() - 1]
        .split_whitespace()
        .find_map(|token| token.strip_prefix('#'))
        .filter(|id| !id.is_empty() && !id.contains(['"', '<', '&']))
}

/// The cross-references a page's parse met (see the module's text): where each
/// starts in the text parsed, and its reference.
pub(super) struct CrossReferences {
    /// The site is an MkDocs site running mkdocs-autorefs: they are read.
    on: bool,
    found: Vec<(usize, String)>,
}

impl CrossReferences {
    pub(super) fn new(on: bool) -> Self {
        CrossReferences {
            on,
            found: Vec::new(),
        }
    }

    /// For a reference link with no definition: on an MkDocs site running
    /// mkdocs-autorefs, a full or collapsed
    /// one (`[text][id]`, `[id][]`; a shortcut `[id]` is text in brackets) is a
    /// cross-reference, published as its text (see `foreign::ADDRESS_MARK`).
    pub(super) fn text_of<'a>(
        &mut self,
        link: &BrokenLink<'_>,
    ) -> Option<(CowStr<'a>, CowStr<'a>)> {
        let kinds = [LinkType::Reference, LinkType::Collapsed];
        if !self.on || !kinds.contains(&link.link_type) {
            return None;
        }
        self.found
            .push((link.span.start, link.reference.to_string()));
        Some((CowStr::from(super::foreign::ADDRESS_MARK), CowStr::from("")))
    }

    pub(super) fn any(&self) -> bool {
        !self.found.is_empty()
    }

    /// Says, at its place, that each is not supported (a warning with
    /// `unsupported_syntax = "warn"`); the site's are one family, reported as one.
    pub(super) fn report(
        &mut self,
        file: &std::path::Path,
        lines: &super::LineIndex<'_>,
        body_start: usize,
        ctx: &super::ParseContext<'_>,
        diagnostics: &mut Diagnostics,
    ) {
        self.found.sort();
        self.found.dedup_by_key(|(at, _)| *at);
        for (at, reference) in &self.found {
            let (line, column) = lines.position(body_start + at);
            let mut d = Diagnostic::error(
                Code::UnsupportedSyntax,
                format!("the reference '{reference}' has no definition on the page: the link is published as its text"),
            )
            .at(file, line, column)
            .help("on an MkDocs site it is mkdocs-autorefs' cross-reference (into the API documentation mkdocstrings generates) or a definition pymdownx.snippets' `auto_append` adds, neither of which attune reads; define it on the page (`[id]: page.md#heading`) or write the link's address")
            .family("cross-references");
            if ctx.unsupported_syntax == crate::config::UnsupportedSyntax::Warn {
                d.severity = Severity::Warning;
            }
            diagnostics.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(text: &str) -> String {
        rewrite(text, Options::empty(), true).map_or_else(|| text.to_string(), |(out, _)| out)
    }

    #[test]
    fn kramdown_s_span_lists_are_left_out_and_icons_stay_without_material() {
        let jekyll = |text: &str| {
            rewrite(text, Options::empty(), false).map_or_else(|| text.to_string(), |(out, _)| out)
        };
        assert_eq!(
            jekyll("[Go](https://x.org){:target=\"_blank\"} and **bold**{: .note} `x`{:.k}.\n"),
            "[Go](https://x.org) and **bold** `x`.\n"
        );
        // Closed with a colon, as kramdown reads it too.
        assert_eq!(
            jekyll("[Go](https://x.org){: .btn :} and *it*{: .note :}.\n"),
            "[Go](https://x.org) and *it*.\n"
        );
        for kept in [
            ":material-check: stays.\n",
            "$\\sum_{i=1}^n$ and *a*{b=c}.\n",
        ] {
            assert_eq!(jekyll(kept), kept);
        }
    }

    #[test]
    fn icons_and_attribute_lists_are_left_out_outside_code() {
        assert_eq!(
            out("[Start](setup.md){ .md-button .md-button--primary } now.\n"),
            "[Start](setup.md) now.\n"
        );
        assert_eq!(
            out(":material-check: Done :octicons-heart-fill-24:{ .heart } here.\n"),
            "Done here.\n"
        );
        assert_eq!(
            out("[Subscribe][demo]{ .md-button } now.\n\n[demo]: https://example.org\n"),
            "[Subscribe][demo] now.\n\n[demo]: https://example.org\n"
        );
        assert_eq!(
            out("![Map](map.png){ width=\"300\" }\n"),
            "![Map](map.png)\n"
        );
        // An id stays as an anchor; an empty link is mkdocs-autorefs' anchor alone.
        assert_eq!(
            out("[](){#pattern-note}\n\n[Get](a.md){ #get .md-button } it.\n"),
            "<a id=\"pattern-note\"></a>\n\n[Get](a.md)<a id=\"get\"></a> it.\n"
        );
        // Code, other colons and braces stay.
        for kept in [
            "`:material-check:`\n",
            "```\n:material-check:\n```\n",
            "Time: 10:30, a:b: c.\n",
            "See (the note){ not attributes }.\n",
            ":smile: stays.\n",
        ] {
            assert_eq!(out(kept), kept);
        }
    }
}
