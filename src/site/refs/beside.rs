//! References that lead off the site: relative links that climb above it, as a book
//! published beside other documentation writes them (`../../reference/x.md`), the
//! address beside the site each leads to, from `base_url`; links written with the
//! path the site is published at. (Media of other origins: `remote.rs`.)

use super::paths::join;
use crate::diagnostic::{Code, Diagnostic};
use crate::markdown::RefKind;
use crate::site::Site;

impl Site {
    /// The address a relative path climbing above the site leads to on the site's
    /// host (from `base_url`), the path worked out from the source's `folder`, as a
    /// book published beside other documentation links to it.
    pub(in crate::site) fn address_beside(
        &self,
        folder: &str,
        decoded: &str,
        query: &str,
        fragment: Option<&str>,
    ) -> Option<String> {
        let base = self.config.base_url()?;
        let (scheme, rest) = base.split_once("://")?;
        let (host, path) = rest.split_at(rest.find('/')?);
        let joined = join(
            &format!("{}{folder}", path.trim_start_matches('/')),
            decoded,
        )?;
        let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        Some(format!("{scheme}://{host}/{joined}{query}{fragment}"))
    }

    /// A root-relative path that starts with the path of `base_url` (not `/`), or
    /// without one the path the site's own tool publishes it under (Jekyll's
    /// `baseurl`): the rest, from the site's root (`/handbook/tags/x/` → `/tags/x/` for
    /// a site at `https://example.org/handbook/`).
    pub(in crate::site) fn below_base_path<'a>(&self, decoded: &'a str) -> Option<&'a str> {
        let path = self.config.site_path()?;
        let after = decoded.strip_prefix(path.as_str())?;
        if after.is_empty() {
            return Some("/");
        }
        after.starts_with('/').then_some(after)
    }

    /// `decoded` as a browser on the published site reads it: a root-relative path
    /// that starts with the path of `base_url` (`/handbook/tags` on a site at
    /// `https://example.org/handbook/`) from the host's root, unless the site has
    /// such a path of its own (`on_site`).
    pub(in crate::site) fn within_base_path(
        &self,
        decoded: String,
        on_site: impl Fn(&str) -> bool,
    ) -> String {
        match self.below_base_path(&decoded) {
            Some(rest) if !on_site(&decoded) => rest.to_string(),
            _ => decoded,
        }
    }

    /// A relative `.md` link from the file `from` that climbs above the site (the
    /// Cargo book's `../../reference/conditional-compilation.md`): the address beside
    /// the site it leads to, the `.md` written `.html` as mdBook writes it, with its
    /// warning (without a `base_url`, an error and no address); `None` for a link
    /// within the site.
    pub(in crate::site) fn md_link_beside(
        &self,
        from: &std::path::Path,
        path: &str,
        anchor: Option<&str>,
    ) -> Option<(String, Diagnostic)> {
        if path.starts_with('/') || path.starts_with("@/") {
            return None;
        }
        let decoded = crate::text::decoded_path(path);
        let folder = from
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if join(&folder, &decoded).is_some() {
            return None;
        }
        let stem = decoded
            .strip_suffix(".md")
            .or(decoded.strip_suffix(".markdown"))?;
        let Some(address) = self.address_beside(&folder, &format!("{stem}.html"), "", anchor)
        else {
            let d = above_error(path, &folder, &decoded);
            // As any link that leads nowhere: a warning with `broken_links = "warn"`.
            let d = self
                .config
                .build
                .broken_links
                .report(d, RefKind::Link.left_out());
            return Some((String::new(), d));
        };
        let d = outside_warning(path, &address);
        Some((address, d))
    }
}

/// The warning for a link written `url` that climbs above the site to `address` beside
/// it. A book beside other documentation links to it often (the Rust book: 33 links to
/// `../std/`, `../reference/`): the links to one folder there are one family.
pub(in crate::site) fn outside_warning(url: &str, address: &str) -> Diagnostic {
    let after_host = address
        .find("://")
        .and_then(|i| address[i + 3..].find('/').map(|j| i + 3 + j + 1))
        .unwrap_or(address.len());
    let folder = match address[after_host..].find('/') {
        Some(end) => &address[..after_host + end + 1],
        None => &address[..after_host],
    };
    Diagnostic::warning(
        Code::OutsideLink,
        format!("'{url}' leads outside the site, to {address}: written as that address and not checked"),
    )
    .help("if that page is part of this library, its path from this file's folder is wrong: `../` climbs one folder")
    .family(format!("links to `{folder}`"))
}

/// The error for a link written `url` in the site's folder `folder` that climbs above
/// the site, with no `base_url` to say what is there: the links to one folder above
/// are one family (the Rust edition guide: 147 links to `../std/`, `../cargo/`, …).
pub(in crate::site) fn above_error(url: &str, folder: &str, decoded: &str) -> Diagnostic {
    let d = Diagnostic::error(Code::BrokenLink, format!("'{url}' leads outside the site"))
        .help("a relative path starts from this file's folder; `../` climbs one folder");
    match above_folder(folder, decoded) {
        Some(above) => d.family(format!("links to `{above}`")),
        None => d,
    }
}

/// The folder above the site that `path`, from the site's folder `folder`, leads into
/// (`../std/` for `../../std/vec/index.html` from `guide/`); `None` when it stays in
/// the site.
fn above_folder(folder: &str, path: &str) -> Option<String> {
    let mut depth = folder.split('/').filter(|s| !s.is_empty()).count();
    let mut above = 0;
    let parts: Vec<&str> = (path.split('/'))
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for (n, part) in parts.iter().enumerate() {
        match *part {
            ".." if depth > 0 => depth -= 1,
            ".." => above += 1,
            // A file right above the site is in the folder the climb reached.
            _ if above > 0 && (n + 1 < parts.len() || path.ends_with('/')) => {
                return Some(format!("{}{part}/", "../".repeat(above)));
            }
            _ if above > 0 => break,
            _ => depth += 1,
        }
    }
    (above > 0).then(|| "../".repeat(above))
}

#[cfg(test)]
mod tests {
    use super::above_folder;

    #[test]
    fn a_link_above_the_site_is_named_by_the_folder_it_climbs_into() {
        assert_eq!(
            above_folder("editions", "../../std/vec/index.html").as_deref(),
            Some("../std/")
        );
        assert_eq!(above_folder("", "../std/").as_deref(), Some("../std/"));
        assert_eq!(
            above_folder("a/b", "../../../../x/y.html").as_deref(),
            Some("../../x/")
        );
        assert_eq!(
            above_folder("a", "../../index.html").as_deref(),
            Some("../")
        );
        assert_eq!(above_folder("a/b", "../c/d.html"), None);
    }
}
