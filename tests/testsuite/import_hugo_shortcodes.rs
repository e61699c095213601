//! What Hugo and Zola write in content that attune reads as they do: Hugo's built-in
//! `figure` shortcode, and `{{ … }}`, which neither runs in content.

use crate::support::Fixture;

fn body(page: &str) -> &str {
    let start = page
        .find("<div class=\"article-body\">")
        .expect("an article body");
    let end = start + page[start..].find("</div>").expect("its end");
    &page[start..end]
}

/// The Hugo fixture with Hugo's configuration beside its content and its `static/`
/// folder read, as a Hugo site is brought.
fn hugo_site() -> Fixture {
    let site = Fixture::new("hugo");
    site.write("hugo.yaml", "baseURL: https://example.org/\ntitle: Hugo\n");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\nstatic_dir = \"static\"\n"),
    );
    site.write("static/images/map.webp", "RIFF");
    site
}

#[test]
fn hugos_figure_shortcode_is_an_image_with_its_caption() {
    // As etcd's and a PaperMod blog's pages write it: a line of its own with text
    // right after it, and one inside a sentence.
    let site = hugo_site();
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", format!("{book}broken_links = \"warn\"\n"));
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nBefore.\n\n{{< figure src=\"/images/map.webp\" alt=\"The route map\" caption=\"Routes & stops, \\\"2024\\\"\" >}}\nAfter *this*.\n\nInline {{< figure src=\"/images/map.webp\" caption=\"Small map\" >}} here.\n\n{{< figure src=\"/images/gone.png\" alt=\"Gone\" >}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("`figure"), "{}", run.stderr);
    // The image that is not there is named at the shortcode's line.
    run.assert_stderr_contains("image '/images/gone.png' does not exist");
    run.assert_stderr_contains("--> content/posts/third.md:11:1");
    let page = site.read("posts/third/index.html");
    let page = body(&page);
    assert!(
        page.contains(
            "<figure><img src=\"../../images/map.webp\" alt=\"The route map\">\
             <figcaption>Routes &amp; stops, &quot;2024&quot;</figcaption></figure>"
        ),
        "{page}"
    );
    // The text after it is still Markdown.
    assert!(page.contains("<p>After <em>this</em>.</p>"), "{page}");
    // Inside a sentence: an image, its caption the title and, with no alt, its alt.
    assert!(
        page.contains(
            "<p>Inline <img src=\"../../images/map.webp\" alt=\"Small map\" title=\"Small map\""
        ),
        "{page}"
    );
    assert!(!page.contains("{{") && !page.contains("gone.png"), "{page}");
    // Congo's docs credit a photo with links in the caption, which Hugo reads as
    // Markdown; in a list item too. It was shown as written.
    site.write(
        "content/posts/credit.md",
        "---\ntitle: Credit\n---\n{{< figure src=\"/images/map.webp\" caption=\"Photo by [Jr](https://u.example/jr) on *U*\" >}}\n\n- A step:\n\n  {{< figure src=\"/images/map.webp\" alt=\"Map\" caption=\"See [the post](second-post.md)\" >}}\n\n  Then more.\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/credit/index.html");
    let page = body(&page);
    assert!(
        page.contains("alt=\"Photo by Jr on U\"><figcaption>\n<p>Photo by <a href=\"https://u.example/jr\">Jr</a> on <em>U</em></p>\n</figcaption></figure>"),
        "{page}"
    );
    assert!(
        page.contains("<li>\n<p>A step:</p>\n<figure>") && page.contains("posts/second-post/\" id=\"ref-1\">the post</a></p>\n</figcaption></figure>\n<p>Then more.</p>\n</li>"),
        "{page}"
    );
}

#[test]
fn template_expressions_are_text_on_a_hugo_or_zola_site() {
    // docco's template primer explains Go templates in prose: Hugo shows `{{ . }}` as
    // written, and so does Zola, where only `{{ name(…) }}` is a shortcode.
    let text = "---\ntitle: Third\n---\nThe dot {{ . }} is the context; {{ .Title }} its title.\n\n{{ youtube(id=\"abc\") }}\n";
    let site = hugo_site();
    site.write("content/posts/third.md", text);
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md:4:"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    assert!(
        body(&page).contains("<p>The dot {{ . }} is the context; {{ .Title }} its title.</p>"),
        "{page}"
    );

    let zola = Fixture::new("hugo");
    zola.write("config.toml", "base_url = \"https://example.org\"\n");
    zola.write(
        "content/posts/third.md",
        text.replace("---", "+++")
            .replace("title: Third", "title = \"Third\"")
            // A media call is drawn on a Zola site (`zola_components/media.rs`).
            .replace("youtube", "chart"),
    );
    let run = zola.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md:4:"), "{}", run.stderr);
    // A Zola shortcode call is still one, reported and left out.
    run.assert_stderr_contains("--> content/posts/third.md:6:1");
    let page = zola.read("posts/third/index.html");
    assert!(
        body(&page).contains("{{ .Title }} its title.</p>"),
        "{page}"
    );
    assert!(!page.contains("chart"), "{page}");

    // Elsewhere (no Hugo or Zola configuration) it is another tool's template.
    let plain = Fixture::new("hugo");
    plain.write("content/posts/third.md", text);
    let run = plain.build();
    run.assert_code(0);
    run.assert_stderr_contains("--> content/posts/third.md:4:9");
}

#[test]
fn prices_are_text_not_math() {
    // alchitry.com (a Zola site) prices a licence in bold; pulldown-cmark paired the two
    // `$` into one unreadable formula. A `$` followed by a digit closes none, as pandoc
    // reads it; a formula beside the prices stays one.
    let site = Fixture::new("hugo");
    site.write("config.toml", "base_url = \"https://example.org\"\n");
    site.write(
        "content/posts/third.md",
        "+++\ntitle = \"Third\"\n+++\nPricing of __$471.31__ for the first year and __$353.15__ to renew, or $20/$30 a month; $x^2$ stays math.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let page = body(&page);
    assert!(
        page.contains(
            "Pricing of <strong>$471.31</strong> for the first year and \
             <strong>$353.15</strong> to renew, or $20/$30 a month; <math"
        ),
        "{page}"
    );
    assert_eq!(page.matches("<math").count(), 1, "{page}");
    // A `$` in raw HTML code is text (rust-project-goals' mdBook: a formula ran from
    // `'$Status'` across the `</code>`, a warning and a broken sentence).
    site.write(
        "content/posts/third.md",
        "+++\ntitle = \"Third\"\n+++\nThe placeholder <code>&lt;-- GOALS '$Status' --&gt;</code> lists goals of the status `$Status`; $x^2$ stays math.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let page = body(&page);
    assert!(
        page.contains("$Status’ –&gt;</code> lists goals of the status <code>$Status</code>"),
        "{page}"
    );
    assert_eq!(page.matches("<math").count(), 1, "{page}");
}

#[test]
fn docsy_alerts_and_learn_notices_are_callouts() {
    // etcd.io (Docsy) writes 227 alerts; the Learn/Relearn themes write notices. Each
    // pair on lines of its own is the callout it draws, its Markdown read.
    let site = hugo_site();
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{% alert title=\"Update (October 21, 2025)\" color=\"warning\" %}}\nRead [the notes](second-post.md) *first*.\n{{% /alert %}}\n\n{{% notice tip \"Pro tip\" %}}\nKeep it short.\n{{% /notice %}}\n\nInline {{% alert %}}x{{% /alert %}} stays a warning.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("third.md:4:") && !run.stderr.contains("third.md:8:"),
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("--> content/posts/third.md:12:8");
    let page = site.read("posts/third/index.html");
    let start = page
        .find("<div class=\"article-body\">")
        .expect("an article body");
    let page = &page[start..];
    assert!(page.contains("callout-warning"), "{page}");
    assert!(page.contains("posts/second-post/\" id="), "{page}");
    assert!(page.contains("Update (October 21, 2025)"), "{page}");
    assert!(page.contains("<em>first</em>"), "{page}");
    assert!(
        page.contains("callout-tip") && page.contains("Pro tip"),
        "{page}"
    );
    assert!(!page.contains("{{") && !page.contains(":::"), "{page}");
    // Vitess's docs wrap a box in `<p>` lines: it is drawn, not shown as written.
    site.write(
        "content/posts/wrapped.md",
        "---\ntitle: Wrapped\n---\nIntro.\n\n<p> \n{{< info >}}\nThe `int64` types are **not** supported.\n{{< /info >}}\n</p> \n\nAfter.\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/wrapped/index.html");
    assert!(
        page.contains("<div class=\"callout callout-info\"")
            && page.contains("<strong>not</strong>"),
        "{page}"
    );
    assert!(!page.contains("[!info]") && !page.contains(":::"), "{page}");
}

#[test]
fn a_box_in_a_list_item_with_blank_lines_stays_in_the_item() {
    // etcd.io's quickstart: a Docsy alert inside a numbered step, blank lines around
    // its text. The box's blank lines were quoted from the line's start, which ended
    // the list: the box showed empty, its text as a code block of `>` lines, and the
    // steps after it restarted their numbering.
    let site = hugo_site();
    site.write(
        "content/posts/steps.md",
        "---\ntitle: Steps\n---\nFollow these:\n\n 1. Install it.\n\n    {{% alert color=\"warning\" %}}\n\n    \
         **Important**: check the last\n    step.\n\n    {{% /alert %}}\n\n 2. Launch it.\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/steps/index.html");
    let start = page.find("<div class=\"article-body\">").expect("a body");
    let text = &page[start..page.find("class=\"get-help\"").expect("its end")];
    assert!(
        text.contains("<p class=\"callout-title\">Warning</p>\n<p><strong>Important</strong>: check the last\nstep.</p>\n</div>\n</li>\n<li>\n<p>Launch it.</p>"),
        "{text}"
    );
    assert!(!text.contains("<pre>") && !text.contains("&gt;"), "{text}");
    // grpc.io's web quickstart: the box's text written at the line's start, a fence in
    // it, and link definitions at the end of the page. Its closing line was read as an
    // indented code block, the box never closed, and the definitions ended in it.
    site.write(
        "content/posts/web.md",
        "---\ntitle: Web\n---\nPart of the [grpc-web][] repo.\n\n 1. Fetch the tools:\n\n    \
         {{% alert title=\"Note\" color=\"info\" %}}\nIgnore the warning:\n\n```nocode\nWARNING: built from source\n```\n    \
         {{% /alert %}}\n\n 2. Launch them.\n\n[grpc-web]: https://github.com/grpc/grpc-web\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/web/index.html");
    let start = page.find("<div class=\"article-body\">").expect("a body");
    let text = &page[start..page.find("class=\"get-help\"").expect("its end")];
    assert!(
        text.contains("<a href=\"https://github.com/grpc/grpc-web\">grpc-web</a>"),
        "{text}"
    );
    assert!(
        text.contains("<p>Ignore the warning:</p>\n<pre><code class=\"language-nocode\">WARNING: built from source\n</code></pre>\n</div>\n</li>\n<li>\n<p>Launch them.</p>"),
        "{text}"
    );
    assert!(!text.contains(":::") && !text.contains("&gt;"), "{text}");
}

#[test]
fn boxes_other_themes_name_by_their_kind_are_callouts() {
    // Kubernetes' and Linode's docs (utho's 59 pairs) write `{{< note >}}` …
    // `{{< /note >}}`, Hextra `callout`, Hugo Book `hint`: the box and its text were
    // left out of the page with a warning.
    let site = hugo_site();
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< note >}}\nRestart the [server](second-post.md) *first*.\n{{< / note >}}\n\n{{< callout type=\"warning\" >}}\nBack up.\n{{< /callout >}}\n\n{{% hint danger %}}\nNever.\n{{% /hint %}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let page = &page[page.find("<div class=\"article-body\">").expect("a body")..];
    for kind in ["callout-note", "callout-warning", "callout-danger"] {
        assert!(page.contains(kind), "{kind}: {page}");
    }
    assert!(
        page.contains("<em>first</em>") && page.contains("Never."),
        "{page}"
    );
    assert!(page.contains("posts/second-post/"), "{page}");
    assert!(!page.contains("{{") && !page.contains(":::"), "{page}");
}

#[test]
fn hugo_blox_callouts_tables_of_contents_and_static_links_are_read() {
    // Therapy Nottingham (Wowchemy, now Hugo Blox): `{{% callout warning %}}` names its
    // kind by position (a crisis page's warning was left out); `{{< toc >}}` is the
    // page's contents; `{{% staticref "uploads/form.pdf" "newtab" %}}` … a link to a
    // file of the static folder; 2i2c's `{{< cta … >}}` a link to a page.
    let site = hugo_site();
    site.write("static/uploads/form.pdf", "%PDF");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< toc >}}\n\n## Crisis\n\n{{% callout warning %}}\nCall *999* now.\n{{% /callout %}}\n\n## Forms\n\n{{% staticref \"uploads/form.pdf\" \"newtab\" %}}The *form*{{% /staticref %}}\n\n{{< cta cta_text=\"Read the first post\" cta_link=\"/posts/first-post/\" cta_new_tab=\"false\" >}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let body = &page[page.find("<div class=\"article-body\">").expect("a body")..];
    assert!(body.contains("callout-warning"), "{body}");
    assert!(body.contains("Call <em>999</em> now."), "{body}");
    assert!(
        body.contains("<a href=\"../../uploads/form.pdf\" id=\"ref-1\">The <em>form</em></a>"),
        "{body}"
    );
    // 2i2c's call to action, a button linking to a page.
    assert!(
        body.contains("href=\"../../posts/first-post/\"")
            && body.contains(">Read the first post</a>"),
        "{body}"
    );
    assert!(!body.contains("{{") && !body.contains(":::"), "{body}");
    // The contents where `{{< toc >}}` stood, as for mdbook-toc's `<!-- toc -->`.
    assert!(page.contains("id=\"toc-heading\""), "{page}");
    assert!(site.path("public/uploads/form.pdf").exists());
}

#[test]
fn hugos_param_shortcode_is_the_pages_or_the_sites_parameter() {
    // etcd.io's docs write `{{< param git_version_tag >}}` in prose and link addresses,
    // a section's own value; CorrelAid's `{{< param num_members >}}` is the site's.
    let site = hugo_site();
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}unsupported_syntax = \"warn\"\n"),
    );
    site.write(
        "hugo.yaml",
        "baseURL: https://example.org/\ntitle: Hugo\nparams:\n  num_members: 2500\n  latest_stable_page: overview\n  Social:\n    GitHub: etcd-io\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\ngit_version_tag: v3.5.21\nparams:\n  note: \"*kept* as text\"\n---\nWe are {{< param num_members >}} members; see [the tag][tag], [latest](/docs/{{< param \"latest_stable_page\" >}}/) and {{< param `social.github` >}}.\n\nNote: {{% param note %}}. Unknown: {{< param nowhere >}}.\n\n[tag]: https://github.com/etcd-io/etcd/tree/{{< param git_version_tag >}}/hack\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("`{{< param nowhere >}}`");
    run.assert_stderr_contains("--> content/posts/third.md:9:36");
    assert!(!run.stderr.contains("third.md:7:"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let body = body(&page);
    assert!(body.contains("We are 2500 members"), "{body}");
    assert!(
        body.contains("href=\"https://github.com/etcd-io/etcd/tree/v3.5.21/hack\""),
        "{body}"
    );
    assert!(body.contains("docs/overview/\""), "{body}");
    assert!(body.contains("and etcd-io."), "{body}");
    assert!(body.contains("Note: *kept* as text."), "{body}");
}

#[test]
fn a_cascaded_key_is_the_params_of_the_pages_below() {
    // etcd.io's `content/en/docs/v3.5/_index.md` cascades `git_version_tag`, which the
    // version's pages read with `{{< param >}}` (106 were reported): Hugo hands a
    // cascade's keys (top-level or under `params:`) to the pages below, a page's own
    // key first, then the nearest cascade's; `_target` limits an entry to its pages.
    let site = hugo_site();
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}unsupported_syntax = \"warn\"\n"),
    );
    site.write(
        "content/docs/_index.md",
        "---\ntitle: Docs\ncascade:\n  git_version_tag: v3.6.0\n  params:\n    min_go: \"1.21\"\n---\nAll versions.\n",
    );
    site.write(
        "content/docs/v35/_index.md",
        "---\ntitle: v3.5\ncascade:\n  - git_version_tag: v3.5.21\n  - _target:\n      path: /docs/v35/dev/**\n    stage: dev\n---\nThe {{< param git_version_tag >}} docs.\n",
    );
    site.write(
        "content/docs/v35/install.md",
        "---\ntitle: Install\n---\nGet {{< param git_version_tag >}} with Go {{< param min_go >}}; stage {{< param stage >}}.\n",
    );
    site.write(
        "content/docs/v35/dev/build.md",
        "---\ntitle: Build\n---\nBuild {{< param git_version_tag >}} ({{< param stage >}}).\n",
    );
    site.write(
        "content/docs/v35/pinned.md",
        "---\ntitle: Pinned\ngit_version_tag: v3.5.0\n---\nPinned to {{< param git_version_tag >}}.\n",
    );
    site.write(
        "content/posts/outside.md",
        "---\ntitle: Outside\n---\nNo {{< param git_version_tag >}} here.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = |p: &str| body(&site.read(p)).to_string();
    let install = page("docs/v35/install/index.html");
    assert!(
        install.contains("Get v3.5.21 with Go 1.21; stage"),
        "{install}"
    );
    let build = page("docs/v35/dev/build/index.html");
    assert!(build.contains("Build v3.5.21 (dev)."), "{build}");
    let pinned = page("docs/v35/pinned/index.html");
    assert!(pinned.contains("Pinned to v3.5.0."), "{pinned}");
    // The section's own text gets its parent's cascade, not its own.
    let section = site.read("docs/v35/index.html");
    assert!(section.contains("The v3.6.0 docs."), "{section}");
    // Out of a cascade's reach, or of its `_target`: not found, reported.
    run.assert_stderr_contains("--> content/posts/outside.md:4:4");
    run.assert_stderr_contains("--> content/docs/v35/install.md:4:71");
    assert!(!run.stderr.contains("build.md"), "{}", run.stderr);
    assert!(!run.stderr.contains("pinned.md:4"), "{}", run.stderr);
}

#[test]
fn site_params_are_read_from_hugos_config_folder() {
    // `config/_default/params.toml` holds them at its top level.
    let site = Fixture::new("hugo");
    site.write(
        "config/_default/hugo.toml",
        "baseURL = \"https://example.org/\"\n",
    );
    site.write("config/_default/params.toml", "version = \"1.4\"\n");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nVersion {{< param version >}} is out.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    assert!(body(&page).contains("Version 1.4 is out."), "{page}");
}

#[test]
fn an_alert_closed_before_the_sentences_full_stop_is_a_callout() {
    // etcd.io's maintenance guide (six versions) writes `{{% /alert %}}.`; Hugo draws
    // the box, then the full stop after it.
    let site = hugo_site();
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{% alert title=\"Note\" color=\"warning\" %}}\nDefragmenting blocks *writes*\n{{% /alert %}}.\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let start = page.find("<div class=\"article-body\">").unwrap();
    let page = &page[start..];
    assert!(page.contains("callout-warning"), "{page}");
    assert!(page.contains("<em>writes</em>"), "{page}");
    assert!(!page.contains("{{") && !page.contains(":::"), "{page}");
}

#[test]
fn a_closing_tag_with_a_space_after_its_slash_closes_its_pair() {
    // utho's docs (from Linode's) close `{{< output >}}` with `{{</ output >}}` and
    // `{{< note >}}` with `{{< / note >}}`, as Hugo reads them: one warning a pair.
    let site = hugo_site();
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< output >}}\nrows: 3\n{{</ output >}}\n\n{{< panel >}}\nx\n{{< / panel >}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("`{{< output >}}` … `{{</ output >}}`");
    run.assert_stderr_contains("`{{< panel >}}` … `{{< / panel >}}`");
    assert!(!run.stderr.contains("third.md:6:"), "{}", run.stderr);
    assert!(!run.stderr.contains("third.md:10:"), "{}", run.stderr);
}

#[test]
fn a_closing_tag_with_no_name_closes_the_shortcode_open_last() {
    // buildpacks/docs close their `download-button` with `{{</>}}`, as Hugo allows;
    // its template is one link around its text: the text is that link, checked.
    let site = hugo_site();
    site.write(
        "layouts/shortcodes/download-button.html",
        "<a href='{{- .Get \"href\" -}}' class='download-button button {{ with .Get \"color\"}}bg-{{.}}{{ end }}'>{{- .Inner -}}</a><br />",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< download-button href=\"/about/\" color=\"pink\" >}} Read about us {{</>}}\n\n\
         {{< download-button href=\"/nowhere/\" >}}Gone{{</>}}\n\n\
         {{< panel >}}\nSee {{< ref \"/about\" >}}.\n{{</>}}\n",
    );
    // The link that leads nowhere is reported at its place, as any link is.
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to '/nowhere/'")
        .assert_stderr_contains("third.md:6:");
    let text = std::fs::read_to_string(site.path("content/posts/third.md")).unwrap();
    site.write(
        "content/posts/third.md",
        text.replace("/nowhere/", "/posts/"),
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("posts/third/index.html");
    assert!(page.contains("<a href=\"../../about/\""), "{page}");
    assert!(page.contains("Read about us </a>"), "{page}");
    assert!(
        !page.contains("{{") && !page.contains("download-button"),
        "{page}"
    );
    // `{{</>}}` closes `panel`, not the `ref` inside it: one warning for the pair.
    run.assert_stderr_contains("`{{< panel >}}` … `{{</>}}`");
    assert!(
        !run.stderr.contains("shortcode `{{</>}}`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_shortcode_whose_arguments_run_across_a_blank_line_is_one_tag() {
    // CorrelAid's team pages: `{{< person name="…" … >}}` with a blank line before its
    // `>}}`, one tag as Hugo reads it; its arguments were shown as text.
    let site = hugo_site();
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}unsupported_syntax = \"warn\"\n"),
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< person\n    name=\"Drenizë\"\n    x=\"1\"\n\n    >}}\nA bio.\n{{< /person >}}\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("--> content/posts/third.md:4:1");
    assert!(!run.stderr.contains("third.md:10:"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let body = body(&page);
    assert!(!body.contains("name=") && !body.contains("{{"), "{body}");
    assert!(body.contains("After."), "{body}");
}

#[test]
fn a_sites_own_shortcode_printing_its_inner_html_is_that_html() {
    // jaegertracing/documentation's `layouts/shortcodes/rawhtml.html` is
    // `{{ .Inner }}`: a page holds HTML in it, blank lines and indentation too, which
    // Hugo puts in the page as it is. A shortcode whose template does more stays a
    // warning.
    let site = Fixture::new("hugo");
    site.write("layouts/shortcodes/rawhtml.html", "{{- .Inner -}}\n");
    site.write(
        "themes/docs/layouts/shortcodes/unsafe.html",
        "<!-- As it is. -->\n{{ .Inner | safeHTML }}\n",
    );
    site.write(
        "layouts/shortcodes/boxed.html",
        "<div class=\"box\">{{ .Inner | jsonify }}</div>\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nBefore.\n\n{{< rawhtml >}}\n    <table class=\"grid\">\n\n        <tr><td><a href=\"../second-post/\">Second</a></td></tr>\n    </table>\n{{< /rawhtml >}}\n\nA line {{< unsafe >}}<kbd>Ctrl</kbd>{{< /unsafe >}} key.\n\n{{< boxed >}}Gone{{< /boxed >}}\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains("`{{< boxed >}}`");
    assert!(!run.stderr.contains("rawhtml"), "{}", run.stderr);
    assert!(!run.stderr.contains("unsafe"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    assert!(text.contains("<table class=\"grid\">"), "{text}");
    assert!(
        text.contains("<td><a href=\"../../posts/second-post/\""),
        "{text}"
    );
    assert!(!text.contains("<pre"), "{text}");
    assert!(
        text.contains("<p>A line <kbd>Ctrl</kbd> key.</p>"),
        "{text}"
    );
    assert!(!text.contains("Gone"), "{text}");
    assert!(text.contains("<p>After.</p>"), "{text}");
    // A broken link in it is reported at its place, as in any HTML.
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< rawhtml >}}\n<p><a href=\"../nowhere/\">x</a></p>\n{{< /rawhtml >}}\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to '../nowhere/'");
}

/// amazon-archives/amplify-photo-gallery-workshop wraps its copy-to-clipboard
/// `<textarea>`s and `<script type="text/template">` diffs in the site's `safehtml`
/// (`{{ .Inner | safeHTML }}`): their blank lines came out as `<!-- -->`, text a reader
/// copied into their code, and a `<!--` in a script's text was read as a comment left
/// open (a ` -->` written after `</script>`, and a pair around it not found).
#[test]
fn a_comment_in_a_scripts_or_text_areas_text_is_that_text() {
    let site = Fixture::new("hugo");
    site.write(
        "layouts/shortcodes/safehtml.html",
        "{{ .Inner | safeHTML }}\n",
    );
    site.write(
        "content/posts/code.md",
        "---\ntitle: Code\n---\nIntro.\n\n{{< safehtml >}}\n<textarea id=\"a\">three\n\nfour</textarea>\n{{< /safehtml >}}\n\n\
         {{< safehtml >}}\n<div class=\"copy\">\n<textarea id=\"b\">five\n\nsix</textarea>\n<script type=\"text/template\">\nseven\n\neight\n</script>\n</div>\n{{< /safehtml >}}\n\n\
         {{< details summary=\"Diff\" >}}\n<script type=\"text/template\">\n<!--\n</script>\n{{< /details >}}\n\n\
         <script type=\"text/template\">\n<!-- nine\n</script>\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not closed"), "{}", run.stderr);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = site.read("posts/code/index.html");
    let text = &page[page.find("article-body").expect("article")..];
    assert!(
        text.contains("<textarea id=\"a\">three\n\nfour</textarea>"),
        "{text}"
    );
    assert!(
        text.contains("<textarea id=\"b\">five&#10;\nsix</textarea>"),
        "{text}"
    );
    assert!(text.contains("seven\n\u{a0}\neight"), "{text}");
    assert!(
        !text.contains("<!-- -->") && !text.contains(" -->"),
        "{text}"
    );
    assert!(!text.contains("{{"), "{text}");
    assert!(text.contains("<details><summary>Diff</summary>"), "{text}");
    assert!(text.contains("<p>After.</p>"), "{text}");
}

#[test]
fn a_themes_box_showing_its_inner_markdown_keeps_it() {
    // cpantus/alexandrabarbu.ro's theme: `{{< exercise title="…" >}}` … and
    // `{{< highlight-box >}}` markdownify their inner text, `{{< steps >}}` prints
    // its `{{< step >}}`s as they are, and `{{< toc >}}` prints `.TableOfContents`.
    // Hugo shows that text; left out, an article lost its exercises. Each step is
    // reported (the list is not drawn); the exercise, a title over its text in a box,
    // is its title in bold over the text (as in
    // `a_box_titled_by_its_arguments_keeps_its_title_above_its_text`); a pair whose
    // template does something else with its text (`countwords`) keeps leaving it out.
    let site = Fixture::new("hugo");
    let shortcodes = "themes/andromeda/layouts/shortcodes";
    site.write(
        &format!("{shortcodes}/exercise.html"),
        "{{- $title := .Get \"title\" -}}\n{{- $content := .Inner | markdownify -}}\n<div class=\"c-exercise\"><h4>{{ $title }}</h4>{{ $content }}</div>\n",
    );
    site.write(
        &format!("{shortcodes}/steps.html"),
        "{{- $content := .Inner -}}\n<ol class=\"c-steps\">{{- $content -}}</ol>\n",
    );
    site.write(
        &format!("{shortcodes}/step.html"),
        "<li>{{ .Inner | .Page.RenderString }}</li>\n",
    );
    site.write(
        &format!("{shortcodes}/toc.html"),
        "<nav class=\"toc\">{{ .Page.TableOfContents }}</nav>\n",
    );
    site.write(
        "layouts/shortcodes/counted.html",
        "<p>{{ .Inner | countwords }} words</p>\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nBefore.\n\n{{< toc >}}\n\n## One\n\n{{< exercise title=\"Daily log\" >}}\nFor a week, write down:\n\n1. **What you did** every few hours\n2. How you felt, 0 to 10\n{{< /exercise >}}\n\n{{< steps connected=\"true\" >}}\n{{< step >}}**Low mood**: tired.{{< /step >}}\n{{< step >}}**Withdrawal**: fewer plans.{{< /step >}}\n{{< /steps >}}\n\n{{< counted >}}Gone{{< /counted >}}\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("`{{< step >}}`")
        .assert_stderr_contains("`{{< counted >}}`");
    assert!(!run.stderr.contains("{{< exercise"), "{}", run.stderr);
    assert!(!run.stderr.contains("{{< toc >}}"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    assert!(
        text.contains("<p><strong>Daily log</strong></p>\n<p>For a week, write down:"),
        "{text}"
    );
    assert!(
        text.contains("<strong>What you did</strong> every few hours"),
        "{text}"
    );
    assert!(text.contains("<strong>Low mood</strong>: tired."), "{text}");
    assert!(text.contains("<strong>Withdrawal</strong>"), "{text}");
    assert!(!text.contains("Gone") && !text.contains("{{"), "{text}");
    // The page's contents, which attune shows from three headings on, for its one
    // heading: the theme printed them, as mdbook-toc's marker asks.
    assert!(
        page.contains("class=\"toc-heading\">On this page</h2>"),
        "{page}"
    );
}

/// etcd-io/website: `{{< page/toc placement="sidebar" >}}` names the template
/// `layouts/shortcodes/page/toc.html`, as Hugo reads a shortcode in a folder; it prints
/// `.TableOfContents`, with options for where. Reported as unknown, the page lost its
/// contents; a folder's shortcode whose template keeps its text keeps it too, and so
/// does one in linkerd's `layouts/docs/_shortcodes/`.
#[test]
fn a_shortcode_in_a_folder_is_read_from_that_folders_template() {
    let site = Fixture::new("hugo");
    site.write(
        "layouts/shortcodes/page/toc.html",
        "{{ $placement := .Get \"placement\" | default \"sidebar\" }}\n{{ with .Page.TableOfContents }}<div class=\"td-toc\">{{ . }}</div>{{ end }}\n",
    );
    site.write(
        "layouts/shortcodes/box/note.html",
        "<div class=\"note\">{{ .Inner | markdownify }}</div>\n",
    );
    // Hugo 0.146's shortcodes for one section's pages, in `layouts/<section>/_shortcodes/`.
    site.write(
        "layouts/docs/_shortcodes/aside.html",
        "<div class=\"aside\">{{ .Inner | .Page.RenderString }}</div>\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< page/toc collapsed=true placement=\"inline\" >}}\n\n## One\n\n{{< box/note >}}**Kept** text.{{< /box/note >}}\n\n{{< aside >}}**Aside** text.{{< /aside >}}\n\n{{< page/toc placement=\"sidebar\" >}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    assert!(
        page.contains("class=\"toc-heading\">On this page</h2>"),
        "{page}"
    );
    assert!(
        body(&page).contains("<strong>Kept</strong> text.")
            && body(&page).contains("<strong>Aside</strong> text."),
        "{page}"
    );
    // A name leaving the shortcodes folder is no template's.
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< ../toc >}}\n",
    );
    site.build().assert_stderr_contains("`{{< ../toc >}}`");
}

/// kubernetes-sigs/kind: its `codeFromInline` shortcode trims `.Inner`, then
/// `highlight`s it in the language its call names (`lang="bash"`), in a table with a
/// copy button. Left out with 65 warnings, the home page lost its install commands.
#[test]
fn a_sites_code_shortcode_is_a_fenced_code_block_in_its_language() {
    let site = Fixture::new("hugo");
    site.write("hugo.toml", "baseURL = \"https://example.org/\"\n");
    site.write(
        "layouts/shortcodes/codeFromInline.html",
        "{{ $code := trim .Inner  \"\\n\"  }}\n{{ $lang := \"\" }}\n{{ with .Get \"lang\" }}{{ $lang = . }}{{ end }}\n<table class=\"includecode\"><tr><td>{{ highlight $code $lang \"\" }}</td></tr>\n<textarea>{{ $code }}</textarea></table>\n",
    );
    site.write(
        "layouts/shortcodes/gocode.html",
        "{{ highlight (trim .Inner \"\\n\") \"go\" \"\" }}\n",
    );
    site.write(
        "layouts/shortcodes/fromfile.html",
        "{{ $file := .Get \"file\" }}{{ highlight (readFile $file) \"go\" \"\" }}\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nCreate a cluster:\n\n{{< codeFromInline lang=\"bash\" >}}\nkind create cluster\n{{< /codeFromInline >}}\n\n{{< gocode >}}\nx := 1\n{{< /gocode >}}\n\n{{< fromfile file=\"a.go\" >}}{{< /fromfile >}}\n",
    );
    let run = site.run(&["check"]);
    assert!(!run.stderr.contains("codeFromInline"), "{}", run.stderr);
    assert!(!run.stderr.contains("gocode"), "{}", run.stderr);
    run.assert_stderr_contains("Hugo shortcode `{{< fromfile file=\"a.go\" >}}`");
    site.build().assert_code(0);
    let page = site.read("posts/third/index.html");
    assert!(page.contains("language-bash"), "{page}");
    assert!(page.contains("cluster"), "{page}");
    assert!(page.contains("language-go"), "{page}");
    assert!(!page.contains("codeFromInline"), "{page}");
    // In a list item, its lines written from the line's start (kind's WSL2 page):
    // Hugo prints the block where the tag is, so the code stays in the item and the
    // list goes on; it was cut off there, its closing fence shown as text.
    site.write(
        "content/posts/wsl.md",
        "---\ntitle: WSL\n---\n1. Open a PowerShell window, then run\n\n    {{< codeFromInline lang=\"powershell\" >}}\nEnable-WindowsOptionalFeature -Online\n  -NoRestart\n{{< /codeFromInline >}}\n\n1. Reboot when prompted.\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/wsl/index.html");
    let list = &page[page.find("<ol>\n<li>\n<p>Open").expect("a list")..];
    let list = &list[..list.find("</ol>").expect("one list")];
    assert!(list.contains("language-powershell"), "{list}");
    assert!(list.contains("Reboot when prompted"), "{list}");
    assert!(!page.contains("```"), "{page}");
    assert!(list.contains("\n  -NoRestart"), "{list}");
}

#[test]
fn folding_boxes_videos_players_and_blox_math_are_drawn_as_their_templates_draw_them() {
    // Hugo's `details`, Hugo Blox's `spoiler`, `math`, `audio` and `video`, Relearn's
    // `expand`, and Hugo's `youtube` (a link: attune pages load nothing from another site).
    // The Kubernetes website's `glossary_tooltip`, which falcosecurity/falco-website
    // copies, was reported and left out, and with it words of the sentence.
    let site = hugo_site();
    site.write("content/posts/media/index.md", "---\ntitle: Media\n---\nIntro from {{< glossary_tooltip text=\"the *modern* probe\" term_id=\"modern-ebpf\" >}} and {{< glossary_tooltip term_id=\"event-generator\" >}}.\n\n{{< details summary=\"When to get help\" >}}\nCall **your GP**.\n{{< /details >}}\n\n{{< spoiler text=\"👉 Answer\" >}}\nForty-two.\n{{< /spoiler >}}\n\n{{% expand \"More\" %}}\nHidden text.\n{{% /expand %}}\n\n{{< math >}}\n$$x^2$$\n{{< /math >}}\n\n{{< youtube D2vj0WcvH5c >}}\n\n{{< audio src=\"calm.mp3\" >}}\n\n{{< video src=\"walk.mp4\" controls=\"yes\" >}}\n");
    site.write("content/posts/media/calm.mp3", "ID3");
    site.write("content/posts/media/walk.mp4", "mp4");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = site.read("posts/media/index.html");
    let body = body(&page);
    assert!(
        body.contains("<p>Intro from the *modern* probe and event generator.</p>"),
        "{body}"
    );
    assert!(
        body.contains("<details><summary>When to get help</summary>"),
        "{body}"
    );
    assert!(body.contains("<strong>your GP</strong>"), "{body}");
    assert!(
        body.contains("<summary>👉 Answer</summary>") && body.contains("<summary>More</summary>")
    );
    assert!(body.contains("<math"), "{body}");
    assert!(
        body.contains("href=\"https://www.youtube.com/watch?v=D2vj0WcvH5c\""),
        "{body}"
    );
    assert!(!body.contains("<iframe"));
    assert!(
        body.contains("<audio controls src=\"") && body.contains("calm.mp3\""),
        "{body}"
    );
    assert!(body.contains("walk.mp4\"></video>"), "{body}");
}

#[test]
fn hugo_books_details_takes_its_title_and_open_by_position() {
    // hugo-book's own docs: `{{% details "Title" open %}}`. Its template reads the
    // title as `.Get 0` and `open` as `in .Params "open"`; both boxes were "Details",
    // closed.
    let site = hugo_site();
    site.write(
        "content/posts/faq.md",
        "---\ntitle: FAQ\n---\n{{% details \"What Hugo version is required?\" %}}\nHugo 0.146 or later.\n{{% /details %}}\n\n\
         {{% details \"How do I override the theme?\" open %}}\nCreate files in `layouts/`.\n{{% /details %}}\n\n\
         {{% details title=\"Named\" open=true %}}\nNamed text.\n{{% /details %}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = site.read("posts/faq/index.html");
    let body = body(&page);
    for expected in [
        "<details><summary>What Hugo version is required?</summary>",
        "<details open><summary>How do I override the theme?</summary>",
        "<details open><summary>Named</summary>",
    ] {
        assert!(body.contains(expected), "{expected}: {body}");
    }
    assert!(!body.contains("<summary>Details</summary>"), "{body}");
}

#[test]
fn docsys_tabs_cards_blocks_comments_and_imgproc_are_drawn_as_docsy_draws_them() {
    // google/docsy-example: `blocks/cover`, `blocks/feature`, `tabpane`, `card`,
    // `imgproc` were "not supported: the page would lose what it stands for", and
    // every `{{< >}}` pair left out with its text (tabs of code, cards, captions).
    let site = hugo_site();
    site.write(
        "content/docs/guide/index.md",
        "---\ntitle: Guide\ndescription: Porridge &mdash; in the cloud\n---\n\
         {{% blocks/cover title=\"Welcome to Goldydocs\" height=\"full\" %}}\n\
         {{% _param description %}}\n\n{{% blocks/link-down color=\"info\" %}}\n\
         {{% /blocks/cover %}}\n\n\
         {{% blocks/section color=\"primary\" type=\"row\" %}}\n\
         {{% blocks/feature title=\"New chair metrics!\" icon=\"fa-lightbulb\" url=\"https://example.org/chairs\" %}}\n\
         Chair size is shown.\n{{% /blocks/feature %}}\n{{% /blocks/section %}}\n\n\
         {{< tabpane lang=\"bash\" >}}\n{{< tab header=\"Install\" >}}\n# install it\necho hi\n{{< /tab >}}\n\
         {{< tab header=\"Python\" lang=\"python\" >}}\n# a comment\nprint(\"hi\")\n{{< /tab >}}\n\
         {{< tab header=\"Zsh\" >}}echo '[[ $commands[kueue] ]] && source' >> ~/.zshrc{{< /tab >}}\n{{< /tabpane >}}\n\n\
         {{< tabpane text=true >}}\n{{% tab header=\"**Linux**\" %}}\nUse the *package manager*.\n{{% /tab %}}\n{{< /tabpane >}}\n\n\
         {{< card header=\"Card head\" footer=\"Card foot\" >}}\nCard text.\n{{< /card >}}\n\n\
         {{% card header=\"[Azure](https://azure.example/arc/)\" %}}\nA logo.\n{{% /card %}}\n\n\
         {{< card code=true header=\"Example\" lang=\"python\" >}}\n# not a heading\nx = 1\n{{< /card >}}\n\n\
         {{< comment >}}\nA private note.\n{{< /comment >}}\n\n\
         {{< imgproc sunset Fill \"300x200\" >}}\nThe *sunset*.\n{{< /imgproc >}}\n",
    );
    site.write("content/docs/guide/images/featured-sunset.jpg", "JPEG");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = site.read("docs/guide/index.html");
    let page = body(&page);
    for shown in [
        "<h2 id=\"welcome-to-goldydocs\">Welcome to Goldydocs",
        "<p>Porridge — in the cloud</p>",
        "<h3 id=\"new-chair-metrics\">New chair metrics!",
        "<p>Chair size is shown.</p>\n<p><a href=\"https://example.org/chairs\">Read more</a></p>",
        "<p><strong>Install</strong></p>\n<pre class=\"hl\"><code class=\"language-bash\">",
        "<p><strong>Python</strong></p>\n<pre class=\"hl\"><code class=\"language-python\">",
        // A tab written on one line with its tags (kueue's), code all the same.
        "<p><strong>Zsh</strong></p>\n<pre class=\"hl\"><code class=\"language-bash\">",
        "<p><strong>Linux</strong></p>\n<p>Use the <em>package manager</em>.</p>",
        "<p><strong>Card head</strong></p>\n<p>Card text.</p>\n<p><strong>Card foot</strong></p>",
        // A header holding a link, as fluxcd's ecosystem cards write it.
        "<p><strong><a href=\"https://azure.example/arc/\">Azure</a></strong></p>\n<p>A logo.</p>",
        "<p><strong>Example</strong></p>\n<pre class=\"hl\"><code class=\"language-python\">",
        "<figure>\n<img src=\"../../docs/guide/images/featured-sunset.jpg\" alt=\"\">\n<figcaption>\n<p>The <em>sunset</em>.</p>\n</figcaption>\n</figure>",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    // Code stays code, and a comment is never published.
    assert!(!page.contains("<h1"), "{page}");
    assert!(!page.contains("private"), "{page}");
}

#[test]
fn goldmarks_block_attribute_lines_are_not_shown_and_their_ids_lead_there() {
    // google/docsy-example (`content/en/_index.md`, `about/index.md`): `{.display-6}`
    // after a paragraph, Goldmark's block attributes, was shown as text.
    let site = hugo_site();
    site.write(
        "content/posts/attributes.md",
        "---\ntitle: Attributes\n---\nPorridge, in the cloud!\n{.display-6}\n\n- one\n- two\n{#steps .list}\n\nSee [the steps](#steps).\n\n```\nText\n{.kept}\n```\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("steps"), "{}", run.stderr);
    let page = site.read("posts/attributes/index.html");
    let page = body(&page);
    assert!(page.contains("<p>Porridge, in the cloud!</p>"), "{page}");
    assert!(!page.contains("display-6"), "{page}");
    assert!(!page.contains("{#steps"), "{page}");
    assert!(page.contains("<a id=\"steps\"></a>"), "{page}");
    assert!(page.contains("{.kept}"), "{page}");
}

#[test]
fn hextras_cards_tabs_file_trees_and_badges_keep_their_words_and_links() {
    // imfing/hextra's documentation: `cards` … `card`, `tabs` … `tab`, `filetree/…`,
    // `badge`, `icon`, `steps` were "not supported", the `{{< >}}` pairs left out with
    // their text (the cards' links, every tab); `{{% relRef "others" %}}` in a link's
    // address was read only as `relref`.
    let site = hugo_site();
    site.write(
        "content/docs/other.md",
        "---\ntitle: Other\n---\n## Badge\n\nText.\n",
    );
    site.write(
        "content/docs/guide.md",
        "---\ntitle: Guide\n---\n\
         {{< cards >}}\n  {{< card link=\"../other\" title=\"The other page\" icon=\"x\" >}}\n  {{< card link=\"https://example.org/\" title=\"Elsewhere\" subtitle=\"A site\" >}}\n{{< /cards >}}\n\n\
         {{< tabs items=\"JSON,YAML\" >}}\n{{< tab >}}The *JSON* way.{{< /tab >}}\n{{< tab >}}The YAML way.{{< /tab >}}\n{{< /tabs >}}\n\n\
         {{< tabs >}}\n{{< tab name=\"TOML\" >}}The TOML way.{{< /tab >}}\n{{< /tabs >}}\n\n\
         {{< filetree/container >}}\n  {{< filetree/folder name=\"content\" >}}\n    {{< filetree/file name=\"_index.md\" >}}\n  {{< /filetree/folder >}}\n  {{< filetree/file name=\"hugo.toml\" >}}\n{{< /filetree/container >}}\n\n\
         A {{< badge \"v1.0\" >}} badge {{< icon \"github\" >}}and [the badge]({{% relRef \"other#badge\" %}}).\n\n\
         {{% steps %}}\n\n### Install\n\nRun it.\n\n{{% /steps %}}\n\n\
         {{% details title=\"More\" %}}\nHidden *text*.\n{{% /details %}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    assert!(!run.stderr.contains("relRef"), "{}", run.stderr);
    let page = site.read("docs/guide/index.html");
    let page = body(&page);
    for shown in [
        ">The other page</a></li>",
        "<a href=\"https://example.org/\">Elsewhere</a>: A site</li>",
        "<p><strong>JSON</strong></p>\n<p>The <em>JSON</em> way.</p>",
        "<p><strong>YAML</strong></p>\n<p>The YAML way.</p>",
        "<p><strong>TOML</strong></p>\n<p>The TOML way.</p>",
        "<li>\n<p><code>content</code></p>\n<ul>\n<li><code>_index.md</code></li>\n</ul>\n</li>",
        "<code>hugo.toml</code>",
        "<p>A v1.0 badge and <a href=\"../../docs/other/#badge\"",
        "<h3 id=\"install\">Install",
        "<details open><summary>More</summary>",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert!(page.contains("href=\"../../docs/other/\""), "{page}");
}

/// medic/cht-docs: 35 Hextra cards in 10 pages show a screenshot (`image="…"`); one
/// with no title was left out with a report, one with a title lost its image. Each
/// shows its image, after its title or, with none, as its link, named by its file.
#[test]
fn a_hextra_cards_image_is_shown() {
    let site = hugo_site();
    site.write("content/docs/shot.png", b"\x89PNG\r\n");
    site.write(
        "content/docs/_index.md",
        "---\ntitle: Docs\n---\n{{< cards >}}\n{{< card link=\"shot.png\" image=\"shot.png\" method=\"resize\" >}}\n\
         {{< card link=\"shot.png\" title=\"The form\" image=\"shot.png\" >}}\n{{< /cards >}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = site.read("docs/index.html");
    assert!(
        page.contains("<img src=\"../docs/shot.png\" alt=\"shot\" loading=\"lazy\"></a></li>"),
        "{page}"
    );
    assert!(
        page.contains(">The form</a> <img src=\"../docs/shot.png\" alt=\"The form\""),
        "{page}"
    );
}

#[test]
fn hextras_hero_badge_in_a_div_is_a_link_around_its_html() {
    // imfing/hextra's blog page: the badge in a `<div>`, its text a `<span>`; it was
    // written as a Markdown link, which raw HTML does not read: `](<index.xml>)` showed.
    let site = hugo_site();
    site.write("content/docs/other.md", "---\ntitle: Other\n---\nText.\n");
    site.write(
        "content/docs/badge.md",
        "---\ntitle: Badge\n---\n<div style=\"text-align: center;\">\n{{< hextra/hero-badge link=\"/docs/other/\" >}}\n  <span>Other page</span>\n  {{< icon name=\"rss\" >}}\n{{< /hextra/hero-badge >}}\n</div>\n\n\
         A {{< hextra/hero-badge link=\"/docs/other/\" >}}**bold** badge{{< /hextra/hero-badge >}} in text.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("docs/badge/index.html");
    // (The whole page: `body` ends at the first `</div>`.)
    let page = &page[page.find("<div class=\"article-body\">").unwrap()..];
    assert!(!page.contains("]("), "{page}");
    assert!(
        page.contains("<a href=\"../../docs/other/\">\n  <span>Other page</span>"),
        "{page}"
    );
    assert!(
        page.contains("A <a href=\"../../docs/other/\"><strong>bold</strong> badge</a> in text."),
        "{page}"
    );
}

#[test]
fn hugo_docs_code_toggle_shows_its_settings_as_code_in_their_language() {
    // gohugoio/hugoDocs: 315 `{{< code-toggle file=hugo >}}` … pairs in 157 files, the
    // settings Hugo shows as TOML, YAML and JSON tabs, were left out of their pages.
    let site = hugo_site();
    site.write(
        "content/docs/settings.md",
        "---\ntitle: Settings\n---\nSet it:\n\n{{< code-toggle file=hugo >}}\n[params]\ndisplay_toc = true\n{{< /code-toggle >}}\n\n\
         Or in front matter:\n\n{{< code-toggle file=content/_index.md fm=true >}}\ntitle: Home\nweight: 1\n{{< /code-toggle >}}\n\n\
         `sites`\n: A map:\n\n  {{< code-toggle file=content/_index.md fm=true >}}\n  title = 'Home'\n  [sites.matrix]\n  languages = [\"en\"]\n  {{< /code-toggle >}}\n\n\
         ## Parameters\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("code-toggle"), "{}", run.stderr);
    let page = site.read("docs/settings/index.html");
    let page = body(&page);
    assert!(page.contains("language-toml"), "{page}");
    assert!(page.contains("display_toc"), "{page}");
    assert!(page.contains("language-yaml"), "{page}");
    let yaml = &page[page.find("language-yaml").unwrap()..];
    assert!(
        yaml.starts_with("language-yaml\">---\n") || yaml.contains(">---<"),
        "{yaml}"
    );
    assert!(yaml.contains("Home"), "{yaml}");
    // In a definition, indented: the front matter's delimiters stay in the fence, so
    // the heading after it is still one (the TOML one's `+++` ended the definition).
    assert!(page.contains("+++\n"), "{page}");
    assert!(page.contains("<h2 id=\"parameters\">"), "{page}");
}

#[test]
fn hugo_books_columns_buttons_math_and_images_are_drawn_as_hugo_book_draws_them() {
    // alex-shpak/hugo-book's example site: `columns`, `button`, `katex`, `image` were
    // "not supported", the math and the button's words left out of the page.
    let site = hugo_site();
    site.write(
        "content/docs/map.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.write(
        "content/docs/book.md",
        "---\ntitle: Book\n---\n{{< katex />}}\n\n\
         {{% columns ratio=\"1:2\" %}}\n- ### Fast\n  Built on Hugo.\n- ### Simple\n  Few parts.\n{{% /columns %}}\n\n\
         {{<button href=\"/docs/book/\">}}Get started{{</button>}}\n\n\
         Inline {{< katex >}}x_1 + x_2{{< /katex >}} math.\n\n\
         {{< katex display=true >}}\nf(x) = \\int_{-\\infty}^\\infty \\hat f(\\xi)\\,e^{2 \\pi i \\xi x}\\,d\\xi\n{{< /katex >}}\n\n\
         {{< image src=\"../map.svg\" alt=\"The map\" title=\"Click to expand\" >}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = site.read("docs/book/index.html");
    let page = body(&page);
    for shown in [
        "<h3 id=\"fast\">Fast",
        "<a href=\"../../docs/book/\"",
        ">Get started</a>",
        "Inline <math display=\"inline\">",
        "<math display=\"block\">",
        "alt=\"The map\" title=\"Click to expand\"",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert!(!page.contains("katex"), "{page}");
}

#[test]
fn geekdocs_button_leads_to_the_page_its_relref_names() {
    // thegeeklab/hugo-geekdoc's example site: `{{< button size="large"
    // relref="usage/getting-started/" >}}Getting Started{{< /button >}}` was "not
    // supported", the home page's call to action left out with its words.
    let site = hugo_site();
    site.write(
        "content/docs/start/_index.md",
        "---\ntitle: Getting started\n---\nFirst steps.\n",
    );
    site.write(
        "content/docs/home.md",
        "---\ntitle: Home\n---\n{{< button size=\"large\" relref=\"docs/start/\" >}}Getting Started{{< /button >}}\n\n{{< button relref=\"docs/nowhere\" >}}Gone{{< /button >}}\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    // The page it names is checked as any link's: one that is not there is reported.
    run.assert_stderr_contains("warning: 'docs/nowhere.md' is not written yet");
    site.write(
        "content/docs/home.md",
        "---\ntitle: Home\n---\n{{< button size=\"large\" relref=\"docs/start/\" >}}Getting Started{{< /button >}}\n",
    );
    site.build().assert_code(0);
    let page = site.read("docs/home/index.html");
    let page = body(&page);
    assert!(page.contains("<a href=\"../../docs/start/\""), "{page}");
    assert!(page.contains(">Getting Started</a>"), "{page}");
}

#[test]
fn a_themes_demo_site_reads_the_shortcodes_of_the_theme_it_sits_in() {
    // CaiJimmy/hugo-theme-stack's `demo/` takes the theme from the folder above
    // (`replace github.com/CaiJimmy/hugo-theme-stack/v3 => ../` in its go.mod), as a
    // theme's `exampleSite/` does with `--themesDir ../..`: its `{{< quote >}}`
    // markdownifies its text, which was left out as an unknown shortcode's.
    let site = hugo_site();
    site.write(
        "../stack/layouts/_shortcodes/quote.html",
        "<blockquote><p>{{ .Inner | markdownify }}</p></blockquote>\n",
    );
    site.write(
        "go.mod",
        "module example.org/demo\n\ngo 1.25\n\nreplace (\n\texample.org/stack/v3 => ../stack // the theme\n)\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< quote author=\"Someone\" >}}\nWords *kept*.\n{{< /quote >}}\n\n{{< aside >}}\nAside text.\n{{< /aside >}}\n",
    );
    // The exampleSite form: the theme is the folder holding the site.
    site.write("../theme.toml", "name = \"Docs\"\n");
    site.write(
        "../layouts/shortcodes/aside.html",
        "<aside>{{ .Inner | .Page.RenderString }}</aside>\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    assert!(text.contains("Words <em>kept</em>."), "{text}");
    assert!(text.contains("Aside text."), "{text}");
    // Without them, the text is left out.
    site.remove("go.mod");
    site.remove("../theme.toml");
    site.build().assert_code(0);
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    assert!(
        !text.contains("kept") && !text.contains("Aside text."),
        "{text}"
    );
}

#[test]
fn loveits_links_people_versions_and_raw_formulas_are_drawn_as_loveit_draws_them() {
    // dillonzq/LoveIt's example site (and DoIt's, FixIt's): `link` and `person` were
    // left out with their words and addresses, `version` badges with theirs, `style`
    // and `raw` pairs with their text; Hugo's `x`, `instagram` and `gist` with the
    // address of what they show.
    let site = hugo_site();
    site.write("assets/music/song.mp3", "ID3");
    site.write(
        "content/posts/third.md",
        concat!(
            "---\ntitle: Third\n---\n",
            "* {{< link \"https://assemble.io\" Assemble \"Visit\" >}} and ",
            "{{< link href=\"../second-post/\" content=\"the second\" >}}\n",
            "* {{< person url=\"https://e.org/\" name=\"Evgeny\" text=\"a writer\" >}}\n",
            "* **toc**: {{< version 0.2.9 changed >}} the contents.\n\n",
            "{{< style \"text-align:right\" >}}\nThis is **right-aligned**.\n{{< /style >}}\n\n",
            "Inline: {{< raw >}}\\(\\mathbf{E}_{1}\\){{< /raw >}}\n\n",
            "{{< x user=GoHugoIO id=917359331535966209 >}}\n\n",
            "{{< gist spf13 7896402 >}}\n\n",
            "{{< music url=\"/music/song.mp3\" name=Song artist=Someone >}}\n\n",
            "{{< typeit >}}Typed **out**.{{< /typeit >}}\n\n",
            "{{< typeit code=java >}}\nclass Typed {}\n{{< /typeit >}}\n",
        ),
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    for shown in [
        "<a href=\"https://assemble.io\" title=\"Visit\">Assemble</a>",
        "<a href=\"../../posts/second-post/\" id=\"ref-1\">the second</a>",
        "<a href=\"https://e.org/\" title=\"a writer\">Evgeny</a>",
        "<em>Changed in 0.2.9</em> the contents.",
        "This is <strong>right-aligned</strong>.",
        "<math",
        "<a href=\"https://x.com/GoHugoIO/status/917359331535966209\">",
        "<a href=\"https://gist.github.com/spf13/7896402\">",
        "Song — Someone",
        "<audio controls",
        "Typed <strong>out</strong>.",
        "class=\"language-java\"",
    ] {
        assert!(text.contains(shown), "{shown}: {text}");
    }
    assert!(!text.contains("{{") && !text.contains("\\("), "{text}");
    // A link it holds is checked as any link.
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< link \"../nowhere/\" Gone >}}\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to '../nowhere/'");
}

#[test]
fn a_pair_whose_template_only_styles_its_text_keeps_it_without_a_warning() {
    // jpanther/congo's example site: `{{< lead >}}` sets its text larger, nothing
    // more; it was reported as a shortcode whose meaning the page would lose. A box
    // that means something (`<aside>`) keeps its text and its report. Congo's `lead`,
    // `badge` and `screenshot` are drawn where the theme is a module, not in the
    // repository.
    let site = hugo_site();
    site.write(
        "layouts/shortcodes/intro.html",
        "<div class=\"intro !mb-9 text-xl\">\n  {{ .Inner | markdownify }}\n</div>\n",
    );
    site.write(
        "layouts/shortcodes/aside.html",
        "<aside class=\"note\">{{ .Inner | markdownify }}</aside>\n",
    );
    site.write("content/posts/third/shot.png", "PNG");
    site.write(
        "content/posts/third/index.md",
        concat!(
            "---\ntitle: Third\n---\n",
            "{{< intro >}}\nA *larger* opening.\n{{< /intro >}}\n\n",
            "{{< aside >}}\nBeside the point.\n{{< /aside >}}\n\n",
            "{{< lead >}}\nThe lead.\n{{< /lead >}}\n\n",
            "Now {{< badge >}}new{{< /badge >}} here.\n\n",
            "{{< screenshot src=\"shot.png\" alt=\"The screen\" caption=\"Settings\" >}}\n",
        ),
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("`{{< intro"), "{}", run.stderr);
    assert!(!run.stderr.contains("`{{< lead"), "{}", run.stderr);
    assert!(!run.stderr.contains("`{{< badge"), "{}", run.stderr);
    assert!(!run.stderr.contains("`{{< screenshot"), "{}", run.stderr);
    run.assert_stderr_contains("`{{< aside >}}`");
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    for shown in [
        "<p>A <em>larger</em> opening.</p>",
        "Beside the point.",
        "<p>The lead.</p>",
        "<p>Now new here.</p>",
        "alt=\"The screen\"",
    ] {
        assert!(text.contains(shown), "{shown}: {text}");
    }
}

/// kedacore/keda-docs: `{{< collapsible "Golang" >}}` … `{{< /collapsible >}}` (354
/// pairs in 24 files), a box titled by its first argument that opens on a click, holds
/// each language's steps. The steps were kept but the titles lost, so a page showed
/// three sets of steps with nothing saying which language each was for, and each box
/// was reported. A template printing only arguments above its text, in header and
/// styling elements, is those arguments in bold above the text, not reported; one
/// printing an argument after its text, or a link, keeps its report.
#[test]
fn a_box_titled_by_its_arguments_keeps_its_title_above_its_text() {
    let site = hugo_site();
    site.write(
        "layouts/shortcodes/collapsible.html",
        "<div class=\"card is-collapsible\" x-data=\"{ open: false }\">\n  <header class=\"has-mouse-icon\" @click=\"open = !open\">\n    <p class=\"card-header-title title is-size-4\">\n      {{ .Get 0 }}\n    </p>\n  </header>\n  <div class=\"card-content\" x-show=\"open\">\n    <div class=\"content\">\n      {{ .Inner | markdownify }}\n    </div>\n  </div>\n</div>\n",
    );
    site.write(
        "layouts/shortcodes/titled.html",
        "{{ with .Get \"title\" }}<h5>{{ . }}</h5>{{ end }}<div>{{ .Inner | markdownify }}</div>\n",
    );
    site.write(
        "layouts/shortcodes/signed.html",
        "<div>{{ .Inner | markdownify }}<p>{{ .Get \"by\" }}</p></div>\n",
    );
    site.write(
        "content/posts/steps.md",
        concat!(
            "---\ntitle: Steps\n---\n",
            "{{< collapsible \"Golang\" >}}\n\n1. Get `protoc-gen-go`\n\n{{< /collapsible >}}\n\n",
            "{{< collapsible \"C#\" >}}\nRun *dotnet*.\n{{< /collapsible >}}\n\n",
            "{{< titled title=\"When to call\" >}}\nAny time.\n{{< /titled >}}\n\n",
            "{{< titled >}}\nUntitled.\n{{< /titled >}}\n\n",
            "{{< signed by=\"A. N.\" >}}\nA letter.\n{{< /signed >}}\n",
        ),
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("`{{< signed by=\"A. N.\" >}}`");
    for quiet in ["{{< collapsible", "{{< titled"] {
        assert!(!run.stderr.contains(quiet), "{quiet}: {}", run.stderr);
    }
    let page = site.read("posts/steps/index.html");
    let text = body(&page);
    for shown in [
        "<p><strong>Golang</strong></p>\n<ol>\n<li>Get <code>protoc-gen-go</code></li>",
        "<p><strong>C#</strong></p>\n<p>Run <em>dotnet</em>.</p>",
        "<p><strong>When to call</strong></p>\n<p>Any time.</p>",
        "<p>Untitled.</p>",
        "<p>A letter.</p>",
    ] {
        assert!(text.contains(shown), "{shown}: {text}");
    }
    assert!(!text.contains("A. N."), "{text}");
}

/// linkerd/website: its own `{{< cli-flags "…" >}}` on 534 pages, a data-driven
/// template attune cannot run, was 534 warnings alike burying the rest of `check`.
/// More than three calls of one shortcode are one warning at the first, saying how
/// many in how many files and naming three more; three or fewer stay one each.
#[test]
fn many_calls_of_one_unsupported_shortcode_are_one_warning() {
    let site = Fixture::new("hugo");
    for (i, page) in ["a", "b", "c"].iter().enumerate() {
        site.write(
            &format!("content/posts/{page}.md"),
            format!("---\ntitle: {page}\n---\n{{{{< cli-flags \"{i}\" >}}}}\n\nText.\n\n{{{{< cli-flags \"more\" >}}}}\n\n{{{{< once >}}}}\n"),
        );
    }
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: Hugo shortcode `{{< cli-flags \"0\" >}}` is not supported: the page would lose what it stands for (6 uses of `cli-flags` in 3 files, reported here as one)\n --> content/posts/a.md:4:1",
    );
    assert_eq!(
        run.stderr
            .matches("warning: Hugo shortcode `{{< cli-flags")
            .count(),
        1,
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("- here too").count(),
        3,
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr
            .matches("`{{< once >}}` is not supported")
            .count(),
        3
    );
}

/// linkerd/website: `{{< section-toc >}}` on 43 section pages ranges over
/// `.Page.Pages`, listing the section's pages, as Relearn's `{{% children %}}` does:
/// attune's hub lists them already, so the call is left out without a report; one
/// listing the whole site's pages (`.Site.RegularPages`) is still reported.
#[test]
fn a_shortcode_listing_the_pages_of_a_section_is_the_hubs_own_list() {
    let site = Fixture::new("hugo");
    site.write(
        "layouts/docs/_shortcodes/section-toc.html",
        "{{- $pages := where .Page.Pages \"Params.unlisted\" \"ne\" true }}\n{{- with $pages }}<ul>{{- range . }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{- end }}</ul>{{- end }}\n",
    );
    site.write(
        "layouts/shortcodes/recent.html",
        "<ul>{{ range first 5 .Site.RegularPages }}<li>{{ .Title }}</li>{{ end }}</ul>\n",
    );
    site.write(
        "content/docs/_index.md",
        "---\ntitle: Docs\n---\nThe guides:\n\n{{< section-toc >}}\n\n{{% children depth=\"2\" %}}\n",
    );
    site.write(
        "content/docs/first.md",
        "---\ntitle: First guide\n---\nOne.\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< recent >}}\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("`{{< recent >}}`");
    assert!(!run.stderr.contains("_index.md"), "{}", run.stderr);
    let hub = site.read("docs/index.html");
    assert!(
        hub.contains("The guides:") && hub.contains("First guide"),
        "{hub}"
    );
    assert!(
        !hub.contains("section-toc") && !hub.contains("children"),
        "{hub}"
    );
    // Learn's own `children`, in the theme (amazon-archives/amplify-photo-gallery-
    // workshop's 11 section pages): it prints `.Inner` after the list, which is
    // nothing in a lone call; it was reported as losing what it stands for.
    site.write(
        "themes/learn/layouts/shortcodes/children.html",
        "{{ $style := .Get \"style\" | default \"li\" }}\n<ul class=\"children\">\n{{ .Scratch.Set \"pages\" .Page.Pages }}\n\
         {{ template \"childs\" dict \"menu\" (.Scratch.Get \"pages\") }}\n</ul>\n{{.Inner|safeHTML}}\n\
         {{ define \"childs\" }}{{ range .menu }}<li>{{ .Title }}</li>{{ end }}{{ end }}\n",
    );
    site.write("hugo.toml", "title = \"Workshop\"\ntheme = \"learn\"\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("children"), "{}", run.stderr);
}

/// linkerd/website: `{{< command-output >}}` around a fenced code block, 114 times; its
/// template reads `.Inner` to split the commands from their output. Left out, the
/// pages lost their example output; the block is kept, and the call still reported.
/// Other text in such a pair is still left out.
#[test]
fn a_pair_around_one_code_block_whose_template_reads_it_keeps_the_code() {
    let site = Fixture::new("hugo");
    site.write(
        "layouts/_shortcodes/command-output.html",
        "{{- $inner := trim .Inner \"\\n\\r\\t \" -}}\n{{- $lines := split $inner \"\\n\" -}}\n<div class=\"out\">{{ range $lines }}{{ . }}{{ end }}</div>\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< command-output \"You should see:\" >}}\n```bash\n$ linkerd check\nStatus check results are √\n```\n{{< /command-output >}}\n\n{{< command-output >}}\nNot code.\n{{< /command-output >}}\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "`{{< command-output \"You should see:\" >}}` … `{{< /command-output >}}`",
    );
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    assert!(
        text.contains("language-bash") && text.contains("check results are √"),
        "{text}"
    );
    assert!(!text.contains("Not code."), "{text}");
}

/// kakawait/hugo-tranquilpeak-theme: `{{< codeblock "main.js" lang="js" >}}` … prints
/// its trimmed inner text inside `<pre><code>`, 29 times on its demo site; reported,
/// the code was left out. Shown as it is in a `<code>` element, it is a fenced code
/// block in the language its `lang` argument names.
#[test]
fn a_shortcode_printing_its_text_in_a_code_element_is_a_code_block() {
    let site = Fixture::new("hugo");
    site.write(
        "layouts/shortcodes/codeblock.html",
        "{{ if .IsNamedParams }}{{ $.Scratch.Add \"c-language\" (lower (.Get \"lang\")) }}{{ end }}\n{{ $trimmedContent := trim .Inner \"\\n\" }}\n<figure class=\"highlight\"><table><tr><td class=\"code\"><pre><code class=\"{{ $.Scratch.Get \"c-language\" }}\">{{ $trimmedContent }}</code></pre></td></tr></table></figure>\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< codeblock title=\"main.js\" lang=\"js\" >}}\nconst a = [1, 2].map(x => x * 2);\n{{< /codeblock >}}\n\n{{< codeblock \"Array.map\" >}}\nlet b = 1;\n{{< /codeblock >}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    assert!(
        text.contains("language-js") && text.contains("map"),
        "{text}"
    );
    assert!(
        text.contains("let b = 1;") || text.contains(">let</span>"),
        "{text}"
    );
    assert!(!text.contains("codeblock"), "{text}");
}

/// halogenica/beautifulhugo: `{{< beautifulfigure src="/img/x.png" caption="…" >}}`
/// hands the call to a partial drawing the image its `src` names (hugo-easy-gallery's
/// `figure`); `{{< column >}}` prints `</div><div class="right">` and nothing else.
/// Reported, the images were lost; the column break lost nothing but a look.
#[test]
fn a_shortcode_drawing_its_src_is_a_figure_and_one_printing_markup_alone_is_silent() {
    let site = Fixture::new("hugo");
    site.write(
        "layouts/shortcodes/beautifulfigure.html",
        "{{ partial \"shortcodes/beautifulfigure.html\" . }}\n",
    );
    site.write(
        "layouts/partials/shortcodes/beautifulfigure.html",
        "{{- $thumb := .Get \"src\" }}\n<figure><img src=\"{{ $thumb | relURL }}\" alt=\"{{ .Get \"alt\" }}\"/>{{ with .Get \"caption\" }}<figcaption>{{ . }}</figcaption>{{ end }}</figure>\n",
    );
    site.write(
        "layouts/shortcodes/column.html",
        "</div><div class=\"right\">\n",
    );
    site.write("static/img/sky.png", "png");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{< beautifulfigure src=\"/img/sky.png\" caption=\"The sky\" alt=\"A blue sky\" >}}\n\nLeft.\n\n{{< column >}}\n\nRight.\n",
    );
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{toml}\n[build]\nstatic_dir = \"static\"\n"),
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let text = body(&page);
    assert!(
        text.contains("img/sky.png") && text.contains("A blue sky"),
        "{text}"
    );
    assert!(
        text.contains("The sky") && text.contains("Right."),
        "{text}"
    );
}

#[test]
fn an_inline_shortcode_without_template_actions_prints_its_text() {
    // PaperMod's demo site: `{{< math.inline >}}` around HTML holding KaTeX's
    // delimiters, and one whose template reads the page, which attune cannot run.
    let site = hugo_site();
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\nmath: true\n---\nBefore.\n\n{{< math.inline >}}\n\n<p class=\"formula\">\nInline math: \\(\\varphi = 1\\)\n</p>\n{{</ math.inline >}}\n\n\
         Then {{< note.inline >}}<b>bold</b>{{< /note.inline >}} here.\n\n\
         {{< title.inline >}}\n{{ .Page.Title }}\n{{< /title.inline >}}\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    run.assert_stderr_contains(
        "warning: Hugo shortcode `{{< title.inline >}}` … `{{< /title.inline >}}` is not supported",
    );
    let page = site.read("posts/third/index.html");
    let body = body(&page);
    assert!(
        body.contains("<p class=\"formula\">\nInline math: <math"),
        "{body}"
    );
    assert!(body.contains("Then <b>bold</b> here."), "{body}");
    assert!(
        !body.contains("Page.Title") && !body.contains(".inline"),
        "{body}"
    );
    assert!(body.contains("After."), "{body}");
}

#[test]
fn a_markdown_inline_shortcodes_template_is_never_page_text() {
    // rhize-docs (`enableInlineShortcodes`): `{{% intro.inline "equipment" %}}` around
    // the Go template that writes the sentence. Its body is the template, which Hugo
    // runs; readers saw `{{ $term := (.Get 0) }}` as text.
    let site = hugo_site();
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\nBefore.\n\n{{% intro.inline \"equipment\" %}}\n{{ $term := (.Get 0) }}\n\
         {{ $vowels := slice \"a\" \"e\" }}\nThe {{cond (in $vowels \"e\") \"an\" \"a\" }} {{ $term }} object has these fields:\n\
         {{% /intro.inline %}}\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    run.assert_stderr_contains(
        "warning: Hugo shortcode `{{% intro.inline \"equipment\" %}}` … `{{% /intro.inline %}}` is not supported",
    );
    let page = site.read("posts/third/index.html");
    let body = body(&page);
    for gone in ["$term", "Get 0", "vowels", "object has", ".inline"] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
    assert!(
        body.contains("Before.") && body.contains("After."),
        "{body}"
    );
}

#[test]
fn a_shortcode_whose_template_is_fixed_text_prints_that_text() {
    // kubeflow's site: `{{% hub/latest-version %}}` ("0.3.14") in links' addresses,
    // `{{< workspaces-beta-notice >}}` (a notice's HTML), `{{% kfp-v2-keywords %}}`
    // (a `<meta>`): each was "not supported".
    let site = hugo_site();
    site.write("layouts/shortcodes/hub/latest-version.html", "0.3.14\n");
    site.write(
        "layouts/shortcodes/notice.html",
        "<!-- Reusable notice. -->\n{{- $_hugo_config := `{ \"version\": 1 }` -}}\n<div class=\"alert\" role=\"alert\">\n    <p>Beta software.</p>\n\n    <p>Staging only.</p>\n</div>\n",
    );
    site.write(
        "layouts/shortcodes/keywords.html",
        "<meta name=\"keywords\" content=\"kfp, sdk\">\n",
    );
    site.write("layouts/shortcodes/runs.html", "v{{ .Get 0 }}\n");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n{{% keywords %}}\n\nThe [manifests](https://github.com/k/hub/tree/v{{% hub/latest-version %}}/manifests) \
         of version {{< hub/latest-version >}}.\n\n{{< notice >}}\n\nAfter {{< runs 2 >}}.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    run.assert_stderr_contains("warning: Hugo shortcode `{{< runs 2 >}}` is not supported");
    let page = site.read("posts/third/index.html");
    let body = body(&page);
    assert!(
        body.contains("href=\"https://github.com/k/hub/tree/v0.3.14/manifests\""),
        "{body}"
    );
    assert!(body.contains("of version 0.3.14."), "{body}");
    assert!(body.contains("<p>Beta software.</p>"), "{body}");
    assert!(page.contains("<p>Staging only.</p>\n</div>"), "{page}");
    assert!(!body.contains("<pre") && !body.contains("<meta"), "{body}");
}

#[test]
fn a_shortcode_whose_template_emojifies_a_string_prints_the_emoji() {
    // jaeger's documentation: `check_yes.html` is `{{ emojify ":white_check_mark:" }}`,
    // `check_no.html` `{{ emojify ":x:" }}`; its capability tables are made of them
    // (587 uses), and every cell was left empty, with an "unsupported" warning.
    let site = hugo_site();
    site.write(
        "themes/basetheme/layouts/shortcodes/check_yes.html",
        "{{ emojify \":white_check_mark:\" }}\n",
    );
    site.write(
        "themes/basetheme/layouts/shortcodes/check_no.html",
        "{{- emojify `:x:` -}}\n",
    );
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntheme = \"basetheme\"\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n| Storage | TLS | Kerberos |\n| --- | --- | --- |\n| Cassandra | {{< check_yes >}} | {{< check_no >}} |\n\n- {{< check_yes >}} Supported\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("check_"), "{}", run.stderr);
    let page = site.read("posts/third/index.html");
    let body = body(&page);
    assert!(
        body.contains("<td>Cassandra</td><td>\u{2705}</td><td>\u{274c}</td>"),
        "{body}"
    );
    assert!(body.contains("<li>\u{2705} Supported</li>"), "{body}");
}

#[test]
fn a_themes_include_shortcode_includes_the_file_as_include_does() {
    // Geekdoc's exampleSite: `{{< include file="/static/custom.css.example"
    // language="CSS" >}}` (a code block), a Markdown part, a page without its front
    // matter (`type="page"`); Docsy's `readfile` from the page's folder. Each was
    // "not supported" and the page lost the file's text.
    let site = hugo_site();
    site.write(
        "static/custom.css.example",
        ":root {\n  --accent: teal;\n}\n",
    );
    site.write(
        "static/_includes/table.md.part",
        "| Feeling | Need |\n| --- | --- |\n| Alone | Company |\n",
    );
    site.write(
        "content/_includes/when-to-get-help.md",
        "---\ntitle: When to get help\n---\nCall your **local crisis line**.\n",
    );
    site.write("content/posts/steps.yaml", "steps:\n  - breathe\n");
    // opentelemetry.io's `include` looks for `_includes/<file>` from the page up;
    // kueue's reads `static/<file>`, its language named after it.
    site.write(
        "content/_includes/env-var-note.md",
        "---\n---\nSettings are read from the **environment**.\n",
    );
    site.write("static/examples/job.yaml", "kind: Job\nname: sample-job\n");
    site.write(
        "content/posts/_includes/keep-current.md",
        "---\n---\nKeep your {{ $1 }} listing current.\n{{ if not $1 }}\nNo kind given.\n{{ end }}\n",
    );
    // A page by its path as `GetPage` takes it, without `.md` (crossplane's docs).
    site.write(
        "content/guides/install-include.md",
        "---\ntitle: Install\n---\nRun the **installer**.\n",
    );
    site.write(
        "content/posts/includes.md",
        "---\ntitle: Includes\n---\nStyle:\n\n\
         {{< include file=\"/static/custom.css.example\" language=\"CSS\" options=\"linenos=table\" >}}\n\n\
         {{< include file=\"/static/_includes/table.md.part\" >}}\n\n\
         {{< include file=\"/_includes/when-to-get-help.md\" type=\"page\" >}}\n\n\
         {{< include file=\"guides/install-include\" type=\"page\" >}}\n\n\
         {{< readfile file=\"steps.yaml\" code=\"true\" lang=\"yaml\" >}}\n\n\
         {{% include \"env-var-note.md\" %}}\n\n\
         {{% include keep-current.md vendor %}}\n\n\
         {{< include \"examples/job.yaml\" \"yaml\" >}}\n\n\
         Shown as written: `{{< include file=\"x.md\" >}}`.\n\n\
         {{< include file=\"/static/gone.md\" >}}\n",
    );
    let run = site.run(&["build"]);
    run.assert_code(1).assert_stderr_contains(
        "error: `{{< include file=\"/static/gone.md\" >}}`: no file 'static/gone.md'",
    );
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", format!("{book}broken_links = \"warn\"\n"));
    site.build().assert_code(0);
    let page = site.read("posts/includes/index.html");
    let body = body(&page);
    assert!(body.contains("language-CSS"), "{body}");
    assert!(body.contains("accent"), "{body}");
    assert!(body.contains("<td>Company</td>"), "{body}");
    assert!(
        body.contains("Call your <strong>local crisis line</strong>."),
        "{body}"
    );
    assert!(!body.contains("title: When"), "{body}");
    assert!(
        body.contains("Run the <strong>installer</strong>."),
        "{body}"
    );
    assert!(body.contains("language-yaml"), "{body}");
    assert!(body.contains("breathe"), "{body}");
    assert!(
        body.contains("Settings are read from the <strong>environment</strong>."),
        "{body}"
    );
    assert!(!body.contains("---"), "{body}");
    assert!(body.contains("Keep your vendor listing current."), "{body}");
    assert!(
        !body.contains("No kind given") && !body.contains("{{ $1"),
        "{body}"
    );
    assert!(body.contains("sample-job"), "{body}");
    assert_eq!(body.matches("language-yaml").count(), 2, "{body}");
    assert!(
        body.contains("<code>{{&lt; include file=\"x.md\" &gt;}}</code>"),
        "{body}"
    );
}

#[test]
fn an_include_is_read_from_hugo_s_own_folder_below_the_site_s() {
    // thegeeklab/hugo-geekdoc, with book.toml at the repository's root and
    // `content_dir = "exampleSite/content/en"`: `/static/custom.css.example` is in
    // `exampleSite/static/`, where Hugo runs; it was "no file".
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n[build]\ncontent_dir = \"exampleSite/content/en\"\n",
    );
    site.write("exampleSite/config/_default/hugo.toml", "baseURL = \"/\"\n");
    site.write(
        "exampleSite/static/custom.css.example",
        ":root {\n  --accent: teal;\n}\n",
    );
    site.write(
        "exampleSite/content/en/usage/theming.md",
        "---\ntitle: Theming\n---\n{{< include file=\"/static/custom.css.example\" language=\"CSS\" >}}\n",
    );
    site.build().assert_code(0);
    let page = site.read("usage/theming/index.html");
    assert!(body(&page).contains("accent"), "{page}");
}

#[test]
fn docsys_own_docs_tabs_params_and_refs_read_as_hugo_reads_them() {
    // docsy.dev: a tab label with no text (`{{< tab … />}}`), a tab opened with
    // `{{% %}}` and closed with `{{< >}}`, Docsy's `_param` with arguments filling its
    // value's `{1}`, and a `ref` in the address of a link whose text runs over a
    // line break: each was "not supported" and lost.
    let site = hugo_site();
    site.write(
        "hugo.yaml",
        "baseURL: https://example.org/\ntitle: Hugo\nparams:\n  btn-lg: class=\"btn btn-lg btn-{1}\" role=\"button\"\n",
    );
    site.write(
        "content/posts/feedback.md",
        "---\ntitle: Feedback\n---\n## Meta tags\n\nText.\n",
    );
    site.write(
        "content/posts/tabs.md",
        "---\ntitle: Tabs\n---\nSet it:\n\n\
         {{< tabpane text=true >}}\n\
         {{< tab header=\"Configuration file:\" disabled=true />}}\n\
         {{% tab header=\"hugo.toml\" %}}\n\nIn TOML.\n\n{{% /tab %}} {{% tab header=\"hugo.json\" %}}\n\n\
         In JSON.\n\n{{< /tab >}} {{< /tabpane >}}\n\n\
         <a {{% _param btn-lg primary %}} href=\"../feedback/\">Start</a>\n\n\
         See [Search Engine Optimization (SEO)\nmeta tags]({{< ref \"feedback#meta-tags\" >}}) for details.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("tabs.md"), "{}", run.stderr);
    let page = site.read("posts/tabs/index.html");
    let body = body(&page);
    assert!(
        body.contains("<strong>Configuration file:</strong>"),
        "{body}"
    );
    assert!(body.contains("<strong>hugo.json</strong>"), "{body}");
    assert!(body.contains("In JSON."), "{body}");
    assert!(
        body.contains("<a class=\"btn btn-lg btn-primary\" role=\"button\" href=\"../../posts/feedback/\">Start</a>"),
        "{body}"
    );
    assert!(
        body.contains("href=\"../../posts/feedback/#meta-tags\""),
        "{body}"
    );
}

#[test]
fn a_themes_layout_wrappers_are_silent_and_its_youtube_takes_an_address() {
    // Compose's exampleSite (a theme above it, Hugo 0.146's `layouts/_shortcodes/`):
    // `block`, `column` and `grid` only wrap their text in a `<div>` or `<section>`
    // whose class comes from an argument; each was "not supported". Its `youtube`
    // takes the video's address, where Hugo's takes the id; its `button` (a template of
    // one link) was lost.
    let dir = tempfile::tempdir().unwrap();
    let theme = dir.path().join("compose");
    let write = |rel: &str, text: &str| {
        let path = theme.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("theme.toml", "name = \"Compose\"\n");
    write(
        "layouts/_shortcodes/column.html",
        "{{- $modifier := .Get 0 -}}\n<div {{- with $modifier }} class=\"{{ . }}\"{{ end }}>\n {{- .Inner | markdownify -}}\n</div>\n",
    );
    write(
        "layouts/_shortcodes/block.html",
        "{{- $modifier := .Get 0 -}}\n{{- $bg := .Get 1 -}}\n<section class=\"{{ $modifier }}\"  {{ with $bg }}style=\"background-image: url(/images/{{ . }})\"{{ end }}>\n  {{- .Inner -}}\n</section>\n",
    );
    write(
        "layouts/_shortcodes/teaser.html",
        "<div class=\"teaser\"><h4>{{ .Get 0 }}</h4>{{ .Inner | markdownify }}</div>\n",
    );
    write(
        "layouts/_shortcodes/button.html",
        "{{- $link := .Get 0 -}}\n{{- $label := .Get 1 -}}\n{{- $modifier := .Get 2 -}}\n<a href=\"{{ $link }}\" class=\"button{{ with $modifier }} {{ . }}{{ end }}\">{{- $label | markdownify -}}</a>\n",
    );
    write(
        "exampleSite/content/docs/_index.md",
        "+++\ntitle = \"Docs\"\n+++\nRead on.\n",
    );
    write(
        "exampleSite/hugo.toml",
        "baseURL = \"https://example.org/\"\n",
    );
    write("exampleSite/book.toml", "[site]\ntitle = \"Compose\"\n");
    write(
        "exampleSite/content/_index.md",
        "+++\ntitle = \"Compose\"\n+++\n\n{{< block \"grid-2\" >}}\n{{< column >}}\n\n## Compose your **docs**\n\n{{< /column >}}\n{{< column \"right\" >}}\nSecond column.\n{{< /column >}}\n{{< /block >}}\n\n{{< youtube \"https://www.youtube.com/watch?v=aOC8E8z_ifw\" >}}\n\n{{< button \"docs/\" \"Read the Docs\" >}}\n\n{{< teaser \"Mind\" >}}\nMind it.\n{{< /teaser >}}\n",
    );
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["build"])
        .current_dir(theme.join("exampleSite"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    for quiet in [
        "`block`",
        "`column`",
        "`youtube`",
        "{{< block",
        "{{< column",
        "{{< button",
    ] {
        assert!(!stderr.contains(quiet), "{quiet}: {stderr}");
    }
    // A template printing an argument as a heading above its text: the heading's
    // words in bold above it, not reported.
    assert!(!stderr.contains("{{< teaser"), "{stderr}");
    let page = std::fs::read_to_string(theme.join("exampleSite/public/index.html")).unwrap();
    assert!(
        page.contains("<p><strong>Mind</strong></p>\n<p>Mind it.</p>"),
        "{page}"
    );
    assert!(
        page.contains("Compose your <strong>docs</strong>"),
        "{page}"
    );
    assert!(page.contains("Second column."), "{page}");
    assert!(
        page.contains("href=\"./docs/\" id=\"ref-1\">Read the Docs</a>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"https://www.youtube.com/watch?v=aOC8E8z_ifw\""),
        "{page}"
    );
}

#[test]
fn a_zola_pair_whose_template_only_styles_its_body_keeps_it_without_a_warning() {
    // mre/endler.dev: `{% info() %}` … `{% end %}`, whose template is
    // `<div class="info">{{ body | markdown() | safe }}</div>`, was reported as a
    // shortcode attune does not run; its body was kept. A template that prints more
    // (a title) is still reported.
    let zola = Fixture::new("hugo");
    zola.write("config.toml", "base_url = \"https://example.org\"\n");
    zola.write(
        "templates/shortcodes/info.html",
        "<div class=\"info\">\n  {{ body | markdown() | safe }}\n</div>\n",
    );
    zola.write(
        "templates/shortcodes/titled.html",
        "<div class=\"box\"><p>{{ title }}</p>{{ body | markdown | safe }}</div>\n",
    );
    zola.write(
        "content/posts/third.md",
        "+++\ntitle = \"Third\"\n+++\n{% info() %}\nA *small* search module.\n{% end %}\n\n{% titled(title=\"Note\") %}\nKept, reported.\n{% end %}\n",
    );
    let run = zola.build();
    run.assert_code(0).assert_stderr_contains(
        "Zola shortcode `{% titled(title=\"Note\") %}` … `{% end %}` is not supported",
    );
    assert!(!run.stderr.contains("info()"), "{}", run.stderr);
    let page = zola.read("posts/third/index.html");
    let text = body(&page);
    assert!(
        text.contains("<p>A <em>small</em> search module.</p>"),
        "{text}"
    );
    assert!(text.contains("Kept, reported."), "{text}");
    assert!(!text.contains("{%"), "{text}");
}

/// welpo/tabi, `content/blog/shortcodes/index.md`: Zola's escaped shortcodes,
/// `{{/* youtube(id="x") */}}` and `{%/* quote(…) */%}` … `{%/* end */%}`, were published
/// with their `/* */` (in prose, the pair reported as Liquid tags). Zola shows the call,
/// taking out only the markers (`ignored_inline_shortcode` in its `content.pest`), in
/// code and out of it; a pair's body as written; what is not a call as written.
#[test]
fn zolas_escaped_shortcodes_show_as_the_call_in_code_and_out_of_it() {
    let text = "+++\ntitle = \"Third\"\n+++\n```\n{{/* youtube(id=\"dQw4w9WgXcQ\") */}}\n{%/* quote(author=\"Vincent\") */%}\nA quote\n{%/* end */%}\n```\n\nCall it with `{{/* youtube(id=\"x\") */}}` or {{/*youtube(id=1)*/}}.\n\n{%/* note() */%}\nA {% body %} as written.\n{%/* end */%}\n\nNot a call: {{/* page.title */}}.\n";
    let zola = Fixture::new("hugo");
    zola.write("config.toml", "base_url = \"https://example.org\"\n");
    zola.write("content/posts/third.md", text);
    let run = zola.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("third.md"), "{}", run.stderr);
    let page = zola.read("posts/third/index.html");
    let page = body(&page);
    assert!(
        page.contains("<code>{{ youtube(id=\"dQw4w9WgXcQ\") }}\n{% quote(author=\"Vincent\") %}\nA quote\n{% end %}\n</code>"),
        "{page}"
    );
    assert!(
        page.contains("<code>{{ youtube(id=\"x\") }}</code> or {{youtube(id=1)}}."),
        "{page}"
    );
    assert!(
        page.contains("<p>{% note() %}\nA {% body %} as written.\n{% end %}</p>"),
        "{page}"
    );
    assert!(page.contains("Not a call: {{/* page.title */}}."), "{page}");

    // Elsewhere the escape is not Zola's: Hugo's site keeps the markers.
    let hugo = Fixture::new("hugo");
    hugo.write("content/posts/third.md", text);
    hugo.build().assert_code(0);
    let page = hugo.read("posts/third/index.html");
    assert!(
        page.contains("{{/* youtube(id=\"dQw4w9WgXcQ\") */}}"),
        "{page}"
    );
}
