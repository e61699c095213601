//! kramdown's extensions on a Jekyll site: `{::comment}…{:/comment}` is the author's
//! note, never published (kramdown writes it as an HTML comment; attune leaves it out
//! of every page, feed and search index, as it does Obsidian's `%% … %%`);
//! `{::nomarkdown}…{:/nomarkdown}` is written as it stands, tags left out;
//! `{::options … /}` sets kramdown's parser options, which attune's reading already
//! follows, and shows nothing. Each ends at `{:/name}` or at `{:/}`, across lines, and
//! a tag closed by `/}` has no body. A tag on a line of its own takes the line with it.
//! As in kramdown, a tag never ended is text, and so is an extension of another name;
//! code spans and blocks keep theirs as written.

use super::expand::{inside, literal_ranges, SegMap, Splice};
use pulldown_cmark::Options;

/// The extensions kramdown defines.
const NAMES: &[&str] = &["comment", "nomarkdown", "options"];

/// How long a start tag may be, options and all: a `{::` with no `}` that near is text.
const MAX_TAG: usize = 1_000;

/// `text` with kramdown's extensions read, and its map; `None` when it has none.
pub(super) fn rewrite(text: &str, options: Options) -> Option<(String, SegMap)> {
    let literal = literal_ranges(text, options);
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut from = 0;
    // Names with no end tag after some start: none after a later one either, so the
    // text is searched once for each (a hostile file of 100,000 `{::comment}`).
    let mut unended: Vec<&str> = Vec::new();
    while let Some(found) = text[from..].find("{::") {
        let open = from + found;
        from = open + 3;
        if open < copied || inside(&literal, open) {
            continue;
        }
        let Some((name, tag_end, closed)) = start_tag(&text[open..]) else {
            continue;
        };
        if unended.contains(&name) {
            continue;
        }
        let after_tag = open + tag_end;
        // The body, and where the extension ends (after its end tag).
        let (body, end) = if closed {
            (after_tag..after_tag, after_tag)
        } else {
            match end_tag(&text[after_tag..], name) {
                Some((at, len)) => (after_tag..after_tag + at, after_tag + at + len),
                None => {
                    unended.push(name);
                    continue;
                }
            }
        };
        let (start, end, block) = whole_lines(text, open, end);
        splice.copy(copied..start);
        if name == "nomarkdown" {
            splice.copy(body);
            // A block's HTML ends at a blank line, before the text after it.
            if block {
                splice.insert("\n", end);
            }
        }
        copied = end;
        from = end;
    }
    if copied == 0 {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// The name of the extension whose start tag `at` opens (`{::comment}`,
/// `{::options toc_levels="2" /}`), the tag's length, and whether it closes itself.
fn start_tag(at: &str) -> Option<(&'static str, usize, bool)> {
    let rest = &at[3..];
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    let name = NAMES.iter().find(|n| **n == &rest[..name_len])?;
    let after = &rest[name_len..];
    if !after.starts_with([' ', '\t', '}', '/']) {
        return None;
    }
    let near = &after.as_bytes()[..after.len().min(MAX_TAG)];
    let close = near.iter().position(|&b| b == b'}')?;
    if after[..close].contains(['\n', '{']) {
        return None;
    }
    let closed = after[..close].trim_end().ends_with('/');
    Some((name, 3 + name_len + close + 1, closed))
}

/// Where the end tag of extension `name` starts in `rest`, and its length:
/// `{:/name}` or `{:/}`.
fn end_tag(rest: &str, name: &str) -> Option<(usize, usize)> {
    let named = format!("{{:/{name}}}");
    let mut from = 0;
    while let Some(found) = rest[from..].find("{:/") {
        let at = from + found;
        if rest[at..].starts_with("{:/}") {
            return Some((at, 4));
        }
        if rest[at..].starts_with(&named) {
            return Some((at, named.len()));
        }
        from = at + 3;
    }
    None
}

/// `start..end` widened to whole lines where it stands alone on them (blanks around
/// it, up to the line break), and whether it does: a block-level extension leaves no
/// blank paragraph.
fn whole_lines(text: &str, start: usize, end: usize) -> (usize, usize, bool) {
    let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
    let line_end = body_end_line(text, end);
    let alone_before = text[line_start..start].trim().is_empty();
    let alone_after = text[end..line_end].trim().is_empty();
    if alone_before && alone_after {
        let past_break = (line_end + 1).min(text.len());
        (line_start, past_break, true)
    } else {
        (start, end, false)
    }
}

/// Where the line holding `at` ends (its line break, or the text's end).
fn body_end_line(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |n| at + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(text: &str) -> String {
        rewrite(text, Options::empty()).map_or_else(|| text.to_string(), |(s, _)| s)
    }

    #[test]
    fn comments_are_left_out_inline_and_as_blocks() {
        assert_eq!(
            out("a\n\n{::comment}\nPrivate note.\n\nMore.\n{:/comment}\n\nb\n"),
            "a\n\n\nb\n"
        );
        assert_eq!(
            out("Do you see {::comment}this{:/comment}? {::comment}x{:/}Yes.\n"),
            "Do you see ? Yes.\n"
        );
        assert_eq!(out("{::comment /}\nText.\n"), "Text.\n");
    }

    #[test]
    fn nomarkdown_keeps_its_body_and_options_show_nothing() {
        assert_eq!(
            out("{::options parse_block_html=\"true\" /}\n\nText.\n"),
            "\nText.\n"
        );
        assert_eq!(
            out("A {::nomarkdown}<span>*raw*</span>{:/nomarkdown} b.\n"),
            "A <span>*raw*</span> b.\n"
        );
        assert_eq!(
            out("{::nomarkdown}\n<div>x</div>\n{:/nomarkdown}\nafter\n"),
            "\n<div>x</div>\n\nafter\n"
        );
    }

    #[test]
    fn unended_unknown_and_literal_tags_stay_text() {
        for text in [
            "{::comment}\nnever ended\n",
            "{::toc}\n",
            "`{::comment}x{:/comment}`\n",
            "```\n{::comment}\nx\n{:/comment}\n```\n",
            "{::commentary}x{:/}\n",
            "{::comment}{::comment}{::comment}\n",
        ] {
            assert_eq!(out(text), text);
        }
    }
}
