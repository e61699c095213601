//! Problems found after parsing (links, anchors, images) in text an article brought in
//! with `{{#include}}` are reported where that text is written: in the included file,
//! with the directive that included it (see `markdown/include/origins.rs`).

use super::Site;
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;
use std::path::Path;

impl Site {
    /// Diagnostics found after parsing (links, anchors, images) inside text an
    /// article included, put where that text is written: in the included file.
    pub(crate) fn place_included(&self, diagnostics: &mut [Diagnostic]) {
        if !diagnostics
            .iter()
            .any(|d| d.line >= crate::markdown::VIRTUAL_LINE)
        {
            return;
        }
        let by_path: HashMap<&Path, usize> = self
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.parsed.included_at.is_empty())
            .map(|(i, a)| (a.path.as_path(), i))
            .collect();
        for d in diagnostics.iter_mut() {
            let Some(&i) = d.file.as_deref().and_then(|f| by_path.get(f)) else {
                continue;
            };
            let article = &self.articles[i];
            crate::markdown::place_included(
                std::slice::from_mut(d),
                &article.path,
                &article.parsed.included_at,
            );
        }
    }
}
