//! Finding the article a `.md` path names: from the linking file's folder, from the
//! content folder, by a bare file name, or as a folder's text; in the letter case
//! written, else in any case where only one file answers, as Hugo finds a page by
//! its logical path.

use super::{Found, Site};
use crate::site::urls::fold;
use crate::text::{nfc, percent_decode_lenient};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

impl Site {
    /// Every article by its path from the content folder (and its translation's),
    /// composed as [`nfc`] writes it, and by that path in lower case where no file has
    /// it and only one file folds to it: Hugo's `ref` and `GetPage` find a page by its
    /// logical path, which Hugo lower-cases (`ref "/post/First-Session.md"`).
    pub(super) fn pages_by_file(&self) -> HashMap<PathBuf, usize> {
        let mut by_rel: HashMap<PathBuf, usize> = self
            .articles
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                std::iter::once((a.rel.clone(), i)).chain(a.translation_rel().map(|t| (t, i)))
            })
            .map(|(rel, i)| (PathBuf::from(nfc(&rel.to_string_lossy())), i))
            .collect();
        let mut folded: HashMap<PathBuf, Option<usize>> = HashMap::new();
        for (i, a) in self.articles.iter().enumerate() {
            let key = PathBuf::from(fold(&a.rel.to_string_lossy()));
            let one = folded.entry(key).or_insert(Some(i));
            if *one != Some(i) {
                *one = None;
            }
        }
        for (key, one) in folded {
            if let Some(i) = one {
                by_rel.entry(key).or_insert(i);
            }
        }
        by_rel
    }

    /// The article a relative `.md` path from `from` names (a `../` too many stays at
    /// the root, as Obsidian and a browser read it).
    pub(super) fn article_by_file(
        &self,
        from: &Path,
        target: &str,
        by_rel: &HashMap<PathBuf, usize>,
    ) -> Option<usize> {
        let path = md_path(from, target)
            .or_else(|| md_path(Path::new("_"), target.trim_start_matches("../")))?;
        let path = path.to_string_lossy();
        // Composed, as the table holds each path: a folder macOS named decomposed
        // and a link typed composed find each other.
        let folded = || PathBuf::from(fold(&path));
        by_rel
            .get(&PathBuf::from(nfc(&path)))
            .or_else(|| by_rel.get(&folded()))
            .copied()
    }

    /// The article a `.md` path names when it is not a path from the linking file's
    /// folder, as Obsidian resolves Markdown links: a path from the content folder
    /// ("absolute path in vault"), or a bare file name found anywhere, when one file
    /// has it (or one in the linking note's folder does).
    pub(super) fn file_by_name(
        &self,
        from: usize,
        target: &str,
        by_rel: &HashMap<PathBuf, usize>,
    ) -> Found {
        if target.starts_with("@/") {
            return Found::None;
        }
        let decoded = nfc(&crate::text::decoded_path(target));
        let decoded = decoded.trim_start_matches('/');
        let path = Path::new(decoded);
        if !path.components().all(|c| matches!(c, Component::Normal(_))) {
            return Found::None;
        }
        if let Some(&t) = by_rel
            .get(path)
            .or_else(|| by_rel.get(Path::new(&fold(decoded))))
        {
            return Found::One(t);
        }
        if decoded.contains('/') {
            return Found::None;
        }
        self.names.file_name(decoded).map_or(Found::None, |found| {
            self.nearest_of(from, self.exact_name(decoded, found))
        })
    }

    /// The folder text a `.md` path from the content folder (`/use-cases.md`, Hugo's
    /// `relref "/use-cases"`) names, read before any file of that name elsewhere: Hugo
    /// reads a ref starting with `/` from the content root first
    /// (hugolib/pagecollections.go, `getContentNode`: `/use-cases` is
    /// `content/use-cases/_index.md`), and looks the name up across the site only when
    /// nothing is there. `None` for a path that does not start with `/`.
    pub(super) fn rooted_folder_text(
        &self,
        from: &Path,
        target: &str,
        by_rel: &HashMap<PathBuf, usize>,
    ) -> Option<usize> {
        target
            .starts_with('/')
            .then(|| self.folder_text(from, target, by_rel))
            .flatten()
    }

    /// The folder text a `.md` path names when no file has that path: `folder/index.md`
    /// its README.md, as mdBook names it; Hugo's `ref "docs/install"` names
    /// `docs/install/_index.md` or a bundle's `docs/install/index.md`, as `docs/install.md`.
    pub(super) fn folder_text(
        &self,
        from: &Path,
        target: &str,
        by_rel: &HashMap<PathBuf, usize>,
    ) -> Option<usize> {
        // `index.md`, as mdBook names a folder's README.md (its `index.html`).
        if target == "index.md" || target.ends_with("/index.md") {
            let folder = target.strip_suffix("index.md").unwrap_or_default();
            let mut readme = ["README.md", "readme.md", "Readme.md"].iter();
            return readme
                .find_map(|r| self.article_by_file(from, &format!("{folder}{r}"), by_rel));
        }
        let folder = target.strip_suffix(".md")?;
        ["_index.md", "index.md"].iter().find_map(|index| {
            let path = format!("{folder}/{index}");
            self.article_by_file(from, &path, by_rel).or_else(|| {
                let decoded = percent_decode_lenient(&path).unwrap_or(path);
                by_rel
                    .get(Path::new(decoded.trim_start_matches('/')))
                    .copied()
            })
        })
    }
}

/// The path from the content folder a relative `.md` path from the file `from` names
/// (`@/blog/post.md`, as Zola writes internal links: from the content folder); `None`
/// when it climbs above the content folder.
pub(super) fn md_path(from: &Path, target: &str) -> Option<PathBuf> {
    let mut path = from.parent().map(Path::to_path_buf).unwrap_or_default();
    let target = match target.strip_prefix("@/") {
        Some(rest) => {
            path = PathBuf::new();
            rest
        }
        None => target,
    };
    let decoded = crate::text::decoded_path(target);
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
    Some(path)
}
