//! Write-if-changed: files in the staging folder are compared with what they hold
//! and written only if they differ, since on most file systems creating or
//! rewriting a file costs far more than reading one.

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
