//! Machine-readable outputs: sitemap, Atom feed, robots.txt and the URL manifest.

use crate::site::Site;
use crate::text::escape;

/// `sitemap.xml` (absolute URLs need `base_url`; without it, site-relative ones).
pub fn sitemap(site: &Site, urls: &[String]) -> String {
    let base = site.config.base_url().unwrap_or_default();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let reviewed: std::collections::HashMap<&str, String> = site
        .articles
        .iter()
        .filter_map(|a| last_modified(site, a).map(|d| (a.url.as_str(), d.to_string())))
        .collect();
    // Pages Hugo's `build.list` keeps out of the site-wide lists, and those whose
    // `sitemap: {disable: true}` keeps out of the sitemap.
    let unlisted: std::collections::HashSet<&str> = site
        .articles
        .iter()
        .filter(|a| a.front.listing() != crate::load::Listing::Always || a.front.sitemap_disabled())
        .map(|a| a.url.as_str())
        .collect();
    for url in urls.iter().filter(|u| {
        !site.urls.is_redirect(u) && u.as_str() != "404/" && !unlisted.contains(u.as_str())
    }) {
        xml.push_str(&format!(
            "  <url><loc>{}</loc>",
            escape(&format!("{base}{url}"))
        ));
        if let Some(date) = reviewed.get(url.as_str()) {
            xml.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// An article's date for feeds and the sitemap: the newest of `date`, "last updated"
/// and an approved review (see [`crate::review::last_modified`]).
fn last_modified(site: &Site, a: &crate::site::Article) -> Option<crate::load::Date> {
    crate::review::last_modified(&a.front, &a.review(&site.config))
}

/// An Atom feed of the most recently published, updated or reviewed articles. Dates
/// come from front matter, never from the build, so the feed only changes when
/// content does; an unapproved review date is never one of them.
pub fn atom(site: &Site) -> String {
    let base = site.config.base_url().unwrap_or_default();
    let mut dated: Vec<(crate::load::Date, usize)> = site
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.topic.is_some() && a.structure == crate::site::Structure::Page)
        .filter(|(_, a)| a.front.listing() == crate::load::Listing::Always)
        .filter_map(|(i, a)| last_modified(site, a).map(|d| (d, i)))
        .collect();
    dated.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    dated.truncate(20);
    let updated = dated
        .first()
        .map(|(d, _)| format!("{d}T00:00:00Z"))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let title = escape(&site.config.site.title);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{title}</title>\n  <subtitle>{subtitle}</subtitle>\n  <id>{id}</id>\n  <link href=\"{id}\"/>\n  <link rel=\"self\" href=\"{id}atom.xml\"/>\n  <updated>{updated}</updated>\n  <author><name>{author}</name></author>\n",
        lang = escape(&site.config.site.language),
        subtitle = escape(&site.config.site.description),
        id = escape(if base.is_empty() { "urn:attune:site" } else { &base }),
        author = escape(site.config.site.publisher.as_deref().unwrap_or(&site.config.site.title)),
    );
    for (date, i) in dated {
        let a = &site.articles[i];
        let link = format!("{base}{}", a.url);
        // `date:` is when it was first published; `updated` the newest of the dates.
        let published = a
            .front
            .date
            .map(|d| format!("    <published>{d}T00:00:00Z</published>\n"))
            .unwrap_or_default();
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link href=\"{}\"/>\n{published}    <updated>{date}T00:00:00Z</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape(&a.title),
            escape(&link),
            escape(&link),
            escape(&a.summary)
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

pub fn robots(site: &Site) -> String {
    match site.config.base_url() {
        Some(base) => format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"),
        None => "User-agent: *\nAllow: /\n".to_string(),
    }
}

/// `urls.json`: every published URL, pages and redirects, for permalink checks; and
/// per article its source file, the hash of its text ([`crate::load::content_hash`])
/// and its version history's length and newest date, so `check --against` can tell
/// an edit that was not recorded in `changes:`.
pub fn manifest(site: &Site, urls: &[String]) -> String {
    let mut list: Vec<&String> = urls.iter().collect();
    list.sort();
    list.dedup();
    let articles: std::collections::BTreeMap<&str, serde_json::Value> = site
        .articles
        .iter()
        .map(|a| {
            (
                a.url.as_str(),
                serde_json::json!({
                    "file": a.path.to_string_lossy().replace('\\', "/"),
                    "hash": format!("fnv1a64:{:016x}", a.body_hash),
                    "changes": a.front.changes.len(),
                    "last_change": a.front.changes.iter().map(|c| c.date).max(),
                }),
            )
        })
        .collect();
    let mut json = serde_json::to_string_pretty(
        &serde_json::json!({ "version": 2, "urls": list, "articles": articles }),
    )
    .unwrap_or_default();
    json.push('\n');
    json
}
