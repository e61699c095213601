//! Another tool's tag in a link's or an image's address (`[x]({{#DOCS_URL}}/a.html)`,
//! `[x]({{ site.baseurl }}/a)`, `<img src="{{ site.baseurl }}/a.png">`): the address is
//! unknown without the tool that fills it in, so `foreign.rs` reports the tag once and
//! writes [`ADDRESS_MARK`] in its place, and the builder publishes the link as its
//! text; raw HTML's element goes without the attribute (`raw.rs`).

use super::foreign::Tag;
use super::html::{start_tag, url_attribute};
use std::ops::Range;

/// Where a tag stands that [`in_address`] finds in an address.
#[derive(Debug, PartialEq)]
pub(super) enum Address {
    /// A Markdown link's, or a link reference definition's.
    Link,
    /// A Markdown image's.
    Image,
    /// A raw-HTML attribute a browser follows or loads (`<img src>`, `<a href>`):
    /// the element and the attribute, in lower case.
    Html(String, String),
}

/// What stands in a link's address for a tag of another tool's syntax there: the
/// builder publishes a link whose address holds it as its text, and an image as its
/// description (`links.rs`, `images.rs`). Printable, as a link's address holds no
/// control character, and with no space, so `[x]({{ site.baseurl }}/a)` is a link.
pub(super) const ADDRESS_MARK: &str = "attune-unfilled-address:";

/// Where the `[` opening the label of a link whose `](` is at `close` stands: on its
/// line or an earlier one of its paragraph (a label over a line break, as Docsy's
/// docs write `[Search Engine Optimization (SEO)\nmeta tags]({{< ref "…" >}})`),
/// looked for in at most [`MAX_START_TAG`] bytes.
fn label_before(text: &str, close: usize) -> Option<usize> {
    let floor = close.saturating_sub(MAX_START_TAG);
    let floor = (floor..=close).find(|&i| text.is_char_boundary(i))?;
    let window = &text[floor..close];
    let paragraph = window.rfind("\n\n").map_or(0, |n| n + 2);
    window[paragraph..]
        .rfind('[')
        .map(|i| floor + paragraph + i)
}

/// Whether the tag at `at` stands in a link's or an image's address: after `](` (or
/// `](<`) with nothing between but other tags and characters an address may hold, or
/// first after a link reference definition's `[label]:`; or in the value of a raw-HTML
/// attribute a browser follows or loads (see [`in_html_url`]).
pub(super) fn in_address(text: &str, tag: &Range<usize>, before: &[Tag]) -> Option<Address> {
    let at = tag.start;
    // The line up to the tag, or its last [`MAX_START_TAG`] bytes: thousands of tags on
    // one line are each looked at in a window of it, not the whole line.
    let floor = at.saturating_sub(MAX_START_TAG);
    let floor = (floor..=at).find(|&i| text.is_char_boundary(i))?;
    let (line_start, whole) = match text[floor..at].rfind('\n') {
        Some(n) => (floor + n + 1, true),
        None => (floor, floor == 0),
    };
    let line = &text[line_start..at];
    // What is between the address's start and the tag, earlier tags taken out.
    let address_from = |start: usize| {
        let mut between = String::new();
        let mut from = start;
        let first = before.partition_point(|t| t.range.start < start);
        for tag in &before[first..] {
            between.push_str(&text[from.min(tag.range.start)..tag.range.start]);
            from = tag.range.end;
        }
        between.push_str(&text[from.min(at)..at]);
        between
    };
    let plausible = |between: &str| {
        !between
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '<' | '>' | '"'))
    };
    if let Some(open) = line.rfind("](") {
        let start = line_start + open + 2;
        let start = if text[start..].starts_with('<') {
            start + 1
        } else {
            start
        };
        if start <= at && plausible(&address_from(start)) {
            // The label may begin on an earlier line of its paragraph.
            let label = label_before(text, line_start + open);
            if let Some(label_start) = label {
                return Some(if text[..label_start].ends_with('!') {
                    Address::Image
                } else {
                    Address::Link
                });
            }
        }
    }
    // `[label]: address`, up to three spaces in.
    let definition = line.trim_start_matches(' ');
    if whole && line.len() - definition.len() <= 3 && definition.starts_with('[') {
        if let Some(close) = definition.find("]:") {
            let start = line_start + (line.len() - definition.len()) + close + 2;
            let start = start + text[start..at].len() - text[start..at].trim_start().len();
            let start = if text[start..].starts_with('<') {
                start + 1
            } else {
                start
            };
            if start <= at && plausible(&address_from(start)) {
                return Some(Address::Link);
            }
        }
    }
    in_html_url(text, tag, before)
}

/// How far back from a tag the start of the HTML element holding it is looked for.
const MAX_START_TAG: usize = 2000;

/// Whether the tag `tag` stands in the value of a raw-HTML attribute a browser follows
/// or loads (`<img src="{{ site.baseurl }}/a.png">`, `<a href="{{< ref "x" >}}">`):
/// inside a start tag (`<` and a letter, with no `>` or blank line between it and the
/// tag but in other tags), in the value of a URL attribute of its element.
fn in_html_url(text: &str, tag: &Range<usize>, before: &[Tag]) -> Option<Address> {
    let floor = tag.start.saturating_sub(MAX_START_TAG);
    let floor = (floor..=tag.start).find(|&i| text.is_char_boundary(i))?;
    let ceiling = (tag.end + MAX_START_TAG).min(text.len());
    let ceiling = (ceiling..=text.len()).find(|&i| text.is_char_boundary(i))?;
    // The element's text with this tag and earlier ones blanked out, so their `>`,
    // `<` and quotes (`{{< ref "x" >}}`) are not read as HTML.
    let mut window = text.as_bytes()[floor..ceiling].to_vec();
    let first = before.partition_point(|t| t.range.end <= floor);
    for range in before[first..].iter().map(|t| &t.range).chain([tag]) {
        if range.end > floor {
            window[range.start.max(floor) - floor..range.end - floor].fill(b'x');
        }
    }
    let here = tag.start - floor;
    let lead = &window[..here];
    let open = lead.iter().rposition(|&b| b == b'<')?;
    if lead[open..].contains(&b'>') || lead[open..].windows(2).any(|w| w == b"\n\n") {
        return None;
    }
    let name_len = lead[open + 1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    if name_len == 0 || !lead[open + 1].is_ascii_alphabetic() {
        return None;
    }
    let element = String::from_utf8(window).ok()?;
    let name = element[open + 1..open + 1 + name_len].to_ascii_lowercase();
    let (attributes, _) = start_tag(&element, open + 1 + name_len);
    let attribute = attributes
        .iter()
        .find(|a| a.valued && a.value.start <= here && here < a.value.end)?;
    url_attribute(&name, &attribute.name)?;
    Some(Address::Html(name, attribute.name.clone()))
}
