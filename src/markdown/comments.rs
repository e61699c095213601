//! Obsidian's `%% comments %%`: private notes, never published. From a `%%` outside
//! code (a code span, a code block or math, where it is literal) to the next `%%`,
//! across lines and blank lines, everything is taken out before the text is parsed,
//! so no page, feed, search index or count ever sees it. A `%%` never closed hides the
//! rest of the file, as in Obsidian, with a warning. A `%%` inside a link's address
//! (`[x](24%%201%20Attacks.md)`, as Obsidian writes the path of a folder named `24%`)
//! is the address's own.

use super::expand::{inside, literal_ranges, Article, Expanded, Splice};
use crate::diagnostic::{Code, Diagnostic};
use pulldown_cmark::Options;

/// After this many rounds every `%%` left opens a comment, code or not.
const ROUNDS: usize = 8;

/// `text` without its comments; each round's map goes into `out.maps`.
pub(super) fn strip(text: &str, article: &Article, options: Options, out: &mut Expanded) -> String {
    let mut text = text.to_string();
    // Taking a comment out can change what is code after it (a comment holding a code
    // fence's opening line), so the text is read again until no `%%` outside code is
    // left: the text parsed never shows one.
    for round in 0..=ROUNDS {
        let literal = if round < ROUNDS {
            literal_ranges(&text, options)
        } else {
            Vec::new()
        };
        let mut splice = Splice::new(&text);
        let mut copied = 0;
        let mut from = 0;
        let mut unclosed = None;
        while let Some(found) = text[from..].find("%%") {
            let open = from + found;
            if inside(&literal, open) || in_link_destination(&text, open) {
                from = open + 2;
                continue;
            }
            splice.copy(copied..open);
            match text[open + 2..].find("%%") {
                Some(close) => {
                    copied = open + 2 + close + 2;
                    from = copied;
                }
                None => {
                    unclosed = Some(open);
                    copied = text.len();
                    break;
                }
            }
        }
        if copied == 0 {
            return text;
        }
        splice.copy(copied..text.len());
        let next = splice.out;
        out.maps.0.push(splice.map);
        // A `%%` with nothing after it hides nothing (an Excalidraw drawing's file
        // whose opening `%%` was lost ends so): no warning.
        if let Some(open) = unclosed.filter(|&open| !text[open + 2..].trim().is_empty()) {
            // Where the `%%` is, in the file as written.
            let mut maps = out.maps.clone();
            maps.0.pop();
            let (line, column) = out.position(article, &maps, open);
            out.diagnostics.push(
                Diagnostic::warning(
                    Code::UnclosedComment,
                    "`%%` opens a comment that is never closed: the rest of the file is hidden",
                )
                .at(article.file.to_path_buf(), line, column)
                .help("close the comment with a second `%%`"),
            );
        }
        text = next;
        if !text.contains("%%") {
            break;
        }
    }
    text
}

/// Whether the `%%` at `at` is inside a Markdown link's address on its line: after a
/// `](` with no space or `)` between, and before the `)` that closes it.
fn in_link_destination(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let Some(open) = text[line_start..at].rfind("](") else {
        return false;
    };
    let address = &text[line_start + open + 2..at];
    if address.contains([' ', '\t', ')']) {
        return false;
    }
    let rest = &text[at..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    line.find(')')
        .is_some_and(|close| !line[..close].contains([' ', '\t']))
}
