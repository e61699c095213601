//! Links as the parser meets them: internal targets recorded with their position and
//! the sentence around them, written as placeholders that `site` fills once resolved.

use super::{
    escape, Builder, LinkState, LinkTarget, OutLink, RefKind, CITE_PREFIX, HREF_OPEN, LABEL_OPEN,
    PLACEHOLDER_CLOSE, REF_OPEN,
};
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
            });
            return;
        }
        let wiki = matches!(link_type, LinkType::WikiLink { .. });
        let has_label = matches!(link_type, LinkType::WikiLink { has_pothole: true });
        let dest = dest.trim();
        if wiki {
            if let Some(term) = dest.strip_prefix("glossary:") {
                self.glossary_link(term.trim(), line, column);
                return;
            }
        }
        let target = if wiki {
            let (slug, anchor) = split_anchor(dest);
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
        let Some(target) = target else {
            // External links are written as they are; links to files and pages by path
            // are references the site resolves and checks.
            let href = if is_external(dest) || dest.is_empty() {
                escape(dest)
            } else {
                self.reference(dest.to_string(), RefKind::Link, line, column)
            };
            let title_attr = if title.is_empty() {
                String::new()
            } else {
                format!(" title=\"{}\"", escape(&title))
            };
            self.emit_html(format!("<a href=\"{href}\"{title_attr}>"));
            self.link = Some(LinkState {
                internal: None,
                replace_label: false,
                citation: false,
            });
            return;
        };
        let index = self.out.links.len();
        let id = format!("ref-{}", index + 1);
        let replace_label = wiki && !has_label;
        self.out.links.push(OutLink {
            target,
            line,
            column,
            id: id.clone(),
            context: (String::new(), None, String::new()),
        });
        let start_in_block = self.block.len();
        if self.heading.is_none() {
            self.block_links
                .push((index, start_in_block, start_in_block));
        }
        self.emit_html(format!(
            "<a href=\"{HREF_OPEN}{index}{PLACEHOLDER_CLOSE}\" id=\"{id}\">"
        ));
        if replace_label {
            self.emit_html(format!("{LABEL_OPEN}{index}{PLACEHOLDER_CLOSE}"));
        }
        self.link = Some(LinkState {
            internal: Some(index),
            replace_label,
            citation: false,
        });
    }

    pub(super) fn end_link(&mut self) {
        let Some(link) = self.link.take() else {
            self.emit(Event::End(TagEnd::Link));
            return;
        };
        if link.citation {
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
    (path.ends_with(".md") || path.ends_with(".markdown")).then(|| LinkTarget::File {
        path: path.to_string(),
        anchor,
    })
}

/// Replaces placeholders in a rendered body; `href(n)` and `label(n)` give link `n`'s
/// resolved href and title, `reference(n)` the URL of reference `n`.
pub fn fill_placeholders(
    html: &str,
    href: impl Fn(usize) -> String,
    label: impl Fn(usize) -> String,
    reference: impl Fn(usize) -> String,
) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(start) = rest.find([HREF_OPEN, LABEL_OPEN, REF_OPEN]) {
        out.push_str(&rest[..start]);
        let marker = rest[start..].chars().next().unwrap_or(HREF_OPEN);
        let after = &rest[start + marker.len_utf8()..];
        let Some(close) = after.find(PLACEHOLDER_CLOSE) else {
            out.push_str(&rest[start..]);
            return out;
        };
        let n: usize = after[..close].parse().unwrap_or(usize::MAX);
        let text = match marker {
            HREF_OPEN => href(n),
            REF_OPEN => reference(n),
            _ => label(n),
        };
        let _ = write!(out, "{}", escape(&text));
        rest = &after[close + PLACEHOLDER_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}
