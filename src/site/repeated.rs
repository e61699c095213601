//! Warnings a template repeats in every note made from it, reported once for the
//! site: an Obsidian Bases view left out (`![[Embedded Views.base]]` in each of a
//! vault's 2,220 Pokédex notes) is one warning at its first place, saying how many
//! pages embed it and quoting three more, not one per page.

use crate::diagnostic::{Diagnostic, Diagnostics, Related};
use crate::markdown::BASES_VIEW;
use std::collections::HashMap;

/// How many other places of a repeated warning are quoted under it.
const LISTED: usize = 3;

/// The repeated warnings met so far, by message, each with how many pages gave it.
#[derive(Default)]
pub(super) struct Repeated {
    found: Vec<(Diagnostic, usize)>,
    by_message: HashMap<String, usize>,
}

impl Repeated {
    /// Keeps `diagnostic` when it is one the site reports once; hands it back otherwise.
    pub(super) fn take(&mut self, diagnostic: Diagnostic) -> Option<Diagnostic> {
        if !diagnostic.message.starts_with(BASES_VIEW) {
            return Some(diagnostic);
        }
        match self.by_message.get(&diagnostic.message) {
            Some(&n) => {
                let (first, count) = &mut self.found[n];
                *count += 1;
                if first.related.len() < LISTED {
                    if let Some(file) = &diagnostic.file {
                        first.related.push(Related {
                            file: file.clone(),
                            line: diagnostic.line,
                            column: diagnostic.column,
                            message: "embedded here too".into(),
                        });
                    }
                }
            }
            None => {
                self.by_message
                    .insert(diagnostic.message.clone(), self.found.len());
                self.found.push((diagnostic, 1));
            }
        }
        None
    }

    /// Each repeated warning once, saying on how many pages it stands.
    pub(super) fn report(self, diagnostics: &mut Diagnostics) {
        for (mut diagnostic, count) in self.found {
            if count > 1 {
                diagnostic.message = format!("{} ({count} pages embed it)", diagnostic.message);
            }
            diagnostics.push(diagnostic);
        }
    }
}
