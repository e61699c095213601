//! Inline footnotes, `text^[the note]`, as Obsidian and Pandoc write them: the note is
//! a footnote like `[^1]`, numbered with the others and listed with them at the end.
//! Brackets inside pair up (`^[[cAMP] rises]`); a link or wikilink inside stays one.
//! Not in code; one left open is text.

use super::Events;
use crate::markdown::{is_inline, is_inline_end};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// `events` with each `^[…]` a footnote reference, its text a definition at the end.
pub(super) fn inline_footnotes(events: Events<'_>) -> Events<'_> {
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::Text(t) if t.contains("^[")))
    {
        return events;
    }
    let mut out: Events = Vec::with_capacity(events.len());
    let mut notes: Vec<(String, Events)> = Vec::new();
    let mut code = 0usize;
    let mut queue: std::collections::VecDeque<_> = events.into_iter().collect();
    while let Some((event, range)) = queue.pop_front() {
        match &event {
            Event::Start(Tag::CodeBlock(_)) => code += 1,
            Event::End(TagEnd::CodeBlock) => code = code.saturating_sub(1),
            _ => {}
        }
        let Event::Text(text) = &event else {
            out.push((event, range));
            continue;
        };
        let Some(open) = text.find("^[").filter(|_| code == 0) else {
            out.push((event, range));
            continue;
        };
        let Some((inner, rest, used)) = close(&text[open + 2..], &queue, &range) else {
            // Left open: the signs are text, and what follows is read on.
            out.push((
                Event::Text(CowStr::from(text[..open + 2].to_string())),
                range.clone(),
            ));
            if open + 2 < text.len() {
                queue.push_front((
                    Event::Text(CowStr::from(text[open + 2..].to_string())),
                    range,
                ));
            }
            continue;
        };
        queue.drain(..used);
        if open > 0 {
            out.push((
                Event::Text(CowStr::from(text[..open].to_string())),
                range.clone(),
            ));
        }
        let label = format!("inline-{}", notes.len() + 1);
        out.push((
            Event::FootnoteReference(CowStr::from(label.clone())),
            range.clone(),
        ));
        notes.push((label, inner));
        if let Some(rest) = rest {
            queue.push_front(rest);
        }
    }
    for (label, inner) in notes {
        let range = inner.first().map(|(_, r)| r.clone()).unwrap_or_default();
        out.push((
            Event::Start(Tag::FootnoteDefinition(CowStr::from(label))),
            range.clone(),
        ));
        out.push((Event::Start(Tag::Paragraph), range.clone()));
        out.extend(inner);
        out.push((Event::End(TagEnd::Paragraph), range.clone()));
        out.push((Event::End(TagEnd::FootnoteDefinition), range));
    }
    out
}

type Piece<'a> = (Event<'a>, std::ops::Range<usize>);

/// The note's events from `first` (the text after `^[`) on through the events that
/// follow in the block, up to the `]` that closes it: the note, the text after the `]`,
/// and how many of `next` it used. `None` when the block ends first.
fn close<'a>(
    first: &str,
    next: &std::collections::VecDeque<Piece<'a>>,
    range: &std::ops::Range<usize>,
) -> Option<(Events<'a>, Option<Piece<'a>>, usize)> {
    let mut depth = 1usize;
    let end_in = |text: &str, depth: &mut usize| {
        for (at, c) in text.char_indices() {
            match c {
                '[' => *depth += 1,
                ']' => {
                    *depth -= 1;
                    if *depth == 0 {
                        return Some(at);
                    }
                }
                _ => {}
            }
        }
        None
    };
    let text =
        |s: &str, r: &std::ops::Range<usize>| (Event::Text(CowStr::from(s.to_string())), r.clone());
    if let Some(at) = end_in(first, &mut depth) {
        let rest = (at + 1 < first.len()).then(|| text(&first[at + 1..], range));
        let inner = if at > 0 {
            vec![text(&first[..at], range)]
        } else {
            Vec::new()
        };
        return Some((inner, rest, 0));
    }
    let mut inner: Events = Vec::new();
    if !first.is_empty() {
        inner.push(text(first, range));
    }
    // Inline elements only, each whole: the note ends in the same block.
    let mut open = 0usize;
    for (used, (event, r)) in next.iter().enumerate() {
        match event {
            Event::Text(t) if open == 0 => {
                if let Some(at) = end_in(t, &mut depth) {
                    if at > 0 {
                        inner.push(text(&t[..at], r));
                    }
                    let rest = (at + 1 < t.len()).then(|| text(&t[at + 1..], r));
                    return Some((inner, rest, used + 1));
                }
            }
            Event::Start(tag) if is_inline(tag) => open += 1,
            Event::End(end) if is_inline_end(end) => open = open.checked_sub(1)?,
            Event::Start(_) | Event::End(_) => return None,
            _ => {}
        }
        inner.push((event.clone(), r.clone()));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests::parse_md;

    #[test]
    fn inline_footnotes_are_footnotes() {
        let p = parse_md(
            "Intro.\n\nOne.^[An inline note.] AV^[[cAMP] rises] and ^[see [x](https://x.org/) **b**] `^[code]` ^[open\n\nNext.[^a]\n\n[^a]: Written.\n",
        );
        let html = &p.html;
        assert_eq!(
            html.matches("class=\"footnote-reference\"").count(),
            4,
            "{html}"
        );
        assert!(!html.contains("^[An"), "{html}");
        assert!(html.contains("An inline note."), "{html}");
        assert!(html.contains("[cAMP] rises"), "{html}");
        assert!(
            html.contains("see <a href=\"https://x.org/\">x</a> <strong>b</strong>"),
            "{html}"
        );
        assert!(html.contains("<code>^[code]</code>"), "{html}");
        assert!(html.contains("^[open"), "{html}");
        let note = html.find("An inline note.").unwrap_or(0);
        assert!(
            note > html.find("Next.").unwrap_or(usize::MAX),
            "listed at the end: {html}"
        );
    }
}
