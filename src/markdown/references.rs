//! Citations (`[@key]`) and glossary terms, linked as the text is parsed.

use super::builder::LinkState;
use super::{escape, Builder, Citation};
use crate::diagnostic::{Code, Diagnostic};
use pulldown_cmark::{CowStr, Event};

impl<'a> Builder<'a, '_> {
    pub(super) fn citation(&mut self, spec: &str, line: usize, column: usize) {
        // `key` or `key, p. 40` (several `; @key2` groups are allowed too).
        let mut parts = Vec::new();
        let mut unknown = Vec::new();
        for group in spec.split(';') {
            let group = group.trim().trim_start_matches('@');
            let (key, locator) = match group.split_once(',') {
                Some((k, l)) => (k.trim(), Some(l.trim())),
                None => (group.trim(), None),
            };
            if !self.ctx.references.contains_key(key) {
                let d = Diagnostic::error(
                    Code::UnknownCitation,
                    format!("unknown citation key '@{key}'"),
                )
                .at(self.file, line, column)
                .suggest(key, self.ctx.references.keys().map(String::as_str));
                self.out
                    .diagnostics
                    .push(self.ctx.broken_links.report(d, "as written, as plain text"));
                unknown.push(group.trim());
                continue;
            }
            let next = self.cite_numbers.len() + 1;
            let number = *self.cite_numbers.entry(key.to_string()).or_insert_with(|| {
                self.out.citations.push(Citation {
                    key: key.to_string(),
                    number: next,
                });
                next
            });
            let shown = match locator {
                Some(l) if !l.is_empty() => format!("{number}, {}", escape(l)),
                _ => number.to_string(),
            };
            parts.push(format!(
                "<a href=\"#source-{number}\" aria-label=\"Source {shown}\">{shown}</a>"
            ));
        }
        if !parts.is_empty() {
            self.emit_html(format!("<sup class=\"cite\">[{}]</sup>", parts.join("; ")));
        }
        if !unknown.is_empty() && self.ctx.broken_links.warns() {
            // Shown as written: `[@key]`.
            let written: Vec<String> = unknown.iter().map(|g| format!("@{g}")).collect();
            self.emit_html(escape(&format!("[{}]", written.join("; "))));
        }
    }

    pub(super) fn glossary_link(&mut self, term: &str, line: usize, column: usize) {
        match self.ctx.glossary.lookup(term) {
            Some(index) => {
                self.used_terms.insert(index);
                if !self.out.glossary_terms.contains(&index) {
                    self.out.glossary_terms.push(index);
                }
                self.emit_html(format!(
                    "<a href=\"{}glossary/{}#{}\">",
                    self.ctx.root,
                    self.ctx.index,
                    self.ctx.glossary.anchor(index)
                ));
                self.link = Some(LinkState {
                    internal: None,
                    replace_label: false,
                    citation: false,
                    as_text: false,
                });
            }
            None => {
                self.out.diagnostics.push(
                    Diagnostic::error(Code::UnknownTerm, format!("unknown glossary term '{term}'"))
                        .at(self.file, line, column)
                        .suggest(term, self.ctx.glossary.names()),
                );
                self.emit_html("<a>".to_string());
                self.link = Some(LinkState {
                    internal: None,
                    replace_label: false,
                    citation: false,
                    as_text: false,
                });
            }
        }
    }

    /// Emits `text`, linking the first mention in this article of each glossary term.
    /// `before` and `after` are the characters of the prose around `text` (across
    /// emphasis), so a term links only as a whole word.
    pub(super) fn text_with_glossary(
        &mut self,
        text: CowStr<'a>,
        before: Option<char>,
        after: Option<char>,
    ) {
        let mut rest: &str = &text;
        let mut previous = before;
        let mut pieces: Vec<(String, Option<usize>)> = Vec::new();
        while let Some((start, end, index)) =
            self.ctx
                .glossary
                .find_first(rest, &self.used_terms, previous, after)
        {
            previous = rest[..end].chars().next_back();
            self.used_terms.insert(index);
            if !self.out.glossary_terms.contains(&index) {
                self.out.glossary_terms.push(index);
            }
            pieces.push((rest[..start].to_string(), None));
            pieces.push((rest[start..end].to_string(), Some(index)));
            rest = &rest[end..];
        }
        if pieces.is_empty() {
            self.emit(Event::Text(text));
            return;
        }
        pieces.push((rest.to_string(), None));
        for (piece, term) in pieces {
            match term {
                None if piece.is_empty() => {}
                None => self.emit(Event::Text(CowStr::from(piece))),
                Some(index) => {
                    let glossary = self.ctx.glossary;
                    let anchor = glossary.anchor(index);
                    let n = self
                        .out
                        .glossary_terms
                        .iter()
                        .position(|&t| t == index)
                        .unwrap_or(0)
                        + 1;
                    self.emit_html(format!(
                        "<span class=\"term\"><a href=\"{root}glossary/{index_html}#{anchor}\" aria-describedby=\"term-{n}\">{word}</a><span class=\"term-def\" role=\"tooltip\" id=\"term-{n}\">{definition}</span></span>",
                        root = self.ctx.root,
                        index_html = self.ctx.index,
                        word = escape(&piece),
                        definition = escape(&glossary.entry(index).definition),
                    ));
                }
            }
        }
    }
}
