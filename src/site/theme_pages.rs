//! Content files that stand for a page a Hugo theme makes by itself (its search page,
//! its taxonomy pages, an archive): attune writes its own, so they are left out.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::Source;
use std::collections::{BTreeMap, HashMap};

/// How many more term pages' texts are named under a taxonomy's warning.
const LISTED: usize = 3;

/// The warnings for Hugo's texts of a taxonomy's term pages (`tags/<tag>/_index.md`),
/// one per taxonomy for the site, at the first in path order, saying how many more
/// there are and naming a few: a blog gives most of its tags a line of text.
#[derive(Default)]
pub(super) struct TermTexts {
    by_taxonomy: BTreeMap<String, Vec<(std::path::PathBuf, Diagnostic)>>,
}

impl TermTexts {
    fn add(&mut self, taxonomy: &str, source: &Source, warning: Diagnostic) {
        let group = self.by_taxonomy.entry(taxonomy.to_string()).or_default();
        group.push((source.path.clone(), warning));
    }

    pub(super) fn report(self, diagnostics: &mut Diagnostics) {
        for (_, mut group) in self.by_taxonomy {
            group.sort_by(|a, b| a.0.cmp(&b.0));
            let more = group.len() - 1;
            let mut group = group.into_iter();
            let Some((_, mut first)) = group.next() else {
                continue;
            };
            if more > 0 {
                first.message = format!(
                    "{} (nor are the texts of {more} more of its terms' pages)",
                    first.message
                );
            }
            for (path, _) in group.take(LISTED) {
                first = first.related(path, 1, 1, "its text is not published either");
            }
            diagnostics.push(first);
        }
    }
}

/// A Hugo theme's search page, with no text of its own (`search.md`, or the
/// `search/` section's `_index.md` or bundle's `index.md`, at the top): a place for the
/// theme's own search page, which attune writes itself at /search/; and the text Hugo
/// shows on taxonomy pages (`tags/_index.md`, `tags/<tag>/_index.md`, and the same
/// of the site's other `taxonomies`). Left out with a warning; Hugo's text for a
/// taxonomy's page with no text (a title only, as themes' starters write it) quietly.
/// A term page's text is kept in `term_texts`, reported with the others of its taxonomy.
pub(super) fn theme_page(
    source: &Source,
    taxonomies: &[String],
    term_texts: &mut TermTexts,
) -> Option<Option<Diagnostic>> {
    let rel = source.rel.to_string_lossy().replace('\\', "/");
    // Hugo's `content/tags/_index.md` and `content/tags/<tag>/_index.md`.
    let parts: Vec<&str> = rel.split('/').collect();
    // `_index.fr.md` too: a translation's text for the same page.
    let index = |name: &str| name.starts_with("_index.") && name.ends_with(".md");
    let taxonomy = |t: &str| t == "tags" || taxonomies.iter().any(|n| n == t);
    if matches!(parts.as_slice(), [t, name] | [t, _, name] if taxonomy(t) && index(name)) {
        let page = match parts.len() {
            2 if parts[0] == "tags" => "the tag list (/tags/)".to_string(),
            2 => format!("the list of {} (/{}/)", parts[0], parts[0]),
            _ if parts[0] == "tags" => format!("the page of tag '{}'", parts[1]),
            _ => format!("the page of {} '{}'", parts[0], parts[1]),
        };
        if source.body().trim().is_empty() {
            return Some(None);
        }
        let warning = Diagnostic::warning(
                Code::ThemePage,
                format!("{rel} is Hugo's text for {page}, which attune writes itself from the articles' {}, so this file is not published", parts[0]),
            )
            .at(&source.path, 1, 1)
            .help("to keep its text, move it into an article (or the tag's description into the articles that use the tag)");
        if parts.len() == 3 {
            term_texts.add(parts[0], source, warning);
            return Some(None);
        }
        return Some(Some(warning));
    }
    if !["search.md", "search/_index.md", "search/index.md"].contains(&rel.as_str())
        || !source.body().trim().is_empty()
    {
        return None;
    }
    Some(Some(
        Diagnostic::warning(
            Code::ThemePage,
            format!("{rel} has no text: it stands for a theme's search page, and attune writes its own (/search/), so this file is not published"),
        )
        .at(&source.path, 1, 1)
        .help("to publish a page of your own here, give it text and another file name"),
    ))
}

/// The page kinds a Hugo theme makes from a content file that holds only front
/// matter (`layout: archives` in the Stack theme's `page/archives/index.md`), and what
/// attune has in their place.
const THEME_LAYOUTS: &[(&str, &str)] = &[
    ("archives", "its hubs and tag pages list the articles"),
    ("archive", "its hubs and tag pages list the articles"),
    ("search", "it writes its own search page (/search/)"),
    ("links", "a page of links needs its links written as text"),
    ("taxonomy", "it writes its own tag list (/tags/)"),
    ("terms", "it writes its own tag list (/tags/)"),
];

/// A page with no text whose `layout:` names a page a Hugo theme makes by itself
/// ([`THEME_LAYOUTS`]), when it is a page of its own: a file, or a bundle's `index.md`
/// with no other Markdown in its folder (a section's `_index.md`, or an `index.md` over
/// other pages, has pages to list, so it stays). Published, it would be an empty page.
pub(super) fn theme_layout_page(
    source: &Source,
    below: &HashMap<String, usize>,
) -> Option<Diagnostic> {
    if !source.body().trim().is_empty() {
        return None;
    }
    let rel = source.rel.to_string_lossy().replace('\\', "/");
    let name = rel.rsplit('/').next().unwrap_or(&rel);
    if name.starts_with("_index.") {
        return None;
    }
    if name.starts_with("index.") {
        let folder = rel.rsplit_once('/').map_or("", |(f, _)| f);
        if folder.is_empty() || below.get(folder).is_some_and(|&n| n > 1) {
            return None;
        }
    }
    let layout = front_value(&source.text[..source.body_start], "layout")?;
    let (kind, instead) = THEME_LAYOUTS
        .iter()
        .find(|(kind, _)| layout.eq_ignore_ascii_case(kind))?;
    Some(
        Diagnostic::warning(
            Code::ThemePage,
            format!("{rel} has no text and `layout: {layout}`: it stands for a theme's {kind} page, which attune does not publish ({instead}), so this file is not published"),
        )
        .at(&source.path, 1, 1)
        .help("to publish a page here, give it text"),
    )
}

/// The value of a top-level front matter key written on a line of its own, YAML's
/// `key: value`, TOML's `key = "value"` or JSON's `"key": "value",`, without quotes.
fn front_value(front: &str, key: &str) -> Option<String> {
    front.lines().find_map(|line| {
        let json = line.trim_start().strip_prefix('"');
        let rest = match json {
            Some(quoted) => quoted.strip_prefix(key)?.strip_prefix('"')?,
            None => line.strip_prefix(key)?,
        }
        .trim_start();
        let value = rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))?;
        let value = value.trim();
        let value = if json.is_some() {
            value.trim_end_matches(',').trim_end()
        } else {
            value
        };
        let value = value.trim_matches(|c| c == '"' || c == '\'');
        (!value.is_empty()).then(|| value.to_string())
    })
}
