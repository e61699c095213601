//! Hugo Blox's (Wowchemy's, the Academic theme's) widget home page: a site with no
//! text of its own for the home page keeps it in the headless bundle `home/`, one
//! file per section of the page (`widget = "about"`, `weight`, `active`, `title`),
//! which the theme shows in `weight` order, each at an id of its file's name (links
//! elsewhere lead to `/#contact`). Hugo publishes none of those files as a page, so
//! without this the home page loses its text and those links their target.
//!
//! Here they make the home page's text: each active widget in that order, a heading of
//! its title with its file's name as the id, and its text brought in with
//! `{{#include}}` (so a problem in it is reported at its own line). A widget without
//! text of its own (a list of posts, a contact form the theme draws) is its id alone.

use super::fence::{find_front_matter, Found};
use super::{FrontMatter, Source};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The home bundle's folder, as Hugo Blox names it.
const HOME: &str = "home";

/// One widget file of a widget page.
#[derive(Debug)]
pub(super) struct Widget {
    rel: PathBuf,
    id: String,
    title: Option<String>,
    weight: f64,
    /// The 1-based line its text starts on, when it has any.
    body_line: Option<usize>,
}

/// A page built from widgets: the bundle folder whose files they are, and its widgets
/// in the order they show.
#[derive(Debug)]
pub(super) struct WidgetPage {
    folder: PathBuf,
    /// Its own page (`index.md`, or `index.html`).
    own: PathBuf,
    widgets: Vec<Widget>,
}

/// Takes the widget files of each widget page out of `markdown` (full path, path from
/// the content folder): the home bundle's, when the content folder has no text of its
/// own for the home page, and those of every bundle whose `index.md` says `type =
/// "widget_page"`; inactive ones (`active = false`) are taken out and left so. None
/// but on a Hugo site (`hugo`).
pub(super) fn take_widgets(markdown: &mut Vec<(PathBuf, PathBuf)>, hugo: bool) -> Vec<WidgetPage> {
    if !hugo {
        return Vec::new();
    }
    // `_index.md`, `index.en.md`, `README.md` at the top.
    let top_index = |rel: &Path| {
        rel.parent() == Some(Path::new(""))
            && rel.file_name().and_then(|s| s.to_str()).is_some_and(|s| {
                let s = s.split('.').next().unwrap_or_default();
                matches!(s, "_index" | "index") || s.eq_ignore_ascii_case("readme")
            })
    };
    let home_free = !markdown.iter().any(|(_, rel)| top_index(rel));
    let own_page = |rel: &Path| {
        (rel.file_name().and_then(|n| n.to_str())).is_some_and(super::bundles::is_leaf_index)
    };
    // Only a bundle with other files beside its page can hold widgets: its page is
    // read for its `type` only then, not every bundle's page of a site.
    let beside: std::collections::HashSet<&Path> = markdown
        .iter()
        .filter(|(_, rel)| !own_page(rel))
        .filter_map(|(_, rel)| rel.parent())
        .collect();
    let folders: Vec<(PathBuf, PathBuf)> = markdown
        .iter()
        .filter(|(_, rel)| own_page(rel))
        .filter_map(|(full, rel)| {
            let folder = rel.parent().filter(|f| !f.as_os_str().is_empty())?;
            if !beside.contains(folder) {
                return None;
            }
            let home = folder == Path::new(HOME) && home_free;
            (home || is_widget_page(full)).then(|| (folder.to_path_buf(), rel.clone()))
        })
        .collect();
    let mut pages = Vec::new();
    for (folder, own) in folders {
        let mut widgets = Vec::new();
        let mut taken = Vec::new();
        for (i, (full, rel)) in markdown.iter().enumerate() {
            if rel.parent() != Some(folder.as_path()) || own_page(rel) {
                continue;
            }
            if let Some(widget) = read_widget(full, rel) {
                taken.push(i);
                widgets.extend(widget);
            }
        }
        if taken.is_empty() {
            continue;
        }
        for i in taken.into_iter().rev() {
            markdown.remove(i);
        }
        widgets.sort_by(|a, b| a.weight.total_cmp(&b.weight).then(a.rel.cmp(&b.rel)));
        pages.push(WidgetPage {
            folder,
            own,
            widgets,
        });
    }
    pages
}

/// Whether the page `full` says it is built from widgets (`type = "widget_page"`).
fn is_widget_page(full: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(full) else {
        return false;
    };
    let Found::Block { body_start, .. } = find_front_matter(&text) else {
        return false;
    };
    super::hugo_params::front_values(&text[..body_start])
        .and_then(|front| {
            let (_, kind) = front
                .as_object()?
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("type"))?;
            Some(kind.as_str()? == "widget_page")
        })
        .unwrap_or(false)
}

/// The widget `full` holds: `None` when it is no widget (no `widget` key), `Some(None)`
/// when it is one switched off.
fn read_widget(full: &Path, rel: &Path) -> Option<Option<Widget>> {
    let text = std::fs::read_to_string(full).ok()?;
    let Found::Block { body_start, .. } = find_front_matter(&text) else {
        return None;
    };
    let front = super::hugo_params::front_values(&text[..body_start])?;
    let key = |name: &str| {
        front
            .as_object()?
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    };
    key("widget")?;
    if matches!(key("active"), Some(Value::Bool(false))) {
        return Some(None);
    }
    let body = &text[body_start..];
    let body_line = (!body.trim().is_empty()).then(|| text[..body_start].matches('\n').count() + 1);
    let title = key("title")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    let id = rel.file_stem()?.to_string_lossy().to_string();
    Some(Some(Widget {
        rel: rel.to_path_buf(),
        id: crate::text::slugify(&id),
        title,
        weight: key("weight").and_then(Value::as_f64).unwrap_or(0.0),
        body_line,
    }))
}

/// The text of a page made of `widgets`: each a heading of its title with its file's
/// name as the id and its text included, or that id alone.
fn widget_text(widgets: &[Widget]) -> String {
    let mut body = String::new();
    for widget in widgets {
        let file = widget.rel.file_name().unwrap_or_default().to_string_lossy();
        match (&widget.title, widget.body_line) {
            (Some(title), Some(_)) => {
                let title = title.replace(['{', '}', '\n'], " ");
                body.push_str(&format!("## {title} {{#{}}}\n\n", widget.id));
            }
            _ => body.push_str(&format!("<div id=\"{}\"></div>\n\n", widget.id)),
        }
        if let Some(line) = widget.body_line {
            body.push_str(&format!("{{{{#include {file}:{line}:}}}}\n\n"));
        }
    }
    body
}

/// Gives each widget page its widgets' text: the home bundle's is the home page's
/// (the content folder's `_index.md`, which it does not have), another's is added
/// after its own `index.md`'s text.
pub(super) fn add_widget_pages(
    dir: &Path,
    root: &Path,
    pages: &[WidgetPage],
    sources: &mut Vec<Source>,
) {
    for page in pages {
        let is_home = page.folder == Path::new(HOME)
            && !sources.iter().any(|s| {
                s.rel.parent() == Some(Path::new("")) && s.slug == crate::text::slugify("_index")
            });
        if is_home {
            // Included from the home bundle's folder, as if written there.
            let text =
                widget_text(&page.widgets).replace("{{#include ", &format!("{{{{#include {HOME}/"));
            let full = dir.join("_index.md");
            sources.push(Source {
                path: super::read::display_path(root, &full),
                rel: PathBuf::from("_index.md"),
                slug: crate::text::slugify("_index"),
                topic: None,
                // A title of its own, so the first widget's heading is not taken for it.
                front: FrontMatter {
                    title: Some("Home".to_string()),
                    ..FrontMatter::default()
                },
                body_hash: super::read::content_hash(&text),
                text,
                body_start: 0,
            });
        } else if let Some(source) = sources.iter_mut().find(|s| s.rel == page.own) {
            if !source.text.ends_with('\n') {
                source.text.push('\n');
            }
            source.text.push('\n');
            source.text.push_str(&widget_text(&page.widgets));
            source.body_hash = super::read::content_hash(source.body());
        }
    }
}
