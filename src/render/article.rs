//! An article page's template context: body, review metadata, Sources, relations,
//! backlinks, related articles, reading-path navigation, QR code and JSON-LD.

use super::card;
use super::context::{
    ArticleInfo, Backlink, PathPlace, Relation, ShownChange, ShownDate, ShownReview,
    ShownSafetyBlock, Source, TagLink, TocEntry, TopicLink,
};
use crate::site::{Article, Site};
use crate::text::escape;
use serde::Serialize;

/// Whether article `i` is a chapter at the top of a site whose own contents list it
/// (`SUMMARY.md`, MkDocs' `nav`, a VitePress or Docusaurus sidebar), a flat book's:
/// its page is an article's, as its tool shows a chapter, not a page of the site's
/// own (privacy, about) that no contents list.
pub(super) fn is_chapter(site: &Site, i: usize) -> bool {
    let article = &site.articles[i];
    let summary = site.summary.as_ref();
    article.topic.is_none()
        && (article.front.in_contents
            || summary.is_some_and(|s| s.position(&article.rel).is_some()))
}

/// The chapters before and after chapter `i` ([`is_chapter`]), in the contents' order,
/// as mdBook and the others page through a book.
fn chapter_neighbours(site: &Site, i: usize) -> (Option<usize>, Option<usize>) {
    let at = (is_chapter(site, i))
        .then(|| site.pages.iter().position(|&p| p == i))
        .flatten();
    let Some(at) = at else {
        return (None, None);
    };
    let chapter = |p: &usize| is_chapter(site, *p);
    let prev = site.pages[..at].iter().rev().find(|p| chapter(p));
    (
        prev.copied(),
        site.pages[at + 1..].iter().find(|p| chapter(p)).copied(),
    )
}

pub(super) fn article_context(site: &Site, i: usize) -> ArticleInfo<'_> {
    let article = &site.articles[i];
    let body = super::body::article_body(site, i);
    // With `sanitize_html`, the body was sanitised once, where it was made
    // (`site::build`), so every output shares it.
    let wpm = site.config.readability.words_per_minute;
    let asks_for_toc = article.asks_for_toc();
    let toc: Vec<TocEntry> = article
        .toc_headings()
        .map(|h| TocEntry {
            level: h.level,
            id: &h.id,
            text: &h.text,
        })
        .collect();
    let relations = |list: &Vec<(usize, Vec<usize>)>, inverse: bool| -> Vec<Relation> {
        list.iter()
            .map(|(kind, targets)| {
                let r = &site.config.relations[*kind];
                Relation {
                    name: &r.name,
                    label: if inverse { &r.inverse_label } else { &r.label },
                    articles: targets.iter().map(|&t| card(site, t)).collect(),
                }
            })
            .collect()
    };
    let backlinks: Vec<Backlink> = site.backlinks[i]
        .iter()
        .map(|b| {
            let source = &site.articles[b.source];
            Backlink {
                title: &source.title,
                url: &source.url,
                id: &b.id,
                before: &b.before,
                label: &b.label,
                after: &b.after,
            }
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
        None => {
            let (prev, next) = chapter_neighbours(site, i);
            (prev.map(|p| card(site, p)), next.map(|n| card(site, n)))
        }
    };
    let paths: Vec<PathPlace> = site
        .paths
        .iter()
        .filter_map(|p| {
            let at = p.steps.iter().position(|(s, _)| *s == i)?;
            Some(PathPlace {
                title: &p.source.path.title,
                url: format!("paths/{}/", p.source.id),
                step: at + 1,
                total: p.steps.len(),
                prev: at.checked_sub(1).map(|s| card(site, p.steps[s].0)),
                next: p.steps.get(at + 1).map(|s| card(site, s.0)),
            })
        })
        .collect();
    let tags: Vec<TagLink> = article
        .front
        .tags
        .iter()
        .map(|t| TagLink {
            name: t,
            url: format!("tags/{}/", crate::text::tag_slug(t)),
        })
        .collect();
    let absolute_url = site
        .config
        .base_url()
        .map(|b| format!("{b}{}", article.url));
    let governance = governance(site, article);
    let review = governance.review;
    // The keys themes used before review status: filled only for an approved
    // review, so an older theme cannot show a claim that was never made.
    let approved = review.approved;
    ArticleInfo {
        title: &article.title,
        heading: article.parsed.heading_title.as_deref(),
        slug: &article.slug,
        absolute_url,
        summary: &article.summary,
        url: &article.url,
        topic: article.topic.as_ref().map(|t| TopicLink {
            title: site.topic_title(article),
            url: format!("{t}/"),
        }),
        tags,
        content_note: article.front.content_note.as_deref(),
        author: article.front.author.as_deref(),
        reviewed_by: review.reviewer.filter(|_| approved),
        last_reviewed: review.date.filter(|_| approved),
        next_review: review.next.filter(|_| approved),
        review,
        updated: governance.updated,
        changes: governance.changes,
        safety: governance.safety,
        language: article.language(&site.config),
        minutes: article.parsed.stats.reading_minutes(wpm),
        words: article.parsed.stats.words,
        readability_measured: article.readability_measured(&site.config),
        grade: format!("{:.1}", article.grade().max(0.0)),
        smog: format!("{:.1}", article.smog().max(0.0)),
        handout: article.front.handout,
        body,
        toc,
        toc_marker: asks_for_toc,
        sources: sources(site, article),
        relations: relations(&site.relations_out[i], false),
        inverse_relations: relations(&site.relations_in[i], true),
        backlinks,
        related: site.related[i].iter().map(|&r| card(site, r)).collect(),
        prev,
        next,
        paths,
        qr: None,
    }
}

/// An article's review, "last updated", version history and safety blocks, as its
/// page, its part of `print.html` and its handout show them.
pub(super) struct Governance<'a> {
    pub review: ShownReview<'a>,
    pub updated: Option<ShownDate>,
    pub changes: Vec<ShownChange<'a>>,
    pub safety: Vec<ShownSafetyBlock<'a>>,
}

/// A safety block as pages show it.
pub(super) fn governance_block(b: &crate::config::SafetyBlock) -> ShownSafetyBlock<'_> {
    ShownSafetyBlock {
        id: &b.id,
        title: &b.title,
        text: &b.text,
        links: &b.links,
    }
}

pub(super) fn governance<'a>(site: &'a Site, article: &'a Article) -> Governance<'a> {
    let review = article.review(&site.config);
    let approved = review.approved();
    let review = ShownReview {
        approved,
        status: review.status_label(),
        reviewer: review.reviewer.filter(|_| approved),
        role: review.role.filter(|_| approved),
        date: review.date.filter(|_| approved).map(ShownDate::new),
        next: review.next.filter(|_| approved).map(ShownDate::new),
    };
    let changes = crate::review::history(&article.front)
        .into_iter()
        .map(|c| ShownChange {
            date: ShownDate::new(c.date),
            summary: &c.summary,
        })
        .collect();
    let safety = article
        .front
        .safety
        .iter()
        .filter_map(|id| site.config.safety_block(id))
        .map(governance_block)
        .collect();
    Governance {
        review,
        updated: crate::review::last_updated(&article.front).map(ShownDate::new),
        changes,
        safety,
    }
}

/// JSON-LD `MedicalWebPage`: schema.org's names, fields in the order of their names
/// (as the page has always written them).
#[derive(Serialize)]
struct MedicalWebPage<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Agent<'a>>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    description: &'a str,
    headline: &'a str,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(rename = "lastReviewed", skip_serializing_if = "Option::is_none")]
    last_reviewed: Option<String>,
    name: &'a str,
    #[serde(rename = "reviewedBy", skip_serializing_if = "Option::is_none")]
    reviewed_by: Option<Agent<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// A schema.org `Person` (with a job title) or `Organization`.
#[derive(Serialize)]
struct Agent<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "jobTitle", skip_serializing_if = "Option::is_none")]
    job_title: Option<&'a str>,
    name: &'a str,
}

/// An article's JSON-LD `MedicalWebPage`, safe to embed in a `<script>` element.
pub(super) fn json_ld(site: &Site, article: &Article) -> String {
    // A review claim only for an approved review by a named reviewer on a date.
    let review = article.review(&site.config);
    let claim = match (review.approved(), review.date, review.reviewer) {
        (true, Some(date), Some(reviewer)) => Some((date, reviewer)),
        _ => None,
    };
    let data = MedicalWebPage {
        context: "https://schema.org",
        kind: "MedicalWebPage",
        author: article.front.author.as_deref().map(|name| Agent {
            kind: "Organization",
            job_title: None,
            name,
        }),
        date_modified: crate::review::last_updated(&article.front).map(|d| d.to_string()),
        description: &article.summary,
        headline: &article.title,
        in_language: article.language(&site.config),
        last_reviewed: claim.map(|(date, _)| date.to_string()),
        name: &article.title,
        reviewed_by: claim.map(|(_, name)| Agent {
            kind: if review.role.is_some() {
                "Person"
            } else {
                "Organization"
            },
            job_title: review.role,
            name,
        }),
        url: site
            .config
            .base_url()
            .map(|base| format!("{base}{}", article.url)),
    };
    crate::script_json::to_string(&data)
}

/// The article's Sources list: each cited work with its number, in order of first use.
pub(super) fn sources<'a>(site: &'a Site, article: &'a Article) -> Vec<Source<'a>> {
    article
        .parsed
        .citations
        .iter()
        .filter_map(|c| {
            site.references.get(&c.key).map(|r| Source {
                number: c.number,
                key: &c.key,
                html: format_reference(r),
            })
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
