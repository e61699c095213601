//! Markdown inside HTML, as kramdown (Jekyll) and Python-Markdown's md_in_html
//! (MkDocs) read it: an HTML element whose opening tag has a `markdown` attribute
//! (`<div class="code-example" markdown="1">`, `<div class="grid cards" markdown>`)
//! holds Markdown, to its end tag, blank lines or none. CommonMark reads such a block
//! as raw HTML to the first blank line, so Just the Docs' examples showed
//! `[Link button](…)` as written, and the code fence after `</div>` as text. The
//! element's tags are set apart by blank lines, so what is between them is read as
//! Markdown and what follows the end tag is too; the attribute, which no browser
//! reads, is left out. A paragraph that opens with an inline element's tag alone on
//! its line (`<span class="fs-6">` or `<em>`, then a link) is a paragraph, as kramdown
//! reads it, not a raw HTML block. A block element not so marked is raw HTML to its
//! end tag, blank lines or none, where CommonMark would end it at the first blank line
//! and read the rest (the CSS of an SVG in a `<div>`) as Markdown.
//!
//! And kramdown's table of contents: a list followed by `{:toc}` on the next line
//! (`* TOC` / `{:toc}`) is replaced by the page's contents, the `<!-- toc -->` mark
//! attune reads for mdbook-toc's; it was a list item "TOC {:toc}".

use super::toc_mark::{is_toc_mark, list_above};
use crate::markdown::expand::{inside, SegMap, Splice};
use std::collections::HashMap;
use std::ops::Range;

/// Elements whose tag opens a paragraph in kramdown, not an HTML block.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "cite", "em", "i", "kbd", "mark", "small", "span", "strong", "sub", "sup",
    "u",
];

/// `text` with Markdown inside HTML elements set apart and kramdown's `{:toc}` lists
/// as contents marks, and its map; `None` when it has neither.
pub(in crate::markdown) fn rewrite(text: &str) -> Option<(String, SegMap)> {
    let toc = crate::text::holds(text, "{:");
    if !crate::text::holds(text, "</") && !toc {
        return None;
    }
    let lines = lines(text);
    let literal = literal(text, &lines);
    let ends = end_tags(text, &literal);
    // Replacements (range of the input, what stands there), in order of start.
    let mut edits: Vec<(Range<usize>, &str)> = Vec::new();
    // The end of the raw HTML element last read: elements inside it stay raw.
    let mut raw_until = 0;
    for (n, line) in lines.iter().enumerate() {
        if inside(&literal, line.start) {
            continue;
        }
        let body = &text[line.clone()];
        if toc && is_toc_mark(body) {
            if let Some(start) = list_above(text, &lines, n) {
                edits.push((start..line.end, "<!-- toc -->"));
            }
            continue;
        }
        // Where the line's tag opens, if it opens with one.
        let tag = line.start + body.find('<').unwrap_or(0);
        if let Some(element) = opener(body) {
            if let Some(&close) = ends.get(&tag) {
                set_apart(text, &lines, n, &element, line.start, close, &mut edits);
            }
        } else if line.start >= raw_until && inline_opening(text, &lines, n) {
            // A paragraph opening with an inline element's tag alone on its line
            // (`<em>`, then text): kramdown and Python-Markdown read it as a
            // paragraph, CommonMark as raw HTML to the next blank line (its type 7,
            // which a tag with anything after it on its line is not).
            edits.push((line.end..line.end, BLANK));
        } else if line.start >= raw_until {
            // A block element's end tag ends it, as kramdown reads HTML: Markdown
            // may follow on the next line (Just the Docs' `</div>` then a fence).
            let Some(name) = block_start(body) else {
                continue;
            };
            let Some(&close) = ends.get(&tag) else {
                continue;
            };
            let c = lines.partition_point(|l| l.end < close);
            let close_end = close + name.len() + 3;
            raw_until = lines[c].end;
            // kramdown and Python-Markdown read the element as raw HTML to its end
            // tag, blank lines or none; CommonMark ends the HTML block at a blank line
            // and reads the rest as Markdown. Where that rest is never Markdown (in an
            // `<svg>`, `<style>`, `<script>`, `<pre>` or `<math>`: Textual's `<div>`
            // holding an SVG whose `<style>` has blank lines, its CSS shown as code),
            // each blank line holds a comment, which shows nothing. Elsewhere the
            // block ends there as CommonMark and GitHub end it, so the release notes
            // a `<details>` folds (a blank line, then a list) stay Markdown.
            let raw = never_markdown(text, line.start..close, &ends);
            for inner in lines.get(n + 1..c).unwrap_or_default() {
                let blank = text[inner.clone()].trim().is_empty();
                let in_raw = raw.iter().any(|r| r.contains(&inner.start));
                if blank && in_raw && !inside(&literal, inner.start) {
                    edits.push((inner.clone(), BLANK));
                }
            }
            let next = lines.get(c + 1).map(|l| text[l.clone()].trim());
            // An inline element's tag alone on the next line (`<small>`, then
            // text) opens a paragraph there, as after a blank line.
            let inline_next = lines.get(c + 1).is_some_and(|l| {
                inline_tag_alone(&text[l.clone()])
                    && lines
                        .get(c + 2)
                        .is_some_and(|l| !text[l.clone()].trim().is_empty())
            });
            if text[close_end.min(lines[c].end)..lines[c].end]
                .trim()
                .is_empty()
                && next.is_some_and(|l| !l.is_empty() && (!l.starts_with('<') || inline_next))
            {
                edits.push((lines[c].end..lines[c].end, "\n"));
                if inline_next {
                    edits.push((lines[c + 1].end..lines[c + 1].end, BLANK));
                }
            }
        }
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|(range, _)| (range.start, range.end));
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for (range, with) in edits {
        if range.start < copied {
            continue;
        }
        splice.copy(copied..range.start);
        splice.insert(with, range.start);
        copied = range.end;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// What stands on a blank line inside a raw HTML element, or after an inline tag
/// opening a paragraph: an HTML comment, which shows nothing.
const BLANK: &str = "<!-- -->";

/// The elements in `range` whose text is never Markdown, `<svg>`, `<style>`,
/// `<script>`, `<pre>` and `<math>`, each from its opening tag to its end tag (by
/// `ends`); those inside another left out. None holding a `<textarea>`, whose text a
/// comment would show in.
fn never_markdown(
    text: &str,
    range: Range<usize>,
    ends: &HashMap<usize, usize>,
) -> Vec<Range<usize>> {
    const NAMES: [&str; 5] = ["svg", "style", "script", "pre", "math"];
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, _) in text[range.clone()].match_indices('<') {
        let start = range.start + at;
        let rest = &text[start + 1..];
        let len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let named = NAMES.contains(&rest[..len].to_ascii_lowercase().as_str());
        let inner = out.last().is_some_and(|r| r.contains(&start));
        if let (true, false, Some(&end)) = (named, inner, ends.get(&start)) {
            out.push(start..end);
        }
    }
    out.retain(|r| !crate::text::holds(&text[r.clone()], "<textarea"));
    out
}

/// Whether line `n` is an inline element's opening tag alone (`<em>`, `<span
/// class="x">`, up to three spaces in), opening a paragraph: the line above is blank
/// (or there is none, or it opens an element holding Markdown) and the one below
/// holds text.
fn inline_opening(text: &str, lines: &[Range<usize>], n: usize) -> bool {
    let blank = |i: usize| text[lines[i].clone()].trim().is_empty();
    inline_tag_alone(&text[lines[n].clone()])
        && (n == 0 || blank(n - 1) || opener(&text[lines[n - 1].clone()]).is_some())
        && lines.get(n + 1).is_some_and(|_| !blank(n + 1))
}

/// Whether `body` is an inline element's opening tag alone on its line (`<em>`,
/// `<span class="fs-6">`), up to three spaces in.
fn inline_tag_alone(body: &str) -> bool {
    let indent = body.len() - body.trim_start_matches(' ').len();
    let Some(tag) = body[indent..]
        .trim_end()
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .filter(|t| indent <= 3 && !t.contains(['<', '>']))
    else {
        return false;
    };
    let len = tag
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(tag.len());
    INLINE.contains(&tag[..len].to_ascii_lowercase().as_str())
        && (tag.len() == len || tag[len..].starts_with([' ', '\t', '/']))
        && !tag.ends_with('/')
}

/// Each line's range, without its line ending.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        out.push(start..start + body.len());
        start += line.len();
    }
    out
}

/// The code in `text`, read line by line as kramdown reads it, not as CommonMark would
/// before the rewrite (a fence after `</div>` is code, whatever the block before it):
/// fenced code blocks, and code spans on other lines; in order.
fn literal(text: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The open fence: its character, length, and where it starts.
    let mut open: Option<(u8, usize, usize)> = None;
    for line in lines {
        let body = &text[line.clone()];
        let trimmed = body.trim_start_matches(' ');
        match (open, crate::markdown::math_blocks::fence(body)) {
            (Some((c, len, start)), Some((m, n)))
                if m == c && n >= len && trimmed[n..].trim().is_empty() =>
            {
                out.push(start..line.end);
                open = None;
            }
            (Some(_), _) => {}
            (None, Some((m, n))) if m == b'~' || !trimmed[n..].contains('`') => {
                open = Some((m, n, line.start));
            }
            (None, _) => out.extend(code_spans(body, line.start)),
        }
    }
    if let Some((_, _, start)) = open {
        out.push(start..text.len());
    }
    out
}

/// The code spans of one line (at `offset` in the text): runs of backticks closed by a
/// run of the same length.
fn code_spans(line: &str, offset: usize) -> Vec<Range<usize>> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = line[at..].find('`') {
        let start = at + found;
        let len = bytes[start..].iter().take_while(|b| **b == b'`').count();
        let mut search = start + len;
        at = search;
        while let Some(next) = line[search..].find('`') {
            let close = search + next;
            let run = bytes[close..].iter().take_while(|b| **b == b'`').count();
            if run == len {
                out.push(offset + start..offset + close + run);
                at = close + run;
                break;
            }
            search = close + run;
        }
    }
    out
}

/// The name of the block element whose opening tag `line` starts with (up to three
/// spaces in), as it is written, when CommonMark reads it as an HTML block to the next
/// blank line (its type 6).
fn block_start(line: &str) -> Option<&str> {
    const BLOCK: &[&str] = &[
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "ul",
    ];
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line[indent..].strip_prefix('<').filter(|_| indent <= 3)?;
    let len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = &rest[..len];
    let ends = rest[len..].starts_with(['>', ' ', '\t']) || rest.len() == len;
    (ends && BLOCK.contains(&name.to_ascii_lowercase().as_str())).then_some(name)
}

/// An opening tag with a `markdown` attribute asking for Markdown inside.
struct Opener {
    name: String,
    /// The attribute with the space before it, in the line.
    attribute: Range<usize>,
    /// Just after the tag's `>`, in the line.
    end: usize,
}

/// The opening tag `line` starts with (up to three spaces in), if it is one of a
/// block element whose `markdown` attribute is `1`, `block` or bare, or `span`
/// (Material's `<figure markdown="span">` around an image and its caption, its text
/// read as Markdown too; here in a paragraph of its own).
fn opener(line: &str) -> Option<Opener> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line[indent..].strip_prefix('<').filter(|_| indent <= 3)?;
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .unwrap_or(rest.len());
    let name = rest[..name_len].to_ascii_lowercase();
    if name.is_empty() || INLINE.contains(&name.as_str()) {
        return None;
    }
    // The tag's end, quotes read.
    let start = indent + 1 + name_len;
    let mut quote = None;
    let mut end = None;
    for (i, c) in line[start..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                end = Some(start + i + 1);
                break;
            }
            _ => {}
        }
    }
    let end = end?;
    let attributes = &line[start..end - 1];
    let lower = attributes.to_ascii_lowercase();
    let at = lower
        .match_indices("markdown")
        .map(|(at, _)| at)
        .find(|&at| at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace())?;
    let after = &attributes[at + "markdown".len()..];
    let (value, len) = match after.strip_prefix('=') {
        Some(v) => {
            let (value, len) = match v.as_bytes().first() {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = v[1..].find(q as char)?;
                    (&v[1..1 + close], close + 2)
                }
                _ => {
                    let len = v
                        .find(|c: char| c.is_whitespace() || c == '/')
                        .unwrap_or(v.len());
                    (&v[..len], len)
                }
            };
            (value, len + 1)
        }
        None if after.is_empty() || after.starts_with([' ', '\t', '/']) => ("", 0),
        None => return None,
    };
    if !matches!(value, "" | "1" | "block" | "span") {
        return None;
    }
    let space = attributes[..at].len() - attributes[..at].trim_end().len();
    let attribute = start + at - space..start + at + "markdown".len() + len;
    Some(Opener {
        name,
        attribute,
        end,
    })
}

/// The edits that set apart the element opened on line `n` (at `at`) and ended at
/// `close`: its attribute left out, a blank line after its opening tag and around its
/// end tag.
fn set_apart(
    text: &str,
    lines: &[Range<usize>],
    n: usize,
    element: &Opener,
    at: usize,
    close: usize,
    edits: &mut Vec<(Range<usize>, &str)>,
) {
    let attribute = at + element.attribute.start..at + element.attribute.end;
    let open_end = at + element.end;
    edits.push((attribute, ""));
    let blank = |i: usize| {
        lines
            .get(i)
            .is_none_or(|l| text[l.clone()].trim().is_empty())
    };
    // After the opening tag. HTML after it on its line (`<details markdown=1><summary>
    // Action.yml</summary>`) is a block of its own, ended before the next line (a code
    // fence) as md_in_html ends it.
    let after = text[open_end..lines[n].end].trim();
    if !after.is_empty() {
        edits.push((open_end..open_end, "\n\n"));
        if after.ends_with('>')
            && !blank(n + 1)
            && n + 1 < lines.len()
            && lines[n + 1].start < close
        {
            edits.push((lines[n].end..lines[n].end, "\n"));
        }
    } else if !blank(n + 1) {
        edits.push((lines[n].end..lines[n].end, "\n"));
    }
    let c = lines.partition_point(|l| l.end < close);
    let close_end = close + element.name.len() + 3;
    // Before the end tag.
    if !text[lines[c].start..close].trim().is_empty() {
        edits.push((close..close, "\n\n"));
    } else if c > n + 1 && !blank(c - 1) {
        edits.push((lines[c].start..lines[c].start, "\n"));
    }
    // After it.
    if !text[close_end.min(lines[c].end)..lines[c].end]
        .trim()
        .is_empty()
    {
        edits.push((close_end..close_end, "\n\n"));
    } else if !blank(c + 1) {
        edits.push((lines[c].end..lines[c].end, "\n"));
    }
}

/// Each element's end tag, by where its opening tag's `<` is: elements of the same
/// name nest, literal text is skipped, an element never closed has none. One pass over
/// the text, so a page of many unclosed `<p>` lines is not read once for each.
fn end_tags(text: &str, literal: &[Range<usize>]) -> HashMap<usize, usize> {
    let mut open: HashMap<String, Vec<usize>> = HashMap::new();
    let mut ends = HashMap::new();
    for (at, _) in text.match_indices('<') {
        if inside(literal, at) {
            continue;
        }
        let rest = &text[at + 1..];
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let len = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(rest.len());
        let delimited =
            rest[len..].starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace());
        if len == 0 || !delimited {
            continue;
        }
        let name = rest[..len].to_ascii_lowercase();
        match closing {
            true => {
                if let Some(start) = open.get_mut(&name).and_then(Vec::pop) {
                    ends.insert(start, at);
                }
            }
            false => open.entry(name).or_default().push(at),
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(text: &str) -> String {
        rewrite(text).map_or_else(|| text.to_string(), |(out, _)| out)
    }

    #[test]
    fn an_element_marked_to_hold_markdown_is_set_apart_by_blank_lines() {
        assert_eq!(
            out("<div class=\"code-example\" markdown=\"1\">\n[Link](x){: .btn }\n</div>\n```markdown\ncode\n```\n"),
            "<div class=\"code-example\">\n\n[Link](x){: .btn }\n\n</div>\n\n```markdown\ncode\n```\n"
        );
        assert_eq!(
            out("<div class=\"grid cards\" markdown>\n\n- one\n\n</div>\n"),
            "<div class=\"grid cards\">\n\n- one\n\n</div>\n"
        );
        // A paragraph opening with an inline element's tag alone on its line.
        assert_eq!(
            out("<div markdown=\"block\">\n<span class=\"fs-6\">\n[Big](x)\n</span>\n</div>\n"),
            "<div>\n\n<span class=\"fs-6\"><!-- -->\n[Big](x)\n</span>\n\n</div>\n"
        );
        // Nested; on one line.
        assert_eq!(
            out("<section markdown='1'>\n<div markdown=\"1\">\n*a*\n</div>\n</section>\n"),
            "<section>\n\n<div>\n\n*a*\n\n</div>\n\n\n</section>\n"
        );
        assert_eq!(
            out("<details markdown=\"1\"><summary>More</summary> *a*</details>\n"),
            "<details>\n\n<summary>More</summary> *a*\n\n</details>\n"
        );
    }

    #[test]
    fn markdown_may_follow_a_block_element_s_end_tag() {
        assert_eq!(
            out("<div class=\"code-example\">\n<h1>Heading 1</h1>\n</div>\n```markdown\n# Heading 1\n```\n"),
            "<div class=\"code-example\">\n<h1>Heading 1</h1>\n</div>\n\n```markdown\n# Heading 1\n```\n"
        );
        // Elements inside a raw one, and HTML after one, stay as they are.
        for kept in [
            "<div>\n<p>a</p>\ntext\n</div>\n",
            "<table>\n<tr><td>a</td></tr>\n</table>\n<p>b</p>\n",
            "<div>\n</div>\n\nText\n",
            "<divider>\n</divider>\ntext\n",
        ] {
            assert_eq!(out(kept), kept, "{kept}");
        }
        // Material's icons page: an inline element's tag alone right after `</div>`
        // opens a paragraph, its Markdown read, as Python-Markdown reads it.
        assert_eq!(
            out("<div class=\"search\">\n  <input type=\"text\">\n</div>\n<small>\n  **Tip:** Enter.\n</small>\n"),
            "<div class=\"search\">\n  <input type=\"text\">\n</div>\n\n<small><!-- -->\n  **Tip:** Enter.\n</small>\n"
        );
    }

    #[test]
    fn a_fence_swallowed_by_html_before_the_rewrite_is_still_code() {
        // Just the Docs' lists page: CommonMark read the first `</div>` as HTML to the
        // blank line, so the fences after it paired the other way round.
        let text = "<div markdown=\"1\">\n- a\n</div>\n```markdown\n- a\n\n* b\n```\n\n<div markdown=\"1\">\n1. c\n</div>\n```markdown\n1. c\n```\n";
        assert_eq!(
            out(text),
            "<div>\n\n- a\n\n</div>\n\n```markdown\n- a\n\n* b\n```\n\n<div>\n\n1. c\n\n</div>\n\n```markdown\n1. c\n```\n"
        );
        assert_eq!(
            code_spans("a `</div>` b ``x`` `open", 10),
            vec![12..20, 23..28]
        );
    }

    #[test]
    fn a_block_element_is_raw_to_its_end_tag_and_an_inline_tag_opens_a_paragraph() {
        // Textual's screenshots: an SVG in a `<div>`, blank lines in its `<style>`.
        assert_eq!(
            out("<div>\n<svg>\n<style>\n\n    .a { x: 1 }\n  \n</style>\n</svg>\n</div>\nText\n"),
            "<div>\n<svg>\n<style>\n<!-- -->\n    .a { x: 1 }\n<!-- -->\n</style>\n</svg>\n</div>\n\nText\n"
        );
        // Jekyll's collections page: `<em>` alone, then text with a link.
        assert_eq!(
            out("Intro.\n\n<em>\n  See [posts](/docs/posts/).\n</em>\n"),
            "Intro.\n\n<em><!-- -->\n  See [posts](/docs/posts/).\n</em>\n"
        );
        for kept in [
            // A textarea's text is shown as written: no comment in it.
            "<div>\n<pre><textarea>\n\nx\n</textarea></pre>\n</div>\n",
            // Code beside blank lines in an element stays code, blank lines in it too.
            "<div class=\"termy\">\n\n```console\n$ a\n\nb\n```\n\n</div>\n",
            "<div>\n\n{% highlight diff %}\n- a\n{% endhighlight %}\n</div>\n",
            // Markdown after a blank line in an element stays Markdown (knative's
            // release notes folded in `<details>`), as CommonMark and GitHub read it.
            "<details><summary>More</summary>\n\n- [a](x)\n</details>\n",
            "<table>\n<tr><td>\n\nText with [a](x)\n</td></tr>\n</table>\n",
            // Not alone on its line, closed on it, inside a paragraph, or followed by
            // a blank line: as CommonMark reads them.
            "<em>a</em>\nb\n",
            "Text\n<em>\nb\n</em>\n",
            "<em>\n\nb\n</em>\n",
            "<br/>\nb\n</p>\n",
        ] {
            assert_eq!(out(kept), kept, "{kept}");
        }
    }

    #[test]
    fn other_elements_and_values_are_left_as_they_are() {
        for text in [
            "<div markdown=\"0\">\n*a*\n</div>\n",
            "<span markdown=\"1\">*a*</span>\n",
            "<div data-markdown=\"1\">\n*a*\n</div>\n",
            "<div markdown=\"1\">\n*never closed*\n",
            "```\n<div markdown=\"1\">\n*a*\n</div>\n```\n",
            "Text about markdown.\n",
        ] {
            assert_eq!(out(text), text, "{text}");
        }
    }

    #[test]
    fn a_list_before_toc_is_the_contents_mark() {
        assert_eq!(
            out("# A\n\n1. TOC\n{:toc}\n\n## B\n"),
            "# A\n\n<!-- toc -->\n\n## B\n"
        );
        assert_eq!(out("* this list is replaced\n{: toc }\n"), "<!-- toc -->\n");
        assert_eq!(out("Text\n{:toc}\n"), "Text\n{:toc}\n");
        assert_eq!(out("```\n* a\n{:toc}\n```\n"), "```\n* a\n{:toc}\n```\n");
    }
}
