//! The names and places a site's own settings give its folders: a Docusaurus site's
//! `_category_.json` (or `_category_.yml`), whose `label` titles the folder's page when
//! it has no text of its own and whose `position` places it among the docs and folders
//! beside it, as Docusaurus' sidebar does (developers-finance's "💻 Your Salary"
//! second, not "Your salary" among the folders by name), and whose generated index
//! page (`link: {type: 'generated-index'}`) the folder's hub stands for; a VitePress
//! sidebar's group over one folder's pages, likewise by its `text` and its place; an
//! MkDocs `nav` section over one folder's pages, by its title and the place of its
//! first page; an MkDocs folder's `.pages` file (mkdocs-awesome-pages-plugin), by its
//! `title` and the place given it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a folder's `_category_` file says of it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FolderLabel {
    pub title: Option<String>,
    pub order: Option<i64>,
    /// Docusaurus' `link: {type: 'generated-index', …}`: the page it writes for the
    /// folder, listing its docs, which is the folder's hub here.
    pub index: Option<GeneratedIndex>,
}

/// A `_category_` file's `link` of type `generated-index`, as Docusaurus reads it
/// (plugin-content-docs, `sidebars/postProcessor.ts`, `normalizeCategoryLink`).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct GeneratedIndex {
    /// `slug`: the page's address under the docs' route; by default
    /// `/category/<the label's slug>`.
    pub slug: Option<String>,
    /// `title`: the page's heading, by default the label.
    pub title: Option<String>,
    /// `description`: the text under the page's heading.
    pub description: Option<String>,
}

/// Gives `content` the labels of the site's folders (see [`read`]): also, on an MkDocs
/// site running mkdocs-awesome-pages-plugin, those its `.pages` files give the folders
/// of `sources` (see `mkdocs/awesome_pages.rs`).
pub(super) fn read_into(
    root: &Path,
    dir: &Path,
    sources: &[super::Source],
    content: &mut super::Content,
) {
    let mut labels = read(root, dir, content.docusaurus, &mut content.assets);
    for (folder, label) in super::mkdocs::folder_labels(dir, sources) {
        labels.entry(folder).or_insert(label);
    }
    if content.docusaurus {
        super::docusaurus::order_folders_by_number_prefixes(sources, &mut labels);
    }
    content.folder_labels = labels;
}

/// The label of each folder of the site at `root` whose content folder is `dir` that
/// has one, by its path from `dir`: a VitePress site's sidebar groups (see
/// `vitepress_sidebar::folder_groups`) and, on a Docusaurus site, the `_category_`
/// files among the content folder's `assets`, which are its settings, so they are
/// taken out of the files published (Docusaurus publishes none).
pub fn read(
    root: &Path,
    dir: &Path,
    docusaurus: bool,
    assets: &mut Vec<super::Asset>,
) -> BTreeMap<PathBuf, FolderLabel> {
    let mut labels = BTreeMap::new();
    if super::vitepress::is_site(root, dir) {
        for (folder, title, order) in super::vitepress_sidebar::folder_groups(root, dir) {
            let label = FolderLabel {
                title: Some(title),
                order: Some(order),
                index: None,
            };
            labels.entry(folder).or_insert(label);
        }
    }
    if !docusaurus {
        return labels;
    }
    let is_category = |asset: &super::Asset| {
        let name = asset.rel.file_name().unwrap_or_default();
        asset.from == super::AssetFolder::Content
            && ["_category_.json", "_category_.yml", "_category_.yaml"]
                .iter()
                .any(|n| name == *n)
    };
    for asset in assets.iter().filter(|a| is_category(a)) {
        let file = dir.join(&asset.rel);
        // A regular file only: a pipe of that name would never end.
        let text = file.is_file().then(|| std::fs::read_to_string(&file).ok());
        let Some(text) = text.flatten() else {
            continue;
        };
        let value: Option<serde_json::Value> = match asset.rel.extension() {
            Some(e) if e == "json" => serde_json::from_str(&text).ok(),
            _ => serde_yaml::from_str(&text).ok(),
        };
        let (Some(value), Some(folder)) = (value, asset.rel.parent()) else {
            continue;
        };
        let label = FolderLabel {
            title: value
                .get("label")
                .and_then(|v| v.as_str())
                .map(str::to_string),
            // Docusaurus places by any number (`2.5`); attune's order is whole.
            order: value
                .get("position")
                .and_then(serde_json::Value::as_f64)
                .filter(|p| p.is_finite())
                .map(|p| p.floor() as i64),
            index: generated_index(&value),
        };
        if !folder.as_os_str().is_empty() {
            labels.insert(folder.to_path_buf(), label);
        }
    }
    assets.retain(|asset| !is_category(asset));
    labels
}

/// The generated index a `_category_` file's `link` asks for, if it asks for one.
fn generated_index(category: &serde_json::Value) -> Option<GeneratedIndex> {
    let link = category.get("link")?;
    if link.get("type")?.as_str()? != "generated-index" {
        return None;
    }
    let text = |key: &str| {
        let value = link.get(key)?.as_str()?.trim();
        (!value.is_empty()).then(|| value.to_string())
    };
    Some(GeneratedIndex {
        slug: text("slug"),
        title: text("title"),
        description: text("description"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_file_names_and_places_its_folder() {
        let dir = tempfile::tempdir().expect("temp");
        let docs = dir.path();
        std::fs::create_dir_all(docs.join("salary/tax")).expect("dirs");
        std::fs::write(
            docs.join("salary/_category_.json"),
            "{\"label\": \"💻 Your Salary\", \"position\": 2, \"link\": {\"type\": \"generated-index\"}}",
        )
        .expect("json");
        std::fs::write(
            docs.join("salary/tax/_category_.yml"),
            "label: Tax\nposition: 1.5\n",
        )
        .expect("yaml");
        let category = |rel: &str| super::super::Asset {
            rel: PathBuf::from(rel),
            from: super::super::AssetFolder::Content,
        };
        let mut assets = vec![
            category("salary/_category_.json"),
            category("salary/tax/_category_.yml"),
            category("salary/pay.png"),
        ];
        let labels = read(docs, docs, true, &mut assets);
        assert_eq!(
            labels.get(Path::new("salary")),
            Some(&FolderLabel {
                title: Some("💻 Your Salary".into()),
                order: Some(2),
                index: Some(GeneratedIndex::default()),
            })
        );
        assert_eq!(labels[Path::new("salary/tax")].order, Some(1));
        // Settings, not files to publish; the folder's other files stay.
        assert_eq!(assets.len(), 1);
        assert!(read(docs, docs, false, &mut vec![category("a/_category_.json")]).is_empty());
    }
}
