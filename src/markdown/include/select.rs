//! Which lines of an included file a directive takes: a line range (`path:2:5`) or the
//! lines between `ANCHOR: name` and `ANCHOR_END: name`, and how they are written: as they
//! are (`{{#include}}`), with the file's other lines kept as Rust hidden lines
//! (`{{#rustdoc_include}}`), or as a Rust code block (`{{#playground}}`).

use super::super::expand::{SegMap, Splice};

/// Whether `line` holds an `ANCHOR:` or `ANCHOR_END:` mark, or pymdownx.snippets'
/// section marks `--8<-- [start:name]` and `--8<-- [end:name]`; (is the end, name).
fn anchor_mark(line: &str) -> Option<(bool, &str)> {
    if let Some(at) = line.find("--8<-- [") {
        let inner = line[at + 8..].split(']').next().unwrap_or("");
        let (end, name) = match inner.split_once(':') {
            Some(("start", name)) => (false, name.trim()),
            Some(("end", name)) => (true, name.trim()),
            _ => return None,
        };
        return (!name.is_empty()).then_some((end, name));
    }
    for (mark, end) in [("ANCHOR_END:", true), ("ANCHOR:", false)] {
        if let Some(at) = line.find(mark) {
            let rest = line[at + mark.len()..].trim_start();
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            if len > 0 {
                return Some((end, &rest[..len]));
            }
        }
    }
    None
}

/// How the lines a directive takes are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Take<'a> {
    /// As they are (`{{#include}}`).
    Lines,
    /// With every other line of the file as a hidden line, `# ` first, as mdBook's
    /// `{{#rustdoc_include}}` writes them (anchor marks left out when an anchor names the
    /// lines).
    HideRest,
    /// In a fenced code block with this info string (`{{#playground}}`).
    Fence(&'a str),
}

/// [`select`], where lines or an anchor the file does not have lead nowhere, as a
/// missing file does (mdBook includes nothing then, without a word): an `include` error
/// naming the directive (`what`), or a warning as `broken_links` says.
pub(super) fn reported(
    text: &str,
    spec: Option<&str>,
    take: Take,
    what: &str,
    broken_links: crate::config::BrokenLinks,
) -> Result<(String, SegMap), crate::diagnostic::Diagnostic> {
    use crate::diagnostic::{Code, Diagnostic};
    select(text, spec, take).map_err(|message| {
        let d = Diagnostic::error(Code::Include, format!("{what}: {message}"));
        broken_links.report(d, "without it: the directive is left out")
    })
}

/// The lines of `text` that `spec` names (see the module documentation), joined by
/// newlines and written as `take` says, with a map back to `text`; or why there are none.
pub(super) fn select(
    text: &str,
    spec: Option<&str>,
    take: Take,
) -> Result<(String, SegMap), String> {
    let mut lines: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        lines.push(start..i);
        start = i + 1;
    }
    if start < text.len() {
        lines.push(start..text.len());
    }
    let count = lines.len();
    let line = |r: &std::ops::Range<usize>| &text[r.clone()];
    let mut by_anchor = false;
    let chosen: Vec<std::ops::Range<usize>> = match spec.filter(|s| !s.is_empty()) {
        None => lines.clone(),
        Some(spec) if is_range(spec) => {
            let (first, last) = match spec.split_once(':') {
                Some((a, b)) => (number(a)?.unwrap_or(1), number(b)?.unwrap_or(count)),
                None => {
                    let n = number(spec)?.unwrap_or(1);
                    (n, n)
                }
            };
            if first == 0 || last == 0 {
                return Err("lines are counted from 1".into());
            }
            if first > last {
                return Err(format!(
                    "the range starts at line {first}, after its end {last}"
                ));
            }
            // A range running past the end stops there, as in mdBook; one that starts
            // past it would include nothing.
            if first > count {
                return Err(format!(
                    "line {first} is past the end of the file ({count} lines)"
                ));
            }
            lines[first - 1..last.min(count)].to_vec()
        }
        Some(name) => {
            let Some(open) = lines
                .iter()
                .position(|r| anchor_mark(line(r)) == Some((false, name)))
            else {
                // Each name once, in the file's order (an anchor may open twice).
                let mut known: Vec<&str> = Vec::new();
                for (end, name) in lines.iter().filter_map(|r| anchor_mark(line(r))) {
                    if !end && !known.contains(&name) {
                        known.push(name);
                    }
                }
                let there = if known.is_empty() {
                    "the file has no anchors".to_string()
                } else {
                    format!("anchors there: {}", known.join(", "))
                };
                return Err(format!("no `ANCHOR: {name}` in the file ({there})"));
            };
            by_anchor = true;
            lines[open + 1..]
                .iter()
                .take_while(|r| anchor_mark(line(r)) != Some((true, name)))
                .cloned()
                .collect()
        }
    };
    let mut splice = Splice::new(text);
    if let Take::Fence(info) = take {
        splice.insert(&format!("```{info}\n"), 0);
    }
    let mut first = true;
    let mut chosen = chosen.iter().peekable();
    for r in &lines {
        let taken = chosen.next_if(|c| c.start == r.start).is_some();
        if by_anchor && anchor_mark(line(r)).is_some() || !taken && take != Take::HideRest {
            continue;
        }
        if !first {
            splice.insert("\n", r.start);
        }
        first = false;
        if !taken {
            splice.insert("# ", r.start);
        }
        splice.copy(r.clone());
    }
    if let Take::Fence(_) = take {
        splice.insert("\n```\n", text.len());
    }
    Ok((splice.out, splice.map))
}

fn is_range(spec: &str) -> bool {
    spec.chars()
        .all(|c| c.is_ascii_digit() || c == ':' || c.is_whitespace())
        && spec.matches(':').count() <= 1
}

fn number(text: &str) -> Result<Option<usize>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| format!("'{text}' is not a line number"))
}
/// Included text as mdBook writes it where the directive is not at the start of its
/// line: every line after the first begins with `prefix`, the text before the
/// directive on its line (`> ` in a blockquote, the indent of a list item, `# ` for
/// hidden lines), and the last line ending is dropped (mdBook joins the text's lines).
pub(super) struct Prefixed {
    pub text: String,
    /// Back from `text` to the text as included.
    pub map: SegMap,
    /// Each line ending given a prefix, where it is in the text as included, and how
    /// far the text after it has moved.
    breaks: Vec<(usize, usize)>,
}

impl Prefixed {
    /// `prefix` is not empty.
    pub fn new(included: &str, prefix: &str) -> Prefixed {
        let body = included.strip_suffix('\n').unwrap_or(included);
        let body = body.strip_suffix('\r').unwrap_or(body);
        let mut splice = Splice::new(included);
        let mut breaks = Vec::new();
        let mut start = 0;
        let mut moved = 0;
        for (at, _) in body.match_indices('\n') {
            // A CRLF ending is one line ending, as `str::lines` reads it.
            let end = if body[..at].ends_with('\r') {
                at - 1
            } else {
                at
            };
            splice.copy(start..end);
            splice.insert("\n", end);
            splice.insert(prefix, at);
            moved += prefix.len() - (at - end);
            breaks.push((at, moved));
            start = at + 1;
        }
        splice.copy(start..body.len());
        Prefixed {
            text: splice.out,
            map: splice.map,
            breaks,
        }
    }

    /// An offset in the text as included, forward to its place in [`Prefixed::text`].
    pub fn forward(&self, offset: usize) -> usize {
        let before = self.breaks.partition_point(|&(b, _)| b < offset);
        let moved = before.checked_sub(1).map_or(0, |i| self.breaks[i].1);
        (offset + moved).min(self.text.len())
    }
}

/// Whether an include's target is written as a C or C++ header is (`<cmath>`,
/// `"point.h"`), not as a path.
pub(super) fn header_not_path(args: &str) -> bool {
    let target = args.split_whitespace().next().unwrap_or("");
    let wrapped = |open: char, close: char| {
        target.len() > 2 && target.starts_with(open) && target.ends_with(close)
    };
    wrapped('<', '>') || wrapped('"', '"')
}

#[cfg(test)]
mod tests {
    use super::Prefixed;

    #[test]
    fn prefixed_lines_as_mdbook_joins_them() {
        let p = Prefixed::new("one\r\ntwo\n\nthree\n", "> ");
        assert_eq!(p.text, "one\n> two\n> \n> three");
        // Offsets go forward to the prefixed text and back again.
        for (offset, line) in [(0, "one"), (5, "two"), (10, "three")] {
            let at = p.forward(offset);
            assert!(p.text[at..].starts_with(line), "{offset}");
            assert_eq!(p.map.back(at), offset);
        }
        let one_line = Prefixed::new("calm\n", "  ");
        assert_eq!(one_line.text, "calm");
    }
}
