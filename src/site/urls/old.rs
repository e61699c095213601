//! Old addresses claimed where nothing else is, silently: the `.html` file mdBook
//! published each chapter at, the address Hugo gave a page with a `slug:` (or
//! Docusaurus a doc whose name has a number prefix), and the address of the page
//! Docusaurus generates for a folder (`/category/<label>`).

use super::{Kind, Owner, UrlTable};
use crate::diagnostic::Diagnostics;
use crate::site::{Moved, Site};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

impl Site {
    /// mdBook's `.html` address of each chapter (see [`Site::claim_urls`]); `files`
    /// gets each file claimed, with its article.
    pub(super) fn claim_mdbook_files(
        &self,
        table: &mut UrlTable,
        files: &mut BTreeMap<String, usize>,
    ) {
        // An mdBook (a SUMMARY.md) published each chapter as a file (`guide/setup.html`):
        // a redirect page there too, where nothing else is, so a reader's bookmark still
        // arrives.
        if self.summary.is_some() {
            let mut quiet = Diagnostics::new();
            for (i, article) in self.articles.iter().enumerate() {
                let rel = article.rel.to_string_lossy().replace('\\', "/");
                let Some(stem) = rel.strip_suffix(".md") else {
                    continue;
                };
                let is_folder_text = stem == "README" || stem.ends_with("/README");
                if is_folder_text || stem == "index" || stem.ends_with("/index") {
                    continue;
                }
                let file = format!("{stem}.html");
                let what = format!("the mdBook address of '{}'", article.slug);
                let owner = Owner::content(what, &article.path, 1, 1);
                if table.claim(&file, Kind::Redirect, owner, &mut quiet) {
                    files.insert(file, i);
                }
            }
        }
    }

    /// The address Hugo or Docusaurus gave a page (`FrontMatter::old_address`: see
    /// [`Site::claim_urls`]).
    pub(super) fn claim_hugo_addresses(
        &self,
        table: &mut UrlTable,
        files: &mut BTreeMap<String, usize>,
        aliases: &mut BTreeMap<String, usize>,
    ) {
        let page = |url: &str| format!("{url}index.html");
        // The address Hugo gave a page with a `slug:` (or Docusaurus a doc) where it
        // differs from the one above: an old address in the same way, where nothing
        // else claims it.
        for (i, article) in self.articles.iter().enumerate() {
            let Some(url) = article.front.old_address.as_deref() else {
                continue;
            };
            let url = crate::site::normalise_alias(url);
            let inside = !url.is_empty() && !url.split('/').any(|s| s == ".." || s == ".");
            let long = crate::text::too_long(&url).is_some();
            if !inside || long || url == article.url || aliases.contains_key(&url) {
                continue;
            }
            let what = format!("the earlier address of '{}'", article.slug);
            let owner = Owner::content(what, &article.path, 1, 1);
            let quiet = &mut Diagnostics::new();
            let file = article
                .front
                .old_address
                .as_deref()
                .and_then(crate::site::alias_file);
            if let Some(file) = file {
                if table.claim(&file, Kind::Redirect, owner.clone(), quiet) {
                    files.insert(file, i);
                }
            }
            if table.claim(&page(&url), Kind::Redirect, owner, quiet) {
                aliases.insert(url, i);
            }
        }
    }

    /// The address of the page Docusaurus generates for a folder whose `_category_`
    /// file asks for one (`link: {type: 'generated-index'}`): its `slug`, else
    /// `/category/` and the slug github-slugger makes of the folder's label (the
    /// folder's name without its number prefix when it has none), under the docs'
    /// route, which a link names without it (see `content_routes`), as
    /// plugin-content-docs' `normalizeCategoryLink` writes it. The folder's hub stands
    /// for that page: a redirect there, where nothing else is.
    pub(super) fn claim_category_pages(&mut self, table: &mut UrlTable) {
        if !(self.folder_labels.values()).any(|l| l.index.is_some()) {
            return;
        }
        let mut hubs: BTreeMap<&Path, (String, &str)> = (self.sections.iter())
            .filter_map(|s| Some((s.folder.as_deref()?, (s.url.clone(), s.title.as_str()))))
            .collect();
        // A topic made from a folder: the one its articles in that folder have.
        let topics = &self.config.topics;
        for article in &self.articles {
            let mut folders = article.rel.components();
            let (Some(first), Some(_)) = (folders.next(), folders.next()) else {
                continue;
            };
            let topic =
                (article.topic.as_deref()).and_then(|id| topics.iter().find(|t| t.id == id));
            if let Some(topic) = topic {
                let folder = Path::new(first.as_os_str());
                hubs.entry(folder)
                    .or_insert_with(|| (format!("{}/", topic.id), &topic.title));
            }
        }
        let mut found: Vec<(PathBuf, String, Moved)> = Vec::new();
        for (rel, label) in &self.folder_labels {
            let (Some(index), Some((url, title))) = (&label.index, hubs.get(rel.as_path())) else {
                continue;
            };
            let slug = index.slug.clone().unwrap_or_else(|| {
                let name = rel.file_name().unwrap_or_default().to_string_lossy();
                let named = (label.title.as_deref())
                    .unwrap_or_else(|| crate::load::docusaurus::without_number_prefix(&name));
                format!("category/{}", crate::markdown::heading_slug(named))
            });
            let to = Moved {
                url: url.clone(),
                part: None,
                title: title.to_string(),
            };
            found.push((rel.join("_category_.json"), slug, to));
        }
        for (file, slug, to) in found {
            let address = crate::site::normalise_alias(&slug);
            let inside = !address.is_empty() && !address.split('/').any(|s| s == ".." || s == ".");
            if !inside || address == to.url || crate::text::too_long(&address).is_some() {
                continue;
            }
            let what = format!("the Docusaurus category page of '{}'", to.url);
            let owner = Owner::content(what, file, 1, 1);
            let page = format!("{address}index.html");
            if table.claim(&page, Kind::Redirect, owner, &mut Diagnostics::new()) {
                self.moved.insert(address, to);
            }
        }
    }
}
