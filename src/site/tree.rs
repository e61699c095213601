//! Folders at any depth: the sub-sections below each topic with their order, folder
//! names that make one address, and topics made from folders when `book.toml` declares
//! none. Where each file's page goes is decided in `place.rs`.

use super::place::{folders_of_rel, hub_folders, page_folders};
use super::{Site, Structure};
use crate::config::Topic;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

use crate::text::{humanise, slugify};
use std::collections::BTreeMap;

/// The title of a folder without text of its own: the one `SUMMARY.md` gives its path
/// (`rel`, from the content folder), else the label the site's settings give it (a
/// Docusaurus `_category_`, a VitePress sidebar group), else its name (`name`, as
/// written) humanised.
/// Docusaurus' generated index's `title` stands in for a `_category_` file without a
/// `label`, and its sidebar names a folder without its number prefix (`04-More`).
fn folder_title(site: &Site, rel: Option<&Path>, name: &str) -> String {
    let name = match site.docusaurus {
        true => crate::load::docusaurus::without_number_prefix(name),
        false => name,
    };
    let summary = (site.summary.as_ref().zip(rel)).and_then(|(s, rel)| s.folder_title(rel));
    let label = rel.and_then(|rel| site.folder_labels.get(rel));
    let index_title = || label?.index.as_ref()?.title.as_deref();
    summary
        .or(label.and_then(|l| l.title.as_deref()))
        .or_else(index_title)
        .map_or_else(|| humanise(name), str::to_string)
}

/// The text under a folder's title when its own text gives none: the `description` of
/// the Docusaurus generated index its `_category_` file asks for, which Docusaurus
/// shows on that page (`categoryGeneratedIndex.ts`); empty without one.
fn folder_description(site: &Site, rel: Option<&Path>) -> String {
    let label = rel.and_then(|rel| site.folder_labels.get(rel));
    let description = label.and_then(|l| l.index.as_ref()?.description.as_deref());
    description.unwrap_or_default().to_string()
}

/// A folder below a topic: its own hub page, in the topic's reading order.
#[derive(Debug, Clone)]
pub struct Section {
    /// Index of the topic in `config.topics`.
    pub topic: usize,
    /// Site-relative folder URL: `patterns/family-styles/`.
    pub url: String,
    pub title: String,
    pub summary: String,
    pub order: Option<i64>,
    /// The folder, as written, from the content folder (`Patterns/Family Styles`).
    pub folder: Option<PathBuf>,
    /// The enclosing section; `None` directly under the topic.
    pub parent: Option<usize>,
    /// The article holding the folder's own text (`_index.md` / `index.md`), if any.
    pub hub: Option<usize>,
    /// Articles directly in the folder, in reading order.
    pub articles: Vec<usize>,
    /// Sub-sections, in reading order.
    pub sections: Vec<usize>,
}

impl Site {
    /// When `book.toml` declares no topics, each topic the content names (its first
    /// folders, or `topic:` in front matter) becomes one, titled by its `_index.md`
    /// or its folder's name, in reading order as folders (see `order.rs`).
    pub(super) fn topics_from_folders(&mut self) {
        if !self.config.topics.is_empty() {
            return;
        }
        let mut found: BTreeMap<String, (String, String)> = BTreeMap::new();
        for article in &self.articles {
            let Some(topic) = &article.topic else {
                continue;
            };
            let entry = found.entry(topic.clone()).or_insert_with(|| {
                let folder = article
                    .rel
                    .components()
                    .next()
                    .filter(|_| article.rel.components().count() > 1)
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .filter(|f| slugify(f) == *topic);
                let title = folder_title(
                    self,
                    folder.as_deref().map(Path::new),
                    folder.as_deref().unwrap_or(topic),
                );
                (
                    title,
                    folder_description(self, folder.as_deref().map(Path::new)),
                )
            });
            if article.structure == Structure::Hub && article.url == format!("{topic}/") {
                entry.0 = article.title.clone();
                if !article.summary.is_empty() {
                    entry.1 = article.summary.clone();
                }
            }
        }
        let mut topics: Vec<(String, String, String)> = found
            .into_iter()
            .map(|(id, (title, description))| (title, id, description))
            .collect();
        // In reading order, as folders: SUMMARY.md, the hub's order and date, title.
        topics.sort_by_cached_key(|(title, id, _)| {
            let url = format!("{id}/");
            let hub = self
                .articles
                .iter()
                .position(|a| a.structure == Structure::Hub && a.url == url);
            self.folder_order_key(&url, hub, title)
        });
        self.config.topics = topics
            .into_iter()
            .map(|(title, id, description)| {
                // The folder's first file, for diagnostics about its hub.
                let at = self
                    .articles
                    .iter()
                    .filter(|a| a.topic.as_deref() == Some(id.as_str()))
                    .min_by(|a, b| a.rel.cmp(&b.rel))
                    .map(|a| (a.path.clone(), 1, 1));
                Topic {
                    id,
                    title,
                    description,
                    at,
                }
            })
            .collect();
        self.topics = vec![Vec::new(); self.config.topics.len()];
    }

    /// The sub-sections of every topic, each article's place in them, every hub's
    /// folder, and each topic's reading order: depth first, each level's articles and
    /// sections together in reading order (see `order.rs`).
    pub(super) fn index_sections(&mut self) {
        let ids: Vec<String> = self.config.topics.iter().map(|t| t.id.clone()).collect();
        let mut by_url: BTreeMap<String, usize> = BTreeMap::new();
        let mut sections: Vec<Section> = Vec::new();
        let mut folder_names: BTreeMap<String, (String, Option<PathBuf>)> = BTreeMap::new();
        let mut section_of: Vec<Option<usize>> = vec![None; self.articles.len()];
        for (i, article) in self.articles.iter().enumerate() {
            let Some(t) = article
                .topic
                .as_ref()
                .and_then(|topic| ids.iter().position(|id| id == topic))
            else {
                continue;
            };
            // Folder URLs from the topic down to the article's own folder.
            let parts: Vec<&str> = article.url.trim_end_matches('/').split('/').collect();
            let upto = if article.structure == Structure::Hub {
                parts.len()
            } else {
                parts.len().saturating_sub(1)
            };
            let raw = if article.structure == Structure::Hub {
                hub_folders(&article.rel)
            } else {
                page_folders(&article.rel, parts.last().copied().unwrap_or_default())
            };
            let mut parent = None;
            for depth in 2..=upto {
                let url = format!("{}/", parts[..depth].join("/"));
                // The folder's name as written, for a title when it has no hub.
                let named = raw.len().checked_sub(upto - depth + 1);
                let name = named
                    .and_then(|n| raw.get(n))
                    .cloned()
                    .unwrap_or_else(|| parts[depth - 1].to_string());
                // And its path, where SUMMARY.md may give it a title.
                let rel = named.map(|n| raw[..=n].iter().collect::<PathBuf>());
                folder_names.entry(url.clone()).or_insert((name, rel));
                let s = *by_url.entry(url.clone()).or_insert_with(|| {
                    sections.push(Section {
                        topic: t,
                        url: url.clone(),
                        title: String::new(),
                        summary: String::new(),
                        order: None,
                        folder: None,
                        parent,
                        hub: None,
                        articles: Vec::new(),
                        sections: Vec::new(),
                    });
                    sections.len() - 1
                });
                parent = Some(s);
            }
            match article.structure {
                Structure::Hub => {
                    if let Some(s) = parent.filter(|&s| sections[s].url == article.url) {
                        sections[s].hub = Some(i);
                    }
                }
                _ => {
                    section_of[i] = parent;
                    // Hugo's `build.list: never`: on no hub.
                    let listed = article.front.listing() != crate::load::Listing::Never;
                    if let Some(s) = parent.filter(|_| listed) {
                        sections[s].articles.push(i);
                    }
                }
            }
        }
        for s in 0..sections.len() {
            if let Some(p) = sections[s].parent {
                sections[p].sections.push(s);
            }
            let section = &mut sections[s];
            let (name, rel) = &folder_names[&section.url];
            section.summary = folder_description(self, rel.as_deref());
            section.folder = rel.clone();
            match section.hub.map(|h| &self.articles[h]) {
                Some(hub) => {
                    section.title = hub.title.clone();
                    if !hub.summary.is_empty() {
                        section.summary = hub.summary.clone();
                    }
                    section.order = hub.front.order;
                }
                None => section.title = folder_title(self, rel.as_deref(), name),
            }
        }
        // Reading order: each level's articles and sections together, by one rule.
        let mut topics = std::mem::take(&mut self.topics);
        let article_key = |i: usize| self.order_key(&self.articles[i]);
        let keys: Vec<Key> = sections
            .iter()
            .map(|s| self.folder_order_key(&s.url, s.hub, &s.title))
            .collect();
        for s in &mut sections {
            s.articles.sort_by_cached_key(|&i| article_key(i));
            s.sections.sort_by_key(|&c| keys[c].clone());
        }
        for (t, list) in topics.iter_mut().enumerate() {
            // Entries directly under the topic: its own articles, its first-level sections.
            let mut top: Vec<(Key, Entry)> = list
                .iter()
                .filter(|&&i| section_of[i].is_none())
                .map(|&i| (article_key(i), Entry::Article(i)))
                .collect();
            top.extend(
                (0..sections.len())
                    .filter(|&s| sections[s].topic == t && sections[s].parent.is_none())
                    .map(|s| (keys[s].clone(), Entry::Section(s))),
            );
            if top.iter().all(|(_, e)| matches!(e, Entry::Article(_))) {
                // No sub-sections: the order index_topics gave.
                continue;
            }
            top.sort_by(|a, b| a.0.cmp(&b.0));
            let mut order = Vec::with_capacity(list.len());
            let mut stack: Vec<Entry> = top.into_iter().rev().map(|(_, e)| e).collect();
            while let Some(entry) = stack.pop() {
                match entry {
                    Entry::Article(i) => order.push(i),
                    Entry::Section(s) => {
                        let section = &sections[s];
                        let mut level: Vec<(Key, Entry)> = section
                            .articles
                            .iter()
                            .map(|&i| (article_key(i), Entry::Article(i)))
                            .chain(
                                section
                                    .sections
                                    .iter()
                                    .map(|&c| (keys[c].clone(), Entry::Section(c))),
                            )
                            .collect();
                        level.sort_by(|a, b| a.0.cmp(&b.0));
                        stack.extend(level.into_iter().rev().map(|(_, e)| e));
                    }
                }
            }
            *list = order;
        }
        self.topics = topics;
        self.section_of = section_of;
        self.sections = sections;
    }

    /// Folders whose names make the same address (`Family Styles/` and
    /// `family-styles/`, `Patterns/` and `patterns/`) would merge into one section:
    /// an error at a file of the second, naming the first; so are two files giving
    /// one folder its text (`_index.md` and `index.md`).
    pub(super) fn check_folders(&self, diagnostics: &mut Diagnostics) {
        let mut folders: BTreeMap<String, (String, usize)> = BTreeMap::new();
        let mut hubs: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, article) in self.articles.iter().enumerate() {
            if article.structure == Structure::Hub {
                if let Some(&first) = hubs.get(article.url.as_str()) {
                    diagnostics.push(
                        Diagnostic::error(
                            Code::DuplicateHub,
                            format!(
                                "{} and {} both give the folder '{}' its text",
                                self.articles[first].path.display(),
                                article.path.display(),
                                super::display_url(&article.url)
                            ),
                        )
                        .in_file(&article.path)
                        .related(&self.articles[first].path, 0, 0, "the other one")
                        .help("keep one of them: _index.md, or index.md"),
                    );
                } else {
                    hubs.insert(&article.url, i);
                }
            }
            let raw = folders_of_rel(&article.rel);
            let mut url = String::new();
            let mut written = String::new();
            let mut segments = article.url.split('/');
            for name in raw {
                let mut slug = slugify(&name);
                if slug.is_empty() {
                    break;
                }
                // A folder `twins.rs` moved to `<slug>-2/` is at that address now.
                if let Some(moved) = segments.next().filter(|s| {
                    s.strip_prefix(slug.as_str())
                        .and_then(|n| n.strip_prefix('-'))
                        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                }) {
                    slug = moved.to_string();
                }
                url.push_str(&slug);
                url.push('/');
                written.push_str(&name);
                written.push('/');
                match folders.get(&url) {
                    Some((first, at)) if *first != written => {
                        diagnostics.push(
                            Diagnostic::error(
                                Code::FolderCollision,
                                format!(
                                    "the folders '{first}' and '{written}' would both publish '/{url}'"
                                ),
                            )
                            .in_file(&article.path)
                            .related(&self.articles[*at].path, 0, 0, format!("in '{first}'"))
                            .help(format!(
                                "rename one folder; the first holds {}",
                                self.articles[*at].path.display()
                            )),
                        );
                        break;
                    }
                    Some(_) => {}
                    None => {
                        folders.insert(url.clone(), (written.clone(), i));
                    }
                }
            }
        }
    }

    /// The sections from the topic down to the one holding article `i` (or, for a
    /// hub, down to the one above its own).
    pub fn section_chain(&self, i: usize) -> Vec<usize> {
        let article = &self.articles[i];
        let mut at = if article.structure == Structure::Hub {
            self.sections
                .iter()
                .position(|s| s.hub == Some(i))
                .and_then(|s| self.sections[s].parent)
        } else {
            self.section_of.get(i).copied().flatten()
        };
        let mut chain = Vec::new();
        while let Some(s) = at {
            chain.push(s);
            at = self.sections[s].parent;
        }
        chain.reverse();
        chain
    }

    /// The hub article (`_index.md`) of topic `t`'s folder, if it has one.
    pub fn topic_hub(&self, t: usize) -> Option<usize> {
        let url = format!("{}/", self.config.topics.get(t)?.id);
        self.articles
            .iter()
            .position(|a| a.structure == Structure::Hub && a.url == url)
    }

    /// The folders (`docs/`, `docs/latest/`) whose hub attune draws, having no text of
    /// their own published (no `_index.md`, or Hugo's with `build: {render: never}`).
    pub(super) fn drawn_hubs(&self) -> std::collections::BTreeSet<String> {
        let with_text: std::collections::HashSet<&str> = (self.articles.iter())
            .filter(|a| a.structure == Structure::Hub)
            .map(|a| a.url.as_str())
            .collect();
        let topics = (self.config.topics.iter()).map(|t| format!("{}/", t.id));
        let sections = self.sections.iter().map(|s| s.url.clone());
        topics
            .chain(sections)
            .filter(|url| !with_text.contains(url.as_str()))
            .collect()
    }

    /// Of `drawn` hubs ([`Site::drawn_hubs`]), those where a static file's `index.html`
    /// stands: that file is the page there (spiffe.io's `docs/`, a static redirect page).
    pub(super) fn hubs_given_to_static_pages(
        &self,
        drawn: &std::collections::BTreeSet<String>,
    ) -> std::collections::BTreeSet<String> {
        let static_pages: std::collections::HashSet<String> = (self.assets.iter())
            .filter(|a| !matches!(a.from, crate::load::AssetFolder::Content))
            .map(|a| a.path())
            .filter(|p| p.ends_with("index.html"))
            .collect();
        (drawn.iter())
            .filter(|url| static_pages.contains(&format!("{url}index.html")))
            .cloned()
            .collect()
    }

    /// The hub article of the content folder itself (`content/_index.md`), if any.
    pub fn home_hub(&self) -> Option<usize> {
        self.articles
            .iter()
            .position(|a| a.structure == Structure::Hub && a.url.is_empty())
    }
}

type Key = super::order::OrderKey;

enum Entry {
    Article(usize),
    Section(usize),
}

#[cfg(test)]
mod tests {
    use super::super::place::place;
    use super::*;
    use crate::load::Source;
    use std::path::PathBuf;

    fn source(rel: &str, topic: Option<&str>) -> Source {
        let rel = PathBuf::from(rel);
        Source {
            path: PathBuf::from("content").join(&rel),
            slug: slugify(&rel.file_stem().unwrap().to_string_lossy()),
            rel,
            topic: topic.map(str::to_string),
            front: Default::default(),
            text: String::new(),
            body_start: 0,
            body_hash: 0,
        }
    }

    #[test]
    fn pages_mirror_folders_hubs_and_bundles() {
        let sources = [
            source("patterns/Family Styles/Dismissive.md", Some("patterns")),
            source("patterns/Family Styles/_index.md", Some("patterns")),
            source("patterns/index.md", Some("patterns")),
            source("posts/my-post/index.md", Some("posts")),
            source("about.md", None),
            source("index.md", None),
            source("guide.md", Some("care")),
        ];
        let placed = place(&sources, true);
        let got: Vec<(&str, &str, bool)> = placed
            .iter()
            .map(|p| (p.url.as_str(), p.slug.as_str(), p.hub))
            .collect();
        assert_eq!(
            got,
            [
                ("patterns/family-styles/dismissive/", "dismissive", false),
                ("patterns/family-styles/", "family-styles", true),
                ("patterns/", "patterns", true),
                ("posts/my-post/", "my-post", false),
                ("about/", "about", false),
                ("", "", true),
                ("care/guide/", "guide", false),
            ]
        );
    }
}
