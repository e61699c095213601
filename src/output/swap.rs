//! Moving a finished site into place: an atomic exchange of the staging folder with
//! the output folder where the system has one (Linux `renameat2(RENAME_EXCHANGE)`,
//! macOS `renamex_np(RENAME_SWAP)`), otherwise two renames and a recovery at the next
//! build if a kill falls between them.

use super::folder::describe;
use super::MARKER;
use anyhow::{bail, Context as _, Result};
use std::path::{Path, PathBuf};

/// The staging folder of `out`: `.NAME.attune-staging` beside it.
pub(super) fn staging_path(out: &Path) -> PathBuf {
    sibling(out, "attune-staging")
}

/// Atomically exchanges the staging folder with the output folder where the system
/// allows it (Linux `renameat2`, macOS `renamex_np`), otherwise with two renames (see [`swap_with`]).
pub(super) fn swap_into_place(staging: &Path, out: &Path) -> Result<()> {
    swap_with(staging, out, exchange)
}

/// The folders a build into `out` writes: `out` (or where its link leads), and the
/// staging and previous-site folders beside it.
pub fn build_folders(out: &Path) -> Vec<PathBuf> {
    let out = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
    vec![staging_path(&out), old_path(&out), out]
}

/// Where the previous site waits while two renames replace it (no atomic exchange).
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

/// [`swap_into_place`] with the exchange given. Without an exchange, the previous site
/// is renamed aside, the new one renamed into place, and the previous one becomes the
/// next staging folder. If the second rename fails the previous site is put back; if
/// the process is killed between the two, [`recover_interrupted_swap`] puts it back
/// before the next build or serve touches anything. Only a folder is ever replaced.
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
            let old = old_path(out);
            if std::fs::symlink_metadata(&old).is_ok() {
                remove_node(&old).with_context(|| format!("removing {}", old.display()))?;
            }
            std::fs::rename(out, &old).with_context(|| {
                format!("moving the previous site aside from {}", out.display())
            })?;
            if let Err(e) = std::fs::rename(staging, out) {
                // Never leave nothing: the previous site goes back where it was.
                let _ = std::fs::rename(&old, out);
                return Err(e)
                    .with_context(|| format!("moving the new site into {}", out.display()));
            }
            // The previous site becomes the next build's staging folder.
            let _ = std::fs::rename(&old, staging);
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
                .with_context(|| format!("moving the new site into {}", out.display()))?;
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", out.display())),
    }
    Ok(())
}

/// Removes a file, link or folder (never following a link).
fn remove_node(path: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path)?.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    }
}

/// Puts back the previous site when a build was killed between the two renames of a
/// swap without atomic exchange: `out` is missing and the previous site, written by
/// attune, waits beside it.
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

    fn no_exchange(_: &Path, _: &Path) -> std::io::Result<()> {
        Err(std::io::Error::other("no RENAME_EXCHANGE here"))
    }

    fn site(dir: &Path, page: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(MARKER), MARKER_TEXT).unwrap();
        std::fs::write(dir.join("index.html"), page).unwrap();
    }

    #[test]
    fn without_an_exchange_the_swap_replaces_the_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        site(&out, "old");
        let staging = staging_path(&out);
        site(&staging, "new");
        swap_with(&staging, &out, no_exchange).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "new"
        );
        assert_eq!(
            std::fs::read_to_string(staging.join("index.html")).unwrap(),
            "old",
            "the previous site is the next staging folder"
        );
        assert!(!old_path(&out).exists());
    }

    #[test]
    fn without_an_exchange_a_failed_second_rename_puts_the_old_site_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        site(&out, "old");
        // No staging folder: the second rename fails.
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
