//! `[[P99]]` beside a definition `[P99]: https://…`: CommonMark (mdBook, Zola, Hugo,
//! GitHub) reads a bracket, the reference link `[P99]` and a bracket, as citation
//! styles write them (`[[BCMS20]]`), though the parser's wikilinks take the `[[…]]`
//! first. Outside an Obsidian vault or a Quartz garden, which read the wikilink, each
//! `[[label]]` whose label the page defines is that reference link in brackets.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::Range;

/// The page's link reference definitions, by their label as CommonMark matches it
/// (case and runs of spaces aside): destination and title.
pub(super) type Definitions = HashMap<String, (String, String)>;

/// A label as CommonMark matches labels: case-folded, spaces collapsed.
pub(super) fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The definitions of the parser's text, when it holds `[[` at all.
pub(super) fn definitions<'a, F: pulldown_cmark::BrokenLinkCallback<'a>>(
    parser: &pulldown_cmark::Parser<'a, F>,
    body: &str,
) -> Definitions {
    if !crate::text::holds(body, "[[") {
        return Definitions::new();
    }
    parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| {
            (
                label_key(label),
                (
                    def.dest.to_string(),
                    def.title.as_deref().unwrap_or("").to_string(),
                ),
            )
        })
        .collect()
}

type Spanned<'a> = (Event<'a>, Range<usize>);

/// The events with each `[[label]]` whose label `definitions` holds written as `[`, the
/// reference link, `]`.
pub(super) fn as_references<'a>(
    events: Vec<Spanned<'a>>,
    body: &'a str,
    definitions: &Definitions,
    options: pulldown_cmark::Options,
) -> Vec<Spanned<'a>> {
    if definitions.is_empty() {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        let wikilink = matches!(
            event,
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole: false },
                ..
            })
        );
        let written = body.get(range.clone()).unwrap_or("");
        let label = written
            .strip_prefix("[[")
            .and_then(|w| w.strip_suffix("]]"))
            .filter(|_| wikilink);
        let found = label.and_then(|l| Some((l, definitions.get(&label_key(l))?)));
        let end = found.and_then(|_| {
            let mut depth = 0usize;
            events[i..].iter().position(|(e, _)| {
                match e {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
        });
        let (Some((label, (dest, title))), Some(len)) = (found, end) else {
            out.push(events[i].clone());
            i += 1;
            continue;
        };
        let (start, stop) = (range.start, range.end);
        out.push((Event::Text(CowStr::Borrowed("[")), start..start + 1));
        out.push((
            Event::Start(Tag::Link {
                link_type: LinkType::Reference,
                dest_url: CowStr::from(dest.clone()),
                title: CowStr::from(title.clone()),
                id: CowStr::Borrowed(label),
            }),
            start + 1..stop - 1,
        ));
        // The label is the link's text, read as Markdown (`[[*foo* bar]]`).
        let inner = pulldown_cmark::Parser::new_ext(label, options).into_offset_iter();
        for (event, r) in inner {
            if !matches!(
                event,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            ) {
                out.push((event, start + 2 + r.start..start + 2 + r.end));
            }
        }
        out.push((Event::End(TagEnd::Link), start + 1..stop - 1));
        out.push((Event::Text(CowStr::Borrowed("]")), stop - 1..stop));
        i += len + 1;
    }
    out
}
