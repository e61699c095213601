//! Raw HTML in Markdown, read for what a browser will follow or load: `href`, `src`,
//! `srcset`, `poster` and `data` values, and a meta refresh's address, become reference
//! placeholders that `site` resolves and checks like Markdown links and images; `id=`
//! and `<a name>` become link targets. Everything else is written as the author wrote it.

use std::ops::Range;

/// What a reference makes the browser do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// Follows it when the reader clicks (`<a href>`, Markdown links).
    Link,
    /// Loads it with the page: an image, video, audio, frame, font or stylesheet,
    /// named for messages ("image", "video", …).
    Media(&'static str),
}

impl RefKind {
    /// How a page is published without a reference of this kind that leads nowhere
    /// (`[build] broken_links = "warn"`), for the warning's help.
    pub fn left_out(self) -> &'static str {
        match self {
            RefKind::Link => "with its text in place of the link",
            RefKind::Media("image") => "with the image's alt text in its place",
            RefKind::Media(_) => "without it",
        }
    }
}

/// A URL-valued attribute found in a stretch of raw HTML.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    /// Byte range of the value in the HTML (without quotes).
    pub value: std::ops::Range<usize>,
    /// Byte range to replace: the value with its quotes.
    pub replace: std::ops::Range<usize>,
    /// Whether what replaces it must bring its own quotes (a whole attribute value,
    /// not one URL of a `srcset`).
    pub quote: bool,
    /// The URL with character references decoded.
    pub url: String,
    pub kind: RefKind,
}

/// What [`scan`] finds in raw HTML.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Scan {
    pub refs: Vec<Found>,
    /// Ids (and `<a name>`s) the HTML defines, with the byte range of the attribute
    /// (name to end of value) and whether it is a `name` that needs an `id` beside it.
    pub ids: Vec<(String, std::ops::Range<usize>, bool)>,
    /// Elements whose content is text ([`HOLDS_TEXT`]) written self-closed
    /// (`<script src="x.js"/>`) outside SVG and MathML: where the `/>` stands, and the
    /// tag's name.
    pub self_closed: Vec<(std::ops::Range<usize>, String)>,
    /// Where each `<img>` that names no text for it starts: no `alt` (an empty one
    /// marks an image as decoration, on purpose), `aria-label`, `aria-labelledby` or
    /// `title`, and no `role` of `presentation` or `none` (what axe accepts).
    pub images_without_alt: Vec<usize>,
    /// Each `<script>` and `<style>` element: from its `<` to after its end tag (to the
    /// end of the HTML when that is not in it), and its name.
    pub code: Vec<(std::ops::Range<usize>, String)>,
    /// Start tags outside SVG and MathML of elements HTML does not have
    /// (`elements.rs`): where each `<` stands, and the name as written.
    pub unknown: Vec<(usize, String)>,
    /// How many `<svg>` and `<math>` elements are open after the HTML.
    pub foreign: usize,
}

/// Elements a browser reads everything after as their text, up to their end tag, or
/// shows it preformatted (`pre`, `listing`): one written self-closed (`<script
/// src="x.js"/>`, `<iframe …/>`, `<pre/>`) would hide the rest of the page or set it all
/// in monospace. Others written so (`<div/>`, `<a/>`) hold what follows, as CommonMark's
/// examples pass them through, and stay as written.
const HOLDS_TEXT: &[&str] = &[
    "iframe", "listing", "noembed", "noframes", "noscript", "pre", "script", "style", "textarea",
    "title", "xmp",
];

/// Whether the start tag whose name ends at `name_end` and which ends at `end` (after
/// its `>`) is written self-closed: `/>` after a quoted value, white space or the name
/// (in an unquoted value the `/` is the value's, `src=a.js/>`).
pub fn closes_itself(html: &str, name_end: usize, end: usize) -> bool {
    let bytes = html.as_bytes();
    end.checked_sub(2)
        .filter(|&slash| slash >= name_end && bytes[..end].ends_with(b"/>"))
        .is_some_and(|slash| {
            slash == name_end
                || matches!(bytes[slash - 1], b'"' | b'\'')
                || bytes[slash - 1].is_ascii_whitespace()
        })
}

/// Finds the URL-valued attributes, ids and self-closed elements in `html`, inside
/// `foreign` open `<svg>` or `<math>` elements. Comments are skipped; text and the
/// contents of elements a browser reads as text (`<script>`, `<textarea>`, …) are not
/// read as tags.
pub fn scan(html: &str, foreign: usize) -> Scan {
    let bytes = html.as_bytes();
    let mut out = Scan::default();
    let mut i = 0;
    // The element whose end tag ends the text being skipped.
    let mut skip_until: Option<&'static str> = None;
    let mut code_open: Option<(usize, String)> = None;
    // Inside `<svg>` or `<math>`, where `/>` closes an element as XML does.
    let mut foreign = foreign;
    while let Some(rel) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + rel;
        if let Some(name) = skip_until {
            if bytes[start..].starts_with(b"</")
                && bytes[start + 2..]
                    .get(..name.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
            {
                skip_until = None;
                if let Some((open, tag)) = code_open.take() {
                    let end = html[start..]
                        .find('>')
                        .map_or(bytes.len(), |e| start + e + 1);
                    out.code.push((open..end, tag));
                }
            }
            i = start + 1;
            continue;
        }
        if let Some(name) = html[start..].strip_prefix("</") {
            let name = name.get(..4).unwrap_or(name).to_ascii_lowercase();
            if name.starts_with("svg") || name.starts_with("math") {
                foreign = foreign.saturating_sub(1);
            }
        }
        if html[start..].starts_with("<!--") {
            i = html[start..]
                .find("-->")
                .map_or(bytes.len(), |e| start + e + 3);
            continue;
        }
        let name_start = start + 1;
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let tag = html[name_start..name_start + name_len].to_ascii_lowercase();
        if foreign == 0 {
            if let Some(name) = super::elements::unknown(&html[name_start..], &tag) {
                out.unknown.push((start, name.to_string()));
            }
        }
        let end = read_attributes(html, start, name_start + name_len, &tag, &mut out);
        // HTML reads `/>` as `>` on an element that holds content: `<script/>` makes
        // everything after it script text.
        let self_closed = closes_itself(html, name_start + name_len, end);
        if foreign == 0 && self_closed && HOLDS_TEXT.contains(&tag.as_str()) {
            out.self_closed.push((end - 2..end, tag.clone()));
        } else if (tag == "svg" || tag == "math") && !self_closed {
            foreign += 1;
        }
        if self_closed {
            i = end;
            continue;
        }
        let code = tag == "script" || tag == "style";
        let text = super::elements::READ_AS_TEXT.iter().find(|t| **t == tag);
        if let Some(name) = text.filter(|_| code || foreign == 0) {
            skip_until = Some(name);
            if code {
                code_open = Some((start, tag));
            }
        }
        i = end;
    }
    if let Some((open, tag)) = code_open {
        out.code.push((open..bytes.len(), tag));
    }
    out.foreign = foreign;
    out
}

/// One attribute of a start tag, as [`start_tag`] reads it.
#[derive(Debug)]
pub struct Attribute {
    /// The attribute with the white space before it.
    pub whole: Range<usize>,
    /// Where its name starts.
    pub name_start: usize,
    /// Its name, in lower case.
    pub name: String,
    /// Its value without quotes (empty for an attribute without `=`).
    pub value: Range<usize>,
    /// Its value with its quotes, if quoted.
    pub quoted: Range<usize>,
    /// Whether it has `=` and a value.
    pub valued: bool,
}

/// The attributes of a start tag whose name ends at `at`, and the offset after its `>`
/// (the end of `html` if it has none).
pub fn start_tag(html: &str, mut at: usize) -> (Vec<Attribute>, usize) {
    let bytes = html.as_bytes();
    let mut attributes = Vec::new();
    loop {
        let before = at;
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        if at >= bytes.len() {
            return (attributes, bytes.len());
        }
        if bytes[at] == b'>' {
            return (attributes, at + 1);
        }
        let name_start = at;
        while at < bytes.len()
            && !bytes[at].is_ascii_whitespace()
            && !matches!(bytes[at], b'=' | b'>' | b'/')
        {
            at += 1;
        }
        let name = html[name_start..at].to_ascii_lowercase();
        let mut ws = at;
        while ws < bytes.len() && bytes[ws].is_ascii_whitespace() {
            ws += 1;
        }
        if ws >= bytes.len() || bytes[ws] != b'=' {
            if at == name_start {
                at += 1;
                continue;
            }
            attributes.push(Attribute {
                whole: before..at,
                name_start,
                name,
                value: at..at,
                quoted: at..at,
                valued: false,
            });
            continue;
        }
        at = ws + 1;
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let (value, quoted) = match bytes.get(at) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let close = html[at + 1..]
                    .find(q as char)
                    .map_or(bytes.len(), |e| at + 1 + e);
                let end = (close + 1).min(bytes.len());
                (at + 1..close, at..end)
            }
            _ => {
                let end = at
                    + bytes[at..]
                        .iter()
                        .take_while(|b| !b.is_ascii_whitespace() && **b != b'>')
                        .count();
                (at..end, at..end)
            }
        };
        at = quoted.end;
        attributes.push(Attribute {
            whole: before..at,
            name_start,
            name,
            value,
            quoted,
            valued: true,
        });
    }
}

/// What the browser does with the value of attribute `name` (lower case) of element
/// `tag` (lower case), when it is a URL it follows or loads.
pub(super) fn url_attribute(tag: &str, name: &str) -> Option<RefKind> {
    match (tag, name) {
        ("a" | "area", "href") => Some(RefKind::Link),
        ("link", "href") => Some(RefKind::Media("stylesheet or font")),
        ("img", "src" | "srcset") => Some(RefKind::Media("image")),
        ("source", "src" | "srcset") => Some(RefKind::Media("media source")),
        ("video", "src" | "poster") => Some(RefKind::Media("video")),
        ("audio", "src") => Some(RefKind::Media("audio")),
        ("track", "src") => Some(RefKind::Media("text track")),
        ("iframe" | "frame", "src") => Some(RefKind::Media("frame")),
        ("embed", "src") | ("object", "data") => Some(RefKind::Media("embedded object")),
        ("input", "src") => Some(RefKind::Media("image")),
        ("script", "src") => Some(RefKind::Media("script")),
        _ => None,
    }
}

/// Reads the attributes of a start tag (its `<` at `start`) from `at`; returns the
/// offset after its `>`.
fn read_attributes(html: &str, start: usize, at: usize, tag: &str, out: &mut Scan) -> usize {
    let mut has_id = false;
    let mut name_attr = None;
    let (attributes, end) = start_tag(html, at);
    if tag == "img" && !attributes.iter().any(|a| names_image(html, a)) {
        out.images_without_alt.push(start);
    }
    let refresh = tag == "meta"
        && attributes.iter().any(|a| {
            a.name == "http-equiv" && html[a.value.clone()].trim().eq_ignore_ascii_case("refresh")
        });
    for Attribute {
        name_start: attr_start,
        name,
        value,
        quoted: replace,
        valued,
        ..
    } in attributes
    {
        if !valued {
            continue;
        }
        let raw = &html[value.clone()];
        let kind = url_attribute(tag, &name);
        match (kind, name.as_str()) {
            (Some(kind), "srcset") => {
                // Each candidate: a URL, then an optional descriptor, comma-separated.
                let mut pos = value.start;
                for candidate in raw.split(',') {
                    let lead = candidate.len() - candidate.trim_start().len();
                    let url_len = candidate
                        .trim_start()
                        .find(char::is_whitespace)
                        .unwrap_or(candidate.trim_start().len());
                    let s = pos + lead;
                    if url_len > 0 {
                        out.refs.push(Found {
                            value: s..s + url_len,
                            replace: s..s + url_len,
                            quote: false,
                            url: decode_entities(&html[s..s + url_len]),
                            kind,
                        });
                    }
                    pos += candidate.len() + 1;
                }
            }
            (Some(kind), _) => out.refs.push(Found {
                value: value.clone(),
                replace,
                quote: true,
                url: decode_entities(raw.trim()),
                kind,
            }),
            (None, "content") if refresh => {
                if let Some(url) = refresh_url(raw) {
                    let s = value.start + url.start;
                    let e = value.start + url.end;
                    out.refs.push(Found {
                        value: s..e,
                        replace: s..e,
                        quote: false,
                        url: decode_entities(&html[s..e]),
                        kind: RefKind::Link,
                    });
                }
            }
            (None, "id") => {
                has_id = true;
                out.ids
                    .push((decode_entities(raw), attr_start..replace.end, false));
            }
            (None, "name") if tag == "a" => {
                name_attr = Some((decode_entities(raw), attr_start..replace.end));
            }
            _ => {}
        }
    }
    if let (false, Some((name, range))) = (has_id, name_attr) {
        out.ids.push((name, range, true));
    }
    end
}

/// Whether attribute `a` of an `<img>` gives it a text alternative, or marks it as
/// decoration: what axe's `image-alt` rule accepts.
fn names_image(html: &str, a: &Attribute) -> bool {
    match a.name.as_str() {
        "alt" => true,
        "aria-label" | "aria-labelledby" | "title" => !html[a.value.clone()].trim().is_empty(),
        "role" => {
            let role = html[a.value.clone()].trim();
            role.eq_ignore_ascii_case("presentation") || role.eq_ignore_ascii_case("none")
        }
        _ => false,
    }
}

/// `html` without its meta refresh elements: a page holding several articles
/// (`print.html`) must not be sent away by one of them.
pub fn without_meta_refresh(html: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut from = 0;
    let mut search = 0;
    while let Some(at) = html[search..].find('<').map(|at| search + at) {
        search = at + 1;
        let name_end = at + 5;
        let is_meta = html
            .get(at + 1..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case("meta"))
            && html[name_end..].starts_with(|c: char| c.is_ascii_whitespace() || c == '/');
        if !is_meta {
            continue;
        }
        let (attributes, end) = start_tag(html, name_end);
        let refresh = attributes.iter().any(|a| {
            a.name == "http-equiv" && html[a.value.clone()].trim().eq_ignore_ascii_case("refresh")
        });
        if refresh {
            out.push_str(&html[from..at]);
            from = end;
            search = end;
        }
    }
    if from == 0 {
        return html.into();
    }
    out.push_str(&html[from..]);
    out.into()
}

/// Where the address of a meta refresh's `content` (`0; url=../new/`, `5;URL='x'`,
/// `0, x`) lies in it, as a browser reads it: after the delay and a `;` or `,`, an
/// optional `url=`, an optional quote.
fn refresh_url(content: &str) -> Option<Range<usize>> {
    let sep = content.find([';', ','])?;
    let mut at = sep + 1;
    at += content[at..].len() - content[at..].trim_start().len();
    let rest = &content[at..];
    if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case("url") {
        let after = rest[3..].trim_start();
        if let Some(value) = after.strip_prefix('=') {
            at = content.len() - value.trim_start().len();
        }
    }
    let mut end = content.len();
    if let Some(q) = content[at..]
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\''))
    {
        at += 1;
        end = content[at..].find(q).map_or(end, |e| at + e);
    }
    let url = content[at..end].trim_end();
    (!url.is_empty()).then(|| at..at + url.len())
}

/// Decodes the character references an attribute value may hold.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').filter(|&e| e <= 10).and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => match name.strip_prefix('#') {
                    Some(n) => match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    }
                    .and_then(char::from_u32),
                    None => None,
                },
            }?;
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_url_a_browser_follows_or_loads() {
        let html = r#"<a href="a.html#x" id=top>A</a><img src='img/p.png' srcset="s.png 1x, /t.png 2x">
<video poster=poster.jpg src="v.mp4"></video><source srcset="u.webp"><!-- <img src="no.png"> -->
<a name="old-section"></a><script>var s = "<img src='no2.png'>";</script><p title="src=x">"#;
        let scan = scan(html, 0);
        let urls: Vec<&str> = scan.refs.iter().map(|r| r.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "a.html#x",
                "img/p.png",
                "s.png",
                "/t.png",
                "poster.jpg",
                "v.mp4",
                "u.webp"
            ]
        );
        assert_eq!(scan.refs[0].kind, RefKind::Link);
        assert_eq!(scan.refs[1].kind, RefKind::Media("image"));
        assert_eq!(&html[scan.refs[1].replace.clone()], "'img/p.png'");
        let ids: Vec<(&str, bool)> = scan
            .ids
            .iter()
            .map(|(id, _, n)| (id.as_str(), *n))
            .collect();
        assert_eq!(ids, [("top", false), ("old-section", true)]);
    }

    #[test]
    fn a_meta_refresh_address_is_a_link() {
        let html = r#"<meta http-equiv="Refresh" content="0; url=../new/page.html#x"><meta http-equiv=refresh content="5;URL='a b.html'"><meta name="x" content="0; url=no.html">"#;
        let scan = scan(html, 0);
        let urls: Vec<&str> = scan.refs.iter().map(|r| r.url.as_str()).collect();
        assert_eq!(urls, ["../new/page.html#x", "a b.html"]);
        assert_eq!(&html[scan.refs[0].replace.clone()], "../new/page.html#x");
        assert_eq!(scan.refs[0].kind, RefKind::Link);
        assert_eq!(refresh_url("0"), None);
        assert_eq!(refresh_url("0, next.html"), Some(3..12));
        assert_eq!(refresh_url("0; url = 'x.html' "), Some(10..16));
    }

    #[test]
    fn meta_refreshes_are_taken_out_and_nothing_else() {
        let html = r#"<p>a</p><META http-equiv="Refresh" content="0; url=x"><meta name="x" content="y"><meta http-equiv=refresh content=0>b<metal>"#;
        assert_eq!(
            without_meta_refresh(html),
            r#"<p>a</p><meta name="x" content="y">b<metal>"#
        );
        assert!(matches!(
            without_meta_refresh("<p>no</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn tags_of_elements_html_does_not_have_are_found_by_the_name_a_browser_reads() {
        let html = "<p>ssh <username>@host, <stdio.h>, <o:p></o:p>, <sourcesrc=\"a.mp4\">, \
                    <my-widget>, <DIV>, <svg><linearGradient/></svg> <textarea><name></textarea>";
        let names: Vec<_> = scan(html, 0).unknown.into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["username", "stdio.h", "o:p", "sourcesrc"]);
        // Inside an `<svg>` an earlier piece of HTML opened.
        assert!(scan("<path d=\"M0 0\"/></svg><x>", 1).unknown.len() == 1);
    }

    #[test]
    fn text_that_is_not_html_never_breaks_the_scan() {
        for html in [
            "<script>é</scrip\u{e9}",
            "<a href=\"x\"id=y>",
            "<a b=",
            "<img src='",
            "<é>",
            "<a\u{0}=1>",
        ] {
            let _ = scan(html, 0);
        }
    }

    #[test]
    fn character_references_decode() {
        assert_eq!(decode_entities("a&amp;b&#x41;&#66;&bogus;"), "a&bAB&bogus;");
    }
}
