//! Writes the site into a staging folder beside the output, then swaps it into place,
//! so readers and hosts only ever see a complete site: the previous one or the new one.

mod archive;

use anyhow::{bail, Context as _, Result};
use archive::Archive;
use std::collections::{HashMap, HashSet};
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
    /// Paths this build wrote into a staging folder; the rest are stale.
    written: Option<Mutex<HashSet<String>>>,
    /// What the staging folder held when the build began, listed while it renders.
    before: Mutex<Option<Listing>>,
    /// Set when writing straight into a folder being served (see [`Live`]).
    live: Option<Live>,
    /// Set when writing into a zip archive instead of a folder (see [`Writer::archive`]).
    archive: Option<Archive>,
    /// The offline edition, rendered alongside this one into `offline.zip`.
    offline: Option<Box<Writer>>,
    /// The index of the `offline.zip` the staging folder held when the build began
    /// (from its marker): that archive is kept if the new one is the same.
    staged_index: Option<String>,
}

/// What `attune serve` remembers between rebuilds of its folder, so a rebuild writes
/// only files whose bytes changed and renders only pages whose inputs changed.
#[derive(Default)]
pub struct Live {
    /// Site-relative path → hash of the bytes on disk.
    files: Mutex<HashMap<String, u64>>,
    /// Site-relative path → what the page was rendered from.
    pages: Mutex<HashMap<String, Inputs>>,
    /// Paths produced by the current rebuild; the others are deleted at its end.
    seen: Mutex<HashSet<String>>,
    /// Pieces of larger files (print.html's articles), by name: inputs and HTML.
    fragments: Mutex<HashMap<String, (Inputs, String)>>,
    written: AtomicUsize,
    rendered: AtomicUsize,
}

impl Live {
    /// Marks `path` as produced by the current rebuild.
    fn see(&self, path: &str) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(path.to_string());
        }
    }
}

/// What a page or fragment was rendered from: its key in the site's dependencies
/// (see [`crate::site::Dependencies`]), and the hash of its template context.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Inputs {
    pub key: u64,
    pub context: u64,
}

pub use crate::hash::{hash_bytes, StableHasher};

impl Writer {
    /// Prepares the staging folder for `out`. The folder a previous build swapped out
    /// (or a killed build left) is reused: files whose bytes do not change are not
    /// written again, and what the new build does not produce is removed at
    /// [`Writer::commit`]. On most file systems creating a file costs far more than
    /// reading one, so a rebuild of a large library mostly only compares bytes.
    pub fn new(out: &Path) -> Result<Writer> {
        let staging = staging_path(out);
        if staging.is_file() || staging.is_symlink() {
            std::fs::remove_file(&staging)
                .with_context(|| format!("removing stale staging file {}", staging.display()))?;
        }
        std::fs::create_dir_all(&staging)
            .with_context(|| format!("creating {}", staging.display()))?;
        let before = list_in_background(staging.clone());
        let staged_index = std::fs::read_to_string(staging.join(MARKER))
            .ok()
            .and_then(|marker| Some(marker[marker.find(archive::INDEX_HEADER)?..].to_string()));
        let writer = Writer {
            staging,
            errors: Mutex::new(Vec::new()),
            written: Some(Mutex::new(HashSet::new())),
            before: Mutex::new(Some(before)),
            live: None,
            archive: None,
            offline: None,
            staged_index,
        };
        writer.write(MARKER, MARKER_TEXT.as_bytes());
        writer.take_errors()?;
        Ok(writer)
    }

    /// Writes into a zip archive whose entries sit under `folder/`, compressed at
    /// `level`; `previous`, the last build's folder, may supply unchanged entries.
    pub fn archive(folder: &str, level: i64, previous: Option<&Path>) -> Writer {
        Writer {
            staging: PathBuf::new(),
            errors: Mutex::new(Vec::new()),
            written: None,
            before: Mutex::new(None),
            live: None,
            archive: Some(Archive::new(folder, level, previous)),
            offline: None,
            staged_index: None,
        }
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
        let mut archive = edition
            .archive
            .context("the offline edition is not an archive")?;
        let index = archive.index()?;
        if self.wants_whole_files() {
            let mut zip = std::io::Cursor::new(Vec::new());
            archive.finish(&mut zip)?;
            self.write_here("offline.zip", zip.get_ref());
        } else if self.staged_index.as_deref() == Some(index.as_str())
            && self.staging.join("offline.zip").is_file()
        {
            // The staging folder holds this very archive from an earlier build.
            self.mark_written("offline.zip");
        } else {
            // Straight into the file: the archive of a large library is never also a
            // buffer in memory.
            let mut file = self.create_file("offline.zip")?;
            archive.finish(&mut file)?;
            file.into_inner().map_err(|e| e.into_error())?;
        }
        self.write_here(MARKER, format!("{MARKER_TEXT}{index}").as_bytes());
        Ok(())
    }

    /// A new file at `path` in a staging folder, replacing what was there, for writers
    /// that need to seek.
    fn create_file(&self, path: &str) -> Result<std::io::BufWriter<std::fs::File>> {
        if outside_site(path) || self.wants_whole_files() {
            bail!("cannot create {path} here");
        }
        self.mark_written(path);
        let full = self.staging.join(path);
        clear_way_for_file(&full)?;
        make_parent(&full)?;
        let file = std::fs::File::create(&full).with_context(|| format!("creating {path}"))?;
        Ok(std::io::BufWriter::with_capacity(1 << 16, file))
    }

    /// Writes straight into `dir`, which is being served: each file is replaced
    /// atomically (written beside it, then renamed), so no request sees half a file.
    pub fn live(dir: PathBuf, live: Live) -> Result<Writer> {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(Writer {
            staging: dir,
            errors: Mutex::new(Vec::new()),
            written: None,
            before: Mutex::new(None),
            live: Some(live),
            archive: None,
            offline: None,
            staged_index: None,
        })
    }

    /// True, and the page kept as it is, when a live folder holds the page rendered
    /// under the same dependency key: nothing it shows can have changed.
    pub fn fresh_page(&self, path: &str, key: u64) -> bool {
        let Some(live) = &self.live else { return false };
        let fresh = live
            .pages
            .lock()
            .map(|p| p.get(path).is_some_and(|i| i.key == key))
            .unwrap_or(false);
        if fresh {
            live.see(path);
        }
        fresh
    }

    /// True, and the page kept as it is (now under `inputs.key`), when a live folder
    /// holds the page rendered from an identical context, so rendering it again would
    /// change nothing.
    pub fn unchanged_page(&self, path: &str, inputs: Inputs) -> bool {
        let Some(live) = &self.live else { return false };
        let Ok(mut pages) = live.pages.lock() else {
            return false;
        };
        match pages.get_mut(path) {
            Some(known) if known.context == inputs.context => {
                known.key = inputs.key;
                drop(pages);
                live.see(path);
                true
            }
            _ => false,
        }
    }

    /// Records that the page at `path` was rendered from `inputs` and written.
    pub fn rendered_page(&self, path: &str, inputs: Inputs) {
        if let Some(live) = &self.live {
            live.rendered.fetch_add(1, Ordering::Relaxed);
            if let Ok(mut pages) = live.pages.lock() {
                pages.insert(path.to_string(), inputs);
            }
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
        let Some(live) = &self.live else {
            return render(context());
        };
        let known = |check: &dyn Fn(&Inputs) -> bool| {
            let fragments = live.fragments.lock().ok()?;
            let (inputs, html) = fragments.get(name)?;
            check(inputs).then(|| html.clone())
        };
        if let Some(html) = known(&|inputs| inputs.key == key) {
            return Ok(html);
        }
        let context = context();
        let inputs = Inputs {
            key,
            context: context_hash(&context),
        };
        let html = match known(&|known| known.context == inputs.context) {
            Some(html) => html,
            None => render(context)?,
        };
        if let Ok(mut fragments) = live.fragments.lock() {
            fragments.insert(name.to_string(), (inputs, html.clone()));
        }
        Ok(html)
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
            if let Ok(mut pages) = live.pages.lock() {
                pages.remove(&path);
            }
        }
        drop(files);
        let written = live.written.swap(0, Ordering::Relaxed);
        let rendered = live.rendered.swap(0, Ordering::Relaxed);
        Ok((live, written, rendered))
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
        match &self.archive {
            Some(archive) if !outside_site(path) && path != MARKER => {
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
        if let Some(archive) = &self.archive {
            if path == MARKER {
                return;
            }
            if let Err(e) = archive.add(path, bytes) {
                self.fail(format!("{e:#}"));
            }
            return;
        }
        let full = self.staging.join(path);
        if let Some(live) = &self.live {
            let hash = hash_bytes(bytes);
            live.see(path);
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
        self.mark_written(path);
        if let Err(e) = write_if_changed(&full, bytes) {
            self.fail(format!("writing {}: {e}", full.display()));
        }
    }

    fn mark_written(&self, path: &str) {
        if let Some(written) = &self.written {
            if let Ok(mut written) = written.lock() {
                written.insert(path.to_string());
            }
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

    /// Forgets what each page was rendered from, so every page renders again (after a
    /// template change).
    pub fn forget_contexts(&self) {
        if let Some(live) = &self.live {
            if let Ok(mut pages) = live.pages.lock() {
                pages.clear();
            }
            if let Ok(mut fragments) = live.fragments.lock() {
                fragments.clear();
            }
        }
    }

    /// A buffered file at the site-relative `path`, for outputs too large to hold
    /// whole; bytes equal to those already there are compared, not written. Call
    /// [`ChangedWriter::finish`] at the end.
    pub fn create(&self, path: &str) -> std::io::Result<std::io::BufWriter<ChangedWriter>> {
        if outside_site(path) {
            return Err(std::io::Error::other(format!(
                "refused to write outside the output folder: {path}"
            )));
        }
        self.mark_written(path);
        let full = self.staging.join(path);
        Ok(std::io::BufWriter::with_capacity(
            1 << 16,
            ChangedWriter::open(&full)?,
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
        if let Some(written) = &self.written {
            let written = written.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
            let before = self.before.lock().ok().and_then(|mut b| b.take());
            let listing = match before.and_then(|listing| listing.join().ok().flatten()) {
                Some(listing) => listing,
                None => list(&self.staging)
                    .with_context(|| format!("reading {}", self.staging.display()))?,
            };
            remove_stale(&self.staging, &listing, &written)?;
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

    /// Discards the staged site (a build with errors), leaving `out` untouched. The
    /// staging folder stays for the next build, which brings it up to date.
    pub fn abandon(self) {}
}

/// Whether a site-relative path could reach outside the output folder.
fn outside_site(path: &str) -> bool {
    path.split('/').any(|s| s == ".." || s.contains('\\')) || path.starts_with('/')
}

/// Removes a folder or other non-file that stands where the file `full` must go
/// (left by a previous build whose pages were laid out differently); returns the
/// existing file's length, if there is one.
fn clear_way_for_file(full: &Path) -> std::io::Result<Option<u64>> {
    match std::fs::symlink_metadata(full) {
        Ok(meta) if meta.is_file() => return Ok(Some(meta.len())),
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(full)?,
        Ok(_) => std::fs::remove_file(full)?,
        Err(_) => {}
    }
    Ok(None)
}

/// Writes `bytes` at `full` unless the file already holds exactly them, creating
/// folders as needed and replacing a folder or file that stands in the way.
fn write_if_changed(full: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Read as _;
    if clear_way_for_file(full)? == Some(bytes.len() as u64) {
        let mut old = Vec::with_capacity(bytes.len());
        std::fs::File::open(full)?.read_to_end(&mut old)?;
        if old == bytes {
            return Ok(());
        }
    }
    match std::fs::write(full, bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::PermissionDenied => {
            make_parent(full)?;
            std::fs::write(full, bytes)
        }
        result => result,
    }
}

/// Creates the folders above `full`, removing files that stand where a folder must.
fn make_parent(full: &Path) -> std::io::Result<()> {
    let Some(parent) = full.parent() else {
        return Ok(());
    };
    if std::fs::create_dir_all(parent).is_ok() {
        return Ok(());
    }
    for ancestor in parent.ancestors() {
        if std::fs::symlink_metadata(ancestor).is_ok_and(|m| !m.is_dir()) {
            std::fs::remove_file(ancestor)?;
        }
    }
    std::fs::create_dir_all(parent)
}

/// A file written through a comparison with what it held before: while the new bytes
/// match the old ones nothing is written; from the first difference on they are.
pub struct ChangedWriter {
    file: std::fs::File,
    position: u64,
    same: bool,
    old: Vec<u8>,
}

impl ChangedWriter {
    fn open(full: &Path) -> std::io::Result<ChangedWriter> {
        clear_way_for_file(full)?;
        let open = || {
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(full)
        };
        let file = match open() {
            Ok(file) => file,
            Err(_) => {
                make_parent(full)?;
                open()?
            }
        };
        Ok(ChangedWriter {
            file,
            position: 0,
            same: true,
            old: Vec::new(),
        })
    }

    /// Cuts the file to what was written; call once all bytes are in.
    pub fn finish(&mut self) -> std::io::Result<()> {
        if !self.same || self.file.metadata()?.len() != self.position {
            self.file.set_len(self.position)?;
        }
        Ok(())
    }
}

impl std::io::Write for ChangedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        use std::io::{Read as _, Seek as _};
        if self.same {
            self.old.resize(buf.len(), 0);
            let mut filled = 0;
            while filled < buf.len() {
                match self.file.read(&mut self.old[filled..])? {
                    0 => break,
                    n => filled += n,
                }
            }
            if filled == buf.len() && self.old == buf {
                self.position += buf.len() as u64;
                return Ok(buf.len());
            }
            self.same = false;
            self.file.seek(std::io::SeekFrom::Start(self.position))?;
        }
        self.file.write_all(buf)?;
        self.position += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What `dir` holds: (path, is a folder), contents before their folder.
fn list(dir: &Path) -> walkdir::Result<Vec<(PathBuf, bool)>> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .contents_first(true)
        .into_iter()
        .map(|entry| entry.map(|e| (e.path().to_path_buf(), e.file_type().is_dir())))
        .collect()
}

/// A [`list`] being taken on another thread; `None` when the folder changed under the
/// listing in a way it could not follow.
type Listing = std::thread::JoinHandle<Option<Vec<(PathBuf, bool)>>>;

/// Lists `dir` on another thread, so finding what a build left stale costs no time at
/// its end.
fn list_in_background(dir: PathBuf) -> Listing {
    std::thread::spawn(move || list(&dir).ok())
}

/// Removes every file of `listing` (what `dir` held) whose site-relative path is not
/// in `written`, and the folders left empty. Whatever the build created since the
/// listing is in `written`; what it removed or replaced is passed over.
fn remove_stale(dir: &Path, listing: &[(PathBuf, bool)], written: &HashSet<String>) -> Result<()> {
    for (path, is_dir) in listing {
        if *is_dir {
            // Contents come first, so a folder emptied above is seen empty here.
            let _ = std::fs::remove_dir(path);
            continue;
        }
        let rel = path
            .strip_prefix(dir)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if written.contains(&rel) {
            continue;
        }
        if let Err(e) = std::fs::remove_file(path) {
            // Gone, or a folder now: the build replaced it, and wrote what it holds.
            let replaced = std::fs::symlink_metadata(path).map_or(true, |m| m.is_dir());
            if !replaced {
                return Err(e).with_context(|| format!("removing stale {}", path.display()));
            }
        }
    }
    Ok(())
}

fn staging_path(out: &Path) -> PathBuf {
    sibling(out, "attune-staging")
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
    refuse_non_folder(&out)?;
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
/// allows it (Linux `renameat2`), otherwise with two renames (see [`swap_with`]).
fn swap_into_place(staging: &Path, out: &Path) -> Result<()> {
    swap_with(staging, out, exchange)
}

/// The folders a build into `out` writes: `out` (or where its link leads), and the
/// staging and previous-site folders beside it.
pub fn build_folders(out: &Path) -> Vec<PathBuf> {
    let out = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
    vec![staging_path(&out), old_path(&out), out]
}

/// Where the previous site waits while two renames replace it (no atomic exchange).
fn old_path(out: &Path) -> PathBuf {
    sibling(out, "attune-old")
}

/// `.NAME.SUFFIX` beside `out` (named `NAME`).
fn sibling(out: &Path, suffix: &str) -> PathBuf {
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
fn swap_with(
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

/// What kind of node `meta` describes, for messages.
fn describe(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_file() {
        "a file"
    } else if kind.is_dir() {
        "a folder"
    } else {
        "not a file or folder"
    }
}

/// Refuses an existing `out` that is not a folder (or a link to one): a file, a FIFO,
/// a socket, a device, a link to any of these or to nothing. Nothing is touched.
fn refuse_non_folder(out: &Path) -> Result<()> {
    let link = match std::fs::symlink_metadata(out) {
        Ok(link) => link,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("reading {}", out.display())),
    };
    if link.is_dir() {
        return Ok(());
    }
    if link.file_type().is_symlink() {
        return match std::fs::metadata(out) {
            Ok(target) if target.is_dir() => Ok(()),
            Ok(target) => bail!(
                "refusing to write the site to {}: it is a symbolic link to {}, not a folder\n  = help: --out must name a folder (or a link to one)",
                out.display(),
                describe(&target)
            ),
            Err(_) => bail!(
                "refusing to write the site to {}: it is a symbolic link that leads nowhere\n  = help: remove the link, or point it at a folder",
                out.display()
            ),
        };
    }
    bail!(
        "refusing to write the site to {}: it is {}, not a folder\n  = help: --out must name a folder (or a link to one); nothing was changed",
        out.display(),
        describe(&link)
    )
}

/// The folder a build writes into: `out` itself, or, when `out` is a symbolic link to
/// a folder (`public -> /srv/www/site`), the folder it leads to, so the site is
/// swapped in there and the link stays a link. Anything else at `out` is refused.
pub fn resolve_output(out: &Path) -> Result<PathBuf> {
    refuse_non_folder(out)?;
    if std::fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink()) {
        return out
            .canonicalize()
            .with_context(|| format!("following the link {}", out.display()));
    }
    Ok(out.to_path_buf())
}

/// An exclusive lock on an output folder, held for a whole build (or serve) and
/// released when dropped or when the process ends, however it ends.
pub struct OutputLock {
    _file: std::fs::File,
}

/// Takes the lock on `out`: the file `.NAME.attune-lock` beside it. Another build
/// holding it is waited for, with a message, when `wait`; otherwise refused.
pub fn lock_output(out: &Path, wait: bool) -> Result<OutputLock> {
    let path = sibling(out, "attune-lock");
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    if let Ok(meta) = std::fs::symlink_metadata(&path) {
        if !meta.is_file() {
            bail!(
                "refusing to use {} as a lock file: it is {}",
                path.display(),
                describe(&meta)
            );
        }
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options
        .open(&path)
        .with_context(|| format!("opening the lock file {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) if wait => {
            crate::cli::eprint_quietly(&format!(
                "waiting for another attune build into {} to finish…\n",
                out.display()
            ));
            file.lock()
                .with_context(|| format!("locking {}", path.display()))?;
        }
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "another attune is writing to {} (it holds {})",
            out.display(),
            path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("locking {}", path.display()))
        }
    }
    Ok(OutputLock { _file: file })
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
        let listing = list_in_background(d.to_path_buf()).join().unwrap().unwrap();
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
    fn streamed_files_are_rewritten_from_the_first_difference_and_cut_to_length() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("print.html");
        for text in [
            "0123456789",
            "0123456789",
            "01234abc",
            "01234abcdefghij",
            "",
        ] {
            let mut w = std::io::BufWriter::with_capacity(3, ChangedWriter::open(&path).unwrap());
            for chunk in text.as_bytes().chunks(4) {
                w.write_all(chunk).unwrap();
            }
            w.into_inner().ok().unwrap().finish().unwrap();
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        }
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
