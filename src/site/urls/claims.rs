//! What the build will write, claimed in the URL table in a fixed order: attune's own
//! pages and files first, then section and article pages, content files, static files,
//! and last the aliases, so that a later claim on a taken URL is the one reported.

use super::{Kind, Owner, UrlTable};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::site::{Site, UrlStyle};
use std::collections::BTreeMap;

/// Files attune writes at the site root, besides pages.
const ROOT_FILES: &[(&str, &str)] = &[
    ("404.html", "the not-found page for static hosts"),
    ("print.html", "the print edition"),
    ("sitemap.xml", "the sitemap"),
    ("atom.xml", "the Atom feed"),
    ("robots.txt", "robots.txt"),
    ("urls.json", "the URL manifest"),
    (crate::output::MARKER, "the output folder's marker"),
];

impl Site {
    /// Whether the content folder or the static folder has a `robots.txt` at its root
    /// (Quartz's, or Hugo's and Zola's `static/robots.txt`): the site's own rules for
    /// crawlers, which attune publishes as they are instead of its own.
    pub fn has_own_robots_txt(&self) -> bool {
        self.assets
            .iter()
            .any(|a| a.rel.as_os_str() == "robots.txt")
    }

    /// Builds [`Site::urls`] from everything the build will write, in a fixed order
    /// (attune's own pages and files, articles, content and static files, aliases: a later claim
    /// on a taken URL is the error), and [`Site::aliases`] from the aliases that are free.
    pub(in crate::site) fn claim_urls(&mut self, diagnostics: &mut Diagnostics) {
        let mut table = UrlTable::default();
        self.moved.clear();
        self.moved_files.clear();
        self.moved_parts.clear();
        // Old addresses published as files (`/old/x.html`): the page they lead to.
        let mut files = BTreeMap::new();
        let mut claim = |table: &mut UrlTable, path: String, kind, owner| {
            table.claim(&path, kind, owner, diagnostics)
        };
        let page = |url: &str| format!("{url}index.html");
        claim(
            &mut table,
            page(""),
            Kind::Page,
            Owner::built_in("the home page"),
        );
        let drawn = self.drawn_hubs();
        self.static_hubs = self.hubs_given_to_static_pages(&drawn);
        for topic in &self.config.topics {
            if self.static_hubs.contains(&format!("{}/", topic.id)) {
                continue;
            }
            let what = format!("the topic hub '{}'", topic.id);
            let owner = match &topic.at {
                Some((file, line, column)) => Owner::content(what, file, *line, *column),
                None => Owner::built_in(what),
            };
            claim(
                &mut table,
                page(&format!("{}/", topic.id)),
                Kind::Page,
                owner,
            );
        }
        claim(
            &mut table,
            page("tags/"),
            Kind::Page,
            Owner::built_in("the tag list"),
        );
        // Each article's front matter parsed for positions once, however many tags
        // it is the first to use.
        let mut spans = rustc_hash::FxHashMap::default();
        for (slug, tag) in &self.tags {
            let i = tag.articles.iter().copied().min().unwrap_or(0);
            let first = &self.articles[i];
            let spans = spans.entry(i).or_insert_with(|| first.front_spans());
            let (line, column) = super::super::limits::tag_position(spans, &tag.name);
            let what = format!("the page of tag '{}'", tag.name);
            let owner = Owner::content(what, &first.path, line, column);
            claim(
                &mut table,
                page(&format!("tags/{slug}/")),
                Kind::Page,
                owner,
            );
        }
        for term in self.term_pages() {
            let owner = match term.at {
                Some((file, line, column)) => Owner::content(term.what, file, line, column),
                None => Owner::built_in(term.what),
            };
            claim(&mut table, page(&term.url), Kind::Page, owner);
        }
        if !self.glossary.is_empty() {
            claim(
                &mut table,
                page("glossary/"),
                Kind::Page,
                Owner::built_in("the glossary"),
            );
        }
        if !self.references.is_empty() {
            claim(
                &mut table,
                page("references/"),
                Kind::Page,
                Owner::built_in("the reference list"),
            );
        }
        if !self.paths.is_empty() {
            claim(
                &mut table,
                page("paths/"),
                Kind::Page,
                Owner::built_in("the list of reading paths"),
            );
            for p in &self.paths {
                let what = format!("the reading path '{}'", p.source.id);
                let owner = Owner::content(what, &p.source.file, 1, 1);
                claim(
                    &mut table,
                    page(&format!("paths/{}/", p.source.id)),
                    Kind::Page,
                    owner,
                );
            }
        }
        if self.relations_out.iter().any(|r| !r.is_empty()) {
            claim(
                &mut table,
                page("map/"),
                Kind::Page,
                Owner::built_in("the topic map"),
            );
        }
        claim(
            &mut table,
            page("search/"),
            Kind::Page,
            Owner::built_in("the search page"),
        );
        claim(
            &mut table,
            "search/index.js".into(),
            Kind::File,
            Owner::built_in("the search index"),
        );
        // Claimed before anything from the content: it cannot clash.
        let shards = table.claim_tree(
            "search/",
            is_search_shard,
            Owner::built_in("the search index"),
            &mut Diagnostics::new(),
        );
        debug_assert!(shards);
        if self.has_handouts() {
            claim(
                &mut table,
                page("handouts/"),
                Kind::Page,
                Owner::built_in("the handouts page"),
            );
        }
        if !self.has_own_privacy_page() {
            claim(
                &mut table,
                page(self.privacy_url()),
                Kind::Page,
                Owner::built_in("the privacy page"),
            );
        }
        if self.help_article().is_none() {
            claim(
                &mut table,
                page(crate::site::HELP_URL),
                Kind::Page,
                Owner::built_in("the When to get help page"),
            );
        }
        if self.config.safety.quick_exit {
            claim(
                &mut table,
                page("quick-exit/"),
                Kind::Page,
                Owner::built_in("the quick-exit page"),
            );
        }
        claim(
            &mut table,
            page("404/"),
            Kind::Page,
            Owner::built_in("the not-found page"),
        );
        for (path, what) in ROOT_FILES {
            // The site's own robots.txt, at the content folder's root, is published
            // in place of attune's.
            if *path == "robots.txt" && self.has_own_robots_txt() {
                continue;
            }
            claim(
                &mut table,
                path.to_string(),
                Kind::File,
                Owner::built_in(*what),
            );
        }
        if self.config.build.offline_zip && self.style != UrlStyle::Offline {
            claim(
                &mut table,
                "offline.zip".into(),
                Kind::File,
                Owner::built_in("the offline edition"),
            );
        }
        // The theme's own files; a theme's `static/` file of the same name replaces
        // one of them, as it is written over it.
        let builtin = crate::theme::ASSETS
            .iter()
            .map(|(name, _)| *name)
            .chain([crate::theme::HIGHLIGHT_CSS]);
        for name in builtin {
            claim(
                &mut table,
                format!("assets/{name}"),
                Kind::File,
                Owner::built_in("the theme's assets"),
            );
        }
        let theme = self.config.build.theme.as_deref().unwrap_or_default();
        for name in &self.theme_files {
            let path = format!("assets/{name}");
            if table.get(&path).is_some() {
                continue;
            }
            let file = format!("themes/{theme}/static/{name}");
            let owner = Owner::content(format!("the theme's file '{file}'"), file, 0, 0);
            claim(&mut table, path, Kind::File, owner);
        }

        for section in &self.sections {
            if self.static_hubs.contains(&section.url) {
                continue;
            }
            let what = format!("the section '{}'", section.url.trim_end_matches('/'));
            let owner = match section.hub {
                Some(h) => Owner::content(what, &self.articles[h].path, 1, 1),
                None => Owner::built_in(what),
            };
            claim(&mut table, page(&section.url), Kind::Page, owner);
        }
        for article in &self.articles {
            // A hub's page is its folder's, claimed above; an empty slug is reported
            // as such.
            if article.slug.is_empty() || article.structure == crate::site::Structure::Hub {
                continue;
            }
            let what = format!("the article '{}'", article.slug);
            let owner = Owner::content(what, &article.path, 1, 1);
            claim(&mut table, page(&article.url), Kind::Page, owner);
        }
        self.claim_assets(&mut table, diagnostics);

        let mut aliases = BTreeMap::new();
        let (mut bad, broken) = (Vec::new(), self.config.build.broken_links);
        for (i, article) in self.articles.iter().enumerate() {
            // The front matter parsed for positions once, if it has URL aliases, and
            // where each alias is written.
            let spans = std::cell::OnceCell::new();
            let written = std::cell::OnceCell::new();
            let mut own = std::collections::HashSet::new();
            // Aliases that do not start with `/` are names for wikilinks, not URLs.
            for alias in article
                .front
                .aliases
                .iter()
                .filter(|a| a.trim().starts_with('/') && !a.contains('#'))
            {
                let url = crate::site::normalise_alias(alias);
                // One address written twice (`/blog/archive`, `/blog/archive/`): once.
                if !own.insert((url.clone(), crate::site::alias_file(alias))) {
                    continue;
                }
                let spans = spans.get_or_init(|| article.front_spans());
                let key = [crate::load::Step::key("aliases")];
                let written = written.get_or_init(|| spans.item_values(&key));
                let (line, column) = written
                    .get(alias.as_str())
                    .copied()
                    .or_else(|| spans.find_value(&key, alias))
                    .or_else(|| spans.key(&key))
                    .unwrap_or((1, 1));
                if let Some(d) = super::free::bad_alias(alias, &url) {
                    bad.push(d.at(&article.path, line, column));
                    continue;
                }
                let what = format!("the alias '{alias}' of '{}'", article.slug);
                let owner = Owner::content(what, &article.path, line, column);
                // An old file's address (`/user-guide/sharding.html`) two pages share
                // (each version of a versioned site keeps it) is reported as the
                // folder address is, below.
                if let Some(file) = crate::site::alias_file(alias) {
                    if table.claim_alias(&file, owner.clone(), broken, &mut bad) {
                        files.insert(file, i);
                    }
                }
                // The page's own address (Zola's `path`; a Hugo alias whose capitals the
                // page's address has lost), or its folder's (`/blog/ICML24/` for
                // `blog/ICML24/ICML24.md`, a folder Hugo gives no page): the page, or
                // the folder's hub listing it, is there; nothing to redirect.
                // So is a folder above it with no text of its own, where Hugo writes no
                // page but the alias (spiffe.io's `/docs/latest` on its first chapter):
                // the hub attune draws there leads to the page.
                let folder = article.url.trim_end_matches('/').rsplit_once('/');
                if url.to_lowercase() == article.url.to_lowercase()
                    || folder.is_some_and(|(f, _)| url.eq_ignore_ascii_case(&format!("{f}/")))
                    || (article.url.starts_with(&url) && drawn.contains(&url))
                {
                    continue;
                }
                if table.claim_alias(&page(&url), owner, broken, &mut bad) {
                    aliases.insert(url, i);
                }
            }
        }
        self.alias_parts();
        self.claim_redirects(&mut table, &mut aliases, diagnostics);
        self.claim_tag_permalinks(&mut table, diagnostics);
        self.claim_mdbook_files(&mut table, &mut files);
        // Zola's `path`, where Zola published the page: its old address where nothing
        // else claims it (a page of attune's own, another page), so links written to it
        // lead to the page; nothing to report where it is taken, as the page keeps its
        // own address.
        let mut clashes = Diagnostics::new();
        for (i, article) in self.articles.iter().enumerate() {
            let Some(url) = article
                .front
                .path
                .as_deref()
                .map(crate::site::normalise_alias)
            else {
                continue;
            };
            let inside = !url.is_empty()
                && !url
                    .split('/')
                    .any(|s| s == ".." || s == "." || s.contains(['\\', '\0', '?', '#']));
            let permalink = self.permalink_at.contains_key(&i);
            if !inside && !url.is_empty() {
                diagnostics.push(self.outside(i, &url));
                continue;
            }
            if !inside || url == article.url || (aliases.contains_key(&url) && !permalink) {
                continue;
            }
            if let Some(why) = crate::text::too_long(&url) {
                let (from, (line, column)) = match self.permalink_at.get(&i) {
                    Some(&at) => ("the Hugo permalink", at),
                    None => match article.front_key(&["path"]) {
                        (1, 1) => ("slug:", article.front_key(&["slug"])),
                        at => ("path:", at),
                    },
                };
                let file = match self.permalink_at.get(&i) {
                    Some(_) => self.config.permalinks.file(),
                    None => article.path.as_path(),
                };
                let message = format!(
                    "{from} of '{}' gives it the address '/{}…', which has {why}",
                    article.path.display(),
                    url.chars().take(40).collect::<String>()
                );
                // book.toml's permalink is asked of attune; the other tool's `slug:` or
                // `path:` is only an old address: without it the page keeps its own.
                let asked = permalink && self.config.permalinks.read_from.is_none();
                let diagnostic = match asked {
                    true => Diagnostic::error(Code::AddressTooLong, message),
                    false => Diagnostic::warning(
                        Code::AddressTooLong,
                        format!("{message}: that old address gets no redirect"),
                    ),
                };
                diagnostics.push(diagnostic.at(file, line, column).help(
                    "shorten it: each part of an address is a folder name in the built site",
                ));
                continue;
            }
            // Hugo's permalink, which book.toml asked for: a clash is reported there (a
            // warning when read from Hugo's own configuration, where Hugo writes the
            // later page over the first).
            let (owner, mut report) = match self.permalink_at.get(&i) {
                Some(&(line, column)) => {
                    let what = format!("the Hugo permalink of '{}'", article.path.display());
                    let file = self.config.permalinks.file();
                    let owner = Owner::content(what, file, line, column);
                    (owner, Some(&mut clashes))
                }
                None => {
                    let what = format!("the Zola path of '{}'", article.slug);
                    (Owner::content(what, &article.path, 1, 1), None)
                }
            };
            let mut quiet = Diagnostics::new();
            let into = report.take().unwrap_or(&mut quiet);
            let file = article
                .front
                .path
                .as_deref()
                .and_then(crate::site::alias_file);
            if let Some(file) = file {
                if table.claim(&file, Kind::Redirect, owner.clone(), into) {
                    files.insert(file, i);
                }
            }
            if table.claim(&page(&url), Kind::Redirect, owner, into) {
                aliases.insert(url, i);
            }
        }
        let from_hugo = self.config.permalinks.read_from.is_some();
        diagnostics.extend(clashes.into_vec().into_iter().map(|mut d| {
            if from_hugo {
                d.severity = crate::diagnostic::Severity::Warning;
            }
            d
        }));
        self.claim_hugo_addresses(&mut table, &mut files, &mut aliases);
        self.claim_category_pages(&mut table);
        self.claim_old_feeds(&mut table);
        for (file, i) in files {
            let a = &self.articles[i];
            let to = crate::site::Moved {
                url: a.url.clone(),
                part: None,
                title: a.title.clone(),
            };
            self.moved_files.insert(file, to);
        }
        diagnostics.extend(bad);
        self.aliases = aliases;
        self.urls = table;
    }

    /// Whether any article in a topic is a handout (the handouts page lists them).
    pub fn has_handouts(&self) -> bool {
        self.articles
            .iter()
            .any(|a| a.front.handout && a.topic.is_some())
    }
}

/// Whether `name` (below `search/`) is a shard of the search index as
/// [`crate::search::write_index`] names them: `v3.js`, `p0.js`, `d12.js`. The manifest,
/// `index.js`, is always written; how many shards there are is known only once the
/// index is built.
pub fn is_search_shard(name: &str) -> bool {
    name.strip_suffix(".js")
        .and_then(|stem| stem.strip_prefix(['v', 'p', 'd']))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}
