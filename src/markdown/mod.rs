//! One article's Markdown → HTML body plus everything the site model needs from it:
//! headings with stable ids, outgoing links with their source positions, citations,
//! glossary mentions, plain text for search and readability.
//!
//! Links to other articles cannot be written yet (their titles and URLs belong to the whole
//! site), so the body holds the link marks of [`crate::marks`] `site` and `render` fill in.

mod abbreviations;
mod admonish;
mod admonitions;
mod autolinks;
mod builder;
mod callouts;
mod code;
mod comments;
mod containers;
mod dataview;
mod dendron_links;
mod elements;
mod emoji;
mod expand;
mod foreign;
mod foreign_address;
mod foreign_body;
mod foreign_data;
mod foreign_help;
mod glossary;
mod goldmark_attributes;
mod headings;
pub mod highlight;
mod html;
mod html_blocks;
mod hugo_blox;
mod hugo_builtins;
mod hugo_callouts;
mod hugo_figure;
mod hugo_fixed;
mod hugo_html;
mod hugo_link;
mod hugo_param;
mod hugo_raw;
mod hugo_ref;
mod hugo_styles;
mod hugo_themes;
mod ids;
mod images;
mod include;
mod inline_code;
mod jsx_attributes;
mod kramdown_callouts;
mod kramdown_extensions;
mod line_index;
mod linked_wikilinks;
mod links;
mod listings;
mod logseq;
mod logseq_blocks;
mod material;
pub(crate) mod math;
mod math_blocks;
mod math_html;
mod math_prices;
mod mathjax;
mod mdx;
mod mkdocs_links;
mod obsidian;
mod page_link;
mod prose;
mod zola_styles;
use prose::{is_inline, is_inline_end};
mod raw;
mod raw_code_links;
mod raw_html;
mod raw_text;
mod readability;
mod rebase;
mod reference_wikilinks;
mod references;
mod sanitize;
mod shortcode_escapes;
mod spec_rules;
mod table_links;
mod tasks;
mod toc_ids;
mod unlinked_wikilinks;
mod vue_home;
mod zola_components;

pub use line_index::LineIndex;

pub use abbreviations::site_wide as site_abbreviations;
use builder::Builder;
pub use expand::Expressions;
pub use glossary::Glossary;
pub use headings::Title;
pub use html::{
    scan as scan_html, start_tag, without_meta_refresh, Attribute as HtmlAttribute, RefKind,
};
pub use ids::{heading_slug, PAGE_IDS};
pub use images::BaseEmbed;
pub(crate) use images::{is_image, web_page_embed, BASES_VIEW};
pub use include::{
    includes_hash, includes_now, place_included, snippets, Included, IncludedAt, VIRTUAL_LINE,
};
pub use links::{fill_labels, fill_placeholders, href_attr, is_external, split_anchor};
pub use prose::{plain_summary, summary_before_more};
pub use sanitize::{keeps_url, sanitize};
pub use spec_rules::{addresses as rule_addresses, RuleAddresses};
pub use {obsidian::join_tags, readability::TextStats};

use crate::config::{BrokenLinks, UnsupportedSyntax};
use crate::diagnostic::Diagnostics;
use crate::load::Reference;
use crate::text::escape;
use pulldown_cmark::{CowStr, Event, Options, Parser};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

const CITE_PREFIX: &str = "attune-cite:";

/// What the parser needs to know about the site that does not depend on other articles.
pub struct ParseContext<'a> {
    pub smart_punctuation: bool,
    pub references: &'a BTreeMap<String, Reference>,
    pub glossary: &'a Glossary,
    /// Relative prefix from an article page to the site root (`../../`).
    pub root: &'a str,
    /// `index.html` in offline builds, empty otherwise.
    pub index: &'a str,
    /// The site's folder (holding book.toml), the content folder and the article's
    /// path in it, where `{{#include}}` reads; `None` refuses includes.
    pub content: Option<(&'a Path, &'a Path, &'a Path)>,
    /// `[build] include_root`: the folder includes may read, from the site's folder.
    pub include_root: &'a str,
    /// Whether other tools' template syntax is a warning or an error.
    pub unsupported_syntax: UnsupportedSyntax,
    /// Whether a reference leading nowhere (an include, a citation) is an error or not.
    pub broken_links: BrokenLinks,
    /// Whether code blocks are highlighted (not when only checking).
    pub highlight: bool,
    /// What `{{ name }}` is: in an Obsidian vault (a `.obsidian/` folder) or a Quartz
    /// garden (`quartz.config.ts`, `.yaml`) text, as Obsidian and Quartz show it (a WhatsApp
    /// template's `{{1}}`, a prompt's `{{user_input}}`); on a Hugo or Zola site text
    /// too, but for Zola's shortcode calls; elsewhere a template expression left out.
    pub expressions: Expressions,
    /// Dendron's wikilinks, label first: `[[Label|note.path]]` links to `note.path`
    /// (a `dendron.yml` beside the notes; see `dendron_links.rs`).
    pub label_first_wikilinks: bool,
    /// Whether Obsidian's marks in text are read: `#word` a tag (`obsidian/`), `%% … %%`
    /// a comment left out (`comments.rs`). In a vault, and on a site of attune's own;
    /// on an mdBook, Hugo or MkDocs site, as those tools show them, text.
    pub obsidian_text: bool,
    /// Whether `:wave:` is an emoji, as the site's tool writes it (`emoji.rs`).
    pub emoji: bool,
    /// Whether a single line break in a paragraph is a hard one (`<br>`): in a Quartz
    /// garden listing `Plugin.HardLineBreaks()` (see `load::quartz`).
    pub hard_breaks: bool,
    /// TeX every formula starts with: mdbook-katex's macros ([`crate::config::mdbook`]).
    pub math_definitions: &'a str,
    /// mdBook's `mathjax-support`: `\\( … \\)` and `\\[ … \\]` are math (`mathjax.rs`).
    pub mathjax: bool,
    /// mdBook's `[output.html.code.hidelines]`: language → the prefix of the lines its
    /// code blocks hide, when a block gives no `hidelines=` of its own (`code.rs`).
    pub code_hidelines: &'a BTreeMap<String, String>,
    /// A Hugo site's passthrough delimiters, `(open, close, display)`: what stands
    /// between a pair is TeX, math (see `mathjax.rs`, `load::hugo_params::passthrough`).
    pub passthrough: &'a [(String, String, bool)],
    /// The callouts a Just the Docs site names (`kramdown_callouts.rs`).
    pub callouts: &'a [crate::load::just_the_docs::Callout],
    /// Where each rule mdbook-spec's markers name stands (`spec_rules.rs`).
    pub rules: &'a RuleAddresses,
    /// Bare `www.…`, `https://…` and e-mail addresses in prose are links, as GitHub
    /// shows them (`[build] autolinks`).
    pub autolinks: bool,
    /// A Hugo site's `[params]`, which `{{< param >}}` reads (see `hugo_param.rs`).
    pub site_params: Option<&'a serde_json::Value>,
    /// The keys Hugo's `cascade` hands this page, which `{{< param >}}` reads after its own.
    pub cascaded: Option<&'a serde_json::Value>,
    /// The folder, from the content folder, that the article's relative links are
    /// written from when it is not the article's own: GitBook's `structure.readme` in
    /// a folder below, the home page's text (see [`rebase`]).
    pub links_from: Option<&'a str>,
    /// A Logseq graph's blocks by id (`((id))` names one: see `logseq.rs`).
    pub logseq_blocks: &'a crate::load::logseq_graph::BlockIds,
    /// Abbreviations every page reads, where the site reads them (`abbreviations.rs`):
    /// those of the glossary pymdownx.snippets appends to every page of an MkDocs site.
    pub abbreviations: &'a [(String, String)],
    /// mdbook-variables' values by name, which `{{name}}` is (`expand/book_variables.rs`).
    pub book_variables: &'a BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// Obsidian's name for it, when not its text: `[[Note|notes]] x`, "Note notes x".
    pub obsidian_name: Option<String>,
    /// Where it stands in the file (1-based line and column).
    pub line: usize,
    pub column: usize,
}

/// Where an internal link points, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A relative `.md` path, from the linking file's folder.
    File {
        path: String,
        anchor: Option<String>,
    },
    /// `[[slug]]` or `[[slug#anchor]]`.
    Slug {
        slug: String,
        anchor: Option<String>,
    },
    /// `#anchor` or `[[#anchor]]`: a heading on the same page.
    SamePage { anchor: String },
    /// A link by path that is not a `.md` file (`../x/`, `x.html`, `/x/y/`):
    /// reference `refs[n]`, resolved with the other references; it counts as a
    /// link to the article it leads to, if any.
    Path { reference: usize },
}

#[derive(Debug, Clone)]
pub struct OutLink {
    pub target: LinkTarget,
    /// 1-based position of the link in the source file.
    pub line: usize,
    pub column: usize,
    /// The `id` of the `<a>`, so backlinks can point at the exact spot.
    pub id: String,
    /// The sentence around the link, split at the link: text before, the link's own
    /// label (None when it is the target's title, unknown until resolved), text after.
    pub context: (String, Option<String>, String),
    /// `![[Note]]`: the target's text is shown here (an [`crate::marks::EMBED`] mark
    /// in the body), not a link to it.
    pub embed: bool,
}

/// A URL the reader's browser will follow or load that is not a link to an article:
/// Markdown images, links to files or pages by path, and every URL in raw HTML. The
/// body holds a mark (`LINK_REF n MARK_END`, see [`crate::marks`]) where it goes; `site` resolves and
/// checks it, and each page fills it in relative to where the page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutRef {
    /// As written (character references decoded, percent-escapes kept).
    pub url: String,
    pub kind: RefKind,
    /// 1-based position in the source file.
    pub line: usize,
    pub column: usize,
    /// `![[image.png]]`: found by file name anywhere in the content folder, as
    /// Obsidian does, rather than by a path from this file's folder.
    pub by_name: bool,
}

#[derive(Debug, Clone)]
pub struct Citation {
    pub key: String,
    /// Number shown in the text and in the Sources list, from 1 in order of first use.
    pub number: usize,
}

/// A stretch of the article under one heading, for the search index.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub anchor: Option<String>,
    pub heading: String,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub html: String,
    /// The first `# heading`, when it opened the document and front matter had no title.
    pub title_from_heading: Option<String>,
    /// That heading's level (`#` is 1).
    pub title_heading_level: u8,
    /// How many levels the body's headings climbed below a `##` title (`headings.rs`).
    pub heading_shift: u8,
    pub headings: Vec<Heading>,
    pub links: Vec<OutLink>,
    /// Images, files and raw-HTML URLs, in order: placeholder `n` is `refs[n]`.
    pub refs: Vec<OutRef>,
    /// Ids defined in raw HTML (`id=`, `<a name>`): link targets like heading ids.
    pub html_ids: Vec<String>,
    /// Definition terms' ids and texts, found by their text as headings are.
    pub terms: Vec<(String, String)>,
    /// The opening `#` heading shown as the page's `<h1>` in its title's place (see
    /// [`Title::Shown`]), when it words the title otherwise.
    pub heading_title: Option<String>,
    pub citations: Vec<Citation>,
    /// Indices into the glossary of the terms this article mentions.
    pub glossary_terms: Vec<usize>,
    pub sections: Vec<Section>,
    pub stats: TextStats,
    pub images_without_alt: Vec<(usize, usize)>,
    pub has_exercise: bool,
    pub diagnostics: Diagnostics,
    /// Files the text included with `{{#include}}`.
    pub includes: Vec<Included>,
    /// Places in included files that positions here stand for (see `include/origins.rs`).
    pub included_at: Vec<include::IncludedAt>,
    /// Inline `#tags`, without their `#`, in order of first use.
    pub tags: Vec<String>,
    /// Obsidian Bases views shown in the text: mark `EMBED bn` is `bases[n]`.
    pub bases: Vec<BaseEmbed>,
}

fn options(smart_punctuation: bool) -> Options {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
        | Options::ENABLE_MATH
        // `Term` then `: definition`, as mdBook (0.5), Hugo and pandoc read it.
        | Options::ENABLE_DEFINITION_LIST;
    if smart_punctuation {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    options
}

/// Parses one article. `text` is the whole file and `body_start` where Markdown begins,
/// so positions in diagnostics are positions in the file. With `want_title`, a heading
/// opening the text is the title ([`Title::FromLeadingHeading`]); see [`parse_titled`].
pub fn parse(
    text: &str,
    body_start: usize,
    file: &Path,
    want_title: bool,
    ctx: &ParseContext,
) -> Parsed {
    let title = if want_title {
        Title::FromLeadingHeading
    } else {
        Title::Known("")
    };
    parse_titled(text, body_start, file, title, ctx)
}

/// [`parse`], told what is known of the title.
pub fn parse_titled(
    text: &str,
    body_start: usize,
    file: &Path,
    title: Title<'_>,
    ctx: &ParseContext,
) -> Parsed {
    let plain = LineIndex::new(text);
    let article = expand::Article {
        file,
        content: ctx.content,
        include_root: ctx.include_root,
        lines: &plain,
        body_start,
        unsupported_syntax: ctx.unsupported_syntax,
        broken_links: ctx.broken_links,
        expressions: ctx.expressions,
        front_matter: &text[..body_start],
        site_params: ctx.site_params,
        cascaded: ctx.cascaded,
        mathjax: ctx.mathjax,
        passthrough: ctx.passthrough,
        callouts: ctx.callouts,
        links_from: ctx.links_from,
        logseq_blocks: ctx.logseq_blocks,
        obsidian_text: ctx.obsidian_text,
        book_variables: ctx.book_variables,
    };
    let html_page = crate::load::is_html_page(file);
    let options = options(ctx.smart_punctuation);
    let mut expanded = if html_page {
        expand::expand_html(&text[body_start..], &article, options)
    } else {
        expand::expand(&text[body_start..], &article, options)
    };
    let abbreviations = abbreviations::of_page(&mut expanded.text, ctx);
    let body = expanded.text.as_str();
    let mut lines = LineIndex::new(text);
    if !expanded.maps.0.is_empty() {
        lines.maps = Some((body_start, expanded.maps.clone()));
        lines.included = std::mem::take(&mut expanded.origins);
    }
    // `[@key]` is a citation when the site has works to cite; without a
    // references.yaml it is text, as other tools show it (the Cargo book's
    // `_crate_[@_version_]`).
    let cites = !ctx.references.is_empty();
    let mut crossrefs = material::CrossReferences::new(ctx.expressions.autorefs());
    let mut callback = |link: pulldown_cmark::BrokenLink<'_>| {
        let reference = link.reference.trim();
        match reference.strip_prefix('@').filter(|_| cites) {
            Some(key) => Some((format!("{CITE_PREFIX}{key}").into(), CowStr::from(""))),
            None => match spec_rules::address(ctx.rules, reference) {
                Some(to) => Some((CowStr::from(to.to_string()), CowStr::from(""))),
                None => crossrefs.text_of(&link),
            },
        }
    };
    let parser = Parser::new_with_broken_link_callback(body, options, Some(&mut callback));
    let events: Vec<(Event, std::ops::Range<usize>)> = if html_page {
        // Hugo's HTML content format: the body is the page's HTML, one raw block
        // (indented lines are not code, blank lines end nothing), read as raw HTML in
        // Markdown is.
        drop(parser);
        let whole = 0..body.len();
        vec![
            (Event::Start(pulldown_cmark::Tag::HtmlBlock), whole.clone()),
            (Event::Html(CowStr::from(body)), whole.clone()),
            (Event::End(pulldown_cmark::TagEnd::HtmlBlock), whole),
        ]
    } else if ctx.expressions.vault() {
        parser.into_offset_iter().collect()
    } else {
        let definitions = reference_wikilinks::definitions(&parser, body);
        let events = parser.into_offset_iter().collect();
        reference_wikilinks::as_references(events, body, &definitions, options)
    };
    let events = dendron_links::label_first(events, ctx.label_first_wikilinks);
    // In a vault, Obsidian and Quartz read `[[Magic Numbers]](MZ)` as the wikilink and
    // the text `(MZ)` after it.
    let events = if ctx.expressions.vault() {
        events
    } else {
        links::wikilinks_before_destinations(events, body)
    };
    let events = raw_code_links::wikilinks_as_text(events, body);
    let events = unlinked_wikilinks::as_text(events, body);
    let events = obsidian::bracketed_footnotes(events, body);
    let events = if ctx.autolinks {
        autolinks::linkify(events, body)
    } else {
        events
    };
    let (events, task_states) = if ctx.expressions.vault() {
        tasks::obsidian_states(events, body)
    } else {
        (events, Vec::new())
    };
    // A Logseq page is its name (or its `title::`): a heading is a block's text.
    let title = match ctx.expressions {
        Expressions::Logseq if matches!(title, Title::FromLeadingHeading) => Title::Known(""),
        e if e.vault() => headings::in_vault(title, &events),
        _ => title,
    };
    let mut builder = Builder {
        ctx,
        file,
        lines: &lines,
        body_start,
        out: Parsed::default(),
        html_events: Vec::with_capacity(events.len()),
        heading: None,
        link: None,
        code: None,
        code_at: (0, 0),
        image: None,
        html_block: None,
        callouts: Vec::new(),
        block: String::new(),
        block_links: Vec::new(),
        section: Section::default(),
        ids: ids::HeadingIds::default(),
        heading_shift: 0,
        term: None,
        mathjax: false,
        raw_inline_depth: 0,
        raw_block_depth: 0,
        raw_foreign: 0,
        used_terms: HashSet::new(),
        abbreviations,
        tag_slugs: HashSet::new(),
        cite_numbers: HashMap::new(),
        title,
        seen_block: false,
        in_table_head: false,
        address_marks: crate::text::holds(body, foreign::ADDRESS_MARK) || crossrefs.any(),
        math_definitions: ctx.math_definitions.to_string(),
        equations: Default::default(),
        task_label: None,
        task_states,
        table: Default::default(),
    };
    builder.mathjax = expanded.mathjax;
    builder.out.diagnostics = expanded.diagnostics;
    crossrefs.report(file, &lines, body_start, ctx, &mut builder.out.diagnostics);
    builder.out.includes = expanded.includes;
    builder.run(events);
    let mut parsed = builder.finish();
    parsed.included_at = lines.included.take();
    include::place_included(&mut parsed.diagnostics, file, &parsed.included_at);
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::GlossaryEntry;
    use crate::marks::{LINK_HREF, LINK_LABEL, MARK_END};

    fn parse_with(md: &str, glossary: &Glossary, refs: &BTreeMap<String, Reference>) -> Parsed {
        let ctx = ParseContext {
            smart_punctuation: true,
            references: refs,
            glossary,
            root: "../../",
            index: "",
            content: None,
            include_root: ".",
            unsupported_syntax: Default::default(),
            broken_links: Default::default(),
            highlight: true,
            expressions: Default::default(),
            label_first_wikilinks: false,
            obsidian_text: true,
            emoji: false,
            hard_breaks: false,
            math_definitions: "",
            mathjax: false,
            code_hidelines: &BTreeMap::new(),
            site_params: None,
            cascaded: None,
            autolinks: true,
            passthrough: &[],
            callouts: &[],
            rules: &Default::default(),
            logseq_blocks: &Default::default(),
            abbreviations: &[],
            book_variables: &Default::default(),
            links_from: None,
        };
        parse(md, 0, Path::new("a.md"), true, &ctx)
    }

    pub(super) fn parse_md(md: &str) -> Parsed {
        parse_with(md, &Glossary::default(), &BTreeMap::new())
    }

    #[test]
    fn links_are_recorded_with_positions_and_context() {
        let p = parse_md(
            "Intro.\n\nFirst one. See [this](../x/y.md#part) now. Last.\n\nAnd [[slug]] too.\n",
        );
        assert_eq!(
            p.links[0].target,
            LinkTarget::File {
                path: "../x/y.md".into(),
                anchor: Some("part".into())
            }
        );
        assert_eq!((p.links[0].line, p.links[0].column), (3, 16));
        assert_eq!(
            p.links[0].context,
            (
                " See ".trim_start().into(),
                Some("this".into()),
                " now.".into()
            )
        );
        assert_eq!(
            p.links[1].target,
            LinkTarget::Slug {
                slug: "slug".into(),
                anchor: None
            }
        );
        assert!(p.html.contains(&format!("{LINK_LABEL}1{MARK_END}")));
    }

    #[test]
    fn callouts_render_as_labelled_blocks() {
        let p = parse_md(
            "> [!EXERCISE] Breathe\n> 1. In\n> 2. Out\n\n> [!NOTE]\n> Plain.\n\n> Quote.\n",
        );
        assert!(p.html.contains(
            "<div class=\"callout callout-exercise\" role=\"note\" aria-label=\"Exercise\">"
        ));
        assert!(p
            .html
            .contains("<p class=\"callout-title\">Exercise: Breathe</p>"));
        assert!(p.html.contains("<div class=\"write-space\""));
        assert!(p.html.contains("callout-note"));
        assert!(p.html.contains("<blockquote>"));
        assert!(p.has_exercise);
    }

    #[test]
    fn citations_number_in_order_and_unknown_keys_are_errors() {
        let mut refs = BTreeMap::new();
        for key in ["webb2012", "gibson2015"] {
            refs.insert(
                key.to_string(),
                Reference {
                    kind: crate::load::ReferenceKind::Book,
                    authors: vec![],
                    year: None,
                    title: key.into(),
                    publisher: None,
                    url: None,
                },
            );
        }
        let p = parse_with(
            "A [@gibson2015]. B [@webb2012, p. 40]. C [@gibson2015]. D [@webb2021].\n",
            &Glossary::default(),
            &refs,
        );
        assert_eq!(
            p.citations
                .iter()
                .map(|c| c.key.as_str())
                .collect::<Vec<_>>(),
            ["gibson2015", "webb2012"]
        );
        assert!(p
            .html
            .contains("<a href=\"#source-2\" aria-label=\"Source 2, p. 40\">2, p. 40</a>"));
        assert_eq!(p.diagnostics.len(), 1);
        assert_eq!(
            p.diagnostics[0].help.as_deref(),
            Some("did you mean 'webb2012'? To publish while fixing, set `broken_links = \"warn\"` under [build] in book.toml")
        );
        assert!(!p.html.contains("[@webb2021]"), "{}", p.html);
        // With `broken_links = "warn"`: a warning, and the citation as written.
        let ctx = ParseContext {
            smart_punctuation: true,
            references: &refs,
            glossary: &Glossary::default(),
            root: "../../",
            index: "",
            content: None,
            include_root: ".",
            unsupported_syntax: Default::default(),
            broken_links: BrokenLinks::Warn,
            highlight: true,
            expressions: Default::default(),
            label_first_wikilinks: false,
            obsidian_text: true,
            emoji: false,
            hard_breaks: false,
            math_definitions: "",
            mathjax: false,
            code_hidelines: &BTreeMap::new(),
            site_params: None,
            cascaded: None,
            autolinks: true,
            passthrough: &[],
            callouts: &[],
            rules: &Default::default(),
            logseq_blocks: &Default::default(),
            abbreviations: &[],
            book_variables: &Default::default(),
            links_from: None,
        };
        let p = parse(
            "D [@webb2021] and [@webb2012; @nobody, p. 4].\n",
            0,
            Path::new("a.md"),
            true,
            &ctx,
        );
        assert_eq!(p.diagnostics.len(), 2);
        assert!(p
            .diagnostics
            .iter()
            .all(|d| d.severity == crate::diagnostic::Severity::Warning));
        assert!(
            p.html.contains("D [@webb2021] and <sup class=\"cite\">[<a href=\"#source-1\" aria-label=\"Source 1\">1</a>]</sup>[@nobody, p. 4]."),
            "{}",
            p.html
        );
    }

    #[test]
    fn glossary_links_first_mention_only() {
        let glossary = Glossary::new(vec![GlossaryEntry {
            term: "Alexithymia".into(),
            aliases: vec!["alexithymic".into()],
            definition: "Difficulty naming feelings.".into(),
            article: None,
        }]);
        let p = parse_with(
            "Being alexithymic is common. Alexithymia again.\n",
            &glossary,
            &BTreeMap::new(),
        );
        assert_eq!(p.html.matches("class=\"term\"").count(), 1);
        assert!(p.html.contains("href=\"../../glossary/#alexithymia\""));
        assert!(p.html.contains(">alexithymic</a><span class=\"term-def\""));
    }

    #[test]
    fn fill_placeholders_escapes() {
        let html = format!("<a href=\"{LINK_HREF}0{MARK_END}\">{LINK_LABEL}0{MARK_END}</a>");
        let filled = fill_placeholders(
            &html,
            |_| "../a/#b c".into(),
            |_| "A & B".into(),
            |_| String::new(),
        );
        assert_eq!(filled, "<a href=\"../a/#b%20c\">A &amp; B</a>");
    }

    fn glossary_of(terms: &[&str]) -> Glossary {
        Glossary::new(
            terms
                .iter()
                .map(|t| GlossaryEntry {
                    term: t.to_string(),
                    aliases: vec![],
                    definition: "d".into(),
                    article: None,
                })
                .collect(),
        )
    }

    fn parse_glossary(md: &str, terms: &[&str]) -> Parsed {
        parse_with(md, &glossary_of(terms), &BTreeMap::new())
    }

    #[test]
    fn nested_quotes_keep_their_order() {
        let p = parse_md("> > > foo\nbar\n");
        assert_eq!(
            p.html,
            "<blockquote>\n<blockquote>\n<blockquote>\n<p>foo\nbar</p>\n</blockquote>\n</blockquote>\n</blockquote>\n"
        );
        let p = parse_md("> ## Heading\n>\n> > nested\n\nAfter.\n");
        let nested = p.html.find("nested").unwrap();
        let after = p.html.find("After.").unwrap();
        assert!(nested < after, "{}", p.html);
        assert_eq!(p.html.matches("<blockquote>").count(), 2);
        assert!(
            p.html
                .ends_with("</blockquote>\n</blockquote>\n<p>After.</p>\n"),
            "{}",
            p.html
        );
        // A quote opening with a code block or a list, right after another quote opens.
        let p = parse_md(">     code\n> > - item\n");
        assert_eq!(
            p.html,
            "<blockquote>\n<pre><code>code\n</code></pre>\n<blockquote>\n<ul>\n<li>item</li>\n</ul>\n</blockquote>\n</blockquote>\n"
        );
    }

    #[test]
    fn email_autolinks_are_mailto() {
        let p = parse_md("<help@example.org>\n");
        assert_eq!(
            p.html,
            "<p><a href=\"mailto:help@example.org\">help@example.org</a></p>\n"
        );
    }

    #[test]
    fn destinations_are_percent_encoded() {
        let p = parse_md("[a](foo\\bar) [b](<x y>) [c](https://e.org/?q=[1]&r=ä)\n");
        // Paths on the site are references the site resolves, encodes and checks.
        let urls: Vec<&str> = p.refs.iter().map(|r| r.url.as_str()).collect();
        assert_eq!(urls, ["foo\\bar", "x y"]);
        assert!(p.html.contains("href=\"\u{19}0\u{1a}\""), "{}", p.html);
        assert!(
            p.html
                .contains("href=\"https://e.org/?q=%5B1%5D&amp;r=%C3%A4\""),
            "{}",
            p.html
        );
        let p = parse_md("![a b](<my pic.png>)\n");
        assert_eq!(p.refs[0].url, "my pic.png");
    }

    #[test]
    fn glossary_links_whole_words_only() {
        let p = parse_glossary("x*bar*y and bar.\n", &["bar"]);
        assert!(
            p.html
                .starts_with("<p>x<em>bar</em>y and <span class=\"term\">"),
            "{}",
            p.html
        );
        let p = parse_glossary("*bar*y\n", &["bar"]);
        assert!(!p.html.contains("class=\"term\""), "{}", p.html);
    }

    #[test]
    fn glossary_never_links_inside_raw_html_links_code_or_headings() {
        for md in [
            "<a href=\"/x\">foo</a>\n",
            "<span title=\"t\">foo</span>\n",
            "[foo](/x)\n",
            "`foo`\n",
            "## foo\n",
            "<a href=\"/x\">\n\nfoo\n\n</a>\n",
        ] {
            let p = parse_glossary(md, &["foo"]);
            assert!(!p.html.contains("class=\"term\""), "{md:?}: {}", p.html);
        }
        // After the raw element closes, prose links again.
        let p = parse_glossary("<b>x</b> foo\n", &["foo"]);
        assert!(p.html.contains("class=\"term\""), "{}", p.html);
    }
}
