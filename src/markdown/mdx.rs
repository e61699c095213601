//! MDX files (`.mdx`: the Markdown with JSX of Astro, Docusaurus and Next.js sites),
//! read as Markdown. Their JavaScript, which attune does not run, is taken out of the
//! text outside code, so none of it is shown raw: `import` and `export` statements (a
//! block starting with either word at a line's start, to the next blank line outside
//! its brackets: `statements.rs`),
//! components (`<Callout type="tip">`, `<Chart data={{…}} />`: a tag whose name starts
//! with a capital letter, its attributes over any number of lines; between a
//! component's opening and closing tags the Markdown is kept) and `{/* comments */}`,
//! left out without a word, as `%% comments %%` are. Each statement and component is
//! reported where it stands, a warning by default as other tools' template syntax is,
//! an error with `[build] unsupported_syntax = "error"`. A VitePress page's Vue
//! components are read the same way (it has no statements, and reads indented code).

use super::expand::{inside, literal_ranges, Article, Expanded, SegMap, Splice};
use crate::diagnostic::{Code, Diagnostic};
use components::Tag;
use pulldown_cmark::Options;
use std::ops::Range;

mod components;
mod statements;

pub(super) use components::BADGE_OPEN;

/// How far a component's opening tag may run, in bytes (JSON-LD data runs long).
const MAX_TAG: usize = 50_000;

/// Whether the article is an MDX file, or a `.md` page of a site that reads it as one
/// (Docusaurus').
pub(super) fn is_mdx(article: &Article) -> bool {
    article.expressions == super::Expressions::Mdx
        || (article.file.extension()).is_some_and(|e| e.eq_ignore_ascii_case("mdx"))
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
    // A VitePress page (`.md`) holds Vue's components, read as MDX's are; it has no
    // statements or `{/* */}` comments, and it reads indented code.
    let mdx = is_mdx(article);
    let parts = parts(text, options, mdx);
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
    // Each closing tag's opening tag.
    let mut opening_of: Vec<Option<usize>> = vec![None; parts.len()];
    for (i, j) in pair.iter().enumerate() {
        if let Some(j) = j {
            opening_of[*j] = Some(i);
        }
    }
    let cuts = match mdx {
        true => indent_cuts(text, &parts, &pair),
        false => Vec::new(),
    };
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for (i, (range, part)) in parts.iter().enumerate() {
        copy_cut(&mut splice, copied..range.start, &cuts);
        copied = range.end;
        // The components attune draws (`mdx/components.rs`).
        if let Part::Component { name, closing, .. } = part {
            let tag = match closing {
                false => Tag::Opening(&text[range.clone()]),
                true => Tag::Closing(opening_of[i].map(|j| &text[parts[j].0.clone()])),
            };
            if let Some(drawn) = components::in_place(name, tag) {
                splice.insert(&drawn, range.start);
                continue;
            }
        }
        let written = shortened(&text[range.clone()]);
        let (message, help, family) = match part {
            Part::Comment => continue,
            Part::Component { .. } if paired[i] => continue,
            Part::Statement if components::imports_drawn_only(&text[range.clone()]) => continue,
            Part::Statement => (
                format!("MDX statement `{written}` is not supported: attune runs no JavaScript"),
                "the statement is left out of the page; what a component it imports shows, write in Markdown".to_string(),
                "MDX statements".to_string(),
            ),
            Part::Component { name, closing, .. } => {
                let with_pair = match pair[i] {
                    Some(j) => format!("`{written}` … `{}`", shortened(&text[parts[j].0.clone()])),
                    None => format!("`{written}`"),
                };
                let what = if *closing { "closing tag" } else { "component" };
                let family = match pair[i] {
                    Some(_) => format!("uses of the pair `<{name}>`"),
                    None => format!("uses of `<{name}>`"),
                };
                (
                    format!("{} {what} {with_pair} is not supported: the page would lose what `{name}` stands for", if mdx { "MDX" } else { "Vue" }),
                    if pair[i].is_some() {
                        "the page shows the text between the tags, without them; write what the component stands for in Markdown (a callout: > [!NOTE])".to_string()
                    } else {
                        "the tag is left out of the page; write what the component stands for in Markdown".to_string()
                    },
                    family,
                )
            }
        };
        let diagnostic = Diagnostic::error(Code::UnsupportedSyntax, message)
            .help(help)
            .family(family);
        out.unsupported(article, range.start, diagnostic);
    }
    copy_cut(&mut splice, copied..text.len(), &cuts);
    (splice.out, splice.map)
}

/// The indents taken off the lines inside each pair of component tags: MDX reads no
/// indented code, so text indented to follow the tags' nesting (`<Card>` in
/// `<CardGrid>`, a tab deeper each) is text, as its page shows it. Each line loses the
/// smallest indent of the lines of its innermost pair, so what is indented within it
/// (a list item's text, a code block's lines) keeps its place. Sorted ranges.
fn indent_cuts(
    text: &str,
    parts: &[(Range<usize>, Part)],
    pair: &[Option<usize>],
) -> Vec<Range<usize>> {
    let indent = |at: usize| {
        let line = &text[at..text[at..].find('\n').map_or(text.len(), |i| at + i)];
        let ws = line.len() - line.trim_start_matches([' ', '\t']).len();
        (ws, line.trim().is_empty())
    };
    let mut inner: Vec<Range<usize>> = (pair.iter().enumerate())
        .filter_map(|(i, j)| j.map(|j| parts[i].0.end..parts[j].0.start))
        .collect();
    // Outermost first, so a line's innermost pair has the last word.
    inner.sort_by_key(|r| std::cmp::Reverse(r.len()));
    let mut dedent: std::collections::BTreeMap<usize, usize> = Default::default();
    for range in inner {
        let starts: Vec<usize> = std::iter::once(range.start)
            .chain(
                text[range.clone()]
                    .match_indices('\n')
                    .map(|(i, _)| range.start + i + 1),
            )
            .filter(|&at| at < range.end && (at == 0 || text.as_bytes()[at - 1] == b'\n'))
            .collect();
        // The closing tag's own line is the outer pair's.
        let least = starts
            .iter()
            .map(|&at| (at, indent(at)))
            .filter(|&(at, (ws, blank))| !blank && at + ws != range.end)
            .map(|(_, (ws, _))| ws)
            .min()
            .unwrap_or(0);
        dedent.extend(starts.into_iter().map(|at| (at, least)));
    }
    (dedent.into_iter())
        .filter(|&(_, least)| least > 0)
        .map(|(at, least)| at..at + least.min(indent(at).0))
        .filter(|cut| !cut.is_empty())
        .collect()
}

/// `splice.copy` of `range` without the `cuts` in it.
fn copy_cut(splice: &mut Splice, range: Range<usize>, cuts: &[Range<usize>]) {
    let mut from = range.start;
    let first = cuts.partition_point(|c| c.end <= range.start);
    for cut in cuts[first..].iter().take_while(|c| c.start < range.end) {
        splice.copy(from..cut.start.max(from));
        from = from.max(cut.end);
    }
    splice.copy(from..range.end.max(from));
}

/// The statements, components and comments of `text` outside code, in order; in a
/// page that is not `mdx`, its components alone.
fn parts(text: &str, options: Options, mdx: bool) -> Vec<(Range<usize>, Part)> {
    // MDX reads no indented code: a component's tags indented four spaces deep, after a
    // blank line (`    </TabItem>` in Starlight's docs), are tags.
    let indented = match mdx {
        true => indented_code(text, options),
        false => Vec::new(),
    };
    // Starlight's `<Code>` component is no HTML `<code>` element, whose text would be
    // literal: the tags are read under another name of the same length.
    let masked = match text.contains("<Code") || text.contains("</Code") {
        true => std::borrow::Cow::Owned(text.replace("<Code", "<Xode").replace("</Code", "</Xode")),
        false => std::borrow::Cow::Borrowed(text),
    };
    let mut literal = literal_ranges(&masked, options);
    literal.retain(|r| {
        !indented
            .iter()
            .any(|i| i.start <= r.start && r.end <= i.end)
    });
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut paragraphs = None;
    let mut at = 0;
    while at < text.len() {
        let line_start = at == 0 || bytes[at - 1] == b'\n';
        let rest = &text[at..];
        if line_start
            && mdx
            && (rest.starts_with("import ") || rest.starts_with("export "))
            && !inside(&literal, at)
            && !inside(
                paragraphs.get_or_insert_with(|| paragraph_ranges(text, options)),
                at,
            )
        {
            let end = at + statements::statement_end(rest);
            found.push((at..end, Part::Statement));
            at = end;
            continue;
        }
        match bytes[at] {
            b'{' if mdx && rest.starts_with("{/*") && !inside(&literal, at) => {
                if let Some(end) = rest.find("*/}") {
                    found.push((at..at + end + 3, Part::Comment));
                    at += end + 3;
                    continue;
                }
            }
            // Not `\<T>`, a `<` written as text.
            b'<' if !inside(&literal, at) && !escaped(bytes, at) => {
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

/// Where paragraphs go on past their first line: MDX reads an `import` or `export`
/// statement only where a block starts, so a line of prose starting with the word ("then
/// you only need to / import the following modules") goes on with its paragraph.
fn paragraph_ranges(text: &str, options: Options) -> Vec<Range<usize>> {
    pulldown_cmark::Parser::new_ext(text, options)
        .into_offset_iter()
        .filter(|(event, _)| {
            matches!(
                event,
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Paragraph)
            )
        })
        .map(|(_, range)| range.start + 1..range.end)
        .collect()
}

/// Whether the character at `at` is escaped: an odd number of backslashes before it.
fn escaped(bytes: &[u8], at: usize) -> bool {
    bytes[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 1
}

/// The indented code blocks CommonMark reads in `text`.
fn indented_code(text: &str, options: Options) -> Vec<Range<usize>> {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
    let blocks = Parser::new_ext(text, options).into_offset_iter();
    blocks
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => Some(range),
            _ => None,
        })
        .collect()
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

    fn kinds(text: &str, mdx: bool) -> Vec<String> {
        parts(text, Options::empty(), mdx)
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
            kinds(text, true),
            [
                "statement import A from \"./a.astro\";\nimport B from 'b'",
                "A false true",
                "B false false",
                "B true false",
                "comment {/* note */}",
            ]
        );
        // A Vue page (VitePress): components alone, and `\<T>` is text.
        let vue =
            "import A from 'a'\n\n<B kind=\"x\">inner</B> {/* note */} Array\\<T> \\\\<C />\n";
        assert_eq!(
            kinds(vue, false),
            ["B false false", "B true false", "C false true"]
        );
    }
}
