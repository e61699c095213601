//! A page published with nothing broken in it. Under `[build] broken_links = "warn"` a
//! reference that leads nowhere is filled with [`BROKEN`]; here each element holding
//! one is published without it: an image as its alt text, a link as its text (a
//! `<span class="missing-link">`, as a note not written yet), any other element
//! without the attribute (a raw-HTML `<a>` that carries more than a link, such as an
//! id others link to, keeps it and loses its `href`, with what HTML allows only beside
//! one; a `srcset` with one broken
//! candidate goes whole, leaving `src`), and a `<script src>` or `<link href>` that
//! loads nothing without the element.

use crate::markdown::{start_tag, HtmlAttribute as Attribute};
use crate::marks::BROKEN;
use std::borrow::Cow;

/// The attributes HTML allows on an `<a>` only with an `href`: a link that leads
/// nowhere (`<a href="…" target="_blank" rel="noopener">`) goes without them too.
const LINK_ONLY: [&str; 7] = [
    "target",
    "rel",
    "download",
    "ping",
    "hreflang",
    "type",
    "referrerpolicy",
];

/// `html` with every element that holds [`BROKEN`] published without it.
pub(super) fn without_broken(html: &str) -> Cow<'_, str> {
    if !html.contains(BROKEN) {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut at = 0;
    // Links made plain text whose `</a>` is still to come.
    let mut open_spans = 0usize;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(html.len(), |e| start + e + 3);
            continue;
        }
        if open_spans > 0 && rest.starts_with("</a>") {
            out.push_str(&html[copied..start]);
            out.push_str("</span>");
            open_spans -= 1;
            copied = start + 4;
            at = copied;
            continue;
        }
        let name_len = rest[1..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        if name_len == 0 || !bytes[start + 1].is_ascii_alphabetic() {
            at = start + 1;
            continue;
        }
        let tag = rest[1..=name_len].to_ascii_lowercase();
        let (attributes, end) = start_tag(html, start + 1 + name_len);
        let broken = |a: &Attribute| html[a.value.clone()].contains(BROKEN);
        if matches!(tag.as_str(), "script" | "style") {
            let close = format!("</{tag}");
            let closing = html[end..].to_ascii_lowercase().find(&close);
            at = closing.map_or(html.len(), |e| end + e);
            // A script whose file is missing loads nothing and runs nothing (its own
            // text is ignored when it has a `src`): left out whole, with its `</script>`.
            if tag == "script" && attributes.iter().any(|a| a.name == "src" && broken(a)) {
                out.push_str(&html[copied..start]);
                at = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
                copied = at;
            }
            continue;
        }
        at = end;
        if !attributes.iter().any(broken) {
            continue;
        }
        out.push_str(&html[copied..start]);
        copied = end;
        let value = |name: &str| {
            attributes
                .iter()
                .find(|a| a.name == name)
                .map(|a| &html[a.value.clone()])
        };
        let broken_attr = |name: &str| attributes.iter().any(|a| a.name == name && broken(a));
        if tag == "img" && broken_attr("src") {
            // The image's alt text in its place, as text.
            let alt = value("alt").unwrap_or("");
            out.push_str(&alt.replace('<', "&lt;").replace('>', "&gt;"));
            continue;
        }
        if tag == "link" && broken_attr("href") {
            // A stylesheet, font or icon that is missing: the element names nothing else.
            continue;
        }
        let unlinked = tag == "a" && broken_attr("href");
        let plain_link = unlinked
            && attributes.iter().all(|a| {
                a.name == "href"
                    || a.name == "title"
                    || LINK_ONLY.contains(&a.name.as_str())
                    || (a.name == "id" && html[a.value.clone()].starts_with("ref-"))
            })
            && html[end..].contains("</a>");
        if plain_link {
            out.push_str("<span class=\"missing-link\">");
            open_spans += 1;
            continue;
        }
        // The tag without each attribute that leads nowhere (and, for an `<a>` left
        // without its `href`, those HTML allows only with one).
        let mut from = start;
        let left_out =
            |a: &&Attribute| broken(a) || (unlinked && LINK_ONLY.contains(&a.name.as_str()));
        for a in attributes.iter().filter(left_out) {
            out.push_str(&html[from..a.whole.start]);
            from = a.whole.end;
        }
        out.push_str(&html[from..end]);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::without_broken;

    fn unbroken(html: &str) -> String {
        without_broken(&html.replace('@', "\u{17}")).into_owned()
    }

    #[test]
    fn each_element_is_published_without_what_leads_nowhere() {
        // Markdown's own forms: a link becomes its text, an image its alt text.
        assert_eq!(
            unbroken("<p>a <a href=\"@\" id=\"ref-1\" title=\"t\">b <em>c</em></a> d</p>"),
            "<p>a <span class=\"missing-link\">b <em>c</em></span> d</p>"
        );
        assert_eq!(
            unbroken(
                "<img src=\"@\" alt=\"a &amp; b\" loading=\"lazy\"> <img src=\"@\" alt=\"\">."
            ),
            "a &amp; b ."
        );
        // Raw HTML: an `<a>` with an id keeps it, without its href; other elements
        // lose the attribute; a srcset with a broken candidate goes whole.
        assert_eq!(
            unbroken("<a id=\"old\" href=\"@\">x</a><a href='@'>y</a>"),
            "<a id=\"old\">x</a><span class=\"missing-link\">y</span>"
        );
        // 06A-Milieu-Info/cours: a link opening a new tab is a plain link too, and an
        // `<a>` keeping its id loses what HTML allows only beside an `href`.
        assert_eq!(
            unbroken("<a href=\"@\" target=\"_blank\" rel=\"noopener\">Fichiers</a>"),
            "<span class=\"missing-link\">Fichiers</span>"
        );
        assert_eq!(
            unbroken(
                "<a class=\"btn\" href=\"@\" target=\"_blank\" rel=\"noopener\" download>x</a>"
            ),
            "<a class=\"btn\">x</a>"
        );
        assert_eq!(
            unbroken(
                "<a class=\"btn\" href=\"ok.zip\" target=\"_blank\"><img src=\"@\" alt=\"z\"></a>"
            ),
            "<a class=\"btn\" href=\"ok.zip\" target=\"_blank\">z</a>"
        );
        assert_eq!(
            unbroken("<video src=\"@\" poster=\"ok.jpg\"></video><img src=\"ok.png\" srcset=\"ok.png 1x, @ 2x\" alt=\"a<b\">"),
            "<video poster=\"ok.jpg\"></video><img src=\"ok.png\" alt=\"a<b\">"
        );
        assert_eq!(unbroken("<img alt='a<b' src=@>"), "a&lt;b");
        // A script or stylesheet whose file is missing goes whole, its `</script>` too.
        assert_eq!(
            unbroken("a<script src=\"@\" defer></script>b<SCRIPT src=@>x()</SCRIPT >c<link rel=\"stylesheet\" href=\"@\">d<script src=\"ok.js\"></script>"),
            "abcd<script src=\"ok.js\"></script>"
        );
        // Nothing else changes, comments and scripts included.
        let same = "<p>x</p><!-- <a href=\"@\"> --><script>\"<a href=@>\"</script>";
        assert_eq!(unbroken(same), same.replace('@', "\u{17}"));
    }
}
