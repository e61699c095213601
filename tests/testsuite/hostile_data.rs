//! Data files and front matter with hostile structure: alias amplification, deep
//! nesting, 80,000 same-page anchors, lone CR line endings, duplicates, tags without
//! an address, names the file system cannot hold, numbers out of range, control
//! characters and closed pipes. `check` reports first what `build` would fail on.

use crate::support::{Fixture, Run};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn no_panic(run: &Run) {
    assert!(
        !run.stderr.contains("panicked") && run.code != 101,
        "{}",
        run.stderr
    );
}

/// Runs attune and returns the run, its peak memory in KiB (from wait4) and its time.
fn measured(site: &Fixture, args: &[&str]) -> (Run, i64, Duration) {
    use std::io::Read as _;
    use std::os::unix::process::ExitStatusExt as _;
    let start = Instant::now();
    // Reaped by wait4 below, which also reports its peak memory.
    #[allow(clippy::zombie_processes)]
    let mut child = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(args)
        .current_dir(&site.root)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut status = 0;
    // SAFETY: zeroed rusage is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    // SAFETY: pid is our child, not yet reaped; both pointers outlive the call.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    let elapsed = start.elapsed();
    let status = std::process::ExitStatus::from_raw(status);
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: reader.join().unwrap(),
    };
    (run, usage.ru_maxrss, elapsed)
}

/// The most a refused data file may add to a check's peak memory. A child's
/// `ru_maxrss` also counts the test process's own high-water mark at the moment it
/// execs (Linux carries it over), which varies with the tests running beside it, so
/// the bound is taken over a clean check of the same fixture measured the same way.
const MAX_EXTRA_KIB: i64 = 120 * 1024;

#[track_caller]
fn assert_bounded_memory(peak_kib: i64) {
    let clean = Fixture::new("basic");
    let (_, baseline_kib, _) = measured(&clean, &["check"]);
    assert!(
        peak_kib < baseline_kib.max(30 * 1024) + MAX_EXTRA_KIB,
        "peak memory {peak_kib} KiB against {baseline_kib} KiB for a clean check"
    );
}

#[track_caller]
fn assert_at(run: &Run, place: &str, message: &str) {
    let lines: Vec<&str> = run.stderr.lines().collect();
    let found = lines.windows(2).any(|w| {
        w[0].starts_with("error")
            && w[0].contains(message)
            && w[1].trim_start() == format!("--> {place}")
    });
    assert!(found, "no error {message:?} at {place}:\n{}", run.stderr);
}

/// Both `check` and `build` refuse the site with the same error; nothing is written.
#[track_caller]
fn check_and_build_agree(site: &Fixture, place: &str, message: &str) {
    let check = site.run(&["check"]);
    no_panic(&check);
    check.assert_code(1);
    assert_at(&check, place, message);
    let build = site.build();
    no_panic(&build);
    build.assert_code(1);
    assert_at(&build, place, message);
    assert!(!site.path("public").exists(), "a site was written");
}

fn alias_bomb(items: usize, copies: usize) -> String {
    let list = vec!["a"; items].join(", ");
    let mut text = format!("base: &b\n  title: base\n  authors: &list [{list}]\n");
    for i in 0..copies {
        text.push_str(&format!("r{i}: {{title: t, authors: *list}}\n"));
    }
    text
}

#[test]
fn alias_amplification_is_refused_in_bounded_memory() {
    let site = Fixture::new("basic");
    let bomb = alias_bomb(2000, 2000);
    assert!(bomb.len() < 110_000);
    site.write("content/references.yaml", &bomb);
    let (run, peak_kib, elapsed) = measured(&site, &["check"]);
    no_panic(&run);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // The first alias is on line 4, column 25.
    assert_at(
        &run,
        "content/references.yaml:4:25",
        "aliases expand this YAML",
    );
    assert_bounded_memory(peak_kib);
    assert!(elapsed < Duration::from_secs(30), "{elapsed:?}");
    check_and_build_agree(&site, "content/references.yaml:4:25", "aliases expand");
}

#[test]
fn alias_amplification_is_refused_in_every_yaml_source() {
    let site = Fixture::new("basic");
    // Front matter: a billion-laughs ladder.
    let mut front = String::from(
        "---\ntitle: Bomb\nsummary: x\nz: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        front.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        ));
    }
    front.push_str("---\nBody\n");
    site.write("content/effects/bomb.md", &front);
    let mut glossary = String::from(
        "- term: X\n  definition: &d [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    let mut prev = "d".to_string();
    for n in 0..8 {
        let name = format!("l{n}");
        glossary.push_str(&format!(
            "- term: Y{n}\n  definition: &{name} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
        prev = name;
    }
    site.write("content/glossary.yaml", &glossary);
    let (run, peak_kib, elapsed) = measured(&site, &["check"]);
    no_panic(&run);
    assert_eq!(run.code, 1);
    assert_at(&run, "content/effects/bomb.md:5:8", "aliases expand");
    assert_at(&run, "content/glossary.yaml:4:20", "aliases expand");
    assert_bounded_memory(peak_kib);
    assert!(elapsed < Duration::from_secs(30), "{elapsed:?}");
}

#[test]
fn a_few_aliases_are_still_fine() {
    let site = Fixture::new("basic");
    let glossary = std::fs::read_to_string(site.path("content/glossary.yaml")).unwrap();
    site.write(
        "content/glossary.yaml",
        format!("{glossary}- term: Mirroring\n  definition: &same Reflecting back what someone feels.\n- term: Echoing\n  definition: *same\n"),
    );
    let run = site.build();
    run.assert_code(0);
    assert!(site.read("glossary/index.html").contains("Echoing"));
}

#[test]
fn deep_nesting_is_rejected_fast_at_its_place() {
    let site = Fixture::new("basic");
    let deep = 40_000;
    site.write(
        "content/glossary.yaml",
        format!("{}{}\n", "[".repeat(deep), "]".repeat(deep)),
    );
    site.write(
        "content/paths/deep.yaml",
        format!("title: Deep\nsteps:\n{}x\n", "- ".repeat(deep)),
    );
    site.write(
        "content/effects/deep.md",
        format!(
            "---\ntitle: Deep\ntags: {}{}\n---\nBody\n",
            "{a: ".repeat(deep),
            "}".repeat(deep)
        ),
    );
    let start = Instant::now();
    let run = site.run(&["check"]);
    no_panic(&run);
    run.assert_code(1);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    assert_at(
        &run,
        "content/glossary.yaml:1:129",
        "nested more than 128 levels",
    );
    assert_at(
        &run,
        "content/paths/deep.yaml:3:1",
        "nested more than 128 levels",
    );
    assert_at(
        &run,
        "content/effects/deep.md:3:519",
        "nested more than 128 levels",
    );
    // Nesting the parser accepts is still accepted.
    site.write(
        "content/glossary.yaml",
        "- term: Nested\n  definition: Fine.\n",
    );
    site.remove("content/paths/deep.yaml");
    site.write(
        "content/effects/deep.md",
        format!(
            "---\ntitle: Deep\nextra: {}1{}\n---\nSee [[alexithymia]].\n",
            "[".repeat(20),
            "]".repeat(20)
        ),
    );
    let run = site.build();
    no_panic(&run);
    run.assert_code(0);
}

fn anchors_page(links: usize, wiki: bool) -> String {
    let mut text = String::from("---\ntitle: Anchors\n---\nSee [[alexithymia]].\n\n");
    for h in 0..1000 {
        text.push_str(&format!("## H{h}\n\n"));
    }
    for n in 0..links {
        if wiki {
            text.push_str(&format!("[[#h{}]] ", n % 1000));
        } else {
            text.push_str(&format!("[x](#h{}) ", n % 1000));
        }
    }
    text.push_str("[x](#missing)\n");
    text
}

#[test]
fn eighty_thousand_same_page_anchors_resolve_in_linear_time() {
    for wiki in [false, true] {
        let site = Fixture::new("basic");
        site.write("content/effects/anchors.md", anchors_page(80_000, wiki));
        let (run, peak_kib, elapsed) = measured(&site, &["check"]);
        no_panic(&run);
        assert_eq!(run.code, 1, "{}", run.stderr);
        // The one broken anchor, at its exact column after 80,000 links on the line.
        let line = 6 + 2 * 1000;
        let column = if wiki {
            (0..80_000)
                .map(|n| format!("[[#h{}]] ", n % 1000).len())
                .sum::<usize>()
                + 1
        } else {
            (0..80_000)
                .map(|n| format!("[x](#h{}) ", n % 1000).len())
                .sum::<usize>()
                + 1
        };
        assert_at(
            &run,
            &format!("content/effects/anchors.md:{line}:{column}"),
            "no heading with id 'missing'",
        );
        // Before: over two minutes and 12 GB (debug build, quadratic in the links);
        // now a few seconds. The memory bound is the sharp one: the time bound leaves
        // room for a loaded machine.
        assert!(elapsed < Duration::from_secs(120), "{elapsed:?}");
        assert!(peak_kib < 1024 * 1024, "peak memory {peak_kib} KiB");
    }
}

#[test]
fn lone_cr_line_endings_read_like_lf_with_exact_positions() {
    let site = Fixture::new("basic");
    site.strict_links();
    site.write(
        "content/effects/mac.md",
        "---\rtitle: Old Mac\rsummary: Written with CR.\r---\r\rFirst line.\r\rSee [[nowhere]] here.\r",
    );
    let run = site.run(&["check"]);
    no_panic(&run);
    run.assert_code(1);
    assert_at(
        &run,
        "content/effects/mac.md:8:5",
        "broken link to 'nowhere'",
    );
    assert!(
        run.stderr.contains("8 | See [[nowhere]] here."),
        "{}",
        run.stderr
    );
    site.write(
        "content/effects/mac.md",
        "---\rtitle: Old Mac\rsummary: Written with CR.\r---\r\r## Part one\r\rSee [[alexithymia]] and [this](#part-one).\r",
    );
    site.build().assert_code(0);
    let page = site.read("effects/mac/index.html");
    assert!(page.contains("<h1 id=\"article-title\">Old Mac</h1>"));
    assert!(page.contains("id=\"part-one\""));
}

#[test]
fn duplicates_are_errors_naming_both_places() {
    let site = Fixture::new("basic");
    let refs = std::fs::read_to_string(site.path("content/references.yaml")).unwrap();
    let first = refs
        .lines()
        .position(|l| l.starts_with("webb2012:"))
        .unwrap()
        + 1;
    let second = refs.lines().count() + 1;
    site.write(
        "content/references.yaml",
        format!("{refs}webb2012:\n  title: Another book\n"),
    );
    let glossary = std::fs::read_to_string(site.path("content/glossary.yaml")).unwrap();
    let n = glossary.lines().count();
    site.write(
        "content/glossary.yaml",
        format!("{glossary}- term: ATTUNEMENT\n  definition: Again.\n- term: \"  \"\n  definition: Nothing.\n"),
    );
    let path = std::fs::read_to_string(site.path("content/paths/start-here.yaml")).unwrap();
    site.write("content/paths/Start-Here.yml", &path);
    let check = site.run(&["check"]);
    no_panic(&check);
    check.assert_code(1);
    assert_at(
        &check,
        &format!("content/references.yaml:{second}:1"),
        &format!("reference key 'webb2012' is defined twice: here and at line {first}"),
    );
    assert_at(
        &check,
        &format!("content/glossary.yaml:{}:3", n + 1),
        "glossary term 'ATTUNEMENT' is defined twice: here and at content/glossary.yaml:1:3",
    );
    assert_at(
        &check,
        &format!("content/glossary.yaml:{}:3", n + 3),
        "glossary term is empty",
    );
    assert!(check.stderr.contains(
        "reading paths content/paths/Start-Here.yml and content/paths/start-here.yaml both have the address paths/start-here/"
    ), "{}", check.stderr);
    site.build().assert_code(1);
}

#[test]
fn tags_without_letters_or_digits_are_errors_never_tags_slash_slash() {
    // A tag of emoji alone is spelled (`🙂` → `slightly-smiling-face`): see
    // import_obsidian_publish.
    for tag in [".", "..", "-", "!!!", "   "] {
        let site = Fixture::new("basic");
        let page = std::fs::read_to_string(site.path("content/effects/alexithymia.md")).unwrap();
        site.write(
            "content/effects/alexithymia.md",
            page.replace("tags: [emotions]", &format!("tags: [emotions, \"{tag}\"]")),
        );
        check_and_build_agree(
            &site,
            "content/effects/alexithymia.md:4:18",
            "has no letters or digits",
        );
    }
}

#[test]
fn check_reports_what_build_would_fail_on() {
    // A 300-character tag: its page's folder name is too long for the file system.
    let site = Fixture::new("basic");
    let page = std::fs::read_to_string(site.path("content/effects/alexithymia.md")).unwrap();
    let long = "t".repeat(300);
    site.write(
        "content/effects/alexithymia.md",
        page.replace("tags: [emotions]", &format!("tags: [emotions, {long}]")),
    );
    check_and_build_agree(&site, "content/effects/alexithymia.md:4:18", "too long");

    // NUL (and other control characters) in an alias.
    for escape in ["\\0", "\\x07", "\\n", "\\e"] {
        let site = Fixture::new("basic");
        let page = std::fs::read_to_string(site.path("content/effects/alexithymia.md")).unwrap();
        site.write(
            "content/effects/alexithymia.md",
            page.replace(
                "order: 10",
                &format!("order: 10\naliases: [\"/old{escape}name/\"]"),
            ),
        );
        // At the alias itself, in its list (it was at the line's start).
        check_and_build_agree(
            &site,
            "content/effects/alexithymia.md:6:11",
            "control character",
        );
    }

    // An alias with a path segment longer than a file name can be.
    let site = Fixture::new("basic");
    let page = std::fs::read_to_string(site.path("content/effects/alexithymia.md")).unwrap();
    site.write(
        "content/effects/alexithymia.md",
        page.replace(
            "order: 10",
            &format!("order: 10\naliases: [/old/{}/]", "x".repeat(300)),
        ),
    );
    check_and_build_agree(
        &site,
        "content/effects/alexithymia.md:6:11",
        "path segment of 300 bytes",
    );

    // A file name whose slug is longer than a file name may be once lowercased.
    let site = Fixture::new("basic");
    let name = "İ".repeat(100); // 200 bytes; lowercased, 300.
    site.write(
        &format!("content/effects/{name}.md"),
        "---\ntitle: Long\n---\nSee [[alexithymia]].\n",
    );
    // It is published at the slug cut where it fits, with a warning.
    let build = site.build();
    no_panic(&build);
    build
        .assert_code(0)
        .assert_stderr_contains("warning: the file name gives a slug of 300 bytes");
    let folders: Vec<usize> = std::fs::read_dir(site.path("public/effects"))
        .unwrap()
        .map(|e| e.unwrap().file_name().len())
        .collect();
    assert!(folders.iter().all(|&n| n <= 200), "{folders:?}");
    assert!(folders.contains(&198), "{folders:?}");

    // Two non-UTF-8 file names that would read the same once made text.
    let site = Fixture::new("basic");
    use std::os::unix::ffi::OsStrExt as _;
    for bytes in [&b"odd\xff.md"[..], &b"odd\xfe.md"[..]] {
        let name = std::ffi::OsStr::from_bytes(bytes);
        std::fs::write(
            site.path("content/effects").join(name),
            "---\ntitle: Odd\n---\nSee [[alexithymia]].\n",
        )
        .unwrap();
    }
    check_and_build_agree(&site, "content/effects/odd\u{fffd}.md", "not valid UTF-8");
}

#[test]
fn numbers_out_of_range_are_refused_in_book_toml() {
    let site = Fixture::new("basic");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    let line = book.lines().count() + 3;
    site.write(
        "book.toml",
        format!("{book}\n[review]\ninterval_months = 4294967295\n"),
    );
    check_and_build_agree(
        &site,
        &format!("book.toml:{line}:1"),
        "`interval_months` is 4294967295",
    );
    site.write(
        "book.toml",
        format!("{book}\n[readability]\nwords_per_minute = 0\nmax_grade = nan\n"),
    );
    check_and_build_agree(
        &site,
        &format!("book.toml:{line}:1"),
        "`words_per_minute` is 0",
    );
    check_and_build_agree(
        &site,
        &format!("book.toml:{}:1", line + 1),
        "`max_grade` is NaN",
    );
}

#[test]
fn control_characters_from_sources_are_escaped_in_diagnostics() {
    let site = Fixture::new("basic");
    site.strict_links();
    site.write(
        "content/effects/esc.md",
        // `]` or `[` in a name make `[[…]]` text (no note's name holds them): the
        // sequences use other bytes, as long, to stay wikilinks the check reports.
        "---\ntitle: Esc\n---\nSee [[no\u{1b}P0;pwned\u{7}where]] and [[x\u{1b}c2J]].\n",
    );
    for args in [&["check"][..], &["build"][..]] {
        let run = site.run(args);
        no_panic(&run);
        run.assert_code(1);
        assert!(!run.stderr.contains('\u{1b}'), "raw ESC:\n{:?}", run.stderr);
        assert!(!run.stderr.contains('\u{7}'), "raw BEL:\n{:?}", run.stderr);
        // In the message, the replacement character the page shows for each (with a
        // warning that says so); in the quoted source line, one visible character
        // each, so the caret stays under the column the header names.
        assert!(run.stderr.contains("pwned\u{fffd}where"), "{}", run.stderr);
        assert!(
            run.stderr.contains(
                "file contains 3 control characters a web page may not hold (U+001B first)"
            ),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(
                " --> content/effects/esc.md:4:31\n  |\n4 | See [[no\u{241b}P0;pwned\u{2407}where]] and [[x\u{241b}c2J]].\n  |                               ^\n"
            ),
            "{}",
            run.stderr
        );
    }
}

/// The escape sequences in `text`, each checked to be a colour (SGR) sequence.
fn only_colour_escapes(text: &str) -> usize {
    let mut count = 0;
    for (i, _) in text.match_indices('\u{1b}') {
        let rest = &text[i + 1..];
        let body = rest.strip_prefix('[').unwrap_or_else(|| panic!("{rest:?}"));
        let end = body.find('m').unwrap_or_else(|| panic!("{body:?}"));
        assert!(
            body[..end].bytes().all(|b| b.is_ascii_digit() || b == b';'),
            "{body:?}"
        );
        count += 1;
    }
    count
}

#[test]
fn diagnostics_are_coloured_only_when_asked_or_on_a_terminal() {
    let site = Fixture::new("basic");
    site.strict_links();
    site.write(
        "content/effects/esc.md",
        "---\ntitle: Esc\n---\nSee [[no\u{1b}P0;pwned\u{7}where]].\n",
    );
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_attune"))
            .args(args)
            .current_dir(&site.root)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8(output.stderr).unwrap()
    };
    // A pipe is not a terminal: plain.
    for args in [
        &["check"][..],
        &["check", "--color", "auto"],
        &["build", "--color", "never"],
    ] {
        let stderr = run(args);
        assert!(!stderr.contains('\u{1b}'), "{args:?}: {stderr:?}");
    }
    // Asked for: red bold errors, blue arrows; the source's own ESC and BEL still
    // escaped, never sent.
    for args in [
        &["check", "--color", "always"][..],
        &["--color", "always", "build"],
    ] {
        let stderr = run(args);
        assert!(only_colour_escapes(&stderr) > 0, "{args:?}: {stderr:?}");
        assert!(stderr.contains("\u{1b}[1m\u{1b}[31merror"), "{stderr:?}");
        assert!(stderr.contains("\u{1b}[1m\u{1b}[34m-->"), "{stderr:?}");
        assert!(!stderr.contains('\u{7}'), "{stderr:?}");
        assert!(stderr.contains("pwned\u{fffd}where"), "{stderr}");
        assert!(
            stderr.contains("[[no\u{241b}P0;pwned\u{2407}where]]"),
            "{stderr}"
        );
    }
    // `--color always` wins over NO_COLOR; NO_COLOR wins over a terminal.
    let forced = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["check", "--color", "always"])
        .current_dir(&site.root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&forced.stderr).contains('\u{1b}'));
}

#[test]
fn closed_pipes_end_quietly() {
    use std::io::Read as _;
    let site = Fixture::new("basic");
    // Plenty of diagnostics, more than a pipe holds.
    for n in 0..300 {
        site.write(
            &format!("content/effects/broken-{n}.md"),
            format!("---\ntitle: Broken {n}\n---\nSee [[nowhere-{n}]] and [[elsewhere-{n}]].\n"),
        );
    }
    for args in [
        &["check"][..],
        &["check", "--format", "json"][..],
        &["check", "--report", "readability"][..],
        &["build"][..],
    ] {
        // Like `attune check | head -1`: the reader takes a line and goes away.
        let mut child = Command::new(env!("CARGO_BIN_EXE_attune"))
            .args(args)
            .current_dir(&site.root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Whichever stream the command writes first: read a little of it, then close
        // both (reading one while the other fills would wait for ever).
        let mut first = [0u8; 16];
        if args.len() > 1 {
            let _ = child.stdout.as_mut().unwrap().read(&mut first);
        }
        drop(child.stdout.take());
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_ne!(status.code(), Some(101), "{args:?} panicked");
        assert!(matches!(status.code(), Some(0 | 1)), "{args:?}: {status:?}");
    }
}

#[test]
fn sanitize_html_reaches_every_output() {
    use std::io::Read as _;
    let site = Fixture::new("basic");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\nsanitize_html = true\n"),
    );
    site.write(
        "content/effects/raw.md",
        "---\ntitle: Raw\nsummary: Raw HTML.\nhandout: true\n---\nSee [[alexithymia]].\n\n\
         ## Part\n\n\
         <script>stealA()</script>\n\n\
         Inline <img src=x onerror=\"stealB()\"> and <a href=\"JaVaScRiPt:stealC()\">a link</a>.\n\n\
         <meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/refresh\">\n\n\
         <div onclick=\"stealD()\"><svg onload=\"stealE()\"></svg><iframe src=\"javascript:stealF()\"></iframe></div>\n\n\
         <form action=\"javascript:stealG()\"><button formaction=\"javascript:stealH()\">x</button></form>\n\n\
         Kept: <em>emphasis</em> [[#part]].\n",
    );
    // The image exists: a missing one stops the build before sanitising matters.
    site.write("content/effects/x", "");
    site.build().assert_code(0);
    let page = site.read("effects/raw/index.html");
    assert!(page.contains("<em>emphasis</em>"), "harmless HTML stays");
    assert!(
        page.contains("href=\"../../effects/alexithymia/\""),
        "attune's links stay"
    );
    let bad = [
        "steala",
        "stealb",
        "stealc",
        "steald",
        "steale",
        "stealf",
        "stealg",
        "stealh",
        "evil.example",
    ];
    let mut checked = 0;
    let mut look = |name: &str, bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        for b in bad {
            assert!(!text.contains(b), "{name} holds {b}");
        }
        checked += 1;
    };
    for (path, bytes) in site.snapshot("public") {
        let name = path.to_string_lossy().into_owned();
        if name.ends_with(".zip") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..zip.len() {
                let mut entry = zip.by_index(i).unwrap();
                let mut inner = Vec::new();
                entry.read_to_end(&mut inner).unwrap();
                look(&format!("offline.zip/{}", entry.name()), &inner);
            }
        } else {
            look(&name, &bytes);
        }
    }
    assert!(checked > 50);
    let print = site.read("print.html");
    assert!(
        print.contains("<em>emphasis</em>"),
        "print.html has the article"
    );
}

#[test]
fn front_matter_read_property_by_property_stays_fast_and_refuses_what_yaml_refuses() {
    // `invalid_front_matter = "warn"` parses each property again: thousands of broken
    // ones, or YAML nested too deep, must not cost more than one reading.
    let site = Fixture::new("basic");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    let book = match book.contains("[build]") {
        true => book.replacen("[build]", "[build]\ninvalid_front_matter = \"warn\"", 1),
        false => format!("{book}\n[build]\ninvalid_front_matter = \"warn\"\n"),
    };
    site.write("book.toml", book);
    let broken: String = (0..3000)
        .map(|i| format!("k{i}: \"open\norder{i}: x\n"))
        .collect();
    site.write(
        "content/effects/many.md",
        format!("---\ntitle: Many\n{broken}---\nBody\n"),
    );
    site.write(
        "content/effects/deep.md",
        format!(
            "---\ntitle: Deep\ntags: {}{}\n---\nBody\n",
            "{a: ".repeat(40_000),
            "}".repeat(40_000)
        ),
    );
    let start = Instant::now();
    let run = site.run(&["check"]);
    no_panic(&run);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    run.assert_code(1);
    assert_at(
        &run,
        "content/effects/deep.md:3:519",
        "nested more than 128 levels",
    );
}
