//! Pages from the site model through tera templates: the default theme is embedded
//! in the binary and a site's own theme may override any template by name. Each
//! template receives a typed context ([`context`], the theme contract).
//!
//! A page whose template fails has nothing to write: it comes back as that page's
//! `Err(Diagnostic)`, the other pages render on, and [`render_site`] pushes each
//! distinct error into the build's sink once (a broken template shared by a thousand
//! articles is one error, not a thousand).

mod article;
mod body;
mod chapters;
pub mod context;
mod extras;
mod feeds;
mod map;
mod pages;
mod pass;
mod print;
mod sections;
mod templates;
mod unbroken;

pub use crate::markdown::sanitize;
pub use article::format_reference;
pub use extras::write_extras;
pub use templates::Templates;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::Writer;
use crate::site::{Dependencies, Site};
use article::{article_context, json_ld};
use context::{ArticlePage, Card, PlainPage};
use pages::{site_pages, Pages};
pub(crate) use pass::Pass;
use pass::{page, page_with, passes};
use print::write_print;
use rayon::prelude::*;

fn card(site: &Site, i: usize) -> Card<'_> {
    let a = &site.articles[i];
    Card {
        title: a.link_title(),
        url: &a.url,
        summary: &a.summary,
        minutes: a
            .parsed
            .stats
            .reading_minutes(site.config.readability.words_per_minute),
        part: None,
    }
}

/// Renders every page into `writer` (and the offline edition it carries, if any);
/// returns the site-relative URLs written. Into a live (served) folder, with the
/// site's dependencies, only the pages whose inputs changed since it was last written
/// render again (see [`Dependencies`]). Template errors go into `diagnostics`; a write
/// that fails is recorded in `writer`, which then fails the build as one that could
/// not run.
pub fn render_site(
    site: &Site,
    templates: &Templates,
    writer: &Writer,
    deps: Option<&Dependencies>,
    diagnostics: &mut Diagnostics,
) -> Vec<String> {
    let passes = passes(site, templates, writer, deps);
    let mut pages = Pages {
        site,
        templates,
        passes: &passes,
        urls: Vec::new(),
        errors: Vec::new(),
    };
    site_pages(&mut pages);
    let Pages {
        mut urls,
        mut errors,
        ..
    } = pages;

    for result in render_articles(site, templates, writer, &passes) {
        match result {
            Ok(url) => urls.push(url),
            Err(e) => errors.push(e),
        }
    }
    for pass in &passes {
        if let Err(e) = top_level_404(site, templates, pass) {
            errors.push(e);
        }
    }
    let mut print_errors = Diagnostics::new();
    if let Err(e) = write_print(site, templates, &passes, &mut print_errors) {
        // A write error is the machine's (disk full, permissions), not the content's:
        // the writer fails the build as one that could not run.
        writer.record_failure(format!("writing print.html: {e}"));
    }
    errors.extend(print_errors);
    errors.sort_by(|a, b| a.message.cmp(&b.message));
    errors.dedup();
    diagnostics.extend(errors);
    urls.sort();
    urls
}

/// Articles, in parallel: they are most of the work. The context is built once
/// and rendered for each edition.
fn render_articles(
    site: &Site,
    templates: &Templates,
    writer: &Writer,
    passes: &[Pass],
) -> Vec<Result<String, Diagnostic>> {
    (0..site.articles.len())
        .into_par_iter()
        .filter(|&i| site.articles[i].structure == crate::site::Structure::Page)
        .map(|i| {
            let article = &site.articles[i];
            let template = if article.topic.is_some() || article::is_chapter(site, i) {
                "article.html"
            } else {
                "page.html"
            };
            let path = format!("{}index.html", article.url);
            let key = |deps: &Dependencies| deps.article_page(i, template, &path);
            let stale: Vec<&Pass> = passes.iter().filter(|p| !p.fresh(&path, key)).collect();
            if stale.is_empty() {
                return Ok(article.url.clone());
            }
            let mut context = article_context(site, i);
            // A served folder keeps each address's QR code between rebuilds.
            if let Some(url) = &context.absolute_url {
                let svg = writer.fragment(
                    &format!("qr {url}"),
                    0,
                    || (),
                    |()| 0,
                    |()| Ok::<_, std::convert::Infallible>(crate::qr::svg(url).unwrap_or_default()),
                );
                let Ok(svg) = svg;
                context.qr = Some((!svg.is_empty()).then_some(svg));
            }
            let jsonld = json_ld(site, article);
            let own = ArticlePage {
                article: &context,
                description: (!article.summary.is_empty()).then_some(article.summary.as_str()),
                jsonld: &jsonld,
                breadcrumbs: sections::breadcrumbs(site, i),
            };
            let part = page_with(
                site,
                &article.url,
                &article.title,
                article.body_has_code(),
                own,
            );
            for pass in stale {
                pass.render(site, templates, template, &path, key, &part)?;
            }
            Ok(article.url.clone())
        })
        .collect()
}

/// A top-level 404.html for static hosts that look for one. A host serves it in
/// place of any missing address, at any depth, so its links cannot be relative: they
/// start from the path the site is published under (from `base_url`; `/` under
/// `serve`, which serves the site at its root). The offline edition's copy is opened
/// as a file, next to index.html.
fn top_level_404(site: &Site, templates: &Templates, pass: &Pass) -> Result<(), Diagnostic> {
    let key = |deps: &Dependencies| deps.site_page("404.html", "404.html");
    if pass.fresh("404.html", key) {
        return Ok(());
    }
    let web_root = if pass.live().is_some() {
        "/".to_string()
    } else {
        site.config.base_path().unwrap_or_else(|| "/".into())
    };
    let part = |offline: bool| {
        let mut part = page(site, "", "Page not found", PlainPage {});
        part["root"] = (if offline { "./" } else { &web_root }).into();
        part
    };
    if pass.outputs.len() == 1 {
        let offline = pass.outputs[0].1;
        pass.render(site, templates, "404.html", "404.html", key, &part(offline))
    } else {
        pass.outputs.iter().try_for_each(|&(writer, offline)| {
            let html = pass.with_context(&part(offline), |c| templates.render("404.html", c))?;
            writer.write_here("404.html", site.style.edition(&html, offline).as_bytes());
            Ok(())
        })
    }
}
