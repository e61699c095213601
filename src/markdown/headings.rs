//! Headings: the one that is the page title, and each other as `<h2 id>` with its
//! anchor link, opening a new search section; definition list terms' ids.

use super::{escape, Builder, Heading, Section};
use pulldown_cmark::{CowStr, Event};

/// Whether a heading says the same as a title: the same words, whatever their case
/// and punctuation (smart quotes included).
fn same_title(title: &str, heading: &str) -> bool {
    let title = crate::text::slugify(title);
    !title.is_empty() && title == crate::text::slugify(heading)
}

/// The text of the images in a heading's HTML (their `alt`, in order), for a heading
/// with no text of its own: `# <img alt="gobba" src="gobba.png">` is named "gobba".
fn image_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut alts = Vec::new();
    for (at, _) in lower.match_indices("alt=") {
        let rest = &html[at + 4..];
        let (quote, rest) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => (q, &rest[1..]),
            _ => continue,
        };
        let alt = rest.split(quote).next().unwrap_or_default().trim();
        if !alt.is_empty() && lower[..at].ends_with(|c: char| c.is_ascii_whitespace()) {
            // As written in HTML: escaped again where it is written.
            alts.push(super::html::decode_entities(alt));
        }
    }
    alts.join(" ")
}

/// What parsing knows of an article's title, which the page shows as its `<h1>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title<'a> {
    /// None yet: a heading at any level that opens the text is the title, and is not
    /// shown again in the body ([`super::Parsed::title_from_heading`]).
    FromLeadingHeading,
    /// The title: a heading that opens the text and says the same (at any level, in
    /// any case) is not shown again.
    Known(&'a str),
    /// The title, shown in the page's list of contents and `<title>`; a `#` heading
    /// opening the text that words it otherwise is the page's `<h1>` in its place
    /// ([`super::Parsed::heading_title`]), as mdBook shows a chapter
    /// SUMMARY.md names otherwise, and Docusaurus, MkDocs and VitePress a page whose
    /// `title:` differs from its heading.
    Shown(&'a str),
}

impl<'a> Builder<'a, '_> {
    pub(super) fn end_heading(&mut self) {
        let Some(h) = self.heading.take() else { return };
        let text = h.text.trim().to_string();
        let obsidian_name = (!h.wiki_targets.is_empty()).then(|| {
            let mut name = h.text.clone();
            for (at, target) in h.wiki_targets.iter().rev() {
                name.insert_str(*at, &format!("{target} "));
            }
            name.trim().to_string()
        });
        // A heading with no text (only an image, or markup) is never the title.
        if h.as_title && !text.is_empty() {
            let shown = match self.title {
                Title::FromLeadingHeading => {
                    self.out.title_from_heading = Some(text.clone());
                    self.out.title_heading_level = h.level as u8;
                    false
                }
                Title::Shown(title) if h.level as u8 == 1 && !same_title(title, &text) => {
                    self.out.heading_title = Some(text.clone());
                    false
                }
                Title::Known(title) | Title::Shown(title) => !same_title(title, &text),
            };
            if !shown {
                // Links in it are not on the page: "Mentioned in" leads to its top.
                for link in &mut self.out.links[h.first_link..] {
                    link.id.clear();
                }
                // A `##` that names the page (an mdBook chapter's) is now its `<h1>`:
                // the headings below it climb as many levels, so `###` follows as
                // `<h2>` as it followed the `##` in the source.
                self.heading_shift = (h.level as u8).saturating_sub(1);
                self.out.heading_shift = self.heading_shift;
                return;
            }
        }
        let id = match &h.explicit_id {
            Some(id) => self.ids.explicit(id, h.start),
            None => self.ids.generate(h.id_text.trim()),
        };
        let level = match h.level as u8 {
            1 => 1,
            written => written.saturating_sub(self.heading_shift).max(2),
        };
        let (line, column) = self.position(&(h.start..h.start));
        let mut inner = String::new();
        pulldown_cmark::html::push_html(&mut inner, h.events.into_iter());
        let class = if h.classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", escape(&h.classes.join(" ")))
        };
        // A heading of an image alone is named by the image's text.
        let label = match text.is_empty() {
            true => image_text(&inner),
            false => text.clone(),
        };
        let label = match label.is_empty() {
            true => "Link to this section".to_string(),
            false => format!("Link to this section: {label}"),
        };
        let html = format!(
            "<h{level} id=\"{id}\"{class}>{inner} <a class=\"anchor\" href=\"#{id}\" aria-label=\"{label}\" data-copy-link>#</a></h{level}>\n",
            id = escape(&id),
            label = escape(&label),
        );
        self.html_events.push(Event::Html(CowStr::from(html)));
        // Each heading opens a new search section.
        let previous = std::mem::replace(
            &mut self.section,
            Section {
                anchor: Some(id.clone()),
                heading: text.clone(),
                text: String::new(),
            },
        );
        if !previous.text.trim().is_empty() || previous.anchor.is_some() {
            self.out.sections.push(previous);
        }
        self.out.stats.add_block(&text);
        self.out.headings.push(Heading {
            level,
            id,
            text,
            obsidian_name,
            line,
            column,
        });
    }

    /// A definition list's term opens: its tag is written at its end, with its id.
    pub(super) fn start_term(&mut self) {
        self.seen_block = true;
        self.term = Some(self.html_events.len());
        self.html_events.push(Event::Html(CowStr::from("")));
    }

    /// A term gets an id from its text, as a heading does and as mdBook (0.5) gives
    /// one, so a glossary's `[attached](#attached)` leads to its term.
    pub(super) fn end_term(&mut self) {
        let Some(start) = self.term.take() else {
            return;
        };
        let mut text = String::new();
        for event in &self.html_events[start + 1..] {
            if let Event::Text(t) | Event::Code(t) = event {
                text.push_str(t);
            }
        }
        self.flush_block();
        let open = match text.trim() {
            "" => "<dt>".to_string(),
            text => {
                let id = self.ids.generate(text);
                let open = format!("<dt id=\"{}\">", escape(&id));
                self.out.terms.push((id.clone(), text.to_string()));
                self.out.html_ids.push(id);
                open
            }
        };
        self.html_events[start] = Event::Html(CowStr::from(open));
        self.html_events.push(Event::Html(CowStr::from("</dt>\n")));
    }
}

/// In a vault, whose notes are titled by their file names, a heading opening the text
/// is the title only when it stands over the whole note, with no heading at its level
/// or above after it. A `## Section` beside others is the first section (Obsidian's
/// help opens "About Obsidian" with `## What is Obsidian`), and the note keeps its file
/// name.
pub(super) fn in_vault<'t>(
    title: Title<'t>,
    events: &[(Event, std::ops::Range<usize>)],
) -> Title<'t> {
    let mut levels = events.iter().filter_map(|(e, _)| match e {
        Event::Start(pulldown_cmark::Tag::Heading { level, .. }) => Some(*level as u8),
        _ => None,
    });
    match (title, levels.next()) {
        (Title::FromLeadingHeading, Some(first)) if levels.any(|l| l <= first) => Title::Known(""),
        _ => title,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse_md;
    use crate::markdown::Glossary;
    use crate::markdown::{parse_titled, ParseContext, Title};
    use std::collections::BTreeMap;
    use std::path::Path;

    #[test]
    fn headings_get_unique_ids_and_anchor_links() {
        // After text: a heading opening the text would be the title.
        let p = parse_md("Intro.\n\n## Hello world\n\n## Hello world\n\n## Custom {#mine}\n");
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["hello-world", "hello-world-1", "mine"]);
        assert!(p.html.contains(
            "<h2 id=\"hello-world\">Hello world <a class=\"anchor\" href=\"#hello-world\""
        ));
    }

    #[test]
    fn math_in_a_heading_counts_in_its_id_as_in_mdbook_and_zola() {
        let p = parse_md("Intro.\n\n## $x^2$ squares\n\n## Energy $E$\n");
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["x2-squares", "energy-e"]);
        assert!(p.html.contains("<math"), "{}", p.html);
    }

    #[test]
    fn a_heading_of_an_image_alone_is_named_by_its_text() {
        // 0x0f0f0f/gobba-book's home page: the link's label said nothing.
        let p = parse_md("# <p align=\"center\"><img alt=\"gobba &amp; co\" src=\"gobba.png\" width = 25% /></p>\n");
        assert!(
            p.html
                .contains("aria-label=\"Link to this section: gobba &amp; co\""),
            "{}",
            p.html
        );
        let p = parse_md("Intro.\n\n## ![Logo](a.png)\n\n## <img src=\"b.png\">\n");
        assert!(
            p.html.contains("aria-label=\"Link to this section: Logo\""),
            "{}",
            p.html
        );
        assert!(
            p.html.contains("aria-label=\"Link to this section\""),
            "{}",
            p.html
        );
    }

    #[test]
    fn math_in_a_heading_reads_as_text_in_its_label_and_the_contents() {
        let p = parse_md("Intro.\n\n## The $\\alpha^2$ rule for $\\frac{a}{b}$\n");
        assert_eq!(p.headings[0].id, "the-alpha2-rule-for-fracab");
        assert_eq!(p.headings[0].text, "The α^2 rule for a/b");
        assert!(
            p.html
                .contains("aria-label=\"Link to this section: The α^2 rule for a/b\""),
            "{}",
            p.html
        );
        // A title read from a heading reads the same.
        let p = parse_md("# Energy $E = mc^2$\n\nText.\n");
        assert_eq!(p.title_from_heading.as_deref(), Some("Energy E=mc^2"));
    }

    #[test]
    fn headings_below_a_level_2_title_climb_with_it_as_in_an_mdbook_chapter() {
        // The Rust book: `## Installation` names the page, `###` its sections.
        let p = parse_md("## Installation\n\n### Linux\n\n#### Notes\n\n> ### Aside\n");
        assert_eq!(p.title_from_heading.as_deref(), Some("Installation"));
        let levels: Vec<_> = p.headings.iter().map(|h| h.level).collect();
        assert_eq!(levels, [2, 3, 2]);
        assert!(p.html.contains("<h2 id=\"linux\">"), "{}", p.html);
        assert!(p.html.contains("<h3 id=\"notes\">"), "{}", p.html);
        // Under an opening `#`, everything stays as written.
        let p = parse_md("# Title\n\n### Deep\n");
        assert_eq!(p.headings[0].level, 3);
        // Headings above the title's level stay below it.
        let p = parse_md("### Title\n\n## Wider\n\n##### Deeper\n");
        let levels: Vec<_> = p.headings.iter().map(|h| h.level).collect();
        assert_eq!(levels, [2, 3]);
    }

    #[test]
    fn a_definition_list_term_has_an_id_as_in_mdbook() {
        // PyO3's glossary: `[attached](#attached)` leads to the term.
        let p = parse_md(
            "Intro.\n\n## Attached\n\nattached\n  : Said of a thread.\n\n`Python` token\n  : A type.\n",
        );
        assert!(
            p.html.contains("<dt id=\"attached-1\">attached</dt>"),
            "{}",
            p.html
        );
        assert!(
            p.html
                .contains("<dt id=\"python-token\"><code>Python</code> token</dt>"),
            "{}",
            p.html
        );
        assert_eq!(p.html_ids, ["attached-1", "python-token"]);
        assert_eq!(p.html.matches("</dt>").count(), 2, "{}", p.html);
    }

    #[test]
    fn leading_h1_becomes_the_title() {
        let p = parse_md("# The title\n\nText.\n");
        assert_eq!(p.title_from_heading.as_deref(), Some("The title"));
        assert!(!p.html.contains("<h1"));
    }

    #[test]
    fn a_link_in_the_title_heading_is_mentioned_at_the_page_s_top() {
        // An Obsidian note opening with `### [[Projects/Projects|Projects]]`: the
        // heading is the title, not in the page's text, so backlinks lead to the top.
        let p = parse_md("### [Projects](projects.md)\n\nText [more](more.md).\n");
        assert_eq!(p.title_from_heading.as_deref(), Some("Projects"));
        assert_eq!(p.links.len(), 2);
        assert!(p.links[0].id.is_empty(), "{:?}", p.links[0]);
        assert!(!p.links[1].id.is_empty(), "{:?}", p.links[1]);
        assert!(
            p.html.contains(&format!("id=\"{}\"", p.links[1].id)),
            "{}",
            p.html
        );
        assert!(!p.html.contains("<span"), "{}", p.html);
    }

    #[test]
    fn a_leading_heading_at_any_level_is_the_title_and_a_known_title_is_not_repeated() {
        let p = parse_md("### Third level\n\nText.\n");
        assert_eq!(p.title_from_heading.as_deref(), Some("Third level"));
        assert!(
            p.headings.is_empty() && !p.html.contains("<h3"),
            "{}",
            p.html
        );
        let ctx = ParseContext {
            smart_punctuation: true,
            references: &BTreeMap::new(),
            glossary: &Glossary::default(),
            root: "",
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
        let titled = |md: &str, title: &str| {
            parse_titled(md, 0, Path::new("a.md"), Title::Known(title), &ctx)
        };
        // A `##` saying the title the summary gives is not repeated, and the headings
        // under it climb with it; one the page shows under its own title stays.
        let p = titled("## Installation\n\n### Linux\n", "Installation");
        assert_eq!(p.headings[0].level, 2, "{}", p.html);
        let p = titled("## Before you start\n\n### Linux\n", "Installation");
        let levels: Vec<_> = p.headings.iter().map(|h| h.level).collect();
        assert_eq!(levels, [2, 3]);
        let p = titled("## Don't -- *repeat* me\n\nText.\n", "Don’t repeat me");
        assert!(p.headings.is_empty(), "{}", p.html);
        assert_eq!(p.title_from_heading, None);
        // Another heading, or the same one later, stays.
        let p = titled("# Something else\n", "Don't repeat me");
        assert_eq!(p.headings.len(), 1);
        let p = titled("Text.\n\n# Don't repeat me\n", "Don't repeat me");
        assert_eq!(p.headings.len(), 1);
    }

    #[test]
    fn only_a_leading_top_level_heading_is_the_title() {
        let p = parse_md("> # Foo\n");
        assert_eq!(p.title_from_heading, None);
        assert!(p.html.contains("<h1 id=\"foo\">Foo"), "{}", p.html);
        let p = parse_md("- # Foo\n");
        assert_eq!(p.title_from_heading, None);
        assert!(p.html.contains("<h1 id=\"foo\">Foo"), "{}", p.html);
    }

    #[test]
    fn heading_ids_are_unique_and_explicit_duplicates_are_errors() {
        let p = parse_md("Intro.\n\n## A\n\n## A\n\n## A 1\n");
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-1", "a-1-1"]);
        // An explicit id reserves itself, even against an earlier heading.
        let p = parse_md("Intro.\n\n## B\n\n## Other {#b}\n");
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["b-1", "b"]);
        // Generated sections' ids and footnotes are never taken.
        let p = parse_md("Intro.\n\n## Sources\n\n## Note\n\nText[^note].\n\n[^note]: A note.\n");
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["sources-1", "note-1"]);
        let p = parse_md("Intro.\n\n## One {#x}\n\n## Two {#x}\n");
        assert_eq!(p.diagnostics.len(), 1);
        // The second gets an id of its own: the page's ids stay unique.
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["x", "x-1"]);
        let d = &p.diagnostics[0];
        assert_eq!((d.line, d.column), (5, 1));
        assert!(
            d.message.contains("'x' is already used on line 3"),
            "{}",
            d.message
        );
        // An id given as a key, quoted or not; `#id` wins.
        let p = parse_md("Intro.\n\n### 9.7.6 <small>2026</small> { id=\"9.7.6\" }\n\n## B {id=b .c}\n\n## C { #x id=\"y\" }\n");
        let ids: Vec<_> = p.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["9.7.6", "b", "x"]);
        assert!(
            p.html
                .contains("<h3 id=\"9.7.6\">9.7.6 <small>2026</small>"),
            "{}",
            p.html
        );
        let p = parse_md("## Mine {#sources}\n");
        assert_eq!(p.diagnostics.len(), 1);
        let p = parse_md("## Mine {#n}\n\nText[^n].\n\n[^n]: Note.\n");
        assert_eq!(p.diagnostics.len(), 1);
    }
}
