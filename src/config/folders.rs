//! Checks on the folders `book.toml` names that only the disk can answer: the static
//! folder (`[build] static_dir`) must be a folder inside the site's folder, apart from
//! the content folder. Each problem is reported at the key in `book.toml`.

use super::spans::{key_start, Spans};
use super::Config;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use std::path::{Component, Path};

impl Config {
    /// Pushes what is wrong with the folders this config (read from `text`) names
    /// under `root` into `problems`; whether nothing was.
    pub(super) fn check_folders(
        &self,
        root: &Path,
        text: &str,
        file: &Path,
        problems: &mut Diagnostics,
    ) -> bool {
        let mounts = self.check_mounts(root, text, file, problems);
        let Some(dir) = &self.build.static_dir else {
            return mounts;
        };
        let Some((message, help)) = static_dir_problem(root, dir, &self.build.content_dir) else {
            return mounts;
        };
        let spans = Spans::of(text);
        let (line, column) = line_col(text, key_start(text, &spans.build.static_dir));
        problems.push(
            Diagnostic::error(Code::Config, message)
                .at(file, line, column)
                .help(help),
        );
        false
    }
}

/// What is wrong with `dir` as the static folder of the site at `root` whose content
/// folder is `content_dir`, if anything: (message, help).
fn static_dir_problem(root: &Path, dir: &str, content_dir: &str) -> Option<(String, String)> {
    let path = Path::new(dir);
    let key = "`build.static_dir`";
    if dir.trim().is_empty() || path.has_root() || path.is_absolute() {
        return Some((
            format!("{key} '{dir}' must be a folder relative to book.toml's"),
            "name the folder beside the content folder, as Hugo and Zola do: \"static\"".into(),
        ));
    }
    // Inside the site's folder as written: `..` may not climb out of it.
    let Some(depth) = depth_inside(path) else {
        return Some((
            format!("{key} '{dir}' is outside the site's folder"),
            "put the static folder in the folder holding book.toml (a symbolic link in it to a folder elsewhere is followed)".into(),
        ));
    };
    if depth == 0 {
        return Some((
            format!("{key} '{dir}' is the site's folder itself: book.toml and the content folder would be published as files"),
            "name a folder inside it, such as \"static\"".into(),
        ));
    }
    let full = root.join(path);
    match std::fs::metadata(&full) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Some((
                format!("static folder `{dir}/` does not exist"),
                "create it, or remove `static_dir` from book.toml".into(),
            ))
        }
        Err(e) => {
            return Some((
                format!("static folder `{dir}/` cannot be read: {e}"),
                "check the folder's permissions".into(),
            ))
        }
        Ok(meta) if !meta.is_dir() => {
            let what = if meta.is_file() {
                "a file"
            } else {
                "a special file (a FIFO, socket or device)"
            };
            return Some((
                format!("{key} '{dir}' is {what}, not a folder"),
                "name the folder whose files are published at the site root".into(),
            ));
        }
        Ok(_) => {}
    }
    let content = root.join(content_dir);
    if let (Ok(static_dir), Ok(content)) = (full.canonicalize(), content.canonicalize()) {
        if static_dir.starts_with(&content) || content.starts_with(&static_dir) {
            return Some((
                format!("{key} '{dir}' overlaps the content folder `{content_dir}/`: its files would be published twice"),
                "keep the static folder beside the content folder, as Hugo and Zola do (files inside the content folder are published already)".into(),
            ));
        }
    }
    None
}

/// How many folders below the site's folder `path` (relative, as book.toml writes it)
/// ends, or `None` when a `..` climbs out of it or it is rooted.
pub(super) fn depth_inside(path: &Path) -> Option<usize> {
    let mut depth = 0usize;
    for part in path.components() {
        match part {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir if depth > 0 => depth -= 1,
            _ => return None,
        }
    }
    Some(depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_static_folder_must_be_a_folder_inside_the_site_apart_from_its_content() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["content", "static", "content/static"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        std::fs::write(root.join("file.txt"), "x").unwrap();
        let problem = |dir: &str| static_dir_problem(root, dir, "content").map(|(m, _)| m);
        assert_eq!(problem("static"), None);
        assert_eq!(problem("./static/"), None);
        for (dir, says) in [
            ("", "must be a folder relative"),
            ("/srv/static", "must be a folder relative"),
            ("../static", "outside the site's folder"),
            ("static/../..", "outside the site's folder"),
            (".", "the site's folder itself"),
            ("static/..", "the site's folder itself"),
            ("assets", "does not exist"),
            ("file.txt", "is a file, not a folder"),
            ("content", "overlaps the content folder"),
            ("content/static", "overlaps the content folder"),
        ] {
            let found = problem(dir).unwrap_or_else(|| panic!("{dir:?} accepted"));
            assert!(found.contains(says), "{dir:?}: {found}");
        }
    }
}
