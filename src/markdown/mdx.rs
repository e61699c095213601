//! MDX files (`.mdx`: the Markdown with JSX of Astro, Docusaurus and Next.js sites),
//! read as Markdown. Their JavaScript, which attune does not run, is taken out of the
//! text outside code, so none of it is shown raw: `import` and `export` statements (a
//! block starting with either word at a line's start, to the next blank line),
//! components (`<Callout type="tip">`, `<Chart data={{…}} />`: a tag whose name starts
//! with a capital letter, its attributes over any number of lines; between a
//! component's opening and closing tags the Markdown is kept) and `{/* comments */}`,
//! left out without a word, as `%% comments %%` are. Each statement and component is
//! reported where it stands, a warning by default as other tools' template syntax is,
//! an error with `[build] unsupported_syntax = "error"`.

use super::expand::{inside, literal_ranges, Article, Expanded, SegMap, Splice};
use crate::diagnostic::{Code, Diagnostic};
use pulldown_cmark::Options;
use std::ops::Range;

/// How far a component's opening tag may run, in bytes (JSON-LD data runs long).
const MAX_TAG: usize = 50_000;

/// Whether the article is an MDX file.
pub(super) fn is_mdx(article: &Article) -> bool {
    article
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("mdx"))
}

enum Part {
    /// `import …` or `export …`.
    Statement,
    /// `<Name …>`, `<Name … />` (`closes_itself`) or `</Name>` (`closing`).
    Component {
        name: String,
        closing: bool,
        closes_itself: bool,
    },
    /// `{/* … */}`
    Comment,
}

/// The text with the MDX parts taken out, and the diagnostics for them in `out`.
pub(super) fn strip(
    text: &str,
    article: &Article,
    options: Options,
    out: &mut Expanded,
) -> (String, SegMap) {
    let parts = parts(text, options);
    // Each opening tag's closing tag, paired as they nest.
    let mut pair: Vec<Option<usize>> = vec![None; parts.len()];
    let mut paired = vec![false; parts.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, (_, part)) in parts.iter().enumerate() {
        if let Part::Component {
            name,
            closing,
            closes_itself: false,
        } = part
        {
            if !closing {
                open.push(i);
            } else if let Some(at) = open
                .iter()
                .rposition(|&j| matches!(&parts[j].1, Part::Component { name: n, .. } if n == name))
            {
                pair[open[at]] = Some(i);
                paired[i] = true;
                open.truncate(at);
            }
        }
    }
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for (i, (range, part)) in parts.iter().enumerate() {
        splice.copy(copied..range.start);
        copied = range.end;
        let written = shortened(&text[range.clone()]);
        let (message, help) = match part {
            Part::Comment => continue,
            Part::Component { .. } if paired[i] => continue,
            Part::Statement => (
                format!("MDX statement `{written}` is not supported: attune runs no JavaScript"),
                "the statement is left out of the page; what a component it imports shows, write in Markdown".to_string(),
            ),
            Part::Component { name, closing, .. } => {
                let with_pair = match pair[i] {
                    Some(j) => format!("`{written}` … `{}`", shortened(&text[parts[j].0.clone()])),
                    None => format!("`{written}`"),
                };
                let what = if *closing { "closing tag" } else { "component" };
                (
                    format!("MDX {what} {with_pair} is not supported: the page would lose what `{name}` stands for"),
                    if pair[i].is_some() {
                        "the page shows the text between the tags, without them; write what the component stands for in Markdown (a callout: > [!NOTE])".to_string()
                    } else {
                        "the tag is left out of the page; write what the component stands for in Markdown".to_string()
                    },
                )
            }
        };
        let diagnostic = Diagnostic::error(Code::UnsupportedSyntax, message).help(help);
        out.unsupported(article, range.start, diagnostic);
    }
    splice.copy(copied..text.len());
    (splice.out, splice.map)
}

/// The statements, components and comments of `text` outside code, in order.
fn parts(text: &str, options: Options) -> Vec<(Range<usize>, Part)> {
    let literal = literal_ranges(text, options);
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let line_start = at == 0 || bytes[at - 1] == b'\n';
        let rest = &text[at..];
        if line_start
            && (rest.starts_with("import ") || rest.starts_with("export "))
            && !inside(&literal, at)
        {
            let end = rest.find("\n\n").map_or(text.len(), |i| at + i);
            found.push((at..end, Part::Statement));
            at = end;
            continue;
        }
        match bytes[at] {
            b'{' if rest.starts_with("{/*") && !inside(&literal, at) => {
                if let Some(end) = rest.find("*/}") {
                    found.push((at..at + end + 3, Part::Comment));
                    at += end + 3;
                    continue;
                }
            }
            b'<' if !inside(&literal, at) => {
                if let Some((end, part)) = component(rest) {
                    found.push((at..at + end, part));
                    at += end;
                    continue;
                }
            }
            _ => {}
        }
        at += rest.chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// The component tag `rest` opens with (`<Name`, `</Name`): its length and what it is.
fn component(rest: &str) -> Option<(usize, Part)> {
    let closing = rest.starts_with("</");
    let from = if closing { 2 } else { 1 };
    let name_len = rest[from..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(rest.len() - from);
    let name = &rest[from..from + name_len];
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    // To the `>` that ends the tag: not one inside `{…}` or a quoted value.
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut last = ' ';
    for (i, c) in rest[from + name_len..].char_indices() {
        let i = from + name_len + i;
        if i > MAX_TAG {
            return None;
        }
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => depth = depth.checked_sub(1)?,
            (None, '>') if depth == 0 => {
                return Some((
                    i + 1,
                    Part::Component {
                        name: name.to_string(),
                        closing,
                        closes_itself: last == '/',
                    },
                ));
            }
            (None, '<') if depth == 0 => return None,
            _ => {}
        }
        if !c.is_whitespace() {
            last = c;
        }
    }
    None
}

/// A tag as a diagnostic quotes it: on one line, its first 60 characters.
fn shortened(written: &str) -> String {
    let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = written.chars().take(60).collect();
    if short.len() < written.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        parts(text, Options::empty())
            .into_iter()
            .map(|(r, p)| match p {
                Part::Statement => format!("statement {}", &text[r]),
                Part::Comment => format!("comment {}", &text[r]),
                Part::Component {
                    name,
                    closing,
                    closes_itself,
                } => format!("{name} {closing} {closes_itself}"),
            })
            .collect()
    }

    #[test]
    fn statements_components_and_comments_are_found_outside_code() {
        let text = "import A from \"./a.astro\";\nimport B from 'b'\n\n# Title\n\n<A\n  data={{ \"k\": \"a > b\", \"n\": {\"x\": 1} }}\n/>\n\nText <B kind=\"x\">inner</B> and {/* note */}.\n\n`<C />` and\n\n```\n<D />\nimport x\n```\n\n<div>html</div> a < b\n";
        assert_eq!(
            kinds(text),
            [
                "statement import A from \"./a.astro\";\nimport B from 'b'",
                "A false true",
                "B false false",
                "B true false",
                "comment {/* note */}",
            ]
        );
    }
}
