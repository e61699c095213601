//! What is said of the lines Python-Markdown's pass leaves out of a page: mkdocstrings'
//! `::: name`, FastAPI's code includes and a pymdownx.snippets line it still meets.

use crate::diagnostic::{Code, Diagnostic};

/// What is said of mkdocstrings' `::: name`, left out of the page.
pub(super) fn api_docs(name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::UnsupportedSyntax,
        format!("mkdocstrings' `::: {name}` is not supported: attune does not generate documentation from code"),
    )
    .help("the line and its options are left out of the page; write what the reader needs in Markdown, or link to the API reference published elsewhere")
    .family("mkdocstrings lines")
}

/// What is said of a FastAPI-style code include `{* file ln[…] *}`, left out.
pub(super) fn code_include(written: &str) -> Diagnostic {
    Diagnostic::error(
        Code::UnsupportedSyntax,
        format!("the code include `{{* {written} *}}` (FastAPI's docs' plugin) is not supported: the file's code is left out"),
    )
    .help("write the code in a fenced block, or include the file in one: ```python, then `{{#include path}}` (its path from this file's folder, `path:3:8` for lines 3 to 8), then ```")
    .family("code includes")
}

/// What is said of pymdownx.snippets' `--8<-- "file"`, left out of the page.
pub(super) fn snippet_text(file: &str) -> Diagnostic {
    Diagnostic::error(
        Code::UnsupportedSyntax,
        format!("pymdownx.snippets' `--8<-- \"{file}\"` is not supported: the file's text is left out"),
    )
    .help("write `{{#include path}}`, its path from this file's folder, to include the file as mdBook does")
    .family("snippets")
}
