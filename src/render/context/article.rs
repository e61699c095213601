//! The contexts of an article's page and of the print edition.

use super::{Card, Crumb, ShownChange, ShownDate, ShownReview, ShownSafetyBlock};
use serde::Serialize;

/// `article.html` (an article in a topic) and `page.html` (a standalone page). Also
/// `has_code` is true when the body holds highlighted code.
#[derive(Serialize)]
pub struct ArticlePage<'a> {
    /// The article (see `ArticleInfo`).
    pub article: &'a ArticleInfo<'a>,
    /// The article's summary; absent when empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    /// JSON-LD `MedicalWebPage`, safe inside `<script>` (print with `safe`).
    pub jsonld: &'a str,
    /// The sections between the topic and the article, outermost first: `title`, `url`.
    pub breadcrumbs: Vec<Crumb<'a>>,
}

/// `article`: an article with everything its page shows.
#[derive(Serialize)]
pub struct ArticleInfo<'a> {
    /// Its title.
    pub title: &'a str,
    /// The heading its page shows in its title's place, or null: its text's opening
    /// `#` heading where it words the title otherwise (an mdBook chapter SUMMARY.md
    /// names otherwise), as mdBook and Docusaurus show the page.
    pub heading: Option<&'a str>,
    /// Its slug.
    pub slug: &'a str,
    /// Its absolute URL, or null without `base_url`.
    pub absolute_url: Option<String>,
    /// Its `summary`.
    pub summary: &'a str,
    /// Its site-relative URL.
    pub url: &'a str,
    /// Its topic: `title`, `url`; null for a standalone page.
    pub topic: Option<TopicLink<'a>>,
    /// Its tags: `name`, `url`.
    pub tags: Vec<TagLink<'a>>,
    /// `content_note`, or null.
    pub content_note: Option<&'a str>,
    /// `author`, or null.
    pub author: Option<&'a str>,
    /// Its review: `approved`, `status` (`approved`, `in-review`, `draft`, `not set`,
    /// `incomplete`), and only when approved `reviewer`, `role`, `date`, `next` (dates
    /// have `iso` and `long`).
    pub review: ShownReview<'a>,
    /// The reviewer, only for an approved review (older themes' name).
    pub reviewed_by: Option<&'a str>,
    /// The review date, only for an approved review.
    pub last_reviewed: Option<ShownDate>,
    /// The next review date, only for an approved review.
    pub next_review: Option<ShownDate>,
    /// The newest `changes:` date (`iso`, `long`), or null.
    pub updated: Option<ShownDate>,
    /// The version history, newest first: `date`, `summary`.
    pub changes: Vec<ShownChange<'a>>,
    /// The safety blocks it names: `id`, `title`, `text`, `links`.
    pub safety: Vec<ShownSafetyBlock<'a>>,
    /// Its language.
    pub language: &'a str,
    /// Reading time in minutes.
    pub minutes: usize,
    /// Words in the body.
    pub words: usize,
    /// Whether the readability grades are measured for its language.
    pub readability_measured: bool,
    /// Flesch–Kincaid grade, one decimal.
    pub grade: String,
    /// SMOG grade, one decimal.
    pub smog: String,
    /// Whether it is a handout.
    pub handout: bool,
    /// The body as HTML (print with `safe`).
    pub body: String,
    /// Its headings up to level 3 when it has three or more, or mdbook-toc's marker:
    /// `level`, `id`, `text`.
    pub toc: Vec<TocEntry<'a>>,
    /// The page holds mdbook-toc's marker (`<!-- toc -->`): pages outside any topic,
    /// which show no contents list otherwise, show it then.
    pub toc_marker: bool,
    /// The works it cites, in order of first use: `number`, `key`, `html`.
    pub sources: Vec<Source<'a>>,
    /// The relations it states: `name`, `label`, `articles` (cards).
    pub relations: Vec<Relation<'a>>,
    /// The relations other articles state to it, with the inverse labels.
    pub inverse_relations: Vec<Relation<'a>>,
    /// Links to it from other articles: `title`, `url`, `id` (the link's id there),
    /// `before`, `label`, `after` (the sentence around the link).
    pub backlinks: Vec<Backlink<'a>>,
    /// Related articles, as cards.
    pub related: Vec<Card<'a>>,
    /// The previous article in its topic, as a card, or null.
    pub prev: Option<Card<'a>>,
    /// The next article in its topic, as a card, or null.
    pub next: Option<Card<'a>>,
    /// The reading paths it is a step of: `title`, `url`, `step`, `total`, `prev`, `next`.
    pub paths: Vec<PathPlace<'a>>,
    /// Its QR code as SVG (print with `safe`), or null; absent without `base_url`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr: Option<Option<String>>,
}

/// A link to a topic.
#[derive(Serialize)]
pub struct TopicLink<'a> {
    /// The topic's title.
    pub title: Option<&'a str>,
    /// Its site-relative URL.
    pub url: String,
}

/// A link to a tag's page.
#[derive(Serialize)]
pub struct TagLink<'a> {
    /// The tag as written.
    pub name: &'a str,
    /// Its page's site-relative URL.
    pub url: String,
}

/// A table-of-contents entry.
#[derive(Serialize)]
pub struct TocEntry<'a> {
    /// 1 to 3.
    pub level: u8,
    /// The heading's id.
    pub id: &'a str,
    /// The heading's text.
    pub text: &'a str,
}

/// A cited work in an article's Sources.
#[derive(Serialize)]
pub struct Source<'a> {
    /// Its number in the article.
    pub number: usize,
    /// Its key.
    pub key: &'a str,
    /// The entry as HTML (print with `safe`).
    pub html: String,
}

/// The articles an article is related to by one kind of relation.
#[derive(Serialize)]
pub struct Relation<'a> {
    /// The relation's name in `book.toml`.
    pub name: &'a str,
    /// Its label (or inverse label).
    pub label: &'a str,
    /// The articles, as cards.
    pub articles: Vec<Card<'a>>,
}

/// A link to an article from another one.
#[derive(Serialize)]
pub struct Backlink<'a> {
    /// The linking article's title.
    pub title: &'a str,
    /// Its site-relative URL.
    pub url: &'a str,
    /// The id of the link there.
    pub id: &'a str,
    /// Text before the link in its sentence.
    pub before: &'a str,
    /// The link's text.
    pub label: &'a str,
    /// Text after the link.
    pub after: &'a str,
}

/// Where an article stands in a reading path.
#[derive(Serialize)]
pub struct PathPlace<'a> {
    /// The path's title.
    pub title: &'a str,
    /// Its site-relative URL.
    pub url: String,
    /// The article's step number, from 1.
    pub step: usize,
    /// How many steps the path has.
    pub total: usize,
    /// The step before, as a card, or null.
    pub prev: Option<Card<'a>>,
    /// The step after, as a card, or null.
    pub next: Option<Card<'a>>,
}

/// `print.html`, the frame of the print edition; the articles go where it writes
/// `<!-- attune:articles -->`. Its `title` is the site's with "(print edition)".
#[derive(Serialize)]
pub struct PrintPage<'a> {
    /// The articles in reading order: `title`, `slug` (each article's anchor).
    pub contents: Vec<PrintContents<'a>>,
}

/// An entry of the print edition's contents.
#[derive(Serialize)]
pub struct PrintContents<'a> {
    /// The article's title.
    pub title: &'a str,
    /// Its slug, the anchor of its part.
    pub slug: &'a str,
    /// The title of the `SUMMARY.md` part (mdBook's `# Part title`) that begins at this
    /// entry, shown before it as mdBook's table of contents shows it; `null` otherwise.
    pub part: Option<&'a str>,
}

/// `print-article.html`, one article of the print edition.
#[derive(Serialize)]
pub struct PrintArticlePage<'a> {
    /// The article (see `PrintArticle`).
    pub article: &'a PrintArticle<'a>,
}

/// `article` in `print-article.html`.
#[derive(Serialize)]
pub struct PrintArticle<'a> {
    /// Its title.
    pub title: &'a str,
    /// The heading its page shows in its title's place, or null: its text's opening
    /// `#` heading where it words the title otherwise (an mdBook chapter SUMMARY.md
    /// names otherwise), as mdBook and Docusaurus show the page.
    pub heading: Option<&'a str>,
    /// Its slug; its ids are prefixed `slug--`.
    pub slug: &'a str,
    /// Its `summary`.
    pub summary: &'a str,
    /// Its topic's title, or null.
    pub topic: Option<&'a str>,
    /// The body as HTML, links between printed articles as anchors (print with `safe`).
    pub body: String,
    /// The works it cites: `number`, `key`, `html`.
    pub sources: Vec<Source<'a>>,
    /// Its review, as on its page.
    pub review: ShownReview<'a>,
    /// The newest `changes:` date, or null.
    pub updated: Option<ShownDate>,
    /// The safety blocks it names.
    pub safety: Vec<ShownSafetyBlock<'a>>,
}
