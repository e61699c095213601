//! Old addresses claimed where nothing else is, silently: the `.html` file mdBook
//! published each chapter at, and the address Hugo gave a page with a `slug:` (or
//! Docusaurus a doc whose name has a number prefix).

use super::{Kind, Owner, UrlTable};
use crate::diagnostic::Diagnostics;
use crate::site::Site;
use std::collections::BTreeMap;

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
}
