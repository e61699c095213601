//! A vault kept in git or published with Obsidian Publish most often leaves its
//! `.obsidian/` folder out: it is read as a vault from what it holds (Publish's
//! `publish.css` or `publish.js`, notes written in Obsidian's syntax), never when
//! another tool's site is there. Tags of emoji alone, as gardens mark a note's growth,
//! get a page each. A heading that skips a level is kept, with a warning.

use crate::support::Fixture;

/// A note that reads differently in a vault: `{{1}}` is text there (elsewhere a
/// template expression left out), `[[Magic Numbers]](MZ)` the wikilink and the text
/// `(MZ)`.
const TEMPLATES: &str =
    "# Message templates\n\nThe reminder sends {{1}}=name.\n\nSee [[magic-numbers]](MZ) on headers.\n";

fn notes(site: &Fixture, first: &str, second: &str) {
    site.write(
        "book.toml",
        "[site]\ntitle = \"Notes\"\n\n[build]\nbroken_links = \"warn\"\n",
    );
    site.write("content/Clinic/Message templates.md", TEMPLATES);
    site.write(
        "content/Clinic/Magic Numbers.md",
        "# Magic Numbers\n\nText.\n",
    );
    site.write("content/Clinic/Sleep Hygiene.md", first);
    site.write("content/Clinic/Worry time.md", second);
}

fn read_as_a_vault(site: &Fixture) {
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("template expression"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("broken link"), "{}", run.stderr);
    let page = site.read("clinic/message-templates/index.html");
    assert!(page.contains("The reminder sends {{1}}=name."), "{page}");
    assert!(page.contains("</a>(MZ) on headers."), "{page}");
}

fn not_read_as_a_vault(site: &Fixture) {
    let run = site.build();
    run.assert_stderr_contains("template expression `{{1}}` is not supported");
    assert!(!site
        .read("clinic/message-templates/index.html")
        .contains("{{1}}"));
}

#[test]
fn notes_written_in_obsidian_s_syntax_are_a_vault_without_the_obsidian_folder() {
    let site = Fixture::empty();
    notes(
        &site,
        "# Sleep Hygiene\n\nSee [[Worry time]] and ![[Magic Numbers]].\n",
        "---\nName: Worry time\n---\n# Worry time\n\nBack to [[Sleep Hygiene|sleep]]. %% draft %% This is `= this.Name`.\n",
    );
    read_as_a_vault(&site);
    // The note's own Dataview query is answered, as in a vault with `.obsidian/`
    // (Obsidian-TTRPG-Community/ObsidianTTRPGShare keeps none in its repository).
    let page = site.read("clinic/worry-time/index.html");
    assert!(page.contains("This is Worry time."), "{page}");
}

#[test]
fn obsidian_publish_s_publish_css_makes_a_vault() {
    // Wikilinks by id, as attune's own sites write them, are no mark of Obsidian; the
    // Publish site's own style sheet at the root is.
    let site = Fixture::empty();
    notes(
        &site,
        "# Sleep Hygiene\n\nSee [[worry-time]].\n",
        "# Worry time\n\nText.\n",
    );
    not_read_as_a_vault(&site);
    site.write("content/publish.css", ".theme-dark { --text: #eee; }\n");
    read_as_a_vault(&site);
    site.remove("content/publish.css");
    site.write("content/publish.js", "// Publish's script\n");
    read_as_a_vault(&site);
}

#[test]
fn a_stray_wikilink_or_code_does_not_make_a_vault() {
    // One note with a wikilink; shell tests and wikilinks in code spans and blocks.
    let site = Fixture::empty();
    notes(
        &site,
        "# Sleep Hygiene\n\nSee [[Worry time]].\n",
        "# Worry time\n\nRun `[[Sleep Hygiene]]` and\n\n```sh\n[[ -f ~/.plan ]] && cat ~/.plan\n```\n",
    );
    not_read_as_a_vault(&site);
}

#[test]
fn another_tool_s_site_with_wikilinks_is_not_a_vault() {
    let marked = (
        "# Sleep Hygiene\n\nSee [[Worry time]] and ![[Magic Numbers]].\n",
        "# Worry time\n\nBack to [[Sleep Hygiene]].\n",
    );
    // mdBook: its SUMMARY.md; GitBook, MkDocs and Docusaurus: their configuration.
    let site = Fixture::empty();
    notes(&site, marked.0, marked.1);
    site.write(
        "content/SUMMARY.md",
        "# Summary\n\n- [Message templates](Clinic/Message%20templates.md)\n- [Magic Numbers](Clinic/Magic%20Numbers.md)\n- [Sleep Hygiene](Clinic/Sleep%20Hygiene.md)\n- [Worry time](Clinic/Worry%20time.md)\n",
    );
    site.write("content/publish.css", "body {}\n");
    not_read_as_a_vault(&site);
    // (MkDocs shows `{{1}}` as written unless it runs mkdocs-macros, as here.)
    for (config, text) in [
        (".gitbook.yaml", "\n"),
        ("mkdocs.yml", "plugins:\n  - macros\n"),
        ("docusaurus.config.js", "\n"),
    ] {
        let site = Fixture::empty();
        notes(&site, marked.0, marked.1);
        site.write(config, text);
        not_read_as_a_vault(&site);
    }
}

#[test]
fn a_tag_of_emoji_alone_gets_a_page_spelled_out() {
    // audryhsu/obsidian-notes-published marks notes `tags: [🖥️]`, `🌱`, `📥️`: the
    // build stopped on "has no letters or digits".
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Notes\"\n");
    site.write(
        "content/Healing/Growing.md",
        "---\ntags:\n  - 🌱\n  - sleep\n---\n# Growing\n\nText.\n",
    );
    site.write(
        "content/Healing/Inbox.md",
        "---\ntags: [🌱, 📥️]\n---\n# Inbox\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("bad-tag"), "{}", run.stderr);
    let tag = site.read("tags/seedling/index.html");
    assert!(tag.contains("Growing") && tag.contains("Inbox"), "{tag}");
    assert!(site.path("public/tags/inbox-tray/index.html").exists());
    let page = site.read("healing/growing/index.html");
    assert!(page.contains("tags/seedling/"), "{page}");
    // A tag nothing can spell still stops the build.
    site.write(
        "content/Healing/Inbox.md",
        "---\ntags: [\"—\"]\n---\n# Inbox\n\nText.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("tag '—' has no letters or digits");
}

#[test]
fn inline_emoji_tags_are_tags() {
    // Gardens mark a note's growth or subject in its text (`#🌱`, `#📚/reading`), and
    // Obsidian and Quartz read them as tags: they were text, with no tag page. Not a
    // heading, a colour in code, an issue's number or a link's `#`.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Notes\"\n");
    site.write(
        "content/Healing/Growing.md",
        "# Growing\n\nStatus #🌱 and #📚/reading, see #42 and [x](#top).\n\n\
         Text #reading too, `color: #fff` and #👩‍⚕️.\n\n## #🌿 heading\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("healing/growing/index.html");
    assert!(
        page.contains("<a class=\"tag\" href=\"../../tags/seedling/\">#🌱</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a class=\"tag\" href=\"../../tags/books-reading/\">#📚/reading</a>"),
        "{page}"
    );
    assert!(page.contains("tags/reading/\">#reading</a>"), "{page}");
    assert!(page.contains("#👩‍⚕️</a>"), "{page}");
    assert!(!page.contains("tags/42/"), "{page}");
    assert!(page.contains("<code>color: #fff</code>"), "{page}");
    for tag in ["seedling", "books-reading", "reading", "herb"] {
        let list = site.read(&format!("tags/{tag}/index.html"));
        assert!(list.contains("Growing"), "{tag}: {list}");
    }
    assert!(!site.path("public/tags/fff/index.html").exists());
    assert!(!site.path("public/tags/top/index.html").exists());
}

#[test]
fn a_heading_that_skips_a_level_is_kept_with_a_warning() {
    // As axe's heading-order rule reads the page: the title is its <h1>, and a page
    // of three headings or more lists its contents under an <h2> first.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Notes\"\n");
    site.write(
        "content/Healing/Sleep.md",
        "# Sleep\n\nIntro.\n\n### Tips\n\nA routine.\n",
    );
    site.write(
        "content/Healing/Worry.md",
        "## Worry\n\n### Evenings\n\n## Why\n\n> ##### Deeper\n",
    );
    site.write("content/Healing/Calm.md", "# Calm\n\n## A\n\n### B\n");
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: heading 'Tips' is level 3 after the page's title (level 1): a level is skipped\n --> content/Healing/Sleep.md:5:1",
        )
        .assert_stderr_contains("write `## Tips` to follow on")
        .assert_stderr_contains(
            "warning: heading 'Deeper' is level 4 after a level-2 heading: a level is skipped\n --> content/Healing/Worry.md:7:3",
        )
        // Below `## Worry`, the page's title, each heading climbs a level: `### Evenings`
        // follows it as its <h2>, and `##### Deeper` is an <h4>.
        .assert_stderr_contains("write `#### Deeper` to follow on, or keep it: it is published as written (below the `##` that became the page's title, each heading is shown 1 level higher than written)");
    assert_eq!(
        run.stderr.matches("a level is skipped").count(),
        2,
        "{}",
        run.stderr
    );
    // Published as written, but below a `##` title, a level higher.
    let page = site.read("healing/sleep/index.html");
    // Many are one warning at the first, counting them and their files (spinnaker.io:
    // 1,084 in 155 files buried every other problem).
    let changes: String = (1..=4)
        .map(|n| format!("## Release {n}\n\n#### Fixes\n\n"))
        .collect();
    site.write(
        "content/Healing/Changes.md",
        format!("# Changes\n\n{changes}"),
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: heading 'Fixes' is level 4 after a level-2 heading: a level is skipped (6 headings that skip a level in 3 files, reported here as one)\n  --> content/Healing/Changes.md:5:1",
    );
    assert_eq!(
        run.stderr.matches("a level is skipped").count(),
        1,
        "{}",
        run.stderr
    );
    site.remove("content/Healing/Changes.md");
    site.build();
    assert!(page.contains("<h3 id=\"tips\">"), "{page}");
    let page = site.read("healing/worry/index.html");
    assert!(page.contains("<h2 id=\"evenings\">"), "{page}");
    assert!(page.contains("<h4 id=\"deeper\">"), "{page}");
}

#[test]
fn a_rule_opening_a_note_is_no_front_matter() {
    // antoniofrancaib/zettelkasten-content's conviction.md: `---`, a blank line, then
    // a poem's HTML, drawn by Obsidian as a rule then the poem. The build stopped on
    // "front matter is not closed".
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Notes\"\n");
    site.write(
        "content/Poems/conviction.md",
        "---\n\n<div class=\"poem\">\n<p>I know that I shall meet my fate</p>\n</div>\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("poems/conviction/index.html");
    assert!(page.contains("<hr"), "{page}");
    assert!(page.contains("I know that I shall meet my fate"), "{page}");
}

#[test]
fn a_wikilink_with_spaces_inside_its_brackets_is_read_as_obsidian_and_quartz_read_it() {
    // TrshPuppy/obsidian-notes writes bash's `[[ -f x ]]` in prose. Obsidian shows it
    // as a link to a note not written yet, and Quartz links its trimmed target: a
    // `missing-note` warning here, its text shown; `[[ Sleep ]]` leads to Sleep.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Notes\"\n");
    site.write("content/.obsidian/app.json", "{}");
    site.write("content/Notes/Sleep.md", "# Sleep\n\nText.\n");
    site.write(
        "content/Notes/shell.md",
        "# Shell\n\nTest [[ -f x ]] or [[ Sleep ]], and `[[ -d y ]]` in code.\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: '-f x' is not written yet: shown as plain text\n --> content/Notes/shell.md:3:6",
    );
    assert!(!run.stderr.contains("'-d y'"), "{}", run.stderr);
    let page = site.read("notes/shell/index.html");
    assert!(
        page.contains("<span class=\"missing-link\">-f x</span>"),
        "{page}"
    );
    assert!(page.contains("href=\"../../notes/sleep/\""), "{page}");
    assert!(page.contains("<code>[[ -d y ]]</code>"), "{page}");
}

/// Obsidian's Book Search plugin writes the date a book came out as `publish:` into
/// every book note (`publish: 2013-09-03`, `publish: 1911`, `publish: 2015-07`): that is
/// the author's data, not Obsidian Publish's flag, and the notes are published (as
/// Quartz publishes them); a word that is no yes-or-no answer stays an error.
#[test]
fn a_book_note_s_publish_date_is_not_the_publish_flag() {
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Notes\"\n");
    site.write(
        "content/Books/1984.md",
        "---\ntitle: \"1984\"\npublisher: HarperCollins\npublish: 2013-09-03\n---\nRead in May.\n",
    );
    site.write(
        "content/Books/Meditations.md",
        "---\npublish: 1911\n---\nSee [[1984]] and [[Dune]].\n",
    );
    site.write(
        "content/Books/Dune.md",
        "---\npublish: 2015-07\n---\nBack to [[Meditations]].\n",
    );
    site.write(
        "content/Books/Marked.md",
        "---\npublish: true\n---\nSee [[1984]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("yes-or-no"), "{}", run.stderr);
    assert!(site.read("books/1984/index.html").contains("Read in May."));
    assert!(site.read("books/meditations/index.html").contains("href"));
    assert!(site.read("books/dune/index.html").contains("Back to"));

    site.write("content/Books/Dune.md", "---\npublish: maybe\n---\nText.\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("a yes-or-no key is `true` or `false`, not `maybe`");
}

#[test]
fn a_pasted_script_or_stylesheet_whose_file_is_missing_is_left_out_whole() {
    // A note holding a page's `<script src>` and `<link href>` pasted from elsewhere,
    // their files not in the vault: each was published as `src=""`/a bare `<link>`,
    // which loads the page itself as a script and which a link checker counts.
    let site = Fixture::new("obsidian");
    site.write(
        "book.toml",
        "[site]\ntitle = \"Notes\"\n\n[build]\nbroken_links = \"warn\"\n",
    );
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/Clinic/Widget.md",
        "# Widget\n\nBEFORE\n\n<link rel=\"stylesheet\" href=\"css/widget.css\">\n<script src=\"js/widget.js\" defer></script>\n<script src=\"js/here.js\"></script>\n\nAFTER\n",
    );
    site.write("content/Clinic/js/here.js", "console.log(1)\n");
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains("script 'js/widget.js' does not exist")
        .assert_stderr_contains("stylesheet or font 'css/widget.css' does not exist");
    site.build().assert_code(0);
    let page = site.read("clinic/widget/index.html");
    let body = &page[page.find("BEFORE").unwrap()..page.find("AFTER").unwrap()];
    assert!(!body.contains("widget"), "{body}");
    assert!(!body.contains("<link"), "{body}");
    assert_eq!(body.matches("<script").count(), 1, "{body}");
    assert!(body.contains("here.js\"></script>"), "{body}");
}

#[test]
fn the_older_alias_key_names_a_note_as_aliases_does() {
    // htlin222/quartz: 488 notes name themselves with `alias:` (Obsidian's older key,
    // which Obsidian and Quartz still read); it was an unknown key, and every
    // `[[2ITP]]` written by it a note not written yet.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/Blood/Second-line treatment of ITP.md",
        "---\nalias: 2ITP\n---\n# Second-line treatment of ITP\n\nText.\n",
    );
    site.write(
        "content/Blood/Platelets.md",
        "---\nalias:\n  - PLT\n  - thrombocytes\n---\n# Platelets\n\nSee [[2ITP]].\n",
    );
    site.write(
        "content/Blood/Index.md",
        "# Index\n\n[[PLT]] and [[thrombocytes|cells]].\n",
    );
    // Both keys: `aliases` is read, as Quartz takes the first it finds (this was a
    // "duplicate field" error once `alias` was read). Quartz's `enableToc` is its own.
    site.write(
        "content/Blood/Marrow.md",
        "---\nalias: old-marrow\naliases: [BM]\nenableToc: false\n---\n# Marrow\n\nSee [[BM]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    for said in [
        "unknown front matter key `alias`",
        "unknown front matter key `enableToc`",
        "duplicate",
        "'2ITP'",
        "'BM'",
        "'PLT'",
        "'thrombocytes'",
    ] {
        assert!(!run.stderr.contains(said), "{}", run.stderr);
    }
    let page = site.read("blood/platelets/index.html");
    assert!(
        page.contains("href=\"../../blood/second-line-treatment-of-itp/\" id=\"ref-"),
        "{page}"
    );
    let page = site.read("blood/index/index.html");
    assert_eq!(
        page.matches("href=\"../../blood/platelets/\" id=\"ref-")
            .count(),
        2,
        "{page}"
    );
}

#[test]
fn the_older_tag_key_tags_a_note_as_tags_does() {
    // Quartz reads `tag:` where a note gives no `tags:` (it takes the first of the
    // two it finds); it was an unknown key and the note untagged.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/Care/Grief.md",
        "---\ntag: [grief, loss]\n---\n# Grief\n\nText.\n",
    );
    site.write(
        "content/Care/Sleep.md",
        "---\ntag: sleep\ntags: [rest]\n---\n# Sleep\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("`tag`"), "{}", run.stderr);
    assert!(site.read("tags/grief/index.html").contains("Grief"));
    assert!(site.read("tags/loss/index.html").contains("Grief"));
    assert!(site.read("tags/rest/index.html").contains("Sleep"));
    assert!(!site.path("public/tags/sleep/index.html").exists());
}

#[test]
fn a_dendron_note_is_dated_and_described_by_its_own_keys() {
    // Duffney/dendron-second-brain, Kenshin/simpread-wiki: every Dendron note says
    // `updated:` and `created:` in milliseconds since 1970 and `desc:` for its
    // description; each `updated` was "holds something other than a date", left out,
    // and `desc` and `created` unknown keys.
    let site = Fixture::new("obsidian");
    site.write(
        "content/sleep.cycles.md",
        "---\nid: 2xlo8hm4o892zzo7nigtyzm\ntitle: Cycles\ndesc: Sleep comes in cycles.\nupdated: 1657806590091\ncreated: 1657806386843\n---\n\nText.\n",
    );
    site.write(
        "content/sleep.md",
        "---\nid: mdbfffamzyb5cma1fsgvgdw\ntitle: Sleep\ndesc: ''\ncreated: 1639804259623\n---\n\nSee [[sleep.cycles]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    for said in ["`updated`", "`desc`", "`created`"] {
        assert!(!run.stderr.contains(said), "{}", run.stderr);
    }
    let page = site.read("sleep-cycles/index.html");
    assert!(
        page.contains("<meta name=\"description\" content=\"Sleep comes in cycles.\">"),
        "{page}"
    );
    // `updated` is the page's last change; `created`, with no `updated`, its date.
    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.contains("/sleep-cycles/</loc><lastmod>2022-07-14<"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("/sleep/</loc><lastmod>2021-12-18<"),
        "{sitemap}"
    );
}

#[test]
fn a_dendron_workspace_s_wikilinks_give_the_label_first() {
    // Kenshin/simpread-wiki: Dendron writes `[[Tutorial Home Page| tutorial]]`, the label
    // before the note; each was "'Tutorial Home Page' is not written yet".
    let site = Fixture::new("obsidian");
    site.write(
        "dendron.yml",
        "version: 5\nworkspace:\n  vaults:\n    - fsPath: content\n",
    );
    site.write(
        "content/tutorial.md",
        "---\nid: a1\ntitle: Tutorial\ndesc: ''\nupdated: 1624864763249\ncreated: 1624864763249\n---\n\nStart.\n",
    );
    site.write(
        "content/tutorial.conclusion.md",
        "---\nid: a2\ntitle: Conclusion\n---\n\nBack to [[Tutorial Home Page| tutorial]], or [[tutorial]].\n\n![[Start here|tutorial]]\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("Tutorial Home Page"), "{}", run.stderr);
    assert!(!run.stderr.contains("Start here"), "{}", run.stderr);
    let page = site.read("tutorial-conclusion/index.html");
    assert!(page.contains("href=\"../tutorial/\" id=\"ref-"), "{page}");
    assert!(page.contains(">Tutorial Home Page</a>"), "{page}");
    assert!(page.contains("Start."), "{page}");
}

#[test]
fn a_dendron_notes_own_keys_are_known_and_published_false_holds_it_back() {
    // Divergent-Pathfinders/notes: every note's `id` was an unknown key; a note marked
    // `published: false`, which Dendron's publishing leaves out, was published.
    let site = Fixture::new("obsidian");
    site.write(
        "dendron.yml",
        "version: 5\nworkspace:\n  vaults:\n    - fsPath: content\n",
    );
    site.write(
        "content/about.md",
        "---\nid: b02fd839\ntitle: About\ndesc: ''\nstub: false\nnav_order: 2\ncustom: {}\n---\n\nWho we are. See [[sessions]].\n",
    );
    site.write(
        "content/sessions.md",
        "---\nid: c029b3cc\ntitle: Sessions\npublished: false\n---\n\nPrivate session notes.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("unknown front matter key"),
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("`published: false`");
    assert!(!site.path("public/sessions/index.html").exists());
    let about = site.read("about/index.html");
    assert!(!about.contains("Private session notes"), "{about}");
}
