//! The feed under the names Hugo and Zola gave it. attune writes one Atom feed of the
//! whole site, `atom.xml` at its root (Zola's default name). A migrating site's
//! subscribers and links know Hugo's `index.xml` (the home page's, a section's or a
//! tag's), Zola's `rss.xml` and `atom.xml` (a section's too, with `generate_feeds`) or
//! Jekyll's `feed.xml`: on a Hugo site the feed is also written at `/index.xml`, on a
//! Zola site at `/rss.xml` (where the site has no file of its own there), so a feed
//! reader that subscribed keeps getting it; and a link to any of these names at the
//! site's root or in a folder that is a page of the site (`blog/index.xml`,
//! `tags/x/index.xml`) leads to attune's feed, which holds that section's pages too.

use super::{Kind, Owner, UrlTable};
use crate::site::{RefTarget, Site};
use std::path::Path;

/// attune's feed, at the site's root.
pub const FEED: &str = "atom.xml";

/// The names Hugo (`index.xml`), Zola (`atom.xml`, `rss.xml`) and Jekyll (`feed.xml`)
/// give a site's or a section's feed.
const FEED_NAMES: &[&str] = &["index.xml", "rss.xml", "atom.xml", "feed.xml"];

/// The names the site's own tool published its feed at, besides `atom.xml`, for a site
/// whose content folder is Hugo's (`index.xml`) or Zola's (`rss.xml`).
pub fn old_feed_names(root: &Path, dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    if crate::load::is_hugo(root, dir) {
        names.push("index.xml".to_string());
    } else if crate::load::is_zola(root, dir) {
        names.push("rss.xml".to_string());
    }
    names
}

/// Where a link to `site_path` (`blog/index.xml`, from the site's root; `query` its
/// `?…` as written) leads when it is a feed's name at the root or in a folder the site
/// has a page at: attune's feed.
pub fn old_feed(site_path: &str, urls: &UrlTable, query: &str) -> Option<RefTarget> {
    is_old_feed(site_path, urls).then(|| RefTarget::Site {
        path: FEED.to_string(),
        suffix: query.to_string(),
        fragment: None,
        article: None,
    })
}

fn is_old_feed(site_path: &str, urls: &UrlTable) -> bool {
    let (folder, name) = match site_path.rsplit_once('/') {
        Some((folder, name)) => (format!("{folder}/"), name),
        None => (String::new(), site_path),
    };
    FEED_NAMES.contains(&name)
        && (folder.is_empty() || urls.get(&format!("{folder}index.html")).is_some())
}

impl Site {
    /// Claims the feed's old names ([`old_feed_names`]) that nothing else claimed, last,
    /// so a file of the site's own at that path is published instead; keeps those.
    pub(super) fn claim_old_feeds(&mut self, table: &mut UrlTable) {
        let mut diagnostics = crate::diagnostic::Diagnostics::new();
        self.old_feeds.retain(|name| {
            table.get(name).is_none()
                && table.claim(
                    name,
                    Kind::File,
                    Owner::built_in(format!("the Atom feed, also at its old name {name}")),
                    &mut diagnostics,
                )
        });
    }
}
