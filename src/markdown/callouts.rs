//! Callouts: GitHub alerts (`> [!NOTE]` ...) plus `> [!EXERCISE] Title` and
//! `> [!REFLECTION]`, each rendered as a labelled, printable block, and Obsidian's
//! kinds (`> [!info]`, `> [!question]`, ...). A `-` or `+` right after the `]` makes the
//! callout foldable, as in Obsidian: a `<details>` closed (`-`) or open (`+`), with the
//! title as its `<summary>`.

use super::{escape, Builder};
use pulldown_cmark::{Event, Tag, TagEnd};

impl<'a> Builder<'a, '_> {
    /// Recognises a callout from the events after a block quote opens; returns how many
    /// of them it consumed.
    pub(super) fn try_callout(
        &mut self,
        after: &[(Event<'a>, std::ops::Range<usize>)],
    ) -> Option<usize> {
        if !matches!(after.first(), Some((Event::Start(Tag::Paragraph), _))) {
            return None;
        }
        let mut first_line = String::new();
        let mut texts = 0;
        for (event, _) in &after[1..] {
            match event {
                Event::Text(t) => {
                    first_line.push_str(t);
                    texts += 1;
                }
                _ => break,
            }
        }
        let rest = first_line.strip_prefix("[!")?;
        let (kind, title) = rest.split_once(']')?;
        let (kind, metadata) = split_metadata(kind)?;
        // A kind attune has no callout for (`> [!syntax]`, a vault's own, styled by a
        // CSS snippet) is a note titled with the kind's name, as Obsidian shows it.
        let (label, kind, custom) = match callout_title(kind) {
            Some(label) => (std::borrow::Cow::Borrowed(label), kind, false),
            None => (
                std::borrow::Cow::Owned(custom_kind_title(kind)?),
                "note",
                true,
            ),
        };
        let (fold, title) = match title.as_bytes().first() {
            Some(b'-') => (Some(false), &title[1..]),
            Some(b'+') => (Some(true), &title[1..]),
            _ => (None, title),
        };
        let kind_class = kind.to_ascii_lowercase();
        let mut consumed = 1 + texts;
        // The rest of the title's line: code, emphasis and inline HTML (`What <i>is</i>
        // this?`) are the title's too, written as the page writes them, when nothing
        // else (a link, an image) is on the line.
        let (mut title_html, mut title) =
            (escape(title.trim_start()), title.trim_start().to_string());
        let line_end = after[consumed..].iter().position(|(e, _)| {
            matches!(
                e,
                Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph)
            )
        });
        if let Some(n) = line_end.filter(|&n| {
            after[consumed..consumed + n]
                .iter()
                .all(|(e, _)| title_inline(e).is_some())
        }) {
            for (event, range) in &after[consumed..consumed + n] {
                if let Event::InlineHtml(html) = event {
                    // Read as the page's other raw HTML is: its ids are anchors, its
                    // links checked.
                    self.raw_inline_depth =
                        super::raw::raw_depth(self.raw_inline_depth, html, |_| true);
                    title_html.push_str(&self.raw_html(&[(html.to_string(), range.start)]));
                    continue;
                }
                let (html, text) = title_inline(event).unwrap_or_default();
                title_html.push_str(&html);
                title.push_str(&text);
            }
            consumed += n;
        }
        let title = title.trim();
        let title_html = title_html.trim();
        let next = after.get(consumed).map(|(e, _)| e);
        let paragraph_done = matches!(next, Some(Event::End(TagEnd::Paragraph)));
        if matches!(next, Some(Event::SoftBreak | Event::HardBreak)) {
            consumed += 1;
        }
        if paragraph_done {
            consumed += 1;
        }
        if kind_class == "exercise" {
            self.out.has_exercise = true;
        }
        let heading = if title.is_empty() && title_html.is_empty() {
            escape(&label)
        } else if title.is_empty() {
            // Only markup (an anchor): the kind's name, then it.
            format!("{} {title_html}", escape(&label))
        } else if custom {
            // A vault's own kind with a title shows the title alone, as Obsidian does.
            title_html.to_string()
        } else {
            format!("{}: {title_html}", escape(&label))
        };
        if !title.is_empty() {
            self.section.text.push_str(title);
            self.section.text.push('\n');
            self.out.stats.add_block(title);
        }
        let (mut html, close) = opening_html(&kind_class, &escape(&label), &heading, fold);
        if let Some(metadata) = metadata {
            html = with_metadata(&html, metadata);
        }
        self.callouts.push(Some(close));
        self.emit_html(html);
        if !paragraph_done {
            self.emit(Event::Start(Tag::Paragraph));
        }
        Some(consumed)
    }

    pub(super) fn html_events_tail_is_exercise(&self) -> bool {
        // The innermost open callout's opening tag names its kind.
        self.html_events.iter().rev().find_map(|e| match e {
            Event::InlineHtml(h)
                if h.starts_with("<div class=\"callout ")
                    || h.starts_with("<details class=\"callout ") =>
            {
                Some(h.contains(" class=\"callout callout-exercise\""))
            }
            _ => None,
        }) == Some(true)
    }
}

/// An inline event a callout's title may hold: its HTML as the page writes it, and its
/// text (for search and the reading statistics); `None` for what a title does not hold.
fn title_inline(event: &Event) -> Option<(String, String)> {
    Some(match event {
        Event::Text(t) => (escape(t), t.to_string()),
        Event::Code(t) => (format!("<code>{}</code>", escape(t)), t.to_string()),
        Event::InlineHtml(h) => (h.to_string(), String::new()),
        Event::Start(Tag::Emphasis) => ("<em>".into(), String::new()),
        Event::End(TagEnd::Emphasis) => ("</em>".into(), String::new()),
        Event::Start(Tag::Strong) => ("<strong>".into(), String::new()),
        Event::End(TagEnd::Strong) => ("</strong>".into(), String::new()),
        Event::Start(Tag::Strikethrough) => ("<del>".into(), String::new()),
        Event::End(TagEnd::Strikethrough) => ("</del>".into(), String::new()),
        _ => return None,
    })
}

/// A callout's opening HTML, its kind's class, label and title line (`heading`, HTML)
/// given, and what closes it: a `<div>`, or for a folding one (`fold`, open or not) a
/// `<details>` titled by its `<summary>`.
pub(super) fn opening_html(
    kind_class: &str,
    label: &str,
    heading: &str,
    fold: Option<bool>,
) -> (String, &'static str) {
    match fold {
        None => (
            format!("<div class=\"callout callout-{kind_class}\" role=\"note\" aria-label=\"{label}\">\n<p class=\"callout-title\">{heading}</p>\n"),
            "</div>",
        ),
        Some(open) => (
            format!(
                "<details class=\"callout callout-{kind_class}\"{}>\n<summary class=\"callout-title\">{heading}</summary>\n",
                if open { " open" } else { "" }
            ),
            "</details>",
        ),
    }
}

/// A callout's kind and its metadata, the part after a `|` (`[!infobox|n-th]`): the
/// kind alone picks the callout and its title; the metadata is for a theme's CSS
/// snippets (ITS, MCL), never shown. Quartz reads it so too (`ofm.ts`'s
/// `calloutRegex`, `^\[\!([\w-]+)\|?(.+?)?\]`, writes it to `data-callout-metadata`).
/// `None` for an empty kind before the `|`.
fn split_metadata(kind: &str) -> Option<(&str, Option<&str>)> {
    match kind.split_once('|') {
        None => Some((kind, None)),
        Some(("", _)) => None,
        Some((kind, metadata)) => {
            let metadata = metadata.trim();
            Some((kind, (!metadata.is_empty()).then_some(metadata)))
        }
    }
}

/// A callout's opening HTML with its metadata as `data-callout-metadata`, where
/// Obsidian and Quartz put it for CSS (`.callout[data-callout-metadata*="wfull"]`).
fn with_metadata(html: &str, metadata: &str) -> String {
    let attribute = format!(" data-callout-metadata=\"{}\"", escape(metadata));
    match html.find('>') {
        Some(end) => format!("{}{attribute}{}", &html[..end], &html[end..]),
        None => html.to_string(),
    }
}

/// The title Obsidian gives a callout of a kind of the vault's own (`[!syntax]`,
/// `[!inote]`): its name, first letter capitalised. `None` for what is no kind: empty,
/// starting with a space, or holding a bracket or a line break.
fn custom_kind_title(kind: &str) -> Option<String> {
    if kind.is_empty()
        || kind.starts_with(char::is_whitespace)
        || kind.contains(['[', ']', '\n', '\r'])
    {
        return None;
    }
    let mut chars = kind.trim_end().chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// The callout kinds attune renders, with their visible titles.
pub(super) fn callout_title(kind: &str) -> Option<&'static str> {
    Some(match kind.to_ascii_uppercase().as_str() {
        "NOTE" => "Note",
        "TIP" => "Tip",
        "IMPORTANT" => "Important",
        "WARNING" => "Warning",
        "CAUTION" => "Caution",
        "EXERCISE" => "Exercise",
        "REFLECTION" => "Reflection",
        // Obsidian's kinds, with their synonyms.
        "ABSTRACT" | "SUMMARY" | "TLDR" => "Summary",
        "INFO" => "Info",
        "TODO" => "To do",
        "HINT" => "Hint",
        "SUCCESS" | "CHECK" | "DONE" => "Success",
        "QUESTION" | "HELP" | "FAQ" => "Question",
        "ATTENTION" => "Attention",
        "FAILURE" | "FAIL" | "MISSING" => "Failure",
        "DANGER" | "ERROR" => "Danger",
        "BUG" => "Bug",
        "EXAMPLE" => "Example",
        "QUOTE" | "CITE" => "Quote",
        _ => return None,
    })
}
