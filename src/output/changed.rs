//! Write-if-changed: files in the staging folder are compared with what they hold
//! and written only from the first byte that differs, since on most file systems
//! creating or rewriting a file costs far more than reading one.

use std::path::Path;

/// Removes a folder or other non-file that stands where the file `full` must go
/// (left by a previous build whose pages were laid out differently); returns the
/// existing file's length, if there is one.
pub(super) fn clear_way_for_file(full: &Path) -> std::io::Result<Option<u64>> {
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
pub(super) fn write_if_changed(full: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
pub(super) fn make_parent(full: &Path) -> std::io::Result<()> {
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
    pub(super) fn open(full: &Path) -> std::io::Result<ChangedWriter> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
