//! Docusaurus sites: `docusaurus.config.js` (or `.ts`, `.mjs`, `.cjs`) in the content
//! folder's parent, the site Docusaurus builds, or in a `website/` folder beside the
//! content folder (Prettier's and Jest's `docs/`, which the site reads as `../docs`).
//! The front matter keys Docusaurus reads for its sidebar and page are known there,
//! and links written to a page's address under the docs' route (`/docs/options`, the
//! `/docs/` Docusaurus publishes the docs at by default) lead to it.

use std::path::Path;

/// Docusaurus' settings file names.
const CONFIG_FILES: [&str; 4] = [
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
    "docusaurus.config.cjs",
];

/// Front matter keys Docusaurus reads for a doc's sidebar, table of contents, paging
/// and metadata (`sidebar_position` is read as `order`): not unknown on its site, and
/// not used.
pub const OWN_KEYS: [&str; 21] = [
    "id",
    "slug",
    "sidebar_label",
    "sidebar_class_name",
    "sidebar_custom_props",
    "sidebar_key",
    "displayed_sidebar",
    "hide_title",
    "hide_table_of_contents",
    "toc_min_heading_level",
    "toc_max_heading_level",
    "pagination_label",
    "pagination_next",
    "pagination_prev",
    "parse_number_prefixes",
    "custom_edit_url",
    "keywords",
    "image",
    "unlisted",
    "last_update",
    "hide_reading_time",
];

/// Whether the content folder `dir` is a Docusaurus site's docs (see the module's note).
pub fn is_site(dir: &Path) -> bool {
    let Some(parent) = dir.parent() else {
        return false;
    };
    [parent.to_path_buf(), parent.join("website")]
        .iter()
        .any(|folder| CONFIG_FILES.iter().any(|name| folder.join(name).is_file()))
}

/// The route Docusaurus publishes a site's docs at by default: `/docs/x` is the page
/// `x` (see `site/refs/paths.rs`).
pub const DOCS_ROUTE: &str = "docs";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_docs_folder_beside_the_config_or_beside_website_is_docusaurus_s() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        assert!(!is_site(&docs));
        std::fs::create_dir(dir.path().join("website")).unwrap();
        std::fs::write(dir.path().join("website/docusaurus.config.js"), "").unwrap();
        assert!(is_site(&docs));
    }
}
