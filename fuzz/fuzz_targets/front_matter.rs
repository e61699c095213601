//! Front matter: any text split and parsed as YAML front matter, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|text: &str| {
    let mut diagnostics = attune::diagnostic::Diagnostics::new();
    let _ = attune::load::split_front_matter(text, Path::new("a.md"), &mut diagnostics);
    let _ = attune::load::split_front_matter(
        &format!("---\n{text}"),
        Path::new("a.md"),
        &mut diagnostics,
    );
});
