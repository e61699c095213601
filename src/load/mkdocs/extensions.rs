//! What the Markdown extensions an MkDocs site's mkdocs.yml lists change in how its
//! pages read: the function Python-Markdown's toc extension (always on in MkDocs)
//! makes headings' ids with, and whether abbreviations are read (`abbr`), with the
//! files pymdownx.snippets appends to every page (`auto_append`, a glossary of them).

use std::path::{Path, PathBuf};

/// Whether the MkDocs site whose content folder is `dir` reads abbreviations
/// (`*[HTML]: Hyper Text Markup Language`): its extensions list `abbr`.
pub fn reads_abbreviations(dir: &Path) -> bool {
    super::site_settings(dir).is_some_and(|settings| {
        super::names(settings.get("markdown_extensions"))
            .into_iter()
            .any(|name| matches!(name, "abbr" | "markdown.extensions.abbr"))
    })
}

/// The files pymdownx.snippets' `auto_append` adds to the end of every page of the
/// MkDocs site whose content folder is `dir` (a list of names, or one), each found
/// from the extension's `base_path` folders, then from `dir`; those not found left out.
pub fn appended_files(dir: &Path) -> Vec<PathBuf> {
    let Some(settings) = super::site_settings(dir) else {
        return Vec::new();
    };
    let appended =
        super::options(&settings, "pymdownx.snippets").and_then(|o| o.get("auto_append"));
    let names: Vec<&str> = match appended {
        Some(serde_yaml::Value::Sequence(files)) => {
            files.iter().filter_map(serde_yaml::Value::as_str).collect()
        }
        Some(serde_yaml::Value::String(file)) => vec![file.as_str()],
        _ => return Vec::new(),
    };
    let mut folders = super::snippet_bases(dir);
    folders.push(dir.to_path_buf());
    names
        .into_iter()
        .filter(|name| !Path::new(name).has_root() && !name.contains(".."))
        .filter_map(|name| folders.iter().map(|f| f.join(name)).find(|f| f.is_file()))
        .collect()
}

/// How the toc extension makes a heading's id on an MkDocs site: its `slugify` and
/// `separator` options in mkdocs.yml (`markdown_extensions: - toc: {slugify: …}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TocIds {
    pub slugify: Slugify,
    /// What stands between words: `-` unless `separator` names another character.
    pub separator: char,
}

impl Default for TocIds {
    fn default() -> Self {
        TocIds {
            slugify: Slugify::Ascii,
            separator: '-',
        }
    }
}

/// The slugify functions toc is given in real sites' mkdocs.yml.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Slugify {
    /// `markdown.extensions.toc.slugify`, the default: accents dropped, letters
    /// outside ASCII too (`Größen` → `groen`).
    #[default]
    Ascii,
    /// `markdown.extensions.toc.slugify_unicode`: every letter kept.
    Unicode,
    /// `pymdownx.slugs.slugify` (`!!python/object/apply:pymdownx.slugs.slugify {kwds:
    /// {case: lower}}`): every letter kept, each space one separator; the older
    /// `pymdownx.slugs.uslugify` is its `case: lower`, `uslugify_cased` its default.
    Pymdownx {
        case: SlugCase,
        normalize: Normalize,
    },
}

/// pymdownx.slugs' `case`: `none` (the default), `lower`, `lower-ascii`, `fold`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlugCase {
    Kept,
    Lower,
    LowerAscii,
    Fold,
}

/// pymdownx.slugs' `normalize`: the Unicode form the text is put in first (`NFC`
/// unless it names another).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Normalize {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

/// How the toc extension makes headings' ids on the MkDocs site whose content folder
/// is `dir`: as its options in mkdocs.yml say (under `toc` or
/// `markdown.extensions.toc`); a function attune does not know is read as the default.
pub fn toc_ids(dir: &Path) -> TocIds {
    let Some(settings) = super::site_settings(dir) else {
        return TocIds::default();
    };
    let options = super::options(&settings, "toc")
        .or_else(|| super::options(&settings, "markdown.extensions.toc"));
    let Some(options) = options else {
        return TocIds::default();
    };
    let separator = options
        .get("separator")
        .and_then(serde_yaml::Value::as_str)
        .and_then(|s| {
            let mut chars = s.chars();
            chars.next().filter(|_| chars.next().is_none())
        });
    let slugify = match options.get("slugify") {
        Some(value) => slugify_function(&super::settings_files(dir))
            .map(|function| self::slugify(&function, value))
            .unwrap_or_default(),
        None => Slugify::default(),
    };
    TocIds {
        slugify,
        separator: separator.unwrap_or('-'),
    }
}

/// The function a `slugify:` option names, written as a YAML tag naming a Python
/// function (`!!python/name:markdown.extensions.toc.slugify_unicode`) or calling one
/// with the arguments it tags (`!!python/object/apply:pymdownx.slugs.slugify {kwds:
/// {case: lower}}`), and those arguments (`value`, as read).
fn slugify(function: &str, value: &serde_yaml::Value) -> Slugify {
    let kwds = value.get("kwds");
    let argument = |key: &str| kwds.and_then(|k| k.get(key)?.as_str());
    let pymdownx = |case| Slugify::Pymdownx {
        case,
        normalize: match argument("normalize") {
            Some("NFD") => Normalize::Nfd,
            Some("NFKC") => Normalize::Nfkc,
            Some("NFKD") => Normalize::Nfkd,
            _ => Normalize::Nfc,
        },
    };
    match function {
        "markdown.extensions.toc.slugify_unicode" => Slugify::Unicode,
        "pymdownx.slugs.slugify" => pymdownx(match argument("case") {
            Some("lower") => SlugCase::Lower,
            Some("lower-ascii") => SlugCase::LowerAscii,
            Some("fold") => SlugCase::Fold,
            _ => SlugCase::Kept,
        }),
        "pymdownx.slugs.uslugify" => pymdownx(SlugCase::Lower),
        "pymdownx.slugs.uslugify_cased" => pymdownx(SlugCase::Kept),
        _ => Slugify::default(),
    }
}

/// The Python function toc's `slugify:` names, by the tag written after the key on
/// its line (serde_yaml reads the value and drops a `!!` tag): the
/// first file of `files` (each before the ones it inherits) that gives one.
fn slugify_function(files: &[std::path::PathBuf]) -> Option<String> {
    use crate::load::spans::{Spans, Step};
    files.iter().find_map(|file| {
        let text = std::fs::read_to_string(file).ok()?;
        let spans = Spans::yaml(&text, 1);
        let extensions = [Step::key("markdown_extensions")];
        let items = spans.items(&extensions);
        let (line, column) = ["toc", "markdown.extensions.toc"].iter().find_map(|name| {
            let under = |item: Option<usize>| {
                let mut path = extensions.to_vec();
                path.extend(item.map(Step::Item));
                path.extend([Step::key(name), Step::key("slugify")]);
                spans.key(&path)
            };
            under(None).or_else(|| (0..items).find_map(|i| under(Some(i))))
        })?;
        let written: String = text
            .lines()
            .nth(line - 1)?
            .chars()
            .skip(column - 1)
            .collect();
        let value = written
            .strip_prefix("slugify")?
            .trim_start()
            .strip_prefix(':')?;
        let tag = value.trim_start().strip_prefix("!!python/")?;
        let (_, function) = tag.split_once(':')?;
        let end = function.find(|c: char| c.is_whitespace() || c == '{');
        Some(function[..end.unwrap_or(function.len())].to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toc_options_name_the_slugify_function_and_separator() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        let write = |text: &str| std::fs::write(dir.path().join("mkdocs.yml"), text).unwrap();
        let pymdownx = |case| Slugify::Pymdownx {
            case,
            normalize: Normalize::Nfc,
        };
        for (settings, slugify, separator) in [
            ("site_name: r\n", Slugify::Ascii, '-'),
            (
                "markdown_extensions:\n  - toc:\n      permalink: true\n      separator: _\n",
                Slugify::Ascii,
                '_',
            ),
            (
                "markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify\n        kwds:\n          case: lower\n",
                pymdownx(SlugCase::Lower),
                '-',
            ),
            (
                "markdown_extensions:\n  toc:\n    slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: fold, normalize: NFD}}\n",
                Slugify::Pymdownx { case: SlugCase::Fold, normalize: Normalize::Nfd },
                '-',
            ),
            (
                "markdown_extensions:\n  - markdown.extensions.toc:\n      slugify: !!python/name:markdown.extensions.toc.slugify_unicode\n",
                Slugify::Unicode,
                '-',
            ),
            (
                "markdown_extensions:\n  - toc:\n      slugify: !!python/name:pymdownx.slugs.uslugify\n",
                pymdownx(SlugCase::Lower),
                '-',
            ),
            (
                "markdown_extensions:\n  - toc:\n      slugify: !!python/name:my.own.slugify\n",
                Slugify::Ascii,
                '-',
            ),
        ] {
            write(settings);
            let ids = toc_ids(&docs);
            assert_eq!((ids.slugify, ids.separator), (slugify, separator), "{settings}");
        }
    }
}
