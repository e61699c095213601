//! mdbook-admonish's blocks: a fenced code block whose info string starts with
//! `admonish` (```` ```admonish warning title="Mind the step" collapsible=true ````) is
//! a callout whose text is Markdown, as that preprocessor renders it. Each is written
//! as the callout attune reads (`> [!warning]- Mind the step`, its lines quoted) before
//! the text is parsed, so it renders, is searched and is checked as any callout is.
//!
//! The info string, as mdbook-admonish reads it: the kind first (`note` when none),
//! then either a quoted title (the older form, `admonish tip "Title"`) or `key=value`
//! options: `title`, `collapsible` (`true` makes it a closed `<details>`), `type` (the
//! kind); `class` and `id` are for the preprocessor's own styles and are passed over.
//! A kind attune has no callout for is a note titled with the kind's name.

use super::callouts::callout_title;
use super::expand::{SegMap, Splice};
use super::ids::heading_slug;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};
use std::collections::HashMap;

/// The text with every `admonish` block written as a callout, and the map back to the
/// text as written; `None` when there is none.
pub(super) fn rewrite(text: &str, options: Options) -> Option<(String, SegMap)> {
    let blocks: Vec<(std::ops::Range<usize>, String)> = Parser::new_ext(text, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let words = info.trim_start();
                let rest = words.strip_prefix("admonish")?;
                (rest.is_empty() || rest.starts_with(char::is_whitespace))
                    .then(|| (range, rest.to_string()))
            }
            _ => None,
        })
        .collect();
    if blocks.is_empty() {
        return None;
    }
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut ids = HashMap::new();
    for (range, info) in blocks {
        let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        // The fence's column: what is before it on each line is the containers' (a
        // list item's indent, a quote's `>`), kept as it is.
        let fence = line_start + text[line_start..].find(['`', '~'])?;
        let column = fence - line_start;
        splice.copy(copied..fence);
        let lines: Vec<(usize, &str)> = text[line_start..range.end]
            .split_inclusive('\n')
            .scan(line_start, |at, line| {
                let start = *at;
                *at += line.len();
                Some((start, line))
            })
            .collect();
        let opening_end = lines[0].0 + lines[0].1.trim_end_matches(['\n', '\r']).len();
        let (line, id) = callout_line(&info, &mut ids);
        // The block's id as mdbook-admonish gives it, for links to `#admonition-note`:
        // an anchor the callout's text begins with.
        let id = id.replace(['"', '<', '>', '&'], "");
        // On a line of its own, after the title's, in the same containers (a list
        // item's indent, a quote's `>`).
        let prefix: String = text[line_start..fence]
            .chars()
            .map(|c| if c == '>' || c == '\t' { c } else { ' ' })
            .collect();
        splice.insert(&format!("{line}\n{prefix}> <a id=\"{id}\"></a>"), fence);
        copied = opening_end;
        let last = lines.len() - 1;
        for (n, &(start, line)) in lines.iter().enumerate().skip(1) {
            let indent = line
                .bytes()
                .take(column)
                .take_while(|b| *b == b' ' || *b == b'\t')
                .count();
            let body = line[indent..].trim_start();
            let closing = n == last
                && body.starts_with(['`', '~'])
                && body.trim_end().chars().all(|c| c == '`' || c == '~');
            splice.copy(copied..start + indent);
            if closing {
                // The closing fence: a blank line, so what follows is not read as
                // the callout's text continued.
                copied = start + line.trim_end_matches(['\n', '\r']).len();
            } else {
                splice.insert("> ", start + indent);
                copied = start + indent;
                // Tabs indenting the text count to the next multiple of four columns
                // from where it starts, as in the block mdbook-admonish renders: after
                // the quote's `> ` they would count less (an indented code block
                // turned into a paragraph), so they are written as spaces.
                let rest = &line[indent..];
                let tabs = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                if rest[..tabs].contains('\t') {
                    let width = rest[..tabs].chars().fold(0, |col, c| match c {
                        '\t' => col + 4 - col % 4,
                        _ => col + 1,
                    });
                    splice.insert(&" ".repeat(width), copied);
                    copied += tabs;
                }
            }
        }
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// `> [!kind]- Title` for an `admonish` block's info string (what follows `admonish`),
/// and the block's id as mdbook-admonish gives it: `id=` as written, else
/// `admonition-` and the slug of its title (the kind's name, in title case, when it
/// has none; `Note` for a kind mdbook-admonish does not know), numbered from `-1` when
/// the page has it already (`ids` counts them).
fn callout_line(info: &str, ids: &mut HashMap<String, usize>) -> (String, String) {
    let mut kind: Option<String> = None;
    let mut title: Option<String> = None;
    let mut id: Option<String> = None;
    let mut collapsible = false;
    let mut rest = info.trim();
    while !rest.is_empty() {
        let (word, after) = next_word(rest);
        rest = after.trim_start();
        match word.split_once('=') {
            Some((key, value)) => {
                let value = unquote(value);
                match key.trim() {
                    "title" => title = Some(value),
                    "collapsible" => collapsible = value == "true",
                    "type" => kind = Some(value),
                    "id" => id = Some(value),
                    _ => {}
                }
            }
            None if word.starts_with(['"', '\'']) => title = Some(unquote(word)),
            None if kind.is_none() => kind = Some(word.to_string()),
            None => {}
        }
    }
    let kind = kind.as_deref().unwrap_or("note");
    let id = id.unwrap_or_else(|| {
        let named = match &title {
            // Its text, as mdbook-admonish makes it: `What <i>is</i> this?` is
            // `admonition-what-is-this`.
            Some(title) => without_tags(title),
            None if callout_title(kind).is_some() => {
                let mut named = kind.to_string();
                if let Some(first) = named.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                named
            }
            None => "Note".to_string(),
        };
        let slug = match heading_slug(&named) {
            slug if slug.is_empty() => "default".to_string(),
            slug => slug,
        };
        let count = ids.entry(slug.clone()).or_insert(0);
        let unique = match *count {
            0 => slug,
            n => format!("{slug}-{n}"),
        };
        *count += 1;
        format!("admonition-{unique}")
    });
    (callout(kind, title, collapsible.then_some('-')), id)
}

/// `text` without its HTML tags (`<` and a letter, `/` or `!`, to the next `>`).
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tag = &rest[i + 1..];
        let end = tag
            .find('>')
            .filter(|_| tag.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!'));
        match end {
            Some(end) => rest = &tag[end + 1..],
            None => {
                out.push('<');
                rest = tag;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `> [!kind]- Title`: a kind attune has no callout for is a note titled with the
/// kind's name; `fold` makes it a `<details>`, closed (`-`) or open (`+`).
pub(super) fn callout(kind: &str, title: Option<String>, fold: Option<char>) -> String {
    let kind = kind.to_string();
    let (kind, title) = match callout_title(&kind) {
        Some(_) => (kind, title),
        None => {
            let mut named = kind.clone();
            if let Some(first) = named.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            ("note".to_string(), title.or(Some(named)))
        }
    };
    let fold = fold.map(String::from).unwrap_or_default();
    let title = title.unwrap_or_default().replace(['\n', '\r'], " ");
    format!("> [!{kind}]{fold} {title}").trim_end().to_string()
}

/// The first word of `text` (a quoted string, or `key="quoted value"`, in one) and
/// what follows it.
fn next_word(text: &str) -> (&str, &str) {
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() || c == ',' => return (&text[..i], &text[i + 1..]),
            _ => {}
        }
    }
    (text, "")
}

/// A TOML string's value (`"a \"b\""`, `'c'`), or the text as it is.
fn unquote(value: &str) -> String {
    let value = value.trim();
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    value
        .strip_prefix('\'')
        .and_then(|v| v.strip_suffix('\''))
        .unwrap_or(value)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admonish_blocks_become_callouts() {
        let text = "Before.\n\n```admonish warning title=\"Mind **the** step\" collapsible=true\nText with *emphasis*.\n\n- a list\n```\nAfter.\n";
        let (out, map) = rewrite(text, Options::empty()).unwrap();
        assert_eq!(
            out,
            "Before.\n\n> [!warning]- Mind **the** step\n> <a id=\"admonition-mind-the-step\"></a>\n> Text with *emphasis*.\n> \n> - a list\n\nAfter.\n"
        );
        // Positions in the callout's text map back to the block's lines.
        let at = out.find("Text with").unwrap();
        assert_eq!(map.back(at), text.find("Text with").unwrap());
        let at = out.find("After").unwrap();
        assert_eq!(map.back(at), text.find("After").unwrap());
        // In a list item, the item's indent stays before the quote.
        let (out, _) = rewrite(
            "- item\n\n  ```admonish tip \"Older title\"\n  Inside.\n  ```\n",
            Options::empty(),
        )
        .unwrap();
        assert_eq!(out, "- item\n\n  > [!tip] Older title\n  > <a id=\"admonition-older-title\"></a>\n  > Inside.\n  \n");
        // A tab-indented code block in the text stays code.
        let (out, _) = rewrite(
            "```admonish\nText.\n\n\tenv: ${{ x }}\n \tmore\n```\n",
            Options::empty(),
        )
        .unwrap();
        assert_eq!(
            out,
            "> [!note]\n> <a id=\"admonition-note\"></a>\n> Text.\n> \n>     env: ${{ x }}\n>     more\n\n"
        );
    }

    #[test]
    fn the_info_string_is_read_as_mdbook_admonish_reads_it() {
        // The id is the slug of the title's text, its HTML tags left out.
        let (_, id) = callout_line("abstract \"What <i>is</i> this?\"", &mut HashMap::new());
        assert_eq!(id, "admonition-what-is-this");
        assert_eq!(without_tags("a < b <b>c</b> <!-- d -->"), "a < b c ");
        assert_eq!(callout_line("", &mut HashMap::new()).0, "> [!note]");
        assert_eq!(callout_line(" info", &mut HashMap::new()).0, "> [!info]");
        assert_eq!(
            callout_line(" example \"My title\"", &mut HashMap::new()).0,
            "> [!example] My title"
        );
        assert_eq!(
            callout_line(
                " type=\"danger\", title='Stop', class=\"x\" id=\"y\"",
                &mut HashMap::new()
            )
            .0,
            "> [!danger] Stop"
        );
        assert_eq!(
            callout_line(" custom-kind", &mut HashMap::new()).0,
            "> [!note] Custom-kind"
        );
        assert_eq!(
            callout_line(" bug collapsible=false", &mut HashMap::new()).0,
            "> [!bug]"
        );
    }

    #[test]
    fn each_block_has_the_id_mdbook_admonish_gives_it() {
        let mut ids = HashMap::new();
        let id = |info: &str, ids: &mut HashMap<String, usize>| callout_line(info, ids).1;
        assert_eq!(id(" note", &mut ids), "admonition-note");
        assert_eq!(id("", &mut ids), "admonition-note-1");
        assert_eq!(
            id(" tip title=\"Mind **the** step\"", &mut ids),
            "admonition-mind-the-step"
        );
        assert_eq!(id(" warning \"\"", &mut ids), "admonition-default");
        assert_eq!(id(" custom-kind", &mut ids), "admonition-note-2");
        assert_eq!(id(" info id=\"my-id\"", &mut ids), "my-id");
    }

    #[test]
    fn other_code_blocks_and_examples_in_code_stay_code() {
        assert!(rewrite("```rust\nfn main() {}\n```\n", Options::empty()).is_none());
        assert!(rewrite("```admonishment\nx\n```\n", Options::empty()).is_none());
        // A block showing the syntax inside a longer fence is that block's code.
        assert!(rewrite("````md\n```admonish\nx\n```\n````\n", Options::empty()).is_none());
    }
}
