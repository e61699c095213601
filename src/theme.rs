//! The default theme, embedded in the binary so a site builds without a themes folder.

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

pub const TEMPLATES: &[(&str, &str)] = embed!(
    "base.html",
    "index.html",
    "topic.html",
    "section.html",
    "article.html",
    "page.html",
    "tags.html",
    "tag.html",
    "glossary.html",
    "references.html",
    "paths.html",
    "path.html",
    "redirect.html",
    "map.html",
    "search.html",
    "handouts.html",
    "privacy.html",
    "help.html",
    "quick-exit.html",
    "print.html",
    "print-article.html",
    "404.html",
);

/// The syntax-highlighting stylesheet's path under `assets/`, written from
/// [`crate::markdown::highlight::stylesheet`].
pub const HIGHLIGHT_CSS: &str = "highlight.css";

/// The `static/` folder of the theme `theme` under `root`, published under `assets/`.
pub fn static_dir(root: &std::path::Path, theme: &str) -> std::path::PathBuf {
    root.join("themes").join(theme).join("static")
}

/// The files of the theme's `static/` folder (paths below it, `/`-separated, sorted),
/// published under `assets/` over the default theme's files of the same name.
pub fn static_files(root: &std::path::Path, theme: Option<&str>) -> Vec<String> {
    let Some(theme) = theme else {
        return Vec::new();
    };
    let dir = static_dir(root, theme);
    walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| {
            let rel = entry.path().strip_prefix(&dir).ok()?;
            Some(rel.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}

/// Static assets: (path under `assets/`, contents).
pub const ASSETS: &[(&str, &str)] = &[
    (
        "style.css",
        include_str!("../themes/default/static/style.css"),
    ),
    (
        "attune.js",
        include_str!("../themes/default/static/attune.js"),
    ),
    (
        "theme.js",
        include_str!("../themes/default/static/theme.js"),
    ),
    (
        "search.js",
        include_str!("../themes/default/static/search.js"),
    ),
];
