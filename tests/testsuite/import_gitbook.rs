//! A GitBook book as GitBook's Git Sync writes it: `SUMMARY.md`, a `README.md` in
//! each folder, and GitBook's blocks written as Liquid tags (`{% hint %}`,
//! `{% embed %}`).

use crate::support::Fixture;

fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    &html[start..end]
}

#[test]
fn gitbook_hints_are_callouts_and_embeds_are_links() {
    // A security cheat-sheet book: each of its 80 hints and 129 embeds was an
    // `unsupported-syntax` warning, the hint's text shown as a plain paragraph and
    // the embedded page left out.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write("book/SUMMARY.md", "# Summary\n\n- [Sheet](sheet.md)\n");
    site.write(
        "book/sheet.md",
        "# Sheet\n\n{% hint style=\"warning\" %}\nDo **not** run this on production.\n{% endhint %}\n\n\
         {% embed url=\"https://example.com/research/paper\" %}\n\n\
         {% embed url=\"https://example.com/talk\" caption=\"The talk\" %}\n\n\
         {% embed url=\"https://example.com/tool\" %}\nA tool that does it\n{% endembed %}\n\n\
         ```\n{% hint style=\"info\" %}\n```\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = main_of(&site.read("sheet/index.html")).to_string();
    assert!(
        page.contains("<div class=\"callout callout-warning\""),
        "{page}"
    );
    assert!(page.contains("Do <strong>not</strong> run this"), "{page}");
    assert!(
        page.contains("<a href=\"https://example.com/research/paper\""),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"https://example.com/talk\"") && page.contains(">The talk</a>"),
        "{page}"
    );
    assert!(page.contains("A tool that does it"), "{page}");
    assert!(
        !page.contains("endembed") && !page.contains("endhint"),
        "{page}"
    );
    // In code the tag stays as written.
    assert!(page.contains("<code>{% hint style=\"info\" %}"), "{page}");
}

#[test]
fn a_book_at_the_repository_root_publishes_its_pages_not_the_repository() {
    // A GitBook whose pages are the whole repository (`content_dir = "."`): book.toml,
    // the licence, the package manifest and installed packages were published as
    // files, and a README inside node_modules became a page.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    site.write(
        "SUMMARY.md",
        "# Summary\n\n- [Intro](README.md)\n- [Setup](guide/setup.md)\n",
    );
    site.write(
        "README.md",
        "# Intro\n\nShared under [the licence](LICENSE); see [setup](guide/setup.md).\n",
    );
    site.write(
        "guide/setup.md",
        "# Setup\n\n![A diagram](../.gitbook/assets/d.png) and [the example's manifest](package.json); [the notice](/NOTICE.txt).\n",
    );
    site.write("guide/package.json", "{}\n");
    site.write("LICENSE", "MIT\n");
    site.write("NOTICE.txt", "Notice\n");
    site.write("LICENSE-APACHE", "Apache\n");
    site.write("package.json", "{\"name\": \"book\"}\n");
    site.write("Makefile", "all:\n");
    site.write("images/plan.png", "png");
    site.write("node_modules/left-pad/README.md", "# left-pad\n");
    site.write("node_modules/left-pad/index.js", "module.exports = 1;\n");
    site.write(".gitbook/assets/d.png", "png");
    site.write(".github/workflows/ci.yml", "on: push\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("left-pad"), "{}", run.stderr);
    let out = site.path("../out");
    for gone in [
        "book.toml",
        "LICENSE-APACHE",
        "package.json",
        "Makefile",
        "node_modules",
        ".github",
    ] {
        assert!(!out.join(gone).exists(), "{gone} was published");
    }
    // What a page links to is published: the licence, a notice linked from the root,
    // a manifest in a folder of the book, and the files beside the pages.
    for kept in [
        "LICENSE",
        "NOTICE.txt",
        "guide/package.json",
        "images/plan.png",
        "guide/setup/index.html",
        ".gitbook/assets/d.png",
    ] {
        assert!(out.join(kept).exists(), "{kept} was left out");
    }
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("href=\"./LICENSE\""), "{home}");

    // An asset named at the wrong depth (Arweave's docs: `../.gitbook/assets/` two
    // folders down) is offered the asset no page links to yet.
    site.write(".gitbook/assets/certbot.png", "png");
    site.write(
        "guide/deep/tls.md",
        "# TLS\n\n<img src=\"../.gitbook/assets/certbot.png\" alt=\"Certbot\">\n",
    );
    site.write(
        "SUMMARY.md",
        "# Summary\n\n- [Intro](README.md)\n- [Setup](guide/setup.md)\n- [TLS](guide/deep/tls.md)\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("image '../.gitbook/assets/certbot.png' does not exist")
        .assert_stderr_contains("help: did you mean '../../.gitbook/assets/certbot.png'?");
}

#[test]
fn what_a_books_bookignore_names_is_not_published() {
    // nats-io/nats.docs keeps an old build's HTML pages in `docs/`, which its
    // `.bookignore` leaves out: their links to folders (`../../`) were 60 warnings.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    site.write("SUMMARY.md", "# Summary\n\n- [Intro](README.md)\n");
    site.write("README.md", "# Intro\n\nHello.\n");
    site.write(
        ".bookignore",
        "# built pages\n_book/\ndocs/\n\nbuilding_the_book.md\n",
    );
    site.write(
        "docs/concepts/intro.html",
        "<!DOCTYPE html><title>Old</title><a href=\"../../\">Home</a>\n",
    );
    site.write("docs/notes.md", "# Old notes\n\n[[Nowhere]]\n");
    site.write("building_the_book.md", "# Building\n");
    site.write("_book/index.html", "<p>old build</p>\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let out = site.path("../out");
    for gone in ["docs", "_book", "building_the_book.md", "building-the-book"] {
        assert!(!out.join(gone).exists(), "{gone} was published");
    }
    assert!(out.join("index.html").exists());
}

#[test]
fn gitbooks_settings_give_the_folder_of_pages_and_the_redirects() {
    // As GitBook's Git Sync reads `.gitbook.yaml`: the pages in `docs/`, old paths
    // kept as redirects; a readme named that is no file is not read, with a warning
    // there.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        ".gitbook.yaml",
        "# GitBook\nroot: ./docs/\n\nstructure:\n  readme: intro.md\n  summary: SUMMARY.md\n\nredirects:\n  old/setup: guide/setup.md\n  \"../away\": guide/setup.md\n",
    );
    site.write(
        "docs/SUMMARY.md",
        "# Summary\n\n- [Intro](README.md)\n- [Setup](guide/setup.md)\n",
    );
    site.write(
        "docs/README.md",
        "# Intro\n\nSee [the old setup](old/setup).\n",
    );
    site.write("docs/guide/setup.md", "# Setup\n\nSteps.\n");
    site.write("LICENSE", "MIT\n");
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: GitBook's structure.readme 'intro.md' is not read: no such file in the content folder; attune reads README.md",
        )
        .assert_stderr_contains("--> .gitbook.yaml:5:3")
        .assert_stderr_contains(
            "warning: GitBook redirect '/../away' is not an address inside the site",
        )
        .assert_stderr_contains("--> .gitbook.yaml:10:3");
    assert!(site.path("public/guide/setup/index.html").exists());
    assert!(!site.path("public/docs").exists());
    assert!(!site.path("public/LICENSE").exists());
    let old = site.read("old/setup/index.html");
    assert!(old.contains("url=../../guide/setup/"), "{old}");
    let home = site.read("index.html");
    assert!(home.contains("href=\"./guide/setup/\""), "{home}");
    // A content_dir written in book.toml is the folder of pages; GitBook's root is
    // then a warning at its line.
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs/guide\"\n",
    );
    site.write(".gitbook.yaml", "# GitBook\nroot: ./docs/\n");
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: GitBook's root 'docs' is not read: book.toml's content_dir 'docs/guide' is the folder of pages")
        .assert_stderr_contains("--> .gitbook.yaml:2:1");
}

/// A GitBook whose `.gitbook.yaml` names its home page and its table of contents:
/// `intro.md` and `toc.md`, beside a `README.md` for the repository and an old
/// `SUMMARY.md` in another order, neither of which GitBook reads.
fn book_with_named_structure() -> Fixture {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\nbroken_links = \"warn\"\n",
    );
    site.write(
        ".gitbook.yaml",
        "root: ./book/\n\nstructure:\n  readme: ./intro.md\n  summary: toc.md\n",
    );
    site.write(
        "book/toc.md",
        "# Table of contents\n\n* [Welcome](intro.md)\n* [Setup](guide/setup.md)\n* [Usage](guide/usage.md)\n",
    );
    site.write(
        "book/SUMMARY.md",
        "# Summary\n\n* [Usage](guide/usage.md)\n* [Setup](guide/setup.md)\n",
    );
    site.write(
        "book/README.md",
        "# Repository\n\nFor browsing on GitHub.\n",
    );
    site.write(
        "book/intro.md",
        "# Welcome\n\nStart with [the setup](guide/setup.md).\n",
    );
    site.write(
        "book/guide/setup.md",
        "# Setup\n\nBack to [the welcome](../intro.md).\n",
    );
    site.write("book/guide/usage.md", "# Usage\n\nUse it.\n");
    site
}

#[test]
fn gitbooks_structure_names_the_home_page_and_the_table_of_contents() {
    // GitBook's Git Sync reads `structure.readme` and `structure.summary`: the readme
    // it names is the home page, the summary it names gives the order; both were
    // warnings, the repository's README.md the home page and SUMMARY.md the order.
    let site = book_with_named_structure();
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("is not read"), "{}", run.stderr);
    // The other names are Markdown files the table of contents does not list.
    run.assert_stderr_contains("2 Markdown files SUMMARY.md does not list are left out");
    let home = main_of(&site.read("index.html")).to_string();
    assert!(home.contains("Start with"), "{home}");
    assert!(!home.contains("For browsing on GitHub"), "{home}");
    assert!(!site.path("public/toc").exists());
    assert!(!site.path("public/intro/index.html").exists());
    // A link to the readme by its own name leads to the home page.
    let setup = site.read("guide/setup/index.html");
    assert!(
        setup.contains("<a href=\"../../\" id=\"ref-1\">the welcome</a>"),
        "{setup}"
    );
    // toc.md's order: setup, then usage.
    let hub = main_of(&site.read("guide/index.html")).to_string();
    let (s, u) = (hub.find("Setup").unwrap(), hub.find("Usage").unwrap());
    assert!(s < u, "{hub}");
    // A name that is no Markdown file of the book is not read, a warning at its
    // place; README.md and SUMMARY.md are read.
    site.write(
        ".gitbook.yaml",
        "root: ./book/\n\nstructure:\n  readme: guide/welcome.md\n  summary: ../toc.md\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: GitBook's structure.readme 'guide/welcome.md' is not read: no such file in the content folder; attune reads README.md")
        .assert_stderr_contains("--> .gitbook.yaml:4:3")
        .assert_stderr_contains("warning: GitBook's structure.summary '../toc.md' is not read: it is not a Markdown file's path from GitBook's root; attune reads SUMMARY.md")
        .assert_stderr_contains("--> .gitbook.yaml:5:3");
    assert!(site.read("index.html").contains("For browsing on GitHub"));
}

#[test]
fn a_listed_readme_md_stays_the_home_page_over_gitbooks_named_one() {
    // The table of contents lists README.md: it is a page of the book, and the home
    // page's text, so the readme `.gitbook.yaml` names cannot be; a warning says so.
    let site = book_with_named_structure();
    site.write(
        "book/toc.md",
        "# Table of contents\n\n* [Repository](README.md)\n* [Welcome](intro.md)\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: GitBook's structure.readme 'intro.md' is not read: 'README.md' is a page of the book, the home page's text")
        .assert_stderr_contains("--> .gitbook.yaml:4:3");
    assert!(site.read("index.html").contains("For browsing on GitHub"));
    assert!(site.read("intro/index.html").contains("Start with"));
}

#[test]
fn raw_html_code_in_a_table_is_code_to_its_cell_s_end() {
    // A PostgreSQL manual exported by GitBook writes its operator tables as raw HTML
    // in one-column tables: `<code>?|</code>` splits a row, so the `</code>` falls in
    // a cell the table leaves out. The array literals in the code after it were read
    // as template expressions and wikilinks, warnings each.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write("book/SUMMARY.md", "# Summary\n\n- [hstore](hstore.md)\n");
    site.write(
        "book/hstore.md",
        "# hstore\n\n| <p>Operator</p> |\n| --- |\n\
         | <p><code>hstore</code> <code>?|</code> <code>text[]</code> → <code>boolean</code></p> |\n\
         | <p><code>%# 'a=>foo'::hstore</code> → <code>{{a,foo},{b,bar}}</code></p> |\n\n\
         <p><code>hstore(ARRAY[['c','3'],['d','4']])</code> → <code>\"c\"=>\"3\"</code></p>\n\n\
         Also <code>ARRAY[[1,2]]</code> inline.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let page = main_of(&site.read("hstore/index.html")).to_string();
    assert!(page.contains("<code>{{a,foo},{b,bar}}</code>"), "{page}");
    assert!(
        page.contains("<code>hstore(ARRAY[['c','3'],['d','4']])</code>"),
        "{page}"
    );
    assert!(page.contains("<code>ARRAY[[1,2]]</code>"), "{page}");
}

#[test]
fn an_old_gitbook_publishes_its_readme_and_glossary_listed_or_not() {
    // GitBook 2 and 3 (a `book.json` beside the pages) make README.md the book's
    // introduction and GLOSSARY.md its glossary page, whether SUMMARY.md lists them
    // or not; both were left out as chapters the summary does not list.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    site.write("book.json", "{ \"plugins\": [\"anchors\"] }\n");
    site.write("SUMMARY.md", "# Summary\n\n* [Enums](enums.md)\n");
    site.write("README.md", "# CS 2335\n\nStart with [enums](enums.md).\n");
    site.write(
        "GLOSSARY.md",
        "# Glossary\n\n## Enumeration\n\nA set of named constants.\n",
    );
    site.write(
        "enums.md",
        "# Enums\n\nSee [the glossary](GLOSSARY.md#enumeration).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("does not list"), "{}", run.stderr);
    let home =
        main_of(&std::fs::read_to_string(site.path("../out/index.html")).unwrap()).to_string();
    assert!(home.contains("Start with"), "{home}");
    let glossary = std::fs::read_to_string(site.path("../out/glossary/index.html")).unwrap();
    assert!(glossary.contains("A set of named constants."), "{glossary}");
    assert!(!site.path("../out/book.json").exists());
}

#[test]
fn a_folder_the_summary_leaves_out_takes_its_readme_and_gitbook_has_no_index_md() {
    // A translated manual: its appendix folders' README.md stayed as hub pages after
    // every chapter in them was left out (orphans, warnings each), and the `index.md`
    // of the Jekyll site beside the book became the home page's text.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"tw\"\n",
    );
    site.write("book.json", "{ \"root\": \"./tw\" }\n");
    site.write(
        "tw/SUMMARY.md",
        "# Summary\n\n* [Intro](README.md)\n* [Guide](guide/README.md)\n  * [Setup](guide/setup.md)\n* [Usage](usage/use.md)\n",
    );
    site.write("tw/README.md", "# Intro\n\nThe manual.\n");
    site.write("tw/index.md", "{% include_relative SUMMARY.md %}\n");
    site.write("tw/guide/README.md", "# Guide\n\nGuide text.\n");
    site.write("tw/guide/setup.md", "# Setup\n\nSteps.\n");
    site.write("tw/usage/README.md", "# Usage\n\nUsage hub text.\n");
    site.write("tw/usage/use.md", "# Use\n\nUse it.\n");
    site.write("tw/old/README.md", "# Old\n\nStale.\n");
    site.write("tw/old/gone.md", "# Gone\n\nStale too.\n");
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("3 Markdown files SUMMARY.md does not list are left out, as GitBook leaves them out: 'index.md', 'old/README.md', 'old/gone.md'");
    assert!(!run.stderr.contains("orphan"), "{}", run.stderr);
    assert!(!run.stderr.contains("Liquid"), "{}", run.stderr);
    assert!(site.read("index.html").contains("The manual."));
    assert!(!site.path("public/old").exists());
    // A folder with a chapter listed keeps its README.md as its text.
    assert!(site.read("usage/index.html").contains("Usage hub text."));
}

#[test]
fn an_old_gitbooks_glossary_md_is_the_sites_glossary() {
    // GitBook 2 and 3 read GLOSSARY.md's terms (`## Term`, then its definition) and
    // link each mention in the pages to the glossary page, the definition shown on
    // hover; attune published the file as a page, its terms linked from nowhere.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    site.write("book.json", "{}\n");
    site.write(
        "SUMMARY.md",
        "# Summary\n\n* [Enums](guide/enums.md)\n* [Glossary](GLOSSARY.md)\n",
    );
    site.write("README.md", "# Book\n\nWelcome.\n");
    site.write(
        "GLOSSARY.md",
        "# Glossary\n\n## Enumeration\n\nA set of *named* constants.\n\n##Sum type\nA type that is one of several.\n",
    );
    site.write(
        "guide/enums.md",
        "# Enums\n\nAn enumeration is a sum type. See [the glossary](../GLOSSARY.md#enumeration) and [all terms](/GLOSSARY.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("GLOSSARY"), "{}", run.stderr);
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    let read = |p: &str| std::fs::read_to_string(site.path("../out").join(p)).unwrap();
    let page = main_of(&read("guide/enums/index.html")).to_string();
    assert!(
        page.contains("href=\"../../glossary/#enumeration\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../glossary/#sum-type\""), "{page}");
    assert!(page.contains("A set of named constants."), "{page}");
    assert!(page.contains(">all terms</a>"), "{page}");
    assert!(page.contains("<a href=\"../../glossary/\""), "{page}");
    let glossary = read("glossary/index.html");
    assert!(glossary.contains("id=\"sum-type\""), "{glossary}");
    assert!(
        glossary.contains("A type that is one of several."),
        "{glossary}"
    );
    assert!(!site.path("../out/glossary-2").exists());
    // A term defined twice is an error at its line, as in glossary.yaml.
    site.write(
        "GLOSSARY.md",
        "## Enumeration\n\nOne.\n\n## enumeration\n\nTwo.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("glossary term 'enumeration' is defined twice")
        .assert_stderr_contains("--> GLOSSARY.md:5:1");
    // Beside a glossary.yaml of attune's own, GLOSSARY.md stays a page.
    site.write(
        "glossary.yaml",
        "- term: Variant\n  definition: One case of an enum.\n",
    );
    site.build().assert_code(0);
    assert!(read("glossary-2/index.html").contains("Two."));
}

#[test]
fn a_summary_path_from_the_book_root_is_read_from_the_content_folder() {
    // A GitBook demo lists `/qa/images.md`: GitBook reads it from the book's root;
    // attune reported it leading outside the content folder and left the page out.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write(
        "book/SUMMARY.md",
        "# Summary\n\n* [Intro](README.md)\n  * [Images](/qa/images.md)\n* [Elsewhere](//example.com/x.md)\n",
    );
    site.write("book/README.md", "# Intro\n\nHello.\n");
    site.write("book/qa/images.md", "# Images\n\nYes.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("outside the content folder"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("does not list"), "{}", run.stderr);
    assert!(site.read("qa/images/index.html").contains("Yes."));
}

#[test]
fn a_multilingual_gitbook_says_to_build_each_language_apart() {
    // LANGS.md lists each language's folder, a book with its own SUMMARY.md: read as
    // one site, the languages' pages were mixed, each SUMMARY.md an orphan page.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    site.write(
        "LANGS.md",
        "# Languages\n\n* [한국어](ko)\n* [English](en/)\n",
    );
    for lang in ["ko", "en"] {
        site.write(
            &format!("{lang}/SUMMARY.md"),
            "# Summary\n\n* [Intro](README.md)\n",
        );
        site.write(&format!("{lang}/README.md"), "# Intro\n\nHello.\n");
    }
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: LANGS.md makes this a multilingual GitBook: 'ko/', 'en/' are each a book of its own")
        .assert_stderr_contains("--> LANGS.md:3:1")
        .assert_stderr_contains("`[build] content_dir = \"ko\"`");
    // Built per language, as the warning says, each is a book of its own.
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\nlanguage = \"en\"\n\n[build]\ncontent_dir = \"en\"\noutput_dir = \"../out\"\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("LANGS.md"), "{}", run.stderr);
}

#[test]
fn gitbooks_summary_in_a_folder_below_its_root_is_read_from_there() {
    // `.gitbook.yaml` names `structure.summary: ./product/SUMMARY.md`, as GitBook's
    // own example does: it was a warning and the top SUMMARY.md (or none) was read.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\nbroken_links = \"warn\"\n",
    );
    site.write(
        ".gitbook.yaml",
        "root: ./book/\n\nstructure:\n  summary: ./product/SUMMARY.md\n",
    );
    site.write(
        "book/product/SUMMARY.md",
        "# Summary\n\n* [Usage](usage.md)\n* [Setup](./setup.md)\n  * [FAQ](../shared/faq.md)\n* [Top](/top.md)\n",
    );
    site.write("book/SUMMARY.md", "# Summary\n\n* [Old](old.md)\n");
    site.write("book/README.md", "# Welcome\n\nHello.\n");
    site.write("book/old.md", "# Old\n\nStale.\n");
    site.write("book/top.md", "# Top\n\nAt the top.\n");
    site.write("book/product/setup.md", "# Setup\n\nSteps.\n");
    site.write("book/product/usage.md", "# Usage\n\nUse it.\n");
    site.write("book/shared/faq.md", "# FAQ\n\nAnswers.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("is not read"), "{}", run.stderr);
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    run.assert_stderr_contains("2 Markdown files SUMMARY.md does not list are left out, as GitBook leaves them out: 'SUMMARY.md', 'old.md'");
    assert!(site.read("shared/faq/index.html").contains("Answers."));
    assert!(site.read("top/index.html").contains("At the top."));
    assert!(!site.path("public/old").exists());
    // product/SUMMARY.md's order: usage, then setup.
    let hub = main_of(&site.read("product/index.html")).to_string();
    let (u, s) = (hub.find("Usage").unwrap(), hub.find("Setup").unwrap());
    assert!(u < s, "{hub}");
}

#[test]
fn gitbook_assets_no_page_uses_are_not_published() {
    // A Kubernetes handbook keeps `CloudNativeLandscape.png` and an unused copy
    // `cloudnativelandscape.png` in `.gitbook/assets/`: GitBook serves only the assets
    // its pages use; attune published both and stopped on their clash.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    site.write(
        "SUMMARY.md",
        "# Summary\n\n* [Intro](README.md)\n* [Map](guide/map.md)\n",
    );
    site.write(
        "README.md",
        "# Intro\n\n<img src=\".gitbook/assets/logo.png\" alt=\"Logo\">\n",
    );
    site.write(
        "guide/map.md",
        "# Map\n\n![The landscape](../.gitbook/assets/CloudNativeLandscape.png) and [the PDF](/.gitbook/assets/map%20v2.pdf).\n",
    );
    site.write(".gitbook/assets/CloudNativeLandscape.png", "png");
    site.write(".gitbook/assets/cloudnativelandscape.png", "png copy");
    site.write(".gitbook/assets/logo.png", "png");
    site.write(".gitbook/assets/map v2.pdf", "pdf");
    site.write(".gitbook/assets/unused.png", "png");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    let out = site.path("../out/.gitbook/assets");
    for kept in ["CloudNativeLandscape.png", "logo.png", "map v2.pdf"] {
        assert!(out.join(kept).exists(), "{kept} was left out");
    }
    assert!(!out.join("unused.png").exists());
    assert!(!std::fs::read_dir(&out)
        .unwrap()
        .any(|e| e.unwrap().file_name() == "cloudnativelandscape.png"));
}

#[test]
fn gitbook_steppers_content_refs_code_titles_and_files_carry_over() {
    // A workflow engine's GitBook: its 92 `{% stepper %}`/`{% step %}` tags, 34
    // `{% code title="Program.cs" %}` and a course book's `{% file src=… %}` were
    // `unsupported-syntax` warnings, the titles and the files left out.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write(
        "book/SUMMARY.md",
        "# Summary\n\n- [Start](start.md)\n- [Next](next.md)\n",
    );
    site.write("book/next.md", "# Next\n\nMore.\n");
    site.write("book/.gitbook/assets/wheel-study.pdf", "%PDF-1.4\n");
    site.write(
        "book/start.md",
        "# Start\n\n{% stepper %}\n{% step %}\n#### Create the app\n\nRun `dotnet new`.\n{% endstep %}\n\n\
         {% step %}\nAdd packages\n{% endstep %}\n{% endstepper %}\n\n\
         {% code title=\"Program.cs\" overflow=\"wrap\" lineNumbers=\"true\" %}\n```csharp\nvar x = 1;\n```\n{% endcode %}\n\n\
         {% code lineNumbers=\"true\" %}\n```bash\nls\n```\n{% endcode %}\n\n\
         {% content-ref url=\"next.md\" %}\n[next.md](next.md)\n{% endcontent-ref %}\n\n\
         {% file src=\".gitbook/assets/wheel-study.pdf\" %}\nThe rating study\n{% endfile %}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = main_of(&site.read("start/index.html")).to_string();
    assert!(
        page.contains("Create the app") && page.contains("Add packages"),
        "{page}"
    );
    assert!(page.contains("<strong>Program.cs</strong>"), "{page}");
    assert!(
        page.contains("var x = 1;") && page.contains("language-bash"),
        "{page}"
    );
    assert!(page.contains("href=\"../next/\""), "{page}");
    assert!(
        page.contains("href=\"../.gitbook/assets/wheel-study.pdf\"")
            && page.contains(">wheel-study.pdf</a>"),
        "{page}"
    );
    assert!(page.contains("The rating study"), "{page}");
    for tag in ["stepper", "endstep", "endcode", "content-ref", "endfile"] {
        assert!(!page.contains(tag), "{tag} left in {page}");
    }
    assert!(site.path("public/.gitbook/assets/wheel-study.pdf").exists());
}

#[test]
fn a_gitbook_2_book_with_no_settings_file_is_read_as_a_gitbook() {
    // GitBook 2 needed no book.json: a course book of only SUMMARY.md, README.md and
    // GLOSSARY.md was read as an mdBook, its README.md left out of the home page and
    // its GLOSSARY.md a file the summary does not list.
    let book = |site: &Fixture| {
        site.write("SUMMARY.md", "# Summary\n\n* [Enums](enums.md)\n");
        site.write("README.md", "# CS 2335\n\nStart with [enums](enums.md).\n");
        site.write(
            "GLOSSARY.md",
            "# Glossary\n\n## Enumeration\n\nA set of named constants.\n",
        );
        site.write(
            "enums.md",
            "# Enums\n\nSee [the glossary](GLOSSARY.md#enumeration).\n",
        );
    };
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    book(&site);
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("does not list"), "{}", run.stderr);
    let home =
        main_of(&std::fs::read_to_string(site.path("../out/index.html")).unwrap()).to_string();
    assert!(home.contains("Start with"), "{home}");
    let glossary = std::fs::read_to_string(site.path("../out/glossary/index.html")).unwrap();
    assert!(glossary.contains("A set of named constants."), "{glossary}");

    // The same files in a book with mdBook's own book.toml are an mdBook's: GLOSSARY.md
    // is a file like any other, left out with the other files the summary does not list.
    let mdbook = Fixture::empty();
    mdbook.write(
        "book.toml",
        "[book]\ntitle = \"T\"\nsrc = \".\"\n\n[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    book(&mdbook);
    let run = mdbook.build();
    run.assert_code(0).assert_stderr_contains(
        "2 Markdown files SUMMARY.md does not list are left out, as mdBook leaves them out: 'GLOSSARY.md', 'README.md'",
    );
    assert!(!mdbook.path("../out/glossary").exists());

    // A GLOSSARY.md with no SUMMARY.md beside it (a vault's, a site of attune's own) is
    // a page of its own, its terms no glossary.
    let notes = Fixture::empty();
    notes.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"notes\"\n",
    );
    notes.write(
        "notes/GLOSSARY.md",
        "# Glossary\n\n## Enumeration\n\nA set of named constants.\n",
    );
    notes.write("notes/enums.md", "# Enums\n\nAn enumeration.\n");
    notes.build().assert_code(0);
    assert!(!notes.read("enums/index.html").contains("glossary/#"));
}

#[test]
fn a_readme_gitbook_names_in_a_folder_reads_its_links_from_there() {
    // GitBook's own example names `readme: ./product/README.md` beside
    // `summary: ./product/SUMMARY.md`: the readme was a warning ("only at the top") and
    // the repository's README.md the home page; read from the top, its relative links
    // and images would lead nowhere.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    site.write(
        ".gitbook.yaml",
        "root: ./\n\nstructure:\n  readme: ./product/README.md\n  summary: ./product/SUMMARY.md\n",
    );
    site.write("README.md", "# Repository\n\nFor browsing on GitHub.\n");
    site.write(
        "product/SUMMARY.md",
        "# Table of contents\n\n* [Setup](setup.md)\n* [FAQ](faq/README.md)\n",
    );
    site.write(
        "product/README.md",
        "# Welcome\n\nStart with [setup](setup.md#install) or [the FAQ](faq/), see [the root page](/product/setup.md).\n\n\
         ![Logo](images/logo.png)\n\n<img src=\"images/logo.png\" alt=\"Logo again\">\n\n[faq]: faq/README.md\n\nAsk [us][faq].\n",
    );
    site.write(
        "product/setup.md",
        "# Setup\n\n## Install\n\nRun it. Back [home](README.md).\n",
    );
    site.write("product/faq/README.md", "# FAQ\n\nAsk.\n");
    site.write("product/images/logo.png", "png");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("is not read"), "{}", run.stderr);
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    assert!(!run.stderr.contains("no page"), "{}", run.stderr);
    let out = |p: &str| std::fs::read_to_string(site.path("../out").join(p)).unwrap();
    let home = main_of(&out("index.html")).to_string();
    assert!(home.contains("Start with"), "{home}");
    assert!(!home.contains("For browsing on GitHub"), "{home}");
    assert!(home.contains("href=\"./product/setup/#install\""), "{home}");
    assert!(home.contains("href=\"./product/faq/\""), "{home}");
    assert!(home.contains("src=\"./product/images/logo.png\""), "{home}");
    assert!(home.contains("Logo again"), "{home}");
    assert!(site.path("../out/product/images/logo.png").exists());
    // A link to the readme by its own name leads to the home page.
    let setup = out("product/setup/index.html");
    assert!(setup.contains(">home</a>"), "{setup}");
    assert!(setup.contains("href=\"../../\""), "{setup}");
}

#[test]
fn gitbooks_anchors_spell_a_headings_symbols_in_words() {
    // A course book links `#fibonacci-recursion-cycles-of-energy-flow-greater-than-growth-decay`
    // to the heading "Fibonacci: Recursion: Cycles of Energy Flow =&gt; Growth, Decay",
    // as GitBook wrote its id: a broken-anchor warning, the link left to the page's top.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write(".gitbook/assets/.keep", "");
    site.write(
        "book/SUMMARY.md",
        "# Summary\n\n* [Recursion](recursion/README.md)\n* [Tasks](tasks.md)\n",
    );
    site.write(
        "book/recursion/README.md",
        "# Recursion\n\n### Fibonacci:  Recursion: Cycles of Energy Flow =&gt; Growth, Decay\n\nSpirals.\n\n## Salt & Pepper | Spice\n\nSeasoning.\n",
    );
    site.write(
        "book/tasks.md",
        "# Tasks\n\nDraw a [spiral](recursion/#fibonacci-recursion-cycles-of-energy-flow-greater-than-growth-decay) \
         and [season](recursion/README.md#salt-and-pepper-or-spice) it.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("no heading"), "{}", run.stderr);
    let page = site.read("tasks/index.html");
    assert!(
        page.contains("recursion/#fibonacci--recursion-cycles-of-energy-flow--growth-decay\""),
        "{page}"
    );
    assert!(page.contains("recursion/#salt--pepper--spice\""), "{page}");
}

#[test]
fn a_problem_on_a_line_of_a_readme_read_from_a_folder_is_at_its_column_as_written() {
    // The readme `.gitbook.yaml` names in `product/` has its links written from the
    // top before it is read: a broken link after one of them on the same line was
    // reported 8 columns (`product/`) to the right of where it is written.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    site.write(
        ".gitbook.yaml",
        "root: ./\n\nstructure:\n  readme: ./product/README.md\n  summary: ./product/SUMMARY.md\n",
    );
    site.write(
        "product/SUMMARY.md",
        "# Table of contents\n\n* [Setup](setup.md)\n",
    );
    site.write(
        "product/README.md",
        "# Welcome\n\nSee [setup](setup.md), [a](a.md) and [b](b.md).\n",
    );
    site.write("product/setup.md", "# Setup\n\nRun it.\n");
    let run = site.run(&["check"]);
    assert!(
        run.stderr.contains("product/README.md:3:24"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("product/README.md:3:38"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("README.md:3:32"), "{}", run.stderr);
}

#[test]
fn gitbooks_api_method_blocks_show_their_method_parameters_and_responses() {
    // Arweave's HTTP API page: 16 `{% swagger %}` blocks were four warnings and their
    // text without its labels (no method, address, parameter names or statuses).
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write("book/SUMMARY.md", "# Summary\n\n- [API](api.md)\n");
    site.write(
        "book/api.md",
        "# API\n\n\
         {% swagger method=\"get\" path=\"/tx/{id}\" baseUrl=\"https://arweave.net\" summary=\"Get Transaction by ID\" %}\n\
         {% swagger-description %}\nGet a transaction by its ID.\n{% endswagger-description %}\n\n\
         {% swagger-parameter in=\"path\" name=\"id\" type=\"String\" required=\"true\" %}\nTransaction ID\n{% endswagger-parameter %}\n\n\
         {% swagger-parameter in=\"body\" name=\"\" type=\"object\" %}\nThe whole body\n{% endswagger-parameter %}\n\n\
         {% swagger-response status=\"200: OK\" description=\"\" %}\n```json\n{\"format\": 2}\n```\n{% endswagger-response %}\n\n\
         {% swagger-response status=\"404\" description=\"Not found\" %}\n```\nNot Found.\n```\n{% endswagger-response %}\n\
         {% endswagger %}\n\n\
         {% openapi src=\"spec/brand.yaml\" path=\"/v1/template/brand\" method=\"post\" %}\n[brand.yaml](spec/brand.yaml)\n{% endopenapi %}\n\n\
         {% openapi-operation spec=\"convert\" path=\"/v1/convert\" method=\"get\" %}\n[OpenAPI convert](https://example.org/convert.yaml)\n{% endopenapi-operation %}\n",
    );
    // BeefreeSDK's docs: 29 OpenAPI blocks were two warnings and a bare link each.
    site.write("book/spec/brand.yaml", "openapi: 3.0.0\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("swagger"), "{}", run.stderr);
    assert!(!run.stderr.contains("openapi"), "{}", run.stderr);
    let page = std::fs::read_to_string(site.path("public/api/index.html")).unwrap();
    let main = main_of(&page);
    for expected in [
        "<p><strong>Get Transaction by ID</strong></p>\n<p><code>GET https://arweave.net/tx/{id}</code></p>\n<p>Get a transaction by its ID.</p>",
        "<code>id</code> (path, String, required):\nTransaction ID",
        "(body, object):\nThe whole body",
        "<p><strong>Response 200: OK</strong></p>",
        "<p><strong>Response 404</strong>: Not found</p>",
        "<p><code>POST /v1/template/brand</code></p>\n<p><a href=\"../spec/brand.yaml\"",
        "<p><code>GET /v1/convert</code></p>",
    ] {
        assert!(main.contains(expected), "{expected}\nin\n{main}");
    }
    assert!(!main.contains("{%"), "{main}");
}

#[test]
fn a_hint_with_its_text_on_the_tag_s_line_is_a_callout_and_ends_there() {
    // `{% hint style="info" %} One line. {% endhint %}`: the text was lost and the
    // callout held the rest of the page; `{% tab title= "Mac" %}` was not a tab.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write("book/SUMMARY.md", "# Summary\n\n- [A](a.md)\n");
    site.write(
        "book/a.md",
        "# A\n\n{% hint style=\"info\" %} One line hint. {% endhint %}\n\n\
         {% hint style=\"warning\" %}\nNormal.\n{% endhint %}\n\n\
         {% tabs %}\n{% tab title= \"Mac\" %}\nMac text.\n{% endtab %}\n{% endtabs %}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = std::fs::read_to_string(site.path("public/a/index.html")).unwrap();
    let main = main_of(&page);
    for expected in [
        "<p class=\"callout-title\">Info</p>\n<p>One line hint.</p>\n</div>\n<div class=\"callout callout-warning\"",
        "<p><strong>Mac</strong></p>\n<p>Mac text.</p>",
    ] {
        assert!(main.contains(expected), "{expected}\nin\n{main}");
    }
}

#[test]
fn links_gitbook_marked_broken_reference_are_one_warning_saying_what_it_means() {
    // BeefreeSDK's docs: `[Check API](broken-reference)` in 12 files, GitBook's mark
    // for a link whose page was deleted; each was a warning of its own with the help
    // to put a file in the content folder.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\nbroken_links = \"warn\"\n",
    );
    site.write(".gitbook.yaml", "root: ./\n");
    site.write(
        "SUMMARY.md",
        "# Table of contents\n\n* [Intro](README.md)\n* [Guide](guide/README.md)\n",
    );
    site.write(
        "README.md",
        "# Intro\n\nSee [the check API](broken-reference) and [more](broken-reference).\n",
    );
    site.write(
        "guide/README.md",
        "# Guide\n\nSee [export](broken-reference) and [import](broken-reference).\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: broken link to 'broken-reference': no page or file there (4 links GitBook marked `broken-reference` in 2 files, reported here as one)",
    );
    run.assert_stderr_contains("help: GitBook writes `broken-reference` for a link whose page was deleted: link to the page meant, or keep the text without a link");
}

#[test]
fn a_link_to_the_table_of_contents_or_a_hidden_file_says_why_it_leads_nowhere() {
    // A real GitBook's README: "the table of contents (SUMMARY.md), settings in
    // .gitbook.yaml". Both files are there, yet neither is published: the link to
    // SUMMARY.md was a note "not written yet", the link to .gitbook.yaml a file
    // "not there", whose help said to put the file in the content folder.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\nmissing_links = \"warn\"\nbroken_links = \"warn\"\n",
    );
    site.write(".gitbook.yaml", "root: ./\n");
    site.write(
        "SUMMARY.md",
        "# Summary\n\n- [Intro](README.md)\n- [Setup](guide/setup.md)\n",
    );
    site.write(
        "README.md",
        "# Intro\n\nThe [contents](SUMMARY.md), set in [`.gitbook.yaml`](.gitbook.yaml).\n",
    );
    site.write(
        "guide/setup.md",
        "# Setup\n\n[Back to the contents](../SUMMARY.md). ![Plan](../.drafts/plan.png)\n",
    );
    site.write(".drafts/plan.png", "png");
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: 'SUMMARY.md' is the table of contents, read for the chapters' order, not a page: shown as plain text\n --> README.md:3:5")
        .assert_stderr_contains("warning: '../SUMMARY.md' is the table of contents, read for the chapters' order, not a page: shown as plain text\n --> guide/setup.md:3:1")
        .assert_stderr_contains("warning: broken link to '.gitbook.yaml': a hidden file, so not published\n --> README.md:3:36")
        .assert_stderr_contains("warning: image '../.drafts/plan.png' is hidden, so not published\n --> guide/setup.md:3:40")
        .assert_stderr_contains("help: a name in its path starts with a dot: rename the file, or move it out of the hidden folder, to publish it");
    assert!(!run.stderr.contains("not written yet"), "{}", run.stderr);
    assert!(!run.stderr.contains("list the chapter"), "{}", run.stderr);
    assert!(!site.path("../out/.gitbook.yaml").exists());
}

#[test]
fn a_gitbook_page_ref_is_a_link_to_its_page() {
    // A crash reporter's GitBook: 19 `{% page-ref page="…" %}` (the page link GitBook's
    // Git sync wrote before `content-ref`), one page made of seven, were reported as
    // unsupported and left out, their links lost.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write(
        "book/SUMMARY.md",
        "# Summary\n\n- [Start](start/README.md)\n  - [Security](start/security.md)\n- [Setup](setup/install.md)\n",
    );
    site.write(
        "book/start/README.md",
        "# Start\n\nRead on:\n\n{% page-ref page=\"security.md\" %}\n\n{% page-ref page=\"../setup/install.md\" %}\n",
    );
    site.write(
        "book/start/security.md",
        "# Security and privacy\n\nSafe.\n",
    );
    site.write("book/setup/install.md", "# Installing\n\nSteps.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("page-ref"), "{}", run.stderr);
    let page = main_of(&site.read("start/index.html")).to_string();
    // Shown by its title, as the contents name it.
    for link in [
        "<a href=\"../start/security/\" id=\"ref-1\">Security</a>",
        "<a href=\"../setup/install/\" id=\"ref-2\">Setup</a>",
    ] {
        assert!(page.contains(link), "{link}\nin\n{page}");
    }
    assert!(!page.contains("{%"), "{page}");
}

/// Adobe-Marketing-Cloud/aep-sdks-documentation,
/// `using-mobile-extensions/adobe-analytics-mobile-services/README.md`: a hint whose
/// `{% endhint %}` ends its line of text never closed; its callout held the rest of
/// the page, the tabs after it drawn as quotes, and the tag was reported unsupported.
#[test]
fn a_hint_closed_at_the_end_of_a_line_of_text_ends_there() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write("book/SUMMARY.md", "# Summary\n\n- [A](a.md)\n");
    site.write(
        "book/a.md",
        "# A\n\n{% hint style=\"warning\" %} \niOS AEP (3.x) Mobile Services extension only supports Cocoapods. {% endhint %}\n\n\
         {% tabs %}\n{% tab title=\"Android\" %}\nAdd the extension.\n{% endtab %}\n\n\
         {% tab title=\"iOS (AEP 3.x)\" %}\nAdd the pod.\n{% endtab %}\n{% endtabs %}\n\n## After\n\nThe end.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = main_of(&site.read("a/index.html")).to_string();
    for expected in [
        "<p>iOS AEP (3.x) Mobile Services extension only supports Cocoapods.</p>\n</div>\n<p><strong>Android</strong></p>\n<p>Add the extension.</p>",
        "<p><strong>iOS (AEP 3.x)</strong></p>\n<p>Add the pod.</p>\n<h2 id=\"after\">",
    ] {
        assert!(page.contains(expected), "{expected}\nin\n{page}");
    }
    assert!(
        !page.contains("<blockquote") && !page.contains("{%"),
        "{page}"
    );
}

/// Anachoretic/Asus-TUF-Linux, `Linux-Installation/Arch.md` as GitBook exports it:
/// a step's last hint closes before the step's own closing tag, on one line
/// (`… starting point. {% endhint %} {% endstep %}`), and a tab's closing tag ends its
/// last line of text; the hint held the rest of the page.
#[test]
fn gitbook_block_tags_ending_a_line_of_text_end_their_blocks_there() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write("book/SUMMARY.md", "# Summary\n\n- [A](a.md)\n");
    site.write(
        "book/a.md",
        "# A\n\n{% stepper %}\n\n{% step %}\n\n## Distro\n\n\
         {% hint style=\"warning\" %} Arch may not be the best starting point. {% endhint %} {% endstep %}\n\n\
         {% step %}\n\n## Prerequisites\n\n{% hint style=\"info\" %} Make sure you have:\n\n\
         1. A USB drive.\n2. Fast Boot disabled. {% endhint %} {% endstep %}\n\n\
         {% step %}\n\n## USB\n\n{% tabs %} {% tab title=\"Rufus\" %}\n\n\
         1. Safely eject the USB drive. {% endtab %}\n{% tab title=\"Ventoy\" %}\n\
         Copy the ISO. {% endtab %} {% endtabs %}\nThe end. {% endstep %}\n\n{% endstepper %}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = main_of(&site.read("a/index.html")).to_string();
    for expected in [
        "<p>Arch may not be the best starting point.</p>\n</div>\n<h2 id=\"prerequisites\">",
        "<li>Fast Boot disabled.</li>\n</ol>\n</div>\n<h2 id=\"usb\">",
        "<li>Safely eject the USB drive.</li>\n</ol>\n<p><strong>Ventoy</strong></p>\n<p>Copy the ISO.</p>\n<p>The end.</p>",
    ] {
        assert!(page.contains(expected), "{expected}\nin\n{page}");
    }
    assert!(!page.contains("{%"), "{page}");
}

/// Adobe-Marketing-Cloud/aep-sdks-documentation,
/// `foundation-extensions/adobe-experience-platform-assurance/migration.md` (275 such
/// titles in 14 files): GitBook's export writes a backslash before a title's
/// punctuation (`{% tab title="AEP 3.x \(Swift\)" %}`), and GitBook shows "AEP 3.x
/// (Swift)"; the backslashes were shown. A title is still never markup.
#[test]
fn a_gitbook_title_shows_without_the_backslashes_its_export_writes() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write("book/SUMMARY.md", "# Summary\n\n- [A](a.md)\n");
    site.write(
        "book/a.md",
        "# A\n\n{% tabs %}\n{% tab title=\"AEP 3.x \\(Swift\\)\" %}\nSwift text.\n{% endtab %}\n\n\
         {% tab title=\"*Not* <b>bold</b> \\*\" %}\nOther text.\n{% endtab %}\n{% endtabs %}\n\n\
         {% code title=\"Program\\_main.cs\" %}\n```csharp\nvar x = 1;\n```\n{% endcode %}\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = main_of(&site.read("a/index.html")).to_string();
    for expected in [
        "<p><strong>AEP 3.x (Swift)</strong></p>",
        "<p><strong>*Not* &lt;b&gt;bold&lt;/b&gt; *</strong></p>",
        "<p><strong>Program_main.cs</strong></p>",
    ] {
        assert!(page.contains(expected), "{expected}\nin\n{page}");
    }
    assert!(!page.contains('\\'), "{page}");
}
