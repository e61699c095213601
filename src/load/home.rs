//! GitBook's `structure.readme` (in `.gitbook.yaml`): the file named there, not
//! `README.md`, is the home page's text, as GitBook shows it. It is read as the
//! content folder's `README.md` would be, and links to its own name still lead to it.

use crate::config::BookFiles;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// Whether `rel` is the file `.gitbook.yaml` names as the home page's text.
pub(super) fn is_named_readme(rel: &Path, files: &BookFiles) -> bool {
    files.readme.as_ref().is_some_and(|(name, _)| name == rel)
}

/// Whether `rel` is the content folder's own index (`README.md` in any case,
/// `index.md`), which the named readme takes the place of.
fn is_top_index(rel: &Path) -> bool {
    rel.parent() == Some(Path::new(""))
        && rel
            .file_stem()
            .and_then(|s| s.to_str())
            .is_some_and(|s| s.eq_ignore_ascii_case("readme") || s == "index" || s == "_index")
}

/// Makes the named readme among `markdown` (full path, path from the content folder)
/// the home page's text. When the content folder's own `README.md` or `index.md` is
/// still a page of the book (SUMMARY.md lists it, or there is no SUMMARY.md), that one
/// stays the home page's text, with a warning at `structure.readme`.
pub(super) fn name_the_home(
    markdown: &mut [(PathBuf, PathBuf)],
    files: &BookFiles,
    diagnostics: &mut Diagnostics,
) {
    let Some((name, (line, column))) = &files.readme else {
        return;
    };
    if let Some((_, own)) = markdown.iter().find(|(_, rel)| is_top_index(rel)) {
        diagnostics.push(
            Diagnostic::warning(
                Code::Config,
                format!(
                    "GitBook's structure.readme '{}' is not read: '{}' is a page of the book, the home page's text",
                    name.display(),
                    own.display()
                ),
            )
            .at(Path::new(crate::config::GITBOOK_FILE), *line, *column)
            .help("take it out of SUMMARY.md (or rename it) to make the readme GitBook names the home page"),
        );
        return;
    }
    if let Some((_, rel)) = markdown.iter_mut().find(|(_, rel)| rel == name) {
        *rel = PathBuf::from("README.md");
    }
}
