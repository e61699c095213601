//! Hugo content that is not Markdown, and files Hugo finds outside `static/`: HTML
//! content pages (front matter, then HTML), the `assets/` folder and module mounts.

use crate::links::independent_check;
use crate::support::Fixture;

/// The article's own text on its page.
fn body(page: &str) -> &str {
    let start = page
        .find("<div class=\"article-body\">")
        .expect("an article body");
    let end = start
        + page[start..]
            .rfind("</article>")
            .unwrap_or(page.len() - start);
    &page[start..end]
}

#[test]
fn an_html_file_with_front_matter_is_a_page_read_from_its_address() {
    // linkerd's `content/tests/components.html`: front matter, then HTML whose
    // indented lines after blank ones are HTML still; Hugo publishes it at
    // `tests/components/`, so `../image.png` is `tests/image.png`.
    let site = Fixture::new("hugo");
    site.write("content/tests/image.png", "png");
    site.write(
        "content/tests/components.html",
        "---\ntitle: Components\nweight: 2\n---\n\n<div class=\"box\">\n  <h2 id=\"alert\">Alert</h2>\n\n    <img src=\"../image.png\" alt=\"A card\" />\n\n    <a href=\"#alert\">Up</a> <a href=\"../../posts/second-post/\">Second</a>\n</div>\n",
    );
    // TOML front matter, and a bundle's `index.html` read from its own folder.
    site.write("content/tests/bundle/pic.png", "png");
    site.write(
        "content/tests/bundle/index.html",
        "+++\ntitle = \"Bundle page\"\n+++\n<p><img src=\"pic.png\" alt=\"Pic\"></p>\n",
    );
    // No front matter: a file copied as it is.
    site.write(
        "content/tests/plain.html",
        "<!doctype html><title>Plain</title><p>As it is.</p>\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("tests/components/index.html");
    assert!(
        page.contains("<h1 id=\"article-title\">Components</h1>"),
        "{page}"
    );
    let text = body(&page);
    assert!(
        text.contains("<img src=\"../../tests/image.png\" alt=\"A card\""),
        "{text}"
    );
    assert!(!text.contains("<pre>"), "indented HTML is not code: {text}");
    assert!(text.contains("href=\"#alert\""), "{text}");
    assert!(text.contains("href=\"../../posts/second-post/\""), "{text}");
    assert!(!page.contains("---"), "front matter is not shown: {page}");
    assert!(!site.path("public/tests/components.html").exists());
    let bundle = site.read("tests/bundle/index.html");
    assert!(
        bundle.contains("<h1 id=\"article-title\">Bundle page</h1>"),
        "{bundle}"
    );
    assert!(
        body(&bundle).contains("<img src=\"../../tests/bundle/pic.png\" alt=\"Pic\">"),
        "{bundle}"
    );
    assert!(site.path("public/tests/bundle/pic.png").exists());
    assert_eq!(
        site.read("tests/plain.html"),
        "<!doctype html><title>Plain</title><p>As it is.</p>\n"
    );
    // The section's hub lists the HTML pages with the Markdown ones.
    let hub = site.read("tests/index.html");
    assert!(
        hub.contains("Components") && hub.contains("Bundle page"),
        "{hub}"
    );
}

#[test]
fn an_html_pages_broken_references_are_reported_at_their_place() {
    let site = Fixture::new("hugo");
    site.write(
        "content/tests/components.html",
        "---\ntitle: Components\n---\n<div>\n\n    <img src=\"image.png\" alt=\"x\">\n  <a href=\"#nowhere\">x</a>\n</div>\n{{< notice >}}\n",
    );
    let run = site.build();
    run.assert_code(1)
        // `image.png` from `tests/components/`: no such file.
        .assert_stderr_contains(
            "image 'image.png' does not exist\n --> content/tests/components.html:6:15",
        )
        .assert_stderr_contains(
            "no heading or id 'nowhere' in this page\n --> content/tests/components.html:7:12",
        )
        .assert_stderr_contains("--> content/tests/components.html:9:1");
    assert!(!run.stderr.contains("front matter"), "{}", run.stderr);
}

#[test]
fn markdown_inside_a_percent_pair_of_an_html_page_is_read_as_markdown() {
    // Tekton's home page, `content/en/_index.html` as Docsy's example site wrote it:
    // Docsy's blocks around Markdown, which Hugo renders in a `{{% %}}` pair's inner
    // text. The links showed as written, `[Get Tekton here](/docs/installation/)`.
    let site = Fixture::new("hugo");
    site.write(
        "content/tests/landing.html",
        "---\ntitle: Landing\n---\n<div class=\"intro\">\n\
         {{% blocks/feature icon=\"fa-code\" title=\"Install\" %}}\n\
         [Get it here](/posts/second-post/) and read **this**.\n\
         {{% /blocks/feature %}}\n</div>\n\
         {{% blocks/feature title=\"Contribute\" url=\"https://example.org/pulls\" %}}\n\
         Welcome.\n\
         {{% /blocks/feature %}}\n\
         {{< blocks/section >}}\n<p>[kept](as-written)</p>\n{{< /blocks/section >}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("tests/landing/index.html");
    let text = body(&page);
    assert!(
        text.contains(
            "<a href=\"../../posts/second-post/\">Get it here</a> and read <strong>this</strong>."
        ),
        "{text}"
    );
    // Docsy's box is titled with a heading, HTML as the page is.
    assert!(text.contains("<h3>Install</h3>"), "{text}");
    // Its link, from the block's `url` (kustomize's home page showed it as written).
    assert!(
        text.contains("<p><a href=\"https://example.org/pulls\">Read more</a></p>"),
        "{text}"
    );
    assert!(!text.contains("###") && !text.contains("{{"), "{text}");
    // A `{{< >}}` pair's inner text is passed as it is, as Hugo passes it.
    assert!(text.contains("<p>[kept](as-written)</p>"), "{text}");
    assert!(independent_check(&site).is_empty());
}

#[test]
fn a_themes_box_on_a_page_written_in_html_is_the_callout_a_markdown_page_shows() {
    // Docsy's alerts in an `_index.html`: an unsupported-shortcode warning each, and
    // the `{{< >}}` one's text was left out of the page.
    let site = Fixture::new("hugo");
    site.write(
        "content/tests/landing.html",
        "---\ntitle: Landing\n---\n<div class=\"x\">\n<p>Own.</p>\n</div>\n\n\
         {{% alert title=\"Heads up\" color=\"warning\" %}}\nRead [this](/posts/second-post/).\n{{% /alert %}}\n\n\
         {{< alert >}}\nPlain <b>HTML</b>.\n{{< /alert >}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("landing.html"), "{}", run.stderr);
    let page = site.read("tests/landing/index.html");
    let text = body(&page);
    assert!(
        text.contains("<div class=\"callout callout-warning\" role=\"note\" aria-label=\"Warning\">\n<p class=\"callout-title\">Warning: Heads up</p>\n<p>Read <a href=\"../../posts/second-post/\">this</a>.</p>\n</div>"),
        "{text}"
    );
    assert!(
        text.contains("<p class=\"callout-title\">Note</p>\nPlain <b>HTML</b>.\n</div>"),
        "{text}"
    );
    assert!(!text.contains(":::") && !text.contains("{{"), "{text}");
    assert!(independent_check(&site).is_empty());
}

/// The fixture's book.toml with `extra` after it.
fn with_config(site: &Fixture, extra: &str) {
    let config = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", format!("{config}\n{extra}"));
}

#[test]
fn hugos_assets_and_mounted_folders_are_found_as_hugo_finds_them() {
    // Relearn's docs: `images/magic.gif` in `assets/`, the repository's `images/`
    // mounted at `assets/images`, a notice mounted as one file, and a folder
    // mounted into `static/`: Hugo's image render hook finds a relative path in the
    // page's bundle first, then from the assets root.
    let site = Fixture::new("hugo");
    site.write("assets/images/magic.gif", "gif");
    site.write("assets/scss/main.scss", "a{}");
    site.write("shots/screenshot.png", "png");
    site.write("NOTICE.txt", "Notice\n");
    site.write("downloads/guide.pdf", "pdf");
    site.write("content/posts/first-post/images/magic.gif", "bundle's own");
    site.write(
        "content/posts/first-post/index.md",
        "---\ntitle: First\n---\n![Own](images/magic.gif)\n",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n![Magic](images/magic.gif?target=_blank) ![Shot](/images/screenshot.png?width=50%) ![Shot again](images/screenshot.png)\n\n[Notice](/NOTICE.txt) and [the guide](/files/guide.pdf).\n",
    );
    with_config(
        &site,
        "[[mounts]]\nsource = \"content\"\ntarget = \"content\"\n\n[[mounts]]\nsource = \"layouts\"\ntarget = \"layouts\"\n\n[[mounts]]\nsource = \"assets\"\ntarget = \"assets\"\n\n[[mounts]]\nsource = \"shots\"\ntarget = \"assets/images\"\n\n[[mounts]]\nsource = \"NOTICE.txt\"\ntarget = \"assets/NOTICE.txt\"\n\n[[mounts]]\nsource = \"downloads\"\ntarget = \"static/files\"\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = body(&site.read("posts/third/index.html")).to_string();
    assert!(
        page.contains("src=\"../../images/magic.gif?target=_blank\""),
        "{page}"
    );
    assert!(
        page.contains("src=\"../../images/screenshot.png?width=50%\""),
        "{page}"
    );
    assert!(
        page.contains("src=\"../../images/screenshot.png\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../NOTICE.txt\""), "{page}");
    assert!(page.contains("href=\"../../files/guide.pdf\""), "{page}");
    assert_eq!(site.read("images/magic.gif"), "gif");
    assert_eq!(site.read("images/screenshot.png"), "png");
    assert_eq!(site.read("files/guide.pdf"), "pdf");
    assert_eq!(site.read("NOTICE.txt"), "Notice\n");
    // The bundle's own file comes first, as Hugo's page resources do.
    let first = body(&site.read("posts/first-post/index.html")).to_string();
    assert!(
        first.contains("src=\"../../posts/first-post/images/magic.gif\""),
        "{first}"
    );
    // Without the mounts, the same references are missing.
    let config = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", config.split("[[mounts]]").next().unwrap());
    site.build()
        .assert_code(1)
        .assert_stderr_contains(
            "image 'images/screenshot.png' does not exist\n --> content/posts/third.md:4:84",
        )
        .assert_stderr_contains("broken link to '/files/guide.pdf': no page or file there");
}

#[test]
fn two_mounted_files_at_one_address_are_a_collision_naming_both() {
    let site = Fixture::new("hugo");
    site.write("assets/images/logo.svg", "<svg/>");
    site.write("static/images/logo.svg", "<svg></svg>");
    with_config(
        &site,
        "[[mounts]]\nsource = \"assets\"\ntarget = \"assets\"\n\n[[mounts]]\nsource = \"static\"\ntarget = \"static\"\n",
    );
    let run = site.build();
    run.assert_code(1)
        .assert_stderr_contains("images/logo.svg")
        .assert_stderr_contains("the file 'assets/images/logo.svg' (mounted at 'assets')")
        .assert_stderr_contains("the file 'static/images/logo.svg' (mounted at 'static')");
}

#[test]
fn a_mount_attune_cannot_read_is_an_error_at_its_line() {
    let site = Fixture::new("hugo");
    site.write("assets/x.png", "png");
    for (mount, message, at) in [
        (
            "source = \"../images\"\ntarget = \"assets/images\"",
            "mount source '../images' is outside the site's folder",
            "book.toml:7:1",
        ),
        (
            "source = \"assets\"\ntarget = \"public\"",
            "mount target 'public' is not one Hugo has",
            "book.toml:8:1",
        ),
        (
            "source = \"content/docs\"\ntarget = \"content/documentation\"",
            "overlaps the content folder",
            "book.toml:7:1",
        ),
        (
            "source = \"content/posts\"\ntarget = \"static\"",
            "overlaps the content folder",
            "book.toml:7:1",
        ),
    ] {
        let config = std::fs::read_to_string(Fixture::new("hugo").path("book.toml")).unwrap();
        site.write("book.toml", format!("{config}\n[[mounts]]\n{mount}\n"));
        let run = site.run(&["check"]);
        run.assert_code(1)
            .assert_stderr_contains(message)
            .assert_stderr_contains(at);
    }
}

#[test]
fn serve_publishes_a_mounted_file_that_changes_or_appears() {
    use crate::serve::{assert_same_as_full_build, get, start, wait_until};
    let site = Fixture::new("hugo");
    site.write("shots/screenshot.png", "png one");
    site.write("NOTICE.txt", "Notice one\n");
    with_config(
        &site,
        "[[mounts]]\nsource = \"shots\"\ntarget = \"assets/images\"\n\n[[mounts]]\nsource = \"NOTICE.txt\"\ntarget = \"static/NOTICE.txt\"\n",
    );
    let server = start(&site);
    let a = &server.address;
    assert_eq!(
        get(a, "/images/screenshot.png"),
        (200, "png one".to_string())
    );
    // A mounted folder's file changes and a new one appears; a mounted file changes.
    site.write("shots/screenshot.png", "png two");
    wait_until("the changed image", || {
        get(a, "/images/screenshot.png").1 == "png two"
    });
    site.write("shots/new.png", "new");
    wait_until("the new image", || {
        get(a, "/images/new.png") == (200, "new".into())
    });
    site.write("NOTICE.txt", "Notice two\n");
    wait_until("the changed notice", || {
        get(a, "/NOTICE.txt").1 == "Notice two\n"
    });
    assert_same_as_full_build(&site, &server.out);
}

#[test]
fn mounts_into_one_folder_overlay_and_the_first_file_wins() {
    // A Docsy site mounts its own `assets` before a shared folder's: Hugo overlays the
    // two, and a file both hold is the first mount's.
    let site = Fixture::new("hugo");
    site.write("assets/scss/_variables_project.scss", "own");
    site.write("shared/assets/scss/_variables_project.scss", "shared");
    site.write("shared/assets/scss/shared-only.scss", "only shared");
    with_config(
        &site,
        "[[mounts]]\nsource = \"assets\"\ntarget = \"assets\"\n\n[[mounts]]\nsource = \"shared/assets\"\ntarget = \"assets\"\n",
    );
    site.build().assert_code(0);
    assert_eq!(site.read("scss/_variables_project.scss"), "own");
    assert_eq!(site.read("scss/shared-only.scss"), "only shared");
}

#[test]
fn hugos_default_assets_folder_publishes_the_files_pages_use() {
    // No `[[mounts]]`: Hugo's own `assets/` folder, where an image render hook or a
    // theme (`resources.Get`) finds `images/logo.svg`, and Hugo publishes only what
    // pages use (not the stylesheets).
    let site = Fixture::new("hugo");
    site.write("assets/images/logo.svg", "<svg/>");
    site.write("assets/docs/guide.pdf", "pdf");
    site.write("assets/scss/main.scss", "a{}");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n![Logo](images/logo.svg) ![Root](/images/logo.svg)\n\n[The guide](docs/guide.pdf \"Guide\")\n",
    );
    // A bundle's own file of the same path comes first, as Hugo's page resources do.
    site.write(
        "content/posts/first-post/images/logo.svg",
        "<svg id=\"own\"/>",
    );
    site.write(
        "content/posts/first-post/index.md",
        "---\ntitle: First\n---\n![Own](images/logo.svg)\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = body(&site.read("posts/third/index.html")).to_string();
    assert_eq!(
        page.matches("src=\"../../images/logo.svg\"").count(),
        2,
        "{page}"
    );
    assert!(page.contains("href=\"../../docs/guide.pdf\""), "{page}");
    assert_eq!(site.read("images/logo.svg"), "<svg/>");
    assert_eq!(site.read("docs/guide.pdf"), "pdf");
    assert!(!site.path("public/scss/main.scss").exists());
    let first = body(&site.read("posts/first-post/index.html")).to_string();
    assert!(
        first.contains("src=\"../../posts/first-post/images/logo.svg\""),
        "{first}"
    );
    // A file nowhere is still missing.
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n![Gone](images/gone.svg)\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("image 'images/gone.svg' does not exist");
    // A mount into `assets` replaces the default folder, as in Hugo.
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n[The guide](docs/guide.pdf)\n",
    );
    site.build().assert_code(0);
    site.write("shots/shot.png", "png");
    with_config(
        &site,
        "[[mounts]]\nsource = \"shots\"\ntarget = \"assets/images\"\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to 'docs/guide.pdf'");
}

#[test]
fn a_missing_file_in_a_themes_static_folder_names_the_mount_that_publishes_it() {
    // rOpenSci's blog images are in `themes/ropensci/static/img/`, which Hugo
    // publishes at the site root for the theme the site's config names.
    let site = Fixture::new("hugo");
    site.write("themes/ropensci/static/img/blog/chart.png", "png");
    site.write("themes/ropensci/layouts/index.html", "<html></html>");
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n![Chart](/img/blog/chart.png)\n",
    );
    site.build().assert_code(1).assert_stderr_contains(
        "help: the file is in themes/ropensci/static/, a Hugo theme's static folder, which Hugo publishes at the site root: add `[[mounts]]` with `source = \"themes/ropensci/static\"` and `target = \"static\"` to book.toml to publish it",
    );
    with_config(
        &site,
        "[[mounts]]\nsource = \"themes/ropensci/static\"\ntarget = \"static\"\n",
    );
    site.build().assert_code(0);
    assert_eq!(site.read("img/blog/chart.png"), "png");
}

#[test]
fn a_folder_mounted_into_content_is_pages_at_the_targets_address() {
    // regisphilibert.com's `config/_default/module.yaml`: `content/en` and `content/fr`
    // mounted at `content` with a `lang` each, and `uploads` at `content/uploads`; and a
    // documentation's versions kept outside the content folder, mounted at
    // `content/docs/<version>`, as jaegertracing/documentation mounts them. `uploads`
    // is mounted at `assets/uploads` too: one file at one address, no collision.
    let site = Fixture::new("hugo");
    site.write(
        "versions/v2/_index.md",
        "---\ntitle: Version 2\n---\nSee [install](install.md) and [back](/about/).\n",
    );
    site.write(
        "versions/v2/install.md",
        "---\ntitle: Install v2\n---\n![Diagram](diagram.png)\n\nThen [the overview]({{< ref \"/docs/overview\" >}}).\n",
    );
    site.write("versions/v2/diagram.png", "png");
    site.write("uploads/cartoons/one.png", "cartoon");
    site.write("french/about.md", "---\ntitle: À propos\n---\nBonjour.\n");
    site.write(
        "content/about.md",
        "---\ntitle: About\n---\n[Install](/docs/2.0/install/), [the version]({{< ref \"docs/2.0\" >}}) and ![A cartoon](/uploads/cartoons/one.png).\n",
    );
    with_config(
        &site,
        "[[mounts]]\nsource = \"content\"\ntarget = \"content\"\nlang = \"en\"\n\n[[mounts]]\nsource = \"french\"\ntarget = \"content\"\nlang = \"fr\"\n\n[[mounts]]\nsource = \"uploads\"\ntarget = \"content/uploads\"\nlang = \"en\"\n\n[[mounts]]\nsource = \"uploads\"\ntarget = \"assets/uploads\"\n\n[[mounts]]\nsource = \"versions/v2\"\ntarget = \"content/docs/2.0\"\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "the `[[mounts]]` entry of 'french' is in `fr`: its pages are left out; the site's language is `en`",
    );
    for code in ["broken-link", "missing-note", "missing-file"] {
        assert!(!run.stderr.contains(code), "{}", run.stderr);
    }
    let install = site.read("docs/2-0/install/index.html");
    assert!(
        body(&install).contains("src=\"../../../docs/2.0/diagram.png\""),
        "{install}"
    );
    assert!(
        body(&install).contains("href=\"../../../docs/overview/\""),
        "{install}"
    );
    assert_eq!(site.read("docs/2.0/diagram.png"), "png");
    assert!(site.read("docs/2-0/index.html").contains("Version 2"));
    assert_eq!(site.read("uploads/cartoons/one.png"), "cartoon");
    let about = body(&site.read("about/index.html")).to_string();
    assert!(about.contains("href=\"../docs/2-0/install/\""), "{about}");
    assert!(about.contains("href=\"../docs/2-0/\""), "{about}");
    assert!(
        about.contains("src=\"../uploads/cartoons/one.png\""),
        "{about}"
    );
    assert!(!site.read("about/index.html").contains("Bonjour"));
}

#[test]
fn a_file_in_a_hidden_folder_of_the_content_folder_may_be_mounted_into_sections() {
    // buildpacks/docs keep one page in `content/docs/.common/`, which Hugo does not read
    // as content, and mount it into two sections: no overlap, two pages.
    let site = Fixture::new("hugo");
    site.write(
        "content/docs/.common/concepts/buildpack.md",
        "---\ntitle: What is a buildpack?\n---\nA buildpack turns code into an image.\n",
    );
    site.write(
        "content/docs/apps/start.md",
        "---\ntitle: Start\n---\nRead [buildpacks](/docs/apps/concepts/buildpack/) and [for authors](/docs/authors/concepts/buildpack/).\n",
    );
    with_config(
        &site,
        "[[mounts]]\nsource = \"content\"\ntarget = \"content\"\n\n\
         [[mounts]]\nsource = \"content/docs/.common/concepts/buildpack.md\"\ntarget = \"content/docs/apps/concepts/buildpack.md\"\n\n\
         [[mounts]]\nsource = \"content/docs/.common/concepts/buildpack.md\"\ntarget = \"content/docs/authors/concepts/buildpack.md\"\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("overlaps"), "{}", run.stderr);
    for section in ["apps", "authors"] {
        let page = site.read(&format!("docs/{section}/concepts/buildpack/index.html"));
        assert!(
            page.contains("A buildpack turns code into an image."),
            "{page}"
        );
    }
    assert!(!site.path("public/docs/.common").exists());
    // A part of the content folder that is read still may not be mounted again.
    with_config(
        &site,
        "[[mounts]]\nsource = \"content/docs/apps\"\ntarget = \"content/again\"\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("mount source 'content/docs/apps' overlaps the content folder");
}

#[test]
fn a_top_level_404_md_is_left_out_naming_the_tool_the_site_is_from() {
    // On a Hugo site `content/404.md` is a page at /404/ (Hugo's not-found page is
    // its `404.html` layout): the warning names Hugo, not mdBook.
    let site = Fixture::new("hugo");
    site.write("hugo.toml", "title = \"T\"\n");
    site.write("content/404.md", "---\ntitle: Lost\n---\n\nNothing here.\n");
    site.build().assert_code(0).assert_stderr_contains(
        "warning: 404.md is a Hugo site's page at /404/, the address of the not-found page attune writes, so this file is not published\n --> content/404.md:1:1",
    );
    assert!(!site.read("404/index.html").contains("Nothing here."));

    // A folder of notes from no tool in particular names none.
    let plain = Fixture::empty();
    plain.write("book.toml", "[site]\ntitle = \"T\"\n");
    plain.write("content/a.md", "# A\n\nText.\n");
    plain.write("content/404.md", "# Lost\n\nNothing here.\n");
    let run = plain.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: 404.md would be a page at /404/, the address of the not-found page attune writes, so this file is not published",
    );
    assert!(!run.stderr.contains("mdBook"), "{}", run.stderr);
}

#[test]
fn mount_filters_choose_the_files_a_mount_takes_as_hugo_s_do() {
    // jaegertracing/documentation: the content folder's own mount leaves out
    // `docs/v?` (`files: ['! docs/v?']`), and `content/docs/v2` is mounted at
    // `content/docs` without its `_*` files, its `_dev` folder at `docs/2.dev`.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"content\"\n\n\
         [[mounts]]\nfiles = [\"! docs/v?\", \"! _index-pre-docsy.md\"]\nsource = \"content\"\ntarget = \"content\"\n\n\
         [[mounts]]\nfiles = \"! _*\"\nsource = \"content/docs/v2\"\ntarget = \"content/docs\"\n\n\
         [[mounts]]\nsource = \"content/docs/v2/_dev\"\ntarget = \"content/docs/2.dev\"\n\n[[mounts]]\nsource = \"content/docs/v1/_dev\"\ntarget = \"content/docs/1.dev\"\n\n\
         [[mounts]]\nsource = \"assets\"\ntarget = \"assets\"\nexcludeFiles = [\"*.scss\"]\n\n\
         [[mounts]]\nsource = \"extra\"\ntarget = \"static\"\nincludeFiles = \"/pics/**\"\n",
    );
    site.write(
        "content/_index.md",
        "---\ntitle: Home\n---\n\nSee [install](docs/2.0/install.md).\n",
    );
    site.write(
        "content/_index-pre-docsy.md",
        "---\ntitle: Old home\n---\n\nOld.\n",
    );
    site.write(
        "content/docs/_index.md",
        "---\ntitle: Docs\n---\n\nAll versions.\n",
    );
    site.write(
        "content/docs/v2/_index.md",
        "---\ntitle: V2 hub\n---\n\nNot mounted.\n",
    );
    site.write(
        "content/docs/v2/2.0/_index.md",
        "---\ntitle: Version 2.0\n---\n\nText.\n",
    );
    site.write(
        "content/docs/v2/2.0/install.md",
        "---\ntitle: Install\n---\n\nInstall it.\n",
    );
    site.write(
        "content/docs/v2/_dev/install.md",
        "---\ntitle: Install (dev)\n---\n\nNext.\n",
    );
    site.write("assets/style.scss", "a {}\n");
    site.write("assets/icons/logo.svg", "<svg/>\n");
    site.write("extra/pics/a.png", "png");
    site.write("extra/notes.txt", "not mounted");
    // Jaeger mounts `content/docs/v1/_dev`, which it does not have: Hugo passes over
    // a mount whose source does not exist.
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: mount source 'content/docs/v1/_dev' does not exist: this mount is passed over, as Hugo passes it over\n  --> book.toml:22:1",
    );
    assert!(site
        .read("docs/2-0/install/index.html")
        .contains("Install it."));
    assert!(site.read("docs/2-dev/install/index.html").contains("Next."));
    assert!(site.read("index.html").contains("docs/2-0/install/"));
    for left_out in [
        "public/docs/v2",
        "public/index-pre-docsy",
        "public/docs/dev",
        "public/style.scss",
        "public/notes.txt",
    ] {
        assert!(!site.path(left_out).exists(), "{left_out}: {}", run.stderr);
    }
    assert!(site.path("public/icons/logo.svg").exists());
    assert!(site.path("public/pics/a.png").exists());
    // The content folder's own filters are what lets the mount reuse its folder:
    // without them, `content/docs/v2` is published twice, an error.
    let config = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        config.replace("files = [\"! docs/v?\", \"! _index-pre-docsy.md\"]\n", ""),
    );
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("mount source 'content/docs/v2' overlaps the content folder");
}

#[test]
fn many_scripts_written_in_pages_are_one_warning_that_counts_them() {
    // minikube's site: 139 HTML pages (contributor leaderboards) hold 1,364
    // `<script>` elements, each a warning of its own before.
    let site = Fixture::new("hugo");
    for n in 1..=4 {
        site.write(
            &format!("content/posts/board-{n}.html"),
            format!("---\ntitle: Board {n}\n---\n<p>Board.</p>\n<script>draw({n})</script>\n<script>more({n})</script>\n"),
        );
    }
    site.write(
        "content/posts/styled.md",
        "---\ntitle: Styled\n---\n<style>p { color: red; }</style>\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: a `<script>` written in the page will not run: the site's Content-Security-Policy runs scripts from files only (8 scripts written in pages in 4 files, reported here as one)",
    );
    assert_eq!(
        run.stderr.matches("will not run").count(),
        1,
        "{}",
        run.stderr
    );
    // One of another family stays as it is.
    assert_eq!(
        run.stderr.matches("will not apply").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn a_shortcode_indented_in_a_page_written_in_html_is_read_as_in_any_html() {
    // fluxcd's home page indents its shortcodes four spaces inside a `<div>`, after a
    // blank line: read as Markdown's indented code, they were shown as written. The
    // pair's template prints its title above its text: the title, in HTML there.
    let site = Fixture::new("hugo");
    site.write(
        "layouts/shortcodes/home/community.html",
        "<div class=\"community-item\"><h4>{{ .Get \"title\" }}</h4><p>{{ .Inner | safeHTML }}</p></div>\n",
    );
    site.write(
        "content/tests/landing.html",
        "---\ntitle: Landing\n---\n<div class=\"row\">\n\n    {{< home/community title=\"Slack\" >}}\n    Join us on <a href=\"https://slack.example.org/\">Slack</a>.\n\n    {{< /home/community >}}\n\n<pre>{{< kept >}}\n\n    {{< kept >}}</pre>\n</div>\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("kept"), "{}", run.stderr);
    assert!(!run.stderr.contains("home/community"), "{}", run.stderr);
    let page = site.read("tests/landing/index.html");
    let text = body(&page);
    assert!(!text.contains("home/community"), "{text}");
    assert!(text.contains("<p><strong>Slack</strong></p>"), "{text}");
    assert!(
        text.contains("Join us on <a href=\"https://slack.example.org/\">Slack</a>."),
        "{text}"
    );
    // What a `<pre>` holds is shown as written.
    assert!(
        text.contains("<pre>{{&lt; kept &gt;}}") || text.contains("<pre>{{< kept >}}"),
        "{text}"
    );
}
