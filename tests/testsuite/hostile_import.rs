//! Hostile input against what reads other tools' sites: `[redirects]`, `[permalinks]`,
//! `slug:` and `path:` giving addresses no file system can hold, embeds and includes
//! that multiply, and lists of thousands of aliases. Each gets a diagnostic at its
//! place (an error, exit 1 and the previous output untouched; a warning for another
//! tool's old address, which is left out); never a write error half way.

use crate::support::{Fixture, Run};

fn site(book: &str) -> Fixture {
    let site = Fixture::empty();
    site.write("book.toml", format!("{book}\n[site]\ntitle = \"T\"\n"));
    site.write("content/a.md", "---\ntitle: A\n---\nText.\n");
    site
}

#[track_caller]
fn refused(run: &Run, at: &str) {
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.assert_code(1)
        .assert_stderr_contains(&format!("--> {at}"))
        .assert_stderr_contains("nothing was written");
    assert!(!run.stderr.contains("os error"), "{}", run.stderr);
}

#[test]
fn addresses_too_long_for_a_file_name_are_errors_at_their_place() {
    let long = "x".repeat(300);
    let deep = vec!["abcdefghij"; 500].join("/");
    // [redirects]: an old address with a segment of 300 bytes, one of 5,500 bytes.
    let s = site(&format!(
        "[redirects]\n\"/{long}.html\" = \"a.md\"\n\"/{deep}.html\" = \"a.md\"\n"
    ));
    let run = s.build();
    refused(&run, "book.toml:2:1");
    run.assert_stderr_contains("--> book.toml:3:1")
        .assert_stderr_contains("path segment of 305 bytes")
        .assert_stderr_contains("5505 bytes; at most 2000");
    // check reports it too, by its code.
    let json = s.run(&["check", "--format", "json"]);
    assert!(
        json.stdout.contains("\"address-too-long\""),
        "{}",
        json.stdout
    );

    // [permalinks] whose :slug (or Go layouts) make a name or path too long.
    let s = site("[permalinks]\nblog = \"/:slug/\"\n");
    s.write(
        "content/blog/p.md",
        format!("---\ntitle: P\ndate: 2024-01-02\nslug: \"{long}\"\n---\nx\n"),
    );
    refused(&s.build(), "book.toml:2:1");
    let s = site(&format!(
        "[permalinks]\nblog = \"/{}\"\n",
        ":2006/".repeat(600)
    ));
    s.write(
        "content/blog/p.md",
        "---\ntitle: P\ndate: 2024-01-02\n---\nx\n",
    );
    refused(&s.build(), "book.toml:2:1");

    // slug: and Zola's path: in front matter are the other tool's old addresses: a
    // warning at the key, and the page published at its own address with no redirect
    // (organicmaps.app's news slugs run to 232 bytes, which Zola publishes).
    for (front, at) in [
        (format!("slug: \"{long}\""), "content/s/b.md:3:1"),
        (format!("slug: b\npath: \"{long}\""), "content/s/b.md:4:1"),
    ] {
        let s = site("");
        s.write(
            "content/s/b.md",
            format!("---\ntitle: B\n{front}\n---\nx\n"),
        );
        let run = s.build();
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        run.assert_code(0)
            .assert_stderr_contains(&format!("--> {at}"))
            .assert_stderr_contains("path segment of 300 bytes; at most 200 fit in a file name: that old address gets no redirect");
        assert!(s.read("s/b/index.html").contains("<p>x</p>"));
        assert!(!s.path("public").join(&long).exists());
    }
}

#[test]
fn a_long_address_leaves_the_previous_output_as_it_was() {
    let s = site("[redirects]\n\"/short.html\" = \"a.md\"\n");
    s.build().assert_code(0);
    let before = s.snapshot("public");
    s.write(
        "book.toml",
        format!(
            "[redirects]\n\"/{}.html\" = \"a.md\"\n\n[site]\ntitle = \"T\"\n",
            "é".repeat(150)
        ),
    );
    refused(&s.build(), "book.toml:2:1");
    assert_eq!(before, s.snapshot("public"));
}

#[test]
fn aliases_with_too_many_parts_are_an_error_at_the_alias() {
    let s = site("");
    s.write(
        "content/s/b.md",
        format!(
            "---\ntitle: B\naliases: [\"/{}\"]\n---\nx\n",
            "ab/".repeat(1200)
        ),
    );
    refused(&s.build(), "content/s/b.md:3:11");
}

#[test]
fn embeds_that_multiply_are_an_error_not_a_page_of_millions() {
    // Twenty notes each embedding the next four times: 4^16 copies on m0's page.
    let s = site("");
    s.write("content/a.md", "---\ntitle: A\n---\n![[m0]]\n");
    for i in 0..20 {
        s.write(
            &format!("content/f/m{i}.md"),
            format!(
                "---\ntitle: M{i}\n---\n{}",
                format!("![[m{}]]\n", i + 1).repeat(4)
            ),
        );
    }
    s.write("content/f/m20.md", "---\ntitle: M20\n---\nEnd.\n");
    let run = s.build();
    refused(&run, "content/f/m0.md:4:1");
    run.assert_stderr_contains("more than 10000");
    // One report per page over the limit, not one per embed.
    assert_eq!(
        run.stderr.matches("--> content/f/m0.md").count(),
        1,
        "{}",
        run.stderr
    );

    // Within the limit (3^6 copies) the notes are shown.
    let s = site("");
    s.write("content/a.md", "---\ntitle: A\n---\n![[m0]]\n");
    for i in 0..6 {
        s.write(
            &format!("content/f/m{i}.md"),
            format!(
                "---\ntitle: M{i}\n---\n{}",
                format!("![[m{}]]\n", i + 1).repeat(3)
            ),
        );
    }
    s.write("content/f/m6.md", "---\ntitle: M6\n---\nLeaf text.\n");
    s.build().assert_code(0);
    assert_eq!(s.read("a/index.html").matches("Leaf text.").count(), 729);
}

#[test]
fn includes_that_multiply_are_an_error_not_a_page_of_millions() {
    let s = site("");
    s.write("content/a.md", "---\ntitle: A\n---\n{{#include j0.txt}}\n");
    for i in 0..16 {
        s.write(
            &format!("content/j{i}.txt"),
            format!("{{{{#include j{}.txt}}}}\n", i + 1).repeat(4),
        );
    }
    s.write("content/j16.txt", "leaf\n");
    let run = s.build();
    refused(&run, "content/");
    run.assert_stderr_contains("includes would expand more than 10000 files' text");
    assert_eq!(run.stderr.matches("includes would expand").count(), 1);
}

#[test]
fn thousands_of_aliases_are_placed_without_a_search_each() {
    // Each alias's place was found by a search of the list: 4,000 aliases took 48 s.
    let s = site("");
    let list: Vec<String> = (0..3000).map(|i| format!("\"/old{i}/\"")).collect();
    let list = list.join(", ");
    s.write(
        "content/s/b.md",
        format!("---\ntitle: B\naliases: [{list}, \"/../x/\"]\n---\nx\n"),
    );
    let run = s.build();
    // The one alias that is no path inside the site, at its line and column.
    let column = "aliases: [".len() + list.len() + ", ".len() + 1;
    refused(&run, &format!("content/s/b.md:3:{column}"));
    run.assert_stderr_contains("alias '/../x/' is not a URL path inside the site");
}

#[test]
fn math_nested_thousands_deep_is_shown_as_its_source() {
    // 20,000 nested \sqrt{ took minutes in the renderer (time grows with depth squared).
    let s = site("");
    let tex = format!("{}x{}", "\\sqrt{".repeat(20_000), "}".repeat(20_000));
    s.write("content/a.md", format!("---\ntitle: A\n---\n$${tex}$$\n"));
    let run = s.build();
    run.assert_code(0)
        .assert_stderr_contains("its groups nest more than 100 deep")
        .assert_stderr_contains("--> content/a.md:4:");
    assert!(s.read("a/index.html").contains("\\sqrt{\\sqrt{"));
}

#[test]
fn a_permalink_pattern_leading_out_of_the_site_is_an_error_at_the_pattern() {
    // Each was taken without a word and gave the pages no old address.
    for pattern in [
        "/../../outside/:slug/",
        "/a\\u0000b/:slug/",
        "/a?b/:slug/",
        "/a\\\\b/",
    ] {
        let s = site(&format!("[permalinks]\nblog = \"{pattern}\"\n"));
        s.write(
            "content/blog/p.md",
            "---\ntitle: P\ndate: 2024-01-02\n---\nx\n",
        );
        let run = s.build();
        refused(&run, "book.toml:2:8");
        run.assert_stderr_contains("is not an address inside the site");
    }
}

#[test]
fn a_book_toml_that_is_not_utf8_is_an_error_at_its_line_and_column() {
    // It was exit 2, "reading ./book.toml: stream did not contain valid UTF-8".
    let s = site("");
    s.write("book.toml", b"[site]\ntitle = \"T\xff\"\n");
    let run = s.build();
    refused(&run, "book.toml:2:11");
    run.assert_stderr_contains("file is not valid UTF-8");
}

#[test]
fn zola_shortcodes_nested_thousands_deep_pair_and_print_in_linear_time() {
    // 4,000 nested `{% a() %}` … `{% end %}` pairs on one line took 229 s to build:
    // each of 8,000 warnings quoted the whole 72 KB line, and read the file again.
    // (They are one warning now, but each is still found and paired.)
    let s = site("");
    let n = 10_000;
    s.write(
        "content/b.md",
        format!(
            "---\ntitle: B\n---\n{}inner{}\n",
            "{% a() %}".repeat(n),
            "{% end %}".repeat(n)
        ),
    );
    let started = std::time::Instant::now();
    let run = s.build();
    let took = started.elapsed();
    run.assert_code(0);
    assert!(took.as_secs() < 60, "took {took:?}");
    // Each opening tag pairs with its own `{% end %}`, innermost first: one warning
    // for them all, counting them, none for a closing tag left over.
    run.assert_stderr_contains(&format!(
        "Zola shortcode `{{% a() %}}` … `{{% end %}}` is not supported: attune does not run templates in content ({n} uses of the pair `a` in one file, reported here as one)\n --> content/b.md:4:1\n"
    ));
    assert!(
        !run.stderr.contains("Liquid tag `{% end %}`"),
        "{}",
        &run.stderr[..2000]
    );
    // The quoted part of the 180 KB line is a window of it.
    let quoted = run
        .stderr
        .split("--> content/b.md:4:1\n")
        .nth(1)
        .unwrap_or("");
    let line = quoted.lines().nth(1).unwrap_or("");
    assert!(
        line.starts_with("4 | {% a() %}") && line.chars().count() < 400,
        "{line}"
    );
    assert!(s.read("b/index.html").contains("<p>inner</p>"));
    // Hugo's pairs nest the same way: the inner `{{< x >}}` closes first.
    let s = site("");
    s.write(
        "content/b.md",
        "---\ntitle: B\n---\n{{< x >}}one{{< x >}}two{{< /x >}}three{{< /x >}} after\n",
    );
    let run = s.build();
    run.assert_code(0);
    assert_eq!(
        run.stderr
            .matches("Hugo shortcode `{{< x >}}` … `{{< /x >}}`")
            .count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        s.read("b/index.html").contains("<p>after</p>"),
        "{}",
        s.read("b/index.html")
    );
}

#[test]
fn an_admonish_title_holding_html_is_the_callout_s_title_and_its_id_is_its_text() {
    // The title's HTML ended the title: "Warning" was shown, and `<b>x</b><script>…`
    // began the text; the id was made from the tags' letters.
    let s = site("[build]\nsanitize_html = true\n");
    s.write(
        "content/b.md",
        "---\ntitle: B\n---\n```admonish warning title=\"<b>x</b><script>alert(1)</script>\"\nBody.\n```\n\n\
         ```admonish abstract \"What <i>is</i> this?\"\nTwo.\n```\n\n\
         > [!tip] Use **bold** and `code`\n> Three.\n\n\
         [one](#admonition-xalert1) [two](#admonition-what-is-this)\n",
    );
    let run = s.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("no heading with id"), "{}", run.stderr);
    let page = s.read("b/index.html");
    assert!(page.contains("<p class=\"callout-title\">Warning: <b>x</b></p>\n<p><a id=\"admonition-xalert1\"></a>\nBody.</p>"), "{page}");
    assert!(!page.contains("alert(1)</script>"), "{page}");
    assert!(
        page.contains("<p class=\"callout-title\">Summary: What <i>is</i> this?</p>"),
        "{page}"
    );
    assert!(page.contains("id=\"admonition-what-is-this\""), "{page}");
    assert!(page.contains("<p class=\"callout-title\">Tip: Use <strong>bold</strong> and <code>code</code></p>\n<p>Three.</p>"), "{page}");
    // Without `sanitize_html` the title's HTML is published as the page's other raw
    // HTML is (the content security policy refuses inline scripts).
    s.write("book.toml", "[site]\ntitle = \"T\"\n");
    s.build().assert_code(0);
    assert!(s.read("b/index.html").contains("Warning: <b>x</b><script>"));
}

#[test]
fn a_slug_leading_out_of_the_site_under_a_permalink_is_an_error_at_the_slug() {
    // The old address was dropped without a word.
    for slug in ["../x", "..", ".", "a/../../b"] {
        let s = site("[permalinks]\nblog = \"/:slug/\"\n");
        s.write(
            "content/blog/p.md",
            format!("---\ntitle: P\ndate: 2024-01-02\nslug: \"{slug}\"\n---\nx\n"),
        );
        let run = s.build();
        refused(&run, "content/blog/p.md:4:1");
        run.assert_stderr_contains("is not an address inside the site");
    }
    // Zola's `path:` the same, at its line.
    let s = site("");
    s.write(
        "content/s/p.md",
        "+++\ntitle = \"P\"\npath = \"a/../../x\"\n+++\nx\n",
    );
    refused(&s.build(), "content/s/p.md:3:1");
    // What makes a safe address stays one: a backslash or NUL is left out, `/` alone
    // gives no old address; nothing is written outside the output folder.
    for (slug, url) in [("a\\\\b", "ab/"), ("a\\u0000b", "ab/"), ("/", "")] {
        let s = site("[permalinks]\nblog = \"/:slug/\"\n");
        s.write(
            "content/blog/p.md",
            format!("---\ntitle: P\ndate: 2024-01-02\nslug: \"{slug}\"\n---\nx\n"),
        );
        s.build().assert_code(0);
        let urls = s.read("urls.json");
        assert!(
            url.is_empty() || urls.contains(&format!("\"{url}\"")),
            "{urls}"
        );
        assert!(!s.path("x").exists() && !s.path("public/../b").exists());
    }
}

#[test]
fn exclude_patterns_that_name_no_path_below_the_content_folder_are_errors() {
    // They were taken and left nothing out, without a word.
    let s = site(
        "[build]\nexclude = [\"drafts\", \"../secret/**\", \"a/./b\", 'C:\\x', \"~/notes\"]\n",
    );
    let run = s.build();
    refused(&run, "book.toml:2:22");
    run.assert_stderr_contains("--> book.toml:2:38")
        .assert_stderr_contains("--> book.toml:2:47")
        .assert_stderr_contains("--> book.toml:2:55")
        .assert_stderr_contains("a `..` or `.` part names no path");
    // The absolute path of a folder in the site.
    let s = site("");
    let absolute = s.path("content/drafts").display().to_string();
    s.write(
        "book.toml",
        format!("[build]\nexclude = [\"/drafts\", '{absolute}']\n[site]\ntitle = \"T\"\n"),
    );
    let run = s.build();
    refused(&run, "book.toml:2:23");
    run.assert_stderr_contains("is an absolute path");
}

#[test]
fn a_content_dir_that_is_no_folder_of_notes_is_an_error_at_its_key() {
    // `""` read the site's own folder, `"/"` the whole disk; a file or a missing
    // folder had no line.
    let s = site("");
    s.write("notes.md", "x");
    for (value, says) in [
        ("\"\"", "must be a folder relative to book.toml's"),
        ("\"/\"", "must be a folder relative to book.toml's"),
        ("\"notes.md\"", "is not a folder"),
        ("\"missing\"", "content folder `missing/` does not exist"),
    ] {
        s.write(
            "book.toml",
            format!("[site]\ntitle = \"T\"\n[build]\ncontent_dir = {value}\n"),
        );
        let run = s.build();
        refused(&run, "book.toml:4:1");
        run.assert_stderr_contains(says);
        let json = s.run(&["check", "--format", "json"]);
        json.assert_code(1);
    }
    // The site's folder itself is a vault with book.toml at its root: it builds when
    // the output lies outside it.
    s.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    s.remove("notes.md");
    s.write("Notes/A.md", "# A\n\nText.\n");
    s.build().assert_code(0);
    assert!(s.path("../out/notes/a/index.html").exists());
}

#[test]
fn chapters_nested_in_folders_past_the_limit_are_an_error_at_their_summary_line() {
    // 1,000 chapters, each in a folder inside the previous one's (`d/d/…/c999.md`), each
    // listed inside the previous in SUMMARY.md: `check` took 231 s and `build` 823 s
    // writing 2.8 GB (every page carries its folders' breadcrumbs and hubs). Files past
    // 32 folders are left out with one error at the first one's SUMMARY.md line.
    let s = site("");
    let n = 40;
    let mut summary = String::from("# Summary\n\n");
    for i in 0..n {
        let rel = format!("{}c{i}.md", "d/".repeat(i));
        s.write(
            &format!("content/{rel}"),
            format!("# Chapter {i}\n\nText {i}.\n"),
        );
        summary.push_str(&format!("{}- [Chapter {i}]({rel})\n", "  ".repeat(i)));
    }
    s.write("content/SUMMARY.md", &summary);
    let run = s.build();
    refused(&run, "content/SUMMARY.md:36:69");
    run.assert_stderr_contains(
        "7 Markdown files lie more than the 32 folders deep a site may nest, the first 'c33.md' (33 folders deep)",
    );
    // One error for them all, and none for the chapters SUMMARY.md lists but were left out.
    assert_eq!(run.stderr.matches("error: ").count(), 1, "{}", run.stderr);
    let json = s.run(&["check", "--format", "json"]);
    assert_eq!(
        json.stdout.matches("\"too-deep\"").count(),
        1,
        "{}",
        json.stdout
    );
    // Not listed in a summary: at the file itself. 32 folders deep is allowed.
    let s = site("");
    s.write(
        &format!("content/{}c.md", "e/".repeat(32)),
        "# Deep\n\nText.\n",
    );
    s.build().assert_code(0);
    s.write(
        &format!("content/{}c.md", "f/".repeat(33)),
        "# Deeper\n\nText.\n",
    );
    let run = s.build();
    refused(&run, &format!("content/{}c.md:1:1", "f/".repeat(33)));
    run.assert_stderr_contains("'c.md' lies 33 folders deep in the content folder");
}

#[test]
fn a_summary_nested_thousands_deep_in_one_folder_builds_in_linear_time() {
    // Nesting in SUMMARY.md alone costs nothing per level: 2,000 chapters each inside
    // the previous, in one folder, each found at its own line.
    let s = site("");
    let n = 2_000;
    let mut summary = String::from("# Summary\n\n");
    for i in 0..n {
        s.write(
            &format!("content/book/c{i}.md"),
            format!("# Chapter {i}\n\nText.\n"),
        );
        summary.push_str(&format!(
            "{}- [Chapter {i}](book/c{i}.md)\n",
            "  ".repeat(i)
        ));
    }
    summary.push_str(&format!("{}- [Missing](book/missing.md)\n", "  ".repeat(n)));
    s.write("content/SUMMARY.md", &summary);
    let started = std::time::Instant::now();
    let run = s.run(&["check"]);
    let took = started.elapsed();
    assert!(took.as_secs() < 60, "took {took:?}");
    run.assert_code(1).assert_stderr_contains(&format!(
        "--> content/SUMMARY.md:{}:{}",
        n + 3,
        2 * n + 3
    ));
}
