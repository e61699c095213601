//! What real vaults wrote that a first reading got wrong: headings holding wikilinks or
//! block ids, highlights crossing the edge of bold text, year-only dates and a `topic:`
//! property of the vault's own.

use crate::support::Fixture;

#[test]
fn a_heading_holding_a_wikilink_is_found_by_its_text_as_obsidian_shows_it() {
    // m0lentum/notes: `[[Note#Heading]]` to a heading with wikilinks in it was a
    // broken anchor: its id left the wikilink's name out.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Target.md",
        "# Target\n\nIntro.\n\n## About [[Other]] and *this*\n\nText.\n\n## [[Other|Others]] [[Missing]] `code`\n\nMore.\n",
    );
    site.write(
        "content/Healing/Other.md",
        "# Other\n\n[[Target#About Other and this]], [[Target#about other and THIS]], [[Target#Others Missing code]].\n\n\
         As Obsidian writes a link to it, each labelled wikilink as its target and label \
         (rimaout's vault: `[[#Python Comparison Operators Comparison operators return Boolean values]]`): \
         [[Target#Other Others Missing code]], [[#Mine Mine too|here]].\n\n## [[Mine|Mine too]]\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("no heading"), "{}", run.stderr);
    let page = site.read("healing/target/index.html");
    assert!(
        page.contains("<h2 id=\"about-other-and-this\">About <a"),
        "{page}"
    );
    assert!(
        page.contains("aria-label=\"Link to this section: About Other and this\""),
        "{page}"
    );
    assert!(page.contains("<h2 id=\"others-missing-code\">"), "{page}");
    let other = site.read("healing/other/index.html");
    assert_eq!(
        other.matches("target/#about-other-and-this\"").count(),
        2,
        "{other}"
    );
    assert_eq!(
        other.matches("target/#others-missing-code\"").count(),
        2,
        "{other}"
    );
    assert!(other.contains("href=\"#mine-too\""), "{other}");
}

#[test]
fn a_block_id_ending_a_heading_is_no_part_of_its_text_and_leads_to_it() {
    // Aaron-Bopp/TIM: Readwise writes `###### ^id` after a highlight; the page showed
    // the id as a heading. `## Heading ^id` is a heading with a block id.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Reading/Book.md",
        "# Book\n\nIntro.\n\n- A highlight\n\n###### ^239382804q\n\n## Plans ^plans\n\nText.\n",
    );
    site.write(
        "content/Reading/Index.md",
        "# Index\n\n[[Book#^239382804q]], [[Book#^plans]], [[Book#Plans]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("anchor"), "{}", run.stderr);
    let page = site.read("reading/book/index.html");
    assert!(!page.contains("^239382804q<"), "{page}");
    assert!(!page.contains("<h6"), "{page}");
    assert!(!page.contains("^plans "), "{page}");
    // The lone id names the block before it, as a `^id` paragraph does.
    let anchor = page.find("<div id=\"^239382804q\"></div>").expect(&page);
    assert!(
        anchor < page.find("<li>A highlight").expect(&page),
        "{page}"
    );
    let plans = page.find("<div id=\"^plans\"></div>").expect(&page);
    assert!(
        plans < page.find("<h2 id=\"plans\">Plans <a").expect(&page),
        "{page}"
    );
    let index = site.read("reading/index/index.html");
    for fragment in ["#%5E239382804q\"", "#%5Eplans\"", "#plans\""] {
        assert!(
            index.contains(&format!("book/{fragment}")),
            "{fragment}: {index}"
        );
    }
}

#[test]
fn a_highlight_crossing_the_end_of_bold_text_is_marked_on_both_sides() {
    // brennansalibrici/Obsidian-Vault-Backup: `==a **b** c==` stayed raw.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Marks.md",
        "# Marks\n\nIntro.\n\n==a rabbit hole **of exploration**== and **go ==deep** now== and ==see [[Marks|here]]==.\n",
    );
    site.build().assert_code(0);
    let page = site.read("healing/marks/index.html");
    assert!(
        page.contains("<mark>a rabbit hole <strong>of exploration</strong></mark> and <strong>go <mark>deep</mark></strong><mark> now</mark> and <mark>see "),
        "{page}"
    );
    assert!(!page.contains("=="), "{page}");
}

#[test]
fn a_year_or_a_month_alone_is_a_date_as_quartz_reads_it() {
    // ActuarialNotes: `date: '2019'`, a book's year, was an error and nothing built.
    let site = Fixture::new("obsidian");
    for (name, date) in [
        ("Quoted", "'2019'"),
        ("Number", "2019"),
        ("Month", "2019-05"),
    ] {
        site.write(
            &format!("content/Books/{name}.md"),
            format!("---\ndate: {date}\nupdated: 2020\n---\n# {name}\n\nText.\n"),
        );
    }
    // Text that is no date at all (Med-Notes' academic years): left out, a warning.
    site.write(
        "content/Books/Course.md",
        "---\ndate: 'a.a. 2019/2020'\n---\n# Course\n\nText.\n",
    );
    site.write(
        "content/Books/Wrong.md",
        "---\ndate: 2019-13\n---\n# Wrong\n\nText.\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1).assert_stderr_contains(
        "error: front matter: date: '2019-13' is not a date in the form YYYY-MM-DD",
    );
    run.assert_stderr_contains(" --> content/Books/Wrong.md:2:7");
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    run.assert_stderr_contains(
        "warning: front matter: `date` holds something other than a date, so it is left out\n --> content/Books/Course.md:2:1",
    );
    site.remove("content/Books/Wrong.md");
    site.build().assert_code(0);
    let feed = site.read("atom.xml");
    for (page, published) in [
        ("quoted", "2019-01-01"),
        ("number", "2019-01-01"),
        ("month", "2019-05-01"),
    ] {
        let entry = feed
            .split("<entry>")
            .find(|e| e.contains(&format!("books/{page}/")))
            .expect(&feed);
        assert!(
            entry.contains(&format!("<published>{published}T00:00:00Z</published>")),
            "{page}: {entry}"
        );
        assert!(
            entry.contains("<updated>2020-01-01T00:00:00Z</updated>"),
            "{entry}"
        );
    }
}

#[test]
fn a_topic_property_that_names_no_topic_leaves_the_note_in_its_folder() {
    // ActuarialNotes: `topic: "Annuities / Cash Flows"` in `comprehension-checks/`
    // made a topic whose hub collided with itself.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/Checks/Annuities.md",
        "---\ntopic: \"Annuities / Cash Flows\"\n---\n# Annuities\n\nText.\n",
    );
    site.write(
        "content/Checks/Rates.md",
        "---\ntopic: rates\n---\n# Rates\n\nText.\n",
    );
    site.write(
        "content/Checks/Styles.md",
        "---\ntopic: Patterns\n---\n# Styles\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: topic 'Annuities / Cash Flows' names no top-level folder: read as the note's own property, the note stays in its folder's topic 'checks'\n --> content/Checks/Annuities.md:2:8");
    // In a vault, an id naming no folder is the vault's own too.
    run.assert_stderr_contains("warning: topic 'rates' names no top-level folder");
    assert!(!run.stderr.contains("collision"), "{}", run.stderr);
    assert!(site.path("public/checks/annuities/index.html").exists());
    assert!(site.path("public/checks/rates/index.html").exists());
    // A top-level folder's name, in any case, is that topic.
    assert!(site.path("public/patterns/styles/index.html").exists());
    assert!(!run.stderr.contains("topic 'Patterns'"), "{}", run.stderr);
    // Meant so: silenced.
    let toml = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{toml}\n[front_matter]\nallow = [\"topic\"]\n"),
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("topic '"), "{}", run.stderr);
    assert!(site.path("public/checks/annuities/index.html").exists());
}

#[test]
fn a_vaults_own_topic_property_in_many_notes_is_one_warning() {
    // BurntNail's revision vault: `topic: Materials` and the like in 458 notes, each a
    // warning of its own.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    for (note, topic) in [
        ("Alloys", "Materials"),
        ("Polymers", "Materials"),
        ("Circuits", "Electricity"),
        ("Atoms", "Particles"),
        ("Gears", "Technical Understanding"),
    ] {
        site.write(
            &format!("content/GCSEs/{note}.md"),
            format!("---\ntopic: {topic}\n---\n# {note}\n\nText.\n"),
        );
    }
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: topic 'Materials' names no top-level folder: read as the note's own property, the note stays in its folder's topic 'gcses' (5 notes whose `topic` names no top-level folder, reported here as one)\n --> content/GCSEs/Alloys.md:2:8");
    assert_eq!(
        run.stderr.matches("warning: topic").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn outside_a_vault_a_topic_id_still_makes_a_topic() {
    // Notes with no `.obsidian/` and none of Obsidian's syntax: not a vault.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Notes\"\n");
    site.write("content/Healing/notes.md", "# Notes\n\nSee [[rates]].\n");
    site.write(
        "content/Checks/Rates.md",
        "---\ntopic: rates\n---\n# Rates\n\nText.\n",
    );
    site.write(
        "content/Checks/Annuities.md",
        "---\ntopic: Annuities and rates\n---\n# Annuities\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "warning: topic 'Annuities and rates' names no top-level folder and is no id",
    );
    assert!(site.path("public/rates/rates/index.html").exists());
    assert!(site.path("public/checks/annuities/index.html").exists());
}

#[test]
fn inline_footnotes_are_footnotes_as_obsidian_and_pandoc_write_them() {
    // evicinelli/Med-Notes (3,173 of them) and karanjain1601/Obsidian-Monday showed
    // `^[…]` as text.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Notes on sleep.md",
        "# Notes on sleep\n\nIntro.\n\nSleep matters.^[[Guide to sleep](https://example.org/guide)] The AV^[[cAMP] rises] node.[^1]\n\n[^1]: A written note.\n",
    );
    site.build().assert_code(0);
    let page = site.read("healing/notes-on-sleep/index.html");
    assert!(!page.contains("^["), "{page}");
    assert_eq!(
        page.matches("class=\"footnote-reference\"").count(),
        3,
        "{page}"
    );
    assert!(
        page.contains("<a href=\"https://example.org/guide\">Guide to sleep</a>"),
        "{page}"
    );
    assert!(page.contains("[cAMP] rises"), "{page}");
    assert!(page.contains("A written note."), "{page}");
}

#[test]
fn a_section_heading_opening_a_note_is_no_name_wikilinks_find_it_by() {
    // Obsidian-TTRPG-Community/ObsidianTTRPGShare: a kanban board opening with
    // `## Conditions` answered to `[[conditions#Blinded]]`, a note the vault does not
    // hold: 42 broken anchors on the board itself instead of notes not written yet.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Rules/gm-screen.md",
        "---\nkanban-plugin: basic\n---\n\n## Conditions\n\n- [ ] [[Conditions]]\n- [ ] [[conditions#Blinded|Blinded]]\n",
    );
    site.write("content/Rules/Sleep.md", "# Sleep hygiene\n\nText.\n");
    site.write(
        "content/Rules/Index.md",
        "# Index\n\n[[Sleep hygiene]] and [[Conditions]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("no heading"), "{}", run.stderr);
    run.assert_stderr_contains(
        "warning: 'conditions' is not written yet: shown as plain text\n --> content/Rules/gm-screen.md:8:7",
    );
    assert_eq!(
        run.stderr
            .matches("'Conditions' is not written yet")
            .count(),
        2,
        "{}",
        run.stderr
    );
    // A `#` heading opening a note is its title, and a name.
    let index = site.read("rules/index/index.html");
    assert!(index.contains("href=\"../../rules/sleep/\""), "{index}");
}

#[test]
fn a_description_written_as_markdown_is_shown_as_its_text() {
    // ObsidianTTRPGShare's spell notes: a `description:` Dataview shows as Markdown
    // was listed with `[[Sickened]]`, `**` and `&NewLine;` as written.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Spells/Call the blood.md",
        "---\ndescription: >\n  You are [[Sickened]] 2.\n\n  &NewLine;**Heightened (+1)** More.\n---\n# Call the blood\n\nText.\n",
    );
    site.build().assert_code(0);
    let hub = site.read("spells/index.html");
    assert!(
        hub.contains("You are Sickened 2. Heightened (+1) More."),
        "{hub}"
    );
    let page = site.read("spells/call-the-blood/index.html");
    assert!(
        page.contains(
            "<meta name=\"description\" content=\"You are Sickened 2. Heightened (+1) More.\">"
        ),
        "{page}"
    );
    assert!(
        !hub.contains("[[") && !page.contains("[[Sickened"),
        "{page}"
    );
}

#[test]
fn an_embedded_video_or_post_is_a_link_to_it_and_nothing_loads_from_its_site() {
    // obsidianmd/obsidian-help ("Embed web pages"): `![](https://www.youtube.com/watch?v=…)`
    // and `![](https://twitter.com/…/status/…)` were images of a web page, blocked by the
    // site's Content-Security-Policy, with a "remote image" and a "no alt text" warning each.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Videos.md",
        "# Videos\n\nA short talk:\n\n![](https://www.youtube.com/watch?v=NnTvZWp5Q7o)\n\n![The announcement](https://twitter.com/obsdmd/status/1580548874246443010)\n\n![](https://i.ytimg.com/vi/NnTvZWp5Q7o/0.jpg)\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert_eq!(
        run.stderr.matches("remote image").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("'https://i.ytimg.com/"),
        "{}",
        run.stderr
    );
    let check = site.run(&["check"]);
    check.assert_code(0);
    assert_eq!(
        check.stderr.matches("no alt text").count(),
        1,
        "{}",
        check.stderr
    );
    assert_eq!(
        check.stderr.matches("remote image").count(),
        1,
        "{}",
        check.stderr
    );
    let page = site.read("healing/videos/index.html");
    assert!(
        page.contains("<a href=\"https://www.youtube.com/watch?v=NnTvZWp5Q7o\">Watch the video on YouTube</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"https://twitter.com/obsdmd/status/1580548874246443010\">The announcement</a>"),
        "{page}"
    );
    assert!(!page.contains("<img src=\"https://www.youtube"), "{page}");
}

#[test]
fn a_heading_named_in_a_table_before_an_escaped_bar_is_named_without_the_backslash() {
    // obsidianmd/obsidian-help (ja/Obsidian Publish/SEO.md): `[[Note#Heading\|label]]` in a
    // table row, to a heading the note does not have, was reported as "no heading with
    // id '説明文\'", the escape's backslash read as part of the heading's name.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Target.md",
        "# Target\n\nIntro.\n\n## 説明\n\nText.\n\n## Details\n\nMore.\n",
    );
    site.write(
        "content/Healing/Table.md",
        "# Table\n\n| key | see |\n|---|---|\n| `description` | [[Target#説明文\\|説明文]] |\n| `x` | [[Target#Details\\|the details]] and [[#Notes\\|below]] |\n\n## Notes\n\nText.\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1);
    // The other two are found: one report, naming the heading as written.
    assert_eq!(
        run.stderr.matches("no heading").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: no heading with id '説明文' in 'target'"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_embed_on_a_line_a_table_continues_to_keeps_its_size() {
    // digitalyoshixi/zettelkasten (Math/Logarithm Scales.md): a line right under a
    // table is one more row, as GFM (and Quartz) read it; its `![[chart.webp|184]]`
    // was split at the bar into two cells, `![[chart.webp` and `184]]`, as text.
    let site = Fixture::new("obsidian");
    site.write("content/Healing/chart.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "content/Healing/Scales.md",
        "# Scales\n\n| Animal | Rat |\n| --- | --- |\n| Mass | 0.2 |\nGraphing this out:\n![[chart.png|184]]\n\nAfter.\n",
    );
    site.build().assert_code(0);
    let page = site.read("healing/scales/index.html");
    assert!(
        page.contains("<tr><td><img src=\"../../Healing/chart.png\""),
        "{page}"
    );
    assert!(page.contains("width=\"184\""), "{page}");
    assert!(!page.contains("184]]"), "{page}");
}

#[test]
fn a_formula_opened_after_words_on_its_line_leaves_the_next_ones_as_written() {
    // luissimas/zettelkasten (Notes/Variáveis aleatórias contínuas.md): `1. …: $$` then
    // the formula and `$$`; that closing `$$` was read as an opening, every pair after
    // it the wrong way round, and `%` shown between the paragraphs to the next heading.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Density.md",
        "# Density\n\n1. non-negative: $$\n  f(x) \\geq 0\n$$\n2. total: $$\n  \\int f = 1\n$$\n\nSo.\n\n$$\nP = 0\n$$\n\nAfter.\n\n## Uniform\n\nText.\n",
    );
    site.build().assert_code(0);
    let page = site.read("healing/density/index.html");
    assert!(
        !page.contains("%\n") && !page.contains("2. total"),
        "{page}"
    );
    assert!(
        page.contains("<p>So.</p>") && page.contains("<p>After.</p>"),
        "{page}"
    );
    assert_eq!(
        page.matches("<math display=\"block\">").count(),
        3,
        "{page}"
    );
    assert!(page.contains("<h2 id=\"uniform\">"), "{page}");
}

#[test]
fn footnotes_lead_to_their_note_whatever_the_label_s_case_and_in_an_embedded_section() {
    // 0xb120's vault: `[^PHPinternals]` marks a note written `[^PHPInternals]:`,
    // whose id kept its case, and a clipping's section embedded with `![[…#…]]` marked
    // footnotes written at the clipping's end: 12 links to no element.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Notes on sleep.md",
        "# Notes on sleep\n\nThe book says so [^Book], [^book] again.[^1]\n\n![[Clipping#Findings]]\n\n\
         [^BOOK]: The book.\n[^1]: My own first note.\n",
    );
    site.write(
        "content/Healing/Clipping.md",
        "# Clipping\n\n## Findings\n\nSleep helps.[^1] Twice.[^2]\n\n## Other\n\nNot embedded.[^3]\n\n\
         [^1]: A study.\n[^2]: Another study.\n[^3]: Left out.\n",
    );
    site.build().assert_code(0);
    let page = site.read("healing/notes-on-sleep/index.html");
    assert_eq!(page.matches("<a href=\"#BOOK\">1</a>").count(), 2, "{page}");
    assert!(
        page.contains("<div class=\"footnote-definition\" id=\"BOOK\">"),
        "{page}"
    );
    // The embedded section's marks lead to its own notes, shown after it, apart from
    // the page's own `[^1]`.
    assert!(page.contains("<a href=\"#embed-1-1\">"), "{page}");
    assert!(page.contains("<a href=\"#embed-1-2\">"), "{page}");
    assert!(page.contains("id=\"embed-1-1\""), "{page}");
    assert!(page.contains("A study."), "{page}");
    assert!(page.contains("Another study."), "{page}");
    assert!(!page.contains("Left out."), "{page}");
    assert!(page.contains("My own first note."), "{page}");
    let broken = crate::links::independent_check(&site);
    assert!(broken.is_empty(), "{broken:#?}");
}
