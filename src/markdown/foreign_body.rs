//! Shortcode pairs whose body is not Markdown. Hugo's `{{< highlight lang >}}` is a
//! fenced code block. Zola passes a body shortcode's text (`{% name(args) %}` …
//! `{% end %}`) to its template, which most themes show as Markdown (a note, a quote,
//! a details block: `foreign.rs` keeps that text); a diagram's or code's body is not
//! Markdown, and math is TeX:
//!
//! - `mermaid`: a ```` ```mermaid ```` block, with attune's Mermaid warning (shown as
//!   its code), as a fence of that language is;
//! - `katex`, `math`, `latex`, `tex`: the TeX as math (`$$…$$` with `block=true` or a
//!   body of several lines, else `$…$`, as within a line), drawn as MathML like any
//!   math;
//! - `code`, `codeblock`, `highlight`: a fenced code block in its `lang`/`language`
//!   argument, with nothing lost, so no warning;
//! - other diagram languages (`plantuml`, `graphviz`, `dot`, `d2`, …): a code block in
//!   that language with one unsupported-syntax diagnostic, as the picture is lost.
//!
//! Each needs its tags on lines of their own, as Zola asks ("needs to be in a
//! newline"); otherwise the pair and its body are one diagnostic and left out, never
//! shown as paragraphs.

mod cards;
mod tabs;
pub(super) use cards::{embed_link, gitbook_block};
pub(super) use tabs::tab_label;

use super::expand::Article;
use super::foreign::{zola_shortcode, Kind, Tag};
use crate::diagnostic::{Code, Diagnostic};

/// What a Zola body shortcode pair becomes: text in its place (none: left out) and the
/// diagnostic to report at its opening tag, if any.
pub(super) struct Body {
    pub(super) text: Option<String>,
    pub(super) diagnostic: Option<Diagnostic>,
}

/// Diagram languages whose body shortcodes are shown as code.
const DIAGRAMS: &[&str] = &[
    "plantuml",
    "graphviz",
    "dot",
    "d2",
    "ditaa",
    "wavedrom",
    "vega",
    "vegalite",
    "vega_lite",
    "echarts",
    "chart",
    "charts",
    "abc",
    "nomnoml",
    "svgbob",
    "bpmn",
];

/// The pair `open` … `close` (`{% name(args) %}` … `{% end %}`) when its body is not
/// Markdown; `None` for other shortcodes, whose body `foreign.rs` keeps.
pub(super) fn zola_body(text: &str, open: &Tag, close: &Tag) -> Option<Body> {
    if open.kind != Kind::Liquid {
        return None;
    }
    if let Some(code) = liquid_code(text, open, close) {
        return Some(code);
    }
    let name = zola_shortcode(open.name())?.to_ascii_lowercase();
    let args = open
        .inner
        .split_once('(')
        .map_or("", |(_, a)| a.rsplit_once(')').map_or(a, |(a, _)| a));
    let argument = |key: &str| argument(args, key);
    let math = matches!(name.as_str(), "katex" | "math" | "latex" | "tex");
    let code = matches!(name.as_str(), "code" | "codeblock" | "highlight");
    let diagram = name == "mermaid" || DIAGRAMS.contains(&name.as_str());
    let written = open.written(text);
    let closing = close.written(text);
    if !(math || code || diagram) {
        // A body of JSON is data for the theme's script (`foreign_data.rs`).
        let inner = own_lines(text, open, close)?;
        return super::foreign_data::json_body(&written, &closing, inner.indent, inner.code);
    }
    let body = &text[open.range.end..close.range.start];
    if math && !body.contains('\n') && !body.trim().is_empty() {
        // `{% katex() %}x^2{% end %}` within a line: inline math (`block=true`: display).
        let dollars = if argument("block").as_deref() == Some("true") {
            "$$"
        } else {
            "$"
        };
        return Some(Body {
            text: Some(format!("{dollars}{}{dollars}", body.trim())),
            diagnostic: None,
        });
    }
    // Zola: the body starts on the line after the opening tag.
    let Some(inner) = own_lines(text, open, close).filter(|i| i.code.starts_with('\n')) else {
        // Not on lines of their own: not Zola's body, and not Markdown either.
        return Some(Body {
            text: None,
            diagnostic: Some(
                Diagnostic::error(
                    Code::UnsupportedSyntax,
                    format!("Zola shortcode `{written}` … `{closing}` is not supported: attune does not run templates in content"),
                )
                .help(format!(
                    "the shortcode and everything up to `{closing}` are left out of the page; {}",
                    instead(&name)
                )),
            ),
        });
    };
    if math {
        let tex = inner.code.trim();
        let block = argument("block").is_some_and(|b| b == "true") || tex.contains('\n');
        let math = if block {
            format!("$$\n{tex}\n$$")
        } else {
            format!("${tex}$")
        };
        return Some(Body {
            text: Some(format!("{}{math}", inner.indent)),
            diagnostic: None,
        });
    }
    let language = if code {
        argument("lang")
            .or_else(|| argument("language"))
            .unwrap_or_default()
    } else {
        name.clone()
    };
    let fenced = fenced_code(text, open, close, &language)?;
    let diagnostic = (diagram && name != "mermaid").then(|| {
        Diagnostic::error(
            Code::UnsupportedSyntax,
            format!("Zola shortcode `{written}` … `{closing}` is not supported: attune does not draw {name} diagrams"),
        )
        .help(format!(
            "the page shows the diagram's source as a code block; {}",
            instead(&name)
        ))
    });
    Some(Body {
        text: Some(fenced),
        diagnostic,
    })
}

/// Liquid's code pairs: Jekyll's `{% highlight ruby linenos %}` … `{% endhighlight %}`,
/// Octopress's and Hexo's `{% codeblock [title] lang:js %}` … `{% endcodeblock %}`
/// (`code` … `endcode` in Hexo): a fenced code block in that language, never the
/// page's Markdown (a `# comment` in it was a heading). A fence in a `highlight` or
/// `codeblock` body is code too, shown as written (Just the Docs' docs show Markdown
/// examples so); GitBook's `{% code %}`, around a fenced block of its own, is not one.
fn liquid_code(text: &str, open: &Tag, close: &Tag) -> Option<Body> {
    let name = open.name();
    let paired = close.name().strip_prefix("end") == Some(name);
    if !matches!(name, "highlight" | "codeblock" | "code") || !paired {
        return None;
    }
    let args: Vec<&str> = open.inner.split_whitespace().skip(1).collect();
    let language: Option<&str> = match name {
        "highlight" => args.first().copied().filter(|a| !a.contains([':', '='])),
        _ => args.iter().find_map(|a| a.strip_prefix("lang:")),
    };
    let body = own_lines(text, open, close)?;
    let first = body.code.trim_start();
    if name == "code" && (first.starts_with("```") || first.starts_with("~~~")) {
        return None;
    }
    Some(Body {
        text: Some(fenced_code(text, open, close, language.unwrap_or(""))?),
        diagnostic: None,
    })
}

fn instead(name: &str) -> &'static str {
    match name {
        "katex" | "math" | "latex" | "tex" => "write the TeX as math: $…$ inline, $$…$$ on lines of their own",
        "code" | "codeblock" | "highlight" => "write the code in a fenced code block (```lang)",
        _ => "draw the diagram as an image (SVG or PNG) and show it with ![description](diagram.svg); attune pages run no script from elsewhere",
    }
}

/// The value of argument `key` in a Zola call's arguments (`lang="rust", block=true`),
/// unquoted.
fn argument(args: &str, key: &str) -> Option<String> {
    args.split(',').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k.trim() == key).then(|| {
            v.trim()
                .trim_matches(|c| matches!(c, '"' | '\'' | '`'))
                .to_string()
        })
    })
}

/// A pair's body and its opening tag's indent.
struct Inner<'t> {
    indent: &'t str,
    code: &'t str,
}

/// The opening tag's indent when the pair is a block of its own: nothing before the
/// opening tag on its line but spaces, nothing after the closing one.
fn block_indent<'t>(text: &'t str, open: &Tag, close: &Tag) -> Option<&'t str> {
    let line_start = text[..open.range.start].rfind('\n').map_or(0, |n| n + 1);
    let indent = &text[line_start..open.range.start];
    let rest_of_line = text[close.range.end..].split('\n').next().unwrap_or("");
    (indent.chars().all(|c| c == ' ') && rest_of_line.trim().is_empty()).then_some(indent)
}

/// The text between `open` and `close` when each tag stands on a line of its own, with
/// the opening tag's indent.
fn own_lines<'t>(text: &'t str, open: &Tag, close: &Tag) -> Option<Inner<'t>> {
    let indent = block_indent(text, open, close)?;
    let before_close = &text[..close.range.start];
    let close_line = &before_close[before_close.rfind('\n').map_or(0, |n| n + 1)..];
    if !close_line.trim().is_empty() || open.range.end > close.range.start - close_line.len() {
        return None;
    }
    let code = &text[open.range.end..close.range.start - close_line.len()];
    Some(Inner { indent, code })
}

/// The text between `open` and `close` when the pair is a block of its own with its
/// text beside its tags, on one line or more (kueue's Docsy tab
/// `{{< tab header="Bash" >}}echo …{{< /tab >}}`).
fn tags_around<'t>(text: &'t str, open: &Tag, close: &Tag) -> Option<Inner<'t>> {
    let indent = block_indent(text, open, close)?;
    let code = text[open.range.end..close.range.start].trim_matches('\n');
    (!code.trim().is_empty()).then_some(Inner { indent, code })
}

/// What a Hugo shortcode pair whose body is not Markdown stands for:
/// `{{< highlight lang >}}` … `{{< /highlight >}}` on lines of their own is Hugo's code
/// block, Markdown's fenced code block (nothing is lost); the themes' `{{< mermaid >}}`
/// (Hugo Book, Relearn, Geekdoc, Docsy sites', also as `{{% %}}`) a ```` ```mermaid ````
/// block, as Zola's `{% mermaid() %}` is; a site's own shortcode printing its inner
/// text as it is (`rawhtml`, see `hugo_raw.rs`) that text as raw HTML, and one
/// showing it as highlighted code (kind's `{{< codeFromInline lang="bash" >}}`) a
/// fenced code block in the language its call gives; an inline shortcode with no
/// template action in it, its text as raw HTML.
pub(super) fn hugo_pair(text: &str, open: &Tag, close: &Tag, article: &Article) -> Option<String> {
    use super::hugo_raw::ShownAs;
    let name = open.name();
    match open.kind {
        Kind::HugoMarkdown if name == "mermaid" => fenced_code(text, open, close, "mermaid"),
        Kind::HugoRaw if name == "mermaid" => fenced_code(text, open, close, "mermaid"),
        Kind::HugoRaw if name == "highlight" => {
            let language = open.inner.split_whitespace().nth(1).unwrap_or("");
            fenced_code(text, open, close, language)
                .or_else(|| code_in_cell(text, open, close, language))
        }
        // An inline shortcode (Hugo's `enableInlineShortcodes`) is its own template:
        // one holding no template action prints its text as it is (PaperMod's
        // `{{< math.inline >}} <p>Inline math: \(…\)</p> {{</ math.inline >}}`).
        Kind::HugoRaw | Kind::HugoMarkdown if name.ends_with(".inline") => {
            let inner = &text[open.range.end..close.range.start];
            (!inner.contains("{{")).then(|| super::raw_html::as_html(inner))
        }
        Kind::HugoRaw | Kind::HugoMarkdown => match super::hugo_raw::shown_as(article, name) {
            Some(ShownAs::Html) => Some(super::raw_html::as_html(
                &text[open.range.end..close.range.start],
            )),
            Some(ShownAs::Code(language)) => {
                fenced_code(text, open, close, &code_language(&open.inner, language))
            }
            // Docsy's code tabs and cards, comments, `imgproc` (`hugo_themes/`).
            None => super::hugo_themes::pair(text, open, close, article),
        },
        Kind::Mdbook => cards::ref_pair(text, open, close),
        _ => None,
    }
}

/// The language a site's code shortcode's call gives (see
/// [`super::hugo_raw::CodeLanguage`]): `{{< codeFromInline lang="bash" >}}`.
fn code_language(inner: &str, language: super::hugo_raw::CodeLanguage) -> String {
    use super::hugo_raw::CodeLanguage;
    let args = inner.split_once(char::is_whitespace).map_or("", |(_, a)| a);
    match language {
        CodeLanguage::Fixed(language) => language,
        CodeLanguage::Named(key) => super::hugo_figure::named_args(args)
            .into_iter()
            .find_map(|(k, v)| (k == key).then_some(v))
            .unwrap_or_default(),
        CodeLanguage::Nth(n) => args
            .split_whitespace()
            .filter(|w| !w.contains('='))
            .nth(n)
            .unwrap_or_default()
            .trim_matches(['"', '`'])
            .to_string(),
        CodeLanguage::None => String::new(),
    }
}

/// `{{< highlight go >}}x := 1{{< /highlight >}}` in a table row (a line with a `|`
/// outside the pair): Hugo's code block in the cell, which Hugo writes there as the
/// shortcode's HTML (its placeholder is in the cell when the table is read). The same
/// block, as HTML on the row's line, its punctuation written as character references
/// (`|` as `&#124;`, so the row keeps its cells). `None` elsewhere (a pair of several
/// lines, or within a line of prose).
fn code_in_cell(text: &str, open: &Tag, close: &Tag, language: &str) -> Option<String> {
    let code = &text[open.range.end..close.range.start];
    let line_start = text[..open.range.start].rfind('\n').map_or(0, |n| n + 1);
    let line_end = text[close.range.end..]
        .find('\n')
        .map_or(text.len(), |n| close.range.end + n);
    let before = &text[line_start..open.range.start];
    let after = &text[close.range.end..line_end];
    if code.contains('\n') || !(before.contains('|') || after.contains('|')) {
        return None;
    }
    let language = info_string(language);
    let class = match language.is_empty() {
        true => String::new(),
        false => format!(" class=\"language-{language}\""),
    };
    // Between the HTML tags the line is still Markdown: each punctuation mark is a
    // character reference, so none is read as emphasis, code, a link or a cell's end.
    let code: String = code
        .trim()
        .chars()
        .map(|c| match c.is_ascii_punctuation() {
            true => format!("&#{};", c as u32),
            false => c.to_string(),
        })
        .collect();
    Some(format!(
        "<pre class=\"hl\"><code{class}>{code}</code></pre>"
    ))
}

/// The characters of `language` an info string may hold, quotes taken off.
fn info_string(language: &str) -> String {
    language
        .trim_matches('"')
        .chars()
        .filter(|c| c.is_alphanumeric() || "+-#._".contains(*c))
        .collect()
}

/// mdbook-toc's marker, which asks for the page's "On this page" contents in place.
pub(super) const TOC_MARK: &str = "<!-- toc -->";

/// The text between a tag and its closing tag (none for a lone tag).
pub(super) fn inner_of<'t>(text: &'t str, open: &Tag, close: Option<&Tag>) -> &'t str {
    &text[open.range.end..close.map_or(open.range.end, |c| c.range.start)]
}

/// What a lone Hugo shortcode with no argument but named options, listing the page's
/// own parts, stands for: a theme's table of contents (`{{< toc >}}`,
/// `{{< page/toc placement="inline" >}}`, its template printing `.TableOfContents`)
/// is mdbook-toc's marker; a list of the page's child pages (linkerd's `section-toc`,
/// ranging over `.Page.Pages`; Relearn's and Learn's `children`) is nothing, as
/// attune's hub lists them and any other page has none.
pub(super) fn hugo_lists(tag: &Tag, article: &Article, lone: bool) -> Option<&'static str> {
    let options = tag
        .inner
        .split_whitespace()
        .skip(1)
        .all(|a| a.contains('='));
    if !lone || !options || !matches!(tag.kind, Kind::HugoRaw | Kind::HugoMarkdown) {
        return None;
    }
    use super::hugo_raw::PageList;
    match super::hugo_raw::page_list(article, tag.name())? {
        PageList::Toc => Some(TOC_MARK),
        PageList::Pages => Some(""),
    }
}

/// A shortcode pair as a fenced code block in `language` (the characters an info
/// string may hold), when each tag stands on a line of its own (nothing before the
/// opening tag or after the closing one but spaces).
pub(super) fn fenced_code(text: &str, open: &Tag, close: &Tag, language: &str) -> Option<String> {
    let Inner { indent, code } =
        own_lines(text, open, close).or_else(|| tags_around(text, open, close))?;
    let language = info_string(language);
    let code = code.strip_prefix('\n').unwrap_or(code);
    // Hugo prints the pair where its opening tag is, whatever its lines' indent: a
    // line less indented than the tag (kind's code in a list item, written from the
    // line's start) is indented as the tag, so it stays in the tag's list item.
    let code: std::borrow::Cow<str> = match indent.is_empty() {
        true => code.into(),
        false => (code.split_inclusive('\n'))
            .map(
                |line| match line.starts_with(indent) || line.trim().is_empty() {
                    true => line.to_string(),
                    false => format!("{indent}{line}"),
                },
            )
            .collect::<String>()
            .into(),
    };
    // A fence longer than any run of backticks in the code.
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let newline = if code.is_empty() || code.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    Some(format!("{fence}{language}\n{code}{newline}{indent}{fence}"))
}
