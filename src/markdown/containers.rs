//! Colon-fenced containers, as markdown-it-container (VuePress, VitePress),
//! Docusaurus, Pandoc's fenced divs and mdBook preprocessors of the same syntax write
//! them: a line of three or more colons and a kind opens one (`:::tip`, `::: warning
//! Mind the step`, `:::note[Title]`, `::: {.note}`), a line of as many colons or more
//! and nothing else closes it, and the lines between are Markdown. Each is written as
//! the callout attune reads (`> [!tip] Title`, its lines quoted) before the text is
//! parsed, so it renders, is searched and is checked as any callout is.
//!
//! A kind attune has no callout for is a note titled with the kind's name (as for
//! mdbook-admonish); `details` is a closed `<details>` (VitePress), and VitePress's
//! `code-group` no box: each code block under the label its fence gives
//! (```` ```sh [npm] ````), in bold, as a page without scripts shows tabs. A kind written
//! `kind:decoration` (an emoji or a word shown beside the box) is that kind. A
//! container a document leaves open runs to its end, as markdown-it reads it; one
//! written inside another (`::::note` around `:::tip`) is a callout in a callout.
//! Colons in code blocks stay code.
//!
//! pymdownx.blocks (MkDocs sites: FastAPI's docs) fences its blocks with slashes:
//! `/// tip | Title` … `///`, options indented below the first line (`type: warning`,
//! `open: True`) read and not shown. An admonition or `details` is a callout (a
//! foldable one for `details`), a `tab` its title in bold and its text after it, and
//! `html`, `define` and captions their text alone.
//!
//! GitBook's hint blocks are the same container written with Liquid tags: a line
//! `{% hint style="warning" %}` opens one, a line `{% endhint %}` closes it (as does
//! the tag ending a line of text, after that text), and the lines between are
//! Markdown; each is the callout of its style (`info`, `success`, `warning`,
//! `danger`), as GitBook shows it. Hexo's NexT and Butterfly themes write
//! theirs `{% note warning %}` … `{% endnote %}` (its first class the kind).

use super::admonish::callout;
use super::expand::{SegMap, Splice};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::ops::Range;

mod hints;
use hints::{closing_tag, hint_tag, hint_with_text, Hint};

/// The text with every colon-fenced container written as a callout, and the map back
/// to the text as written; `None` when there is none.
pub(super) fn rewrite(text: &str, options: Options) -> Option<(String, SegMap)> {
    let mut code: Option<Vec<(Range<usize>, bool)>> = None;
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut found = false;
    // Each open container's fence (its character and how many, `HINT` for a GitBook
    // hint) and whether its lines are quoted, outermost first, and the indent of the
    // outermost's line (a list item's), kept before the quotes.
    let mut open: Vec<(Fence, bool)> = Vec::new();
    let mut base = 0;
    let mut at = 0;
    // The end of a block's options (pymdownx.blocks' indented `type: warning`).
    let mut options_end = 0;
    // Where in `open` each VitePress code group or tab set is, and which.
    let mut groups: Vec<(usize, Group)> = Vec::new();
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if start < options_end {
            splice.copy(copied..start);
            copied = at;
            continue;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start_matches(' ').len();
        let rest = &content[indent..];
        let hint = hint_tag(rest);
        let fence: Fence = match hint {
            Some(_) => HINT,
            None => match rest.as_bytes().first() {
                Some(&c @ (b':' | b'/')) => {
                    (c, rest.len() - rest.trim_start_matches(c as char).len())
                }
                _ => (b':', 0),
            },
        };
        // In code, a marker is code; but a line at an open container's indent is its
        // marker where CommonMark alone reads an indented code block (a box in a list
        // item whose text stands at the line's start ends the item: grpc.io's web
        // quickstart left its box open, and the page's link definitions in it).
        let inside = code
            .get_or_insert_with(|| code_block_kinds(text, options))
            .iter()
            .find(|(r, _)| r.contains(&(start + indent)))
            .map(|(_, fenced)| *fenced);
        // A hint with its text on the tag's line: the callout, that text its first
        // line, closed after it when the line closes it.
        if let Some((style, words, closed)) = hint_with_text(rest).filter(|_| inside.is_none()) {
            found = true;
            if open.is_empty() {
                base = indent;
            }
            let keep = indent.min(base);
            let lead = &content[..keep];
            let prefix = quotes(depth_of(&open), &" ".repeat(base - keep));
            splice.copy(copied..start + keep);
            let callout_line = callout(&style, None, None);
            splice.insert(
                &format!("{prefix}{callout_line}\n{lead}{prefix}> "),
                start + indent,
            );
            let words = start + indent + words.start..start + indent + words.end;
            splice.copy(words.clone());
            copied = words.end;
            if let Some(tag) = closed {
                splice.insert(&format!("\n{lead}{prefix}"), words.end);
                copied = start + indent + tag.end;
            } else {
                open.push((HINT, true));
            }
            continue;
        }
        // `{% endhint %}` ending the open hint's last line of text (`Mind the step.
        // {% endhint %}`), or before other tags alone: the text the callout's last line.
        let hint_open = open.last().is_some_and(|o| o.0 == HINT);
        let alone = hint.is_some() || inside.is_some();
        if let Some(tag) = closing_tag(rest).filter(|_| hint_open && !alone) {
            let keep = indent.min(base);
            splice.copy(copied..start + keep);
            let prefix = quotes(depth_of(&open), &" ".repeat(base - keep));
            splice.insert(&prefix, start + keep);
            splice.copy(start + keep..start + indent + tag.start);
            open.pop();
            groups.retain(|(g, _)| *g < open.len());
            let outer = quotes(depth_of(&open), &content[..keep]);
            splice.insert(&format!("\n{outer}"), start + indent + tag.start);
            copied = start + indent + tag.end;
            continue;
        }
        let marker = (hint.is_some() || fence.1 >= 3)
            && match inside {
                None => true,
                Some(fenced) => !fenced && !open.is_empty() && indent == base,
            };
        let closes = match hint {
            Some(Hint::Close) => open.last().is_some_and(|o| o.0 == HINT),
            Some(Hint::Open(_)) => false,
            None => {
                rest[fence.1..].trim().is_empty()
                    && open
                        .last()
                        .is_some_and(|((c, n), _)| *c == fence.0 && *n <= fence.1)
            }
        };
        if marker && closes {
            // The closing line: the quotes of the containers still open, so what
            // follows is not read as the callout's text continued.
            open.pop();
            groups.retain(|(g, _)| *g < open.len());
            splice.copy(copied..start);
            splice.insert(
                &quotes(depth_of(&open), &content[..indent.min(base)]),
                start,
            );
            copied = start + content.len();
            continue;
        }
        let opening = match hint {
            Some(Hint::Open(style)) => marker.then(|| (callout(&style, None, None), true)),
            Some(Hint::Close) => None,
            None if fence.0 == b'/' => (marker && rest[fence.1..].starts_with(' '))
                .then(|| {
                    let (options, end) = block_options(&text[at..], indent);
                    options_end = at + end;
                    block_opening(rest[fence.1..].trim(), &options)
                })
                .flatten(),
            // VitePress's `::: code-group` (tabs of code, each block under its label)
            // and vitepress-plugin-tabs' `::: tabs` (`== Name` before each tab).
            None if marker && group_kind(&rest[fence.1..]).is_some() => {
                groups.extend(group_kind(&rest[fence.1..]).map(|kind| (open.len(), kind)));
                Some((String::new(), false))
            }
            None => marker
                .then(|| opening(rest[fence.1..].trim()).map(|line| (line, true)))
                .flatten(),
        };
        if open.is_empty() && opening.is_none() {
            continue;
        }
        if open.is_empty() {
            base = indent;
        }
        let keep = indent.min(base);
        splice.copy(copied..start + keep);
        // A line of a container in a list item stays in the item, a blank one or one
        // written at the line's start (as Hugo renders a box's text on its own): its
        // quotes at the item's indent (at the line's start they ended the list).
        let pad = " ".repeat(base - keep);
        let prefix = quotes(depth_of(&open), &pad);
        splice.insert(&prefix, start + keep);
        copied = start + keep;
        // A code block of a code group, its label (```` ```sh [npm] ````) above it; a
        // tab's `== Name` line, the name.
        let innermost = groups.last().filter(|(g, _)| *g + 1 == open.len());
        match innermost.map(|(_, kind)| kind) {
            Some(Group::Code) => {
                if let Some(label) = tab_label(rest) {
                    let prefix = format!("{}{prefix}", &content[..keep]);
                    let label = super::hugo_themes::plain(label);
                    splice.insert(&format!("**{label}**\n{prefix}\n{prefix}"), start + keep);
                }
            }
            Some(Group::Tabs) if inside.is_none() && opening.is_none() => {
                if let Some(name) = rest.strip_prefix("== ").map(str::trim) {
                    let name = super::hugo_themes::plain(name);
                    let prefix = format!("{}{prefix}", &content[..keep]);
                    let label = format!("\n{prefix}**{name}**\n{prefix}");
                    splice.insert(&label, start + keep);
                    copied = start + content.len();
                }
            }
            _ => {}
        }
        if let Some((callout_line, quoted)) = opening {
            found = true;
            splice.insert(&callout_line, start + indent);
            copied = start + content.len();
            open.push((fence, quoted));
        }
    }
    if !found {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// How many quote levels the open containers add.
fn depth_of(open: &[(Fence, bool)]) -> usize {
    open.iter().filter(|o| o.1).count()
}

/// A container's fence: its character (`:`, or `/` for pymdownx.blocks) and how many.
type Fence = (u8, usize);

/// What `open` holds for a GitBook hint, which only `{% endhint %}` closes.
const HINT: Fence = (b'%', usize::MAX);

/// The options of a pymdownx block, the lines indented below its header (`type:
/// warning`, `open: True`) up to a blank line, as keys and values, and where they end
/// in `after` (the text after the header).
fn block_options(after: &str, indent: usize) -> (Vec<(String, String)>, usize) {
    let mut options = Vec::new();
    let mut end = 0;
    for line in after.split_inclusive('\n') {
        let content = line.trim_end();
        let deeper = content.len() - content.trim_start().len() > indent;
        let Some((key, value)) = content.split_once(':').filter(|_| deeper) else {
            break;
        };
        options.push((key.trim().to_lowercase(), value.trim().to_string()));
        end += line.len();
    }
    (options, end)
}

/// The line standing for a pymdownx block's header (`note | Title`, `details |
/// Summary`, `tab | Linux`) and whether its lines are quoted: an admonition or
/// details are callouts (their `type` option the kind), a tab its title in bold,
/// and `html`, `define` and captions their text alone.
fn block_opening(header: &str, options: &[(String, String)]) -> Option<(String, bool)> {
    let (name, title) = header.split_once('|').unwrap_or((header, ""));
    let (name, title) = (name.trim().to_ascii_lowercase(), title.trim());
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return None;
    }
    let option = |key: &str| {
        (options.iter())
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim_matches(['"', '\'']).to_ascii_lowercase())
    };
    let title = (!title.is_empty()).then(|| title.to_string());
    let kind = option("type");
    Some(match name.as_str() {
        "tab" => (format!("**{}**\n", title.unwrap_or_default()), false),
        "html" | "define" | "caption" | "figure-caption" | "table-caption" => {
            (String::new(), false)
        }
        "details" => {
            let fold = match option("open").as_deref() {
                Some("true" | "yes") => '+',
                _ => '-',
            };
            (
                callout(kind.as_deref().unwrap_or("note"), title, Some(fold)),
                true,
            )
        }
        "admonition" => (
            callout(kind.as_deref().unwrap_or("note"), title, None),
            true,
        ),
        _ => (callout(&name, title, None), true),
    })
}

/// `depth` quote marks after `indent`.
fn quotes(depth: usize, indent: &str) -> String {
    format!("{indent}{}", "> ".repeat(depth))
}

/// A container whose parts are tabs, shown one after another under their labels.
#[derive(Clone, Copy)]
enum Group {
    /// VitePress's `code-group`.
    Code,
    /// vitepress-plugin-tabs' `tabs` (with an optional `key:…` that syncs tab sets).
    Tabs,
}

/// The group what follows an opening line's colons opens, if any.
fn group_kind(after: &str) -> Option<Group> {
    let mut words = after.split_whitespace();
    let kind = match words.next()?.to_ascii_lowercase().as_str() {
        "code-group" => Group::Code,
        "tabs" => Group::Tabs,
        _ => return None,
    };
    words.all(|w| w.starts_with("key:")).then_some(kind)
}

/// The label of a code group's block: the `[npm]` of a fence's info string
/// (```` ```sh [npm] ````); `None` for another line.
fn tab_label(line: &str) -> Option<&str> {
    let info = line
        .strip_prefix("```")
        .or_else(|| line.strip_prefix("~~~"))?
        .trim_start_matches(['`', '~'])
        .trim_end();
    let (_, label) = info.strip_suffix(']')?.rsplit_once('[')?;
    (!label.trim().is_empty()).then(|| label.trim())
}

/// The callout line for what follows an opening line's colons (`tip Title`,
/// `note[Title]`, `{.warning}`), or `None` when it names no kind.
fn opening(after: &str) -> Option<String> {
    // Docusaurus' `:::tip[Title]`: the bracket right after the kind.
    let mut bracketed = false;
    let (kind, title) = if let Some(attrs) = after.strip_prefix('{') {
        // Pandoc's attributes: the first class is the kind. MyST's directive
        // (`:::{note}`, `:::{admonition} Title`): an admonition's name.
        let (attrs, title) = attrs.split_once('}')?;
        match attrs.split_whitespace().find_map(|a| a.strip_prefix('.')) {
            Some(kind) => (kind, title),
            None if attrs == "admonition" || attrs == "seealso" => ("note", title),
            None if super::callouts::callout_title(attrs).is_some() => (attrs, title),
            None => return None,
        }
    } else {
        let end = after
            .find(|c: char| c.is_whitespace() || c == '[' || c == '{')
            .unwrap_or(after.len());
        let (word, title) = after.split_at(end);
        bracketed = title.starts_with('[');
        (word.split(':').next().unwrap_or(word), title)
    };
    let valid = kind.starts_with(|c: char| c.is_ascii_alphabetic())
        && kind
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return None;
    }
    let title = title.trim();
    // markdown-it-attrs' list after a VitePress title (`::: warning Class Support
    // {#class-support}`): the box's attributes, not its words.
    let title = match title.rsplit_once(" {") {
        Some((words, list))
            if super::goldmark_attributes::attribute_list(&format!("{{{list}")).is_some() =>
        {
            words.trim()
        }
        _ => title,
    };
    // Docusaurus' `:::tip[Title]`; attributes after the kind (`{title="…"}`) are
    // its, and passed over. VitePress' title after a space is Markdown, a link too
    // (`::: tip [See](two) first`).
    let title = match title.strip_prefix('[').filter(|_| bracketed) {
        Some(t) => t.rsplit_once(']').map_or(t, |(t, _)| t),
        None if title.starts_with('{') => "",
        None => title,
    }
    .trim();
    let kind = kind.to_ascii_lowercase();
    let title = (!title.is_empty()).then(|| title.to_string());
    Some(match kind.as_str() {
        // A box that folds, titled by its title alone (`::: details Why?` shows "Why?",
        // as VitePress and Docusaurus show it), else "Details".
        "details" => {
            let title = title.unwrap_or_default().replace(['\n', '\r'], " ");
            format!("> [!details]- {title}").trim_end().to_string()
        }
        _ => callout(&kind, title, None),
    })
}

/// The ranges of the text's code blocks.
pub(super) fn code_blocks(text: &str, options: Options) -> Vec<Range<usize>> {
    code_block_kinds(text, options)
        .into_iter()
        .map(|(range, _)| range)
        .collect()
}

/// The ranges of the text's code blocks, each with whether it is fenced.
fn code_block_kinds(text: &str, options: Options) -> Vec<(Range<usize>, bool)> {
    Parser::new_ext(text, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(kind)) => Some((
                range,
                matches!(kind, pulldown_cmark::CodeBlockKind::Fenced(_)),
            )),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(text: &str) -> String {
        rewrite(text, Options::empty()).map_or_else(|| text.to_string(), |(out, _)| out)
    }

    #[test]
    fn colon_fenced_containers_become_callouts() {
        let text = "Before.\n\n:::tip Convention\n\nText with *emphasis*.\n\n:::\nAfter.\n";
        let (rewritten, map) = rewrite(text, Options::empty()).unwrap();
        assert_eq!(
            rewritten,
            "Before.\n\n> [!tip] Convention\n> \n> Text with *emphasis*.\n> \n\nAfter.\n"
        );
        // Positions in the callout's text map back to the container's lines.
        let at = rewritten.find("Text with").unwrap();
        assert_eq!(map.back(at), text.find("Text with").unwrap());
        let at = rewritten.find("After").unwrap();
        assert_eq!(map.back(at), text.find("After").unwrap());
        // VitePress' and Docusaurus' forms, Pandoc's attributes, a kind with a
        // decoration, a kind attune has no callout for, `details`.
        assert_eq!(out("::: warning\nX\n:::\n"), "> [!warning]\n> X\n\n");
        assert_eq!(
            out(":::note[My *title*]\nX\n:::\n"),
            "> [!note] My *title*\n> X\n\n"
        );
        assert_eq!(out("::: {#id .danger}\nX\n:::\n"), "> [!danger]\n> X\n\n");
        // MyST's directives (zk's docs): an admonition's name; another is no box.
        assert_eq!(out(":::{note}\nX\n:::\n"), "> [!note]\n> X\n\n");
        assert_eq!(
            out(":::{admonition} Mind *this*\nX\n:::\n"),
            "> [!note] Mind *this*\n> X\n\n"
        );
        assert_eq!(
            out(":::{figure} a.png\nX\n:::\n"),
            ":::{figure} a.png\nX\n:::\n"
        );
        assert_eq!(out(":::tip:🎉 Done\nX\n:::\n"), "> [!tip] Done\n> X\n\n");
        assert_eq!(
            out(":::challenge\nX\n:::\n"),
            "> [!note] Challenge\n> X\n\n"
        );
        assert_eq!(
            out("::: details Click\nX\n:::\n"),
            "> [!details]- Click\n> X\n\n"
        );
        assert_eq!(out("::: details\nX\n:::\n"), "> [!details]-\n> X\n\n");
        // A VitePress title opening with a link (08C-Projet-Prog/cours) keeps it all.
        assert_eq!(
            out("::: tip [See](two) and **bold**\nX\n:::\n"),
            "> [!tip] [See](two) and **bold**\n> X\n\n"
        );
    }

    #[test]
    fn pymdownx_blocks_are_callouts_tabs_or_their_text() {
        // FastAPI's docs: `/// tip | Title` … `///`; `details` with its options.
        assert_eq!(
            out("/// tip | Mind the step\n\nText.\n\n///\n\nAfter.\n"),
            "> [!tip] Mind the step\n> \n> Text.\n> \n\n\nAfter.\n"
        );
        assert_eq!(
            out("/// details | Why?\n    type: warning\n    open: True\n\nBecause.\n///\n"),
            "> [!warning]+ Why?\n> \n> Because.\n\n"
        );
        assert_eq!(
            out("/// admonition | Heads up\n    type: danger\nX\n///\n"),
            "> [!danger] Heads up\nX\n\n".replace("\nX", "\n> X")
        );
        // A tab: its title in bold, its text unquoted; `html` its text alone.
        assert_eq!(
            out("/// tab | Linux\nUse apt.\n///\n"),
            "**Linux**\n\nUse apt.\n\n"
        );
        assert_eq!(out("/// html | div.grid\nCards.\n///\n"), "\nCards.\n\n");
        // Nested with more slashes; a comment-like line is text.
        assert_eq!(
            out("//// note\n/// tip\nB\n///\n////\n"),
            "> [!note]\n> > [!tip]\n> > B\n> \n\n"
        );
        assert_eq!(out("///Doc comment\n"), "///Doc comment\n");
    }

    #[test]
    fn a_vitepress_code_group_is_each_block_under_its_label() {
        let group = "::: code-group\n```sh [npm]\nnpm add -D vitest\n```\n\n```sh [my_pnpm]\npnpm i\n```\n:::\nAfter.\n";
        assert_eq!(
            out(group),
            "\n**npm**\n\n```sh [npm]\nnpm add -D vitest\n```\n\n**my\\_pnpm**\n\n```sh [my_pnpm]\npnpm i\n```\n\nAfter.\n"
        );
        let tabs = "::: tabs key:provider\n== Playwright\nRun `npx`.\n\n```\n== kept\n```\n== WebdriverIO\nRun it.\n:::\n";
        assert_eq!(
            out(tabs),
            "\n\n**Playwright**\n\nRun `npx`.\n\n```\n== kept\n```\n\n**WebdriverIO**\n\nRun it.\n\n"
        );
        // In a box, the labels are the box's.
        let boxed = "::: tip\n::: code-group\n```js [a.js]\nx\n```\n:::\n:::\n";
        assert_eq!(
            out("::: warning Class Support {#class-support}\nText.\n:::\n"),
            "> [!warning] Class Support\n> Text.\n\n"
        );
        assert_eq!(
            out(boxed),
            "> [!tip]\n> \n> **a\\.js**\n> \n> ```js [a.js]\n> x\n> ```\n> \n\n"
        );
    }

    #[test]
    fn containers_nest_and_keep_their_code() {
        // A container in another, with more colons around it.
        assert_eq!(
            out("::::note Outer\nA\n:::tip\nB\n:::\nC\n::::\nD\n"),
            "> [!note] Outer\n> A\n> > [!tip]\n> > B\n> \n> C\n\nD\n"
        );
        // A code block in a container is quoted with it; colons inside it stay.
        assert_eq!(
            out(":::tip\n```\n:::\n```\n:::\n"),
            "> [!tip]\n> ```\n> :::\n> ```\n\n"
        );
        // In a list item, the item's indent stays before the quote.
        assert_eq!(
            out("- item\n\n  :::tip\n  Inside.\n  :::\n"),
            "- item\n\n  > [!tip]\n  > Inside.\n  \n",
        );
        // A blank line inside it stays in the item.
        assert_eq!(
            out("- item\n\n  :::tip\n\n  Inside.\n\n  :::\n"),
            "- item\n\n  > [!tip]\n  > \n  > Inside.\n  > \n  \n"
        );
        // Its text at the line's start, as a box in a list item may be written: its
        // closing line, at its opening line's indent, closes it all the same.
        assert_eq!(
            out("1. Fetch:\n\n    :::note\nIgnore it:\n\n```\nWARN\n```\n    :::\n\n2. Next.\n"),
            "1. Fetch:\n\n    > [!note]\n    > Ignore it:\n    > \n    > ```\n    > WARN\n    > ```\n    \n\n2. Next.\n"
        );
        // A container left open runs to the end.
        assert_eq!(out(":::tip\nA\n"), "> [!tip]\n> A\n");
    }

    #[test]
    fn gitbook_hints_become_callouts() {
        let text = "A\n\n{% hint style=\"warning\" %}\nMind *this*.\n{% endhint %}\nB\n";
        let (rewritten, map) = rewrite(text, Options::empty()).unwrap();
        assert_eq!(rewritten, "A\n\n> [!warning]\n> Mind *this*.\n\nB\n");
        let at = rewritten.find("Mind").unwrap();
        assert_eq!(map.back(at), text.find("Mind").unwrap());
        // Each style; no style is `info`; a container inside; colons do not close it.
        assert_eq!(
            out("{% hint style=\"success\" %}\nX\n{% endhint %}\n"),
            "> [!success]\n> X\n\n"
        );
        assert_eq!(
            out("{%- hint -%}\nX\n{%- endhint -%}\n"),
            "> [!info]\n> X\n\n"
        );
        assert_eq!(
            out("{% hint style='danger' %}\n:::tip\nX\n:::\n:::\n{% endhint %}\n"),
            "> [!danger]\n> > [!tip]\n> > X\n> \n> :::\n\n"
        );
        // In code, or with text around it on its line, a hint tag stays as written.
        assert!(rewrite("```\n{% hint %}\nX\n{% endhint %}\n```\n", Options::empty()).is_none());
        assert!(rewrite("a {% hint %}\nX\n{% endhint %}\n", Options::empty()).is_none());
        // Text on the tag's line (a one-line hint lost its text and held the rest of
        // the page in its box).
        let text = "{% hint style=\"info\" %} One *line*. {% endhint %}\n\nAfter.\n";
        let (rewritten, map) = rewrite(text, Options::empty()).unwrap();
        assert_eq!(rewritten, "> [!info]\n> One *line*.\n\n\nAfter.\n");
        let at = rewritten.find("One").unwrap();
        assert_eq!(map.back(at), text.find("One").unwrap());
        assert_eq!(
            out("{% hint style=\"warning\" %} First\nSecond\n{% endhint %}\nB\n"),
            "> [!warning]\n> First\n> Second\n\nB\n"
        );
        assert!(rewrite("{% hinted %}\nX\n", Options::empty()).is_none());
        // `{% endhint %}` ending a line of text closes the hint after that text.
        assert_eq!(
            out("{% hint style=\"warning\" %}\nOnly *this*. {% endhint %}\nB\n"),
            "> [!warning]\n> Only *this*. \n\nB\n"
        );
        assert_eq!(
            out(":::tip\n{% hint %}\nX {% endhint %}\nY\n:::\n"),
            "> [!tip]\n> > [!info]\n> > X \n> \n> Y\n\n"
        );
        assert!(rewrite("a {% endhint %}\n", Options::empty()).is_none());
        // Before the closing tags of the blocks it ends in (GitBook's steps), which
        // are left for `foreign.rs`.
        assert_eq!(
            out("{% hint %}\nA. {% endhint %} {% endstep %}\nB\n"),
            "> [!info]\n> A. \n {% endstep %}\nB\n"
        );
        assert_eq!(
            out("{% hint %} A. {% endhint %} {% endstep %}\nB\n"),
            "> [!info]\n> A.\n {% endstep %}\nB\n"
        );
        // Hexo's NexT and Butterfly notes: the first class is the kind.
        assert_eq!(
            out("{% note warn no-icon %}\nX\n{% endnote %}\n"),
            "> [!warning]\n> X\n\n"
        );
        assert_eq!(out("{% note %}\nX\n{% endnote %}\n"), "> [!note]\n> X\n\n");
        assert!(rewrite("{% notes %}\nX\n", Options::empty()).is_none());
    }

    #[test]
    fn other_colons_stay_as_written() {
        for text in [
            "```\n:::tip\nx\n:::\n```\n",
            "    :::tip\n",
            "a ::: b\n",
            ":::\nx\n:::\n",
            "::: 123\nx\n",
            ":: tip\nx\n",
        ] {
            assert!(rewrite(text, Options::empty()).is_none(), "{text}");
        }
    }
}
