//! VitePress and VuePress sites: the public folder inside the content folder, and
//! VitePress's Markdown file inclusion (`<!--@include: file-->`).

use crate::support::Fixture;

/// book.toml of a VitePress site whose pages are in `docs/`.
const BOOK: &str = "[site]\ntitle = \"Vite\"\n\n[build]\ncontent_dir = \"docs\"\n";

/// A VitePress site: its pages in `docs/`, beside its settings in `docs/.vitepress/`.
fn vitepress_site() -> Fixture {
    let site = Fixture::empty();
    site.write("book.toml", BOOK);
    site.write("docs/.vitepress/config.ts", "export default {}\n");
    site
}

/// vitest-dev/vitest: VitePress serves `docs/public/` from the site's root, and its pages
/// show `/og-vitest-3-2.png`. 43 images were "missing" (the help suggested
/// `../public/…`), and `static_dir = "docs/public"` was refused as overlapping the
/// content folder. Without it, the help now names it; with it, the folder's files are
/// published at the root, once (not at `public/` too).
#[test]
fn a_vitepress_sites_public_folder_inside_the_content_folder_is_its_static_folder() {
    let site = vitepress_site();
    site.write("docs/public/og.png", b"\x89PNG\r\n");
    site.write(
        "docs/guide/index.md",
        "# Guide\n\n![The cover](/og.png)\n\n![Lost](/lost.png)\n",
    );
    let run = site.build();
    run.assert_code(1).assert_stderr_contains(
        "the file is in docs/public/: set `static_dir = \"docs/public\"` under [build] in book.toml",
    );
    site.write(
        "book.toml",
        format!("{BOOK}static_dir = \"docs/public\"\nbroken_links = \"warn\"\n"),
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("image '/lost.png' does not exist");
    assert!(!run.stderr.contains("'/og.png'"), "{}", run.stderr);
    assert_eq!(
        std::fs::read(site.path("public/og.png")).unwrap(),
        b"\x89PNG\r\n"
    );
    assert!(!site.path("public/public").exists());
    let page = site.read("guide/index.html");
    assert!(page.contains("src=\"../og.png\""), "{page}");
}

/// vitest-dev/vitest: `docs/guide/cli.md` holds `<!--@include: ./cli-generated.md-->`,
/// the list of every option. Read as an HTML comment, the page showed none of them,
/// and 13 links to `/guide/cli#standalone` and the like led nowhere. Now the file's
/// text is in the page (its headings its own), with VitePress's line ranges, regions
/// and `@/` paths; one in a code block stays as written, and a missing file or region
/// is reported where the include is.
#[test]
fn a_vitepress_include_is_the_files_text() {
    let site = vitepress_site();
    site.write(
        "docs/guide/cli.md",
        concat!(
            "# CLI\n\nOptions:\n\n<!--@include: ./cli-generated.md-->\n\n",
            "<!-- @include: @/parts/steps.md{2,3} -->\n\n",
            "<!--@include: ../parts/steps.md#calm{2,}-->\n\n",
            // `@` without a slash, as wagmi's 437 includes write it.
            "<!--@include: @parts/shared.md-->\n\n",
            "```md\n<!--@include: ./shown.md-->\n```\n",
        ),
    );
    site.write(
        "docs/guide/cli-generated.md",
        "## standalone\n\n- **CLI:** `--standalone`\n\nStart Vitest without running tests.\n",
    );
    site.write(
        "docs/parts/steps.md",
        "Step zero\n\nStep one\n\n<!-- #region calm -->\nBreathe in.\n\nBreathe out.\n<!-- #endregion calm -->\nAfter.\n",
    );
    site.write("docs/parts/shared.md", "Shared by many pages.\n");
    site.write(
        "docs/guide/other.md",
        "# Other\n\nStart [alone](/guide/cli#standalone).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("cli#standalone"), "{}", run.stderr);
    let page = site.read("guide/cli/index.html");
    for shown in [
        "id=\"standalone\"",
        "Start Vitest without running tests.",
        "<p>Step one</p>",
        "<p>Breathe out.</p>",
        "<p>Shared by many pages.</p>",
        "&lt;!--</span>@include: ./shown.md<span",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    for left in ["Step zero", "Breathe in.", "After."] {
        assert!(!page.contains(left), "{left}: {page}");
    }
    // Included, the generated list is no page of its own.
    assert!(!site.path("public/guide/cli-generated").exists());
    site.write(
        "docs/guide/other.md",
        "# Other\n\n<!--@include: ./gone.md-->\n\n<!--@include: ../parts/steps.md#gone-->\n",
    );
    let run = site.build();
    run.assert_code(1)
        .assert_stderr_contains("`<!--@include: ./gone.md-->`: no file 'docs/guide/gone.md'")
        .assert_stderr_contains(" --> docs/guide/other.md:3:1")
        .assert_stderr_contains("no region `gone` in the file")
        .assert_stderr_contains(" --> docs/guide/other.md:5:1");
}

/// vuejs/docs' glossary opens with `[[TOC]]`, markdown-it-table-of-contents' marker,
/// which VitePress and VuePress read as the page's contents: it was a link to a note
/// "not written yet". It is the contents, as `[TOC]` is; in a vault it stays a wikilink.
#[test]
fn a_vitepress_contents_marker_is_the_pages_contents() {
    let site = vitepress_site();
    site.write(
        "docs/glossary/index.md",
        "# Glossary\n\n[[TOC]]\n\n## Compiler macro\n\nText.\n\n## Composable\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("TOC"), "{}", run.stderr);
    let page = site.read("glossary/index.html");
    assert!(
        page.contains("class=\"toc-heading\">On this page</h2>"),
        "{page}"
    );
    assert!(
        !page.contains("[[TOC]]") && !page.contains("[TOC]"),
        "{page}"
    );
}

/// vitest-dev/vitest writes installs as `::: code-group` (78 groups): it was a note
/// titled "Code-group" holding the blocks, their labels (`[npm]`, `[pnpm]`) lost, so
/// two commands stood with nothing saying which tool each was for. Each block is now
/// under its label in bold, with no box, as a page without scripts shows the tabs.
/// vitepress-plugin-tabs' `::: tabs` (`== Playwright` before each tab) reads the same
/// way: its tab names showed as `== Playwright` in a note titled "Tabs".
#[test]
fn a_vitepress_code_group_is_each_block_under_its_label() {
    let site = vitepress_site();
    site.write(
        "docs/guide/index.md",
        "# Getting started\n\n::: code-group\n```bash [npm]\nnpm install -D vitest\n```\n```bash [yarn]\nyarn add -D vitest\n```\n:::\n\nThen run it.\n\n::: tabs key:provider\n== Playwright\nParallel runs.\n== WebdriverIO\nReal browsers.\n:::\n",
    );
    site.build().assert_code(0);
    let page = site.read("guide/index.html");
    let npm = page.find("<p><strong>npm</strong></p>").expect("npm label");
    let yarn = page
        .find("<p><strong>yarn</strong></p>")
        .expect("yarn label");
    let npm_code = page.find("hl-shell\">npm</span>").unwrap();
    let yarn_code = page.find("hl-shell\">yarn</span>").unwrap();
    assert!(
        npm < npm_code && npm_code < yarn && yarn < yarn_code,
        "{page}"
    );
    assert!(
        !page.contains("Code-group") && !page.contains("callout-note"),
        "{page}"
    );
    assert!(page.contains("<p>Then run it.</p>"), "{page}");
    assert!(
        page.contains("<p><strong>Playwright</strong></p>\n<p>Parallel runs.</p>\n<p><strong>WebdriverIO</strong></p>\n<p>Real browsers.</p>"),
        "{page}"
    );
    assert!(!page.contains("== ") && !page.contains("Tabs"), "{page}");
}

/// vitest-dev/vitest's mocking guide marks a list `{#automocking-algorithm}`, a
/// markdown-it-attrs line, and three pages link there: the line showed as written and
/// the links led nowhere. A box titled `::: warning Class Support {#class-support}`
/// showed the list in its title. Now the line is an anchor, as on a Hugo site, and
/// the title its words.
#[test]
fn markdown_it_attrs_lines_are_anchors_on_a_vitepress_site() {
    let site = vitepress_site();
    site.write(
        "docs/guide/modules.md",
        "# Modules\n\nVitest replaces everything recursively:\n\n{#automocking-algorithm}\n\n- All arrays will be empty\n\n::: warning Class Support {#class-support}\nClasses are mocked too.\n:::\n\n\
         ::: details Why mock?\nTo test alone.\n:::\n\n::: details\nMore.\n:::\n",
    );
    site.write(
        "docs/api/vi.md",
        "# vi\n\nSee the [algorithm](/guide/modules#automocking-algorithm).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("automocking"), "{}", run.stderr);
    let page = site.read("guide/modules/index.html");
    assert!(page.contains("id=\"automocking-algorithm\""), "{page}");
    assert!(!page.contains("{#"), "{page}");
    assert!(page.contains("Class Support</p>"), "{page}");
    // A `details` box is titled by its title alone, as VitePress shows it (0xCurvy's
    // nine FAQ items read "Note: …").
    assert!(
        page.contains("<summary class=\"callout-title\">Why mock?</summary>"),
        "{page}"
    );
    assert!(
        page.contains("<summary class=\"callout-title\">Details</summary>"),
        "{page}"
    );
}

/// vitejs/vite's migration guide links a VitePress `<Badge type="warning" text="NRV" />`:
/// passed on as HTML, the unknown element showed nothing, and the link had no name
/// (axe's `link-name`). A VitePress page's Vue components are read as an MDX page's
/// are: the `Badge` its words, another component reported (its text kept), and a `<`
/// written `\<` text.
#[test]
fn a_vitepress_pages_vue_components_are_read_as_mdx_components_are() {
    let site = vitepress_site();
    site.write(
        "docs/guide/migration.md",
        "# Migration\n\nSee [<Badge type=\"warning\" text=\"NRV\" />](#notes).\n\n## Notes\n\n<VPTeamMembers :members=\"core\" />\n\n## PropType\\<T>\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: Vue component `<VPTeamMembers :members=\"core\" />` is not supported",
    );
    assert!(!run.stderr.contains("`<T>`"), "{}", run.stderr);
    assert!(!run.stderr.contains("Badge"), "{}", run.stderr);
    let page = site.read("guide/migration/index.html");
    assert!(
        page.contains("<span class=\"badge\">NRV</span></a>"),
        "{page}"
    );
    assert!(
        !page.contains("VPTeamMembers") && !page.contains("<badge"),
        "{page}"
    );
    assert!(page.contains("PropType&lt;T&gt;"), "{page}");
}

/// 153264/think-health, a VitePress site: its home page's `layout: home`, `hero` and
/// `features`, and fifteen pages' `outline: deep`, were four unknown keys, one of them
/// in 15 files; they are VitePress's own, as a Starlight or Docusaurus site's are.
#[test]
fn a_vitepress_sites_own_front_matter_keys_are_not_unknown() {
    let site = vitepress_site();
    site.write(
        "docs/index.md",
        "---\nlayout: home\nhero:\n  name: Health\n  actions:\n    - text: Start\n      link: /guide/\nfeatures:\n  - title: Fast\n---\n# Health\n\nSee [the guide](/guide/).\n",
    );
    site.write(
        "docs/guide/index.md",
        "---\ntitle: Guide\noutline: deep\naside: false\nprev: false\neditLink: true\nwidget: 3\n---\nThe guide.\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: unknown front matter key `widget` is ignored");
    for key in [
        "layout", "hero", "features", "outline", "aside", "prev", "editLink",
    ] {
        assert!(
            !run.stderr.contains(&format!("key `{key}`")),
            "{key}: {}",
            run.stderr
        );
    }
    // Without `.vitepress/`, the same page's `outline` is unknown.
    std::fs::remove_dir_all(site.path("docs/.vitepress")).unwrap();
    site.build()
        .assert_code(0)
        .assert_stderr_contains("unknown front matter key `outline` is ignored");
}

/// The sidebar of a VitePress site is its table of contents, as MkDocs' `nav` is: the
/// pages it links take its order and, without a title of their own, its text, and
/// none is an orphan (07B-BD/cours: 22 orphan warnings, its modules sorted by title).
/// A page it leaves out (here in a comment) is still an orphan.
#[test]
fn a_vitepress_sidebar_orders_and_titles_the_pages_it_lists() {
    let site = vitepress_site();
    site.write(
        "docs/.vitepress/config.mts",
        "import { defineConfig } from 'vitepress'\n\nexport default defineConfig({\n  themeConfig: {\n    \
         sidebar: [\n      { text: 'Course plan', link: '/plan' },\n      {\n        text: 'Module 1',\n        \
         items: [\n          { text: 'Why data', link: '/m1/zeta' },\n          { text: 'Tables', link: '/m1/alpha.md' },\n          \
         // { text: 'Later', link: '/m1/later' },\n        ],\n      },\n    ],\n  },\n})\n",
    );
    site.write("docs/index.md", "# Home\n\nWelcome.\n");
    site.write("docs/plan.md", "Weeks one to fifteen.\n");
    site.write("docs/m1/zeta.md", "# Why data matters\n\nText.\n");
    site.write("docs/m1/alpha.md", "Rows and columns.\n");
    site.write("docs/m1/later.md", "# Later\n\nNot yet.\n");
    let run = site.build();
    run.assert_code(0);
    let hub = site.read("m1/index.html");
    let at = |needle: &str| {
        hub.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {hub}"))
    };
    // The sidebar's order, not the titles' (and its text for a page with no title).
    assert!(at("Why data matters") < at(">Tables<"));
    let plan = site.read("plan/index.html");
    assert!(plan.contains("<title>Course plan · Vite</title>"), "{plan}");
    let check = site.run(&["check"]);
    check.assert_stderr_contains("'later' is an orphan");
    for listed in ["'zeta'", "'alpha'", "'plan'"] {
        assert!(
            !check.stderr.contains(&format!("{listed} is an orphan")),
            "{listed}: {}",
            check.stderr
        );
    }
    // A group over one folder's pages names that folder (`m1/` is "Module 1", not
    // "M1") and places it, before `a-first/` whose group comes after it
    // (08C-Projet-Prog/cours: its folders by name, "Enonces", "Grilles").
    assert!(hub.contains("<title>Module 1 · Vite</title>"), "{hub}");
    site.write(
        "docs/.vitepress/config.mts",
        "export default {\n  themeConfig: {\n    sidebar: [\n      { text: 'Module 1', items: [{ link: '/m1/zeta' }, { link: '/m1/alpha' }] },\n      \
         { text: 'Énoncés', items: [{ text: 'One', link: '/a-first/one' }] },\n    ],\n  },\n}\n",
    );
    site.write("docs/a-first/one.md", "# One\n\nText.\n");
    site.build().assert_code(0);
    let home = site.read("index.html");
    let at = |needle: &str| {
        home.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {home}"))
    };
    assert!(at(">Module 1<") < at(">Énoncés<"), "{home}");
}

/// A VitePress home page (`layout: home`) keeps its text in its front matter: the
/// hero's name, text, tagline and actions, and the features under it. Its theme draws
/// them; attune published an empty home page, and a link there that led nowhere was
/// never reported. Now they are the page's top, its own text after them; a VuePress
/// home page (`home: true`, `heroText`, `actionLink`) reads the same, and a page of
/// another site with such keys is left as it is.
#[test]
fn a_vitepress_home_pages_hero_and_features_are_its_text() {
    let site = vitepress_site();
    site.write("book.toml", format!("{BOOK}broken_links = \"warn\"\n"));
    site.write(
        "docs/index.md",
        concat!(
            "---\nlayout: home\nhero:\n  name: Calm Pages\n  text: Notes on *feeling* safe\n",
            "  tagline: Short reads for hard days\n  image:\n    src: /logo.svg\n  actions:\n",
            "    - theme: brand\n      text: Start here\n      link: /guide/\n",
            "    - theme: alt\n      text: Lost\n      link: /nowhere\n",
            "features:\n  - icon: 🌱\n    title: Grounding\n    details: Five senses, <b>one</b> breath\n",
            "    link: /guide/grounding\n  - title: Sleep\n    details: Wind down\n---\n\n",
            "Written by the team.\n",
        ),
    );
    site.write(
        "docs/guide/index.md",
        "# Guide\n\nSee [grounding](./grounding).\n",
    );
    site.write(
        "docs/guide/grounding.md",
        "# Grounding\n\nName five things.\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains("'/nowhere'");
    let home = site.read("index.html");
    let main = &home[home.find("<main").unwrap()..];
    assert!(
        main.contains("<h1 id=\"calm-pages\">Calm Pages <a"),
        "{main}"
    );
    assert!(
        main.contains("<strong>Notes on *feeling* safe</strong>"),
        "{main}"
    );
    assert!(main.contains("<p>Short reads for hard days</p>"), "{main}");
    assert!(main.contains("<a href=\"./guide/\" id=\"ref-1\">Start here</a> · <span class=\"missing-link\">Lost</span>"), "{main}");
    assert!(main.contains("<a href=\"./guide/grounding/\" id=\"ref-3\"><strong>Grounding</strong></a>: Five senses, <b>one</b> breath"), "{main}");
    assert!(
        main.contains("<li><strong>Sleep</strong>: Wind down</li>"),
        "{main}"
    );
    assert!(main.find("Sleep").unwrap() < main.find("Written by the team.").unwrap());
    assert!(!main.contains("logo.svg"), "{main}");

    let vuepress = Fixture::empty();
    vuepress.write("book.toml", BOOK);
    vuepress.write("docs/.vuepress/config.js", "module.exports = {}\n");
    vuepress.write(
        "docs/README.md",
        "---\nhome: true\nheroText: Calm Pages\ntagline: Short reads\nactionText: Start →\nactionLink: /guide/\n---\n",
    );
    vuepress.write("docs/guide/README.md", "# Guide\n\nHello.\n");
    vuepress.build().assert_code(0);
    let home = vuepress.read("index.html");
    assert!(
        home.contains("<h1 id=\"calm-pages\">Calm Pages <a"),
        "{home}"
    );
    assert!(
        home.contains("<a href=\"./guide/\" id=\"ref-1\">Start →</a>"),
        "{home}"
    );

    let hugo = Fixture::empty();
    hugo.write(
        "book.toml",
        "[site]\ntitle = \"H\"\n\n[build]\ncontent_dir = \"content\"\n",
    );
    hugo.write("hugo.toml", "title = \"H\"\n");
    hugo.write(
        "content/_index.md",
        "---\nlayout: home\nhero:\n  name: Not drawn\n---\n\nHello.\n",
    );
    hugo.build().assert_code(0);
    assert!(!hugo.read("index.html").contains("Not drawn"));
}

/// vuejs/vuepress: `## Custom Containers <Badge text="default theme"/>` (36 headings
/// in 13 files) took the badge's words into its id, `custom-containers-default-theme`,
/// so the site's own links to `#custom-containers` were broken links, errors that
/// stopped the build. A badge's words show in the heading, but its id and its name in
/// the contents leave them out, as markdown-it-anchor's ids and VitePress's outline
/// do; a badge whose words are its text (`<Badge type="info">beta</Badge>`) too.
#[test]
fn a_badge_in_a_heading_is_no_part_of_its_id() {
    let site = vitepress_site();
    site.write(
        "docs/guide/markdown.md",
        concat!(
            "# Markdown\n\n## Custom Containers <Badge text=\"default theme\"/>\n\nText.\n\n",
            "## Extend <Badge type=\"info\">beta</Badge>\n\nMore.\n\n",
            "See [containers](#custom-containers) and [extending](#extend).\n",
        ),
    );
    site.write(
        "docs/index.md",
        "# Home\n\nSee [containers](./guide/markdown.md#custom-containers).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    let page = site.read("guide/markdown/index.html");
    assert!(
        page.contains("<h2 id=\"custom-containers\">Custom Containers <span class=\"badge\">default theme</span>"),
        "{page}"
    );
    assert!(
        page.contains("<h2 id=\"extend\">Extend <span class=\"badge\">beta</span>"),
        "{page}"
    );
    assert!(
        page.contains("Link to this section: Custom Containers\""),
        "{page}"
    );
}

/// vitest-dev/vitest: `## sequence.hooks` is `#sequence-hooks` on vitest.dev, and the
/// site's pages link it so (309 headings in 35 pages hold a `.`, `:` or `/`); attune
/// gave `#sequencehooks`, GitHub's id, so a link shared from the published site led to
/// the page's top. On a VitePress or VuePress site a heading's id is made as they make
/// it; elsewhere GitHub's stays.
#[test]
fn a_vitepress_sites_heading_ids_are_made_as_vitepress_makes_them() {
    let site = vitepress_site();
    site.write(
        "docs/config/index.md",
        "# Config\n\n## sequence.hooks\n\nText.\n\n## 2. Setup: the `--run` flag\n\nMore.\n\n## sequence.hooks\n\nAgain.\n\nSee [hooks](#sequence-hooks) and [setup](#_2-setup-the-run-flag).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    let page = site.read("config/index.html");
    for id in [
        "sequence-hooks",
        "_2-setup-the-run-flag",
        "sequence-hooks-1",
    ] {
        assert!(page.contains(&format!("<h2 id=\"{id}\">")), "{id}: {page}");
    }
    let other = Fixture::empty();
    other.write("book.toml", BOOK);
    other.write(
        "docs/config/index.md",
        "# Config\n\n## sequence.hooks\n\nText.\n",
    );
    other.build().assert_code(0);
    assert!(other
        .read("config/index.html")
        .contains("<h2 id=\"sequencehooks\">"));
}

/// VitePress's code snippet import, `<<< @/snippets/a.sh`, as VitePress's docs and
/// nushell's use it: it was printed as written (`&lt;&lt;&lt; @/snippets/a.sh`), with
/// no report, and the code never shown.
#[test]
fn a_code_import_is_the_files_code_in_a_code_block() {
    let site = vitepress_site();
    site.write("docs/snippets/a.sh", "echo hello\n");
    site.write("docs/snippets/c.py", "print('titled')\n");
    site.write("docs/snippets/d.rb", "puts 'from the root'\n");
    site.write(
        "docs/snippets/b.js",
        "const skip = 1\n// #region snippet\nfunction greet() {\n  return 'hi'\n}\n// #endregion snippet\n",
    );
    site.write(
        "docs/index.md",
        "# Install\n\n<<< @/snippets/a.sh\n\nA region, its language and title:\n\n\
         <<< ./snippets/b.js#snippet{2 ts:line-numbers} [b.js]\n\n\
         ```md\n<<< @/snippets/a.sh\n```\n\nA title without a space (wagmi's):\n\n<<< @/snippets/c.py[c.py]\n\n\
         `@` with no slash, from the source folder too:\n\n<<< @snippets/d.rb\n\n\
         Missing:\n\n<<< @/snippets/none.js\n",
    );
    site.write("book.toml", format!("{BOOK}broken_links = \"warn\"\n"));
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("`<<< @/snippets/none.js`: no file");
    let page = site.read("index.html");
    assert!(page.contains("<code class=\"language-sh\">"), "{page}");
    assert!(page.contains(" hello</span>"), "{page}");
    assert!(
        page.contains("<code class=\"language-ts\">function greet() {"),
        "{page}"
    );
    assert!(!page.contains("const skip"), "{page}");
    // In code, the line is code's text; nowhere else is it shown.
    assert_eq!(page.matches(" @/snippets/a.sh").count(), 1, "{page}");
    assert!(page.contains("<code class=\"language-md\">"), "{page}");
    assert!(!page.contains("none.js"), "{page}");
    assert!(page.contains("<code class=\"language-py\">"), "{page}");
    assert!(page.contains("titled"), "{page}");
    assert!(page.contains("<code class=\"language-rb\">"), "{page}");
}

/// wagmi's guides mark code lines with VitePress's notations (`// [!code focus]`,
/// `// [!code ++]`): 2,312 of them were shown in the code as written.
#[test]
fn vitepress_code_notations_are_never_shown() {
    let site = vitepress_site();
    site.write(
        "docs/index.md",
        "# Setup\n\n```ts\nimport { a } from 'b' // [!code focus]\nconst c = 1 // [!code ++]\n// [!code hl]\n```\n\n\
         Elsewhere it is text: `// [!code ++]`.\n",
    );
    site.build().assert_code(0);
    let page = site.read("index.html");
    let body = &page[page.find("<main").unwrap_or_default()..];
    assert!(!body.contains("focus") && !body.contains("hl]"), "{body}");
    assert!(body.contains("const"), "{body}");
    assert!(body.contains("<code>// [!code ++]</code>"), "{body}");
    // Not on another tool's site, where the comment is the code's own.
    site.remove("docs/.vitepress");
    site.build().assert_code(0);
    let page = site.read("index.html");
    assert!(page.contains("focus") && page.contains("hl]"), "{page}");
}
