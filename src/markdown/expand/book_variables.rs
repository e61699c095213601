//! mdbook-variables: `{{name}}` in a chapter, and in the files it includes, is the
//! value book.toml's `[preprocessor.variables.variables]` gives `name`, written in
//! before the text is read as Markdown. As that preprocessor reads it
//! (gitlab.com/tglman/mdbook-variables, `src/lib.rs`: the pattern
//! `\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}`), the name is letters, digits, `_` and `.`, with
//! spaces allowed inside the braces; it is replaced everywhere, code included, and it
//! runs after mdBook's own `{{#include}}`, so an included file's names are filled in
//! too. A name book.toml does not give is left to the passes after, which report it.

use super::{Maps, Splice};
use std::collections::BTreeMap;

/// `text` with each `{{ name }}` that `variables` gives a value replaced by it; its map
/// pushed onto `maps` when anything was.
pub(super) fn fill(text: String, variables: &BTreeMap<String, String>, maps: &mut Maps) -> String {
    if variables.is_empty() {
        return text;
    }
    let mut splice = Splice::new(&text);
    let mut copied = 0;
    let mut from = 0;
    while let Some(found) = text[from..].find("{{") {
        let start = from + found;
        // `{{{name}}}`: the pattern matches from the second brace.
        from = start + 1;
        let Some((name, end)) = variable_at(&text, start + 2) else {
            continue;
        };
        let Some(value) = variables.get(name) else {
            continue;
        };
        splice.copy(copied..start);
        splice.insert(value, start);
        copied = end;
        from = end;
    }
    if copied == 0 {
        return text;
    }
    splice.copy(copied..text.len());
    maps.0.push(splice.map);
    splice.out
}

/// The name written from `at` (just after `{{`) and the offset after its `}}`, if the
/// braces hold a name alone.
fn variable_at(text: &str, at: usize) -> Option<(&str, usize)> {
    let rest = &text[at..];
    let inner = rest.trim_start();
    let len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(inner.len());
    let name = &inner[..len];
    let after = inner[len..].trim_start();
    if name.is_empty() || !after.starts_with("}}") {
        return None;
    }
    Some((name, text.len() - after.len() + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(text: &str) -> (String, Maps) {
        let variables: BTreeMap<String, String> =
            [("rootUrl", ""), ("version", "1.2"), ("a.b", "x")]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        let mut maps = Maps::default();
        (fill(text.to_string(), &variables, &mut maps), maps)
    }

    #[test]
    fn names_are_filled_in_as_mdbook_variables_reads_them() {
        let (text, maps) = filled("[B]({{rootUrl}}/b.md) v{{ version }}, {{a.b}} `{{version}}`");
        assert_eq!(text, "[B](/b.md) v1.2, x `1.2`");
        // A place in the value is the place of its `{{`.
        assert_eq!(
            maps.back(text.find("1.2").unwrap_or(0)),
            "[B]({{rootUrl}}/b.md) v".len()
        );
        assert_eq!(filled("{{{version}}}").0, "{1.2}");
    }

    #[test]
    fn other_braces_stay_as_written() {
        for text in [
            "{{missing}}",
            "{{#include a.md}}",
            "{{ a b }}",
            "{{version",
            "{{}}",
            "é{{",
        ] {
            let (out, maps) = filled(text);
            assert_eq!(out, text);
            assert!(maps.0.is_empty());
        }
    }
}
