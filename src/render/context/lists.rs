//! The contexts of the site's pages other than articles.

use super::{Card, ShownSafetyBlock};
use serde::Serialize;

/// `index.html`, the home page.
#[derive(Serialize)]
pub struct HomePage<'a> {
    /// The topics (see `TopicInfo`), and among them, in reading order, each chapter
    /// at the top of the site's contents that no topic holds, as a `TopicInfo` whose
    /// `url` is the chapter's page, `description` its summary and `articles` the
    /// chapters `SUMMARY.md` nests under it.
    pub topics: Vec<TopicInfo<'a>>,
    /// The reading paths (see `PathInfo`).
    pub paths: &'a [PathInfo<'a>],
    /// The content folder's own text (`content/_index.md`) as HTML, or null (print
    /// with `safe`).
    pub home_text: Option<String>,
}

/// A topic with its articles.
#[derive(Serialize, Clone)]
pub struct TopicInfo<'a> {
    /// The topic's id from `book.toml` (a chapter's: its URL, `/` made `-`).
    pub id: String,
    /// Its title.
    pub title: &'a str,
    /// Its description (may be empty).
    pub description: &'a str,
    /// Its site-relative URL.
    pub url: String,
    /// Its articles in order, as cards.
    pub articles: Vec<Card<'a>>,
    /// On the home page, the title of the `SUMMARY.md` part that begins at this
    /// topic, or null.
    pub part: Option<&'a str>,
}

/// A reading path as lists show it.
#[derive(Serialize)]
pub struct PathInfo<'a> {
    /// The path's id (its file name).
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Who it is for, or null.
    pub audience: Option<&'a str>,
    /// Its description, or null.
    pub description: Option<&'a str>,
    /// Its site-relative URL.
    pub url: String,
    /// How many steps it has.
    pub steps: usize,
}

/// `topic.html`, a topic hub.
#[derive(Serialize)]
pub struct TopicPage<'a> {
    /// The topic (see `TopicInfo`).
    pub topic: &'a TopicInfo<'a>,
    /// The topic's description, or null when empty.
    pub description: Option<&'a str>,
    /// Its folder's own text, sub-sections and direct articles (see `HubInfo`).
    pub hub: HubInfo<'a>,
}

/// A folder's hub: its own text, its sub-sections and the articles directly in it.
#[derive(Serialize)]
pub struct HubInfo<'a> {
    /// The folder's own text (`_index.md`, or `index.md` beside other notes) as HTML,
    /// or null (print with `safe`).
    pub body: Option<String>,
    /// Its sub-sections in reading order (see `SectionCard`).
    pub sections: Vec<SectionCard<'a>>,
    /// The articles directly in it, in reading order: `title`, `url`, `summary`, `minutes`.
    pub articles: Vec<Card<'a>>,
    /// Its sub-sections and articles together, in reading order (see `HubEntry`), as
    /// mdBook's `SUMMARY.md`, MkDocs' `nav` or Hugo's weights interleave them.
    pub entries: Vec<HubEntry<'a>>,
}

/// One entry of a hub's list: a sub-section or an article.
#[derive(Serialize, Clone)]
pub struct HubEntry<'a> {
    /// The sub-section (see `SectionCard`), or null.
    pub section: Option<SectionCard<'a>>,
    /// The article (see `Card`), or null.
    pub article: Option<Card<'a>>,
}

/// A sub-section in a hub's list.
#[derive(Serialize, Clone)]
pub struct SectionCard<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its site-relative URL.
    pub url: &'a str,
    /// Its summary (may be empty).
    pub summary: &'a str,
    /// How many articles it holds, in its own sub-sections too.
    pub count: usize,
    /// The title of the `SUMMARY.md` part that begins at this section in the hub's
    /// list (its `entries`), or null.
    pub part: Option<&'a str>,
}

/// A link in the breadcrumbs.
#[derive(Serialize)]
pub struct Crumb<'a> {
    /// The page's title.
    pub title: &'a str,
    /// Its site-relative URL.
    pub url: String,
}

/// `section.html`, the hub of a folder below a topic.
#[derive(Serialize)]
pub struct SectionPage<'a> {
    /// The section (see `SectionInfo`).
    pub section: SectionInfo<'a>,
    /// Its own text, sub-sections and articles (see `HubInfo`).
    pub hub: HubInfo<'a>,
    /// Its summary, or null when empty.
    pub description: Option<&'a str>,
}

/// `section` in `section.html`.
#[derive(Serialize)]
pub struct SectionInfo<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its summary (may be empty).
    pub summary: &'a str,
    /// Its site-relative URL.
    pub url: &'a str,
    /// Its topic: `title`, `url`.
    pub topic: Crumb<'a>,
    /// The sections between the topic and this one, outermost first: `title`, `url`.
    pub breadcrumbs: Vec<Crumb<'a>>,
}

/// `tags.html`, every tag.
#[derive(Serialize)]
pub struct TagsPage<'a> {
    /// The tags: `name`, `url`, `count` (how many articles).
    pub tags: Vec<TagInfo<'a>>,
    /// Which list it is: `title` ("Tags", "Categories") and `url` (`tags/`).
    pub taxonomy: Taxonomy,
}

/// A taxonomy: attune's tags, or another a Hugo or Zola site gives its pages.
#[derive(Serialize)]
pub struct Taxonomy {
    /// Its list page's title: "Tags", "Categories".
    pub title: String,
    /// Its list page's site-relative URL: `tags/`, `categories/`.
    pub url: String,
}

/// A tag in the list of tags.
#[derive(Serialize)]
pub struct TagInfo<'a> {
    /// The tag as written.
    pub name: &'a str,
    /// Its page's site-relative URL.
    pub url: String,
    /// How many articles carry it.
    pub count: usize,
}

/// `tag.html`, one tag's articles.
#[derive(Serialize)]
pub struct TagPage<'a> {
    /// `tag.name` and `tag.articles` (cards).
    pub tag: TagArticles<'a>,
    /// The taxonomy the term is of: `title`, `url`.
    pub taxonomy: Taxonomy,
}

/// A tag and its articles.
#[derive(Serialize)]
pub struct TagArticles<'a> {
    /// The tag as written.
    pub name: &'a str,
    /// Its articles, as cards.
    pub articles: Vec<Card<'a>>,
}

/// `glossary.html`.
#[derive(Serialize)]
pub struct GlossaryPage<'a> {
    /// The entries, by term, case-insensitively.
    pub entries: Vec<GlossaryItem<'a>>,
}

/// A glossary entry.
#[derive(Serialize)]
pub struct GlossaryItem<'a> {
    /// The term.
    pub term: &'a str,
    /// Its anchor on the glossary page.
    pub anchor: &'a str,
    /// Other words for it.
    pub aliases: &'a [String],
    /// Its definition (text).
    pub definition: &'a str,
    /// The article explaining it at length, as a card, or null.
    pub article: Option<Card<'a>>,
    /// The articles that use it, as cards.
    pub used_in: Vec<Card<'a>>,
}

/// `references.html`, the bibliography.
#[derive(Serialize)]
pub struct ReferencesPage<'a> {
    /// Groups by kind of work.
    pub groups: Vec<ReferenceGroup<'a>>,
}

/// The works of one kind.
#[derive(Serialize)]
pub struct ReferenceGroup<'a> {
    /// The kind's heading ("Books", …).
    pub heading: &'a str,
    /// Its works, by first author's surname, year, title.
    pub items: Vec<ReferenceItem<'a>>,
}

/// A work in the bibliography.
#[derive(Serialize)]
pub struct ReferenceItem<'a> {
    /// Its key in `references.yaml`.
    pub key: &'a str,
    /// The entry as HTML (escaped; print with `safe`).
    pub html: String,
    /// The key it is sorted by.
    pub sort: String,
    /// The articles citing it, as cards.
    pub cited_by: Vec<Card<'a>>,
}

/// `paths.html`, every reading path.
#[derive(Serialize)]
pub struct PathsPage<'a> {
    /// The paths (see `PathInfo`).
    pub paths: &'a [PathInfo<'a>],
}

/// `path.html`, one reading path.
#[derive(Serialize)]
pub struct PathPage<'a> {
    /// The path's description, or null.
    pub description: Option<&'a str>,
    /// `path.title`, `path.audience`, `path.description`, `path.steps`.
    pub path: PathSteps<'a>,
}

/// A reading path with its steps.
#[derive(Serialize)]
pub struct PathSteps<'a> {
    /// Its title.
    pub title: &'a str,
    /// Who it is for, or null.
    pub audience: Option<&'a str>,
    /// Its description, or null.
    pub description: Option<&'a str>,
    /// Its steps: `number` (from 1), `article` (a card), `note` (or null).
    pub steps: Vec<PathStep<'a>>,
}

/// A step of a reading path.
#[derive(Serialize)]
pub struct PathStep<'a> {
    /// Its number, from 1.
    pub number: usize,
    /// The article, as a card.
    pub article: Card<'a>,
    /// The path's note on it, or null.
    pub note: Option<&'a str>,
}

/// `redirect.html`, a page at an article's old address (`aliases`).
#[derive(Serialize)]
pub struct RedirectPage {
    /// The article's address relative to this page.
    pub target: String,
    /// The article's absolute URL, or null.
    pub target_canonical: Option<String>,
}

/// `map.html`, the topic map.
#[derive(Serialize)]
pub struct MapPage<'a> {
    /// The map as an SVG element (print with `safe`), or null.
    pub svg: Option<String>,
    /// The legend, one entry per relation drawn on the map: `name`, `label`.
    pub legend: Vec<MapKey<'a>>,
    /// Per topic with articles: `title`, `id`, `articles`.
    pub columns: Vec<MapColumn<'a>>,
}

/// A legend entry: the colour of one relation's lines on the map.
#[derive(Serialize)]
pub struct MapKey<'a> {
    /// The relation's name (`effects`, `approaches`, …); its lines carry the class
    /// `map-edge-NAME`.
    pub name: &'a str,
    /// What its lines mean ("Adult effects linked to this pattern").
    pub label: &'a str,
}

/// A topic on the map.
#[derive(Serialize)]
pub struct MapColumn<'a> {
    /// The topic's title.
    pub title: &'a str,
    /// Its id.
    pub id: &'a str,
    /// Its articles: `card`, `relations`.
    pub articles: Vec<MapArticle<'a>>,
}

/// An article on the map, with the relations it states.
#[derive(Serialize)]
pub struct MapArticle<'a> {
    /// The article, as a card.
    pub card: Card<'a>,
    /// Its relations: `label`, `articles` (cards).
    pub relations: Vec<MapRelation<'a>>,
}

/// The articles an article names under one kind of relation.
#[derive(Serialize)]
pub struct MapRelation<'a> {
    /// The relation's label.
    pub label: &'a str,
    /// Its targets, as cards.
    pub articles: Vec<Card<'a>>,
}

/// `search.html`: the search box and the A–Z index of articles and terms.
#[derive(Serialize)]
pub struct SearchPage {
    /// Per initial letter (`#` for digits and others): `letter`, `items`.
    pub letters: Vec<Letter>,
}

/// The entries under one letter.
#[derive(Serialize)]
pub struct Letter {
    /// The letter, upper case, or `#`.
    pub letter: String,
    /// The entries: `title`, `path`, `fragment`, `kind`.
    pub items: Vec<LetterItem>,
}

/// An entry of the A–Z index.
#[derive(Serialize)]
pub struct LetterItem {
    /// The article's title or the term.
    pub title: String,
    /// Site-relative URL of its page.
    pub path: String,
    /// `#anchor` on that page, or empty.
    pub fragment: String,
    /// `article` or `glossary term`.
    pub kind: &'static str,
}

/// `handouts.html`.
#[derive(Serialize)]
pub struct HandoutsPage<'a> {
    /// The articles marked `handout: true`, as cards.
    pub handouts: Vec<Card<'a>>,
}

/// `help.html`, "When to get help", unless the site writes that article itself.
#[derive(Serialize)]
pub struct HelpPage<'a> {
    /// `[[safety.blocks]]`: `id`, `title`, `text`, `links` (`label`, `href`).
    pub blocks: Vec<ShownSafetyBlock<'a>>,
}
