//! The whole-site model: articles by slug, topics, tags, glossary, references, reading
//! paths; every link resolved against it; backlinks, typed relations both ways and
//! related articles. Every cross-file problem is found here and gathered, not thrown.

use crate::config::Config;
use crate::diagnostic::{nearest, Diagnostic};
use crate::glossary::Glossary;
use crate::load::{locate, slugify, Content, FrontMatter, ReadingPath, Reference, Source};
use crate::markdown::{self, LinkTarget, ParseContext, Parsed};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

/// How links are written: pretty folders online, explicit `index.html` offline.
#[derive(Debug, Clone, Copy)]
pub struct UrlStyle {
    pub offline: bool,
}

impl UrlStyle {
    /// `index.html` offline, nothing online.
    pub fn index(self) -> &'static str {
        if self.offline {
            "index.html"
        } else {
            ""
        }
    }

    /// Relative prefix from a page at `url` (`patterns/x/`) to the site root.
    pub fn root(url: &str) -> String {
        let depth = url.matches('/').count();
        if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        }
    }

    /// Relative href from the page at `from` to the folder page `to` (both site-relative).
    pub fn href(self, from: &str, to: &str) -> String {
        format!("{}{}{}", Self::root(from), to, self.index())
    }
}

pub struct Article {
    pub slug: String,
    /// Path from the site root, for diagnostics.
    pub path: PathBuf,
    pub rel: PathBuf,
    pub topic: Option<String>,
    pub title: String,
    pub summary: String,
    pub front: FrontMatter,
    pub parsed: Parsed,
    /// Site-relative folder URL: `patterns/dismissive-family/`.
    pub url: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct ResolvedLink {
    pub target: Option<usize>,
    pub href: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct Backlink {
    pub source: usize,
    /// Id of the `<a>` in the source page.
    pub id: String,
    pub before: String,
    pub label: String,
    pub after: String,
}

pub struct TagIndex {
    pub name: String,
    pub articles: Vec<usize>,
}

pub struct PathIndex {
    pub source: ReadingPath,
    /// Article index and note of each valid step.
    pub steps: Vec<(usize, Option<String>)>,
}

pub struct Site {
    pub config: Config,
    pub style: UrlStyle,
    pub articles: Vec<Article>,
    pub by_slug: HashMap<String, usize>,
    /// Aliases (normalised) and the old slugs they end in → article.
    pub old_names: HashMap<String, usize>,
    /// Topic order as in book.toml, each with its articles in reading order.
    pub topics: Vec<Vec<usize>>,
    /// Articles outside any topic (standalone pages such as "About").
    pub pages: Vec<usize>,
    pub tags: BTreeMap<String, TagIndex>,
    pub glossary: Glossary,
    pub glossary_users: Vec<Vec<usize>>,
    pub references: BTreeMap<String, Reference>,
    pub citers: BTreeMap<String, Vec<usize>>,
    pub paths: Vec<PathIndex>,
    pub links: Vec<Vec<ResolvedLink>>,
    pub backlinks: Vec<Vec<Backlink>>,
    /// Per article: (relation index in config, targets).
    pub relations_out: Vec<Vec<(usize, Vec<usize>)>>,
    pub relations_in: Vec<Vec<(usize, Vec<usize>)>>,
    pub related: Vec<Vec<usize>>,
    /// Old URL (site-relative folder) → article.
    pub aliases: BTreeMap<String, usize>,
    pub assets: Vec<PathBuf>,
}

/// Parsed articles kept between rebuilds (by `attune serve`): an article is parsed
/// again only when its text, or something parsing depends on, changed.
#[derive(Default)]
pub struct ParseCache {
    /// Hash of what every parse depends on besides the article itself.
    inputs: u64,
    entries: HashMap<PathBuf, (u64, Parsed)>,
}

/// Parses every article and builds the model; all problems go into `diagnostics`.
pub fn build(
    config: Config,
    content: Content,
    style: UrlStyle,
    diagnostics: &mut Vec<Diagnostic>,
) -> Site {
    build_with(config, content, style, diagnostics, None)
}

/// [`build`], reusing and refreshing `cache`.
pub fn build_cached(
    config: Config,
    content: Content,
    style: UrlStyle,
    diagnostics: &mut Vec<Diagnostic>,
    cache: &mut ParseCache,
) -> Site {
    build_with(config, content, style, diagnostics, Some(cache))
}

fn build_with(
    config: Config,
    content: Content,
    style: UrlStyle,
    diagnostics: &mut Vec<Diagnostic>,
    mut cache: Option<&mut ParseCache>,
) -> Site {
    let glossary = Glossary::new(content.glossary);
    let index = style.index();
    let sources = content.sources;
    if let Some(cache) = cache.as_deref_mut() {
        let mut inputs =
            format!("{}|{}|", config.build.smart_punctuation, style.offline).into_bytes();
        for file in [&content.glossary_file, &content.references_file]
            .into_iter()
            .flatten()
        {
            inputs.extend(file.1.as_bytes());
            inputs.push(0);
        }
        let inputs = crate::output::hash_bytes(&inputs);
        if cache.inputs != inputs {
            cache.inputs = inputs;
            cache.entries.clear();
        }
    }
    let cached = cache.as_deref();
    let parsed: Vec<(Parsed, u64)> = sources
        .par_iter()
        .map(|source| {
            let hash = if cached.is_some() {
                crate::output::hash_bytes(source.text.as_bytes())
            } else {
                0
            };
            if let Some((_, parsed)) = cached
                .and_then(|c| c.entries.get(&source.path))
                .filter(|(h, _)| *h == hash)
            {
                return (parsed.clone(), hash);
            }
            let url = article_url(source);
            let root = UrlStyle::root(&url);
            let ctx = ParseContext {
                smart_punctuation: config.build.smart_punctuation,
                references: &content.references,
                glossary: &glossary,
                root: &root,
                index,
            };
            let parsed = markdown::parse(
                &source.text,
                source.body_start,
                &source.path,
                source.front.title.is_none(),
                &ctx,
            );
            (parsed, hash)
        })
        .collect();
    if let Some(cache) = cache {
        cache.entries = sources
            .iter()
            .zip(&parsed)
            .map(|(s, (p, h))| (s.path.clone(), (*h, p.clone())))
            .collect();
    }
    let parsed: Vec<Parsed> = parsed.into_iter().map(|(p, _)| p).collect();

    let mut articles = Vec::with_capacity(sources.len());
    for (source, mut parsed) in sources.into_iter().zip(parsed) {
        diagnostics.append(&mut parsed.diagnostics);
        let title = match (&source.front.title, &parsed.title_from_heading) {
            (Some(t), _) => t.clone(),
            (None, Some(t)) => t.clone(),
            (None, None) => {
                diagnostics.push(
                    Diagnostic::error("no-title", "article has no title")
                        .in_file(&source.path)
                        .help("add `title: ...` to the front matter, or start the text with a `# Heading`"),
                );
                source.slug.clone()
            }
        };
        let summary = source
            .front
            .summary
            .clone()
            .or_else(|| source.front.description.clone())
            .unwrap_or_default();
        articles.push(Article {
            url: article_url(&source),
            slug: source.slug,
            path: source.path,
            rel: source.rel,
            topic: source.topic,
            title,
            summary,
            front: source.front,
            parsed,
            text: source.text,
        });
    }
    // A stable order for everything downstream: by file path.
    articles.sort_by(|a, b| a.rel.cmp(&b.rel));

    let mut site = Site {
        style,
        by_slug: HashMap::new(),
        old_names: HashMap::new(),
        topics: vec![Vec::new(); config.topics.len()],
        pages: Vec::new(),
        tags: BTreeMap::new(),
        glossary_users: vec![Vec::new(); glossary.entries().len()],
        glossary,
        references: content.references,
        citers: BTreeMap::new(),
        paths: Vec::new(),
        links: Vec::new(),
        backlinks: Vec::new(),
        relations_out: Vec::new(),
        relations_in: Vec::new(),
        related: Vec::new(),
        aliases: BTreeMap::new(),
        assets: content.assets,
        articles,
        config,
    };
    if site.articles.is_empty() {
        diagnostics.push(
            Diagnostic::error("empty", format!("no Markdown articles found in `{}/`", site.config.build.content_dir))
                .help("add .md files under topic folders (e.g. content/patterns/first.md), or run `attune init` for a sample site"),
        );
    }
    site.index_slugs(diagnostics);
    site.index_topics(diagnostics);
    site.index_tags();
    site.resolve_links(diagnostics);
    site.resolve_relations(diagnostics);
    site.index_citations(&content.references_file, diagnostics);
    site.index_glossary(&content.glossary_file, diagnostics);
    site.resolve_paths(content.paths, diagnostics);
    site.resolve_aliases(diagnostics);
    site.compute_related();
    site
}

fn article_url(source: &Source) -> String {
    match &source.topic {
        Some(topic) => format!("{topic}/{}/", source.slug),
        None => format!("{}/", source.slug),
    }
}

/// Position of `needle` inside an article's front matter (or its first line).
fn front_position(article: &Article, needle: &str) -> (usize, usize) {
    let head = &article.text[..article.text.len().min(article.parsed_body_start())];
    if head.contains(needle) {
        locate(head, needle)
    } else {
        (1, 1)
    }
}

impl Article {
    fn parsed_body_start(&self) -> usize {
        // Front matter ends at the second `---` line; the body follows it.
        if !self.text.starts_with("---") {
            return 0;
        }
        self.text[3..]
            .find("\n---")
            .or_else(|| self.text[3..].find("\n..."))
            .map_or(self.text.len(), |i| i + 7)
    }

    /// Reading level and time, computed once from parsed text.
    pub fn grade(&self) -> f64 {
        self.parsed.stats.grade()
    }
}

impl Site {
    pub fn root(&self, article: usize) -> String {
        UrlStyle::root(&self.articles[article].url)
    }

    /// The article a slug names, directly or through an alias (an old URL, or the old
    /// slug at its end), so renamed articles keep their links.
    pub fn find_article(&self, name: &str) -> Option<usize> {
        self.by_slug
            .get(name)
            .or_else(|| self.old_names.get(&normalise_alias(name)))
            .copied()
    }

    fn index_slugs(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        for (i, article) in self.articles.iter().enumerate() {
            if article.slug.is_empty() {
                diagnostics.push(
                    Diagnostic::error("bad-slug", "file name gives an empty slug")
                        .in_file(&article.path)
                        .help("name the file with letters or digits, e.g. `my-article.md`"),
                );
                continue;
            }
            if let Some(&other) = self.by_slug.get(&article.slug) {
                diagnostics.push(
                    Diagnostic::error(
                        "duplicate-slug",
                        format!(
                            "two articles have the slug '{}': {} and {}",
                            article.slug,
                            self.articles[other].path.display(),
                            article.path.display()
                        ),
                    )
                    .in_file(&article.path)
                    .help("slugs come from file names and must be unique across the site; rename one file"),
                );
                continue;
            }
            self.by_slug.insert(article.slug.clone(), i);
        }
        for (i, article) in self.articles.iter().enumerate() {
            for alias in &article.front.aliases {
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

    fn index_topics(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let ids: Vec<&str> = self.config.topics.iter().map(|t| t.id.as_str()).collect();
        for (i, article) in self.articles.iter().enumerate() {
            match &article.topic {
                None => self.pages.push(i),
                Some(topic) => match ids.iter().position(|id| id == topic) {
                    Some(t) => self.topics[t].push(i),
                    None => {
                        let (l, c) = front_position(article, "topic:");
                        let d = Diagnostic::error(
                            "unknown-topic",
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
        let articles = &self.articles;
        let key = |&i: &usize| {
            let a = &articles[i];
            (
                a.front.order.unwrap_or(i64::MAX),
                a.title.to_lowercase(),
                a.slug.clone(),
            )
        };
        for list in &mut self.topics {
            list.sort_by_cached_key(key);
        }
        self.pages.sort_by_cached_key(key);
    }

    fn index_tags(&mut self) {
        for (i, article) in self.articles.iter().enumerate() {
            for tag in &article.front.tags {
                let slug = slugify(tag);
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

    /// The article a relative `.md` path from `from` names.
    fn article_by_file(
        &self,
        from: &Path,
        target: &str,
        by_rel: &HashMap<PathBuf, usize>,
    ) -> Option<usize> {
        let mut path = from.parent().map(Path::to_path_buf).unwrap_or_default();
        let decoded = percent_decode(target).unwrap_or_else(|| target.to_string());
        for component in Path::new(&decoded).components() {
            match component {
                Component::ParentDir => {
                    if !path.pop() {
                        return None;
                    }
                }
                Component::Normal(part) => path.push(part),
                Component::CurDir => {}
                _ => return None,
            }
        }
        by_rel.get(&path).copied()
    }

    fn resolve_links(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let by_rel: HashMap<PathBuf, usize> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.rel.clone(), i))
            .collect();
        let style = self.style;
        let results: Vec<(Vec<ResolvedLink>, Vec<Diagnostic>)> = (0..self.articles.len())
            .into_par_iter()
            .map(|i| {
                let article = &self.articles[i];
                let mut local = Vec::new();
                let links = article
                    .parsed
                    .links
                    .iter()
                    .map(|link| {
                        let (target, anchor, written) = match &link.target {
                            LinkTarget::File { path, anchor } => (
                                self.article_by_file(&article.rel, path, &by_rel),
                                anchor.clone(),
                                path.clone(),
                            ),
                            LinkTarget::Slug { slug, anchor } => {
                                (self.find_article(slug), anchor.clone(), slug.clone())
                            }
                            LinkTarget::SamePage { anchor } => {
                                (Some(i), Some(anchor.clone()), String::new())
                            }
                        };
                        let Some(t) = target else {
                            let d = Diagnostic::error(
                                "broken-link",
                                format!("broken link to '{written}'"),
                            )
                            .at(&article.path, link.line, link.column);
                            let d = match &link.target {
                                LinkTarget::File { .. } => {
                                    let stem = Path::new(&written)
                                        .file_stem()
                                        .map(|s| s.to_string_lossy().into_owned())
                                        .unwrap_or_default();
                                    match nearest(
                                        &stem,
                                        self.articles.iter().map(|a| a.slug.as_str()),
                                    ) {
                                        Some(best) => {
                                            let to = &self.articles[self.by_slug[best]];
                                            d.help(format!(
                                                "did you mean '{}'?",
                                                relative_path(&article.rel, &to.rel)
                                            ))
                                        }
                                        None => {
                                            d.help("the path is relative to this file's folder")
                                        }
                                    }
                                }
                                _ => d.suggest(
                                    &written,
                                    self.articles.iter().map(|a| a.slug.as_str()),
                                ),
                            };
                            local.push(d);
                            return ResolvedLink {
                                target: None,
                                href: String::new(),
                                title: written,
                            };
                        };
                        let to = &self.articles[t];
                        if let Some(anchor) = &anchor {
                            if !to.parsed.headings.iter().any(|h| &h.id == anchor)
                                && !is_generated_anchor(anchor)
                            {
                                let place = if t == i {
                                    "this page".to_string()
                                } else {
                                    format!("'{}'", to.slug)
                                };
                                let d = Diagnostic::error(
                                    "broken-anchor",
                                    format!("no heading with id '{anchor}' in {place}"),
                                )
                                .at(&article.path, link.line, link.column)
                                .suggest(anchor, to.parsed.headings.iter().map(|h| h.id.as_str()));
                                local.push(d);
                            }
                        }
                        let fragment = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                        let href = if t == i {
                            fragment
                        } else {
                            format!("{}{fragment}", style.href(&article.url, &to.url))
                        };
                        ResolvedLink {
                            target: Some(t),
                            href,
                            title: to.title.clone(),
                        }
                    })
                    .collect();
                (links, local)
            })
            .collect();
        let mut backlinks: Vec<Vec<Backlink>> = vec![Vec::new(); self.articles.len()];
        for (i, (links, local)) in results.into_iter().enumerate() {
            diagnostics.extend(local);
            for (link, resolved) in self.articles[i].parsed.links.iter().zip(&links) {
                let Some(t) = resolved.target.filter(|&t| t != i) else {
                    continue;
                };
                let (before, label, after) = &link.context;
                // One entry per linking article: the first mention is the spot to show.
                if backlinks[t].iter().any(|b| b.source == i) {
                    continue;
                }
                backlinks[t].push(Backlink {
                    source: i,
                    id: link.id.clone(),
                    before: before.clone(),
                    label: label.clone().unwrap_or_else(|| resolved.title.clone()),
                    after: after.clone(),
                });
            }
            self.links.push(links);
        }
        let articles = &self.articles;
        for list in &mut backlinks {
            list.sort_by_cached_key(|b| (articles[b.source].title.to_lowercase(), b.source));
        }
        self.backlinks = backlinks;
    }

    fn resolve_relations(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let n = self.articles.len();
        let mut out = vec![Vec::new(); n];
        let mut inverse: Vec<BTreeMap<usize, Vec<usize>>> = vec![BTreeMap::new(); n];
        for (i, article) in self.articles.iter().enumerate() {
            for (name, targets) in &article.front.relations {
                let Some(kind) = self.config.relations.iter().position(|r| &r.name == name) else {
                    let (l, c) = front_position(article, &format!("{name}:"));
                    let d = Diagnostic::error(
                        "unknown-relation",
                        format!("relation '{name}' is not declared in book.toml"),
                    )
                    .at(&article.path, l, c);
                    diagnostics.push(match nearest(name, self.config.relations.iter().map(|r| r.name.as_str())) {
                        Some(best) => d.help(format!("did you mean '{best}'?")),
                        None => d.help(format!("declare it as a [[relations]] entry with name = \"{name}\" in book.toml")),
                    });
                    continue;
                };
                let mut resolved = Vec::new();
                for target in targets {
                    match self.find_article(target) {
                        Some(t) if t != i => {
                            if !resolved.contains(&t) {
                                resolved.push(t);
                                inverse[t].entry(kind).or_default().push(i);
                            }
                        }
                        Some(_) => {
                            let (l, c) = front_position(article, target);
                            diagnostics.push(
                                Diagnostic::error(
                                    "self-relation",
                                    format!("article relates to itself under '{name}'"),
                                )
                                .at(&article.path, l, c),
                            );
                        }
                        None => {
                            let (l, c) = front_position(article, target);
                            diagnostics.push(
                                Diagnostic::error(
                                    "unknown-relation-target",
                                    format!("relation '{name}' names unknown article '{target}'"),
                                )
                                .at(&article.path, l, c)
                                .suggest(target, self.articles.iter().map(|a| a.slug.as_str())),
                            );
                        }
                    }
                }
                if !resolved.is_empty() {
                    out[i].push((kind, resolved));
                }
            }
            out[i].sort_by_key(|(kind, _)| *kind);
        }
        let articles = &self.articles;
        self.relations_in = inverse
            .into_iter()
            .map(|m| {
                m.into_iter()
                    .map(|(k, mut v)| {
                        v.sort_by_cached_key(|&s| (articles[s].title.to_lowercase(), s));
                        (k, v)
                    })
                    .collect()
            })
            .collect();
        self.relations_out = out;
    }

    fn index_citations(
        &mut self,
        file: &Option<(PathBuf, String)>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        for (i, article) in self.articles.iter().enumerate() {
            for citation in &article.parsed.citations {
                self.citers.entry(citation.key.clone()).or_default().push(i);
            }
        }
        if let Some((path, text)) = file {
            for key in self.references.keys() {
                if !self.citers.contains_key(key) {
                    let (l, c) = locate(text, &format!("{key}:"));
                    diagnostics.push(
                        Diagnostic::warning(
                            "uncited-reference",
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

    fn index_glossary(
        &mut self,
        file: &Option<(PathBuf, String)>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        for (i, article) in self.articles.iter().enumerate() {
            for &term in &article.parsed.glossary_terms {
                self.glossary_users[term].push(i);
            }
        }
        let Some((path, text)) = file else { return };
        let mut seen = BTreeSet::new();
        for entry in self.glossary.entries() {
            if !seen.insert(entry.term.to_lowercase()) {
                let (l, c) = locate(text, &format!("term: {}", entry.term));
                diagnostics.push(
                    Diagnostic::error(
                        "duplicate-term",
                        format!("glossary term '{}' is defined twice", entry.term),
                    )
                    .at(path, l, c),
                );
            }
            if let Some(slug) = &entry.article {
                if self.find_article(slug).is_none() {
                    let (l, c) = locate(text, &format!("article: {slug}"));
                    diagnostics.push(
                        Diagnostic::error(
                            "unknown-article",
                            format!(
                                "glossary term '{}' names unknown article '{slug}'",
                                entry.term
                            ),
                        )
                        .at(path, l, c)
                        .suggest(slug, self.articles.iter().map(|a| a.slug.as_str())),
                    );
                }
            }
        }
    }

    fn resolve_paths(&mut self, paths: Vec<ReadingPath>, diagnostics: &mut Vec<Diagnostic>) {
        for source in paths {
            let mut steps = Vec::new();
            for step in &source.path.steps {
                match self.find_article(&step.slug) {
                    Some(i) => steps.push((i, step.note.clone())),
                    None => {
                        let (l, c) = locate(&source.text, &step.slug);
                        diagnostics.push(
                            Diagnostic::error(
                                "unknown-path-step",
                                format!(
                                    "reading path '{}' names unknown article '{}'",
                                    source.id, step.slug
                                ),
                            )
                            .at(&source.file, l, c)
                            .suggest(&step.slug, self.articles.iter().map(|a| a.slug.as_str())),
                        );
                    }
                }
            }
            self.paths.push(PathIndex { source, steps });
        }
        self.paths.sort_by(|a, b| a.source.id.cmp(&b.source.id));
    }

    fn resolve_aliases(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let pages: BTreeSet<&str> = self.articles.iter().map(|a| a.url.as_str()).collect();
        let mut aliases: BTreeMap<String, usize> = BTreeMap::new();
        for (i, article) in self.articles.iter().enumerate() {
            for alias in &article.front.aliases {
                let url = normalise_alias(alias);
                let (l, c) = front_position(article, alias);
                if url.is_empty()
                    || url
                        .split('/')
                        .any(|s| s == ".." || s == "." || s.contains('\\'))
                {
                    diagnostics.push(
                        Diagnostic::error(
                            "bad-alias",
                            format!("alias '{alias}' is not a URL path inside the site"),
                        )
                        .at(&article.path, l, c)
                        .help("write an old URL path such as /patterns/old-name/"),
                    );
                    continue;
                }
                if pages.contains(url.as_str()) || is_reserved(&url) {
                    diagnostics.push(
                        Diagnostic::error(
                            "alias-collision",
                            format!("alias '{alias}' is the URL of an existing page"),
                        )
                        .at(&article.path, l, c),
                    );
                    continue;
                }
                if let Some(&other) = aliases.get(&url) {
                    diagnostics.push(
                        Diagnostic::error(
                            "alias-collision",
                            format!(
                                "alias '{alias}' is also an alias of {}",
                                self.articles[other].path.display()
                            ),
                        )
                        .at(&article.path, l, c),
                    );
                    continue;
                }
                aliases.insert(url, i);
            }
        }
        self.aliases = aliases;
    }

    /// Up to `count` related articles each, from shared tags, relation targets,
    /// citations and direct links. Scores accumulate through inverted indices, so
    /// work grows with shared connections, not with the square of the site.
    fn compute_related(&mut self) {
        let n = self.articles.len();
        let weights = &self.config.related;
        let mut tag_members: Vec<&Vec<usize>> = Vec::new();
        let mut article_tags: Vec<Vec<usize>> = vec![Vec::new(); n];
        for tag in self.tags.values() {
            for &a in &tag.articles {
                article_tags[a].push(tag_members.len());
            }
            tag_members.push(&tag.articles);
        }
        // Relation target → articles pointing at it.
        let mut pointing: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, rels) in self.relations_out.iter().enumerate() {
            for (_, targets) in rels {
                for &t in targets {
                    pointing.entry(t).or_default().push(i);
                }
            }
        }
        let related: Vec<Vec<usize>> = (0..n)
            .into_par_iter()
            .map_init(
                || (vec![0f64; n], Vec::<usize>::new()),
                |(scores, touched), i| {
                    let mut add = |j: usize, w: f64| {
                        if j != i {
                            if scores[j] == 0.0 {
                                touched.push(j);
                            }
                            scores[j] += w;
                        }
                    };
                    for &t in &article_tags[i] {
                        for &j in tag_members[t] {
                            add(j, weights.tags);
                        }
                    }
                    for (_, targets) in &self.relations_out[i] {
                        for t in targets {
                            for &j in pointing.get(t).map(Vec::as_slice).unwrap_or_default() {
                                add(j, weights.relations);
                            }
                        }
                    }
                    for citation in &self.articles[i].parsed.citations {
                        for &j in self
                            .citers
                            .get(&citation.key)
                            .map(Vec::as_slice)
                            .unwrap_or_default()
                        {
                            add(j, weights.citations);
                        }
                    }
                    for link in &self.links[i] {
                        if let Some(j) = link.target {
                            add(j, weights.links);
                        }
                    }
                    for b in &self.backlinks[i] {
                        add(b.source, weights.links);
                    }
                    let listed: BTreeSet<usize> = self.relations_out[i]
                        .iter()
                        .chain(&self.relations_in[i])
                        .flat_map(|(_, v)| v.iter().copied())
                        .collect();
                    // Keep the best `count` in one pass: no sort of every candidate.
                    let better = |a: &(f64, usize), b: &(f64, usize)| {
                        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
                    };
                    let mut best: Vec<(f64, usize)> = Vec::with_capacity(weights.count + 1);
                    for &j in touched.iter() {
                        let candidate = (scores[j], j);
                        scores[j] = 0.0;
                        if listed.contains(&j) || self.articles[j].topic.is_none() {
                            continue;
                        }
                        if best.len() == weights.count
                            && best
                                .last()
                                .is_none_or(|last| better(&candidate, last).is_ge())
                        {
                            continue;
                        }
                        let at = best.partition_point(|b| better(b, &candidate).is_lt());
                        best.insert(at, candidate);
                        best.truncate(weights.count);
                    }
                    touched.clear();
                    best.into_iter().map(|(_, j)| j).collect()
                },
            )
            .collect();
        self.related = related;
    }

    /// Articles nothing points to: no link, no relation, no reading path.
    pub fn orphans(&self) -> Vec<usize> {
        let mut reached = vec![false; self.articles.len()];
        for (i, links) in self.links.iter().enumerate() {
            for t in links.iter().filter_map(|l| l.target).filter(|&t| t != i) {
                reached[t] = true;
            }
        }
        for (i, rels) in self.relations_out.iter().enumerate() {
            if !rels.is_empty() {
                reached[i] = true;
            }
            for (_, targets) in rels {
                for &t in targets {
                    reached[t] = true;
                }
            }
        }
        for path in &self.paths {
            for &(i, _) in &path.steps {
                reached[i] = true;
            }
        }
        (0..self.articles.len())
            .filter(|&i| !reached[i] && self.articles[i].topic.is_some())
            .collect()
    }

    pub fn topic_title(&self, article: &Article) -> Option<&str> {
        article
            .topic
            .as_ref()
            .and_then(|t| self.config.topic(t))
            .map(|t| t.title.as_str())
    }
}

/// Ids attune writes itself, which links may target though they are not headings.
fn is_generated_anchor(anchor: &str) -> bool {
    anchor.starts_with("ref-")
        || anchor.starts_with("source-")
        || anchor == "sources"
        || anchor == "top"
        || anchor == "main"
}

/// `/patterns/old/` and `patterns/old` both become `patterns/old/`.
pub fn normalise_alias(alias: &str) -> String {
    let trimmed = alias
        .trim()
        .trim_start_matches('/')
        .trim_end_matches("index.html")
        .trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}/")
    }
}

/// URLs attune writes itself.
fn is_reserved(url: &str) -> bool {
    const RESERVED: &[&str] = &[
        "assets/",
        "tags/",
        "glossary/",
        "references/",
        "paths/",
        "search/",
        "map/",
    ];
    RESERVED.contains(&url)
}

fn relative_path(from: &Path, to: &Path) -> String {
    let depth = from.parent().map_or(0, |p| p.components().count());
    format!(
        "{}{}",
        "../".repeat(depth),
        to.to_string_lossy().replace('\\', "/")
    )
}

/// Decodes `%XX` escapes; `None` for a malformed escape, invalid UTF-8 or a NUL.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    (!decoded.contains('\0')).then_some(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_roots() {
        assert_eq!(UrlStyle::root("patterns/x/"), "../../");
        assert_eq!(UrlStyle::root(""), "./");
        let offline = UrlStyle { offline: true };
        assert_eq!(
            offline.href("patterns/x/", "effects/y/"),
            "../../effects/y/index.html"
        );
        assert_eq!(UrlStyle { offline: false }.href("about/", ""), "../");
    }

    #[test]
    fn aliases_normalise() {
        assert_eq!(normalise_alias("/patterns/old/"), "patterns/old/");
        assert_eq!(normalise_alias("patterns/old"), "patterns/old/");
        assert_eq!(normalise_alias("/old/index.html"), "old/");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b.md").as_deref(), Some("a b.md"));
        assert_eq!(percent_decode("100%"), None);
        assert_eq!(percent_decode("a%00"), None);
    }
}
