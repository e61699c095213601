//! Hugo's `cascade`: front matter a section's `_index.md` (or any page's) hands down to
//! the pages below it. attune reads what decides whether a page is published —
//! `draft`, `headless`, `build` (`_build`), `publishDate`, `expiryDate` — so a section cascading
//! `draft: true` stays out of the site, as in Hugo; the other cascaded keys (at the
//! top of an entry or under its `params:`) are kept per page for the `param`
//! shortcode, a page's own key first, then the nearest cascade's, as `.Param` reads
//! them; they are not otherwise used, and draw no warning. An entry with `_target`
//! (or `target`) applies to the pages its `path` glob and `kind` select.

use super::build_options::BuildOptions;
use super::spans::{Spans, Step};
use super::{Date, Source};
use serde::Deserialize;

/// `cascade:` as written: one entry, or a list of them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(from = "OneOrMany")]
pub struct Cascade(pub Vec<Entry>);

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    Many(Vec<Entry>),
    One(Entry),
}

impl From<OneOrMany> for Cascade {
    fn from(v: OneOrMany) -> Self {
        match v {
            OneOrMany::Many(entries) => Cascade(entries),
            OneOrMany::One(entry) => Cascade(vec![entry]),
        }
    }
}

/// One cascade entry: the keys attune reads, and which pages it is for.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Entry {
    #[serde(default, deserialize_with = "flag")]
    draft: Option<bool>,
    #[serde(default, deserialize_with = "flag")]
    headless: Option<bool>,
    #[serde(alias = "_build")]
    build: Option<BuildOptions>,
    #[serde(rename = "publishDate", alias = "publishdate", alias = "pubdate")]
    publish_date: Option<Date>,
    #[serde(rename = "expiryDate", alias = "expirydate", alias = "unpublishdate")]
    expiry_date: Option<Date>,
    #[serde(rename = "_target", alias = "target")]
    target: Option<Target>,
    /// Every other key, for the `param` shortcode.
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct Target {
    path: Option<String>,
    kind: Option<String>,
}

fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    super::front::flag(d).map(Some)
}

/// Hands each source the cascaded keys of the sources above it that it does not set
/// itself, the nearest cascade first; the site configuration's `cascade` (`site`) is
/// the home page's, after its own.
pub(super) fn apply(sources: &mut [Source], site: Option<Cascade>) {
    let mut cascades: Vec<(String, Cascade)> = sources
        .iter()
        .filter_map(|s| Some((folder_of_index(s)?, s.front.cascade.clone()?)))
        .collect();
    cascades.extend(site.map(|c| (String::new(), c)));
    if cascades.is_empty() {
        return;
    }
    for source in sources.iter_mut() {
        let path = page_path(source);
        let section = is_section(source);
        let own_folder = folder_of_index(source);
        let mut above: Vec<&(String, Cascade)> = cascades
            .iter()
            .filter(|(folder, _)| {
                own_folder.as_deref() != Some(folder.as_str())
                    && (folder.is_empty() || path.starts_with(&format!("/{folder}/")))
            })
            .collect();
        // The nearest (deepest) first.
        above.sort_by_key(|(folder, _)| std::cmp::Reverse(folder.len()));
        let entries: Vec<&Entry> = above
            .iter()
            .flat_map(|(_, c)| c.0.iter())
            .filter(|e| e.target.as_ref().is_none_or(|t| t.selects(&path, section)))
            .collect();
        if entries.is_empty() {
            continue;
        }
        let spans = Spans::front_matter(&source.text[..source.body_start]);
        let own = |key: &str| spans.key(&[Step::key(key)]).is_some();
        let front = &mut source.front;
        // Nearest first: a key a nearer cascade sets is not replaced, tables merged.
        let mut params = serde_json::Map::new();
        for entry in &entries {
            super::hugo_params::merge(&mut params, entry.rest.clone());
        }
        front.cascaded = (!params.is_empty()).then_some(serde_json::Value::Object(params));
        if !own("draft") {
            if let Some(draft) = entries.iter().find_map(|e| e.draft) {
                front.draft = draft;
            }
        }
        if !own("headless") {
            if let Some(headless) = entries.iter().find_map(|e| e.headless) {
                front.headless = headless;
            }
        }
        if front.build.is_none() {
            front.build = entries.iter().find_map(|e| e.build.clone());
        }
        if front.publish_date.is_none() {
            front.publish_date = entries.iter().find_map(|e| e.publish_date);
        }
        if front.expiry_date.is_none() {
            front.expiry_date = entries.iter().find_map(|e| e.expiry_date);
        }
    }
}

impl Target {
    /// Whether a page at `path` (`/blog/post`), a section's text or not, is one this
    /// target names: its `path` glob (`*` within a folder, `**` across folders) and its
    /// `kind` (`page`, `section`; `home` the top section).
    fn selects(&self, path: &str, section: bool) -> bool {
        let kind = match self.kind.as_deref().map(str::to_ascii_lowercase).as_deref() {
            None | Some("") => true,
            Some("page") => !section,
            Some("section") => section && path != "/",
            Some("home") => section && path == "/",
            Some(_) => false,
        };
        kind && self.path.as_deref().is_none_or(|glob| {
            crate::config::page_glob(&glob.trim().to_lowercase(), &path.to_lowercase())
        })
    }
}

/// The page's path as Hugo's `_target.path` reads it: `/blog/post` for
/// `blog/post.md` or `blog/post/index.md`, `/blog` for `blog/_index.md`, `/` for the
/// top one.
fn page_path(source: &Source) -> String {
    let rel = source.rel.to_string_lossy().replace('\\', "/");
    let without = rel.rsplit_once('.').map_or(rel.as_str(), |(stem, _)| stem);
    let path = without
        .strip_suffix("_index")
        .or_else(|| without.strip_suffix("index"))
        .unwrap_or(without)
        .trim_end_matches('/');
    format!("/{path}")
}

fn is_section(source: &Source) -> bool {
    (source.rel.file_stem()).is_some_and(|s| s == "_index")
}

/// The folder a section's `_index.md` stands for (`""` at the top), whose pages its
/// cascade reaches.
fn folder_of_index(source: &Source) -> Option<String> {
    is_section(source).then(|| page_path(source).trim_start_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_select_pages_as_hugos_page_matchers_do() {
        let target = |path: &str, kind: Option<&str>| Target {
            path: Some(path.into()),
            kind: kind.map(Into::into),
        };
        assert!(target("/blog/**", None).selects("/blog/2024/post", false));
        assert!(target("/blog/*", None).selects("/blog/Post", false));
        assert!(!target("/blog/*", None).selects("/blog/2024/post", false));
        assert!(target("**", Some("home")).selects("/", true));
        assert!(!target("/docs/**", None).selects("/blog/post", false));
        // opentelemetry.io's `_includes` folders, at any depth, and what is in them.
        let includes = target("{,/**}/_includes{,/**}", None);
        assert!(includes.selects("/_includes/page-drifted-msg", false));
        assert!(includes.selects("/ecosystem/_includes", true));
        assert!(includes.selects("/ecosystem/_includes/keep-up-to-date", false));
        assert!(!includes.selects("/ecosystem/registry", false));
    }
}
