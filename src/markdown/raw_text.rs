//! Raw HTML elements whose content a browser reads as text up to their end tag
//! (`<script>`, `<style>`, `<textarea>`, `<title>` and the older ones GitHub's tag
//! filter names): one left open hides the rest of the page, the site's footer and
//! scripts too. A note on web pages says "dynamically generating <style> tags" or "put
//! the name in the <title>", and every page after that word was blank.
//!
//! Others hide what they hold from view, so one left open hides the rest of the page as
//! surely: a `<template>`, a folded `<details>`, a `<dialog>` not open, a `<select>`, and
//! the fallback content of `<video>`, `<audio>`, `<canvas>` and `<object>` ("HTML5 added
//! the <video> and <audio> tags").
//!
//! In a paragraph, heading, list item or cell, such a tag with no end tag before its
//! block ends is text, as GitHub shows the first kind (and as the author meant it); in
//! an HTML block, an element of the first kind its block leaves open is closed where the
//! block ends (one of the second, `<details>` above Markdown paragraphs and a
//! `</details>` block below them, is how such blocks are written). Each with a warning.

use super::Builder;
use crate::diagnostic::{Code, Diagnostic};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::ops::Range;

impl Builder<'_, '_> {
    /// Inline tags left open in their block, written as text ([`unclosed_as_text`]),
    /// each with a warning.
    pub(super) fn raw_text_as_text(&mut self, events: &mut [(Event<'_>, Range<usize>)]) {
        for (range, name) in unclosed_as_text(events) {
            let (line, column) = self.position(&range);
            self.out.diagnostics.push(
                Diagnostic::warning(
                    Code::UnclosedHtml,
                    format!("this `<{name}>` is not closed in its paragraph: shown as text, as a browser would hide the rest of the page in it"),
                )
                .at(self.file.to_path_buf(), line, column)
                .help(format!("to show the tag as text, put it in backticks (`<{name}>`); to write the element, close it with `</{name}>` in the same paragraph")),
            );
        }
    }

    /// An element its HTML block leaves open ([`left_open`]): closed where the block
    /// ends, so the page around the article shows, with a warning at the block.
    pub(super) fn close_raw_text(&mut self, html: &mut String, start: usize) {
        let Some((name, at)) = left_open(html) else {
            return;
        };
        if name == "plaintext" {
            html.replace_range(at..at + 1, "&lt;");
        } else {
            html.push_str(&format!("</{name}>\n"));
        }
        let (line, column) = self.position(&(start..start));
        self.out.diagnostics.push(
            Diagnostic::warning(
                Code::UnclosedHtml,
                format!("this HTML block leaves a `<{name}>` open: closed where the block ends, so the rest of the page shows"),
            )
            .at(self.file.to_path_buf(), line, column)
            .help(format!("write `</{name}>` where the element ends, inside the same block")),
        );
    }
}

/// The elements a browser reads as text to their end tag (`<plaintext>` never ends).
const RAW_TEXT: [&str; 10] = [
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// The elements that hide what they hold, which a browser then shows nothing of.
const HIDING: [&str; 8] = [
    "template", "details", "dialog", "select", "video", "audio", "canvas", "object",
];

/// Turns each inline start tag of a [`RAW_TEXT`] or [`HIDING`] element that its block
/// does not close into text; the place and name of each.
pub(super) fn unclosed_as_text(
    events: &mut [(Event<'_>, Range<usize>)],
) -> Vec<(Range<usize>, &'static str)> {
    let mut found = Vec::new();
    for i in 0..events.len() {
        let Event::InlineHtml(html) = &events[i].0 else {
            continue;
        };
        // One written self-closed (`<script src="a.js"/>`) is the element, closed
        // where it stands (`html.rs`).
        let name = start_tag(html, &RAW_TEXT).or_else(|| start_tag(html, &HIDING));
        let Some(name) = name.filter(|_| !html.trim_end().ends_with("/>")) else {
            continue;
        };
        let closed = name != "plaintext"
            && events[i + 1..]
                .iter()
                .map(|(e, _)| e)
                .take_while(|e| !ends_block(e))
                .any(|e| matches!(e, Event::InlineHtml(h) if is_end_tag(h, name)));
        if !closed {
            let text = CowStr::from(html.to_string());
            events[i].0 = Event::Text(text);
            found.push((events[i].1.clone(), name));
        }
    }
    found
}

/// The element an HTML block leaves open, if one: its name, and where in `html` its
/// start tag is. A `<plaintext>` is never closed.
pub(super) fn left_open(html: &str) -> Option<(&'static str, usize)> {
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        let rest = &lower[start..];
        if rest.starts_with("<!--") {
            // A comment holds no tags (one left open is `close_html_comment`'s).
            let end = rest.find("-->")?;
            at = start + end + 3;
            continue;
        }
        at = start + 1;
        let Some(name) = start_tag(rest, &RAW_TEXT) else {
            continue;
        };
        match lower[start..].find(&format!("</{name}")) {
            Some(end) if name != "plaintext" => at = start + end + 2,
            _ => return Some((name, start)),
        }
    }
    None
}

/// The element of `names` that `html` opens with a start tag (`<style>`, `<script
/// src="a.js">`, `<style/>`, which opens it too), if it does.
fn start_tag(html: &str, names: &[&'static str]) -> Option<&'static str> {
    let rest = html.strip_prefix('<')?;
    names.iter().copied().find(|name| {
        rest.get(..name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && rest[name.len()..].starts_with([' ', '\t', '\n', '\r', '>', '/'])
    })
}

fn is_end_tag(html: &str, name: &str) -> bool {
    html.strip_prefix("</")
        .and_then(|rest| rest.get(..name.len()))
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
}

/// Whether `event` ends the block an inline tag stands in.
fn ends_block(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::End(
            TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::TableCell
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
        ) | Event::Start(Tag::Paragraph)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn shown(markdown: &str) -> String {
        let mut events: Vec<_> = Parser::new_ext(markdown, Options::all())
            .into_offset_iter()
            .collect();
        unclosed_as_text(&mut events);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
        html
    }

    #[test]
    fn a_tag_its_paragraph_leaves_open_is_text() {
        assert_eq!(
            shown("Runtime injection: generating <style> tags.\n\nNext.\n"),
            "<p>Runtime injection: generating &lt;style&gt; tags.</p>\n<p>Next.</p>\n"
        );
        assert_eq!(
            shown("# The <TITLE> element\n\n- a <script src=\"x.js\"> tag\n"),
            "<h1>The &lt;TITLE&gt; element</h1>\n<ul>\n<li>a &lt;script src=\"x.js\"&gt; tag</li>\n</ul>\n"
        );
        assert_eq!(
            shown("Old: <plaintext>x</plaintext>\n"),
            "<p>Old: &lt;plaintext&gt;x</plaintext></p>\n"
        );
        assert_eq!(
            shown("A <script src=\"a.js\"/> b\n"),
            "<p>A <script src=\"a.js\"/> b</p>\n"
        );
        // Closed in the paragraph, it is the element; other tags are other tags.
        assert_eq!(
            shown("Say <textarea>hi</textarea> and <stylesheet> or <b>bold</b>.\n"),
            "<p>Say <textarea>hi</textarea> and <stylesheet> or <b>bold</b>.</p>\n"
        );
        assert_eq!(
            shown("HTML5 added the <video> and <Details> tags; <audio src=a.ogg></audio> plays.\n"),
            "<p>HTML5 added the &lt;video&gt; and &lt;Details&gt; tags; <audio src=a.ogg></audio> plays.</p>\n"
        );
        // Its end tag in the next paragraph does not close it in this one.
        assert_eq!(
            shown("A <style>\n\nb </style>\n"),
            "<p>A &lt;style&gt;</p>\n<p>b </style></p>\n"
        );
    }

    #[test]
    fn an_html_block_s_open_element_is_found() {
        assert_eq!(
            left_open("<style>\nh1 { color: red }\n<style/>\n"),
            Some(("style", 0))
        );
        assert_eq!(
            left_open("<div>\n<script>a()</script>\n<textarea>"),
            Some(("textarea", 27))
        );
        assert_eq!(left_open("<div><script>a()</SCRIPT></div>\n"), None);
        assert_eq!(left_open("<!-- <style> -->\n<p>x</p>\n"), None);
        assert_eq!(
            left_open("<p>a <plaintext> b</plaintext>\n"),
            Some(("plaintext", 5))
        );
        assert_eq!(left_open("<p>x</p>\n"), None);
        // A `<details>` block above Markdown and a `</details>` one below stay.
        assert_eq!(left_open("<details><summary>More</summary>\n"), None);
    }
}
