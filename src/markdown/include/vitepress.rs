//! VitePress's Markdown file inclusion: `<!--@include: ./parts/basics.md-->` is that
//! file's text, read as Markdown in the page; `{3,}`, `{,10}` or `{2,5}` after the path
//! take those lines (from 1), `#name` the lines of the file's region `name` (between
//! `<!-- #region name -->` and `<!-- #endregion name -->`, or the same marks in `//`,
//! `/* */`, `#` comments, as VS Code folds them), and `#name{1,2}` lines of the region.
//! A path is relative to the including file; `@/` starts it at the content folder
//! (VitePress's `srcDir`). vitest's CLI page includes its generated list of options so:
//! as an HTML comment, attune showed nothing, and 23 links to its options led nowhere.

use super::directive::{Directive, MAX_ARGS};
use crate::diagnostic::{Code, Diagnostic};
use std::borrow::Cow;

/// The next `<!--@include: path-->` in `text` at or after `from`, or with `imports`
/// (a VitePress or VuePress site) code import `<<< path` (see [`next_import`]).
pub(super) fn next_include(text: &str, from: usize, imports: bool) -> Option<Directive<'_>> {
    let include = next_comment(text, from);
    let Some(import) = imports.then(|| next_import(text, from)).flatten() else {
        return include;
    };
    match include {
        Some(include) if include.range.start < import.range.start => Some(include),
        _ => Some(import),
    }
}

/// VitePress's code snippet import: a line `<<< @/snippets/a.js#region{2,4 ts:line-numbers} [a.js]`
/// (up to three spaces before it) is the file's text, or its region's, in a code
/// block, as VitePress's `snippet` rule reads it: the language is the word in the
/// braces, else the file's extension; the lines the braces number are highlighted
/// there, and the bracketed title names the block in a code group, neither of which
/// changes the code shown.
fn next_import(text: &str, mut from: usize) -> Option<Directive<'_>> {
    while let Some(found) = text[from..].find("<<<") {
        let start = from + found;
        from = start + 3;
        let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
        let indent = &text[line_start..start];
        if indent.len() > 3 || indent.bytes().any(|b| b != b' ') {
            continue;
        }
        let line_end = text[start..].find('\n').map_or(text.len(), |n| start + n);
        let line = &text[start + 3..line_end];
        if !line.starts_with([' ', '\t']) || line.len() > MAX_ARGS {
            continue;
        }
        let mut rest = line.trim();
        // The title a code group shows: `[a.js]` after the path, with or without a
        // space before it (`<<< @/snippets/a.ts[a.ts]`).
        if let Some(open) = rest.rfind('[').filter(|&o| o > 0 && rest.ends_with(']')) {
            rest = rest[..open].trim_end();
        }
        let mut language = None;
        if let Some((path, braced)) = rest.strip_suffix('}').and_then(|r| r.rsplit_once('{')) {
            language = braced
                .split_whitespace()
                .map(|w| w.split(':').next().unwrap_or(w))
                .find(|w| {
                    !w.is_empty()
                        && !w
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b',' || b == b'-')
                })
                .map(str::to_string);
            rest = path.trim_end();
        }
        if rest.is_empty() || rest.contains(char::is_whitespace) {
            continue;
        }
        let file = rest.split('#').next().unwrap_or(rest);
        let extension = std::path::Path::new(file)
            .extension()
            .and_then(|e| e.to_str());
        return Some(Directive {
            range: start..line_end,
            name: "include",
            args: Cow::Borrowed(rest),
            vitepress: true,
            fence: Some(
                language
                    .or(extension.map(str::to_string))
                    .unwrap_or_default(),
            ),
            ..Default::default()
        });
    }
    None
}

/// The next `<!--@include: path-->` in `text` at or after `from`.
fn next_comment(text: &str, mut from: usize) -> Option<Directive<'_>> {
    while let Some(found) = text[from..].find("<!--") {
        let start = from + found;
        from = start + 4;
        let Some(after) = text[start + 4..].trim_start().strip_prefix("@include:") else {
            continue;
        };
        let mut cut = after.len().min(MAX_ARGS);
        while !after.is_char_boundary(cut) {
            cut -= 1;
        }
        let Some(close) = after[..cut].find("-->") else {
            continue;
        };
        let args = after[..close].trim();
        if args.is_empty() || args.contains('\n') {
            continue;
        }
        return Some(Directive {
            range: start..text.len() - after.len() + close + 3,
            name: "include",
            args: Cow::Borrowed(args),
            vitepress: true,
            ..Default::default()
        });
    }
    None
}

/// The file a path starting with `@` names, from the content folder (`content`, its
/// `srcDir`), as VitePress reads a leading `@`: with a slash (`@/parts/a.md`) or
/// without one (wagmi's `@shared/installation.md`); `None` for another path, read
/// from the including file.
pub(super) fn in_source(content: &std::path::Path, target: &str) -> Option<std::path::PathBuf> {
    let rest = target.strip_prefix('@')?;
    Some(content.join(rest.trim_start_matches('/')))
}

/// An include's path, and the region and lines of the file it takes.
pub(super) struct Spec<'a> {
    pub(super) path: &'a str,
    region: Option<&'a str>,
    range: Option<(Option<usize>, Option<usize>)>,
}

impl<'a> Spec<'a> {
    /// `path#region{first,last}`, each part but the path optional.
    pub(super) fn of(args: &'a str) -> Spec<'a> {
        let mut rest = args.trim();
        let mut range = None;
        if let Some((head, braced)) = rest.strip_suffix('}').and_then(|r| r.rsplit_once('{')) {
            if let Some((a, b)) = braced.split_once(',') {
                let number = |n: &str| n.trim().parse::<usize>().ok();
                let numbers_or_blank = |n: &str| n.trim().is_empty() || number(n).is_some();
                if numbers_or_blank(a) && numbers_or_blank(b) {
                    range = Some((number(a), number(b)));
                    rest = head;
                }
            }
        }
        let (path, region) = match rest.rsplit_once('#') {
            Some((path, region)) if !path.is_empty() && !region.is_empty() => (path, Some(region)),
            _ => (rest, None),
        };
        Spec {
            path: path.trim(),
            region,
            range,
        }
    }

    /// The lines of `text` it takes, as `{{#include}}` names them (`first:last`, from
    /// 1); `None` for the whole file. `what` names the directive in a diagnostic.
    pub(super) fn lines(
        &self,
        text: &str,
        what: &str,
        broken_links: crate::config::BrokenLinks,
    ) -> Result<Option<String>, Diagnostic> {
        let (first, last) = self.range.unwrap_or((None, None));
        let Some(name) = self.region else {
            let show = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
            return Ok(self
                .range
                .map(|_| format!("{}:{}", show(first), show(last))));
        };
        let marks: Vec<Option<(bool, &str)>> = text.lines().map(region_mark).collect();
        let Some(open) = marks.iter().position(|m| *m == Some((false, name))) else {
            let message = format!(
                "{what}: no region `{name}` in the file (`#region {name}` … `#endregion {name}`)"
            );
            let d = Diagnostic::error(Code::Include, message);
            return Err(broken_links.report(d, "without it: the directive is left out"));
        };
        // Regions nest: the end is the one that closes this region's mark.
        let mut depth = 0usize;
        let mut end = marks.len();
        for (i, mark) in marks.iter().enumerate().skip(open) {
            match mark {
                Some((false, n)) if *n == name => depth += 1,
                Some((true, n)) if *n == name || n.is_empty() => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        // Lines `open + 2 ..= end` from 1 are the region's; its own lines from 1 within.
        let from = open + 2 + first.unwrap_or(1).max(1) - 1;
        let to = last.map_or(end, |l| (open + 1 + l).min(end));
        Ok(Some(format!("{from}:{}", to.max(from))))
    }
}

/// Whether `line` opens or closes a region: `#region name` or `#endregion name` alone in
/// a comment (`<!-- -->`, `//`, `/* */`, `#`, `--`, `(* *)`), as VS Code folds them; (is
/// the end, name).
fn region_mark(line: &str) -> Option<(bool, &str)> {
    let line = line.trim();
    let body = ["<!--", "//", "/*", "(*", "--"]
        .iter()
        .find_map(|open| line.strip_prefix(open))
        .unwrap_or(line)
        .trim_start();
    let body = ["-->", "*/", "*)"]
        .iter()
        .find_map(|close| body.strip_suffix(close))
        .unwrap_or(body)
        .trim_end();
    let lower = body.get(..10).unwrap_or(body).to_ascii_lowercase();
    let (end, rest) = if lower.starts_with("#endregion") {
        (true, &body[10..])
    } else if lower.starts_with("#region") {
        (false, &body[7..])
    } else {
        return None;
    };
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((end, rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BrokenLinks;

    fn lines(args: &str, text: &str) -> Option<String> {
        Spec::of(args).lines(text, "x", BrokenLinks::Error).unwrap()
    }

    #[test]
    fn includes_are_found_in_their_comments() {
        let text = "A\n<!--@include: ./cli-generated.md-->\n<!-- @include: @/parts/a.md{2,} -->\n<!-- note -->\n";
        let first = next_include(text, 0, false).unwrap();
        assert_eq!(first.args, "./cli-generated.md");
        assert_eq!(
            &text[first.range.clone()],
            "<!--@include: ./cli-generated.md-->"
        );
        let second = next_include(text, first.range.end, false).unwrap();
        assert_eq!(second.args, "@/parts/a.md{2,}");
        assert!(next_include(text, second.range.end, false).is_none());
        assert!(next_include("<!--@include: -->", 0, false).is_none());
    }

    #[test]
    fn line_ranges_and_regions_are_read_as_vitepress_reads_them() {
        let spec = Spec::of("./parts/basics.md#basic-usage{,2}");
        assert_eq!(
            (spec.path, spec.region),
            ("./parts/basics.md", Some("basic-usage"))
        );
        assert_eq!(Spec::of("a.md{3,}").range, Some((Some(3), None)));
        assert_eq!(lines("a.md", "x\n"), None);
        assert_eq!(lines("a.md{3,}", "x\n").as_deref(), Some("3:"));
        assert_eq!(lines("a.md{2,5}", "x\n").as_deref(), Some("2:5"));
        assert_eq!(lines("a.md{,10}", "x\n").as_deref(), Some(":10"));
        let text = "intro\n<!-- #region usage -->\none\ntwo\n// #region inner\nthree\n// #endregion inner\n<!-- #endregion usage -->\nout\n";
        assert_eq!(lines("a.md#usage", text).as_deref(), Some("3:7"));
        assert_eq!(lines("a.md#usage{2,3}", text).as_deref(), Some("4:5"));
        assert_eq!(lines("a.md#inner", text).as_deref(), Some("6:6"));
        let missing = Spec::of("a.md#gone").lines(text, "`x`", BrokenLinks::Error);
        assert!(missing.unwrap_err().message.contains("no region `gone`"));
        assert_eq!(region_mark("  #Region Setup"), Some((false, "Setup")));
        assert_eq!(region_mark("/* #endregion */"), Some((true, "")));
        assert_eq!(region_mark("#regional news"), None);
    }
}
