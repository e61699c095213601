//! A repository's plumbing in the content folder (its licence, manifests, lock files:
//! see `load/plumbing.rs`) is published only when a page links to it, at its path in
//! the content folder, as any other file there is.

use super::paths::{join, reference_folder};
use crate::load::{Asset, AssetFolder};
use crate::site::Site;
use crate::text::percent_decode_lenient;
use std::collections::HashSet;
use std::path::PathBuf;

impl Site {
    /// Adds the files of `held` (paths below the content folder) that a page links to,
    /// from its folder or from the site's root, to the files the site publishes.
    pub(in crate::site) fn publish_linked_plumbing(&mut self, held: Vec<PathBuf>) {
        if held.is_empty() {
            return;
        }
        let mut unused: HashSet<String> = held
            .iter()
            .map(|rel| rel.to_string_lossy().replace('\\', "/"))
            .collect();
        let mut used = Vec::new();
        for article in &self.articles {
            let folder = reference_folder(article);
            for r in article.parsed.refs.iter().filter(|r| !r.by_name) {
                let path = r.url.trim().split(['#', '?']).next().unwrap_or_default();
                if path.is_empty() || crate::markdown::is_external(path) {
                    continue;
                }
                let Some(decoded) = percent_decode_lenient(path) else {
                    continue;
                };
                let from = if decoded.starts_with('/') {
                    ""
                } else {
                    &folder
                };
                if let Some(path) = join(from, &decoded).filter(|p| unused.remove(p)) {
                    used.push(path);
                }
            }
        }
        used.sort();
        self.unlinked_files = unused.into_iter().collect();
        self.unlinked_files.sort();
        self.assets.extend(used.into_iter().map(|path| Asset {
            rel: PathBuf::from(path),
            from: AssetFolder::Content,
        }));
    }
}
