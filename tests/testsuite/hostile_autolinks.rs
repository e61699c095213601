//! Hostile input around GitHub's Markdown: bare addresses made links (`www.`,
//! `https://`, e-mail) on lines built to make a naive scanner quadratic, addresses a
//! megabyte long, schemes that must never become links (`javascript:`), IDNs, NULs,
//! unbalanced parentheses, task markers and table rows in the thousands. Each site is
//! its own temporary folder; every run ends with exit 0 or 1 and no panic.

use crate::support::{Fixture, Run};
use std::time::{Duration, Instant};

#[track_caller]
fn no_panic(run: &Run) {
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.code == 0 || run.code == 1,
        "exit {}: {}",
        run.code,
        run.stderr
    );
}

fn site(articles: &[(&str, String)]) -> Fixture {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[[topics]]\nid = \"t\"\ntitle = \"T\"\n",
    );
    for (name, text) in articles {
        site.write(
            &format!("content/t/{name}.md"),
            format!("---\ntitle: {name}\n---\n{text}\n"),
        );
    }
    site
}

/// The article body of a built page.
fn body(site: &Fixture, name: &str) -> String {
    let page = site.read(&format!("t/{name}/index.html"));
    let start = page.find("<div class=\"article-body\">").unwrap_or(0);
    let end = page[start..]
        .find("</div>")
        .map_or(page.len(), |e| start + e);
    page[start..end].to_string()
}

#[test]
fn lines_of_100000_candidate_addresses_build_in_linear_time() {
    let n = 100_000;
    let articles = [
        // One address, 400 KB long.
        ("www-run", "www.".repeat(n)),
        // 100,000 `www.` each after a space: each a (short) link, as cmark-gfm reads it.
        ("www-spaced", " www.".repeat(n)),
        // Every `www.` after `_` would rescan the rest of the line for its domain.
        ("underscore-www", "_www.a".repeat(n)),
        // Every `www.` would scan to the end of the line for white space before `<`.
        ("paren-lt", "(www.a<".repeat(n)),
        // Every `@` would scan on to the end for the one `@` an address may hold.
        ("at-run", "a@".repeat(n)),
        ("emails", "a@b.co ".repeat(n)),
        // Each `)` taken off the end would count the address's parentheses again.
        ("close-parens", format!("https://a.org/{}", ")".repeat(n))),
        ("http-run", "http://".repeat(n)),
        ("long-url", format!("https://a.org/{}", "x".repeat(10 * n))),
        ("entities", format!("www.a.org/{}", "&amp;".repeat(n))),
        ("brackets", format!("{} www.a.org", "[".repeat(n))),
    ];
    let site = site(&articles);
    let started = Instant::now();
    let run = site.build();
    let took = started.elapsed();
    no_panic(&run);
    run.assert_code(0);
    // About 20 s in a debug build on two shared cores; a quadratic scan of any of
    // these lines takes hours.
    assert!(took < Duration::from_secs(180), "took {took:?}");
    let count = |name: &str, needle: &str| body(&site, name).matches(needle).count();
    assert_eq!(count("www-run", "<a href="), 1);
    // The last `www.` ends the text: it has no domain after its dot.
    assert_eq!(count("www-spaced", "<a href=\"http://www\">www</a>"), n - 1);
    // Only the last: the others' domains run on to the end, with `_` in their last two
    // parts; the last one's `a` ends the text, which cmark-gfm never checks.
    assert_eq!(count("underscore-www", "<a href="), 1);
    assert!(body(&site, "underscore-www").ends_with("_<a href=\"http://www.a\">www.a</a></p>\n\n"));
    assert_eq!(count("paren-lt", "<a href=\"http://www.a\">www.a</a>"), n);
    assert_eq!(count("at-run", "<a href="), 0);
    assert_eq!(count("emails", "<a href=\"mailto:a@b.co\">a@b.co</a>"), n);
    assert!(
        body(&site, "close-parens").contains("<a href=\"https://a.org/\">https://a.org/</a>)))")
    );
    // `http://` then the host `http`: one address to the end of the line, as GitHub
    // reads it.
    assert_eq!(count("http-run", "<a href="), 1);
    assert!(body(&site, "long-url").len() > 20 * n);
    assert_eq!(count("long-url", "<a href="), 1);
    // The references are taken off the end one by one, as GitHub reads them.
    assert!(
        body(&site, "entities").contains("<a href=\"http://www.a.org/\">www.a.org/</a>&amp;&amp;")
    );
    // Inside an unclosed `[`, `www.` is text.
    assert_eq!(count("brackets", "<a href="), 0);
}

#[test]
fn only_web_and_mail_addresses_become_links() {
    let site = site(&[
        (
            "schemes",
            "javascript:alert(1) javascript://www.a.org/%0aalert(1) JaVaScRiPt://a.org \
             data:text/html,x vbscript://a.org file:///etc/passwd mailto://a.org \
             HTTPS://A.ORG/x ftp://a.org/f"
                .to_string(),
        ),
        (
            "idn",
            "https://münchen.de/straße www.bücher.de/ü ü@bücher.de 東京.jp https://例え.テスト/パス。"
                .to_string(),
        ),
        (
            "parens",
            "(https://a.org/x)))) https://a.org/((((x (www.a.org/(b)) [www.a.org](https://a.org)"
                .to_string(),
        ),
        (
            "places",
            "`www.code.org` $www.math.org$ <a href=\"https://a.org\">www.raw.org</a> \
             [[www.wiki.org]] ![www.alt.org](x.png) <span>www.tight.org</span> <b> www.spaced.org</b>\n\n\
             ```\nwww.block.org\n```\n\n    www.indented.org\n"
                .to_string(),
        ),
    ]);
    site.write("content/t/x.png", "");
    let run = site.run(&["check", "--format", "json"]);
    no_panic(&run);
    let diagnostics: Vec<serde_json::Value> =
        serde_json::from_str(&run.stdout).expect("check --format json prints a JSON list");
    let errors: Vec<&serde_json::Value> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    // The wikilink names a note not written: a warning by default, nothing else.
    assert!(errors.is_empty(), "{errors:?}");
    let run = site.build();
    no_panic(&run);
    run.assert_code(0);
    let schemes = body(&site, "schemes");
    assert!(!schemes.contains("javascript:") || !schemes.contains("href=\"javascript"));
    assert!(!schemes.to_ascii_lowercase().contains("href=\"javascript"));
    for refused in ["data:", "vbscript:", "file:", "mailto://"] {
        assert!(
            !schemes.contains(&format!("href=\"{refused}")),
            "{refused}: {schemes}"
        );
    }
    assert!(schemes.contains("<a href=\"HTTPS://A.ORG/x\">HTTPS://A.ORG/x</a>"));
    assert!(schemes.contains("<a href=\"ftp://a.org/f\">ftp://a.org/f</a>"));
    let idn = body(&site, "idn");
    assert!(idn
        .contains("<a href=\"https://m%C3%BCnchen.de/stra%C3%9Fe\">https://münchen.de/straße</a>"));
    assert!(idn.contains("<a href=\"http://www.b%C3%BCcher.de/%C3%BC\">www.bücher.de/ü</a>"));
    // An address's local part and domain are ASCII, as GitHub reads them.
    assert!(idn.contains(" ü@bücher.de 東京.jp "), "{idn}");
    let parens = body(&site, "parens");
    assert!(
        parens.contains("(<a href=\"https://a.org/x\">https://a.org/x</a>))))"),
        "{parens}"
    );
    assert!(
        parens.contains("<a href=\"https://a.org/((((x\">"),
        "{parens}"
    );
    assert!(
        parens.contains("(<a href=\"http://www.a.org/(b)\">www.a.org/(b)</a>)"),
        "{parens}"
    );
    assert!(
        parens.contains("<a href=\"https://a.org\">www.a.org</a>"),
        "a link's own text is never linked again: {parens}"
    );
    let places = body(&site, "places");
    for name in ["code", "math", "raw", "wiki", "alt", "block", "indented"] {
        assert!(
            !places.contains(&format!("href=\"http://www.{name}.org\"")),
            "{name}: {places}"
        );
    }
    // `www.` right after a tag follows its `>`, which GitHub does not link after; after
    // a space it is a link.
    assert!(places.contains("<span>www.tight.org</span>"), "{places}");
    assert!(
        places.contains("<b> <a href=\"http://www.spaced.org\">www.spaced.org</a></b>"),
        "{places}"
    );
}

#[test]
fn a_nul_in_an_address_is_refused_at_its_place() {
    let site = site(&[("nul", "www.a\0b.org https://a.org/\0x".to_string())]);
    let run = site.build();
    no_panic(&run);
    run.assert_code(1)
        .assert_stderr_contains("--> content/t/nul.md:4:6");
}

#[test]
fn thousands_of_task_markers_and_aligned_cells() {
    let n = 20_000;
    let tasks: String = (0..n)
        .map(|i| {
            format!(
                "- [{}] task {i} www.a{i}.org\n",
                if i % 2 == 0 { 'x' } else { ' ' }
            )
        })
        .collect();
    let table = format!(
        "| a | b | c |\n|:--|:-:|--:|\n{}",
        "| 1 | 2 | 3 |\n".repeat(n)
    );
    let empty = "- [ ] \n- [x]\n- [ ]\n  - [x] inner\n".to_string();
    let site = site(&[("tasks", tasks), ("table", table), ("empty", empty)]);
    let started = Instant::now();
    let run = site.build();
    let took = started.elapsed();
    no_panic(&run);
    run.assert_code(0);
    assert!(took < Duration::from_secs(120), "took {took:?}");
    let tasks = body(&site, "tasks");
    assert_eq!(
        tasks
            .matches("<li class=\"task\"><label class=\"task\">")
            .count(),
        n
    );
    assert_eq!(tasks.matches("</label>").count(), n);
    assert_eq!(tasks.matches("checked=\"\"").count(), n / 2);
    assert_eq!(
        body(&site, "table")
            .matches("<td class=\"align-center\">2</td>")
            .count(),
        n
    );
    // Every checkbox has a name: the item's text, or its state when it has none.
    let empty = body(&site, "empty");
    let boxes = empty.matches("<input type=\"checkbox\"").count();
    let labelled = empty.matches("<label class=\"task\"><input").count();
    let named = empty.matches("aria-label=\"").count();
    assert_eq!(boxes, labelled + named, "{empty}");
    assert_eq!(
        empty.matches("<label").count(),
        empty.matches("</label>").count()
    );
}
