//! JSX attributes in an HTML tag, as a Docusaurus page's Markdown (read as MDX)
//! writes them. A style object, `<img src="/img/a.png" style={{maxWidth: 300}} />`,
//! is left out without a report: it is no template to run, and the site's
//! Content-Security-Policy applies no inline style, so the page loses nothing it could
//! show. Read as a template tag, `{{maxWidth: 300}}` was reported and `style=` left
//! dangling in the tag (Adalo's docs). A file the bundler finds,
//! `src={require("./assets/plan.png").default}` or `src={useBaseUrl("/img/a.png")}`,
//! is the path it names, written as an attribute's value: `src="./assets/plan.png"`
//! (`@site/static/` is the site's root, where the static folder is published). Read as
//! an address, the expression was an image missing (Onion's Omega4 guide: 12).

use super::expand::{inside, literal_ranges, SegMap, Splice};
use pulldown_cmark::Options;

/// The longest style object, and the most of a tag before it, looked at: hostile
/// input stays linear.
const MAX_OBJECT: usize = 1024;

/// The calls that name a file: `require("…")`, `useBaseUrl("…")`.
const FILE_CALLS: [&str; 2] = ["require(", "useBaseUrl("];

/// Whether `text` may hold one (a cheap test before parsing).
pub(super) fn may_hold(text: &str) -> bool {
    let finds = |needle: &str| memchr::memmem::find(text.as_bytes(), needle.as_bytes());
    finds("style={{").is_some()
        || (finds("={").is_some() && FILE_CALLS.iter().any(|call| finds(call).is_some()))
}

/// Whether `at` is inside an HTML tag: a `<` and a letter opened it, maybe lines
/// before, and no `>` since.
fn in_tag(text: &str, at: usize) -> bool {
    let floor = (at.saturating_sub(MAX_OBJECT)..=at).find(|&i| text.is_char_boundary(i));
    let window = &text[floor.unwrap_or(at)..at];
    window.rfind('<').is_some_and(|open| {
        window[open + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
            && !window[open..].contains('>')
    })
}

/// The path a file expression starting at `at` (its `{`) names, and the end of the
/// expression: `{require("./a.png").default}`, `{require('./a.png')}`,
/// `{useBaseUrl("/img/a.png")}`, with spaces where JavaScript allows them.
fn file_call(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = text[at + 1..].trim_start();
    let rest = FILE_CALLS
        .iter()
        .find_map(|call| rest.strip_prefix(call))?
        .trim_start();
    let quote = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    // Within reach (bytes: the quote is one), so hostile input stays linear.
    let reach = &rest.as_bytes()[1..rest.len().min(1 + MAX_OBJECT)];
    let close = memchr::memchr(quote as u8, reach)?;
    let path = &rest[1..1 + close];
    let after = rest[1 + close + 1..]
        .trim_start()
        .strip_prefix(')')?
        .trim_start();
    let after = after.strip_prefix(".default").unwrap_or(after).trim_start();
    let after = after.strip_prefix('}')?;
    if path.is_empty() || path.contains(['"', '\n', '$']) {
        return None;
    }
    let path = match path.strip_prefix("@site/static/") {
        Some(rooted) => format!("/{rooted}"),
        None => path.to_string(),
    };
    Some((path, text.len() - after.len()))
}

/// `text` with its JSX style attributes left out and its file expressions written as
/// the paths they name, and its map; `None` when it has neither.
pub(super) fn strip(text: &str, options: Options) -> Option<(String, SegMap)> {
    let literal = literal_ranges(text, options);
    let mut edits: Vec<(std::ops::Range<usize>, Option<String>)> = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), b"={") {
        let brace = at + 1;
        if let Some((path, end)) = file_call(text, brace) {
            if in_tag(text, at) && !inside(&literal, at) {
                edits.push((brace..end, Some(format!("\"{path}\""))));
            }
        }
    }
    let mut last_cut = 0;
    for at in memchr::memmem::find_iter(text.as_bytes(), b"style={{") {
        let before = &text[..at];
        let Some(space) = before.chars().next_back().filter(|c| c.is_whitespace()) else {
            continue;
        };
        let in_tag = in_tag(text, at);
        // The object's end: the first `}}` within reach (bytes: `}` is never inside a
        // character written in several).
        let reach = &text.as_bytes()[at + 7..text.len().min(at + 7 + MAX_OBJECT)];
        let end = memchr::memmem::find(reach, b"}}").map(|i| at + 7 + i + 2);
        // One inside the last one cut is gone with it.
        let after_last = last_cut <= at;
        match end {
            Some(end) if in_tag && after_last && !inside(&literal, at) => {
                // An attribute on a line of its own takes its line with it: left blank,
                // the line would end the HTML block in the middle of the tag.
                let line_start = before.rfind('\n').map_or(0, |n| n + 1);
                let line_end = text[end..].find('\n').map(|n| end + n);
                let alone = before[line_start..].trim().is_empty()
                    && line_end.is_some_and(|e| text[end..e].trim().is_empty());
                let cut = match line_end.filter(|_| alone && line_start > 0) {
                    Some(e) => line_start..e + 1,
                    None => at - space.len_utf8()..end,
                };
                edits.push((cut, None));
                last_cut = end;
            }
            _ => {}
        }
    }
    if edits.is_empty() {
        return None;
    }
    // In order; one overlapping the one before (a path inside a style object) is not
    // made.
    edits.sort_by_key(|(range, _)| range.start);
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for (range, written) in edits {
        if range.start < copied {
            continue;
        }
        splice.copy(copied..range.start);
        if let Some(written) = written {
            splice.insert(&written, range.start);
        }
        copied = range.end;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_style_object_in_a_tag_is_left_out_and_one_elsewhere_is_text() {
        let strip = |t: &str| strip(t, Options::empty()).map(|(s, _)| s);
        assert_eq!(
            strip("<img src=\"/a.png\" style={{maxWidth: 300 }}/>\n").as_deref(),
            Some("<img src=\"/a.png\"/>\n")
        );
        assert_eq!(
            strip("<div\n  style={{margin: '0 auto'}} class=\"x\">\n").as_deref(),
            Some("<div\n  class=\"x\">\n")
        );
        assert_eq!(strip("Write `<img style={{a: 1}} />`.\n"), None);
        assert_eq!(strip("The style={{x}} here is text.\n"), None);
        // Letters written in several bytes where the reach ends, and one attribute
        // inside another: no panic, one cut.
        let long = format!("<p style={{{{{}}}}}>\n", "é".repeat(400));
        assert_eq!(strip(&long).as_deref(), Some("<p>\n"));
        let wide = format!("<p style={{{{{}}}}}>\n", "é".repeat(600));
        assert_eq!(strip(&wide), None);
        assert_eq!(
            strip("<p style={{a style={{b}} c}}>\n").as_deref(),
            Some("<p c}}>\n")
        );
        assert!(may_hold("a style={{"));
    }

    #[test]
    fn a_style_object_on_a_line_of_its_own_takes_the_line() {
        // reduxjs/redux: left blank, the line ended the HTML block inside the tag.
        let text = "<div>\n<iframe\n  src=\"a.html\"\n  style={{position: \"absolute\"}}\n  allowFullScreen\n></iframe>\n</div>\n";
        let (out, _) = strip(text, Options::empty()).unwrap();
        assert_eq!(
            out,
            "<div>\n<iframe\n  src=\"a.html\"\n  allowFullScreen\n></iframe>\n</div>\n"
        );
    }

    #[test]
    fn a_file_expression_in_a_tag_is_the_path_it_names() {
        let strip = |t: &str| strip(t, Options::empty()).map(|(s, _)| s);
        // Onion's Omega4 guide, with its style object.
        assert_eq!(
            strip("<img\n  src={require(\"./assets/plan.png\").default}\n  alt=\"Plan\"\n  style={{ width: '100%' }}\n/>\n").as_deref(),
            Some("<img\n  src=\"./assets/plan.png\"\n  alt=\"Plan\"\n/>\n")
        );
        assert_eq!(
            strip("<img src={ require( './a.png' ) } /> <img src={useBaseUrl(`/img/b.svg`)} />\n")
                .as_deref(),
            Some("<img src=\"./a.png\" /> <img src=\"/img/b.svg\" />\n")
        );
        // `@site/static/` is where the static folder is published: the site's root.
        assert_eq!(
            strip("<img src={require('@site/static/img/c.png').default} />\n").as_deref(),
            Some("<img src=\"/img/c.png\" />\n")
        );
        // Outside a tag, in code, or an expression that is no plain path: as written.
        for text in [
            "Write src={require('./a.png')} in the tag.\n",
            "`<img src={require('./a.png')} />`\n",
            "<img src={require(name)} />\n",
            "<img src={require('./a.png').then(x)} />\n",
            "<img src={require(`./${name}.png`)} />\n",
            "<img src={require('./a.png'\n",
            &format!("<img src={{require('{}", "={require('".repeat(20_000)),
        ] {
            assert_eq!(strip(text), None, "{text}");
        }
        assert!(may_hold("<img src={require('x')"));
    }
}
