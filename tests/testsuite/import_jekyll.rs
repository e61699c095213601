//! A Jekyll site (GitHub Pages' tool), as a project's `docs/` folder keeps one: its
//! machinery (`_layouts/`, `_includes/`, `_config.yml`, `Gemfile`) is not published,
//! its posts and output collections are, `_config.yml`'s `exclude:` is honoured, and
//! its page links (`{% link %}`, `{% post_url %}`, `{{ site.baseurl }}`,
//! `relative_url`) are links to the pages they name.

use crate::support::Fixture;

/// A Jekyll site in `docs/`, in the shape of Foam's and Just the Docs' own docs.
fn jekyll_site() -> Fixture {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\nmissing_links = \"warn\"\n",
    );
    site.write(
        "docs/_config.yml",
        "title: Care notes\nbaseurl: \"/care\"\npermalink: pretty\nexclude:\n  - README.md\n  - scripts/\ncollections:\n  stories:\n    output: true\n  staff:\n    output: false\n",
    );
    site.write(
        "docs/_layouts/default.html",
        "---\nlayout: base\n---\n<main>{{ content }}</main>\n{% include footer.html %}\n",
    );
    site.write(
        "docs/_includes/footer.html",
        "<footer>{{ site.title }}</footer>\n",
    );
    site.write("docs/_sass/main.scss", "body { color: black; }\n");
    site.write("docs/_data/nav.yml", "- title: Home\n");
    site.write("docs/Gemfile", "source \"https://rubygems.org\"\n");
    site.write("docs/scripts/tool.md", "# A script's notes\n");
    site.write("docs/README.md", "# For people reading the repository\n");
    site.write(
        "docs/404.html",
        "---\nlayout: default\ntitle: Not found\npermalink: /404\n---\n<p>Go to <a href=\"{{ '/' | relative_url }}\">the home page</a>.</p>\n",
    );
    site.write(
        "docs/index.md",
        "---\nlayout: default\ntitle: Care notes\n---\n\
         Start with [setting up]({% link guide/setup.md %}), \
         [installing]({{ site.baseurl }}/guide/setup/#install), \
         [the first post]({% post_url 2024-01-02-hello %}), \
         [a story]({{ \"/_stories/one.md\" | relative_url }}) \
         and [the readme](README.md).\n\n\
         By Jekyll's addresses: [the post](/news/2024/01/02/hello/), [the story](/stories/one/), \
         [the old setup page]({{ site.baseurl }}/old-setup/) \
         and [the second post]({% post_url 2024-02-03-second %}); [home]({{ site.baseurl }}).\n\n\
         ![Calm]({{ '/assets/calm.png' | relative_url }})\n",
    );
    site.write("docs/assets/calm.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "docs/guide/setup.md",
        "---\ntitle: Setting up\nnav_order: 2\nredirect_from:\n  - /old-setup/\n---\n## Install\n\nSteps, [without sudo](intro.md#no-sudo).\n",
    );
    site.write(
        "docs/guide/intro.md",
        "---\ntitle: Introduction\nnav_order: 1\n---\nFirst.\n\n## Running it without sudo\n{: #no-sudo}\n\nA note.\n{: .note .info}\n",
    );
    site.write(
        "docs/_posts/2024-01-02-hello.md",
        "---\ntitle: Hello\ncategory: News\n---\nThe first post.\n",
    );
    site.write(
        "docs/_posts/2024-02-03-second.markdown",
        "---\ntitle: Second\n---\nThe second post.\n",
    );
    site.write(
        "docs/_stories/one.md",
        "---\ntitle: One story\n---\nA story.\n",
    );
    // A post with its own `permalink` keeps that one, not the site's pattern's.
    site.write(
        "docs/_posts/2024-03-04-own.md",
        "---\ntitle: Own\npermalink: /own-place/\n---\nIts own.\n",
    );
    // A post named with a two-byte letter across its date's end: no date, no panic.
    site.write(
        "docs/_posts/2016-04-1é-odd.md",
        "---\ntitle: Odd\n---\nOdd.\n",
    );
    site.write("docs/_staff/ann.md", "---\ntitle: Ann\n---\nSTAFF-DATA\n");
    site.write(
        "docs/_drafts/later.md",
        "---\ntitle: Later\n---\nDRAFT-TEXT\n",
    );
    site
}

#[test]
fn a_jekyll_sites_machinery_is_not_published_and_its_page_links_lead_to_pages() {
    let site = jekyll_site();
    let run = site.build();
    run.assert_code(0);
    for quiet in [
        "not supported",
        "layout",
        "{{ content }}",
        "orphan: 'one'",
        "no-sudo",
    ] {
        assert!(!run.stderr.contains(quiet), "{quiet}: {}", run.stderr);
    }
    // kramdown's attribute lines: an id after a heading is its anchor, a class after
    // a paragraph styles it; neither is shown (jekyll/jekyll's docs: `{: #no-sudo}`).
    let intro = site.read("guide/intro/index.html");
    assert!(intro.contains("<a id=\"no-sudo\"></a>"), "{intro}");
    assert!(!intro.contains("{:"), "{intro}");
    // A top-level `404.html` page is at the address of attune's own not-found page.
    run.assert_stderr_contains(
        "404.html is a Jekyll site's page at /404/, the address of the not-found page attune writes",
    );
    // The readme `_config.yml` leaves out: a link to it says why.
    run.assert_stderr_contains("`exclude` in _config.yml");
    let out = site.path("public");
    for gone in [
        "_layouts",
        "_includes",
        "_sass",
        "_data",
        "_config.yml",
        "Gemfile",
        "scripts",
        "README",
        "readme",
        "_staff",
        "_drafts",
    ] {
        assert!(!out.join(gone).exists(), "{gone} was published");
    }
    let all = walk_text(&out);
    for secret in ["STAFF-DATA", "DRAFT-TEXT", "{{ content }}", "footer.html"] {
        assert!(!all.contains(secret), "{secret} was published");
    }
    let home = site.read("index.html");
    let by_address = home.split("By Jekyll").nth(1).unwrap_or_default();
    let by_address = by_address.split("</p>").next().unwrap_or_default();
    let hrefs: Vec<&str> = by_address.split("href=\"").skip(1).collect();
    let hrefs: Vec<&str> = hrefs.iter().map(|h| h.split('"').next().unwrap()).collect();
    assert_eq!(
        hrefs,
        [
            "./_posts/2024-01-02-hello/",
            "./_stories/one/",
            "./guide/setup/",
            "./_posts/2024-02-03-second/",
            "./"
        ],
        "{home}"
    );
    for link in [
        "href=\"./guide/setup/\"",
        "href=\"./guide/setup/#install\"",
        "href=\"./_posts/2024-01-02-hello/\"",
        "href=\"./_stories/one/\"",
        "src=\"./assets/calm.png\"",
    ] {
        assert!(home.contains(link), "{link}: {home}");
    }
    let post = site.read("_posts/2024-01-02-hello/index.html");
    assert!(post.contains("The first post."), "{post}");
    assert!(site.read("_stories/one/index.html").contains("A story."));
    // Jekyll's addresses of the post, the story and the moved page lead there.
    for old in [
        "news/2024/01/02/hello",
        "stories/one",
        "old-setup",
        "own-place",
    ] {
        let redirect = site.read(&format!("{old}/index.html"));
        assert!(
            redirect.contains("http-equiv=\"refresh\""),
            "{old}: {redirect}"
        );
    }
    assert!(!site.path("public/2024/03/04/own").exists());
    // `nav_order` orders the guide as Just the Docs does.
    let hub = site.read("guide/index.html");
    let (intro, setup) = (hub.find("Introduction"), hub.find("Setting up"));
    assert!(intro.is_some() && intro < setup, "{hub}");
}

/// Every text file of `dir`, joined.
fn walk_text(dir: &std::path::Path) -> String {
    let mut all = String::new();
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            all.push_str(&text);
        }
    }
    all
}

#[test]
fn a_hexo_sites_own_files_and_keys_are_its_own_and_its_heading_ids_lead_to_headings() {
    // Hexo's own site: `source/` beside `_config.yml`, `_posts/` published and
    // `_data/`, `_drafts/` not; `layout` and `comments` are Hexo's keys; a link to
    // `#Settings-amp-Their-Default-Values`, the id Hexo makes of "Settings & Their
    // Default Values", was a broken anchor.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"source\"\n",
    );
    site.write(
        "_config.yml",
        "title: Hexo\npermalink: news/:year/:month/:day/:title/\n",
    );
    site.write("source/_data/menu.yml", "docs: /docs/\n");
    site.write(
        "source/_drafts/later.md",
        "---\ntitle: Later\n---\nDRAFT-TEXT\n",
    );
    site.write(
        "source/_posts/2024-01-02-hello.md",
        "---\ntitle: Hello\nlayout: post\ncomments: false\n---\nSee [the settings](../docs/front-matter.html#Settings-amp-Their-Default-Values).\n\n{% note warning %}\nMind **this**.\n{% endnote %}\n",
    );
    site.write(
        "source/docs/front-matter.md",
        "---\ntitle: Front matter\n---\n## Settings & Their Default Values\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("front matter key"), "{}", run.stderr);
    assert!(!run.stderr.contains("Settings-amp"), "{}", run.stderr);
    let post = site.read("_posts/2024-01-02-hello/index.html");
    assert!(
        post.contains("docs/front-matter/#settings--their-default-values\""),
        "{post}"
    );
    assert!(post.contains("callout-warning"), "{post}");
    assert!(post.contains("Mind <strong>this</strong>."), "{post}");
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    assert!(!site.path("public/_data").exists());
    assert!(!site.path("public/_drafts").exists());
    assert!(!walk_text(&site.path("public")).contains("DRAFT-TEXT"));
}

#[test]
fn kramdown_s_markdown_in_html_span_attributes_and_toc_read_as_jekyll_reads_them() {
    // Just the Docs' own docs: `<div class="code-example" markdown="1">` with the
    // Markdown right under it, a fence right after `</div>`, `[Link](…){: .btn }`,
    // `**bold**{: .x}` and `1. TOC` / `{:toc}` were shown as written.
    let site = jekyll_site();
    site.write(
        "docs/guide/buttons.md",
        "---\ntitle: Buttons\n---\n## Table of contents\n{: .no_toc .text-delta }\n\n1. TOC\n{:toc}\n\n\
         ## Links that look like buttons\n\n\
         <div class=\"code-example\" markdown=\"1\">\n[Link button](https://just-the-docs.com){: .btn }\n\n\
         <span class=\"fs-6\">\n[Big button](https://just-the-docs.com){:target=\"_blank\"}\n</span>\n</div>\n\
         ```markdown\n[Link button](https://just-the-docs.com){: .btn }\n```\n\n\
         ## Button element\n\n<div class=\"code-example\">\n<button type=\"button\" class=\"btn\">Button</button>\n</div>\n\
         ```html\n<button type=\"button\">Button</button>\n```\n\n\
         Say it **loudly**{: .text-red } and `code`{:.k}.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("guide/buttons/index.html");
    let start = page.find("<div class=\"article-body\">").unwrap();
    let body = &page[start..page[start..].find("</article>").unwrap() + start];
    for shown in [
        "<div class=\"code-example\">\n<p><a href=\"https://just-the-docs.com\">Link button</a></p>",
        "<p><span class=\"fs-6\"><!-- -->\n<a href=\"https://just-the-docs.com\">Big button</a>\n</span></p>",
        "<code class=\"language-markdown\">",
        "<code class=\"language-html\">",
        "Say it <strong>loudly</strong> and <code>code</code>.",
        "<!-- toc -->",
    ] {
        assert!(body.contains(shown), "{shown}\nin\n{body}");
    }
    // Kept only in the code blocks, which show it as written.
    for gone in [
        "```",
        "</a>{",
        "</strong>{",
        "</code>{",
        "markdown=\"1\"",
        "TOC",
    ] {
        assert!(!body.contains(gone), "{gone}\nin\n{body}");
    }
}

#[test]
fn an_inline_tag_alone_on_its_line_opens_a_paragraph_as_kramdown_reads_it() {
    // Jekyll's own docs (collections): `<em>` alone on a line, then text with a link,
    // then `</em>`: CommonMark read it as raw HTML to the blank line, and the link
    // showed as `[posts](/docs/posts/)`.
    let site = jekyll_site();
    site.write(
        "docs/guide/collections.md",
        "---\ntitle: Collections\n---\nIntro.\n\n<em>\n  Posts are [a collection](/guide/buttons/) too.\n</em>\n\n<span class=\"note\">\n\nAlone.\n</span>\n",
    );
    site.write("docs/guide/buttons.md", "---\ntitle: Buttons\n---\nText.\n");
    let run = site.build();
    run.assert_code(0);
    let page = site.read("guide/collections/index.html");
    assert!(
        page.contains("<p><em><!-- -->\nPosts are <a href=\"../../guide/buttons/\""),
        "{page}"
    );
    assert!(!page.contains("[a collection]"), "{page}");
}

#[test]
fn a_pages_own_front_matter_values_stand_for_page_variables() {
    // bytecodealliance.org's post on tooling versions writes `{{ page.wasmtime }}` in
    // its table and its links' addresses, from its front matter: 63 warnings, and
    // every version left out.
    let site = jekyll_site();
    site.write(
        "docs/guide/versions.md",
        "---\ntitle: Versions\nwasmtime: 7.0.0\nstable: true\n---\n\
         Use [wasmtime]({{ page.wasmtime }}) ({{ page.wasmtime }}), stable: {{page.stable}}.\n\n\
         Not set: {{ page.missing }}; a filter: {{ page.title | upcase }}.\n",
    );
    site.write("docs/guide/7.0.0.md", "# Seven\n");
    let run = site.build();
    run.assert_code(0);
    let page = site.read("guide/versions/index.html");
    assert!(
        page.contains("guide/7-0-0/\" id=\"ref-1\">wasmtime</a> (7.0.0), stable: true."),
        "{page}"
    );
    // A key the page does not have, and Liquid's filters, stay reported.
    run.assert_stderr_contains("`{{ page.missing }}` is not supported");
    run.assert_stderr_contains("`{{ page.title | upcase }}` is not supported");
    assert!(!page.contains("page.missing"), "{page}");
}

/// jekyll/jekyll's docs link `[#9762]({{ site.repository }}/issues/9762)` (3,047 links in
/// 23 files) and write `**{{ site.data.ruby.min_version }}**`; Audiveris' handbook
/// `{{ site.audiveris_functional_version }}`: each was reported and left out, the links
/// published as text. `site.` reads `_config.yml`, `site.data.` the data folder's YAML
/// and JSON files, as Jekyll does; a key it has not stays reported.
#[test]
fn the_sites_config_and_data_files_stand_for_site_variables() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "docs/_config.yml",
        "title: Care notes\nrepository: https://example.org/care\nversion: 5.11\nlinks:\n  help: /guide/help/\ndata_dir: _info\n",
    );
    site.write("docs/_info/ruby.yml", "min_version: 2.7.0\n");
    site.write("docs/_info/team/leads.json", "{\"first\": \"Ana\"}\n");
    site.write("docs/_info/broken.yml", "a: [\n");
    site.write("docs/guide/help.md", "---\ntitle: Help\n---\nText.\n");
    site.write(
        "docs/guide/news.md",
        "---\ntitle: News\n---\n\
         Fixed ([#9762]({{ site.repository }}/issues/9762)) in {{ site.version }}, \
         Ruby **{{ site.data.ruby.min_version }}**, led by {{ site.data.team.leads.first }}; \
         [help]({{ site.links.help }}).\n\nNot set: {{ site.nothing }}.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("guide/news/index.html");
    assert!(
        page.contains("Fixed (<a href=\"https://example.org/care/issues/9762\">#9762</a>) in 5.11, Ruby <strong>2.7.0</strong>, led by Ana;"),
        "{page}"
    );
    assert!(page.contains("href=\"../../guide/help/\""), "{page}");
    run.assert_stderr_contains("`{{ site.nothing }}` is not supported");
    assert!(!run.stderr.contains("site.version"), "{}", run.stderr);
}

/// 1DSAG/ADT-Leitfaden, a Just the Docs site with `baseurl: "/ADT-Leitfaden"`: 40 links
/// in 14 files written `/ADT-Leitfaden/…`, as `{{ site.baseurl }}` prints them, were
/// one broken link whose help said to move the files. `baseurl` is the site's path
/// when book.toml gives no `base_url`, as it is on the published site; a `base_url`
/// in book.toml is the one read.
#[test]
fn links_written_with_jekylls_baseurl_lead_into_the_site() {
    let site = Fixture::empty();
    let book = "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n";
    site.write("book.toml", book);
    site.write(
        "docs/_config.yml",
        "title: T\nbaseurl: \"/ADT-Leitfaden/\"\n",
    );
    site.write(
        "docs/intro.md",
        "---\ntitle: Introduction\npermalink: /introduction-eclipse\n---\nText.\n",
    );
    site.write("docs/guide/index.md", "---\ntitle: Guide\n---\nText.\n");
    site.write(
        "docs/index.md",
        "---\ntitle: Home\n---\nSee [the introduction](/ADT-Leitfaden/introduction-eclipse), \
         [the guide](/ADT-Leitfaden/guide/) and [home](/ADT-Leitfaden/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    let home = site.read("index.html");
    assert!(
        home.contains("href=\"./intro/\" id=\"ref-1\">the introduction</a>"),
        "{home}"
    );
    assert!(
        home.contains("href=\"./guide/\" id=\"ref-2\">the guide</a>"),
        "{home}"
    );
    site.write(
        "book.toml",
        book.replace("\n\n", "\nbase_url = \"https://example.org/other/\"\n\n"),
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to '/ADT-Leitfaden/introduction-eclipse'");
}

#[test]
fn a_permalink_the_front_matter_defaults_give_is_the_documents_address() {
    // 0bo/easypeasy, a book in Jekyll's chapterbook theme: `defaults` gives the
    // chapters `permalink: /:slug:output_ext`, and pages link `/the-easy-method.html`;
    // each chapter was kept at the collection's address, `/chapters/…`.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Book\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "docs/_config.yml",
        "title: Book\ncollections:\n  chapters:\n    output: true\n  notes:\n    output: true\ndefaults:\n  - scope:\n      path: \"\"\n      type: \"chapters\"\n    values:\n      layout: \"chapter\"\n      permalink: /:slug:output_ext\n  - scope:\n      path: \"\"\n    values:\n      permalink: /all/:title/\n  - scope:\n      path: \"_notes/deep\"\n    values:\n      permalink: /deep/:title/\n",
    );
    site.write(
        "docs/_chapters/010-the-easy-method.md",
        "---\ntitle: The easy method\nslug: the-easy-method\n---\nText.\n",
    );
    site.write("docs/_notes/one.md", "---\ntitle: One\n---\nText.\n");
    site.write("docs/_notes/deep/two.md", "---\ntitle: Two\n---\nText.\n");
    site.write(
        "docs/index.md",
        "---\ntitle: Book\n---\nStart with [the method](/the-easy-method.html), [one](/all/one/) and [two](/deep/two/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    let home = site.read("index.html");
    for href in [
        "<a href=\"./_chapters/010-the-easy-method/\" id=\"ref-1\">the method</a>",
        "<a href=\"./_notes/one/\" id=\"ref-2\">one</a>",
        "<a href=\"./_notes/deep/two/\" id=\"ref-3\">two</a>",
    ] {
        assert!(home.contains(href), "{href}\n{home}");
    }
    let redirect = site.read("the-easy-method.html");
    assert!(
        redirect.contains("_chapters/010-the-easy-method/"),
        "{redirect}"
    );
    assert!(!site.path("public/chapters").exists());
}

#[test]
fn a_highlight_pair_around_a_fence_is_one_code_block_showing_the_fence() {
    // Just the Docs' docs (ui-components/code): `{% highlight markdown %}` around a
    // ```` ```js ```` example, which Jekyll shows as written; both examples were left
    // out of the page with a warning.
    let site = jekyll_site();
    site.write(
        "docs/guide/code.md",
        "---\ntitle: Code\n---\nBefore.\n\n{% highlight markdown %}\n```js\nvar x = 1;\n```\n{% endhighlight %}\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = site.read("guide/code/index.html");
    let start = page.find("<div class=\"article-body\">").unwrap();
    let body = &page[start..page[start..].find("</article>").unwrap() + start];
    assert_eq!(body.matches("<pre").count(), 1, "{body}");
    assert!(
        body.contains("<code class=\"language-markdown\">"),
        "{body}"
    );
    assert!(!body.contains("language-js"), "{body}");
    // The block's text, its highlighting taken off, is the body as written.
    let pre = &body[body.find("<pre").unwrap()..body.find("</pre>").unwrap()];
    let mut shown = String::new();
    let mut in_tag = false;
    for c in pre.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => shown.push(c),
            _ => {}
        }
    }
    assert_eq!(shown, "```js\nvar x = 1;\n```\n", "{body}");
    assert!(body.contains("After."), "{body}");
}

#[test]
fn a_footnote_has_kramdown_s_ids_so_links_to_fn_name_lead_to_it() {
    // Just the Docs' changelog links `configuration.md#fn:js-disabled`, the id kramdown
    // gives the footnote `[^js-disabled]`: "no heading with id 'fn:js-disabled'".
    let site = jekyll_site();
    site.write(
        "docs/guide/notes.md",
        "---\ntitle: Notes\n---\nText[^js-disabled] and again[^js-disabled].\n\n[^js-disabled]: Without JavaScript.\n",
    );
    site.write(
        "docs/guide/links.md",
        "---\ntitle: Links\n---\nSee [the note](notes.md#fn:js-disabled) and [where it is marked](notes.md#fnref:js-disabled).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("no heading with id"), "{}", run.stderr);
    let page = site.read("guide/notes/index.html");
    for id in [
        "<div class=\"footnote-definition\" id=\"fn:js-disabled\">",
        "<a href=\"#fn:js-disabled\" id=\"fnref:js-disabled\">1</a>",
        "<a href=\"#fn:js-disabled\" id=\"fnref:js-disabled:1\">1</a>",
    ] {
        assert!(page.contains(id), "{id}\n{page}");
    }
    let links = site.read("guide/links/index.html");
    assert!(links.contains("notes/#fn:js-disabled\""), "{links}");
}

#[test]
fn a_kramdown_class_line_before_a_block_is_the_blocks_and_names_its_callout() {
    // Just the Docs' home page: `{: .warning }` above a quote showed as a paragraph
    // `{: .warning }`, and the callout the site's `_config.yml` names was lost.
    let site = jekyll_site();
    site.write(
        "docs/_config.yml",
        "title: Care notes\nbaseurl: \"/care\"\npermalink: pretty\nexclude:\n  - README.md\n  - scripts/\ncollections:\n  stories:\n    output: true\ncallouts:\n  warning:\n    title: Warning\n    color: red\n  new:\n    title: New\n    color: green\n",
    );
    site.write(
        "docs/guide/callouts.md",
        "---\ntitle: Callouts\n---\nIntro.\n\n{: .warning }\n> This website documents the next release.\n\n\
         {: .new }\nA paragraph styled as a callout.\n\n\
         {: .fs-6 #big }\nA styled paragraph.\n\n\
         After, as kramdown reads it too.\n{: .warning }\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("guide/callouts/index.html");
    let start = page.find("<div class=\"article-body\">").unwrap();
    let body = &page[start..page[start..].find("</article>").unwrap() + start];
    assert!(!body.contains("{:"), "{body}");
    for shown in [
        "<div class=\"callout callout-warning\" role=\"note\" aria-label=\"Warning\">\n<p class=\"callout-title\">Warning</p>\n<p>This website documents the next release.</p>",
        "<div class=\"callout callout-note\" role=\"note\" aria-label=\"New\">\n<p class=\"callout-title\">New</p>\n<p>A paragraph styled as a callout.</p>",
        "<p><a id=\"big\"></a>\nA styled paragraph.</p>",
        "<p class=\"callout-title\">Warning</p>\n<p>After, as kramdown reads it too.</p>",
    ] {
        assert!(body.contains(shown), "{shown}\nin\n{body}");
    }
}

#[test]
fn every_titled_page_is_in_just_the_docs_navigation_so_none_is_an_orphan() {
    // Just the Docs' own docs: "By default, links to all pages appear in the main
    // navigation"; 11 pages no other page links to were orphans.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "docs/_config.yml",
        "title: Docs\nremote_theme: just-the-docs/just-the-docs@v0.10.0\n",
    );
    site.write("docs/index.md", "---\ntitle: Home\n---\nWelcome.\n");
    site.write(
        "docs/guide/zeta.md",
        "---\ntitle: Zeta\nnav_order: 1\n---\nFirst.\n",
    );
    site.write("docs/guide/alpha.md", "---\ntitle: Alpha\n---\nLast.\n");
    site.write(
        "docs/guide/beta.md",
        "---\ntitle: Beta\nnav_order: 2\n---\nSecond.\n",
    );
    site.write(
        "docs/guide/hidden.md",
        "---\ntitle: Hidden\nnav_exclude: true\n---\nNot in the navigation.\n",
    );
    let check = site.run(&["check"]);
    check.assert_code(0);
    for listed in ["zeta", "alpha", "beta"] {
        let orphan = format!("'{listed}' is an orphan");
        assert!(!check.stderr.contains(&orphan), "{}", check.stderr);
    }
    check.assert_stderr_contains("'hidden' is an orphan");
    // `nav_exclude` is read, so no unknown key.
    assert!(!check.stderr.contains("nav_exclude"), "{}", check.stderr);
    // In the theme's order: `nav_order`, then the others by title.
    site.build().assert_code(0);
    let hub = site.read("guide/index.html");
    let at = |needle: &str| {
        hub.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {hub}"))
    };
    assert!(at(">Zeta<") < at(">Beta<"), "{hub}");
    assert!(at(">Beta<") < at(">Alpha<"), "{hub}");
}

#[test]
fn a_fork_of_just_the_docs_under_another_name_is_read_as_just_the_docs() {
    // UBC Library's workshops: `remote_theme: ubc-library-rc/rc-theme`, a fork of the
    // theme, drew their pages in its navigation; attune called them orphans and
    // `nav_exclude` an unknown key.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "docs/_config.yml",
        "title: Workshop\nremote_theme: ubc-library-rc/rc-theme\n",
    );
    site.write(
        "docs/index.md",
        "---\ntitle: Home\nnav_order: 1\n---\nWelcome.\n",
    );
    site.write(
        "docs/outline.md",
        "---\ntitle: Outline\nnav_order: 4\nnav_exclude: false\n---\nText.\n",
    );
    site.write(
        "docs/content/concepts.md",
        "---\ntitle: Concepts\nnav_order: 5\n---\nText.\n",
    );
    let check = site.run(&["check"]);
    check.assert_code(0);
    assert!(!check.stderr.contains("orphan"), "{}", check.stderr);
    assert!(!check.stderr.contains("nav_exclude"), "{}", check.stderr);
    // Without the theme's keys together, or its script, another theme is not it.
    site.write(
        "docs/outline.md",
        "---\ntitle: Outline\nnav_order: 4\n---\nText.\n",
    );
    let check = site.run(&["check"]);
    check.assert_stderr_contains("'concepts' is an orphan");
    // The theme's script in the site is it too.
    site.write("docs/assets/js/just-the-docs.js", "// theme\n");
    let check = site.run(&["check"]);
    assert!(!check.stderr.contains("orphan"), "{}", check.stderr);
}

#[test]
fn kramdown_s_comments_are_never_published_and_its_other_extensions_read() {
    // Just the Docs' test site: `{::comment}` … `{:/comment}` was published as text,
    // `{::options … /}` and `{::nomarkdown}` shown as written, and the contents list
    // in its `<details markdown="block">` shown as "TOC {:toc}".
    let site = jekyll_site();
    site.write(
        "docs/guide/private.md",
        "---\ntitle: Private\n---\n\
         <details open markdown=\"block\">\n  <summary>\n    Table of contents\n  </summary>\n  \
         {: .text-delta }\n1. TOC\n{:toc}\n</details>\n\n\
         {::options parse_block_html=\"true\" /}\n\n\
         {::comment}\nCall Dana about the referral {% raw %}first{% endraw %}.\n\n\
         Second paragraph of the note.\n{:/comment}\n\n\
         Public text, {::comment}with an aside{:/} and {::nomarkdown}<span class=\"x\">raw</span>{:/nomarkdown}.\n\n\
         ## One\n\nA.\n\n## Two\n\nB.\n\n\
         ```\n{::comment}shown in code{:/comment}\n```\n\n\
         {% comment %}\nLiquid's own: ask Sam first.\n{% endcomment %}\n",
    );
    let run = site.build();
    run.assert_code(0);
    // Liquid's comment is left out as Jekyll leaves it out: nothing to report.
    assert!(!run.stderr.contains("comment"), "{}", run.stderr);
    let page = site.read("guide/private/index.html");
    let start = page.find("<div class=\"article-body\">").unwrap();
    let body = &page[start..page[start..].find("</article>").unwrap() + start];
    assert!(
        body.contains("Public text,  and <span class=\"x\">raw</span>.</p>"),
        "{body}"
    );
    assert!(body.contains("<!-- toc -->\n</details>"), "{body}");
    assert!(
        body.contains("{::comment}shown in code{:/comment}"),
        "{body}"
    );
    for gone in [
        "TOC",
        "{::options",
        "nomarkdown",
        "{:toc}",
        "Dana",
        "Second paragraph",
        "with an aside",
    ] {
        assert!(!body.contains(gone), "{gone}\nin\n{body}");
    }
    let all = walk_text(&site.path("public"));
    for private in [
        "Dana",
        "Second paragraph of the note",
        "with an aside",
        "ask Sam",
    ] {
        assert!(!all.contains(private), "{private} is published");
    }
}

#[test]
fn documents_under_collections_dir_keep_jekylls_addresses_and_link_paths() {
    // just-the-docs-tests keeps its collections in `collections/` (`collections_dir`):
    // Jekyll still publishes `collections/_notes/sub/a.md` at `/notes/sub/a/`, and
    // `{% link _notes/sub/a.md %}` names it by its path below that folder.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "docs/_config.yml",
        "permalink: pretty\ncollections_dir: coll\ncollections:\n  notes:\n    output: true\ndefaults:\n  - scope:\n      path: coll/_notes/deep\n    values:\n      permalink: /deep/:title/\n",
    );
    site.write(
        "docs/coll/_notes/sub/a.md",
        "---\ntitle: A\n---\nSee [B](../b/).\n",
    );
    site.write(
        "docs/coll/_notes/sub/b.md",
        "---\ntitle: B\n---\nBack [home](/).\n",
    );
    site.write("docs/coll/_notes/deep/c.md", "---\ntitle: C\n---\nDeep.\n");
    site.write(
        "docs/coll/_notes/deep/b.md",
        "---\ntitle: Other B\n---\nNot this one.\n",
    );
    site.write(
        "docs/index.md",
        "---\ntitle: Home\n---\n[By address](/notes/sub/a/), [by path]({% link _notes/sub/b.md %}), [by default](/deep/c/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not written yet"), "{}", run.stderr);
    let home = site.read("index.html");
    for href in [
        "<a href=\"./coll/_notes/sub/a/\" id=\"ref-1\">By address</a>",
        "<a href=\"./coll/_notes/sub/b/\" id=\"ref-2\">by path</a>",
        "<a href=\"./coll/_notes/deep/c/\" id=\"ref-3\">by default</a>",
    ] {
        assert!(home.contains(href), "{href}\n{home}");
    }
    let redirect = site.read("notes/sub/a/index.html");
    assert!(redirect.contains("coll/_notes/sub/a/"), "{redirect}");
}

#[test]
fn a_name_include_lists_is_kept_in_every_folder() {
    // yeasy/docker_practice: `include: [_images]` for GitHub Pages, and each chapter's
    // pictures in its own `_images/`, which Jekyll publishes (it tests every folder's
    // entries against `include:` by name).
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write("book/_config.yml", "include: [_images]\n");
    site.write(
        "book/README.md",
        "# Home\n\n![b](_images/b.png)\n\n[Sub](sub/README.md)\n",
    );
    site.write("book/_images/b.png", b"\x89PNG\r\n\x1a\n");
    site.write("book/sub/README.md", "# Sub\n\n![a](_images/a.png)\n");
    site.write("book/sub/_images/a.png", b"\x89PNG\r\n\x1a\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    assert!(site.path("public/sub/_images/a.png").is_file());
}

#[test]
fn a_documents_relative_links_are_read_from_its_jekyll_address() {
    // just-the-docs-tests: `_navigation/grandparent/index.md` is at
    // `/navigation/grandparent/index/` on Jekyll, so its `../a/` is
    // `/navigation/grandparent/a/`; from attune's address (the folder) it led nowhere.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "docs/_config.yml",
        "permalink: pretty\ncollections:\n  notes:\n    output: true\n",
    );
    site.write(
        "docs/_notes/sub/index.md",
        "---\ntitle: Sub\n---\nSee [A](../a/) and [B](/notes/sub/b/).\n",
    );
    site.write(
        "docs/_notes/sub/a.md",
        "---\ntitle: A\n---\nUp: [sub](../index/).\n",
    );
    site.write("docs/_notes/sub/b.md", "---\ntitle: B\n---\nB.\n");
    site.write(
        "docs/index.md",
        "---\ntitle: Home\n---\n[Sub](_notes/sub/index.md)\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("broken link"), "{}", run.stderr);
    let sub = site.read("_notes/sub/index.html");
    assert!(
        sub.contains("<a href=\"../../_notes/sub/a/\" id=\"ref-1\">A</a>"),
        "{sub}"
    );
    let a = site.read("_notes/sub/a/index.html");
    assert!(
        a.contains("<a href=\"../../../_notes/sub/\" id=\"ref-1\">sub</a>"),
        "{a}"
    );
}

#[test]
fn just_the_docs_orders_text_nav_orders_after_numbers_among_titles() {
    // just-the-docs-tests' navigation/order/strings: `nav_order: "A"` is no error; Just
    // the Docs lists number `nav_order`s first, then the text ones and the titles of
    // pages without one, together, capitals first unless `nav_sort: case_insensitive`.
    for (config, expected) in [
        ("", ["One", "Zebra", "Apple", "Mango", "banana"]),
        (
            "nav_sort: case_insensitive\n",
            ["One", "Zebra", "Apple", "banana", "Mango"],
        ),
    ] {
        let site = Fixture::empty();
        site.write(
            "book.toml",
            "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
        );
        site.write(
            "docs/_config.yml",
            format!("theme: just-the-docs\n{config}"),
        );
        site.write("docs/index.md", "---\ntitle: Home\n---\nWelcome.\n");
        for (file, front) in [
            ("zebra", "title: Zebra\nnav_order: \"A\""),
            ("apple", "title: Apple\nnav_order: B"),
            ("one", "title: One\nnav_order: 1"),
            ("mango", "title: Mango"),
            ("banana", "title: banana"),
        ] {
            site.write(
                &format!("docs/guide/{file}.md"),
                format!("---\n{front}\n---\nText.\n"),
            );
        }
        let run = site.build();
        run.assert_code(0);
        assert!(!run.stderr.contains("nav_order"), "{}", run.stderr);
        let hub = site.read("guide/index.html");
        let at = |title: &str| {
            hub.find(&format!(">{title}<"))
                .unwrap_or_else(|| panic!("{title}: {hub}"))
        };
        for pair in expected.windows(2) {
            assert!(at(pair[0]) < at(pair[1]), "{config}{pair:?}: {hub}");
        }
    }
}

/// Audiveris' docs (`docs/`, a Just the Docs site): 16 lists closed with a colon, as
/// kramdown reads them too (`{: .note :}` over a paragraph, `{: .no_toc :}` under a
/// title), showed as text, and their Note callouts were lost.
#[test]
fn a_kramdown_list_closed_with_a_colon_is_read_as_one() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "docs/_config.yml",
        "title: Audiveris\nremote_theme: just-the-docs/just-the-docs@v0.10.1\ncallouts:\n  note:\n    title: Note\n    color: purple\n",
    );
    site.write(
        "docs/guide/steps.md",
        "---\ntitle: Steps\n---\n# Steps internals\n{: .no_toc :}\n\n\
         Other steps work system per system.\n\n\
         {: .note :}\nThis type of documentation is halfway between a user manual and a developer manual.\n\n\
         See the [steps](#top){: .btn :}.\n{:#top :}\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("guide/steps/index.html");
    let start = page.find("<div class=\"article-body\">").unwrap();
    let body = &page[start..page[start..].find("</article>").unwrap() + start];
    assert!(!body.contains("{:"), "{body}");
    for shown in [
        "<div class=\"callout callout-note\" role=\"note\" aria-label=\"Note\">\n<p class=\"callout-title\">Note</p>\n<p>This type of documentation is halfway",
        "<a id=\"top\"></a>",
    ] {
        assert!(body.contains(shown), "{shown}\nin\n{body}");
    }
}

#[test]
fn abbreviations_are_marked_where_they_are_used_as_kramdown_reads_them() {
    // kramdown's `*[HTML]: …` (UBC Library's workshops, Just the Docs sites): the
    // definition is not shown, and each use of the word is an `<abbr>`.
    let site = jekyll_site();
    site.write(
        "docs/guide/abbr.md",
        "---\ntitle: Abbreviations\n---\nThe HTML page, not XHTML, and `HTML` in code.\n\n  *[HTML]: Hyper Text Markup Language\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("guide/abbr/index.html");
    assert!(
        page.contains("<p>The <abbr title=\"Hyper Text Markup Language\">HTML</abbr> page, not XHTML, and <code>HTML</code> in code.</p>"),
        "{page}"
    );
    assert!(!page.contains("*[HTML]"), "{page}");
}
