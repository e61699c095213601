//! GitHub's extended autolinks: a bare `www.…`, `http://…`, `https://…` or `ftp://…`
//! and a bare e-mail address in prose become links, as GitHub, Obsidian, Hugo
//! (goldmark's linkify) and Docusaurus show them.
//!
//! The rules are those of the GFM spec (0.28, "Autolinks (extension)") as cmark-gfm's
//! `extensions/autolink.c` applies them:
//! - `www.` must open the text, or follow white space or one of `*`, `_`, `~`, `(`; a
//!   scheme may follow anything but a letter (the letters before `:` are the scheme);
//! - a valid domain follows (letters, digits, `-`, `_`, `.`; no `_` in its last two
//!   parts; `www.` needs no other `.`), then anything up to white space or `<`;
//! - trailing `? ! . , : * _ ~ ' "` are not part of the link, nor a trailing `)` that
//!   has no `(` to match in the link, nor a trailing `&entity;`;
//! - an e-mail address is letters, digits and `. + - _`, `@`, then letters, digits and
//!   `. - _` holding a `.` followed by a letter or digit, ending in a letter (a final
//!   `.` is left out); not after a `/`;
//! - never inside code, links, images, wikilinks, raw HTML `<a>`, math, or (for `www.`
//!   and schemes) text after an unclosed `[`.
//!
//! Linear in the text: no character is scanned more than a fixed number of times
//! (cmark-gfm's own loops rescan on some inputs; these do not).

mod scan;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use scan::{find, Kind};
use std::ops::Range;

type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// One text event of a run: its place in the text the run is scanned as, the text it
/// shows, and where it was written.
struct Piece<'a> {
    start: usize,
    end: usize,
    /// What it shows; the scanned text holds what was written instead when that is
    /// smart punctuation (`--` shown as `–`).
    shown: CowStr<'a>,
    range: Range<usize>,
    /// An escaped character (`\[`) opens it.
    escaped: bool,
}

/// `events` with the bare URLs and e-mail addresses of their prose made links.
pub(super) fn linkify<'a>(events: Events<'a>, body: &str) -> Events<'a> {
    let mut out: Events<'a> = Vec::with_capacity(events.len());
    let mut run: Vec<(Event<'a>, Range<usize>)> = Vec::new();
    let mut skip = Skip::default();
    // Unclosed `[` in the current block.
    let mut brackets = 0usize;
    let mut after_atom = false;
    for (event, range) in events {
        if let Event::Text(_) = event {
            run.push((event, range));
            continue;
        }
        if !run.is_empty() {
            let pieces = std::mem::take(&mut run);
            if skip.any() {
                out.extend(pieces);
            } else {
                scan_run(pieces, body, after_atom, &mut brackets, &mut out);
            }
        }
        skip.update(&event);
        after_atom = match &event {
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::End(TagEnd::Link | TagEnd::Image) => true,
            Event::Start(tag) if !is_inline(tag) => {
                brackets = 0;
                false
            }
            Event::End(end) if !is_inline_end(end) => {
                brackets = 0;
                false
            }
            _ => false,
        };
        out.push((event, range));
    }
    if !run.is_empty() {
        if skip.any() {
            out.extend(run);
        } else {
            scan_run(run, body, after_atom, &mut brackets, &mut out);
        }
    }
    out
}

fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_inline_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Where text is never linked: code blocks, links and images, raw `<a>` elements,
/// front matter.
#[derive(Default)]
struct Skip {
    code: usize,
    links: usize,
    raw_links: usize,
    metadata: usize,
}

impl Skip {
    fn any(&self) -> bool {
        self.code + self.links + self.raw_links + self.metadata > 0
    }

    fn update(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.code += 1,
            Event::End(TagEnd::CodeBlock) => self.code = self.code.saturating_sub(1),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.links += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => self.links = self.links.saturating_sub(1),
            Event::Start(Tag::MetadataBlock(_)) => self.metadata += 1,
            Event::End(TagEnd::MetadataBlock(_)) => self.metadata = self.metadata.saturating_sub(1),
            Event::InlineHtml(html) => {
                let lower = html.trim_start().to_ascii_lowercase();
                if let Some(rest) = lower.strip_prefix("<a") {
                    if rest.starts_with(|c: char| c.is_ascii_whitespace() || c == '>')
                        && !rest.trim_end().ends_with("/>")
                    {
                        self.raw_links += 1;
                    }
                } else if lower.starts_with("</a") {
                    self.raw_links = self.raw_links.saturating_sub(1);
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => {
                self.raw_links = 0
            }
            _ => {}
        }
    }
}

/// What was written for a piece of smart punctuation or a character reference, if that
/// is what it is: addresses are found in the text as written, as GitHub finds them (a
/// trailing `&amp;` is a reference, not part of the address).
fn written<'b>(shown: &str, range: &Range<usize>, body: &'b str) -> Option<&'b str> {
    let source = body.get(range.clone())?;
    if source == shown {
        return None;
    }
    let smart = matches!(shown, "‘" | "’" | "“" | "”" | "–" | "—" | "…");
    let reference = source.starts_with('&') && source.ends_with(';');
    (smart || reference).then_some(source)
}

/// One run of adjacent text events: scanned as one text, its links found, and written
/// to `out` (unchanged when it holds none).
fn scan_run<'a>(
    run: Vec<(Event<'a>, Range<usize>)>,
    body: &str,
    after_atom: bool,
    brackets: &mut usize,
    out: &mut Events<'a>,
) {
    let mut text = String::new();
    let mut pieces: Vec<Piece<'a>> = Vec::with_capacity(run.len());
    for (event, range) in run {
        let Event::Text(shown) = event else {
            continue;
        };
        let start = text.len();
        text.push_str(written(&shown, &range, body).unwrap_or(&shown));
        let escaped = range.start > 0 && body.as_bytes().get(range.start - 1) == Some(&b'\\');
        pieces.push(Piece {
            start,
            end: text.len(),
            shown,
            range,
            escaped,
        });
    }
    let escaped_at: Vec<usize> = pieces
        .iter()
        .filter(|p| p.escaped)
        .map(|p| p.start)
        .collect();
    let links = find(&text, !after_atom, brackets, &escaped_at);
    if links.is_empty() {
        out.extend(pieces.into_iter().map(|p| (Event::Text(p.shown), p.range)));
        return;
    }
    let mut at = 0;
    for link in links {
        emit_text(&pieces, &text, at, link.start, out);
        let range = source_range(&pieces, link.start, link.end);
        let label = shown_text(&pieces, &text, link.start, link.end);
        let (link_type, dest) = match link.kind {
            Kind::Www => (LinkType::Autolink, format!("http://{label}")),
            Kind::Url => (LinkType::Autolink, label.clone()),
            Kind::Email => (LinkType::Email, label.clone()),
        };
        out.push((
            Event::Start(Tag::Link {
                link_type,
                dest_url: CowStr::from(dest),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            }),
            range.clone(),
        ));
        out.push((Event::Text(CowStr::from(label)), range.clone()));
        out.push((Event::End(TagEnd::Link), range));
        at = link.end;
    }
    emit_text(&pieces, &text, at, text.len(), out);
}

/// The text of `from..to` (outside links) as a text event.
fn emit_text<'a>(pieces: &[Piece<'a>], text: &str, from: usize, to: usize, out: &mut Events<'a>) {
    if from >= to {
        return;
    }
    let shown = shown_text(pieces, text, from, to);
    let range = source_range(pieces, from, to);
    out.push((Event::Text(CowStr::from(shown)), range));
}

/// What `from..to` of the scanned text shows: pieces wholly inside it as they show,
/// the ends of pieces cut at `from` or `to` as written.
fn shown_text(pieces: &[Piece], text: &str, from: usize, to: usize) -> String {
    let mut shown = String::new();
    let first = pieces.partition_point(|p| p.end <= from);
    for p in pieces[first..].iter().take_while(|p| p.start < to) {
        if p.start >= from && p.end <= to {
            shown.push_str(&p.shown);
        } else {
            shown.push_str(&text[p.start.max(from)..p.end.min(to)]);
        }
    }
    shown
}

/// Where `from..to` of the scanned text was written, as nearly as the pieces tell.
fn source_range(pieces: &[Piece], from: usize, to: usize) -> Range<usize> {
    let at = |offset: usize, end: bool| -> usize {
        let index = if end {
            pieces.partition_point(|p| p.end < offset)
        } else {
            pieces.partition_point(|p| p.end <= offset)
        };
        match pieces.get(index) {
            Some(p) if p.range.len() == p.end - p.start => p.range.start + (offset - p.start),
            Some(p) if end => p.range.end,
            Some(p) => p.range.start,
            None => pieces.last().map_or(0, |p| p.range.end),
        }
    };
    let start = at(from, false);
    start..at(to, true).max(start)
}
