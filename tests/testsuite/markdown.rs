//! Markdown as authors wrote it reaches every place attune shows it: the page, the
//! "Mentioned in" quotes, the search excerpts; attune's own marks never mix with text.

use crate::links::independent_check;
use crate::support::Fixture;

fn site() -> Fixture {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[[topics]]\nid = \"t\"\ntitle = \"T\"\n",
    );
    site
}

#[test]
fn quotes_and_excerpts_keep_the_text_of_other_links() {
    let site = site();
    site.write("content/t/nick.md", "---\ntitle: Nick Milo\n---\nText.\n");
    site.write(
        "content/t/dataview.md",
        "---\ntitle: Dataview\n---\nText.\n",
    );
    site.write(
        "content/t/talk.md",
        "---\ntitle: Talk\n---\n@nick & [[nick]] are hosting [[dataview]], the creator of the plugin.\n",
    );
    site.build().assert_code(0);
    let page = site.read("t/dataview/index.html");
    assert!(
        page.contains("<p>@nick &amp; Nick Milo are hosting <mark>Dataview</mark>, the creator of the plugin.</p>"),
        "{}",
        &page[page.find("mentioned-in").unwrap_or(0)..]
    );
    let docs = site.read("search/d0.js");
    assert!(
        docs.contains("@nick \\u0026 Nick Milo are hosting Dataview, the creator of the plugin."),
        "{docs}"
    );
}

#[test]
fn private_use_characters_are_text_like_any_other() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nSee [[b]]: \u{E000}0\u{E001} and \u{E002}0\u{E001}.\n",
    );
    site.write("content/t/b.md", "---\ntitle: B\n---\nText.\n");
    site.build().assert_code(0);
    let page = site.read("t/a/index.html");
    assert!(
        page.contains("</a>: \u{E000}0\u{E001} and \u{E002}0\u{E001}.</p>"),
        "{page}"
    );
    // The control characters attune marks with are replaced in any source.
    site.write(
        "content/t/b.md",
        "---\ntitle: B\n---\nText \u{1c}0\u{1a}.\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("t/b/index.html")
        .contains("<p>Text \u{FFFD}0\u{FFFD}.</p>"));
}

#[test]
fn email_autolinks_are_mailto_and_pass_check() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nWrite to <help@example.org>.\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("t/a/index.html")
        .contains("<a href=\"mailto:help@example.org\">help@example.org</a>"));
}

#[test]
fn a_repeated_explicit_heading_id_is_an_error_at_the_heading() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n## One {#x}\n\nText.\n\n## Two {#x}\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("heading id 'x' is already used on line 4")
        .assert_stderr_contains("content/t/a.md:8:1");
}

#[test]
fn heading_ids_avoid_the_pages_own_sections() {
    let site = site();
    site.write("content/references.yaml", "w:\n  kind: book\n  title: W\n");
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\n## Sources\n\nCited [@w].\n\n## Mentioned in\n\n## A\n\n## A\n\n## A 1\n",
    );
    site.write("content/t/b.md", "---\ntitle: B\n---\nSee [[a]].\n");
    site.build().assert_code(0);
    let page = site.read("t/a/index.html");
    let ids: Vec<&str> = page
        .match_indices(" id=\"")
        .map(|(at, m)| {
            let rest = &page[at + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids repeat: {ids:?}");
    for id in [
        "sources-1",
        "mentioned-in-1",
        "a",
        "a-1",
        "a-1-1",
        "sources",
        "mentioned-in",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
}

/// Pandoc's heading attributes, which mdBook, Zola and Hugo read too: `{#id}` is the
/// heading's id, linked from the page and from others (`#id`, `a.md#id`, `[[a#Title]]`),
/// and `{.class}` its class; neither is shown in the heading's text.
#[test]
fn pandoc_heading_ids_and_classes_are_read_and_linked() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nJump to [coping](#my-id).\n\n## Coping plan {#my-id}\n\nText.\n\n## Other {.warning}\n",
    );
    site.write(
        "content/t/b.md",
        "---\ntitle: B\n---\nSee [the plan](a.md#my-id) and [[a#Coping plan]].\n",
    );
    site.strict_links();
    let run = site.build();
    run.assert_code(0);
    let a = site.read("t/a/index.html");
    assert!(a.contains("<h2 id=\"my-id\">Coping plan <a"), "{a}");
    assert!(
        a.contains("<h2 id=\"other\" class=\"warning\">Other <a"),
        "{a}"
    );
    assert!(a.contains("href=\"#my-id\""), "{a}");
    assert!(!a.contains("{#my-id}") && !a.contains("{.warning}"), "{a}");
    let b = site.read("t/b/index.html");
    assert_eq!(b.matches("href=\"../../t/a/#my-id\"").count(), 2, "{b}");
}

/// A note on web pages says "dynamically generating <style> tags" or "the <title>
/// element": a browser reads everything after such a tag as its text up to its end tag,
/// and the rest of the page, the site's footer and scripts too, was blank (a vault's
/// article and its print page: 834 links to anchors that no longer showed). Left open
/// in its paragraph, the tag is text, as GitHub shows it; left open by an HTML block, it
/// is closed where the block ends. Each with a warning.
#[test]
fn a_raw_text_tag_left_open_does_not_hide_the_page() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nEarly CSS-in-JS relied on generating <style> tags at runtime.\n\n\
         Put the name in the <TITLE> and say <textarea>hi</textarea>. HTML5 added <video>.\n\n\
         ## Into the compiler {#compiler}\n\nText **bold**.\n\n<div>\n<script>\nlet a = 1;\n</div>\n\n\
         ## After the block {#after}\n\nMore.\n",
    );
    site.write(
        "content/t/b.md",
        "---\ntitle: B\n---\nSee [the compiler](a.md#compiler) and [after](a.md#after).\n",
    );
    site.strict_links();
    let run = site.build();
    run.assert_code(0);
    assert_eq!(
        run.stderr.matches("is not closed in its paragraph").count(),
        3,
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("this `<style>` is not closed in its paragraph");
    run.assert_stderr_contains("content/t/a.md:4:38");
    run.assert_stderr_contains("this HTML block leaves a `<script>` open");
    let page = site.read("t/a/index.html");
    assert!(
        page.contains("generating &lt;style&gt; tags at runtime.</p>"),
        "{page}"
    );
    assert!(
        page.contains(
            "in the &lt;TITLE&gt; and say <textarea>hi</textarea>. HTML5 added &lt;video&gt;.</p>"
        ),
        "{page}"
    );
    assert!(page.contains("<h2 id=\"compiler\">"), "{page}");
    assert!(page.contains("let a = 1;\n</div>\n</script>"), "{page}");
    assert!(page.contains("<h2 id=\"after\">"), "{page}");
    // What a browser sees: every link leads to an element it shows.
    let broken = independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}

/// `<pre>` opening a line: self-closed (`<pre/>`, `<pre class="x"/>`, which opens a
/// CommonMark HTML block that runs to a `</pre>`) it is written as the empty element the
/// author meant, so what follows is Markdown and not all set in monospace; opened and
/// never closed, the rest of its block is raw HTML as CommonMark reads it, closed where
/// the block ends (the page around the article is not inside it), with a warning at it.
#[test]
fn pre_opening_a_line_does_not_swallow_the_page() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nIntro.\n\n<pre class=\"x\"/>\n\n## After {#after}\n\nText **bold**.\n\n<pre/>\n\nMore **bold**.\n\n<pre>\nclosed\n</pre>\n\n> <pre>\n> quoted\n\nAfter the quote **bold**.\n\n<PRE>code\n\n# Never closed\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert_eq!(
        run.stderr.matches("this `<pre>` is never closed").count(),
        2,
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("content/t/a.md:20:3");
    run.assert_stderr_contains("content/t/a.md:25:1");
    let page = site.read("t/a/index.html");
    assert!(
        page.contains("<pre class=\"x\"></pre>\n<h2 id=\"after\">"),
        "{page}"
    );
    assert!(
        page.contains("<pre></pre>\n<p>More <strong>bold</strong>.</p>"),
        "{page}"
    );
    assert!(page.contains("<pre>\nclosed\n</pre>"), "{page}");
    assert!(
        page.contains("<pre>\nquoted\n</pre>\n</blockquote>"),
        "{page}"
    );
    assert!(
        page.contains("<p>After the quote <strong>bold</strong>.</p>"),
        "{page}"
    );
    assert!(
        page.contains("<PRE>code\n\n# Never closed\n</pre>"),
        "{page}"
    );
}

/// A tag of an element HTML does not have (`ssh <username>@host`, `Vec<T>`, another
/// tool's component) shows nothing of itself on the page, so the word is missing: a
/// warning at it, one for the family once there are many. The tag is written as it
/// stands, as CommonMark passes raw HTML through; SVG's and MathML's elements, custom
/// elements (`<my-widget>`), obsolete elements browsers still draw and the text of a
/// `<textarea>` or `<script>` are not reported.
#[test]
fn a_tag_of_an_element_html_does_not_have_is_reported_where_it_stands() {
    let site = site();
    site.write(
        "content/t/a.md",
        "---\ntitle: A\n---\nLog in with ssh <username>@host.\n\n\
         A `Vec<T>` in code is fine; a Vec<T> outside it hides the T.\n\n\
         <svg viewBox=\"0 0 2 2\"><linearGradient id=\"g\"></linearGradient><path d=\"M0 0\"/></svg>\n\n\
         Inline <svg><circle r=\"1\"/></svg> and <math><mi>x</mi></math>, <my-widget></my-widget>, \
         <center>old</center>.\n\n\
         <textarea><name></textarea>\n\n<script>let a = \"<b>\" + \"<thing>\";</script>\n\n\
         <!-- <comment> -->\n\n<Badge type=\"tip\" text=\"new\" />\n",
    );
    site.write(
        "content/t/b.md",
        "---\ntitle: B\n---\n<pre>\n#include <stdio.h>\n</pre>\n\n<T> one, <T> two.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert_eq!(
        run.stderr.matches("is no HTML element").count(),
        1,
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("content/t/a.md:4:17");
    run.assert_stderr_contains("content/t/a.md:6:34");
    run.assert_stderr_contains("content/t/a.md:18:1");
    run.assert_stderr_contains("write `\\<username>`");
    // Six in two files: one warning for the family, at the first.
    run.assert_stderr_contains(
        "`<username>` is no HTML element: the page shows only what it holds, never the tag \
         (6 tags of elements HTML does not have in 2 files, reported here as one)",
    );
    run.assert_stderr_contains("content/t/b.md:5:10");
    let page = site.read("t/a/index.html");
    assert!(page.contains("ssh <username>@host."), "{page}");
}
