//! Answering requests: the Host rule, mapping a path to a file inside the served
//! folder, content types, and the live-reload script added to served pages.

use super::reload::{inject_live_reload, Status, LIVE_JS};
use super::server::{Request, Response};
use crate::text::percent_decode;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::Ordering;

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

/// Answers one request: the Host rule first, then the live-reload script and status,
/// then files of the served folder.
pub(super) fn respond(
    request: &Request,
    served: &Path,
    status: &Status,
    hosts: &Hosts,
) -> Response {
    let raw = request.target.as_str();
    let path = raw.split(['?', '#']).next().unwrap_or("/");
    if !request.host.as_deref().is_some_and(|h| hosts.allows(h)) {
        return Response::text(403, "Forbidden: unknown Host\n");
    }
    let no_store = ("Cache-Control", "no-store".to_string());
    if path == "/__attune/live.js" {
        return Response {
            status: 200,
            headers: vec![
                ("Content-Type", "text/javascript; charset=utf-8".into()),
                no_store,
            ],
            body: LIVE_JS.as_bytes().to_vec(),
        };
    }
    if path == "/__attune/status" {
        // A long poll: with `?seen=VERSION`, answered when a rebuild ends (or after
        // a while, to keep the connection fresh).
        let seen = raw
            .split_once('?')
            .and_then(|(_, query)| query.split('&').find_map(|pair| pair.strip_prefix("seen=")))
            .and_then(|v| v.parse().ok());
        return Response {
            status: 200,
            headers: vec![("Content-Type", "application/json".into()), no_store],
            body: status.wait_json(seen).into_bytes(),
        };
    }
    match resolve(served, path) {
        Resolved::File(file) => send_file(&file, 200, status),
        Resolved::Redirect(to) => Response {
            status: 301,
            headers: vec![("Location", to)],
            body: Vec::new(),
        },
        Resolved::NotFound => send_file(&served.join("404.html"), 404, status),
        Resolved::Refused => Response::text(400, "Bad request"),
    }
}

fn send_file(file: &Path, code: u16, status: &Status) -> Response {
    // Read before the file, so the page is never older than the build it names.
    let build = status.build.load(Ordering::SeqCst);
    let Ok(bytes) = std::fs::read(file) else {
        return Response::text(404, "Not found");
    };
    let kind = content_type(file);
    let body = if kind.starts_with("text/html") {
        inject_live_reload(&String::from_utf8_lossy(&bytes), build).into_bytes()
    } else {
        bytes
    };
    Response {
        status: code,
        headers: vec![("Content-Type", kind), ("Cache-Control", "no-cache".into())],
        body,
    }
}

/// The `Content-Type` of a served file, from its extension (`mime_guess`'s table);
/// text is UTF-8, as attune writes it. XML (the sitemap, feeds) is `application/xml`,
/// which RFC 7303 prefers to the table's `text/xml`.
fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    if mime.essence_str() == "text/xml" {
        "application/xml".to_string()
    } else if mime.type_() == mime_guess::mime::TEXT {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
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
    fn content_types_come_from_the_extension() {
        for (file, kind) in [
            ("a/index.html", "text/html; charset=utf-8"),
            ("INDEX.HTM", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("search.js", "text/javascript; charset=utf-8"),
            ("notes.txt", "text/plain; charset=utf-8"),
            ("search/shard-0.json", "application/json"),
            ("sitemap.xml", "application/xml"),
            ("icon.svg", "image/svg+xml"),
            ("photo.JPG", "image/jpeg"),
            ("offline.zip", "application/zip"),
            ("font.woff2", "font/woff2"),
            ("handout.pdf", "application/pdf"),
            ("no-extension", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(file)), kind, "{file}");
        }
    }
}
