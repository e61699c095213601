//! Libraries brought from other tools: titles from headings or file names, TOML and
//! Hugo-style front matter, order and dates (hubs, prev/next, Atom, sitemap), mdBook's
//! SUMMARY.md, declared front matter keys, and `check` on a big, messy vault.

use crate::support::Fixture;

const BOOK: &str = "[site]\ntitle = \"Imported\"\nbase_url = \"https://example.org/\"\n\n[[topics]]\nid = \"notes\"\ntitle = \"Notes\"\n";

fn site(files: &[(&str, &str)]) -> Fixture {
    let site = Fixture::empty();
    site.write("book.toml", BOOK);
    for (path, text) in files {
        site.write(path, text);
    }
    site
}

/// Where each needle first appears in `text`, asserting each does, in that order.
#[track_caller]
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut last = 0;
    for needle in needles {
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing from:\n{text}"));
        assert!(at >= last, "{needle:?} out of order in:\n{text}");
        last = at;
    }
}

/// The `<main>` of a page: the text the article shows, without its navigation.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.rfind("</main>").expect("a </main>");
    &html[start..end]
}

#[test]
fn titles_come_from_front_matter_then_any_heading_then_the_file_name() {
    let site = site(&[
        // A `##` chapter: its heading is the title, shown once.
        (
            "content/notes/chapter.md",
            "## From a second-level heading\n\nText.\n",
        ),
        // No title anywhere: the file name, humanised.
        (
            "content/notes/dismissive-family_styles.md",
            "Only text, no heading.\n",
        ),
        // Obsidian names notes with spaces: kept as written.
        ("content/notes/My note about Sleep.md", "Text.\n"),
        // Front matter title and the same leading heading (another case, other
        // punctuation): shown once.
        (
            "content/notes/twice.md",
            "---\ntitle: Don't say it twice\n---\n\n### Don’t Say It Twice\n\nBody text.\n",
        ),
        // A leading heading that differs from the title stays in the body.
        (
            "content/notes/differs.md",
            "---\ntitle: The real title\n---\n# Another heading\n\nBody.\n",
        ),
    ]);
    site.build().assert_code(0);
    let chapter = site.read("notes/chapter/index.html");
    assert!(chapter.contains("<title>From a second-level heading · Imported</title>"));
    assert_eq!(
        main_of(&chapter)
            .matches("From a second-level heading</h")
            .count(),
        1,
        "{chapter}"
    );
    let named = site.read("notes/dismissive-family_styles/index.html");
    assert!(
        named.contains("<title>Dismissive family styles · Imported</title>"),
        "{named}"
    );
    let spaced = site.read("notes/my-note-about-sleep/index.html");
    assert!(spaced.contains("<title>My note about Sleep · Imported</title>"));
    let twice = site.read("notes/twice/index.html");
    let body = main_of(&twice);
    assert!(!body.contains("<h3"), "{body}");
    assert!(body.contains("Body text."));
    let differs = site.read("notes/differs/index.html");
    let body = main_of(&differs);
    assert!(body.contains("The real title"));
    assert!(body.contains(">Another heading"), "{body}");
}

#[test]
fn a_vaults_note_is_titled_by_its_file_name_not_by_a_sections_heading() {
    // A vault (`.obsidian/`), as Obsidian's own help is written: a note opening with
    // the first of its `##` sections, one with a paragraph before its sections, one
    // whose only heading stands over it.
    let site = site(&[
        (
            "content/notes/About Obsidian.md",
            "---\ncssclasses: wide\n---\n## What is Obsidian\n\nA tool.\n\n## Links first\n\nLinks.\n",
        ),
        (
            "content/notes/Help and support.md",
            "Find support.\n\n## Questions and advice\n\n### Ask\n",
        ),
        (
            "content/notes/Projects.md",
            "### Current projects\n\n#### One\n",
        ),
        (
            "content/notes/Links.md",
            "## First\n\n## Second\n\n[[About Obsidian#Links first]], [[About Obsidian]], \
             [[Help and support#Questions and advice#Ask]], [[#Second]], \
             [[About Obsidian#What is Obsidian|labelled]].\n",
        ),
    ]);
    std::fs::create_dir_all(site.path(".obsidian")).unwrap();
    site.build().assert_code(0);
    let about = site.read("notes/about-obsidian/index.html");
    assert!(
        about.contains("<title>About Obsidian · Imported</title>"),
        "{about}"
    );
    assert!(
        about.contains("<h2 id=\"what-is-obsidian\">What is Obsidian"),
        "{about}"
    );
    let help = site.read("notes/help-and-support/index.html");
    assert!(
        help.contains("<title>Help and support · Imported</title>"),
        "{help}"
    );
    // The one heading over the whole note is still its title, shown once.
    let projects = site.read("notes/projects/index.html");
    assert!(projects.contains("<title>Current projects · Imported</title>"));
    assert_eq!(main_of(&projects).matches("Current projects</h").count(), 1);
    // A wikilink naming a heading shows it after the note's title, as Obsidian does;
    // one to a heading on its own page shows the heading alone.
    let links = main_of(&site.read("notes/links/index.html")).to_string();
    for shown in [
        "#links-first\" id=\"ref-1\">About Obsidian &gt; Links first</a>",
        "id=\"ref-2\">About Obsidian</a>",
        "#ask\" id=\"ref-3\">Help and support &gt; Questions and advice &gt; Ask</a>",
        "#second\" id=\"ref-4\">Second</a>",
        "id=\"ref-5\">labelled</a>",
    ] {
        assert!(links.contains(shown), "{shown}: {links}");
    }
}

#[test]
fn toml_and_hugo_front_matter_are_read() {
    let site = site(&[
        (
            "content/notes/hugo.md",
            "\n\n+++\ntitle = \"From TOML\"\ndescription = \"A Hugo page.\"\nweight = 2\ndate = 2021-03-04T10:00:00+01:00\ndraft = false\n[taxonomies]\ntags = [\"sleep\"]\n+++\n\nBody.\n",
        ),
        (
            "content/notes/yaml-after-blank-lines.md",
            "\n---\ntitle: YAML after a blank line\nweight: 1\n---\nBody.\n",
        ),
    ]);
    site.build().assert_code(0);
    let page = site.read("notes/hugo/index.html");
    assert!(
        page.contains("<title>From TOML · Imported</title>"),
        "{page}"
    );
    assert!(page.contains("A Hugo page."));
    assert!(site.read("tags/sleep/index.html").contains("From TOML"));
    // `weight` is `order`: YAML's 1 before TOML's 2.
    assert_in_order(
        &site.read("notes/index.html"),
        &["YAML after a blank line", "From TOML"],
    );
    // Neither front matter shows as text.
    assert!(!main_of(&page).contains("+++"));
}

#[test]
fn toml_errors_and_type_errors_are_located() {
    let site = site(&[
        (
            "content/notes/syntax.md",
            "\n+++\ntitle = \"A\"\nsummary = \"unclosed\n+++\nBody.\n",
        ),
        (
            "content/notes/types.md",
            "+++\ntitle = \"B\"\ntags = 5\n+++\nBody.\n",
        ),
        (
            "content/notes/both.md",
            "---\norder: 1\nweight: 2\n---\nBody.\n",
        ),
    ]);
    let run = site.run(&["check"]);
    run.assert_code(1)
        .assert_stderr_contains("error: invalid TOML in front matter")
        .assert_stderr_contains("--> content/notes/syntax.md:4:")
        .assert_stderr_contains(
            "error: front matter: invalid type: integer `5`, expected a text or a list of texts",
        )
        .assert_stderr_contains("--> content/notes/types.md:3:8")
        .assert_stderr_contains("error: both `order` and `weight` are set; they mean the same")
        .assert_stderr_contains("--> content/notes/both.md:3:1");
}

#[test]
fn hubs_sort_by_order_then_newest_date_then_title_and_feed_and_sitemap_carry_dates() {
    let site = site(&[
        ("content/notes/a-undated.md", "# Undated\n"),
        (
            "content/notes/b-old.md",
            "---\ntitle: Old\ndate: 2020-01-01\n---\n",
        ),
        (
            "content/notes/c-new.md",
            "---\ntitle: New\ndate: 2024-06-01T09:30:00Z\nupdated: 2025-02-03\n---\n",
        ),
        (
            "content/notes/d-weighted.md",
            "+++\ntitle = \"Weighted\"\nweight = 1\ndate = 2019-05-05\nlastmod = 2019-06-06\n+++\n",
        ),
    ]);
    site.build().assert_code(0);
    assert_in_order(
        &site.read("notes/index.html"),
        &["Weighted", "New", "Old", "Undated"],
    );
    // Prev/next follow the same order.
    let new = site.read("notes/c-new/index.html");
    assert_in_order(&new, &["Weighted", "Old"]);
    let feed = site.read("atom.xml");
    assert!(
        feed.contains("<updated>2025-02-03T00:00:00Z</updated>\n  <author>"),
        "{feed}"
    );
    let entry = |title: &str, slug: &str, published: &str, updated: &str| {
        format!(
            "<title>{title}</title>\n    <id>https://example.org/notes/{slug}/</id>\n    <link href=\"https://example.org/notes/{slug}/\"/>\n    <published>{published}T00:00:00Z</published>\n    <updated>{updated}T00:00:00Z</updated>\n"
        )
    };
    assert_in_order(
        &feed,
        &[
            &entry("New", "c-new", "2024-06-01", "2025-02-03"),
            &entry("Old", "b-old", "2020-01-01", "2020-01-01"),
            &entry("Weighted", "d-weighted", "2019-05-05", "2019-06-06"),
        ],
    );
    assert!(!feed.contains("<title>Undated</title>"));
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap
        .contains("<loc>https://example.org/notes/c-new/</loc><lastmod>2025-02-03</lastmod>"));
    assert!(sitemap
        .contains("<loc>https://example.org/notes/d-weighted/</loc><lastmod>2019-06-06</lastmod>"));
    assert!(sitemap.contains("<loc>https://example.org/notes/a-undated/</loc></url>"));
}

#[test]
fn an_mdbook_summary_gives_order_titles_and_parts() {
    let site = Fixture::new("import-mdbook");
    site.build().assert_code(0).assert_stderr_contains(
        "warning: 1 Markdown file SUMMARY.md does not list is left out, as mdBook leaves them out: 'guide/an-appendix.md'\n--> src/SUMMARY.md",
    );
    // SUMMARY.md is not an article.
    assert!(!site.path("public/summary").exists());
    // Its order, not the alphabet: nested items after their parent.
    let guide = site.read("guide/index.html");
    assert_in_order(
        &guide,
        &["Reading the book", "Installation", "Checking it works"],
    );
    // A chapter it does not list is not part of the book, as in mdBook.
    assert!(!guide.contains("Appendix chapter"), "{guide}");
    assert!(!site.path("public/guide/an-appendix").exists());
    // Titles from SUMMARY.md where the chapter gives none: the `##` heading stays.
    let install = site.read("guide/install/index.html");
    assert!(install.contains("<title>Installation · A handbook</title>"));
    assert!(main_of(&install).contains(">Before you start"));
    // A chapter opening with its SUMMARY title shows it once.
    let reading = site.read("guide/reading/index.html");
    assert_eq!(
        main_of(&reading).matches("Reading the book</h").count(),
        1,
        "{reading}"
    );
    let checking = site.read("guide/checking/index.html");
    assert!(checking.contains("<title>Checking it works · A handbook</title>"));
    // Prev/next in SUMMARY order.
    assert_in_order(&install, &["Reading the book", "Checking it works"]);
    // The book's README.md is the home page's text, as mdBook makes it its index.html.
    assert!(!site.path("public/readme").exists());
    assert!(main_of(&site.read("index.html")).contains("This handbook is about reading calmly."));
}

#[test]
fn summary_links_to_missing_files_are_located() {
    let site = Fixture::new("import-mdbook");
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Reading](guide/reading.md)\n- [Install](guide/instal.md)\n  - [Gone](guide/gone.md)\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1)
        .assert_stderr_contains("error: SUMMARY.md lists 'guide/instal.md', which does not exist\n --> src/SUMMARY.md:4:3")
        .assert_stderr_contains("did you mean 'guide/install.md'?")
        .assert_stderr_contains("error: SUMMARY.md lists 'guide/gone.md', which does not exist\n --> src/SUMMARY.md:5:5");
}

#[test]
fn declared_front_matter_keys_are_not_warned_about() {
    let files = [(
        "content/notes/vault.md",
        "---\ntitle: A note\nmobile: true\nplugin-id: x\nbanner: wide\ncssclasses: [wide]\n---\nBody.\n",
    )];
    let site = site(&files);
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains("warning: unknown front matter key `mobile` is ignored")
        .assert_stderr_contains("--> content/notes/vault.md:3:1")
        .assert_stderr_contains("[front_matter] allow = [\"mobile\"]")
        .assert_stderr_contains("warning: unknown front matter key `plugin-id` is ignored");
    site.write(
        "book.toml",
        format!("{BOOK}\n[front_matter]\nallow = [\"mobile\", \"plugin-id\"]\n"),
    );
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains("warning: unknown front matter key `banner` is ignored");
    // Obsidian's core `cssclasses` is known: nothing to say of it.
    assert!(!run.stderr.contains("cssclasses"), "{}", run.stderr);
    assert!(!run.stderr.contains("`mobile`"), "{}", run.stderr);
    assert!(!run.stderr.contains("`plugin-id`"), "{}", run.stderr);
    // A misspelt section name in book.toml is still an error.
    site.write("book.toml", format!("{BOOK}\n[front_matter]\nalow = []\n"));
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("did you mean `allow`?");
}

#[test]
fn a_key_many_notes_share_is_one_warning_and_a_typo_in_one_note_is_its_own() {
    // An Obsidian vault's properties: `rating` in five notes is meant as written and
    // gets one warning at its first place; `sumary` in one note is a typo.
    let mut files: Vec<(String, String)> = (1..=5)
        .map(|n| {
            (
                format!("content/notes/film-{n}.md"),
                format!("---\ntitle: Film {n}\nrating: {n}\n---\nSee [[Film 1]].\n"),
            )
        })
        .collect();
    files.push((
        "content/notes/typo.md".into(),
        "---\ntitle: Typo\nsumary: x\n---\nSee [[Film 2]].\n".into(),
    ));
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = site(&files);
    let run = site.run(&["check", "--format", "json"]);
    run.assert_code(0);
    let all: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let keys: Vec<&serde_json::Value> = all.iter().filter(|d| d["code"] == "unknown-key").collect();
    assert_eq!(keys.len(), 2, "{keys:#?}");
    let rating = keys
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("`rating`"))
        .unwrap();
    assert_eq!(
        rating["message"],
        "unknown front matter key `rating` is ignored (5 files have it)"
    );
    assert_eq!(rating["file"], "content/notes/film-1.md");
    assert_eq!(
        (rating["line"].as_u64(), rating["column"].as_u64()),
        (Some(3), Some(1))
    );
    let related: Vec<&str> = rating["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        related,
        [
            "content/notes/film-2.md",
            "content/notes/film-3.md",
            "content/notes/film-4.md"
        ]
    );
    assert!(
        rating["help"]
            .as_str()
            .unwrap()
            .contains("allow = [\"rating\"]"),
        "{rating}"
    );
    let typo = keys
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("`sumary`"))
        .unwrap();
    assert_eq!(
        typo["message"],
        "unknown front matter key `sumary` is ignored"
    );
    assert_eq!(typo["help"], "did you mean `summary`?");
    // Declared, the shared key says nothing.
    site.write(
        "book.toml",
        format!("{BOOK}\n[front_matter]\nallow = [\"rating\"]\n"),
    );
    let run = site.run(&["check"]);
    assert!(!run.stderr.contains("`rating`"), "{}", run.stderr);
    run.assert_stderr_contains("unknown front matter key `sumary` is ignored");
}

#[test]
fn check_on_a_messy_vault_suggests_through_the_index() {
    // 400 notes: more slugs than `suggest` scans in full, so every broken link's
    // "did you mean" comes from the letter-triple index. Speed is measured by
    // benches/gen_messy.py (see BENCHMARKS.md), not asserted here.
    let site = Fixture::empty();
    let status = std::process::Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/gen_messy.py"))
        .arg(&site.root)
        .args(["--notes", "400"])
        .status();
    let Ok(status) = status else {
        eprintln!("SKIPPED: python3 is not available");
        return;
    };
    assert!(status.success());
    // Links to files that do not exist are errors, each with its suggestion.
    site.strict_links();
    let run = site.run(&["check"]);
    run.assert_code(1);
    assert!(!run.stderr.contains("has no title"), "{}", run.stderr);
    // A misspelt slug (`…-123x.md` for `…-123.md`) is matched to its note.
    let misspelt: Vec<&str> = run
        .stderr
        .split("\nerror: ")
        .filter(|d| d.starts_with("broken link to '") && d.contains("x.md'"))
        .collect();
    assert!(misspelt.len() > 20, "{}", run.stderr);
    let suggested = misspelt
        .iter()
        .filter(|d| d.contains("= help: did you mean '"))
        .count();
    assert!(
        suggested * 10 >= misspelt.len() * 9,
        "{suggested} of {} misspelt links got a suggestion",
        misspelt.len()
    );
}

#[test]
fn an_author_written_as_a_person_with_a_name_is_that_name() {
    // An Astro health-guide site: `author:` as a mapping (name, link, role), as Astro
    // schemas and Hugo themes write a person; it was an error that left the guide out
    // (and every link to it broken). Alone or in a list, beside plain names.
    let site = site(&[
        (
            "content/notes/a.md",
            "---\ntitle: A\nauthor:\n  name: \"Michael J Whitley\"\n  href: \"/authors/michael-j-whitley\"\n  role: \"Editor\"\n---\nText.\n",
        ),
        (
            "content/notes/b.md",
            "---\ntitle: B\nauthor:\n  - {name: Ann Lee, url: https://example.org/ann}\n  - Bo Chen\n---\nText.\n",
        ),
    ]);
    let run = site.build();
    assert!(!run.stderr.contains("author"), "{}", run.stderr);
    run.assert_code(0);
    assert!(site
        .read("notes/a/index.html")
        .contains("<dt>Written by</dt><dd>Michael J Whitley</dd>"));
    assert!(site
        .read("notes/b/index.html")
        .contains("<dt>Written by</dt><dd>Ann Lee, Bo Chen</dd>"));
    // A person with no name is still an error at the key, saying what it takes.
    site.write(
        "content/notes/a.md",
        "---\ntitle: A\nauthor:\n  href: /authors/x\n---\nText.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("a person needs a `name`")
        .assert_stderr_contains("content/notes/a.md:4");
}

#[test]
fn an_author_written_as_markdown_is_shown_as_its_text() {
    // Docsy's blog, whose theme runs `author` through markdownify: the byline showed
    // `[Jane Doe](https://example.org/jane) ([Example Org](…))` as written.
    let site = site(&[(
        "content/notes/a.md",
        "---\ntitle: A\nauthor: >\n  [Jane Doe](https://example.org/jane) ([Example Org](https://example.org/)),\n  for the *Steering Committee*\n---\nText.\n",
    )]);
    site.build().assert_code(0);
    let page = site.read("notes/a/index.html");
    assert!(
        page.contains("<dd>Jane Doe (Example Org), for the Steering Committee</dd>"),
        "{page}"
    );
    assert!(!page.contains("]("), "{page}");
}

#[test]
fn draft_written_as_a_word_or_left_empty_is_read_as_quartz_and_hugo_read_it() {
    // A Quartz garden: `draft: "true"` (quoted, as Quartz's filter accepts) and
    // `draft:` with no value were front-matter errors that stopped the build.
    let site = site(&[
        (
            "content/notes/quoted.md",
            "---\ntitle: Quoted\ndraft: \"true\"\n---\nText.\n",
        ),
        (
            "content/notes/empty.md",
            "---\ntitle: Empty\ndraft:\n---\nText.\n",
        ),
        (
            "content/notes/no.md",
            "---\ntitle: No\ndraft: \"False\"\n---\nText.\n",
        ),
        (
            "content/notes/toml.md",
            "+++\ntitle = \"Toml\"\ndraft = \"true\"\n+++\nText.\n",
        ),
        (
            "content/notes/headless/index.md",
            "---\nheadless: \"true\"\n---\n",
        ),
    ]);
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("front-matter"), "{}", run.stderr);
    assert!(site.path("public/notes/empty/index.html").exists());
    assert!(site.path("public/notes/no/index.html").exists());
    assert!(!site.path("public/notes/quoted/index.html").exists());
    assert!(!site.path("public/notes/toml/index.html").exists());
    assert!(!site.path("public/notes/headless/index.html").exists());
    // A word that is no yes or no stays an error at the key.
    site.write(
        "content/notes/no.md",
        "---\ntitle: No\ndraft: maybe\n---\nText.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("a yes-or-no key is `true` or `false`, not `maybe`")
        .assert_stderr_contains("content/notes/no.md:3");
}

#[test]
fn weight_written_with_a_fraction_or_in_quotes_is_read_as_hugo_reads_it() {
    // A Docsy site numbering its files writes `weight: "01"`; an Obsidian tracker
    // note `weight: 108.8`. Hugo reads both as numbers (`cast.ToInt`: the fraction
    // dropped); text that is no number stays an error at its place.
    let site = site(&[
        (
            "content/notes/second.md",
            "---\ntitle: Second\nweight: \"05\"\n---\nBody.\n",
        ),
        (
            "content/notes/first.md",
            "---\ntitle: First\nweight: \"01\"\n---\nBody.\n",
        ),
        (
            "content/notes/third.md",
            "---\ntitle: Third\nweight: 108.8\n---\nBody.\n",
        ),
    ]);
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("weight"), "{}", run.stderr);
    assert_in_order(
        &site.read("notes/index.html"),
        &["First", "Second", "Third"],
    );
    site.write(
        "content/notes/third.md",
        "---\ntitle: Third\nweight: heavy\n---\nBody.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("`weight` is a number (the page's place in lists), not `heavy`")
        .assert_stderr_contains("--> content/notes/third.md:3:");
}

#[test]
fn a_date_property_holding_a_year_is_its_first_day_and_one_holding_no_date_is_left_out() {
    // An Obsidian yearly note writes `date: 2024`, which YAML reads as a number: the
    // year's first day, as `'2024'` is. Text that is no date (`date: Spring term`) is
    // left out with a warning: Obsidian opens the note, Quartz publishes it undated.
    // A date written wrongly stays an error.
    let site = site(&[(
        "content/notes/2024.md",
        "---\ntitle: 2024\ntags:\n  - calendar\ndate: 2024\n---\nThe year.\n",
    )]);
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("`date`"), "{}", run.stderr);
    assert!(
        site.read("atom.xml")
            .contains("<published>2024-01-01T00:00:00Z</published>"),
        "{}",
        site.read("atom.xml")
    );
    // `title: 2024`, which YAML reads as a number, is the title's text.
    let page = site.read("notes/2024/index.html");
    assert!(
        page.contains("The year.") && page.contains("<title>2024 · "),
        "{page}"
    );
    assert!(site.read("tags/calendar/index.html").contains("2024"));
    site.write(
        "content/notes/2024.md",
        "---\ntitle: 2024\ntags:\n  - calendar\ndate: Spring term\n---\nThe year.\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains(
            "warning: front matter: `date` holds something other than a date, so it is left out",
        )
        .assert_stderr_contains("--> content/notes/2024.md:5:1");
    site.write(
        "content/notes/2024.md",
        "---\ntitle: Year\ndate: 2024-13-01\n---\nThe year.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: front matter: date:")
        .assert_stderr_contains("--> content/notes/2024.md:3:");
    // A garden's `date: 2026-02-6` (stevepowell99/causal-mapping-garden-content), a
    // day of one digit, which Quartz reads as JavaScript's `Date` does: that day.
    site.write(
        "content/notes/2024.md",
        "---\ntitle: Year\ndate: 2026-02-6\n---\nThe year.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("front matter"), "{}", run.stderr);
    assert!(site.read("atom.xml").contains("2026-02-06T00:00:00Z"));
}

#[test]
fn a_title_written_as_a_list_is_left_out_with_a_warning() {
    // Obsidian templates write `title: [Avoiding Pain]` and `title: ["[[Note]]"]`:
    // Obsidian shows a list property and opens the note, titled by its file name.
    let site = site(&[
        (
            "content/notes/Avoiding Pain.md",
            "---\nfileClass: tradeoff\ntitle: [Avoiding Pain Vs. Doing What’s Needed]\n---\nBody.\n",
        ),
        (
            "content/notes/The Socks Episode.md",
            "---\nid: 1\ntitle: [\"[[The Socks Episode]]\"]\ndescription: {a: b}\n---\nSocks.\n",
        ),
    ]);
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: front matter: `title` holds something other than text, so it is left out",
        )
        .assert_stderr_contains("--> content/notes/Avoiding Pain.md:3:1");
    // Two keys of the wrong kind in one note are both left out, each with its warning
    // (Pokerole-Obsidian-SRD, knowledge_obsidian: a note with two was an error).
    run.assert_stderr_contains(
        "warning: front matter: `description` holds something other than text, so it is left out\n --> content/notes/The Socks Episode.md:4:1",
    )
    .assert_stderr_contains(
        "warning: front matter: `title` holds something other than text, so it is left out\n --> content/notes/The Socks Episode.md:3:1",
    );
    site.write(
        "content/notes/The Socks Episode.md",
        "---\nid: 1\ntitle: [\"[[The Socks Episode]]\"]\n---\nSocks.\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("notes/avoiding-pain/index.html")
        .contains("<title>Avoiding Pain · "));
    assert!(site
        .read("notes/the-socks-episode/index.html")
        .contains("Socks."));
}

/// Front matter indented with tabs, as some editors write a list (`tags:` then
/// `<tab>- a`): YAML forbids tabs for indentation, and the error says so at the tab's
/// line and column instead of only "cannot start any token".
#[test]
fn tab_indented_front_matter_says_yaml_forbids_tabs_at_the_tab() {
    let site = site(&[
        (
            "content/notes/tabs.md",
            "---\ntitle: Tabs\ntags:\n\t- grief\n---\nText.\n",
        ),
        (
            "content/notes/deeper.md",
            "---\ntitle: Deeper\nreview:\n  by: A\n  \tstatus: draft\n---\nText.\n",
        ),
    ]);
    let run = site.run(&["check"]);
    run.assert_code(1);
    run.assert_stderr_contains("content/notes/tabs.md:4:1");
    run.assert_stderr_contains("content/notes/deeper.md:5:3");
    assert_eq!(
        run.stderr
            .matches("YAML forbids tabs for indentation")
            .count(),
        2,
        "{}",
        run.stderr
    );
}

#[test]
fn front_matter_obsidian_opens_is_read_property_by_property_with_invalid_front_matter_warn() {
    // Notes of a real vault (zhanzhan1848/knowledge_obsidian, 85 of 4,550 notes): a title
    // holding `: `, a quote never closed, a publish flag that is no yes/no. Obsidian
    // opens each; the build stopped on the first.
    let files = [
        (
            "content/notes/paper.md",
            "---\ntitle: Reconstruction of Flows: Fully Conservative\ntags: [flows, waves]\ndate: 2026-04-21\n---\n# Reconstruction of flows\n\nText.\n",
        ),
        (
            "content/notes/quote.md",
            "---\ntitle: \"Bioconvection\"\narxiv: \"2608.16145\ndate: 2026-08-17\n---\nText.\n",
        ),
        (
            "content/notes/private.md",
            "---\ntitle: Private\npublish: false: yes\n---\nSession notes.\n",
        ),
        ("content/notes/index.md", "---\ntitle: Notes\n---\n[[paper]] [[quote]]\n"),
    ];
    let strict = site(&files);
    let run = strict.run(&["check"]);
    run.assert_code(1)
        .assert_stderr_contains("error: invalid YAML in front matter")
        .assert_stderr_contains("content/notes/paper.md:2:");
    assert!(
        run.stderr.contains("invalid_front_matter = \"warn\""),
        "the help names the setting: {}",
        run.stderr
    );
    let site = site(&files);
    site.write(
        "book.toml",
        format!("{BOOK}\n[build]\ninvalid_front_matter = \"warn\"\nmissing_links = \"warn\"\n"),
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: invalid YAML in front matter")
        .assert_stderr_contains("content/notes/paper.md:2:")
        // The quote that never closes is reported where it opens.
        .assert_stderr_contains("content/notes/quote.md:3:8")
        .assert_stderr_contains("the note is held back");
    let paper = site.read("notes/paper/index.html");
    assert!(
        paper.contains("<h1>Reconstruction of flows</h1>")
            || paper.contains(">Reconstruction of flows</h1>"),
        "{paper}"
    );
    assert!(paper.contains("tags/waves/"), "the tags are kept: {paper}");
    assert!(!paper.contains("title:"), "{paper}");
    assert!(site
        .read("notes/quote/index.html")
        .contains("Bioconvection"));
    // Not knowing whether it may be published, the note is not.
    assert!(!site.path("public/notes/private/index.html").exists());
}
