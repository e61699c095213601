//! The language a site brought from another tool is written in, read from that tool's
//! settings when book.toml names none (`[site] language`, or an mdBook's `[book]
//! language`): Hugo's `languageCode` (else its `defaultContentLanguage`), Zola's
//! `default_language`, VitePress's and VuePress's `lang`, Docusaurus' `i18n.defaultLocale`,
//! MkDocs' `theme.language`, Quartz's `locale` (in `quartz.config.ts`, or Quartz 5's
//! `quartz.config.yaml`), Jekyll's `lang` (else `locale`). The
//! pages' `<html lang>` then says what a screen reader should read them in, as the
//! other tool's did, and a French course is not measured by English readability
//! formulas.

use crate::config::Config;
use std::path::{Path, PathBuf};

/// Sets the site's language from the other tool's settings, when book.toml names none.
pub fn read(config: &mut Config, root: &Path, book_toml: &str) {
    // An mdBook's `[book] language` has set it already, away from the default `en`.
    if written(book_toml) || config.site.language != "en" {
        return;
    }
    let dir = root.join(&config.build.content_dir);
    if let Some(language) = from_settings(root, &dir).as_deref().and_then(tag) {
        config.site.language = language;
    }
}

/// Whether book.toml names the site's language itself (`[site] language`).
pub(super) fn written(book_toml: &str) -> bool {
    let table = book_toml.parse::<toml::Table>().ok();
    table.is_some_and(|t| t.get("site").and_then(|s| s.get("language")).is_some())
}

/// The language the settings of the site at `root` with content folder `dir` name, as
/// written.
fn from_settings(root: &Path, dir: &Path) -> Option<String> {
    hugo_or_zola(root, dir)
        .or_else(|| script_setting(&super::vitepress::settings_files(root, dir), "lang"))
        .or_else(|| script_setting(&super::docusaurus::settings_files(dir), "defaultLocale"))
        .or_else(|| script_setting(&super::quartz::files(root, dir), "locale"))
        .or_else(|| quartz_yaml_locale(root, dir))
        .or_else(|| super::mkdocs::language(dir))
        .or_else(|| super::jekyll::language(dir))
}

/// Hugo's `languageCode`, else its `defaultContentLanguage`; Zola's `default_language`.
fn hugo_or_zola(root: &Path, dir: &Path) -> Option<String> {
    let settings = super::hugo_params::settings(root, dir);
    let key = |name: &str| {
        settings.iter().find_map(|map| {
            let (_, value) = map.iter().find(|(k, _)| k.eq_ignore_ascii_case(name))?;
            Some(value.as_str()?.to_string())
        })
    };
    if let Some(found) = key("languageCode").or_else(|| key("defaultContentLanguage")) {
        return Some(found);
    }
    let (zola, _) = super::zola::settings(root, dir)?;
    Some(zola.get("default_language")?.as_str()?.to_string())
}

/// The `configuration.locale` of a Quartz 5 garden's `quartz.config.yaml` (Quartz 5
/// keeps its settings there, not in `quartz.config.ts`).
fn quartz_yaml_locale(root: &Path, dir: &Path) -> Option<String> {
    let configuration = super::quartz::yaml_configuration(root, dir)?;
    Some(configuration.get("locale")?.as_str()?.to_string())
}

/// The first string a key is set to in the first of `files` that exists and sets it,
/// read from JavaScript or TypeScript (see [`string_setting`]).
fn script_setting(files: &[PathBuf], key: &str) -> Option<String> {
    files.iter().find_map(|file| {
        // A regular file only: a pipe of that name would never end.
        let text = std::fs::read_to_string(file.is_file().then_some(file)?).ok()?;
        string_setting(&text, key)
    })
}

/// The first string literal `key` is set to in a JavaScript or TypeScript settings
/// file, `key: "fr-CA"` (or `'…'`, `` `…` ``), outside comments (see `js_literal.rs`).
/// Only literals: a value computed by code is not guessed.
fn string_setting(text: &str, key: &str) -> Option<String> {
    use super::js_literal::{Reader, Value};
    let reader = Reader::new(text);
    reader
        .key_values(key)
        .into_iter()
        .find_map(|at| match reader.value(at, 0).0 {
            Value::Text(value) => Some(value),
            _ => None,
        })
}

/// A language tag as `<html lang>` takes it: letters, digits and hyphens, starting with
/// a letter (`fr-CA`, `zh-Hans`); a POSIX locale's `_` is a hyphen (`pt_BR`), its
/// encoding left off (`fr_FR.UTF-8`). Anything else (`{{ .Lang }}`, a sentence) is none.
fn tag(written: &str) -> Option<String> {
    let written = written.trim();
    let written = written.split_once('.').map_or(written, |(tag, _)| tag);
    let tag = written.replace('_', "-");
    (tag.len() <= 35
        && tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !tag.ends_with('-'))
    .then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_setting_is_read_as_written_outside_comments() {
        let config = "export default defineConfig({\n  base: \"/cours/\",\n\tlang: \"fr-CA\",\n  title: 'x',\n})\n";
        assert_eq!(string_setting(config, "lang").as_deref(), Some("fr-CA"));
        // A locale's own is read when it comes first; a key's longer namesakes are not.
        let locales =
            "locales: {\n  root: { label: 'English', lang: 'en-US' },\n  zh: { lang: 'zh-CN' } }";
        assert_eq!(string_setting(locales, "lang").as_deref(), Some("en-US"));
        assert_eq!(string_setting("languages: 'x', slang: 'y'", "lang"), None);
        assert_eq!(
            string_setting("// lang: 'de'\nlang: 'fr'", "lang").as_deref(),
            Some("fr")
        );
        assert_eq!(
            string_setting("/*\n lang: 'de'\n*/\nlang: `it`", "lang").as_deref(),
            Some("it")
        );
        assert_eq!(string_setting("lang: process.env.LANG", "lang"), None);
        let quartz = "    pageTitle: \"x\",\n    locale: \"zh-TW\", // https://example.org\n";
        assert_eq!(string_setting(quartz, "locale").as_deref(), Some("zh-TW"));
        let docusaurus =
            "i18n: {\n    defaultLocale: 'zh-Hans',\n    locales: ['zh-Hans', 'en'],\n  },";
        assert_eq!(
            string_setting(docusaurus, "defaultLocale").as_deref(),
            Some("zh-Hans")
        );
    }

    #[test]
    fn a_tag_is_what_html_lang_takes() {
        assert_eq!(tag("fr-CA").as_deref(), Some("fr-CA"));
        assert_eq!(tag(" pt_BR ").as_deref(), Some("pt-BR"));
        assert_eq!(tag("fr_FR.UTF-8").as_deref(), Some("fr-FR"));
        assert_eq!(tag("{{ .Lang }}"), None);
        assert_eq!(tag(""), None);
        assert_eq!(tag("en-"), None);
        assert_eq!(tag("français du Québec"), None);
    }
}
