//! MkDocs plugins whose settings change a site's addresses and navigation:
//! mkdocs-redirects' `redirect_maps` in mkdocs.yml.

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
