//! HTML files under `content/` (and the static folder), which the build copies as they are: nothing in them is
//! rewritten, so every URL they follow or load is checked as written, from the file's
//! own place in the output, the way a browser will read it in each edition the build
//! makes (a root-relative link fails under a sub-path and offline; a link to a folder
//! fails from `file://`). One address that fails in many files is reported once, counted.

use super::paths::{join, relative_to};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::markdown::{is_external, scan_html, RefKind};
use crate::site::links::is_generated_anchor;
use crate::site::{Site, UrlKind, UrlStyle};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

impl Site {
    /// Every copied `.html`/`.htm` file (of the content or the static folder): its
    /// output path, where it is in the sources (as messages name it), and its text.
    fn copied_pages(&self) -> Vec<(String, PathBuf, String)> {
        let html = |a: &&crate::load::Asset| {
            a.rel
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
        };
        let read = |a: &crate::load::Asset| {
            let file = self.asset_file(a);
            let text = std::fs::read_to_string(self.root.join(&file)).ok()?;
            Some((a.path(), file, text))
        };
        self.assets.iter().filter(html).filter_map(read).collect()
    }

    /// Checks the URLs in every copied `.html`/`.htm` file.
    pub(in crate::site) fn check_copied_html(&self, diagnostics: &mut Diagnostics) {
        let pages = self.copied_pages();
        if pages.is_empty() {
            return;
        }
        let scans: HashMap<&str, _> = pages
            .iter()
            .map(|(path, _, text)| (path.as_str(), scan_html(text, 0)))
            .collect();
        let ids_of = |path: &str| -> Option<HashSet<&str>> {
            if let Some(scan) = scans.get(path) {
                return Some(scan.ids.iter().map(|(id, _, _)| id.as_str()).collect());
            }
            let t = self
                .articles
                .iter()
                .position(|a| format!("{}index.html", a.url) == path)?;
            let parsed = &self.articles[t].parsed;
            Some(
                parsed
                    .headings
                    .iter()
                    .map(|h| h.id.as_str())
                    .chain(parsed.html_ids.iter().map(String::as_str))
                    .collect(),
            )
        };
        // `check` builds the model for the web edition alone: the offline edition
        // counts whenever the build will make one.
        let offline = self.style != UrlStyle::Web || self.config.build.offline_zip;
        // With `broken_links = "warn"`, what leads nowhere is a warning here too; the
        // file is published unchanged all the same.
        let report = |d: Diagnostic| {
            self.config
                .build
                .broken_links
                .report(d, "unchanged, as every copied file is")
        };
        for (path, file, text) in &pages {
            // A server's template (Django, Jinja, Liquid: `{% static 'x.css' %}`,
            // `{% url 'cart' %}`), kept among a book's code examples, is no page of
            // the site: its addresses are the server's, not files beside it.
            if is_server_template(text) {
                continue;
            }
            let scan = &scans[path.as_str()];
            let folder = path.rsplit_once('/').map_or("", |(f, _)| f);
            // Paths to missing files: more than three in this file (a vault's exported
            // Dataview table) are one warning for the file.
            let mut missing: Vec<Diagnostic> = Vec::new();
            for found in &scan.refs {
                let url = found.url.trim();
                // An address a template fills in (`{{ item.href }}`) names no file.
                if url.is_empty() || is_external(url) || url.contains("{{") || url.contains("{%") {
                    continue;
                }
                let (line, column) = position(text, found.value.start);
                // One address written in many copied files (a built site's navigation
                // in each of its pages) is one report that counts them.
                let report = |d: Diagnostic| report(d).family(format!("uses of '{url}'"));
                let error =
                    |code, message: String| Diagnostic::error(code, message).at(file, line, column);
                let (before, fragment) = match url.split_once('#') {
                    Some((b, f)) => (b, Some(crate::text::decoded_path(f))),
                    None => (url, None),
                };
                let before = before.split('?').next().unwrap_or_default();
                // A warning with `broken_links = "warn"`, as what leads nowhere is: the
                // web edition at a host's root still finds it.
                if before.starts_with('/') {
                    diagnostics.push(report(
                        error(Code::RootRelative, format!("'{url}' starts from the site root: this file is published as it is, so the link breaks under a sub-path and offline"))
                            .help("write the path relative to this file's folder"),
                    ));
                    continue;
                }
                let target = if before.is_empty() {
                    path.clone()
                } else {
                    let decoded = crate::text::decoded_path(before);
                    let Some(joined) = join(folder, &decoded) else {
                        diagnostics.push(report(error(
                            Code::BrokenLink,
                            format!("'{url}' leads outside the site"),
                        )));
                        continue;
                    };
                    joined
                };
                let exact = (!target.is_empty() && !target.ends_with('/'))
                    .then(|| self.urls.get(&target))
                    .flatten()
                    .filter(|e| e.kind != UrlKind::Tree);
                let page = match exact {
                    Some(_) => None,
                    None => {
                        let page = match target.trim_end_matches('/') {
                            "" => "index.html".to_string(),
                            t => format!("{t}/index.html"),
                        };
                        self.urls
                            .get(&page)
                            .filter(|e| {
                                matches!(e.kind, UrlKind::Page | UrlKind::Redirect | UrlKind::File)
                            })
                            .map(|e| e.path.clone())
                    }
                };
                let resolved = match (exact, page) {
                    (Some(e), _) => e.path.clone(),
                    (None, Some(page)) if offline => {
                        diagnostics.push(report(
                            error(Code::BrokenLink, format!("'{url}' names a folder: read from a folder or USB stick (file://), it shows a listing, not the page"))
                                .help(format!("name the page's file: '{}'", relative_to(folder, &page))),
                        ));
                        continue;
                    }
                    (None, Some(page)) => page,
                    (None, None) => {
                        let what = match found.kind {
                            RefKind::Media(what) => format!("{what} '{url}' does not exist"),
                            RefKind::Link => {
                                format!("broken link to '{url}': no page or file there")
                            }
                        };
                        let d = match self.urls.get_folded(&target) {
                            Some(e) if e.kind != UrlKind::Tree => {
                                report(error(Code::BrokenLink, what).help(format!(
                                    "most web hosts tell capitals apart: the file is '{}'",
                                    e.path
                                )))
                            }
                            _ => {
                                missing.push(report(error(Code::MissingFile, what)
                                    .help("a path in a copied HTML file starts from that file's folder in the output")));
                                continue;
                            }
                        };
                        diagnostics.push(d);
                        continue;
                    }
                };
                let Some(id) = fragment.filter(|f| !f.is_empty()) else {
                    continue;
                };
                if !names_a_part(&id) {
                    continue;
                }
                if let Some(ids) = ids_of(&resolved) {
                    if !ids.contains(id.as_str()) {
                        diagnostics.push(report(
                            error(
                                Code::BrokenAnchor,
                                format!("no heading or id '{id}' in '{resolved}'"),
                            )
                            .suggest(&id, ids.iter().copied()),
                        ));
                    }
                }
            }
            let many = missing.len() > 3;
            diagnostics.extend(missing.into_iter().map(|d| match many {
                true => d.family(format!("paths to nothing in '{path}'")),
                false => d,
            }));
        }
    }

    /// The target of a reference (`url`, at `site_path` with its `query` and
    /// `fragment`) to a file the build writes as it is (copied from the content or
    /// static folder, or attune's own), in any letter case: a name in another case is
    /// reported, and so is a fragment that no id of a copied HTML file answers to, as a
    /// browser finds none (zellij's site links to its mdBook's pages kept in
    /// `static/documentation/`). `None` for a path that is no such file.
    pub(super) fn file_target(
        &self,
        (url, site_path, query, fragment): (&str, &str, &str, Option<&str>),
        (file, line, column): (&Path, usize, usize),
        ctx: &super::resolve::Lookup,
        diagnostics: &mut Diagnostics,
    ) -> Option<super::RefTarget> {
        let entry = (self.urls.get_folded(site_path)).filter(|e| e.kind == UrlKind::File)?;
        let broken = self.config.build.broken_links;
        if crate::text::nfc(&entry.path) != site_path && !self.copies.contains(site_path) {
            let d = Diagnostic::error(
                Code::BrokenLink,
                format!(
                    "'{url}' differs in letter case from the file '{}'",
                    entry.path
                ),
            )
            .help(
                "most web hosts tell capitals apart: write the name exactly as the file is named",
            );
            diagnostics.push(broken.report(d.at(file, line, column), "with the file's own name"));
        }
        let ids = |path: &str| ctx.copied_ids.get_or_init(|| self.copied_ids()).get(path);
        let part = fragment.filter(|id| names_a_part(id));
        let fragment = match part.and_then(|id| Some((id, ids(&entry.path)?))) {
            Some((id, ids)) if !ids.contains(id) => {
                let d = Diagnostic::error(
                    Code::BrokenAnchor,
                    format!("no heading or id '{id}' in '{}'", entry.path),
                )
                .suggest(id, ids.iter().map(String::as_str));
                diagnostics.push(broken.report(
                    d.at(file, line, column),
                    "as a link to the top of that page",
                ));
                fragment.filter(|_| !broken.warns())
            }
            _ => fragment,
        };
        Some(super::RefTarget::Site {
            path: entry.path.clone(),
            suffix: query.to_string(),
            fragment: fragment.map(str::to_string),
            article: None,
        })
    }

    /// The ids in each copied `.html`/`.htm` file, by its output path.
    fn copied_ids(&self) -> HashMap<String, HashSet<String>> {
        let ids = |text: &str| {
            scan_html(text, 0)
                .ids
                .into_iter()
                .map(|(id, _, _)| id)
                .collect()
        };
        (self.copied_pages().into_iter())
            .map(|(path, _, text)| (path, ids(&text)))
            .collect()
    }
}

/// Whether a fragment names a part of a page that must be there: not `#top` (every
/// browser's top of the page) nor an id attune writes itself.
fn names_a_part(id: &str) -> bool {
    !id.eq_ignore_ascii_case("top") && !is_generated_anchor(id)
}

/// 1-based line and column (in characters) of byte `at` in `text`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |n| n + 1);
    (line, before[start..].chars().count() + 1)
}

/// Whether an HTML file is a server's template: it holds a block tag `{% … %}` (Django,
/// Jinja, Liquid, Nunjucks), which a browser never sees.
fn is_server_template(text: &str) -> bool {
    text.find("{%")
        .is_some_and(|at| text[at + 2..].contains("%}"))
}
