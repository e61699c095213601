//! An article page's template context: body, review metadata, Sources, relations,
//! backlinks, related articles, reading-path navigation, QR code and JSON-LD.

use super::card;
use crate::load::Date;
use crate::markdown::escape;
use crate::site::{Article, Site};
use serde::Serialize;
use serde_json::{json, Value};

pub(super) fn article_context(site: &Site, i: usize) -> Value {
    let article = &site.articles[i];
    let body = super::body::article_body(site, i);
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
    let absolute = site
        .config
        .base_url()
        .map(|b| format!("{b}{}", article.url));
    let governance = governance(site, article);
    let measured = article.readability_measured(&site.config);
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
        "review": governance.review,
        // The keys themes used before review status: filled only for an approved
        // review, so an older theme cannot show a claim that was never made.
        "reviewed_by": governance.review.approved.then_some(&governance.review.reviewer),
        "last_reviewed": governance.review.approved.then_some(&governance.review.date),
        "next_review": governance.review.approved.then_some(&governance.review.next),
        "updated": governance.updated,
        "changes": governance.changes,
        "safety": governance.safety,
        "language": article.language(&site.config),
        "minutes": article.parsed.stats.reading_minutes(wpm),
        "words": article.parsed.stats.words,
        "readability_measured": measured,
        "grade": format!("{:.1}", article.grade().max(0.0)),
        "smog": format!("{:.1}", article.smog().max(0.0)),
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

/// A date as templates show it.
#[derive(Serialize, Clone, Copy)]
pub(super) struct ShownDate {
    iso: Date,
    long: Lazy,
}

/// `23 November 2026`, written when serialised.
#[derive(Clone, Copy)]
struct Lazy(Date);

impl Serialize for Lazy {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.long())
    }
}

fn shown(date: Option<Date>) -> Option<ShownDate> {
    date.map(|d| ShownDate {
        iso: d,
        long: Lazy(d),
    })
}

/// What a page says about an article's review: a reviewer, role and dates only when
/// the review is approved (see [`crate::review`]); otherwise only its status.
#[derive(Serialize)]
pub(super) struct ShownReview<'a> {
    approved: bool,
    /// `approved`, `in-review`, `draft`, `not set` or `incomplete`.
    status: &'static str,
    reviewer: Option<&'a str>,
    role: Option<&'a str>,
    date: Option<ShownDate>,
    next: Option<ShownDate>,
}

#[derive(Serialize)]
pub(super) struct ShownChange<'a> {
    date: ShownDate,
    summary: &'a str,
}

/// A `[[safety.blocks]]` entry an article names.
#[derive(Serialize)]
pub(super) struct ShownSafetyBlock<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
    links: &'a [crate::config::Link],
}

/// An article's review, "last updated", version history and safety blocks, as its
/// page, its part of `print.html` and its handout show them.
pub(super) struct Governance<'a> {
    pub review: ShownReview<'a>,
    pub updated: Option<ShownDate>,
    pub changes: Vec<ShownChange<'a>>,
    pub safety: Vec<ShownSafetyBlock<'a>>,
}

pub(super) fn governance<'a>(site: &'a Site, article: &'a Article) -> Governance<'a> {
    let review = article.review(&site.config);
    let approved = review.approved();
    let review = ShownReview {
        approved,
        status: review.status_label(),
        reviewer: review.reviewer.filter(|_| approved),
        role: review.role.filter(|_| approved),
        date: shown(review.date.filter(|_| approved)),
        next: shown(review.next.filter(|_| approved)),
    };
    let changes = crate::review::history(&article.front)
        .into_iter()
        .map(|c| ShownChange {
            date: ShownDate {
                iso: c.date,
                long: Lazy(c.date),
            },
            summary: &c.summary,
        })
        .collect();
    let safety = article
        .front
        .safety
        .iter()
        .filter_map(|id| site.config.safety_block(id))
        .map(|b| ShownSafetyBlock {
            id: &b.id,
            title: &b.title,
            text: &b.text,
            links: &b.links,
        })
        .collect();
    Governance {
        review,
        updated: shown(crate::review::last_updated(&article.front)),
        changes,
        safety,
    }
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
    data["inLanguage"] = json!(article.language(&site.config));
    // A review claim only for an approved review by a named reviewer on a date.
    let review = article.review(&site.config);
    if let (true, Some(date), Some(reviewer)) = (review.approved(), review.date, review.reviewer) {
        data["lastReviewed"] = json!(date.to_string());
        data["reviewedBy"] = match review.role {
            Some(role) => json!({"@type": "Person", "name": reviewer, "jobTitle": role}),
            None => json!({"@type": "Organization", "name": reviewer}),
        };
    }
    if let Some(updated) = crate::review::last_updated(&article.front) {
        data["dateModified"] = json!(updated.to_string());
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
