//! An mdBook's own tables in book.toml, so that attune's keys may be added to the
//! book's book.toml rather than replace it. Read where attune has the feature:
//! `[preprocessor.katex] macros`, the file of TeX macros mdbook-katex defines for
//! every formula of the book, and `[output.html.redirect]`, the old chapter addresses
//! mdBook writes redirect pages for (read as attune's `[redirects]`), `[output.html.code.hidelines]`,
//! the prefix of the lines each language's code blocks hide, and `[book]`'s
//! `title`, `description`, `language` and `src` when attune's own keys are not there,
//! so an mdBook's book.toml builds as it is; `[preprocessor.variables.variables]`, the
//! values mdbook-variables writes for `{{name}}`. Everything else of mdBook's is
//! allowed and not read.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// `[preprocessor.*]`: each preprocessor's table, by name.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Preprocessors {
    #[serde(default)]
    katex: Option<Katex>,
    /// `[preprocessor.variables]`, mdbook-variables' table, read as a value so that
    /// no shape of it stops the build (see [`Preprocessors::variables`]).
    #[serde(default)]
    variables: Option<toml::Value>,
    #[serde(flatten)]
    _others: toml::Table,
}

/// `[preprocessor.katex]`, as mdbook-katex reads it: the one key attune reads.
#[derive(Debug, Clone, Default, Deserialize)]
struct Katex {
    macros: Option<toml::Spanned<String>>,
    #[serde(flatten)]
    _others: toml::Table,
}

impl Preprocessors {
    /// mdbook-katex's macros (`[preprocessor.katex] macros = "macros.txt"`, a path
    /// from the site's folder), as TeX definitions every formula of the site starts
    /// with; empty without one. A file that cannot be read, or a line starting with
    /// a backslash that is no macro, is a warning at its place.
    pub fn math_definitions(
        &self,
        root: &Path,
        book_toml: &str,
        diagnostics: &mut Diagnostics,
    ) -> String {
        let Some(macros) = self.katex.as_ref().and_then(|k| k.macros.as_ref()) else {
            return String::new();
        };
        let path = Path::new(macros.get_ref());
        let text = match std::fs::read_to_string(root.join(path)) {
            Ok(text) => text,
            Err(e) => {
                let (line, column) = crate::text::line_col(book_toml, macros.span().start);
                diagnostics.push(
                    Diagnostic::warning(
                        Code::Math,
                        format!("mdbook-katex's macros file '{}' cannot be read: {e}", path.display()),
                    )
                    .at(crate::config::FILE_NAME, line, column)
                    .help("give its path from the folder holding book.toml; formulas using its macros are shown as their TeX"),
                );
                return String::new();
            }
        };
        let mut definitions = String::new();
        for (n, line) in text.lines().enumerate() {
            // mdbook-katex reads only lines starting with a backslash: the others
            // (`# Conventions`, blank lines, notes) are the file's own headings and
            // comments.
            if !line.starts_with('\\') {
                continue;
            }
            let line = line.trim();
            match macro_definition(line) {
                Some(definition) => definitions.push_str(&definition),
                None => diagnostics.push(
                    Diagnostic::warning(
                        Code::Math,
                        format!("'{line}' is no macro: mdbook-katex reads `\\name:expansion`, one a line"),
                    )
                    .at(path, n + 1, 1)
                    .help("write the macro as `\\name:expansion` (`\\R:\\mathbb{R}`), or take the line out"),
                ),
            }
        }
        definitions
    }

    /// mdbook-variables' values (`[preprocessor.variables.variables]`), by the name
    /// `{{name}}` writes: a nested table's by its dotted path (`{{links.home}}`), as
    /// that preprocessor walks it; a value that is no text as TOML writes it (`5`,
    /// `true`). Empty without the table.
    pub fn variables(&self) -> BTreeMap<String, String> {
        let mut found = BTreeMap::new();
        let table = (self.variables.as_ref()).and_then(|v| v.get("variables")?.as_table());
        if let Some(table) = table {
            flatten_variables("", table, &mut found);
        }
        found
    }
}

/// Each value of `table` (and of the tables in it) into `found`, by its dotted path
/// after `prefix`.
fn flatten_variables(prefix: &str, table: &toml::Table, found: &mut BTreeMap<String, String>) {
    for (name, value) in table {
        let path = format!("{prefix}{name}");
        match value {
            toml::Value::Table(inner) => flatten_variables(&format!("{path}."), inner, found),
            toml::Value::String(text) => {
                found.insert(path, text.clone());
            }
            other => {
                found.insert(path, other.to_string());
            }
        }
    }
}

impl super::Config {
    /// What an mdBook's book.toml (`text`) says that attune's own keys say too, when
    /// they are not there: `[book] language` (`"pt-br"`), the language of the book's
    /// pages, which mdBook writes as `<html lang>`, unless `[site] language` is set (a
    /// value that is no language tag, letters, digits and `-`, is passed over); and
    /// `[output.html] smart-punctuation` (mdBook 0.4's `curly-quotes`), unless `[build]
    /// smart_punctuation` is set: a book that turns it off (its text writes command-line
    /// flags, `--verbose`, or math, outside code) keeps its dashes and straight quotes.
    pub(super) fn read_book_options(&mut self, text: &str) {
        let Ok(table) = text.parse::<toml::Table>() else {
            return;
        };
        let own = |section: &str, key: &str| table.get(section).and_then(|s| s.get(key)).is_some();
        let html = table.get("output").and_then(|o| o.get("html"));
        let punctuation = html
            .and_then(|h| h.get("smart-punctuation").or_else(|| h.get("curly-quotes")))
            .and_then(toml::Value::as_bool);
        if let Some(on) = punctuation.filter(|_| !own("build", "smart_punctuation")) {
            self.build.smart_punctuation = on;
        }
        if own("site", "language") {
            return;
        }
        let language = self
            .book
            .as_ref()
            .and_then(|b| b.get("language")?.as_str())
            .map(str::trim)
            .filter(|l| {
                l.len() <= 35
                    && l.starts_with(|c: char| c.is_ascii_alphabetic())
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        if let Some(language) = language {
            self.site.language = language.to_string();
        }
    }

    /// The book's repository, from mdBook's `[output.html] git-repository-url`.
    pub fn mdbook_repository(&self) -> Option<&str> {
        self.output
            .as_ref()?
            .get("html")?
            .get("git-repository-url")?
            .as_str()
    }

    /// mdBook's `[output.html.code.hidelines]` (`java = "# "`): for each language, the
    /// prefix of the lines its code blocks hide, as a block's own `hidelines=` does.
    /// Empty without the table; a value that is no text is passed over.
    pub fn code_hidelines(&self) -> std::collections::BTreeMap<String, String> {
        let table = self
            .output
            .as_ref()
            .and_then(|o| o.get("html")?.get("code")?.get("hidelines")?.as_table());
        table
            .into_iter()
            .flatten()
            .filter_map(|(lang, prefix)| Some((lang.clone(), prefix.as_str()?.to_string())))
            .filter(|(_, prefix)| !prefix.is_empty())
            .collect()
    }

    /// Whether the book's own book.toml sets mdBook's `[output.html]
    /// mathjax-support = true`, under which `\\( … \\)` and `\\[ … \\]` are math.
    pub fn mathjax_delimiters(&self) -> bool {
        self.output
            .as_ref()
            .and_then(|o| o.get("html")?.get("mathjax-support")?.as_bool())
            .unwrap_or(false)
    }
}

/// The path to `[output.html.redirect]`, read on its own so that each entry keeps
/// its place in book.toml (the `[output]` table is otherwise read as it is).
#[derive(Deserialize)]
struct WithOutput {
    output: Option<Output>,
}

#[derive(Deserialize)]
struct Output {
    html: Option<Html>,
}

#[derive(Deserialize)]
struct Html {
    redirect: Option<super::Redirects>,
}

/// mdBook's `[output.html.redirect]` table (`"/old/chapter.html" = "new.html"`), the
/// same entries attune's `[redirects]` holds; `None` without one.
pub(super) fn redirects(text: &str) -> Option<super::Redirects> {
    toml::from_str::<WithOutput>(text)
        .ok()?
        .output?
        .html?
        .redirect
}

/// One line of mdbook-katex's macros file, `\name:expansion` (`\grad:{\nabla}`,
/// `\abs:\left|#1\right|`), as the TeX definition `\def\name#1{expansion}`.
fn macro_definition(line: &str) -> Option<String> {
    let (name, expansion) = line.split_once(':')?;
    let name = name.trim();
    let letters = name.strip_prefix('\\')?;
    if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let expansion = expansion.trim();
    let arguments = (1..=9)
        .filter(|n| expansion.contains(&format!("#{n}")))
        .max()
        .unwrap_or(0);
    let parameters: String = (1..=arguments).map(|n| format!("#{n}")).collect();
    Some(format!("\\def{name}{parameters}{{{expansion}}}"))
}

/// The `[book]` of an mdBook's book.toml that writes none (mdBook's keys all have
/// defaults: the Leptos book's has only `[output.html]` and `[preprocessor.*]`): an
/// empty table when the file has mdBook's own tables (`[output]`, `[preprocessor]`,
/// `[rust]`) and no `[site]` of attune's, so it is read as the mdBook it is.
pub(super) fn implied_book(text: &str) -> Option<toml::Table> {
    let table = toml::from_str::<toml::Table>(text).ok()?;
    let mdbook = ["output", "preprocessor", "rust"]
        .iter()
        .any(|key| table.contains_key(*key));
    (mdbook && !table.contains_key("site") && !table.contains_key("book")).then(toml::Table::new)
}

/// An mdBook's book.toml with no `[site]`: the site's title, description and language
/// from `[book]` (`title`, `description`, `language`, as mdBook reads them; the title
/// "Book" when it has none). `None` without `[book]`.
pub(super) fn site_from_book(book: Option<&toml::Table>) -> Option<super::Site> {
    let book = book?;
    let text_of = |key: &str| {
        book.get(key)
            .and_then(toml::Value::as_str)
            .map(str::to_string)
    };
    Some(super::Site {
        title: text_of("title").unwrap_or_else(|| "Book".to_string()),
        description: text_of("description").unwrap_or_default(),
        language: text_of("language").unwrap_or_else(|| "en".to_string()),
        ..super::Site::default()
    })
}

/// The content folder of an mdBook's book.toml (`text`) that does not write `[build]
/// content_dir`: `[book] src`, or "src", mdBook's default; `book` is first given the
/// empty table an mdBook without `[book]` implies (see [`implied_book`]).
pub(super) fn content_dir_from_book(
    book: &mut Option<toml::Table>,
    text: &str,
    build: &mut super::Build,
) {
    if book.is_none() {
        *book = implied_book(text);
    }
    let Some(book) = book else {
        return;
    };
    let written = toml::from_str::<toml::Table>(text).ok();
    let content_dir_written = written
        .as_ref()
        .and_then(|t| t.get("build"))
        .and_then(toml::Value::as_table)
        .is_some_and(|b| b.contains_key("content_dir"));
    if !content_dir_written {
        let src = book
            .get("src")
            .and_then(toml::Value::as_str)
            .unwrap_or("src");
        build.content_dir = src.trim_end_matches('/').to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::macro_definition;

    #[test]
    fn macros_are_written_as_definitions() {
        assert_eq!(
            macro_definition(r"\grad:{\nabla}").as_deref(),
            Some(r"\def\grad{{\nabla}}")
        );
        assert_eq!(
            macro_definition(r"\abs: \left|#1\right|").as_deref(),
            Some(r"\def\abs#1{\left|#1\right|}")
        );
        assert_eq!(macro_definition("no macro"), None);
        assert_eq!(macro_definition(r"\9:x"), None);
    }
}
