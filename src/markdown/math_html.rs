//! Math in raw HTML blocks (`<p id="batch">$$ \frac{1}{N} $$</p>`): mdbook-katex reads
//! a chapter's text before Markdown does, and KaTeX's and MathJax's auto-render read
//! the page's text, so `$$…$$` and `$…$` inside HTML are formulas there too, and on a
//! page that reads MathJax's delimiters, `\(…\)` and `\[…\]` (`mathjax.rs`). Read in
//! the text between tags only, never in `code`, `pre`, `kbd`, `samp`, `script`,
//! `style`, `textarea` or `math`, nor in a comment; `\$` is a dollar sign.

use super::builder::Builder;
use std::ops::Range;

/// Elements whose text is never math.
const LITERAL: &[&str] = &[
    "code", "pre", "kbd", "samp", "script", "style", "textarea", "math",
];

/// The formulas in `html`'s text: the range of each, delimiters included, the range
/// of its TeX, and whether it is displayed (`$$`).
fn formulas(html: &str, mathjax: bool) -> Vec<(Range<usize>, Range<usize>, bool)> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut literal = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if html[i..].starts_with("<!--") => {
                i = html[i..].find("-->").map_or(bytes.len(), |end| i + end + 3);
            }
            b'<' => {
                let close = html[i..].find('>').map(|end| i + end);
                let tag = &html[i + 1..close.unwrap_or(bytes.len())];
                let tag_end = close.map_or(bytes.len(), |at| at + 1);
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if LITERAL.contains(&name.as_str()) {
                    if closing {
                        literal = literal.saturating_sub(1);
                    } else if !tag.ends_with('/') {
                        literal += 1;
                    }
                }
                i = tag_end;
            }
            b'\\' => match mathjax_close(html, i).filter(|_| mathjax && literal == 0) {
                Some((whole, tex, display)) => {
                    i = whole.end;
                    found.push((whole, tex, display));
                }
                None => i += 2,
            },
            b'$' if literal == 0 => match close(html, i) {
                Some((whole, tex, display)) => {
                    i = whole.end;
                    found.push((whole, tex, display));
                }
                None => i += 1 + usize::from(html[i..].starts_with("$$")),
            },
            _ => i += 1,
        }
    }
    found
}

/// The formula opening at `open`, by the rules the Markdown text follows: `$$…$$`, or
/// `$…$` whose `$` opens before a non-space and closes after one, not before a digit
/// nor, in HTML's text, a letter (JSON in a `<details>`, `"$schema": … "$connections"`,
/// is no formula); within the text (no tag inside) and no blank line.
fn close(html: &str, open: usize) -> Option<(Range<usize>, Range<usize>, bool)> {
    let display = html[open..].starts_with("$$");
    let delimiter = if display { "$$" } else { "$" };
    let start = open + delimiter.len();
    let rest = &html[start..];
    let stop = rest
        .find(['<'])
        .into_iter()
        .chain(rest.find("\n\n"))
        .min()
        .unwrap_or(rest.len());
    let mut from = 0;
    while let Some(at) = rest[from..stop].find(delimiter) {
        let end = from + at;
        let escaped = rest[..end].ends_with('\\');
        let tex = &rest[..end];
        let ok = !escaped
            && !tex.trim().is_empty()
            && (display
                || (!tex.starts_with(char::is_whitespace)
                    && !tex.ends_with(char::is_whitespace)
                    && !rest[end + 1..].starts_with(|c: char| c.is_ascii_alphanumeric())));
        if ok {
            let whole = open..start + end + delimiter.len();
            return Some((whole, start..start + end, display));
        }
        if !display && !escaped {
            return None;
        }
        from = end + delimiter.len();
    }
    None
}

/// The formula MathJax's `\\(` or `\\[` opens at `open`: to its `\\)` or `\\]` within
/// the text (no tag inside) and no blank line.
fn mathjax_close(html: &str, open: usize) -> Option<(Range<usize>, Range<usize>, bool)> {
    let display = html[open..].starts_with("\\[");
    let closing = match display {
        true => "\\]",
        false if html[open..].starts_with("\\(") => "\\)",
        false => return None,
    };
    let rest = &html[open + 2..];
    let stop = (rest.find('<').into_iter())
        .chain(rest.find("\n\n"))
        .min()
        .unwrap_or(rest.len());
    let end = rest[..stop].find(closing)?;
    (!rest[..end].trim().is_empty())
        .then(|| (open..open + 2 + end + 2, open + 2..open + 2 + end, display))
}

impl Builder<'_, '_> {
    /// `html`, a raw HTML block made of `pieces` (its lines as written, each with its
    /// offset), with its formulas as MathML. `html` differs from the pieces only inside
    /// tags, so its formulas are theirs, in the same order.
    pub(super) fn math_in_html(&mut self, html: String, pieces: &[(String, usize)]) -> String {
        if !(html.contains('$') || self.mathjax && html.contains('\\')) {
            return html;
        }
        let written: String = pieces.iter().map(|(text, _)| text.as_str()).collect();
        let places = formulas(&written, self.mathjax);
        let here = formulas(&html, self.mathjax);
        if places.len() != here.len() {
            return html;
        }
        let mut starts = Vec::with_capacity(pieces.len());
        let mut length = 0;
        for (text, offset) in pieces {
            starts.push((length, *offset));
            length += text.len();
        }
        let source = |at: usize| {
            let piece = starts.partition_point(|&(s, _)| s <= at).saturating_sub(1);
            let (start, offset) = starts.get(piece).copied().unwrap_or((0, 0));
            offset + (at - start)
        };
        let mut out = String::with_capacity(html.len());
        let mut from = 0;
        for ((_, tex_at, _), (whole, tex, display)) in places.iter().zip(here) {
            let range = source(tex_at.start)..source(tex_at.end);
            let markup = self.math_markup(&html[tex.clone()], display, &range);
            out.push_str(&html[from..whole.start]);
            out.push_str(&markup);
            from = whole.end;
        }
        out.push_str(&html[from..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::formulas;

    fn texts(html: &str) -> Vec<(&str, bool)> {
        texts_with(html, false)
    }

    fn texts_with(html: &str, mathjax: bool) -> Vec<(&str, bool)> {
        formulas(html, mathjax)
            .into_iter()
            .map(|(_, tex, display)| (&html[tex], display))
            .collect()
    }

    #[test]
    fn a_tag_left_open_before_a_wide_character_is_read_to_the_end() {
        // Found by the property test: `<𞴁` with no `>` sliced inside the character.
        assert!(formulas("<script>$<\u{1ED01}", true).is_empty());
        assert!(formulas("<p>\\(x<", true).is_empty());
        assert_eq!(texts("<b $x$"), Vec::<(&str, bool)>::new());
    }

    #[test]
    fn formulas_are_found_in_text_between_tags_only() {
        assert_eq!(
            texts("<p id=\"batch\">$$ \\frac{1}{N} $$</p>\n<p>and $x^2$ here</p>"),
            vec![(" \\frac{1}{N} ", true), ("x^2", false)]
        );
        // Prices, escapes, code, comments and attributes stay text.
        assert!(texts("<p>$5 and $10, \\$x\\$</p>").is_empty());
        assert!(texts("<pre><code>$x$</code></pre><!-- $y$ --><a title=\"$z$\">a</a>").is_empty());
        assert!(texts("<p>$a</p><p>b$</p>").is_empty());
        // HackTricks' workflow code, a fence inside `<details>` that is the HTML
        // block's text: the `$` of JSON keys open and close no formula.
        let json = "<summary>Code</summary>\n```json\n{\n  \"$schema\": \"https://x.example/a.json#\",\n  \"$connections\": {}\n}\n```";
        assert!(texts(json).is_empty());
        assert_eq!(
            texts("<td>$x$</td><td>$$y$$</td>"),
            vec![("x", false), ("y", true)]
        );
    }

    #[test]
    fn mathjax_delimiters_are_formulas_on_a_page_that_reads_them() {
        // PaperMod's demo: `<p>Inline math: \(\varphi = …\)</p>`, KaTeX's auto-render.
        let html = "<p>Inline \\(\\varphi = 1\\) and</p>\n<p>\\[x^2\\]</p><code>\\(c\\)</code>";
        assert_eq!(
            texts_with(html, true),
            vec![("\\varphi = 1", false), ("x^2", true)]
        );
        assert!(texts(html).is_empty());
        // Unclosed, across a tag or a blank line, or empty: text.
        assert!(texts_with("<p>\\(a</p>\\) \\(b\n\nc\\) \\( \\)", true).is_empty());
    }
}
