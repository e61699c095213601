//! Property tests of the entry points hostile input reaches: front matter, the
//! Markdown pipeline, the search tokenizer and the server's path resolver.

use proptest::prelude::*;
use std::path::Path;

fn markdownish() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("[[".to_string()),
            Just("]]".to_string()),
            Just(" www.a_b.c".to_string()),
            Just("https://x.".to_string()),
            Just("a@b.c".to_string()),
            Just("\n- [/] ".to_string()),
            Just("\n- [x] ".to_string()),
            Just("==".to_string()),
            Just("&amp;".to_string()),
            Just("--".to_string()),
            Just(")".to_string()),
            Just("|:-:|".to_string()),
            Just("[@".to_string()),
            Just("> [!EXERCISE] ".to_string()),
            Just("\n---\n".to_string()),
            Just("](".to_string()),
            Just("#".to_string()),
            Just("|".to_string()),
            Just("\n".to_string()),
            Just("```".to_string()),
            Just("glossary:".to_string()),
            Just("<script>".to_string()),
            "[a-zA-Z0-9 #.é’-]{0,12}",
            any::<String>(),
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
        for expressions in [Expressions::Template, Expressions::Vault, Expressions::Text] {
            let ctx = attune::markdown::ParseContext { smart_punctuation: true, references: &references, glossary: &glossary, root: "../../", index: "", content: None, include_root: ".", unsupported_syntax: Default::default(), broken_links: Default::default(), highlight: true, expressions, autolinks: true, math_definitions: "", site_params: None };
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
