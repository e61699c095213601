//! The element names a browser knows. A tag of any other name outside SVG and MathML
//! (`<username>` in `ssh <username>@host`, `Vec<T>`, a component of another tool such
//! as `<Badge>` or `<Tabs>`) is an element HTML does not have: the browser shows
//! nothing of the tag, only what it holds, so the word is missing from the page. It is
//! still written as it stands (CommonMark passes any tag through), with a warning.

/// Every element of the HTML standard, the obsolete ones browsers still draw
/// (`<center>`, `<font>`, `<marquee>`, …) and the two foreign roots, sorted.
const KNOWN: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "basefont",
    "bdi",
    "bdo",
    "bgsound",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "image",
    "img",
    "input",
    "ins",
    "isindex",
    "kbd",
    "keygen",
    "label",
    "legend",
    "li",
    "link",
    "listing",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "menuitem",
    "meta",
    "meter",
    "multicol",
    "nav",
    "nextid",
    "nobr",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "plaintext",
    "pre",
    "progress",
    "q",
    "rb",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "selectedcontent",
    "slot",
    "small",
    "source",
    "spacer",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
];

/// Whether a start tag named `name` (lower case) is an element a browser knows: one
/// of HTML's, or a custom element (its name holds a `-`, `<my-widget>`).
pub(super) fn is_known(name: &str) -> bool {
    name.contains('-') || KNOWN.binary_search(&name).is_ok()
}

/// The name of the element a start tag opens, as a browser reads it, when HTML does
/// not have it: `after` is the tag from its name on, `tag` its letters, digits and
/// dashes in lower case. The name goes on past `.` and `:` (`<stdio.h>`, `<o:p>`).
pub(super) fn unknown<'h>(after: &'h str, tag: &str) -> Option<&'h str> {
    let name = after
        .split(|c: char| !c.is_alphanumeric() && !matches!(c, '-' | '.' | ':' | '_'))
        .next()
        .unwrap_or_default();
    (name.len() > tag.len() || !is_known(tag)).then_some(name)
}

/// Elements whose content a browser reads as text up to their end tag.
pub(super) const READ_AS_TEXT: &[&str] = &[
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

/// Where the text of each element a browser reads as text ([`READ_AS_TEXT`]) stands
/// in the raw HTML `html`: the element's name and the bytes from after its start tag to
/// its end tag, or to the end of `html` where it is not closed. A `<!--` there is text,
/// not a comment; a `<script>` inside a comment opens nothing.
pub(super) fn text_spans(html: &str) -> Vec<(&'static str, std::ops::Range<usize>)> {
    let lower = html.to_ascii_lowercase();
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(at) = lower[i..].find('<').map(|r| i + r) {
        if lower[at..].starts_with("<!--") {
            i = lower[at + 4..]
                .find("-->")
                .map_or(lower.len(), |e| at + 4 + e + 3);
            continue;
        }
        let name_len = (lower.as_bytes()[at + 1..].iter())
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &lower[at + 1..at + 1 + name_len];
        let after = lower.as_bytes().get(at + 1 + name_len);
        let ends = after.is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'));
        let Some(element) = READ_AS_TEXT.iter().find(|t| **t == name).filter(|_| ends) else {
            i = at + 1;
            continue;
        };
        let Some(start) = lower[at..].find('>').map(|e| at + e + 1) else {
            break;
        };
        let end = lower[start..]
            .find(&format!("</{element}"))
            .map_or(lower.len(), |e| start + e);
        spans.push((*element, start..end));
        i = end.max(start);
        if end == lower.len() {
            break;
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_knows_html_but_not_placeholders() {
        assert!(KNOWN.windows(2).all(|w| w[0] < w[1]));
        for name in ["a", "details", "center", "svg", "wbr", "my-widget", "xmp"] {
            assert!(is_known(name), "{name}");
        }
        for name in ["username", "t", "badge", "beatbox", "path", "o"] {
            assert!(!is_known(name), "{name}");
        }
    }

    #[test]
    fn the_text_of_scripts_and_text_areas_is_found_outside_comments() {
        let html = "<!-- <script> -->\n<SCRIPT type=\"text/template\">\n<!--\n</script>\n<scripts>\
                    <textarea id=b>a\n\nb</textarea><textarea>open";
        let spans: Vec<(&str, &str)> = text_spans(html)
            .into_iter()
            .map(|(name, r)| (name, &html[r]))
            .collect();
        assert_eq!(
            spans,
            [
                ("script", "\n<!--\n"),
                ("textarea", "a\n\nb"),
                ("textarea", "open")
            ]
        );
        assert!(text_spans("<textarea").is_empty());
    }
}
