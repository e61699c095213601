//! Psychoeducation features in the built HTML: crisis banner, quick exit, content notes,
//! review metadata and JSON-LD, readability, handouts and print, offline zip, privacy.

use crate::support::Fixture;
use std::io::Read;

fn built() -> Fixture {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    site
}

#[test]
fn crisis_banner_and_quick_exit_are_on_every_page() {
    let site = built();
    for page in [
        "index.html",
        "effects/alexithymia/index.html",
        "glossary/index.html",
        "404.html",
    ] {
        let html = site.read(page);
        assert!(
            html.contains("<div class=\"crisis\" role=\"region\" aria-label=\"Crisis support\">"),
            "{page}"
        );
        assert!(html.contains("<a href=\"tel:988\">988 (US)</a>"), "{page}");
        assert!(
            html.contains("class=\"quick-exit\" href=\"https://www.bbc.co.uk/weather\""),
            "{page}"
        );
        assert!(
            html.contains("data-quick-exit=\"https://www.bbc.co.uk/weather\""),
            "{page}"
        );
    }
    let about = site.read("quick-exit/index.html");
    assert!(about.contains("press the <kbd>Shift</kbd> key three times"));
    assert!(about.contains("Your browsing history"));
}

#[test]
fn quick_exit_is_opt_in() {
    let site = Fixture::new("basic");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write("book.toml", book.replace("quick_exit = true\n", ""));
    site.build().assert_code(0);
    assert!(!site.read("index.html").contains("quick-exit"));
    assert!(!site.path("public/quick-exit").exists());
}

#[test]
fn content_note_review_metadata_and_json_ld() {
    let site = built();
    let page = site.read("healing/emotion-focused-therapy/index.html");
    assert!(page.contains("<div class=\"content-note\" role=\"note\"><p><strong>Content note:</strong> Mentions difficult feelings from childhood.</p></div>"));
    let note = page.find("content-note").unwrap();
    assert!(
        note < page.find("<div class=\"article-body\">").unwrap(),
        "the note comes before the text"
    );
    assert!(page.contains("Not yet clinically reviewed"));
    let ld = crate::governance::json_ld(&page);
    assert_eq!(ld["@type"], "MedicalWebPage");
    assert!(ld.get("lastReviewed").is_none() && ld.get("reviewedBy").is_none());
    let reviewed = site.read("patterns/dismissive-family/index.html");
    assert!(reviewed.contains(
        "Reviewed by Dr Ada Example, Clinical psychologist, on <time datetime=\"2026-01-10\">10 January 2026</time>"
    ));
    assert!(
        reviewed.contains(
            "<dt>Next review due</dt><dd><time datetime=\"2028-01-10\">10 January 2028</time></dd>"
        ),
        "review.date + 24 months"
    );
    let no_dates = site.read("about/index.html");
    assert!(
        !no_dates.contains("Reviewed by") && !no_dates.contains("Last updated"),
        "never an invented date"
    );
}

#[test]
fn reading_level_and_time_are_shown() {
    let site = built();
    let page = site.read("patterns/dismissive-family/index.html");
    assert!(page.contains("<span>1 min read</span> · <span>Reading level: grade "));
}

#[test]
fn readability_report_as_table_and_json() {
    let site = Fixture::new("basic");
    let table = site.run(&["check", "--report", "readability"]);
    table.assert_code(0);
    assert!(table.stdout.starts_with("slug"), "{}", table.stdout);
    assert!(table.stdout.contains("dismissive-family"));
    assert!(table.stdout.contains("5 articles,"));
    let json = site.run(&["check", "--report", "readability", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slug"] == "alexithymia")
        .unwrap();
    assert!(row["words"].as_u64().unwrap() > 20);
    assert!(row["grade"].is_number() && row["smog"].is_number() && row["minutes"] == 1);
}

#[test]
fn handouts_print_edition_and_qr_codes() {
    let site = built();
    let handouts = site.read("handouts/index.html");
    assert!(handouts
        .contains("<a href=\"../healing/emotion-focused-therapy/\">Emotion-focused therapy</a>"));
    assert!(
        !handouts.contains("Alexithymia</a>"),
        "only handout: true articles"
    );
    let page = site.read("healing/emotion-focused-therapy/index.html");
    assert!(page.contains("<aside class=\"print-only handout-footer\""));
    assert!(page.contains("<svg class=\"qr\""));
    assert!(page.contains("<span class=\"handout-url\">https://fixture.example.org/healing/emotion-focused-therapy/</span>"));
    let print = site.read("print.html");
    assert_eq!(print.matches("<article class=\"print-article\"").count(), 4);
    assert!(print.contains("href=\"#alexithymia--naming-feelings\""));
    assert!(print.contains("id=\"alexithymia--naming-feelings\""));
    assert!(
        print.contains("href=\"glossary/#attunement\""),
        "other links are relative to the site root"
    );
}

#[test]
fn offline_zip_holds_the_offline_edition() {
    let site = built();
    let file = std::fs::File::open(site.path("public/offline.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut home = String::new();
    zip.by_name("fixture-library/index.html")
        .unwrap()
        .read_to_string(&mut home)
        .unwrap();
    assert!(
        home.contains("href=\"./patterns/dismissive-family/index.html\""),
        "offline links"
    );
    assert!(zip.by_name("fixture-library/search/index.js").is_ok());
    assert!(
        zip.by_name("fixture-library/offline.zip").is_err(),
        "no zip inside the zip"
    );
    assert!(site
        .read("index.html")
        .contains("<a href=\"./offline.zip\" download>Download this library to read offline</a>"));
    let offline = Fixture::new("basic");
    offline.run(&["build", "--offline"]).assert_code(0);
    assert!(!offline.path("public/offline.zip").exists());
}

#[test]
fn privacy_page_states_what_the_site_does_not_do() {
    let site = built();
    let privacy = site.read("privacy/index.html");
    for claim in [
        "No cookies.",
        "No analytics",
        "Nothing from other websites.",
        "Search happens on your device.",
    ] {
        assert!(privacy.contains(claim), "{claim}");
    }
    assert!(site
        .read("index.html")
        .contains("<a href=\"./privacy/\">Privacy</a>"));
}

#[test]
fn a_folder_of_the_sites_at_privacy_keeps_its_address_and_the_privacy_page_moves_beside_it() {
    // nikitavoloboev/knowledge has a `privacy/` topic (ad blocking, VPNs): the build
    // stopped, the privacy page claiming its hub's address.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Notes\"\n");
    site.write("content/privacy/adblocking.md", "# Ad blocking\n\nText.\n");
    site.write(
        "content/sleep/rest.md",
        "# Rest\n\nSee [ad blocking](../privacy/adblocking.md).\n",
    );
    site.build().assert_code(0);
    let hub = site.read("privacy/index.html");
    assert!(hub.contains("Ad blocking"), "{hub}");
    let privacy = site.read("site-privacy/index.html");
    assert!(privacy.contains("No cookies."), "{privacy}");
    let home = site.read("index.html");
    assert!(
        home.contains("<a href=\"./site-privacy/\">Privacy</a>"),
        "{home}"
    );
    let page = site.read("sleep/rest/index.html");
    assert!(
        page.contains("<a href=\"../../site-privacy/\">Privacy</a>"),
        "{page}"
    );
    let broken = crate::links::independent_check(&site);
    assert!(broken.is_empty(), "{broken:?}");
}

/// A theme's own template that reads `index` or `site.offline_zip` in ways one render
/// cannot serve for both editions still gets each edition right, as does one that can.
#[test]
fn each_edition_of_offline_zip_equals_its_own_build_whatever_the_theme_reads() {
    let impure = "{% extends \"base.html\" %}{% block main %}<p id=\"e\">{% if site.offline_zip %}web{% else %}offline{% endif %}|{{ index | upper }}|{% if index %}has-index{% endif %}</p>{% endblock main %}";
    let pure = "{% extends \"base.html\" %}{% block main %}<p id=\"e\">{% if site.offline_zip %}<a href=\"{{ root }}offline.zip\">zip</a>{% endif %}<a href=\"{{ root }}{{ index }}\">home</a></p>{% endblock main %}";
    for (template, web, offline) in [
        (
            impure,
            "<p id=\"e\">web||</p>",
            "<p id=\"e\">offline|INDEX.HTML|has-index</p>",
        ),
        (
            pure,
            "<p id=\"e\"><a href=\"../offline.zip\">zip</a><a href=\"../\">home</a></p>",
            "<p id=\"e\"><a href=\"../index.html\">home</a></p>",
        ),
    ] {
        let site = Fixture::new("basic");
        let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
        site.write(
            "book.toml",
            book.replace("[site]\n", "[build]\ntheme = \"mine\"\n\n[site]\n"),
        );
        site.write("themes/mine/templates/tags.html", template);
        site.build().assert_code(0);
        assert!(site.read("tags/index.html").contains(web), "{template}");
        let file = std::fs::File::open(site.path("public/offline.zip")).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        site.run(&["build", "--offline", "--out", "offline-build"])
            .assert_code(0);
        for page in [
            "tags/index.html",
            "index.html",
            "effects/alexithymia/index.html",
        ] {
            let mut zipped = String::new();
            zip.by_name(&format!("fixture-library/{page}"))
                .unwrap()
                .read_to_string(&mut zipped)
                .unwrap();
            let built = std::fs::read_to_string(site.path(&format!("offline-build/{page}")));
            assert_eq!(zipped, built.unwrap(), "{page}");
        }
        let mut tags = String::new();
        zip.by_name("fixture-library/tags/index.html")
            .unwrap()
            .read_to_string(&mut tags)
            .unwrap();
        assert!(tags.contains(offline), "{template}: {tags}");
        assert!(
            !tags.contains("offline.zip"),
            "no link to the archive inside it"
        );
    }
}
