//! kramdown's table of contents mark (Jekyll, and MkDocs' pages written alike): a
//! list followed by `{:toc}` on the next line (`* TOC` / `{:toc}`), which
//! `kramdown.rs` replaces by the page's contents.

use std::ops::Range;

/// Whether `line` is the `{:toc}` mark (`{: toc }` too).
pub(super) fn is_toc_mark(line: &str) -> bool {
    let inner = line
        .trim()
        .strip_prefix("{:")
        .and_then(|l| l.strip_suffix('}'));
    inner.is_some_and(|inner| inner.trim() == "toc")
}

/// Where the list line `n` (a `{:toc}` mark) follows starts: its first item, above
/// it up to a blank line or a line that is neither an item nor indented (Just the
/// Docs' `<details markdown="block">`, its `<summary>` and `{: .text-delta }` lines
/// above the list, or a rule `____`).
pub(super) fn list_above(text: &str, lines: &[Range<usize>], n: usize) -> Option<usize> {
    let mut first = None;
    for line in lines[..n].iter().rev() {
        let body = &text[line.clone()];
        if super::list_marker(body.trim_start()).is_some() {
            first = Some(line.start);
        } else if body.trim().is_empty() || !body.starts_with([' ', '\t']) {
            break;
        }
    }
    first
}
