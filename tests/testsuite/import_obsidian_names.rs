//! Note names a slug cannot tell apart: a vault on programming holds `C.md`, `C++.md`
//! and `C#.md` side by side, `Bash.md` beside `Bash &&.md`, and notes named with
//! symbols or an emoji alone (`$?.md`, `🧠.md`). Each is a note of its own in
//! Obsidian and in a Quartz garden, so each gets a page of its own, and links find it.

use crate::support::Fixture;

#[test]
fn notes_that_differ_only_in_symbols_get_pages_of_their_own() {
    let site = Fixture::new("obsidian");
    for (name, text) in [
        ("C", "A language."),
        ("C++", "Another."),
        ("C#", "A third."),
        ("C Boilerplate", "Main."),
        ("C++ Boilerplate", "Main, again."),
        ("Bash", "A shell."),
        ("Bash &&", "And then."),
        ("Bash ;", "Then."),
        ("exit", "Leave."),
        ("exit()", "Leave, called."),
        ("$?", "Last status."),
    ] {
        site.write(&format!("content/Programming/{name}.md"), text);
    }
    site.write("content/Healing/🧠.md", "Thinking.");
    // stevepowell99/causal-mapping-garden-content's `img/↕.md`: nothing spells `↕`,
    // and the build stopped on "file name gives an empty slug".
    site.write("content/Healing/↕.md", "Up and down.");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\n[[C]] [[C++]] [C#](../Programming/C%23.md) [[C Boilerplate]] [[C++ Boilerplate]] [[Bash]] \
         [[Bash &&]] [[Bash ;]] [[exit]] [[exit()]] [[$?]] [[🧠]] [[↕]]\n",
    );
    // `[[C#]]` is the heading `#` of `C` in Obsidian, hence the Markdown link.
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("url-collision"), "{}", run.stderr);
    assert!(!run.stderr.contains("empty slug"), "{}", run.stderr);
    let page = site.read("healing/plans/index.html");
    // A name the slug spells in full keeps its address; the others spell their
    // symbols, or take the first free number.
    for (address, title) in [
        ("programming/c/", "C"),
        ("programming/c-plus-plus/", "C++"),
        ("programming/c-sharp/", "C#"),
        ("programming/c-boilerplate/", "C Boilerplate"),
        ("programming/c-plus-plus-boilerplate/", "C++ Boilerplate"),
        ("programming/bash/", "Bash"),
        ("programming/bash-and-and/", "Bash &amp;&amp;"),
        ("programming/bash-semicolon/", "Bash ;"),
        ("programming/exit/", "Exit"),
        ("programming/exit-2/", "Exit()"),
        ("programming/dollar-question/", "$?"),
        ("healing/brain/", "🧠"),
        ("healing/u2195/", "↕"),
    ] {
        assert!(
            page.contains(&format!("href=\"../../{address}\"")),
            "{address}: {page}"
        );
        let own = site.read(&format!("{address}index.html"));
        assert!(
            own.contains(&format!("<h1 id=\"article-title\">{title}</h1>")),
            "{address}: {own}"
        );
    }
}

#[test]
fn names_that_differ_only_in_case_no_longer_share_an_address() {
    // Hosts and disks that ignore case would merge these two: the second by path
    // moves to `notes-2/`, with a warning (see the letter-case test below).
    let site = Fixture::new("obsidian");
    site.write("content/Programming/Notes.md", "One.");
    site.write("content/Programming/notes.md", "Two.");
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains("'Programming/notes.md' is published at /programming/notes-2/");
    assert!(!run.stderr.contains("would publish"), "{}", run.stderr);
}

#[test]
fn double_braces_are_text_in_a_vault_and_in_a_quartz_garden() {
    // Notes on message templates and prompts write `{{1}}` and `{{user_input}}`:
    // Obsidian and Quartz show them as written; elsewhere (Jekyll's Liquid) they are
    // template expressions attune does not run, left out with a warning.
    let note = "# Reminders\n\nThe template sends {{1}}=name and {{2}}=date.\n\nTranslate: {{user_input}}\n";
    // Notes with no `.obsidian/` and none of Obsidian's syntax are not a vault.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Notes\"\n");
    site.write("content/Healing/reminders.md", note);
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("template expression `{{1}}` is not supported");
    assert!(!site.read("healing/reminders/index.html").contains("{{1}}"));
    for marker in ["content/.obsidian/app.json", "quartz.config.ts"] {
        let site = Fixture::new("obsidian");
        site.write("content/Healing/reminders.md", note);
        site.write(marker, "{}");
        let run = site.build();
        run.assert_code(0);
        assert!(
            !run.stderr.contains("template expression"),
            "{marker}: {}",
            run.stderr
        );
        let page = site.read("healing/reminders/index.html");
        assert!(
            page.contains("The template sends {{1}}=name and {{2}}=date.")
                && page.contains("Translate: {{user_input}}"),
            "{marker}: {page}"
        );
    }
}

#[test]
fn a_quartz_5_garden_is_known_by_its_yaml_settings_and_its_locale_read() {
    // 0xf61/mywiki: Quartz 5 keeps its settings in quartz.config.yaml, not
    // quartz.config.ts; a note's `{{1}}` is text there, and the garden is French.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Jardin\"\n\n[build]\ncontent_dir = \"content\"\n",
    );
    site.write(
        "quartz.config.yaml",
        "configuration:\n  pageTitle: Jardin\n  locale: fr-FR\n  ignorePatterns:\n    - private\nplugins:\n  - name: obsidian-flavored-markdown\n",
    );
    site.write(
        "content/index.md",
        "---\ntitle: Accueil\n---\nVoir [[Autre note]] et {{1}}.\n",
    );
    site.write("content/Autre note.md", "# Autre note\n\nTexte.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("template expression"),
        "{}",
        run.stderr
    );
    let page = site.read("index.html");
    assert!(
        page.starts_with("<!doctype html>\n<html lang=\"fr-FR\">"),
        "{}",
        &page[..80]
    );
    assert!(page.contains("et {{1}}."), "{page}");
}

#[test]
fn a_dotted_name_no_note_or_file_has_is_a_note_not_written_yet() {
    // Readwise writes `**Creator**:: [[enneagraminstitute.com]]`: Obsidian reads it as
    // a note to write, not a missing attachment; `[[leaflet.pdf]]` stays a file.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/type-six.md",
        "# Type six\n\nBy [[enneagraminstitute.com]], see [[v1.2|the second]] and [[leaflet.pdf]].\n",
    );
    let run = site.build();
    run.assert_code(1)
        .assert_stderr_contains(
            "warning: 'enneagraminstitute.com' is not written yet: shown as plain text\n --> content/Healing/type-six.md:3:4",
        )
        .assert_stderr_contains("warning: 'v1.2' is not written yet: shown as plain text")
        .assert_stderr_contains("'leaflet.pdf' is not in the content folder");
    site.write("content/Attachments/leaflet.pdf", "%PDF");
    site.build().assert_code(0);
    let page = site.read("healing/type-six/index.html");
    assert!(
        page.contains(
            "By <span class=\"missing-link\">enneagraminstitute.com</span>, see \
             <span class=\"missing-link\">the second</span> and"
        ),
        "{page}"
    );
    site.strict_links();
    site.run(&["check"])
        .assert_code(1)
        .assert_stderr_contains("error: broken link to 'enneagraminstitute.com'");
}

#[test]
fn a_folders_index_note_is_found_by_its_own_path() {
    // `[[clientes/ecobox/index]]`: the folder's `index.md`, its hub text in attune,
    // named by its file's path as Obsidian names it.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Clients/ecobox/index.md",
        "# Ecobox\n\nThe client.\n",
    );
    site.write("content/Clients/ecobox/calls.md", "# Calls\n\nMonday.\n");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\nSee [[Clients/ecobox/index]] and [[clients/ecobox/index|the client]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("index' is not written yet"),
        "{}",
        run.stderr
    );
    let page = site.read("healing/plans/index.html");
    assert!(
        page.contains("href=\"../../clients/ecobox/\" id=\"ref-1\">Ecobox</a>")
            && page.contains(">the client</a>"),
        "{page}"
    );
}

#[test]
fn in_a_vault_a_wikilink_before_parentheses_is_the_wikilink_and_text() {
    // `[[Magic Numbers]](MZ)`: Obsidian and Quartz link the note and show `(MZ)`;
    // elsewhere (mdBook's `[[dev-dependencies]](#dev-dependencies)`) it is one link.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write("content/Healing/magic.md", "# Magic Numbers\n\nBytes.\n");
    site.write(
        "content/Healing/header.md",
        "# Header\n\n- [[magic|Magic Numbers]](MZ).\n- [[magic]] (PE)\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("'MZ'"), "{}", run.stderr);
    let page = site.read("healing/header/index.html");
    assert!(
        page.contains("<a href=\"../../healing/magic/\" id=\"ref-1\">Magic Numbers</a>(MZ).")
            && page.contains(">Magic Numbers</a> (PE)"),
        "{page}"
    );
}

#[test]
fn an_html_comment_left_open_in_a_callout_does_not_hide_the_rest_of_the_page() {
    // A daily note's callout holds `<!--`, its `-->` on a line after the callout
    // ends: published as it was, the browser hid the rest of the page in the comment.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/today.md",
        "# Today\n\n> [!danger] Highlight\n><!-- Deprecated query\n>```meta-bind\nINPUT[text] -->\n\n## Routines\n\nWalk.\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains(
            "warning: this HTML comment `<!--` is not closed where its block ends",
        )
        .assert_stderr_contains("--> content/Healing/today.md:4:2");
    let page = site.read("healing/today/index.html");
    assert_eq!(
        page.matches("<!--").count(),
        page.matches("-->").count(),
        "{page}"
    );
    assert!(page.contains("id=\"routines\""), "{page}");
}

#[test]
fn a_vault_with_many_notes_at_its_root_lists_them_on_the_home_page_not_in_every_footer() {
    // Notes at a vault's root are pages of their own, linked from the footer: with 494
    // of them every page carried 494 links (33 KB a page, 191 MB for 3,134 pages, the
    // build's time growing with pages × root notes).
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Garden\"\n");
    for n in 1..=15 {
        site.write(
            &format!("content/Note {n:02}.md"),
            format!("# Note {n:02}\n\nText.\n"),
        );
    }
    site.write("content/Topic/Inside.md", "# Inside\n\nText.\n");
    site.build().assert_code(0);
    let inside = site.read("topic/inside/index.html");
    let footer = &inside[inside.find("<footer").unwrap()..];
    assert_eq!(footer.matches("href=\"../../note-").count(), 12, "{footer}");
    assert!(
        footer.contains("<a href=\"../../#pages\">All 15 pages</a>"),
        "{footer}"
    );
    let home = site.read("index.html");
    let pages = &home[home.find("<h2 id=\"pages\">Pages</h2>").unwrap()..];
    for n in 1..=15 {
        assert!(
            pages.contains(&format!("href=\"./note-{n:02}/\">Note {n:02}</a>")),
            "{n}: {pages}"
        );
    }
    assert!(crate::links::independent_check(&site).is_empty());
}

#[test]
fn a_note_whose_first_heading_is_a_wikilink_is_titled_by_it_and_links_to_it_have_text() {
    // Found in a real vault (1,169 of 2,019 pages titled "", 41,530 links with no
    // text): each note opened with a callout, then `#### [[Its own name]]`. The
    // heading's text is the name it links, as Obsidian shows it; a heading with no
    // text (an image alone) is never the title.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Sources disagree.md",
        "> [!infobox]\n> Mentioned in.\n\n#### [[Sources disagree]]\n\nThis contradicts [[Certainty]].\n",
    );
    site.write(
        "content/Healing/Certainty.md",
        "## ![](../Attachments/breathing.png)\n\nNo heading with words: titled by its name.\n\nSee [[Sources disagree]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("healing/sources-disagree/index.html");
    assert!(page.contains("<title>Sources disagree · "), "{page}");
    assert!(
        page.contains("aria-label=\"Link to this section: Sources disagree\""),
        "{page}"
    );
    assert!(page.contains(">Certainty</a>"), "{page}");
    let other = site.read("healing/certainty/index.html");
    assert!(other.contains("<title>Certainty · "), "{other}");
    assert!(other.contains(">Sources disagree</a>"), "{other}");
    for page in [&page, &other] {
        assert!(!page.contains("></a>"), "a link with no text: {page}");
    }
}

#[test]
fn a_name_with_a_dot_that_two_notes_answer_to_is_ambiguous_not_unwritten() {
    // Pokerole-Obsidian-SRD: `[[SRD-Run Away-v2.0|Run Away]]`, an ability and a move of
    // that name, was "not written yet" (29 links): the dot sent it to the files by name,
    // which gave up on two notes.
    let site = Fixture::new("obsidian");
    for folder in ["Abilities", "Moves"] {
        site.write(
            &format!("content/{folder}/Run Away-v2.0.md"),
            format!("# Run Away\n\nThe {folder} one.\n"),
        );
    }
    site.write(
        "content/Pokedex/Aipom.md",
        "# Aipom\n\n**Abilities**: [[Run Away-v2.0|Run Away]]\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1).assert_stderr_contains(
        "error: 'Run Away-v2.0' could mean 2 notes\n --> content/Pokedex/Aipom.md:3:16",
    );
    assert!(
        !run.stderr.contains("'Run Away-v2.0' is not written yet"),
        "{}",
        run.stderr
    );
    site.write(
        "book.toml",
        format!(
            "{}\n[build]\nbroken_links = \"warn\"\n",
            std::fs::read_to_string(site.path("book.toml")).unwrap()
        ),
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("pokedex/aipom/index.html");
    assert!(
        page.contains("moves/run-away-v2-0/\">Run Away</a>"),
        "the shortest path: {page}"
    );
}

#[test]
fn a_note_named_like_a_page_attune_writes_is_published_beside_it() {
    // A vault's own `Tags.md` and `Search.md` at its root (a note on literature
    // searches, one listing the tags the author uses), and `Glossary.md` in a site
    // with a glossary: each was a `url-collision` with attune's page, and nothing
    // was published. Privacy.md stays the privacy page, as before.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/Tags.md",
        "# Tags\n\nThe tags I use: #sleep.\n\nSee [[Search]].\n",
    );
    site.write(
        "content/Search.md",
        "How I search the literature.\n\n## Where to look\n\nBack to [[Tags]].\n",
    );
    site.write("content/Glossary.md", "My own list of words.\n");
    site.write(
        "content/glossary.yaml",
        "- term: Alexithymia\n  definition: Difficulty naming feelings.\n",
    );
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\n[[Tags]], [[Search#Where to look]], [search](../Search.md), [[Glossary]], #sleep.\n",
    );
    let check = site.run(&["check", "--format", "json"]);
    let items: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let items = items.as_array().unwrap();
    assert!(
        !items.iter().any(|d| d["severity"] == "error"),
        "{}",
        check.stdout
    );
    let mut moved: Vec<(&str, &str)> = items
        .iter()
        .filter(|d| d["code"] == "reserved-address")
        .map(|d| {
            assert_eq!(d["severity"], "warning");
            (d["file"].as_str().unwrap(), d["message"].as_str().unwrap())
        })
        .collect();
    moved.sort();
    assert_eq!(
        moved,
        [
            (
                "content/Glossary.md",
                "'Glossary.md' would be published at /glossary/, the address of the glossary attune writes: it is published at /glossary-2/"
            ),
            (
                "content/Search.md",
                "'Search.md' would be published at /search/, the address of the search page attune writes: it is published at /search-2/"
            ),
            (
                "content/Tags.md",
                "'Tags.md' would be published at /tags/, the address of the tag list attune writes: it is published at /tags-2/"
            ),
        ]
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("url-collision"), "{}", run.stderr);
    // The notes, with their text, beside attune's pages, which keep their addresses.
    assert!(site.read("tags-2/index.html").contains("The tags I use"));
    assert!(site
        .read("search-2/index.html")
        .contains("How I search the literature"));
    assert!(site
        .read("glossary-2/index.html")
        .contains("My own list of words"));
    assert!(site.read("tags/index.html").contains("tags/sleep/\""));
    assert!(site.read("search/index.html").contains("search-page-form"));
    assert!(site
        .read("glossary/index.html")
        .contains("Difficulty naming feelings"));
    // Links to the notes lead to them; links to attune's pages to those.
    let plans = site.read("healing/plans/index.html");
    for href in [
        "href=\"../../tags-2/\"",
        "href=\"../../search-2/#where-to-look\"",
        "href=\"../../search-2/\"",
        "href=\"../../glossary-2/\"",
    ] {
        assert!(plans.contains(href), "{href} in {plans}");
    }
    assert!(site
        .read("tags-2/index.html")
        .contains("href=\"../search-2/\""));
    assert!(site
        .read("search-2/index.html")
        .contains("href=\"../tags-2/\""));
    // An independent link checker finds nothing broken, as check did.
    let broken = crate::linkcheck::check_folder(&site.path("public"), false);
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn relative_paths_exact_names_and_the_nearer_note_decide_between_notes_of_one_name() {
    // A Quartz garden of course notes, each course with the same folders: Obsidian's
    // "relative path" links (`[[../revision]]`, `[[exam questions/exam questions]]`
    // from the folder above), a name two notes have exactly and a third only as a
    // slug (`Delta-function.md`), and a name two courses share.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "book.toml",
        format!(
            "{}\n[build]\nbroken_links = \"warn\"\n",
            std::fs::read_to_string(site.path("book.toml")).unwrap()
        ),
    );
    for course in ["a101", "a102"] {
        site.write(
            &format!("content/Course/{course}/revision/exam questions/exam questions.md"),
            format!("Questions for {course}.\n\nBack to [[../revision|the revision overview]].\n"),
        );
        site.write(
            &format!("content/Course/{course}/revision/revision.md"),
            format!("# Revision {course}\n\nSee [[exam questions/exam questions]].\n"),
        );
        site.write(
            &format!("content/Course/{course}/overview.md"),
            format!("# Overview {course}\n\nSee [[exam questions]].\n"),
        );
    }
    site.write(
        "content/Course/a101/notes/Delta function.md",
        "The function.\n",
    );
    site.write("content/Course/a101/Delta-function.md", "Another note.\n");
    site.write(
        "content/Archive/old/notes/x/delta function.md",
        "An old note.\n",
    );
    site.write(
        "content/Course/a101/lectures/lecture 8.md",
        "# Lecture 8\n\nA [[Delta function]].\n",
    );
    let check = site.run(&["check", "--format", "json"]);
    let items: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let ambiguous: Vec<(String, u64)> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "ambiguous-link")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    // The relative links find their one note; a name two courses share is still
    // ambiguous, and so is one two notes have exactly.
    assert_eq!(
        ambiguous,
        [
            ("content/Course/a101/lectures/lecture 8.md".to_string(), 3),
            ("content/Course/a101/overview.md".to_string(), 3),
            ("content/Course/a102/overview.md".to_string(), 3),
        ],
        "{}",
        check.stdout
    );
    site.build().assert_code(0);
    for course in ["a101", "a102"] {
        let questions = site.read(&format!(
            "course/{course}/revision/exam-questions/exam-questions/index.html"
        ));
        assert!(
            questions.contains(&format!(
                "course/{course}/revision/revision/\" id=\"ref-1\">the revision overview</a>"
            )),
            "{course}: {questions}"
        );
        let revision = site.read(&format!("course/{course}/revision/revision/index.html"));
        assert!(
            revision.contains(&format!(
                "course/{course}/revision/exam-questions/exam-questions/\" id=\"ref-1\""
            )),
            "{course}: {revision}"
        );
        // Of two as short, the one in the linking note's course.
        let overview = site.read(&format!("course/{course}/overview/index.html"));
        assert!(
            overview.contains(&format!(
                "course/{course}/revision/exam-questions/exam-questions/\" id=\"ref-1\""
            )),
            "{course}: {overview}"
        );
    }
    // The shorter of the two with that very name, not the note only its slug shares.
    let lecture = site.read("course/a101/lectures/lecture-8/index.html");
    assert!(
        lecture.contains("course/a101/notes/delta-function/\" id=\"ref-1\""),
        "{lecture}"
    );
}

#[test]
fn a_heading_with_a_footnote_is_linked_as_obsidian_writes_it() {
    // `### Assumptions on Ranges [^1]`: Obsidian writes a link to it as
    // `[[SI Units#Assumptions on Ranges [ 1]]`; the id, as GitHub, mdBook and Quartz
    // make it, holds the footnote's mark.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/Units/SI Units.md",
        "# SI Units\n\n### Assumptions on Ranges [^1]\n\nMost values fall in a range.\n\n[^1]: As a rule.\n",
    );
    site.write(
        "content/Units/Circuits.md",
        "# Circuits\n\n![[SI Units#Assumptions on Ranges [ 1]]\n\nSee [[SI Units#Assumptions on Ranges [ 1]|the ranges]].\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("broken-anchor"), "{}", run.stderr);
    assert!(!run.stderr.contains("no heading"), "{}", run.stderr);
    site.build().assert_code(0);
    assert!(site
        .read("units/si-units/index.html")
        .contains("id=\"assumptions-on-ranges-1\""));
    let page = site.read("units/circuits/index.html");
    assert!(
        page.contains("si-units/#assumptions-on-ranges-1\" id=\"ref-2\">the ranges</a>"),
        "{page}"
    );
    assert!(page.contains("Most values fall in a range."), "{page}");
}

#[test]
fn a_percent_pair_in_a_link_s_address_and_a_climb_too_many_read_as_in_obsidian() {
    // TrshPuppy/obsidian-notes: Obsidian writes a folder named `24% 1 Attacks` in a
    // link as `24%%201%20Attacks`, which hid the rest of the note as a comment never
    // closed, and then led nowhere (a `%` before no two hex digits is itself, as
    // Obsidian and the URL standard read it; `100%25` stays `100%`); and `../../../networking/DHCP.md` from a folder two deep, which Obsidian
    // and a browser take to the root's `networking/DHCP.md`, was written as an
    // address outside the site.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/networking/DHCP.md",
        "# DHCP\n\nLeases.\n\n## Options\n\nMore.\n",
    );
    site.write("content/24% 1 Attacks/phishing.md", "# Phishing\n\nBait.\n");
    site.write("content/Rates/100%.md", "# All of it\n\nEvery.\n");
    site.write(
        "content/CWP/OPN/fake-AP.md",
        "# Fake AP\n\nBy [phishing](../../24%%201%20Attacks/phishing.md), then the \
         [DHCP](../../../networking/DHCP.md#Options) server, [all](../../Rates/100%25.md).\n\nAFTER-THE-LINK %% hidden %% shown.\n",
    );
    let run = site.build();
    run.assert_code(0);
    for said in ["never closed", "outside the site"] {
        assert!(!run.stderr.contains(said), "{}", run.stderr);
    }
    let page = site.read("cwp/opn/fake-ap/index.html");
    assert!(page.contains("AFTER-THE-LINK  shown."), "{page}");
    assert!(
        page.contains("href=\"../../../networking/dhcp/#options\""),
        "{page}"
    );
    assert!(!page.contains("hidden %%"), "{page}");
    assert!(
        page.contains("href=\"../../../24-1-attacks/phishing/\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../../rates/100/\""), "{page}");
    assert!(!run.stderr.contains("phishing"), "{}", run.stderr);
}

/// A note or file named with a `?` (`What is CEN?.md`, as Obsidian and macOS allow) is
/// found by every way a vault links to it: a wikilink, and a Markdown link that writes
/// the `?` as it is (`<What is CEN?.md>`, `What%20is%20CEN?.md`), which Obsidian follows
/// to the note, or as `%3F`. No address has a `?` a browser would read as a query, and
/// the built site's links all lead somewhere; a query after a real name stays one.
#[test]
fn a_question_mark_in_a_note_s_name_is_part_of_the_name() {
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/What is CEN?.md",
        "# What is CEN?\n\n## Signs\n\nText.\n",
    );
    site.write("content/Healing/Is it safe?.pdf", "%PDF-1.4\n");
    site.write(
        "content/Healing/links.md",
        "# Links\n\n[[What is CEN?]] [[What is CEN?#Signs|signs]] [one](<What is CEN?.md>) \
         [two](What%20is%20CEN?.md#signs) [three](What%20is%20CEN%3F.md) \
         [pdf](<Is it safe?.pdf>) [[Is it safe?.pdf|the leaflet]] [query](<What is CEN?.md?x=1>)\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    let page = site.read("healing/links/index.html");
    assert!(
        page.matches("href=\"../../healing/what-is-cen/\"").count() >= 2,
        "{page}"
    );
    assert!(
        page.matches("href=\"../../healing/what-is-cen/#signs\"")
            .count()
            == 2,
        "{page}"
    );
    assert!(
        page.matches("href=\"../../Healing/Is%20it%20safe%3F.pdf\"")
            .count()
            == 2,
        "{page}"
    );
    assert!(!page.contains("?.md"), "{page}");
    assert!(
        page.contains("href=\"../../healing/what-is-cen/?x=1\""),
        "{page}"
    );
    let broken = crate::linkcheck::check_folder(&site.path("public"), false);
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn notes_that_differ_only_in_letter_case_get_pages_of_their_own_with_a_warning() {
    // zhanzhan1848/knowledge_obsidian keeps `Real-time-Global-Illumination….md` beside
    // `Real-Time-Global-Illumination….md` (a renamed note, both copies in git): Quartz
    // publishes both; the build stopped on a URL collision.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Papers/Real-time GI.md",
        "# Real-time GI\n\nThe old copy.\n",
    );
    site.write(
        "content/Papers/Real-Time GI.md",
        "# Real-Time GI\n\nThe new copy.\n",
    );
    site.write(
        "content/Papers/reading.md",
        "# Reading\n\n[[Real-time GI]] and [[Real-Time GI]].\n",
    );
    // Files keep their error: pages name them by their path.
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: 'Papers/Real-Time GI.md' and 'Papers/Real-time GI.md' differ only in letter case",
    );
    let reading = site.read("papers/reading/index.html");
    assert!(reading.contains("papers/real-time-gi/\""), "{reading}");
    assert!(reading.contains("papers/real-time-gi-2/\""), "{reading}");
    assert!(site
        .read("papers/real-time-gi/index.html")
        .contains("The new copy."));
    assert!(site
        .read("papers/real-time-gi-2/index.html")
        .contains("The old copy."));
}

#[test]
fn near_duplicate_notes_and_names_too_long_for_an_address_are_published_with_warnings() {
    // htlin222/quartz, a physician's garden: `open source.md` beside `open-source.md`,
    // `Approach to ↦ Shock.md` (with `slug: approach-to-shock`, which Quartz does not
    // read) beside `Approach to Shock.md`, and a note named by a sentence too long for an address:
    // 26 errors stopped the build.
    let site = Fixture::new("obsidian");
    site.write("content/Medicine/open source.md", "# open source\n\nOne.\n");
    site.write("content/Medicine/open-source.md", "# open-source\n\nTwo.\n");
    site.write(
        "content/Medicine/Approach to ↦ Shock.md",
        "---\ntitle: \"Approach to ↦ Shock\"\nslug: \"approach-to-shock\"\n---\nArrow.\n",
    );
    site.write(
        "content/Medicine/Approach to Shock.md",
        "# Approach to Shock\n\nPlain.\n",
    );
    let long = "Management of advanced human epidermal growth factor receptor 2 positive breast cancer and brain metastases in patients previously treated with trastuzumab pertuzumab and a taxane in the metastatic setting";
    site.write(&format!("content/Medicine/{long}.md"), "Long.\n");
    site.write(
        "content/Medicine/reading.md",
        format!("# Reading\n\n[[open source]], [[open-source]], [[Approach to ↦ Shock]], [[Approach to Shock]], [[{long}]].\n"),
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: 'Medicine/open source.md' and 'Medicine/open-source.md' give one address, /medicine/open-source/")
        .assert_stderr_contains("warning: the file name gives a slug of 205 bytes");
    let reading = site.read("medicine/reading/index.html");
    for (address, text) in [
        ("medicine/open-source/", "open source"),
        ("medicine/open-source-2/", "open-source"),
        ("medicine/approach-to-shock/", "Approach to Shock"),
    ] {
        assert!(
            reading.contains(&format!("{address}\">{text}</a>")),
            "{address}: {reading}"
        );
    }
    // The arrow's note takes an address of its own, its `slug:` an old address only.
    assert!(site
        .read("medicine/approach-to-shock/index.html")
        .contains("Plain."));
    // The long name is cut after the last word that fits.
    let cut = "management-of-advanced-human-epidermal-growth-factor-receptor-2-positive-breast-cancer-and-brain-metastases-in-patients-previously-treated-with-trastuzumab-pertuzumab-and-a-taxane-in-the-metastatic";
    assert!(cut.len() <= 200);
    assert!(reading.contains(&format!("medicine/{cut}/\"")), "{reading}");
    assert!(site
        .read(&format!("medicine/{cut}/index.html"))
        .contains("Long."));
}

#[test]
fn an_alias_name_too_long_or_broken_over_lines_is_a_name_not_an_address() {
    // 21Scorpii/La-Librairie-du-spectacle, a Quartz garden: `aliases: - "Antique
    // Neurological\rTemporary Impaler"`. An alias that is not a URL path never becomes a
    // folder, yet the carriage return was an error that stopped the build, and a name
    // longer than a file name would have been one too.
    let site = Fixture::new("obsidian");
    let long = "an alias name longer than any one file name may be ".repeat(6);
    site.write(
        "content/Glossary/A.N.T.I..md",
        format!("---\naliases:\n  - \"Antique Neurological\\rTemporary Impaler\"\n  - \"{long}\"\n---\nA device.\n"),
    );
    site.write(
        "content/Glossary/reading.md",
        format!("# Reading\n\n[[A.N.T.I.]] and [[{long}]].\n"),
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: alias 'Antique Neurological\\rTemporary Impaler' holds the control character U+000D, so no wikilink can name the page by it",
    );
    assert!(run.stderr.contains("A.N.T.I..md:3:5"), "{}", run.stderr);
    assert!(!run.stderr.contains("alias has"), "{}", run.stderr);
    let reading = site.read("glossary/reading/index.html");
    // Both names lead to the note.
    for n in [1, 2] {
        let link = format!("<a href=\"../../glossary/a-n-t-i/\" id=\"ref-{n}\">");
        assert!(reading.contains(&link), "{link}: {reading}");
    }
}

#[test]
fn a_wikilink_by_an_alias_shows_the_alias_as_written() {
    // An author writes an alias to fit the sentence: Obsidian and Quartz show
    // `[[dismissive parents]]` as "dismissive parents"; attune showed the title,
    // "The dismissive family", in its place.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Adult Effects/talking.md",
        "# Talking\n\nWith [[dismissive parents]], [[trouble naming feelings]] follows; \
         see [[Dismissive parents#Why it happens]], [[The dismissive family]], [[Alexithymia]] \
         and [[Dismissive Family]].\n",
    );
    site.build().assert_code(0);
    let page = site.read("adult-effects/talking/index.html");
    let family = "../../patterns/family-styles/dismissive-family/";
    for shown in [
        format!("<a href=\"{family}\" id=\"ref-1\">dismissive parents</a>"),
        "<a href=\"../../adult-effects/alexithymia/\" id=\"ref-2\">trouble naming feelings</a>".to_string(),
        format!("<a href=\"{family}#why-it-happens\" id=\"ref-3\">Dismissive parents &gt; Why it happens</a>"),
        // By title or file name: the title, as before.
        format!("<a href=\"{family}\" id=\"ref-4\">The dismissive family</a>"),
        "<a href=\"../../adult-effects/alexithymia/\" id=\"ref-5\">Alexithymia</a>".to_string(),
        format!("<a href=\"{family}\" id=\"ref-6\">The dismissive family</a>"),
    ] {
        assert!(page.contains(&shown), "{shown}: {page}");
    }
}

#[test]
fn a_link_to_index_in_a_garden_leads_to_the_home_page() {
    // htlin222/quartz links `[[index]]` 41 times, to the garden's top `index.md`, which
    // Quartz publishes as its home page: each was "not written yet".
    let site = Fixture::new("obsidian");
    site.write("content/index.md", "# Lizard garden\n\nWelcome.\n");
    site.write(
        "content/Healing/back.md",
        "# Back\n\nBack to [[index]] or [[index|the start]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("'index' is not written yet"),
        "{}",
        run.stderr
    );
    let page = site.read("healing/back/index.html");
    assert!(
        page.contains("href=\"../../\"") || page.contains("href=\"/\""),
        "{page}"
    );
    assert!(page.contains(">the start</a>"), "{page}");
}

#[test]
fn a_wikilink_to_a_note_not_written_yet_is_offered_a_note_by_the_name_a_wikilink_uses() {
    // 0x1Super's notes: `[[Commands]]` was offered 'command-injection', an address,
    // and `[[01 Enumeration/File services/Ftp]]`, a note since moved, nothing.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Command Injection.md",
        "# Command Injection\n\nText.\n",
    );
    site.write(
        "content/Healing/links.md",
        "# Links\n\nSee [[Commands]] and [[Old Folder/Dismisive Family]].\n",
    );
    let run = site.build();
    let help = |written: &str| {
        let d = run
            .stderr
            .split("warning: ")
            .find(|d| d.starts_with(&format!("'{written}' is not written yet")))
            .unwrap_or_else(|| panic!("{written}: {}", run.stderr));
        d.split("help: ")
            .nth(1)
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    assert_eq!(help("Commands"), "did you mean 'Command Injection'?");
    assert_eq!(
        help("Old Folder/Dismisive Family"),
        "did you mean 'Dismissive Family'?"
    );
    // Of two notes of that name, the one meant is named by its path.
    site.write("content/Healing/Dismissive Family.md", "# Other\n\nText.\n");
    let run = site.build();
    let d = run
        .stderr
        .split("warning: ")
        .find(|d| d.starts_with("'Old Folder/Dismisive Family' is not written yet"))
        .unwrap_or_default();
    assert!(
        d.contains("did you mean 'Healing/Dismissive Family'?")
            || d.contains("did you mean 'Patterns/Family Styles/Dismissive Family'?"),
        "{}",
        run.stderr
    );
}

#[test]
fn of_notes_a_name_finds_as_a_slug_the_one_that_gives_itself_that_very_name_is_meant() {
    // Convex's Logseq graph: `Value.md` (`alias:: Values`) beside
    // `convex.core___(values).md` (`alias:: (values)`), and `(str)` beside `(str?)`:
    // each name is a slug both share, so `[[Values]]` was "could mean 2 notes" (12
    // such warnings). Logseq and Obsidian match a name whole, in any case.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Graph\"\n\n[build]\ncontent_dir = \"graph\"\nbroken_links = \"warn\"\n",
    );
    site.write("graph/logseq/config.edn", "{:meta/version 1}\n");
    site.write("graph/pages/Value.md", "alias:: Values\n\n- A value.\n");
    site.write(
        "graph/pages/convex.core___(values).md",
        "alias:: (values)\n\n- The values of a map.\n",
    );
    site.write(
        "graph/pages/convex.core___(str).md",
        "alias:: (str)\n\n- To text.\n",
    );
    site.write(
        "graph/pages/convex.core___(str%3F).md",
        "alias:: (str?)\n\n- Whether text.\n",
    );
    site.write(
        "graph/pages/Start.md",
        "- [[Values]], [[values]], [[(values)]], [[(str)]] and [[(str?)]].\n- [[VALUES!]]\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert_eq!(
        run.stderr.matches("could mean 2 notes").count(),
        1,
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("warning: 'VALUES!' could mean 2 notes");
    let start = site.read("pages/start/index.html");
    let links: Vec<&str> = start
        .split("href=\"../../pages/")
        .skip(1)
        .filter(|s| s.contains("\" id=\"ref-"))
        .map(|s| &s[..s.find('"').unwrap()])
        .take(5)
        .collect();
    assert_eq!(
        links,
        [
            "value/",
            "value/",
            "convex-core-values/",
            "convex-core___-str/",
            "convex-core-str/"
        ],
        "{start}"
    );
    assert!(start.contains(">convex.core/(str?)</a>"), "{start}");
}

/// A wikilink naming a folder by its path (`[[04-architecture/adr]]`, from the vault's
/// top or the note's own folder) where no note has that name leads to the folder's
/// page, which lists what it holds, as a vault's folder-note plugins lead there; it was
/// a note "not written yet" (0xultravioleta/medos: `see [[04-architecture/adr]]` for
/// eight ADRs). A name that is neither stays a note not written yet.
#[test]
fn a_wikilink_naming_a_folder_leads_to_its_page() {
    let site = Fixture::new("obsidian");
    site.write("content/Architecture/ADR/ADR-001 Storage.md", "Kept.");
    site.write("content/Architecture/overview.md", "See [[ADR]].");
    site.write("content/Domain/billing/claims.md", "Claims.");
    site.write(
        "content/Plans/plan.md",
        "# Plan\n\nThe records: [[Architecture/ADR]], [[Domain/billing|billing research]], \
         [[Domain]] and [[Domain/payroll]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    // The fixture's own note still to come, and this one.
    assert_eq!(
        run.stderr.matches("is not written yet").count(),
        2,
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("'Domain/payroll' is not written yet");
    let page = site.read("plans/plan/index.html");
    for link in [
        "<a href=\"../../architecture/adr/\" id=\"ref-1\">Architecture/ADR</a>",
        "<a href=\"../../domain/billing/\" id=\"ref-2\">billing research</a>",
        "<a href=\"../../domain/\" id=\"ref-3\">Domain</a>",
    ] {
        assert!(page.contains(link), "{link}: {page}");
    }
    let overview = site.read("architecture/overview/index.html");
    assert!(
        overview.contains("<a href=\"../../architecture/adr/\""),
        "{overview}"
    );
}
