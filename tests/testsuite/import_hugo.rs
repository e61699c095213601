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
    // With text of its own, it is a page of the site's: published beside attune's
    // search page, which keeps its address, with a warning naming both.
    site.write(
        "content/search.md",
        "---\ntitle: Search\n---\nHow to search.\n",
    );
    site.build().assert_code(0).assert_stderr_contains(
        "warning: 'search.md' would be published at /search/, the address of the search page attune writes: it is published at /search-2/",
    );
    assert!(site.read("search-2/index.html").contains("How to search."));
    assert!(site.read("search/index.html").contains("id=\"search"));
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
fn a_highlight_pair_in_a_table_cell_is_a_code_block_in_the_cell() {
    // Hugo writes the shortcode's HTML in the cell; a `|` or `*` in the code neither
    // ends the cell nor makes emphasis.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n| Flag | Example |\n|---|---|\n| `-o` | {{< highlight sh >}}ls *.md | wc -l{{< /highlight >}} |\n| other | text |\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let page = body(&page);
    assert!(
        page.contains(
            "<td><pre class=\"hl\"><code class=\"language-sh\">ls *.md | wc -l</code></pre></td>"
        ),
        "{page}"
    );
    assert!(page.contains("<td>other</td>"), "{page}");
    assert!(!page.contains("<em>"), "{page}");
}

#[test]
fn a_themes_mermaid_shortcode_is_a_mermaid_block() {
    // Jaeger's Docsy-based docs (76 pages) write `{{<mermaid align="center">}}`; Hugo
    // Book, Relearn and Geekdoc ship the same shortcode (Learn's `{{% mermaid %}}`).
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nBefore.\n\n{{<mermaid align=\"center\">}}\ngraph TD\n  A-->B\n{{< /mermaid >}}\n\n{{% mermaid %}}\nsequenceDiagram\n{{% /mermaid %}}\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("shortcode"), "{}", run.stderr);
    run.assert_stderr_contains(
        "warning: Mermaid diagrams are not drawn: this block is shown as its code",
    );
    let page = site.read("posts/third/index.html");
    let page = body(&page);
    assert!(
        page.contains("<code class=\"language-mermaid\">graph TD\n  A--&gt;B"),
        "{page}"
    );
    assert!(page.contains("sequenceDiagram"), "{page}");
    assert!(page.contains("After."), "{page}");
    assert!(!page.contains("{{"), "{page}");
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
         [the launch]({{< relref path=\"/posts/first-post\" >}}),\n\
         and unquoted, as Hugo reads a value without spaces: [steps again]({{< relref first-steps >}}),\n\
         [the launch again]({{< ref path=/posts/first-post lang=en >}}).\n",
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
    for twice in ["docs/getting-started/first-steps/\"", "posts/first-post/\""] {
        assert_eq!(text.matches(twice).count(), 2, "{twice} in {text}");
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
fn a_ref_from_the_content_root_names_the_section_there_before_any_of_that_name() {
    // rhize-docs keeps old copies under `versions/`: `{{< relref "/use-cases" >}}`
    // from one of them means `content/use-cases/_index.md`, as Hugo's getContentNode
    // reads a ref with a leading `/` from the content root first. attune looked the
    // name up across the site, said it "could mean 2 notes", and linked a copy's.
    // Nothing at the path: then the name is looked up, as Hugo does.
    let site = Fixture::new("hugo");
    site.write(
        "content/use-cases/_index.md",
        "---\ntitle: Use cases\n---\nNow.\n",
    );
    site.write(
        "content/versions/v1/use-cases/_index.md",
        "---\ntitle: Old use cases\n---\nThen.\n",
    );
    site.write("content/people/the-team.md", "---\ntitle: Team\n---\nUs.\n");
    site.write(
        "content/versions/v2/get-started/intro.md",
        "---\ntitle: Intro\n---\n[Read about use cases]({{< relref \"/use-cases\" >}}) \
         and [the team]({{< relref \"/the-team\" >}}).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("could mean"), "{}", run.stderr);
    let page = site.read("versions/v2/get-started/intro/index.html");
    let text = body(&page);
    assert!(
        text.contains("href=\"../../../../use-cases/\" id=\"ref-1\">Read about use cases"),
        "{text}"
    );
    assert!(text.contains("people/the-team/\""), "{text}");
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
fn links_written_from_a_pages_own_address_lead_where_the_browser_goes() {
    // Hextra's docs: `docs/getting-started.md` is published at
    // `/docs/getting-started/`, and its render hook leaves relative links as written,
    // so `../guide/deploy-site` (no slash, no extension) is read by the reader's
    // browser from that address: `/docs/guide/deploy-site`. Also two levels up with an
    // anchor, and into a section's `_index.md`.
    let site = Fixture::new("hugo");
    site.write(
        "content/manual/_index.md",
        "---\ntitle: Manual\n---\nText.\n",
    );
    site.write(
        "content/manual/guide/_index.md",
        "---\ntitle: Guide\n---\nText.\n",
    );
    site.write(
        "content/manual/guide/deploy-site.md",
        "---\ntitle: Deploy\n---\nText.\n",
    );
    site.write(
        "content/manual/guide/markdown.md",
        "---\ntitle: Markdown\n---\n## Alerts\n",
    );
    site.write(
        "content/manual/getting-started.md",
        "---\ntitle: Start\n---\nSee [Deploy Site](../guide/deploy-site) and [the guide](../guide).\n",
    );
    site.write(
        "content/manual/guide/shortcodes/callout.md",
        "---\ntitle: Callout\n---\n[Alerts](../../markdown#alerts) are supported.\n",
    );
    site.write(
        "content/manual/guide/cards/index.md",
        "---\ntitle: Cards\n---\nSee [alerts](markdown/#alerts) and [the start](../getting-started/).\n",
    );
    let run = site.build();
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    run.assert_code(0);
    let start = site.read("manual/getting-started/index.html");
    assert!(
        body(&start).contains("href=\"../../manual/guide/deploy-site/\""),
        "{start}"
    );
    assert!(
        body(&start).contains("href=\"../../manual/guide/\""),
        "{start}"
    );
    let callout = site.read("manual/guide/shortcodes/callout/index.html");
    assert!(
        body(&callout).contains("href=\"../../../../manual/guide/markdown/#alerts\""),
        "{callout}"
    );
    // Docsy's docs: from a leaf bundle's `index.md`, Hugo's `GetPage` reads a path
    // from the folder the bundle sits in.
    let cards = site.read("manual/guide/cards/index.html");
    assert!(
        body(&cards).contains("href=\"../../../manual/guide/markdown/#alerts\""),
        "{cards}"
    );
    assert!(
        body(&cards).contains("href=\"../../../manual/getting-started/\""),
        "{cards}"
    );
    // hyprland-wiki (`disablePathToLower`): from `Configuring/Advanced and
    // Cool/Environment-variables.md`, `../../../Useful-Utilities/Systemd-start` climbs
    // above the content folder from the file's folder, not from the page's address.
    site.write(
        "content/Useful Utilities/Systemd-start.md",
        "---\ntitle: Systemd start\n---\nText.\n",
    );
    site.write(
        "content/Configuring/Advanced and Cool/Environment-variables.md",
        "---\ntitle: Environment\n---\nSee [uwsm](../../../Useful-Utilities/Systemd-start) first.\n",
    );
    let run = site.build();
    assert!(!run.stderr.contains("outside"), "{}", run.stderr);
    run.assert_code(0);
    let env = site.read("configuring/advanced-and-cool/environment-variables/index.html");
    assert!(
        body(&env).contains("href=\"../../../useful-utilities/systemd-start/\""),
        "{env}"
    );
    // From the file's folder it still comes first, and a link that leads nowhere
    // from either place is still broken.
    site.write(
        "content/manual/getting-started.md",
        "---\ntitle: Start\n---\nSee [lost](../guide/nowhere).\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to '../guide/nowhere'");
}

#[test]
fn an_alias_naming_a_part_of_an_old_page_is_followed_from_that_page() {
    // jenkins-x/jx-docs: `aliases: [/about/features/#promotion]` on the page the
    // section moved to stopped the whole build ("not a URL path inside the site").
    // Hugo writes a redirect no browser asks for; here the old page follows the part.
    let site = Fixture::new("hugo");
    site.write(
        "content/about/features.md",
        "---\ntitle: Features\n---\nWhat it does.\n",
    );
    site.write(
        "content/docs/promotion.md",
        "---\ntitle: Promotion\naliases:\n  - /about/features/#promotion\n  - /gone/#part\n---\nHow promotion works.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("alias"), "{}", run.stderr);
    let features = site.read("about/features/index.html");
    assert!(
        features.contains("data-moved-parts=\"promotion ../../docs/promotion/\""),
        "{features}"
    );
    assert!(!site.path("public/about/features/#promotion").exists());
}

/// medic/cht-docs: 18 pages write `aliases: >` over lines of old paths, one text Hugo
/// splits at its spaces into one alias each; attune read one alias holding a line
/// break, an error that stopped the build. Such a text is a list of paths; an Obsidian
/// name with spaces (`aliases: Other name`) stays one alias.
#[test]
fn a_folded_text_of_old_paths_is_a_list_of_aliases_as_hugo_reads_it() {
    let site = Fixture::new("hugo");
    site.write(
        "content/guides/publishing.md",
        "---\ntitle: Publishing\naliases: >\n  /apps/guides/publishing/\n  /core/guides/android/publishing\n---\nHow to publish.\n",
    );
    site.write(
        "content/guides/testing.md",
        "---\ntitle: Testing\naliases: |\n  /old/testing/\n  older-testing\n---\nHow to test.\n",
    );
    site.write(
        "content/guides/one.md",
        "---\ntitle: One\naliases: >\n   /contribute/code/one\n---\nJust one.\n",
    );
    site.write(
        "content/guides/naming.md",
        "---\ntitle: Naming\naliases: Choosing names\n---\nSee [[Choosing names]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    for old in [
        "apps/guides/publishing/index.html",
        "core/guides/android/publishing/index.html",
        "old/testing/index.html",
        "contribute/code/one/index.html",
    ] {
        assert!(site.read(old).contains("guides/"), "{old}");
    }
    assert!(!run.stderr.contains("control character"), "{}", run.stderr);
}

#[test]
fn links_to_a_relative_alias_lead_to_its_page() {
    // Docsy's blog: `blog/2023/0.7.x.md` has `aliases: [docsy-0.7]`, which Hugo (and
    // Quartz) publish as `/blog/2023/docsy-0.7/`, from the page's folder; another post
    // links there. `../readme` climbs a folder. The entry stays a name too. A
    // section's `_index.md` reads its aliases from the folder above, as Hugo reads them
    // from its address's (falcosecurity/falco-website's `docs/concepts/metrics/_index.md`
    // has `aliases: [../metrics]`, and 5 pages link `/docs/metrics/`).
    let site = Fixture::new("hugo");
    site.write(
        "content/news/concepts/metrics/_index.md",
        "---\ntitle: Metrics\naliases:\n- ../metrics\n---\nCounted.\n",
    );
    site.write(
        "content/news/2023/0.7.x.md",
        "---\ntitle: Upgrade to 0.7\naliases: [docsy-0.7, ../readme]\n---\nText.\n",
    );
    site.write(
        "content/news/2023/later.md",
        "---\ntitle: Later\n---\nSee the [follow-up](/news/2023/docsy-0.7/), [the readme](/news/readme/) and [[docsy-0.7]]; [metrics](/news/metrics/).\n",
    );
    let run = site.build();
    assert!(!run.stderr.contains("later.md"), "{}", run.stderr);
    run.assert_code(0);
    let later = site.read("news/2023/later/index.html");
    assert_eq!(
        body(&later)
            .matches("href=\"../../../news/2023/0-7-x/\"")
            .count(),
        3,
        "{later}"
    );
    assert!(
        body(&later).contains("href=\"../../../news/concepts/metrics/\" id=\"ref-3\">metrics</a>"),
        "{later}"
    );
    site.write(
        "content/news/2023/later.md",
        "---\ntitle: Later\n---\nSee the [lost](/news/docsy-0.7/).\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to '/news/docsy-0.7/'");
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

#[test]
fn pages_out_of_their_publication_dates_are_held_back_as_hugo_holds_them() {
    let site = Fixture::new("hugo");
    // YAML and TOML, dates and date-times, under each of Hugo's names.
    site.write(
        "content/posts/scheduled.md",
        "---\ntitle: Scheduled\npublishDate: 2999-01-01\n---\nNot yet.\n",
    );
    site.write(
        "content/posts/offer.md",
        "+++\ntitle = \"Old offer\"\nexpiryDate = 2001-01-01T10:00:00Z\n+++\nGone.\n",
    );
    site.write(
        "content/posts/dated.md",
        "---\ntitle: Dated by publishdate\npublishdate: 2020-05-04T10:00:00+02:00\nexpirydate: 2999-12-31\n---\nHere.\n",
    );
    site.write(
        "content/posts/toml-dated.md",
        "+++\ntitle = \"Dated by pubdate\"\npubdate = 2021-06-07\nunpublishdate = 2998-01-01T00:00:00Z\n+++\nHere too.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert!(!site.path("public/posts/scheduled").exists());
    assert!(!site.path("public/posts/offer").exists());
    let hub = site.read("posts/index.html");
    assert!(
        !hub.contains("Scheduled") && !hub.contains("Old offer"),
        "{hub}"
    );
    // `publishDate` with no `date` is the page's date.
    let atom = site.read("atom.xml");
    assert!(
        atom.contains("posts/dated/</id>\n    <link href=\"https://hugo.example.org/posts/dated/\"/>\n    <published>2020-05-04T00:00:00Z</published>"),
        "{atom}"
    );
    assert!(
        atom.contains("<published>2021-06-07T00:00:00Z</published>"),
        "{atom}"
    );
    // `--drafts` publishes what is held back, as Hugo's --buildFuture and
    // --buildExpired do.
    site.run(&["build", "--drafts"]).assert_code(0);
    assert!(site.path("public/posts/scheduled/index.html").is_file());
    assert!(site.path("public/posts/offer/index.html").is_file());
    // A link to a page held back is broken, as a link to a draft is; `check --today`
    // moves the day the dates are compared with.
    site.strict_links();
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nSee [the plan](scheduled.md).\n",
    );
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("broken link to 'scheduled.md'");
    let run = site.run(&["check", "--today", "2999-01-01"]);
    assert!(!run.stderr.contains("broken link"), "{}", run.stderr);
    // On that day the pages that expire by then are gone.
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nSee [the plan](scheduled.md) and [this](toml-dated.md).\n",
    );
    site.run(&["check", "--today", "2999-01-01"])
        .assert_code(1)
        .assert_stderr_contains("broken link to 'toml-dated.md'");
}

#[test]
fn a_page_dated_after_today_is_published_with_a_warning() {
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/later.md",
        "---\ntitle: Later\ndate: 2999-03-04\n---\nSoon.\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: dated 2999-03-04, after today (");
    run.assert_stderr_contains("--> content/posts/later.md:3:1");
    run.assert_stderr_contains("add `publishDate: 2999-03-04`");
    assert!(site.path("public/posts/later/index.html").is_file());
    // With a `publishDate` it is held back, without a warning.
    site.write(
        "content/posts/later.md",
        "---\ntitle: Later\ndate: 2999-03-04\npublishDate: 2999-03-04\n---\nSoon.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert!(!site.path("public/posts/later").exists());
}

#[test]
fn headless_bundles_and_pages_not_rendered_publish_only_their_files() {
    let site = Fixture::new("hugo");
    // Hugo's headless bundle, Hugo's build options (YAML and TOML, old `_build`),
    // Zola's `render = false`.
    site.write(
        "content/posts/gallery/index.md",
        "---\ntitle: Gallery\nheadless: true\n---\n![A photo](photo.png)\n",
    );
    site.write("content/posts/gallery/photo.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "content/posts/hidden.md",
        "---\ntitle: Hidden\nbuild:\n  render: never\n  list: never\n---\nNot written.\n",
    );
    site.write(
        "content/posts/linked.md",
        "+++\ntitle = \"Linked\"\n[_build]\nrender = \"link\"\n+++\nNot written.\n",
    );
    site.write(
        "content/posts/zola.md",
        "+++\ntitle = \"Zola page\"\nrender = false\n+++\nNot written.\n",
    );
    site.write(
        "content/posts/shown.md",
        "---\ntitle: Shown\nbuild:\n  render: always\n  list: local\n---\nWritten, with [a photo](gallery/photo.png).\n",
    );
    let run = site.run(&["build", "--drafts"]);
    run.assert_code(0);
    // `list: local` is read (see `import_hugo_build.rs`); pages left out are not read
    // further.
    assert!(!run.stderr.contains("warning:"), "{}", run.stderr);
    for gone in ["gallery", "hidden", "linked", "zola"] {
        assert!(
            !site
                .path(&format!("public/posts/{gone}"))
                .join("index.html")
                .exists(),
            "{gone}"
        );
    }
    assert!(site.path("public/posts/gallery/photo.png").is_file());
    assert!(site
        .read("posts/shown/index.html")
        .contains("href=\"../../posts/gallery/photo.png\""));
    let hub = site.read("posts/index.html");
    for title in ["Gallery", "Hidden", "Linked", "Zola page"] {
        assert!(!hub.contains(title), "{title} in {hub}");
    }
    site.write(
        "content/posts/linked.md",
        "+++\ntitle = \"Linked\"\n[build]\nrender = \"sometimes\"\n+++\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("`build.render` is `always`, `never` or `link`, not `sometimes`");
}

/// hugo-apero's About page (amaurits/CoveringMuslimsBook): its `_index.md` cascades
/// `headless: true` to the `header/`, `main/` and `sidebar/` bundles its template reads;
/// Hugo publishes none of them, attune published three orphan pages.
#[test]
fn a_cascaded_headless_keeps_the_bundles_below_unpublished() {
    let site = Fixture::new("hugo");
    site.write(
        "content/who/_index.md",
        "---\ntitle: About\ncascade:\n  headless: true\n---\nAbout us.\n",
    );
    for part in ["header", "main", "sidebar"] {
        site.write(
            &format!("content/who/{part}/index.md"),
            format!("---\ntitle: {part}\n---\nThe {part} text.\n"),
        );
    }
    site.write("content/who/sidebar/portrait.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "content/who/team.md",
        "---\ntitle: Team\nheadless: false\n---\nOur team.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("orphan"), "{}", run.stderr);
    for part in ["header", "main", "sidebar"] {
        assert!(!site.path(&format!("public/who/{part}/index.html")).exists());
    }
    assert!(site.path("public/who/sidebar/portrait.png").is_file());
    assert!(site.read("who/index.html").contains("About us."));
    assert!(site.read("who/team/index.html").contains("Our team."));
}

#[test]
fn the_text_before_the_more_divider_is_the_summary() {
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/divided.md",
        "---\ntitle: Divided\n---\nSleep comes in *cycles* of about ninety minutes.\n\n<!--more-->\n\nThe details.\n",
    );
    site.write(
        "content/posts/described.md",
        "---\ntitle: Described\ndescription: Its own words.\n---\nOther words.\n\n<!--more-->\n\nMore.\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/divided/index.html");
    assert!(
        page.contains("<meta name=\"description\" content=\"Sleep comes in cycles of about ninety minutes.\">"),
        "{page}"
    );
    // The divider is never shown: it stays an HTML comment.
    assert!(!body(&page).contains("&lt;!--"), "{page}");
    let hub = site.read("posts/index.html");
    assert!(
        hub.contains("Sleep comes in cycles of about ninety minutes."),
        "{hub}"
    );
    assert!(
        hub.contains("Its own words.") && !hub.contains("Other words."),
        "{hub}"
    );
}

#[test]
fn link_title_is_the_title_in_lists() {
    let site = Fixture::new("hugo");
    site.write(
        "content/docs/getting-started/_index.md",
        "---\ntitle: Getting started with the handbook\nlinkTitle: Getting started\norder: 1\n---\nRead these two pages first.\n",
    );
    site.write(
        "content/docs/getting-started/install.md",
        "+++\ntitle = \"Installing the handbook on your computer\"\nlinktitle = \"Install\"\norder = 1\n+++\nInstall it.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("unknown"), "{}", run.stderr);
    // Lists show the short title; each page keeps its own.
    let parent = site.read("docs/index.html");
    assert!(parent.contains(">Getting started</a>"), "{parent}");
    assert!(
        !parent.contains("Getting started with the handbook"),
        "{parent}"
    );
    let hub = site.read("docs/getting-started/index.html");
    assert!(
        hub.contains("<h1>Getting started with the handbook</h1>"),
        "{hub}"
    );
    assert!(hub.contains(">Install</a>"), "{hub}");
    assert!(
        !hub.contains(">Installing the handbook on your computer</a>"),
        "{hub}"
    );
    let page = site.read("docs/getting-started/install/index.html");
    assert!(page.contains("<h1 id=\"article-title\">Installing the handbook on your computer</h1>"));
}

#[test]
fn a_page_in_another_format_is_a_download_with_one_warning_each() {
    // hugo-geekdoc's exampleSite has AsciiDoc pages; notebooks and `.rst` come from
    // Jupyter Book and Sphinx.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/asciidoc.adoc",
        "---\ntitle: A\n---\n= Title\n\nText.\n",
    );
    site.write("content/posts/notes.org", "#+TITLE: Notes\n* Heading\n");
    site.write("content/posts/guide.rst", "Guide\n=====\n");
    site.write("content/posts/lab.ipynb", "{\"cells\": []}\n");
    site.write("content/posts/old.mkd", "# Old\n");
    site.write(
        "content/posts/photo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    );
    let run = site.run(&["check", "--format", "json"]);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut found: Vec<(String, String)> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "not-markdown")
        .map(|d| {
            assert_eq!(d["severity"], "warning", "{d}");
            (
                d["file"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    let files: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        files,
        [
            "content/posts/asciidoc.adoc",
            "content/posts/guide.rst",
            "content/posts/lab.ipynb",
            "content/posts/notes.org",
            "content/posts/old.mkd",
        ],
        "{items:#}"
    );
    assert!(found[0].1.starts_with(
        "this file is AsciiDoc: attune reads Markdown (`.md`, `.markdown`, `.mdx`) only, so it is published as a file to download"
    ));
    let build = site.build();
    build.assert_code(0);
    assert_eq!(
        build
            .stderr
            .matches("published as a file to download")
            .count(),
        5,
        "{}",
        build.stderr
    );
    assert!(site.path("public/posts/asciidoc.adoc").is_file());
    assert!(!site.path("public/posts/asciidoc").exists());
}

#[test]
fn extensions_listed_as_downloads_are_published_without_the_warning() {
    // A course site offers its notebooks and Org notes as downloads on purpose; an
    // AsciiDoc page it did not list is still reported.
    let site = Fixture::new("hugo");
    site.write("content/posts/lab.ipynb", "{\"cells\": []}\n");
    site.write("content/posts/notes.ORG", "#+TITLE: Notes\n* Heading\n");
    site.write("content/posts/asciidoc.adoc", "= Title\n\nText.\n");
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{toml}\n[build]\ndownloads = [\"ipynb\", \".org\"]\n"),
    );
    let build = site.build();
    build.assert_code(0);
    assert_eq!(
        build
            .stderr
            .matches("published as a file to download")
            .count(),
        1,
        "{}",
        build.stderr
    );
    assert!(build.stderr.contains("asciidoc.adoc"), "{}", build.stderr);
    assert!(
        build
            .stderr
            .contains("add \"adoc\" to `downloads` under [build]"),
        "{}",
        build.stderr
    );
    assert!(site.path("public/posts/lab.ipynb").is_file());
    assert!(site.path("public/posts/notes.ORG").is_file());

    // Markdown is never a download: listing it is a config error at the entry.
    site.write(
        "book.toml",
        format!("{toml}\n[build]\ndownloads = [\"ipynb\", \"md\"]\n"),
    );
    let run = site.run(&["check"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("`build.downloads` lists 'md'"),
        "{}",
        run.stderr
    );
    let line = toml.lines().count() + 3;
    assert!(
        run.stderr.contains(&format!("book.toml:{line}:23")),
        "{}",
        run.stderr
    );

    // Nor is an empty entry or a path an extension.
    site.write(
        "book.toml",
        format!("{toml}\n[build]\ndownloads = [\"\", \"../x\", \"ipynb\"]\n"),
    );
    let run = site.run(&["check"]);
    run.assert_code(1);
    for written in ["''", "'../x'"] {
        assert!(
            run.stderr.contains(&format!(
                "`build.downloads` lists {written}: is not a file extension"
            )),
            "{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("'ipynb'"), "{}", run.stderr);
}

#[test]
fn a_ref_to_hugos_taxonomy_pages_leads_to_the_tag_list_and_tag_pages() {
    // jpanther/congo's exampleSite links `{{< ref "tags" >}}` and
    // `{{< ref "tags/advanced" >}}`.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/tagged.md",
        "---\ntitle: Tagged\ntags: [Advanced]\n---\n\
         All [tags]({{< ref \"tags\" >}}), [advanced]({{< ref \"tags/advanced\" >}}), \
         [again]({{< relref \"/tags/advanced/\" >}}), [by path](../tags.md) and \
         [no such tag]({{< ref \"tags/nothing\" >}}).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert_eq!(
        run.stderr.matches("not written yet").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("'tags/nothing.md' is not written yet"),
        "{}",
        run.stderr
    );
    site.build().assert_code(0);
    let page = body(&site.read("posts/tagged/index.html")).to_string();
    for link in [
        "<a href=\"../../tags/\" id=\"ref-1\">tags</a>",
        "<a href=\"../../tags/advanced/\" id=\"ref-2\">advanced</a>",
        "<a href=\"../../tags/advanced/\" id=\"ref-3\">again</a>",
        "<a href=\"../../tags/\" id=\"ref-4\">by path</a>",
        "<span class=\"missing-link\">no such tag</span>",
    ] {
        assert!(page.contains(link), "{link} in\n{page}");
    }
    assert!(site.path("public/tags/advanced/index.html").is_file());
}

#[test]
fn a_theme_page_with_no_text_is_left_out_but_a_section_with_a_layout_stays() {
    // The Stack theme's exampleSite: `page/archives/index.md` and `page/search/index.md`
    // hold only front matter with a `layout`.
    let site = Fixture::new("hugo");
    site.write(
        "content/page/archives/index.md",
        "---\ntitle: Archives\nlayout: archives\nslug: archives\n---\n",
    );
    site.write(
        "content/page/search/index.md",
        "+++\ntitle = \"Search\"\nlayout = \"search\"\n+++\n",
    );
    site.write(
        "content/page/about/index.md",
        "---\ntitle: About\nlayout: archives\n---\nWe are a charity.\n",
    );
    // linkerd's `community/*/_index.md`: a section's text with a layout, its pages
    // below it.
    site.write(
        "content/community/_index.md",
        "---\ntitle: Community\nlayout: archives\n---\n",
    );
    site.write(
        "content/community/meetups/index.md",
        "---\ntitle: Meetups\nlayout: archives\n---\n",
    );
    site.write(
        "content/community/meetups/london.md",
        "---\ntitle: London\n---\nMonthly.\n",
    );
    site.write(
        "book.toml",
        format!(
            "{}\n[front_matter]\nallow = [\"layout\", \"slug\"]\n",
            std::fs::read_to_string(site.path("book.toml")).unwrap()
        ),
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: page/archives/index.md has no text and `layout: archives`: it stands for a theme's archives page, which attune does not publish (its hubs and tag pages list the articles), so this file is not published\n --> content/page/archives/index.md:1:1",
        )
        .assert_stderr_contains(
            "warning: page/search/index.md has no text and `layout: search`: it stands for a theme's search page",
        );
    assert_eq!(
        run.stderr.matches("has no text and `layout").count(),
        2,
        "{}",
        run.stderr
    );
    assert!(!site.path("public/page/archives").exists());
    assert!(!site.path("public/page/search").exists());
    assert!(site
        .read("page/about/index.html")
        .contains("We are a charity."));
    assert!(site.path("public/community/index.html").is_file());
    assert!(site.read("community/meetups/index.html").contains("London"));
}

#[test]
fn a_dated_permalink_address_is_not_guessed_from_its_last_segment() {
    // Hugo's `permalinks` (read from hugo.toml, which attune does not read) publish
    // `posts/second-post.md` at `/2026/02/01/second-post/`. The slug at the end names
    // exactly one page, but attune publishes it at its path: a link to the dated
    // address is broken, never silently taken to that page.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nSee [the second](/2026/02/01/second-post/) and [again](/2026/02/01/second-post).\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to '/2026/02/01/second-post/': no page or file there")
        .assert_stderr_contains("broken link to '/2026/02/01/second-post': no page or file there");
}

#[test]
fn json_front_matter_is_read_as_hugo_reads_it() {
    // Hugo reads a file opening with `{` as JSON front matter, to the matching `}`.
    let site = Fixture::new("hugo");
    site.write(
        "content/docs/getting-started/json-page.md",
        "{\n  \"title\": \"Configured in JSON\",\n  \"weight\": 1,\n  \"date\": \"2024-03-02T09:00:00Z\",\n  \"tags\": [\"setup\"],\n  \"description\": \"A {braced} summary\"\n}\n\nThe text.\n",
    );
    site.write(
        "content/docs/getting-started/hidden.md",
        "{\"title\": \"Hidden\", \"draft\": true}\nNot published.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("docs/getting-started/json-page/index.html");
    assert!(
        page.contains("<h1 id=\"article-title\">Configured in JSON</h1>"),
        "{page}"
    );
    assert!(body(&page).contains("<p>The text.</p>"), "{page}");
    assert!(
        !page.contains("\"weight\""),
        "front matter is not shown: {page}"
    );
    assert!(page.contains("A {braced} summary"), "{page}");
    assert!(site
        .read("tags/setup/index.html")
        .contains("Configured in JSON"));
    assert!(!site
        .path("public/docs/getting-started/hidden/index.html")
        .exists());
    // `weight: 1` puts it before the section's page of order 2.
    let hub = site.read("docs/getting-started/index.html");
    let first = hub.find("Configured in JSON").expect("listed");
    assert!(
        hub.find("First steps").is_some_and(|at| at > first),
        "{hub}"
    );
    // A JSON mistake is an error at its line and column.
    site.write(
        "content/docs/getting-started/json-page.md",
        "\n{\n  \"title\": \"Configured in JSON\"\n  \"weight\": 1\n}\nText.\n",
    );
    site.build().assert_code(1).assert_stderr_contains(
        "invalid JSON in front matter: expected `,` or `}`\n --> content/docs/getting-started/json-page.md:4:3",
    );
}

#[test]
fn a_sites_own_privacy_page_is_published_in_place_of_attunes() {
    // Let's Encrypt's `content/en/privacy.md`: the organisation's own privacy policy
    // at `/privacy/`, where attune writes its privacy page when a site has none.
    let site = Fixture::new("hugo");
    site.write(
        "content/privacy.md",
        "---\ntitle: Privacy Policy\n---\nWhat we keep and why.\n",
    );
    site.build().assert_code(0);
    let page = site.read("privacy/index.html");
    assert!(page.contains("What we keep and why."), "{page}");
    assert!(!page.contains("does not track you"), "{page}");
    // The footer of every page leads to it.
    assert!(site
        .read("about/index.html")
        .contains("href=\"../privacy/\""));
    // Without it, attune's own page is there.
    site.remove("content/privacy.md");
    site.build().assert_code(0);
    assert!(site
        .read("privacy/index.html")
        .contains("does not track you"));
}

#[test]
fn a_slug_hugo_keeps_as_written_is_an_old_address_too() {
    // Let's Encrypt's `documents/ISRG-CP-CPS-v5.8.html` has `slug: isrg-cp-cps-v5.8`:
    // Hugo publishes it at `/documents/isrg-cp-cps-v5.8/`, the dot kept, and pages link
    // there.
    let site = Fixture::new("hugo");
    site.write(
        "content/docs/policy.md",
        "---\ntitle: Policy\nslug: Policy v5.8\n---\nThe policy.\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nSee [the policy](/docs/policy-v5.8/) and [again](/docs/policy-v5-8/).\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/third/index.html");
    assert!(
        body(&page).contains("<a href=\"../../docs/policy/\" id=\"ref-1\">the policy</a> and <a href=\"../../docs/policy/\" id=\"ref-2\">again</a>"),
        "{page}"
    );
    assert!(site
        .read("docs/policy-v5.8/index.html")
        .contains("docs/policy/"));
    // Hugo's `url:`, the page's whole address on the Hugo site, is one too.
    site.write(
        "content/docs/team.md",
        "---\ntitle: Team\nurl: /about-us/\n---\nWho we are.\n",
    );
    site.write(
        "content/docs/old.md",
        "---\ntitle: Old\nurl: \"/legacy/old-page.html\"\n---\nKept.\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nSee [us](/about-us/) and [the old page](/legacy/old-page.html).\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/third/index.html");
    assert!(
        body(&page).contains("<a href=\"../../docs/team/\" id=\"ref-1\">us</a> and <a href=\"../../docs/old/\" id=\"ref-2\">the old page</a>"),
        "{page}"
    );
    assert!(site.read("legacy/old-page.html").contains("docs/old/"));
}

#[test]
fn the_address_hugo_gave_a_page_in_a_dotted_folder_is_an_old_address_too() {
    // etcd-io/website: `content/en/docs/v3.6/install.md` is `/docs/v3.6/install/` on
    // etcd.io (Hugo keeps the dot); attune's address is `docs/v3-6/install/`, and the
    // address readers and other sites link to led nowhere. Each page whose Hugo address
    // differs keeps it as an old address: a redirect page, and links to it lead there.
    let site = Fixture::new("hugo");
    site.write("hugo.toml", "baseURL = \"https://example.org/\"\n");
    site.write(
        "content/docs/v3.6/_index.md",
        "---\ntitle: Version 3.6\n---\nThe docs.\n",
    );
    site.write(
        "content/docs/v3.6/install.md",
        "---\ntitle: Install\n---\nInstall it.\n",
    );
    site.write(
        "content/docs/v3.6/op guide/C++ notes.md",
        "---\ntitle: Notes\n---\nNotes.\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nSee [install](/docs/v3.6/install/), [the docs](/docs/v3.6/) and [notes](/docs/v3.6/op-guide/c++-notes/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let html = site.read("posts/third/index.html");
    let page = body(&html);
    assert!(
        page.contains("<a href=\"../../docs/v3-6/install/\" id=\"ref-1\">install</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"../../docs/v3-6/\" id=\"ref-2\">the docs</a>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../docs/v3-6/op-guide/c-notes/\" id=\"ref-3\""),
        "{page}"
    );
    assert!(site
        .read("docs/v3.6/install/index.html")
        .contains("docs/v3-6/install/"));
    assert!(site.read("docs/v3.6/index.html").contains("docs/v3-6/"));
    // Not on a Zola site, whose addresses are slugs as attune's are.
    site.write("config.toml", "base_url = \"https://example.org\"\n");
    site.build().assert_code(0);
    assert!(!site.path("public/docs/v3.6").exists());
}

#[test]
fn with_disable_path_to_lower_the_address_hugo_gave_a_page_keeps_its_letter_case() {
    // halfrost/LeetCode-Go: `disablePathToLower = true`, so Hugo published
    // `content/ChapterFour/0997.Find-the-Town-Judge.md` at
    // `/ChapterFour/0997.Find-the-Town-Judge/`; the redirect page for that old address
    // was written in lower case, which a case-sensitive host never serves.
    let site = Fixture::new("hugo");
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ndisablePathToLower = true\n",
    );
    site.write(
        "content/Guide/0001.Two-Sum.md",
        "---\ntitle: Two Sum\n---\nText.\n",
    );
    site.write("content/Guide/Intro.md", "---\ntitle: Intro\n---\nText.\n");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nSee [two sum](/Guide/0001.Two-Sum/) and [intro](/Guide/Intro/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    assert!(
        page.contains("href=\"../../guide/0001-two-sum/\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../guide/intro/\""), "{page}");
    assert!(site
        .read("Guide/0001.Two-Sum/index.html")
        .contains("guide/0001-two-sum/"));
    assert!(!site.path("public/guide/0001.two-sum").exists());
    // Without it, Hugo's address is in lower case.
    site.write("hugo.toml", "baseURL = \"https://example.org/\"\n");
    site.build().assert_code(0);
    assert!(site.path("public/guide/0001.two-sum/index.html").is_file());
    assert!(!site.path("public/Guide").exists());
}

#[test]
fn a_footnote_reference_in_brackets_is_one_not_a_wikilink() {
    // rOpenSci's blog: "published in 2010 [[^1]]." with `[^1]:` below, as Hugo's
    // goldmark reads it: a footnote reference between brackets.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nPublished in 2010 [[^1]]. A [[^missing]] one.\n\n[^1]: Münch et al.\n",
    );
    let run = site.run(&["build"]);
    run.assert_code(0)
        .assert_stderr_contains("'^missing' is not written yet");
    assert!(!run.stderr.contains("'^1'"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    assert!(text.contains("2010 [<sup"), "{text}");
    assert!(text.contains("Münch et al."), "{text}");
    assert!(!text.contains("[[^1]]"), "{text}");
}

#[test]
fn a_cascaded_draft_or_build_option_holds_back_the_pages_below_as_hugo_does() {
    let site = Fixture::new("hugo");
    // A section that cascades `draft: true` (and a template key, passed over): its
    // pages are drafts, except one that says otherwise; the section's text stays.
    site.write(
        "content/archive/_index.md",
        "---\ntitle: Archive\ncascade:\n  draft: true\n  type: docs\n---\nOld things.\n",
    );
    site.write("content/archive/old.md", "---\ntitle: Old\n---\nOld.\n");
    site.write(
        "content/archive/kept.md",
        "---\ntitle: Kept\ndraft: false\n---\nKept.\n",
    );
    // A list of entries with `_target`: only the pages its path glob and kind select.
    site.write(
        "content/posts/_index.md",
        "+++\ntitle = \"Posts\"\n[[cascade]]\n[cascade._target]\npath = \"/posts/second*\"\nkind = \"page\"\n[cascade._build]\nrender = \"never\"\n+++\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("cascade"), "{}", run.stderr);
    assert!(!site.path("public/archive/old/index.html").exists());
    assert!(site.path("public/archive/kept/index.html").exists());
    assert!(site.read("archive/index.html").contains("Old things."));
    assert!(!site.path("public/posts/second-post/index.html").exists());
    assert!(site.path("public/posts/first-post/index.html").exists());
    // `--drafts` builds the drafts, never what is not rendered.
    site.run(&["build", "--drafts"]).assert_code(0);
    assert!(site.path("public/archive/old/index.html").exists());
    assert!(!site.path("public/posts/second-post/index.html").exists());
}

/// opentelemetry.io's `hugo.yaml` cascades `build: {render: never, list: never}` to
/// every `_includes` folder (text its shortcodes include): attune published each as a
/// page, `{{ $1 }}` placeholders and all, and listed them on hubs.
#[test]
fn the_site_configurations_cascade_applies_from_the_home_page() {
    let site = Fixture::new("hugo");
    site.write(
        "hugo.yaml",
        "title: Site\ncascade:\n  - build: { list: never, publishResources: false, render: never }\n    target: { path: '{,/**}/_includes{,/**}' }\n",
    );
    site.write(
        "content/_includes/drifted.md",
        "---\n---\nThis page may be outdated.\n",
    );
    site.write(
        "content/posts/_includes/keep-current.md",
        "---\n---\n## Keeping {{ $1 }} current\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("_includes"), "{}", run.stderr);
    assert!(!site.path("public/_includes").exists());
    assert!(!site.path("public/posts/_includes").exists());
    assert!(!site.read("posts/index.html").contains("Keeping"));
    assert!(site.path("public/posts/first-post/index.html").exists());
    // In TOML, as one table.
    site.remove("hugo.yaml");
    site.write(
        "hugo.toml",
        "title = \"Site\"\n[cascade]\n[cascade.build]\nrender = \"never\"\nlist = \"never\"\n[cascade.target]\npath = \"/posts/**\"\n",
    );
    site.build().assert_code(0);
    assert!(!site.path("public/posts/first-post/index.html").exists());
    assert!(site.path("public/_includes/drifted/index.html").exists());
}

#[test]
fn a_link_to_an_id_on_attunes_own_home_page_is_checked() {
    // rOpenSci's posts link `/#subscribe`, a form its theme's home page held: with no
    // home article, attune's home page has no such id, so the link is reported, as an
    // independent link checker finds it.
    let site = Fixture::new("hugo");
    site.remove("content/_index.md");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n[Subscribe](/#subscribe) or [search](/#main).\n",
    );
    site.build().assert_code(1).assert_stderr_contains(
        "error: no heading or id 'subscribe' in the home page\n --> content/posts/third.md:4:1",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n[Search](/#main).\n",
    );
    site.build().assert_code(0);
}

#[test]
fn a_themes_own_relations_of_another_shape_are_left_out_with_a_warning() {
    // Linode's docs theme writes `relations: {platform: {key: …, keywords: […]}}`;
    // attune's `relations` is a mapping of lists of notes. Left out with a warning at
    // its line, as `weight` of another shape is, so the page is still published.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/linode.md",
        "---\ntitle: Install Nginx\nrelations:\n    platform:\n        key: install-nginx\n        keywords:\n            - distribution: Debian 12\n---\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "warning: front matter: `relations` holds something other than lists of notes, so it is left out\n --> content/posts/linode.md:3:1",
    );
    let page = site.read("posts/linode/index.html");
    assert!(page.contains("Install Nginx"), "{page}");
}

#[test]
fn a_ref_in_a_leaf_bundle_is_read_from_the_folder_the_bundle_sits_in() {
    // regisphilibert.com: `{{< ref "part-2" >}}` in `post/multilingual-series/part-1/index.md`
    // and `{{< ref "hugo-translator/index.md#associative-arrays" >}}` in
    // `post/hugo-scratch/index.md`: Hugo's `GetPage` reads a relative path from the
    // bundle's container, where a second series with its own `part-2` is no rival.
    let site = Fixture::new("hugo");
    for series in ["multilingual-series", "partials-series"] {
        for part in ["part-1", "part-2"] {
            site.write(
                &format!("content/post/{series}/{part}/index.md"),
                format!("---\ntitle: {series} {part}\n---\n## Associative arrays\n\nText.\n"),
            );
        }
    }
    site.write(
        "content/post/multilingual-series/part-1/index.md",
        "---\ntitle: Multilingual 1\n---\nIn the [second part]({{< ref \"part-2\" >}}), and \
         [the other series]({{< ref \"../partials-series/part-1\" >}}).\n",
    );
    site.write(
        "content/post/hugo-scratch/index.md",
        "---\ntitle: Scratch\n---\nAs [explained]({{< ref \"multilingual-series/part-2/index.md#associative-arrays\" >}}).\n",
    );
    let run = site.build();
    run.assert_code(0);
    for code in ["missing-note", "ambiguous-link", "broken-link"] {
        assert!(!run.stderr.contains(code), "{}", run.stderr);
    }
    let page = body(&site.read("post/multilingual-series/part-1/index.html")).to_string();
    assert!(
        page.contains("href=\"../../../post/multilingual-series/part-2/\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../../post/partials-series/part-1/\""),
        "{page}"
    );
    let page = body(&site.read("post/hugo-scratch/index.html")).to_string();
    assert!(
        page.contains("href=\"../../post/multilingual-series/part-2/#associative-arrays\""),
        "{page}"
    );
}

/// A post in a folder of its own that is not a bundle (`blog/ICML24/ICML24.md`, its
/// images beside it) with `aliases: ["/blog/ICML24/"]`: Hugo gives the folder no page,
/// so the alias is a redirect there. attune publishes the folder's hub at that address,
/// which lists the post: the alias is nothing to redirect, not a URL collision.
#[test]
fn an_alias_naming_the_page_s_own_folder_is_its_hub() {
    let site = Fixture::new("hugo");
    site.write(
        "content/blog/ICML24/ICML24.md",
        "---\ntitle: ICML 2024\naliases: [\"/blog/ICML24/\"]\n---\nText.\n",
    );
    site.write(
        "content/blog/other.md",
        "---\ntitle: Other\naliases: [\"/blog/\"]\n---\nSee [the post](/blog/ICML24/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("url-collision"), "{}", run.stderr);
    assert!(!run.stderr.contains("would publish"), "{}", run.stderr);
    let hub = site.read("blog/icml24/index.html");
    assert!(hub.contains("ICML 2024"), "{hub}");
}

/// spiffe/spiffe.io's first chapter, `docs/latest/spiffe-about/overview.md`, has
/// `aliases: [/docs/latest]`: Hugo gives `docs/latest/` (no `_index.md`) no page, so
/// the alias is a redirect there; attune draws the folder's hub there, leading to the
/// chapter, and said the alias "would publish" it. A folder above with its own text
/// keeps the report.
#[test]
fn an_alias_naming_a_folder_above_with_no_text_of_its_own_is_its_hub() {
    let site = Fixture::new("hugo");
    site.write(
        "content/docs/latest/about/overview.md",
        "---\ntitle: Overview\naliases: [/docs/latest, /docs/latest/about]\n---\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("would publish"), "{}", run.stderr);
    let hub = site.read("docs/latest/index.html");
    assert!(hub.contains("About"), "{hub}");
    // `docs/` has its own text (`docs/_index.md`, "Documentation").
    site.write(
        "content/docs/latest/about/overview.md",
        "---\ntitle: Overview\naliases: [/docs]\n---\nText.\n",
    );
    site.build().assert_stderr_contains(
        "the alias '/docs' of 'overview' would publish '/docs/', which the topic hub 'docs'",
    );
}

/// Hugo Blox's (Wowchemy's, the Academic theme's) widget pages, as TimTeaFan/tt_website
/// writes them: the home page's text is the headless bundle `home/`, one file per
/// section, and `type: widget_page` makes any bundle such a page. Hugo publishes no
/// widget file as a page, so the home page lost its biography and `/#contact` its
/// target; `summary: []`, as the starters write an unused property, warned.
#[test]
fn a_hugo_blox_widget_page_shows_its_widgets_in_order() {
    let site = Fixture::new("hugo");
    std::fs::remove_file(site.path("content/_index.md")).unwrap();
    site.write(
        "config.toml",
        "baseurl = \"https://example.org/\"\ntheme = \"academic\"\n",
    );
    site.write(
        "content/home/index.md",
        "+++\n# Homepage\ntype = \"widget_page\"\nheadless = true\n+++\n",
    );
    site.write(
        "content/home/contact.md",
        "+++\nwidget = \"contact\"\nheadless = true\nactive = true\nweight = 130\ntitle = \"Contact\"\n+++\nWrite to [the clinic](../posts/first.md).\n",
    );
    site.write(
        "content/home/about.md",
        "+++\nwidget = \"about\"\nheadless = true\nweight = 20\ntitle = \"Biography\"\n+++\n\nI am a counsellor in Leeds.\n",
    );
    site.write(
        "content/home/posts.md",
        "+++\nwidget = \"pages\"\nheadless = true\nweight = 30\ntitle = \"Recent Posts\"\n[content]\npage_type = \"post\"\n+++\n",
    );
    site.write(
        "content/home/old.md",
        "+++\nwidget = \"blank\"\nactive = false\nweight = 10\ntitle = \"Old\"\n+++\nNot shown.\n",
    );
    site.write(
        "content/talks/index.md",
        "---\ntitle: Talks\ntype: widget_page\nsummary: []\n---\nWhere I speak.\n",
    );
    site.write(
        "content/talks/recent.md",
        "---\nwidget: blank\ntitle: Recent talks\n---\nOn grief, in May.\n",
    );
    site.write(
        "content/posts/first.md",
        "---\ntitle: First\nsummary: []\n---\nBook via [contact](/#contact), read [about me](/#about) or [my talks](/talks/#recent).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    for absent in ["bundle-resource", "broken", "no heading", "summary"] {
        assert!(!run.stderr.contains(absent), "{absent}: {}", run.stderr);
    }
    // A problem in a widget's text is at its own line.
    site.write(
        "content/home/about.md",
        "+++\nwidget = \"about\"\nweight = 20\ntitle = \"Biography\"\n+++\n\nSee [nothing](nowhere.md).\n",
    );
    site.run(&["check"])
        .assert_stderr_contains("'nowhere.md' is not written yet")
        .assert_stderr_contains("--> content/home/about.md:7:5");
    site.write(
        "content/home/about.md",
        "+++\nwidget = \"about\"\nweight = 20\ntitle = \"Biography\"\n+++\n\nI am a counsellor in Leeds.\n",
    );
    site.build().assert_code(0);
    let home = site.read("index.html");
    let about = home.find("<h2 id=\"about\">Biography").expect(&home);
    let posts = home.find("<div id=\"posts\"></div>").expect(&home);
    let contact = home.find("<h2 id=\"contact\">Contact").expect(&home);
    assert!(about < posts && posts < contact, "{home}");
    assert!(home.contains("I am a counsellor in Leeds."), "{home}");
    assert!(
        !home.contains("Not shown") && !home.contains("Recent Posts"),
        "{home}"
    );
    let talks = body(&site.read("talks/index.html")).to_string();
    assert!(talks.contains("Where I speak."), "{talks}");
    assert!(talks.contains("<h2 id=\"recent\">Recent talks"), "{talks}");
    assert!(!site.path("public/home").exists());
    assert!(!site.path("public/talks/recent").exists());
}

/// vitessio/website: `programs/vtbackup.md` beside the section `programs/vtbackup/`
/// (its `_index.md`), where Hugo publishes the section and passes the page over; and
/// each version's copy of a page keeping one old file address
/// (`aliases: [/user-guide/sharding.html]`). Both were errors that stopped the build.
#[test]
fn a_page_beside_its_own_section_and_a_shared_old_file_address_are_warnings() {
    let site = Fixture::new("hugo");
    site.write("hugo.toml", "baseURL = \"https://example.org/\"\n");
    site.write(
        "content/docs/programs/vtbackup.md",
        "---\ntitle: vtbackup\n---\nThe old page.\n",
    );
    site.write(
        "content/docs/programs/vtbackup/_index.md",
        "---\ntitle: vtbackup\n---\nThe section text.\n",
    );
    site.write(
        "content/docs/programs/vtbackup/flags.md",
        "---\ntitle: Flags\n---\nSee [vtbackup](../vtbackup.md).\n",
    );
    for version in ["v1", "v2"] {
        site.write(
            &format!("content/docs/{version}/sharding.md"),
            "---\ntitle: Sharding\naliases: [/user-guide/sharding.html]\n---\nShards.\n",
        );
    }
    let run = site.run(&["check"]);
    run.assert_stderr_contains(
        "warning: 'docs/programs/vtbackup.md' is passed over, as Hugo passes it over: the section `docs/programs/vtbackup/` (its `_index.md`) is published at the same address\n --> content/docs/programs/vtbackup.md:1:1",
    );
    // With the default `broken_links`, the shared old address is an error naming both;
    // with "warn", a warning, and the first page keeps it.
    run.assert_code(1)
        .assert_stderr_contains("error: the alias '/user-guide/sharding.html' of 'sharding' would publish '/user-guide/sharding.html'");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\nbroken_links = \"warn\"\n"),
    );
    site.build().assert_code(0);
    assert!(site
        .read("docs/programs/vtbackup/index.html")
        .contains("The section text."));
    assert!(site
        .read("user-guide/sharding.html")
        .contains("docs/v1/sharding/"));
    let flags = site.read("docs/programs/vtbackup/flags/index.html");
    assert!(!flags.contains("The old page"), "{flags}");
}

#[test]
fn a_hugo_page_asking_for_math_reads_mathjaxs_delimiters() {
    // dillonzq/LoveIt's example site (`math: true` on the page, `[params.math] enable
    // = true` for the site) writes `\\( … \\)` and `\\[ … \\]`, which KaTeX reads once
    // Markdown has taken a backslash off: shown as TeX text. A page that does not ask
    // for math keeps them as text, as its theme shows them.
    let site = Fixture::new("hugo");
    site.write("hugo.yaml", "baseURL: https://example.org/\ntitle: Hugo\n");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\nmath: true\n---\nInline \\\\(f(x)=x^2\\\\) and\n\n\\\\[ a=b+c \\\\]\n",
    );
    site.write(
        "content/posts/fourth.md",
        "---\ntitle: Fourth\nmath:\n  enable: true\n---\nLoveIt's form \\\\(y\\\\).\n",
    );
    site.write(
        "content/posts/fifth.md",
        "---\ntitle: Fifth\n---\nNo math \\\\(z\\\\) here.\n",
    );
    // The key is read, so no warning says it is not (PaperMod's demo: "unknown front
    // matter key `math` is ignored — did you mean `path`?").
    let run = site.run(&["check"]);
    assert!(!run.stderr.contains("`math`"), "{}", run.stderr);
    site.build().assert_code(0);
    let third = site.read("posts/third/index.html");
    assert_eq!(third.matches("<math").count(), 2, "{third}");
    assert!(site.read("posts/fourth/index.html").contains("<math"));
    let fifth = site.read("posts/fifth/index.html");
    assert!(
        !fifth.contains("<math") && fifth.contains("\\(z\\)"),
        "{fifth}"
    );
}

#[test]
fn a_hugo_sites_passthrough_delimiters_are_math() {
    // Hextra's docs, as Hugo's documentation advises: goldmark's passthrough turned on
    // in the configuration, formulas written `\( … \)` and `\[ … \]` with one
    // backslash, left as written by Markdown and drawn by the theme. They were shown
    // as `( \sigma(z) = … )`, Markdown having taken the backslashes as escapes.
    let site = Fixture::new("hugo");
    site.write(
        "hugo.yaml",
        "baseURL: https://example.org/\ntitle: Hugo\nmarkup:\n  goldmark:\n    extensions:\n      passthrough:\n        delimiters:\n          block: [['\\[', '\\]'], ['$$', '$$']]\n          inline: [['\\(', '\\)']]\n        enable: true\n",
    );
    site.write(
        "content/posts/math.md",
        "---\ntitle: Math\n---\nThis \\( \\sigma(z) = \\frac{1}{1 + e^{-z}} \\) is inline.\n\n\\[\na_{1} + b_{2}\n\\]\n\nCode `\\(x\\)`, escaped \\\\(y\\\\), unclosed \\( here.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("posts/math/index.html");
    let page = body(&page);
    assert_eq!(page.matches("<math").count(), 2, "{page}");
    assert!(page.contains("display=\"block\""), "{page}");
    assert!(page.contains("<code>\\(x\\)</code>"), "{page}");
    assert!(!page.contains("\\sigma"), "{page}");
    assert!(page.contains("unclosed ( here"), "{page}");
    // Turned off (or not configured), the same text is Markdown's.
    site.write("hugo.yaml", "baseURL: https://example.org/\ntitle: Hugo\n");
    site.build().assert_code(0);
    let page = site.read("posts/math/index.html");
    assert!(!body(&page).contains("<math"), "{page}");
}
