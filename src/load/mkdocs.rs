//! MkDocs sites: `mkdocs.yml` (or `mkdocs.yaml`) in the content folder's parent, the
//! folder MkDocs runs in, whose `docs/` (its `docs_dir`) is the content folder. Its
//! `nav` orders and titles the pages it lists, as MkDocs' navigation does: a page
//! listed is ordered by its place in the list, unless its front matter gives an
//! `order` or `weight`, and titled by the list's title for it (`- Setup: setup.md`),
//! unless its front matter gives a `title`. Pages the list leaves out are published
//! too, after those it lists, as MkDocs builds every page of `docs/`. The front matter
//! keys MkDocs and Material for MkDocs read for themselves are known there, and the
//! theme's templates kept in `docs/` (`custom_dir`) are not published.

use super::Source;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Front matter keys MkDocs and Material for MkDocs read for their theme (hiding the
/// navigation, a page's icon or status, search boosts, social cards, a template):
/// not unknown on an MkDocs site, and not used.
pub const OWN_KEYS: [&str; 9] = [
    "hide",
    "search",
    "template",
    "icon",
    "status",
    "subtitle",
    "social",
    "comments",
    "render_macros",
];

/// The MkDocs settings file beside the content folder `dir`, if there is one.
fn config_file(dir: &Path) -> Option<PathBuf> {
    let parent = dir.parent()?;
    ["mkdocs.yml", "mkdocs.yaml"]
        .iter()
        .map(|name| parent.join(name))
        .find(|file| file.is_file())
}

/// Whether the content folder `dir` is an MkDocs site's `docs/`.
pub fn is_site(dir: &Path) -> bool {
    config_file(dir).is_some()
}

/// `[build] exclude`-style patterns, each with why, leaving out the theme's templates
/// an MkDocs site keeps in its content folder `dir` (`theme: custom_dir:
/// docs/overrides`), which MkDocs reads as templates, not pages or files; none on
/// another site.
pub fn patterns(dir: &Path) -> Vec<(String, String)> {
    let (Some(file), Some(parent)) = (config_file(dir), dir.parent()) else {
        return Vec::new();
    };
    let custom = settings(&file).as_ref().and_then(|s| {
        s.get("theme")?
            .get("custom_dir")?
            .as_str()
            .map(str::to_string)
    });
    let Some(custom) = custom else {
        return Vec::new();
    };
    let folder = parent.join(custom.trim_start_matches("./").trim_end_matches('/'));
    let Ok(rel) = folder.strip_prefix(dir) else {
        return Vec::new();
    };
    let rel = rel.to_string_lossy().replace('\\', "/");
    if rel.is_empty() || rel.split('/').any(|p| p == ".." || p == ".") {
        return Vec::new();
    }
    let why = "the MkDocs theme's templates (`custom_dir` in mkdocs.yml), not pages";
    vec![(format!("/{rel}/"), why.to_string())]
}

/// The folders pymdownx.snippets reads `--8<-- "file"` from on the MkDocs site whose
/// content folder is `dir`: its `base_path` in mkdocs.yml (a path or a list, from the
/// folder holding mkdocs.yml; Knative's `docs/snippets`), else that folder, its
/// default; empty on another site.
pub fn snippet_bases(dir: &Path) -> Vec<PathBuf> {
    let (Some(file), Some(parent)) = (config_file(dir), dir.parent()) else {
        return Vec::new();
    };
    let extensions = settings(&file).and_then(|s| s.get("markdown_extensions").cloned());
    let options = extensions
        .as_ref()
        .and_then(|e| e.as_sequence())
        .and_then(|list| {
            list.iter()
                .find_map(|item| item.as_mapping()?.get("pymdownx.snippets").cloned())
        });
    let base = options.as_ref().and_then(|o| o.get("base_path"));
    let paths: Vec<&str> = match base {
        Some(serde_yaml::Value::String(path)) => vec![path.as_str()],
        Some(serde_yaml::Value::Sequence(paths)) => {
            paths.iter().filter_map(serde_yaml::Value::as_str).collect()
        }
        _ => vec!["."],
    };
    paths
        .into_iter()
        .filter(|p| !Path::new(p).has_root())
        .map(|p| parent.join(p.trim_start_matches("./")))
        .collect()
}

/// The pages `nav` lists, in its order: each one's path from the content folder and
/// the title the list gives it. Links elsewhere (`https://…`) and sections' own titles
/// are no pages; a section's pages follow in it.
fn nav_pages(nav: &serde_yaml::Value, out: &mut Vec<(PathBuf, Option<String>)>) {
    use serde_yaml::Value;
    match nav {
        Value::Sequence(items) => items.iter().for_each(|item| nav_pages(item, out)),
        Value::String(path) if !path.contains("://") => {
            out.push((PathBuf::from(path.trim_start_matches("./")), None));
        }
        Value::Mapping(map) => {
            for (title, value) in map {
                match (title.as_str(), value) {
                    (Some(title), Value::String(path)) if !path.contains("://") => out.push((
                        PathBuf::from(path.trim_start_matches("./")),
                        Some(title.to_string()),
                    )),
                    _ => nav_pages(value, out),
                }
            }
        }
        _ => {}
    }
}

/// The settings, read as YAML: MkDocs' own tags (`!ENV`, `!!python/name:…`) read as
/// the values they tag, which `nav` never needs.
fn settings(file: &Path) -> Option<serde_yaml::Value> {
    let text = std::fs::read_to_string(file).ok()?;
    serde_yaml::from_str(&text).ok()
}

/// Orders and titles the pages of an MkDocs site's `nav` (see the module's note).
pub fn apply_nav(dir: &Path, sources: &mut [Source]) {
    let Some(settings) = config_file(dir).and_then(|f| settings(&f)) else {
        return;
    };
    let Some(nav) = settings.get("nav") else {
        return;
    };
    let mut listed = Vec::new();
    nav_pages(nav, &mut listed);
    let mut place: HashMap<PathBuf, (i64, Option<String>)> = HashMap::new();
    for (n, (rel, title)) in listed.into_iter().enumerate() {
        place.entry(rel).or_insert((n as i64 + 1, title));
    }
    for source in sources {
        let Some((n, title)) = place.get(&source.rel) else {
            continue;
        };
        let front = &mut source.front;
        if front.order.is_none() && front.weight.is_none() {
            front.order = Some(*n);
        }
        if front.title.is_none() {
            front.title.clone_from(title);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nav_lists_pages_in_order_with_their_titles() {
        let nav: serde_yaml::Value = serde_yaml::from_str(
            "- index.md\n- Guide:\n    - Setup: guide/setup.md\n    - ./guide/use.md\n- GitHub: https://github.com/x\n- About: about.md\n",
        )
        .unwrap();
        let mut out = Vec::new();
        nav_pages(&nav, &mut out);
        let got: Vec<(&str, Option<&str>)> = out
            .iter()
            .map(|(p, t)| (p.to_str().unwrap(), t.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("index.md", None),
                ("guide/setup.md", Some("Setup")),
                ("guide/use.md", None),
                ("about.md", Some("About")),
            ]
        );
    }
}
