//! MkDocs plugins whose settings change a site's addresses and navigation:
//! mkdocs-redirects' `redirect_maps` in mkdocs.yml, and mkdocs-awesome-pages-plugin's `.pages`
//! files in the folders of `docs/`.

use crate::support::Fixture;

/// astral-sh/uv's mkdocs.yml keeps 16 `redirect_maps` entries (`"guides/publish.md":
/// "guides/package.md"`, `"configuration/authentication.md":
/// "concepts/authentication/index.md"`) after other plugins: `mkdocs build` writes a
/// redirect page at each old page's address (`guides/publish/index.html`); a target
/// that is no page is reported at its line, as the plugin warns of it.
#[test]
fn mkdocs_redirect_maps_keep_old_addresses_leading_to_their_pages() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"uv\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    let settings = "site_name: uv\nplugins:\n  - search\n  - git-revision-date-localized:\n      timezone: UTC\n  - redirects:\n      redirect_maps:\n        \"guides/publish.md\": \"guides/package.md\"\n        \"configuration/authentication.md\": \"concepts/authentication/index.md\"\n        \"reference/build_failures.md\": \"guides/package.md#building\"\n        \"old/README.md\": \"index.md\"\n";
    site.write("mkdocs.yml", settings);
    site.write(
        "docs/index.md",
        "# uv\n\nSee [publishing](guides/publish.md) and [auth](configuration/authentication.md).\n",
    );
    site.write(
        "docs/guides/package.md",
        "# Building and publishing\n\n## Building\n\nText.\n",
    );
    site.write(
        "docs/concepts/authentication/index.md",
        "# Authentication\n\nText.\n",
    );
    site.build().assert_code(0);
    for (old, to) in [
        ("guides/publish/index.html", "../../guides/package/"),
        (
            "configuration/authentication/index.html",
            "../../concepts/authentication/",
        ),
        (
            "reference/build_failures/index.html",
            "../../guides/package/#building",
        ),
        ("old/index.html", "../"),
    ] {
        let page = site.read(old);
        assert!(
            page.contains(&format!(
                "<meta http-equiv=\"refresh\" content=\"0; url={to}\">"
            )),
            "{old}: {page}"
        );
    }
    // Links written to an old page's file lead to its page.
    let home = site.read("index.html");
    assert!(home.contains("href=\"./guides/package/\""), "{home}");
    assert!(
        home.contains("href=\"./concepts/authentication/\""),
        "{home}"
    );

    site.write(
        "mkdocs.yml",
        format!("{settings}        \"guides/export.md\": \"concepts/projects/export.md\"\n"),
    );
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("redirect from '/guides/export/' to '/concepts/projects/export.md': no page there\n  --> mkdocs.yml:12:29");
}

/// microsoft/code-with-engineering-playbook runs mkdocs-awesome-pages-plugin with no
/// `nav` in mkdocs.yml: `docs/.pages` lists `- Who is ISE?: ISE.md`, `- Automated
/// Testing: automated-testing`, `- ...`, `- UI/UX: UI-UX`, and
/// `docs/automated-testing/.pages` names its folders before `...`. MkDocs' navigation
/// then follows those lists, with their titles, where MkDocs alone would list every
/// page by file name.
#[test]
fn awesome_pages_files_order_and_title_pages_and_folders() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Playbook\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "mkdocs.yml",
        "site_name: Playbook\nplugins:\n  - search\n  - git-revision-date-localized\n  - awesome-pages\n",
    );
    site.write(
        "docs/.pages",
        "nav:\n  - ISE Engineering Fundamentals Playbook: README.md\n  - Who is ISE?: ISE.md\n  - Automated Testing: automated-testing\n  - ...\n  - UI/UX: UI-UX\n  - GitHub: https://github.com/microsoft/code-with-engineering-playbook\n",
    );
    site.write("docs/README.md", "# Playbook\n\nWelcome.\n");
    site.write("docs/ISE.md", "Who we are.\n");
    site.write("docs/checklist.md", "# Checklist\n\nText.\n");
    site.write("docs/UI-UX/README.md", "# UI/UX\n\nText.\n");
    site.write("docs/agile/README.md", "# Agile\n\nText.\n");
    // A folder hidden from the navigation, and one whose entries go by name, last first.
    site.write("docs/drafts/.pages", "hide: true\n");
    site.write("docs/drafts/README.md", "# Drafts\n\nText.\n");
    site.write("docs/drafts/idea.md", "# An idea\n\nText.\n");
    site.write("docs/reviews/.pages", "title: Code reviews\norder: desc\n");
    site.write("docs/reviews/a.md", "# Alpha review\n\nText.\n");
    site.write("docs/reviews/b.md", "# Beta review\n\nText.\n");
    site.write(
        "docs/automated-testing/.pages",
        "nav:\n    - CDC testing: cdc-testing\n    - End-to-end testing: e2e-testing\n    - ...\n",
    );
    site.write(
        "docs/automated-testing/README.md",
        "# Automated testing\n\nText.\n",
    );
    site.write(
        "docs/automated-testing/unit.md",
        "# Unit testing\n\nText.\n",
    );
    site.write(
        "docs/automated-testing/cdc-testing/pact.md",
        "# Pact\n\nText.\n",
    );
    site.write(
        "docs/automated-testing/e2e-testing/README.md",
        "# E2E\n\nText.\n",
    );
    // `arrange`, the older name of `nav`: what it leaves out follows it.
    site.write(
        "docs/automated-testing/e2e-testing/.pages",
        "arrange:\n  - z.md\n",
    );
    site.write(
        "docs/automated-testing/e2e-testing/a.md",
        "# A step\n\nText.\n",
    );
    site.write(
        "docs/automated-testing/e2e-testing/z.md",
        "# Z step\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let order = |page: &str, names: &[&str]| {
        let html = site.read(page);
        let at: Vec<usize> = (names.iter())
            .map(|n| {
                html.find(n)
                    .unwrap_or_else(|| panic!("{n} in {page}: {html}"))
            })
            .collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]),
            "{names:?} in {page}: {html}"
        );
    };
    // The top navigation: pages and folders as `.pages` lists them, the rest (`...`)
    // as MkDocs lists them, files before folders.
    order(
        "index.html",
        &[
            "href=\"./ise/\">Who is ISE?<",
            "href=\"./automated-testing/\"",
            "href=\"./checklist/\"",
            "href=\"./agile/\"",
            "href=\"./reviews/\">Code reviews<",
            "href=\"./ui-ux/\"",
        ],
    );
    order(
        "automated-testing/index.html",
        &[
            "testing/cdc-testing/\">CDC testing<",
            "testing/e2e-testing/\">E2E<",
            "testing/unit/\">Unit testing<",
        ],
    );
    order("reviews/index.html", &["Beta review", "Alpha review"]);
    order(
        "automated-testing/e2e-testing/index.html",
        &["Z step", "A step"],
    );
    // The hidden folder's pages are published, and are in no navigation.
    assert!(site.path("public/drafts/idea/index.html").exists());
    site.run(&["check"])
        .assert_stderr_contains("warning: 'idea' is an orphan")
        .assert_stderr_contains("--> docs/drafts/idea.md")
        .assert_stderr_contains("1 warning");
}
