//! `[redirects]` in book.toml, mdBook's `[output.html.redirect]` pasted as it is:
//! each old address a redirect page to the page its target names, claimed in the URL
//! table after the pages, so links written to the old address lead to the page.

use super::{display_url, Kind, Owner, UrlTable};
use crate::config::Entry;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::site::article::is_generated_on;
use crate::site::refs::paths::{join, FOLDER_TEXT};
use crate::site::Moved;
use crate::site::Site;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The address attune gives an old address written the way mdBook writes them:
/// `/old/chapter.html` is `old/chapter/`, as a link to `chapter.html` is read;
/// `/old/index.html` and `/old/` are `old/`.
pub(in crate::site) fn old_address(key: &str) -> String {
    let path = key.trim().trim_start_matches('/');
    let path = match path.strip_suffix(".html") {
        Some(stem) if stem == "index" || stem.ends_with("/index") => {
            stem.trim_end_matches("index").to_string()
        }
        Some(stem) => format!("{stem}/"),
        None if path.ends_with('/') => path.to_string(),
        None => format!("{path}/"),
    };
    if path == "/" {
        String::new()
    } else {
        path
    }
}

impl Site {
    /// Claims each `[redirects]` entry's old address as a redirect to the page its
    /// target names (from the old address's folder, or from the root with a leading
    /// `/`), into `aliases` (and `moved`, for the home page or a part of a page); an
    /// old address that names a file (`/old/x.html`) is claimed at that file too. A
    /// target that is no page, or a part that is not on it, is a `broken-link` or
    /// `broken-anchor` at its place in book.toml; targets on other sites, or above the
    /// site's root as a book on a shelf of books names them, are one `outside-link`
    /// warning, as attune writes redirects only to its own pages.
    pub(super) fn claim_redirects(
        &mut self,
        table: &mut UrlTable,
        aliases: &mut BTreeMap<String, usize>,
        diagnostics: &mut Diagnostics,
    ) {
        let entries = &self.config.redirects.entries;
        if entries.is_empty() {
            return;
        }
        let mut outside: Vec<&Entry> = Vec::new();
        let mut moved = BTreeMap::new();
        let mut moved_files = BTreeMap::new();
        let mut parts = Vec::new();
        for (entry, target) in entries.iter().zip(self.redirect_targets()) {
            let old = old_address(&entry.key);
            let (to, part) = match target {
                Target::Page(t, part) => (Some(t), self.checked_part(t, part, entry, diagnostics)),
                Target::Home(part) => (None, part),
                // The host's rules it honours itself: only those attune can write.
                Target::Outside | Target::Nowhere if entry.host => continue,
                Target::Outside => {
                    outside.push(entry);
                    continue;
                }
                Target::Nowhere => {
                    let d = Diagnostic::error(
                        Code::BrokenLink,
                        format!(
                            "redirect from '{}' to '{}': no page there",
                            entry.key.trim(),
                            entry.value.trim()
                        ),
                    )
                    .at(&entry.file, entry.value_at.0, entry.value_at.1)
                    // A list of redirects kept long after their pages moved (Beefree's
                    // `.gitbook.yaml`, 94 of them) is one problem.
                    .family("redirects to no page")
                    .help("a target is read from the old address's folder (from the site's root with a leading `/`), as a `.md` file, an mdBook `.html` page or a page's address");
                    diagnostics.push(
                        self.config
                            .build
                            .broken_links
                            .report(d, "without this redirect"),
                    );
                    continue;
                }
            };
            let (url, title, what) = match to {
                Some(t) => {
                    let a = &self.articles[t];
                    (a.url.clone(), a.title.clone(), a.path.display().to_string())
                }
                None => (
                    String::new(),
                    self.config.site.title.clone(),
                    "the home page".to_string(),
                ),
            };
            let to_here = Moved { url, part, title };
            // A part of an old page: followed from that page (see `moved_parts`).
            if let Some((path, part)) = entry.key.trim().split_once('#') {
                parts.push((entry, path, crate::text::decoded_path(part), to_here));
                continue;
            }
            if aliases.contains_key(&old) || moved.contains_key(&old) {
                continue;
            }
            let what = format!("the redirect '{}' to '{what}'", entry.key.trim());
            let owner = Owner::content(what, &entry.file, entry.at.0, entry.at.1);
            // At the page's own address a redirect only to a part of it would loop.
            // The folder form of an old file (`/vec/` for `/vec.html`) may be the page of
            // a folder (the Rustonomicon's `vec/` chapters' hub), which mdBook writes
            // elsewhere: the file alone is then the old address, as mdBook writes it.
            // A chapter written as that file (`vec.md`) is the old address's own page.
            let folder = format!("{old}index.html");
            let file = crate::site::alias_file(&entry.key);
            // A host's rule where a page or file is published: that one stays (the
            // host serves a file over a rule that is not forced, `301!`).
            if entry.host
                && [Some(&folder), file.as_ref()]
                    .iter()
                    .flatten()
                    .any(|p| table.owner_of(p).is_some())
            {
                continue;
            }
            let written: Vec<_> = self.articles.iter().filter(|a| a.url == old).collect();
            let chapter = written.iter().any(|a| {
                let stem = a.path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                !["index", "_index", "README", "readme"].contains(&stem)
            });
            // An old `dir/index.html` where attune draws a page of its own, the hub of
            // the folder `dir/` (cxx's book: `build/index.html` when mdBook had no page
            // there, its `build/` chapters having no README): that page stays, and links
            // to the old address lead to it.
            if let Some(drawn) = table
                .owner_of(&folder)
                .filter(|_| file.is_none() && written.is_empty())
            {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::UrlCollision,
                        format!("{} is not written: '{}' is {}", owner.what, display_url(&folder), drawn.what),
                    )
                    .at(&entry.file, entry.at.0, entry.at.1)
                    .help("links to the old address lead to that page, which lists the folder's pages; take the redirect out of book.toml to silence this"),
                );
                continue;
            }
            let file_only = file.is_some() && !chapter && table.owner_of(&folder).is_some();
            if old != to_here.url && !file_only {
                let claimed = table.claim(&folder, Kind::Redirect, owner.clone(), diagnostics);
                if !claimed {
                    continue;
                }
                if let Some(t) = to {
                    aliases.insert(old.clone(), t);
                }
                if to.is_none() || to_here.part.is_some() {
                    moved.insert(old, to_here.clone());
                }
            }
            if let Some(path) = file {
                if table.claim(&path, Kind::Redirect, owner, diagnostics) {
                    moved_files.insert(path, to_here);
                }
            }
        }
        let moved_parts = self.moved_parts_of(parts, aliases, &moved, &moved_files, diagnostics);
        self.moved_parts.extend(moved_parts);
        self.moved.extend(moved);
        self.moved_files.extend(moved_files);
        if let Some(first) = outside.first() {
            let n = outside.len();
            diagnostics.push(
                Diagnostic::warning(
                    Code::OutsideLink,
                    format!(
                        "{n} redirect{} in {} lead{} outside the site (first '{}' to '{}'): not written, as attune writes redirects only to its own pages",
                        if n == 1 { "" } else { "s" },
                        first.file.file_name().map_or_else(
                            || crate::config::FILE_NAME.into(),
                            |n| n.to_string_lossy()
                        ),
                        if n == 1 { "s" } else { "" },
                        first.key.trim(),
                        first.value.trim()
                    ),
                )
                .at(&first.file, first.at.0, first.at.1)
                .help("keep such redirects on the host that serves the other site, or remove them where they are written"),
            );
        }
    }

    /// [`Site::moved_parts`] from aliases naming a part of an old page (jenkins-x's
    /// docs: `aliases: [/about/features/#promotion]`), for which Hugo writes a redirect
    /// no browser asks for, as the part is never sent: the page at that address, if
    /// there is one, follows the part to the page the alias is of, as it follows an
    /// mdBook redirect of a part.
    pub(super) fn alias_parts(&mut self) {
        let mut found = Vec::new();
        for article in &self.articles {
            for alias in article.front.aliases.iter().map(|a| a.trim()) {
                let Some((path, part)) = alias.split_once('#') else {
                    continue;
                };
                if path.starts_with('/') && !part.is_empty() {
                    let to = Moved {
                        url: article.url.clone(),
                        part: None,
                        title: article.title.clone(),
                    };
                    found.push((crate::site::normalise_alias(path), part.to_string(), to));
                }
            }
        }
        for (url, part, to) in found {
            let list = self.moved_parts.entry(url).or_default();
            if !list.iter().any(|(p, _)| *p == part) {
                list.push((part, to));
            }
        }
    }

    /// [`Site::moved_parts`] from the redirects of parts of old pages (`"/page.html#old"
    /// = "new.html#part"`): each is followed from the page at that old address, an
    /// article or a redirect page, at its folder address and as the file mdBook wrote.
    /// An old page that is neither (its other parts, and itself, not redirected) is a
    /// warning: nothing there would follow them.
    fn moved_parts_of(
        &self,
        parts: Vec<(&Entry, &str, String, Moved)>,
        aliases: &BTreeMap<String, usize>,
        moved: &BTreeMap<String, Moved>,
        moved_files: &BTreeMap<String, Moved>,
        diagnostics: &mut Diagnostics,
    ) -> BTreeMap<String, Vec<(String, Moved)>> {
        let (by_rel, by_url) = self.page_maps();
        let mut found: BTreeMap<String, Vec<(String, Moved)>> = BTreeMap::new();
        for (entry, path, part, to) in parts {
            let site_path = join("", path.trim_start_matches('/')).unwrap_or_default();
            let page = page_at(&site_path, &by_rel, &by_url).map(|i| self.articles[i].url.clone());
            let old = old_address(path);
            let file = crate::site::alias_file(path);
            let redirected = aliases.contains_key(&old)
                || moved.contains_key(&old)
                || self.moved.contains_key(&old)
                || file.as_ref().is_some_and(|f| {
                    moved_files.contains_key(f) || self.moved_files.contains_key(f)
                });
            if page.is_none() && !redirected && !is_home(&site_path) {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::BrokenLink,
                        format!("redirect '{}': no page at '{path}' to follow it from", entry.key.trim()),
                    )
                    .at(&entry.file, entry.at.0, entry.at.1)
                    .help(format!("redirect the old page itself too, as mdBook needs: \"{path}\" = \"new-page.html\"")),
                );
                continue;
            }
            for url in [page, Some(old), file].into_iter().flatten() {
                let list = found.entry(url).or_default();
                if !list.iter().any(|(p, _)| *p == part) {
                    list.push((part.clone(), to.clone()));
                }
            }
        }
        found
    }

    /// The part (`#id`) a redirect to article `t` names, if it is on the page; one
    /// that is not is a `broken-anchor` at the target in book.toml (the redirect then
    /// leads to the top of the page), and one naming the heading that became the
    /// page's title leads to the top.
    fn checked_part(
        &self,
        t: usize,
        part: Option<String>,
        entry: &Entry,
        diagnostics: &mut Diagnostics,
    ) -> Option<String> {
        let id = part?;
        let article = &self.articles[t];
        let on_page = article.parsed.headings.iter().any(|h| h.id == id)
            || article.parsed.html_ids.contains(&id);
        if on_page || is_generated_on(article, &id) {
            return Some(id);
        }
        if article.names_its_title(&id, on_page) {
            return None;
        }
        let d = Diagnostic::error(
            Code::BrokenAnchor,
            format!(
                "redirect from '{}' to '{}': no heading or id '{id}' in '{}'",
                entry.key.trim(),
                entry.value.trim(),
                article.path.display()
            ),
        )
        .at(&entry.file, entry.value_at.0, entry.value_at.1)
        .suggest(
            &id,
            article
                .parsed
                .headings
                .iter()
                .map(|h| h.id.as_str())
                .chain(article.parsed.html_ids.iter().map(String::as_str)),
        );
        diagnostics.push(
            self.config
                .build
                .broken_links
                .report(d, "as a redirect to the top of that page"),
        );
        None
    }
}

/// Where a `[redirects]` entry leads.
#[derive(Clone)]
pub(in crate::site) enum Target {
    /// An article, and the part of it (`#id`) the target names.
    Page(usize, Option<String>),
    /// The home page, which no article is (a site without a root README or index).
    Home(Option<String>),
    /// Another site, or above this one's root.
    Outside,
    Nowhere,
}

impl Site {
    /// Where each `[redirects]` entry leads, in order: its target read from the old
    /// address's folder, or from the root with a leading `/`.
    pub(in crate::site) fn redirect_targets(&self) -> Vec<Target> {
        if self.config.redirects.entries.is_empty() {
            return Vec::new();
        }
        let (by_rel, by_url) = self.page_maps();
        let entries = &self.config.redirects.entries;
        // Per entry whose target is no page: the address it names.
        let mut named = vec![None; entries.len()];
        let mut targets: Vec<Target> = entries
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                let target = entry.value.trim();
                let path = target.split(['#', '?']).next().unwrap_or_default();
                let part = target
                    .split_once('#')
                    .map(|(_, p)| crate::text::decoded_path(p))
                    .filter(|p| !p.is_empty());
                if crate::markdown::is_external(target) || target.starts_with("//") {
                    return Target::Outside;
                }
                let key = entry.key.trim().trim_start_matches('/');
                let key = key.split('#').next().unwrap_or_default();
                let folder = key.rsplit_once('/').map_or("", |(f, _)| f);
                // `#part` alone: a part of the old address's own page (the Cargo book's
                // `"/reference/resolver.html#other-constraints" = "#constraints-and-heuristics"`).
                let (from, path) = match path {
                    "" => ("", key),
                    _ if path.starts_with('/') => ("", path),
                    _ => (folder, path),
                };
                match join(from, path) {
                    None => Target::Outside,
                    Some(site_path) => match page_at(&site_path, &by_rel, &by_url) {
                        Some(t) => Target::Page(t, part),
                        None if is_home(&site_path) => Target::Home(part),
                        None => {
                            named[i] = Some(old_address(&site_path));
                            Target::Nowhere
                        }
                    },
                }
            })
            .collect();
        // A target that is itself an old address leads where that redirect leads, as
        // mdBook's redirect pages lead on one after another; a cycle leads nowhere.
        let by_old: HashMap<String, usize> = (entries.iter().enumerate())
            .filter(|(_, e)| !e.key.contains('#'))
            .map(|(i, e)| (old_address(&e.key), i))
            .collect();
        let next = |at: usize| named[at].as_ref().and_then(|old| by_old.get(old).copied());
        for i in 0..targets.len() {
            let mut at = i;
            for _ in 0..entries.len() {
                match next(at) {
                    Some(n) if n != i => at = n,
                    _ => break,
                }
            }
            if at != i && !matches!(targets[at], Target::Nowhere) {
                targets[i] = targets[at].clone();
            }
        }
        targets
    }

    /// The articles by their path in the content folder and by their address.
    fn page_maps(&self) -> (HashMap<String, usize>, HashMap<&str, usize>) {
        let articles = self.articles.iter().enumerate();
        let by_rel = (articles.clone())
            .map(|(i, a)| (a.rel.to_string_lossy().replace('\\', "/"), i))
            .collect();
        let by_url = articles.map(|(i, a)| (a.url.as_str(), i)).collect();
        (by_rel, by_url)
    }

    /// A `.md` link to a file that is not there (`../old/chapter.md`), whose page
    /// mdBook would write at an old address `[redirects]` keeps
    /// (`/old/chapter.html`): the page it redirects to.
    pub(in crate::site) fn redirected_md(
        &self,
        from: &Path,
        target: &str,
    ) -> Option<(usize, Option<String>)> {
        if self.redirected.is_empty() {
            return None;
        }
        let decoded = crate::text::decoded_path(target);
        let folder = from
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let site_path = join(&folder, &decoded)?;
        let stem = site_path.strip_suffix(".md")?;
        let page = match stem.strip_suffix("README") {
            Some(folder) => format!("/{folder}index.html"),
            None => format!("/{stem}.html"),
        };
        self.redirected.get(&old_address(&page)).cloned()
    }

    /// [`Site::redirected`]: each `[redirects]` old address that leads to a page.
    pub(in crate::site) fn index_redirects(&mut self) {
        let targets = self.redirect_targets();
        self.redirected = self
            .config
            .redirects
            .entries
            .iter()
            .zip(targets)
            .filter_map(|(entry, t)| match t {
                Target::Page(t, part) => Some((old_address(&entry.key), (t, part))),
                _ => None,
            })
            .collect();
    }
}

/// Whether `site_path`, as a link names a page, is the site's home page: `/`,
/// `/index.html`.
fn is_home(site_path: &str) -> bool {
    matches!(site_path, "" | "index.html")
}

/// The article at `site_path`, written as a link would name it: a `.md` file, an
/// mdBook `.html` page (`index.html` is the folder's text), or a page's address.
fn page_at(
    site_path: &str,
    by_rel: &HashMap<String, usize>,
    by_url: &HashMap<&str, usize>,
) -> Option<usize> {
    let folder_text = |folder: &str| {
        FOLDER_TEXT
            .iter()
            .find_map(|name| by_rel.get(&format!("{folder}{name}")).copied())
    };
    if site_path.ends_with(".md") {
        return by_rel.get(site_path).copied();
    }
    let (stem_md, url) = match site_path.strip_suffix(".html") {
        Some(stem) if stem == "index" || stem.ends_with("/index") => {
            (None, stem.trim_end_matches("index").to_string())
        }
        Some(stem) => (Some(format!("{stem}.md")), format!("{stem}/")),
        None if site_path.is_empty() || site_path.ends_with('/') => (None, site_path.to_string()),
        None => (Some(format!("{site_path}.md")), format!("{site_path}/")),
    };
    stem_md
        .and_then(|md| by_rel.get(&md).copied())
        .or_else(|| by_url.get(url.as_str()).copied())
        .or_else(|| folder_text(&url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_addresses_are_read_as_mdbook_writes_them() {
        assert_eq!(
            old_address("/rust-2021/reserving-syntax.html"),
            "rust-2021/reserving-syntax/"
        );
        assert_eq!(
            old_address("/rust-2018/module-system/index.html"),
            "rust-2018/module-system/"
        );
        assert_eq!(old_address("/old/"), "old/");
        assert_eq!(old_address("/old"), "old/");
        assert_eq!(old_address("/index.html"), "");
    }
}
