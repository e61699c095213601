//! Folders as pages: a topic's or sub-section's hub with its own text (from the
//! folder's `_index.md` or `index.md`), its sub-sections and its articles, and the
//! breadcrumbs down to an article in a sub-section.

use super::context::{Card, Crumb, HubEntry, HubInfo, SectionCard, SectionInfo, SectionPage};
use super::{body::article_body, card};
use crate::site::Site;

/// What a hub page lists and shows: its text, sub-sections (with how many articles
/// each holds, below it too) and the articles directly in it.
/// The articles a hub lists: its own, and those of each sub-section whose `_index.md`
/// says `transparent = true` (Zola's: a folder for grouping, such as a year, whose
/// pages its parent lists too; and so on down while they are transparent), all in
/// reading order. The sub-section keeps its own card and page.
fn listed(site: &Site, sections: &[usize], articles: &[usize]) -> Vec<usize> {
    let mut listed = articles.to_vec();
    let mut below: Vec<usize> = sections.to_vec();
    let mut any = false;
    while let Some(s) = below.pop() {
        let section = &site.sections[s];
        if !section
            .hub
            .is_some_and(|h| site.articles[h].front.transparent)
        {
            continue;
        }
        any = true;
        listed.extend(&section.articles);
        below.extend(&section.sections);
    }
    if any {
        site.sort_reading_order(&mut listed);
    }
    listed
}

fn hub<'a>(
    site: &'a Site,
    text: Option<usize>,
    sections: &[usize],
    articles: &[usize],
) -> HubInfo<'a> {
    let articles = &listed(site, sections, articles)[..];
    let order = interleaved(site, sections, articles);
    // Where a SUMMARY.md part begins, in the order the hub shows its entries.
    let parts: Vec<Option<usize>> = (order.iter())
        .map(|&(s, i)| match (s, i) {
            (Some(s), _) => site.part_of_folder(&site.sections[s].url),
            (None, Some(i)) => site.part_of(i),
            (None, None) => None,
        })
        .collect();
    let entries: Vec<HubEntry> = (order.iter().zip(site.part_titles(&parts)))
        .map(|(&(s, i), part)| HubEntry {
            section: s.map(|s| {
                let section = &site.sections[s];
                SectionCard {
                    // Hugo's `linkTitle` of the folder's text, in the list.
                    title: section
                        .hub
                        .map_or(section.title.as_str(), |h| site.articles[h].link_title()),
                    url: &section.url,
                    summary: &section.summary,
                    count: count(site, s),
                    part,
                }
            }),
            article: i.map(|i| Card {
                part,
                ..card(site, i)
            }),
        })
        .collect();
    HubInfo {
        body: text.map(|h| article_body(site, h)),
        sections: entries.iter().filter_map(|e| e.section.clone()).collect(),
        articles: entries.iter().filter_map(|e| e.article.clone()).collect(),
        entries,
    }
}

/// A hub's sub-sections and articles (each list in reading order) as one list in
/// reading order: each entry a sub-section or an article.
fn interleaved(
    site: &Site,
    sections: &[usize],
    articles: &[usize],
) -> Vec<(Option<usize>, Option<usize>)> {
    let folder_key = |s: usize| {
        let section = &site.sections[s];
        site.folder_order_key(&section.url, section.hub, &section.title)
    };
    let mut out = Vec::with_capacity(sections.len() + articles.len());
    let mut articles = articles.iter().copied().peekable();
    for &s in sections {
        let key = folder_key(s);
        while let Some(i) = articles.next_if(|&i| site.order_key(&site.articles[i]) < key) {
            out.push((None, Some(i)));
        }
        out.push((Some(s), None));
    }
    out.extend(articles.map(|i| (None, Some(i))));
    out
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

/// The hub of topic `t`'s page.
pub(super) fn topic_hub(site: &Site, t: usize) -> HubInfo<'_> {
    let mut sections: Vec<usize> = (0..site.sections.len())
        .filter(|&s| site.sections[s].topic == t && site.sections[s].parent.is_none())
        .collect();
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

fn crumbs(site: &Site, chain: impl IntoIterator<Item = usize>) -> Vec<Crumb<'_>> {
    chain
        .into_iter()
        .map(|s| Crumb {
            title: &site.sections[s].title,
            url: site.sections[s].url.clone(),
        })
        .collect()
}

/// The breadcrumbs between the topic and article `i`: its sections, outermost first.
pub(super) fn breadcrumbs(site: &Site, i: usize) -> Vec<Crumb<'_>> {
    crumbs(site, site.section_chain(i))
}

/// The page of sub-section `s`.
pub(super) fn section_page(site: &Site, s: usize) -> SectionPage<'_> {
    let section = &site.sections[s];
    let topic = &site.config.topics[section.topic];
    let mut chain = Vec::new();
    let mut at = section.parent;
    while let Some(p) = at {
        chain.push(p);
        at = site.sections[p].parent;
    }
    chain.reverse();
    SectionPage {
        section: SectionInfo {
            title: &section.title,
            summary: &section.summary,
            url: &section.url,
            topic: Crumb {
                title: &topic.title,
                url: format!("{}/", topic.id),
            },
            breadcrumbs: crumbs(site, chain),
        },
        hub: hub(site, section.hub, &section.sections, &section.articles),
        description: (!section.summary.is_empty()).then_some(section.summary.as_str()),
    }
}
