//! Backlinks: every article that links to a page, at its first mention, with the
//! sentence around it ("Mentioned in").

use super::{Backlink, RefTarget, Site};
use crate::markdown::{LinkTarget, RefKind};
use std::collections::HashSet;

impl Site {
    /// Every article's backlinks: one per article that links to it, in whatever form
    /// the link is written (wikilink, `.md` path, `.html` or folder path, root-relative,
    /// raw HTML `<a href>`), at the first mention, with the sentence around it.
    pub(super) fn index_backlinks(&mut self) {
        let mut backlinks: Vec<Vec<Backlink>> = vec![Vec::new(); self.articles.len()];
        for (i, article) in self.articles.iter().enumerate() {
            let links = &self.links[i];
            for (link, resolved) in article.parsed.links.iter().zip(links) {
                let Some(t) = resolved.target.filter(|&t| t != i && !link.embed) else {
                    continue;
                };
                let (before, label, after) = &link.context;
                // Other links in the sentence show their targets' titles, as on the page.
                let title = |n: usize| links.get(n).map(|l| l.title.clone()).unwrap_or_default();
                let before = crate::markdown::fill_labels(before, title);
                let after = crate::markdown::fill_labels(after, title);
                // One entry per linking article: the first mention is the spot to show.
                if backlinks[t].iter().any(|b| b.source == i) {
                    continue;
                }
                backlinks[t].push(Backlink {
                    source: i,
                    id: link.id.clone(),
                    before: before.into_owned(),
                    label: label.clone().unwrap_or_else(|| resolved.title.clone()),
                    after: after.into_owned(),
                });
            }
            // `<a href>` in raw HTML: no sentence of its own to quote, so the entry
            // names the page it leads to and the link goes to the top of the page.
            let paths: HashSet<usize> = article
                .parsed
                .links
                .iter()
                .filter_map(|l| match l.target {
                    LinkTarget::Path { reference } => Some(reference),
                    _ => None,
                })
                .collect();
            for (n, (r, target)) in article.parsed.refs.iter().zip(&self.refs[i]).enumerate() {
                let RefTarget::Site {
                    article: Some(t), ..
                } = *target
                else {
                    continue;
                };
                if t == i
                    || r.kind != RefKind::Link
                    || paths.contains(&n)
                    || backlinks[t].iter().any(|b| b.source == i)
                {
                    continue;
                }
                backlinks[t].push(Backlink {
                    source: i,
                    id: String::new(),
                    before: String::new(),
                    label: self.articles[t].title.clone(),
                    after: String::new(),
                });
            }
        }
        let articles = &self.articles;
        for list in &mut backlinks {
            list.sort_by_cached_key(|b| (articles[b.source].title.to_lowercase(), b.source));
        }
        self.backlinks = backlinks;
    }
}
