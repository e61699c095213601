//! Hugo's default `assets/` folder, read without a `[[mounts]]` entry: Hugo publishes
//! one of its files when a page uses it (an image render hook or a theme calling
//! `resources.Get` with the path as written, from the folder's root). So each file a
//! page names by that path (`images/logo.svg` for `assets/images/logo.svg`, or
//! `/images/logo.svg`) is published at the site root under it, as a `[[mounts]]`
//! entry into `assets` would publish it, and the rest (stylesheets, scripts) is not.

use super::paths::join;
use crate::load::{Asset, AssetFolder};
use crate::site::Site;
use crate::text::percent_decode;
use std::collections::HashSet;
use std::path::PathBuf;

impl Site {
    /// Adds the files of `default` (paths below `assets/`) that a page names to the
    /// files the site publishes, unless another file is published at that path.
    pub(in crate::site) fn publish_used_assets(&mut self, default: Vec<PathBuf>) {
        if default.is_empty() {
            return;
        }
        let mut unused: HashSet<String> = default
            .iter()
            .map(|rel| rel.to_string_lossy().replace('\\', "/"))
            .collect();
        for asset in &self.assets {
            unused.remove(&asset.path());
        }
        let mut used = Vec::new();
        for article in &self.articles {
            for r in article.parsed.refs.iter().filter(|r| !r.by_name) {
                let path = r.url.split(['#', '?']).next().unwrap_or_default();
                if path.is_empty() || crate::markdown::is_external(path) {
                    continue;
                }
                let Some(decoded) = percent_decode(path) else {
                    continue;
                };
                let Some(path) = join("", &decoded) else {
                    continue;
                };
                if unused.remove(&path) {
                    used.push(path);
                }
            }
        }
        used.sort();
        self.assets.extend(used.into_iter().map(|path| Asset {
            rel: PathBuf::from(path),
            from: AssetFolder::DefaultAssets,
        }));
    }
}
