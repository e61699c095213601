//! A GitBook book as GitBook's Git Sync writes it: `SUMMARY.md`, a `README.md` in
//! each folder, and GitBook's blocks written as Liquid tags (`{% hint %}`,
//! `{% embed %}`).

use crate::support::Fixture;

fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    &html[start..end]
}

#[test]
fn gitbook_hints_are_callouts_and_embeds_are_links() {
    // A security cheat-sheet book: each of its 80 hints and 129 embeds was an
    // `unsupported-syntax` warning, the hint's text shown as a plain paragraph and
    // the embedded page left out.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"book\"\n",
    );
    site.write("book/SUMMARY.md", "# Summary\n\n- [Sheet](sheet.md)\n");
    site.write(
        "book/sheet.md",
        "# Sheet\n\n{% hint style=\"warning\" %}\nDo **not** run this on production.\n{% endhint %}\n\n\
         {% embed url=\"https://example.com/research/paper\" %}\n\n\
         {% embed url=\"https://example.com/talk\" caption=\"The talk\" %}\n\n\
         {% embed url=\"https://example.com/tool\" %}\nA tool that does it\n{% endembed %}\n\n\
         ```\n{% hint style=\"info\" %}\n```\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("not supported"), "{}", run.stderr);
    let page = main_of(&site.read("sheet/index.html")).to_string();
    assert!(
        page.contains("<div class=\"callout callout-warning\""),
        "{page}"
    );
    assert!(page.contains("Do <strong>not</strong> run this"), "{page}");
    assert!(
        page.contains("<a href=\"https://example.com/research/paper\""),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"https://example.com/talk\"") && page.contains(">The talk</a>"),
        "{page}"
    );
    assert!(page.contains("A tool that does it"), "{page}");
    assert!(
        !page.contains("endembed") && !page.contains("endhint"),
        "{page}"
    );
    // In code the tag stays as written.
    assert!(page.contains("<code>{% hint style=\"info\" %}"), "{page}");
}
