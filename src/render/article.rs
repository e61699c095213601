//! An article page's template context: body, review metadata, Sources, relations,
//! backlinks, related articles, reading-path navigation, QR code and JSON-LD.

use super::card;
use crate::markdown::{escape, fill_placeholders};
use crate::site::{Article, Site};
use serde_json::{json, Value};

pub(super) fn article_context(site: &Site, i: usize) -> Value {
    let article = &site.articles[i];
    let links = &site.links[i];
    let body = fill_placeholders(
        &article.parsed.html,
        |n| links.get(n).map(|l| l.href.clone()).unwrap_or_default(),
        |n| links.get(n).map(|l| l.title.clone()).unwrap_or_default(),
    );
    // With `sanitize_html`, the body was sanitised once, where it was made
    // (`site::build`), so every output shares it.
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

/// JSON-LD `MedicalWebPage`, safe to embed in a `<script>` element.
pub(super) fn json_ld(site: &Site, article: &Article) -> String {
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
pub(super) fn sources(site: &Site, article: &Article) -> Vec<Value> {
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

pub(super) fn sort_key(r: &crate::load::Reference) -> String {
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
