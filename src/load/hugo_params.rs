//! Hugo's site parameters, `[params]` in its configuration, which the `param`
//! shortcode reads when the page's own front matter does not set the key: from
//! `hugo.toml`, `hugo.yaml`, `hugo.json` (or `config.*`) in the site's folder or
//! beside the content folder, and from `config/_default/` (its `params.*` file holds
//! them at the top level), merged as Hugo merges them, the `config/` folder's first.
//! Also the settings there that decide what a build publishes (`buildDrafts`,
//! `buildFuture`, `buildExpired`, and the site's `cascade`).

use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// The site's `[params]`, as one JSON object; `None` when the site has no Hugo
/// configuration or it sets none.
pub fn site_params(root: &Path, dir: &Path) -> Option<Value> {
    let (default, configs) = configurations(root, dir)?;
    let mut params = Map::new();
    if let Some(Value::Object(map)) = read_any(&default, "params") {
        merge(&mut params, map);
    }
    for map in configs {
        let found = map
            .into_iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("params"));
        if let Some((_, Value::Object(p))) = found {
            merge(&mut params, p);
        }
    }
    (!params.is_empty()).then_some(Value::Object(params))
}

/// The `cascade` of the site's configuration, which Hugo hands down from the home page
/// (opentelemetry.io's `build: {render: never}` for every `_includes` folder); `None`
/// when it sets none or attune cannot read it.
pub fn site_cascade(root: &Path, dir: &Path) -> Option<super::cascade::Cascade> {
    let (_, configs) = configurations(root, dir)?;
    let value = configs.into_iter().find_map(|map| {
        map.into_iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("cascade"))
            .map(|(_, v)| v)
    })?;
    serde_json::from_value(value).ok()
}

/// What Hugo's own settings say a build publishes: `buildDrafts`, `buildFuture`,
/// `buildExpired` (any case), all off unless the configuration turns one on.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HugoBuild {
    /// Pages marked `draft: true` are published.
    pub drafts: bool,
    /// Pages whose `publishDate` (or `date`) is still to come are published.
    pub future: bool,
    /// Pages whose `expiryDate` has passed are published.
    pub expired: bool,
}

/// The site's [`HugoBuild`], from the configuration [`site_params`] reads (the
/// `config/` folder's first, as for `[params]`).
pub fn build_flags(root: &Path, dir: &Path) -> HugoBuild {
    let Some((_, configs)) = configurations(root, dir) else {
        return HugoBuild::default();
    };
    let on = |key: &str| {
        configs.iter().find_map(|map| {
            map.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .and_then(|(_, v)| v.as_bool())
        }) == Some(true)
    };
    HugoBuild {
        drafts: on("buildDrafts"),
        future: on("buildFuture"),
        expired: on("buildExpired"),
    }
}

/// Whether the site's configuration sets `disablePathToLower = true` (any case): Hugo
/// then publishes each page at its path in the letter case of its folders and file
/// (`Guide/0001.Two-Sum/`), where it otherwise lower-cases it.
pub fn keeps_path_case(root: &Path, dir: &Path) -> bool {
    settings(root, dir).iter().find_map(|map| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("disablePathToLower"))
            .and_then(|(_, v)| v.as_bool())
    }) == Some(true)
}

/// Output formats the site's configuration defines as HTML pages (`[outputFormats.Reveal]
/// isHTML = true`, or `mediaType = "text/html"`), named in a page's `outputs` in place of
/// `html`: amazon-archives/debug-k8s-apps' slides (`outputs = ["Reveal"]`) are its home
/// page, which Hugo writes. Each is read as `html`, the page attune writes.
pub fn read_html_outputs(root: &Path, dir: &Path, sources: &mut [super::Source]) {
    if sources.iter().all(|s| s.front.outputs.is_none()) {
        return;
    }
    let Some((_, configs)) = configurations(root, dir) else {
        return;
    };
    let formats = configs.iter().filter_map(|map| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("outputFormats"))
            .and_then(|(_, v)| v.as_object())
    });
    let is_html = |format: &Value| {
        let key = |name: &str| {
            (format.as_object()?.iter())
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v)
        };
        key("isHTML").and_then(Value::as_bool) == Some(true)
            || key("mediaType").and_then(Value::as_str) == Some("text/html")
    };
    let html: Vec<String> = formats
        .flat_map(|map| {
            map.iter()
                .filter(|(_, f)| is_html(f))
                .map(|(name, _)| name.clone())
        })
        .collect();
    for source in sources {
        for output in source.front.outputs.iter_mut().flatten() {
            if html.iter().any(|h| h.eq_ignore_ascii_case(output.trim())) {
                *output = "html".to_string();
            }
        }
    }
}

/// The delimiters of Hugo's passthrough extension, when the configuration turns it on
/// (`markup.goldmark.extensions.passthrough` with `enable: true`, as Hugo's documentation
/// advises for math): `(open, close, display)`, each pair as `delimiters.inline` and
/// `delimiters.block` list them. What stands between a pair is TeX the theme draws,
/// which Markdown leaves as written. None when it is off.
pub fn passthrough(root: &Path, dir: &Path) -> Vec<(String, String, bool)> {
    let Some((default, configs)) = configurations(root, dir) else {
        return Vec::new();
    };
    let key = |value: &Value, name: &str| {
        value
            .as_object()?
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let in_markup = |markup: Value| {
        let goldmark = key(&markup, "goldmark")?;
        key(&key(&goldmark, "extensions")?, "passthrough")
    };
    let own = read_any(&default, "markup").and_then(in_markup);
    let found = own.or_else(|| {
        configs
            .iter()
            .find_map(|map| in_markup(key(&Value::Object(map.clone()), "markup")?))
    });
    let Some(found) = found.filter(|p| key(p, "enable").and_then(|e| e.as_bool()) == Some(true))
    else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    let delimiters = key(&found, "delimiters");
    for (kind, display) in [("inline", false), ("block", true)] {
        let listed = delimiters.as_ref().and_then(|d| key(d, kind));
        for pair in listed
            .as_ref()
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some([open, close]) = pair.as_array().map(Vec::as_slice) {
                if let (Some(open), Some(close)) = (open.as_str(), close.as_str()) {
                    if !open.is_empty() && !close.is_empty() {
                        pairs.push((open.to_string(), close.to_string(), display));
                    }
                }
            }
        }
    }
    pairs
}

/// Hugo's languages whose pages lie in a folder of their own (`[languages.fr]
/// contentDir = "content/fr"`, or `config/_default/languages.*`), as `(code, folder)`
/// with the folder as a full path, and the language Hugo builds at the site root
/// (`defaultContentLanguage`, `"en"` unless set); no languages when none has a folder.
pub fn language_folders(root: &Path, dir: &Path) -> (Vec<(String, PathBuf)>, String) {
    let Some((default, configs)) = configurations(root, dir) else {
        return (Vec::new(), "en".into());
    };
    let site = default.parent().and_then(Path::parent).unwrap_or(root);
    let key = |map: &Map<String, Value>, name: &str| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let mut languages = Map::new();
    if let Some(Value::Object(map)) = read_any(&default, "languages") {
        merge(&mut languages, map);
    }
    for map in &configs {
        if let Some(Value::Object(more)) = key(map, "languages") {
            merge(&mut languages, more);
        }
    }
    let home = configs
        .iter()
        .find_map(|map| {
            key(map, "defaultContentLanguage")?
                .as_str()
                .map(str::to_string)
        })
        .unwrap_or_else(|| "en".into());
    // A language with no folder of its own reads the site's `contentDir`.
    let site_folder = configs
        .iter()
        .find_map(|map| key(map, "contentDir")?.as_str().map(str::to_string));
    if !languages.contains_key(&home) {
        languages.insert(home.clone(), Value::Object(Map::new()));
    }
    let mounts = content_mounts(&default, &configs);
    // A language's own `contentDir`, else the folder mounted at `content` for it
    // (`lang`) or for every language, else the site's `contentDir`.
    let folder_of = |code: &str, settings: &Value| {
        let own = settings.as_object().and_then(|s| key(s, "contentDir"));
        let mounted = || {
            let lang = |l: &Option<Vec<String>>| {
                l.as_ref()
                    .map(|l| l.iter().any(|l| l.eq_ignore_ascii_case(code)))
            };
            let with = mounts.iter().find(|(l, _)| lang(l) == Some(true));
            with.or_else(|| mounts.iter().find(|(l, _)| l.is_none()))
                .map(|(_, source)| source.clone())
        };
        let folder = match &own {
            Some(folder) => folder.as_str()?.to_string(),
            None => mounted().or_else(|| site_folder.clone())?,
        };
        let folder = folder.trim().trim_start_matches("./").trim_end_matches('/');
        (!folder.is_empty() && inside_site(folder)).then(|| site.join(folder))
    };
    let folders = languages
        .iter()
        .filter_map(|(code, settings)| Some((code.clone(), folder_of(code, settings)?)))
        .collect();
    (folders, home)
}

/// The site's `permalinks` as Hugo's configuration sets them, with the file that
/// sets them (from the site's folder) and its text: `config/_default/permalinks.*`
/// (which holds them at its top level), else the `permalinks` of
/// `config/_default/hugo.*` (or `config.*`), else of the site folder's.
pub fn site_permalinks(root: &Path, dir: &Path) -> Option<(PathBuf, String, Value)> {
    let folder = config_folder(root, dir)?;
    let default = folder.join("config").join("_default");
    let within = |(path, value, text): (PathBuf, Value, String), top: bool| {
        let value = match top {
            true => value,
            false => (value.as_object()?.iter())
                .find(|(k, _)| k.eq_ignore_ascii_case("permalinks"))?
                .1
                .clone(),
        };
        let shown = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        (!value.is_null()).then_some((shown, text, value))
    };
    read_file(&default, "permalinks")
        .and_then(|found| within(found, true))
        .or_else(|| {
            let config =
                |base: &Path| read_file(base, "hugo").or_else(|| read_file(base, "config"));
            config(&default)
                .and_then(|found| within(found, false))
                .or_else(|| config(folder).and_then(|found| within(found, false)))
        })
}

/// Mounts into `content`: the languages each is for (`None`, every one) and its source.
type Mounts = Vec<(Option<Vec<String>>, String)>;

/// The site's own module mounts into `content` (`[[module.mounts]]`, or `mounts` in
/// `config/_default/module.*`), as `(languages, source)`: a site that keeps its
/// languages' pages in `content/en` and `content/fr` mounts each at `content` with its
/// `lang`, or (Hugo 0.150's sites) its `sites: { matrix: { languages: [en, fr] } }`
/// (docsy.dev: `content/fr` for `fr`, then `content/en` for both); `None` for every
/// language.
fn content_mounts(default: &Path, configs: &[Map<String, Value>]) -> Mounts {
    let get = |value: &Value, name: &str| {
        let map = value.as_object()?;
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let modules = configs
        .iter()
        .filter_map(|map| map.iter().find(|(k, _)| k.eq_ignore_ascii_case("module")))
        .map(|(_, module)| module.clone())
        .chain(read_any(default, "module"));
    let mut found = Vec::new();
    for module in modules {
        let Some(Value::Array(mounts)) = get(&module, "mounts") else {
            continue;
        };
        for mount in &mounts {
            let text = |name: &str| get(mount, name)?.as_str().map(str::to_string);
            let target = text("target").unwrap_or_default();
            if target.trim().trim_matches('/') != "content" {
                continue;
            }
            if let Some(source) = text("source") {
                let source = source.trim().trim_start_matches("./").trim_end_matches('/');
                let matrix = get(mount, "sites")
                    .and_then(|sites| get(&sites, "matrix"))
                    .and_then(|matrix| get(&matrix, "languages"));
                let languages = match matrix {
                    Some(Value::Array(list)) => Some(
                        list.iter()
                            .filter_map(|l| l.as_str().map(str::to_string))
                            .collect(),
                    ),
                    Some(Value::String(one)) => Some(vec![one]),
                    _ => text("lang").map(|lang| vec![lang]),
                };
                if inside_site(source) {
                    found.push((languages, source.to_string()));
                }
            }
        }
    }
    found
}

/// The Hugo site's `config/_default/` folder and its configuration tables, that
/// folder's `hugo.*` (or `config.*`) first, then the site folder's; `None` when
/// neither the site's folder nor the one above the content folder holds Hugo's
/// configuration.
fn configurations(root: &Path, dir: &Path) -> Option<(PathBuf, Vec<Map<String, Value>>)> {
    let folder = config_folder(root, dir)?;
    let default = folder.join("config").join("_default");
    let mut tables = Vec::new();
    for base in [default.as_path(), folder] {
        // Hugo reads `hugo.*` where there is one, else `config.*`.
        let config = ["hugo", "config"]
            .iter()
            .find_map(|stem| read_any(base, stem));
        if let Some(Value::Object(map)) = config {
            tables.push(map);
        }
    }
    Some((default, tables))
}

/// The site's Hugo configuration files' settings, `config/_default/`'s first, as Hugo
/// merges them; none when the site has no Hugo configuration.
pub fn settings(root: &Path, dir: &Path) -> Vec<Map<String, Value>> {
    configurations(root, dir).map_or_else(Vec::new, |(_, configs)| configs)
}

/// The settings of `config/_default/<stem>.*` (`taxonomies.toml`), which holds one
/// setting's values at its top level.
pub fn settings_file(root: &Path, dir: &Path, stem: &str) -> Option<Map<String, Value>> {
    let (default, _) = configurations(root, dir)?;
    match read_any(&default, stem)? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

/// The folder holding the content folder `dir`, when it is inside the site's folder
/// `root`: Hugo's configuration may sit there (`site/content` with `site/hugo.toml`),
/// but none above the site is read.
fn beside<'a>(root: &Path, dir: &'a Path) -> Option<&'a Path> {
    let parent = dir.parent()?;
    let inside = parent.starts_with(root)
        && !parent.strip_prefix(root).is_ok_and(|rest| {
            rest.components()
                .any(|c| c == std::path::Component::ParentDir)
        });
    inside.then_some(parent)
}

/// Whether a folder Hugo's configuration names (a mount's `source`, a `contentDir`)
/// is one inside the site: relative, never climbing out with `..`.
fn inside_site(folder: &str) -> bool {
    let path = Path::new(folder);
    !path.has_root()
        && !folder.starts_with(['/', '\\'])
        && !path.components().any(|c| {
            matches!(
                c,
                std::path::Component::ParentDir | std::path::Component::Prefix(_)
            )
        })
}

/// Keys not set yet are added, tables merged key by key.
pub(super) fn merge(into: &mut Map<String, Value>, from: Map<String, Value>) {
    for (key, value) in from {
        match (into.get_mut(&key), value) {
            (Some(Value::Object(have)), Value::Object(more)) => merge(have, more),
            (Some(_), _) => {}
            (None, value) => {
                into.insert(key, value);
            }
        }
    }
}

/// `folder/stem.toml`, `.yaml`, `.yml` or `.json`, read as a tree of values.
fn read_any(folder: &Path, stem: &str) -> Option<Value> {
    read_file(folder, stem).map(|(_, value, _)| value)
}

/// [`read_any`], with the file read and its text.
fn read_file(folder: &Path, stem: &str) -> Option<(PathBuf, Value, String)> {
    ["toml", "yaml", "yml", "json"].iter().find_map(|ext| {
        let path = folder.join(format!("{stem}.{ext}"));
        let text = std::fs::read_to_string(&path).ok()?;
        Some((path, values(&text, ext)?, text))
    })
}

/// The folder holding Hugo's configuration: the site's, else the one holding the
/// content folder (inside the site's).
fn config_folder<'a>(root: &'a Path, dir: &'a Path) -> Option<&'a Path> {
    [Some(root), beside(root, dir)]
        .into_iter()
        .flatten()
        .find(|f| super::bundles::hugo_config(f))
}

/// Text in TOML, YAML or JSON (`format`: the file's extension) as a tree of values.
pub fn values(text: &str, format: &str) -> Option<Value> {
    match format {
        "toml" => serde_json::to_value(toml::from_str::<toml::Table>(text).ok()?).ok(),
        "json" => serde_json::from_str(text).ok(),
        _ => serde_json::to_value(serde_yaml::from_str::<serde_yaml::Value>(text).ok()?).ok(),
    }
}

/// A page's front matter (`front_matter`: the file up to its body) as a tree of values.
pub fn front_values(front_matter: &str) -> Option<Value> {
    use super::fence::{find_front_matter, Format, Found};
    let Found::Block { format, head, .. } = find_front_matter(front_matter) else {
        return None;
    };
    let format = match format {
        Format::Yaml => "yaml",
        Format::Toml => "toml",
        Format::Json => "json",
    };
    values(&front_matter[head], format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_folders_inside_the_site_are_read() {
        assert!(inside_site("content/en"));
        assert!(inside_site("docs"));
        assert!(!inside_site("../private"));
        assert!(!inside_site("content/../../x"));
        assert!(!inside_site("/etc"));
        let root = Path::new("/site");
        assert_eq!(
            beside(root, Path::new("/site/docs/content")),
            Some(Path::new("/site/docs"))
        );
        assert_eq!(
            beside(root, Path::new("/site/content")),
            Some(Path::new("/site"))
        );
        assert_eq!(beside(root, Path::new("/site")), None);
        assert_eq!(beside(root, Path::new("/site/../x/content")), None);
    }
}
