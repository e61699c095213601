//! The per-article Markdown pipeline: links, wikilinks, citations, glossary, callouts,
//! includes (from a small site in a temporary folder), in each expression mode.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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

/// A site folder with a content folder and two files to include, made once.
static PASSTHROUGH: LazyLock<Vec<(String, String, bool)>> = LazyLock::new(|| {
    [("\\(", "\\)", false), ("\\[", "\\]", true), ("$$", "$$", true)]
        .map(|(open, close, display)| (open.to_string(), close.to_string(), display))
        .to_vec()
});
static SITE: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("attune-fuzz-{}", std::process::id()));
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("t")).unwrap();
    std::fs::write(dir.join("book.toml"), "[site]\ntitle = \"F\"\n").unwrap();
    std::fs::write(
        content.join("t/b.md"),
        "# B\n// ANCHOR: x\nline é 𞴁\n// ANCHOR_END: x\n{{#include a.md}}\n",
    )
    .unwrap();
    std::fs::write(content.join("t/c.rs"), "fn main() {\n    // ANCHOR: m\n    let x = 1;\n    // ANCHOR_END: m\n}\n").unwrap();
    std::fs::write(content.join("t/a.md"), "").unwrap();
    dir
});

fuzz_target!(|text: &str| {
    use attune::markdown::Expressions;
    let site = &*SITE;
    let content = site.join("content");
    let expressions = match text.len() % 4 {
        0 => Expressions::Template,
        1 => Expressions::Vault { dataview: true },
        2 => Expressions::Vault { dataview: false },
        _ => Expressions::Text,
    };
    // mdbook-spec's rules, which undefined references may name, for a quarter of them.
    let mut rules = attune::markdown::RuleAddresses::new();
    if text.len() % 4 == 1 {
        rules.insert("a.b".into(), "/t/a.md#r-a.b".into());
        rules.insert("r".into(), "/r.md#r-r".into());
    }
    let ctx = attune::markdown::ParseContext {
        smart_punctuation: true,
        references: &REFERENCES,
        glossary: &GLOSSARY,
        root: "../../",
        index: "",
        content: Some((site, &content, Path::new("t/a.md"))),
        include_root: ".",
        unsupported_syntax: Default::default(),
        broken_links: Default::default(),
        highlight: true,
        expressions,
        label_first_wikilinks: text.len() % 5 == 0,
        obsidian_text: text.len() % 7 != 0,
        emoji: text.len() % 5 == 0,
        // Quartz's HardLineBreaks for a ninth of the inputs.
        hard_breaks: text.len() % 9 == 4,
        math_definitions: "",
        // mdBook's MathJax delimiters read as math for half the inputs.
        mathjax: text.len() % 2 == 1,
        code_hidelines: &Default::default(),
        site_params: None,
        cascaded: None,
        links_from: None,
        autolinks: true,
        // Hugo's passthrough math for a third of the inputs.
        passthrough: if text.len() % 3 == 2 { &PASSTHROUGH } else { &[] },
        callouts: &[],
        rules: &rules,
        logseq_blocks: &Default::default(),
        abbreviations: &[],
        book_variables: &Default::default(),
    };
    let parsed = attune::markdown::parse(text, 0, Path::new("t/a.md"), true, &ctx);
    // What the property tests hold too: every link has a place, and every task label
    // opened is closed.
    for link in &parsed.links {
        assert!(link.line >= 1 && link.column >= 1);
    }
    assert_eq!(
        parsed.html.matches("<label").count(),
        parsed.html.matches("</label>").count()
    );
    let _ = attune::markdown::fill_placeholders(
        &parsed.html,
        |n| format!("#{n}"),
        |n| format!("title {n}"),
        |n| format!("ref-{n}.png"),
    );
});
