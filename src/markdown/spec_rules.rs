//! mdbook-spec's rule markers, as the Rust Reference writes them: a line that is
//! `r[items.static]` alone, at the start of the line and outside code, names the rule
//! the text after it states. mdbook-spec writes each as a link to itself,
//! `<div class="rule" id="r-items.static"><a class="rule-link" href="#r-items.static">`,
//! so a rule's address is its page and `#r-` and its name; links whose destination is
//! a rule's bare name (`[static items]: items.static`) lead there (see
//! `site/refs/resolve.rs`), and so does a reference with no definition on its page
//! whose label is a rule's name (`[comments]`, `` [`#[cold]`][attributes.codegen.cold] ``),
//! as mdbook-spec defines a reference for every rule on every page ([`addresses`]).

use super::expand::{literal_ranges, SegMap, Splice};
use pulldown_cmark::Options;
use std::collections::HashMap;
use std::path::Path;

/// Every rule the site's marker lines name, by its name in lower case (a reference's
/// label is matched whatever its case, as CommonMark matches labels), with the address
/// of its place: its file from the content folder's root, `#r-` and its name. The
/// first marker of a name is its place, as for its anchor (`site/refs/anchors.rs`).
pub type RuleAddresses = HashMap<String, String>;

/// [`RuleAddresses`] of the files (each a path from the content folder and its text).
pub fn addresses<'f>(files: impl Iterator<Item = (&'f Path, &'f str)>) -> RuleAddresses {
    let mut addresses = RuleAddresses::new();
    for (path, text) in files {
        if !crate::text::holds(text, "r[") {
            continue;
        }
        let mut file = None;
        for line in text.lines() {
            let Some(name) = rule_name(line) else {
                continue;
            };
            let file = file.get_or_insert_with(|| address_of(path));
            addresses
                .entry(name.to_ascii_lowercase())
                .or_insert_with(|| format!("{file}#r-{name}"));
        }
    }
    addresses
}

/// The address of the file `path` (from the content folder) from the site's root.
fn address_of(path: &Path) -> String {
    let mut address = String::from("/");
    for (i, part) in path.iter().enumerate() {
        if i > 0 {
            address.push('/');
        }
        for c in part.to_string_lossy().chars() {
            match c {
                '%' => address.push_str("%25"),
                ' ' => address.push_str("%20"),
                '#' => address.push_str("%23"),
                '?' => address.push_str("%3F"),
                c => address.push(c),
            }
        }
    }
    address
}

/// Where a reference with no definition on its page leads, when its label is a rule's
/// name: the rule's place.
pub(super) fn address<'a>(addresses: &'a RuleAddresses, label: &str) -> Option<&'a str> {
    if addresses.is_empty() {
        return None;
    }
    let label = label.trim();
    if !is_name(label) {
        return None;
    }
    addresses
        .get(&label.to_ascii_lowercase())
        .map(String::as_str)
}

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
    is_name(name).then_some(name)
}

fn is_name(name: &str) -> bool {
    let part = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    name.split('.').all(part)
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

    #[test]
    fn every_rule_has_the_address_of_its_first_marker() {
        let files = [
            (
                Path::new("items/static items.md"),
                "# S\n\nr[items.Static]\nText.\n",
            ),
            (
                Path::new("other.md"),
                "r[items.static]\n\nr[comments]\r\n no r[x]\n",
            ),
        ];
        let found = addresses(files.iter().map(|(p, t)| (*p, *t)));
        assert_eq!(found.len(), 2);
        assert_eq!(
            found["items.static"],
            "/items/static%20items.md#r-items.Static"
        );
        assert_eq!(found["comments"], "/other.md#r-comments");
        assert_eq!(
            address(&found, " Items.STATIC "),
            Some("/items/static%20items.md#r-items.Static")
        );
        assert_eq!(address(&found, "comments"), Some("/other.md#r-comments"));
        for label in ["x", "sic", "items static", "items..static", ""] {
            assert_eq!(address(&found, label), None, "{label}");
        }
    }
}
