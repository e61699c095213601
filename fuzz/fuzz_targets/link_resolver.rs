//! The link resolver: a small site whose articles are cut from the input, modelled
//! whole (every link, anchor, alias, relation and path resolved), and the server's
//! path resolver on the same input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};

const BOOK: &str = "[site]\ntitle = \"F\"\n[[topics]]\nid = \"a\"\ntitle = \"A\"\n[[topics]]\nid = \"b\"\ntitle = \"B\"\n[[relations]]\nname = \"r\"\nlabel = \"R\"\ninverse_label = \"R'\"\n";

fuzz_target!(|text: &str| {
    let config = attune::config::Config::parse(
        BOOK,
        Path::new("book.toml"),
        &mut attune::diagnostic::Diagnostics::new(),
    )
    .unwrap();
    let mut diagnostics = attune::diagnostic::Diagnostics::new();
    let mut content = attune::load::Content::default();
    for (i, part) in text.split("\n===\n").take(4).enumerate() {
        let topic = if i % 2 == 0 { "a" } else { "b" };
        let rel = PathBuf::from(format!("{topic}/p{i}.md"));
        let path = Path::new("content").join(&rel);
        if let Some((front, body_start)) =
            attune::load::split_front_matter(part, &path, &mut diagnostics)
        {
            content.sources.push(attune::load::Source {
                path,
                rel,
                slug: format!("p{i}"),
                topic: Some(topic.to_string()),
                front,
                text: part.to_string(),
                body_start,
                body_hash: attune::load::content_hash(&part[body_start..]),
            });
        }
    }
    let site = attune::site::build(
        config,
        content,
        attune::site::UrlStyle::Web,
        &mut diagnostics,
    );
    let _ = site.orphans();
    let dir = std::env::temp_dir();
    let _ = attune::serve::resolve(&dir, text.lines().next().unwrap_or("/"));
});
