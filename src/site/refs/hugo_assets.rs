//! Hugo's default `assets/` folder, read without a `[[mounts]]` entry: Hugo publishes
//! one of its files when a page uses it (an image render hook or a theme calling
//! `resources.Get` with the path as written, from the folder's root). So each file a
//! page names by that path (`images/logo.svg` for `assets/images/logo.svg`, or
//! `/images/logo.svg`) is published at the site root under it, as a `[[mounts]]`
//! entry into `assets` would publish it, and the rest (stylesheets, scripts) is not.
//! A name found only in `assets/media/` is that file, as HugoBlox's (Wowchemy's) image
//! render hook finds it. And a bundle's own files by the names its front matter gives
//! them (`resources`).

use super::paths::join;
use crate::load::{Asset, AssetFolder};
use crate::site::Site;
use crate::text::percent_decode_lenient;
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
                let Some(decoded) = percent_decode_lenient(path) else {
                    continue;
                };
                let Some(path) = join("", &decoded) else {
                    continue;
                };
                // From the folder's root, or from its `media/` folder, where HugoBlox's
                // (Wowchemy's) image render hook looks for a page's images.
                let media = format!("media/{path}");
                if let Some(path) = [path, media].into_iter().find(|p| unused.remove(p)) {
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

/// Hugo's global resource a page names, after the page's own (a bundle's file): a
/// relative path from the assets root, as `resources.Get` reads it, or from its
/// `media/` folder, where HugoBlox's (Wowchemy's) image hook looks.
pub(super) fn global_resource(decoded: &str, ctx: &super::resolve::Lookup) -> Option<String> {
    let path = join("", decoded.trim_start_matches("./")).filter(|_| !decoded.starts_with('/'))?;
    [path.clone(), format!("media/{path}")]
        .into_iter()
        .find(|p| ctx.global.contains(p))
}

/// The file a page bundle's front matter names `name` (`resources: [{name: cover,
/// src: photo.webp}]`), as the `src` to read from the page's folder: Hugo's `figure`
/// (and a theme's shortcode calling `.Page.Resources.Get`) finds a page's resource by
/// that name. A `src` with a wildcard names several files and is not read.
pub(super) fn named_resource(article: &crate::site::Article, decoded: &str) -> Option<String> {
    if !article.front_matter.contains("resources") || decoded.contains('/') {
        return None;
    }
    let front = crate::load::hugo_params::front_values(&article.front_matter)?;
    let list = (front.as_object()?.iter())
        .find(|(k, _)| k.eq_ignore_ascii_case("resources"))?
        .1
        .as_array()?;
    let field = |entry: &serde_json::Value, key: &str| {
        entry.get(key)?.as_str().map(|s| s.trim().to_string())
    };
    let named = |name: &str| {
        (list.iter()).find(|e| field(e, "name").is_some_and(|n| n.eq_ignore_ascii_case(name)))
    };
    let src = field(named(decoded)?, "src")?;
    let glob = src.contains(['*', '?', '[', '{']);
    // A `src` that is itself a name would lead round in a circle.
    (!src.is_empty() && !glob && named(&src).is_none())
        .then(|| src.trim_start_matches("./").to_string())
}
