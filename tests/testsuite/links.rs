//! Links and embedded files as the reader's browser meets them, and the one URL table:
//! wherever `check` passes, the independent checker in [`crate::linkcheck`] finds
//! nothing broken in either edition, `print.html` or the unpacked `offline.zip`.

use crate::linkcheck::{check_folder, unzip, Broken};
use crate::support::Fixture;
use std::path::Path;

/// Builds both editions of a site whose `check` passes and runs the independent
/// checker over the web folder (with its print.html), the offline build, and the
/// unpacked offline.zip; returns everything broken.
pub(crate) fn independent_check(site: &Fixture) -> Vec<Broken> {
    site.run(&["check"]).assert_code(0);
    site.build().assert_code(0);
    site.run(&["build", "--offline", "--out", "offline-build"])
        .assert_code(0);
    let mut broken = check_folder(&site.path("public"), false);
    broken.extend(check_folder(&site.path("offline-build"), true));
    let zip = site.path("public/offline.zip");
    if zip.exists() {
        let unpacked = site.path("unpacked");
        unzip(&zip, &unpacked);
        broken.extend(check_folder(&unpacked, true));
    }
    broken
}

/// Every file a build wrote is in the site's URL table, and every page of the table
/// was written.
fn every_file_is_in_the_url_table(site: &Fixture) {
    let options = attune::BuildOptions::new(&site.root);
    let (model, _) = attune::model(&options, true, &mut Vec::new()).unwrap();
    let model = model.unwrap();
    let out = site.path("public");
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&out).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            assert!(
                model.urls.owner_of(&rel).is_some(),
                "{rel} was written but is not in the URL table"
            );
        }
    }
    for url in model.urls.page_urls() {
        assert!(
            out.join(&url).join("index.html").is_file(),
            "{url} in the table, not written"
        );
    }
}

#[test]
fn the_links_fixture_checks_clean_and_nothing_is_broken_in_any_edition() {
    let site = Fixture::new("links");
    let check = site.run(&["check"]);
    check
        .assert_code(0)
        .assert_stderr_contains(
            "warning: remote image 'https://images.example.com/cat.png' will not load",
        )
        .assert_stderr_contains("--> content/guide/basics/intro.md:31:1")
        .assert_stderr_contains(
            "warning: remote frame 'https://video.example.com/embed/1' will not load",
        )
        .assert_stderr_contains("--> content/guide/basics/deeper/detail.md:9:14")
        .assert_stderr_contains("help: download the file into content/");
    assert!(
        !check.stderr.contains("orphan"),
        "links by path reach their article:\n{}",
        check.stderr
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    every_file_is_in_the_url_table(&site);

    // Relative paths from a file three folders down, raw HTML, srcset and poster.
    let intro = site.read("guide/basics/intro/index.html");
    for needle in [
        "<a href=\"../../../guide/basics/ch04-01-feelings/#naming-feelings\">the next chapter</a>",
        "<a href=\"../../../tags/\">the tag list</a>",
        "<a href=\"../../../\">the home page</a>",
        "<img src=\"../../../images/logo.png\" alt=\"The logo again\"",
        "srcset=\"../../../guide/basics/img/diagram.png 1x, ../../../guide/photo.png 2x\"",
        "<video poster=\"../../../guide/basics/img/diagram.png\" src=\"../../../guide/basics/clip.mp4\"",
        "<a href=\"../../../care/Work%20sheet.pdf\">",
        "<a id=\"legacy\"></a>",
    ] {
        assert!(intro.contains(needle), "{needle} missing from:\n{intro}");
    }
    // mdBook names a folder's README.md `index.html`: the folder's own page.
    let sleep = site.read("care/sleep/index.html");
    assert!(
        sleep.contains("<a href=\"../../care/\">overview</a>"),
        "{sleep}"
    );
    assert!(!site.path("public/care/readme").exists());
    // Pages mirror their folders at any depth.
    let detail = site.read("guide/basics/deeper/detail/index.html");
    assert!(detail.contains("<img src=\"../../../../images/logo.png\" alt=\"logo\""));
    assert!(
        detail.contains("<img src=\"../../../../guide/basics/img/diagram.png\" alt=\"diagram\"")
    );
    // print.html: the same files from the site root, links between articles in-page.
    let print = site.read("print.html");
    assert!(print.contains("<img src=\"guide/basics/img/diagram.png\" alt=\"Diagram\" srcset=\"guide/basics/img/diagram.png 1x, guide/photo.png 2x\">"));
    assert!(print.contains("href=\"#ch04-01-feelings--naming-feelings\""));
    assert!(print.contains("href=\"#intro--old-section\""));
    // The offline edition names every page's file.
    let offline =
        std::fs::read_to_string(site.path("offline-build/guide/basics/intro/index.html")).unwrap();
    assert!(offline.contains("<a href=\"../../../tags/index.html\">the tag list</a>"));
    assert!(offline.contains("<a href=\"../../../index.html\">the home page</a>"));
}

#[test]
fn the_bundled_library_has_nothing_broken_in_any_edition() {
    let site = Fixture::library();
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    every_file_is_in_the_url_table(&site);
}

#[test]
fn the_basic_fixture_has_nothing_broken_in_any_edition() {
    let site = Fixture::new("basic");
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    every_file_is_in_the_url_table(&site);
}

/// `check` and `build` fail alike, with the same message.
#[track_caller]
fn both_fail_with(site: &Fixture, needles: &[&str]) {
    for run in [site.run(&["check"]), site.build()] {
        run.assert_code(1);
        for needle in needles {
            run.assert_stderr_contains(needle);
        }
    }
}

#[test]
fn missing_files_and_anchors_are_errors_with_a_suggestion() {
    let site = Fixture::new("links");
    site.write(
        "content/guide/basics/deeper/broken.md",
        "---\ntitle: Broken\n---\n![logo](../../images/logo.pgn) and ![two](../images/logo.png)\n\n<img src=\"../img/diagam.png\" alt=\"d\">\n\n[x](../intro.html#no-such) and <a href=\"../intro.md#old-sectoin\">y</a>\n\n[z](/guide/nowhere/) and [case](../../photo.PNG) and [far](../../../../x.png)\n",
    );
    both_fail_with(
        &site,
        &[
            "error: image '../../images/logo.pgn' does not exist",
            "--> content/guide/basics/deeper/broken.md:4:1",
            "help: did you mean '../../../images/logo.png'?",
            "error: image '../images/logo.png' does not exist",
            "error: image '../img/diagam.png' does not exist",
            "--> content/guide/basics/deeper/broken.md:6:11",
            "help: did you mean '../img/diagram.png'?",
            "error: no heading or id 'no-such' in 'intro'",
            "error: no heading or id 'old-sectoin' in 'intro'",
            "help: did you mean 'old-section'?",
            "error: broken link to '/guide/nowhere/': no page or file there",
            "error: '../../photo.PNG' differs in letter case from the file 'guide/photo.png'",
            "error: '../../../../x.png' leads outside the site",
        ],
    );
}

#[test]
fn raw_html_ids_are_link_targets_for_markdown_links_and_wikilinks() {
    let site = Fixture::new("links");
    site.write(
        "content/care/ids.md",
        "---\ntitle: Ids\n---\n[a](../guide/basics/intro.md#old-section) [[intro#legacy]] [[intro#figure-one]] [[intro#gone]]\n",
    );
    both_fail_with(&site, &["error: no heading with id 'gone' in 'intro'"]);
    site.write(
        "content/care/ids.md",
        "---\ntitle: Ids\n---\n[a](../guide/basics/intro.md#old-section) [[intro#legacy]] [[intro#figure-one]]\n",
    );
    site.run(&["check"]).assert_code(0);
}

#[test]
fn an_alias_or_page_on_a_url_attune_writes_is_an_error_naming_the_owner() {
    let cases: &[(&str, &str)] = &[
        ("/privacy/", "which the privacy page (built-in page) already publishes"),
        ("/404/", "which the not-found page (built-in page) already publishes"),
        ("/guide/", "which the topic hub 'guide' (built-in page) already publishes"),
        ("/tags/start/", "which the page of tag 'start' at content/guide/basics/ch04-01-feelings.md:3:8 already publishes"),
        ("/search/index.js", "which the search index (built-in page) already publishes"),
        ("/Guide/Basics/Intro/", "which the article 'intro' at content/guide/basics/intro.md:1:1 already publishes"),
        ("/print.html/", "which the print edition (built-in page) already publishes"),
    ];
    for (alias, owner) in cases {
        let site = Fixture::new("links");
        site.write(
            "content/care/sleep.md",
            format!("---\ntitle: Sleep\naliases: [{alias}]\n---\nSleep matters.\n"),
        );
        both_fail_with(
            &site,
            &[
                &format!("error: the alias '{alias}' of 'sleep' would publish"),
                owner,
                "--> content/care/sleep.md:3:11",
                "is free",
            ],
        );
    }
}

#[test]
fn a_reading_path_url_taken_by_an_alias_is_an_error() {
    let site = Fixture::new("links");
    site.write(
        "content/paths/start.yaml",
        "title: Start\nsteps:\n  - slug: intro\n  - slug: ch04-01-feelings\n",
    );
    site.write(
        "content/care/sleep.md",
        "---\ntitle: Sleep\naliases: [/paths/start/]\n---\nText.\n",
    );
    both_fail_with(
        &site,
        &["which the reading path 'start' at content/paths/start.yaml:1:1 already publishes"],
    );
}

#[test]
fn a_standalone_page_beside_a_topic_of_its_name_is_an_error() {
    let site = Fixture::new("links");
    site.write("content/guide.md", "---\ntitle: Guide page\n---\nText.\n");
    both_fail_with(
        &site,
        &[
            "error: the article 'guide' would publish '/guide/', which the topic hub 'guide' (built-in page) already publishes",
            "--> content/guide.md:1:1",
            "'/guide-2/' is free",
        ],
    );
}

#[test]
fn files_differing_only_in_case_or_unicode_form_are_errors() {
    let site = Fixture::new("links");
    site.write("content/guide/Photo.PNG", "x");
    both_fail_with(
        &site,
        &[
            "error: the content file 'guide/photo.png' would publish '/guide/photo.png', which the content file 'guide/Photo.PNG' already publishes",
            "--> content/guide/photo.png",
            "'/guide/photo-2.png' is free",
        ],
    );
    let site = Fixture::new("links");
    site.write("content/images/caf\u{e9}.png", "x");
    site.write("content/images/cafe\u{301}.png", "x");
    both_fail_with(&site, &["would publish '/images/caf"]);
    // Tags whose slugs differ only in Unicode form (a compatibility ideograph and
    // the ideograph it normalises to).
    let site = Fixture::new("links");
    site.write(
        "content/care/a.md",
        "---\ntitle: A\ntags: [\u{8c48}]\n---\n[[sleep]]\n",
    );
    site.write(
        "content/care/b.md",
        "---\ntitle: B\ntags: [\u{f900}]\n---\n[[sleep]]\n",
    );
    both_fail_with(&site, &["error: the page of tag '\u{f900}' would publish '/tags/\u{f900}/', which the page of tag '\u{8c48}' at content/care/a.md:3:8 already publishes"]);
}

#[test]
fn serve_does_not_link_to_an_offline_zip_it_does_not_write() {
    let site = Fixture::new("links");
    let out = site.path("served");
    let mut session = attune::serve::Session::new(site.root.clone(), out.clone(), false);
    let rebuild = session.rebuild().unwrap();
    assert!(!rebuild.diagnostics.has_errors());
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!home.contains("offline.zip"), "{home}");
    assert!(!out.join("offline.zip").exists());
    // A build does write it, and links to it.
    site.build().assert_code(0);
    assert!(site.read("index.html").contains("offline.zip"));
    assert!(site.path("public/offline.zip").is_file());
    let _ = Path::new("");
}

#[test]
fn an_article_without_a_title_or_h1_takes_its_first_heading_as_title() {
    let site = Fixture::new("links");
    site.write(
        "content/care/rest.md",
        "## What rest is\n\nRest is [sleep](sleep.md) and more.\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("care/rest/index.html")
        .contains("<h1 id=\"article-title\">What rest is</h1>"));
}
