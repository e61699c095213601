//! Where the site is published: `base_url`, the path it gives, and the path the tool a
//! site comes from publishes it under when `base_url` is not set.

use super::{is_placeholder_url, Config};

impl Config {
    /// The base URL with exactly one trailing slash, if set.
    pub fn base_url(&self) -> Option<String> {
        self.site
            .base_url
            .as_ref()
            .map(|u| format!("{}/", u.trim_end_matches('/')))
    }

    /// The path the site is published under, from `base_url` (`/` for a site at the
    /// root of its host, `/library/` under a sub-path); `None` without a `base_url`.
    pub fn base_path(&self) -> Option<String> {
        let url = self.base_url()?;
        let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
        let path = rest.find('/').map_or("/", |i| &rest[i..]);
        let path = path.split(['?', '#']).next().unwrap_or("/");
        Some(if path.ends_with('/') {
            path.to_string()
        } else {
            format!("{path}/")
        })
    }

    /// Whether `base_url` is set to a placeholder address (see [`is_placeholder_url`]).
    pub fn base_url_is_placeholder(&self) -> bool {
        self.site
            .base_url
            .as_deref()
            .is_some_and(is_placeholder_url)
    }

    /// The path links written from the host's root take to lead into the site (not
    /// `/`): `base_url`'s (`/handbook` for `https://example.org/handbook/`), else the
    /// one the site's own tool publishes it under (Jekyll's `baseurl`).
    pub fn site_path(&self) -> Option<String> {
        let path = match self.base_path() {
            Some(path) => path,
            None => self.site.tool_base_path.clone()?,
        };
        let path = path.trim_end_matches('/');
        (!path.is_empty()).then(|| path.to_string())
    }
}
