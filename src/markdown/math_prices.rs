//! Prices are not math: a `$` followed at once by a digit closes no formula, as pandoc
//! reads `$…$` (its `tex_math_dollars`: "the closing `$` must not be followed
//! immediately by a digit"). pulldown-cmark pairs any two `$` that touch text, so
//! `**$471.31** a year and **$353.15** to renew` or `$20/$30` would become a formula
//! (`471.31** a year and **`), shown as math or, unreadable, as its TeX source. Here
//! the opening `$` of such a pair is written `\$`, a dollar sign, and the text read
//! again, until no formula ends before a digit.
//!
//! Nor is a `$` inside raw HTML `<code>`, `<pre>`, `<kbd>` or `<samp>` math, whose text is
//! literal (rust-project-goals: `<code>&lt;-- GOALS '$Status' --&gt;</code> … the given
//! status `$Status``, which pulldown-cmark read as one formula across the `</code>`).

use super::expand::{SegMap, Splice};
use pulldown_cmark::{Event, Options, Parser};

/// How many times the text is read again at most (each reading escapes every wrong
/// pair it finds; real text needs one or two).
const MAX_PASSES: usize = 8;

/// The text with the opening `$` of every inline formula that ends right before a
/// digit escaped, with its map; `None` when there is none.
pub(super) fn escape(text: &str, options: Options) -> Option<(String, SegMap)> {
    let bytes = text.as_bytes();
    let before_digit =
        memchr::memchr_iter(b'$', bytes).any(|i| bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
    // A raw HTML code element's tag, found without a copy of the text.
    let raw_code = || {
        memchr::memchr_iter(b'<', bytes).any(|i| {
            ["code", "pre", "kbd", "samp"].iter().any(|tag| {
                (bytes.get(i + 1..i + 1 + tag.len()))
                    .is_some_and(|b| b.eq_ignore_ascii_case(tag.as_bytes()))
            })
        })
    };
    if !(before_digit || memchr::memchr(b'$', bytes).is_some() && raw_code()) {
        return None;
    }
    // Offsets, in `text`, of the `$` to escape.
    let mut escaped: Vec<usize> = Vec::new();
    let mut current = text.to_string();
    let mut current_map = SegMap::default();
    for _ in 0..MAX_PASSES {
        let openers: Vec<usize> = wrong_formulas(&current, options)
            .into_iter()
            .map(|start| current_map_back(&current_map, start, escaped.is_empty()))
            .collect();
        if openers.is_empty() {
            break;
        }
        escaped.extend(openers);
        escaped.sort_unstable();
        escaped.dedup();
        let (text_now, map_now) = write(text, &escaped);
        current = text_now;
        current_map = map_now;
    }
    if escaped.is_empty() {
        return None;
    }
    Some(write(text, &escaped))
}

/// Where each inline formula of `text` that is none starts: one ending right before a
/// digit, or one opening inside raw HTML `<code>`, `<pre>`, `<kbd>` or `<samp>` (the
/// elements [`super::expand::literal_ranges`] reads as literal, found as it finds them).
fn wrong_formulas(text: &str, options: Options) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut in_code = 0usize;
    let mut found = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match &event {
            Event::Html(html) | Event::InlineHtml(html) => {
                for (_, closing) in super::expand::code_tags(html) {
                    in_code = if closing {
                        in_code.saturating_sub(1)
                    } else {
                        in_code + 1
                    };
                }
            }
            // An element left open ends with its block, as a browser ends it.
            Event::End(end) if super::raw_code_links::closes_raw_code(end) => in_code = 0,
            Event::InlineMath(_) if bytes[range.start] == b'$' => {
                let before_digit = bytes.get(range.end).is_some_and(u8::is_ascii_digit);
                if before_digit || in_code > 0 {
                    found.push(range.start);
                }
                // The element's end tag read into the formula ends it.
                if super::expand::code_tags(&text[range])
                    .iter()
                    .any(|(_, closing)| *closing)
                {
                    in_code = in_code.saturating_sub(1);
                }
            }
            _ => {}
        }
    }
    found
}

/// An offset in the text being read back to `text`'s (the same before any escape).
fn current_map_back(map: &SegMap, offset: usize, first: bool) -> usize {
    if first {
        offset
    } else {
        map.back(offset)
    }
}

/// `text` with a `\` before each offset in `at` (sorted).
fn write(text: &str, at: &[usize]) -> (String, SegMap) {
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for &i in at {
        splice.copy(copied..i);
        splice.insert("\\", i);
        copied = i;
    }
    splice.copy(copied..text.len());
    (splice.out, splice.map)
}

#[cfg(test)]
mod tests {
    use super::escape;
    use pulldown_cmark::Options;

    fn run(text: &str) -> Option<String> {
        escape(text, Options::ENABLE_MATH).map(|(out, _)| out)
    }

    #[test]
    fn a_dollar_before_a_digit_closes_no_formula() {
        // alchitry.com's news page, word for word.
        assert_eq!(
            run("pricing of __$471.31__ for the first year and __$353.15__ to renew").as_deref(),
            Some("pricing of __\\$471.31__ for the first year and __$353.15__ to renew")
        );
        assert_eq!(
            run("from $20/$30 a month").as_deref(),
            Some("from \\$20/$30 a month")
        );
        // Three prices: the second pair is found once the first is escaped.
        assert_eq!(run("$1/$2/$3/$4").as_deref(), Some("\\$1/\\$2/\\$3/$4"));
        // Formulas stay formulas, a digit after the opening `$` too.
        assert_eq!(run("$2x+1$ and $x$ 5"), None);
        assert_eq!(run("costs $5 and $10"), None);
        assert_eq!(run("`$1/$2` in code"), None);
    }

    #[test]
    fn a_dollar_in_raw_html_code_opens_no_formula() {
        // rust-project-goals' mdbook_plugin.md, word for word.
        let text = "The placeholder <code>&lt;-- GOALS '$Status' --&gt;</code> will insert a goal table listing goals of the given status `$Status`, e.g.";
        assert_eq!(
            run(text).as_deref(),
            Some("The placeholder <code>&lt;-- GOALS '\\$Status' --&gt;</code> will insert a goal table listing goals of the given status `$Status`, e.g.")
        );
        assert_eq!(
            run("<KBD>$a</KBD> b$ and $x$").as_deref(),
            Some("<KBD>\\$a</KBD> b$ and $x$")
        );
        // Math beside the element, or in a later paragraph, stays math.
        assert_eq!(run("<code>a</code> $x$"), None);
        assert_eq!(run("<code>unclosed\n\n$x$"), None);
        assert_eq!(run("<codex>$x$</codex>"), None);
    }

    #[test]
    fn the_map_leads_back_to_the_text_as_written() {
        let text = "a $1/$2 b";
        let (out, map) = escape(text, Options::ENABLE_MATH).unwrap();
        assert_eq!(out, "a \\$1/$2 b");
        let b = out.find('b').unwrap();
        assert_eq!(map.back(b), text.find('b').unwrap());
    }
}
