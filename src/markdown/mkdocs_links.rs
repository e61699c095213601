//! Python-Markdown reads a link's address up to its closing parenthesis, spaces and
//! balanced parentheses included: `[Phishing](Segurança da Informação.md)` and
//! `[MITM](Man-in-the-Middle (MITM).md)` are links on an MkDocs site (an Obsidian vault
//! published with MkDocs writes them so, 172 on one site), where CommonMark reads them
//! as text. On an MkDocs site, such an address is written in angle brackets, the form
//! CommonMark reads spaces in, before the text is parsed; a title after it in quotes
//! stays its title.
//!
//! So does a link reference definition's title in parentheses: Python-Markdown reads
//! `[comment]: <> (A note (for editors) only)` as a definition, a comment that is never
//! shown, where CommonMark ends the title at the first `)` and shows the line. Its
//! inner parentheses are escaped, the form CommonMark reads as a definition.

use super::expand::{literal_ranges, SegMap, Splice};
use pulldown_cmark::Options;
use std::ops::Range;

/// Whether `text` may hold a link whose address has a space, or a definition whose
/// title holds parentheses.
pub(super) fn may_hold(text: &str) -> bool {
    let spaced = text.match_indices("](").any(|(at, _)| {
        text[at + 2..]
            .split([')', '\n'])
            .next()
            .is_some_and(|d| d.contains(' '))
    });
    spaced || crate::text::holds(text, "]:") && text.lines().any(|l| title_parentheses(l).is_some())
}

/// The text with each such address in angle brackets, and the map back; `None` when
/// there is none.
pub(super) fn rewrite(text: &str, options: Options) -> Option<(String, SegMap)> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut literal = None;
    for (at, _) in text.match_indices("](") {
        let start = at + 2;
        let Some(address) = address(&text[start..]) else {
            continue;
        };
        let literal = literal.get_or_insert_with(|| literal_ranges(text, options));
        if !literal.iter().any(|r| r.contains(&at)) {
            found.push(start..start + address);
        }
    }
    let mut inserts: Vec<(usize, &str)> = found
        .into_iter()
        .flat_map(|address| [(address.start, "<"), (address.end, ">")])
        .collect();
    let mut line_start = 0;
    let mut after_blank = true;
    for line in text.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let parentheses = title_parentheses(line);
        let definition = parentheses.is_some();
        if let Some(parentheses) = parentheses.filter(|_| after_blank) {
            let literal = literal.get_or_insert_with(|| literal_ranges(text, options));
            if !literal.iter().any(|r| r.contains(&at)) {
                inserts.extend(parentheses.into_iter().map(|p| (at + p, "\\")));
            }
        }
        after_blank = definition || line.trim().is_empty();
    }
    if inserts.is_empty() {
        return None;
    }
    inserts.sort_by_key(|&(at, _)| at);
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for (at, insert) in inserts {
        splice.copy(copied..at);
        splice.insert(insert, at);
        copied = at;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// Where the parentheses inside the title of the link reference definition `line` are
/// (`[comment]: <> (A note (for editors) only)`, as Python-Markdown reads one: up to
/// three spaces, a label that is no footnote's, an address, a title in parentheses to
/// the line's end); `None` for any other line, or a title without them.
fn title_parentheses(line: &str) -> Option<Vec<usize>> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line[indent..].strip_prefix('[').filter(|_| indent <= 3)?;
    let label = rest
        .find("]:")
        .filter(|&end| !rest[..end].contains([']', '^']))?;
    let after = &rest[label + 2..];
    let address = after.trim_start_matches(' ');
    let address_end = address.find(char::is_whitespace).filter(|&e| e > 0)?;
    let title = address[address_end..].trim_start_matches(' ');
    let inner = title.strip_prefix('(')?.trim_end().strip_suffix(')')?;
    let start = line.len() - title.len() + 1;
    let parentheses: Vec<usize> = (inner.char_indices())
        .filter(|&(i, c)| matches!(c, '(' | ')') && !inner[..i].ends_with('\\'))
        .map(|(i, _)| start + i)
        .collect();
    (!parentheses.is_empty()).then_some(parentheses)
}

/// The length of the address `after` (what follows `](`) opens with, when it holds a
/// space: up to the parenthesis that closes the link (nested ones balanced) or a
/// title in quotes before it, on one line; `None` for any other.
fn address(after: &str) -> Option<usize> {
    if after.starts_with(['<', ' ']) {
        return None;
    }
    let mut depth = 0usize;
    let mut end = None;
    for (i, c) in after.char_indices() {
        match c {
            '\n' | '\r' => return None,
            '(' => depth += 1,
            ')' if depth == 0 => {
                end = Some(i);
                break;
            }
            ')' => depth -= 1,
            _ => {}
        }
    }
    let inside = &after[..end?];
    // A title in quotes after the address: `(my file.md "Title")`.
    let address = match inside.trim_end().strip_suffix(['"', '\'']) {
        Some(before) => {
            let quote = &inside.trim_end()[before.len()..];
            match before.rfind(&format!(" {quote}")) {
                Some(open) => inside[..open].trim_end(),
                None => inside,
            }
        }
        None => inside.trim_end(),
    };
    (address.contains(' ') && !address.contains(['<', '>'])).then_some(address.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(text: &str) -> Option<String> {
        rewrite(text, Options::empty()).map(|(out, _)| out)
    }

    #[test]
    fn an_address_with_spaces_is_written_in_angle_brackets() {
        assert_eq!(
            out(
                "[Phishing](Segurança da Informação.md) and [MITM](Man-in-the-Middle (MITM).md).\n"
            )
            .unwrap(),
            "[Phishing](<Segurança da Informação.md>) and [MITM](<Man-in-the-Middle (MITM).md>).\n"
        );
        assert_eq!(
            out("![A map](my map.png \"The map\") [b](a b.md#Some%20part)\n").unwrap(),
            "![A map](<my map.png> \"The map\") [b](<a b.md#Some%20part>)\n"
        );
        for text in [
            "[a](plain.md) [b](<a b.md>) [c](x.md \"A title\")\n",
            "`[a](b c.md)`\n\n    [a](b c.md)\n",
            "[a](b c\nd.md)\n",
            "(see [the notes] (b c))\n",
        ] {
            assert_eq!(out(text), None, "{text}");
        }
        assert!(may_hold("x [a](b c.md)"));
        assert!(!may_hold("x [a](b.md) c d"));
    }
}
