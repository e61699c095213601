//! `attune serve`: builds the site, serves it on 127.0.0.1, watches `content/`,
//! `themes/` and `book.toml`, rebuilds what a change touches, reloads the browser, and
//! shows build errors as an overlay in the page while the last good build stays up.
//!
//! Rebuilds are incremental at every stage that costs: unchanged articles are not
//! parsed or indexed for search again; a page whose inputs in the site model are
//! unchanged (see [`crate::site::Dependencies`]) is not even given a context, one
//! whose context is unchanged is not rendered again; files whose bytes are unchanged
//! are not written again. The folder served is always what a full build of the same
//! sources writes (less `offline.zip`).

mod cache;
mod http;
mod reload;
mod server;
mod session;
mod watch;

pub use http::{resolve, Hosts, Resolved};
pub use reload::Status;
pub use session::{Rebuild, Session};

use crate::output::hash_bytes;
use anyhow::{Context as _, Result};
use http::respond;
use notify::RecursiveMode;
use session::report;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};
use watch::{watch, DEBOUNCE};

/// What to serve and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    /// Folder to build into; a temporary folder when not given.
    pub out: Option<PathBuf>,
    pub open: bool,
    pub drafts: bool,
}

/// The content and static folders book.toml names, or the defaults when it cannot be
/// read.
fn source_dirs_of(root: &Path) -> (String, Option<String>) {
    let build = match crate::load::read_config(root, &mut crate::diagnostic::Diagnostics::new()) {
        Ok(Some(config)) => config.build,
        _ => crate::config::Build::default(),
    };
    (build.content_dir, build.static_dir)
}

/// Runs the server until interrupted.
pub fn serve(options: ServeOptions) -> Result<()> {
    let root = options
        .root
        .canonicalize()
        .with_context(|| format!("no site at {}", options.root.display()))?;
    let out = match &options.out {
        Some(out) => crate::output::resolve_output(out)?,
        None => std::env::temp_dir().join(format!(
            "attune-serve-{:016x}",
            hash_bytes(root.to_string_lossy().as_bytes())
        )),
    };
    // Never serve from, or build over, the sources: refused exactly as `build` does.
    let (content_dir, static_dir) = source_dirs_of(&root);
    let static_dir = static_dir.map(|dir| root.join(dir));
    crate::output::check_output_folder(
        &root,
        &out,
        &root.join(content_dir),
        static_dir.as_deref(),
    )?;
    // One writer per folder: another serve or build into it is refused.
    let _lock = crate::output::lock_output(&out, false)?;
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("clearing {}", out.display()))?;
    }
    // Watch before the first build, so nothing saved from here on is missed.
    // Through a debouncer: an editor's save (write to a temporary file, rename over
    // the old) arrives as one batch of events, renames stitched together.
    let (tx, changes) = mpsc::channel();
    let mut watcher = notify_debouncer_full::new_debouncer(
        DEBOUNCE,
        None,
        move |result: notify_debouncer_full::DebounceEventResult| {
            if let Ok(events) = result {
                let _ = tx.send(events.into_iter().map(|e| e.event).collect::<Vec<_>>());
            }
        },
    )?;
    watcher.watch(&root, RecursiveMode::Recursive)?;
    let mut session = Session::new(root.clone(), out.clone(), options.drafts);
    let status = Arc::new(Status::default());
    report(&root, &mut session, &status)?;
    if !out.join("index.html").exists() {
        anyhow::bail!("the first build failed; fix the errors above and run `attune serve` again");
    }

    let listener = std::net::TcpListener::bind((options.bind.as_str(), options.port))
        .map_err(|e| anyhow::anyhow!("cannot listen on {}:{}: {e}", options.bind, options.port))?;
    let address = listener.local_addr().context("not an IP address")?;
    let url = format!("http://{address}/");
    // Answering starts before the address is shown: whoever reads it may at once
    // request a page, or delete the folder (a rebuild restores it).
    let served = out.canonicalize().context("output folder vanished")?;
    let hosts = Hosts::new(&options.bind, address);
    // A thread per connection, each bounded in time: a slow or stalled client never
    // holds up another.
    server::spawn(listener, {
        let status = Arc::clone(&status);
        move |request| respond(request, &served, &status, &hosts)
    });
    let static_dir: String = session
        .static_dir()
        .map(|dir| format!("{}/, ", dir.trim_end_matches('/')))
        .into_iter()
        .chain(
            session
                .mounts()
                .iter()
                .map(|m| format!("{}, ", m.display())),
        )
        .collect();
    crate::diagnostic::print_quietly(&format!(
        "serving {} at {url}\nwatching {}/, {static_dir}themes/ and book.toml; press Ctrl-C to stop\n",
        root.display(),
        session.content_dir()
    ));
    if options.open {
        open_browser(&url);
    }
    watch(&root, &changes, &mut session, &status)
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        crate::diagnostic::eprint_quietly(&format!("could not open a browser; visit {url}\n"));
    }
}
