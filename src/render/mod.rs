//! Pages from the site model through tera templates: the default theme is embedded
//! in the binary and a site's own theme may override any template by name.

mod article;
mod print;
mod templates;

pub use article::{format_reference, sanitize};
pub use templates::Templates;

use crate::diagnostic::Diagnostic;
use crate::load::ReferenceKind;
use crate::output::Writer;
use crate::site::{Site, UrlStyle};
use article::{article_context, json_ld, sort_key};
use print::write_print;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use tera::Context;

/// A link to an article as lists show it.
#[derive(Serialize, Clone)]
struct Card<'a> {
    title: &'a str,
    url: &'a str,
    summary: &'a str,
    minutes: usize,
}

fn card(site: &Site, i: usize) -> Card<'_> {
    let a = &site.articles[i];
    Card {
        title: &a.title,
        url: &a.url,
        summary: &a.summary,
        minutes: a
            .parsed
            .stats
            .reading_minutes(site.config.readability.words_per_minute),
    }
}

/// One render of every page, and the editions it is written as: (writer, whether
/// that edition is the offline one). A theme that allows it renders once for both
/// editions (see [`Templates::both_editions`]); otherwise each edition has its own pass.
pub(crate) struct Pass<'a> {
    pub base: Context,
    pub outputs: Vec<(&'a Writer, bool)>,
}

impl Pass<'_> {
    /// Renders `template` with this pass's context plus `fill`, and writes it as each
    /// of the pass's editions.
    fn render(
        &self,
        site: &Site,
        templates: &Templates,
        template: &str,
        path: &str,
        fill: impl FnOnce(&mut Context),
    ) -> Result<(), Diagnostic> {
        let mut context = self.base.clone();
        fill(&mut context);
        if let [(writer, _)] = self.outputs[..] {
            if unchanged(writer, path, template, &context) {
                return Ok(());
            }
        }
        let html = templates.render(template, &context)?;
        for &(writer, offline) in &self.outputs {
            writer.write_here(path, site.style.edition(&html, offline).as_bytes());
        }
        Ok(())
    }
}

/// The passes that render what `writer` takes: its own edition, and the offline one
/// written alongside, if any.
fn passes<'a>(site: &Site, templates: &Templates, writer: &'a Writer) -> Vec<Pass<'a>> {
    let web_zip = site.config.build.offline_zip;
    match writer.offline_edition() {
        Some(offline) if templates.both_editions() => vec![Pass {
            base: base_context(site, site.style.index(), web_zip),
            outputs: vec![(writer, false), (offline, true)],
        }],
        Some(offline) => vec![
            Pass {
                base: base_context(site, "", web_zip),
                outputs: vec![(writer, false)],
            },
            Pass {
                base: base_context(site, "index.html", false),
                outputs: vec![(offline, true)],
            },
        ],
        None => {
            let offline = site.style == UrlStyle::Offline;
            vec![Pass {
                base: base_context(site, site.style.index(), web_zip && !offline),
                outputs: vec![(writer, offline)],
            }]
        }
    }
}

/// Renders every page into `writer` (and the offline edition it carries, if any);
/// returns the site-relative URLs written.
pub fn render_site(
    site: &Site,
    templates: &Templates,
    writer: &Writer,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let passes = passes(site, templates, writer);
    let mut urls: Vec<String> = Vec::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut page = |template: &str, url: &str, title: &str, extra: Value| {
        let path = format!("{url}index.html");
        let Value::Object(extra) = extra else {
            return;
        };
        for pass in &passes {
            let result = pass.render(site, templates, template, &path, |context| {
                fill_page(context, site, url, title);
                for (k, v) in &extra {
                    context.insert(k, v);
                }
            });
            if let Err(e) = result {
                errors.push(e);
                return;
            }
        }
        urls.push(url.to_string());
    };

    // Home.
    let topics: Vec<Value> = site
        .config
        .topics
        .iter()
        .zip(&site.topics)
        .map(|(t, list)| json!({"id": t.id, "title": t.title, "description": t.description, "url": format!("{}/", t.id), "articles": list.iter().map(|&i| card(site, i)).collect::<Vec<_>>()}))
        .collect();
    let paths: Vec<Value> = site
        .paths
        .iter()
        .map(|p| json!({"id": p.source.id, "title": p.source.path.title, "audience": p.source.path.audience, "description": p.source.path.description, "url": format!("paths/{}/", p.source.id), "steps": p.steps.len()}))
        .collect();
    page(
        "index.html",
        "",
        &site.config.site.title,
        json!({"topics": topics, "paths": paths}),
    );

    // Topic hubs.
    for (t, topic) in topics.iter().enumerate() {
        let url = format!("{}/", site.config.topics[t].id);
        page(
            "topic.html",
            &url,
            &site.config.topics[t].title,
            json!({"topic": topic, "description": non_empty(&site.config.topics[t].description)}),
        );
    }

    // Tags.
    let tag_list: Vec<Value> = site
        .tags
        .iter()
        .map(|(slug, tag)| json!({"name": tag.name, "url": format!("tags/{slug}/"), "count": tag.articles.len()}))
        .collect();
    page("tags.html", "tags/", "Tags", json!({"tags": tag_list}));
    for (slug, tag) in &site.tags {
        let articles: Vec<Card> = tag.articles.iter().map(|&i| card(site, i)).collect();
        page(
            "tag.html",
            &format!("tags/{slug}/"),
            &format!("Tagged “{}”", tag.name),
            json!({"tag": {"name": tag.name, "articles": articles}}),
        );
    }

    // Glossary and references.
    if !site.glossary.is_empty() {
        let entries: Vec<Value> = site
            .glossary
            .entries()
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let article = e.article.as_ref().and_then(|s| site.find_article(s)).map(|a| card(site, a));
                let users: Vec<Card> = site.glossary_users[i].iter().map(|&a| card(site, a)).collect();
                json!({"term": e.term, "anchor": site.glossary.anchor(i), "aliases": e.aliases, "definition": e.definition, "article": article, "used_in": users})
            })
            .collect();
        let mut entries = entries;
        entries.sort_by_key(|e| e["term"].as_str().unwrap_or_default().to_lowercase());
        page(
            "glossary.html",
            "glossary/",
            "Glossary",
            json!({"entries": entries}),
        );
    }
    if !site.references.is_empty() {
        let mut groups: BTreeMap<ReferenceKind, Vec<Value>> = BTreeMap::new();
        for (key, reference) in &site.references {
            let citers: Vec<Card> = site
                .citers
                .get(key)
                .map(|v| v.iter().map(|&a| card(site, a)).collect())
                .unwrap_or_default();
            groups.entry(reference.kind).or_default().push(json!({"key": key, "html": format_reference(reference), "sort": sort_key(reference), "cited_by": citers}));
        }
        let groups: Vec<Value> = groups
            .into_iter()
            .map(|(kind, mut items)| {
                items.sort_by(|a, b| a["sort"].as_str().cmp(&b["sort"].as_str()));
                json!({"heading": kind.heading(), "items": items})
            })
            .collect();
        page(
            "references.html",
            "references/",
            "References",
            json!({"groups": groups}),
        );
    }

    // Reading paths.
    if !site.paths.is_empty() {
        page(
            "paths.html",
            "paths/",
            "Reading paths",
            json!({"paths": paths}),
        );
        for p in &site.paths {
            let steps: Vec<Value> = p
                .steps
                .iter()
                .enumerate()
                .map(|(n, (i, note))| json!({"number": n + 1, "article": card(site, *i), "note": note}))
                .collect();
            page(
                "path.html",
                &format!("paths/{}/", p.source.id),
                &p.source.path.title,
                json!({"description": p.source.path.description, "path": {"title": p.source.path.title, "audience": p.source.path.audience, "description": p.source.path.description, "steps": steps}}),
            );
        }
    }

    // Aliases: redirect pages for old URLs.
    for (alias, &target) in &site.aliases {
        let to = site.style.href(alias, &site.articles[target].url);
        let canonical = site
            .config
            .base_url()
            .map(|b| format!("{b}{}", site.articles[target].url));
        page(
            "redirect.html",
            alias,
            &site.articles[target].title,
            json!({"target": to, "target_canonical": canonical}),
        );
    }

    if let Some(svg) = crate::map::svg(site, "map/") {
        let columns: Vec<Value> = site
            .config
            .topics
            .iter()
            .zip(&site.topics)
            .filter(|(_, list)| !list.is_empty())
            .map(|(t, list)| {
                let articles: Vec<Value> = list
                    .iter()
                    .map(|&i| {
                        let relations: Vec<Value> = site.relations_out[i]
                            .iter()
                            .map(|(kind, targets)| json!({"label": site.config.relations[*kind].label, "articles": targets.iter().map(|&t| card(site, t)).collect::<Vec<_>>()}))
                            .collect();
                        json!({"card": card(site, i), "relations": relations})
                    })
                    .collect();
                json!({"title": t.title, "id": t.id, "articles": articles})
            })
            .collect();
        page(
            "map.html",
            "map/",
            "Topic map",
            json!({"svg": svg, "columns": columns}),
        );
    }

    page(
        "search.html",
        "search/",
        "Search",
        json!({"letters": a_to_z(site)}),
    );

    let handouts: Vec<Card> = site
        .topics
        .iter()
        .flatten()
        .filter(|&&i| site.articles[i].front.handout)
        .map(|&i| card(site, i))
        .collect();
    if !handouts.is_empty() {
        page(
            "handouts.html",
            "handouts/",
            "Handouts",
            json!({"handouts": handouts}),
        );
    }
    page("privacy.html", "privacy/", "Privacy", json!({}));
    if site.config.safety.quick_exit {
        page(
            "quick-exit.html",
            "quick-exit/",
            "About quick exit",
            json!({}),
        );
    }

    page("404.html", "404/", "Page not found", json!({}));

    // Articles, in parallel: they are most of the work. The context is built once
    // and rendered for each edition.
    let article_results: Vec<Result<String, Diagnostic>> = (0..site.articles.len())
        .into_par_iter()
        .map(|i| {
            let article = &site.articles[i];
            let mut context = article_context(site, i);
            // A served folder keeps each address's QR code between rebuilds.
            if let Some(url) = context["absolute_url"].as_str() {
                let svg = writer.fragment(&format!("qr {url}"), 0, || {
                    Ok::<_, std::convert::Infallible>(crate::qr::svg(url).unwrap_or_default())
                });
                if let (Ok(svg), Value::Object(map)) = (svg, &mut context) {
                    map.insert("qr".into(), (!svg.is_empty()).then_some(svg).into());
                }
            }
            let jsonld = json_ld(site, article);
            let template = if article.topic.is_some() {
                "article.html"
            } else {
                "page.html"
            };
            let path = format!("{}index.html", article.url);
            for pass in &passes {
                pass.render(site, templates, template, &path, |c| {
                    fill_page(c, site, &article.url, &article.title);
                    c.insert("article", &context);
                    if !article.summary.is_empty() {
                        c.insert("description", &article.summary);
                    }
                    c.insert("jsonld", &jsonld);
                })?;
            }
            Ok(article.url.clone())
        })
        .collect();
    for result in article_results {
        match result {
            Ok(url) => urls.push(url),
            Err(e) => errors.push(e),
        }
    }
    for pass in &passes {
        // A top-level 404.html for static hosts that look for one.
        let result = pass.render(site, templates, "404.html", "404.html", |c| {
            fill_page(c, site, "", "Page not found")
        });
        if let Err(e) = result {
            errors.push(e);
        }
    }
    if let Err(e) = write_print(site, templates, &passes) {
        errors.push(e);
    }
    errors.sort_by(|a, b| a.message.cmp(&b.message));
    errors.dedup();
    diagnostics.extend(errors);
    urls.sort();
    urls
}

/// Articles and glossary terms grouped by initial letter, for the search page's
/// A–Z index (what the search box leads to without JavaScript).
fn a_to_z(site: &Site) -> Vec<Value> {
    let mut entries: Vec<(String, String, String, &str)> = site
        .articles
        .iter()
        .map(|a| {
            (
                crate::search::fold(&a.title),
                a.title.clone(),
                a.url.clone(),
                "article",
            )
        })
        .collect();
    for (i, e) in site.glossary.entries().iter().enumerate() {
        entries.push((
            crate::search::fold(&e.term),
            e.term.clone(),
            format!("glossary/#{}", site.glossary.anchor(i)),
            "glossary term",
        ));
    }
    entries.sort();
    let mut letters: Vec<(String, Vec<Value>)> = Vec::new();
    for (key, title, url, kind) in entries {
        let letter = key
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().to_string())
            .unwrap_or_else(|| "#".into());
        let letter = if letter.chars().all(|c| c.is_ascii_digit()) {
            "#".to_string()
        } else {
            letter
        };
        let (path, fragment) = url
            .split_once('#')
            .map_or((url.clone(), String::new()), |(p, f)| {
                (p.to_string(), format!("#{f}"))
            });
        let item = json!({"title": title, "path": path, "fragment": fragment, "kind": kind});
        match letters.last_mut() {
            Some((l, items)) if *l == letter => items.push(item),
            _ => letters.push((letter, vec![item])),
        }
    }
    letters
        .into_iter()
        .map(|(letter, items)| json!({"letter": letter, "items": items}))
        .collect()
}

/// In a live (served) folder: whether the page at `path` was last rendered from this
/// very template and context, so rendering it again would change nothing.
fn unchanged(writer: &Writer, path: &str, template: &str, context: &Context) -> bool {
    writer.is_live() && writer.unchanged_page(path, context_hash(template, context))
}

fn context_hash(template: &str, context: &Context) -> u64 {
    let mut bytes = template.as_bytes().to_vec();
    bytes.push(0);
    bytes.extend(serde_json::to_vec(&context.clone().into_json()).unwrap_or_default());
    crate::output::hash_bytes(&bytes)
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}

/// What every page of a pass sees: `index` is what links to a folder end with
/// (nothing, `index.html`, or the mark for both), and `offline_zip` whether the
/// footer links to `offline.zip`.
fn base_context(site: &Site, index: &str, offline_zip: bool) -> Context {
    let mut context = Context::new();
    let config = &site.config;
    context.insert(
        "site",
        &json!({
            "title": config.site.title,
            "description": config.site.description,
            "language": config.site.language,
            "base_url": config.base_url(),
            "publisher": config.site.publisher,
            "crisis_text": config.safety.crisis_text,
            "crisis_links": config.safety.crisis_links.iter().map(|l| json!({"label": l.label, "href": l.href})).collect::<Vec<_>>(),
            "quick_exit": config.safety.quick_exit,
            "quick_exit_url": config.safety.quick_exit_url,
            "disclaimer": config.safety.disclaimer,
            "has_glossary": !site.glossary.is_empty(),
            "has_references": !site.references.is_empty(),
            "has_paths": !site.paths.is_empty(),
            "has_map": site.relations_out.iter().any(|r| !r.is_empty()),
            "has_handouts": site.articles.iter().any(|a| a.front.handout && a.topic.is_some()),
            "offline_zip": offline_zip,
        }),
    );
    let nav: Vec<Value> = config
        .topics
        .iter()
        .map(|t| json!({"title": t.title, "url": format!("{}/", t.id)}))
        .collect();
    context.insert("nav", &nav);
    let pages: Vec<Value> = site
        .pages
        .iter()
        .map(|&i| json!({"title": site.articles[i].title, "url": site.articles[i].url}))
        .collect();
    context.insert("pages", &pages);
    context.insert("index", index);
    context
}

fn fill_page(context: &mut Context, site: &Site, url: &str, title: &str) {
    context.insert("root", &UrlStyle::root(url));
    context.insert("url", url);
    context.insert("title", title);
    context.insert(
        "canonical",
        &site.config.base_url().map(|b| format!("{b}{url}")),
    );
}
