//! Front matter keys attune does not read, reported once per key for the whole site.
//!
//! A key in one file is most often a typo (`sumary:`) and is reported at its place with
//! the nearest known key. A key many files share is a property the site uses on
//! purpose (an Obsidian vault's `rating:`, a theme's `banner:`): one warning at its
//! first place, saying how many files have it and naming a few, instead of one per
//! file (a 6,500-note vault printed 9,582).

use super::{FrontMatter, FRONT_MATTER_KEYS};
use crate::diagnostic::{nearest, Code, Diagnostic, Diagnostics};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Hugo's own front matter keys attune does not read, lower-cased (Hugo reads keys in
/// any case): on a Hugo site they are Hugo's, never unknown. They choose templates
/// (`type`, `layout`), the theme's menus (`menus`, `menu`), a bundle's resources'
/// names (`resources`), the renderer (`markup`), translations (`translationKey`), word counting (`isCJKLanguage`), `<meta
/// name="keywords">` (`keywords`), the page's parameters (`params`, read by the
/// `param` shortcode) and the sites it is in (`sites`). Attune has its own theme,
/// menus and sitemap, so nothing a reader needs is lost. (Hugo's other names for its
/// dates, `modified` and `published`, stay warnings: they are dates attune would
/// read differently.) The site's taxonomies' keys (`categories`) are read (see
/// `taxonomies.rs`). A theme's own keys (`image`, `featured`) stay warnings: Hugo
/// itself does not read them, and the theme that shows them is not attune's.
const HUGO_KEYS: &[&str] = &[
    "type",
    "layout",
    "menus",
    "menu",
    "resources",
    "markup",
    "translationkey",
    "iscjklanguage",
    "keywords",
    "params",
    "sites",
];

/// Whether `key` (a dotted path: `menus.main`) is one of Hugo's own keys.
pub fn hugo_key(key: &str) -> bool {
    let top = key.split('.').next().unwrap_or(key).to_lowercase();
    HUGO_KEYS.contains(&top.as_str())
}

/// How many other places of a shared key are listed under its warning.
const LISTED: usize = 3;

/// The unknown keys of every file read so far, by name, with their places.
#[derive(Debug, Default)]
pub struct UnknownKeys {
    places: HashMap<String, Vec<(PathBuf, usize, usize)>>,
}

impl UnknownKeys {
    /// Notes the unknown keys of one file, less those the site declares in
    /// `[front_matter] allow`, in a Zola file (`zola`: see `zola.rs`) Zola's keys for
    /// its templates, and on a Hugo site (`hugo`) Hugo's own keys ([`hugo_key`]).
    pub fn add(
        &mut self,
        front: &FrontMatter,
        file: &Path,
        allow: &[String],
        zola: bool,
        hugo: bool,
    ) {
        for key in &front.unknown_keys {
            if allow.iter().any(|a| a == &key.name)
                || (zola && super::zola::template_key(&key.name))
                || (hugo && hugo_key(&key.name))
            {
                continue;
            }
            self.places.entry(key.name.clone()).or_default().push((
                file.to_path_buf(),
                key.line,
                key.column,
            ));
        }
    }

    /// One warning per key, at its first place in path order, suggesting the nearest
    /// known key or the `allow` entry that silences it.
    pub fn report(self, diagnostics: &mut Diagnostics) {
        let mut keys: Vec<_> = self.places.into_iter().collect();
        for (_, places) in &mut keys {
            places.sort();
        }
        keys.sort_by(|a, b| a.1[0].cmp(&b.1[0]).then_with(|| a.0.cmp(&b.0)));
        for (name, places) in keys {
            let files = {
                let mut files: Vec<&Path> = places.iter().map(|p| p.0.as_path()).collect();
                files.dedup();
                files.len()
            };
            let (file, line, column) = &places[0];
            let message = if files > 1 {
                format!("unknown front matter key `{name}` is ignored ({files} files have it)")
            } else {
                format!("unknown front matter key `{name}` is ignored")
            };
            let mut d = Diagnostic::warning(Code::UnknownKey, message).at(file, *line, *column);
            for (file, line, column) in places.iter().skip(1).take(LISTED) {
                d = d.related(file, *line, *column, format!("`{name}` here too"));
            }
            let allow = format!(
                "if the site uses it on purpose (for another tool), declare it in book.toml: [front_matter] allow = [\"{name}\"]"
            );
            diagnostics.push(d.help(match suggestion(&name) {
                Some(best) if files == 1 => format!("did you mean `{best}`?"),
                Some(best) => format!("did you mean `{best}`? {allow}"),
                None => allow,
            }));
        }
    }
}

/// The known key a typo most likely meant: never a longer key that holds the name
/// whole (`publish`, as Obsidian Publish writes it, is not `publishDate`), nor one more
/// edits away than a third of the name's letters: a vault's own `status`, `rating` or
/// `date_read` is a property of its own, not a misspelt `tags`, `relations` or `date`.
fn suggestion(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    let candidates = FRONT_MATTER_KEYS
        .iter()
        .copied()
        .filter(|k| !k.to_lowercase().contains(&lower));
    let edits = (lower.chars().count() / 3).max(1);
    nearest(name, candidates)
        .filter(|k| strsim::damerau_levenshtein(&lower, &k.to_lowercase()) <= edits)
}

#[cfg(test)]
mod tests {
    use super::suggestion;

    #[test]
    fn a_typo_is_suggested_its_key_and_a_property_of_its_own_nothing() {
        for (typo, key) in [
            ("titel", "title"),
            ("sumary", "summary"),
            ("tgas", "tags"),
            ("descripton", "description"),
        ] {
            assert_eq!(suggestion(typo), Some(key), "{typo}");
        }
        // Properties vaults and themes keep (kepano's, a reading log's, Zola's).
        for own in [
            "status",
            "rating",
            "date_read",
            "last-time",
            "pages",
            "sr-interval",
        ] {
            assert_eq!(suggestion(own), None, "{own}");
        }
    }
}
