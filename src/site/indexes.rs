//! Indexes over the articles: slugs, topics, tags, citations, glossary use, reading
//! paths and aliases, each checked as it is built.

use super::{PathIndex, Site, Structure, TagIndex};
use crate::diagnostic::{nearest, Code, Diagnostic, Diagnostics};
use crate::load::{ReadingPath, Spans, Step};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

impl Site {
    pub(super) fn index_slugs(&mut self, diagnostics: &mut Diagnostics) {
        // Identity is the path: file names may repeat in different folders. A file
        // name that is unique still names its article on its own.
        let mut seen: HashMap<String, Option<usize>> = HashMap::new();
        for (i, article) in self.articles.iter().enumerate() {
            if article.structure == Structure::Hub {
                continue;
            }
            if article.slug.is_empty() {
                diagnostics.push(
                    Diagnostic::error(Code::BadSlug, "file name gives an empty slug")
                        .in_file(&article.path)
                        .help("name the file with letters or digits, e.g. `my-article.md`"),
                );
                continue;
            }
            seen.entry(article.slug.clone())
                .and_modify(|e| *e = None)
                .or_insert(Some(i));
        }
        self.by_slug = seen
            .into_iter()
            .filter_map(|(slug, i)| Some((slug, i?)))
            .collect();
        self.names = super::names::Names::new(&self.articles);
        for (i, article) in self.articles.iter().enumerate() {
            // Only aliases that are URL paths (`/old/path/`) are old addresses; the
            // others are names for wikilinks.
            for alias in article
                .front
                .aliases
                .iter()
                .filter(|a| a.trim().starts_with('/'))
            {
                let url = normalise_alias(alias);
                if let Some(last) = url
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .filter(|s| !s.is_empty())
                {
                    if !self.by_slug.contains_key(last) {
                        self.old_names.entry(format!("{last}/")).or_insert(i);
                    }
                }
                self.old_names.entry(url).or_insert(i);
            }
        }
    }

    pub(super) fn index_topics(&mut self, diagnostics: &mut Diagnostics) {
        let ids: Vec<&str> = self.config.topics.iter().map(|t| t.id.as_str()).collect();
        for (i, article) in self.articles.iter().enumerate() {
            // Hugo's `build.list: never`: in no list, not even its topic's order.
            let never = article.front.listing() == crate::load::Listing::Never;
            if article.structure == Structure::Hub || never {
                continue;
            }
            match &article.topic {
                None => self.pages.push(i),
                Some(topic) => match ids.iter().position(|id| id == topic) {
                    Some(t) => self.topics[t].push(i),
                    None => {
                        let (l, c) = article.front_key(&["topic"]);
                        let d = Diagnostic::error(
                            Code::UnknownTopic,
                            format!("topic '{topic}' is not declared in book.toml"),
                        )
                        .at(&article.path, l, c);
                        diagnostics.push(match nearest(topic, ids.iter().copied()) {
                            Some(best) => d.help(format!("did you mean '{best}'? Topics are declared as [[topics]] in book.toml")),
                            None => d.help(format!("add a [[topics]] entry with id = \"{topic}\" to book.toml")),
                        });
                    }
                },
            }
        }
        let mut topics = std::mem::take(&mut self.topics);
        for list in &mut topics {
            self.sort_reading_order(list);
        }
        self.topics = topics;
        let mut pages = std::mem::take(&mut self.pages);
        self.sort_reading_order(&mut pages);
        self.pages = pages;
    }

    pub(super) fn index_tags(&mut self) {
        for (i, article) in self.articles.iter().enumerate() {
            // Hugo's `build.list: never` or `local`: out of the site-wide lists.
            if article.front.listing() != crate::load::Listing::Always {
                continue;
            }
            for tag in &article.front.tags {
                let slug = crate::text::tag_slug(tag);
                if slug.is_empty() {
                    continue;
                }
                let entry = self.tags.entry(slug).or_insert_with(|| TagIndex {
                    name: tag.clone(),
                    articles: Vec::new(),
                });
                if entry.articles.last() != Some(&i) {
                    entry.articles.push(i);
                }
            }
        }
        let articles = &self.articles;
        for tag in self.tags.values_mut() {
            tag.articles.sort_by_cached_key(|&i| {
                (articles[i].title.to_lowercase(), articles[i].slug.clone())
            });
        }
    }

    pub(super) fn index_citations(
        &mut self,
        file: &Option<(PathBuf, String)>,
        diagnostics: &mut Diagnostics,
    ) {
        for (i, article) in self.articles.iter().enumerate() {
            for citation in &article.parsed.citations {
                self.citers.entry(citation.key.clone()).or_default().push(i);
            }
        }
        if let Some((path, text)) = file {
            let mut spans = None;
            for key in self.references.keys() {
                if !self.citers.contains_key(key) {
                    let spans = spans.get_or_insert_with(|| Spans::yaml(text, 1));
                    let (l, c) = spans.key(&[Step::key(key)]).unwrap_or((1, 1));
                    diagnostics.push(
                        Diagnostic::warning(
                            Code::UncitedReference,
                            format!("reference '{key}' is not cited by any article"),
                        )
                        .at(path, l, c)
                        .help(format!(
                            "cite it with [@{key}] where a claim rests on it, or remove it"
                        )),
                    );
                }
            }
        }
    }

    pub(super) fn index_glossary(
        &mut self,
        file: &Option<(PathBuf, String)>,
        diagnostics: &mut Diagnostics,
    ) {
        for (i, article) in self.articles.iter().enumerate() {
            for &term in &article.parsed.glossary_terms {
                self.glossary_users[term].push(i);
            }
        }
        let Some((path, text)) = file else { return };
        // Parsed for positions only when a diagnostic needs one.
        let spans = std::cell::OnceCell::new();
        let spans = || spans.get_or_init(|| Spans::yaml(text, 1));
        let entries = self.glossary.entries();
        // Entry `n`'s `term` key, else the entry itself.
        let place = |n: usize| -> (usize, usize) {
            let spans = spans();
            spans
                .key(&[Step::Item(n), Step::key("term")])
                .or_else(|| spans.key(&[Step::Item(n)]))
                .unwrap_or((1, 1))
        };
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (n, entry) in entries.iter().enumerate() {
            if entry.term.trim().is_empty() {
                let (l, c) = place(n);
                diagnostics.push(
                    Diagnostic::error(Code::EmptyTerm, "glossary term is empty")
                        .at(path, l, c)
                        .help("give the entry a term, or remove it"),
                );
                continue;
            }
            let key = entry.term.trim().to_lowercase();
            if let Some(&first) = seen.get(&key) {
                let (l1, c1) = place(first);
                let (l, c) = place(n);
                diagnostics.push(
                    Diagnostic::error(
                        Code::DuplicateTerm,
                        format!(
                            "glossary term '{}' is defined twice: here and at {}:{l1}:{c1}",
                            entry.term,
                            path.display()
                        ),
                    )
                    .at(path, l, c)
                    .related(path, l1, c1, "the first definition")
                    .help("merge the two definitions into one entry"),
                );
            } else {
                seen.insert(key, n);
            }
            if let Some(slug) = &entry.article {
                if self.find_article(slug).is_none() {
                    let (l, c) = spans()
                        .key(&[Step::Item(n), Step::key("article")])
                        .unwrap_or_else(|| place(n));
                    let d = Diagnostic::error(
                        Code::UnknownArticle,
                        format!(
                            "glossary term '{}' names unknown article '{slug}'",
                            entry.term
                        ),
                    )
                    .at(path, l, c);
                    diagnostics.push(self.explain_name(d, slug));
                }
            }
        }
    }

    pub(super) fn resolve_paths(&mut self, paths: Vec<ReadingPath>, diagnostics: &mut Diagnostics) {
        let mut ids: BTreeMap<String, PathBuf> = BTreeMap::new();
        for source in paths {
            // The id is the file name made a slug: `Start_Here.yaml` and
            // `start-here.yml` would both be `paths/start-here/`.
            if source.id.is_empty() {
                diagnostics.push(
                    Diagnostic::error(
                        Code::BadPathId,
                        "reading path file name has no letters or digits to make its address from",
                    )
                    .in_file(&source.file)
                    .help("rename the file, e.g. `start-here.yaml`"),
                );
                continue;
            }
            if let Some(first) = ids.get(&source.id) {
                diagnostics.push(
                    Diagnostic::error(
                        Code::DuplicatePath,
                        format!(
                            "reading paths {} and {} both have the address paths/{}/",
                            first.display(),
                            source.file.display(),
                            source.id
                        ),
                    )
                    .in_file(&source.file)
                    .related(
                        first,
                        0,
                        0,
                        format!("the other reading path at paths/{}/", source.id),
                    )
                    .help("rename one of the files"),
                );
                continue;
            }
            ids.insert(source.id.clone(), source.file.clone());
            let mut steps = Vec::new();
            for (k, step) in source.path.steps.iter().enumerate() {
                match self.find_article(&step.slug) {
                    Some(i) => steps.push((i, step.note.clone())),
                    None => {
                        let (l, c) = Spans::yaml(&source.text, 1)
                            .value(&[Step::key("steps"), Step::Item(k), Step::key("slug")])
                            .unwrap_or((1, 1));
                        let d = Diagnostic::error(
                            Code::UnknownPathStep,
                            format!(
                                "reading path '{}' names unknown article '{}'",
                                source.id, step.slug
                            ),
                        )
                        .at(&source.file, l, c);
                        diagnostics.push(self.explain_name(d, &step.slug));
                    }
                }
            }
            self.paths.push(PathIndex { source, steps });
        }
        self.paths.sort_by(|a, b| {
            let key = |p: &PathIndex| p.source.path.order.unwrap_or(i64::MAX);
            key(a)
                .cmp(&key(b))
                .then_with(|| a.source.id.cmp(&b.source.id))
        });
    }
}

/// `/patterns/old/` and `patterns/old` both become `patterns/old/`.
pub fn normalise_alias(alias: &str) -> String {
    let path = alias.trim().trim_start_matches('/');
    // `/old/x.html`, as Hugo and mdBook published a page, is read as a link to it is:
    // `old/x/`; `/old/index.html` is `old/`.
    let trimmed = match path.strip_suffix(".html") {
        Some(stem) if stem == "index" || stem.ends_with("/index") => stem.trim_end_matches("index"),
        Some(stem) => stem,
        None => path,
    }
    .trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}/")
    }
}

/// The file an old address names when another tool published the page as one
/// (`/old/x.html`, not `/old/index.html`, which is its folder's address): `old/x.html`,
/// where a redirect page is written too, so a bookmark to that file still leads to
/// the page.
pub fn alias_file(alias: &str) -> Option<String> {
    let path = alias.trim().trim_start_matches('/');
    let stem = path.strip_suffix(".html")?;
    let named = !stem.is_empty() && stem != "index" && !stem.ends_with("/index");
    (named && !stem.ends_with('/')).then(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_normalise() {
        assert_eq!(normalise_alias("/patterns/old/"), "patterns/old/");
        assert_eq!(normalise_alias("patterns/old"), "patterns/old/");
        assert_eq!(normalise_alias("/old/index.html"), "old/");
        assert_eq!(normalise_alias("/old/x.html"), "old/x/");
        assert_eq!(normalise_alias("/old/myindex.html"), "old/myindex/");
        assert_eq!(alias_file("/old/x.html"), Some("old/x.html".to_string()));
        assert_eq!(alias_file("/old/index.html"), None);
        assert_eq!(alias_file("/old/x/"), None);
        assert_eq!(alias_file("/.html"), None);
    }
}
