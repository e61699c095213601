//! What a Hugo site publishes and lists: a leaf bundle's Markdown files (its
//! resources, not pages), and front matter's `build` options and `outputs`.

use crate::support::Fixture;

/// The Hugo fixture with Hugo's own configuration beside its content folder, as a
/// Hugo site has it.
fn hugo_site() -> Fixture {
    let site = Fixture::new("hugo");
    site.write("hugo.toml", "baseURL = \"https://example.org/\"\ntitle = \"Hugo\"\n");
    site
}

#[test]
fn markdown_in_a_leaf_bundle_is_a_resource_not_a_page() {
    let site = hugo_site();
    site.write(
        "content/posts/first-post/notes.md",
        "---\ntitle: Notes\n---\nA resource of the bundle.\n",
    );
    site.write(
        "content/posts/first-post/extra/deep.md",
        "---\ntitle: Deep\n---\nBelow the bundle, a resource too.\n",
    );
    site.write(
        "content/posts/second-post.md",
        "---\ntitle: Second post\ndate: 2024-01-02\n---\nSee [the notes](first-post/notes.md) and [the post](first-post/).\n",
    );
    // A branch bundle's Markdown files are its pages.
    site.write(
        "content/docs/overview.md",
        "---\ntitle: Overview\n---\nAn overview.\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: posts/first-post/extra/deep.md and 1 more: in the leaf bundle `posts/first-post/` (its page is `index.md`), Hugo reads them as resources of that page, not as pages, so they are not published\n --> content/posts/first-post/extra/deep.md:1:1",
    );
    run.assert_stderr_contains(
        "warning: 'first-post/notes.md' is a resource of the leaf bundle `posts/first-post/` (a content file beside its `index.md`), which Hugo does not publish as a page: shown as plain text\n --> content/posts/second-post.md:5:5",
    );
    // The bundle is one page, at its folder's address; its resources have none.
    assert!(site.path("public/posts/first-post/index.html").is_file());
    for gone in ["posts/first-post/notes", "posts/first-post/extra/deep", "posts/first-post/extra"] {
        assert!(!site.path(&format!("public/{gone}/index.html")).exists(), "{gone}");
    }
    for listing in ["posts/index.html", "sitemap.xml"] {
        let text = site.read(listing);
        assert!(!text.contains("notes/") && !text.contains("Deep"), "{listing}: {text}");
    }
    let second = site.read("posts/second-post/index.html");
    assert!(second.contains(
            "See <span class=\"missing-link\">the notes</span> and <a href=\"../../posts/first-post/\""
        ), "{second}");
    assert!(site.path("public/docs/overview/index.html").is_file());

    // Without Hugo's configuration, `index.md` over other notes is their folder's
    // text, as Obsidian, Quartz and mdBook write it.
    site.remove("hugo.toml");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("leaf bundle"), "{}", run.stderr);
    assert!(site.path("public/posts/first-post/notes/index.html").is_file());
}
