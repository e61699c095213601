//! A Hugo site's habits beyond the basics in `import_structure`: a theme's `search.md`
//! placeholder, links between pages written relative to the page's address, and the
//! `highlight` shortcode.

use crate::support::Fixture;

/// The article's own text on its page.
fn body(page: &str) -> &str {
    let start = page
        .find("<div class=\"article-body\">")
        .expect("an article body");
    let end = start + page[start..].find("</div>").expect("its end");
    &page[start..end]
}

#[test]
fn a_themes_empty_search_page_is_left_out_with_a_warning() {
    // PaperMod and Docsy ship `content/search.md` with `layout: search` and no text.
    let site = Fixture::new("hugo");
    site.write(
        "content/search.md",
        "---\ntitle: Search\nlayout: search\n---\n",
    );
    site.write(
        "book.toml",
        format!(
            "{}\n[front_matter]\nallow = [\"layout\"]\n",
            std::fs::read_to_string(site.path("book.toml")).unwrap()
        ),
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: search.md has no text: it stands for a theme's search page, and attune writes its own (/search/), so this file is not published\n --> content/search.md:1:1",
    );
    assert!(site.read("search/index.html").contains("id=\"search"));
    // With text of its own, it is a page that claims attune's address: an error.
    site.write(
        "content/search.md",
        "---\ntitle: Search\n---\nHow to search.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("which the search page (built-in page) already publishes");
}

#[test]
fn links_relative_to_the_pages_address_lead_where_a_browser_takes_them() {
    // Hugo writes `../other/` from `posts/second-post/`: the browser resolves it from
    // the page's address, `posts/second-post/`, so it means `posts/other/`.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nSee [the second](../second-post/) and [a lost one](../nowhere/).\n",
    );
    let run = site.build();
    run.assert_code(1)
        .assert_stderr_contains("broken link to '../nowhere/'");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nSee [the second](../second-post/).\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/third/index.html");
    assert!(
        body(&page).contains("<a href=\"../../posts/second-post/\" id=\"ref-1\">the second</a>"),
        "{page}"
    );
}

#[test]
fn the_highlight_shortcode_is_a_code_block() {
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nBefore.\n\n{{< highlight html \"linenos=table\" >}}\n<section id=\"main\">\n# not a heading\n</section>\n{{< /highlight >}}\n\nAfter, inline {{< highlight go >}}x{{< /highlight >}} stays a warning.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md:6:"), "{}", run.stderr);
    run.assert_stderr_contains("--> content/posts/third.md:12:15");
    let page = site.read("posts/third/index.html");
    let page = body(&page);
    assert!(
        page.contains("<pre class=\"hl\"><code class=\"language-html\">"),
        "{page}"
    );
    assert!(page.contains("section</span>"), "{page}");
    assert!(page.contains("\n# not a heading\n"), "{page}");
    assert!(!page.contains("<h1"), "{page}");
    assert!(
        !page.contains("{{&lt;") && !page.contains("highlight"),
        "{page}"
    );
    // The inline pair is left out, with its warning.
    assert!(
        page.contains("<p>After, inline  stays a warning.</p>"),
        "{page}"
    );
}

#[test]
fn an_escaped_shortcode_shows_as_the_shortcode_in_code_and_out_of_it() {
    // Hugo's documentation writes `{{</* name */>}}` to show a shortcode as text.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nWrite {{%/* note */%}} like this:\n\n```\n{{</* highlight go */>}}\ncode\n{{</* /highlight */>}}\n```\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let page = body(&page);
    assert!(
        page.contains("<p>Write {{% note %}} like this:</p>"),
        "{page}"
    );
    assert!(
        page.contains("{{&lt; highlight go &gt;}}\ncode\n{{&lt; /highlight &gt;}}"),
        "{page}"
    );
    assert!(!page.contains("/*"), "{page}");
}

#[test]
fn ref_and_relref_shortcodes_are_links_to_the_pages_they_name() {
    // Hugo's `ref`/`relref` name a page by its file: relative to the page, from the
    // content folder with `/`, without `.md`, a section's `_index.md` or a bundle's
    // `index.md` by its folder; in `{{< >}}` or `{{% %}}`, in `path=` form too.
    let site = Fixture::new("hugo");
    site.write(
        "content/docs/getting-started/install.md",
        "---\ntitle: Installing\norder: 1\n---\n\
         Then [first steps]({{< ref \"first-steps.md\" >}}), [the overview]({{< relref \"/docs/overview.md\" >}}),\n\
         [options]({{% ref \"docs/reference/options\" %}}), [the section]({{< ref \"/docs/getting-started\" >}}),\n\
         [the launch]({{< relref path=\"/posts/first-post\" >}}).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("shortcode"), "{}", run.stderr);
    let page = site.read("docs/getting-started/install/index.html");
    let text = body(&page);
    for href in [
        "href=\"../../../docs/getting-started/first-steps/\"",
        "href=\"../../../docs/overview/\"",
        "href=\"../../../docs/reference/options/\"",
        "href=\"../../../docs/getting-started/\"",
        "href=\"../../../posts/first-post/\"",
    ] {
        assert!(text.contains(href), "{href} in {text}");
    }
    assert!(!text.contains("{{"), "{text}");
    // A page that does not exist: as any link to a missing `.md` note.
    site.write(
        "content/docs/overview.md",
        "---\ntitle: Overview\n---\nSee [gone]({{< ref \"gone.md\" >}}).\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: 'gone.md' is not written yet: shown as plain text\n --> content/docs/overview.md:4:5");
}

#[test]
fn links_name_pages_by_their_source_path_as_hugos_get_page_does() {
    // Linkerd's docs (and any site whose link render hook calls `GetPage`) write
    // `install/` and `../reference/architecture/` from the source file's folder, and
    // `/2.10/tasks/install/` from the content folder, whatever addresses the folders'
    // names make: the page with that source (`.md`, a section's `_index.md`, a
    // bundle's `index.md`), in any letter case; not found from the folder, from the
    // content folder.
    let site = Fixture::new("hugo");
    site.write("content/2.10/_index.md", "---\ntitle: Version 2.10\n---\n");
    site.write(
        "content/2.10/tasks/install.md",
        "---\ntitle: Install\n---\n## Helm\n",
    );
    site.write(
        "content/2.10/reference/Architecture/_index.md",
        "---\ntitle: Architecture\n---\nText.\n",
    );
    site.write(
        "content/2.10/reference/Architecture/proxy.md",
        "---\ntitle: Proxy\n---\nText.\n",
    );
    site.write(
        "content/2.10/tasks/books.md",
        "---\ntitle: Books\n---\nSee [install](install/#helm), [the design](../reference/architecture/), [from the root](/2.10/tasks/install/) and [posts](posts/first-post/).\n",
    );
    let run = site.build();
    assert!(!run.stderr.contains("books.md"), "{}", run.stderr);
    run.assert_code(0);
    let page = site.read("2-10/tasks/books/index.html");
    for href in [
        "href=\"../../../2-10/tasks/install/#helm\"",
        "href=\"../../../2-10/reference/architecture/\"",
        "href=\"../../../2-10/tasks/install/\"",
        "href=\"../../../posts/first-post/\"",
    ] {
        assert!(body(&page).contains(href), "{href} in {page}");
    }
    site.write(
        "content/2.10/tasks/books.md",
        "---\ntitle: Books\n---\nSee [lost](../nowhere/).\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to '../nowhere/'");
}

#[test]
fn a_search_sections_empty_index_is_a_theme_page() {
    // Linkerd's `content/search/_index.md`: a title, no text, for the theme's search
    // results; a folder of that name would otherwise claim attune's /search/.
    let site = Fixture::new("hugo");
    site.write(
        "content/search/_index.md",
        "---\ntitle: Search results\n---\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: search/_index.md has no text: it stands for a theme's search page, and attune writes its own (/search/), so this file is not published\n --> content/search/_index.md:1:1",
    );
    assert!(site.read("search/index.html").contains("id=\"search"));
}

#[test]
fn hugos_text_for_tag_pages_is_left_out_with_a_warning() {
    // Congo's example site: `content/tags/_index.md` and `content/tags/advanced/_index.md`
    // give text to Hugo's tag list and a tag's page; as a topic, `tags/` would claim
    // the address of attune's tag list (and the section that of the tag's page).
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/second-post.md",
        "---\ntitle: Second post\ntags: [advanced]\n---\nText.\n",
    );
    site.write(
        "content/tags/_index.md",
        "---\ntitle: Tags\n---\nAll the tags.\n",
    );
    site.write("content/tags/_index.ja.md", "---\ntitle: タグ\n---\n");
    site.write(
        "content/tags/advanced/_index.md",
        "---\ntitle: advanced\n---\nThe advanced tag.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: tags/_index.md is Hugo's text for the tag list (/tags/), which attune writes itself from the articles' tags, so this file is not published\n --> content/tags/_index.md:1:1");
    run.assert_stderr_contains("warning: tags/advanced/_index.md is Hugo's text for the page of tag 'advanced', which attune writes itself");
    assert!(site
        .read("tags/advanced/index.html")
        .contains("Second post"));
}
