//! An article's body as a page shows it: links and references filled in relative to
//! the page, embedded notes (`![[Note]]`) filled in the same way, and links to notes
//! not written yet shown as plain text.

use crate::markdown::fill_placeholders;
use crate::site::{ResolvedLink, Site};
use std::borrow::Cow;

/// Article `i`'s body for its own page.
pub(super) fn article_body(site: &Site, i: usize) -> String {
    let host = &site.articles[i];
    let root = site.root(i);
    let fill = |t: usize, html: &str| -> String {
        let (links, refs) = (&site.links[t], &site.refs[t]);
        // An embedded note's own links to the site's pages (tags, glossary) start
        // from its page: here they start from this one.
        let own = site.root(t);
        let rerooted = (t != i && !own.is_empty() && own != root)
            .then(|| html.replace(&format!("href=\"{own}"), &format!("href=\"{root}")));
        let html = rerooted.as_deref().unwrap_or(html);
        let html = named_empty_links(site, t, html);
        fill_placeholders(
            &html,
            |n| {
                links
                    .get(n)
                    .map(|l| href_from(site, i, t, l))
                    .unwrap_or_default()
            },
            |n| links.get(n).map(|l| l.title.clone()).unwrap_or_default(),
            |n| {
                refs.get(n)
                    .map(|r| r.attr(&root, site.style))
                    .unwrap_or_default()
            },
        )
    };
    let body = fill(i, &host.parsed.html);
    let body = unlink_missing(&site.expand_embeds(i, &body, &fill));
    let body = site.fill_bases(&host.url, body);
    linked_remote_frames(&body).into_owned()
}

/// Article `t`'s `html` with each link that has no text (`[](setup.md)`, MyST's
/// `[](#crisis-lines)`), which shows nothing and names nothing to a screen reader,
/// reading what it leads to: the heading its fragment names there, else the title of
/// its page; a link to a page not written yet, what it names. A link leading nowhere
/// known stays as it is.
pub(super) fn named_empty_links<'h>(site: &Site, t: usize, html: &'h str) -> Cow<'h, str> {
    if !html.contains("></a>") {
        return Cow::Borrowed(html);
    }
    // Links to other sites first, then those to pages here.
    match addressed_empty_links(html) {
        Cow::Borrowed(html) => named_by_target(site, t, html),
        Cow::Owned(html) => Cow::Owned(named_by_target(site, t, &html).into_owned()),
    }
}

/// [`named_empty_links`] for the links to this site's pages (`id="ref-N"`).
fn named_by_target<'h>(site: &Site, t: usize, html: &'h str) -> Cow<'h, str> {
    const ID: &str = " id=\"ref-";
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (at, _) in html.match_indices(ID) {
        let rest = &html[at + ID.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let Some(gt) = rest.find('>') else { continue };
        let n: Option<usize> = rest[..digits].parse().ok();
        let (Some(n), true) = (n, rest[gt + 1..].starts_with("</a>")) else {
            continue;
        };
        let Some(link) = n.checked_sub(1).and_then(|k| site.links[t].get(k)) else {
            continue;
        };
        let fragment = link.href.split_once('#').map(|(_, f)| f);
        let target = link
            .target
            .or_else(|| link.href.starts_with('#').then_some(t));
        let heading = target.and_then(|u| {
            let id = fragment.map(crate::text::decoded_path)?;
            let headings = &site.articles[u].parsed.headings;
            headings.iter().find(|h| h.id == id).map(|h| h.text.clone())
        });
        // A link to a page not written yet reads what it names.
        let written = (link.target.is_none() && link.href.is_empty()).then(|| link.title.clone());
        let name = heading
            .or_else(|| target.map(|u| site.articles[u].title.clone()))
            .or(written);
        let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
            continue;
        };
        let end = at + ID.len() + gt + 1;
        out.push_str(&html[copied..end]);
        out.push_str(&crate::text::escape(&name));
        copied = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// `html` with each link to another site that has no text (`[](https://example.org/)`,
/// `<mailto:…>` aside) reading its address, as a reader could otherwise not see it or
/// a screen reader name it.
fn addressed_empty_links(html: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    for (end, _) in html.match_indices("></a>") {
        let Some(open) = html[..end].rfind("<a ") else {
            continue;
        };
        let tag = &html[open..end];
        let href = tag
            .strip_prefix("<a href=\"")
            .and_then(|rest| rest.split('"').next());
        let Some(href) = href.filter(|_| !tag.contains('>')) else {
            continue;
        };
        let shown = match href.strip_prefix("mailto:") {
            Some(address) => address,
            None if href.starts_with("https://") || href.starts_with("http://") => href,
            None => continue,
        };
        out.push_str(&html[copied..=end]);
        out.push_str(shown);
        copied = end + 1;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// `html` with each `<iframe>` of another site's page (a video player, a map) a link
/// to that page, named by its `title` or what it is ("Watch the video on YouTube"):
/// the pages' Content-Security-Policy would show an empty, blocked box in its place
/// and a frame without a title names nothing to a screen reader.
pub(super) fn linked_remote_frames(html: &str) -> Cow<'_, str> {
    const OPEN: &str = "<iframe";
    const END: &str = "</iframe>";
    let mut out = String::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(found) = html[from..].find(OPEN) {
        let open = from + found;
        let (attributes, tag_end) = crate::markdown::start_tag(html, open + OPEN.len());
        from = tag_end;
        let value = |name: &str| {
            let a = attributes.iter().find(|a| a.name == name && a.valued)?;
            Some(&html[a.value.clone()])
        };
        let Some(src) = value("src").filter(|s| crate::text::is_remote(s.trim_start())) else {
            continue;
        };
        let Some(close) = html[tag_end..].find(END).map(|at| tag_end + at + END.len()) else {
            continue;
        };
        let label = match value("title").filter(|t| !t.trim().is_empty()) {
            Some(title) => title.replace('<', "&lt;"),
            None => crate::markdown::web_page_embed(&src.replace("-nocookie.com", ".com"))
                .map_or_else(
                    || format!("Open the embedded page on {}", crate::text::url_host(src)),
                    str::to_string,
                ),
        };
        out.push_str(&html[copied..open]);
        out.push_str(&format!(
            "<a class=\"frame-link\" href=\"{}\">{label}</a>",
            src.replace('"', "&quot;")
        ));
        copied = close;
        from = close;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The href of `link`, one of article `t`'s links, on article `host`'s page.
fn href_from(site: &Site, host: usize, t: usize, link: &ResolvedLink) -> String {
    if host == t {
        return link.href.clone();
    }
    if link.href.starts_with('#') {
        // A link within the embedded note goes to that note's page, as in Obsidian.
        return format!(
            "{}{}",
            site.style
                .href(&site.articles[host].url, &site.articles[t].url),
            link.href
        );
    }
    match link.target {
        Some(u) if u == host => link
            .href
            .split_once('#')
            .map(|(_, f)| format!("#{f}"))
            .unwrap_or_else(|| "#top".to_string()),
        Some(u) => {
            let fragment = link
                .href
                .split_once('#')
                .map(|(_, f)| format!("#{f}"))
                .unwrap_or_default();
            format!(
                "{}{fragment}",
                site.style
                    .href(&site.articles[host].url, &site.articles[u].url)
            )
        }
        None => String::new(),
    }
}

/// Links to notes not written yet (filled with an empty href) as plain text, and
/// what leads nowhere left out (see [`super::unbroken`]).
pub(super) fn unlink_missing(html: &str) -> String {
    const OPEN: &str = "<a href=\"\" id=\"ref-";
    let html = &*super::unbroken::without_broken(html);
    if !html.contains(OPEN) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let (Some(gt), Some(close)) = (tag.find('>'), tag.find("</a>")) else {
            out.push_str(tag);
            return out;
        };
        out.push_str("<span class=\"missing-link\">");
        out.push_str(&tag[gt + 1..close]);
        out.push_str("</span>");
        rest = &tag[close + 4..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn missing_links_become_plain_text() {
        assert_eq!(
            super::unlink_missing(
                "a <a href=\"\" id=\"ref-2\" title=\"t\">Later</a> b <a href=\"x/\">y</a>"
            ),
            "a <span class=\"missing-link\">Later</span> b <a href=\"x/\">y</a>"
        );
    }

    #[test]
    fn another_sites_page_in_a_frame_is_a_link_to_it() {
        // dapr/docs: `<iframe width="560" src="https://www.youtube-nocookie.com/embed/…">`.
        assert_eq!(
            super::linked_remote_frames(
                "<p>A <iframe width=\"560\" src=\"https://www.youtube-nocookie.com/embed/Hkcx9kBDrAc?start=1400\" allowfullscreen></iframe> b</p>\n<iframe src='https://maps.example.com/x?a=1&amp;b=2' title=\"Our office\"></iframe><iframe src=\"https://maps.example.com/y\"></iframe><iframe src=\"../local.html\"></iframe>"
            ),
            "<p>A <a class=\"frame-link\" href=\"https://www.youtube-nocookie.com/embed/Hkcx9kBDrAc?start=1400\">Watch the video on YouTube</a> b</p>\n<a class=\"frame-link\" href=\"https://maps.example.com/x?a=1&amp;b=2\">Our office</a><a class=\"frame-link\" href=\"https://maps.example.com/y\">Open the embedded page on maps.example.com</a><iframe src=\"../local.html\"></iframe>"
        );
    }

    #[test]
    fn a_link_to_another_site_without_text_reads_its_address() {
        assert_eq!(
            super::addressed_empty_links(
                "<a href=\"https://x.org/a?b=1&amp;c=2\" title=\"t\"></a>, <a href=\"mailto:a@x.org\"></a>, <a href=\"https://x.org/\"><img src=\"a.png\"></a> <a href=\"#top\"></a>"
            ),
            "<a href=\"https://x.org/a?b=1&amp;c=2\" title=\"t\">https://x.org/a?b=1&amp;c=2</a>, <a href=\"mailto:a@x.org\">a@x.org</a>, <a href=\"https://x.org/\"><img src=\"a.png\"></a> <a href=\"#top\"></a>"
        );
    }
}
