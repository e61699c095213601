//! Text snapshots of representative outputs of the `basic` fixture (insta), so a
//! failure shows how the output changed, not only which file: an article page, a
//! topic hub, the glossary, a stretch of `print.html`, a search shard and the human
//! output of `check` on a broken copy. The digest lists in `tests/golden/` still pin
//! every byte of every file. Review a change with `cargo insta review`, or accept it
//! with `INSTA_UPDATE=always cargo test --test testsuite snapshots::`.

use crate::support::Fixture;

fn built() -> Fixture {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    site
}

/// `text` with the fixture's own folder (a temp path) replaced, should it appear.
fn redact(site: &Fixture, text: &str) -> String {
    let marker = site.path("x");
    let root = marker
        .parent()
        .expect("the fixture's folder")
        .display()
        .to_string();
    text.replace(&root, "[SITE]")
}

#[test]
fn article_page() {
    let site = built();
    insta::assert_snapshot!(
        "article_page",
        redact(&site, &site.read("effects/alexithymia/index.html"))
    );
}

#[test]
fn topic_hub() {
    let site = built();
    insta::assert_snapshot!("topic_hub", redact(&site, &site.read("effects/index.html")));
}

#[test]
fn glossary() {
    let site = built();
    insta::assert_snapshot!("glossary", redact(&site, &site.read("glossary/index.html")));
}

#[test]
fn print_edition_contents_and_first_two_articles() {
    let site = built();
    let print = site.read("print.html");
    let start = print.find("<main").expect("print.html has <main>");
    let mut end = start;
    for _ in 0..2 {
        end += print[end..].find("</article>").expect("two articles") + "</article>".len();
    }
    insta::assert_snapshot!("print_stretch", redact(&site, &print[start..end]));
}

#[test]
fn search_document_shard() {
    let site = built();
    let shard = site.read("search/d0.js");
    // `window.__attuneSearch.push("d0", JSON);`: the JSON, one document a line.
    let json = shard
        .strip_prefix("window.__attuneSearch.push(\"d0\", ")
        .and_then(|s| s.strip_suffix(");\n"))
        .expect("a search shard's wrapper");
    let docs: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    let lines: Vec<String> = docs.iter().map(|d| d.to_string()).collect();
    insta::assert_snapshot!("search_shard_d0", lines.join("\n"));
}

#[test]
fn check_output_on_a_broken_site() {
    let site = Fixture::new("basic");
    site.strict_links();
    let article = std::fs::read_to_string(site.path("content/effects/alexithymia.md")).unwrap();
    site.write(
        "content/effects/alexithymia.md",
        article
            .replace(
                "[[emotion-focused-therapy]]",
                "[[emotion-focused-therapie]]",
            )
            .replace("summary:", "sumary: typo\nsummary:"),
    );
    let run = site.run(&["check", "--today", "2026-06-01"]);
    run.assert_code(1);
    let output = format!("--- stdout\n{}--- stderr\n{}", run.stdout, run.stderr);
    insta::assert_snapshot!("check_broken", redact(&site, &output));
}
