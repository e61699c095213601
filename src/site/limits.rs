//! What the file system and URLs can hold, checked in the model so `check` reports
//! everything `build` would fail on: addresses with no letters or digits, path
//! segments too long for a file name, control characters in aliases.

use super::{normalise_alias, Site};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};

pub use crate::text::{too_long, MAX_SEGMENT};

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
                let slug = crate::text::tag_slug(tag);
                // Parsed for the position only when there is something to report.
                let at = || tag_position(&article.front_spans(), tag);
                if slug.is_empty() {
                    let (l, c) = at();
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
                    let (l, c) = at();
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
                let at = |alias: &str| article.front_value(&["aliases"], alias);
                // An alias that is not a URL path is another name for wikilinks: it
                // never becomes a folder, so only a control character matters, and
                // only because no link can be written with it.
                let is_path = alias.trim().starts_with('/');
                if let Some(bad) = alias.chars().find(|c| c.is_control()) {
                    let (l, c) = at(alias);
                    let (message, help) = if is_path {
                        (
                            "which no URL or file name can",
                            "write an old URL path such as /patterns/old-name/",
                        )
                    } else {
                        (
                            "so no wikilink can name the page by it",
                            "write the name on one line, as a reader would type it in `[[…]]`",
                        )
                    };
                    let message = format!(
                        "alias '{}' holds the control character U+{:04X}, {message}",
                        alias.escape_debug(),
                        bad as u32
                    );
                    let diagnostic = if is_path {
                        Diagnostic::error(Code::BadAlias, message)
                    } else {
                        Diagnostic::warning(Code::BadAlias, message)
                    };
                    diagnostics.push(diagnostic.at(&article.path, l, c).help(help));
                    continue;
                }
                if !is_path {
                    continue;
                }
                let url = normalise_alias(alias);
                if let Some(why) = too_long(&url) {
                    let (l, c) = at(alias);
                    diagnostics.push(
                        Diagnostic::error(Code::AliasTooLong, format!("alias has {why}")).at(
                            &article.path,
                            l,
                            c,
                        ),
                    );
                }
            }
        }
    }
}

/// Where `tag` is written in an article's front matter: in `tags`, or in Zola's
/// `[taxonomies] tags`; else where `tags` is, or the first line.
pub(super) fn tag_position(spans: &crate::load::Spans, tag: &str) -> (usize, usize) {
    use crate::load::Step;
    let tags = [Step::key("tags")];
    let taxonomies = [Step::key("taxonomies"), Step::key("tags")];
    spans
        .find_value(&tags, tag)
        .or_else(|| spans.find_value(&taxonomies, tag))
        .or_else(|| spans.key(&tags))
        .or_else(|| spans.key(&taxonomies))
        .unwrap_or((1, 1))
}
