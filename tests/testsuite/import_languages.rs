//! Translations beside a page, as Zola and Hugo write them (`page.fr.md`,
//! `_index.fr.md`, a bundle's `index.de.md`): a site is one language, its
//! `[site] language`.

use crate::support::Fixture;

/// The `<h1>` title of a built page.
fn title(page: &str) -> &str {
    let start = page.find("<h1 id=\"article-title\">").expect("a title") + 23;
    &page[start..start + page[start..].find("</h1>").unwrap()]
}

fn set_language(site: &Fixture, language: &str) {
    let book: String = std::fs::read_to_string(site.path("book.toml"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("language = "))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write(
        "book.toml",
        book.replacen(
            "[site]\n",
            &format!("[site]\nlanguage = \"{language}\"\n"),
            1,
        ),
    );
}

#[test]
fn a_zola_site_in_its_default_language_leaves_its_translations_out() {
    let site = Fixture::new("zola-languages");
    let run = site.run(&["check"]);
    run.assert_code(0).assert_stderr_contains(
        "warning: 4 translations into `fr` (`.fr.md`) left out: this file and 3 others; the site's language is `en`\n--> content/_index.fr.md",
    );
    // One warning for the language; none of orphans or of pages of their own.
    assert_eq!(run.stderr.matches("warning:").count(), 2, "{}", run.stderr);
    assert!(!run.stderr.contains("orphan"), "{}", run.stderr);
    site.build().assert_code(0);
    assert_eq!(title(&site.read("blog/first/index.html")), "First post");
    assert_eq!(title(&site.read("blog/bundle/index.html")), "A bundle");
    assert!(site.read("blog/index.html").contains("<h1>Blog</h1>"));
    assert!(site.read("index.html").contains("Welcome."));
    for gone in [
        "blog/first-fr",
        "blog/first.fr",
        "blog/bundle/index-fr",
        "index-fr",
    ] {
        assert!(!site.path("public").join(gone).exists(), "{gone}");
    }
    let urls = site.read("urls.json");
    assert!(!urls.contains("fr/"), "{urls}");
}

#[test]
fn a_zola_site_built_in_a_translation_s_language_publishes_it_at_the_same_address() {
    let site = Fixture::new("zola-languages");
    site.build().assert_code(0);
    let english = site.read("urls.json");
    set_language(&site, "fr");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("other-language") && !run.stderr.contains("left out"));
    // The same addresses, in French where there is a translation.
    let french = site.read("urls.json");
    let addresses = |urls: &str| -> (serde_json::Value, Vec<String>) {
        let urls: serde_json::Value = serde_json::from_str(urls).unwrap();
        let articles = urls["articles"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        (urls["urls"].clone(), articles)
    };
    assert_eq!(addresses(&english), addresses(&french));
    assert!(
        french.contains("\"file\": \"content/blog/first.fr.md\""),
        "{french}"
    );
    let first = site.read("blog/first/index.html");
    assert!(first.contains("<html lang=\"fr\""));
    assert_eq!(title(&first), "Premier billet");
    // Links to the translation's own file name, and to the untranslated one, both
    // lead to the page (`@/blog/bundle/index.fr.md`, `second.md`).
    assert!(first.contains("<a href=\"../../blog/second/\" id=\"ref-1\">le second billet</a>"));
    assert!(first.contains("<a href=\"../../blog/bundle/\" id=\"ref-2\">le dossier</a>"));
    // `/fr/blog/`, as Zola writes a link between pages of a language other than its
    // default, is `/blog/` on a site in French.
    assert!(
        first.contains("<a href=\"../../blog/\" id=\"ref-3\">le blogue</a>"),
        "{first}"
    );
    // A page with no translation is kept, in the language it is written in.
    assert_eq!(title(&site.read("blog/second/index.html")), "Second post");
    let bundle = site.read("blog/bundle/index.html");
    assert_eq!(title(&bundle), "Un dossier");
    assert!(bundle.contains("alt=\"Une lune\""));
    assert!(site.path("public/blog/bundle/moon.png").is_file());
    assert!(site.read("blog/index.html").contains("<h1>Blogue</h1>"));
    assert!(site.read("index.html").contains("Bienvenue."));
    // A region of the language takes its translations too.
    set_language(&site, "fr-CA");
    site.build().assert_code(0);
    assert_eq!(title(&site.read("blog/first/index.html")), "Premier billet");
}

#[test]
fn a_hugo_bundle_s_translation_is_left_out_or_takes_its_place() {
    let site = Fixture::new("hugo");
    site.write(
        "content/posts/first-post/index.de.md",
        "---\ntitle: Unser erster Beitrag\ndate: 2026-01-10\n---\nEin Foto:\n\n![Der Start](launch.png)\n",
    );
    site.write(
        "content/about.de.md",
        "---\ntitle: Über uns\n---\nWer wir sind.\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: 2 translations into `de` (`.de.md`) left out: this file and 1 other; the site's language is `en`\n--> content/about.de.md",
    );
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    assert_eq!(
        title(&site.read("posts/first-post/index.html")),
        "Our first post"
    );
    set_language(&site, "de");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("left out"), "{}", run.stderr);
    let post = site.read("posts/first-post/index.html");
    assert_eq!(title(&post), "Unser erster Beitrag");
    assert!(post.contains("alt=\"Der Start\""));
    assert!(site.path("public/posts/first-post/launch.png").is_file());
    assert_eq!(title(&site.read("about/index.html")), "Über uns");
    // Untranslated pages stay, at their addresses.
    assert!(site.path("public/posts/second-post/index.html").is_file());
    assert!(!site.path("public/about-de").exists());
}

#[test]
fn a_dotted_note_name_is_not_a_language() {
    let site = Fixture::new("obsidian");
    site.write("content/Healing/Web.de.md", "A mail provider's notes.\n");
    site.write(
        "content/Healing/mailbox.org.md",
        "Another provider. See [[Web.de]].\n",
    );
    site.write("content/Healing/v1.2.md", "Version notes.\n");
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("left out"), "{}", run.stderr);
    let mailbox = site.read("healing/mailbox-org/index.html");
    assert!(mailbox.contains(">Web.de</a>"), "{mailbox}");
    assert_eq!(title(&site.read("healing/web-de/index.html")), "Web.de");
    assert!(site.path("public/healing/v1-2/index.html").is_file());
}

#[test]
fn a_link_to_a_translation_left_out_says_so_and_is_its_text() {
    let site = Fixture::new("zola-languages");
    site.write(
        "content/blog/linking.md",
        "+++\ntitle = \"Linking\"\n+++\nRead it in [Français](first.fr.md) or [English](first.md).\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0).assert_stderr_contains(
        "warning: 'first.fr.md' is a translation into `fr`, left out of this site (its language is `en`): shown as plain text\n --> content/blog/linking.md:4:12",
    );
    assert!(!run.stderr.contains("not written yet"), "{}", run.stderr);
    site.build().assert_code(0);
    let page = site.read("blog/linking/index.html");
    assert!(
        page.contains("<span class=\"missing-link\">Français</span>"),
        "{page}"
    );
    assert!(page.contains(">English</a>"), "{page}");
}

#[test]
fn a_three_letter_code_beside_a_known_one_is_a_translation_too() {
    // Hugo's Relearn docs: `.en.md` and `.pir.md` (a language of the site's own making)
    // side by side; the `.pir.md` files were published as pages (`_index-pir/`).
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\nbase_url = \"https://docs.example.org/\"\n",
    );
    site.write(
        "content/_index.en.md",
        "+++\ntitle = 'Home'\n+++\nWelcome.\n",
    );
    site.write("content/_index.pir.md", "+++\ntitle = 'Arrr'\n+++\nAhoy.\n");
    site.write("content/guide/start.en.md", "# Start\n\nText.\n");
    site.write("content/guide/start.pir.md", "# Arrr start\n\nText.\n");
    site.write("content/guide/only.pir.md", "# Only pirate\n\nText.\n");
    site.write(
        "content/guide/notes.md",
        "# Notes\n\nSee [start](start.md).\n",
    );
    site.write("content/guide/notes.old.md", "# Old notes\n\nText.\n");
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: 3 translations into `pir` (`.pir.md`) left out");
    assert_eq!(title(&site.read("guide/start/index.html")), "Start");
    assert!(site.read("index.html").contains("Welcome."));
    assert!(site.path("public/guide/notes-old/index.html").exists());
    for gone in [
        "_index-pir",
        "guide/start-pir",
        "guide/only-pir",
        "guide/only",
    ] {
        assert!(!site.path("public").join(gone).exists(), "{gone}");
    }
}

#[test]
fn mdbook_gettext_translations_are_named_once_and_never_published() {
    // mdbook-i18n-helpers keeps a book's translations as gettext catalogues in `po/`
    // beside book.toml. attune publishes the book in the language it is written in:
    // one warning names the languages left out, at `[preprocessor.gettext]`, and a
    // book at the repository's root does not publish the catalogues as files.
    let site = Fixture::empty();
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[book]\nsrc = \"src\"\n\n[build]\ncontent_dir = \"src\"\nextra-watch-dirs = [\"po\"]\n\n[preprocessor.gettext]\nafter = [\"links\"]\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Intro](intro.md)\n");
    site.write("src/intro.md", "# Intro\n\nHello.\n");
    site.write("po/messages.pot", "msgid \"Intro\"\nmsgstr \"\"\n");
    site.write("po/cn.po", "msgid \"Intro\"\nmsgstr \"介绍\"\n");
    site.write("po/ja.po", "msgid \"Intro\"\nmsgstr \"紹介\"\n");
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: the book's translations in po/ ('cn', 'ja') are not published: attune publishes the book in the language it is written in")
        .assert_stderr_contains("--> book.toml:11:1");
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    // The same book with its pages at the repository's root.
    site.remove("public");
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \".\"\noutput_dir = \"../out\"\n",
    );
    site.write("SUMMARY.md", "# Summary\n\n- [Intro](src/intro.md)\n");
    site.remove("src/SUMMARY.md");
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: the book's translations in po/ ('cn', 'ja') are not published",
    );
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    assert!(site.path("../out/src/intro/index.html").exists());
    assert!(!site.path("../out/po").exists());
}

/// A Hugo site whose languages keep their pages in folders of their own
/// (`[languages.fr] contentDir = "content/fr"`), with the starter book.toml's
/// `content_dir = "content"`. Hugo reads each language from its folder (its `ref`s and
/// `/` links from there); attune builds the site's language from its folder and leaves
/// the other out with one warning, where it read both as topics of one site: every
/// `ref "about"` was ambiguous between `en/about` and `fr/about`.
#[test]
fn a_hugo_site_with_a_folder_per_language_builds_its_language_from_its_folder() {
    let site = Fixture::empty();
    site.write(
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n\
         [languages.en]\ncontentDir = \"content/en\"\nweight = 1\n\
         [languages.fr]\ncontentDir = \"content/fr\"\nweight = 2\n",
    );
    site.write(
        "book.toml",
        "[site]\ntitle = \"Two languages\"\nbase_url = \"https://site.example.net/\"\n\n[build]\ncontent_dir = \"content\"\n",
    );
    site.write(
        "content/en/_index.md",
        "---\ntitle: Home\n---\nRead [the guide]({{< ref \"guide/sleep\" >}}) or [about](/about/).\n",
    );
    site.write(
        "content/en/guide/sleep.md",
        "---\ntitle: Sleep\n---\nBack to [about]({{< relref \"about\" >}}).\n",
    );
    site.write("content/en/about.md", "---\ntitle: About\n---\nHello.\n");
    site.write(
        "content/fr/guide/sleep.md",
        "---\ntitle: Sommeil\n---\nRetour [à propos]({{< relref \"about\" >}}).\n",
    );
    site.write("content/fr/about.md", "---\ntitle: À propos\n---\nSalut.\n");
    // A page bundle's image found by Docsy's `imgproc` in the language's folder
    // (google/docsy-example's first post: "not supported" when a second language
    // was there).
    site.write(
        "content/en/blog/first/index.md",
        "---\ntitle: First\n---\n{{< imgproc sunset Crop \"500x300\" >}}\n\nCropped\n\n{{< /imgproc >}}\n",
    );
    site.write("content/en/blog/first/featured-sunset-1.jpg", "JPEG");
    let run = site.run(&["check"]);
    assert!(!run.stderr.contains("imgproc"), "{}", run.stderr);
    run.assert_code(0).assert_stderr_contains(
        "warning: Hugo's language `fr` (`content/fr/`) is left out: a site is one language, `en`, read from `content/en/` as Hugo reads its languages' folders\n --> book.toml:6:1",
    );
    assert!(!run.stderr.contains("could mean"), "{}", run.stderr);
    site.build().assert_code(0);
    let home = site.read("index.html");
    assert!(home.contains("href=\"./guide/sleep/\""), "{home}");
    assert!(home.contains("href=\"./about/\""), "{home}");
    assert!(site
        .read("guide/sleep/index.html")
        .contains("href=\"../../about/\""));
    assert!(!site.path("public/en").exists());
    assert!(!site.path("public/fr").exists());
    assert!(!site.read("about/index.html").contains("Salut"));
    let first = site.read("blog/first/index.html");
    assert!(
        first.contains("<img src=\"../../blog/first/featured-sunset-1.jpg\" alt=\"\">"),
        "{first}"
    );

    // The other language, as the warning says to build it; `[site] language` alone
    // picks its folder too.
    let book = std::fs::read_to_string(site.path("book.toml"))
        .unwrap()
        .replacen("[site]\n", "[site]\nlanguage = \"fr\"\n", 1);
    site.write("book.toml", book);
    site.build().assert_code(0);
    assert!(site.read("about/index.html").contains("Salut"));
    assert!(site.read("index.html").contains("lang=\"fr\""));
}

/// The shape of a glossary published in 16 languages: the site's `contentDir`
/// (`content/en`) is its default language's folder, each other language has its own
/// (`[languages.fr] contentDir = "content/fr"`), and `config/_default/languages.toml`
/// may list more. Read as one site, every link between terms was broken (`/pod/` is
/// `content/en/pod.md` to Hugo).
#[test]
fn a_hugo_site_s_own_content_dir_is_its_default_language_s_folder() {
    let site = Fixture::empty();
    site.write(
        "config.toml",
        "baseURL = \"https://example.org/\"\ncontentDir = \"content/en\"\n\
         defaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n\
         [languages.fr]\ncontentDir = \"content/fr\"\nweight = 2\n",
    );
    site.write(
        "config/_default/languages.toml",
        "[ja]\ncontentDir = \"content/ja\"\n",
    );
    site.write(
        "book.toml",
        "[site]\ntitle = \"Glossary\"\nbase_url = \"https://site.example.net/\"\n\n[build]\ncontent_dir = \"content\"\n",
    );
    site.write(
        "content/en/pod.md",
        "---\ntitle: Pod\n---\nSee [container](/container/).\n",
    );
    site.write(
        "content/en/container.md",
        "---\ntitle: Container\n---\nSee [pod](/pod/).\n",
    );
    site.write(
        "content/fr/pod.md",
        "---\ntitle: Pod\n---\nVoir [conteneur](/fr/container/).\n",
    );
    site.write("content/ja/pod.md", "---\ntitle: ポッド\n---\nText.\n");
    let run = site.run(&["check"]);
    run.assert_code(0)
        .assert_stderr_contains("warning: Hugo's language `fr` (`content/fr/`) is left out")
        .assert_stderr_contains("warning: Hugo's language `ja` (`content/ja/`) is left out");
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    site.build().assert_code(0);
    assert!(site
        .read("pod/index.html")
        .contains("href=\"../container/\""));
}

/// Hugo's languages in folders beside each other at the site's top (`content.en/`,
/// `content.fr/`, as Hugo's documentation names them) and the starter book.toml's
/// `content_dir = "content"`, a folder the site does not have: the site's language's
/// folder is read, where the build stopped with "content folder does not exist".
#[test]
fn hugo_language_folders_beside_each_other_are_found_from_the_starter_book_toml() {
    let site = Fixture::empty();
    site.write(
        "hugo.yaml",
        "baseURL: https://example.org/\nlanguages:\n  en:\n    contentDir: content.en\n  fr:\n    contentDir: content.fr\n",
    );
    site.write(
        "book.toml",
        "[site]\ntitle = \"Beside\"\nbase_url = \"https://site.example.net/\"\n\n[build]\ncontent_dir = \"content\"\n",
    );
    site.write(
        "content.en/sleep.md",
        "---\ntitle: Sleep\n---\nSee [rest](/rest/).\n",
    );
    site.write("content.en/rest.md", "---\ntitle: Rest\n---\nText.\n");
    site.write("content.fr/sleep.md", "---\ntitle: Sommeil\n---\nTexte.\n");
    site.build().assert_code(0).assert_stderr_contains(
        "warning: Hugo's language `fr` (`content.fr/`) is left out: a site is one language, `en`, read from `content.en/`",
    );
    assert!(site.read("sleep/index.html").contains("href=\"../rest/\""));
    // With neither, the content folder's absence is still the error it was.
    std::fs::remove_file(site.path("hugo.yaml")).unwrap();
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: content folder `content/` does not exist");
}

/// book.toml names an existing folder that holds none of Hugo's language folders
/// (`content_dir = "docs"` beside `content.en/`): it is read as written, as a site may
/// keep other pages there; when it holds no Markdown, a warning at `content_dir` names
/// the folder Hugo reads the language's pages from.
#[test]
fn a_content_dir_without_pages_beside_hugos_language_folder_names_it() {
    let site = Fixture::empty();
    site.write(
        "hugo.toml",
        "defaultContentLanguage = \"en\"\n[languages.en]\ncontentDir = \"content.en\"\n\
         [languages.fr]\ncontentDir = \"content.fr\"\n",
    );
    site.write(
        "book.toml",
        "[site]\ntitle = \"T\"\n\n[build]\ncontent_dir = \"docs\"\n",
    );
    site.write("docs/notes.txt", "Not a page.\n");
    site.write(
        "content.en/guide/sleep.md",
        "---\ntitle: Sleep\n---\nText.\n",
    );
    site.write(
        "content.fr/guide/sleep.md",
        "---\ntitle: Sommeil\n---\nTexte.\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(1).assert_stderr_contains(
        "warning: `docs/` holds no Markdown; Hugo reads the `en` pages from `content.en/`\n --> book.toml:5:1",
    );
    run.assert_stderr_contains("set `[build] content_dir = \"content.en\"` to publish them");
    // A folder with pages of its own is read as written, with no warning.
    site.write("docs/about.md", "---\ntitle: About\n---\nHello.\n");
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert!(!run.stderr.contains("holds no Markdown"), "{}", run.stderr);
}

/// fluxcd/website's shape: `hugo.yaml` mounts `content/en` at `content` (the site's
/// own module mounts, beside a theme's), and its links are written from that root
/// (`/flux/installation/`). Read as `content/`, every one of them was broken.
#[test]
fn a_hugo_site_mounting_its_languages_folders_at_content_builds_from_them() {
    let site = Fixture::empty();
    site.write(
        "hugo.yaml",
        "baseURL: https://example.org/\ndefaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n  de:\n    weight: 2\n\
         module:\n  imports:\n    - path: github.com/google/docsy\n      mounts:\n        - source: layouts\n          target: layouts\n\
         \x20 mounts:\n    - source: content/en\n      target: content\n    - source: content/de\n      target: content\n      lang: de\n",
    );
    site.write(
        "book.toml",
        "[site]\ntitle = \"Mounted\"\nbase_url = \"https://site.example.net/\"\n\n[build]\ncontent_dir = \"content\"\n",
    );
    site.write(
        "content/en/_index.md",
        "---\ntitle: Home\n---\nSee [installing](/flux/installation/).\n",
    );
    site.write(
        "content/en/flux/installation.md",
        "---\ntitle: Installing\n---\nSteps.\n",
    );
    site.write(
        "content/de/flux/installation.md",
        "---\ntitle: Installation\n---\nSchritte.\n",
    );
    let run = site.run(&["check"]);
    run.assert_code(0).assert_stderr_contains(
        "warning: Hugo's language `de` (`content/de/`) is left out: a site is one language, `en`, read from `content/en/`",
    );
    assert!(!run.stderr.contains("broken"), "{}", run.stderr);
    site.build().assert_code(0);
    assert!(site
        .read("index.html")
        .contains("href=\"./flux/installation/\""));
    assert!(site.read("flux/installation/index.html").contains("Steps."));
    assert!(!site.path("public/en").exists());
}

/// google/docsy's docsy.dev: Hugo 0.150's sites matrix, `content/fr` mounted for `fr`
/// alone first, then `content/en` for both. The first mount was taken for every
/// language, so the English site was built from the French folder.
#[test]
fn a_mount_for_the_languages_a_sites_matrix_names_is_read_for_them_alone() {
    let site = Fixture::empty();
    site.write(
        "config/_default/hugo.yaml",
        "title: Docs\nlanguages:\n  en:\n    label: English\n  fr:\n    label: Français\n\
         module:\n  mounts:\n    - source: content/fr\n      target: content\n      sites: { matrix: { languages: [fr] } }\n\
         \x20   - source: content/en\n      target: content\n      sites: &sites { matrix: { languages: [en, fr] } }\n",
    );
    site.write(
        "book.toml",
        "[site]\ntitle = \"Docs\"\nbase_url = \"https://example.org/\"\n\n[build]\ncontent_dir = \"content\"\n",
    );
    site.write("content/en/_index.md", "---\ntitle: Home\n---\nWelcome.\n");
    site.write(
        "content/en/docs/start.md",
        "---\ntitle: Start\n---\nSteps.\n",
    );
    site.write(
        "content/fr/_index.md",
        "---\ntitle: Accueil\n---\nBienvenue.\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "Hugo's language `fr` (`content/fr/`) is left out: a site is one language, `en`, read from `content/en/`",
    );
    assert!(site.read("index.html").contains("Welcome."));
    assert!(site.read("docs/start/index.html").contains("Steps."));
}

/// 06A-Milieu-Info/cours, a French course on VitePress (`lang: "fr-CA"` in
/// `docs/.vitepress/config.mts`), was published as `<html lang="en">`, so a screen
/// reader read it with an English voice, and 13 pages were "above the target" of the
/// English readability formulas. A site's language is now read from the other tool's
/// settings when book.toml names none; book.toml's own `[site] language` wins.
#[test]
fn a_site_s_language_is_read_from_the_other_tool_s_settings() {
    let french =
        "Les émotions négligées deviennent invisibles. Reconnaître, nommer, accepter. ".repeat(20);
    for (settings, text, content, lang) in [
        (
            "docs/.vitepress/config.mts",
            "export default defineConfig({\n  // lang: 'de',\n  lang: \"fr-CA\",\n})\n",
            "docs",
            "fr-CA",
        ),
        (
            "docs/.vuepress/config.js",
            "module.exports = { locales: { '/': { lang: 'fr-FR' } } }\n",
            "docs",
            "fr-FR",
        ),
        (
            "docusaurus.config.js",
            "module.exports = { i18n: { defaultLocale: 'fr', locales: ['fr'] } };\n",
            "docs",
            "fr",
        ),
        (
            "quartz.config.ts",
            "const config = { configuration: { locale: \"fr-FR\" } }\n",
            "content",
            "fr-FR",
        ),
        (
            "quartz.config.yaml",
            "configuration:\n  pageTitle: Cours\n  locale: fr-FR\n  ignorePatterns:\n    - private\n",
            "content",
            "fr-FR",
        ),
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\nlanguageCode = 'fr-fr'\n",
            "content",
            "fr-fr",
        ),
        (
            "config.toml",
            "base_url = \"https://example.org\"\ndefault_language = \"fr\"\n",
            "content",
            "fr",
        ),
        (
            "mkdocs.yml",
            "site_name: Cours\ntheme:\n  name: material\n  language: fr\n",
            "docs",
            "fr",
        ),
        (
            "src/_config.yml",
            "title: Cours\nlocale: fr_CA\n",
            "src",
            "fr-CA",
        ),
    ] {
        let site = Fixture::empty();
        site.write(
            "book.toml",
            format!("[site]\ntitle = \"Cours\"\n\n[build]\ncontent_dir = \"{content}\"\n"),
        );
        site.write(settings, text);
        site.write(
            &format!("{content}/module/page.md"),
            format!("# Module\n\n{french}\n"),
        );
        let run = site.run(&["check"]);
        run.assert_code(0);
        assert!(!run.stderr.contains("grade"), "{settings}: {}", run.stderr);
        site.build().assert_code(0);
        let page = site.read("module/page/index.html");
        let html = format!("<!doctype html>\n<html lang=\"{lang}\">");
        assert!(page.starts_with(&html), "{settings}: {}", &page[..80]);
        // What book.toml says is what the site is in.
        site.write(
            "book.toml",
            format!("[site]\ntitle = \"Cours\"\nlanguage = \"en\"\n\n[build]\ncontent_dir = \"{content}\"\n"),
        );
        site.build().assert_code(0);
        let page = site.read("module/page/index.html");
        assert!(
            page.starts_with("<!doctype html>\n<html lang=\"en\">"),
            "{settings}"
        );
    }
}

/// I14Y-ch/handbook: a Hugo site published below `/handbook/` (its `baseURL` given on
/// the command line), in `de` with `defaultContentLanguageInSubdir`, whose pages write
/// `/handbook/img/i14y-film_55.png` (43 times) and `/handbook/de/news/` (72 times).
/// Without `base_url`, the help offered `img/i14y-film_55.png` by a near name; with it,
/// the images were found, but `/de/news/` below the base path was no page.
#[test]
fn paths_below_a_base_path_and_its_language_lead_to_the_pages() {
    let site = Fixture::empty();
    let book = "[site]\ntitle = \"Handbuch\"\n\n[build]\ncontent_dir = \"content\"\nstatic_dir = \"static\"\nbroken_links = \"warn\"\n";
    site.write("book.toml", book);
    site.write(
        "hugo.toml",
        "languageCode = 'de-CH'\ndefaultContentLanguage = \"de\"\ndefaultContentLanguageInSubdir = true\n\n[languages.de]\ncontentDir = \"content/de\"\n[languages.fr]\ncontentDir = \"content/fr\"\n",
    );
    site.write("static/img/film.png", b"\x89PNG\r\n");
    site.write(
        "content/de/news.md",
        "# News\n\n## Breaking Change\n\nNeu.\n",
    );
    site.write("content/fr/news.md", "# Nouvelles\n");
    site.write(
        "content/de/_index.md",
        "# Handbuch\n\n![Film](/handbook/img/film.png)\n\nSiehe [die Änderung](/handbook/de/news/#breaking-change).\n",
    );
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "help: the site has no `/handbook/`, but has `/img/film.png`: a site published below `/handbook/` says so in book.toml, `base_url = \"https://…/handbook/\"` under [site]",
    );
    site.write(
        "book.toml",
        book.replace(
            "[build]",
            "base_url = \"https://i14y-ch.github.io/handbook/\"\n\n[build]",
        ),
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("handbook"), "{}", run.stderr);
    let home = site.read("index.html");
    assert!(home.contains("src=\"./img/film.png\""), "{home}");
    assert!(home.contains("href=\"./news/#breaking-change\""), "{home}");
    // A link below the language's folder that leads nowhere either is reported as
    // written (21ideas-org/21ideas-quartz: `/en/contribute` was "broken link to
    // '/contribute'").
    site.write(
        "content/de/news.md",
        "# News

Siehe [Mitmachen](/de/mitmachen).
",
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: broken link to '/de/mitmachen': no page or file there");
}
