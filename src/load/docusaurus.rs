//! Docusaurus sites: `docusaurus.config.js` (or `.ts`, `.mjs`, `.cjs`) in the content
//! folder's parent, the site Docusaurus builds, or in a `website/` folder beside the
//! content folder (Prettier's and Jest's `docs/`, which the site reads as `../docs`).
//! The front matter keys Docusaurus reads for its sidebar and page are known there,
//! and links written to a page's address under the docs' route (`/docs/options`, the
//! `/docs/` Docusaurus publishes the docs at by default) lead to it.

use std::path::{Path, PathBuf};

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

/// Whether the content folder `dir` is a Docusaurus site's docs (see the module's note),
/// or the site's own folder read whole (`content_dir = "."`, the settings in it).
pub fn is_site(dir: &Path) -> bool {
    settings_files(dir).iter().any(|file| file.is_file())
}

/// Where the settings of a Docusaurus site whose docs are the content folder `dir` may
/// be (see the module's note), each name in each place, in order.
pub fn settings_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let parent = dir.parent().unwrap_or(dir);
    [dir, parent, &parent.join("website")]
        .iter()
        .flat_map(|folder| CONFIG_FILES.map(|name| folder.join(name)))
        .collect()
}

/// The text of the first of [`settings_files`] that is a regular file (a pipe of that
/// name would never end) and reads.
fn settings_text(dir: &Path) -> Option<String> {
    let mut files = settings_files(dir).into_iter().filter(|f| f.is_file());
    files.find_map(|file| std::fs::read_to_string(file).ok())
}

/// Whether the Docusaurus site whose docs are the content folder `dir` reads its `.md`
/// pages as MDX, as it does unless its settings say `format: 'detect'` (under
/// `markdown`), which reads them as CommonMark: `import Tabs from '@theme/Tabs';` and
/// `<Tabs>` in a `.md` page are then MDX's.
pub fn reads_md_as_mdx(dir: &Path) -> bool {
    settings_text(dir).is_some_and(|text| {
        let detect = ["format: 'detect'", "format: \"detect\"", "format: `detect`"];
        !detect.iter().any(|d| text.contains(d))
    })
}

/// The route Docusaurus publishes a site's docs at by default: `/docs/x` is the page
/// `x` (see `site/refs/paths.rs`).
pub const DOCS_ROUTE: &str = "docs";

/// The route the Docusaurus site whose docs are the content folder `dir` publishes
/// them at, without its slashes: the `routeBasePath` of the docs' options (the
/// classic preset's `docs: { routeBasePath: '/main' }`, `main`), else [`DOCS_ROUTE`];
/// empty for docs at the site's root (`routeBasePath: '/'`). A blog's own
/// `routeBasePath` (under `blog:`) is not the docs'.
pub fn docs_route(dir: &Path) -> String {
    let route = settings_text(dir).and_then(|text| {
        let reader = super::js_literal::Reader::new(&text);
        let docs = reader.key_values("docs");
        docs.into_iter().find_map(|at| {
            let route = reader.value(at, 0).0;
            Some(route.text("routeBasePath")?.trim_matches('/').to_string())
        })
    });
    route.unwrap_or_else(|| DOCS_ROUTE.to_string())
}

/// The address Docusaurus gives each doc where attune's differs, kept as an old
/// address of the page (`FrontMatter::old_address`), so links written to it
/// (`./imports-dependencies` for `01-imports-dependencies.md`) lead to the page and a
/// redirect stands there: its path from the docs folder without the number prefixes
/// Docusaurus takes off each name (`01-`, `2 - `, not a date's or version's
/// `2021-01` or `8.0`), its front matter's `id` in place of the file's name, and a
/// folder's `index`, `README` or doc named as the folder at the folder's address; or
/// the address its `slug:` gives, from the docs' root (`/getting-started`) or from the
/// doc's folder, which does not move the page as a Hugo or Zola `slug:` does.
pub fn keep_addresses(sources: &mut [super::Source]) {
    for source in sources {
        // A `slug:` is Docusaurus' (below), not the last part of the page's address
        // as Hugo and Zola read one.
        if let Some(slug) = source.front.slug.as_deref().map(str::trim) {
            if !slug.is_empty() {
                source.front.path = None;
                source.front.old_address = None;
            }
        }
        if source.front.old_address.is_some() || source.front.path.is_some() {
            continue;
        }
        let rel = source.rel.with_extension("");
        let mut parts: Vec<String> = (rel.components())
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let Some(name) = parts.pop() else {
            continue;
        };
        let id = front_id(source);
        let index = id.is_none()
            && (["index", "readme"].contains(&name.to_lowercase().as_str())
                || parts.last().is_some_and(|f| f.eq_ignore_ascii_case(&name)));
        let mut address: String = parts
            .iter()
            .map(|p| format!("{}/", without_number_prefix(p)))
            .collect();
        // `slug: /getting-started` from the docs' root, `slug: start` from the doc's
        // folder: the whole address.
        let slug = source.front.slug.as_deref().map(str::trim);
        if let Some(slug) = slug.filter(|s| !s.is_empty()) {
            let slug = slug.trim_end_matches('/');
            address = match slug.strip_prefix('/') {
                Some("") => String::new(),
                Some(rooted) => format!("{rooted}/"),
                None => format!("{address}{slug}/"),
            };
        } else if !index {
            let last = id.unwrap_or_else(|| without_number_prefix(&name).to_string());
            address.push_str(&format!("{last}/"));
        }
        if address != path_address(&source.rel) {
            source.front.old_address = Some(address);
        }
    }
}

/// The JavaScript and TypeScript modules among a Docusaurus site's docs
/// (onlineBeratung's `docs/components.jsx`, which 34 pages import): Docusaurus'
/// bundler builds them into the pages importing them and publishes none as a file of
/// its own, so they are taken out of the content folder's files published.
pub fn leave_out_modules(assets: &mut Vec<super::Asset>) {
    const MODULES: [&str; 8] = ["js", "jsx", "ts", "tsx", "mjs", "cjs", "mts", "cts"];
    let module = |asset: &super::Asset| {
        let extension = asset.rel.extension().and_then(|e| e.to_str());
        asset.from == super::AssetFolder::Content
            && extension.is_some_and(|e| MODULES.contains(&e.to_ascii_lowercase().as_str()))
    };
    assets.retain(|asset| !module(asset));
}

/// A doc's `id:` in its front matter, which names it in place of its file's name.
fn front_id(source: &super::Source) -> Option<String> {
    let values = super::hugo_params::front_values(&source.text[..source.body_start]);
    (values.as_ref())
        .and_then(|v| v.get("id")?.as_str().map(str::to_string))
        .filter(|id| !id.is_empty() && !id.contains('/'))
}

/// The id Docusaurus gives a doc, which its sidebars name it by: its path from the
/// docs folder without the extension and the number prefixes, its front matter's
/// `id` in place of its file's name (`guides/01-setup.md` is `guides/setup`).
pub(super) fn doc_id(source: &super::Source) -> String {
    let rel = source.rel.with_extension("");
    let parts: Vec<String> = (rel.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some((name, folders)) = parts.split_last() else {
        return String::new();
    };
    let name = front_id(source).unwrap_or_else(|| without_number_prefix(name).to_string());
    let mut id: String = (folders.iter())
        .map(|f| format!("{}/", without_number_prefix(f)))
        .collect();
    id.push_str(&name);
    id
}

/// The address a file's path gives as written, each part kept as it is
/// (`01-intro/Setup.md` is `01-intro/Setup/`): what a site's own address for it is
/// compared with.
pub(super) fn path_address(rel: &std::path::Path) -> String {
    (rel.with_extension("").components())
        .map(|c| format!("{}/", c.as_os_str().to_string_lossy()))
        .collect()
}

/// The number of the prefix Docusaurus takes off a file or folder name (`07-bash` is
/// 7, `10.BT` 10), which places it in an autogenerated sidebar where its front matter
/// (`sidebar_position`) or its `_category_` file (`position`) gives no place.
pub fn number_prefix(name: &str) -> Option<i64> {
    let bare = without_number_prefix(name);
    (bare.len() < name.len())
        .then(|| name.bytes().take_while(u8::is_ascii_digit).count())
        .and_then(|digits| name[..digits].parse().ok())
}

/// Places each doc whose front matter (or the sidebars' list) gives it none by its
/// file's number prefix, as Docusaurus' autogenerated sidebar does
/// (`sidebarPosition = frontMatter.sidebar_position ?? numberPrefix`).
pub(super) fn order_by_number_prefixes(sources: &mut [super::Source]) {
    for source in sources.iter_mut() {
        let front = &mut source.front;
        if front.order.is_some() || front.weight.is_some() {
            continue;
        }
        let stem = source.rel.file_stem().unwrap_or_default().to_string_lossy();
        front.order = number_prefix(&stem);
    }
}

/// Gives each folder of the docs whose name has a number prefix that place among
/// the docs and folders beside it, where its `_category_` file gives none.
pub(super) fn order_folders_by_number_prefixes(
    sources: &[super::Source],
    labels: &mut std::collections::BTreeMap<PathBuf, super::folder_labels::FolderLabel>,
) {
    for source in sources {
        for folder in source.rel.ancestors().skip(1) {
            let name = folder.file_name().unwrap_or_default().to_string_lossy();
            let Some(n) = number_prefix(&name) else {
                continue;
            };
            let label = labels.entry(folder.to_path_buf()).or_default();
            label.order = label.order.or(Some(n));
        }
    }
}

/// A file or folder name without the number prefix Docusaurus takes off it (`01-intro`
/// → `intro`, `2 - Setup` → `Setup`); a date's or version's digits stay (`2021-01-31`,
/// `8.0-notes`), as Docusaurus keeps them.
pub fn without_number_prefix(name: &str) -> &str {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &name[digits..];
    let separator = |c: char| matches!(c, '-' | '_' | '.');
    let after = rest.trim_start_matches(char::is_whitespace);
    // `8.0`, `2021-01`: digits, a separator, digits.
    let version = rest
        .strip_prefix(separator)
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    if digits == 0 || version || !after.starts_with(separator) {
        return name;
    }
    let suffix = after
        .trim_start_matches(separator)
        .trim_start_matches(char::is_whitespace);
    // The name goes on with something else than a separator or a space.
    match suffix.chars().next() {
        Some(c) if !separator(c) && !c.is_whitespace() => suffix,
        _ => name,
    }
}

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
        assert!(is_site(&docs)); // The site's own folder read whole, however it is written (10up's guides
                                 // with `--root`: `site/.` was taken for a folder in `site`'s parent).
        let other = tempfile::tempdir().unwrap();
        let site = other.path().join("site");
        std::fs::create_dir(&site).unwrap();
        std::fs::write(site.join("docusaurus.config.js"), "").unwrap();
        assert!(is_site(&site.join(".")));
        assert!(is_site(&site));
    }

    #[test]
    fn number_prefixes_come_off_as_docusaurus_takes_them() {
        for (name, bare) in [
            ("01-imports-dependencies", "imports-dependencies"),
            ("1-My Doc", "My Doc"),
            ("001 - My Doc", "My Doc"),
            ("1---My Doc", "My Doc"),
            ("9_setup", "setup"),
        ] {
            assert_eq!(without_number_prefix(name), bare, "{name}");
        }
        for kept in [
            "MyDoc",
            "a1-My Doc",
            "My Doc-000",
            "00abc01-My Doc",
            "2021-01-31 - Doc",
            "2021.01 - Doc",
            "8.0 - Doc",
            "8_0",
            "2021",
            "01-",
        ] {
            assert_eq!(without_number_prefix(kept), kept, "{kept}");
        }
    }
}
