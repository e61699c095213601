//! YAML front matter with a property that cannot be read, under `[build]
//! invalid_front_matter = "warn"`: Obsidian opens such a note and shows its text (its
//! properties flagged as invalid), so a vault holds notes no other tool would build.
//! Here each top-level property that keeps the front matter from being read (`title:
//! A: B`, a quote never closed, a number that is a word) is left out with a warning
//! at its line, and the note is read with the others.
//!
//! A property that decides whether the note is published (`publish`, `draft`) and
//! cannot be read holds the note back, as a private note must never be published by
//! mistake; one naming a safety block stays an error, as the page would lose its
//! crisis information.

use super::fence::{find_front_matter, Format, Found};
use super::{split_front_matter, FrontMatter};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use std::ops::Range;
use std::path::Path;

/// Properties that hold the note back when they cannot be read.
const PUBLISHING: [&str; 2] = ["publish", "draft"];

/// How many properties of the wrong kind are left out one at a time, each a reading
/// of the whole front matter again.
const MAX_ROUNDS: usize = 16;

/// Properties whose loss is never a warning.
const KEPT: [&str; 1] = ["safety"];

/// [`split_front_matter`] of `text`; with `lenient`, front matter that cannot be read
/// is mended first (see the module's text). Returns the text as read, in which each
/// property left out is blanked (spaces, so every place keeps its line, column and
/// byte), with its front matter and where its body starts.
pub(super) fn split(
    text: String,
    file: &Path,
    lenient: bool,
    diagnostics: &mut Diagnostics,
) -> Option<(String, FrontMatter, usize)> {
    let mut found = Diagnostics::new();
    if let Some((front, body_start)) = split_front_matter(&text, file, &mut found) {
        diagnostics.extend(found);
        return Some((text, front, body_start));
    }
    let mended = mend(&text, file);
    // Strict, the help says what `warn` would do, when it would read the note.
    let mendable = !lenient && mended.is_some();
    match mended.filter(|_| lenient) {
        Some((text, front, body_start, more)) => {
            diagnostics.extend(more);
            Some((text, front, body_start))
        }
        None => {
            let strict = "to publish while fixing, set `invalid_front_matter = \"warn\"` under [build] in book.toml (each property that cannot be read is left out, with a warning)";
            for d in found.into_vec() {
                diagnostics.push(match (mendable, d.severity, &d.help) {
                    (true, Severity::Error, _) => d.more_help(strict),
                    _ => d,
                });
            }
            None
        }
    }
}

/// One top-level property of YAML front matter: its key and its lines' bytes in the
/// file (from its key to the line before the next property).
struct Entry {
    key: String,
    bytes: Range<usize>,
    line: usize,
}

/// `text` with the unreadable properties blanked, its front matter, body start and
/// diagnostics; `None` when that does not make it readable.
fn mend(text: &str, file: &Path) -> Option<(String, FrontMatter, usize, Diagnostics)> {
    let Found::Block {
        format: Format::Yaml,
        head,
        first_line,
        ..
    } = find_front_matter(text)
    else {
        return None;
    };
    // YAML refused before parsing (nested too deep, aliases that multiply) stays
    // refused: nothing is parsed again, property by property.
    if super::yaml::guard_yaml(&text[head.clone()]).is_err() {
        return None;
    }
    let entries = entries(text, head, first_line);
    let mut mended = text.to_string();
    let mut left_out: Vec<(usize, Diagnostic)> = Vec::new();
    // Each property that is no YAML on its own.
    for (i, entry) in entries.iter().enumerate() {
        if let Some((line, column, message)) = unreadable(&text[entry.bytes.clone()]) {
            let d = Diagnostic::error(
                Code::FrontMatter,
                format!("invalid YAML in front matter: {message}"),
            )
            .at(file, entry.line + line - 1, column);
            left_out.push((i, d));
            blank(&mut mended, entry.bytes.clone());
        }
    }
    // Then each property a reading of the rest still stops at (a value of a kind its
    // key cannot hold), one at a time.
    // A few rounds: front matter holding more than that many properties of the wrong
    // kind is not read one at a time.
    for _ in 0..=entries.len().min(MAX_ROUNDS) {
        let mut found = Diagnostics::new();
        if let Some((mut front, body_start)) = split_front_matter(&mended, file, &mut found) {
            let mut diagnostics = found;
            for (i, d) in left_out {
                let key = entries[i].key.as_str();
                if KEPT.contains(&key) {
                    return None;
                }
                let property = &text[entries[i].bytes.clone()];
                diagnostics.push(warn(d, key, property, &mut front));
            }
            return Some((mended, front, body_start, diagnostics));
        }
        let stopped = found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .find_map(|d| {
                let i = entries.iter().position(|e| {
                    e.line <= d.line && {
                        let end = e.line + text[e.bytes.clone()].lines().count();
                        d.line < end
                    }
                })?;
                (!left_out.iter().any(|(j, _)| *j == i)).then(|| (i, d.clone()))
            });
        let (i, d) = stopped?;
        blank(&mut mended, entries[i].bytes.clone());
        left_out.push((i, d));
    }
    None
}

/// `d` as the warning for its property `key`, written `property`, left out of `front`.
fn warn(d: Diagnostic, key: &str, property: &str, front: &mut FrontMatter) -> Diagnostic {
    let correct = property
        .lines()
        .find_map(super::yaml::unquoted_link_help)
        .unwrap_or_else(|| "correct the YAML (a value holding `: ` or starting with a quote is written in quotes of its own: `title: \"Grief: a guide\"`)".to_string());
    let fix = format!("{correct}, or set `invalid_front_matter = \"error\"` under [build] in book.toml to make this an error");
    let shown = if PUBLISHING.contains(&key) {
        // Not knowing whether the note may be published, it is not.
        if key == "draft" {
            front.draft = true;
        } else {
            front.publish = Some(false);
        }
        format!("the note is held back, as its `{key}` cannot be read")
    } else {
        format!("the note is published without `{key}`, as Obsidian opens a note whose properties it cannot read")
    };
    Diagnostic {
        severity: Severity::Warning,
        ..d.help(format!("{shown}; {fix}"))
    }
}

/// The top-level properties of the YAML front matter in `text[head]`, whose first line
/// is line `first_line` of the file. A property starts at a line that opens with
/// neither a space, a comment, nor a list item (`- a`, which YAML lets a key's list
/// start at the margin).
fn entries(text: &str, head: Range<usize>, first_line: usize) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut offset = head.start;
    for (n, line) in text[head.clone()].split_inclusive('\n').enumerate() {
        let starts = line
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '#' | '-' | ']' | '}'));
        let end = offset + line.len();
        // An indented line before any property (`    title: A` opening the front
        // matter, which makes the next line at the margin no YAML) is one of its own.
        let first =
            entries.is_empty() && !matches!(line.trim_start().chars().next(), None | Some('#'));
        match entries.last_mut() {
            Some(last) if !starts => last.bytes.end = end,
            _ if starts || first => entries.push(Entry {
                key: key_of(line),
                bytes: offset..end,
                line: first_line + n,
            }),
            _ => {}
        }
        offset = end;
    }
    entries
}

/// The key a property's first line names (`title` of `title: A: B`, `"a b"` → `a b`).
fn key_of(line: &str) -> String {
    let key = line
        .trim_start()
        .split(':')
        .next()
        .unwrap_or_default()
        .trim();
    key.trim_matches(|c| c == '"' || c == '\'').to_string()
}

/// Where one property's text (`entry`) stops being YAML, and why: line (of the entry)
/// and column, and the message; `None` when it is a mapping of one key.
fn unreadable(entry: &str) -> Option<(usize, usize, String)> {
    match serde_yaml::from_str::<serde_yaml::Value>(entry) {
        Ok(value) if value.is_mapping() => None,
        Ok(_) => Some((1, 1, "a property is written `key: value`".to_string())),
        Err(e) => {
            // Text that ends inside a value (a quote never closed) is reported at the
            // end; the value where it starts says more.
            let value = entry.find(':').map_or(1, |colon| {
                let after = &entry[colon + 1..];
                entry[..colon].chars().count() + 2 + after.len() - after.trim_start().len()
            });
            let (line, column) = e
                .location()
                .map(|l| (l.line(), l.column()))
                .filter(|&(line, _)| line <= entry.trim_end().lines().count())
                .unwrap_or((1, value));
            Some((line, column, super::yaml::yaml_message(&e)))
        }
    }
}

/// `text` with the characters in `bytes` (but line ends) written as spaces, a byte
/// each, so every byte keeps its place.
fn blank(text: &mut String, bytes: Range<usize>) {
    let spaces: String = text[bytes.clone()]
        .chars()
        .map(|c| match c {
            '\n' | '\r' => c.to_string(),
            c => " ".repeat(c.len_utf8()),
        })
        .collect();
    text.replace_range(bytes, &spaces);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<(String, FrontMatter, usize)>, Diagnostics) {
        let mut d = Diagnostics::new();
        let r = split(text.to_string(), Path::new("a.md"), true, &mut d);
        (r, d)
    }

    #[test]
    fn a_title_holding_a_colon_is_left_out_and_the_rest_read() {
        let text = "---\ntitle: Grief: a guide\ntags: [loss]\ndate: 2024-01-02\n---\n# Grief\n";
        let (r, d) = read(text);
        let (mended, front, body) = r.expect("read");
        assert_eq!(front.title, None);
        assert_eq!(front.tags, vec!["loss".to_string()]);
        assert!(front.date.is_some());
        assert_eq!(&mended[body..], "# Grief\n");
        assert_eq!(mended.len(), text.len());
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].severity, d[0].line), (Severity::Warning, 2));
        assert!(d[0].message.contains("invalid YAML"), "{}", d[0].message);
    }

    #[test]
    fn a_link_written_without_quotes_is_named_with_its_quoted_form() {
        // As a vault's reference notes write their author (0xZakk/slipbox).
        let text =
            "---\ntitle: Vision\nauthor: [[David Perell]]\naliases:\n  - [[Home]]\n---\nText\n";
        let (r, d) = read(text);
        let (_, front, _) = r.expect("read");
        assert_eq!(front.title.as_deref(), Some("Vision"));
        assert!(front.aliases.is_empty());
        assert_eq!(d.len(), 2, "{d:?}");
        let help = |line: usize| {
            let d = d.iter().find(|d| d.line == line).expect("a warning there");
            d.help.clone().unwrap_or_default()
        };
        assert!(
            help(3).contains("`author: \"[[David Perell]]\"`"),
            "{}",
            help(3)
        );
        assert!(help(3).contains("invalid_front_matter"), "{}", help(3));
        assert!(help(4).contains("`- \"[[Home]]\"`"), "{}", help(4));
        // Strict, the error says the same.
        let mut d = Diagnostics::new();
        assert!(split(text.into(), Path::new("a.md"), false, &mut d).is_none());
        let help = d.iter().next().and_then(|d| d.help.as_deref()).unwrap();
        assert!(
            help.contains("written in quotes, as Obsidian asks"),
            "{help}"
        );
        // A quoted link is the name it links to.
        let (r, d) = read("---\nauthor: \"[[David Perell]]\"\n---\nText\n");
        assert_eq!(r.expect("read").1.author.as_deref(), Some("David Perell"));
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_quote_never_closed_is_found_at_its_own_property() {
        let text = "---\ntitle: \"Sleep\"\narxiv: \"2608.16145\ndate: 2026-08-17\ntags: [a, b]\n---\nText\n";
        let (r, d) = read(text);
        let (_, front, _) = r.expect("read");
        assert_eq!(front.title.as_deref(), Some("Sleep"));
        assert_eq!(front.tags.len(), 2);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 3);
    }

    #[test]
    fn an_unreadable_publish_holds_the_note_back_and_safety_stays_an_error() {
        let (r, d) = read("---\npublish: true: yes\ntitle: A\n---\nText\n");
        let (_, front, _) = r.expect("read");
        assert_eq!(front.publish, Some(false));
        assert!(d[0].help.as_deref().unwrap().contains("held back"));
        let (r, d) = read("---\nsafety: [a\ntitle: A\n---\nText\n");
        assert!(r.is_none());
        assert!(d.has_errors());
    }

    #[test]
    fn strict_reading_and_readable_front_matter_are_unchanged() {
        let mut d = Diagnostics::new();
        let text = "---\ntitle: A: B\n---\nText\n";
        assert!(split(text.into(), Path::new("a.md"), false, &mut d).is_none());
        assert!(d.has_errors());
        let (r, d) = read("---\ntitle: A\ntags:\n- a\n- b\n---\nText\n");
        assert_eq!(r.expect("read").1.tags.len(), 2);
        assert!(d.is_empty());
    }

    #[test]
    fn an_indented_first_property_is_left_out_alone() {
        // utho-docs: `    title: …` opening the front matter, every other key at the
        // margin.
        let (r, d) = read("---\n    title: \"PHP 8\"\ndate: 2023-06-28\ndraft: false\n---\nText\n");
        let (_, front, _) = r.expect("read");
        assert_eq!(front.title, None);
        assert!(front.date.is_some());
        assert_eq!((d.len(), d[0].line), (1, 2), "{d:?}");
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_left_out_too() {
        let (r, d) = read("---\ntitle: A\norder: first\n---\nText\n");
        let (_, front, _) = r.expect("read");
        assert_eq!(front.title.as_deref(), Some("A"));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].severity, d[0].line), (Severity::Warning, 3));
    }
}
