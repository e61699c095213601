//! Addresses another tool gave pages, pasted into book.toml from its configuration:
//! mdBook's `[output.html.redirect]` table as `[redirects]`, Hugo's `permalinks` as
//! `[permalinks]`. Each old address is a redirect page, online and offline, and links
//! written to it lead to the page.

use crate::links::independent_check;
use crate::support::Fixture;

fn with_book_toml(site: &Fixture, more: &str) {
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", format!("{toml}\n{more}"));
}

/// The line of book.toml that holds `needle`, 1-based.
fn line_of(site: &Fixture, needle: &str) -> usize {
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    toml.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn mdbooks_redirect_table_keeps_old_chapter_addresses() {
    // As rust-lang/edition-guide keeps a renamed chapter: the table pasted as it is.
    let site = Fixture::new("import-mdbook");
    with_book_toml(
        &site,
        r#"[redirects]
"/guide/setup.html" = "install.html"
"/old/index.html" = "../reference/config.html#top"
"/manual/reading.html" = "/guide/reading.md"
"/rust-2018/gone.html" = "https://blog.example.org/gone.html"
"/shelf.html" = "../../std/index.html"
"#,
    );
    site.write(
        "src/guide/reading.md",
        "# Reading the book\n\nTake your time. See [setup](setup.html), [the old page](../old/index.html) and [reading](/manual/reading.html); [the old file](setup.md), as mdBook reads it.\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: 2 redirects in book.toml lead outside the site (first '/rust-2018/gone.html'",
        )
        .assert_stderr_contains(&format!(
            "--> book.toml:{}:1",
            line_of(&site, "/rust-2018/gone.html")
        ));
    // Links to the old addresses lead to the pages.
    let reading = site.read("guide/reading/index.html");
    assert!(
        reading.contains("<a href=\"../../guide/install/\" id=\"ref-1\">setup</a>"),
        "{reading}"
    );
    assert!(
        reading.contains("<a href=\"../../reference/config/#top\" id=\"ref-2\">the old page</a>"),
        "{reading}"
    );
    assert!(
        reading.contains("<a href=\"../../guide/reading/\" id=\"ref-3\">reading</a>"),
        "{reading}"
    );
    // A `.md` link to the old chapter's file, whose `.html` the table keeps.
    assert!(
        reading.contains("<a href=\"../../guide/install/\" id=\"ref-4\">the old file</a>"),
        "{reading}"
    );
    // Each old address is a redirect page to its page.
    let setup = site.read("guide/setup/index.html");
    assert!(setup.contains("url=../../guide/install/"), "{setup}");
    assert!(site
        .read("old/index.html")
        .contains("url=../reference/config/"));
    assert!(site
        .read("manual/reading/index.html")
        .contains("url=../../guide/reading/"));
    assert!(!site.path("public/shelf/index.html").exists());
    assert!(!site.path("public/rust-2018").exists());
    // Offline, the redirect names its file.
    site.run(&["build", "--offline", "--out", "offline"])
        .assert_code(0);
    let offline = std::fs::read_to_string(site.path("offline/guide/setup/index.html")).unwrap();
    assert!(
        offline.contains("url=../../guide/install/index.html"),
        "{offline}"
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn an_mdbooks_own_redirect_table_is_read_as_it_is() {
    // As rust-lang/book's book.toml keeps its renumbered chapters: mdBook's own
    // table in the book's own book.toml, not pasted under [redirects].
    let site = Fixture::new("import-mdbook");
    with_book_toml(
        &site,
        r#"[output.html]
git-repository-url = "https://example.org/book"

[output.html.redirect]
"/guide/setup.html" = "install.html"
"/manual/reading.html" = "/guide/reading.md"
"/guide/both.html" = "install.html"
"/gone.html" = "https://example.org/gone.html"

[redirects]
"/guide/both.html" = "reading.html"
"#,
    );
    site.write(
        "src/guide/reading.md",
        "# Reading the book\n\nSee [setup](setup.html) and [reading](/manual/reading.html).\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: 1 redirect in book.toml leads outside the site (first '/gone.html'",
        )
        .assert_stderr_contains(&format!(
            "--> book.toml:{}:1",
            line_of(&site, "\"/gone.html\"")
        ));
    let reading = site.read("guide/reading/index.html");
    assert!(
        reading.contains("<a href=\"../../guide/install/\" id=\"ref-1\">setup</a>"),
        "{reading}"
    );
    assert!(
        reading.contains("<a href=\"../../guide/reading/\" id=\"ref-2\">reading</a>"),
        "{reading}"
    );
    assert!(site
        .read("guide/setup/index.html")
        .contains("url=../../guide/install/"));
    assert!(site.read("guide/setup.html").contains("guide/install/"));
    assert!(site
        .read("manual/reading/index.html")
        .contains("url=../../guide/reading/"));
    // An old address in both tables: attune's [redirects] is the one read.
    assert!(site
        .read("guide/both/index.html")
        .contains("url=../../guide/reading/"));
    assert!(!site.path("public/gone").exists());
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_redirect_to_no_page_or_onto_a_page_is_reported_in_book_toml() {
    let site = Fixture::new("import-mdbook");
    with_book_toml(
        &site,
        "[redirects]\n\"/guide/old.html\" = \"nowhere.html\"\n\"/guide/install.html\" = \"reading.html\"\n",
    );
    let nowhere = line_of(&site, "nowhere.html");
    let onto = line_of(&site, "\"/guide/install.html\"");
    site.build()
        .assert_code(1)
        .assert_stderr_contains(
            "error: redirect from '/guide/old.html' to 'nowhere.html': no page there",
        )
        .assert_stderr_contains(&format!("--> book.toml:{nowhere}:21"))
        .assert_stderr_contains(&format!("--> book.toml:{onto}:1"))
        .assert_stderr_contains("already publishes");
    assert!(!site.path("public/index.html").exists());
    // With broken links as warnings, the site is published without that redirect.
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    let toml = toml
        .replace("\"/guide/install.html\" = \"reading.html\"\n", "")
        .replace(
            "content_dir = \"src\"",
            "content_dir = \"src\"\nbroken_links = \"warn\"",
        );
    site.write("book.toml", toml);
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: redirect from '/guide/old.html'");
    assert!(!site.path("public/guide/old").exists());
    // Many redirects to no page are one warning: Beefree's `.gitbook.yaml` keeps 94
    // long after their pages moved, each a warning of its own.
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    let more: String = (1..=5)
        .map(|n| format!("\"/gone-{n}\" = \"gone-{n}.md\"\n"))
        .collect();
    site.write(
        "book.toml",
        toml.replace("[redirects]\n", &format!("[redirects]\n{more}")),
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: redirect from '/gone-1' to 'gone-1.md': no page there (6 redirects to no page in one file, reported here as one)",
    );
    assert_eq!(
        run.stderr.matches("no page there").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn a_redirect_from_an_address_outside_the_site_is_a_config_error() {
    let site = Fixture::new("import-mdbook");
    with_book_toml(
        &site,
        "[redirects]\n\"/../x.html\" = \"guide/install.html\"\n",
    );
    let first = line_of(&site, "\"/../x.html\"");
    site.build()
        .assert_code(1)
        .assert_stderr_contains(
            "error: redirect '/../x.html' is not an old address inside the site",
        )
        .assert_stderr_contains(&format!("--> book.toml:{first}:1"));
}

#[test]
fn an_old_address_without_its_leading_slash_is_read_from_the_root_as_mdbook_reads_it() {
    // rust-lang/rust-forge's own table: `"beta-backporting.html" = "/release/…"`,
    // 46 entries, each a config error that stopped the build.
    let site = Fixture::new("import-mdbook");
    with_book_toml(
        &site,
        "[output.html.redirect]\n\"old.html\" = \"guide/install.html\"\n\"guide/older.html\" = \"/guide/install.html\"\n",
    );
    site.build().assert_code(0);
    for old in ["old.html", "guide/older.html"] {
        let page = site.read(old);
        assert!(page.contains("guide/install/"), "{old}: {page}");
    }
}

#[test]
fn an_old_address_written_from_this_folder_is_read_as_mdbook_reads_it() {
    // rust-lang/nomicon's own table: `"./vec-alloc.html" = "./vec/vec-alloc.html"`,
    // 19 entries, each "not an old address inside the site", which stopped the build.
    let site = Fixture::new("import-mdbook");
    with_book_toml(
        &site,
        "[output.html.redirect]\n\"./old.html\" = \"./guide/install.html\"\n\"./guide/./older.html\" = \"./install.html\"\n",
    );
    site.build().assert_code(0);
    for old in ["old.html", "guide/older.html"] {
        let page = site.read(old);
        assert!(page.contains("guide/install/"), "{old}: {page}");
    }
    // The Rustonomicon's `"./vec.html" = "./vec/vec.html"`: the old file's folder form,
    // `/vec/`, is the folder's own page, and stays it.
    let site = Fixture::new("import-mdbook");
    with_book_toml(
        &site,
        "[output.html.redirect]\n\"./guide.html\" = \"./guide/install.html\"\n",
    );
    site.build().assert_code(0);
    let old = site.read("guide.html");
    assert!(old.contains("guide/install/"), "{old}");
    let folder = site.read("guide/index.html");
    assert!(!folder.contains("http-equiv=\"refresh\""), "{folder}");
}

#[test]
fn an_old_folder_index_where_attune_draws_the_folder_s_hub_leaves_the_hub() {
    // dtolnay/cxx's book: `"build/index.html" = "../building.html"`, where mdBook had
    // no page (its `build/` chapters have no README) and attune draws the folder's
    // hub. Both claimed `/build/`: an error that stopped the build.
    let site = Fixture::new("import-mdbook");
    with_book_toml(
        &site,
        "[output.html.redirect]\n\"guide/index.html\" = \"../reference/config.html\"\n\"old.html\" = \"guide/install.html\"\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: the redirect '/guide/index.html' to 'src/reference/config.md' is not written: '/guide/' is the topic hub 'guide'",
    );
    let hub = site.read("guide/index.html");
    assert!(!hub.contains("http-equiv=\"refresh\""), "{hub}");
    assert!(hub.contains("Installation"), "{hub}");
    assert!(site.read("old.html").contains("guide/install/"));
    // A page the author wrote there is a collision still.
    site.write("src/guide/README.md", "# The guide\n\nText.\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("would publish '/guide/'");
}

#[test]
fn a_redirect_to_another_old_address_leads_where_that_one_leads() {
    // rust-lang/rust-forge: `"profile-queries.html" = "/compiler/profile-queries.html"`,
    // itself redirected to another site; mdBook's pages lead on one after another.
    let site = Fixture::new("import-mdbook");
    let table = r#"[output.html.redirect]
"first.html" = "/second.html"
"second.html" = "guide/third.html"
"guide/third.html" = "/guide/install.html#top"
"away.html" = "/elsewhere.html"
"elsewhere.html" = "https://example.org/elsewhere.html"
"#;
    with_book_toml(&site, table);
    site.build().assert_code(0).assert_stderr_contains(
        "warning: 2 redirects in book.toml lead outside the site (first '/away.html'",
    );
    for old in ["first.html", "second.html", "guide/third.html"] {
        let page = site.read(old);
        assert!(page.contains("guide/install/"), "{old}: {page}");
    }
    assert!(!site.path("public/away").exists());

    // Two that lead to each other lead nowhere.
    with_book_toml(
        &site,
        "\"round.html\" = \"/about.html\"\n\"about.html\" = \"/round.html\"\n",
    );
    let run = site.build();
    run.assert_code(1)
        .assert_stderr_contains("redirect from '/round.html' to '/about.html': no page there");
    assert_eq!(run.stderr.matches("error:").count(), 2, "{}", run.stderr);
}

fn hugo_with_permalinks(table: &str) -> Fixture {
    let site = Fixture::new("hugo");
    with_book_toml(&site, table);
    site.write(
        "content/posts/first-post/index.md",
        "---\ntitle: Our first post\ndate: 2026-01-10\nslug: launch-day\n---\nA photo from the launch:\n\n![The launch](launch.png)\n\nRead the [second post](../second-post.md) too.\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\ndate: 2026-03-05T10:00:00Z\n---\nText.\n",
    );
    site.write(
        "content/posts/fourth.md",
        "---\ntitle: Fourth\ndate: 2026-03-06\n---\nText.\n",
    );
    site
}

#[test]
fn hugos_permalinks_give_each_page_its_old_address() {
    let site = hugo_with_permalinks("[permalinks]\nposts = \"/:year/:month/:day/:slug/\"\n");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\ndate: 2026-03-05T10:00:00Z\n---\nSee [the second](/2026/02/01/our-second-post/), [the launch](../../../../2026/01/10/launch-day/), its [photo](/2026/01/10/launch-day/launch.png) and [the next one](../../06/fourth/).\n",
    );
    site.build().assert_code(0);
    // The page keeps its own address; links to the permalink lead to it, as do
    // relative links read from the page's permalink, and files below a bundle's.
    let third = site.read("posts/third/index.html");
    assert!(
        third.contains("<a href=\"../../posts/second-post/\" id=\"ref-1\">the second</a>"),
        "{third}"
    );
    assert!(
        third.contains("<a href=\"../../posts/first-post/\" id=\"ref-2\">the launch</a>"),
        "{third}"
    );
    assert!(
        third.contains("<a href=\"../../posts/first-post/launch.png\" id=\"ref-3\">photo</a>"),
        "{third}"
    );
    assert!(
        third.contains("<a href=\"../../posts/fourth/\" id=\"ref-4\">the next one</a>"),
        "{third}"
    );
    // Each permalink is a redirect page: `:slug` is `slug:`, else the title.
    let second = site.read("2026/02/01/our-second-post/index.html");
    assert!(
        second.contains("url=../../../../posts/second-post/"),
        "{second}"
    );
    assert!(site
        .read("2026/01/10/launch-day/index.html")
        .contains("url=../../../../posts/first-post/"));
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_hugo_sites_own_permalinks_are_read_without_pasting_them() {
    // fluxcd/website: `permalinks: {blog: /:section/:year/:month/:slug/}` in hugo.yaml,
    // and posts linking to each other at those addresses; with the starter book.toml
    // every such link was broken.
    let site = hugo_with_permalinks("");
    site.write(
        "hugo.yaml",
        "baseURL: https://example.org/\npermalinks:\n  posts: /:year/:month/:day/:slug/\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\ndate: 2026-03-05T10:00:00Z\n---\nSee [the second](/2026/02/01/our-second-post/).\n",
    );
    site.run(&["check"]).assert_code(0);
    site.build().assert_code(0);
    assert!(site
        .read("posts/third/index.html")
        .contains("<a href=\"../../posts/second-post/\" id=\"ref-1\">the second</a>"));
    assert!(site
        .read("2026/01/10/launch-day/index.html")
        .contains("url=../../../../posts/first-post/"));

    // `config/_default/permalinks.toml` holds them at its top level, and comes first;
    // book.toml's own [permalinks] come before either.
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\ndate: 2026-03-05T10:00:00Z\n---\nSee [the second](second-post.md).\n",
    );
    site.write("config/_default/permalinks.toml", "posts = \"/p/:slug/\"\n");
    site.build().assert_code(0);
    assert!(site.path("public/p/launch-day/index.html").exists());
    with_book_toml(&site, "[permalinks]\nposts = \"/q/:slug/\"\n");
    site.build().assert_code(0);
    assert!(site.path("public/q/launch-day/index.html").exists());
    assert!(!site.path("public/p").exists());

    // Two pages given one address by them are a warning at the file that sets them,
    // not a stop: Hugo writes the later page over the first.
    let site = hugo_with_permalinks("");
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\n\n[permalinks]\nposts = \"/p/:section/\"\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: the Hugo permalink of")
        .assert_stderr_contains("hugo.toml:4:");

    // Ones attune cannot read are a warning at the file that sets them, not a stop.
    let site = hugo_with_permalinks("");
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\n\n[permalinks]\nposts = \"/:year/:nope/\"\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: the site's permalinks are not read: permalink '/:year/:nope/' has the token ':nope'")
        .assert_stderr_contains("--> hugo.toml:3:");
}

#[test]
fn hugos_page_table_and_other_tokens_are_read() {
    // Hugo's newer form, `[permalinks.page]`, with `:sections` sliced, `:contentbasename`,
    // `:monthname` and a Go date layout.
    let site = hugo_with_permalinks(
        "[permalinks.page]\nposts = \"/:monthname/:06/:contentbasename/\"\ndocs = \"/manual/:sections[1:]/:filename/\"\n",
    );
    site.build().assert_code(0);
    assert!(site.path("public/march/26/third/index.html").exists());
    assert!(site
        .path("public/january/26/first-post/index.html")
        .exists());
    assert!(site
        .path("public/manual/getting-started/install/index.html")
        .exists());
    assert!(site.path("public/manual/overview/index.html").exists());
    assert!(!site
        .path("public/manual/reference/options/index.html")
        .exists());
    assert!(site.path("public/manual/options/index.html").exists());
}

#[test]
fn a_permalink_without_its_date_or_with_an_unknown_token_is_reported() {
    let site = hugo_with_permalinks("[permalinks]\nposts = \"/:year/:slug/\"\n");
    site.write(
        "content/posts/undated.md",
        "---\ntitle: Undated\n---\nText.\n",
    );
    let line = line_of(&site, "/:year/:slug/");
    site.build()
        .assert_code(0)
        .assert_stderr_contains(&format!(
            "warning: the permalink '/:year/:slug/' (book.toml:{line}:9) needs a date"
        ))
        .assert_stderr_contains("--> content/posts/undated.md:1:1");
    let site = hugo_with_permalinks("[permalinks]\nposts = \"/:year/:nope/\"\n");
    let line = line_of(&site, ":nope");
    site.build()
        .assert_code(1)
        .assert_stderr_contains(
            "error: permalink '/:year/:nope/' has the token ':nope', which Hugo does not define",
        )
        .assert_stderr_contains(&format!("--> book.toml:{line}:9"));
}

#[test]
fn two_pages_with_one_permalink_are_a_collision_in_book_toml() {
    let site = hugo_with_permalinks("[permalinks]\nposts = \"/:year/:month/\"\n");
    site.write(
        "content/posts/fourth.md",
        "---\ntitle: Fourth\ndate: 2026-03-06\n---\nText.\n",
    );
    let line = line_of(&site, "/:year/:month/");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("already publishes")
        .assert_stderr_contains(&format!("book.toml:{line}:1"));
}

#[test]
fn a_slug_is_the_address_hugo_and_zola_gave_the_page() {
    // `slug:` replaces the file's (or bundle's) name in Hugo's and Zola's address.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/first-post/index.md",
        "---\ntitle: Our first post\ndate: 2026-01-10\nslug: launch-day\n---\nText.\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\nslug: a third post\n---\nSee [the launch](/posts/launch-day/) and [this](../a-third-post/).\n",
    );
    site.build().assert_code(0);
    let third = site.read("posts/third/index.html");
    assert!(
        third.contains("<a href=\"../../posts/first-post/\" id=\"ref-1\">the launch</a>"),
        "{third}"
    );
    assert!(
        third.contains("<a href=\"../../posts/third/\" id=\"ref-2\">this</a>"),
        "{third}"
    );
    assert!(site
        .read("posts/launch-day/index.html")
        .contains("url=../../posts/first-post/"));
    assert!(site
        .read("posts/a-third-post/index.html")
        .contains("url=../../posts/third/"));
}

/// The mdBook fixture without a root README: its home page is attune's own.
fn mdbook_without_readme(redirects: &str) -> Fixture {
    let site = Fixture::new("import-mdbook");
    site.remove("src/README.md");
    let summary = std::fs::read_to_string(site.path("src/SUMMARY.md")).unwrap();
    site.write(
        "src/SUMMARY.md",
        summary.replace("[Introduction](README.md)\n", ""),
    );
    with_book_toml(&site, redirects);
    site
}

#[test]
fn a_redirect_to_the_home_page_works_without_a_readme() {
    let site = mdbook_without_readme(
        "[redirects]\n\"/start.html\" = \"/\"\n\"/guide/welcome.html\" = \"../index.html\"\n\"/intro/index.html\" = \"/index.html\"\n",
    );
    site.write(
        "src/guide/reading.md",
        "# Reading the book\n\nBack to [the start](../start.html) or [the welcome](welcome.html).\n",
    );
    site.build().assert_code(0);
    // Each old address, in attune's folder form and as the file it named, leads home.
    assert!(site.read("start/index.html").contains("url=../\""));
    assert!(site.read("start.html").contains("url=./\""));
    assert!(site
        .read("guide/welcome/index.html")
        .contains("url=../../\""));
    assert!(site.read("guide/welcome.html").contains("url=../\""));
    assert!(site.read("intro/index.html").contains("url=../\""));
    let reading = site.read("guide/reading/index.html");
    assert!(
        reading.contains("<a href=\"../../\" id=\"ref-1\">the start</a>"),
        "{reading}"
    );
    assert!(
        reading.contains("<a href=\"../../\" id=\"ref-2\">the welcome</a>"),
        "{reading}"
    );
    // Offline, the redirect names the home page's file.
    site.run(&["build", "--offline", "--out", "offline"])
        .assert_code(0);
    let offline = std::fs::read_to_string(site.path("offline/start.html")).unwrap();
    assert!(offline.contains("url=./index.html\""), "{offline}");
    // Redirects are not pages of the sitemap.
    let sitemap = site.read("sitemap.xml");
    assert!(!sitemap.contains("start"), "{sitemap}");
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_redirect_keeps_the_part_of_the_page_its_target_names() {
    let site = mdbook_without_readme(
        "[redirects]\n\"/guide/steps.html\" = \"install.html#steps\"\n\"/guide/lost.html\" = \"install.html#no-such-part\"\n",
    );
    site.write(
        "src/guide/reading.md",
        "# Reading the book\n\nSee [the steps](steps.html), [the old file](steps.md) and [before](steps.html#before-you-start).\n",
    );
    let lost = line_of(&site, "no-such-part");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: redirect from '/guide/lost.html' to 'install.html#no-such-part': no heading or id 'no-such-part' in 'src/guide/install.md'")
        .assert_stderr_contains(&format!("--> book.toml:{lost}:22"));
    assert!(!site.path("public/index.html").exists());
    // With broken links as warnings, that redirect leads to the top of the page.
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        toml.replace(
            "content_dir = \"src\"",
            "content_dir = \"src\"\nbroken_links = \"warn\"",
        ),
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: redirect from '/guide/lost.html'");
    assert!(site
        .read("guide/lost/index.html")
        .contains("url=../../guide/install/\""));
    // Both editions, both forms of the old address, land on the part.
    assert!(site
        .read("guide/steps/index.html")
        .contains("url=../../guide/install/#steps\""));
    assert!(site
        .read("guide/steps.html")
        .contains("url=../guide/install/#steps\""));
    let reading = site.read("guide/reading/index.html");
    assert!(
        reading.contains("<a href=\"../../guide/install/#steps\" id=\"ref-1\">the steps</a>"),
        "{reading}"
    );
    assert!(
        reading.contains("<a href=\"../../guide/install/#steps\" id=\"ref-2\">the old file</a>"),
        "{reading}"
    );
    // A part the link names itself wins.
    assert!(
        reading
            .contains("<a href=\"../../guide/install/#before-you-start\" id=\"ref-3\">before</a>"),
        "{reading}"
    );
    site.run(&["build", "--offline", "--out", "offline"])
        .assert_code(0);
    let offline = std::fs::read_to_string(site.path("offline/guide/steps.html")).unwrap();
    assert!(
        offline.contains("url=../guide/install/index.html#steps\""),
        "{offline}"
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_redirect_to_a_part_alone_is_to_a_part_of_the_old_addresss_page() {
    // The Cargo book: `"/reference/resolver.html#other-constraints" =
    // "#constraints-and-heuristics"` was an error naming the folder's index page.
    let site = mdbook_without_readme(
        "[redirects]\n\"/guide/install.html#old-steps\" = \"#steps\"\n\"/guide/install.html#gone\" = \"#nowhere\"\n",
    );
    let nowhere = line_of(&site, "#nowhere");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: redirect from '/guide/install.html#gone' to '#nowhere': no heading or id 'nowhere' in 'src/guide/install.md'")
        .assert_stderr_contains(&format!("--> book.toml:{nowhere}:"));
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        toml.replace("\"/guide/install.html#gone\" = \"#nowhere\"\n", ""),
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("redirect"), "{}", run.stderr);
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn an_old_html_address_is_written_at_that_file_too() {
    let site = Fixture::new("hugo");
    with_book_toml(&site, "[redirects]\n\"/docs/setup.html\" = \"/docs/getting-started/install.md\"\n\"/docs/clash.html\" = \"/about.md\"\n");
    // Hugo's aliases with `.html`, as an old site published them; one onto a file the
    // content folder already publishes.
    site.write(
        "content/docs/overview.md",
        "---\ntitle: Overview\naliases: [/old/overview.html, /docs/overview.html]\n---\nText, and [setup](/docs/setup.html).\n",
    );
    site.write("content/docs/clash.html", "<p>kept as it is</p>\n");
    let clash = line_of(&site, "/docs/clash.html");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("docs/clash.html")
        .assert_stderr_contains(&format!("--> book.toml:{clash}:1"));
    site.remove("content/docs/clash.html");
    site.build().assert_code(0);
    assert!(site
        .read("old/overview.html")
        .contains("url=../docs/overview/\""));
    assert!(site
        .read("old/overview/index.html")
        .contains("url=../../docs/overview/\""));
    // The page's own address as a file, where Hugo's `uglyURLs` published it.
    assert!(site
        .read("docs/overview.html")
        .contains("url=../docs/overview/\""));
    assert!(site
        .read("docs/setup.html")
        .contains("url=../docs/getting-started/install/\""));
    // The manifest lists the file; `check --against` finds it still published.
    let manifest = site.read("urls.json");
    assert!(manifest.contains("\"old/overview.html\""), "{manifest}");
    std::fs::copy(site.path("public/urls.json"), site.path("old-urls.json")).unwrap();
    site.run(&["check", "--against", "old-urls.json"])
        .assert_code(0);
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn hugos_term_and_taxonomy_permalinks_are_old_addresses_of_the_tag_pages() {
    let site = Fixture::new("hugo");
    with_book_toml(
        &site,
        "[permalinks.term]\ntags = \"/topics/:slug/\"\ncategories = \"/cat/:slug/\"\n[permalinks.taxonomy]\ntags = \"/topics/\"\n",
    );
    site.write(
        "content/docs/overview.md",
        "---\ntitle: Overview\ntags: [Self Care, sleep]\n---\nMore on [self care](/topics/self-care/) and [every topic](/topics/).\n",
    );
    let categories = line_of(&site, "categories =");
    site.build()
        .assert_code(0)
        .assert_stderr_contains(
            "warning: `permalinks.term.categories`: attune publishes one taxonomy, `tags`",
        )
        .assert_stderr_contains(&format!("--> book.toml:{categories}:1"));
    assert!(site
        .read("topics/self-care/index.html")
        .contains("url=../../tags/self-care/\""));
    assert!(site
        .read("topics/sleep/index.html")
        .contains("url=../../tags/sleep/\""));
    assert!(site.read("topics/index.html").contains("url=../tags/\""));
    let page = site.read("docs/overview/index.html");
    assert!(
        page.contains("href=\"../../tags/self-care/\" id=\"ref-1\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../tags/\" id=\"ref-2\""), "{page}");
    assert!(!site.path("public/cat").exists());
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    // A term pattern that needs a date is reported at it, and not read.
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", toml.replace("/topics/:slug/", "/:year/:slug/"));
    site.write(
        "content/docs/overview.md",
        "---\ntitle: Overview\ntags: [sleep]\n---\nText.\n",
    );
    let at = line_of(&site, "/:year/:slug/");
    site.build()
        .assert_code(0)
        .assert_stderr_contains("the term permalink '/:year/:slug/' needs a date")
        .assert_stderr_contains(&format!("--> book.toml:{at}:8"));
}

#[test]
fn hugos_array_form_of_permalinks_is_read_first_match_first() {
    // Hugo 0.161's `[[permalinks]]`, as its documentation writes it.
    let site = hugo_with_permalinks(
        r#"[[permalinks]]
pattern = '/blog/'
[permalinks.target]
path = '{/posts}'
[[permalinks]]
pattern = '/artikel/:year/:month/:slug/'
[permalinks.target]
path = '{/posts/**}'
[permalinks.target.sites.matrix]
languages = ['de']
[[permalinks]]
pattern = '/blog/:year/:month/:slug/'
[permalinks.target]
path = '{/posts/**}'
[[permalinks]]
pattern = '/topics/:slug/'
[permalinks.target]
kind = '{taxonomy,term}'
"#,
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\ndate: 2026-03-05T10:00:00Z\ntags: [Sleep]\n---\nSee [the launch](/blog/2026/01/launch-day/) and [the blog](/blog/).\n",
    );
    site.build().assert_code(0);
    let third = site.read("posts/third/index.html");
    assert!(
        third.contains("href=\"../../posts/first-post/\" id=\"ref-1\""),
        "{third}"
    );
    assert!(
        third.contains("href=\"../../posts/\" id=\"ref-2\""),
        "{third}"
    );
    assert!(site
        .read("blog/2026/03/third/index.html")
        .contains("url=../../../../posts/third/\""));
    assert!(site.read("blog/index.html").contains("url=../posts/\""));
    assert!(site
        .read("topics/sleep/index.html")
        .contains("url=../../tags/sleep/\""));
    // The entry for another language is not this site's.
    assert!(!site.path("public/artikel").exists());
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
    // A token Hugo does not define, and a key an entry does not have, are errors at
    // their lines.
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        toml.replace("pattern = '/topics/:slug/'", "pattern = '/topics/:nope/'"),
    );
    let at = line_of(&site, ":nope");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("token ':nope', which Hugo does not define")
        .assert_stderr_contains(&format!("--> book.toml:{at}:11"));
    site.write(
        "book.toml",
        toml.replace("pattern = '/topics/:slug/'", "patern = '/topics/:slug/'"),
    );
    let at = line_of(&site, "patern");
    site.build()
        .assert_code(1)
        .assert_stderr_contains(&format!("--> book.toml:{at}:"));
}

#[test]
fn an_mdbook_chapter_keeps_its_html_file_address() {
    // mdBook published `guide/install.md` at `guide/install.html`; attune at
    // `guide/install/`. The file gets a redirect page, unless something else is there.
    let site = Fixture::new("import-mdbook");
    site.write("src/guide/print.md", "# Printing\n\nOn paper.\n");
    let summary = std::fs::read_to_string(site.path("src/SUMMARY.md")).unwrap();
    site.write(
        "src/SUMMARY.md",
        summary.replace(
            "- [Installation]",
            "- [Printing](guide/print.md)\n- [Installation]",
        ),
    );
    site.write("src/reference/print.md", "# Print\n\nAt the root.\n");
    site.write("src/print.md", "# Print at the root\n\nText.\n");
    site.write(
        "src/SUMMARY.md",
        std::fs::read_to_string(site.path("src/SUMMARY.md")).unwrap() + "- [Print](print.md)\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("guide/install.html")
        .contains("url=../guide/install/\""));
    assert!(site
        .read("guide/print.html")
        .contains("url=../guide/print/\""));
    // The root README is the home page, as in mdBook; `print.html` stays attune's
    // print edition.
    assert!(!site.path("public/README.html").exists());
    assert!(!site.read("print.html").contains("http-equiv=\"refresh\""));
    site.run(&["build", "--offline", "--out", "offline"])
        .assert_code(0);
    let offline = std::fs::read_to_string(site.path("offline/guide/install.html")).unwrap();
    assert!(
        offline.contains("url=../guide/install/index.html\""),
        "{offline}"
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_chapter_whose_name_ends_in_index_keeps_its_own_html_address() {
    // The Rust Reference's `syntax-index.md`: its old address `syntax-index.html` was
    // listed in the URL table, sitemap and `urls.json` as the folder `syntax-`.
    let site = Fixture::new("import-mdbook");
    site.write("src/syntax-index.md", "# Syntax index\n\nEvery form.\n");
    let summary = std::fs::read_to_string(site.path("src/SUMMARY.md")).unwrap();
    site.write(
        "src/SUMMARY.md",
        summary + "- [Syntax index](syntax-index.md)\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("syntax-index.html")
        .contains("url=./syntax-index/\""));
    let urls = site.read("urls.json");
    assert!(urls.contains("\"syntax-index.html\""), "{urls}");
    assert!(!urls.contains("\"syntax-\""), "{urls}");
    assert!(!site.read("sitemap.xml").contains("/syntax-<"));
}

#[test]
fn one_alias_written_with_and_without_its_slash_is_one_redirect() {
    // Zola and Hugo write both to one file: the same page asks for it twice.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/archive.md",
        "+++\ntitle = \"Archive\"\naliases = [\"/blog/archive\", \"/blog/archive/\"]\n+++\nAll posts.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("url-collision") && !run.stderr.contains("already publishes"),
        "{}",
        run.stderr
    );
    assert!(site
        .read("blog/archive/index.html")
        .contains("posts/archive/"));
    // Two pages claiming one old address is still a collision.
    site.write(
        "content/posts/other.md",
        "+++\ntitle = \"Other\"\naliases = [\"/blog/archive\"]\n+++\nOther.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("already publishes");
}

#[test]
fn an_alias_another_page_or_alias_has_follows_broken_links() {
    // utho-docs copies front matter from one guide to the next: 13 aliases name
    // another guide's address or an alias an earlier guide has, and the build stopped.
    let site = Fixture::new("hugo");
    site.write(
        "content/linux/install-php-8-on-ubuntu-20-04.md",
        "---\ntitle: PHP 8 on Ubuntu 20.04\naliases: [/Linux/Ubuntu/php-8/]\n---\nText.\n",
    );
    site.write(
        "content/linux/install-php-8-on-ubuntu-22-04.md",
        "---\ntitle: PHP 8 on Ubuntu 22.04\naliases: [/Linux/Ubuntu/php-8/, /linux/install-php-8-on-ubuntu-20-04/]\n---\nText.\n",
    );
    site.build().assert_code(1).assert_stderr_contains(
        "error: the alias '/Linux/Ubuntu/php-8/' of 'install-php-8-on-ubuntu-22-04'",
    );
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    let toml = match toml.contains("[build]") {
        true => toml.replacen("[build]", "[build]\nbroken_links = \"warn\"", 1),
        false => format!("{toml}\n[build]\nbroken_links = \"warn\"\n"),
    };
    site.write("book.toml", toml);
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: the alias '/Linux/Ubuntu/php-8/' of 'install-php-8-on-ubuntu-22-04'")
        .assert_stderr_contains("warning: the alias '/linux/install-php-8-on-ubuntu-20-04/' of 'install-php-8-on-ubuntu-22-04'")
        .assert_stderr_contains("published without this old address, which stays the other's");
    // The first guide keeps the old address; the second guide's page is its own.
    let old = site.read("Linux/Ubuntu/php-8/index.html");
    assert!(
        old.contains("linux/install-php-8-on-ubuntu-20-04/"),
        "{old}"
    );
    let page = site.read("linux/install-php-8-on-ubuntu-20-04/index.html");
    assert!(page.contains("PHP 8 on Ubuntu 20.04"), "{page}");
    // Vitess's docs keep each release's pages, each copy with the same aliases
    // (1,367 of them): more than a few are one warning that counts them.
    for version in ["20.0", "21.0", "22.0"] {
        site.write(
            &format!("content/docs/{version}/ports.md"),
            "---\ntitle: Ports\naliases: ['/docs/launching/ports/', '/docs/user-guides/ports/']\n---\nText.\n",
        );
    }
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "(6 old addresses another page has in 3 files, reported here as one)",
    );
    assert_eq!(
        run.stderr.matches("warning: the alias").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn a_part_of_a_page_that_moved_is_followed_from_that_page() {
    // rust-lang/reference's table: 66 mdBook fragment redirects
    // (`"/attributes.html#cold-attribute" = "attributes/codegen.html#the-cold-attribute"`),
    // each "not an old address inside the site", which stopped the build. A part of a
    // page still there, and of a page gone (redirected itself), is followed from that
    // page by its script; a part of a page neither there nor redirected is a warning.
    let site = Fixture::new("import-mdbook");
    let table = r#"[output.html.redirect]
"/guide/install.html#old-steps" = "install.html#steps"
"/guide/install.html#moved%20away" = "../reference/config.html"
"/guide/install.html#no%C2%A0break" = "../reference/config.html"
"/old.html" = "guide/reading.html"
"/old.html#start" = "guide/install.html#before-you-start"
"/gone.html#part" = "guide/install.html"
"#;
    with_book_toml(&site, table);
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "redirect '/gone.html#part': no page at '/gone.html' to follow it from",
        )
        .assert_stderr_contains(&format!(
            "--> book.toml:{}:1",
            line_of(&site, "/gone.html#part")
        ));
    assert!(!run.stderr.contains("not an old address"), "{}", run.stderr);
    let install = site.read("guide/install/index.html");
    assert!(
        install.contains("data-moved-parts=\"old-steps ../../guide/install/#steps moved%20away ../../reference/config/ no%C2%A0break ../../reference/config/\""),
        "{install}"
    );
    // The old page's redirect, and mdBook's file for it, follow its part too.
    for (old, prefix) in [("old/index.html", "../"), ("old.html", "./")] {
        let page = site.read(old);
        assert!(
            page.contains(&format!(
                "data-moved-parts=\"start {prefix}guide/install/#before-you-start\""
            )),
            "{old}: {page}"
        );
    }
    // A page no part moved from has none.
    assert!(!site
        .read("guide/reading/index.html")
        .contains("data-moved-parts"));
    // A part leading to no heading is a broken anchor, as any redirect's.
    let site = Fixture::new("import-mdbook");
    with_book_toml(
        &site,
        "[output.html.redirect]\n\"/guide/install.html#a\" = \"install.html#nowhere\"\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("no heading or id 'nowhere'");
}

#[test]
fn a_link_from_the_repository_root_leads_into_the_content_folder_as_github_reads_it() {
    // prometheus/docs (content in `docs/`) links `/docs/practices/naming/` 120 times,
    // its website's address and, on GitHub, the file's path from the repository's
    // root; all were broken. A path the site itself has wins over that reading.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\nbase_url = \"https://example.org/\"\n\n[build]\ncontent_dir = \"./docs/\"\nbroken_links = \"warn\"\n",
    );
    site.write(
        "docs/practices/naming.md",
        "# Naming\n\n## Labels\n\nText.\n",
    );
    site.write(
        "docs/concepts/model.md",
        "# Model\n\nSee [naming](/docs/practices/naming/#labels), [the file](/docs/practices/naming.md), [the start](/docs/index.md) and [the site's own](/docs/guide/).\n\nNot [this](/docsy/x/).\n",
    );
    site.write("docs/index.md", "# Start\n\nWelcome.\n");
    site.write("docs/guide.md", "# Guide at the root\n\nText.\n");
    site.write("docs/docs/guide.md", "# Guide of the docs\n\nText.\n");
    let run = site.build();
    run.assert_code(0);
    let page = site.read("concepts/model/index.html");
    for (href, text) in [
        ("../../practices/naming/#labels", "naming"),
        ("../../practices/naming/", "the file"),
        ("../../", "the start"),
        ("../../docs/guide/", "the site’s own"),
    ] {
        let link = page
            .split("<a href=\"")
            .find(|a| a.contains(&format!(">{text}</a>")))
            .unwrap_or_else(|| panic!("{text}: {page}"));
        assert!(link.starts_with(&format!("{href}\"")), "{text}: {link}");
    }
    assert!(
        run.stderr.contains("broken link to '/docsy/x/'"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("broken link").count(),
        1,
        "{}",
        run.stderr
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn a_hosts_redirects_file_keeps_its_old_addresses() {
    // fluxcd/website's `static/_redirects` (Netlify's): links to `/integrations/` and
    // other old addresses there were reported broken and published as text.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\nstatic_dir = \"static\"\nbroken_links = \"warn\"\n",
    );
    let rules =
        "# Old addresses\n/integrations   /ecosystem   301!\n/flux/old.html /flux/new 302\n\
                 /a   /ecosystem   301\n/gone   /nowhere\n/chat   https://chat.example.org/  301\n\
                 /docs/*   /flux/:splat   301!\n/app   /flux/new   200\n";
    site.write("static/_redirects", rules);
    site.write("content/ecosystem.md", "# Ecosystem\n\nTools.\n");
    site.write("content/flux/new.md", "# New\n\nText.\n");
    site.write(
        "content/a.md",
        "# A\n\nSee [integrations](/integrations/), [old](/flux/old.html) and [docs](/docs/x/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    // Only the link a static site cannot follow is reported; the rules attune does
    // not write are the host's, said nothing of.
    assert!(run.stderr.contains("'/docs/x/'"), "{}", run.stderr);
    for quiet in [
        "'/integrations",
        "'/flux/old",
        "nowhere",
        "chat.example",
        "url-collision",
    ] {
        assert!(!run.stderr.contains(quiet), "{quiet}: {}", run.stderr);
    }
    let a = site.read("a/index.html");
    assert!(a.contains("<a href=\"../ecosystem/\""), "{a}");
    assert!(a.contains("<a href=\"../flux/new/\""), "{a}");
    assert!(site
        .read("integrations/index.html")
        .contains("url=../ecosystem/"));
    assert!(site.read("flux/old.html").contains("url=../flux/new/"));
    // A rule onto a page leaves the page; the others write nothing.
    assert!(site.read("a/index.html").contains("<h1"));
    for none in ["gone", "chat", "app", "docs"] {
        assert!(!site.path(&format!("public/{none}")).exists(), "{none}");
    }
    // The file stays published as it is, for the host.
    assert_eq!(site.read("_redirects"), rules);
    // Read from the content folder alike.
    site.remove("static/_redirects");
    site.write("content/_redirects", rules);
    site.build().assert_code(0);
    assert!(site
        .read("integrations/index.html")
        .contains("url=../ecosystem/"));
}
