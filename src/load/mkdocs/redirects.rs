//! mkdocs-redirects' `redirect_maps` in mkdocs.yml (`plugins: - redirects:
//! redirect_maps: {'old.md': 'new/page.md'}`): each old page's address is an old
//! address of the page its target names, read as `[redirects]` entries are, so links
//! written to it lead to the page and a redirect page stands there.
//!
//! As the plugin reads them: an old page is a Markdown file's path from `docs/`,
//! published where MkDocs would have published it (`a/b.md` at `a/b/`, or at
//! `a/b.html` with `use_directory_urls: false`; `index.md` and `README.md` at their
//! folder); a target is a page's path from `docs/`, with a `#part` or not, or an
//! address on another site (`https://…`).

use crate::config::{Config, Entry};
use crate::load::{Spans, Step};
use serde_yaml::Value;
use std::path::Path;

/// The file extensions MkDocs reads as Markdown pages.
const MARKDOWN: [&str; 5] = ["md", "markdown", "mdown", "mkdn", "mkd"];

/// Adds the `redirect_maps` of the MkDocs site whose content folder is `config`'s (in
/// the site's folder `root`) to its redirects, after book.toml's (an old address
/// written in both is read from book.toml).
pub(in crate::load) fn read(config: &mut Config, root: &Path) {
    let dir = root.join(&config.build.content_dir);
    let Some(settings) = super::site_settings(&dir) else {
        return;
    };
    let directory_urls = (settings.get("use_directory_urls"))
        .and_then(Value::as_bool)
        .unwrap_or(true);
    let mut entries = Vec::new();
    for file in super::settings_files(&dir) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Some(value) = crate::load::yaml::settings_keeping_last(&text) else {
            continue;
        };
        let Some((path, maps)) = redirect_maps(&value) else {
            continue;
        };
        let spans = Spans::yaml(&text, 1);
        let shown = file.strip_prefix(root).unwrap_or(&file);
        for (old, new) in maps {
            let (Some(old), Some(new)) = (old.as_str(), new.as_str()) else {
                continue;
            };
            let Some(key) = old_address(old, directory_urls) else {
                continue;
            };
            let mut at = path.clone();
            at.push(Step::key(old));
            let place = spans.get(&at);
            let key_at = place.map_or((1, 1), |p| p.key);
            entries.push(Entry {
                key,
                value: target(new),
                at: key_at,
                value_at: place.map_or(key_at, |p| p.value),
                file: shown.to_path_buf(),
                host: false,
            });
        }
    }
    config.redirects.append_located(entries);
}

/// The plugin's `redirect_maps` in `settings`, with its key path: under `plugins:` as
/// a list (`- redirects: {redirect_maps: …}`) or a table of plugins.
fn redirect_maps(settings: &Value) -> Option<(Vec<Step>, &serde_yaml::Mapping)> {
    let plugins = settings.get("plugins")?;
    let (mut path, plugin) = match plugins {
        Value::Sequence(items) => items.iter().enumerate().find_map(|(i, item)| {
            let plugin = item.as_mapping()?.get("redirects")?;
            Some((vec![Step::key("plugins"), Step::Item(i)], plugin))
        })?,
        _ => (vec![Step::key("plugins")], plugins.get("redirects")?),
    };
    let maps = plugin.get("redirect_maps")?.as_mapping()?;
    path.extend([Step::key("redirects"), Step::key("redirect_maps")]);
    Some((path, maps))
}

/// The address MkDocs gives the old page `old` (a path from `docs/`), written as an
/// old address of `[redirects]`: `a/b.md` is `/a/b/` (`/a/b.html` without directory
/// URLs), `a/index.md` and `a/README.md` are `/a/`; another file is its own path, as
/// the plugin writes it. `None` for the home page or a path leading out of the site.
fn old_address(old: &str, directory_urls: bool) -> Option<String> {
    let old = old.trim().trim_start_matches("./").trim_start_matches('/');
    let (path, part) = match old.split_once('#') {
        Some((path, part)) if !part.is_empty() => (path, format!("#{part}")),
        Some((path, _)) => (path, String::new()),
        None => (old, String::new()),
    };
    let bad = |s: &str| s.is_empty() || s == "." || s == ".." || s.contains(['\\', '\0', '?']);
    if path.split('/').any(bad) {
        return None;
    }
    let (folder, name) = match path.rsplit_once('/') {
        Some((folder, name)) => (format!("/{folder}/"), name),
        None => ("/".to_string(), path),
    };
    let stem = name
        .rsplit_once('.')
        .filter(|(_, ext)| MARKDOWN.iter().any(|m| ext.eq_ignore_ascii_case(m)))
        .map(|(stem, _)| stem);
    let address = match stem {
        Some("index" | "README") if folder == "/" => return None,
        Some("index" | "README") => folder,
        Some(stem) if directory_urls => format!("{folder}{stem}/"),
        Some(stem) => format!("{folder}{stem}.html"),
        None => format!("/{path}"),
    };
    Some(format!("{address}{part}"))
}

/// A target as `[redirects]` reads it: a page's path from `docs/` from the site's
/// root (`/new/page.md#part`), an address on another site as it is.
fn target(new: &str) -> String {
    let new = new.trim();
    if new.contains("://") {
        return new.to_string();
    }
    format!("/{}", new.trim_start_matches("./").trim_start_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_pages_are_at_the_addresses_mkdocs_gives_them() {
        for (old, directory_urls, address) in [
            ("old.md", true, Some("/old/")),
            ("a/b.md", true, Some("/a/b/")),
            ("a/b.md", false, Some("/a/b.html")),
            ("./a/index.md", true, Some("/a/")),
            ("a/README.md", false, Some("/a/")),
            ("a/readme.md", true, Some("/a/readme/")),
            ("a/b.md#part", true, Some("/a/b/#part")),
            ("old.html", true, Some("/old.html")),
            ("index.md", true, None),
            ("../out.md", true, None),
            ("a//b.md", true, None),
        ] {
            assert_eq!(
                old_address(old, directory_urls).as_deref(),
                address,
                "{old}"
            );
        }
        assert_eq!(target("new/page.md#x"), "/new/page.md#x");
        assert_eq!(target("https://example.org/a"), "https://example.org/a");
    }

    #[test]
    fn redirect_maps_are_found_in_a_list_or_a_table_of_plugins() {
        for (yaml, path) in [
            (
                "plugins:\n  - search\n  - redirects:\n      redirect_maps:\n        a.md: b.md\n",
                vec![Step::key("plugins"), Step::Item(1)],
            ),
            (
                "plugins:\n  search: {}\n  redirects:\n    redirect_maps:\n      a.md: b.md\n",
                vec![Step::key("plugins")],
            ),
        ] {
            let value: Value = serde_yaml::from_str(yaml).unwrap();
            let (found, maps) = redirect_maps(&value).unwrap();
            let mut path = path;
            path.extend([Step::key("redirects"), Step::key("redirect_maps")]);
            assert_eq!(found, path);
            assert_eq!(maps.len(), 1);
            assert!(Spans::yaml(yaml, 1)
                .get(&[path, vec![Step::key("a.md")]].concat())
                .is_some());
        }
    }
}
