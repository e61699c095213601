//! Watching the sources: file-system events through a debouncer, gathered until a
//! burst is over, filtered to edits of the sources, then one rebuild.

use super::reload::Status;
use super::session::{dir_of, report, Session};
use crate::load;
use anyhow::{Context as _, Result};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a path's events must be quiet before the debouncer hands them over.
pub(super) const DEBOUNCE: Duration = Duration::from_millis(10);

/// Waits for batches of changes, lets a burst settle, then rebuilds once.
pub(super) fn watch(
    root: &Path,
    rx: &mpsc::Receiver<Vec<notify::Event>>,
    session: &mut Session,
    status: &Status,
) -> Result<()> {
    let out = session.out().to_path_buf();
    loop {
        let batch = rx.recv().context("file watcher stopped")?;
        let sources = [Some(session.content_dir()), session.static_dir()];
        let mut sources: Vec<PathBuf> = sources.into_iter().flatten().map(dir_of).collect();
        sources.extend(session.mounts().iter().cloned());
        let left_out = |rel: &Path| session.left_out(rel);
        if !batch
            .iter()
            .any(|event| relevant(root, &out, &sources, &left_out, event))
        {
            continue;
        }
        // A burst longer than the debounce (a hundred saves, a `git checkout`) comes
        // in several batches: wait until none comes for a while (at most a second),
        // so the burst gives one rebuild.
        let deadline = Instant::now() + Duration::from_secs(1);
        while rx.recv_timeout(DEBOUNCE * 4).is_ok() {
            if Instant::now() > deadline {
                break;
            }
        }
        report(root, session, status)?;
    }
}

/// Whether a file-system event is an edit to the sources: under one of `folders` (the
/// content folder, `[build] content_dir`, the static folder, `static_dir`, and the
/// sources of `[[mounts]]`),
/// `themes/`, or the settings (`book.toml`, `.gitbook.yaml`), outside the served folder, and not a path the loader
/// ignores (hidden files, editors' droppings) or `[build] exclude` leaves out
/// (`left_out`, from the site's root).
fn relevant(
    root: &Path,
    out: &Path,
    folders: &[PathBuf],
    left_out: &dyn Fn(&Path) -> bool,
    event: &notify::Event,
) -> bool {
    use notify::event::{EventKind, ModifyKind};
    // Reads (ours included) and metadata changes are not edits.
    let edit = matches!(
        event.kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Any
            | EventKind::Modify(
                ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any | ModifyKind::Other
            )
    );
    edit && event.paths.iter().any(|p| {
        let Ok(rel) = p.strip_prefix(root) else {
            return false;
        };
        // The settings: book.toml, and GitBook's `.gitbook.yaml` beside it (hidden, as
        // the loader's ignored names are, but read).
        let settings = rel == Path::new(crate::config::FILE_NAME)
            || rel == Path::new(crate::config::GITBOOK_FILE);
        let source = folders.iter().any(|folder| rel.starts_with(folder))
            || rel.starts_with("themes")
            || settings;
        source
            && !p.starts_with(out)
            && !left_out(rel)
            && (settings
                || rel
                    .components()
                    .all(|c| !load::is_ignored(&c.as_os_str().to_string_lossy())))
    })
}
