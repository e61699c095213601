//! What the output folder may be: never the sources, never a folder attune did not
//! write, never a node that is not a folder (a link to a folder is built through);
//! and the lock that keeps two builds out of one folder.

use super::swap::sibling;
use super::MARKER;
use anyhow::{bail, Context as _, Result};
use std::path::{Path, PathBuf};

/// Readies `out` for a build of the site at `root`: a link to a folder is built
/// through (the site goes where it leads, returned), an output that would destroy the
/// sources is refused, the lock is taken (waiting for another build into the same
/// folder, so the two never publish a mix) and a swap an interrupted build left is
/// finished. Hold the lock until the site is swapped in, or given up.
pub fn prepare(
    root: &Path,
    out: &Path,
    content: &Path,
    static_dir: Option<&Path>,
) -> Result<(PathBuf, OutputLock)> {
    let out = resolve_output(out)?;
    check_output_folder(root, &out, content, static_dir)?;
    let lock = lock_output(&out, true)?;
    super::recover_interrupted_swap(&out)?;
    Ok((out, lock))
}

/// Refuses output folders whose replacement would destroy something that is not a
/// previous build: the site root, the content, static or theme folder, or a folder
/// attune did not write.
pub fn check_output_folder(
    root: &Path,
    out: &Path,
    content: &Path,
    static_dir: Option<&Path>,
) -> Result<()> {
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
    let static_dir = static_dir.map(absolute);
    if root.starts_with(&out) {
        bail!(
            "refusing to write the site to {}: it contains the site root, which would be deleted",
            out.display()
        );
    }
    let sources = [("content", Some(&content)), ("static", static_dir.as_ref())];
    let sources = sources.into_iter().chain([("themes", Some(&themes))]);
    for (name, dir) in sources.filter_map(|(name, dir)| Some((name, dir?))) {
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

/// What kind of node `meta` describes, for messages.
pub(super) fn describe(meta: &std::fs::Metadata) -> &'static str {
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
            crate::diagnostic::eprint_quietly(&format!(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_output_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let content = root.join("content");
        let check = |out: &Path| check_output_folder(root, out, &content, None);
        assert!(check(root).is_err());
        assert!(check(&content).is_err());
        assert!(check(&root.join("content/x")).is_err());
        std::fs::create_dir_all(root.join("docs")).unwrap();
        std::fs::write(root.join("docs/keep.txt"), "mine").unwrap();
        assert!(check(&root.join("docs")).is_err());
        assert!(check(&root.join("public")).is_ok());
        // The static folder is a source too: never written into, never inside the output.
        let static_dir = root.join("static");
        let with_static = |out: &Path| check_output_folder(root, out, &content, Some(&static_dir));
        assert!(with_static(&root.join("public")).is_ok());
        let e = with_static(&root.join("static/public")).unwrap_err();
        assert!(e.to_string().contains("overlaps the static folder"), "{e}");
        assert!(with_static(&root.join("static")).is_err());
    }
}
