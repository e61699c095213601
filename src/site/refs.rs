//! Every reference a reader's browser will follow or load that is not a link to an
//! article by name — images, files under `content/`, `.html` and root-relative links,
//! every URL in raw HTML — resolved against the URL table and checked: a missing file
//! or page is an error with a "did you mean", a remote file the Content-Security-Policy
//! blocks is a warning. Resolved targets are site paths, so each page (article page,
//! `print.html`, either edition) writes them relative to where it is.

use super::links::is_generated_anchor;
use super::{Site, UrlKind, UrlStyle};
use crate::diagnostic::{nearest, Code, Diagnostic};
use crate::markdown::{href_attr, is_external, OutRef, RefKind};
use crate::text::{escape, percent_decode};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Where a reference leads, once resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RefTarget {
    /// Written as it is: another site, `mailto:`, `data:`, or a reference that is
    /// broken (and reported).
    AsIs(String),
    /// An id on the same page.
    Fragment(String),
    /// A path the build writes: a page (`patterns/x/`, ending in `/`) or a file.
    Site {
        path: String,
        /// `?query` and `#fragment` as written (the fragment checked when the page
        /// is an article's).
        suffix: String,
        fragment: Option<String>,
        /// The article whose page it is, if any.
        article: Option<usize>,
    },
}

impl RefTarget {
    /// The URL as a page whose root prefix is `root` writes it.
    pub fn href(&self, root: &str, style: UrlStyle) -> String {
        match self {
            RefTarget::AsIs(url) => url.clone(),
            RefTarget::Fragment(id) => format!("#{id}"),
            RefTarget::Site {
                path,
                suffix,
                fragment,
                ..
            } => {
                let index = if path.is_empty() || path.ends_with('/') {
                    style.index()
                } else {
                    ""
                };
                let fragment = fragment
                    .as_ref()
                    .map(|f| format!("#{f}"))
                    .unwrap_or_default();
                let root = if path.is_empty() && root.is_empty() {
                    "./"
                } else {
                    root
                };
                format!("{root}{}{index}{suffix}{fragment}", encode_path(path))
            }
        }
    }
}

impl RefTarget {
    /// [`RefTarget::href`] ready for a double-quoted attribute: the author's parts
    /// percent-encoded as CommonMark asks, the site's path (which may carry the
    /// edition mark) HTML-escaped.
    pub fn attr(&self, root: &str, style: UrlStyle) -> String {
        let href = self.href(root, style);
        match self {
            RefTarget::AsIs(url) => href_attr(url),
            _ => match href.split_once('#') {
                Some((path, fragment)) => format!("{}#{}", escape(path), href_attr(fragment)),
                None => escape(&href),
            },
        }
    }
}

/// Percent-encodes what a URL path may not hold as it is.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Site {
    /// Each article's link targets (headings and ids in its raw HTML), so that
    /// anchors are checked in O(1) however many links point at them; ids attune
    /// writes itself are [`is_generated_anchor`].
    pub(super) fn anchor_sets(&self) -> Vec<HashSet<&str>> {
        self.articles
            .iter()
            .map(|a| {
                let parsed = &a.parsed;
                parsed
                    .headings
                    .iter()
                    .map(|h| h.id.as_str())
                    .chain(parsed.html_ids.iter().map(String::as_str))
                    .collect()
            })
            .collect()
    }

    /// Resolves every article's references (see [`Site::refs`]); problems go into
    /// `diagnostics`.
    pub(super) fn resolve_refs(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let by_rel: HashMap<String, usize> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.rel.to_string_lossy().replace('\\', "/"), i))
            .collect();
        let by_url: HashMap<&str, usize> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.url.as_str(), i))
            .collect();
        let files: Vec<String> = self
            .assets
            .iter()
            .map(|a| a.to_string_lossy().replace('\\', "/"))
            .collect();
        let mut by_file_name: HashMap<String, Vec<String>> = HashMap::new();
        for file in &files {
            let name = file.rsplit('/').next().unwrap_or(file).to_lowercase();
            by_file_name.entry(name).or_default().push(file.clone());
        }
        let ctx = Lookup {
            by_rel,
            by_url,
            by_file_name,
            files,
            ids: self.anchor_sets(),
        };
        let results: Vec<(Vec<RefTarget>, Vec<Diagnostic>)> = (0..self.articles.len())
            .into_par_iter()
            .map(|i| {
                let mut local = Vec::new();
                let targets = self.articles[i]
                    .parsed
                    .refs
                    .iter()
                    .map(|r| self.resolve_ref(i, r, &ctx, &mut local))
                    .collect();
                (targets, local)
            })
            .collect();
        let mut refs = Vec::with_capacity(results.len());
        for (targets, local) in results {
            diagnostics.extend(local);
            refs.push(targets);
        }
        self.refs = refs;
    }

    fn resolve_ref(
        &self,
        i: usize,
        r: &OutRef,
        ctx: &Lookup,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> RefTarget {
        let article = &self.articles[i];
        let url = r.url.trim();
        let error = |code, message: String| {
            Diagnostic::error(code, message).at(&article.path, r.line, r.column)
        };
        if url.is_empty() {
            return RefTarget::AsIs(String::new());
        }
        if is_external(url) {
            let scheme = url
                .split(':')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if let RefKind::Media(what) = r.kind {
                if url.starts_with("//") || scheme == "http" || scheme == "https" {
                    diagnostics.push(
                        Diagnostic::warning(
                            Code::RemoteMedia,
                            format!("remote {what} '{url}' will not load: the site's Content-Security-Policy lets pages load files only from the site itself"),
                        )
                        .at(&article.path, r.line, r.column)
                        .help("download the file into content/ (beside this article) and link to it by its relative path"),
                    );
                }
            }
            return RefTarget::AsIs(url.to_string());
        }
        if r.by_name {
            return self.resolve_by_name(i, r, ctx, diagnostics);
        }
        let (before, fragment) = match url.split_once('#') {
            Some((b, f)) => (b, Some(percent_decode(f).unwrap_or_else(|| f.to_string()))),
            None => (url, None),
        };
        let fragment = fragment.filter(|f| !f.is_empty());
        let (path, query) = match before.split_once('?') {
            Some((p, q)) => (p, format!("?{q}")),
            None => (before, String::new()),
        };
        if path.is_empty() {
            // `#id` (or `?q#id`): this page.
            let Some(id) = fragment.filter(|f| !f.is_empty()) else {
                return RefTarget::AsIs(url.to_string());
            };
            if !ctx.ids[i].contains(id.as_str()) && !is_generated_anchor(&id) {
                diagnostics.push(
                    error(
                        Code::BrokenAnchor,
                        format!("no heading or id '{id}' in this page"),
                    )
                    .suggest(&id, anchors(self, i)),
                );
            }
            return RefTarget::Fragment(id);
        }
        let Some(decoded) = percent_decode(path) else {
            diagnostics.push(
                error(Code::BadUrl, format!("'{url}' has a malformed %-escape"))
                    .help("write % as %25, or leave characters unescaped"),
            );
            return RefTarget::AsIs(url.to_string());
        };
        let folder = source_folder(article);
        let Some(site_path) = join(
            if decoded.starts_with('/') {
                ""
            } else {
                &folder
            },
            &decoded,
        ) else {
            // Above the site but still on its host, as a book published beside other
            // documentation links to it (the Rust book's `../std/index.html`): that
            // address, written out in full, which attune cannot check.
            let beside = self.config.base_url().and_then(|base| {
                let (scheme, rest) = base.split_once("://")?;
                let (host, path) = rest.split_at(rest.find('/')?);
                let joined = join(
                    &format!("{}{folder}", path.trim_start_matches('/')),
                    &decoded,
                )?;
                Some(format!(
                    "{scheme}://{host}/{joined}{query}{}",
                    fragment
                        .as_deref()
                        .map(|f| format!("#{f}"))
                        .unwrap_or_default()
                ))
            });
            if let Some(address) = beside.filter(|_| !decoded.starts_with('/')) {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::OutsideLink,
                        format!("'{url}' leads outside the site, to {address}: written as that address and not checked"),
                    )
                    .at(&article.path, r.line, r.column)
                    .help("if that page is part of this library, its path from this file's folder is wrong: `../` climbs one folder"),
                );
                return RefTarget::AsIs(address);
            }
            diagnostics.push(
                error(Code::BrokenLink, format!("'{url}' leads outside the site")).help(
                    "a relative path starts from this file's folder; `../` climbs one folder",
                ),
            );
            return RefTarget::AsIs(url.to_string());
        };
        let page = |t: usize, fragment: Option<String>, diagnostics: &mut Vec<Diagnostic>| {
            let fragment = fragment
                .filter(|f| !self.articles[t].names_its_title(f, ctx.ids[t].contains(f.as_str())));
            if let Some(id) = fragment.as_deref().filter(|f| !f.is_empty()) {
                if !ctx.ids[t].contains(id) && !is_generated_anchor(id) {
                    let place = if t == i {
                        "this page".to_string()
                    } else {
                        format!("'{}'", self.articles[t].slug)
                    };
                    diagnostics.push(
                        error(
                            Code::BrokenAnchor,
                            format!("no heading or id '{id}' in {place}"),
                        )
                        .suggest(id, anchors(self, t)),
                    );
                }
            }
            RefTarget::Site {
                path: self.articles[t].url.clone(),
                suffix: query.clone(),
                fragment: fragment.clone(),
                article: Some(t),
            }
        };
        // A Markdown file: the article it is.
        if site_path.ends_with(".md") || site_path.ends_with(".markdown") {
            if let Some(&t) = ctx.by_rel.get(&site_path) {
                return page(t, fragment, diagnostics);
            }
        }
        // A file the build writes as it is (copied from content/, or attune's own).
        if let Some(entry) = self.urls.get_folded(&site_path) {
            if entry.kind == UrlKind::File {
                if entry.path != site_path {
                    diagnostics.push(
                        error(Code::BrokenLink, format!("'{url}' differs in letter case from the file '{}'", entry.path))
                            .help("most web hosts tell capitals apart: write the name exactly as the file is named"),
                    );
                }
                return RefTarget::Site {
                    path: entry.path.clone(),
                    suffix: query,
                    fragment,
                    article: None,
                };
            }
        }
        // A page: `x.html` the way mdBook names pages, `x/index.html`, `x/` or `x`.
        let folder_url = match site_path.strip_suffix(".html") {
            Some(stem) if stem == "index" || stem.ends_with("/index") => {
                // The folder's own text: its index.md (or _index.md), else its README.md,
                // which mdBook writes as its index.html.
                let folder = stem.trim_end_matches("index");
                let source = [
                    "index.md",
                    "_index.md",
                    "README.md",
                    "readme.md",
                    "Readme.md",
                ]
                .iter()
                .find_map(|name| ctx.by_rel.get(&format!("{folder}{name}")));
                if let Some(&t) = source {
                    return page(t, fragment, diagnostics);
                }
                folder.to_string()
            }
            Some(stem) => {
                if let Some(&t) = ctx.by_rel.get(&format!("{stem}.md")) {
                    return page(t, fragment, diagnostics);
                }
                format!("{stem}/")
            }
            None if site_path.is_empty() || site_path.ends_with('/') => site_path.clone(),
            None => format!("{site_path}/"),
        };
        if let Some(&t) = ctx.by_url.get(folder_url.as_str()) {
            return page(t, fragment, diagnostics);
        }
        if let Some(&t) = self.aliases.get(&folder_url) {
            return page(t, fragment, diagnostics);
        }
        if self
            .urls
            .get(&format!("{folder_url}index.html"))
            .is_some_and(|e| matches!(e.kind, UrlKind::Page | UrlKind::Redirect))
        {
            return RefTarget::Site {
                path: folder_url,
                suffix: query,
                fragment,
                article: None,
            };
        }
        // Under a folder attune fills itself (search index, theme assets).
        if self.urls.owner_of(&site_path).is_some_and(|_| {
            self.urls
                .entries()
                .any(|e| e.kind == UrlKind::Tree && site_path.starts_with(&e.path))
        }) {
            return RefTarget::Site {
                path: site_path,
                suffix: query,
                fragment,
                article: None,
            };
        }
        // Obsidian's "shortest path" links: a bare file name that is not beside this
        // file names the one file of that name anywhere in the content folder.
        if !decoded.contains('/') {
            let named: Vec<&String> = ctx
                .by_file_name
                .get(&decoded.to_lowercase())
                .into_iter()
                .flatten()
                .filter(|f| f.rsplit('/').next() == Some(decoded.as_str()))
                .collect();
            if let [only] = named.as_slice() {
                return RefTarget::Site {
                    path: (*only).clone(),
                    suffix: query,
                    fragment,
                    article: None,
                };
            }
        }
        let missing = match r.kind {
            RefKind::Media(what) => {
                error(Code::MissingFile, format!("{what} '{url}' does not exist"))
            }
            RefKind::Link => error(
                Code::BrokenLink,
                format!("broken link to '{url}': no page or file there"),
            ),
        };
        let wanted = site_path.rsplit('/').next().unwrap_or(&site_path);
        let candidates = ctx
            .files
            .iter()
            .map(String::as_str)
            .chain(ctx.by_rel.keys().map(String::as_str));
        let best = nearest(
            wanted,
            candidates.clone().filter_map(|c| c.rsplit('/').next()),
        )
        .and_then(|name| {
            candidates
                .clone()
                .find(|c| c.rsplit('/').next() == Some(name))
        });
        diagnostics.push(match best {
            Some(best) => missing.help(format!(
                "did you mean '{}'? A relative path starts from this file's folder",
                relative_to(&folder, best)
            )),
            None => missing.help(
                "put the file under content/ and link to it by its path from this file's folder",
            ),
        });
        RefTarget::AsIs(url.to_string())
    }
}

/// The folder under `content/` an article's source sits in, with `/` separators.
fn source_folder(article: &super::Article) -> String {
    article
        .rel
        .parent()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default()
}

impl Site {
    /// `![[image.png]]` or `![[Attachments/image.png]]`: the content file of that
    /// name (or path end) anywhere in the content folder, as Obsidian finds it, when
    /// only one has it; one beside the article wins over others.
    fn resolve_by_name(
        &self,
        i: usize,
        r: &OutRef,
        ctx: &Lookup,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> RefTarget {
        let article = &self.articles[i];
        let written = r.url.trim();
        let name = percent_decode(written).unwrap_or_else(|| written.to_string());
        let name = name.trim_start_matches("./").trim_start_matches('/');
        let file_name = name.rsplit('/').next().unwrap_or(name).to_lowercase();
        let wanted = name.to_lowercase();
        let found: Vec<&String> = ctx
            .by_file_name
            .get(&file_name)
            .into_iter()
            .flatten()
            .filter(|f| {
                let f = f.to_lowercase();
                f == wanted || f.ends_with(&format!("/{wanted}"))
            })
            .collect();
        let folder = source_folder(article);
        let beside: Vec<&&String> = found
            .iter()
            .filter(|f| f.rsplit_once('/').map_or("", |(d, _)| d) == folder)
            .collect();
        let chosen = match (found.as_slice(), beside.as_slice()) {
            ([one], _) => Some((*one).clone()),
            (_, [one]) => Some((**one).clone()),
            _ => None,
        };
        if let Some(path) = chosen {
            return RefTarget::Site {
                path,
                suffix: String::new(),
                fragment: None,
                article: None,
            };
        }
        let error = |code, message: String| {
            Diagnostic::error(code, message).at(&article.path, r.line, r.column)
        };
        diagnostics.push(if found.is_empty() {
            let best = nearest(
                &file_name,
                ctx.files.iter().filter_map(|f| f.rsplit('/').next()),
            );
            let d = error(
                Code::MissingFile,
                format!("'{written}' is not in the content folder"),
            );
            match best {
                Some(best) => d.help(format!("did you mean '{best}'?")),
                None => d.help("put the file anywhere under content/; it is found by its name"),
            }
        } else {
            let list: Vec<&str> = found.iter().map(|f| f.as_str()).collect();
            error(
                Code::AmbiguousFile,
                format!(
                    "'{written}' could mean {} files: {}",
                    found.len(),
                    list.join(", ")
                ),
            )
            .help(format!(
                "write the path from the content folder, e.g. ![[{}]]",
                list[0]
            ))
        });
        RefTarget::AsIs(String::new())
    }
}

struct Lookup<'a> {
    by_rel: HashMap<String, usize>,
    /// Content files by lower-case file name, for `![[image.png]]`.
    by_file_name: HashMap<String, Vec<String>>,
    by_url: HashMap<&'a str, usize>,
    files: Vec<String>,
    /// [`Site::anchor_sets`].
    ids: Vec<HashSet<&'a str>>,
}

/// The ids a link may target on article `t`'s page, for suggestions.
fn anchors(site: &Site, t: usize) -> impl Iterator<Item = &str> {
    let parsed = &site.articles[t].parsed;
    parsed
        .headings
        .iter()
        .map(|h| h.id.as_str())
        .chain(parsed.html_ids.iter().map(String::as_str))
}

/// `path` (relative, or from the site root when it starts with `/`) from `folder`,
/// with `.` and `..` worked out; `None` when it climbs above the root. A trailing `/`
/// is kept.
fn join(folder: &str, path: &str) -> Option<String> {
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

/// The path from `folder` to the site path `to`.
fn relative_to(folder: &str, to: &str) -> String {
    let from: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let target: Vec<&str> = to.split('/').collect();
    let common = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&target[common..].join("/"));
    out
}

impl super::Article {
    /// Whether `id`, which is not an id on the page (`on_page` false), names the
    /// heading that became the article's title: mdBook gives a chapter's opening
    /// heading an id and books link to it (`ch01-01-installation.html#installation`);
    /// here that heading is the page's title, so such a link leads to the page itself.
    pub fn names_its_title(&self, id: &str, on_page: bool) -> bool {
        !on_page && !id.is_empty() && crate::markdown::heading_slug(&self.title) == id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(relative_to("a/b", "a/img/x.png"), "../img/x.png");
        assert_eq!(relative_to("", "a/x.png"), "a/x.png");
    }

    #[test]
    fn targets_are_written_relative_to_each_page() {
        let page = RefTarget::Site {
            path: "patterns/x/".into(),
            suffix: String::new(),
            fragment: Some("why".into()),
            article: Some(0),
        };
        assert_eq!(page.href("../../", UrlStyle::Web), "../../patterns/x/#why");
        assert_eq!(
            page.href("", UrlStyle::Offline),
            "patterns/x/index.html#why"
        );
        let file = RefTarget::Site {
            path: "a b/ü.png".into(),
            suffix: "?v=1".into(),
            fragment: None,
            article: None,
        };
        assert_eq!(
            file.href("../", UrlStyle::Offline),
            "../a%20b/%C3%BC.png?v=1"
        );
        let home = RefTarget::Site {
            path: String::new(),
            suffix: String::new(),
            fragment: None,
            article: None,
        };
        assert_eq!(home.href("", UrlStyle::Web), "./");
    }
}
