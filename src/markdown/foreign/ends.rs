//! Where a tag ends: the closing delimiters of a text found once, and an mdBook
//! preprocessor's directive written `{{%name …}}`, closed by `}}` on its line, and the
//! `{% endraw %}` closing a Liquid raw block; and whether a tag ends a line of text.

use super::{Kind, Tag};

/// Where each closing delimiter and each blank line is in a text, found once, so
/// finding a tag's end costs a binary search, whatever the text holds.
pub(super) struct Ends {
    /// `>}}`, `%}}`, `%}`, `}}`, `%>`, in that order.
    pub(super) closers: [Vec<usize>; 5],
    blank_lines: Vec<usize>,
}

impl Ends {
    pub(super) fn of(text: &str) -> Ends {
        let at = |pattern: &str| text.match_indices(pattern).map(|(i, _)| i).collect();
        // `}}}` holds `}}` twice: every start counts, overlapping ones too.
        let braces = text
            .as_bytes()
            .windows(2)
            .enumerate()
            .filter(|(_, w)| w == b"}}")
            .map(|(i, _)| i)
            .collect();
        Ends {
            closers: [at(">}}"), at("%}}"), at("%}"), braces, at("%>")],
            blank_lines: at("\n\n"),
        }
    }

    /// The first closer `which` at or after `from`, if near enough and after no blank
    /// line (but in a Hugo shortcode, whose arguments Hugo reads across blank lines).
    pub(super) fn find(&self, which: usize, from: usize) -> Option<usize> {
        let list = &self.closers[which];
        let end = *list.get(list.partition_point(|&i| i < from))?;
        let blank = self.blank_lines.partition_point(|&i| i < from);
        if which > 1 && self.blank_lines.get(blank).is_some_and(|&b| b < end)
            || end - from > super::MAX_TAG
        {
            return None;
        }
        Some(end)
    }
}

/// `{{%course outline Fundamentals}}` at `at` (`rest` the text from there): a
/// directive of an mdBook preprocessor (mdbook-course, in Comprehensive Rust), closed
/// by `}}` on its line, where a Hugo shortcode's `%}}` would close; shown as written
/// before, and never reported.
pub(super) fn preprocessor_directive(rest: &str, at: usize) -> Option<Tag> {
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let close = line.find("}}")?;
    let inner = line[3..close].trim();
    if line[..close].ends_with('%') || !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(Tag {
        range: at..at + close + 2,
        kind: Kind::Mdbook,
        inner: format!("#{inner}"),
    })
}

/// Whether a Liquid tag's inner text is `word` alone (`raw`, `endraw`), whitespace
/// control marks (`{%- raw -%}`) allowed.
pub(super) fn is_raw(inner: &str, word: &str) -> bool {
    inner.trim_matches(|c: char| c == '-' || c.is_whitespace()) == word
}

/// The `{% endraw %}` closing a raw block whose text starts at `from`.
pub(super) fn raw_end(text: &str, from: usize, ends: &Ends) -> Option<Tag> {
    let mut at = from;
    while let Some(i) = text[at..].find("{%") {
        let start = at + i;
        at = start + 2;
        let end = *ends.closers[2].get(ends.closers[2].partition_point(|&e| e < at))?;
        if is_raw(&text[at..end], "endraw") {
            return Some(Tag {
                range: start..end + 2,
                kind: Kind::Raw,
                inner: "endraw".to_string(),
            });
        }
    }
    None
}

/// Whether the tag at `range` ends a line of text: words before it on its line, after
/// any other tags there (`Done. {% endtab %} {% endtabs %}`), and nothing after it.
pub(super) fn ends_text(text: &str, range: &std::ops::Range<usize>) -> bool {
    let before = &text[..range.start];
    let mut line = before[before.rfind('\n').map_or(0, |i| i + 1)..].trim_end();
    while let Some(tag) = line.strip_suffix("%}").and_then(|l| l.rfind("{%")) {
        line = line[..tag].trim_end();
    }
    let after = &text[range.end..];
    let rest = &after[..after.find('\n').unwrap_or(after.len())];
    !line.trim_start().is_empty() && rest.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_ends_a_line_of_text_after_words_and_other_tags_alone() {
        let ends = |text: &str, tag: &str| {
            let at = text.rfind(tag).unwrap_or(0);
            ends_text(text, &(at..at + tag.len()))
        };
        assert!(ends("A\nDone. {% endtab %}\nB", "{% endtab %}"));
        assert!(ends("Done. {% endtab %} {% endtabs %}", "{% endtabs %}"));
        assert!(!ends("Done. {% endtab %} {% endtabs %}", "{% endtab %}"));
        assert!(!ends("A\n {% endtab %}\n", "{% endtab %}"));
        assert!(!ends("{% tabs %} {% endtabs %}", "{% endtabs %}"));
        assert!(!ends("Done. {% endtab %} more", "{% endtab %}"));
    }
}
