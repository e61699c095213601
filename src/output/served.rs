//! The folder `attune serve` serves, written in place: each file is replaced
//! atomically (written beside it, then renamed), and only when its bytes changed; what
//! a rebuild no longer produces is removed at its end. What pages were rendered from
//! is kept by the server (see [`PageCache`]), not here.

use crate::hash::hash_bytes;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// What a page or fragment was rendered from: its key in the site's dependencies
/// (see [`crate::site::Dependencies`]), and the hash of its template context.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Inputs {
    pub key: u64,
    pub context: u64,
}

/// What a served folder's pages and fragments were rendered from, so a rebuild
/// renders only pages whose inputs changed. Kept by the server between rebuilds.
pub trait PageCache: Send + Sync {
    /// True when the page at `path` was rendered under the dependency key `key`.
    fn fresh(&self, path: &str, key: u64) -> bool;
    /// True, and the page now known under `inputs.key`, when the page at `path` was
    /// rendered from the context `inputs.context`.
    fn unchanged(&self, path: &str, inputs: Inputs) -> bool;
    /// Records that the page at `path` was rendered from `inputs`.
    fn rendered(&self, path: &str, inputs: Inputs);
    /// The HTML of the fragment `name`, if its known inputs pass `check`.
    fn fragment(&self, name: &str, check: &dyn Fn(&Inputs) -> bool) -> Option<String>;
    /// Records the fragment `name`, rendered from `inputs`.
    fn keep_fragment(&self, name: &str, inputs: Inputs, html: String);
    /// Forgets the page at `path` (its file was removed).
    fn forget(&self, path: &str);
}

/// What the server remembers of its folder between rebuilds: the hash of every file
/// on disk, and, during a rebuild, which paths it produced.
#[derive(Default)]
pub struct Served {
    /// Site-relative path → hash of the bytes on disk (`None`: not known, so
    /// written again).
    files: Mutex<HashMap<String, Option<u64>>>,
    /// Paths produced by the current rebuild; the others are deleted at its end.
    seen: Mutex<HashSet<String>>,
    written: AtomicUsize,
}

impl Served {
    /// Marks `path` as produced by the current rebuild.
    pub(super) fn see(&self, path: &str) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(path.to_string());
        }
    }

    /// Writes `bytes` at `path` in `dir` unless the file there holds them already.
    pub(super) fn write(&self, dir: &Path, path: &str, bytes: &[u8]) -> Result<(), String> {
        let full = dir.join(path);
        let hash = hash_bytes(bytes);
        self.see(path);
        if self
            .files
            .lock()
            .map(|f| f.get(path) == Some(&Some(hash)))
            .unwrap_or(false)
        {
            return Ok(());
        }
        let temp = full.with_file_name(format!(
            ".{}.attune-tmp",
            full.file_name().unwrap_or_default().to_string_lossy()
        ));
        full.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&temp, bytes))
            .and_then(|()| std::fs::rename(&temp, &full))
            .map_err(|e| format!("writing {}: {e}", full.display()))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut files) = self.files.lock() {
            files.insert(path.to_string(), Some(hash));
        }
        Ok(())
    }

    /// Ends a rebuild: removes from `dir` the files it did not produce (and forgets
    /// their pages in `pages`); returns how many files it wrote.
    pub(super) fn finish(&self, dir: &Path, pages: &dyn PageCache) -> anyhow::Result<usize> {
        let poisoned = || anyhow::anyhow!("poisoned");
        let seen = std::mem::take(&mut *self.seen.lock().map_err(|_| poisoned())?);
        let mut files = self.files.lock().map_err(|_| poisoned())?;
        files.retain(|path, _| {
            let keep = seen.contains(path);
            if !keep {
                let _ = std::fs::remove_file(dir.join(path));
                pages.forget(path);
            }
            keep
        });
        Ok(self.written.swap(0, Ordering::Relaxed))
    }

    /// Forgets what the files on disk hold, so the next rebuild writes every file
    /// again, while still removing those it does not produce.
    pub fn forget_bytes(&self) {
        if let Ok(mut files) = self.files.lock() {
            files.values_mut().for_each(|hash| *hash = None);
        }
    }

    /// Ends a failed rebuild without deleting anything: the next one starts from what
    /// the last good one left.
    pub(super) fn abandon(&self) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.clear();
        }
    }
}
