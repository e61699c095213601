//! A library brought from another tool as it is: an Obsidian vault (nested folders
//! with spaces and capitals, wikilinks by name, aliases, embeds, notes not written yet)
//! and a Hugo site (`_index.md` sections at several depths, a page bundle, the home
//! page's own text). Pages, addresses, hubs, breadcrumbs, order, links and diagnostics
//! are asserted, and the independent link checker finds nothing broken where `check`
//! passes.

use crate::links::independent_check;
use crate::support::Fixture;

fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    &html[start..end]
}

#[test]
fn a_vault_publishes_as_it_is() {
    let site = Fixture::new("obsidian");
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: 'Grief and neglect' is not written yet: shown as plain text\n  --> content/Patterns/Family Styles/Dismissive Family.md:16:48",
    );
    // Addresses mirror the folders, made URL segments; topics come from the folders.
    let dismissive = site.read("patterns/family-styles/dismissive-family/index.html");
    for page in [
        "patterns/index.html",
        "patterns/family-styles/index.html",
        "patterns/family-styles/chaotic-family/index.html",
        "patterns/overview/index.html",
        "adult-effects/index.html",
        "adult-effects/numbness/index.html",
        "adult-effects/notes/index.html",
        "healing/notes/index.html",
    ] {
        site.read(page);
    }
    let home = site.read("index.html");
    assert!(
        home.contains("<a href=\"./adult-effects/\">Adult Effects</a>"),
        "{home}"
    );
    assert!(home.contains("<a href=\"./patterns/\">Patterns</a>"));
    // Breadcrumbs run through the sub-section.
    assert!(dismissive.contains("<li><a href=\"../../../patterns/\">Patterns</a></li><li><a href=\"../../../patterns/family-styles/\">Family styles</a></li><li><span aria-current=\"page\">The dismissive family</span></li>"), "{dismissive}");
    let body = main_of(&dismissive);
    // By file name in another case, with a label; by title with a heading's text.
    assert!(body.contains("<a href=\"../../../adult-effects/numbness/\" id=\"ref-1\">Numbness</a>"));
    assert!(body.contains(
        "<a href=\"../../../adult-effects/alexithymia/\" id=\"ref-2\">trouble naming feelings</a>"
    ));
    // A heading named after the note, as Obsidian shows it.
    assert!(body.contains("<a href=\"../../../patterns/family-styles/chaotic-family/#what-it-looks-like\" id=\"ref-3\">The chaotic family &gt; What it looks like</a>"), "{body}");
    // A note not written yet is plain text; an image is found by its name.
    assert!(body.contains("<span class=\"missing-link\">Grief and neglect</span>"));
    assert!(body.contains("<img src=\"../../../Attachments/breathing.png\" alt=\"breathing.png\""));
    // By alias name.
    let chaotic = site.read("patterns/family-styles/chaotic-family/index.html");
    assert!(chaotic.contains("<a href=\"../../../patterns/family-styles/dismissive-family/\" id=\"ref-1\">a dismissive home</a>"));
    // An alias with a leading `/` is still an old address.
    assert!(site
        .read("old/dismissive/index.html")
        .contains("url=../../patterns/family-styles/dismissive-family/"));
    // The same file name in two folders, each linked by its path.
    let notes = site.read("adult-effects/notes/index.html");
    assert!(notes.contains("<a href=\"../../healing/notes/\" id=\"ref-1\">Healing notes</a>"));
    assert!(site.read("healing/notes/index.html").contains("<a href=\"../../patterns/family-styles/dismissive-family/\" id=\"ref-1\">understanding</a>"));
    // `![[Note#Heading]]` shows that part, its links and images made right for this page.
    let numbness = main_of(&site.read("adult-effects/numbness/index.html")).to_string();
    let embed = &numbness[numbness.find("<div class=\"embed\"").expect("an embed")..];
    assert!(embed.contains("What helps"));
    assert!(
        !embed.contains("Why it happens"),
        "only the part under the heading"
    );
    assert!(embed.contains("<img src=\"../../Attachments/breathing.png\""));
    // `![[Note]]` shows the whole note, and the embeds inside it.
    let alexithymia = main_of(&site.read("adult-effects/alexithymia/index.html")).to_string();
    let embed = &alexithymia[alexithymia.find("<div class=\"embed\"").expect("an embed")..];
    assert!(embed.contains("Feeling little can be a way of coping."));
    assert!(embed.contains("<a href=\"../../patterns/family-styles/dismissive-family/\""));
    assert_eq!(
        alexithymia.matches("<div class=\"embed\"").count(),
        2,
        "nested embed"
    );
    // A Markdown link into a folder's _index.md is the folder's hub page.
    let overview = site.read("patterns/overview/index.html");
    assert!(
        overview
            .contains("<a href=\"../../patterns/family-styles/\" id=\"ref-1\">family styles</a>"),
        "{overview}"
    );
    assert!(overview.contains(
        "<a href=\"../../patterns/family-styles/dismissive-family/#why-it-happens\" id=\"ref-2\">"
    ));
    // The sub-section's hub: its own text, then its articles in order.
    let hub = main_of(&site.read("patterns/family-styles/index.html")).to_string();
    assert!(hub.contains("<p class=\"lede\">The shapes neglect takes at home.</p>"));
    assert!(hub.contains("Each family style below is a pattern, not a verdict."));
    assert!(hub.find("The dismissive family").unwrap() < hub.find("The chaotic family").unwrap());
    let topic = main_of(&site.read("patterns/index.html")).to_string();
    assert!(topic.contains("<a href=\"../patterns/family-styles/\">Family styles</a> <span class=\"summary\">The shapes neglect takes at home.</span> <span class=\"meta\">2 articles</span>"));
}

#[test]
fn the_independent_checker_agrees_on_a_vault_and_a_hugo_site() {
    for name in ["obsidian", "hugo"] {
        let site = Fixture::new(name);
        let broken = independent_check(&site);
        assert!(broken.is_empty(), "{name}: {broken:#?}");
    }
}

#[test]
fn a_name_two_notes_answer_to_is_an_error_listing_both_paths() {
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Numbness.md",
        "# Numbness in healing\n\nText.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: 'Numbness' could mean 2 notes\n --> content/Patterns/Family Styles/Dismissive Family.md:7:68")
        .assert_stderr_contains("write the path of the one you mean: [[adult-effects/numbness]] (content/Adult Effects/numbness.md), [[healing/numbness]] (content/Healing/Numbness.md)");
    // From the folder of one of them, that one is meant, as in Obsidian.
    let run = site.build();
    assert!(
        !run.stderr.contains("content/Adult Effects/alexithymia.md"),
        "{}",
        run.stderr
    );
    // The path form it suggests works.
    let text =
        std::fs::read_to_string(site.path("content/Patterns/Family Styles/Dismissive Family.md"))
            .unwrap();
    let text = text.replace("[[Numbness]]", "[[adult-effects/numbness]]");
    site.write("content/Patterns/Family Styles/Dismissive Family.md", text);
    site.build().assert_code(0);
    assert!(site
        .read("adult-effects/alexithymia/index.html")
        .contains("<a href=\"../../adult-effects/numbness/\" id=\"ref-1\">Numbness</a>"));
}

#[test]
fn missing_links_can_be_errors() {
    let site = Fixture::new("obsidian");
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{toml}\n[build]\nmissing_links = \"error\"\n"),
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: broken link to 'Grief and neglect'\n  --> content/Patterns/Family Styles/Dismissive Family.md:16:48");
    site.write(
        "book.toml",
        format!("{toml}\n[build]\nmissing_links = \"sometimes\"\n"),
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("unknown variant `sometimes`");
}

#[test]
fn a_broken_md_link_near_a_slug_two_files_share_is_an_error_not_a_crash() {
    // Zola's docs: `[x](../templates/overview.md)` where two `overview.md` exist and
    // the one meant does not: the suggestion names one of them.
    let site = Fixture::new("obsidian");
    site.strict_links();
    site.write(
        "content/Healing/overview.md",
        "# Overview

One.
",
    );
    site.write(
        "content/Patterns/overview.md",
        "# Overview

Two.
",
    );
    site.write(
        "content/Healing/more.md",
        "# More

See [the overview](../Nowhere/overviews.md).
",
    );
    for run in [site.run(&["check"]), site.build()] {
        run.assert_code(1)
            .assert_stderr_contains(
                "error: broken link to '../Nowhere/overviews.md'\n --> content/Healing/more.md:3:5",
            )
            .assert_stderr_contains("help: did you mean 'overview.md'?");
    }
}

#[test]
fn embeds_that_go_round_in_a_circle_are_an_error_naming_it() {
    let site = Fixture::new("obsidian");
    site.write("content/Healing/a.md", "# A\n\n![[B]]\n");
    site.write("content/Healing/b.md", "# B\n\nText.\n\n![[a]]\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: embeds go round in a circle: content/Healing/a.md → content/Healing/b.md → content/Healing/a.md\n --> content/Healing/b.md:5:1");
    site.write("content/Healing/b.md", "# B\n\n![[B]]\n");
    site.build().assert_code(1).assert_stderr_contains(
        "error: embeds go round in a circle: content/Healing/b.md → content/Healing/b.md",
    );
    // stevepowell99/causal-mapping-garden-content: a glossary and a note embed each
    // other, and Obsidian shows the circle once. With `broken_links = "warn"` the
    // embed that closes it is left out, with a warning, and the vault is published.
    site.write("content/Healing/b.md", "# B\n\nB-TEXT.\n\n![[a]]\n");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("[build]\nbroken_links = \"warn\"\n\n{book}"),
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains("warning: embeds go round in a circle: content/Healing/a.md → content/Healing/b.md → content/Healing/a.md\n --> content/Healing/b.md:5:1");
    let a = site.read("healing/a/index.html");
    assert_eq!(a.matches("B-TEXT.").count(), 1, "{a}");
}

#[test]
fn embedded_images_are_found_by_name_once() {
    let site = Fixture::new("obsidian");
    site.write("content/Healing/breathing.png", b"\x89PNG");
    site.write(
        "content/Healing/x.md",
        "# X\n\n![[breathing.png]] ![[Attachments/breathing.png|120]] ![[nowhere.png]]\n",
    );
    site.write("content/Adult Effects/y.md", "# Y\n\n![[breathing.png]]\n");
    let run = site.build();
    run.assert_code(1)
        .assert_stderr_contains("error: 'nowhere.png' is not in the content folder\n --> content/Healing/x.md:3:55")
        .assert_stderr_contains("error: 'breathing.png' could mean 2 files: Attachments/breathing.png, Healing/breathing.png\n --> content/Adult Effects/y.md:3:1");
    assert!(
        !run.stderr.contains("content/Healing/x.md:3:1\n"),
        "one beside the note wins: {}",
        run.stderr
    );
    site.write(
        "content/Healing/x.md",
        "# X\n\n![[breathing.png]] ![[Attachments/breathing.png|120]]\n",
    );
    site.remove("content/Adult Effects/y.md");
    site.write("content/Patterns/Family Styles/breathing.png", b"\x89PNG");
    site.build().assert_code(0);
    assert!(site
        .read("patterns/family-styles/dismissive-family/index.html")
        .contains("<img src=\"../../../Patterns/Family%20Styles/breathing.png\""));
    let x = site.read("healing/x/index.html");
    assert!(
        x.contains(
            "<img src=\"../../Healing/breathing.png\" alt=\"breathing.png\" loading=\"lazy\">"
        ),
        "{x}"
    );
    assert!(x.contains("<img src=\"../../Attachments/breathing.png\" alt=\"breathing.png\" width=\"120\" loading=\"lazy\">"));
}

#[test]
fn a_markdown_image_by_bare_file_name_is_found_as_obsidian_finds_it() {
    // Obsidian's "shortest path" links: `![alt](chart.png)` from any folder names the one
    // chart.png in the vault; a name two files share, or none has, stays an error.
    let site = Fixture::new("obsidian");
    site.write("content/Attachments/chart.png", b"\x89PNG");
    site.write(
        "content/Healing/x.md",
        "# X\n\n![A chart](chart.png#interface) and [the chart](chart.png).\n",
    );
    site.build().assert_code(0);
    let x = site.read("healing/x/index.html");
    assert!(
        x.contains("<img src=\"../../Attachments/chart.png#interface\" alt=\"A chart\""),
        "{x}"
    );
    assert!(
        x.contains("<a href=\"../../Attachments/chart.png\" id=\"ref-1\">the chart</a>"),
        "{x}"
    );
    site.write("content/Patterns/chart.png", b"\x89PNG");
    site.build().assert_code(1).assert_stderr_contains(
        "error: image 'chart.png#interface' does not exist\n --> content/Healing/x.md:3:1",
    );
    site.write("content/Healing/x.md", "# X\n\n![A chart](Chart.png)\n");
    site.remove("content/Patterns/chart.png");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: image 'Chart.png' does not exist");
}

#[test]
fn links_inside_an_embedded_part_lead_to_the_note_they_were_written_in() {
    // `[[#Other]]` written in Source means Source's heading, also where Source's part
    // is embedded in another note (found on the Obsidian Help vault).
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/source.md",
        "# Source\n\n## Part\n\nSee [[#Other]] and [[source#Other|there]].\n\n## Other\n\nText.\n",
    );
    site.write("content/Healing/host.md", "# Host\n\n![[source#Part]]\n");
    site.build().assert_code(0);
    let host = site.read("healing/host/index.html");
    let embed = &host[host.find("<div class=\"embed\"").expect("an embed")..];
    assert!(!embed.contains("href=\"#other\""), "{embed}");
    assert_eq!(
        embed.matches("healing/source/#other\"").count(),
        2,
        "{embed}"
    );
    let source = site.read("healing/source/index.html");
    assert!(source.contains("href=\"#other\""), "{source}");
}

#[test]
fn a_hugo_site_keeps_its_sections_bundles_and_order() {
    let site = Fixture::new("hugo");
    site.build().assert_code(0);
    // The home page shows content/_index.md.
    let home = main_of(&site.read("index.html")).to_string();
    assert!(home.contains("<div class=\"hub-text\">\n<p>Start with the <a href=\"./docs/\" id=\"ref-1\">documentation</a> or the <a href=\"./posts/first-post/\" id=\"ref-2\">first post</a>.</p>"), "{home}");
    // Topics from the folders, titled and ordered by their _index.md.
    assert!(home.find("Documentation").unwrap() < home.find("News").unwrap());
    // A topic hub: its text, its sections (with their counts), its own articles.
    let docs = main_of(&site.read("docs/index.html")).to_string();
    assert!(docs.contains("<p>Everything about the handbook, in order.</p>"));
    assert!(docs.contains("<a href=\"../docs/getting-started/\">Getting started</a> <span class=\"summary\">The first steps.</span> <span class=\"meta\">2 articles</span>"));
    assert!(docs.contains(
        "<a href=\"../docs/reference/\">Reference</a> <span class=\"meta\">1 article</span>"
    ));
    assert!(docs.contains("<a href=\"../docs/overview/\">Overview</a>"));
    assert!(
        !docs.contains("Installing"),
        "sub-section articles are on their own hub"
    );
    // A sub-section's hub, with breadcrumbs.
    let started = site.read("docs/getting-started/index.html");
    assert!(started.contains("<li><a href=\"../../docs/\">Documentation</a></li><li><span aria-current=\"page\">Getting started</span></li>"));
    assert!(
        main_of(&started).find("Installing").unwrap()
            < main_of(&started).find("First steps").unwrap()
    );
    // Reading order runs depth first: overview, then the sub-section in its order.
    let install = site.read("docs/getting-started/install/index.html");
    assert!(install.contains(
        "<a href=\"../../../docs/overview/\" rel=\"prev\"><span>Previous</span> Overview</a>"
    ));
    assert!(install.contains("<a href=\"../../../docs/getting-started/first-steps/\" rel=\"next\"><span>Next</span> First steps</a>"));
    let steps = site.read("docs/getting-started/first-steps/index.html");
    assert!(steps
        .contains("<a href=\"../../../docs/reference/options/#colours\" id=\"ref-1\">options</a>"));
    // A page bundle: the page is the folder's, its image beside it.
    let post = site.read("posts/first-post/index.html");
    assert!(
        post.contains("<img src=\"../../posts/first-post/launch.png\" alt=\"The launch\""),
        "{post}"
    );
    assert!(site.path("public/posts/first-post/launch.png").is_file());
    assert!(post.contains("<a href=\"../../posts/second-post/\" id=\"ref-1\">second post</a>"));
    assert!(site
        .read("posts/second-post/index.html")
        .contains("<a href=\"../../posts/first-post/\" id=\"ref-1\">the first</a>"));
    // Hub text is no page of its own and never listed as an article.
    assert!(!site.path("public/docs/_index").exists());
    assert!(!site.read("atom.xml").contains("News from the team"));
}

#[test]
fn file_names_may_repeat_but_addresses_may_not() {
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/options.md",
        "---\ntitle: Post options\n---\nText.\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("posts/options/index.html")
        .contains("Post options"));
    assert!(site
        .read("docs/reference/options/index.html")
        .contains("All options"));
    // Two notes whose addresses come out the same: the second by path takes `-2/`,
    // with a warning at it (Hugo writes one over the other, without a word).
    site.write(
        "content/posts/Post Options.md",
        "---\ntitle: Other\n---\nText.\n",
    );
    site.write(
        "content/posts/post-options.md",
        "---\ntitle: Another\n---\nText.\n",
    );
    site.build().assert_code(0).assert_stderr_contains(
        "warning: 'posts/Post Options.md' and 'posts/post-options.md' give one address, /posts/post-options/: 'posts/post-options.md' is published at /posts/post-options-2/\n --> content/posts/post-options.md:1:1",
    );
    assert!(site
        .read("posts/post-options-2/index.html")
        .contains("Another"));
    site.remove("content/posts/Post Options.md");
    site.remove("content/posts/post-options.md");
    site.write(
        "content/posts/Options.md",
        "---\ntitle: Other\n---\nText.\n",
    );
    site.build().assert_code(0).assert_stderr_contains(
        "warning: 'posts/Options.md' and 'posts/options.md' differ only in letter case",
    );
}

/// spinnaker.io keeps `providers/kubernetes.md` (the legacy provider's page) beside the
/// bundle `providers/kubernetes/index.md`: both at one address, an error, and nothing
/// was written for its 1,500 pages. The folder's text keeps its folder's address and
/// the note beside it moves to `-2/`, with a warning naming both, as a note does beside
/// a folder of notes.
#[test]
fn a_note_beside_a_bundle_of_its_name_moves_and_the_bundle_keeps_the_address() {
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/kubernetes.md",
        "---\ntitle: Kubernetes (Legacy)\n---\nSee [the provider](/posts/kubernetes/) and [this page](kubernetes.md).\n",
    );
    site.write(
        "content/posts/kubernetes/index.md",
        "---\ntitle: Kubernetes Provider\n---\n![Diagram](diagram.png) See [legacy](../kubernetes.md).\n",
    );
    site.write("content/posts/kubernetes/diagram.png", b"\x89PNG");
    for run in [site.run(&["check"]), site.build()] {
        run.assert_code(0).assert_stderr_contains(
            "warning: 'posts/kubernetes.md' would be at /posts/kubernetes/, the address of a folder of notes beside it: 'posts/kubernetes.md' is published at /posts/kubernetes-2/\n --> content/posts/kubernetes.md:1:1",
        );
    }
    let bundle = site.read("posts/kubernetes/index.html");
    assert!(bundle.contains("Kubernetes Provider"), "{bundle}");
    assert!(
        bundle.contains("src=\"../../posts/kubernetes/diagram.png\""),
        "{bundle}"
    );
    assert!(
        bundle.contains("href=\"../../posts/kubernetes-2/\""),
        "{bundle}"
    );
    let legacy = site.read("posts/kubernetes-2/index.html");
    assert!(legacy.contains("Kubernetes (Legacy)"), "{legacy}");
    assert!(
        legacy.contains("href=\"../../posts/kubernetes/\" id=\"ref-1\">the provider"),
        "{legacy}"
    );
    assert!(
        legacy.contains("href=\"../../posts/kubernetes-2/\" id=\"ref-2\">this page"),
        "{legacy}"
    );
}

/// A folder holding only a page bundle has no text of its own: its page is titled by
/// its own name, not the bundle's (Jaxydog/AstralWiki's `pages/origins/` was "Action
/// types", the bundle below it; `b_x/` holding only `c_y/index.md` read "C y").
#[test]
fn a_folder_holding_only_a_bundle_is_titled_by_its_own_name() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"content\"\n",
    );
    site.write("content/care/b_x/c_y/index.md", "# Leaf\n\nText.\n");
    site.write("content/care/b_x/c_y/map.png", b"\x89PNG");
    site.write("content/care/other.md", "# Other\n\nText.\n");
    site.build().assert_code(0);
    let folder = site.read("care/b_x/index.html");
    assert!(folder.contains("<title>B x"), "{folder}");
    assert!(!folder.contains("C y"), "{folder}");
    let bundle = site.read("care/b_x/c_y/index.html");
    assert!(bundle.contains("<title>Leaf"), "{bundle}");
    assert!(bundle.contains(">B x</a>"), "{bundle}");
}

#[test]
fn zola_internal_links_start_from_the_content_folder() {
    let site = Fixture::new("hugo");
    site.strict_links();
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n[Options](@/docs/reference/options.md#colours) and [gone](@/docs/gone.md).\n",
    );
    site.build().assert_code(1).assert_stderr_contains(
        "error: broken link to '@/docs/gone.md'\n --> content/posts/third.md:4:52",
    );
    site.write(
        "content/posts/third.md",
        "---\ntitle: Third\n---\n[Options](@/docs/reference/options.md#colours).\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("posts/third/index.html")
        .contains("<a href=\"../../docs/reference/options/#colours\" id=\"ref-1\">Options</a>"));
}

#[test]
fn a_zola_path_and_root_relative_aliases_are_old_addresses_links_may_use() {
    // The Rust blog (Zola): `path = "2015/02/13/Final-1.0-timeline"` is where Zola
    // publishes a post, and other posts link there (or to its `.html` alias); those
    // links were broken, as attune publishes the post at its file's path.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Blog\"\n");
    site.write(
        "content/Final-1.0-timeline.md",
        "+++\npath = \"2015/02/13/Final-1.0-timeline\"\ntitle = \"Timeline\"\naliases = [\"2015/02/13/Final-1.0-timeline.html\"]\n+++\n\n## The plan\n\nSoon.\n",
    );
    site.write(
        "content/alpha2.md",
        "+++\ntitle = \"Alpha 2\"\npath = \"/alpha2/\"\n+++\n\nSee [the timeline](/2015/02/13/Final-1.0-timeline/) and \
         [the old one](/2015/02/13/Final-1.0-timeline.html#the-plan).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("unknown front matter key `path`"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    let alpha = site.read("alpha2/index.html");
    assert!(
        alpha.contains("<a href=\"../final-1-0-timeline/\" id=\"ref-1\">the timeline</a>"),
        "{alpha}"
    );
    // The old address is a redirect to the page.
    assert!(site
        .read("2015/02/13/Final-1.0-timeline/index.html")
        .contains("final-1-0-timeline/"));
    // A `path` that is the page's own address is no redirect of its own, nor one
    // where attune writes a page of its own (Abridge's privacy page at `privacy`).
    assert!(!run.stderr.contains("url-collision"), "{}", run.stderr);
    site.write(
        "content/pages/privacy.md",
        "+++\ntitle = \"Privacy Policy\"\npath = \"privacy\"\n+++\n\nOur own policy text.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("privacy"), "{}", run.stderr);
    assert!(site
        .read("pages/privacy/index.html")
        .contains("Our own policy text."));
    assert!(!site
        .read("privacy/index.html")
        .contains("Our own policy text."));
}

/// The independent link checker over any built folder, for trying attune on real
/// sites: `ATTUNE_LINKCHECK=path/to/public cargo test --test testsuite
/// import_structure::linkcheck_a_folder -- --ignored --nocapture` (add
/// `ATTUNE_LINKCHECK_OFFLINE=1` for an offline edition).
#[test]
#[ignore]
fn linkcheck_a_folder() {
    let dir = std::env::var("ATTUNE_LINKCHECK").expect("ATTUNE_LINKCHECK names the folder");
    let offline = std::env::var_os("ATTUNE_LINKCHECK_OFFLINE").is_some();
    let broken = crate::linkcheck::check_folder(std::path::Path::new(&dir), offline);
    for b in &broken {
        println!("{}\t{}\t{}", b.page, b.url, b.why);
    }
    println!("{} broken", broken.len());
}

#[test]
fn folders_that_make_one_address_are_an_error_and_two_texts_for_one_folder_a_warning() {
    let site = Fixture::new("hugo");
    // Topics declared in book.toml keep their ids: two folders for one is an error.
    site.write("content/Docs/extra.md", "---\ntitle: Extra\n---\nText.\n");
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{toml}\n[[topics]]\nid = \"docs\"\ntitle = \"Docs\"\n"),
    );
    site.build().assert_code(1).assert_stderr_contains(
        "error: the folders 'Docs/' and 'docs/' would both publish '/docs/'",
    );
    site.write("book.toml", toml);
    site.remove("content/Docs");
    site.write(
        "content/docs/reference/_index.md",
        "---\ntitle: Reference\n---\nOne.\n",
    );
    site.write(
        "content/docs/reference/index.md",
        "---\ntitle: Reference too\n---\nTwo.\n",
    );
    // Hugo reads `_index.md` and warns "pick one": so does attune, and the other
    // file is not published. Hugo is named on a Hugo site only (AerynOS' Astro site
    // has `index.md` and `index.mdx` in five folders).
    site.build().assert_code(0).assert_stderr_contains(
        "warning: docs/reference/_index.md and docs/reference/index.md both give their folder its text: docs/reference/_index.md is read, so this file is not published\n --> content/docs/reference/index.md:1:1",
    );
    site.write("hugo.toml", "title = \"T\"\n");
    site.build()
        .assert_code(0)
        .assert_stderr_contains(
            "docs/reference/_index.md is read, as Hugo reads it, so this file is not published",
        )
        .assert_stderr_contains("keep one of them (Hugo warns: \"pick one\")");
    site.remove("hugo.toml");
    let hub = site.read("docs/reference/index.html");
    assert!(hub.contains("One.") && !hub.contains("Two."), "{hub}");
    assert!(!site.path("public/docs/reference/index/index.html").exists());
    // Of `_index.md` and `_index.html` (Hugo's HTML content format), the Markdown.
    site.remove("content/docs/reference/index.md");
    site.write(
        "content/docs/reference/_index.html",
        "---\ntitle: Reference in HTML\n---\n<p>Three.</p>\n",
    );
    site.build().assert_code(0).assert_stderr_contains(
        "docs/reference/_index.md and docs/reference/_index.html both give their folder its text",
    );
    let hub = site.read("docs/reference/index.html");
    assert!(hub.contains("One.") && !hub.contains("Three."), "{hub}");
}

#[test]
fn a_folder_text_without_a_title_takes_the_folder_name() {
    // As in the hugo-book example site: an `_index.md` with only front matter Hugo
    // reads (`bookCollapseSection`), no title.
    let site = Fixture::new("hugo");
    site.write(
        "content/docs/reference/_index.md",
        "Every option, in one place.\n",
    );
    site.build().assert_code(0);
    let hub = site.read("docs/reference/index.html");
    assert!(hub.contains("<h1>Reference</h1>"), "{hub}");
    assert!(hub.contains("Every option, in one place."));
}

#[test]
fn vault_habits_read_as_obsidian_reads_them() {
    let site = Fixture::new("obsidian");
    // One alias as a string, a heading path, an embed of the note's own other part,
    // escaped bars in a table, a wikilink to an image file.
    site.write(
        "content/Healing/habits.md",
        "---\naliases: Good habits\n---\n# Habits\n\n## Sleep\n\n### Naps\n\nShort ones.\n\n## Later\n\n![[habits#Naps]]\n\n| a | b |\n|---|---|\n| [[numbness\\|feeling little]] | ![[breathing.png\\|40]] |\n\nSee [[habits#Sleep#Naps]] and [[breathing.png]].\n",
    );
    site.write("content/Healing/more.md", "# More\n\n[[Good habits]]\n");
    site.build().assert_code(0);
    let habits = site.read("healing/habits/index.html");
    assert!(
        habits
            .contains("<a href=\"../../adult-effects/numbness/\" id=\"ref-2\">feeling little</a>"),
        "{habits}"
    );
    assert!(habits.contains(
        "<img src=\"../../Attachments/breathing.png\" alt=\"breathing.png\" width=\"40\""
    ));
    assert!(habits.contains("<a href=\"#naps\" id=\"ref-3\">"));
    assert!(habits.contains("<a href=\"../../Attachments/breathing.png\">breathing.png</a>"));
    let embed = &habits[habits.find("<div class=\"embed\"").expect("an embed")..];
    assert!(embed.contains("Short ones."));
    // Named by its alias, it shows the alias, as Obsidian shows it.
    assert!(site
        .read("healing/more/index.html")
        .contains("<a href=\"../../healing/habits/\" id=\"ref-1\">Good habits</a>"));
}

#[test]
fn markdown_links_to_a_note_may_name_a_heading_by_its_text() {
    // Obsidian with wikilinks turned off writes `[x](Note.md#Heading%20text)`.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/Notes/Example.md",
        "# Example\n\n## Details\n\nSome.\n\n## What it looks like\n\nMore.\n\n## [DHCP](Links.md) Snooping\n",
    );
    // A heading holding a link is named as written (TrshPuppy's notes:
    // `port-security.md#[DHCP](../../protocols/DHCP.md)%20Snooping`).
    site.write(
        "content/Notes/Links.md",
        "# Links\n\n[a](Example.md#Details), [b](Example.md#What%20it%20looks%20like), \
         [c](Example.md#what-it-looks-like), [d](Example.md#Example), \
         [f](Example.md#[DHCP](Links.md)%20Snooping).\n\n[e](Example.md#Nowhere)\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1)
        .assert_stderr_contains("error: no heading with id 'Nowhere' in 'example'");
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    site.write(
        "content/Notes/Links.md",
        "# Links\n\n[a](Example.md#Details), [b](Example.md#What%20it%20looks%20like), \
         [c](Example.md#what-it-looks-like), [d](Example.md#Example), \
         [f](Example.md#[DHCP](Links.md)%20Snooping).\n",
    );
    site.build().assert_code(0);
    let body = main_of(&site.read("notes/links/index.html")).to_string();
    for link in [
        "<a href=\"../../notes/example/#dhcp-snooping\"",
        "<a href=\"../../notes/example/#details\"",
        "<a href=\"../../notes/example/#what-it-looks-like\"",
        "<a href=\"../../notes/example/\"",
    ] {
        assert!(body.contains(link), "{link} in {body}");
    }
    assert!(independent_check(&site).is_empty());
}

#[test]
fn section_links_may_use_the_ids_zola_makes_of_emoji_and_other_scripts() {
    // The Rust blog: `[x]: #i-unsound-issues-crab` for the heading "I-unsound Issues
    // (🦀)": Zola's ids spell a heading in ASCII (deunicode), emoji as words.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Blog\"\n");
    site.write(
        "content/inside/ambitions.md",
        "+++\ntitle = \"Ambitions\"\n+++\n\nSee [unsound][u], [delight](#developer-delight-woman-computer) \
         and [hello](#ni-hao).\n\n[u]: #i-unsound-issues-crab\n\n\
         ### I-unsound Issues (🦀)\n\nText.\n\n### Developer Delight (👩‍💻)\n\nMore.\n\n## 你好\n\nHi.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    let page = site.read("inside/ambitions/index.html");
    assert!(!page.contains("href=\"#i-unsound-issues-crab\""), "{page}");
    assert!(!page.contains("href=\"#ni-hao\""), "{page}");
}

#[test]
fn section_links_may_use_the_ids_zola_makes_and_hash_alone_is_the_top() {
    // Zola's docs link `@/…/overview.md#get-page` to a heading "get_page" (attune's and
    // mdBook's id: `get_page`), tabi's Spanish pages `#busqueda` to "Búsqueda".
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/docs/overview.md",
        "+++\ntitle = \"Overview\"\n+++\n\n## get_page\n\nOne.\n\n## Búsqueda\n\nDos.\n\n## load_data\n\nThree.\n",
    );
    site.write(
        "content/docs/links.md",
        "+++\ntitle = \"Links\"\n+++\n\n[a](@/docs/overview.md#get-page), [b](overview.md#busqueda), \
         [c](@/docs/overview.md#load_data), [top](#).\n\n[d](@/docs/overview.md#get-nothing)\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1)
        .assert_stderr_contains("error: no heading with id 'get-nothing' in 'overview'");
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    site.write(
        "content/docs/links.md",
        "+++\ntitle = \"Links\"\n+++\n\n[a](@/docs/overview.md#get-page), [b](overview.md#busqueda), \
         [c](@/docs/overview.md#load_data), [top](#).\n",
    );
    // A Zola draft (`draft = true` in TOML front matter) is not published.
    site.write(
        "content/docs/wip.md",
        "+++\ntitle = \"Work in progress\"\ndraft = true\n[extra]\nx = 1\n+++\n\nNot yet.\n",
    );
    site.build().assert_code(0);
    assert!(!site.path("public/docs/wip").exists());
    assert!(!site.read("docs/index.html").contains("Work in progress"));
    let body = main_of(&site.read("docs/links/index.html")).to_string();
    for link in [
        "<a href=\"../../docs/overview/#get_page\"",
        "<a href=\"../../docs/overview/#load_data\"",
        "<a href=\"#\"",
    ] {
        assert!(body.contains(link), "{link} in {body}");
    }
    assert!(
        body.contains("overview/#b%C3%BAsqueda\"") || body.contains("overview/#búsqueda\""),
        "{body}"
    );
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_dated_file_name_dates_the_page_and_zola_s_address_without_the_date_leads_to_it() {
    // Helix's news (Zola): `2022-03-28-release-22.03-highlights.md` is dated by its
    // name when the front matter gives no date, and Zola publishes it at
    // `news/release-22-03-highlights/`; a page bundle's folder name counts the same way.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Blog\"\n");
    site.write(
        "content/news/2022-03-28-release-22.03-highlights.md",
        "+++\ntitle = \"Release 22.03\"\n+++\n\nThe first.\n",
    );
    site.write(
        "content/news/2023-10-25_release-23.10/index.md",
        "+++\ntitle = \"Release 23.10\"\ndate = 2023-10-26\n+++\n\nSee [22.03](/news/release-22-03-highlights/).\n",
    );
    site.write(
        "content/news/later.md",
        "+++\ntitle = \"Later\"\n+++\n\n[23.10](/news/release-23-10/) and [22.03](@/news/2022-03-28-release-22.03-highlights.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    // The page keeps its own address; Zola's is a redirect to it.
    let own = "news/2022-03-28-release-22-03-highlights/";
    assert!(site.path("public").join(own).join("index.html").exists());
    assert!(site
        .read("news/release-22-03-highlights/index.html")
        .contains("2022-03-28-release-22-03-highlights/"));
    let bundle = site.read("news/2023-10-25_release-23-10/index.html");
    assert!(
        bundle.contains("../../news/2022-03-28-release-22-03-highlights/\""),
        "{bundle}"
    );
    // Dated by the name; a date in the front matter wins.
    let feed = site.read("atom.xml");
    assert!(feed.contains("2022-03-28"), "{feed}");
    assert!(
        feed.contains("2023-10-26") && !feed.contains("2023-10-25T"),
        "{feed}"
    );
}

#[test]
fn a_root_relative_link_may_start_with_the_path_the_site_is_published_at() {
    // The Apollo theme (Zola), published at `https://not-matthias.github.io/apollo/`,
    // links `[Taxonomies](/apollo/tags)`: a browser there reads it as the site's
    // `tags/`; it was a broken link.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Blog\"\nbase_url = \"https://example.org/apollo/\"\n",
    );
    site.write(
        "content/posts/first.md",
        "+++\ntitle = \"First\"\ntags = [\"rust\"]\n+++\n\n[All tags](/apollo/tags), [rust](/apollo/tags/rust/), \
         [second](/apollo/posts/second/#part), [home](/apollo) and [also](/posts/second/).\n",
    );
    site.write(
        "content/posts/second.md",
        "+++\ntitle = \"Second\"\n+++\n\n## Part\n\n[First](/apollo/posts/first/).\n",
    );
    // A folder of the site named as the path is the site's own.
    site.write(
        "content/apollo/mission.md",
        "+++\ntitle = \"Mission\"\n+++\n\n[First](/apollo/mission/) and [second](/apollo/apollo/mission/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    let first = site.read("posts/first/index.html");
    for href in [
        "href=\"../../tags/\"",
        "href=\"../../tags/rust/\"",
        "href=\"../../posts/second/#part\"",
        "href=\"../../\"",
    ] {
        assert!(first.contains(href), "{href} in {first}");
    }
    // Outside the path, still an error.
    site.write(
        "content/posts/second.md",
        "+++\ntitle = \"Second\"\n+++\n\n[gone](/apollo-x/tags/) [gone](/apollo/nothing/).\n",
    );
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("broken link to '/apollo-x/tags/'")
        .assert_stderr_contains("broken link to '/apollo/nothing/'");
}

#[test]
fn a_topic_named_like_an_attune_page_is_moved_from_its_folder_or_reported_at_book_toml() {
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write("content/search/a.md", "---\ntitle: A\n---\nText.\n");
    site.write("content/search/b.md", "---\ntitle: B\n---\nText.\n");
    site.write("content/tags/c.md", "---\ntitle: C\n---\nText.\n");
    // Topics read from folders move beside attune's pages, with a warning.
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: the folder 'search/' would be published at /search/, the address of the search page attune writes: its pages are published at /search-2/\n --> content/search/a.md:1:1",
        )
        .assert_stderr_contains(
            "warning: the folder 'tags/' would be published at /tags/, the address of the tag list attune writes: its pages are published at /tags-2/\n --> content/tags/c.md:1:1",
        );
    // A topic declared in book.toml: at its id there.
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[[topics]]\nid = \"search\"\ntitle = \"S\"\n\n[[topics]]\nid = \"tags\"\ntitle = \"T\"\n",
    );
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains(
            "which the topic hub 'search' at book.toml:5:6 already publishes\n --> book.toml:5:6",
        )
        .assert_stderr_contains("--> book.toml:9:6");
}

#[test]
fn links_written_for_zola_paths_find_the_page_and_the_files_beside_it() {
    // blog.rust-lang.org: a post links an image beside another post, relative to its
    // own `path`, as a browser read it on the Zola site.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/blog/this-post/index.md",
        "+++\ntitle = \"This post\"\npath = \"2024/05/07/this-post\"\n+++\n![info](info.svg)\n",
    );
    site.write(
        "content/blog/this-post/info.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    );
    site.write("content/blog/this-post/img/a.png", "png");
    site.write(
        "content/blog/other/index.md",
        "+++\ntitle = \"Other\"\npath = \"2024/06/01/other\"\n+++\n\
         Up ![i](../../../../2024/05/07/this-post/info.svg), \
         beside ![a](../../../05/07/this-post/img/a.png), \
         [post](../../../05/07/this-post/), from the root ![r](/2024/05/07/this-post/info.svg) \
         and [gone](../../../05/07/this-post/nothing.svg).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error"))
        .collect();
    assert_eq!(
        errors,
        ["error: broken link to '../../../05/07/this-post/nothing.svg': no page or file there"],
        "{}",
        run.stderr
    );
    site.write(
        "content/blog/other/index.md",
        std::fs::read_to_string(site.path("content/blog/other/index.md"))
            .unwrap()
            .replace(" and [gone](../../../05/07/this-post/nothing.svg)", ""),
    );
    site.build().assert_code(0);
    let page = main_of(&site.read("blog/other/index.html")).to_string();
    for written in [
        "<img src=\"../../blog/this-post/info.svg\" alt=\"i\"",
        "<img src=\"../../blog/this-post/img/a.png\" alt=\"a\"",
        "<a href=\"../../blog/this-post/\" id=\"ref-1\">post</a>",
        "<img src=\"../../blog/this-post/info.svg\" alt=\"r\"",
    ] {
        assert!(page.contains(written), "{written} in\n{page}");
    }
}

#[test]
fn a_transparent_zola_sections_pages_are_listed_on_its_parents_hub_too() {
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write("content/blog/_index.md", "+++\ntitle = \"Blog\"\n+++\n");
    site.write(
        "content/blog/first.md",
        "+++\ntitle = \"First\"\ndate = 2024-01-01\n+++\nOne.\n",
    );
    site.write(
        "content/blog/2023/_index.md",
        "+++\ntitle = \"2023\"\ntransparent = true\n+++\n",
    );
    site.write(
        "content/blog/2023/old.md",
        "+++\ntitle = \"Old\"\ndate = 2023-05-01\n+++\nOld.\n",
    );
    site.write(
        "content/blog/2023/q4/_index.md",
        "+++\ntitle = \"Q4\"\ntransparent = true\n+++\n",
    );
    site.write(
        "content/blog/2023/q4/late.md",
        "+++\ntitle = \"Late\"\ndate = 2023-11-01\n+++\nLate.\n",
    );
    site.write(
        "content/blog/2022/_index.md",
        "+++\ntitle = \"2022\"\n+++\n",
    );
    site.write(
        "content/blog/2022/older.md",
        "+++\ntitle = \"Older\"\ndate = 2022-05-01\n+++\nOlder.\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("transparent"), "{}", run.stderr);
    site.build().assert_code(0);
    let blog = main_of(&site.read("blog/index.html")).to_string();
    // Newest first: the pages of the transparent sections among the blog's own.
    let at = |url: &str| {
        blog.find(&format!("href=\"../blog/{url}\""))
            .unwrap_or_else(|| panic!("{url} in\n{blog}"))
    };
    assert!(at("first/") < at("2023/q4/late/"), "{blog}");
    assert!(at("2023/q4/late/") < at("2023/old/"), "{blog}");
    assert!(!blog.contains("2022/older/"), "{blog}");
    // The sections keep their own cards and pages.
    assert!(
        blog.contains("href=\"../blog/2023/\"") && blog.contains("href=\"../blog/2022/\""),
        "{blog}"
    );
    let year = main_of(&site.read("blog/2023/index.html")).to_string();
    assert!(year.contains("old/") && year.contains("q4/late/"), "{year}");
}

/// Sibling folders whose names give one address, both holding notes, are published
/// both, as Hugo and Obsidian publish them: the second by path at `-2/`, with a
/// warning naming both; links to its notes lead there. Top-level folders too, when
/// topics are read from folders.
#[test]
fn sibling_folders_that_give_one_address_publish_both_the_second_at_dash_two() {
    let site = Fixture::new("hugo");
    site.write(
        "content/docs/Postgre SQL/setup.md",
        "---\ntitle: Setup\n---\nSee [tuning](../postgre-sql/tuning.md).\n",
    );
    site.write(
        "content/docs/postgre-sql/_index.md",
        "---\ntitle: PostgreSQL notes\n---\nThe second folder's text.\n",
    );
    site.write(
        "content/docs/postgre-sql/tuning.md",
        "---\ntitle: Tuning\n---\nBack to [setup](../Postgre%20SQL/setup.md).\n",
    );
    site.build().assert_code(0).assert_stderr_contains(
        "warning: the folders 'docs/Postgre SQL/' and 'docs/postgre-sql/' would both publish '/docs/postgre-sql/': 'docs/postgre-sql/' is published at /docs/postgre-sql-2/\n --> content/docs/postgre-sql/_index.md:1:1",
    );
    let setup = site.read("docs/postgre-sql/setup/index.html");
    assert!(setup.contains("postgre-sql-2/tuning/"), "{setup}");
    let tuning = site.read("docs/postgre-sql-2/tuning/index.html");
    assert!(tuning.contains("postgre-sql/setup/"), "{tuning}");
    assert!(site
        .read("docs/postgre-sql-2/index.html")
        .contains("The second folder"));
    // A top-level folder: its topic moves with it.
    site.write("content/Docs/extra.md", "---\ntitle: Extra\n---\nText.\n");
    site.build().assert_code(0).assert_stderr_contains(
        "warning: the folders 'Docs/' and 'docs/' would both publish '/docs/': 'docs/' is published at /docs-2/",
    );
    assert!(site.read("docs/extra/index.html").contains("Text."));
    assert!(site
        .read("docs-2/postgre-sql-2/tuning/index.html")
        .contains("Tuning"));
}

#[test]
fn a_page_named_as_its_folder_in_other_letter_case_is_that_folders_text() {
    // reduxjs/redux: Docusaurus publishes `docs/FAQ.md` at `/faq/` and the questions in
    // `docs/faq/` below it; the two were one address claimed twice.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Guide\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write(
        "docs/FAQ.md",
        "---\nid: faq\ntitle: FAQ Index\n---\nAll the questions: [actions](faq/Actions.md).\n",
    );
    site.write(
        "docs/faq/Actions.md",
        "# Actions\n\nWhy actions? See [the index](../FAQ.md).\n",
    );
    site.write("docs/intro.md", "# Intro\n\nRead [the FAQ](FAQ.md).\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("url-collision"), "{}", run.stderr);
    let faq = site.read("faq/index.html");
    assert!(faq.contains("All the questions"), "{faq}");
    assert!(faq.contains("href=\"../faq/actions/\""), "{faq}");
    let actions = site.read("faq/actions/index.html");
    assert!(actions.contains("See <a href=\"../../faq/\""), "{actions}");
}

#[test]
fn a_relative_link_out_of_the_content_folder_and_back_in_finds_its_file() {
    // open-sauced/docs: `../docs/maintainers/maintainers-guide.md` from `docs/`, the
    // content folder, names a file in it, as the file system and Docusaurus read it.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Guide\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "docs/intro.md",
        "# Intro\n\nRead [the guide](../docs/a/page.md#more) with ![a chart](../docs/a/chart.png).\n",
    );
    site.write("docs/a/page.md", "# Page\n\n## More\n\nText.\n");
    site.write("docs/a/chart.png", "PNG");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("outside"), "{}", run.stderr);
    let page = site.read("intro/index.html");
    assert!(page.contains("href=\"../a/page/#more\""), "{page}");
    assert!(page.contains("src=\"../a/chart.png\""), "{page}");
    // Out of the content folder and elsewhere is still outside.
    site.write(
        "docs/intro.md",
        "# Intro\n\nRead [the licence](../LICENSE.md).\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("'../LICENSE.md' leads outside the site");
}
