//! A `<script …/>`, `<style …/>`, `<textarea …/>` or `<pre …/>` written self-closed at the start of
//! a line opens a CommonMark HTML block that ends only at its end tag
//! (`</script>`): without one, everything after it in the article (headings, lists,
//! paragraphs) would be raw HTML, shown as written, in mdBook too. The author meant an
//! empty element, as XHTML reads it, and attune writes it so (`raw.rs`): the block
//! ends on its line here too, written `<script …></script>`, and the Markdown after it
//! is Markdown.

use super::expand::{SegMap, Splice};
use pulldown_cmark::{Event, Options, Parser, Tag};

/// The elements that open a CommonMark HTML block of type 1 (`<pre class="x"/>`: a
/// space after the name) and that a browser reads everything after as text or shows
/// preformatted; `raw.rs` writes them open and closed.
pub(super) const BLOCK_TEXT: &[&str] = &["pre", "script", "style", "textarea"];

/// What ends an HTML block of type 1 (on any line, in any case).
pub(super) const BLOCK_ENDS: &[&str] = &["</script>", "</pre>", "</style>", "</textarea>"];

/// Rounds of reading after the first: each shows the blocks that ones closed in the
/// round before held, which only odd nesting (a self-closed tag inside an open
/// `<script>` block) needs; the bound keeps hostile input linear.
const ROUNDS: usize = 8;

/// `text` with every HTML block that opens with a self-closed `<script>`, `<style>`
/// or `<textarea>` closed on that line, and its map; `None` when there is none.
pub fn close(text: &str, options: Options) -> Option<(String, SegMap)> {
    if !text.contains("/>") || !BLOCK_TEXT.iter().any(|t| holds_ci(text, t)) {
        return None;
    }
    // First every self-closed opener anywhere, all written closed at once (one block
    // closed shows the next one it held, so reading one at a time would read the text
    // once per tag); then only those that open a block, until that set is steady.
    let all = candidates(text);
    let mut slashes = all.clone();
    let mut written = write(text, &slashes);
    for _ in 0..=ROUNDS {
        let (out, map) = &written;
        let openers: Vec<_> = openers(out, map, options)
            .into_iter()
            .filter(|found| all.binary_search(found).is_ok())
            .collect();
        if openers == slashes {
            break;
        }
        slashes = openers;
        written = write(text, &slashes);
    }
    (!slashes.is_empty()).then_some(written)
}

/// Every `/>` of a self-closed `<script>`, `<style>` or `<textarea>` with nothing after
/// it on its line that ends the block, in order.
fn candidates(text: &str) -> Vec<(usize, &'static str)> {
    // A block's first line opens with its tag after container marks (`>`, `-`, `1.`,
    // spaces), none of them a `<`: only each line's first `<` can be one, which keeps
    // a long line of `<` linear.
    let mut found = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(lt) = line.find('<') {
            let from = &line[lt..].trim_end_matches(['\n', '\r']);
            if let Some((tag, slash)) = self_closed_opener(from) {
                found.push((start + lt + slash, tag));
            }
        }
        start += line.len();
    }
    found
}

/// Of the HTML blocks in `out` (`text` as written by [`write`] with `map`), the `/>`
/// of each whose first line opens with a self-closed tag, as offsets in `text`.
fn openers(out: &str, map: &SegMap, options: Options) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    let mut in_block = false;
    for (event, range) in Parser::new_ext(out, options).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => in_block = true,
            // The block's first line.
            Event::Html(_) if in_block => {
                in_block = false;
                let line = &out[range.start..];
                let line = &line[..line.find('\n').unwrap_or(line.len())];
                let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
                if let Some((tag, slash)) = opener_as_written(&line[lead..]) {
                    found.push((map.back(range.start + lead + slash), tag));
                }
            }
            _ => in_block = false,
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// [`self_closed_opener`] of a line as [`write`] may have written it: `<script …></script>`
/// stands for `<script …/>`, its `>` where the `/` was.
fn opener_as_written(line: &str) -> Option<(&'static str, usize)> {
    if let Some(found) = self_closed_opener(line) {
        return Some(found);
    }
    let tag = BLOCK_TEXT.iter().copied().find(|t| {
        line.get(1..=t.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(t))
    })?;
    let name_end = 1 + tag.len();
    let (_, end) = super::html::start_tag(line, name_end);
    let closing = format!("</{tag}>");
    let after = line.get(end..end + closing.len())?;
    (line.starts_with('<') && after.eq_ignore_ascii_case(&closing)).then_some((tag, end - 1))
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
    fn a_self_closed_tag_inside_an_open_script_block_stays_as_written() {
        // Closed all at once, `<style/>` would seem to open a block of its own.
        let text = "<script>\n<script src=\"a\"/>\n<style/>\n</script>\n\n# T\n";
        assert_eq!(closed(text), None);
    }

    #[test]
    fn many_blocks_in_a_row_are_closed_in_one_reading() {
        // Each held all the ones after it: read one at a time, the text was read once
        // per tag (20,000 tags took over a minute).
        let text = "<script src=\"a.js\"/>\n\n*a*\n\n".repeat(20_000);
        let out = closed(&text).unwrap();
        assert_eq!(out.matches("></script>").count(), 20_000);
        assert_eq!(out.matches("/>").count(), 0);
    }

    #[test]
    fn a_long_line_of_tags_is_read_once() {
        // Each `<` read the rest of its line: 200,000 on one line was quadratic.
        let text = format!("<script src=\"a\"/>\n\n{}\n", "<script ".repeat(200_000));
        let out = closed(&text).unwrap();
        assert_eq!(out, text.replacen("\"/>", "\"></script>", 1));
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
