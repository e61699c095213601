//! Other tools' template syntax, which attune does not run: Hugo shortcodes
//! (`{{< name >}}`, `{{% name %}}` and their closing forms), Liquid/Jekyll tags
//! (`{% … %}`), template expressions (`{{ … }}`), Obsidian's Templater tags (`<% … %>`)
//! and mdBook directives other than `{{#include}}`, `{{#rustdoc_include}}` and
//! `{{#playground}}`. Outside code each is reported where it stands and taken out of the
//! text, so none is ever shown raw or read as Markdown (a shortcode's code lines
//! becoming headings). A paired shortcode whose content is not Markdown (`{{< >}}`, a
//! Liquid `highlight` or `comment` block) is taken out with its content; a `{% raw %}`
//! block's text is kept as it is written, as Liquid and Tera (Zola) show it.
//!
//! Each is a warning by default, so a site brought from another tool builds and its
//! publisher gets the list of what to convert, and an error with
//! `[build] unsupported_syntax = "error"`, since the page loses what the tag stood for.
//! `{{#title}}` is a warning either way: leaving it out loses nothing the page shows.
//! Each diagnostic's help says what was left out of the page. A tag written with a
//! backslash first (`\{{`, `\{%`) is text.

use super::expand::{inside, Article, Expanded, Expressions, SegMap, Splice};
use super::foreign_address::in_address;
pub(super) use super::foreign_address::ADDRESS_MARK;
use super::foreign_body::{
    embed_link, gitbook_block, hugo_lists, hugo_pair, inner_of, tab_label, zola_body,
};
pub(super) use super::foreign_help::zola_shortcode;
use super::foreign_help::{describe, in_address_diagnostic, pairs, LeftOut};
use super::hugo_raw::draws_image;
use super::page_link::page_link;
use super::raw_html::html_comment_ranges;
use pulldown_cmark::Options;

mod ends;
use ends::{is_raw, raw_end, Ends};

/// How far a tag may run to its closing delimiter, in bytes.
pub(super) const MAX_TAG: usize = 2000;

#[derive(Clone, Copy, PartialEq, Debug)]
#[repr(u8)]
pub(super) enum Kind {
    /// `{{< … >}}`
    HugoRaw,
    /// `{{% … %}}`
    HugoMarkdown,
    /// `{% … %}`
    Liquid,
    /// `{{#name …}}`
    Mdbook,
    /// `{{ … }}`
    Expression,
    /// `{% raw %}` or `{% endraw %}`, Liquid's and Tera's (Zola's): what is between
    /// them is text, shown as it is written.
    Raw,
    /// `<% … %>`, Obsidian's Templater plugin (`<%* … %>`, `<%_ … _%>`, `<%- … -%>`)
    Templater,
}

pub(super) struct Tag {
    pub(super) range: std::ops::Range<usize>,
    pub(super) kind: Kind,
    /// What is between the delimiters, trimmed.
    pub(super) inner: String,
}

impl Tag {
    /// The tag's name: its first word (`/name` for a closing tag).
    pub(super) fn name(&self) -> &str {
        // `{%- for … %}`, `{{- .Title -}}`: the dash trims whitespace, and is no name.
        let inner = self.inner.trim_start_matches('#').trim_start();
        let inner = inner.strip_prefix('-').unwrap_or(inner).trim_start();
        let word = inner.split_whitespace().next().unwrap_or("");
        // `{% mermaid () %}`: Zola's shortcode call allows spaces before `(`; the
        // name runs to it.
        let after = inner[word.len()..].trim_start();
        if matches!(self.kind, Kind::Liquid | Kind::Expression)
            && !word.contains('(')
            && after.starts_with('(')
        {
            return &inner[..inner.len() - after.len() + 1];
        }
        word
    }

    pub(super) fn written(&self, text: &str) -> String {
        let written = &text[self.range.clone()];
        let mut short: String = written.chars().take(60).collect();
        if short.len() < written.len() {
            short.push('…');
        }
        short.replace('\n', " ")
    }
}

/// The tag opening at `at` (where `{{`, `{%` or `<%` is), if it is one.
fn tag_at(text: &str, at: usize, ends: &Ends) -> Option<Tag> {
    let rest = &text[at..];
    let (kind, open, which, close_len) = if rest.starts_with("{{<") {
        (Kind::HugoRaw, 3, 0, 3)
    } else if rest.starts_with("{{%") {
        if let Some(tag) = ends::preprocessor_directive(rest, at) {
            return Some(tag);
        }
        (Kind::HugoMarkdown, 3, 1, 3)
    } else if rest.starts_with("{%") {
        (Kind::Liquid, 2, 2, 2)
    } else if rest.starts_with("<%") {
        (Kind::Templater, 2, 4, 2)
    } else if let Some(after) = rest.strip_prefix("{{") {
        let kind = if after.trim_start().starts_with('#') {
            Kind::Mdbook
        } else {
            Kind::Expression
        };
        (kind, 2, 3, 2)
    } else {
        return None;
    };
    let end = ends.find(which, at + open)?;
    let mut inner = text[at + open..end].trim().to_string();
    // `{{</ output >}}`, `{{< / note >}}`: Hugo reads a closing tag with spaces after `/`.
    if let Some(name) = inner.strip_prefix('/').filter(|_| open == 3) {
        inner = format!("/{}", name.trim_start());
    }
    if inner.is_empty() {
        return None;
    }
    // `{{</* name */>}}`: Hugo's way to show a shortcode as text (`shortcode_escapes.rs`).
    if matches!(kind, Kind::HugoRaw | Kind::HugoMarkdown)
        && inner.starts_with("/*")
        && inner.ends_with("*/")
    {
        return None;
    }
    if kind == Kind::Mdbook && super::include::is_include(inner[1..].split_whitespace().next()?) {
        // Left by the include pass: escaped, or inside code.
        return None;
    }
    Some(Tag {
        range: at..end + close_len,
        kind,
        inner,
    })
}

/// The tags of `text` outside code, in order.
pub(super) fn tags(text: &str, options: Options, html: bool) -> Vec<Tag> {
    let mut literal = None;
    let mut ends = None;
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(['{', '<']) {
        let at = from + i;
        from = at + 1;
        let next = text.as_bytes().get(at + 1);
        let opens = match text.as_bytes()[at] {
            b'{' => matches!(next, Some(b'{' | b'%')),
            _ => next == Some(&b'%'),
        };
        if !opens {
            continue;
        }
        if at > 0 && text.as_bytes()[at - 1] == b'\\' {
            from = at + 2;
            continue;
        }
        let ends = ends.get_or_insert_with(|| Ends::of(text));
        let Some(tag) = tag_at(text, at, ends) else {
            from = at + 2;
            continue;
        };
        // Code, and HTML comments, which no page shows.
        let literal = literal.get_or_insert_with(|| {
            let mut ranges = super::hugo_html::literal_ranges(text, options, html);
            ranges.extend(html_comment_ranges(text, options));
            ranges.sort_by_key(|r| r.start);
            // One range for each stretch, as `inside` reads them.
            let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(ranges.len());
            for range in ranges {
                match merged.last_mut() {
                    Some(last) if last.end >= range.start => last.end = last.end.max(range.end),
                    _ => merged.push(range),
                }
            }
            merged
        });
        if inside(literal, at) {
            from = at + 2;
            continue;
        }
        from = tag.range.end;
        if tag.kind == Kind::Liquid && is_raw(&tag.inner, "raw") {
            // `{% raw %}` … `{% endraw %}`: text, tags in it included, as Liquid and
            // Tera (Zola) show it; both tags are taken out, with no warning.
            if let Some(end) = raw_end(text, from, ends) {
                found.push(Tag {
                    kind: Kind::Raw,
                    ..tag
                });
                from = end.range.end;
                found.push(end);
                continue;
            }
        }
        found.push(tag);
    }
    found
}

pub(super) fn strip(
    text: &str,
    article: &Article,
    options: Options,
    out: &mut Expanded,
) -> (String, SegMap) {
    let tags = tags(text, options, crate::load::is_html_page(article.file));
    let tags = super::shortcode_escapes::outside_zola_escapes(tags, text, article);
    let mut splice = Splice::new(text);
    let mut copied = 0;
    // Closing tags already reported with their opening one, and those that end what
    // their opening one began (a link's `](…)`).
    let mut answered: std::collections::HashSet<usize> = std::collections::HashSet::new();
    let mut closings: std::collections::HashMap<usize, String> = Default::default();
    let pairs = pairs(&tags);
    for (i, tag) in tags.iter().enumerate() {
        let end = closings.remove(&tag.range.start);
        if tag.range.start < copied || end.is_some() || answered.contains(&tag.range.start) {
            if tag.range.start >= copied {
                splice.copy(copied..tag.range.start);
                splice.insert(end.as_deref().unwrap_or_default(), tag.range.start);
                copied = tag.range.end;
            }
            continue;
        }
        let name = tag.name().to_string();
        // The closing tag, if any; a pair whose template shows its text keeps it, as `{{% %}}`.
        let pair = pairs.get(&i).map(|&j| &tags[j]);
        let inner = inner_of(text, tag, pair);
        let shown = match tag.kind {
            Kind::HugoRaw => super::hugo_raw::shows_inner(article, &name, inner),
            Kind::Liquid => super::zola_styles::styled(article, &name, pair.is_some()),
            _ => None,
        };
        let swallow = match tag.kind {
            Kind::HugoRaw => shown.is_none(),
            // An inline shortcode's body is its own Go template (gohugo.io, "Inline
            // shortcodes"), which Hugo runs and never shows as the page's text; one
            // with no template action in it is read above (`hugo_pair`).
            Kind::HugoMarkdown => name.ends_with(".inline"),
            Kind::Liquid => matches!(name.as_str(), "raw" | "highlight" | "comment"),
            _ => false,
        };
        // A Hugo pair whose body is not Markdown: code, or HTML (`foreign_body.rs`).
        if let Some((pair, body)) = pair.and_then(|p| Some((p, hugo_pair(text, tag, p, article)?)))
        {
            splice.copy(copied..tag.range.start);
            splice.insert(&body, tag.range.start);
            copied = pair.range.end;
            continue;
        }
        // Read in place: Hugo Blox's `toc`, `cta`… (`hugo_blox.rs`), Hugo's `details`,
        // `youtube`… (`hugo_builtins.rs`), a theme's contents, `{{< figure >}}`.
        let lone = pair.is_none();
        let in_place = matches!(tag.kind, Kind::HugoRaw | Kind::HugoMarkdown).then(|| {
            super::hugo_blox::in_place(&name, &tag.inner, !lone)
                .or_else(|| super::hugo_builtins::in_place(&name, &tag.inner, !lone))
                .or_else(|| {
                    super::hugo_themes::in_place(&name, &tag.inner, !lone, &text[..tag.range.start])
                })
                .or_else(|| hugo_lists(tag, article, lone).map(|m| (m.into(), None)))
                .or_else(|| {
                    // A pair drawing one link around its text, on one line (`hugo_link.rs`).
                    let inner = inner_of(text, tag, Some(pair?));
                    if inner.trim().is_empty() || inner.contains('\n') {
                        return None;
                    }
                    let template = super::hugo_raw::template(article, &name)?;
                    let (start, end) = super::hugo_link::around(&template, &tag.inner)?;
                    Some((start, Some(end)))
                })
                .or_else(|| {
                    let figure = lone && (name == "figure" || draws_image(article, &name));
                    (figure.then(|| super::hugo_figure::in_place(text, &tag.range, &tag.inner)))
                        .flatten()
                        .map(|figure| (figure, None))
                })
        });
        if let Some((start, end)) = in_place.flatten() {
            splice.copy(copied..tag.range.start);
            splice.insert(&start, tag.range.start);
            copied = tag.range.end;
            closings.extend(pair.map(|p| p.range.start).zip(end));
            continue;
        }
        // Hugo's `{{< ref "other.md#part" >}}`, Jekyll's `{% link other.md %}`: a page's
        // address, which attune reads as a link to that file or path (`page_link.rs`).
        // Outside a link's address (or an HTML attribute's), the tool writes the
        // address as text: reported below, as other tags are.
        if let Some(target) = page_link(tag, &name, article, text)
            .filter(|_| in_address(text, &tag.range, &tags[..i]).is_some())
        {
            splice.copy(copied..tag.range.start);
            splice.insert(&target, tag.range.start);
            copied = tag.range.end;
            continue;
        }
        // `{{< param "name" >}}`: the page's or the site's parameter (`hugo_param.rs`);
        // a site's shortcode whose template is fixed text, that text (`hugo_fixed.rs`);
        // Jekyll's `{{ page.version }}`, the page's own front matter's.
        if let Kind::HugoRaw | Kind::HugoMarkdown | Kind::Expression = tag.kind {
            let address = in_address(text, &tag.range, &tags[..i]).is_some();
            let value = match tag.kind {
                Kind::Expression => super::hugo_param::jekyll_page(&tag.inner, article),
                _ => super::hugo_fixed::value(&name, tag, pair.is_none(), article, address),
            };
            if let Some(value) = value {
                splice.copy(copied..tag.range.start);
                splice.insert(&value, tag.range.start);
                copied = tag.range.end;
                continue;
            }
        }
        // `{% mermaid() %}` … `{% end %}` and other Zola shortcodes whose body is not
        // Markdown: a code block, math, or left out (`foreign_body.rs`).
        if let Some(pair) = pair.filter(|_| tag.kind == Kind::Liquid) {
            if let Some(body) = zola_body(text, tag, pair) {
                splice.copy(copied..tag.range.start);
                copied = pair.range.end;
                if let Some(replacement) = &body.text {
                    splice.insert(replacement, tag.range.start);
                }
                if let Some(diagnostic) = body.diagnostic {
                    out.unsupported(article, tag.range.start, diagnostic);
                }
                continue;
            }
        }
        // GitBook's `{% embed url="…" %}` (a card showing the page, `caption="…"` or the
        // text before `{% endembed %}` under it): a link to that page, its caption kept.
        if tag.kind == Kind::Liquid && name == "embed" {
            if let Some(link) = embed_link(&tag.inner) {
                splice.copy(copied..tag.range.start);
                splice.insert(&link, tag.range.start);
                copied = tag.range.end;
                if let Some(pair) = pair {
                    answered.insert(pair.range.start);
                }
                continue;
            }
        }
        // Tabs (mdbook-tabs', GitBook's): each tab's text under its name in bold;
        // `{% raw %}`: its text as it is written.
        let label = tab_label(tag.kind, &name, &tag.inner)
            .or_else(|| gitbook_block(tag.kind, &name, &tag.inner));
        if let Some(mut label) = label.or_else(|| (tag.kind == Kind::Raw).then(String::new)) {
            // A GitBook block tag ending a line of text (`Done. {% endtab %}`) ends the
            // block there: the text's paragraph too, so what follows is not its text.
            if label.is_empty() && tag.kind == Kind::Liquid && ends::ends_text(text, &tag.range) {
                label.push('\n');
            }
            splice.copy(copied..tag.range.start);
            splice.insert(&label, tag.range.start);
            copied = tag.range.end;
            continue;
        }
        // A tag in a link's or image's address (`[x]({{#DOCS_URL}}/a.html)`, `<img
        // src="{{ site.baseurl }}/a.png">`): the address is unknown without the tool that
        // fills it in, so the link is published as its text (see [`ADDRESS_MARK`]), with
        // this one diagnostic and none for what is left of the address.
        if let Some(address) = in_address(text, &tag.range, &tags[..i]) {
            splice.copy(copied..tag.range.start);
            splice.insert(ADDRESS_MARK, tag.range.start);
            copied = tag.range.end;
            let diagnostic = in_address_diagnostic(tag.kind, &name, &tag.written(text), &address);
            out.unsupported(article, tag.range.start, diagnostic);
            continue;
        }
        // A Logseq graph's macros (`logseq.rs`); any other `{{ … }}` there is text.
        if tag.kind == Kind::Expression && article.expressions == Expressions::Logseq {
            if let Some(found) = super::logseq::in_place(&tag.inner, &tag.written(text)) {
                splice.copy(copied..tag.range.start);
                copied = tag.range.end;
                match found {
                    Ok(text) => splice.insert(&text, tag.range.start),
                    Err(d) => out.unsupported(article, tag.range.start, d),
                }
            }
            continue;
        }
        // An Obsidian vault or a Quartz garden shows `{{ name }}` as it is written (a
        // message template's `{{1}}`, a prompt's `{{user_input}}`): text, no tag.
        // So does a Hugo or Zola site, but for Zola's shortcode calls; and a GitHub
        // Actions expression (`${{ secrets.TOKEN }}`) is text where no Liquid runs.
        let text_here = match article.expressions {
            Expressions::Template | Expressions::Mdx => text[..tag.range.start].ends_with('$'),
            Expressions::Liquid | Expressions::MkDocs { .. } | Expressions::Vue => false,
            Expressions::Vault { .. } | Expressions::Logseq => true,
            Expressions::Text => zola_shortcode(&name).is_none(),
        };
        if tag.kind == Kind::Expression && text_here {
            continue;
        }
        splice.copy(copied..tag.range.start);
        copied = tag.range.end;
        if let Some(pair) = pair {
            if swallow {
                copied = pair.range.end;
            } else {
                answered.insert(pair.range.start);
            }
        }
        // A pair whose template only styles its text (Congo's `lead`) loses nothing;
        // nor does one that prints some of its arguments above it, shown in bold.
        match &shown {
            Some(super::hugo_raw::Inner::Styled) => continue,
            Some(super::hugo_raw::Inner::Labelled(labels)) => {
                let args = super::hugo_figure::Args::of(&tag.inner);
                let words = labels.iter().filter_map(|label| match label {
                    super::hugo_styles::Arg::Nth(n) => args.nth(*n),
                    super::hugo_styles::Arg::Named(name) => args.get(name),
                });
                // In a page written in HTML, the words as HTML.
                let bold: String = match crate::load::is_html_page(article.file) {
                    true => words
                        .map(|w| format!("<p><strong>{}</strong></p>", crate::text::escape(w)))
                        .collect(),
                    false => words.map(super::hugo_themes::bold).collect(),
                };
                splice.insert(&bold, tag.range.start);
                continue;
            }
            _ => {}
        }
        let left_out = match (pair, swallow) {
            (Some(pair), true) => LeftOut::Through(pair.written(text)),
            (Some(pair), false) => LeftOut::TagsOf(pair.written(text)),
            (None, _) => LeftOut::Tag,
        };
        // Liquid's `{% comment %}` pair is left out as Liquid leaves it out: nothing lost.
        if !(swallow && pair.is_some() && name == "comment") {
            let diagnostic = describe(tag.kind, &name, &tag.written(text), &left_out);
            out.unsupported(article, tag.range.start, diagnostic);
        }
    }
    splice.copy(copied..text.len());
    (splice.out, splice.map)
}
