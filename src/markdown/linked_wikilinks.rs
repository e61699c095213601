//! `[[…]]` inside a Markdown link's text (`[Added [[bin]] section](https://…)`, a
//! Cargo table named in a changelog): CommonMark (Hugo, Zola, mdBook, GitHub) reads
//! the link, its text holding the brackets, where the parser's wikilinks would take the
//! `[[bin]]` and leave the rest as text (`[Added bin section](https://…)` on the page).
//! So is a link whose whole text is in brackets (`[[全文]](https://…)`, the Rust RFC
//! book's translated council RFC): CommonMark's link says `[全文]`. Outside an
//! Obsidian vault or a Quartz garden, each such `[[…]]` is escaped, so the link is
//! read and its text shows the brackets as written.

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
    // Where the outermost link opens, and the bracket pairs that open with it.
    let mut opener = 0;
    let mut escapes = Vec::new();
    let parser = Parser::new_ext(text, options - Options::ENABLE_WIKILINKS);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Link { .. }) => {
                depth += 1;
                if depth == 1 {
                    span = None;
                    opener = range.start;
                }
            }
            Event::End(TagEnd::Link) => {
                depth -= 1;
                if depth == 0 {
                    if let Some(s) = span.take() {
                        let whole = text[opener..].starts_with("[[")
                            && s.start == opener + 1
                            && text[..s.end].ends_with(']')
                            && s.end > opener + 2
                            && !text[opener + 2..s.end - 1].contains(['[', ']', '\n']);
                        if whole {
                            escapes.extend([opener + 1, s.end - 1]);
                        }
                        spans.push(s);
                    }
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
    escapes.sort_unstable();
    escapes.dedup();
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
        // A link whose whole text is in brackets, inline or by reference.
        assert_eq!(
            out("[[全文]](https://example.org/rfc#motivation)\n").as_deref(),
            Some("[\\[全文\\]](https://example.org/rfc#motivation)\n")
        );
        assert_eq!(
            out("[[1]][note]\n\n[note]: https://example.org\n").as_deref(),
            Some("[\\[1\\]][note]\n\n[note]: https://example.org\n")
        );
        assert_eq!(out("[[a] b](c)\n"), None);
    }
}
