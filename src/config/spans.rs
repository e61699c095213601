//! Where the values `validate` checks are written in `book.toml`, from the toml
//! parser's spans: a problem is reported at the value itself (the second of two
//! duplicate topics, not the first text that looks like it).

use serde::Deserialize;
use toml::Spanned;

/// A value's byte range, whatever its type.
pub(super) type At = Option<Spanned<serde::de::IgnoredAny>>;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Spans {
    pub site: SiteSpans,
    pub build: BuildSpans,
    pub topics: Vec<IdSpan>,
    pub relations: Vec<NameSpan>,
    pub safety: SafetySpans,
    pub review: ReviewSpans,
    pub readability: ReadabilitySpans,
    pub related: RelatedSpans,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct SiteSpans {
    pub title: At,
    pub base_url: At,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct BuildSpans {
    pub content_dir: At,
    pub include_root: At,
    pub static_dir: At,
    pub downloads: Vec<At>,
    pub exclude: Vec<At>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct IdSpan {
    pub id: At,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NameSpan {
    pub name: At,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct SafetySpans {
    pub blocks: Vec<BlockSpan>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct BlockSpan {
    pub id: At,
    pub links: Vec<HrefSpan>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct HrefSpan {
    pub href: At,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ReviewSpans {
    pub interval_months: At,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ReadabilitySpans {
    pub words_per_minute: At,
    pub max_grade: At,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct RelatedSpans {
    pub tags: At,
    pub relations: At,
    pub citations: At,
    pub links: At,
    pub count: At,
}

impl Spans {
    /// The spans of `text`, which has already parsed as a config (so this parse
    /// succeeds; if it did not, positions fall back to the top of the file).
    pub fn of(text: &str) -> Spans {
        toml::from_str(text).unwrap_or_default()
    }
}

/// Where each entry of `[build] exclude` is written in `text` (line, column).
pub(super) fn exclude_at(text: &str) -> Vec<(usize, usize)> {
    let spans = Spans::of(text);
    let at = |s: &At| crate::text::line_col(text, start(s));
    spans.build.exclude.iter().map(at).collect()
}

/// The byte offset a value starts at, or 0.
pub(super) fn start(at: &At) -> usize {
    at.as_ref().map_or(0, |s| s.span().start)
}

/// The byte offset of the key a value is written under (`key = value`), found from
/// the value's span by stepping back over ` = ` and the key; the value's own offset
/// when the text before it is not a key (or the value was not written), 0 if absent.
pub(super) fn key_start(text: &str, at: &At) -> usize {
    match at.as_ref() {
        Some(s) => key_start_at(text, s.span().start),
        None => 0,
    }
}

/// [`key_start`] of the value that starts at byte `value`.
pub(super) fn key_start_at(text: &str, value: usize) -> usize {
    let blank = [' ', '\t'];
    let Some(before) = text
        .get(..value)
        .map(|t| t.trim_end_matches(blank))
        .and_then(|t| t.strip_suffix('='))
        .map(|t| t.trim_end_matches(blank))
    else {
        return value;
    };
    let key = match before.strip_suffix(['"', '\'']) {
        // A quoted key: back to its opening quote (keys here hold no escaped quote).
        Some(inner) => inner.rfind(['"', '\'']),
        None => Some(
            before
                .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                .len(),
        ),
    };
    key.filter(|&k| k < before.len()).unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_of_a_value_is_found_from_its_span() {
        let text = "[review]\ninterval_months = 0\n[site]\n\"title\"\t=  \"\"\n[readability]\nx.max_grade=1\n";
        let spans = Spans::of(text);
        let at = |offset: usize| crate::text::line_col(text, offset);
        assert_eq!(at(key_start(text, &spans.review.interval_months)), (2, 1));
        assert_eq!(at(start(&spans.review.interval_months)), (2, 19));
        assert_eq!(at(key_start(text, &spans.site.title)), (4, 1));
        assert_eq!(key_start(text, &spans.readability.max_grade), 0);
        let dotted = "readability.max_grade = 1\n";
        let spans = Spans::of(dotted);
        assert_eq!(key_start(dotted, &spans.readability.max_grade), 12);
    }
}
