//! One article's Markdown → HTML body plus everything the site model needs from it:
//! headings with stable ids, outgoing links with their source positions, citations,
//! glossary mentions, plain text for search and readability.
//!
//! Links to other articles cannot be written yet (their titles and URLs belong to the
//! whole site), so the body holds the link marks of [`crate::marks`] that `site` and
//! `render` fill once resolved.

mod callouts;
mod comments;
mod expand;
mod foreign;
mod html;
mod include;
pub(crate) mod math;
mod obsidian;
mod sanitize;
pub use sanitize::{keeps_url, sanitize};
mod links;
mod references;

mod ids;

pub use html::RefKind;
pub use ids::{heading_slug, PAGE_IDS};
pub use include::{
    includes_hash, includes_now, place_included, snippets, Included, IncludedAt, VIRTUAL_LINE,
};
pub use links::{fill_labels, fill_placeholders, href_attr, is_external, split_anchor};
use links::{sentence_ends, without_label_marks};
pub use obsidian::join_tags;

use crate::diagnostic::Diagnostic;
use crate::glossary::Glossary;
use crate::highlight;
use crate::load::Reference;
use crate::readability::TextStats;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

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
    /// The content folder and the article's path in it, where `{{#include}}` reads;
    /// `None` refuses includes.
    pub content: Option<(&'a Path, &'a Path)>,
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
    /// `![[Note]]`: the target's text is shown here (an [`crate::marks::EMBED`] mark
    /// in the body), not a link to it.
    pub embed: bool,
}

/// A URL the reader's browser will follow or load that is not a link to an article:
/// Markdown images, links to files or pages by path, and every URL in raw HTML. The
/// body holds a mark (`LINK_REF n MARK_END`, see [`crate::marks`]) where it goes; `site` resolves and
/// checks it, and each page fills it in relative to where the page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutRef {
    /// As written (character references decoded, percent-escapes kept).
    pub url: String,
    pub kind: RefKind,
    /// 1-based position in the source file.
    pub line: usize,
    pub column: usize,
    /// `![[image.png]]`: found by file name anywhere in the content folder, as
    /// Obsidian does, rather than by a path from this file's folder.
    pub by_name: bool,
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
    /// Images, files and raw-HTML URLs, in order: placeholder `n` is `refs[n]`.
    pub refs: Vec<OutRef>,
    /// Ids defined in raw HTML (`id=`, `<a name>`): link targets like heading ids.
    pub html_ids: Vec<String>,
    pub citations: Vec<Citation>,
    /// Indices into the glossary of the terms this article mentions.
    pub glossary_terms: Vec<usize>,
    pub sections: Vec<Section>,
    pub stats: TextStats,
    pub images_without_alt: Vec<(usize, usize)>,
    pub has_exercise: bool,
    pub diagnostics: Vec<Diagnostic>,
    /// Files the text included with `{{#include}}`.
    pub includes: Vec<Included>,
    /// Places in included files that positions here stand for (see `include.rs`).
    pub included_at: Vec<include::IncludedAt>,
    /// Inline `#tags`, without their `#`, in order of first use.
    pub tags: Vec<String>,
}

/// Whether a heading says the same as a title: the same words, whatever their case
/// and punctuation (smart quotes included).
fn same_title(title: &str, heading: &str) -> bool {
    let title = crate::load::slugify(title);
    !title.is_empty() && title == crate::load::slugify(heading)
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
    /// Offsets from the body's start on are offsets in the text the passes before
    /// parsing wrote ([`expand`]): where the body starts, and the passes' maps.
    maps: Option<(usize, expand::Maps)>,
    /// What includes wrote into the body, for positions inside it.
    included: include::Origins,
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
            maps: None,
            included: Default::default(),
        }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = match &self.maps {
            Some((start, maps)) if offset >= *start => {
                if let Some(place) = self.included.position(maps, offset - start) {
                    return place;
                }
                start + maps.back(offset - start)
            }
            _ => offset,
        };
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
        | Options::ENABLE_WIKILINKS
        | Options::ENABLE_MATH;
    if smart_punctuation {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    options
}

/// What parsing knows of an article's title, which the page shows as its `<h1>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title<'a> {
    /// None yet: a heading at any level that opens the text is the title, and is not
    /// shown again in the body ([`Parsed::title_from_heading`]).
    FromLeadingHeading,
    /// The title: a heading that opens the text and says the same (at any level, in
    /// any case) is not shown again.
    Known(&'a str),
}

/// Parses one article. `text` is the whole file and `body_start` where Markdown begins,
/// so positions in diagnostics are positions in the file. With `want_title`, a heading
/// opening the text is the title ([`Title::FromLeadingHeading`]); see [`parse_titled`].
pub fn parse(
    text: &str,
    body_start: usize,
    file: &Path,
    want_title: bool,
    ctx: &ParseContext,
) -> Parsed {
    let title = if want_title {
        Title::FromLeadingHeading
    } else {
        Title::Known("")
    };
    parse_titled(text, body_start, file, title, ctx)
}

/// [`parse`], told what is known of the title.
pub fn parse_titled(
    text: &str,
    body_start: usize,
    file: &Path,
    title: Title<'_>,
    ctx: &ParseContext,
) -> Parsed {
    let plain = LineIndex::new(text);
    let mut expanded = expand::expand(
        &text[body_start..],
        &expand::Article {
            file,
            content: ctx.content,
            lines: &plain,
            body_start,
        },
        options(ctx.smart_punctuation),
    );
    let body = expanded.text.as_str();
    let mut lines = LineIndex::new(text);
    if !expanded.maps.0.is_empty() {
        lines.maps = Some((body_start, expanded.maps.clone()));
        lines.included = std::mem::take(&mut expanded.origins);
    }
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
        html_block: None,
        callouts: Vec::new(),
        block: String::new(),
        block_links: Vec::new(),
        section: Section::default(),
        ids: ids::HeadingIds::default(),
        raw_inline_depth: 0,
        raw_block_depth: 0,
        used_terms: HashSet::new(),
        tag_slugs: HashSet::new(),
        cite_numbers: HashMap::new(),
        title,
        seen_block: false,
        in_table_head: false,
    };
    builder.out.diagnostics = expanded.diagnostics;
    builder.out.includes = expanded.includes;
    builder.run(events);
    let mut parsed = builder.finish();
    parsed.included_at = lines.included.take();
    include::place_included(&mut parsed.diagnostics, file, &parsed.included_at);
    parsed
}

struct HeadingState<'a> {
    level: HeadingLevel,
    explicit_id: Option<String>,
    classes: Vec<String>,
    events: Vec<Event<'a>>,
    text: String,
    as_title: bool,
}

/// An image being read: where it is, its source and title, and its alt text so far.
struct ImageState {
    line: usize,
    column: usize,
    src: String,
    title: String,
    alt: String,
    /// Tags opened inside the alt text (emphasis, a nested image) not yet closed.
    nesting: usize,
    /// `![[...]]`: an Obsidian embed.
    wiki: bool,
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
    /// The lines of the raw HTML block being read, each with its offset in the body.
    html_block: Option<Vec<(String, usize)>>,
    /// For each open block quote, the closing tag of its callout, if it is one.
    callouts: Vec<Option<&'static str>>,
    /// Plain text of the current block, for readability and link context.
    block: String,
    /// Links in the current block: (index into out.links, offset into `block` where the
    /// link starts, offset where it ends).
    block_links: Vec<(usize, usize, usize)>,
    section: Section,
    ids: ids::HeadingIds,
    /// Raw inline HTML elements open in the current block: no glossary link inside.
    raw_inline_depth: usize,
    /// Raw HTML blocks' links, code and headings still open: no glossary link inside.
    raw_block_depth: usize,
    used_terms: HashSet<usize>,
    /// Slugs of the inline tags in `out.tags`.
    tag_slugs: HashSet<String>,
    cite_numbers: HashMap<String, usize>,
    title: Title<'a>,
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
        let mut events = obsidian::inline(events);
        self.ids = ids::HeadingIds::reserve(
            &events,
            self.file,
            self.lines,
            self.body_start,
            &mut self.out.diagnostics,
        );
        let glossary = !self.ctx.glossary.is_empty();
        // By index, so looking ahead (for a callout, for the letter after a word) reads
        // the events as written and never reorders them.
        let mut i = 0;
        while i < events.len() {
            if let Event::Start(Tag::BlockQuote(_)) = &events[i].0 {
                // A heading inside a quote is never the page title.
                self.seen_block = true;
                match self.try_callout(&events[i + 1..]) {
                    Some(consumed) => i += 1 + consumed,
                    None => {
                        self.callouts.push(None);
                        self.emit(Event::Start(Tag::BlockQuote(None)));
                        i += 1;
                    }
                }
                continue;
            }
            let next_char = match &events[i].0 {
                Event::Text(_) if glossary => next_letter(&events[i + 1..]),
                _ => None,
            };
            let (event, range) = std::mem::replace(&mut events[i], (Event::SoftBreak, 0..0));
            self.event(event, range, next_char);
            i += 1;
        }
    }

    /// One event; `next_char` is the first character of the text that follows a
    /// `Text` event in the same run of prose, for glossary word boundaries.
    fn event(&mut self, event: Event<'a>, range: std::ops::Range<usize>, next_char: Option<char>) {
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
        if let Some(ImageState { alt, nesting, .. }) = &mut self.image {
            // The alt text is the plain text of everything inside, nested images too.
            match event {
                Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                Event::Start(_) => *nesting += 1,
                Event::End(TagEnd::Image) if *nesting == 0 => self.end_image(),
                Event::End(_) => *nesting = nesting.saturating_sub(1),
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
                // Only a heading that opens the text: whether it says the title is
                // known at its end.
                let as_title = !self.seen_block;
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
                    CodeBlockKind::Fenced(info) => Some(info.to_string()),
                    CodeBlockKind::Indented => None,
                };
                self.check_code_language(lang.as_deref(), &range);
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
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                let (line, column) = self.position(&range);
                self.image = Some(ImageState {
                    line,
                    column,
                    src: dest_url.to_string(),
                    title: title.to_string(),
                    alt: String::new(),
                    nesting: 0,
                    wiki: matches!(link_type, pulldown_cmark::LinkType::WikiLink { .. }),
                });
            }
            Event::Start(Tag::HtmlBlock) => {
                self.seen_block = true;
                self.html_block = Some(Vec::new());
                self.emit(event);
            }
            Event::End(TagEnd::HtmlBlock) => {
                let lines = self.html_block.take().unwrap_or_default();
                let html = self.raw_html(&lines);
                self.emit(Event::Html(CowStr::from(html)));
                self.emit(event);
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.flush_block();
                if let Some(Some(close)) = self.callouts.pop() {
                    let writing_space = if self.html_events_tail_is_exercise() {
                        "<div class=\"write-space\" aria-hidden=\"true\"></div>\n"
                    } else {
                        ""
                    };
                    self.emit_html(format!("{writing_space}{close}\n"));
                } else {
                    self.emit(Event::End(TagEnd::BlockQuote(None)));
                }
            }
            Event::Text(text) if obsidian::may_hold_tag(&text) => {
                self.text_with_tags(text, next_char)
            }
            Event::Text(text) => self.text(text, next_char),
            Event::InlineMath(tex) => self.math(&tex, false, &range),
            Event::DisplayMath(tex) => self.math(&tex, true, &range),
            Event::InlineHtml(html) => {
                self.raw_inline_depth = raw_depth(self.raw_inline_depth, &html, |_| true);
                let html = self.raw_html(&[(html.to_string(), range.start)]);
                self.emit(Event::InlineHtml(CowStr::from(html)));
            }
            Event::Html(html) => {
                self.seen_block = true;
                self.raw_block_depth = raw_depth(self.raw_block_depth, &html, |name| {
                    matches!(
                        name,
                        "a" | "code"
                            | "pre"
                            | "kbd"
                            | "samp"
                            | "script"
                            | "style"
                            | "textarea"
                            | "h1"
                            | "h2"
                            | "h3"
                            | "h4"
                            | "h5"
                            | "h6"
                    )
                });
                // A block is read whole (at its end), so tags across lines are seen.
                match &mut self.html_block {
                    Some(lines) => lines.push((html.to_string(), range.start)),
                    None => {
                        let html = self.raw_html(&[(html.to_string(), range.start)]);
                        self.emit(Event::Html(CowStr::from(html)));
                    }
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
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::Table(_)
                | Tag::List(_)
                | Tag::FootnoteDefinition(_),
            ) => {
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

    /// Prose text: counted, searched, and linked to the glossary where it names a term.
    fn text(&mut self, text: CowStr<'a>, next_char: Option<char>) {
        let before = self.block.chars().next_back();
        self.push_text(&text);
        if self.heading.is_none()
            && self.link.is_none()
            && self.raw_inline_depth == 0
            && self.raw_block_depth == 0
            && !self.glossary_is_empty()
        {
            self.text_with_glossary(text, before, next_char);
        } else {
            self.emit(Event::Text(text));
        }
    }

    fn glossary_is_empty(&self) -> bool {
        self.ctx.glossary.is_empty()
    }

    fn end_image(&mut self) {
        let Some(image) = self.image.take() else {
            return;
        };
        if image.wiki {
            self.embed(image);
            return;
        }
        let alt = image.alt.trim();
        if alt.is_empty() {
            self.out.images_without_alt.push((image.line, image.column));
        }
        let title = if image.title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", escape(&image.title))
        };
        let src = if is_external(&image.src) {
            // Checked too (a remote image the CSP blocks), but written as it is.
            self.out.refs.push(OutRef {
                url: image.src.clone(),
                kind: RefKind::Media("image"),
                line: image.line,
                column: image.column,
                by_name: false,
            });
            href_attr(&image.src)
        } else {
            let src = image.src.clone();
            self.reference(src, RefKind::Media("image"), image.line, image.column)
        };
        self.emit_html(format!(
            "<img src=\"{src}\" alt=\"{}\"{title} loading=\"lazy\">",
            escape(&image.alt)
        ));
    }

    /// Records reference `url` and returns its placeholder.
    fn reference(&mut self, url: String, kind: RefKind, line: usize, column: usize) -> String {
        let n = self.out.refs.len();
        self.out.refs.push(OutRef {
            url,
            kind,
            line,
            column,
            by_name: false,
        });
        format!("{}{n}{}", crate::marks::LINK_REF, crate::marks::MARK_END)
    }

    /// `![[image.png]]` (an image, or a link to another file, found by name) or
    /// `![[Note]]`, `![[Note#Heading]]` (that note's text, shown here).
    fn embed(&mut self, image: ImageState) {
        let dest = image.src.trim();
        let (name, anchor) = links::split_anchor(dest);
        // `\|` in a table cell escapes the bar before a label or size.
        let name = name.trim_end_matches('\\');
        let extension = links::file_extension(name);
        match extension.as_deref() {
            Some("md" | "markdown") | None => {
                let target = if name.is_empty() {
                    match anchor {
                        Some(anchor) => LinkTarget::SamePage { anchor },
                        None => return,
                    }
                } else {
                    LinkTarget::Slug {
                        slug: name.to_string(),
                        anchor,
                    }
                };
                let index = self.out.links.len();
                self.out.links.push(OutLink {
                    target,
                    line: image.line,
                    column: image.column,
                    id: format!("ref-{}", index + 1),
                    context: (String::new(), None, String::new()),
                    embed: true,
                });
                self.emit_html(format!(
                    "{}{index}{}",
                    crate::marks::EMBED,
                    crate::marks::MARK_END
                ));
            }
            Some(ext) => {
                let n = self.out.refs.len();
                let image_file = matches!(
                    ext,
                    "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp" | "avif" | "bmp" | "ico"
                );
                self.out.refs.push(OutRef {
                    url: name.to_string(),
                    kind: if image_file {
                        RefKind::Media("image")
                    } else {
                        RefKind::Link
                    },
                    line: image.line,
                    column: image.column,
                    by_name: true,
                });
                let src = format!("{}{n}{}", crate::marks::LINK_REF, crate::marks::MARK_END);
                // `![[photo.png|300]]` gives a width, `![[photo.png|A caption]]` the alt text.
                let label = image.alt.trim();
                let (alt, width) = match label.split_once('x').unwrap_or((label, "")) {
                    (w, h)
                        if !w.is_empty()
                            && w.chars().all(|c| c.is_ascii_digit())
                            && h.chars().all(|c| c.is_ascii_digit()) =>
                    {
                        (
                            name.rsplit('/').next().unwrap_or(name),
                            format!(" width=\"{w}\""),
                        )
                    }
                    _ if label.is_empty() || label == dest => {
                        (name.rsplit('/').next().unwrap_or(name), String::new())
                    }
                    _ => (label, String::new()),
                };
                if image_file {
                    self.emit_html(format!(
                        "<img src=\"{src}\" alt=\"{}\"{width} loading=\"lazy\">",
                        escape(alt)
                    ));
                } else {
                    self.emit_html(format!("<a href=\"{src}\">{}</a>", escape(alt)));
                }
            }
        }
    }

    /// Raw HTML (`pieces`: its text in order, each with its offset in the body) with
    /// every URL replaced by a reference placeholder and ids written as `id="…"`, so
    /// every edition rewrites and namespaces them alike.
    fn raw_html(&mut self, pieces: &[(String, usize)]) -> String {
        let mut html = String::new();
        let mut starts = Vec::with_capacity(pieces.len());
        for (text, offset) in pieces {
            starts.push((html.len(), *offset));
            html.push_str(text);
        }
        let found = html::scan(&html);
        if found.refs.is_empty() && found.ids.is_empty() {
            return html;
        }
        let position = |at: usize| {
            let piece = starts.partition_point(|&(s, _)| s <= at).saturating_sub(1);
            let (start, offset) = starts.get(piece).copied().unwrap_or((0, 0));
            self.lines.position(self.body_start + offset + (at - start))
        };
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        let mut refs = Vec::new();
        for r in found.refs {
            let (line, column) = position(r.value.start);
            refs.push((r.url, r.kind, line, column, r.replace, r.quote));
        }
        for (url, kind, line, column, replace, quote) in refs {
            let placeholder = self.reference(url, kind, line, column);
            let text = if quote {
                format!("\"{placeholder}\"")
            } else {
                placeholder
            };
            edits.push((replace, text));
        }
        for (id, range, is_name) in found.ids {
            let value = escape(&id);
            if is_name {
                // `<a name>` is obsolete HTML (the Nu checker's error "missing href"):
                // written as the `id` every browser follows, with the same space before.
                edits.push((range, format!("id=\"{value}\"")));
            } else {
                // With one space before: print.html namespaces ids by ` id="`.
                let start = match range.start.checked_sub(1) {
                    Some(before) if html.as_bytes()[before].is_ascii_whitespace() => before,
                    _ => range.start,
                };
                edits.push((start..range.end, format!(" id=\"{value}\"")));
            }
            self.out.html_ids.push(id);
        }
        edits.sort_by_key(|(range, _)| range.start);
        let mut out = String::with_capacity(html.len() + edits.len() * 8);
        let mut from = 0;
        for (range, text) in edits {
            if range.start < from {
                continue;
            }
            out.push_str(&html[from..range.start]);
            out.push_str(&text);
            from = range.end;
        }
        out.push_str(&html[from..]);
        out
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
        self.raw_inline_depth = 0;
        if self.block.trim().is_empty() {
            self.block.clear();
            self.block_links.clear();
            return;
        }
        let block = &self.block;
        if !self.in_table_head {
            // Readability counts what the author wrote, not the titles links will show.
            self.out.stats.add_block(&without_label_marks(block));
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

    fn end_heading(&mut self) {
        let Some(h) = self.heading.take() else { return };
        let text = h.text.trim().to_string();
        if h.as_title {
            match self.title {
                Title::FromLeadingHeading => {
                    self.out.title_from_heading = Some(text);
                    return;
                }
                Title::Known(title) if same_title(title, &text) => return,
                Title::Known(_) => {}
            }
        }
        let id = match &h.explicit_id {
            Some(id) => id.clone(),
            None => self.ids.generate(&text),
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

/// The first character of the prose that follows a text event, looking through the
/// tags that do not break a word (`x*bar*y` reads as one word); `None` when a break, a
/// block or the end comes first.
fn next_letter(rest: &[(Event<'_>, std::ops::Range<usize>)]) -> Option<char> {
    for (event, _) in rest {
        match event {
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
            | Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => {}
            Event::Text(t) | Event::Code(t) => return t.chars().next(),
            _ => return None,
        }
    }
    None
}

/// Elements that never hold content: opening one leaves nothing open.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// `depth` after the raw HTML `html`: each opening tag of an element `counts` adds one,
/// each closing tag takes one away; comments, declarations and void or self-closed
/// elements leave it.
fn raw_depth(mut depth: usize, html: &str, counts: impl Fn(&str) -> bool) -> usize {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(rest.len() - name_start);
        if name_len == 0 {
            continue;
        }
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        if VOID_ELEMENTS.contains(&name.as_str()) || !counts(&name) {
            continue;
        }
        let tag_end = rest.find('>').unwrap_or(rest.len());
        if closing {
            depth = depth.saturating_sub(1);
        } else if !rest[..tag_end].ends_with('/') {
            depth += 1;
        }
    }
    depth
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
    use crate::marks::{LINK_HREF, LINK_LABEL, MARK_END};

    fn parse_with(md: &str, glossary: &Glossary, refs: &BTreeMap<String, Reference>) -> Parsed {
        let ctx = ParseContext {
            smart_punctuation: true,
            references: refs,
            glossary,
            root: "../../",
            index: "",
            content: None,
        };
        parse(md, 0, Path::new("a.md"), true, &ctx)
    }

    fn parse_md(md: &str) -> Parsed {
        parse_with(md, &Glossary::default(), &BTreeMap::new())
    }

    #[test]
    fn headings_get_unique_ids_and_anchor_links() {
        // After text: a heading opening the text would be the title.
        let p = parse_md("Intro.\n\n## Hello world\n\n## Hello world\n\n## Custom {#mine}\n");
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
        assert!(p.html.contains(&format!("{LINK_LABEL}1{MARK_END}")));
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
        let html = format!("<a href=\"{LINK_HREF}0{MARK_END}\">{LINK_LABEL}0{MARK_END}</a>");
        let filled = fill_placeholders(
            &html,
            |_| "../a/#b c".into(),
            |_| "A & B".into(),
            |_| String::new(),
        );
        assert_eq!(filled, "<a href=\"../a/#b%20c\">A &amp; B</a>");
    }

    fn glossary_of(terms: &[&str]) -> Glossary {
        Glossary::new(
            terms
                .iter()
                .map(|t| GlossaryEntry {
                    term: t.to_string(),
                    aliases: vec![],
                    definition: "d".into(),
                    article: None,
                })
                .collect(),
        )
    }

    fn parse_glossary(md: &str, terms: &[&str]) -> Parsed {
        parse_with(md, &glossary_of(terms), &BTreeMap::new())
    }

    #[test]
    fn nested_quotes_keep_their_order() {
        let p = parse_md("> > > foo\nbar\n");
        assert_eq!(
            p.html,
            "<blockquote>\n<blockquote>\n<blockquote>\n<p>foo\nbar</p>\n</blockquote>\n</blockquote>\n</blockquote>\n"
        );
        let p = parse_md("> ## Heading\n>\n> > nested\n\nAfter.\n");
        let nested = p.html.find("nested").unwrap();
        let after = p.html.find("After.").unwrap();
        assert!(nested < after, "{}", p.html);
        assert_eq!(p.html.matches("<blockquote>").count(), 2);
        assert!(
            p.html
                .ends_with("</blockquote>\n</blockquote>\n<p>After.</p>\n"),
            "{}",
            p.html
        );
        // A quote opening with a code block or a list, right after another quote opens.
        let p = parse_md(">     code\n> > - item\n");
        assert_eq!(
            p.html,
            "<blockquote>\n<pre><code>code\n</code></pre>\n<blockquote>\n<ul>\n<li>item</li>\n</ul>\n</blockquote>\n</blockquote>\n"
        );
    }

    #[test]
    fn email_autolinks_are_mailto() {
        let p = parse_md("<help@example.org>\n");
        assert_eq!(
            p.html,
            "<p><a href=\"mailto:help@example.org\">help@example.org</a></p>\n"
        );
    }

    #[test]
    fn destinations_are_percent_encoded() {
        let p = parse_md("[a](foo\\bar) [b](<x y>) [c](https://e.org/?q=[1]&r=ä)\n");
        // Paths on the site are references the site resolves, encodes and checks.
        let urls: Vec<&str> = p.refs.iter().map(|r| r.url.as_str()).collect();
        assert_eq!(urls, ["foo\\bar", "x y"]);
        assert!(p.html.contains("href=\"\u{19}0\u{1a}\""), "{}", p.html);
        assert!(
            p.html
                .contains("href=\"https://e.org/?q=%5B1%5D&amp;r=%C3%A4\""),
            "{}",
            p.html
        );
        let p = parse_md("![a b](<my pic.png>)\n");
        assert_eq!(p.refs[0].url, "my pic.png");
    }

    #[test]
    fn image_titles_are_kept() {
        let p = parse_md("![a](b.png \"title\")\n");
        assert_eq!(
            p.html,
            "<p><img src=\"\u{19}0\u{1a}\" alt=\"a\" title=\"title\" loading=\"lazy\"></p>\n"
        );
        // Nested images give their alt text to the outer one.
        let p = parse_md("![foo ![bar](/u)](/v)\n");
        assert!(
            p.html.contains("alt=\"foo bar\"") && p.refs.iter().any(|r| r.url == "/v"),
            "{}",
            p.html
        );
    }

    #[test]
    fn a_leading_heading_at_any_level_is_the_title_and_a_known_title_is_not_repeated() {
        let p = parse_md("### Third level\n\nText.\n");
        assert_eq!(p.title_from_heading.as_deref(), Some("Third level"));
        assert!(
            p.headings.is_empty() && !p.html.contains("<h3"),
            "{}",
            p.html
        );
        let ctx = ParseContext {
            smart_punctuation: true,
            references: &BTreeMap::new(),
            glossary: &Glossary::default(),
            root: "",
            index: "",
            content: None,
        };
        let titled = |md: &str, title: &str| {
            parse_titled(md, 0, Path::new("a.md"), Title::Known(title), &ctx)
        };
        let p = titled("## Don't -- *repeat* me\n\nText.\n", "Don’t repeat me");
        assert!(p.headings.is_empty(), "{}", p.html);
        assert_eq!(p.title_from_heading, None);
        // Another heading, or the same one later, stays.
        let p = titled("# Something else\n", "Don't repeat me");
        assert_eq!(p.headings.len(), 1);
        let p = titled("Text.\n\n# Don't repeat me\n", "Don't repeat me");
        assert_eq!(p.headings.len(), 1);
    }

    #[test]
    fn only_a_leading_top_level_heading_is_the_title() {
        let p = parse_md("> # Foo\n");
        assert_eq!(p.title_from_heading, None);
        assert!(p.html.contains("<h1 id=\"foo\">Foo"), "{}", p.html);
        let p = parse_md("- # Foo\n");
        assert_eq!(p.title_from_heading, None);
        assert!(p.html.contains("<h1 id=\"foo\">Foo"), "{}", p.html);
    }

    #[test]
    fn glossary_links_whole_words_only() {
        let p = parse_glossary("x*bar*y and bar.\n", &["bar"]);
        assert!(
            p.html
                .starts_with("<p>x<em>bar</em>y and <span class=\"term\">"),
            "{}",
            p.html
        );
        let p = parse_glossary("*bar*y\n", &["bar"]);
        assert!(!p.html.contains("class=\"term\""), "{}", p.html);
    }

    #[test]
    fn glossary_never_links_inside_raw_html_links_code_or_headings() {
        for md in [
            "<a href=\"/x\">foo</a>\n",
            "<span title=\"t\">foo</span>\n",
            "[foo](/x)\n",
            "`foo`\n",
            "## foo\n",
            "<a href=\"/x\">\n\nfoo\n\n</a>\n",
        ] {
            let p = parse_glossary(md, &["foo"]);
            assert!(!p.html.contains("class=\"term\""), "{md:?}: {}", p.html);
        }
        // After the raw element closes, prose links again.
        let p = parse_glossary("<b>x</b> foo\n", &["foo"]);
        assert!(p.html.contains("class=\"term\""), "{}", p.html);
    }

    #[test]
    fn other_links_keep_their_text_in_context_and_sections() {
        let p = parse_md("Ask [[nick]] and [[x|Y]] about [[z]] now.\n");
        let (before, label, after) = &p.links[1].context;
        assert_eq!(before, &format!("Ask {LINK_LABEL}0{MARK_END} and "));
        assert_eq!(label.as_deref(), Some("Y"));
        assert_eq!(after, &format!(" about {LINK_LABEL}2{MARK_END} now."));
        let filled = fill_labels(&p.sections[0].text, |n| format!("T{n}"));
        assert_eq!(filled, "Ask T0 and Y about T2 now.\n");
        // Readability counts the words as written, not the marks.
        assert_eq!(p.stats.words, 5);
    }

    #[test]
    fn heading_ids_are_unique_and_explicit_duplicates_are_errors() {
        let p = parse_md("Intro.\n\n## A\n\n## A\n\n## A 1\n");
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-1", "a-1-1"]);
        // An explicit id reserves itself, even against an earlier heading.
        let p = parse_md("Intro.\n\n## B\n\n## Other {#b}\n");
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["b-1", "b"]);
        // Generated sections' ids and footnotes are never taken.
        let p = parse_md("Intro.\n\n## Sources\n\n## Note\n\nText[^note].\n\n[^note]: A note.\n");
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["sources-1", "note-1"]);
        let p = parse_md("Intro.\n\n## One {#x}\n\n## Two {#x}\n");
        assert_eq!(p.diagnostics.len(), 1);
        let d = &p.diagnostics[0];
        assert_eq!((d.line, d.column), (5, 1));
        assert!(
            d.message.contains("'x' is already used on line 3"),
            "{}",
            d.message
        );
        let p = parse_md("## Mine {#sources}\n");
        assert_eq!(p.diagnostics.len(), 1);
        let p = parse_md("## Mine {#n}\n\nText[^n].\n\n[^n]: Note.\n");
        assert_eq!(p.diagnostics.len(), 1);
    }

    #[test]
    fn code_blocks_keep_their_language_class() {
        let p = parse_md("```rust,ignore\nfn main() {}\n```\n");
        assert!(
            p.html
                .contains("<pre class=\"hl\"><code class=\"language-rust,ignore\">"),
            "{}",
            p.html
        );
    }
}
