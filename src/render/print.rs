//! `print.html`: the whole library in reading order, for printing or saving as one file.

use super::article::sources;
use super::context::{PrintArticle, PrintArticlePage, PrintContents, PrintPage};
use super::pass::page_with;
use super::{page, Pass, Templates};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::{fill_placeholders, href_attr};
use crate::site::{Dependencies, RefTarget, Site, UrlStyle};
use rayon::prelude::*;
use std::io::Write as _;

/// `print.html`: the whole library in reading order, one article per printed page
/// group, with links between articles rewritten to anchors in the same file. A build
/// streams it article by article, so a large library never sits in memory as one
/// string; each article's context is built once for every edition.
///
/// A template error goes into `diagnostics` and ends `print.html` there (the build
/// writes nothing with errors); `Err` is a write that failed, the machine's problem
/// (disk full, permissions), not the content's.
pub(super) fn write_print(
    site: &Site,
    templates: &Templates,
    passes: &[Pass],
    diagnostics: &mut Diagnostics,
) -> std::io::Result<()> {
    const MARKER: &str = "<!-- attune:articles -->";
    const TEMPLATE: &str = "print-article.html";
    let order: Vec<usize> = site.topics.iter().flatten().copied().collect();
    let mut in_print = vec![false; site.articles.len()];
    for &i in &order {
        in_print[i] = true;
    }
    let has_code = order.iter().any(|&i| site.articles[i].body_has_code());
    let title = format!("{} (print edition)", site.config.site.title);
    let parts: Vec<Option<usize>> = order.iter().map(|&i| site.part_of(i)).collect();
    let frame_part = page_with(
        site,
        "",
        &title,
        has_code,
        PrintPage {
            contents: order
                .iter()
                .zip(site.part_titles(&parts))
                .map(|(&i, part)| PrintContents {
                    title: &site.articles[i].title,
                    slug: site.print_key(i),
                    part,
                })
                .collect(),
        },
    );
    // Per pass, per edition it writes: the sink and the end of the frame.
    let mut sinks: Vec<Vec<(Sink, String)>> = Vec::new();
    for pass in passes {
        let frame = match pass.with_context(&frame_part, |c| templates.render("print.html", c)) {
            Ok(frame) => frame,
            Err(e) => {
                diagnostics.push(e);
                return Ok(());
            }
        };
        let mut pass_sinks = Vec::new();
        for &(writer, offline) in &pass.outputs {
            let frame = site.style.edition(&frame, offline);
            let (head, tail) = frame.split_once(MARKER).unwrap_or((&frame, ""));
            // A served folder and an archive take the file whole; a folder streams it.
            let mut sink = if writer.wants_whole_files() {
                Sink::Whole(Vec::new())
            } else {
                Sink::File(writer.create("print.html")?)
            };
            sink.push(head.to_string())?;
            pass_sinks.push((sink, tail.to_string()));
        }
        sinks.push(pass_sinks);
    }
    for chunk in order.chunks(64) {
        // Per article, per pass: the article as each of the pass's editions.
        let rendered: Vec<Result<Vec<Vec<String>>, Diagnostic>> = chunk
            .par_iter()
            .map(|&i| {
                let name = format!("print.html#{}", site.print_key(i));
                let key = |deps: &Dependencies| deps.article_page(i, TEMPLATE, "print.html");
                let mut article = None;
                passes
                    .iter()
                    .map(|pass| {
                        let part = || {
                            let article =
                                article.get_or_insert_with(|| print_article(site, i, &in_print));
                            page(
                                site,
                                "",
                                &site.articles[i].title,
                                PrintArticlePage { article },
                            )
                        };
                        let html = pass.outputs[0].0.fragment(
                            &name,
                            pass.key(key).unwrap_or_default(),
                            part,
                            |part| pass.context_hash(TEMPLATE, part),
                            |part| pass.with_context(&part, |c| templates.render(TEMPLATE, c)),
                        )?;
                        Ok(pass
                            .outputs
                            .iter()
                            .map(|&(_, offline)| site.style.edition(&html, offline).into_owned())
                            .collect())
                    })
                    .collect()
            })
            .collect();
        for per_pass in rendered {
            let per_pass = match per_pass {
                Ok(per_pass) => per_pass,
                Err(e) => {
                    diagnostics.push(e);
                    return Ok(());
                }
            };
            for (pass_sinks, htmls) in sinks.iter_mut().zip(per_pass) {
                for ((sink, _), html) in pass_sinks.iter_mut().zip(htmls) {
                    sink.push(html)?;
                }
            }
        }
    }
    let outputs = passes.iter().flat_map(|p| &p.outputs);
    for ((sink, tail), &(writer, _)) in sinks.into_iter().flatten().zip(outputs) {
        match sink {
            Sink::Whole(mut pieces) => {
                pieces.push(tail);
                let pieces: Vec<&[u8]> = pieces.iter().map(|p| p.as_bytes()).collect();
                writer.write_pieces_here("print.html", &pieces);
            }
            Sink::File(mut file) => {
                file.write_all(tail.as_bytes())?;
                file.flush()?;
            }
        }
    }
    Ok(())
}

/// Where `print.html` goes: into memory as the articles' pieces (never joined for an
/// archive, which compresses them in turn), or streamed into a file.
enum Sink {
    Whole(Vec<String>),
    File(std::io::BufWriter<std::fs::File>),
}

impl Sink {
    fn push(&mut self, html: String) -> std::io::Result<()> {
        match self {
            Sink::Whole(pieces) => {
                pieces.push(html);
                Ok(())
            }
            Sink::File(file) => file.write_all(html.as_bytes()),
        }
    }
}

/// An article as `print.html` shows it: ids namespaced by slug, links to other printed
/// articles turned into in-page anchors, other links made relative to the site root.
fn print_article<'a>(site: &'a Site, i: usize, in_print: &[bool]) -> PrintArticle<'a> {
    let article = &site.articles[i];
    let slug = site.print_key(i);
    let fill = |t: usize, html: &str| print_body(site, t, html, slug, in_print);
    let body = fill(i, &article.parsed.html);
    let body = super::body::unlink_missing(&site.expand_embeds(i, &body, &fill));
    let body = site.fill_bases("", body);
    let body = super::body::linked_remote_frames(&body).into_owned();
    let sources = sources(site, article);
    let governance = super::article::governance(site, article);
    PrintArticle {
        title: &article.title,
        heading: article.parsed.heading_title.as_deref(),
        slug,
        summary: &article.summary,
        topic: site.topic_title(article),
        body,
        sources,
        review: governance.review,
        updated: governance.updated,
        safety: governance.safety,
    }
}

/// Part `html` of article `t`'s body as `print.html` shows it inside the article
/// whose print id is `slug`: ids namespaced by it, links to other printed articles
/// turned into in-page anchors, other links made relative to the site root, and no
/// meta refresh (which would send the whole edition away).
fn print_body(site: &Site, t: usize, html: &str, slug: &str, in_print: &[bool]) -> String {
    let root = UrlStyle::root(&site.articles[t].url);
    let html = super::body::named_empty_links(site, t, html);
    let body = crate::markdown::without_meta_refresh(&html)
        .replace(" id=\"", &format!(" id=\"{slug}--"))
        .replace("href=\"#", &format!("href=\"#{slug}--"))
        .replace(
            "aria-describedby=\"",
            &format!("aria-describedby=\"{slug}--"),
        )
        .replace(&format!("href=\"{root}"), "href=\"")
        // `#` alone, the top of the article's own page: the article's start here.
        .replace(&format!("href=\"#{slug}--\""), &format!("href=\"#{slug}\""));
    let links = &site.links[t];
    fill_placeholders(
        &body,
        |n| match links.get(n).and_then(|l| l.target.map(|u| (u, l))) {
            Some((u, link)) if in_print[u] => {
                let anchor = link
                    .href
                    .split_once('#')
                    .map(|(_, a)| a)
                    .filter(|a| !a.is_empty());
                format!("#{}", in_print_edition(site.print_key(u), anchor))
            }
            Some((u, link)) => {
                let fragment = link
                    .href
                    .split_once('#')
                    .map(|(_, a)| format!("#{a}"))
                    .unwrap_or_default();
                format!("{}{fragment}", site.style.href("", &site.articles[u].url))
            }
            None => String::new(),
        },
        |n| links.get(n).map(|l| l.title.clone()).unwrap_or_default(),
        |n| match site.refs[t].get(n) {
            Some(RefTarget::Fragment(id)) if id.is_empty() => format!("#{}", href_attr(slug)),
            Some(RefTarget::Fragment(id)) => {
                format!("#{}", href_attr(&in_print_edition(slug, Some(id))))
            }
            Some(RefTarget::Site {
                article: Some(u),
                fragment,
                ..
            }) if in_print[*u] => {
                let key = site.print_key(*u);
                format!(
                    "#{}",
                    href_attr(&in_print_edition(key, fragment.as_deref()))
                )
            }
            Some(target) => target.attr("", site.style),
            None => String::new(),
        },
    )
}

/// The id in `print.html` of the part `id` of the article printed as `key`: the
/// article itself for its top (`#top`, `#main`, which its own page has and the print
/// edition has once per article).
fn in_print_edition(key: &str, id: Option<&str>) -> String {
    match id {
        None | Some("" | "top" | "main") => key.to_string(),
        Some(id) => format!("{key}--{id}"),
    }
}
