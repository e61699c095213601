//! mdbook-spec's rule markers, as the Rust Reference writes them: a line that is
//! `r[items.static]` alone, at the start of the line and outside code, names the rule
//! the text after it states. mdbook-spec writes each as a link to itself,
//! `<div class="rule" id="r-items.static"><a class="rule-link" href="#r-items.static">`,
//! so a rule's address is its page and `#r-` and its name; links whose destination is
//! a rule's bare name (`[static items]: items.static`) lead there (see
//! `site/refs/resolve.rs`).

use super::expand::{literal_ranges, SegMap, Splice};
use pulldown_cmark::Options;

/// The text with every rule marker written as mdbook-spec writes it, and the map back
/// to the text as written; `None` when there is none.
pub(super) fn rewrite(text: &str, options: Options) -> Option<(String, SegMap)> {
    let mut markers = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if let Some(name) = rule_name(bare) {
            markers.push((at, at + bare.len(), name));
        }
        at += line.len();
    }
    if markers.is_empty() {
        return None;
    }
    let literal = literal_ranges(text, options);
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for (start, end, name) in markers {
        if literal.iter().any(|r| r.start <= start && start < r.end) {
            continue;
        }
        splice.copy(copied..start);
        // A blank line after it ends the HTML block, so the rule's text is Markdown;
        // a name is letters, digits, `_`, `-` and dots: nothing to escape.
        splice.insert(
            &format!(
                "<div class=\"rule\" id=\"r-{name}\"><a class=\"rule-link\" href=\"#r-{name}\">[{name}]</a></div>\n"
            ),
            start,
        );
        copied = end;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// The rule a line names, if it is a marker: `r[` a name `]`, nothing else on the line.
/// A name is letters, digits, `_`, `-` and dots between its parts (`expr.block.async`,
/// `lex.token.literal.str-raw`), as the Reference's names are.
fn rule_name(line: &str) -> Option<&str> {
    let name = line.strip_prefix("r[")?.strip_suffix(']')?;
    let part = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    name.split('.').all(part).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Option<String> {
        rewrite(text, Options::empty()).map(|(out, _)| out)
    }

    #[test]
    fn a_marker_line_is_the_rule_s_anchor_and_link() {
        let out = run("# Statics\n\nr[items.static.init]\nThe initializer is const.\n").unwrap();
        assert_eq!(
            out,
            "# Statics\n\n<div class=\"rule\" id=\"r-items.static.init\"><a class=\"rule-link\" href=\"#r-items.static.init\">[items.static.init]</a></div>\n\nThe initializer is const.\n"
        );
    }

    #[test]
    fn only_a_whole_line_outside_code_is_a_marker() {
        assert_eq!(run("See r[items.static] here.\n"), None);
        assert_eq!(run(" r[items.static]\n"), None);
        assert_eq!(run("r[items static]\n"), None);
        assert_eq!(run("r[a..b]\n"), None);
        let fenced = "```\nr[items.static]\n```\n";
        assert_eq!(run(fenced).as_deref(), Some(fenced));
    }
}
