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
}

#[test]
fn gitbooks_settings_give_the_folder_of_pages_and_the_redirects() {
    // As GitBook's Git Sync reads `.gitbook.yaml`: the pages in `docs/`, old paths
    // kept as redirects; a readme of another name is not read, with a warning there.
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
            "warning: GitBook's structure.readme 'intro.md' is not read: attune reads README.md",
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
