//! Byte offsets in the text the parser reads, as positions in the file as written.

use super::{expand, include};
use crate::text;

/// Byte offset → (line, column) in the file as written: a [`text::LineIndex`] that
/// first maps offsets in the text the passes before parsing wrote back to the file.
pub struct LineIndex<'a> {
    plain: text::LineIndex<'a>,
    /// Offsets from the body's start on are offsets in the text the passes before
    /// parsing wrote ([`expand`]): where the body starts, and the passes' maps.
    pub(super) maps: Option<(usize, expand::Maps)>,
    /// What includes wrote into the body, for positions inside it.
    pub(super) included: include::Origins,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            plain: text::LineIndex::new(text),
            maps: None,
            included: Default::default(),
        }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = match &self.maps {
            Some((start, maps)) if offset >= *start => {
                if let Some(place) = self.included.position(maps, offset - start) {
                    return place;
                }
                start + maps.back(offset - start)
            }
            _ => offset,
        };
        self.plain.position(offset)
    }
}
