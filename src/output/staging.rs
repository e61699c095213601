//! The staging folder a build writes into, beside the output: reused from the build
//! before (the folder the last swap took out), so unchanged files are compared rather
//! than written, and what this build did not write is removed before the swap.

use super::changed::write_if_changed;
use super::swap::staging_path;
use super::MARKER;
use anyhow::{Context as _, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A staging folder being written.
pub(super) struct Staging {
    pub(super) dir: PathBuf,
    /// Paths this build wrote; the rest are stale.
    written: Mutex<HashSet<String>>,
    /// The index of the `offline.zip` the folder held when the build began (from its
    /// marker): that archive is kept if the new one is the same.
    pub(super) staged_index: Option<String>,
}

impl Staging {
    /// Prepares the staging folder for `out`.
    pub(super) fn open(out: &Path) -> Result<Staging> {
        let dir = staging_path(out);
        if dir.is_file() || dir.is_symlink() {
            std::fs::remove_file(&dir)
                .with_context(|| format!("removing stale staging file {}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let staged_index = std::fs::read_to_string(dir.join(MARKER))
            .ok()
            .and_then(|marker| {
                Some(marker[marker.find(super::archive::INDEX_HEADER)?..].to_string())
            });
        Ok(Staging {
            dir,
            written: Mutex::new(HashSet::new()),
            staged_index,
        })
    }

    /// Records that this build produced `path`.
    pub(super) fn mark_written(&self, path: &str) {
        if let Ok(mut written) = self.written.lock() {
            written.insert(path.to_string());
        }
    }

    /// Writes `bytes` at the site-relative `path`, unless the file holds them already.
    pub(super) fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.mark_written(path);
        let full = self.dir.join(path);
        write_if_changed(&full, bytes).map_err(|e| format!("writing {}: {e}", full.display()))
    }

    /// Removes what this build did not write, leaving the folder ready to swap in.
    pub(super) fn remove_stale(&self) -> Result<()> {
        let written = self
            .written
            .lock()
            .map_err(|_| anyhow::anyhow!("poisoned"))?;
        let listing = list(&self.dir).with_context(|| format!("reading {}", self.dir.display()))?;
        remove_stale(&self.dir, &listing, &written)
    }
}

/// One node of a listing: its path, whether it is a folder, and its depth below the
/// listed folder (1 for what the folder holds itself).
type Node = (PathBuf, bool, usize);

/// What `dir` holds, contents before their folder.
fn list(dir: &Path) -> walkdir::Result<Vec<Node>> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .contents_first(true)
        .into_iter()
        .map(|entry| entry.map(|e| (e.path().to_path_buf(), e.file_type().is_dir(), e.depth())))
        .collect()
}

/// Removes every file of `listing` (what `dir` holds) whose site-relative path is not
/// in `written`, and the folders left empty. A folder that keeps a file is not asked
/// to go: with a page per folder, most folders keep one, and a failed removal costs as
/// much as a listing.
fn remove_stale(dir: &Path, listing: &[Node], written: &HashSet<String>) -> Result<()> {
    // `keeps[d]`: whether the folder being listed at depth `d - 1` keeps anything so
    // far. Contents come right before their folder, so a folder reads the flag of its
    // depth + 1 and clears it for the next folder there.
    fn kept(depth: usize, keeps: &mut Vec<bool>) {
        if keeps.len() <= depth {
            keeps.resize(depth + 1, false);
        }
        keeps[depth] = true;
    }
    let mut keeps = Vec::new();
    for (path, is_dir, depth) in listing {
        if *is_dir {
            let holds_something = keeps.get_mut(depth + 1).is_some_and(std::mem::take);
            if holds_something || std::fs::remove_dir(path).is_err() {
                kept(*depth, &mut keeps);
            }
            continue;
        }
        let rel = path
            .strip_prefix(dir)
            .map(|p| p.to_string_lossy())
            .unwrap_or_default();
        let rel = if cfg!(windows) {
            rel.replace('\\', "/").into()
        } else {
            rel
        };
        if written.contains(rel.as_ref()) {
            kept(*depth, &mut keeps);
            continue;
        }
        if let Err(e) = std::fs::remove_file(path) {
            // Gone, or a folder now: the build replaced it, and wrote what it holds.
            let replaced = std::fs::symlink_metadata(path).map_or(true, |m| m.is_dir());
            if !replaced {
                return Err(e).with_context(|| format!("removing stale {}", path.display()));
            }
            kept(*depth, &mut keeps);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Writer;

    /// What is left under `d`, sorted, each folder with a trailing `/`.
    fn left_in(d: &Path) -> Vec<String> {
        let mut left: Vec<String> = walkdir::WalkDir::new(d)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                let e = e.unwrap();
                let rel = e
                    .path()
                    .strip_prefix(d)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                if e.file_type().is_dir() {
                    format!("{rel}/")
                } else {
                    rel
                }
            })
            .collect();
        left.sort();
        left
    }

    #[test]
    fn commit_replaces_the_previous_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let w = Writer::new(&out).unwrap();
        w.write("a/index.html", b"one");
        w.commit(&out).unwrap();
        let w = Writer::new(&out).unwrap();
        w.write("b/index.html", b"two");
        w.commit(&out).unwrap();
        assert!(!out.join("a").exists());
        assert_eq!(std::fs::read(out.join("b/index.html")).unwrap(), b"two");
        // The first site is now the staging folder, brought up to date by the next build.
        assert!(staging_path(&out).join("a/index.html").exists());
        let w = Writer::new(&out).unwrap();
        w.write("b/index.html", b"three");
        w.write("c", b"a file where a folder was");
        w.commit(&out).unwrap();
        assert!(!out.join("a").exists(), "stale file and its folder removed");
        assert_eq!(std::fs::read(out.join("b/index.html")).unwrap(), b"three");
        assert_eq!(
            std::fs::read(out.join("c")).unwrap(),
            b"a file where a folder was"
        );
    }

    #[test]
    fn stale_files_are_found_from_a_listing_taken_before_the_build_changed_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for (path, text) in [
            ("stale/x.html", "old"),
            ("stale/deep/y.html", "old"),
            ("keep/index.html", "old"),
            ("c", "a file where a folder will be"),
            ("d/e.html", "a folder where a file will be"),
        ] {
            std::fs::create_dir_all(d.join(path).parent().unwrap()).unwrap();
            std::fs::write(d.join(path), text).unwrap();
        }
        let listing = list(d).unwrap();
        // The build, after the listing: replaces, turns a file into a folder and a
        // folder into a file, and adds a file the listing never saw.
        std::fs::write(d.join("keep/index.html"), "new").unwrap();
        std::fs::remove_file(d.join("c")).unwrap();
        std::fs::create_dir_all(d.join("c")).unwrap();
        std::fs::write(d.join("c/index.html"), "new").unwrap();
        std::fs::remove_dir_all(d.join("d")).unwrap();
        std::fs::write(d.join("d"), "new").unwrap();
        std::fs::create_dir_all(d.join("n")).unwrap();
        std::fs::write(d.join("n/new.html"), "new").unwrap();
        let written: HashSet<String> = ["keep/index.html", "c/index.html", "d", "n/new.html"]
            .into_iter()
            .map(String::from)
            .collect();
        remove_stale(d, &listing, &written).unwrap();
        let left = left_in(d);
        assert_eq!(
            left,
            [
                "c/",
                "c/index.html",
                "d",
                "keep/",
                "keep/index.html",
                "n/",
                "n/new.html"
            ]
        );
    }

    #[test]
    fn folders_left_empty_go_and_folders_that_keep_a_file_stay() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for path in [
            "a/b/c/kept.html",
            "a/b/stale.html",
            "a/stale.html",
            "e/f/stale.html",
            "e/g/stale.html",
            "e/kept.html",
            "h/i/j/stale.html",
            "top.html",
        ] {
            std::fs::create_dir_all(d.join(path).parent().unwrap()).unwrap();
            std::fs::write(d.join(path), "x").unwrap();
        }
        std::fs::create_dir_all(d.join("empty/deeper")).unwrap();
        let written: HashSet<String> = ["a/b/c/kept.html", "e/kept.html", "top.html"]
            .into_iter()
            .map(String::from)
            .collect();
        remove_stale(d, &list(d).unwrap(), &written).unwrap();
        let left = left_in(d);
        assert_eq!(
            left,
            [
                "a/",
                "a/b/",
                "a/b/c/",
                "a/b/c/kept.html",
                "e/",
                "e/kept.html",
                "top.html"
            ]
        );
    }

    #[test]
    fn unchanged_files_are_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        for _ in 0..2 {
            let w = Writer::new(&out).unwrap();
            w.write("same.html", b"unchanged bytes");
            w.commit(&out).unwrap();
        }
        let staged = staging_path(&out).join("same.html");
        let before = std::fs::metadata(&staged).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let w = Writer::new(&out).unwrap();
        w.write("same.html", b"unchanged bytes");
        w.commit(&out).unwrap();
        let after = std::fs::metadata(out.join("same.html"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(before, after, "identical bytes were rewritten");
    }

    #[test]
    fn refuses_to_write_outside() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let w = Writer::new(&out).unwrap();
        w.write("../evil.html", b"x");
        assert!(w.commit(&out).is_err());
        assert!(!dir.path().join("evil.html").exists());
    }
}
