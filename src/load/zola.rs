//! Zola's own front matter keys. What maps onto attune is read where attune has the
//! feature (`render`, `draft`, `aliases`, `path`, `sort_by`, `transparent`,
//! `redirect_to`, `in_search_index`: see `FrontMatter`); the keys that only drive
//! Zola's templates (`template`, `page_template`, `paginate_by`, `insert_anchor_links`,
//! `generate_feeds`, `[extra]`, …) are accepted without a warning on a Zola site: a
//! site that is not Hugo's with Zola's `config.toml` (any front matter: Zola reads YAML
//! too), or a file with TOML (`+++`) front matter there.

use super::spans::{Spans, Step};
use super::Source;

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
        });
    }
    entries
}
