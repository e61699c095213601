//! The site's pages other than articles: home, topic hubs, tags, glossary,
//! references, reading paths, redirects, map, search, handouts, help and the rest.

use super::article::{format_reference, governance_block, sort_key};
use super::chapters::Entry;
use super::context::*;
use super::pass::{page, Pass};
use super::{card, Templates};
use crate::diagnostic::Diagnostic;
use crate::load::ReferenceKind;
use crate::site::{Dependencies, Site};
use serde::Serialize;
use std::cell::OnceCell;
use std::collections::BTreeMap;

/// The site's pages rendered one after another; each page's own context is built
/// only when some pass has to render it.
pub(super) struct Pages<'a> {
    pub site: &'a Site,
    pub templates: &'a Templates,
    pub passes: &'a [Pass<'a>],
    pub urls: Vec<String>,
    pub errors: Vec<Diagnostic>,
}

impl Pages<'_> {
    fn page<T: Serialize>(
        &mut self,
        template: &str,
        url: &str,
        title: &str,
        own: impl FnOnce() -> T,
    ) {
        self.page_at(template, url, &format!("{url}index.html"), title, own)
    }

    /// [`Pages::page`] written at `path`: `url/index.html`, or for an old address
    /// published as a file (`old/x.html`) that file, whose `url` it is too.
    fn page_at<T: Serialize>(
        &mut self,
        template: &str,
        url: &str,
        path: &str,
        title: &str,
        own: impl FnOnce() -> T,
    ) {
        let path = path.to_string();
        let (site, templates) = (self.site, self.templates);
        let key = |deps: &Dependencies| deps.site_page(template, &path);
        let stale: Vec<&Pass> = self
            .passes
            .iter()
            .filter(|p| !p.fresh(&path, key))
            .collect();
        if !stale.is_empty() {
            let part = page(site, url, title, own());
            for pass in stale {
                if let Err(e) = pass.render(site, templates, template, &path, key, &part) {
                    self.errors.push(e);
                    return;
                }
            }
        }
        self.urls.push(url.to_string());
    }
}

/// The home page's list: the topics and, among them, the chapters no topic holds
/// (see `chapters.rs`), each entry with the `SUMMARY.md` part that begins at it.
fn home_entries<'a>(site: &'a Site, topics: &[TopicInfo<'a>]) -> Vec<TopicInfo<'a>> {
    let entries = super::chapters::entries(site);
    let parts: Vec<Option<usize>> = (entries.iter())
        .map(|e| match e {
            Entry::Topic(t) => site.part_of_folder(&topics[*t].url),
            Entry::Chapter(c) => site.part_of(c.article),
        })
        .collect();
    (entries.iter().zip(site.part_titles(&parts)))
        .map(|(e, part)| match e {
            Entry::Topic(t) => TopicInfo {
                part,
                ..topics[*t].clone()
            },
            Entry::Chapter(c) => {
                let article = &site.articles[c.article];
                TopicInfo {
                    id: article.url.trim_end_matches('/').replace('/', "-"),
                    title: article.link_title(),
                    description: &article.summary,
                    url: article.url.clone(),
                    articles: c.children.iter().map(|&i| card(site, i)).collect(),
                    part,
                }
            }
        })
        .collect()
}

/// Renders every page but the articles, the top-level 404.html and print.html.
pub(super) fn site_pages(pages: &mut Pages) {
    let site = pages.site;
    // Home and topic hubs.
    let topics = OnceCell::new();
    let topics = || -> &Vec<TopicInfo> {
        topics.get_or_init(|| {
            let parts: Vec<_> = site
                .config
                .topics
                .iter()
                .map(|t| site.part_of_folder(&format!("{}/", t.id)))
                .collect();
            site.config
                .topics
                .iter()
                .zip(&site.topics)
                .zip(site.part_titles(&parts))
                .map(|((t, list), part)| TopicInfo {
                    id: t.id.clone(),
                    title: &t.title,
                    description: &t.description,
                    url: format!("{}/", t.id),
                    articles: list.iter().map(|&i| card(site, i)).collect(),
                    part,
                })
                .collect()
        })
    };
    let paths = OnceCell::new();
    let paths = || -> &Vec<PathInfo> {
        paths.get_or_init(|| {
            site.paths
                .iter()
                .map(|p| PathInfo {
                    id: &p.source.id,
                    title: &p.source.path.title,
                    audience: p.source.path.audience.as_deref(),
                    description: p.source.path.description.as_deref(),
                    url: format!("paths/{}/", p.source.id),
                    steps: p.steps.len(),
                })
                .collect()
        })
    };
    pages.page("index.html", "", &site.config.site.title, || HomePage {
        topics: home_entries(site, topics()),
        paths: paths(),
        home_text: site.home_hub().map(|h| super::body::article_body(site, h)),
    });
    for (t, config) in site.config.topics.iter().enumerate() {
        if site.static_hubs.contains(&format!("{}/", config.id)) {
            continue;
        }
        pages.page(
            "topic.html",
            &format!("{}/", config.id),
            &config.title,
            || TopicPage {
                topic: &topics()[t],
                description: non_empty(&config.description),
                hub: super::sections::topic_hub(site, t),
            },
        );
    }
    for (s, section) in site.sections.iter().enumerate() {
        if site.static_hubs.contains(&section.url) {
            continue;
        }
        pages.page("section.html", &section.url, &section.title, || {
            super::sections::section_page(site, s)
        });
    }

    // Tags, and the site's other taxonomies (Hugo's `categories`), each a list of its
    // terms and a page per term.
    let taxonomies = std::iter::once(("tags", &site.tags)).chain(
        site.terms
            .iter()
            .map(|(name, terms)| (name.as_str(), terms)),
    );
    for (name, terms) in taxonomies {
        let taxonomy = || Taxonomy {
            title: crate::site::taxonomy_title(name),
            url: format!("{name}/"),
        };
        let list = taxonomy();
        pages.page("tags.html", &list.url, &list.title, || TagsPage {
            tags: terms
                .iter()
                .map(|(slug, tag)| TagInfo {
                    name: &tag.name,
                    url: format!("{name}/{slug}/"),
                    count: tag.articles.len(),
                })
                .collect(),
            taxonomy: taxonomy(),
        });
        for (slug, tag) in terms {
            let title = match name {
                "tags" => format!("Tagged “{}”", tag.name),
                _ => format!("{}: {}", list.title, tag.name),
            };
            pages.page("tag.html", &format!("{name}/{slug}/"), &title, || TagPage {
                tag: TagArticles {
                    name: &tag.name,
                    articles: tag.articles.iter().map(|&i| card(site, i)).collect(),
                },
                taxonomy: taxonomy(),
            });
        }
    }

    // Glossary and references.
    if !site.glossary.is_empty() {
        pages.page("glossary.html", "glossary/", "Glossary", || {
            let mut entries: Vec<GlossaryItem> = site
                .glossary
                .entries()
                .iter()
                .enumerate()
                .map(|(i, e)| GlossaryItem {
                    term: &e.term,
                    anchor: site.glossary.anchor(i),
                    aliases: &e.aliases,
                    definition: &e.definition,
                    article: e
                        .article
                        .as_ref()
                        .and_then(|s| site.find_article(s))
                        .map(|a| card(site, a)),
                    used_in: site.glossary_users[i]
                        .iter()
                        .map(|&a| card(site, a))
                        .collect(),
                })
                .collect();
            entries.sort_by_key(|e| e.term.to_lowercase());
            GlossaryPage { entries }
        });
    }
    if !site.references.is_empty() {
        pages.page("references.html", "references/", "References", || {
            let mut groups: BTreeMap<ReferenceKind, Vec<ReferenceItem>> = BTreeMap::new();
            for (key, reference) in &site.references {
                groups
                    .entry(reference.kind)
                    .or_default()
                    .push(ReferenceItem {
                        key,
                        html: format_reference(reference),
                        sort: sort_key(reference),
                        cited_by: site
                            .citers
                            .get(key)
                            .map(|v| v.iter().map(|&a| card(site, a)).collect())
                            .unwrap_or_default(),
                    });
            }
            let groups = groups
                .into_iter()
                .map(|(kind, mut items)| {
                    items.sort_by(|a, b| a.sort.cmp(&b.sort));
                    ReferenceGroup {
                        heading: kind.heading(),
                        items,
                    }
                })
                .collect();
            ReferencesPage { groups }
        });
    }

    // Reading paths.
    if !site.paths.is_empty() {
        pages.page("paths.html", "paths/", "Reading paths", || PathsPage {
            paths: paths(),
        });
        for p in &site.paths {
            let url = format!("paths/{}/", p.source.id);
            let path = &p.source.path;
            pages.page("path.html", &url, &path.title, || PathPage {
                description: path.description.as_deref(),
                path: PathSteps {
                    title: &path.title,
                    audience: path.audience.as_deref(),
                    description: path.description.as_deref(),
                    steps: p
                        .steps
                        .iter()
                        .enumerate()
                        .map(|(n, (i, note))| PathStep {
                            number: n + 1,
                            article: card(site, *i),
                            note: note.as_deref(),
                        })
                        .collect(),
                },
            });
        }
    }

    // Aliases: redirect pages for old URLs, at the part of the page a redirect names
    // (`moved`), and at the files other tools published pages as (`old/x.html`).
    let redirect = |from: &str, to: &crate::site::Moved| {
        let part = to
            .part
            .as_deref()
            .map(|p| format!("#{p}"))
            .unwrap_or_default();
        RedirectPage {
            target: format!("{}{part}", site.style.href(from, &to.url)),
            target_canonical: site
                .config
                .base_url()
                .map(|b| format!("{b}{}{part}", to.url)),
        }
    };
    for (alias, &target) in &site.aliases {
        let target = &site.articles[target];
        if site.moved.contains_key(alias) {
            continue;
        }
        pages.page("redirect.html", alias, &target.title, || RedirectPage {
            target: site.style.href(alias, &target.url),
            target_canonical: site.config.base_url().map(|b| format!("{b}{}", target.url)),
        });
    }
    for (alias, to) in &site.moved {
        pages.page("redirect.html", alias, &to.title, || redirect(alias, to));
    }
    for (file, to) in &site.moved_files {
        pages.page_at("redirect.html", file, file, &to.title, || {
            redirect(file, to)
        });
    }

    if site.relations_out.iter().any(|r| !r.is_empty()) {
        pages.page("map.html", "map/", "Topic map", || MapPage {
            svg: super::map::svg(site, "map/"),
            legend: super::map::legend(site)
                .into_iter()
                .map(|(name, label)| MapKey { name, label })
                .collect(),
            columns: site
                .config
                .topics
                .iter()
                .zip(&site.topics)
                .filter(|(_, list)| !list.is_empty())
                .map(|(t, list)| MapColumn {
                    title: &t.title,
                    id: &t.id,
                    articles: list
                        .iter()
                        .map(|&i| MapArticle {
                            card: card(site, i),
                            relations: site.relations_out[i]
                                .iter()
                                .map(|(kind, targets)| MapRelation {
                                    label: &site.config.relations[*kind].label,
                                    articles: targets.iter().map(|&t| card(site, t)).collect(),
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        });
    }

    pages.page("search.html", "search/", "Search", || SearchPage {
        letters: a_to_z(site),
    });

    let handouts = site
        .topics
        .iter()
        .flatten()
        .filter(|&&i| site.articles[i].front.handout);
    if handouts.clone().next().is_some() {
        pages.page("handouts.html", "handouts/", "Handouts", || HandoutsPage {
            handouts: handouts.map(|&i| card(site, i)).collect(),
        });
    }
    if !site.has_own_privacy_page() {
        // The site's own privacy policy, when it has one there, is published instead.
        pages.page("privacy.html", site.privacy_url(), "Privacy", || {
            PlainPage {}
        });
    }
    if site.help_article().is_none() {
        // Every site has a "When to get help" page: this one, from book.toml, unless
        // the site writes its own article of that name.
        pages.page(
            "help.html",
            crate::site::HELP_URL,
            "When to get help",
            || HelpPage {
                blocks: site
                    .config
                    .safety
                    .blocks
                    .iter()
                    .map(governance_block)
                    .collect(),
            },
        );
    }
    if site.config.safety.quick_exit {
        pages.page("quick-exit.html", "quick-exit/", "About quick exit", || {
            PlainPage {}
        });
    }
    pages.page("404.html", "404/", "Page not found", || PlainPage {});
}

/// Articles and glossary terms grouped by initial letter, for the search page's
/// A–Z index (what the search box leads to without JavaScript).
fn a_to_z(site: &Site) -> Vec<Letter> {
    let mut entries: Vec<(String, String, String, &'static str)> = site
        .articles
        .iter()
        // Hugo's `build.list: never` or `local`: out of the site-wide lists.
        .filter(|a| a.front.listing() == crate::load::Listing::Always)
        .map(|a| {
            (
                crate::search::fold(&a.title),
                a.title.clone(),
                a.url.clone(),
                "article",
            )
        })
        .collect();
    for (i, e) in site.glossary.entries().iter().enumerate() {
        entries.push((
            crate::search::fold(&e.term),
            e.term.clone(),
            format!("glossary/#{}", site.glossary.anchor(i)),
            "glossary term",
        ));
    }
    entries.sort();
    let mut letters: Vec<Letter> = Vec::new();
    for (key, title, url, kind) in entries {
        let letter = key
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().to_string())
            .unwrap_or_else(|| "#".into());
        let letter = if letter.chars().all(|c| c.is_ascii_digit()) {
            "#".to_string()
        } else {
            letter
        };
        let (path, fragment) = url
            .split_once('#')
            .map_or((url.clone(), String::new()), |(p, f)| {
                (p.to_string(), format!("#{f}"))
            });
        let item = LetterItem {
            title,
            path,
            fragment,
            kind,
        };
        match letters.last_mut() {
            Some(l) if l.letter == letter => l.items.push(item),
            _ => letters.push(Letter {
                letter,
                items: vec![item],
            }),
        }
    }
    letters
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}
