//! An Obsidian vault's habits beyond the basics in `import_structure`: Markdown links
//! to notes not written yet, in every form Obsidian writes them, follow
//! `[build] missing_links` as wikilinks do; Markdown links find notes as Obsidian does.

use crate::support::Fixture;

const FORMS: &str = "# Plans

- [bare](Later.md)
- [encoded](Missing%20Note.md)
- [angle](<Missing Note.md>)
- [folder](../Sub/Missing.md#Heading)
- [heading](Gone.md#Part)
";

/// Each form, its position in `content/Healing/plans.md`, and the name the warning gives.
const EXPECTED: [(&str, &str, &str); 5] = [
    ("bare", "3:3", "Later.md"),
    ("encoded", "4:3", "Missing Note.md"),
    ("angle", "5:3", "Missing Note.md"),
    ("folder", "6:3", "../Sub/Missing.md"),
    ("heading", "7:3", "Gone.md"),
];

#[test]
fn markdown_links_to_notes_not_written_yet_are_plain_text_with_a_warning() {
    let site = Fixture::new("obsidian");
    site.write("content/Healing/plans.md", FORMS);
    let run = site.build();
    run.assert_code(0);
    for (label, at, name) in EXPECTED {
        run.assert_stderr_contains(&format!(
            "warning: '{name}' is not written yet: shown as plain text\n --> content/Healing/plans.md:{at}"
        ));
        let page = site.read("healing/plans/index.html");
        assert!(
            page.contains(&format!("<span class=\"missing-link\">{label}</span>")),
            "{label}: {page}"
        );
    }
    // `check` says the same, with the code a wikilink's warning has.
    let check = site.run(&["check", "--format", "json"]);
    check.assert_code(0);
    assert_eq!(
        check.stdout.matches("\"code\": \"missing-note\"").count(),
        6
    );
}

#[test]
fn many_links_to_one_note_not_written_yet_are_one_warning_that_counts_them() {
    // piotrantoniewicz/obsidian-vault links `[[Claude]]` 302 times in 175 notes, none
    // written: 9,886 such warnings in all buried the vault's 832 others. More than
    // three to one name are one warning at the first, counting them; a few stay one each.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/one.md",
        "# One\n\n[[Someday]] and [[Someday|later]].\n\n[[Soon]], [[Soon]].\n",
    );
    site.write(
        "content/Healing/two.md",
        "# Two\n\n[[Someday]], [[Someday]] and [x](Someday.md).\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: 'Someday' is not written yet: shown as plain text (4 links to 'Someday' in 2 files, reported here as one)\n --> content/Healing/one.md:3:1")
        .assert_stderr_contains("warning: 'Someday.md' is not written yet")
        .assert_stderr_contains("warning: 'Soon' is not written yet: shown as plain text\n --> content/Healing/one.md:5:1")
        .assert_stderr_contains("warning: 'Soon' is not written yet: shown as plain text\n --> content/Healing/one.md:5:11");
    assert_eq!(
        run.stderr.matches("'Someday' is not written yet").count(),
        1,
        "{}",
        run.stderr
    );
    let two = site.read("healing/two/index.html");
    assert_eq!(
        two.matches("<span class=\"missing-link\">Someday</span>")
            .count(),
        2,
        "{two}"
    );
}

#[test]
fn markdown_links_to_notes_not_written_yet_can_be_errors() {
    let site = Fixture::new("obsidian");
    site.strict_links();
    site.write("content/Healing/plans.md", FORMS);
    for run in [site.run(&["check"]), site.build()] {
        run.assert_code(1);
        for (_, at, name) in EXPECTED {
            run.assert_stderr_contains(&format!(
                "error: broken link to '{name}'\n --> content/Healing/plans.md:{at}"
            ));
        }
    }
    assert!(!site.path("public/index.html").exists());
}

#[test]
fn a_missing_heading_in_a_note_that_exists_is_still_an_error() {
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\nSee [numbness](../Adult%20Effects/numbness.md#Nowhere).\n",
    );
    site.build().assert_code(1).assert_stderr_contains(
        "error: no heading with id 'Nowhere' in 'numbness'\n --> content/Healing/plans.md:3:5",
    );
}

#[test]
fn markdown_links_find_notes_by_vault_path_and_by_file_name() {
    // Obsidian writes `[x](Folder/Note.md)` from the vault's root ("absolute path in
    // vault") and `[x](Note.md)` for a note anywhere ("shortest path"), and resolves both.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\n[root](Adult%20Effects/numbness.md), [name](<Chaotic Family.md#What it looks like>), [near](notes.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("plans.md"), "{}", run.stderr);
    let page = site.read("healing/plans/index.html");
    assert!(
        page.contains("<a href=\"../../adult-effects/numbness/\" id=\"ref-1\">root</a>"),
        "{page}"
    );
    assert!(page.contains("<a href=\"../../patterns/family-styles/chaotic-family/#what-it-looks-like\" id=\"ref-2\">name</a>"));
    // `notes.md` exists in two folders: the one beside the linking note.
    assert!(page.contains("<a href=\"../../healing/notes/\" id=\"ref-3\">near</a>"));
    // A name two notes elsewhere share is an ambiguity error listing both.
    site.write(
        "content/Patterns/plans.md",
        "# More plans\n\nSee [the notes](notes.md).\n",
    );
    site.build().assert_code(1).assert_stderr_contains(
        "error: 'notes.md' could mean 2 notes\n --> content/Patterns/plans.md:3:5",
    );
}

#[test]
fn emptied_property_entries_are_skipped_and_tags_may_be_one_line() {
    // Obsidian leaves `- ` behind when an entry is cleared (the Obsidian Hub has
    // thousands); `tags: a, b` is one line of tags; `author:` may be a list, and a
    // link to the person's note.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/plans.md",
        "---\naliases:\n- \ntags:\n- \n- grief\nauthor:\n- \"[[Jane Doe|Dr Jane Doe]]\"\n- Sam Roe\n---\n# Plans\n\nText.\n",
    );
    site.write(
        "content/Healing/more.md",
        "---\ntags: grief, loss\n---\n# More\n\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("plans.md"), "{}", run.stderr);
    let plans = site.read("healing/plans/index.html");
    assert!(plans.contains("Dr Jane Doe, Sam Roe"), "{plans}");
    assert!(!plans.contains("[[Jane"), "{plans}");
    let grief = site.read("tags/grief/index.html");
    assert!(grief.contains("Plans") && grief.contains("More"), "{grief}");
    site.read("tags/loss/index.html");
    // Tags of another kind (a number) are left out with a warning at the key, as
    // Obsidian shows a property of another type and opens the note.
    site.write(
        "content/Healing/more.md",
        "---\ntags: 5\n---\n# More\n\nText.\n",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: front matter: `tags` holds something other than names")
        .assert_stderr_contains("--> content/Healing/more.md:2:1");
    // A wrong type for a key attune reads for itself is still an error at the value.
    site.write(
        "content/Healing/more.md",
        "---\norder: many\n---\n# More\n\nText.\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("--> content/Healing/more.md:2:8");
}

#[test]
fn a_note_whose_name_has_a_dot_is_found_by_a_wikilink() {
    // `[[mailbox.org]]` names the note `mailbox.org.md` when no file `mailbox.org`
    // exists, as Obsidian finds it; `[[leaflet.pdf]]` still names a file.
    let site = Fixture::new("obsidian");
    site.write("content/Healing/mailbox.org.md", "# Mailbox\n\nMail.\n");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\nSee [[mailbox.org]] and [[leaflet.pdf]].\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("'leaflet.pdf' is not in the content folder");
    site.write("content/Attachments/leaflet.pdf", "%PDF");
    site.build().assert_code(0);
    let page = site.read("healing/plans/index.html");
    assert!(
        page.contains("<a href=\"../../healing/mailbox-org/\">mailbox.org</a>"),
        "{page}"
    );
    assert!(page.contains("Attachments/leaflet.pdf\">leaflet.pdf</a>"));
}

#[test]
fn a_name_two_notes_make_alike_finds_the_one_with_that_very_name() {
    // The Obsidian Hub: `🗂️ Publish Sites.md` (a folder note) beside
    // `Publish sites.md`; `[[Publish sites]]` is the second, as in Obsidian.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/🗂️ Publish Sites.md",
        "# Index of sites\n\nAll.\n",
    );
    site.write(
        "content/Patterns/Publish sites.md",
        "# Publish sites\n\nOne.\n",
    );
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\nSee [[Publish sites]] and [[🗂️ Publish Sites]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("healing/plans/index.html");
    assert!(
        page.contains("<a href=\"../../patterns/publish-sites/\" id=\"ref-1\">Publish sites</a>"),
        "{page}"
    );
    assert!(page.contains("id=\"ref-2\">Index of sites</a>"), "{page}");
}

#[test]
fn markdown_links_without_the_extension_find_the_note() {
    // Obsidian resolves `[x](Note)` and `[x](Folder/Note)` as it does `Note.md` (two in
    // the Obsidian Hub); a name no note has stays a broken link.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\n[beside](notes), [path](<../Adult Effects/numbness>), [name](<Chaotic Family>).\n",
    );
    let run = site.build();
    assert!(!run.stderr.contains("plans.md"), "{}", run.stderr);
    run.assert_code(0);
    let page = site.read("healing/plans/index.html");
    for href in [
        "href=\"../../healing/notes/\"",
        "href=\"../../adult-effects/numbness/\"",
        "href=\"../../patterns/family-styles/chaotic-family/\"",
    ] {
        assert!(page.contains(href), "{href} in {page}");
    }
    site.write("content/Healing/plans.md", "# Plans\n\n[lost](Nowhere).\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("broken link to 'Nowhere': no page or file there");
}

#[test]
fn images_are_found_from_the_vaults_root_and_past_a_dot_dot_too_many() {
    // The Obsidian Tasks documentation writes `images/x.png` from `Queries/` (a path
    // from the vault's root) and `../../images/x.png` from `Advanced/` (one `..` more
    // than there are folders): Obsidian shows both, as a browser at the site's root
    // would; so does attune. A file that is nowhere stays an error.
    let site = Fixture::new("obsidian");
    site.write("content/images/chart.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\n![root](images/chart.png)\n\n![above](../../images/chart.png)\n\n![end of a path](Attachments/breathing.png)\n",
    );
    let run = site.build();
    assert!(!run.stderr.contains("plans.md"), "{}", run.stderr);
    run.assert_code(0);
    let page = site.read("healing/plans/index.html");
    assert_eq!(
        page.matches("src=\"../../images/chart.png\"").count(),
        2,
        "{page}"
    );
    assert!(
        page.contains("src=\"../../Attachments/breathing.png\""),
        "{page}"
    );
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\n![lost](../../pictures/chart.png)\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("content/Healing/plans.md:3:1");
}

#[test]
fn embeds_with_a_relative_path_are_found_from_the_notes_folder() {
    // A Quartz garden (LesleyLai/digital-garden) written with Obsidian's "relative
    // path" link format: `![[../assets/chart.png]]` from `Concepts/`, a size after the
    // bar too. Where two files share the name, the relative path picks the one it
    // names; a path that leads to no file stays a problem.
    let site = Fixture::new("obsidian");
    site.write("content/assets/chart.png", b"\x89PNG\r\n\x1a\n");
    site.write("content/Healing/assets/chart.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\n![[../assets/chart.png]]\n\n![[../assets/chart.png|300]]\n\n![[./assets/chart.png]]\n",
    );
    let run = site.build();
    assert!(!run.stderr.contains("plans.md"), "{}", run.stderr);
    run.assert_code(0);
    let page = site.read("healing/plans/index.html");
    assert_eq!(
        page.matches("src=\"../../assets/chart.png\"").count(),
        2,
        "{page}"
    );
    assert_eq!(
        page.matches("src=\"../../Healing/assets/chart.png\"")
            .count(),
        1,
        "{page}"
    );
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\n![[../pictures/lost.png]]\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("'../pictures/lost.png' is not in the content folder");
}

#[test]
fn the_vaults_own_robots_txt_is_published_in_place_of_attunes() {
    // A Quartz garden keeps its robots.txt in the content folder, which Quartz
    // publishes at the root; it claimed attune's /robots.txt (an error with no line,
    // nothing written). The site's own rules are published as they are; deeper in
    // the vault a robots.txt is an ordinary file.
    let site = Fixture::new("obsidian");
    let rules = "User-agent: *\nDisallow: /drafts/\n";
    site.write("content/robots.txt", rules);
    site.write("content/Healing/robots.txt", "not at the root\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("robots"), "{}", run.stderr);
    assert_eq!(site.read("robots.txt"), rules);
    assert_eq!(site.read("Healing/robots.txt"), "not at the root\n");
    site.run(&["check"]).assert_code(0);
}

#[test]
fn wikilinks_in_a_table_keep_their_label_or_size_and_the_row_its_cells() {
    // A Quartz garden's table of charts: `![[../assets/a b.png|a b.png]]` and
    // `[[Note|label]]` unescaped in cells (Quartz escapes the bar; Obsidian asks for
    // `\|`): the row was cut at the bar, `![[` shown raw.
    let site = Fixture::new("obsidian");
    site.write("content/assets/a b.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "content/Healing/charts.md",
        "# Charts\n\n| kind | chart | see |\n|---|---|---|\n| bars | ![[../assets/a b.png|a bar chart]] | [[Healing/plans|the plans]] |\n| sized | ![[a b.png\\|300]] | none |\n",
    );
    site.write("content/Healing/plans.md", "# Plans\n\nText.\n");
    let run = site.build();
    assert!(!run.stderr.contains("charts.md"), "{}", run.stderr);
    run.assert_code(0);
    let page = site.read("healing/charts/index.html");
    assert!(!page.contains("[["), "{page}");
    assert!(page.contains("alt=\"a bar chart\""), "{page}");
    assert!(page.contains("width=\"300\""), "{page}");
    assert!(page.contains(">the plans</a></td>"), "{page}");
    assert_eq!(page.matches("<td>").count(), 6, "{page}");
}

#[test]
fn templater_tags_are_left_out_with_a_warning() {
    // SoRobby's starter vault: notes made from templates still hold Templater's
    // `<% … %>` (a wikilink inside one included); shown raw before, as `&lt;%`.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\nHome / <% [[${filePath.slice(0,-3)}|${fileObject.basename}]] %> / end.\n\n<%* tR += \"x\" -%>\n\nIn code `<% tp.file.title %>` stays.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: Templater tag `<% [[${filePath.slice(0,-3)}|${fileObject.basename}]] %>` is not supported: attune does not run templates in content\n --> content/Healing/plans.md:3:8");
    run.assert_stderr_contains(" --> content/Healing/plans.md:5:1");
    assert_eq!(run.stderr.matches("plans.md").count(), 2, "{}", run.stderr);
    let page = site.read("healing/plans/index.html");
    assert!(page.contains("<p>Home /  / end.</p>"), "{page}");
    assert!(!page.contains("tR +="), "{page}");
    assert!(
        page.contains("<code>&lt;% tp.file.title %&gt;</code>"),
        "{page}"
    );
}

#[test]
fn a_block_id_on_its_own_line_after_a_heading_names_that_heading() {
    // Obsidian's example Dataview vault: a block link to a heading, whose id Obsidian
    // wrote on a line of its own after it; the link was a broken anchor and the page
    // showed `^8d9d50` as text. An id with no block before it stays where it is.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Money/Spending.md",
        "^top\n\n# Spending\n\n### When using expenses as \"99 $\"\n\n^8d9d50\n\nText.\n",
    );
    site.write(
        "content/Money/Index.md",
        "# Index\n\nSee [[Spending#^8d9d50|the variant]] and [[Spending#^top]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("anchor"), "{}", run.stderr);
    let page = site.read("money/spending/index.html");
    assert!(!page.contains("^8d9d50</p>"), "{page}");
    assert!(!page.contains("^top</p>"), "{page}");
    let anchor = page.find("<div id=\"^8d9d50\"></div>").expect(&page);
    let heading = page.find("When using expenses").expect(&page);
    assert!(anchor < heading, "{page}");
    assert!(page.contains("<div id=\"^top\"></div>"), "{page}");
    let index = site.read("money/index/index.html");
    assert!(
        index.contains("spending/#%5E8d9d50\" id=\"ref-1\">the variant</a>"),
        "{index}"
    );
    // `^` is percent-encoded in a link, as URL checkers ask; browsers find the id.
    assert!(index.contains("spending/#%5Etop\""), "{index}");
}

#[test]
fn a_size_after_a_markdown_images_alt_text_is_its_width() {
    // A Quartz garden: `![|375](Pasted%20image.png)`, Obsidian's size for a Markdown
    // image, was published as the alt text "|375".
    let site = Fixture::new("obsidian");
    site.write(
        "content/Notes/attachments/Pasted image 1.png",
        b"\x89PNG\r\n\x1a\n",
    );
    site.write(
        "content/Notes/Curves.md",
        "# Curves\n\n![Level curves|375](attachments/Pasted%20image%201.png)\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("notes/curves/index.html");
    assert!(
        page.contains("alt=\"Level curves\" width=\"375\""),
        "{page}"
    );
    assert!(!page.contains("|375"), "{page}");
}

/// AglaiaNorza/obsidian-vault, `reti di elaboratori/7 - livello trasporto.md`
/// (Quartz): `![[a.png|center|400]]` was published as `alt="center|400"` with no
/// width. As Quartz reads it (`wikilinkImageEmbedRegex` in its `ofm.ts`), a size
/// ending the label is the width and the text before it the alt text.
#[test]
fn an_embeds_last_part_is_its_size_and_the_parts_before_it_its_alt_text() {
    let site = Fixture::new("obsidian");
    site.write("content/Notes/attachments/a.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        "content/Notes/Stack.md",
        "# Stack\n\n![[a.png|center|400]]\n\n![[a.png|Diagram of the stack|300x200]]\n\n![[a.png|One|two|50]]\n\n![[a.png| 500]]\n\n![[a.png|Text]]\n\n![[a.png|Figure|3b]]\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("notes/stack/index.html");
    assert!(page.contains("alt=\"center\" width=\"400\""), "{page}");
    assert!(
        page.contains("alt=\"Diagram of the stack\" width=\"300\""),
        "{page}"
    );
    assert!(page.contains("alt=\"One|two\" width=\"50\""), "{page}");
    assert!(page.contains("alt=\"a.png\" width=\"500\""), "{page}");
    assert!(page.contains("alt=\"Text\" loading"), "{page}");
    assert!(page.contains("alt=\"Figure|3b\" loading"), "{page}");
}

#[test]
fn embeds_written_as_markdown_links_show_the_note() {
    // With "Use [[Wikilinks]]" off, Obsidian writes `![[Note]]` as `![](Note.md)`:
    // they were published as broken images.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\n![](<Chaotic Family.md#What it looks like>)\n\n![](../Adult%20Effects/numbness.md#^key-point)\n\n![A label](notes.md)\n\nIn a sentence: ![](Adult%20Effects/alexithymia.md) and on.\n\n![Breathing](../Attachments/breathing.png)\n",
    );
    site.write(
        "content/Healing/notes.md",
        "# Healing notes\n\nRest comes first.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("plans.md"), "{}", run.stderr);
    let page = site.read("healing/plans/index.html");
    let embeds: Vec<&str> = page.split("<div class=\"embed\"").skip(1).collect();
    // Four, and the fourth's own two.
    assert_eq!(embeds.len(), 6, "{page}");
    // A heading's part, by its text, alone in its paragraph.
    assert!(embeds[0].contains("Plans change without warning"), "{page}");
    assert!(!embeds[0].contains("Nothing is predictable"), "{page}");
    // A block id, from a percent-encoded relative path.
    assert!(embeds[1].contains("The key point is this."), "{page}");
    assert!(!embeds[1].contains("dismissive family"), "{page}");
    // By file name, from the note's folder; the label is not shown.
    assert!(embeds[2].contains("Rest comes first."), "{page}");
    assert!(!page.contains("A label"), "{page}");
    // From the vault's root, inside a sentence; its own embeds are filled in too.
    assert!(embeds[3].contains("Difficulty naming feelings."), "{page}");
    assert!(embeds[4].contains("It often follows a"), "{page}");
    // An image stays an image.
    assert!(
        page.contains("<img src=\"../../Attachments/breathing.png\""),
        "{page}"
    );
    assert!(!page.contains("<img src=\"../../patterns"), "{page}");
    assert!(!page.contains(".md\""), "{page}");
}

#[test]
fn markdown_link_embeds_of_missing_notes_and_cycles_are_reported() {
    let site = Fixture::new("obsidian");
    site.write("content/Healing/plans.md", "# Plans\n\n![](Not%20yet.md)\n");
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: 'Not yet.md' is not written yet: shown as plain text\n --> content/Healing/plans.md:3:1",
    );
    let page = site.read("healing/plans/index.html");
    assert!(
        page.contains("<span class=\"missing-link\">Not yet.md</span>"),
        "{page}"
    );
    assert!(!page.contains("<img"), "{page}");
    site.strict_links();
    site.build().assert_code(1).assert_stderr_contains(
        "error: broken link to 'Not yet.md'\n --> content/Healing/plans.md:3:1",
    );
    // A cycle, each side in a form of its own.
    site.write("content/Healing/plans.md", "# Plans\n\n![](b.md)\n");
    site.write("content/Healing/b.md", "# B\n\nText.\n\n![[plans]]\n");
    site.build().assert_code(1).assert_stderr_contains(
        "error: embeds go round in a circle: content/Healing/b.md → content/Healing/plans.md → content/Healing/b.md\n --> content/Healing/plans.md:3:1",
    );
    site.write("content/Healing/b.md", "# B\n\n![](b.md)\n");
    site.build().assert_code(1).assert_stderr_contains(
        "error: embeds go round in a circle: content/Healing/b.md → content/Healing/b.md",
    );
}

#[test]
fn a_note_marked_not_to_publish_stays_private_and_its_permalink_leads_to_the_page() {
    // Obsidian Publish's and Quartz's `publish: false` marks a note never to be
    // published (a clinician's private note): it was published all the same, and
    // `permalink:`, the note's address on Obsidian Publish, was an unknown key.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Notes/Private.md",
        "---\npublish: false\n---\n# Private\nA secret only its author reads.\n",
    );
    site.write(
        "content/Notes/Open.md",
        "---\npermalink: guides/open\npublish: true\n---\n# Open\n\nSee [[Private]] and [x](Private.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(
        !run.stderr.contains("unknown front matter key"),
        "{}",
        run.stderr
    );
    for at in ["7:5", "7:21"] {
        run.assert_stderr_contains(&format!(
            "is held back by `publish: false` (`--drafts` shows it): shown as plain text\n --> content/Notes/Open.md:{at}"
        ));
    }
    let published = site.snapshot("public");
    assert!(!published
        .keys()
        .any(|p| p.to_string_lossy().contains("private")));
    for (path, bytes) in &published {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("secret only its author"),
            "{}",
            path.display()
        );
    }
    // The Obsidian Publish address leads to the page.
    let old = site.read("guides/open/index.html");
    assert!(old.contains("url=../../notes/open/"), "{old}");
    // A Jekyll pattern names no one address: no page is written for it.
    site.write(
        "content/Notes/Dated.md",
        "---\npermalink: /:year/:title/\n---\n# Dated\n",
    );
    site.build().assert_code(0);
    assert!(!site.path("public/:year").exists());
    // Its author previews it with `--drafts`; a word that is no yes or no is an error.
    site.run(&["build", "--drafts"]).assert_code(0);
    assert!(site.path("public/notes/private/index.html").exists());
    site.write(
        "content/Notes/Private.md",
        "---\npublish: later\n---\n# Private\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("a yes-or-no key is `true` or `false`, not `later`")
        .assert_stderr_contains("content/Notes/Private.md:2");
}

#[test]
fn a_vault_published_note_by_note_publishes_only_its_marked_notes_when_asked() {
    // A vault published with Obsidian Publish or Quartz's ExplicitPublish marks the
    // notes meant for readers `publish: true`; the others are private. Brought as it
    // is, every note was published without a word.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Notes/Shared.md",
        "---\ntitle: Shared\npublish: true\n---\nSee [[Journal]].\n",
    );
    site.write(
        "content/Notes/Journal.md",
        "---\ntitle: Journal\n---\nA private entry.\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: 1 of ")
        .assert_stderr_contains(
            "notes says `publish: true`; the others are published too\n --> content/Notes/Shared.md:3:1",
        )
        .assert_stderr_contains("[build] publish = \"marked\"");
    assert!(site.path("public/notes/journal/index.html").exists());
    // Asked to, only the marked notes are pages; a link to another is its text.
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\npublish = \"marked\"\n"),
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "'Journal' is not marked `publish: true` (`[build] publish = \"marked\"`; `--drafts` shows it): shown as plain text\n --> content/Notes/Shared.md:5:5",
    );
    assert!(!run.stderr.contains("notes says"), "{}", run.stderr);
    assert!(site.path("public/notes/shared/index.html").exists());
    for (path, bytes) in site.snapshot("public") {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("A private entry"), "{}", path.display());
    }
    // Said to publish all, every note is a page, without the warning.
    site.write("book.toml", format!("{book}\n[build]\npublish = \"all\"\n"));
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("publish: true"), "{}", run.stderr);
    assert!(site.path("public/notes/journal/index.html").exists());
}

#[test]
fn an_embed_inside_a_paragraph_splits_it_and_its_ids_stay_unique_on_the_page() {
    // Found in a real vault by the Nu HTML Checker: `#tag\n![[Note#^id]]` inside a
    // paragraph put a `<div>` in a `<p>` (a stray `</p>`), and the embedded note's
    // link ids (`ref-2`) and block ids repeated the page's own.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Beliefs.md",
        "# Beliefs\n\nSee [[Claims]] and [[Sources]].\n\n## Shared\n\nText ^b1\n",
    );
    site.write(
        "content/Healing/Claims.md",
        "# Claims\n\nAbout [[Beliefs]] and [[Sources]].\n\nBefore the embed\n![[Beliefs]]\nafter it.\n\n![[Beliefs#Shared]]\n\nStarts ![[Beliefs#^b1]]\n",
    );
    site.write("content/Healing/Sources.md", "# Sources\n\nText.\n");
    site.build().assert_code(0);
    let page = site.read("healing/claims/index.html");
    let body = &page[page.find("<main").expect("main")..];
    assert!(!body.contains("<p><div"), "{body}");
    assert!(!body.contains("</div>\n</p>"), "{body}");
    assert!(!body.contains("<p></p>"), "{body}");
    assert!(
        body.contains("<p>Before the embed</p>\n<div class=\"embed\""),
        "{body}"
    );
    assert!(body.contains("<p>\nafter it.</p>"), "{body}");
    let mut ids: Vec<&str> = page
        .match_indices(" id=\"")
        .map(|(at, _)| {
            let value = &page[at + 5..];
            &value[..value.find('"').expect("a closing quote")]
        })
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "an id repeats: {page}");
    // Links inside an embed to its own headings follow their ids.
    for (at, _) in page.match_indices(" href=\"#") {
        let value = &page[at + 8..];
        let id = &value[..value.find('"').expect("a closing quote")];
        assert!(
            // `#top` is the top of any page, as browsers read it.
            id.is_empty() || id == "top" || page.contains(&format!(" id=\"{id}\"")),
            "#{id} leads nowhere: {page}"
        );
    }
}

#[test]
fn code_too_long_to_colour_quickly_is_shown_as_text() {
    // Highlighting is linear but slow (a vault's 27 MB of code blocks held its build
    // for minutes), and a line can cost the square of its length: a 20,000-letter word
    // in JavaScript took 12 s. From a line over 2,000 bytes on, a block is text, as
    // editors stop colouring long lines, and a block over 1 MiB is text from its start.
    let site = Fixture::new("obsidian");
    let word = "a".repeat(20_000);
    let listing = "x = 1  # a line of Python\n".repeat(45_000);
    site.write(
        "content/Healing/listings.md",
        format!(
            "# Listings\n\n```js\nlet short = 1;\nlet long = {word};\nlet after = 2;\n```\n\n```python\n{listing}```\n\n```python\nx = 1\n```\n"
        ),
    );
    let started = std::time::Instant::now();
    site.build().assert_code(0);
    let took = started.elapsed();
    let page = site.read("healing/listings/index.html");
    let js = page
        .find("<pre class=\"hl\"><code class=\"language-js\">")
        .expect(&page);
    let js = &page[js..];
    assert!(
        js.find("hl-storage").expect("the first line coloured")
            < js.find("let long").expect("the long line"),
        "{js}"
    );
    assert!(
        js.contains(&format!(
            "let long = {word};\nlet after = 2;\n</code></pre>"
        )),
        "the long line and the rest as text"
    );
    assert!(page.contains("<pre><code class=\"language-python\">x = 1  # a line of Python\n"));
    // A short block after them is coloured as before.
    assert!(page.contains("<pre class=\"hl\"><code class=\"language-python\"><span"));
    assert!(took.as_secs() < 60, "{took:?}");
}

#[test]
fn an_excalidraw_drawing_is_its_exported_image_on_its_page_and_in_embeds() {
    // The Excalidraw plugin keeps a drawing as compressed data under a notice to
    // switch views; only its exported SVG shows the drawing outside Obsidian.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Vault\"\n\n[build]\ncontent_dir = \"vault\"\n",
    );
    site.write(".obsidian/app.json", "{}");
    let drawing = "---\n\nexcalidraw-plugin: parsed\nexcalidraw-open-md: false\ntags: [excalidraw]\n\n---\n==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠==\n\n\n# Excalidraw Data\n\n## Text Elements\n%%\n## Drawing\n```compressed-json\nN4KAkARALgngDgUwgLgAQQQDwMYEMA2AlgCYBOuA7hADTgQBuCpAzoQPYB2KqATLZMzYBXUtiRoIACyhQ4zZAHoFAc0JRJQgEYA6bGwC2CgF7N6hbEcK4OCtptbErHALRY8RMpWdx8Q1TdIEfARcZgRmBShcZQUebQAObQAGGjoghH0EDihmbgBtcDBQMBKIEm4IUgB2JIBOADkAFgBHACkASQBmYiN4gDMAEWIANUsALR5UkshYRAqgojkkflLM\n```\n%%\n";
    site.write("vault/Excalidraw/Care plan.md", drawing);
    site.write(
        "vault/Excalidraw/Care plan.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.write("vault/Excalidraw/Sketch.excalidraw.md", drawing);
    site.write(
        "vault/Notes/Planning.md",
        "# Planning\n\n![[Excalidraw/Care plan|center]]\n\nSee also [[Sketch.excalidraw]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("excalidraw-plugin"), "{}", run.stderr);
    run.assert_stderr_contains("warning: this Excalidraw drawing has no exported image beside it: its page and embeds show nothing\n --> vault/Excalidraw/Sketch.excalidraw.md:1:1");
    let page = site.read("notes/planning/index.html");
    assert!(
        page.contains("Care%20plan.svg\"") || page.contains("Care plan.svg\""),
        "{page}"
    );
    assert!(
        !page.contains("Excalidraw Data") && !page.contains("EXCALIDRAW VIEW"),
        "{page}"
    );
    let drawing = site.read("excalidraw/care-plan/index.html");
    assert!(drawing.contains("<h1>Care plan</h1>") || drawing.contains(">Care plan</h1>"));
}

#[test]
fn a_logseq_graphs_macros_are_what_logseq_shows() {
    // `{{embed [[Page]]}}` is an embed, `{{video …}}` a link; a query and flashcards,
    // which Logseq fills in from its database, are reported and left out.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Graph\"\n\n[build]\ncontent_dir = \"graph\"\nunsupported_syntax = \"warn\"\n",
    );
    site.write("graph/logseq/config.edn", "{:meta/version 1}\n");
    site.write(
        "graph/pages/Grounding.md",
        "- Try this:\n- {{embed [[Five senses]]}}\n- {{video https://www.youtube.com/watch?v=abc}}\n- {{query (todo now)}}\n- {{cards([[y11t1]])}}\n- Costs {{price}} today.\n",
    );
    site.write(
        "graph/pages/Five senses.md",
        "- Name five things you can see.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains("warning: Logseq query `{{query (todo now)}}` is not supported")
        .assert_stderr_contains(
            "warning: Logseq flashcards `{{cards([[y11t1]])}}` is not supported",
        );
    assert!(!run.stderr.contains("Zola shortcode"), "{}", run.stderr);
    let page = site.read("pages/grounding/index.html");
    assert!(page.contains("Name five things you can see."), "{page}");
    assert!(
        page.contains("href=\"https://www.youtube.com/watch?v=abc\""),
        "{page}"
    );
    assert!(page.contains("Costs {{price}} today."), "{page}");
    assert!(!page.contains("query") && !page.contains("cards"), "{page}");
}

#[test]
fn a_logseq_graph_read_from_its_own_folder_is_its_pages_and_journals() {
    // A graph published to GitHub Pages keeps Logseq's export beside its pages
    // (`index.html`, `404.html`, `static/`): no page of the graph, so no clash with
    // attune's home and not-found pages; a README is left out with one warning, and
    // what `:hidden` names is left out too.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Graph\"\n\n[build]\ncontent_dir = \"graph\"\n",
    );
    site.write(
        "graph/logseq/config.edn",
        "{:meta/version 1\n ;; :pages-directory \"old\"\n :hidden [\"/pages/private\"]\n :journals-directory \"days\"}\n",
    );
    site.write(
        "graph/index.html",
        "<!DOCTYPE html><html><body><script src=\"static/js/main.js\"></script></body></html>\n",
    );
    site.write(
        "graph/404.html",
        "<!DOCTYPE html><html><body>Not found</body></html>\n",
    );
    site.write("graph/static/js/main.js", "console.log(1)\n");
    site.write("graph/README.md", "# My graph\n\nPublished with Logseq.\n");
    site.write(
        "graph/pages/Grounding.md",
        "- Name five things you can see.\n- See [[Breathing]].\n",
    );
    site.write("graph/pages/private/Diary.md", "- A private note.\n");
    site.write("graph/days/2024_01_02.md", "- Practised [[Grounding]].\n");
    site.write("graph/assets/chart.png", "png");
    site.write(
        "graph/pages/Breathing.md",
        "- Slow out-breaths.\n- ![chart](../assets/chart.png)\n",
    );
    let run = site.build();
    run.assert_code(0);
    let published = |rel: &str| site.path("public").join(rel).exists();
    run.assert_stderr_contains(
        "warning: 1 Markdown file outside the Logseq graph's pages and journals is left out, as Logseq shows none of them: 'README.md'",
    );
    assert!(!run.stderr.contains("already publishes"), "{}", run.stderr);
    assert!(!run.stderr.contains("main.js"), "{}", run.stderr);
    assert!(published("pages/grounding/index.html"));
    assert!(published("days/2024_01_02/index.html"), "{}", run.stderr);
    assert!(published("assets/chart.png"));
    assert!(!published("static/js/main.js"));
    assert!(!published("pages/private/diary/index.html"));
    let home = site.read("index.html");
    assert!(!home.contains("Published with Logseq"), "{home}");
    let notfound = site.read("404.html");
    assert!(!notfound.contains("<body>Not found</body>"), "{notfound}");
}

#[test]
fn a_logseq_pages_properties_are_its_front_matter_and_hidden_ones_are_not_shown() {
    // `title::`, `alias::`, `tags::` at a page's top are its title, other names and
    // tags (a `/` in a title is a namespace, linked by that name); `public:: false`
    // holds it back; `collapsed::` and `id::` under blocks are never shown; a
    // property Logseq shows stays text.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Graph\"\n\n[build]\ncontent_dir = \"graph\"\n",
    );
    site.write("graph/logseq/config.edn", "{:meta/version 1}\n");
    site.write(
        "graph/pages/Spanish . Español.md",
        "title:: Spanish / Español\nalias:: spanish, [[esp]]\ntags:: [[languages]], #translation\ntype:: translation\n\n- ## Señales de alerta\n  collapsed:: true\n\t- Cambios en el sueño\n\t  id:: 6500a1b2-0000-4000-8000-000000000001\n",
    );
    site.write(
        "graph/pages/Private.md",
        "public:: false\n\n- Session notes.\n",
    );
    site.write("graph/pages/Parenting___Attachment.md", "- Secure bases.\n");
    site.write(
        "graph/pages/Rick %22Monstrosity%22 Münster.md",
        "- Runs the mine.\n",
    );
    site.write(
        "graph/pages/Start.md",
        "- Read [[Spanish / Español]], [[esp]] and [[Parenting/Attachment]].\n- Ask [[Rick \"Monstrosity\" Münster]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    let published = |rel: &str| site.path("public").join(rel).exists();
    assert!(!run.stderr.contains("not written yet"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("unknown front matter key"),
        "{}",
        run.stderr
    );
    let page = site.read("pages/spanish-español/index.html");
    assert!(
        page.contains("<h1 id=\"article-title\">Spanish / Español</h1>"),
        "{page}"
    );
    assert!(page.contains("type:: translation"), "{page}");
    assert!(page.contains("Cambios en el sueño"), "{page}");
    for hidden in [
        "title::",
        "alias::",
        "tags::",
        "collapsed::",
        "id::",
        "sueño ^6500a1b2",
    ] {
        assert!(!page.contains(hidden), "{hidden}: {page}");
    }
    assert!(published("tags/translation/index.html"));
    assert!(published("tags/languages/index.html"));
    assert!(!published("pages/private/index.html"));
    let start = site.read("pages/start/index.html");
    assert!(
        start.contains("href=\"../../pages/spanish-español/\""),
        "{start}"
    );
    assert!(
        start.contains("href=\"../../pages/parenting-attachment/\""),
        "{start}"
    );
    assert!(
        start.contains("href=\"../../pages/rick-monstrosity-münster/\""),
        "{start}"
    );
    let attachment = site.read("pages/parenting-attachment/index.html");
    assert!(
        attachment.contains("Parenting/Attachment</h1>"),
        "{attachment}"
    );
}

#[test]
fn a_page_a_logseq_graph_links_to_but_no_file_has_is_a_tags_page() {
    // CameronBrooks11's graph: 950 links to pages Logseq makes for a name no file has
    // (`[[Entrepreneurship]]`, listing what links to it) were 950 "not written yet"
    // warnings and plain text. In Logseq `[[Sleep]]` and `#Sleep` are one reference.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Graph\"\n\n[build]\ncontent_dir = \"graph\"\nmissing_links = \"error\"\n",
    );
    site.write("graph/logseq/config.edn", "{:meta/version 1}\n");
    site.write(
        "graph/pages/Rest.md",
        "- Good [[Sleep]] and [[sleep]], see [[Breathing]].\n- Also #Sleep.\n- Kept in [[Journals]].\n",
    );
    site.write("graph/journals/2024_01_02.md", "- Slept badly. [[Sleep]]\n");
    site.write("graph/pages/Breathing.md", "- Slow out-breaths.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let rest = site.read("pages/rest/index.html");
    let links_to = |page: &str, to: &str| {
        page.matches(&format!("href=\"../../{to}/\" id=\"ref-"))
            .count()
    };
    assert_eq!(links_to(&rest, "tags/sleep"), 2, "{rest}");
    // A page no file has is a tag's, though a folder of the graph has its name.
    assert_eq!(links_to(&rest, "tags/journals"), 1, "{rest}");
    assert!(rest.contains("href=\"../../pages/breathing/\""), "{rest}");
    let tag = site.read("tags/sleep/index.html");
    assert!(
        tag.contains("journals/2024_01_02/") && tag.contains("pages/rest/"),
        "{tag}"
    );
    // Written now: the links lead to the page.
    site.write("graph/pages/Sleep.md", "- Seven hours.\n");
    site.build().assert_code(0);
    let rest = site.read("pages/rest/index.html");
    assert_eq!(links_to(&rest, "pages/sleep"), 2, "{rest}");
    // An embed of a page no file has shows nothing: still reported.
    site.write("graph/pages/Rest.md", "- {{embed [[Naps]]}}\n");
    site.build().assert_code(1).assert_stderr_contains("'Naps'");
}

#[test]
fn a_logseq_blocks_reference_and_embed_show_the_block() {
    // CameronBrooks11's graph: `{{embed ((641b4de2-…))}}` (the block holding `id::
    // 641b4de2-…`) and `((6abf3a9d-…))` were left out and shown as text.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Graph\"\n\n[build]\ncontent_dir = \"graph\"\nunsupported_syntax = \"warn\"\n",
    );
    site.write("graph/logseq/config.edn", "{:meta/version 1}\n");
    site.write(
        "graph/pages/Plan.md",
        concat!(
            "- Meetings\n",
            "\t- Meeting 1: [[Getting]] to know each other\n\t  id:: 641b4de2-999b-448b-89d2-fe90daf764c1\n\t\t- Names and hopes.\n",
            "- DONE Lab three\n  id:: 6abf3a9d-ecc4-4747-a443-70ca452d7da6\n  SCHEDULED: <2023-03-28 Tue>\n",
            "## Old block\n:PROPERTIES:\n:id: 5fec89e0-b3ea-4d90-ba98-40d2503f7500\n:END:\n",
        ),
    );
    site.write("graph/pages/Getting.md", "- Started.\n");
    site.write(
        "graph/journals/2023_03_27.md",
        "- {{embed ((641b4de2-999b-448b-89d2-fe90daf764c1))}}\n- Done: ((6abf3a9d-ecc4-4747-a443-70ca452d7da6)) and ((5fec89e0-b3ea-4d90-ba98-40d2503f7500)).\n- Gone: {{embed ((11111111-2222-3333-4444-555555555555))}}\n- `((6abf3a9d-ecc4-4747-a443-70ca452d7da6))` in code.\n",
    );
    let run = site.build();
    run.assert_code(0);
    // Only the block no page has is reported.
    run.assert_stderr_contains("Logseq block embed `{{embed ((11111111-");
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    let plan = site.read("pages/plan/index.html");
    assert!(
        !plan.contains("id::") && !plan.contains("each other ^"),
        "{plan}"
    );
    assert!(
        plan.contains("id=\"^641b4de2-999b-448b-89d2-fe90daf764c1\""),
        "{plan}"
    );
    let day = site.read("journals/2023_03_27/index.html");
    assert!(day.contains("Names and hopes."), "{day}");
    assert!(
        day.contains("href=\"../../pages/plan/#%5E6abf3a9d-ecc4-4747-a443-70ca452d7da6\""),
        "{day}"
    );
    assert!(day.contains(">DONE Lab three</a>"), "{day}");
    assert!(day.contains(">Old block</a>"), "{day}");
    assert!(
        day.contains("<code>((6abf3a9d-ecc4-4747-a443-70ca452d7da6))</code>"),
        "{day}"
    );
    assert!(!day.contains("Done: (("), "{day}");
}

#[test]
fn an_older_logseq_graphs_drawers_and_org_blocks_are_what_logseq_shows() {
    // Logseq's own documentation graph (3-juno/logseq-docs): a block's properties in a
    // `:PROPERTIES:` drawer were a definition list (`:created_at: …` shown), a
    // `:LOGBOOK:` showed when its author worked, and `#+BEGIN_TIP`, `#+BEGIN_SRC`,
    // `#+BEGIN_QUERY` blocks were text, a query's `:title` a definition list too.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Graph\"\n\n[build]\ncontent_dir = \"graph\"\nunsupported_syntax = \"warn\"\n",
    );
    site.write("graph/logseq/config.edn", "{:meta/version 1}\n");
    site.write(
        "graph/pages/Reading.md",
        concat!(
            "#### [[Sleep book]]\n:PROPERTIES:\n:type: [[book]]\n:created_at: 1609233078964\n:id: 5fec89e0-b3ea-4d90-ba98-40d2503f7500\n:END:\n",
            "- DONE Read chapter two\n  :LOGBOOK:\n  CLOCK: [2021-01-02 Sat 21:10:03]--[2021-01-02 Sat 23:40:00] =>  02:29:57\n  :END:\n",
            "- #+BEGIN_TIP\n  Keep a *regular* wake time.\n\n  Even at weekends.\n  #+END_TIP\n",
            "- #+begin_quote\n  Sleep is the best meditation.\n  #+end_quote\n",
            "\t- #+BEGIN_SRC clojure\n\t  (def hours [[8]])\n\t  #+END_SRC\n",
            "#+BEGIN_QUERY\n{:title [:h2 \"My books\"]\n :query [:find (pull ?b [*])]}\n#+END_QUERY\n",
            "- #+BEGIN_COMMENT\n  Ask Dr Rao about this.\n  #+END_COMMENT\n",
            "- #+BEGIN_CENTER\n  Centred text.\n  #+END_CENTER\n",
            "- #+BEGIN_NOTE\n  Never closed, so text.\n",
        ),
    );
    site.write("graph/pages/Sleep book.md", "- A book.\n");
    site.write("graph/pages/book.md", "- Books.\n");
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "warning: Logseq query `#+BEGIN_QUERY` is not supported: Logseq fills it in from its own database, so the page shows nothing in its place\n  --> graph/pages/Reading.md:22:1",
    );
    let page = site.read("pages/reading/index.html");
    let body = page.split("article-body").nth(1).unwrap();
    assert!(
        body.contains("type:: <a href=\"../../pages/book/\""),
        "{body}"
    );
    for gone in [
        "PROPERTIES",
        "created_at",
        "1609233078964",
        "book ^5fec89e0",
        "LOGBOOK",
        "CLOCK",
        "21:10",
        "#+BEGIN_TIP",
        "#+begin_quote",
        "#+BEGIN_SRC",
        "#+BEGIN_QUERY",
        "#+BEGIN_COMMENT",
        "END_",
        "My books",
        "Dr Rao",
        "<dl",
    ] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
    assert!(body.contains("callout-tip"), "{body}");
    assert!(body.contains("<em>regular</em>"), "{body}");
    assert!(body.contains("Even at weekends."), "{body}");
    assert!(
        body.contains("<blockquote>\n<p>Sleep is the best meditation.</p>\n</blockquote>"),
        "{body}"
    );
    assert!(body.contains("language-clojure"), "{body}");
    assert!(!body.contains("missing-link"), "{body}");
    assert!(body.contains("<li>Centred text.</li>"), "{body}");
    assert!(
        body.contains("#+BEGIN_NOTE\nNever closed, so text."),
        "{body}"
    );
    // A page is its name: the heading of its first block is no title.
    assert!(
        page.contains("<h1 id=\"article-title\">Reading</h1>"),
        "{page}"
    );
    assert!(body.contains(">Sleep book</a>"), "{body}");
}

#[test]
fn a_name_a_file_has_is_not_also_its_folders_name_for_a_folders_own_file() {
    // mdelmontep/obsidian-vault: `[[iet]]` with `00-home/iet.md` and
    // `clientes/iet/index.md` was "'iet' could mean 2 notes" (169 such warnings):
    // Obsidian finds a note by its file's own name, and `index.md` is not named
    // `iet`. A file named so is meant; a folder's own file still answers to its
    // folder's name when no file has it.
    let site = Fixture::new("obsidian");
    site.write("content/Home/iet.md", "# IET\n\nHub.\n");
    site.write(
        "content/Clients/iet/index.md",
        "# IET context\n\nContext.\n",
    );
    site.write("content/Clients/acme/README.md", "# Acme\n\nText.\n");
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\nSee [[iet]], [[acme]] and [[Clients/iet/index]].\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("plans.md"), "{}", run.stderr);
    let page = site.read("healing/plans/index.html");
    assert!(
        page.contains("href=\"../../home/iet/\" id=\"ref-1\">IET</a>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../clients/acme/\" id=\"ref-2\">Acme</a>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../clients/iet/\" id=\"ref-3\">IET context</a>"),
        "{page}"
    );
}

#[test]
fn a_wikilink_to_a_tags_page_leads_to_attunes_page_of_that_tag() {
    // Quartz's docs: `[[tags/plugin/filter|Filters]]` links to the page Quartz makes
    // for the nested tag `plugin/filter`; with no note there it was "not written
    // yet". It leads to attune's page of that tag; a tag no note has stays text.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/filters.md",
        "---\ntags: [plugin/filter, grief]\n---\n# Filters\n\nText.\n",
    );
    site.write(
        "content/Healing/plans.md",
        "# Plans\n\nSee [[tags/plugin/filter|Filters]], [[Tags/grief]] and [[tags/nothing]].\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("'tags/nothing' is not written yet");
    let page = site.read("healing/plans/index.html");
    assert!(
        page.contains("href=\"../../tags/plugin-filter/\" id=\"ref-1\">Filters</a>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../tags/grief/\" id=\"ref-2\">"),
        "{page}"
    );
}

#[test]
fn a_note_at_the_address_of_a_folder_beside_it_moves_aside() {
    // Ludobico's vault: `LangChain/LangChain.md` beside the folder
    // `LangChain/langchain/` (with `langchain.md` and more notes inside it) both gave
    // `/langchain/langchain/`, and the build stopped. Quartz keeps letter case in
    // addresses and publishes both: the folder keeps its address, the note takes
    // the first free one, with a warning, and links follow it.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Healing/Grief/Grief.md",
        "# Grief\n\nGrief comes in waves. See [[waves]].\n",
    );
    site.write(
        "content/Healing/Grief/grief/grief.md",
        "# Inner grief\n\nA sub-folder's own note.\n",
    );
    site.write(
        "content/Healing/Grief/grief/waves.md",
        "# Waves\n\nBack to [the note](../Grief.md).\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: 'Healing/Grief/Grief.md' would be at /healing/grief/grief/, the address of a folder of notes beside it: 'Healing/Grief/Grief.md' is published at /healing/grief/grief-2/",
    );
    let note = site.read("healing/grief/grief-2/index.html");
    assert!(note.contains("Grief comes in waves."), "{note}");
    assert!(site
        .read("healing/grief/grief/index.html")
        .contains("Waves"));
    let waves = site.read("healing/grief/grief/waves/index.html");
    assert!(
        waves.contains("href=\"../../../../healing/grief/grief-2/\""),
        "{waves}"
    );
}

#[test]
fn an_html_code_element_left_open_ends_with_its_list_item() {
    // Obsidian Hub's plugin list: one item says "format text into HTML <kbd> tags",
    // and every wikilink after it, in 1,300 items, was shown as `[[…]]`.
    let site = Fixture::new("obsidian");
    site.write("content/Healing/plans.md", "# Plans\n\nText.\n");
    site.write(
        "content/Healing/list.md",
        "# List\n\n- [[plans|First]]: fine.\n- Keys: formats text into HTML <kbd> tags.\n- [[plans|Third]]: after it.\n\nA <code>[[kept]]</code> and <kbd>Ctrl</kbd> then [[plans|last]].\n\n## Heading <samp>open\n\n[[plans|Below]] and {{ not a template }}.\n",
    );
    let run = site.build();
    run.assert_code(0);
    let page = site.read("healing/list/index.html");
    for label in ["First", "Third", "last", "Below"] {
        assert!(page.contains(&format!(">{label}</a>")), "{label}: {page}");
    }
    assert!(page.contains("<code>[[kept]]</code>"), "{page}");
    assert!(!page.contains("[[plans"), "{page}");
}

#[test]
fn a_vaults_notes_are_listed_by_file_name_as_obsidian_lists_them() {
    // 0boluan0/Notes_on_Economic_Statistics: `00_perface.md`, opening with a heading of
    // its own, came after `01_…` and `02_…` in its folder's list and in prev/next.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Course/00_preface.md",
        "# Zebra facts\n\nThe [[01_sets|first lesson]].\n",
    );
    site.write("content/Course/01_sets.md", "Sets, and [[02_maps]].\n");
    site.write(
        "content/Course/02_maps.md",
        "Maps, back to [[00_preface]].\n",
    );
    site.build().assert_code(0);
    let hub = site.read("course/index.html");
    let at = |needle: &str| {
        hub.find(needle)
            .unwrap_or_else(|| panic!("{needle}: {hub}"))
    };
    assert!(at("course/00_preface/") < at("course/01_sets/"), "{hub}");
    assert!(at("course/01_sets/") < at("course/02_maps/"), "{hub}");
}

#[test]
fn a_quartz_garden_with_hard_line_breaks_keeps_each_line() {
    // morrowind-modding's garden lists `Plugin.HardLineBreaks()`: its `**Author:** Jo`
    // and `**Version:** 1.2` on lines of their own ran together as one line.
    let note = "---\ntitle: Mod\n---\n**Author:** Jo\n**Version:** 1.2\n\n- one\n  two\n";
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Garden\"\n");
    site.write(
        "quartz.config.ts",
        "const config: QuartzConfig = {\n  configuration: { pageTitle: \"x\" },\n  plugins: {\n    transformers: [\n      Plugin.ObsidianFlavoredMarkdown(),\n      Plugin.HardLineBreaks(),\n    ],\n  },\n}\n",
    );
    site.write("content/mod.md", note);
    site.build().assert_code(0);
    let page = site.read("mod/index.html");
    assert!(
        page.contains("<p><strong>Author:</strong> Jo<br />\n<strong>Version:</strong> 1.2</p>"),
        "{page}"
    );
    assert!(page.contains("one<br />\ntwo"), "{page}");
    // Commented out, the plugin is not used: a line break is a space, as in Markdown.
    site.write(
        "quartz.config.ts",
        "export default {\n  plugins: { transformers: [\n    // Plugin.HardLineBreaks(),\n  ] },\n}\n",
    );
    site.build().assert_code(0);
    let page = site.read("mod/index.html");
    assert!(
        page.contains("<p><strong>Author:</strong> Jo\n<strong>Version:</strong> 1.2</p>"),
        "{page}"
    );
}
