//! Zola's `path = "2024/05/07/post"`: where Zola published a page, and with it the files
//! beside its `index.md`, and the address a browser resolved the page's relative links
//! from. attune publishes the page at its file's path, with its old address a redirect
//! (see `urls/claims.rs`); here links written for the old addresses find what they meant.

use super::paths::{join_clamped, source_folder};
use crate::site::{Article, Site, UrlKind};

/// A page's Zola `path` as a site folder (`2024/05/07/post/`), if it has one.
pub(super) fn zola_folder(article: &Article) -> Option<String> {
    let path = crate::site::normalise_alias(article.front.path.as_deref()?);
    (!path.is_empty()).then_some(path)
}

impl Site {
    /// The content file that `site_path` names below a page's Zola `path`
    /// (`2024/05/07/post/info.svg`, `…/post/img/a.png`): the file beside that page's
    /// `index.md` (or `_index.md`), where attune publishes it. Its site path.
    pub(super) fn file_below_zola_path(&self, site_path: &str) -> Option<String> {
        if site_path.ends_with('/') {
            return None;
        }
        // The longest folder of `site_path` that is an old address of a page.
        let mut ends: Vec<usize> = site_path.match_indices('/').map(|(i, _)| i).collect();
        ends.reverse();
        ends.into_iter().find_map(|end| {
            let folder = &site_path[..=end];
            let &t = self.aliases.get(folder)?;
            let article = &self.articles[t];
            let bundle = article
                .rel
                .file_stem()
                .is_some_and(|s| s == "index" || s == "_index");
            if !bundle || zola_folder(article).as_deref() != Some(folder) {
                return None;
            }
            let own = source_folder(article);
            let rest = &site_path[end + 1..];
            let path = if own.is_empty() {
                rest.to_string()
            } else {
                format!("{own}/{rest}")
            };
            let entry = self.urls.get_folded(&path)?;
            (entry.kind == UrlKind::File).then(|| entry.path.clone())
        })
    }

    /// `decoded` (a relative link) from article `i`'s Zola `path`, as a browser read it
    /// on the Zola site (a `..` above the root stays there), when the article has one.
    pub(super) fn read_from_zola_path(&self, i: usize, decoded: &str) -> Option<String> {
        if decoded.starts_with('/') {
            return None;
        }
        let base = zola_folder(&self.articles[i])?;
        Some(join_clamped(&base, decoded))
    }
}
