//! Pages from the site model through tera templates: the default theme is embedded
//! in the binary and a site's own theme may override any template by name.

mod article;
mod body;
mod print;
mod sections;
mod templates;

pub use crate::markdown::sanitize;
pub use article::format_reference;
pub use templates::Templates;

use crate::diagnostic::Diagnostic;
use crate::load::ReferenceKind;
use crate::output::Writer;
use crate::output::{Inputs, StableHasher};
use crate::site::{Dependencies, Site, UrlStyle};
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
    /// In a live (served) folder: the site's dependencies, and the hash of `base`.
    live: Option<(&'a Dependencies, u64)>,
}

impl<'a> Pass<'a> {
    fn new(
        base: Context,
        outputs: Vec<(&'a Writer, bool)>,
        deps: Option<&'a Dependencies>,
    ) -> Self {
        let live = match outputs[..] {
            [(writer, _)] if writer.is_live() => {
                deps.map(|d| (d, json_hash(&base.clone().into_json())))
            }
            _ => None,
        };
        Pass {
            base,
            outputs,
            live,
        }
    }

    /// The live folder this pass writes, with its dependencies, if it writes one.
    fn live(&self) -> Option<(&'a Writer, &'a Dependencies, u64)> {
        let (deps, base) = self.live?;
        Some((self.outputs[0].0, deps, base))
    }

    /// In a live folder: the key of a page in this pass, from its key in the
    /// site's dependencies.
    fn key(&self, key: impl FnOnce(&Dependencies) -> u64) -> Option<u64> {
        let (_, deps, base) = self.live()?;
        Some(key(deps) ^ base)
    }

    /// Whether the page at `path`, with dependency key `key`, is in a live folder
    /// already and cannot have changed.
    fn fresh(&self, path: &str, key: impl FnOnce(&Dependencies) -> u64) -> bool {
        match (self.live(), self.key(key)) {
            (Some((writer, ..)), Some(key)) => writer.fresh_page(path, key),
            _ => false,
        }
    }

    /// The hash of the whole context of `template`: this pass's base and the page's
    /// own `part`, serialised straight into the hasher.
    fn context_hash(&self, template: &str, part: &Value) -> u64 {
        let mut h = StableHasher::default();
        h.write_u64(self.live.map_or(0, |(_, base)| base));
        h.debug(&template);
        let _ = serde_json::to_writer(&mut h, part);
        h.finish()
    }

    /// The whole context: this pass's base with the page's own `part`.
    fn context(&self, part: Value) -> Context {
        let mut context = self.base.clone();
        if let Ok(part) = Context::from_value(part) {
            context.extend(part);
        }
        context
    }

    /// Renders `template` with this pass's context plus what `fill` adds, and writes it
    /// as each of the pass's editions, unless a live folder holds it from the same
    /// context already.
    fn render(
        &self,
        site: &Site,
        templates: &Templates,
        template: &str,
        path: &str,
        key: impl FnOnce(&Dependencies) -> u64,
        fill: impl FnOnce(&mut Context),
    ) -> Result<(), Diagnostic> {
        let mut part = Context::new();
        fill(&mut part);
        let part = part.into_json();
        let inputs = self.key(key).map(|key| Inputs {
            key,
            context: self.context_hash(template, &part),
        });
        if let (Some(inputs), Some((writer, ..))) = (inputs, self.live()) {
            if writer.unchanged_page(path, inputs) {
                return Ok(());
            }
        }
        let html = templates.render(template, &self.context(part))?;
        for &(writer, offline) in &self.outputs {
            writer.write_here(path, site.style.edition(&html, offline).as_bytes());
        }
        if let (Some(inputs), Some((writer, ..))) = (inputs, self.live()) {
            writer.rendered_page(path, inputs);
        }
        Ok(())
    }
}

/// The stable hash of a JSON value, serialised straight into the hasher.
fn json_hash(value: &Value) -> u64 {
    let mut h = StableHasher::default();
    let _ = serde_json::to_writer(&mut h, value);
    h.finish()
}

/// The passes that render what `writer` takes: its own edition, and the offline one
/// written alongside, if any.
fn passes<'a>(
    site: &Site,
    templates: &Templates,
    writer: &'a Writer,
    deps: Option<&'a Dependencies>,
) -> Vec<Pass<'a>> {
    let web_zip = site.urls.contains("offline.zip");
    match writer.offline_edition() {
        Some(offline) if templates.both_editions() => vec![Pass::new(
            base_context(site, site.style.index(), web_zip),
            vec![(writer, false), (offline, true)],
            deps,
        )],
        Some(offline) => vec![
            Pass::new(base_context(site, "", web_zip), vec![(writer, false)], deps),
            Pass::new(
                base_context(site, "index.html", false),
                vec![(offline, true)],
                deps,
            ),
        ],
        None => {
            let offline = site.style == UrlStyle::Offline;
            vec![Pass::new(
                base_context(site, site.style.index(), web_zip && !offline),
                vec![(writer, offline)],
                deps,
            )]
        }
    }
}

/// The site's pages other than articles, rendered one after another; each page's own
/// context is built only when some pass has to render it.
struct Pages<'a> {
    site: &'a Site,
    templates: &'a Templates,
    passes: &'a [Pass<'a>],
    urls: Vec<String>,
    errors: Vec<Diagnostic>,
}

impl Pages<'_> {
    fn page(&mut self, template: &str, url: &str, title: &str, extra: impl FnOnce() -> Value) {
        let path = format!("{url}index.html");
        let (site, templates) = (self.site, self.templates);
        let key = |deps: &Dependencies| deps.site_page(template, &path);
        let stale: Vec<&Pass> = self
            .passes
            .iter()
            .filter(|p| !p.fresh(&path, key))
            .collect();
        if !stale.is_empty() {
            let Value::Object(extra) = extra() else {
                return;
            };
            for pass in stale {
                let result = pass.render(site, templates, template, &path, key, |context| {
                    fill_page(context, site, url, title);
                    for (k, v) in &extra {
                        context.insert(k, v);
                    }
                });
                if let Err(e) = result {
                    self.errors.push(e);
                    return;
                }
            }
        }
        self.urls.push(url.to_string());
    }
}

/// Renders every page into `writer` (and the offline edition it carries, if any);
/// returns the site-relative URLs written. Into a live (served) folder, with the
/// site's dependencies, only the pages whose inputs changed since it was last written
/// render again (see [`Dependencies`]).
pub fn render_site(
    site: &Site,
    templates: &Templates,
    writer: &Writer,
    deps: Option<&Dependencies>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let passes = passes(site, templates, writer, deps);
    let mut pages = Pages {
        site,
        templates,
        passes: &passes,
        urls: Vec::new(),
        errors: Vec::new(),
    };

    // Home and topic hubs.
    let topics = std::cell::OnceCell::new();
    let topics = || -> &Vec<Value> {
        topics.get_or_init(|| {
            site.config
                .topics
                .iter()
                .zip(&site.topics)
                .map(|(t, list)| json!({"id": t.id, "title": t.title, "description": t.description, "url": format!("{}/", t.id), "articles": list.iter().map(|&i| card(site, i)).collect::<Vec<_>>()}))
                .collect()
        })
    };
    let paths = || -> Vec<Value> {
        site.paths
            .iter()
            .map(|p| json!({"id": p.source.id, "title": p.source.path.title, "audience": p.source.path.audience, "description": p.source.path.description, "url": format!("paths/{}/", p.source.id), "steps": p.steps.len()}))
            .collect()
    };
    pages.page(
        "index.html",
        "",
        &site.config.site.title,
        || json!({"topics": topics(), "paths": paths(), "home_text": site.home_hub().map(|h| body::article_body(site, h))}),
    );
    for (t, config) in site.config.topics.iter().enumerate() {
        pages.page(
            "topic.html",
            &format!("{}/", config.id),
            &config.title,
            || json!({"topic": topics()[t], "description": non_empty(&config.description), "hub": sections::topic_hub(site, t)}),
        );
    }
    sections::section_pages(&mut pages, site);

    // Tags.
    pages.page("tags.html", "tags/", "Tags", || {
        let tags: Vec<Value> = site
            .tags
            .iter()
            .map(|(slug, tag)| json!({"name": tag.name, "url": format!("tags/{slug}/"), "count": tag.articles.len()}))
            .collect();
        json!({ "tags": tags })
    });
    for (slug, tag) in &site.tags {
        let title = format!("Tagged “{}”", tag.name);
        pages.page("tag.html", &format!("tags/{slug}/"), &title, || {
            let articles: Vec<Card> = tag.articles.iter().map(|&i| card(site, i)).collect();
            json!({"tag": {"name": tag.name, "articles": articles}})
        });
    }

    // Glossary and references.
    if !site.glossary.is_empty() {
        pages.page("glossary.html", "glossary/", "Glossary", || {
            let mut entries: Vec<Value> = site
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
            entries.sort_by_key(|e| e["term"].as_str().unwrap_or_default().to_lowercase());
            json!({ "entries": entries })
        });
    }
    if !site.references.is_empty() {
        pages.page("references.html", "references/", "References", || {
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
            json!({ "groups": groups })
        });
    }

    // Reading paths.
    if !site.paths.is_empty() {
        pages.page(
            "paths.html",
            "paths/",
            "Reading paths",
            || json!({ "paths": paths() }),
        );
        for p in &site.paths {
            let url = format!("paths/{}/", p.source.id);
            pages.page("path.html", &url, &p.source.path.title, || {
                let steps: Vec<Value> = p
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(n, (i, note))| json!({"number": n + 1, "article": card(site, *i), "note": note}))
                    .collect();
                json!({"description": p.source.path.description, "path": {"title": p.source.path.title, "audience": p.source.path.audience, "description": p.source.path.description, "steps": steps}})
            });
        }
    }

    // Aliases: redirect pages for old URLs.
    for (alias, &target) in &site.aliases {
        let target = &site.articles[target];
        pages.page("redirect.html", alias, &target.title, || {
            let to = site.style.href(alias, &target.url);
            let canonical = site.config.base_url().map(|b| format!("{b}{}", target.url));
            json!({"target": to, "target_canonical": canonical})
        });
    }

    if site.relations_out.iter().any(|r| !r.is_empty()) {
        pages.page("map.html", "map/", "Topic map", || {
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
            json!({"svg": crate::map::svg(site, "map/"), "columns": columns})
        });
    }

    pages.page(
        "search.html",
        "search/",
        "Search",
        || json!({ "letters": a_to_z(site) }),
    );

    let handouts = || -> Vec<Card> {
        site.topics
            .iter()
            .flatten()
            .filter(|&&i| site.articles[i].front.handout)
            .map(|&i| card(site, i))
            .collect()
    };
    if site
        .topics
        .iter()
        .flatten()
        .any(|&i| site.articles[i].front.handout)
    {
        pages.page(
            "handouts.html",
            "handouts/",
            "Handouts",
            || json!({ "handouts": handouts() }),
        );
    }
    pages.page("privacy.html", "privacy/", "Privacy", || json!({}));
    if site.help_article().is_none() {
        // Every site has a "When to get help" page: this one, from book.toml, unless
        // the site writes its own article of that name.
        pages.page(
            "help.html",
            crate::site::HELP_URL,
            "When to get help",
            || json!({ "blocks": site.config.safety.blocks.iter().map(|b| json!({"id": b.id, "title": b.title, "text": b.text, "links": b.links})).collect::<Vec<_>>() }),
        );
    }
    if site.config.safety.quick_exit {
        pages.page("quick-exit.html", "quick-exit/", "About quick exit", || {
            json!({})
        });
    }

    pages.page("404.html", "404/", "Page not found", || json!({}));
    let Pages {
        mut urls,
        mut errors,
        ..
    } = pages;

    // Articles, in parallel: they are most of the work. The context is built once
    // and rendered for each edition.
    let article_results: Vec<Result<String, Diagnostic>> = (0..site.articles.len())
        .into_par_iter()
        .filter(|&i| site.articles[i].structure == crate::site::Structure::Page)
        .map(|i| {
            let article = &site.articles[i];
            let template = if article.topic.is_some() {
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
            if let Some(url) = context["absolute_url"].as_str() {
                let svg = writer.fragment(
                    &format!("qr {url}"),
                    0,
                    || (),
                    |()| 0,
                    |()| Ok::<_, std::convert::Infallible>(crate::qr::svg(url).unwrap_or_default()),
                );
                if let (Ok(svg), Value::Object(map)) = (svg, &mut context) {
                    map.insert("qr".into(), (!svg.is_empty()).then_some(svg).into());
                }
            }
            let jsonld = json_ld(site, article);
            for pass in stale {
                pass.render(site, templates, template, &path, key, |c| {
                    fill_page(c, site, &article.url, &article.title);
                    c.insert("article", &context);
                    if !article.summary.is_empty() {
                        c.insert("description", &article.summary);
                    }
                    c.insert("jsonld", &jsonld);
                    c.insert("breadcrumbs", &sections::breadcrumbs(site, i));
                    c.insert("has_code", &article.body_has_code());
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
        // A top-level 404.html for static hosts that look for one. A host serves it
        // in place of any missing address, at any depth, so its links cannot be
        // relative: they start from the path the site is published under (from
        // `base_url`; `/` under `serve`, which serves the site at its root). The
        // offline edition's copy is opened as a file, next to index.html.
        let key = |deps: &Dependencies| deps.site_page("404.html", "404.html");
        if pass.fresh("404.html", key) {
            continue;
        }
        let web_root = if pass.live().is_some() {
            "/".to_string()
        } else {
            site.config.base_path().unwrap_or_else(|| "/".into())
        };
        let fill = |c: &mut Context, offline: bool| {
            fill_page(c, site, "", "Page not found");
            c.insert("root", if offline { "./" } else { &web_root });
        };
        let result = if pass.outputs.len() == 1 {
            let offline = pass.outputs[0].1;
            pass.render(site, templates, "404.html", "404.html", key, |c| {
                fill(c, offline)
            })
        } else {
            pass.outputs.iter().try_for_each(|&(writer, offline)| {
                let mut part = Context::new();
                fill(&mut part, offline);
                let html = templates.render("404.html", &pass.context(part.into_json()))?;
                writer.write_here("404.html", site.style.edition(&html, offline).as_bytes());
                Ok(())
            })
        };
        if let Err(e) = result {
            errors.push(e);
        }
    }
    match write_print(site, templates, &passes) {
        // A write error is the machine's (disk full, permissions), not the content's:
        // the writer fails the build as one that could not run.
        Err(e) if e.code == "io" => writer.record_failure(e.message),
        Err(e) => errors.push(e),
        Ok(()) => {}
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
            "emergency_text": config.safety.emergency_text,
            "help_url": site.help_url(),
            "crisis_links": config.safety.crisis_links.iter().map(|l| json!({"label": l.label, "href": l.href, "print": l.print_address()})).collect::<Vec<_>>(),
            "base_url_is_placeholder": config.base_url_is_placeholder(),
            "quick_exit": config.safety.quick_exit,
            "quick_exit_url": config.safety.quick_exit_url,
            "disclaimer": config.safety.disclaimer,
            "has_glossary": !site.glossary.is_empty(),
            "has_references": !site.references.is_empty(),
            "has_paths": !site.paths.is_empty(),
            "has_map": site.relations_out.iter().any(|r| !r.is_empty()),
            "has_handouts": site.has_handouts(),
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
    context.insert("has_code", &false);
    context.insert("title", title);
    context.insert(
        "canonical",
        &site.config.base_url().map(|b| format!("{b}{url}")),
    );
}
