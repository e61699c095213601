//! A Jekyll site (GitHub Pages' own tool), or a Hexo one, read from its source folder:
//! the content folder holds `_config.yml` or `_layouts/` (Hexo's `_config.yml` sits
//! beside its `source/` folder).
//! Such a site keeps its machinery beside its pages (`_layouts/`, `_includes/`,
//! `_sass/`, `_data/`, the built `_site/`), and its tool publishes no file or folder
//! whose name starts with `_` but the posts (`_posts/`) and the collections
//! `_config.yml` says are output; nor the files of its `exclude:` list, added to
//! Jekyll's own (`Gemfile`, `node_modules/`, `vendor/bundle/` …). attune leaves the
//! same out, as `[build] exclude` patterns the site's own patterns may take back.

use std::path::{Path, PathBuf};

/// Jekyll's and Hexo's own front matter keys attune does not read (the template a
/// page is shown with, a post's categories, its excerpt's end, whether Liquid or
/// Nunjucks runs on it, Hexo's comments switch): on such a site they are its tool's,
/// never unknown. A theme's keys stay warnings.
pub const OWN_KEYS: [&str; 7] = [
    "layout",
    "categories",
    "category",
    "excerpt_separator",
    "render_with_liquid",
    "disableNunjucks",
    "comments",
];

/// The front matter keys that are its tool's own on the Jekyll (or Hexo) site whose
/// source is the content folder `dir`: [`OWN_KEYS`], and on a Just the Docs site its
/// `nav_exclude`, which attune reads for the theme's navigation (its other keys,
/// `parent`, `has_children`, nest pages attune does not nest: they stay warnings).
pub fn own_keys(dir: &Path, sources: &[super::Source]) -> Vec<String> {
    let theme = super::just_the_docs::is_theme(dir, sources).then_some("nav_exclude");
    OWN_KEYS
        .iter()
        .copied()
        .chain(theme)
        .map(String::from)
        .collect()
}

/// Whether the content folder `dir` is a Jekyll site's source (see [`tool`]).
pub fn is_site(dir: &Path) -> bool {
    tool_name(dir) == Some("Jekyll")
}

/// "Jekyll" or "Hexo" when the content folder `dir` is that tool's source folder.
pub fn tool_name(dir: &Path) -> Option<&'static str> {
    tool(dir).map(|(tool, _)| tool)
}

/// Jekyll's default `exclude` list (Jekyll 4 adds a site's own entries to it).
const JEKYLL_EXCLUDES: [&str; 10] = [
    ".sass-cache/",
    ".jekyll-cache/",
    "gemfiles/",
    "Gemfile",
    "Gemfile.lock",
    "node_modules/",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
];

/// Which tool's source folder the content folder `dir` is: Jekyll's (`_config.yml` in
/// it, or `_layouts/` with a template: GitHub Pages runs Jekyll without a config, as
/// Foam's template has it), Hexo's (`dir` is `source/` beside a `_config.yml`), or
/// neither.
pub(super) fn tool(dir: &Path) -> Option<(&'static str, PathBuf)> {
    let own = dir.join("_config.yml");
    let templates = || {
        let entries = std::fs::read_dir(dir.join("_layouts"))
            .into_iter()
            .flatten();
        entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "html"))
    };
    if own.is_file() || templates() {
        return Some(("Jekyll", own));
    }
    let beside = dir.parent()?.join("_config.yml");
    (dir.file_name()? == "source" && beside.is_file()).then_some(("Hexo", beside))
}

/// The settings `_config.yml` at `config` holds (none when it does not read as YAML,
/// which the tool itself would refuse).
pub(super) fn settings(config: &Path) -> serde_yaml::Value {
    Some(config)
        .filter(|c| c.is_file())
        .and_then(|c| std::fs::read_to_string(c).ok())
        .and_then(|text| super::yaml::settings_keeping_last(&text))
        .unwrap_or_default()
}

/// Jekyll's `baseurl`, the path a Jekyll site is published under (`/ADT-Leitfaden`, a
/// project's GitHub Pages), as the site's path when book.toml gives no `base_url`:
/// links written with it (`/ADT-Leitfaden/docs/setup/`, as `{{ site.baseurl }}` prints
/// it) lead into the site, as they do on the published one.
pub(super) fn read_base_path(config: &mut crate::config::Config, root: &Path) {
    if config.site.base_url.is_some() {
        return;
    }
    let Some(("Jekyll", file)) = tool(&root.join(&config.build.content_dir)) else {
        return;
    };
    let settings = settings(&file);
    let base = settings.get("baseurl").and_then(serde_yaml::Value::as_str);
    let base = base
        .map(|b| b.trim().trim_end_matches('/'))
        .unwrap_or_default();
    if base.starts_with('/') && base.len() > 1 && !base.contains(['?', '#', '\\']) {
        config.site.tool_base_path = Some(format!("{base}/"));
    }
}

/// The values Jekyll's `{{ site.… }}` reads on the Jekyll site whose source folder is
/// `dir`: its `_config.yml` (`{{ site.repository }}`, `{{ site.version }}`), as one
/// JSON object, with its data folder's files under `data` when one of its `sources`
/// names `site.data` (so a site that never does reads none of them on each build);
/// `None` on another site or without one.
pub fn site_variables(dir: &Path, sources: &[super::Source]) -> Option<serde_json::Value> {
    let ("Jekyll", config) = tool(dir)? else {
        return None;
    };
    let settings = settings(&config);
    let data_dir = settings.get("data_dir").and_then(serde_yaml::Value::as_str);
    let data_dir = dir.join(data_dir.unwrap_or("_data"));
    let mut values = match serde_json::to_value(settings) {
        Ok(serde_json::Value::Object(values)) => values,
        _ => serde_json::Map::new(),
    };
    if sources
        .iter()
        .any(|s| crate::text::holds(&s.text, "site.data."))
    {
        values.insert("data".into(), data_files(&data_dir, 0));
    }
    Some(serde_json::Value::Object(values))
}

/// Jekyll's `site.data`: each YAML or JSON file in the data folder `folder` by its
/// name (`_data/ruby.yml` is `site.data.ruby`), each folder in it by its name, a few
/// levels deep; files that do not read are left out, as are CSV tables.
fn data_files(folder: &Path, depth: usize) -> serde_json::Value {
    let mut data = serde_json::Map::new();
    let entries = std::fs::read_dir(folder).into_iter().flatten().flatten();
    for entry in entries.filter(|_| depth < 4) {
        let path = entry.path();
        let (Some(stem), Some(name)) = (path.file_stem(), path.file_name()) else {
            continue;
        };
        let (stem, name) = (stem.to_string_lossy(), name.to_string_lossy());
        if name.starts_with('.') {
            continue;
        }
        let value = match path.extension().and_then(|x| x.to_str()) {
            _ if path.is_dir() => data_files(&path, depth + 1),
            Some("yml" | "yaml" | "json") if path.is_file() => {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let yaml = serde_yaml::from_str::<serde_yaml::Value>(&text);
                match yaml.ok().and_then(|v| serde_json::to_value(v).ok()) {
                    Some(value) => value,
                    None => continue,
                }
            }
            _ => continue,
        };
        let key = if path.is_dir() { name } else { stem };
        data.insert(key.into_owned(), value);
    }
    serde_json::Value::Object(data)
}

/// The language the Jekyll (or Hexo) site whose source folder is `dir` is written in:
/// its `lang` (jekyll-seo-tag's and most themes' `<html lang>`), else its `locale`
/// (`fr_FR`), else Hexo's `language`.
pub fn language(dir: &Path) -> Option<String> {
    let (_, config) = tool(dir)?;
    let settings = settings(&config);
    ["lang", "locale", "language"]
        .iter()
        .find_map(|key| Some(settings.get(key)?.as_str()?.to_string()))
}

/// `[build] exclude`-style patterns, each with why, leaving out what Jekyll (or Hexo)
/// does not publish from its source folder `dir` (see the module's doc); none when
/// `dir` is no such folder.
pub fn patterns(dir: &Path) -> Vec<(String, String)> {
    let Some((tool, config)) = tool(dir) else {
        return Vec::new();
    };
    let settings = settings(&config);
    let file = if tool == "Hexo" {
        "../_config.yml"
    } else {
        "_config.yml"
    };
    let own = format!(
        "a {tool} site's own files (a name starting with `_`), which {tool} does not publish"
    );
    let mut patterns = vec![("_*".to_string(), own)];
    let kept = format!("what {tool} publishes ({file})");
    let collections_dir = collections_dir(&settings);
    for collection in ["posts".to_string()]
        .into_iter()
        .chain(output_collections(&settings))
    {
        let folder = format!("_{collection}/");
        let pattern = match collections_dir {
            Some(d) => format!("!/{d}/{folder}"),
            None if collection == "posts" => format!("!{folder}"),
            None => format!("!/{folder}"),
        };
        patterns.push((pattern, kept.clone()));
    }
    if let Some(d) = collections_dir.filter(|d| d.starts_with('_')) {
        patterns.push((format!("!/{d}/"), kept.clone()));
    }
    if tool == "Jekyll" {
        let default = "Jekyll's default `exclude` list".to_string();
        patterns.extend(JEKYLL_EXCLUDES.map(|p| (format!("/{p}"), default.clone())));
    }
    let listed = |key: &str| -> Vec<String> {
        let entries = match settings.get(key) {
            Some(serde_yaml::Value::Sequence(s)) => s.clone(),
            Some(one @ serde_yaml::Value::String(_)) => vec![one.clone()],
            _ => Vec::new(),
        };
        entries
            .iter()
            .filter_map(|e| e.as_str())
            .map(|e| e.trim().trim_start_matches("./").trim_start_matches('/'))
            .filter(|e| !e.is_empty() && !e.starts_with('!') && !e.contains(".."))
            .map(str::to_string)
            .collect()
    };
    for entry in listed("exclude") {
        patterns.push((format!("/{entry}"), format!("`exclude` in {file}")));
    }
    // Jekyll tests each folder's entries against `include:` by name, so a bare name
    // (`_images`) is kept at any depth; a path is kept where it is.
    for entry in listed("include") {
        let path = entry.trim_end_matches('/').contains('/');
        let pattern = if path {
            format!("!/{entry}")
        } else {
            format!("!{entry}")
        };
        patterns.push((pattern, kept.clone()));
    }
    patterns
}

/// `_config.yml`'s `collections_dir`: the folder below the site's that holds its
/// collections' folders (`_posts/` too), when it names one inside the site.
fn collections_dir(settings: &serde_yaml::Value) -> Option<&str> {
    settings
        .get("collections_dir")
        .and_then(|d| d.as_str())
        .map(|d| d.trim_start_matches("./").trim_matches('/'))
        .filter(|d| !d.is_empty() && !d.split('/').any(|p| p == ".." || p == "."))
}

/// The `collections_dir` of the Jekyll site whose source folder is `dir`, if it sets
/// one: `{% link _docs/a.md %}` names a document by its path below that folder, as
/// Jekyll's document's `relative_path` is.
pub fn collections_folder(dir: &Path) -> Option<String> {
    let Some(("Jekyll", config)) = tool(dir) else {
        return None;
    };
    collections_dir(&settings(&config)).map(str::to_string)
}

/// The address Jekyll publishes each post and each document of an output collection
/// at (`_docs/setup.md` at `/docs/setup/` with `permalink: pretty`, a post at
/// `/news/2024/01/02/hello/`), from `_config.yml`'s `permalink` and each collection's
/// own: kept as an old address of the page (an alias), so links written to it lead
/// there, a redirect page stands at it and the page's relative links that lead
/// nowhere from its own address are read from it, as for Hugo's permalinks. A page whose front
/// matter gives its own `permalink` keeps that one; two documents given one address
/// keep neither. With a `collections_dir`, the collections' folders are read inside it
/// (only there), and a document's path is its path below it, as Jekyll's
/// `relative_path` is: `coll/_docs/a.md` is at `/docs/a/`, as `_docs/a.md` is without.
pub fn keep_addresses(dir: &Path, sources: &mut [super::Source]) {
    let Some(("Jekyll", config)) = tool(dir) else {
        return;
    };
    let settings = settings(&config);
    let patterns = permalink_patterns(&settings);
    let collections_dir = collections_dir(&settings);
    let defaults = default_permalinks(&settings, collections_dir);
    let mut found: Vec<(usize, String)> = Vec::new();
    for (n, source) in sources.iter().enumerate() {
        let rel = match collections_dir {
            Some(d) => match source.rel.strip_prefix(d) {
                Ok(rel) => rel,
                Err(_) => continue,
            },
            None => &source.rel,
        };
        let Some((collection, pattern, below)) = in_collection(rel, &patterns) else {
            continue;
        };
        let pattern = default_permalink(&defaults, rel, collection).unwrap_or(pattern);
        let values = super::hugo_params::front_values(&source.text[..source.body_start]);
        if values
            .as_ref()
            .is_some_and(|v| v.get("permalink").is_some())
        {
            continue;
        }
        let document = super::jekyll_front::Document {
            collection,
            below: &below,
            rel,
            front: &source.front,
            values: values.as_ref(),
        };
        if let Some(address) = document.address(pattern) {
            found.push((n, address));
        }
    }
    let mut given: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, address) in &found {
        *given.entry(address).or_default() += 1;
    }
    for (n, address) in &found {
        if given[address.as_str()] == 1 {
            let front = &mut sources[*n].front;
            front.aliases.push(address.clone());
            // The page's relative links were written from there too (`../a/` from
            // `_notes/sub/index.md`, at `/notes/sub/index/`): one that leads nowhere
            // from the page's own address is read from it, as a Hugo page's are.
            if front.old_address.is_none() {
                front.old_address = Some(address.clone());
            }
        }
    }
}

/// Each collection whose documents are pages, with its permalink pattern: `posts`
/// (its own `permalink`, else the site's style), then the others with `output: true`.
fn permalink_patterns(settings: &serde_yaml::Value) -> Vec<(String, String)> {
    let style = settings
        .get("permalink")
        .and_then(|p| p.as_str())
        .unwrap_or("date")
        .trim();
    let own = |name: &str| {
        let collections = settings.get("collections")?;
        let permalink = collections.get(name)?.get("permalink")?.as_str()?.trim();
        Some(permalink.to_string()).filter(|p| p.contains('/'))
    };
    let post_style = match style {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        pattern => pattern,
    };
    let suffix = match style {
        "pretty" => "/",
        pattern if pattern.ends_with('/') => "/",
        _ => ":output_ext",
    };
    let mut patterns = vec![(
        "posts".to_string(),
        own("posts").unwrap_or_else(|| post_style.to_string()),
    )];
    for name in output_collections(settings) {
        let pattern = own(&name).unwrap_or_else(|| format!("/:collection/:path{suffix}"));
        patterns.push((name, pattern));
    }
    patterns
}

/// `_config.yml`'s front matter defaults that give a `permalink`: each scope's path
/// (from the site's folder, `""` for all; below `collections_dir` when it starts with
/// it, as Jekyll reads a scope), its type (a collection's name, `posts`; none for any)
/// and the pattern.
fn default_permalinks(
    settings: &serde_yaml::Value,
    collections_dir: Option<&str>,
) -> Vec<(String, Option<String>, String)> {
    let Some(serde_yaml::Value::Sequence(defaults)) = settings.get("defaults") else {
        return Vec::new();
    };
    fn text(v: Option<&serde_yaml::Value>) -> Option<&str> {
        v.and_then(|v| v.as_str()).map(str::trim)
    }
    (defaults.iter())
        .filter_map(|default| {
            let permalink = text(default.get("values")?.get("permalink"))?;
            let scope = default.get("scope");
            let path = text(scope.and_then(|s| s.get("path"))).unwrap_or_default();
            let kind = text(scope.and_then(|s| s.get("type"))).map(str::to_string);
            let path = path.trim_start_matches("./").trim_matches('/');
            let below = collections_dir.and_then(|d| path.strip_prefix(d)?.strip_prefix('/'));
            let path = below.unwrap_or(path).to_string();
            permalink
                .contains('/')
                .then(|| (path, kind, permalink.to_string()))
        })
        .collect()
}

/// The permalink the defaults give the document at `rel` of `collection`: the one whose
/// scope is most specific (the longest path, then one naming the type), as Jekyll
/// chooses; of two alike, the later.
fn default_permalink<'d>(
    defaults: &'d [(String, Option<String>, String)],
    rel: &Path,
    collection: &str,
) -> Option<&'d str> {
    (defaults.iter())
        .filter(|(path, kind, _)| {
            (path.is_empty() || rel.starts_with(path))
                && kind.as_deref().is_none_or(|k| k == collection)
        })
        .max_by_key(|(path, kind, _)| (path.len(), kind.is_some()))
        .map(|(_, _, permalink)| permalink.as_str())
}

/// The collection the page at `rel` is a document of, its permalink pattern, and its
/// path below the collection's folder: a post in `_posts/` at any depth, another
/// collection's document in `_<name>/` at the top.
fn in_collection<'p>(
    rel: &Path,
    patterns: &'p [(String, String)],
) -> Option<(&'p str, &'p str, PathBuf)> {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let (name, below) = match parts.iter().position(|p| p == "_posts") {
        Some(at) => ("posts", &parts[at + 1..]),
        None => (parts.first()?.strip_prefix('_')?, parts.get(1..)?),
    };
    let (collection, pattern) = patterns.iter().find(|(c, _)| c == name)?;
    (!below.is_empty()).then(|| {
        (
            collection.as_str(),
            pattern.as_str(),
            below.iter().collect(),
        )
    })
}

/// The collections `_config.yml` declares with `output: true` (their documents are
/// pages; the others are data for the templates), by name.
fn output_collections(settings: &serde_yaml::Value) -> Vec<String> {
    let Some(collections) = settings.get("collections") else {
        return Vec::new();
    };
    let safe = |name: &str| !name.is_empty() && !name.contains(['/', '\\', '*', '!', '[']);
    match collections {
        serde_yaml::Value::Mapping(map) => map
            .iter()
            .filter(|(_, v)| v.get("output").and_then(|o| o.as_bool()) == Some(true))
            .filter_map(|(k, _)| k.as_str())
            .filter(|k| safe(k) && *k != "posts")
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::exclude::Exclude;

    fn site(config: &str) -> (tempfile::TempDir, Exclude) {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("_config.yml"), config).unwrap();
        let exclude = Exclude::with_defaults(tmp.path(), patterns(tmp.path()), &[]);
        (tmp, exclude)
    }

    #[test]
    fn a_jekyll_sites_own_files_are_left_out_and_its_posts_kept() {
        let (_tmp, exclude) = site("title: A\n");
        let out = |p: &str, dir: bool| exclude.excludes(Path::new(p), dir);
        assert!(out("_layouts", true));
        assert!(out("_config.yml", false));
        assert!(out("docs/_includes", true));
        assert!(out("Gemfile", false));
        assert!(out("vendor/bundle", true));
        assert!(!out("vendor", true));
        assert!(!out("_posts", true));
        assert!(!out("_posts/2020-01-02-hello.md", false));
        assert!(!out("blog/_posts/2020-01-02-hello.md", false));
        assert!(!out("docs/guide.md", false));
        assert!(!out("index.md", false));
    }

    #[test]
    fn config_lists_and_output_collections_are_read() {
        let (_tmp, exclude) = site(
            "exclude: [README.md, bin/, \"*.gemspec\"]\ninclude: [_pages]\ncollections:\n  recipes:\n    output: true\n  staff:\n    output: false\n",
        );
        let out = |p: &str, dir: bool| exclude.excludes(Path::new(p), dir);
        assert!(out("README.md", false));
        assert!(!out("docs/README.md", false));
        assert!(out("bin", true));
        assert!(out("x.gemspec", false));
        assert!(!out("_pages/about.md", false));
        // Jekyll matches an included name in every folder it reads.
        assert!(!out("guide/_pages", true));
        assert!(!out("guide/_pages/x.png", false));
        assert!(!out("_recipes/soup.md", false));
        assert!(out("_staff/ann.md", false));
        assert!(
            exclude
                .default_of(Path::new("README.md"), false)
                .is_some_and(|why| why.contains("`exclude` in _config.yml")),
            "{:?}",
            exclude.default_of(Path::new("README.md"), false)
        );
    }

    #[test]
    fn an_included_path_is_kept_where_it_is_and_a_name_everywhere() {
        let (_tmp, exclude) = site("include: [docs/_static, _images/, _redirects]\n");
        let out = |p: &str, dir: bool| exclude.excludes(Path::new(p), dir);
        assert!(!out("docs/_static/a.css", false));
        assert!(out("other/docs/_static/a.css", false));
        assert!(out("_static", true));
        assert!(!out("_images/a.png", false));
        assert!(!out("book/ch1/_images/a.png", false));
        assert!(!out("guide/_redirects", false));
        assert!(out("guide/_other", true));
    }

    #[test]
    fn templates_without_a_config_are_a_jekyll_site() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("_layouts")).unwrap();
        assert!(patterns(tmp.path()).is_empty());
        std::fs::write(tmp.path().join("_layouts/page.html"), "{{ content }}").unwrap();
        let exclude = Exclude::with_defaults(tmp.path(), patterns(tmp.path()), &[]);
        assert!(exclude.excludes(Path::new("_layouts"), true));
        assert!(!exclude.excludes(Path::new("notes/a.md"), false));
    }

    #[test]
    fn a_folder_without_the_config_is_no_jekyll_site() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(patterns(tmp.path()).is_empty());
        let source = tmp.path().join("source");
        std::fs::create_dir(&source).unwrap();
        assert!(patterns(&source).is_empty());
        std::fs::write(tmp.path().join("_config.yml"), "title: Hexo\n").unwrap();
        let found = patterns(&source);
        assert!(found[0].1.contains("Hexo"), "{found:?}");
    }
}
