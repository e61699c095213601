//! The site's other taxonomies than `tags` (Hugo's `categories`, a site's `authors`:
//! see `load/taxonomies.rs`), indexed as tags are: each term with its articles, for the
//! taxonomy's list page (`/categories/`) and each term's page (`/categories/anxiety/`).

use super::{Site, TagIndex};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A page a taxonomy gives the site, for the URL table.
pub(super) struct TermPage {
    /// Site-relative folder URL: `categories/` or `categories/anxiety/`.
    pub url: String,
    /// What it is, for a report of a clash: "the page of categories 'Anxiety'".
    pub what: String,
    /// Where the first article to use it writes it, when it is a term's page.
    pub at: Option<(PathBuf, usize, usize)>,
}

impl Site {
    /// Fills [`Site::terms`] from the articles' front matter: every taxonomy any
    /// article uses, each term (by its slug, as tags are) with its articles in title
    /// order. Pages out of the site-wide lists (`build.list`) are left out, as from tags;
    /// so is a taxonomy whose address a topic or a section of pages has.
    pub(super) fn index_terms(&mut self) {
        let mut terms: BTreeMap<String, BTreeMap<String, TagIndex>> = BTreeMap::new();
        for (i, article) in self.articles.iter().enumerate() {
            if article.front.listing() != crate::load::Listing::Always {
                continue;
            }
            for (taxonomy, names) in &article.front.terms {
                for name in names {
                    let slug = crate::text::tag_slug(name);
                    if slug.is_empty() {
                        continue;
                    }
                    let index = terms.entry(taxonomy.clone()).or_default();
                    let entry = index.entry(slug).or_insert_with(|| TagIndex {
                        name: name.clone(),
                        articles: Vec::new(),
                    });
                    if entry.articles.last() != Some(&i) {
                        entry.articles.push(i);
                    }
                }
            }
        }
        // A taxonomy whose address a section of pages or a topic has keeps none of its
        // own: the site's pages there are published, as before.
        let taken = |name: &String| {
            let folder = format!("{name}/");
            (self.config.topics.iter()).any(|t| t.id == *name)
                || (self.articles.iter()).any(|a| a.url.starts_with(&folder))
        };
        terms.retain(|name, _| !taken(name));
        let articles = &self.articles;
        for term in terms.values_mut().flat_map(|t| t.values_mut()) {
            term.articles.sort_by_cached_key(|&i| {
                (articles[i].title.to_lowercase(), articles[i].slug.clone())
            });
        }
        self.terms = terms;
    }

    /// The pages [`Site::terms`] gives the site: each taxonomy's list, then its terms'.
    pub(super) fn term_pages(&self) -> Vec<TermPage> {
        let mut pages = Vec::new();
        for (taxonomy, terms) in &self.terms {
            pages.push(TermPage {
                url: format!("{taxonomy}/"),
                what: format!("the list of {taxonomy}"),
                at: None,
            });
            for (slug, term) in terms {
                let first = &self.articles[term.articles.iter().copied().min().unwrap_or(0)];
                let (line, column) = match first.front_value(&[taxonomy], &term.name) {
                    (1, 1) => first.front_value(&["taxonomies", taxonomy], &term.name),
                    at => at,
                };
                pages.push(TermPage {
                    url: format!("{taxonomy}/{slug}/"),
                    what: format!("the page of {taxonomy} '{}'", term.name),
                    at: Some((first.path.clone(), line, column)),
                });
            }
        }
        pages
    }
}

/// A taxonomy's name as a page's title: `categories` → "Categories".
pub fn taxonomy_title(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
