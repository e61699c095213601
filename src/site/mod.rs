//! The whole-site model: articles by slug, topics, tags, glossary, references, reading
//! paths; every link resolved against it; backlinks, typed relations both ways and
//! related articles. Every cross-file problem is found here and gathered, not thrown.

mod deps;
mod embeds;
mod graph;
mod included;
mod indexes;
mod limits;
mod links;
mod names;
mod order;
mod refs;
mod tree;
mod urls;

pub use crate::text::humanise;
pub use deps::Dependencies;
pub use indexes::normalise_alias;
pub use names::Found;
pub use refs::{encode_path, RefTarget};
pub use tree::Section;
pub use urls::{display_url, fold, is_search_shard, Kind as UrlKind, Owner, UrlTable};

use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::{locate, Content, FrontMatter, ReadingPath, Reference};
use crate::markdown::Glossary;
use crate::markdown::{self, ParseContext, Parsed};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub use crate::marks::{EDITION_MARK, WEB_ONLY_END, WEB_ONLY_START};
pub use crate::url::UrlStyle;

/// The slug of a site's own "When to get help" article. Without one, attune writes a
/// page of that name from `book.toml`'s `[safety]`, at [`HELP_URL`].
pub const HELP_SLUG: &str = "when-to-get-help";
/// Where attune's own "When to get help" page is written.
pub const HELP_URL: &str = "when-to-get-help/";

/// What a Markdown file is in the site's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Structure {
    /// A page of its own (a page bundle's `index.md` too).
    Page,
    /// A folder's own text (`_index.md`, or `index.md` beside other notes), shown on
    /// the folder's hub page.
    Hub,
}

pub struct Article {
    pub slug: String,
    pub structure: Structure,
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
    /// The source up to the body: its front matter, where diagnostics about front
    /// matter point. The body itself lives on only as what was parsed from it.
    pub front_matter: String,
    /// [`crate::load::content_hash`] of the body, recorded in `urls.json`.
    pub body_hash: u64,
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
    /// The theme's static files, published under `assets/` (paths below it).
    pub theme_files: Vec<String>,
    /// Every path the build writes, with its source: see [`UrlTable`].
    pub urls: UrlTable,
    /// Per article: where each of its references (`parsed.refs`) leads.
    pub refs: Vec<Vec<RefTarget>>,
    /// mdBook's `SUMMARY.md`, when the content folder has one: reading order and parts.
    pub summary: Option<crate::load::summary::Summary>,
    /// Folders below the topics, with their hubs and reading order.
    pub sections: Vec<Section>,
    /// Per article: the section holding it, if any.
    pub section_of: Vec<Option<usize>>,
    /// Every name a wikilink may use for an article.
    pub names: names::Names,
    /// Per article: its id in `print.html` (see [`Site::print_key`]).
    pub print_keys: Vec<String>,
}

/// Parsed articles kept between rebuilds (by `attune serve`): an article is parsed
/// again only when its text, or something parsing depends on, changed.
#[derive(Default)]
pub struct ParseCache {
    /// Hash of what every parse depends on besides the article itself.
    inputs: u64,
    /// Parsed articles handed back by [`ParseCache::keep`], by path, with the hash of
    /// the text each was parsed from.
    entries: HashMap<PathBuf, (u64, Parsed)>,
    /// The hash of each article's text in the last build, by path.
    texts: HashMap<PathBuf, u64>,
}

impl ParseCache {
    /// Takes back the parsed articles of `site`, the last build made with this cache,
    /// so the next build reuses them without copying; frees the rest of the model.
    pub fn keep(&mut self, site: Site) {
        for article in site.articles {
            if let Some(&hash) = self.texts.get(&article.path) {
                self.entries.insert(article.path, (hash, article.parsed));
            }
        }
    }

    /// What the article at `path` was parsed from in the last build: its text and
    /// everything parsing depends on, hashed; `None` if it was not in that build.
    pub fn parsed_from(&self, path: &Path) -> Option<u64> {
        let text = self.texts.get(path)?;
        Some(text ^ self.inputs.rotate_left(1))
    }
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
    let mut sources = content.sources;
    tree::leave_out_not_found_page(&mut sources, diagnostics);
    if let Some(cache) = cache.as_deref_mut() {
        let mut inputs = format!("{}|{:?}|", config.build.smart_punctuation, style).into_bytes();
        for file in [&content.glossary_file, &content.references_file]
            .into_iter()
            .flatten()
        {
            inputs.extend(file.1.as_bytes());
            inputs.push(0);
        }
        // Chapter titles from SUMMARY.md decide which leading heading is the title.
        if let Some(summary) = &content.summary {
            inputs.extend(format!("{:?}", summary.chapters).as_bytes());
        }
        let inputs = crate::hash::hash_bytes(&inputs);
        if cache.inputs != inputs {
            cache.inputs = inputs;
            cache.entries.clear();
        }
    }
    // With a cache: each text's hash, and what is parsed already from that text.
    let mut known: Vec<Option<Parsed>> = Vec::new();
    if let Some(cache) = cache.as_deref_mut() {
        let hashes: Vec<u64> = sources
            .par_iter()
            .map(|source| crate::hash::hash_bytes(source.text.as_bytes()))
            .collect();
        known = sources
            .iter()
            .zip(&hashes)
            .map(|(source, &hash)| match cache.entries.remove(&source.path) {
                // Parsed again when a file it includes changed, too.
                Some((h, parsed))
                    if h == hash ^ markdown::includes_now(&content.dir, &parsed.includes) =>
                {
                    Some(parsed)
                }
                _ => None,
            })
            .collect();
        cache.entries.clear();
        cache.texts = sources.iter().map(|s| s.path.clone()).zip(hashes).collect();
    }
    known.resize_with(sources.len(), || None);
    let placements = tree::place(&sources);
    for (source, placed) in sources.iter_mut().zip(&placements) {
        if placed.standalone {
            source.topic = None;
        }
    }
    let parsed: Vec<Parsed> = sources
        .par_iter()
        .zip(known)
        .zip(&placements)
        .map(|((source, known), placed)| {
            if let Some(parsed) = known {
                return parsed;
            }
            let url = placed.url.clone();
            let root = UrlStyle::root(&url);
            let ctx = ParseContext {
                smart_punctuation: config.build.smart_punctuation,
                references: &content.references,
                glossary: &glossary,
                root: &root,
                index,
                content: Some((&content.dir, &source.rel)),
            };
            let title = match given_title(source, content.summary.as_ref()) {
                Some(title) => markdown::Title::Known(title),
                None => markdown::Title::FromLeadingHeading,
            };
            let mut parsed =
                markdown::parse_titled(&source.text, source.body_start, &source.path, title, &ctx);
            if config.build.sanitize_html {
                // Once, here: every output that shows the body shares this one.
                parsed.html = markdown::sanitize(&parsed.html);
                // Destinations are filled in later, from marks the sanitiser cannot
                // judge: one it would remove is written empty.
                for r in &mut parsed.refs {
                    if !markdown::keeps_url(&r.url) {
                        r.url.clear();
                    }
                }
            }
            parsed
        })
        .collect();
    if let Some(cache) = cache {
        for (source, parsed) in sources.iter().zip(&parsed) {
            if let Some(hash) = cache.texts.get_mut(&source.path) {
                *hash ^= markdown::includes_hash(&parsed.includes);
            }
        }
    }
    // Files other articles include are snippets, not articles of their own.
    let snippets = markdown::snippets(
        sources
            .iter()
            .zip(&parsed)
            .map(|(s, p)| (s.rel.as_path(), p.includes.as_slice())),
    );

    let mut articles = Vec::with_capacity(sources.len());
    for ((source, parsed), placed) in sources.into_iter().zip(parsed).zip(placements) {
        if snippets.contains(&source.rel) {
            continue;
        }
        // Kept with the article too: a rebuild that reuses the parse reports them again.
        diagnostics.extend(parsed.diagnostics.iter().cloned());
        let given = given_title(&source, content.summary.as_ref()).map(str::to_string);
        let title = match (given, &parsed.title_from_heading) {
            (Some(t), _) => t,
            (None, Some(t)) => t.clone(),
            // A folder's own text without a title: the folder's name, as for a
            // folder without one.
            (None, None) if placed.hub => source
                .rel
                .parent()
                .and_then(|f| f.file_name())
                .map(|f| humanise(&f.to_string_lossy()))
                .unwrap_or_else(|| config.site.title.clone()),
            // The first heading at any level, as mdBook chapters that open with `##`.
            (None, None) if !parsed.headings.is_empty() => parsed.headings[0].text.clone(),
            // As Obsidian shows a note: its file name.
            (None, None) => crate::load::title_from_file_name(&source.rel),
        };
        let summary = source
            .front
            .summary
            .clone()
            .or_else(|| source.front.description.clone())
            .unwrap_or_default();
        crate::load::report_unknown_keys(
            &source.front,
            &source.path,
            &config.front_matter.allow,
            diagnostics,
        );
        crate::review::validate(
            &source.front,
            &source.text[..source.body_start],
            &source.path,
            source.topic.is_some() && !placed.hub,
            &config,
            diagnostics,
        );
        articles.push(Article {
            url: placed.url,
            body_hash: source.body_hash,
            slug: placed.slug,
            structure: if placed.hub {
                Structure::Hub
            } else {
                Structure::Page
            },
            path: source.path,
            rel: source.rel,
            topic: source.topic,
            title,
            summary,
            front: {
                let mut front = source.front;
                markdown::join_tags(&mut front.tags, &parsed.tags);
                front
            },
            parsed,
            front_matter: {
                let mut text = source.text;
                text.truncate(source.body_start);
                text.shrink_to_fit();
                text
            },
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
        theme_files: content.theme_files,
        urls: UrlTable::default(),
        refs: Vec::new(),
        summary: content.summary,
        sections: Vec::new(),
        section_of: Vec::new(),
        names: names::Names::default(),
        print_keys: Vec::new(),
        articles,
        config,
    };
    if site.articles.is_empty() {
        diagnostics.push(
            Diagnostic::error(Code::Empty, format!("no Markdown articles found in `{}/`", site.config.build.content_dir))
                .help("add .md files under topic folders (e.g. content/patterns/first.md), or run `attune init` for a sample site"),
        );
    }
    site.index_slugs(diagnostics);
    site.index_print_keys();
    site.topics_from_folders();
    site.index_topics(diagnostics);
    site.index_sections();
    site.check_folders(diagnostics);
    site.index_tags();
    site.resolve_links(diagnostics);
    site.check_embeds(diagnostics);
    site.resolve_relations(diagnostics);
    site.index_citations(&content.references_file, diagnostics);
    site.index_glossary(&content.glossary_file, diagnostics);
    site.resolve_paths(content.paths, diagnostics);
    site.claim_urls(diagnostics);
    site.resolve_refs(diagnostics);
    site.check_copied_html(&content.dir, diagnostics);
    site.link_paths();
    site.index_backlinks();
    site.check_limits(diagnostics);
    site.compute_related();
    site.place_included(diagnostics);
    site
}

/// The title an article is given before its text is read: its `title:`, else the
/// text of its entry in SUMMARY.md.
fn given_title<'a>(
    source: &'a crate::load::Source,
    summary: Option<&'a crate::load::summary::Summary>,
) -> Option<&'a str> {
    source.front.title.as_deref().or_else(|| {
        summary?
            .chapter(&source.rel)
            .map(|c| c.title.as_str())
            .filter(|t| !t.is_empty())
    })
}

/// Position of `needle` inside an article's front matter (or its first line).
fn front_position(article: &Article, needle: &str) -> (usize, usize) {
    let head = &article.front_matter;
    if head.contains(needle) {
        locate(head, needle)
    } else {
        (1, 1)
    }
}

impl Article {
    /// Whether the body holds a code block, so the page needs the highlighting
    /// stylesheet (raw HTML `<pre>` included: it gets the same code styles).
    pub fn body_has_code(&self) -> bool {
        memchr::memmem::find(self.parsed.html.as_bytes(), b"<pre").is_some()
    }

    /// Flesch–Kincaid grade, computed once from parsed text.
    pub fn grade(&self) -> f64 {
        self.parsed.stats.grade()
    }

    /// SMOG grade, computed once from parsed text.
    pub fn smog(&self) -> f64 {
        self.parsed.stats.smog()
    }

    /// The article's language: its own `language`, else the site's.
    pub fn language<'a>(&'a self, config: &'a Config) -> &'a str {
        self.front
            .language
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .unwrap_or(&config.site.language)
    }

    /// Whether the readability measures (English formulas) apply: the article is in
    /// English (`en`, `en-GB`, ...). Other languages are "not measured".
    pub fn readability_measured(&self, config: &Config) -> bool {
        let lang = self.language(config).to_ascii_lowercase();
        lang == "en" || lang.starts_with("en-") || lang.starts_with("en_")
    }

    /// Its clinical review, with the legacy keys folded in.
    pub fn review(&self, config: &Config) -> crate::review::Review<'_> {
        crate::review::Review::of(&self.front, config.review.interval_months)
    }
}

impl Site {
    pub fn root(&self, article: usize) -> String {
        UrlStyle::root(&self.articles[article].url)
    }

    /// The article a slug names, directly or through an alias (an old URL, or the old
    /// slug at its end), so renamed articles keep their links.
    pub fn find_article(&self, name: &str) -> Option<usize> {
        match self.lookup(name) {
            Found::One(i) => Some(i),
            _ => None,
        }
    }

    /// What a name finds: an article's path, file name, title or alias name (see
    /// [`names`]), else an old URL or old slug from its URL aliases.
    pub fn lookup(&self, name: &str) -> Found {
        match self.names.lookup(name) {
            Found::None => self
                .old_names
                .get(&normalise_alias(name))
                .map_or(Found::None, |&i| Found::One(i)),
            found => found,
        }
    }

    /// [`Site::lookup`] from article `from`, as Obsidian resolves a name several notes
    /// share: the one in the linking note's own folder, when only one is.
    pub fn lookup_from(&self, from: usize, name: &str) -> Found {
        match self.lookup(name) {
            Found::Many(candidates) => {
                let folder = self.articles[from].rel.parent();
                let near: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&c| {
                        let rel = &self.articles[c].rel;
                        // A hub or bundle sits in its own folder.
                        let own = if self.articles[c].structure == Structure::Hub {
                            rel.parent().and_then(Path::parent)
                        } else {
                            rel.parent()
                        };
                        own == folder
                    })
                    .collect();
                match near.as_slice() {
                    [one] => Found::One(*one),
                    _ => Found::Many(candidates),
                }
            }
            found => found,
        }
    }

    /// Help for a name that finds no single article: the path forms to write when
    /// several answer to it, else the nearest file name.
    pub fn explain_name(&self, d: Diagnostic, name: &str) -> Diagnostic {
        match self.lookup(name) {
            Found::Many(candidates) => {
                let forms: Vec<String> = candidates
                    .iter()
                    .map(|&c| {
                        format!(
                            "{} ({})",
                            self.path_name(c),
                            self.articles[c].path.display()
                        )
                    })
                    .collect();
                d.help(format!(
                    "'{name}' could mean {} notes; write the path of the one you mean: {}",
                    candidates.len(),
                    forms.join(", ")
                ))
            }
            _ => d.suggest(name, self.articles.iter().map(|a| a.slug.as_str())),
        }
    }

    /// How to write a link to article `i` by its path, when its name is not enough:
    /// `[[patterns/family-styles/dismissive]]`.
    pub fn path_name(&self, i: usize) -> String {
        names::path_form(&self.articles[i])
    }

    /// The id of article `i` in `print.html`: its slug, or (when other articles share
    /// its file name) its URL made one segment.
    pub fn print_key(&self, i: usize) -> &str {
        &self.print_keys[i]
    }

    fn index_print_keys(&mut self) {
        self.print_keys = (0..self.articles.len())
            .map(|i| {
                let article = &self.articles[i];
                if self.by_slug.get(&article.slug) == Some(&i) {
                    article.slug.clone()
                } else {
                    article.url.trim_end_matches('/').replace('/', "--")
                }
            })
            .collect();
    }

    /// The site's own "When to get help" article, if it has one.
    pub fn help_article(&self) -> Option<usize> {
        self.by_slug.get(HELP_SLUG).copied()
    }

    /// Where every article's footer sends readers for help: the site's own article,
    /// else the page attune writes from `book.toml`.
    pub fn help_url(&self) -> &str {
        self.help_article()
            .map_or(HELP_URL, |i| self.articles[i].url.as_str())
    }

    pub fn topic_title(&self, article: &Article) -> Option<&str> {
        article
            .topic
            .as_ref()
            .and_then(|t| self.config.topic(t))
            .map(|t| t.title.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_normalise() {
        assert_eq!(normalise_alias("/patterns/old/"), "patterns/old/");
        assert_eq!(normalise_alias("patterns/old"), "patterns/old/");
        assert_eq!(normalise_alias("/old/index.html"), "old/");
    }
}
