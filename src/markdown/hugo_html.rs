//! A Hugo page written in HTML (`_index.html`, as Docsy's example site wrote its home
//! page for years) is the page's HTML as it is, but the text inside a `{{% … %}}` pair
//! is Markdown, as Hugo renders the `%` form's inner text: Tekton's home page holds
//! `{{% blocks/feature title="Install Tekton" %}}[Get Tekton here](/docs/installation/)
//! {{% /blocks/feature %}}`, and the link showed as written. Each innermost pair's inner
//! text is written as the HTML its Markdown stands for, before the pair itself is read
//! (`foreign.rs`); its links are then the page's raw HTML links, checked and rewritten
//! as those are.

use super::expand::{SegMap, Splice};
use super::foreign::{tags, Kind};
use pulldown_cmark::{html, Options, Parser};
use std::borrow::Cow;
use std::ops::Range;

/// `text` with the inner text of each `{{% name %}}` … `{{% /name %}}` pair that holds
/// no other tag written as HTML, and each theme's box (Docsy's `alert`, see
/// `hugo_callouts.rs`) drawn as the callout a Markdown page shows; each map back pushed
/// on `maps`.
pub(super) fn markdown_pairs<'t>(
    text: &'t str,
    options: Options,
    maps: &mut Vec<SegMap>,
) -> Cow<'t, str> {
    let mut text = Cow::Borrowed(text);
    if let Some((out, map)) = rendered(&text, options) {
        maps.push(map);
        text = Cow::Owned(out);
    }
    if let Some((out, map)) = super::hugo_callouts::rewrite(&text, options) {
        let drawn = drawings_as_html(&out, &map);
        maps.push(map);
        text = Cow::Owned(match drawn {
            Some((html, map)) => {
                maps.push(map);
                html
            }
            None => out,
        });
    }
    text
}

fn rendered(text: &str, options: Options) -> Option<(String, SegMap)> {
    if !crate::text::holds(text, "{{%") {
        return None;
    }
    let found = tags(text, options, true);
    let mut inners = Vec::new();
    for pair in found.windows(2) {
        let (open, close) = (&pair[0], &pair[1]);
        let paired = open.kind == Kind::HugoMarkdown
            && close.kind == Kind::HugoMarkdown
            && close.name().strip_prefix('/') == Some(open.name());
        let inner = open.range.end..close.range.start;
        if paired && !text[inner.clone()].trim().is_empty() {
            inners.push(inner);
        }
    }
    if inners.is_empty() {
        return None;
    }
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for inner in inners {
        splice.copy(copied..inner.start);
        let mut rendered = String::from("\n");
        html::push_html(
            &mut rendered,
            Parser::new_ext(&text[inner.clone()], options),
        );
        splice.insert(&rendered, inner.start);
        copied = inner.end;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// `text`, a page written in HTML with its shortcodes drawn (`foreign::strip`, whose
/// map is `map`), with each heading line a drawing wrote (Docsy's blocks title their
/// boxes `### Install`) written as the HTML heading it stands for, and so each line of
/// links and each box's line (`:::warning Title`, `:::`), and the map back;
/// `None` when there is none. The page's own lines are its HTML as written.
pub(super) fn drawings_as_html(text: &str, map: &SegMap) -> Option<(String, SegMap)> {
    let drawn: Vec<std::ops::Range<usize>> = map
        .segs
        .iter()
        .enumerate()
        .filter(|(_, seg)| !seg.2)
        .map(|(i, seg)| seg.0..map.segs.get(i + 1).map_or(text.len(), |next| next.0))
        .collect();
    if drawn.is_empty() {
        return None;
    }
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut at = 0;
    // How each box open here closes.
    let mut boxes: Vec<&str> = Vec::new();
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let bare = line.trim_end_matches(['\n', '\r']);
        let hashes = bare.bytes().take_while(|b| *b == b'#').count();
        let end = start + bare.len();
        let heading = (1..=6).contains(&hashes) && bare[hashes..].starts_with(' ');
        // A line of links or strong text a drawing wrote (Docsy's feature block ends
        // with `[Read more](<url>)`, a cover's subtitle is `**…**`).
        let linked = bare.starts_with(['[', '!', '*']);
        let boxed = bare.trim_start().strip_prefix(":::");
        if !(heading || linked || boxed.is_some())
            || !drawn.iter().any(|r| r.start <= start && end <= r.end)
        {
            continue;
        }
        let html = match boxed {
            Some(rest) if rest.trim().is_empty() => boxes.pop().unwrap_or_default().to_string(),
            Some(rest) => {
                let (html, close) = box_html(rest.trim());
                boxes.push(close);
                html
            }
            None => {
                let mut html = String::new();
                html::push_html(&mut html, Parser::new(bare));
                html.trim_end().to_string()
            }
        };
        splice.copy(copied..start);
        splice.insert(&html, start);
        copied = end;
    }
    if copied == 0 {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// The literal stretches of `text`, read as a page written in HTML (`html`) or as
/// Markdown ([`super::expand::literal_ranges`]). A page written in HTML has no
/// Markdown code blocks (fluxcd's home page indents its shortcodes four spaces inside
/// a `<div>`, and they were shown as written): only its `<code>`, `<pre>`, `<kbd>` and
/// `<samp>` elements.
pub(super) fn literal_ranges(text: &str, options: Options, html: bool) -> Vec<Range<usize>> {
    if !html {
        return super::expand::literal_ranges(text, options);
    }
    let mut ranges = Vec::new();
    let (mut open, mut depth) = (0, 0usize);
    for (at, closing) in super::expand::code_tags(text) {
        if !closing {
            if depth == 0 {
                open = at;
            }
            depth += 1;
        } else if depth > 0 {
            depth -= 1;
            if depth == 0 {
                ranges.push(open..at);
            }
        }
    }
    if depth > 0 {
        ranges.push(open..text.len());
    }
    ranges
}

/// A box's opening line (`warning Heads up`, after its colons) as the callout's HTML a
/// Markdown page shows (see `callouts.rs`), and what closes it.
fn box_html(opening: &str) -> (String, &'static str) {
    let (kind, title) = opening
        .split_once(char::is_whitespace)
        .unwrap_or((opening, ""));
    let title = super::escape(title.trim());
    if kind.eq_ignore_ascii_case("details") {
        let summary = if title.is_empty() { "Details" } else { &title };
        let (html, close) = super::callouts::opening_html("note", "Note", summary, Some(false));
        return (html.trim_end().to_string(), close);
    }
    let (class, label) = match super::callouts::callout_title(kind) {
        Some(label) => (kind.to_ascii_lowercase(), label),
        None => ("note".to_string(), "Note"),
    };
    let heading = match title.is_empty() {
        true => label.to_string(),
        false => format!("{label}: {title}"),
    };
    let (html, close) = super::callouts::opening_html(&class, label, &heading, None);
    (html.trim_end().to_string(), close)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(text: &str) -> Option<String> {
        rendered(text, Options::empty()).map(|(out, _)| out)
    }

    #[test]
    fn the_inner_text_of_a_markdown_pair_is_its_html() {
        assert_eq!(
            out("<div>\n{{% blocks/feature title=\"Install\" %}}\n[Get it](/docs/) **now**\n{{% /blocks/feature %}}\n</div>\n").unwrap(),
            "<div>\n{{% blocks/feature title=\"Install\" %}}\n<p><a href=\"/docs/\">Get it</a> <strong>now</strong></p>\n{{% /blocks/feature %}}\n</div>\n"
        );
        // Only the innermost pair; `{{< >}}` pairs, whose inner text Hugo passes as it
        // is, and empty pairs stay.
        let nested = "{{% outer %}}\nA *b*\n{{% inner %}}\nC *d*\n{{% /inner %}}\n{{% /outer %}}\n";
        assert_eq!(
            out(nested).unwrap(),
            "{{% outer %}}\nA *b*\n{{% inner %}}\n<p>C <em>d</em></p>\n{{% /inner %}}\n{{% /outer %}}\n"
        );
        for text in [
            "{{< section >}}\n*a*\n{{< /section >}}\n",
            "{{% empty %}} {{% /empty %}}\n",
            "<p>No tags.</p>\n",
        ] {
            assert_eq!(out(text), None, "{text}");
        }
    }

    #[test]
    fn a_heading_a_drawing_wrote_is_html_and_the_page_s_own_text_stays() {
        let text = "<p>Own</p>\n### Not drawn\n";
        let mut splice = Splice::new(text);
        splice.copy(0..11);
        splice.insert("\n### Install *now*\n\n", 11);
        splice.copy(11..text.len());
        let (out, map) = drawings_as_html(&splice.out, &splice.map).unwrap();
        assert_eq!(
            out,
            "<p>Own</p>\n\n<h3>Install <em>now</em></h3>\n\n### Not drawn\n"
        );
        // Positions in it map to where the drawing stood.
        assert_eq!(map.back(out.find("<h3>").unwrap()), 12);
        let mut splice = Splice::new(text);
        splice.copy(0..text.len());
        assert!(drawings_as_html(&splice.out, &splice.map).is_none());
        // Docsy's feature block's link (kustomize's home page showed it as written).
        let text = "<p>Own</p>\n[Not drawn](x)\n";
        let mut splice = Splice::new(text);
        splice.copy(0..11);
        splice.insert("\n\n[Read more](<https://x.org/>)\n\n", 11);
        splice.copy(11..text.len());
        let (out, _) = drawings_as_html(&splice.out, &splice.map).unwrap();
        assert_eq!(
            out,
            "<p>Own</p>\n\n\n<p><a href=\"https://x.org/\">Read more</a></p>\n\n[Not drawn](x)\n"
        );
        // A box's lines, nested, and a folding one; the page's own `:::` stays.
        let text = "A\nB\nC\nD\n:::\n";
        let mut splice = Splice::new(text);
        splice.copy(0..2);
        splice.insert(":::tip Mind <it>\n", 2);
        splice.copy(2..4);
        splice.insert(":::details\n", 4);
        splice.copy(4..6);
        splice.insert(":::\n", 6);
        splice.copy(6..8);
        splice.insert(":::\n", 8);
        splice.copy(8..text.len());
        let (out, _) = drawings_as_html(&splice.out, &splice.map).unwrap();
        assert_eq!(
            out,
            "A\n<div class=\"callout callout-tip\" role=\"note\" aria-label=\"Tip\">\n\
             <p class=\"callout-title\">Tip: Mind &lt;it&gt;</p>\nB\n\
             <details class=\"callout callout-note\">\n<summary class=\"callout-title\">Details</summary>\n\
             C\n</details>\nD\n</div>\n:::\n"
        );
    }
}
