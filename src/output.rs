//! Writes the site into a staging folder beside the output, then swaps it into place,
//! so readers and hosts only ever see a complete site: the previous one or the new one.

use anyhow::{bail, Context as _, Result};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// A file in every output folder attune writes, so it never replaces a folder it did
/// not write itself.
pub const MARKER: &str = ".attune-output";
pub const MARKER_TEXT: &str = "written by attune; this folder is replaced on every build\n";

/// Collects files into the staging folder; safe to share across threads.
pub struct Writer {
    staging: PathBuf,
    errors: Mutex<Vec<String>>,
    bytes: std::sync::atomic::AtomicU64,
    /// Set when writing straight into a folder being served (see [`Live`]).
    live: Option<Live>,
    /// Set when writing into a zip archive instead of a folder (see [`Writer::archive`]).
    archive: Option<Archive>,
}

/// Files compressed as they are written — in parallel, by whichever thread renders
/// them — each as a one-entry zip, merged in path order at the end so the archive is
/// the same bytes whatever order the threads finished in.
struct Archive {
    folder: String,
    level: i64,
    entries: Mutex<Vec<(String, Vec<u8>)>>,
}

/// What `attune serve` remembers between rebuilds of its folder, so a rebuild writes
/// only files whose bytes changed and renders only pages whose inputs changed.
#[derive(Default)]
pub struct Live {
    /// Site-relative path → hash of the bytes on disk.
    files: Mutex<HashMap<String, u64>>,
    /// Site-relative path → hash of the template context that produced it.
    contexts: Mutex<HashMap<String, u64>>,
    /// Paths produced by the current rebuild; the others are deleted at its end.
    seen: Mutex<HashSet<String>>,
    /// Pieces of larger files (print.html's articles), by key: (context hash, HTML).
    fragments: Mutex<HashMap<String, (u64, String)>>,
    written: AtomicUsize,
    rendered: AtomicUsize,
}

/// A stable 64-bit hash (the same on every run of the same binary).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
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
            bytes: Default::default(),
            live: None,
            archive: None,
        })
    }

    /// Writes into a zip archive whose entries sit under `folder/`; nothing touches the
    /// disk until [`Writer::finish_archive`].
    pub fn archive(folder: &str, level: i64) -> Writer {
        Writer {
            staging: PathBuf::new(),
            errors: Mutex::new(Vec::new()),
            bytes: Default::default(),
            live: None,
            archive: Some(Archive {
                folder: folder.to_string(),
                level,
                entries: Mutex::new(Vec::new()),
            }),
        }
    }

    /// The finished zip archive, entries in path order with fixed timestamps.
    pub fn finish_archive(self) -> Result<Vec<u8>> {
        let errors = self.errors.into_inner().unwrap_or_default();
        if let Some(first) = errors.first() {
            bail!("{first}");
        }
        let archive = self.archive.context("not an archive writer")?;
        let mut entries = archive
            .entries
            .into_inner()
            .map_err(|_| anyhow::anyhow!("poisoned"))?;
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (_, single) in entries {
            zip.merge_archive(zip::ZipArchive::new(std::io::Cursor::new(single))?)?;
        }
        Ok(zip.finish()?.into_inner())
    }

    /// Writes straight into `dir`, which is being served: each file is replaced
    /// atomically (written beside it, then renamed), so no request sees half a file.
    pub fn live(dir: PathBuf, live: Live) -> Result<Writer> {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(Writer {
            staging: dir,
            errors: Mutex::new(Vec::new()),
            bytes: Default::default(),
            live: Some(live),
            archive: None,
        })
    }

    /// True, and the page kept as it is, when a live folder already holds the page
    /// rendered from an identical context: the page need not be rendered again.
    pub fn unchanged_page(&self, path: &str, context_hash: u64) -> bool {
        let Some(live) = &self.live else { return false };
        let same = live
            .contexts
            .lock()
            .map(|c| c.get(path) == Some(&context_hash))
            .unwrap_or(false);
        if same {
            if let Ok(mut seen) = live.seen.lock() {
                seen.insert(path.to_string());
            }
        } else {
            live.rendered.fetch_add(1, Ordering::Relaxed);
            if let Ok(mut contexts) = live.contexts.lock() {
                contexts.insert(path.to_string(), context_hash);
            }
        }
        same
    }

    /// A piece of a larger file, rendered again only when its context changed.
    pub fn fragment<E>(
        &self,
        key: &str,
        context_hash: u64,
        render: impl FnOnce() -> Result<String, E>,
    ) -> Result<String, E> {
        let Some(live) = &self.live else {
            return render();
        };
        if let Some((hash, html)) = live.fragments.lock().ok().and_then(|f| f.get(key).cloned()) {
            if hash == context_hash {
                return Ok(html);
            }
        }
        let html = render()?;
        if let Ok(mut fragments) = live.fragments.lock() {
            fragments.insert(key.to_string(), (context_hash, html.clone()));
        }
        Ok(html)
    }

    /// Bytes handed to [`Writer::write`] so far.
    pub fn bytes_written(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    pub fn is_live(&self) -> bool {
        self.live.is_some()
    }

    /// Whether files must be handed over whole (served folder or zip archive), rather
    /// than streamed through [`Writer::create`].
    pub fn wants_whole_files(&self) -> bool {
        self.live.is_some() || self.archive.is_some()
    }

    /// Ends a live rebuild: removes files it no longer produced, and hands back the
    /// state with (files written, pages rendered).
    pub fn finish_live(self) -> Result<(Live, usize, usize)> {
        let errors = self.errors.into_inner().unwrap_or_default();
        let live = self.live.context("not a live folder")?;
        if let Some(first) = errors.first() {
            bail!("{first} ({} write errors)", errors.len());
        }
        let seen = std::mem::take(&mut *live.seen.lock().map_err(|_| anyhow::anyhow!("poisoned"))?);
        let mut files = live.files.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
        let stale: Vec<String> = files
            .keys()
            .filter(|p| !seen.contains(*p))
            .cloned()
            .collect();
        for path in stale {
            let _ = std::fs::remove_file(self.staging.join(&path));
            files.remove(&path);
            if let Ok(mut contexts) = live.contexts.lock() {
                contexts.remove(&path);
            }
        }
        drop(files);
        let written = live.written.swap(0, Ordering::Relaxed);
        let rendered = live.rendered.swap(0, Ordering::Relaxed);
        Ok((live, written, rendered))
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
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        if let Some(archive) = &self.archive {
            if path == MARKER {
                return;
            }
            match compress_entry(&format!("{}/{path}", archive.folder), bytes, archive.level) {
                Ok(single) => {
                    if let Ok(mut entries) = archive.entries.lock() {
                        entries.push((path.to_string(), single));
                    }
                }
                Err(e) => self.fail(format!("compressing {path}: {e}")),
            }
            return;
        }
        let full = self.staging.join(path);
        if let Some(live) = &self.live {
            let hash = hash_bytes(bytes);
            if let Ok(mut seen) = live.seen.lock() {
                seen.insert(path.to_string());
            }
            if live
                .files
                .lock()
                .map(|f| f.get(path) == Some(&hash))
                .unwrap_or(false)
            {
                return;
            }
            let temp = full.with_file_name(format!(
                ".{}.attune-tmp",
                full.file_name().unwrap_or_default().to_string_lossy()
            ));
            let result = full
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&temp, bytes))
                .and_then(|()| std::fs::rename(&temp, &full));
            match result {
                Ok(()) => {
                    live.written.fetch_add(1, Ordering::Relaxed);
                    if let Ok(mut files) = live.files.lock() {
                        files.insert(path.to_string(), hash);
                    }
                }
                Err(e) => self.fail(format!("writing {}: {e}", full.display())),
            }
            return;
        }
        let result = full
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&full, bytes));
        if let Err(e) = result {
            self.fail(format!("writing {}: {e}", full.display()));
        }
    }

    /// Forgets which contexts produced which pages, so every page renders again
    /// (after a template change).
    pub fn forget_contexts(&self) {
        if let Some(live) = &self.live {
            if let Ok(mut contexts) = live.contexts.lock() {
                contexts.clear();
            }
            if let Ok(mut fragments) = live.fragments.lock() {
                fragments.clear();
            }
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

    /// Ends a failed live rebuild without deleting anything: the folder keeps what the
    /// last good build left, and the next rebuild starts from this state.
    pub fn abandon_live(self) -> Live {
        let live = self.live.unwrap_or_default();
        if let Ok(mut seen) = live.seen.lock() {
            seen.clear();
        }
        live
    }

    /// Discards the staged site (a build with errors), leaving `out` untouched.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

/// One file as a one-entry zip archive, to be merged into the real one.
fn compress_entry(name: &str, bytes: &[u8], level: i64) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::Write as _;
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(level))
        .last_modified_time(zip::DateTime::default());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(
        bytes.len() / 3 + 256,
    )));
    zip.start_file(name, options)?;
    zip.write_all(bytes)?;
    Ok(zip.finish()?.into_inner())
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
