//! Every reference a reader's browser will follow or load that is not a link to an
//! article by name — images, files under `content/`, `.html` and root-relative links,
//! every URL in raw HTML — resolved against the URL table and checked: a missing file
//! or page is an error with a "did you mean", a remote file the Content-Security-Policy
//! blocks is a warning. Resolved targets are site paths, so each page (article page,
//! `print.html`, either edition) writes them relative to where it is.
//!
//! This module is the resolved target and how a page writes it; [`resolve`] works
//! out where each reference leads, [`by_name`] finds files by name as Obsidian does,
//! [`copied`] checks HTML files copied as they are, [`paths`] joins and relates paths,
//! [`hugo_assets`] publishes the files of Hugo's `assets/` folder that pages use,
//! [`linked_plumbing`] the repository files beside the notes that pages link to,
//! [`unread`] says which setting publishes a missing file found in a folder not read,
//! [`remote`] reports the files of other origins pages would load, [`own_repo`] finds
//! the site's own files written as their address on GitHub.

use super::UrlStyle;
use crate::markdown::href_attr;
use crate::text::escape;

mod anchors;
pub(in crate::site) use anchors::{missing_anchor, IdHolders};
mod beside;
mod by_name;
mod copied;
mod hugo_assets;
mod linked_plumbing;
mod own_repo;
pub(in crate::site) mod paths;
mod remote;
mod resolve;
mod unread;
mod zola_path;

/// Where a reference leads, once resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RefTarget {
    /// Written as it is: another site, `mailto:`, `data:`, or a reference that is
    /// broken (and reported).
    AsIs(String),
    /// An id on the same page.
    Fragment(String),
    /// Leads nowhere, and `[build] broken_links = "warn"` publishes the page without
    /// it: written as [`crate::marks::BROKEN`], which the page then leaves out.
    Broken,
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
            RefTarget::Broken => crate::marks::BROKEN.to_string(),
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
            RefTarget::Broken => href,
            _ => match href.split_once('#') {
                Some((path, fragment)) => {
                    format!("{}#{}", escape(path), href_attr(fragment))
                }
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

#[cfg(test)]
mod tests {
    use super::*;

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
