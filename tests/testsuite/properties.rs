//! Property tests of the entry points hostile input reaches: front matter, the
//! Markdown pipeline, the search tokenizer and the server's path resolver.

use proptest::prelude::*;
use std::path::Path;

/// Pieces of every syntax attune reads, from CommonMark to the other tools' (Obsidian,
/// Dataview, mdBook, Hugo, Zola, GitBook, Quartz), wide characters and line endings.
const PIECES: &[&str] = &[
    "[[",
    "]]",
    "![[",
    "[[a#^b|c]]",
    "#^",
    "|",
    " www.a_b.c",
    "https://x.",
    "a@b.c",
    "\n- [/] ",
    "\n- [x] ",
    "==",
    "&amp;",
    "&#",
    "--",
    ")",
    "|:-:|",
    "[@",
    "[@webb2012]",
    "> [!EXERCISE] ",
    "> [!note]- ",
    "\n---\n",
    "\n+++\n",
    "](",
    "](@/",
    "@/",
    "#",
    "\n",
    "\r\n",
    "\t",
    "\0",
    "```",
    "~~~",
    "```dataview\n",
    "    ",
    "glossary:",
    "<script>",
    "<script/>",
    "<script src=\"a.js\"/>",
    "<style/>",
    "<textarea/>",
    "</script>",
    "<!--",
    "-->",
    "<div>",
    "<br/>",
    "<a href=\"",
    "%%",
    "$",
    "$$",
    "\\(",
    "\\)",
    "\\[",
    "$5",
    "US$",
    "{{#",
    "{{#include a.md}}",
    "{{#include a.md:2:3}}",
    "{{<",
    ">}}",
    "{{< figure src=\"a.png\" >}}",
    "{{< hint info >}}",
    "{{< /hint >}}",
    "{{< ref \"a\" >}}",
    "{{%",
    "%}}",
    "{{% notice note %}}",
    "{{% /notice %}}",
    "{{ ",
    " }}",
    "{%",
    "%}",
    "{% hint style=\"info\" %}",
    "{% endhint %}",
    "<%",
    "%>",
    "`=",
    "`= this.file.name`",
    "`$=",
    "key:: ",
    "[key:: v]",
    "(key:: v)",
    "^[",
    "^[note]",
    "[^",
    "[^1]",
    "[^1]: ",
    ":::",
    ":::tip\n",
    "!!! note ",
    "```admonish\n",
    "r[a.b]",
    "é",
    "’",
    "𞴁",
    "中文",
    "🙂",
    "\u{200b}",
    "\u{a0}",
    "*",
    "_",
    "~~",
    "\\",
    "`",
    "{#id}",
    "[TOC]",
    "1. ",
    "> ",
    "title: ",
    "tags: [a, ",
    "aliases:\n  - ",
];

fn markdownish() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            6 => prop::sample::select(PIECES).prop_map(String::from),
            1 => "[a-zA-Z0-9 #.é’-]{0,12}",
            1 => any::<String>(),
        ],
        0..40,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn front_matter_never_panics(text in markdownish()) {
        let mut diagnostics = attune::diagnostic::Diagnostics::new();
        let input = format!("---\n{text}");
        let _ = attune::load::split_front_matter(&input, Path::new("a.md"), &mut diagnostics);
        let _ = attune::load::split_front_matter(&text, Path::new("a.md"), &mut diagnostics);
    }

    #[test]
    fn the_markdown_pipeline_never_panics(text in markdownish()) {
        let references = std::collections::BTreeMap::new();
        let glossary = attune::markdown::Glossary::new(vec![attune::load::GlossaryEntry {
            term: "Alexithymia".into(),
            aliases: vec!["alexithymic".into()],
            definition: "d".into(),
            article: None,
        }]);
        use attune::markdown::Expressions;
        // Hugo's passthrough math, as Hugo's documentation configures it.
        let passthrough = [("\\(", "\\)", false), ("\\[", "\\]", true), ("$$", "$$", true)]
            .map(|(open, close, display)| (open.to_string(), close.to_string(), display));
        for expressions in [
            Expressions::Template,
            Expressions::Vault { dataview: true },
            Expressions::Text,
        ] {
            let ctx = attune::markdown::ParseContext { smart_punctuation: true, references: &references, glossary: &glossary, root: "../../", index: "", content: None, include_root: ".", unsupported_syntax: Default::default(), broken_links: Default::default(), highlight: true, expressions, label_first_wikilinks: false, obsidian_text: true, emoji: false, hard_breaks: false, autolinks: true, math_definitions: "", mathjax: matches!(expressions, Expressions::Text), code_hidelines: &Default::default(), site_params: None, cascaded: None, links_from: None, passthrough: &passthrough, callouts: &[], rules: &Default::default(), logseq_blocks: &Default::default(), abbreviations: &[], book_variables: &Default::default() };
            let parsed = attune::markdown::parse(&text, 0, Path::new("a.md"), true, &ctx);
            for link in &parsed.links {
                prop_assert!(link.line >= 1 && link.column >= 1);
            }
            prop_assert_eq!(parsed.html.matches("<label").count(), parsed.html.matches("</label>").count());
        }
    }

    #[test]
    fn the_tokenizer_never_panics_and_folds(text in any::<String>()) {
        for word in attune::search::tokenize(&text) {
            prop_assert!(!word.is_empty());
            prop_assert_eq!(word.to_lowercase(), word.clone());
        }
    }

    #[test]
    fn the_path_resolver_never_leaves_the_folder(path in "/[a-z./%2eEfF5cC\\\\]{0,24}") {
        let dir = tempfile::tempdir().unwrap();
        let served = dir.path().join("site");
        std::fs::create_dir_all(served.join("a")).unwrap();
        std::fs::write(served.join("a/index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret"), "s").unwrap();
        let served = served.canonicalize().unwrap();
        if let attune::serve::Resolved::File(file) = attune::serve::resolve(&served, &path) {
            prop_assert!(file.starts_with(&served), "{} escaped", file.display());
        }
    }
}

/// An article as written: YAML, TOML or no front matter, then a body.
fn articleish() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["---\n", "+++\n", ""][..]),
        markdownish(),
        markdownish(),
    )
        .prop_map(|(fence, front, body)| {
            if fence.is_empty() {
                body
            } else {
                format!("{fence}{front}\n{fence}{body}")
            }
        })
}

proptest! {
    // A build writes a whole site: fewer cases, each reaching every pass from front
    // matter to the written pages (includes, links between articles, the search index).
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_tiny_site_builds_or_reports_never_panics(a in articleish(), b in articleish(), vault in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content/t")).unwrap();
        if vault {
            std::fs::create_dir_all(root.join("content/.obsidian")).unwrap();
        }
        std::fs::write(
            root.join("book.toml"),
            "[site]\ntitle = \"T\"\n\n[[topics]]\nid = \"t\"\ntitle = \"T\"\n",
        )
        .unwrap();
        std::fs::write(root.join("content/t/a.md"), &a).unwrap();
        std::fs::write(root.join("content/t/b.md"), &b).unwrap();
        let mut options = attune::BuildOptions::new(&root);
        options.out = Some(dir.path().join("out"));
        if let Ok(report) = attune::build(&options) {
            for d in report.diagnostics.sorted() {
                if d.file.is_some() {
                    prop_assert!(d.line == 0 || d.column >= 1, "{}", d.message);
                }
            }
        }
    }
}
