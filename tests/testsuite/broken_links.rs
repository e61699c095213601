//! `[build] broken_links`: every reference that leads nowhere is an error by default,
//! and with `"warn"` a warning at the same place, the page published with nothing
//! broken in it (checked by the independent link checker over every edition).

use crate::links::independent_check;
use crate::support::Fixture;
use std::io::Read as _;

/// A site whose article `t/a.md` holds one of each reference that leads nowhere.
fn site(build: &str) -> Fixture {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        format!(
            "[site]\ntitle = \"T\"\n\n[[topics]]\nid = \"t\"\ntitle = \"T\"\n\n[build]\n{build}"
        ),
    );
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n## Part\n\n\
         See [gone](gone.html), [[B#Nowhere]], [top](#missing) and [x](Missing.md).\n\n\
         ![A photo](photo.png) and ![](none.png) and ![[lost.png]].\n\n\
         <p><a href=\"raw-gone.html\">raw</a> <a id=\"keep\" href=\"#nope\">kept</a> \
         <img src=\"raw.png\" alt=\"Raw alt\"> \
         <img src=\"b.png\" srcset=\"b.png 1x, q.png 2x\" alt=\"S\"> \
         <video src=\"v.mp4\" poster=\"b.png\"></video></p>\n\n\
         As shown [@nobody].\n\n\
         {{#include missing.md}}\n\n\
         [[Twin]], [b](b.md#nowhere) and [c](../b/#nope).\n",
    );
    site.write("content/t/b.png", b"\x89PNG\r\n\x1a\n".as_slice());
    // A site that cites: without a references.yaml, `[@nobody]` would be text.
    site.write("content/references.yaml", "w:\n  kind: book\n  title: W\n");
    site.write(
        "content/t/b.md",
        "---\ntitle: B\n---\n## Real\n\nText [[a]].\n",
    );
    site.write(
        "content/t/one/Twin.md",
        "---\ntitle: Twin one\n---\nOne [[a]].\n",
    );
    site.write(
        "content/t/two/deeper/Twin.md",
        "---\ntitle: Twin two\n---\nTwo [[a]], [[two/deeper/Twin]].\n",
    );
    site
}

/// Each reference that leads nowhere in `site`: code, place and the message's start.
const NOWHERE: &[(&str, &str, &str)] = &[
    ("broken-link", "6:5", "broken link to 'gone.html'"),
    (
        "broken-anchor",
        "6:24",
        "no heading with id 'Nowhere' in 'b'",
    ),
    (
        "broken-anchor",
        "6:39",
        "no heading with id 'missing' in this page",
    ),
    ("missing-file", "8:1", "image 'photo.png' does not exist"),
    ("missing-file", "8:27", "image 'none.png' does not exist"),
    (
        "missing-file",
        "8:45",
        "'lost.png' is not in the content folder",
    ),
    ("broken-link", "10:13", "broken link to 'raw-gone.html'"),
    (
        "broken-anchor",
        "10:55",
        "no heading or id 'nope' in this page",
    ),
    ("missing-file", "10:81", "image 'raw.png' does not exist"),
    ("missing-file", "10:140", "image 'q.png' does not exist"),
    ("missing-file", "10:171", "video 'v.mp4' does not exist"),
    (
        "unknown-citation",
        "12:10",
        "unknown citation key '@nobody'",
    ),
    (
        "include",
        "14:1",
        "`{{#include missing.md}}`: no file 'content/t/missing.md'",
    ),
    ("ambiguous-link", "16:1", "'Twin' could mean 2 notes"),
    (
        "broken-anchor",
        "16:11",
        "no heading with id 'nowhere' in 'b'",
    ),
    ("broken-anchor", "16:33", "no heading or id 'nope' in 'b'"),
];

/// `attune check --format json`: exit code and (severity, code, line:col, message, help)
/// of each diagnostic in `content/t/a.md`.
fn diagnostics(site: &Fixture) -> (i32, Vec<[String; 5]>) {
    let run = site.run(&["check", "--format", "json"]);
    let mut out = Vec::new();
    let all: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    for d in all {
        if d["file"] != "content/t/a.md" {
            continue;
        }
        let text = |k: &str| d[k].as_str().unwrap_or_default().to_string();
        out.push([
            text("severity"),
            text("code"),
            format!("{}:{}", d["line"], d["column"]),
            text("message"),
            text("help"),
        ]);
    }
    (run.code, out)
}

/// The one diagnostic of `code` at `at`.
#[track_caller]
fn find<'d>(found: &'d [[String; 5]], code: &str, at: &str, message: &str) -> &'d [String; 5] {
    let mut matching = found.iter().filter(|d| d[1] == code && d[2] == at);
    let d = matching
        .next()
        .unwrap_or_else(|| panic!("no {code} at {at} in {found:#?}"));
    assert!(d[3].starts_with(message), "{d:?}");
    d
}

/// The article body of a built page.
fn body(site: &Fixture, page: &str) -> String {
    let html = site.read(page);
    let start = html.find("<div class=\"article-body\">").unwrap();
    let end = html[start..].find("\n</div>\n").unwrap() + start;
    html[start..end].to_string()
}

#[test]
fn by_default_every_reference_that_leads_nowhere_is_an_error_naming_the_setting() {
    let site = site("");
    let (code, found) = diagnostics(&site);
    assert_eq!(code, 1);
    for (code, at, message) in NOWHERE {
        let d = find(&found, code, at, message);
        assert_eq!(d[0], "error", "{d:?}");
        assert!(
            d[4].contains("set `broken_links = \"warn\"` under [build]"),
            "{d:?}"
        );
    }
    // A note not written yet follows `missing_links`, a warning by default.
    let d = find(
        &found,
        "missing-note",
        "6:59",
        "'Missing.md' is not written yet",
    );
    assert_eq!(d[0], "warning");
    // Build agrees with check, and writes nothing.
    let run = site.build();
    run.assert_code(1);
    for (_, at, _) in NOWHERE {
        run.assert_stderr_contains(&format!("content/t/a.md:{at}"));
    }
    assert!(!site.path("public").exists());
}

#[test]
fn with_warn_each_is_a_warning_and_the_page_is_published_with_nothing_broken() {
    let site = site("broken_links = \"warn\"\nmissing_links = \"error\"\n");
    let (code, found) = diagnostics(&site);
    assert_eq!(code, 0, "{found:#?}");
    for (code, at, message) in NOWHERE {
        let d = find(&found, code, at, message);
        assert_eq!(d[0], "warning", "{d:?}");
        assert!(d[4].to_lowercase().contains("published "), "{d:?}");
    }
    // With `missing_links = "error"`, a note not written yet is a broken link like
    // the others: a warning here.
    let d = find(&found, "broken-link", "6:59", "broken link to 'Missing.md'");
    assert_eq!(d[0], "warning");
    // Obsidian's pick of two notes of one name: the shortest path, named.
    let d = find(
        &found,
        "ambiguous-link",
        "16:1",
        "'Twin' could mean 2 notes",
    );
    assert!(
        d[4].contains("published as a link to content/t/one/Twin.md, the shortest path"),
        "{d:?}"
    );
    assert!(found.iter().all(|d| d[0] == "warning"), "{found:#?}");

    // Nothing broken in any edition, by the independent checker.
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    let page = body(&site, "t/a/index.html");
    for shown in [
        // A link to no page, to a missing same-page heading, to a note not written:
        // its text; to a missing heading elsewhere: the page's top.
        "See <span class=\"missing-link\">gone</span>, <a href=\"../../t/b/\" id=\"ref-2\">B</a>, \
         <span class=\"missing-link\">top</span> and <span class=\"missing-link\">x</span>.",
        // Images: the alt text (nothing without one; the file name of an embed).
        "<p>A photo and  and lost.png.</p>",
        // Raw HTML: a bare link as its text, an `<a>` with an id kept without its
        // href, an image as its alt text, a srcset dropped (src kept), a video's
        // missing src dropped (its poster kept).
        "<p><span class=\"missing-link\">raw</span> <a id=\"keep\">kept</a> Raw alt \
         <img src=\"../../t/b.png\" alt=\"S\"> <video poster=\"../../t/b.png\"></video></p>",
        "<p>As shown [@nobody].</p>",
        "<a href=\"../../t/one/twin/\" id=\"ref-5\">Twin one</a>, \
         <a href=\"../../t/b/\" id=\"ref-6\">b</a> and <a href=\"../../t/b/\" id=\"ref-7\">c</a>.",
    ] {
        assert!(page.contains(shown), "{shown}\nin\n{page}");
    }
    assert!(!page.contains("include"), "{page}");
    // No mark of attune's is left anywhere, offline.zip's pages included.
    for (path, bytes) in site.snapshot("public") {
        let texts = if path.ends_with("offline.zip") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
            (0..zip.len())
                .map(|i| {
                    let mut inner = Vec::new();
                    zip.by_index(i).unwrap().read_to_end(&mut inner).unwrap();
                    inner
                })
                .collect()
        } else {
            vec![bytes]
        };
        for text in texts {
            assert!(!text.contains(&0x17), "{}", path.display());
        }
    }
    let print = site.read("print.html");
    assert!(print.contains("<span class=\"missing-link\">raw</span>"));
}

#[test]
fn a_missing_heading_in_an_embed_shows_its_name_and_warnings_do_not_hide_structure_errors() {
    let site = site("broken_links = \"warn\"\n");
    site.write(
        "content/t/c.md",
        "---\ntitle: C\n---\nText ![[b#Gone]] and [[a]].\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("no heading with id 'Gone' in 'b'");
    let page = body(&site, "t/c/index.html");
    assert!(
        page.contains("<span class=\"missing-link\">B</span>"),
        "{page}"
    );
    // A URL two pages claim is still an error, whatever broken_links says.
    site.write("content/t/_index.md", "---\ntitle: T\n---\nThe topic.\n");
    site.write("content/t.md", "---\ntitle: T again\n---\nText.\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: the article 't' would publish '/t/'");
}

#[test]
fn an_obsidian_property_of_another_kind_is_left_out_with_a_warning_and_bad_yaml_stays_an_error() {
    // As the Obsidian Hub writes a plugin's name: YAML reads `- Opener: New Tab` as a
    // mapping; Obsidian shows a type mismatch and opens the note, and so does attune.
    let site = site("broken_links = \"warn\"\n");
    site.write(
        "content/t/opener.md",
        "---\nplugin-id: opener\naliases:\n- Opener: New Tab by Default\ntags:\n- \n---\nText [[a]].\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: front matter: `aliases` holds something other than names, so it is left out",
    );
    run.assert_stderr_contains("content/t/opener.md:3:1");
    assert!(site.read("t/opener/index.html").contains("Text <a"));
    // `- @kepano` is no YAML at all (`@` cannot start a value): Obsidian cannot read
    // it either, and it stays an error, at its place.
    site.write(
        "content/t/kepano.md",
        "---\naliases:\n- @kepano\n---\nText.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("invalid YAML in front matter");
}

#[test]
fn an_alias_that_is_the_page_s_own_address_is_no_collision() {
    // As hugoDocs' `HasSuffix.md` keeps `aliases: [/functions/strings/hassuffix]`.
    let site = site("broken_links = \"warn\"\n");
    site.write(
        "content/t/HasSuffix.md",
        "---\ntitle: HasSuffix\naliases: [/t/hassuffix, /t/HasSuffix/, /t/old-suffix/]\n---\nText [[a]].\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("t/hassuffix/index.html")
        .contains(">HasSuffix</h1>"));
    assert!(site
        .read("t/old-suffix/index.html")
        .contains("t/hassuffix/"));
    // Another page's address is still a collision: with broken_links = "warn", a
    // warning, the page keeping its address.
    site.write(
        "content/t/b.md",
        "---\ntitle: B\naliases: [/t/a/]\n---\n## Real\n\nText [[a]].\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: the alias '/t/a/' of 'b'");
    assert!(!site.read("t/a/index.html").contains("url="));
}

#[test]
fn a_sources_anchor_leads_somewhere_only_on_a_page_with_sources() {
    // hugoDocs links `imaging/#sources`, a heading an include would have brought.
    let site = site("");
    site.write(
        "content/references.yaml",
        "webb2012:\n  kind: book\n  authors: [Webb, J.]\n  year: 2012\n  title: Running on Empty\n",
    );
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nAs [@webb2012]. See [b](b.md#sources), [here](#sources), \
         [first](#source-1) and [second](#source-2).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1)
        .assert_stderr_contains("no heading with id 'sources' in 'b'")
        .assert_stderr_contains("no heading with id 'source-2' in this page");
    assert_eq!(run.stderr.matches("error:").count(), 2, "{}", run.stderr);
}

#[test]
fn a_link_in_the_heading_that_is_the_title_is_mentioned_at_the_page_s_top() {
    // As the Obsidian Hub writes `# [[Breadcrumbs]] Quickstart Guide`: the title reads
    // the name, and "Mentioned in" on Breadcrumbs' page leads to the guide's top,
    // as the heading with the link is the page's title, not in its text.
    let site = site("broken_links = \"warn\"\n");
    site.write(
        "content/t/guide.md",
        "# [[b|B]] Quickstart Guide\n\nText [[a]].\n",
    );
    site.write(
        "content/t/guide2.md",
        "# [[b]] Second Guide\n\nText [[a]].\n",
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(site
        .read("t/guide2/index.html")
        .contains(">b Second Guide</h1>"));
    let b = site.read("t/b/index.html");
    assert!(b.contains("href=\"../../t/guide/\""), "{b}");
    assert!(!b.contains("t/guide/#ref-"), "{b}");
}

#[test]
fn an_embedded_note_s_tag_links_start_from_the_page_it_is_shown_on() {
    // The Obsidian Hub embeds a contributing note (with `#placeholder`) in pages two
    // folders deeper than it.
    let site = site("broken_links = \"warn\"\n");
    site.write(
        "content/t/note.md",
        "---\ntitle: Note\n---\nSubstitute any #placeholder tag. [[a]]\n",
    );
    site.write(
        "content/t/x/y/deep.md",
        "---\ntitle: Deep\n---\nAbove.\n\n![[note]]\n\n[[a]]\n",
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    let deep = site.read("t/x/y/deep/index.html");
    assert!(
        deep.contains("href=\"../../../../tags/placeholder/\""),
        "{deep}"
    );
}

#[test]
fn links_into_a_folder_the_site_does_not_have_are_one_problem() {
    // opentelemetry.io: 493 links into `/docs/specs/otel/`, which Hugo mounts from a
    // Git submodule a clone does not have; links into a folder the site has stay
    // one each, and a link to a page held back says which file that is.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\nbroken_links = \"warn\"\n",
    );
    site.write("content/docs/_index.md", "# Docs\n\nAll.\n");
    site.write("content/docs/specs/_index.md", "# Specs\n\nSome.\n");
    site.write(
        "content/docs/go/examples.md",
        "---\ntitle: Examples\nbuild: {render: link}\n---\nElsewhere.\n",
    );
    site.write("content/docs/go/_index.md", "# Go\n\nGo.\n");
    let spec_links: String = (1..=5)
        .map(|n| format!("[spec {n}](/docs/specs/otel/part-{n}/) "))
        .collect();
    site.write(
        "content/docs/a.md",
        format!(
            "# A\n\n{spec_links}\n\n[one](/docs/specs/status/), [two](/docs/specs/status/) \
             and [examples](/docs/go/examples/).\n"
        ),
    );
    site.write(
        "content/docs/b.md",
        "# B\n\n[spec](/docs/specs/otel/trace/api/) and [c](../docs/gone/).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0).assert_stderr_contains(
        "warning: broken link to '/docs/specs/otel/part-1/': no page or file there \
         (6 references into `/docs/specs/otel/` in 2 files, reported here as one)\n",
    );
    run.assert_stderr_contains(
        "help: content/docs/go/examples.md would be the page there, but it is never published (`build.render`)",
    );
    // Two links to one page that is not there: one each (a few are not grouped).
    assert_eq!(
        run.stderr
            .matches("broken link to '/docs/specs/status/'")
            .count(),
        2,
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("broken link").count(),
        5,
        "{}",
        run.stderr
    );
}

#[test]
fn the_suggestion_for_a_missing_file_is_the_same_at_every_run() {
    // dapr/docs' `{{< ref sdks >}}` was offered `ses.md`, `sns.md`, `sqs.md` or
    // `http.md` from one run to the next: the candidates came in a hash table's order.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\nbroken_links = \"warn\"\n",
    );
    site.write(
        "content/a/one.md",
        "# One\n\n<p><a href=\"guide.md\">The guide</a></p>\n",
    );
    for folder in ["b", "c", "d", "e", "f", "g"] {
        site.write(&format!("content/{folder}/guides.md"), "# Guides\n");
    }
    let help = |run: crate::support::Run| {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains("did you mean"))
            .map(str::to_string);
        line.unwrap_or_else(|| panic!("{}", run.stderr))
    };
    let first = help(site.run(&["check"]));
    assert!(first.contains("did you mean '../b/guides.md'?"), "{first}");
    for _ in 0..5 {
        assert_eq!(help(site.run(&["check"])), first);
    }
}

#[test]
fn a_fragment_on_a_folder_without_text_of_its_own_is_a_broken_anchor() {
    // Biome's blog: `/linter/rules/no-unused-imports/#options`, a folder whose only
    // page is `javascript.mdx`: the hub attune draws for it has no such id, and the
    // link checker found the link broken where check said nothing.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"H\"\n\n[build]\ncontent_dir = \"docs\"\nbroken_links = \"warn\"\n",
    );
    site.write(
        "docs/rules/no-x/javascript.md",
        "# JS\n\n## Options\n\nNone.\n",
    );
    site.write(
        "docs/index.md",
        "# Home\n\nSee [options](/rules/no-x/#options), [the rule](/rules/no-x/#main) \
         and [its options](/rules/no-x/javascript/#options).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(
        run.stderr.contains(
            "no heading or id 'options' in the page of 'rules/no-x/', a folder with no text of its own"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("\n1 warning"), "{}", run.stderr);
    // Published as a link to the folder's page, which the link checker finds whole.
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    let home = site.read("index.html");
    assert!(home.contains("href=\"./rules/no-x/\""), "{home}");
}
