//! Images and other media of other origins, which the site's Content-Security-Policy
//! keeps from loading. A few are reported at their places; many from one origin (a
//! vault's 13,547 badges from img.shields.io, one or more in each of its notes) are
//! one warning at the first place, saying how many and in how many files and naming a
//! few more places, so the rest of a first `check` on an imported site can be read.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// More than this many files of one kind from one origin are reported as one.
const ONE_BY_ONE: usize = 3;

/// How many places after the first the grouped warning names.
const LISTED: usize = 3;

/// A remote file a page loads: what it is ("image", "video"…), its address, and the
/// place of the reference.
pub(super) struct Remote {
    pub what: &'static str,
    pub url: String,
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Remote {
    /// The remote file a page's reference `r`, in `file`, loads; `None` for a link, or
    /// a file of the site's own.
    pub(super) fn of(file: &std::path::Path, r: &crate::markdown::OutRef) -> Option<Remote> {
        let url = r.url.trim();
        let crate::markdown::RefKind::Media(what) = r.kind else {
            return None;
        };
        // Another site's page in a frame is a link to it (`render/body.rs`).
        if what == "frame" {
            return None;
        }
        (crate::markdown::is_external(url) && crate::text::is_remote(url)).then(|| Remote {
            what,
            url: url.to_string(),
            file: file.to_path_buf(),
            line: r.line,
            column: r.column,
        })
    }
}

impl crate::site::Site {
    /// Resolves the reference `r` of article `i`; a remote file is added to `remotes`,
    /// but one at the site's own address that the site publishes is that file, as a
    /// root-relative path to it is (redox-os' news show
    /// `<img src="https://www.redox-os.org/img/hardware/thinkpad-t420.png">`, its
    /// `static/img/hardware/thinkpad-t420.png`), so it loads offline and on any host.
    pub(super) fn resolve_or_remote(
        &self,
        i: usize,
        r: &crate::markdown::OutRef,
        ctx: &super::resolve::Lookup,
        diagnostics: &mut Diagnostics,
        remotes: &mut Vec<Remote>,
    ) -> super::RefTarget {
        let own = (r.url.contains("://"))
            .then(|| self.config.base_url())
            .flatten()
            .and_then(|base| own_path(&base, r.url.trim()))
            .and_then(|path| self.published_file(i, r, path, ctx));
        if let Some(target) = own.or_else(|| self.own_repository_file(i, r, ctx)) {
            return target;
        }
        // Docusaurus reads `//img/a.png` as a path (Node's `url.parse` takes no host
        // from it) and finds the file in its static folder: so does attune there.
        // Its `pathname://` marks a path its bundler leaves as it is (`pathname:///img/a.png`).
        let url = r.url.trim();
        let slash_too_many = url.starts_with("//") && no_server(url).is_some();
        let path = match url.strip_prefix("pathname://") {
            Some(path) => Some(path.to_string()),
            None => slash_too_many.then(|| url[1..].to_string()),
        };
        if let Some(path) = path.filter(|_| self.docusaurus) {
            let local = crate::markdown::OutRef {
                url: path,
                ..r.clone()
            };
            return self.resolve_ref(i, &local, ctx, diagnostics);
        }
        remotes.extend(Remote::of(&self.articles[i].path, r));
        self.resolve_ref(i, r, ctx, diagnostics)
    }

    /// The file the site publishes that a remote image or other media names by its
    /// address in the site's own repository on GitHub (see `own_repo.rs`), resolved
    /// as a path from the site's root to it is.
    fn own_repository_file(
        &self,
        i: usize,
        r: &crate::markdown::OutRef,
        ctx: &super::resolve::Lookup,
    ) -> Option<super::RefTarget> {
        if !matches!(r.kind, crate::markdown::RefKind::Media(_)) || !r.url.contains("github") {
            return None;
        }
        let repositories = ctx.repositories.get_or_init(|| {
            super::own_repo::repositories(&self.root, self.config.mdbook_repository())
        });
        let file = super::own_repo::file_of(r.url.trim(), repositories)?;
        let content = super::paths::disk_key(&self.root.join(&self.config.build.content_dir));
        let in_content =
            super::paths::below(&content, &super::paths::disk_key(&file)).map(str::to_string);
        let published = in_content.or_else(|| self.published_from_disk(ctx, &file))?;
        self.published_file(i, r, format!("/{published}"), ctx)
    }

    /// The reference `r` written `path` instead, when that is a file or page the site
    /// publishes, found without a problem.
    fn published_file(
        &self,
        i: usize,
        r: &crate::markdown::OutRef,
        path: String,
        ctx: &super::resolve::Lookup,
    ) -> Option<super::RefTarget> {
        let local = crate::markdown::OutRef {
            url: path,
            ..r.clone()
        };
        let mut quiet = Diagnostics::new();
        let target = self.resolve_ref(i, &local, ctx, &mut quiet);
        let found = matches!(target, super::RefTarget::Site { .. });
        (found && quiet.sorted().is_empty()).then_some(target)
    }
}

/// The path from the site's root of `url` when it is an address on the site's own
/// `base` (the base URL, with its trailing `/`), by either scheme: with
/// `https://www.redox-os.org/`, `http://www.redox-os.org/img/a.png` is `/img/a.png`.
fn own_path(base: &str, url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let (_, base_rest) = base.split_once("://")?;
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return None;
    }
    let (host, path) = rest.split_at(rest.find('/')?);
    let (base_host, base_path) = base_rest.split_at(base_rest.find('/')?);
    let below = path.strip_prefix(base_path)?;
    (host.eq_ignore_ascii_case(base_host) && !below.is_empty()).then(|| format!("/{below}"))
}

/// The server `url` names when it has no name on the public web (one name without a
/// dot or a port, not `localhost`), as browsers read it: `//img/a.png`, a path from
/// the site's root written with one `/` too many (a server called `img`), or
/// `https:https://i.imgur.com/a.png` (a server called `https`).
fn no_server(url: &str) -> Option<String> {
    let host = crate::text::url_host(url);
    let server = host.trim_end_matches(':');
    let named = !server.is_empty() && !server.contains(['.', ':', '[']);
    (named && !server.eq_ignore_ascii_case("localhost")).then(|| server.to_string())
}

/// The warnings for `remotes`: one each, or one per kind and origin with many.
pub(super) fn report(mut remotes: Vec<Remote>, diagnostics: &mut Diagnostics) {
    remotes.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let mut groups: BTreeMap<(&'static str, String), Vec<&Remote>> = BTreeMap::new();
    for remote in &remotes {
        // An address whose server has no name on the public web: mistyped.
        if let Some(server) = no_server(&remote.url) {
            diagnostics.push(no_server_warning(remote, &server));
            continue;
        }
        let host = crate::text::url_host(&remote.url);
        groups.entry((remote.what, host)).or_default().push(remote);
    }
    for ((what, host), places) in groups {
        if places.len() <= ONE_BY_ONE {
            for r in places {
                diagnostics.push(one(r));
            }
            continue;
        }
        let mut files: Vec<&PathBuf> = places.iter().map(|r| &r.file).collect();
        files.dedup();
        let first = places[0];
        let mut d = Diagnostic::warning(
            Code::RemoteMedia,
            format!(
                "{} remote {what}s from {host} will not load ({}): the site's Content-Security-Policy lets pages load files only from the site itself",
                places.len(),
                match files.len() {
                    1 => "one file has them".to_string(),
                    n => format!("{n} files have them"),
                }
            ),
        )
        .at(&first.file, first.line, first.column);
        for r in places.iter().skip(1).take(LISTED) {
            d = d.related(&r.file, r.line, r.column, format!("'{}' here too", r.url));
        }
        let a = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        diagnostics.push(d.help(format!(
            "download each file into content/ (beside its article) and link to it by its relative path; {a} {what} made on request (a badge, a chart) has no file to keep: write what it says instead"
        )));
    }
}

/// The warning for a remote file whose address names `server`, no name on the public
/// web: with the path to write for `//img/…`, or the address for a scheme written
/// twice.
fn no_server_warning(remote: &Remote, server: &str) -> Diagnostic {
    let (what, url) = (remote.what, &remote.url);
    let (message, family, help) = match url.strip_prefix('/').filter(|p| p.starts_with('/')) {
        Some(path) => (
            format!("{what} '{url}' will not load: `//` starts another server's address, and `{server}` is none"),
            format!("addresses starting `//{server}/`"),
            format!("a path from the site's root starts with one `/`: write `{path}`"),
        ),
        None => {
            let after_scheme = url.split_once(':').map_or("", |(_, rest)| rest);
            let twice = ["http://", "https://"].iter().any(|s| after_scheme.starts_with(s));
            (
                format!("{what} '{url}' will not load: its address names the server `{server}`, which is no name on the public web"),
                format!("addresses naming the server `{server}`"),
                match twice {
                    true => format!("the scheme is written twice: write `{after_scheme}`"),
                    false => "write the server's whole name (`www.example.org`), or the file's path on this site".to_string(),
                },
            )
        }
    };
    Diagnostic::warning(Code::RemoteMedia, message)
        .at(&remote.file, remote.line, remote.column)
        .family(family)
        .help(help)
}

/// The warning for one remote file.
fn one(r: &Remote) -> Diagnostic {
    Diagnostic::warning(
        Code::RemoteMedia,
        format!(
            "remote {} '{}' will not load: the site's Content-Security-Policy lets pages load files only from the site itself",
            r.what, r.url
        ),
    )
    .at(&r.file, r.line, r.column)
    .help("download the file into content/ (beside this article) and link to it by its relative path")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_on_the_sites_own_base_url_is_a_path_from_its_root() {
        let base = "https://www.redox-os.org/";
        for (url, path) in [
            ("https://www.redox-os.org/img/a.png", Some("/img/a.png")),
            (
                "http://WWW.redox-os.org/img/a.png?v=1",
                Some("/img/a.png?v=1"),
            ),
            ("https://chat.redox-os.org/img/a.png", None),
            ("https://www.redox-os.org/", None),
            ("ftp://www.redox-os.org/img/a.png", None),
        ] {
            assert_eq!(own_path(base, url).as_deref(), path, "{url}");
        }
        let under = "https://example.org/library/";
        assert_eq!(
            own_path(under, "https://example.org/library/a.png").as_deref(),
            Some("/a.png")
        );
        assert_eq!(own_path(under, "https://example.org/other/a.png"), None);
    }

    fn remote(url: &str, file: &str, line: usize) -> Remote {
        Remote {
            what: "image",
            url: url.into(),
            file: file.into(),
            line,
            column: 1,
        }
    }

    /// The message and help of each warning `remotes` get, in order.
    fn reported(remotes: Vec<Remote>) -> Vec<String> {
        let mut d = Diagnostics::new();
        report(remotes, &mut d);
        d.sorted()
            .iter()
            .map(|d| format!("{} {:?}", d.message, d.help))
            .collect()
    }

    #[test]
    fn an_address_naming_no_server_on_the_web_says_so() {
        // Onion's docs: `![imgur](https:https://i.imgur.com/Wk6Z9lW.png)` names a
        // server called `https`; it was counted as one of 70 from i.imgur.com.
        let text = reported(vec![
            remote("https:https://i.imgur.com/a.png", "x.md", 3),
            remote("http://intranet/a.png", "x.md", 4),
            remote("https://i.imgur.com/b.png", "x.md", 5),
        ]);
        assert_eq!(text.len(), 3, "{text:?}");
        assert!(text[0].starts_with("image 'https:https://i.imgur.com/a.png' will not load: its address names the server `https`, which is no name on the public web"), "{text:?}");
        assert!(
            text[0].contains("the scheme is written twice: write `https://i.imgur.com/a.png`"),
            "{text:?}"
        );
        assert!(text[1].starts_with("image 'http://intranet/a.png' will not load: its address names the server `intranet`"), "{text:?}");
        assert!(
            text[2].starts_with("remote image 'https://i.imgur.com/b.png'"),
            "{text:?}"
        );
    }

    #[test]
    fn a_root_path_written_with_two_slashes_is_no_remote_file() {
        // OfferZen's mentoring guide: `![…](<//img/assets/feedback.png>)` in 7 files
        // was "7 remote images from img".
        let text = reported(vec![
            remote("//img/assets/a.png", "x.md", 3),
            remote("//cdn.example.net/b.png", "x.md", 4),
            remote("//localhost/c.png", "x.md", 5),
        ]);
        assert_eq!(text.len(), 3, "{text:?}");
        assert!(text[0].starts_with("image '//img/assets/a.png' will not load: `//` starts another server's address, and `img` is none"), "{text:?}");
        assert!(text[0].contains("write `/img/assets/a.png`"), "{text:?}");
        assert!(
            text[1].starts_with("remote image '//cdn.example.net/b.png'"),
            "{text:?}"
        );
        assert!(
            text[2].starts_with("remote image '//localhost/c.png'"),
            "{text:?}"
        );
    }

    #[test]
    fn many_files_from_one_origin_are_one_warning_and_a_few_one_each() {
        let mut remotes: Vec<Remote> = (0..6)
            .map(|i| {
                remote(
                    &format!("https://IMG.shields.io/badge/{i}"),
                    &format!("n{}.md", i / 2),
                    i + 1,
                )
            })
            .collect();
        remotes.push(remote("https://example.org/a.png", "a.md", 3));
        remotes.push(remote("//cdn.example.net/b.png", "a.md", 4));
        let mut diagnostics = Diagnostics::new();
        report(remotes, &mut diagnostics);
        let messages: Vec<String> = diagnostics
            .into_vec()
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages.iter().any(|m| m.starts_with(
                "6 remote images from img.shields.io will not load (3 files have them)"
            )),
            "{messages:?}"
        );
        assert!(messages
            .iter()
            .any(|m| m.starts_with("remote image 'https://example.org/a.png'")));
        assert!(messages
            .iter()
            .any(|m| m.starts_with("remote image '//cdn.example.net/b.png'")));
        // Many in one file (a theme's demo post of 29 pictures).
        let one_file =
            (1..=4).map(|i| remote(&format!("https://cdn.example.net/{i}.png"), "a.md", i));
        let mut diagnostics = Diagnostics::new();
        report(one_file.collect(), &mut diagnostics);
        assert!(diagnostics[0]
            .message
            .starts_with("4 remote images from cdn.example.net will not load (one file has them)"));
    }
}
