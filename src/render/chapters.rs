//! The chapters at the top of a site's own contents that no topic holds: a book's
//! chapters that are files at the content root or a folder's lone `index.md`
//! (`SUMMARY.md`'s `- [Portability](./portability/index.md)`), and the pages MkDocs'
//! `nav` or a sidebar lists at the root. mdBook and the others show them in their
//! sidebar among the folders' chapters, so the home page lists each among the topics,
//! in reading order, with the chapters `SUMMARY.md` nests under it, and the top
//! navigation names each; the footer's list of pages keeps the rest.

use super::article::is_chapter;
use crate::site::Site;
use std::collections::HashMap;

/// A chapter at the top of the contents, outside any topic.
pub(super) struct TopChapter {
    /// The article.
    pub article: usize,
    /// The chapters `SUMMARY.md` nests under it (at any depth), in reading order.
    pub children: Vec<usize>,
}

/// One entry of the home page's list and of the top navigation.
pub(super) enum Entry {
    /// Topic `t`.
    Topic(usize),
    /// A chapter outside any topic.
    Chapter(TopChapter),
}

/// The site's chapters outside any topic, in reading order: each chapter `SUMMARY.md`
/// lists at its top level, or under an item that is no such chapter (a topic's text),
/// with those nested under it as its children.
fn top_chapters(site: &Site) -> Vec<TopChapter> {
    let summary = site.summary.as_ref();
    let mut tops: Vec<TopChapter> = Vec::new();
    // The article of each top chapter's file, by its place in `SUMMARY.md`.
    let mut at: HashMap<usize, usize> = HashMap::new();
    for &i in &site.pages {
        if !is_chapter(site, i) {
            continue;
        }
        let rel = &site.articles[i].rel;
        let placed = summary.and_then(|s| Some((s, s.position(rel)?)));
        // The item of depth 0 it is nested under, if it is nested.
        let parent = placed.and_then(|(s, p)| {
            (s.chapters[p].depth > 0)
                .then(|| s.chapters[..p].iter().rposition(|c| c.depth == 0))
                .flatten()
        });
        match parent.and_then(|p| at.get(&p)) {
            Some(&top) => tops[top].children.push(i),
            None => {
                if let Some((_, p)) = placed {
                    at.insert(p, tops.len());
                }
                tops.push(TopChapter {
                    article: i,
                    children: Vec::new(),
                });
            }
        }
    }
    tops
}

/// The topics and the chapters outside any topic, in reading order: each chapter
/// before the first topic that comes after it (topics keep their own order, that of
/// `book.toml` when it declares them); without such chapters, the topics alone.
pub(super) fn entries(site: &Site) -> Vec<Entry> {
    let chapters = top_chapters(site);
    let mut entries: Vec<Entry> = Vec::with_capacity(site.config.topics.len() + chapters.len());
    if chapters.is_empty() {
        entries.extend((0..site.config.topics.len()).map(Entry::Topic));
        return entries;
    }
    let keys: Vec<_> = (site.config.topics.iter().enumerate())
        .map(|(t, topic)| {
            site.folder_order_key(&format!("{}/", topic.id), site.topic_hub(t), &topic.title)
        })
        .collect();
    let mut chapters = chapters.into_iter().peekable();
    for (t, key) in keys.iter().enumerate() {
        while let Some(c) = chapters.next_if(|c| site.order_key(&site.articles[c.article]) < *key) {
            entries.push(Entry::Chapter(c));
        }
        entries.push(Entry::Topic(t));
    }
    entries.extend(chapters.map(Entry::Chapter));
    entries
}

/// The articles `entries` list as chapters or their children.
pub(super) fn listed(entries: &[Entry]) -> std::collections::HashSet<usize> {
    entries
        .iter()
        .filter_map(|e| match e {
            Entry::Chapter(c) => Some(c),
            Entry::Topic(_) => None,
        })
        .flat_map(|c| std::iter::once(c.article).chain(c.children.iter().copied()))
        .collect()
}
