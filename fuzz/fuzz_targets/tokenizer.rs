//! The search tokenizer: folding and word segmentation of any text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for word in attune::search::tokenize(text) {
        assert!(!word.is_empty());
    }
});
