//! The sections of MkDocs' `nav` (`- Principles: [overview, coding]`) over one folder's
//! pages: MkDocs shows the section by its title, in its place, so the folder its
//! pages share takes that title and the place of its first page (as `SUMMARY.md`
//! places a folder), and the folder's own text (its `index.md` or `README.md`, listed
//! in the section) is titled by it too, being the section's page.

use super::super::folder_labels::FolderLabel;
use serde_yaml::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A section of `nav`: its title and the pages it lists at any depth, by their paths
/// from the content folder.
struct Section {
    title: String,
    pages: Vec<PathBuf>,
}

/// Every section of `nav`, outermost first.
fn sections(nav: &Value, out: &mut Vec<Section>) {
    match nav {
        Value::Sequence(items) => items.iter().for_each(|item| sections(item, out)),
        Value::Mapping(map) => {
            for (title, value) in map {
                let (Some(title), Value::Sequence(_)) = (title.as_str(), value) else {
                    continue;
                };
                let mut listed = Vec::new();
                super::nav_pages(value, &mut listed);
                out.push(Section {
                    title: title.to_string(),
                    pages: listed.into_iter().map(|(rel, _)| rel).collect(),
                });
                sections(value, out);
            }
        }
        _ => {}
    }
}

/// The folder all of `pages` stand in, at its deepest; `None` when they share none
/// (the content folder itself).
fn common_folder(pages: &[PathBuf]) -> Option<PathBuf> {
    let mut common: Option<PathBuf> = None;
    for page in pages {
        let folder = page.parent().unwrap_or(Path::new(""));
        common = Some(match common {
            None => folder.to_path_buf(),
            Some(c) => c
                .components()
                .zip(folder.components())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    common.filter(|c| !c.as_os_str().is_empty())
}

/// Whether `rel` is its folder's own text: `index.md` or `README.md`.
fn is_folder_text(rel: &Path) -> bool {
    let stem = rel.file_stem().unwrap_or_default().to_string_lossy();
    stem == "index" || stem.eq_ignore_ascii_case("readme")
}

/// The labels `nav`'s sections give the folders their pages share (the first section
/// over a folder counts), each placed as its first page is in `listed` (the pages of
/// `nav` in order, whose place is their `order`); and `listed` with each folder's own
/// text, where its section lists it, titled by the section.
pub(super) fn label_folders(
    nav: &Value,
    listed: &mut [(PathBuf, Option<String>)],
) -> Vec<(PathBuf, FolderLabel)> {
    let mut place: HashMap<&Path, i64> = HashMap::new();
    for (n, (rel, _)) in listed.iter().enumerate() {
        place.entry(rel.as_path()).or_insert(n as i64 + 1);
    }
    let mut all = Vec::new();
    sections(nav, &mut all);
    let mut labels: Vec<(PathBuf, FolderLabel)> = Vec::new();
    let mut texts: Vec<(PathBuf, String)> = Vec::new();
    for section in all {
        let Some(folder) = common_folder(&section.pages) else {
            continue;
        };
        if labels.iter().any(|(f, _)| *f == folder) {
            continue;
        }
        let order = section
            .pages
            .iter()
            .filter_map(|p| place.get(p.as_path()))
            .min();
        let text = (section.pages.iter())
            .find(|p| p.parent() == Some(folder.as_path()) && is_folder_text(p));
        if let Some(text) = text {
            texts.push((text.clone(), section.title.clone()));
        }
        labels.push((
            folder,
            FolderLabel {
                title: Some(section.title),
                order: order.copied(),
                index: None,
            },
        ));
    }
    for (rel, title) in listed.iter_mut() {
        if let Some((_, section)) = texts.iter().find(|(t, _)| t == rel) {
            *title = Some(section.clone());
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_over_one_folder_names_and_places_it() {
        let nav: Value = serde_yaml::from_str(
            "- Home: README.md\n- Principles:\n  - Overview: principles/README.md\n  - Coding: principles/coding.md\n\
             - Standards:\n  - Common: standards/common.md\n- Processes and guides:\n  - Processes:\n    - PRs: processes/pr.md\n\
             \x20 - Guides:\n    - General: guides/README.md\n    - Docker: guides/docker.md\n",
        )
        .unwrap();
        let mut listed = Vec::new();
        super::super::nav_pages(&nav, &mut listed);
        let labels = label_folders(&nav, &mut listed);
        let got: Vec<(&str, &str, i64)> = labels
            .iter()
            .map(|(f, l)| {
                let title = l.title.as_deref().unwrap();
                (f.to_str().unwrap(), title, l.order.unwrap())
            })
            .collect();
        assert_eq!(
            got,
            [
                ("principles", "Principles", 2),
                ("standards", "Standards", 4),
                ("processes", "Processes", 5),
                ("guides", "Guides", 6),
            ]
        );
        let titles: Vec<Option<&str>> = listed.iter().map(|(_, t)| t.as_deref()).collect();
        assert_eq!(
            titles,
            [
                Some("Home"),
                Some("Principles"),
                Some("Coding"),
                Some("Common"),
                Some("PRs"),
                Some("Guides"),
                Some("Docker"),
            ]
        );
    }
}
