//! Logseq's macros in a graph's pages, read as Logseq shows them where attune can:
//! `{{embed [[Page]]}}` embeds that page's text, as `![[Page]]` does in a vault;
//! `{{video URL}}` and `{{youtube …}}`, `{{vimeo …}}`, `{{tweet …}}` are a link to it,
//! since attune's pages never load anything from another site. The macros Logseq fills
//! in from its database (`{{query …}}`, `{{cards …}}`, a block's embed
//! `{{embed ((id))}}`, `{{renderer …}}`, `{{function …}}`, `{{namespace …}}`) are left
//! out with an `unsupported-syntax` report naming them; any other `{{ … }}` is text, as
//! Logseq shows a macro it does not know.

use super::expand::{SegMap, Splice};
use crate::diagnostic::{Code, Diagnostic};
use crate::load::logseq_graph::BlockIds;
use crate::text::holds;
use pulldown_cmark::Options;
use std::ops::Range;

/// What stands for the macro whose inner text is `inner` (`written`: the whole tag):
/// its text, the report for one left out, or `None` when it is text.
pub(super) fn in_place(inner: &str, written: &str) -> Option<Result<String, Diagnostic>> {
    let inner = inner.trim();
    let split = inner.find(|c: char| c.is_whitespace() || c == '(');
    let (name, rest) = split.map_or((inner, ""), |at| inner.split_at(at));
    let rest = rest.trim();
    // `{{cards([[y11t1]])}}`: the arguments in parentheses, as older graphs write them.
    let rest = match rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(within) if !rest.starts_with("((") => within.trim(),
        _ => rest,
    };
    let left_out = |what: &str| Some(Err(from_database(what, written)));
    match name.to_ascii_lowercase().as_str() {
        "embed" => match rest.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
            Some(page) if !page.is_empty() && !page.contains(['[', ']']) => {
                Some(Ok(format!("![[{page}]]")))
            }
            _ => left_out("block embed"),
        },
        "video" | "youtube" | "vimeo" | "tweet" | "twitter" | "bilibili" => {
            let url = rest.trim_matches(['"', '\'']);
            let id = url
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            let url = match name {
                "youtube" if id && !url.is_empty() => {
                    format!("https://www.youtube.com/watch?v={url}")
                }
                "vimeo" if id && !url.is_empty() => format!("https://vimeo.com/{url}"),
                _ if url.starts_with("https://") || url.starts_with("http://") => url.to_string(),
                _ => return None,
            };
            if url.contains(['<', '>', ' ']) {
                return None;
            }
            Some(Ok(format!("<{url}>")))
        }
        "query" => left_out("query"),
        "cards" => left_out("flashcards"),
        "renderer" | "function" | "namespace" | "zotero" | "pdf" => left_out("macro"),
        _ => None,
    }
}

/// The report of what Logseq fills in from its database (`what`, written `written`):
/// a query, flashcards, a block that no page has.
pub(super) fn from_database(what: &str, written: &str) -> Diagnostic {
    Diagnostic::error(
        Code::UnsupportedSyntax,
        format!("Logseq {what} `{written}` is not supported: Logseq fills it in from its own database, so the page shows nothing in its place"),
    )
    .help("write what it stands for in Markdown: a list of links to the pages, or the text itself")
}

/// Whether `text` may hold what [`hide_properties`] reads.
pub(super) fn may_hold(text: &str) -> bool {
    ["::", ":END:", ":end:", "(("]
        .iter()
        .any(|m| holds(text, m))
}

/// The text without the lines of properties Logseq keeps for itself and never shows
/// (`collapsed:: true` under a folded block, a block's `id:: …`, see
/// [`crate::load::logseq_graph::HIDDEN_PROPERTIES`]), outside code; with its map,
/// `None` when there is none. Other properties stay, text as Logseq shows them.
///
/// Older graphs keep a block's properties in a drawer, as Org does (`:PROPERTIES:`,
/// then `:type: [[book]]` lines, then `:END:`): its hidden properties are left out like
/// the others, the rest written `type:: [[book]]`, as a graph writes them now. A
/// `:LOGBOOK:` drawer (the `CLOCK:` lines of the time spent on a task) is left out
/// whole: Logseq folds it away, and when its author worked is no reader's business.
/// A drawer that no `:END:` closes is text.
///
/// A block with an id (`id:: 641b4de2-…`, or `:id:` in a drawer) ends with it as a
/// block id, ` ^641b4de2-…`, which other pages reach as they reach a vault's: a
/// block's reference `((641b4de2-…))` (of `blocks`, the graph's) is a link to it
/// worded as its first line, and `{{embed ((641b4de2-…))}}` embeds it, as
/// `[[page#^641b4de2-…|words]]` and `![[page#^641b4de2-…]]` do.
pub(super) fn hide_properties(
    text: &str,
    options: Options,
    blocks: &BlockIds,
) -> Option<(String, SegMap)> {
    use crate::load::logseq_graph::{is_block_id, property, HIDDEN_PROPERTIES};
    let literal = super::expand::literal_ranges(text, options);
    let shown = |key: &str| !HIDDEN_PROPERTIES.contains(&key);
    // Where the last `:END:` line starts: a drawer opening after it is text.
    let last_end = text
        .rmatch_indices(':')
        .map(|(at, _)| at)
        .find(|&at| (text[at..].get(..5)).is_some_and(|w| w.eq_ignore_ascii_case(":END:")));
    // Each line left out, or written anew (its range, and what stands for it), and
    // each block id written after its block's first line.
    let mut changed: Vec<(Range<usize>, Option<String>)> = Vec::new();
    let mut drawer: Option<Drawer> = None;
    // Where the last line shown ends (before its line break), outside code, and the
    // id of the block it is in, written when the block's paragraph ends (a Logseq
    // block's `SCHEDULED:` line goes on after its id).
    let mut shown_end: Option<usize> = None;
    let mut pending: Option<&str> = None;
    let flush = |pending: &mut Option<&str>, end: Option<usize>, changed: &mut Vec<_>| {
        if let (Some(id), Some(end)) = (pending.take(), end) {
            changed.push((end..end, Some(format!(" ^{id}"))));
        }
    };
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let indent = line.len() - line.trim_start().len();
        let bare = line.trim();
        let item = bare.starts_with("- ") || bare == "-";
        let bare = bare.strip_prefix("- ").unwrap_or(bare);
        if let Some(open) = drawer {
            let end = bare.eq_ignore_ascii_case(":END:");
            let rewritten = match drawer_property(bare) {
                Some((key, id)) if key == "id" && is_block_id(id) => {
                    flush(&mut pending, shown_end, &mut changed);
                    pending = Some(id);
                    None
                }
                Some((key, value)) if open == Drawer::Properties && !end && shown(&key) => {
                    Some(format!("{}{key}:: {value}\n", &line[..indent]))
                }
                _ => None,
            };
            changed.push((start..at, rewritten));
            if end {
                drawer = None;
            }
            continue;
        }
        if super::expand::inside(&literal, start + indent) {
            flush(&mut pending, shown_end.take(), &mut changed);
            continue;
        }
        if let Some(open) = drawer_opening(bare) {
            if last_end.is_some_and(|end| end > start) {
                drawer = Some(open);
                changed.push((start..at, None));
            }
            continue;
        }
        match property(bare) {
            Some((key, id)) if key == "id" && is_block_id(id) => {
                flush(&mut pending, shown_end, &mut changed);
                pending = Some(id);
                changed.push((start..at, None));
            }
            Some((key, _)) if !shown(&key) => changed.push((start..at, None)),
            _ => {
                let heading =
                    bare.starts_with('#') && bare.trim_start_matches('#').starts_with(' ');
                if item || heading || bare.is_empty() {
                    flush(&mut pending, shown_end, &mut changed);
                }
                references(text, start..at, (&literal, blocks), &mut changed);
                if !bare.is_empty() {
                    shown_end = Some(start + line.trim_end().len());
                }
            }
        }
    }
    flush(&mut pending, shown_end, &mut changed);
    if changed.is_empty() {
        return None;
    }
    changed.sort_by_key(|(range, _)| (range.start, range.end));
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for (range, rewritten) in changed {
        splice.copy(copied..range.start);
        if let Some(rewritten) = rewritten {
            splice.insert(&rewritten, range.start);
        }
        copied = range.end;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// The block references on the line at `line` of `text`, outside code (`literal`),
/// to blocks the graph has (`blocks`), each as the link or embed that stands for it.
fn references(
    text: &str,
    line: Range<usize>,
    (literal, blocks): (&[Range<usize>], &BlockIds),
    changed: &mut Vec<(Range<usize>, Option<String>)>,
) {
    let mut from = line.start;
    while let Some(found) = text[from..line.end].find("((") {
        let open = from + found;
        from = open + 2;
        let Some(close) = text[open + 2..line.end].find("))") else {
            return;
        };
        let id = &text[open + 2..open + 2 + close];
        let Some((page, words)) = blocks.get(id) else {
            continue;
        };
        if super::expand::inside(literal, open) {
            continue;
        }
        let end = open + 2 + close + 2;
        let embed_open = text[line.start..open].trim_end().strip_suffix("{{embed");
        let embed_close = text[end..line.end].trim_start().starts_with("}}");
        // No words: the page's own id, among its properties at its top.
        let target = match words.is_empty() {
            true => page.clone(),
            false => format!("{page}#^{id}"),
        };
        let (range, written) = match embed_open {
            Some(before) if embed_close => {
                let closing = end + text[end..].find("}}").unwrap_or(0) + 2;
                (line.start + before.len()..closing, format!("![[{target}]]"))
            }
            _ if words.is_empty() => (open..end, format!("[[{target}]]")),
            _ => (open..end, format!("[[{target}|{words}]]")),
        };
        from = range.end;
        changed.push((range, Some(written)));
    }
}

/// The drawers of an older graph's blocks that [`hide_properties`] reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Drawer {
    Properties,
    Logbook,
}

/// The drawer a line (without its indent and list marker) opens, in any case, as
/// Logseq reads it.
fn drawer_opening(line: &str) -> Option<Drawer> {
    if line.eq_ignore_ascii_case(":PROPERTIES:") {
        Some(Drawer::Properties)
    } else if line.eq_ignore_ascii_case(":LOGBOOK:") {
        Some(Drawer::Logbook)
    } else {
        None
    }
}

/// The `:key: value` a line of a properties drawer is (the key in lowercase).
fn drawer_property(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.strip_prefix(':')?.split_once(':')?;
    let fits =
        !key.is_empty() && !key.contains(|c: char| c.is_whitespace() || "`[]()#*\"'".contains(c));
    (fits && (value.is_empty() || value.starts_with(' ')))
        .then(|| (key.to_lowercase(), value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_macro_is_what_logseq_shows_or_a_report() {
        let ok = |inner: &str| in_place(inner, "").unwrap().unwrap();
        assert_eq!(ok("embed [[Sleep hygiene]]"), "![[Sleep hygiene]]");
        assert_eq!(
            ok("video https://www.youtube.com/watch?v=abc"),
            "<https://www.youtube.com/watch?v=abc>"
        );
        assert_eq!(
            ok("youtube abc-1"),
            "<https://www.youtube.com/watch?v=abc-1>"
        );
        let report = |inner: &str| in_place(inner, "{{…}}").unwrap().unwrap_err().message;
        assert!(report("query (todo now)").starts_with("Logseq query"));
        assert!(report("cards([[y11t1]])").starts_with("Logseq flashcards"));
        assert!(report("embed ((6401a2b4-1c2d))").starts_with("Logseq block embed"));
        assert!(in_place("user_input", "").is_none());
        assert!(in_place("video not a url", "").is_none());
    }
}
