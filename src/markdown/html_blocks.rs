//! A `<script …/>`, `<style …/>` or `<textarea …/>` written self-closed at the start of
//! a line opens a CommonMark HTML block that ends only at its end tag
//! (`</script>`): without one, everything after it in the article (headings, lists,
//! paragraphs) would be raw HTML, shown as written, in mdBook too. The author meant an
//! empty element, as XHTML reads it, and attune writes it so (`raw.rs`): the block
//! ends on its line here too, written `<script …></script>`, and the Markdown after it
//! is Markdown.

use super::expand::{SegMap, Splice};
use pulldown_cmark::{Event, Options, Parser, Tag};

/// The elements that open a CommonMark HTML block of type 1 and that a browser reads
/// everything after as text; `<pre …/>` stays as written, as `raw.rs` leaves it.
const BLOCK_TEXT: &[&str] = &["script", "style", "textarea"];

/// What ends an HTML block of type 1 (on any line, in any case).
const BLOCK_ENDS: &[&str] = &["</script>", "</pre>", "</style>", "</textarea>"];

/// `text` with every HTML block that opens with a self-closed `<script>`, `<style>`
/// or `<textarea>` closed on that line, and its map; `None` when there is none.
pub fn close(text: &str, options: Options) -> Option<(String, SegMap)> {
    if !text.contains("/>") || !BLOCK_TEXT.iter().any(|t| holds_ci(text, t)) {
        return None;
    }
    // Where each `/>` to write as `></tag>` stands in `text`.
    let mut slashes: Vec<(usize, &'static str)> = Vec::new();
    loop {
        let (out, map) = write(text, &slashes);
        let before = slashes.len();
        let mut in_block = false;
        for (event, range) in Parser::new_ext(&out, options).into_offset_iter() {
            match event {
                Event::Start(Tag::HtmlBlock) => in_block = true,
                // The block's first line.
                Event::Html(_) if in_block => {
                    in_block = false;
                    let line = &out[range.start..];
                    let line = &line[..line.find('\n').unwrap_or(line.len())];
                    let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
                    if let Some((tag, slash)) = self_closed_opener(&line[lead..]) {
                        let at = map.back(range.start + lead + slash);
                        if !slashes.iter().any(|&(s, _)| s == at) {
                            slashes.push((at, tag));
                        }
                    }
                }
                _ => in_block = false,
            }
        }
        // A block closed can show another one it held: read again until none is left.
        if slashes.len() == before {
            return (!slashes.is_empty()).then_some((out, map));
        }
        slashes.sort_unstable();
    }
}

/// `text` with the `/>` at each of `slashes` written `></tag>`.
fn write(text: &str, slashes: &[(usize, &str)]) -> (String, SegMap) {
    let mut splice = Splice::new(text);
    let mut from = 0;
    for &(slash, tag) in slashes {
        splice.copy(from..slash);
        splice.insert(&format!("></{tag}>"), slash);
        from = slash + 2;
    }
    splice.copy(from..text.len());
    (splice.out, splice.map)
}

/// The tag and the offset of its `/>` when `line` (an HTML block's first line, from
/// its `<`) opens with a self-closed `<script>`, `<style>` or `<textarea>` and nothing
/// on it ends the block.
fn self_closed_opener(line: &str) -> Option<(&'static str, usize)> {
    let rest = line.strip_prefix('<')?;
    let tag = BLOCK_TEXT.iter().copied().find(|t| {
        rest.get(..t.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(t))
            && !rest
                .as_bytes()
                .get(t.len())
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
    })?;
    if BLOCK_ENDS.iter().any(|end| holds_ci(line, end)) {
        return None;
    }
    let name_end = 1 + tag.len();
    let (_, end) = super::html::start_tag(line, name_end);
    super::html::closes_itself(line, name_end, end).then_some((tag, end - 2))
}

/// Whether `text` holds `needle` (ASCII), in any case.
fn holds_ci(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closed(text: &str) -> Option<String> {
        close(text, Options::empty()).map(|(out, _)| out)
    }

    #[test]
    fn a_self_closed_script_block_ends_on_its_line() {
        assert_eq!(
            closed("<script src=\"a.js\"/>\n\n# Title\n").as_deref(),
            Some("<script src=\"a.js\"></script>\n\n# Title\n")
        );
        // One closed shows the next, which it held.
        assert_eq!(
            closed("<STYLE media=x />\n\n<textarea rows=2 />\n\n*a*\n").as_deref(),
            Some("<STYLE media=x ></style>\n\n<textarea rows=2 ></textarea>\n\n*a*\n")
        );
    }

    #[test]
    fn blocks_that_end_or_are_not_self_closed_stay() {
        for text in [
            "<script src=a.js/>\n\n# T\n",
            "<script src=\"a.js\"/></script>\n",
            "<script>\nlet a = 1/>2;\n</script>\n",
            "<scripts a/>\n\n# T\n",
            "<pre class=x/>\n\n# T\n",
            "    <script src=\"a.js\"/>\n",
            "```\n<script src=\"a.js\"/>\n```\n",
            "Text <script src=\"a.js\"/>\n",
        ] {
            assert_eq!(closed(text), None, "{text}");
        }
    }

    #[test]
    fn offsets_map_back_to_the_text_as_written() {
        let text = "> <script src=\"é.js\" />\n> # T\n";
        let (out, map) = close(text, Options::empty()).unwrap();
        assert_eq!(out, "> <script src=\"é.js\" ></script>\n> # T\n");
        let title = out.find("# T").unwrap();
        assert_eq!(map.back(title), text.find("# T").unwrap());
    }
}
