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

/// Whether HTML forbids `c` in a page: a control character other than ASCII whitespace
/// (tab, line feed, form feed, carriage return) and NUL, which CommonMark replaces
/// itself (and `load::read` reports). Every mark is one.
fn forbidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r' | '\0')
}

/// Whether a byte may start a character [`forbidden`] holds: a C0 control, DEL, or the
/// first byte of a C1 control (U+0080 to U+009F). Branch-free, so a chunk of bytes is
/// tested at once, as every input is scanned.
fn may_be_forbidden(b: u8) -> bool {
    let whitespace = (b == b'\t') | (b == b'\n') | (b == 0x0c) | (b == b'\r') | (b == 0);
    ((b < 0x20) & !whitespace) | (b == 0x7f) | (b == 0xc2)
}

/// The first control character HTML forbids in `text` (see [`forbidden`]), at its byte
/// offset, with how many there are in all.
pub fn first_forbidden(text: &str) -> Option<(usize, char, usize)> {
    let chunk = |c: &[u8]| c.iter().fold(false, |any, &b| any | may_be_forbidden(b));
    if !text.as_bytes().chunks(64).any(chunk) {
        return None;
    }
    let mut found = text.char_indices().filter(|&(_, c)| forbidden(c));
    let (at, c) = found.next()?;
    Some((at, c, 1 + found.count()))
}

/// `text` with every mark, and every other control character HTML forbids in a page
/// (`U+0010` left in a chapter by a copy from a PDF), replaced by U+FFFD, so only
/// attune's own output carries marks, and no page carries what a browser may not.
pub fn strip_marks(text: String) -> String {
    match first_forbidden(&text) {
        Some(_) => replace_forbidden(&text),
        None => text,
    }
}

/// `text` with every character [`forbidden`] holds replaced by U+FFFD, for a caller
/// that has found one already ([`first_forbidden`]).
pub fn replace_forbidden(text: &str) -> String {
    text.replace(forbidden, "\u{fffd}")
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
        // So are the other controls HTML forbids; whitespace, NUL and C1's
        // neighbours stay.
        assert_eq!(
            strip_marks("a\u{10}b\u{7f}c\u{85}d\u{b}e\tf\u{c}g\r\nh\0©\u{a0}".into()),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e\tf\u{c}g\r\nh\0©\u{a0}"
        );
        assert_eq!(first_forbidden("ab\u{10}c\u{1}"), Some((2, '\u{10}', 2)));
        assert_eq!(first_forbidden("© plain\ttext\n"), None);
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
