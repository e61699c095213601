//! One serve session's state between rebuilds, and a rebuild: the parse, search and
//! page caches, the served folder's files, and what the last rebuild reported.

use super::cache::Pages;
use super::reload::Status;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Printer};
use crate::load::exclude::Exclude;
use crate::output::{hash_bytes, Served, Writer};
use crate::site::{ParseCache, UrlStyle};
use crate::{load, render, search, site};
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The state kept between rebuilds.
pub struct Session {
    root: PathBuf,
    out: PathBuf,
    drafts: bool,
    /// The served folder's files as the last rebuild left them.
    served: Option<Served>,
    /// What its pages were rendered from.
    pages: Arc<Pages>,
    parse_cache: ParseCache,
    /// The last rebuild's model, until [`Session::settle`] hands its parsed articles
    /// back to `parse_cache`.
    last: Option<site::Site>,
    search_cache: search::SearchCache,
    templates: Option<render::Templates>,
    config_hash: u64,
    theme_hash: u64,
    /// `[build] content_dir` of the last book.toml read.
    content_dir: String,
    /// `[build] static_dir` of the last book.toml read.
    static_dir: Option<String>,
    /// The sources of the last book.toml's `[[mounts]]` whose files are published.
    mounts: Vec<PathBuf>,
    /// `[build] exclude` of the last book.toml read, for the content folder and the
    /// static folder.
    exclude: (Exclude, Exclude),
}

/// How one rebuild went.
pub struct Rebuild {
    pub diagnostics: Diagnostics,
    pub written: usize,
    pub rendered: usize,
    pub elapsed: Duration,
}

impl Session {
    pub fn new(root: PathBuf, out: PathBuf, drafts: bool) -> Session {
        Session {
            root,
            out,
            drafts,
            served: Some(Served::default()),
            pages: Arc::default(),
            parse_cache: ParseCache::default(),
            last: None,
            search_cache: search::SearchCache::default(),
            templates: None,
            config_hash: 0,
            theme_hash: 0,
            content_dir: crate::config::Build::default().content_dir,
            static_dir: None,
            mounts: Vec::new(),
            exclude: Default::default(),
        }
    }

    /// Forgets what the served folder holds and what its pages were rendered from, so
    /// the next rebuild writes every file.
    fn forget_served(&mut self) {
        // Every file is written again; the paths stay known, so a file the next
        // rebuild no longer produces (a page a settings change took out) is removed.
        let served = self.served.take().unwrap_or_default();
        served.forget_bytes();
        self.served = Some(served);
        self.pages = Arc::default();
    }

    /// The content folder, as the last book.toml read names it.
    pub fn content_dir(&self) -> &str {
        &self.content_dir
    }

    /// The static folder, as the last book.toml read names it, if any.
    pub fn static_dir(&self) -> Option<&str> {
        self.static_dir.as_deref()
    }

    /// The folders and files `[[mounts]]` publishes, from the site's root, as the last
    /// book.toml read names them.
    pub fn mounts(&self) -> &[PathBuf] {
        &self.mounts
    }

    /// Whether `rel` (a path from the site's root) is a file `[build] exclude` leaves
    /// out of the content or static folder, which no page of the last build read
    /// through `{{#include}}` and which is no Obsidian base (read wherever it is, a
    /// vault's templates folder too): a change to it changes nothing served.
    pub fn left_out(&self, rel: &Path) -> bool {
        let is_dir = self.root.join(rel).is_dir();
        if let Ok(below) = rel.strip_prefix(dir_of(&self.content_dir)) {
            let base = (below.extension()).is_some_and(|e| e.eq_ignore_ascii_case("base"));
            let included = base
                || self.parse_cache.includes(below)
                || self.last.as_ref().is_some_and(|site| {
                    site.articles
                        .iter()
                        .any(|a| a.parsed.includes.iter().any(|i| i.rel == below))
                });
            if self.exclude.0.excludes(below, is_dir) && !included {
                return true;
            }
        }
        let static_dir = self.static_dir.as_deref().map(dir_of);
        static_dir.is_some_and(|dir| {
            rel.strip_prefix(dir)
                .is_ok_and(|below| self.exclude.1.excludes(below, is_dir))
        })
    }

    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Tidies up after a rebuild, once its pages are served: the model's parsed
    /// articles go back to the parse cache, the rest is freed. [`Session::rebuild`]
    /// does it first if it was not done.
    pub fn settle(&mut self) {
        if let Some(site) = self.last.take() {
            self.parse_cache.keep(site);
        }
    }

    /// Rebuilds from the sources on disk. With errors, the served folder is left as
    /// the last good build wrote it.
    pub fn rebuild(&mut self) -> Result<Rebuild> {
        self.settle();
        let start = Instant::now();
        let mut problems = Diagnostics::new();
        let finish = |diagnostics: Diagnostics, written, rendered| Rebuild {
            diagnostics,
            written,
            rendered,
            elapsed: start.elapsed(),
        };
        // book.toml missing, unreadable or not UTF-8 mid-save: shown like any other
        // error, while the last good build stays up.
        let config = match load::read_config(&self.root, &mut problems) {
            Ok(Some(config)) => config,
            Ok(None) => return Ok(finish(problems, 0, 0)),
            Err(e) => {
                problems.push(
                    Diagnostic::error(Code::Config, format!("{e:#}"))
                        .in_file(crate::config::FILE_NAME),
                );
                return Ok(finish(problems, 0, 0));
            }
        };
        self.content_dir = config.build.content_dir.clone();
        self.static_dir = config.build.static_dir.clone();
        let published = config
            .mounts
            .iter()
            .filter(|m| m.published(&config.build.content_dir).is_some());
        self.mounts = published.map(|m| m.source_path()).collect();
        let patterns = &config.build.exclude;
        self.exclude = (
            {
                let dir = self.root.join(&self.content_dir);
                let mut defaults = crate::load::exclude::vault_templates(&self.root, &dir);
                defaults.extend(crate::load::logseq_graph::patterns(&dir));
                defaults.extend(crate::load::jekyll::patterns(&dir));
                defaults.extend(crate::load::mkdocs::patterns(&dir));
                defaults.extend(crate::load::zola::patterns(&self.root, &dir));
                defaults.extend(crate::load::quartz::patterns(&self.root, &dir));
                Exclude::with_defaults(&dir, defaults, patterns)
            },
            Exclude::new(
                &self.root.join(self.static_dir.as_deref().unwrap_or(".")),
                patterns,
            ),
        );
        if !self.out.join(crate::output::MARKER).is_file() || !self.out.join("index.html").is_file()
        {
            // The served folder was deleted or emptied: write every file again.
            self.forget_served();
        }
        // book.toml and GitBook's `.gitbook.yaml`, one after the other.
        let mut settings =
            std::fs::read(self.root.join(crate::config::FILE_NAME)).unwrap_or_default();
        settings.push(0);
        settings
            .extend(std::fs::read(self.root.join(crate::config::GITBOOK_FILE)).unwrap_or_default());
        let config_hash = hash_bytes(&settings);
        if config_hash != self.config_hash {
            // The settings touch every page: start from nothing.
            self.config_hash = config_hash;
            self.parse_cache = ParseCache::default();
            self.forget_served();
        }
        let theme = config.build.theme.as_deref();
        self.templates = render::Templates::load_reusing(
            &self.root,
            theme,
            self.templates.take(),
            &mut problems,
        );
        if self.templates.is_none() {
            return Ok(finish(problems, 0, 0));
        }
        let content_dir = config.build.content_dir.clone();
        let mut content = load::load(
            &self.root,
            &content_dir,
            config.build.static_dir.as_deref(),
            load::Publish {
                drafts: self.drafts,
                today: crate::check::today(),
                language: &config.site.language,
                downloads: &config.build.downloads,
                exclude: &config.build.exclude,
                mode: config.build.publish,
                mounts: &config.mounts,
                book_files: &config.book_files,
                invalid_front_matter: config.build.invalid_front_matter,
                broken_links: config.build.broken_links,
            },
            std::slice::from_ref(&self.out),
            &mut problems,
        );
        content.theme_files = crate::theme::static_files(&self.root, theme);
        let mut site = site::build_cached(
            config,
            content,
            UrlStyle::Web,
            &mut problems,
            &mut self.parse_cache,
        );
        // The served folder has no offline edition: the URL table says so, and the
        // footer, which reads it, does not link to one.
        site.urls.withdraw("offline.zip");
        let result = self.render(&site, &mut problems);
        self.last = Some(site);
        let (written, rendered) = result?;
        Ok(finish(problems, written, rendered))
    }

    /// Writes `site` into the served folder, unless it has errors; returns (files
    /// written, pages rendered).
    fn render(&mut self, site: &site::Site, problems: &mut Diagnostics) -> Result<(usize, usize)> {
        let Some(templates) = &self.templates else {
            return Ok((0, 0));
        };
        if problems.has_errors() {
            return Ok((0, 0));
        }
        let pages: Arc<dyn crate::output::PageCache> = self.pages.clone();
        let writer = Writer::served(&self.out, self.served.take().unwrap_or_default(), pages)?;
        let theme_hash = templates.fingerprint();
        if theme_hash != self.theme_hash {
            // A template changed: every page renders again, nothing is parsed again.
            self.pages.clear();
            self.theme_hash = theme_hash;
        }
        let deps = site::Dependencies::of(site, &self.parse_cache);
        render::render_site(site, templates, &writer, Some(&deps), problems);
        if problems.has_errors() {
            self.served = Some(writer.abandon_served());
            self.pages.take_rendered();
            return Ok((0, 0));
        }
        search::write_index_cached(site, &writer, &mut self.search_cache, &deps);
        render::write_extras(site, &writer, &self.root);
        writer.write(crate::output::MARKER, crate::output::MARKER_TEXT.as_bytes());
        let (served, written) = writer.finish_served()?;
        self.served = Some(served);
        Ok((written, self.pages.take_rendered()))
    }
}

/// Rebuilds and prints what happened; updates what the pages wait on. A rebuild that
/// could not run at all is shown like a failed one: the server carries on.
pub(super) fn report(root: &Path, session: &mut Session, status: &Status) -> Result<()> {
    let rebuild = match session.rebuild() {
        Ok(rebuild) => rebuild,
        Err(e) => Rebuild {
            diagnostics: Diagnostics::from(vec![Diagnostic::error(Code::Io, format!("{e:#}"))]),
            written: 0,
            rendered: 0,
            elapsed: Duration::ZERO,
        },
    };
    let printer = Printer::new(root, crate::diagnostic::use_color());
    let plain = Printer::new(root, false);
    let mut text = String::new();
    let mut shown = String::new();
    for d in rebuild.diagnostics.sorted() {
        shown.push_str(&printer.render(d));
        text.push_str(&plain.render(d));
        text.push('\n');
    }
    let ms = rebuild.elapsed.as_secs_f64() * 1000.0;
    if rebuild.diagnostics.has_errors() {
        crate::diagnostic::eprint_quietly(&format!(
            "{shown}{}; still serving the last good build\n",
            rebuild.diagnostics.summary()
        ));
        if let Ok(mut errors) = status.errors.lock() {
            *errors = text;
        }
    } else {
        crate::diagnostic::eprint_quietly(&format!(
            "{shown}built in {ms:.0} ms: {} pages rendered, {} files written\n",
            rebuild.rendered, rebuild.written
        ));
        if let Ok(mut errors) = status.errors.lock() {
            errors.clear();
        }
        status.build.fetch_add(1, Ordering::SeqCst);
    }
    status.bump();
    // The pages are up; what is left to tidy up can wait until now.
    session.settle();
    Ok(())
}

/// A folder as book.toml names it, less any `./` (`./static` holds `static/x`).
pub(super) fn dir_of(dir: &str) -> PathBuf {
    Path::new(dir)
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}
