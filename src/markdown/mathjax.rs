//! mdBook's MathJax delimiters, read when the book's own book.toml sets
//! `[output.html] mathjax-support = true`: `\\( … \\)` inline and `\\[ … \\]` on
//! display, as mdBook's pages pass them to MathJax (Markdown first reads `\\` as one
//! backslash, so MathJax sees `\( … \)`). Each becomes attune's `$…$` or `$$…$$`,
//! what is between them read as Markdown read it for MathJax: a backslash before
//! ASCII punctuation is Markdown's escape and goes (`\\\\` is TeX's `\\`, `\_` is
//! `_`); a backslash before a letter stays (`\frac`). Outside code only; a delimiter
//! with no closing one before a blank line stays text, as MathJax leaves it.

//!
//! A Hugo site whose configuration turns on goldmark's passthrough extension (Hugo's
//! advice for math: `delimiters.inline = [['\\(', '\\)']]`, `block = [['\\[', '\\]'],
//! ['$$', '$$']]`) writes its formulas with one backslash, `\( … \)`, and Markdown
//! leaves what stands between the delimiters as written: each pair it lists is math
//! there, its TeX taken as it is.

use super::expand::{inside, literal_ranges, Article, Expanded, Expressions, SegMap, Splice};
use pulldown_cmark::Options;
use std::ops::Range;

/// The text with the formulas the page's delimiters mark written as attune's math:
/// mdBook's MathJax ones, a Hugo or Zola page's that asks for math, a Hugo site's
/// passthrough pairs. Sets `out.mathjax` when the page reads MathJax's.
pub(super) fn passes(
    mut text: String,
    article: &Article,
    options: Options,
    out: &mut Expanded,
) -> String {
    let hugo_math = article.expressions == Expressions::Text && asked_for(article);
    out.mathjax = article.mathjax || hugo_math;
    if out.mathjax && crate::text::holds(&text, "\\\\") {
        if let Some((rewritten, map)) = rewrite(&text, options) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    if article.expressions == Expressions::Text && !article.passthrough.is_empty() {
        if let Some((rewritten, map)) = passthrough(&text, options, article.passthrough) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    text
}

/// The text with each formula between a pair of Hugo's passthrough `delimiters`
/// (`(open, close, display)`) written as `$…$` or `$$…$$`, its TeX as written;
/// `None` when there is none. `$$` pairs are attune's own already; code, an unclosed
/// delimiter (before a blank line) and an escaped one (`\\(`) stay text.
fn passthrough(
    text: &str,
    options: Options,
    delimiters: &[(String, String, bool)],
) -> Option<(String, SegMap)> {
    let pairs: Vec<_> = delimiters
        .iter()
        .filter(|(open, close, _)| !(open.starts_with('$') && close.starts_with('$')))
        .filter(|(open, _, _)| crate::text::holds(text, open))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let literal = literal_ranges(text, options);
    let mut splice = Splice::new(text);
    let (mut copied, mut from, mut any) = (0, 0, false);
    while from < text.len() {
        let next = pairs
            .iter()
            .filter_map(|pair| Some((from + text[from..].find(pair.0.as_str())?, *pair)))
            .min_by_key(|(at, pair)| (*at, usize::MAX - pair.0.len()));
        let Some((at, (open, close, display))) = next else {
            break;
        };
        from = at + open.len();
        let escaped = at > 0 && text.as_bytes()[at - 1] == b'\\';
        if escaped || inside(&literal, at) {
            continue;
        }
        let start = at + open.len();
        let Some(end) = closing(text, start, close) else {
            continue;
        };
        let tex = text[start..end].trim();
        if tex.is_empty() || tex.contains('$') {
            continue;
        }
        let dollars = if *display { "$$" } else { "$" };
        splice.copy(copied..at);
        formula(&mut splice, text, at, start..end, dollars, false);
        copied = end + close.len();
        from = copied;
        any = true;
    }
    if !any {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// The text with every MathJax formula written as attune's math, and the map back to
/// the text as written; `None` when there is none.
pub(super) fn rewrite(text: &str, options: Options) -> Option<(String, SegMap)> {
    let mut literal = None;
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut from = 0;
    let mut any = false;
    while let Some(i) = text[from..].find("\\\\") {
        let at = from + i;
        from = at + 2;
        let (close, dollars) = match text.as_bytes().get(at + 2) {
            Some(b'(') => ("\\\\)", "$"),
            Some(b'[') => ("\\\\]", "$$"),
            _ => continue,
        };
        // `\\\(`: an escaped backslash, then an escaped bracket: text.
        if at > 0 && text.as_bytes()[at - 1] == b'\\' {
            continue;
        }
        let start = at + 3;
        let Some(end) = closing(text, start, close) else {
            continue;
        };
        let literal = literal.get_or_insert_with(|| literal_ranges(text, options));
        if inside(literal, at) {
            continue;
        }
        let tex = text[start..end].trim();
        if tex.is_empty() {
            continue;
        }
        splice.copy(copied..at);
        formula(&mut splice, text, at, start..end, dollars, true);
        copied = end + close.len();
        from = copied;
        any = true;
    }
    if !any {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// Writes the formula whose opening delimiter is at `at` and whose TeX stands in
/// `inner` (up to its closing delimiter) as attune's math, between `dollars`: its TeX
/// trimmed, as written or, read as Markdown read it for MathJax, `unescape`d.
fn formula(
    splice: &mut Splice,
    text: &str,
    at: usize,
    inner: Range<usize>,
    dollars: &str,
    unescape: bool,
) {
    let written = &text[inner.clone()];
    let tex_start = inner.start + (written.len() - written.trim_start().len());
    let tex = tex_start..tex_start + written.trim().len();
    splice.insert(dollars, at);
    match unescape {
        true => unescaped(splice, text, tex),
        false => splice.copy(tex),
    }
    splice.insert(dollars, inner.end);
}

/// Whether a Hugo or Zola page asks its theme for math as LoveIt, FixIt, Stack and
/// PaperMod read it: `math: true` (or LoveIt's `math: {enable: true}`), `katex: true`
/// or `mathjax: true` in its front matter (Zola's under `[extra]`), or the site's
/// `[params] math` (Hugo's own advice). KaTeX's and MathJax's `\\( … \\)` and
/// `\\[ … \\]` are then math on it, as on an mdBook with `mathjax-support`.
fn asked_for(article: &super::expand::Article) -> bool {
    use serde_json::Value;
    let on = |value: Option<&Value>| match value {
        Some(Value::Bool(on)) => *on,
        Some(Value::Object(o)) => o.get("enable").and_then(Value::as_bool) == Some(true),
        _ => false,
    };
    let asks = |values: &Value| {
        let places = [Some(values), values.get("extra"), values.get("params")];
        let places = places.into_iter().flatten();
        places
            .flat_map(|at| ["math", "katex", "mathjax"].map(|k| at.get(k)))
            .any(on)
    };
    let page = crate::load::hugo_params::front_values(article.front_matter);
    page.as_ref().is_some_and(asks) || article.site_params.is_some_and(asks)
}

/// Where the closing delimiter `close` of a formula whose TeX starts at `start` is:
/// the first one not itself escaped, before any blank line.
fn closing(text: &str, start: usize, close: &str) -> Option<usize> {
    let mut from = start;
    let blank = text[start..].find("\n\n").map_or(text.len(), |b| start + b);
    loop {
        let end = from + text[from..blank].find(close)?;
        if end > start && text.as_bytes()[end - 1] == b'\\' {
            from = end + 1;
            continue;
        }
        return Some(end);
    }
}

/// Copies `range` of `text` into `splice` without Markdown's backslash escapes: a
/// backslash before ASCII punctuation is left out, as Markdown leaves it out.
fn unescaped(splice: &mut Splice, text: &str, range: std::ops::Range<usize>) {
    let bytes = text.as_bytes();
    let mut copied = range.start;
    let mut i = range.start;
    while i + 1 < range.end {
        if bytes[i] == b'\\' && bytes[i + 1].is_ascii_punctuation() {
            splice.copy(copied..i);
            copied = i + 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    splice.copy(copied..range.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Option<String> {
        rewrite(text, Options::ENABLE_MATH).map(|(out, _)| out)
    }

    #[test]
    fn mathjax_delimiters_are_math_as_mdbook_passes_them() {
        assert_eq!(
            run("Range \\\\( 2^{24}-1 \\\\) here.\n").as_deref(),
            Some("Range $2^{24}-1$ here.\n")
        );
        assert_eq!(
            run("\\\\[-\\frac{2^N}{2} \\text{ até } x\\\\]\n").as_deref(),
            Some("$$-\\frac{2^N}{2} \\text{ até } x$$\n")
        );
        // Markdown's escapes go, TeX's commands stay.
        assert_eq!(
            run("\\\\[ a \\\\\\\\ b\\_1 \\\\{x\\\\} \\\\]\n").as_deref(),
            Some("$$a \\\\ b_1 \\{x\\}$$\n")
        );
    }

    #[test]
    fn code_unclosed_and_escaped_delimiters_stay_text() {
        assert_eq!(run("`\\\\( x \\\\)` in code\n"), None);
        assert_eq!(run("```\n\\\\( x \\\\)\n```\n"), None);
        assert_eq!(run("\\\\( x\n\nnever closed \\\\)\n"), None);
        assert_eq!(run("an escaped \\\\\\( x \\\\)\n"), None);
        assert_eq!(run("regex \\\\(\\\\)\n"), None);
    }
}
