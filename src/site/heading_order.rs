//! Headings that skip a level (`# Sleep` then `### Tips`): kept as written, as
//! Obsidian, Quartz, mdBook, Hugo and Zola keep them, with a warning where axe's
//! `heading-order` rule flags the page (markdownlint's MD001 warns so too). Below a
//! title taken from an opening `##`, the levels are those after climbing with it
//! (`markdown::headings`).

use super::Site;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};

impl Site {
    /// A `heading-skip` warning for each heading of an article more than one level below
    /// the heading before it on its page (more than a few, one warning counting them),
    /// as the default theme writes the page: the title's `<h1>`, then `<h2>`s for its
    /// safety blocks and for "On this page" when the page lists its contents, then the
    /// body's headings.
    pub(super) fn check_heading_order(&self, diagnostics: &mut Diagnostics) {
        for article in &self.articles {
            let headings = &article.parsed.headings;
            // The article template shows the list; the page template (outside any
            // topic) only where the marker asks for it.
            let contents = article.toc_headings().next().is_some()
                && (article.topic.is_some() || article.asks_for_toc());
            let blocks = article.topic.is_some() && !article.front.safety.is_empty();
            let mut before: u8 = if contents || blocks { 2 } else { 1 };
            for (i, h) in headings.iter().enumerate() {
                let after = std::mem::replace(&mut before, h.level);
                if h.level <= after + 1 {
                    continue;
                }
                let previous = match after {
                    1 if i == 0 => "the page's title (level 1)".to_string(),
                    2 if i == 0 => "the page's contents list (level 2)".to_string(),
                    n => format!("a level-{n} heading"),
                };
                // In the source's levels: below a `##` title, each heading is shown
                // as many levels higher as the title climbed.
                let shift = article.parsed.heading_shift;
                let follows = "#".repeat(usize::from(after + shift) + 1);
                let shown = match shift {
                    0 => String::new(),
                    n => format!(" (below the `{}` that became the page's title, each heading is shown {n} level{} higher than written)", "#".repeat(usize::from(n) + 1), if n == 1 { "" } else { "s" }),
                };
                diagnostics.push(
                    Diagnostic::warning(
                        Code::HeadingSkip,
                        format!(
                            "heading '{}' is level {} after {previous}: a level is skipped",
                            h.text, h.level
                        ),
                    )
                    .at(&article.path, h.line, h.column)
                    // A site written elsewhere may skip levels hundreds of times
                    // (spinnaker.io's generated command reference: 650 in one page).
                    .family("headings that skip a level")
                    .help(format!(
                        "a screen reader lists headings by level and shows a section missing here (axe's heading-order rule flags the page); write `{follows} {}` to follow on, or keep it: it is published as written{shown}",
                        h.text
                    )),
                );
            }
        }
    }
}
