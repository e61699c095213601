//! An mdBook laid out as mdBook's own guide is: a `README.md` as the book's and each
//! folder's index, part titles in `SUMMARY.md`, and an order the alphabet would not
//! give, for folders as for chapters. Also where problems inside included text are
//! reported.

use crate::links::independent_check;
use crate::support::Fixture;

fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    &html[start..end]
}

/// Asserts each needle appears in `text`, in this order.
#[track_caller]
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut last = 0;
    for needle in needles {
        let at = text[last..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing after byte {last} of:\n{text}"));
        last += at + needle.len();
    }
}

#[test]
fn readme_files_are_their_folder_s_index() {
    let site = Fixture::new("mdbook-folders");
    site.build().assert_code(0);
    // No page of their own.
    for page in [
        "readme/index.html",
        "cli/readme/index.html",
        "format/theme/readme/index.html",
    ] {
        assert!(!site.path("public").join(page).exists(), "{page}");
    }
    // The book's README.md is the home page's text; links to README.md, README.html
    // and folder/index.html lead to the folder's page, anchors included.
    let home = main_of(&site.read("index.html")).to_string();
    assert!(home.contains("<div class=\"hub-text\">\n<p>This guide explains the tool."));
    assert!(home.contains("<a href=\"./cli/\" id=\"ref-1\">the command-line tool</a>"));
    // Links by path carry an id, as every internal link does, for backlinks.
    assert!(home.contains("<a href=\"./cli/build/\" id=\"ref-"));
    assert!(home.contains("\">building</a>"));
    assert!(home.contains("<a href=\"./format/theme/#editing\" id=\"ref-"));
    assert!(home.contains("\">themes</a>"));
    // A folder's README.md gives its hub title and text, at any depth.
    let cli = main_of(&site.read("cli/index.html")).to_string();
    assert!(cli.contains("<h1>Command-line tool</h1>"), "{cli}");
    assert!(cli.contains("<p>The program has <a href=\"../cli/init/\""));
    let theme = main_of(&site.read("format/theme/index.html")).to_string();
    assert!(theme.contains("<h1>Theme</h1>"));
    assert!(theme.contains("id=\"editing\""));
    let reading = main_of(&site.read("guide/reading/index.html")).to_string();
    assert!(reading.contains("<a href=\"../../\" id=\"ref-1\">introduction</a>"));
    assert!(reading.contains("<a href=\"../../format/\" id=\"ref-"));
    assert!(reading.contains("\">format</a>"));
    assert!(site
        .read("guide/installation/index.html")
        .contains("<a href=\"../../guide/\" id=\"ref-1\">guide’s own page</a>"));
    assert!(main_of(&site.read("cli/build/index.html"))
        .contains("<a href=\"../../cli/\" id=\"ref-1\">the command-line tool</a>"));
    // The topic made from a folder takes its README.md's title.
    assert!(home.contains("<h2 id=\"topic-guide\"><a href=\"./guide/\">Using the tool</a></h2>"));
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn an_index_md_wins_over_a_readme_md_which_stays_a_page() {
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/care/index.md",
        "# Care\n\nThe folder's own text.\n",
    );
    site.write(
        "content/care/Readme.md",
        "# About this folder\n\nFor people reading the files.\n",
    );
    site.write(
        "content/care/sleep.md",
        "# Sleep\n\nSee [the folder](index.html), [the readme](Readme.md).\n",
    );
    // A lowercase readme.md alone with other notes is its folder's text.
    site.write("content/care/rest/readme.md", "# Resting\n\nWhy rest.\n");
    site.write("content/care/rest/naps.md", "# Naps\n\nShort ones.\n");
    site.build().assert_code(0);
    let care = main_of(&site.read("care/index.html")).to_string();
    assert!(care.contains("The folder’s own text."), "{care}");
    assert!(
        care.contains("<a href=\"../care/readme/\">About this folder</a>"),
        "{care}"
    );
    let sleep = main_of(&site.read("care/sleep/index.html")).to_string();
    assert!(
        sleep.contains("<a href=\"../../care/\" id=\"ref-1\">the folder</a>"),
        "{sleep}"
    );
    assert!(
        sleep.contains("<a href=\"../../care/readme/\" id=\"ref-2\">the readme</a>"),
        "{sleep}"
    );
    let rest = main_of(&site.read("care/rest/index.html")).to_string();
    assert!(
        rest.contains("<h1>Resting</h1>") && rest.contains("Why rest."),
        "{rest}"
    );
    assert!(!site.path("public/care/rest/readme").exists());
}

#[test]
fn summary_parts_are_shown_where_the_structure_is_listed() {
    let site = Fixture::new("mdbook-folders");
    site.build().assert_code(0);
    let home = main_of(&site.read("index.html")).to_string();
    // On the home page, before the first topic of each part.
    assert_in_order(
        &home,
        &[
            "<p class=\"part-title\">User guide</p>",
            "id=\"topic-guide\"",
            "<p class=\"part-title\">Reference guide</p>",
            "id=\"topic-cli\"",
            "id=\"topic-format\"",
        ],
    );
    assert_eq!(home.matches("part-title").count(), 2, "{home}");
    // In a hub's list, where the part begins.
    let format = main_of(&site.read("format/index.html")).to_string();
    assert_in_order(
        &format,
        &[
            "<li class=\"part-title\">Reference guide</li>",
            "<a href=\"../format/theme/\">Theme</a>",
        ],
    );
    assert_eq!(format.matches("part-title").count(), 1, "{format}");
    // In print.html's contents, as mdBook's table of contents shows them.
    let print = site.read("print.html");
    let contents =
        &print[print.find("id=\"print-contents\"").unwrap()..print.find("</nav>").unwrap()];
    assert_in_order(
        contents,
        &[
            "<li class=\"part-title\">User guide</li>",
            "<li class=\"part-title\">Reference guide</li>",
        ],
    );
    assert_eq!(contents.matches("part-title").count(), 2, "{contents}");
    // A part that changes inside one topic's list shows there.
    let site = Fixture::new("mdbook-folders");
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n# Basics\n\n- [Reading](guide/reading.md)\n\n# Going further\n\n- [Installation](guide/installation.md)\n\
         - [CLI](cli/README.md)\n  - [init](cli/init.md)\n  - [build](cli/build.md)\n\
         - [Format](format/README.md)\n  - [Theme](format/theme/README.md)\n    - [Editor](format/theme/editor.md)\n\
         \x20 - [Markdown](format/markdown.md)\n  - [General](format/configuration/general.md)\n",
    );
    site.build().assert_code(0);
    let guide = main_of(&site.read("guide/index.html")).to_string();
    assert_in_order(
        &guide,
        &[
            "<li class=\"part-title\">Basics</li>",
            "Reading",
            "<li class=\"part-title\">Going further</li>",
            "Installation",
        ],
    );
    // Without SUMMARY.md, no part titles.
    site.remove("src/SUMMARY.md");
    site.build().assert_code(0);
    for page in [
        "index.html",
        "guide/index.html",
        "format/index.html",
        "print.html",
    ] {
        assert!(!site.read(page).contains("part-title\">"), "{page}");
    }
}

#[test]
fn a_heading_below_level_one_in_summary_md_is_no_part_title() {
    // 10xtarun/mern-fullstack-notes writes `## Internet`, `## JavaScript` between its
    // chapters: mdBook passes them over (only `# Part` titles a part), but they were
    // shown as part titles and titled the folders without a README.
    let site = Fixture::empty();
    site.write("book.toml", "[book]\ntitle = \"T\"\nsrc = \"src\"\n");
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n## Basics\n\n- [A](x/a.md)\n\n### Web\n\n- [B](y/b.md)\n",
    );
    site.write("src/x/a.md", "# A\n\nText.\n");
    site.write("src/y/b.md", "# B\n\nText.\n");
    site.build().assert_code(0);
    let home = main_of(&site.read("index.html")).to_string();
    assert!(!home.contains("part-title"), "{home}");
    assert!(!home.contains("Basics") && !home.contains("Web"), "{home}");
    let hub = site.read("x/index.html");
    assert!(!hub.contains("Basics"), "{hub}");
    assert!(site.read("print.html").matches("part-title\">").count() == 0);
}

#[test]
fn folders_take_their_place_in_reading_order_as_chapters_do() {
    let site = Fixture::new("mdbook-folders");
    site.build().assert_code(0);
    // Topics made from folders, in SUMMARY.md's order, not the alphabet's.
    let home = main_of(&site.read("index.html")).to_string();
    assert_in_order(
        &home,
        &[
            "id=\"topic-guide\"",
            "id=\"topic-cli\"",
            "id=\"topic-format\"",
        ],
    );
    // Sub-sections and articles together, as SUMMARY.md lists them.
    let format = main_of(&site.read("format/index.html")).to_string();
    assert_in_order(&format, &[">Theme</a>", ">Configuration</a>"]);
    assert_in_order(
        &site.read("format/markdown/index.html"),
        &["class=\"prev-next\"", "Editor", "General"],
    );
    // Without SUMMARY.md: order/weight, then date (newest first), then title; a
    // folder's date is its own text's, else its newest article's.
    site.remove("src/SUMMARY.md");
    site.write(
        "src/format/configuration/README.md",
        "---\nweight: 1\n---\n# Configuration\n\nSettings.\n",
    );
    site.write(
        "src/format/theme/editor.md",
        "---\ndate: 2024-05-01\n---\n# Editor\n\nAn editor.\n",
    );
    site.write(
        "src/format/markdown.md",
        "---\ndate: 2023-01-01\n---\n# Markdown\n\nMarks.\n",
    );
    site.build().assert_code(0);
    let format = main_of(&site.read("format/index.html")).to_string();
    assert_in_order(&format, &[">Configuration</a>", ">Theme</a>"]);
    let markdown = site.read("format/markdown/index.html");
    assert!(markdown.contains("rel=\"prev\"><span>Previous</span> Editor</a>"));
    assert!(!markdown.contains("rel=\"next\""));
    let order: Vec<&str> = ["General", "Editor", "Markdown"].to_vec();
    let print = site.read("print.html");
    assert_in_order(&print, &order);
}

#[test]
fn a_link_to_the_heading_that_became_the_title_leads_to_the_page() {
    // As the Rust book links chapters: `ch01-01-installation.html#installation`, the
    // id mdBook gives the chapter's opening `##` heading.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Installation](book/ch01-01-installation.md)\n- [Hello, World!](book/ch01-02-hello.md)\n",
    );
    site.write(
        "src/book/ch01-01-installation.md",
        "## Installation\n\nInstall it.\n\n### Troubleshooting\n\nTry again.\n",
    );
    site.write(
        "src/book/ch01-02-hello.md",
        "## Hello, World!\n\nSee [“Installation”](ch01-01-installation.html#installation), \
         [its troubleshooting](ch01-01-installation.md#troubleshooting) and \
         [[ch01-01-installation#Installation]]. Back to [the top](#hello-world).\n\n\
         A [wrong one](ch01-01-installation.html#instalation).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1)
        .assert_stderr_contains("no heading or id 'instalation' in 'ch01-01-installation'");
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    site.write(
        "src/book/ch01-02-hello.md",
        "## Hello, World!\n\nSee [“Installation”](ch01-01-installation.html#installation), \
         [its troubleshooting](ch01-01-installation.md#troubleshooting) and \
         [[ch01-01-installation#Installation]]. Back to [the top](#hello-world).\n",
    );
    site.build().assert_code(0);
    let hello = main_of(&site.read("book/ch01-02-hello/index.html")).to_string();
    assert!(
        hello.contains(
            "<a href=\"../../book/ch01-01-installation/\" id=\"ref-1\">“Installation”</a>"
        ),
        "{hello}"
    );
    assert!(
        hello.contains("<a href=\"../../book/ch01-01-installation/#troubleshooting\""),
        "{hello}"
    );
    assert!(!hello.contains("#installation"), "{hello}");
    assert!(!hello.contains("#hello-world"), "{hello}");
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn many_links_to_one_folder_above_the_site_are_one_warning() {
    // The Rust book links to `../std/` 22 times, from 11 chapters.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\nbase_url = \"https://docs.example.org/book/\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/a.md",
        "# A\n\n[Vec](../std/vec/struct.Vec.html), [String](../std/string/struct.String.html) \
         and [the Nomicon](../nomicon/index.html).\n",
    );
    site.write(
        "src/b.md",
        "# B\n\n[Option](../std/option/enum.Option.html) and [Result](../std/result/enum.Result.html). See [A](a.md).\n",
    );
    site.write("src/c.md", "# C\n\nSee [B](b.md) and [C](c.md).\n");
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains("warning: '../std/vec/struct.Vec.html' leads outside the site, to https://docs.example.org/std/vec/struct.Vec.html: written as that address and not checked (4 links to `https://docs.example.org/std/` in 2 files, reported here as one)\n --> src/a.md:3:1")
        .assert_stderr_contains("warning: '../nomicon/index.html' leads outside the site, to https://docs.example.org/nomicon/index.html: written as that address and not checked\n");
    assert_eq!(
        run.stderr.matches("leads outside").count(),
        2,
        "{}",
        run.stderr
    );
}

#[test]
fn a_definition_lists_term_is_a_link_target_as_in_mdbook() {
    // PyO3's glossary: `[smart pointers](glossary.md#smart-pointer)`.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/glossary.md",
        "# Glossary\n\nattached\n  : Said of a thread.\n\nsmart pointer\n  : A pointer; see [attached](#attached).\n",
    );
    site.write(
        "src/types.md",
        "# Types\n\nThree [smart pointers](glossary.md#smart-pointer), [missing](glossary.md#dumb-pointer).\n",
    );
    site.write("src/index.md", "# Book\n\n[Types](types.md).\n");
    let run = site.run(&["check"]);
    run.assert_code(1)
        .assert_stderr_contains("error: no heading with id 'dumb-pointer' in 'glossary'");
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    site.write(
        "src/types.md",
        "# Types\n\nThree [smart pointers](glossary.md#smart-pointer).\n",
    );
    site.build().assert_code(0);
    let glossary = site.read("glossary/index.html");
    assert!(
        glossary.contains("<dt id=\"smart-pointer\">smart pointer</dt>"),
        "{glossary}"
    );
    assert!(site.read("types/index.html").contains("#smart-pointer\""));
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_link_above_the_site_leads_to_that_address_on_its_host_with_a_warning() {
    // The Rust book is published at /book/ beside the standard library's docs.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\nbase_url = \"https://docs.example.org/book/\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/ch01/tour.md",
        "# Tour\n\nSee [the standard library](../../std/index.html#traits?x) and \
         [too far](../../../../etc/passwd).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1)
        .assert_stderr_contains("warning: '../../std/index.html#traits?x' leads outside the site, to https://docs.example.org/std/index.html#traits?x: written as that address and not checked\n --> src/ch01/tour.md:3:5")
        .assert_stderr_contains("error: '../../../../etc/passwd' leads outside the site");
    site.write(
        "src/ch01/tour.md",
        "# Tour\n\nSee [the standard library](../../std/index.html).\n",
    );
    site.build().assert_code(0);
    assert!(site.read("ch01/tour/index.html").contains(
        "<a href=\"https://docs.example.org/std/index.html\" id=\"ref-1\">the standard library</a>"
    ));
    // A `.md` link above the site, as the Cargo book links to the Reference beside it:
    // mdBook writes it `.html`, and so does attune (it was a note "not written yet").
    site.write(
        "src/ch01/tour.md",
        "# Tour\n\nSee [cfg](../../reference/conditional-compilation.md#the-cfg-attribute).\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: '../../reference/conditional-compilation.md' leads outside the site, to https://docs.example.org/reference/conditional-compilation.html#the-cfg-attribute: written as that address and not checked\n --> src/ch01/tour.md:3:5");
    assert!(site.read("ch01/tour/index.html").contains(
        "<a href=\"https://docs.example.org/reference/conditional-compilation.html#the-cfg-attribute\" id=\"ref-1\">cfg</a>"
    ));
    // Without a base_url, where the site is published is unknown: still an error.
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.run(&["check"]).assert_code(1).assert_stderr_contains(
        "error: '../../reference/conditional-compilation.md' leads outside the site",
    );
    site.write(
        "src/ch01/tour.md",
        "# Tour\n\nSee [the standard library](../../std/index.html).\n",
    );
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("error: '../../std/index.html' leads outside the site");
}

#[test]
fn mdbook_s_not_found_page_is_left_out_with_a_warning() {
    let site = Fixture::new("mdbook-folders");
    site.write(
        "src/404.md",
        "# Document not found (404)\n\nThis URL is invalid, sorry.\n",
    );
    // Only at the top of the content folder: elsewhere it is a chapter like any other.
    site.write("src/guide/404.md", "# Errors\n\nWhat a 404 is.\n");
    let summary = std::fs::read_to_string(site.path("src/SUMMARY.md")).unwrap();
    site.write(
        "src/SUMMARY.md",
        format!("{summary}\n- [Errors](guide/404.md)\n"),
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: 404.md is mdBook's not-found page: attune writes its own, so this file is not published\n --> src/404.md:1:1",
    );
    assert!(!site.read("404/index.html").contains("This URL is invalid"));
    assert!(site.read("guide/404/index.html").contains("What a 404 is."));
}

#[test]
fn a_not_found_html_file_at_the_root_is_left_out_with_a_warning() {
    // Emanote's docs keep a static host's `404.html` among the notes (and Hugo sites
    // one in `static/`): it claimed attune's own `404.html`, an error that stopped
    // the build.
    let site = Fixture::new("mdbook-folders");
    site.write(
        "src/404.html",
        "<!doctype html><title>Lost</title><p>Not here.</p>\n",
    );
    site.write("src/guide/404.html", "<p>A file of its own.</p>\n");
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: 404.html is a not-found page for static hosts: attune writes its own there (with the site's help links), so this file is not published\n--> src/404.html",
    );
    assert!(!site.read("404.html").contains("Not here."));
    assert!(site.read("guide/404.html").contains("A file of its own."));
}

#[test]
fn code_blocks_show_what_mdbook_shows_hidden_lines_rustdoc_include_and_playground() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "listings/a.rs",
        "use std::fmt;\n\n// ANCHOR: main\nfn main() {\n    shown();\n}\n// ANCHOR_END: main\n\nfn helper() {}\n",
    );
    site.write("listings/b.rs", "fn main() {\n    played();\n}\n");
    site.write(
        "src/ch01/code.md",
        "# Code\n\n```rust,ignore\n# #![allow(unused)]\n# fn main() {\n#[derive(Debug)]\nstruct Visible;\n##[cfg(test)]\n# }\n```\n\n\
         ```rust\n{{#rustdoc_include ../../listings/a.rs:main}}\n```\n\n\
         {{#playground ../../listings/b.rs editable}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("unsupported-syntax"), "{}", run.stderr);
    let page = main_of(&site.read("ch01/code/index.html")).to_string();
    // Hidden lines are left out; `##` is a literal `#`; attributes keep highlighting.
    for gone in [
        "allow",
        "fn main() {\n#",
        "use std",
        "helper",
        "ANCHOR",
        "# }",
    ] {
        assert!(!page.contains(gone), "{gone:?} in {page}");
    }
    for shown in [
        "Visible",
        "shown",
        "played",
        "language-rust,editable",
        "language-rust,ignore",
    ] {
        assert!(page.contains(shown), "{shown:?} missing from {page}");
    }
    assert!(page.contains("<pre class=\"hl\"><code class=\"language-rust,ignore\">"));
    assert!(page.matches("hl-").count() > 5, "{page}");
    // The checks of an include: a missing anchor, a missing file, a cycle.
    site.write(
        "src/ch01/code.md",
        "# Code\n\n```rust\n{{#rustdoc_include ../../listings/a.rs:nope}}\n```\n\n{{#playground missing.rs}}\n\n{{#playground code.md}}\n",
    );
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("error: `{{#rustdoc_include ../../listings/a.rs:nope}}`: no `ANCHOR: nope` in the file (anchors there: main)\n --> src/ch01/code.md:4:1")
        .assert_stderr_contains("error: `{{#playground missing.rs}}`: no file 'src/ch01/missing.rs'\n --> src/ch01/code.md:7:1")
        .assert_stderr_contains("include cycle");
}

#[test]
fn the_books_hidelines_hide_lines_in_every_block_of_their_language() {
    // 0verkil/cookbook: `[output.html.code.hidelines] java = "# "` hides the rest of each
    // Java file a `{{#rustdoc_include}}` shows; every hidden line was shown, with its `# `.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[book]\ntitle = \"T\"\nsrc = \"src\"\n\n[output.html.code.hidelines]\njava = \"# \"\nkt = \"# \"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [A](a.md)\n");
    site.write(
        "src/Pid.kt",
        "# import x\nfun shownKt() {}\n# // finished\n",
    );
    site.write(
        "src/a.md",
        "# A\n\n```java\n# class Hidden {\nshown();\n    # }\n```\n\n\
         ```kt\n{{#rustdoc_include Pid.kt}}\n```\n\n```python\n# a comment\n```\n",
    );
    site.build().assert_code(0);
    let page = main_of(&site.read("a/index.html")).to_string();
    for gone in ["Hidden", "# }", "import", "finished"] {
        assert!(!page.contains(gone), "{gone:?} in {page}");
    }
    for shown in ["shown", "shownKt", "a comment"] {
        assert!(page.contains(shown), "{shown:?} missing from {page}");
    }
}

#[test]
fn many_includes_outside_the_site_are_one_error() {
    // The wasm-bindgen guide: 76 includes of `../../../examples/…`, each the same fix.
    let site = Fixture::empty();
    site.write(
        "guide/book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("examples/a.rs", "fn a() {}\n");
    site.write("examples/b.rs", "fn b() {}\n");
    site.write(
        "guide/src/a.md",
        "# A\n\n```rust\n{{#include ../../examples/a.rs}}\n```\n\n```rust\n{{#include ../../examples/b.rs}}\n```\n",
    );
    site.write(
        "guide/src/b.md",
        "# B\n\n```rust\n{{#include ../../examples/a.rs}}\n```\n\n```rust\n{{#include ../../examples/b.rs}}\n```\n",
    );
    let run = site.run(&["check", "--root", "guide"]);
    run.assert_code(1)
        .assert_stderr_contains("error: `{{#include ../../examples/a.rs}}`: '../../examples/a.rs' is outside the site's folder (4 includes outside `include_root = \".\"` in 2 files, reported here as one)\n --> src/a.md:4:1")
        .assert_stderr_contains("set `include_root = \"..\"` under [build] in book.toml");
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    // kubebuilder's and the mdBook guide's books, built as a newcomer's book.toml
    // with `broken_links = "warn"` builds them: a warning with the same help, and
    // pages without the listings; nothing outside is read.
    site.write(
        "guide/book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\nbroken_links = \"warn\"\n",
    );
    let run = site.run(&["build", "--root", "guide"]);
    run.assert_code(0)
        .assert_stderr_contains("warning: `{{#include ../../examples/a.rs}}`: '../../examples/a.rs' is outside the site's folder (4 includes outside `include_root = \".\"` in 2 files, reported here as one)\n --> src/a.md:4:1")
        .assert_stderr_contains("or move the file into the site's folder; published without it: the directive is left out");
    let page = std::fs::read_to_string(site.path("guide/public/a/index.html")).unwrap();
    assert!(
        !page.contains("fn a()") && !page.contains("{{#include"),
        "{page}"
    );
}

#[test]
fn include_root_widens_where_includes_read_and_nothing_past_it_is_read() {
    // The mdBook guide's layout: the book in `guide/`, examples beside it.
    let site = Fixture::empty();
    site.write(
        "guide/book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("examples/ex.rs", "fn example() {}\n");
    site.write("../outside.txt", "private text\n");
    site.write(
        "guide/src/pre.md",
        "# Pre\n\n```rust\n{{#include ../../examples/ex.rs}}\n```\n",
    );
    site.run(&["check", "--root", "guide"])
        .assert_code(1)
        .assert_stderr_contains("error: `{{#include ../../examples/ex.rs}}`: '../../examples/ex.rs' is outside the site's folder\n --> src/pre.md:4:1")
        .assert_stderr_contains("set `include_root = \"..\"` under [build] in book.toml");
    site.write(
        "guide/book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\ninclude_root = \"..\"\n",
    );
    site.run(&["build", "--root", "guide"]).assert_code(0);
    let page = std::fs::read_to_string(site.path("guide/public/pre/index.html")).unwrap();
    assert!(page.contains("example"), "{page}");
    // Past the folder it names: refused, a link (symlink) out of it too.
    site.write(
        "guide/src/pre.md",
        "# Pre\n\n{{#include ../../../outside.txt}}\n",
    );
    site.run(&["check", "--root", "guide"])
        .assert_code(1)
        .assert_stderr_contains("'../../../outside.txt' is outside `include_root = \"..\"`")
        .assert_stderr_contains("set `include_root = \"../..\"`");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(site.path("../outside.txt"), site.path("examples/link.txt"))
            .unwrap();
        site.write(
            "guide/src/pre.md",
            "# Pre\n\n{{#include ../../examples/link.txt}}\n",
        );
        let run = site.run(&["build", "--root", "guide"]);
        run.assert_code(1)
            .assert_stderr_contains("is outside `include_root");
        assert!(!run.stderr.contains("private text"));
    }
    // An absolute include_root is refused where it is written.
    site.write(
        "guide/book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\ninclude_root = \"/\"\n",
    );
    site.run(&["check", "--root", "guide"])
        .assert_code(1)
        .assert_stderr_contains(
            "`build.include_root` '/' must be a folder relative to book.toml's",
        );
}

#[test]
fn a_chapter_s_sub_chapters_in_a_folder_named_after_it_are_its_section() {
    // Rust by Example's layout: `fn.md` beside `fn/`, `fn/closures.md` beside
    // `fn/closures/`.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Intro](intro.md)\n- [Functions](fn.md)\n    - [Methods](fn/methods.md)\n    - [Closures](fn/closures.md)\n        - [Capturing](fn/closures/capture.md)\n",
    );
    site.write(
        "src/intro.md",
        "# Intro\n\nSee [functions](fn.md), [closures](fn/closures.md#what-they-are) and [capture](fn/closures/capture.html).\n",
    );
    site.write(
        "src/fn.md",
        "# Functions\n\nFunctions are declared with `fn`.\n",
    );
    site.write(
        "src/fn/methods.md",
        "# Methods\n\nBack to [functions](../fn.md).\n",
    );
    site.write(
        "src/fn/closures.md",
        "# Closures\n\n## What they are\n\nClosures capture.\n",
    );
    site.write(
        "src/fn/closures/capture.md",
        "# Capturing\n\nBy reference.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("collision"), "{}", run.stderr);
    assert!(!run.stderr.contains("orphan"), "{}", run.stderr);
    // The chapter is its folder's hub text, at the top and below.
    let hub = main_of(&site.read("fn/index.html")).to_string();
    assert!(hub.contains("<h1>Functions</h1>"), "{hub}");
    assert!(hub.contains("Functions are declared with"), "{hub}");
    assert!(hub.contains("href=\"../fn/methods/\""), "{hub}");
    assert!(hub.contains("href=\"../fn/closures/\""), "{hub}");
    let closures = main_of(&site.read("fn/closures/index.html")).to_string();
    assert!(closures.contains("<h1>Closures</h1>"), "{closures}");
    assert!(closures.contains("id=\"what-they-are\""), "{closures}");
    assert!(closures.contains("capture/"), "{closures}");
    assert!(!site.path("public/fn/fn/index.html").exists());
    let intro = site.read("intro/index.html");
    assert!(intro.contains("href=\"../fn/\""), "{intro}");
    assert!(
        intro.contains("href=\"../fn/closures/#what-they-are\""),
        "{intro}"
    );
    assert!(
        intro.contains("href=\"../fn/closures/capture/\""),
        "{intro}"
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    // Without SUMMARY.md the same layout builds, and an unlisted chapter is an orphan.
    site.remove("src/SUMMARY.md");
    site.write("src/fn/alone.md", "# Alone\n\nNothing links here.\n");
    site.run(&["check"])
        .assert_code(0)
        .assert_stderr_contains("'alone' is an orphan");
}

#[test]
fn chapters_summary_md_does_not_list_are_left_out_as_mdbook_leaves_them_out() {
    // Comprehensive Rust: stale chapters no longer listed (one including files that
    // are gone) were published and failed the build; `ffi/README.md`, not listed,
    // collided with the listed `ffi.md`, which mdBook publishes as `ffi.html`.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Intro](intro.md)\n- [FFI](deep/ffi.md)\n  - [Interop](deep/ffi/interop.md)\n",
    );
    site.write(
        "src/intro.md",
        "# Intro\n\nSee [the old page](old.md) and [FFI](deep/ffi.md).\n",
    );
    site.write(
        "src/old.md",
        "# Old\n\n{{#include gone/lib.c}}\n\n[x](nowhere.md)\n",
    );
    site.write("src/deep/ffi.md", "# FFI\n\nThe chapter's text.\n");
    site.write("src/deep/ffi/README.md", "# Outline\n\nSpeaker notes.\n");
    site.write(
        "src/deep/ffi/interop.md",
        "# Interop\n\nBack to [FFI](../ffi.md).\n",
    );
    // A folder's README.md the summary does not list stays its hub's text when the
    // summary lists a chapter in the folder; in a folder it leaves out, it goes too.
    site.write("src/extra/README.md", "# Extra\n\nHub text.\n");
    site.write("src/extra/kept.md", "# Kept\n\nListed nowhere.\n");
    site.write("src/deep/README.md", "# Deep\n\nDeep hub text.\n");
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: 4 Markdown files SUMMARY.md does not list are left out, as mdBook leaves them out: 'deep/ffi/README.md', 'extra/README.md', 'extra/kept.md', 'old.md'\n--> src/SUMMARY.md")
        .assert_stderr_contains("warning: 'old.md' is not listed in SUMMARY.md, so not published: shown as plain text\n --> src/intro.md:3:5")
        .assert_stderr_contains("help: list the chapter in SUMMARY.md to publish it");
    assert!(!run.stderr.contains("gone/lib.c"), "{}", run.stderr);
    assert!(!run.stderr.contains("nowhere"), "{}", run.stderr);
    assert!(!run.stderr.contains("url-collision"), "{}", run.stderr);
    assert!(!site.path("public/old").exists());
    assert!(!site.path("public/extra/kept").exists());
    let ffi = site.read("deep/ffi/index.html");
    assert!(ffi.contains("The chapter’s text."), "{ffi}");
    assert!(!ffi.contains("Speaker notes"), "{ffi}");
    assert!(!site.path("public/extra").exists());
    assert!(site.read("deep/index.html").contains("Deep hub text."));
    // The same with links as errors: a broken link naming why.
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\nmissing_links = \"error\"\n",
    );
    site.run(&["check"]).assert_code(1).assert_stderr_contains(
        "error: broken link to 'old.md': it is not listed in SUMMARY.md, so not published",
    );
}

#[test]
fn a_link_to_index_md_leads_to_the_folder_s_readme_as_mdbook_names_it() {
    // The Clippy book: `[introduction](index.md)` and `continuous_integration/index.md`,
    // where the folders hold README.md, which mdBook writes as index.html.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "- [Intro](README.md)\n- [Lints](lints.md)\n- [CI](ci/README.md)\n  - [Actions](ci/actions.md)\n",
    );
    site.write("src/README.md", "# Clippy\n\nA linter.\n");
    site.write(
        "src/lints.md",
        "# Lints\n\nSee the [introduction](index.md) and [CI](ci/index.md#setup).\n",
    );
    site.write("src/ci/README.md", "# CI\n\n## Setup\n\nRun it.\n");
    site.write(
        "src/ci/actions.md",
        "# Actions\n\nBack to [CI](./index.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("index.md"), "{}", run.stderr);
    let lints = main_of(&site.read("lints/index.html")).to_string();
    assert!(
        lints.contains("<a href=\"../\" id=\"ref-1\">introduction</a>"),
        "{lints}"
    );
    assert!(
        lints.contains("<a href=\"../ci/#setup\" id=\"ref-2\">CI</a>"),
        "{lints}"
    );
    let actions = main_of(&site.read("ci/actions/index.html")).to_string();
    assert!(
        actions.contains("<a href=\"../../ci/\" id=\"ref-1\">CI</a>"),
        "{actions}"
    );
}

#[test]
fn definition_lists_read_as_mdbook_reads_them() {
    // The PyO3 guide's glossary: `term` then `  : definition`, which mdBook (and Hugo)
    // make a <dl>; it was one paragraph, "attached : To call into…".
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/glossary.md",
        "# Glossary\n\nattached\n  : A thread holding the interpreter.\n\nGIL\n  : The global lock.\n\n    A second paragraph.\n",
    );
    site.build().assert_code(0);
    let page = main_of(&site.read("glossary/index.html")).to_string();
    assert!(
        page.contains(
            "<dl>\n<dt id=\"attached\">attached</dt>\n<dd>\n<p>A thread holding the interpreter.</p>\n</dd>"
        ),
        "{page}"
    );
    assert!(page.contains("<dt id=\"gil\">GIL</dt>"), "{page}");
    assert!(page.contains("<p>A second paragraph.</p>"), "{page}");
}

#[test]
fn without_references_yaml_a_bracketed_at_sign_is_text() {
    // The Cargo book: `_crate_[@_version_]...` was an unknown citation key, an error.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/install.md",
        "# Install\n\n`cargo install` _crate_[@_version_]... and [@scope/pkg].\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("citation"), "{}", run.stderr);
    let page = main_of(&site.read("install/index.html")).to_string();
    assert!(
        page.contains("<em>crate</em>[@<em>version</em>]… and [@scope/pkg]."),
        "{page}"
    );
    // With works to cite, an unknown key is still an error.
    site.write(
        "src/references.yaml",
        "webb2012:\n  kind: book\n  authors: [Webb]\n  year: 2012\n  title: Running on Empty\n",
    );
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("error: unknown citation key '@_version_'");
}

#[test]
fn an_include_after_text_on_its_line_gives_that_text_to_each_included_line() {
    // mdBook writes the text before `{{#include}}` on its line (`> `, a list item's
    // indent, `# `) before every included line after the first.
    let site = Fixture::new("mdbook-includes");
    let run = site.build();
    run.assert_code(0);
    let page = main_of(&site.read("includes/index.html")).to_string();
    // The text without its tags.
    let text: String = page
        .split('<')
        .map(|part| part.split_once('>').map_or(part, |(_, text)| text))
        .collect();
    // The code blocks stay whole inside their blockquote or list item: four lines of
    // the file in each, no stray `}` paragraph, the ordered list not broken in two.
    assert_eq!(page.matches("Hello, reader!").count(), 5, "{page}");
    assert!(!page.contains("<p>}</p>"), "{page}");
    assert_eq!(page.matches("<blockquote>").count(), 4, "{page}");
    assert_eq!(page.matches("<ol>").count(), 1, "{page}");
    assert_in_order(
        &page,
        &[
            "<blockquote>\n<p>Quoted:</p>\n<pre",
            "Hello, reader!",
            "</code></pre>\n</blockquote>",
            "<blockquote>\n<p>Two levels</p>\n<blockquote>\n<pre",
            "</code></pre>\n</blockquote>\n</blockquote>",
            "<blockquote>\n<p>Breathe out slowly.</p>\n<p>Then count to four, and see <a href=\"../exercise/\"",
            "</blockquote>",
            "<li>Indented once:<pre",
            "<li>Indented twice:<pre",
            "</li>\n</ul>\n</li>\n</ul>\n<ol>\n<li>First:<pre",
            "</code></pre>\n</li>\n<li>Then the rest.</li>\n</ol>",
        ],
    );
    // `# ` before an include hides its lines in a Rust block.
    assert!(text.contains("let a") && text.contains("let b") && text.contains("let e"));
    assert!(!text.contains("let c") && !text.contains("let d"), "{text}");
    // Inline, the file's one line takes the directive's place.
    assert!(page.contains("<p>Stay calm today.</p>"), "{page}");
    // A problem in included text is at its line and column in the included file,
    // through one prefix or two.
    site.write(
        "listings/note.md",
        "Breathe out slowly.\n\nThen count to four, and see [the exercise](exercises.md).\n",
    );
    site.write(
        "listings/steps.md",
        "Step one.\n\nStep two, [gone](gone.md).\n",
    );
    site.write("listings/nest.md", "Nested:\n> {{#include steps.md}}\n");
    let page = std::fs::read_to_string(site.path("src/includes.md")).unwrap();
    site.write(
        "src/includes.md",
        format!("{page}\n> Outer\n> {{{{#include ../listings/nest.md}}}}\n"),
    );
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("error: broken link to 'exercises.md'\n --> listings/note.md:3:29")
        .assert_stderr_contains("error: broken link to 'gone.md'\n --> listings/steps.md:3:11");
}

#[test]
fn double_brackets_before_a_destination_are_a_link_whose_text_keeps_one_pair() {
    // The Rust course: `[[dev-dependencies]](#dev-dependencies)` is, in CommonMark and
    // so in mdBook, a link whose text is `[dev-dependencies]`; it was read as a
    // wikilink to a note not written yet, with `(#dev-dependencies)` left as text.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/deps/specify.md",
        "# Specify\n\nOnly in [[dev-dependencies]](#dev-dependencies), see \
         [[cargo]](<other.md> \"The manifest\") and [[x]]( other.md ).\n\n\
         ## [dev-dependencies]\n\nText.\n",
    );
    site.write("src/deps/other.md", "# Other\n\nText.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not written yet"), "{}", run.stderr);
    assert!(!run.stderr.contains("orphan"), "{}", run.stderr);
    let page = main_of(&site.read("deps/specify/index.html")).to_string();
    assert!(
        page.contains(r##"<a href="#dev-dependencies" id="ref-1">[dev-dependencies]</a>, see"##),
        "{page}"
    );
    assert!(
        page.contains(r#"title="The manifest">[cargo]</a> and"#),
        "{page}"
    );
    assert!(page.contains(">[x]</a>.</p>"), "{page}");
    assert!(!page.contains("(#dev-dependencies)"), "{page}");
    // A wikilink with a space before the parentheses stays a wikilink.
    site.write(
        "src/deps/other.md",
        "# Other\n\nSee [[specify]] (the manifest).\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = main_of(&site.read("deps/other/index.html")).to_string();
    assert!(page.contains(">Specify</a> (the manifest)"), "{page}");
}

#[test]
fn a_folder_without_a_readme_takes_its_title_and_place_from_summary_md() {
    // The Rust course: `first-try/` has no README.md; SUMMARY.md nests its chapters
    // under its first one, and names other groups by a draft chapter or a part title.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n[About](about.md)\n[Do not](zeta-first/dont.md)\n\n---\n\n\
         - [Trying it out](zeta-first/intro.md)\n  - [Installing](zeta-first/install.md)\n\
         \x20 - [Editors](zeta-first/editor.md)\n\
         - [Working with data]()\n  - [Reading](data/reading.md)\n  - [Formats](data/formats/intro.md)\n\
         \x20   - [Tables](data/formats/tables.md)\n  - [Writing](data/writing.md)\n\
         - [Reference](reference.md)\n  - [Keys](keys/list.md)\n  - [Values](values/list.md)\n\n\
         # Going further\n\n- [Tips](alpha-more/tips.md)\n- [Tricks](alpha-more/tricks.md)\n",
    );
    for (file, title) in [
        ("about.md", "About"),
        ("zeta-first/dont.md", "Do not"),
        ("zeta-first/intro.md", "Trying it out"),
        ("zeta-first/install.md", "Installing"),
        ("zeta-first/editor.md", "Editors"),
        ("data/reading.md", "Reading"),
        ("data/formats/intro.md", "Formats"),
        ("data/formats/tables.md", "Tables"),
        ("data/writing.md", "Writing"),
        ("reference.md", "Reference"),
        ("keys/list.md", "Keys"),
        ("values/list.md", "Values"),
        ("alpha-more/tips.md", "Tips"),
        ("alpha-more/tricks.md", "Tricks"),
    ] {
        site.write(&format!("src/{file}"), format!("## {title}\n\nText.\n"));
    }
    site.build().assert_code(0);
    // Topics made from folders, titled and ordered as SUMMARY.md gives them.
    let home = main_of(&site.read("index.html")).to_string();
    assert_in_order(
        &home,
        &[
            "<a href=\"./zeta-first/\">Trying it out</a></h2>",
            "<a href=\"./data/\">Working with data</a></h2>",
            "<a href=\"./keys/\">Keys</a></h2>",
            "<a href=\"./values/\">Values</a></h2>",
            "<p class=\"part-title\">Going further</p>",
            "<a href=\"./alpha-more/\">Going further</a></h2>",
        ],
    );
    let first = main_of(&site.read("zeta-first/index.html")).to_string();
    assert!(first.contains("<h1>Trying it out</h1>"), "{first}");
    assert_in_order(
        &first,
        &["Do not", "Trying it out", "Installing", "Editors"],
    );
    // A sub-section named by the chapter its folder's chapters are nested in.
    let data = main_of(&site.read("data/index.html")).to_string();
    assert!(data.contains("<h1>Working with data</h1>"), "{data}");
    // Its sub-section among its chapters, in SUMMARY.md's order.
    assert_in_order(&data, &[">Reading</a>", ">Formats</a>", ">Writing</a>"]);
    // Reading order is SUMMARY.md's.
    assert!(site
        .read("data/writing/index.html")
        .contains("rel=\"prev\"><span>Previous</span> Tables</a>"));
    let formats = main_of(&site.read("data/formats/index.html")).to_string();
    assert!(formats.contains("<h1>Formats</h1>"), "{formats}");
    // Breadcrumbs carry the same titles.
    let tables = site.read("data/formats/tables/index.html");
    assert!(tables.contains(">Working with data</a>"), "{tables}");
    // Without SUMMARY.md, folders are named after themselves.
    site.remove("src/SUMMARY.md");
    site.build().assert_code(0);
    let home = main_of(&site.read("index.html")).to_string();
    assert!(
        home.contains("<a href=\"./zeta-first/\">Zeta first</a></h2>"),
        "{home}"
    );
    assert!(home.contains("<a href=\"./data/\">Data</a></h2>"), "{home}");
}

#[test]
fn katex_commands_of_mdbook_katex_books_render() {
    // A physics textbook drawn by mdbook-katex: `\bm`, `\argmin`, `\nonumber` and a
    // line break outside any environment were "cannot be read".
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Newton](newton.md)\n");
    site.write(
        "src/newton.md",
        "# Newton\n\nThe step $\\bm{p}_i$ solves\n$$\n\\bm{x}^{n+1} = \\argmin_x E(x) \\nonumber\n$$\nsubject to\n$$\n    d(x) > 0 \\\\ \\forall \\ \\text{node} \\ j.\n$$\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("cannot be read"), "{}", run.stderr);
    let page = main_of(&site.read("newton/index.html")).to_string();
    assert!(page.contains("<mi>𝒑</mi>"), "{page}");
    assert!(
        page.contains("<munder><mi>arg min</mi><mi>x</mi></munder>"),
        "{page}"
    );
    assert!(page.contains("<mtable"), "{page}");
    assert!(!page.contains("math-error"), "{page}");
}

#[test]
fn mdbook_admonish_blocks_are_callouts_whose_text_is_markdown() {
    // mdbook-admonish's own guide: its blocks were shown as code, raw Markdown and all.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Guide](guide.md)\n");
    site.write(
        "src/guide.md",
        "# Guide\n\n```admonish warning title=\"Back up first\" collapsible=true\nThe next steps **cannot** be undone.\n```\n\
         After the block.\n\n- A step\n\n  ```admonish tip\n  Nested in a list.\n  ```\n\n\
         ````markdown\n```admonish example\nShown as code.\n```\n````\n\n```admonish\n[broken](nowhere.md)\n```\n",
    );
    let run = site.build();
    run.assert_code(0);
    // Positions inside a block are the file's own.
    run.assert_stderr_contains("'nowhere.md' is not written yet")
        .assert_stderr_contains("src/guide.md:21:1");
    let page = main_of(&site.read("guide/index.html")).to_string();
    assert!(
        page.contains("<details class=\"callout callout-warning\">\n<summary class=\"callout-title\">Warning: Back up first</summary>"),
        "{page}"
    );
    assert!(page.contains("<strong>cannot</strong>"), "{page}");
    assert!(
        page.contains("</details>\n<p>After the block.</p>"),
        "{page}"
    );
    assert!(
        page.contains("<div class=\"callout callout-tip\""),
        "{page}"
    );
    assert!(page.contains("Nested in a list."), "{page}");
    assert!(
        page.contains("<div class=\"callout callout-note\""),
        "{page}"
    );
    // The syntax shown inside a longer fence stays code.
    assert!(
        page.contains("admonish</span> example\nShown as code."),
        "{page}"
    );
    assert!(!page.contains("language-admonish"), "{page}");
}

#[test]
fn a_chapter_s_link_to_itself_leads_to_its_page() {
    // `[the guide](guide.md)` in guide.md was shown as a note not written yet.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Guide](guide.md)\n");
    site.write(
        "src/guide.md",
        "# Guide\n\nSee [this chapter](guide.md), [its title](guide.md#guide) and [below](guide.md#sub).\n\n## Sub\n\nText.\n",
    );
    site.build().assert_code(0);
    let page = main_of(&site.read("guide/index.html")).to_string();
    assert!(
        page.contains("<a href=\"../guide/\" id=\"ref-1\">this chapter</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"../guide/\" id=\"ref-2\">its title</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"#sub\" id=\"ref-3\">below</a>"),
        "{page}"
    );
    assert!(!page.contains("missing-link"), "{page}");
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn chapters_summary_md_lists_are_never_translations_left_out() {
    // A book written beside its original: SUMMARY.md lists `README.zh.md` and
    // `guide/install.zh.md`; mdBook has no translations by file name, so they are
    // the book (they were left out as `zh` translations, then reported missing).
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\nmissing_links = \"error\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n[介绍](README.zh.md)\n\n- [指南](guide/README.zh.md)\n  - [安装](guide/install.zh.md)\n",
    );
    site.write("src/README.md", "# Introduction\n\nEnglish original.\n");
    site.write("src/README.zh.md", "# 介绍\n\n中文的书。\n");
    site.write(
        "src/guide/README.md",
        "# Guide\n\nSee [installing](install.md).\n",
    );
    site.write(
        "src/guide/README.zh.md",
        "# 指南\n\n见[安装](install.zh.md)。\n",
    );
    site.write("src/guide/install.md", "# Install\n\nEnglish.\n");
    site.write(
        "src/guide/install.zh.md",
        "# 安装\n\n回到[介绍](../README.zh.md)。\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("other-language"), "{}", run.stderr);
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    site.build().assert_code(0);
    let install = main_of(&site.read("guide/install-zh/index.html")).to_string();
    assert!(install.contains(">安装</h1>"), "{install}");
    assert!(install.contains("href=\"../../readme-zh/\""), "{install}");
    // The guide's unlisted English README.md is not its hub's text: the listed
    // README.zh.md is a chapter of the folder instead.
    let guide = main_of(&site.read("guide/index.html")).to_string();
    assert!(!guide.contains("English"), "{guide}");
    assert!(guide.contains("指南"), "{guide}");
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn colon_fenced_containers_are_callouts_whose_text_is_markdown() {
    // gb-asm-tutorial's `:::tip Title` … `:::` (the syntax of markdown-it-container,
    // VitePress and Docusaurus) was shown as text, colons and all.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Guide](guide.md)\n");
    site.write(
        "src/guide.md",
        "# Guide\n\n:::tip Convention\n\nDo not type the `$` of [the prompt](#sub).\n\n:::\n\n\
         ::: warning\nCareful.\n:::\n\n:::challenge\nTry it.\n:::\n\n\
         ```md\n:::tip\nshown as code\n:::\n```\n\n## Sub\n\nText.\n",
    );
    site.build().assert_code(0);
    let page = main_of(&site.read("guide/index.html")).to_string();
    assert!(!page.contains(":::tip Convention"), "{page}");
    assert!(page.contains("Convention"), "{page}");
    assert!(page.contains("callout"), "{page}");
    assert!(page.contains("<a href=\"#sub\""), "{page}");
    assert!(page.contains("Challenge"), "{page}");
    // Colons in a code block stay code.
    assert!(page.contains(":::tip\nshown as code\n:::"), "{page}");
    assert_eq!(page.matches("role=\"note\"").count(), 3, "{page}");
    // MyST's form (zk's docs, Jupyter Book): `:::{note}` and `:::{admonition} Title`.
    site.write(
        "src/guide.md",
        "# Guide\n\n:::{note}\nThis disables the *defaults*.\n:::\n\n:::{admonition} Mind it\nText.\n:::\n",
    );
    site.build().assert_code(0);
    let page = main_of(&site.read("guide/index.html")).to_string();
    assert!(
        page.contains("<div class=\"callout callout-note\" role=\"note\" aria-label=\"Note\">\n<p class=\"callout-title\">Note</p>\n<p>This disables the <em>defaults</em>.</p>"),
        "{page}"
    );
    assert!(page.contains("Note: Mind it</p>"), "{page}");
    assert!(!page.contains(":::"), "{page}");
}

#[test]
fn a_link_to_an_admonish_block_s_id_leads_to_it() {
    // walrus-docs links `tutorial-install.html#admonition-note`, the id
    // mdbook-admonish gives its first untitled note: it was a broken anchor.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Guide](guide.md)\n");
    site.write(
        "src/guide.md",
        "# Guide\n\nSee [the note](./guide.html#admonition-note), [the second](#admonition-note-1) \
         and [the step](#admonition-mind-the-step).\n\n\
         ```admonish note\nFirst.\n```\n\n```admonish\nSecond.\n```\n\n\
         ```admonish warning title=\"Mind the step\"\nThird.\n```\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("broken-anchor"), "{}", run.stderr);
    site.build().assert_code(0);
    let page = main_of(&site.read("guide/index.html")).to_string();
    for id in [
        "admonition-note",
        "admonition-note-1",
        "admonition-mind-the-step",
    ] {
        assert!(
            page.contains(&format!("<a id=\"{id}\"></a>")),
            "{id}: {page}"
        );
    }
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn mdbook_spec_rules_are_anchors_and_links_may_name_them() {
    // The Rust Reference states each rule after a marker line, `r[items.static]`, and
    // links to a rule by its name (`[statics]: items.static`), as its preprocessor
    // mdbook-spec reads them: 562 links were broken and the markers shown as text.
    let site = Fixture::new("import-mdbook");
    site.write(
        "src/reference/config.md",
        "### Configuration\n\nr[config.file]\nSettings live in one file.\n\nr[config.file.name]\nIt is named `book.toml`:\n\n```text\nr[not.a.rule]\n```\n",
    );
    site.write(
        "src/guide/reading.md",
        "# Reading the book\n\nSee [the file][file] and [its name](config.file.name), \
         or [the rule](../reference/config.md#r-config.file).\n\n[file]: config.file\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    let config = site.read("reference/config/index.html");
    assert!(
        config.contains("<div class=\"rule\" id=\"r-config.file\"><a class=\"rule-link\" href=\"#r-config.file\">[config.file]</a></div>\n<p>Settings live in one file.</p>"),
        "{config}"
    );
    assert!(
        config.contains("r[not.a.rule]"),
        "a marker in code stays code"
    );
    let reading = site.read("guide/reading/index.html");
    for href in [
        "../../reference/config/#r-config.file",
        "../../reference/config/#r-config.file.name",
    ] {
        assert!(
            reading.contains(&format!("href=\"{href}\"")),
            "{href}: {reading}"
        );
    }
    assert!(independent_check(&site).is_empty());
    // A name no marker gives stays a broken link.
    site.write(
        "src/guide/reading.md",
        "# Reading the book\n\n[x](config.missing)\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to 'config.missing'");
}

#[test]
fn a_reference_with_no_definition_naming_a_rule_leads_to_it() {
    // mdbook-spec defines a reference for every rule on every page, so the Rust
    // Reference writes `` [`#[non_exhaustive]`][attributes.type-system.non_exhaustive] ``
    // and `[line comment][comments]` with no definition: 153 such links were shown as
    // text in brackets.
    let site = Fixture::new("import-mdbook");
    site.write(
        "src/reference/config.md",
        "### Configuration\n\nr[config.file]\nSettings live in one file.\n\nr[config]\nAll of it.\n",
    );
    site.write(
        "src/guide/reading.md",
        "# Reading the book\n\nSee [`book.toml`][config.file], [Config.File] and [config][]; \
         [sic] and [the text][not.a.rule] stay as written, and [the guide][config] is \
         defined here.\n\n```text\n[config.file]\n```\n\n[config]: ../guide/reading.md\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    let reading = site.read("guide/reading/index.html");
    for (href, label) in [
        (
            "../../reference/config/#r-config.file",
            "<code>book.toml</code>",
        ),
        ("../../reference/config/#r-config.file", "Config.File"),
        ("../../guide/reading/", "config"),
        ("../../guide/reading/", "the guide"),
    ] {
        let link = format!("<a href=\"{href}\" id=");
        let at = reading.find(&format!(">{label}</a>")).expect(label);
        let start = reading[..at].rfind("<a href=").unwrap();
        assert!(
            reading[start..].starts_with(&link),
            "{label}: {}",
            &reading[start..at]
        );
    }
    assert!(
        reading.contains("[sic] and [the text][not.a.rule] stay"),
        "{reading}"
    );
    assert!(
        reading.contains(">[config.file]\n</code>"),
        "code stays code: {reading}"
    );
    assert!(independent_check(&site).is_empty());
}

#[test]
fn a_summary_entry_for_summary_md_itself_is_no_missing_chapter() {
    // A nutrition book opens its summary with `[Preface](./SUMMARY.md)`: mdBook shows
    // the table of contents as a page; it was an error that the file does not exist.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n[Preface](./SUMMARY.md)\n\n---\n\n# Goals\n\n- [Energy](energy.md)\n",
    );
    site.write("src/energy.md", "# Energy\n\nText.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("SUMMARY.md lists"), "{}", run.stderr);
    assert!(site
        .read("energy/index.html")
        .contains("<h1 id=\"article-title\">Energy</h1>"));
    assert!(!site.path("public/summary/index.html").exists());
}

#[test]
fn mdbook_toc_s_marker_shows_the_page_s_contents() {
    // mdbook-toc writes the page's contents where `<!-- toc -->` stands; attune shows a
    // page's "On this page" list from three headings on, and on a page with the marker
    // from one.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("src/SUMMARY.md", "- [A](a.md)\n- [B](b.md)\n");
    site.write(
        "src/a.md",
        "# A\n\n<!-- toc -->\n\n## First\n\nText.\n\n## Second\n\nText.\n",
    );
    site.write(
        "src/b.md",
        "# B\n\n## First\n\nText.\n\n## Second\n\nText.\n",
    );
    site.build().assert_code(0);
    let a = site.read("a/index.html");
    assert!(
        a.contains("<h2 id=\"toc-heading\" class=\"toc-heading\">On this page</h2>"),
        "{a}"
    );
    assert!(
        a.contains("<a href=\"#first\">First</a>") && a.contains("<a href=\"#second\">Second</a>")
    );
    assert!(!site.read("b/index.html").contains("toc-heading"));
}

#[test]
fn a_link_to_a_folder_named_with_capitals_leads_to_its_hub() {
    // A notes book's `Web/README.md` opens with `# [Web前端](./)`: folders are published
    // at slugs (`web/`), and a link to the folder as written was broken.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/Web/README.md",
        "# [Web前端](./)\n\n[Sub](<./Sub Notes/>) and [again](Sub%20Notes).\n",
    );
    site.write(
        "content/Web/intro.md",
        "# Intro\n\n[Up](../Web/) and [home](../).\n",
    );
    site.write("content/Web/Sub Notes/README.md", "# Sub\n\n[Up](../)\n");
    site.write("content/Web/Sub Notes/s1.md", "# S1\n\nText.\n");
    site.write(
        "content/SUMMARY.md",
        "- [Intro](Web/intro.md)\n- [S1](<Web/Sub Notes/s1.md>)\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("broken link"), "{}", run.stderr);
    let web = main_of(&site.read("web/index.html")).to_string();
    assert_eq!(
        web.matches("href=\"../web/sub-notes/\" id=").count(),
        2,
        "{web}"
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn math_inside_raw_html_is_read_as_mdbook_katex_reads_it() {
    // An mdbook-katex book writes formulas inside HTML blocks (`<p id="batch">$$ … $$</p>`):
    // mdbook-katex reads the chapter's text before Markdown does, so they render there;
    // attune showed them as `$$` text.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("src/SUMMARY.md", "- [Loss](loss.md)\n");
    site.write(
        "src/loss.md",
        "# Loss\n\nIntro.\n\n<h3 id=\"mse\">MSE</h3>\n<p id=\"batch\">$$ \\frac{1}{N} \\sum_{i=1}^N (\\hat{y_i}-y_i)^2 $$</p>\n<p>For one, $(\\hat{y}-y)^2$; it costs $5 or $10.</p>\n<pre><code>$kept$</code></pre>\n<p>Bad: $\\nosuchcommand{x}$</p>\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("math `\\nosuchcommand{x}` cannot be read")
        .assert_stderr_contains("--> src/loss.md:9:10");
    let page = main_of(&site.read("loss/index.html")).to_string();
    assert!(
        page.contains("<p id=\"batch\"><math display=\"block\"><mfrac>"),
        "{page}"
    );
    assert!(
        page.contains("<p>For one, <math display=\"inline\">"),
        "{page}"
    );
    assert!(page.contains("; it costs $5 or $10.</p>"), "{page}");
    assert!(page.contains("<pre><code>$kept$</code></pre>"), "{page}");
    assert!(!page.contains("$$"), "{page}");
}

#[test]
fn an_mdbook_s_own_book_toml_keeps_its_tables_and_katex_macros_are_read() {
    // attune's keys added to the book's own book.toml: mdBook's tables are allowed,
    // and mdbook-katex's macros file gives every formula its macros.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[book]\ntitle = \"Maths\"\nauthors = [\"A\"]\nsrc = \"src\"\n\n[build]\nbuild-dir = \"../../books/maths\"\ncreate-missing = false\ncontent_dir = \"src\"\n\n[output.html]\nmathjax-support = true\n\n[output.html.print]\nenable = false\n\n[preprocessor.katex]\nrenderers = [\"html\"]\nmacros = \"macros.txt\"\n\n[preprocessor.toc]\ncommand = \"mdbook-toc\"\n\n[rust]\nedition = \"2021\"\n\n[site]\ntitle = \"Maths\"\n",
    );
    site.write(
        "macros.txt",
        "# Conventions\n\n\\group:{\\mathbb{G}}\n\\alg:{#1_\\textnormal{alg}}\n\\grad:{\\nabla}\n\\abs:\\left|#1\\right|\n\\nocolon\nnot a macro: a note\n",
    );
    site.write("src/SUMMARY.md", "- [Calculus](calculus.md)\n");
    site.write(
        "src/calculus.md",
        "# Calculus\n\nThe gradient $\\grad f$ and $\\abs{x}$.\n\nIn $x_\\group$, $\\alg{A}$ wins.\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("'\\nocolon' is no macro")
        .assert_stderr_contains("--> macros.txt:7:1");
    // Lines that do not start with a backslash are the file's headings and notes,
    // as mdbook-katex reads them (halo2's book titles its groups `# Conversions`).
    assert!(!run.stderr.contains("Conventions"), "{}", run.stderr);
    assert!(!run.stderr.contains("a note"), "{}", run.stderr);
    assert!(!run.stderr.contains("cannot be read"), "{}", run.stderr);
    let page = main_of(&site.read("calculus/index.html")).to_string();
    assert!(page.contains("<mi>∇</mi></mrow><mi>f</mi>"), "{page}");
    // A macro straight after `_`, or holding one (`#1_\textnormal{alg}`), is the
    // script, as KaTeX reads it: it was a `math` warning, shown as TeX.
    assert!(page.contains("<mi>𝔾</mi>"), "{page}");
    assert!(page.contains("<mtext>alg</mtext>"), "{page}");
    assert!(!page.contains("{alg}"), "{page}");
    assert!(
        page.contains("<mo stretchy=\"true\">|</mo><mrow><mi>x</mi></mrow>"),
        "{page}"
    );
    // A macros file that is not there: a warning at the key, formulas shown as TeX.
    site.remove("macros.txt");
    site.build()
        .assert_code(0)
        .assert_stderr_contains("mdbook-katex's macros file 'macros.txt' cannot be read")
        .assert_stderr_contains("--> book.toml:19:10");
    // A key mdBook does not have either is still an error.
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n[build]\nbuild-dirr = \"x\"\n",
    );
    site.build().assert_code(1);
}

#[test]
fn a_bracketed_reference_is_a_link_in_brackets_and_a_md_link_may_lead_to_an_html_file() {
    // halo2's book cites `[[P99]]` beside `[P99]: https://…`, which CommonMark reads as
    // the reference link in brackets: it was a wikilink to a note not written yet.
    // The Bevy cheat book links `/programming/run-criteria.md`, a chapter moved away
    // whose `run-criteria.html` redirect stays in `src/`: mdBook's link leads there.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Groups](background/groups.md)\n",
    );
    site.write(
        "src/background/groups.md",
        "# Groups\n\nThe commitment [[P99]] and [[ dh  1976 ]], not [[Nowhere]].\n\n\
         See [run criteria](/programming/run-criteria.md#top) and [old](old.md).\n\n\
         [P99]: https://example.com/p99.pdf \"Pedersen\"\n[DH 1976]: https://example.com/dh\n",
    );
    site.write(
        "src/programming/run-criteria.html",
        "<!DOCTYPE html><html><head><meta http-equiv=\"refresh\" content=\"0;url=https://example.com/run-conditions.html\"></head></html>\n",
    );
    site.write("src/background/old.html", "<!DOCTYPE html><p>Moved.</p>\n");
    let run = site.build();
    run.assert_code(0);
    // A wikilink naming no definition is still one, and the one warning.
    run.assert_stderr_contains("'Nowhere' is not written yet")
        .assert_stderr_contains("(1 warning)");
    let page = main_of(&site.read("background/groups/index.html")).to_string();
    assert!(
        page.contains("[<a href=\"https://example.com/p99.pdf\" title=\"Pedersen\">P99</a>]"),
        "{page}"
    );
    assert!(
        page.contains("[<a href=\"https://example.com/dh\">dh  1976</a>]"),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../programming/run-criteria.html#top\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../background/old.html\""),
        "{page}"
    );
    assert!(site.path("public/programming/run-criteria.html").exists());
}

#[test]
fn a_script_or_frame_written_self_closed_in_raw_html_is_closed_where_it_was_written() {
    // bevy-cheatbook: `<script type="module" src="loadwasm.js"/>` in a chapter. HTML
    // reads `/>` as `>` on an element that holds content, so the script swallowed every
    // later chapter of print.html (164 ids a link checker could not find).
    let site = Fixture::new("import-mdbook");
    site.write(
        "src/guide/install.md",
        "# Installation\n\nBefore. <span class=\"note\"/> Still the paragraph.\n\n<div id=\"box\"/>\n\n<svg viewBox=\"0 0 2 2\">\n<path d=\"M0 0\"/><circle r=\"1\"/>\n</svg>\n\n<script type=\"module\" src=\"loadwasm.js\"/>\n",
    );
    site.write("src/guide/loadwasm.js", "export {};\n");
    site.write(
        "src/reference/config.md",
        "# Configuration\n\n## The far heading {#far-heading}\n\nLast words.\n",
    );
    site.build().assert_code(0);
    let page = site.read("guide/install/index.html");
    // Other elements hold what follows, as CommonMark's examples pass them through.
    assert!(
        page.contains("<span class=\"note\"/> Still the paragraph."),
        "{page}"
    );
    assert!(page.contains("<div id=\"box\"/>"), "{page}");
    assert!(
        page.contains("src=\"loadwasm.js\"></script>") || page.contains("loadwasm.js\"></script>"),
        "{page}"
    );
    // In an SVG (or MathML) block `/>` closes an element as XML does: left as written.
    assert!(
        page.contains("<path d=\"M0 0\"/><circle r=\"1\"/>"),
        "{page}"
    );
    // Every chapter after it is in print.html, outside any script.
    let print = site.read("print.html");
    let script = print
        .find("loadwasm.js\"")
        .expect("the script is in print.html");
    let closed = script + print[script..].find('>').unwrap();
    assert!(
        print[closed..].starts_with("></script>"),
        "{}",
        &print[script..script + 80]
    );
    assert!(
        print[closed..].contains("far-heading"),
        "the later chapter is in print.html"
    );
}

#[test]
fn an_unlisted_readme_at_the_top_is_not_the_home_page() {
    // As KaiserY/trpl-zh-cn keeps src/README.md: a table of contents for browsing the
    // repository, gone stale, that SUMMARY.md does not list. mdBook publishes only what
    // the summary lists (its home page is the first chapter); the stale links were 18
    // missing-note warnings on a page mdBook never shows.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n[Title page](title-page.md)\n- [One](ch01.md)\n",
    );
    site.write(
        "src/README.md",
        "# Contents\n\n- [Old chapter](ch17-00-oop.md)\n",
    );
    site.write("src/title-page.md", "# The book\n\nRead [one](ch01.md).\n");
    site.write("src/ch01.md", "# One\n\nText.\n");
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "SUMMARY.md does not list is left out, as mdBook leaves them out: 'README.md'",
    );
    assert!(!run.stderr.contains("ch17-00-oop"), "{}", run.stderr);
    let home = site.read("index.html");
    assert!(!home.contains("Old chapter"), "{home}");
    assert!(site.path("public/title-page/index.html").exists());
    // Listed, it is the home page's text, as mdBook makes it the index.
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n[Contents](README.md)\n- [One](ch01.md)\n",
    );
    site.write("src/README.md", "# Contents\n\n- [One](ch01.md)\n");
    site.build().assert_code(0);
    let home = site.read("index.html");
    assert!(home.contains("<li><a href=\"./ch01/\""), "{home}");
}

#[test]
fn a_md_link_above_the_host_is_a_warning_with_broken_links_warn() {
    // As ZcashFoundation/zebra's book links from book/src/dev/ to a decision record in
    // the repository (`../../../docs/decisions/….md`): above the host's root, so no
    // address. It was an error even with `broken_links = "warn"`, which makes every
    // other link that leads nowhere a warning.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\nbase_url = \"https://zebra.example.org/\"\n\n[build]\ncontent_dir = \"src\"\nbroken_links = \"warn\"\n",
    );
    site.write("src/SUMMARY.md", "- [Ops](dev/ops.md)\n");
    site.write(
        "src/dev/ops.md",
        "# Ops\n\nSee [the naming record](../../../docs/decisions/naming.md).\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: '../../../docs/decisions/naming.md' leads outside the site\n --> src/dev/ops.md:3:5",
    );
    let page = site.read("dev/ops/index.html");
    assert!(
        page.contains("See <span class=\"missing-link\">the naming record</span>."),
        "{page}"
    );
}

#[test]
fn a_self_closed_script_opening_a_line_ends_its_html_block_there() {
    // `<script src="x.js"/>` at the start of a line opens a CommonMark HTML block that
    // only `</script>` ends: in mdBook the rest of the chapter is raw HTML, its
    // headings and lists shown as written. The author meant an empty element.
    let site = Fixture::new("import-mdbook");
    site.write(
        "src/guide/install.md",
        "# Installation\n\n<script type=\"module\" src=\"loadwasm.js\"/>\n\n## After the script\n\n- *one*\n- two\n\n> <style media=\"print\" />\n> Quoted **bold**.\n",
    );
    site.write("src/guide/loadwasm.js", "export {};\n");
    site.build().assert_code(0);
    let page = site.read("guide/install/index.html");
    assert!(page.contains("loadwasm.js\"></script>"), "{page}");
    assert!(
        page.contains("<h2 id=\"after-the-script\">After the script"),
        "{page}"
    );
    assert!(page.contains("<li><em>one</em></li>"), "{page}");
    assert!(!page.contains("## After"), "{page}");
    assert!(page.contains("<style media=\"print\" ></style>"), "{page}");
    assert!(page.contains("<strong>bold</strong>"), "{page}");
}

#[test]
fn mathjax_delimiters_are_math_when_the_book_turns_mathjax_on() {
    // A C book with `mathjax-support = true`: its `\\( … \\)` and `\\[ … \\]`
    // formulas were shown as their TeX, with no diagnostic.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[book]\nsrc = \"src\"\n\n[build]\ncontent_dir = \"src\"\n\n[output.html]\nmathjax-support = true\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Ints](ints.md)\n");
    site.write(
        "src/ints.md",
        "# Ints\n\n\\\\[-\\frac{2^N}{2} \\text{ até } \\frac{2^N}{2}-1\\\\]\n\n\
         - Maior inteiro : \\\\(2^{24}-1\\\\)\n\n`\\\\(kept\\\\)` in code.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let page = main_of(&site.read("ints/index.html")).to_string();
    assert_eq!(page.matches("<math").count(), 2, "{page}");
    assert!(page.contains("<math display=\"block\""), "{page}");
    assert!(
        !page.contains("\\frac") && !page.contains("\\(2^"),
        "{page}"
    );
    assert!(page.contains("<code>\\\\(kept\\\\)</code>"), "{page}");
    // Without the setting, mdBook shows them as text, and so does attune.
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[book]\nsrc = \"src\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.build().assert_code(0);
    let page = main_of(&site.read("ints/index.html")).to_string();
    assert!(!page.contains("<math"), "{page}");
    assert!(page.contains("\\(2^{24}-1\\)"), "{page}");
}

#[test]
fn the_book_s_language_is_the_site_s_when_book_toml_names_no_other() {
    // A C book in Portuguese (`[book] language = "pt-br"`, which mdBook writes as
    // `<html lang>`) was published as English.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[book]\nlanguage = \"pt-br\"\nsrc = \"src\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Intro](intro.md)\n");
    site.write("src/intro.md", "# Introdução\n\nOlá.\n");
    site.build().assert_code(0);
    assert!(site
        .read("intro/index.html")
        .contains("<html lang=\"pt-br\""));
    // `[site] language` wins.
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\nlanguage = \"pt-BR\"\n\n[book]\nlanguage = \"en\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("intro/index.html")
        .contains("<html lang=\"pt-BR\""));
}

#[test]
fn tabs_keep_each_tab_under_its_name() {
    // mdbook-tabs' book: each of its 42 tab tags was an `unsupported-syntax` warning
    // and the tabs' names were lost, their texts run together. GitBook's tabs alike.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n\n[preprocessor.tabs]\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Tabs](tabs.md)\n");
    site.write(
        "src/tabs.md",
        "# Tabs\n\n{{#tabs }}\n{{#tab name=\"Linux *x*\" }}\nRun `make`.\n{{#endtab }}\n{{#tab name=\"Windows\" }}\nRun the installer.\n{{#endtab }}\n{{#endtabs }}\n\n\
         {% tabs %}\n{% tab title=\"npm\" %}\nnpm i\n{% endtab %}\n{% endtabs %}\n\n```\n{{#tab name=\"Code\" }}\n```\n\n\
         1. Create a cluster:\n\n   {{#tabs name:\"install\" tabs:\"Default,Docker\"}}\n   {{#tab Default}}\n   Run `kind create`.\n   {{#/tab }}\n   {{#tab Docker}}\n   Mount the socket.\n   {{#/tab }}\n   {{#/tabs }}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = site.read("tabs/index.html");
    assert!(page.contains("<p><strong>Linux *x*</strong></p>"), "{page}");
    assert!(page.contains("<p>Run <code>make</code>.</p>"), "{page}");
    assert!(page.contains("<p><strong>Windows</strong></p>"), "{page}");
    assert!(page.contains("<p><strong>npm</strong></p>"), "{page}");
    assert!(!page.contains("endtab"), "{page}");
    // Cluster API's book (its `tabulate` preprocessor): 215 tags were reported.
    assert!(page.contains("<p><strong>Default</strong></p>"), "{page}");
    assert!(page.contains("<p><strong>Docker</strong></p>"), "{page}");
    assert!(page.contains("<p>Mount the socket.</p>"), "{page}");
    assert!(!page.contains("{{#/tab"), "{page}");
    assert!(
        page.contains("{{#tab name=&quot;Code&quot; }}")
            || page.contains("{{#tab name=\"Code\" }}"),
        "{page}"
    );
}

#[test]
fn an_mdbooks_own_book_toml_builds_as_it_is() {
    // bevy-cheatbook/bevy-cheatbook's book.toml, unchanged: `attune check` said only
    // "missing field `site`". Its `[book]` gives the title, language and folder.
    let site = Fixture::new("import-mdbook");
    site.write(
        "book.toml",
        "[book]\nauthors = [\"Ida Iyes\"]\nlanguage = \"en\"\nmultilingual = false\nsrc = \"src\"\ntitle = \"Unofficial Bevy Cheat Book\"\n\n[output.html]\nadditional-css = [\"sidebar.css\"]\n",
    );
    site.build().assert_code(0);
    let home = site.read("index.html");
    assert!(home.contains("<title>Unofficial Bevy Cheat Book"), "{home}");
    // With no `src`, mdBook's own default folder; with `[site]` written, the folder
    // still comes from `[book]` unless `[build] content_dir` says otherwise.
    site.write(
        "book.toml",
        "[book]\ntitle = \"Cheat Book\"\n\n[site]\ntitle = \"Our cheat book\"\n",
    );
    site.build().assert_code(0);
    assert!(site.read("index.html").contains("<title>Our cheat book"));
    // Neither `[site]` nor `[book]`: said so, with what to write.
    site.write("book.toml", "[build]\ncontent_dir = \"src\"\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: book.toml has no [site] table")
        .assert_stderr_contains("title = \"Our handbook\"");
}

#[test]
fn a_chapter_summary_md_lists_but_nobody_wrote_follows_broken_links() {
    // kdoore/CS2335-Gitbook lists 95 chapters whose files are not in the repository:
    // mdBook creates each empty (`create-missing`), GitBook shows a page not found;
    // the build stopped on the first.
    let site = Fixture::new("import-mdbook");
    let summary = std::fs::read_to_string(site.path("src/SUMMARY.md")).unwrap();
    site.write(
        "src/SUMMARY.md",
        summary.replace(
            "- [A draft, not yet written]()",
            "- [Game design](game-design.md)",
        ),
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: SUMMARY.md lists 'game-design.md', which does not exist");
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        toml.replace(
            "content_dir = \"src\"",
            "content_dir = \"src\"\nbroken_links = \"warn\"",
        ),
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: SUMMARY.md lists 'game-design.md', which does not exist")
        .assert_stderr_contains("published without that chapter");
    let page = site.read("guide/install/index.html");
    assert!(!page.contains("game-design"), "{page}");
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn a_file_a_chapter_includes_is_not_named_among_those_the_summary_leaves_out() {
    // A cookbook's sections each `{{#include}}` their recipes, files SUMMARY.md does
    // not list: mdBook shows their text in the section, but the warning for unlisted
    // files named all 216 of them as left out.
    let site = Fixture::empty();
    site.write("book.toml", "[book]\ntitle = \"Cookbook\"\nsrc = \"src\"\n");
    site.write("src/SUMMARY.md", "# Summary\n\n- [Runtime](rt.md)\n");
    site.write(
        "src/rt.md",
        "# Runtime\n\n{{#include rt/macro.md}}\n\n{{#include rt/builder.md}}\n",
    );
    site.write("src/rt/macro.md", "## Macro\n\nUse `tokio::main`.\n");
    site.write(
        "src/rt/builder.md",
        "## Builder\n\nOr the builder.\n\n{{#include ../links.md}}\n",
    );
    site.write("src/links.md", "[tokio]: https://docs.rs/tokio\n");
    site.write("src/stale.md", "# An old chapter\n");
    let run = site.run(&["check"]);
    assert!(
        run.stderr
            .contains("1 Markdown file SUMMARY.md does not list is left out"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("'stale.md'"), "{}", run.stderr);
    assert!(!run.stderr.contains("macro.md'"), "{}", run.stderr);
    assert!(!run.stderr.contains("links.md'"), "{}", run.stderr);
}

#[test]
fn an_image_without_alt_text_in_an_included_file_is_reported_where_it_is_written() {
    // A cookbook's chapter includes its recipes; an image without alt text in one was
    // reported at line 9223372036854775898 of the chapter, a place that stands for
    // the included file's line and was never put back.
    let site = Fixture::empty();
    site.write("book.toml", "[book]\ntitle = \"Cookbook\"\nsrc = \"src\"\n");
    site.write("src/SUMMARY.md",
        "# Summary\n\n- [Concurrency](concurrency/README.md)\n  - [Threads](concurrency/threads.md)\n",
    );
    site.write("src/concurrency/README.md", "# Concurrency\n");
    site.write(
        "src/concurrency/threads.md",
        "# Threads\n\n{{#include thread/fractal.md}}\n",
    );
    site.write(
        "src/concurrency/thread/fractal.md",
        "## Draw a fractal\n\nThe result:\n\n![](fractal.png)\n",
    );
    site.write("src/concurrency/thread/fractal.png", "png");
    let run = site.run(&["check"]);
    assert!(
        run.stderr.contains("image has no alt text"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("src/concurrency/thread/fractal.md:5:1"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("922337"), "{}", run.stderr);
}

#[test]
fn an_mdbook_trpl_listing_is_a_figure_with_its_file_name_and_caption() {
    // The Rust book and Brown's interactive edition wrap 419 code blocks in
    // `<Listing number= file-name= caption=>` for mdbook-trpl: passed through as an
    // unknown element, each listing's caption and file name were lost.
    let site = Fixture::empty();
    site.write("book.toml", "[book]\ntitle = \"Book\"\nsrc = \"src\"\n");
    site.write("src/SUMMARY.md", "# Summary\n\n- [Structs](structs.md)\n");
    site.write(
        "src/structs.md",
        "# Structs\n\nListing 5-1 shows a struct.\n\n\
         <Listing number=\"5-1\" file-name=\"src/main.rs\" caption=\"A `User` struct definition\">\n\n\
         ```rust\nstruct User {\n    active: bool,\n}\n```\n\n</Listing>\n\n\
         ```html\n<Listing number=\"9-9\">\n```\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("structs/index.html");
    assert!(!page.contains("<Listing number=\"5-1\""), "{page}");
    assert!(page.contains("<figure class=\"listing\">"), "{page}");
    assert!(page.contains("Filename: src/main.rs"), "{page}");
    assert!(
        page.contains("Listing 5-1: A <code>User</code> struct definition"),
        "{page}"
    );
    // The one in a code block stays code.
    assert_eq!(
        page.matches("<figure class=\"listing\">").count(),
        1,
        "{page}"
    );
    assert!(page.contains("9-9"), "{page}");
}

#[test]
fn a_link_to_the_books_not_found_page_leads_to_attunes() {
    // A book marking chapters not written yet with links to its 404 page, which
    // mdBook publishes as 404.html: attune's not-found page is there.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[book]\ntitle = \"Notes\"\n\n[build]\nmissing_links = \"error\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Overview](01/overview.md)\n",
    );
    site.write(
        "src/404.md",
        "# Not here\n\nThis page is not written yet.\n",
    );
    site.write(
        "src/01/overview.md",
        "# Overview\n\n| Topic | Page |\n|---|---|\n| Syntax | [Soon](../404.md) |\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not written yet"), "{}", run.stderr);
    let page = site.read("01/overview/index.html");
    assert!(page.contains("href=\"../../404.html\""), "{page}");
    assert!(site.path("public/404.html").is_file());
}

#[test]
fn links_to_a_section_that_moved_are_one_error_naming_where_it_went() {
    // helix's book: nine table rows link `[…][editor-section]`, defined as
    // `./configuration.md#editor-section`, a section that moved to `editor.md`.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/configuration.md",
        "# Configuration\n\nSee the editor.\n",
    );
    site.write(
        "src/editor.md",
        "# Editor\n\n## `[editor]` Section\n\nKeys.\n",
    );
    let rows: String = (1..=5)
        .map(|n| format!("| `k{n}` | Mode [if enabled][editor-section] |\n"))
        .collect();
    site.write(
        "src/themes.md",
        format!(
            "# Themes\n\n| Key | Notes |\n| --- | --- |\n{rows}\n\
             [elsewhere](configuration.md#other-section).\n\n\
             [editor-section]: ./configuration.md#editor-section\n"
        ),
    );
    let run = site.run(&["check"]);
    run.assert_code(1).assert_stderr_contains(
        "error: no heading with id 'editor-section' in 'configuration' \
         (5 links to `configuration#editor-section` in one file, reported here as one)\n \
         --> src/themes.md:5:15",
    );
    run.assert_stderr_contains(
        "help: 'editor' has a heading with that id: `editor.md#editor-section`",
    );
    // A missing id no page has: no page named.
    run.assert_stderr_contains("no heading with id 'other-section' in 'configuration'\n");
    assert_eq!(run.stderr.matches("error:").count(), 2, "{}", run.stderr);
    // The linking page's own id is written as a link within it (autonity's docs:
    // `[debt](/#get-debt-amount)` on the page with that heading).
    site.write(
        "src/keys.md",
        "# Keys

See [the list](configuration.md#key-list).

## Key list

Keys.
",
    );
    site.run(&["check"])
        .assert_stderr_contains("help: this page has a heading with that id: write `#key-list`");
}

#[test]
fn includes_from_a_folder_that_is_not_there_are_one_error() {
    // Dioxus's book: 134 includes of `../docs-router/src/doc_examples/*.rs`, a folder
    // its own tool finds from elsewhere, were 134 errors of one cause.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [A](guide/a.md)\n- [B](guide/b.md)\n",
    );
    site.write("src/examples/real.rs", "fn main() {}\n");
    let includes = |names: &[&str]| -> String {
        names
            .iter()
            .map(|n| format!("```rust\n{{{{#include ../router/examples/{n}.rs:main}}}}\n```\n\n"))
            .collect()
    };
    site.write(
        "src/guide/a.md",
        format!("# A\n\n{}", includes(&["one", "two", "three"])),
    );
    site.write(
        "src/guide/b.md",
        format!(
            "# B\n\n{}```rust\n{{{{#include ../examples/gone.rs}}}}\n```\n",
            includes(&["four", "five"])
        ),
    );
    let run = site.run(&["check"]);
    run.assert_code(1).assert_stderr_contains(
        "error: `{{#include ../router/examples/one.rs:main}}`: no file 'src/router/examples/one.rs' \
         (5 includes from the missing folder `src/router/` in 2 files, reported here as one)",
    );
    run.assert_stderr_contains("no file 'src/examples/gone.rs'\n");
    assert_eq!(run.stderr.matches("error:").count(), 2, "{}", run.stderr);
}

#[test]
fn a_preprocessors_percent_directive_is_reported_and_left_out() {
    // Comprehensive Rust's `{{%course outline Fundamentals}}` (mdbook-course), closed
    // by `}}`: shown as written, with no report; a Hugo shortcode's `{{% x %}}` on the
    // same page is still one.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\nunsupported_syntax = \"warn\"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Course](course.md)\n");
    site.write(
        "src/course.md",
        "# Course\n\n{{%course outline Fundamentals}}\n\nText {{%session outline}} here.\n\n`{{%kept}}` in code.\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: mdBook directive `{{%course outline Fundamentals}}` is not supported\n --> src/course.md:3:1")
        .assert_stderr_contains("warning: mdBook directive `{{%session outline}}` is not supported\n --> src/course.md:5:6");
    let page = main_of(&site.read("course/index.html")).to_string();
    assert!(!page.contains("outline"), "{page}");
    assert!(
        page.contains("<p>Text  here.</p>") || page.contains("<p>Text here.</p>"),
        "{page}"
    );
    assert!(page.contains("<code>{{%kept}}</code>"), "{page}");
}

#[test]
fn an_mdbook_whose_book_toml_has_no_book_table_is_read_as_an_mdbook() {
    // leptos-rs/book: mdBook's `[book]` keys all have defaults, and its book.toml
    // writes only `[output.html]` and `[preprocessor.*]`. It was "book.toml has no
    // [site] table", and nothing was written.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[output.html]\nadditional-css = [\"./custom.css\"]\n\n[preprocessor.admonish]\ncommand = \"mdbook-admonish\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Introduction](./intro.md)\n- [Getting started](./start.md)\n",
    );
    site.write("src/intro.md", "# Introduction\n\nWelcome.\n");
    site.write(
        "src/start.md",
        "# Getting started\n\nSee the [introduction](intro.md).\n",
    );
    site.build().assert_code(0);
    let start = site.read("start/index.html");
    assert!(main_of(&start).contains("href=\"../intro/\""), "{start}");
    // mdBook's default title, as a `[book]` without `title` gets.
    assert!(site
        .read("start/index.html")
        .contains("<title>Getting started · Book</title>"));
    // attune's own book.toml without [site] is still told to add one.
    site.write("book.toml", "[build]\ncontent_dir = \"src\"\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: book.toml has no [site] table");
}

#[test]
fn a_summary_line_naming_a_folder_lists_its_readme() {
    // A HackTricks book lists 182 chapters by folder (`[DynamoDB](aws/dynamodb/)`),
    // GitBook's way: each was reported as missing and left out of the reading order
    // though the folder's README.md is the page at that address.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Intro](intro.md)\n- [AWS](aws/)\n  - [DynamoDB](aws/dynamodb/)\n  - [Lambda](aws/lambda)\n- [Gone](gone/)\n",
    );
    site.write(
        "src/intro.md",
        "# Intro\n\nStart [here](aws/dynamodb/README.md).\n",
    );
    site.write("src/aws/README.md", "# AWS\n\nThe cloud.\n");
    site.write("src/aws/dynamodb/README.md", "# DynamoDB\n\nTables.\n");
    site.write("src/aws/lambda/index.md", "# Lambda\n\nFunctions.\n");
    let run = site.run(&["build"]);
    run.assert_code(1).assert_stderr_contains(
        "error: SUMMARY.md lists 'gone', which does not exist\n --> src/SUMMARY.md:7:3",
    );
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Intro](intro.md)\n- [AWS](aws/)\n  - [DynamoDB](aws/dynamodb/)\n  - [Lambda](aws/lambda)\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("SUMMARY.md"), "{}", run.stderr);
    // In the summary's order, with the folder's chapters under it.
    let aws = main_of(&site.read("aws/index.html")).to_string();
    assert!(aws.contains("The cloud."), "{aws}");
    assert_in_order(&aws, &["dynamodb/", "DynamoDB", "lambda/", "Lambda"]);
    assert!(site.read("aws/dynamodb/index.html").contains("Tables."));
    assert!(site.read("aws/lambda/index.html").contains("Functions."));
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn hacktricks_ref_and_file_cards_are_links_to_what_they_name() {
    // HackTricks' books write `{{#ref}} path {{#endref}}` 745 times (its own
    // preprocessor's card for a page): each was shown as its path with two warnings.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\nmissing_links = \"warn\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Intro](intro.md)\n- [AWS](aws/README.md)\n  - [DynamoDB enumeration](aws/dynamodb.md)\n",
    );
    site.write(
        "src/intro.md",
        "# Intro\n\nFor more information check:\n\n{{#ref}}\naws/dynamodb.md\n{{#endref}}\n\n\
         Or {{#ref}} aws/dynamodb.md#scan {{#endref}} within a line, the folder:\n\n\
         {{#ref}}\naws/\n{{#endref}}\n\n{{#ref}}\nhttps://example.org/talk\n{{#endref}}\n\n\
         {{#ref}}\naws/lambda.md\n{{#endref}}\n\n{{#file}}\nempty.zip\n{{#endfile}}\n",
    );
    site.write("src/aws/README.md", "# AWS\n\nThe cloud.\n");
    site.write(
        "src/aws/dynamodb.md",
        "# DynamoDB\n\n## Scan\n\nReads every item.\n",
    );
    site.write("src/files/empty.zip", "PK");
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: 'aws/lambda.md' is not written yet: shown as plain text\n  --> src/intro.md:19:1",
    );
    assert!(!run.stderr.contains("directive"), "{}", run.stderr);
    let intro = main_of(&site.read("intro/index.html")).to_string();
    assert_in_order(
        &intro,
        &[
            "<p><a href=\"../aws/dynamodb/\" id=\"ref-1\">DynamoDB enumeration</a></p>",
            "Or <a href=\"../aws/dynamodb/#scan\" id=\"ref-2\">Scan</a> within a line",
            "<p><a href=\"../aws/\" id=\"ref-3\">AWS</a></p>",
            "<p><a href=\"https://example.org/talk\">https://example.org/talk</a></p>",
            "<p><span class=\"missing-link\">aws/lambda.md</span></p>",
            "<p><a href=\"../files/empty.zip\" id=\"ref-",
            "\">empty.zip</a></p>",
        ],
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn without_a_base_url_many_links_to_one_folder_above_the_site_are_one_warning() {
    // The edition guide, built with no `base_url`: 147 warnings, one per link to
    // `../../std/…`, `../../cargo/…`.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\nbroken_links = \"warn\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [A](a.md)\n- [B](editions/b.md)\n",
    );
    site.write(
        "src/a.md",
        "# A\n\n[Vec](../std/vec/struct.Vec.html), [String](../std/string/struct.String.html) \
         and [the Nomicon](../nomicon/index.md).\n",
    );
    site.write(
        "src/editions/b.md",
        "# B\n\n[Option](../../std/option/enum.Option.html), [Result](../../std/result/) and [fix](../../cargo/commands/cargo-fix.md).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains("warning: '../std/vec/struct.Vec.html' leads outside the site (4 links to `../std/` in 2 files, reported here as one)\n --> src/a.md:3:1")
        .assert_stderr_contains("warning: '../nomicon/index.md' leads outside the site\n")
        .assert_stderr_contains("warning: '../../cargo/commands/cargo-fix.md' leads outside the site\n");
    assert_eq!(
        run.stderr.matches("leads outside").count(),
        3,
        "{}",
        run.stderr
    );
}

#[test]
fn a_book_that_turns_smart_punctuation_off_keeps_its_dashes_and_quotes() {
    // A validator client's book writes its flags in quotes outside code ("--graffiti");
    // a book whose book.toml says `smart-punctuation = false` (or mdBook 0.4's
    // `curly-quotes = false`) had them published as “–graffiti”.
    let site = Fixture::empty();
    let book = |html: &str, build: &str| {
        format!("[book]\ntitle = \"T\"\nsrc = \"src\"\n\n[build]\ncreate-missing = false\n{build}\n[output.html]\n{html}\n")
    };
    site.write("src/SUMMARY.md", "# Summary\n\n- [Flags](flags.md)\n");
    site.write(
        "src/flags.md",
        "# Flags\n\nUsing the \"--graffiti\" flag... it's set.\n",
    );
    let text = |site: &Fixture| main_of(&site.read("flags/index.html")).to_string();
    for off in ["smart-punctuation = false", "curly-quotes = false"] {
        site.write("book.toml", book(off, ""));
        site.build().assert_code(0);
        let page = text(&site);
        assert!(
            page.contains("Using the &quot;--graffiti&quot; flag... it's set.")
                || page.contains("Using the \"--graffiti\" flag... it's set."),
            "{off}: {page}"
        );
    }
    // mdBook's default, and attune's, is on; attune's own key wins over the book's.
    for (html, build) in [
        ("", ""),
        ("smart-punctuation = true", ""),
        ("smart-punctuation = false", "smart_punctuation = true\n"),
    ] {
        site.write("book.toml", book(html, build));
        site.build().assert_code(0);
        let page = text(&site);
        assert!(
            page.contains("Using the “–graffiti” flag… it’s set."),
            "{html} {build}: {page}"
        );
    }
}

#[test]
fn a_chapter_listed_outside_the_content_folder_follows_broken_links() {
    // 0xGlitchbyte/decomp-guide lists the repository's `../README.md` as its
    // introduction, which mdBook reads; attune stopped with "nothing was written" even
    // with `broken_links = "warn"`.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[book]\ntitle = \"Guide\"\nsrc = \"src\"\n\n[build]\nbroken_links = \"warn\"\n",
    );
    site.write("README.md", "# Guide\n\nThe repository's front page.\n");
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n[Introduction](../README.md)\n\n- [Getting started](./start.md)\n",
    );
    site.write("src/start.md", "# Getting started\n\nText.\n");
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: '../README.md' in SUMMARY.md leads outside the content folder\n --> src/SUMMARY.md:3:1",
    );
    run.assert_stderr_contains("move or copy the file into `src/`");
    assert!(site.path("public/start/index.html").exists());
    // Without the setting it stays an error, and nothing is written.
    site.write("book.toml", "[book]\ntitle = \"Guide\"\nsrc = \"src\"\n");
    site.remove("public");
    site.build().assert_code(1).assert_stderr_contains(
        "error: '../README.md' in SUMMARY.md leads outside the content folder",
    );
    assert!(!site.path("public").exists());
}

#[test]
fn an_image_of_the_books_own_repository_on_github_is_its_file() {
    // 3ng7n33r/KnowledgeBase: `![…](https://raw.githubusercontent.com/3ng7n33r/
    // KnowledgeBase/master/src/static/20201120_Hemingway_quote_bk.png)`, a file of the
    // book's own repository, was a remote image the site's Content-Security-Policy
    // blocks; book.toml names the repository (`git-repository-url`), and so does a
    // clone's `.git/config`.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[book]\ntitle = \"Notes\"\nsrc = \"src\"\n\n[output.html]\ngit-repository-url = \"https://github.com/Owner/Notes\"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Intro](intro.md)\n");
    site.write("src/static/quote.png", "png");
    site.write("assets/wide.png", "png");
    site.write(
        "src/intro.md",
        "# Intro\n\n![Quote](https://raw.githubusercontent.com/owner/notes/master/src/static/quote.png)\n\n![Other](https://raw.githubusercontent.com/someone/else/master/src/static/quote.png)\n\n![Outside](https://github.com/owner/notes/raw/main/assets/wide.png)\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("remote image 'https://raw.githubusercontent.com/someone/else/master/src/static/quote.png' will not load")
        // A file of the repository the book does not publish stays remote.
        .assert_stderr_contains("remote image 'https://github.com/owner/notes/raw/main/assets/wide.png' will not load");
    assert!(!run.stderr.contains("owner/notes/master"), "{}", run.stderr);
    let page = site.read("intro/index.html");
    assert!(
        page.contains("src=\"../static/quote.png\" alt=\"Quote\""),
        "{page}"
    );
    // The repository a clone's remote names, without the book's setting.
    site.write("book.toml", "[book]\ntitle = \"Notes\"\nsrc = \"src\"\n");
    site.write(
        ".git/config",
        "[remote \"origin\"]\n\turl = git@github.com:owner/notes.git\n",
    );
    site.build().assert_code(0);
    let page = site.read("intro/index.html");
    assert!(
        page.contains("src=\"../static/quote.png\" alt=\"Quote\""),
        "{page}"
    );
}

#[test]
fn a_chapter_named_otherwise_in_summary_shows_its_own_heading_once() {
    // 0verkil/cookbook: SUMMARY.md names a chapter "Is the bump …", its text opens
    // `# Is the bump in the road …`; mdBook shows the chapter's heading, once. The
    // page showed two `<h1>`s.
    let book = Fixture::empty();
    book.write("book.toml", "[book]\ntitle = \"Book\"\nsrc = \"src\"\n");
    book.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Welcome](intro.md)\n- [Next](next.md)\n",
    );
    book.write(
        "src/intro.md",
        "# An introduction to the book\n\nText.\n\n## Part one\n\nMore.\n",
    );
    book.write(
        "src/next.md",
        "# Next\n\nBack to [the start](intro.md#an-introduction-to-the-book).\n",
    );
    let run = book.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("no heading"), "{}", run.stderr);
    let page = book.read("intro/index.html");
    assert_eq!(page.matches("<h1").count(), 1, "{page}");
    assert!(
        page.contains("<h1 id=\"article-title\">An introduction to the book</h1>"),
        "{page}"
    );
    assert!(page.contains("<title>Welcome"), "{page}");
    assert!(page.contains("<h2 id=\"part-one\""), "{page}");
    let next = book.read("next/index.html");
    assert!(next.contains(">Welcome<"), "{next}");
    assert!(next.contains("href=\"../intro/\""), "{next}");
    // A Docusaurus doc whose `title:` differs from its heading shows its heading.
    let docs = Fixture::empty();
    docs.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    docs.write("docusaurus.config.js", "module.exports = {};\n");
    docs.write(
        "docs/faq.md",
        "---\ntitle: FAQ Index\n---\n# Frequently asked questions\n\nText.\n",
    );
    docs.build().assert_code(0);
    let faq = docs.read("faq/index.html");
    assert_eq!(faq.matches("<h1").count(), 1, "{faq}");
    assert!(faq.contains(">Frequently asked questions</h1>"), "{faq}");
}

#[test]
fn a_flat_books_chapters_page_through_the_book_in_its_contents_order() {
    // Most mdBooks keep every chapter at the top of `src/` (the Rust book's
    // `ch01-00-getting-started.md`), as VitePress and MkDocs books do: their chapters
    // were drawn as the site's own pages, with no previous and next links.
    let site = Fixture::empty();
    site.write("book.toml", "[book]\ntitle = \"Book\"\nsrc = \"src\"\n");
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n[Foreword](foreword.md)\n\n- [Getting started](ch01.md)\n- [Guessing game](ch02.md)\n- [Common ideas](ch03.md)\n",
    );
    site.write("src/foreword.md", "# Foreword\n\nHello.\n");
    site.write("src/ch03.md", "# Common ideas\n\nVariables.\n");
    site.write("src/ch01.md", "# Getting started\n\nInstall.\n");
    site.write("src/ch02.md", "# Guessing game\n\nPlay.\n");
    site.build().assert_code(0);
    let page = |url: &str| site.read(&format!("{url}/index.html"));
    let nav = |url: &str| {
        let page = page(url);
        let at = page.find("<nav class=\"prev-next\"").map(|at| {
            let end = page[at..].find("</nav>").unwrap();
            page[at..at + end].to_string()
        });
        at.unwrap_or_default()
    };
    assert!(nav("foreword").contains("rel=\"next\"><span>Next</span> Getting started</a>"));
    assert!(!nav("foreword").contains("rel=\"prev\""));
    let second = nav("ch02");
    assert!(
        second.contains("aria-label=\"More in Book\"")
            && second.contains("rel=\"prev\"><span>Previous</span> Getting started</a>")
            && second.contains("rel=\"next\"><span>Next</span> Common ideas</a>"),
        "{second}"
    );
    assert!(!nav("ch03").contains("rel=\"next\""));
    // A chapter's page is an article's.
    assert!(
        page("ch02").contains("<header class=\"article-header\">"),
        "{}",
        page("ch02")
    );
    // A site's own pages at the top, which no contents list, stay pages, with neither.
    let own = Fixture::empty();
    own.write("book.toml", "[site]\ntitle = \"T\"\n");
    own.write("content/about.md", "# About\n\nWho we are.\n");
    own.write("content/contact.md", "# Contact\n\nWrite to us.\n");
    own.write("content/care/first.md", "# First\n\nText.\n");
    own.build().assert_code(0);
    for url in ["about", "contact"] {
        let page = own.read(&format!("{url}/index.html"));
        assert!(
            !page.contains("prev-next") && !page.contains("article-header"),
            "{page}"
        );
    }
}

#[test]
fn chapters_outside_folders_stand_among_the_topics_on_the_home_page_and_in_the_navigation() {
    // The Embedded Rust Book: `portability/index.md` is a folder's lone chapter and
    // `appendix.md` a chapter at the content root with one nested under it; mdBook's
    // sidebar shows them among the folders' chapters, in SUMMARY.md's order.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n[Preface](preface.md)\n\n\
         - [Introduction](intro/index.md)\n    - [Hardware](intro/hardware.md)\n\
         - [Portability](portability/index.md)\n\
         - [Appendix](appendix.md)\n    - [Glossary](glossary-terms.md)\n\
         - [Concurrency](concurrency/index.md)\n",
    );
    for (file, title) in [
        ("preface.md", "Preface"),
        ("intro/index.md", "Introduction"),
        ("intro/hardware.md", "Hardware"),
        ("portability/index.md", "Portability"),
        ("appendix.md", "Appendix"),
        ("glossary-terms.md", "Glossary"),
        ("concurrency/index.md", "Concurrency"),
        ("about.md", "About this book"),
    ] {
        site.write(&format!("src/{file}"), format!("## {title}\n\nText.\n"));
    }
    site.build().assert_code(0);
    let html = site.read("index.html");
    let home = main_of(&html);
    assert_in_order(
        home,
        &[
            "<h2 id=\"topic-preface\"><a href=\"./preface/\">Preface</a></h2>",
            "<a href=\"./intro/\">Introduction</a></h2>",
            "<a href=\"./intro/hardware/\">Hardware</a>",
            "<h2 id=\"topic-portability\"><a href=\"./portability/\">Portability</a></h2>",
            "<a href=\"./appendix/\">Appendix</a></h2>",
            "<li><a href=\"./glossary-terms/\">Glossary</a>",
            "<a href=\"./concurrency/\">Concurrency</a></h2>",
        ],
    );
    // A chapter with none nested under it lists nothing: no empty list.
    assert!(
        !home.contains("<ul class=\"article-list\">\n</ul>"),
        "{home}"
    );
    let nav = &html[html.find("class=\"site-nav\"").expect("a top navigation")..];
    let nav = &nav[..nav.find("</nav>").expect("its end")];
    assert_in_order(
        nav,
        &[
            ">Preface</a>",
            ">Introduction</a>",
            ">Portability</a>",
            ">Appendix</a>",
            ">Concurrency</a>",
        ],
    );
    assert!(!nav.contains("Glossary"), "{nav}");
    assert!(site
        .read("portability/index.html")
        .contains("href=\"../portability/\" aria-current=\"page\">Portability</a>"));
    // The footer lists what no contents list: the page SUMMARY.md does not name is
    // left out of the book, so the footer names none of the chapters.
    let footer = &html[html.find("<footer").expect("a footer")..];
    for chapter in ["Preface", "Portability", "Appendix", "Glossary"] {
        assert!(
            !footer.contains(&format!(">{chapter}</a>")),
            "{chapter}: {footer}"
        );
    }
}

#[test]
fn display_math_pairs_as_mdbook_katex_pairs_it_and_no_page_is_swallowed() {
    // zcash/halo2's book: a formula whose first line holds TeX and which has a blank
    // line inside, and `$$ … $$$$ … $$`, each turned the rest of the chapter into one
    // paragraph with `%` lines, its headings lost and a link to one reported broken.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Protocol](protocol.md)\n- [Lookup](lookup.md)\n",
    );
    site.write(
        "src/protocol.md",
        "# Protocol\n\nPolynomial\n$$q(X) = \\sum_i\n\nx_i\n$$\nafter one.\n\n## Second\n\n\
         Text $y$ and [the adjustment](lookup.md#zero-knowledge-adjustment).\n\n## Third\n\nMore $$z$$ text.\n",
    );
    site.write(
        "src/lookup.md",
        "# Lookup\n\nText:\n\n$$\na\n$$$$\nb\n$$\n\ni.e. for all $i$:\n\n$$\nc\n$$\n\n\
         ## Zero-knowledge adjustment\n\nEnd.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let protocol = main_of(&site.read("protocol/index.html")).to_string();
    assert!(protocol.contains("<h2 id=\"second\">"), "{protocol}");
    assert!(protocol.contains("<h2 id=\"third\">"), "{protocol}");
    assert!(!protocol.contains('%'), "{protocol}");
    assert!(!protocol.contains("$$"), "{protocol}");
    let lookup = main_of(&site.read("lookup/index.html")).to_string();
    assert_eq!(
        lookup.matches("<math display=\"block\">").count(),
        3,
        "{lookup}"
    );
    assert!(
        lookup.contains("<h2 id=\"zero-knowledge-adjustment\">"),
        "{lookup}"
    );
    assert!(!lookup.contains('%'), "{lookup}");
}

#[test]
fn mdbook_variables_are_filled_in_from_the_book_s_own_book_toml() {
    // The Rhai book: `[features]: {{rootUrl}}/start/features.md` in links.md, which
    // every chapter includes, and `{{version}}` in addresses and prose.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[book]\ntitle = \"V\"\n\n[preprocessor.variables.variables]\nrootUrl = \"\"\nversion = \"1.24.0\"\nmajor = 1\n\n[preprocessor.variables.variables.repo]\nhome = \"https://github.com/rhaiscript/rhai\"\n\n[build]\nbroken_links = \"warn\"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [A](a.md)\n- [B](b.md)\n");
    site.write(
        "src/links.md",
        "[bee]: {{rootUrl}}/b.md\n[gone]: {{missing}}/b.md\n",
    );
    site.write(
        "src/a.md",
        "# A\n\nSee [B]({{rootUrl}}/b.md), [docs](https://docs.rs/rhai/{{ version }}/rhai/), \
         version {{version}} (major {{major}}), [repo]({{repo.home}}), [bee] [gone].\n\n\
         `{{version}}`\n\n{{#include links.md}}\n",
    );
    site.write(
        "src/b.md",
        "# B\n\n[bee] [gone] and `{{version}}`.\n\n{{#include links.md}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = std::fs::read_to_string(site.path("public/a/index.html")).unwrap();
    let main = main_of(&page);
    assert!(
        main.contains(r#"See <a href="../b/" id="ref-1">B</a>"#),
        "{main}"
    );
    assert!(
        main.contains(
            r#"<a href="https://docs.rs/rhai/1.24.0/rhai/">docs</a>, version 1.24.0 (major 1)"#
        ),
        "{main}"
    );
    assert!(
        main.contains(r#"<a href="https://github.com/rhaiscript/rhai">repo</a>"#),
        "{main}"
    );
    assert!(
        main.contains(r#"<a href="../b/" id="ref-2">bee</a> gone."#),
        "{main}"
    );
    assert!(main.contains("<code>1.24.0</code>"), "{main}");
    // A name the table does not give is reported at its place in links.md (from
    // each chapter including it); the names it gives are not reported.
    assert!(!run.stderr.contains("rootUrl"), "{}", run.stderr);
    assert!(!run.stderr.contains("version"), "{}", run.stderr);
    assert!(run.stderr.contains("(2 warnings)"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--> src/links.md:2:9"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_use_in_an_included_file_counts_once_however_many_chapters_include_it() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[book]\ntitle = \"V\"\n\n[build]\nunsupported_syntax = \"warn\"\n",
    );
    site.write(
        "src/links.md",
        "[a]: {{rootUrl}}/a.md\n[b]: {{rootUrl}}/b.md\n[c]: {{rootUrl}}/c.md\n[d]: {{rootUrl}}/d.md\n",
    );
    let mut summary = String::from("# Summary\n\n");
    for n in 0..3 {
        summary.push_str(&format!("- [C{n}](c{n}.md)\n"));
        site.write(
            &format!("src/c{n}.md"),
            format!("# C{n}\n\n[a] [b] [c] [d]\n\n{{{{#include links.md}}}}\n"),
        );
    }
    site.write("src/SUMMARY.md", summary);
    let run = site.run(&["check"]);
    run.assert_stderr_contains(
        "(4 uses of `rootUrl` in addresses in one file, reported here as one)",
    );
}
