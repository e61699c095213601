//! `print.html`: the whole library in reading order, for printing or saving as one file.

use super::article::sources;
use super::{context_hash, fill_page, Templates};
use crate::diagnostic::Diagnostic;
use crate::markdown::fill_placeholders;
use crate::output::Writer;
use crate::site::{Site, UrlStyle};
use rayon::prelude::*;
use serde_json::{json, Value};
use tera::Context;

/// `print.html`: the whole library in reading order, one article per printed page
/// group, with links between articles rewritten to anchors in the same file. Written
/// article by article, so a large library never sits in memory as one string.
pub(super) fn write_print(
    site: &Site,
    templates: &Templates,
    base: &Context,
    writer: &Writer,
) -> Result<(), Diagnostic> {
    const MARKER: &str = "<!-- attune:articles -->";
    let order: Vec<usize> = site.topics.iter().flatten().copied().collect();
    let mut in_print = vec![false; site.articles.len()];
    for &i in &order {
        in_print[i] = true;
    }
    let mut context = base.clone();
    fill_page(
        &mut context,
        site,
        "",
        &format!("{} (print edition)", site.config.site.title),
    );
    let contents: Vec<Value> = order
        .iter()
        .map(|&i| json!({"title": site.articles[i].title, "slug": site.articles[i].slug}))
        .collect();
    context.insert("contents", &contents);
    let frame = templates.render("print.html", &context)?;
    let (head, tail) = frame.split_once(MARKER).unwrap_or((frame.as_str(), ""));
    let io = |e: std::io::Error| Diagnostic::error("io", format!("writing print.html: {e}"));
    let write_all = |sink: &mut dyn std::io::Write| -> Result<(), Diagnostic> {
        sink.write_all(head.as_bytes()).map_err(io)?;
        for chunk in order.chunks(64) {
            let rendered: Vec<Result<String, Diagnostic>> = chunk
                .par_iter()
                .map(|&i| {
                    let mut context = base.clone();
                    fill_page(&mut context, site, "", &site.articles[i].title);
                    context.insert("article", &print_article(site, i, &in_print));
                    let key = format!("print.html#{}", site.articles[i].slug);
                    let hash = if writer.is_live() {
                        context_hash("print-article.html", &context)
                    } else {
                        0
                    };
                    writer.fragment(&key, hash, || {
                        templates.render("print-article.html", &context)
                    })
                })
                .collect();
            for html in rendered {
                sink.write_all(html?.as_bytes()).map_err(io)?;
            }
        }
        sink.write_all(tail.as_bytes()).map_err(io)?;
        sink.flush().map_err(io)
    };
    // A served folder gets the file whole (atomic, and skipped when unchanged); a
    // build streams it, so a large library never sits in memory as one string.
    if writer.wants_whole_files() {
        let mut buffer = Vec::with_capacity(1 << 20);
        write_all(&mut buffer)?;
        writer.write("print.html", &buffer);
        Ok(())
    } else {
        write_all(&mut writer.create("print.html").map_err(io)?)
    }
}

/// An article as `print.html` shows it: ids namespaced by slug, links to other printed
/// articles turned into in-page anchors, other links made relative to the site root.
fn print_article(site: &Site, i: usize, in_print: &[bool]) -> Value {
    let article = &site.articles[i];
    let slug = &article.slug;
    let root = UrlStyle::root(&article.url);
    let body = article
        .parsed
        .html
        .replace(" id=\"", &format!(" id=\"{slug}--"))
        .replace("href=\"#", &format!("href=\"#{slug}--"))
        .replace(
            "aria-describedby=\"",
            &format!("aria-describedby=\"{slug}--"),
        )
        .replace(&format!("href=\"{root}"), "href=\"");
    let links = &site.links[i];
    let body = fill_placeholders(
        &body,
        |n| match links.get(n).and_then(|l| l.target.map(|t| (t, l))) {
            Some((t, link)) if in_print[t] => {
                let anchor = link.href.split_once('#').map(|(_, a)| a);
                match anchor {
                    Some(a) => format!("#{}--{a}", site.articles[t].slug),
                    None => format!("#{}", site.articles[t].slug),
                }
            }
            Some((t, link)) => {
                let fragment = link
                    .href
                    .split_once('#')
                    .map(|(_, a)| format!("#{a}"))
                    .unwrap_or_default();
                format!("{}{fragment}", site.style.href("", &site.articles[t].url))
            }
            None => String::new(),
        },
        |n| links.get(n).map(|l| l.title.clone()).unwrap_or_default(),
    );
    let sources = sources(site, article);
    json!({
        "title": article.title,
        "slug": slug,
        "summary": article.summary,
        "topic": site.topic_title(article),
        "body": body,
        "sources": sources,
        "last_reviewed": article.front.last_reviewed.map(|d| d.long()),
        "reviewed_by": article.front.reviewed_by,
    })
}
