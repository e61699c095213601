//! The one table of every URL a build writes — pages, redirects, generated files,
//! copied content files — each with its source. Rendering, `check`, `check --against`,
//! alias resolution and `serve` all read it; a second claim on a URL, also after case
//! folding and Unicode normalisation (as case-insensitive disks and hosts see names),
//! is an error at the claimant naming the first owner.
//!
//! Paths are output paths relative to the site root: a page is `patterns/x/index.html`
//! (its URL `patterns/x/`), a file `patterns/photo.png`. A tree claim (`search/`)
//! owns every path below it that is not claimed before it.

use super::{front_position, Site, UrlStyle};
use crate::diagnostic::{Code, Diagnostic};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;

/// What a claimed path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A page (`…/index.html`), listed in the sitemap and the URL manifest.
    Page,
    /// A redirect page for an alias: in the manifest, not the sitemap.
    Redirect,
    /// Any other file (stylesheets, feeds, copied content files).
    File,
    /// A folder whose files are written by one part of attune (search index, assets).
    Tree,
}

/// Who claimed a path: a place in a source file, or attune itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// What the path is, for messages: "the topic hub 'patterns'".
    pub what: String,
    /// file:line:col of the claim in the content; `None` for a built-in page.
    pub at: Option<(PathBuf, usize, usize)>,
}

impl Owner {
    pub fn built_in(what: impl Into<String>) -> Owner {
        Owner {
            what: what.into(),
            at: None,
        }
    }

    pub fn content(
        what: impl Into<String>,
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
    ) -> Owner {
        Owner {
            what: what.into(),
            at: Some((file.into(), line, column)),
        }
    }
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some((_, 0, _)) => write!(f, "{}", self.what),
            Some((file, line, column)) => {
                write!(f, "{} at {}:{line}:{column}", self.what, file.display())
            }
            None => write!(f, "{} (built-in page)", self.what),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub path: String,
    pub kind: Kind,
    pub owner: Owner,
}

/// Every path the build writes, in the order claimed.
#[derive(Debug, Default)]
pub struct UrlTable {
    entries: Vec<Entry>,
    /// Folded path → entry.
    by_key: HashMap<String, usize>,
    /// Folded folder (`a/b/`) → how many claimed paths lie below it.
    folders: HashMap<String, usize>,
    /// Folded tree prefixes (`search/`) → entry.
    trees: Vec<(String, usize)>,
}

/// A path as case-insensitive, normalising file systems and hosts see it: Unicode NFC,
/// lower case (full Unicode case mapping), NFC again.
pub fn fold(path: &str) -> String {
    let nfc: String = path.nfc().collect();
    nfc.to_lowercase().nfc().collect()
}

impl UrlTable {
    /// Claims `path` for `owner`; on a clash, the error at the claimant (without
    /// recording the claim).
    pub fn claim(&mut self, path: &str, kind: Kind, owner: Owner) -> Result<(), Diagnostic> {
        if let Some(first) = self.owner_of(path) {
            let first = first.clone();
            return Err(self.clash(path, &owner, &first));
        }
        let key = fold(path);
        let index = self.entries.len();
        self.entries.push(Entry {
            path: path.to_string(),
            kind,
            owner,
        });
        if kind == Kind::Tree {
            self.trees.push((key.clone(), index));
        }
        for folder in folders_of(&key) {
            *self.folders.entry(folder.to_string()).or_default() += 1;
        }
        self.by_key.insert(key, index);
        Ok(())
    }

    /// Claims `path`, pushing the clash (if any) into `diagnostics`; whether it was free.
    pub fn claim_or_report(
        &mut self,
        path: &str,
        kind: Kind,
        owner: Owner,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        match self.claim(path, kind, owner) {
            Ok(()) => true,
            Err(d) => {
                diagnostics.push(d);
                false
            }
        }
    }

    /// Who owns `path` or stands in its way (the same name after folding, a file where
    /// it needs a folder, a folder where it would be a file, or a tree above it).
    pub fn owner_of(&self, path: &str) -> Option<&Owner> {
        let key = fold(path);
        if let Some(&i) = self.by_key.get(&key) {
            return Some(&self.entries[i].owner);
        }
        // A file (or page) claimed where this path needs a folder.
        for folder in folders_of(&key) {
            let file = folder.trim_end_matches('/');
            if let Some(&i) = self.by_key.get(file) {
                if self.entries[i].kind != Kind::Tree {
                    return Some(&self.entries[i].owner);
                }
            }
        }
        if let Some((_, i)) = self.trees.iter().find(|(t, _)| key.starts_with(t.as_str())) {
            return Some(&self.entries[*i].owner);
        }
        // A folder of claimed paths where this would be a file.
        let as_folder = format!("{}/", key.trim_end_matches('/'));
        if !key.ends_with('/') && self.folders.contains_key(&as_folder) {
            let below = self
                .entries
                .iter()
                .find(|e| fold(&e.path).starts_with(&as_folder))?;
            return Some(&below.owner);
        }
        None
    }

    /// Whether `path` is claimed exactly (as written, or as folded).
    pub fn contains(&self, path: &str) -> bool {
        self.by_key.contains_key(&fold(path))
    }

    /// The entry of `path` exactly as claimed (no folding), if any.
    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.by_key
            .get(&fold(path))
            .map(|&i| &self.entries[i])
            .filter(|e| e.path == path)
    }

    /// The entry `path` names after folding, if any.
    pub fn get_folded(&self, path: &str) -> Option<&Entry> {
        self.by_key.get(&fold(path)).map(|&i| &self.entries[i])
    }

    /// Gives up a claim (serve does not write `offline.zip`).
    pub fn withdraw(&mut self, path: &str) {
        let key = fold(path);
        if let Some(i) = self.by_key.remove(&key) {
            for folder in folders_of(&key) {
                if let Some(n) = self.folders.get_mut(folder) {
                    *n -= 1;
                    if *n == 0 {
                        self.folders.remove(folder);
                    }
                }
            }
            self.trees.retain(|&(_, t)| t != i);
            // The entry stays in `entries` (indices are kept) but is no longer found.
            self.entries[i].kind = Kind::File;
            self.entries[i].path.clear();
        }
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.path.is_empty())
    }

    /// Site-relative URLs of every page and redirect (`""`, `patterns/x/`), sorted:
    /// what the URL manifest lists and `check --against` compares.
    pub fn page_urls(&self) -> Vec<String> {
        let mut urls: Vec<String> = self
            .entries()
            .filter(|e| matches!(e.kind, Kind::Page | Kind::Redirect))
            .map(|e| e.path.trim_end_matches("index.html").to_string())
            .collect();
        urls.sort();
        urls
    }

    /// Site-relative URLs of the pages (not redirects), sorted: the sitemap's.
    pub fn pages(&self) -> Vec<String> {
        let mut urls: Vec<String> = self
            .entries()
            .filter(|e| e.kind == Kind::Page && e.path.ends_with("index.html"))
            .map(|e| e.path.trim_end_matches("index.html").to_string())
            .collect();
        urls.sort();
        urls
    }

    /// A path like `path` that nobody has claimed: `-2`, `-3`, … on its last name,
    /// else (below a folder attune fills itself) on its first; empty if none is
    /// found in a few tries.
    pub fn free_path(&self, path: &str) -> String {
        let (body, page) = match path.strip_suffix("/index.html") {
            Some(folder) => (folder, true),
            None => (path, false),
        };
        let (stem, ext) = match body.rsplit_once('.') {
            Some((stem, ext)) if !page && !stem.is_empty() && !ext.contains('/') => {
                (stem, format!(".{ext}"))
            }
            _ => (body, String::new()),
        };
        let whole = |name: String| {
            if page {
                format!("{name}/index.html")
            } else {
                name
            }
        };
        let last = (2..20).map(|n| whole(format!("{stem}-{n}{ext}")));
        let first = (2..20).map(|n| match body.split_once('/') {
            Some((head, rest)) => whole(format!("{head}-{n}/{rest}")),
            None => whole(format!("{stem}-{n}{ext}")),
        });
        last.chain(first)
            .find(|candidate| self.owner_of(candidate).is_none())
            .unwrap_or_default()
    }

    fn clash(&self, path: &str, claimant: &Owner, first: &Owner) -> Diagnostic {
        let url = display_url(path);
        let free = match self.free_path(path) {
            free if free.is_empty() => "choose another path".to_string(),
            free => format!("'{}' is free", display_url(&free)),
        };
        let d = Diagnostic::error(
            Code::UrlCollision,
            format!(
                "{} would publish '{url}', which {first} already publishes",
                claimant.what
            ),
        );
        let d = match &claimant.at {
            Some((file, 0, _)) => d.in_file(file),
            Some((file, line, column)) => d.at(file, *line, *column),
            None => d,
        };
        let d = match &first.at {
            Some((file, line, column)) => {
                d.related(file, *line, *column, format!("{first} claims it here"))
            }
            None => d,
        };
        d.help(format!(
            "URLs must differ in more than letter case or Unicode form (case-insensitive disks and hosts merge them); {free}"
        ))
    }

    /// Every claim as `path<TAB>source`, sorted by path, for `--debug` style listings
    /// and tests.
    pub fn listing(&self) -> BTreeMap<String, String> {
        self.entries()
            .map(|e| (e.path.clone(), e.owner.to_string()))
            .collect()
    }
}

/// Files attune writes at the site root, besides pages.
const ROOT_FILES: &[(&str, &str)] = &[
    ("404.html", "the not-found page for static hosts"),
    ("print.html", "the print edition"),
    ("sitemap.xml", "the sitemap"),
    ("atom.xml", "the Atom feed"),
    ("robots.txt", "robots.txt"),
    ("urls.json", "the URL manifest"),
    (crate::output::MARKER, "the output folder's marker"),
];

impl Site {
    /// Builds [`Site::urls`] from everything the build will write, in a fixed order
    /// (attune's own pages and files, articles, content files, aliases: a later claim
    /// on a taken URL is the error), and [`Site::aliases`] from the aliases that are free.
    pub(super) fn claim_urls(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let mut table = UrlTable::default();
        let mut claim = |table: &mut UrlTable, path: String, kind, owner| {
            table.claim_or_report(&path, kind, owner, diagnostics)
        };
        let page = |url: &str| format!("{url}index.html");
        claim(
            &mut table,
            page(""),
            Kind::Page,
            Owner::built_in("the home page"),
        );
        for topic in &self.config.topics {
            let what = format!("the topic hub '{}'", topic.id);
            claim(
                &mut table,
                page(&format!("{}/", topic.id)),
                Kind::Page,
                Owner::built_in(what),
            );
        }
        claim(
            &mut table,
            page("tags/"),
            Kind::Page,
            Owner::built_in("the tag list"),
        );
        for (slug, tag) in &self.tags {
            let first = &self.articles[tag.articles.iter().copied().min().unwrap_or(0)];
            let (line, column) = front_position(first, &tag.name);
            let what = format!("the page of tag '{}'", tag.name);
            let owner = Owner::content(what, &first.path, line, column);
            claim(
                &mut table,
                page(&format!("tags/{slug}/")),
                Kind::Page,
                owner,
            );
        }
        if !self.glossary.is_empty() {
            claim(
                &mut table,
                page("glossary/"),
                Kind::Page,
                Owner::built_in("the glossary"),
            );
        }
        if !self.references.is_empty() {
            claim(
                &mut table,
                page("references/"),
                Kind::Page,
                Owner::built_in("the reference list"),
            );
        }
        if !self.paths.is_empty() {
            claim(
                &mut table,
                page("paths/"),
                Kind::Page,
                Owner::built_in("the list of reading paths"),
            );
            for p in &self.paths {
                let what = format!("the reading path '{}'", p.source.id);
                let owner = Owner::content(what, &p.source.file, 1, 1);
                claim(
                    &mut table,
                    page(&format!("paths/{}/", p.source.id)),
                    Kind::Page,
                    owner,
                );
            }
        }
        if self.relations_out.iter().any(|r| !r.is_empty()) {
            claim(
                &mut table,
                page("map/"),
                Kind::Page,
                Owner::built_in("the topic map"),
            );
        }
        claim(
            &mut table,
            page("search/"),
            Kind::Page,
            Owner::built_in("the search page"),
        );
        claim(
            &mut table,
            "search/".into(),
            Kind::Tree,
            Owner::built_in("the search index"),
        );
        if self.has_handouts() {
            claim(
                &mut table,
                page("handouts/"),
                Kind::Page,
                Owner::built_in("the handouts page"),
            );
        }
        claim(
            &mut table,
            page("privacy/"),
            Kind::Page,
            Owner::built_in("the privacy page"),
        );
        if self.help_article().is_none() {
            claim(
                &mut table,
                page(super::HELP_URL),
                Kind::Page,
                Owner::built_in("the When to get help page"),
            );
        }
        if self.config.safety.quick_exit {
            claim(
                &mut table,
                page("quick-exit/"),
                Kind::Page,
                Owner::built_in("the quick-exit page"),
            );
        }
        claim(
            &mut table,
            page("404/"),
            Kind::Page,
            Owner::built_in("the not-found page"),
        );
        for (path, what) in ROOT_FILES {
            claim(
                &mut table,
                path.to_string(),
                Kind::File,
                Owner::built_in(*what),
            );
        }
        if self.config.build.offline_zip && self.style != UrlStyle::Offline {
            claim(
                &mut table,
                "offline.zip".into(),
                Kind::File,
                Owner::built_in("the offline edition"),
            );
        }
        claim(
            &mut table,
            "assets/".into(),
            Kind::Tree,
            Owner::built_in("the theme's assets"),
        );

        for section in &self.sections {
            let what = format!("the section '{}'", section.url.trim_end_matches('/'));
            let owner = match section.hub {
                Some(h) => Owner::content(what, &self.articles[h].path, 1, 1),
                None => Owner::built_in(what),
            };
            claim(&mut table, page(&section.url), Kind::Page, owner);
        }
        for article in &self.articles {
            // A hub's page is its folder's, claimed above; an empty slug is reported
            // as such.
            if article.slug.is_empty() || article.structure == super::Structure::Hub {
                continue;
            }
            let what = format!("the article '{}'", article.slug);
            let owner = Owner::content(what, &article.path, 1, 1);
            claim(&mut table, page(&article.url), Kind::Page, owner);
        }
        let content_dir = std::path::Path::new(&self.config.build.content_dir);
        for asset in &self.assets {
            let rel = asset.to_string_lossy().replace('\\', "/");
            let what = format!("the content file '{rel}'");
            let owner = Owner::content(what, content_dir.join(asset), 0, 0);
            claim(&mut table, rel, Kind::File, owner);
        }

        let mut aliases = BTreeMap::new();
        let mut bad = Vec::new();
        for (i, article) in self.articles.iter().enumerate() {
            // Aliases that do not start with `/` are names for wikilinks, not URLs.
            for alias in article
                .front
                .aliases
                .iter()
                .filter(|a| a.trim().starts_with('/'))
            {
                let url = super::normalise_alias(alias);
                let (line, column) = front_position(article, alias);
                if url.is_empty()
                    || url
                        .split('/')
                        .any(|s| s == ".." || s == "." || s.contains(['\\', '\0', '?', '#']))
                {
                    bad.push(
                        Diagnostic::error(
                            Code::BadAlias,
                            format!("alias '{alias}' is not a URL path inside the site"),
                        )
                        .at(&article.path, line, column)
                        .help("write an old URL path such as /patterns/old-name/"),
                    );
                    continue;
                }
                let what = format!("the alias '{alias}' of '{}'", article.slug);
                let owner = Owner::content(what, &article.path, line, column);
                if claim(&mut table, page(&url), Kind::Redirect, owner) {
                    aliases.insert(url, i);
                }
            }
        }
        diagnostics.extend(bad);
        self.aliases = aliases;
        self.urls = table;
    }

    /// Whether any article in a topic is a handout (the handouts page lists them).
    pub fn has_handouts(&self) -> bool {
        self.articles
            .iter()
            .any(|a| a.front.handout && a.topic.is_some())
    }
}

/// `patterns/x/index.html` → `/patterns/x/`; a file stays as it is, with a leading `/`.
pub fn display_url(path: &str) -> String {
    format!("/{}", path.strip_suffix("index.html").unwrap_or(path))
}

/// The folders above a folded path: `a/b/c` → `a/`, `a/b/`.
fn folders_of(key: &str) -> impl Iterator<Item = &str> {
    key.trim_end_matches('/')
        .match_indices('/')
        .map(move |(i, _)| &key[..=i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owner(what: &str) -> Owner {
        Owner::content(what, "content/x.md", 1, 1)
    }

    #[test]
    fn a_second_claim_is_an_error_at_the_claimant_naming_the_first() {
        let mut table = UrlTable::default();
        table
            .claim(
                "patterns/index.html",
                Kind::Page,
                Owner::built_in("the topic hub 'patterns'"),
            )
            .unwrap();
        let e = table
            .claim(
                "patterns/index.html",
                Kind::Page,
                owner("the page 'patterns'"),
            )
            .unwrap_err();
        assert_eq!(
            e.file.as_deref(),
            Some(std::path::Path::new("content/x.md"))
        );
        assert!(
            e.message
                .contains("the topic hub 'patterns' (built-in page)"),
            "{}",
            e.message
        );
        assert!(e.help.unwrap().contains("'/patterns-2/' is free"));
    }

    #[test]
    fn case_and_unicode_form_do_not_make_a_url_different() {
        let mut table = UrlTable::default();
        table.claim("Photo.PNG", Kind::File, owner("a")).unwrap();
        assert!(table.claim("photo.png", Kind::File, owner("b")).is_err());
        table
            .claim("caf\u{e9}/index.html", Kind::Page, owner("c"))
            .unwrap();
        assert!(table
            .claim("cafe\u{301}/index.html", Kind::Page, owner("d"))
            .is_err());
        assert!(table
            .claim("CAFE\u{301}/index.html", Kind::Page, owner("d"))
            .is_err());
        assert_eq!(table.free_path("photo.png"), "photo-2.png");
    }

    #[test]
    fn files_folders_and_trees_stand_in_each_other_s_way() {
        let mut table = UrlTable::default();
        table
            .claim("search/index.html", Kind::Page, owner("search page"))
            .unwrap();
        table
            .claim("search/", Kind::Tree, owner("search index"))
            .unwrap();
        let e = table
            .claim("search/index.js/index.html", Kind::Redirect, owner("x"))
            .unwrap_err();
        assert!(e.help.unwrap().contains("'/search-2/index.js/' is free"));
        assert!(table.claim("Search/v0.js", Kind::File, owner("x")).is_err());
        table
            .claim("sitemap.xml", Kind::File, owner("sitemap"))
            .unwrap();
        assert!(table
            .claim("sitemap.xml/index.html", Kind::Redirect, owner("x"))
            .is_err());
        table
            .claim("a/b/index.html", Kind::Page, owner("a page"))
            .unwrap();
        assert!(table.claim("a/b", Kind::File, owner("a file")).is_err());
        assert!(table
            .claim("a/c/index.html", Kind::Page, owner("y"))
            .is_ok());
        assert_eq!(table.page_urls(), ["a/b/", "a/c/", "search/"]);
    }

    #[test]
    fn a_withdrawn_claim_is_free_again() {
        let mut table = UrlTable::default();
        table
            .claim("offline.zip", Kind::File, owner("zip"))
            .unwrap();
        table.withdraw("offline.zip");
        assert!(!table.contains("offline.zip"));
        assert!(table.claim("offline.zip", Kind::File, owner("zip")).is_ok());
    }
}
