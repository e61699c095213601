//! One article of the site model: what it is in the structure, what was read and
//! parsed from its file, and what is derived from it (language, readability, review).

use crate::config::Config;
use crate::load::{FrontMatter, Spans, Step};
use crate::markdown::Parsed;
use std::path::PathBuf;

/// What a Markdown file is in the site's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Structure {
    /// A page of its own (a page bundle's `index.md` too).
    Page,
    /// A folder's own text (`_index.md`, or `index.md` beside other notes), shown on
    /// the folder's hub page.
    Hub,
}

pub struct Article {
    pub slug: String,
    pub structure: Structure,
    /// Path from the site root, for diagnostics.
    pub path: PathBuf,
    pub rel: PathBuf,
    pub topic: Option<String>,
    pub title: String,
    pub summary: String,
    pub front: FrontMatter,
    pub parsed: Parsed,
    /// Site-relative folder URL: `patterns/dismissive-family/`.
    pub url: String,
    /// The source up to the body: its front matter, where diagnostics about front
    /// matter point. The body itself lives on only as what was parsed from it.
    pub front_matter: String,
    /// [`crate::load::content_hash`] of the body, recorded in `urls.json`.
    pub body_hash: u64,
}

impl Article {
    /// Whether `id`, which is not an id on the page (`on_page` false), names the
    /// heading that became the article's title: mdBook gives a chapter's opening
    /// heading an id and books link to it (`ch01-01-installation.html#installation`);
    /// here that heading is the page's title, so such a link leads to the page itself.
    /// The id of the heading an anchor names in the form another tool made of it, when
    /// the page has no such id: the same letters and digits (Hugo's `--name` for the
    /// heading "--name", which attune's id writes `name`; Zola's `get-page` for
    /// "get_page"; Hexo's `Q-amp-A` for "Q & A").
    /// Obsidian's heading link names the heading as written, a link in it too
    /// (`#[DHCP](../DHCP.md)%20Snooping`), read as the heading's text (`DHCP Snooping`).
    pub fn heading_in_other_form(&self, anchor: &str) -> Option<&str> {
        let decoded = crate::text::percent_decode_lenient(anchor)?;
        let loose = crate::text::loose_id(&decoded);
        let as_text = crate::text::loose_id(&link_texts(&decoded));
        let heading = self.parsed.headings.iter().find(|h| {
            let text = crate::text::loose_id(&h.text);
            !loose.is_empty()
                && (crate::text::loose_id(&h.id) == loose
                    || text == loose
                    || text == as_text
                    || crate::text::ascii_id(&h.text) == loose
                    || crate::text::symbol_id(&h.text) == loose
                    || crate::text::escaped_id(&h.text) == loose
                    || h.obsidian_name
                        .as_deref()
                        .is_some_and(|n| crate::text::loose_id(n) == loose))
        });
        if let Some(heading) = heading {
            return Some(heading.id.as_str());
        }
        // A definition term, whose id Hugo makes of its text as of a heading's
        // (`autoDefinitionTermID`): `#sources` for `sources`, here `sources-1`.
        let terms = self.parsed.terms.iter();
        let (id, _) = terms
            .into_iter()
            .find(|(_, text)| !loose.is_empty() && crate::text::loose_id(text) == loose)?;
        Some(id.as_str())
    }

    pub fn names_its_title(&self, id: &str, on_page: bool) -> bool {
        let shown = self.parsed.heading_title.iter();
        let names = |t: &String| crate::markdown::heading_slug(t) == id;
        !on_page && !id.is_empty() && (names(&self.title) || shown.into_iter().any(names))
    }

    /// What a wikilink to this article shows when it has no label of its own: the
    /// title, and the headings it names after it, as Obsidian shows
    /// `[[Note#Part#Sub-part]]`, "Note > Part > Sub-part" (the last as the heading
    /// `id` it leads to reads, `[[#why-it-matters]]` "Why it matters"); on its own
    /// page (`[[#Part]]`), the headings alone. A block's id (`[[Note#^a1b2]]`), or a
    /// heading the link does not lead to (`id` none: not there), shows the title. A
    /// link naming the article by one of its aliases shows that name as written, in
    /// place of the title (`[[trouble naming feelings]]`), as Obsidian and Quartz do:
    /// an author writes an alias to fit the sentence.
    pub fn link_label(&self, target: &crate::markdown::LinkTarget, id: Option<&str>) -> String {
        use crate::markdown::LinkTarget;
        let name = match target {
            LinkTarget::Slug { slug, .. } => self.alias_written(slug),
            _ => None,
        };
        let name = name.unwrap_or(&self.title);
        let (anchor, own_page) = match target {
            LinkTarget::Slug {
                anchor: Some(a), ..
            } => (a, false),
            LinkTarget::SamePage { anchor } => (anchor, true),
            _ => return name.to_string(),
        };
        let heading = id.and_then(|id| self.parsed.headings.iter().find(|h| h.id == id));
        let Some(heading) = heading.filter(|_| !anchor.trim().starts_with('^')) else {
            return name.to_string();
        };
        let mut parts: Vec<&str> = (anchor.split('#').map(str::trim))
            .filter(|p| !p.is_empty())
            .collect();
        parts.pop();
        parts.push(&heading.text);
        match own_page {
            true => parts.join(" > "),
            false => format!("{name} > {}", parts.join(" > ")),
        }
    }

    /// `written`, a link's name for this article, when it is one of its aliases that
    /// are names (not URL paths) and not its title.
    fn alias_written<'w>(&self, written: &'w str) -> Option<&'w str> {
        if self.front.aliases.is_empty() {
            return None;
        }
        let written = written.trim();
        let lower = written.to_lowercase();
        let alias = |a: &String| !a.trim().starts_with('/') && a.trim().to_lowercase() == lower;
        (self.front.aliases.iter().any(alias) && !self.title.eq_ignore_ascii_case(written))
            .then_some(written)
    }

    /// Where its front matter is written, key by key (parsed again: only diagnostics
    /// and claims ask).
    pub fn front_spans(&self) -> Spans {
        Spans::front_matter(&self.front_matter)
    }

    /// Where the front matter key `path` is written (`["topic"]`,
    /// `["relations", "effects"]`), or the file's first line.
    pub fn front_key(&self, path: &[&str]) -> (usize, usize) {
        let path: Vec<Step> = path.iter().map(|k| Step::key(k)).collect();
        self.front_spans().key(&path).unwrap_or((1, 1))
    }

    /// Where `value` is written under the front matter key `path`, as its value or an
    /// item of its list (`aliases: [a, b]`); else where the key is, or the first line.
    pub fn front_value(&self, path: &[&str], value: &str) -> (usize, usize) {
        let path: Vec<Step> = path.iter().map(|k| Step::key(k)).collect();
        let spans = self.front_spans();
        spans
            .find_value(&path, value)
            .or_else(|| spans.key(&path))
            .unwrap_or((1, 1))
    }

    /// The path from the content folder of a translation published in the place of
    /// the untranslated file (`blog/post.fr.md` for `blog/post.md`, see
    /// [`crate::load::Publish`]): links to either name lead to it.
    pub fn translation_rel(&self) -> Option<PathBuf> {
        let name = self.path.file_name()?;
        (Some(name) != self.rel.file_name()).then(|| self.rel.with_file_name(name))
    }

    /// The title lists and menus show: Hugo's `linkTitle` when it gives one, else the
    /// title.
    pub fn link_title(&self) -> &str {
        self.front
            .link_title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(&self.title)
    }

    /// Whether the page holds mdbook-toc's marker, `<!-- toc -->`, which asks for the
    /// page's contents where it stands, however few its headings.
    pub fn asks_for_toc(&self) -> bool {
        memchr::memmem::find(self.parsed.html.as_bytes(), b"<!-- toc -->").is_some()
    }

    /// The headings the page's "On this page" list shows (up to level 3): none unless
    /// it has three headings or more, or [`Article::asks_for_toc`].
    pub fn toc_headings(&self) -> impl Iterator<Item = &crate::markdown::Heading> {
        let headings = &self.parsed.headings;
        let listed = headings.len() >= 3 || self.asks_for_toc();
        headings.iter().filter(move |h| listed && h.level <= 3)
    }

    /// Whether the body holds a code block, so the page needs the highlighting
    /// stylesheet (raw HTML `<pre>` included: it gets the same code styles).
    pub fn body_has_code(&self) -> bool {
        memchr::memmem::find(self.parsed.html.as_bytes(), b"<pre").is_some()
    }

    /// Flesch–Kincaid grade, computed once from parsed text.
    pub fn grade(&self) -> f64 {
        self.parsed.stats.grade()
    }

    /// SMOG grade, computed once from parsed text.
    pub fn smog(&self) -> f64 {
        self.parsed.stats.smog()
    }

    /// The article's language: its own `language`, else the site's.
    pub fn language<'a>(&'a self, config: &'a Config) -> &'a str {
        self.front
            .language
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .unwrap_or(&config.site.language)
    }

    /// Whether the readability measures (English formulas) apply: the article is in
    /// English (`en`, `en-GB`, ...), and written in the Latin alphabet (see
    /// [`TextStats::latin_script`](crate::markdown::readability::TextStats::latin_script)).
    /// Other languages are "not measured".
    pub fn readability_measured(&self, config: &Config) -> bool {
        let lang = self.language(config).to_ascii_lowercase();
        (lang == "en" || lang.starts_with("en-") || lang.starts_with("en_"))
            && self.parsed.stats.latin_script()
    }

    /// Its clinical review, with the legacy keys folded in.
    pub fn review(&self, config: &Config) -> crate::review::Review<'_> {
        crate::review::Review::of(&self.front, config.review.interval_months)
    }
}

/// Whether `anchor` is an id attune writes on `article`'s page: the top, the main
/// content, and the Sources list, its entries and a link's id only when the page has
/// them (a link in the heading that became the title is not on it) (a Hugo page's `#sources` heading an include would have brought is not
/// there).
impl crate::site::Site {
    /// Whether attune's own home page (a site without a home article) has the id `id`:
    /// one its default templates write, or any with a theme of the site's own.
    pub(in crate::site) fn home_has_id(&self, id: &str) -> bool {
        const HOME_IDS: &[&str] = &[
            "",
            "top",
            "main",
            "site-search-input",
            "site-search-results",
            "paths-heading",
        ];
        self.config.build.theme.is_some() || HOME_IDS.contains(&id)
    }

    /// Where a link's fragment `id` on `folder_url`, a page attune draws (no
    /// article's), names nothing: the home page, or the hub of a topic or folder that
    /// has no text of its own, which hold only the ids the default template writes.
    /// The page, as the message names it; `None` where the id is there or cannot be
    /// known (the glossary and attune's other pages, or the site's own theme).
    pub(in crate::site) fn drawn_page_lacks(&self, folder_url: &str, id: &str) -> Option<String> {
        if self.home_has_id(id) {
            return None;
        }
        if folder_url.is_empty() {
            return Some("the home page".to_string());
        }
        let topic = folder_url.strip_suffix('/');
        let hub = self
            .config
            .topics
            .iter()
            .any(|t| Some(t.id.as_str()) == topic)
            || self.sections.iter().any(|s| s.url == folder_url);
        hub.then(|| format!("the page of '{folder_url}', a folder with no text of its own"))
    }
}

pub(in crate::site) fn is_generated_on(article: &Article, anchor: &str) -> bool {
    let numbered = |prefix: &str, count: usize| {
        anchor
            .strip_prefix(prefix)
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| (1..=count).contains(&n))
    };
    let parsed = &article.parsed;
    match anchor {
        "" | "top" | "main" => true,
        "sources" => !parsed.citations.is_empty(),
        _ if anchor.starts_with("ref-") => parsed.links.iter().any(|l| l.id == anchor),
        _ => numbered("source-", parsed.citations.len()),
    }
}

/// `text` with each Markdown link `[label](address)` written as its label.
fn link_texts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some((label, after)) = rest[open + 1..].split_once("](") else {
            break;
        };
        let Some(close) = after.find(')') else { break };
        out.push_str(&rest[..open]);
        out.push_str(label);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}
