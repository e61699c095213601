//! Every link resolved against the whole site: relative `.md` paths, wikilinks,
//! aliases and anchors, with a suggestion for each broken one; and the backlinks they make.

use super::article::is_generated_on;
use super::by_file::md_path;
use super::{Found, RefTarget, ResolvedLink, Site};
use crate::config::MissingLinks;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::markdown::LinkTarget;
use crate::text::percent_decode_lenient;
use rayon::prelude::*;
use std::path::Path;

/// Why a link to a chapter SUMMARY.md leaves out leads nowhere.
const NOT_LISTED: &str = "is not listed in SUMMARY.md, so not published";

impl Site {
    /// Why the `.md` path `target`, from the file `from`, is no page when SUMMARY.md
    /// is the reason: a chapter it does not list ([`NOT_LISTED`]), or SUMMARY.md itself.
    fn left_out_of_summary(&self, from: &Path, target: &str) -> Option<&'static str> {
        let summary = self.summary.as_ref()?;
        let path = md_path(from, target)?;
        match summary.left_out.contains(&path) {
            true => Some(NOT_LISTED),
            false => (path == summary.rel())
                .then_some("is the table of contents, read for the chapters' order, not a page"),
        }
    }

    /// The note a `name` several notes answer to leads to (see [`Site::pick`]), or,
    /// where it leads nowhere, the link shown as the name written.
    fn pick_or_text(
        &self,
        i: usize,
        link: &crate::markdown::OutLink,
        name: &str,
        candidates: &[usize],
        local: &mut Vec<Diagnostic>,
    ) -> Result<usize, ResolvedLink> {
        let d = self.ambiguous(i, (link.line, link.column), name, candidates);
        self.pick(d, candidates, local).ok_or_else(|| ResolvedLink {
            target: None,
            href: String::new(),
            title: name.to_string(),
        })
    }

    pub(super) fn resolve_links(&mut self, diagnostics: &mut Diagnostics) {
        let by_rel = self.pages_by_file();
        let style = self.style;
        let missing_warn = self.config.build.missing_links == MissingLinks::Warn;
        let broken = self.config.build.broken_links;
        let logseq = self.is_logseq_graph();
        // Each article's heading ids, for anchors checked in O(1) however many links
        // point at them.
        let heading_ids = self.anchor_sets();
        let holders = super::refs::IdHolders::default();
        let results: Vec<(Vec<ResolvedLink>, Vec<Diagnostic>)> = (0..self.articles.len())
            .into_par_iter()
            .map(|i| {
                let article = &self.articles[i];
                let mut local = Vec::new();
                let links = article
                    .parsed
                    .links
                    .iter()
                    .map(|link| {
                        let (target, anchor, mut written) = match &link.target {
                            LinkTarget::File { path, anchor } => {
                                // The part of the page a `[redirects]` target names.
                                let mut part = None;
                                let found =
                                    match self.md_target(&article.rel, path, &by_rel).or_else(
                                        || self.rooted_folder_text(&article.rel, path, &by_rel),
                                    ) {
                                        Some(t) => Some(t),
                                        None => match self.file_by_name(i, path, &by_rel) {
                                            Found::One(t) => Some(t),
                                            Found::Many(candidates) => {
                                                let name = display_path(path);
                                                match self.pick_or_text(
                                                    i,
                                                    link,
                                                    &name,
                                                    &candidates,
                                                    &mut local,
                                                ) {
                                                    Ok(t) => Some(t),
                                                    Err(text) => return text,
                                                }
                                            }
                                            Found::None => self
                                                .folder_text(&article.rel, path, &by_rel)
                                                .or_else(|| {
                                                    let (t, p) =
                                                        self.redirected_md(&article.rel, path)?;
                                                    part = p;
                                                    Some(t)
                                                }),
                                        },
                                    };
                                (found, anchor.clone().or(part), path.clone())
                            }
                            LinkTarget::Slug { slug, anchor } => {
                                let found = match self.lookup_from(i, slug) {
                                    Found::One(t) => Some(t),
                                    Found::Many(candidates) => {
                                        match self.pick_or_text(
                                            i,
                                            link,
                                            slug,
                                            &candidates,
                                            &mut local,
                                        ) {
                                            Ok(t) => Some(t),
                                            Err(text) => return text,
                                        }
                                    }
                                    Found::None => None,
                                };
                                (found, anchor.clone(), slug.clone())
                            }
                            LinkTarget::SamePage { anchor } => {
                                (Some(i), Some(anchor.clone()), String::new())
                            }
                            // Resolved and checked with the references: see
                            // [`Site::link_paths`].
                            LinkTarget::Path { .. } => {
                                return ResolvedLink {
                                    target: None,
                                    href: String::new(),
                                    title: String::new(),
                                }
                            }
                        };
                        let Some(t) = target else {
                            // A Logseq graph's page without a file is a tag's, below.
                            let folder = self.wikilinked_folder(article, link);
                            if let Some(url) = folder.filter(|_| !logseq) {
                                let href = style.href(&article.url, &url);
                                return ResolvedLink {
                                    target: None,
                                    href,
                                    title: written,
                                };
                            }
                            let is_file = matches!(link.target, LinkTarget::File { .. });
                            if is_file {
                                written = display_path(&written);
                            }
                            // Above the site: the page beside it, on its host.
                            if let LinkTarget::File { path, anchor } = &link.target {
                                if let Some((href, d)) =
                                    self.md_link_beside(&article.rel, path, anchor.as_deref())
                                {
                                    local.push(d.at(&article.path, link.line, link.column));
                                    let title = written;
                                    return ResolvedLink {
                                        target: None,
                                        href,
                                        title,
                                    };
                                }
                            }
                            // A Logseq graph's page no file has: a tag's.
                            let reference = (article, link, written.as_str());
                            if let Some(found) = self.logseq_reference(reference, logseq) {
                                return found;
                            }
                            // Attune's tag pages, a translation left out.
                            if let Some(path) = super::elsewhere::md_form(&link.target) {
                                if let Some(found) =
                                    self.md_elsewhere(article, &path, &written, link, &mut local)
                                {
                                    return found;
                                }
                            }
                            // A chapter SUMMARY.md leaves out of the book.
                            let summary = match &link.target {
                                LinkTarget::File { path, .. } => {
                                    self.left_out_of_summary(&article.rel, path)
                                }
                                _ => None,
                            };
                            let left_out = summary.is_some();
                            let excluded = self.left_out_by_exclude(&article.rel, &link.target);
                            let why = match (summary, &excluded) {
                                (Some(why), _) => why,
                                (_, Some(why)) => why.as_str(),
                                _ => "is not written yet",
                            };
                            // A note not written yet, whether a wikilink or a Markdown
                            // link to a `.md` file names it: plain text until it is.
                            let d = if missing_warn
                                && !matches!(link.target, LinkTarget::SamePage { .. })
                            {
                                Diagnostic::warning(
                                    Code::MissingNote,
                                    format!("'{written}' {why}: shown as plain text"),
                                )
                                .family(format!("links to '{written}'"))
                            } else {
                                Diagnostic::error(
                                    Code::BrokenLink,
                                    match left_out || excluded.is_some() {
                                        true => format!("broken link to '{written}': it {why}"),
                                        false => format!("broken link to '{written}'"),
                                    },
                                )
                            }
                            .at(&article.path, link.line, link.column);
                            let d = match &link.target {
                                _ if summary == Some(NOT_LISTED) => {
                                    d.help("list the chapter in SUMMARY.md to publish it")
                                }
                                _ if left_out => d,
                                // The message says why; no other note is meant.
                                _ if excluded.is_some() => d,
                                LinkTarget::File { .. } => {
                                    d.help(self.missing_note_help(&article.rel, &written))
                                }
                                _ => match self.missing_wikilink_help(&written) {
                                    Some(help) => d.help(help),
                                    None => d,
                                },
                            };
                            local.push(if missing_warn {
                                d
                            } else {
                                broken.report(d, "as its text, without a link")
                            });
                            return ResolvedLink {
                                target: None,
                                href: String::new(),
                                title: written,
                            };
                        };
                        let to = &self.articles[t];
                        // `[[Note#Heading text]]`, as Obsidian writes it: the heading
                        // whose text that is.
                        let by_name = !matches!(link.target, LinkTarget::File { .. });
                        let anchor = match anchor {
                            // `[[Note#Section#Sub-section]]`: the last heading named.
                            Some(a) if by_name && a.contains('#') => {
                                a.rsplit('#').next().map(|s| s.trim().to_string())
                            }
                            other => other,
                        };
                        // By a heading's text, too, in a Markdown link to a note
                        // (`[x](Note.md#Heading%20text)`, as Obsidian writes them), or
                        // by the id another tool made of it (Zola's `get-page` for
                        // "get_page", `busqueda` for "Búsqueda"): the heading whose text
                        // or id has the same letters and digits.
                        let anchor = match anchor {
                            Some(a) if !heading_ids[t].contains(a.as_str()) => {
                                let decoded =
                                    percent_decode_lenient(&a).unwrap_or_else(|| a.clone());
                                let wanted = crate::text::slugify(&decoded);
                                let loose = crate::text::loose_id(&decoded);
                                to.parsed
                                    .headings
                                    .iter()
                                    .find(|h| crate::text::slugify(&h.text) == wanted)
                                    .map(|h| h.id.as_str())
                                    .or_else(|| to.heading_in_other_form(&a))
                                    .map(|id| Some(id.to_string()))
                                    // The title's own heading: the page itself.
                                    .or_else(|| {
                                        (crate::text::slugify(&to.title) == wanted
                                            || !loose.is_empty()
                                                && crate::text::loose_id(&to.title) == loose)
                                            .then_some(None)
                                    })
                                    .unwrap_or(Some(a))
                            }
                            other => other,
                        };
                        let anchor = anchor.filter(|a| {
                            !to.names_its_title(a, heading_ids[t].contains(a.as_str()))
                        });
                        let mut anchor = anchor;
                        if let Some(missing) = anchor
                            .as_deref()
                            .filter(|a| !heading_ids[t].contains(a) && !is_generated_on(to, a))
                        {
                            let place = match (t == i, to.slug.is_empty()) {
                                (true, _) => "this page".to_string(),
                                (false, true) => "the home page".to_string(),
                                (false, false) => format!("'{}'", to.slug),
                            };
                            let message = format!("no heading with id '{missing}' in {place}");
                            let d = super::refs::missing_anchor(
                                self,
                                (&heading_ids, &holders),
                                (i, t),
                                missing,
                                message,
                            )
                            .at(&article.path, link.line, link.column);
                            // Published as a link to the page's top; on its own page, or
                            // as an embed of a part that is not there, as plain text.
                            let plain = t == i || link.embed;
                            local.push(broken.report(
                                d,
                                if plain {
                                    "as its text, without a link"
                                } else {
                                    "as a link to the top of that page"
                                },
                            ));
                            if broken.warns() {
                                if plain {
                                    return ResolvedLink {
                                        target: None,
                                        href: String::new(),
                                        title: to.title.clone(),
                                    };
                                }
                                anchor = None;
                            }
                        }
                        let title = to.link_label(&link.target, anchor.as_deref());
                        let fragment = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                        // On its own page: the heading, else the page itself (an empty
                        // href marks a note not written yet).
                        let href = if t == i && !fragment.is_empty() {
                            fragment
                        } else {
                            format!("{}{fragment}", style.href(&article.url, &to.url))
                        };
                        ResolvedLink {
                            target: Some(t),
                            href,
                            title,
                        }
                    })
                    .collect();
                (links, local)
            })
            .collect();
        for (links, local) in results {
            diagnostics.extend(local);
            self.links.push(links);
        }
    }

    /// Links by path ([`LinkTarget::Path`]) lead where their reference does, once
    /// [`Site::resolve_refs`] has resolved it: to an article, or nowhere in particular.
    pub(super) fn link_paths(&mut self) {
        for (i, article) in self.articles.iter().enumerate() {
            for (link, resolved) in article.parsed.links.iter().zip(&mut self.links[i]) {
                let LinkTarget::Path { reference } = link.target else {
                    continue;
                };
                if let Some(RefTarget::Site {
                    article: Some(t),
                    fragment,
                    ..
                }) = self.refs[i].get(reference)
                {
                    resolved.target = Some(*t);
                    resolved.title = self.articles[*t].title.clone();
                    let fragment = fragment.as_ref().map(|f| format!("#{f}"));
                    resolved.href = format!(
                        "{}{}",
                        self.style.href(&article.url, &self.articles[*t].url),
                        fragment.unwrap_or_default()
                    );
                }
            }
        }
    }
}

/// Ids attune writes itself, which links may target though they are not headings.
pub(super) fn is_generated_anchor(anchor: &str) -> bool {
    // `#` alone: the top of the page, as browsers read it.
    anchor.is_empty()
        || anchor.starts_with("ref-")
        || anchor.starts_with("source-")
        || matches!(anchor, "sources" | "top" | "main")
}

/// A `.md` link's path as its author reads it: percent-decoded.
fn display_path(path: &str) -> String {
    crate::text::decoded_path(path)
}
