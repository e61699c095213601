//! Netlify's `_redirects` file (Cloudflare Pages reads the same one), published at
//! the site's root from the static or the content folder: its rules that a static
//! site can honour are old addresses, read as `[redirects]` entries are, so links
//! written to them lead to the page and attune writes a redirect page there too.
//!
//! A rule is `from to [status][!]`, one a line, `#` starting a comment. Read: a plain
//! path (`/integrations`) to a path or a page (`/ecosystem`), with no status (301, the
//! host's default) or a redirect's (301, 302, 303, 307, 308), forced (`301!`) or not.
//! Passed over, left to the host that reads the file: placeholders and splats
//! (`/news/:year/*`), query parameters and conditions (`id=:id`, `Country=au`,
//! `Role=admin`), rewrites (`200`), custom responses (`404`, `410`), proxies and other
//! domains' rules. The file itself stays published as it is.

use super::{Asset, AssetFolder};
use crate::config::Entry;
use std::path::{Path, PathBuf};

/// The file's name, as Netlify and Cloudflare Pages read it at the published root.
const FILE_NAME: &str = "_redirects";

/// The rules of the `_redirects` file published at the site's root (one of `assets`,
/// from the static folder `static_dir` or the content folder `dir`), as redirect
/// entries of the host's (see [`Entry::host`]); none without one.
pub(super) fn read(
    root: &Path,
    dir: &Path,
    static_dir: Option<&str>,
    assets: &[Asset],
) -> Vec<Entry> {
    // The static folder's copy is published over the content folder's.
    let mut published: Vec<&Asset> = (assets.iter())
        .filter(|a| a.rel == Path::new(FILE_NAME))
        .collect();
    published.sort_by_key(|a| a.from != AssetFolder::Static);
    let Some(file) = published.first().and_then(|a| match a.from {
        AssetFolder::Static => static_dir.map(|s| root.join(s).join(FILE_NAME)),
        AssetFolder::Content => Some(dir.join(FILE_NAME)),
        _ => None,
    }) else {
        return Vec::new();
    };
    let Ok(text) = std::fs::read_to_string(&file) else {
        return Vec::new();
    };
    let shown = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
    rules(&text, &shown)
}

/// The rules of `text` a static site can honour, in order, the first for an old
/// address winning as it wins on the host; `file` names where they are written.
fn rules(text: &str, file: &Path) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (Some(&from), Some(&to)) = (fields.first(), fields.get(1)) else {
            continue;
        };
        if from.starts_with('#') || fields.len() > 3 || !is_redirect(fields.get(2).copied()) {
            continue;
        }
        // Query parameters and conditions (`id=:id`, `Country=au`) ask the host.
        if fields.iter().any(|f| f.contains('=')) || !is_plain_path(from) {
            continue;
        }
        if to.split('/').any(|s| s.starts_with(':') || s.contains('*')) {
            continue;
        }
        let key = crate::text::decoded_path(from);
        if !seen.insert(key.clone()) {
            continue;
        }
        let from_at = line.find(from).unwrap_or(0);
        let to_at = from_at + from.len() + line[from_at + from.len()..].find(to).unwrap_or(0);
        entries.push(Entry {
            key,
            value: to.to_string(),
            at: (n + 1, line[..from_at].chars().count() + 1),
            value_at: (n + 1, line[..to_at].chars().count() + 1),
            file: PathBuf::from(file),
            host: true,
        });
    }
    entries
}

/// Whether a rule's status (`301`, `302!`, none) makes it a redirect a page can stand
/// for: not a rewrite (`200`), a custom response (`404`) or anything else.
fn is_redirect(status: Option<&str>) -> bool {
    let code = status.map(|s| s.strip_suffix('!').unwrap_or(s));
    matches!(code, None | Some("301" | "302" | "303" | "307" | "308"))
}

/// Whether `from` is one address of this site, a path from its root: no other domain
/// (`https://blog.example.org/*`), no placeholder or splat, not the root itself.
fn is_plain_path(from: &str) -> bool {
    from.starts_with('/')
        && !from.starts_with("//")
        && !from.trim_matches('/').is_empty()
        && !from.contains(['*', '?', '#', '\\', '\0'])
        && !from
            .split('/')
            .any(|s| s.starts_with(':') || s == "." || s == "..")
}

#[cfg(test)]
mod tests {
    use super::rules;
    use std::path::Path;

    #[test]
    fn only_rules_a_static_site_can_honour_are_read() {
        let text = "# Old docs\n\
            /integrations            /ecosystem             301!\n\
            /old/page.html   /new/  \n\
            /moved  /there  302\n\
            /docs/*                  /flux/:splat           301!\n\
            /legacy/*                /flux/migration        301!\n\
            /news/:year/:slug        /blog/:slug            301\n\
            /store id=:id            /blog/                 301\n\
            /                        /fr/                   302 Country=fr\n\
            /admin/*                 /admin/  200! Role=admin\n\
            /app                     /app/index.html        200\n\
            /gone                    /404.html              404\n\
            /api/*                   https://api.example.org/:splat  200\n\
            https://old.example.org/* https://example.org/:splat 301!\n\
            /integrations            /elsewhere\n\
            /blog                    https://blog.example.org/  301\n";
        let rules = rules(text, Path::new("static/_redirects"));
        let read: Vec<(&str, &str)> = rules
            .iter()
            .map(|e| (e.key.as_str(), e.value.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                ("/integrations", "/ecosystem"),
                ("/old/page.html", "/new/"),
                ("/moved", "/there"),
                ("/blog", "https://blog.example.org/"),
            ]
        );
        assert_eq!((rules[0].at, rules[0].value_at), ((2, 1), (2, 26)));
        assert!(rules.iter().all(|e| e.host));
        assert_eq!(rules[0].file, Path::new("static/_redirects"));
    }
}
