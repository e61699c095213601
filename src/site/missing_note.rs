//! The help for a Markdown link to a note not written yet (`[x](gone.md)`): the
//! nearest note there is, its path written as the link was.

use super::Site;
use crate::diagnostic::nearest;
use std::path::Path;

impl Site {
    /// The help for the link `written`, from the file `from`, to a `.md` file that does
    /// not exist: "did you mean" the note whose name is nearest, of two of one name
    /// the one sharing most folders with the folder the link leads into, then with
    /// `from`'s (a book's `9/` and `10/` editions), else how the path is read.
    pub(super) fn missing_note_help(&self, from: &Path, written: &str) -> String {
        // A folder's own text (`aws-ecs-post-exploitation/README.md`) is named by its
        // folder, as its page is.
        let path = Path::new(written);
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let own_text = ["readme", "index", "_index"].contains(&stem.to_lowercase().as_str());
        let stem = match path.parent().and_then(Path::file_name) {
            Some(folder) if own_text => folder.to_string_lossy(),
            _ => stem,
        };
        // The folder the link leads into, and the linking file's own.
        let folder = (from.parent().unwrap_or(Path::new("")).to_string_lossy()).replace('\\', "/");
        let target = match written.strip_prefix('/') {
            Some(rooted) => super::refs::paths::join("", rooted),
            None => super::refs::paths::join(&folder, written),
        };
        let target = target.unwrap_or_default();
        let target = Path::new(&target).parent();
        let here = from.parent();
        let in_common = |a: Option<&Path>, b: Option<&Path>| {
            let a = a.into_iter().flat_map(Path::components);
            let b = b.into_iter().flat_map(Path::components);
            a.zip(b).take_while(|(x, y)| x == y).count()
        };
        let shared = |a: &&super::article::Article| {
            let there = a.rel.parent();
            std::cmp::Reverse((in_common(target, there), in_common(here, there)))
        };
        // Any article of that slug or file name: two files may share one, a folder's
        // hub has no slug of its own, and a folder's `README.md` has the folder's
        // (`./robotpy/REATDME.md` is `robotpy/README.md`).
        let names = (self.articles.iter()).flat_map(|a| [a.slug.as_str(), file_stem(a)]);
        let best = nearest(&stem, names).and_then(|best| {
            (self.articles.iter())
                .filter(|a| a.slug == best || file_stem(a) == best)
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

impl Site {
    /// The help for the wikilink `written` (`[[Commands]]`, `[[02 Exploitation/PHP]]`)
    /// to a note not written yet: the note whose name is nearest, as a wikilink names
    /// it (`Command Injection`, not its address's `command-injection`), by its path
    /// when another note has that name too.
    pub(super) fn missing_wikilink_help(&self, written: &str) -> Option<String> {
        let name = written.rsplit('/').next().unwrap_or(written);
        let best = nearest(name, self.articles.iter().map(file_stem))?;
        let mut named = self.articles.iter().filter(|a| file_stem(a) == best);
        let first = named.next()?;
        let shown = match named.next() {
            None => best.to_string(),
            Some(_) => first
                .rel
                .with_extension("")
                .to_string_lossy()
                .replace('\\', "/"),
        };
        Some(format!("did you mean '{shown}'?"))
    }
}

/// The name of an article's file without its extension.
fn file_stem(article: &super::article::Article) -> &str {
    (article.rel.file_stem())
        .and_then(|s| s.to_str())
        .unwrap_or_default()
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
