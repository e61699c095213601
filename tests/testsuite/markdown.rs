//! Markdown as authors wrote it reaches every place attune shows it: the page, the
//! "Mentioned in" quotes, the search excerpts; attune's own marks never mix with text.

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
