//! Paths as references write them: the folder a source sits in, a relative or
//! root-relative path joined to it with `.` and `..` worked out, and the way back.

use std::path::{Component, Path, PathBuf};

/// The folder under `content/` an article's source sits in, with `/` separators.
pub(super) fn source_folder(article: &crate::site::Article) -> String {
    article
        .rel
        .parent()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default()
}

/// The folder a page's relative references are read from: its file's folder (see
/// [`source_folder`]); for a page written in HTML (Hugo's HTML content format), its
/// address, where Hugo published it and a reader's browser read them, no render hook
/// rewriting HTML: `tests/components.html`'s `../image.png` is `tests/image.png`.
pub(super) fn reference_folder(article: &crate::site::Article) -> String {
    if !crate::load::is_html_page(&article.rel) {
        return source_folder(article);
    }
    if let Some(address) = super::zola_path::zola_folder(article) {
        return address.trim_end_matches('/').to_string();
    }
    match article.rel.file_stem().and_then(|s| s.to_str()) {
        Some("index" | "_index") | None => source_folder(article),
        Some(_) => article
            .rel
            .with_extension("")
            .to_string_lossy()
            .replace('\\', "/"),
    }
}

/// The folder a page of its own (not a folder's text) was served as on a Hugo or Zola
/// site, as a path in the content folder: `blog/post-3.5` for `blog/post-3.5.md`.
fn page_folder(article: &crate::site::Article) -> Option<String> {
    let stem = article.rel.file_stem()?.to_str()?;
    let text = ["index", "_index"].contains(&stem) || stem.eq_ignore_ascii_case("readme");
    (!text).then(|| {
        article
            .rel
            .with_extension("")
            .to_string_lossy()
            .replace('\\', "/")
    })
}

impl crate::site::Site {
    /// A file a relative reference names that is not there from the page's file's
    /// folder, read from the page's own address, as a browser read it on the Hugo site
    /// (`../post-3.5/fig.png` in `blog/post-3.5.md`, served at `blog/post-3.5/`, is
    /// `blog/post-3.5/fig.png`, in the folder beside the file).
    pub(super) fn file_from_page_folder(
        &self,
        article: &crate::site::Article,
        decoded: &str,
    ) -> Option<String> {
        if decoded.starts_with('/') {
            return None;
        }
        let path = join(&page_folder(article)?, decoded)?;
        let entry = self.urls.get_folded(&path)?;
        (entry.kind == crate::site::UrlKind::File).then(|| entry.path.clone())
    }
}

/// The files that hold a folder's own text, in the order they are looked for: its
/// `index.md` (or Hugo's `_index.md`), else the `README.md` mdBook writes as the
/// folder's `index.html`.
pub(in crate::site) const FOLDER_TEXT: [&str; 5] = [
    "index.md",
    "_index.md",
    "README.md",
    "readme.md",
    "Readme.md",
];

/// `path` (relative, or from the site root when it starts with `/`) from `folder`,
/// with `.` and `..` worked out; `None` when it climbs above the root. A trailing `/`
/// is kept.
pub(in crate::site) fn join(folder: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let trailing = path.ends_with('/')
        || path.ends_with("/.")
        || path.ends_with("/..")
        || path == "."
        || path == "..";
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// The routes a root-relative link may name a page under (see `Site::content_routes`):
/// the content folder `content_dir`'s path from the site's folder, when it is below
/// it, and a Docusaurus site's docs route (`docs_route`, none when empty: docs at
/// the site's root).
pub(in crate::site) fn content_routes(
    content_dir: &str,
    docs_route: Option<String>,
) -> Vec<String> {
    let folder = join("", content_dir).unwrap_or_default();
    let folder = folder.trim_end_matches('/');
    let below = !folder.is_empty() && !std::path::Path::new(content_dir).is_absolute();
    let docs = docs_route.filter(|route| !route.is_empty() && route != folder);
    below
        .then(|| folder.to_string())
        .into_iter()
        .chain(docs)
        .collect()
}

/// The path a root-relative link `decoded` names below `route` (`/docs/x` → `/x` for
/// the route `docs`); `None` for another path.
pub(in crate::site) fn below_route<'a>(decoded: &'a str, route: &str) -> Option<&'a str> {
    let rest = decoded.strip_prefix('/')?.strip_prefix(route)?;
    match rest {
        "" => Some("/"),
        _ => rest.starts_with('/').then_some(rest),
    }
}

/// `path` from `folder` as [`join`] works it out, except that a `..` at the root stays
/// there, as a browser reads a URL and Obsidian a link (`../../images/x.png` from
/// `notes/`: `images/x.png`).
pub(super) fn join_clamped(folder: &str, path: &str) -> String {
    let mut parts: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    out
}

/// The path from `folder` to the site path `to`.
pub(in crate::site) fn relative_to(folder: &str, to: &str) -> String {
    let from: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let target: Vec<&str> = to.split('/').collect();
    let common = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&target[common..].join("/"));
    out
}

/// `path` (from the site root) without a first folder named for the site's `language`
/// (`es/blog/` → `blog/` on an `es` or `es-MX` site), if it has one.
pub(super) fn without_language<'p>(path: &'p str, language: &str) -> Option<&'p str> {
    let (first, rest) = path.split_once('/').unwrap_or((path, ""));
    let language = language.to_ascii_lowercase().replace('_', "-");
    let first = first.to_ascii_lowercase().replace('_', "-");
    let primary = language.split('-').next().unwrap_or_default();
    (!first.is_empty() && (first == language || first == primary)).then_some(rest)
}

/// The address of the folder a link names (`Web/`, from the folder as written): as it
/// is when the site has it, else with each name made a slug (`web/`, `my-notes/`), as
/// folders are published, when the site has that.
pub(super) fn folder_address(written: String, known: impl Fn(&str) -> bool) -> String {
    if known(&written) {
        return written;
    }
    let slugged: String = written
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| format!("{}/", crate::text::slugify(s)))
        .collect();
    if known(&slugged) {
        slugged
    } else {
        written
    }
}

impl crate::site::Site {
    /// The address of the page attune makes for a folder a wikilink names by its path
    /// (`[[04-architecture/adr]]`, from the content folder or the note's own), which
    /// has no note of that name: the folder's hub, listing what it holds, as a vault's
    /// folder-note plugins lead there.
    pub(in crate::site) fn wikilinked_folder(
        &self,
        from: &crate::site::Article,
        link: &crate::markdown::OutLink,
    ) -> Option<String> {
        let crate::markdown::LinkTarget::Slug { slug: name, .. } = &link.target else {
            return None;
        };
        if link.embed {
            return None;
        }
        let name = name.trim().trim_end_matches('/');
        // Topics' and sections' hubs (the table of addresses is made after links).
        let is_page = |url: &str| {
            let topic = |t: &crate::config::Topic| url.strip_suffix('/') == Some(t.id.as_str());
            self.config.topics.iter().any(topic) || self.sections.iter().any(|s| s.url == url)
        };
        let relative = join(&source_folder(from), name);
        [Some(name.trim_start_matches('/').to_string()), relative]
            .into_iter()
            .flatten()
            .filter(|path| !path.is_empty())
            .map(|path| folder_address(format!("{path}/"), is_page))
            .find(|url| is_page(url))
    }

    /// A link's destination without its fragment (`before`), split at a `?` into the
    /// path and the query (`?q=1`, kept on the link). A note named with a `?` (`What is
    /// CEN?.md`, as Obsidian and macOS allow) linked as `<What is CEN?.md>` or
    /// `What%20is%20CEN?.md` is that note, as Obsidian follows the link: the longest
    /// part before a `?` (or the whole) that names a page or file is the path; else the
    /// first `?` starts the query. The note's address has no `?` (`text::slugify`).
    pub(super) fn split_query<'u>(
        &self,
        ctx: &super::resolve::Lookup,
        folder: &str,
        before: &'u str,
    ) -> (&'u str, String) {
        let Some(first) = before.find('?') else {
            return (before, String::new());
        };
        let from = if before.starts_with('/') { "" } else { folder };
        let names = |path: &str| {
            crate::text::percent_decode_lenient(path)
                .and_then(|decoded| join(from, &crate::text::nfc(&decoded)))
                .is_some_and(|p| self.is_on_site(ctx, &crate::text::nfc(&p)))
        };
        let ends =
            std::iter::once(before.len()).chain(before.rmatch_indices('?').map(|(at, _)| at));
        let end = ends
            .take_while(|&end| end > first)
            .find(|&end| names(&before[..end]))
            .unwrap_or(first);
        (&before[..end], before[end..].to_string())
    }

    /// Where a file of a folder published from inside the content folder is published,
    /// by its path in the content folder, as a page on disk refers to it: Docusaurus's
    /// `static/` (`../static/img/a.png`, published at `img/a.png`) when the content
    /// folder is the site's, or a mounted folder there.
    pub(super) fn published_by_content_path(
        &self,
        ctx: &super::resolve::Lookup,
        site_path: &str,
    ) -> Option<String> {
        let content = self.root.join(&self.config.build.content_dir);
        self.published_from_disk(ctx, &content.join(site_path))
    }

    /// Where a file of the static folder or a mount is published, by where it is on
    /// disk, as a relative link that climbs out of the content folder finds it, the
    /// way a bundler reads it (Docusaurus's `../../static/docs/plan.pdf` from
    /// `docs/guide/`, published at `docs/plan.pdf`).
    pub(super) fn published_from_disk(
        &self,
        ctx: &super::resolve::Lookup,
        file: &Path,
    ) -> Option<String> {
        let by_path = ctx.by_content_path.get_or_init(|| {
            (self.assets.iter())
                .filter(|a| !matches!(a.from, crate::load::AssetFolder::Content))
                .filter(|a| !self.is_global_resource(a))
                .map(|a| (disk_key(&self.root.join(self.asset_file(a))), a.path()))
                .collect()
        });
        by_path.get(&disk_key(file)).cloned()
    }
}

/// `path` with its `.` and `..` parts worked out, without asking the file system (a
/// relative path keeps the `..` that climb above where it starts).
pub(super) fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            Component::ParentDir if !out.has_root() => out.push(".."),
            Component::ParentDir => {}
            Component::CurDir => {}
            part => out.push(part),
        }
    }
    out
}

/// The rest of the disk key `file` below the folder `dir` (both from [`disk_key`]).
pub(super) fn below<'f>(dir: &str, file: &'f str) -> Option<&'f str> {
    match dir {
        "" => Some(file),
        dir => file.strip_prefix(dir)?.strip_prefix('/'),
    }
}

/// A file's place on disk as [`Site::published_from_disk`] keys it: worked out
/// lexically, `/`-separated, composed (NFC).
pub(super) fn disk_key(path: &Path) -> String {
    crate::text::nfc(&lexical(path).to_string_lossy().replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_on_disk_is_worked_out_without_the_file_system() {
        for (path, worked_out) in [
            ("/site/docs/guide/../../static/a.png", "/site/static/a.png"),
            ("./docs/./a.png", "docs/a.png"),
            ("./../book/src/../static/a.png", "../book/static/a.png"),
            ("../../a.png", "../../a.png"),
            ("/../a.png", "/a.png"),
        ] {
            assert_eq!(lexical(Path::new(path)), Path::new(worked_out), "{path}");
        }
        assert_eq!(below("", "static/a.png"), Some("static/a.png"));
        assert_eq!(below("/site", "/site/static/a.png"), Some("static/a.png"));
        assert_eq!(below("/site", "/sites/a.png"), None);
    }

    #[test]
    fn paths_join_from_the_source_folder_at_any_depth() {
        assert_eq!(
            join("a/b/c", "../../img/x.png").as_deref(),
            Some("a/img/x.png")
        );
        assert_eq!(join("", "/tags/").as_deref(), Some("tags/"));
        assert_eq!(join("", "./x/./y.png").as_deref(), Some("x/y.png"));
        assert_eq!(join("a", "../.."), None);
        assert_eq!(join("a/b", ".."), Some("a/".to_string()));
        assert_eq!(join_clamped("a", "../../img/x.png"), "img/x.png");
        assert_eq!(join_clamped("a/b", "../../../c/"), "c/");
        assert_eq!(relative_to("a/b", "a/img/x.png"), "../img/x.png");
        assert_eq!(relative_to("", "a/x.png"), "a/x.png");
        assert_eq!(content_routes("./docs/", None), ["docs"]);
        assert_eq!(content_routes(".", Some("docs".into())), ["docs"]);
        assert_eq!(
            content_routes("docs", Some("main".into())),
            ["docs", "main"]
        );
        assert_eq!(content_routes("docs", Some(String::new())), ["docs"]);
        assert_eq!(content_routes("../notes", None), Vec::<String>::new());
        assert_eq!(below_route("/docs/options", "docs"), Some("/options"));
        assert_eq!(below_route("/docs", "docs"), Some("/"));
        assert_eq!(below_route("/docsy/x", "docs"), None);
        assert_eq!(below_route("/blog/x", "docs"), None);
        assert_eq!(below_route("/site/docs/x", "site/docs"), Some("/x"));
    }
}
