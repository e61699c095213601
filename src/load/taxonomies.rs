//! Hugo's and Zola's taxonomies other than `tags`, which attune has of its own: the
//! `categories` every Hugo site has unless its configuration says otherwise, and
//! those a site declares (Hugo's `[taxonomies] author = "authors"`, Zola's
//! `taxonomies = [{name = "categories"}]`). Each gets, as the site's own tool writes
//! them, a page listing its terms (`/categories/`) and one page per term listing its
//! pages (`/categories/anxiety/`), so links written to them lead somewhere; see
//! `site/terms.rs`.

use super::Source;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// The names (Hugo's plurals: `categories`, `authors`) of the site's taxonomies other
/// than `tags`: on a Zola site those its `config.toml` declares; on a Hugo site those
/// its configuration sets (`taxonomies`, or `config/_default/taxonomies.*`), else
/// Hugo's default `categories`, and none when it turns term pages off
/// (`disableKinds = ["term"]`); on any other site none.
pub fn names(root: &Path, dir: &Path, sources: &[Source]) -> Vec<String> {
    let names = if super::is_hugo(root, dir) {
        let (mut names, complete) = hugo_names(root, dir);
        if !complete {
            names.extend(text_folders(sources));
        }
        names
    } else if super::is_zola(root, dir) {
        zola_names(root, dir)
    } else {
        Vec::new()
    };
    let mut names: Vec<String> = (names.into_iter())
        .map(|n| n.trim().trim_matches('/').to_string())
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case("tags") && !n.contains('/'))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The Hugo site's taxonomies, and whether its configuration says them all (it
/// declares them, with no `_merge` of a theme's).
fn hugo_names(root: &Path, dir: &Path) -> (Vec<String>, bool) {
    let settings = super::hugo_params::settings(root, dir);
    let off = settings.iter().any(|map| {
        let kinds = key(map, "disableKinds").and_then(Value::as_array);
        kinds.is_some_and(|kinds| {
            (kinds.iter().filter_map(Value::as_str)).any(|k| k.eq_ignore_ascii_case("term"))
        })
    });
    if off {
        return (Vec::new(), true);
    }
    let declared = settings
        .iter()
        .find_map(|map| key(map, "taxonomies").and_then(Value::as_object).cloned())
        .or_else(|| super::hugo_params::settings_file(root, dir, "taxonomies"));
    // `_merge` and Hugo's other directives are no taxonomies: with only those, the
    // site takes the default's (and its theme's, found by `text_folders`).
    let merged = declared.as_ref().is_some_and(|m| m.contains_key("_merge"));
    let declared: Option<Vec<String>> = declared.map(|map| {
        (map.iter())
            .filter(|(k, _)| !k.starts_with('_'))
            .filter_map(|(_, v)| v.as_str().map(str::to_string))
            .collect()
    });
    match declared {
        Some(names) if !names.is_empty() => (names, !merged),
        _ => (vec!["categories".to_string()], false),
    }
}

/// The taxonomies a Hugo site may have where attune cannot read them (its own
/// configuration declares none, or merges its theme's, in a module not in the
/// repository) and whose pages it gives text: a
/// top-level folder holding only `_index` files (`series/_index.md`,
/// `series/copilot-experiments/_index.md`: Hugo's text for the taxonomy's list and its
/// terms' pages) whose name is a front matter key of a page (`series: [...]`).
fn text_folders(sources: &[Source]) -> Vec<String> {
    let mut folders: BTreeMap<String, bool> = BTreeMap::new();
    for source in sources {
        let mut parts = source.rel.iter();
        let (Some(top), Some(_)) = (parts.next(), parts.clone().next()) else {
            continue;
        };
        let only_text =
            (source.rel.file_stem()).is_some_and(|s| s.to_string_lossy().starts_with("_index"));
        let folder = folders
            .entry(top.to_string_lossy().into_owned())
            .or_insert(true);
        *folder &= only_text;
    }
    let used = |name: &str| {
        (sources.iter()).any(|s| {
            s.front
                .unknown_keys
                .iter()
                .any(|k| k.name.eq_ignore_ascii_case(name))
        })
    };
    // Hugo's own keys (`resources:`, a bundle's files' names) are never a taxonomy's:
    // fluxcd's `resources/_index.md` is a page of its own.
    (folders.into_iter())
        .filter(|(name, only_text)| {
            *only_text && used(name) && !super::unknown_keys::hugo_key(name)
        })
        .map(|(name, _)| name)
        .collect()
}

fn zola_names(root: &Path, dir: &Path) -> Vec<String> {
    let config = super::zola::settings(root, dir).map(|(table, _)| table);
    let Some(list) = config
        .as_ref()
        .and_then(|c| c.get("taxonomies")?.as_array())
    else {
        return Vec::new();
    };
    (list.iter())
        .filter_map(|t| Some(t.get("name")?.as_str()?.to_string()))
        .collect()
}

/// The terms a page's front matter (`front_matter`: its file up to the body) gives
/// each of `names`: Hugo's at the top level under the taxonomy's name in any case
/// (`categories: [Anxiety]`, or one word), Zola's in its `[taxonomies]` table. Only
/// taxonomies with a term are returned, each with its terms as written, once each.
pub fn terms(front_matter: &str, names: &[String]) -> Vec<(String, Vec<String>)> {
    if names.is_empty() {
        return Vec::new();
    }
    let lower = front_matter.to_lowercase();
    if !names.iter().any(|n| lower.contains(&n.to_lowercase())) {
        return Vec::new();
    }
    let Some(Value::Object(front)) = super::hugo_params::front_values(front_matter) else {
        return Vec::new();
    };
    let zola = key(&front, "taxonomies").and_then(Value::as_object);
    let mut found = Vec::new();
    for name in names {
        let value = key(&front, name).or_else(|| zola.and_then(|t| key(t, name)));
        let mut terms: Vec<String> = Vec::new();
        let mut add = |v: &Value| {
            let term = match v {
                Value::String(s) => s.trim().to_string(),
                Value::Number(n) => n.to_string(),
                _ => return,
            };
            if !term.is_empty() && !terms.contains(&term) {
                terms.push(term);
            }
        };
        match value {
            Some(Value::Array(list)) => list.iter().for_each(&mut add),
            Some(one) => add(one),
            None => {}
        }
        if !terms.is_empty() {
            found.push((name.clone(), terms));
        }
    }
    found
}

/// The value of `name` in `map`, in any case, as Hugo reads its keys.
fn key<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    (map.iter())
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_read_from_the_top_or_from_zolas_table() {
        let names = vec!["categories".to_string(), "authors".to_string()];
        let hugo = "---\ntitle: A\nCategories: [Anxiety, Sleep, Anxiety]\nauthors: Jo\n---\n";
        assert_eq!(
            terms(hugo, &names),
            vec![
                ("categories".into(), vec!["Anxiety".into(), "Sleep".into()]),
                ("authors".into(), vec!["Jo".into()]),
            ]
        );
        let zola = "+++\ntitle = \"A\"\n[taxonomies]\ncategories = [\"Grief\"]\n+++\n";
        assert_eq!(
            terms(zola, &names),
            vec![("categories".into(), vec!["Grief".into()])]
        );
        assert!(terms("---\ntitle: A\n---\n", &names).is_empty());
        assert!(terms("---\ncategories: []\n---\n", &names).is_empty());
    }
}
