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
