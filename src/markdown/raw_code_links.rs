//! A wikilink inside a raw HTML code element (`<code>ARRAY[['c','3']]</code>`, as a
//! GitBook export writes SQL in a table) is text: code shows what it holds as written,
//! and no tool that writes such pages reads `[[…]]` there as a link.

use super::expand::code_tags;
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

type Spanned<'a> = (Event<'a>, std::ops::Range<usize>);

/// The events with each wikilink inside raw `<code>`, `<pre>`, `<kbd>` or `<samp>`
/// written back as its text (`body` holds what each range names). The end of a table
/// cell, a paragraph, a list item or a heading closes such an element left open, as a
/// browser closes it at `</td>`, `</p>`, `</li>`.
pub(super) fn wikilinks_as_text<'a>(events: Vec<Spanned<'a>>, body: &'a str) -> Vec<Spanned<'a>> {
    if !crate::text::holds(body, "[[") {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut depth = 0usize;
    let mut skipping = 0usize;
    for (event, range) in events {
        if skipping > 0 {
            match event {
                Event::Start(Tag::Link { .. }) => skipping += 1,
                Event::End(TagEnd::Link) => skipping -= 1,
                _ => {}
            }
            continue;
        }
        match &event {
            Event::InlineHtml(html) => {
                for (_, closing) in code_tags(html) {
                    depth = if closing {
                        depth.saturating_sub(1)
                    } else {
                        depth + 1
                    };
                }
            }
            Event::End(end) if closes_raw_code(end) => depth = 0,
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { .. },
                ..
            }) if depth > 0 => {
                out.push((Event::Text(CowStr::Borrowed(&body[range.clone()])), range));
                skipping = 1;
                continue;
            }
            _ => {}
        }
        out.push((event, range));
    }
    out
}

/// Whether a block's end closes a raw HTML code element left open in it, as a browser
/// closes it at `</td>`, `</p>`, `</li>`, `</h2>`.
pub(super) fn closes_raw_code(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::TableCell | TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)
    )
}
