//! Resolving one article's references against the URL table: the path worked out from
//! the source file's folder, then the article, content file, page, alias or Obsidian
//! short name it names; a missing one is an error with a "did you mean".

use super::by_name::{page_by_md_path, page_by_source_path, relative_aliases};
use super::paths::{below_route, join, reference_folder, without_language, FOLDER_TEXT};
use super::remote::Remote;
use super::RefTarget;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::markdown::{is_external, OutRef, RefKind};
use crate::site::article::is_generated_on;
use crate::site::urls::fold;
use crate::site::{Found, Site, UrlKind};
use crate::text::{nfc, percent_decode_lenient};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

impl Site {
    /// Resolves every article's references (see [`Site::refs`]); problems go into
    /// `diagnostics`.
    pub(in crate::site) fn resolve_refs(&mut self, diagnostics: &mut Diagnostics) {
        let by_rel: HashMap<String, usize> = self
            .articles
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                std::iter::once(a.rel.clone())
                    .chain(a.translation_rel())
                    .map(move |rel| (nfc(&rel.to_string_lossy().replace('\\', "/")), i))
            })
            .collect();
        let by_url: HashMap<&str, usize> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.url.as_str(), i))
            .collect();
        let files: Vec<String> = self.assets.iter().map(|a| a.path()).collect();
        let global: HashSet<String> = (self.assets.iter())
            .filter(|a| self.is_global_resource(a))
            .map(|a| a.path())
            .collect();
        let mut by_file_name: HashMap<String, Vec<String>> = HashMap::new();
        for file in &files {
            let name = fold(file.rsplit('/').next().unwrap_or(file));
            by_file_name.entry(name).or_default().push(file.clone());
        }
        let mut by_rel_folded: HashMap<String, Vec<usize>> = HashMap::new();
        for (rel, &i) in &by_rel {
            by_rel_folded.entry(fold(rel)).or_default().push(i);
        }
        let ctx = Lookup {
            relative_aliases: relative_aliases(&self.articles),
            by_rel,
            by_rel_folded,
            by_url,
            by_file_name,
            files,
            global,
            ids: self.anchor_sets(),
            rules: self.spec_rules(),
            source_folders: std::sync::OnceLock::new(),
            holders: Default::default(),
            held_back: std::sync::OnceLock::new(),
            copied_ids: std::sync::OnceLock::new(),
            by_content_path: std::sync::OnceLock::new(),
            repositories: std::sync::OnceLock::new(),
        };
        type Resolved = (Vec<RefTarget>, Diagnostics, Vec<Remote>);
        let results: Vec<Resolved> = (0..self.articles.len())
            .into_par_iter()
            .map(|i| {
                let mut local = Diagnostics::new();
                let article = &self.articles[i];
                let mut remotes = Vec::new();
                let targets = (article.parsed.refs.iter())
                    .map(|r| self.resolve_or_remote(i, r, &ctx, &mut local, &mut remotes))
                    .collect();
                (targets, local, remotes)
            })
            .collect();
        let mut refs = Vec::with_capacity(results.len());
        let mut all_remotes = Vec::new();
        for (targets, local, remotes) in results {
            diagnostics.extend(local);
            refs.push(targets);
            all_remotes.extend(remotes);
        }
        super::remote::report(all_remotes, diagnostics);
        self.refs = refs;
    }

    /// Whether the site path `p` is a Markdown file, a published file or a page.
    pub(super) fn is_on_site(&self, ctx: &Lookup, p: &str) -> bool {
        let file = ctx.by_rel.contains_key(p) || self.urls.get_folded(p).is_some();
        file || self.urls.get(&format!("{p}index.html")).is_some()
            || page_by_source_path(p, p, ctx).is_some()
    }

    pub(super) fn resolve_ref(
        &self,
        i: usize,
        r: &OutRef,
        ctx: &Lookup,
        diagnostics: &mut Diagnostics,
    ) -> RefTarget {
        let article = &self.articles[i];
        let url = r.url.trim();
        let error = |code, message: String| {
            Diagnostic::error(code, message).at(&article.path, r.line, r.column)
        };
        // A reference that leads nowhere: an error, or with `broken_links = "warn"` a
        // warning and a page published without it.
        let broken = self.config.build.broken_links;
        let nowhere = |d: Diagnostic, diagnostics: &mut Diagnostics| {
            diagnostics.push(broken.report(d, r.kind.left_out()));
            if broken.warns() {
                RefTarget::Broken
            } else {
                RefTarget::AsIs(url.to_string())
            }
        };
        if url.is_empty() {
            return RefTarget::AsIs(String::new());
        }
        // A remote image or other file is reported with the others (`remote.rs`).
        if is_external(url) {
            return RefTarget::AsIs(url.to_string());
        }
        if r.by_name {
            return self.resolve_by_name(i, r, ctx, diagnostics);
        }
        let (before, fragment) = match url.split_once('#') {
            Some((b, f)) => (b, Some(crate::text::decoded_path(f))),
            None => (url, None),
        };
        let fragment = fragment.filter(|f| !f.is_empty());
        let folder = reference_folder(article);
        let (path, query) = self.split_query(ctx, &folder, before);
        if path.is_empty() {
            // `#id` (or `?q#id`): this page.
            let Some(id) = fragment.filter(|f| !f.is_empty()) else {
                return RefTarget::AsIs(url.to_string());
            };
            if !ctx.ids[i].contains(id.as_str()) && !is_generated_on(article, &id) {
                let message = format!("no heading or id '{id}' in this page");
                let d = super::anchors::missing_anchor(
                    self,
                    (&ctx.ids, &ctx.holders),
                    (i, i),
                    &id,
                    message,
                )
                .at(&article.path, r.line, r.column);
                return match nowhere(d, diagnostics) {
                    RefTarget::Broken => RefTarget::Broken,
                    _ => RefTarget::Fragment(id),
                };
            }
            return RefTarget::Fragment(id);
        }
        let Some(decoded) = percent_decode_lenient(path).map(|d| nfc(&d)) else {
            return nowhere(
                error(
                    Code::BadUrl,
                    format!("'{url}' has a %-escape that is no text"),
                )
                .help("write % as %25, or leave characters unescaped"),
                diagnostics,
            );
        };
        let on_site = |p: &str| join("", p).is_some_and(|p| self.is_on_site(ctx, &p));
        let decoded = self.within_base_path(decoded, on_site);
        // A page's path from the site's folder (`/docs/x.md`), or a Docusaurus page's
        // address under the docs' route (`/docs/options`).
        let decoded =
            match (self.content_routes.iter()).find_map(|route| below_route(&decoded, route)) {
                Some(rest) if !on_site(&decoded) => rest.to_string(),
                _ => decoded,
            };
        let from = if decoded.starts_with('/') {
            ""
        } else {
            &folder
        };
        let Some(site_path) = join(from, &decoded)
            .or_else(|| self.static_file_above(ctx, from, &decoded))
            .or_else(|| self.clamped_on_site(ctx, from, &decoded))
            .or_else(|| self.read_from_zola_path(i, &decoded))
            .or_else(|| self.source_from_own_address(i, r, &decoded, ctx))
            .or_else(|| self.back_into_content(from, &decoded))
            .map(|p| nfc(&p))
            .map(|p| match self.published_by_content_path(ctx, &p) {
                Some(published) if !self.is_on_site(ctx, &p) => published,
                _ => p,
            })
        else {
            // Above the site but still on its host, as a book published beside other
            // documentation links to it (the Rust book's `../std/index.html`): that
            // address, written out in full, which attune cannot check.
            let beside = self.address_beside(&folder, &decoded, &query, fragment.as_deref());
            if let Some(address) = beside.filter(|_| !decoded.starts_with('/')) {
                diagnostics.push(super::beside::outside_warning(url, &address).at(
                    &article.path,
                    r.line,
                    r.column,
                ));
                return RefTarget::AsIs(address);
            }
            let d = super::beside::above_error(url, &folder, &decoded);
            return nowhere(d.at(&article.path, r.line, r.column), diagnostics);
        };
        let page = |t: usize, fragment: Option<String>, diagnostics: &mut Diagnostics| {
            let fragment = fragment
                .filter(|f| !self.articles[t].names_its_title(f, ctx.ids[t].contains(f.as_str())));
            let mut fragment = fragment.map(|f| match ctx.ids[t].contains(f.as_str()) {
                true => f,
                false => self.articles[t]
                    .heading_in_other_form(&f)
                    .map_or(f, str::to_string),
            });
            if let Some(id) = fragment.as_deref().filter(|f| !f.is_empty()) {
                if !ctx.ids[t].contains(id) && !is_generated_on(&self.articles[t], id) {
                    let place = match self.articles[t].slug.as_str() {
                        _ if t == i => "this page".to_string(),
                        "" => "the home page".to_string(),
                        slug => format!("'{slug}'"),
                    };
                    let message = format!("no heading or id '{id}' in {place}");
                    let d = super::anchors::missing_anchor(
                        self,
                        (&ctx.ids, &ctx.holders),
                        (i, t),
                        id,
                        message,
                    )
                    .at(&article.path, r.line, r.column);
                    diagnostics.push(broken.report(d, "as a link to the top of that page"));
                    if broken.warns() {
                        fragment = None;
                    }
                }
            }
            RefTarget::Site {
                path: self.articles[t].url.clone(),
                suffix: query.clone(),
                fragment: fragment.clone(),
                article: Some(t),
            }
        };
        // A Markdown file: the article it is.
        if site_path.ends_with(".md")
            || site_path.ends_with(".markdown")
            || site_path.ends_with(".mdx")
        {
            if let Some(&t) = ctx.by_rel.get(&site_path) {
                return page(t, fragment, diagnostics);
            }
            let found = page_by_md_path(&decoded, &site_path, ctx);
            if let Some(t) = found.filter(|_| matches!(r.kind, RefKind::Link)) {
                return page(t, fragment, diagnostics);
            }
        }
        // A file the build writes as it is (copied from content/, or attune's own).
        let at = (article.path.as_path(), r.line, r.column);
        let file = (url, site_path.as_str(), query.as_str(), fragment.as_deref());
        if let Some(target) = self.file_target(file, at, ctx, diagnostics) {
            return target;
        }
        // A file below the page's Zola `path` (`zola_path.rs`), from this file's folder
        // or the page's Zola `path`; else from the page's own address (`paths.rs`).
        let below_zola_path = || {
            self.file_below_zola_path(&site_path)
                .or_else(|| {
                    self.read_from_zola_path(i, &decoded)
                        .and_then(|p| self.file_below_zola_path(&p))
                })
                .or_else(|| self.file_from_page_folder(article, &decoded))
        };
        if let Some(path) = below_zola_path() {
            return RefTarget::Site {
                path,
                suffix: query,
                fragment,
                article: None,
            };
        }
        // A page: `x.html` the way mdBook names pages, `x/index.html`, `x/` or `x`.
        let folder_url = match site_path.strip_suffix(".html") {
            Some(stem) if stem == "index" || stem.ends_with("/index") => {
                // The folder's own text: its index.md (or _index.md), else its README.md,
                // which mdBook writes as its index.html.
                let folder = stem.trim_end_matches("index");
                let source = FOLDER_TEXT
                    .iter()
                    .find_map(|name| ctx.by_rel.get(&format!("{folder}{name}")));
                if let Some(&t) = source {
                    return page(t, fragment, diagnostics);
                }
                folder.to_string()
            }
            Some(stem) => {
                if let Some(&t) = ctx.by_rel.get(&format!("{stem}.md")) {
                    return page(t, fragment, diagnostics);
                }
                format!("{stem}/")
            }
            None if site_path.is_empty() || site_path.ends_with('/') => site_path.clone(),
            None => format!("{site_path}/"),
        };
        // A folder's address is its path with each name made a slug (`Web/` → `web/`).
        let folder_url = super::paths::folder_address(folder_url, |url| {
            ctx.by_url.contains_key(url) || self.urls.get(&format!("{url}index.html")).is_some()
        });
        if let Some(&t) = ctx.by_url.get(folder_url.as_str()) {
            return page(t, fragment, diagnostics);
        }
        // An old address: the page it leads to, at the part its redirect names.
        let moved = self.moved.get(&folder_url);
        let part = || fragment.clone().or_else(|| moved?.part.clone());
        if let Some(&t) = self.aliases.get(&folder_url) {
            return page(t, part(), diagnostics);
        }
        if let Some(to) = moved {
            let (path, fragment) = (to.url.clone(), part());
            return RefTarget::Site {
                path,
                suffix: query,
                fragment,
                article: None,
            };
        }
        if let Some(&t) = ctx.relative_aliases.get(&folder_url.to_lowercase()) {
            return page(t, fragment, diagnostics);
        }
        // A relative link read from the page's own address, and the other addresses
        // it was served at, as a reader's browser read it (see `by_name.rs`).
        if matches!(r.kind, RefKind::Link) {
            if let Some(t) = self.page_from_own_address(i, &decoded, ctx) {
                return page(t, fragment, diagnostics);
            }
        }
        // A page of attune's, or an `index.html` copied as it is (from the content or
        // static folder), which a web host serves at its folder's address.
        if self
            .urls
            .get(&format!("{folder_url}index.html"))
            .is_some_and(|e| matches!(e.kind, UrlKind::Page | UrlKind::Redirect | UrlKind::File))
        {
            // attune's own home page and the hubs it draws have only the ids its
            // default template writes.
            let id = fragment.as_deref();
            let lacks = id.and_then(|id| Some((id, self.drawn_page_lacks(&folder_url, id)?)));
            let fragment = match lacks {
                Some((id, place)) => {
                    let d = error(
                        Code::BrokenAnchor,
                        format!("no heading or id '{id}' in {place}"),
                    );
                    diagnostics.push(broken.report(d, "as a link to the top of that page"));
                    fragment.filter(|_| !broken.warns())
                }
                None => fragment,
            };
            return RefTarget::Site {
                path: folder_url,
                suffix: query,
                fragment,
                article: None,
            };
        }
        // A shard of the search index: its name changes as the content does.
        if self
            .urls
            .tree_of(&site_path)
            .is_some_and(|tree| tree.path != site_path)
        {
            return nowhere(
                error(Code::BrokenLink, format!("'{url}' is a file of the search index, whose names change whenever the content does"))
                    .help("link to the search page (/search/) instead"),
                diagnostics,
            );
        }
        // A bundle's file by the name its front matter gives it, as Hugo's `figure`
        // finds it (`resources: [{name: cover, src: photo.webp}]`).
        if let Some(src) = super::hugo_assets::named_resource(article, &decoded) {
            let mut named = r.clone();
            named.url = url.replacen(path, &src, 1);
            return self.resolve_ref(i, &named, ctx, diagnostics);
        }
        if let Some(path) = super::hugo_assets::global_resource(&decoded, ctx) {
            return RefTarget::Site {
                path,
                suffix: query,
                fragment,
                article: None,
            };
        }
        if let Some(path) = self.file_by_obsidian_path(&decoded, &site_path, ctx) {
            return RefTarget::Site {
                path,
                suffix: query,
                fragment,
                article: None,
            };
        }
        if matches!(r.kind, RefKind::Link) {
            if let Some(t) = page_by_source_path(&decoded, &site_path, ctx) {
                return page(t, fragment, diagnostics);
            }
        }
        // A link to a note without its extension, as Obsidian resolves `[x](Note)` and
        // `[x](Folder/Note)`: that `.md` file from this file's folder, else the note of
        // that file name, found as a `.md` link's bare name is.
        let last = site_path.rsplit('/').next().unwrap_or("");
        if matches!(r.kind, RefKind::Link) && !last.is_empty() && !last.contains('.') {
            if let Some(&t) = ctx.by_rel.get(&format!("{site_path}.md")) {
                return page(t, fragment, diagnostics);
            }
            let by_name = self.names.file_name(&decoded);
            if let Some(Found::One(t)) =
                by_name.map(|f| self.nearest_of(i, self.exact_name(&decoded, f)))
            {
                return page(t, fragment, diagnostics);
            }
        }
        // `/es/blog/`, as Zola and Hugo write links between pages in a language other
        // than their default: on a site in that language (see
        // [`crate::load::Publish`]), the page at `/blog/`; below the path of `base_url`
        // too (`/handbook/de/news/`, Hugo's `defaultContentLanguageInSubdir`).
        if let Some(rest) = (self.below_base_path(path).unwrap_or(path).strip_prefix('/'))
            .and_then(|p| without_language(p, &self.config.site.language))
        {
            let mut unprefixed = r.clone();
            unprefixed.url = url.replacen(path, &format!("/{rest}"), 1);
            let mut found = Diagnostics::new();
            let target = self.resolve_ref(i, &unprefixed, ctx, &mut found);
            // Leading nowhere either (a warning with `broken_links = "warn"`): the
            // link as written is what is reported.
            if !found.has_errors() && !matches!(target, RefTarget::Broken) {
                diagnostics.extend(found);
                return target;
            }
        }
        // A feed under the name Hugo, Zola or Jekyll gave it: attune's (`urls/feeds.rs`).
        if let Some(feed) = crate::site::urls::old_feed(&site_path, &self.urls, &query) {
            return feed;
        }
        // An mdbook-spec rule's name (`items.static`): the rule's place on its page.
        if let Some(&t) = ctx
            .rules
            .get(decoded.as_str())
            .filter(|_| r.kind == RefKind::Link)
        {
            return page(t, Some(format!("r-{decoded}")), diagnostics);
        }
        let (code, message) = self.missing_message(r.kind, url, &site_path);
        let missing = error(code, message);
        let missing = self.missing_help(missing, (url, &site_path), &folder, ctx);
        nowhere(missing, diagnostics)
    }
}

pub(super) struct Lookup<'a> {
    pub(super) by_rel: HashMap<String, usize>,
    /// Articles by lower-case source path, for Hugo's case-blind `GetPage`.
    pub(super) by_rel_folded: HashMap<String, Vec<usize>>,
    /// [`relative_aliases`].
    pub(super) relative_aliases: HashMap<String, usize>,
    /// Content files by lower-case file name, for `![[image.png]]`.
    pub(super) by_file_name: HashMap<String, Vec<String>>,
    pub(super) by_url: HashMap<&'a str, usize>,
    pub(super) files: Vec<String>,
    /// Hugo's global resources (`[[mounts]]` into `assets`), by site path.
    pub(super) global: HashSet<String>,
    /// [`Site::anchor_sets`].
    pub(super) ids: Vec<HashSet<&'a str>>,
    /// [`Site::spec_rules`].
    pub(super) rules: HashMap<&'a str, usize>,
    /// Every folder (folded) that holds a content file, made when a reference leads
    /// nowhere (see `unread.rs`).
    pub(super) source_folders: std::sync::OnceLock<HashSet<String>>,
    /// Which article has each id (see [`super::anchors::IdHolders`]).
    pub(super) holders: super::anchors::IdHolders,
    /// Each page held back, by the address it would have (see `unread.rs`).
    pub(super) held_back: std::sync::OnceLock<HashMap<String, usize>>,
    /// The ids of each copied HTML file, by its path, read when a link first names one.
    pub(super) copied_ids: std::sync::OnceLock<HashMap<String, HashSet<String>>>,
    /// See [`Site::published_from_disk`].
    pub(super) by_content_path: std::sync::OnceLock<HashMap<String, String>>,
    /// The site's repositories (see `own_repo.rs`), read when a page first needs them.
    pub(super) repositories: std::sync::OnceLock<super::own_repo::Repositories>,
}
