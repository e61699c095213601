//! kramdown's block attribute lines on a Jekyll site where `goldmark_attributes.rs`
//! does not read them: a line `{: .note }` standing before a block (a blank line, the
//! start of the text or of a quote above it) belongs to the block below it, as
//! kramdown applies it, and is not shown; its id stays as an anchor there.
//!
//! Just the Docs' callouts: a class the site's `_config.yml` names under `callouts:`
//! (`warning: { title: Warning }`), on a paragraph or a quote, before it or after it,
//! makes that block the callout attune draws (`> [!warning]`), titled as the site
//! names it (a kind attune has no callout for, `new`, is titled by its name, as an
//! Obsidian callout of a vault's own kind is); its `-title` form (`{: .note-title }`)
//! takes the title from the quote's first line. Other classes only styled the block,
//! and are left out as after a block.

use super::expand::{inside, literal_ranges, SegMap, Splice};
use super::goldmark_attributes::attribute_list;
use crate::load::just_the_docs::Callout;
use pulldown_cmark::Options;

/// One line of the text: where it starts and its text ends (before the line break),
/// how many quote marks (`>`) open it, and its text after them.
struct Line<'t> {
    start: usize,
    end: usize,
    depth: usize,
    text: &'t str,
}

impl Line<'_> {
    fn blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Where `line`'s text starts after its first `depth` quote marks (and the space
/// after the last of them): what a quote `depth` deep holds of it.
fn after_marks(text: &str, line: &Line, depth: usize) -> usize {
    let mut at = line.start;
    for _ in 0..depth {
        let Some(mark) = text[at..line.end].find('>') else {
            return at;
        };
        at += mark + 1;
    }
    if depth > 0 && text[at..line.end].starts_with(' ') {
        at += 1;
    }
    at
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let quoted = content.trim_start_matches(['>', ' ', '\t']);
        let marks = &content[..content.len() - quoted.len()];
        out.push(Line {
            start: at,
            end: at + content.len(),
            depth: marks.matches('>').count(),
            text: quoted,
        });
        at += raw.len();
    }
    out
}

/// A change to the text: `range` written as `with`.
struct Edit {
    range: std::ops::Range<usize>,
    with: String,
}

/// The callout (and whether in its `-title` form) the first class of `list` that
/// names one stands for.
fn callout_of<'c>(list: &str, callouts: &'c [Callout]) -> Option<(&'c Callout, bool)> {
    list.split_whitespace()
        .filter_map(|token| token.strip_prefix('.'))
        .find_map(|class| {
            let titled = class.strip_suffix("-title");
            callouts
                .iter()
                .find(|c| c.class == titled.unwrap_or(class))
                .map(|c| (c, titled.is_some()))
        })
}

/// The lines of the block `first` starts, `depth` quote marks deep: a quote (its lines
/// deeper) or a paragraph (its lines as deep, to a blank one; with `lazy`, lines with
/// fewer marks too, as a quote's paragraph goes on without them); `None` for a block
/// that is neither (a fence, HTML, a heading).
fn block(
    lines: &[Line],
    first: usize,
    depth: usize,
    lazy: bool,
) -> Option<(std::ops::Range<usize>, bool)> {
    let line = lines.get(first)?;
    let quote = line.depth > depth;
    let text = line.text.trim_start();
    let other = ["```", "~~~", "<", "#", "{:"]
        .iter()
        .any(|m| text.starts_with(m));
    if line.blank() || (line.depth < depth && !lazy) || (!quote && other) {
        return None;
    }
    // An attribute line ends a paragraph, as kramdown reads it.
    let end = (first..lines.len())
        .find(|&i| {
            let l = &lines[i];
            match quote {
                true => l.depth <= depth,
                false => {
                    l.blank()
                        || l.text.starts_with("{:")
                        || l.depth > depth
                        || (l.depth < depth && !lazy)
                }
            }
        })
        .unwrap_or(lines.len());
    Some((first..end, quote))
}

/// The edits that make the block of `lines[range]` (a quote when `quote`), `depth`
/// quote marks deep, the callout `callout`: its callout line written at `line_at` (an
/// empty range: before the block), or the quote's first line taken as its title.
fn as_callout(
    text: &str,
    lines: &[Line],
    (range, quote): (std::ops::Range<usize>, bool),
    depth: usize,
    (callout, titled): (&Callout, bool),
    line_at: std::ops::Range<usize>,
) -> Vec<Edit> {
    let kind = callout.class.to_ascii_lowercase();
    let mut edits = Vec::new();
    if titled && quote {
        let first = &lines[range.start];
        let at = after_marks(text, first, depth + 1);
        edits.push(Edit {
            range: line_at,
            with: String::new(),
        });
        edits.push(Edit {
            range: at..at,
            with: format!("[!{kind}] "),
        });
        return edits;
    }
    // A title the kind's own label says already is not said twice ("Warning: Warning").
    let label = super::callouts::callout_title(&kind);
    let title = (callout.title.as_deref())
        .filter(|t| label.is_none_or(|l| !l.eq_ignore_ascii_case(t.trim())))
        .map(|t| format!(" {}", t.replace(['\n', '\r'], " ")))
        .unwrap_or_default();
    let marker = format!("> [!{kind}]{title}");
    let newline = if line_at.is_empty() { "\n" } else { "" };
    edits.push(Edit {
        range: line_at,
        with: format!("{marker}{newline}"),
    });
    if !quote {
        edits.extend(quoted(text, &lines[range], depth, 1));
    }
    edits
}

/// The edits that put each of `lines` `extra` quotes deeper than `depth` (a line with
/// fewer marks, lazily in a quote, as deep as the others first).
fn quoted(text: &str, lines: &[Line], depth: usize, extra: usize) -> Vec<Edit> {
    let mut edits = Vec::new();
    for line in lines {
        let own = line.depth.min(depth);
        let at = after_marks(text, line, own);
        let with = "> ".repeat(depth - own + extra);
        if !with.is_empty() {
            edits.push(Edit {
                range: at..at,
                with,
            });
        }
    }
    edits
}

/// The text with kramdown's attribute lines before a block taken out (an id kept as
/// an anchor), and Just the Docs' callouts drawn as callouts (see the module's doc),
/// and the map back; `None` when there is none.
pub(super) fn rewrite(
    text: &str,
    options: Options,
    callouts: &[Callout],
) -> Option<(String, SegMap)> {
    let lines = lines(text);
    let mut literal = None;
    let mut edits: Vec<Edit> = Vec::new();
    // The lines a callout took (and how deep), which no other line makes one again.
    let mut taken = std::collections::HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.text.starts_with("{:") {
            continue;
        }
        let Some(id) = attribute_list(line.text) else {
            continue;
        };
        let literal = literal.get_or_insert_with(|| literal_ranges(text, options));
        if inside(literal, line.start) {
            continue;
        }
        let depth = line.depth;
        let own = after_marks(text, line, depth)..line.end;
        let list = line
            .text
            .trim()
            .trim_start_matches("{:")
            .trim_end_matches('}');
        let callout = callout_of(list, callouts);
        let before = i == 0 || lines[i - 1].blank() || lines[i - 1].depth < depth;
        if before {
            // kramdown takes the one blank line after the list with it.
            let skip = lines
                .get(i + 1)
                .is_some_and(|l| l.blank() && l.depth == depth);
            let first = i + 1 + usize::from(skip);
            // A line with fewer marks right below goes on the quote's paragraph.
            let found = block(&lines, first, depth, !skip && depth > 0);
            match callout.zip(found.clone()) {
                Some((callout, (range, quote)))
                    if range.clone().all(|l| taken.insert((l, depth))) =>
                {
                    if skip {
                        edits.push(Edit {
                            range: lines[i + 1].start..lines[first].start,
                            with: String::new(),
                        });
                    }
                    let made = as_callout(text, &lines, (range, quote), depth, callout, own);
                    edits.extend(made);
                }
                _ => {
                    edits.push(Edit {
                        range: own,
                        with: id
                            .map(|id| format!("<a id=\"{id}\"></a>"))
                            .unwrap_or_default(),
                    });
                    if let Some((range, false)) = found.filter(|_| depth > 0) {
                        edits.extend(quoted(text, &lines[range], depth, 0));
                    }
                }
            }
            continue;
        }
        // After a block: `goldmark_attributes.rs` takes the line out, but for a callout.
        let Some(callout) = callout else { continue };
        let quote_above = lines[i - 1].depth > depth;
        let start = (0..i)
            .rev()
            .find(|&k| match quote_above {
                true => lines[k].depth <= depth,
                false => lines[k].depth != depth || lines[k].blank(),
            })
            .map_or(0, |k| k + 1);
        let Some((range, quote)) = block(&lines, start, depth, false).filter(|(r, _)| r.end == i)
        else {
            continue;
        };
        if !range.clone().all(|l| taken.insert((l, depth))) {
            continue;
        }
        let at = after_marks(text, &lines[start], depth);
        let made = as_callout(text, &lines, (range, quote), depth, callout, at..at);
        edits.extend(made);
        edits.push(Edit {
            range: own,
            with: String::new(),
        });
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| e.range.start);
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for edit in edits {
        if edit.range.start < copied {
            continue;
        }
        splice.copy(copied..edit.range.start);
        splice.insert(&edit.with, edit.range.start);
        copied = edit.range.end;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Option<String> {
        let callouts = [
            Callout {
                class: "warning".into(),
                title: Some("Warning".into()),
            },
            Callout {
                class: "new".into(),
                title: Some("New".into()),
            },
            Callout {
                class: "highlight".into(),
                title: None,
            },
        ];
        rewrite(text, Options::all(), &callouts).map(|(out, _)| out)
    }

    #[test]
    fn an_attribute_line_before_a_block_is_the_blocks() {
        // Just the Docs' home page: a warning callout over a quote.
        assert_eq!(
            run("Intro.\n\n{: .warning }\n> This website documents…\n").as_deref(),
            Some("Intro.\n\n> [!warning]\n> This website documents…\n")
        );
        // Over a paragraph, the blank line after the list taken with it; a class that
        // names no callout of the site is a kind attune has none for.
        assert_eq!(
            run("{: .new }\n\nA paragraph\non two lines.\n").as_deref(),
            Some("> [!new] New\n> A paragraph\n> on two lines.\n")
        );
        assert_eq!(
            run("{: .highlight }\nText.\n").as_deref(),
            Some("> [!highlight]\n> Text.\n")
        );
        // Closed with a colon, as kramdown reads it too (Audiveris' docs).
        assert_eq!(
            run("{: .warning :}\nText.\n").as_deref(),
            Some("> [!warning]\n> Text.\n")
        );
        // After the block, as kramdown reads it too.
        assert_eq!(
            run("Text.\n{: .warning }\n").as_deref(),
            Some("> [!warning]\n> Text.\n\n")
        );
        // The `-title` form: the quote's first line is its title.
        assert_eq!(
            run("{: .new-title }\n> My title\n>\n> Text.\n").as_deref(),
            Some("\n> [!new] My title\n>\n> Text.\n")
        );
        // In a quote, its paragraph going on lazily below: the callout's, in the quote.
        assert_eq!(
            run("> {: .highlight }\n  A paragraph\n").as_deref(),
            Some("> > [!highlight]\n> >   A paragraph\n")
        );
        assert_eq!(
            run("> {: .fs-6 }\n  A paragraph\n").as_deref(),
            Some("> \n>   A paragraph\n")
        );
        // Nested: a callout in a callout.
        assert_eq!(
            run("{: .new }\n> {: .warning }\n> A paragraph\n").as_deref(),
            Some("> [!new] New\n> > [!warning]\n> > A paragraph\n")
        );
        // Another class, or an id, before a block: not shown, the id an anchor.
        assert_eq!(
            run("{: .fs-6 }\nText.\n\n{: #top }\n## Heading\n").as_deref(),
            Some("\nText.\n\n<a id=\"top\"></a>\n## Heading\n")
        );
        // In code, or after a block with no callout: left for `goldmark_attributes.rs`.
        assert_eq!(run("```\n{: .warning }\nText.\n```\n"), None);
        assert_eq!(run("Text.\n{: .fs-6 }\n"), None);
    }
}
