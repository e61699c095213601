//! Code blocks: highlighted at their end, and a warning for languages attune shows only
//! as code.

use super::{highlight, Builder};
use crate::diagnostic::{Code, Diagnostic};
use pulldown_cmark::{CowStr, Event};

impl Builder<'_, '_> {
    pub(super) fn end_code_block(&mut self) {
        let Some((lang, code)) = self.code.take() else {
            return;
        };
        let html = highlight::highlight(&code, lang.as_deref());
        self.html_events.push(Event::Html(CowStr::from(html)));
    }

    /// Warns of a code block in a language attune shows only as code.
    pub(super) fn check_code_language(
        &mut self,
        lang: Option<&str>,
        range: &std::ops::Range<usize>,
    ) {
        let Some(lang) = lang else { return };
        let first = lang.split([' ', ',', '{']).next().unwrap_or("");
        if first.eq_ignore_ascii_case("mermaid") {
            let (line, column) = self.position(range);
            self.out.diagnostics.push(
                Diagnostic::warning(
                    Code::Mermaid,
                    "Mermaid diagrams are not drawn: this block is shown as its code",
                )
                .at(self.file.to_path_buf(), line, column)
                .help("draw the diagram as an image (SVG or PNG) and show it with ![description](diagram.svg); attune pages run no script from elsewhere"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse_md;

    #[test]
    fn code_blocks_keep_their_language_class() {
        let p = parse_md("```rust,ignore\nfn main() {}\n```\n");
        assert!(
            p.html
                .contains("<pre class=\"hl\"><code class=\"language-rust,ignore\">"),
            "{}",
            p.html
        );
    }
}
