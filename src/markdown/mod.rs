//! One article's Markdown → HTML body plus everything the site model needs from it:
//! headings with stable ids, outgoing links with their source positions, citations,
//! glossary mentions, plain text for search and readability.
//!
//! Links to other articles cannot be written yet (their titles and URLs belong to the
//! whole site), so the body holds placeholders — `\u{E000}n\u{E001}` for the href of
//! link `n` and `\u{E002}n\u{E001}` for its label — that `site` fills once resolved.

mod callouts;
mod sanitize;
pub use sanitize::sanitize;
mod links;
mod references;

pub use links::{fill_placeholders, is_external};
use links::{rewrite_relative, sentence_ends};

use crate::diagnostic::Diagnostic;
use crate::glossary::Glossary;
use crate::highlight;
use crate::load::{slugify, Reference};
use crate::readability::TextStats;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

pub const HREF_OPEN: char = '\u{E000}';
pub const LABEL_OPEN: char = '\u{E002}';
pub const PLACEHOLDER_CLOSE: char = '\u{E001}';
const CITE_PREFIX: &str = "attune-cite:";

/// What the parser needs to know about the site that does not depend on other articles.
pub struct ParseContext<'a> {
    pub smart_punctuation: bool,
    pub references: &'a BTreeMap<String, Reference>,
    pub glossary: &'a Glossary,
    /// Relative prefix from an article page to the site root (`../../`).
    pub root: &'a str,
    /// `index.html` in offline builds, empty otherwise.
    pub index: &'a str,
}

#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Where an internal link points, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A relative `.md` path, from the linking file's folder.
    File {
        path: String,
        anchor: Option<String>,
    },
    /// `[[slug]]` or `[[slug#anchor]]`.
    Slug {
        slug: String,
        anchor: Option<String>,
    },
    /// `#anchor` or `[[#anchor]]`: a heading on the same page.
    SamePage { anchor: String },
}

#[derive(Debug, Clone)]
pub struct OutLink {
    pub target: LinkTarget,
    /// 1-based position of the link in the source file.
    pub line: usize,
    pub column: usize,
    /// The `id` of the `<a>`, so backlinks can point at the exact spot.
    pub id: String,
    /// The sentence around the link, split at the link: text before, the link's own
    /// label (None when it is the target's title, unknown until resolved), text after.
    pub context: (String, Option<String>, String),
}

#[derive(Debug, Clone)]
pub struct Citation {
    pub key: String,
    /// Number shown in the text and in the Sources list, from 1 in order of first use.
    pub number: usize,
}

/// A stretch of the article under one heading, for the search index.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub anchor: Option<String>,
    pub heading: String,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub html: String,
    /// The first `# heading`, when it opened the document and front matter had no title.
    pub title_from_heading: Option<String>,
    pub headings: Vec<Heading>,
    pub links: Vec<OutLink>,
    pub citations: Vec<Citation>,
    /// Indices into the glossary of the terms this article mentions.
    pub glossary_terms: Vec<usize>,
    pub sections: Vec<Section>,
    pub stats: TextStats,
    pub images_without_alt: Vec<(usize, usize)>,
    pub has_exercise: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// The most text kept on each side of a link for its backlink's context, in bytes.
const CONTEXT_LIMIT: usize = 600;

/// The end of `text`, at most `limit` bytes, starting at a word.
fn last_words(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut cut = text.len() - limit;
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    let rest = &text[cut..];
    match rest.find(char::is_whitespace) {
        Some(i) => &rest[i..],
        None => rest,
    }
}

/// The start of `text`, at most `limit` bytes, ending at a word.
fn first_words(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let rest = &text[..cut];
    match rest.rfind(char::is_whitespace) {
        Some(i) => &rest[..i],
        None => rest,
    }
}

/// Byte offset → (line, column) for one file, in O(log lines) per lookup. Lookups
/// that move forward along one line count characters from the last one, so thousands
/// of links on one long line cost their length once, not once each.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last lookup: (offset, line, column).
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            text,
            starts,
            last: std::cell::Cell::new((0, 0, 1)),
        }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let (last_offset, last_line, last_column) = self.last.get();
        let (from, base) = if last_line == line && (start..=offset).contains(&last_offset) {
            (last_offset, last_column)
        } else {
            (start, 1)
        };
        let Some(between) = self.text.get(from..offset) else {
            return (line + 1, 1);
        };
        let column = base + between.chars().count();
        self.last.set((offset, line, column));
        (line + 1, column)
    }
}

fn options(smart_punctuation: bool) -> Options {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS;
    if smart_punctuation {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    options
}

/// Parses one article. `text` is the whole file and `body_start` where Markdown begins,
/// so positions in diagnostics are positions in the file.
pub fn parse(
    text: &str,
    body_start: usize,
    file: &Path,
    want_title: bool,
    ctx: &ParseContext,
) -> Parsed {
    let body = &text[body_start..];
    let lines = LineIndex::new(text);
    let mut callback = |link: pulldown_cmark::BrokenLink<'_>| {
        let reference = link.reference.trim();
        reference.starts_with('@').then(|| {
            (
                CowStr::from(format!("{CITE_PREFIX}{}", &reference[1..])),
                CowStr::from(""),
            )
        })
    };
    let parser = Parser::new_with_broken_link_callback(
        body,
        options(ctx.smart_punctuation),
        Some(&mut callback),
    );
    let events: Vec<(Event, std::ops::Range<usize>)> = parser.into_offset_iter().collect();
    let mut builder = Builder {
        ctx,
        file,
        lines: &lines,
        body_start,
        out: Parsed::default(),
        html_events: Vec::with_capacity(events.len()),
        heading: None,
        link: None,
        code: None,
        image: None,
        callouts: Vec::new(),
        block: String::new(),
        block_links: Vec::new(),
        section: Section::default(),
        used_ids: HashMap::new(),
        used_terms: HashSet::new(),
        cite_numbers: HashMap::new(),
        want_title,
        seen_block: false,
        in_table_head: false,
    };
    builder.run(events);
    builder.finish()
}

struct HeadingState<'a> {
    level: HeadingLevel,
    explicit_id: Option<String>,
    classes: Vec<String>,
    events: Vec<Event<'a>>,
    text: String,
    as_title: bool,
}

/// An image being read: where it is, its source, and its alt text so far.
struct ImageState {
    line: usize,
    column: usize,
    src: String,
    alt: String,
}

struct LinkState {
    /// Index into `out.links` of an internal link, if it is one.
    internal: Option<usize>,
    /// Skip the label events: they are replaced by the target's title.
    replace_label: bool,
    citation: bool,
}

struct Builder<'a, 'c> {
    ctx: &'c ParseContext<'c>,
    file: &'c Path,
    lines: &'c LineIndex<'c>,
    body_start: usize,
    out: Parsed,
    html_events: Vec<Event<'a>>,
    heading: Option<HeadingState<'a>>,
    link: Option<LinkState>,
    code: Option<(Option<String>, String)>,
    image: Option<ImageState>,
    /// For each open block quote, whether it is a callout.
    callouts: Vec<bool>,
    /// Plain text of the current block, for readability and link context.
    block: String,
    /// Links in the current block: (index into out.links, offset into `block` where the
    /// link starts, offset where it ends).
    block_links: Vec<(usize, usize, usize)>,
    section: Section,
    used_ids: HashMap<String, usize>,
    used_terms: HashSet<usize>,
    cite_numbers: HashMap<String, usize>,
    want_title: bool,
    seen_block: bool,
    in_table_head: bool,
}

impl<'a> Builder<'a, '_> {
    fn emit(&mut self, event: Event<'a>) {
        match &mut self.heading {
            Some(h) => h.events.push(event),
            None => self.html_events.push(event),
        }
    }

    fn emit_html(&mut self, html: String) {
        self.emit(Event::InlineHtml(CowStr::from(html)));
    }

    fn position(&self, range: &std::ops::Range<usize>) -> (usize, usize) {
        self.lines.position(self.body_start + range.start)
    }

    fn run(&mut self, events: Vec<(Event<'a>, std::ops::Range<usize>)>) {
        let mut iter = events.into_iter().peekable();
        let mut pending: Vec<(Event<'a>, std::ops::Range<usize>)> = Vec::new();
        while let Some((event, range)) = pending.pop().or_else(|| iter.next()) {
            if let Event::Start(Tag::BlockQuote(_)) = &event {
                // Look ahead for `[!KIND] Title` at the start of the quote's first paragraph.
                let mut lookahead = Vec::new();
                while lookahead.len() < 8 {
                    match iter.next() {
                        Some(e) => {
                            let stop = matches!(
                                e.0,
                                Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph)
                            );
                            lookahead.push(e);
                            if stop {
                                break;
                            }
                        }
                        None => break,
                    }
                }
                if let Some(consumed) = self.try_callout(&lookahead) {
                    let rest: Vec<_> = lookahead.into_iter().skip(consumed).collect();
                    pending.extend(rest.into_iter().rev());
                } else {
                    self.callouts.push(false);
                    self.emit(Event::Start(Tag::BlockQuote(None)));
                    pending.extend(lookahead.into_iter().rev());
                }
                continue;
            }
            self.event(event, range);
        }
    }

    fn event(&mut self, event: Event<'a>, range: std::ops::Range<usize>) {
        if let Some((_, code)) = &mut self.code {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => self.end_code_block(),
                _ => {}
            }
            return;
        }
        if let Some(link) = &self.link {
            if link.replace_label || link.citation {
                if let Event::End(TagEnd::Link) = event {
                    self.end_link();
                }
                return;
            }
        }
        if let Some(ImageState { alt, .. }) = &mut self.image {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => self.end_image(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: _,
            }) => {
                let as_title = self.want_title && !self.seen_block && level == HeadingLevel::H1;
                self.seen_block = true;
                self.flush_block();
                self.heading = Some(HeadingState {
                    level,
                    explicit_id: id.map(|i| i.to_string()),
                    classes: classes.iter().map(|c| c.to_string()).collect(),
                    events: Vec::new(),
                    text: String::new(),
                    as_title,
                });
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::CodeBlock(kind)) => {
                self.seen_block = true;
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().map(str::to_string)
                    }
                    CodeBlockKind::Indented => None,
                };
                self.code = Some((lang, String::new()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id: _,
            }) => self.start_link(link_type, dest_url, title, range),
            Event::End(TagEnd::Link) => {
                self.end_link();
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let (line, column) = self.position(&range);
                self.image = Some(ImageState {
                    line,
                    column,
                    src: dest_url.to_string(),
                    alt: String::new(),
                });
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.flush_block();
                if self.callouts.pop() == Some(true) {
                    let writing_space = if self.html_events_tail_is_exercise() {
                        "<div class=\"write-space\" aria-hidden=\"true\"></div>\n"
                    } else {
                        ""
                    };
                    self.emit_html(format!("{writing_space}</div>\n"));
                } else {
                    self.emit(Event::End(TagEnd::BlockQuote(None)));
                }
            }
            Event::Text(text) => {
                self.push_text(&text);
                if self.heading.is_none() && self.link.is_none() && !self.glossary_is_empty() {
                    self.text_with_glossary(text);
                } else {
                    self.emit(Event::Text(text));
                }
            }
            Event::Code(code) => {
                self.push_text(&code);
                self.emit(Event::Code(code));
            }
            Event::SoftBreak | Event::HardBreak => {
                self.push_text(" ");
                self.emit(event);
            }
            Event::TaskListMarker(done) => {
                let (state, checked) = if done {
                    ("done", " checked")
                } else {
                    ("not done", "")
                };
                self.emit_html(format!(
                    "<input type=\"checkbox\" disabled{checked} aria-label=\"{state}\"> "
                ));
            }
            Event::Start(Tag::TableHead) => {
                self.in_table_head = true;
                self.emit(event);
            }
            Event::End(TagEnd::TableHead) => {
                self.in_table_head = false;
                self.emit(event);
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::Table(_) | Tag::List(_)) => {
                self.seen_block = true;
                self.emit(event);
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::FootnoteDefinition,
            ) => {
                self.flush_block();
                self.emit(event);
            }
            other => {
                if matches!(other, Event::Html(_) | Event::Rule) {
                    self.seen_block = true;
                }
                self.emit(other);
            }
        }
    }

    fn glossary_is_empty(&self) -> bool {
        self.ctx.glossary.is_empty()
    }

    fn end_image(&mut self) {
        let Some(image) = self.image.take() else {
            return;
        };
        let alt = image.alt.trim();
        if alt.is_empty() {
            self.out.images_without_alt.push((image.line, image.column));
        }
        self.emit_html(format!(
            "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
            escape(&rewrite_relative(&image.src)),
            escape(alt)
        ));
    }

    fn push_text(&mut self, text: &str) {
        if let Some(h) = &mut self.heading {
            h.text.push_str(text);
            return;
        }
        self.block.push_str(text);
    }

    /// Ends a block of prose: feeds readability, search and the context of its links.
    fn flush_block(&mut self) {
        if self.block.trim().is_empty() {
            self.block.clear();
            self.block_links.clear();
            return;
        }
        let block = &self.block;
        if !self.in_table_head {
            self.out.stats.add_block(block);
        }
        self.section.text.push_str(block.trim());
        self.section.text.push('\n');
        if !self.block_links.is_empty() {
            // Sentence ends found once per block, so a paragraph of thousands of links
            // costs a binary search per link, not a rescan.
            let ends = sentence_ends(block);
            for (index, start, end) in self.block_links.drain(..) {
                let sentence_start = ends[..ends.partition_point(|&e| e <= start)]
                    .last()
                    .copied()
                    .unwrap_or(0);
                let sentence_end = ends
                    .get(ends.partition_point(|&e| e < end))
                    .copied()
                    .unwrap_or(block.len());
                // A sentence without an end (thousands of links in one line) is
                // cut to a snippet's length, so contexts stay linear in the text.
                let before = last_words(&block[sentence_start..start], CONTEXT_LIMIT)
                    .trim_start()
                    .to_string();
                let after = first_words(&block[end..sentence_end.max(end)], CONTEXT_LIMIT)
                    .trim_end()
                    .to_string();
                let link = &mut self.out.links[index];
                let label = link.context.1.take();
                link.context = (before, label, after);
            }
        }
        self.block.clear();
    }

    fn unique_id(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        let count = self.used_ids.entry(base.to_string()).or_insert(0);
        *count += 1;
        if *count == 1 {
            base.to_string()
        } else {
            format!("{base}-{}", *count - 1)
        }
    }

    fn end_heading(&mut self) {
        let Some(h) = self.heading.take() else { return };
        let text = h.text.trim().to_string();
        if h.as_title {
            self.out.title_from_heading = Some(text);
            return;
        }
        let id = match &h.explicit_id {
            Some(id) => self.unique_id(id),
            None => self.unique_id(&slugify(&text)),
        };
        let level = h.level as u8;
        let mut inner = String::new();
        pulldown_cmark::html::push_html(&mut inner, h.events.into_iter());
        let class = if h.classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", escape(&h.classes.join(" ")))
        };
        let html = format!(
            "<h{level} id=\"{id}\"{class}>{inner} <a class=\"anchor\" href=\"#{id}\" aria-label=\"Link to this section: {label}\" data-copy-link>#</a></h{level}>\n",
            id = escape(&id),
            label = escape(&text),
        );
        self.html_events.push(Event::Html(CowStr::from(html)));
        // Each heading opens a new search section.
        let previous = std::mem::replace(
            &mut self.section,
            Section {
                anchor: Some(id.clone()),
                heading: text.clone(),
                text: String::new(),
            },
        );
        if !previous.text.trim().is_empty() || previous.anchor.is_some() {
            self.out.sections.push(previous);
        }
        self.out.stats.add_block(&text);
        self.out.headings.push(Heading { level, id, text });
    }

    fn end_code_block(&mut self) {
        let Some((lang, code)) = self.code.take() else {
            return;
        };
        let html = highlight::highlight(&code, lang.as_deref());
        self.html_events.push(Event::Html(CowStr::from(html)));
    }

    fn finish(mut self) -> Parsed {
        self.flush_block();
        let section = std::mem::take(&mut self.section);
        if !section.text.trim().is_empty() || section.anchor.is_some() {
            self.out.sections.push(section);
        }
        let mut html = String::with_capacity(self.html_events.len() * 16);
        pulldown_cmark::html::push_html(&mut html, self.html_events.into_iter());
        self.out.html = html;
        self.out
    }
}

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::GlossaryEntry;

    fn parse_with(md: &str, glossary: &Glossary, refs: &BTreeMap<String, Reference>) -> Parsed {
        let ctx = ParseContext {
            smart_punctuation: true,
            references: refs,
            glossary,
            root: "../../",
            index: "",
        };
        parse(md, 0, Path::new("a.md"), true, &ctx)
    }

    fn parse_md(md: &str) -> Parsed {
        parse_with(md, &Glossary::default(), &BTreeMap::new())
    }

    #[test]
    fn headings_get_unique_ids_and_anchor_links() {
        let p = parse_md("## Hello world\n\n## Hello world\n\n## Custom {#mine}\n");
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["hello-world", "hello-world-1", "mine"]);
        assert!(p.html.contains(
            "<h2 id=\"hello-world\">Hello world <a class=\"anchor\" href=\"#hello-world\""
        ));
    }

    #[test]
    fn leading_h1_becomes_the_title() {
        let p = parse_md("# The title\n\nText.\n");
        assert_eq!(p.title_from_heading.as_deref(), Some("The title"));
        assert!(!p.html.contains("<h1"));
    }

    #[test]
    fn links_are_recorded_with_positions_and_context() {
        let p = parse_md(
            "Intro.\n\nFirst one. See [this](../x/y.md#part) now. Last.\n\nAnd [[slug]] too.\n",
        );
        assert_eq!(
            p.links[0].target,
            LinkTarget::File {
                path: "../x/y.md".into(),
                anchor: Some("part".into())
            }
        );
        assert_eq!((p.links[0].line, p.links[0].column), (3, 16));
        assert_eq!(
            p.links[0].context,
            (
                " See ".trim_start().into(),
                Some("this".into()),
                " now.".into()
            )
        );
        assert_eq!(
            p.links[1].target,
            LinkTarget::Slug {
                slug: "slug".into(),
                anchor: None
            }
        );
        assert!(p
            .html
            .contains(&format!("{LABEL_OPEN}1{PLACEHOLDER_CLOSE}")));
    }

    #[test]
    fn callouts_render_as_labelled_blocks() {
        let p = parse_md(
            "> [!EXERCISE] Breathe\n> 1. In\n> 2. Out\n\n> [!NOTE]\n> Plain.\n\n> Quote.\n",
        );
        assert!(p.html.contains(
            "<div class=\"callout callout-exercise\" role=\"note\" aria-label=\"Exercise\">"
        ));
        assert!(p
            .html
            .contains("<p class=\"callout-title\">Exercise: Breathe</p>"));
        assert!(p.html.contains("<div class=\"write-space\""));
        assert!(p.html.contains("callout-note"));
        assert!(p.html.contains("<blockquote>"));
        assert!(p.has_exercise);
    }

    #[test]
    fn citations_number_in_order_and_unknown_keys_are_errors() {
        let mut refs = BTreeMap::new();
        for key in ["webb2012", "gibson2015"] {
            refs.insert(
                key.to_string(),
                Reference {
                    kind: crate::load::ReferenceKind::Book,
                    authors: vec![],
                    year: None,
                    title: key.into(),
                    publisher: None,
                    url: None,
                },
            );
        }
        let p = parse_with(
            "A [@gibson2015]. B [@webb2012, p. 40]. C [@gibson2015]. D [@webb2021].\n",
            &Glossary::default(),
            &refs,
        );
        assert_eq!(
            p.citations
                .iter()
                .map(|c| c.key.as_str())
                .collect::<Vec<_>>(),
            ["gibson2015", "webb2012"]
        );
        assert!(p
            .html
            .contains("<a href=\"#source-2\" aria-label=\"Source 2, p. 40\">2, p. 40</a>"));
        assert_eq!(p.diagnostics.len(), 1);
        assert_eq!(
            p.diagnostics[0].help.as_deref(),
            Some("did you mean 'webb2012'?")
        );
    }

    #[test]
    fn glossary_links_first_mention_only() {
        let glossary = Glossary::new(vec![GlossaryEntry {
            term: "Alexithymia".into(),
            aliases: vec!["alexithymic".into()],
            definition: "Difficulty naming feelings.".into(),
            article: None,
        }]);
        let p = parse_with(
            "Being alexithymic is common. Alexithymia again.\n",
            &glossary,
            &BTreeMap::new(),
        );
        assert_eq!(p.html.matches("class=\"term\"").count(), 1);
        assert!(p.html.contains("href=\"../../glossary/#alexithymia\""));
        assert!(p.html.contains(">alexithymic</a><span class=\"term-def\""));
    }

    #[test]
    fn readability_counts_words() {
        let p = parse_md("The cat sat. The dog ran.\n");
        assert_eq!(p.stats.words, 6);
        assert_eq!(p.stats.sentences, 2);
    }

    #[test]
    fn fill_placeholders_escapes() {
        let html = format!(
            "<a href=\"{HREF_OPEN}0{PLACEHOLDER_CLOSE}\">{LABEL_OPEN}0{PLACEHOLDER_CLOSE}</a>"
        );
        let filled = fill_placeholders(&html, |_| "../a/".into(), |_| "A & B".into());
        assert_eq!(filled, "<a href=\"../a/\">A &amp; B</a>");
    }
}
