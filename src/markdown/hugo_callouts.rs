//! Hugo themes' boxes: Docsy's `{{% alert title="Note" color="warning" %}}` …
//! `{{% /alert %}}` and the Learn and Relearn themes' `{{% notice tip "Title" %}}` …
//! `{{% /notice %}}` (also `style=`/`title=`, and their `{{< >}}` forms). Each pair
//! whose tags stand on lines of their own is written as a colon-fenced container
//! (`:::warning Note` … `:::`), which `containers.rs` then makes the callout attune
//! reads, so the box is drawn, its Markdown read, and nothing is reported. A pair
//! that is not (a tag inside a line, one left open) stays for `foreign.rs` to report.
//! Zola themes' boxes are read here too (`zola_boxes.rs`).

use super::expand::{literal_ranges, SegMap, Splice};
use super::hugo_figure::named_args;
use pulldown_cmark::Options;
use std::ops::Range;

mod zola_boxes;

/// One tag: the range it replaces, the line's indent, where it stands in its line, and
/// for an opening tag the container line's text after the colons.
struct Line {
    range: Range<usize>,
    indent: usize,
    place: Place,
    name: &'static str,
    opening: Option<String>,
}

/// Where a tag stands in its line: alone, or opening or ending a line with other text
/// (`{{% /alert %}}.`, as etcd.io closes a box before the sentence's full stop; Hugo
/// writes the box, then the text after it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Alone,
    Starts,
    Ends,
}

/// The text with each box pair (see [`BOXES`]) written as a colon fence, and its map;
/// `None` when there is none.
pub(super) fn rewrite(text: &str, options: Options) -> Option<(String, SegMap)> {
    let mut lines = Vec::new();
    // Zola's one-line boxes, each a container on its own.
    let mut replace: Vec<(Range<usize>, String)> = Vec::new();
    let all: Vec<(usize, &str)> = crate::text::lines_at(text).collect();
    let mut i = 0;
    while i < all.len() {
        let (start, line) = all[i];
        i += 1;
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start().len();
        // A call whose body runs over lines (after-dark's `{{ note(body="` … `")}}`).
        let call = content.trim_start().starts_with("{{").then(|| {
            (1..=zola_boxes::MAX_LINES)
                .take_while(|n| i + n - 1 <= all.len())
                .map(|n| all[i + n - 2].0 + all[i + n - 2].1.len())
                .map(|end| &text[start + indent..end])
                .find(|call| call.trim_end().ends_with("}}"))
        });
        let call = call.flatten();
        let lone = call.and_then(|c| Some((zola_boxes::lone(c.trim(), &content[..indent])?, c)));
        match lone {
            Some((boxed, call)) => {
                let end = start + indent + call.trim_end().len();
                i = all.partition_point(|(at, _)| *at < end);
                replace.push((start..end, boxed));
            }
            None => lines.extend(tags_in_line(content, start, indent)),
        }
    }
    if lines.is_empty() && replace.is_empty() {
        return None;
    }
    let code = literal_ranges(text, options);
    lines.retain(|l| !code.iter().any(|r| r.contains(&l.range.start)));
    replace.retain(|(r, _)| !code.iter().any(|c| c.contains(&r.start)));
    // Pair each closing tag with the latest opening one of its name.
    let mut open: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.opening.is_some() {
            open.push(i);
        } else if let Some(pos) = open.iter().rposition(|&o| lines[o].name == line.name) {
            pairs.push((open.remove(pos), i));
        }
    }
    // A Zola pair that is no box (`{% wide_container() %}`) stays for `foreign.rs`.
    pairs.retain(|&(o, _)| lines[o].opening.as_deref() != Some(""));
    if pairs.is_empty() && replace.is_empty() {
        return None;
    }
    for (o, c) in pairs {
        let (open, close) = (&lines[o], &lines[c]);
        let indent = " ".repeat(open.indent);
        let opening = open.opening.as_deref().unwrap_or("note");
        // A box inside an HTML block (vitess's `<p>` on the line above) stands after a
        // blank line, which ends the block, so that it is drawn, not shown as written.
        let apart = match super::hugo_themes::in_html_block(&text[..open.range.start]) {
            true => "\n",
            false => "",
        };
        // Text after an opening tag is the box's first line; text before a closing
        // tag its last; text after a closing tag follows the box.
        replace.push((
            open.range.clone(),
            match open.place {
                Place::Starts => format!("{apart}{indent}:::{opening}\n{indent}"),
                _ => format!("{apart}{indent}:::{opening}"),
            },
        ));
        replace.push((
            close.range.clone(),
            match close.place {
                Place::Alone => format!("{indent}:::"),
                Place::Starts => format!("{indent}:::\n\n{indent}"),
                Place::Ends => format!("\n{indent}:::"),
            },
        ));
    }
    replace.sort_by_key(|(range, _)| range.start);
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for (range, with) in replace {
        splice.copy(copied..range.start);
        splice.insert(&with, range.start);
        copied = range.end;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// The box tags of one line (`content`, from `start` in the text, its
/// indent `indent`): the line alone, or a tag opening the line with text after it, or
/// a closing tag ending it with text before it (both, `{{% alert %}}Yes.{{% /alert %}}`).
/// A tag's range takes the line's indent or the spaces between it and the text.
fn tags_in_line(content: &str, start: usize, indent: usize) -> Vec<Line> {
    let trimmed = content.trim();
    let end = start + content.trim_end().len();
    if let Some((name, opening)) = tag_line(trimmed) {
        return vec![Line {
            range: start..end,
            indent,
            place: Place::Alone,
            name,
            opening,
        }];
    }
    let mut found = Vec::new();
    let first = ["%}}", ">}}"]
        .iter()
        .filter_map(|close| Some(trimmed.find(close)? + close.len()))
        .min()
        .filter(|_| trimmed.starts_with("{{%") || trimmed.starts_with("{{<"));
    let mut taken = start + indent;
    if let Some(len) = first {
        if let Some((name, opening)) = tag_line(&trimmed[..len]) {
            let after = trimmed[len..].len() - trimmed[len..].trim_start().len();
            taken = start + indent + len + after;
            found.push(Line {
                range: start..taken,
                indent,
                place: Place::Starts,
                name,
                opening,
            });
        }
    }
    let last = ["{{%", "{{<"]
        .iter()
        .filter_map(|open| trimmed.rfind(open))
        .max()
        .filter(|&at| at > 0 && (trimmed.ends_with("%}}") || trimmed.ends_with(">}}")));
    if let Some(at) = last {
        let before = trimmed[..at].trim_end().len();
        if let Some((name, None)) = tag_line(&trimmed[at..]) {
            if start + indent + before >= taken && before > 0 {
                found.push(Line {
                    range: start + indent + before..end,
                    indent,
                    place: Place::Ends,
                    name,
                    opening: None,
                });
            }
        }
    }
    found
}

/// The shortcodes themes draw as a box: Docsy's `alert` and `pageinfo`, Learn's
/// `notice`, Hextra's `callout`, Hugo Book's `hint`, LoveIt's `admonition`, and the
/// boxes named by their kind that Kubernetes' and Linode's docs write (`note`, …).
const BOXES: &[&str] = &[
    "alert",
    "notice",
    "callout",
    "hint",
    "admonition",
    "pageinfo",
    "note",
    "tip",
    "info",
    "important",
    "warning",
    "caution",
    "danger",
];

/// A line that is only a box's tag (see [`BOXES`]): its name, and for an opening tag
/// what follows the colons (`warning Title`).
fn tag_line(line: &str) -> Option<(&'static str, Option<String>)> {
    if let Some(zola) = zola_boxes::tag(line) {
        return Some(zola);
    }
    let inner = line
        .strip_prefix("{{%")
        .and_then(|l| l.strip_suffix("%}}"))
        .or_else(|| line.strip_prefix("{{<").and_then(|l| l.strip_suffix(">}}")))?
        .trim();
    if inner.contains("{{") || inner.contains("}}") || inner.ends_with('/') {
        return None;
    }
    // `{{< /note >}}`, or `{{< / note >}}` as Hugo reads it too.
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, inner),
    };
    let (word, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let name = *BOXES.iter().find(|&&name| name == word)?;
    if closing {
        return Some((name, None));
    }
    let named = named_args(args);
    let get = |key: &str| {
        named
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_string())
    };
    // Learn/Relearn: `notice tip "Title"`, the kind and title given by position.
    let positional: Vec<String> = if named.is_empty() {
        words(args)
    } else {
        Vec::new()
    };
    let (kind, title) = match name {
        "alert" => (get("color").unwrap_or_default(), get("title")),
        // Hextra's `callout type="warning"`; Hugo Blox's `callout warning`.
        "callout" | "pageinfo" => (
            get("type")
                .or_else(|| positional.first().cloned())
                .unwrap_or_default(),
            get("title"),
        ),
        // Learn's `notice`, Hugo Book's `hint`, LoveIt's `admonition`.
        "notice" | "hint" | "admonition" => (
            get("style")
                .or_else(|| get("type"))
                .or_else(|| positional.first().cloned())
                .unwrap_or_default(),
            get("title").or_else(|| positional.get(1).cloned()),
        ),
        // The box is its name: `{{< note >}}`, `{{< warning title="…" >}}`.
        _ => (
            get("type").unwrap_or_else(|| name.to_string()),
            get("title"),
        ),
    };
    let kind = self::kind(&kind);
    let title = title
        .map(|t| {
            t.replace(['\n', '[', ']', '{', '}'], " ")
                .trim()
                .to_string()
        })
        .filter(|t| !t.is_empty());
    Some((
        name,
        Some(match title {
            Some(title) => format!("{kind} {title}"),
            None => kind.to_string(),
        }),
    ))
}

/// The callout kind a box's colour or type names (any other is a note).
pub(super) fn kind(kind: &str) -> &'static str {
    match kind.to_ascii_lowercase().as_str() {
        "warning" | "orange" => "warning",
        "danger" | "red" | "caution" | "error" | "critical" => "danger",
        "success" | "green" | "tip" => "tip",
        "info" | "blue" => "info",
        "important" => "important",
        _ => "note",
    }
}

/// Space-separated words, a quoted one (`"…"`, `` `…` ``) kept whole.
fn words(args: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = args.trim();
    while !rest.is_empty() {
        let quote = rest.chars().next().filter(|c| matches!(c, '"' | '`'));
        let (word, tail) = match quote {
            Some(q) => match rest[1..].find(q) {
                Some(end) => (&rest[1..1 + end], &rest[end + 2..]),
                None => (rest, ""),
            },
            None => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            }
        };
        out.push(word.to_string());
        rest = tail.trim_start();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::rewrite;
    use pulldown_cmark::Options;

    fn out(text: &str) -> Option<String> {
        rewrite(text, Options::empty()).map(|(out, _)| out)
    }

    #[test]
    fn docsy_alerts_and_learn_notices_are_colon_fenced_containers() {
        // etcd.io's upgrade notes and docco's notice page, as they write them.
        assert_eq!(
            out("A\n\n{{% alert title=\"Update (October 21, 2025)\" color=\"warning\" %}}\nRead *this*.\n{{% /alert %}}\n").as_deref(),
            Some("A\n\n:::warning Update (October 21, 2025)\nRead *this*.\n:::\n")
        );
        assert_eq!(
            out("{{% notice tip \"Pro tip\" %}}\nx\n{{% /notice %}}").as_deref(),
            Some(":::tip Pro tip\nx\n:::")
        );
        assert_eq!(
            out("  {{< alert >}}\n  y\n  {{< /alert >}}\n").as_deref(),
            Some("  :::note\n  y\n  :::\n")
        );
        // Boxes other themes and docs draw: Kubernetes' and Linode's `note`, Hextra's
        // `callout`, Hugo Book's `hint`, LoveIt's `admonition`.
        assert_eq!(
            out("{{< note >}}\nKeep *one*.\n{{< / note >}}\n\n{{< caution title=\"Data\" >}}\nz\n{{< /caution >}}\n").as_deref(),
            Some(":::note\nKeep *one*.\n:::\n\n:::danger Data\nz\n:::\n")
        );
        assert_eq!(
            out("{{< callout type=\"warning\" emoji=\"!\" >}}\nw\n{{< /callout >}}\n{{< hint info >}}\ni\n{{< /hint >}}\n{{< admonition tip \"Try\" >}}\nt\n{{< /admonition >}}\n").as_deref(),
            Some(":::warning\nw\n:::\n:::info\ni\n:::\n:::tip Try\nt\n:::\n")
        );
        // Inside an HTML block (vitess's docs wrap boxes in `<p>`): after a blank line.
        assert_eq!(
            out("<p> \n{{< info >}}\nx\n{{< /info >}}\n</p>\n").as_deref(),
            Some("<p> \n\n:::info\nx\n:::\n</p>\n")
        );
        // A tag of another name is no box.
        assert_eq!(
            out("{{< notes >}}
x
{{< /notes >}}
"),
            None
        );
        // Not at a line's start or end, never closed, or in code: left as written.
        assert_eq!(out("Say {{% alert %}}x{{% /alert %}} now.\n"), None);
        assert_eq!(out("{{% alert %}}\nopen\n"), None);
        assert_eq!(out("```\n{{% alert %}}\n{{% /alert %}}\n```\n"), None);
    }

    #[test]
    fn a_zola_boxs_call_may_run_over_lines() {
        // after-dark's shortcodes demo: a note whose body holds paragraphs.
        assert_eq!(
            out("# Notes\n\n{{ note(body=\"\n**Note:** Insightful.\n\nMore.\n\")}}\n\nAfter.\n")
                .as_deref(),
            Some("# Notes\n\n:::note\n**Note:** Insightful.\n\nMore.\n:::\n\nAfter.\n")
        );
        // One that never closes, or another shortcode, stays as written.
        assert_eq!(out("{{ note(body=\"\nopen\n\nstill\n"), None);
        assert_eq!(out("{{ youtube(id=\"x\",\n width=80) }}\n"), None);
    }

    #[test]
    fn text_beside_a_tag_on_its_line_stays_with_the_box_or_after_it() {
        // etcd.io's maintenance guide closes the box before the sentence's full stop.
        assert_eq!(
            out("{{% alert title=\"Note\" color=\"warning\" %}}\nBlocks writes\n{{% /alert %}}.\n\nNext\n").as_deref(),
            Some(":::warning Note\nBlocks writes\n:::\n\n.\n\nNext\n")
        );
        assert_eq!(
            out("{{% notice info %}}First line\nlast line {{% /notice %}}\n").as_deref(),
            Some(":::info\nFirst line\nlast line\n:::\n")
        );
        assert_eq!(
            out("  {{% alert %}}Yes.{{% /alert %}}  \n").as_deref(),
            Some("  :::note\n  Yes.\n  :::  \n")
        );
    }
}
