//! File and folder names, and file encodings, other people's content holds: names
//! macOS wrote decomposed (NFD) beside links typed composed (NFC), marks of scripts
//! with no composed form, names with `%` and parentheses; notes Windows saved as
//! UTF-16. Each name is found by every kind of link, its address is the one its
//! composed spelling gives, and each file is read as the text it is.

use crate::support::Fixture;

/// An empty Obsidian vault: book.toml and `.obsidian/`.
fn vault() -> Fixture {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Names\"\ndescription = \"Odd names.\"\nbase_url = \"https://notes.example.net/\"\n",
    );
    site.write("content/.obsidian/app.json", "{}");
    site
}

/// `é` as macOS writes it in a file name: `e` and a combining acute accent.
fn decomposed(text: &str) -> String {
    text.replace('é', "e\u{301}")
}

#[test]
fn decomposed_file_and_folder_names_are_found_by_composed_links() {
    let site = vault();
    let folder = decomposed("Thérapie");
    site.write(
        &format!("content/{folder}/{}.md", decomposed("Résumé")),
        "# Résumé\n\nText.\n",
    );
    site.write(
        &format!("content/Attachments/{}.png", decomposed("Schéma")),
        b"\x89PNG\r\n\x1a\n0000",
    );
    site.write(
        &format!("content/{folder}/links.md"),
        "# Links\n\n[[Résumé]] [[Thérapie/Résumé]] [r](Résumé.md) [r2](R%C3%A9sum%C3%A9.md) \
         [r3](/Thérapie/Résumé.md)\n\n![s](../Attachments/Schéma.png) ![[Schéma.png]]\n",
    );
    site.write(
        "content/home.md",
        "# Home\n\n[t](Thérapie/links.md) [[links]]\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    for word in [
        "not written yet",
        "letter case",
        "not in the content folder",
        "broken",
    ] {
        assert!(!run.stderr.contains(word), "{word}: {}", run.stderr);
    }
    site.build().assert_code(0);
    // The address is the composed spelling's, as a reader types it.
    let page = site.read("thérapie/links/index.html");
    for n in 1..=5 {
        let link = format!("href=\"../../thérapie/résumé/\" id=\"ref-{n}\"");
        assert!(page.contains(&link), "{link}: {page}");
    }
    // The image keeps its own name on disk, so its address is that name's.
    assert_eq!(
        page.matches("src=\"../../Attachments/Sche%CC%81ma.png\"")
            .count(),
        2,
        "{page}"
    );
    assert!(site
        .path("public/Attachments")
        .join(decomposed("Schéma.png"))
        .is_file());
    assert!(site
        .read("home/index.html")
        .contains("href=\"../thérapie/links/\""));
}

#[test]
fn names_in_scripts_with_combining_marks_keep_them_in_their_address() {
    // A virama (Hindi), vowel marks (Arabic) and a decomposed accent are part of the
    // word they sit in: never a hyphen that splits it.
    let site = vault();
    for name in ["हिन्दी नोट्स", "مَرْحَبًا", &decomposed("Café")] {
        site.write(&format!("content/Notes/{name}.md"), "Text.\n");
    }
    site.write(
        "content/Notes/all.md",
        "[[हिन्दी नोट्स]] [[مَرْحَبًا]] [[Café]]\n",
    );
    site.run(&["check"]).assert_code(0);
    site.build().assert_code(0);
    let page = site.read("notes/all/index.html");
    for address in ["हिन्दी-नोट्स", "مَرْحَبًا", "café"] {
        assert!(
            page.contains(&format!("href=\"../../notes/{address}/\"")),
            "{address}: {page}"
        );
        assert!(
            site.path("public/notes")
                .join(address)
                .join("index.html")
                .is_file(),
            "{address}"
        );
    }
}

/// An empty Hugo site: book.toml, `hugo.toml` and a content folder.
fn hugo_site() -> Fixture {
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"Names\"\ndescription = \"Odd names.\"\nbase_url = \"https://notes.example.net/\"\n",
    );
    site.write(
        "hugo.toml",
        "baseURL = \"https://notes.example.net/\"\ntitle = \"Names\"\n",
    );
    site.write(
        "content/_index.md",
        "---\ntitle: Home\n---\n[p](posts/_index.md)\n",
    );
    site.write("content/posts/_index.md", "---\ntitle: Posts\n---\n");
    site
}

#[test]
fn hugo_refs_to_names_with_percent_signs_and_parentheses_find_their_page() {
    let site = hugo_site();
    for name in ["50% off", "(draft) plan", "My Post", &decomposed("Résumé")] {
        site.write(
            &format!("content/posts/{name}.md"),
            format!("---\ntitle: \"{name}\"\n---\nBody.\n"),
        );
    }
    site.write(
        "content/posts/links.md",
        "---\ntitle: Links\n---\n[a]({{< relref \"50% off.md\" >}}) [b]({{< ref \"(draft) plan.md\" >}}) \
         [c]({{< ref \"posts/My Post\" >}}) [d]({{< ref \"Résumé.md\" >}})\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    for word in ["not written yet", "not supported", "broken"] {
        assert!(!run.stderr.contains(word), "{word}: {}", run.stderr);
    }
    site.build().assert_code(0);
    let page = site.read("posts/links/index.html");
    for (n, address) in [
        (1, "50-off"),
        (2, "draft-plan"),
        (3, "my-post"),
        (4, "résumé"),
    ] {
        let link = format!("href=\"../../posts/{address}/\" id=\"ref-{n}\"");
        assert!(page.contains(&link), "{link}: {page}");
    }
}

#[test]
fn an_mdbook_summary_typed_composed_lists_chapters_named_decomposed() {
    // Written on macOS: the file names are decomposed, SUMMARY.md holds them as typed.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[book]\ntitle = \"B\"\n\n[site]\ntitle = \"B\"\ndescription = \"A book.\"\nbase_url = \"https://notes.example.net/\"\n\n[build]\ncontent_dir = \"src\"\n",
    );
    site.write("src/README.md", "# Intro\n");
    site.write(
        &format!("src/{}/{}.md", decomposed("Thérapie"), decomposed("Résumé")),
        "# Résumé\n\nText.\n",
    );
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n[Intro](README.md)\n\n- [Résumé](Th%C3%A9rapie/Résumé.md)\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("SUMMARY.md"), "{}", run.stderr);
    site.build().assert_code(0);
    assert!(site
        .read("thérapie/résumé/index.html")
        .contains("<h1 id=\"article-title\">Résumé</h1>"));
    assert!(site
        .read("index.html")
        .contains("href=\"./thérapie/résumé/\""));
}

#[test]
fn notes_saved_as_utf16_are_read_with_a_warning_at_true_positions() {
    let site = vault();
    let le: Vec<u8> =
        "\u{feff}---\r\ntitle: Sixteen\r\n---\r\n# Heading\r\n\r\nSee [[Nowhere]] café.\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
    site.write("content/Notes/le.md", le);
    let bare: Vec<u8> = "# No mark\n\nA [[Gone]] link.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    site.write("content/Notes/bare.md", bare);
    let be: Vec<u8> = "\u{feff}# Big\n\n心理学 [[le]] [[bare]]\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    site.write("content/Notes/be.md", be);
    let run = site.run(&["check"]);
    run.assert_code(0);
    for (file, order) in [("le", "little"), ("bare", "little"), ("be", "big")] {
        let warning = format!("file is UTF-16 ({order}-endian), not UTF-8: read as UTF-16\n --> content/Notes/{file}.md:1:1");
        assert!(run.stderr.contains(&warning), "{warning}: {}", run.stderr);
    }
    // Positions count the decoded text's lines and characters; the line shown is text.
    run.assert_stderr_contains("--> content/Notes/le.md:6:5\n  |\n6 | See [[Nowhere]] café.");
    run.assert_stderr_contains("--> content/Notes/bare.md:3:3\n  |\n3 | A [[Gone]] link.");
    assert!(!run.stderr.contains("not valid UTF-8"), "{}", run.stderr);
    site.build().assert_code(0);
    let page = site.read("notes/le/index.html");
    assert!(
        page.contains("<h1 id=\"article-title\">Sixteen</h1>"),
        "{page}"
    );
    assert!(page.contains("café"), "{page}");
    assert!(site.read("notes/be/index.html").contains("心理学"));
}

#[test]
fn a_top_level_folder_named_like_an_attune_page_moves_beside_it() {
    // A vault's `Tags/` folder of notes: its topic would take /tags/, attune's tag
    // list. The folder's hub and every page below it move to /tags-2/; links follow.
    let site = vault();
    site.write(
        "content/Tags/1929 crash.md",
        "---\ntags: [history]\n---\n# Crash\n\n[[Deep]]\n",
    );
    site.write("content/Tags/Sub/Deep.md", "# Deep\n");
    site.write(
        "content/Notes/a.md",
        "---\ntags: [history]\n---\n# A\n\n[[1929 crash]] [d](../Tags/Sub/Deep.md)\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0).assert_stderr_contains(
        "warning: the folder 'Tags/' would be published at /tags/, the address of the tag list attune writes: its pages are published at /tags-2/\n --> content/Tags/1929 crash.md:1:1",
    );
    site.build().assert_code(0);
    for page in [
        "tags-2/index.html",
        "tags-2/1929-crash/index.html",
        "tags-2/sub/deep/index.html",
        "tags/history/index.html",
    ] {
        assert!(site.path("public").join(page).is_file(), "{page}");
    }
    let a = site.read("notes/a/index.html");
    assert!(
        a.contains("href=\"../../tags-2/1929-crash/\" id=\"ref-1\""),
        "{a}"
    );
    assert!(
        a.contains("href=\"../../tags-2/sub/deep/\" id=\"ref-2\""),
        "{a}"
    );
    assert!(site.read("tags/index.html").contains("history"));
}

#[test]
fn a_lone_percent_pair_at_the_end_of_a_note_hides_nothing_and_is_not_reported() {
    // An Excalidraw drawing's Markdown file whose opening `%%` was lost: the last
    // line's `%%` would hide nothing. One with text after it still warns.
    let site = vault();
    site.write(
        "content/Drawings/flow.excalidraw.md",
        "---\nexcalidraw-plugin: parsed\n---\n# Flow\n\n## Drawing\n```compressed-json\nN4Ig\n```\n%%\n",
    );
    site.write(
        "content/Drawings/notes.md",
        "# Notes\n\n[[flow.excalidraw]]\n\nShown. %% hidden\n\nHidden too.\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(
        !run.stderr.contains("flow.excalidraw.md:10"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("never closed").count(),
        1,
        "{}",
        run.stderr
    );
    run.assert_stderr_contains("--> content/Drawings/notes.md:5:8");
}
