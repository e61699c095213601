//! Live reload: the script served pages load, the long poll it waits on, and the
//! status it reads (the last good build, and the errors of a failed rebuild).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// What the page's live-reload script asks for: the last good build's number, and the
/// diagnostics of a failed rebuild (empty when the last rebuild succeeded). Each
/// rebuild, good or not, bumps `version` and wakes the pages waiting on `changed`.
#[derive(Default)]
pub struct Status {
    pub(super) build: AtomicU64,
    pub(super) errors: Mutex<String>,
    version: Mutex<u64>,
    changed: Condvar,
}

/// How long a live-reload request is held open when nothing changes.
const LONG_POLL: Duration = Duration::from_secs(25);

impl Status {
    pub(super) fn bump(&self) {
        if let Ok(mut version) = self.version.lock() {
            *version += 1;
        }
        self.changed.notify_all();
    }

    /// Waits until the version differs from `seen` (at most [`LONG_POLL`]), then
    /// returns the status as JSON.
    pub(super) fn wait_json(&self, seen: Option<u64>) -> String {
        let mut version = match self.version.lock() {
            Ok(v) => v,
            Err(p) => p.into_inner(),
        };
        if let Some(seen) = seen {
            let deadline = Instant::now() + LONG_POLL;
            while *version == seen {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                version = match self.changed.wait_timeout(version, left) {
                    Ok((v, _)) => v,
                    Err(p) => p.into_inner().0,
                };
            }
        }
        let version = *version;
        let errors = self.errors.lock().map(|e| e.clone()).unwrap_or_default();
        serde_json::json!({
            "build": self.build.load(Ordering::SeqCst),
            "errors": errors,
            "version": version,
        })
        .to_string()
    }
}

pub(super) const LIVE_JS: &str = include_str!("../../themes/default/static/live.js");

/// Adds the live-reload script to a served page (never to the files on disk), and lets
/// it poll this server despite the page's strict Content-Security-Policy. The script
/// learns the number of the build it was served from, so a rebuild that ends before
/// its first poll still reloads the page.
pub(super) fn inject_live_reload(html: &str, build: u64) -> String {
    let html = html.replacen(
        "default-src 'none';",
        "default-src 'none'; connect-src 'self';",
        1,
    );
    match html.rfind("</body>") {
        Some(i) => format!(
            "{}<script src=\"/__attune/live.js\" data-build=\"{build}\"></script>\n{}",
            &html[..i],
            &html[i..]
        ),
        None => html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_reload_goes_into_served_pages_only() {
        let page = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'\"><body>x</body>";
        let served = inject_live_reload(page, 7);
        assert!(served
            .contains("<script src=\"/__attune/live.js\" data-build=\"7\"></script>\n</body>"));
        assert!(served.contains("connect-src 'self'"));
    }
}
