//! The glossary as a matcher: finds the first mention of each term or alias in prose
//! (whole words, any case) with one pass of an Aho–Corasick automaton.

use crate::load::GlossaryEntry;
use crate::text::slugify;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{HashMap, HashSet};

#[derive(Default)]
pub struct Glossary {
    entries: Vec<GlossaryEntry>,
    anchors: Vec<String>,
    /// Lowercased term or alias → entry.
    by_name: HashMap<String, usize>,
    matcher: Option<AhoCorasick>,
    /// Pattern number → entry.
    pattern_entry: Vec<usize>,
}

impl Glossary {
    pub fn new(entries: Vec<GlossaryEntry>) -> Self {
        let mut by_name = HashMap::new();
        let mut patterns = Vec::new();
        let mut pattern_entry = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            for name in std::iter::once(&entry.term).chain(&entry.aliases) {
                let name = name.trim();
                if name.is_empty() || by_name.contains_key(&name.to_lowercase()) {
                    continue;
                }
                by_name.insert(name.to_lowercase(), i);
                patterns.push(name.to_string());
                pattern_entry.push(i);
            }
        }
        let matcher = (!patterns.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        let anchors = entries.iter().map(|e| slugify(&e.term)).collect();
        Self {
            entries,
            anchors,
            by_name,
            matcher,
            pattern_entry,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    pub fn entry(&self, index: usize) -> &GlossaryEntry {
        &self.entries[index]
    }

    /// The id of the term's entry on the glossary page.
    pub fn anchor(&self, index: usize) -> &str {
        &self.anchors[index]
    }

    /// The entry a term or alias names, ignoring case.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.by_name.get(&name.trim().to_lowercase()).copied()
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.term.as_str())
    }

    /// The first whole-word mention in `text` of a term not in `used`: (start, end,
    /// entry). `before` and `after` are the characters just outside `text` in the prose
    /// it belongs to (`None` at a break), so `x*bar*y` is no mention of "bar".
    pub fn find_first(
        &self,
        text: &str,
        used: &HashSet<usize>,
        outside_before: Option<char>,
        outside_after: Option<char>,
    ) -> Option<(usize, usize, usize)> {
        let matcher = self.matcher.as_ref()?;
        matcher.find_iter(text).find_map(|m| {
            let entry = self.pattern_entry[m.pattern().as_usize()];
            let before = text[..m.start()].chars().next_back().or(outside_before);
            let after = text[m.end()..].chars().next().or(outside_after);
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
            (!used.contains(&entry) && boundary(before) && boundary(after))
                .then(|| (m.start(), m.end(), entry))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        Glossary::new(vec![
            GlossaryEntry {
                term: "Window of tolerance".into(),
                aliases: vec![],
                definition: "d".into(),
                article: None,
            },
            GlossaryEntry {
                term: "Boundary".into(),
                aliases: vec!["boundaries".into()],
                definition: "d".into(),
                article: None,
            },
        ])
    }

    #[test]
    fn matches_whole_words_in_any_case() {
        let g = glossary();
        let used = HashSet::new();
        let text = "Your WINDOW of tolerance and boundaries.";
        assert_eq!(g.find_first(text, &used, None, None), Some((5, 24, 0)));
        assert_eq!(g.find_first("unboundaries", &used, None, None), None);
        // Letters just outside the text (`x*boundary*y`) join the word too.
        assert_eq!(g.find_first("boundary", &used, Some('x'), None), None);
        assert_eq!(g.find_first("boundary", &used, None, Some('y')), None);
        assert_eq!(
            g.find_first("boundary", &used, Some(' '), Some('.')),
            Some((0, 8, 1))
        );
        let used: HashSet<usize> = [0].into();
        assert_eq!(g.find_first(text, &used, None, None).map(|m| m.2), Some(1));
    }

    #[test]
    fn lookup_uses_terms_and_aliases() {
        let g = glossary();
        assert_eq!(g.lookup("boundaries"), Some(1));
        assert_eq!(g.lookup("Window Of Tolerance"), Some(0));
        assert_eq!(g.anchor(0), "window-of-tolerance");
    }
}
