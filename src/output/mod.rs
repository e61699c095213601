//! Where a build's files go. One [`Writer`] takes every file the stages produce and
//! hands it to one sink, chosen when the writer is made:
//!
//! - a staging folder beside the output (`attune build`, [`staging`]), swapped into
//!   place whole at the end ([`swap`]), so readers and hosts only ever see a complete
//!   site: the previous one or the new one;
//! - the folder `attune serve` serves, written in place file by file ([`served`]);
//! - a zip archive, the offline edition (`offline.zip`, [`archive`]).
//!
//! What the output folder may be, and the lock that keeps two builds out of it, are in
//! [`folder`]; writing only the bytes that changed is [`changed`].

mod archive;
mod changed;
mod folder;
mod served;
mod staging;
mod swap;

use anyhow::{bail, Context as _, Result};
use archive::Archive;
use staging::Staging;
use std::path::Path;
use std::sync::{Arc, Mutex};

pub use crate::hash::{hash_bytes, StableHasher};
pub use folder::{check_output_folder, lock_output, prepare, resolve_output, OutputLock};
pub use served::{Inputs, PageCache, Served};
pub use swap::{build_folders, recover_interrupted_swap};

/// A file in every output folder attune writes, so it never replaces a folder it did
/// not write itself.
pub const MARKER: &str = ".attune-output";
pub const MARKER_TEXT: &str = "written by attune; this folder is replaced on every build\n";

/// Collects files for one destination; safe to share across threads.
pub struct Writer {
    sink: Sink,
    errors: Mutex<Vec<String>>,
    /// The offline edition, rendered alongside this one into `offline.zip`.
    offline: Option<Box<Writer>>,
}

/// The destination of a [`Writer`]: the build's mode.
enum Sink {
    /// A staging folder, swapped into place at [`Writer::commit`].
    Staging(Staging),
    /// A folder being served, written in place; `pages` knows what its pages were
    /// rendered from.
    Served {
        dir: std::path::PathBuf,
        files: Served,
        pages: Arc<dyn PageCache>,
    },
    /// A zip archive.
    Archive(Archive),
}

impl Writer {
    /// Prepares the staging folder for `out`. The folder a previous build swapped out
    /// (or a killed build left) is reused: files whose bytes do not change are not
    /// written again, and what the new build does not produce is removed at
    /// [`Writer::commit`]. On most file systems creating a file costs far more than
    /// reading one, so a rebuild of a large library mostly only compares bytes.
    pub fn new(out: &Path) -> Result<Writer> {
        let writer = Writer::to(Sink::Staging(Staging::open(out)?));
        writer.write(MARKER, MARKER_TEXT.as_bytes());
        writer.take_errors()?;
        Ok(writer)
    }

    /// Writes into a zip archive whose entries sit under `folder/`, compressed at
    /// `level`; `previous`, the last build's folder, may supply unchanged entries.
    /// Past a few tens of megabytes, compressed entries wait in a file in `spill_dir`.
    pub fn archive(folder: &str, level: i64, previous: Option<&Path>, spill_dir: &Path) -> Writer {
        Writer::to(Sink::Archive(Archive::new(
            folder,
            level,
            previous,
            spill_dir.to_path_buf(),
        )))
    }

    /// Writes straight into `dir`, which is being served: each file is replaced
    /// atomically (written beside it, then renamed), so no request sees half a file.
    /// `files` is what the last rebuild left there; `pages` what its pages were
    /// rendered from.
    pub fn served(dir: &Path, files: Served, pages: Arc<dyn PageCache>) -> Result<Writer> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(Writer::to(Sink::Served {
            dir: dir.to_path_buf(),
            files,
            pages,
        }))
    }

    fn to(sink: Sink) -> Writer {
        Writer {
            sink,
            errors: Mutex::new(Vec::new()),
            offline: None,
        }
    }

    /// Writes `offline.zip` alongside (see [`Writer::with_offline_edition`]): it unpacks
    /// into a folder named after the site's `title`, and reuses the entries of the
    /// archive the previous build left in `out`. Past a megabyte of article HTML
    /// (`html_bytes`), a large library trades a little size for a much faster build.
    pub fn with_offline_zip(self, title: &str, html_bytes: usize, out: &Path) -> Writer {
        let folder = match crate::text::slugify(title) {
            slug if slug.is_empty() => "site".to_string(),
            slug => slug,
        };
        let level = if html_bytes > 1 << 20 { 1 } else { 6 };
        // Entries past the memory limit wait beside the staged output, not in a
        // system folder that may itself be memory.
        let spill_dir = match &self.sink {
            Sink::Staging(staging) => staging.dir.clone(),
            Sink::Served { dir, .. } => dir.clone(),
            Sink::Archive(_) => std::env::temp_dir(),
        };
        self.with_offline_edition(Writer::archive(&folder, level, Some(out), &spill_dir))
    }

    /// Sends every file also to `edition` (an archive writer): what [`Writer::write`]
    /// writes goes to both, and each edition's own pages go through
    /// [`Writer::write_here`] on each.
    pub fn with_offline_edition(mut self, edition: Writer) -> Writer {
        self.offline = Some(Box::new(edition));
        self
    }

    /// The offline edition written alongside this one, if any.
    pub fn offline_edition(&self) -> Option<&Writer> {
        self.offline.as_deref()
    }

    /// Finishes the offline edition, if any, into `offline.zip` in this folder.
    pub fn finish_offline_edition(&mut self) -> Result<()> {
        let Some(edition) = self.offline.take() else {
            return Ok(());
        };
        edition.take_errors()?;
        let Sink::Archive(mut archive) = edition.sink else {
            bail!("the offline edition is not an archive");
        };
        let index = archive.index()?;
        match &self.sink {
            Sink::Staging(staging)
                if staging.staged_index.as_deref() == Some(index.as_str())
                    && staging.dir.join("offline.zip").is_file() =>
            {
                // The staging folder holds this very archive from an earlier build.
                staging.mark_written("offline.zip");
            }
            Sink::Staging(_) => {
                // Straight into the file: the archive of a large library is never also
                // a buffer in memory.
                let mut file = self.create_file("offline.zip")?;
                archive.finish(&mut file)?;
                file.into_inner().map_err(|e| e.into_error())?;
            }
            _ => {
                let mut zip = std::io::Cursor::new(Vec::new());
                archive.finish(&mut zip)?;
                self.write_here("offline.zip", zip.get_ref());
            }
        }
        self.write_here(MARKER, format!("{MARKER_TEXT}{index}").as_bytes());
        Ok(())
    }

    /// A new file at `path` in a staging folder, replacing what was there, for writers
    /// that need to seek.
    fn create_file(&self, path: &str) -> Result<std::io::BufWriter<std::fs::File>> {
        let Sink::Staging(staging) = &self.sink else {
            bail!("cannot create {path} here");
        };
        if outside_site(path) {
            bail!("cannot create {path} here");
        }
        staging.mark_written(path);
        let full = staging.dir.join(path);
        changed::clear_way_for_file(&full)?;
        changed::make_parent(&full)?;
        let file = std::fs::File::create(&full).with_context(|| format!("creating {path}"))?;
        Ok(std::io::BufWriter::with_capacity(1 << 16, file))
    }

    /// What a served folder's pages were rendered from, if this writer serves one.
    fn served_pages(&self) -> Option<(&Served, &dyn PageCache)> {
        match &self.sink {
            Sink::Served { files, pages, .. } => Some((files, pages.as_ref())),
            _ => None,
        }
    }

    /// True, and the page kept as it is, when a served folder holds the page rendered
    /// under the same dependency key: nothing it shows can have changed.
    pub fn fresh_page(&self, path: &str, key: u64) -> bool {
        let Some((files, pages)) = self.served_pages() else {
            return false;
        };
        let fresh = pages.fresh(path, key);
        if fresh {
            files.see(path);
        }
        fresh
    }

    /// True, and the page kept as it is (now under `inputs.key`), when a served folder
    /// holds the page rendered from an identical context, so rendering it again would
    /// change nothing.
    pub fn unchanged_page(&self, path: &str, inputs: Inputs) -> bool {
        let Some((files, pages)) = self.served_pages() else {
            return false;
        };
        let unchanged = pages.unchanged(path, inputs);
        if unchanged {
            files.see(path);
        }
        unchanged
    }

    /// Records that the page at `path` was rendered from `inputs` and written.
    pub fn rendered_page(&self, path: &str, inputs: Inputs) {
        if let Some((_, pages)) = self.served_pages() {
            pages.rendered(path, inputs);
        }
    }

    /// A piece of a larger file named `name`, rendered again only when its inputs
    /// changed: its dependency `key`, else the hash of the context `context` builds.
    pub fn fragment<C, E>(
        &self,
        name: &str,
        key: u64,
        context: impl FnOnce() -> C,
        context_hash: impl FnOnce(&C) -> u64,
        render: impl FnOnce(C) -> Result<String, E>,
    ) -> Result<String, E> {
        let Some((_, pages)) = self.served_pages() else {
            return render(context());
        };
        if let Some(html) = pages.fragment(name, &|inputs| inputs.key == key) {
            return Ok(html);
        }
        let context = context();
        let inputs = Inputs {
            key,
            context: context_hash(&context),
        };
        let html = match pages.fragment(name, &|known| known.context == inputs.context) {
            Some(html) => html,
            None => render(context)?,
        };
        pages.keep_fragment(name, inputs, html.clone());
        Ok(html)
    }

    /// Whether this writer serves a folder (`attune serve`).
    pub fn is_live(&self) -> bool {
        matches!(self.sink, Sink::Served { .. })
    }

    /// Whether files must be handed over whole (served folder or zip archive), rather
    /// than streamed through [`Writer::create`].
    pub fn wants_whole_files(&self) -> bool {
        !matches!(self.sink, Sink::Staging(_))
    }

    /// Ends a rebuild of a served folder: removes files it no longer produced, and
    /// hands back the folder's state with the number of files written.
    pub fn finish_served(self) -> Result<(Served, usize)> {
        let errors = self.errors.into_inner().unwrap_or_default();
        let Sink::Served { dir, files, pages } = self.sink else {
            bail!("not a served folder");
        };
        if let Some(first) = errors.first() {
            bail!("{first} ({} write errors)", errors.len());
        }
        let written = files.finish(&dir, pages.as_ref())?;
        Ok((files, written))
    }

    /// Ends a failed rebuild of a served folder without deleting anything: the folder
    /// keeps what the last good build left, and the next rebuild starts from this state.
    pub fn abandon_served(self) -> Served {
        match self.sink {
            Sink::Served { files, .. } => {
                files.abandon();
                files
            }
            _ => Served::default(),
        }
    }

    /// Writes `bytes` at the site-relative `path`, in the offline edition too if one is
    /// being written. Paths come from slugs and aliases that `site` has already confined
    /// to the site; anything else is refused here too.
    pub fn write(&self, path: &str, bytes: &[u8]) {
        self.write_here(path, bytes);
        if let Some(offline) = &self.offline {
            offline.write_here(path, bytes);
        }
    }

    /// [`Writer::write_here`] for a file given in pieces; an archive takes them as they
    /// are, a folder joined.
    pub fn write_pieces_here(&self, path: &str, pieces: &[&[u8]]) {
        match &self.sink {
            Sink::Archive(archive) if !outside_site(path) && path != MARKER => {
                if let Err(e) = archive.add_pieces(path, pieces) {
                    self.fail(format!("{e:#}"));
                }
            }
            _ => self.write_here(path, &pieces.concat()),
        }
    }

    /// Writes `bytes` at `path` in this edition only.
    pub fn write_here(&self, path: &str, bytes: &[u8]) {
        if outside_site(path) {
            self.fail(format!(
                "refused to write outside the output folder: {path}"
            ));
            return;
        }
        let result = match &self.sink {
            Sink::Archive(_) if path == MARKER => Ok(()),
            Sink::Archive(archive) => archive.add(path, bytes).map_err(|e| format!("{e:#}")),
            Sink::Served { dir, files, .. } => files.write(dir, path, bytes),
            Sink::Staging(staging) => staging.write(path, bytes),
        };
        if let Err(message) = result {
            self.fail(message);
        }
    }

    fn take_errors(&self) -> Result<()> {
        let errors = std::mem::take(
            &mut *self
                .errors
                .lock()
                .map_err(|_| anyhow::anyhow!("poisoned"))?,
        );
        match errors.first() {
            Some(first) => bail!("{first} ({} write errors)", errors.len()),
            None => Ok(()),
        }
    }

    /// A new buffered file at the site-relative `path` of a staging folder, for outputs
    /// too large to hold whole.
    pub fn create(&self, path: &str) -> std::io::Result<std::io::BufWriter<std::fs::File>> {
        if outside_site(path) {
            return Err(std::io::Error::other(format!(
                "refused to write outside the output folder: {path}"
            )));
        }
        let Sink::Staging(staging) = &self.sink else {
            return Err(std::io::Error::other(format!(
                "{path} must be written whole here"
            )));
        };
        staging.mark_written(path);
        let full = staging.dir.join(path);
        changed::clear_way_for_file(&full)?;
        changed::make_parent(&full)?;
        Ok(std::io::BufWriter::with_capacity(
            1 << 16,
            std::fs::File::create(&full)?,
        ))
    }

    /// Copies a file from the content folder.
    pub fn copy(&self, from: &Path, path: &str) {
        match std::fs::read(from) {
            Ok(bytes) => self.write(path, &bytes),
            Err(e) => self.fail(format!("reading {}: {e}", from.display())),
        }
    }

    /// Fails the build as one that could not run (exit 2): a write error found by a
    /// stage that writes through its own handle.
    pub fn record_failure(&self, message: String) {
        self.fail(message);
    }

    fn fail(&self, message: String) {
        if let Ok(mut errors) = self.errors.lock() {
            errors.push(message);
        }
    }

    /// Removes what this build did not write from the staging folder, then moves it
    /// into place as `out`. The folder swapped out stays as the next build's staging
    /// folder. If anything failed, `out` is left as it was.
    pub fn commit(self, out: &Path) -> Result<()> {
        self.take_errors()?;
        let Sink::Staging(staging) = &self.sink else {
            bail!("only a staging folder is swapped into place");
        };
        staging.remove_stale()?;
        swap::swap_into_place(&staging.dir, out)
    }

    /// Discards the staged site (a build with errors), leaving `out` untouched. The
    /// staging folder stays for the next build, which brings it up to date.
    pub fn abandon(self) {}
}

/// Whether a site-relative path could reach outside the output folder.
fn outside_site(path: &str) -> bool {
    path.split('/').any(|s| s == ".." || s.contains('\\')) || path.starts_with('/')
}
