//! Python-Markdown reads a link's address up to its closing parenthesis, spaces and
//! balanced parentheses included: `[Phishing](Segurança da Informação.md)` and
//! `[MITM](Man-in-the-Middle (MITM).md)` are links on an MkDocs site (an Obsidian vault
//! published with MkDocs writes them so, 172 on one site), where CommonMark reads them
//! as text. On an MkDocs site, such an address is written in angle brackets, the form
//! CommonMark reads spaces in, before the text is parsed; a title after it in quotes
//! stays its title.

use super::expand::{literal_ranges, SegMap, Splice};
use pulldown_cmark::Options;
use std::ops::Range;

/// Whether `text` may hold a link whose address has a space.
pub(super) fn may_hold(text: &str) -> bool {
    text.match_indices("](").any(|(at, _)| {
        text[at + 2..]
            .split([')', '\n'])
            .next()
            .is_some_and(|d| d.contains(' '))
    })
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
    if found.is_empty() {
        return None;
    }
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for address in found {
        splice.copy(copied..address.start);
        splice.insert("<", address.start);
        splice.copy(address.clone());
        splice.insert(">", address.end);
        copied = address.end;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
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
