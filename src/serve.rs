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
use notify::{RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
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

/// What the page's live-reload script polls: the last good build's number, and the
/// diagnostics of a failed rebuild (empty when the last rebuild succeeded).
#[derive(Default)]
pub struct Status {
    build: AtomicU64,
    errors: Mutex<String>,
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
        }
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
        let config = match read_config(&self.root)? {
            Ok(config) => config,
            Err(errors) => return Ok(finish(errors, 0, 0)),
        };
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
        let site = site::build_cached(
            config,
            content,
            UrlStyle::Web,
            &mut problems,
            &mut self.parse_cache,
        );
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
        let urls = render::render_site(site, templates, &writer, Some(&deps), problems);
        if has_errors(problems) {
            self.live = Some(writer.abandon_live());
            return Ok((0, 0));
        }
        search::write_index_cached(site, &writer, &mut self.search_cache, &deps);
        crate::write_extras(site, &writer, &urls, &self.root);
        writer.write(crate::output::MARKER, crate::output::MARKER_TEXT.as_bytes());
        let (live, written, rendered) = writer.finish_live()?;
        self.live = Some(live);
        Ok((written, rendered))
    }
}

/// Runs the server until interrupted.
pub fn serve(options: ServeOptions) -> Result<()> {
    let root = options
        .root
        .canonicalize()
        .with_context(|| format!("no site at {}", options.root.display()))?;
    let out = match &options.out {
        Some(out) => out.clone(),
        None => std::env::temp_dir().join(format!(
            "attune-serve-{:016x}",
            hash_bytes(root.to_string_lossy().as_bytes())
        )),
    };
    // Never serve from, or build over, the sources.
    crate::output::check_output_folder(&root, &out, &root.join("content"))?;
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("clearing {}", out.display()))?;
    }
    // Watch before the first build, so nothing saved from here on is missed.
    let (tx, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            let _ = tx.send(event);
        }
    })?;
    watcher.watch(&root, RecursiveMode::Recursive)?;
    let mut session = Session::new(root.clone(), out.clone(), options.drafts);
    let status = Arc::new(Status::default());
    report(&root, &mut session, &status)?;
    if !out.join("index.html").exists() {
        anyhow::bail!("the first build failed; fix the errors above and run `attune serve` again");
    }

    let server = tiny_http::Server::http((options.bind.as_str(), options.port))
        .map_err(|e| anyhow::anyhow!("cannot listen on {}:{}: {e}", options.bind, options.port))?;
    let address = server.server_addr().to_ip().context("not an IP address")?;
    let url = format!("http://{address}/");
    println!("serving {} at {url}", root.display());
    println!("watching content/, themes/ and book.toml; press Ctrl-C to stop");
    let server = Arc::new(server);
    let served = out.canonicalize().context("output folder vanished")?;
    for _ in 0..4 {
        let server = Arc::clone(&server);
        let status = Arc::clone(&status);
        let served = served.clone();
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                respond(request, &served, &status);
            }
        });
    }
    if options.open {
        open_browser(&url);
    }
    watch(&root, &changes, &mut session, &status)
}

/// Rebuilds and prints what happened; updates what the pages poll.
fn report(root: &Path, session: &mut Session, status: &Status) -> Result<()> {
    let rebuild = session.rebuild()?;
    let printer = Printer {
        root,
        color: crate::diagnostic::use_color(),
    };
    let plain = Printer { root, color: false };
    let mut text = String::new();
    for d in rebuild.diagnostics.sorted() {
        eprint!("{}", printer.render(d));
        text.push_str(&plain.render(d));
        text.push('\n');
    }
    let ms = rebuild.elapsed.as_secs_f64() * 1000.0;
    if rebuild.diagnostics.has_errors() {
        eprintln!(
            "{}; still serving the last good build",
            rebuild.diagnostics.summary()
        );
        if let Ok(mut errors) = status.errors.lock() {
            *errors = text;
        }
    } else {
        eprintln!(
            "built in {ms:.0} ms: {} pages rendered, {} files written",
            rebuild.rendered, rebuild.written
        );
        if let Ok(mut errors) = status.errors.lock() {
            errors.clear();
        }
        status.build.fetch_add(1, Ordering::SeqCst);
    }
    // The pages are up; what is left to tidy up can wait until now.
    session.settle();
    Ok(())
}

/// Waits for changes, lets a burst settle, then rebuilds once.
fn watch(
    root: &Path,
    rx: &mpsc::Receiver<notify::Event>,
    session: &mut Session,
    status: &Status,
) -> Result<()> {
    let out = session.out().to_path_buf();
    let relevant = |event: &notify::Event| {
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
            let first = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned());
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            !p.starts_with(&out)
                && matches!(first.as_deref(), Some("content" | "themes" | "book.toml"))
                && !(name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp"))
        })
    };
    loop {
        let event = rx.recv().context("file watcher stopped")?;
        if !relevant(&event) {
            continue;
        }
        // Debounce: wait for 10 ms of quiet (at most a second), so an editor's atomic
        // save or a burst of a hundred changes gives one rebuild.
        let deadline = Instant::now() + Duration::from_secs(1);
        while rx.recv_timeout(Duration::from_millis(10)).is_ok() {
            if Instant::now() > deadline {
                break;
            }
        }
        report(root, session, status)?;
    }
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
        eprintln!("could not open a browser; visit {url}");
    }
}

const LIVE_JS: &str = include_str!("../themes/default/static/live.js");

fn respond(request: tiny_http::Request, served: &Path, status: &Status) {
    let raw = request.url().to_string();
    let path = raw.split(['?', '#']).next().unwrap_or("/");
    let header = |name: &str, value: &str| {
        tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
    };
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
        let errors = status.errors.lock().map(|e| e.clone()).unwrap_or_default();
        let body =
            serde_json::json!({"build": status.build.load(Ordering::SeqCst), "errors": errors})
                .to_string();
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
            return Resolved::Redirect(format!("{path}/"));
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
    fn live_reload_goes_into_served_pages_only() {
        let page = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'\"><body>x</body>";
        let served = inject_live_reload(page, 7);
        assert!(served
            .contains("<script src=\"/__attune/live.js\" data-build=\"7\"></script>\n</body>"));
        assert!(served.contains("connect-src 'self'"));
    }
}
