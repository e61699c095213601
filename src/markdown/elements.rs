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
}
