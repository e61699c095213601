//! The whole-site model: articles by slug, topics, tags, glossary, references, reading
//! paths; every link resolved against it; backlinks, typed relations both ways and
//! related articles. Every cross-file problem is found here and gathered, not thrown.
//! This file holds the [`Site`] and the order its indexes are built in; `parse.rs`
//! parses the articles, `article.rs` is one article, `names.rs` finds articles by name.

mod article;
mod backlinks;
mod bases;
mod by_file;
mod deps;
mod elsewhere;
mod embeds;
mod graph;
mod heading_order;
mod included;
mod indexes;
mod limits;
mod links;
mod missing_note;
mod names;
mod order;
mod parse;
mod permalinks;
mod place;
mod refs;
mod repeated;
mod reserved;
mod tag_permalinks;
mod terms;
mod theme_pages;
mod topics;
mod tree;
mod twins;
mod urls;
mod vault;

pub use crate::text::humanise;
pub use article::{Article, Structure};
pub use deps::Dependencies;
pub use indexes::{alias_file, normalise_alias};
pub use names::Found;
pub use parse::ParseCache;
pub use refs::{encode_path, RefTarget};
pub use terms::taxonomy_title;
pub use tree::Section;
pub use urls::{display_url, fold, is_search_shard, Kind as UrlKind, Owner, UrlTable};

use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::{Content, ReadingPath, Reference};
use crate::markdown::Glossary;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub use crate::marks::{EDITION_MARK, WEB_ONLY_END, WEB_ONLY_START};
pub use crate::url::UrlStyle;

/// The slug of a site's own "When to get help" article. Without one, attune writes a
/// page of that name from `book.toml`'s `[safety]`, at [`HELP_URL`].
pub const HELP_SLUG: &str = "when-to-get-help";
/// Where attune's own "When to get help" page is written.
pub const HELP_URL: &str = "when-to-get-help/";

/// Where attune's privacy page is, unless the site has its own there.
pub const PRIVACY_URL: &str = "privacy/";
/// Where attune's privacy page goes when a folder of the site's is at `privacy/`.
pub const PRIVACY_URL_BESIDE: &str = "site-privacy/";

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

/// Where an old address leads when it is not the top of an article: see [`Site::moved`].
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    /// The page's address (site-relative folder: `""` is the home page).
    pub url: String,
    /// The part of the page (an id), if the redirect names one.
    pub part: Option<String>,
    /// The page's title, for the redirect page.
    pub title: String,
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
    /// The other taxonomies' terms (see `terms.rs`): taxonomy → term slug → articles.
    pub terms: BTreeMap<String, BTreeMap<String, TagIndex>>,
    pub glossary: Glossary,
    pub glossary_users: Vec<Vec<usize>>,
    pub references: BTreeMap<String, Reference>,
    pub citers: BTreeMap<String, Vec<usize>>,
    pub paths: Vec<PathIndex>,
    pub links: Vec<Vec<ResolvedLink>>,
    pub backlinks: Vec<Vec<Backlink>>,
    /// Per article: each Obsidian Bases view its text shows, computed (see `bases/`);
    /// `None` for one left out. A view that does not read `this` is one for all its
    /// embeds.
    pub bases: Vec<Vec<Option<std::sync::Arc<bases::View>>>>,
    /// Per article: (relation index in config, targets).
    pub relations_out: Vec<Vec<(usize, Vec<usize>)>>,
    pub relations_in: Vec<Vec<(usize, Vec<usize>)>>,
    pub related: Vec<Vec<usize>>,
    /// Old URL (site-relative folder) → article.
    pub aliases: BTreeMap<String, usize>,
    /// Articles given their Zola-style `path` by a Hugo permalink in book.toml → where
    /// that pattern is written there (see `permalinks.rs`).
    pub permalink_at: HashMap<usize, (usize, usize)>,
    /// `[redirects]` old addresses that lead to a page (see `urls/declared.rs`), with
    /// the part of it the target names (`#section`), for `.md` links written to an
    /// old chapter's file.
    pub redirected: HashMap<String, (usize, Option<String>)>,
    /// Old addresses (site-relative folders) whose redirect leads elsewhere than to
    /// the top of an article: to a part of one (`new.html#part`, the article is in
    /// `aliases` too), to the home page, or to a tag page (Hugo's term permalinks).
    pub moved: BTreeMap<String, Moved>,
    /// Old addresses another tool published as a file (`old/chapter.html`): the
    /// redirect page is written there too; → where it leads.
    pub moved_files: BTreeMap<String, Moved>,
    /// Parts of pages that moved elsewhere (`[redirects]` `"/page.html#old-part"`), by
    /// the address of the page they are followed from: each old part (an id) and where
    /// it leads, which the page's script follows when its address names that part.
    pub moved_parts: BTreeMap<String, Vec<(String, Moved)>>,
    /// Files published as they are: see [`crate::load::Asset`].
    pub assets: Vec<crate::load::Asset>,
    /// Paths of files left out as copies of a published file whose name differs from
    /// theirs only in letter case or Unicode form (see `urls/assets.rs`): a link to
    /// one is a link to that file, not a misspelling of its name.
    pub copies: std::collections::HashSet<String>,
    /// Folders (`docs/`) whose hub attune would draw, having no text of their own, where
    /// a static file's `index.html` is published in its place (see `urls/claims.rs`).
    pub static_hubs: std::collections::BTreeSet<String>,
    /// The site's `static/` folder when `[build] static_dir` does not name it: see
    /// [`Content::unread_static`].
    pub unread_static: Option<(PathBuf, String)>,
    /// Files of the content folder published only when a page links to one (a
    /// repository's plumbing, GitBook's `.gitbook/assets/`) that none does: for a
    /// missing file's "did you mean".
    pub unlinked_files: Vec<String>,
    /// The site's folder, the one holding book.toml.
    pub root: PathBuf,
    /// [`Content::theme_statics`].
    pub theme_statics: Vec<(PathBuf, String)>,
    /// The theme's static files, published under `assets/` (paths below it).
    pub theme_files: Vec<String>,
    /// Every path the build writes, with its source: see [`UrlTable`].
    pub urls: UrlTable,
    /// Per article: where each of its references (`parsed.refs`) leads.
    pub refs: Vec<Vec<RefTarget>>,
    /// mdBook's `SUMMARY.md`, when the content folder has one: reading order and parts.
    pub summary: Option<crate::load::summary::Summary>,
    /// Names and places the site's settings give folders (Docusaurus' `_category_`,
    /// VitePress' sidebar groups), by folder: see `load::folder_labels`.
    pub folder_labels: BTreeMap<PathBuf, crate::load::folder_labels::FolderLabel>,
    /// Translations left out of the site, as the loader found them: path from the
    /// content folder → language code.
    pub other_language: std::collections::HashMap<PathBuf, String>,
    /// GitBook's `GLOSSARY.md` read as the glossary: links to it lead to the
    /// glossary page.
    pub glossary_md: Option<PathBuf>,
    /// [`Content::not_found_text`]: a `.md` link to `404.md` leads to attune's
    /// not-found page.
    pub not_found_text: bool,
    /// What `[build] exclude` leaves out of the content folder.
    pub exclude: crate::load::exclude::Exclude,
    /// Routes a root-relative link may name a page under when nothing on the site
    /// has its path: the content folder's path from the site's folder (`/docs/x.md`,
    /// as GitHub reads a link from the repository's root) and a Docusaurus site's
    /// docs' route (`/docs/options`: see `load/docusaurus.rs`).
    pub content_routes: Vec<String>,
    /// Whether the site's docs are a Docusaurus site's (see `load/docusaurus.rs`):
    /// `//img/a.png` in a Markdown image is then `/img/a.png`, as it finds it.
    pub docusaurus: bool,
    /// The content folder is an Obsidian vault or a Quartz garden (see `vault.rs`): its
    /// notes are listed by file name, as Obsidian's file explorer and Quartz's list them.
    pub vault: bool,
    /// Folders below the topics, with their hubs and reading order.
    pub sections: Vec<Section>,
    /// Per article: the section holding it, if any.
    pub section_of: Vec<Option<usize>>,
    /// Every name a wikilink may use for an article.
    pub names: names::Names,
    /// Per article: its id in `print.html` (see [`Site::print_key`]).
    pub print_keys: Vec<String>,
    /// The old names the feed is also written at (see `urls/feeds.rs`).
    pub old_feeds: Vec<String>,
}

/// Parses every article and builds the model; all problems go into `diagnostics`.
pub fn build(
    config: Config,
    content: Content,
    style: UrlStyle,
    diagnostics: &mut Diagnostics,
) -> Site {
    build_with(config, content, style, diagnostics, None)
}

/// [`build`], reusing and refreshing `cache`.
pub fn build_cached(
    config: Config,
    content: Content,
    style: UrlStyle,
    diagnostics: &mut Diagnostics,
    cache: &mut ParseCache,
) -> Site {
    build_with(config, content, style, diagnostics, Some(cache))
}

fn build_with(
    config: Config,
    mut content: Content,
    style: UrlStyle,
    diagnostics: &mut Diagnostics,
    cache: Option<&mut ParseCache>,
) -> Site {
    let glossary = Glossary::new(std::mem::take(&mut content.glossary));
    let old_feeds = urls::old_feed_names(&content.root, &content.dir);
    // Zola's section redirects and the host's `_redirects` rules, after book.toml's
    // (an old address there wins).
    let mut config = config;
    let host = std::mem::take(&mut content.host_redirects);
    for entry in std::mem::take(&mut content.section_redirects)
        .into_iter()
        .chain(host)
    {
        let have = config
            .redirects
            .entries
            .iter()
            .any(|e| e.key.trim() == entry.key);
        if !have {
            config.redirects.entries.push(entry);
        }
    }
    let (articles, vault) =
        parse::articles(&config, &mut content, &glossary, style, diagnostics, cache);

    let mut site = Site {
        style,
        by_slug: HashMap::new(),
        old_names: HashMap::new(),
        topics: vec![Vec::new(); config.topics.len()],
        pages: Vec::new(),
        tags: BTreeMap::new(),
        terms: BTreeMap::new(),
        glossary_users: vec![Vec::new(); glossary.entries().len()],
        glossary,
        references: content.references,
        citers: BTreeMap::new(),
        paths: Vec::new(),
        links: Vec::new(),
        backlinks: Vec::new(),
        bases: Vec::new(),
        relations_out: Vec::new(),
        relations_in: Vec::new(),
        related: Vec::new(),
        aliases: BTreeMap::new(),
        permalink_at: HashMap::new(),
        redirected: HashMap::new(),
        moved: BTreeMap::new(),
        moved_files: BTreeMap::new(),
        moved_parts: BTreeMap::new(),
        assets: content.assets,
        copies: Default::default(),
        static_hubs: Default::default(),
        unread_static: content.unread_static,
        unlinked_files: Vec::new(),
        root: content.root.clone(),
        theme_statics: content.theme_statics,
        theme_files: content.theme_files,
        urls: UrlTable::default(),
        refs: Vec::new(),
        summary: content.summary,
        folder_labels: std::mem::take(&mut content.folder_labels),
        other_language: content.other_language,
        glossary_md: content.glossary_md.take(),
        not_found_text: content.not_found_text,
        content_routes: refs::paths::content_routes(
            &config.build.content_dir,
            (content.docusaurus).then(|| crate::load::docusaurus::docs_route(&content.dir)),
        ),
        docusaurus: content.docusaurus,
        vault,
        exclude: content.exclude,
        sections: Vec::new(),
        section_of: Vec::new(),
        names: names::Names::default(),
        print_keys: Vec::new(),
        old_feeds,
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
    site.index_terms();
    site.index_redirects();
    site.index_logseq_references();
    site.resolve_links(diagnostics);
    site.check_embeds(diagnostics);
    site.resolve_relations(diagnostics);
    site.index_citations(&content.references_file, diagnostics);
    site.index_glossary(&content.glossary_file, diagnostics);
    site.resolve_paths(content.paths, diagnostics);
    site.apply_permalinks(diagnostics);
    site.publish_used_assets(std::mem::take(&mut content.default_assets));
    site.publish_linked_plumbing(std::mem::take(&mut content.plumbing));
    site.claim_urls(diagnostics);
    site.resolve_refs(diagnostics);
    site.check_copied_html(diagnostics);
    site.link_paths();
    site.index_backlinks();
    site.compute_bases(diagnostics);
    site.check_limits(diagnostics);
    site.check_heading_order(diagnostics);
    site.compute_related();
    site.place_included(diagnostics);
    diagnostics.group_repeats();
    site
}

impl Site {
    pub fn root(&self, article: usize) -> String {
        UrlStyle::root(&self.articles[article].url)
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

    /// Whether the site has its own page at `privacy/` (a `privacy.md` at the top, as
    /// an organisation's own privacy policy): published in place of attune's.
    pub fn has_own_privacy_page(&self) -> bool {
        self.articles.iter().any(|a| a.url == PRIVACY_URL)
    }

    /// Where the privacy page is: `privacy/` (the site's own there, or attune's), but
    /// [`PRIVACY_URL_BESIDE`] when a folder of the site's is at `privacy/` (a topic on
    /// privacy, as nikitavoloboev/knowledge has), whose hub keeps its address.
    pub fn privacy_url(&self) -> &'static str {
        let folder = |url: &str| url.starts_with(PRIVACY_URL) && url != PRIVACY_URL;
        let name = PRIVACY_URL.trim_end_matches('/');
        let topic = self.config.topics.iter().any(|t| t.id == name);
        match topic || self.articles.iter().any(|a| folder(&a.url)) {
            true if !self.has_own_privacy_page() => PRIVACY_URL_BESIDE,
            _ => PRIVACY_URL,
        }
    }

    /// Where every article's footer sends readers for help: the site's own article,
    /// else the page attune writes from `book.toml`.
    pub fn help_url(&self) -> &str {
        self.help_article()
            .map_or(HELP_URL, |i| self.articles[i].url.as_str())
    }

    /// The folder `asset` is copied from, as book.toml names it (relative to the
    /// site root): for a mount, its source (a file, when it mounts one).
    pub fn asset_folder(&self, asset: &crate::load::Asset) -> &Path {
        let build = &self.config.build;
        Path::new(match asset.from {
            crate::load::AssetFolder::Content => build.content_dir.as_str(),
            crate::load::AssetFolder::Static => build.static_dir.as_deref().unwrap_or_default(),
            crate::load::AssetFolder::Mount(i) => self.config.mounts[i].source.get_ref().trim(),
            crate::load::AssetFolder::DefaultAssets => "assets",
        })
    }

    /// Where `asset` is in the sources, as messages name it (`static/images/a.png`).
    pub fn asset_file(&self, asset: &crate::load::Asset) -> PathBuf {
        let folder = self.asset_folder(asset);
        match asset.from {
            crate::load::AssetFolder::Mount(i) => {
                // Its path below the mount's target folder, from the source.
                let below = self.config.mounts[i]
                    .published(&self.config.build.content_dir)
                    .map(|(_, below)| below)
                    .unwrap_or_default();
                let rel = asset.rel.strip_prefix(&below).unwrap_or(&asset.rel);
                if rel.as_os_str().is_empty() {
                    folder.to_path_buf()
                } else {
                    folder.join(rel)
                }
            }
            _ => folder.join(&asset.rel),
        }
    }

    /// Whether `asset` is one of Hugo's global resources (a `[[mounts]]` entry whose
    /// target is `assets`, or the default `assets/` folder), which a page finds by its
    /// path from the site root.
    pub fn is_global_resource(&self, asset: &crate::load::Asset) -> bool {
        match asset.from {
            crate::load::AssetFolder::Mount(i) => self.config.mounts[i]
                .published(&self.config.build.content_dir)
                .is_some_and(|(kind, _)| kind == crate::config::MountKind::Assets),
            crate::load::AssetFolder::DefaultAssets => true,
            _ => false,
        }
    }

    pub fn topic_title(&self, article: &Article) -> Option<&str> {
        article
            .topic
            .as_ref()
            .and_then(|t| self.config.topic(t))
            .map(|t| t.title.as_str())
    }
}
