//! `[permalinks]` in book.toml, Hugo's `permalinks` pasted as they are: the address
//! Hugo published a section's pages at (`/:year/:month/:day/:slug/`), worked out with
//! Hugo's tokens. The page keeps its own address; the permalink becomes its Zola-style
//! `path` (see `refs/zola_path.rs`): a redirect to the page, links written to it (and
//! to the files beside a bundle below it) lead to the page, and its relative links are
//! read from it too, where a reader's browser read them on the Hugo site.

use super::{Article, Site, Structure};
use crate::config::{permalink_pattern, Entry, Part, PermalinkKind};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::Date;
use std::collections::HashSet;

impl Site {
    pub(super) fn apply_permalinks(&mut self, diagnostics: &mut Diagnostics) {
        if self.config.permalinks.is_empty() {
            return;
        }
        let entries = self.config.permalinks.entries.clone();
        let rules = self.config.permalinks.rules.clone();
        let language = self.config.site.language.to_lowercase();
        let file = self.config.permalinks.file().display().to_string();
        let sections: HashSet<String> = self
            .articles
            .iter()
            .filter(|a| a.structure == Structure::Hub)
            .filter_map(|a| Some(folder_of(a)?.to_lowercase()))
            .collect();
        for i in 0..self.articles.len() {
            let article = &self.articles[i];
            let hub = article.structure == Structure::Hub;
            let wanted = if hub {
                PermalinkKind::Section
            } else {
                PermalinkKind::Page
            };
            let folders = section_folders(article, &sections);
            // The map form names the top section; the array form matches the page's
            // logical path and kind, the first entry that does applies.
            let by_section = folders.first().and_then(|top| {
                entries
                    .iter()
                    .find(|(k, e)| *k == wanted && e.key.to_lowercase() == top.to_lowercase())
                    .map(|(_, e)| e)
            });
            let by_rule = || {
                let path = logical_path(article);
                let kind = match (hub, path.as_str()) {
                    (true, "/") => "home",
                    (true, _) => "section",
                    _ => "page",
                };
                rules
                    .iter()
                    .find(|r| r.matches(&path, kind, &language))
                    .map(|r| &r.pattern)
            };
            let Some(entry) = by_section.or_else(by_rule) else {
                continue;
            };
            // Hugo's `url:` overrides the permalink.
            if article.front.unknown_keys.iter().any(|k| k.name == "url") {
                continue;
            }
            match permalink(article, entry, &folders, &self.articles) {
                Ok(address) => {
                    // A page Hugo published as a file (`/:slug.html`) keeps that file
                    // as an old address too (see `alias_file`).
                    let file = super::alias_file(&address).map(|f| format!("/{f}"));
                    let address = super::normalise_alias(&address);
                    if address.is_empty() || address == article.url {
                        continue;
                    }
                    self.articles[i].front.path = Some(file.unwrap_or(address));
                    self.permalink_at.insert(i, entry.at);
                }
                Err(missing) => {
                    let (line, column) = article.front_key(&["date"]);
                    diagnostics.push(
                        Diagnostic::warning(
                            Code::BadAlias,
                            format!(
                                "the permalink '{}' ({file}:{}:{}) needs {missing}, which this page has not: it keeps only its own address",
                                entry.value, entry.value_at.0, entry.value_at.1
                            ),
                        )
                        .at(&article.path, line, column)
                        .help("give the page a `date:`, as Hugo needs one to make that address"),
                    );
                }
            }
        }
    }
}

/// Hugo's logical path of a page, lower-cased: its file's path from the content
/// folder without the extension, a bundle's or section's folder for its `index.md` or
/// `_index.md` (`/articles/my-post`, `/articles`, `/` for the home page).
pub(super) fn logical_path(article: &Article) -> String {
    let rel = article.rel.with_extension("");
    let rel = rel.to_string_lossy().replace('\\', "/").to_lowercase();
    let rel = rel
        .strip_suffix("_index")
        .or(rel.strip_suffix("index"))
        .filter(|folder| folder.is_empty() || folder.ends_with('/'))
        .unwrap_or(&rel);
    format!("/{}", rel.trim_end_matches('/'))
}

/// The folder a hub's text stands for (`blog` for `blog/_index.md`).
fn folder_of(article: &Article) -> Option<String> {
    let parent = article.rel.parent()?.to_string_lossy().replace('\\', "/");
    (!parent.is_empty()).then_some(parent)
}

/// The sections an article is in, as Hugo counts them, by folder name: the top folder,
/// then each folder below it that has its own text (`_index.md`); a bundle's folder is
/// the page itself, and a section's own page is in its own section.
fn section_folders(article: &Article, sections: &HashSet<String>) -> Vec<String> {
    let rel = article.rel.to_string_lossy().replace('\\', "/");
    let mut folders: Vec<&str> = rel.split('/').collect();
    folders.pop();
    let bundle = article.structure == Structure::Page
        && article.rel.file_stem().is_some_and(|s| s == "index");
    if bundle {
        folders.pop();
    }
    let mut out = Vec::new();
    for n in 0..folders.len() {
        let path = folders[..=n].join("/");
        if n == 0 || sections.contains(&path.to_lowercase()) {
            out.push(folders[n].to_string());
        }
    }
    out
}

/// The address `entry`'s pattern gives `article`, or `Err` naming what it lacks.
fn permalink(
    article: &Article,
    entry: &Entry,
    sections: &[String],
    articles: &[Article],
) -> Result<String, &'static str> {
    let parts = permalink_pattern(&entry.value).map_err(|_| "a token Hugo defines")?;
    let date = article.front.date;
    let need_date = || date.ok_or("a date");
    let title = article.front.title.clone().unwrap_or(article.title.clone());
    let slug = article.front.slug.clone().filter(|s| !s.trim().is_empty());
    let base = content_base_name(article);
    let section_slugs = || {
        let rel = article.rel.to_string_lossy().replace('\\', "/");
        let folders: Vec<&str> = rel.split('/').collect();
        sections
            .iter()
            .map(|name| {
                let hub = articles.iter().find(|a| {
                    a.structure == Structure::Hub
                        && folder_of(a).is_some_and(|f| {
                            f.rsplit('/').next() == Some(name.as_str())
                                && folders.starts_with(&f.split('/').collect::<Vec<_>>())
                        })
                });
                hub.and_then(|h| h.front.slug.clone().or(h.front.title.clone()))
                    .unwrap_or_else(|| name.clone())
            })
            .collect::<Vec<_>>()
    };
    let mut out = String::new();
    for part in parts {
        let value = match part {
            Part::Text(t) => {
                out.push_str(&t);
                continue;
            }
            Part::Layout(layout) => go_layout(&layout, need_date()?),
            Part::Token(name, slice) => match name.as_str() {
                "year" => format!("{:04}", need_date()?.year),
                "month" => format!("{:02}", need_date()?.month),
                "monthname" => need_date()?.month_name().to_string(),
                "day" => format!("{:02}", need_date()?.day),
                "weekday" => weekday(need_date()?).to_string(),
                "weekdayname" => DAYS[weekday(need_date()?)].to_string(),
                "yearday" => yearday(need_date()?).to_string(),
                "section" => sections.first().cloned().unwrap_or_default(),
                "sectionslug" => urlize(&section_slugs().first().cloned().unwrap_or_default()),
                "sections" => sliced(sections, slice.as_deref()).join("/"),
                "sectionslugs" => {
                    let slugs: Vec<String> = section_slugs().iter().map(|s| urlize(s)).collect();
                    sliced(&slugs, slice.as_deref()).join("/")
                }
                "title" => urlize(&title),
                "slug" => urlize(slug.as_deref().unwrap_or(&title)),
                "filename" | "contentbasename" => urlize(&base),
                _ => urlize(slug.as_deref().unwrap_or(&base)),
            },
        };
        out.push_str(&value);
    }
    // An empty token leaves no empty folder, as Hugo cleans the path.
    while out.contains("//") {
        out = out.replace("//", "/");
    }
    Ok(out.to_lowercase())
}

/// Hugo's content base name: the file name without its extension, a bundle's folder
/// name for its `index.md` or `_index.md`.
fn content_base_name(article: &Article) -> String {
    let stem = article
        .rel
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy();
    if stem == "index" || stem == "_index" {
        if let Some(name) = article.rel.parent().and_then(|p| p.file_name()) {
            return name.to_string_lossy().into_owned();
        }
    }
    stem.into_owned()
}

/// Hugo's `URLize`: spaces become `-`; letters, digits and `._-+~#` stay, as does `/`;
/// anything else goes.
pub(super) fn urlize(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            c if c.is_whitespace() => Some('-'),
            c if c.is_alphanumeric() || "._-+~#/".contains(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Hugo's slice of `:sections`: `[1:]`, `[:last]`, `[last]`, `[1:2]`, never out of
/// bounds.
fn sliced<'a>(items: &'a [String], slice: Option<&str>) -> &'a [String] {
    let Some(slice) = slice else {
        return items;
    };
    let len = items.len();
    let index = |s: &str, default: usize| match s.trim() {
        "" => default,
        "last" => len.saturating_sub(1),
        n => n.parse().unwrap_or(default).min(len),
    };
    match slice.split_once(':') {
        Some((a, b)) => {
            let (a, b) = (index(a, 0), index(b, len));
            items.get(a..b.max(a)).unwrap_or(&[])
        }
        None => {
            let a = index(slice, 0);
            items.get(a..(a + 1).min(len)).unwrap_or(&[])
        }
    }
}

const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// 0 for Sunday, as Go counts (Sakamoto's method).
fn weekday(d: Date) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if d.month < 3 { d.year - 1 } else { d.year };
    let w = y + y / 4 - y / 100 + y / 400 + T[d.month as usize - 1] + d.day as i32;
    w.rem_euclid(7) as usize
}

/// The day of the year, 1 to 366.
fn yearday(d: Date) -> u32 {
    (1..d.month)
        .map(|m| crate::load::days_in_month(d.year, m))
        .sum::<u32>()
        + d.day
}

/// `layout` formatted as Go formats a date (the time of day is midnight).
fn go_layout(layout: &str, d: Date) -> String {
    let mut out = String::new();
    let mut rest = layout;
    while let Some(c) = rest.chars().next() {
        let Some(element) = crate::config::PERMALINK_LAYOUT
            .iter()
            .find(|e| rest.starts_with(**e))
        else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        let month = d.month_name();
        let day = DAYS[weekday(d)];
        out.push_str(&match *element {
            "January" => month.to_string(),
            "Jan" => month[..3].to_string(),
            "Monday" => day.to_string(),
            "Mon" => day[..3].to_string(),
            "2006" => format!("{:04}", d.year),
            "06" => format!("{:02}", d.year.rem_euclid(100)),
            "002" => format!("{:03}", yearday(d)),
            "01" => format!("{:02}", d.month),
            "1" => d.month.to_string(),
            "02" => format!("{:02}", d.day),
            "2" => d.day.to_string(),
            "_2" => format!("{:>2}", d.day),
            "__2" => format!("{:>3}", yearday(d)),
            "15" | "04" | "05" => "00".to_string(),
            "03" => "12".to_string(),
            "3" => "12".to_string(),
            "4" | "5" => "0".to_string(),
            "PM" => "AM".to_string(),
            _ => "am".to_string(),
        });
        rest = &rest[element.len()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_fill_tokens_as_go_formats_them() {
        let d = Date {
            year: 2019,
            month: 10,
            day: 3,
        };
        assert_eq!(weekday(d), 4);
        assert_eq!(yearday(d), 276);
        assert_eq!(go_layout("06", d), "19");
        assert_eq!(go_layout("2006", d), "2019");
        assert_eq!(go_layout("January", d), "October");
        assert_eq!(go_layout("Jan", d), "Oct");
        assert_eq!(go_layout("1", d), "10");
        assert_eq!(go_layout("2", d), "3");
        assert_eq!(go_layout("002", d), "276");
    }

    #[test]
    fn sections_slice_as_hugo_slices_them() {
        let s: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(sliced(&s, Some("1:")), &s[1..]);
        assert_eq!(sliced(&s, Some(":last")), &s[..2]);
        assert_eq!(sliced(&s, Some("last")), &s[2..]);
        assert_eq!(sliced(&s, Some("1:2")), &s[1..2]);
        assert_eq!(sliced(&s, Some("5:9")), &[] as &[String]);
        assert_eq!(urlize("Hello, World!"), "Hello-World");
    }
}
