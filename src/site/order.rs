//! Reading order, as mdBook and Hugo users expect it: the place in `SUMMARY.md` when
//! the site has one (listed chapters first, in its order, children after their parent);
//! then `order` (or `weight`), lower first, articles without one after; then `date`,
//! newest first, undated after; then title (or the text Just the Docs orders a page
//! by, see `FrontMatter::nav_key`) and slug. Folders (topics made from
//! folders, sub-sections) take the same place among their siblings as an article: the
//! place of the first chapter `SUMMARY.md` lists in them, their own text's `order`, its
//! `date` (else their newest article's), then their title.

use super::{Article, Site};
use std::cmp::Reverse;

/// What articles are sorted by in hubs, lists of pages and prev/next.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OrderKey {
    summary: usize,
    order: i64,
    undated: bool,
    date: Reverse<Option<crate::load::Date>>,
    title: String,
    slug: String,
}

impl Site {
    /// The key that puts `article` in reading order among its siblings.
    pub fn order_key(&self, article: &Article) -> OrderKey {
        order_key(self.summary.as_ref(), self.vault, article)
    }

    /// Sorts article indices into reading order.
    pub fn sort_reading_order(&self, list: &mut [usize]) {
        let (summary, vault) = (self.summary.as_ref(), self.vault);
        let articles = &self.articles;
        list.sort_by_cached_key(|&i| order_key(summary, vault, &articles[i]));
    }

    /// The key that puts the folder at site-relative `url` (`guide/format/`) in
    /// reading order among its siblings, articles and folders alike: `hub` is the
    /// article holding its own text, `title` its title.
    pub fn folder_order_key(&self, url: &str, hub: Option<usize>, title: &str) -> OrderKey {
        let below = self.articles.iter().filter(|a| a.url.starts_with(url));
        let summary = self
            .summary
            .as_ref()
            .and_then(|s| below.clone().filter_map(|a| s.position(&a.rel)).min());
        let hub = hub.map(|h| &self.articles[h]);
        let date = hub
            .and_then(|h| h.front.date)
            .or_else(|| below.filter_map(|a| a.front.date).max());
        OrderKey {
            summary: summary.unwrap_or(usize::MAX),
            order: (hub.and_then(|h| h.front.order))
                .or_else(|| self.folder_label(url)?.order)
                .unwrap_or(i64::MAX),
            undated: date.is_none(),
            date: Reverse(date),
            title: (hub.and_then(|h| h.front.nav_key.clone()))
                .unwrap_or_else(|| title.to_lowercase()),
            slug: url.to_string(),
        }
    }

    /// The label the site's settings give the folder at site-relative `url` (see
    /// `load::folder_labels`): the folder of as many names as the address has, above an
    /// article below it.
    fn folder_label(&self, url: &str) -> Option<&crate::load::folder_labels::FolderLabel> {
        if self.folder_labels.is_empty() {
            return None;
        }
        let depth = url.trim_end_matches('/').split('/').count();
        let article = (self.articles.iter())
            .find(|a| a.url.starts_with(url) && a.rel.components().count() > depth)?;
        let folder: std::path::PathBuf = article.rel.components().take(depth).collect();
        self.folder_labels.get(&folder)
    }

    /// The `SUMMARY.md` part (`# Part title`) article `i` is listed in, if any.
    pub fn part_of(&self, i: usize) -> Option<usize> {
        self.summary.as_ref()?.chapter(&self.articles[i].rel)?.part
    }

    /// The part a folder at site-relative `url` is in: that of the first chapter
    /// `SUMMARY.md` lists in it.
    pub fn part_of_folder(&self, url: &str) -> Option<usize> {
        let summary = self.summary.as_ref()?;
        let first = self
            .articles
            .iter()
            .filter(|a| a.url.starts_with(url))
            .filter_map(|a| summary.position(&a.rel))
            .min()?;
        summary.chapters[first].part
    }

    /// For a list of entries, each entry's part title where a part begins: where its
    /// part differs from the entry's before it (the first entry's, when it has one).
    pub fn part_titles(&self, parts: &[Option<usize>]) -> Vec<Option<&str>> {
        let Some(summary) = &self.summary else {
            return vec![None; parts.len()];
        };
        let mut before = None;
        parts
            .iter()
            .map(|&part| {
                let begins = part.is_some() && part != before;
                before = part;
                part.filter(|_| begins)
                    .and_then(|p| summary.parts.get(p))
                    .map(String::as_str)
            })
            .collect()
    }
}

/// In a vault (`vault`) a note without a `title` is named by its file (`00_preface`
/// before `01_sets`, whatever heading opens it), as Obsidian and Quartz list it.
fn order_key(
    summary: Option<&crate::load::summary::Summary>,
    vault: bool,
    a: &Article,
) -> OrderKey {
    let file_name = || {
        let stem = a.rel.file_stem().unwrap_or_default().to_string_lossy();
        let hub = a.structure == super::Structure::Hub;
        let folder = a.rel.parent().and_then(|p| p.file_name()).filter(|_| hub);
        folder.map_or(stem.clone(), |f| f.to_string_lossy())
    };
    let title = match (&a.front.nav_key, vault && a.front.title.is_none()) {
        (Some(key), _) => key.clone(),
        (None, true) => file_name().to_lowercase(),
        (None, false) => a.title.to_lowercase(),
    };
    OrderKey {
        summary: summary
            .and_then(|s| s.position(&a.rel))
            .unwrap_or(usize::MAX),
        order: a.front.order.unwrap_or(i64::MAX),
        undated: a.front.date.is_none(),
        date: Reverse(a.front.date),
        title,
        slug: a.slug.clone(),
    }
}
