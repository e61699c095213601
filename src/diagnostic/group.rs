//! Many diagnostics of one family as one. A site written for another tool may call a
//! shortcode of its own hundreds of times (linkerd's docs: `{{< cli-flags … >}}` on
//! 534 pages); each call is the same problem with the same fix, so more than a few
//! are one diagnostic at the first place, saying how many and in how many files and
//! naming a few more places, and the rest of a first `check` can be read.

use super::{Diagnostic, Diagnostics};
use std::collections::BTreeMap;

/// More than this many of one family are reported as one.
const ONE_BY_ONE: usize = 3;

/// How many places after the first the grouped diagnostic names.
const LISTED: usize = 3;

impl Diagnostics {
    /// Each family (same severity, code and [`Diagnostic::family`]) with more than a
    /// few members as one diagnostic: the first by place, its message saying how many
    /// there are in how many files, with the next few places as notes.
    pub fn group_repeats(&mut self) {
        let mut families: BTreeMap<(super::Severity, String, String), Vec<usize>> = BTreeMap::new();
        for (i, d) in self.items.iter().enumerate() {
            if let Some(family) = &d.family {
                let key = (d.severity, d.code.to_string(), family.to_string());
                families.entry(key).or_default().push(i);
            }
        }
        let mut gone = vec![false; self.items.len()];
        let mut grouped = Vec::new();
        for indices in families.into_values() {
            let mut members: Vec<&Diagnostic> = indices.iter().map(|&i| &self.items[i]).collect();
            // One place counts once: text a file includes is reported at its place in
            // that file for each page including it, with only the help telling them
            // apart (a book's links.md, included by 236 chapters, is 205 uses, not
            // 205 × 236).
            fn place(d: &Diagnostic) -> (&Option<std::path::PathBuf>, usize, usize, &str) {
                (&d.file, d.line, d.column, &d.message)
            }
            members.sort_by(|a, b| place(a).cmp(&place(b)));
            members.dedup_by(|a, b| place(a) == place(b));
            if members.len() <= ONE_BY_ONE {
                continue;
            }
            let mut files: Vec<_> = members.iter().map(|d| &d.file).collect();
            files.dedup();
            // Each in a file of its own (orphans, one per file): the count says it.
            let in_files = match files.len() {
                1 => " in one file".to_string(),
                n if n == members.len() => String::new(),
                n => format!(" in {n} files"),
            };
            let family = members[0].family.as_deref().map_or("", String::as_str);
            let mut one = members[0].clone();
            one.message = format!(
                "{} ({} {family}{in_files}, reported here as one)",
                one.message,
                members.len(),
            );
            for d in members.iter().skip(1).take(LISTED) {
                let Some(file) = &d.file else { continue };
                one = one.related(file, d.line, d.column, "here too");
            }
            grouped.push(one);
            for i in indices {
                gone[i] = true;
            }
        }
        let mut keep = gone.iter().map(|g| !g);
        self.items.retain(|_| keep.next().unwrap_or(true));
        self.items.extend(grouped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    fn call(name: &str, file: &str, line: usize) -> Diagnostic {
        Diagnostic::warning(
            Code::UnsupportedSyntax,
            format!("shortcode `{name}` at {line}"),
        )
        .at(file, line, 1)
        .family(format!("uses of `{name}`"))
    }

    #[test]
    fn more_than_a_few_of_one_family_are_one_and_a_few_stay_one_each() {
        let mut diagnostics = Diagnostics::new();
        for i in 0..6 {
            diagnostics.push(call("cli-flags", &format!("p{}.md", 5 - i / 2), i + 1));
        }
        for i in 0..3 {
            diagnostics.push(call("note", "a.md", i + 1));
        }
        // The same message twice at one place counts once; no family, never grouped.
        diagnostics.push(call("cli-flags", "p5.md", 1));
        for _ in 0..5 {
            diagnostics.push(Diagnostic::warning(Code::BrokenLink, "broken").at("b.md", 1, 1));
        }
        diagnostics.group_repeats();
        let grouped: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.message.contains("cli-flags"))
            .collect();
        assert_eq!(grouped.len(), 1);
        let one = grouped[0];
        assert_eq!(
            one.message,
            "shortcode `cli-flags` at 5 (6 uses of `cli-flags` in 3 files, reported here as one)"
        );
        assert_eq!(one.file.as_deref(), Some(std::path::Path::new("p3.md")));
        let places: Vec<(String, usize)> = (one.related.iter())
            .map(|r| (r.file.display().to_string(), r.line))
            .collect();
        assert_eq!(
            places,
            [
                ("p3.md".into(), 6),
                ("p4.md".into(), 3),
                ("p4.md".into(), 4)
            ]
        );
        assert_eq!(
            diagnostics
                .iter()
                .filter(|d| d.message.contains("note"))
                .count(),
            3
        );
        assert_eq!(
            diagnostics
                .iter()
                .filter(|d| d.code == Code::BrokenLink)
                .count(),
            5
        );
    }
}
