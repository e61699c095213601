//! The help for a Markdown link to a note not written yet (`[x](gone.md)`): the
//! nearest note there is, its path written as the link was.

use super::Site;
use crate::diagnostic::nearest;
use std::path::Path;

impl Site {
    /// The help for the link `written`, from the file `from`, to a `.md` file that does
    /// not exist: "did you mean" the note whose name is nearest, of two of one name
    /// the one sharing most folders with `from` (a book's `9/` and `10/` editions),
    /// else how the path is read.
    pub(super) fn missing_note_help(&self, from: &Path, written: &str) -> String {
        let stem = Path::new(written)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let here = from.parent();
        let shared = |a: &&super::article::Article| {
            let there = a.rel.parent().into_iter().flat_map(Path::components);
            let here = here.into_iter().flat_map(Path::components);
            std::cmp::Reverse(here.zip(there).take_while(|(x, y)| x == y).count())
        };
        // Any article of that slug: two files may share one, and a folder's hub has
        // none of its own.
        let best = nearest(&stem, self.articles.iter().map(|a| a.slug.as_str())).and_then(|best| {
            self.articles
                .iter()
                .filter(|a| a.slug == best)
                .min_by_key(shared)
        });
        match best {
            Some(to) => format!(
                "did you mean '{}'?",
                path_as_written(written, from, &to.rel)
            ),
            None if written.starts_with('/') => {
                "a path starting with `/` starts from the content folder".to_string()
            }
            None => "the path is relative to this file's folder".to_string(),
        }
    }
}

/// The path to the file `to` written as the link to it was: from the content folder
/// when that starts with `/` (GitBook's `/contents/intro.md`), else from `from`'s folder.
fn path_as_written(written: &str, from: &Path, to: &Path) -> String {
    let to = to.to_string_lossy().replace('\\', "/");
    if written.starts_with('/') {
        return format!("/{to}");
    }
    let folder = from.parent().unwrap_or(Path::new(""));
    super::refs::paths::relative_to(&folder.to_string_lossy().replace('\\', "/"), &to)
}
