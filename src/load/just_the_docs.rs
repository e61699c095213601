//! Just the Docs, the Jekyll documentation theme: the callouts a site's `_config.yml`
//! names (`callouts: { warning: { title: Warning, color: red } }`), which a kramdown
//! class line gives a paragraph or a quote (`{: .warning }`, see
//! `markdown/kramdown_callouts.rs`); and its navigation, which lists every page with a
//! `title` but those marked `nav_exclude: true`, in `nav_order` (read as `order`),
//! then by title, as attune's contents order them.

use super::Source;
use std::path::Path;

/// Whether the Jekyll site whose source folder is `dir` (its pages `sources`) is
/// drawn with Just the Docs: its `_config.yml` names it as its `theme`
/// (`just-the-docs`, the gem) or `remote_theme` (`just-the-docs/just-the-docs@v0.10.0`),
/// the folder is the theme's own repository (`just-the-docs.gemspec`), whose docs it
/// draws, or it uses a fork of the theme under another name (see [`uses_theme`]).
pub fn is_theme(dir: &Path, sources: &[Source]) -> bool {
    let Some(("Jekyll", config)) = super::jekyll::tool(dir) else {
        return false;
    };
    names_theme(dir, &super::jekyll::settings(&config)) || uses_theme(dir, sources)
}

/// Whether the `_config.yml` `settings` of the Jekyll site at `dir` name Just the Docs
/// (see [`is_theme`]).
fn names_theme(dir: &Path, settings: &serde_yaml::Value) -> bool {
    ["theme", "remote_theme"].iter().any(|key| {
        (settings.get(key).and_then(|v| v.as_str()))
            .is_some_and(|v| theme_name(v) == "just-the-docs")
    }) || dir.join("just-the-docs.gemspec").is_file()
}

/// Whether a Jekyll site is drawn with a fork of Just the Docs its settings name
/// otherwise (UBC Library's `remote_theme: ubc-library-rc/rc-theme`, whose own
/// `_config.yml` is titled "Just the Docs"): the site holds the theme's script
/// (`assets/js/just-the-docs.js`), or a page's front matter writes the theme's
/// `nav_order` together with one of its nesting keys (`parent`, `grand_parent`,
/// `has_children`, `nav_exclude`), which only Just the Docs reads so.
fn uses_theme(dir: &Path, sources: &[Source]) -> bool {
    let writes = |head: &str, key: &str| {
        head.lines()
            .any(|line| line.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
    };
    let nesting = ["parent", "grand_parent", "has_children", "nav_exclude"];
    dir.join("assets/js/just-the-docs.js").is_file()
        || sources.iter().any(|source| {
            let head = source.text.get(..source.body_start).unwrap_or_default();
            writes(head, "nav_order") && nesting.iter().any(|key| writes(head, key))
        })
}

/// The theme a `theme` or `remote_theme` value names, its owner and version left out
/// (`just-the-docs/just-the-docs@v0.10.0` is `just-the-docs`).
fn theme_name(value: &str) -> &str {
    let value = value.trim();
    let named = value.split('@').next().unwrap_or(value);
    named.rsplit('/').next().unwrap_or(named)
}

/// On a Just the Docs site (see [`is_theme`]), every page with a `title` and no
/// `nav_exclude: true` is in the theme's navigation, so in the site's contents, never
/// an orphan. In the theme's order: a number `nav_order` first, then the others by
/// their `nav_order` written as text, else their title, together, as written (capitals
/// first) or, with `nav_sort: case_insensitive` in `_config.yml`, in any case.
pub(super) fn list_navigation(dir: &Path, sources: &mut [Source]) {
    let Some(("Jekyll", config)) = super::jekyll::tool(dir) else {
        return;
    };
    let settings = super::jekyll::settings(&config);
    if !names_theme(dir, &settings) && !uses_theme(dir, sources) {
        return;
    }
    let any_case = (settings.get("nav_sort").and_then(|v| v.as_str()))
        .is_some_and(|v| v.trim() == "case_insensitive");
    for source in sources {
        let front = &mut source.front;
        let key = front.nav_key.take().or_else(|| front.title.clone());
        front.nav_key = key.map(|k| if any_case { k.to_lowercase() } else { k });
        if front.title.is_some() && !nav_excluded(&source.text[..source.body_start]) {
            front.in_contents = true;
        }
    }
}

/// Whether the front matter `head` (as written, between its `---` lines) sets
/// `nav_exclude: true`.
fn nav_excluded(head: &str) -> bool {
    head.lines().any(|line| {
        let Some(value) = line.strip_prefix("nav_exclude:") else {
            return false;
        };
        let value = value.split(" #").next().unwrap_or(value).trim();
        value.eq_ignore_ascii_case("true")
    })
}

/// A callout a Just the Docs site names: the class that makes a block one, and the
/// title the theme shows above it (none: the block is only coloured).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Callout {
    pub class: String,
    pub title: Option<String>,
}

/// The callouts `_config.yml` names under `callouts:` on the Jekyll site whose source
/// folder is `dir`, in the order written; none on another site.
pub fn callouts(dir: &Path) -> Vec<Callout> {
    let Some(("Jekyll", config)) = super::jekyll::tool(dir) else {
        return Vec::new();
    };
    let settings = super::jekyll::settings(&config);
    let Some(map) = settings.get("callouts").and_then(|c| c.as_mapping()) else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(class, value)| {
            let class = class.as_str()?.to_string();
            let title = value.get("title").and_then(|t| match t {
                serde_yaml::Value::String(s) => Some(s.clone()),
                serde_yaml::Value::Number(n) => Some(n.to_string()),
                _ => None,
            });
            Some(Callout { class, title })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_is_named_with_or_without_its_owner_and_version() {
        for value in [
            "just-the-docs",
            "just-the-docs/just-the-docs",
            " just-the-docs/just-the-docs@v0.10.0",
            "pmarsceill/just-the-docs",
        ] {
            assert_eq!(theme_name(value), "just-the-docs", "{value}");
        }
        assert_eq!(theme_name("minima"), "minima");
    }

    #[test]
    fn nav_exclude_true_leaves_a_page_out() {
        assert!(nav_excluded(
            "---\ntitle: A\nnav_exclude: true # hidden\n---\n"
        ));
        assert!(!nav_excluded("---\ntitle: A\nnav_exclude: false\n---\n"));
        assert!(!nav_excluded("---\ntitle: A\n---\n"));
    }
}
