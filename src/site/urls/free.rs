//! What to suggest when a URL is taken: a free path like it, and the collision error
//! at the claimant that names the first owner; the error for an old address that
//! leads out of the site (and the warning for a wildcard one); a content folder's
//! file where a page is, and any file where attune's own are.

use super::{display_url, Kind, Owner, UrlTable};
use crate::diagnostic::{Code, Diagnostic};
use crate::site::Site;

/// What is wrong with the alias `alias` (`url` once normalised), if anything: an
/// error for one that is no URL path inside the site; a warning for a wildcard, which
/// a host's redirect rules read (opentelemetry.io's `aliases: [/docs/workshop/*]`, a
/// Netlify splat) and no page can stand for, so it is left out.
pub(super) fn bad_alias(alias: &str, url: &str) -> Option<Diagnostic> {
    let outside = |s: &str| s == ".." || s == "." || s.contains(['\\', '\0', '?', '#']);
    if url.is_empty() || url.split('/').any(outside) {
        return Some(
            Diagnostic::error(
                Code::BadAlias,
                format!("alias '{alias}' is not a URL path inside the site"),
            )
            .help("write an old URL path such as /patterns/old-name/"),
        );
    }
    url.contains('*').then(|| {
        Diagnostic::warning(
            Code::BadAlias,
            format!("alias '{alias}' is a wildcard, which only a host's redirect rules read: it is left out"),
        )
        .help("a page stands at one address: write each old address as an alias of its own, or keep the wildcard in the host's redirect rules")
    })
}

impl UrlTable {
    /// A path like `path` that nobody has claimed: `-2`, `-3`, … on its last name,
    /// else (below a folder attune fills itself) on its first; empty if none is
    /// found in a few tries.
    pub fn free_path(&self, path: &str) -> String {
        let (body, page) = match path.strip_suffix("/index.html") {
            Some(folder) => (folder, true),
            None => (path, false),
        };
        let (stem, ext) = match body.rsplit_once('.') {
            Some((stem, ext)) if !page && !stem.is_empty() && !ext.contains('/') => {
                (stem, format!(".{ext}"))
            }
            _ => (body, String::new()),
        };
        let whole = |name: String| {
            if page {
                format!("{name}/index.html")
            } else {
                name
            }
        };
        let last = (2..20).map(|n| whole(format!("{stem}-{n}{ext}")));
        let first = (2..20).map(|n| match body.split_once('/') {
            Some((head, rest)) => whole(format!("{head}-{n}/{rest}")),
            None => whole(format!("{stem}-{n}{ext}")),
        });
        last.chain(first)
            .find(|candidate| self.owner_of(candidate).is_none())
            .unwrap_or_default()
    }

    /// Claims `path` for an old address from front matter (`aliases:`); one a page or
    /// an earlier alias has leads nowhere new, and is reported into `bad` as
    /// `broken_links` says: with `warn`, a warning, the address left out.
    pub(super) fn claim_alias(
        &mut self,
        path: &str,
        owner: Owner,
        broken: crate::config::BrokenLinks,
        bad: &mut Vec<Diagnostic>,
    ) -> bool {
        let mut clash = crate::diagnostic::Diagnostics::new();
        let free = self.claim(path, super::Kind::Redirect, owner, &mut clash);
        let shown = "without this old address, which stays the other's";
        bad.extend(clash.into_vec().into_iter().map(|d| {
            broken
                .report(d, shown)
                .family("old addresses another page has")
        }));
        free
    }

    /// The warning for a file of the site's folders that is not published: a content
    /// folder's file (not a page) at the path of a page claimed before it
    /// (`content/index.html`, a copy of another tool's built home page, beside
    /// `index.md`), as the page is what the content's Markdown writes; or any file at,
    /// or below, one of attune's own pages and files, which every build writes where
    /// they are (another tool's `static/sitemap.xml`, an old feed's redirect at
    /// `static/atom.xml/index.html`). `None` where neither is in its way.
    pub(super) fn left_out_file(
        &self,
        path: &str,
        file: &Owner,
        content: bool,
    ) -> Option<Diagnostic> {
        let page = self
            .get_folded(path)
            .filter(|e| content && e.kind == Kind::Page)
            .map(|e| &e.owner);
        let (first, kept) = match page {
            Some(page) => (page, "the page"),
            None => (self.owner_of(path).filter(|o| o.at.is_none())?, "attune's"),
        };
        let d = Diagnostic::warning(
            Code::UrlCollision,
            format!(
                "{} would publish '{}', which {first} publishes: {kept} is published, and this file is left out",
                file.what,
                display_url(path),
            ),
        );
        let d = match &file.at {
            Some((at, _, _)) => d.in_file(at),
            None => d,
        };
        Some(match page {
            Some(_) => d.help("to publish the file too, give it another name"),
            None => d.help(
                "attune writes it in every build; delete the file if another tool made it, or give it another name to publish it too",
            ),
        })
    }

    pub(super) fn clash(&self, path: &str, claimant: &Owner, first: &Owner) -> Diagnostic {
        let url = display_url(path);
        let free = match self.free_path(path) {
            free if free.is_empty() => "choose another path".to_string(),
            free => format!("'{}' is free", display_url(&free)),
        };
        let d = Diagnostic::error(
            Code::UrlCollision,
            format!(
                "{} would publish '{url}', which {first} already publishes",
                claimant.what
            ),
        );
        // attune's own page or file, which is always where it is, against a topic,
        // folder or file of the content: reported at the content, which is to move.
        if claimant.at.is_none() {
            if let Some((file, line, column)) = &first.at {
                let d = match line {
                    0 => d.in_file(file),
                    _ => d.at(file, *line, *column),
                };
                return d.help(format!(
                    "{} is always at '{url}': rename what claims it (the folder, file or topic id)",
                    claimant.what
                ));
            }
        }
        let d = match &claimant.at {
            Some((file, 0, _)) => d.in_file(file),
            Some((file, line, column)) => d.at(file, *line, *column),
            None => d,
        };
        let d = match &first.at {
            Some((file, line, column)) => {
                d.related(file, *line, *column, format!("{first} claims it here"))
            }
            None => d,
        };
        d.help(format!(
            "URLs must differ in more than letter case or Unicode form (case-insensitive disks and hosts merge them); {free}"
        ))
    }
}

impl Site {
    /// The error for a Hugo permalink or a Zola `path:` giving article `i` an old
    /// address that leads out of the site (`slug: "../x"` under `/:slug/`), at the
    /// `slug:`, `path:` or `title:` it was made from, else at the permalink's pattern.
    pub(super) fn outside(&self, i: usize, url: &str) -> Diagnostic {
        let article = &self.articles[i];
        let front = ["path", "slug", "title"]
            .into_iter()
            .filter(|key| *key != "path" || !self.permalink_at.contains_key(&i))
            .map(|key| (key, article.front_key(&[key])))
            .find(|(_, at)| *at != (1, 1));
        let (from, file, (line, column)) = match (self.permalink_at.get(&i), front) {
            (_, Some((key, at))) => (format!("`{key}:`"), article.path.as_path(), at),
            (Some(&at), None) => (
                "the Hugo permalink".to_string(),
                self.config.permalinks.file(),
                at,
            ),
            (None, None) => ("`path:`".to_string(), article.path.as_path(), (1, 1)),
        };
        let shown: String = url.chars().take(60).collect();
        let shown = crate::diagnostic::escape_controls(&shown).into_owned();
        Diagnostic::error(
            Code::BadAlias,
            format!(
                "{from} gives '{}' the old address '/{shown}', which is not an address inside the site",
                article.path.display()
            ),
        )
        .at(file, line, column)
        .help("write it as a path of the site's own, without `..`, `.`, `\\`, `?`, `#` or control characters as parts")
    }
}
