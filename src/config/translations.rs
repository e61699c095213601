//! mdbook-i18n-helpers' translations: `po/` beside book.toml, one gettext catalogue a
//! language (`po/cn.po`, from the template `po/messages.pot`), which mdbook-gettext
//! reads to build the book again in that language. attune publishes the book in the
//! language it is written in: one warning names the languages whose catalogues are
//! not published, and the folder is never published as files (see
//! `load::plumbing`).

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::path::Path;

/// The folder mdbook-i18n-helpers keeps its catalogues in, beside book.toml.
pub const FOLDER: &str = "po";

/// The languages of the `.po` catalogues in `po/` under the site's folder `root`, in
/// order of their names.
fn languages(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join(FOLDER)) else {
        return Vec::new();
    };
    let mut languages: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".po")?;
            (!stem.is_empty() && !stem.starts_with('.')).then(|| stem.to_string())
        })
        .collect();
    languages.sort();
    languages
}

/// One warning when `po/` beside book.toml holds translations: at book.toml's
/// `[preprocessor.gettext]` table when it has one, else at the folder.
pub(super) fn warn_unpublished(root: &Path, book_toml: &str, diagnostics: &mut Diagnostics) {
    let languages = languages(root);
    if languages.is_empty() {
        return;
    }
    let shown: Vec<String> = languages.iter().map(|l| format!("'{l}'")).collect();
    let warning = Diagnostic::warning(
        Code::Config,
        format!(
            "the book's translations in {FOLDER}/ ({}) are not published: attune publishes the book in the language it is written in",
            shown.join(", ")
        ),
    )
    .help("to publish a translation, write it out as Markdown with mdBook (`MDBOOK_BOOK__LANGUAGE=xx mdbook build` with an `[output.markdown]` table) and build that folder as a site of its own");
    let table = book_toml
        .lines()
        .position(|l| l.trim_start().starts_with("[preprocessor.gettext]"));
    diagnostics.push(match table {
        Some(n) => warning.at(super::FILE_NAME, n + 1, 1),
        None => warning.in_file(Path::new(FOLDER)),
    });
}
