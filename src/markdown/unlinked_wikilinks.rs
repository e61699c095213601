//! `[[…]]` that names no note: a target across a line break or holding brackets, as a
//! printed matrix writes it (`[[ 1  2  3]` then ` [ 4  5  6]]` on the next line).
//! Obsidian reads a wikilink on one line only, and no note name holds `[` or `]` (Quartz
//! reads them so too; a heading's part may): the brackets and what is inside stay text.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

type Spanned<'a> = (Event<'a>, std::ops::Range<usize>);

/// The events with each wikilink (not an embed) whose target no note could have
/// made text again: its `[[`, its inner events, its `]]`.
pub(super) fn as_text<'a>(mut events: Vec<Spanned<'a>>, body: &'a str) -> Vec<Spanned<'a>> {
    // A heading's part may hold brackets: Obsidian links `## Ranges [^1]` as
    // `[[Note#Ranges [ 1]]`.
    let names_nothing = |dest: &str| {
        dest.contains(['\n', '\r'])
            || dest
                .split('#')
                .next()
                .is_some_and(|name| name.contains(['[', ']']))
    };
    let any = events.iter().any(|(e, _)| {
        matches!(e, Event::Start(Tag::Link { link_type: LinkType::WikiLink { .. }, dest_url, .. }) if names_nothing(dest_url))
    });
    if !any {
        return events;
    }
    let mut out = Vec::with_capacity(events.len() + 4);
    // Ranges of the wikilinks being turned back into text, innermost last.
    let mut open: Vec<std::ops::Range<usize>> = Vec::new();
    // Depth of links inside each of them, to find its own end.
    let mut depth: Vec<usize> = Vec::new();
    for (event, range) in events.drain(..) {
        match &event {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { .. },
                dest_url,
                ..
            }) if names_nothing(dest_url)
                && body.get(range.start..range.start + 2) == Some("[[") =>
            {
                out.push((
                    Event::Text(CowStr::Borrowed(&body[range.start..range.start + 2])),
                    range.start..range.start + 2,
                ));
                open.push(range);
                depth.push(0);
                continue;
            }
            Event::Start(Tag::Link { .. }) => {
                if let Some(d) = depth.last_mut() {
                    *d += 1;
                }
            }
            Event::End(TagEnd::Link) => match depth.last_mut() {
                Some(0) => {
                    depth.pop();
                    let range = open.pop().unwrap_or(range);
                    let close = range.end.saturating_sub(2).max(range.start)..range.end;
                    out.push((Event::Text(CowStr::Borrowed(&body[close.clone()])), close));
                    continue;
                }
                Some(d) => *d -= 1,
                None => {}
            },
            _ => {}
        }
        out.push((event, range));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse_md;

    #[test]
    fn a_printed_matrix_is_text_not_a_link() {
        // WngWai/obsidian_quartz: numpy's output in prose was a note "not written yet".
        let p = parse_md(
            "Result:\n[[ 1  2  3]\n [ 4  5  6]] and [[1, 2], [3, 4]] then [[Real note]] and [[Note#Ranges [ 1]].\n",
        );
        assert!(p.html.contains("[[ 1  2  3]\n [ 4  5  6]]"), "{}", p.html);
        assert!(p.html.contains("[[1, 2], [3, 4]]"), "{}", p.html);
        // A heading's part may hold brackets (`## Ranges [^1]`).
        assert_eq!(p.links.len(), 2, "{:?}", p.links);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    }
}
