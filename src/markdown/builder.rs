//! The event loop: walks pulldown-cmark's events for one article, keeps the state of
//! what is open (a heading, a link, an image, a code block, a raw HTML block, callouts)
//! and hands each event to the part that owns it. The `impl Builder` blocks in the
//! sibling files hold those parts.

use super::raw::raw_depth;
use super::{ids, obsidian, LineIndex, ParseContext, Parsed, Section, Title};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::path::Path;

pub(super) struct HeadingState<'a> {
    pub(super) level: HeadingLevel,
    pub(super) explicit_id: Option<String>,
    pub(super) classes: Vec<String>,
    pub(super) events: Vec<Event<'a>>,
    pub(super) text: String,
    /// The text its id is made from: the same, but math as its TeX (mdBook's and
    /// Zola's ids).
    pub(super) id_text: String,
    /// Inside a badge's words (see [`super::mdx`]), which neither takes.
    pub(super) in_badge: bool,
    pub(super) as_title: bool,
    /// How many links came before it: those after are inside it.
    pub(super) first_link: usize,
    /// Where it starts in the body.
    pub(super) start: usize,
    /// The labelled wikilinks in it: where each label starts in `text`, and its target.
    pub(super) wiki_targets: Vec<(usize, String)>,
}

/// An image being read: where it is, its source and title, and its alt text so far.
pub(super) struct ImageState {
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) src: String,
    pub(super) title: String,
    pub(super) alt: String,
    /// Tags opened inside the alt text (emphasis, a nested image) not yet closed.
    pub(super) nesting: usize,
    /// `![[...]]`: an Obsidian embed.
    pub(super) wiki: bool,
}

pub(super) struct LinkState {
    /// Index into `out.links` of an internal link, if it is one.
    pub(super) internal: Option<usize>,
    /// Skip the label events: they are replaced by the target's title.
    pub(super) replace_label: bool,
    pub(super) citation: bool,
    /// An address another tool fills in (`foreign::ADDRESS_MARK`): the label is
    /// published as text, with no `<a>` around it.
    pub(super) as_text: bool,
}

pub(super) struct Builder<'a, 'c> {
    pub(super) ctx: &'c ParseContext<'c>,
    pub(super) file: &'c Path,
    pub(super) lines: &'c LineIndex<'c>,
    pub(super) body_start: usize,
    pub(super) out: Parsed,
    pub(super) html_events: Vec<Event<'a>>,
    pub(super) heading: Option<HeadingState<'a>>,
    pub(super) link: Option<LinkState>,
    pub(super) code: Option<(Option<String>, String)>,
    /// Where the code block being read starts (line, column).
    pub(super) code_at: (usize, usize),
    pub(super) image: Option<ImageState>,
    /// The lines of the raw HTML block being read, each with its offset in the body.
    pub(super) html_block: Option<Vec<(String, usize)>>,
    /// For each open block quote, the closing tag of its callout, if it is one.
    pub(super) callouts: Vec<Option<&'static str>>,
    /// Plain text of the current block, for readability and link context.
    pub(super) block: String,
    /// Links in the current block: (index into out.links, offset into `block` where the
    /// link starts, offset where it ends).
    pub(super) block_links: Vec<(usize, usize, usize)>,
    pub(super) section: Section,
    pub(super) ids: ids::HeadingIds,
    /// How many levels the body's headings climb: the level of a heading below `#`
    /// that opened the text and became the title, less one.
    pub(super) heading_shift: u8,
    /// An open definition list term: where its opening tag sits in `html_events`.
    pub(super) term: Option<usize>,
    /// Whether the page reads MathJax's delimiters, `\( \)` and `\[ \]` in raw HTML.
    pub(super) mathjax: bool,
    /// Raw inline HTML elements open in the current block: no glossary link inside.
    pub(super) raw_inline_depth: usize,
    /// Raw HTML blocks' links, code and headings still open: no glossary link inside.
    pub(super) raw_block_depth: usize,
    /// Raw `<svg>` and `<math>` elements open, inside which any element name is good.
    pub(super) raw_foreign: usize,
    pub(super) used_terms: HashSet<usize>,
    pub(super) abbreviations: super::abbreviations::Abbreviations,
    /// Slugs of the inline tags in `out.tags`.
    pub(super) tag_slugs: HashSet<String>,
    pub(super) cite_numbers: HashMap<String, usize>,
    pub(super) title: Title<'a>,
    pub(super) seen_block: bool,
    pub(super) in_table_head: bool,
    /// Whether the body holds `foreign::ADDRESS_MARK` anywhere: looked for once,
    /// not in each text event.
    pub(super) address_marks: bool,
    /// The definitions (`\def…`) the page's formulas made so far, for the later ones.
    pub(super) math_definitions: String,
    /// The page's equation numbers, labels and references to them.
    pub(super) equations: super::math::Equations,
    /// An open task label: where its text starts in `html_events`, and whether the
    /// task is done.
    pub(super) task_label: Option<(usize, bool)>,
    /// Obsidian task states other than `[ ]` and `[x]`, by the marker's offset.
    pub(super) task_states: Vec<(usize, char)>,
    /// The open table's column alignments, and the column of the next cell.
    pub(super) table: (Vec<pulldown_cmark::Alignment>, usize),
}

impl<'a> Builder<'a, '_> {
    pub(super) fn emit(&mut self, event: Event<'a>) {
        let prefixed = ids::NoteIds::of(self.ctx.expressions).is_some();
        match &mut self.heading {
            Some(h) => {
                // A footnote's mark is part of the heading's text in the id GitHub,
                // mdBook and Quartz make of it (`Ranges [^1]` → `ranges-1`), and in
                // the name an Obsidian link gives it (`[[Note#Ranges [ 1]]`); not in
                // the one Python-Markdown's toc makes (its `remove_fnrefs`).
                let mkdocs = self.ctx.expressions.mkdocs();
                if let (Event::FootnoteReference(label), false) = (&event, mkdocs) {
                    if !h.id_text.is_empty() && !h.id_text.ends_with(char::is_whitespace) {
                        h.id_text.push(' ');
                    }
                    let name = label.strip_prefix(ids::NOTE_PREFIX).filter(|_| prefixed);
                    h.id_text.push_str(name.unwrap_or(label));
                }
                h.events.push(event)
            }
            None => self.html_events.push(event),
        }
    }

    pub(super) fn emit_html(&mut self, html: String) {
        self.emit(Event::InlineHtml(CowStr::from(html)));
    }

    pub(super) fn position(&self, range: &std::ops::Range<usize>) -> (usize, usize) {
        self.lines.position(self.body_start + range.start)
    }

    pub(super) fn run(&mut self, events: Vec<(Event<'a>, std::ops::Range<usize>)>) {
        let mut events = obsidian::inline(events);
        if self.ctx.emoji {
            super::emoji::with_emoji(&mut events);
        }
        self.raw_text_as_text(&mut events);
        ids::keyed_heading_ids(&mut events);
        ids::footnote_labels(&mut events);
        if ids::NoteIds::of(self.ctx.expressions).is_some() {
            ids::prefixed_footnotes(&mut events);
        }
        self.ids = ids::HeadingIds::reserve(
            &events,
            self.file,
            self.lines,
            self.body_start,
            self.ctx.broken_links,
            ids::IdStyle::of(self.ctx.expressions),
            &mut self.out.diagnostics,
        );
        let glossary = !self.ctx.glossary.is_empty() || !self.abbreviations.is_empty();
        // By index, so looking ahead (for a callout, for the letter after a word) reads
        // the events as written and never reorders them.
        let mut i = 0;
        while i < events.len() {
            self.close_task_label(&events[i].0);
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
    pub(super) fn event(
        &mut self,
        event: Event<'a>,
        range: std::ops::Range<usize>,
        next_char: Option<char>,
    ) {
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
                    id_text: String::new(),
                    in_badge: false,
                    as_title,
                    first_link: self.out.links.len(),
                    start: range.start,
                    wiki_targets: Vec::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::DefinitionListTitle) => self.start_term(),
            Event::End(TagEnd::DefinitionListTitle) => self.end_term(),
            Event::Start(Tag::CodeBlock(kind)) => {
                self.seen_block = true;
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => Some(info.to_string()),
                    CodeBlockKind::Indented => None,
                };
                self.check_code_language(lang.as_deref(), &range);
                self.code_at = self.position(&range);
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
                let mut html = self.math_in_html(html, &lines);
                if let Some(start) = lines.first().map(|l| l.1) {
                    self.close_html_comment(&mut html, start);
                    self.close_pre(&mut html, start);
                    self.close_raw_text(&mut html, start);
                }
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
            // A tag read as standing in an address where the parser found no link
            // (`foreign::in_address`): reported already, and no part of the text.
            Event::Text(text)
                if self.address_marks && text.contains(super::foreign::ADDRESS_MARK) =>
            {
                let text = text.replace(super::foreign::ADDRESS_MARK, "");
                self.event(Event::Text(CowStr::from(text)), range, next_char);
            }
            Event::Text(text) if self.ctx.obsidian_text && obsidian::may_hold_tag(&text) => {
                self.text_with_tags(text, next_char)
            }
            Event::Text(text) => self.text(text, next_char),
            Event::InlineMath(tex) => {
                // In a heading, the TeX counts in its id, as in the ones mdBook and
                // Zola make (`## $\KaTeX$` → `katex`); its text (the anchor's label, the
                // table of contents) reads the formula.
                if self.heading.is_some() {
                    let text = super::math::readable(&tex, &self.math_definitions);
                    if let Some(h) = &mut self.heading {
                        h.text.push_str(&text);
                        h.id_text.push_str(&tex);
                    }
                }
                self.math(&tex, false, &range)
            }
            Event::DisplayMath(tex) => self.math(&tex, true, &range),
            Event::InlineHtml(html) => {
                self.badge_in_heading(&html);
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
                // Quartz's HardLineBreaks: each line break in a paragraph is kept.
                let hard = self.ctx.hard_breaks;
                self.emit(if hard { Event::HardBreak } else { event });
            }
            Event::TaskListMarker(done) => self.task_marker(done, &range),
            Event::Start(Tag::TableHead) => {
                self.in_table_head = true;
                self.table.1 = 0;
                self.emit(event);
            }
            Event::Start(Tag::Table(ref aligns)) => {
                self.seen_block = true;
                self.table = (aligns.clone(), 0);
                self.emit(event);
            }
            Event::Start(Tag::TableRow) => {
                self.table.1 = 0;
                self.emit(event);
            }
            Event::Start(Tag::TableCell) => {
                // A column's alignment as a class: the Content-Security-Policy refuses
                // the `style` attribute the parser would write.
                use pulldown_cmark::Alignment;
                let class = match self.table.0.get(self.table.1) {
                    Some(Alignment::Left) => "left",
                    Some(Alignment::Center) => "center",
                    Some(Alignment::Right) => "right",
                    _ => "",
                };
                if class.is_empty() {
                    self.emit(event);
                } else {
                    let cell = if self.in_table_head { "th" } else { "td" };
                    self.emit(Event::Html(CowStr::from(format!(
                        "<{cell} class=\"align-{class}\">"
                    ))));
                }
            }
            Event::End(TagEnd::TableHead) => {
                self.in_table_head = false;
                self.emit(event);
            }
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::List(_) | Tag::FootnoteDefinition(_),
            ) => {
                self.seen_block = true;
                self.emit(event);
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::FootnoteDefinition,
            ) => {
                if let Event::End(TagEnd::TableCell) = event {
                    self.table.1 += 1;
                }
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

    pub(super) fn finish(mut self) -> Parsed {
        self.close_task_label(&Event::Rule);
        self.flush_block();
        let section = std::mem::take(&mut self.section);
        if !section.text.trim().is_empty() || section.anchor.is_some() {
            self.out.sections.push(section);
        }
        let mut html = String::with_capacity(self.html_events.len() * 16);
        pulldown_cmark::html::push_html(&mut html, self.html_events.into_iter());
        // A paragraph whose only content was left out (an embed of an Obsidian Bases
        // view) is no paragraph: Markdown never writes one empty.
        if html.contains("<p></p>\n") {
            html = html.replace("<p></p>\n", "");
        }
        if let Some(tool) = ids::NoteIds::of(self.ctx.expressions) {
            html = ids::reference_ids(html, tool, &mut self.out.html_ids);
        }
        self.out.html = self
            .equations
            .resolve(html, self.file, &mut self.out.diagnostics);
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
