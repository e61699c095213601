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
    let mut diagnostics = attune::diagnostic::Diagnostics::new();
    let model = attune::model(&options, true, &mut Vec::new(), &mut diagnostics).unwrap();
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
        .assert_stderr_contains("help: download the file into content/");
    // Another site's page in a frame is a link to it, named by the frame's title.
    assert!(!check.stderr.contains("remote frame"), "{}", check.stderr);
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
        "<a href=\"../../../guide/basics/ch04-01-feelings/#naming-feelings\" id=\"ref-1\">the next chapter</a>",
        "<a href=\"../../../tags/\" id=\"ref-3\">the tag list</a>",
        "<a href=\"../../../\" id=\"ref-6\">the home page</a>",
        "<img src=\"../../../images/logo.png\" alt=\"The logo again\"",
        "srcset=\"../../../guide/basics/img/diagram.png 1x, ../../../guide/photo.png 2x\"",
        "<video poster=\"../../../guide/basics/img/diagram.png\" src=\"../../../guide/basics/clip.mp4\"",
        "<a href=\"../../../care/Work%20sheet.pdf\" id=\"ref-7\">",
        "<a id=\"legacy\"></a>",
    ] {
        assert!(intro.contains(needle), "{needle} missing from:\n{intro}");
    }
    // mdBook names a folder's README.md `index.html`: the folder's own page.
    let sleep = site.read("care/sleep/index.html");
    assert!(
        sleep.contains("<a href=\"../../care/\" id=\"ref-1\">overview</a>"),
        "{sleep}"
    );
    assert!(!site.path("public/care/readme").exists());
    // Pages mirror their folders at any depth.
    let detail = site.read("guide/basics/deeper/detail/index.html");
    assert!(detail.contains("<img src=\"../../../../images/logo.png\" alt=\"logo\""));
    assert!(
        detail.contains("<img src=\"../../../../guide/basics/img/diagram.png\" alt=\"diagram\"")
    );
    assert!(
        detail.contains(
            "<a class=\"frame-link\" href=\"https://video.example.com/embed/1\">A remote video</a>"
        ),
        "{detail}"
    );
    assert!(!detail.contains("<iframe"), "{detail}");
    // print.html: the same files from the site root, links between articles in-page.
    let print = site.read("print.html");
    assert!(print.contains("<img src=\"guide/basics/img/diagram.png\" alt=\"Diagram\" srcset=\"guide/basics/img/diagram.png 1x, guide/photo.png 2x\">"));
    assert!(print.contains("href=\"#ch04-01-feelings--naming-feelings\""));
    assert!(print.contains("href=\"#intro--old-section\""));
    assert!(print.contains(">A remote video</a>") && !print.contains("<iframe"));
    // The offline edition names every page's file.
    let offline =
        std::fs::read_to_string(site.path("offline-build/guide/basics/intro/index.html")).unwrap();
    assert!(offline.contains("<a href=\"../../../tags/index.html\" id=\"ref-3\">the tag list</a>"));
    assert!(offline.contains("<a href=\"../../../index.html\" id=\"ref-6\">the home page</a>"));
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
        ("/guide/", "which the topic hub 'guide' at book.toml:7:6 already publishes"),
        ("/tags/start/", "which the page of tag 'start' at content/guide/basics/ch04-01-feelings.md:3:8 already publishes"),
        ("/search/index.js", "which the search index (built-in page) already publishes"),
        ("/search/p0.js", "which the search index (built-in page) already publishes"),
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
    // The folder has its own text, so `guide.md` beside it is a page of its own (without
    // one it would be the folder's text, as an mdBook chapter beside its sub-chapters).
    site.write(
        "content/guide/_index.md",
        "---\ntitle: Guide\n---\nThe guide.\n",
    );
    site.write("content/guide.md", "---\ntitle: Guide page\n---\nText.\n");
    both_fail_with(
        &site,
        &[
            "error: the article 'guide' would publish '/guide/', which the topic hub 'guide' at book.toml:",
            "--> content/guide.md:1:1",
            "'/guide-2/' is free",
        ],
    );
}

#[test]
fn files_differing_only_in_case_or_unicode_form_are_errors_and_equivalent_tags_one() {
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
    // Two images (the same bytes under both names would be one file published).
    site.write("content/images/caf\u{e9}.png", "x");
    site.write("content/images/cafe\u{301}.png", "y");
    both_fail_with(&site, &["would publish '/images/caf"]);
    // Tags that differ only in Unicode form (a compatibility ideograph and the
    // ideograph it is canonically equivalent to) are one tag: slugs are composed
    // (NFC) first, as a name macOS wrote decomposed is.
    let site = Fixture::new("links");
    site.write(
        "content/care/a.md",
        "---\ntitle: A\ntags: [\u{8c48}]\n---\n[[sleep]]\n",
    );
    site.write(
        "content/care/b.md",
        "---\ntitle: B\ntags: [\u{f900}]\n---\n[[sleep]]\n",
    );
    site.build().assert_code(0);
    let tag = site.read("tags/\u{8c48}/index.html");
    assert!(tag.contains(">A<") && tag.contains(">B<"), "{tag}");
    assert!(!site.path("public/tags/\u{f900}").exists());
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

#[test]
fn a_link_to_an_article_makes_a_backlink_whatever_form_it_is_written_in() {
    let site = Fixture::new("links");
    site.write(
        "content/care/target.md",
        "---\ntitle: Target\n---\n## Why\n\nBecause.\n",
    );
    let forms = [
        ("by-md", "Read [the md form](../care/target.md) today."),
        (
            "by-html",
            "Read [the html form](../care/target.html#why) today.",
        ),
        (
            "by-folder",
            "Read [the folder form](../care/target/) today.",
        ),
        ("by-root", "Read [the root form](/care/target/) today."),
        ("by-wikilink", "Read [[target|the wikilink form]] today."),
        (
            "by-raw-html",
            "Read <a href=\"../care/target/\">raw</a> today.",
        ),
    ];
    for (name, text) in forms {
        site.write(
            &format!("content/guide/{name}.md"),
            format!("---\ntitle: From {name}\n---\n{text}\n"),
        );
    }
    site.run(&["check"]).assert_code(0);
    site.build().assert_code(0);
    let page = site.read("care/target/index.html");
    let mentioned = &page[page
        .find("id=\"mentioned-in\"")
        .expect("a Mentioned in list")..];
    for (name, form) in [
        ("by-md", "md"),
        ("by-html", "html"),
        ("by-folder", "folder"),
        ("by-root", "root"),
        ("by-wikilink", "wikilink"),
    ] {
        let needle = format!(
            "<a href=\"../../guide/{name}/#ref-1\">From {name}</a><blockquote><p>Read <mark>the {form} form</mark> today.</p></blockquote>"
        );
        assert!(
            mentioned.contains(&needle),
            "{needle} missing from:\n{mentioned}"
        );
    }
    // Raw HTML has no sentence the parser quotes: the entry leads to the page.
    assert!(
        mentioned.contains("<a href=\"../../guide/by-raw-html/\">From by-raw-html</a>"),
        "{mentioned}"
    );
    // The spot each backlink names is on the linking page.
    assert!(site
        .read("guide/by-html/index.html")
        .contains("<a href=\"../../care/target/#why\" id=\"ref-1\">the html form</a>"));
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn files_under_the_search_and_assets_folders_are_checked_like_any_other() {
    // attune writes `assets/` and `search/` too, but only the files it names: content
    // files beside them are published and linked as any other, and a link to a file
    // there that nothing writes is broken.
    let site = Fixture::new("links");
    site.write("content/assets/banner.png", b"\x89PNG");
    site.write("content/search/help.txt", "How to search.\n");
    site.write("themes/mine/templates/.keep", "");
    site.write("themes/mine/static/extra.css", "p { margin: 0 }\n");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", format!("{book}\n[build]\ntheme = \"mine\"\n"));
    site.write(
        "content/care/files.md",
        "---\ntitle: Files\n---\n![A banner](../assets/banner.png) ![Again](/assets/banner.png)\n\n[style](/assets/style.css), [extra](/assets/extra.css), [help](../search/help.txt), [index](/search/index.js).\n",
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    every_file_is_in_the_url_table(&site);
    let page = site.read("care/files/index.html");
    assert!(
        page.contains("<img src=\"../../assets/banner.png\" alt=\"A banner\""),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"../../assets/extra.css\" id=\"ref-2\">extra</a>"),
        "{page}"
    );

    site.write(
        "content/care/files.md",
        "---\ntitle: Files\n---\n![Gone](/assets/gone.png) [gone](../search/gone.txt) [shard](/search/v0.js) [theme](/assets/extra2.css)\n",
    );
    both_fail_with(
        &site,
        &[
            "error: image '/assets/gone.png' does not exist\n --> content/care/files.md:4:1",
            "error: broken link to '../search/gone.txt': no page or file there\n --> content/care/files.md:4:27",
            "error: '/search/v0.js' is a file of the search index, whose names change whenever the content does\n --> content/care/files.md:4:54",
            "help: link to the search page (/search/) instead",
            "error: broken link to '/assets/extra2.css': no page or file there",
        ],
    );

    // A content file on a name attune writes there (in any letter case) is left out,
    // with a warning: attune's own files are published where they always are.
    site.write("content/care/files.md", "---\ntitle: Files\n---\nText.\n");
    site.write("content/assets/Style.css", "p {}\n");
    site.write("content/search/V1.js", "");
    for run in [site.run(&["check"]), site.build()] {
        run.assert_code(0)
            .assert_stderr_contains("warning: the content file 'assets/Style.css' would publish '/assets/Style.css', which the theme's assets (built-in page) publishes: attune's is published, and this file is left out")
            .assert_stderr_contains("warning: the content file 'search/V1.js' would publish '/search/V1.js', which the search index (built-in page) publishes: attune's is published, and this file is left out");
    }
    assert!(!site.read("assets/style.css").starts_with("p {}"));
    assert!(!site.path("public/search/V1.js").exists());
}

#[test]
fn html_files_copied_from_content_are_checked_as_the_browser_reads_them() {
    // A copied HTML file is published as it is: its links are checked as written,
    // from its place in the output, in both editions (the fixture has offline.zip).
    let site = Fixture::new("links");
    site.write(
        "content/care/old/page.html",
        "<!doctype html>\n<h1 id=\"top-of-it\">Old</h1>\n<a href=\"../sleep/index.html#x\">sleep</a> <a href=\"../Work%20sheet.pdf\">sheet</a> <a href=\"#top-of-it\">up</a>\n<img src=\"../../images/logo.png\" alt=\"\"> <a href=\"../../guide/basics/intro/index.html#naming\">naming</a>\n",
    );
    site.write(
        "content/care/sleep.md",
        "---\ntitle: Sleep\n---\n<a id=\"x\"></a>Sleep matters; see [the old page](old/page.html).\n",
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");

    site.write(
        "content/care/old/page.html",
        "<p><a href=\"/care/sleep/\">root</a>\n<a href=\"../sleep/\">folder</a> <img src=\"../logo.png\">\n<a href=\"../sleep/index.html#nope\">gone</a> <a href=\"#nowhere\">here</a></p>\n",
    );
    both_fail_with(
        &site,
        &[
            "error: '/care/sleep/' starts from the site root: this file is published as it is, so the link breaks under a sub-path and offline\n --> content/care/old/page.html:1:13",
            "error: '../sleep/' names a folder: read from a folder or USB stick (file://), it shows a listing, not the page\n --> content/care/old/page.html:2:10",
            "help: name the page's file: '../sleep/index.html'",
            "error: image '../logo.png' does not exist\n --> content/care/old/page.html:2:42",
            "error: no heading or id 'nope' in 'care/sleep/index.html'\n --> content/care/old/page.html:3:10",
            "error: no heading or id 'nowhere' in 'care/old/page.html'",
        ],
    );
    // The offline build refuses them too.
    let offline = site.run(&["build", "--offline", "--out", "offline-build"]);
    offline.assert_code(1);
}

#[test]
fn a_link_to_the_first_words_of_a_heading_is_offered_the_heading() {
    // 0xtr1gger's notes: `[[#`RUBYLIB`]]` for the heading "`RUBYLIB`: Ruby library
    // hijacking" had no help.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/Linux/Variables.md",
        "# Variables\n\nSee [[#`RUBYLIB`]].\n\n## `RUBYLIB`: Ruby library hijacking\n\nText.\n\n## The `RUBYLIB` variable\n\nMore.\n",
    );
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{toml}\n[build]\nbroken_links = \"warn\"\n"),
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: no heading with id '`RUBYLIB`' in this page");
    run.assert_stderr_contains(
        "help: did you mean 'rubylib-ruby-library-hijacking'? A heading is named by its whole text",
    );
}

#[test]
fn many_paths_to_nothing_in_copied_html_are_one_warning() {
    // BurntNail's vault keeps a Dataview table exported as HTML in `Scripts/`: its 98
    // links into folders the vault no longer has were 98 warnings.
    let site = Fixture::new("links");
    let links: String = (1..=5)
        .map(|n| format!("<a href=\"Past Papers/paper {n}.pdf\">{n}</a>\n"))
        .collect();
    site.write(
        "content/care/old/table.html",
        format!("<table>\n{links}</table>\n"),
    );
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{toml}\n[build]\nbroken_links = \"warn\"\n"),
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: broken link to 'Past Papers/paper 1.pdf': no page or file there (5 paths to nothing in 'care/old/table.html' in one file, reported here as one)\n --> content/care/old/table.html:2:10");
    assert_eq!(
        run.stderr.matches("warning: broken link").count(),
        1,
        "{}",
        run.stderr
    );
    // One path in each of many files (a built site's navigation): one warning for
    // the path, still.
    site.remove("content/care/old/table.html");
    for name in ["a", "b", "c", "d", "e"] {
        site.write(
            &format!("content/care/old/{name}.html"),
            "<a href=\"../gone.html\">gone</a>\n",
        );
    }
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("(5 uses of '../gone.html', reported here as one)");
}

#[test]
fn a_meta_refresh_in_raw_html_leads_where_a_browser_goes_and_is_checked() {
    // Sites moved from MkDocs or Jekyll keep moved pages as a raw meta refresh:
    // the browser follows its address like a link, so it is checked and rewritten.
    let site = Fixture::new("links");
    site.write(
        "content/care/moved.md",
        "---\ntitle: Moved\n---\n<meta http-equiv=\"refresh\" content=\"0; url=../gone.html\">\n\nThis page moved.\n",
    );
    both_fail_with(
        &site,
        &[
            "error: broken link to '../gone.html'",
            "--> content/care/moved.md:4:44",
        ],
    );
    site.write(
        "content/care/moved.md",
        "---\ntitle: Moved\n---\n<meta http-equiv=\"refresh\" content=\"0; url=sleep.md\">\n\nThis page moved.\n",
    );
    site.build().assert_code(0);
    let page = site.read("care/moved/index.html");
    assert!(
        page.contains("content=\"0; url=../../care/sleep/\""),
        "{page}"
    ); // The print edition holds every article: one refresh must not send it away.
    let print = site.read("print.html");
    assert!(print.contains("This page moved."));
    assert!(!print
        .to_ascii_lowercase()
        .contains("http-equiv=\"refresh\""));
}

#[test]
fn a_server_template_among_the_files_is_not_checked_and_warn_makes_copied_links_warnings() {
    // A notes book keeps a Django project's templates among its code examples: their
    // `{% static %}` and `{% url %}` addresses, and the server's own root-relative
    // paths, were errors, as if the templates were pages of the site.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/notes/django.md",
        "# Django\n\nSee [the template](code/cart.html).\n",
    );
    site.write(
        "content/notes/code/cart.html",
        "{% load static %}\n<link href=\"{% static 'css/bootstrap.min.css' %}\" rel=\"stylesheet\">\n<a href=\"/show_cart\">cart</a> <a href=\"list_goods\">goods</a> <img src=\"{% static goods.image %}\">\n",
    );
    // A page of its own whose only templated address is filled in by a script.
    site.write(
        "content/notes/code/vue.html",
        "<div id=\"app\"><a v-bind:href=\"x\" href=\"{{ item.href }}\">{{ item.name }}</a></div>\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("cart.html") && !run.stderr.contains("vue.html"),
        "{}",
        run.stderr
    );
    // A page that is no template is checked; `broken_links = "warn"` makes what it
    // lacks a warning, as it is for Markdown, and the file is published unchanged.
    site.write(
        "content/notes/code/waterfall.html",
        "<link rel=\"stylesheet\" href=\"mycss.css\">\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: stylesheet or font 'mycss.css' does not exist");
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n[build]\nbroken_links = \"warn\"\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: stylesheet or font 'mycss.css' does not exist");
    assert!(site.read("notes/code/waterfall.html").contains("mycss.css"));
}

#[test]
fn another_tool_s_built_pages_in_the_content_folder_do_not_stop_the_build() {
    // pweissneo/second-brain-quartz commits Quartz's built pages into its content
    // folder beside the notes: `content/index.html` beside `content/index.md` was a
    // URL collision with the home page that stopped the build, and every built page's
    // navigation (`../index.css`, 178 files) was a warning each: 3,929 warnings.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write("content/index.md", "# Garden\n\nWelcome to the garden.\n");
    site.write("content/notes/first.md", "# First\n\nA note.\n");
    site.write(
        "content/index.html",
        "<!DOCTYPE html><html><head><title>index</title></head><body>Quartz's home</body></html>\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: the content file 'index.html' would publish '/', which the home page (built-in page) publishes: the page is published, and this file is left out\n--> content/index.html",
    );
    let home = site.read("index.html");
    assert!(home.contains("Welcome to the garden.") && !home.contains("Quartz's home"));
    // A built page at a page's address is left out likewise; others are copied.
    site.write("content/notes/first/index.html", "<p>Quartz's first</p>\n");
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: the content file 'notes/first/index.html' would publish '/notes/first/', which the article 'first' at content/notes/first.md:1:1 publishes");
    assert!(site.read("notes/first/index.html").contains("A note."));
    // The same failing address in many copied files is one report that counts them;
    // an address that fails once is reported as it is.
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n[build]\nbroken_links = \"warn\"\n",
    );
    for name in ["a", "b", "c", "d", "e"] {
        site.write(
            &format!("content/{name}.html"),
            format!("<link rel=\"stylesheet\" href=\"../index.css\"><a href=\"gone-{name}.html\">x</a>\n"),
        );
    }
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: '../index.css' leads outside the site (5 uses of '../index.css', reported here as one)\n --> content/a.html:1:30")
        .assert_stderr_contains("warning: broken link to 'gone-e.html': no page or file there");
    assert_eq!(
        run.stderr.matches("leads outside the site").count(),
        1,
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("broken link to 'gone-").count(),
        5,
        "{}",
        run.stderr
    );
}

#[test]
fn many_remote_images_from_one_origin_are_one_warning() {
    // obsidian-community/obsidian-hub: 13,547 badges from img.shields.io, one warning
    // each, buried the vault's other 1,179 reports. Many from one origin are one
    // warning at the first, counting them and their files; a few stay one each.
    let site = Fixture::new("links");
    for (i, note) in ["a", "b", "c"].iter().enumerate() {
        site.write(
            &format!("content/guide/badges-{note}.md"),
            format!(
                "---\ntitle: Badges {note}\n---\n![stars](https://img.shields.io/github/stars/x/{i})\n\n![downloads](https://img.shields.io/badge/d-{i})\n"
            ),
        );
    }
    let check = site.run(&["check"]);
    check
        .assert_code(0)
        .assert_stderr_contains(
            "warning: 6 remote images from img.shields.io will not load (3 files have them)",
        )
        .assert_stderr_contains("--> content/guide/badges-a.md:4:1")
        .assert_stderr_contains("'https://img.shields.io/badge/d-0' here too")
        .assert_stderr_contains("an image made on request (a badge, a chart)")
        .assert_stderr_contains(
            "warning: remote image 'https://images.example.com/cat.png' will not load",
        );
    assert!(
        !check
            .stderr
            .contains("remote image 'https://img.shields.io"),
        "{}",
        check.stderr
    );
}

#[test]
fn a_missing_file_s_help_names_the_content_folder_the_site_has() {
    // serde-rs' GitBook keeps its chapters in `_src/`: "put the file under content/"
    // named a folder the site does not have.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n[build]\ncontent_dir = \"_src\"\n",
    );
    site.write("_src/README.md", "# Serde\n\n![GitHub](/img/github.svg)\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("image '/img/github.svg' does not exist")
        .assert_stderr_contains("help: put the file in the content folder (`_src/`)");
    // The file is in the site's folder, beside `_src/`: the help names the mount that
    // publishes it, and that mount does.
    site.write(
        "img/github.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.build().assert_code(1).assert_stderr_contains(
        "help: the file is at img/github.svg in the site's folder, outside the content folder: add `[[mounts]]` with `source = \"img\"` and `target = \"static/img\"` to book.toml to publish it at /img",
    );
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[[mounts]]\nsource = \"img\"\ntarget = \"static/img\"\n"),
    );
    site.build().assert_code(0);
    assert!(site.read("index.html").contains("src=\"./img/github.svg\""));
}

#[test]
fn an_image_at_the_sites_own_address_is_its_file_on_any_host() {
    // redox-os/website's news show `<img src="https://www.redox-os.org/img/…png">`,
    // files of its `static/img/`: with that `base_url` they are the site's own, written
    // relative to the page, so they load offline and under another host; one the site
    // does not have stays a remote image.
    let site = Fixture::new("hugo");
    site.write("static/img/board.png", "png");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\nstatic_dir = \"static\"\n"),
    );
    site.write(
        "content/posts/hardware.md",
        "---\ntitle: Hardware\n---\n![Board](https://hugo.example.org/img/board.png)\n\n\
         <img src=\"http://HUGO.example.org/img/board.png\" alt=\"The board\">\n\n\
         ![Gone](https://hugo.example.org/img/gone.png) ![Chat](https://chat.example.org/img/board.png)\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "remote image 'https://hugo.example.org/img/gone.png' will not load",
        )
        .assert_stderr_contains(
            "remote image 'https://chat.example.org/img/board.png' will not load",
        );
    assert!(
        !run.stderr
            .contains("img/board.png' will not load\n --> content/posts/hardware.md:4"),
        "{}",
        run.stderr
    );
    let page = site.read("posts/hardware/index.html");
    assert_eq!(
        page.matches("src=\"../../img/board.png\"").count(),
        2,
        "{page}"
    );
}

#[test]
fn a_link_without_text_reads_the_heading_or_title_it_leads_to() {
    // MyST's and Sphinx's `[](target)` takes the target's title; executablebooks'
    // jupyter-book docs write `see [](custom-assets)`. CommonMark gives an empty
    // `<a>`, which shows nothing and names nothing for a screen reader.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/care/one.md",
        "---\ntitle: One\n---\nSee [](two.md), [](two.md#when-to-call) and [](#below).\n\nCall [](https://example.org/helplines?country=uk&lang=en) or write to [](mailto:help@example.org).\n\n## Below\n\nText.\n",
    );
    site.write(
        "content/care/two.md",
        "---\ntitle: Crisis lines\n---\n## When to call\n\nText.\n",
    );
    site.build().assert_code(0);
    let page = site.read("care/one/index.html");
    assert!(
        page.contains("See <a href=\"../../care/two/\" id=\"ref-1\">Crisis lines</a>, <a href=\"../../care/two/#when-to-call\" id=\"ref-2\">When to call</a> and <a href=\"#below\" id=\"ref-3\">Below</a>."),
        "{page}"
    );
    // A link to another site reads its address (an email link, the address alone).
    assert!(
        page.contains("Call <a href=\"https://example.org/helplines?country=uk&amp;lang=en\">https://example.org/helplines?country=uk&amp;lang=en</a> or write to <a href=\"mailto:help@example.org\">help@example.org</a>."),
        "{page}"
    );
    let print = site.read("print.html");
    assert!(
        print.contains("id=\"one--ref-1\">Crisis lines</a>"),
        "{print}"
    );
    assert!(print.contains(">help@example.org</a>"), "{print}");
}

#[test]
fn spaces_inside_an_address_s_angle_brackets_are_no_part_of_it() {
    // PKMer's docs: `[a tutorial](< https://forum.obsidian.md/t/…>)` was published as
    // the path `%20https://forum…`, leading nowhere, and `check` said nothing.
    let site = Fixture::new("links");
    site.write(
        "content/care/spaced.md",
        "---\ntitle: Spaced\n---\nSee [a tutorial](< https://example.org/t/46150>), [the end](<https://example.org/b >) and [intro](< ../guide/basics/intro.md >).\n",
    );
    site.build().assert_code(0);
    let page = site.read("care/spaced/index.html");
    assert!(
        page.contains("<a href=\"https://example.org/t/46150\">a tutorial</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"https://example.org/b\">the end</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"../../guide/basics/intro/\""),
        "{page}"
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_web_address_written_without_its_scheme_is_named_with_it() {
    // An Obsidian vault's `[Betaflight](betaflight.com/)`: the browser looks for a
    // page on this site, and the help said to put a file in the content folder.
    let site = Fixture::new("links");
    site.write(
        "content/care/bare.md",
        "---\ntitle: Bare\n---\nSee [Betaflight](betaflight.com/), [CoreGrok](go.example.org/grok), [Mail](me@noskill.agency) and [the script](script/tool.py).\n\n[vim plugins]( [https://vimawesome.com](https://vimawesome.com/))\n",
    );
    let check = site.run(&["check"]);
    check
        .assert_code(1)
        .assert_stderr_contains("broken link to 'betaflight.com/'")
        .assert_stderr_contains("help: a web address needs its scheme, or the browser looks for it on this site: write `https://betaflight.com/`")
        .assert_stderr_contains("write `https://go.example.org/grok`")
        // FIPSBook's `[Mail](1ikeadragon@noskill.agency)`.
        .assert_stderr_contains("help: an email address needs `mailto:`, or the browser looks for it on this site: write `mailto:me@noskill.agency`")
        // A link pasted into another's parentheses, in 0x1Super's notes.
        .assert_stderr_contains("help: the address holds a whole Markdown link, as pasting one into a link's parentheses writes it: write its address alone, `https://vimawesome.com/`");
    // A file's path keeps the help about files.
    let script = check.stderr.split("'script/tool.py'").nth(1).unwrap_or("");
    assert!(
        script.contains("help: put the file in the content folder"),
        "{}",
        check.stderr
    );
}

#[test]
fn a_file_s_name_with_a_slash_after_it_is_named_without() {
    // UCL's DSH docs: `[request it](3-DSH_Cluster.md/#requesting-software-installs)`,
    // a folder that is not there; the help had no suggestion at all.
    let site = Fixture::new("links");
    site.write(
        "content/care/slashed.md",
        "---\ntitle: Slashed\n---\n## Part\n\nSee [the part](other.md/#part).\n",
    );
    site.write("content/care/other.md", "---\ntitle: Other\n---\n## Part\n");
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("broken link to 'other.md/#part'")
        .assert_stderr_contains("help: 'other.md' is a file, not a folder: write `other.md#part`, without the `/` after its name");
}

#[test]
fn a_note_not_written_yet_from_the_root_is_not_said_to_be_relative() {
    // 0xn3va's cheat sheets: `[here](/Linux/console-commands.md#chmod)`, with the help
    // "the path is relative to this file's folder" for a path from the root.
    let site = Fixture::new("links");
    site.write(
        "content/care/rooted.md",
        "---\ntitle: Rooted\n---\nSee [here](/zzqx/wvjk.md#chmod) and [there](wvjk.md).\n",
    );
    let check = site.run(&["check"]);
    check
        .assert_stderr_contains("'/zzqx/wvjk.md' is not written yet")
        .assert_stderr_contains("help: a path starting with `/` starts from the content folder")
        .assert_stderr_contains("help: the path is relative to this file's folder");
}

#[test]
fn a_note_not_written_yet_is_offered_the_nearest_file_as_its_link_was_written() {
    // BrighterCommand's GitBook keeps each edition in its own folder, `contents/9/` and
    // `contents/10/`, and links `/contents/Routing.md`: the help offered the other
    // edition's file, by a path climbing to the content folder and down again.
    let site = Fixture::new("links");
    for edition in ["9", "10"] {
        site.write(
            &format!("content/care/{edition}/dispatching.md"),
            format!("---\ntitle: Dispatching {edition}\n---\nText.\n"),
        );
    }
    site.write(
        "content/care/9/page.md",
        "---\ntitle: Nine\n---\nSee [one](/care/dispatchin.md) and [two](dispatchin.md).\n",
    );
    let check = site.run(&["check"]);
    check
        .assert_stderr_contains("'/care/dispatchin.md' is not written yet")
        .assert_stderr_contains("help: did you mean '/care/9/dispatching.md'?")
        .assert_stderr_contains("help: did you mean 'dispatching.md'?");
    // A folder's README.md is found by its file's name too, in the folder the link
    // leads into (1757WestwoodRobotics' `[RobotPY](./robotpy/REATDME.md)`): the help
    // said only how the path is read.
    site.write(
        "content/care/9/README.md",
        "---\ntitle: Nine's\n---\nText.\n",
    );
    site.write(
        "content/care/9/robot/README.md",
        "---\ntitle: Robot\n---\nText.\n",
    );
    site.write(
        "content/care/9/tools.md",
        "---\ntitle: Tools\n---\nSee [the robot](./robot/REATDME.md) and [again](../robot/README.md).\n",
    );
    // A folder's own text is named by its folder: HackTricks'
    // `aws-ecs-post-exploitation/README.md`, one folder off, was offered the linking
    // file's own README.md.
    let check = site.run(&["check"]);
    check.assert_stderr_contains("help: did you mean 'robot/README.md'?");
    let up = check
        .stderr
        .split("warning: ")
        .find(|d| d.starts_with("'../robot/README.md' is not written yet"))
        .expect("the link one folder off");
    assert!(up.contains("did you mean 'robot/README.md'?"), "{up}");
}

#[test]
fn a_folder_s_page_that_is_not_there_is_offered_the_page_of_the_nearest_name() {
    // HackTricks Cloud: `[automation](../az-automation-account/index.html)` for
    // `az-automation-accounts.md`; the nearest file named `index.html` was none, and
    // the help said to put a file in the content folder.
    let site = Fixture::new("links");
    site.write(
        "content/care/automation-accounts.md",
        "---\ntitle: Automation accounts\n---\nText.\n",
    );
    site.write(
        "content/care/folders.md",
        "---\ntitle: Folders\n---\nSee [automation](automation-account/index.html) and [again](automation-account/).\n",
    );
    let check = site.run(&["check"]);
    check
        .assert_stderr_contains("broken link to 'automation-account/index.html'")
        .assert_stderr_contains("help: did you mean 'automation-accounts.md'?");
    assert_eq!(
        check
            .stderr
            .matches("did you mean 'automation-accounts.md'?")
            .count(),
        2,
        "{}",
        check.stderr
    );
}

#[test]
fn a_caret_in_a_links_address_is_percent_encoded_as_the_url_standard_asks() {
    // MDN's and GitHub's search addresses hold `^`; the Nu HTML checker calls a bare
    // one an illegal character in the query.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/notes/search.md",
        "# Search\n\nFind [lines starting](https://example.org/search?q=^word&x=1) and \
         <https://example.org/a^b>.\n\n![chart](chart^1.png)\n",
    );
    site.write("content/notes/chart^1.png", b"\x89PNG\r\n\x1a\n");
    site.build().assert_code(0);
    let page = site.read("notes/search/index.html");
    assert!(
        page.contains("href=\"https://example.org/search?q=%5Eword&amp;x=1\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"https://example.org/a%5Eb\""),
        "{page}"
    );
    assert!(page.contains("src=\"../../notes/chart%5E1.png\""), "{page}");
    assert!(site.path("public/notes/chart^1.png").is_file());
}
