//! The shortcodes of the Hugo themes most documentation sites and blogs use, which a
//! page's text or links are in: Docsy's (`docsy.rs`), Hextra's (`hextra.rs`), Hugo
//! Book's (`book.rs`), LoveIt's (`loveit.rs`) and Congo's (`congo.rs`), drawn as their
//! templates draw them, and Hugo's own documentation's `code-toggle` (`gohugoio.rs`).
//! The theme itself is a Hugo module, not in the site's repository, so its templates
//! are not there to read.

mod book;
mod congo;
mod docsy;
mod gohugoio;
mod hextra;
mod loveit;

pub(super) use docsy::{bold, pair};

/// What stands for a theme's tag `name` (see `docsy::in_place`). A lone tag drawn as
/// Markdown links (a button, a card) inside an HTML block (`<div class="hx:mb-6">` on
/// the line above, as Hextra's landing page writes it) stands between blank lines, so
/// that its links are read as Markdown, not shown as `[Get Started](<docs>)` in the
/// block's raw HTML.
pub(super) fn in_place(
    name: &str,
    inner: &str,
    paired: bool,
    before: &str,
) -> Option<(String, Option<String>)> {
    let (open, close) = docsy::in_place(name, inner, paired, before)?;
    if close.is_none() && open.contains("](") && in_html_block(before) {
        return Some((format!("\n\n{open}\n\n"), None));
    }
    Some((open, close))
}

/// Whether a tag after `before`, first on its line, continues an HTML block: the lines
/// above it up to a blank one start with an HTML tag (CommonMark's HTML blocks run to a
/// blank line, and show what they hold as it is).
pub(super) fn in_html_block(before: &str) -> bool {
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    if !before[line_start..].trim().is_empty() || line_start == 0 {
        return false;
    }
    let above = &before[..line_start - 1];
    let run = above
        .rsplit('\n')
        .take_while(|line| !line.trim().is_empty())
        .last();
    run.is_some_and(|first| {
        let indent = first.len() - first.trim_start().len();
        let tag = first.trim_start().strip_prefix('<').unwrap_or("");
        indent < 4 && tag.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
    })
}

/// `text` as Markdown shows it as written: ASCII punctuation escaped, lines joined.
pub(super) fn plain(text: &str) -> String {
    text.trim()
        .chars()
        .flat_map(|c| match c {
            '\n' | '\r' => vec![' '],
            c if c.is_ascii_punctuation() => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

/// The tag `name` still open at the end of `before` (`{{< tabs … >}}` with no
/// `/tabs` after it): its text after the name, and what `before` holds after it.
fn open_tag<'t>(before: &'t str, name: &str) -> Option<(&'t str, &'t str)> {
    let opening = ["{{< ", "{{% ", "{{<", "{{%"]
        .iter()
        .filter_map(|o| {
            before
                .rfind(&format!("{o}{name}"))
                .map(|at| at + o.len() + name.len())
        })
        .max()?;
    if before
        .rfind(&format!("/{name}"))
        .is_some_and(|at| at > opening)
    {
        return None;
    }
    let rest = &before[opening..];
    let end = rest.find(">}}").or_else(|| rest.find("%}}"))?;
    Some((&rest[..end], &rest[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_tag_drawn_as_links_in_an_html_block_stands_apart() {
        let before = "Intro.\n\n<div class=\"hx:mb-6\">\n";
        let (shown, _) = in_place(
            "hextra/hero-button",
            "hextra/hero-button text=\"Get Started\" link=\"docs\"",
            false,
            before,
        )
        .unwrap();
        assert_eq!(shown, "\n\n[Get Started](<docs>)\n\n");
        // In a paragraph, or after a blank line, as it was.
        for before in ["Intro.\n\n", "Some text\n", "<div>\n\n", "Text <b>x</b> "] {
            let (shown, _) = in_place(
                "hextra/hero-button",
                "hextra/hero-button text=\"Go\" link=\"docs\"",
                false,
                before,
            )
            .unwrap();
            assert_eq!(shown, "[Go](<docs>)", "{before:?}");
        }
    }
}
