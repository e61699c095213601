//! Other tools' Markdown syntax: Obsidian's comments, highlights, foldable callouts,
//! inline tags and block ids; mdBook's `{{#include}}`; math; and the template syntax
//! attune does not run (Hugo shortcodes, Liquid, `{{ … }}`, other mdBook directives,
//! Mermaid), each reported where it stands.

use crate::support::Fixture;
use std::io::Read as _;
use std::path::Path;

fn site() -> Fixture {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[[topics]]\nid = \"t\"\ntitle = \"T\"\n",
    );
    site
}

/// The article body of a built page.
#[track_caller]
fn body(site: &Fixture, page: &str) -> String {
    let html = site.read(page);
    let start = html
        .find("<div class=\"article-body\">")
        .expect("an article body");
    let end = html[start..]
        .find("\n</div>\n")
        .map_or(html.len(), |e| start + e);
    html[start..end].to_string()
}

/// Every file of the built site as text, with each `offline.zip` entry as its own.
fn every_output(site: &Fixture) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, bytes) in site.snapshot("public") {
        if path == Path::new("offline.zip") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
            for i in 0..zip.len() {
                let mut entry = zip.by_index(i).unwrap();
                let mut inner = Vec::new();
                entry.read_to_end(&mut inner).unwrap();
                out.push((
                    format!("offline.zip/{}", entry.name()),
                    String::from_utf8_lossy(&inner).into_owned(),
                ));
            }
            continue;
        }
        out.push((
            path.display().to_string(),
            String::from_utf8_lossy(&bytes).into_owned(),
        ));
    }
    out
}

/// The diagnostics of `attune check`, one per line: `severity: message @ file:line:col`.
fn check(site: &Fixture) -> (i32, String) {
    let run = site.run(&["check"]);
    let mut lines = Vec::new();
    let mut last = String::new();
    for line in run.stderr.lines() {
        if line.starts_with("error") || line.starts_with("warning") {
            last = line.to_string();
        } else if let Some(at) = line.trim_start().strip_prefix("--> ") {
            lines.push(format!("{last} @ {at}"));
        }
    }
    (run.code, lines.join("\n"))
}

#[test]
fn comments_are_never_published_anywhere() {
    let site = site();
    site.write(
        "content/t/notes.md",
        "---\ntitle: Notes\ndescription: Session notes.\n---\n\
         Public opening %% PRIVATE-INLINE client said x %% and more public text.\n\n\
         %%\nPRIVATE-BLOCK first line\n\n## PRIVATE-HEADING\n\n- PRIVATE-LIST\n%%\n\n\
         A list:\n\n- one %%PRIVATE-ITEM%%\n- two\n\n\
         ## Heading %% PRIVATE-IN-HEADING %%\n\n\
         Code keeps it: `a %%literal-span%% b`.\n\n\
         ```\nfenced %%literal-block%%\n```\n\n\
         A comment with a fence inside %%\n```\nPRIVATE-FENCE\n%% closes here; and after it %% PRIVATE-AFTER %% is hidden too.\n\n\
         Last words. %% PRIVATE-UNCLOSED to the end\n\nPRIVATE-TAIL\n",
    );
    site.write(
        "content/t/other.md",
        "---\ntitle: Other\n---\nSee [[notes]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("`%%` opens a comment that is never closed");
    run.assert_stderr_contains("content/t/notes.md:33:13");
    let outputs = every_output(&site);
    assert!(outputs.iter().any(|(p, _)| p.starts_with("offline.zip/")));
    for (path, text) in &outputs {
        assert!(!text.contains("PRIVATE"), "{path} holds a comment:\n{text}");
    }
    let page = body(&site, "t/notes/index.html");
    assert!(
        page.contains("<p>Public opening  and more public text.</p>"),
        "{page}"
    );
    assert!(page.contains("<code>a %%literal-span%% b</code>"), "{page}");
    assert!(page.contains("fenced %%literal-block%%"), "{page}");
    assert!(
        page.contains("closes here; and after it  is hidden too."),
        "{page}"
    );
    assert!(page.contains("<li>one</li>"), "{page}");
    assert!(page.contains("Last words."), "{page}");
    // Readability counts what is published only.
    let report = site.run(&["check", "--report", "readability", "--format", "json"]);
    assert!(!report.stdout.contains("PRIVATE"), "{}", report.stdout);
}

#[test]
fn highlights_foldable_callouts_and_block_ids() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n\
         Some ==very *important*== text, a == b, x===y, `==code==`.\n\n\
         A paragraph to link. ^para-1\n\n\
         - first item ^item-a\n- second\n\n\
         Between lists.\n\n- code follows: ^item-code\n\t```c\n\tint x;\n\t```\n\n\
         Text on a line\n^own-line\n\n\
         | a | b |\n|---|---|\n| 1 | 2 |\n\n^table-1\n\n\
         ![[chart.png]]^chart\n\n\
         Same page [back](#^para-1).\n\n\
         > [!info]- Closed by default\n> Hidden until opened.\n\n\
         > [!tip]+ Open by default\n> Shown.\n\n\
         > [!NOTE]\n> Not foldable.\n",
    );
    site.write(
        "content/t/b.md",
        "---\ntitle: B\n---\nSee [the paragraph](a.md#^para-1), [[a#^item-a]], [[a#^own-line]], [[a#^table-1]], [[a#^item-code]] and [[a#^chart]].\n",
    );
    site.write("content/t/chart.png", b"\x89PNG\r\n\x1a\n");
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    for expected in [
        "Some <mark>very <em>important</em></mark> text, a == b, x===y, <code>==code==</code>.",
        "<p id=\"^para-1\">A paragraph to link.</p>",
        "<li id=\"^item-a\">first item</li>",
        // The text of an item ends where code inside it starts.
        "<li id=\"^item-code\">code follows:<pre",
        "<p id=\"^own-line\">Text on a line</p>",
        // A paragraph of only `^id` names the block before it, as in Obsidian.
        "<div id=\"^table-1\"></div>\n<table>",
        "<details class=\"callout callout-info\">\n<summary class=\"callout-title\">Info: Closed by default</summary>\n<p>Hidden until opened.</p>\n</details>",
        "<details class=\"callout callout-tip\" open>\n<summary class=\"callout-title\">Tip: Open by default</summary>",
        "<div class=\"callout callout-note\" role=\"note\" aria-label=\"Note\">",
    ] {
        assert!(page.contains(expected), "{expected}\nin\n{page}");
    }
    assert!(!page.contains("^para-1</p>"), "{page}");
    let b = body(&site, "t/b/index.html");
    // An id written straight after an embed, as Obsidian's own help vault writes one.
    assert!(page.contains("<p id=\"^chart\">"), "{page}");
    for id in [
        "^para-1",
        "^item-a",
        "^item-code",
        "^own-line",
        "^table-1",
        "^chart",
    ] {
        let encoded = id.replace('^', "%5E");
        assert!(b.contains(&format!("href=\"../../t/a/#{encoded}\"")), "{b}");
    }
    assert!(page.contains("href=\"#%5Epara-1\""), "{page}");

    // A block id that does not exist is a broken anchor, like a heading.
    site.write(
        "content/t/b.md",
        "---\ntitle: B\n---\nSee [gone](a.md#^nothing).\n",
    );
    let (code, out) = check(&site);
    assert_ne!(code, 0);
    assert!(out.contains("content/t/b.md:4:5"), "{out}");
}

#[test]
fn callouts_of_a_vault_s_own_kinds_are_notes_titled_with_the_kind() {
    // Course notes write `>[!inote] dimostrazione` (no space after `>`, straight
    // after a paragraph), `> [!syntax]` and `> [!operando "+"]-`: kinds of their own,
    // styled by a CSS snippet. Obsidian shows each as a note titled with the kind's
    // name, or with the title written after it; never `[!inote]` as text.
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nLemma.\n>[!inote] dimostrazione\n>Sia *Y* dato.\n\n\
         > [!syntax]\n> `#pragma omp critical`\n\n\
         > [!operando \"+\"]- \n> Somma.\n\n\
         > [!] not a callout\n\n\
         > [! spaced] not one either\n",
    );
    site.build().assert_code(0);
    // The whole page: `body` ends at the first callout's `</div>`.
    let page = site.read("t/a/index.html");
    for expected in [
        "<div class=\"callout callout-note\" role=\"note\" aria-label=\"Inote\">\n<p class=\"callout-title\">dimostrazione</p>\n<p>Sia <em>Y</em> dato.</p>",
        "<div class=\"callout callout-note\" role=\"note\" aria-label=\"Syntax\">\n<p class=\"callout-title\">Syntax</p>",
        "<details class=\"callout callout-note\">\n<summary class=\"callout-title\">Operando “+”</summary>\n<p>Somma.</p>",
        "<blockquote>\n<p>[!] not a callout</p>",
        "<p>[! spaced] not one either</p>",
    ] {
        assert!(page.contains(expected), "{expected}\nin\n{page}");
    }
    assert!(
        !page.contains("[!inote]") && !page.contains("[!syntax]"),
        "{page}"
    );
}

#[test]
fn a_callouts_metadata_after_a_bar_keeps_its_kind_and_is_never_shown() {
    // A Quartz vault styled by ITS/MCL snippets writes `> [!warning|title-center]` and
    // `> [!infobox|n-th]`: the kind before the `|` is the callout, the metadata is for
    // CSS (`data-callout-metadata`), as Obsidian and Quartz read it; it was a note
    // titled "Warning|title-center".
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n> [!warning|title-center]\n> Back up your saves first.\n\n\
         > [!infobox|n-th]\n> Details here.\n\n\
         > [!tip|clean wfull]- Custom title\n> Body.\n",
    );
    site.build().assert_code(0);
    let page = site.read("t/a/index.html");
    for expected in [
        "<div class=\"callout callout-warning\" role=\"note\" aria-label=\"Warning\" data-callout-metadata=\"title-center\">\n<p class=\"callout-title\">Warning</p>",
        "<div class=\"callout callout-note\" role=\"note\" aria-label=\"Infobox\" data-callout-metadata=\"n-th\">\n<p class=\"callout-title\">Infobox</p>",
        "<details class=\"callout callout-tip\" data-callout-metadata=\"clean wfull\">\n<summary class=\"callout-title\">Tip: Custom title</summary>",
    ] {
        assert!(page.contains(expected), "{expected}\nin\n{page}");
    }
    assert!(
        !page.contains("|title-center") && !page.contains("|n-th"),
        "{page}"
    );
}

#[test]
fn inline_tags_join_the_articles_tags_and_link_to_their_pages() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\ntags: [sleep]\n---\n\
         #anxiety at the start, and #family/parents later; #123 is not a tag, nor is a#b.\n\n\
         See https://example.org/page#fragment and [#notatag](b.md) and `#code`.\n\n\
         ## Heading with #heading-tag\n\n\
         Again #Anxiety and #sleep.\n",
    );
    site.write("content/t/b.md", "---\ntitle: B\n---\nText.\n");
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    assert!(
        page.contains("<a class=\"tag\" href=\"../../tags/anxiety/\">#anxiety</a> at the start"),
        "{page}"
    );
    assert!(
        page.contains("<a class=\"tag\" href=\"../../tags/family-parents/\">#family/parents</a>"),
        "{page}"
    );
    assert!(page.contains("#123 is not a tag, nor is a#b."), "{page}");
    assert!(page.contains("page#fragment"), "{page}");
    assert!(page.contains("<code>#code</code>"), "{page}");
    // In a heading it is a tag, written as text.
    assert!(page.contains("Heading with #heading-tag"), "{page}");
    for tag in ["anxiety", "family-parents", "heading-tag", "sleep"] {
        let list = site.read(&format!("tags/{tag}/index.html"));
        assert!(list.contains("t/a/"), "tag page {tag} lists the article");
    }
    for not in ["123", "notatag", "code", "b", "fragment"] {
        assert!(
            !site.path(&format!("public/tags/{not}")).exists(),
            "{not} is not a tag"
        );
    }
    let article = site.read("t/a/index.html");
    assert!(
        article.contains("<a href=\"../../tags/anxiety/\">anxiety</a>"),
        "listed with the article's tags"
    );
}

/// `#word` is a tag in a vault and on a site of attune's own, not on another tool's:
/// 100daysofkubernetes' mdBook asks readers to tweet "with the #100DaysOfKubernetes
/// hashtag", which became a tag link and a tag page mdBook has no notion of; a Hugo
/// site's `#hashtag` is text too.
#[test]
fn a_hashtag_on_an_mdbook_or_hugo_page_is_text() {
    let book = Fixture::empty();
    book.write("book.toml", "[book]\ntitle = \"Days\"\nsrc = \"src\"\n");
    book.write("src/SUMMARY.md", "# Summary\n\n- [Intro](intro.md)\n");
    book.write(
        "src/intro.md",
        "# Intro\n\nTweet with the #100DaysOfCode hashtag.\n",
    );
    book.build().assert_code(0);
    let page = book.read("intro/index.html");
    assert!(
        page.contains("Tweet with the #100DaysOfCode hashtag."),
        "{page}"
    );
    assert!(!book.path("public/tags/100daysofcode").exists());
    let hugo = Fixture::new("hugo");
    hugo.write("hugo.toml", "title = \"Hugo\"\n");
    hugo.write(
        "content/posts/tweet.md",
        "---\ntitle: Tweet\n---\nPost with #HugoSites today.\n",
    );
    hugo.build().assert_code(0);
    let page = hugo.read("posts/tweet/index.html");
    assert!(page.contains("Post with #HugoSites today."), "{page}");
    assert!(!hugo.path("public/tags/hugosites").exists());
}

#[test]
fn percent_signs_on_an_mdbook_page_are_text() {
    // 710242/CSNotebook: a table row of printf's `%%` hid the rest of the chapter as
    // an Obsidian comment never closed; mdBook shows it as it is.
    let book = Fixture::empty();
    book.write("book.toml", "[book]\ntitle = \"Notes\"\nsrc = \"src\"\n");
    book.write("src/SUMMARY.md", "# Summary\n\n- [Printf](printf.md)\n");
    book.write(
        "src/printf.md",
        "# Printf\n\n| spec | meaning |\n|---|---|\n| %% | Prints a percent sign |\n| %d | An integer |\n\nText after the table.\n",
    );
    let run = book.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("comment"), "{}", run.stderr);
    let page = book.read("printf/index.html");
    assert!(page.contains("<td>%%</td>"), "{page}");
    assert!(page.contains("<td>%d</td>"), "{page}");
    assert!(page.contains("Text after the table."), "{page}");
}

#[test]
fn includes_read_files_lines_and_anchors_as_mdbook_does() {
    let site = site();
    site.write(
        "content/t/guide.md",
        "---\ntitle: Guide\n---\n\
         {{#include ../snippets/get-help.md}}\n\n\
         ```rust\n{{#include ../snippets/main.rs:body}}\n```\n\n\
         ```rust\n{{#rustdoc_include ../snippets/main.rs:3:4}}\n```\n\n\
         Line two: {{#include ../snippets/lines.txt:2}}; to two: {{#include ../snippets/lines.txt::2}};\n\
         from three: {{#include ../snippets/lines.txt:3:}}.\n\n\
         Written as text: \\{{#include not/read.md}}, and in code: `\\{{#include also/not.md}}` and `\\{{#title T}}`.\n",
    );
    site.write(
        "content/snippets/get-help.md",
        "**When to get help**: if you feel unsafe, call someone. {{#include nested.md}}\n",
    );
    site.write("content/snippets/nested.md", "Nested text [[other]].");
    site.write(
        "content/snippets/main.rs",
        "use std::io;\n// ANCHOR: body\nfn main() {\n    println!(\"hi\");\n}\n// ANCHOR_END: body\n",
    );
    site.write("content/snippets/lines.txt", "one\ntwo\nthree\nfour\n");
    site.write(
        "content/t/other.md",
        "---\ntitle: Other\n---\nText [[guide]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = body(&site, "t/guide/index.html");
    for expected in [
        "<p><strong>When to get help</strong>: if you feel unsafe, call someone. Nested text <a",
        // Each included line after the first begins with the text before the
        // directive on its line, as mdBook writes it.
        "Line two: two; to two: one\nLine two: two; to two: two;\nfrom three: three\nfrom three: four.",
        "Written as text: {{#include not/read.md}}, and in code: <code>{{#include also/not.md}}</code> and <code>{{#title T}}</code>.",
    ] {
        assert!(page.contains(expected), "{expected}\nin\n{page}");
    }
    assert!(page.contains(">main</span>"), "{page}");
    assert!(!page.contains("ANCHOR"), "{page}");
    assert!(!page.contains("use std"), "{page}");
    // Files only included are snippets, not articles.
    assert!(!site.path("public/snippets/get-help").exists());
    assert!(!site.path("public/snippets/nested").exists());
}

#[test]
fn include_problems_are_errors_at_the_directive() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nIntro.\n\n\
         {{#include missing.md}}\n\n\
         Lines {{#include ../snippets/lines.txt:7}} and {{#include ../snippets/lines.txt:3:9}}.\n\n\
         {{#include ../snippets/lines.txt:nowhere}}\n\n\
         {{#include ../../../outside.md}}\n\n\
         {{#include ../snippets/one.md}}\n\n\
         {{#include ../snippets/broken-link.md}}\n",
    );
    site.write("content/snippets/lines.txt", "one\ntwo\nthree\nfour\n");
    site.write(
        "content/snippets/one.md",
        "One, then:\n\n{{#include two.md}}\n",
    );
    site.write(
        "content/snippets/two.md",
        "Two, then:\n{{#include one.md}}\n",
    );
    site.write(
        "content/snippets/broken-link.md",
        "A link to [[nowhere-at-all]].\n",
    );
    let (code, out) = check(&site);
    assert_ne!(code, 0);
    for expected in [
        "error: `{{#include missing.md}}`: no file 'content/t/missing.md' @ content/t/a.md:6:1",
        "error: `{{#include ../snippets/lines.txt:7}}`: line 7 is past the end of the file (4 lines) @ content/t/a.md:8:7",
        "error: `{{#include ../snippets/lines.txt:nowhere}}`: no `ANCHOR: nowhere` in the file (the file has no anchors) @ content/t/a.md:10:1",
        "error: `{{#include ../../../outside.md}}`: '../../../outside.md' is outside the site's folder @ content/t/a.md:12:1",
        "error: `{{#include one.md}}`: include cycle snippets/one.md → snippets/two.md → snippets/one.md @ content/snippets/two.md:2:1",
    ] {
        assert!(out.contains(expected), "{expected}\nin\n{out}");
    }
    // A problem in included text is reported where it is written.
    assert!(
        out.lines().any(|l| l.contains("nowhere-at-all")
            && l.ends_with("@ content/snippets/broken-link.md:1:11")),
        "{out}"
    );
    // A range running past the end stops there, as in mdBook.
    assert!(!out.contains("lines.txt:3:9"), "{out}");
    // Nothing is written.
    site.build().assert_code(1);
    assert!(!site.path("public/t/a").exists());
}

#[test]
fn includes_may_read_files_beside_the_content_folder_as_an_mdbook_does() {
    // An mdBook keeps its code listings beside src/, not in it.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"src\"\nmissing_links = \"error\"\n",
    );
    site.write(
        "src/ch01/first.md",
        "# First\n\n```rust\n{{#rustdoc_include ../../listings/ch01/main.rs:body}}\n```\n\n{{#include ../../listings/note.md}}\n",
    );
    site.write(
        "listings/ch01/main.rs",
        "// ANCHOR: body\nfn main() {}\n// ANCHOR_END: body\n",
    );
    site.write("listings/note.md", "See [nothing](gone.md).\n");
    let (code, out) = check(&site);
    assert_ne!(code, 0);
    // Read, and a problem in it is located there.
    assert!(
        out.contains("error: broken link to 'gone.md' @ listings/note.md:1:5"),
        "{out}"
    );
    site.write("listings/note.md", "Nothing broken.\n");
    site.build().assert_code(0);
    let page = body(&site, "ch01/first/index.html");
    assert!(
        page.contains("hl-rust\">main</span>") && page.contains("<p>Nothing broken.</p>"),
        "{page}"
    );
    // Not a page of its own, and the folder outside src/ is not published.
    assert!(!site.path("public/listings").exists());
}

#[test]
fn includes_read_anywhere_in_the_site_folder_past_an_mdbooks_own_book_toml() {
    // The mdBook guide's layout: its own book.toml in guide/, listings in examples/
    // beside it, and attune's book.toml at the top, reading guide/src.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"guide/src\"\n",
    );
    site.write("guide/book.toml", "[book]\ntitle = \"mdBook's own\"\n");
    site.write(
        "guide/src/dev/first.md",
        "# First\n\n```rust\n{{#include ../../../examples/nop.rs}}\n```\n",
    );
    site.write("examples/nop.rs", "fn nop() {}\n");
    // Still only inside the site's folder.
    site.write(
        "guide/src/dev/second.md",
        "# Second\n\n{{#include ../../../../outside.md}}\n",
    );
    let (code, out) = check(&site);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "'../../../../outside.md' is outside the site's folder @ guide/src/dev/second.md:3:1"
        ),
        "{out}"
    );
    assert_eq!(
        out.lines().filter(|l| l.starts_with("error")).count(),
        1,
        "{out}"
    );
    site.remove("guide/src/dev/second.md");
    site.build().assert_code(0);
    let page = body(&site, "dev/first/index.html");
    assert!(page.contains("hl-rust\">nop</span>"), "{page}");
}

#[test]
fn problems_in_included_text_are_reported_where_it_is_written() {
    let site = site();
    site.strict_links();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nIntro with [a broken link](gone.md).\n\n\
         Inline: {{#include ../snippets/lines.md:2}} end.\n\n\
         {{#include ../snippets/help.md}}\n",
    );
    site.write(
        "content/snippets/help.md",
        "# Getting help\n\n\
         Call [someone](../t/nobody.md) or see ![a map](map.png).\n\n\
         {{< figure src=\"x.png\" >}}\n\n\
         Then:\n\n{{#include deeper.md}}\n",
    );
    site.write(
        "content/snippets/deeper.md",
        "Deeper, a [[note-not-there]].\n\n%% never closed\n",
    );
    site.write(
        "content/snippets/lines.md",
        "first line\nsecond [bad](#no-such-heading) line\n",
    );
    let (code, out) = check(&site);
    assert_ne!(code, 0);
    for expected in [
        // In the article itself: where it is, as before.
        "error: broken link to 'gone.md' @ content/t/a.md:4:12",
        // Found while resolving links, in the included file, at its line and column.
        "error: broken link to '../t/nobody.md' @ content/snippets/help.md:3:6",
        "error: image 'map.png' does not exist @ content/snippets/help.md:3:39",
        // Found before parsing: other tools' syntax.
        "@ content/snippets/help.md:5:1",
        // Two levels down, found in parsing and before it.
        "error: broken link to 'note-not-there' @ content/snippets/deeper.md:1:11",
        "warning: `%%` opens a comment that is never closed: the rest of the file is hidden @ content/snippets/deeper.md:3:1",
        // A line range taken from a file, included within a line.
        "error: no heading with id 'no-such-heading' in this page @ content/snippets/lines.md:2:8",
    ] {
        assert!(out.contains(expected), "{expected}\nin\n{out}");
    }
    // Each names the directive that brought the text in.
    let run = site.run(&["check"]);
    run.assert_stderr_contains("included from content/t/a.md:8:1")
        .assert_stderr_contains("included from content/snippets/help.md:9:1")
        .assert_stderr_contains("included from content/t/a.md:6:9");
}

/// An article holding each kind of other tools' template syntax, outside code and in it.
const FOREIGN: &str = "---\ntitle: A\n---\nIntro.\n\n\
     {{< code go >}}\n# a comment, not a heading\nfunc main() {}\n{{< /code >}}\n\n\
     {{% sidenote %}}\nMarkdown *inside*.\n{{% /sidenote %}}\n\n\
     {{< img src=\"x.png\" >}}\n\n\
     {% include footer.html %}\n\n\
     Hello {{ page.title }} there.\n\n\
     {{#template footer.md}}\n\n\
     Shown as text: \\{{ kept }} and `{{< code >}}` and `{% raw %}` and <code>{{ in raw html }}</code>.\n\n\
     ```\n{{< in a code block >}}\n```\n";

/// What [`FOREIGN`] reports, without the severity.
const FOREIGN_REPORTED: [&str; 6] = [
    "Hugo shortcode `{{< code go >}}` … `{{< /code >}}` is not supported: the page would lose what it stands for @ content/t/a.md:6:1",
    "Hugo shortcode `{{% sidenote %}}` … `{{% /sidenote %}}` is not supported: the page would lose what it stands for @ content/t/a.md:11:1",
    "Hugo shortcode `{{< img src=\"x.png\" >}}` is not supported: the page would lose what it stands for @ content/t/a.md:15:1",
    "Liquid tag `{% include footer.html %}` is not supported: attune does not run templates in content @ content/t/a.md:17:1",
    "template expression `{{ page.title }}` is not supported: attune does not run templates in content @ content/t/a.md:19:7",
    "mdBook directive `{{#template footer.md}}` is not supported @ content/t/a.md:21:1",
];

#[test]
fn a_self_closing_hugo_shortcode_pairs_with_nothing() {
    // Hugo's documentation: `{{< code-toggle config=build />}}` closes itself; taking
    // a later `{{< /code-toggle >}}` as its end swallowed the headings between, and
    // links to them were reported broken. (The pair itself is read; the lone one, which
    // prints Hugo's defaults, is not.)
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n{{< code-toggle config=build />}}\n\n## Cache busters\n\n{{< code-toggle file=hugo >}}\nx = 1\n{{< /code-toggle >}}\n\nSee [busters](#cache-busters).\n",
    );
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    let expected = "warning: Hugo shortcode `{{< code-toggle config=build />}}` is not supported: the page would lose what it stands for @ content/t/a.md:4:1";
    assert!(out.contains(expected), "{expected}\nin\n{out}");
    assert!(!out.contains("cache-busters"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.contains("not supported")).count(),
        1,
        "{out}"
    );
    assert!(!out.contains("error"), "{out}");
    site.build().assert_code(0);
    // The pair is its settings in a code block (`gohugoio.rs`).
    let page = body(&site, "t/a/index.html");
    assert!(
        page.contains("<h2 id=\"cache-busters\">Cache busters") && page.contains("language-toml"),
        "{page}"
    );
}

#[test]
fn other_tools_template_syntax_is_a_warning_and_left_out_of_the_page() {
    let site = site();
    site.write("content/t/a.md", FOREIGN);
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    for expected in FOREIGN_REPORTED {
        assert!(
            out.contains(&format!("warning: {expected}")),
            "{expected}\nin\n{out}"
        );
    }
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("warning") && l.contains("not supported"))
            .count(),
        6,
        "{out}"
    );
    assert!(!out.contains("error"), "{out}");
    // The help says what to write instead, and what the page shows in its place.
    let run = site.run(&["check"]);
    run.assert_stderr_contains("write the code in a fenced code block")
        .assert_stderr_contains("write an image: ![description](file.png")
        .assert_stderr_contains(
            "the shortcode and everything up to `{{< /code >}}` are left out of the page",
        )
        .assert_stderr_contains(
            "the page shows the shortcode's inner text, without it and `{{% /sidenote %}}`",
        )
        .assert_stderr_contains("the shortcode is left out of the page")
        .assert_stderr_contains("the tag is left out of the page")
        .assert_stderr_contains("the expression is left out of the page")
        .assert_stderr_contains("the directive is left out of the page");
    // `check --format json` says the same, as warnings.
    let json = site.run(&["check", "--format", "json"]);
    json.assert_code(0);
    let items: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let foreign: Vec<_> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "unsupported-syntax")
        .collect();
    assert_eq!(foreign.len(), 6, "{items:#}");
    assert!(
        foreign.iter().all(|d| d["severity"] == "warning"),
        "{items:#}"
    );
    let notice = foreign.iter().find(|d| d["line"] == 11).unwrap();
    assert_eq!(
        (notice["file"].as_str(), notice["column"].as_u64()),
        (Some("content/t/a.md"), Some(1))
    );

    // The site builds; no tag is shown, raw or as Markdown, and a `{{% %}}` shortcode's
    // Markdown stays on the page.
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    for gone in [
        "highlight",
        "a comment, not a heading",
        "func main",
        "sidenote",
        "image",
        "footer.html",
        "page.title",
        "template",
        "<h1",
    ] {
        assert!(!page.contains(gone), "{gone} in\n{page}");
    }
    for kept in [
        "<p>Intro.</p>",
        "<p>Markdown <em>inside</em>.</p>",
        "Hello  there.",
        "Shown as text: {{ kept }} and <code>{{&lt; code &gt;}}</code>",
        "{{&lt; in a code block &gt;}}",
    ] {
        assert!(page.contains(kept), "{kept} in\n{page}");
    }
}

#[test]
fn other_tools_template_syntax_is_an_error_where_the_site_says_so() {
    let site = site();
    let book = site.path("book.toml");
    let text = std::fs::read_to_string(&book).unwrap();
    site.write(
        "book.toml",
        text.replacen(
            "[site]\n",
            "[build]\nunsupported_syntax = \"error\"\n\n[site]\n",
            1,
        ),
    );
    site.write("content/t/a.md", FOREIGN);
    let (code, out) = check(&site);
    assert_eq!(code, 1, "{out}");
    for expected in FOREIGN_REPORTED {
        assert!(
            out.contains(&format!("error: {expected}")),
            "{expected}\nin\n{out}"
        );
    }
    assert_eq!(
        out.lines().filter(|l| l.starts_with("error")).count(),
        6,
        "{out}"
    );
    let json = site.run(&["check", "--format", "json"]);
    let items: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let severities: Vec<_> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "unsupported-syntax")
        .map(|d| d["severity"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(severities, vec!["error"; 6], "{items:#}");
    // Nothing is written.
    site.build()
        .assert_code(1)
        .assert_stderr_contains("Hugo shortcode `{{< code go >}}`");
    assert!(!site.path("public").exists());

    // `{{#title}}` loses nothing the page shows: a warning, and the directive left out.
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n{{#title Another title}}\nText \\{{ kept }}.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "mdBook's `{{#title Another title}}` is not supported and is left out",
    );
    let page = body(&site, "t/a/index.html");
    assert!(!page.contains("#title"), "{page}");
    assert!(page.contains("Text {{ kept }}."), "{page}");
}

#[test]
fn math_renders_to_mathml_and_bad_tex_is_shown_as_code_or_an_error() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n\
         Inline $x^2 + 1$ and prices $5 and $10 stay text.\n\n\
         $$\\frac{a}{b}$$\n\n\
         In code `$x$` stays.\n",
    );
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    assert!(
        page.contains("Inline <math display=\"inline\"><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mn>1</mn></math> and prices $5 and $10 stay text."),
        "{page}"
    );
    assert!(page.contains("<math display=\"block\"><mfrac>"), "{page}");
    assert!(page.contains("<code>$x$</code>"), "{page}");
    assert!(!page.contains("<script"), "{page}");
    // Search has the prose, not the TeX.
    let search: String = site
        .snapshot("public/search")
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(search.contains("stay text"), "{search}");
    assert!(
        !search.contains("x^2") && !search.contains("\\\\frac"),
        "{search}"
    );

    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nFine $x$ then\nbad $\\notacommand{x}$.\n",
    );
    // TeX other renderers read (KaTeX's `\ce{}`), by default: its source as code,
    // with a warning, and the page is published.
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("warning: math `\\notacommand{x}` cannot be read: unknown primitive command found (`\\notacommand`) @ content/t/a.md:5:5"),
        "{out}"
    );
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    assert!(
        page.contains("bad <code class=\"math-error\">\\notacommand{x}</code>."),
        "{page}"
    );
    // An error where the site says so, from check and build alike.
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replacen(
            "[site]\n",
            "[build]\nunsupported_syntax = \"error\"\n\n[site]\n",
            1,
        ),
    );
    let (code, out) = check(&site);
    assert_ne!(code, 0);
    assert!(
        out.contains("error: math `\\notacommand{x}` cannot be read: unknown primitive command found (`\\notacommand`) @ content/t/a.md:5:5"),
        "{out}"
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("content/t/a.md:5:5");
}

/// 0x9ONU/Obsidian-Notes writes `$2 \micro s$` (a command from a plugin's preamble, no
/// renderer's own) in 128 formulas: 128 warnings buried the vault's other problems.
/// One unknown command used in more than a few formulas is one warning that counts
/// them; other reasons stay one warning each.
#[test]
fn many_formulas_using_one_unknown_command_are_one_warning_that_counts_them() {
    let site = site();
    for (file, n) in [("a", 3), ("b", 2)] {
        let formulas: String = (0..n)
            .map(|i| format!("Step {i} takes ${i} \\micro s$.\n\n"))
            .collect();
        site.write(
            &format!("content/t/{file}.md"),
            format!("---\ntitle: {file}\n---\n{formulas}Odd $\\frac{{1}}$ and $\\notacommand$.\n"),
        );
    }
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches(r"(`\micro`)").count(), 1, "{out}");
    assert!(
        out.contains("warning: math `0 \\micro s` cannot be read: unknown primitive command found (`\\micro`) (5 formulas using `\\micro` in 2 files, reported here as one) @ content/t/a.md:4:14"),
        "{out}"
    );
    // Each other reason once per formula, as before.
    assert_eq!(out.matches("`\\notacommand`)").count(), 2, "{out}");
    assert_eq!(out.matches("math `\\frac{1}`").count(), 2, "{out}");
}

#[test]
fn tex_real_notes_write_renders_and_definitions_last_the_page() {
    // A course note as MathJax and KaTeX draw it: macros defined in a first formula and
    // used in later ones, environments, chemistry, a proof tree, `<` in math.
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n\
         $$\\newcommand{\\norm}[1]{\\left\\lVert #1 \\right\\rVert} \\DeclareMathOperator{\\tr}{tr}$$\n\n\
         Then $\\norm{x} < \\tr(A)$ and $\\ce{H2O}$.\n\n\
         $$\\begin{eqnarray} a & = & b \\label{e1} \\end{eqnarray}$$\n\n\
         $$\\begin{prooftree} \\AxiomC{$A$} \\UnaryInfC{$A \\lor B$} \\end{prooftree}$$\n\n\
         $$\\begin{CD} A @>f>> B \\end{CD}$$\n\n\
         By $\\eqref{e1}$ here.\n",
    );
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches("cannot be read").count(), 0, "{out}");
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    assert_eq!(page.matches("<math").count(), 6, "{page}");
    assert!(page.contains("<mo>&lt;</mo>"), "{page}");
    assert!(page.contains("<mi>tr</mi>"), "{page}");
    assert!(page.contains("<mo stretchy=\"true\">‖</mo>"), "{page}");
    // The eqnarray's row is numbered, and the reference is a link to it.
    assert!(
        page.contains("By <a class=\"math-ref\" href=\"#eq-e1\">(1)</a> here."),
        "{page}"
    );
    assert!(page.contains("<mtr id=\"eq-e1\">"), "{page}");
    assert!(!page.contains("\\norm") && !page.contains("\\ce"), "{page}");
}

#[test]
fn equation_numbers_run_through_a_page_and_links_from_other_pages_reach_them() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n\
         See $\\eqref{second}$.\n\n\
         $$\\begin{gather} x \\label{first} \\\\ y \\label{second} \\end{gather}$$\n\n\
         $$\\begin{multline*} z \\end{multline*}$$\n\n\
         $$\\begin{equation} w \\label{third} \\end{equation}$$\n\n\
         Then $\\ref{thrid}$ and $\\eqref{third}$.\n",
    );
    site.write(
        "content/t/b.md",
        "---\ntitle: B\n---\nSee [the third](a.md#eq-third) and [no such](a.md#eq-none).\n",
    );
    let (code, out) = check(&site);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("warning: `\\ref{thrid}` names a label no equation on this page has @ content/t/a.md:12:7"),
        "{out}"
    );
    assert!(
        out.contains("error: no heading with id 'eq-none' in 'a' @ content/t/b.md:4:"),
        "{out}"
    );
    assert!(!out.contains("eq-third"), "{out}");
    site.write(
        "content/t/b.md",
        "---\ntitle: B\n---\nSee [the third](a.md#eq-third).\n",
    );
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    assert!(
        page.contains("See <a class=\"math-ref\" href=\"#eq-second\">(2)</a>."),
        "{page}"
    );
    assert!(
        page.contains("<mtext>(3)</mtext>") && !page.contains("<mtext>(4)</mtext>"),
        "{page}"
    );
    assert!(
        page.contains("Then ??? and <a class=\"math-ref\" href=\"#eq-third\">(3)</a>."),
        "{page}"
    );
    let b = site.read("t/b/index.html");
    assert!(b.contains("a/#eq-third\""), "{b}");
}

#[test]
fn mermaid_is_shown_as_code_with_a_warning() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nA diagram:\n\n```mermaid\ngraph TD; A-->B\n```\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "warning: Mermaid diagrams are not drawn: this block is shown as its code",
    );
    run.assert_stderr_contains("content/t/a.md:6:1");
    let page = body(&site, "t/a/index.html");
    assert!(
        page.contains("<code class=\"language-mermaid\">graph TD; A--&gt;B"),
        "{page}"
    );
    for (path, text) in every_output(&site) {
        assert!(
            !text.contains("mermaid.js") && !text.contains("mermaid.min"),
            "{path}"
        );
    }
    // Many are one warning, at the first (mdBook sites with mdbook-mermaid hold dozens:
    // 1757WestwoodRobotics/prog-docs 41, each reported apart).
    site.write(
        "content/t/b.md",
        "---\ntitle: B\n---\n```mermaid\ngraph LR; C-->D\n```\n\n```mermaid\ngraph LR; E-->F\n```\n\n~~~ mermaid\npie\n~~~\n",
    );
    let run = site.build();
    assert_eq!(
        run.stderr.matches("Mermaid diagrams are not drawn").count(),
        1
    );
    run.assert_stderr_contains(
        "warning: Mermaid diagrams are not drawn: this block is shown as its code \
         (4 Mermaid diagrams in 2 files, reported here as one)\n  --> content/t/a.md:6:1",
    );
}

#[test]
fn serve_rebuilds_an_article_when_a_file_it_includes_changes() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n{{#include ../snippets/help.md}}\n\nSee [[b]].\n",
    );
    site.write("content/t/b.md", "---\ntitle: B\n---\nSee [[a]].\n");
    site.write("content/snippets/help.md", "Call the first number.\n");
    let server = crate::serve::start(&site);
    let a = &server.address;
    crate::serve::wait_until("the first build", || {
        crate::serve::get(a, "/t/a/")
            .1
            .contains("Call the first number.")
    });
    site.write("content/snippets/help.md", "Call the second number.\n");
    crate::serve::wait_until("the snippet's change", || {
        crate::serve::get(a, "/t/a/")
            .1
            .contains("Call the second number.")
    });
    crate::serve::assert_same_as_full_build(&site, &server.out);
}

#[test]
fn zola_shortcodes_are_named_as_such_and_a_body_pairs_with_its_end() {
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/blog/post.md",
        "+++\ntitle = \"Post\"\n+++\n\n{% tip(kind=\"tip\") %}\nInner **text** kept.\n{% end %}\n\n{{ youtube(id=\"abc\") }}\n\n{% sidenote(type=\"info\", title=\"A\") %}\nSecond body.\n{% end %}\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: Zola shortcode `{% tip(kind=\"tip\") %}` … `{% end %}` is not supported")
        .assert_stderr_contains("the page shows the shortcode's inner text, without it and `{% end %}`; write a callout")
        .assert_stderr_contains("warning: Zola shortcode `{{ youtube(id=\"abc\") }}` is not supported")
        .assert_stderr_contains("write a link to it")
        .assert_stderr_contains("warning: Zola shortcode `{% sidenote(type=\"info\", title=\"A\") %}` … `{% end %}`");
    assert_eq!(
        run.stderr.matches("warning: Zola shortcode").count(),
        3,
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("Liquid"), "{}", run.stderr);
    let page = site.read("blog/post/index.html");
    assert!(page.contains("Inner <strong>text</strong> kept."), "{page}");
    assert!(page.contains("Second body."), "{page}");
    for raw in ["{%", "{{", "youtube"] {
        assert!(!page.contains(raw), "{raw} in {page}");
    }
}

#[test]
fn a_zola_shortcodes_json_body_is_data_its_images_drawn() {
    // DeepThought's `{% galleria() %}` (images in JSON) and `{% mapbox() %}` (GeoJSON):
    // the JSON was shown as the page's text.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write("content/docs/gallery/clouds.jpg", b"\xff\xd8\xff");
    site.write(
        "content/docs/gallery/index.md",
        "+++\ntitle = \"Gallery\"\n+++\n\n{% galleria() %}\n{\n  \"images\": [\n    {\"src\": \"clouds.jpg\", \"title\": \"Clouds\", \"description\": \"Clouds over hills.\"}\n  ]\n}\n{% end %}\n\n\
         {% mapbox(zoom=6) %}\n{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"title\": \"Agra\"}}]}\n{% end %}\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: Zola shortcode `{% mapbox(zoom=6) %}` … `{% end %}` is not supported: its body is data (JSON) for the theme's script, left out of the page",
    );
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    let page = site.read("docs/gallery/index.html");
    assert!(
        page.contains("gallery/clouds.jpg\" alt=\"Clouds over hills.\""),
        "{page}"
    );
    assert!(page.contains("Clouds over hills."), "{page}");
    for raw in ["FeatureCollection", "\"images\"", "{%"] {
        assert!(!page.contains(raw), "{raw} in {page}");
    }
    assert!(page.contains("After."), "{page}");
}

#[test]
fn a_themes_hint_box_and_resize_image_shortcode_are_a_callout_and_an_image() {
    // Karzok (a Zola docs theme): `{% hint(style="critical") %}` … `{% end %}` and
    // `{{ resize_image(path="/test.png", …, alt="…") }}` were "not supported".
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write("config.toml", "base_url = \"https://example.org\"\n");
    site.write("content/test.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "content/docs/syntax.md",
        "+++\ntitle = \"Syntax\"\n+++\n\n\
         {{ resize_image(path=\"/test.png\", width=150, height=100, op=\"scale\",alt=\"Background image\") }}\n\n\
         {% hint(style=\"critical\") %}\nDo **not** stop the medicine alone.\n{% end %}\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = site.read("docs/syntax/index.html");
    assert!(page.contains("alt=\"Background image\""), "{page}");
    assert!(page.contains("test.png\""), "{page}");
    assert!(page.contains("callout-danger"), "{page}");
    assert!(page.contains("Do <strong>not</strong> stop"), "{page}");
}

#[test]
fn liquid_code_pairs_are_code_blocks_never_markdown() {
    // Jekyll's `{% highlight %}` lost its code; Hexo's (and Octopress's) `{% codeblock
    // %}` showed it as Markdown, a `# comment` in it a heading. Hexo's `{% youtube %}`
    // was left out.
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\ndescription: d\n---\nBefore.\n\n\
         {% highlight ruby linenos %}\n# a comment\nputs \"hi\"\n{% endhighlight %}\n\n\
         {% codeblock Title lang:js http://example.org/ Source %}\n# not a heading\nalert(\"x\");\n{% endcodeblock %}\n\n\
         {% code %}\nplain *text*\n{% endcode %}\n\n{% youtube feIDVQ2tz0o %}\n\nAfter.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = body(&site, "t/a/index.html");
    assert!(page.contains("language-ruby"), "{page}");
    assert!(page.contains("a comment"), "{page}");
    assert!(page.contains("language-js"), "{page}");
    assert!(page.contains("alert"), "{page}");
    assert!(page.contains("plain *text*"), "{page}");
    assert!(
        page.contains("href=\"https://www.youtube.com/watch?v=feIDVQ2tz0o\""),
        "{page}"
    );
    assert!(!page.contains("<h1"), "{page}");
    assert!(page.contains("After."), "{page}");
}

#[test]
fn a_raw_block_is_text_shown_as_written_and_no_tag_in_it_is_read() {
    // Zola's theme Abridge: `{% raw %}` … `{% endraw %}` (Tera's and Liquid's) around
    // a heading's `{#id}` and around shortcodes shown as examples; the block was
    // swallowed, so the ids were lost (links to them broken) and each block warned.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/docs/page.md",
        "+++\ntitle = \"Page\"\n+++\n\nSee [paging](#paging) and [search](#search).\n\n\
         ## Pagination {% raw %}{#paging}{% endraw %}\n\n\
         ### Search {%- raw -%}{#search}{%- endraw -%}\n\n\
         {% raw %}\n```\n{{ video(sources=[a.mp4]) }}\n```\n{% endraw %}\n\n\
         Write {% raw %}{{ youtube(id=abc) }}{% endraw %} in the page.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    assert!(!run.stderr.contains("paging"), "{}", run.stderr);
    let page = site.read("docs/page/index.html");
    assert!(page.contains("<h2 id=\"paging\">"), "{page}");
    assert!(page.contains("<h3 id=\"search\">"), "{page}");
    assert!(page.contains("{{ video(sources=[a.mp4]) }}"), "{page}");
    assert!(
        page.contains("Write {{ youtube(id=abc) }} in the page."),
        "{page}"
    );
    assert!(!page.contains("raw %}"), "{page}");
}

#[test]
fn mdx_files_are_pages_and_their_javascript_is_left_out_with_a_warning() {
    // An Astro health-guide site (wavechecker/thought-archive): a third of its guides
    // are `.mdx`, which the `.md` ones link to by address; each opens with `import`
    // lines and uses components, a JSON-LD one with its data over several lines.
    let site = site();
    site.write(
        "content/t/osteoporosis.mdx",
        "---\ntitle: Osteoporosis\n---\nimport JsonLd from \"../../components/JsonLd.astro\";\nimport Callout from '@/components/Callout.astro'\n\n<JsonLd\n  data={{\n    \"@type\": \"MedicalCondition\",\n    \"name\": \"Osteoporosis > bones\"\n  }}\n/>\n\n## Who is at risk\n\n<Callout type=\"warning\">\nSee a doctor after **any** fall.\n</Callout>\n\nText {/* a note to editors */} goes on.\n\n```mdx\n<Callout>in code</Callout>\n```\n",
    );
    site.write(
        "content/t/falls.md",
        "---\ntitle: Falls\n---\nRead [about bones](/t/osteoporosis) and [the risks](osteoporosis.mdx#who-is-at-risk).\n",
    );
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("broken"), "{out}");
    let mdx: Vec<&str> = out.lines().filter(|l| l.contains("MDX")).collect();
    assert_eq!(
        mdx,
        [
            "warning: MDX statement `import JsonLd from \"../../components/JsonLd.astro\"; import C…` is not supported: attune runs no JavaScript @ content/t/osteoporosis.mdx:4:1",
            "warning: MDX component `<JsonLd data={{ \"@type\": \"MedicalCondition\", \"name\": \"Osteop…` is not supported: the page would lose what `JsonLd` stands for @ content/t/osteoporosis.mdx:7:1",
            "warning: MDX component `<Callout type=\"warning\">` … `</Callout>` is not supported: the page would lose what `Callout` stands for @ content/t/osteoporosis.mdx:16:1",
        ],
        "{out}"
    );
    site.build().assert_code(0);
    let page = body(&site, "t/osteoporosis/index.html");
    for gone in [
        "import",
        "JsonLd",
        "MedicalCondition",
        "note to editors",
        "{/*",
        "&lt;Callout type",
    ] {
        assert!(!page.contains(gone), "{gone} in\n{page}");
    }
    for kept in [
        "See a doctor after <strong>any</strong> fall.",
        "Text  goes on.",
        "&lt;Callout&gt;in code&lt;/Callout&gt;",
    ] {
        assert!(page.contains(kept), "{kept} in\n{page}");
    }
    let falls = body(&site, "t/falls/index.html");
    assert!(falls.contains("href=\"../../t/osteoporosis/\""), "{falls}");
    assert!(
        falls.contains("href=\"../../t/osteoporosis/#who-is-at-risk\""),
        "{falls}"
    );
    // With `unsupported_syntax = "error"` the JavaScript is an error.
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\nunsupported_syntax = \"error\"\n\n[[topics]]\nid = \"t\"\ntitle = \"T\"\n",
    );
    let (code, out) = check(&site);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error: MDX component `<Callout"), "{out}");
}

/// withastro/starlight's own docs: 826 `<LinkCard>`s, 546 `<TabItem>`s, asides, cards
/// and steps, 3,785 warnings in all; the tabs' labels, the cards' titles and links
/// were lost, and text indented to follow the tags' nesting (MDX reads no indented
/// code) was shown as code blocks, closing tags and all; a `<Code …/>` component read
/// as HTML's `<code>` hid every component after it. Starlight's and Docusaurus'
/// components are drawn as Markdown, an indent that follows the tags is not code, and
/// what is still reported (other components, `import` lines but those of drawn
/// components alone) is one warning a kind.
#[test]
fn starlight_and_docusaurus_components_are_drawn_and_the_rest_reported_once_a_kind() {
    let site = site();
    site.write(
        "content/t/start.mdx",
        concat!(
            "---\ntitle: Start\n---\n",
            "import { Tabs, TabItem, Aside, LinkCard, CardGrid, Card } from '@astrojs/starlight/components';\n\n",
            "<Tabs syncKey=\"pkg\">\n    <TabItem label=\"npm\">\n        ```sh\n        npm create astro\n        ```\n\n    </TabItem>\n    <TabItem label=\"Yarn\">\n        ```sh\n        yarn create astro\n        ```\n    </TabItem>\n</Tabs>\n\n",
            "<Aside type=\"caution\" title=\"Before you start\">\nBack up **first**.\n</Aside>\n\n",
            "<CardGrid stagger>\n\t<Card title=\"Fast\" icon=\"rocket\">\n\t\tBuilt for speed,\n\t\tand calm.\n\t</Card>\n</CardGrid>\n\n",
            "<LinkCard title=\"Falls\" href=\"/t/falls/\" description=\"What to do after one.\" />\n\n",
            // A row of buttons in an HTML block, where a Markdown link is shown as written.
            "<div class=\"buttons\">\n  <LinkButton href=\"/t/falls/\" variant=\"primary\">After a fall</LinkButton>\n</div>\n\n",
            "<Code\n\tslot=\"preview\"\n\tcode={exampleCode}\n\tlang=\"js\"\n/>\n\nAfter the code.\n\n",
            "<Widget a=\"1\" />\n<Widget a=\"2\" />\n<Widget a=\"3\" />\n<Widget a=\"4\" />\n",
        ),
    );
    site.write("content/t/falls.md", "---\ntitle: Falls\n---\nText.\n");
    for extra in ["a", "b", "c", "d"] {
        site.write(
            &format!("content/t/{extra}.mdx"),
            "---\ntitle: Extra\n---\nimport X from 'x';\n\nText.\n",
        );
    }
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("(4 uses of `<Widget>` in one file, reported here as one)")
        .assert_stderr_contains("(4 MDX statements, reported here as one)");
    // Importing only components attune draws loses nothing: no report (the-nix-guide).
    assert!(
        !run.stderr.contains("@astrojs/starlight/components"),
        "{}",
        run.stderr
    );
    // Starlight's `<Code>` is a component, not an HTML `<code>` whose text is literal.
    run.assert_stderr_contains(
        "MDX component `<Code slot=\"preview\" code={exampleCode} lang=\"js\" />`",
    );
    for quiet in ["Tabs", "TabItem", "Aside", "Card", "LinkCard"] {
        assert!(
            !run.stderr.contains(&format!("`<{quiet}")),
            "{quiet}: {}",
            run.stderr
        );
    }
    // The whole page: the callout's `</div>` would end `body`'s.
    let page = site.read("t/start/index.html");
    let npm = page.find("<p><strong>npm</strong></p>").expect("npm");
    let yarn = page.find("<p><strong>Yarn</strong></p>").expect("yarn");
    assert!(npm < yarn, "{page}");
    assert_eq!(page.matches("<pre").count(), 2, "{page}");
    for shown in [
        "callout-caution",
        "Before you start",
        "Back up <strong>first</strong>.",
        "<p><strong>Fast</strong></p>\n<p>Built for speed,\nand calm.</p>",
        "<a href=\"../../t/falls/\"",
        ">Falls</a>: What to do after one.",
        "<div class=\"buttons\">\n  <a href=\"../../t/falls/\">After a fall</a>\n</div>",
    ] {
        assert!(page.contains(shown), "{shown} in\n{page}");
    }
    assert!(page.contains("<p>After the code.</p>"), "{page}");
    for gone in ["TabItem", "&lt;/", "Widget", "syncKey", "exampleCode", "]("] {
        assert!(!page.contains(gone), "{gone} in\n{page}");
    }
}

#[test]
fn a_zola_body_shortcode_is_a_code_block_math_or_markdown_as_its_body_is() {
    // `{% mermaid() %}` … `{% end %}` bodies were shown as paragraphs ("graph TD;
    // A--&gt;B"): a diagram is code, math is TeX, a note's body is Markdown.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/docs/page.md",
        "+++\ntitle = \"Page\"\n+++\n\nIntro.\n\n\
         {% mermaid() %}\ngraph TD; A-->B\n  B-->C {{ x }}\n{% end %}\n\n\
         {% katex(block=true) %}\n\\frac{a}{b}\n{% end %}\n\n\
         Inline {% katex() %}x^2{% end %} here.\n\n\
         {% code(lang=\"python\") %}\nprint(1)\n{% end %}\n\n\
         {% plantuml() %}\n@startuml\nA -> B\n@enduml\n{% end %}\n\n\
         {% note(kind=\"tip\") %}\nA **tip**.\n{% end %}\n\n\
         Text {% mermaid() %} graph LR; X-->Y {% end %} after.\n\n\
         - item\n\n  {% mermaid() %}\n  graph LR; P-->Q\n  {% end %}\n",
    );
    let run = site.run(&["check", "--format", "json"]);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut found: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] != "orphan")
        .map(|d| {
            format!(
                "{} {}:{}",
                d["code"].as_str().unwrap(),
                d["line"],
                d["column"]
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            "mermaid 36:3",
            "mermaid 7:1",
            "unsupported-syntax 22:1",
            "unsupported-syntax 32:6",
        ],
        "{items:#}"
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: Zola shortcode `{% plantuml() %}` … `{% end %}` is not supported: attune does not draw plantuml diagrams",
        )
        .assert_stderr_contains(
            "warning: Zola shortcode `{% mermaid() %}` … `{% end %}` is not supported",
        )
        .assert_stderr_contains("everything up to `{% end %}` are left out of the page");
    let page = site.read("docs/page/index.html");
    for kept in [
        "<p>Intro.</p>\n<pre><code class=\"language-mermaid\">graph TD; A--&gt;B\n  B--&gt;C {{ x }}\n</code></pre>",
        "<math display=\"block\"><mfrac>",
        "Inline <math display=\"inline\"><msup>",
        "<code class=\"language-python\">",
        "<pre><code class=\"language-plantuml\">@startuml\nA -&gt; B\n@enduml\n</code></pre>",
        "<p>A <strong>tip</strong>.</p>",
        "<p>Text  after.</p>",
        "<li>\n<p>item</p>\n<pre><code class=\"language-mermaid\">graph LR; P--&gt;Q\n</code></pre>",
    ] {
        assert!(page.contains(kept), "{kept}\nin\n{page}");
    }
    for gone in ["{%", "X--", "<p>graph"] {
        assert!(!page.contains(gone), "{gone} in\n{page}");
    }
}

#[test]
fn a_zola_shortcode_may_have_spaces_before_its_parentheses() {
    // DeepThought (Zola theme): `{% mermaid () %}` … `{% end %}`, which Zola reads as
    // `{% mermaid() %}`, was a "Liquid tag" and its `{% end %}` another.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/docs/page.md",
        "+++\ntitle = \"Page\"\n+++\n\n{% wide () %}\nBody kept.\n{% end %}\n\n{{ youtube  (id=\"abc\") }}\n\n\
         {% mermaid () %}\ngraph TD; A-->B\n{% end %}\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: Zola shortcode `{% wide () %}` … `{% end %}` is not supported",
        )
        .assert_stderr_contains(
            "warning: Zola shortcode `{{ youtube  (id=\"abc\") }}` is not supported",
        )
        .assert_stderr_contains("warning: Mermaid diagrams are not drawn");
    assert!(!run.stderr.contains("Liquid"), "{}", run.stderr);
    assert_eq!(run.stderr.matches("warning:").count(), 3, "{}", run.stderr);
    let page = site.read("docs/page/index.html");
    assert!(page.contains("Body kept."), "{page}");
    assert!(
        page.contains("<code class=\"language-mermaid\">graph TD; A--&gt;B"),
        "{page}"
    );
    assert!(!page.contains("{%") && !page.contains("{{"), "{page}");
}

#[test]
fn one_directive_in_many_addresses_is_one_warning() {
    // PyO3's guide: `{{#PYO3_DOCS_URL}}` in 140 links of 23 chapters.
    let site = site();
    for (file, n) in [("a", 3), ("b", 2)] {
        let links: String = (0..n)
            .map(|i| format!("See [Py{i}]({{{{#PYO3_DOCS_URL}}}}/py{i}.html).\n\n"))
            .collect();
        site.write(
            &format!("content/t/{file}.md"),
            format!("---\ntitle: {file}\ndescription: d\n---\n{links}See [[a]] and [[b]].\n"),
        );
    }
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "warning: mdBook directive `{{#PYO3_DOCS_URL}}` in a link's address is not supported: the address needs the preprocessor that defines `PYO3_DOCS_URL` (5 uses of `PYO3_DOCS_URL` in addresses in 2 files, reported here as one) @ content/t/a.md:5:11"
    );
}

#[test]
fn a_tag_in_a_links_address_is_one_diagnostic_and_the_link_is_its_text() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\ndescription: d\n---\n\
         See [Py]({{#PYO3_DOCS_URL}}/pyo3/struct.Py.html) and ![Logo]({{#PYO3_DOCS_URL}}/logo.png).\n\n\
         Liquid [L1]({{ site.baseurl }}/a/) and Zola [Z1]({{ config.base_url }}/a), \
         Hugo [H1]({{< param \"docs\" >}}/x), in the middle [M1](https://example.org/{{ version }}/doc), \
         angled [A1](<{{ site.url }}/x y>) and by [reference][r].\n\n\
         [r]: {{ site.baseurl }}/r.html\n\n\
         A [ref]({{< ref \"b\" >}}) still links. Not an address: ](x {{ kept }}.\n",
    );
    site.write("content/t/b.md", "---\ntitle: B\ndescription: d\n---\nB.\n");
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("broken"), "{out}");
    assert!(!out.contains("does not exist"), "{out}");
    for expected in [
        "warning: mdBook directive `{{#PYO3_DOCS_URL}}` in a link's address is not supported: the address needs the preprocessor that defines `PYO3_DOCS_URL` @ content/t/a.md:5:10",
        "warning: mdBook directive `{{#PYO3_DOCS_URL}}` in an image's address is not supported: the address needs the preprocessor that defines `PYO3_DOCS_URL` @ content/t/a.md:5:62",
        "warning: template expression `{{ site.baseurl }}` in a link's address is not supported: attune does not run templates in content @ content/t/a.md:7:13",
        "warning: template expression `{{ config.base_url }}` in a link's address",
        "warning: Hugo shortcode `{{< param \"docs\" >}}` in a link's address",
        "warning: template expression `{{ version }}` in a link's address",
        "warning: template expression `{{ site.url }}` in a link's address",
        "warning: template expression `{{ site.baseurl }}` in a link's address is not supported: attune does not run templates in content @ content/t/a.md:9:6",
        "warning: template expression `{{ kept }}` is not supported",
    ] {
        assert!(out.contains(expected), "{expected}\nin\n{out}");
    }
    assert_eq!(
        out.matches("unsupported").count() + out.matches("not supported").count(),
        9,
        "{out}"
    );
    let run = site.run(&["check"]);
    run.assert_stderr_contains("the link is published as its text, leading nowhere")
        .assert_stderr_contains("the image is left out and its description shown as text");
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    for kept in [
        "See Py and Logo.",
        "Liquid L1 and Zola Z1, Hugo H1, in the middle M1, angled A1 and by reference.",
        ">ref</a> still links",
    ] {
        assert!(page.contains(kept), "{kept} in\n{page}");
    }
    for gone in [
        "attune-unfilled",
        "pyo3/struct",
        "logo.png",
        "<img",
        "r.html",
        "example.org",
    ] {
        assert!(!page.contains(gone), "{gone} in\n{page}");
    }
}

#[test]
fn a_tag_in_a_raw_html_address_is_one_diagnostic_at_the_tag() {
    // Jekyll's `<img src="{{ site.baseurl }}/…">`, Hugo's `<a href="{{< relref . >}}">`:
    // the tag was reported, then what was left of the address as a broken link.
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\ndescription: d\n---\n\
         Logo <img src=\"{{ site.baseurl }}/logo.png\" alt=\"The logo\"> and \
         <a href=\"{{< relref . >}}\">here</a>, <a href='{% link b.md %}' id=\"kept\">b</a>.\n\n\
         <video\n  poster=\"{{ .Site.BaseURL }}p.png\" src=\"v.mp4\" controls></video>\n\n\
         <img srcset=\"{{ site.url }}/big.png 2x\" src=\"v.png\" alt=\"V\"> \
         <a href=\"{{< ref \"b\" >}}\">B</a> <span title=\"{{ t }}\">s</span>\n",
    );
    site.write("content/t/b.md", "---\ntitle: B\ndescription: d\n---\nB.\n");
    site.write("content/t/v.mp4", "video");
    site.write("content/t/v.png", "png");
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("broken"), "{out}");
    assert!(!out.contains("does not exist"), "{out}");
    let reported: Vec<&str> = out.lines().filter(|l| !l.contains("orphan")).collect();
    assert_eq!(
        reported,
        [
            "warning: template expression `{{ site.baseurl }}` in the `src` of an HTML `<img>` is not supported: attune does not run templates in content @ content/t/a.md:5:16",
            "warning: Hugo shortcode `{{< relref . >}}` in the `href` of an HTML `<a>` is not supported: attune does not run templates in content @ content/t/a.md:5:74",
            "warning: Liquid tag `{% link b.md %}` in the `href` of an HTML `<a>` is not supported: attune does not run templates in content @ content/t/a.md:5:111",
            "warning: template expression `{{ .Site.BaseURL }}` in the `poster` of an HTML `<video>` is not supported: attune does not run templates in content @ content/t/a.md:8:11",
            "warning: template expression `{{ site.url }}` in the `srcset` of an HTML `<img>` is not supported: attune does not run templates in content @ content/t/a.md:10:14",
            "warning: template expression `{{ t }}` is not supported: attune does not run templates in content @ content/t/a.md:10:107",
        ],
        "{out}"
    );
    let run = site.run(&["check"]);
    run.assert_stderr_contains("the image is left out and its alt text shown in its place")
        .assert_stderr_contains("the `<video>` is published without its `poster`");
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    for kept in [
        "Logo The logo and <span class=\"missing-link\">here</span>, <a id=\"kept\">b</a>.",
        "<video src=\"../../t/v.mp4\" controls></video>",
        "<img src=\"../../t/v.png\" alt=\"V\">",
        ">B</a>",
    ] {
        assert!(page.contains(kept), "{kept} in\n{page}");
    }
    for gone in [
        "attune-unfilled",
        "logo.png",
        "big.png",
        "poster",
        "{{",
        "{%",
    ] {
        assert!(!page.contains(gone), "{gone} in\n{page}");
    }
}

#[test]
fn what_an_html_comment_holds_is_never_reported() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\ndescription: d\n---\n\
         Inline <!-- {{ x }} and [[not written]] --> text.\n\n\
         <!--\n{% if x %} {{< note >}} {{#title T}}\n[[nowhere]] [x](gone.md)\n-->\n\n\
         After {{ reported }}.\n",
    );
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    let reported: Vec<&str> = out.lines().filter(|l| !l.contains("orphan")).collect();
    assert_eq!(reported.len(), 1, "{out}");
    assert!(
        reported[0].contains("`{{ reported }}`") && reported[0].ends_with("a.md:12:7"),
        "{out}"
    );
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    assert!(
        page.contains("After .") || page.contains("After ."),
        "{page}"
    );
}

#[test]
fn a_c_header_include_in_code_is_code_and_a_file_include_in_code_is_read() {
    let site = site();
    // blog.rust-lang.org (Zola): C++ in a Rust `cpp!{{ … }}` macro.
    site.write(
        "content/t/a.md",
        "+++\ntitle = \"A\"\ndescription = \"d\"\n+++\n\
         ```rust\ncpp! {{\n    #include <cmath>\n}}\nlet q = {{ #include \"point.h\" }};\n\
         {{#include ../snippets/code.rs}}\n```\n\n\
         Inline `{{#include <vector>}}` too.\n\n\
         Out of code {{#include <string>}} is read as a path.\n",
    );
    site.write("content/snippets/code.rs", "fn from_a_file() {}\n");
    let (code, out) = check(&site);
    assert_ne!(code, 0, "{out}");
    let errors: Vec<&str> = out.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(
        errors,
        ["error: `{{#include <string>}}`: no file 'content/t/<string>' @ content/t/a.md:15:13"],
        "{out}"
    );
    site.write(
        "content/t/a.md",
        std::fs::read_to_string(site.path("content/t/a.md"))
            .unwrap()
            .replace("Out of code {{#include <string>}} is read as a path.\n", ""),
    );
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    for kept in [
        "cmath",
        "point.h",
        "from_a_file",
        "<code>{{#include &lt;vector&gt;}}</code>",
    ] {
        assert!(page.contains(kept), "{kept} in\n{page}");
    }
}

#[test]
fn display_math_over_lines_that_look_like_markdown_blocks_is_one_formula() {
    // From an Obsidian vault of math and physics notes: a row starting with `-`, and
    // blank lines between an aligned formula's rows, which Obsidian draws as one formula.
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nIntro.\n\n\
         $$\n\\frac{1}{2\\pi i} \\int_{\\gamma} f\n= \\sum_{i} k_i\n-  \\sum_{j} p_j\n$$\n\
         where $n$ is the [[winding number]].\n\n\
         we get the system\n$$\n\\begin{aligned}\na &= b \\\\\n\nc &= d\n\\end{aligned}\n$$\n\n\
         See [[nowhere]].\n",
    );
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    // Positions after the formulas are those of the file as written.
    assert!(
        out.contains("'winding number'") && out.contains("content/t/a.md:11:18"),
        "{out}"
    );
    assert!(out.contains("content/t/a.md:22:5"), "{out}");
    assert!(!out.contains("math"), "{out}");
    site.build().assert_code(0);
    let page = body(&site, "t/a/index.html");
    assert_eq!(
        page.matches("<math display=\"block\">").count(),
        2,
        "{page}"
    );
    assert!(!page.contains("$$") && !page.contains("<li>"), "{page}");
    assert!(page.contains("<mi>n</mi></math> is the"), "{page}");
}

#[test]
fn display_math_in_a_callout_or_quote_keeps_its_blank_lines() {
    // From a Quartz garden of engineering notes: an aligned formula in a callout, a
    // line of the callout that is only `>` between its rows. The formula was cut
    // there and its TeX shown as text, `$$` and all, with no warning.
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nIntro.\n\n\
         > [!example] Example 2\n> $$\n> \\begin{align}\n> x &= \\sin x + x^{2} \\\\\n>\n\
         > - x_{i} &= x_{i}^{2} \\\\\n> \\end{align}\n> $$\n> after the formula.\n\n\
         > > $$\n> > a \\\\\n> >\n> > b\n> > $$\n\n\
         > ```\n> $$\n> code\n>\n> $$\n> ```\n",
    );
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("math"), "{out}");
    site.build().assert_code(0);
    let page = site.read("t/a/index.html");
    let start = page.find("<div class=\"article-body\">").expect("a body");
    let page = &page[start..page.find("class=\"get-help\"").expect("its end")];
    assert_eq!(
        page.matches("<math display=\"block\">").count(),
        2,
        "{page}"
    );
    assert_eq!(page.matches("<mtr>").count(), 5, "{page}");
    assert!(page.contains("</math>\nafter the formula.</p>"), "{page}");
    assert!(!page.contains("<li>") && !page.contains('%'), "{page}");
    // In code, `$$` and the blank line stay as written.
    assert!(page.contains("$$\ncode\n\n$$"), "{page}");
}

#[test]
fn an_include_of_lines_or_an_anchor_the_file_lacks_follows_broken_links() {
    // bevy-cheatbook/bevy-cheatbook includes `smooth_movement.rs:interpolation-app`,
    // an anchor the file does not have (mdBook includes nothing, silently): with
    // broken_links = "warn" the build stopped all the same.
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nIntro.\n\n```rust\n{{#include ../code/move.rs:interpolation-app}}\n```\n\nLine {{#include ../code/move.rs:40}}.\n",
    );
    site.write(
        "content/code/move.rs",
        "// ANCHOR: interpolation\nfn lerp() {}\n// ANCHOR_END: interpolation\n",
    );
    site.build().assert_code(1).assert_stderr_contains(
        "error: `{{#include ../code/move.rs:interpolation-app}}`: no `ANCHOR: interpolation-app`",
    );
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\nbroken_links = \"warn\"\n\n[[topics]]\nid = \"t\"\ntitle = \"T\"\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: `{{#include ../code/move.rs:interpolation-app}}`: no `ANCHOR: interpolation-app` in the file (anchors there: interpolation)")
        .assert_stderr_contains("warning: `{{#include ../code/move.rs:40}}`: line 40 is past the end")
        .assert_stderr_contains("published without it: the directive is left out");
    let page = body(&site, "t/a/index.html");
    assert!(page.contains("Intro.") && !page.contains("lerp"), "{page}");
}

#[test]
fn a_zola_themes_admonition_is_the_callout_it_draws() {
    // welpo/tabi: `{% admonition(type="tip", title="…") %}` … `{% end %}` and the
    // one-line `{{ admonition(type="warning", text="…") }}` were "not supported",
    // the box's kind and title lost (the one-line form's text too).
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/docs/page.md",
        "+++\ntitle = \"Page\"\n+++\n\nIntro.\n\n\
         {% admonition(type=\"tip\", title=\"Tip: custom text, with commas\") %}\nA **tip**.\n{% end %}\n\n\
         {{ admonition(type=\"warning\", text=\"Set `x`, then \\\"y\\\".\") }}\n\n\
         {% wide_container() %}\nWide text.\n{% end %}\n",
    );
    let run = site.run(&["build"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("admonition"), "{}", run.stderr);
    // Another pair is reported as before, its `{% end %}` its own.
    assert_eq!(
        run.stderr.matches("not supported").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`{% wide_container() %}`"),
        "{}",
        run.stderr
    );
    let page = site.read("docs/page/index.html");
    assert!(page.contains("callout-tip"), "{page}");
    assert!(page.contains("Tip: custom text, with commas"), "{page}");
    assert!(page.contains("<p>A <strong>tip</strong>.</p>"), "{page}");
    assert!(page.contains("callout-warning"), "{page}");
    assert!(
        page.contains("<p>Set <code>x</code>, then “y”.</p>"),
        "{page}"
    );
    assert!(page.contains("<p>Wide text.</p>"), "{page}");
}

#[test]
fn apollos_note_is_the_callout_it_draws() {
    // not-matthias/apollo: `{{ note(header="Note!", body="…") }}` and the pair
    // `{% note(clickable=true, header="Quiz!") %}` … `{% end %}` were "not supported".
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "content/docs/page.md",
        "+++\ntitle = \"Page\"\n+++\n\nIntro.\n\n\
         {{ note(header=\"Note!\", body=\"This blog assumes basic terminal maturity\") }}\n\n\
         {% note(clickable=true, header=\"Quiz!\") %}\n\nMarkdown *inside*.\n\n{% end %}\n",
    );
    let run = site.run(&["build"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("note"), "{}", run.stderr);
    let page = site.read("docs/page/index.html");
    assert_eq!(page.matches("callout-note").count(), 2, "{page}");
    assert!(page.contains("Note!") && page.contains("Quiz!"), "{page}");
    assert!(
        page.contains("<p>This blog assumes basic terminal maturity</p>"),
        "{page}"
    );
    assert!(page.contains("<p>Markdown <em>inside</em>.</p>"), "{page}");
}

#[test]
fn zola_components_are_read_as_the_shortcodes_they_replace() {
    // Jieiku/abridge, on Zola 0.23: components in place of shortcodes —
    // `{{<youtube id="…" />}}`, `{{<img src="…" page={page} />}}`,
    // `{% <katex block={true}> %} … {% </katex> %}` — were reported as Hugo shortcodes
    // and Liquid tags, the TeX shown as text. They are Zola's: math, callouts and media
    // are drawn as Zola's shortcodes are; the others are reported as Zola's.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"T\"\n");
    site.write(
        "zola.toml",
        "base_url = \"https://example.org\"\ntitle = \"T\"\n",
    );
    site.write(
        "content/docs/page/ferris.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.write(
        "content/docs/page/index.md",
        concat!(
            "+++\ntitle = \"Page\"\n+++\n\nIntro.\n\n",
            "Inline {% <katex block={false}> %} e^{i\\pi}+1=0 {% </katex> %} math.\n\n",
            "{% <admonition type=\"tip\" title=\"A tip\"> %}\nA **tip**.\n{% </admonition> %}\n\n",
            "{{<img src=\"ferris.svg\" alt=\"Ferris\" caption=\"Ferris\" page={page} config={config} />}}\n\n",
            "{{ <youtube id=\"32gyFIWecuw\" /> }}\n\n",
            "{{<imgswap main_src=\"ferris.svg\" swap_src=\"ferris.svg\" page={page} />}}\n\n",
            "Before 0.23: {{ vimeo(id=\"514402648\") }}\n",
        ),
    );
    let run = site.run(&["build"]);
    run.assert_code(0);
    assert!(
        !run.stderr.contains("Hugo") && !run.stderr.contains("Liquid"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("not supported").count(),
        1,
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("Zola shortcode `{{ imgswap(");
    run.assert_stderr_contains("--> content/docs/page/index.md:17:1");
    let page = site.read("docs/page/index.html");
    for shown in [
        "<math",
        "callout-tip",
        "<p>A <strong>tip</strong>.</p>",
        "<img src=\"../../docs/page/ferris.svg\" alt=\"Ferris\"",
        "<a href=\"https://www.youtube.com/watch?v=32gyFIWecuw\">",
        "<a href=\"https://vimeo.com/514402648\">",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert!(!page.contains("e^{i") && !page.contains("{{"), "{page}");
}

#[test]
fn a_liquid_tags_whitespace_dash_is_no_part_of_its_name() {
    // Templater's docs (mdbook-tera): `{%- for … %}` … `{%- endfor %}` was a tag named
    // `-`, never paired with its end, and grouped as "uses of `-`".
    let site = site();
    let each = "{%- for fn in tp.functions %}\nText.\n{%- endfor %}\n\n";
    site.write(
        "content/t/a.md",
        format!("---\ntitle: A\n---\n{}", each.repeat(4)),
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: Liquid tag `{%- for fn in tp.functions %}` … `{%- endfor %}` is not supported: attune does not run templates in content (4 uses of the pair `for` in one file, reported here as one)",
    );
    assert!(!run.stderr.contains("`-`"), "{}", run.stderr);
}

#[test]
fn a_github_actions_expression_is_text_where_no_liquid_runs() {
    // HackTricks' pages on CI write `${{ env.TITLE }}` in prose: each was a template
    // expression left out of the page, the sentence losing its subject. On a Jekyll
    // site Liquid would run it, so there it is still reported.
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nAvoid ${{ env.TITLE }} in run: and ${{ secrets.TOKEN }}. Not {{ page.x }}.\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: template expression `{{ page.x }}` is not supported");
    assert_eq!(
        run.stderr.matches("template expression").count(),
        1,
        "{}",
        run.stderr
    );
    let a = body(&site, "t/a/index.html");
    assert!(
        a.contains("<p>Avoid ${{ env.TITLE }} in run: and ${{ secrets.TOKEN }}. Not .</p>"),
        "{a}"
    );
    site.write("content/_config.yml", "title: T\n");
    let run = site.build();
    assert_eq!(
        run.stderr.matches("template expression").count(),
        3,
        "{}",
        run.stderr
    );
}

#[test]
fn links_to_a_docusaurus_doc_s_own_address_lead_to_it() {
    // 0xMiden's docs: `[imports](./imports-dependencies)` for `01-imports-dependencies.md`,
    // as Docusaurus takes number prefixes off names; nine links were broken.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write(
        "docs/02-guide/01-imports.md",
        "---\ntitle: Imports\n---\n## Paths\n\nText.\n",
    );
    site.write(
        "docs/02-guide/03-faq.md",
        "---\nid: questions\ntitle: FAQ\n---\nText.\n",
    );
    site.write(
        "docs/02-guide/02-guide.md",
        "---\ntitle: Guide\n---\nSee [imports](./imports#paths), [the FAQ](questions), [from the root](/docs/guide/imports) and [dated](./2021-01-notes).\n",
    );
    site.write(
        "docs/02-guide/2021-01-notes.md",
        "---\ntitle: Notes\n---\nText. [Start](/docs/getting-started), [more](more).\n",
    );
    // A `slug:` is the whole address, from the docs' root or the doc's folder.
    site.write(
        "docs/02-guide/04-start.md",
        "---\ntitle: Start\nslug: /getting-started\n---\nText.\n",
    );
    site.write(
        "docs/02-guide/05-more.md",
        "---\ntitle: More\nslug: more\n---\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let guide = site.read("02-guide/02-guide/index.html");
    for href in [
        "href=\"../../02-guide/01-imports/#paths\"",
        "href=\"../../02-guide/03-faq/\"",
        "href=\"../../02-guide/2021-01-notes/\"",
    ] {
        assert!(guide.contains(href), "{href}\n{guide}");
    }
    // A redirect stands at each address Docusaurus gave, so bookmarks arrive too.
    let redirect = site.read("guide/imports/index.html");
    assert!(redirect.contains("02-guide/01-imports/"), "{redirect}");
    assert!(site.path("public/guide/questions/index.html").exists());
    // The page stays at its path.
    let notes = site.read("02-guide/2021-01-notes/index.html");
    for href in [
        "href=\"../../02-guide/04-start/\"",
        "href=\"../../02-guide/05-more/\"",
    ] {
        assert!(notes.contains(href), "{href}\n{notes}");
    }
    assert!(site.path("public/getting-started/index.html").exists());
}

#[test]
fn a_docusaurus_sites_keys_order_and_docs_route_links_are_read_as_docusaurus_reads_them() {
    // prettier/prettier: `docs/` beside `website/docusaurus.config.js`; `id:` in 24
    // files was an unknown key, `sidebar_position` no order, and links written to the
    // docs' route (`/docs/options#quotes`) broken.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\nbase_url = \"https://example.org/\"\n\n[build]\ncontent_dir = \"docs\"\nbroken_links = \"warn\"\n",
    );
    site.write("website/docusaurus.config.js", "module.exports = {};\n");
    site.write(
        "docs/guide/options.md",
        "---\nid: options\ntitle: Options\nsidebar_position: 2\nsidebar_label: All options\nhide_title: false\n---\n## Quotes\n\nText.\n",
    );
    site.write(
        "docs/guide/install.md",
        "---\nid: install\ntitle: Install\nsidebar_position: 1\n---\nSee [quotes](/docs/guide/options#quotes) and [the start](/docs/).\n",
    );
    site.write(
        "docs/index.md",
        "---\ntitle: Start\n---\nWelcome.\n\n![Logo](/img/logo.png)\n",
    );
    site.write("website/static/img/logo.png", "PNG");
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("unknown front matter key"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("broken link"), "{}", run.stderr);
    // The image is in Docusaurus' static folder, which the help names.
    run.assert_stderr_contains("set `static_dir = \"website/static\"` under [build]");
    let install = site.read("guide/install/index.html");
    assert!(
        install.contains("href=\"../../guide/options/#quotes\""),
        "{install}"
    );
    let hub = site.read("guide/index.html");
    let at = |needle: &str| {
        hub.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {hub}"))
    };
    assert!(at(">Install<") < at(">Options<"), "{hub}");
    // Without the site's settings, `/docs/` is no route and `id` is unknown.
    std::fs::remove_file(site.path("website/docusaurus.config.js")).unwrap();
    let run = site.build();
    assert!(
        run.stderr.contains("unknown front matter key `id`"),
        "{}",
        run.stderr
    );
}

#[test]
fn links_to_a_docusaurus_sites_own_docs_route_lead_to_its_docs() {
    // OlympusDAO's docs: `routeBasePath: "/main"` (its old GitBook's paths): 342 links
    // written to `/main/…` in 168 files were broken and published as text. The blog's
    // own route is not the docs'.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write(
        "docusaurus.config.js",
        "module.exports = {\n  presets: [[\"classic\", {\n    blog: { routeBasePath: \"/news\" },\n    \
         docs: {\n      // defaults to docs\n      routeBasePath: \"/main\",\n    },\n  }]],\n};\n",
    );
    site.write(
        "docs/overview/00_intro.md",
        "# Intro\n\nSee [the tokens](/main/overview/tokens#supply) and [home](/main/).\n",
    );
    site.write(
        "docs/overview/01_tokens.md",
        "# Tokens\n\n## Supply\n\nText.\n",
    );
    site.write(
        "docs/index.md",
        "# Start\n\nRead [the intro](/main/overview/intro).\n",
    );
    let run = site.build();
    run.assert_code(0);
    let intro = site.read("overview/00_intro/index.html");
    assert!(
        intro.contains("href=\"../../overview/01_tokens/#supply\""),
        "{intro}"
    );
    assert!(site
        .read("index.html")
        .contains("href=\"./overview/00_intro/\""));
    // The blog's route is not the docs'.
    site.write(
        "docs/index.md",
        "# Start\n\nRead [the intro](/news/overview/intro).\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to '/news/overview/intro'");
}

#[test]
fn an_astro_starlight_sites_own_keys_are_not_unknown_and_two_texts_name_no_tool() {
    // AerynOS' site: `tableOfContents`, `template`, `prev`, `next` and `lastUpdated`
    // were unknown keys, and a folder's `index.md` beside its `index.mdx` was said to
    // be read "as Hugo reads it".
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \"src/content/docs\"\n",
    );
    site.write("astro.config.mjs", "export default {}\n");
    site.write(
        "src/content/docs/guide.md",
        "---\ntitle: Guide\ntemplate: splash\ntableOfContents: false\nprev: false\nnext: false\nlastUpdated: 2024-01-02\nsidebar:\n  order: 2\nhero:\n  tagline: Calm\nmood: calm\n---\nText.\n",
    );
    site.write(
        "src/content/docs/news/index.md",
        "---\ntitle: News\n---\nOne.\n",
    );
    site.write(
        "src/content/docs/news/index.mdx",
        "---\ntitle: News\n---\nTwo.\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("unknown front matter key `mood`")
        .assert_stderr_contains("news/index.md is read, so this file is not published");
    for key in [
        "template",
        "tableOfContents",
        "prev",
        "next",
        "lastUpdated",
        "sidebar",
        "hero",
    ] {
        assert!(
            !run.stderr.contains(&format!("key `{key}`")),
            "{key}: {}",
            run.stderr
        );
    }
    // Without Astro's settings the keys are unknown, as on any site.
    site.remove("astro.config.mjs");
    site.build()
        .assert_code(0)
        .assert_stderr_contains("unknown front matter key `tableOfContents`");
}

#[test]
fn a_starlight_slug_is_the_pages_whole_address_from_the_docs_root() {
    // the-nix-guide: `nixos/01-getting-started.md` has `slug: nixos/getting-started`
    // and pages link `/nixos/getting-started`; the slug was read as Hugo's last part of
    // the address (`/nixos/nixos-getting-started/`), so those links were broken.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \"src/content/docs\"\n",
    );
    site.write("astro.config.mjs", "export default {}\n");
    site.write(
        "src/content/docs/nixos/01-getting-started.md",
        "---\ntitle: Getting started\nslug: nixos/getting-started\n---\nText.\n",
    );
    site.write(
        "src/content/docs/start.md",
        "---\ntitle: Start\nslug: ''\n---\nRead [the first steps](/nixos/getting-started) and [again](/nixos/getting-started/).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let start = site.read("start/index.html");
    assert_eq!(
        start
            .matches("href=\"../nixos/01-getting-started/\"")
            .count(),
        2,
        "{start}"
    );
    let moved = site.read("nixos/getting-started/index.html");
    assert!(moved.contains("01-getting-started/"), "{moved}");
    assert!(!site.path("public/nixos/nixos-getting-started").exists());
}

#[test]
fn a_jsx_style_object_in_an_html_tag_is_left_out_without_a_report() {
    // Adalo's Docusaurus docs: `<img src="/img/a.png" style={{maxWidth: 300 }}/>` in
    // `.md` pages was a template expression, reported, and `style=` was left in the
    // tag; the site's Content-Security-Policy applies no inline style anyway.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Docs\"\n");
    site.write("content/guide/a.png", "png");
    site.write(
        "content/guide/setup.md",
        "---\ntitle: Setup\n---\nOpen settings.\n\n<img src=\"a.png\" alt=\"Settings\" style={{maxWidth: 300 }}/>\n\n<div\n  style={{margin: '0 auto'}}>\nCentred.\n</div>\n\nWrite `style={{x: 1}}` in JSX. See [gone](nowhere.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    // The one problem left is at its place as written.
    run.assert_stderr_contains(
        "warning: 'nowhere.md' is not written yet: shown as plain text\n  --> content/guide/setup.md:13:36",
    );
    assert!(!run.stderr.contains("template"), "{}", run.stderr);
    let page = site.read("guide/setup/index.html");
    assert!(
        page.contains("<img src=\"../../guide/a.png\" alt=\"Settings\"/>"),
        "{page}"
    );
    assert!(page.contains("<code>style={{x: 1}}</code>"), "{page}");
    assert!(
        !page.contains("maxWidth") && !page.contains("margin"),
        "{page}"
    );
}

#[test]
fn a_jsx_file_expression_in_an_html_tag_is_the_path_it_names() {
    // Onion's Docusaurus docs: `src={require("./assets/plan.png").default}` in an
    // `.mdx` page's `<img>` (twelve times in one guide) was read as an address, an
    // image missing; so was `useBaseUrl('/img/logo.svg')` and `@site/static/`.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\nstatic_dir = \"static\"\nbroken_links = \"warn\"\n",
    );
    site.write("content/guide/assets/plan.png", "png");
    site.write("static/img/logo.svg", "<svg/>");
    site.write(
        "content/guide/design.mdx",
        "---\ntitle: Design\n---\nThe plan.\n\n<div style={{ textAlign: 'center' }}>\n  <img\n    src={require(\"./assets/plan.png\").default}\n    alt=\"Plan\"\n    style={{ maxWidth: '100%' }}\n  />\n</div>\n\n<img src={useBaseUrl('/img/logo.svg')} alt=\"Logo\" />\n<img src={require('@site/static/img/logo.svg').default} alt=\"Logo again\" />\n<img src={require('./assets/gone.png').default} alt=\"Gone\" />\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: image './assets/gone.png' does not exist\n  --> content/guide/design.mdx:16:10",
    );
    // The one problem: the images found are not reported.
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    let page = site.read("guide/design/index.html");
    assert!(
        page.contains("src=\"../../guide/assets/plan.png\""),
        "{page}"
    );
    assert!(
        page.contains("src=\"../../img/logo.svg\" alt=\"Logo\""),
        "{page}"
    );
    assert!(
        page.contains("src=\"../../img/logo.svg\" alt=\"Logo again\""),
        "{page}"
    );
    assert!(!page.contains("require"), "{page}");
}

#[test]
fn a_docusaurus_sites_md_pages_are_mdx_as_docusaurus_reads_them() {
    // Docusaurus reads `.md` pages as MDX unless its settings say `format: 'detect'`:
    // OnionIoT's and 0xMiden's docs import `Tabs` and their own components in `.md`
    // pages. attune showed the `import` lines as a paragraph, the tabs without their
    // labels, and left `<YouTube />` in the page as an unknown element, unreported.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("website/docusaurus.config.js", "module.exports = {};\n");
    site.write(
        "docs/install.md",
        "---\ntitle: Install\n---\nimport Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\nPick one.\n\n<Tabs>\n<TabItem value=\"mac\" label=\"macOS\">\n\nRun **brew**.\n\n</TabItem>\n<TabItem value=\"win\" label=\"Windows\">\n\nRun the installer.\n\n</TabItem>\n</Tabs>\n\n<YouTube id=\"x\" />\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: MDX component `<YouTube id=\"x\" />` is not supported")
        .assert_stderr_contains("--> docs/install.md:22:1");
    assert!(!run.stderr.contains("import"), "{}", run.stderr);
    let page = site.read("install/index.html");
    let body = &page[page.find("<div class=\"article-body\">").unwrap()..];
    let body = &body[..body.find("</div>").unwrap()];
    assert_eq!(
        body.trim_end(),
        "<div class=\"article-body\">\n<p>Pick one.</p>\n<p><strong>macOS</strong></p>\n<p>Run <strong>brew</strong>.</p>\n<p><strong>Windows</strong></p>\n<p>Run the installer.</p>"
    );
    // With `format: 'detect'`, a `.md` page is CommonMark, as Docusaurus reads it.
    site.write(
        "website/docusaurus.config.js",
        "module.exports = { markdown: { format: 'detect' } };\n",
    );
    let run = site.build();
    assert!(!run.stderr.contains("MDX"), "{}", run.stderr);
    assert!(site
        .read("install/index.html")
        .contains("<p>import Tabs from"));
}

#[test]
fn an_mdx_partial_a_page_imports_shows_its_text_where_its_tag_is() {
    // OnionIoT/documentation-2: 84 pages `import BuildEnvNotes from
    // '../firmware/_build-env-notes.mdx';` then `<BuildEnvNotes tool="OpenWRT SDK" />`,
    // the partial's `{props.tool}` filled, and partials importing partials. Each tag was
    // an unknown component, reported, its text lost.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \"docs\"\nbroken_links = \"warn\"\n",
    );
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write(
        "docs/firmware/_build-env-notes.mdx",
        "The build tools, including the {props.tool}, run on Linux.\n\nimport WslNote from './_wsl-note.mdx';\n\n<WslNote/>\n",
    );
    // Its links are read from its own folder, as Docusaurus compiles it on its own.
    site.write(
        "docs/firmware/_wsl-note.mdx",
        "On Windows, use **WSL**; then [flash it](./flash.md).\n",
    );
    site.write("docs/firmware/flash.md", "# Flash\n\nFlash it.\n");
    site.write(
        "docs/packages/compile.md",
        "---\ntitle: Compile\n---\nimport BuildEnvNotes from '../firmware/_build-env-notes.mdx';\nimport Gone from './_gone.mdx';\n\nFirst:\n\n<BuildEnvNotes tool=\"OpenWRT SDK\" />\n\n<Gone />\n\n```jsx\n<BuildEnvNotes tool=\"shown as code\" />\n```\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: `import … from './_gone.mdx'`: no file 'docs/packages/_gone.mdx'",
        )
        .assert_stderr_contains("--> docs/packages/compile.md:11:1");
    assert!(!run.stderr.contains("MDX"), "{}", run.stderr);
    let page = site.read("packages/compile/index.html");
    for shown in [
        "<p>The build tools, including the OpenWRT SDK, run on Linux.</p>",
        "<p>On Windows, use <strong>WSL</strong>; then <a href=\"../../firmware/flash/\" id=\"ref-1\">flash it</a>.</p>",
        "&lt;BuildEnvNotes tool=\"shown as code\" /&gt;",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert!(!page.contains("import"), "{page}");
    // A partial is no page of its own, as Docusaurus reads a file whose name starts `_`.
    assert!(!site.path("public/firmware/_build-env-notes").exists());
    // Named by its path in the site, from the folder holding the settings
    // (Open-Attestation: `import Intro from "/src/reusables/_intro.mdx";`, 27 such
    // includes on 16 pages, were "outside the site's folder").
    site.write("src/reusables/_intro.mdx", "Shared introduction text.\n");
    site.write("src/reusables/_outro.mdx", "Shared closing text.\n");
    site.write(
        "docs/packages/shared.md",
        "# Shared\n\nimport Intro from \"/src/reusables/_intro.mdx\";\nimport Outro from '@site/src/reusables/_outro.mdx';\n\n<Intro />\n\n<Outro />\n",
    );
    let run = site.build();
    assert!(!run.stderr.contains("shared.md"), "{}", run.stderr);
    let page = site.read("packages/shared/index.html");
    assert!(page.contains("<p>Shared introduction text.</p>"), "{page}");
    assert!(page.contains("<p>Shared closing text.</p>"), "{page}");
}

#[test]
fn a_docusaurus_page_finds_static_files_as_its_bundler_does() {
    // OfferZen's mentoring guide (Docusaurus): `![…](<//img/assets/grow-goals.png>)`
    // in 7 files, which Docusaurus reads as a path into `static/` (Node's `url.parse`
    // takes no host from it), were "7 remote images from img"; and
    // `[template](../../static/docs/swot.pdf)`, a file's path on disk the bundler
    // follows, "led outside the site".
    let site = Fixture::empty();
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write(
        "book.toml",
        "[site]\ntitle = \"Guide\"\n\n[build]\ncontent_dir = \"docs\"\nstatic_dir = \"static\"\nbroken_links = \"warn\"\n",
    );
    site.write("static/img/assets/grow.png", "png");
    site.write("static/docs/swot.pdf", "pdf");
    site.write(
        "docs/growth/goals.md",
        "# Goals\n\n![The GROW model](<//img/assets/grow.png>)\n\nGet [the template](../../static/docs/swot.pdf) and ![gone](<//img/assets/gone.png>).\n\n\
         ![Steps](pathname:///img/assets/grow.png) and ![lost](pathname:///img/lost.png)\n",
    );
    // `pathname://`, a path the bundler leaves as it is (the hiring guide's
    // `pathname:///img/…` images): published as written, a broken image neither
    // `check` nor a link checker could see.
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: image '/img/assets/gone.png' does not exist\n --> docs/growth/goals.md:5:52",
    );
    run.assert_stderr_contains("warning: image '/img/lost.png' does not exist");
    assert_eq!(run.stderr.matches("warning:").count(), 2, "{}", run.stderr);
    let page = site.read("growth/goals/index.html");
    assert!(
        page.contains("src=\"../../img/assets/grow.png\" alt=\"Steps\""),
        "{page}"
    );
    assert!(!page.contains("pathname:"), "{page}");
    assert!(page.contains("src=\"../../img/assets/grow.png\""), "{page}");
    assert!(page.contains("href=\"../../docs/swot.pdf\""), "{page}");
    // Elsewhere `//img/…` is another server's address, as browsers read it: said so,
    // with the path to write.
    std::fs::remove_file(site.path("docusaurus.config.js")).unwrap();
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: image '//img/assets/grow.png' will not load: `//` starts another server's address, and `img` is none")
        .assert_stderr_contains("help: a path from the site's root starts with one `/`: write `/img/assets/grow.png`");
}

/// An MDX `export` whose JavaScript runs on past a blank line (a function a page
/// exports, its body over paragraphs of code) ends where its brackets close, as MDX
/// reads it: 203-Systems/Matrix-Wiki's pages showed 20 such functions' bodies as text.
#[test]
fn a_file_missing_from_the_static_folder_is_missing_not_outside_the_site() {
    // onlineBeratung's `../../../static/img/…/27_Screenshot.png`, absent: the path is
    // right, only the file is not there.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"R\"\n\n[build]\ncontent_dir = \"docs\"\nstatic_dir = \"static\"\nbroken_links = \"warn\"\n",
    );
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write("static/img/present.png", "png");
    site.write(
        "docs/guide/page.md",
        "# Guide\n\n![ok](../../static/img/present.png)\n\n![missing](../../static/img/presnt.png)\n",
    );
    let check = site.run(&["check"]);
    check
        .assert_stderr_contains("image '../../static/img/presnt.png' does not exist")
        .assert_stderr_contains("did you mean");
    assert!(
        !check.stderr.contains("outside the site"),
        "{}",
        check.stderr
    );
    assert!(
        !check.stderr.contains("present.png' does not"),
        "{}",
        check.stderr
    );
}

#[test]
fn a_docusaurus_site_s_component_modules_are_not_published() {
    // onlineBeratung's `docs/components.jsx`, imported by its pages, was copied to
    // `public/components.jsx`; Docusaurus only bundles it.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"R\"\n\n[build]\ncontent_dir = \"docs\"\nunsupported_syntax = \"warn\"\n",
    );
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write(
        "docs/uses.mdx",
        "# Uses\n\nimport { Bold } from \"./components.jsx\";\n\nSome <Bold>text</Bold>.\n",
    );
    site.write(
        "docs/components.jsx",
        "export const Bold = ({children}) => <b>{children}</b>;\n",
    );
    site.write(
        "docs/parts/Card.tsx",
        "export default function Card() { return null; }\n",
    );
    site.write("docs/helpers.js", "module.exports = {};\n");
    site.write("docs/diagram.png", "png");
    site.build().assert_code(0);
    for module in ["components.jsx", "parts/Card.tsx", "helpers.js"] {
        assert!(!site.path(&format!("public/{module}")).exists(), "{module}");
    }
    assert!(site.path("public/diagram.png").exists());
}

#[test]
fn an_mdx_export_runs_past_blank_lines_to_the_end_of_its_code() {
    let site = site();
    site.write(
        "content/t/demo.mdx",
        "---\ntitle: Demo\n---\nimport Pad from \"@site/src/components/Pad\";\n\n## Control bar\n\n\
         export function Bar() {\n\n    const elements = [\n    {\n        \"name\": \"Note Pad\",\n\n        \"desc\": \"Tap it.\"\n    },\n    ];\n\n    return <Pad elements={elements} />;\n}\n\n\
         <Bar />\n\nThe bar sits on top.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: MDX statement `export function Bar() {");
    let page = site.read("t/demo/index.html");
    for gone in ["Note Pad", "Tap it", "elements", "return"] {
        assert!(!page.contains(gone), "{gone}: {page}");
    }
    assert!(page.contains("<p>The bar sits on top.</p>"), "{page}");
}

/// testing-library/testing-library-docs: "then you only need to / import the following
/// modules into your test file:" lost its second line, read as an MDX statement and
/// reported. MDX reads `import` and `export` only where a block starts; a paragraph's
/// next line is its text, and a statement after a heading or a blank line still one.
#[test]
fn a_line_of_prose_starting_with_import_goes_on_with_its_paragraph() {
    let site = site();
    site.write(
        "content/t/migrate.mdx",
        "---\ntitle: Migrate\n---\nimport Tabs from \"@theme/Tabs\";\n\n## Setup\nimport Pad from \"./pad\";\n\n\
         If you use Jest, then you only need to\nimport the following modules into your test file:\n\n\
         - a list item that goes on\n  export the names too.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: MDX statement `import Pad from \"./pad\";`");
    assert!(
        !run.stderr.contains("import the following"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("export the names"), "{}", run.stderr);
    let page = site.read("t/migrate/index.html");
    assert!(
        page.contains("<p>If you use Jest, then you only need to\nimport the following modules into your test file:</p>"),
        "{page}"
    );
    assert!(page.contains("export the names too."), "{page}");
    assert!(!page.contains("Pad"), "{page}");
}

/// Docusaurus' sidebars are the site's contents, as MkDocs' `nav` is: the docs they
/// name by id (path without number prefixes, or front matter `id`) take their order
/// and are no orphans (Agile4Enterprise/guide: 12 orphan warnings, its only ones);
/// a doc they leave out is still one, and a folder they make `autogenerated` follows
/// the folders.
#[test]
fn docusaurus_sidebars_order_the_docs_they_name_and_leave_none_an_orphan() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write(
        "sidebars.js",
        "// @ts-check\nconst sidebars = {\n  guide: [\n    'intro',\n    {\n      type: 'category',\n      label: 'Care',\n      \
         items: ['care/zinc', { type: 'doc', id: 'care/questions', label: 'Questions' }, 'care/apple'],\n    },\n    \
         { type: 'autogenerated', dirName: 'extras' },\n  ],\n};\n\nmodule.exports = sidebars;\n",
    );
    site.write("docs/intro.md", "# Welcome\n\nText.\n");
    site.write("docs/care/01-zinc.md", "# Zinc first\n\nText.\n");
    site.write(
        "docs/care/faq.md",
        "---\nid: questions\n---\nNo heading here.\n",
    );
    site.write("docs/care/apple.md", "# Apple last\n\nText.\n");
    site.write("docs/care/unlisted.md", "# Unlisted\n\nText.\n");
    site.write("docs/extras/tips.md", "# Tips\n\nText.\n");
    let run = site.build();
    run.assert_code(0);
    let hub = site.read("care/index.html");
    let at = |needle: &str| {
        hub.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {hub}"))
    };
    assert!(at("Zinc first") < at(">Questions<"));
    assert!(at(">Questions<") < at("Apple last"));
    let check = site.run(&["check"]);
    check.assert_stderr_contains("'unlisted' is an orphan");
    for listed in ["'zinc'", "'faq'", "'apple'", "'questions'", "'tips'"] {
        assert!(
            !check.stderr.contains(&format!("{listed} is an orphan")),
            "{listed}: {}",
            check.stderr
        );
    }
}

/// Docusaurus' `_category_.json` (or `.yml`) names a folder of docs and places it
/// among its neighbours: OfferZen's hiring guide's eleven numbered chapters came out by
/// folder name ("Reaching out", third, was tenth), developers-finance's under their
/// folders' names.
#[test]
fn a_docusaurus_category_file_names_and_places_its_folder() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Guide\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write(
        "docs/reaching-out/_category_.json",
        "{\"label\": \"📨 Reaching out\", \"position\": 1}",
    );
    site.write("docs/reaching-out/email.md", "# Email\n\nText.\n");
    site.write(
        "docs/about/_category_.yml",
        "label: About this guide\nposition: 2\n",
    );
    site.write("docs/about/intro.md", "# Intro\n\nText.\n");
    site.write(
        "docs/about/more/_category_.json",
        "{\"label\": \"More reading\"}",
    );
    site.write("docs/about/more/books.md", "# Books\n\nText.\n");
    site.write("docs/about/more/films.md", "# Films\n\nText.\n");
    site.build().assert_code(0);
    let home = site.read("index.html");
    let at = |needle: &str| {
        home.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {home}"))
    };
    assert!(at("📨 Reaching out") < at("About this guide"), "{home}");
    let more = site.read("about/more/index.html");
    assert!(more.contains("<title>More reading"), "{more}");
    // Settings, which Docusaurus does not publish.
    assert!(!site.path("public/about/more/_category_.json").exists());
    assert!(!site.path("public/about/_category_.yml").exists());
}

/// A `_category_` file's `link: {type: 'generated-index'}` asks Docusaurus for a page
/// listing the folder's docs, with its `description` under the title, at
/// `/docs/category/<the label's slug>` or its `slug` (the create-docusaurus template's
/// `tutorial-basics`; health-survival links `/category/sas-survival-guide`): the
/// folder's hub is that page, the description its text, and links to the address lead
/// to it, which keeps a redirect.
#[test]
fn a_docusaurus_generated_index_is_its_folder_s_hub() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Guide\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write(
        "docs/tutorial-basics/_category_.json",
        "{\"label\": \"Tutorial - Basics\", \"position\": 2, \"link\": {\"type\": \"generated-index\", \
         \"description\": \"5 minutes to learn the most important Docusaurus concepts.\"}}",
    );
    site.write(
        "docs/tutorial-basics/create-a-page.md",
        "# Create a Page\n\nText.\n",
    );
    site.write(
        "docs/tutorial-basics/more/_category_.yml",
        "label: More\nlink:\n  type: generated-index\n  slug: /extras\n  description: Further reading.\n",
    );
    site.write("docs/tutorial-basics/more/books.md", "# Books\n\nText.\n");
    site.write(
        "docs/intro.md",
        "# Intro\n\nSee [the basics](/docs/category/tutorial---basics), [extras](/docs/extras) \
         and [also](/category/tutorial---basics).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let hub = site.read("tutorial-basics/index.html");
    assert!(
        hub.contains(
            r#"<p class="lede">5 minutes to learn the most important Docusaurus concepts.</p>"#
        ),
        "{hub}"
    );
    let more = site.read("tutorial-basics/more/index.html");
    assert!(
        more.contains(r#"<p class="lede">Further reading.</p>"#),
        "{more}"
    );
    let intro = site.read("intro/index.html");
    assert!(
        intro.contains(r#"<a href="../tutorial-basics/" id="ref-1">the basics</a>"#),
        "{intro}"
    );
    assert!(
        intro.contains(r#"<a href="../tutorial-basics/more/" id="ref-2">extras</a>"#),
        "{intro}"
    );
    assert!(
        intro.contains(r#"<a href="../tutorial-basics/" id="ref-3">also</a>"#),
        "{intro}"
    );
    // The old address is a redirect to the hub.
    let old = site.read("category/tutorial---basics/index.html");
    assert!(old.contains("tutorial-basics/"), "{old}");
    assert!(site.path("public/extras/index.html").exists());
}

/// Where Docusaurus' settings say the sidebars are: `sidebarPath` names a file
/// elsewhere (`require.resolve('./config/sidebars.js')`), or, with no `sidebarPath`
/// and no sidebars file, Docusaurus makes the whole sidebar from the folders
/// (OpenBeta/docs.openbeta.io's `autogenerated` `dirName: '.'`: 8 orphan warnings for
/// docs its sidebar lists); `sidebarPath: false` is no sidebar.
#[test]
fn docusaurus_sidebars_are_read_where_the_settings_say() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("docs/start/intro.md", "# Welcome\n\nText.\n");
    site.write("docs/guides/first.md", "# First\n\nText.\n");
    site.write("docs/guides/second.md", "# Second\n\nText.\n");
    let orphans = |site: &Fixture| {
        let check = site.run(&["check"]);
        ["'intro'", "'first'", "'second'"]
            .into_iter()
            .filter(|name| check.stderr.contains(&format!("{name} is an orphan")))
            .collect::<Vec<_>>()
    };
    site.write(
        "docusaurus.config.js",
        "module.exports = {\n  presets: [['classic', { docs: {\n    \
         sidebarPath: require.resolve('./config/sidebars.js'),\n  } }]],\n};\n",
    );
    site.write(
        "config/sidebars.js",
        "module.exports = {\n  docs: [{ type: 'autogenerated', dirName: './guides/' }],\n};\n",
    );
    assert_eq!(orphans(&site), ["'intro'"]);
    site.write(
        "docusaurus.config.js",
        "module.exports = { presets: [['classic', { docs: { routeBasePath: '/' } }]] };\n",
    );
    assert_eq!(orphans(&site), Vec::<&str>::new());
    site.write(
        "docusaurus.config.js",
        "module.exports = { presets: [['classic', { docs: { sidebarPath: false } }]] };\n",
    );
    assert_eq!(orphans(&site), ["'intro'", "'first'", "'second'"]);
}

/// withastro/starlight: its home page (`template: splash`) and 16 translations hold
/// their text in `hero` (`title`, `tagline`, `actions`), which Starlight draws at the
/// page's top; attune published them without it, and said nothing. It is the page's
/// first text now, its links checked, as a VitePress home page's hero is.
#[test]
fn a_starlight_pages_hero_is_its_first_text() {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Demo\"\n\n[build]\ncontent_dir = \"src/content/docs\"\noutput_dir = \"dist\"\n",
    );
    site.write("astro.config.mjs", "export default {}\n");
    site.write(
        "src/content/docs/index.mdx",
        "---\ntitle: Demo docs\ntemplate: splash\nhero:\n  title: Make your docs shine\n  tagline: Everything you need.\n  actions:\n    - text: Get started\n      link: /getting-started/\n      icon: right-arrow\n---\n\nBody.\n",
    );
    site.write(
        "src/content/docs/getting-started.md",
        "---\ntitle: Getting started\n---\nText.\n",
    );
    site.build().assert_code(0);
    let home = std::fs::read_to_string(site.path("dist/index.html")).unwrap();
    assert!(
        home.contains("<h1 id=\"make-your-docs-shine\">Make your docs shine <a"),
        "{home}"
    );
    assert!(home.contains("<p>Everything you need.</p>\n<p><a href=\"./getting-started/\" id=\"ref-1\">Get started</a></p>\n<p>Body.</p>"), "{home}");
}

#[test]
fn a_docusaurus_sites_number_prefixes_place_its_docs_and_folders() {
    // Seneca's OPS102 course and a Paratext training manual: `01-what.md` …
    // `14-loop.md`, `7.PN.md` … `10.BT.md`, folders `03-Stage-2/`. Docusaurus'
    // autogenerated sidebar places each by its prefix where no `sidebar_position` or
    // `position` is given; attune listed them by title, lesson 1 last and 10 before 7.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("docusaurus.config.js", "module.exports = {title: 'x'};\n");
    site.write(
        "sidebars.js",
        "module.exports = {s: [{type: 'autogenerated', dirName: '.'}]};\n",
    );
    for (file, title) in [
        ("01-Stage/00-Overview.md", "Overview"),
        ("01-Stage/7.PN.md", "Proper names"),
        ("01-Stage/8.SP.md", "Spelling"),
        ("01-Stage/10.BT.md", "Biblical terms"),
        ("01-Stage/99-first.md", "Placed first"),
        ("03-intro.md", "Intro"),
        ("02-Later/a.md", "Alpha"),
        ("04-More/b.md", "Beta"),
    ] {
        let front = match title {
            "Placed first" => "---\nsidebar_position: 1\n---\n",
            _ => "",
        };
        site.write(
            &format!("docs/{file}"),
            format!("{front}# {title}\n\nText.\n"),
        );
    }
    site.write(
        "docs/02-Later/_category_.json",
        "{\"label\": \"Later\", \"position\": 5}\n",
    );
    site.build().assert_code(0);
    let stage = site.read("01-stage/index.html");
    let at = |page: &str, name: &str| {
        page.find(&format!(">{name}</a>"))
            .unwrap_or_else(|| panic!("{name}: {page}"))
    };
    let order = [
        "Overview",
        "Placed first",
        "Proper names",
        "Spelling",
        "Biblical terms",
    ];
    let places: Vec<usize> = order.iter().map(|n| at(&stage, n)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{stage}");
    // Folders too, named without their prefix: `02-Later`'s own position (5) places it
    // after `03-intro.md` and `04-More`.
    let home = site.read("index.html");
    let main = &home[home.find("<main").unwrap_or_default()..];
    let order = ["Stage", "Intro", "More", "Later"];
    let places: Vec<usize> = order
        .iter()
        .map(|n| {
            main.find(&format!(">{n}</a></h2>"))
                .unwrap_or_else(|| panic!("{n}: {main}"))
        })
        .collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{main}");
}
