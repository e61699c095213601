//! GitBook's hint tags (`{% hint style="warning" %}` … `{% endhint %}`) and Hexo's
//! notes (`{% note warning %}` … `{% endnote %}`) as `containers.rs` reads them: a tag
//! alone on its line, a hint's text on its opening tag's line, and the closing tag
//! ending a line of text.

use std::ops::Range;

pub(super) enum Hint {
    /// `{% hint style="warning" %}`, with its style (`info` without one).
    Open(String),
    /// `{% endhint %}`
    Close,
}

/// The GitBook hint tag a line is, alone on it (`{%- hint -%}` too).
pub(super) fn hint_tag(line: &str) -> Option<Hint> {
    let inner = line.trim_end().strip_prefix("{%")?.strip_suffix("%}")?;
    if inner.contains("%}") {
        return None;
    }
    let inner = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
    if inner == "endhint" || inner == "endnote" {
        return Some(Hint::Close);
    }
    if let Some(classes) = inner.strip_prefix("note") {
        // Hexo's NexT and Butterfly themes: `{% note warning no-icon %}`.
        if !classes.is_empty() && !classes.starts_with(char::is_whitespace) {
            return None;
        }
        let class = classes
            .split_whitespace()
            .find(|c| !c.contains(['=', '"']) && *c != "no-icon");
        let style = match class.map(str::to_ascii_lowercase).as_deref() {
            Some("warn" | "warning") => "warning",
            Some("danger" | "error") => "danger",
            Some("success") => "success",
            Some("info") => "info",
            _ => "note",
        };
        return Some(Hint::Open(style.to_string()));
    }
    let attributes = inner.strip_prefix("hint")?;
    if !attributes.is_empty() && !attributes.starts_with(char::is_whitespace) {
        return None;
    }
    let style = attributes
        .split_whitespace()
        .find_map(|a| a.strip_prefix("style="))
        .map(|v| v.trim_matches(['"', '\'']).to_ascii_lowercase())
        .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or_else(|| "info".to_string());
    Some(Hint::Open(style))
}

/// A hint whose text starts on its opening tag's line (`{% hint style="info" %} Text`,
/// and `{% endhint %}` at the end when it is all on one line): its style, where the
/// text is in `line`, and where the closing tag is when the line closes it.
pub(super) fn hint_with_text(line: &str) -> Option<(String, Range<usize>, Option<Range<usize>>)> {
    let line = line.trim_end();
    if !line.starts_with("{%") {
        return None;
    }
    let tag_end = line.find("%}")? + 2;
    let Some(Hint::Open(style)) = hint_tag(&line[..tag_end]) else {
        return None;
    };
    let closing = closing_tag(line).filter(|tag| tag.start >= tag_end);
    let end = closing.as_ref().map_or(line.len(), |tag| tag.start);
    let text = &line[tag_end..end];
    let start = tag_end + (text.len() - text.trim_start().len());
    let range = start..tag_end + text.trim_end().len();
    (!range.is_empty() && !line[range.clone()].contains("{%")).then_some((style, range, closing))
}

/// Where `{% endhint %}` (or `{% endnote %}`) is on a line it ends, other tags alone
/// after it: GitBook writes a hint's closing tag at the end of its last line of text
/// (`Mind the step. {% endhint %}`), and the closing tags of blocks that end together
/// one after another (`{% endhint %} {% endstep %}`).
pub(super) fn closing_tag(line: &str) -> Option<Range<usize>> {
    let mut end = line.trim_end().len();
    loop {
        let at = line[..end].strip_suffix("%}")?.rfind("{%")?;
        if line[at + 2..end - 2].contains("%}") {
            return None;
        }
        match hint_tag(&line[at..end]) {
            Some(Hint::Close) => return Some(at..end),
            Some(Hint::Open(_)) => return None,
            None => end = line[..at].trim_end().len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_tag_ends_a_line_of_text_before_other_tags_alone() {
        assert_eq!(closing_tag("Mind it. {% endhint %}"), Some(9..22));
        assert_eq!(closing_tag("Mind it. {%- endnote -%}  "), Some(9..24));
        assert_eq!(closing_tag("A. {% endhint %} {% endstep %}"), Some(3..16));
        assert_eq!(
            closing_tag("{% endhint %}{% endtab %} {% endtabs %}"),
            Some(0..13)
        );
        assert_eq!(closing_tag("A {% endhint %} B"), None);
        assert_eq!(closing_tag("A {% endhint %} {% hint %}"), None);
        assert_eq!(closing_tag("A {% endtab %}"), None);
        assert_eq!(closing_tag("A {% x %} y %}"), None);
        assert_eq!(closing_tag("%}"), None);
        let (style, text, closing) =
            hint_with_text("{% hint style=\"info\" %} A. {% endhint %} {% endstep %}").unwrap();
        assert_eq!(
            (style.as_str(), text, closing),
            ("info", 24..26, Some(27..40))
        );
    }
}
