//! Another tool's tag in a link's or an image's address (`[x]({{#DOCS_URL}}/a.html)`,
//! `[x]({{ site.baseurl }}/a)`): the address is unknown without the tool that fills it
//! in, so `foreign.rs` reports the tag once and writes [`ADDRESS_MARK`] in its place,
//! and the builder publishes the link as its text.

use super::foreign::Tag;

/// What stands in a link's address for a tag of another tool's syntax there: the
/// builder publishes a link whose address holds it as its text, and an image as its
/// description (`links.rs`, `images.rs`). Printable, as a link's address holds no
/// control character, and with no space, so `[x]({{ site.baseurl }}/a)` is a link.
pub(super) const ADDRESS_MARK: &str = "attune-unfilled-address:";

/// Whether the tag at `at` stands in a link's or an image's address: after `](` (or
/// `](<`) with nothing between but other tags and characters an address may hold, or
/// first after a link reference definition's `[label]:`. `Some(true)` for an image.
pub(super) fn in_address(text: &str, at: usize, before: &[Tag]) -> Option<bool> {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let line = &text[line_start..at];
    // What is between the address's start and the tag, earlier tags taken out.
    let address_from = |start: usize| {
        let mut between = String::new();
        let mut from = start;
        for tag in before.iter().filter(|t| t.range.start >= start) {
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
            let label_start = line[..open].rfind('[')?;
            return Some(line[..label_start].ends_with('!'));
        }
    }
    // `[label]: address`, up to three spaces in.
    let definition = line.trim_start_matches(' ');
    if line.len() - definition.len() <= 3 && definition.starts_with('[') {
        if let Some(close) = definition.find("]:") {
            let start = line_start + (line.len() - definition.len()) + close + 2;
            let start = start + text[start..at].len() - text[start..at].trim_start().len();
            let start = if text[start..].starts_with('<') {
                start + 1
            } else {
                start
            };
            if start <= at && plausible(&address_from(start)) {
                return Some(false);
            }
        }
    }
    None
}
