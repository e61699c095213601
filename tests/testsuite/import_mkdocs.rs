//! An MkDocs site, as Material for MkDocs sites are written (encode/httpx's docs,
//! MkDocs' own): Python-Markdown's admonitions, collapsible blocks and content tabs,
//! `[TOC]`, mkdocstrings and snippets lines, Material's front matter keys, and the
//! order and titles `mkdocs.yml`'s `nav` gives.

use crate::support::Fixture;

/// The text of the article, without the page around it.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.rfind("</main>").expect("a </main>");
    &html[start..end]
}

fn mkdocs_site() -> Fixture {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Carers\"\ndescription = \"A guide.\"\nbase_url = \"https://example.org/\"\n\n\
         [build]\ncontent_dir = \"docs\"\nunsupported_syntax = \"warn\"\n",
    );
    site.write(
        "mkdocs.yml",
        "site_name: Carers\ntheme:\n  name: material\n  custom_dir: docs/overrides\nmarkdown_extensions:\n  - admonition\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n\
         nav:\n  - Home: index.md\n  - Getting help:\n      - Crisis lines: help/crisis.md\n      - help/talking.md\n  - GitHub: https://github.com/example/carers\n",
    );
    site.write(
        "docs/index.md",
        "# Welcome\n\n[TOC]\n\n## First steps\n\n!!! warning \"If you are in danger\"\n    Call emergency services.\n\n        not code\n\n\
         ??? question \"Why now?\"\n    Because it helps.\n\n=== \"Phone\"\n\n    Call us.\n\n=== \"Text\"\n\n    Text us.\n\nAfter the tabs. :material-check: [Start](help/talking.md){ .md-button } `:material-x:`\n",
    );
    site.write(
        "docs/help/talking.md",
        "---\nhide:\n  - navigation\nicon: material/chat\n---\n# Talking to someone\n\nText.\n\n::: carers.api\n    options:\n      show_source: false\n\n--8<-- \"includes/abbreviations.md\"\n\n/// tip | Breathe\nSlowly, as FastAPI's docs write a tip.\n///\n\n{* ./docs_src/app.py ln[1:2] *}\n",
    );
    // pymdownx.snippets' files, from the folder holding mkdocs.yml.
    site.write(
        "includes/abbreviations.md",
        "Shared words from a snippet.\n\n--8<-- [start:phone]\nCall 116 123.\n--8<-- [end:phone]\n",
    );
    site.write("includes/app.py", "import os\n\ndef main():\n    pass\n");
    site.write(
        "docs/help/crisis.md",
        "Numbers to call.\n\n[[_TOC_]]\n\n## By phone\n\nCall.\n",
    );
    // The theme's templates, kept in docs/ as httpx's and SQLModel's are.
    site.write(
        "docs/overrides/main.html",
        "{% extends \"base.html\" %}\n<a href=\"{{ config.extra.homepage }}\">Home</a>\n",
    );
    site.write(
        "docs/help/about.md",
        "# About these pages\n\nNot in the nav.\n",
    );
    site
}

#[test]
fn an_mkdocs_sites_blocks_nav_and_keys_are_read_as_mkdocs_reads_them() {
    let site = mkdocs_site();
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: mkdocstrings' `::: carers.api` is not supported: attune does not generate documentation from code\n  --> docs/help/talking.md:10:1")
        .assert_stderr_contains("warning: the code include `{* ./docs_src/app.py ln[1:2] *}` (FastAPI's docs' plugin) is not supported: the file's code is left out\n  --> docs/help/talking.md:20:1")
;
    assert!(!run.stderr.contains("front matter key"), "{}", run.stderr);
    assert!(!run.stderr.contains("overrides"), "{}", run.stderr);
    assert!(!site.path("public/overrides").exists());
    let home = site.read("index.html");
    let home = main_of(&home);
    for shown in [
        "<div class=\"callout callout-warning\"",
        "If you are in danger",
        "<p>Call emergency services.</p>",
        "<pre><code>not code",
        "Why now?</summary>",
        "<p>Because it helps.</p>",
        "<p><strong>Phone</strong></p>\n<p>Call us.</p>",
        "<p><strong>Text</strong></p>\n<p>Text us.</p>",
        "<p>After the tabs. <a href=\"./help/talking/\" id=\"ref-1\">Start</a> <code>:material-x:</code></p>",
    ] {
        assert!(home.contains(shown), "{shown}: {home}");
    }
    for raw in ["!!!", "???", "===", "[TOC]"] {
        assert!(!home.contains(raw), "{raw}: {home}");
    }
    let talking = main_of(&site.read("help/talking/index.html")).to_string();
    assert!(!talking.contains(":::"), "{talking}");
    assert!(!talking.contains("show_source"), "{talking}");
    assert!(!talking.contains("docs_src"), "{talking}");
    assert!(!talking.contains("--8&lt;--"), "{talking}");
    assert!(!talking.contains("8&lt;"), "{talking}");
    assert!(
        talking.contains("<p>Shared words from a snippet.</p>\n<p>Call 116 123.</p>"),
        "{talking}"
    );
    assert!(
        talking.contains("<div class=\"callout callout-tip\""),
        "{talking}"
    );
    assert!(
        talking.contains("<p>Slowly, as FastAPI’s docs write a tip.</p>"),
        "{talking}"
    );
    // The nav's title for a page without one of its own, and its order: the pages it
    // lists first, in its order, then the others.
    let crisis = site.read("help/crisis/index.html");
    assert!(
        crisis.contains("<title>Crisis lines · Carers</title>"),
        "{crisis}"
    );
    // GitLab's contents marker, as `[TOC]`: no note of that name.
    assert!(!run.stderr.contains("_TOC_"), "{}", run.stderr);
    assert!(!crisis.contains("_TOC_"), "{crisis}");
    let hub = site.read("help/index.html");
    let at = |needle: &str| {
        hub.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {hub}"))
    };
    assert!(at("Crisis lines") < at("Talking to someone"));
    assert!(at("Talking to someone") < at("About these pages"));
    // A page the nav lists is no orphan though no page links to it (UBCSailbot's docs:
    // 19 such warnings); one it does not list is.
    let run = site.run(&["check"]);
    run.assert_stderr_contains("'about' is an orphan");
    assert!(
        !run.stderr.contains("'crisis' is an orphan"),
        "{}",
        run.stderr
    );
}

#[test]
fn without_mkdocs_yml_mkdocstrings_lines_are_not_mkdocs() {
    // `::: warning` elsewhere opens a container (see `containers.rs`), and a
    // snippet's line is text.
    let site = mkdocs_site();
    std::fs::remove_file(site.path("mkdocs.yml")).unwrap();
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("mkdocstrings"), "{}", run.stderr);
    // GitLab's `[[_TOC_]]` is the contents on any site, no note not written yet.
    assert!(!run.stderr.contains("_TOC_"), "{}", run.stderr);
    assert!(site
        .read("help/talking/index.html")
        .contains("<p>–8&lt;– “includes/abbreviations.md”</p>"));
}

#[test]
fn attr_list_ids_and_autorefs_anchors_are_link_targets_and_a_repeated_id_is_made_unique() {
    // As Pydantic's docs mark the spots their links lead to, and Material's docs
    // repeat a `{ #default }` on one page; mkdocstrings runs mkdocs-autorefs.
    let site = mkdocs_site();
    let settings = std::fs::read_to_string(site.path("mkdocs.yml")).unwrap();
    site.write(
        "mkdocs.yml",
        format!("{settings}plugins:\n  - search\n  - mkdocstrings\n"),
    );
    site.write(
        "docs/anchors.md",
        "# Anchors\n\n[The note](#pattern-note), [plain ones](#plain).\n\n\
         * **Plain** serializers are always called.\n  {#plain}\n\n\
         [](){#pattern-note}\n\n!!! note \"Pattern\"\n    Text.\n\n\
         ## Options { #default }\n\nOne.\n\n## More\n\n### Options { #default }\n\nTwo.\n\n`[](){#code}`\n\n\
         See [`BaseModel`][pydantic.BaseModel] and [pydantic.Field][]; [shortcut] stays, [defined][d] leads.\n\n[d]: index.md\n\n\
         [](){#putchar}\n\n### Putchar\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(1).assert_stderr_contains(
        "error: heading id 'default' is already used on line 13\n  --> docs/anchors.md:19:1",
    );
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", format!("{toml}broken_links = \"warn\"\n"));
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: heading id 'default' is already used on line 13\n  --> docs/anchors.md:19:1",
    );
    assert!(!run.stderr.contains("no heading"), "{}", run.stderr);
    // mkdocs-autorefs' cross-references into generated API docs: their text.
    run.assert_stderr_contains("warning: the reference 'pydantic.BaseModel' has no definition on the page: the link is published as its text\n  --> docs/anchors.md:25:5");
    run.assert_stderr_contains("reference 'pydantic.Field' has no definition");
    let page = site.read("anchors/index.html");
    let page = main_of(&page);
    for shown in [
        "<a id=\"plain\"></a>",
        "<a id=\"pattern-note\"></a>",
        "<h2 id=\"default\">",
        // Numbered as Python-Markdown's toc numbers a repeated id.
        "<h3 id=\"default_1\">",
        "<code>[](){#code}</code>",
        "See <code>BaseModel</code> and pydantic.Field; [shortcut] stays, <a href=\"../\"",
        // heig-tin-info/handbook's anchor before its heading: the heading steps round
        // its id, as Python-Markdown's toc does, so the page's ids stay unique.
        "<a id=\"putchar\"></a>",
        "<h3 id=\"putchar_1\">",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert!(!page.contains("{#plain}"), "{page}");
    let prose = page.replace("<code>[](){#code}</code>", "");
    assert!(!prose.contains("[]()"), "{prose}");
}

#[test]
fn an_undefined_reference_keeps_its_brackets_where_autorefs_does_not_run() {
    // arturoblasco/dwes' regex exercises, on a site whose plugins are `search` alone:
    // Python-Markdown shows `[a][b]` as written when no plugin reads it.
    let site = mkdocs_site();
    let settings = std::fs::read_to_string(site.path("mkdocs.yml")).unwrap();
    site.write("mkdocs.yml", format!("{settings}plugins:\n  - search\n"));
    site.write(
        "docs/regex.md",
        "# Regex\n\nPostal code: [0-4][0-9]{3}, and an IPv4 byte: 2[0-4][0-9].\n\n\
         A matrix cell a[i][j], a [collapsed][] one and [`BaseModel`][pydantic.BaseModel].\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("no definition"), "{}", run.stderr);
    let page = site.read("regex/index.html");
    let page = main_of(&page);
    for shown in [
        "Postal code: [0-4][0-9]{3}, and an IPv4 byte: 2[0-4][0-9].",
        "A matrix cell a[i][j], a [collapsed][] one and [<code>BaseModel</code>][pydantic.BaseModel].",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    // Definitions pymdownx.snippets appends to every page make them links there,
    // which attune does not read: their text, reported.
    site.write(
        "mkdocs.yml",
        format!("{settings}markdown_extensions:\n  - pymdownx.snippets:\n      auto_append:\n        - includes/links.md\n"),
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("the reference '0-9' has no definition on the page");
    let page = site.read("regex/index.html");
    assert!(
        main_of(&page).contains("one and <code>BaseModel</code>."),
        "{page}"
    );
}

#[test]
fn footnotes_have_the_ids_python_markdown_gives_them() {
    // Material for MkDocs' docs link to `#fn:1` on the page and `…#fn:7` on another;
    // the footnotes extension's ids are `fn:NAME`, and `fnref:NAME`, `fnref2:NAME` …
    // where it is marked.
    let site = mkdocs_site();
    site.write(
        "docs/notes.md",
        "# Notes\n\nA claim[^1], again[^1] and thrice[^1]. A source[^src-x].\n\n\
         [Jump to footnote](#fn:1), [back](#fnref3:1).\n\n[^1]: The note.\n[^src-x]: Named.\n",
    );
    site.write(
        "docs/links.md",
        "# Links\n\n[The source](notes.md#fn:src-x) and [where it is marked](notes.md#fnref2:1).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("no heading"), "{}", run.stderr);
    let page = site.read("notes/index.html");
    for shown in [
        "<a href=\"#fn:1\" id=\"fnref:1\">1</a>",
        "<a href=\"#fn:1\" id=\"fnref2:1\">1</a>",
        "<a href=\"#fn:1\" id=\"fnref3:1\">1</a>",
        "<a href=\"#fn:src-x\" id=\"fnref:src-x\">2</a>",
        "<div class=\"footnote-definition\" id=\"fn:1\">",
        "<div class=\"footnote-definition\" id=\"fn:src-x\">",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    let links = site.read("links/index.html");
    assert!(links.contains("notes/#fn:src-x\""), "{links}");
    assert!(links.contains("notes/#fnref2:1\""), "{links}");
}

#[test]
fn snippets_include_files_sections_and_lines_as_pymdownx_reads_them() {
    // Material for MkDocs' docs and FastAPI's write `--8<-- "file"` for shared text
    // and for code in a fence; the files are found from the folder of mkdocs.yml.
    let site = mkdocs_site();
    site.write(
        "docs/snippets.md",
        "# Snippets\n\n--8<-- \"includes/abbreviations.md:phone\"\n\n```python\n--8<-- \"includes/app.py:3:4\"\n```\n\n- In a list:\n\n    --8<-- 'includes/abbreviations.md:phone'\n\n```\n;--8<-- \"includes/app.py\"\n```\n\n--8<-- \"includes/missing.md\"\n",
    );
    let run = site.build();
    run.assert_code(1).assert_stderr_contains(
        "error: `--8<-- \"includes/missing.md\"`: no file 'includes/missing.md'\n  --> docs/snippets.md:17:1",
    );
    site.write("includes/missing.md", "Found after all.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("snippets.md"), "{}", run.stderr);
    let page = site.read("snippets/index.html");
    let page = main_of(&page);
    for shown in [
        "<p>Call 116 123.</p>",
        "<code class=\"language-python\">",
        "<li>\n<p>In a list:</p>\n<p>Call 116 123.</p>\n</li>",
        "<pre><code>--8&lt;-- \"includes/app.py\"\n</code></pre>",
        "<p>Found after all.</p>",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert!(!page.contains("Shared words"), "{page}");
    assert!(!page.contains("import os"), "{page}");
    assert!(page.contains(">pass</span>"), "{page}");
    assert!(!page.contains("[start:"), "{page}");
}

#[test]
fn a_snippet_from_another_server_is_left_out_with_a_warning_saying_so() {
    // UBCSailbot/docs: ten pages are `--8<-- "https://raw.githubusercontent.com/…/README.md"`,
    // which pymdownx.snippets downloads (`url_download: true`). attune reads no file
    // over the network; the report said "no file 'https'", the URL's scheme read as a
    // file before a line range.
    let site = mkdocs_site();
    site.write(
        "docs/boat.md",
        "# Boat\n\nBefore.\n\n--8<-- \"https://raw.githubusercontent.com/UBCSailbot/boat_simulator/main/README.md\"\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: `--8<-- \"https://raw.githubusercontent.com/UBCSailbot/boat_simulator/main/README.md\"`: a snippet from another server is not included; attune reads no file over the network\n --> docs/boat.md:5:1",
    );
    assert!(!run.stderr.contains("no file 'https'"), "{}", run.stderr);
    let page = site.read("boat/index.html");
    assert!(
        main_of(&page).contains("<p>Before.</p>\n<p>After.</p>"),
        "{page}"
    );
    assert!(!page.contains("raw.githubusercontent.com"), "{page}");
    // Where nothing may be left out, it is an error.
    site.write(
        "book.toml",
        "[site]\ntitle = \"Carers\"\n\n[build]\ncontent_dir = \"docs\"\nunsupported_syntax = \"error\"\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: `--8<-- \"https://raw.githubusercontent.com/");
}

#[test]
fn a_grid_card_starting_with_an_icon_keeps_its_text_in_its_card() {
    // Material's own docs (plugins/index.md): grid cards, each a list item that opens
    // with an icon, its paragraphs indented to the item's text. Taking the icon out
    // moved that text a column on; the paragraphs fell out of the item and showed as
    // a code block, `---` and all.
    let site = mkdocs_site();
    site.write(
        "docs/help/cards.md",
        "# Cards\n\n<div class=\"grid cards\" markdown>\n\n\
         -   :material-clock:{ .lg .middle } &nbsp; __[Group][group]__\n\n    ---\n\n    The group plugin groups plugins.\n\n\
         -   :octicons-heart-24: __Plain__\n\n    ---\n\n    Second card.\n\n</div>\n\n[group]: talking.md\n",
    );
    site.build().assert_code(0);
    let page = site.read("help/cards/index.html");
    let main = main_of(&page);
    assert!(!main.contains("<pre>"), "{main}");
    assert_eq!(main.matches("<hr />").count(), 2, "{main}");
    assert!(
        main.contains("<p>The group plugin groups plugins.</p>\n</li>"),
        "{main}"
    );
    assert!(main.contains("<p>Second card.</p>\n</li>"), "{main}");
    assert!(
        !main.contains(":material") && !main.contains(":octicons"),
        "{main}"
    );
}

#[test]
fn icons_and_markdown_in_html_inside_tabs_and_admonitions_read_as_outside() {
    // Material's own docs: 16 icons in tabs' bodies, tables and titles inside
    // admonitions (`=== ":material-ubuntu: Ubuntu"`) were shown as written, and 12
    // `<div class="result" markdown>` in tabs kept an attribute no browser reads.
    let site = mkdocs_site();
    site.write(
        "docs/help/tabs.md",
        "# Tabs\n\n=== \":octicons-file-code-16: `top.md`\"\n\n    A tab with :material-check: an icon.\n\n\
         ??? example \"Expand\"\n\n    === \":material-ubuntu: Ubuntu\"\n\n        In a collapsible.\n\n\
         === \"Left\"\n\n    | Method | Description |\n    | ------ | ----------- |\n    | `GET`  | :material-check: Fetch |\n\n\
         \x20   <div class=\"result\" markdown>\n\n    Some **bold**\n\n    </div>\n\n\
         \x20   ``` text\n    :material-check: stays in code\n    ```\n",
    );
    site.build().assert_code(0);
    let page = site.read("help/tabs/index.html");
    let main = main_of(&page);
    for shown in [
        "<p><strong><code>top.md</code></strong></p>",
        "<p>A tab with an icon.</p>",
        "<strong>Ubuntu</strong>",
        "<td>Fetch</td>",
        "<div class=\"result\">\n<p>Some <strong>bold</strong></p>\n</div>",
        ":material-check: stays in code",
    ] {
        assert!(main.contains(shown), "{shown}\nin\n{main}");
    }
    assert_eq!(main.matches(":material").count(), 1, "{main}");
    assert!(
        !main.contains(":octicons") && !main.contains(" markdown"),
        "{main}"
    );
}

#[test]
fn a_material_blog_posts_dates_and_keys_are_read_as_its_blog_reads_them() {
    // Material's own blog: `date: {created: …, updated: …}` was "something other than
    // a date", the post undated (last among the posts, out of the feed), and the blog's
    // `authors`, `categories`, `links` and `readtime` were unknown keys.
    let site = mkdocs_site();
    site.write(
        "docs/blog/posts/release.md",
        "---\ndate:\n  created: 2024-01-31\n  updated: 2024-02-01\nauthors: [squidfunk]\ncategories: [Release]\n\
         links:\n  - setup.md\nreadtime: 5\npin: true\n---\n# The release\n\nNews.\n",
    );
    site.write(
        "docs/blog/posts/older.md",
        "---\ndate: 2023-05-01\n---\n# Older news\n\nOld.\n",
    );
    let run = site.build();
    run.assert_code(0);
    for said in [
        "holds something other than a date",
        "unknown front matter key",
    ] {
        assert!(!run.stderr.contains(said), "{}", run.stderr);
    }
    let feed = site.read("atom.xml");
    assert!(feed.contains("2024-01-31"), "{feed}");
    let hub = site.read("blog/posts/index.html");
    let at = |needle: &str| {
        hub.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {hub}"))
    };
    assert!(at(">The release<") < at(">Older news<"), "{hub}");
}

#[test]
fn an_address_with_spaces_is_a_link_as_python_markdown_reads_it() {
    // An Obsidian vault published with MkDocs writes its links to notes as Markdown
    // links with the notes' names, spaces and all: Python-Markdown reads them as links,
    // and 172 showed as text. Obsidian itself asks for `%20`; a plain vault keeps them
    // text.
    let site = mkdocs_site();
    site.write(
        "docs/help/Crisis Plan (draft).md",
        "# Crisis plan\n\n## First steps\n\nText.\n",
    );
    site.write(
        "docs/help/links.md",
        "# Links\n\nSee [the plan](Crisis Plan (draft).md), [its steps](Crisis Plan (draft).md#first-steps \"Steps\") \
         and `[code](a b.md)`.\n",
    );
    site.build().assert_code(0);
    let page = site.read("help/links/index.html");
    let main = main_of(&page);
    assert!(
        main.contains("<a href=\"../../help/crisis-plan-draft/\" id=\"ref-1\">the plan</a>"),
        "{main}"
    );
    assert!(
        main.contains("<a href=\"../../help/crisis-plan-draft/#first-steps\" id=\"ref-2\" title=\"Steps\">its steps</a>"),
        "{main}"
    );
    assert!(main.contains("<code>[code](a b.md)</code>"), "{main}");
    assert!(main.contains("<p>See <a href="), "{main}");
    // In a vault MkDocs does not publish, Obsidian's reading: text.
    let vault = Fixture::empty();
    vault.write(
        "book.toml",
        "[site]\ntitle = \"V\"\n[build]\ncontent_dir = \"notes\"\nmissing_links = \"warn\"\n",
    );
    vault.write("notes/.obsidian/app.json", "{}");
    vault.write("notes/Crisis Plan.md", "# Crisis plan\n\nText.\n");
    vault.write(
        "notes/links.md",
        "# Links\n\nSee [the plan](Crisis Plan.md).\n",
    );
    vault.build().assert_code(0);
    let page = vault.read("links/index.html");
    assert!(
        main_of(&page).contains("See [the plan](Crisis Plan.md)."),
        "{page}"
    );
}

#[test]
fn an_element_marked_markdown_holds_markdown_as_md_in_html_reads_it() {
    // Material's grid cards, written without a blank line under the tag: the card
    // list was raw HTML, shown as `- **Call**` and `[…](…)` as written.
    let site = mkdocs_site();
    site.write(
        "docs/help/cards.md",
        "# Cards\n\n<div class=\"grid cards\" markdown>\n- **Call** [a crisis line](crisis.md)\n- **Text** us\n</div>\nAfter the cards.\n",
    );
    site.build().assert_code(0);
    let page = site.read("help/cards/index.html");
    let main = main_of(&page);
    assert!(
        main.contains("<div class=\"grid cards\">\n<ul>\n<li><strong>Call</strong> <a href=\"../../help/crisis/\""),
        "{main}"
    );
    assert!(main.contains("<p>After the cards.</p>"), "{main}");
}

#[test]
fn an_admonition_indented_with_tabs_is_a_callout_as_python_markdown_expands_them() {
    // knative/docs: an admonition in a list item indented with a tab, its body with a
    // tab and four spaces (34 showed `!!! note` and a code block).
    let site = mkdocs_site();
    site.write(
        "docs/help/steps.md",
        "# Steps\n\n1. Deploy it.\n\n\t!!! note\n\t    It may take a minute.\n\n2. Check it.\n\n!!! tip\n\t Breathe.\n",
    );
    site.build().assert_code(0);
    let page = site.read("help/steps/index.html");
    let main = main_of(&page);
    assert!(!main.contains("!!!") && !main.contains("<pre"), "{main}");
    assert!(main.contains("It may take a minute."), "{main}");
    assert_eq!(
        main.matches("class=\"callout callout-").count(),
        2,
        "{main}"
    );
}

#[test]
fn snippets_are_found_from_the_base_path_mkdocs_yml_gives() {
    // knative/docs: `pymdownx.snippets: base_path: docs/snippets`, and
    // `--8<-- "about-serving.md"`: 48 snippets were "no file". Here a list, whose
    // first folder is the default's.
    let site = mkdocs_site();
    let yml = std::fs::read_to_string(site.path("mkdocs.yml")).unwrap();
    site.write(
        "mkdocs.yml",
        yml.replace(
            "  - admonition\n",
            "  - admonition\n  - pymdownx.snippets:\n      base_path: [\".\", docs/snippets]\n",
        ),
    );
    site.write("docs/snippets/about.md", "Shared words about **care**.\n");
    site.write("docs/help/shared.md", "# Shared\n\n--8<-- \"about.md\"\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("about.md"), "{}", run.stderr);
    let page = site.read("help/shared/index.html");
    assert!(
        main_of(&page).contains("<p>Shared words about <strong>care</strong>.</p>"),
        "{page}"
    );
}

#[test]
fn an_admonition_in_a_numbered_step_inside_a_tab_is_a_callout_in_that_step() {
    // knative/docs: `=== "kn"`, then `1. Create it:` and a `!!! note` indented as the
    // step's text; the note showed as `!!! note` and its text as code.
    let site = mkdocs_site();
    site.write(
        "docs/help/tabs.md",
        "# Tabs\n\n=== \"kn\"\n\n    1. Create it:\n\n        ```bash\n        kn create\n        ```\n\n        !!! note\n            In the current namespace.\n\n    2. Check it.\n",
    );
    site.build().assert_code(0);
    let page = site.read("help/tabs/index.html");
    let main = main_of(&page);
    assert!(!main.contains("!!!"), "{main}");
    let step = main.find("<li>").unwrap();
    let note = main.find("class=\"callout callout-note\"").unwrap();
    let second = main.rfind("<li>").unwrap();
    assert!(step < note && note < second, "{main}");
    assert!(main.contains("In the current namespace."), "{main}");
}

#[test]
fn settings_in_files_built_with_config_file_and_inherit_are_an_mkdocs_site() {
    // Textualize/textual: no mkdocs.yml, but `mkdocs-common.yml` (the extensions),
    // `mkdocs-online.yml` (`INHERIT: mkdocs-common.yml`, the snippets' base path) and
    // `mkdocs-nav.yml`, built with `--config-file`: 230 `:::` lines and every
    // admonition showed as written.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Carers\"\ndescription = \"A guide.\"\nbase_url = \"https://example.org/\"\n\n\
         [build]\ncontent_dir = \"docs\"\nunsupported_syntax = \"warn\"\n",
    );
    site.write(
        "mkdocs-common.yml",
        "site_name: Carers\nmarkdown_extensions:\n  - admonition\n  - pymdownx.snippets\n",
    );
    site.write(
        "mkdocs-online.yml",
        "INHERIT: mkdocs-common.yml\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: [docs/shared]\n",
    );
    site.write(
        "mkdocs-nav.yml",
        "nav:\n  - Start: index.md\n  - Help:\n      - Later: help/b.md\n      - Sooner: help/a.md\n",
    );
    site.write(
        "docs/index.md",
        "# Welcome\n\n!!! note\n    Take your time.\n\n::: carers.api\n",
    );
    site.write("docs/help/a.md", "--8<-- \"words.md\"\n");
    site.write("docs/help/b.md", "Text.\n");
    site.write("docs/shared/words.md", "Shared **words**.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(run.stderr.contains("mkdocstrings"), "{}", run.stderr);
    let home = site.read("index.html");
    let main = main_of(&home);
    assert!(!main.contains("!!!") && !main.contains(":::"), "{main}");
    assert!(main.contains("class=\"callout callout-note\""), "{main}");
    // The snippet is found from the base path the inheriting file gives.
    assert!(
        site.read("help/a/index.html")
            .contains("Shared <strong>words</strong>."),
        "{}",
        run.stderr
    );
    // mkdocs-nav.yml titles and orders the pages: "Later" (b.md) before "Sooner".
    let hub = site.read("help/index.html");
    let at = |needle: &str| {
        hub.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {hub}"))
    };
    assert!(at(">Later<") < at(">Sooner<"));
}

#[test]
fn settings_with_other_names_whose_docs_dir_is_the_content_folder_are_an_mkdocs_site() {
    // UEPAL-Civiparoisse-Documentation, a French parish's handbook: `global.yml`
    // (`INHERIT: base.yml`, `exclude_docs: TECHNIQUE/`) and `technique.yml`
    // (`docs_dir: docs/TECHNIQUE`), built with `mkdocs build -f global.yml`. Read as no
    // MkDocs site, its pages were "in English" (112 readability warnings), its
    // `<details markdown=1>` blocks raw HTML (a GitHub workflow in one read as math),
    // and `TECHNIQUE/`, which the build leaves out, published.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Civiparoisse\"\n\n[build]\ncontent_dir = \"docs\"\nmissing_links = \"warn\"\n",
    );
    site.write(
        "base.yml",
        "site_name: Documentation\ndocs_dir: docs\ntheme:\n   name: material\n   language: fr\nmarkdown_extensions:\n  - md_in_html\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
    );
    site.write(
        "global.yml",
        "INHERIT: base.yml\nsite_name: Documentation\ndocs_dir: docs\nexclude_docs: |\n  TECHNIQUE/\n",
    );
    site.write(
        "technique.yml",
        "INHERIT: base.yml\nsite_name: Documentation\ndocs_dir: docs/TECHNIQUE\nexclude_docs:\n",
    );
    // Another YAML file beside the docs is no settings file.
    site.write("docker-compose.yml", "services:\n  web:\n    image: x\n");
    let french = "Les paroisses gèrent leurs fiches, leurs foyers et leurs dons. ".repeat(20);
    site.write(
        "docs/index.md",
        format!("# Documentation\n\n{french}\n\nVoir [la technique](TECHNIQUE/index.md).\n\n<details markdown=1 class=info><summary>Action.yml</summary>\n```yaml\nrun: |\n   (cd ${{{{ github.action_path }}}} && run)\n\n   echo ${{{{ runner.temp }}}}\n```\n</details>\n"),
    );
    site.write("docs/TECHNIQUE/index.md", "# Technique\n\nInterne.\n");
    // A heading the home page lacks is said to be missing there, not in ''.
    site.write(
        "docs/FORMATION/markdown.md",
        "# Markdown\n\n[lien avec ancre](../index.md#Titre1)\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1)
        .assert_stderr_contains("'TECHNIQUE/index.md' is left out: it is in MkDocs' `exclude_docs`")
        .assert_stderr_contains("error: no heading with id 'Titre1' in the home page");
    assert!(!run.stderr.contains("grade"), "{}", run.stderr);
    assert!(!run.stderr.contains("math"), "{}", run.stderr);
    site.write(
        "docs/FORMATION/markdown.md",
        "# Markdown\n\n[lien](../index.md)\n",
    );
    site.build().assert_code(0);
    let home = site.read("index.html");
    assert!(
        home.starts_with("<!doctype html>\n<html lang=\"fr\">"),
        "{}",
        &home[..60]
    );
    assert!(
        main_of(&home).contains("<details class=info>\n<summary>Action.yml</summary>\n<pre"),
        "{home}"
    );
    assert!(!site.path("public/technique").exists());
}

#[test]
fn an_svg_in_a_div_stays_raw_html_past_its_blank_lines() {
    // Textual's screenshots: `<div>`, then an SVG whose `<style>` has blank lines in it
    // (through a snippet). Python-Markdown keeps the element raw to its end tag;
    // CommonMark ended it at the first blank line, and the CSS showed as code.
    let site = mkdocs_site();
    site.write(
        "includes/shot.svg",
        "<svg class=\"shot\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n    <style>\n\n    .shot-a {\n        fill: red;\n    }\n\n    </style>\n    <text x=\"0\" y=\"5\">$ run &lt;app&gt;</text>\n</svg>\n",
    );
    site.write(
        "docs/help/shot.md",
        "# Shot\n\n<div>\n<a href=\"https://example.org/\">\n--8<-- \"includes/shot.svg\"\n</a>\n</div>\n\nAfter the picture.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("help/shot/index.html");
    let main = main_of(&page);
    assert!(!main.contains("<pre") && !main.contains("<code"), "{main}");
    assert!(main.contains("<svg class=\"shot\""), "{main}");
    assert!(main.contains("<p>After the picture.</p>"), "{main}");
    assert!(!run.stderr.contains("math"), "{}", run.stderr);
}

#[test]
fn template_tags_are_text_unless_the_site_runs_mkdocs_macros() {
    // MkDocs' own release notes: `favicon | {{ base_url }}/img/favicon.ico` in a
    // table, which MkDocs shows as written (it runs no templates in pages); it was
    // reported and left out. With mkdocs-macros-plugin the pages are templates.
    let site = mkdocs_site();
    site.write(
        "docs/help/notes.md",
        "# Notes\n\nvariable | value\n--- | ---\nfavicon | {{ base_url }}/img/favicon.ico\n\nLoop: {% for x in y %}.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("base_url"), "{}", run.stderr);
    let page = site.read("help/notes/index.html");
    assert!(
        page.contains("<td>{{ base_url }}/img/favicon.ico</td>"),
        "{page}"
    );
    assert!(page.contains("Loop: {% for x in y %}."), "{page}");
    let yml = std::fs::read_to_string(site.path("mkdocs.yml")).unwrap();
    // Plugins as a table (knative's `plugins:` / `macros:`), or as a list.
    site.write(
        "mkdocs.yml",
        format!("{yml}plugins:\n  search:\n  macros:\n    module_name: main\n"),
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        run.stderr.contains("template expression `{{ base_url }}`"),
        "{}",
        run.stderr
    );
    assert!(!site.read("help/notes/index.html").contains("base_url"));
}

/// An MkDocs site read as MkDocs reads it where its settings and pages differ from
/// other tools' (heig-tin-info/handbook, Jaxydog/AstralWiki):
/// - `mkdocs.yml` setting a key twice (`failure:` under `theme.icon.admonition`) is
///   read, the last value kept as PyYAML keeps it: the whole file was left out, so
///   the French site was scored as English and its `exclude_docs` published;
/// - with no `nav`, MkDocs lists every page, by file name, each folder's pages before
///   its folders: none is an orphan (23 warnings), and the course's chapters keep
///   their numbered order;
/// - a page's title is its first level-1 heading, else its file name: never a `###`
///   in the middle of the page ("Format", "Fields" titled a dozen pages).
#[test]
fn an_mkdocs_site_without_a_nav_lists_every_page_and_titles_them_as_mkdocs_does() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Cours\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "mkdocs.yml",
        "site_name: Cours\nexclude_docs: |\n  README.md\ntheme:\n  name: material\n  language: fr\n  icon:\n    admonition:\n      failure: a\n      failure: b\n",
    );
    site.write(
        "docs/index.md",
        "# Accueil\n\n[Le cours](cours/10-intro.md).\n",
    );
    site.write("docs/cours/10-intro.md", "# Introduction\n\nTexte.\n");
    site.write("docs/cours/05-preface.md", "# Zéro préface\n\nTexte.\n");
    site.write(
        "docs/cours/reward.md",
        "Rewards are items.\n\n### Format\n\nText.\n",
    );
    site.write("docs/cours/README.md", "Notes for the authors.\n");
    let check = site.run(&["check"]);
    check.assert_code(0);
    assert!(!check.stderr.contains("orphan"), "{}", check.stderr);
    site.build().assert_code(0);
    let page = site.read("cours/10-intro/index.html");
    assert!(page.contains("<html lang=\"fr\""), "{page}");
    let reward = site.read("cours/reward/index.html");
    assert!(reward.contains("<title>Reward"), "{reward}");
    let hub = site.read("cours/index.html");
    let at = |needle: &str| {
        hub.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {hub}"))
    };
    assert!(at("Zéro préface") < at(">Introduction<"), "{hub}");
    assert!(!hub.contains("Notes for the authors"), "{hub}");
}

/// microsoft/code-with-engineering-playbook: MkDocs publishes a page at its path as
/// written (`docs/CI-CD/gates.md` at `/CI-CD/gates/`, a folder `v1.2/` with its dot),
/// and attune at its slug (`/ci-cd/gates/`, `/v1-2/`): 36 pages moved, bookmarks and
/// other sites' links lost. MkDocs' address is kept as an old one, a redirect page
/// standing there where the host can hold both (an address differing in letter case
/// alone is one a case-insensitive host merges, and is no redirect); with
/// `use_directory_urls: false` it is the page's `.html` file.
#[test]
fn an_mkdocs_pages_own_address_is_kept_where_attunes_differs() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("mkdocs.yml", "site_name: T\n");
    site.write(
        "docs/index.md",
        "# Home\n\n[Notes](v1.2/notes.md), [gates](CI-CD/gates.md).\n",
    );
    site.write("docs/v1.2/notes.md", "# Notes\n\nText.\n");
    site.write("docs/v1.2/README.md", "# Release\n\nText.\n");
    site.write("docs/CI-CD/gates.md", "# Gates\n\nText.\n");
    site.write(
        "docs/other.md",
        "# Other\n\nBy MkDocs' address: [notes](/v1.2/notes/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    let home = site.read("index.html");
    assert!(home.contains("href=\"./v1-2/notes/\""), "{home}");
    let redirect = site.read("v1.2/notes/index.html");
    assert!(redirect.contains("v1-2/notes/"), "{redirect}");
    assert!(site.read("v1.2/index.html").contains("v1-2/"));
    assert!(site
        .read("other/index.html")
        .contains("href=\"../v1-2/notes/\""));
    assert!(site.read("ci-cd/gates/index.html").contains("Gates"));
    assert!(!site.path("public/CI-CD").exists());

    site.write("mkdocs.yml", "site_name: T\nuse_directory_urls: false\n");
    site.build().assert_code(0);
    assert!(site.read("v1.2/notes.html").contains("v1-2/notes/"));
}

/// NHSDigital/rap-community-of-practice: 71 pages hold `[comment]: <> (… (…) …)`, a
/// note for editors that Python-Markdown reads as a link reference definition and never
/// shows, its title in parentheses holding parentheses; CommonMark ends such a title
/// at the first `)`, so the note was published. On an MkDocs site it is a definition,
/// as there; in a code block it stays as written.
#[test]
fn a_definitions_title_holding_parentheses_is_read_as_python_markdown_reads_it() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("mkdocs.yml", "site_name: T\n");
    site.write(
        "docs/index.md",
        "# Project\n\nVisible text.\n\n[comment]: <> (Hidden note (by the authors) for editors)\n[note]: # (Second (hidden) note)\n\n\
         More text, [see](https://example.org/a_(b)).\n\n```md\n[comment]: <> (Shown (in code))\n```\n",
    );
    site.build().assert_code(0);
    let page = site.read("index.html");
    assert!(
        !page.contains("Hidden note") && !page.contains("hidden) note"),
        "{page}"
    );
    assert!(page.contains("<p>Visible text.</p>"), "{page}");
    assert!(page.contains("Shown (in code"), "{page}");
}

/// nhsengland/datascience: Material's figure, `<figure markdown="span">` around an
/// image and its caption, was shown as `![…](…)` written out; md_in_html reads a
/// `span` element's text as Markdown, as it does a `block` one's.
#[test]
fn a_figure_marked_markdown_span_holds_its_image() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "mkdocs.yml",
        "site_name: T\nmarkdown_extensions:\n  - md_in_html\n",
    );
    site.write("docs/dash.png", b"\x89PNG\r\n");
    site.write(
        "docs/index.md",
        "# Dashboard\n\n<figure markdown=\"span\">\n  ![The dashboard](dash.png)\n  <figcaption>The *live* view</figcaption>\n</figure>\n\nAfter.\n",
    );
    site.build().assert_code(0);
    let page = site.read("index.html");
    assert!(
        page.contains("<img src=\"./dash.png\" alt=\"The dashboard\""),
        "{page}"
    );
    assert!(
        !page.contains("![The dashboard]") && !page.contains("markdown="),
        "{page}"
    );
    assert!(page.contains("<p>After.</p>"), "{page}");
}

#[test]
fn nav_sections_name_and_place_the_folders_they_cover() {
    // DEFRA's software standards and Area-53's robotics course: topics came out by
    // folder name (Appendix before Introduction) and a folder's README titled the
    // topic with its own entry ("Overview") instead of the section's ("Principles").
    let site = Fixture::empty();
    site.write(
        "mkdocs.yml",
        "site_name: R\nnav:\n  - Home: README.md\n  - Principles:\n    - Overview: principles/README.md\n\
         \x20   - Coding: principles/coding.md\n  - Introduction:\n    - Start: zintro/start.md\n\
         \x20 - Hardware:\n    - Tools: hardware/tools.md\n    - CAD:\n      - Parts: hardware/cad/parts.md\n\
         \x20 - Appendix:\n    - Links: appendix/links.md\n",
    );
    site.write(
        "book.toml",
        "[site]\ntitle = \"R\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    for (file, text) in [
        ("README.md", "# Home\n\nWelcome."),
        ("principles/README.md", "# Our principles\n\nWhy."),
        ("principles/coding.md", "# Coding\n\nText."),
        ("zintro/start.md", "# Start\n\nText."),
        ("hardware/tools.md", "# Tools\n\nText."),
        ("hardware/cad/parts.md", "# Parts\n\nText."),
        ("appendix/links.md", "# Links\n\nText."),
    ] {
        site.write(&format!("docs/{file}"), format!("{text}\n"));
    }
    site.build().assert_code(0);
    let home = main_of(&site.read("index.html")).to_string();
    let places: Vec<usize> = ["Principles", "Introduction", "Hardware", "Appendix"]
        .iter()
        .map(|t| {
            home.find(&format!("\">{t}</a></h2>"))
                .unwrap_or_else(|| panic!("{t}: {home}"))
        })
        .collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{home}");
    // The folder's README is the section's page, titled by it.
    let principles = main_of(&site.read("principles/index.html")).to_string();
    assert!(principles.contains("<h1>Principles</h1>"), "{principles}");
    // A sub-section named by its section, placed after the page the nav lists first.
    let hardware = main_of(&site.read("hardware/index.html")).to_string();
    let tools = hardware.find(">Tools</a>").expect("Tools listed");
    let cad = hardware
        .find(">CAD</a>")
        .expect("CAD listed by its section's title");
    assert!(tools < cad, "{hardware}");
}

#[test]
fn headings_have_the_ids_python_markdowns_toc_gives_them() {
    // DEFRA's software standards and German and Chinese MkDocs sites: MkDocs' toc
    // extension drops `&` and accents (and letters outside ASCII), joins a run of
    // spaces and hyphens, numbers a repeat `_1`, and gives a heading with nothing
    // left `_1`; links written with those ids lead to their headings.
    let site = mkdocs_site();
    site.write(
        "docs/ids.md",
        "# Ids\n\n## Produce clean & maintainable code\n\n## Azure - AAD Pod Identity\n\n\
         ## Rationale\n\n## Rationale\n\n## Übersicht der Größen\n\n## 安装\n\n## 配置\n\n\
         ## Ranges[^1]\n\n[dup](#rationale_1), [amp](#produce-clean-maintainable-code), \
         [sizes](#ubersicht-der-groen), [install](#_1), [configure](#_2), [ranges](#ranges).\n\n\
         [^1]: A note.\n",
    );
    site.write(
        "docs/links.md",
        "# Links\n\n[Sizes](ids.md#ubersicht-der-groen) and [the pod](ids.md#azure-aad-pod-identity).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("no heading"), "{}", run.stderr);
    let page = site.read("ids/index.html");
    let page = main_of(&page);
    for id in [
        "produce-clean-maintainable-code",
        "azure-aad-pod-identity",
        "rationale",
        "rationale_1",
        "ubersicht-der-groen",
        "_1",
        "_2",
        "ranges",
    ] {
        assert!(page.contains(&format!("<h2 id=\"{id}\">")), "{id}: {page}");
        let linked = !matches!(id, "azure-aad-pod-identity" | "rationale");
        let link = format!("href=\"#{id}\" id=\"ref-");
        assert_eq!(page.contains(&link), linked, "{id}: {page}");
    }
    let links = site.read("links/index.html");
    assert!(links.contains("ids/#ubersicht-der-groen\""), "{links}");
    assert!(links.contains("ids/#azure-aad-pod-identity\""), "{links}");
    // pymdownx.slugs' slugify, as Material's docs recommend for other languages,
    // keeps every letter and makes each space a hyphen.
    let yml = std::fs::read_to_string(site.path("mkdocs.yml")).unwrap();
    let yml = yml.replace(
        "  - admonition\n",
        "  - admonition\n  - toc:\n      permalink: true\n      slugify: !!python/object/apply:pymdownx.slugs.slugify\n        kwds:\n          case: lower\n",
    );
    site.write("mkdocs.yml", yml);
    site.write(
        "docs/ids.md",
        "# Ids\n\n## Übersicht der Größen\n\n## 安装\n\n## A - B\n\n[sizes](#übersicht-der-größen), [install](#安装).\n",
    );
    site.write(
        "docs/links.md",
        "# Links\n\n[Sizes](ids.md#übersicht-der-größen).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("no heading"), "{}", run.stderr);
    let page = site.read("ids/index.html");
    for id in ["übersicht-der-größen", "安装", "a---b"] {
        assert!(page.contains(&format!("<h2 id=\"{id}\">")), "{id}: {page}");
    }
}

#[test]
fn a_collapsible_block_with_a_title_and_no_kind_is_titled_by_its_title() {
    // DFE-Digital's secure-by-design docs: `??? "Learn more about search"`, which
    // pymdownx.details reads (its class is optional), was shown as text.
    let site = mkdocs_site();
    site.write(
        "docs/more.md",
        "# More\n\n??? \"Learn more about search\"\n    The docs have [more](index.md).\n\n\
         ???+ \"Open one\"\n    Body.\n\n!!! \"Not one\"\n    Text.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("more/index.html");
    let page = main_of(&page);
    for shown in [
        "<details class=\"callout callout-note\">\n<summary class=\"callout-title\">Learn more about search</summary>\n<p>The docs have <a href=\"../\"",
        "<details class=\"callout callout-note\" open>\n<summary class=\"callout-title\">Open one</summary>\n<p>Body.</p>\n</details>",
        // Python-Markdown's admonition asks for a kind.
        "<p>!!! “Not one”",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert!(!page.contains("???"), "{page}");
}

#[test]
fn abbreviations_are_marked_where_mkdocs_reads_them_with_a_glossary_appended_to_every_page() {
    // DFE-Digital's secure-by-design docs: `abbr`, and a glossary of 55 of them that
    // pymdownx.snippets appends to every page; before, each definition was a line of
    // text and no use was marked.
    let site = mkdocs_site();
    site.write(
        "docs/terms.md",
        "# Terms\n\nThe DfE writes HTML, as the W3C says; not XHTML.\n\n```\n*[CSS]: code\n```\n\n*[HTML]: Hyper Text Markup Language\n*[W3C]: World Wide Web Consortium\n",
    );
    let page = |site: &crate::support::Fixture| site.read("terms/index.html");
    // Without `abbr`, Python-Markdown shows the lines.
    site.build().assert_code(0);
    assert!(page(&site).contains("*[HTML]: Hyper Text Markup Language"));
    let yml = std::fs::read_to_string(site.path("mkdocs.yml")).unwrap();
    let yml = yml.replace(
        "  - admonition\n",
        "  - admonition\n  - abbr\n  - pymdownx.snippets:\n      auto_append:\n        - includes/glossary.md\n",
    );
    site.write("mkdocs.yml", yml);
    site.write("includes/glossary.md", "*[DfE]: Department for Education\n");
    site.build().assert_code(0);
    let page = page(&site);
    let page = main_of(&page);
    assert!(
        page.contains("<p>The <abbr title=\"Department for Education\">DfE</abbr> writes <abbr title=\"Hyper Text Markup Language\">HTML</abbr>, as the <abbr title=\"World Wide Web Consortium\">W3C</abbr> says; not XHTML.</p>"),
        "{page}"
    );
    assert!(
        !page.contains("*[HTML]") && page.contains("*[CSS]: code"),
        "{page}"
    );
}
