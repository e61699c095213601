//! `![[Note]]` and `![[Note#Heading]]`: another note's text shown inside an article.
//! Embeds are checked for cycles here; each page fills them in (see
//! [`Site::expand_embeds`]) relative to where it is.

use super::Site;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::markdown::LinkTarget;
use crate::marks::{EMBED, MARK_END};
use crate::text::escape;
use std::collections::HashMap;

/// A part of a note an embed shows: the note, and the heading (or block id) it
/// starts at, or all of it.
type Node = (usize, Option<String>);
/// An embed: its link's index in the embedding note, and the part it shows.
type Edge = (usize, Node);

/// Embeds inside embeds deeper than this are not filled in (a cycle is an error
/// before that; this only bounds the work).
const MAX_DEPTH: usize = 16;

/// The most notes' text one page may show through embeds, counting each time a note
/// is shown: embeds of notes that embed several notes each multiply, so a handful of
/// small notes could otherwise fill one page with millions of copies.
pub const MAX_EMBEDS: usize = 10_000;

impl Site {
    /// Finds every cycle of embeds (`a` embeds `b` embeds `a`, or a part of a note
    /// that holds an embed of itself) and reports it at the embed that closes it,
    /// naming the cycle; that embed is then left unresolved. A note may embed a part
    /// of itself that does not hold the embed.
    pub(super) fn check_embeds(&mut self, diagnostics: &mut Diagnostics) {
        // 1: on the current path, 2: done.
        let mut state: HashMap<Node, u8> = HashMap::new();
        let mut cut: Vec<(usize, usize)> = Vec::new();
        for start in 0..self.articles.len() {
            let start: Node = (start, None);
            if !self.has_embeds(start.0) || state.contains_key(&start) {
                continue;
            }
            // Each node on the path, with its embeds and the next one to follow.
            let mut stack: Vec<(Node, Vec<Edge>, usize)> = Vec::new();
            state.insert(start.clone(), 1);
            let edges = self.embed_edges(&start);
            stack.push((start, edges, 0));
            while let Some((node, edges, next)) = stack.last_mut() {
                let Some((k, to)) = edges.get(*next).cloned() else {
                    state.insert(node.clone(), 2);
                    stack.pop();
                    continue;
                };
                *next += 1;
                let from = node.0;
                match state.get(&to) {
                    None => {
                        state.insert(to.clone(), 1);
                        let edges = self.embed_edges(&to);
                        stack.push((to, edges, 0));
                    }
                    Some(1) => {
                        let at = stack.iter().position(|(n, _, _)| *n == to).unwrap_or(0);
                        let mut names: Vec<String> = stack[at..]
                            .iter()
                            .map(|(n, _, _)| self.articles[n.0].path.display().to_string())
                            .collect();
                        names.push(self.articles[to.0].path.display().to_string());
                        let link = &self.articles[from].parsed.links[k];
                        let d = Diagnostic::error(
                            Code::EmbedCycle,
                            format!("embeds go round in a circle: {}", names.join(" → ")),
                        )
                        .at(&self.articles[from].path, link.line, link.column)
                        .help("a note cannot show itself, even through others: remove one of these embeds, or link instead of embedding (drop the `!`)");
                        // Obsidian shows the circle once and stops: with `broken_links =
                        // "warn"`, the embed that closes it is left out, with a warning.
                        let broken = self.config.build.broken_links;
                        diagnostics
                            .push(broken.report(d, "without the embed that closes the circle"));
                        cut.push((from, k));
                    }
                    _ => {}
                }
            }
        }
        for (a, k) in cut {
            self.links[a][k].target = None;
        }
        self.check_embed_counts(diagnostics);
    }

    /// Reports each page whose embeds would show more than [`MAX_EMBEDS`] notes' text,
    /// once, at the embed that shows the most, and leaves the embeds showing the most
    /// unresolved until the page is within the limit. Runs after cycles are cut, so the embeds form no circle.
    fn check_embed_counts(&mut self, diagnostics: &mut Diagnostics) {
        for start in 0..self.articles.len() {
            if !self.has_embeds(start) {
                continue;
            }
            let mut reported = false;
            loop {
                let mut memo = HashMap::new();
                let node: Node = (start, None);
                let edges = self.embed_edges(&node);
                let counts: Vec<usize> = edges
                    .iter()
                    .map(|(_, to)| 1usize.saturating_add(self.embed_count(to, 1, &mut memo)))
                    .collect();
                let total = counts.iter().fold(0usize, |a, c| a.saturating_add(*c));
                if total <= MAX_EMBEDS {
                    break;
                }
                let (at, most) = counts
                    .iter()
                    .enumerate()
                    .rev()
                    .max_by_key(|(_, c)| **c)
                    .map_or((0, 0), |(at, c)| (at, *c));
                let k = edges[at].0;
                self.links[start][k].target = None;
                if std::mem::replace(&mut reported, true) {
                    continue;
                }
                let link = &self.articles[start].parsed.links[k];
                diagnostics.push(
                    Diagnostic::error(
                        Code::EmbedTooMany,
                        format!(
                            "embeds would show notes' text {} times on this page (this embed {}), more than {MAX_EMBEDS}",
                            total,
                            most
                        ),
                    )
                    .at(&self.articles[start].path, link.line, link.column)
                    .help("notes that embed several notes each multiply: link to some of them instead of embedding (drop the `!`); embeds on this page are left out until it is within the limit"),
                );
            }
        }
    }

    /// How many times notes' text is shown by the embeds in the part `node` shows,
    /// embedded `depth` deep (none past [`MAX_DEPTH`], as [`Site::expand_embeds`]).
    fn embed_count(
        &self,
        node: &Node,
        depth: usize,
        memo: &mut HashMap<(Node, usize), usize>,
    ) -> usize {
        if depth >= MAX_DEPTH {
            return 0;
        }
        if let Some(n) = memo.get(&(node.clone(), depth)) {
            return *n;
        }
        let mut n = 0usize;
        for (_, to) in self.embed_edges(node) {
            n = n
                .saturating_add(1)
                .saturating_add(self.embed_count(&to, depth + 1, memo));
        }
        memo.insert((node.clone(), depth), n);
        n
    }

    /// The embeds inside the part of a note that `node` shows (all of it, or the part
    /// under a heading): each link's index and the part it shows.
    fn embed_edges(&self, node: &Node) -> Vec<Edge> {
        let (x, anchor) = node;
        let html = &self.articles[*x].parsed.html;
        let part = match anchor {
            Some(id) => part_under(html, id).unwrap_or(""),
            None => html.as_str(),
        };
        self.articles[*x]
            .parsed
            .links
            .iter()
            .enumerate()
            .filter(|(k, l)| l.embed && part.contains(&format!("{EMBED}{k}{MARK_END}")))
            .filter_map(|(k, _)| {
                let resolved = &self.links[*x][k];
                let t = resolved.target?;
                let anchor = resolved.href.split_once('#').map(|(_, a)| a.to_string());
                Some((k, (t, anchor)))
            })
            .collect()
    }

    fn has_embeds(&self, i: usize) -> bool {
        self.articles[i].parsed.links.iter().any(|l| l.embed)
    }

    /// `html`, a body of article `i` already filled for the page it is shown on,
    /// with each embed mark replaced by the embedded note's text (or the part under
    /// the heading the embed names). `fill(t, html)` fills a part of article `t`'s
    /// body for the same page.
    pub fn expand_embeds(
        &self,
        i: usize,
        html: &str,
        fill: &dyn Fn(usize, &str) -> String,
    ) -> String {
        let shown = std::cell::Cell::new(0);
        self.expand(i, html, fill, 0, &shown)
    }

    /// `shown` counts the embeds filled in on the page, each of whose ids is made
    /// unique by its number.
    fn expand(
        &self,
        i: usize,
        html: &str,
        fill: &dyn Fn(usize, &str) -> String,
        depth: usize,
        shown: &std::cell::Cell<usize>,
    ) -> String {
        if !html.contains(EMBED) {
            return html.to_string();
        }
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        let mut in_paragraph = false;
        while let Some(at) = rest.find(EMBED) {
            let after = &rest[at + EMBED.len_utf8()..];
            let Some(close) = after.find(MARK_END) else {
                break;
            };
            let written = &after[..close];
            let mut before = &rest[..at];
            let mut tail = &after[close + MARK_END.len_utf8()..];
            in_paragraph = paragraph_open(before, in_paragraph);
            // The embed is a block: a paragraph around it ends before it (or, when it
            // opens the paragraph, is not begun) and goes on after it.
            let mut close_paragraph = false;
            if in_paragraph {
                match before.trim_end().strip_suffix("<p>") {
                    Some(opened) => before = opened,
                    None => close_paragraph = true,
                }
            }
            out.push_str(before);
            if close_paragraph {
                out.truncate(out.trim_end().len());
                // A paragraph opened after the embed before only to close here.
                match out.strip_suffix("<p>") {
                    Some(opened) => out.truncate(opened.len()),
                    None => out.push_str("</p>\n"),
                }
            }
            match written.strip_prefix('b') {
                // A Bases view of article `i`'s: named with its article, filled in by
                // `fill_bases` once every embed is.
                Some(n) => out.push_str(&format!("{EMBED}b{i}.{n}{MARK_END}\n")),
                None => {
                    let n: usize = written.parse().unwrap_or(usize::MAX);
                    out.push_str(&self.embedded(i, n, fill, depth, shown));
                }
            }
            if in_paragraph {
                match tail.trim_start().strip_prefix("</p>") {
                    Some(ended) => {
                        tail = ended;
                        in_paragraph = false;
                    }
                    None => out.push_str("<p>"),
                }
            }
            rest = tail;
        }
        out.push_str(rest);
        out
    }

    fn embedded(
        &self,
        i: usize,
        n: usize,
        fill: &dyn Fn(usize, &str) -> String,
        depth: usize,
        shown: &std::cell::Cell<usize>,
    ) -> String {
        let (Some(link), Some(resolved)) = (
            self.articles[i].parsed.links.get(n),
            self.links.get(i).and_then(|l| l.get(n)),
        ) else {
            return String::new();
        };
        // The heading's id as resolved (the link may name it by its text).
        let anchor = match &link.target {
            LinkTarget::SamePage { anchor } if resolved.href.is_empty() => Some(anchor.clone()),
            _ => resolved.href.split_once('#').map(|(_, a)| a.to_string()),
        };
        let Some(t) = resolved.target.filter(|_| depth < MAX_DEPTH) else {
            return format!(
                "<span class=\"missing-link\">{}</span>",
                escape(&resolved.title)
            );
        };
        let body = &self.articles[t].parsed.html;
        let part = match &anchor {
            Some(id) => with_footnotes(body, part_under(body, id).unwrap_or("")),
            None => std::borrow::Cow::Borrowed(body.as_str()),
        };
        let filled = fill(t, &part);
        let inner = self.expand(t, &filled, fill, depth + 1, shown);
        shown.set(shown.get() + 1);
        let inner = scope_ids(&inner, &format!("embed-{}-", shown.get()));
        format!(
            "<div class=\"embed\" data-embed=\"{}\">\n{inner}</div>\n",
            escape(&self.articles[t].url)
        )
    }
}

/// Whether a paragraph is open at the end of `html`, given whether one was at its
/// start: the last `<p>` or `</p>` in it says.
fn paragraph_open(html: &str, open: bool) -> bool {
    let opened = html
        .match_indices("<p")
        .map(|(at, _)| at)
        .filter(|&at| matches!(html.as_bytes().get(at + 2), Some(b'>' | b' ')))
        .last();
    match (opened, html.rfind("</p>")) {
        (None, None) => open,
        (opened, closed) => opened > closed,
    }
}

/// An embedded note's text with each id it holds made unique on the page showing it:
/// `id="x"` becomes `id="{prefix}x"`, and each reference inside it to one of them
/// (`href="#x"`, `aria-describedby="x"`) follows. The note's own page, and links to
/// it from elsewhere, keep its ids as they are.
fn scope_ids(html: &str, prefix: &str) -> String {
    const ID: &str = " id=\"";
    let ids: std::collections::HashSet<&str> = html
        .match_indices(ID)
        .filter_map(|(at, _)| {
            let value = &html[at + ID.len()..];
            value.find('"').map(|end| &value[..end])
        })
        .collect();
    if ids.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + ids.len() * prefix.len());
    let mut last = 0;
    for (at, _) in html.match_indices("=\"") {
        let name = &html[..at];
        let from = at + 2;
        let from = if name.ends_with(" id") || name.ends_with(" aria-describedby") {
            from
        } else if name.ends_with(" href") && html[from..].starts_with('#') {
            from + 1
        } else {
            continue;
        };
        let end = html[from..].find('"').map_or(html.len(), |e| from + e);
        // A link to a block id spells its `^` as `%5E`.
        let value = &html[from..end];
        if ids.contains(value) || ids.contains(&*value.replace("%5E", "^")) {
            out.push_str(&html[last..from]);
            out.push_str(prefix);
            last = from;
        }
    }
    out.push_str(&html[last..]);
    out
}

/// The part of `html` a link `#id` names: a heading with everything up to the next
/// heading of its level or above; any other element with that id (a block id such
/// as `^abc123`), whole.
fn part_under<'h>(html: &'h str, id: &str) -> Option<&'h str> {
    let attr = format!(" id=\"{}\"", escape(id));
    let at = html.find(&attr)?;
    let open = html[..at].rfind('<')?;
    let name: String = html[open + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let level = match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    };
    match level {
        Some(level) => {
            let close = format!("</{name}>");
            let body_from = html[open..].find(&close)? + open + close.len();
            let end = (1..=level)
                .filter_map(|l| html[body_from..].find(&format!("<h{l}")))
                .min()
                .map_or(html.len(), |e| body_from + e);
            Some(&html[open..end])
        }
        None => {
            let close = format!("</{name}>");
            let end = html[open..]
                .find(&close)
                .map_or(html.len(), |e| open + e + close.len());
            Some(&html[open..end])
        }
    }
}

/// `part` of a note's `body` followed by the definitions of the footnotes it marks
/// that lie outside it (at the note's end, where footnotes are written), so each mark
/// in an embedded section leads to its note on the page showing it.
fn with_footnotes<'h>(body: &str, part: &'h str) -> std::borrow::Cow<'h, str> {
    const MARK: &str = "<sup class=\"footnote-reference\"><a href=\"#";
    let mut added = String::new();
    let mut seen = std::collections::HashSet::new();
    for (at, _) in part.match_indices(MARK) {
        let rest = &part[at + MARK.len()..];
        let Some(id) = rest.find('"').map(|end| &rest[..end]) else {
            continue;
        };
        let open = format!("<div class=\"footnote-definition\" id=\"{id}\">");
        if part.contains(&open) || !seen.insert(id) {
            continue;
        }
        if let Some(definition) = body.find(&open).map(|from| div_at(body, from)) {
            added.push_str(definition);
            added.push('\n');
        }
    }
    match added.is_empty() {
        true => std::borrow::Cow::Borrowed(part),
        false => std::borrow::Cow::Owned(format!("{part}{added}")),
    }
}

/// The `<div>` opening at `from` in `html`, to its own `</div>` (past those of the
/// `<div>`s inside it), or to the end.
fn div_at(html: &str, from: usize) -> &str {
    let mut depth = 0usize;
    let mut at = from;
    while let Some(next) = html[at..].find("div").map(|i| at + i) {
        let tag = &html[..next];
        if tag.ends_with("</") {
            depth -= 1;
            if depth == 0 {
                return &html[from..next + "div>".len()];
            }
        } else if tag.ends_with('<') {
            depth += 1;
        }
        at = next + "div".len();
    }
    &html[from..]
}

#[cfg(test)]
mod tests {
    use super::{div_at, paragraph_open, part_under, scope_ids, with_footnotes};

    #[test]
    fn an_embedded_part_takes_the_footnotes_it_marks_from_the_note_s_end() {
        let body = "<h2 id=\"a\">A</h2>\n<p>x<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup></p>\n\
                    <div class=\"footnote-definition\" id=\"1\"><p>One <div>inner</div></p></div>\n\
                    <div class=\"footnote-definition\" id=\"2\"><p>Two</p></div>\n";
        let part = part_under(body, "a").unwrap();
        let with = with_footnotes(body, &body[..body.find("</p>").unwrap() + 4]);
        assert!(
            with.ends_with("<p>One <div>inner</div></p></div>\n"),
            "{with}"
        );
        assert!(!with.contains("Two"), "{with}");
        assert_eq!(with_footnotes(body, part), part);
        assert_eq!(
            div_at("<div><div></div></div>x", 0),
            "<div><div></div></div>"
        );
    }

    #[test]
    fn a_paragraph_is_open_after_its_last_opening_tag() {
        assert!(paragraph_open("<p>text\n", false));
        assert!(paragraph_open("<p class=\"x\">text", false));
        assert!(!paragraph_open("<p>a</p>\n<pre>", false));
        assert!(!paragraph_open("<pre>x</pre>", false));
        assert!(paragraph_open(" more text", true));
        assert!(!paragraph_open("<param>", false));
    }

    #[test]
    fn ids_in_an_embed_are_made_unique_with_the_links_to_them() {
        let html = "<h2 id=\"a\">A <a class=\"anchor\" href=\"#a\">#</a></h2><p id=\"^b1\">x <a href=\"../n/\" id=\"ref-2\">n</a> <a href=\"#elsewhere\">e</a> <a href=\"x/#a\">y</a><span aria-describedby=\"term-1\"></span><span id=\"term-1\"></span></p>";
        assert_eq!(
            scope_ids(html, "embed-3-"),
            "<h2 id=\"embed-3-a\">A <a class=\"anchor\" href=\"#embed-3-a\">#</a></h2><p id=\"embed-3-^b1\">x <a href=\"../n/\" id=\"embed-3-ref-2\">n</a> <a href=\"#elsewhere\">e</a> <a href=\"x/#a\">y</a><span aria-describedby=\"embed-3-term-1\"></span><span id=\"embed-3-term-1\"></span></p>"
        );
        assert_eq!(scope_ids("<p>none</p>", "embed-1-"), "<p>none</p>");
    }

    #[test]
    fn a_heading_s_part_runs_to_the_next_heading_of_its_level() {
        let html = "<p>a</p><h2 id=\"one\">One</h2><p>b</p><h3 id=\"sub\">Sub</h3><p>c</p><h2 id=\"two\">Two</h2><p>d</p>";
        assert_eq!(
            part_under(html, "one"),
            Some("<h2 id=\"one\">One</h2><p>b</p><h3 id=\"sub\">Sub</h3><p>c</p>")
        );
        assert_eq!(
            part_under(html, "sub"),
            Some("<h3 id=\"sub\">Sub</h3><p>c</p>")
        );
        assert_eq!(
            part_under(html, "two"),
            Some("<h2 id=\"two\">Two</h2><p>d</p>")
        );
        assert_eq!(
            part_under("<p id=\"^b1\">x</p><p>y</p>", "^b1"),
            Some("<p id=\"^b1\">x</p>")
        );
        assert_eq!(part_under(html, "none"), None);
    }
}
