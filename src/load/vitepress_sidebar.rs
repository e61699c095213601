//! VitePress' sidebar (`themeConfig.sidebar` in `.vitepress/config.mts`): the pages
//! it links, in its order, with the `text` it gives each, read as the site's own table
//! of contents (`contents.rs`). 07B-BD/cours, a course whose sidebar lists every
//! page: 22 orphan warnings, and its modules' pages sorted by title, not as taught.
//!
//! The settings are JavaScript, which attune does not run: only literals are read,
//! the arrays and objects written at `sidebar:` (every one, so each locale's), and a
//! name one holds (`sidebar: sidebarGuide()`, `'/guide/': guide`) where the same file
//! defines it (`function sidebarGuide() { return […] }`, `const guide = […]`). A
//! group's `base` starts its items' links.

use super::js_literal::{Reader, Value};
use std::path::{Path, PathBuf};

/// The pages the sidebars of the VitePress site at `root` (content folder `dir`)
/// link, each by its path from the content folder, with the sidebar's title for it.
pub(super) fn listed(root: &Path, dir: &Path) -> Vec<(PathBuf, Option<String>)> {
    pages(dir, &sidebars(root, dir))
}

/// The pages `sidebars` link, as [`listed`] gives them.
fn pages(dir: &Path, sidebars: &[Value]) -> Vec<(PathBuf, Option<String>)> {
    sidebars
        .iter()
        .flat_map(|sidebar| {
            let mut links = Vec::new();
            walk(sidebar, "", &mut links);
            links
        })
        .filter_map(|(link, title)| Some((page_of(dir, &link)?, title)))
        .collect()
}

/// Every sidebar the settings of the VitePress site at `root` write out.
fn sidebars(root: &Path, dir: &Path) -> Vec<Value> {
    let text = super::vitepress::settings_files(root, dir)
        .iter()
        // A regular file only: a pipe of that name would never end.
        .filter(|file| file.is_file())
        .find_map(|file| std::fs::read_to_string(file).ok());
    let Some(text) = text else {
        return Vec::new();
    };
    let reader = Reader::new(&text);
    let sidebars = reader.key_values("sidebar").into_iter();
    sidebars.map(|at| reader.value(at, 0).0).collect()
}

/// The folders the sidebars' groups stand for (a group: `text` and `items`, no `link`
/// of its own, whose pages all lie in one folder, below the content folder's top),
/// each with the group's `text` and the place of its first page among the pages the
/// sidebars list (1-based, as [`listed`] places them): 08C-Projet-Prog/cours' folders
/// were "Enonces", "Grilles", by name, where its sidebar says "Énoncés", "Grilles
/// d'évaluation".
pub(super) fn folder_groups(root: &Path, dir: &Path) -> Vec<(PathBuf, String, i64)> {
    let sidebars = sidebars(root, dir);
    let listed: Vec<PathBuf> = pages(dir, &sidebars).into_iter().map(|(p, _)| p).collect();
    let mut groups = Vec::new();
    for sidebar in &sidebars {
        collect_groups(sidebar, "", &mut groups);
    }
    let mut found = Vec::new();
    for (text, links) in groups {
        let pages: Vec<PathBuf> = links.iter().filter_map(|l| page_of(dir, l)).collect();
        let Some(first) = pages.first() else {
            continue;
        };
        // The folder holding them all.
        let mut folder = first.parent().unwrap_or(Path::new("")).to_path_buf();
        while !pages.iter().all(|p| p.starts_with(&folder)) && folder.pop() {}
        let place = listed.iter().position(|p| p == first);
        if let Some(place) = place.filter(|_| !folder.as_os_str().is_empty()) {
            found.push((folder, text, place as i64 + 1));
        }
    }
    found
}

/// The groups of a sidebar, each with its `text` and the links below it.
fn collect_groups(value: &Value, base: &str, out: &mut Vec<(String, Vec<String>)>) {
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|item| collect_groups(item, base, out)),
        Value::Object(fields) => {
            let base = value.text("base").unwrap_or(base);
            let items = value.get("items");
            if let (Some(text), Some(items), None) = (value.text("text"), items, value.get("link"))
            {
                let mut links = Vec::new();
                walk(items, base, &mut links);
                out.push((
                    text.to_string(),
                    links.into_iter().map(|(l, _)| l).collect(),
                ));
            }
            match items {
                Some(items) => collect_groups(items, base, out),
                None if value.get("link").is_none() && value.get("text").is_none() => fields
                    .iter()
                    .for_each(|(_, v)| collect_groups(v, base, out)),
                None => {}
            }
        }
        _ => {}
    }
}

/// The links of a sidebar (an array of items and groups, or an object of sidebars by
/// path), each with its `text`, in order; `base` starts the links below a group.
fn walk(value: &Value, base: &str, out: &mut Vec<(String, Option<String>)>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| walk(item, base, out)),
        Value::Object(fields) => {
            let base = value.text("base").unwrap_or(base);
            if let Some(link) = value.text("link") {
                let link = match link.starts_with('/') {
                    true => link.to_string(),
                    false => format!("{base}{link}"),
                };
                out.push((link, value.text("text").map(str::to_string)));
            }
            match value.get("items") {
                Some(items) => walk(items, base, out),
                // Sidebars by path (`'/guide/': […]`).
                None if value.get("link").is_none() && value.get("text").is_none() => {
                    fields.iter().for_each(|(_, v)| walk(v, base, out))
                }
                None => {}
            }
        }
        _ => {}
    }
}

/// The Markdown file a sidebar's link names, from the content folder: `/guide/` its
/// `index.md`, `/guide/intro` (or `.md`, `.html`) `intro.md`, or `intro/index.md`;
/// `None` for a link elsewhere or to no file.
fn page_of(dir: &Path, link: &str) -> Option<PathBuf> {
    if link.contains("://") || link.starts_with("mailto:") {
        return None;
    }
    let path = link.split(['#', '?']).next().unwrap_or_default();
    let path = path.trim_start_matches("./").trim_start_matches('/');
    let stem = path
        .strip_suffix(".md")
        .or_else(|| path.strip_suffix(".html"))
        .unwrap_or(path);
    let candidates = match stem.strip_suffix('/') {
        Some(folder) => vec![format!("{folder}/index.md")],
        None if stem.is_empty() => vec!["index.md".to_string()],
        None => vec![format!("{stem}.md"), format!("{stem}/index.md")],
    };
    candidates
        .into_iter()
        .map(|c| PathBuf::from(c.trim_start_matches('/')))
        .find(|c| dir.join(c).is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(code: &str) -> Vec<(String, Option<String>)> {
        let reader = Reader::new(code);
        let mut out = Vec::new();
        for at in reader.key_values("sidebar") {
            walk(&reader.value(at, 0).0, "", &mut out);
        }
        out
    }

    #[test]
    fn a_sidebar_s_links_are_read_in_order_with_their_text() {
        let code = r#"
import { defineConfig } from 'vitepress'
// sidebar: [{ text: 'Commented', link: '/no/' }]
export default defineConfig({
  themeConfig: {
    sidebar: [
      { text: "Plan", link: "/plan/plan-de-cours" },
      {
        text: 'Module 1', collapsed: false,
        items: [
          { text: 'Don\'t panic', link: '/m1/intro.md' },
          { text: `Data`, link: '/m1/data#top' },
        ],
      },
      { text: 'Guide', base: '/guide/', items: [{ text: 'Start', link: 'start' }] },
      { text: 'GitHub', link: 'https://github.com/x' },
    ],
  },
  locales: { fr: { themeConfig: { 'sidebar': guide } } },
})
const guide: DefaultTheme.Sidebar = { '/fr/': sidebarFr() }
function sidebarFr() {
  return [{ text: 'Accueil', link: '/fr/' }]
}
"#;
        let got = links(code);
        let got: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(l, t)| (l.as_str(), t.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("/plan/plan-de-cours", Some("Plan")),
                ("/m1/intro.md", Some("Don't panic")),
                ("/m1/data#top", Some("Data")),
                ("/guide/start", Some("Start")),
                ("https://github.com/x", Some("GitHub")),
                ("/fr/", Some("Accueil")),
            ]
        );
    }

    #[test]
    fn code_it_cannot_follow_reads_as_nothing() {
        for code in [
            "sidebar: makeSidebar(docs)",
            "sidebar: [",
            "sidebar: { ...base, '/a/': [{ link: `/${x}` }] }",
            "sidebar: [{ text: 'a', link: '/a' }, ...more, f(1, [2])]",
        ] {
            let _ = links(code);
        }
        assert_eq!(
            links("sidebar: [{ text: 'a', link: '/a' }, ...more]").len(),
            1
        );
    }
}
