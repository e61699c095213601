//! Where included text came from: each stretch of the include pass's output that an
//! included file wrote, so a problem found there is reported at its line and column in
//! that file, "included from" the directive.

use super::super::expand::SegMap;
use crate::diagnostic::Diagnostic;
use std::path::{Path, PathBuf};

/// A stretch of the include pass's output that an included file wrote.
#[derive(Debug, Clone)]
pub struct Origin {
    /// Where it stands in the include pass's output.
    pub(super) range: std::ops::Range<usize>,
    /// The included file as diagnostics name it, its text and where its lines start.
    pub(super) file: PathBuf,
    pub(super) text: String,
    pub(super) starts: Vec<usize>,
    /// Back from the stretch to the file's text, first step first: through the
    /// prefixes given its lines where it was included (see
    /// [`super::select::Prefixed`]; outermost first), to the lines taken, then to the
    /// file's text. Each step is a map and two shifts, `(map, before, after)`: an
    /// offset `x` goes back to `map.back(x + before) - after`.
    pub(super) maps: Vec<(SegMap, usize, usize)>,
    /// The directive that included it: file, line, column.
    pub(super) from: (PathBuf, usize, usize),
}

/// A place in an included file that a position was asked for, with the directive
/// that included it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncludedAt {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub from: (PathBuf, usize, usize),
}

/// Lines from here up stand for places in included files: line `VIRTUAL_LINE + n` is
/// the `n`th place asked for ([`Origins::position`]); [`place_included`] puts a
/// diagnostic there back where it is written.
pub const VIRTUAL_LINE: usize = usize::MAX / 2;

/// Which stretches of an article's text its includes wrote, and the places in them
/// that positions were asked for.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    pub(super) list: Vec<Origin>,
    found: std::cell::RefCell<Vec<IncludedAt>>,
}

impl Origins {
    /// For an offset in the text after every pass in `maps` (the include pass first)
    /// that an included file wrote: a line and column that stand for its place there.
    pub fn position(
        &self,
        maps: &super::super::expand::Maps,
        offset: usize,
    ) -> Option<(usize, usize)> {
        if self.list.is_empty() {
            return None;
        }
        let mut at = offset;
        for map in maps.0.iter().skip(1).rev() {
            at = map.back(at);
        }
        // The innermost: the one that starts last (included text nests inside).
        let origin = self
            .list
            .iter()
            .filter(|o| o.range.contains(&at))
            .min_by_key(|o| o.range.len())?;
        let mut inner = at - origin.range.start;
        for (map, before, after) in &origin.maps {
            inner = map.back(inner + before).saturating_sub(*after);
        }
        let inner = inner.min(origin.text.len());
        let line = origin.starts.partition_point(|&s| s <= inner) - 1;
        let start = origin.starts[line];
        let column = origin
            .text
            .get(start..inner)
            .map_or(1, |t| t.chars().count() + 1);
        let mut found = self.found.borrow_mut();
        found.push(IncludedAt {
            file: origin.file.clone(),
            line: line + 1,
            column,
            from: origin.from.clone(),
        });
        Some((VIRTUAL_LINE + found.len() - 1, 1))
    }

    /// The places asked for, in order.
    pub fn take(&self) -> Vec<IncludedAt> {
        self.found.take()
    }
}

/// Puts each diagnostic about `file` at a virtual line ([`VIRTUAL_LINE`]) back where
/// the text is written: in the included file, with the directive named in its help.
pub fn place_included(diagnostics: &mut [Diagnostic], file: &Path, places: &[IncludedAt]) {
    for d in diagnostics {
        if d.line < VIRTUAL_LINE || d.file.as_deref() != Some(file) {
            continue;
        }
        let Some(place) = places.get(d.line - VIRTUAL_LINE) else {
            continue;
        };
        d.file = Some(place.file.clone());
        d.line = place.line;
        d.column = place.column;
        let from = format!(
            "included from {}:{}:{}",
            place.from.0.display(),
            place.from.1,
            place.from.2
        );
        let help = match d.help.take() {
            Some(help) => format!("{help} ({from})"),
            None => from,
        };
        d.help = Some(help.into_boxed_str());
    }
}

/// The path of `file` from the content folder, climbing out of it (`../listings/a.rs`)
/// for a file elsewhere in the site's folder `base`.
pub(super) fn from_content(file: &Path, content: &Path, base: &Path) -> PathBuf {
    if let Ok(rel) = file.strip_prefix(content) {
        return rel.to_path_buf();
    }
    let up = content
        .strip_prefix(base)
        .map_or(0, |c| c.components().count());
    let mut rel: PathBuf = std::iter::repeat_n("..", up).collect();
    rel.push(file.strip_prefix(base).unwrap_or(file));
    rel
}
/// `path` made canonical; a page whose text attune made (a widget home page's) is
/// read as if it were a file in its folder.
pub(super) fn canonical(path: &Path) -> Option<PathBuf> {
    path.canonicalize()
        .ok()
        .or_else(|| Some(path.parent()?.canonicalize().ok()?.join(path.file_name()?)))
}
