//! GitBook's `structure.readme` (in `.gitbook.yaml`): the file named there, not
//! `README.md`, is the home page's text, as GitBook shows it. It is read as the
//! content folder's `README.md` would be, and links to its own name still lead to it.
//! One in a folder below (`product/README.md`, as GitBook's own example names it) has
//! its relative links and images read from that folder, as GitBook reads every
//! page's: parsing writes each from the top of the content folder
//! (`markdown/rebase.rs`), its positions kept true to the file.

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
/// Returns the named readme's folder (from the content folder) when that folder is
/// not the top: the folder its links are written from ([`Content::readme_folder`]).
///
/// [`Content::readme_folder`]: super::Content::readme_folder
pub(super) fn name_the_home(
    markdown: &mut [(PathBuf, PathBuf)],
    files: &BookFiles,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let (name, (line, column)) = files.readme.as_ref()?;
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
        return None;
    }
    let (_, rel) = markdown.iter_mut().find(|(_, rel)| rel == name)?;
    *rel = PathBuf::from("README.md");
    let folder = name.parent()?.to_string_lossy().replace('\\', "/");
    (!folder.is_empty()).then_some(folder)
}
