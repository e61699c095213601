//! `![[image.png]]` and `[[leaflet.pdf]]`: a content file found by its name (or the end
//! of its path) anywhere in the content folder, as Obsidian finds it; and a page found
//! by the other paths Hugo reads a link as (its source path, from a page's own address
//! or a leaf bundle's folder, a relative alias).

use super::paths::{join, join_clamped, source_folder};
use super::resolve::Lookup;
use super::RefTarget;
use crate::diagnostic::{nearest, Code, Diagnostic, Diagnostics};
use crate::markdown::OutRef;
use crate::site::urls::fold;
use crate::site::{Site, UrlKind};
use std::collections::HashMap;

impl Site {
    /// `![[image.png]]` or `![[Attachments/image.png]]`: the content file of that
    /// name (or path end) anywhere in the content folder, as Obsidian finds it, when
    /// only one has it; one beside the article wins over others.
    pub(super) fn resolve_by_name(
        &self,
        i: usize,
        r: &OutRef,
        ctx: &Lookup,
        diagnostics: &mut Diagnostics,
    ) -> RefTarget {
        let article = &self.articles[i];
        let written = r.url.trim();
        let name = crate::text::decoded_path(written);
        let folder = source_folder(article);
        // `![[../assets/x.png]]`, as Obsidian writes links with its "relative path"
        // setting: from the note's folder; else by the path's end, as any name.
        let relative = (name.starts_with("./") || name.starts_with("../"))
            .then(|| join(&folder, &name))
            .flatten();
        let mut name = name.as_str();
        while let Some(rest) = name.strip_prefix("./").or_else(|| name.strip_prefix("../")) {
            name = rest;
        }
        let name = name.trim_start_matches('/');
        let file_name = fold(name.rsplit('/').next().unwrap_or(name));
        let wanted = fold(name);
        let found: Vec<&String> = ctx
            .by_file_name
            .get(&file_name)
            .into_iter()
            .flatten()
            .filter(|f| {
                let f = fold(f);
                f == wanted || f.ends_with(&format!("/{wanted}"))
            })
            .collect();
        let found = match relative.and_then(|path| found.iter().find(|f| ***f == path)) {
            Some(exact) => vec![*exact],
            None => found,
        };
        let beside: Vec<&&String> = found
            .iter()
            .filter(|f| f.rsplit_once('/').map_or("", |(d, _)| d) == folder)
            .collect();
        let broken = self.config.build.broken_links;
        let chosen = match (found.as_slice(), beside.as_slice()) {
            ([one], _) => Some((*one).clone()),
            (_, [one]) => Some((**one).clone()),
            // As Obsidian picks one of several: the shortest path.
            (several, _) if broken.warns() && !several.is_empty() => several
                .iter()
                .min_by_key(|f| (f.len(), f.as_str()))
                .map(|f| (*f).clone()),
            _ => None,
        };
        if let Some(path) = chosen {
            if found.len() > 1 && beside.len() != 1 {
                diagnostics.push(broken.report(
                    self.ambiguous_file(i, r, &found),
                    &format!("showing '{path}', the shortest path, as Obsidian does"),
                ));
            }
            return RefTarget::Site {
                path,
                suffix: String::new(),
                fragment: None,
                article: None,
            };
        }
        // `[[mailbox.org]]`, `[[Node.js]]`: no file of that name, but a note whose
        // name has a dot in it, which Obsidian finds next.
        // Several such notes (`[[SRD-Run Away-v2.0]]`, an ability and a move) are a
        // name several notes answer to, as for any wikilink.
        if found.is_empty() && r.kind == crate::markdown::RefKind::Link {
            let picked = match self.lookup_from(i, name) {
                crate::site::Found::One(t) => Some(t),
                crate::site::Found::Many(candidates) => {
                    let d = self.ambiguous(i, (r.line, r.column), name, &candidates);
                    let mut local = Vec::new();
                    let picked = self.pick(d, &candidates, &mut local);
                    for d in local {
                        diagnostics.push(d);
                    }
                    if picked.is_none() {
                        return RefTarget::AsIs(String::new());
                    }
                    picked
                }
                crate::site::Found::None => None,
            };
            if let Some(t) = picked {
                return RefTarget::Site {
                    path: self.articles[t].url.clone(),
                    suffix: String::new(),
                    fragment: None,
                    article: Some(t),
                };
            }
        }
        // `[[enneagraminstitute.com]]`, `[[v1.2]]`: no file, no note, and a name no
        // file type ends with: a note not written yet, as Obsidian reads it (a click
        // makes `enneagraminstitute.com.md`).
        if found.is_empty() && r.kind == crate::markdown::RefKind::Link && !is_file_type(&file_name)
        {
            let warns = self.config.build.missing_links == crate::config::MissingLinks::Warn;
            let d = if warns {
                Diagnostic::warning(
                    Code::MissingNote,
                    format!("'{written}' is not written yet: shown as plain text"),
                )
                .family(format!("links to '{written}'"))
            } else {
                Diagnostic::error(Code::BrokenLink, format!("broken link to '{written}'"))
            };
            diagnostics.push(
                d.at(&article.path, r.line, r.column)
                    .help("write the note, or link to a page that is"),
            );
            return if warns {
                RefTarget::Broken
            } else {
                RefTarget::AsIs(String::new())
            };
        }
        let error = |code, message: String| {
            Diagnostic::error(code, message).at(&article.path, r.line, r.column)
        };
        let d = if found.is_empty() {
            let best = nearest(
                &file_name,
                ctx.files.iter().filter_map(|f| f.rsplit('/').next()),
            );
            let d = error(
                Code::MissingFile,
                format!("'{written}' is not in the content folder"),
            );
            match best {
                Some(best) => d.help(format!("did you mean '{best}'?")),
                None => d.help("put the file anywhere under content/; it is found by its name"),
            }
        } else {
            self.ambiguous_file(i, r, &found)
        };
        diagnostics.push(broken.report(d, r.kind.left_out()));
        if broken.warns() {
            RefTarget::Broken
        } else {
            RefTarget::AsIs(String::new())
        }
    }

    /// An embed's file name that several files answer to.
    fn ambiguous_file(&self, i: usize, r: &OutRef, found: &[&String]) -> Diagnostic {
        let list: Vec<&str> = found.iter().map(|f| f.as_str()).collect();
        Diagnostic::error(
            Code::AmbiguousFile,
            format!(
                "'{}' could mean {} files: {}",
                r.url.trim(),
                found.len(),
                list.join(", ")
            ),
        )
        .at(&self.articles[i].path, r.line, r.column)
        .help(format!(
            "write the path from the content folder, e.g. ![[{}]]",
            list[0]
        ))
    }
}

impl Site {
    /// A path no file has from the linking file's folder (`site_path`), as Obsidian
    /// resolves it: the file at that path from the content folder ("absolute path in
    /// vault", `images/x.png` from `notes/`), else the one file whose path ends with it
    /// ("shortest path": a bare name, or `Attachments/x.png`, anywhere).
    pub(super) fn file_by_obsidian_path(
        &self,
        decoded: &str,
        site_path: &str,
        ctx: &Lookup,
    ) -> Option<String> {
        let wanted = decoded.trim_start_matches("./");
        if decoded.starts_with('/') || wanted.split('/').any(|p| p == "..") {
            return None;
        }
        if let Some(entry) = self
            .urls
            .get(wanted)
            .filter(|e| e.kind == UrlKind::File && wanted != site_path)
        {
            return Some(entry.path.clone());
        }
        let file_name = wanted.rsplit('/').next().unwrap_or(wanted);
        let named: Vec<&String> = ctx
            .by_file_name
            .get(&fold(file_name))
            .into_iter()
            .flatten()
            .filter(|f| *f == wanted || f.ends_with(&format!("/{wanted}")))
            .collect();
        match named.as_slice() {
            [only] => Some((*only).clone()),
            _ => None,
        }
    }
}

/// The page a `.md` path names as a `.md` link in Markdown reads it (Hugo's `ref` in
/// an HTML attribute, `<a href="{{< ref "about" >}}">`): from the content folder too,
/// and `folder.md` as that folder's `_index.md` or `index.md`, in any letter case.
pub(super) fn page_by_md_path(decoded: &str, site_path: &str, ctx: &Lookup) -> Option<usize> {
    let stem = |p: &str| {
        [".md", ".markdown", ".mdx"]
            .iter()
            .find_map(|e| p.strip_suffix(e))
            .map(str::to_string)
    };
    let (site_stem, stem) = stem(site_path).zip(stem(decoded))?;
    page_by_source_path(&stem, &site_stem, ctx)
}

/// Hugo's `GetPage`, as its link render hooks resolve a link: the article whose source
/// has that path, from the linking file's folder (`site_path`), else from the content
/// folder (at once when it starts with `/`), in any letter case: `install/` names
/// `install.md`, a section's `install/_index.md` or a bundle's `install/index.md`,
/// whatever address the folders' names make (`/2.10/tasks/install/`). A name with a
/// dot names a page too when a Markdown file has it (`/blog/issue_3.5_followup`).
pub(super) fn page_by_source_path(decoded: &str, site_path: &str, ctx: &Lookup) -> Option<usize> {
    let from_root =
        join("", decoded).filter(|_| !decoded.trim_start_matches("./").starts_with(".."));
    [Some(site_path.to_string()), from_root]
        .into_iter()
        .flatten()
        .map(|p| fold(p.trim_end_matches('/')))
        .filter(|stem| !stem.is_empty())
        .find_map(|stem| {
            ["", "/_index", "/index"].iter().find_map(|tail| {
                match ctx
                    .by_rel_folded
                    .get(&format!("{stem}{tail}.md"))?
                    .as_slice()
                {
                    [one] => Some(*one),
                    _ => None,
                }
            })
        })
}

impl Site {
    /// A relative link to a page that leads nowhere from the file's folder, read as a
    /// reader's browser (or Hugo's `GetPage`) read it on the other tool's site: from
    /// each address the page was served at, in turn. The page's own address: Hugo and
    /// Zola publish `docs/start.md` at `docs/start/`, from where `../guide/deploy` is
    /// `docs/guide/deploy` (Hextra's docs, and any theme whose link render hook leaves
    /// relative links as written), and `../other-post/` from `posts/this-post/` is
    /// `posts/other-post/`. For a leaf bundle's `index.md`, the folder the bundle sits
    /// in, from which `GetPage` reads a path (`lookandfeel/` and `../language/` from
    /// `docs/content/shortcodes/index.md` are `docs/content/lookandfeel` and
    /// `docs/language`: Docsy's docs). The address another tool published it at, its
    /// `path` (Zola's `path`, a Hugo permalink, a `slug:`, a dated file name), where a
    /// `..` above the root stays there. At each: the page whose source that path names
    /// (`.md`, `_index.md`, `index.md`), else the page published at that address or
    /// with it as an old address.
    pub(super) fn page_from_own_address(
        &self,
        i: usize,
        decoded: &str,
        ctx: &Lookup,
    ) -> Option<usize> {
        if decoded.starts_with('/') {
            return None;
        }
        let article = &self.articles[i];
        let stem = article.rel.file_stem()?.to_string_lossy().to_lowercase();
        let folder = source_folder(article);
        // Where the link is read from: a folder of sources (a path from which names a
        // page by its file), and an address (a path from which names a page by where
        // it is published).
        let mut bases: Vec<(Option<String>, String)> = Vec::new();
        match stem.as_str() {
            // A section's or a folder's own text: published at its folder, from which
            // the link was already read.
            "_index" | "readme" => {}
            "index" => {
                let parent = folder.rsplit_once('/').map_or("", |(p, _)| p);
                if let Some(up) = join(&article.url, "../") {
                    bases.push((Some(format!("{parent}/")), up));
                }
            }
            _ => {
                let stem = article.rel.file_stem()?.to_string_lossy();
                bases.push((Some(format!("{folder}/{stem}/")), article.url.clone()));
            }
        }
        let served = super::zola_path::zola_folder(article);
        let by_source = |from_source: &str| {
            let end = from_source.trim_end_matches('/').rsplit('/').next()?;
            if end.is_empty() || (!from_source.ends_with('/') && end.contains('.')) {
                return None;
            }
            ["", "/_index", "/index"].iter().find_map(|tail| {
                let key = format!("{}{tail}.md", fold(from_source.trim_end_matches('/')));
                match ctx.by_rel_folded.get(&key)?.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                }
            })
        };
        // attune's addresses are in lower case; Hugo's with `disablePathToLower` not.
        let by_address = |url: String| {
            let url = format!("{}/", url.trim_end_matches('/'));
            (ctx.by_url.get(url.as_str()))
                .or_else(|| self.aliases.get(&url))
                .or_else(|| ctx.by_url.get(url.to_lowercase().as_str()))
                .copied()
        };
        bases
            .iter()
            .find_map(|(source, url)| {
                let from_source = source
                    .as_deref()
                    .and_then(|s| join(s.trim_start_matches('/'), decoded));
                from_source
                    .as_deref()
                    .and_then(by_source)
                    .or_else(|| by_address(join(url, decoded)?))
            })
            .or_else(|| by_address(join_clamped(served.as_deref()?, decoded)))
            .or_else(|| {
                // The address Hugo or Docusaurus gave it (`guide/intro/` for
                // `02-guide/01-intro.md`), and that address's folder, as a browser
                // reads a link from Docusaurus' `guide/intro`, without its last `/`.
                let old = crate::site::normalise_alias(article.front.old_address.as_deref()?);
                let parent = match old.trim_end_matches('/').rsplit_once('/') {
                    Some((parent, _)) => format!("{parent}/"),
                    None => String::new(),
                };
                [old, parent]
                    .iter()
                    .find_map(|base| by_address(join_clamped(base, decoded)))
            })
    }

    /// A relative path that climbs out of the content folder into the static folder or
    /// a mount, read from the file's folder on disk as a bundler reads it: the file's
    /// published path (see [`Site::published_from_disk`]).
    pub(super) fn static_file_above(
        &self,
        ctx: &Lookup,
        from: &str,
        decoded: &str,
    ) -> Option<String> {
        if decoded.starts_with('/') {
            return None;
        }
        let content = self.root.join(&self.config.build.content_dir);
        let file = content.join(from).join(decoded);
        (self.published_from_disk(ctx, &file)).or_else(|| self.in_static_folder(&file))
    }

    /// The published path of `file` in the static folder, whether it is there or not:
    /// a path reaching into that folder names one of its files, so a file missing
    /// there is reported as missing, with the names beside it, not as a path leading
    /// outside the site.
    fn in_static_folder(&self, file: &std::path::Path) -> Option<String> {
        let folder = self.root.join(self.config.build.static_dir.as_deref()?);
        let (folder, file) = (
            super::paths::disk_key(&folder),
            super::paths::disk_key(file),
        );
        let rest = super::paths::below(&folder, &file)?;
        (!rest.is_empty() && !rest.starts_with("../")).then(|| rest.to_string())
    }

    /// A `..` too many, as Obsidian and a browser read it: it stays at the root
    /// (`../../images/x.png` from `notes/`), when that finds a file or page.
    pub(super) fn clamped_on_site(
        &self,
        ctx: &Lookup,
        from: &str,
        decoded: &str,
    ) -> Option<String> {
        let clamped = join_clamped(from, decoded);
        let exists =
            self.is_on_site(ctx, &clamped) || self.file_below_zola_path(&clamped).is_some();
        exists.then_some(clamped)
    }

    /// The path below the content folder of a relative link that climbs out of it and
    /// back in (open-sauced/docs' `../docs/maintainers/guide.md` from `docs/intro.md`,
    /// `docs` the content folder), as the file system, GitHub and Docusaurus read it.
    pub(in crate::site) fn back_into_content(&self, from: &str, decoded: &str) -> Option<String> {
        let content = self.config.build.content_dir.trim_start_matches("./");
        let content = content.trim_matches('/');
        if content.is_empty() || content == "." || !decoded.starts_with("../") {
            return None;
        }
        let on_disk = super::paths::join(&format!("{content}/{from}"), decoded)?;
        Some(on_disk.strip_prefix(&format!("{content}/"))?.to_string())
    }

    /// The source path of the page a relative link climbing above the content folder
    /// from the file's own folder finds from the page's address, as a browser reads it
    /// (hyprland-wiki's `../../../Useful-Utilities/Systemd-start` from
    /// `Configuring/Advanced and Cool/Environment-variables.md`).
    pub(super) fn source_from_own_address(
        &self,
        i: usize,
        r: &OutRef,
        decoded: &str,
        ctx: &Lookup,
    ) -> Option<String> {
        if !matches!(r.kind, crate::markdown::RefKind::Link) {
            return None;
        }
        let t = self.page_from_own_address(i, decoded, ctx)?;
        Some(self.articles[t].rel.to_string_lossy().replace('\\', "/"))
    }
}

/// The old addresses a page's relative `aliases:` entries make, as Hugo and Quartz
/// read them: from the page's folder (`aliases: [docsy-0.7]` in
/// `blog/2023/0.7.x.md` is `blog/2023/docsy-0.7/`; `../readme` climbs a folder), and
/// for a bundle's `index.md` or a section's `_index.md` from the folder the bundle sits
/// in too, as Hugo reads them from the folder above the page's address
/// (falcosecurity/falco-website's `docs/concepts/metrics/_index.md` is at
/// `docs/metrics/` by its alias `../metrics`). Lower-case,
/// with a trailing `/`. Links to them lead to the page; attune still reads the entry as
/// a name wikilinks may use, as Obsidian does, and writes no redirect for it. An
/// address two pages claim leads to neither.
pub(super) fn relative_aliases(articles: &[crate::site::Article]) -> HashMap<String, usize> {
    let mut out: HashMap<String, Option<usize>> = HashMap::new();
    for (i, article) in articles.iter().enumerate() {
        let folder = source_folder(article);
        let mut bases = vec![folder.clone()];
        let bundle = article
            .rel
            .file_stem()
            .is_some_and(|s| s == "index" || s == "_index");
        if bundle && !folder.is_empty() {
            bases.push(folder.rsplit_once('/').map_or("", |(p, _)| p).to_string());
        }
        for alias in article.front.aliases.iter().map(|a| a.trim()) {
            if alias.is_empty() || alias.starts_with('/') || alias.contains("://") {
                continue;
            }
            for base in &bases {
                if let Some(path) = join(base, alias).filter(|p| !p.is_empty()) {
                    let key = format!("{}/", path.trim_end_matches('/').to_lowercase());
                    out.entry(key)
                        .and_modify(|t| {
                            if *t != Some(i) {
                                *t = None;
                            }
                        })
                        .or_insert(Some(i));
                }
            }
        }
    }
    out.into_iter().filter_map(|(k, t)| Some((k, t?))).collect()
}

/// Whether a name ends the way a file Obsidian opens or attaches does (images, audio,
/// video, PDFs, canvases, documents, archives, data, code): `[[leaflet.pdf]]` names a
/// file, `[[mailbox.org]]` a note.
fn is_file_type(name: &str) -> bool {
    #[rustfmt::skip]
    const TYPES: &[&str] = &[
        "png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "avif", "ico", "tif", "tiff",
        "heic", "mp3", "wav", "m4a", "ogg", "oga", "opus", "flac", "3gp", "mp4", "webm",
        "ogv", "mov", "mkv", "avi", "pdf", "canvas", "base", "excalidraw", "txt", "csv",
        "tsv", "json", "xml", "yaml", "yml", "toml", "html", "htm", "css", "js", "ts", "py",
        "rs", "c", "h", "cpp", "java", "sh", "zip", "gz", "tar", "7z", "rar", "doc", "docx",
        "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "epub", "ics", "vcf",
        "ttf", "otf", "woff", "woff2", "bib", "tex", "ipynb",
    ];
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| TYPES.contains(&ext.to_ascii_lowercase().as_str()))
}
