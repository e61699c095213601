//! `[[…]]` inside a Markdown link's text (`[Added [[bin]] section](https://…)`, a
//! Cargo table named in a changelog): CommonMark (Hugo, Zola, mdBook, GitHub) reads
//! the link, its text holding the brackets, where the parser's wikilinks would take the
//! `[[bin]]` and leave the rest as text (`[Added bin section](https://…)` on the page).
//! Outside an Obsidian vault or a Quartz garden, each such `[[…]]` is escaped, so the
//! link is read and its text shows the brackets as written.

use super::expand::{SegMap, Splice};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The text with each `[[…]]` inside a link's text escaped (`\[\[bin\]\]`), and the
/// map back to the text as written; `None` when there is none.
pub(super) fn escape(text: &str, options: Options) -> Option<(String, SegMap)> {
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut code: Vec<Range<usize>> = Vec::new();
    let mut depth = 0;
    let mut span: Option<Range<usize>> = None;
    let parser = Parser::new_ext(text, options - Options::ENABLE_WIKILINKS);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Link { .. }) => {
                depth += 1;
                if depth == 1 {
                    span = None;
                }
            }
            Event::End(TagEnd::Link) => {
                depth -= 1;
                if depth == 0 {
                    spans.extend(span.take());
                }
            }
            _ if depth > 0 => {
                if matches!(event, Event::Code(_)) {
                    code.push(range.clone());
                }
                span = Some(match span.take() {
                    Some(s) => s.start.min(range.start)..s.end.max(range.end),
                    None => range,
                });
            }
            _ => {}
        }
    }
    let mut escapes = Vec::new();
    for span in spans {
        let inner = &text[span.clone()];
        let mut from = 0;
        while let Some(open) = inner[from..].find("[[") {
            let open = from + open;
            let Some(close) = inner[open + 2..].find("]]").map(|c| open + 2 + c) else {
                break;
            };
            from = close + 2;
            let at = |i: usize| span.start + i;
            if inner[open + 2..close].contains(['[', ']', '\n'])
                || code
                    .iter()
                    .any(|c| c.contains(&at(open)) || c.contains(&at(close)))
            {
                continue;
            }
            escapes.extend([at(open), at(open + 1), at(close), at(close + 1)]);
        }
    }
    if escapes.is_empty() {
        return None;
    }
    Some(Splice::escaped(text, &escapes))
}

#[cfg(test)]
mod tests {
    use super::escape;
    use pulldown_cmark::Options;

    fn out(text: &str) -> Option<String> {
        escape(text, Options::ENABLE_WIKILINKS).map(|(out, _)| out)
    }

    #[test]
    fn brackets_in_a_links_text_are_escaped_not_read_as_a_wikilink() {
        // This Month in Rust OSDev's changelog line, as written.
        assert_eq!(
            out("- [Added [[bin]] section to Cargo.toml](https://github.com/x/pull/1412)\n")
                .as_deref(),
            Some(
                "- [Added \\[\\[bin\\]\\] section to Cargo.toml](https://github.com/x/pull/1412)\n"
            )
        );
        // A wikilink of its own, in code, or in an image's text: left as it is.
        assert_eq!(out("See [[bin]] and [a](b).\n"), None);
        assert_eq!(out("[`[[bin]]` table](b)\n"), None);
    }
}
