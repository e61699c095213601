//! `[permalinks.term]` and `[permalinks.taxonomy]`, Hugo's addresses for its taxonomy
//! pages, pasted as they are: attune's tags are Hugo's `tags` taxonomy, so the address
//! a pattern gives a term (`/topics/:slug/`) is an old address of attune's page of
//! that tag, and the taxonomy's (`/topics/`) one of the tag list: a redirect page, and
//! links written to it lead there. Other taxonomies have no pages here.

use super::urls::{Kind, Owner, UrlTable};
use super::{Moved, Site};
use crate::config::{permalink_pattern, Part, PermalinkKind};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};

impl Site {
    /// Claims the old address each `term` pattern gives each tag, and the `taxonomy`
    /// pattern the tag list, as redirects into `moved`; a pattern for another
    /// taxonomy, or one that needs what a tag has not (a date), is a warning at it.
    pub(super) fn claim_tag_permalinks(
        &mut self,
        table: &mut UrlTable,
        diagnostics: &mut Diagnostics,
    ) {
        let permalinks = &self.config.permalinks;
        let file = permalinks.file().to_path_buf();
        let file = file.as_path();
        let (entries, rules) = (permalinks.entries.clone(), permalinks.rules.clone());
        let language = self.config.site.language.to_lowercase();
        let what = |term: bool| if term { "term" } else { "taxonomy" };
        for (kind, entry) in &entries {
            let term = match kind {
                PermalinkKind::Term => true,
                PermalinkKind::Taxonomy => false,
                _ => continue,
            };
            if entry.key != "tags" {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::Config,
                        format!("`permalinks.{}.{}`: attune publishes one taxonomy, `tags`, so Hugo's `{}` pages have no page here and this permalink is not read", what(term), entry.key, entry.key),
                    )
                    .at(file, entry.at.0, entry.at.1)
                    .help("move the taxonomy's terms into `tags:`, or remove the entry"),
                );
            }
        }
        // The tag list (Hugo's taxonomy page), then each tag's page (a term page), with
        // Hugo's logical path for each.
        let mut pages = vec![(
            "tags/".to_string(),
            "Tags".to_string(),
            false,
            "/tags".to_string(),
        )];
        pages.extend(self.tags.iter().map(|(slug, tag)| {
            (
                format!("tags/{slug}/"),
                tag.name.clone(),
                true,
                format!("/tags/{slug}"),
            )
        }));
        let mut warned = Vec::new();
        for (url, name, term, logical) in pages {
            let wanted = if term {
                PermalinkKind::Term
            } else {
                PermalinkKind::Taxonomy
            };
            let by_map = entries
                .iter()
                .find(|(k, e)| *k == wanted && e.key == "tags")
                .map(|(_, e)| e);
            let by_rule = || {
                rules
                    .iter()
                    .find(|r| r.matches(&logical, what(term), &language))
                    .map(|r| &r.pattern)
            };
            let Some(entry) = by_map.or_else(by_rule) else {
                continue;
            };
            let raw = match taxonomy_address(&entry.value, &name) {
                Ok(raw) => raw,
                Err(missing) => {
                    if !warned.contains(&entry.value_at) {
                        warned.push(entry.value_at);
                        diagnostics.push(
                            Diagnostic::warning(
                                Code::BadAlias,
                                format!("the {} permalink '{}' needs {missing}, which attune's tag pages have not: not read for them", what(term), entry.value),
                            )
                            .at(file, entry.value_at.0, entry.value_at.1)
                            .help("use the tokens a tag has: :slug, :title, :section"),
                        );
                    }
                    continue;
                }
            };
            let address = super::normalise_alias(&raw);
            if address.is_empty() || address == url || self.moved.contains_key(&address) {
                continue;
            }
            let whose = format!("the Hugo {} permalink of '{url}'", what(term));
            let owner = Owner::content(whose, file, entry.value_at.0, entry.value_at.1);
            // A term Hugo published as a file (`/topics/:slug.html`): that file too.
            if let Some(path) = super::alias_file(&raw) {
                if table.claim(&path, Kind::Redirect, owner.clone(), diagnostics) {
                    self.moved_files.insert(path, moved(&url, &name));
                }
            }
            let page = format!("{address}index.html");
            if table.claim(&page, Kind::Redirect, owner, diagnostics) {
                self.moved.insert(address, moved(&url, &name));
            }
        }
    }
}

fn moved(url: &str, name: &str) -> Moved {
    Moved {
        url: url.to_string(),
        part: None,
        title: name.to_string(),
    }
}

/// The address a Hugo pattern gives the taxonomy page or term page named `name`
/// (`Tags`, or a tag as articles write it), as Hugo fills it for them: `:slug`,
/// `:title` and the content base name are the name, URLized; the section is the
/// taxonomy, `tags`. `Err` names what it lacks (a date).
pub(super) fn taxonomy_address(pattern: &str, name: &str) -> Result<String, &'static str> {
    let parts = permalink_pattern(pattern).map_err(|_| "a token Hugo defines")?;
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Text(t) => out.push_str(&t),
            Part::Layout(_) => return Err("a date"),
            Part::Token(token, _) => match token.as_str() {
                "year" | "month" | "monthname" | "day" | "weekday" | "weekdayname" | "yearday" => {
                    return Err("a date")
                }
                "section" | "sectionslug" | "sections" | "sectionslugs" => out.push_str("tags"),
                _ => out.push_str(&super::permalinks::urlize(name)),
            },
        }
    }
    while out.contains("//") {
        out = out.replace("//", "/");
    }
    Ok(out.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_filled_in_as_hugo_fills_it() {
        assert_eq!(
            taxonomy_address("/topics/:slug/", "Self Care").unwrap(),
            "/topics/self-care/"
        );
        assert_eq!(
            taxonomy_address("/:section/:title", "A").unwrap(),
            "/tags/a"
        );
        assert_eq!(taxonomy_address("/:year/:slug/", "a"), Err("a date"));
        assert_eq!(taxonomy_address("/:2006/:slug/", "a"), Err("a date"));
    }
}
