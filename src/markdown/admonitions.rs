//! Python-Markdown's blocks, as MkDocs and Material for MkDocs sites write them: an
//! admonition (`!!! note "Title"`), a collapsible one (pymdownx.details: `??? tip`
//! closed, `???+ tip` open) and a content tab (pymdownx.tabbed: `=== "Linux"`), each a
//! line of its own whose body is the lines indented four spaces more below it; and the
//! toc extension's `[TOC]` (GitLab's `[[_TOC_]]`), a line asking for the page's
//! contents there.
//!
//! An admonition is written as the callout attune reads (`> [!note] Title`, its body's
//! lines unindented and quoted), a collapsible one as a foldable callout (`> [!tip]-`,
//! `> [!tip]+`), before the text is parsed, so each renders, is searched and is checked
//! as any callout is; a kind attune has no callout for is a note titled with the kind's
//! name. A tab is its title in bold and its body after it, as a page without scripts
//! shows each tab in turn. Without this, a body was shown as a code block (four spaces
//! indent code in CommonMark) under a line of `!!! note`. Blocks nest, in lists too;
//! markers in code blocks stay code.
//!
//! On an MkDocs site, mkdocstrings' `::: package.module` line (with its options
//! indented below it) stands for documentation generated from code, which attune does
//! not run, and FastAPI's docs' `{* ./docs_src/app.py ln[3:8] *}` for a file's code:
//! each is left out, and reported at its place (with the include to write instead).
//! pymdownx.snippets' `--8<-- "file.md"` is an include (see `include/directive.rs`);
//! one this pass still meets (in a quote) is reported so, its section marks left out.
//! Material for MkDocs' icons and attribute lists are left out before (`material.rs`),
//! and links whose address holds spaces read as Python-Markdown reads them
//! (`mkdocs_links.rs`). Markdown inside HTML elements marked `markdown="1"`, and
//! kramdown's `{:toc}`, are read first, on a Jekyll site too (`admonitions/kramdown.rs`).

mod kramdown;
mod reports;
mod toc_mark;

use super::admonish::callout;
use super::expand::{Article, Expanded, Expressions, SegMap, Splice};
use crate::diagnostic::Diagnostic;
use pulldown_cmark::Options;
use reports::{api_docs, code_include, snippet_text};
use std::ops::Range;

/// Python-Markdown's blocks, and on an MkDocs site Material's inline marks (see
/// `material.rs`), as passes over `text`, their maps and reports in `out`.
pub(super) fn passes(
    mut text: String,
    article: &Article,
    options: Options,
    out: &mut Expanded,
) -> String {
    let mkdocs = article.expressions.mkdocs();
    let jekyll = article.expressions == Expressions::Liquid;
    if mkdocs && text.contains('\t') {
        if let Some((expanded, map)) = expand_indent_tabs(&text) {
            out.maps.0.push(map);
            text = expanded;
        }
    }
    // Markdown inside HTML and kramdown's `{:toc}`, which Jekyll and MkDocs read.
    if mkdocs || jekyll {
        if let Some((rewritten, map)) = kramdown::rewrite(&text) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    // Python-Markdown's addresses with spaces, on an MkDocs site (an Obsidian vault
    // that MkDocs publishes too: its `docs/` beside mkdocs.yml).
    if super::mkdocs_links::may_hold(&text)
        && (mkdocs
            || article
                .content
                .is_some_and(|(_, dir, _)| crate::load::mkdocs::is_site(dir)))
    {
        if let Some((rewritten, map)) = super::mkdocs_links::rewrite(&text, options) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    // VitePress's and VuePress's `[[toc]]`, outside a vault, where it is a wikilink.
    let vault = article.expressions.vault();
    if !vault && crate::text::holds(&text, "[[") {
        if let Some((rewritten, map)) = toc_links(&text, options) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    let markers = ["!!!", "???", "===", "TOC"];
    if mkdocs || markers.iter().any(|m| crate::text::holds(&text, m)) {
        if let Some((rewritten, map, said)) = rewrite(&text, options, mkdocs) {
            for (at, diagnostic) in said {
                out.unsupported(article, at, diagnostic);
            }
            out.maps.0.push(map);
            text = rewritten;
            // Markdown inside HTML in a tab's or an admonition's body, indented (so
            // code) when first read: Material's `<div class="result" markdown>`.
            if mkdocs && crate::text::holds(&text, " markdown") {
                if let Some((rewritten, map)) = kramdown::rewrite(&text) {
                    out.maps.0.push(map);
                    text = rewritten;
                }
            }
        }
    }
    // Material's icons and attribute lists, once the blocks' bodies are no longer
    // indented: in a tab's or an admonition's body they read as code before.
    if (mkdocs || jekyll) && super::material::may_hold(&text) {
        if let Some((rewritten, map)) = super::material::rewrite(&text, options, mkdocs) {
            out.maps.0.push(map);
            text = rewritten;
        }
    }
    text
}

/// The text with each line `[[toc]]` (any case; markdown-it-table-of-contents', which
/// VitePress and VuePress read: vuejs/docs' glossary) outside code written `[TOC]`, the
/// page's contents there; `None` when there is none.
fn toc_links(text: &str, options: Options) -> Option<(String, SegMap)> {
    // Code blocks are found only once a marker is: most pages holding `[[` have none.
    let mut code = None;
    let mut splice = Splice::new(text);
    let (mut copied, mut at) = (0, 0);
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let marker = line.trim();
        if !marker.eq_ignore_ascii_case("[[toc]]") {
            continue;
        }
        let code = code.get_or_insert_with(|| super::containers::code_blocks(text, options));
        if !super::expand::inside(code, start) {
            let from = start + line.find('[').unwrap_or(0);
            splice.copy(copied..from);
            splice.insert("[TOC]", from);
            copied = from + marker.len();
        }
    }
    (copied > 0).then(|| {
        splice.copy(copied..text.len());
        (splice.out, splice.map)
    })
}

/// The text with the tabs of each line's indent written as spaces, to stops every four
/// columns, as Python-Markdown expands them before it reads blocks (Knative's docs
/// indent an admonition in a list item, and its body, with tabs: it was a line
/// `!!! note` and a code block); `None` when no indent holds one.
fn expand_indent_tabs(text: &str) -> Option<(String, SegMap)> {
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let mut column = 0;
        for (i, b) in line.bytes().enumerate() {
            match b {
                b' ' => column += 1,
                b'\t' => {
                    let width = 4 - column % 4;
                    splice.copy(copied..at + i);
                    splice.insert(&" ".repeat(width), at + i);
                    copied = at + i + 1;
                    column += width;
                }
                _ => break,
            }
        }
        at += line.len();
    }
    if copied == 0 {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// The width of the list marker `line` starts with and the space after it (`1. `,
/// `- `), if it starts with one.
fn list_marker(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let marker = match line.as_bytes().first()? {
        b'-' | b'*' | b'+' => 1,
        _ if (1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']) => digits + 1,
        _ => return None,
    };
    let spaces = line[marker..].len() - line[marker..].trim_start_matches(' ').len();
    (1..=4).contains(&spaces).then_some(marker + spaces)
}

/// The rewritten text, its map, and what is said of the lines left out.
pub(super) type Rewritten = (String, SegMap, Vec<(usize, Diagnostic)>);

/// What an open block is.
struct Open {
    /// The indent of its body's lines (its marker's, and four more).
    body: usize,
    /// Whether its lines are left out (mkdocstrings' options).
    dropped: bool,
    /// Inside a fenced code block of its body: the fence's character and length.
    fence: Option<(u8, usize)>,
    /// What its body's lines start with: the quotes of the blocks it is in and its own,
    /// and the indent of the list item it is in inside another block's body.
    lead: String,
}

/// The text with every Python-Markdown block written as attune reads it, the map back
/// to the text as written, and what is said of each line left out, at its place (on
/// an MkDocs site, `mkdocs`); `None` when there is none.
pub(super) fn rewrite(text: &str, options: Options, mkdocs: bool) -> Option<Rewritten> {
    let code = super::containers::code_blocks(text, options);
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut found = false;
    let mut left_out = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    // The indent of the outermost block's marker (a list item's), kept before quotes.
    let mut base = 0;
    let mut after_blank = true;
    // The content columns of the list items open around the line, in a block's body.
    let mut items: Vec<usize> = Vec::new();
    // Blank lines in a block, held until the next line says whether the block goes on
    // (they are quoted with it) or ends (they are not: what follows is no part of it).
    let mut blanks: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start_matches(' ').len();
        let blank = content.trim().is_empty();
        if blank && !open.is_empty() {
            blanks.push(start..start + content.len());
            after_blank = true;
            continue;
        }
        if !blank {
            let before = open.len();
            while open.last().is_some_and(|o| indent < o.body) {
                open.pop();
            }
            let lead = open.last().map_or("", |o| o.lead.trim_end());
            let dropped = open.last().is_some_and(|o| o.dropped);
            for held in blanks.drain(..) {
                splice.copy(copied..held.start);
                if !dropped {
                    splice.insert(lead, held.start);
                }
                copied = held.end;
            }
            if open.len() < before && !after_blank {
                // Python-Markdown ends the body at a line indented less: a paragraph
                // there is not the callout's text continued.
                splice.copy(copied..start);
                splice.insert("\n", start);
                copied = start;
            }
        }
        after_blank = blank;
        if !blank {
            while items.last().is_some_and(|&c| indent < c) {
                items.pop();
            }
            if let Some(width) = list_marker(&content[indent..]).filter(|_| !open.is_empty()) {
                items.push(indent + width);
            }
        }
        let in_fence = open
            .last_mut()
            .is_some_and(|o| fenced(o, &content[indent..]));
        let marker = match in_fence || blank {
            true => None,
            false => Marker::of(&content[indent..], mkdocs, open.is_empty()),
        };
        // Not in a code block: the text's, or one indented in a body.
        let marker = marker.filter(|_| match open.last() {
            // Or in a list item there (a tab's `1. Run:` and its note indented below).
            Some(o) => indent < o.body + 4 || items.last().is_some_and(|&c| indent < c + 4),
            None => !code.iter().any(|r| r.contains(&(start + indent))),
        });
        if open.is_empty() && marker.is_none() {
            continue;
        }
        if open.is_empty() {
            base = indent;
        }
        if open.last().is_some_and(|o| o.dropped) {
            splice.copy(copied..start);
            copied = at;
            continue;
        }
        // The line without the indent its blocks' bodies take, after their quotes.
        let strip = open.last().map_or(base, |o| o.body).min(indent);
        let lead = open.last().map_or(String::new(), |o| o.lead.clone());
        let keep = base.min(indent);
        splice.copy(copied..start + keep);
        splice.insert(&lead, start + keep);
        copied = start + strip;
        let Some(marker) = marker else { continue };
        found = true;
        copied = start + content.len();
        match marker {
            Marker::Toc => splice.insert("<!-- toc -->", start + indent),
            Marker::Left(said, options) => {
                left_out.extend(said.map(|said| (start + indent, said)));
                copied = at;
                // mkdocstrings' options, indented below its line, go with it.
                open.extend(options.then_some(Open {
                    body: indent + 1,
                    dropped: true,
                    fence: None,
                    lead: lead.clone(),
                }));
            }
            Marker::Block { line, quoted } => {
                // In a list item inside another block's body: the item's indent.
                let lead = lead + &" ".repeat(indent - strip);
                splice.insert(&lead[lead.len() - (indent - strip)..], start + indent);
                splice.insert(&line, start + indent);
                if !quoted {
                    // The tab's title is a paragraph of its own, inside the blocks
                    // around it (a tab in an admonition: its quote's `>`).
                    let blank = format!("\n{}", lead.trim_end());
                    splice.insert(&blank, start + content.len());
                }
                open.push(Open {
                    body: indent + 4,
                    dropped: false,
                    fence: None,
                    lead: lead + if quoted { "> " } else { "" },
                });
            }
        }
    }
    if !found {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map, left_out))
}

/// Whether `line` (its indent taken off) is in a fenced code block of `open`'s body,
/// opening or closing one as it goes.
fn fenced(open: &mut Open, line: &str) -> bool {
    let fence = |line: &str| {
        let c = *line.as_bytes().first()?;
        let n = line.len() - line.trim_start_matches(c as char).len();
        (matches!(c, b'`' | b'~') && n >= 3).then_some((c, n))
    };
    match (open.fence, fence(line)) {
        (Some((c, n)), Some((d, m))) if c == d && m >= n && line[m..].trim().is_empty() => {
            open.fence = None;
            true
        }
        (Some(_), _) => true,
        (None, Some(f)) => {
            open.fence = Some(f);
            true
        }
        (None, None) => false,
    }
}

enum Marker {
    /// `[TOC]` or `[[_TOC_]]`.
    Toc,
    /// A line left out, what is said of it, and whether the lines indented below it
    /// go with it (mkdocstrings' `::: package.module` and its options); a mark read
    /// elsewhere is left out without a word.
    Left(Option<Diagnostic>, bool),
    /// The line standing for an admonition's or a tab's marker.
    Block { line: String, quoted: bool },
}

impl Marker {
    /// The marker a line is (its indent taken off), if any: MkDocs' plugins' on an
    /// MkDocs site (`mkdocs`), mkdocstrings' at the `top`, outside any block.
    fn of(line: &str, mkdocs: bool, top: bool) -> Option<Marker> {
        let line = line.trim_end();
        if line == "[TOC]" || line == "[[_TOC_]]" {
            return Some(Marker::Toc);
        }
        // mkdocstrings' pattern allows a heading's marks before it (`#### ::: x`, the
        // level of the heading it writes): MkDocs' own plugin docs.
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        let unheaded = match hashes {
            1..=6 => line[hashes..].trim_start_matches(' '),
            _ => line,
        };
        let name = unheaded
            .strip_prefix("::: ")
            .map(str::trim)
            .filter(|_| mkdocs && top);
        let identifier =
            |n: &str| !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || "_.:-".contains(c));
        if let Some(name) = name.filter(|n| identifier(n)) {
            return Some(Marker::Left(Some(api_docs(name)), true));
        }
        let snippet = line
            .strip_prefix("--8<--")
            .map(str::trim)
            .filter(|_| mkdocs);
        let file = snippet.and_then(|f| {
            let inner = f.strip_prefix(['"', '\''])?.strip_suffix(['"', '\''])?;
            (!inner.is_empty() && !inner.contains(['"', '\''])).then_some(inner)
        });
        if let Some(file) = file {
            return Some(Marker::Left(Some(snippet_text(file)), false));
        }
        // A snippet file's section marks (`--8<-- [start:name]`), read by the include.
        let section = |s: &str| s.starts_with("[start:") || s.starts_with("[end:");
        if snippet.is_some_and(|s| section(s) && s.ends_with(']')) {
            return Some(Marker::Left(None, false));
        }
        // FastAPI's docs' code includes (`{* ./docs_src/app.py ln[3:8] hl[5] *}`).
        let code = line.strip_prefix("{* ").and_then(|l| l.strip_suffix(" *}"));
        if let Some(code) = code.map(str::trim).filter(|c| mkdocs && !c.is_empty()) {
            return Some(Marker::Left(Some(code_include(code)), false));
        }
        for (mark, fold) in [("!!!", None), ("???+", Some('+')), ("???", Some('-'))] {
            if let Some(rest) = line.strip_prefix(mark) {
                return admonition(rest, fold, mkdocs);
            }
        }
        let rest = line.strip_prefix("===")?;
        let rest = rest.strip_prefix(['!', '+']).unwrap_or(rest);
        let title = quoted_title(rest.strip_prefix(' ')?.trim())?;
        Some(Marker::Block {
            line: format!("**{}**", title.trim()),
            quoted: false,
        })
    }
}

/// An admonition's callout line from what follows its marker: its kind (the first of
/// its classes: `danger highlight`, Material's `inline end` after it) and its title in
/// quotes, `""` for none. On an MkDocs site (`mkdocs`) the space after the marker may
/// be left out (`!!!note`), as Python-Markdown's pattern allows; elsewhere `!!!wow` is
/// prose. A collapsible one may have a title and no kind (`??? "Learn more"`).
fn admonition(rest: &str, fold: Option<char>, mkdocs: bool) -> Option<Marker> {
    let spaced = rest.starts_with(' ');
    let rest = match rest.strip_prefix(' ') {
        Some(rest) => rest.trim(),
        None if mkdocs => rest.trim(),
        None => return None,
    };
    let (classes, title) = match rest.find('"') {
        Some(at) => (&rest[..at], Some(quoted_title(&rest[at..])?)),
        None => (rest, None),
    };
    let Some(kind) = classes.split_whitespace().next() else {
        // pymdownx.details' pattern makes the class optional before a quoted title
        // (its `START`): a `<details>` with no class, whose summary is the title
        // alone, as `::: details Title` is (`containers.rs`). Python-Markdown's
        // admonition asks for a class: `!!! "Title"` is prose.
        let (fold, title) = (fold?, title.filter(|_| spaced)?);
        let line = format!("> [!details]{fold} {}", title.trim());
        return Some(Marker::Block {
            line: line.trim_end().to_string(),
            quoted: true,
        });
    };
    let valid = kind.starts_with(|c: char| c.is_ascii_alphabetic())
        && kind
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return None;
    }
    let title = title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let line = callout(&kind.to_ascii_lowercase(), title, fold);
    Some(Marker::Block { line, quoted: true })
}

/// The text between the quotes `text` is, nothing after them: from the first quote to
/// the last, quotes between them the title's own (`"Say "hi" here"`), as
/// Python-Markdown's admonition and pymdownx's details and tabs read a title.
fn quoted_title(text: &str) -> Option<&str> {
    text.strip_prefix('"')?.strip_suffix('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_admonition_without_a_space_after_its_marker_is_one() {
        let (out, _, _) = rewrite("!!!note\n    Text.\n", Options::empty(), true).unwrap();
        assert_eq!(out, "> [!note]\n> Text.\n");
        assert!(rewrite("!!!!\n    Text.\n", Options::empty(), true).is_none());
        // Outside an MkDocs site, `!!!wow` is prose.
        assert!(rewrite("!!!note\n    Text.\n", Options::empty(), false).is_none());
    }

    #[test]
    fn an_admonition_in_a_list_item_in_a_tab_is_one() {
        // knative/docs: a tab's numbered step, its note indented as the step's text.
        let text = "=== \"kn\"\n\n    1. Create it:\n\n        ```bash\n        kn create\n        ```\n\n        !!! note\n            In the current namespace.\n\n    2. Done.\n\n            code\n";
        let (out, _, _) = rewrite(text, Options::empty(), true).unwrap();
        assert!(
            out.contains("1. Create it:\n\n    ```bash\n    kn create\n    ```\n\n    > [!note]\n    > In the current namespace.\n\n2. Done."),
            "{out}"
        );
        assert!(!out.contains("!!!"), "{out}");
    }

    #[test]
    fn tabs_inside_an_admonition_stay_inside_it() {
        // OI-wiki: a solution's `=== "C++"` tabs in a `??? note`; each tab's text fell
        // out of the callout into quotes of its own.
        let text = "??? note \"Code\"\n    === \"C++\"\n\n        ```cpp\n        int x;\n        ```\n\n    === \"Python\"\n        x = 1\n\nAfter.\n";
        assert_eq!(
            out(text),
            "> [!note]- Code\n> **C++**\n>\n>\n> ```cpp\n> int x;\n> ```\n>\n> **Python**\n>\n> x = 1\n\nAfter.\n"
        );
    }

    #[test]
    fn tabs_in_an_indent_are_spaces_to_stops_of_four() {
        let (out, map) =
            expand_indent_tabs("1. Run\n\n\t!!! note\n\t    Text\ta\n  \tx\n").unwrap();
        assert_eq!(out, "1. Run\n\n    !!! note\n        Text\ta\n    x\n");
        assert_eq!(map.back(out.find("!!!").unwrap()), 9);
        assert!(expand_indent_tabs("a\tb\n").is_none());
    }

    fn out(text: &str) -> String {
        rewrite(text, Options::empty(), false).map_or_else(|| text.to_string(), |(out, ..)| out)
    }

    #[test]
    fn admonitions_become_callouts_and_map_back() {
        let text = "Before.\n\n!!! note \"Mind the step\"\n    Text with *emphasis*.\n\n    More.\n\nAfter.\n";
        let (rewritten, map, _) = rewrite(text, Options::empty(), false).unwrap();
        assert_eq!(
            rewritten,
            "Before.\n\n> [!note] Mind the step\n> Text with *emphasis*.\n>\n> More.\n\nAfter.\n"
        );
        let at = rewritten.find("More").unwrap();
        assert_eq!(map.back(at), text.find("More").unwrap());
        let at = rewritten.find("After").unwrap();
        assert_eq!(map.back(at), text.find("After").unwrap());
        // No title, an empty one, classes after the kind, a kind attune has no
        // callout for, a body ended by a line indented less.
        assert_eq!(out("!!! tip\n    X\n"), "> [!tip]\n> X\n");
        assert_eq!(out("!!! tip \"\"\n    X\n"), "> [!tip]\n> X\n");
        assert_eq!(
            out("!!! danger highlight \"Careful\"\n    X\n"),
            "> [!danger] Careful\n> X\n"
        );
        assert_eq!(
            out("!!! pied-piper\n    X\nY\n"),
            "> [!note] Pied-piper\n> X\n\nY\n"
        );
        // Quotes inside the title are its own (OI-wiki's `??? note "Say "hi" here"`).
        assert_eq!(
            out("??? note \"Say \"hi\" here\"\n    X\n"),
            "> [!note]- Say \"hi\" here\n> X\n"
        );
        assert_eq!(
            out("=== \"The \"C++\" way\"\n    X\n"),
            "**The \"C++\" way**\n\nX\n"
        );
        // One after another: two callouts, not one holding the other's marker.
        assert_eq!(
            out("!!! note\n    A\n\n!!! tip\n    B\n"),
            "> [!note]\n> A\n\n> [!tip]\n> B\n"
        );
        // Collapsible: closed, open.
        assert_eq!(
            out("??? question \"Why?\"\n    X\n"),
            "> [!question]- Why?\n> X\n"
        );
        assert_eq!(out("???+ example\n    X\n"), "> [!example]+\n> X\n");
        // A title and no kind: collapsible, titled by its title alone (pymdownx.details);
        // an admonition needs its kind.
        assert_eq!(
            out("??? \"Learn more\"\n    X\n"),
            "> [!details]- Learn more\n> X\n"
        );
        assert_eq!(out("???+ \"Open\"\n    X\n"), "> [!details]+ Open\n> X\n");
        assert_eq!(out("!!! \"Title\"\n    X\n"), "!!! \"Title\"\n    X\n");
    }

    #[test]
    fn tabs_nesting_lists_and_code() {
        // A tab: its title in bold, its body after it; an admonition in it.
        assert_eq!(
            out("=== \"Linux\"\n\n    Use apt.\n\n    !!! tip\n        Update first.\n\n=== \"macOS\"\n    Use brew.\n"),
            "**Linux**\n\n\nUse apt.\n\n> [!tip]\n> Update first.\n\n**macOS**\n\nUse brew.\n"
        );
        // In a list item, the item's indent stays before the quote.
        assert_eq!(
            out("- item\n\n    !!! note\n        Inside.\n"),
            "- item\n\n    > [!note]\n    > Inside.\n"
        );
        // A marker in a code block stays; so does one in a fence in a body, which
        // keeps its indent beyond the body's.
        assert_eq!(
            out("```\n!!! note\n    X\n```\n"),
            "```\n!!! note\n    X\n```\n"
        );
        assert_eq!(
            out("!!! example\n    ```md\n    !!! note\n        X\n    ```\n"),
            "> [!example]\n> ```md\n> !!! note\n>     X\n> ```\n"
        );
        // A line of equals signs is a heading's underline; `!!!` in prose is text.
        assert_eq!(out("Title\n===\n"), "Title\n===\n");
        assert_eq!(out("!!!wow\n"), "!!!wow\n");
        assert_eq!(out("[TOC]\n\nText.\n"), "<!-- toc -->\n\nText.\n");
        assert_eq!(out("[[_TOC_]]\n"), "<!-- toc -->\n");
        let (toc, _) = toc_links(
            "# Glossary\n\n[[toc]]\n\n```\n[[TOC]]\n```\n",
            Options::empty(),
        )
        .unwrap();
        assert_eq!(toc, "# Glossary\n\n[TOC]\n\n```\n[[TOC]]\n```\n");
        assert!(toc_links("See [[toc]] here.\n", Options::empty()).is_none());
    }

    #[test]
    fn mkdocstrings_lines_are_left_out_and_reported_on_an_mkdocs_site() {
        let text = "Intro.\n\n::: httpx.request\n    options:\n      show_source: false\n\n#### ::: httpx\nAfter.\n";
        let (rewritten, _, said) = rewrite(text, Options::empty(), true).unwrap();
        assert_eq!(rewritten, "Intro.\n\n\n\nAfter.\n");
        let said: Vec<_> = said
            .iter()
            .map(|(at, d)| (&text[*at..*at + 3], d.message.as_str()))
            .collect();
        assert_eq!(said.len(), 2);
        assert_eq!(said[0].0, ":::");
        assert_eq!(said[1].0, "###");
        assert!(said[0].1.contains("`::: httpx.request`"), "{}", said[0].1);
        assert!(said[1].1.contains("`::: httpx`"), "{}", said[1].1);
        // FastAPI's code include.
        let text = "Intro.\n\n{* ./docs_src/app.py ln[3:8] hl[5] *}\n";
        let (rewritten, _, said) = rewrite(text, Options::empty(), true).unwrap();
        assert_eq!(rewritten, "Intro.\n\n");
        assert!(said[0]
            .1
            .message
            .contains("`{* ./docs_src/app.py ln[3:8] hl[5] *}`"));
        // A snippet, in an admonition too.
        let text = "!!! note\n    --8<-- \"includes/help.md\"\n";
        let (rewritten, _, said) = rewrite(text, Options::empty(), true).unwrap();
        assert_eq!(rewritten, "> [!note]\n> ");
        assert!(said[0].1.message.contains("includes/help.md"));
        // Elsewhere, a container's business (see `containers.rs`).
        assert!(rewrite("::: warning\nX\n:::\n", Options::empty(), false).is_none());
    }
}
