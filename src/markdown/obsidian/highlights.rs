//! `==highlight==` → `<mark>`, paired as emphasis is: within one container, never in
//! code or an image's text; a highlight crossing the edge of a bold, italic or link
//! run (`**a ==b** c==`) is one `<mark>` on each side of the edge.

use super::Events;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Where a `<mark>` or `</mark>` goes: before an event, in place of the `==` at a byte
/// offset of a text event, or after an event.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Before,
    At(usize),
    After,
}

type Insert = (usize, Place, &'static str);

/// One `==` that may open or close a highlight, or the part of one crossing the edge
/// of a bold, italic or link run: where it goes, whether it can open and close, and
/// what else is written when it pairs (the other part's tags).
struct Delim {
    at: (usize, Place),
    open: bool,
    close: bool,
    pending: Vec<Insert>,
}

/// Pairs the delimiters of one container, each closer with the opener before it; the
/// opener left unpaired at its end and the closer met before any opener, if any.
fn close_level(level: Vec<Delim>, pairs: &mut Vec<Insert>) -> (Option<Delim>, Option<Delim>) {
    let mut opener: Option<Delim> = None;
    let mut first_closer = None;
    for d in level {
        match opener.take() {
            Some(o) if d.close => {
                for (Delim { at, pending, .. }, tag) in [(o, "<mark>"), (d, "</mark>")] {
                    pairs.extend(pending);
                    pairs.push((at.0, at.1, tag));
                }
            }
            _ if d.open => opener = Some(d),
            kept => {
                opener = kept;
                if d.close && first_closer.is_none() {
                    first_closer = Some(d);
                }
            }
        }
    }
    (opener, first_closer)
}

/// Inline runs a highlight may cross the edge of (`**a ==b** c==`): it is written as
/// one `<mark>` inside and one outside, as Obsidian's editor shows it, so the page
/// keeps its elements whole.
fn crossable(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link
    )
}

/// The character a `==` at a text's edge is beside when `event` is its neighbour (its
/// last character when it comes before): an inline element opening after it or closing
/// before it stands for a letter, anything else (a line break, an edge) for none.
fn edge_char(event: &Event, last: bool) -> Option<char> {
    match event {
        Event::Text(text) if last => text.chars().next_back(),
        Event::Text(text) => text.chars().next(),
        Event::Code(_) | Event::InlineHtml(_) | Event::InlineMath(_) => Some('x'),
        // An element opening after, or closing before: `==` is beside its text.
        Event::Start(tag)
            if !last && (crossable(&tag.to_end()) || tag.to_end() == TagEnd::Image) =>
        {
            Some('x')
        }
        Event::End(tag) if last && (crossable(tag) || *tag == TagEnd::Image) => Some('x'),
        _ => None,
    }
}

pub(super) fn highlights(events: Events<'_>) -> Events<'_> {
    // The delimiters of each open container (with its start event), innermost last.
    let mut levels: Vec<(usize, Vec<Delim>)> = vec![(0, Vec::new())];
    let mut pairs: Vec<Insert> = Vec::new();
    let mut image_depth = 0usize;
    for (i, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Start(_) => levels.push((i, Vec::new())),
            Event::End(end) => {
                let (start, level) = levels.pop().unwrap_or_default();
                let (opener, closer) = close_level(level, &mut pairs);
                if levels.is_empty() {
                    levels.push((0, Vec::new()));
                }
                if !crossable(end) {
                    continue;
                }
                let Some((_, outer)) = levels.last_mut() else {
                    continue;
                };
                // `==a **b== c**`: closed inside, opened before the run.
                if let Some(mut c) = closer {
                    c.pending.push((start, Place::After, "<mark>"));
                    c.pending.push((c.at.0, c.at.1, "</mark>"));
                    outer.push(Delim {
                        at: (start, Place::Before),
                        open: false,
                        close: true,
                        pending: c.pending,
                    });
                }
                // `**a ==b** c==`: opened inside, closed after the run.
                if let Some(mut o) = opener {
                    o.pending.push((o.at.0, o.at.1, "<mark>"));
                    o.pending.push((i, Place::Before, "</mark>"));
                    outer.push(Delim {
                        at: (i, Place::After),
                        open: true,
                        close: false,
                        pending: o.pending,
                    });
                }
            }
            Event::Text(text) if image_depth == 0 && text.contains("==") => {
                let bytes = text.as_bytes();
                let mut at = 0;
                while let Some(found) = text[at..].find("==") {
                    let pos = at + found;
                    at = pos + 2;
                    // At a text's edge, the character is the neighbouring event's:
                    // `==~~a~~==` opens before a strikethrough.
                    let before = text[..pos]
                        .chars()
                        .next_back()
                        .or_else(|| i.checked_sub(1).and_then(|p| edge_char(&events[p].0, true)));
                    let after = text[pos + 2..]
                        .chars()
                        .next()
                        .or_else(|| events.get(i + 1).and_then(|e| edge_char(&e.0, false)));
                    if before == Some('=') || after == Some('=') {
                        // A run of three or more is not a delimiter.
                        while bytes.get(at) == Some(&b'=') {
                            at += 1;
                        }
                        continue;
                    }
                    if let Some((_, level)) = levels.last_mut() {
                        level.push(Delim {
                            at: (i, Place::At(pos)),
                            open: after.is_some_and(|c| !c.is_whitespace()),
                            close: before.is_none_or(|c| !c.is_whitespace()),
                            pending: Vec::new(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    for (_, level) in levels {
        close_level(level, &mut pairs);
    }
    if pairs.is_empty() {
        return events;
    }
    pairs.sort_by_key(|p| (p.0, p.1));
    let mut out: Events = Vec::with_capacity(events.len() + pairs.len() * 2);
    let mut next = pairs.into_iter().peekable();
    for (i, (event, range)) in events.into_iter().enumerate() {
        let tag = |tag: &'static str| (Event::InlineHtml(CowStr::Borrowed(tag)), range.clone());
        while let Some((_, _, t)) = next.next_if(|p| p.0 == i && p.1 == Place::Before) {
            out.push(tag(t));
        }
        match event {
            Event::Text(text) if next.peek().is_some_and(|p| p.0 == i && p.1 != Place::After) => {
                let mut from = 0;
                while let Some((_, Place::At(pos), t)) =
                    next.next_if(|p| p.0 == i && matches!(p.1, Place::At(_)))
                {
                    if pos > from {
                        let piece = text[from..pos].to_string();
                        out.push((Event::Text(CowStr::from(piece)), range.clone()));
                    }
                    out.push(tag(t));
                    from = pos + 2;
                }
                if from < text.len() {
                    let rest = text[from..].to_string();
                    out.push((Event::Text(CowStr::from(rest)), range.clone()));
                }
            }
            event => out.push((event, range.clone())),
        }
        while let Some((_, _, t)) = next.next_if(|p| p.0 == i) {
            out.push(tag(t));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests::parse_md;

    #[test]
    fn highlights_crossing_a_run_s_edge_keep_the_page_s_elements_whole() {
        for (md, html) in [
            ("**a ==b** c==", "<strong>a <mark>b</mark></strong><mark> c</mark>"),
            ("==a **b== c**", "<mark>a </mark><strong><mark>b</mark> c</strong>"),
            ("==a [b==](https://x.org/) c", "<mark>a </mark><a href=\"https://x.org/\"><mark>b</mark></a> c"),
            ("*x ==y* z== and ==p *q==*", "<em>x <mark>y</mark></em><mark> z</mark> and <mark>p </mark><em><mark>q</mark></em>"),
            // Across two runs.
            ("==a **b** *c== d*", "<mark>a <strong>b</strong> </mark><em><mark>c</mark> d</em>"),
            // Beside an element: the Obsidian Hub's Blue Topaz note writes `==~~x~~==`.
            ("==~~a~~==, *==~~b~~==*", "<mark><del>a</del></mark>, <em><mark><del>b</del></mark></em>"),
            ("==**a**== and ==`c`==", "<mark><strong>a</strong></mark> and <mark><code>c</code></mark>"),
        ] {
            let p = parse_md(&format!("Intro.\n\n{md}\n"));
            assert!(p.html.contains(&format!("<p>{html}</p>")), "{md}: {}", p.html);
        }
        // Unpaired, the signs stay text; never in code.
        for (md, html) in [
            ("**a ==b** c", "<strong>a ==b</strong> c"),
            ("a ==b **c== d", "a <mark>b **c</mark> d"),
            ("`==a` b==", "<code>==a</code> b=="),
        ] {
            let p = parse_md(&format!("Intro.\n\n{md}\n"));
            assert!(
                p.html.contains(&format!("<p>{html}</p>")),
                "{md}: {}",
                p.html
            );
        }
    }
}
