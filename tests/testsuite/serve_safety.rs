//! `attune serve` on a machine other people and other web pages share: the Host rule,
//! stalled clients, redirects, the long-poll reload channel, a broken book.toml, a
//! deleted served folder and `[build] content_dir`. Each against a real server on
//! 127.0.0.1.

use crate::serve::{assert_same_as_full_build, get, start, wait_until};
use crate::support::Fixture;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A raw request with the given head lines; the whole response as text.
fn raw(address: &str, head: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(stream, "{head}\r\n\r\n").unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

/// A served page less its live-reload script, which names the build number.
fn without_script(page: &str) -> String {
    page.lines()
        .filter(|l| !l.contains("/__attune/live.js"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn code(response: &str) -> u16 {
    response
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

fn status_json(address: &str, query: &str) -> serde_json::Value {
    let body = get(address, &format!("/__attune/status{query}")).1;
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[test]
fn only_the_bound_address_and_localhost_names_are_answered() {
    let site = Fixture::new("basic");
    let server = start(&site);
    let a = &server.address;
    let port = a.rsplit(':').next().unwrap();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let response = raw(
            a,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close"),
        );
        assert_eq!(code(&response), 200, "{host}");
    }
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_string(),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1:{}", port.parse::<u16>().unwrap().wrapping_add(1)),
        "127.0.0.1".to_string(),
        format!("attacker@127.0.0.1:{port}"),
        String::new(),
    ] {
        for path in ["/", "/__attune/status", "/__attune/live.js", "/effects/"] {
            let response = raw(
                a,
                &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close"),
            );
            assert_eq!(code(&response), 403, "{host} {path}");
            assert!(
                !response.contains("\"build\""),
                "{host} {path}: status leaked"
            );
            assert!(!response.contains("<html"), "{host} {path}: a page leaked");
        }
    }
    // HTTP/1.0 without any Host header.
    assert_eq!(code(&raw(a, "GET / HTTP/1.0")), 403);
}

#[test]
fn redirects_never_leave_the_site() {
    let site = Fixture::new("basic");
    let server = start(&site);
    let a = &server.address;
    for path in [
        "//evil.example",
        "//evil.example/",
        "///evil.example",
        "//assets",
        "///assets",
        "//effects",
        "/./effects",
        "//%65vil.example",
        "/%2f%2fevil.example",
        "/\\evil.example",
    ] {
        let response = raw(
            a,
            &format!("GET {path} HTTP/1.1\r\nHost: {a}\r\nConnection: close"),
        );
        for line in response.lines() {
            if let Some(to) = line
                .to_ascii_lowercase()
                .strip_prefix("location:")
                .map(|t| t.trim().to_string())
            {
                assert!(to.starts_with('/'), "{path} → {to}");
                assert!(
                    !to.starts_with("//") && !to.starts_with("/\\"),
                    "{path} → {to}"
                );
            }
        }
    }
    let response = raw(
        a,
        &format!("GET //assets HTTP/1.1\r\nHost: {a}\r\nConnection: close"),
    );
    assert_eq!(code(&response), 301);
    assert!(response.contains("Location: /assets/\r\n"), "{response}");
}

#[test]
fn stalled_clients_never_stop_others_being_served() {
    let site = Fixture::new("basic");
    // A 5 MB file: far more than a socket buffers.
    site.write("content/big.txt", "x".repeat(5 << 20));
    let server = start(&site);
    let a = &server.address;
    let stalled: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut s = TcpStream::connect(a).unwrap();
            write!(s, "GET /big.txt HTTP/1.1\r\nHost: {a}\r\n\r\n").unwrap();
            s
        })
        .collect();
    // And a few that send half a request and stop.
    let half: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = TcpStream::connect(a).unwrap();
            write!(s, "GET / HTTP/1.1\r\nHo").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    for n in 0..10 {
        let start = Instant::now();
        let (code, body) = get(a, "/effects/alexithymia/");
        assert_eq!(code, 200, "request {n}");
        assert!(body.contains("Alexithymia"));
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "request {n} waited"
        );
    }
    // A client that never finishes its request holds only its own connection: a new
    // one is still answered. And the server keeps accepting after a quiet spell longer
    // than the send timeout (a receive timeout on the listener once made `accept` fail
    // there, and no new connection was ever answered again).
    let mut slow = TcpStream::connect(a).unwrap();
    write!(slow, "GET / HTTP/1.1\r\n").unwrap();
    std::thread::sleep(Duration::from_secs(12));
    let start = Instant::now();
    let (status, page) = get(a, "/");
    assert_eq!(status, 200, "{page}");
    assert!(start.elapsed() < Duration::from_secs(5));
    drop(slow);
    drop((stalled, half));
}

/// A client that asks for a large file and never reads is dropped 30 s after the
/// response began, however it keeps sending meanwhile: bytes it sends never extend
/// the bound (read while the response is held up, they once restarted the clock).
#[test]
fn a_response_nobody_takes_is_cut_after_thirty_seconds_whatever_the_client_sends() {
    let site = Fixture::new("basic");
    // Far more than the two sockets' buffers hold.
    let size = 48 << 20;
    site.write("content/big.txt", "x".repeat(size));
    let server = start(&site);
    let a = &server.address;
    let mut s = TcpStream::connect(a).unwrap();
    write!(s, "GET /big.txt HTTP/1.1\r\nHost: {a}\r\n\r\n").unwrap();
    let begin = Instant::now();
    // Just before the bound, the start of a next request, a byte a second, never
    // reading.
    std::thread::sleep(Duration::from_secs(27));
    for byte in b"GET /".iter().cycle().take(10) {
        let _ = s.write_all(&[*byte]);
        std::thread::sleep(Duration::from_secs(1));
    }
    std::thread::sleep(Duration::from_secs(41).saturating_sub(begin.elapsed()));
    // Now read all there is: a response cut at 30 s ends (or is reset) short.
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut taken = 0usize;
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        match s.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => taken += n,
        }
    }
    assert!(
        taken < size,
        "the whole response ({taken} bytes) was still sent {:?} after it began",
        begin.elapsed()
    );
    let (status, _) = get(a, "/");
    assert_eq!(status, 200);
}

/// Whether the server closed `stream` by `by`: a read gives end-of-file or a reset.
fn closed_by(stream: &mut TcpStream, by: Instant) -> bool {
    let mut byte = [0u8; 1024];
    loop {
        let left = by.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut byte) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return false,
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => return false,
            Err(_) => return true,
        }
    }
}

#[test]
fn slow_and_stalled_connections_are_dropped_within_a_bound() {
    let site = Fixture::new("basic");
    let server = start(&site);
    let a = server.address.clone();
    let begin = Instant::now();
    // Half-requests, a connection that sends nothing, and clients that trickle a byte
    // a second (each read on its own comes in time: only a bound on the whole request
    // catches them).
    let mut half: Vec<TcpStream> = (0..20)
        .map(|i| {
            let mut s = TcpStream::connect(&a).unwrap();
            if i > 0 {
                write!(s, "GET / HTTP/1.1\r\nHost: {a}\r\n").unwrap();
            }
            s
        })
        .collect();
    let tricklers: Vec<_> = (0..3)
        .map(|_| {
            let a = a.clone();
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(&a).unwrap();
                let start = Instant::now();
                for byte in
                    format!("GET / HTTP/1.1\r\nHost: {a}\r\nX-Slow: {}", "y".repeat(60)).bytes()
                {
                    if s.write_all(&[byte]).is_err() {
                        return start.elapsed();
                    }
                    std::thread::sleep(Duration::from_millis(500));
                    if start.elapsed() > Duration::from_secs(25) {
                        break;
                    }
                }
                start.elapsed()
            })
        })
        .collect();
    // Many stalled connections, more than the server serves at once, never keep a
    // new request out.
    let stalled: Vec<TcpStream> = (0..600)
        .map(|_| {
            let mut s = TcpStream::connect(&a).unwrap();
            let _ = write!(s, "GET / HTTP/1.1\r\n");
            s
        })
        .collect();
    let start = Instant::now();
    let (status, page) = get(&a, "/");
    assert_eq!(status, 200, "{page}");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    // A request head of a megabyte is refused early with 431, the server unharmed.
    let mut huge = TcpStream::connect(&a).unwrap();
    let _ = write!(
        huge,
        "GET / HTTP/1.1\r\nHost: {a}\r\nX-Big: {}",
        "z".repeat(1 << 20)
    );
    huge.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut answer = Vec::new();
    let _ = huge.read_to_end(&mut answer);
    assert!(
        String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 431"),
        "{}",
        String::from_utf8_lossy(&answer[..answer.len().min(200)])
    );
    // Every half-request is dropped within the bound (10 s to send a request head).
    let bound = begin + Duration::from_secs(16);
    for (i, s) in half.iter_mut().enumerate() {
        assert!(
            closed_by(s, bound),
            "half-request {i} still open after {:?}",
            begin.elapsed()
        );
    }
    for t in tricklers {
        let held = t.join().unwrap();
        assert!(
            held < Duration::from_secs(16),
            "a trickling client was held {held:?}"
        );
    }
    drop(stalled);
    // After a quiet spell longer than the bound, new connections are still answered.
    std::thread::sleep(Duration::from_secs(11));
    for _ in 0..3 {
        let start = Instant::now();
        let (status, _) = get(&a, "/effects/alexithymia/");
        assert_eq!(status, 200);
        assert!(start.elapsed() < Duration::from_secs(5));
    }
    // A kept-alive connection serves several requests, and HEAD has no body.
    let mut s = TcpStream::connect(&a).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "HEAD / HTTP/1.1\r\nHost: {a}\r\n\r\nGET /__attune/live.js HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n").unwrap();
    let mut both = String::new();
    s.read_to_string(&mut both).unwrap();
    assert_eq!(both.matches("HTTP/1.1 200 OK").count(), 2, "{both}");
    assert!(both.contains("?seen="), "the second answer is the script");
    assert!(!both.contains("<html"), "HEAD sends no body");
    let (status, _) = get(&a, "/");
    assert_eq!(status, 200);
    let post = raw(
        &a,
        &format!("POST / HTTP/1.1\r\nHost: {a}\r\nContent-Length: 0"),
    );
    assert_eq!(code(&post), 405, "{post}");
    let twice = raw(&a, &format!("GET / HTTP/1.1\r\nHost: {a}\r\nHost: {a}"));
    assert_eq!(code(&twice), 403, "two Host headers name no host: {twice}");
}

#[test]
fn live_reload_is_a_long_poll() {
    let site = Fixture::new("basic");
    let server = start(&site);
    let a = server.address.clone();
    let js = get(&a, "/__attune/live.js").1;
    assert!(js.contains("?seen="), "the script waits on the server");
    assert!(!js.contains("setTimeout(poll, 250)"));
    let first = status_json(&a, "");
    let version = first["version"].as_u64().unwrap();
    let build = first["build"].as_u64().unwrap();
    let waiter = {
        let a = a.clone();
        std::thread::spawn(move || {
            let start = Instant::now();
            (
                status_json(&a, &format!("?seen={version}")),
                start.elapsed(),
            )
        })
    };
    std::thread::sleep(Duration::from_millis(1500));
    assert!(!waiter.is_finished(), "answered with nothing new");
    let path = site.path("content/effects/alexithymia.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\nA new line.\n")).unwrap();
    let (answer, waited) = waiter.join().unwrap();
    assert!(waited < Duration::from_secs(20));
    assert!(answer["version"].as_u64().unwrap() > version);
    assert_eq!(answer["build"].as_u64().unwrap(), build + 1);
    // An out-of-date version is answered at once.
    let start = Instant::now();
    status_json(&a, &format!("?seen={version}"));
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_broken_book_toml_keeps_the_last_good_site_and_the_server() {
    let site = Fixture::new("basic");
    let mut server = start(&site);
    let a = server.address.clone();
    let good = std::fs::read(site.path("book.toml")).unwrap();
    let page = get(&a, "/effects/alexithymia/").1;
    let broken: [(&str, Option<Vec<u8>>); 4] = [
        ("invalid TOML", Some(b"[site\ntitle = ".to_vec())),
        ("half-saved", Some(good[..good.len() / 3].to_vec())),
        (
            "not UTF-8",
            Some(b"[site]\ntitle = \"\xff\xfe\"\n".to_vec()),
        ),
        ("missing", None),
    ];
    for (what, bytes) in broken {
        match bytes {
            Some(bytes) => std::fs::write(site.path("book.toml"), bytes).unwrap(),
            None => std::fs::remove_file(site.path("book.toml")).unwrap(),
        }
        wait_until(what, || {
            status_json(&a, "")["errors"]
                .as_str()
                .is_some_and(|e| e.contains("book.toml"))
        });
        assert!(
            server.child.try_wait().unwrap().is_none(),
            "{what}: serve exited"
        );
        assert!(
            without_script(&get(&a, "/effects/alexithymia/").1) == without_script(&page),
            "{what}: the last good page changed"
        );
        std::fs::write(site.path("book.toml"), &good).unwrap();
        wait_until("the fix", || status_json(&a, "")["errors"] == "");
    }
    assert_same_as_full_build(&site, &server.out);
}

#[test]
fn a_deleted_or_emptied_served_folder_is_restored_whole() {
    let site = Fixture::new("basic");
    let server = start(&site);
    let a = &server.address;
    let edit = |n: usize| {
        let path = site.path("content/about.md");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}\nEdit {n}.\n")).unwrap();
    };
    std::fs::remove_dir_all(&server.out).unwrap();
    edit(1);
    wait_until("the restore", || get(a, "/about/").1.contains("Edit 1."));
    assert_same_as_full_build(&site, &server.out);
    // Emptied, the folder itself left.
    for entry in std::fs::read_dir(&server.out).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
    }
    edit(2);
    wait_until("the second restore", || {
        get(a, "/about/").1.contains("Edit 2.")
    });
    assert_same_as_full_build(&site, &server.out);
}

#[test]
fn content_dir_is_honoured_for_watching_and_the_output_check() {
    let site = Fixture::new("basic");
    std::fs::rename(site.path("content"), site.path("docs")).unwrap();
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replace("[site]", "[build]\ncontent_dir = \"docs\"\n\n[site]"),
    );
    // --out inside the content folder is refused, as `build` refuses it.
    for out in ["docs/site", "docs"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_attune"))
            .args(["serve", "--port", "0", "--out", out])
            .current_dir(&site.root)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("serve --out {out} was not refused");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert_eq!(status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("overlaps the content folder"), "{stderr}");
        site.run(&["build", "--out", out])
            .assert_code(2)
            .assert_stderr_contains("overlaps the content folder");
    }
    let server = start(&site);
    let a = &server.address;
    let path = site.path("docs/effects/alexithymia.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\nWatched in docs.\n")).unwrap();
    wait_until("the edit in docs/", || {
        get(a, "/effects/alexithymia/")
            .1
            .contains("Watched in docs.")
    });
    // Editors' droppings the loader ignores trigger nothing.
    std::thread::sleep(Duration::from_millis(1500));
    let before = status_json(a, "")["version"].as_u64().unwrap();
    site.write("docs/effects/.alexithymia.md.swp", "x");
    site.write("docs/effects/alexithymia.md~", "x");
    site.write("docs/.hidden/page.md", "x");
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(status_json(a, "")["version"].as_u64().unwrap(), before);
}
