//! What a link's fragment or bare name may target on each page: headings and the ids
//! in raw HTML, and the rules mdbook-spec's markers name.

use crate::diagnostic::{Code, Diagnostic};
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

/// Which article has each id a link may target: the one that does, `None` where
/// several do. Made once, when a link first names an id its page lacks, so a vault
/// with thousands of such links looks each up in O(1).
#[derive(Default)]
pub(in crate::site) struct IdHolders(std::sync::OnceLock<HashMap<String, Option<usize>>>);

impl IdHolders {
    /// The one article whose ids (`ids`, each article's) hold `id`.
    fn of(&self, ids: &[HashSet<&str>], id: &str) -> Option<usize> {
        let by_id = self.0.get_or_init(|| {
            let mut by_id: HashMap<String, Option<usize>> = HashMap::new();
            for (i, set) in ids.iter().enumerate() {
                for &id in set {
                    by_id
                        .entry(id.to_string())
                        .and_modify(|one| *one = None)
                        .or_insert(Some(i));
                }
            }
            by_id
        });
        by_id.get(id).copied().flatten()
    }
}

/// The report of a link from article `from` to `#id` on article `to`, which has no
/// such id (`message` says so): its help names the closest id on that page, else the
/// first whose heading starts with the words written, else the page that has that id
/// when only one does (helix's book links to `configuration.md#editor-section`, a
/// section that moved to `editor.md`), written `#id` when that is the linking page.
/// Every link to that one missing id is one family: a reference definition used in
/// nine table rows is one problem with one fix.
pub(in crate::site) fn missing_anchor(
    site: &Site,
    (ids, holders): (&[HashSet<&str>], &IdHolders),
    (from, to): (usize, usize),
    id: &str,
    message: String,
) -> Diagnostic {
    let target = &site.articles[to];
    let d = Diagnostic::error(Code::BrokenAnchor, message)
        .family(format!("links to `{}#{id}`", target.slug))
        .suggest(id, ids_on_page(site, to));
    if d.help.is_some() {
        return d;
    }
    // The first heading whose text starts with the words written: `[[#`RUBYLIB`]]`
    // for "`RUBYLIB`: Ruby library hijacking" (0xtr1gger's notes).
    let wanted = crate::text::slugify(id);
    let longer = (!wanted.is_empty())
        .then(|| {
            ids_on_page(site, to).find(|h| {
                h.len() > wanted.len()
                    && h.starts_with(&wanted)
                    && h[wanted.len()..].starts_with('-')
            })
        })
        .flatten();
    if let Some(longer) = longer {
        return d.help(format!(
            "did you mean '{longer}'? A heading is named by its whole text"
        ));
    }
    match holders.of(ids, id) {
        // The linking page's own (autonity's `[debt](/#get-debt-amount)`, on the page
        // with that heading, leads to the home page).
        Some(holder) if holder == from && holder != to => d.help(format!(
            "this page has a heading with that id: write `#{id}`"
        )),
        Some(holder) if holder != to => {
            let folder = site.articles[from]
                .rel
                .parent()
                .unwrap_or(std::path::Path::new(""));
            let path = super::paths::relative_to(
                &folder.to_string_lossy().replace('\\', "/"),
                &site.articles[holder]
                    .rel
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
            d.help(format!(
                "'{}' has a heading with that id: `{path}#{id}`",
                site.articles[holder].slug
            ))
        }
        _ => d,
    }
}
