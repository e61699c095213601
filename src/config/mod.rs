//! `book.toml` → [`Config`]: every key typed, defaulted and documented; unknown keys are
//! errors that name the nearest valid key. Each table's defaults are written once, in
//! its `impl Default` (`#[serde(default)]` fills left-out keys from it); a test holds
//! them to the README's book.toml reference.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::path::Path;

mod addresses;
mod base;
mod folders;
pub use folders::below_content;
mod gitbook;
mod hugo_permalinks;
mod translations;
pub use gitbook::{BookFiles, FILE_NAME as GITBOOK_FILE};
pub mod mdbook;
mod modes;
mod mounts;
mod redirects;
mod related;
mod spans;
mod validate;
pub use addresses::{
    glob as page_glob, pattern as permalink_pattern, Entry, Part, PermalinkKind, Permalinks, Rule,
    LAYOUT as PERMALINK_LAYOUT,
};
pub use modes::{BrokenLinks, InvalidFrontMatter, MissingLinks, PublishMode, UnsupportedSyntax};
pub use mounts::{Mount, MountKind};
pub use redirects::Redirects;
pub use related::RelatedWeights;
use serde::Deserialize;
use validate::toml_diagnostic;
pub use validate::{exclude_problem, is_placeholder_url, is_slug};

pub const FILE_NAME: &str = "book.toml";

/// The whole of `book.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `[site]`; an mdBook's book.toml without one takes it from `[book]` (see
    /// [`mdbook::site_from_book`]).
    #[serde(skip)]
    pub site: Site,
    /// `[site]` as written.
    #[serde(rename = "site", default)]
    written_site: Option<Site>,
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
    /// Old addresses and the pages they lead to: `[redirects]`, then the entries of
    /// mdBook's own `[output.html.redirect]` table that it does not have.
    #[serde(default)]
    pub redirects: Redirects,
    /// Hugo's `permalinks`: the addresses Hugo gave a section's pages.
    #[serde(default)]
    pub permalinks: Permalinks,
    /// Hugo's module mounts: more folders whose files are published (see [`Mount`]).
    #[serde(default)]
    pub mounts: Vec<Mount>,
    /// mdBook's own tables, so that attune's keys may be added to an mdBook's
    /// book.toml rather than replace it: `[book]`, `[rust]` and `[output.*]` are not
    /// read; `[preprocessor.*]` is read where attune has the feature (see
    /// [`mdbook::Preprocessors`]).
    #[serde(default)]
    pub book: Option<toml::Table>,
    #[serde(default)]
    pub rust: Option<toml::Table>,
    #[serde(default)]
    pub output: Option<toml::Table>,
    #[serde(default)]
    pub preprocessor: mdbook::Preprocessors,
    /// The home page's text and the table of contents, when GitBook's `.gitbook.yaml`
    /// names other files than `README.md` and `SUMMARY.md`.
    #[serde(skip)]
    pub book_files: gitbook::BookFiles,
}

/// `[front_matter]`: keys the site's articles use on purpose (for Obsidian, Hugo or a
/// plugin), which attune then ignores without a warning.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FrontMatterKeys {
    #[serde(default)]
    pub allow: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// BCP 47 language tag for `<html lang>`.
    #[serde(default = "default_language")]
    pub language: String,
    /// Absolute URL the site is published at; used for sitemap, feed, canonical links.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Shown in the footer, e.g. the publishing organisation.
    #[serde(default)]
    pub publisher: Option<String>,
    /// The path the tool a site comes from publishes it under, when `base_url` is not
    /// set (Jekyll's `baseurl`): links written with it lead into the site.
    #[serde(skip)]
    pub tool_base_path: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Where the topic is declared: its `id` in book.toml, or (a topic made from a
    /// folder) the first file in the folder; for diagnostics about its hub.
    #[serde(skip)]
    pub at: Option<(std::path::PathBuf, usize, usize)>,
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
#[serde(default, deny_unknown_fields)]
pub struct Build {
    /// Theme folder under `themes/` whose templates override the default theme's.
    pub theme: Option<String>,
    /// Curly quotes, en and em dashes, ellipses.
    pub smart_punctuation: bool,
    /// Bare `www.…`, `http(s)://…` and e-mail addresses in prose become links, as
    /// GitHub, Obsidian, Hugo and Docusaurus show them.
    pub autolinks: bool,
    /// Content folder, relative to the site root.
    pub content_dir: String,
    /// A folder, relative to the site root, whose files are published as they are at
    /// the site root under their path in it (Hugo's and Zola's `static/`).
    pub static_dir: Option<String>,
    /// Output folder, relative to the site root.
    pub output_dir: String,
    /// Also write `offline.zip`, the offline edition readers can download.
    pub offline_zip: bool,
    /// Strip scripts, event handlers and `javascript:` links from raw HTML in articles,
    /// for sites that accept outside contributions.
    pub sanitize_html: bool,
    /// What a wikilink to a note not written yet is: `warn` (shown as plain text,
    /// with a warning) or `error`.
    pub missing_links: MissingLinks,
    /// What a reference that leads nowhere is (a link to a page, file or heading that
    /// does not exist, a missing image or include, an unknown citation, a name several
    /// notes answer to): `error`, or `warn` (published with nothing broken in it, with
    /// a warning), so a site brought from another tool publishes while it is fixed.
    pub broken_links: BrokenLinks,
    /// What another tool's template syntax in content is (a Hugo shortcode, a Liquid
    /// tag, a `{{ … }}` expression, an mdBook directive attune does not read): `warn`
    /// (left out of the page, with a warning) or `error`.
    pub unsupported_syntax: UnsupportedSyntax,
    /// What front matter that cannot be read is (invalid YAML, a value of the wrong
    /// kind): `error`, or `warn` (the property left out, with a warning), as Obsidian
    /// opens a note whose properties it cannot read.
    pub invalid_front_matter: InvalidFrontMatter,
    /// Which notes are pages: `all` of them, or only those `marked` `publish: true`
    /// (as Obsidian Publish and Quartz's ExplicitPublish publish a vault); unset is
    /// `all`, with a warning when some notes are marked and others are not.
    pub publish: Option<PublishMode>,
    /// The folder `{{#include}}` may read from, relative to the site root (the folder
    /// holding book.toml): `"."`, or a folder above it such as `".."` for a book whose
    /// examples sit beside its own folder.
    pub include_root: String,
    /// Extensions of content files the site publishes as files to download on purpose
    /// (`["ipynb", "org"]`): a file in a format attune does not read as a page (see
    /// `load::read::other_format`) with one of them has no `not-markdown` warning.
    pub downloads: Vec<String>,
    /// Folders and files of the content folder (and the static folder) never
    /// published, as `.gitignore` patterns relative to it (see [`crate::load::exclude`]).
    pub exclude: Vec<String>,
    /// Where each of `exclude` is written in book.toml (line, column).
    #[serde(skip)]
    pub exclude_at: Vec<(usize, usize)>,
    /// mdBook's own keys of `[build]`, allowed and not read (`build-dir`,
    /// `create-missing`, `use-default-preprocessors`, `extra-watch-dirs`).
    #[serde(rename = "build-dir")]
    pub mdbook_build_dir: Option<toml::Value>,
    #[serde(rename = "create-missing")]
    pub mdbook_create_missing: Option<toml::Value>,
    #[serde(rename = "use-default-preprocessors")]
    pub mdbook_default_preprocessors: Option<toml::Value>,
    #[serde(rename = "extra-watch-dirs")]
    pub mdbook_watch_dirs: Option<toml::Value>,
}

impl Default for Build {
    fn default() -> Self {
        Self {
            theme: None,
            smart_punctuation: true,
            autolinks: true,
            content_dir: "content".into(),
            static_dir: None,
            output_dir: "public".into(),
            offline_zip: true,
            sanitize_html: false,
            missing_links: MissingLinks::default(),
            broken_links: BrokenLinks::default(),
            unsupported_syntax: UnsupportedSyntax::default(),
            invalid_front_matter: InvalidFrontMatter::default(),
            publish: None,
            include_root: ".".into(),
            downloads: Vec::new(),
            exclude: Vec::new(),
            exclude_at: Vec::new(),
            mdbook_build_dir: None,
            mdbook_create_missing: None,
            mdbook_default_preprocessors: None,
            mdbook_watch_dirs: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Safety {
    /// Text of the crisis banner shown at the top of every page.
    pub crisis_text: Option<String>,
    /// Emergency routes (e.g. "In immediate danger? Call 999, 911 or 112"), shown with
    /// the crisis lines in the banner, on paper and on the "When to get help" page.
    pub emergency_text: Option<String>,
    /// Named blocks of help (e.g. `domestic-abuse`) that articles show with `safety:`.
    pub blocks: Vec<SafetyBlock>,
    pub crisis_links: Vec<Link>,
    /// Show a quick-exit button and listen for Shift pressed three times.
    pub quick_exit: bool,
    pub quick_exit_url: String,
    /// Shown in the footer of every page.
    pub disclaimer: Option<String>,
}

impl Default for Safety {
    fn default() -> Self {
        Self {
            crisis_text: None,
            emergency_text: None,
            blocks: Vec::new(),
            crisis_links: Vec::new(),
            quick_exit: false,
            quick_exit_url: "https://www.bbc.co.uk/weather".into(),
            disclaimer: None,
        }
    }
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

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Review {
    /// Months after `last_reviewed` a review falls due when an article sets no `next_review`.
    pub interval_months: u32,
    /// An article (in a topic) that is not `review.status: approved` is a build error.
    pub require_approval: bool,
}

impl Default for Review {
    fn default() -> Self {
        Self {
            interval_months: 24,
            require_approval: false,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Readability {
    /// Grade above which `attune check` warns, by Flesch–Kincaid and by SMOG alike.
    pub max_grade: f64,
    /// Reading speed used for reading time.
    pub words_per_minute: u32,
}

impl Default for Readability {
    fn default() -> Self {
        Self {
            max_grade: 8.0,
            words_per_minute: 200,
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

/// `[site]` has no `impl Default`, as its title is required: the language is its one
/// default.
fn default_language() -> String {
    "en".into()
}

/// Reads `book.toml` under `root`: `Err` when the build cannot even start (no such
/// file, unreadable); else the config, or `None` with what is wrong with it pushed
/// into `diagnostics`.
pub fn read(root: &Path, diagnostics: &mut Diagnostics) -> anyhow::Result<Option<Config>> {
    read_adjusted(root, diagnostics, &|_, _, _, _| {})
}

/// What a later stage reads into the config from the site's other files before its
/// folders are checked (`root`, book.toml's text): a Hugo site's folder per language
/// (`load::read_config`).
pub type Adjust<'a> = &'a dyn Fn(&mut Config, &Path, &str, &mut Diagnostics);

/// [`read`], with `adjust` applied to the config before its folders are checked.
pub fn read_adjusted(
    root: &Path,
    diagnostics: &mut Diagnostics,
    adjust: Adjust,
) -> anyhow::Result<Option<Config>> {
    use anyhow::Context as _;
    let path = root.join(FILE_NAME);
    if !path.is_file() {
        anyhow::bail!(
            "no {} in {}\n  = help: run `attune init` to create a new site here, or pass --root to point at an existing one",
            FILE_NAME,
            root.display()
        );
    }
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    let file = Path::new(FILE_NAME);
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            diagnostics.push(crate::diagnostic::not_utf8(&e, file));
            return Ok(None);
        }
    };
    let text = crate::diagnostic::normalize_lone_cr(crate::marks::strip_marks(text));
    let mut config = Config::parse(&text, file, diagnostics);
    if let Some(config) = config.as_mut() {
        config.read_book_options(&text);
        config.read_gitbook(root, &text, diagnostics);
        translations::warn_unpublished(root, &text, diagnostics);
        adjust(config, root, &text, diagnostics);
    }
    Ok(config.filter(|config| config.check_folders(root, &text, file, diagnostics)))
}

impl Config {
    /// Parses `book.toml` text; `file` names it in diagnostics. `None` when anything
    /// is wrong with it, every problem pushed into `diagnostics`: no stage runs on a
    /// config that is half right, whose mistakes would come back as a cascade of
    /// confusing errors in the content.
    pub fn parse(text: &str, file: &Path, diagnostics: &mut Diagnostics) -> Option<Config> {
        let config: Config = match toml::from_str(text) {
            Ok(config) => config,
            Err(e) => {
                diagnostics.push(toml_diagnostic(&e, text, file));
                return None;
            }
        };
        let mut config = config;
        mdbook::content_dir_from_book(&mut config.book, text, &mut config.build);
        config.site = match config.written_site.take() {
            Some(site) => site,
            None => match mdbook::site_from_book(config.book.as_ref()) {
                Some(site) => site,
                None => {
                    diagnostics.push(
                        Diagnostic::error(Code::Config, "book.toml has no [site] table")
                            .at(file, 1, 1)
                            .help("add one with the site's title: `[site]` then `title = \"Our handbook\"` (see the README's book.toml reference), or run `attune init` for a sample site"),
                    );
                    return None;
                }
            },
        };
        let before = diagnostics.len();
        config.validate(text, file, diagnostics);
        config.locate_topics(text, file);
        if let Some(redirects) = mdbook::redirects(text) {
            config.redirects.append(redirects);
        }
        config.redirects.locate(text, file, diagnostics);
        config.permalinks.locate(text, file, diagnostics);
        config.build.exclude_at = spans::exclude_at(text);
        (diagnostics.len() == before).then_some(config)
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
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use std::collections::BTreeMap;

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let mut diagnostics = Diagnostics::new();
        Config::parse(text, Path::new("book.toml"), &mut diagnostics)
            .ok_or_else(|| diagnostics.into_vec())
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

    /// Every key the README's book.toml reference gives a default for, with the value
    /// `config` holds for it (`None` for an optional key left unset).
    fn values(config: &Config) -> BTreeMap<String, Option<toml::Value>> {
        use toml::Value as V;
        let text = |s: &str| Some(V::String(s.into()));
        let optional = |s: &Option<String>| s.as_deref().and_then(text);
        let empty = |n: usize| (n == 0).then(|| V::Array(Vec::new()));
        // A table with entries; none is the default, `none`.
        let table = |n: usize| (n > 0).then(|| V::Table(Default::default()));
        let (site, build, safety) = (&config.site, &config.build, &config.safety);
        let (review, readability, related) = (&config.review, &config.readability, &config.related);
        let missing_links = match build.missing_links {
            MissingLinks::Warn => "warn",
            MissingLinks::Error => "error",
        };
        let broken_links = match build.broken_links {
            BrokenLinks::Warn => "warn",
            BrokenLinks::Error => "error",
        };
        let unsupported_syntax = match build.unsupported_syntax {
            UnsupportedSyntax::Warn => "warn",
            UnsupportedSyntax::Error => "error",
        };
        let invalid_front_matter = match build.invalid_front_matter {
            InvalidFrontMatter::Warn => "warn",
            InvalidFrontMatter::Error => "error",
        };
        [
            ("[site] description", text(&site.description)),
            ("[site] language", text(&site.language)),
            ("[site] base_url", optional(&site.base_url)),
            ("[site] publisher", optional(&site.publisher)),
            ("[build] theme", optional(&build.theme)),
            (
                "[build] smart_punctuation",
                Some(V::Boolean(build.smart_punctuation)),
            ),
            ("[build] autolinks", Some(V::Boolean(build.autolinks))),
            ("[build] content_dir", text(&build.content_dir)),
            ("[build] static_dir", optional(&build.static_dir)),
            ("[build] output_dir", text(&build.output_dir)),
            ("[build] offline_zip", Some(V::Boolean(build.offline_zip))),
            ("[build] missing_links", text(missing_links)),
            ("[build] broken_links", text(broken_links)),
            ("[build] unsupported_syntax", text(unsupported_syntax)),
            ("[build] invalid_front_matter", text(invalid_front_matter)),
            (
                "[build] publish",
                build.publish.and_then(|m| {
                    text(if m == PublishMode::All {
                        "all"
                    } else {
                        "marked"
                    })
                }),
            ),
            ("[build] include_root", text(&build.include_root)),
            ("[build] downloads", empty(build.downloads.len())),
            ("[build] exclude", empty(build.exclude.len())),
            (
                "[build] sanitize_html",
                Some(V::Boolean(build.sanitize_html)),
            ),
            ("[safety] crisis_text", optional(&safety.crisis_text)),
            ("[safety] crisis_links", empty(safety.crisis_links.len())),
            ("[safety] emergency_text", optional(&safety.emergency_text)),
            ("[safety] quick_exit", Some(V::Boolean(safety.quick_exit))),
            ("[safety] quick_exit_url", text(&safety.quick_exit_url)),
            ("[safety] disclaimer", optional(&safety.disclaimer)),
            (
                "[review] interval_months",
                Some(V::Integer(review.interval_months.into())),
            ),
            (
                "[review] require_approval",
                Some(V::Boolean(review.require_approval)),
            ),
            (
                "[readability] max_grade",
                Some(V::Float(readability.max_grade)),
            ),
            (
                "[readability] words_per_minute",
                Some(V::Integer(readability.words_per_minute.into())),
            ),
            ("[search] synonyms", empty(config.search.synonyms.len())),
            ("[related] tags", Some(V::Float(related.tags))),
            ("[related] relations", Some(V::Float(related.relations))),
            ("[related] citations", Some(V::Float(related.citations))),
            ("[related] links", Some(V::Float(related.links))),
            ("[related] count", Some(V::Integer(related.count as i64))),
            (
                "[front_matter] allow",
                empty(config.front_matter.allow.len()),
            ),
            ("[redirects]", table(config.redirects.entries.len())),
            (
                "[permalinks]",
                table(config.permalinks.entries.len() + config.permalinks.rules.len()),
            ),
        ]
        .into_iter()
        .map(|(key, value)| (key.to_string(), value))
        .collect()
    }

    /// The defaults the README's book.toml reference documents: `none` is `None`;
    /// `required` keys and arrays of tables (`[[topics]]`) have none.
    fn documented() -> BTreeMap<String, Option<toml::Value>> {
        let readme = include_str!("../../README.md");
        let start = readme
            .find("### book.toml reference")
            .expect("reference section");
        let section = &readme[start..];
        let section = &section[..section[4..].find("\n### ").map_or(section.len(), |i| i + 4)];
        let quoted = |cell: &str| -> Vec<String> {
            cell.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        };
        let mut documented = BTreeMap::new();
        for row in section
            .lines()
            .filter(|l| l.starts_with("| `[") && !l.starts_with("| `[["))
        {
            let cells: Vec<&str> = row.split('|').collect();
            let (keys, default) = (quoted(cells[1]), cells[2].trim());
            if default == "required" {
                continue;
            }
            let table = keys[0].split_once(' ').map_or("", |(t, _)| t).to_string();
            let defaults = quoted(default);
            for (i, key) in keys.iter().enumerate() {
                let key = if key.starts_with('[') {
                    key.clone()
                } else {
                    format!("{table} {key}")
                };
                let value = match defaults.len() {
                    0 => {
                        assert_eq!(default, "none", "{row}");
                        None
                    }
                    1 => Some(defaults[0].clone()),
                    _ => Some(defaults[i].clone()),
                };
                let value = value.map(|v| {
                    let table: toml::Table = toml::from_str(&format!("v = {v}")).expect(&v);
                    table["v"].clone()
                });
                documented.insert(key, value);
            }
        }
        documented
    }

    /// Numbers compare by value (the README writes `8` for the grade 8.0).
    fn same(a: &Option<toml::Value>, b: &Option<toml::Value>) -> bool {
        use toml::Value as V;
        match (a, b) {
            (Some(V::Float(x)), Some(V::Integer(y))) | (Some(V::Integer(y)), Some(V::Float(x))) => {
                *x == *y as f64
            }
            _ => a == b,
        }
    }

    #[test]
    fn defaults_are_the_ones_the_readme_documents() {
        let documented = documented();
        assert!(documented.len() > 20, "{documented:?}");
        // Tables left out, and tables given empty, both take the defaults.
        for text in [
            "[site]\ntitle = \"T\"\n",
            "[site]\ntitle = \"T\"\n[build]\n[safety]\n[review]\n[readability]\n[search]\n[related]\n[front_matter]\n",
        ] {
            let values = values(&parse(text).unwrap());
            assert_eq!(
                values.keys().collect::<Vec<_>>(),
                documented.keys().collect::<Vec<_>>(),
                "the README documents other keys than these"
            );
            for (key, value) in &values {
                assert!(
                    same(value, &documented[key]),
                    "{key}: the README says {:?}, the code has {value:?}",
                    documented[key]
                );
            }
        }
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
