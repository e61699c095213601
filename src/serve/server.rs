//! The HTTP/1.1 server under `attune serve`: `hyper` on a small `tokio` runtime of its
//! own, so each connection is bounded from its first byte. A client has [`HEAD_TIME`]
//! to send a whole request head (however slowly it trickles, and counted again while a
//! kept-alive connection waits for its next request), at most [`MAX_HEAD`] bytes of it
//! (more gets 431), and [`RESPONSE_TIME`] to take a whole response; then it is dropped.
//! About [`MAX_CONNECTIONS`] are served at once: past that, the connection that has
//! waited longest for its request is closed to make room, so stalled clients cannot
//! keep a new one out. An error while accepting (too many open files, a connection
//! reset before it was taken) never stops the loop. Only `GET` and `HEAD` are
//! answered. The handler is synchronous (it reads files, and the live-reload long poll
//! blocks), so it runs on the runtime's blocking pool.

use std::collections::VecDeque;
use std::future::Future;
use std::io;
use std::net::TcpListener;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderName, HeaderValue};
use hyper::{Method, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::{Notify, Semaphore};
use tokio::time::Sleep;

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
/// The most header lines in a request head; more gets 431.
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

type Handler = dyn Fn(&Request) -> Response + Send + Sync;

/// Accepts connections on `listener` for ever, on a thread of its own, answering each
/// request with `handler`.
pub(super) fn spawn<H>(listener: TcpListener, handler: H)
where
    H: Fn(&Request) -> Response + Send + Sync + 'static,
{
    let handler: Arc<Handler> = Arc::new(handler);
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            // Every connection may be inside the handler at once (the long poll).
            .max_blocking_threads(MAX_CONNECTIONS + 16)
            .enable_all()
            .build();
        match runtime {
            Ok(runtime) => runtime.block_on(accept_loop(listener, handler)),
            Err(e) => eprintln!("error: the server could not start: {e}"),
        }
    });
}

async fn accept_loop(listener: TcpListener, handler: Arc<Handler>) {
    let listener = match listener
        .set_nonblocking(true)
        .and_then(|()| tokio::net::TcpListener::from_std(listener))
    {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("error: the server could not start: {e}");
            return;
        }
    };
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let waiting = Arc::new(Waiting::default());
    let mut next_id = 0u64;
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, or a connection gone before it was taken:
                // wait a moment (stalled connections time out meanwhile) and go on.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let slot = match Arc::clone(&slots).try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) if waiting.close_oldest() => {
                // The closed connection gives its slot back as soon as its task sees it.
                let freed = tokio::time::timeout(
                    Duration::from_secs(1),
                    Arc::clone(&slots).acquire_owned(),
                );
                match freed.await {
                    Ok(Ok(slot)) => slot,
                    _ => {
                        refuse_busy(&stream);
                        continue;
                    }
                }
            }
            Err(_) => {
                refuse_busy(&stream);
                continue;
            }
        };
        next_id += 1;
        let (id, handler, waiting) = (next_id, Arc::clone(&handler), Arc::clone(&waiting));
        tokio::spawn(async move {
            serve_connection(stream, id, &waiting, handler).await;
            waiting.done(id);
            drop(slot);
        });
    }
}

/// Answers 503 to a connection over [`MAX_CONNECTIONS`], without waiting on it.
fn refuse_busy(stream: &TcpStream) {
    let _ = stream.try_write(
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\nConnection: close\r\n\r\n",
    );
}

/// The connections waiting for a request (not inside the handler), longest first,
/// each with the signal that closes it.
#[derive(Default)]
struct Waiting(Mutex<VecDeque<(u64, Arc<Notify>)>>);

impl Waiting {
    fn wait(&self, id: u64, close: &Arc<Notify>) {
        if let Ok(mut list) = self.0.lock() {
            list.push_back((id, Arc::clone(close)));
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
            Some((_, close)) => {
                close.notify_one();
                true
            }
            None => false,
        }
    }
}

/// Serves the requests of one connection until it closes, breaks a bound, or is
/// closed to make room.
async fn serve_connection(
    stream: TcpStream,
    id: u64,
    waiting: &Arc<Waiting>,
    handler: Arc<Handler>,
) {
    let _ = stream.set_nodelay(true);
    let close = Arc::new(Notify::new());
    waiting.wait(id, &close);
    let service = {
        let (waiting, close) = (Arc::clone(waiting), Arc::clone(&close));
        hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let (handler, waiting, close) = (
                Arc::clone(&handler),
                Arc::clone(&waiting),
                Arc::clone(&close),
            );
            async move {
                waiting.done(id);
                let response = answer(request, handler).await;
                waiting.wait(id, &close);
                Ok::<_, std::convert::Infallible>(response)
            }
        })
    };
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIME)
        .max_header_size(MAX_HEAD)
        .max_headers(MAX_HEADERS)
        .title_case_headers(true)
        .keep_alive(true);
    let connection = builder.serve_connection(TokioIo::new(Bounded::new(stream)), service);
    let closed = close.notified();
    let mut connection = std::pin::pin!(connection);
    let mut closed = std::pin::pin!(closed);
    std::future::poll_fn(|cx| {
        if closed.as_mut().poll(cx).is_ready() {
            return Poll::Ready(());
        }
        connection.as_mut().poll(cx).map(|_| ())
    })
    .await;
}

/// Answers one request: the handler for `GET` and `HEAD` (hyper leaves out the body
/// of the latter), 405 for the rest.
async fn answer(
    request: hyper::Request<Incoming>,
    handler: Arc<Handler>,
) -> hyper::Response<Full<Bytes>> {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = Response::text(405, "Method not allowed\n");
        response.headers.push(("Allow", "GET, HEAD".into()));
        response.headers.push(("Connection", "close".into()));
        return to_hyper(response);
    }
    // A body is never read: a request that sends one is answered, then closed.
    let has_body = request.headers().contains_key(header::TRANSFER_ENCODING)
        || request
            .headers()
            .get_all(header::CONTENT_LENGTH)
            .iter()
            .any(|n| n.as_bytes() != b"0");
    let request = to_request(&request);
    let response = tokio::task::spawn_blocking(move || handler(&request))
        .await
        .unwrap_or_else(|_| Response::text(500, "Internal error\n"));
    let mut response = to_hyper(response);
    if has_body {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// What the handler sees of a request.
fn to_request<B>(request: &hyper::Request<B>) -> Request {
    let hosts: Vec<_> = request.headers().get_all(header::HOST).iter().collect();
    Request {
        target: request.uri().to_string(),
        // Two Host headers name no one host.
        host: match hosts[..] {
            [host] => Some(String::from_utf8_lossy(host.as_bytes()).trim().to_string()),
            _ => None,
        },
    }
}

fn to_hyper(response: Response) -> hyper::Response<Full<Bytes>> {
    let length = response.body.len();
    let mut built = hyper::Response::new(Full::new(Bytes::from(response.body)));
    *built.status_mut() =
        StatusCode::from_u16(response.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = built.headers_mut();
    for (name, value) in &response.headers {
        // A value that would carry a line break (or any control character) is left
        // out: HeaderValue refuses it.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            headers.append(name, value);
        }
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    built
}

/// A connection whose writing of one response is bounded by [`RESPONSE_TIME`]: the
/// clock starts at the first write of a response and stops when hyper flushes, which
/// it does once the whole response is handed to the system (a response is one
/// buffer: [`Full`]). Nothing the client sends meanwhile moves the clock.
struct Bounded {
    stream: TcpStream,
    response_deadline: Option<Pin<Box<Sleep>>>,
}

impl Bounded {
    fn new(stream: TcpStream) -> Bounded {
        Bounded {
            stream,
            response_deadline: None,
        }
    }

    fn out_of_time(&mut self, cx: &mut Context<'_>) -> bool {
        let deadline = self
            .response_deadline
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(RESPONSE_TIME)));
        deadline.as_mut().poll(cx).is_ready()
    }
}

impl AsyncRead for Bounded {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Bounded {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.out_of_time(cx) {
            return Poll::Ready(Err(io::ErrorKind::TimedOut.into()));
        }
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        if self.out_of_time(cx) {
            return Poll::Ready(Err(io::ErrorKind::TimedOut.into()));
        }
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let flushed = Pin::new(&mut self.stream).poll_flush(cx);
        if matches!(flushed, Poll::Ready(Ok(()))) {
            // hyper flushes only when all it wrote has been taken: the response is out.
            self.response_deadline = None;
        }
        flushed
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_seen_as_sent_and_two_hosts_name_none() {
        let request = hyper::Request::get("/a/?q=1")
            .header("Host", "localhost:4000")
            .body(())
            .unwrap();
        let seen = to_request(&request);
        assert_eq!(seen.target, "/a/?q=1");
        assert_eq!(seen.host.as_deref(), Some("localhost:4000"));
        let request = hyper::Request::get("/")
            .header("Host", "a")
            .header("Host", "b")
            .body(())
            .unwrap();
        assert_eq!(
            to_request(&request).host,
            None,
            "two Host headers name no host"
        );
        let request = hyper::Request::get("/").body(()).unwrap();
        assert_eq!(to_request(&request).host, None);
    }

    #[test]
    fn responses_never_carry_a_line_break_in_a_header() {
        let mut response = Response::text(200, "x");
        response
            .headers
            .push(("Location", "/a\r\nSet-Cookie: b".into()));
        let built = to_hyper(response);
        assert!(built.headers().get("Location").is_none());
        assert_eq!(built.headers()["Content-Length"], "1");
        assert_eq!(built.headers()["X-Content-Type-Options"], "nosniff");
    }
}
