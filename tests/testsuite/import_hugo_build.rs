//! What a Hugo site publishes and lists: a leaf bundle's Markdown files (its
//! resources, not pages), front matter's `build` options and `outputs`, and Zola's
//! `sort_by`.

use crate::support::Fixture;

/// The Hugo fixture with Hugo's own configuration beside its content folder, as a
/// Hugo site has it.
fn hugo_site() -> Fixture {
    let site = Fixture::new("hugo");
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Hugo\"\n",
    );
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
    for gone in [
        "posts/first-post/notes",
        "posts/first-post/extra/deep",
        "posts/first-post/extra",
    ] {
        assert!(
            !site.path(&format!("public/{gone}/index.html")).exists(),
            "{gone}"
        );
    }
    for listing in ["posts/index.html", "sitemap.xml"] {
        let text = site.read(listing);
        assert!(
            !text.contains("notes/") && !text.contains("Deep"),
            "{listing}: {text}"
        );
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
    assert!(site
        .path("public/posts/first-post/notes/index.html")
        .is_file());
}

#[test]
fn build_list_keeps_a_page_out_of_lists_as_hugo_does() {
    let site = hugo_site();
    site.write(
        "content/posts/hidden.md",
        "---\ntitle: Hidden page\ntags: [calm]\nbuild:\n  list: never\n---\nWritten, listed nowhere.\n",
    );
    site.write(
        "content/posts/local.md",
        "+++\ntitle = \"Local page\"\ntags = [\"calm\"]\n[_build]\nlist = \"local\"\n+++\nOn its hub only.\n",
    );
    site.write(
        "content/posts/shown.md",
        "---\ntitle: Shown page\ntags: [calm]\n---\nSee [the hidden one](hidden.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("build.list"), "{}", run.stderr);
    // Both are written, and links lead to them.
    for page in ["hidden", "local", "shown"] {
        assert!(
            site.path(&format!("public/posts/{page}/index.html"))
                .is_file(),
            "{page}"
        );
    }
    assert!(site
        .read("posts/shown/index.html")
        .contains("href=\"../../posts/hidden/\""));
    // `never`: on no hub; `local`: on its own folder's hub only.
    let hub = site.read("posts/index.html");
    assert!(
        !hub.contains("Hidden page") && hub.contains("Local page"),
        "{hub}"
    );
    // Neither is in the site-wide lists: tag page, sitemap, feed, search.
    let tag = site.read("tags/calm/index.html");
    assert!(tag.contains("Shown page"), "{tag}");
    let search: String = std::fs::read_dir(site.path("public/search"))
        .unwrap()
        .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
        .collect();
    assert!(
        search.contains("posts/shown/"),
        "the search index has the listed page"
    );
    for (what, text) in [
        ("tag page", tag),
        ("sitemap", site.read("sitemap.xml")),
        ("feed", site.read("atom.xml")),
        ("search", search),
    ] {
        for page in ["posts/hidden/", "posts/local/"] {
            assert!(!text.contains(page), "{page} in the {what}");
        }
        assert!(
            !text.contains("Hidden page") && !text.contains("Local page"),
            "{what}"
        );
    }
    site.write(
        "content/posts/local.md",
        "---\ntitle: Local page\nbuild:\n  list: sometimes\n---\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("`build.list` is `always`, `local` or `never`, not `sometimes`");
}

#[test]
fn outputs_without_html_are_not_published_and_other_formats_are_warned_about() {
    let site = hugo_site();
    site.write(
        "content/posts/index-json.md",
        "---\ntitle: Search index\noutputs: [json]\n---\n",
    );
    site.write(
        "content/posts/printable.md",
        "---\ntitle: Printable\noutputs:\n  - HTML\n  - print\n  - json\nbuild:\n  render: always\n  publishResources: false\n---\nText.\n",
    );
    site.write(
        "content/posts/_index.md",
        "+++\ntitle = \"Posts\"\noutputs = [\"html\", \"rss\"]\n+++\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!site.path("public/posts/index-json").exists());
    assert!(site.path("public/posts/printable/index.html").is_file());
    run.assert_stderr_contains(
        "warning: `outputs` asks for `print`, `json`: attune writes the HTML page only (with its own Atom feed and search index), so they are not written\n --> content/posts/printable.md:3:1",
    );
    run.assert_stderr_contains(
        "warning: `publishResources: false` is not read: attune publishes every file beside the page (Hugo publishes only those a template uses)\n --> content/posts/printable.md:9:3",
    );
    // `rss` is the site's Atom feed; a page held back is not read further.
    assert_eq!(run.stderr.matches("warning:").count(), 2, "{}", run.stderr);
    assert!(!site.read("posts/index.html").contains("Search index"));
}

/// amazon-archives/debug-k8s-apps is a slide deck: its home page's `outputs =
/// ["Reveal"]` names a format its settings define as HTML (`isHTML = true`), which Hugo
/// writes as the page; attune left the page out, without a word.
#[test]
fn an_output_format_the_site_defines_as_html_is_the_page() {
    let site = hugo_site();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Deck\"\n\n[outputFormats.Reveal]\nbaseName = \"index\"\nmediaType = \"text/html\"\nisHTML = true\n\n[outputFormats.Slides]\nmediaType = \"text/html\"\n",
    );
    site.write(
        "content/posts/deck.md",
        "+++\ntitle = \"Deck\"\noutputs = [\"Reveal\"]\n+++\nThe first slide.\n",
    );
    site.write(
        "content/posts/other.md",
        "+++\ntitle = \"Other\"\noutputs = [\"slides\", \"json\"]\n+++\nMore slides.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(site
        .read("posts/deck/index.html")
        .contains("The first slide."));
    assert!(site.read("posts/other/index.html").contains("More slides."));
    run.assert_stderr_contains("`outputs` asks for `json`");
    assert!(!run.stderr.contains("`Reveal`"), "{}", run.stderr);
}

#[test]
fn every_documented_ref_form_is_a_link_or_a_warning() {
    // Hugo's `ref` and `relref`: with an anchor, a language or an output format, with
    // `.md` or without, in `{{< >}}` or `{{% %}}`, in a Markdown link, a link
    // reference definition or an HTML attribute; outside a link it is no link.
    let site = hugo_site();
    site.write(
        "content/about.md",
        "---\ntitle: About\n---\n## Intro\nHi.\n",
    );
    site.write(
        "content/posts/refs.md",
        "---\ntitle: Refs\n---\n## Setup part\n\n\
         [a]({{< ref \"about\" >}}) [b]({{< ref \"about#intro\" >}}) [c]({{< ref \"about.md#intro\" >}})\n\
         [d]({{< ref \"#setup-part\" >}}) [e]({{% relref \"/posts/second-post\" %}}) [f]({{<ref `about`>}})\n\
         [g]({{< ref path=\"about.md\" lang=\"en\" outputFormat=\"rss\" >}}) [h]({{< relref \"./second-post\" >}})\n\
         [i]({{< relref \"../docs/overview\" >}}) [j]({{< ref \"docs/_index.md\" >}}) [k][def]\n\
         <a href=\"{{< relref \"about\" >}}\">l</a> and bare: {{< relref \"about\" >}}.\n\n\
         [def]: {{< ref \"posts/first-post\" >}}\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "warning: Hugo shortcode `{{< relref \"about\" >}}` is not supported: the page would lose what it stands for\n  --> content/posts/refs.md:10:50",
    );
    run.assert_stderr_contains("outside a link, Hugo writes the page's address as text here");
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    let page = site.read("posts/refs/index.html");
    for (label, href) in [
        ("a", "../../about/"),
        ("b", "../../about/#intro"),
        ("c", "../../about/#intro"),
        ("d", "#setup-part"),
        ("e", "../../posts/second-post/"),
        ("f", "../../about/"),
        ("g", "../../about/"),
        ("h", "../../posts/second-post/"),
        ("i", "../../docs/overview/"),
        ("j", "../../docs/"),
        ("k", "../../posts/first-post/"),
    ] {
        let link = format!("<a href=\"{href}\" id=\"");
        let at = page
            .find(&link)
            .unwrap_or_else(|| panic!("{label}: {href} in {page}"));
        assert!(page[at..].contains(&format!("\">{label}</a>")), "{label}");
    }
    assert!(
        page.contains("<a href=\"../../about/\">l</a> and bare: ."),
        "{page}"
    );
}

#[test]
fn zolas_sort_by_is_read_where_it_is_attunes_order_and_a_warning_elsewhere() {
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/_index.md",
        "+++\ntitle = \"News\"\nsort_by = \"date\"\n+++\n",
    );
    site.write(
        "content/docs/_index.md",
        "+++\ntitle = \"Documentation\"\nsort_by = \"title\"\n+++\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "warning: `sort_by = \"title\"` is not read: attune sorts a folder's pages by `weight`, then `date` (newest first), then title\n --> content/docs/_index.md:3:1",
    );
    assert!(!run.stderr.contains("posts/_index.md"), "{}", run.stderr);
}

#[test]
fn a_ref_finds_pages_in_any_case_and_the_home_page_by_its_slash() {
    // Hugo's `GetPage` reads paths in any letter case; `ref "/#contact"` is an id on
    // the home page. A HugoBlox (Wowchemy) site keeps a post's images in
    // `assets/media/`, where its image hook finds them by name.
    let site = hugo_site();
    site.write(
        "content/post/2022-05-23-First-Session/index.md",
        "---\ntitle: The first session\n---\n![A room](room.jpeg)\n",
    );
    site.write("assets/media/room.jpeg", b"\xff\xd8\xff");
    site.write(
        "content/about.md",
        "---\ntitle: About\n---\nRead [the first session]({{< relref \"/post/2022-05-23-first-session\" >}}), then [contact us]({{< relref \"/#contact\" >}}).\n",
    );
    let run = site.build();
    run.assert_code(1).assert_stderr_contains(
        "error: no heading or id 'contact' in the home page\n --> content/about.md:4:81",
    );
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    site.write(
        "content/_index.md",
        "---\ntitle: Home\n---\n## Contact\nWrite to us.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not written yet"), "{}", run.stderr);
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    let about = site.read("about/index.html");
    assert!(
        about.contains("href=\"../post/2022-05-23-first-session/\""),
        "{about}"
    );
    assert!(site.path("public/media/room.jpeg").is_file());
    assert!(site
        .read("post/2022-05-23-first-session/index.html")
        .contains("src=\"../../media/room.jpeg\""));
}

#[test]
fn a_ref_to_a_md_file_in_another_letter_case_finds_it() {
    // LeetCode-Go: `relref "/ChapterFour/0100~0199/0167.Two-Sum-II-Input-Array-Is-Sorted.md"`
    // for `0167.Two-Sum-II-Input-array-is-sorted.md`: Hugo finds a page by its logical
    // path, in lower case, so the link works on the Hugo site. Where two files answer
    // to the path in any case, neither is picked.
    let site = hugo_site();
    site.write(
        "content/ChapterFour/0100~0199/0167.Two-Sum-II-Input-array-is-sorted.md",
        "---\ntitle: Two Sum II\n---\ntext\n",
    );
    site.write("content/Twins/Note.md", "---\ntitle: One\n---\none\n");
    site.write("content/Twins/NOTE.md", "---\ntitle: Two\n---\ntwo\n");
    site.write(
        "content/ChapterTwo/Array.md",
        "---\ntitle: Array\n---\n[Go]({{< relref \"/ChapterFour/0100~0199/0167.Two-Sum-II-Input-Array-Is-Sorted.md\" >}}) \
         [twin]({{< relref \"/Twins/note.md\" >}})\n",
    );
    let run = site.build();
    assert!(
        !run.stderr
            .contains("'/ChapterFour/0100~0199/0167.Two-Sum-II-Input-Array-Is-Sorted.md'"),
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("'/Twins/note.md' is not written yet");
    let array = site.read("chaptertwo/array/index.html");
    assert!(
        array.contains(
            "href=\"../../chapterfour/0100-0199/0167-two-sum-ii-input-array-is-sorted/\""
        ),
        "{array}"
    );
}

#[test]
fn images_beside_a_page_are_read_from_its_address_as_a_browser_read_them() {
    // etcd's Docsy blog: `blog/2021/announcing-3.5.md` beside a folder of the same
    // name holding its figures, written relative to the page's address
    // (`/blog/2021/announcing-3.5/`), where a browser read them on the Hugo site.
    let site = hugo_site();
    site.write(
        "content/posts/announcing-3.5.md",
        "---\ntitle: Announcing 3.5\n---\n![One](../announcing-3.5/figure-1.png) ![Two](figure-2.png)\n\n![Gone](../announcing-3.5/figure-3.png)\n",
    );
    site.write(
        "content/posts/announcing-3.5/figure-1.png",
        b"\x89PNG\r\n\x1a\n",
    );
    site.write(
        "content/posts/announcing-3.5/figure-2.png",
        b"\x89PNG\r\n\x1a\n",
    );
    let run = site.build();
    run.assert_code(1).assert_stderr_contains(
        "error: image '../announcing-3.5/figure-3.png' does not exist\n --> content/posts/announcing-3.5.md:6:1",
    );
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    site.write(
        "content/posts/announcing-3.5.md",
        "---\ntitle: Announcing 3.5\n---\n![One](../announcing-3.5/figure-1.png) ![Two](figure-2.png)\n",
    );
    site.build().assert_code(0);
    let page = site.read("posts/announcing-3-5/index.html");
    for figure in ["figure-1.png", "figure-2.png"] {
        let src = format!("src=\"../../posts/announcing-3.5/{figure}\"");
        assert!(page.contains(&src), "{src} in {page}");
    }
}

#[test]
fn a_link_by_address_may_name_a_heading_by_another_tools_id() {
    // etcd's docs link `../configuration/#--name` to the heading "--name": Hugo's id
    // keeps the dashes, attune's does not; the same letters and digits find it.
    let site = hugo_site();
    site.write(
        "content/docs/reference/flags.md",
        "---\ntitle: Flags\n---\n### --listen-client-urls\nWhere to listen.\n",
    );
    site.write(
        "content/docs/overview.md",
        "---\ntitle: Overview\n---\nSee [the flag](../reference/flags/#--listen-client-urls) and [none](../reference/flags/#--nothing).\n",
    );
    let run = site.build();
    run.assert_code(1).assert_stderr_contains(
        "error: no heading or id '--nothing' in 'flags'\n --> content/docs/overview.md:4:",
    );
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    site.write(
        "content/docs/overview.md",
        "---\ntitle: Overview\n---\nSee [the flag](../reference/flags/#--listen-client-urls).\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("docs/overview/index.html")
        .contains("href=\"../../docs/reference/flags/#listen-client-urls\""));
}

#[test]
fn links_by_source_path_with_dots_lead_to_their_pages() {
    // etcd's blog: `/blog/2025/issue_3.5_followup` names a page whose file name has
    // dots, and `../../../docs/v3.5/guide/` from `blog/2017/post.md` climbs from the
    // page's address (`blog/2017/post/`) to the folder `docs/v3.5/`, whose address
    // here is `docs/v3-5/`.
    let site = hugo_site();
    site.write(
        "content/docs/v3.5/guide.md",
        "---\ntitle: Guide\n---\nThe guide.\n",
    );
    site.write(
        "content/posts/2025/issue_3.5_followup.md",
        "---\ntitle: Follow-up\n---\nMore.\n",
    );
    site.write(
        "content/posts/2017/deploying.md",
        "---\ntitle: Deploying\n---\nSee [the guide](../../../docs/v3.5/guide/) and [the follow-up](/posts/2025/issue_3.5_followup).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("deploying.md"), "{}", run.stderr);
    let page = site.read("posts/2017/deploying/index.html");
    for href in [
        "../../../docs/v3-5/guide/",
        "../../../posts/2025/issue_3-5_followup/",
    ] {
        assert!(
            page.contains(&format!("href=\"{href}\"")),
            "{href} in {page}"
        );
    }
}

#[test]
fn zolas_own_keys_are_read_or_accepted_on_a_zola_site() {
    // A Zola blog's sections and pages, as Abridge and tabi sites write them: the keys
    // for Zola's templates are Zola's, not typos; `in_search_index` and `redirect_to`
    // are read.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/_index.md",
        "+++\ntitle = \"News\"\nsort_by = \"date\"\npaginate_by = 5\npaginate_path = \"page\"\ninsert_anchor_links = \"right\"\ntemplate = \"blog.html\"\npage_template = \"post.html\"\ngenerate_feeds = true\n\n[extra]\ntoc = true\n+++\n",
    );
    site.write(
        "content/posts/hidden.md",
        "+++\ntitle = \"Hidden\"\nin_search_index = false\ntemplate = \"page.html\"\nauthors = [\"Ann\"]\n\n[extra]\ncomments = false\n+++\nZanzibarword here.\n",
    );
    site.write(
        "content/archive/_index.md",
        "+++\ntitle = \"Archive\"\nin_search_index = false\n+++\n",
    );
    site.write(
        "content/archive/old.md",
        "+++\ntitle = \"Old\"\n+++\nQuokkaword here.\n",
    );
    site.write(
        "content/moved/_index.md",
        "+++\ntitle = \"Moved\"\nredirect_to = \"posts\"\n+++\nNever shown.\n",
    );
    site.write(
        "content/moved/still.md",
        "+++\ntitle = \"Still here\"\n+++\nA page.\n",
    );
    // YAML front matter is not Zola's: `extra` there is still unknown.
    site.write(
        "content/about.md",
        "---\ntitle: About\nextra: x\n---\nAbout us.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "unknown front matter key `extra` is ignored\n --> content/about.md:3:1",
    );
    assert!(
        !run.stderr.contains("posts/") && !run.stderr.contains("archive/"),
        "{}",
        run.stderr
    );
    let search: String = std::fs::read_dir(site.path("public/search"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(search.contains("about"), "the search index is read");
    assert!(!search.to_lowercase().contains("zanzibarword"), "{search}");
    assert!(!search.to_lowercase().contains("quokkaword"), "{search}");
    assert!(site
        .read("posts/hidden/index.html")
        .contains("Zanzibarword"));
    assert!(site.read("archive/old/index.html").contains("Quokkaword"));
    assert!(site.read("moved/still/index.html").contains("A page."));
    assert!(!site.read("moved/index.html").contains("Never shown"));
}

#[test]
fn zolas_keys_in_yaml_front_matter_are_zolas_on_a_site_with_zolas_config() {
    // organicmaps.app (Zola) writes YAML front matter: `template:`, `extra:`.
    let site = Fixture::new("hugo");
    site.write("config.toml", "base_url = \"https://example.org\"\n");
    site.write(
        "content/about.md",
        "---\ntitle: About\ntemplate: about.html\nextra:\n  preview_image: a.png\n---\nAbout us.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("about.md"), "{}", run.stderr);
}

#[test]
fn zolas_template_keys_stay_unknown_on_a_hugo_site() {
    let site = hugo_site();
    site.write(
        "content/posts/_index.md",
        "+++\ntitle = \"News\"\npaginate_by = 5\n+++\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "unknown front matter key `paginate_by` is ignored\n --> content/posts/_index.md:3:1",
    );
}

#[test]
fn a_hugo_sites_404_section_is_its_not_found_pages_text() {
    // CorrelAid's `content/de/404/_index.md` gives the title and meta its `404.html`
    // layout shows; published, it would be a page at /404/, attune's not-found page's
    // address. A `404/` folder with pages of its own stays a section.
    let site = hugo_site();
    site.write(
        "content/404/_index.md",
        "---\ntitle: \"404\"\nmeta:\n  title: Not Found\n---\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: 404/_index.md is the text of a Hugo site's not-found page (its `404.html` layout shows it): attune writes its own, so this file is not published\n --> content/404/_index.md:1:1",
    );
    assert!(!run.stderr.contains("url-collision"), "{}", run.stderr);
    site.write(
        "content/404/codes.md",
        "---\ntitle: Codes\n---\nWhat 404 means.\n",
    );
    let run = site.build();
    run.assert_stderr_contains("content/404/_index.md:1:1");
    assert!(
        !run.stderr.contains("not-found page (its"),
        "{}",
        run.stderr
    );
}

#[test]
fn double_brackets_in_a_links_text_are_text_as_commonmark_reads_them() {
    // This Month in Rust OSDev (Zola) names Cargo's `[[bin]]` table in a link's text.
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/cargo.md",
        "+++\ntitle = \"Cargo\"\n+++\n- [Added [[bin]] section to Cargo.toml](https://github.com/x/pull/1412)\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("cargo.md"), "{}", run.stderr);
    let page = site.read("posts/cargo/index.html");
    assert!(
        page.contains(
            "<a href=\"https://github.com/x/pull/1412\">Added [[bin]] section to Cargo.toml</a>"
        ),
        "{page}"
    );
    // The Rust RFC book's translated council RFC: a link whose whole text is in
    // brackets, inline or by reference, was a note not written yet and a "(url)".
    site.write(
        "content/posts/council.md",
        "+++\ntitle = \"Council\"\n+++\n[[全文]](https://example.org/rfc#motivation) and [[1]][n].\n\n[n]: https://example.org/n\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("council.md"), "{}", run.stderr);
    let page = site.read("posts/council/index.html");
    assert!(
        page.contains("<a href=\"https://example.org/rfc#motivation\">[全文]</a> and <a href=\"https://example.org/n\">[1]</a>."),
        "{page}"
    );
}

/// The Hugo fixture as a Zola site: Zola's `config.toml` beside its content folder.
fn zola_site() -> Fixture {
    let site = Fixture::new("hugo");
    site.write("config.toml", "base_url = \"https://example.org\"\n");
    site
}

#[test]
fn a_zola_section_redirect_with_no_pages_is_a_redirect_page() {
    // Zola publishes a section's `redirect_to` at the section's address; a section
    // holding only its `_index.md` has no hub in attune, so the address was a broken
    // link. It is a redirect now, and `@/chat/_index.md` leads to its target.
    let site = zola_site();
    site.write(
        "content/chat/_index.md",
        "+++\ntitle = \"Chat\"\nredirect_to = \"docs/overview\"\n+++\n",
    );
    site.write(
        "content/elsewhere/_index.md",
        "+++\ntitle = \"Elsewhere\"\nredirect_to = \"https://example.com/forum\"\n+++\n",
    );
    site.write(
        "content/links.md",
        "+++\ntitle = \"Links\"\n+++\n[chat](/chat/), [by file](@/chat/_index.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("links.md"), "{}", run.stderr);
    // Another site's address is not written, as for any redirect.
    run.assert_stderr_contains(
        "1 redirect in _index.md leads outside the site (first '/elsewhere/' to 'https://example.com/forum')",
    );
    let redirect = site.read("chat/index.html");
    assert!(redirect.contains("docs/overview/"), "{redirect}");
    // Links to the old address lead to the page, as links to any redirect do.
    let links = site.read("links/index.html");
    assert_eq!(
        links
            .matches("href=\"../docs/overview/\" id=\"ref-")
            .count(),
        2,
        "{links}"
    );
}

#[test]
fn a_link_to_a_redirected_section_with_pages_leads_to_its_hub() {
    // getzola/zola's docs: `[templates](@/documentation/templates/_index.md)`, whose
    // `_index.md` has `redirect_to`, was "never published (`redirect_to`): shown as
    // plain text". Its folder keeps a hub at that address, listing its pages: the
    // address Zola's link names, so the link leads there, at any depth.
    let site = zola_site();
    site.write(
        "content/docs/_index.md",
        "+++\ntitle = \"Docs\"\nredirect_to = \"docs/templates/overview\"\n+++\n",
    );
    site.write(
        "content/docs/templates/_index.md",
        "+++\ntitle = \"Templates\"\nredirect_to = \"docs/templates/overview\"\n+++\n",
    );
    site.write(
        "content/docs/templates/overview.md",
        "+++\ntitle = \"Overview\"\n+++\nSee [templates](@/docs/templates/_index.md), [docs](@/docs/_index.md) and [up](../_index.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("overview.md"), "{}", run.stderr);
    let page = site.read("docs/templates/overview/index.html");
    assert!(
        page.contains("href=\"../../../docs/templates/\" id=\"ref-1\">templates</a>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../../docs/\" id=\"ref-2\">docs</a>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../../docs/\" id=\"ref-3\">up</a>"),
        "{page}"
    );
    // A held-back section with no hub stays plain text with its reason.
    site.write(
        "content/docs/templates/overview.md",
        "+++\ntitle = \"Overview\"\n+++\nSee [drafts](@/drafts/_index.md).\n",
    );
    site.write(
        "content/drafts/_index.md",
        "+++\ntitle = \"Drafts\"\ndraft = true\n+++\n",
    );
    site.build()
        .assert_stderr_contains("'@/drafts/_index.md' is held back by `draft: true`");
}

#[test]
fn links_to_hugos_and_zolas_feed_names_lead_to_attunes_feed() {
    // Hugo's feeds are `index.xml` (the home page's, a section's, a tag's), Zola's
    // `atom.xml` and `rss.xml`; attune writes one feed, `atom.xml`. A Hugo site's
    // feed is also written at `/index.xml` for its subscribers.
    let site = hugo_site();
    site.write(
        "content/feeds.md",
        "---\ntitle: Feeds\ntags: [news]\n---\n[home](/index.xml), [posts](/posts/index.xml), [zola](/posts/atom.xml), [rss](rss.xml), [tag](/tags/news/index.xml), [jekyll](/feed.xml).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("feeds.md"), "{}", run.stderr);
    let page = site.read("feeds/index.html");
    let body = &page[page.find("article-body").unwrap()..];
    let body = &body[..body.find("</div>").unwrap()];
    assert_eq!(body.matches("href=\"../atom.xml\"").count(), 5, "{body}");
    assert!(body.contains("href=\"../index.xml\""), "{body}");
    assert_eq!(site.read("index.xml"), site.read("atom.xml"));
    assert!(!site.path("public/rss.xml").exists());
    // A feed's name in a folder that is no page of the site stays a broken link.
    site.write(
        "content/feeds.md",
        "---\ntitle: Feeds\n---\n[nowhere](/nowhere/index.xml).\n",
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_contains("broken link to '/nowhere/index.xml'");
    // On a Zola site, at `/rss.xml`, Zola's other feed name.
    let zola = zola_site();
    zola.build().assert_code(0);
    assert_eq!(zola.read("rss.xml"), zola.read("atom.xml"));
    assert!(!zola.path("public/index.xml").exists());
}

#[test]
fn hugos_own_build_drafts_future_and_expired_settings_publish_what_they_name() {
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/unfinished.md",
        "---\ntitle: Unfinished\ndraft: true\n---\nA draft.\n",
    );
    site.write(
        "content/posts/scheduled.md",
        "---\ntitle: Scheduled\npublishDate: 2999-01-01\n---\nNot yet.\n",
    );
    site.write(
        "content/posts/offer.md",
        "+++\ntitle = \"Old offer\"\nexpiryDate = 2001-01-01\n+++\nGone.\n",
    );
    site.write(
        "content/posts/soon.md",
        "---\ntitle: Soon\ndate: 2999-02-02\n---\nDated to come.\n",
    );
    let published = |site: &Fixture| {
        ["unfinished", "scheduled", "offer"]
            .map(|p| site.path(&format!("public/posts/{p}/index.html")).is_file())
    };
    // No Hugo settings: held back, as Hugo holds them back.
    let run = site.build();
    run.assert_code(0);
    assert_eq!(published(&site), [false, false, false]);
    run.assert_stderr_contains("warning: dated 2999-02-02, after today");
    // `buildDrafts` alone (a blog's hugo.yaml, in any case): the draft only.
    site.write(
        "hugo.yaml",
        "baseURL: https://example.org/\nbuilddrafts: true\nbuildFuture: false\n",
    );
    site.build().assert_code(0);
    assert_eq!(published(&site), [true, false, false]);
    // All three, from `config/_default/`, which Hugo reads before the site's file;
    // a page dated to come is what `buildFuture` publishes, so nothing warns of it.
    site.write(
        "config/_default/hugo.toml",
        "buildFuture = true\nbuildExpired = true\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert_eq!(published(&site), [true, true, true]);
    assert!(!run.stderr.contains("after today"), "{}", run.stderr);
    // A Zola site's config.toml (`base_url`) says nothing of Hugo's settings.
    std::fs::remove_file(site.path("hugo.yaml")).unwrap();
    std::fs::remove_dir_all(site.path("config")).unwrap();
    site.write(
        "config.toml",
        "base_url = \"https://example.org\"\nbuildDrafts = true\n",
    );
    site.build().assert_code(0);
    assert_eq!(published(&site), [false, false, false]);
}

#[test]
fn a_relative_toml_alias_on_a_hugo_site_is_read_from_the_pages_folder() {
    // kedacore/keda-docs: `aliases = ["solace"]` in TOML front matter in each
    // version's `docs/<version>/scalers/solace-pub-sub.md`. Hugo reads an alias
    // without a leading `/` from the folder of the page's address, so each version has
    // its own (`/docs/2.5/scalers/solace/`), not one `/solace/` for both; on a Zola
    // site such an alias is still read from the site's root.
    let site = hugo_site();
    for version in ["2.5", "2.6"] {
        site.write(
            &format!("content/docs/{version}/scalers/solace-pub-sub.md"),
            format!("+++\ntitle = \"Solace {version}\"\naliases = [\"solace\"]\n+++\nText.\n"),
        );
    }
    site.write(
        "content/links.md",
        "+++\ntitle = \"Links\"\n+++\n[old](/docs/2.5/scalers/solace/)\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("url-collision"), "{}", run.stderr);
    assert!(!run.stderr.contains("links.md"), "{}", run.stderr);
    let links = site.read("links/index.html");
    assert!(
        links.contains("href=\"../docs/2-5/scalers/solace-pub-sub/\""),
        "{links}"
    );
    // Zola: from the root, a redirect there.
    let zola = zola_site();
    zola.write(
        "content/blog/post.md",
        "+++\ntitle = \"Post\"\naliases = [\"old-post\"]\n+++\nText.\n",
    );
    zola.build().assert_code(0);
    assert!(zola.read("old-post/index.html").contains("blog/post/"));
}

#[test]
fn hugo_s_own_front_matter_keys_are_never_unknown_on_a_hugo_site() {
    // Every key Hugo predefines, in the cases Hugo reads (keys in any case); a
    // theme's own key stays a warning, and off a Hugo site so do Hugo's keys.
    let front = "---\ntitle: Intake\ndate: 2024-01-02\nlastmod: 2024-02-03\npublishDate: 2024-01-02\n\
        expiryDate: 2999-01-01\ndraft: false\nweight: 3\nlinkTitle: Intake\ndescription: How intake works.\n\
        summary: Intake.\nkeywords: [intake, referral]\nslug: intake-form\nurl: /intake/\naliases: [/old-intake/]\n\
        type: docs\nlayout: single\nmenus: main\nmenu:\n  main:\n    weight: 2\noutputs: [html]\n\
        resources:\n  - src: '*.png'\n    title: Figure\ncascade:\n  draft: false\nbuild:\n  list: always\n\
        headless: false\nmarkup: goldmark\nsitemap:\n  priority: 0.5\ntranslationKey: intake\n\
        IsCJKLanguage: false\nparams:\n  clinic: north\nfeatured_image: intake.png\n---\n\nText.\n";
    let site = Fixture::new("hugo");
    site.write("hugo.toml", "title = \"T\"\n");
    site.write("content/posts/intake.md", front);
    let unknown = |site: &Fixture| -> Vec<String> {
        let run = site.run(&["check", "--format", "json"]);
        let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let items = items.as_array().unwrap().iter();
        items
            .filter(|d| d["code"] == "unknown-key")
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    };
    let theme = unknown(&site);
    assert_eq!(theme.len(), 1, "{theme:#?}");
    assert!(theme[0].contains("`featured_image`"), "{theme:#?}");
    // Not a Hugo site: `layout`, `menu` and the others are unknown keys.
    std::fs::remove_file(site.path("hugo.toml")).unwrap();
    let all = unknown(&site);
    assert!(all.iter().any(|m| m.contains("`layout`")), "{all:#?}");
}

#[test]
fn sitemap_disable_keeps_a_page_out_of_the_sitemap_as_hugo_does() {
    // Hugo 0.125's `sitemap: {disable: true}`: the page is written and listed, but
    // not in sitemap.xml; `changefreq` and `priority` are read and left aside.
    let site = hugo_site();
    site.write(
        "content/posts/thanks.md",
        "---\ntitle: Thanks page\nsitemap:\n  disable: true\n  priority: 0.1\n---\nThank you for your donation.\n",
    );
    site.write(
        "content/posts/kept.md",
        "+++\ntitle = \"Kept page\"\n[sitemap]\nchangefreq = \"monthly\"\ndisable = false\n+++\nSee [thanks](thanks.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("sitemap"), "{}", run.stderr);
    assert!(site.path("public/posts/thanks/index.html").is_file());
    assert!(site.read("posts/index.html").contains("Thanks page"));
    let sitemap = site.read("sitemap.xml");
    assert!(!sitemap.contains("posts/thanks/"), "{sitemap}");
    assert!(sitemap.contains("posts/kept/"), "{sitemap}");
    // Jekyll's sitemap plugin reads a flag alone: `sitemap: false` keeps it out too.
    site.write(
        "content/posts/kept.md",
        "---\ntitle: Kept page\nsitemap: false\n---\nSee [thanks](thanks.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("sitemap"), "{}", run.stderr);
    assert!(!site.read("sitemap.xml").contains("posts/kept/"));
}

#[test]
fn hugos_categories_and_declared_taxonomies_get_pages_as_hugo_publishes_them() {
    // Hugo gives every site `tags` and `categories` unless its configuration declares
    // its own; posts link to the pages Hugo writes for them.
    let site = hugo_site();
    site.write(
        "content/posts/calm.md",
        "---\ntitle: Calm\ncategories: [Anxiety, Sleep Problems]\n---\nSee [sleep](/categories/sleep-problems/) and [all](/categories/).\n",
    );
    site.write(
        "content/posts/rest.md",
        "+++\ntitle = \"Rest\"\nCategories = \"Sleep Problems\"\n+++\nText.\n",
    );
    site.write(
        "content/categories/_index.md",
        "---\ntitle: Categories\n---\nEvery category.\n",
    );
    // A title only, as themes' starters write it: nothing is lost, nothing to say.
    site.write(
        "content/categories/anxiety/_index.md",
        "---\ntitle: Anxiety\n---\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("`categories`"), "{}", run.stderr);
    run.assert_stderr_contains("warning: categories/_index.md is Hugo's text for the list of categories (/categories/), which attune writes itself from the articles' categories");
    assert!(
        !run.stderr.contains("categories/anxiety/_index.md"),
        "{}",
        run.stderr
    );
    let term = site.read("categories/sleep-problems/index.html");
    assert!(term.contains("Calm") && term.contains("Rest"), "{term}");
    assert!(term.contains("Categories: Sleep Problems"), "{term}");
    let list = site.read("categories/index.html");
    assert!(list.contains("categories/anxiety/") && list.contains("Sleep Problems"));
    assert!(!site.read("tags/index.html").contains("Anxiety"));

    // A site declaring its own taxonomies has those and no others.
    site.remove("content/categories/anxiety/_index.md");
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\n[taxonomies]\ntag = \"tags\"\nauthor = \"authors\"\n",
    );
    site.write(
        "content/posts/calm.md",
        "---\ntitle: Calm\nauthors: [Jo Smith]\ncategories: [Anxiety]\n---\nBy [Jo](/authors/jo-smith/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("unknown front matter key `categories` is ignored");
    assert!(site.read("authors/jo-smith/index.html").contains("Calm"));
    // `categories/_index.md` is a section of its own again, with no term pages.
    assert!(!site.path("public/categories/anxiety").exists());

    // With term pages turned off Hugo writes none, and a link to one leads nowhere.
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ndisableKinds = [\"term\", \"taxonomy\"]\n",
    );
    let run = site.build();
    run.assert_stderr_contains("/authors/jo-smith/");
    assert_ne!(run.code, 0);
}

#[test]
fn zolas_declared_taxonomies_get_pages_as_zola_publishes_them() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Zola\"\ndescription = \"A Zola site.\"\nbase_url = \"https://example.org/\"\n",
    );
    site.write(
        "config.toml",
        "base_url = \"https://example.org\"\ntaxonomies = [{name = \"tags\"}, {name = \"categories\", feed = true}]\n",
    );
    site.write(
        "content/blog/grief.md",
        "+++\ntitle = \"Grief\"\n[taxonomies]\ncategories = [\"Loss\"]\ntags = [\"feelings\"]\n+++\nSee [loss](/categories/loss/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(site.read("categories/loss/index.html").contains("Grief"));
    assert!(site.read("tags/feelings/index.html").contains("Grief"));
}

#[test]
fn a_bundles_file_is_found_by_the_name_its_front_matter_gives_it() {
    // Hugo's `figure` finds `src` with `.Page.Resources.Get`, which knows a bundle's
    // files by the names `resources` gives them.
    let site = hugo_site();
    site.write(
        "content/posts/redesign/index.md",
        "---\ntitle: Redesign\nresources:\n  - name: feature\n    src: home-page.webp\n    title: The home page.\n  - name: loop\n    src: loop\n  - name: gallery\n    src: \"shots/*.webp\"\n---\n{{< figure src=\"feature\" alt=\"The new home page\" >}}\n\n![Gallery](gallery)\n",
    );
    site.write("content/posts/redesign/home-page.webp", b"RIFF");
    let run = site.build();
    run.assert_stderr_contains("image 'gallery' does not exist");
    assert!(!run.stderr.contains("'feature'"), "{}", run.stderr);
    let text = std::fs::read_to_string(site.path("content/posts/redesign/index.md")).unwrap();
    site.write(
        "content/posts/redesign/index.md",
        text.replace("![Gallery](gallery)", ""),
    );
    site.build().assert_code(0);
    let page = site.read("posts/redesign/index.html");
    assert!(page.contains("home-page.webp\""), "{page}");
}

#[test]
fn taxonomies_a_theme_declares_are_known_by_their_folders_of_text() {
    // `_merge: deep` takes the theme's taxonomies, in a module not in the repository;
    // the site gives text to the `series` list and its terms' pages.
    let site = hugo_site();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\n[taxonomies]\n_merge = \"deep\"\n",
    );
    site.write(
        "content/posts/first.md",
        "---\ntitle: First\nseries: [Copilot experiments]\ncategories: [guides]\n---\nPart of [the series](/series/copilot-experiments/).\n",
    );
    site.write("content/series/_index.md", "---\ntitle: Series\n---\n");
    site.write(
        "content/series/copilot-experiments/_index.md",
        "---\ntitle: Copilot experiments\n---\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("`series`"), "{}", run.stderr);
    assert!(!run.stderr.contains("`categories`"), "{}", run.stderr);
    assert!(site
        .read("series/copilot-experiments/index.html")
        .contains("First"));
    assert!(site.read("categories/guides/index.html").contains("First"));
}

#[test]
fn a_section_of_pages_at_a_taxonomys_address_keeps_it() {
    // A site whose own `categories/` section holds pages: they are published there,
    // and the default taxonomy makes no pages over them.
    let site = hugo_site();
    site.write(
        "content/categories/guide.md",
        "---\ntitle: Guide\n---\nText.\n",
    );
    site.write(
        "content/posts/calm.md",
        "---\ntitle: Calm\ncategories: [Guide]\n---\nSee [the guide](/categories/guide/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(site.read("categories/guide/index.html").contains("Text."));
}

#[test]
fn the_texts_of_a_taxonomys_term_pages_are_one_warning() {
    // A blog giving each tag a line of text: one warning for the tags, not one each.
    let site = hugo_site();
    site.write(
        "content/posts/calm.md",
        "---\ntitle: Calm\ntags: [sleep, rest, mood]\n---\nText.\n",
    );
    for tag in ["sleep", "rest", "mood"] {
        site.write(
            &format!("content/tags/{tag}/_index.md"),
            format!("---\ntitle: {tag}\n---\nPosts about {tag}.\n"),
        );
    }
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: tags/mood/_index.md is Hugo's text for the page of tag 'mood', which attune writes itself from the articles' tags, so this file is not published (nor are the texts of 2 more of its terms' pages)");
    assert_eq!(
        run.stderr.matches("is Hugo's text for").count(),
        1,
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("content/tags/rest/_index.md:1:1");
}

#[test]
fn a_section_named_as_hugos_own_resources_key_is_a_section() {
    // fluxcd/website: bundles name their files with Hugo's `resources:` key, and
    // `resources/_index.md` is a page of its own, not a taxonomy's text.
    let site = hugo_site();
    site.write(
        "content/resources/_index.md",
        "---\ntitle: Resources\n---\nTalks, videos and articles.\n",
    );
    site.write(
        "content/posts/talk/index.md",
        "---\ntitle: Talk\nresources:\n- src: \"*.png\"\n  title: Slides\n---\nMore in [the resources](/resources/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("resources"), "{}", run.stderr);
    let page = site.read("resources/index.html");
    assert!(page.contains("Talks, videos and articles."), "{page}");
}

#[test]
fn a_link_to_a_definition_term_follows_the_id_the_term_was_given() {
    // gohugoio/hugoDocs: `/configuration/imaging/#sources` names the term `sources`,
    // whose id attune writes `sources-1` (its pages' own `sources` section has the id).
    let site = hugo_site();
    site.write(
        "content/docs/imaging.md",
        "---\ntitle: Imaging\n---\nThe settings.\n\n`sources`\n: Where images come from.\n",
    );
    site.write(
        "content/docs/meta.md",
        "---\ntitle: Meta\n---\nSee [sources](/docs/imaging/#sources).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("sources"), "{}", run.stderr);
    let imaging = site.read("docs/imaging/index.html");
    assert!(imaging.contains("<dt id=\"sources-1\">"), "{imaging}");
    let meta = site.read("docs/meta/index.html");
    assert!(meta.contains("imaging/#sources-1\""), "{meta}");
}

#[test]
fn emoji_shortcodes_are_emoji_where_the_site_asks_for_them() {
    // fluxcd/website (`enableEmoji: true`): `:heavy_check_mark:` was shown as written,
    // and a link to Hugo's id of `## :lock: Security enhancements` was called broken.
    let site = hugo_site();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Hugo\"\nenableEmoji = true\n",
    );
    site.write(
        "content/posts/update.md",
        "---\ntitle: Update\n---\nHello :wave:, done :heavy_check_mark:, at 10:30:00.\n\n## :lock: Security enhancements\n\nText.\n\n```\n:wave: in code\n```\n",
    );
    site.write(
        "content/posts/later.md",
        "---\ntitle: Later\n---\nSee [the update](../update/#-security-enhancements) and `:wave:`.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("security-enhancements"),
        "{}",
        run.stderr
    );
    let page = site.read("posts/update/index.html");
    assert!(page.contains("Hello 👋, done ✔️, at 10:30:00."), "{page}");
    assert!(page.contains("🔒 Security enhancements"), "{page}");
    assert!(page.contains(":wave: in code"), "{page}");
    assert!(site
        .read("posts/later/index.html")
        .contains("<code>:wave:</code>"));
    // Without `enableEmoji`, Hugo shows the names as written.
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Hugo\"\n",
    );
    site.write("content/posts/later.md", "---\ntitle: Later\n---\nText.\n");
    site.build().assert_code(0);
    assert!(site
        .read("posts/update/index.html")
        .contains("Hello :wave:, done"));
}
