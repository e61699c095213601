//! `[build] exclude`: what a vault or garden keeps beside its notes (a templates
//! folder, a private journal, drafts) is never published by any command, in any
//! output; a link to it is a note not written yet; a bad pattern is a config error.

use crate::linkcheck::unzip;
use crate::support::{snapshot, Fixture};
use std::path::Path;

/// Texts that are only in files the patterns leave out.
const SECRETS: [&str; 6] = [
    "PRIVATE-DIARY-SECRET",
    "Secret Diary Title",
    "TEMPLATE-SECRET",
    "DEEP-TEMPLATE-SECRET",
    "DRAFT-SECRET",
    "PRIVATE-IMAGE-SECRET",
];

const EXCLUDE: &str = "exclude = [\"templates\", \"private/**\", \"*.draft.md\"]";

/// The Obsidian vault with a private folder, templates at two depths and a draft,
/// left out by [`EXCLUDE`], and a note linking, embedding and wikilinking to them.
fn vault() -> Fixture {
    let site = Fixture::new("obsidian");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", format!("{book}\n[build]\n{EXCLUDE}\n"));
    site.write(
        "content/private/Diary.md",
        "---\ntitle: Secret Diary Title\ntags: [diary-secret-tag]\n---\nPRIVATE-DIARY-SECRET\n",
    );
    site.write("content/private/deep/scan.png", "PRIVATE-IMAGE-SECRET");
    site.write(
        "content/templates/Daily.md",
        "# Daily\n\nTEMPLATE-SECRET <% tp.date.now() %>\n",
    );
    site.write(
        "content/Healing/templates/Weekly.md",
        "DEEP-TEMPLATE-SECRET\n",
    );
    site.write("content/Healing/plan.draft.md", "# Plan\n\nDRAFT-SECRET\n");
    site.write(
        "content/Healing/links.md",
        "# Links\n\nSee [[Diary]], [the diary](../private/Diary.md) and [[Daily|the template]].\n\n![[Diary]]\n\nAlso [[private/Diary|the journal]].\n",
    );
    site
}

/// Every file under `dir`, with `offline.zip` unpacked, holds none of [`SECRETS`],
/// and no path in it names a left-out file.
fn assert_nothing_left_out_published(dir: &Path) {
    let zip = dir.join("offline.zip");
    let unpacked = dir.with_extension("unzipped");
    if zip.is_file() {
        unzip(&zip, &unpacked);
    }
    let mut files = snapshot(dir);
    if unpacked.is_dir() {
        files.extend(snapshot(&unpacked));
    }
    assert!(files.len() > 10, "{files:?}");
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for secret in SECRETS.iter().chain(&["diary-secret-tag"]) {
            assert!(!text.contains(secret), "{} holds {secret}", path.display());
        }
        let path = path.to_string_lossy().to_lowercase();
        for name in [
            "private",
            "templates",
            "diary",
            "daily",
            "weekly",
            "draft",
            "scan",
        ] {
            assert!(!path.contains(name), "{path} is published");
        }
    }
}

#[test]
fn left_out_folders_and_files_are_in_no_output() {
    let site = vault();
    let run = site.build();
    run.assert_code(0);
    for secret in SECRETS {
        assert!(!run.stderr.contains(secret), "{}", run.stderr);
    }
    // Nothing of them is read: a Templater tag in a left-out template is not reported,
    // and no diagnostic is at one of them (a link names only what it wrote).
    for folder in [
        "content/templates",
        "content/private",
        "Healing/templates",
        "draft.md",
    ] {
        assert!(!run.stderr.contains(folder), "{}", run.stderr);
    }
    assert_nothing_left_out_published(&site.path("public"));
    // The note the others sit beside is published.
    assert!(site.read("healing/links/index.html").contains("See "));
}

#[test]
fn a_link_to_a_left_out_note_is_a_note_not_written_yet() {
    let site = vault();
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains("content/Healing/links.md:3:5")
        .assert_stderr_contains("content/Healing/links.md:3:16")
        .assert_stderr_contains("content/Healing/links.md:3:53")
        .assert_stderr_contains("content/Healing/links.md:7:6");
    // A link naming a left-out note, by its path or by its name alone, says so, with
    // the pattern and its place in book.toml, and names nothing more than it wrote.
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    let line = book.lines().position(|l| l.starts_with("exclude")).unwrap() + 1;
    let private = format!("pattern 'private/**' (book.toml:{line}:25)");
    run.assert_stderr_contains(&format!(
        "warning: '../private/Diary.md' is left out by `[build] exclude` {private}: shown as plain text"
    ))
    .assert_stderr_contains(&format!("warning: 'private/Diary' is left out by `[build] exclude` {private}"))
    .assert_stderr_contains(&format!("warning: 'Diary' is left out by `[build] exclude` {private}: shown as plain text"))
    .assert_stderr_contains(&format!("warning: 'Daily' is left out by `[build] exclude` pattern 'templates' (book.toml:{line}:12)"));
    // A note that is nowhere, left out or not, is not written yet.
    site.write(
        "content/Healing/more.md",
        "# More\n\nSee [[Nowhere]] and [x](../private/Nowhere.md).\n",
    );
    site.run(&["check"])
        .assert_stderr_contains("warning: 'Nowhere' is not written yet")
        .assert_stderr_contains("warning: '../private/Nowhere.md' is not written yet");
    site.remove("content/Healing/more.md");
    let run = site.build();
    run.assert_code(0);
    let page = site.read("healing/links/index.html");
    // Plain text, as written in the link, and never a link or an image.
    assert!(
        page.contains("<p>See <span class=\"missing-link\">Diary</span>, <span class=\"missing-link\">the diary</span> and <span class=\"missing-link\">the template</span>.</p>"),
        "{page}"
    );
    assert!(!page.contains("PRIVATE-DIARY-SECRET"));
    assert!(!page.contains("Secret Diary Title"));
    // Strict: each is an error, and nothing is written.
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replace("[build]\n", "[build]\nmissing_links = \"error\"\n"),
    );
    site.remove("public");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("content/Healing/links.md:3:5");
    assert!(!site.path("public").exists());
}

#[test]
fn without_the_patterns_the_same_files_are_published() {
    // The test above would pass on a vault whose files never made it into the site:
    // without `exclude`, they are there.
    let site = vault();
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", book.replace(EXCLUDE, ""));
    site.build().assert_code(0);
    let all: Vec<u8> = site.snapshot("public").into_values().flatten().collect();
    let all = String::from_utf8_lossy(&all);
    for secret in [
        "PRIVATE-DIARY-SECRET",
        "DRAFT-SECRET",
        "DEEP-TEMPLATE-SECRET",
    ] {
        assert!(all.contains(secret), "{secret}");
    }
}

#[test]
fn a_bad_pattern_is_an_error_at_its_place_in_book_toml() {
    let site = vault();
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    let line = book.lines().position(|l| l.starts_with("exclude")).unwrap() + 1;
    for (pattern, says) in [
        ("notes/[z-a].md", "invalid range"),
        ("{private,journal", "unclosed alternate group"),
        ("", "an empty pattern leaves nothing out"),
    ] {
        site.write(
            "book.toml",
            book.replace(
                EXCLUDE,
                &format!("exclude = [\"templates\", \"{pattern}\"]"),
            ),
        );
        // The second item, after `exclude = ["templates", `.
        let column = "exclude = [\"templates\", ".len() + 1;
        for command in ["check", "build"] {
            site.run(&[command])
                .assert_code(1)
                .assert_stderr_contains(&format!(
                    "error: `build.exclude` pattern '{pattern}' does not read: "
                ))
                .assert_stderr_contains(says)
                .assert_stderr_contains(&format!(" --> book.toml:{line}:{column}"));
        }
        assert!(
            !site.path("public").exists(),
            "{pattern}: nothing is written"
        );
    }
}

#[test]
fn the_static_folder_is_read_with_the_same_patterns() {
    let site = Fixture::new("hugo");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\nstatic_dir = \"static\"\nexclude = [\"private\", \"/drafts\"]\n"),
    );
    site.write("static/files/guide.txt", "guide");
    site.write("static/files/private/notes.txt", "PRIVATE-DIARY-SECRET");
    site.write("static/drafts/a.txt", "DRAFT-SECRET");
    site.write("static/files/drafts/b.txt", "anchored elsewhere");
    site.build().assert_code(0);
    assert!(site.path("public/files/guide.txt").is_file());
    assert!(site.path("public/files/drafts/b.txt").is_file());
    assert!(!site.path("public/files/private").exists());
    assert!(!site.path("public/drafts").exists());
}

#[test]
fn serve_never_publishes_a_left_out_file_that_changes() {
    use crate::serve::{assert_same_as_full_build, get, start, wait_until};
    let site = vault();
    let server = start(&site);
    let a = &server.address;
    assert_eq!(get(a, "/healing/links/").0, 200);
    // Left-out files change and appear; then a published note changes, so a rebuild
    // has surely happened by the time it shows.
    site.write(
        "content/private/Diary.md",
        "---\ntitle: Secret Diary Title\n---\nPRIVATE-DIARY-SECRET, edited\n",
    );
    site.write("content/private/New.md", "# New\n\nPRIVATE-DIARY-SECRET\n");
    site.write("content/templates/Other.md", "TEMPLATE-SECRET\n");
    site.write("content/Healing/later.draft.md", "DRAFT-SECRET\n");
    site.write(
        "content/Healing/links.md",
        "# Links\n\nSee [[Diary]] and [[New]], edited.\n",
    );
    wait_until("the edited note", || {
        get(a, "/healing/links/").1.contains("edited.")
    });
    for path in [
        "/private/new/",
        "/private/diary/",
        "/templates/other/",
        "/healing/later-draft/",
    ] {
        assert_eq!(get(a, path).0, 404, "{path}");
    }
    assert_nothing_left_out_published(&server.out);
    assert_same_as_full_build(&site, &server.out);
}

/// The number of the build `serve` last published, as its pages name it.
fn served_build(address: &str) -> u64 {
    let page = crate::serve::get(address, "/").1;
    let at = page.find("data-build=\"").unwrap() + "data-build=\"".len();
    page[at..].split('"').next().unwrap().parse().unwrap()
}

#[test]
fn serve_rebuilds_for_book_toml_but_not_for_a_left_out_file() {
    use crate::serve::{assert_same_as_full_build, get, start, wait_until};
    let site = vault();
    // A left-out file a page includes is still read: its change is a rebuild.
    site.write("content/templates/snippet.md", "INCLUDED-ONCE\n");
    site.write(
        "content/Healing/includes.md",
        "# Includes\n\n{{#include ../templates/snippet.md}}\n",
    );
    let server = start(&site);
    let a = &server.address;
    assert_eq!(get(a, "/healing/links/").0, 200);
    let first = served_build(a);
    // Left-out files change and appear: nothing is rebuilt.
    site.write(
        "content/private/Diary.md",
        "# Diary\n\nPRIVATE-DIARY-SECRET, edited\n",
    );
    site.write("content/private/deep/New.md", "# New\n");
    site.write("content/Healing/later.draft.md", "DRAFT-SECRET\n");
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert_eq!(
        served_build(a),
        first,
        "a left-out file's change rebuilt the site"
    );
    // The included one is.
    site.write("content/templates/snippet.md", "INCLUDED-TWICE\n");
    wait_until("the included text", || {
        get(a, "/healing/includes/").1.contains("INCLUDED-TWICE")
    });
    // (The build's number goes up once its files are written.)
    wait_until("the build's number", || served_build(a) > first);
    // book.toml's patterns change: the folder they no longer leave out is published.
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replace(EXCLUDE, "exclude = [\"templates\", \"*.draft.md\"]"),
    );
    wait_until("the private folder", || get(a, "/private/diary/").0 == 200);
    assert_same_as_full_build(&site, &server.out);
}

#[test]
fn a_vaults_own_templates_folders_are_left_out_unless_taken_back() {
    // The vault says where its templates are: Obsidian's Templates plugin in
    // `.obsidian/templates.json`, Templater in its plugin's data.json. Nothing in
    // book.toml names them.
    let site = Fixture::new("obsidian");
    site.write(
        ".obsidian/templates.json",
        "{\n  \"folder\": \"Meta/Templates\"\n}\n",
    );
    site.write(
        ".obsidian/plugins/templater-obsidian/data.json",
        "{\"templates_folder\": \"Templater\", \"trigger_on_file_creation\": true}",
    );
    site.write(
        "content/Meta/Templates/Daily note.md",
        "---\ndate: {{date}}\n---\n# Daily note\n\nTEMPLATE-SECRET\n",
    );
    site.write(
        "content/Meta/Templates/Bases/Books.base",
        "views:\n  - type: map\n    name: Table\n",
    );
    site.write(
        "content/Templater/Weekly.md",
        "# Weekly\n\n<% tp.date.now() %> DEEP-TEMPLATE-SECRET\n",
    );
    site.write("content/Meta/About.md", "# About\n\nThe vault own page.\n");
    site.write(
        "content/Healing/links.md",
        "# Links\n\nSee [[Daily note]] and [[Weekly|the week]].\n\n![[Books.base]]\n\nEnd.\n",
    );
    // A view a template put in every note made from it is one warning for the site.
    for n in 1..=3 {
        site.write(
            &format!("content/Healing/book-{n}.md"),
            format!("# Book {n}\n\nSee [[Links]].\n\n![[Books.base#Table]]\n"),
        );
    }
    // The vault is the content folder here: `.obsidian/` inside it.
    for file in [
        ".obsidian/templates.json",
        ".obsidian/plugins/templater-obsidian/data.json",
    ] {
        let text = std::fs::read_to_string(site.path(file)).unwrap();
        site.write(&format!("content/{file}"), text);
        site.remove(file);
    }
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains("warning: 'Daily note' is left out: it is in the vault's templates folder (.obsidian/templates.json): shown as plain text")
        .assert_stderr_contains("warning: 'Weekly' is left out: it is in the vault's templates folder (.obsidian/plugins/templater-obsidian/data.json)")
        .assert_stderr_contains("warning: Obsidian Bases view `Books.base#Table` is a `map` view, which attune does not draw: it is left out of the page (4 pages embed it)\n --> content/Healing/book-1.md:5:1")
        .assert_stderr_contains("content/Healing/links.md:5:1");
    assert_eq!(
        run.stderr.matches("Obsidian Bases view").count(),
        1,
        "{}",
        run.stderr
    );
    // Nothing in the templates is read but the base the notes embed: no placeholder
    // or Templater warning.
    for said in ["{{date}}", "tp.date", "Daily note.md", "content/Templater"] {
        assert!(!run.stderr.contains(said), "{}", run.stderr);
    }
    let run = site.build();
    run.assert_code(0);
    let public = site.path("public");
    for (path, bytes) in snapshot(&public) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("TEMPLATE-SECRET"), "{}", path.display());
        assert!(!text.contains("views:"), "{}", path.display());
        let path = path.to_string_lossy().to_lowercase();
        assert!(
            !path.contains("templat") && !path.contains(".base"),
            "{path}"
        );
    }
    // The folder beside the templates is published; the view leaves no empty paragraph.
    assert!(site
        .read("meta/about/index.html")
        .contains("The vault own page."));
    let page = site.read("healing/links/index.html");
    assert!(
        !page.contains("<p></p>") && page.contains("<p>End.</p>"),
        "{page}"
    );
    // `[build] exclude` takes a folder back as `.gitignore` does.
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!(
            "{book}\n[build]\nexclude = [\"!/Meta/Templates/\"]\nunsupported_syntax = \"warn\"\n"
        ),
    );
    let run = site.run(&["check"]);
    run.assert_stderr_contains("template placeholder `{{date}}` in front matter");
    assert!(
        !run.stderr.contains("'Daily note' is left out"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("'Weekly' is left out"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_folder_of_templates_no_setting_names_is_left_out_with_one_warning() {
    // vanNijnatten/Zettelkasten keeps `.obsidian/` without templates.json, and its
    // `attachments/templates/` notes (`aliases: - {{citekey}}`, `# {{title}}`) were
    // published, one `unsupported-syntax` warning per placeholder. A folder so named
    // whose notes hold no placeholder is published as before.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/attachments/templates/article-template.md",
        "---\naliases:\n  - {{citekey}}\nyear: {{year}}\n---\n# {{title}}\n\nTEMPLATE-SECRET\n",
    );
    site.write(
        "content/attachments/templates/idea-template.md",
        "# Idea\n\nMade <% tp.file.creation_date() %> TEMPLATE-SECRET\n",
    );
    site.write(
        "content/attachments/templates/readme.md",
        "# About these\n\nCopy one.\n",
    );
    site.write(
        "content/Healing/Template/letter.md",
        "# Letter\n\nA letter to copy: Dear `{{name}}`, KEPT-LETTER\n",
    );
    site.write(
        "content/Healing/idea.md",
        "# Idea\n\nSee [[idea-template]] and [[letter]].\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0).assert_stderr_contains(
        "warning: 'attachments/templates/' is left out as a folder of templates: 2 of its 3 notes hold placeholders such as `{{citekey}}`\n --> content/attachments/templates/article-template.md:3:5",
    )
    .assert_stderr_contains("to publish the folder, add \"!/attachments/templates/\" to `[build] exclude`");
    let said = "as a folder of templates";
    assert_eq!(run.stderr.matches(said).count(), 1, "{}", run.stderr);
    run.assert_stderr_contains("'idea-template' is left out: it is in a folder of templates");
    for said in ["{{year}}", "tp.file", "Healing/Template"] {
        assert!(!run.stderr.contains(said), "{}", run.stderr);
    }
    let run = site.build();
    run.assert_code(0);
    for (path, bytes) in snapshot(&site.path("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("TEMPLATE-SECRET"), "{}", path.display());
    }
    assert!(site
        .read("healing/template/letter/index.html")
        .contains("KEPT-LETTER"));
    // Named in `[build] exclude`: out, and nothing said; taken back: published.
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\nexclude = [\"/attachments/templates/\"]\n"),
    );
    let run = site.run(&["check"]);
    assert!(!run.stderr.contains(said), "{}", run.stderr);
    site.write(
        "book.toml",
        format!("{book}\n[build]\nexclude = [\"!/attachments/templates/\"]\nunsupported_syntax = \"warn\"\n"),
    );
    let run = site.run(&["check"]);
    assert!(!run.stderr.contains(said), "{}", run.stderr);
    run.assert_stderr_contains("template placeholder `{{citekey}}` in front matter");
}

#[test]
fn a_folder_of_templates_named_in_another_language_is_left_out_too() {
    // A German, French or Chinese vault kept in git without `.obsidian/` names its
    // templates folder in its own language (`Vorlagen`, `Modèles`, written decomposed by
    // macOS, `模板`): its placeholders were published as notes. A folder so named whose
    // notes hold none is published as before.
    let site = Fixture::new("obsidian");
    site.write(
        "content/Schlaf/Schlaf.md",
        "# Schlaf\n\nSiehe [[Tagesnotiz]].\n",
    );
    site.write(
        "content/Schlaf/Ruhe.md",
        "# Ruhe\n\nSiehe [[Schlaf]] und ![[Schlaf]].\n",
    );
    site.write(
        "content/Vorlagen/Tagesnotiz.md",
        "# {{date}}\n\nVORLAGE-GEHEIM\n",
    );
    site.write(
        "content/99 Mode\u{300}les/Note.md",
        "# <% tp.file.title %>\n\nMODELE-SECRET\n",
    );
    site.write(
        "content/Notes/模板/每日.md",
        "# {{title}}\n\nMOBAN-SECRET\n",
    );
    site.write(
        "content/Plantillas/Receta.md",
        "# Receta\n\nPLANTILLA-KEPT\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains("'Vorlagen/' is left out as a folder of templates")
        .assert_stderr_contains("'Notes/模板/' is left out as a folder of templates")
        .assert_stderr_contains("'Tagesnotiz' is left out: it is in a folder of templates");
    assert!(
        run.stderr
            .contains("les/' is left out as a folder of templates"),
        "{}",
        run.stderr
    );
    let run = site.build();
    run.assert_code(0);
    for (path, bytes) in snapshot(&site.path("public")) {
        let text = String::from_utf8_lossy(&bytes);
        for secret in ["VORLAGE-GEHEIM", "MODELE-SECRET", "MOBAN-SECRET"] {
            assert!(!text.contains(secret), "{}", path.display());
        }
    }
    assert!(site
        .read("plantillas/receta/index.html")
        .contains("PLANTILLA-KEPT"));
}

#[test]
fn a_logseq_graph_s_own_folder_is_not_published() {
    // DVG3/Ykhoa: a Logseq graph keeps `logseq/config.edn` and `logseq/bak/`, backups of
    // its pages, which were published as pages (orphans, their images missing).
    let site = Fixture::new("obsidian");
    site.write("content/logseq/config.edn", "{:meta/version 1}\n");
    site.write("content/logseq/custom.css", "");
    site.write(
        "content/logseq/bak/pages/Atoms/2024-09-14T01_57_17.561Z.Desktop.md",
        "- Old text ![x](../assets/gone.png)\n",
    );
    site.write("content/pages/Atoms.md", "- Atoms are small.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("Desktop"), "{}", run.stderr);
    assert!(!run.stderr.contains("gone.png"), "{}", run.stderr);
    assert!(site
        .read("pages/atoms/index.html")
        .contains("Atoms are small."));
    assert!(!site.path("public/logseq").exists());
}

#[test]
fn zolas_ignored_content_is_neither_read_nor_published() {
    // phil-opp/blog_os: `ignored_content = ["*/README.md", …]` kept the content
    // folder's README (with links out of the site) off the site Zola builds.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Zola\"\n");
    site.write(
        "config.toml",
        "base_url = \"https://example.org\"\nignored_content = [\"*/README.md\", \"*.txt\", \"**/drafts/*\"]\n",
    );
    site.write(
        "content/README.md",
        "# Blog content\n\nSee the [licence](../LICENSE-CC-BY-NC).\n",
    );
    site.write("content/notes.txt", "scratch\n");
    site.write(
        "content/blog/drafts/soon.md",
        "+++\ntitle = \"Soon\"\n+++\nSoon.\n",
    );
    site.write(
        "content/blog/first.md",
        "+++\ntitle = \"First\"\n+++\nThe [repository's readme](../README.md).\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "is left out: it is in Zola's `ignored_content` (config.toml), which Zola neither renders nor copies",
    );
    assert!(!run.stderr.contains("LICENSE"), "{}", run.stderr);
    assert!(site.path("public/blog/first/index.html").exists());
    assert!(!site.path("public/readme").exists());
    assert!(!site.path("public/notes.txt").exists());
    assert!(!site.path("public/blog/drafts").exists());
}

#[test]
fn a_quartz_gardens_ignore_patterns_are_neither_read_nor_published() {
    // morrowind-modding: `ignorePatterns: ["private", "**/templates/", ".obsidian"]`
    // kept its note templates (`contributing/templates/*`, with empty titles) off the
    // site Quartz builds; attune published them. A glob names a path from the content
    // folder, as globby reads it: `private` is the top folder only.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Garden\"\n\n[build]\ncontent_dir = \"content\"\n",
    );
    site.write(
        "quartz.config.ts",
        "const config: QuartzConfig = {\n  configuration: {\n    pageTitle: \"Garden\",\n    ignorePatterns: [\"private\", \"**/templates/\", \".obsidian\"],\n  },\n}\nexport default config\n",
    );
    site.write("content/private/diary.md", "Secret.\n");
    site.write(
        "content/contributing/templates/mod.md",
        "---\ntitle:\n---\n{{title}}\n",
    );
    site.write("content/guides/private/ok.md", "# Kept\n\nShown.\n");
    site.write("content/index.md", "# Home\n\nSee [[mod]] and [[ok]].\n");
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "is left out: it is in Quartz's `ignorePatterns` (quartz.config.ts), which Quartz never reads",
    );
    assert!(!site.path("public/private").exists());
    assert!(!site.path("public/contributing").exists());
    assert!(site.path("public/guides/private/ok/index.html").exists());
}
