//! The blocks a Logseq graph's pages write as Org does, `#+BEGIN_NAME` … `#+END_NAME`
//! (any case, often as a list item's text), read as Logseq shows them:
//!
//! - `NOTE`, `TIP`, `IMPORTANT`, `CAUTION`, `WARNING` and `PINNED`: a callout of that
//!   kind (`> [!tip]`; a pinned note is a note);
//! - `QUOTE`: a quote; `SRC lang` and `EXAMPLE`: a code block (in `lang`);
//! - `COMMENT`: never published, as `%% … %%` in a vault;
//! - `QUERY`: left out with an `unsupported-syntax` report, as `{{query …}}` is
//!   (`logseq.rs`): Logseq fills it in from its own database;
//! - any other (`CENTER`, `VERSE`, `EXPORT html`, a name of the author's): its text.
//!
//! A block no `#+END_` of its name closes is text, as in Logseq.

use super::expand::{inside, literal_ranges, Article, Expanded, SegMap, Splice};
use pulldown_cmark::Options;

/// Whether `text` may hold a block (any case): a cheap test before parsing.
pub(super) fn may_hold(text: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), b"#+").any(|at| {
        text.as_bytes()
            .get(at + 2..at + 8)
            .is_some_and(|word| word.eq_ignore_ascii_case(b"BEGIN_"))
    })
}

/// The text with each block written as Markdown, with its map; `None` when there is
/// none. A query's report goes to `out`.
pub(super) fn rewrite(
    text: &str,
    article: &Article,
    options: Options,
    out: &mut Expanded,
) -> Option<(String, SegMap)> {
    let literal = literal_ranges(text, options);
    let lines: Vec<(usize, &str)> = crate::text::lines_at(text).collect();
    // Each name's closing lines, in order: found once, however many blocks open.
    let mut ends: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (j, (_, line)) in lines.iter().enumerate() {
        if let Some(name) = end_name(line) {
            ends.entry(name).or_default().push(j);
        }
    }
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut i = 0;
    while i < lines.len() {
        let (start, line) = lines[i];
        let opening = begin(line).filter(|b| !inside(&literal, start + b.lead.len()));
        let Some(block) = opening else {
            i += 1;
            continue;
        };
        let later = ends.get(&block.name.to_ascii_lowercase()).and_then(|at| {
            let next = at.partition_point(|&j| j <= i);
            at.get(next).copied()
        });
        let Some(end) = later else {
            i += 1;
            continue;
        };
        let body = &lines[i + 1..end];
        let (end_start, end_line) = lines[end];
        let after = end_start + end_line.len();
        splice.copy(copied..start);
        copied = after;
        let kind = block.name.to_ascii_lowercase();
        let newline = |l: &str| if l.ends_with('\n') { "\n" } else { "" };
        match kind.as_str() {
            "comment" => {}
            "query" => {
                let written = format!("#+BEGIN_{}", block.name);
                let diagnostic = super::logseq::from_database("query", &written);
                out.unsupported(article, start + block.lead.len(), diagnostic);
            }
            "src" | "example" => {
                let longest = body.iter().map(|(_, l)| longest_run(l, '`')).max();
                let fence = "`".repeat(longest.unwrap_or(0).max(2) + 1);
                let lang = if kind == "src" { block.args } else { "" };
                let lang = lang.split_whitespace().next().unwrap_or("");
                splice.insert(&format!("{}{fence}{lang}\n", block.lead), start);
                for &(at, l) in body {
                    splice.copy(at..at + l.len());
                }
                let indent = &end_line[..end_line.len() - end_line.trim_start().len()];
                let closing = format!("{indent}{fence}{}", newline(end_line));
                splice.insert(&closing, end_start);
            }
            _ => {
                let quoted = match kind.as_str() {
                    "note" | "pinned" => Some("> [!note]"),
                    "tip" => Some("> [!tip]"),
                    "important" => Some("> [!important]"),
                    "caution" => Some("> [!caution]"),
                    "warning" => Some("> [!warning]"),
                    "quote" => Some(">"),
                    _ => None,
                };
                let margin = common_indent(body.iter().map(|(_, l)| *l));
                match quoted {
                    Some(first) => splice.insert(&format!("{}{first}\n", block.lead), start),
                    // A list item whose text the block was keeps its marker.
                    None if !block.lead.trim().is_empty() => {
                        splice.insert(&format!("{}\n", block.lead.trim_end()), start)
                    }
                    None => {}
                }
                for &(at, l) in body {
                    if quoted.is_none() {
                        splice.copy(at..at + l.len());
                    } else if l.trim().is_empty() {
                        splice.insert(&format!("{margin}>{}", newline(l)), at);
                    } else {
                        // Within the margin every line shares, so the quote stays in
                        // the list item the block is the text of.
                        let cut = margin.len().min(l.len() - l.trim_start().len());
                        splice.copy(at..at + cut);
                        splice.insert("> ", at + cut);
                        splice.copy(at + cut..at + l.len());
                    }
                }
            }
        }
        i = end + 1;
    }
    if copied == 0 {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// A block's opening line, read.
struct Begin<'t> {
    /// What stands before `#+BEGIN_`: an indent, maybe a list item's marker.
    lead: &'t str,
    /// The block's name as written (`SRC`).
    name: &'t str,
    /// What follows the name (`clojure`).
    args: &'t str,
}

/// The block `line` opens: `#+BEGIN_NAME args` alone on it, after an indent and maybe
/// a list item's marker (`- `).
fn begin(line: &str) -> Option<Begin<'_>> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let marker = ["- ", "* ", "+ "]
        .iter()
        .find(|m| rest.starts_with(**m))
        .map_or(0, |m| m.len());
    let lead_len = indent + marker + rest[marker..].len() - rest[marker..].trim_start().len();
    let tag = line[lead_len..].trim_end();
    let word = tag.get(..8)?;
    if !word.eq_ignore_ascii_case("#+BEGIN_") {
        return None;
    }
    let (name, args) = tag[8..]
        .split_once(char::is_whitespace)
        .unwrap_or((&tag[8..], ""));
    let named = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    named.then(|| Begin {
        lead: &line[..lead_len],
        name,
        args: args.trim(),
    })
}

/// The name (in lower case) of the block `line` closes: `#+END_NAME` alone after an
/// indent.
fn end_name(line: &str) -> Option<String> {
    let tag = line.trim();
    let end = tag.get(..6)?.eq_ignore_ascii_case("#+END_");
    end.then(|| tag[6..].to_ascii_lowercase())
}

/// The leading whitespace every line that holds something shares.
fn common_indent<'t>(lines: impl Iterator<Item = &'t str>) -> &'t str {
    let mut common: Option<&str> = None;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let indent = &line[..line.len() - line.trim_start().len()];
        common = Some(match common {
            None => indent,
            Some(c) => {
                let shared = c.chars().zip(indent.chars()).take_while(|(a, b)| a == b);
                &c[..shared.map(|(a, _)| a.len_utf8()).sum::<usize>()]
            }
        });
    }
    common.unwrap_or("")
}

/// The longest run of `c` in `line`.
fn longest_run(line: &str, c: char) -> usize {
    line.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_indented_with_different_wide_spaces_share_no_part_of_one() {
        // U+2000 and U+2001 share their first two bytes.
        let lines = ["\u{2000}a\n", "\u{2001}b\n"];
        assert_eq!(common_indent(lines.into_iter()), "");
        assert_eq!(
            common_indent(["\t\u{2000}a", "\t\u{2000}\u{2000}b"].into_iter()),
            "\t\u{2000}"
        );
    }

    #[test]
    fn an_opening_line_is_read_after_an_indent_and_a_list_marker() {
        let b = begin("\t- #+BEGIN_SRC clojure\n").unwrap();
        assert_eq!((b.lead, b.name, b.args), ("\t- ", "SRC", "clojure"));
        let b = begin("#+begin_note\n").unwrap();
        assert_eq!((b.lead, b.name, b.args), ("", "note", ""));
        assert!(begin("text #+BEGIN_NOTE\n").is_none());
        assert!(begin("#+BEGIN_\n").is_none());
        assert_eq!(end_name("  #+end_SRC\n").as_deref(), Some("src"));
        assert_eq!(end_name("  #+END_SRC x\n").as_deref(), Some("src x"));
        assert_eq!(end_name("text #+END_SRC\n"), None);
        assert!(may_hold("- #+begin_tip"));
        assert!(!may_hold("#+TITLE: x"));
    }
}
