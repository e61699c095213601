//! Raw HTML written in Markdown: its URLs become reference placeholders, its ids are
//! recorded, and its depth tells prose whether it sits inside a link, code or heading.

use super::{escape, html, Builder};
use crate::diagnostic::{Code, Diagnostic};

impl<'a> Builder<'a, '_> {
    /// Raw HTML (`pieces`: its text in order, each with its offset in the body) with
    /// every URL replaced by a reference placeholder and ids written as `id="…"`, so
    /// every edition rewrites and namespaces them alike.
    pub(super) fn raw_html(&mut self, pieces: &[(String, usize)]) -> String {
        let mut html = String::new();
        let mut starts = Vec::with_capacity(pieces.len());
        for (text, offset) in pieces {
            starts.push((html.len(), *offset));
            html.push_str(text);
        }
        let found = html::scan(&html, self.raw_foreign);
        self.raw_foreign = found.foreign;
        if found.refs.is_empty()
            && found.ids.is_empty()
            && found.self_closed.is_empty()
            && found.images_without_alt.is_empty()
            && found.code.is_empty()
            && found.unknown.is_empty()
        {
            return html;
        }
        let position = |at: usize| {
            let piece = starts.partition_point(|&(s, _)| s <= at).saturating_sub(1);
            let (start, offset) = starts.get(piece).copied().unwrap_or((0, 0));
            self.lines.position(self.body_start + offset + (at - start))
        };
        // Warned as a Markdown image without alt text is (`check`'s `missing-alt`).
        for &at in &found.images_without_alt {
            let at = position(at);
            self.out.images_without_alt.push(at);
        }
        for (at, name) in &found.unknown {
            let (line, column) = position(*at);
            let d = unknown_element(name).at(self.file, line, column);
            self.out.diagnostics.push(d);
        }
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        for (range, tag) in &found.code {
            if let Some(diagnostic) = super::inline_code::refused(&html, range, tag) {
                let (line, column) = position(range.start);
                self.out
                    .diagnostics
                    .push(diagnostic.at(self.file, line, column));
            }
        }
        let mut refs = Vec::new();
        for r in found.refs {
            let (line, column) = position(r.value.start);
            refs.push((r.url, r.kind, line, column, r.replace, r.quote));
        }
        for (url, kind, line, column, replace, quote) in refs {
            // Another tool's tag stood in the address (`foreign_address.rs`), reported
            // there: the element is published without the attribute, as one that
            // leads nowhere (`render/unbroken.rs`).
            let placeholder = if url.contains(super::foreign::ADDRESS_MARK) {
                crate::marks::BROKEN.to_string()
            } else {
                self.reference(url, kind, line, column)
            };
            let text = if quote {
                format!("\"{placeholder}\"")
            } else {
                placeholder
            };
            edits.push((replace, text));
        }
        for (id, range, is_name) in found.ids {
            let value = escape(&id);
            if is_name {
                // `<a name>` is obsolete HTML (the Nu checker's error "missing href"):
                // written as the `id` every browser follows, with the same space before.
                edits.push((range, format!("id=\"{value}\"")));
            } else {
                // With one space before: print.html namespaces ids by ` id="`.
                let start = match range.start.checked_sub(1) {
                    Some(before) if html.as_bytes()[before].is_ascii_whitespace() => before,
                    _ => range.start,
                };
                edits.push((start..range.end, format!(" id=\"{value}\"")));
            }
            self.out.html_ids.push(id);
        }
        // Written open and closed, as the author meant and XHTML reads it.
        for (slash, tag) in found.self_closed {
            edits.push((slash, format!("></{tag}>")));
        }
        edits.sort_by_key(|(range, _)| range.start);
        let mut out = String::with_capacity(html.len() + edits.len() * 8);
        let mut from = 0;
        for (range, text) in edits {
            if range.start < from {
                continue;
            }
            out.push_str(&html[from..range.start]);
            out.push_str(&text);
            from = range.end;
        }
        out.push_str(&html[from..]);
        out
    }
}

/// The warning for a tag of an element HTML does not have (`elements.rs`).
fn unknown_element(name: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::UnknownElement,
        format!("`<{name}>` is no HTML element: the page shows only what it holds, never the tag"),
    )
    .help(format!(
        "to show `<{name}>` as written, put it in backticks or write `\\<{name}>`; \
         another tool's component is not drawn on an attune page: write what it stands for in Markdown"
    ))
    .family("tags of elements HTML does not have")
}

/// Elements that never hold content: opening one leaves nothing open.
pub(super) const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// `depth` after the raw HTML `html`: each opening tag of an element `counts` adds one,
/// each closing tag takes one away; comments, declarations and void or self-closed
/// elements leave it.
pub(super) fn raw_depth(mut depth: usize, html: &str, counts: impl Fn(&str) -> bool) -> usize {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(rest.len() - name_start);
        if name_len == 0 {
            continue;
        }
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        if VOID_ELEMENTS.contains(&name.as_str()) || !counts(&name) {
            continue;
        }
        let tag_end = rest.find('>').unwrap_or(rest.len());
        if closing {
            depth = depth.saturating_sub(1);
        } else if !rest[..tag_end].ends_with('/') {
            depth += 1;
        }
    }
    depth
}
