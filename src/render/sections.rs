//! Folders as pages: a topic's or sub-section's hub with its own text (from the
//! folder's `_index.md` or `index.md`), its sub-sections and its articles, and the
//! breadcrumbs down to an article in a sub-section.

use super::{body::article_body, card, Pages};
use crate::site::Site;
use serde_json::{json, Value};

/// What a hub page lists and shows: its text, sub-sections (with how many articles
/// each holds, below it too) and the articles directly in it.
fn hub(site: &Site, text: Option<usize>, sections: &[usize], articles: &[usize]) -> Value {
    let sections: Vec<Value> = sections
        .iter()
        .map(|&s| {
            let section = &site.sections[s];
            json!({"title": section.title, "url": section.url, "summary": section.summary, "count": count(site, s)})
        })
        .collect();
    json!({
        "body": text.map(|h| article_body(site, h)),
        "sections": sections,
        "articles": articles.iter().map(|&i| card(site, i)).collect::<Vec<_>>(),
    })
}

fn count(site: &Site, s: usize) -> usize {
    let section = &site.sections[s];
    section.articles.len()
        + section
            .sections
            .iter()
            .map(|&c| count(site, c))
            .sum::<usize>()
}

/// The `hub` of topic `t`'s page.
pub(super) fn topic_hub(site: &Site, t: usize) -> Value {
    let sections: Vec<usize> = (0..site.sections.len())
        .filter(|&s| site.sections[s].topic == t && site.sections[s].parent.is_none())
        .collect();
    let mut sections = sections;
    sections.sort_by_key(|&s| {
        site.topics[t]
            .iter()
            .position(|&i| site.section_chain(i).first() == Some(&s))
            .unwrap_or(usize::MAX)
    });
    let direct: Vec<usize> = site.topics[t]
        .iter()
        .copied()
        .filter(|&i| site.section_of[i].is_none())
        .collect();
    hub(site, site.topic_hub(t), &sections, &direct)
}

/// The breadcrumbs between the topic and article `i`: its sections, outermost first.
pub(super) fn breadcrumbs(site: &Site, i: usize) -> Vec<Value> {
    site.section_chain(i)
        .into_iter()
        .map(|s| json!({"title": site.sections[s].title, "url": site.sections[s].url}))
        .collect()
}

/// One page per sub-section.
pub(super) fn section_pages(pages: &mut Pages, site: &Site) {
    for (s, section) in site.sections.iter().enumerate() {
        let topic = &site.config.topics[section.topic];
        pages.page("section.html", &section.url, &section.title, || {
            let mut chain = Vec::new();
            let mut at = section.parent;
            while let Some(p) = at {
                chain.push(json!({"title": site.sections[p].title, "url": site.sections[p].url}));
                at = site.sections[p].parent;
            }
            chain.reverse();
            json!({
                "section": {
                    "title": section.title,
                    "summary": section.summary,
                    "url": section.url,
                    "topic": {"title": topic.title, "url": format!("{}/", topic.id)},
                    "breadcrumbs": chain,
                },
                "hub": hub(site, section.hub, &section.sections, &section.articles),
                "description": (!section.summary.is_empty()).then_some(&section.summary),
            })
        });
        let _ = s;
    }
}
