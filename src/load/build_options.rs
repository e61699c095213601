//! Hugo's front matter keys that decide whether a page is written and where it is
//! listed: `build` (formerly `_build`: `render`, `list`, `publishResources`) and
//! `outputs`, and the warnings for what of them attune does not do (and for Zola's
//! `sort_by`, where it asks for another order than attune's).

use super::{FrontMatter, Source, Spans, Step};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use serde::Deserialize;

/// Hugo's `build` options in front matter.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BuildOptions {
    /// Whether the page is written: `always` (or `true`), or `never`/`link` (or
    /// `false`), when it is not.
    #[serde(default, deserialize_with = "render_when")]
    pub render: Option<bool>,
    /// Where the page is listed: `always` (or `true`), `local` (only on its folder's
    /// hub), `never` (or `false`, nowhere).
    #[serde(default, deserialize_with = "listed_where")]
    pub list: Option<Listing>,
    /// Whether the files beside the page are published: attune publishes them all
    /// (Hugo, with `false`, only those a template uses); `false` earns a warning.
    #[serde(rename = "publishResources", alias = "publishresources")]
    pub publish_resources: Option<bool>,
}

/// Hugo's `sitemap` in front matter: `disable: true` (Hugo 0.125) leaves the page out
/// of sitemap.xml. Its `changefreq`, `priority` and `filename` are read and left aside
/// (as values of any kind, so none is reported as an unknown key): attune's sitemap
/// gives each page its address and date only.
/// Also a flag alone, as Jekyll's sitemap plugin reads `sitemap: false` (the page out
/// of the sitemap).
#[derive(Debug, Clone, Default)]
pub struct SitemapOptions {
    pub disable: bool,
}

impl<'de> Deserialize<'de> for SitemapOptions {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Table {
            #[serde(default, deserialize_with = "super::front::flag")]
            disable: bool,
            /// Hugo's hints to crawlers and its sitemap's file name: read, left aside.
            #[serde(default)]
            #[allow(dead_code)]
            changefreq: Option<serde_json::Value>,
            #[serde(default)]
            #[allow(dead_code)]
            priority: Option<serde_json::Value>,
            #[serde(default)]
            #[allow(dead_code)]
            filename: Option<serde_json::Value>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Listed(bool),
            Table(Table),
        }
        Ok(SitemapOptions {
            disable: match Form::deserialize(d)? {
                Form::Listed(listed) => !listed,
                Form::Table(table) => table.disable,
            },
        })
    }
}

/// Where a published page is listed, as Hugo's `build.list` says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Listing {
    /// In every list: hubs, tag pages, search, sitemap, feed.
    #[default]
    Always,
    /// Only on its folder's hub and among its topic's pages (previous and next): not
    /// in the site-wide lists (tag pages, search, sitemap, feed), as Hugo keeps such a
    /// page out of its global collections.
    Local,
    /// In no list: written, and reached only by the links to it.
    Never,
}

impl FrontMatter {
    /// Where the page is listed (`build.list`).
    pub fn listing(&self) -> Listing {
        self.build.as_ref().and_then(|b| b.list).unwrap_or_default()
    }

    /// Whether Hugo's `sitemap: {disable: true}` keeps the page out of sitemap.xml.
    pub fn sitemap_disabled(&self) -> bool {
        self.sitemap.as_ref().is_some_and(|s| s.disable)
    }

    /// `outputs` without `html`: Hugo writes no HTML page for it.
    pub(super) fn no_html_output(&self) -> bool {
        self.outputs
            .as_ref()
            .is_some_and(|o| !o.iter().any(|f| f.eq_ignore_ascii_case("html")))
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum When {
    Flag(bool),
    Word(String),
}

fn render_when<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match When::deserialize(d)? {
        When::Flag(flag) => Ok(Some(flag)),
        When::Word(word) => match word.to_ascii_lowercase().as_str() {
            "always" => Ok(Some(true)),
            "never" | "link" => Ok(Some(false)),
            _ => Err(serde::de::Error::custom(format!(
                "`build.render` is `always`, `never` or `link`, not `{word}`"
            ))),
        },
    }
}

fn listed_where<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Listing>, D::Error> {
    match When::deserialize(d)? {
        When::Flag(true) => Ok(Some(Listing::Always)),
        When::Flag(false) => Ok(Some(Listing::Never)),
        When::Word(word) => match word.to_ascii_lowercase().as_str() {
            "always" => Ok(Some(Listing::Always)),
            "local" => Ok(Some(Listing::Local)),
            "never" => Ok(Some(Listing::Never)),
            _ => Err(serde::de::Error::custom(format!(
                "`build.list` is `always`, `local` or `never`, not `{word}`"
            ))),
        },
    }
}

/// `outputs`: a list of format names, or one name alone (`outputs: json`).
pub(super) fn formats<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<String>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Formats {
        One(String),
        Many(Vec<String>),
    }
    Ok(Some(match Formats::deserialize(d)? {
        Formats::One(format) => vec![format],
        Formats::Many(formats) => formats,
    }))
}

/// Output formats attune writes in its own way for every page: the page itself, and
/// the site's one Atom feed standing for Hugo's RSS.
const WRITTEN: &[&str] = &["html", "rss", "atom"];

/// Warnings, at their keys, for what a published page's `build` and `outputs` ask
/// that attune does not do: `publishResources: false` (attune publishes the files
/// beside every page) and output formats other than the page (`json`, `print`…).
pub(super) fn warn_unsupported(source: &Source, diagnostics: &mut Diagnostics) {
    let front = &source.front;
    let spans = || Spans::front_matter(&source.text[..source.body_start]);
    if front.build.as_ref().and_then(|b| b.publish_resources) == Some(false) {
        let spans = spans();
        let at = ["build", "_build"].iter().find_map(|build| {
            ["publishResources", "publishresources"]
                .iter()
                .find_map(|key| spans.key(&[Step::key(build), Step::key(key)]))
        });
        let (line, column) = at.unwrap_or((1, 1));
        diagnostics.push(
            Diagnostic::warning(
                Code::UnknownKey,
                "`publishResources: false` is not read: attune publishes every file beside the page (Hugo publishes only those a template uses)",
            )
            .at(&source.path, line, column)
            .help("to keep a file unpublished, move it out of the content folder or list it in `[build] exclude`"),
        );
    }
    if let Some(sort_by) = front.sort_by.as_deref().map(str::trim) {
        if !["weight", "date", "none", ""].contains(&sort_by) {
            let (line, column) = spans().key(&[Step::key("sort_by")]).unwrap_or((1, 1));
            diagnostics.push(
                Diagnostic::warning(
                    Code::UnknownKey,
                    format!("`sort_by = \"{sort_by}\"` is not read: attune sorts a folder's pages by `weight`, then `date` (newest first), then title"),
                )
                .at(&source.path, line, column)
                .help("to keep Zola's order, give the pages a `weight`"),
            );
        }
    }
    let Some(outputs) = &front.outputs else {
        return;
    };
    let other: Vec<&str> = outputs
        .iter()
        .map(|f| f.trim())
        .filter(|f| !WRITTEN.iter().any(|w| f.eq_ignore_ascii_case(w)))
        .collect();
    if other.is_empty() {
        return;
    }
    let (line, column) = spans().key(&[Step::key("outputs")]).unwrap_or((1, 1));
    let list = other
        .iter()
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ");
    diagnostics.push(
        Diagnostic::warning(
            Code::UnknownKey,
            format!("`outputs` asks for {list}: attune writes the HTML page only (with its own Atom feed and search index), so {} not written", if other.len() == 1 { "it is" } else { "they are" }),
        )
        .at(&source.path, line, column)
        .help("a format a theme's template made (a JSON index, a print page) has no equivalent here; take it out of `outputs`"),
    );
}
