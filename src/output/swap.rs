//! Moving a finished site into place: an atomic exchange of the staging folder with
//! the output folder where the system has one (Linux `renameat2(RENAME_EXCHANGE)`,
//! macOS `renamex_np(RENAME_SWAP)`). Where it has none (other systems, file systems
//! that refuse the exchange, an output folder that is a mount point) or
//! [`NO_EXCHANGE`] asks for it, the output folder is brought up to date in place,
//! file by file, so that a kill at any instant leaves a whole site at the output path:
//! folders of the new site are made first, each new or changed file is copied to a
//! temporary name in its own folder and renamed over the old one (one atomic step per
//! file), and what the new site no longer holds is removed last. Until the removals
//! begin every page of the previous site is there (each old or new, never partial);
//! once they begin every page of the new site is. The one exception is a path that
//! changes between file and folder: it is missing for the instant between removing
//! one and placing the other. Two renames (output aside, staging in) would leave
//! nothing at the output path between them; earlier versions did that, and a
//! `.NAME.attune-old` they left is still put back by [`recover_interrupted_swap`].

use super::folder::describe;
use super::MARKER;
use anyhow::{bail, Context as _, Result};
use std::path::{Path, PathBuf};

/// The staging folder of `out`: `.NAME.attune-staging` beside it.
pub(super) fn staging_path(out: &Path) -> PathBuf {
    sibling(out, "attune-staging")
}

/// Set to `1`, this environment variable makes the swap bring the output folder up to
/// date in place (see the module doc) even where an atomic exchange is available.
const NO_EXCHANGE: &str = "ATTUNE_NO_EXCHANGE";

/// Atomically exchanges the staging folder with the output folder where the system
/// allows it (Linux `renameat2`, macOS `renamex_np`), otherwise updates the output
/// folder in place (see [`swap_with`]).
pub(super) fn swap_into_place(staging: &Path, out: &Path) -> Result<()> {
    if std::env::var_os(NO_EXCHANGE).is_some_and(|v| v == "1") {
        swap_with(staging, out, |_, _| {
            Err(std::io::Error::other(format!("{NO_EXCHANGE}=1")))
        })
    } else {
        swap_with(staging, out, exchange)
    }
}

/// The folders a build into `out` writes: `out` (or where its link leads), and the
/// staging and previous-site folders beside it.
pub fn build_folders(out: &Path) -> Vec<PathBuf> {
    let out = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
    vec![staging_path(&out), old_path(&out), out]
}

/// Where an earlier version's two-rename swap left the previous site; put back by
/// [`recover_interrupted_swap`].
pub(super) fn old_path(out: &Path) -> PathBuf {
    sibling(out, "attune-old")
}

/// `.NAME.SUFFIX` beside `out` (named `NAME`).
pub(super) fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.{suffix}"))
}

/// [`swap_into_place`] with the exchange given. Without an exchange, the output folder
/// is updated in place from the staging folder ([`update_in_place`]); the staging
/// folder keeps the new site and is the next build's staging folder. Only a folder is
/// ever replaced.
pub(super) fn swap_with(
    staging: &Path,
    out: &Path,
    exchange: impl Fn(&Path, &Path) -> std::io::Result<()>,
) -> Result<()> {
    match std::fs::symlink_metadata(out) {
        Ok(meta) if meta.is_dir() => {
            if exchange(staging, out).is_ok() {
                return Ok(());
            }
            update_in_place(staging, out)
        }
        Ok(meta) => bail!(
            "refusing to replace {}: it is {}, not a folder",
            out.display(),
            describe(&meta)
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = out.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
            }
            std::fs::rename(staging, out)
                .with_context(|| format!("moving the new site into {}", out.display()))
        }
        Err(e) => Err(e).with_context(|| format!("reading {}", out.display())),
    }
}

/// Makes the folder `out` hold what `staging` holds without ever leaving a path of the
/// site empty or partial: folders first, then each file that differs copied to a
/// temporary name beside its place and renamed over it, then what `staging` does not
/// hold removed, contents before their folder. Files whose bytes are the same are left
/// as they are. `staging` is only read.
fn update_in_place(staging: &Path, out: &Path) -> Result<()> {
    for entry in walkdir::WalkDir::new(staging)
        .min_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.with_context(|| format!("reading {}", staging.display()))?;
        let Ok(relative) = entry.path().strip_prefix(staging) else {
            continue;
        };
        let target = out.join(relative);
        let existing = std::fs::symlink_metadata(&target).ok();
        if entry.file_type().is_dir() {
            match existing {
                Some(meta) if meta.is_dir() => {}
                found => {
                    if found.is_some() {
                        std::fs::remove_file(&target)
                            .with_context(|| format!("removing {}", target.display()))?;
                    }
                    std::fs::create_dir(&target)
                        .with_context(|| format!("creating {}", target.display()))?;
                }
            }
        } else if !same_file_contents(entry.path(), &target) {
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let temporary = target.with_file_name(format!(".{name}.attune-new"));
            std::fs::copy(entry.path(), &temporary)
                .with_context(|| format!("writing {}", temporary.display()))?;
            if existing.is_some_and(|meta| meta.is_dir()) {
                std::fs::remove_dir_all(&target)
                    .with_context(|| format!("removing {}", target.display()))?;
            }
            std::fs::rename(&temporary, &target)
                .with_context(|| format!("moving the new file into {}", target.display()))?;
        }
    }
    for entry in walkdir::WalkDir::new(out).min_depth(1).contents_first(true) {
        let entry = entry.with_context(|| format!("reading {}", out.display()))?;
        let Ok(relative) = entry.path().strip_prefix(out) else {
            continue;
        };
        let kept = std::fs::symlink_metadata(staging.join(relative))
            .is_ok_and(|meta| meta.is_dir() == entry.file_type().is_dir());
        if !kept {
            remove_node(entry.path())
                .with_context(|| format!("removing {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Whether `target` is a regular file holding the same bytes as the file `source`.
fn same_file_contents(source: &Path, target: &Path) -> bool {
    let (Ok(a), Ok(b)) = (std::fs::metadata(source), std::fs::symlink_metadata(target)) else {
        return false;
    };
    b.is_file()
        && a.len() == b.len()
        && matches!((std::fs::read(source), std::fs::read(target)), (Ok(x), Ok(y)) if x == y)
}

/// Removes a file, link or folder (never following a link).
fn remove_node(path: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path)?.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    }
}

/// Puts back the previous site when a build of an earlier version was killed between
/// the two renames of its swap without atomic exchange: `out` is missing and the
/// previous site, written by attune, waits beside it as `.NAME.attune-old`.
pub fn recover_interrupted_swap(out: &Path) -> Result<()> {
    let old = old_path(out);
    let missing = matches!(std::fs::symlink_metadata(out), Err(e) if e.kind() == std::io::ErrorKind::NotFound);
    let old_is_site =
        std::fs::symlink_metadata(&old).is_ok_and(|m| m.is_dir()) && old.join(MARKER).is_file();
    if missing && old_is_site {
        std::fs::rename(&old, out).with_context(|| {
            format!(
                "restoring the previous site from {} (a build was interrupted)",
                old.display()
            )
        })?;
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both arguments are valid NUL-terminated paths that outlive the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// macOS (APFS; HFS+ and network volumes may refuse it, and the two-rename fallback
/// takes over): `renamex_np(RENAME_SWAP)` exchanges the two folders in one step.
#[cfg(target_os = "macos")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both arguments are valid NUL-terminated paths that outlive the call.
    let result = unsafe { libc::renamex_np(a.as_ptr(), b.as_ptr(), libc::RENAME_SWAP) };
    if result == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("atomic exchange is not available"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::MARKER_TEXT;
    use std::os::unix::fs::MetadataExt as _;

    fn no_exchange(_: &Path, _: &Path) -> std::io::Result<()> {
        Err(std::io::Error::other("no RENAME_EXCHANGE here"))
    }

    fn site(dir: &Path, page: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(MARKER), MARKER_TEXT).unwrap();
        std::fs::write(dir.join("index.html"), page).unwrap();
    }

    #[test]
    fn without_an_exchange_the_output_is_updated_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        site(&out, "old");
        for (path, text) in [
            ("same/index.html", "same"),
            ("gone/index.html", "gone"),
            ("gone/deeper/a.css", "gone"),
            ("was-a-file", "file"),
            (".was-a-folder.attune-new", "left by a kill"),
        ] {
            std::fs::create_dir_all(out.join(path).parent().unwrap()).unwrap();
            std::fs::write(out.join(path), text).unwrap();
        }
        std::fs::create_dir_all(out.join("was-a-folder/x")).unwrap();
        let staging = staging_path(&out);
        site(&staging, "new");
        for (path, text) in [
            ("same/index.html", "same"),
            ("added/deep/index.html", "added"),
            ("was-a-file/index.html", "now a folder"),
            ("was-a-folder", "now a file"),
        ] {
            std::fs::create_dir_all(staging.join(path).parent().unwrap()).unwrap();
            std::fs::write(staging.join(path), text).unwrap();
        }
        let unchanged = std::fs::metadata(out.join("same/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        let before = std::fs::metadata(&out).unwrap().ino();
        swap_with(&staging, &out, no_exchange).unwrap();
        let listing = |dir: &Path| {
            walkdir::WalkDir::new(dir)
                .min_depth(1)
                .sort_by_file_name()
                .into_iter()
                .map(|e| {
                    let e = e.unwrap();
                    let body = e
                        .file_type()
                        .is_file()
                        .then(|| std::fs::read(e.path()).unwrap());
                    (e.path().strip_prefix(dir).unwrap().to_path_buf(), body)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(listing(&out), listing(&staging), "out holds the new site");
        assert_eq!(
            std::fs::read_to_string(staging.join("index.html")).unwrap(),
            "new",
            "the staging folder keeps the new site for the next build"
        );
        assert_eq!(
            std::fs::metadata(&out).unwrap().ino(),
            before,
            "the same folder, updated"
        );
        assert_eq!(
            std::fs::metadata(out.join("same/index.html"))
                .unwrap()
                .modified()
                .unwrap(),
            unchanged,
            "a file with the same bytes is not written again"
        );
    }

    #[test]
    fn without_an_exchange_a_failed_update_leaves_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        site(&out, "old");
        // No staging folder: nothing can be read, nothing is changed.
        let staging = staging_path(&out);
        assert!(swap_with(&staging, &out, no_exchange).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
    }

    #[test]
    fn a_kill_between_the_two_renames_is_recovered_before_the_next_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        site(&out, "old");
        // Killed right after the first rename: `out` is missing.
        std::fs::rename(&out, old_path(&out)).unwrap();
        recover_interrupted_swap(&out).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
        // Nothing to do when the output is there, or the leftover is not a site.
        recover_interrupted_swap(&out).unwrap();
        std::fs::create_dir_all(old_path(&out)).unwrap();
        std::fs::remove_dir_all(&out).unwrap();
        recover_interrupted_swap(&out).unwrap();
        assert!(!out.exists(), "a folder without the marker is not a site");
    }

    #[test]
    fn the_swap_never_replaces_a_node_that_is_not_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::write(&out, "a file appeared").unwrap();
        let staging = staging_path(&out);
        site(&staging, "new");
        assert!(swap_with(&staging, &out, exchange).is_err());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "a file appeared");
        std::fs::remove_file(&out).unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), &out).unwrap();
        assert!(swap_with(&staging, &out, exchange).is_err());
        assert!(std::fs::symlink_metadata(&out)
            .unwrap()
            .file_type()
            .is_symlink());
    }
}
