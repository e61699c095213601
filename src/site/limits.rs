//! What the file system and URLs can hold, checked in the model so `check` reports
//! everything `build` would fail on: addresses with no letters or digits, path
//! segments too long for a file name, control characters in aliases.

use super::{front_position, normalise_alias, Site};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::slugify;

/// The longest path segment (slug, tag, alias part) accepted, in bytes. File systems
/// take 255 bytes per name; the rest is room for what a build adds beside it.
pub const MAX_SEGMENT: usize = 200;

impl Site {
    pub(super) fn check_limits(&self, diagnostics: &mut Diagnostics) {
        for article in &self.articles {
            if article.slug.len() > MAX_SEGMENT {
                diagnostics.push(
                    Diagnostic::error(
                        Code::SlugTooLong,
                        format!(
                            "the file name gives a slug of {} bytes; at most {MAX_SEGMENT} fit in a file name",
                            article.slug.len()
                        ),
                    )
                    .in_file(&article.path)
                    .help("rename the file to something shorter"),
                );
            }
            for tag in &article.front.tags {
                let slug = slugify(tag);
                let (l, c) = tag_position(article, tag);
                if slug.is_empty() {
                    diagnostics.push(
                        Diagnostic::error(
                            Code::BadTag,
                            format!(
                                "tag '{tag}' has no letters or digits to make its page's address from"
                            ),
                        )
                        .at(&article.path, l, c)
                        .help("use a tag with at least one letter or digit"),
                    );
                } else if slug.len() > MAX_SEGMENT {
                    diagnostics.push(
                        Diagnostic::error(
                            Code::TagTooLong,
                            format!(
                                "tag of {} characters is too long for its page's address (at most {MAX_SEGMENT} bytes)",
                                tag.chars().count()
                            ),
                        )
                        .at(&article.path, l, c)
                        .help("tags are short labels; use a shorter one"),
                    );
                }
            }
            for alias in &article.front.aliases {
                let at = |needle: &str| match front_position(article, needle) {
                    (1, 1) => front_position(article, "aliases"),
                    found => found,
                };
                if let Some(bad) = alias.chars().find(|c| c.is_control()) {
                    let (l, c) = at(alias);
                    diagnostics.push(
                        Diagnostic::error(
                            Code::BadAlias,
                            format!(
                                "alias '{}' holds the control character U+{:04X}, which no URL or file name can",
                                alias.escape_debug(),
                                bad as u32
                            ),
                        )
                        .at(&article.path, l, c)
                        .help("write an old URL path such as /patterns/old-name/"),
                    );
                    continue;
                }
                let url = normalise_alias(alias);
                if let Some(long) = url.split('/').find(|s| s.len() > MAX_SEGMENT) {
                    let (l, c) = at(alias);
                    diagnostics.push(
                        Diagnostic::error(
                            Code::AliasTooLong,
                            format!(
                                "alias has a path segment of {} bytes; at most {MAX_SEGMENT} fit in a file name",
                                long.len()
                            ),
                        )
                        .at(&article.path, l, c),
                    );
                }
            }
        }
    }
}

/// Where `tag` is written in the article's front matter: after the `tags` key, quoted
/// or plain.
fn tag_position(article: &super::Article, tag: &str) -> (usize, usize) {
    let head = &article.front_matter;
    let Some(key) = head.find("tags") else {
        return front_position(article, tag);
    };
    let after = &head[key..];
    [format!("\"{tag}\""), format!("'{tag}'"), tag.to_string()]
        .iter()
        .find_map(|needle| after.find(needle.as_str()))
        .map_or_else(
            || front_position(article, "tags"),
            |i| crate::text::line_col(head, key + i),
        )
}
