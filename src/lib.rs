//! attune: a static site generator for psychoeducation.
//!
//! The pipeline runs one way, a module per stage:
//! [`config`] → [`load`] → [`markdown`] → [`site`] → [`search`] and [`render`] →
//! [`output`]. This file only orchestrates: [`model`] runs the stages up to the site
//! model, [`build`] renders it and writes it. [`check`] reports on the model without
//! writing; [`serve`] rebuilds on every change; [`init`] scaffolds a new site.
//!
//! Every stage pushes its problems into one [`diagnostic::Diagnostics`] and carries
//! on; `Err` is only for a build that could not run.

pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod hash;
pub mod init;
pub mod load;
pub mod markdown;
pub mod marks;
pub mod output;
pub mod qr;
pub mod render;
pub mod review;
pub mod script_json;
pub mod search;
pub mod serve;
pub mod site;
pub mod suggest;
pub mod text;
pub mod theme;
pub mod url;

use anyhow::Result;
use diagnostic::Diagnostics;
use site::{Site, UrlStyle};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output folder; defaults to `build.output_dir` under the root.
    pub out: Option<PathBuf>,
    pub offline: bool,
    pub drafts: bool,
    /// The day publication dates (`publishDate`, `expiryDate`) are compared with;
    /// default: today's date, UTC.
    pub today: Option<load::Date>,
    /// Only checking: nothing is written, so nothing is drawn that no check reads
    /// (code blocks are not highlighted).
    pub check: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            out: None,
            offline: false,
            drafts: false,
            today: None,
            check: false,
        }
    }
}

/// The outcome of a build that could run: its diagnostics, and what it wrote.
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    pub pages: usize,
    pub out: PathBuf,
    pub timings: Vec<(&'static str, Duration)>,
}

/// Loads and models the site without writing anything, its problems pushed into
/// `diagnostics`. With `editions`, a web build whose site asks for `offline.zip`
/// models links for both editions at once. `None` when there is no site to model
/// (book.toml is wrong, the content folder is missing); `Err` when `book.toml`
/// cannot be read at all.
pub fn model(
    options: &BuildOptions,
    editions: bool,
    timings: &mut Vec<(&'static str, Duration)>,
    diagnostics: &mut Diagnostics,
) -> Result<Option<Site>> {
    let start = Instant::now();
    let Some(config) = load::read_config(&options.root, diagnostics)? else {
        return Ok(None);
    };
    if let Some(missing) = load::missing_content_folder(&options.root, &config.build.content_dir) {
        diagnostics.push(missing);
        return Ok(None);
    }
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| options.root.join(&config.build.output_dir));
    let mut content = load::load(
        &options.root,
        &config.build.content_dir,
        config.build.static_dir.as_deref(),
        load::Publish {
            drafts: options.drafts,
            today: options.today.unwrap_or_else(check::today),
            language: &config.site.language,
            downloads: &config.build.downloads,
            exclude: &config.build.exclude,
            mode: config.build.publish,
            mounts: &config.mounts,
            book_files: &config.book_files,
            invalid_front_matter: config.build.invalid_front_matter,
            broken_links: config.build.broken_links,
        },
        &[out],
        diagnostics,
    );
    content.plain_code = options.check;
    content.theme_files = theme::static_files(&options.root, config.build.theme.as_deref());
    timings.push(("load", start.elapsed()));
    let start = Instant::now();
    let style = if options.offline {
        UrlStyle::Offline
    } else if editions && config.build.offline_zip {
        UrlStyle::Both
    } else {
        UrlStyle::Web
    };
    let site = site::build(config, content, style, diagnostics);
    timings.push(("parse+site", start.elapsed()));
    Ok(Some(site))
}

/// Builds the site into its output folder. Content errors leave the previous output
/// untouched and come back as diagnostics; `Err` means the build could not run.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let mut timings = Vec::new();
    let mut diagnostics = Diagnostics::new();
    let site = model(options, true, &mut timings, &mut diagnostics)?;
    let out = options.out.clone().unwrap_or_else(|| {
        let dir = site
            .as_ref()
            .map_or("public", |s| s.config.build.output_dir.as_str());
        options.root.join(dir)
    });
    let mut report = BuildReport {
        diagnostics,
        pages: 0,
        out: out.clone(),
        timings,
    };
    let Some(site) = site else { return Ok(report) };
    let templates = render::Templates::load(
        &options.root,
        site.config.build.theme.as_deref(),
        &mut report.diagnostics,
    );
    let Some(templates) = templates.filter(|_| !report.diagnostics.has_errors()) else {
        return Ok(report);
    };
    // Held until this build has swapped its site in (or given up).
    let content = options.root.join(&site.config.build.content_dir);
    let static_dir = site.config.build.static_dir.as_ref();
    let static_dir = static_dir.map(|dir| options.root.join(dir));
    let (out, _lock) = output::prepare(&options.root, &out, &content, static_dir.as_deref())?;
    let start = Instant::now();
    let mut writer = output::Writer::new(&out)?;
    if site.style == UrlStyle::Both {
        let html = site.articles.iter().map(|a| a.parsed.html.len()).sum();
        writer = writer.with_offline_zip(&site.config.site.title, html, &out);
    }
    // Pages and the search index side by side: each has stretches on one thread
    // that the other's parallel work fills.
    let ((urls, render_problems, render_time), search_time) = rayon::join(
        || {
            let mut problems = Diagnostics::new();
            let urls = render::render_site(&site, &templates, &writer, None, &mut problems);
            (urls, problems, start.elapsed())
        },
        || {
            let start = Instant::now();
            search::write_index(&site, &writer);
            start.elapsed()
        },
    );
    report.diagnostics.extend(render_problems);
    if report.diagnostics.has_errors() {
        writer.abandon();
        return Ok(report);
    }
    report.timings.push(("render", render_time));
    report.timings.push(("search", search_time));
    let start = Instant::now();
    // The URL table is the list of pages: what rendering wrote must be exactly it.
    debug_assert_eq!(
        urls,
        site.urls.page_urls(),
        "pages rendered vs. the URL table"
    );
    render::write_extras(&site, &writer, &options.root);
    report.timings.push(("write extras", start.elapsed()));
    // Freeing a large library's model takes a while; it need not hold up the rest.
    let freed = std::thread::spawn(move || drop(site));
    let start = Instant::now();
    if let Err(e) = writer.finish_offline_edition() {
        writer.abandon();
        return Err(e.context("writing offline.zip"));
    }
    report.timings.push(("offline.zip", start.elapsed()));
    let start = Instant::now();
    writer.commit(&out)?;
    report.timings.push(("swap", start.elapsed()));
    let _ = freed.join();
    report.pages = urls.len();
    Ok(report)
}
