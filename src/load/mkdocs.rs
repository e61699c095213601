//! MkDocs sites: `mkdocs.yml` (or `mkdocs.yaml`) in the content folder's parent, the
//! folder MkDocs runs in, whose `docs/` (its `docs_dir`) is the content folder. Its
//! `nav` orders and titles the pages it lists, as MkDocs' navigation does: a page
//! listed is ordered by its place in the list, unless its front matter gives an
//! `order` or `weight`, and titled by the list's title for it (`- Setup: setup.md`),
//! unless its front matter gives a `title`. Pages the list leaves out are published
//! too, after those it lists, as MkDocs builds every page of `docs/`; without a `nav`,
//! mkdocs-awesome-pages-plugin's `.pages` files order and title each folder's pages
//! (`mkdocs/awesome_pages.rs`). The front matter
//! keys MkDocs and Material for MkDocs read for themselves are known there, and the
//! theme's templates kept in `docs/` (`custom_dir`) are not published.

use super::Source;
use std::path::{Path, PathBuf};

mod awesome_pages;
mod extensions;
mod nav_sections;
pub(super) mod redirects;

pub use extensions::{
    appended_files, reads_abbreviations, toc_ids, Normalize, SlugCase, Slugify, TocIds,
};

/// Front matter keys MkDocs and Material for MkDocs read for their theme (hiding the
/// navigation, a page's icon or status, search boosts, social cards, a template) and
/// its blog's posts (their authors, categories, related links, reading time, pinning):
/// not unknown on an MkDocs site, and not used.
pub const OWN_KEYS: [&str; 14] = [
    "hide",
    "search",
    "template",
    "icon",
    "status",
    "subtitle",
    "social",
    "comments",
    "render_macros",
    "authors",
    "categories",
    "links",
    "readtime",
    "pin",
];

/// The MkDocs settings files beside the content folder `dir`: `mkdocs.yml` (or
/// `mkdocs.yaml`); without one, the other settings files a site builds with
/// `--config-file` (Textual's `mkdocs-common.yml`, `mkdocs-online.yml`, …), in order of
/// name, read together; without those, the YAML files there whose `site_name` says
/// they are MkDocs' and whose `docs_dir` (`docs` unless set) is `dir` (a French
/// parish's `global.yml` and the `base.yml` it inherits, built with `-f global.yml`).
/// None on another site.
fn config_files(dir: &Path) -> Vec<PathBuf> {
    let named = named_config_files(dir);
    if !named.is_empty() {
        return named;
    }
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let builds_dir = |path: &Path| {
        let Some(text) = std::fs::read_to_string(path).ok() else {
            return false;
        };
        // Only a file with `site_name` at its top is read, and only then parsed.
        if !text.lines().any(|l| l.starts_with("site_name:")) {
            return false;
        }
        let Some(value) = super::yaml::settings_keeping_last(&text) else {
            return false;
        };
        let docs = value
            .get("docs_dir")
            .and_then(|d| d.as_str())
            .unwrap_or("docs");
        Path::new(docs.trim_end_matches('/')) == Path::new(name)
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|x| x == "yml" || x == "yaml")
                && path.is_file()
                && builds_dir(path)
        })
        .collect();
    files.sort();
    files
}

/// [`config_files`] by their names: `mkdocs.yml`, else `mkdocs-*.yml` and the like.
fn named_config_files(dir: &Path) -> Vec<PathBuf> {
    let Some(parent) = dir.parent() else {
        return Vec::new();
    };
    if let Some(file) = ["mkdocs.yml", "mkdocs.yaml"]
        .iter()
        .map(|name| parent.join(name))
        .find(|file| file.is_file())
    {
        return vec![file];
    }
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stem = name
                .strip_suffix(".yml")
                .or_else(|| name.strip_suffix(".yaml"));
            stem.and_then(|s| s.strip_prefix("mkdocs"))
                .is_some_and(|rest| rest.starts_with(['-', '_', '.']))
                && path.is_file()
        })
        .collect();
    files.sort();
    files
}

/// Whether the content folder `dir` is an MkDocs site's `docs/`.
pub fn is_site(dir: &Path) -> bool {
    !config_files(dir).is_empty()
}

/// The settings of the MkDocs site whose content folder is `dir` (see
/// [`config_files`]), each file over the one its `INHERIT` names; `None` on another
/// site.
pub(super) fn site_settings(dir: &Path) -> Option<serde_yaml::Value> {
    let files = config_files(dir);
    let read: Vec<(PathBuf, serde_yaml::Value)> = files
        .iter()
        .filter_map(|file| Some((file.clone(), settings(file, 0)?)))
        .collect();
    // A file another one inherits is read in that one, not again.
    let inherited: Vec<PathBuf> = read
        .iter()
        .filter_map(|(file, value)| Some(file.parent()?.join(value.get("INHERIT")?.as_str()?)))
        .collect();
    let mut merged: Option<serde_yaml::Value> = None;
    for (file, read) in read {
        if inherited.contains(&file) {
            continue;
        }
        merged = Some(match merged {
            Some(base) => merge(base, read),
            None => read,
        });
    }
    merged
}

/// The language the MkDocs site whose content folder is `dir` is written in, its
/// theme's `language` (Material's and MkDocs' own themes read it for `<html lang>`).
pub fn language(dir: &Path) -> Option<String> {
    let settings = site_settings(dir)?;
    Some(
        settings
            .get("theme")?
            .get("language")?
            .as_str()?
            .to_string(),
    )
}

/// Whether the MkDocs site whose content folder is `dir` runs its pages through
/// templates (mkdocs-macros-plugin, `plugins: - macros`), so that `{{ … }}` and
/// `{% … %}` in them are a template's; without it MkDocs shows them as written.
pub fn runs_macros(dir: &Path) -> bool {
    let Some(settings) = site_settings(dir) else {
        return false;
    };
    let macros = |name: &str| name == "macros" || name.ends_with(".macros");
    names(settings.get("plugins")).into_iter().any(macros)
        || names(settings.get("markdown_extensions"))
            .into_iter()
            .any(macros)
}

/// Whether a reference link with no definition on a page of the MkDocs site whose
/// content folder is `dir` (`[text][label]`, `[label][]`) may lead somewhere: where
/// `plugins:` names mkdocs-autorefs (`autorefs`, or `mkdocstrings`, which runs it) its
/// cross-references do, and pymdownx.snippets' `auto_append` adds definitions to every
/// page. Without them Python-Markdown shows the brackets (`2[0-4][0-9]`).
pub fn reads_cross_references(dir: &Path) -> bool {
    let Some(settings) = site_settings(dir) else {
        return false;
    };
    let autorefs = names(settings.get("plugins"))
        .into_iter()
        .any(|name| matches!(name, "autorefs" | "mkdocstrings"));
    // A list of files, or one file's name.
    let appended = match options(&settings, "pymdownx.snippets").and_then(|o| o.get("auto_append"))
    {
        Some(serde_yaml::Value::Sequence(files)) => !files.is_empty(),
        Some(serde_yaml::Value::String(file)) => !file.is_empty(),
        _ => false,
    };
    autorefs || appended
}

/// The options mkdocs.yml gives the Markdown extension `name`, in a list of
/// extensions (`- pymdownx.snippets: {…}`) or a table of them.
fn options<'a>(settings: &'a serde_yaml::Value, name: &str) -> Option<&'a serde_yaml::Value> {
    match settings.get("markdown_extensions")? {
        serde_yaml::Value::Sequence(list) => {
            list.iter().find_map(|item| item.as_mapping()?.get(name))
        }
        extensions => extensions.get(name),
    }
}

/// The names a list of plugins or extensions gives: a list of names (`- macros`,
/// `- macros: {…}`) or a table of them (`macros:`).
fn names(list: Option<&serde_yaml::Value>) -> Vec<&str> {
    match list {
        Some(serde_yaml::Value::Sequence(items)) => items
            .iter()
            .filter_map(|item| match item {
                serde_yaml::Value::String(name) => Some(name.as_str()),
                serde_yaml::Value::Mapping(map) => map.keys().next()?.as_str(),
                _ => None,
            })
            .collect(),
        Some(serde_yaml::Value::Mapping(map)) => {
            map.keys().filter_map(serde_yaml::Value::as_str).collect()
        }
        _ => Vec::new(),
    }
}

/// `[build] exclude`-style patterns, each with why, leaving out the theme's templates
/// an MkDocs site keeps in its content folder `dir` (`theme: custom_dir:
/// docs/overrides`), which MkDocs reads as templates, not pages or files; none on
/// another site.
pub fn patterns(dir: &Path) -> Vec<(String, String)> {
    let (Some(settings), Some(parent)) = (site_settings(dir), dir.parent()) else {
        return Vec::new();
    };
    // `exclude_docs` and `draft_docs`: lines of patterns as in `.gitignore`, from
    // `docs_dir`, as attune reads `[build] exclude`; `mkdocs build` publishes neither.
    let mut out: Vec<(String, String)> = ["exclude_docs", "draft_docs"]
        .iter()
        .filter_map(|key| Some((*key, settings.get(key)?.as_str()?)))
        .flat_map(|(key, lines)| {
            let why = format!("MkDocs' `{key}`, which its build leaves out");
            lines
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(move |l| (l.to_string(), why.clone()))
        })
        .collect();
    let custom = settings
        .get("theme")
        .and_then(|t| t.get("custom_dir")?.as_str());
    let Some(custom) = custom else {
        return out;
    };
    let folder = parent.join(custom.trim_start_matches("./").trim_end_matches('/'));
    let Ok(rel) = folder.strip_prefix(dir) else {
        return out;
    };
    let rel = rel.to_string_lossy().replace('\\', "/");
    if rel.is_empty() || rel.split('/').any(|p| p == ".." || p == ".") {
        return out;
    }
    let why = "the MkDocs theme's templates (`custom_dir` in mkdocs.yml), not pages";
    out.push((format!("/{rel}/"), why.to_string()));
    out
}

/// The folders pymdownx.snippets reads `--8<-- "file"` from on the MkDocs site whose
/// content folder is `dir`: its `base_path` in mkdocs.yml (a path or a list, from the
/// folder holding mkdocs.yml; Knative's `docs/snippets`), else that folder, its
/// default; empty on another site.
pub fn snippet_bases(dir: &Path) -> Vec<PathBuf> {
    let (Some(settings), Some(parent)) = (site_settings(dir), dir.parent()) else {
        return Vec::new();
    };
    let base = options(&settings, "pymdownx.snippets").and_then(|o| o.get("base_path"));
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

/// The settings in `file`, read as YAML (MkDocs' own tags, `!ENV` and
/// `!!python/name:…`, read as the values they tag), over those of the file its
/// `INHERIT` names (from its folder), as MkDocs reads them; `depth` counts the files
/// below, so a loop of them ends.
fn settings(file: &Path, depth: usize) -> Option<serde_yaml::Value> {
    let text = std::fs::read_to_string(file).ok()?;
    let mut value = super::yaml::settings_keeping_last(&text)?;
    let inherit = value
        .get("INHERIT")
        .and_then(|v| v.as_str())
        .map(PathBuf::from);
    if let (Some(inherit), true) = (inherit, depth < 8) {
        let base = file.parent().map(|p| p.join(&inherit));
        if let Some(base) = base.and_then(|b| settings(&b, depth + 1)) {
            value = merge(base, value);
        }
    }
    Some(value)
}

/// The settings files of the MkDocs site whose content folder is `dir` (see
/// [`config_files`]), each followed by the files its `INHERIT` names in turn, every
/// file once.
fn settings_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    for file in config_files(dir) {
        let mut next = Some(file);
        while let Some(file) = next.take().filter(|f| !files.contains(f)) {
            next = std::fs::read_to_string(&file)
                .ok()
                .and_then(|text| super::yaml::settings_keeping_last(&text))
                .and_then(|v| Some(file.parent()?.join(v.get("INHERIT")?.as_str()?)));
            files.push(file);
        }
    }
    files
}

/// `over` merged onto `base` as MkDocs merges an `INHERIT`ed file: tables key by key,
/// the extensions' and plugins' lists one after the other, any other value `over`'s.
fn merge(base: serde_yaml::Value, over: serde_yaml::Value) -> serde_yaml::Value {
    use serde_yaml::Value;
    match (base, over) {
        (Value::Mapping(mut base), Value::Mapping(over)) => {
            for (key, value) in over {
                let listed = matches!(key.as_str(), Some("markdown_extensions" | "plugins"));
                let merged = match (base.remove(&key), value) {
                    (Some(Value::Sequence(mut a)), Value::Sequence(b)) if listed => {
                        a.extend(b);
                        Value::Sequence(a)
                    }
                    (Some(old), value) => merge(old, value),
                    (None, value) => value,
                };
                base.insert(key, merged);
            }
            Value::Mapping(base)
        }
        (_, over) => over,
    }
}

/// Orders and titles the pages of an MkDocs site's `nav` (see the module's note). A
/// site without one lists every page, as MkDocs does: each folder's pages by file name
/// (its index first), before the folders in it, or as its `.pages` files say.
pub fn apply_nav(dir: &Path, sources: &mut [Source]) {
    let Some(settings) = site_settings(dir) else {
        return;
    };
    let mut listed = Vec::new();
    match settings.get("nav") {
        Some(nav) => {
            nav_pages(nav, &mut listed);
            nav_sections::label_folders(nav, &mut listed);
        }
        None if awesome_pages::options(&settings).is_some() => {
            listed = arranged(dir, &settings, sources).listed;
        }
        None => {
            let mut pages: Vec<&Path> = sources.iter().map(|s| s.rel.as_path()).collect();
            pages.sort_by_cached_key(|rel| {
                let stem = rel.file_stem().unwrap_or_default().to_string_lossy();
                let index = stem == "index" || stem.eq_ignore_ascii_case("readme");
                (
                    rel.parent().map(Path::to_path_buf),
                    !index,
                    rel.to_path_buf(),
                )
            });
            listed = pages.into_iter().map(|p| (p.to_path_buf(), None)).collect();
        }
    }
    super::contents::apply(sources, listed, super::contents::ListTitle::First);
}

/// The navigation mkdocs-awesome-pages-plugin's `.pages` files give the pages of the
/// MkDocs site whose content folder is `dir` (see `mkdocs/awesome_pages.rs`); none
/// where the site does not run the plugin, or gives a `nav`.
fn arranged(
    dir: &Path,
    settings: &serde_yaml::Value,
    sources: &[Source],
) -> awesome_pages::Arrangement {
    let Some(options) = awesome_pages::options(settings) else {
        return Default::default();
    };
    let pages: Vec<&Path> = sources.iter().map(|s| s.rel.as_path()).collect();
    awesome_pages::arrange(dir, &pages, &options)
}

/// The titles and places `nav`'s sections (see `mkdocs/nav_sections.rs`), or else
/// `.pages` files (see [`arranged`]), give the folders of the MkDocs site whose
/// content folder is `dir`, by their paths from it.
pub(super) fn folder_labels(
    dir: &Path,
    sources: &[Source],
) -> Vec<(PathBuf, super::folder_labels::FolderLabel)> {
    let Some(settings) = site_settings(dir) else {
        return Vec::new();
    };
    match settings.get("nav") {
        Some(nav) => {
            let mut listed = Vec::new();
            nav_pages(nav, &mut listed);
            nav_sections::label_folders(nav, &mut listed)
        }
        None => arranged(dir, &settings, sources).folders,
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

    #[test]
    fn inherited_settings_merge_and_macros_are_found_in_a_list_or_a_table() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        assert!(!is_site(&docs));
        write(
            "mkdocs-base.yml",
            "site_name: A\ntheme:\n  name: material\n  palette: dark\nplugins:\n  - search\n",
        );
        write(
            "mkdocs-site.yml",
            "INHERIT: mkdocs-base.yml\ntheme:\n  palette: light\nplugins:\n  - macros\n",
        );
        assert!(is_site(&docs) && runs_macros(&docs));
        let settings = site_settings(&docs).unwrap();
        assert_eq!(settings["theme"]["name"], "material");
        assert_eq!(settings["theme"]["palette"], "light");
        // mkdocs-base.yml is read once, in the file inheriting it.
        assert_eq!(settings["plugins"].as_sequence().unwrap().len(), 2);
        // mkdocs.yml, when there is one, is the settings; a loop of INHERITs ends.
        write(
            "mkdocs.yml",
            "INHERIT: mkdocs.yml\nplugins:\n  search: {}\n",
        );
        assert!(is_site(&docs) && !runs_macros(&docs));
        write("mkdocs.yml", "plugins:\n  search:\n  macros:\n");
        assert!(runs_macros(&docs));
    }

    #[test]
    fn cross_references_are_read_where_autorefs_runs_or_snippets_append_definitions() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        let write = |text: &str| std::fs::write(dir.path().join("mkdocs.yml"), text).unwrap();
        for (settings, read) in [
            ("site_name: r\n", false),
            ("site_name: r\nplugins:\n  - search\n", false),
            ("plugins:\n  - search\n  - autorefs\n", true),
            (
                "plugins:\n  search:\n  mkdocstrings:\n    handlers: {}\n",
                true,
            ),
            (
                "plugins:\n  - mkdocstrings:\n      default_handler: python\n",
                true,
            ),
            (
                "markdown_extensions:\n  - pymdownx.snippets:\n      auto_append: [links.md]\n",
                true,
            ),
            (
                "markdown_extensions:\n  pymdownx.snippets:\n    base_path: docs\n",
                false,
            ),
        ] {
            write(settings);
            assert_eq!(reads_cross_references(&docs), read, "{settings}");
        }
    }
}
