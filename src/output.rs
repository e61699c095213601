//! Writes the site into a staging folder beside the output, then swaps it into place,
//! so readers and hosts only ever see a complete site: the previous one or the new one.

use anyhow::{bail, Context as _, Result};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A file in every output folder attune writes, so it never replaces a folder it did
/// not write itself.
pub const MARKER: &str = ".attune-output";

/// Collects files into the staging folder; safe to share across threads.
pub struct Writer {
    staging: PathBuf,
    errors: Mutex<Vec<String>>,
}

impl Writer {
    /// Prepares an empty staging folder for `out`, removing any left by a killed build.
    pub fn new(out: &Path) -> Result<Writer> {
        let staging = staging_path(out);
        if staging.exists() {
            std::fs::remove_dir_all(&staging)
                .with_context(|| format!("removing stale staging folder {}", staging.display()))?;
        }
        std::fs::create_dir_all(&staging)
            .with_context(|| format!("creating {}", staging.display()))?;
        std::fs::write(
            staging.join(MARKER),
            "written by attune; this folder is replaced on every build\n",
        )
        .with_context(|| format!("writing into {}", staging.display()))?;
        Ok(Writer {
            staging,
            errors: Mutex::new(Vec::new()),
        })
    }

    /// A writer into an existing scratch folder, for a second edition of the site.
    pub fn scratch(dir: PathBuf) -> Result<Writer> {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(Writer {
            staging: dir,
            errors: Mutex::new(Vec::new()),
        })
    }

    /// Writes `bytes` at the site-relative `path`. Paths come from slugs and aliases that
    /// `site` has already confined to the site; anything else is refused here too.
    pub fn write(&self, path: &str, bytes: &[u8]) {
        if path.split('/').any(|s| s == ".." || s.contains('\\')) || path.starts_with('/') {
            self.fail(format!(
                "refused to write outside the output folder: {path}"
            ));
            return;
        }
        let full = self.staging.join(path);
        let result = full
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&full, bytes));
        if let Err(e) = result {
            self.fail(format!("writing {}: {e}", full.display()));
        }
    }

    /// A buffered file at the site-relative `path`, for outputs too large to hold whole.
    pub fn create(&self, path: &str) -> std::io::Result<std::io::BufWriter<std::fs::File>> {
        if path.split('/').any(|s| s == ".." || s.contains('\\')) || path.starts_with('/') {
            return Err(std::io::Error::other(format!(
                "refused to write outside the output folder: {path}"
            )));
        }
        let full = self.staging.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)?;
        }
        Ok(std::io::BufWriter::with_capacity(
            1 << 16,
            std::fs::File::create(full)?,
        ))
    }

    /// The folder being written, for steps that read back what was staged.
    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// Copies a file from the content folder.
    pub fn copy(&self, from: &Path, path: &str) {
        match std::fs::read(from) {
            Ok(bytes) => self.write(path, &bytes),
            Err(e) => self.fail(format!("reading {}: {e}", from.display())),
        }
    }

    fn fail(&self, message: String) {
        if let Ok(mut errors) = self.errors.lock() {
            errors.push(message);
        }
    }

    /// Moves the staged site into place as `out`, or removes it if anything failed.
    pub fn commit(self, out: &Path) -> Result<()> {
        let errors = self.errors.into_inner().unwrap_or_default();
        if let Some(first) = errors.first() {
            let _ = std::fs::remove_dir_all(&self.staging);
            bail!("{first} ({} write errors)", errors.len());
        }
        swap_into_place(&self.staging, out)
    }

    /// Errors so far, without finishing: a scratch edition reports them to its parent.
    pub fn take_errors(&self) -> Vec<String> {
        self.errors
            .lock()
            .map(|mut e| std::mem::take(&mut *e))
            .unwrap_or_default()
    }

    /// Discards the staged site (a build with errors), leaving `out` untouched.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

fn staging_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.attune-staging"))
}

/// Refuses output folders whose replacement would destroy something that is not a
/// previous build: the site root, the content or theme folder, or a folder attune did
/// not write.
pub fn check_output_folder(root: &Path, out: &Path, content: &Path) -> Result<()> {
    let absolute = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Canonicalise the longest existing prefix so `..` and symlinks cannot hide the truth.
        let mut existing = p.clone();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (
                existing.file_name().map(|n| n.to_os_string()),
                existing.parent(),
            ) {
                (Some(name), Some(parent)) => {
                    rest.push(name);
                    existing = parent.to_path_buf();
                }
                _ => break,
            }
        }
        let mut resolved = existing.canonicalize().unwrap_or(existing);
        for part in rest.into_iter().rev() {
            resolved.push(part);
        }
        resolved
    };
    let (root, out, content) = (absolute(root), absolute(out), absolute(content));
    let themes = root.join("themes");
    if root.starts_with(&out) {
        bail!(
            "refusing to write the site to {}: it contains the site root, which would be deleted",
            out.display()
        );
    }
    for (name, dir) in [("content", &content), ("themes", &themes)] {
        if out.starts_with(dir) || dir.starts_with(&out) {
            bail!(
                "refusing to write the site to {}: it overlaps the {name} folder {}",
                out.display(),
                dir.display()
            );
        }
    }
    if out.is_file() {
        bail!(
            "refusing to write the site to {}: it is a file",
            out.display()
        );
    }
    if out.is_dir()
        && !out.join(MARKER).exists()
        && std::fs::read_dir(&out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
    {
        bail!(
            "refusing to replace {}: it is not empty and was not written by attune\n  = help: remove it yourself, or choose another folder with --out",
            out.display()
        );
    }
    Ok(())
}

/// Atomically exchanges the staging folder with the output folder where the system
/// allows it (Linux `renameat2`), otherwise with two renames.
fn swap_into_place(staging: &Path, out: &Path) -> Result<()> {
    if out.exists() {
        if exchange(staging, out).is_ok() {
            std::fs::remove_dir_all(staging).with_context(|| {
                format!("removing the previous site from {}", staging.display())
            })?;
            return Ok(());
        }
        let old = out.with_file_name(format!(
            ".{}.attune-old",
            out.file_name().unwrap_or_default().to_string_lossy()
        ));
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(out, &old)
            .with_context(|| format!("moving the previous site aside from {}", out.display()))?;
        std::fs::rename(staging, out)
            .with_context(|| format!("moving the new site into {}", out.display()))?;
        let _ = std::fs::remove_dir_all(&old);
    } else {
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::rename(staging, out)
            .with_context(|| format!("moving the new site into {}", out.display()))?;
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

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("atomic exchange is not available"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(!staging_path(&out).exists());
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

    #[test]
    fn refuses_dangerous_output_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let content = root.join("content");
        assert!(check_output_folder(root, root, &content).is_err());
        assert!(check_output_folder(root, &content, &content).is_err());
        assert!(check_output_folder(root, &root.join("content/x"), &content).is_err());
        std::fs::create_dir_all(root.join("docs")).unwrap();
        std::fs::write(root.join("docs/keep.txt"), "mine").unwrap();
        assert!(check_output_folder(root, &root.join("docs"), &content).is_err());
        assert!(check_output_folder(root, &root.join("public"), &content).is_ok());
    }
}
