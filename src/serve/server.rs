//! The HTTP/1.1 server under `attune serve`: an accept loop of its own, so each
//! connection is bounded from its first byte. A client has [`HEAD_TIME`] to send a
//! whole request head (however slowly it trickles), at most [`MAX_HEAD`] bytes of it,
//! and [`RESPONSE_TIME`] to take a whole response; then it is dropped. Each
//! connection has its own thread, about [`MAX_CONNECTIONS`] at once: past that, the
//! connection that has waited longest for its request is closed to make room, so
//! stalled clients cannot keep a new one out. An error while accepting (too many open
//! files, a connection reset before it was taken) never stops the loop. Requests are
//! parsed by `httparse`; only `GET` and `HEAD` are answered.

use std::collections::VecDeque;
use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a client may take to send a whole request head, counted from when the
/// server starts waiting for it (a kept-alive connection's idle time included).
pub(super) const HEAD_TIME: Duration = Duration::from_secs(10);
/// How long a client may take to receive a whole response.
pub(super) const RESPONSE_TIME: Duration = Duration::from_secs(30);
/// The largest request head (request line and headers) read; larger gets 431.
pub(super) const MAX_HEAD: usize = 16 * 1024;
/// The most connections served at once; past it, the one waiting longest for its
/// request is closed (and if none is waiting, the new one is answered 503).
pub(super) const MAX_CONNECTIONS: usize = 512;
/// The most header lines in a request head.
const MAX_HEADERS: usize = 64;

/// A request as the handler sees it.
pub(super) struct Request {
    /// The request target as sent: path, then query.
    pub target: String,
    /// The `Host` header; `None` when missing or sent more than once.
    pub host: Option<String>,
}

/// A response: status, headers (`Content-Length` and `Connection` are added), body.
pub(super) struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// A short plain-text response.
    pub(super) fn text(status: u16, text: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
            body: text.as_bytes().to_vec(),
        }
    }
}

/// Accepts connections on `listener` for ever, on a thread of its own, answering each
/// request with `handler`.
pub(super) fn spawn<H>(listener: TcpListener, handler: H)
where
    H: Fn(&Request) -> Response + Send + Sync + 'static,
{
    let handler = Arc::new(handler);
    let open = Arc::new(AtomicUsize::new(0));
    let waiting = Arc::new(Waiting::default());
    let mut next_id = 0u64;
    std::thread::spawn(move || loop {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, or a connection gone before it was taken:
                // wait a moment (stalled connections time out meanwhile) and go on.
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
        };
        if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS && !waiting.close_oldest() {
            refuse_busy(stream);
            continue;
        }
        open.fetch_add(1, Ordering::SeqCst);
        next_id += 1;
        let id = next_id;
        let (handler, counted, waiting) = (
            Arc::clone(&handler),
            Arc::clone(&open),
            Arc::clone(&waiting),
        );
        let spawned = std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || {
                serve_connection(stream, id, &waiting, handler.as_ref());
                waiting.done(id);
                counted.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            open.fetch_sub(1, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(20));
        }
    });
}

/// The connections waiting for a request head, oldest first.
#[derive(Default)]
struct Waiting(Mutex<VecDeque<(u64, TcpStream)>>);

impl Waiting {
    fn wait(&self, id: u64, stream: &TcpStream) {
        if let (Ok(mut list), Ok(clone)) = (self.0.lock(), stream.try_clone()) {
            list.push_back((id, clone));
        }
    }

    fn done(&self, id: u64) {
        if let Ok(mut list) = self.0.lock() {
            list.retain(|(waiting, _)| *waiting != id);
        }
    }

    /// Closes the connection that has waited longest for its request; false if none
    /// is waiting.
    fn close_oldest(&self) -> bool {
        let oldest = self.0.lock().ok().and_then(|mut list| list.pop_front());
        match oldest {
            Some((_, stream)) => {
                let _ = stream.shutdown(std::net::Shutdown::Both);
                true
            }
            None => false,
        }
    }
}

/// Answers 503 to a connection over [`MAX_CONNECTIONS`], without waiting on it.
fn refuse_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
    let _ = stream.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\nConnection: close\r\n\r\n",
    );
}

/// Serves the requests of one connection until it closes, asks to close, breaks a
/// bound, or sends what is not a plain `GET`/`HEAD`.
fn serve_connection(
    mut stream: TcpStream,
    id: u64,
    waiting: &Waiting,
    handler: &(dyn Fn(&Request) -> Response + Sync),
) {
    let _ = stream.set_nodelay(true);
    let mut buffer = Vec::with_capacity(1024);
    loop {
        waiting.wait(id, &stream);
        let head = read_head(&mut stream, &mut buffer, Instant::now() + HEAD_TIME);
        waiting.done(id);
        let head_end = match head {
            Head::Complete(end) => end,
            Head::TooLarge => {
                let response = Response::text(431, "Request header fields too large\n");
                let _ = send(&mut stream, response, false, false);
                return;
            }
            Head::Gone => return,
        };
        let parsed = parse(&buffer[..head_end]);
        buffer.drain(..head_end);
        let (request, head_only, keep_alive) = match parsed {
            Parsed::Request {
                request,
                head_only,
                keep_alive,
            } => (request, head_only, keep_alive),
            Parsed::Refused(response) => {
                let _ = send(&mut stream, response, false, false);
                return;
            }
        };
        let response = handler(&request);
        if send(&mut stream, response, head_only, keep_alive).is_err() || !keep_alive {
            return;
        }
    }
}

enum Head {
    /// The head is `buffer[..end]`.
    Complete(usize),
    TooLarge,
    /// Closed, failed, or out of time.
    Gone,
}

/// Reads until `buffer` holds a whole request head, by `deadline`.
fn read_head(stream: &mut TcpStream, buffer: &mut Vec<u8>, deadline: Instant) -> Head {
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = head_end(buffer) {
            return Head::Complete(end);
        }
        if buffer.len() > MAX_HEAD {
            return Head::TooLarge;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Head::Gone;
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Head::Gone,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Head::Gone,
        }
    }
}

/// Where the blank line that ends a head ends, if `buffer` holds one.
fn head_end(buffer: &[u8]) -> Option<usize> {
    let crlf = memchr::memmem::find(buffer, b"\r\n\r\n").map(|i| i + 4);
    let lf = memchr::memmem::find(buffer, b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

enum Parsed {
    Request {
        request: Request,
        head_only: bool,
        keep_alive: bool,
    },
    Refused(Response),
}

/// Parses a whole request head.
fn parse(head: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    let bad = |text| Parsed::Refused(Response::text(400, text));
    match request.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => {
            return Parsed::Refused(Response::text(431, "Too many header fields\n"))
        }
        _ => return bad("Bad request\n"),
    }
    let (Some(method), Some(target), Some(version)) =
        (request.method, request.path, request.version)
    else {
        return bad("Bad request\n");
    };
    let field = |name: &str| {
        request
            .headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
            .collect::<Vec<_>>()
    };
    if method != "GET" && method != "HEAD" {
        let mut response = Response::text(405, "Method not allowed\n");
        response.headers.push(("Allow", "GET, HEAD".into()));
        return Parsed::Refused(response);
    }
    // A body is never read: a request that sends one is answered, then closed.
    let has_body =
        !field("Transfer-Encoding").is_empty() || field("Content-Length").iter().any(|n| n != "0");
    let connection = field("Connection").join(",").to_ascii_lowercase();
    let keep_alive = !has_body
        && if version >= 1 {
            !connection.contains("close")
        } else {
            connection.contains("keep-alive")
        };
    let hosts = field("Host");
    Parsed::Request {
        request: Request {
            target: target.to_string(),
            // Two Host headers name no one host.
            host: (hosts.len() == 1).then(|| hosts[0].clone()),
        },
        head_only: method == "HEAD",
        keep_alive,
    }
}

/// Writes `response` within [`RESPONSE_TIME`].
fn send(
    stream: &mut TcpStream,
    response: Response,
    head_only: bool,
    keep_alive: bool,
) -> std::io::Result<()> {
    let deadline = Instant::now() + RESPONSE_TIME;
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        // Values come from the request only through checked paths; never let one
        // carry a line break into the head.
        if !value.chars().any(char::is_control) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str(&format!(
        "X-Content-Type-Options: nosniff\r\nContent-Length: {}\r\nConnection: {}\r\n\r\n",
        response.body.len(),
        if keep_alive { "keep-alive" } else { "close" }
    ));
    let body: &[u8] = if head_only { &[] } else { &response.body };
    for piece in std::iter::once(head.as_bytes()).chain(body.chunks(64 * 1024)) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        stream.set_write_timeout(Some(left))?;
        stream.write_all(piece)?;
    }
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(head: &str) -> Parsed {
        parse(head.as_bytes())
    }

    #[test]
    fn requests_are_parsed_and_bounded() {
        let Parsed::Request {
            request,
            head_only,
            keep_alive,
        } = parsed("GET /a/?q=1 HTTP/1.1\r\nHost: localhost:4000\r\n\r\n")
        else {
            panic!("refused");
        };
        assert_eq!(request.target, "/a/?q=1");
        assert_eq!(request.host.as_deref(), Some("localhost:4000"));
        assert!(!head_only && keep_alive);
        let Parsed::Request { keep_alive, .. } = parsed("HEAD / HTTP/1.0\r\nHost: a\r\n\r\n")
        else {
            panic!("refused");
        };
        assert!(!keep_alive, "HTTP/1.0 closes unless asked");
        let Parsed::Request { request, .. } =
            parsed("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
        else {
            panic!("refused");
        };
        assert_eq!(request.host, None, "two Host headers name no host");
        for (head, status) in [
            ("POST / HTTP/1.1\r\nHost: a\r\n\r\n", 405),
            ("GET / HTTP/9\r\n\r\n", 400),
            ("GET /\x01 HTTP/1.1\r\n\r\n", 400),
        ] {
            assert!(
                matches!(parsed(head), Parsed::Refused(Response { status: s, .. }) if s == status),
                "{head:?}"
            );
        }
        let many: String = (0..100).map(|i| format!("X-{i}: y\r\n")).collect();
        assert!(matches!(
            parsed(&format!("GET / HTTP/1.1\r\n{many}\r\n")),
            Parsed::Refused(Response { status: 431, .. })
        ));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n\r\nrest"), Some(27));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n"), None);
    }
}
