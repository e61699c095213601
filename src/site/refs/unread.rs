//! A missing file that sits in a folder attune reads only when told to: Hugo's and
//! Zola's `static/` folder without `[build] static_dir`, or a Hugo theme's
//! `themes/<name>/static`, which Hugo publishes at the site root, or any folder of the
//! site's beside the content folder (a GitBook's `img/`). The help names the
//! setting that publishes it (for a hidden file, that it is hidden); else it names
//! the nearest file or page there is.
//! References into one folder the site does not have are one family of problems.

use super::paths::relative_to;
use super::resolve::Lookup;
use crate::diagnostic::{nearest, Code, Diagnostic};
use crate::markdown::RefKind;
use crate::site::Site;
use std::path::Path;

impl Site {
    /// What a reference to `url` (at `site_path`) that finds nothing reports: a file
    /// that does not exist, or one that is hidden, so never published.
    pub(super) fn missing_message(
        &self,
        kind: RefKind,
        url: &str,
        site_path: &str,
    ) -> (Code, String) {
        match (kind, self.hidden_file(site_path)) {
            (RefKind::Media(what), false) => {
                (Code::MissingFile, format!("{what} '{url}' does not exist"))
            }
            (RefKind::Media(what), true) => (
                Code::MissingFile,
                format!("{what} '{url}' is hidden, so not published"),
            ),
            (RefKind::Link, false) => (
                Code::BrokenLink,
                format!("broken link to '{url}': no page or file there"),
            ),
            (RefKind::Link, true) => (
                Code::BrokenLink,
                format!("broken link to '{url}': a hidden file, so not published"),
            ),
        }
    }

    /// Whether `site_path` is a file of the content folder that is hidden
    /// (`.gitbook.yaml`) or in a hidden folder, so never published.
    pub(super) fn hidden_file(&self, site_path: &str) -> bool {
        let hidden = |p: &str| p.starts_with('.') && p != "." && p != "..";
        site_path.split('/').any(hidden)
            && (self.root.join(&self.config.build.content_dir))
                .join(site_path)
                .is_file()
    }

    /// The help for a missing file at `site_path` (from the site root) found in an
    /// unread folder, or hidden, if it is.
    pub(super) fn unread_folder_help(&self, site_path: &str) -> Option<String> {
        if site_path.is_empty() {
            return None;
        }
        if let Some((_, folder)) =
            (self.unread_static.as_ref()).filter(|(dir, _)| dir.join(site_path).is_file())
        {
            return Some(format!(
                "the file is in {folder}/: set `static_dir = \"{folder}\"` under [build] in book.toml to publish that folder's files at the site root"
            ));
        }
        if let Some((_, theme)) =
            (self.theme_statics.iter()).find(|(dir, _)| dir.join(site_path).is_file())
        {
            return Some(format!(
                "the file is in {theme}/, a Hugo theme's static folder, which Hugo publishes at the site root: add `[[mounts]]` with `source = \"{theme}\"` and `target = \"static\"` to book.toml to publish it"
            ));
        }
        if self.hidden_file(site_path) {
            return Some("a name in its path starts with a dot: rename the file, or move it out of the hidden folder, to publish it".to_string());
        }
        // In the site's folder, outside the content folder (serde's GitBook keeps
        // `img/` beside `_src/`): a mount publishes it where the page looks for it.
        let first = site_path
            .split('/')
            .next()
            .filter(|f| !f.starts_with('.'))?;
        self.root.join(site_path).is_file().then(|| format!(
            "the file is at {site_path} in the site's folder, outside the content folder: add `[[mounts]]` with `source = \"{first}\"` and `target = \"static/{first}\"` to book.toml to publish it at /{first}"
        ))
    }

    /// `missing`, the error for a missing file or page at `site_path` (from the site
    /// root), written `written`, referred to from `folder`, with its help, the first
    /// that applies: a file's name with a `/` after it, the page held back there, the
    /// setting that publishes the folder it is in, the scheme or `mailto:` a bare
    /// address lacks, else the nearest file or page there is (searched for only then).
    pub(super) fn missing_help(
        &self,
        missing: Diagnostic,
        (written, site_path): (&str, &str),
        folder: &str,
        ctx: &Lookup,
    ) -> Diagnostic {
        // GitBook writes `broken-reference` for a link whose page was deleted: one
        // problem wherever it stands (Beefree's docs: 16 in 12 files).
        if written == "broken-reference" {
            return missing.family("links GitBook marked `broken-reference`").help(
                "GitBook writes `broken-reference` for a link whose page was deleted: link to the page meant, or keep the text without a link",
            );
        }
        let missing = missing.family(self.missing_family(site_path, ctx));
        // `3-DSH_Cluster.md/#gpus`: a file's name with a `/` after it, a folder that is
        // not there.
        if let Some(file) = (site_path.strip_suffix('/')).filter(|f| self.is_on_site(ctx, f)) {
            let name = file.rsplit('/').next().unwrap_or(file);
            let mended = written.replacen(&format!("{name}/"), name, 1);
            return missing.help(format!(
                "'{name}' is a file, not a folder: write `{mended}`, without the `/` after its name"
            ));
        }
        if let Some(help) = self.held_back_at(site_path, ctx) {
            return missing.help(help);
        }
        // A file in a folder attune reads only when told to: the setting is the help.
        if let Some(help) = self.unread_folder_help(site_path) {
            return missing.help(help);
        }
        if let Some(inner) = link_inside(written) {
            return missing.help(format!(
                "the address holds a whole Markdown link, as pasting one into a link's parentheses writes it: write its address alone, `{inner}`"
            ));
        }
        if bare_web_address(written) {
            return missing.help(format!(
                "a web address needs its scheme, or the browser looks for it on this site: write `https://{written}`"
            ));
        }
        if bare_email_address(written) {
            return missing.help(format!(
                "an email address needs `mailto:`, or the browser looks for it on this site: write `mailto:{written}`"
            ));
        }
        if let Some(help) = self.base_path_help(written, site_path, ctx) {
            return missing.help(help);
        }
        // Else the nearest file or page, in the site's own order (files, then
        // articles), never a hash table's, which changes from run to run: among names
        // scoring alike the suggestion was one of them at random (dapr/docs' `ref
        // sdks`: `ses.md`, `sns.md`, `http.md`…). A file other than a page's text
        // (`block-locking-ui.gif`) is never offered a page's (`block-locking.md`); a
        // folder's page (`../az-automation-account/index.html`) is offered the page
        // of the nearest name (`../az-automation-accounts.md`), not the nearest file
        // named `index.html`.
        let named_folder = folder_page_name(site_path);
        let folder_page = named_folder.is_some();
        let (wanted, name): (&str, fn(&str) -> &str) = match named_folder {
            Some(folder) => (folder, |c| folder_page_name(c).unwrap_or(page_stem(c))),
            None => (site_path.rsplit('/').next().unwrap_or(site_path), file_name),
        };
        let other_file = wanted.contains('.') && !is_page_text(wanted);
        let articles = self.articles.iter().filter_map(|a| a.rel.to_str());
        let candidates = (ctx.files.iter().chain(&self.unlinked_files))
            .map(String::as_str)
            .chain(articles)
            .filter(move |c| {
                if is_page_text(c) {
                    !other_file
                } else {
                    !folder_page
                }
            });
        let best = nearest(wanted, candidates.clone().map(name))
            .and_then(|n| candidates.clone().find(|c| name(c) == n));
        // A file published from a folder inside the content folder is named by its
        // path there, which other tools read too (Docusaurus's `static/img/a.png`).
        let on_disk = ctx.by_content_path.get();
        let content = super::paths::disk_key(&self.root.join(&self.config.build.content_dir));
        let best = best.map(|best| {
            (on_disk.into_iter().flatten())
                .filter(|(_, published)| *published == best)
                .find_map(|(file, _)| super::paths::below(&content, file))
                .unwrap_or(best)
        });
        match best {
            Some(best) => missing.help(format!(
                "did you mean '{}'? A relative path starts from this file's folder",
                relative_to(folder, best)
            )),
            None => missing.help(format!(
                "put the file in the content folder (`{}/`) and link to it by its path from this file's folder",
                self.config.build.content_dir.trim_end_matches('/')
            )),
        }
    }

    /// The help for a path from the host's root into a folder the site does not have,
    /// whose rest is on the site (`/handbook/img/a.png`, `img/a.png` there): the site is
    /// published below that folder (I14Y's handbook, `hugo --baseURL …/handbook/`), which
    /// `base_url` says; the links then lead where they did.
    fn base_path_help(&self, written: &str, site_path: &str, ctx: &Lookup) -> Option<String> {
        let (first, rest) = site_path.split_once('/')?;
        let folder = format!("{first}/");
        let absent = self.has_nothing_in(&folder, ctx);
        (written.starts_with('/') && absent && !rest.is_empty() && self.is_on_site(ctx, rest)).then(|| {
            format!("the site has no `/{folder}`, but has `/{rest}`: a site published below `/{folder}` says so in book.toml, `base_url = \"https://…/{folder}\"` under [site], and its paths starting `/{folder}` then lead to its pages and files")
        })
    }

    /// Whether the site has nothing in `folder` (`docs/specs/`, with its `/`): no
    /// address below it, and no source file in a folder of that path (folders of
    /// sources listed once).
    fn has_nothing_in(&self, folder: &str, ctx: &Lookup) -> bool {
        let sources = ctx.source_folders.get_or_init(|| {
            let mut folders = std::collections::HashSet::new();
            for rel in ctx.by_rel.keys().chain(&ctx.files) {
                for (end, _) in rel.match_indices('/') {
                    folders.insert(crate::site::urls::fold(&rel[..=end]));
                }
            }
            folders
        });
        !self.urls.has_folder(folder) && !sources.contains(&crate::site::urls::fold(folder))
    }

    /// What a reference to `site_path`, which leads nowhere, shares with others: the
    /// first folder on its path that the site has nothing in (opentelemetry.io links
    /// 493 times into `docs/specs/otel/`, which Hugo mounts from a Git submodule), else
    /// the path itself. Either is one problem with one fix, however often it is met.
    fn missing_family(&self, site_path: &str, ctx: &Lookup) -> String {
        match site_path
            .match_indices('/')
            .map(|(end, _)| &site_path[..=end])
            .find(|f| self.has_nothing_in(f, ctx))
        {
            Some(folder) => format!("references into `/{folder}`"),
            None => format!("references to `/{site_path}`"),
        }
    }

    /// The help for a link to the address a page held back would have (Hugo's
    /// `build: {render: link}`, a draft): `docs/go/examples/` for
    /// `docs/go/examples.md`, a folder's address for its `_index.md` or `index.md`.
    fn held_back_at(&self, site_path: &str, ctx: &Lookup) -> Option<String> {
        // Each held-back page's address (folded) → the page, made once.
        let at = ctx.held_back.get_or_init(|| {
            let held = self.exclude.held_back.iter().enumerate();
            let addresses = held.map(|(n, (rel, _))| {
                let rel = rel.to_string_lossy().replace('\\', "/");
                let stem = rel.rsplit_once('.').map_or(rel.as_str(), |(stem, _)| stem);
                let address = match stem.rsplit_once('/') {
                    Some((folder, "_index" | "index")) => folder,
                    None if matches!(stem, "_index" | "index") => "",
                    _ => stem,
                };
                (crate::site::urls::fold(address), n)
            });
            let mut at = std::collections::HashMap::new();
            for (address, n) in addresses {
                at.entry(address).or_insert(n);
            }
            at
        });
        let wanted = crate::site::urls::fold(site_path.trim_end_matches('/'));
        let (rel, why) = &self.exclude.held_back[*at.get(&wanted)?];
        let folder = self.config.build.content_dir.trim_end_matches('/');
        let shown = Path::new(folder).join(rel);
        Some(format!(
            "{} would be the page there, but it {why}",
            shown.to_string_lossy().replace('\\', "/")
        ))
    }
}

/// The address inside `written` when it is a whole Markdown link
/// (`[https://vimawesome.com](https://vimawesome.com/)`, a link pasted into another's
/// parentheses).
fn link_inside(written: &str) -> Option<&str> {
    let (text, rest) = written.strip_prefix('[')?.split_once("](")?;
    let inner = rest.strip_suffix(')')?.trim();
    (!text.contains('[') && !inner.is_empty() && !inner.contains(char::is_whitespace))
        .then_some(inner)
}

/// Whether `written` is a web address without its scheme (`betaflight.com/`,
/// `go.example.org/camx`, `www.example.net`), which a browser reads as a path on this
/// site: a host of two or more labels whose last is a common top-level domain, not
/// one a file name ends in (`.md`, `.in`, `.sh`).
fn bare_web_address(written: &str) -> bool {
    const TOP: [&str; 48] = [
        "com", "org", "net", "io", "dev", "edu", "gov", "co", "app", "info", "uk", "de", "fr",
        "ca", "au", "nl", "eu", "ch", "se", "us", "xyz", "me", "si", "it", "es", "ru", "jp", "cn",
        "br", "nz", "ie", "at", "be", "dk", "fi", "no", "cz", "ly", "tv", "fm", "gg", "to", "pt",
        "kr", "tw", "hk", "sg", "za",
    ];
    let host = written.split(['/', '?', '#']).next().unwrap_or("");
    host_labels(host).is_some_and(|(first, last)| {
        first.eq_ignore_ascii_case("www") || TOP.iter().any(|t| last.eq_ignore_ascii_case(t))
    })
}

/// The first and last of a host's two or more labels (`docs`, `org` in
/// `docs.example.org`), if it is one.
fn host_labels(host: &str) -> Option<(&str, &str)> {
    let label =
        |l: &str| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let (first, last) = (host.split('.').next()?, host.rsplit('.').next()?);
    (host.contains('.') && host.split('.').all(label)).then_some((first, last))
}

/// Whether `written` is an email address without `mailto:` (`me@example.org`).
fn bare_email_address(written: &str) -> bool {
    written.split_once('@').is_some_and(|(user, host)| {
        let user_ok = !user.is_empty()
            && (user.bytes()).all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b));
        // Any top-level domain of letters, the `@` saying it is an address, but a
        // file's extension (`icon@2x.png`).
        const FILES: [&str; 12] = [
            "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "pdf", "md", "html", "htm", "txt",
        ];
        let top = host_labels(host).map(|(_, last)| last.to_ascii_lowercase());
        user_ok
            && top.is_some_and(|t| {
                t.len() >= 2
                    && t.bytes().all(|b| b.is_ascii_alphabetic())
                    && !FILES.contains(&t.as_str())
            })
    })
}

/// A file's name, the last part of its path.
fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Whether `name` is a page's text (Markdown).
fn is_page_text(name: &str) -> bool {
    [".md", ".markdown", ".mdx"]
        .iter()
        .any(|e| name.ends_with(e))
}

/// A Markdown file's name without its extension (`guide/setup.md` → `setup`).
fn page_stem(path: &str) -> &str {
    let name = file_name(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// The folder whose own page `path` names (`a/b/`, `a/b/index.html`, `a/b/README.md`
/// → `b`), if it names one.
fn folder_page_name(path: &str) -> Option<&str> {
    let (folder, name) = path.rsplit_once('/')?;
    let own = ["", "index.html", "index.md", "_index.md"].contains(&name)
        || name.eq_ignore_ascii_case("readme.md");
    own.then(|| file_name(folder)).filter(|f| !f.is_empty())
}

#[cfg(test)]
mod tests {
    use super::{bare_email_address, bare_web_address};

    #[test]
    fn a_host_without_its_scheme_is_told_from_a_file_name() {
        for host in [
            "betaflight.com/",
            "phasar.org",
            "go.example.org/camx#top",
            "www.example.museum",
            "meet.jit.si",
        ] {
            assert!(bare_web_address(host), "{host}");
        }
        for file in [
            "notes.md",
            "Makefile.in",
            "setup.sh",
            "image.png",
            "docs/example.com",
            "../site.org",
            "a..com",
        ] {
            assert!(!bare_web_address(file), "{file}");
        }
        assert!(bare_email_address("1ikeadragon@noskill.agency"));
        assert!(bare_email_address("care.team+site@example.org"));
        for other in [
            "@example.org",
            "a@b",
            "docs/me@example.org",
            "me@example.org/x",
        ] {
            assert!(!bare_email_address(other), "{other}");
        }
    }
}
