//! Obsidian's inline syntax, read from the parsed events:
//! - `==highlight==` → `<mark>` (never in code, where it is literal);
//! - block ids: a ` ^id` ending a paragraph or list item is taken out of the text and
//!   becomes the block's `id="^id"`, so `#^id` links to it (the id is a link target
//!   like a heading's);
//! - inline `#tags` (`#` after a space or at a block's start, then letters, digits,
//!   `_`, `-`, `/` or emoji, not only digits) join the article's tags and link to the tag's page,
//!   as Obsidian Publish links them; in headings they stay text, and in code, links and
//!   URLs they are not tags at all.

mod footnotes;
mod highlights;

use super::{escape, Builder};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::ops::Range;

type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// `events` with inline footnotes, highlights and block ids applied.
pub(super) fn inline(events: Events<'_>) -> Events<'_> {
    let events = merge_text(events);
    let events = footnotes::inline_footnotes(events);
    let events = block_ids(events);
    highlights::highlights(events)
}

/// `[[^1]]` where the page defines the footnote `[^1]:`: CommonMark (Hugo, Zola,
/// mdBook) reads a footnote reference in brackets, where the parser's wikilinks take a
/// link to a note named `^1`. Each such wikilink becomes `[`, the reference, `]`.
pub(super) fn bracketed_footnotes<'a>(events: Events<'a>, body: &'a str) -> Events<'a> {
    if !crate::text::holds(body, "[[^") {
        return events;
    }
    let mut out: Events = Vec::with_capacity(events.len());
    let mut events = events.into_iter().peekable();
    while let Some((event, range)) = events.next() {
        let written = body.get(range.clone()).unwrap_or_default();
        let label = written
            .strip_prefix("[[^")
            .and_then(|w| w.strip_suffix("]]"))
            .filter(|l| !l.is_empty() && !l.contains(['[', ']', '|', '#']))
            .filter(|l| body.contains(&format!("[^{l}]:")));
        let (Event::Start(Tag::Link { .. }), Some(label)) = (&event, label) else {
            out.push((event, range));
            continue;
        };
        // The wikilink's text and end, replaced.
        for (inner, _) in events.by_ref() {
            if matches!(inner, Event::End(TagEnd::Link)) {
                break;
            }
        }
        let (start, end) = (range.start, range.end);
        out.push((Event::Text(CowStr::Borrowed("[")), start..start + 1));
        out.push((
            Event::FootnoteReference(CowStr::Borrowed(label)),
            start + 1..end - 1,
        ));
        out.push((Event::Text(CowStr::Borrowed("]")), end - 1..end));
    }
    out
}

/// Adjacent text events as one, so a `==` or ` ^id` split by the parser is seen whole.
/// Linear: a run of thousands of pieces is joined once.
fn merge_text(events: Events<'_>) -> Events<'_> {
    let mut out: Events = Vec::with_capacity(events.len());
    // The run being joined: its text and range, when it has more than one piece.
    let mut run: Option<(String, Range<usize>)> = None;
    for (event, range) in events {
        if let Event::Text(t) = &event {
            if let Some((joined, r)) = &mut run {
                joined.push_str(t);
                r.end = r.end.max(range.end);
                continue;
            }
            if let Some((Event::Text(last), last_range)) = out.last() {
                let mut joined = last.to_string();
                joined.push_str(t);
                run = Some((joined, last_range.start..last_range.end.max(range.end)));
                out.pop();
                continue;
            }
        } else if let Some((joined, r)) = run.take() {
            out.push((Event::Text(CowStr::from(joined)), r));
        }
        out.push((event, range));
    }
    if let Some((joined, r)) = run.take() {
        out.push((Event::Text(CowStr::from(joined)), r));
    }
    out
}

/// Where a block id ends `text`: the id's start (at its `^`) and where the text before
/// it ends, when it is a ` ^id` (or the whole text is `^id`).
fn trailing_block_id(text: &str) -> Option<(usize, usize)> {
    let caret = text.rfind('^')?;
    let id = &text[caret + 1..];
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    let before = &text[..caret];
    if !before.is_empty() && !before.ends_with([' ', '\t']) {
        return None;
    }
    Some((caret, before.trim_end().len()))
}

fn block_ids(mut events: Events<'_>) -> Events<'_> {
    // Open paragraphs and items: index of the start event, and whether an item holds
    // paragraphs (then the id goes on its paragraph).
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut edits: Vec<(usize, usize, &'static str)> = Vec::new();
    // Open blocks' start events, and at each depth the start of the last block closed
    // there: the block a paragraph holding only `^id` names, as in Obsidian.
    let mut blocks: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None];
    // (the `^id` paragraph's start and end, the block it names, the id)
    let mut standalone: Vec<(usize, usize, usize, String)> = Vec::new();
    let mut heading = None;
    for i in 0..events.len() {
        match &events[i].0 {
            Event::Start(tag) if is_block(tag) => {
                blocks.push(i);
                previous.truncate(blocks.len());
                previous.push(None);
            }
            Event::End(end) if is_block_end(end) => {
                if let Some(start) = blocks.pop() {
                    let depth = blocks.len();
                    // A paragraph, or a heading (`###### ^id`, as Readwise writes
                    // one after a highlight), holding only `^id`.
                    let only_id = matches!(end, TagEnd::Paragraph | TagEnd::Heading(_))
                        && i == start + 2
                        && matches!(&events[start + 1].0, Event::Text(t) if trailing_block_id(t) == Some((0, 0)));
                    // Any block, a heading too (Obsidian writes `^id` on a line of its
                    // own after the heading a block link names); with none before it
                    // in its container, the anchor stays where the id is.
                    let named = previous.get(depth).copied().flatten().or(Some(start));
                    match (only_id, named) {
                        (true, Some(named)) => {
                            if let Event::Text(t) = &events[start + 1].0 {
                                standalone.push((start, i, named, t.to_string()));
                            }
                        }
                        _ => {
                            previous.truncate(depth + 1);
                            previous[depth] = Some(start);
                        }
                    }
                }
            }
            _ => {}
        }
        match &events[i].0 {
            Event::Start(Tag::Paragraph) => {
                if let Some(last) = open.last_mut() {
                    last.1 = true;
                }
                open.push((i, false));
            }
            Event::Start(Tag::Item) => open.push((i, false)),
            Event::Start(tag) if is_block(tag) && !matches!(tag, Tag::Heading { .. }) => {
                // The text of a tight item ends where a block inside it starts: a
                // nested list, or code (`- Allocation: ^alloc` over an indented fence).
                if let Some(&(start, false)) = open.last() {
                    if matches!(events[start].0, Event::Start(Tag::Item)) && i > 0 {
                        edits.push((start, i - 1, "li"));
                    }
                    if let Some(last) = open.last_mut() {
                        last.1 = true;
                    }
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some((start, _)) = open.pop() {
                    edits.push((start, i - 1, "p"));
                }
            }
            Event::End(TagEnd::Item) => {
                if let Some((start, nested)) = open.pop() {
                    if !nested {
                        edits.push((start, i - 1, "li"));
                    }
                }
            }
            Event::Start(Tag::Heading { .. }) => heading = Some(i),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading.take() {
                    edits.push((start, i - 1, "h"));
                }
            }
            _ => {}
        }
    }
    // Each `^id` ending a heading, as an anchor just before it.
    let mut anchors: Vec<(usize, String)> = Vec::new();
    for (start, last, element) in edits {
        if last <= start {
            continue;
        }
        let Event::Text(text) = &events[last].0 else {
            continue;
        };
        let Some((caret, keep)) = trailing_block_id(text) else {
            continue;
        };
        let alone = caret == 0;
        if element == "h" {
            // `## Heading ^id`: the heading keeps its text, the id goes just before it
            // (a heading that is only `^id` is one of the `standalone` below).
            if !alone {
                anchors.push((start, text[caret..].to_string()));
                events[last].0 = Event::Text(CowStr::from(text[..keep].to_string()));
            }
            continue;
        }
        // `![[chart.png]]^chart`: an id written straight after an image or embed.
        let after_image = alone && matches!(events[last - 1].0, Event::End(TagEnd::Image));
        if alone && !after_image && !matches!(events[last - 1].0, Event::SoftBreak) {
            continue;
        }
        let id = text[caret..].to_string();
        let kept = text[..keep].to_string();
        events[last].0 = Event::Text(CowStr::from(kept));
        if alone && !after_image {
            // `text\n^id`: the line break goes with the id.
            events[last - 1].0 = Event::Text(CowStr::from(""));
        }
        events[start].0 = Event::Html(CowStr::from(format!("<{element} id=\"{}\">", escape(&id))));
    }
    if standalone.is_empty() && anchors.is_empty() {
        return events;
    }
    // Each `^id` paragraph becomes an anchor just before the block it names.
    for (start, end, named, id) in standalone {
        for i in [start, start + 1, end] {
            events[i].0 = Event::Text(CowStr::from(""));
        }
        anchors.push((named, id));
    }
    anchors.sort_by_key(|a| a.0);
    let mut out: Events = Vec::with_capacity(events.len() + anchors.len());
    let mut next = anchors.into_iter().peekable();
    for (i, (event, range)) in events.into_iter().enumerate() {
        while let Some((_, id)) = next.next_if(|a| a.0 == i) {
            let html = format!("<div id=\"{}\"></div>\n", escape(&id));
            out.push((Event::Html(CowStr::from(html)), range.clone()));
        }
        out.push((event, range));
    }
    out
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::DefinitionList
            | Tag::MetadataBlock(_)
    )
}

fn is_block_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
            | TagEnd::DefinitionList
            | TagEnd::MetadataBlock(_)
    )
}

/// The length of the inline tag at the start of `rest` (just after its `#`), if one is:
/// letters, digits, `_`, `-`, `/`, combining marks and emoji (`#🌱`, `#📚/reading`), as
/// Obsidian and Quartz read a tag, and not digits alone (`#123`, an issue's number).
fn tag_len(rest: &str) -> Option<usize> {
    use unicode_normalization::char::is_combining_mark;
    let len = rest
        .find(|c: char| {
            !(c.is_alphanumeric()
                || matches!(c, '_' | '-' | '/')
                || is_combining_mark(c)
                || crate::text::is_emoji(c))
        })
        .unwrap_or(rest.len());
    let tag = &rest[..len];
    (len > 0 && tag.chars().any(|c| !c.is_ascii_digit())).then_some(len)
}

/// `tags` (from front matter) with the inline tags not already among them.
pub fn join_tags(tags: &mut Vec<String>, inline: &[String]) {
    if inline.is_empty() {
        return;
    }
    let mut seen: std::collections::HashSet<String> =
        tags.iter().map(|t| crate::text::tag_slug(t)).collect();
    for tag in inline {
        if seen.insert(crate::text::tag_slug(tag)) {
            tags.push(tag.clone());
        }
    }
}

/// Whether `text` may hold an inline tag.
pub(super) fn may_hold_tag(text: &str) -> bool {
    text.contains('#')
}

impl<'a> Builder<'a, '_> {
    /// Prose text that may hold inline tags: each tag is recorded and, outside
    /// headings, written as a link to its page; the rest is prose as usual.
    pub(super) fn text_with_tags(&mut self, text: CowStr<'a>, next_char: Option<char>) {
        let linkable =
            self.link.is_none() && self.raw_inline_depth == 0 && self.raw_block_depth == 0;
        if self.link.is_some() {
            self.text(text, next_char);
            return;
        }
        let mut before = match &self.heading {
            Some(h) => h.text.chars().next_back(),
            None => self.block.chars().next_back(),
        };
        let mut from = 0;
        let mut scan = 0;
        while let Some(found) = text[scan..].find('#') {
            let hash = scan + found;
            scan = hash + 1;
            let prev = text[..hash].chars().next_back().or(before);
            if prev.is_some_and(|c| !c.is_whitespace()) {
                continue;
            }
            let Some(len) = tag_len(&text[hash + 1..]) else {
                continue;
            };
            let name = text[hash + 1..hash + 1 + len]
                .trim_end_matches('/')
                .to_string();
            let slug = crate::text::tag_slug(&name);
            if slug.is_empty() {
                continue;
            }
            if self.tag_slugs.insert(slug.clone()) {
                self.out.tags.push(name);
            }
            if self.heading.is_some() || !linkable {
                scan = hash + 1 + len;
                continue;
            }
            if hash > from {
                let piece = text[from..hash].to_string();
                self.text(CowStr::from(piece), Some('#'));
            }
            let written = &text[hash..hash + 1 + len];
            self.push_text(written);
            self.emit_html(format!(
                "<a class=\"tag\" href=\"{}tags/{slug}/{}\">{}</a>",
                self.ctx.root,
                self.ctx.index,
                escape(written)
            ));
            from = hash + 1 + len;
            scan = from;
            before = written.chars().next_back();
        }
        if from == 0 {
            self.text(text, next_char);
        } else if from < text.len() {
            self.text(CowStr::from(text[from..].to_string()), next_char);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_follow_obsidian_rules() {
        assert_eq!(tag_len("anxiety and"), Some(7));
        assert_eq!(tag_len("a/b-c_d."), Some(7));
        assert_eq!(tag_len("123 "), None);
        assert_eq!(tag_len("1a"), Some(2));
        assert_eq!(tag_len(" x"), None);
        // Emoji, alone or with words, as Obsidian and Quartz read them.
        assert_eq!(tag_len("🌱 idea"), Some("🌱".len()));
        assert_eq!(tag_len("📚/reading."), Some("📚/reading".len()));
        assert_eq!(tag_len("👩‍⚕️ x"), Some("👩‍⚕️".len()));
        assert_eq!(tag_len("✅"), Some("✅".len()));
        assert_eq!(tag_len("42"), None);
    }

    #[test]
    fn block_ids_are_found_at_the_end_only() {
        assert_eq!(trailing_block_id("text ^abc-1"), Some((5, 4)));
        assert_eq!(trailing_block_id("^abc"), Some((0, 0)));
        assert_eq!(trailing_block_id("x^abc"), None);
        assert_eq!(trailing_block_id("a ^b c"), None);
        assert_eq!(trailing_block_id("2^10"), None);
    }
}
