//! Zola's own front matter keys. What maps onto attune is read where attune has the
//! feature (`render`, `draft`, `aliases`, `path`, `sort_by`, `transparent`,
//! `redirect_to`, `in_search_index`: see `FrontMatter`); the keys that only drive
//! Zola's templates (`template`, `page_template`, `paginate_by`, `insert_anchor_links`,
//! `generate_feeds`, `[extra]`, …) are accepted without a warning on a Zola site: a
//! site that is not Hugo's with Zola's `config.toml` (any front matter: Zola reads YAML
//! too), or a file with TOML (`+++`) front matter there.

use super::spans::{Spans, Step};
use super::Source;
use std::path::{Path, PathBuf};

/// Zola's page and section front matter keys that attune has no use for.
const TEMPLATE_KEYS: [&str; 10] = [
    "template",
    "page_template",
    "paginate_by",
    "paginate_path",
    "paginate_reversed",
    "insert_anchor_links",
    "generate_feeds",
    "generate_feed",
    "extra",
    "authors",
];

/// Whether `key` (a dotted path: `extra.toc`) is one of Zola's keys for its templates.
pub fn template_key(key: &str) -> bool {
    let top = key.split('.').next().unwrap_or(key);
    TEMPLATE_KEYS.contains(&top)
}

/// Whether the file's front matter is TOML, between `+++` lines, as Zola writes it.
pub fn toml_front(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').starts_with("+++")
}

/// Zola's `in_search_index = false` in a section's `_index.md` keeps the section and
/// the pages directly in it out of the search index (a page's own setting wins), as
/// Zola's search index leaves them out.
pub(super) fn hand_down_search_index(sources: &mut [Source]) {
    let hidden: Vec<std::path::PathBuf> = sources
        .iter()
        .filter(|s| s.rel.file_stem().is_some_and(|n| n == "_index"))
        .filter(|s| s.front.in_search_index == Some(false))
        .filter_map(|s| Some(s.rel.parent()?.to_path_buf()))
        .collect();
    if hidden.is_empty() {
        return;
    }
    for source in sources.iter_mut() {
        let Some(folder) = source.rel.parent() else {
            continue;
        };
        // A bundle's `index.md` is a page of the folder its bundle sits in.
        let bundle = source.rel.file_stem().is_some_and(|n| n == "index");
        let folder = match folder.parent() {
            Some(up) if bundle => up,
            _ => folder,
        };
        if source.front.in_search_index.is_none() && hidden.iter().any(|h| h == folder) {
            source.front.in_search_index = Some(false);
        }
    }
}

/// Zola's `redirect_to` in the `_index.md` of a section that holds no pages (at any
/// depth): Zola publishes a redirect at the section's address, and attune, which has
/// no hub there, does too, as a `[redirects]` entry from `/section/` to the target
/// (from the site's root, as Zola reads it; `@/x.md` names that file; another site's
/// address is not written, as for any redirect). A section with pages keeps its hub
/// page at that address, which lists them.
pub(super) fn section_redirects(sources: &[Source]) -> Vec<crate::config::Entry> {
    let mut entries = Vec::new();
    for source in sources {
        let Some(target) = source.front.redirect_to.as_deref().map(str::trim) else {
            continue;
        };
        if source.rel.file_stem().is_none_or(|n| n != "_index") {
            continue;
        }
        let folder = source.rel.parent().unwrap_or(std::path::Path::new(""));
        let others = sources
            .iter()
            .any(|s| s.rel != source.rel && s.rel.starts_with(folder));
        if others || target.is_empty() {
            continue;
        }
        let folder = folder.to_string_lossy().replace('\\', "/");
        let value = match target.strip_prefix('@') {
            Some(file) => file.to_string(),
            None if target.contains("://") || target.starts_with('/') => target.to_string(),
            None => format!("/{target}"),
        };
        let at = Spans::front_matter(&source.text[..source.body_start])
            .key(&[Step::key("redirect_to")])
            .unwrap_or((1, 1));
        entries.push(crate::config::Entry {
            key: format!("/{folder}/").replace("//", "/"),
            value,
            at,
            value_at: at,
            file: source.path.clone(),
            host: false,
        });
    }
    entries
}

/// Zola's site settings: its `config.toml` (or `zola.toml`) setting `base_url`, as
/// Zola requires, in the site's folder or beside the content folder `dir`, with the
/// file read; `None` on another site. Only a regular file is read.
pub(super) fn settings(root: &Path, dir: &Path) -> Option<(toml::Table, PathBuf)> {
    [Some(root), dir.parent()]
        .into_iter()
        .flatten()
        .flat_map(|f| [f.join("config.toml"), f.join("zola.toml")])
        .filter(|path| path.is_file())
        .find_map(|path| {
            let table = std::fs::read_to_string(&path)
                .ok()?
                .parse::<toml::Table>()
                .ok()?;
            table.contains_key("base_url").then_some((table, path))
        })
}

/// Zola's `ignored_content` (its site settings, in the site's folder or beside the
/// content folder) as patterns of `[build] exclude`, each with where it is set. Zola
/// matches each glob against a file's whole path, `*` reaching across folders, so a
/// glob opening with `*/` or `**/` (`*/README.md`) names the file at any depth, and so
/// does one with no folder in it (`*.txt`, `temp.*`); a file left out is never read
/// nor published, as Zola neither renders nor copies it.
pub fn patterns(root: &Path, dir: &Path) -> Vec<(String, String)> {
    let settings = settings(root, dir);
    let Some((table, path)) = settings else {
        return Vec::new();
    };
    let Some(globs) = table.get("ignored_content").and_then(|g| g.as_array()) else {
        return Vec::new();
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let why = format!("Zola's `ignored_content` ({name}), which Zola neither renders nor copies");
    (globs.iter())
        .filter_map(|g| g.as_str())
        .filter_map(as_exclude_pattern)
        .map(|pattern| (pattern, why.clone()))
        .collect()
}

/// The `[build] exclude` pattern that leaves out what Zola's glob `glob` does.
fn as_exclude_pattern(glob: &str) -> Option<String> {
    let mut rest = glob.trim();
    while let Some(after) = rest.strip_prefix("*/").or_else(|| rest.strip_prefix("**/")) {
        rest = after;
    }
    let rest = rest.trim_start_matches('/');
    match rest {
        "" | "*" | "**" => None,
        _ if rest.contains('/') => Some(format!("**/{rest}")),
        _ => Some(rest.to_string()),
    }
}
