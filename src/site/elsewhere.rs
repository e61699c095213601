//! Links to `.md` paths that name no article but a page the site has in another form:
//! attune's own tag list and tag pages (Hugo's `{{< ref "tags" >}}`), or a translation
//! the site leaves out (`post.fr.md` on an `en` site), or the `.html` file mdBook
//! would lead it to (`page.md` as `page.html`).

use super::by_file::md_path;
use super::{Article, ResolvedLink, Site};
use crate::diagnostic::{Code, Diagnostic};
use crate::markdown::{LinkTarget, OutLink};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The section's `_index.md` the `.md` path `target` names, from `from`'s folder or,
/// with a leading `/`, from the content folder.
fn section_index(from: &Path, target: &str) -> Option<std::path::PathBuf> {
    let path = match target.strip_prefix('/') {
        Some(rooted) => md_path(Path::new("_"), rooted)?,
        None => md_path(from, target)?,
    };
    (path.file_stem()? == "_index").then_some(path)
}

/// The `.md` path a link that names no note is read as by [`Site::md_elsewhere`]: a
/// Markdown link's path; a wikilink to `tags/…` (Quartz's and Obsidian's link to a
/// tag's page, `[[tags/plugin/filter]]`) as that path's file.
pub(super) fn md_form(target: &LinkTarget) -> Option<std::borrow::Cow<'_, str>> {
    match target {
        LinkTarget::File { path, .. } => Some(path.as_str().into()),
        LinkTarget::Slug { slug, .. } if slug.to_lowercase().starts_with("tags/") => {
            Some(format!("{slug}.md").into())
        }
        _ => None,
    }
}

impl Site {
    /// The article a `.md` path from the file `from` names; else read from the folder a
    /// leaf bundle sits in, when `from` is the bundle's `index.md`: Hugo's `ref` and `GetPage` read a relative
    /// path from a bundle's container (`{{< ref "part-2" >}}` in
    /// `series/part-1/index.md` is `series/part-2`, a file or a bundle), not from the
    /// bundle's own folder, which holds its resources.
    pub(super) fn md_target(
        &self,
        from: &Path,
        target: &str,
        by_rel: &HashMap<PathBuf, usize>,
    ) -> Option<usize> {
        if let Some(t) = self.article_by_file(from, target, by_rel) {
            return Some(t);
        }
        // A path from the site's folder (`/docs/x.md`, content in `docs/`).
        let below_route = |route: &String| super::refs::paths::below_route(target, route);
        let mut from_route = self.content_routes.iter().filter_map(below_route);
        let at_root = |rest: &str| {
            let rest = rest.trim_start_matches('/');
            self.article_by_file(Path::new("_"), rest, by_rel)
        };
        if let Some(t) = from_route.find_map(at_root) {
            return Some(t);
        }
        // A path out of the content folder and back into it (`../docs/x.md`).
        let folder = from.parent().unwrap_or(Path::new("")).to_string_lossy();
        let back = self.back_into_content(&folder.replace('\\', "/"), target);
        if let Some(t) = back.and_then(|rest| at_root(&rest)) {
            return Some(t);
        }
        if from.file_stem()? != "index" || target.starts_with('/') || target.starts_with("@/") {
            return None;
        }
        let bundle = from.parent().filter(|p| !p.as_os_str().is_empty())?;
        self.article_by_file(bundle, target, by_rel)
            .or_else(|| self.folder_text(bundle, target, by_rel))
    }

    /// Why the note a link names is not there, when `[build] exclude` leaves it out
    /// or its front matter holds it back (`draft: true`, `publish: false`…): a `.md`
    /// path from the folder of `from` or from the content folder, or a wikilink's
    /// path or bare name (`[[Diary]]`), naming such a note; the message names the
    /// pattern and its place in book.toml, or the key holding the page back, nothing
    /// of the note beyond what the link wrote.
    pub(super) fn left_out_by_exclude(&self, from: &Path, target: &LinkTarget) -> Option<String> {
        let exclude = &self.exclude;
        if exclude.notes.is_empty() && exclude.held_back.is_empty() {
            return None;
        }
        let by_path = |target: &str, among: &dyn Fn(&Path) -> bool| {
            [from, Path::new("_")].iter().find_map(|from| {
                let path = md_path(from, target)?;
                among(&path).then_some(path)
            })
        };
        let (path, name) = match target {
            LinkTarget::File { path, .. } => (path.clone(), None),
            LinkTarget::Slug { slug, .. } => (format!("{slug}.md"), Some(slug.as_str())),
            _ => return None,
        };
        let excluded = by_path(&path, &|p| exclude.notes.iter().any(|n| n == p))
            .or_else(|| exclude.note_named(name?).map(Path::to_path_buf));
        let Some(note) = excluded else {
            let held = by_path(&path, &|p| exclude.held_back_why(p).is_some())
                .and_then(|p| exclude.held_back_why(&p))
                .or_else(|| exclude.held_back_named(name?).map(|(_, why)| why));
            return held.map(str::to_string);
        };
        if let Some(why) = exclude.default_of(&note, false) {
            return Some(format!("is left out: it is in {why}"));
        }
        let build = &self.config.build;
        let by = exclude.pattern_of(&note, false).and_then(|n| {
            let (line, column) = build.exclude_at.get(n)?;
            Some(format!(
                " pattern '{}' ({}:{line}:{column})",
                build.exclude.get(n)?,
                crate::config::FILE_NAME
            ))
        });
        Some(format!(
            "is left out by `[build] exclude`{}",
            by.unwrap_or_default()
        ))
    }

    /// Where the `.md` link `path` (written `written`) of `article`, which names no
    /// article, leads when it names one of these: attune's tag list or a tag's page
    /// (Hugo's `{{< ref "tags" >}}`, `{{< ref "tags/advanced" >}}`); or a translation
    /// into another language, left out of the site: the link is its text, with a
    /// warning, whatever `missing_links` says, as the page is written and only
    /// published elsewhere.
    pub(super) fn md_elsewhere(
        &self,
        article: &Article,
        path: &str,
        written: &str,
        link: &OutLink,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<ResolvedLink> {
        if let Some(url) = self.html_file_for(&article.rel, path) {
            let anchor = match &link.target {
                LinkTarget::File {
                    anchor: Some(anchor),
                    ..
                } => format!("#{anchor}"),
                _ => String::new(),
            };
            return Some(ResolvedLink {
                target: None,
                href: format!("{}{anchor}", self.style.href(&article.url, &url)),
                title: written.to_string(),
            });
        }
        // mdBook's not-found page's text, left out: attune's own not-found page.
        let not_found = || match path.strip_prefix('/') {
            Some(rooted) => md_path(Path::new("_"), rooted),
            None => md_path(&article.rel, path),
        };
        if self.not_found_text && not_found().is_some_and(|p| p == Path::new("404.md")) {
            let anchor = match &link.target {
                LinkTarget::File {
                    anchor: Some(a), ..
                } => format!("#{a}"),
                _ => String::new(),
            };
            let root = crate::url::UrlStyle::root(&article.url);
            return Some(ResolvedLink {
                target: None,
                href: format!("{root}404.html{anchor}"),
                title: written.to_string(),
            });
        }
        if let Some(href) = self.glossary_page_for(article, path, link) {
            return Some(ResolvedLink {
                target: None,
                href,
                title: "Glossary".to_string(),
            });
        }
        if let Some((url, title)) = self.redirected_hub(&article.rel, path) {
            return Some(ResolvedLink {
                target: None,
                href: self.style.href(&article.url, &url),
                title,
            });
        }
        if let Some(t) = self.redirected_section(&article.rel, path) {
            let to = &self.articles[t];
            return Some(ResolvedLink {
                target: Some(t),
                href: self.style.href(&article.url, &to.url),
                title: to.title.clone(),
            });
        }
        if let Some((url, title)) = self.tag_page_by_file(&article.rel, path) {
            return Some(ResolvedLink {
                target: None,
                href: self.style.href(&article.url, &url),
                title,
            });
        }
        let code = self.other_language_of(&article.rel, path)?;
        diagnostics.push(
            Diagnostic::warning(
                Code::OtherLanguage,
                format!(
                    "'{written}' is a translation into `{code}`, left out of this site (its language is `{}`): shown as plain text",
                    self.config.site.language
                ),
            )
            .at(&article.path, link.line, link.column)
            .help(format!(
                "a site is one language: link to the `{code}` page on the site built with `[site] language = \"{code}\"`, by its full address, or take the link out"
            )),
        );
        Some(ResolvedLink {
            target: None,
            href: String::new(),
            title: written.to_string(),
        })
    }

    /// The `.html` file of the content folder, published as it is, that the `.md` path
    /// `target` from `from` names when no article has it: mdBook writes a link to
    /// `page.md` as one to `page.html`, so a hand-written `page.html` beside the
    /// chapters (a redirect left where a chapter was) is where it leads. From the
    /// linking file's folder, or from the content folder for a path written from the
    /// root (`/programming/run-criteria.md`); its URL from the site root.
    fn html_file_for(&self, from: &Path, target: &str) -> Option<String> {
        let path = match target.strip_prefix('/') {
            Some(rooted) => md_path(Path::new("_"), rooted)?,
            None => md_path(from, target)?,
        };
        let html = path.to_string_lossy().replace('\\', "/");
        let html = format!("{}.html", html.strip_suffix(".md")?);
        self.assets
            .iter()
            .any(|a| a.from == crate::load::AssetFolder::Content && a.path() == html)
            .then_some(html)
    }

    /// The glossary page (with the term's anchor) that a link to GitBook's
    /// `GLOSSARY.md`, read as the glossary, leads to: from the linking file's folder,
    /// or from the content folder for a path written from the root.
    fn glossary_page_for(&self, article: &Article, target: &str, link: &OutLink) -> Option<String> {
        let glossary = self.glossary_md.as_deref()?;
        let path = match target.strip_prefix('/') {
            Some(rooted) => md_path(Path::new("_"), rooted)?,
            None => md_path(&article.rel, target)?,
        };
        if path != glossary {
            return None;
        }
        let anchor = match &link.target {
            LinkTarget::File {
                anchor: Some(anchor),
                ..
            } => format!("#{anchor}"),
            _ => String::new(),
        };
        Some(format!(
            "{}{anchor}",
            self.style.href(&article.url, "glossary/")
        ))
    }

    /// The page a section's `_index.md` named by the `.md` path `target` (from `from`'s
    /// folder, or from the content folder) redirects to, when Zola's `redirect_to` made
    /// its address a redirect (see `load::zola::section_redirects`): Zola's `@/` link
    /// to such a section leads to its redirect, so attune's leads to the page.
    fn redirected_section(&self, from: &Path, target: &str) -> Option<usize> {
        let path = section_index(from, target)?;
        let folder = path.parent()?.to_string_lossy().replace('\\', "/");
        self.exclude.held_back_why(&path)?;
        self.redirected.get(&format!("{folder}/")).map(|(t, _)| *t)
    }

    /// The hub (URL and title) of the folder whose `_index.md` the `.md` path `target`
    /// names, when Zola's `redirect_to` holds that file back and the folder keeps a hub
    /// at its address, listing its pages (see `load::zola::section_redirects`): the
    /// address Zola's `@/` link names.
    fn redirected_hub(&self, from: &Path, target: &str) -> Option<(String, String)> {
        let path = section_index(from, target)?;
        if !self.exclude.held_back_why(&path)?.contains("redirect_to") {
            return None;
        }
        let folder = path.parent()?;
        // A page below the folder, its address less one part for each folder below.
        let url = self.articles.iter().find_map(|a| {
            let below = a.rel.parent()?.strip_prefix(folder).ok()?;
            let folder_page = matches!(a.rel.file_stem()?.to_str()?, "_index" | "index");
            let up = below.components().count() + usize::from(!folder_page);
            let parts: Vec<&str> = a.url.trim_end_matches('/').split('/').collect();
            let keep = parts.len().checked_sub(up).filter(|&k| k > 0)?;
            Some(format!("{}/", parts[..keep].join("/")))
        })?;
        if let Some(section) = self.sections.iter().find(|s| s.url == url) {
            return Some((url, section.title.clone()));
        }
        let topic = self
            .config
            .topics
            .iter()
            .find(|t| format!("{}/", t.id) == url)?;
        Some((url, topic.title.clone()))
    }

    /// The tag list or a tag's page that the `.md` path `target` from `from` names when
    /// no file has it, as Hugo's `ref` names its taxonomy pages: `tags.md` (`/tags`) is
    /// the tag list, `tags/advanced.md` the page of the tag `advanced` when an article
    /// has it (`tags/plugin/filter.md`, a nested tag's, too). From the linking file's
    /// folder or from the content folder; the URL (from the site root) and a title.
    fn tag_page_by_file(&self, from: &Path, target: &str) -> Option<(String, String)> {
        let decoded = crate::text::decoded_path(target);
        let from_root = decoded.trim_start_matches('/').to_string();
        let relative = md_path(from, target).map(|p| p.to_string_lossy().replace('\\', "/"));
        [Some(from_root), relative]
            .into_iter()
            .flatten()
            .find_map(|path| {
                let path = path
                    .strip_suffix(".md")
                    .or(path.strip_suffix(".markdown"))?;
                let path = path.trim_end_matches("/_index").trim_end_matches("/index");
                match path.split_once('/') {
                    None if path == "tags" => Some(("tags/".to_string(), "Tags".to_string())),
                    Some((top, name)) if top.eq_ignore_ascii_case("tags") => {
                        let slug = crate::text::tag_slug(name);
                        let tag = self.tags.get(&slug)?;
                        Some((format!("tags/{slug}/"), tag.name.clone()))
                    }
                    _ => None,
                }
            })
    }

    /// The language of the translation the `.md` path `target` from `from` names, when
    /// it is one the site leaves out.
    fn other_language_of(&self, from: &Path, target: &str) -> Option<&str> {
        if self.other_language.is_empty() {
            return None;
        }
        let path = md_path(from, target)?;
        self.other_language.get(&path).map(String::as_str)
    }
}
