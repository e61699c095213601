//! `attune check`: validation without writing, human and JSON output, exit codes.

use crate::support::Fixture;

#[test]
fn clean_fixture_checks_clean_and_writes_nothing() {
    let site = Fixture::new("basic");
    let published = std::fs::read_to_string(site.path("book.toml"))
        .unwrap()
        .replace("fixture.example.org", "fixture.org.uk");
    site.write("book.toml", published);
    site.run(&["check", "--today", "2026-06-01"])
        .assert_code(0)
        .assert_stderr_contains("checked 5 articles: no problems found");
    assert!(!site.path("public").exists());
}

#[test]
fn bundled_library_checks_clean_but_for_its_placeholder_address() {
    let root = env!("CARGO_MANIFEST_DIR");
    let site = Fixture::empty();
    let run = site.run(&[
        "check",
        "--root",
        root,
        "--today",
        "2026-11-23",
        "--format",
        "json",
    ]);
    run.assert_code(0);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let codes: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["placeholder-base-url"], "{}", run.stdout);
}

#[test]
fn a_placeholder_base_url_warns_at_its_line() {
    let site = Fixture::new("basic");
    for (url, warns) in [
        ("https://fixture.example.org/", true),
        ("https://example.com/lib/", true),
        ("https://help.example/", true),
        ("https://library.org.uk/", false),
        ("https://counterexample.org/", false),
    ] {
        let text = std::fs::read_to_string(site.path("book.toml")).unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with("base_url"))
            .unwrap()
            .to_string();
        site.write(
            "book.toml",
            text.replace(&line, &format!("base_url = \"{url}\"")),
        );
        let run = site.run(&["check", "--today", "2026-06-01"]);
        run.assert_code(0);
        assert_eq!(
            run.stderr.contains("is a placeholder address"),
            warns,
            "{url}: {}",
            run.stderr
        );
        if warns {
            let at = text
                .lines()
                .position(|l| l.starts_with("base_url"))
                .unwrap()
                + 1;
            assert!(
                run.stderr.contains(&format!("--> book.toml:{at}:1")),
                "{}",
                run.stderr
            );
        }
    }
}

#[test]
fn json_format_lists_each_diagnostic() {
    let site = Fixture::new("basic");
    site.strict_links();
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\n---\nSee [[nowhere]].\n",
    );
    let run = site.run(&["check", "--format", "json"]);
    run.assert_code(1);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let broken = items
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "broken-link")
        .unwrap();
    assert_eq!(broken["severity"], "error");
    assert_eq!(broken["file"], "content/effects/x.md");
    assert_eq!(
        (broken["line"].as_u64(), broken["column"].as_u64()),
        (Some(4), Some(5))
    );
    assert_eq!(broken["message"], "broken link to 'nowhere'");
}

#[test]
fn overdue_reviews_warn_relative_to_today() {
    let site = Fixture::new("basic");
    site.run(&["check", "--today", "2028-01-11"])
        .assert_code(0)
        .assert_stderr_contains("warning: review of 'dismissive-family' was due on 2028-01-10");
    // An article not yet approved has no review to fall due: the reviews report
    // lists its status instead.
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\nreview: { status: in-review, next: 2026-03-01 }\n---\nSee [[alexithymia]].\n",
    );
    let run = site.run(&["check", "--today", "2026-06-01"]);
    assert!(!run.stderr.contains("review of 'x'"), "{}", run.stderr);
}

#[test]
fn orphans_readability_and_alt_text_warn() {
    let site = Fixture::new("basic");
    let long = "Notwithstanding considerable methodological heterogeneity, contemporary investigations consistently demonstrate associations between developmental emotional unavailability and subsequent interpersonal difficulties. ".repeat(10);
    site.write(
        "content/effects/lonely.md",
        format!("---\ntitle: Lonely\n---\n{long}\n\n![](picture.png)\n"),
    );
    site.write("content/effects/picture.png", "png");
    site.run(&["check"])
        .assert_code(0)
        .assert_stderr_contains("warning: 'lonely' is an orphan")
        // Both measures in one warning, not one warning each.
        .assert_stderr_contains("warning: Flesch–Kincaid grade 41.7 and SMOG grade 25.3 are above the target of 8\n--> content/effects/lonely.md")
        .assert_stderr_contains(
            "warning: image has no alt text\n --> content/effects/lonely.md:6:1",
        );
    // 0xn3va's cheat sheets leave 76 images undescribed: more than three are one
    // warning, counting them and their files.
    site.write(
        "content/effects/lonely.md",
        format!(
            "---\ntitle: Lonely\n---\n{}",
            "![](picture.png)\n\n".repeat(5)
        ),
    );
    site.write(
        "content/effects/alone.md",
        "---\ntitle: Alone\n---\n![](picture.png)\n",
    );
    let check = site.run(&["check"]);
    check.assert_code(0).assert_stderr_contains(
        "warning: image has no alt text (6 images without alt text in 2 files, reported here as one)\n --> content/effects/alone.md:4:1",
    );
    assert_eq!(
        check.stderr.matches("image has no alt text").count(),
        1,
        "{}",
        check.stderr
    );
}

#[test]
fn a_folder_s_many_orphans_are_one_warning_and_a_few_stay_one_each() {
    // A blog's posts seldom link to each other (the Rust blog: 358 orphans).
    let site = Fixture::new("basic");
    for i in 1..=4 {
        site.write(
            &format!("content/effects/news/post-{i}.md"),
            format!("---\ntitle: Post {i}\ndate: 2026-01-0{i}\n---\nNews {i}.\n"),
        );
    }
    // A page bundle's text is in the folder that holds the bundle.
    site.write(
        "content/effects/news/post-5/index.md",
        "---\ntitle: Post 5\ndate: 2026-01-05\n---\nNews 5.\n",
    );
    for i in 1..=2 {
        site.write(
            &format!("content/effects/lone-{i}.md"),
            format!("---\ntitle: Lone {i}\n---\nAlone.\n"),
        );
    }
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: 'post-1' is an orphan: no article links to it, no relation or reading path includes it (5 orphans in `effects/news/`, reported here as one)\n--> content/effects/news/post-1.md",
        )
        .assert_stderr_contains("warning: 'lone-1' is an orphan: no article links to it, no relation or reading path includes it\n")
        .assert_stderr_contains("warning: 'lone-2' is an orphan");
    assert_eq!(
        run.stderr.matches("is an orphan").count(),
        3,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/effects/news/post-4.md"),
        "{}",
        run.stderr
    );
}

#[test]
fn raw_html_images_without_alt_text_warn_where_they_are_written() {
    let site = Fixture::new("basic");
    site.write(
        "content/effects/lonely.md",
        "---\ntitle: Lonely\n---\nSee [[alexithymia]].\n\n<img src=\"picture.png\">\n\nText <img src='picture.png' width=30> inline, \
         <img src=\"picture.png\" alt=\"\"> decorative, <img src=\"picture.png\" alt=\"A lake\"> named,\n\
         <img src=\"picture.png\" role=\"presentation\"> and <img src=\"picture.png\" aria-label=\"A lake\">.\n\n\
         <div>\n  <IMG SRC=\"picture.png\"\n    title=\"\">\n</div>\n\n`<img src=\"code.png\">`\n",
    );
    site.write("content/effects/picture.png", "png");
    let run = site.run(&["check", "--format", "json"]);
    run.assert_code(0);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let at: Vec<(String, u64, u64)> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "missing-alt" && d["file"] == "content/effects/lonely.md")
        .map(|d| {
            assert_eq!(d["severity"], "warning");
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let file = "content/effects/lonely.md".to_string();
    assert_eq!(
        at,
        [(file.clone(), 6, 1), (file.clone(), 8, 6), (file, 12, 3)]
    );
}

#[test]
fn against_an_old_manifest_reports_vanished_urls() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    std::fs::copy(site.path("public/urls.json"), site.path("old-urls.json")).unwrap();
    site.run(&["check", "--against", "old-urls.json"])
        .assert_code(0);
    std::fs::rename(
        site.path("content/effects/counter-dependence.md"),
        site.path("content/effects/hyper-independence.md"),
    )
    .unwrap();
    site.run(&["check", "--against", "old-urls.json"])
        .assert_code(1)
        .assert_stderr_contains(
            "error: published URL '/effects/counter-dependence/' no longer exists",
        );
    site.write(
        "content/effects/hyper-independence.md",
        "---\ntitle: Hyper-independence\ntags: [relationships, emotions]\naliases: [/effects/counter-dependence/]\n---\nSee [[dismissive-family]].\n",
    );
    site.run(&["check", "--against", "old-urls.json"])
        .assert_code(0);
}

#[test]
fn check_and_build_agree_on_published_urls() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let manifest: serde_json::Value = serde_json::from_str(&site.read("urls.json")).unwrap();
    std::fs::write(site.path("old.json"), manifest.to_string()).unwrap();
    site.run(&["check", "--against", "old.json"]).assert_code(0);
}
