//! Governance that cannot mislead: review status (a claim only for an approved review
//! by a named reviewer on a date), `require_approval`, version history and unrecorded
//! edits, the reviews report, SMOG, safety blocks and the "When to get help" page.

use crate::support::Fixture;

pub fn json_ld(page: &str) -> serde_json::Value {
    let start = page.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

/// The part of `print.html` that holds one article.
fn printed<'a>(print: &'a str, slug: &str) -> &'a str {
    let start = print
        .find(&format!("<article class=\"print-article\" id=\"{slug}\""))
        .unwrap();
    let end = start + print[start..].find("</article>").unwrap();
    &print[start..end]
}

fn set_book(site: &Fixture, from: &str, to: &str) {
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    assert!(book.contains(from), "book.toml contains {from:?}");
    site.write("book.toml", book.replacen(from, to, 1));
}

/// The basic fixture's `base_url` is a placeholder, which `check` rightly warns about;
/// tests that expect a clean check publish it at a real-looking address first.
fn at_a_real_address(site: &Fixture) {
    set_book(site, "fixture.example.org", "fixture.org.uk");
}

#[test]
fn a_pending_review_makes_no_review_claim_on_the_page_in_json_ld_print_or_feeds() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let page = site.read("effects/alexithymia/index.html");
    assert!(page.contains(
        "<dt>Clinical review</dt><dd class=\"review-pending\">Not yet clinically reviewed</dd>"
    ));
    assert!(!page.contains("Reviewed by"), "no review claim on the page");
    assert!(!page.contains("Next review due"));
    let ld = json_ld(&page);
    assert_eq!(ld["@type"], "MedicalWebPage");
    assert!(ld.get("lastReviewed").is_none(), "{ld}");
    assert!(ld.get("reviewedBy").is_none(), "{ld}");
    let print = site.read("print.html");
    let part = printed(&print, "alexithymia");
    assert!(part.contains("Not yet clinically reviewed"), "{part}");
    assert!(!part.contains("Reviewed by"));
    let handout = site.read("healing/emotion-focused-therapy/index.html");
    let footer = &handout[handout.find("handout-footer").unwrap()..];
    assert!(footer.contains("Not yet clinically reviewed"));
    assert!(!footer.contains("Reviewed by"));
    // Feeds and the sitemap date pages by publication, update or approved review only.
    let atom = site.read("atom.xml");
    assert!(!atom.contains("effects/alexithymia/"), "{atom}");
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://fixture.example.org/effects/alexithymia/</loc></url>"));
}

#[test]
fn legacy_review_keys_alone_are_no_claim_and_earn_a_warning() {
    let site = Fixture::new("basic");
    site.write(
        "content/effects/legacy.md",
        "---\ntitle: Legacy\nreviewed_by: Dr Real Person\nlast_reviewed: 2026-01-10\n---\nSee [[alexithymia]].\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: `reviewed_by` is set but `review.status` is not")
        .assert_stderr_contains("--> content/effects/legacy.md:3:1");
    let page = site.read("effects/legacy/index.html");
    assert!(page.contains("Not yet clinically reviewed"));
    assert!(!page.contains("Dr Real Person"));
    let ld = json_ld(&page);
    assert!(ld.get("lastReviewed").is_none() && ld.get("reviewedBy").is_none());
    // With the status, the legacy keys are aliases of review.reviewer and review.date.
    site.write(
        "content/effects/legacy.md",
        "---\ntitle: Legacy\nreview:\n  status: approved\nreviewed_by: Dr Real Person\nlast_reviewed: 2026-01-10\nnext_review: 2027-01-10\n---\nSee [[alexithymia]].\n",
    );
    site.build().assert_code(0);
    let page = site.read("effects/legacy/index.html");
    assert!(page.contains("Reviewed by Dr Real Person on <time datetime=\"2026-01-10\">"));
    assert!(page.contains(
        "<dt>Next review due</dt><dd><time datetime=\"2027-01-10\">10 January 2027</time></dd>"
    ));
    assert_eq!(json_ld(&page)["lastReviewed"], "2026-01-10");
}

#[test]
fn an_approved_review_names_reviewer_role_and_date() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let page = site.read("patterns/dismissive-family/index.html");
    assert!(page.contains("<dt>Clinical review</dt><dd class=\"review-approved\">Reviewed by Dr Ada Example, Clinical psychologist, on <time datetime=\"2026-01-10\">10 January 2026</time></dd>"));
    assert!(
        page.contains(
            "<dt>Next review due</dt><dd><time datetime=\"2028-01-10\">10 January 2028</time></dd>"
        ),
        "review.date + [review] interval_months"
    );
    let ld = json_ld(&page);
    assert_eq!(ld["lastReviewed"], "2026-01-10");
    assert_eq!(ld["reviewedBy"]["name"], "Dr Ada Example");
    assert_eq!(ld["reviewedBy"]["jobTitle"], "Clinical psychologist");
    assert_eq!(ld["dateModified"], "2026-03-02");
    let print = site.read("print.html");
    assert!(printed(&print, "dismissive-family")
        .contains("Reviewed by Dr Ada Example, Clinical psychologist, on 10 January 2026"));
}

#[test]
fn an_approval_without_a_named_reviewer_or_a_date_is_an_error() {
    let site = Fixture::new("basic");
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\nreview: { status: approved, reviewer: Clinical review pending, date: 2026-01-10 }\n---\nSee [[alexithymia]].\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: `review.status: approved`, but 'Clinical review pending' does not name a reviewer\n --> content/effects/x.md:3:11");
    assert!(!site.path("public").exists(), "nothing is published");
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\nreview:\n  status: approved\n  reviewer: Dr Ada Example\n---\nSee [[alexithymia]].\n",
    );
    site.build().assert_code(1).assert_stderr_contains(
        "error: `review.status: approved`, but it gives no date\n --> content/effects/x.md:4:3",
    );
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\nreview:\n  status: aproved\n---\nSee [[alexithymia]].\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("unknown variant `aproved`")
        .assert_stderr_contains("--> content/effects/x.md:4:11");
}

#[test]
fn require_approval_makes_an_unapproved_article_a_build_error_at_its_status() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let before = site.snapshot("public");
    set_book(
        &site,
        "[search]",
        "[review]\nrequire_approval = true\n\n[search]",
    );
    let run = site.build();
    run.assert_code(1)
        .assert_stderr_contains("error: article is not approved for publication (review status: in-review)\n  --> content/effects/alexithymia.md:10:3");
    assert!(run.stderr.contains("content/effects/counter-dependence.md"));
    assert!(
        !run.stderr.contains("dismissive-family.md"),
        "the approved article passes"
    );
    assert!(
        !run.stderr.contains("content/about.md"),
        "pages outside topics are not clinical articles"
    );
    assert_eq!(site.snapshot("public"), before, "the previous output stays");
    site.run(&["check"]).assert_code(1);
    // Approving every article lets the build through.
    for rel in [
        "content/effects/alexithymia.md",
        "content/effects/counter-dependence.md",
        "content/healing/emotion-focused-therapy.md",
    ] {
        let text = std::fs::read_to_string(site.path(rel)).unwrap();
        site.write(
            rel,
            text.replace(
                "  status: in-review\n",
                "  status: approved\n  reviewer: Dr Ada Example\n  date: 2026-02-01\n",
            ),
        );
    }
    site.build().assert_code(0);
}

#[test]
fn version_history_and_last_updated_appear_on_request() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let page = site.read("patterns/dismissive-family/index.html");
    assert!(page.contains(
        "<dt>Last updated</dt><dd><time datetime=\"2026-03-02\">2 March 2026</time></dd>"
    ));
    let history = &page[page.find("<details class=\"history\">").unwrap()..];
    let history = &history[..history.find("</details>").unwrap()];
    assert!(history.contains("<summary>Version history</summary>"));
    let newest = history
        .find("2 March 2026</time>: Added an example of what dismissing sounds like.")
        .unwrap();
    let oldest = history
        .find("10 January 2026</time>: First published.")
        .unwrap();
    assert!(newest < oldest, "newest first");
    // `updated:` overrides the newest change; no history, no <details>.
    let other = site.read("effects/alexithymia/index.html");
    assert!(!other.contains("<details class=\"history\">"));
    assert!(!other.contains("Last updated"));
    let atom = site.read("atom.xml");
    assert!(atom.contains("<updated>2026-03-02T00:00:00Z</updated>"));
}

#[test]
fn check_against_reports_text_changed_without_a_new_changes_entry() {
    let site = Fixture::new("basic");
    at_a_real_address(&site);
    site.build().assert_code(0);
    let manifest: serde_json::Value = serde_json::from_str(&site.read("urls.json")).unwrap();
    assert_eq!(manifest["version"], 2);
    let entry = &manifest["articles"]["effects/alexithymia/"];
    assert_eq!(entry["file"], "content/effects/alexithymia.md");
    assert!(entry["hash"].as_str().unwrap().starts_with("fnv1a64:"));
    assert_eq!(
        manifest["articles"]["patterns/dismissive-family/"]["changes"],
        2
    );
    std::fs::copy(site.path("public/urls.json"), site.path("old.json")).unwrap();
    site.run(&["check", "--against", "old.json"])
        .assert_code(0)
        .assert_stderr_contains("no problems found");
    // A front matter edit is not a text change.
    let rel = "content/effects/alexithymia.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(rel, text.replace("order: 10\n", "order: 11\n"));
    site.run(&["check", "--against", "old.json"])
        .assert_stderr_contains("no problems found");
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(rel, format!("{text}\nA new paragraph.\n"));
    let run = site.run(&["check", "--against", "old.json"]);
    run.assert_code(0).assert_stderr_contains(
        "warning: the text of 'alexithymia' changed since old.json, but `changes:` has no new entry\n --> content/effects/alexithymia.md:1:1",
    );
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(
        rel,
        text.replacen(
            "---\n",
            "---\nchanges:\n  - date: 2026-11-30\n    summary: Added a paragraph.\n",
            1,
        ),
    );
    site.run(&["check", "--against", "old.json"])
        .assert_stderr_contains("no problems found");
    // An edit to an article with a history must add to it.
    let rel = "content/patterns/dismissive-family.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(rel, text.replace("Some families", "Many families"));
    site.run(&["check", "--against", "old.json"]).assert_stderr_contains(
        "warning: the text of 'dismissive-family' changed since old.json, but `changes:` has no new entry\n  --> content/patterns/dismissive-family.md:15:1",
    );
}

#[test]
fn reviews_report_lists_every_article_as_csv_json_and_a_table() {
    let site = Fixture::new("basic");
    let csv = site.run(&[
        "check",
        "--report",
        "reviews",
        "--format",
        "csv",
        "--today",
        "2028-02-01",
    ]);
    csv.assert_code(0);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(lines[0], "slug,title,file,topic,status,review_claimed,reviewer,role,reviewed,next_review,overdue,updated,changes,language,fk_grade,smog_grade,words");
    assert_eq!(
        lines.len(),
        6,
        "a header and every article:\n{}",
        csv.stdout
    );
    for slug in [
        "about",
        "alexithymia",
        "counter-dependence",
        "emotion-focused-therapy",
        "dismissive-family",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(&format!("{slug},"))),
            "{slug}"
        );
    }
    let approved = lines
        .iter()
        .find(|l| l.starts_with("dismissive-family,"))
        .unwrap();
    assert!(approved.contains(",approved,yes,Dr Ada Example,Clinical psychologist,2026-01-10,2028-01-10,yes,2026-03-02,2,en,"), "{approved}");
    let json = site.run(&[
        "check",
        "--report",
        "reviews",
        "--format",
        "json",
        "--today",
        "2026-06-01",
    ]);
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let pending = rows.iter().find(|r| r["slug"] == "alexithymia").unwrap();
    assert_eq!(pending["status"], "in-review");
    assert_eq!(pending["review_claimed"], false);
    assert_eq!(pending["overdue"], false);
    assert!(pending["fk_grade"].is_number() && pending["smog_grade"].is_number());
    assert!(pending["words"].as_u64().unwrap() > 20);
    let approved = rows
        .iter()
        .find(|r| r["slug"] == "dismissive-family")
        .unwrap();
    assert_eq!(approved["overdue"], false, "not yet due on 2026-06-01");
    let table = site.run(&["check", "--report", "reviews", "--today", "2028-02-01"]);
    assert!(table.stdout.starts_with("slug "), "{}", table.stdout);
    assert!(table.stdout.contains("OVERDUE"));
    assert!(table.stdout.contains(
        "5 articles: 1 approved, 3 in review, 0 draft, 1 not set; 1 overdue on 2028-02-01"
    ));
    site.run(&["check", "--format", "csv"])
        .assert_code(2)
        .assert_stderr_contains("--format csv is for reports");
}

#[test]
fn overdue_reviews_are_checked_against_today_by_default() {
    let site = Fixture::new("basic");
    at_a_real_address(&site);
    site.run(&["check", "--today", "2028-01-11"])
        .assert_code(0)
        .assert_stderr_contains(
            "warning: review of 'dismissive-family' was due on 2028-01-10\n  --> content/patterns/dismissive-family.md:10:1",
        );
    site.run(&["check", "--today", "2027-01-11"])
        .assert_stderr_contains("no problems found");
    // Without --today, today's date: a review due in 2001 is overdue now.
    site.write(
        "content/effects/old.md",
        "---\ntitle: Old\nreview: { status: approved, reviewer: Dr Ada Example, date: 2000-01-01, next: 2001-01-01 }\n---\nSee [[alexithymia]].\n",
    );
    site.run(&["check"])
        .assert_stderr_contains("warning: review of 'old' was due on 2001-01-01");
}

#[test]
fn smog_is_reported_and_checked_and_other_languages_are_not_measured() {
    let site = Fixture::new("basic");
    let report = site.run(&["check", "--report", "readability"]);
    assert!(report.stdout.starts_with("slug"));
    assert!(report.stdout.lines().next().unwrap().contains("smog"));
    let json = site.run(&["check", "--report", "readability", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slug"] == "alexithymia")
        .unwrap();
    assert!(row["smog"].as_f64().unwrap() > 3.0);
    // Short words in long sentences: Flesch–Kincaid over the target, SMOG under it.
    let long_sentence = "we sat in the big red room and we had a cup of tea and we did not say much at all but it was fine and we knew it would be ok in time ".repeat(8);
    site.write(
        "content/effects/long.md",
        format!("---\ntitle: Long\n---\nSee [[alexithymia]]. {long_sentence}.\n"),
    );
    // Many long words in short sentences: SMOG over the target.
    let long_words = "Emotional unavailability intensifies interpersonal difficulties. ".repeat(20);
    site.write(
        "content/effects/dense.md",
        format!("---\ntitle: Dense\n---\nSee [[alexithymia]]. {long_words}\n"),
    );
    let run = site.run(&["check"]);
    // One warning an article, naming each measure above the target.
    run.assert_stderr_contains("warning: Flesch–Kincaid grade ")
        .assert_stderr_contains(
            " and SMOG grade 15.6 are above the target of 8\n--> content/effects/dense.md",
        );
    let fk_long = run
        .stderr
        .split("\n\n")
        .filter(|d| d.contains("content/effects/long.md"))
        .map(|d| d.lines().next().unwrap_or_default().to_string())
        .collect::<Vec<_>>();
    assert!(
        fk_long.iter().any(|d| d.contains("Flesch–Kincaid"))
            && !fk_long.iter().any(|d| d.contains("SMOG")),
        "{fk_long:?}"
    );
    // The same text marked as German is not measured with English formulas.
    site.write(
        "content/effects/dense.md",
        format!("---\ntitle: Dense\nlanguage: de\n---\nSee [[alexithymia]]. {long_words}\n"),
    );
    let run = site.run(&["check"]);
    let about_dense: Vec<&str> = run
        .stderr
        .split("\n\n")
        .filter(|d| d.contains("content/effects/dense.md"))
        .collect();
    assert!(
        about_dense.iter().all(|d| !d.contains("grade")),
        "{about_dense:?}"
    );
    let report = site.run(&["check", "--report", "readability"]);
    let line = report
        .stdout
        .lines()
        .find(|l| l.starts_with("dense "))
        .unwrap();
    assert!(line.ends_with("not measured"), "{line}");
    site.build().assert_code(0);
    let page = site.read("effects/dense/index.html");
    assert!(page.contains("<span>Reading level: not measured</span>"));
    assert!(page.starts_with("<!doctype html>\n<html lang=\"de\">"));
    assert_eq!(json_ld(&page)["inLanguage"], "de");
}

#[test]
fn safety_blocks_render_named_and_dialable_and_unknown_ids_are_errors() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let page = site.read("patterns/dismissive-family/index.html");
    let block = &page[page
        .find("<aside class=\"safety-block\" id=\"safety-domestic-abuse\"")
        .unwrap()..];
    let block = &block[..block.find("</aside>").unwrap()];
    assert!(
        block.contains("<h2 id=\"safety-domestic-abuse-title\">If you are not safe at home</h2>")
    );
    assert!(block.contains("<a href=\"tel:0800000000\">Fixture helpline 0800 000 000</a>"));
    assert!(
        page.find("safety-block").unwrap() < page.find("<div class=\"article-body\">").unwrap(),
        "before the text"
    );
    assert!(printed(&site.read("print.html"), "dismissive-family")
        .contains("<a href=\"tel:0800000000\">"));
    assert!(!site
        .read("effects/alexithymia/index.html")
        .contains("safety-block"));
    // The emergency text stands with the crisis lines on every page and on paper.
    for rel in ["index.html", "effects/alexithymia/index.html", "404.html"] {
        assert!(site
            .read(rel)
            .contains("<p class=\"emergency\">In immediate danger? Call 911 or 999.</p>"));
    }
    assert!(site
        .read("print.html")
        .contains("In immediate danger? Call 911 or 999."));
    // An id book.toml does not define is an error where it is written.
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\nsafety: [domestic-abuse, domestic-abuser]\n---\nSee [[alexithymia]].\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains(
            "error: no safety block 'domestic-abuser' in book.toml\n --> content/effects/x.md:3:26",
        )
        .assert_stderr_contains("help: did you mean 'domestic-abuse'?");
}

#[test]
fn a_page_written_in_another_script_is_not_measured_though_the_site_names_english() {
    // 117503445/OnJava8-zh, a VitePress book in Chinese whose settings name no
    // language: Java's class names among the Chinese were counted as English words
    // and the sentences ending in `。` not at all, and seven chapters were
    // "above the target" of an English grade.
    let site = Fixture::new("basic");
    let chinese = "这些类不是从 InputStream 和 OutputStreamWriter 类派生的，而是 InputStream 和 OutputStream 层级结构的一部分。这是由于压缩库处理的是字节，而不是字符。".repeat(12);
    site.write(
        "content/effects/compression.md",
        format!("---\ntitle: 数据压缩\n---\nSee [[alexithymia]]. {chinese}\n"),
    );
    // The same class names in an English page are measured as before.
    let english =
        "The InputStreamReader and OutputStreamWriter classes convert bytes into characters. "
            .repeat(12);
    site.write(
        "content/effects/streams.md",
        format!("---\ntitle: Streams\n---\nSee [[alexithymia]]. {english}\n"),
    );
    let run = site.run(&["check"]);
    let about = |file: &str| -> Vec<String> {
        run.stderr
            .split("\n\n")
            .filter(|d| d.contains(file) && d.contains("grade"))
            .map(str::to_string)
            .collect()
    };
    assert!(about("compression.md").is_empty(), "{}", run.stderr);
    assert_eq!(about("streams.md").len(), 1, "{}", run.stderr);
    site.build().assert_code(0);
    let page = site.read("effects/compression/index.html");
    assert!(
        page.contains("<span>Reading level: not measured</span>"),
        "{page}"
    );
}

#[test]
fn a_built_in_when_to_get_help_page_is_linked_from_every_article_and_the_footer() {
    let site = Fixture::new("basic");
    at_a_real_address(&site);
    site.build().assert_code(0);
    let help = site.read("when-to-get-help/index.html");
    assert!(help.contains("<h1 id=\"article-title\">When to get help</h1>"));
    assert!(help.contains("<strong>In immediate danger? Call 911 or 999.</strong>"));
    assert!(help.contains("<a href=\"tel:988\">988 (US)</a>"));
    assert!(
        help.contains("<h2 id=\"safety-domestic-abuse-title\">If you are not safe at home</h2>")
    );
    assert!(help.contains("thoughts of ending your life"));
    for (rel, root) in [
        ("patterns/dismissive-family/index.html", "../../"),
        ("effects/alexithymia/index.html", "../../"),
        ("healing/emotion-focused-therapy/index.html", "../../"),
    ] {
        let page = site.read(rel);
        assert!(
            page.contains(&format!(
                "<p class=\"get-help\"><a href=\"{root}when-to-get-help/\">When to get help</a>"
            )),
            "{rel}"
        );
    }
    assert!(site
        .read("index.html")
        .contains("<li><a href=\"./when-to-get-help/\">When to get help</a></li>"));
    assert!(site
        .read("sitemap.xml")
        .contains("/when-to-get-help/</loc>"));
    let urls = site.read("urls.json");
    assert!(urls.contains("\"when-to-get-help/\""));
    site.run(&["check"])
        .assert_stderr_contains("no problems found");
    // An alias may not take the built-in page's address.
    let rel = "content/effects/alexithymia.md";
    let text = std::fs::read_to_string(site.path(rel)).unwrap();
    site.write(
        rel,
        text.replace("order: 10\n", "order: 10\naliases: [/when-to-get-help/]\n"),
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("the alias '/when-to-get-help/' of 'alexithymia' would publish '/when-to-get-help/', which the When to get help page (built-in page) already publishes");
    site.write(rel, text);

    // The site's own article replaces the built-in page, and every link follows it.
    set_book(
        &site,
        "[[relations]]",
        "[[topics]]\nid = \"help\"\ntitle = \"Getting help\"\n\n[[relations]]",
    );
    site.write(
        "content/help/when-to-get-help.md",
        "---\ntitle: When to get help\nreview: { status: in-review }\n---\nOur own page. See [[alexithymia]].\n",
    );
    site.build().assert_code(0);
    assert!(!site.path("public/when-to-get-help").exists());
    assert!(site.read("effects/alexithymia/index.html").contains(
        "<p class=\"get-help\"><a href=\"../../help/when-to-get-help/\">When to get help</a>"
    ));
    let home = site.read("index.html");
    assert!(home.contains("<li><a href=\"./help/when-to-get-help/\">When to get help</a></li>"));
    let footer = &home[home.find("<footer").unwrap()..];
    assert_eq!(
        footer.matches(">When to get help</a></li>").count(),
        1,
        "one link in the footer"
    );
}
