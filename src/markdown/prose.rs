//! Prose: the plain text of each block, which feeds readability, the search sections
//! and the sentence around each link (its backlink's context).

use super::links::{sentence_ends, without_label_marks};
use super::{escape, Builder};
use pulldown_cmark::{CowStr, Event, TagEnd};

/// The most text kept on each side of a link for its backlink's context, in bytes.
const CONTEXT_LIMIT: usize = 600;

/// The end of `text`, at most `limit` bytes, starting at a word.
fn last_words(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut cut = text.len() - limit;
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    let rest = &text[cut..];
    match rest.find(char::is_whitespace) {
        Some(i) => &rest[i..],
        None => rest,
    }
}

/// The start of `text`, at most `limit` bytes, ending at a word.
fn first_words(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let rest = &text[..cut];
    match rest.rfind(char::is_whitespace) {
        Some(i) => &rest[..i],
        None => rest,
    }
}

impl<'a> Builder<'a, '_> {
    /// Prose text: counted, searched, its abbreviations marked (see
    /// `abbreviations.rs`), and linked to the glossary where it names a term.
    pub(super) fn text(&mut self, text: CowStr<'a>, next_char: Option<char>) {
        let before = match &self.heading {
            Some(h) => h.text.chars().next_back(),
            None => self.block.chars().next_back(),
        };
        self.push_text(&text);
        let raw = self.raw_inline_depth > 0 || self.raw_block_depth > 0;
        if self.abbreviations.is_empty() || raw {
            return self.prose_text(text, before, next_char);
        }
        // Each use an `<abbr>`, the text between read as any other.
        let mut rest: &str = &text;
        let mut previous = before;
        let mut pieces: Vec<(String, Option<String>)> = Vec::new();
        while let Some((start, end, title)) = self.abbreviations.find(rest, previous, next_char) {
            pieces.push((rest[..start].to_string(), None));
            pieces.push((rest[start..end].to_string(), Some(title.to_string())));
            previous = rest[..end].chars().next_back();
            rest = &rest[end..];
        }
        if pieces.is_empty() {
            return self.prose_text(text, before, next_char);
        }
        pieces.push((rest.to_string(), None));
        let mut previous = before;
        for (i, (piece, title)) in pieces.iter().enumerate() {
            match title {
                Some(title) => self.emit_html(format!(
                    "<abbr title=\"{}\">{}</abbr>",
                    escape(title),
                    escape(piece)
                )),
                None if piece.is_empty() => {}
                None => {
                    let after = pieces.get(i + 1).and_then(|(p, _)| p.chars().next());
                    let text = CowStr::from(piece.clone());
                    self.prose_text(text, previous, after.or(next_char));
                }
            }
            previous = piece.chars().next_back().or(previous);
        }
    }

    /// Text between abbreviations: linked to the glossary where it names a term.
    fn prose_text(&mut self, text: CowStr<'a>, before: Option<char>, next_char: Option<char>) {
        if self.heading.is_none()
            && self.link.is_none()
            && self.raw_inline_depth == 0
            && self.raw_block_depth == 0
            && !self.glossary_is_empty()
        {
            self.text_with_glossary(text, before, next_char);
        } else {
            self.emit(Event::Text(text));
        }
    }

    /// Notes a badge's start or end in a heading: its words show, but are no part of
    /// the heading's id or its name in the contents, as VitePress' anchors and outline
    /// and Starlight's ids leave a `<Badge>` out.
    pub(super) fn badge_in_heading(&mut self, html: &str) {
        if let Some(h) = &mut self.heading {
            if html == super::mdx::BADGE_OPEN {
                h.in_badge = true;
            } else if h.in_badge && html == "</span>" {
                h.in_badge = false;
            }
        }
    }

    pub(super) fn glossary_is_empty(&self) -> bool {
        self.ctx.glossary.is_empty()
    }
    pub(super) fn push_text(&mut self, text: &str) {
        if let Some(h) = &mut self.heading {
            if !h.in_badge {
                h.text.push_str(text);
                h.id_text.push_str(text);
            }
            return;
        }
        self.block.push_str(text);
    }

    /// Ends a block of prose: feeds readability, search and the context of its links.
    pub(super) fn flush_block(&mut self) {
        self.raw_inline_depth = 0;
        if self.block.trim().is_empty() {
            self.block.clear();
            self.block_links.clear();
            return;
        }
        let block = &self.block;
        if !self.in_table_head {
            // Readability counts what the author wrote, not the titles links will show.
            self.out.stats.add_block(&without_label_marks(block));
        }
        self.section.text.push_str(block.trim());
        self.section.text.push('\n');
        if !self.block_links.is_empty() {
            // Sentence ends found once per block, so a paragraph of thousands of links
            // costs a binary search per link, not a rescan.
            let ends = sentence_ends(block);
            for (index, start, end) in self.block_links.drain(..) {
                let sentence_start = ends[..ends.partition_point(|&e| e <= start)]
                    .last()
                    .copied()
                    .unwrap_or(0);
                let sentence_end = ends
                    .get(ends.partition_point(|&e| e < end))
                    .copied()
                    .unwrap_or(block.len());
                // A sentence without an end (thousands of links in one line) is
                // cut to a snippet's length, so contexts stay linear in the text.
                let before = last_words(&block[sentence_start..start], CONTEXT_LIMIT)
                    .trim_start()
                    .to_string();
                let after = first_words(&block[end..sentence_end.max(end)], CONTEXT_LIMIT)
                    .trim_end()
                    .to_string();
                let link = &mut self.out.links[index];
                let label = link.context.1.take();
                link.context = (before, label, after);
            }
        }
        self.block.clear();
    }
}

/// The summary Hugo and Zola take from a page's text when its front matter gives
/// none: the plain text before a `<!--more-->` line (`<!-- more -->`). `None` without
/// one, or when that text holds another tool's syntax that only the full pass reads.
pub fn summary_before_more(body: &str) -> Option<String> {
    let is_divider = |html: &str| {
        let inner = html.trim().strip_prefix("<!--")?.strip_suffix("-->")?;
        (inner.trim() == "more").then_some(())
    };
    if !body.lines().any(|line| is_divider(line).is_some()) {
        return None;
    }
    // An HTML block of its own: in code (a tutorial showing the divider) it is text.
    let divider = pulldown_cmark::Parser::new(body)
        .into_offset_iter()
        .find_map(|(event, range)| {
            let Event::Html(html) = event else {
                return None;
            };
            is_divider(&html).map(|()| range.start)
        })?;
    let mut text = String::new();
    for event in pulldown_cmark::Parser::new(&body[..divider]) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::End(end) if super::is_inline_end(&end) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Other tools' syntax, and Python-Markdown's blocks (`!!! note`, `??? tip`, `===
    // "Tab"`), which the full pass reads.
    let foreign = [
        "{{", "{%", "[[", "%%", "==", "$", "!!!", "???", ":::", "///",
    ];
    (!text.is_empty() && !foreign.iter().any(|f| text.contains(f))).then_some(text)
}

/// A front matter `summary` or `description` as the plain text lists, feeds and link
/// previews show: written as Markdown by a vault whose Dataview shows it so
/// (`description: you're [[Sickened]] 2. &NewLine;**Heightened**`), it reads
/// `you're Sickened 2. Heightened`. Text with no Markdown sign is kept as written.
pub fn plain_summary(text: &str) -> String {
    if !text.contains(['[', '*', '_', '`', '&', '\\']) {
        return text.to_string();
    }
    let mut out = String::new();
    let options =
        pulldown_cmark::Options::ENABLE_WIKILINKS | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    for event in pulldown_cmark::Parser::new_ext(text, options) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `tag` opens an element inside a line of text (emphasis, a link, an image),
/// not a block.
pub(super) fn is_inline(tag: &pulldown_cmark::Tag) -> bool {
    use pulldown_cmark::Tag;
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// Whether `end` closes what [`is_inline`] opens.
pub(super) fn is_inline_end(end: &pulldown_cmark::TagEnd) -> bool {
    use pulldown_cmark::TagEnd;
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse_md;

    #[test]
    fn a_summary_written_as_markdown_reads_as_its_text() {
        use super::plain_summary;
        assert_eq!(
            plain_summary("you're [[Sickened]] 2 or [[Conditions#Slowed|slowed]].\n\n&NewLine;**Heightened (+1)** `x`"),
            "you're Sickened 2 or slowed. Heightened (+1) x"
        );
        for kept in [
            "Feeling numb, and what helps.",
            "A <b> 2 < 3 - x",
            "snake_case names",
        ] {
            assert_eq!(
                plain_summary(kept),
                kept.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }
    use crate::markdown::fill_labels;
    use crate::marks::{LINK_LABEL, MARK_END};

    #[test]
    fn readability_counts_words() {
        let p = parse_md("The cat sat. The dog ran.\n");
        assert_eq!(p.stats.words, 6);
        assert_eq!(p.stats.sentences, 2);
    }

    #[test]
    fn other_links_keep_their_text_in_context_and_sections() {
        let p = parse_md("Ask [[nick]] and [[x|Y]] about [[z]] now.\n");
        let (before, label, after) = &p.links[1].context;
        assert_eq!(before, &format!("Ask {LINK_LABEL}0{MARK_END} and "));
        assert_eq!(label.as_deref(), Some("Y"));
        assert_eq!(after, &format!(" about {LINK_LABEL}2{MARK_END} now."));
        let filled = fill_labels(&p.sections[0].text, |n| format!("T{n}"));
        assert_eq!(filled, "Ask T0 and Y about T2 now.\n");
        // Readability counts the words as written, not the marks.
        assert_eq!(p.stats.words, 5);
    }

    #[test]
    fn the_text_before_more_is_the_summary() {
        use super::super::summary_before_more;
        let body = "The *first* part, with `code` and [a link](x.md).\n\nA second paragraph.\n\n<!--more-->\n\nThe rest.\n";
        assert_eq!(
            summary_before_more(body).as_deref(),
            Some("The first part, with code and a link. A second paragraph.")
        );
        assert_eq!(
            summary_before_more("Zola's.\n  <!-- more -->  \nRest.\n").as_deref(),
            Some("Zola's.")
        );
        assert_eq!(summary_before_more("No divider.\n"), None);
        assert_eq!(
            summary_before_more("Inline <!--more--> is no divider.\n"),
            None
        );
        assert_eq!(summary_before_more("See [[Note]].\n<!--more-->\n"), None);
        assert_eq!(summary_before_more("<!--more-->\nAll after.\n"), None);
        // In code, as a tutorial shows it, it is no divider (Material for MkDocs'
        // blog tutorial: the summary was the text up to its example).
        for shown in [
            "Intro.\n\n```html\n<!-- more -->\n```\n",
            "Intro.\n\n    <!-- more -->\n",
            "Intro.\n\n!!! example \"Write a post\"\n\n    ```\n    <!-- more -->\n    ```\n",
        ] {
            assert_eq!(summary_before_more(shown), None, "{shown}");
        }
        assert_eq!(
            summary_before_more("Set up.\n\n!!! tip\n    Text.\n\n<!-- more -->\n"),
            None
        );
        assert_eq!(
            summary_before_more("First.\n\n<!-- more -->\n\nRest.\n").as_deref(),
            Some("First.")
        );
    }
}
