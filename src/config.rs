//! `book.toml` → [`Config`]: every key typed, defaulted and documented; unknown keys are
//! errors that name the nearest valid key.

use crate::diagnostic::{nearest, Diagnostic};
use crate::text::line_col;
use serde::Deserialize;
use std::path::Path;

pub const FILE_NAME: &str = "book.toml";

/// The whole of `book.toml`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub site: Site,
    /// Topics in the order the home page shows them.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Typed cross-references articles may declare in front matter.
    #[serde(default)]
    pub relations: Vec<RelationKind>,
    #[serde(default)]
    pub build: Build,
    #[serde(default)]
    pub safety: Safety,
    #[serde(default)]
    pub review: Review,
    #[serde(default)]
    pub readability: Readability,
    #[serde(default)]
    pub search: Search,
    #[serde(default)]
    pub related: RelatedWeights,
    #[serde(default)]
    pub front_matter: FrontMatterKeys,
}

/// `[front_matter]`: keys the site's articles use on purpose (for Obsidian, Hugo or a
/// plugin), which attune then ignores without a warning.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FrontMatterKeys {
    #[serde(default)]
    pub allow: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// BCP 47 language tag for `<html lang>`; default `en`.
    #[serde(default = "default_language")]
    pub language: String,
    /// Absolute URL the site is published at; used for sitemap, feed, canonical links.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Shown in the footer, e.g. the publishing organisation.
    #[serde(default)]
    pub publisher: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationKind {
    /// The key under `relations:` in front matter.
    pub name: String,
    /// Heading on the article that declares the relation.
    pub label: String,
    /// Heading on each target article.
    pub inverse_label: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Build {
    /// Theme folder under `themes/` whose templates override the default theme's.
    #[serde(default)]
    pub theme: Option<String>,
    /// Curly quotes, en and em dashes, ellipses. Default true.
    #[serde(default = "yes")]
    pub smart_punctuation: bool,
    /// Content folder, relative to the site root. Default `content`.
    #[serde(default = "default_content_dir")]
    pub content_dir: String,
    /// Output folder, relative to the site root. Default `public`.
    #[serde(default = "default_output_dir")]
    pub output_dir: String,
    /// Also write `offline.zip`, the offline edition readers can download. Default true.
    #[serde(default = "yes")]
    pub offline_zip: bool,
    /// Strip scripts, event handlers and `javascript:` links from raw HTML in articles,
    /// for sites that accept outside contributions. Default false.
    #[serde(default)]
    pub sanitize_html: bool,
    /// What a wikilink to a note not written yet is: `warn` (default: shown as plain
    /// text, with a warning) or `error`.
    #[serde(default)]
    pub missing_links: MissingLinks,
}

/// How a wikilink to a note that does not exist is treated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MissingLinks {
    /// Plain text on the page and a warning, as in a vault with notes still to write.
    #[default]
    Warn,
    /// A build error.
    Error,
}

impl Default for Build {
    fn default() -> Self {
        Self {
            theme: None,
            smart_punctuation: true,
            content_dir: default_content_dir(),
            output_dir: default_output_dir(),
            offline_zip: true,
            sanitize_html: false,
            missing_links: MissingLinks::Warn,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    /// Text of the crisis banner shown at the top of every page.
    #[serde(default)]
    pub crisis_text: Option<String>,
    /// Emergency routes (e.g. "In immediate danger? Call 999, 911 or 112"), shown with
    /// the crisis lines in the banner, on paper and on the "When to get help" page.
    #[serde(default)]
    pub emergency_text: Option<String>,
    /// Named blocks of help (e.g. `domestic-abuse`) that articles show with `safety:`.
    #[serde(default)]
    pub blocks: Vec<SafetyBlock>,
    #[serde(default)]
    pub crisis_links: Vec<Link>,
    /// Show a quick-exit button and listen for Shift pressed three times.
    #[serde(default)]
    pub quick_exit: bool,
    #[serde(default = "default_quick_exit_url")]
    pub quick_exit_url: String,
    /// Shown in the footer of every page.
    #[serde(default)]
    pub disclaimer: Option<String>,
}

/// A named, dialable block of help defined once and shown on every article that
/// names it in `safety:`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyBlock {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    pub href: String,
}

impl Link {
    /// What a printed page shows for the link: its number or address, or `None` when
    /// the label already says it (`US: call or text 988` for `tel:988`).
    pub fn print_address(&self) -> Option<String> {
        let href = self.href.trim();
        let (scheme, rest) = href.split_once(':')?;
        let shown = match scheme.to_ascii_lowercase().as_str() {
            "tel" | "sms" => {
                let digits: String = rest.chars().filter(|c| c.is_ascii_digit()).collect();
                let label: String = self.label.chars().filter(|c| c.is_ascii_digit()).collect();
                if digits.is_empty() || label.contains(&digits) {
                    return None;
                }
                rest.split(['?', ';']).next().unwrap_or(rest).to_string()
            }
            "mailto" => rest.split('?').next().unwrap_or(rest).to_string(),
            "http" | "https" => {
                let bare = rest.trim_start_matches('/');
                let bare = bare.strip_prefix("www.").unwrap_or(bare);
                bare.trim_end_matches('/').to_string()
            }
            _ => return None,
        };
        (!shown.is_empty() && !self.label.contains(&shown)).then_some(shown)
    }
}

/// Whether `url`'s host is a documentation placeholder (`example.org`, `example.com`,
/// `example.net` and their subdomains, or a reserved `.example`, `.test`, `.invalid`
/// or `.localhost` name): an address that leads nowhere once printed or shared.
pub fn is_placeholder_url(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host
        .split(':')
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    ["example.org", "example.com", "example.net"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || ["example", "test", "invalid", "localhost"]
            .iter()
            .any(|t| host == *t || host.ends_with(&format!(".{t}")))
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Months after `last_reviewed` a review falls due when an article sets no `next_review`.
    #[serde(default = "default_interval")]
    pub interval_months: u32,
    /// An article (in a topic) that is not `review.status: approved` is a build error.
    #[serde(default)]
    pub require_approval: bool,
}

impl Default for Review {
    fn default() -> Self {
        Self {
            interval_months: default_interval(),
            require_approval: false,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Readability {
    /// Grade above which `attune check` warns, by Flesch–Kincaid and by SMOG alike.
    #[serde(default = "default_max_grade")]
    pub max_grade: f64,
    /// Reading speed used for reading time.
    #[serde(default = "default_wpm")]
    pub words_per_minute: u32,
}

impl Default for Readability {
    fn default() -> Self {
        Self {
            max_grade: default_max_grade(),
            words_per_minute: default_wpm(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Search {
    /// Groups of words and phrases a query treats as one.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
}

/// How much each kind of shared connection counts toward "Related articles".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedWeights {
    #[serde(default = "default_tag_weight")]
    pub tags: f64,
    #[serde(default = "default_relation_weight")]
    pub relations: f64,
    #[serde(default = "default_citation_weight")]
    pub citations: f64,
    #[serde(default = "default_link_weight")]
    pub links: f64,
    /// How many related articles to show.
    #[serde(default = "default_related_count")]
    pub count: usize,
}

impl Default for RelatedWeights {
    fn default() -> Self {
        Self {
            tags: default_tag_weight(),
            relations: default_relation_weight(),
            citations: default_citation_weight(),
            links: default_link_weight(),
            count: default_related_count(),
        }
    }
}

fn yes() -> bool {
    true
}
fn default_language() -> String {
    "en".into()
}
fn default_content_dir() -> String {
    "content".into()
}
fn default_output_dir() -> String {
    "public".into()
}
fn default_quick_exit_url() -> String {
    "https://www.bbc.co.uk/weather".into()
}
fn default_interval() -> u32 {
    24
}
fn default_max_grade() -> f64 {
    8.0
}
fn default_wpm() -> u32 {
    200
}
fn default_tag_weight() -> f64 {
    1.0
}
fn default_relation_weight() -> f64 {
    2.0
}
fn default_citation_weight() -> f64 {
    0.5
}
fn default_link_weight() -> f64 {
    1.5
}
fn default_related_count() -> usize {
    5
}

impl Config {
    /// Parses `book.toml` text; `file` names it in diagnostics.
    pub fn parse(text: &str, file: &Path) -> Result<Config, Vec<Diagnostic>> {
        let config: Config =
            toml::from_str(text).map_err(|e| vec![toml_diagnostic(&e, text, file)])?;
        let problems = config.validate(text, file);
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn safety_block(&self, id: &str) -> Option<&SafetyBlock> {
        self.safety.blocks.iter().find(|b| b.id == id)
    }

    pub fn relation(&self, name: &str) -> Option<&RelationKind> {
        self.relations.iter().find(|r| r.name == name)
    }

    /// The base URL with exactly one trailing slash, if set.
    pub fn base_url(&self) -> Option<String> {
        self.site
            .base_url
            .as_ref()
            .map(|u| format!("{}/", u.trim_end_matches('/')))
    }

    /// The path the site is published under, from `base_url` (`/` for a site at the
    /// root of its host, `/library/` under a sub-path); `None` without a `base_url`.
    pub fn base_path(&self) -> Option<String> {
        let url = self.base_url()?;
        let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
        let path = rest.find('/').map_or("/", |i| &rest[i..]);
        let path = path.split(['?', '#']).next().unwrap_or("/");
        Some(if path.ends_with('/') {
            path.to_string()
        } else {
            format!("{path}/")
        })
    }

    /// Whether `base_url` is set to a placeholder address (see [`is_placeholder_url`]).
    pub fn base_url_is_placeholder(&self) -> bool {
        self.site
            .base_url
            .as_deref()
            .is_some_and(is_placeholder_url)
    }

    fn validate(&self, text: &str, file: &Path) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let at = |needle: &str| {
            let offset = text.find(needle).unwrap_or(0);
            line_col(text, offset)
        };
        if self.site.title.trim().is_empty() {
            let (l, c) = at("title");
            problems
                .push(Diagnostic::error("config", "`site.title` must not be empty").at(file, l, c));
        }
        let mut seen = std::collections::BTreeSet::new();
        for topic in &self.topics {
            if !is_slug(&topic.id) {
                let (l, c) = at(&format!("\"{}\"", topic.id));
                problems.push(
                    Diagnostic::error(
                        "config",
                        format!("topic id '{}' is not a valid URL segment", topic.id),
                    )
                    .at(file, l, c)
                    .help("use lowercase letters, digits and hyphens"),
                );
            }
            if !seen.insert(topic.id.as_str()) {
                let (l, c) = at(&format!("\"{}\"", topic.id));
                problems.push(
                    Diagnostic::error("config", format!("topic '{}' is declared twice", topic.id))
                        .at(file, l, c),
                );
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for relation in &self.relations {
            if !seen.insert(relation.name.as_str()) {
                let (l, c) = at(&format!("\"{}\"", relation.name));
                problems.push(
                    Diagnostic::error(
                        "config",
                        format!("relation '{}' is declared twice", relation.name),
                    )
                    .at(file, l, c),
                );
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for block in &self.safety.blocks {
            let (l, c) = at(&format!("\"{}\"", block.id));
            if !is_slug(&block.id) {
                problems.push(
                    Diagnostic::error(
                        "config",
                        format!("safety block id '{}' is not a valid id", block.id),
                    )
                    .at(file, l, c)
                    .help("use lowercase letters, digits and hyphens, e.g. `domestic-abuse`"),
                );
            }
            if !seen.insert(block.id.as_str()) {
                problems.push(
                    Diagnostic::error(
                        "config",
                        format!("safety block '{}' is declared twice", block.id),
                    )
                    .at(file, l, c),
                );
            }
            for link in &block.links {
                let href = link.href.trim().to_ascii_lowercase();
                let allowed = ["tel:", "sms:", "mailto:", "https://", "http://"];
                if !allowed.iter().any(|p| href.starts_with(p)) {
                    let (l, c) = at(&link.href);
                    problems.push(
                        Diagnostic::error(
                            "config",
                            format!(
                                "safety block '{}' links to '{}', which a reader cannot dial or open",
                                block.id, link.href
                            ),
                        )
                        .at(file, l, c)
                        .help("use `tel:`, `sms:`, `mailto:` or an `https://` address"),
                    );
                }
            }
        }
        // Numbers out of range would silently wrap dates, disable checks (NaN) or
        // print nonsense ("44 min read" from a zero): refused where they are written.
        let mut range = |key: &str, ok: bool, value: String, allowed: &str| {
            if !ok {
                let (l, c) = at(key);
                problems.push(
                    Diagnostic::error(
                        "config",
                        format!("`{key}` is {value}; it must be {allowed}"),
                    )
                    .at(file, l, c),
                );
            }
        };
        let months = self.review.interval_months;
        range(
            "interval_months",
            (1..=120).contains(&months),
            months.to_string(),
            "a whole number of months from 1 to 120",
        );
        let wpm = self.readability.words_per_minute;
        range(
            "words_per_minute",
            (50..=1000).contains(&wpm),
            wpm.to_string(),
            "from 50 to 1000",
        );
        let grade = self.readability.max_grade;
        range(
            "max_grade",
            grade.is_finite() && (0.0..=30.0).contains(&grade),
            grade.to_string(),
            "a grade from 0 to 30",
        );
        let weights = &self.related;
        for (key, weight) in [
            ("tags", weights.tags),
            ("relations", weights.relations),
            ("citations", weights.citations),
            ("links", weights.links),
        ] {
            range(
                key,
                weight.is_finite() && (0.0..=1000.0).contains(&weight),
                weight.to_string(),
                "a weight from 0 to 1000",
            );
        }
        range(
            "count",
            weights.count <= 100,
            weights.count.to_string(),
            "at most 100",
        );
        if let Some(url) = &self.site.base_url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                let (l, c) = at("base_url");
                problems.push(
                    Diagnostic::error(
                        "config",
                        format!("`site.base_url` '{url}' is not an absolute http(s) URL"),
                    )
                    .at(file, l, c),
                );
            }
        }
        problems
    }
}

/// Lowercase letters, digits and single hyphens: safe as a path segment everywhere.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !s.starts_with('-')
}

/// Turns a toml error into a diagnostic at its position, suggesting the nearest key
/// when the problem is an unknown one.
fn toml_diagnostic(error: &toml::de::Error, text: &str, file: &Path) -> Diagnostic {
    let (line, column) = error
        .span()
        .map_or((0, 0), |span| line_col(text, span.start));
    let message = error.message().trim().to_string();
    let mut diagnostic = Diagnostic::error("config", message.clone()).at(file, line, column);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let wrong = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest
            .split_once("expected")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        diagnostic.message = format!("unknown key `{wrong}` in {}", file.display());
        diagnostic = match nearest(wrong, expected.iter().copied()) {
            Some(best) => diagnostic.help(format!("did you mean `{best}`?")),
            None if !expected.is_empty() => {
                diagnostic.help(format!("valid keys here: {}", expected.join(", ")))
            }
            None => diagnostic,
        };
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(text, Path::new("book.toml"))
    }

    #[test]
    fn defaults_fill_everything_but_the_title() {
        let config = parse("[site]\ntitle = \"T\"\n").unwrap();
        assert_eq!(config.site.language, "en");
        assert_eq!(config.build.output_dir, "public");
        assert!(config.build.smart_punctuation);
        assert_eq!(config.review.interval_months, 24);
        assert!(!config.review.require_approval);
        assert!(config.safety.blocks.is_empty());
        assert_eq!(config.related.count, 5);
    }

    #[test]
    fn numbers_are_range_checked_where_written() {
        for (table, key, value) in [
            ("review", "interval_months", "4294967295"),
            ("review", "interval_months", "0"),
            ("readability", "words_per_minute", "0"),
            ("readability", "words_per_minute", "100000"),
            ("readability", "max_grade", "nan"),
            ("readability", "max_grade", "inf"),
            ("readability", "max_grade", "-3.0"),
            ("related", "tags", "nan"),
            ("related", "links", "-1.0"),
            ("related", "count", "1000000"),
        ] {
            let text = format!("[site]\ntitle = \"T\"\n\n[{table}]\n{key} = {value}\n");
            let errors = parse(&text).unwrap_err();
            assert_eq!(errors.len(), 1, "{key} = {value}: {errors:?}");
            assert!(errors[0].message.contains(key), "{}", errors[0].message);
            assert_eq!(
                (errors[0].line, errors[0].column),
                (5, 1),
                "{key} = {value}"
            );
        }
        let ok = "[site]\ntitle = \"T\"\n[review]\ninterval_months = 12\n[readability]\nwords_per_minute = 250\nmax_grade = 9.5\n";
        assert!(parse(ok).is_ok());
        // A negative number of months does not even parse into the unsigned field.
        assert!(parse("[site]\ntitle = \"T\"\n[review]\ninterval_months = -5\n").is_err());
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let errors = parse("[site]\ntitle = \"T\"\ndescripton = \"x\"\n").unwrap_err();
        assert_eq!(errors[0].message, "unknown key `descripton` in book.toml");
        assert_eq!(
            errors[0].help.as_deref(),
            Some("did you mean `description`?")
        );
        assert_eq!((errors[0].line, errors[0].column), (3, 1));
    }

    #[test]
    fn safety_blocks_are_checked() {
        let config = parse(
            "[site]\ntitle = \"T\"\n[[safety.blocks]]\nid = \"domestic-abuse\"\ntitle = \"If you are not safe at home\"\nlinks = [{ label = \"Call\", href = \"tel:08082000247\" }]\n",
        )
        .unwrap();
        assert_eq!(
            config.safety_block("domestic-abuse").unwrap().links[0].href,
            "tel:08082000247"
        );
        let errors = parse(
            "[site]\ntitle = \"T\"\n[[safety.blocks]]\nid = \"a\"\ntitle = \"A\"\nlinks = [{ label = \"x\", href = \"javascript:alert(1)\" }]\n[[safety.blocks]]\nid = \"a\"\ntitle = \"B\"\n",
        )
        .unwrap_err();
        assert!(errors.iter().any(|e| e.message.contains("cannot dial")));
        assert!(errors.iter().any(|e| e.message.contains("declared twice")));
    }

    #[test]
    fn duplicate_topics_are_errors() {
        let errors = parse(
            "[site]\ntitle = \"T\"\n[[topics]]\nid = \"a\"\ntitle = \"A\"\n[[topics]]\nid = \"a\"\ntitle = \"B\"\n",
        )
        .unwrap_err();
        assert!(errors[0].message.contains("declared twice"));
    }

    #[test]
    fn placeholder_addresses_are_recognised() {
        for url in [
            "https://example.org/",
            "https://understanding-emotional-neglect.example.org/",
            "http://www.example.com/lib/",
            "https://site.example/",
            "https://my.test:8080/",
            "https://user@example.net/x",
        ] {
            assert!(is_placeholder_url(url), "{url}");
        }
        for url in [
            "https://example-org.net/",
            "https://examples.org/",
            "https://nhs.uk/",
            "https://counterexample.org/",
        ] {
            assert!(!is_placeholder_url(url), "{url}");
        }
    }

    #[test]
    fn crisis_links_print_the_number_or_address_the_label_lacks() {
        let link = |label: &str, href: &str| Link {
            label: label.into(),
            href: href.into(),
        };
        assert_eq!(
            link("US: call or text 988", "tel:988").print_address(),
            None
        );
        assert_eq!(
            link("Samaritans 116 123", "tel:116123").print_address(),
            None
        );
        assert_eq!(
            link("Samaritans", "tel:116123").print_address().as_deref(),
            Some("116123")
        );
        assert_eq!(
            link("Elsewhere: find a helpline", "https://findahelpline.com/")
                .print_address()
                .as_deref(),
            Some("findahelpline.com")
        );
        assert_eq!(
            link("Email us", "mailto:help@x.org?subject=hi")
                .print_address()
                .as_deref(),
            Some("help@x.org")
        );
        assert_eq!(
            link("Crisis text", "sms:85258").print_address().as_deref(),
            Some("85258")
        );
    }

    #[test]
    fn base_path_comes_from_base_url() {
        let with = |url: &str| {
            let text = format!("[site]\ntitle = \"T\"\nbase_url = \"{url}\"\n");
            parse(&text).unwrap().base_path()
        };
        assert_eq!(with("https://a.org").as_deref(), Some("/"));
        assert_eq!(with("https://a.org/lib").as_deref(), Some("/lib/"));
        assert_eq!(with("https://a.org/lib/sub/").as_deref(), Some("/lib/sub/"));
    }
}
