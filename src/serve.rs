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

use crate::diagnostic::{Diagnostic, Diagnostics, Printer};
use crate::output::{hash_bytes, Live, Writer};
use crate::site::{percent_decode, ParseCache, UrlStyle};
use crate::{load, read_config, render, search, site};
use anyhow::{Context as _, Result};
use notify::RecursiveMode;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

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

/// What the page's live-reload script asks for: the last good build's number, and the
/// diagnostics of a failed rebuild (empty when the last rebuild succeeded). Each
/// rebuild, good or not, bumps `version` and wakes the pages waiting on `changed`.
#[derive(Default)]
pub struct Status {
    build: AtomicU64,
    errors: Mutex<String>,
    version: Mutex<u64>,
    changed: Condvar,
}

/// How long a live-reload request is held open when nothing changes.
const LONG_POLL: Duration = Duration::from_secs(25);

impl Status {
    fn bump(&self) {
        if let Ok(mut version) = self.version.lock() {
            *version += 1;
        }
        self.changed.notify_all();
    }

    /// Waits until the version differs from `seen` (at most [`LONG_POLL`]), then
    /// returns the status as JSON.
    fn wait_json(&self, seen: Option<u64>) -> String {
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

/// The state kept between rebuilds.
pub struct Session {
    root: PathBuf,
    out: PathBuf,
    drafts: bool,
    live: Option<Live>,
    parse_cache: ParseCache,
    /// The last rebuild's model, until [`Session::settle`] hands its parsed articles
    /// back to `parse_cache`.
    last: Option<site::Site>,
    search_cache: search::SearchCache,
    templates: Option<render::Templates>,
    config_hash: u64,
    theme_hash: u64,
    /// `[build] content_dir` of the last book.toml read.
    content_dir: String,
}

/// How one rebuild went.
pub struct Rebuild {
    pub diagnostics: Diagnostics,
    pub written: usize,
    pub rendered: usize,
    pub elapsed: Duration,
}

impl Session {
    pub fn new(root: PathBuf, out: PathBuf, drafts: bool) -> Session {
        Session {
            root,
            out,
            drafts,
            live: Some(Live::default()),
            parse_cache: ParseCache::default(),
            last: None,
            search_cache: search::SearchCache::default(),
            templates: None,
            config_hash: 0,
            theme_hash: 0,
            content_dir: crate::config::Build::default().content_dir,
        }
    }

    /// The content folder, as the last book.toml read names it.
    pub fn content_dir(&self) -> &str {
        &self.content_dir
    }

    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Tidies up after a rebuild, once its pages are served: the model's parsed
    /// articles go back to the parse cache, the rest is freed. [`Session::rebuild`]
    /// does it first if it was not done.
    pub fn settle(&mut self) {
        if let Some(site) = self.last.take() {
            self.parse_cache.keep(site);
        }
    }

    /// Rebuilds from the sources on disk. With errors, the served folder is left as
    /// the last good build wrote it.
    pub fn rebuild(&mut self) -> Result<Rebuild> {
        self.settle();
        let start = Instant::now();
        let mut problems: Vec<Diagnostic> = Vec::new();
        let finish = |problems: Vec<Diagnostic>, written, rendered| {
            let mut diagnostics = Diagnostics::default();
            diagnostics.extend(problems);
            Rebuild {
                diagnostics,
                written,
                rendered,
                elapsed: start.elapsed(),
            }
        };
        // book.toml missing, unreadable or not UTF-8 mid-save: shown like any other
        // error, while the last good build stays up.
        let config = match read_config(&self.root) {
            Ok(Ok(config)) => config,
            Ok(Err(errors)) => return Ok(finish(errors, 0, 0)),
            Err(e) => {
                let d =
                    Diagnostic::error("config", format!("{e:#}")).in_file(crate::config::FILE_NAME);
                return Ok(finish(vec![d], 0, 0));
            }
        };
        self.content_dir = config.build.content_dir.clone();
        if !self.out.join(crate::output::MARKER).is_file() || !self.out.join("index.html").is_file()
        {
            // The served folder was deleted or emptied: write every file again.
            if let Some(live) = &mut self.live {
                *live = Live::default();
            }
        }
        let config_hash = hash_bytes(
            &std::fs::read(self.root.join(crate::config::FILE_NAME)).unwrap_or_default(),
        );
        if config_hash != self.config_hash {
            // book.toml touches every page: start from nothing.
            self.config_hash = config_hash;
            self.parse_cache = ParseCache::default();
            if let Some(live) = &mut self.live {
                *live = Live::default();
            }
        }
        let theme = config.build.theme.as_deref();
        match render::Templates::load_reusing(&self.root, theme, self.templates.take()) {
            Ok(t) => self.templates = Some(t),
            Err(errors) => return Ok(finish(errors, 0, 0)),
        }
        let content_dir = config.build.content_dir.clone();
        let content = load::load(
            &self.root,
            &content_dir,
            self.drafts,
            std::slice::from_ref(&self.out),
            &mut problems,
        );
        let mut site = site::build_cached(
            config,
            content,
            UrlStyle::Web,
            &mut problems,
            &mut self.parse_cache,
        );
        // The served folder has no offline edition: the URL table says so, and the
        // footer, which reads it, does not link to one.
        site.urls.withdraw("offline.zip");
        let result = self.render(&site, &mut problems);
        self.last = Some(site);
        let (written, rendered) = result?;
        Ok(finish(problems, written, rendered))
    }

    /// Writes `site` into the served folder, unless it has errors; returns (files
    /// written, pages rendered).
    fn render(
        &mut self,
        site: &site::Site,
        problems: &mut Vec<Diagnostic>,
    ) -> Result<(usize, usize)> {
        let has_errors = |problems: &[Diagnostic]| {
            problems
                .iter()
                .any(|d| d.severity == crate::diagnostic::Severity::Error)
        };
        let Some(templates) = &self.templates else {
            return Ok((0, 0));
        };
        if has_errors(problems) {
            return Ok((0, 0));
        }
        let writer = Writer::live(self.out.clone(), self.live.take().unwrap_or_default())?;
        let theme_hash = templates.fingerprint();
        if theme_hash != self.theme_hash {
            // A template changed: every page renders again, nothing is parsed again.
            writer.forget_contexts();
            self.theme_hash = theme_hash;
        }
        let deps = site::Dependencies::of(site, &self.parse_cache);
        render::render_site(site, templates, &writer, Some(&deps), problems);
        if has_errors(problems) {
            self.live = Some(writer.abandon_live());
            return Ok((0, 0));
        }
        search::write_index_cached(site, &writer, &mut self.search_cache, &deps);
        crate::write_extras(site, &writer, &self.root);
        writer.write(crate::output::MARKER, crate::output::MARKER_TEXT.as_bytes());
        let (live, written, rendered) = writer.finish_live()?;
        self.live = Some(live);
        Ok((written, rendered))
    }
}

/// How long one connection may take to send its request or take a response's next
/// bytes: a stalled client holds only its own thread, and only this long.
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(10);

/// The content folder book.toml names, or the default when it cannot be read.
fn content_dir_of(root: &Path) -> String {
    match read_config(root) {
        Ok(Ok(config)) => config.build.content_dir,
        _ => crate::config::Build::default().content_dir,
    }
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
    crate::output::check_output_folder(&root, &out, &root.join(content_dir_of(&root)))?;
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
    // Connections accepted from the listener inherit these (Linux, BSD, macOS).
    set_timeouts(&listener, CONNECTION_TIMEOUT);
    let address = listener.local_addr().context("not an IP address")?;
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| anyhow::anyhow!("cannot listen on {address}: {e}"))?;
    let url = format!("http://{address}/");
    crate::cli::print_quietly(&format!(
        "serving {} at {url}\nwatching {}/, themes/ and book.toml; press Ctrl-C to stop\n",
        root.display(),
        session.content_dir()
    ));
    let served = out.canonicalize().context("output folder vanished")?;
    let hosts = Arc::new(Hosts::new(&options.bind, address));
    std::thread::spawn({
        let status = Arc::clone(&status);
        move || {
            // A thread per request: a slow or stalled client never holds up another.
            for request in server.incoming_requests() {
                let status = Arc::clone(&status);
                let served = served.clone();
                let hosts = Arc::clone(&hosts);
                let spawned = std::thread::Builder::new()
                    .spawn(move || respond(request, &served, &status, &hosts));
                if spawned.is_err() {
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
        }
    });
    if options.open {
        open_browser(&url);
    }
    watch(&root, &changes, &mut session, &status)
}

/// Sets the read and write timeouts of a socket (and of those it accepts).
fn set_timeouts(listener: &std::net::TcpListener, timeout: Duration) {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd as _;
        let tv = libc::timeval {
            tv_sec: timeout.as_secs() as libc::time_t,
            tv_usec: timeout.subsec_micros() as libc::suseconds_t,
        };
        // Only the send timeout: a receive timeout on the listener would also make
        // `accept` fail after that long without a new connection, and tiny_http's accept
        // thread stops for good on the first error (the server then answers nothing new).
        for option in [libc::SO_SNDTIMEO] {
            // SAFETY: a valid socket and a timeval that outlives the call.
            unsafe {
                libc::setsockopt(
                    listener.as_raw_fd(),
                    libc::SOL_SOCKET,
                    option,
                    (&tv as *const libc::timeval).cast(),
                    std::mem::size_of::<libc::timeval>() as libc::socklen_t,
                );
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (listener, timeout);
}

/// The `Host` header values this server answers: the address it is bound to and the
/// loopback names, with its port. Anything else (a DNS-rebinding page's own name) is
/// refused with 403. Bound to every interface (`0.0.0.0`, `::`), any IP address with
/// the port is accepted too: rebinding needs a name, never a bare address.
pub struct Hosts {
    port: u16,
    names: Vec<String>,
    any_address: bool,
}

impl Hosts {
    pub fn new(bind: &str, address: std::net::SocketAddr) -> Hosts {
        let mut names = vec![
            "localhost".to_string(),
            "127.0.0.1".to_string(),
            "[::1]".to_string(),
        ];
        let ip = address.ip();
        names.push(match ip {
            std::net::IpAddr::V6(v6) => format!("[{v6}]"),
            std::net::IpAddr::V4(v4) => v4.to_string(),
        });
        names.push(bind.trim().to_ascii_lowercase());
        Hosts {
            port: address.port(),
            names,
            any_address: ip.is_unspecified(),
        }
    }

    /// Whether a request carrying `Host: host` may be answered.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let (name, port) = match host.rsplit_once(':') {
            Some((name, port)) if !port.contains(']') => (name, port.parse::<u16>().ok()),
            _ => (host.as_str(), Some(80)),
        };
        if port != Some(self.port) || name.is_empty() {
            return false;
        }
        if self.names.iter().any(|n| n == name) {
            return true;
        }
        self.any_address
            && name
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok()
    }
}

/// Rebuilds and prints what happened; updates what the pages wait on. A rebuild that
/// could not run at all is shown like a failed one: the server carries on.
fn report(root: &Path, session: &mut Session, status: &Status) -> Result<()> {
    let rebuild = match session.rebuild() {
        Ok(rebuild) => rebuild,
        Err(e) => {
            let mut diagnostics = Diagnostics::default();
            diagnostics.extend([Diagnostic::error("io", format!("{e:#}"))]);
            Rebuild {
                diagnostics,
                written: 0,
                rendered: 0,
                elapsed: Duration::ZERO,
            }
        }
    };
    let printer = Printer {
        root,
        color: crate::diagnostic::use_color(),
    };
    let plain = Printer { root, color: false };
    let mut text = String::new();
    let mut shown = String::new();
    for d in rebuild.diagnostics.sorted() {
        shown.push_str(&printer.render(d));
        text.push_str(&plain.render(d));
        text.push('\n');
    }
    let ms = rebuild.elapsed.as_secs_f64() * 1000.0;
    if rebuild.diagnostics.has_errors() {
        crate::cli::eprint_quietly(&format!(
            "{shown}{}; still serving the last good build\n",
            rebuild.diagnostics.summary()
        ));
        if let Ok(mut errors) = status.errors.lock() {
            *errors = text;
        }
    } else {
        crate::cli::eprint_quietly(&format!(
            "{shown}built in {ms:.0} ms: {} pages rendered, {} files written\n",
            rebuild.rendered, rebuild.written
        ));
        if let Ok(mut errors) = status.errors.lock() {
            errors.clear();
        }
        status.build.fetch_add(1, Ordering::SeqCst);
    }
    status.bump();
    // The pages are up; what is left to tidy up can wait until now.
    session.settle();
    Ok(())
}

/// Waits for changes, lets a burst settle, then rebuilds once.
/// How long a path's events must be quiet before the debouncer hands them over.
const DEBOUNCE: Duration = Duration::from_millis(10);

/// Waits for batches of changes, lets a burst settle, then rebuilds once.
fn watch(
    root: &Path,
    rx: &mpsc::Receiver<Vec<notify::Event>>,
    session: &mut Session,
    status: &Status,
) -> Result<()> {
    let out = session.out().to_path_buf();
    loop {
        let batch = rx.recv().context("file watcher stopped")?;
        let content_dir = session.content_dir().to_string();
        if !batch
            .iter()
            .any(|event| relevant(root, &out, &content_dir, event))
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

/// Whether a file-system event is an edit to the sources: under the content folder
/// (`[build] content_dir`), `themes/`, or `book.toml`, outside the served folder, and
/// not a path the loader ignores (hidden files, editors' droppings).
fn relevant(root: &Path, out: &Path, content_dir: &str, event: &notify::Event) -> bool {
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
    let content = Path::new(content_dir);
    edit && event.paths.iter().any(|p| {
        let Ok(rel) = p.strip_prefix(root) else {
            return false;
        };
        let source = rel.starts_with(content)
            || rel.starts_with("themes")
            || rel == Path::new(crate::config::FILE_NAME);
        source
            && !p.starts_with(out)
            && rel
                .components()
                .all(|c| !load::is_ignored(&c.as_os_str().to_string_lossy()))
    })
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
        crate::cli::eprint_quietly(&format!("could not open a browser; visit {url}\n"));
    }
}

const LIVE_JS: &str = include_str!("../themes/default/static/live.js");

fn respond(request: tiny_http::Request, served: &Path, status: &Status, hosts: &Hosts) {
    let raw = request.url().to_string();
    let path = raw.split(['?', '#']).next().unwrap_or("/");
    let header = |name: &str, value: &str| {
        tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
    };
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    if !host.as_deref().is_some_and(|h| hosts.allows(h)) {
        let _ = request.respond(
            tiny_http::Response::from_string("Forbidden: unknown Host\n").with_status_code(403),
        );
        return;
    }
    let no_store = header("Cache-Control", "no-store");
    if path == "/__attune/live.js" {
        let response = tiny_http::Response::from_string(LIVE_JS)
            .with_header(
                header("Content-Type", "text/javascript; charset=utf-8")
                    .unwrap_or_else(default_header),
            )
            .with_header(no_store.unwrap_or_else(default_header));
        let _ = request.respond(response);
        return;
    }
    if path == "/__attune/status" {
        // A long poll: with `?seen=VERSION`, answered when a rebuild ends (or after
        // a while, to keep the connection fresh).
        let seen = raw
            .split_once('?')
            .and_then(|(_, query)| query.split('&').find_map(|pair| pair.strip_prefix("seen=")))
            .and_then(|v| v.parse().ok());
        let body = status.wait_json(seen);
        let response = tiny_http::Response::from_string(body)
            .with_header(header("Content-Type", "application/json").unwrap_or_else(default_header))
            .with_header(no_store.unwrap_or_else(default_header));
        let _ = request.respond(response);
        return;
    }
    match resolve(served, path) {
        Resolved::File(file) => send_file(request, &file, 200, status),
        Resolved::Redirect(to) => {
            let response = tiny_http::Response::empty(301)
                .with_header(header("Location", &to).unwrap_or_else(default_header));
            let _ = request.respond(response);
        }
        Resolved::NotFound => send_file(request, &served.join("404.html"), 404, status),
        Resolved::Refused => {
            let _ = request
                .respond(tiny_http::Response::from_string("Bad request").with_status_code(400));
        }
    }
}

fn default_header() -> tiny_http::Header {
    tiny_http::Header::from_bytes(&b"X-Content-Type-Options"[..], &b"nosniff"[..])
        .expect("a valid header")
}

fn send_file(request: tiny_http::Request, file: &Path, code: u16, status: &Status) {
    // Read before the file, so the page is never older than the build it names.
    let build = status.build.load(Ordering::SeqCst);
    let Ok(bytes) = std::fs::read(file) else {
        let _ =
            request.respond(tiny_http::Response::from_string("Not found").with_status_code(404));
        return;
    };
    let kind = content_type(file);
    let body = if kind.starts_with("text/html") {
        inject_live_reload(&String::from_utf8_lossy(&bytes), build).into_bytes()
    } else {
        bytes
    };
    let response = tiny_http::Response::from_data(body)
        .with_status_code(code)
        .with_header(
            tiny_http::Header::from_bytes(&b"Content-Type"[..], kind.as_bytes())
                .unwrap_or_else(|_| default_header()),
        )
        .with_header(
            tiny_http::Header::from_bytes(&b"Cache-Control"[..], &b"no-cache"[..])
                .unwrap_or_else(|_| default_header()),
        )
        .with_header(default_header());
    let _ = request.respond(response);
}

/// Adds the live-reload script to a served page (never to the files on disk), and lets
/// it poll this server despite the page's strict Content-Security-Policy. The script
/// learns the number of the build it was served from, so a rebuild that ends before
/// its first poll still reloads the page.
fn inject_live_reload(html: &str, build: u64) -> String {
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

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "woff2" => "font/woff2",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    Redirect(String),
    NotFound,
    Refused,
}

/// Maps a request path to a file inside `served` (a canonical path), refusing
/// anything that could reach outside it: `..`, encoded slashes or dots, backslashes,
/// NUL, absolute paths, and symbolic links that lead elsewhere.
pub fn resolve(served: &Path, path: &str) -> Resolved {
    let lower = path.to_ascii_lowercase();
    if !path.starts_with('/')
        || path.contains('\\')
        || lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains("%00")
    {
        return Resolved::Refused;
    }
    let Some(decoded) = percent_decode(path) else {
        return Resolved::Refused;
    };
    let mut file = served.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return Resolved::Refused,
        }
    }
    if file.is_dir() {
        if !decoded.ends_with('/') {
            // One leading slash only: `//host/` would send the browser to another site.
            return Resolved::Redirect(format!("/{}/", path.trim_start_matches('/')));
        }
        file.push("index.html");
    }
    match file.canonicalize() {
        Ok(real) if real.starts_with(served) && real.is_file() => Resolved::File(real),
        Ok(real) if !real.starts_with(served) => Resolved::Refused,
        _ => Resolved::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_inside_and_refuses_escapes() {
        let dir = tempfile::tempdir().unwrap();
        let served = dir.path().join("site");
        std::fs::create_dir_all(served.join("a")).unwrap();
        std::fs::write(served.join("a/index.html"), "a").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        let served = served.canonicalize().unwrap();
        assert_eq!(
            resolve(&served, "/a/"),
            Resolved::File(served.join("a/index.html"))
        );
        assert_eq!(resolve(&served, "/a"), Resolved::Redirect("/a/".into()));
        assert_eq!(resolve(&served, "/missing/"), Resolved::NotFound);
        for evil in [
            "/../secret.txt",
            "/a/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/a%2f..%2f..%2fsecret.txt",
            "/..%5csecret.txt",
            "//etc/passwd",
            "/a/%00",
            "relative",
        ] {
            assert!(
                matches!(
                    resolve(&served, evil),
                    Resolved::Refused | Resolved::NotFound
                ),
                "{evil}"
            );
            assert!(
                !matches!(resolve(&served, evil), Resolved::File(_)),
                "{evil}"
            );
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), served.join("link.txt"))
                .unwrap();
            assert_eq!(resolve(&served, "/link.txt"), Resolved::Refused);
        }
    }

    #[test]
    fn host_rule() {
        let local: std::net::SocketAddr = "127.0.0.1:4000".parse().unwrap();
        let hosts = Hosts::new("127.0.0.1", local);
        for ok in [
            "127.0.0.1:4000",
            "localhost:4000",
            "LOCALHOST:4000",
            "[::1]:4000",
        ] {
            assert!(hosts.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:4000",
            "localhost:4001",
            "localhost",
            "",
            ":4000",
            "192.168.1.5:4000",
            "localhost.:4000",
        ] {
            assert!(!hosts.allows(bad), "{bad}");
        }
        let any: std::net::SocketAddr = "0.0.0.0:80".parse().unwrap();
        let hosts = Hosts::new("0.0.0.0", any);
        assert!(hosts.allows("192.168.1.5"));
        assert!(hosts.allows("192.168.1.5:80"));
        assert!(hosts.allows("[fe80::1]:80"));
        assert!(!hosts.allows("rebind.evil.example"));
        let named: std::net::SocketAddr = "10.0.0.2:3000".parse().unwrap();
        let hosts = Hosts::new("10.0.0.2", named);
        assert!(hosts.allows("10.0.0.2:3000"));
        assert!(!hosts.allows("10.0.0.3:3000"));
    }

    #[test]
    fn folder_redirects_stay_on_the_site() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("evil.example")).unwrap();
        let served = dir.path().canonicalize().unwrap();
        assert_eq!(
            resolve(&served, "//evil.example"),
            Resolved::Redirect("/evil.example/".into())
        );
        assert_eq!(
            resolve(&served, "///evil.example"),
            Resolved::Redirect("/evil.example/".into())
        );
    }

    #[test]
    fn live_reload_goes_into_served_pages_only() {
        let page = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'\"><body>x</body>";
        let served = inject_live_reload(page, 7);
        assert!(served
            .contains("<script src=\"/__attune/live.js\" data-build=\"7\"></script>\n</body>"));
        assert!(served.contains("connect-src 'self'"));
    }
}
