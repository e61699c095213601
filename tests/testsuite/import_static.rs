//! Hugo's and Zola's `static/` folder, read with `[build] static_dir`: its files are
//! published at the site root byte for byte, links to them resolve, they are claimed
//! in the URL table, and a bad value or a special file in it never goes unnoticed.
//! Every special node is created here, in a temporary folder.

use crate::support::{Fixture, Run};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Bytes no text encoding would keep as they are.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01binary\r\n";

/// The Hugo fixture with `[build] static_dir = "static"` (or another `value`, as
/// written) and a `static/` folder of an image, a PDF, a hidden file and an old page.
fn hugo_with_static(value: &str) -> Fixture {
    let site = Fixture::new("hugo");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\nstatic_dir = {value}\n"),
    );
    site.write("static/images/logo.png", PNG);
    site.write("static/files/guide.pdf", b"%PDF-1.4 guide");
    site.write("static/.gitkeep", "");
    site.write("static/images/.DS_Store", "finder");
    site.write(
        "static/old/index.html",
        "<!DOCTYPE html><title>Moved</title><p><a href=\"../images/logo.png\">logo</a></p>\n",
    );
    site
}

/// The article's own text on its page.
fn body(page: &str) -> &str {
    let start = page
        .find("<div class=\"article-body\">")
        .expect("an article body");
    let end = start + page[start..].find("</div>").expect("its end");
    &page[start..end]
}

#[test]
fn static_files_are_published_at_the_root_and_links_to_them_resolve() {
    let site = hugo_with_static("\"static\"");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n![The logo](/images/logo.png)\n\nRead [the guide](/files/guide.pdf), or the [old page](/old/).\n\n<img src=\"/images/logo.png\" alt=\"Logo again\">\n\nFrom here: ![relative](../images/logo.png)\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    // Byte for byte, at the root, under its path in the folder.
    assert_eq!(
        std::fs::read(site.path("public/images/logo.png")).unwrap(),
        PNG
    );
    assert_eq!(
        std::fs::read(site.path("public/files/guide.pdf")).unwrap(),
        b"%PDF-1.4 guide"
    );
    assert!(site.read("old/index.html").contains("<title>Moved</title>"));
    // Hidden files are left out, as in the content folder.
    assert!(!site.path("public/.gitkeep").exists());
    assert!(!site.path("public/images/.DS_Store").exists());
    // Each reference written relative to the page, so it works under a sub-path.
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    assert!(
        text.contains("src=\"../../images/logo.png\" alt=\"The logo\""),
        "{text}"
    );
    assert!(text.contains("href=\"../../files/guide.pdf\""), "{text}");
    assert!(text.contains("href=\"../../old/\""), "{text}");
    assert!(
        text.contains("<img src=\"../../images/logo.png\" alt=\"Logo again\">"),
        "{text}"
    );
    assert_eq!(text.matches("../../images/logo.png").count(), 3, "{text}");
    // The offline edition holds them too, and links to the old page by its file.
    let zip = std::fs::read(site.path("public/offline.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    let logo = names
        .iter()
        .find(|n| n.ends_with("/images/logo.png"))
        .unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(&logo.clone()).unwrap(), &mut bytes).unwrap();
    assert_eq!(bytes, PNG);
    let third = names
        .iter()
        .find(|n| n.ends_with("posts/third/index.html"))
        .unwrap();
    let mut offline = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(&third.clone()).unwrap(), &mut offline).unwrap();
    assert!(
        offline.contains("href=\"../../old/index.html\""),
        "{offline}"
    );
    // `check` agrees, and copies nothing.
    site.remove("public");
    site.run(&["check"]).assert_code(0);
    assert!(!site.path("public").exists());
}

#[test]
fn a_missing_static_file_is_still_an_error() {
    let site = hugo_with_static("\"static\"");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n![Lost](/images/lost.png)\n\n<img src=\"/images/gone.png\" alt=\"x\">\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains(
            "error: image '/images/lost.png' does not exist\n --> content/posts/third.md:4:1",
        )
        .assert_stderr_contains("image '/images/gone.png' does not exist");
    let json = site.run(&["check", "--format", "json"]);
    assert_eq!(
        json.stdout.matches("\"code\": \"missing-file\"").count(),
        2,
        "{}",
        json.stdout
    );
}

#[test]
fn without_static_dir_the_folder_is_not_read_and_the_error_says_so() {
    let site = Fixture::new("hugo");
    site.write("static/images/logo.png", PNG);
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n![The logo](/images/logo.png)\n\n![Lost](/images/lost.png)\n",
    );
    let run = site.build();
    run.assert_code(1).assert_stderr_contains(
        "the file is in static/: set `static_dir = \"static\"` under [build] in book.toml",
    );
    // Only for the file that is there.
    assert_eq!(
        run.stderr.matches("the file is in static/").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(!site.path("public/images/logo.png").exists());
}

#[test]
fn a_static_file_at_the_address_of_a_page_collides() {
    let site = hugo_with_static("\"static\"");
    site.write("static/posts/second-post/index.html", "<p>old</p>\n");
    site.write("static/posts/first-post/launch.png", PNG);
    let run = site.build();
    run.assert_code(1)
        .assert_stderr_contains("error: the static file 'static/posts/second-post/index.html' would publish '/posts/second-post/', which the article 'second-post' at content/posts/second-post.md:1:1 already publishes\n --> static/posts/second-post/index.html");
    assert!(!site.path("public").exists(), "nothing is written");
}

#[test]
fn a_static_page_where_a_folder_has_no_text_of_its_own_is_published_in_place_of_its_hub() {
    // spiffe/spiffe.io: `content/docs/_index.md` says `build: {render: never}` and
    // `static/docs/index.html` redirects to the first chapter, as Hugo publishes it;
    // attune drew a hub for `docs/` and stopped the build on the collision.
    let site = hugo_with_static("\"static\"");
    site.write(
        "content/docs/_index.md",
        "---\ntitle: Docs redirect\nbuild:\n  render: never\n---\n",
    );
    let redirect = "<!doctype html><title>Redirecting</title><p><a href=\"overview/index.html\">Overview</a></p>\n";
    site.write("static/docs/index.html", redirect);
    // A folder below one, with no text of its own either.
    site.write(
        "static/docs/reference/index.html",
        "<p>Reference, elsewhere</p>\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("url-collision"), "{}", run.stderr);
    assert_eq!(site.read("docs/index.html"), redirect);
    assert_eq!(
        site.read("docs/reference/index.html"),
        "<p>Reference, elsewhere</p>\n"
    );
    assert!(site.read("docs/overview/index.html").contains("<h1"));
    // A folder whose own text is published keeps its page: the static file collides.
    site.write("static/posts/index.html", "<p>old list</p>\n");
    site.build().assert_code(1).assert_stderr_contains(
        "error: the static file 'static/posts/index.html' would publish '/posts/'",
    );
}

/// volcano-sh/website keeps an old build's `static/sitemap.xml`, and phil-opp's
/// blog_os (Zola) a redirect from its old feed at `static/atom.xml/index.html`: each
/// stopped the build ("nothing was written"), as if the site had two owners for the
/// address. attune writes its own pages and files in every build, so another tool's
/// file there is left out, with a warning saying so.
#[test]
fn a_static_file_where_attune_writes_its_own_is_left_out_with_a_warning() {
    let site = hugo_with_static("\"static\"");
    site.write(
        "static/sitemap.xml",
        "<urlset><!-- another tool's --></urlset>\n",
    );
    site.write(
        "static/atom.xml/index.html",
        "<!DOCTYPE html><meta http-equiv=\"refresh\" content=\"0; url=/rss.xml\">\n",
    );
    site.write("static/assets/style.css", "body{}\n");
    site.write("static/search/index.js", "var old;\n");
    for run in [site.run(&["check"]), site.build()] {
        run.assert_code(0)
            .assert_stderr_contains("warning: the static file 'static/sitemap.xml' would publish '/sitemap.xml', which the sitemap (built-in page) publishes: attune's is published, and this file is left out\n--> static/sitemap.xml")
            .assert_stderr_contains("help: attune writes it in every build; delete the file if another tool made it, or give it another name to publish it too")
            .assert_stderr_contains("warning: the static file 'static/atom.xml/index.html' would publish '/atom.xml/', which the Atom feed (built-in page) publishes")
            .assert_stderr_contains("warning: the static file 'static/assets/style.css' would publish '/assets/style.css', which the theme's assets (built-in page) publishes")
            .assert_stderr_contains("warning: the static file 'static/search/index.js' would publish '/search/index.js', which the search index (built-in page) publishes");
    }
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("/posts/first-post/"), "{sitemap}");
    assert!(!sitemap.contains("another tool's"), "{sitemap}");
    assert!(site.read("atom.xml").contains("<feed"));
    assert!(!site.read("assets/style.css").starts_with("body{}"));
    assert!(!site.read("search/index.js").contains("var old"));
    // The site's other static files are published as before.
    assert!(site.path("public/images/logo.png").is_file());
    let manifest = site.read("urls.json");
    assert!(!manifest.contains("static/sitemap.xml"), "{manifest}");
}

/// endler.dev (Zola) keeps `content/2020/sponsors/perf.jpg` and another
/// `static/2020/sponsors/perf.jpg`: Zola publishes the static one, and the build
/// stopped on a collision.
#[test]
fn a_static_file_at_a_content_files_path_is_published_in_its_place() {
    let site = hugo_with_static("\"static\"");
    site.write("static/posts/first-post/launch.png", PNG);
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: the content file 'posts/first-post/launch.png' and the static file 'static/posts/first-post/launch.png' would both publish '/posts/first-post/launch.png': the static file is published, as Zola publishes it\n--> content/posts/first-post/launch.png",
    );
    assert_eq!(
        std::fs::read(site.path("public/posts/first-post/launch.png")).unwrap(),
        PNG
    );
    // The page's image is the published file.
    assert!(site
        .read("posts/first-post/index.html")
        .contains("src=\"../../posts/first-post/launch.png\""));
    // The same bytes in both folders say nothing.
    let same = std::fs::read(site.path("content/posts/first-post/launch.png")).unwrap();
    site.write("static/posts/first-post/launch.png", &same);
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("url-collision") && !run.stderr.contains("launch.png"),
        "{}",
        run.stderr
    );
}

#[test]
fn two_static_files_with_the_same_bytes_and_names_differing_in_case_are_one_file() {
    // OfferZen-Community/developers-finance holds `OneCart.png` and `onecart.png`,
    // one image added twice, and its pages name both: that is no clash.
    let site = hugo_with_static("\"static\"");
    site.write("static/img/OneCart.png", PNG);
    site.write("static/img/onecart.png", PNG);
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n![One](/img/onecart.png) ![Two](/img/OneCart.png)\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("url-collision"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("'/img/onecart.png' differs"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("'/img/OneCart.png' differs"),
        "{}",
        run.stderr
    );
    // One of the two is published, and every image shows it.
    let names: Vec<String> = std::fs::read_dir(site.path("public/img"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let page = site.read("posts/third/index.html");
    assert_eq!(
        page.matches(&format!("src=\"../../img/{}\"", names[0]))
            .count(),
        2,
        "{page}"
    );
    // A name neither file has is still a misspelling.
    site.write("content/posts/third.md", "![Three](/img/ONECART.png)\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("'/img/ONECART.png' differs in letter case from the file");
    // Different bytes under such names are still a clash.
    site.write("static/img/onecart.png", b"another image");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("would publish '/img/");
}

#[test]
fn bad_static_dir_values_are_errors_at_their_line_in_book_toml() {
    let site = hugo_with_static("\"static\"");
    site.write("notes.txt", "a file");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    let line = book
        .lines()
        .position(|l| l.starts_with("static_dir"))
        .unwrap()
        + 1;
    for (value, says) in [
        ("\"assets\"", "static folder `assets/` does not exist"),
        (
            "\"notes.txt\"",
            "`build.static_dir` 'notes.txt' is a file, not a folder",
        ),
        (
            "\"../static\"",
            "`build.static_dir` '../static' is outside the site's folder",
        ),
        (
            "\"/srv/static\"",
            "`build.static_dir` '/srv/static' must be a folder relative to book.toml's",
        ),
        (
            "\".\"",
            "`build.static_dir` '.' is the site's folder itself",
        ),
        (
            "\"content\"",
            "`build.static_dir` 'content' is the content folder `content/` or holds it",
        ),
    ] {
        site.write(
            "book.toml",
            book.replace("static_dir = \"static\"", &format!("static_dir = {value}")),
        );
        for command in ["check", "build"] {
            let run = site.run(&[command]);
            run.assert_code(1)
                .assert_stderr_contains(&format!("error: {says}"))
                .assert_stderr_contains(&format!(" --> book.toml:{line}:1"));
        }
        assert!(!site.path("public").exists(), "{value}: nothing is written");
    }
    // An output folder inside the static folder would publish itself.
    site.write("book.toml", &book);
    site.run(&["build", "--out", "static/public"])
        .assert_code(2)
        .assert_stderr_contains("overlaps the static folder");
}

fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt as _;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// Runs attune with `args` in the site, killed if it has not finished in a minute
/// (a build that opened a FIFO would wait for a writer forever).
fn run_within_a_minute(site: &Fixture, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(args)
        .current_dir(&site.root)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("attune {args:?} hung on a special file");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn special_files_in_the_static_folder_are_passed_over_unopened() {
    let site = hugo_with_static("\"static\"");
    mkfifo(&site.path("static/images/pipe.png"));
    let _socket = std::os::unix::net::UnixListener::bind(site.path("static/socket")).unwrap();
    std::os::unix::fs::symlink("pipe.png", site.path("static/images/link-to-pipe.png")).unwrap();
    // A device, only looked at through a link, never read.
    std::os::unix::fs::symlink("/dev/zero", site.path("static/zero")).unwrap();
    for args in [&["check"][..], &["build"]] {
        run_within_a_minute(&site, args).assert_code(0);
    }
    for name in [
        "images/pipe.png",
        "images/link-to-pipe.png",
        "socket",
        "zero",
    ] {
        assert!(
            !site.path("public").join(name).exists(),
            "{name} was published"
        );
    }
    assert_eq!(
        std::fs::read(site.path("public/images/logo.png")).unwrap(),
        PNG
    );
    // A link to one leads nowhere, as a link to any file that is not there.
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n![Pipe](/images/pipe.png)\n",
    );
    run_within_a_minute(&site, &["build"])
        .assert_code(1)
        .assert_stderr_contains("image '/images/pipe.png' does not exist");
}

#[test]
fn links_in_the_static_folder_are_followed_as_in_the_content_folder() {
    let site = hugo_with_static("\"static\"");
    let elsewhere = site.path("../elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("shared.png"), PNG).unwrap();
    std::os::unix::fs::symlink(&elsewhere, site.path("static/shared")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, site.path("content/shared")).unwrap();
    // One file reached through both folders is published once, without a word.
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("shared.png"), "{}", run.stderr);
    site.remove("content/shared");
    site.build().assert_code(0);
    assert_eq!(
        std::fs::read(site.path("public/shared/shared.png")).unwrap(),
        PNG
    );
}

#[test]
fn a_zola_site_publishes_its_static_folder_too() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Zola\"\n\n[build]\nstatic_dir = \"static\"\n",
    );
    site.write(
        "content/blog/_index.md",
        "+++\ntitle = \"Blog\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/blog/first.md",
        "+++\ntitle = \"First\"\ndate = 2024-01-02\n+++\nThe [slides](/slides/talk.pdf) and ![a chart](/img/chart.svg).\n",
    );
    site.write("static/slides/talk.pdf", b"%PDF-1.7");
    site.write(
        "static/img/chart.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("blog/first/index.html");
    assert!(
        body(&page).contains("href=\"../../slides/talk.pdf\""),
        "{page}"
    );
    assert!(
        body(&page).contains("src=\"../../img/chart.svg\""),
        "{page}"
    );
    assert_eq!(
        std::fs::read(site.path("public/slides/talk.pdf")).unwrap(),
        b"%PDF-1.7"
    );
}

#[test]
fn serve_publishes_a_changed_added_or_removed_static_file() {
    use crate::serve::{assert_same_as_full_build, get, start, wait_until};
    let site = hugo_with_static("\"static\"");
    let server = start(&site);
    let a = &server.address;
    let (code, served) = get(a, "/files/guide.pdf");
    assert_eq!((code, served.as_str()), (200, "%PDF-1.4 guide"));
    site.write("static/files/guide.pdf", b"%PDF-1.4 second edition");
    wait_until("the changed file", || {
        get(a, "/files/guide.pdf").1 == "%PDF-1.4 second edition"
    });
    site.write("static/files/new.txt", "new");
    wait_until("the new file", || {
        get(a, "/files/new.txt") == (200, "new".into())
    });
    assert_same_as_full_build(&site, &server.out);
    site.remove("static/files/new.txt");
    wait_until("the removed file to go", || {
        get(a, "/files/new.txt").0 == 404
    });
    assert_same_as_full_build(&site, &server.out);
}

#[test]
fn the_static_folders_robots_txt_is_the_sites_own() {
    // Hugo and Zola sites keep their rules for crawlers in static/robots.txt: they
    // are published as they are, in place of attune's.
    let site = hugo_with_static("\"static\"");
    let rules = "User-agent: *\nDisallow: /drafts/\n";
    site.write("static/robots.txt", rules);
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("robots"), "{}", run.stderr);
    assert_eq!(site.read("robots.txt"), rules);
}

#[test]
fn a_root_relative_link_in_a_copied_file_follows_broken_links() {
    // A Zola site's static redirect pages (`static/tags/css/index.html` → `/tags/`)
    // work on the web at the host's root; with the starter's `broken_links = "warn"`
    // they are a warning and the site builds.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"S\"\ndescription = \"D.\"\nbase_url = \"https://example.org/\"\n\n[build]\nbroken_links = \"warn\"\nstatic_dir = \"static\"\n",
    );
    site.write("content/notes/a.md", "---\ntitle: A\n---\nText.\n");
    site.write(
        "static/tags/css/index.html",
        "<!doctype html><title>r</title><a href=\"/tags/\">tags</a>\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: '/tags/' starts from the site root");
}

/// zellij's site keeps its mdBook's built pages in `static/documentation/` and links to
/// parts of them from Markdown (`/documentation/installation.html#try-zellij-without-installing`):
/// a part no id of the copied page answers to passed `check`, and an independent link
/// checker found it broken. It is checked as a browser finds it.
#[test]
fn a_link_to_a_part_of_a_copied_html_page_is_checked_against_its_ids() {
    let site = hugo_with_static("\"static\"");
    site.write(
        "static/documentation/installation.html",
        "<!DOCTYPE html><title>Install</title><h1 id=\"installation\">Installation</h1><h2 id=\"try-zellij-in-the-browser\">Try it</h2>\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n[Install](/documentation/installation.html#installation), [try](/documentation/installation.html#try-zellij-without-installing) and [top](/documentation/installation.html#top).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1).assert_stderr_contains(
        "error: no heading or id 'try-zellij-without-installing' in 'documentation/installation.html'\n --> content/posts/third.md:4:59",
    );
    assert_eq!(
        run.stderr.matches("no heading or id").count(),
        1,
        "{}",
        run.stderr
    );
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", format!("{book}broken_links = \"warn\"\n"));
    site.build().assert_code(0).assert_stderr_contains(
        "warning: no heading or id 'try-zellij-without-installing' in 'documentation/installation.html'",
    );
    let page = site.read("posts/third/index.html");
    assert!(
        page.contains("documentation/installation.html#installation\""),
        "{page}"
    );
    assert!(
        page.contains("documentation/installation.html\" id=\"ref-2\">try</a>"),
        "{page}"
    );
    assert!(crate::links::independent_check(&site).is_empty());
}

#[test]
fn a_static_file_inside_the_content_folder_is_found_by_its_path_on_disk() {
    // 10up's gutenberg-best-practices, a Docusaurus site read from its own folder:
    // `![…](../static/img/what-to-build.png)` from `guides/`, as Docusaurus finds the
    // file; 87 such images were missing, with a help to mount a folder already read.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Guides\"\n\n[build]\ncontent_dir = \".\"\nstatic_dir = \"static\"\noutput_dir = \"../out\"\nbroken_links = \"warn\"\n",
    );
    site.write("static/img/what-to-build.png", PNG);
    site.write("static/img/locking.png", PNG);
    site.write(
        "guides/start.md",
        "# Start\n\n![What to build](../static/img/what-to-build.png)\n\n![Root](/img/what-to-build.png)\n\n![Lost](../static/img/lockingg.png)\n\n![Gif](../static/img/start.gif)\n",
    );
    let run = site.build();
    run.assert_code(0);
    let out = site.path("../out");
    let page = std::fs::read_to_string(out.join("guides/start/index.html")).unwrap();
    assert_eq!(
        page.matches("src=\"../../img/what-to-build.png\"").count(),
        2,
        "{page}"
    );
    assert!(!run.stderr.contains("what-to-build"), "{}", run.stderr);
    // A missing one is offered the nearest file by its path on disk, and a picture is
    // never offered a page's text (`start.md`).
    run.assert_stderr_contains("did you mean '../static/img/locking.png'?");
    assert!(
        !run.stderr.contains("did you mean 'start.md'"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("outside the content folder"),
        "{}",
        run.stderr
    );
}

/// The settings read for a site's contents (Docusaurus' `sidebars.js`, VitePress'
/// `.vitepress/config.mts`) are read only when they are files: a pipe of that name
/// would wait for a writer forever.
#[test]
fn a_pipe_named_as_a_sites_settings_is_not_read() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write("docs/intro.md", "# Intro\n\nText.\n");
    mkfifo(&site.path("sidebars.js"));
    std::fs::create_dir_all(site.path("docs/.vitepress")).unwrap();
    mkfifo(&site.path("docs/.vitepress/config.mts"));
    for args in [&["check"][..], &["build"]] {
        run_within_a_minute(&site, args).assert_code(0);
    }
}
