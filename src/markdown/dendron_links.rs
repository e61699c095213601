//! Dendron's wikilinks, which write the label first: `[[Label|note.path]]` is a link
//! to the note `note.path` shown as "Label" (Obsidian's order is the other way
//! round), and `![[Label|note.path]]` a note reference. In a Dendron workspace (a
//! `dendron.yml` beside the notes) each such link's target and label change places
//! before anything else reads it.

use pulldown_cmark::{CowStr, Event, LinkType, Tag};

type Spanned<'a> = (Event<'a>, std::ops::Range<usize>);

/// The events with each labelled wikilink or embed whose label is plain text read
/// label first: its target the label, its text the target as written; all as they
/// are unless `dendron` (a Dendron workspace).
pub(super) fn label_first<'a>(mut events: Vec<Spanned<'a>>, dendron: bool) -> Vec<Spanned<'a>> {
    if !dendron {
        return events;
    }
    for i in 0..events.len() {
        let (
            Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    ..
                },
            ),
            _,
        ) = &events[i]
        else {
            continue;
        };
        if *link_type != (LinkType::WikiLink { has_pothole: true }) {
            continue;
        }
        // One text between the start and its end: the label as written.
        let (Some((Event::Text(label), _)), Some((Event::End(_), _))) =
            (events.get(i + 1), events.get(i + 2))
        else {
            continue;
        };
        let target = CowStr::from(label.trim().to_string());
        let shown = CowStr::from(dest_url.trim().to_string());
        if target.is_empty() || shown.is_empty() {
            continue;
        }
        if let (Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }), _) =
            &mut events[i]
        {
            *dest_url = target;
        }
        events[i + 1].0 = Event::Text(shown);
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn read(text: &str) -> Vec<String> {
        let events = Parser::new_ext(text, Options::ENABLE_WIKILINKS)
            .into_offset_iter()
            .collect();
        label_first(events, true)
            .into_iter()
            .filter_map(|(e, _)| match e {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    Some(format!("to {dest_url}"))
                }
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_label_comes_first() {
        assert_eq!(
            read("See [[Home Page| tutorial]] and [[tutorial.2-notes]]."),
            [
                "See ",
                "to tutorial",
                "Home Page",
                " and ",
                "to tutorial.2-notes",
                "tutorial.2-notes",
                "."
            ]
        );
        assert_eq!(
            read("![[Intro|tutorial.intro]]"),
            ["to tutorial.intro", "Intro"]
        );
    }
}
