//! Links as the parser meets them: internal targets recorded with their position and
//! the sentence around them, written as placeholders that `site` fills once resolved.

use super::builder::LinkState;
use super::{escape, Builder, LinkTarget, OutLink, RefKind, CITE_PREFIX};
use crate::marks::{fill_links, fill_marks, LINK_HREF, LINK_LABEL, MARK_END};
use pulldown_cmark::{CowStr, Event, LinkType, TagEnd};
use std::fmt::Write as _;

impl<'a> Builder<'a, '_> {
    pub(super) fn start_link(
        &mut self,
        link_type: LinkType,
        dest: CowStr<'a>,
        title: CowStr<'a>,
        range: std::ops::Range<usize>,
    ) {
        let (line, column) = self.position(&range);
        if let Some(cite) = dest.strip_prefix(CITE_PREFIX) {
            self.citation(cite, line, column);
            self.link = Some(LinkState {
                internal: None,
                replace_label: false,
                citation: true,
                as_text: false,
            });
            return;
        }
        if dest.contains(super::foreign::ADDRESS_MARK) {
            // Reported where the tag stood (`foreign.rs`): the link is its text.
            self.link = Some(LinkState {
                internal: None,
                replace_label: false,
                citation: false,
                as_text: true,
            });
            return;
        }
        let wiki = matches!(link_type, LinkType::WikiLink { .. });
        let has_label = matches!(link_type, LinkType::WikiLink { has_pothole: true });
        let title_attr = title_attribute(&title);
        if link_type == LinkType::Email {
            // `<help@example.org>`: an address, never a path on this site.
            self.emit_html(format!(
                "<a href=\"mailto:{}\"{title_attr}>",
                href_attr(&dest)
            ));
            self.link = Some(LinkState {
                internal: None,
                replace_label: false,
                citation: false,
                as_text: false,
            });
            return;
        }
        let dest = dest.trim();
        if let Some(h) = self.heading.as_mut().filter(|_| has_label) {
            // Obsidian names a heading holding `[[Note|label]]` by both ("Note label").
            let target = dest.trim_end_matches('\\').to_string();
            h.wiki_targets.push((h.text.len(), target));
        }
        if wiki {
            if let Some(term) = dest.strip_prefix("glossary:") {
                self.glossary_link(term.trim(), line, column);
                return;
            }
        }
        if wiki {
            // `\|` in a table cell escapes the label's bar: the backslash is no part of
            // the name or the heading.
            let (name, _) = split_anchor(dest.trim_end_matches('\\'));
            if file_extension(name)
                .is_some_and(|ext| !matches!(ext.as_str(), "md" | "markdown" | "mdx"))
            {
                // `[[leaflet.pdf]]`: a file, found by its name anywhere in content/.
                let n = self.out.refs.len();
                self.out.refs.push(super::OutRef {
                    url: name.to_string(),
                    kind: RefKind::Link,
                    line,
                    column,
                    by_name: true,
                });
                self.emit_html(format!(
                    "<a href=\"{}{n}{MARK_END}\"{title_attr}>",
                    crate::marks::LINK_REF
                ));
                if !has_label {
                    let shown = name.rsplit('/').next().unwrap_or(name);
                    self.heading_reads(shown);
                    self.emit_html(escape(shown));
                }
                self.link = Some(LinkState {
                    internal: None,
                    replace_label: !has_label,
                    citation: false,
                    as_text: false,
                });
                return;
            }
        }
        let target = if wiki {
            let (slug, anchor) = split_anchor(dest.trim_end_matches('\\'));
            if slug.is_empty() {
                anchor.map(|a| LinkTarget::SamePage { anchor: a })
            } else {
                Some(LinkTarget::Slug {
                    slug: slug.to_string(),
                    anchor,
                })
            }
        } else {
            classify_href(dest)
        };
        // Links to files and pages by path are references the site resolves and
        // checks; they are links too, in case they lead to an article.
        let by_path = target.is_none() && !is_external(dest) && !dest.is_empty();
        let Some(target) = target.or_else(|| {
            by_path.then_some(LinkTarget::Path {
                reference: self.out.refs.len(),
            })
        }) else {
            // External links are written as they are, but for spaces at either end of
            // an address in angle brackets (`[forum](< https://…>)`, as a vault wrote
            // it), which would make it a path on this site (`%20https://…`).
            self.emit_html(format!("<a href=\"{}\"{title_attr}>", href_attr(dest)));
            self.link = Some(LinkState {
                internal: None,
                replace_label: false,
                citation: false,
                as_text: false,
            });
            return;
        };
        let index = self.out.links.len();
        let id = format!("ref-{}", index + 1);
        let replace_label = wiki && !has_label;
        let href = if by_path {
            self.reference(dest.to_string(), RefKind::Link, line, column)
        } else {
            format!("{LINK_HREF}{index}{MARK_END}")
        };
        self.out.links.push(OutLink {
            target,
            line,
            column,
            id: id.clone(),
            context: (String::new(), None, String::new()),
            embed: false,
        });
        let start_in_block = self.block.len();
        if self.heading.is_none() {
            self.block_links
                .push((index, start_in_block, start_in_block));
        }
        self.emit_html(format!("<a href=\"{href}\" id=\"{id}\"{title_attr}>"));
        if replace_label {
            let label = format!("{LINK_LABEL}{index}{MARK_END}");
            // A heading reads the name as written (`# [[Breadcrumbs]] Quickstart Guide`),
            // as Obsidian shows it and names the heading (its id, and the text
            // `[[Note#About Breadcrumbs]]` finds it by).
            let (name, _) = split_anchor(dest);
            self.heading_reads(name.rsplit('/').next().unwrap_or(name));
            // The target's title stands in the prose too, so the sentence around any
            // link and the search excerpt keep it.
            if self.heading.is_none() {
                self.block.push_str(&label);
            }
            self.emit_html(label);
        }
        self.link = Some(LinkState {
            internal: Some(index),
            replace_label,
            citation: false,
            as_text: false,
        });
    }

    /// In a heading, `name`, shown in place of a wikilink, is part of its text and id.
    fn heading_reads(&mut self, name: &str) {
        if let Some(h) = self.heading.as_mut() {
            h.text.push_str(name);
            h.id_text.push_str(name);
        }
    }

    pub(super) fn end_link(&mut self) {
        let Some(link) = self.link.take() else {
            self.emit(Event::End(TagEnd::Link));
            return;
        };
        if link.citation || link.as_text {
            return;
        }
        if let Some(index) = link.internal {
            if let Some(last) = self.block_links.last_mut().filter(|l| l.0 == index) {
                let label = self.block[last.1..].to_string();
                last.2 = self.block.len();
                self.out.links[index].context.1 = (!link.replace_label).then_some(label);
            }
        }
        self.emit_html("</a>".to_string());
    }
}

/// Byte offsets just past each sentence-ending mark (`.`, `!`, `?`, `…`) that is
/// followed by white space or the end of the block.
pub(super) fn sentence_ends(block: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut chars = block.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '…')
            && chars.peek().is_none_or(|&(_, n)| n.is_whitespace())
        {
            ends.push(i + c.len_utf8());
        }
    }
    ends
}

/// The extension of the last part of a path, lower case, when it has one.
pub(super) fn file_extension(name: &str) -> Option<String> {
    name.rsplit('/')
        .next()
        .and_then(|file| file.rsplit_once('.'))
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .filter(|ext| !ext.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric()))
}

pub fn split_anchor(dest: &str) -> (&str, Option<String>) {
    match dest.split_once('#') {
        Some((path, anchor)) if !anchor.is_empty() => {
            (path.trim(), Some(anchor.trim().to_string()))
        }
        Some((path, _)) => (path.trim(), None),
        None => (dest.trim(), None),
    }
}

pub fn is_external(href: &str) -> bool {
    href.starts_with("//")
        || href.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// Internal targets among ordinary Markdown link destinations.
pub(super) fn classify_href(dest: &str) -> Option<LinkTarget> {
    if is_external(dest) || dest.is_empty() {
        return None;
    }
    if let Some(anchor) = dest.strip_prefix('#') {
        return Some(LinkTarget::SamePage {
            anchor: anchor.to_string(),
        });
    }
    let (path, anchor) = split_anchor(dest);
    let path = path.split('?').next().unwrap_or(path);
    (path.ends_with(".md") || path.ends_with(".markdown") || path.ends_with(".mdx")).then(|| {
        LinkTarget::File {
            path: path.to_string(),
            anchor,
        }
    })
}

/// A link destination as an attribute value: percent-encoded as CommonMark asks
/// (spaces, backslashes, brackets, non-ASCII) and HTML-escaped, and `^` (which
/// Obsidian's block ids begin with, and a remote address's query may hold)
/// percent-encoded too, as commonmark.js writes it and the URL standard asks (the Nu
/// HTML checker calls a bare one an illegal character); a browser reads either
/// spelling as the same address.
pub fn href_attr(dest: &str) -> String {
    let mut out = String::with_capacity(dest.len() + 8);
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_href(&mut out, dest);
    if out.contains('^') {
        out.replace('^', "%5E")
    } else {
        out
    }
}

fn title_attribute(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(title))
    }
}

/// Replaces the link marks in a rendered body; `href(n)` and `label(n)` give link
/// `n`'s resolved href and title, `reference(n)` reference `n`'s URL ready for an
/// attribute. The href's fragment (written by the author) is
/// percent-encoded; the site's own path part is only HTML-escaped, as it may carry the
/// edition mark.
pub fn fill_placeholders(
    html: &str,
    href: impl Fn(usize) -> String,
    label: impl Fn(usize) -> String,
    reference: impl Fn(usize) -> String,
) -> String {
    fill_marks(
        html,
        |n| {
            let href = href(n);
            match href.split_once('#') {
                Some((path, fragment)) => {
                    let mut out = escape(path);
                    let _ = write!(out, "#{}", href_attr(fragment));
                    out
                }
                None => escape(&href),
            }
        },
        |n| escape(&label(n)),
        reference,
    )
    .into_owned()
}

/// Plain text (a sentence around a link, a search excerpt) with each link's label mark
/// replaced by the title of its target.
pub fn fill_labels<'t>(
    text: &'t str,
    title: impl Fn(usize) -> String,
) -> std::borrow::Cow<'t, str> {
    fill_links(text, |_| String::new(), title)
}

/// Plain text with the label marks removed, for counts that must not see them.
pub(super) fn without_label_marks(text: &str) -> std::borrow::Cow<'_, str> {
    fill_links(text, |_| String::new(), |_| String::new())
}

type Spanned<'a> = (Event<'a>, std::ops::Range<usize>);

/// `[[dev-dependencies]](#dev-dependencies)`: CommonMark (mdBook, Zola, Hugo) reads a
/// link whose text is `[dev-dependencies]`, though the parser's wikilinks take the
/// `[[…]]` first and leave `(…)` as text. Each wikilink written straight before a
/// `(destination)` or `(destination "title")` becomes that inline link, its text the
/// bracketed words as written. Not in an Obsidian vault or a Quartz garden, which
/// read the wikilink first (`[[Magic Numbers]](MZ)`: a link to the note, then `(MZ)`).
pub(super) fn wikilinks_before_destinations<'a>(
    events: Vec<Spanned<'a>>,
    body: &'a str,
) -> Vec<Spanned<'a>> {
    if !crate::text::holds(body, "]](") {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        match wikilink_with_destination(&events, i, body) {
            Some((close, last, (dest, title, end))) => {
                let range = events[i].1.clone();
                let written = &body[range.clone()];
                out.push((
                    Event::Start(pulldown_cmark::Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url: CowStr::Borrowed(dest),
                        title: CowStr::Borrowed(title),
                        id: CowStr::Borrowed(""),
                    }),
                    range.start..end,
                ));
                out.push((
                    Event::Text(CowStr::Borrowed(&written[1..written.len() - 1])),
                    range.start + 1..range.end - 1,
                ));
                out.push((Event::End(TagEnd::Link), range.start..end));
                // What follows `)` in the last text event the parser left.
                let tail = events[last].1.end;
                if tail > end {
                    out.push((Event::Text(CowStr::Borrowed(&body[end..tail])), end..tail));
                }
                debug_assert!(close < last);
                i = last + 1;
            }
            None => {
                out.push(events[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// When `events[i]` opens a wikilink written straight before `(destination)`: the
/// index of the wikilink's end, of the last text event holding the parentheses, and
/// the destination, title and where the parentheses end in `body`. Only when plain
/// text holds them (no emphasis or code inside).
fn wikilink_with_destination<'a>(
    events: &[Spanned<'a>],
    i: usize,
    body: &'a str,
) -> Option<(usize, usize, (&'a str, &'a str, usize))> {
    let (event, range) = &events[i];
    if !matches!(
        event,
        Event::Start(pulldown_cmark::Tag::Link {
            link_type: LinkType::WikiLink { .. },
            ..
        })
    ) {
        return None;
    }
    let written = body.get(range.clone())?;
    if !(written.starts_with("[[") && written.ends_with("]]")) {
        return None;
    }
    let (dest, title, len) = inline_destination(&body[range.end..])?;
    let end = range.end + len;
    let mut depth = 0usize;
    let mut close = i;
    for (k, (inner, _)) in events.iter().enumerate().skip(i) {
        match inner {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            close = k;
            break;
        }
    }
    let mut last = close;
    while let Some((_, next)) = events.get(last + 1) {
        if next.start < range.end || next.start >= end {
            break;
        }
        if !matches!(events[last + 1].0, Event::Text(_)) {
            return None;
        }
        last += 1;
    }
    (last > close && events[last].1.end >= end).then_some((close, last, (dest, title, end)))
}

/// `(dest)`, `(<dest>)` or `(dest "title")` opening `text`: the destination, the title
/// and the length read, as CommonMark reads an inline link's parentheses (no line break).
fn inline_destination(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix('(')?;
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let (dest, used) = if let Some(inner) = trimmed.strip_prefix('<') {
        let close = inner.find('>')?;
        (&inner[..close], close + 2)
    } else {
        let mut depth = 0usize;
        let mut stop = trimmed.len();
        for (i, c) in trimmed.char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => {
                    stop = i;
                    break;
                }
                ')' => depth -= 1,
                c if c.is_whitespace() => {
                    stop = i;
                    break;
                }
                _ => {}
            }
        }
        (&trimmed[..stop], stop)
    };
    let tail = &trimmed[used..];
    let after_dest = tail.trim_start();
    let mut title = "";
    let mut at = used + (tail.len() - after_dest.len());
    if let Some(open) = after_dest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\''))
    {
        let close = after_dest[1..].find(open)?;
        title = &after_dest[1..1 + close];
        at += close + 2;
    }
    let closing = trimmed[at..].trim_start();
    at += trimmed[at..].len() - closing.len();
    closing
        .starts_with(')')
        .then_some((dest, title, 1 + lead + at + 1))
}
