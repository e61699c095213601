//! The output folder as an attacker or a careless user would name it: special files,
//! links, two builds at once, write errors, and content that leads into the output.
//! Every special node is created here, in a temporary folder.

use crate::support::{snapshot, Fixture};
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt as _;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// What identifies a node, compared before and after a build that must not touch it.
fn identity(path: &Path) -> (u64, u64, u32, u64, i64, bool, Option<PathBuf>) {
    let m = std::fs::symlink_metadata(path).unwrap();
    (
        m.dev(),
        m.ino(),
        m.mode(),
        m.size(),
        m.mtime_nsec() + m.mtime() * 1_000_000_000,
        m.file_type().is_symlink(),
        std::fs::read_link(path).ok(),
    )
}

fn build_into(site: &Fixture, out: &Path) -> crate::support::Run {
    site.run(&["build", "--out", out.to_str().unwrap()])
}

fn no_staging_beside(out: &Path) {
    let name = out.file_name().unwrap().to_string_lossy();
    let staging = out.with_file_name(format!(".{name}.attune-staging"));
    assert!(
        std::fs::symlink_metadata(&staging).is_err(),
        "{} was created",
        staging.display()
    );
}

#[test]
fn out_that_is_not_a_folder_is_refused_and_left_untouched() {
    let site = Fixture::new("basic");
    let nodes = tempfile::tempdir().unwrap();
    let d = nodes.path();
    std::fs::write(d.join("file"), "precious").unwrap();
    mkfifo(&d.join("fifo"));
    let _socket = std::os::unix::net::UnixListener::bind(d.join("socket")).unwrap();
    std::os::unix::fs::symlink(d.join("fifo"), d.join("link-to-fifo")).unwrap();
    std::os::unix::fs::symlink(d.join("socket"), d.join("link-to-socket")).unwrap();
    std::os::unix::fs::symlink(d.join("file"), d.join("link-to-file")).unwrap();
    std::os::unix::fs::symlink(d.join("nothing"), d.join("dangling")).unwrap();
    // A device-like node: a link whose target is a character device. The target is
    // only looked at, never built into.
    std::os::unix::fs::symlink("/dev/null", d.join("link-to-device")).unwrap();
    std::os::unix::fs::symlink(d.join("link-to-fifo"), d.join("link-to-link")).unwrap();
    let device_before = identity(Path::new("/dev/null"));
    for name in [
        "file",
        "fifo",
        "socket",
        "link-to-fifo",
        "link-to-socket",
        "link-to-file",
        "dangling",
        "link-to-device",
        "link-to-link",
    ] {
        let out = d.join(name);
        let before = identity(&out);
        let run = build_into(&site, &out);
        run.assert_code(2)
            .assert_stderr_contains("refusing to write the site");
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        assert_eq!(identity(&out), before, "{name} was changed");
        no_staging_beside(&out);
    }
    assert_eq!(std::fs::read_to_string(d.join("file")).unwrap(), "precious");
    assert!(std::fs::symlink_metadata(d.join("fifo"))
        .unwrap()
        .file_type()
        .is_fifo());
    assert!(std::fs::symlink_metadata(d.join("socket"))
        .unwrap()
        .file_type()
        .is_socket());
    let after = identity(Path::new("/dev/null"));
    assert_eq!(
        (after.0, after.1, after.2, after.5),
        (
            device_before.0,
            device_before.1,
            device_before.2,
            device_before.5
        )
    );
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
}

#[test]
fn output_dir_in_book_toml_naming_a_fifo_is_refused() {
    let site = Fixture::new("basic");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replace("[site]", "[build]\noutput_dir = \"pipe\"\n\n[site]"),
    );
    mkfifo(&site.path("pipe"));
    let before = identity(&site.path("pipe"));
    site.build()
        .assert_code(2)
        .assert_stderr_contains("a named pipe (FIFO)");
    assert_eq!(identity(&site.path("pipe")), before);
    no_staging_beside(&site.path("pipe"));
}

#[test]
fn a_link_to_a_folder_is_built_through_and_stays_a_link() {
    let site = Fixture::new("basic");
    let www = site.path("../www/site");
    std::fs::create_dir_all(&www).unwrap();
    std::os::unix::fs::symlink(&www, site.path("public")).unwrap();
    for _ in 0..2 {
        site.build().assert_code(0);
        let link = std::fs::symlink_metadata(site.path("public")).unwrap();
        assert!(link.file_type().is_symlink(), "the link was replaced");
        assert_eq!(std::fs::read_link(site.path("public")).unwrap(), www);
        assert!(
            www.join("index.html").is_file(),
            "the web root got the site"
        );
        assert!(www.join(".attune-output").is_file());
    }
    // A link to a folder attune did not write is refused like the folder itself.
    let theirs = site.path("../theirs");
    std::fs::create_dir_all(&theirs).unwrap();
    std::fs::write(theirs.join("keep.txt"), "mine").unwrap();
    let out = site.path("other");
    std::os::unix::fs::symlink(&theirs, &out).unwrap();
    build_into(&site, &out)
        .assert_code(2)
        .assert_stderr_contains("not empty and was not written by attune");
    assert_eq!(
        std::fs::read_to_string(theirs.join("keep.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn a_second_build_waits_for_the_lock_and_then_publishes_whole() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let lock_path = site.path(".public.attune-lock");
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .unwrap();
    lock.lock().unwrap();
    site.write(
        "content/about.md",
        "---\ntitle: About\n---\nChanged while another build held the lock.\n",
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_attune"))
        .arg("build")
        .current_dir(&site.root)
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until it says it waits, then check it really does.
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead as _;
        let mut all = String::new();
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line.clone());
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    let line = rx
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("no message from the waiting build");
    assert!(line.contains("waiting for another attune build"), "{line}");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(child.try_wait().unwrap().is_none(), "did not wait");
    assert!(!site.read("about/index.html").contains("Changed while"));
    lock.unlock().unwrap();
    let status = child.wait().unwrap();
    let stderr = reader.join().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(site.read("about/index.html").contains("Changed while"));
}

#[test]
fn two_builds_into_one_folder_never_publish_a_mix() {
    // Two different sites into one output folder, at the same time: what is left is
    // exactly one of them.
    let a = Fixture::new("basic");
    let b = Fixture::new("basic");
    b.write(
        "content/about.md",
        "---\ntitle: About B\n---\nThe second site.\n",
    );
    b.write(
        "content/effects/extra.md",
        "---\ntitle: Extra\n---\nOnly in B.\n",
    );
    let shared = tempfile::tempdir().unwrap();
    let out = shared.path().join("public");
    let reference = |site: &Fixture| {
        let dir = tempfile::tempdir().unwrap();
        let o = dir.path().join("public");
        build_into(site, &o).assert_code(0);
        let mut s = snapshot(&o);
        s.remove(Path::new("offline.zip"));
        s
    };
    let (ref_a, ref_b) = (reference(&a), reference(&b));
    for _ in 0..3 {
        let spawn = |site: &Fixture| {
            Command::new(env!("CARGO_BIN_EXE_attune"))
                .args(["build", "--out", out.to_str().unwrap()])
                .current_dir(&site.root)
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        };
        let (mut x, mut y) = (spawn(&a), spawn(&b));
        assert!(x.wait().unwrap().success());
        assert!(y.wait().unwrap().success());
        let mut got = snapshot(&out);
        got.remove(Path::new("offline.zip"));
        assert!(got == ref_a || got == ref_b, "a mix of two builds");
    }
}

#[test]
fn write_errors_exit_2_and_leave_the_previous_site() {
    use std::os::unix::process::CommandExt as _;
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let before = site.snapshot("public");
    site.write("content/about.md", "---\ntitle: About\n---\nNew text.\n");
    let mut command = Command::new(env!("CARGO_BIN_EXE_attune"));
    command
        .arg("build")
        .current_dir(&site.root)
        .env("NO_COLOR", "1");
    // A file system that is full after 2 KB: writes fail with EFBIG.
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 2048,
                rlim_max: 2048,
            };
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(site.snapshot("public"), before, "the old site changed");
}

#[test]
fn content_links_into_the_output_are_skipped_with_a_warning() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    std::os::unix::fs::symlink("../public", site.path("content/mirror")).unwrap();
    std::os::unix::fs::symlink("../public/assets", site.path("content/deep")).unwrap();
    std::os::unix::fs::symlink("../.public.attune-staging", site.path("content/staged")).unwrap();
    for _ in 0..2 {
        let run = site.build();
        run.assert_code(0)
            .assert_stderr_contains("leads into the output folder");
        for name in ["mirror", "deep", "staged"] {
            assert!(
                !site.path("public").join(name).exists(),
                "{name} republished"
            );
        }
    }
    let run = site.run(&["check"]);
    run.assert_stderr_contains("content/mirror");
}
