//! `attune serve`: started on port 0, sources edited, added, renamed and deleted while
//! polling until pages change; the folder served always equals a full build; paths
//! outside the build folder are never served.

use crate::support::{snapshot, Fixture};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) struct Server {
    pub child: Child,
    pub address: String,
    pub out: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn start(site: &Fixture) -> Server {
    let out = site.path("../served");
    let mut child = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["serve", "--port", "0", "--out"])
        .arg(&out)
        .current_dir(&site.root)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let line = lines.next().unwrap().unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server {
        child,
        address,
        out,
    }
}

/// A raw HTTP/1.1 GET, so the request path reaches the server exactly as written.
pub(crate) fn get(address: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let code = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (code, body)
}

#[track_caller]
pub(crate) fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if ready() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

/// The served folder equals a fresh full build of the same sources.
#[track_caller]
pub(crate) fn assert_same_as_full_build(site: &Fixture, out: &Path) {
    site.run(&["build", "--out", "full"]).assert_code(0);
    let mut full = site.snapshot("full");
    // The offline edition, and the marker that indexes its archive, are build-only.
    full.remove(Path::new("offline.zip"));
    full.remove(Path::new(".attune-output"));
    // A served folder has no offline.zip, so its pages do not link to one.
    for (path, bytes) in full.iter_mut() {
        if path.extension().is_some_and(|e| e == "html") {
            *bytes = without_offline_zip_links(&String::from_utf8_lossy(bytes)).into_bytes();
        }
    }
    let mut served = snapshot(out);
    served.remove(Path::new(".attune-output"));
    let names =
        |m: &std::collections::BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&served), names(&full), "same files");
    for (path, bytes) in &full {
        assert!(
            served[path] == *bytes,
            "{} differs from a full build",
            path.display()
        );
    }
}

/// `html` without the elements (`<li>` or `<p>`) that link to `offline.zip`.
fn without_offline_zip_links(html: &str) -> String {
    let mut out = html.to_string();
    while let Some(at) = out.find("offline.zip") {
        let li = out[..at].rfind("<li>");
        let p = out[..at].rfind("<p>");
        let (start, close) = match (li, p) {
            (Some(l), Some(p)) if p > l => (p, "</p>"),
            (Some(l), _) => (l, "</li>"),
            (None, Some(p)) => (p, "</p>"),
            (None, None) => break,
        };
        let Some(end) = out[at..].find(close) else {
            break;
        };
        out.replace_range(start..at + end + close.len(), "");
    }
    out
}

#[test]
fn edits_additions_renames_and_deletions_show_up_and_match_a_full_build() {
    let site = Fixture::new("basic");
    let server = start(&site);
    let a = &server.address;
    let (code, home) = get(a, "/");
    assert_eq!(code, 200);
    assert!(
        home.contains("<script src=\"/__attune/live.js\" data-build=\"1\"></script>"),
        "live reload is injected when serving"
    );
    assert!(
        !std::fs::read_to_string(server.out.join("index.html"))
            .unwrap()
            .contains("live.js"),
        "but never written to disk"
    );

    // Edit.
    let path = site.path("content/patterns/dismissive-family.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "Some families wave feelings away.",
            "Some families brush feelings aside.",
        ),
    )
    .unwrap();
    wait_until("the edit", || {
        get(a, "/patterns/dismissive-family/")
            .1
            .contains("brush feelings aside")
    });
    assert_same_as_full_build(&site, &server.out);

    // Add, with an editor-style atomic save: write a temporary file, then rename it.
    site.write(
        "content/effects/.new.md.tmp",
        "---\ntitle: Shame\n---\nShame can follow [[dismissive-family]].\n",
    );
    std::fs::rename(
        site.path("content/effects/.new.md.tmp"),
        site.path("content/effects/shame.md"),
    )
    .unwrap();
    wait_until("the new page", || get(a, "/effects/shame/").0 == 200);
    wait_until("the backlink", || {
        get(a, "/patterns/dismissive-family/")
            .1
            .contains(">Shame</a>")
    });
    assert_same_as_full_build(&site, &server.out);

    // Rename.
    std::fs::rename(
        site.path("content/effects/shame.md"),
        site.path("content/effects/shame-and-guilt.md"),
    )
    .unwrap();
    wait_until("the renamed page", || {
        get(a, "/effects/shame-and-guilt/").0 == 200 && get(a, "/effects/shame/").0 == 404
    });
    assert_same_as_full_build(&site, &server.out);

    // Delete.
    site.remove("content/effects/shame-and-guilt.md");
    wait_until("the deleted page to go", || {
        get(a, "/effects/shame-and-guilt/").0 == 404
    });
    let (_, not_found) = get(a, "/effects/shame-and-guilt/");
    assert!(
        not_found.contains("Page not found"),
        "the 404 page is served"
    );
    assert_same_as_full_build(&site, &server.out);
}

#[test]
fn errors_keep_the_last_good_build_and_clear_when_fixed() {
    let site = Fixture::new("basic");
    site.strict_links();
    let server = start(&site);
    let a = &server.address;
    let before = get(a, "/effects/alexithymia/").1;
    let path = site.path("content/effects/alexithymia.md");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{good}\nSee [[nowhere]].\n")).unwrap();
    wait_until("the error", || {
        get(a, "/__attune/status")
            .1
            .contains("broken link to 'nowhere'")
    });
    assert_eq!(
        get(a, "/effects/alexithymia/").1,
        before,
        "still serving the last good build"
    );
    std::fs::write(&path, format!("{good}\nSee [[counter-dependence]].\n")).unwrap();
    wait_until("the fix", || {
        get(a, "/__attune/status").1.contains("\"errors\":\"\"")
    });
    assert!(get(a, "/effects/alexithymia/")
        .1
        .contains("href=\"../../effects/counter-dependence/\""));
}

#[test]
fn template_and_config_changes_rebuild() {
    let site = Fixture::new("basic");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replace("[site]\n", "[build]\ntheme = \"mine\"\n\n[site]\n"),
    );
    site.write(
        "themes/mine/templates/tags.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Tags one</h1>{% endblock main %}",
    );
    let server = start(&site);
    let a = &server.address;
    site.write(
        "themes/mine/templates/tags.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Tags two</h1>{% endblock main %}",
    );
    wait_until("the template change", || {
        get(a, "/tags/").1.contains("Tags two")
    });
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replace("title = \"Fixture Library\"", "title = \"Renamed Library\""),
    );
    wait_until("the config change", || {
        get(a, "/").1.contains("Renamed Library")
    });
    assert_same_as_full_build(&site, &server.out);
}

#[test]
fn a_change_to_gitbooks_settings_rebuilds() {
    // `.gitbook.yaml` names the home page's text: serve read it only at start, and an
    // edit to it (hidden, as the loader's ignored names are) rebuilt nothing.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write(".gitbook.yaml", "structure:\n  readme: README.md\n");
    site.write("book/SUMMARY.md", "# Summary\n\n* [Welcome](intro.md)\n");
    site.write(
        "book/README.md",
        "# Repository\n\nFor browsing on GitHub.\n",
    );
    site.write("book/intro.md", "# Welcome\n\nStart here.\n");
    let server = start(&site);
    let a = &server.address;
    assert!(get(a, "/").1.contains("For browsing on GitHub"));
    site.write(".gitbook.yaml", "structure:\n  readme: intro.md\n");
    wait_until("the GitBook settings change", || {
        get(a, "/").1.contains("Start here.")
    });
    assert_same_as_full_build(&site, &server.out);
}

#[test]
fn never_serves_outside_the_build_folder() {
    let site = Fixture::new("basic");
    let server = start(&site);
    let a = &server.address;
    std::fs::write(server.out.parent().unwrap().join("secret.txt"), "secret").unwrap();
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/patterns/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "//etc/passwd",
        "/%00",
    ] {
        let (code, body) = get(a, path);
        assert!(code == 400 || code == 404, "{path}: {code}");
        assert!(
            !body.contains("secret") && !body.contains("root:"),
            "{path} leaked"
        );
    }
    let (code, _) = get(a, "/patterns");
    assert_eq!(code, 301, "folders redirect to their slash form");
    let raw = |path: &str| {
        let mut stream = TcpStream::connect(a).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        text
    };
    assert!(raw("/assets/style.css").contains("Content-Type: text/css"));
    assert!(raw("/search/index.js").contains("Content-Type: text/javascript"));
    assert!(raw("/sitemap.xml").contains("Content-Type: application/xml"));
}

#[test]
fn a_burst_of_a_hundred_saves_gives_one_rebuild() {
    let site = Fixture::new("basic");
    let server = start(&site);
    let a = server.address.as_str();
    let builds = || {
        let body = get(a, "/__attune/status").1;
        let body = body.split("\r\n\r\n").nth(1).unwrap_or(&body).to_string();
        serde_json::from_str::<serde_json::Value>(&body).unwrap()["build"]
            .as_u64()
            .unwrap()
    };
    let before = builds();
    let path = site.path("content/patterns/dismissive-family.md");
    let text = std::fs::read_to_string(&path).unwrap();
    // A burst is saves closer together than serve's quiet gap (four debounce periods,
    // 40 ms). On an overloaded machine this thread can be descheduled for longer
    // between two saves, which ends the burst there: each such pause may add one
    // rebuild, and only those.
    let mut pauses = 0;
    let mut last = std::time::Instant::now();
    for n in 0..100 {
        std::fs::write(&path, format!("{text}\nBurst line {n}.\n")).unwrap();
        if last.elapsed() > Duration::from_millis(30) {
            pauses += 1;
        }
        last = std::time::Instant::now();
    }
    wait_until("the burst", || {
        get(a, "/patterns/dismissive-family/")
            .1
            .contains("Burst line 99.")
    });
    // Give a second rebuild, if one were coming, time to land.
    std::thread::sleep(Duration::from_millis(500));
    let rebuilds = builds() - before;
    assert!(
        (1..=1 + pauses).contains(&rebuilds),
        "one rebuild for the whole burst: {rebuilds} rebuilds, {pauses} pauses over 30 ms between saves"
    );
}

/// Replaces `from` with `to` in the site file `rel`, which must contain it.
#[track_caller]
fn edit(site: &Fixture, rel: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    assert!(text.contains(from), "{rel} contains {from:?}");
    site.write(rel, text.replacen(from, to, 1));
}

/// Every kind of edit an author makes, each rebuilt incrementally in one serve
/// session, equals a full build of the same sources; an edit to one article's prose
/// renders that article's page alone.
#[test]
fn each_kind_of_edit_rebuilds_incrementally_to_what_a_full_build_writes() {
    let site = Fixture::library();
    let out = site.path("../served");
    let mut session = attune::serve::Session::new(site.root.clone(), out.clone(), false);
    let first = session.rebuild().unwrap();
    assert!(!first.diagnostics.has_errors());
    assert!(first.rendered > 80, "the first build renders every page");

    const CHAOS: &str = "content/patterns/chaotic-family.md";
    type Edit = (&'static str, fn(&Fixture), Option<usize>);
    let edits: [Edit; 23] = [
        (
            "prose only",
            |s| {
                edit(
                    s,
                    CHAOS,
                    "there is always something going wrong",
                    "something is always going wrong",
                )
            },
            Some(1),
        ),
        (
            "the sentence around a link (another page's backlink)",
            |s| {
                edit(
                    s,
                    CHAOS,
                    "Your body may stay tense or jumpy",
                    "Your body may stay tight or jumpy",
                )
            },
            None,
        ),
        (
            "title",
            |s| {
                edit(
                    s,
                    CHAOS,
                    "title: The chaotic family",
                    "title: The chaotic household",
                )
            },
            None,
        ),
        (
            "summary",
            |s| {
                edit(
                    s,
                    CHAOS,
                    "summary: When a home lurches",
                    "summary: When a house lurches",
                )
            },
            None,
        ),
        (
            "tags",
            |s| edit(s, CHAOS, "tags: [family, ", "tags: [family, sleep, "),
            None,
        ),
        (
            "relations",
            |s| {
                edit(
                    s,
                    CHAOS,
                    "relations:\n",
                    "relations:\n  approaches: [emdr]\n",
                )
            },
            None,
        ),
        (
            "a new link",
            |s| {
                edit(
                    s,
                    CHAOS,
                    "## What a child learns",
                    "See also [[emdr]].\n\n## What a child learns",
                )
            },
            None,
        ),
        (
            "a new citation",
            |s| {
                edit(
                    s,
                    CHAOS,
                    "## What a child learns",
                    "As one book puts it [@webb2012].\n\n## What a child learns",
                )
            },
            None,
        ),
        (
            "a glossary term",
            |s| {
                edit(
                    s,
                    CHAOS,
                    "## What a child learns",
                    "This is one form of alexithymia.\n\n## What a child learns",
                )
            },
            None,
        ),
        (
            "handout",
            |s| edit(s, CHAOS, "order: 50\n", "order: 50\nhandout: true\n"),
            None,
        ),
        (
            "last updated",
            |s| edit(s, CHAOS, "order: 50\n", "order: 50\nupdated: 2026-11-20\n"),
            None,
        ),
        (
            "author",
            |s| {
                edit(
                    s,
                    CHAOS,
                    "author: Understanding Emotional Neglect editorial team",
                    "author: Understanding Emotional Neglect editors",
                )
            },
            None,
        ),
        (
            "alias",
            |s| edit(s, CHAOS, "order: 50\n", "order: 50\naliases: [/chaos/]\n"),
            None,
        ),
        (
            "reading time",
            |s| {
                edit(
                    s,
                    CHAOS,
                    "## What a child learns",
                    &format!(
                        "{}\n\n## What a child learns",
                        "More words here. ".repeat(400)
                    ),
                )
            },
            None,
        ),
        (
            "glossary file",
            |s| {
                edit(
                    s,
                    "content/glossary.yaml",
                    "Difficulty noticing, naming",
                    "Trouble noticing, naming",
                )
            },
            None,
        ),
        (
            "references file",
            |s| {
                edit(
                    s,
                    "content/references.yaml",
                    "Running on Empty: Overcome",
                    "Running on Empty: Overcoming",
                )
            },
            None,
        ),
        (
            "reading path",
            |s| {
                edit(
                    s,
                    "content/paths/the-body.yaml",
                    "Start with how a stressed",
                    "Begin with how a stressed",
                )
            },
            None,
        ),
        (
            "a new article",
            |s| {
                s.write("content/effects/shame.md", "---\ntitle: Shame\ntags: [family]\n---\nShame can follow [[chaotic-family]].\n")
            },
            None,
        ),
        (
            "a rename",
            |s| {
                std::fs::rename(
                    s.path("content/effects/shame.md"),
                    s.path("content/effects/shame-and-guilt.md"),
                )
                .unwrap()
            },
            None,
        ),
        (
            "a draft",
            |s| {
                edit(
                    s,
                    "content/effects/shame-and-guilt.md",
                    "title: Shame\n",
                    "title: Shame\ndraft: true\n",
                )
            },
            None,
        ),
        (
            "published again",
            |s| edit(s, "content/effects/shame-and-guilt.md", "draft: true\n", ""),
            None,
        ),
        (
            "a deletion",
            |s| s.remove("content/effects/shame-and-guilt.md"),
            None,
        ),
        (
            "book.toml",
            |s| {
                edit(
                    s,
                    "book.toml",
                    "title = \"Understanding Emotional Neglect\"",
                    "title = \"Understanding Neglect\"",
                )
            },
            None,
        ),
    ];
    for (what, change, rendered) in edits {
        change(&site);
        let rebuild = session.rebuild().unwrap();
        assert!(!rebuild.diagnostics.has_errors(), "{what}: no errors");
        if let Some(expected) = rendered {
            assert_eq!(rebuild.rendered, expected, "{what}: pages rendered");
        }
        assert!(rebuild.rendered >= 1, "{what}: the edited page renders");
        assert_same_as_full_build(&site, &out);
    }
}

/// An error found while parsing one article is reported by every rebuild until it is
/// fixed, also by rebuilds that reuse that article's parse.
#[test]
fn an_article_error_persists_across_rebuilds_of_other_articles_until_fixed() {
    let site = Fixture::library();
    let mut session = attune::serve::Session::new(site.root.clone(), site.path("../served"), false);
    assert!(!session.rebuild().unwrap().diagnostics.has_errors());
    const CHAOS: &str = "content/patterns/chaotic-family.md";
    edit(&site, CHAOS, "[@porges2022]", "[@nobody1999]");
    let unknown = |rebuild: &attune::serve::Rebuild| {
        rebuild
            .diagnostics
            .sorted()
            .iter()
            .any(|d| d.message.contains("nobody1999"))
    };
    assert!(
        unknown(&session.rebuild().unwrap()),
        "the error is reported"
    );
    let other = site.path("content/tools/journaling.md");
    let text = std::fs::read_to_string(&other).unwrap();
    std::fs::write(&other, text + "\nOne more line.\n").unwrap();
    let again = session.rebuild().unwrap();
    assert!(
        again.diagnostics.has_errors() && unknown(&again),
        "and again after another edit"
    );
    edit(&site, CHAOS, "[@nobody1999]", "[@porges2022]");
    assert!(
        !session.rebuild().unwrap().diagnostics.has_errors(),
        "the fix clears it"
    );
    assert_same_as_full_build(&site, &site.path("../served"));
}
