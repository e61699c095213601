//! Pages from the site model through tera templates: the default theme is embedded
//! in the binary and a site's own theme may override any template by name.

use crate::diagnostic::Diagnostic;
use crate::load::ReferenceKind;
use crate::markdown::{escape, fill_placeholders};
use crate::output::Writer;
use crate::site::{Article, Site, UrlStyle};
use crate::theme;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;
use tera::{Context, Tera};

/// Compiled templates: built once per build, shared by every page.
pub struct Templates {
    tera: Tera,
    /// Hash of every template's source, so a server knows when pages must re-render.
    fingerprint: u64,
}

impl Templates {
    /// Loads the default theme, then the site theme's templates over it.
    pub fn load(root: &Path, theme_name: Option<&str>) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources: BTreeMap<String, (String, String)> = theme::TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    (format!("themes/default/templates/{name}"), text.to_string()),
                )
            })
            .collect();
        let mut problems = Vec::new();
        if let Some(name) = theme_name {
            let dir = root.join("themes").join(name).join("templates");
            if !root.join("themes").join(name).is_dir() {
                problems.push(
                    Diagnostic::error("theme", format!("theme '{name}' not found: no folder themes/{name}/"))
                        .in_file("book.toml")
                        .help("create themes/<name>/templates/ with the templates to override, or remove `theme`"),
                );
                return Err(problems);
            }
            for entry in walkdir::WalkDir::new(&dir)
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                let display = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                match std::fs::read_to_string(entry.path()) {
                    Ok(text) => {
                        sources.insert(rel, (display.to_string_lossy().into_owned(), text));
                    }
                    Err(e) => problems.push(
                        Diagnostic::error("theme", format!("could not read template: {e}"))
                            .in_file(display),
                    ),
                }
            }
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Escapes the five HTML specials but leaves `/` alone, so URLs stay readable.
        tera.set_escape_fn(escape);
        // Each template is checked alone first, so an error names its own file and line.
        for (name, (display, text)) in &sources {
            if let Err(e) = tera::Template::new(name, None, text) {
                problems.push(template_diagnostic(display, &e));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        if let Err(e) = tera.add_raw_templates(
            sources
                .iter()
                .map(|(name, (_, text))| (name.clone(), text.clone())),
        ) {
            return Err(vec![Diagnostic::error("template", error_chain(&e))]);
        }
        let mut all = Vec::new();
        for (name, (_, text)) in &sources {
            all.extend(name.as_bytes());
            all.push(0);
            all.extend(text.as_bytes());
            all.push(0);
        }
        Ok(Templates {
            tera,
            fingerprint: crate::output::hash_bytes(&all),
        })
    }

    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera.render(name, context).map_err(|e| {
            Diagnostic::error("template", format!("rendering {name}: {}", error_chain(&e)))
                .in_file(format!("templates/{name}"))
        })
    }
}

/// A tera parse error carries "--> line:column" in its message; lift it into the diagnostic.
fn template_diagnostic(display: &str, error: &tera::Error) -> Diagnostic {
    let chain = error_chain(error);
    let position = chain.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("-->")?.trim();
        let (line, column) = rest.split_once(':')?;
        Some((line.trim().parse().ok()?, column.trim().parse().ok()?))
    });
    let message = chain
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| {
            !l.is_empty() && !l.starts_with("-->") && !l.starts_with('|') && !l.starts_with('=')
        })
        .unwrap_or("template error")
        .to_string();
    let message = format!(
        "template syntax error: {}",
        message.trim_start_matches("= ").trim()
    );
    let (line, column) = position.unwrap_or((0, 0));
    Diagnostic::error("template", message).at(display, line, column)
}

fn error_chain(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        text.push('\n');
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}

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

/// Renders every page into `writer`; returns the site-relative URLs written.
pub fn render_site(
    site: &Site,
    templates: &Templates,
    writer: &Writer,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let base = base_context(site);
    let mut urls: Vec<String> = Vec::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut page = |template: &str, url: &str, title: &str, extra: Value| {
        let mut context = base.clone();
        fill_page(&mut context, site, url, title);
        if let Value::Object(map) = extra {
            for (k, v) in map {
                context.insert(k, &v);
            }
        }
        let path = format!("{url}index.html");
        if unchanged(writer, &path, template, &context) {
            urls.push(url.to_string());
            return;
        }
        match templates.render(template, &context) {
            Ok(html) => {
                writer.write(&path, html.as_bytes());
                urls.push(url.to_string());
            }
            Err(e) => errors.push(e),
        }
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

    // Articles, in parallel: they are most of the work.
    let article_results: Vec<Result<String, Diagnostic>> = (0..site.articles.len())
        .into_par_iter()
        .map(|i| {
            let article = &site.articles[i];
            let mut context = base.clone();
            fill_page(&mut context, site, &article.url, &article.title);
            context.insert("article", &article_context(site, i));
            if !article.summary.is_empty() {
                context.insert("description", &article.summary);
            }
            context.insert("jsonld", &json_ld(site, article));
            let template = if article.topic.is_some() {
                "article.html"
            } else {
                "page.html"
            };
            let path = format!("{}index.html", article.url);
            if unchanged(writer, &path, template, &context) {
                return Ok(article.url.clone());
            }
            let html = templates.render(template, &context)?;
            writer.write(&path, html.as_bytes());
            Ok(article.url.clone())
        })
        .collect();
    for result in article_results {
        match result {
            Ok(url) => urls.push(url),
            Err(e) => errors.push(e),
        }
    }
    // A top-level 404.html for static hosts that look for one.
    if let Ok(html) = {
        let mut context = base.clone();
        fill_page(&mut context, site, "", "Page not found");
        templates.render("404.html", &context)
    } {
        writer.write("404.html", html.as_bytes());
    }
    if let Err(e) = write_print(site, templates, &base, writer) {
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

/// `print.html`: the whole library in reading order, one article per printed page
/// group, with links between articles rewritten to anchors in the same file. Written
/// article by article, so a large library never sits in memory as one string.
fn write_print(
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

fn base_context(site: &Site) -> Context {
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
            "offline_zip": config.build.offline_zip && !site.style.offline,
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
    context.insert("index", site.style.index());
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

fn article_context(site: &Site, i: usize) -> Value {
    let article = &site.articles[i];
    let links = &site.links[i];
    let body = fill_placeholders(
        &article.parsed.html,
        |n| links.get(n).map(|l| l.href.clone()).unwrap_or_default(),
        |n| links.get(n).map(|l| l.title.clone()).unwrap_or_default(),
    );
    let body = if site.config.build.sanitize_html {
        sanitize(&body)
    } else {
        body
    };
    let wpm = site.config.readability.words_per_minute;
    let toc: Vec<Value> = if article.parsed.headings.len() >= 3 {
        article
            .parsed
            .headings
            .iter()
            .filter(|h| h.level <= 3)
            .map(|h| json!({"level": h.level, "id": h.id, "text": h.text}))
            .collect()
    } else {
        Vec::new()
    };
    let sources = sources(site, article);
    let relations = |list: &Vec<(usize, Vec<usize>)>, inverse: bool| -> Vec<Value> {
        list.iter()
            .map(|(kind, targets)| {
                let r = &site.config.relations[*kind];
                let label = if inverse { &r.inverse_label } else { &r.label };
                json!({"name": r.name, "label": label, "articles": targets.iter().map(|&t| card(site, t)).collect::<Vec<_>>()})
            })
            .collect()
    };
    let backlinks: Vec<Value> = site.backlinks[i]
        .iter()
        .map(|b| {
            let source = &site.articles[b.source];
            json!({"title": source.title, "url": source.url, "id": b.id, "before": b.before, "label": b.label, "after": b.after})
        })
        .collect();
    let (prev, next) = match article
        .topic
        .as_ref()
        .and_then(|t| site.config.topics.iter().position(|x| &x.id == t))
    {
        Some(t) => {
            let list = &site.topics[t];
            let at = list.iter().position(|&x| x == i);
            let prev = at
                .and_then(|p| p.checked_sub(1))
                .map(|p| card(site, list[p]));
            let next = at.and_then(|p| list.get(p + 1)).map(|&n| card(site, n));
            (prev, next)
        }
        None => (None, None),
    };
    let paths: Vec<Value> = site
        .paths
        .iter()
        .filter_map(|p| {
            let at = p.steps.iter().position(|(s, _)| *s == i)?;
            Some(json!({
                "title": p.source.path.title,
                "url": format!("paths/{}/", p.source.id),
                "step": at + 1,
                "total": p.steps.len(),
                "prev": at.checked_sub(1).map(|s| card(site, p.steps[s].0)),
                "next": p.steps.get(at + 1).map(|s| card(site, s.0)),
            }))
        })
        .collect();
    let tags: Vec<Value> = article
        .front
        .tags
        .iter()
        .map(|t| json!({"name": t, "url": format!("tags/{}/", crate::load::slugify(t))}))
        .collect();
    let next_review = article.front.next_review.or_else(|| {
        article
            .front
            .last_reviewed
            .map(|d| d.add_months(site.config.review.interval_months))
    });
    let absolute = site
        .config
        .base_url()
        .map(|b| format!("{b}{}", article.url));
    json!({
        "title": article.title,
        "slug": article.slug,
        "absolute_url": absolute,
        "qr": absolute.as_deref().and_then(crate::qr::svg),
        "summary": article.summary,
        "url": article.url,
        "topic": article.topic.as_ref().map(|t| json!({"title": site.topic_title(article), "url": format!("{t}/")})),
        "tags": tags,
        "content_note": article.front.content_note,
        "author": article.front.author,
        "reviewed_by": article.front.reviewed_by,
        "last_reviewed": article.front.last_reviewed.map(|d| json!({"iso": d.to_string(), "long": d.long()})),
        "next_review": next_review.map(|d| json!({"iso": d.to_string(), "long": d.long()})),
        "minutes": article.parsed.stats.reading_minutes(wpm),
        "words": article.parsed.stats.words,
        "grade": format!("{:.1}", article.grade().max(0.0)),
        "handout": article.front.handout,
        "body": body,
        "toc": toc,
        "sources": sources,
        "relations": relations(&site.relations_out[i], false),
        "inverse_relations": relations(&site.relations_in[i], true),
        "backlinks": backlinks,
        "related": site.related[i].iter().map(|&r| card(site, r)).collect::<Vec<_>>(),
        "prev": prev,
        "next": next,
        "paths": paths,
    })
}

/// The article body with scripts, event handlers and unsafe URLs removed, keeping the
/// markup attune itself writes (ids, roles, ARIA, copy-link and glossary attributes).
pub fn sanitize(html: &str) -> String {
    use std::sync::LazyLock;
    static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .add_tags([
                "input",
                "section",
                "figure",
                "figcaption",
                "mark",
                "cite",
                "kbd",
            ])
            .add_generic_attributes([
                "id",
                "class",
                "role",
                "title",
                "lang",
                "dir",
                "aria-label",
                "aria-describedby",
                "aria-hidden",
                "data-copy-link",
            ])
            .add_tag_attributes("input", ["type", "disabled", "checked"])
            .add_tag_attributes("img", ["loading"])
            .link_rel(None);
        builder
    });
    CLEANER.clean(html).to_string()
}

/// JSON-LD `MedicalWebPage`, safe to embed in a `<script>` element.
fn json_ld(site: &Site, article: &Article) -> String {
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": article.title,
        "headline": article.title,
        "description": article.summary,
        "inLanguage": site.config.site.language,
    });
    if let Some(base) = site.config.base_url() {
        data["url"] = json!(format!("{base}{}", article.url));
    }
    if let Some(d) = article.front.last_reviewed {
        data["lastReviewed"] = json!(d.to_string());
    }
    if let Some(r) = &article.front.reviewed_by {
        data["reviewedBy"] = json!({"@type": "Organization", "name": r});
    }
    if let Some(a) = &article.front.author {
        data["author"] = json!({"@type": "Organization", "name": a});
    }
    // `<` cannot close the script element once escaped; JSON parsers read it unchanged.
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The article's Sources list: each cited work with its number, in order of first use.
fn sources(site: &Site, article: &Article) -> Vec<Value> {
    article
        .parsed
        .citations
        .iter()
        .filter_map(|c| {
            site.references
                .get(&c.key)
                .map(|r| json!({"number": c.number, "key": c.key, "html": format_reference(r)}))
        })
        .collect()
}

/// One bibliography entry as HTML: Authors (Year). *Title*. Publisher. URL.
pub fn format_reference(r: &crate::load::Reference) -> String {
    let mut html = String::new();
    if !r.authors.is_empty() {
        html.push_str(&escape(&r.authors.join(", ")));
        html.push(' ');
    }
    if let Some(year) = &r.year {
        html.push_str(&format!("({}). ", escape(&year.to_string())));
    } else if !r.authors.is_empty() {
        html.push_str("(n.d.). ");
    }
    html.push_str(&format!("<cite>{}</cite>.", escape(&r.title)));
    if let Some(p) = &r.publisher {
        html.push_str(&format!(" {}.", escape(p)));
    }
    if let Some(url) = &r.url {
        if url.starts_with("https://") || url.starts_with("http://") {
            html.push_str(&format!(
                " <a href=\"{0}\" rel=\"noopener\">{0}</a>",
                escape(url)
            ));
        }
    }
    html
}

fn sort_key(r: &crate::load::Reference) -> String {
    let author = r
        .authors
        .first()
        .map(|a| a.split_whitespace().last().unwrap_or(a).to_lowercase())
        .unwrap_or_default();
    format!(
        "{author}\u{0}{}\u{0}{}",
        r.year.as_ref().map(|y| y.to_string()).unwrap_or_default(),
        r.title.to_lowercase()
    )
}
