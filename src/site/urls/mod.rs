//! The one table of every URL a build writes — pages, redirects, generated files,
//! copied content files — each with its source. Rendering, `check`, `check --against`,
//! alias resolution and `serve` all read it; a second claim on a URL, also after case
//! folding and Unicode normalisation (as case-insensitive disks and hosts see names),
//! is an error at the claimant naming the first owner.
//!
//! Paths are output paths relative to the site root: a page is `patterns/x/index.html`
//! (its URL `patterns/x/`), a file `patterns/photo.png`. A tree claim (`search/`)
//! owns the paths below it that its file names describe (the search index's shards,
//! whose number is known only when they are written), and nothing else there.

use crate::diagnostic::Diagnostics;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;

mod assets;
mod claims;
mod declared;
mod feeds;
mod free;
mod old;

pub use claims::is_search_shard;
pub use feeds::{old_feed, old_feed_names};

/// What a claimed path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A page (`…/index.html`), listed in the sitemap and the URL manifest.
    Page,
    /// A redirect page for an alias: in the manifest, not the sitemap.
    Redirect,
    /// Any other file (stylesheets, feeds, copied content files).
    File,
    /// Files below a folder written by one part of attune (the search index's
    /// shards), whose names follow a pattern and whose number is known only when they
    /// are written: see [`UrlTable::claim_tree`].
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
    /// Folded tree prefixes (`search/`) → entry, and which names below it the tree
    /// owns.
    trees: Vec<(String, usize, Names)>,
}

/// Which names below its folder a tree claim owns.
type Names = fn(&str) -> bool;

/// A path as case-insensitive, normalising file systems and hosts see it: Unicode NFC,
/// lower case (full Unicode case mapping), NFC again.
pub fn fold(path: &str) -> String {
    if path.is_ascii() {
        return path.to_ascii_lowercase();
    }
    let nfc: String = path.nfc().collect();
    nfc.to_lowercase().nfc().collect()
}

impl UrlTable {
    /// Claims `path` for `owner`; whether it was free. On a clash the claim is not
    /// recorded and the error, at the claimant, goes into `diagnostics`.
    pub fn claim(
        &mut self,
        path: &str,
        kind: Kind,
        owner: Owner,
        diagnostics: &mut Diagnostics,
    ) -> bool {
        self.claim_with(path, kind, owner, |_| true, diagnostics)
    }

    /// Claims the files below the folder `path` (ending in `/`) whose names below it
    /// `names` accepts (given folded, as a case-insensitive host sees them); other
    /// paths there stay free, and a reference to one of the tree's files is not a file
    /// that is known to exist.
    pub fn claim_tree(
        &mut self,
        path: &str,
        names: fn(&str) -> bool,
        owner: Owner,
        diagnostics: &mut Diagnostics,
    ) -> bool {
        self.claim_with(path, Kind::Tree, owner, names, diagnostics)
    }

    fn claim_with(
        &mut self,
        path: &str,
        kind: Kind,
        owner: Owner,
        names: fn(&str) -> bool,
        diagnostics: &mut Diagnostics,
    ) -> bool {
        if let Some(first) = self.owner_of(path) {
            let first = first.clone();
            diagnostics.push(self.clash(path, &owner, &first));
            return false;
        }
        let key = fold(path);
        let index = self.entries.len();
        self.entries.push(Entry {
            path: path.to_string(),
            kind,
            owner,
        });
        if kind == Kind::Tree {
            self.trees.push((key.clone(), index, names));
        }
        for folder in folders_of(&key) {
            *self.folders.entry(folder.to_string()).or_default() += 1;
        }
        self.by_key.insert(key, index);
        true
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
        if let Some(entry) = self.tree_of(path) {
            return Some(&entry.owner);
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

    /// The tree claim that owns `path`, if any.
    pub fn tree_of(&self, path: &str) -> Option<&Entry> {
        let key = fold(path);
        self.trees
            .iter()
            .find(|(t, _, names)| {
                // A name the tree writes, or a path below one (which would need it
                // to be a folder).
                key.strip_prefix(t.as_str()).is_some_and(|below| {
                    below.is_empty()
                        || names(below)
                        || below.split_once('/').is_some_and(|(first, _)| names(first))
                })
            })
            .map(|&(_, i, _)| &self.entries[i])
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
            self.trees.retain(|&(_, t, _)| t != i);
            // The entry stays in `entries` (indices are kept) but is no longer found.
            self.entries[i].kind = Kind::File;
            self.entries[i].path.clear();
        }
    }

    /// Whether any claimed path lies below `folder` (`a/b/`), in any letter case.
    pub fn has_folder(&self, folder: &str) -> bool {
        self.folders.contains_key(&fold(folder))
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
            .map(|e| folder_address(&e.path).to_string())
            .collect();
        urls.sort();
        urls
    }

    /// Whether the page at `url` (a folder, `old/`, or a file, `old/x.html`) is a
    /// redirect.
    pub fn is_redirect(&self, url: &str) -> bool {
        let path = match url.ends_with(".html") {
            true => url.to_string(),
            false => format!("{url}index.html"),
        };
        self.get(&path).is_some_and(|e| e.kind == Kind::Redirect)
    }

    /// Site-relative URLs of the pages (not redirects), sorted: the sitemap's.
    pub fn pages(&self) -> Vec<String> {
        let mut urls: Vec<String> = self
            .entries()
            .filter(|e| e.kind == Kind::Page && folder_address(&e.path) != e.path)
            .map(|e| folder_address(&e.path).to_string())
            .collect();
        urls.sort();
        urls
    }

    /// Every claim as `path<TAB>source`, sorted by path, for `--debug` style listings
    /// and tests.
    pub fn listing(&self) -> BTreeMap<String, String> {
        self.entries()
            .map(|e| (e.path.clone(), e.owner.to_string()))
            .collect()
    }
}

/// `patterns/x/index.html` → `/patterns/x/`; a file stays as it is, with a leading `/`.
pub fn display_url(path: &str) -> String {
    format!("/{}", folder_address(path))
}

/// `patterns/x/index.html` → `patterns/x/`, `index.html` → the root, `""`; any other
/// path as it is (mdBook's `syntax-index.html` is a file, not the folder `syntax-`).
fn folder_address(path: &str) -> &str {
    match path.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
        _ => path,
    }
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
    use crate::diagnostic::Diagnostic;

    fn owner(what: &str) -> Owner {
        Owner::content(what, "content/x.md", 1, 1)
    }

    /// A claim, with the clash it reports (if any) as the error.
    trait TryClaim {
        fn try_claim(&mut self, path: &str, kind: Kind, owner: Owner) -> Result<(), Diagnostic>;
        fn try_claim_tree(
            &mut self,
            path: &str,
            names: Names,
            owner: Owner,
        ) -> Result<(), Diagnostic>;
    }

    impl TryClaim for UrlTable {
        fn try_claim(&mut self, path: &str, kind: Kind, owner: Owner) -> Result<(), Diagnostic> {
            let mut diagnostics = Diagnostics::new();
            if self.claim(path, kind, owner, &mut diagnostics) {
                assert!(diagnostics.is_empty());
                Ok(())
            } else {
                Err(diagnostics.into_vec().remove(0))
            }
        }

        fn try_claim_tree(
            &mut self,
            path: &str,
            names: Names,
            owner: Owner,
        ) -> Result<(), Diagnostic> {
            let mut diagnostics = Diagnostics::new();
            if self.claim_tree(path, names, owner, &mut diagnostics) {
                Ok(())
            } else {
                Err(diagnostics.into_vec().remove(0))
            }
        }
    }

    #[test]
    fn a_second_claim_is_an_error_at_the_claimant_naming_the_first() {
        let mut table = UrlTable::default();
        table
            .try_claim(
                "patterns/index.html",
                Kind::Page,
                Owner::built_in("the topic hub 'patterns'"),
            )
            .unwrap();
        let e = table
            .try_claim(
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
        table
            .try_claim("Photo.PNG", Kind::File, owner("a"))
            .unwrap();
        assert!(table
            .try_claim("photo.png", Kind::File, owner("b"))
            .is_err());
        table
            .try_claim("caf\u{e9}/index.html", Kind::Page, owner("c"))
            .unwrap();
        assert!(table
            .try_claim("cafe\u{301}/index.html", Kind::Page, owner("d"))
            .is_err());
        assert!(table
            .try_claim("CAFE\u{301}/index.html", Kind::Page, owner("d"))
            .is_err());
        assert_eq!(table.free_path("photo.png"), "photo-2.png");
    }

    #[test]
    fn files_folders_and_trees_stand_in_each_other_s_way() {
        let mut table = UrlTable::default();
        table
            .try_claim("search/index.html", Kind::Page, owner("search page"))
            .unwrap();
        table
            .try_claim("search/", Kind::Tree, owner("search index"))
            .unwrap();
        let e = table
            .try_claim("search/index.js/index.html", Kind::Redirect, owner("x"))
            .unwrap_err();
        assert!(e.help.unwrap().contains("'/search-2/index.js/' is free"));
        assert!(table
            .try_claim("Search/v0.js", Kind::File, owner("x"))
            .is_err());
        table
            .try_claim("sitemap.xml", Kind::File, owner("sitemap"))
            .unwrap();
        assert!(table
            .try_claim("sitemap.xml/index.html", Kind::Redirect, owner("x"))
            .is_err());
        table
            .try_claim("a/b/index.html", Kind::Page, owner("a page"))
            .unwrap();
        assert!(table.try_claim("a/b", Kind::File, owner("a file")).is_err());
        assert!(table
            .try_claim("a/c/index.html", Kind::Page, owner("y"))
            .is_ok());
        assert_eq!(table.page_urls(), ["a/b/", "a/c/", "search/"]);
    }

    #[test]
    fn a_tree_owns_only_the_names_it_writes() {
        let mut table = UrlTable::default();
        table
            .try_claim_tree("search/", is_search_shard, owner("search index"))
            .unwrap();
        assert!(table
            .try_claim("search/V3.js", Kind::File, owner("x"))
            .is_err());
        assert!(table
            .try_claim("search/help.txt", Kind::File, owner("x"))
            .is_ok());
        assert!(table.tree_of("search/d12.js").is_some());
        assert!(table.tree_of("search/d.js").is_none());
        assert!(table.tree_of("search/v1.json").is_none());
        assert!(table.tree_of("searching/v1.js").is_none());
        assert!(table
            .try_claim("search/v0.js/index.html", Kind::Redirect, owner("alias"))
            .is_err());
    }

    #[test]
    fn a_withdrawn_claim_is_free_again() {
        let mut table = UrlTable::default();
        table
            .try_claim("offline.zip", Kind::File, owner("zip"))
            .unwrap();
        table.withdraw("offline.zip");
        assert!(!table.contains("offline.zip"));
        assert!(table
            .try_claim("offline.zip", Kind::File, owner("zip"))
            .is_ok());
    }
}
