//! The template contexts: what each template receives, as typed structs. They are
//! the theme contract: a theme may use every variable here and nothing else.
//! `themes/README.md` is written from these doc comments, a section per struct (the
//! test `theme_contract_is_current` keeps it so; `ATTUNE_BLESS=1` rewrites it).

mod article;
mod lists;

pub use article::*;
pub use lists::*;

use crate::load::Date;
use serde::Serialize;

/// Every template: the site, its navigation and how links to folders end.
#[derive(Serialize)]
pub struct Base<'a> {
    /// The site (see `SiteInfo`).
    pub site: SiteInfo<'a>,
    /// The topics, in `book.toml` order: `title`, `url`.
    pub nav: Vec<NavLink<'a>>,
    /// The articles outside any topic (standalone pages): `title`, `url`.
    pub pages: Vec<NavLink<'a>>,
    /// What a link to a folder ends with: empty on the web, `index.html` offline.
    pub index: &'a str,
}

/// `site`: settings from `book.toml` and what the site holds.
#[derive(Serialize)]
pub struct SiteInfo<'a> {
    /// `[site] title`.
    pub title: &'a str,
    /// `[site] description`.
    pub description: &'a str,
    /// `[site] language`, such as `en`.
    pub language: &'a str,
    /// `[site] base_url` ending in `/`, or null.
    pub base_url: Option<String>,
    /// `[site] publisher`, or null.
    pub publisher: Option<&'a str>,
    /// `[safety] crisis_text`, or null.
    pub crisis_text: Option<&'a str>,
    /// `[safety] emergency_text`, or null.
    pub emergency_text: Option<&'a str>,
    /// Site-relative URL of the "When to get help" page.
    pub help_url: &'a str,
    /// `[[safety.crisis_links]]`: `label`, `href`, `print` (the address as printed, or null).
    pub crisis_links: Vec<CrisisLink<'a>>,
    /// Whether `base_url` is still the placeholder `attune init` wrote.
    pub base_url_is_placeholder: bool,
    /// `[safety] quick_exit`.
    pub quick_exit: bool,
    /// `[safety] quick_exit_url`.
    pub quick_exit_url: &'a str,
    /// `[safety] disclaimer`, or null.
    pub disclaimer: Option<&'a str>,
    /// Whether the site has a glossary page.
    pub has_glossary: bool,
    /// Whether the site has a references page.
    pub has_references: bool,
    /// Whether the site has reading paths.
    pub has_paths: bool,
    /// Whether the site has a topic map.
    pub has_map: bool,
    /// Whether the site has a handouts page.
    pub has_handouts: bool,
    /// Whether the footer links to `offline.zip` (web edition only).
    pub offline_zip: bool,
}

/// A crisis line from `[[safety.crisis_links]]`.
#[derive(Serialize)]
pub struct CrisisLink<'a> {
    /// The link's text.
    pub label: &'a str,
    /// Where it leads (`tel:`, `sms:`, `https:`, …).
    pub href: &'a str,
    /// The address as a printed page shows it, or null.
    pub print: Option<String>,
}

/// A title and a site-relative URL.
#[derive(Serialize)]
pub struct NavLink<'a> {
    /// The text.
    pub title: &'a str,
    /// Site-relative URL; prefix `root`, suffix `index` for folders.
    pub url: String,
}

/// Every page besides the base: where it is and what it is called.
#[derive(Serialize)]
pub struct Page<'a, T> {
    /// The way from this page up to the site root (`""`, `../`, `../../`, …).
    pub root: String,
    /// The page's own site-relative URL.
    pub url: &'a str,
    /// Whether the page shows highlighted code (the code stylesheet is needed).
    pub has_code: bool,
    /// The page title.
    pub title: &'a str,
    /// The page's absolute URL, or null without `base_url`.
    pub canonical: Option<String>,
    /// The page kind's own variables.
    #[serde(flatten)]
    pub own: T,
}

/// A link to an article as lists show it.
#[derive(Serialize, Clone)]
pub struct Card<'a> {
    /// The article's title.
    pub title: &'a str,
    /// Its site-relative URL.
    pub url: &'a str,
    /// Its `summary`.
    pub summary: &'a str,
    /// Its reading time in minutes.
    pub minutes: usize,
}

/// `privacy.html`, `quick-exit.html` and `404.html`: nothing of their own.
#[derive(Serialize)]
pub struct PlainPage {}

/// A date as templates show it.
#[derive(Serialize, Clone, Copy)]
pub struct ShownDate {
    /// `2026-11-23`.
    pub iso: Date,
    /// `23 November 2026`.
    pub long: LongDate,
}

impl ShownDate {
    pub fn new(date: Date) -> ShownDate {
        ShownDate {
            iso: date,
            long: LongDate(date),
        }
    }
}

/// `23 November 2026`, written when serialised.
#[derive(Clone, Copy)]
pub struct LongDate(Date);

impl Serialize for LongDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.long())
    }
}

/// What a page says about an article's review: a reviewer, role and dates only when
/// the review is approved (see [`crate::review`]); otherwise only its status.
#[derive(Serialize)]
pub struct ShownReview<'a> {
    /// Whether the review is approved.
    pub approved: bool,
    /// `approved`, `in-review`, `draft`, `not set` or `incomplete`.
    pub status: &'static str,
    /// The reviewer, or null.
    pub reviewer: Option<&'a str>,
    /// The reviewer's role, or null.
    pub role: Option<&'a str>,
    /// The review's date (`iso`, `long`), or null.
    pub date: Option<ShownDate>,
    /// When the next review is due (`iso`, `long`), or null.
    pub next: Option<ShownDate>,
}

/// An entry of an article's version history.
#[derive(Serialize)]
pub struct ShownChange<'a> {
    /// Its date (`iso`, `long`).
    pub date: ShownDate,
    /// What changed.
    pub summary: &'a str,
}

/// A `[[safety.blocks]]` entry.
#[derive(Serialize)]
pub struct ShownSafetyBlock<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its heading.
    pub title: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Its links: `label`, `href`.
    pub links: &'a [crate::config::Link],
}
