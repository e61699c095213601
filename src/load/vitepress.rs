//! VitePress and VuePress sites: a `.vitepress/` (or `.vuepress/`) folder of settings in
//! the content folder or the site's folder (vuejs/docs keeps `.vitepress/` beside its
//! `src/`). Their public folder, whose files are served from the site's root (`/logo.svg`
//! is `docs/public/logo.svg`), sits inside the content folder: VitePress's `public/`,
//! VuePress's `.vuepress/public/`. attune publishes it as the static folder when
//! `[build] static_dir` names it, and says so when a missing file is found there.

use std::path::{Path, PathBuf};

/// The folders of settings that make a VitePress or a VuePress site, and where each
/// keeps its public folder, from the content folder.
const TOOLS: [(&str, &str); 2] = [(".vitepress", "public"), (".vuepress", ".vuepress/public")];

/// Front matter keys VitePress's and VuePress's default themes read and attune does
/// not (`title`, `description` and `tags` it reads as any site's): not unknown on
/// their sites, and not used. A home page's `layout: home`, `hero` and `features`, a
/// page's `outline: deep`, `aside`, `sidebar`, `prev` and `next`…
pub const OWN_KEYS: [&str; 29] = [
    "layout",
    "hero",
    "features",
    "navbar",
    "sidebar",
    "aside",
    "outline",
    "lastUpdated",
    "editLink",
    "footer",
    "pageClass",
    "titleTemplate",
    "head",
    "prev",
    "next",
    // VuePress's.
    "home",
    "heroImage",
    "heroImageDark",
    "heroAlt",
    "heroText",
    "tagline",
    "actionText",
    "actionLink",
    "actions",
    "footerHtml",
    "sidebarDepth",
    "contributors",
    "search",
    "externalLinkIcon",
];

/// Whether the site at `root` with content folder `dir` is a VitePress or VuePress site.
pub fn is_site(root: &Path, dir: &Path) -> bool {
    tool(root, dir).is_some()
}

/// VitePress's and VuePress's settings files: `config.*` (or `config/index.*`) in their
/// settings folder, in the content folder, the site's or the one above the content.
pub fn settings_files(root: &Path, dir: &Path) -> Vec<PathBuf> {
    let places = [Some(dir), Some(root), dir.parent()];
    let mut files = Vec::new();
    for place in places.into_iter().flatten() {
        for settings in [".vitepress", ".vuepress"] {
            for stem in ["config", "config/index"] {
                for ext in ["mts", "ts", "mjs", "js", "cts", "cjs"] {
                    files.push(place.join(settings).join(format!("{stem}.{ext}")));
                }
            }
        }
    }
    files
}

/// The settings folder's name and where its public folder is, from the content folder.
fn tool(root: &Path, dir: &Path) -> Option<(&'static str, &'static str)> {
    let places = [Some(dir), Some(root), dir.parent()];
    TOOLS.into_iter().find(|(settings, _)| {
        places
            .iter()
            .flatten()
            .any(|place| place.join(settings).is_dir())
    })
}

/// The public folder of a VitePress or VuePress site, when it has one: its full path
/// and its path from the site's folder, as `static_dir` would name it.
pub fn public_folder(root: &Path, content_dir: &str) -> Option<(PathBuf, String)> {
    let dir = root.join(content_dir);
    let (_, public) = tool(root, &dir)?;
    let full = dir.join(public);
    let content_dir = content_dir.trim_end_matches('/');
    let written = match content_dir {
        "" | "." | "./" => public.to_string(),
        _ => format!("{content_dir}/{public}"),
    };
    full.is_dir().then_some((full, written))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_folder_is_found_where_each_tool_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("docs/.vitepress")).unwrap();
        std::fs::create_dir_all(root.join("docs/public")).unwrap();
        assert_eq!(
            public_folder(root, "docs"),
            Some((root.join("docs/public"), "docs/public".to_string()))
        );
        // vuejs/docs: the settings beside the content folder.
        std::fs::create_dir_all(root.join("site/.vitepress")).unwrap();
        std::fs::create_dir_all(root.join("site/src/public")).unwrap();
        assert_eq!(
            public_folder(&root.join("site"), "src").map(|(_, w)| w),
            Some("src/public".to_string())
        );
        // nushell.github.io: VuePress, its content the site's folder.
        std::fs::create_dir_all(root.join("nu/.vuepress/public")).unwrap();
        assert_eq!(
            public_folder(&root.join("nu"), ".").map(|(_, w)| w),
            Some(".vuepress/public".to_string())
        );
        // No settings folder: no public folder, whatever its name.
        std::fs::create_dir_all(root.join("plain/docs/public")).unwrap();
        assert_eq!(public_folder(&root.join("plain"), "docs"), None);
    }
}
