//! Code blocks: highlighted at their end, with mdBook's hidden lines left out, and a
//! warning for languages attune shows only as code.

use super::{highlight, Builder};
use crate::diagnostic::{Code, Diagnostic};
use pulldown_cmark::{CowStr, Event};
use std::collections::BTreeMap;

impl Builder<'_, '_> {
    pub(super) fn end_code_block(&mut self) {
        let Some((lang, code)) = self.code.take() else {
            return;
        };
        // A `base` block in a vault is an Obsidian Bases view, written in place.
        let first = lang.as_deref().and_then(|l| l.split_whitespace().next());
        if first == Some("base") && matches!(self.ctx.expressions, super::Expressions::Vault { .. })
        {
            let (line, column) = self.code_at;
            self.base_view(String::new(), None, Some(code), line, column);
            return;
        }
        let code = without_hidden_lines(&code, lang.as_deref(), self.ctx.code_hidelines);
        let code = match self.ctx.expressions == super::Expressions::Vue {
            true => without_code_notations(&code),
            false => code,
        };
        let html = if self.ctx.highlight {
            highlight::highlight(&code, lang.as_deref())
        } else {
            highlight::plain(&code, lang.as_deref())
        };
        self.html_events.push(Event::Html(CowStr::from(html)));
    }

    /// An HTML comment its block leaves open (`<!--` in a callout whose `-->` is on a
    /// line after the callout ends, or never written): a browser would hide the rest of
    /// the page in it. Closed where its block ends, with a warning.
    pub(super) fn close_html_comment(&mut self, html: &mut String, start: usize) {
        // A `<!--` in a `<script>` or `<textarea>` is its text, not a comment.
        let text = super::elements::text_spans(html);
        let mut at = 0;
        loop {
            let Some(open) = html[at..].find("<!--").map(|i| at + i) else {
                return;
            };
            if let Some((_, span)) = text.iter().find(|(_, span)| span.contains(&open)) {
                at = span.end;
                continue;
            }
            match html[open + 4..].find("-->") {
                Some(end) => at = open + 4 + end + 3,
                None => break,
            }
        }
        html.push_str(" -->");
        let (line, column) = self.position(&(start..start));
        self.out.diagnostics.push(
            Diagnostic::warning(
                Code::UnclosedComment,
                "this HTML comment `<!--` is not closed where its block ends: closed there, so the rest of the page shows",
            )
            .at(self.file.to_path_buf(), line, column)
            .help("write `-->` inside the same block (in a callout or quote, on a line that starts with `>`)"),
        );
    }

    /// An HTML block opened by `<pre>` with no `</pre>` after it: CommonMark (and
    /// mdBook, Zola, Hugo with raw HTML on) read the rest of the article, or of the
    /// quote or list item it is in, as raw HTML, its Markdown shown as written. Read so
    /// here too, closed where the block ends (so the page around the article is not
    /// inside it), with a warning at the tag.
    pub(super) fn close_pre(&mut self, html: &mut String, start: usize) {
        let opens = html
            .trim_start()
            .get(..4)
            .is_some_and(|t| t.eq_ignore_ascii_case("<pre"))
            && html.trim_start()[4..].starts_with([' ', '\t', '\n', '\r', '>']);
        if !opens || html.to_ascii_lowercase().contains("</pre") {
            return;
        }
        html.push_str("</pre>\n");
        let (line, column) = self.position(&(start..start));
        self.out.diagnostics.push(
            Diagnostic::warning(
                Code::UnclosedHtml,
                "this `<pre>` is never closed: everything after it in its block is read as raw HTML, its Markdown shown as written",
            )
            .at(self.file.to_path_buf(), line, column)
            .help("write `</pre>` where the preformatted text ends, or put the text in a ``` code fence"),
        );
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
                .help("draw the diagram as an image (SVG or PNG) and show it with ![description](diagram.svg); attune pages run no script from elsewhere")
                .family("Mermaid diagrams"),
            );
        }
    }
}

/// `code` without the lines mdBook hides from readers. In a Rust block (info string
/// `rust`, with any attributes: `rust,ignore`, `rust editable`) a line whose first
/// non-blank character is `#` followed by a space or nothing is hidden (`# fn main() {`,
/// a lone `#`), and `##` stands for a literal `#` (`##[derive(Debug)]`); `#[…]` and
/// `#!…` stay. A block of any language with a `hidelines=<prefix>` attribute hides the
/// lines starting with that prefix, and so does a block of a language the book's
/// `[output.html.code.hidelines]` (`book`) gives a prefix (`java = "# "`), as mdBook
/// hides them: the block's own attribute first.
pub(crate) fn without_hidden_lines<'c>(
    code: &'c str,
    info: Option<&str>,
    book: &BTreeMap<String, String>,
) -> std::borrow::Cow<'c, str> {
    let Some(info) = info else {
        return code.into();
    };
    let mut words = info
        .split(|c: char| c == ',' || c.is_whitespace() || c == '{' || c == '}')
        .filter(|w| !w.is_empty());
    let lang = words.next().unwrap_or("");
    let prefix = words
        .find_map(|w| w.strip_prefix("hidelines="))
        .filter(|p| !p.is_empty())
        .or_else(|| {
            book.get(lang)
                .map(String::as_str)
                .filter(|_| lang != "rust")
        });
    let rust = lang == "rust" && prefix.is_none();
    if !rust && prefix.is_none() {
        return code.into();
    }
    let mut out = String::with_capacity(code.len());
    for line in code.split_inclusive('\n') {
        let rest = line.trim_start();
        let indent = &line[..line.len() - rest.len()];
        if let Some(prefix) = prefix {
            if !rest.starts_with(prefix) {
                out.push_str(line);
            }
            continue;
        }
        let Some(after) = rest.strip_prefix('#') else {
            out.push_str(line);
            continue;
        };
        if after.starts_with('#') {
            out.push_str(indent);
            out.push_str(after);
        } else if !(after.is_empty() || after.starts_with([' ', '\n', '\r'])) {
            out.push_str(line);
        }
    }
    out.into()
}

/// `code` without VitePress's code notations, the comments its Shiki transformers
/// read and take out (`// [!code focus]`, `# [!code ++]`, `<!-- [!code hl] -->`,
/// `/* [!code --] */`, `[!code focus:3]`, `[!code word:Hello]`): they mark a line as
/// focused, added, removed or highlighted, and are never shown. A line left with
/// nothing else goes too.
fn without_code_notations(code: &str) -> std::borrow::Cow<'_, str> {
    const MARK: &str = "[!code ";
    if !code.contains(MARK) {
        return code.into();
    }
    let mut out = String::with_capacity(code.len());
    for line in code.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let Some(at) = body.find(MARK) else {
            out.push_str(line);
            continue;
        };
        let Some(close) = body[at..].find(']').map(|c| at + c + 1) else {
            out.push_str(line);
            continue;
        };
        // The comment it stands in, from its opening to its end.
        let before = body[..at].trim_end();
        let opener = ["//", "<!--", "/*", "#", "--", ";"]
            .iter()
            .find(|o| before.ends_with(**o));
        let Some(opener) = opener else {
            out.push_str(line);
            continue;
        };
        let after = body[close..].trim_start();
        let after = (after
            .strip_prefix("-->")
            .or_else(|| after.strip_prefix("*/")))
        .unwrap_or(after);
        let kept = format!(
            "{}{}",
            before[..before.len() - opener.len()].trim_end(),
            after
        );
        if kept.trim().is_empty() {
            continue;
        }
        out.push_str(&kept);
        out.push_str(&line[body.len()..]);
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse_md;

    #[test]
    fn vitepress_code_notations_are_taken_out() {
        let code = "const a = 1 // [!code focus]\nconst b = 2 // [!code ++]\n# [!code hl]\nx = 1 # [!code --]\n<p>x</p> <!-- [!code focus:3] -->\nint y; /* [!code warning] */\nkeep // a [!comment]\n";
        assert_eq!(
            super::without_code_notations(code),
            "const a = 1\nconst b = 2\nx = 1\n<p>x</p>\nint y;\nkeep // a [!comment]\n"
        );
        assert_eq!(super::without_code_notations("plain\n"), "plain\n");
    }
    use super::without_hidden_lines;
    use std::collections::BTreeMap;

    #[test]
    fn rust_blocks_leave_out_the_lines_mdbook_hides() {
        let code = "# #![allow(unused)]\n# fn main() {\n#[derive(Debug)]\nstruct A;\n    ##[cfg(x)]\n#\n#!allow\n  # hidden()\n# }\n";
        let shown = "#[derive(Debug)]\nstruct A;\n    #[cfg(x)]\n#!allow\n";
        let none = BTreeMap::new();
        for info in [
            "rust",
            "rust,ignore",
            "rust editable",
            "rust,no_run,edition2021",
        ] {
            assert_eq!(
                without_hidden_lines(code, Some(info), &none),
                shown,
                "{info}"
            );
        }
        for info in [None, Some("python"), Some("text"), Some("rusty")] {
            assert_eq!(without_hidden_lines(code, info, &none), code, "{info:?}");
        }
        assert_eq!(
            without_hidden_lines("~hidden\nshown\n", Some("python,hidelines=~"), &none),
            "shown\n"
        );
        // A block whose every line is hidden shows nothing, with no leftovers.
        let p = parse_md("```rust\n# fn main() {\n# }\n```\n\n```rust,should_panic\n# fn main() {\npanic!();\n# }\n```\n");
        assert!(!p.html.contains("main"), "{}", p.html);
        assert!(p.html.contains("panic"), "{}", p.html);
        assert!(p.html.contains("hl-"), "still highlighted: {}", p.html);
    }

    #[test]
    fn the_books_hidelines_hide_lines_in_every_block_of_their_language() {
        let book = BTreeMap::from([
            ("java".to_string(), "# ".to_string()),
            ("rust".to_string(), "~".to_string()),
        ]);
        let code = "# class Hidden {\n    # field;\nshown();\n#no space\n# }\n";
        let shown = "shown();\n#no space\n";
        assert_eq!(without_hidden_lines(code, Some("java"), &book), shown);
        assert_eq!(
            without_hidden_lines(code, Some("java,ignore"), &book),
            shown
        );
        // The block's own prefix comes first; other languages keep every line.
        assert_eq!(
            without_hidden_lines("~a\n# b\n", Some("java hidelines=~"), &book),
            "# b\n"
        );
        assert_eq!(without_hidden_lines(code, Some("kotlin"), &book), code);
        assert_eq!(without_hidden_lines(code, Some("javascript"), &book), code);
        // A Rust block hides Rust's way, whatever the table says.
        assert_eq!(
            without_hidden_lines("~x\n# fn main() {}\n", Some("rust"), &book),
            "~x\n"
        );
    }

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
