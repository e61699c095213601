//! Raw HTML inside Markdown as a browser reads it: where its comments are (never in
//! the text of a `<script>` or `<textarea>`, see `elements::text_spans`), and text a
//! shortcode puts in the page as it is, written as one HTML block.

use pulldown_cmark::{Event, Options, Parser, Tag};
use std::ops::Range;

/// The stretches of `text` that are HTML comments (`<!-- … -->`, raw HTML outside
/// code and outside a `<script>`'s or `<textarea>`'s text), in order: a page never
/// shows them, so what they hold is no one's concern.
pub fn html_comment_ranges(text: &str, options: Options) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        // An HTML block whole (its lines are events of their own), or a tag.
        if !matches!(event, Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_)) {
            continue;
        }
        let as_text = super::elements::text_spans(&text[range.clone()]);
        let mut from = range.start.max(ranges.last().map_or(0, |r| r.end));
        while from < range.end {
            let Some(open) = text[from..range.end].find("<!--") else {
                break;
            };
            let start = from + open;
            let inside = as_text
                .iter()
                .map(|(_, span)| span.start + range.start..span.end + range.start);
            if let Some(span) = inside.into_iter().find(|span| span.contains(&start)) {
                from = span.end;
                continue;
            }
            // An HTML block's comment runs across lines, each its own event.
            let end = text[start + 4..]
                .find("-->")
                .map_or(text.len(), |e| start + 4 + e + 3);
            ranges.push(start..end);
            from = end;
        }
    }
    ranges
}

/// The inner text between a pair's tags as raw HTML: its common indentation taken
/// off, and blank lines kept so Markdown reads it as one HTML block (a blank line
/// would end it, an indented line start a code block), as Hugo puts the text in the
/// page as it is: as empty comments, or where a comment would be text (see
/// [`blank_line`]) as what that text shows as nothing.
pub(super) fn as_html(inner: &str) -> String {
    let indent = (inner.lines().filter(|l| !l.trim().is_empty()))
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let lines: Vec<&str> = inner
        .split('\n')
        .map(|l| match l.trim().is_empty() {
            true => "",
            false => l.get(indent..).unwrap_or(l.trim_start()),
        })
        .collect();
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(0);
    let last = lines.iter().rposition(|l| !l.is_empty()).unwrap_or(0);
    let lines = &lines[first..=last];
    let text = lines.join("\n");
    let spans = super::elements::text_spans(&text);
    let mut body: Vec<String> = Vec::with_capacity(lines.len());
    // The end of the HTML block a `<pre>`, `<script>`, `<style>` or `<textarea>`
    // opens is the line holding an end tag, not a blank line (CommonMark's first kind).
    let mut first_kind = false;
    let mut block_starts = true;
    let mut at = 0;
    for line in lines {
        if line.is_empty() {
            let element = spans.iter().find(|(_, span)| span.contains(&at));
            match blank_line(element.map(|(name, _)| *name), first_kind) {
                Some(shown) => body.push(shown.to_string()),
                None => body.last_mut().map_or((), |l| l.push_str("&#10;")),
            }
        } else {
            let lower = line.to_ascii_lowercase();
            if block_starts {
                let opens = |tag: &&str| {
                    (lower.strip_prefix('<').and_then(|l| l.strip_prefix(*tag)))
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '>']))
                };
                first_kind = super::html_blocks::BLOCK_TEXT.iter().any(opens);
                block_starts = false;
            }
            if first_kind && (super::html_blocks::BLOCK_ENDS.iter()).any(|end| lower.contains(end))
            {
                first_kind = false;
                block_starts = true;
            }
            body.push(line.to_string());
        }
        at += line.len() + 1;
    }
    // On lines of its own, when it was: a block.
    let (before, after) = match (inner.starts_with('\n'), inner.ends_with('\n')) {
        (true, true) => ("\n", "\n"),
        _ => ("", ""),
    };
    format!("{before}{}{after}", body.join("\n"))
}

/// What a blank line of a pair's inner text is written as, inside `element` (a
/// `<script>`, `<textarea>`, … whose text it is) or not, in an HTML block that a blank
/// line ends or not (`first_kind`); `None` where the line before it ends in a newline
/// character reference instead.
fn blank_line(element: Option<&str>, first_kind: bool) -> Option<&'static str> {
    match element {
        _ if first_kind => Some(""),
        None => Some("<!-- -->"),
        // Text a browser decodes references in: the newline itself.
        Some("textarea" | "title") => None,
        Some("style") => Some("/**/"),
        // A script's text shows no comment: a no-break space, white space to
        // JavaScript and nothing blank to Markdown.
        Some(_) => Some("\u{a0}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_html_stays_one_block() {
        assert_eq!(
            as_html("\n    <div>\n\n        <p>x</p>\n    </div>\n"),
            "\n<div>\n<!-- -->\n    <p>x</p>\n</div>\n"
        );
        assert_eq!(as_html("<br>"), "<br>");
    }
}
