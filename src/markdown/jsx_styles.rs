//! A JSX style object in an HTML tag, as a Docusaurus page's Markdown (read as MDX)
//! writes one: `<img src="/img/a.png" style={{maxWidth: 300}} />`. The attribute is
//! left out without a report: it is no template to run, and the site's
//! Content-Security-Policy applies no inline style, so the page loses nothing it could
//! show. Read as a template tag, `{{maxWidth: 300}}` was reported and `style=` left
//! dangling in the tag (Adalo's docs).

use super::expand::{inside, literal_ranges, SegMap, Splice};
use pulldown_cmark::Options;

/// The longest style object, and the most of a tag before it, looked at: hostile
/// input stays linear.
const MAX_OBJECT: usize = 1024;

/// Whether `text` may hold one (a cheap test before parsing).
pub(super) fn may_hold(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"style={{").is_some()
}

/// `text` without its JSX style attributes, and its map; `None` when it has none.
pub(super) fn strip(text: &str, options: Options) -> Option<(String, SegMap)> {
    let literal = literal_ranges(text, options);
    let mut cuts = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), b"style={{") {
        let before = &text[..at];
        let Some(space) = before.chars().next_back().filter(|c| c.is_whitespace()) else {
            continue;
        };
        // Inside an HTML tag: a `<` and a letter opened it, maybe lines before, and no
        // `>` since.
        let floor = (at.saturating_sub(MAX_OBJECT)..=at).find(|&i| text.is_char_boundary(i));
        let window = &before[floor.unwrap_or(at)..];
        let in_tag = window.rfind('<').is_some_and(|open| {
            window[open + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
                && !window[open..].contains('>')
        });
        // The object's end: the first `}}` within reach (bytes: `}` is never inside a
        // character written in several).
        let reach = &text.as_bytes()[at + 7..text.len().min(at + 7 + MAX_OBJECT)];
        let end = memchr::memmem::find(reach, b"}}").map(|i| at + 7 + i + 2);
        // One inside the last one cut is gone with it.
        let after_last = cuts
            .last()
            .is_none_or(|cut: &std::ops::Range<usize>| at >= cut.end);
        match end {
            Some(end) if in_tag && after_last && !inside(&literal, at) => {
                cuts.push(at - space.len_utf8()..end)
            }
            _ => {}
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for cut in cuts {
        splice.copy(copied..cut.start);
        copied = cut.end;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_style_object_in_a_tag_is_left_out_and_one_elsewhere_is_text() {
        let strip = |t: &str| strip(t, Options::empty()).map(|(s, _)| s);
        assert_eq!(
            strip("<img src=\"/a.png\" style={{maxWidth: 300 }}/>\n").as_deref(),
            Some("<img src=\"/a.png\"/>\n")
        );
        assert_eq!(
            strip("<div\n  style={{margin: '0 auto'}} class=\"x\">\n").as_deref(),
            Some("<div\n  class=\"x\">\n")
        );
        assert_eq!(strip("Write `<img style={{a: 1}} />`.\n"), None);
        assert_eq!(strip("The style={{x}} here is text.\n"), None);
        // Letters written in several bytes where the reach ends, and one attribute
        // inside another: no panic, one cut.
        let long = format!("<p style={{{{{}}}}}>\n", "é".repeat(400));
        assert_eq!(strip(&long).as_deref(), Some("<p>\n"));
        let wide = format!("<p style={{{{{}}}}}>\n", "é".repeat(600));
        assert_eq!(strip(&wide), None);
        assert_eq!(
            strip("<p style={{a style={{b}} c}}>\n").as_deref(),
            Some("<p c}}>\n")
        );
        assert!(may_hold("a style={{"));
    }
}
