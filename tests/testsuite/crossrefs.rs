//! Cross-references: wikilinks, aliases, relations both ways, backlinks, related
//! articles, glossary and citations — and an error for every broken thread.

use crate::support::Fixture;

fn built() -> Fixture {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    site
}

#[test]
fn wikilinks_show_the_target_title_or_their_label() {
    let site = built();
    let page = site.read("patterns/dismissive-family/index.html");
    assert!(
        page.contains("<a href=\"../../effects/alexithymia/\" id=\"ref-1\">Alexithymia</a>"),
        "{page}"
    );
    let effects = site.read("effects/alexithymia/index.html");
    assert!(effects.contains("<a href=\"../../patterns/dismissive-family/\" id=\"ref-1\">family that waves feelings away</a>"));
    let about = site.read("about/index.html");
    assert!(about.contains(
        "<a href=\"../patterns/dismissive-family/\" id=\"ref-1\">The dismissive family</a>"
    ));
}

#[test]
fn broken_wikilink_suggests_the_nearest_slug() {
    let site = Fixture::new("basic");
    site.strict_links();
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\n---\nIntro.\n\nSee [[alexithymya]] and [[alexithymia#naming-feeling]].\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: broken link to 'alexithymya'\n --> content/effects/x.md:6:5")
        .assert_stderr_contains("= help: did you mean 'alexithymia'?")
        .assert_stderr_contains("error: no heading with id 'naming-feeling' in 'alexithymia'\n --> content/effects/x.md:6:25")
        .assert_stderr_contains("did you mean 'naming-feelings'?");
}

#[test]
fn aliases_resolve_as_link_targets_and_write_redirects() {
    let site = Fixture::new("basic");
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\n---\nOld link: [[patterns/dismissive]].\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("effects/x/index.html")
        .contains("href=\"../../patterns/dismissive-family/\""));
    let redirect = site.read("patterns/dismissive/index.html");
    assert!(redirect.contains(
        "<meta http-equiv=\"refresh\" content=\"0; url=../../patterns/dismissive-family/\">"
    ));
    assert!(redirect.contains("<meta name=\"robots\" content=\"noindex\">"));
    // Its words are the page's main landmark under a heading, as axe asks of every
    // page (`landmark-one-main`, `region`, `page-has-heading-one`: each redirect page,
    // read as it stands, failed them).
    assert!(
        redirect.contains("<main><h1>This page has moved</h1><p>It is now at <a href="),
        "{redirect}"
    );
    assert!(redirect.contains(
        "<link rel=\"canonical\" href=\"https://fixture.example.org/patterns/dismissive-family/\">"
    ));
    assert!(
        redirect.contains("data-redirect=\"../../patterns/dismissive-family/\""),
        "the script keeps #fragments"
    );
    assert!(site.read("urls.json").contains("\"patterns/dismissive/\""));
}

#[test]
fn colliding_or_escaping_aliases_are_errors() {
    let site = Fixture::new("basic");
    site.write("content/effects/x.md", "---\ntitle: X\naliases: [/patterns/dismissive/, /effects/alexithymia/, /../../etc/x]\n---\nText.\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains(
            "error: the alias '/patterns/dismissive/' of 'dismissive-family' would publish '/patterns/dismissive/', which the alias '/patterns/dismissive/' of 'x' at content/effects/x.md:3:11 already publishes",
        )
        .assert_stderr_contains(
            "error: the alias '/effects/alexithymia/' of 'x' would publish '/effects/alexithymia/', which the article 'alexithymia' at content/effects/alexithymia.md:1:1 already publishes",
        )
        .assert_stderr_contains("error: alias '/../../etc/x' is not a URL path inside the site");
}

/// opentelemetry.io's docs index keeps `aliases: [/docs/workshop/*]`, a Netlify splat
/// its host's redirect rules read: attune wrote a folder named `*` (a name Windows
/// refuses, so the offline edition could not be unpacked there) holding one redirect.
#[test]
fn a_wildcard_alias_is_left_out_with_a_warning() {
    let site = Fixture::new("basic");
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\naliases: [/old/workshop/*, /old/x/]\n---\nText.\n",
    );
    for run in [site.run(&["check"]), site.build()] {
        run.assert_code(0).assert_stderr_contains(
            "warning: alias '/old/workshop/*' is a wildcard, which only a host's redirect rules read: it is left out\n --> content/effects/x.md:3:11",
        );
    }
    assert!(!site.path("public/old/workshop").exists());
    assert!(site.read("old/x/index.html").contains("effects/x/"));
    assert!(!site.read("urls.json").contains('*'));
}

#[test]
fn relations_render_both_ways() {
    let site = built();
    let pattern = site.read("patterns/dismissive-family/index.html");
    assert!(pattern.contains("<h2 id=\"rel-effects\">Adult effects linked to this pattern</h2>"));
    let list = &pattern[pattern.find("rel-effects").unwrap()..];
    assert!(list.find("Alexithymia").unwrap() < list.find("Counter-dependence").unwrap());
    let effect = site.read("effects/counter-dependence/index.html");
    assert!(effect.contains("<h2 id=\"rel-inverse-effects\">Often grows from</h2>"));
    assert!(
        effect.contains("<a href=\"../../patterns/dismissive-family/\">The dismissive family</a>")
    );
    let therapy = site.read("healing/emotion-focused-therapy/index.html");
    assert!(therapy.contains("<h2 id=\"rel-inverse-approaches\">Can help with</h2>"));
}

#[test]
fn undeclared_relation_and_unknown_target_are_errors() {
    let site = Fixture::new("basic");
    site.write("content/effects/x.md", "---\ntitle: X\nrelations:\n  aproaches: [emotion-focused-therapy]\n  effects: [alexithymya]\n---\nText.\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: relation 'aproaches' is not declared in book.toml\n --> content/effects/x.md:4:3")
        .assert_stderr_contains("did you mean 'approaches'?")
        .assert_stderr_contains("error: relation 'effects' names unknown article 'alexithymya'\n --> content/effects/x.md:5:13")
        .assert_stderr_contains("did you mean 'alexithymia'?");
}

#[test]
fn backlinks_quote_the_sentence_and_link_to_the_spot() {
    let site = built();
    let page = site.read("effects/alexithymia/index.html");
    assert!(page.contains("<h2 id=\"mentioned-in\">Mentioned in</h2>"));
    assert!(
        page.contains("<a href=\"../../patterns/dismissive-family/#ref-1\">The dismissive family</a><blockquote><p>Over time a child may stop noticing them, which is\nlinked with <mark>Alexithymia</mark> later in life.</p></blockquote>")
            || page.contains("<mark>Alexithymia</mark> later in life"),
        "{page}"
    );
    assert!(page.contains(
        "<a href=\"../../healing/emotion-focused-therapy/#ref-1\">Emotion-focused therapy</a>"
    ));
}

#[test]
fn related_articles_exclude_relations_and_are_capped() {
    let site = built();
    let page = site.read("effects/alexithymia/index.html");
    let related = &page[page.find("related-heading").expect("related section")..];
    let related = &related[..related.find("</section>").unwrap()];
    assert!(related.contains("Counter-dependence"), "{related}");
    assert!(
        !related.contains("Emotion-focused therapy"),
        "already a relation"
    );
    assert!(related.matches("<li>").count() <= 5);
}

#[test]
fn glossary_terms_link_first_mention_with_inline_definition() {
    let site = built();
    let page = site.read("patterns/dismissive-family/index.html");
    assert_eq!(page.matches("glossary/#attunement").count(), 1);
    assert!(page.contains("<span class=\"term\"><a href=\"../../glossary/#attunement\" aria-describedby=\"term-1\">attunement</a><span class=\"term-def\" role=\"tooltip\" id=\"term-1\">Noticing and responding to what someone feels.</span></span>"), "{page}");
    let glossary = site.read("glossary/index.html");
    assert!(glossary.contains("<div class=\"glossary-entry\" id=\"attunement\">"));
    assert!(glossary.contains("Used in: <a href=\"../effects/alexithymia/\">Alexithymia</a>, <a href=\"../patterns/dismissive-family/\">The dismissive family</a></p>"));
    assert!(glossary.contains("Read more: <a href=\"../effects/alexithymia/\">Alexithymia</a>"));
}

#[test]
fn explicit_glossary_links_and_unknown_terms() {
    let site = Fixture::new("basic");
    site.write("content/effects/x.md", "---\ntitle: X\n---\nSee [[glossary:attunement|what attunement means]] and [[glossary:atunement]].\n");
    site.build()
        .assert_code(1)
        .assert_stderr_contains(
            "error: unknown glossary term 'atunement'\n --> content/effects/x.md:4:55",
        )
        .assert_stderr_contains("did you mean 'Attunement'?");
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\n---\nSee [[glossary:attunement|what it means]].\n",
    );
    site.build().assert_code(0);
    assert!(site
        .read("effects/x/index.html")
        .contains("<a href=\"../../glossary/#attunement\">what it means</a>"));
}

#[test]
fn citations_are_numbered_with_a_sources_list_and_a_references_page() {
    let site = built();
    let page = site.read("patterns/dismissive-family/index.html");
    assert!(page.contains(
        "<sup class=\"cite\">[<a href=\"#source-1\" aria-label=\"Source 1\">1</a>]</sup>"
    ));
    assert!(page.contains("<a href=\"#source-1\" aria-label=\"Source 1, p. 40\">1, p. 40</a>"));
    assert!(page.contains("<li id=\"source-1\">Jonice Webb, Christine Musello (2012). <cite>Running on Empty: Overcome Your Childhood Emotional Neglect</cite>. Morgan James Publishing.</li>"));
    let refs = site.read("references/index.html");
    assert!(refs.contains("<h2 id=\"refs-1\">Books</h2>"));
    assert!(
        refs.find("Leslie S. Greenberg").unwrap() < refs.find("Jonice Webb").unwrap(),
        "sorted by author surname"
    );
    assert!(refs.contains(
        "Cited in: <a href=\"../patterns/dismissive-family/\">The dismissive family</a>"
    ));
}

#[test]
fn unknown_citation_is_an_error_and_uncited_reference_a_warning() {
    let site = Fixture::new("basic");
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\n---\nA claim [@web2012].\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains(
            "error: unknown citation key '@web2012'\n --> content/effects/x.md:4:9",
        )
        .assert_stderr_contains("did you mean 'webb2012'?");
    let site = Fixture::new("basic");
    let refs = std::fs::read_to_string(site.path("content/references.yaml")).unwrap();
    site.write(
        "content/references.yaml",
        format!("{refs}nobody2020:\n  title: Uncited\n"),
    );
    site.build()
        .assert_code(0)
        .assert_stderr_contains("warning: reference 'nobody2020' is not cited by any article\n  --> content/references.yaml:13:1");
}

#[test]
fn reading_path_with_unknown_slug_is_an_error() {
    let site = Fixture::new("basic");
    site.write(
        "content/paths/bad.yaml",
        "title: Bad\nsteps:\n  - slug: alexithymia\n  - slug: nowhere-article\n",
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: reading path 'bad' names unknown article 'nowhere-article'\n --> content/paths/bad.yaml:4:11");
}

#[test]
fn reading_path_navigation_on_articles() {
    let site = built();
    let page = site.read("effects/alexithymia/index.html");
    assert!(page.contains("Step 2 of 3 in <a href=\"../../paths/start-here/\">Start here</a>"));
    assert!(page.contains("Previous: The dismissive family"));
    assert!(page.contains("Next: Emotion-focused therapy"));
}

#[test]
fn topic_map_is_an_svg_with_a_list_equivalent() {
    let site = built();
    let map = site.read("map/index.html");
    assert!(map.contains("<svg class=\"topic-map\""));
    // Each node a link named by its title, marked with the nodes it connects to.
    assert!(
        map.contains("<a class=\"map-link\" href=\"../patterns/dismissive-family/\" data-node=\"")
    );
    assert!(map.contains("<title>The dismissive family</title><rect class=\"map-node\""));
    // Edges grouped by relation, with a legend line per relation.
    assert!(map.contains("<g class=\"map-edges map-edges-effects\" aria-hidden=\"true\">"));
    assert_eq!(
        map.matches("class=\"map-edge map-edge-effects\" data-from=")
            .count(),
        2
    );
    assert_eq!(
        map.matches("class=\"map-edge map-edge-approaches\" data-from=")
            .count(),
        1
    );
    assert_eq!(
        map.matches("<li><svg class=\"map-key-swatch\"").count(),
        2,
        "a legend entry per relation drawn"
    );
    assert!(map.contains("Adult effects linked to this pattern: <a href=\"../effects/alexithymia/\">Alexithymia</a>, <a href=\"../effects/counter-dependence/\">Counter-dependence</a>"));
    assert!(!map.contains("<script>"), "no JavaScript needed");
}

#[test]
fn data_file_entries_are_reported_where_written_not_where_their_text_first_appears() {
    let site = Fixture::new("basic");
    let refs = std::fs::read_to_string(site.path("content/references.yaml")).unwrap();
    // `nobody2020:` appears first inside a quoted title, and a comment.
    let first = refs.lines().count() + 3;
    site.write(
        "content/references.yaml",
        format!("{refs}# nobody2020: old\ndecoy2021:\n  title: \"nobody2020: a decoy\"\n\"nobody2020\":\n  title: Uncited\n"),
    );
    // The unknown slug also appears first in a comment and another step's note.
    site.write(
        "content/paths/bad.yaml",
        "title: Bad\n# nowhere-article\nsteps:\n  - {slug: alexithymia, note: \"see nowhere-article\"}\n  -   slug: nowhere-article\n",
    );
    let glossary = std::fs::read_to_string(site.path("content/glossary.yaml")).unwrap();
    let n = glossary.lines().count();
    site.write(
        "content/glossary.yaml",
        format!("{glossary}- definition: \"article: ghost\"\n  term: Ghost\n  article: ghost\n"),
    );
    // The `-->` arrow stands one column left of the gutter, as wide as the line number.
    let arrow = |line: usize| format!("{:>width$}--> ", "", width = line.to_string().len());
    let check = site.run(&["check"]);
    check
        .assert_stderr_contains(&format!(
            "warning: reference 'nobody2020' is not cited by any article\n{}content/references.yaml:{}:1",
            arrow(first + 1),
            first + 1
        ))
        .assert_stderr_contains(&format!(
            "error: reading path 'bad' names unknown article 'nowhere-article'\n{}content/paths/bad.yaml:5:13",
            arrow(5)
        ))
        .assert_stderr_contains(&format!(
            "error: glossary term 'Ghost' names unknown article 'ghost'\n{}content/glossary.yaml:{}:3",
            arrow(n + 3),
            n + 3
        ));
}
