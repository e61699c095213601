//! What a link's fragment or bare name may target on each page: headings and the ids
//! in raw HTML, and the rules mdbook-spec's markers name.

use crate::site::Site;
use std::collections::{HashMap, HashSet};

impl Site {
    /// Each article's link targets (headings and ids in its raw HTML), so that
    /// anchors are checked in O(1) however many links point at them; ids attune
    /// writes itself are [`is_generated_on`](crate::site::article::is_generated_on).
    pub(in crate::site) fn anchor_sets(&self) -> Vec<HashSet<&str>> {
        self.articles
            .iter()
            .map(|a| {
                let parsed = &a.parsed;
                parsed
                    .headings
                    .iter()
                    .map(|h| h.id.as_str())
                    .chain(parsed.html_ids.iter().map(String::as_str))
                    .collect()
            })
            .collect()
    }

    /// The rules mdbook-spec's markers name (see `markdown/spec_rules.rs`), each with
    /// the article stating it: the ids `r-` and the rule's name in its raw HTML.
    pub(super) fn spec_rules(&self) -> HashMap<&str, usize> {
        let mut rules = HashMap::new();
        for (i, article) in self.articles.iter().enumerate() {
            let ids = article.parsed.html_ids.iter();
            for name in ids.filter_map(|id| id.strip_prefix("r-")) {
                rules.entry(name).or_insert(i);
            }
        }
        rules
    }
}

/// The ids a link may target on article `t`'s page, for suggestions.
pub(super) fn ids_on_page(site: &Site, t: usize) -> impl Iterator<Item = &str> {
    let parsed = &site.articles[t].parsed;
    parsed
        .headings
        .iter()
        .map(|h| h.id.as_str())
        .chain(parsed.html_ids.iter().map(String::as_str))
}
