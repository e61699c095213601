//! CommonMark conformance through attune's whole pipeline: every example of the spec
//! pulldown-cmark 0.13 implements (`tests/commonmark/spec.txt`, CommonMark 0.31.2 as
//! pulldown-cmark vendors it, CC-BY-SA 4.0, licence beside it) is written as an article,
//! all of them are built as one site, and each article's body, cut out of its page, must
//! equal the spec's HTML once both are normalised the way the spec's own
//! `test/normalize.py` does.
//!
//! CommonMark has no extended autolinks (a bare `https://…` is text there), so the site
//! sets `autolinks = false`; `gfm.rs` runs GitHub's extensions, autolinks among them.
//!
//! Before normalising, only these of attune's deliberate additions are taken out of
//! attune's side (nothing else is forgiven):
//! - a heading's `id` and its anchor link (` <a class="anchor" …>#</a>`);
//! - highlighting: `class="hl"` on `<pre>` and the `hl-` spans inside it;
//! - `loading="lazy"` on images;
//! - the `id="ref-N"` of a link inside the site, the spot backlinks point at;
//! - an inline `#tag`'s link to its tag page (`<a class="tag" …>#tag</a>`), back to
//!   the `#tag` it links;
//! - the rewrite of a destination inside the site to a path relative to the page
//!   (`spec/ex-NNN/`), undone (see [`unrewrite`]): what lies in the examples' folder
//!   `spec/` back to the relative `x` an example writes, anything else back to `/x`;
//! - in the glossary run, each glossary link (`<span class="term">…</span>`) back to
//!   the word it links.
//!
//! attune refuses a link or image to a file that does not exist, so the test site holds
//! every file the examples link to, found from the examples' own destinations (see
//! [`linked_files`]).
//!
//! Examples that attune reads differently by design are listed in [`REFUSED`] with the
//! reason; attune must refuse each of them (the build stops with the diagnostic named
//! there, at the example's own line and column), and no other.

use crate::support::Fixture;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;

/// Examples attune refuses, with the diagnostic code and the reason.
const REFUSED: &[(usize, &str, &str)] = &[
    (
        21,
        "broken-link",
        "`<a href=\"/bar\\/)\">` names a file with a `\\` in its name, which no file under content/ can have (attune reads `\\` in a file name as a folder separator)",
    ),
    (
        202,
        "broken-link",
        "`[foo]: /url\\bar\\*baz` names a file with a `\\` in its name, which no file under content/ can have",
    ),
    (
        484,
        "broken-link",
        "`[](./target.md)` links an article the test site does not have",
    ),
    (
        501,
        "broken-anchor",
        "`[link](#fragment)` names a heading the page does not have",
    ),
    (
        502,
        "broken-link",
        "`[link](foo\\bar)` names a file with a `\\` in its name, which no file under content/ can have",
    ),
    (
        548,
        "broken-link",
        "`[[[foo]]]` holds the wikilink `[[foo]]` to an absent article",
    ),
    (
        590,
        "broken-link",
        "`[[foo]]: /url` is a wikilink to an absent article",
    ),
    (
        631,
        "broken-link",
        "`<a href=\"\\*\">` names a file with a `\\` in its name, which no file under content/ can have",
    ),
    (
        643,
        "broken-link",
        "`<a href=\"foo\\⏎bar\">` names a file with a `\\` and a line break in its name, which no file under content/ can have",
    ),
];

pub(crate) struct Example {
    pub(crate) number: usize,
    pub(crate) markdown: String,
    pub(crate) html: String,
    /// The word after `example` on the fence (`table`, `autolink`), empty for none.
    pub(crate) kind: String,
}

fn examples() -> Vec<Example> {
    examples_of(include_str!("../commonmark/spec.txt"))
}

/// Every example of a spec in the CommonMark spec's format, numbered from 1.
pub(crate) fn examples_of(spec: &str) -> Vec<Example> {
    let fence = "````````````````````````````````";
    let mut out = Vec::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        let Some(kind) = line
            .trim_end()
            .strip_prefix(&format!("{fence} example"))
            .filter(|k| k.is_empty() || k.starts_with(' '))
        else {
            continue;
        };
        let kind = kind.trim().to_string();
        let mut markdown = String::new();
        let mut html = String::new();
        let mut in_html = false;
        for line in lines.by_ref() {
            if line == fence {
                break;
            }
            if line == "." && !in_html {
                in_html = true;
                continue;
            }
            let target = if in_html { &mut html } else { &mut markdown };
            target.push_str(&line.replace('→', "\t"));
            target.push('\n');
        }
        out.push(Example {
            number: out.len() + 1,
            markdown,
            html,
            kind,
        });
    }
    out
}

/// The spec's `normalize.py` in Rust: tags and attribute names lowercased, attributes
/// sorted and their values re-escaped, runs of white space outside `<pre>` collapsed to
/// one space and dropped around block-level tags, character references decoded (named
/// ones other than the XML five are kept as written, on both sides alike).
pub(crate) fn normalize(html: &str) -> String {
    const BLOCK: &[&str] = &[
        "article",
        "header",
        "aside",
        "hgroup",
        "blockquote",
        "hr",
        "iframe",
        "body",
        "li",
        "map",
        "button",
        "object",
        "canvas",
        "ol",
        "caption",
        "output",
        "col",
        "p",
        "colgroup",
        "pre",
        "dd",
        "progress",
        "dl",
        "section",
        "dt",
        "table",
        "td",
        "tbody",
        "textarea",
        "tfoot",
        "form",
        "th",
        "fieldset",
        "thead",
        "figcaption",
        "tr",
        "figure",
        "div",
        "ul",
        "footer",
        "video",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ];
    #[derive(PartialEq)]
    enum Last {
        StartTag,
        EndTag,
        Data,
        Other,
    }
    let mut out = String::new();
    let mut last = Last::StartTag;
    let mut last_tag = String::new();
    let mut in_pre = false;
    let mut rest = html;
    while !rest.is_empty() {
        if rest.starts_with("<![CDATA[") {
            let end = rest.find("]]>").map_or(rest.len(), |e| e + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>');
            let tag_like = after.starts_with(|c: char| c.is_ascii_alphabetic())
                || after.starts_with('/')
                    && after[1..].starts_with(|c: char| c.is_ascii_alphabetic())
                || after.starts_with('!')
                || after.starts_with('?');
            if let (Some(end), true) = (end, tag_like) {
                let inner = &after[..end];
                rest = &after[end + 1..];
                if inner.starts_with('!') || inner.starts_with('?') {
                    out.push('<');
                    out.push_str(inner);
                    out.push('>');
                    last = Last::Other;
                    continue;
                }
                if let Some(name) = inner.strip_prefix('/') {
                    let name = name.trim().to_ascii_lowercase();
                    if name == "pre" {
                        in_pre = false;
                    } else if BLOCK.contains(&name.as_str()) {
                        out.truncate(out.trim_end().len());
                    }
                    out.push_str(&format!("</{name}>"));
                    last_tag = name;
                    last = Last::EndTag;
                    continue;
                }
                let self_closing = inner.ends_with('/');
                let inner = inner.strip_suffix('/').unwrap_or(inner);
                let name_end = inner
                    .find(|c: char| c.is_whitespace())
                    .unwrap_or(inner.len());
                let name = inner[..name_end].to_ascii_lowercase();
                let mut attrs = attributes(&inner[name_end..]);
                attrs.sort();
                if name == "pre" {
                    in_pre = true;
                }
                if BLOCK.contains(&name.as_str()) {
                    out.truncate(out.trim_end().len());
                }
                out.push('<');
                out.push_str(&name);
                for (k, v) in attrs {
                    out.push(' ');
                    out.push_str(&k);
                    if let Some(v) = v {
                        out.push_str(&format!("=\"{}\"", escape(&unescape(&v))));
                    }
                }
                out.push('>');
                last_tag = name;
                last = if self_closing {
                    Last::EndTag
                } else {
                    Last::StartTag
                };
                continue;
            }
        }
        // Data up to the next tag-like `<`.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
        let mut data = decode(&rest[..end]);
        rest = &rest[end..];
        let after_tag = last == Last::EndTag || last == Last::StartTag;
        let after_block_tag = after_tag && BLOCK.contains(&last_tag.as_str());
        if after_tag && last_tag == "br" {
            data = data.trim_start_matches('\n').to_string();
        }
        if !in_pre {
            data = collapse(&data);
        }
        if after_block_tag && !in_pre {
            if last == Last::StartTag {
                data = data.trim_start().to_string();
            } else {
                data = data.trim().to_string();
            }
        }
        out.push_str(&data);
        last = Last::Data;
    }
    out
}

fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

fn attributes(mut text: &str) -> Vec<(String, Option<String>)> {
    let mut attrs = Vec::new();
    loop {
        text = text.trim_start();
        if text.is_empty() {
            return attrs;
        }
        let name_end = text
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(text.len());
        let name = text[..name_end].to_ascii_lowercase();
        text = text[name_end..].trim_start();
        let value = if let Some(after) = text.strip_prefix('=') {
            let after = after.trim_start();
            let (value, rest) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |c| c + 1);
                    (&after[1..close], after.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_whitespace())
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            text = rest;
            Some(value.to_string())
        } else {
            None
        };
        attrs.push((name, value));
    }
}

/// Character references decoded: numeric ones, and the XML five.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map(|e| e + 1);
        let decoded = end.filter(|&e| rest[e..].starts_with(';')).and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                match c {
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '&' => out.push_str("&amp;"),
                    '"' => out.push_str("&quot;"),
                    c => out.push(c),
                }
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Attribute values: references decoded, then `& < > "` escaped (Python's `cgi.escape`).
fn unescape(value: &str) -> String {
    decode(value)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn escape(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// attune's deliberate additions taken out of its HTML (see the module comment).
pub(crate) fn strip_additions(html: &str, raw: &[String]) -> String {
    // Inline tags' links to their tag pages, back to the `#tag` they link.
    let mut untagged = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<a class=\"tag\" href=\"") {
        untagged.push_str(&rest[..at]);
        rest = &rest[at..];
        let open_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let close = rest.find("</a>").unwrap_or(rest.len());
        untagged.push_str(&rest[open_end..close.max(open_end)]);
        rest = &rest[(close + 4).min(rest.len())..];
    }
    untagged.push_str(rest);
    // Internal links' ids (`ref-N`), which backlinks point at.
    let mut unmarked = String::with_capacity(untagged.len());
    let mut rest = untagged.as_str();
    while let Some(at) = rest.find(" id=\"ref-") {
        unmarked.push_str(&rest[..at]);
        let value = &rest[at + " id=\"ref-".len()..];
        let digits = value.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && value[digits..].starts_with('"') {
            rest = &value[digits + 1..];
        } else {
            unmarked.push_str(" id=\"ref-");
            rest = value;
        }
    }
    unmarked.push_str(rest);
    let html = unmarked.as_str();
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // Heading ids and anchor links.
    while let Some(at) = rest.find("<h") {
        let level_ok = rest[at + 2..].starts_with(|c: char| ('1'..='6').contains(&c))
            && rest[at + 3..].starts_with(" id=\"");
        out.push_str(&rest[..at + 3]);
        rest = &rest[at + 3..];
        if level_ok {
            let id_end = rest[5..].find('"').map_or(0, |e| e + 6);
            rest = &rest[id_end..];
            if let Some(close) = rest.find("</h") {
                let heading = &rest[..close];
                if let Some(anchor) = heading.rfind(" <a class=\"anchor\" href=\"#") {
                    if heading.ends_with(">#</a>") {
                        out.push_str(&heading[..anchor]);
                        rest = &rest[close..];
                    }
                }
            }
        }
    }
    out.push_str(rest);
    // Highlighting.
    let mut html = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(at) = rest.find("<pre class=\"hl\">") {
        html.push_str(&rest[..at]);
        html.push_str("<pre>");
        rest = &rest[at + "<pre class=\"hl\">".len()..];
        let end = rest.find("</pre>").unwrap_or(rest.len());
        let mut code = &rest[..end];
        while let Some(span) = [code.find("<span class=\"hl-"), code.find("</span>")]
            .into_iter()
            .flatten()
            .min()
        {
            html.push_str(&code[..span]);
            let close = code[span..].find('>').map_or(code.len(), |c| span + c + 1);
            code = &code[close..];
        }
        html.push_str(code);
        rest = &rest[end..];
    }
    html.push_str(rest);
    unrewrite(&html.replace(" loading=\"lazy\">", ">"), raw)
}

/// Each `href` and `src` attune wrote relative to the page (`spec/ex-NNN/`) back to the
/// destination the example wrote: inside the examples' folder `spec/` a relative path
/// (`../foo` or `../../spec/foo` is `foo`), elsewhere a root-relative one (`../../url`
/// is `/url`). attune writes each such path percent-encoded; where the example wrote it
/// unencoded in raw HTML (`raw`, its `href` and `src` values), it is compared as written.
fn unrewrite(html: &str, raw: &[String]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next = [" href=\"", " src=\""]
            .iter()
            .filter_map(|a| rest.find(a).map(|at| (at, a.len())))
            .min();
        let Some((at, len)) = next else { break };
        out.push_str(&rest[..at + len]);
        rest = &rest[at + len..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        if value.starts_with("../") {
            let mut folders = vec!["spec", "ex"];
            let mut parts = value.split('/').peekable();
            while parts.peek() == Some(&"..") {
                parts.next();
                folders.pop();
            }
            let path: Vec<&str> = folders.into_iter().chain(parts).collect();
            let path = path.join("/");
            let undone = match path.strip_prefix("spec/") {
                Some(relative) => relative.to_string(),
                None => format!("/{path}"),
            };
            match percent_decode(&undone).filter(|d| raw.contains(d)) {
                Some(written) => out.push_str(&escape(&written)),
                None => out.push_str(&undone),
            }
        } else {
            out.push_str(value);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Every destination an example writes: of its Markdown links and images (read with and
/// without attune's extensions; a wikilink names an article, not a file, but a wikilink
/// image `![[x]]` names a file), and the `href` and `src` of its raw HTML.
fn destinations(markdown: &str) -> Vec<String> {
    let mut out = raw_destinations(markdown);
    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
    let extensions = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS;
    for options in [Options::empty(), extensions] {
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }) if !matches!(link_type, LinkType::WikiLink { .. }) => {
                    out.push(dest_url.to_string())
                }
                Event::Start(Tag::Image { dest_url, .. }) => out.push(dest_url.to_string()),
                _ => {}
            }
        }
    }
    out
}

/// The `href` and `src` values of an example's raw HTML.
pub(crate) fn raw_destinations(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser};
    let mut out = Vec::new();
    for event in Parser::new(markdown) {
        if let Event::Html(html) | Event::InlineHtml(html) = event {
            out.extend(html_destinations(&html));
        }
    }
    out
}

/// The values of `href=` and `src=` attributes in raw HTML, character references
/// decoded.
fn html_destinations(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    for name in ["href", "src"] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(name).map(|a| a + from) {
            from = at + name.len();
            let before = lower[..at].chars().next_back();
            if !before.is_some_and(char::is_whitespace) {
                continue;
            }
            let rest = html[from..].trim_start();
            let Some(rest) = rest.strip_prefix('=') else {
                continue;
            };
            let rest = rest.trim_start();
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or_default(),
                _ => rest
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or_default(),
            };
            out.push(unescape(value));
        }
    }
    out
}

/// The files under `content/` the examples' destinations name: a destination inside the
/// site (no scheme, not `//host`, not only a `#fragment`) less its query and fragment,
/// percent-decoded, from `content/spec/` (where the examples are) or, starting with `/`,
/// from `content/`. Links to `.md` files name articles, and are left out.
fn linked_files(examples: &[&Example]) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    for e in examples {
        for dest in destinations(&e.markdown) {
            let dest = dest.trim();
            // A scheme: a letter, then letters, digits, `+`, `-` or `.`, then `:`.
            let scheme = dest.split_once(':').is_some_and(|(s, _)| {
                s.starts_with(|c: char| c.is_ascii_alphabetic())
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            });
            // No file name under content/ holds a `\` (attune reads it as a folder
            // separator): those examples are refused.
            if dest.is_empty() || scheme || dest.starts_with("//") || dest.contains('\\') {
                continue;
            }
            let path = dest.split(['#', '?']).next().unwrap_or_default();
            if path.is_empty() || path.ends_with(".md") {
                continue;
            }
            let Some(path) = percent_decode(path) else {
                continue;
            };
            let joined = match path.strip_prefix('/') {
                Some(root) => root.to_string(),
                None => format!("spec/{path}"),
            };
            let mut parts: Vec<&str> = Vec::new();
            for part in joined.split('/') {
                match part {
                    "" | "." => {}
                    ".." => {
                        parts.pop();
                    }
                    part => parts.push(part),
                }
            }
            if !parts.is_empty() {
                files.insert(parts.join("/"));
            }
        }
    }
    files
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Each glossary link (`<span class="term"><a …>word</a><span class="term-def" …>…</span></span>`)
/// back to its word; how many there were.
fn strip_glossary(html: &str) -> (String, usize) {
    let open = "<span class=\"term\"><a href=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut count = 0;
    while let Some(at) = rest.find(open) {
        out.push_str(&rest[..at]);
        let after = &rest[at + open.len()..];
        let word_start = after.find('>').map_or(0, |i| i + 1);
        let word_end = after
            .find("</a><span class=\"term-def\"")
            .unwrap_or(word_start);
        out.push_str(&after[word_start..word_end]);
        let end = after[word_end..]
            .find("</span></span>")
            .map_or(after.len(), |e| word_end + e + "</span></span>".len());
        rest = &after[end..];
        count += 1;
    }
    out.push_str(rest);
    (out, count)
}

pub(crate) fn file_name(number: usize) -> String {
    format!("ex-{number:03}.md")
}

pub(crate) fn write_site(site: &Fixture, examples: &[&Example], glossary: bool) {
    site.write(
        "book.toml",
        "[site]\ntitle = \"CommonMark\"\n\n[[topics]]\nid = \"spec\"\ntitle = \"Spec\"\n\n[build]\nsmart_punctuation = false\nautolinks = false\nmissing_links = \"error\"\n",
    );
    for e in examples {
        site.write(
            &format!("content/spec/{}", file_name(e.number)),
            format!("---\ntitle: Example {}\n---\n{}", e.number, e.markdown),
        );
    }
    for file in linked_files(examples) {
        site.write(&format!("content/{file}"), "");
    }
    if glossary {
        site.write(
            "content/glossary.yaml",
            "- term: foo\n  definition: A word.\n- term: bar\n  definition: A word.\n- term: baz\n  definition: A word.\n",
        );
    }
}

/// The article body: what the article template writes between its opening
/// `<div class="article-body">` and the `</div>` closing it.
pub(crate) fn body(page: &str) -> &str {
    let start = page
        .find("<div class=\"article-body\">\n")
        .map(|s| s + "<div class=\"article-body\">\n".len())
        .expect("article body");
    let end = page[start..]
        .find("<aside class=\"print-only handout-footer\"")
        .map_or(page.len(), |e| start + e);
    let region = &page[start..end];
    let close = region.rfind("</div>").expect("end of the article body");
    // The template's own line break before `</div>`.
    let body = &region[..close];
    body.strip_suffix('\n').unwrap_or(body)
}

/// Builds the examples that must pass; returns (number, expected, got) for failures,
/// how many glossary links were made, and the examples whose output ends by closing an
/// element the spec's fragment leaves open at its end (see [`closed_at_end`]).
fn run(examples: &[&Example], glossary: bool) -> (Vec<(usize, String, String)>, usize, Vec<usize>) {
    let site = Fixture::empty();
    write_site(&site, examples, glossary);
    site.build().assert_code(0);
    let mut failures = Vec::new();
    let mut links = 0;
    let mut closed = Vec::new();
    for e in examples {
        let slug = file_name(e.number).trim_end_matches(".md").to_string();
        let page = site.read(&format!("spec/{slug}/index.html"));
        let mut got = strip_additions(body(&page), &raw_destinations(&e.markdown));
        if glossary {
            let (stripped, n) = strip_glossary(&got);
            got = stripped;
            links += n;
        }
        let expected = normalize(&e.html);
        let got = normalize(&got);
        if closed_at_end(&expected, &got) {
            closed.push(e.number);
        } else if expected != got {
            failures.push((e.number, expected, got));
        }
    }
    (failures, links, closed)
}

/// Whether `got` is `expected` and then the end tag of an element a browser reads as
/// text to its end tag, which `expected` opens and leaves open at its end (example 173:
/// `<style type="text/css">` and `foo`, an HTML block running to the end of the
/// document). The spec's output is a fragment, whose end closes it; attune's article is
/// followed by the page, which the open element would hide (`markdown/raw_text.rs`), so
/// attune closes it there. Both are the same document to a browser.
fn closed_at_end(expected: &str, got: &str) -> bool {
    [
        "style", "script", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    ]
    .into_iter()
    .any(|name| {
        let opened = expected.rfind(&format!("<{name}"));
        let closed = expected.rfind(&format!("</{name}"));
        opened.is_some_and(|o| closed.is_none_or(|c| c < o))
            && got.trim_end().strip_suffix(&format!("</{name}>")) == Some(expected)
    })
}

pub(crate) fn report(failures: &[(usize, String, String)]) -> String {
    failures
        .iter()
        .map(|(n, expected, got)| {
            format!("example {n}:\n  expected {expected:?}\n  got      {got:?}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn commonmark_spec_examples_render_through_the_whole_pipeline() {
    let all = examples();
    assert_eq!(all.len(), 652, "the spec's examples");
    let refused: BTreeMap<usize, (&str, &str)> = REFUSED
        .iter()
        .map(|&(n, code, why)| (n, (code, why)))
        .collect();
    let passing: Vec<&Example> = all
        .iter()
        .filter(|e| !refused.contains_key(&e.number))
        .collect();

    let (failures, _, closed) = run(&passing, false);
    let line = format!(
        "CommonMark: {}/{} pass, {} refused by design (of the passing, {} end by closing an element the spec's fragment leaves open at its end, the same document to a browser: {closed:?})",
        passing.len() - failures.len(),
        all.len(),
        refused.len(),
        closed.len()
    );
    // Written past the test harness's capture, so `cargo test` shows the figure.
    let _ = writeln!(std::io::stderr(), "{line}");
    assert!(failures.is_empty(), "{line}\n{}", report(&failures));

    // The refused ones: each stops the build with its diagnostic at its own position.
    if refused.is_empty() {
        return;
    }
    let site = Fixture::empty();
    let listed: Vec<&Example> = all
        .iter()
        .filter(|e| refused.contains_key(&e.number))
        .collect();
    write_site(&site, &listed, false);
    let run = site.run(&["check", "--format", "json"]);
    run.assert_code(1);
    let mut errors: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
    let diagnostics: Vec<serde_json::Value> =
        serde_json::from_str(&run.stdout).expect("check --format json prints a JSON list");
    for d in diagnostics {
        if d["severity"] == "error" {
            let file = d["file"].as_str().unwrap_or_default().to_string();
            errors.entry(file).or_default().push(d);
        }
    }
    let refused_files: BTreeSet<String> = listed
        .iter()
        .map(|e| format!("content/spec/{}", file_name(e.number)))
        .collect();
    let erring: BTreeSet<String> = errors.keys().cloned().collect();
    assert_eq!(
        erring, refused_files,
        "the examples attune refuses\n{}",
        run.stdout
    );
    for e in &listed {
        let file = format!("content/spec/{}", file_name(e.number));
        let (code, why) = refused[&e.number];
        let source = format!("---\ntitle: Example {}\n---\n{}", e.number, e.markdown);
        for d in &errors[&file] {
            assert_eq!(d["code"], code, "example {} ({why}): {d}", e.number);
            // The position is the example's own line and the link's opening bracket,
            // or in raw HTML the start of the attribute's value.
            let line = d["line"].as_u64().unwrap_or(0) as usize;
            let column = d["column"].as_u64().unwrap_or(0) as usize;
            let text: Vec<char> = source
                .lines()
                .nth(line.wrapping_sub(1))
                .map(|l| l.chars().collect())
                .unwrap_or_default();
            let at = text.get(column.wrapping_sub(1));
            let before = column
                .checked_sub(2)
                .and_then(|c| text.get(c))
                .copied()
                .unwrap_or(' ');
            assert!(
                line > 3
                    && (matches!(at, Some('[' | '<' | '!')) || matches!(before, '"' | '\'' | '=')),
                "example {} ({why}): {d}",
                e.number
            );
        }
    }
}

#[test]
fn glossary_linking_changes_no_example_beyond_its_own_links() {
    let all = examples();
    let refused: BTreeSet<usize> = REFUSED.iter().map(|r| r.0).collect();
    let passing: Vec<&Example> = all
        .iter()
        .filter(|e| !refused.contains(&e.number))
        .collect();
    let (failures, links, _) = run(&passing, true);
    let line = format!(
        "CommonMark with a glossary of foo, bar, baz: {}/{} unchanged, {links} glossary links made",
        passing.len() - failures.len(),
        passing.len()
    );
    let _ = writeln!(std::io::stderr(), "{line}");
    assert!(links > 100, "{line}");
    assert!(failures.is_empty(), "{line}\n{}", report(&failures));
}

#[test]
fn the_normaliser_follows_normalize_py() {
    assert_eq!(
        normalize("<p>a  \n b</p>\n<ul>\n  <li>x</li>\n</ul>"),
        "<p>a b</p><ul><li>x</li></ul>"
    );
    assert_eq!(
        normalize("<a title='x &amp; y' href=\"/u\">z</a>"),
        "<a href=\"/u\" title=\"x &amp; y\">z</a>"
    );
    assert_eq!(
        normalize("<p>&#42; &quot;</p>"),
        normalize("<p>* \"</p>").replace('"', "&quot;")
    );
    assert_ne!(normalize("<p>a</p><p>b</p>"), normalize("<p>ab</p>"));
    assert_eq!(
        normalize("<pre><code>a\n  b\n</code></pre>"),
        "<pre><code>a\n  b\n</code></pre>"
    );
    assert_eq!(
        strip_additions("<h2 id=\"x\">X <a class=\"anchor\" href=\"#x\" aria-label=\"Link\" data-copy-link>#</a></h2>", &[]),
        "<h2>X</h2>"
    );
}
