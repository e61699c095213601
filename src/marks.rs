//! The marks attune writes into its own intermediate HTML and text, in one place: link
//! hrefs and labels that only the whole site can resolve, and the spots where the web
//! and offline editions differ. Each mark is a C0 control character, which HTML forbids
//! in text; [`strip_marks`] replaces every one of them in every input the loader reads
//! (content files, `book.toml`, templates), so a mark in the output is always attune's
//! own and never something an author wrote.

/// Where `index.html` goes in HTML rendered once for both editions.
pub const EDITION_MARK: &str = "\u{1f}";
/// Around what only the web edition shows (the link to `offline.zip`).
pub const WEB_ONLY_START: &str = "\u{1e}";
pub const WEB_ONLY_END: &str = "\u{1d}";
/// `LINK_HREF n MARK_END` stands for the resolved href of the article's link `n`.
pub const LINK_HREF: char = '\u{1c}';
/// `LINK_LABEL n MARK_END` stands for the title of the target of link `n`.
pub const LINK_LABEL: char = '\u{1b}';
pub const MARK_END: char = '\u{1a}';
/// `LINK_REF n MARK_END` stands for the URL of the article's reference `n` (an image,
/// a file, a link by path, a URL in raw HTML: see [`crate::markdown::OutRef`]).
pub const LINK_REF: char = '\u{19}';
/// `EMBED n MARK_END` stands for the text of the note that the article's link `n`
/// embeds (`![[Note]]`), filled in for each page it is shown on.
pub const EMBED: char = '\u{18}';

/// What a reference that leads nowhere is filled with, under `[build] broken_links =
/// "warn"`: the page then leaves out the attribute, the link or the image that holds
/// it (see `render::unbroken`), so nothing broken is published.
pub const BROKEN: char = '\u{17}';

/// Every mark is one byte in this range.
const MARKS: std::ops::RangeInclusive<u8> = 0x17..=0x1f;

/// `text` with every mark replaced by U+FFFD, so only attune's own output carries them.
pub fn strip_marks(text: String) -> String {
    if !text.bytes().any(|b| MARKS.contains(&b)) {
        return text;
    }
    text.replace(
        |c: char| c.is_ascii() && MARKS.contains(&(c as u8)),
        "\u{fffd}",
    )
}

/// Replaces the link marks in `text`: `href(n)` and `label(n)` give what stands for
/// link `n`'s href and label, written as they are (escaped by the caller for HTML);
/// reference marks are dropped. Borrowed when there is no mark.
pub fn fill_links<'t>(
    text: &'t str,
    href: impl Fn(usize) -> String,
    label: impl Fn(usize) -> String,
) -> std::borrow::Cow<'t, str> {
    fill_marks(text, href, label, |_| String::new())
}

/// [`fill_links`], with `reference(n)` for what stands for reference `n`.
pub fn fill_marks<'t>(
    text: &'t str,
    href: impl Fn(usize) -> String,
    label: impl Fn(usize) -> String,
    reference: impl Fn(usize) -> String,
) -> std::borrow::Cow<'t, str> {
    let Some(first) = text.find([LINK_HREF, LINK_LABEL, LINK_REF]) else {
        return std::borrow::Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    let mut start = first;
    loop {
        out.push_str(&rest[..start]);
        let marker = rest.as_bytes()[start] as char;
        let after = &rest[start + 1..];
        let Some(close) = after.find(MARK_END) else {
            out.push_str(&rest[start..]);
            return std::borrow::Cow::Owned(out);
        };
        let n: usize = after[..close].parse().unwrap_or(usize::MAX);
        let value = match marker {
            LINK_HREF => href(n),
            LINK_REF => reference(n),
            _ => label(n),
        };
        out.push_str(&value);
        rest = &after[close + 1..];
        match rest.find([LINK_HREF, LINK_LABEL, LINK_REF]) {
            Some(next) => start = next,
            None => break,
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_never_carries_a_mark() {
        let written = format!(
            "a{EDITION_MARK}b{WEB_ONLY_START}c{WEB_ONLY_END}d{LINK_HREF}0{MARK_END}{LINK_LABEL}"
        );
        assert_eq!(
            strip_marks(written),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}0\u{fffd}\u{fffd}"
        );
        // Private-use characters are an author's own text and stay as written.
        assert_eq!(strip_marks("\u{e000}0\u{e001}".into()), "\u{e000}0\u{e001}");
    }

    #[test]
    fn links_fill_with_escaping() {
        let html = format!("<a href=\"{LINK_HREF}0{MARK_END}\">{LINK_LABEL}0{MARK_END}</a>");
        let filled = fill_links(&html, |_| "../a/".into(), |n| format!("A{n}"));
        assert_eq!(filled, "<a href=\"../a/\">A0</a>");
        assert!(matches!(
            fill_links("plain", |_| String::new(), |_| String::new()),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
