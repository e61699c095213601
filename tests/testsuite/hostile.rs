//! Hostile input: huge, deep, binary, empty, oddly named, bomb-shaped and script-laden
//! files. Each gets a diagnostic or a correct page — never a panic, never a write
//! outside the output folder, never a script that runs.

use crate::support::Fixture;

fn no_panic(run: &crate::support::Run) {
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.code == 0 || run.code == 1,
        "exit {}: {}",
        run.code,
        run.stderr
    );
}

#[test]
fn a_20_mb_article_and_one_of_200000_lines() {
    let site = Fixture::new("basic");
    let paragraph =
        "A long paragraph about feelings and [[alexithymia]] that goes on. ".repeat(20) + "\n\n";
    site.write(
        "content/effects/huge.md",
        format!(
            "---\ntitle: Huge\n---\n{}",
            paragraph.repeat(20 * 1024 * 1024 / paragraph.len())
        ),
    );
    site.write(
        "content/effects/lines.md",
        format!("---\ntitle: Lines\n---\n{}", "line\n".repeat(200_000)),
    );
    let run = site.build();
    no_panic(&run);
    run.assert_code(0);
    assert!(
        site.path("public/effects/huge/index.html")
            .metadata()
            .unwrap()
            .len()
            > 20_000_000
    );
    assert!(site.read("effects/lines/index.html").contains("line"));
}

#[test]
fn ten_thousand_links_in_one_article() {
    let site = Fixture::new("basic");
    let links: String = (0..10_000)
        .map(|i| format!("See [[alexithymia]] and [that](../patterns/dismissive-family.md) {i}.\n"))
        .collect();
    site.write(
        "content/effects/links.md",
        format!("---\ntitle: Links\n---\n{links}"),
    );
    let run = site.build();
    no_panic(&run);
    run.assert_code(0);
    let page = site.read("effects/alexithymia/index.html");
    assert_eq!(
        page.matches("href=\"../../effects/links/#ref-").count(),
        1,
        "one backlink per linking article"
    );
}

#[test]
fn deeply_nested_lists_and_quotes() {
    let site = Fixture::new("basic");
    let lists: String = (0..500)
        .map(|d| format!("{}- level {d}\n", "  ".repeat(d)))
        .collect();
    let quotes = format!("{} deep\n", ">".repeat(2000));
    site.write(
        "content/effects/deep.md",
        format!("---\ntitle: Deep\n---\n{lists}\n\n{quotes}"),
    );
    let run = site.build();
    no_panic(&run);
    run.assert_code(0);
    assert!(site.read("effects/deep/index.html").contains("deep"));
}

#[test]
fn empty_and_oddly_named_files() {
    let site = Fixture::new("basic");
    site.write("content/effects/empty.md", "");
    site.write(
        "content/effects/my article.md",
        "# Spaces in the name\n\nSee [[alexithymia]].\n",
    );
    site.write(
        "content/effects/über gefühle.md",
        "# Unicode name\n\nSee [[alexithymia]].\n",
    );
    site.write("content/effects/.leading-dot.md", "# Hidden\n");
    let run = site.build();
    no_panic(&run);
    // An empty file is an article titled by its file name, as a new note is.
    run.assert_code(0);
    assert!(site
        .read("effects/empty/index.html")
        .contains("<title>Empty"));
    site.remove("content/effects/empty.md");
    site.build().assert_code(0);
    assert!(site
        .read("effects/my-article/index.html")
        .contains("Spaces in the name"));
    assert!(site
        .read("effects/über-gefühle/index.html")
        .contains("Unicode name"));
    assert!(!site.path("public/effects/leading-dot").exists());
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let site = Fixture::new("basic");
    let mut bomb = String::from("---\ntitle: Bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    bomb.push_str("---\nBody\n");
    site.write("content/effects/bomb.md", bomb);
    let run = site.build();
    no_panic(&run);
    run.assert_code(1)
        .assert_stderr_contains("content/effects/bomb.md");
}

#[test]
fn script_in_every_field_is_escaped_everywhere() {
    let site = Fixture::new("basic");
    let evil = "<script>alert(1)</script>\\\"><img src=x onerror=alert(2)></script>";
    site.write(
        "content/effects/evil.md",
        format!("---\ntitle: \"Title {evil}\"\nsummary: \"Summary {evil}\"\ntags: [\"tag {evil}\"]\nauthor: \"{evil}\"\nreviewed_by: \"{evil}\"\nlast_reviewed: 2026-01-10\n---\nSee [[alexithymia]].\n\n## Heading\n\nText.\n"),
    );
    let glossary = std::fs::read_to_string(site.path("content/glossary.yaml")).unwrap();
    site.write(
        "content/glossary.yaml",
        format!("{glossary}- term: Eviltermxyz\n  definition: \"Defined {evil}\"\n"),
    );
    let refs = std::fs::read_to_string(site.path("content/references.yaml")).unwrap();
    site.write(
        "content/references.yaml",
        format!("{refs}evil2020:\n  authors: [\"{evil}\"]\n  title: \"Ref {evil}\"\n  publisher: \"{evil}\"\n  url: \"javascript:alert(3)\"\n"),
    );
    let text = std::fs::read_to_string(site.path("content/effects/evil.md")).unwrap();
    site.write(
        "content/effects/evil.md",
        text.replace("Text.", "Text with eviltermxyz [@evil2020]."),
    );
    let run = site.build();
    no_panic(&run);
    run.assert_code(0);
    for (path, bytes) in site.snapshot("public") {
        let name = path.to_string_lossy();
        if name.ends_with(".zip")
            || name.ends_with(".css")
            || name == "assets/attune.js"
            || name == "assets/search.js"
            || name == "assets/theme.js"
        {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>alert"), "{name} has a raw <script>");
        assert!(
            !text.contains("<img src=x"),
            "{name} has a raw <img onerror>"
        );
        assert!(
            !text.contains("href=\"javascript:"),
            "{name} links to javascript:"
        );
    }
    let page = site.read("effects/evil/index.html");
    assert!(
        page.contains("Title &lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || page.contains("Title &lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(page.contains("\\u003cscript\\u003e"), "JSON-LD escapes <");
}

#[test]
fn raw_html_is_kept_by_default_and_sanitized_on_request() {
    let site = Fixture::new("basic");
    site.write(
        "content/effects/raw.md",
        "---\ntitle: Raw\n---\nSee [[alexithymia]].\n\n## A heading\n\n<div class=\"box\" onclick=\"steal()\">Boxed <em>text</em></div>\n\n<script>steal()</script>\n\n<a href=\"javascript:steal()\">x</a>\n",
    );
    site.build().assert_code(0);
    let page = site.read("effects/raw/index.html");
    assert!(
        page.contains("<div class=\"box\" onclick=\"steal()\">"),
        "authors may write raw HTML by default"
    );
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\nsanitize_html = true\n"),
    );
    site.build().assert_code(0);
    let page = site.read("effects/raw/index.html");
    assert!(page.contains("Boxed <em>text</em>"), "harmless HTML stays");
    assert!(!page.contains("onclick"), "event handlers are stripped");
    assert!(!page.contains("<script>steal()"), "scripts are stripped");
    assert!(
        !page.contains("javascript:"),
        "javascript: URLs are stripped"
    );
    assert!(
        page.contains("<a href=\"../../effects/alexithymia/\" id=\"ref-1\">Alexithymia</a>"),
        "attune's own markup stays"
    );
    assert!(page.contains("class=\"anchor\""));
}

#[test]
fn the_character_that_marks_links_while_rendering_cannot_come_from_a_source() {
    let site = Fixture::new("basic");
    site.write(
        "content/effects/marked.md",
        "---\ntitle: \"Marked\u{1f} title\"\nsummary: \"A summary\u{1f}\"\n---\nBody\u{1f} text with [[dismissive-family]].\n",
    );
    site.build().assert_code(0);
    for (path, bytes) in site.snapshot("public") {
        if path.extension().is_some_and(|e| e == "zip") {
            continue;
        }
        assert!(!bytes.contains(&0x1f), "{} holds U+001F", path.display());
    }
    let page = site.read("effects/marked/index.html");
    assert!(page.contains("Body\u{fffd} text"), "replaced, not dropped");
    assert!(page.contains("href=\"../../patterns/dismissive-family/\""));
    let zip = std::fs::File::open(site.path("public/offline.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(zip).unwrap();
    let mut offline = String::new();
    let name = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().to_string())
        .find(|n| n.ends_with("effects/marked/index.html"))
        .unwrap();
    std::io::Read::read_to_string(&mut zip.by_name(&name).unwrap(), &mut offline).unwrap();
    assert!(offline.contains("href=\"../../patterns/dismissive-family/index.html\""));
    assert!(!offline.contains('\u{1f}'));
}
