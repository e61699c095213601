//! Front matter as other tools write it: TOML between `+++` lines (Hugo, Zola), dates
//! with a time of day, Hugo's and Zola's names for attune's keys (`weight`, `lastmod`,
//! `[taxonomies] tags`), and keys a site declares on purpose.

use super::{Date, FrontMatter, FRONT_MATTER_KEYS};
use crate::diagnostic::{nearest, Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use serde::Deserialize;
use std::fmt;
use std::path::Path;

/// A top-level front matter key attune does not know, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    pub name: String,
    pub line: usize,
    pub column: usize,
}

/// Zola's `[taxonomies]` table; other taxonomies than `tags` are ignored.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Taxonomies {
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Reads a [`Date`] from a string (a date, or a date and time whose date is kept) or
/// from a TOML date or datetime value, which the `toml` crate hands over as a map of
/// one private key to the value's text.
pub(super) struct DateVisitor;

impl<'de> serde::de::Visitor<'de> for DateVisitor {
    type Value = Date;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date in the form YYYY-MM-DD")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
        Date::parse_date_or_datetime(s).ok_or_else(|| {
            E::custom(format!(
                "'{s}' is not a date in the form YYYY-MM-DD (a time may follow: 2026-03-04T10:00:00Z)"
            ))
        })
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
        match map.next_entry::<String, String>()? {
            Some((key, value)) if key.contains("datetime") => self.visit_str(&value),
            _ => Err(serde::de::Error::custom(
                "expected a date in the form YYYY-MM-DD, found a table",
            )),
        }
    }
}

/// Parses TOML front matter whose first line is line `first_line` of the file. Syntax
/// and type errors are reported at their line and column in the file.
pub(super) fn parse_toml(
    toml_text: &str,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<FrontMatter> {
    let at = |offset: usize| {
        let (l, c) = line_col(toml_text, offset);
        (l + first_line - 1, c)
    };
    let report = |e: toml::de::Error, what: &str, diagnostics: &mut Diagnostics| {
        let (l, c) = e.span().map_or((first_line, 1), |s| at(s.start));
        diagnostics.push(
            Diagnostic::error(
                Code::FrontMatter,
                format!("{what}: {}", e.message().trim()),
            )
            .at(file, l, c)
            .help("TOML front matter sits between two `+++` lines: `key = \"value\"`, one per line"),
        );
    };
    let table: toml::Table = match toml::from_str(toml_text) {
        Ok(table) => table,
        Err(e) => {
            report(e, "invalid TOML in front matter", diagnostics);
            return None;
        }
    };
    let mut front: FrontMatter = match toml::from_str(toml_text) {
        Ok(front) => front,
        Err(e) => {
            report(e, "front matter", diagnostics);
            return None;
        }
    };
    for name in table.keys() {
        if !FRONT_MATTER_KEYS.contains(&name.as_str()) {
            let (line, column) = key_position(toml_text, name, true)
                .map_or((first_line, 1), |(l, c)| (l + first_line - 1, c));
            front.unknown_keys.push(UnknownKey {
                name: name.clone(),
                line,
                column,
            });
        }
    }
    Some(front)
}

/// Line and column (1-based within `text`) of a top-level key: `key:` in YAML; in TOML
/// `key =`, `"key" =` or a `[key]` / `[key.sub]` table header.
fn key_position(text: &str, key: &str, toml: bool) -> Option<(usize, usize)> {
    let sep = if toml { '=' } else { ':' };
    let names = [key.to_string(), format!("\"{key}\""), format!("'{key}'")];
    text.lines()
        .position(|line| {
            names.iter().any(|k| {
                line.strip_prefix(k.as_str())
                    .is_some_and(|rest| rest.trim_start().starts_with(sep))
            }) || (toml
                && line.strip_prefix('[').is_some_and(|rest| {
                    rest.strip_prefix(key)
                        .is_some_and(|r| r.starts_with(']') || r.starts_with('.'))
                }))
        })
        .map(|i| (i + 1, 1))
}

/// Folds other tools' names into attune's: `weight` into `order`, `lastmod` into
/// `updated`, Zola's `[taxonomies] tags` into `tags`. An article that gives both names
/// of one key is an error at the second, as the two could disagree.
pub(super) fn resolve_synonyms(
    mut front: FrontMatter,
    head: &str,
    toml: bool,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<FrontMatter> {
    let mut clash = |ours: &str, theirs: &str| {
        let position = |key| key_position(head, key, toml).map(|(l, c)| (l + first_line - 1, c));
        let (l, c) = match (position(ours), position(theirs)) {
            (Some(a), Some(b)) => a.max(b),
            (a, b) => a.or(b).unwrap_or((first_line, 1)),
        };
        diagnostics.push(
            Diagnostic::error(
                Code::FrontMatter,
                format!("both `{ours}` and `{theirs}` are set; they mean the same"),
            )
            .at(file, l, c)
            .help(format!("keep one of them: `{theirs}` is read as `{ours}`")),
        );
    };
    let mut ok = true;
    match (front.order, front.weight.take()) {
        (Some(_), Some(_)) => {
            clash("order", "weight");
            ok = false;
        }
        (None, weight) => front.order = weight,
        _ => {}
    }
    match (front.updated, front.lastmod.take()) {
        (Some(_), Some(_)) => {
            clash("updated", "lastmod");
            ok = false;
        }
        (None, lastmod) => front.updated = lastmod,
        _ => {}
    }
    if let Some(taxonomies) = front.taxonomies.take() {
        for tag in taxonomies.tags {
            if !front.tags.contains(&tag) {
                front.tags.push(tag);
            }
        }
    }
    ok.then_some(front)
}

/// Warns about each front matter key attune does not know, unless the site declares
/// it in `[front_matter] allow`; suggests the nearest known key.
pub fn report_unknown_keys(
    front: &FrontMatter,
    file: &Path,
    allow: &[String],
    diagnostics: &mut Diagnostics,
) {
    for key in &front.unknown_keys {
        if allow.iter().any(|a| a == &key.name) {
            continue;
        }
        let d = Diagnostic::warning(
            Code::UnknownKey,
            format!("unknown front matter key `{}` is ignored", key.name),
        )
        .at(file, key.line, key.column);
        diagnostics.push(match nearest(&key.name, FRONT_MATTER_KEYS.iter().copied()) {
            Some(best) => d.help(format!("did you mean `{best}`?")),
            None => d.help(format!(
                "if the site uses it on purpose (for another tool), declare it in book.toml: [front_matter] allow = [\"{}\"]",
                key.name
            )),
        });
    }
}

/// A title from a file name, for an article that gives none: `dismissive-family_styles.md`
/// → "Dismissive family styles" (see [`crate::text::humanise`]). `index.md`, `_index.md` and
/// `README.md` take their folder's name.
pub fn title_from_file_name(rel: &Path) -> String {
    let stem = rel.file_stem().unwrap_or_default().to_string_lossy();
    let own_text = matches!(&*stem, "index" | "_index") || stem.eq_ignore_ascii_case("readme");
    match rel.parent().and_then(Path::file_name).filter(|_| own_text) {
        Some(folder) => crate::text::humanise(&folder.to_string_lossy()),
        None => crate::text::humanise(&stem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_files_take_their_folder_s_name() {
        assert_eq!(
            title_from_file_name(Path::new("care/family-styles/README.md")),
            "Family styles"
        );
        assert_eq!(
            title_from_file_name(Path::new("care/Family Styles/_index.md")),
            "Family Styles"
        );
        assert_eq!(
            title_from_file_name(Path::new("care/readme-first.md")),
            "Readme first"
        );
    }
}
