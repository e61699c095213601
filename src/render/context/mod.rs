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
    /// The topics, in `book.toml` order (else in reading order), and among them the
    /// chapters at the top of the site's own contents that no topic holds (a book's
    /// chapters at the content root, listed by `SUMMARY.md`, MkDocs' `nav` or a
    /// sidebar), in reading order: `title`, `url`.
    pub nav: Vec<NavLink<'a>>,
    /// The articles outside any topic that neither `nav` nor the home page's list
    /// holds (standalone pages such as an about page): `title`, `url`.
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
    /// Site-relative URL of the privacy page: `privacy/`, or `site-privacy/` when a
    /// folder of the site's is at `privacy/`.
    pub privacy_url: &'a str,
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
    /// The parts of this page that moved elsewhere (`[redirects]`
    /// `"/page.html#old-part" = …`): each old part's id and where it leads (relative to
    /// this page), all apart at spaces (`old-id ../new/#id …`), or null. `attune.js`
    /// follows the one the page's address names, given it as its script's
    /// `data-moved-parts`.
    pub moved_parts: Option<String>,
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
    /// In a hub's list, the title of the `SUMMARY.md` part (mdBook's `# Part title`)
    /// that begins at this article, or null.
    pub part: Option<&'a str>,
}

/// `privacy.html`, `quick-exit.html` and `404.html`: nothing of their own. The copy of
/// `404.html` at the top of the site has `root` set to the path the site is published
/// under (`/` when unknown), or `./` in the offline edition.
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

#[cfg(test)]
mod tests {
    /// The theme contract as Markdown, from the doc comments of the structs in this
    /// folder: a table of templates, then a section per struct with its variables.
    fn contract() -> String {
        let sources = [
            include_str!("mod.rs"),
            include_str!("lists.rs"),
            include_str!("article.rs"),
        ];
        let mut templates = String::new();
        let mut sections = String::new();
        for source in sources {
            let mut doc: Vec<&str> = Vec::new();
            let mut skipped = false;
            let mut in_struct = false;
            for line in source.lines().map(str::trim) {
                if line == "#[cfg(test)]" {
                    break;
                }
                if let Some(text) = line.strip_prefix("///") {
                    doc.push(text.trim());
                } else if line.starts_with("#[serde(skip_serializing_if") {
                    skipped = true;
                } else if line.starts_with("#[") {
                } else if let Some(rest) = line.strip_prefix("pub struct ") {
                    let name: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
                    in_struct = rest.ends_with('{') && !rest.ends_with("{}");
                    let text = doc.join(" ");
                    // A page kind's doc starts with its templates' names.
                    let names: Vec<&str> = text
                        .split('`')
                        .skip(1)
                        .step_by(2)
                        .filter(|t| t.ends_with(".html"))
                        .collect();
                    if text.starts_with('`')
                        && text[1..].starts_with(names.first().copied().unwrap_or("-"))
                    {
                        let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                        templates.push_str(&format!(
                            "| {} | [`{name}`](#{}) |\n",
                            names.join(", "),
                            name.to_lowercase()
                        ));
                    }
                    sections.push_str(&format!("\n## `{name}`\n\n{text}\n"));
                    if in_struct {
                        sections.push_str("\n| Variable | What it holds |\n| --- | --- |\n");
                    }
                    doc.clear();
                } else if in_struct && line == "}" {
                    in_struct = false;
                } else if let Some(field) = line.strip_prefix("pub ").filter(|_| in_struct) {
                    let name = field.split(':').next().unwrap_or_default().trim();
                    let mut text = doc.join(" ");
                    if skipped {
                        text.push_str(" (May be absent.)");
                    }
                    if name == "own" {
                        sections.push_str(&format!("| *(the page kind's variables)* | {text} |\n"));
                    } else {
                        sections.push_str(&format!("| `{name}` | {text} |\n"));
                    }
                    doc.clear();
                    skipped = false;
                } else {
                    doc.clear();
                }
            }
        }
        format!(
            "# Theme contract\n\n\
             What each template of a theme receives. A site theme (`[build] theme = \"NAME\"`)\n\
             overrides any template of the default theme by writing a file of the same name\n\
             in `themes/NAME/templates/`; tera syntax, HTML autoescaped. Every template gets\n\
             [`Base`](#base); every page template also gets the variables of\n\
             [`Page`](#page) and those of its kind below. Nothing else is promised.\n\n\
             This file is written from the doc comments of `src/render/context/`\n\
             (`ATTUNE_BLESS=1 cargo test --lib theme_contract` rewrites it; the test fails\n\
             when it is out of date).\n\n\
             | Template | Its own variables |\n| --- | --- |\n{templates}{sections}"
        )
    }

    #[test]
    fn theme_contract_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/README.md");
        let expected = contract();
        if std::env::var_os("ATTUNE_BLESS").is_some() {
            std::fs::write(&path, &expected).unwrap();
        }
        let written = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            written == expected,
            "themes/README.md is out of date: ATTUNE_BLESS=1 cargo test --lib theme_contract"
        );
    }
}
