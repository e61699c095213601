//! The core build: every page type, relative and offline URLs, determinism, `init`.

use crate::support::{snapshot, Fixture};
use std::process::Command;

#[test]
fn writes_every_page_type() {
    let site = Fixture::new("basic");
    site.build().assert_code(0).assert_stderr_contains("built ");
    for page in [
        "index.html",
        "patterns/index.html",
        "effects/index.html",
        "patterns/dismissive-family/index.html",
        "about/index.html",
        "tags/index.html",
        "tags/family/index.html",
        "glossary/index.html",
        "references/index.html",
        "paths/index.html",
        "paths/start-here/index.html",
        "404.html",
        "sitemap.xml",
        "atom.xml",
        "robots.txt",
        "urls.json",
        "assets/style.css",
        "assets/highlight.css",
    ] {
        assert!(site.path("public").join(page).is_file(), "{page} missing");
    }
}

#[test]
fn home_lists_topics_in_book_order_with_articles() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let home = site.read("index.html");
    let patterns = home.find("id=\"topic-patterns\"").unwrap();
    let effects = home.find("id=\"topic-effects\"").unwrap();
    let healing = home.find("id=\"topic-healing\"").unwrap();
    assert!(patterns < effects && effects < healing);
    assert!(home.contains("<a href=\"./patterns/dismissive-family/\">The dismissive family</a>"));
    assert!(home.contains("<p class=\"lede\">A small site exercising every feature.</p>"));
}

/// The home page shows the site's title over its text, so its text's first heading is
/// the text's: 01MVP/sop's `index.md` opening `## Quick nav` lost that heading (taken
/// for the page's title, which the home page does not show) and its `###` climbed.
/// One saying the site's title is not shown twice.
#[test]
fn the_home_pages_first_heading_is_its_texts() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Team handbook\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "docs/index.md",
        "## Quick nav\n\nIntro.\n\n### Roles\n\nMore.\n",
    );
    site.write("docs/guide/start.md", "# Start\n\nText.\n");
    site.build().assert_code(0);
    let home = site.read("index.html");
    assert!(home.contains("<h2 id=\"quick-nav\">Quick nav"), "{home}");
    assert!(home.contains("<h3 id=\"roles\">Roles"), "{home}");
    site.write("docs/index.md", "# Team handbook\n\nIntro.\n");
    site.build().assert_code(0);
    let home = site.read("index.html");
    assert_eq!(home.matches("Team handbook</h1>").count(), 1, "{home}");
}

#[test]
fn article_page_has_breadcrumbs_meta_toc_and_neighbours() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let page = site.read("patterns/dismissive-family/index.html");
    assert!(page.contains(
        "<li><a href=\"../../\">Home</a></li><li><a href=\"../../patterns/\">Patterns</a></li>"
    ));
    assert!(page.contains("<h1 id=\"article-title\">The dismissive family</h1>"));
    assert!(page.contains("<p class=\"lede\">When feelings are waved away.</p>"));
    assert!(page.contains("1 min read"));
    assert!(
        page.contains("<nav class=\"toc\""),
        "three headings give a table of contents"
    );
    assert!(page.contains("<h2 id=\"what-it-looks-like\">What it looks like <a class=\"anchor\" href=\"#what-it-looks-like\""));
    assert!(page.contains("<meta name=\"description\" content=\"When feelings are waved away.\">"));
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://fixture.example.org/patterns/dismissive-family/\">"
    ));
    assert!(page.contains("<meta property=\"og:title\" content=\"The dismissive family\">"));
    let effects = site.read("effects/alexithymia/index.html");
    assert!(effects.contains("rel=\"next\"><span>Next</span> Counter-dependence</a>"));
    assert!(
        !effects.contains("<nav class=\"toc\""),
        "two headings give no table of contents"
    );
}

#[test]
fn markdown_extensions_render() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let page = site.read("patterns/dismissive-family/index.html");
    assert!(page.contains("<table>"), "tables");
    assert!(
        page.contains("“don’t be so sensitive”"),
        "smart punctuation"
    );
    let effects = site.read("effects/alexithymia/index.html");
    assert!(effects.contains("footnote-definition"), "footnotes");
    assert!(
        effects.contains(
            "<li class=\"task\"><label class=\"task\"><input type=\"checkbox\" disabled=\"\" checked=\"\"> "
        ),
        "task lists: a checkbox named by the item's text"
    );
    let healing = site.read("healing/emotion-focused-therapy/index.html");
    assert!(
        healing.contains(
            "<pre class=\"hl\"><code class=\"language-rust\"><span class=\"hl-source hl-rust\">"
        ),
        "highlighting"
    );
    assert!(!healing.contains("style="), "no inline styles");
}

#[test]
fn smart_punctuation_can_be_turned_off() {
    let site = Fixture::new("basic");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\nsmart_punctuation = false\n"),
    );
    site.build().assert_code(0);
    assert!(site
        .read("patterns/dismissive-family/index.html")
        .contains("\"don't be so sensitive\""));
}

#[test]
fn relative_md_links_become_relative_urls() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let page = site.read("patterns/dismissive-family/index.html");
    assert!(
        page.contains(
            "<a href=\"../../effects/alexithymia/#naming-feelings\" id=\"ref-2\">the effects</a>"
        ),
        "{page}"
    );
    assert!(page.contains("<a href=\"#why-it-matters\" id=\"ref-3\">"));
}

#[test]
fn offline_build_names_index_html() {
    let site = Fixture::new("basic");
    site.run(&["build", "--offline"]).assert_code(0);
    let page = site.read("patterns/dismissive-family/index.html");
    assert!(page.contains("<a href=\"../../index.html\">Home</a>"));
    assert!(page.contains("href=\"../../effects/alexithymia/index.html#naming-feelings\""));
    let home = site.read("index.html");
    assert!(home.contains("<a href=\"./patterns/dismissive-family/index.html\">"));
    assert!(
        !home.contains("href=\"./patterns/\""),
        "no folder links offline"
    );
}

#[test]
fn feeds_and_sitemap() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://fixture.example.org/patterns/dismissive-family/</loc><lastmod>2026-03-02</lastmod>"));
    assert!(
        !sitemap.contains("patterns/dismissive/"),
        "aliases are not in the sitemap"
    );
    let atom = site.read("atom.xml");
    assert!(atom.contains("<updated>2026-03-02T00:00:00Z</updated>"));
    assert!(atom.contains("<title>The dismissive family</title>"));
    assert_eq!(
        site.read("robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://fixture.example.org/sitemap.xml\n"
    );
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    let site = Fixture::new("basic");
    let run = |threads: &str, out: &str| {
        let status = Command::new(env!("CARGO_BIN_EXE_attune"))
            .args(["build", "--out", out])
            .current_dir(&site.root)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(status.status.success());
        snapshot(&site.path(out))
    };
    let one = run("1", "one");
    let four = run("4", "four");
    let again = run("4", "again");
    assert!(!one.is_empty());
    assert_eq!(one, four);
    assert_eq!(four, again);
}

#[test]
fn a_stale_staging_folder_is_brought_up_to_date_and_the_previous_site_kept_as_the_next_one() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    site.write(
        ".public.attune-staging/leftover.html",
        "from a killed build",
    );
    site.build().assert_code(0);
    assert!(!site.path("public/leftover.html").exists());
    // The site swapped out stays as the next build's staging folder, complete.
    let public = site.snapshot("public");
    assert_eq!(site.snapshot(".public.attune-staging"), public);
    site.write("content/about.md", "# About\n\nChanged.\n");
    site.build().assert_code(0);
    assert_eq!(site.snapshot(".public.attune-staging"), public);
    assert!(site.read("about/index.html").contains("Changed."));
}

#[test]
fn builds_without_a_themes_folder_and_a_site_theme_overrides_one_template() {
    let site = Fixture::new("basic");
    assert!(!site.path("themes").exists());
    site.build().assert_code(0);
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replace("[site]\n", "[build]\ntheme = \"mine\"\n\n[site]\n"),
    );
    site.write(
        "themes/mine/templates/tags.html",
        "{% extends \"base.html\" %}{% block main %}<h1>My tags</h1>{% endblock main %}",
    );
    site.write("themes/mine/static/extra.css", "body{}");
    site.build().assert_code(0);
    assert!(site.read("tags/index.html").contains("<h1>My tags</h1>"));
    assert!(
        site.read("index.html").contains("class=\"home\""),
        "other templates stay default"
    );
    assert_eq!(site.read("assets/extra.css"), "body{}");
}

#[test]
fn init_scaffolds_a_site_that_builds_and_checks_cleanly() {
    let site = Fixture::empty();
    site.run(&["init", "new-site"]).assert_code(0);
    let run = site.run(&["build", "--root", "new-site"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let check = site.run(&["check", "--root", "new-site", "--today", "2026-06-01"]);
    check
        .assert_code(0)
        .assert_stderr_contains("no problems found");
    assert!(site
        .path("new-site/public/tools/example-tool/index.html")
        .is_file());
    site.run(&["init", "new-site"])
        .assert_code(2)
        .assert_stderr_contains("already has a book.toml");
}

#[test]
fn init_ignores_the_built_site_and_the_build_working_files_in_git() {
    let site = Fixture::empty();
    let run = site.run(&["init", "fresh"]);
    run.assert_code(0);
    assert!(run.stdout.contains("wrote .gitignore"), "{}", run.stdout);
    let gitignore = std::fs::read_to_string(site.path("fresh/.gitignore")).unwrap();
    for line in [
        "/public/",
        "/.public.attune-staging/",
        "/.public.attune-old/",
        "/.public.attune-lock",
    ] {
        assert!(
            gitignore.lines().any(|l| l == line),
            "{line} in {gitignore}"
        );
    }

    // An existing .gitignore keeps its lines; only what it lacks is added.
    std::fs::create_dir_all(site.path("mine")).unwrap();
    std::fs::write(site.path("mine/.gitignore"), "node_modules/\npublic\n").unwrap();
    let run = site.run(&["init", "mine"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("added to the existing .gitignore: /.public.attune-staging/"),
        "{}",
        run.stdout
    );
    let text = std::fs::read_to_string(site.path("mine/.gitignore")).unwrap();
    assert!(
        text.starts_with("node_modules/\npublic\n# attune"),
        "{text}"
    );
    assert!(!text.contains("/public/"), "{text}");

    // End to end, where git is installed: after a build, and with the staging folder,
    // previous output and lock file a build keeps while it swaps, git sees only sources.
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(site.path("fresh"))
            .output()
    };
    if git(&["init", "-q"]).map_or(true, |o| !o.status.success()) {
        eprintln!("SKIPPED: git is not installed; the .gitignore lines were checked above");
        return;
    }
    site.run(&["build", "--root", "fresh"]).assert_code(0);
    for dir in [".public.attune-staging", ".public.attune-old"] {
        std::fs::create_dir_all(site.path(&format!("fresh/{dir}"))).unwrap();
        std::fs::write(site.path(&format!("fresh/{dir}/index.html")), "x").unwrap();
    }
    std::fs::write(site.path("fresh/.public.attune-lock"), "").unwrap();
    let status = git(&["status", "--porcelain", "--untracked-files=all"]).unwrap();
    let status = String::from_utf8_lossy(&status.stdout);
    for line in status.lines() {
        let path = &line[3..];
        assert!(
            path == ".gitignore" || path == "book.toml" || path.starts_with("content/"),
            "git sees {path}:\n{status}"
        );
    }
}

#[test]
fn help_and_version() {
    let site = Fixture::empty();
    let help = site.run(&["--help"]);
    help.assert_code(0);
    for command in ["build", "check", "init"] {
        assert!(help.stdout.contains(command), "{}", help.stdout);
    }
    let build_help = site.run(&["build", "--help"]);
    assert!(build_help.stdout.contains("--offline") && build_help.stdout.contains("file://"));
    let version = site.run(&["--version"]);
    assert_eq!(
        version.stdout.trim(),
        format!("attune {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn no_page_requests_another_origin() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    for (path, bytes) in site.snapshot("public") {
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8(bytes).unwrap();
            for attr in [
                "src=\"http",
                "href=\"//",
                "src=\"//",
                "@import",
                "<link rel=\"stylesheet\" href=\"http",
            ] {
                assert!(!html.contains(attr), "{} has {attr}", path.display());
            }
            assert!(
                html.contains("Content-Security-Policy"),
                "{} lacks a CSP",
                path.display()
            );
        }
    }
}

/// A rebuild keeps the `offline.zip` its staging folder already holds when the new
/// archive would be the same, and writes a new one as soon as any page changes.
#[test]
fn an_unchanged_offline_zip_is_kept_and_a_changed_one_written() {
    let site = Fixture::new("basic");
    let zip = || site.path("public/offline.zip");
    let modified = || std::fs::metadata(zip()).unwrap().modified().unwrap();
    let page = |name: &str| {
        let mut archive = zip::ZipArchive::new(std::fs::File::open(zip()).unwrap()).unwrap();
        let name = archive
            .file_names()
            .find(|n| n.ends_with(name))
            .unwrap()
            .to_string();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(&name).unwrap(), &mut text).unwrap();
        text
    };
    site.build().assert_code(0);
    let first = std::fs::read(zip()).unwrap();
    let first_written = modified();
    site.build().assert_code(0);
    // The third build stages into the first build's folder: the same archive, kept.
    site.build().assert_code(0);
    assert_eq!(
        modified(),
        first_written,
        "the first build's archive, not rewritten"
    );
    assert_eq!(std::fs::read(zip()).unwrap(), first);

    let path = site.path("content/patterns/dismissive-family.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Some families wave", "Some families brush"),
    )
    .unwrap();
    site.build().assert_code(0);
    assert!(page("patterns/dismissive-family/index.html").contains("Some families brush"));
    // And again, into the folder whose archive is now out of date.
    site.build().assert_code(0);
    assert!(page("patterns/dismissive-family/index.html").contains("Some families brush"));
    std::fs::write(&path, text).unwrap();
    site.build().assert_code(0);
    site.build().assert_code(0);
    assert_eq!(
        std::fs::read(zip()).unwrap(),
        first,
        "back to the first archive"
    );
}
