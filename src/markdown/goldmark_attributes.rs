//! Goldmark's block attributes, which Hugo sites turn on
//! (`markup.goldmark.parser.attribute.block`, as Docsy's example site does): a line
//! holding only an attribute list, `{.display-6}`, `{#intro .lead}`, right after a
//! paragraph, a list, a table or a quote gives that block a class or an id, and is not
//! shown. attune's theme has no use for a site's classes: the line is taken out, and
//! its id stays as an anchor (`<a id="intro"></a>`) where the line stood, so a link to
//! `#intro` still leads there.
//!
//! Jekyll's kramdown writes the same lines with a colon, its block inline attribute
//! lists: `{: #no-sudo}` after a heading, `{: .note .info}` after a paragraph; they are
//! read alike on a Jekyll site, and Python-Markdown's attr_list ones (`{ #id }`, the
//! last line of a paragraph or a list item's text) on an MkDocs site. On a VitePress
//! site, markdown-it-attrs' `{#automocking-algorithm}` may stand as a paragraph of its
//! own (vitest's guide, before a list): an anchor there too.

use super::expand::{inside, literal_ranges, SegMap, Splice};
use pulldown_cmark::Options;

/// The id of an attribute list `{…}` (`None` inside when it has none); `None` when
/// `line` is not one.
pub(super) fn attribute_list(line: &str) -> Option<Option<&str>> {
    let inner = line.trim().strip_prefix('{')?.strip_suffix('}')?;
    // kramdown's form, `{: .note}`, which may close with a colon too (`{: .note :}`):
    // kramdown reads a list's ids, classes and keys, and a colon alone is none.
    let inner = match inner.strip_prefix(':') {
        Some(list) => (list.trim_end().strip_suffix(':'))
            .filter(|l| l.is_empty() || l.ends_with(char::is_whitespace))
            .unwrap_or(list),
        None => inner,
    }
    .trim();
    if inner.is_empty() || inner.contains(['{', '}', '<', '>']) {
        return None;
    }
    let mut id = None;
    let mut rest = inner;
    while !rest.is_empty() {
        let end = match rest.as_bytes()[0] {
            b'.' | b'#' => rest.find(char::is_whitespace).unwrap_or(rest.len()),
            _ => {
                let (key, value) = rest.split_once('=')?;
                if key.is_empty()
                    || !key
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_:".contains(&b))
                {
                    return None;
                }
                let value_at = key.len() + 1;
                match value.as_bytes().first()? {
                    q @ (b'"' | b'\'') => value_at + 2 + value[1..].find(*q as char)?,
                    _ => value_at + value.find(char::is_whitespace).unwrap_or(value.len()),
                }
            }
        };
        let token = &rest[..end];
        let name = &token[1..];
        let plain = |n: &str| {
            !n.is_empty()
                && n.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_:".contains(&b))
        };
        match token.as_bytes()[0] {
            b'.' | b'#' if !plain(name) => return None,
            b'#' => id = Some(name),
            _ => {}
        }
        rest = rest[end..].trim_start();
    }
    Some(id)
}

/// The text with each block attribute line taken out (an id kept as an anchor), and
/// the map back; `None` when there is none. With `alone` (a VitePress site's
/// markdown-it-attrs), a line that is a paragraph of its own is one too.
pub(super) fn rewrite(text: &str, options: Options, alone: bool) -> Option<(String, SegMap)> {
    let mut found = Vec::new();
    let mut previous_blank = true;
    let mut at = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let content = line.trim_end_matches(['\n', '\r']);
        // In a quote, after its `>` marks (Docsy's docs: `> {.border-0}`).
        let quoted = content.trim_start_matches(['>', ' ', '\t']);
        let marks = content.len() - quoted.len();
        // markdown-it-attrs' list as a paragraph of its own (`alone`): the empty
        // paragraph it gives its id to is an anchor there.
        let next_blank = (lines.peek())
            .is_none_or(|next| next.trim_start_matches(['>', ' ', '\t']).trim().is_empty());
        let own_paragraph = alone && previous_blank && next_blank;
        if (!previous_blank || own_paragraph) && quoted.starts_with('{') {
            if let Some(id) = attribute_list(quoted) {
                found.push((at + marks..at + content.len(), id));
            }
        }
        previous_blank = quoted.trim().is_empty();
        at += line.len();
    }
    if found.is_empty() {
        return None;
    }
    let literal = literal_ranges(text, options);
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut changed = false;
    for (range, id) in found {
        if inside(&literal, range.start) {
            continue;
        }
        splice.copy(copied..range.start);
        if let Some(id) = id {
            splice.insert(&format!("<a id=\"{id}\"></a>"), range.start);
        }
        copied = range.end;
        changed = true;
    }
    if !changed {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Option<String> {
        rewrite(text, Options::all(), false).map(|(out, _)| out)
    }

    #[test]
    fn an_attribute_line_after_a_block_is_taken_out_and_its_id_kept() {
        assert_eq!(
            run("Porridge, in the cloud!\n{.display-6}\n\nNext.\n").as_deref(),
            Some("Porridge, in the cloud!\n\n\nNext.\n")
        );
        assert_eq!(
            run("- a\n- b\n{#steps .list data-x=\"a b\"}\n").as_deref(),
            Some("- a\n- b\n<a id=\"steps\"></a>\n")
        );
        // kramdown's, on a Jekyll site: an id after a heading, a class after a paragraph.
        assert_eq!(
            run("### Running (no sudo!)\n{: #no-sudo}\n").as_deref(),
            Some("### Running (no sudo!)\n<a id=\"no-sudo\"></a>\n")
        );
        assert_eq!(
            run("Text.\n{: .note .info}\n").as_deref(),
            Some("Text.\n\n")
        );
        // kramdown's list closed with a colon (Audiveris' docs: `{: .no_toc :}`).
        assert_eq!(
            run("# Title\n{: .no_toc :}\n").as_deref(),
            Some("# Title\n\n")
        );
        assert_eq!(
            run("# Title\n{:#top\t:}\n").as_deref(),
            Some("# Title\n<a id=\"top\"></a>\n")
        );
        assert_eq!(attribute_list("{: :}"), None);
        assert_eq!(attribute_list("{::}"), None);
        assert_eq!(attribute_list(".a :}"), None);
        // In a quote (Docsy's docs), after its marks; a quote's blank line is `>`.
        assert_eq!(
            run("> </div>\n> {.border-0}\n").as_deref(),
            Some("> </div>\n> \n")
        );
        assert_eq!(run("> Text.\n>\n> {.lead}\n"), None);
        // A paragraph of its own: an anchor on a VitePress site, else as written.
        let own = "Recursively:\n\n{#automocking-algorithm}\n\n- All arrays\n";
        assert_eq!(
            rewrite(own, Options::all(), true)
                .map(|(out, _)| out)
                .as_deref(),
            Some("Recursively:\n\n<a id=\"automocking-algorithm\"></a>\n\n- All arrays\n")
        );
        assert_eq!(run(own), None);
        let quoted = "> Recursively:\n>\n> {#algorithm}\n>\n> - All\n";
        assert_eq!(
            rewrite(quoted, Options::all(), true)
                .map(|(out, _)| out)
                .as_deref(),
            Some("> Recursively:\n>\n> <a id=\"algorithm\"></a>\n>\n> - All\n")
        );
        // Not after a block, in code, or not an attribute list: as written.
        for text in [
            "{.display-6}\n",
            "Text.\n\n{.lead}\n",
            "```\nx\n{.a}\n```\n",
            "Text\n{ a: 1 }\n",
            "Text\n{{< shortcode >}}\n",
            "Text\n{#a<b}\n",
        ] {
            assert_eq!(run(text), None, "{text}");
        }
    }
}
