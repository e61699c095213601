//! Whether a site's tool writes emoji for their shortcodes (`:wave:` 👋): Hugo with
//! `enableEmoji = true`, VitePress (markdown-it-emoji, always on), Jekyll with the
//! `jemoji` plugin (GitHub Pages') and MkDocs with `pymdownx.emoji`. Elsewhere (mdBook,
//! Zola, Docusaurus, an Obsidian vault) `:wave:` is text, as those tools show it.

use std::path::Path;

/// Whether the site at `root` with content folder `dir` writes emoji shortcodes as
/// emoji (see the module's note).
pub fn shortcodes(root: &Path, dir: &Path) -> bool {
    let hugo = super::is_hugo(root, dir)
        && super::hugo_params::settings(root, dir).iter().any(|map| {
            (map.iter())
                .any(|(k, v)| k.eq_ignore_ascii_case("enableEmoji") && v.as_bool() == Some(true))
        });
    hugo || super::vitepress::is_site(root, dir) || jekyll_plugin(dir) || mkdocs_extension(dir)
}

/// Whether the Jekyll site's `_config.yml` lists `jemoji` among its `plugins` (or the
/// older `gems`).
fn jekyll_plugin(dir: &Path) -> bool {
    let Some(("Jekyll", config)) = super::jekyll::tool(dir) else {
        return false;
    };
    let settings = super::jekyll::settings(&config);
    ["plugins", "gems"].iter().any(|key| {
        (settings.get(key).and_then(|v| v.as_sequence()))
            .is_some_and(|list| list.iter().any(|p| p.as_str() == Some("jemoji")))
    })
}

/// Whether the MkDocs site's `markdown_extensions` names `pymdownx.emoji` (as a name,
/// or as a key with its options).
fn mkdocs_extension(dir: &Path) -> bool {
    let Some(settings) = super::mkdocs::site_settings(dir) else {
        return false;
    };
    let Some(list) = settings
        .get("markdown_extensions")
        .and_then(|v| v.as_sequence())
    else {
        return false;
    };
    list.iter().any(|item| match item {
        serde_yaml::Value::String(name) => name == "pymdownx.emoji",
        serde_yaml::Value::Mapping(map) => map.contains_key("pymdownx.emoji"),
        _ => false,
    })
}
