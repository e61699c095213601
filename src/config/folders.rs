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
        let mut mounts = self.check_mounts(root, text, file, problems);
        let spans = Spans::of(text);
        if let Some((message, help)) = content_dir_problem(root, &self.build.content_dir) {
            let (line, column) = match &spans.build.content_dir {
                Some(_) => line_col(text, key_start(text, &spans.build.content_dir)),
                None => (0, 0),
            };
            problems.push(
                Diagnostic::error(Code::Config, message)
                    .at(file, line, column)
                    .help(help),
            );
            mounts = false;
        }
        // A pattern written as the absolute path of a folder in the site: patterns are
        // read from the content folder (a leading `/` anchors them there).
        let site = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        for (pattern, at) in self.build.exclude.iter().zip(&spans.build.exclude) {
            let path = Path::new(pattern.trim().trim_start_matches('!'));
            if path.is_absolute() && (path.starts_with(&site) || path.starts_with(root)) {
                let (line, column) = line_col(text, at.as_ref().map_or(0, |s| s.span().start));
                problems.push(
                    Diagnostic::error(Code::Config, format!("`build.exclude` pattern '{pattern}' is an absolute path: it would leave nothing out"))
                        .at(file, line, column)
                        .help("write it from the content folder, as in .gitignore: \"/drafts\" for the folder `drafts/` in it"),
                );
                mounts = false;
            }
        }
        let Some(dir) = &self.build.static_dir else {
            return mounts;
        };
        let Some((message, help)) = static_dir_problem(root, dir, &self.build.content_dir) else {
            return mounts;
        };
        let (line, column) = line_col(text, key_start(text, &spans.build.static_dir));
        problems.push(
            Diagnostic::error(Code::Config, message)
                .at(file, line, column)
                .help(help),
        );
        false
    }
}

/// Where a folder or file `book.toml` names lies, when it is not a folder or file
/// inside the site's folder and apart from its content folder.
pub(super) enum Misplaced {
    /// Empty, or written from the file system's root.
    NotRelative,
    /// A `..` climbs out of the site's folder.
    Outside,
    /// The site's folder itself.
    SiteItself,
    Missing,
    Unreadable(std::io::Error),
    /// A file, where a folder is asked for.
    File,
    /// A FIFO, socket or device.
    Special,
    /// Inside the content folder, or holding it.
    OverlapsContent,
}

/// Where `written` (as book.toml writes it) lies under the site at `root` whose content
/// folder is `content_dir`, if not where a folder of published files (or, with
/// `file_too`, a file) may be.
pub(super) fn misplaced(
    root: &Path,
    written: &str,
    content_dir: &str,
    file_too: bool,
) -> Option<Misplaced> {
    let path = Path::new(written);
    if written.trim().is_empty() || path.has_root() || path.is_absolute() {
        return Some(Misplaced::NotRelative);
    }
    // Inside the site's folder as written: `..` may not climb out of it.
    match depth_inside(path) {
        None => return Some(Misplaced::Outside),
        Some(0) => return Some(Misplaced::SiteItself),
        Some(_) => {}
    }
    let full = root.join(path);
    match std::fs::metadata(&full) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(Misplaced::Missing),
        Err(e) => return Some(Misplaced::Unreadable(e)),
        Ok(meta) if meta.is_file() && !file_too => return Some(Misplaced::File),
        Ok(meta) if !meta.is_dir() && !meta.is_file() => return Some(Misplaced::Special),
        Ok(_) => {}
    }
    let content = root.join(content_dir);
    if let (Ok(full), Ok(content)) = (full.canonicalize(), content.canonicalize()) {
        if full.starts_with(&content) || content.starts_with(&full) {
            return Some(Misplaced::OverlapsContent);
        }
    }
    None
}

/// What is wrong with `dir` as the static folder of the site at `root` whose content
/// folder is `content_dir`, if anything: (message, help).
fn static_dir_problem(root: &Path, dir: &str, content_dir: &str) -> Option<(String, String)> {
    let key = "`build.static_dir`";
    let problem = misplaced(root, dir, content_dir, false)?;
    // Inside the content folder, as VitePress keeps `docs/public/`: the content folder
    // is read without it (`load::walk::static_inside_content`).
    if matches!(problem, Misplaced::OverlapsContent)
        && below_content(root, dir, content_dir).is_some()
    {
        return None;
    }
    let (message, help) = match problem {
        Misplaced::NotRelative => (
            format!("{key} '{dir}' must be a folder relative to book.toml's"),
            "name the folder beside the content folder, as Hugo and Zola do: \"static\"",
        ),
        Misplaced::Outside => (
            format!("{key} '{dir}' is outside the site's folder"),
            "put the static folder in the folder holding book.toml (a symbolic link in it to a folder elsewhere is followed)",
        ),
        Misplaced::SiteItself => (
            format!("{key} '{dir}' is the site's folder itself: book.toml and the content folder would be published as files"),
            "name a folder inside it, such as \"static\"",
        ),
        Misplaced::Missing => (
            format!("static folder `{dir}/` does not exist"),
            "create it, or remove `static_dir` from book.toml",
        ),
        Misplaced::Unreadable(e) => (
            format!("static folder `{dir}/` cannot be read: {e}"),
            "check the folder's permissions",
        ),
        Misplaced::File => (
            format!("{key} '{dir}' is a file, not a folder"),
            "name the folder whose files are published at the site root",
        ),
        Misplaced::Special => (
            format!("{key} '{dir}' is a special file (a FIFO, socket or device), not a folder"),
            "name the folder whose files are published at the site root",
        ),
        Misplaced::OverlapsContent => (
            format!("{key} '{dir}' is the content folder `{content_dir}/` or holds it: its files would be published twice"),
            "keep the static folder beside the content folder, as Hugo and Zola do, or inside it, as VitePress keeps `public/` (files inside the content folder are published already)",
        ),
    };
    Some((message, help.into()))
}

/// The path of `dir` from the content folder `content_dir` (`/` between its parts),
/// when it lies inside it and is not the folder itself: VitePress's `docs/public/` as a
/// static folder.
pub fn below_content(root: &Path, dir: &str, content_dir: &str) -> Option<String> {
    let folder = root.join(dir).canonicalize().ok()?;
    let content = root.join(content_dir).canonicalize().ok()?;
    let rel = folder.strip_prefix(&content).ok()?.to_string_lossy();
    (!rel.is_empty()).then(|| rel.replace('\\', "/"))
}

/// What is wrong with `dir` as the content folder of the site at `root`, if anything:
/// (message, help). A folder outside the site's (`../book/src`) is allowed, and so is
/// the site's folder itself (`"."`, a vault with book.toml at its root: the output
/// folder must then lie outside it, which the build checks).
fn content_dir_problem(root: &Path, dir: &str) -> Option<(String, String)> {
    let key = "`build.content_dir`";
    let path = Path::new(dir);
    let (message, help) = if dir.trim().is_empty() || path.has_root() || path.is_absolute() {
        (
            format!("{key} '{dir}' must be a folder relative to book.toml's"),
            "name the folder of notes beside book.toml: \"content\", or \"src\" for an mdBook",
        )
    } else {
        match std::fs::metadata(root.join(path)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (
                format!("content folder `{dir}/` does not exist"),
                "create it with one folder per topic, or run `attune init` for a sample site",
            ),
            Err(e) => (
                format!("content folder `{dir}/` cannot be read: {e}"),
                "check the folder's permissions",
            ),
            Ok(meta) if !meta.is_dir() => (
                format!("{key} '{dir}' is not a folder"),
                "name the folder holding the notes",
            ),
            Ok(_) => return None,
        }
    };
    Some((message, help.into()))
}

/// How many folders below the site's folder `path` (relative, as book.toml writes it)
/// ends, or `None` when a `..` climbs out of it or it is rooted.
fn depth_inside(path: &Path) -> Option<usize> {
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
        // Inside the content folder, as VitePress keeps `docs/public/`.
        assert_eq!(problem("content/static"), None);
        for (dir, says) in [
            ("", "must be a folder relative"),
            ("/srv/static", "must be a folder relative"),
            ("../static", "outside the site's folder"),
            ("static/../..", "outside the site's folder"),
            (".", "the site's folder itself"),
            ("static/..", "the site's folder itself"),
            ("assets", "does not exist"),
            ("file.txt", "is a file, not a folder"),
            ("content", "is the content folder `content/` or holds it"),
            ("content/..", "the site's folder itself"),
        ] {
            let found = problem(dir).unwrap_or_else(|| panic!("{dir:?} accepted"));
            assert!(found.contains(says), "{dir:?}: {found}");
        }
    }
}
