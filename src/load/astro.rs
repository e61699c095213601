//! Astro Starlight sites: the docs in `src/content/docs/` of a folder holding Astro's
//! settings file (`astro.config.mjs`). The front matter keys Starlight reads for its
//! page layout, table of contents, paging and search are known there, and its `slug:`
//! is read as Starlight reads it.

use std::path::Path;

/// Astro's settings file names.
const CONFIG_FILES: [&str; 5] = [
    "astro.config.mjs",
    "astro.config.ts",
    "astro.config.mts",
    "astro.config.js",
    "astro.config.cjs",
];

/// Front matter keys Starlight reads and attune does not (`title`, `description`,
/// `draft` and `slug` it reads as any site's): not unknown on its site, and not used.
pub const OWN_KEYS: [&str; 11] = [
    "template",
    "hero",
    "banner",
    "head",
    "editUrl",
    "tableOfContents",
    "lastUpdated",
    "prev",
    "next",
    "pagefind",
    "sidebar",
];

/// Whether the content folder `dir` is a Starlight site's docs: `src/content/docs`
/// below a folder holding Astro's settings.
pub fn is_starlight(dir: &Path) -> bool {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    if !dir.ends_with("src/content/docs") {
        return false;
    }
    let Some(site) = dir.ancestors().nth(3) else {
        return false;
    };
    CONFIG_FILES.iter().any(|name| site.join(name).is_file())
}

/// A Starlight page's `slug:` is its whole address from the docs' root (`slug:
/// nixos/getting-started` for `nixos/01-getting-started.md`), not the last part of it
/// as Hugo and Zola read one: the page keeps its path's address, and the slug's is an
/// old address of it (links written to it lead to the page, a redirect stands there),
/// as a Docusaurus slug is.
pub fn keep_addresses(sources: &mut [super::Source]) {
    for source in sources {
        let Some(slug) = source
            .front
            .slug
            .as_deref()
            .map(|s| s.trim().trim_matches('/'))
        else {
            continue;
        };
        let address = format!("{slug}/");
        let plain = super::docusaurus::path_address(&source.rel);
        source.front.path = None;
        // `slug: ''` or `index`: the home page, at its own address.
        source.front.old_address =
            (!slug.is_empty() && slug != "index" && address != plain).then_some(address);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_docs_below_astros_settings_are_starlights() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("src/content/docs");
        std::fs::create_dir_all(&docs).unwrap();
        assert!(!is_starlight(&docs));
        std::fs::write(dir.path().join("astro.config.mjs"), "export default {}\n").unwrap();
        assert!(is_starlight(&docs));
        assert!(!is_starlight(&dir.path().join("src/content")));
    }
}
