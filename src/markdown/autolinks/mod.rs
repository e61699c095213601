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

use crate::markdown::{is_inline, is_inline_end};
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use scan::{find, Kind, Open};
use std::ops::Range;

type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// One text event of a run: its place in the text the run is scanned as, and where it
/// was written.
struct Piece<'a> {
    start: usize,
    end: usize,
    shown: CowStr<'a>,
    range: Range<usize>,
}

/// A stretch of the scanned text that shows otherwise than it was written: smart
/// punctuation (`--` shown `–`) or a character reference (`&amp;` shown `&`).
/// Addresses are found in the text as written, as GitHub finds them: `a--b` in an
/// address stays `--`, and a trailing `&amp;` is a reference, not part of it.
struct Shown {
    start: usize,
    end: usize,
    shown: String,
    smart: bool,
}

/// `events` with the bare URLs and e-mail addresses of their prose made links.
pub(super) fn linkify<'a>(events: Events<'a>, body: &str) -> Events<'a> {
    let mut out: Events<'a> = Vec::with_capacity(events.len());
    let mut run: Vec<(Event<'a>, Range<usize>)> = Vec::new();
    let mut skip = Skip::default();
    // What is open in the current block.
    let mut open = Open::default();
    let mut after_atom = false;
    let flush = |run: Vec<(Event<'a>, Range<usize>)>,
                 out: &mut Events<'a>,
                 skip: &mut Skip,
                 open: &mut Open,
                 after_atom: bool| {
        skip.title |= callout_title(&run, out, body);
        if skip.any() {
            out.extend(run);
        } else {
            scan_run(run, body, after_atom, open, out);
        }
    };
    for (event, range) in events {
        if let Event::Text(_) = event {
            run.push((event, range));
            continue;
        }
        if !run.is_empty() {
            flush(
                std::mem::take(&mut run),
                &mut out,
                &mut skip,
                &mut open,
                after_atom,
            );
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
                open = Open::default();
                false
            }
            Event::End(end) if !is_inline_end(end) => {
                open = Open::default();
                false
            }
            _ => false,
        };
        out.push((event, range));
    }
    if !run.is_empty() {
        flush(run, &mut out, &mut skip, &mut open, after_atom);
    }
    out
}

/// Whether `run` opens a callout's title line (`> [!note] Title`): the title is text
/// (`callouts.rs` keeps a title's code, emphasis and raw HTML, not links), so nothing
/// on that line becomes a link, as before.
fn callout_title(run: &[(Event, Range<usize>)], out: &Events, body: &str) -> bool {
    let opens_quote = matches!(
        out.get(out.len().wrapping_sub(2)..),
        Some([
            (Event::Start(Tag::BlockQuote(_)), _),
            (Event::Start(Tag::Paragraph), _)
        ])
    );
    opens_quote
        && run
            .first()
            .and_then(|(_, range)| body.get(range.start..))
            .is_some_and(|written| written.starts_with("[!"))
}

/// Where text is never linked: code blocks, links and images, raw `<a>` elements,
/// front matter.
#[derive(Default)]
struct Skip {
    /// A callout's title line.
    title: bool,
    code: usize,
    links: usize,
    raw_links: usize,
    metadata: usize,
}

impl Skip {
    fn any(&self) -> bool {
        self.title || self.code + self.links + self.raw_links + self.metadata > 0
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
                self.raw_links = 0;
                self.title = false;
            }
            Event::SoftBreak | Event::HardBreak => self.title = false,
            _ => {}
        }
    }
}

/// Appends what `shown` was written as (`source`) to `text`, noting the stretches
/// that show otherwise in `shows` and the escaped characters (`\[`) in `escaped`;
/// `false`, with nothing appended, when the two cannot be matched up.
fn align(
    shown: &str,
    source: &str,
    text: &mut String,
    shows: &mut Vec<Shown>,
    escaped: &mut Vec<usize>,
) -> bool {
    let (len, noted, escapes) = (text.len(), shows.len(), escaped.len());
    // The parser gives each character reference a text event of its own.
    let one_char = shown.chars().nth(1).is_none();
    if one_char && source.len() > 2 && source.starts_with('&') && source.ends_with(';') {
        shows.push(Shown {
            start: len,
            end: len + source.len(),
            shown: shown.to_string(),
            smart: false,
        });
        text.push_str(source);
        return true;
    }
    let mut rest = source;
    for c in shown.chars() {
        if let Some(after) = rest.strip_prefix(c) {
            text.push(c);
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix('\\').and_then(|r| r.strip_prefix(c)) {
            escaped.push(text.len());
            text.push(c);
            rest = after;
            continue;
        }
        let smart = match c {
            '‘' | '’' => Some("'"),
            '“' | '”' => Some("\""),
            '–' => Some("--"),
            '—' => Some("---"),
            '…' => Some("..."),
            _ => None,
        };
        let written = match smart {
            Some(w) if rest.starts_with(w) => Some(w.len()),
            // A character reference: `&` to the next `;`.
            _ if rest.starts_with('&') => {
                rest.bytes().take(40).position(|b| b == b';').map(|p| p + 1)
            }
            _ => None,
        };
        let Some(n) = written else {
            text.truncate(len);
            shows.truncate(noted);
            escaped.truncate(escapes);
            return false;
        };
        shows.push(Shown {
            start: text.len(),
            end: text.len() + n,
            shown: c.to_string(),
            smart: smart.is_some(),
        });
        text.push_str(&rest[..n]);
        rest = &rest[n..];
    }
    if rest.is_empty() {
        return true;
    }
    text.truncate(len);
    shows.truncate(noted);
    escaped.truncate(escapes);
    false
}

/// One run of adjacent text events: scanned as one text, its links found, and written
/// to `out` (unchanged when it holds none).
fn scan_run<'a>(
    run: Vec<(Event<'a>, Range<usize>)>,
    body: &str,
    after_atom: bool,
    open: &mut Open,
    out: &mut Events<'a>,
) {
    let mut text = String::new();
    let mut shows: Vec<Shown> = Vec::new();
    let mut escaped_at: Vec<usize> = Vec::new();
    let mut pieces: Vec<Piece<'a>> = Vec::with_capacity(run.len());
    for (event, range) in run {
        let Event::Text(shown) = event else {
            continue;
        };
        let start = text.len();
        let source = body.get(range.clone()).unwrap_or_default();
        if source == &*shown {
            text.push_str(source);
        } else if !align(&shown, source, &mut text, &mut shows, &mut escaped_at) {
            text.push_str(&shown);
        }
        // A piece that opens with an escaped character (`\[`): the parser starts it
        // after the backslash.
        if range.start > 0 && body.as_bytes().get(range.start - 1) == Some(&b'\\') {
            escaped_at.push(start);
        }
        pieces.push(Piece {
            start,
            end: text.len(),
            shown,
            range,
        });
    }
    escaped_at.sort_unstable();
    let links = find(&text, !after_atom, open, &escaped_at);
    if links.is_empty() {
        out.extend(pieces.into_iter().map(|p| (Event::Text(p.shown), p.range)));
        return;
    }
    let mut at = 0;
    for link in links {
        if at < link.start {
            let shown = render(&text, &shows, at, link.start, false);
            out.push((
                Event::Text(CowStr::from(shown)),
                source_range(&pieces, at, link.start),
            ));
        }
        let range = source_range(&pieces, link.start, link.end);
        let label = render(&text, &shows, link.start, link.end, true);
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
    if at < text.len() {
        let shown = render(&text, &shows, at, text.len(), false);
        out.push((
            Event::Text(CowStr::from(shown)),
            source_range(&pieces, at, text.len()),
        ));
    }
}

/// What `from..to` of the scanned text shows: as written, but for the stretches that
/// show otherwise wholly inside it (in a link, only references: an address keeps its
/// `--` and `'` as written).
fn render(text: &str, shows: &[Shown], from: usize, to: usize, in_link: bool) -> String {
    let mut out = String::with_capacity(to - from);
    let mut at = from;
    let first = shows.partition_point(|s| s.end <= from);
    for s in shows[first..].iter().take_while(|s| s.start < to) {
        if s.start >= from && s.end <= to && !(in_link && s.smart) {
            out.push_str(&text[at..s.start]);
            out.push_str(&s.shown);
            at = s.end;
        }
    }
    out.push_str(&text[at..to]);
    out
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
