//! The per-article Markdown pipeline: links, wikilinks, citations, glossary, callouts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

static REFERENCES: LazyLock<BTreeMap<String, attune::load::Reference>> = LazyLock::new(|| {
    serde_yaml::from_str(
        "webb2012:\n  title: Running on Empty\n  authors: [Jonice Webb]\n  year: 2012\n",
    )
    .unwrap()
});

static GLOSSARY: LazyLock<attune::markdown::Glossary> = LazyLock::new(|| {
    attune::markdown::Glossary::new(
        serde_yaml::from_str("- term: Alexithymia\n  aliases: [alexithymic]\n  definition: Few words for feelings.\n- term: Boundary\n  aliases: [boundaries]\n  definition: A limit.\n").unwrap(),
    )
});

fuzz_target!(|text: &str| {
    let ctx = attune::markdown::ParseContext {
        smart_punctuation: true,
        references: &REFERENCES,
        glossary: &GLOSSARY,
        root: "../../",
        index: "",
        content: None,
        include_root: ".",
        unsupported_syntax: Default::default(),
        broken_links: Default::default(),
        highlight: true,
        expressions: Default::default(),
        math_definitions: "",
        site_params: None,
        autolinks: true,
    };
    let parsed = attune::markdown::parse(text, 0, Path::new("a.md"), true, &ctx);
    let _ = attune::markdown::fill_placeholders(
        &parsed.html,
        |n| format!("#{n}"),
        |n| format!("title {n}"),
        |n| format!("ref-{n}.png"),
    );
});
