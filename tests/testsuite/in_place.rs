//! The swap without an atomic exchange (`ATTUNE_NO_EXCHANGE=1` forces it on Linux):
//! the output folder is updated in place, file by file, and a kill at any instant
//! leaves a whole site at the output path.

use crate::support::{snapshot, Fixture, Run};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const NO_EXCHANGE: &str = "ATTUNE_NO_EXCHANGE";

/// `attune build ARGS` in `site`, with or without the exchange.
fn build(site: &Fixture, args: &[&str], exchange: bool) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_attune"));
    command
        .arg("build")
        .args(args)
        .current_dir(&site.root)
        .env("NO_COLOR", "1")
        .env_remove(NO_EXCHANGE);
    if !exchange {
        command.env(NO_EXCHANGE, "1");
    }
    let output = command.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Every node under `dir`: files with their bytes, folders with `None`.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|entry| {
            let entry = entry.unwrap();
            let bytes = (!entry.file_type().is_dir()).then(|| std::fs::read(entry.path()).unwrap());
            (entry.path().strip_prefix(dir).unwrap().to_path_buf(), bytes)
        })
        .collect()
}

/// `count` extra articles in a topic of their own, each `words` words long.
fn add_articles(site: &Fixture, prefix: &str, count: usize, words: usize) {
    let body = "Feelings can be named and noticed slowly. ".repeat(words / 7);
    for i in 0..count {
        site.write(
            &format!("content/healing/{prefix}-{i:04}.md"),
            format!("---\ntitle: {prefix} note {i}\nsummary: Note {i}.\n---\n\n{body}\n"),
        );
    }
}

/// The basic fixture's title changed, so every page of the site changes.
fn retitle(site: &Fixture) {
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replace("Fixture Library", "Changed Library"),
    );
}

/// The page files a built site's sitemap lists.
fn sitemap_pages(site: &BTreeMap<PathBuf, Vec<u8>>) -> BTreeSet<PathBuf> {
    let sitemap = String::from_utf8(site[Path::new("sitemap.xml")].clone()).unwrap();
    let pages: BTreeSet<PathBuf> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|loc| {
            let url = &loc[..loc.find("</loc>").unwrap()];
            let path = url
                .strip_prefix("https://fixture.example.org/")
                .unwrap_or_else(|| panic!("{url} is not on the site"));
            let path = if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path.to_string()
            };
            PathBuf::from(path)
        })
        .collect();
    assert!(pages.len() > 10, "the sitemap lists the pages");
    pages
}

#[test]
fn without_the_exchange_the_site_is_byte_identical_and_stale_files_go() {
    // Two copies of one site, each built once, then changed (pages retitled, an
    // article gone, one added) and built again: one with the exchange, one in place.
    let sites = [Fixture::new("basic"), Fixture::new("basic")];
    for site in &sites {
        add_articles(site, "old", 5, 40);
        build(site, &[], true).assert_code(0);
        retitle(site);
        site.remove("content/healing/old-0002.md");
        site.remove("content/healing/old-0003.md");
        add_articles(site, "new", 2, 40);
    }
    let inode = |site: &Fixture| {
        use std::os::unix::fs::MetadataExt as _;
        std::fs::metadata(site.path("public")).unwrap().ino()
    };
    let before = inode(&sites[1]);
    build(&sites[0], &[], true).assert_code(0);
    build(&sites[1], &[], false).assert_code(0);
    let (exchanged, updated) = (
        tree(&sites[0].path("public")),
        tree(&sites[1].path("public")),
    );
    assert_eq!(
        exchanged.keys().collect::<Vec<_>>(),
        updated.keys().collect::<Vec<_>>(),
        "the same files and folders, no stale ones"
    );
    assert!(exchanged == updated, "the same bytes");
    assert_eq!(
        inode(&sites[1]),
        before,
        "the output folder was updated in place"
    );
    for gone in ["healing/old-0002", "healing/old-0003"] {
        assert!(
            !sites[1].path("public").join(gone).exists(),
            "{gone} is stale"
        );
    }
    assert!(sites[1]
        .read("healing/new-0001/index.html")
        .contains("Changed Library"));
    // The staging folder keeps the new site for the next build, which is the same again.
    assert_eq!(
        tree(&sites[1].path(".public.attune-staging")),
        updated,
        "the staging folder holds the new site"
    );
    build(&sites[1], &[], false).assert_code(0);
    assert!(tree(&sites[1].path("public")) == updated);
    // A fresh folder (nothing to update) is the same site too.
    build(&sites[1], &["--out", "fresh"], false).assert_code(0);
    assert!(tree(&sites[1].path("fresh")) == updated);
}

#[test]
fn without_the_exchange_a_link_to_a_folder_is_built_through_and_stays_a_link() {
    let site = Fixture::new("basic");
    let www = site.path("../www/site");
    std::fs::create_dir_all(&www).unwrap();
    std::os::unix::fs::symlink(&www, site.path("public")).unwrap();
    build(&site, &[], false).assert_code(0);
    retitle(&site);
    site.write(
        "content/healing/gone.md",
        "---\ntitle: Gone\n---\n\nSoon gone.\n",
    );
    build(&site, &[], false).assert_code(0);
    site.remove("content/healing/gone.md");
    build(&site, &[], false).assert_code(0);
    let link = std::fs::symlink_metadata(site.path("public")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert_eq!(std::fs::read_link(site.path("public")).unwrap(), www);
    assert!(std::fs::read_to_string(www.join("index.html"))
        .unwrap()
        .contains("Changed Library"));
    assert!(!www.join("healing/gone").exists(), "stale page removed");
    assert!(www.join(".attune-output").is_file());
    assert!(
        site.path("../www/.site.attune-staging").is_dir(),
        "the staging folder sits beside the folder the link leads to"
    );
    // The same bytes as a build with the exchange through the same link.
    let updated = tree(&www);
    build(&site, &["--out", "elsewhere"], true).assert_code(0);
    assert!(tree(&site.path("elsewhere")) == updated);
}

/// SIGKILL at random instants of an in-place publish: after each kill every file of
/// the output is whole (old or new bytes), and either every file of the previous site
/// or every file of the new one is there, so every page either sitemap lists is whole.
#[cfg(unix)]
#[test]
fn without_the_exchange_a_kill_at_any_instant_leaves_a_whole_site() {
    let site = Fixture::new("basic");
    add_articles(&site, "note", 150, 200);
    build(&site, &[], false).assert_code(0);
    let old = site.snapshot("public");
    let old_copy = site.path("../old-public");
    copy_tree(&site.path("public"), &old_copy);
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    // The new site: every page retitled, 30 articles gone, 30 new ones.
    let change = |site: &Fixture| {
        retitle(site);
        for i in 0..30 {
            site.remove(&format!("content/healing/note-{i:04}.md"));
        }
        add_articles(site, "fresh", 30, 200);
    };
    let unchange = |site: &Fixture| {
        site.write("book.toml", &book);
        for i in 0..30 {
            site.remove(&format!("content/healing/fresh-{i:04}.md"));
        }
        add_articles(site, "note", 30, 200);
    };
    change(&site);
    build(&site, &["--out", "expected"], true).assert_code(0);
    let new = site.snapshot("expected");
    let (old_pages, new_pages) = (sitemap_pages(&old), sitemap_pages(&new));
    assert_ne!(old_pages, new_pages);

    let restore = || {
        std::fs::remove_dir_all(site.path("public")).unwrap();
        copy_tree(&old_copy, &site.path("public"));
    };
    // Time a whole in-place build of the new site, and its publishing, to aim the kills:
    // the second one, as in the trials (the staging folder then holds the new site).
    build(&site, &[], false).assert_code(0);
    assert_eq!(site.snapshot("public"), new);
    restore();
    let start = Instant::now();
    let timed = build(&site, &["--timings"], false);
    timed.assert_code(0);
    let whole = start.elapsed();
    assert_eq!(site.snapshot("public"), new);
    let swap_ms: f64 = timed
        .stderr
        .lines()
        .find_map(|line| line.trim().strip_prefix("swap"))
        .and_then(|ms| ms.trim().trim_end_matches("ms").trim().parse().ok())
        .expect("--timings prints the swap");
    let publishing = Duration::from_secs_f64(swap_ms / 1000.0).max(Duration::from_millis(5));

    // The first file the in-place publishing replaces (it walks the new site in name
    // order): once it holds its new bytes, publishing has begun.
    let first = walkdir::WalkDir::new(site.path("expected"))
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(site.path("expected"))
                .unwrap()
                .to_path_buf()
        })
        .find(|p| old.get(p) != new.get(p))
        .unwrap();
    // Each kill falls at a random instant of the publishing: the build is watched until
    // that first file changes, then killed up to the publishing time later (a little
    // more, so some kills find it finished).
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let (mut kept_old, mut mixed, mut done) = (0, 0, 0);
    let mut trial = 0;
    while trial < 12 || (mixed < 3 && trial < 24) {
        trial += 1;
        restore();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % (publishing.as_micros() as u64 * 5 / 4));
        let mut child = Command::new(env!("CARGO_BIN_EXE_attune"))
            .arg("build")
            .current_dir(&site.root)
            .env(NO_EXCHANGE, "1")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let watched = site.path("public").join(&first);
        while std::fs::read(&watched).ok().as_ref() != new.get(&first)
            && child.try_wait().unwrap().is_none()
        {
            std::thread::sleep(Duration::from_micros(500));
        }
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&site.path("public"));
        for (path, bytes) in &now {
            let name = path.file_name().unwrap().to_string_lossy();
            if name.starts_with('.') && name.ends_with(".attune-new") {
                continue; // a temporary copy the kill interrupted: the next build removes it
            }
            assert!(
                old.get(path) == Some(bytes) || new.get(path) == Some(bytes),
                "trial {trial}: after a kill at {delay:?}, {} is neither old nor new",
                path.display()
            );
        }
        let whole_old = old.keys().all(|p| now.contains_key(p));
        let whole_new = new.keys().all(|p| now.contains_key(p));
        assert!(
            whole_old || whole_new,
            "trial {trial}: after a kill at {delay:?} neither site is whole at the output"
        );
        let pages = if whole_old { &old_pages } else { &new_pages };
        for page in pages {
            assert!(
                now[page].trim_ascii_end().ends_with(b"</html>"),
                "trial {trial}: {} is not a whole page",
                page.display()
            );
        }
        if now == old {
            kept_old += 1;
        } else if now == new {
            done += 1;
        } else {
            mixed += 1;
        }
    }
    eprintln!(
        "{trial} kills (publishing took {swap_ms} ms of {whole:?}): {kept_old} left the \
         previous site, {done} the new one, {mixed} fell while publishing (a whole site, \
         some pages old, some new)"
    );
    assert!(
        mixed > 0,
        "no kill fell while publishing: the test proves nothing"
    );
    // The next build finishes the job and leaves no temporary file.
    build(&site, &[], false).assert_code(0);
    assert_eq!(site.snapshot("public"), new);
    // And the way back, in place, is whole too.
    unchange(&site);
    build(&site, &[], false).assert_code(0);
    assert_eq!(site.snapshot("public"), old);
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
