//! Task list items (`- [ ]`, `- [x]`): a disabled checkbox named by the item's text.
//! The checkbox and the text up to the item's first block end sit in one `<label>`, so
//! a screen reader reads "checkbox, checked, Call the GP" rather than "checkbox,
//! done"; the item is `<li class="task">`.
//!
//! In an Obsidian vault, any other character between the brackets (`- [/]`, `- [-]`,
//! `- [>]`, `- [?]`) is a task too, and checked, as Obsidian shows it (only a space is
//! "not done" there); the character is kept as the item's `data-task`, as Obsidian
//! keeps it, for a theme to style.

use super::Builder;
use pulldown_cmark::{CowStr, Event, Tag};
use std::ops::Range;

type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// Obsidian's other task states in `events` made task list markers (checked); with the
/// offset of each and its character.
pub(super) fn obsidian_states<'a>(
    events: Events<'a>,
    body: &str,
) -> (Events<'a>, Vec<(usize, char)>) {
    let mut states = Vec::new();
    if !crate::text::holds(body, "] ") && !crate::text::holds(body, "]\t") {
        return (events, states);
    }
    let mut out: Events<'a> = Vec::with_capacity(events.len());
    let mut events = events.into_iter().peekable();
    while let Some((event, range)) = events.next() {
        let item = matches!(event, Event::Start(Tag::Item));
        out.push((event, range));
        if !item {
            continue;
        }
        if matches!(events.peek(), Some((Event::Start(Tag::Paragraph), _))) {
            if let Some(paragraph) = events.next() {
                out.push(paragraph);
            }
        }
        let Some((Event::Text(_), first)) = events.peek() else {
            continue;
        };
        let start = first.start;
        let Some(state) = marker(body, start) else {
            continue;
        };
        // The text events the marker and its white space were written in.
        let marker_end = start + 2 + state.len_utf8() + 1;
        let mut rest = String::new();
        let mut rest_range = marker_end..marker_end;
        while let Some((Event::Text(t), r)) = events.peek() {
            if r.start >= marker_end {
                break;
            }
            if r.end > marker_end {
                // The piece holding the white space after `]` and the text after it.
                rest.push_str(t.get(marker_end - r.start..).unwrap_or_default());
                rest_range.end = r.end;
            }
            events.next();
        }
        states.push((start, state));
        out.push((Event::TaskListMarker(true), start..marker_end - 1));
        if !rest.is_empty() {
            out.push((Event::Text(CowStr::from(rest)), rest_range));
        }
    }
    (out, states)
}

/// The state character of an Obsidian task marker `[c]` written at `at`, followed by a
/// space or tab; not `[ ]`, `[x]`, `[X]` (which the parser reads itself).
fn marker(body: &str, at: usize) -> Option<char> {
    if at > 0 && body.as_bytes().get(at - 1) == Some(&b'\\') {
        return None;
    }
    let rest = body.get(at..)?.strip_prefix('[')?;
    let mut chars = rest.chars();
    let state = chars.next()?;
    let after = chars.as_str().strip_prefix(']')?;
    let ok = !state.is_whitespace()
        && !matches!(state, 'x' | 'X' | '[' | ']' | '\\')
        && after.starts_with([' ', '\t']);
    ok.then_some(state)
}

impl Builder<'_, '_> {
    /// A task list marker: the item becomes `<li class="task">` and a label opens
    /// around the checkbox and the item's text.
    pub(super) fn task_marker(&mut self, done: bool, range: &Range<usize>) {
        let state = self
            .task_states
            .binary_search_by_key(&range.start, |s| s.0)
            .ok()
            .map(|i| self.task_states[i].1);
        if let Some(at) = self
            .html_events
            .iter()
            .rposition(|e| matches!(e, Event::Start(Tag::Item)))
        {
            let data = state.map_or(String::new(), |c| {
                format!(" data-task=\"{}\"", super::escape(&c.to_string()))
            });
            self.html_events[at] = Event::Html(CowStr::from(format!("<li class=\"task\"{data}>")));
        }
        let checked = if done { " checked=\"\"" } else { "" };
        self.emit_html(format!(
            "<label class=\"task\"><input type=\"checkbox\" disabled=\"\"{checked}> "
        ));
        self.task_label = Some((self.emitted(), done));
    }

    /// How many events the text being written holds: a heading's own while one is
    /// open (a task item's text can be one, `- [x] Done` over `  ---`), else the page's.
    fn emitted(&self) -> usize {
        self.heading
            .as_ref()
            .map_or(self.html_events.len(), |h| h.events.len())
    }

    /// Closes the open task label before an event that is not part of the item's text.
    pub(super) fn close_task_label(&mut self, next: &Event) {
        let Some((opened, done)) = self.task_label else {
            return;
        };
        let inline = match next {
            Event::Start(tag) => super::is_inline(tag),
            Event::End(end) => super::is_inline_end(end),
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_) => true,
            _ => false,
        };
        if inline {
            return;
        }
        self.task_label = None;
        if self.emitted() == opened {
            // Nothing to name it: the checkbox says its state instead. (The label
            // opened where the text is written, a heading's events or the page's: a
            // heading opens or closes only after the label is closed.)
            match &mut self.heading {
                Some(h) => h.events.pop(),
                None => self.html_events.pop(),
            };
            let (label, checked) = if done {
                ("done", " checked=\"\"")
            } else {
                ("not done", "")
            };
            self.emit_html(format!(
                "<input type=\"checkbox\" disabled=\"\"{checked} aria-label=\"{label}\"> "
            ));
        } else {
            self.emit_html("</label>".to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse_md;
    use super::*;

    #[test]
    fn a_task_is_a_disabled_checkbox_labelled_by_its_text() {
        let p =
            parse_md("- [ ] Call the GP\n- [x] Book *a* [walk](https://e.org)\n  - [ ] nested\n");
        assert_eq!(
            p.html,
            "<ul>\n<li class=\"task\"><label class=\"task\"><input type=\"checkbox\" disabled=\"\"> Call the GP</label></li>\n\
             <li class=\"task\"><label class=\"task\"><input type=\"checkbox\" disabled=\"\" checked=\"\"> Book <em>a</em> <a href=\"https://e.org\">walk</a></label>\n\
             <ul>\n<li class=\"task\"><label class=\"task\"><input type=\"checkbox\" disabled=\"\"> nested</label></li>\n</ul>\n</li>\n</ul>\n"
        );
        // In a loose list the label closes with the paragraph.
        let p = parse_md("- [x] one\n\n  more\n\n- [ ] two\n");
        assert!(
            p.html.contains("<li class=\"task\">\n<p><label class=\"task\"><input type=\"checkbox\" disabled=\"\" checked=\"\"> one</label></p>\n<p>more</p>"),
            "{}",
            p.html
        );
    }

    #[test]
    fn a_task_whose_text_is_a_heading_keeps_its_item_and_closes_its_label() {
        // `- [x] Done` over `  ---` makes the item's text a heading: the label opened
        // inside the heading once took its count from the page's events, and closing
        // it removed the page's `<li>` and left the label open.
        for text in [
            "Intro.\n\n- [x] Done\n  ---\n",
            "Intro.\n\n[[\n- [x] aliases:\n  - ",
        ] {
            let p = parse_md(text);
            assert!(p.html.contains("<li class=\"task\">"), "{}", p.html);
            assert!(
                p.html.contains(
                    "<label class=\"task\"><input type=\"checkbox\" disabled=\"\" checked=\"\"> "
                ),
                "{}",
                p.html
            );
            assert_eq!(p.html.matches("<label").count(), 1, "{}", p.html);
            assert_eq!(p.html.matches("</label>").count(), 1, "{}", p.html);
            assert_eq!(
                p.html.matches("<li").count(),
                p.html.matches("</li>").count(),
                "{}",
                p.html
            );
        }
    }

    #[test]
    fn obsidian_states_are_read_in_vaults_only() {
        let body =
            "- [/] started\n- [-] dropped\n- [>] later\n- [ab] text\n- \\[?] text\n1. [?] asked\n";
        let events: Events =
            pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TASKLISTS)
                .into_offset_iter()
                .collect();
        let (events, states) = obsidian_states(events, body);
        assert_eq!(states.iter().map(|s| s.1).collect::<String>(), "/->?",);
        let texts: Vec<String> = events
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(texts.first().map(String::as_str), Some("started"));
        assert!(texts.contains(&"dropped".to_string()), "{texts:?}");
        // Two characters, or an escaped bracket, are text.
        let joined = texts.concat();
        assert!(joined.contains("[ab] text"), "{texts:?}");
        assert!(joined.contains("[?] text"), "{texts:?}");
        let markers = events
            .iter()
            .filter(|(e, _)| matches!(e, Event::TaskListMarker(true)))
            .count();
        assert_eq!(markers, 4);
        // Outside a vault the parser alone reads them: text, as GitHub shows it.
        let p = parse_md("- [/] started\n");
        assert!(p.html.contains("<li>[/] started</li>"), "{}", p.html);
    }
}
