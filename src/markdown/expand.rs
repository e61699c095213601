//! The passes over an article's text before it is parsed as Markdown, in order:
//! `{{#include}}` directives are replaced by what they name ([`super::include`]) and
//! mdbook-variables' `{{name}}` by its value ([`book_variables`]),
//! `%% comments %%` are taken out ([`super::comments`]), Dataview's inline queries in a
//! vault are answered ([`super::dataview`]), mdbook-admonish blocks are
//! written as callouts ([`super::admonish`]), and so are colon-fenced containers
//! (`:::tip` … `:::`, [`super::containers`]), syntax of other tools that attune does
//! not support is reported and taken out ([`super::foreign`]), and lines inside `$$`
//! blocks that would open a Markdown block are indented ([`super::math_blocks`]), and
//! HTML blocks opened by a self-closed `<script …/>` end on its line
//! ([`super::html_blocks`]).
//!
//! Each pass writes a new text with a [`SegMap`] from its offsets back to its input's,
//! so every position the parser reports is still a position in the file as written.
//! Text that came from an included file maps to its `{{#include}}` directive.

mod book_variables;
mod expressions;

use super::LineIndex;
use crate::config::UnsupportedSyntax;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::text::holds;
pub use expressions::Expressions;
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Offsets in a pass's output, back to offsets in its input.
#[derive(Debug, Clone, Default)]
pub struct SegMap {
    /// (start in the output, start in the input, whether the stretch was copied as it is
    /// (offsets move together) or inserted (every offset maps to the start)).
    pub(super) segs: Vec<(usize, usize, bool)>,
}

impl SegMap {
    pub fn back(&self, out: usize) -> usize {
        let i = self.segs.partition_point(|s| s.0 <= out);
        if i == 0 {
            return out;
        }
        let (o, s, copied) = self.segs[i - 1];
        if copied {
            s + (out - o)
        } else {
            s
        }
    }
}

/// A pass's output being written, with its map.
pub struct Splice<'t> {
    input: &'t str,
    pub out: String,
    pub map: SegMap,
}

impl<'t> Splice<'t> {
    pub fn new(input: &'t str) -> Self {
        Splice {
            input,
            out: String::with_capacity(input.len()),
            map: SegMap::default(),
        }
    }

    /// Copies `range` of the input as it is.
    pub fn copy(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.map.segs.push((self.out.len(), range.start, true));
        self.out.push_str(&self.input[range]);
    }

    /// Writes `text`, which stands for what is at `at` in the input.
    pub fn insert(&mut self, text: &str, at: usize) {
        if text.is_empty() {
            return;
        }
        self.map.segs.push((self.out.len(), at, false));
        self.out.push_str(text);
    }

    /// `input` with a backslash written before each of `offsets` (in order), and its map.
    pub fn escaped(input: &'t str, offsets: &[usize]) -> (String, SegMap) {
        let mut splice = Splice::new(input);
        let mut copied = 0;
        for &at in offsets {
            splice.copy(copied..at);
            splice.insert("\\", at);
            copied = at;
        }
        splice.copy(copied..input.len());
        (splice.out, splice.map)
    }
}

/// The maps of every pass so far, first pass first.
#[derive(Debug, Clone, Default)]
pub struct Maps(pub Vec<SegMap>);

impl Maps {
    /// An offset in the last pass's output, back to an offset in the body as written.
    pub fn back(&self, mut offset: usize) -> usize {
        for map in self.0.iter().rev() {
            offset = map.back(offset);
        }
        offset
    }
}

/// What the passes need to know about the article.
pub struct Article<'a> {
    /// The file as diagnostics name it (`content/topic/a.md`).
    pub file: &'a Path,
    /// The site's folder, the content folder and the article's path in it; `None`
    /// where the article is not read from disk (includes are then refused).
    pub content: Option<(&'a Path, &'a Path, &'a Path)>,
    /// `[build] include_root`: the folder includes may read, from the site's folder.
    pub include_root: &'a str,
    pub lines: &'a LineIndex<'a>,
    pub body_start: usize,
    /// Whether other tools' template syntax is a warning or an error.
    pub unsupported_syntax: UnsupportedSyntax,
    /// Whether an include of a file that does not exist is an error or a warning.
    pub broken_links: crate::config::BrokenLinks,
    /// What `{{ name }}` is (see `ParseContext::expressions`); in a vault, Dataview's
    /// inline queries are answered too ([`super::dataview`]).
    pub expressions: Expressions,
    /// The article's front matter as written (empty when it has none).
    pub front_matter: &'a str,
    /// A Hugo site's `[params]` (see `ParseContext::site_params`).
    pub site_params: Option<&'a serde_json::Value>,
    /// The keys an ancestor's `cascade` hands the page (see `ParseContext::cascaded`).
    pub cascaded: Option<&'a serde_json::Value>,
    /// mdBook's MathJax delimiters are math (see `ParseContext::mathjax`).
    pub mathjax: bool,
    /// Hugo's passthrough delimiters (see `ParseContext::passthrough`).
    pub passthrough: &'a [(String, String, bool)],
    /// The callouts a Just the Docs site names (see `ParseContext::callouts`).
    pub callouts: &'a [crate::load::just_the_docs::Callout],
    /// The folder relative links are written from (see `ParseContext::links_from`).
    pub links_from: Option<&'a str>,
    pub logseq_blocks: &'a crate::load::logseq_graph::BlockIds,
    /// Whether `%% … %%` is a comment (see `ParseContext::obsidian_text`).
    pub obsidian_text: bool,
    /// mdbook-variables' values (see `ParseContext::book_variables`).
    pub book_variables: &'a std::collections::BTreeMap<String, String>,
}

/// The body after every pass, its maps, the files it included and what the passes found.
#[derive(Default)]
pub struct Expanded {
    pub text: String,
    pub maps: Maps,
    pub includes: Vec<super::include::Included>,
    pub diagnostics: Diagnostics,
    /// What the includes wrote, for positions in it.
    pub origins: super::include::Origins,
    /// Whether the page reads MathJax's `\\( \\)` and `\\[ \\]` (in raw HTML: `\( \)`).
    pub mathjax: bool,
}

impl Expanded {
    /// The line and column of `offset` in the text after the passes in `maps`: in the
    /// file as written, or where an include wrote it ([`super::include::Origins`]).
    pub fn position(&self, article: &Article, maps: &Maps, offset: usize) -> (usize, usize) {
        self.origins.position(maps, offset).unwrap_or_else(|| {
            article
                .lines
                .position(article.body_start + maps.back(offset))
        })
    }

    /// Reports other tools' syntax at `offset` (see [`Expanded::position`]): an error,
    /// or a warning under `unsupported_syntax = "warn"`.
    pub fn unsupported(&mut self, article: &Article, offset: usize, mut diagnostic: Diagnostic) {
        let (line, column) = self.position(article, &self.maps, offset);
        if article.unsupported_syntax == UnsupportedSyntax::Warn {
            diagnostic.severity = Severity::Warning;
        }
        self.diagnostics
            .push(diagnostic.at(article.file.to_path_buf(), line, column));
    }
}

pub fn expand(body: &str, article: &Article, options: Options) -> Expanded {
    let mut out = Expanded::default();
    let home = super::vue_home::prepend(body, article, &mut out);
    let body = home.as_deref().unwrap_or(body);
    // mdBook's and Hugo's `{{…}}`, VitePress's `<!--@include: file-->` and code
    // imports, an MkDocs site's snippets and an MDX page's partials.
    let other_includes = article.expressions.mkdocs() && holds(body, "--8<--")
        || super::mdx::is_mdx(article) && holds(body, "import ")
        || article.expressions == Expressions::Vue && holds(body, "<<<");
    let mut text = if holds(body, "{{") || other_includes || holds(body, "@include:") {
        let (text, map) = super::include::expand_article(body, article, options, &mut out);
        out.maps.0.push(map);
        book_variables::fill(text, article.book_variables, &mut out.maps)
    } else {
        body.to_string()
    };
    if let Some(folder) = article.links_from {
        if let Some((rebased, map)) = super::rebase::rebase(&text, folder, options) {
            out.maps.0.push(map);
            text = rebased;
        }
    }
    if article.obsidian_text && holds(&text, "%%") {
        text = super::comments::strip(&text, article, options, &mut out);
    }
    // kramdown's `{::comment}`, before anything reads the text it hides.
    if article.expressions == Expressions::Liquid && holds(&text, "{::") {
        if let Some((rewritten, map)) = super::kramdown_extensions::rewrite(&text, options) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    if article.expressions == Expressions::Logseq && super::logseq_blocks::may_hold(&text) {
        if let Some((rewritten, map)) =
            super::logseq_blocks::rewrite(&text, article, options, &mut out)
        {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    if article.expressions == Expressions::Logseq && super::logseq::may_hold(&text) {
        let blocks = article.logseq_blocks;
        if let Some((shown, map)) = super::logseq::hide_properties(&text, options, blocks) {
            out.maps.0.push(map);
            text = shown;
        }
    }
    if holds(&text, "[[")
        && (holds(&text, "](") || holds(&text, "]]["))
        && !article.expressions.vault()
    {
        if let Some((escaped, map)) = super::linked_wikilinks::escape(&text, options) {
            out.maps.0.push(map);
            text = escaped;
        }
    }
    if holds(&text, "[[") && memchr::memchr(b'|', text.as_bytes()).is_some() {
        if let Some((escaped, map)) = super::table_links::escape(&text, options) {
            out.maps.0.push(map);
            text = escaped;
        }
    }
    if holds(&text, "`") && holds(&text, "=") {
        if !article.expressions.vault() {
            if holds(&text, "this.") {
                super::dataview::outside_a_vault(&text, article, options, &mut out);
            }
        } else if !article.expressions.dataview() {
            // A vault without Dataview shows `=x` as the code it is.
        } else if let Some(filled) = super::dataview::fill(&text, article, options, &mut out) {
            text = filled;
        }
    }
    if text.contains("admonish") {
        if let Some((rewritten, map)) = super::admonish::rewrite(&text, options) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    if text.contains("<Listing") {
        if let Some((rewritten, map)) = super::listings::rewrite(&text, options) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    if holds(&text, "r[") {
        if let Some((rewritten, map)) = super::spec_rules::rewrite(&text, options) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    if article.expressions == Expressions::Text && super::zola_components::may_hold(&text) {
        if let Some((rewritten, map)) = super::zola_components::rewrite(&text, article, options) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    if holds(&text, "{{%") || holds(&text, "{{<") || holds(&text, "{%") || holds(&text, "{{ ") {
        if let Some((rewritten, map)) = super::hugo_callouts::rewrite(&text, options) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    // MDX's components, before the containers some of them are drawn as (`<Aside>`).
    // A VitePress page's Vue components (`<Badge text="new" />`) are read alike.
    let vue = article.expressions == Expressions::Vue
        && (text.as_bytes().windows(2)).any(|w| w[0] == b'<' && w[1].is_ascii_uppercase());
    if super::mdx::is_mdx(article) || vue {
        let (stripped, map) = super::mdx::strip(&text, article, options, &mut out);
        out.maps.0.push(map);
        text = stripped;
    }
    text = super::admonitions::passes(text, article, options, &mut out);
    // `///`: pymdownx.blocks (`/// tip | Title` … `///`), as FastAPI's docs write them.
    if [":::", "endhint", "endnote", "///"]
        .iter()
        .any(|m| holds(&text, m))
    {
        if let Some((rewritten, map)) = super::containers::rewrite(&text, options) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    if super::jsx_attributes::may_hold(&text) {
        if let Some((stripped, map)) = super::jsx_attributes::strip(&text, options) {
            out.maps.0.push(map);
            text = stripped;
        }
    }
    let templates = !matches!(
        article.expressions,
        Expressions::MkDocs { macros: false, .. }
    );
    if templates && (holds(&text, "{{") || holds(&text, "{%") || holds(&text, "<%")) {
        let (stripped, map) = super::foreign::strip(&text, article, options, &mut out);
        out.maps.0.push(map);
        text = stripped;
    }
    if templates && holds(&text, "/*") {
        text = super::shortcode_escapes::passes(text, article, &mut out);
    }
    // kramdown's lines before a block, and Just the Docs' callouts (Jekyll).
    if article.expressions == Expressions::Liquid && holds(&text, "{:") {
        let callouts = article.callouts;
        if let Some((rewritten, map)) = super::kramdown_callouts::rewrite(&text, options, callouts)
        {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    // Goldmark's (Hugo, Zola), kramdown's (Jekyll: `{: #id}`), Python-Markdown's
    // attr_list (MkDocs: `{ #id }` as a paragraph's last line) and markdown-it-attrs'
    // (VitePress) block attributes.
    let attributes = matches!(
        article.expressions,
        Expressions::Text | Expressions::Liquid | Expressions::MkDocs { .. } | Expressions::Vue
    );
    // Python-Markdown's may stand indented, as a list item's text is; any in a quote.
    let indented = (article.expressions.mkdocs() && holds(&text, " {")) || holds(&text, "> {");
    if attributes && (holds(&text, "\n{") || indented) {
        let alone = article.expressions == Expressions::Vue;
        if let Some((rewritten, map)) = super::goldmark_attributes::rewrite(&text, options, alone) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    text = super::mathjax::passes(text, article, options, &mut out);
    if holds(&text, "$$") {
        if let Some((protected, map)) = super::math_blocks::protect(&text) {
            out.maps.0.push(map);
            text = protected;
        }
    }
    if holds(&text, "$") {
        if let Some((escaped, map)) = super::math_prices::escape(&text, options) {
            out.maps.0.push(map);
            text = escaped;
        }
    }
    if let Some((closed, map)) = super::html_blocks::close(&text, options) {
        out.maps.0.push(map);
        text = closed;
    }
    out.text = text;
    out
}

/// [`expand`] for a page written in HTML (Hugo's HTML content format): only other
/// tools' template syntax (Hugo's shortcodes, which Hugo runs in HTML content too) is
/// reported and taken out; the Markdown passes do not apply.
pub fn expand_html(body: &str, article: &Article, options: Options) -> Expanded {
    let mut out = Expanded::default();
    let body = super::hugo_html::markdown_pairs(body, options, &mut out.maps.0);
    out.text = if holds(&body, "{{") || holds(&body, "{%") || holds(&body, "<%") {
        let (stripped, map) = super::foreign::strip(&body, article, options, &mut out);
        let headings = super::hugo_html::drawings_as_html(&stripped, &map);
        out.maps.0.push(map);
        headings.map_or(stripped, |(html, map)| {
            out.maps.0.push(map);
            html
        })
    } else {
        body.to_string()
    };
    out
}

/// The stretches of `text` whose characters are literal: code spans, code blocks,
/// math, and raw HTML `<code>`, `<pre>`, `<kbd>` and `<samp>` elements, in order.
pub fn literal_ranges(text: &str, options: Options) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    // Where the outermost raw HTML code element opened, and how deep they nest.
    let mut raw_code: Option<usize> = None;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        if let Event::Html(html) | Event::InlineHtml(html) = &event {
            for (at, closing) in code_tags(html) {
                if closing {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        if let Some(start) = raw_code.take() {
                            let end = range.start + at;
                            if ranges.last().is_none_or(|r| r.end <= start) {
                                ranges.push(start..end);
                            }
                        }
                    }
                } else {
                    depth += 1;
                    raw_code.get_or_insert(range.start + at);
                }
            }
            continue;
        }
        // The end of the cell, paragraph, item or heading a raw code element is in
        // closes it, as a browser does (its `</code>` may be in a cell past the
        // header's columns; Obsidian Hub's list item "… HTML <kbd> tags" never closes).
        if let (Event::End(end), Some(start)) = (&event, raw_code) {
            if !super::raw_code_links::closes_raw_code(end) {
                continue;
            }
            raw_code = None;
            depth = 0;
            if ranges.last().is_none_or(|r| r.end <= start) {
                ranges.push(start..range.end);
            }
            continue;
        }
        if raw_code.is_some() {
            continue;
        }
        match event {
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::Start(Tag::CodeBlock(_)) => {
                if ranges.last().is_some_and(|r| r.end > range.start) {
                    continue;
                }
                ranges.push(range);
            }
            _ => {}
        }
    }
    ranges
}

/// The raw HTML code elements' tags in `html`: (offset, whether it closes).
pub(super) fn code_tags(html: &str) -> Vec<(usize, bool)> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    for (at, _) in lower.match_indices('<') {
        let rest = &lower[at + 1..];
        let (closing, name) = match rest.strip_prefix('/') {
            Some(name) => (true, name),
            None => (false, rest),
        };
        for tag in ["code", "pre", "kbd", "samp"] {
            if name.starts_with(tag)
                && name[tag.len()..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
            {
                found.push((at, closing));
            }
        }
    }
    found
}

/// Whether `at` lies in one of `ranges` (as [`literal_ranges`] gives them).
pub fn inside(ranges: &[Range<usize>], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.start <= at);
    i > 0 && ranges[i - 1].end > at
}

/// `path` with `.` and `..` taken out, without reading the disk.
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_in_markdown_and_in_raw_html_is_literal() {
        let text =
            "a `x` b <code class=\"c\">{{ y }}</code> c <kbd>k</kbd> {{ z }}\n\n```\nfenced\n```\n";
        let ranges = literal_ranges(text, Options::ENABLE_MATH);
        let at = |s: &str| text.find(s).unwrap();
        assert!(inside(&ranges, at("x`")));
        assert!(inside(&ranges, at("{{ y")));
        assert!(inside(&ranges, at("k</kbd>")));
        assert!(inside(&ranges, at("fenced")));
        assert!(!inside(&ranges, at("{{ z")));
        assert!(!inside(&ranges, at(" b ")));
    }

    #[test]
    fn raw_code_left_open_in_a_table_cell_ends_with_the_cell() {
        // `<code>?|</code>`: the bar ends the cell, and the `</code>` falls in a cell
        // past the header's one column, which the table leaves out.
        let text = "| Op |\n| --- |\n| <code>?|</code> <code>t</code> |\n| <code>{{a,1}}</code> x {{ z }} |\n";
        let ranges = literal_ranges(text, Options::ENABLE_TABLES);
        let at = |s: &str| text.find(s).unwrap();
        assert!(inside(&ranges, at("?|")));
        assert!(inside(&ranges, at("{{a,1}}")));
        assert!(!inside(&ranges, at("{{ z")));
    }

    #[test]
    fn maps_compose_back_to_the_text_as_written() {
        let mut first = Splice::new("0123456789");
        first.copy(0..3);
        first.insert("INCLUDED", 3);
        first.copy(5..10);
        assert_eq!(first.out, "012INCLUDED56789");
        let out = first.out.clone();
        let mut second = Splice::new(&out);
        second.copy(0..1);
        second.copy(4..out.len());
        let maps = Maps(vec![first.map, second.map]);
        assert_eq!(maps.back(0), 0);
        assert_eq!(maps.back(1), 3, "inside the included text: its directive");
        assert_eq!(maps.back(second.out.find('5').unwrap()), 5);
    }
}
