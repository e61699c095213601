//! `offline.zip`: the offline edition as a deterministic zip archive, its entries
//! compressed in parallel as pages are rendered. An entry whose bytes equal the one in
//! the previous build's archive is copied from it compressed, not compressed again.
//! Past [`HELD_LIMIT`] of compressed bytes, entries wait in a spill file rather than in
//! memory: a site with hundreds of megabytes of images is not held whole until written.

use anyhow::{Context as _, Result};
use std::collections::HashMap;
use std::io::Cursor;
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// How many compressed bytes the archive holds in memory before it spills entries to a
/// file beside the output.
const HELD_LIMIT: usize = 32 << 20;

/// The file beside every build output that records, for the next build, which
/// compressor wrote `offline.zip` and a hash of every entry's bytes.
pub const INDEX_HEADER: &str = "offline.zip:";

pub(super) struct Archive {
    folder: String,
    level: i64,
    entries: Mutex<Vec<Entry>>,
    previous: Option<Previous>,
    spill: Mutex<Spill>,
}

/// Where compressed entries wait once [`HELD_LIMIT`] bytes are held in memory.
struct Spill {
    dir: PathBuf,
    /// [`HELD_LIMIT`], but for tests.
    limit: usize,
    held: usize,
    /// Opened at the first spill; `None` once opening failed (entries then stay in
    /// memory, as they would without a spill file).
    file: Option<Result<std::fs::File, ()>>,
    end: u64,
}

struct Entry {
    path: String,
    hash: u64,
    data: EntryData,
}

enum EntryData {
    /// A one-entry zip archive, merged into the real one at the end.
    Fresh(Vec<u8>),
    /// A one-entry zip archive of this many bytes at this offset of the spill file.
    Spilled(u64, usize),
    /// The entry at this index of the previous archive, copied as it is.
    Reused(usize),
}

/// The previous build's archive, and per entry path: (index, hash, size, CRC-32).
struct Previous {
    zip: Mutex<zip::ZipArchive<std::io::BufReader<std::fs::File>>>,
    entries: HashMap<String, (usize, u64, u64, u32)>,
}

impl Archive {
    /// An empty archive whose entries sit under `folder/`. `previous` is the folder of
    /// the last build, whose `offline.zip` and index may supply unchanged entries;
    /// `spill_dir` is where entries wait past [`HELD_LIMIT`].
    pub(super) fn new(
        folder: &str,
        level: i64,
        previous: Option<&Path>,
        spill_dir: PathBuf,
    ) -> Archive {
        let previous = previous.and_then(|dir| Previous::open(dir, &compressor(folder, level)));
        Archive {
            folder: folder.to_string(),
            level,
            entries: Mutex::new(Vec::new()),
            previous,
            spill: Mutex::new(Spill {
                dir: spill_dir,
                limit: HELD_LIMIT,
                held: 0,
                file: None,
                end: 0,
            }),
        }
    }

    pub(super) fn add(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.add_pieces(path, &[bytes])
    }

    /// Adds the file whose bytes are `pieces` one after another, without joining them:
    /// a file as large as a whole library's `print.html` is never copied into one buffer.
    pub(super) fn add_pieces(&self, path: &str, pieces: &[&[u8]]) -> Result<()> {
        let hash = crate::hash::hash_pieces(pieces);
        let size: usize = pieces.iter().map(|p| p.len()).sum();
        let reused = self.previous.as_ref().and_then(|p| {
            let &(index, old_hash, old_size, crc) = p.entries.get(path)?;
            let same = old_hash == hash && old_size == size as u64 && {
                let mut hasher = crc32fast::Hasher::new();
                pieces.iter().for_each(|piece| hasher.update(piece));
                crc == hasher.finalize()
            };
            same.then_some(index)
        });
        let data = match reused {
            Some(index) => EntryData::Reused(index),
            None => {
                let single =
                    compress_entry(&format!("{}/{path}", self.folder), pieces, size, self.level)
                        .with_context(|| format!("compressing {path}"))?;
                self.spill
                    .lock()
                    .map_err(|_| anyhow::anyhow!("poisoned"))?
                    .keep(single)?
            }
        };
        self.entries
            .lock()
            .map_err(|_| anyhow::anyhow!("poisoned"))?
            .push(Entry {
                path: path.to_string(),
                hash,
                data,
            });
        Ok(())
    }

    /// The index the next build reads to reuse this archive's entries: the compressor,
    /// then each entry's hash and path in path order. Archives with the same index
    /// have the same bytes.
    pub(super) fn index(&mut self) -> Result<String> {
        let entries = self
            .entries
            .get_mut()
            .map_err(|_| anyhow::anyhow!("poisoned"))?;
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let mut index = format!("{INDEX_HEADER} {}\n", compressor(&self.folder, self.level));
        for entry in entries.iter() {
            index.push_str(&format!("{:016x} {}\n", entry.hash, entry.path));
        }
        Ok(index)
    }

    /// Writes the zip archive into `out`, entries in path order with fixed timestamps.
    pub(super) fn finish<W: std::io::Write + std::io::Seek>(self, out: W) -> Result<()> {
        let mut entries = self
            .entries
            .into_inner()
            .map_err(|_| anyhow::anyhow!("poisoned"))?;
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let mut zip = zip::ZipWriter::new(out);
        let mut previous = match &self.previous {
            Some(p) => Some(p.zip.lock().map_err(|_| anyhow::anyhow!("poisoned"))?),
            None => None,
        };
        let mut spill = self
            .spill
            .into_inner()
            .map_err(|_| anyhow::anyhow!("poisoned"))?;
        for entry in entries {
            match (entry.data, previous.as_deref_mut()) {
                (EntryData::Fresh(single), _) => {
                    zip.merge_archive(zip::ZipArchive::new(Cursor::new(single))?)?
                }
                (EntryData::Spilled(offset, len), _) => {
                    let single = spill.read(offset, len)?;
                    zip.merge_archive(zip::ZipArchive::new(Cursor::new(single))?)?
                }
                (EntryData::Reused(i), Some(old)) => zip.raw_copy_file(old.by_index_raw(i)?)?,
                (EntryData::Reused(_), None) => anyhow::bail!("reused entry without an archive"),
            }
        }
        zip.finish()?.flush()?;
        Ok(())
    }
}

impl Spill {
    /// Holds `single` in memory while under [`HELD_LIMIT`], else appends it to the
    /// spill file, opened (and, where the system allows, unlinked) at the first use.
    fn keep(&mut self, single: Vec<u8>) -> Result<EntryData> {
        if self.held + single.len() <= self.limit {
            self.held += single.len();
            return Ok(EntryData::Fresh(single));
        }
        let dir = &self.dir;
        let file = self.file.get_or_insert_with(|| {
            let path = dir.join(format!(".attune-offline-{}.spill", std::process::id()));
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|_| ())?;
            // Unlinked while open: nothing is left behind, even by a killed build.
            let _ = std::fs::remove_file(&path);
            Ok(file)
        });
        let Ok(file) = file else {
            self.held += single.len();
            return Ok(EntryData::Fresh(single));
        };
        let offset = self.end;
        file.seek(SeekFrom::Start(offset))?;
        file.write_all(&single)
            .context("writing the offline edition's spill file")?;
        self.end += single.len() as u64;
        Ok(EntryData::Spilled(offset, single.len()))
    }

    /// The `len` bytes at `offset` of the spill file.
    fn read(&mut self, offset: u64, len: usize) -> Result<Vec<u8>> {
        let Some(Ok(file)) = self.file.as_mut() else {
            anyhow::bail!("spilled entry without a spill file");
        };
        file.seek(SeekFrom::Start(offset))?;
        let mut bytes = vec![0; len];
        file.read_exact(&mut bytes)
            .context("reading the offline edition's spill file")?;
        Ok(bytes)
    }
}

/// What must match for an old entry to stand for a new one: the same compressor
/// settings (attune's version, so the same deflate, and the level) and folder.
fn compressor(folder: &str, level: i64) -> String {
    format!(
        "attune {} deflate level {level}, formats already compressed stored, folder {folder}",
        env!("CARGO_PKG_VERSION")
    )
}

impl Previous {
    /// The previous archive, if its index says it was written the same way.
    fn open(dir: &Path, compressor: &str) -> Option<Previous> {
        let index = std::fs::read_to_string(dir.join(super::MARKER)).ok()?;
        let mut lines = index.lines().skip_while(|l| !l.starts_with(INDEX_HEADER));
        if lines.next()?.strip_prefix(INDEX_HEADER)?.trim() != compressor {
            return None;
        }
        let hashes: HashMap<&str, u64> = lines
            .filter_map(|l| {
                let (hash, path) = l.split_once(' ')?;
                Some((path, u64::from_str_radix(hash, 16).ok()?))
            })
            .collect();
        // Read from the file as entries are copied, not held in memory whole.
        let file = std::fs::File::open(dir.join("offline.zip")).ok()?;
        let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).ok()?;
        let mut entries = HashMap::new();
        for i in 0..zip.len() {
            let file = zip.by_index_raw(i).ok()?;
            let name = file.name().to_string();
            let Some(path) = name.split_once('/').map(|(_, p)| p) else {
                continue;
            };
            if let Some(&hash) = hashes.get(path) {
                entries.insert(path.to_string(), (i, hash, file.size(), file.crc32()));
            }
        }
        Some(Previous {
            zip: Mutex::new(zip),
            entries,
        })
    }
}

/// Whether a file of this name is in a format compressed already (images, fonts,
/// audio, video, archives): deflate would spend time on it and save next to nothing,
/// so its entry is stored as it is, as `zip -n` and the APK and JAR tools do.
fn compressed_already(name: &str) -> bool {
    const FORMATS: &[&str] = &[
        "jpg", "jpeg", "png", "gif", "webp", "avif", "heic", "jxl", "woff", "woff2", "mp3", "m4a",
        "aac", "ogg", "oga", "opus", "mp4", "m4v", "webm", "mov", "mkv", "zip", "gz", "tgz", "bz2",
        "xz", "zst", "7z", "rar", "br", "epub", "docx", "xlsx", "pptx", "odt", "ods", "odp",
    ];
    let Some((_, ext)) = name.rsplit_once('.') else {
        return false;
    };
    FORMATS.iter().any(|f| f.eq_ignore_ascii_case(ext))
}

/// One file of `size` bytes, given in pieces, as a one-entry zip archive to be merged
/// into the real one: deflated, unless [`compressed_already`].
fn compress_entry(
    name: &str,
    pieces: &[&[u8]],
    size: usize,
    level: i64,
) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::Write as _;
    let (method, level, capacity) = match compressed_already(name) {
        true => (zip::CompressionMethod::Stored, None, size + 256),
        false => (
            zip::CompressionMethod::Deflated,
            Some(level),
            size / 3 + 256,
        ),
    };
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(level)
        .large_file(size > u32::MAX as usize)
        .last_modified_time(zip::DateTime::default());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(capacity)));
    zip.start_file(name, options)?;
    for piece in pieces {
        zip.write_all(piece)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(dir: &Path, previous: Option<&Path>, pages: &[(&str, &str)]) -> (Vec<u8>, usize) {
        let archive = Archive::new("site", 6, previous, std::env::temp_dir());
        for (path, text) in pages {
            archive.add(path, text.as_bytes()).unwrap();
        }
        let reused = archive
            .entries
            .lock()
            .unwrap()
            .iter()
            .filter(|e| matches!(e.data, EntryData::Reused(_)))
            .count();
        let mut zip = Vec::new();
        let mut archive = archive;
        let index = archive.index().unwrap();
        archive.finish(Cursor::new(&mut zip)).unwrap();
        std::fs::write(dir.join("offline.zip"), &zip).unwrap();
        std::fs::write(dir.join(super::super::MARKER), format!("marker\n{index}")).unwrap();
        (zip, reused)
    }

    #[test]
    fn unchanged_entries_are_copied_and_the_archive_equals_a_fresh_one() {
        let old = tempfile::tempdir().unwrap();
        let fresh = tempfile::tempdir().unwrap();
        let first = [("a/index.html", "alpha"), ("b/index.html", "beta")];
        build(old.path(), None, &first);
        let second = [
            ("a/index.html", "alpha"),
            ("b/index.html", "BETA"),
            ("c/index.html", "gamma"),
        ];
        let (reusing, reused) = build(old.path(), Some(old.path()), &second);
        assert_eq!(reused, 1, "only the unchanged entry is copied");
        let (from_scratch, _) = build(fresh.path(), None, &second);
        assert_eq!(reusing, from_scratch);
        let mut zip = zip::ZipArchive::new(Cursor::new(reusing)).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("site/b/index.html").unwrap(), &mut text)
            .unwrap();
        assert_eq!(text, "BETA");
    }

    #[test]
    fn a_file_added_in_pieces_is_the_file_added_whole() {
        let whole = Archive::new("site", 6, None, std::env::temp_dir());
        whole.add("print.html", b"<p>one</p><p>two</p>").unwrap();
        let pieces = Archive::new("site", 6, None, std::env::temp_dir());
        pieces
            .add_pieces("print.html", &[b"<p>one", b"</p><p>", b"", b"two</p>"])
            .unwrap();
        let finish = |mut archive: Archive| {
            let mut zip = Vec::new();
            let index = archive.index().unwrap();
            archive.finish(Cursor::new(&mut zip)).unwrap();
            (zip, index)
        };
        assert_eq!(finish(whole), finish(pieces));

        // And an entry added in pieces is reused from an archive that had it whole.
        let old = tempfile::tempdir().unwrap();
        build(old.path(), None, &[("print.html", "<p>one</p><p>two</p>")]);
        let next = Archive::new("site", 6, Some(old.path()), std::env::temp_dir());
        next.add_pieces("print.html", &[b"<p>one</p>", b"<p>two</p>"])
            .unwrap();
        let entries = next.entries.lock().unwrap();
        assert!(matches!(entries[0].data, EntryData::Reused(0)));
    }

    #[test]
    fn images_and_fonts_are_stored_and_text_is_deflated() {
        let dir = tempfile::tempdir().unwrap();
        let text = "the same words again ".repeat(200);
        let (zip, _) = build(
            dir.path(),
            None,
            &[
                ("a/index.html", &text),
                ("a/photo.JPG", &text),
                ("fonts/body.woff2", &text),
                ("notes.txt", &text),
            ],
        );
        let mut zip = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
        for (name, method) in [
            ("site/a/index.html", zip::CompressionMethod::Deflated),
            ("site/a/photo.JPG", zip::CompressionMethod::Stored),
            ("site/fonts/body.woff2", zip::CompressionMethod::Stored),
            ("site/notes.txt", zip::CompressionMethod::Deflated),
        ] {
            let mut entry = zip.by_name(name).unwrap();
            assert_eq!(entry.compression(), method, "{name}");
            let mut read = String::new();
            std::io::Read::read_to_string(&mut entry, &mut read).unwrap();
            assert_eq!(read, text, "{name}");
        }
    }

    #[test]
    fn entries_from_another_compressor_setting_are_not_reused() {
        let old = tempfile::tempdir().unwrap();
        build(old.path(), None, &[("a/index.html", "alpha")]);
        let archive = Archive::new("site", 1, Some(old.path()), std::env::temp_dir());
        assert!(archive.previous.is_none());
    }

    #[test]
    fn entries_past_the_memory_limit_wait_in_a_file_and_the_archive_is_the_same() {
        let pages: Vec<(String, String)> = (0..20)
            .map(|i| {
                (
                    format!("p{i:02}/index.html"),
                    format!("page {i} ").repeat(50),
                )
            })
            .collect();
        let finish = |limit: usize, dir: &Path| {
            let mut archive = Archive::new("site", 6, None, dir.to_path_buf());
            archive.spill.get_mut().unwrap().limit = limit;
            for (path, text) in &pages {
                archive.add(path, text.as_bytes()).unwrap();
            }
            let spilled = archive
                .entries
                .get_mut()
                .unwrap()
                .iter()
                .filter(|e| matches!(e.data, EntryData::Spilled(..)))
                .count();
            let mut zip = Vec::new();
            archive.finish(Cursor::new(&mut zip)).unwrap();
            (zip, spilled)
        };
        let dir = tempfile::tempdir().unwrap();
        let (in_memory, none) = finish(HELD_LIMIT, dir.path());
        assert_eq!(none, 0);
        let (spilled, many) = finish(400, dir.path());
        assert!(many >= 15, "{many} of 20 entries spilled");
        assert_eq!(spilled, in_memory);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(
            left.is_empty(),
            "the spill file is not left behind: {left:?}"
        );

        // A folder the spill file cannot be made in keeps the entries in memory.
        let missing = dir.path().join("missing");
        assert_eq!(finish(400, &missing), (in_memory, 0));
    }
}
