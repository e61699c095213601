//! The passes over an article's text before it is parsed as Markdown, in order:
//! `{{#include}}` directives are replaced by what they name ([`super::include`]),
//! `%% comments %%` are taken out ([`super::comments`]), and syntax of other tools that
//! attune does not support is reported and taken out ([`super::foreign`]).
//!
//! Each pass writes a new text with a [`SegMap`] from its offsets back to its input's,
//! so every position the parser reports is still a position in the file as written.
//! Text that came from an included file maps to its `{{#include}}` directive.

use super::LineIndex;
use crate::diagnostic::Diagnostic;
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Offsets in a pass's output, back to offsets in its input.
#[derive(Debug, Clone, Default)]
pub struct SegMap {
    /// (start in the output, start in the input, whether the stretch was copied as it is
    /// (offsets move together) or inserted (every offset maps to the start)).
    segs: Vec<(usize, usize, bool)>,
}

impl SegMap {
    pub fn back(&self, out: usize) -> usize {
        let i = self.segs.partition_point(|s| s.0 <= out);
        if i == 0 {
            return out;
        }
        let (o, s, copied) = self.segs[i - 1];
        if copied {
            s + (out - o)
        } else {
            s
        }
    }
}

/// A pass's output being written, with its map.
pub struct Splice<'t> {
    input: &'t str,
    pub out: String,
    pub map: SegMap,
}

impl<'t> Splice<'t> {
    pub fn new(input: &'t str) -> Self {
        Splice {
            input,
            out: String::with_capacity(input.len()),
            map: SegMap::default(),
        }
    }

    /// Copies `range` of the input as it is.
    pub fn copy(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.map.segs.push((self.out.len(), range.start, true));
        self.out.push_str(&self.input[range]);
    }

    /// Writes `text`, which stands for what is at `at` in the input.
    pub fn insert(&mut self, text: &str, at: usize) {
        if text.is_empty() {
            return;
        }
        self.map.segs.push((self.out.len(), at, false));
        self.out.push_str(text);
    }
}

/// The maps of every pass so far, first pass first.
#[derive(Debug, Clone, Default)]
pub struct Maps(pub Vec<SegMap>);

impl Maps {
    /// An offset in the last pass's output, back to an offset in the body as written.
    pub fn back(&self, mut offset: usize) -> usize {
        for map in self.0.iter().rev() {
            offset = map.back(offset);
        }
        offset
    }
}

/// What the passes need to know about the article.
pub struct Article<'a> {
    /// The file as diagnostics name it (`content/topic/a.md`).
    pub file: &'a Path,
    /// The content folder and the article's path in it; `None` where the article is not
    /// read from disk (includes are then refused).
    pub content: Option<(&'a Path, &'a Path)>,
    pub lines: &'a LineIndex<'a>,
    pub body_start: usize,
}

/// The body after every pass, its maps, the files it included and what the passes found.
pub struct Expanded {
    pub text: String,
    pub maps: Maps,
    pub includes: Vec<super::include::Included>,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn expand(body: &str, article: &Article, options: Options) -> Expanded {
    let mut out = Expanded {
        text: String::new(),
        maps: Maps::default(),
        includes: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut text = if body.contains("{{") {
        let (text, map) = super::include::expand_article(body, article, options, &mut out);
        out.maps.0.push(map);
        text
    } else {
        body.to_string()
    };
    if text.contains("%%") {
        text = super::comments::strip(&text, article, options, &mut out);
    }
    if text.contains("{{") || text.contains("{%") {
        let (stripped, map) = super::foreign::strip(&text, article, options, &mut out);
        out.maps.0.push(map);
        text = stripped;
    }
    out.text = text;
    out
}

/// The stretches of `text` whose characters are literal: code spans, code blocks and
/// math, in order.
pub fn literal_ranges(text: &str, options: Options) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::Start(Tag::CodeBlock(_)) => {
                if ranges.last().is_some_and(|r| r.end > range.start) {
                    continue;
                }
                ranges.push(range);
            }
            _ => {}
        }
    }
    ranges
}

/// Whether `at` lies in one of `ranges` (as [`literal_ranges`] gives them).
pub fn inside(ranges: &[Range<usize>], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.start <= at);
    i > 0 && ranges[i - 1].end > at
}

/// `path` with `.` and `..` taken out, without reading the disk.
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}
