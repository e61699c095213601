//! The vault as a base's expressions see it: each note's properties (its front
//! matter, `[[Note]]` values read as links), tags, links and file fields; and each
//! other file of the content folder (an image, a PDF), which a base lists too, with
//! its file fields and the notes that show or link to it. Rows `0..articles` are the
//! notes, the rest the other files.

use super::eval::{shown, Env, Unsupported, Value, Vault};
use super::spec::Named;
use super::{Cell, Piece};
use crate::site::{Found, Site};
use rayon::prelude::*;
use serde_yaml::Value as Yaml;
use std::collections::HashSet;

pub struct Notes<'s> {
    site: &'s Site,
    properties: Vec<Vec<(String, Value)>>,
    tags: Vec<Vec<String>>,
    /// The notes each note links to, in its text or its properties.
    links: Vec<Vec<Value>>,
    linked: Vec<HashSet<usize>>,
    /// The other files of the content folder (paths in the output), each with the
    /// notes that show or link to it.
    files: Vec<(String, Vec<usize>)>,
    /// Notes and files in path order: a view's rows before it sorts them.
    order: Vec<usize>,
    finder: Finder<'s>,
}

/// Finds what a name written in a note names: a note, as its wikilinks find one, else
/// another file of the content folder by its path or name (`[[cover.jpg]]`).
struct Finder<'s> {
    site: &'s Site,
    /// Each other file's path and name, in lower case, → its row.
    files: std::collections::HashMap<String, usize>,
}

impl<'s> Finder<'s> {
    fn new(site: &'s Site, files: &[(String, Vec<usize>)]) -> Finder<'s> {
        let mut by_name = std::collections::HashMap::new();
        for (k, (path, _)) in files.iter().enumerate() {
            let row = site.articles.len() + k;
            by_name.entry(path.to_lowercase()).or_insert(row);
            let name = path.rsplit('/').next().unwrap_or(path);
            by_name.entry(name.to_lowercase()).or_insert(row);
        }
        Finder {
            site,
            files: by_name,
        }
    }

    fn find(&self, from: usize, name: &str) -> Option<usize> {
        find(self.site, from, name).or_else(|| {
            let name = name.trim().trim_start_matches("./").trim_start_matches('/');
            self.files.get(&name.to_lowercase()).copied()
        })
    }
}

impl<'s> Notes<'s> {
    pub fn new(site: &'s Site) -> Notes<'s> {
        let mut files: Vec<(String, Vec<usize>)> = (site.assets.iter())
            .filter(|a| a.from == crate::load::AssetFolder::Content)
            .map(|a| (a.path(), Vec::new()))
            .collect();
        files.sort();
        let by_path: std::collections::HashMap<String, usize> = files
            .iter()
            .enumerate()
            .map(|(k, (p, _))| (p.clone(), k))
            .collect();
        let finder = Finder::new(site, &files);
        let read: Vec<_> = (0..site.articles.len())
            .into_par_iter()
            .map(|i| {
                let article = &site.articles[i];
                let mapping = crate::load::yaml_front_matter(&article.front_matter)
                    .and_then(|text| serde_yaml::from_str::<Yaml>(text).ok());
                let properties: Vec<(String, Value)> = match mapping {
                    Some(Yaml::Mapping(m)) => m
                        .iter()
                        .map(|(k, v)| (super::spec::text_of(k), from_yaml(&finder, i, v)))
                        .collect(),
                    _ => Vec::new(),
                };
                let mut tags: Vec<String> = Vec::new();
                for t in article.front.tags.iter().chain(&article.parsed.tags) {
                    let t = t.trim_start_matches('#').to_string();
                    if !tags.contains(&t) {
                        tags.push(t);
                    }
                }
                let mut links: Vec<Value> = (article.parsed.links.iter())
                    .zip(&site.links[i])
                    .filter(|(l, _)| !l.embed)
                    .map(|(_, r)| link_value(site, r.target, &r.title))
                    .collect();
                for (_, v) in &properties {
                    gather_links(v, &mut links);
                }
                let linked = links
                    .iter()
                    .filter_map(|l| match l {
                        Value::Link { target, .. } => *target,
                        _ => None,
                    })
                    .collect();
                (properties, tags, links, linked)
            })
            .collect();
        for (i, refs) in site.refs.iter().enumerate() {
            for r in refs {
                let crate::site::RefTarget::Site {
                    path,
                    article: None,
                    ..
                } = r
                else {
                    continue;
                };
                if let Some(&k) = by_path.get(path.as_str()) {
                    if files[k].1.last() != Some(&i) {
                        files[k].1.push(i);
                    }
                }
            }
        }
        let mut notes = Notes {
            site,
            properties: Vec::with_capacity(read.len()),
            tags: Vec::with_capacity(read.len()),
            links: Vec::with_capacity(read.len()),
            linked: Vec::with_capacity(read.len()),
            order: (0..site.articles.len() + files.len()).collect(),
            files,
            finder,
        };
        for (properties, tags, links, linked) in read {
            notes.properties.push(properties);
            notes.tags.push(tags);
            notes.links.push(links);
            notes.linked.push(linked);
        }
        let paths: Vec<String> = (0..notes.order.len()).map(|r| notes.path(r)).collect();
        notes.order.sort_by(|&a, &b| paths[a].cmp(&paths[b]));
        notes
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn order(&self) -> impl Iterator<Item = usize> + '_ {
        self.order.iter().copied()
    }

    /// The value a view shows for `property` (`file.name`, `note.author`, `author`,
    /// `formula.ppu`) of the note `env.row`.
    pub fn column(&self, env: &mut Env, property: &str) -> Result<Value, Unsupported> {
        let row = env.row;
        if property == "file.name" {
            let name = self.file_field(row, "name").map(|n| shown(&n));
            return Ok(Value::Link {
                target: Some(row),
                path: String::new(),
                display: name,
            });
        }
        match super::spec::named(property) {
            Named::Note(key) => Ok(env.property(row, key)),
            Named::File(key) => env.file_field(row, key),
            Named::Formula(key) => env.formula(key),
        }
    }

    /// What a cell shows of a value: links to notes by their names, links to other
    /// sites by their text, the rest as text.
    pub fn cell(&self, v: &Value) -> Cell {
        let mut pieces = Vec::new();
        self.pieces(v, &mut pieces);
        pieces
    }

    fn pieces(&self, v: &Value, out: &mut Cell) {
        match v {
            Value::List(items) => {
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push(Piece::Text(", ".into()));
                    }
                    self.pieces(item, out);
                }
            }
            Value::File(row) => match self.file(*row) {
                Some((path, _)) => out.push(Piece::File(path.clone(), self.stem(*row))),
                None => out.push(Piece::Page(*row, self.stem(*row))),
            },
            Value::Link {
                target: Some(note),
                display,
                ..
            } => {
                let text = display.clone().unwrap_or_else(|| self.stem(*note));
                match self.file(*note) {
                    Some((path, _)) => out.push(Piece::File(path.clone(), text)),
                    None => out.push(Piece::Page(*note, text)),
                }
            }
            Value::Link {
                target: None,
                path,
                display,
            } if path.starts_with("https://") || path.starts_with("http://") => {
                let text = display.clone().unwrap_or_else(|| path.clone());
                out.push(Piece::Web(path.clone(), text));
            }
            other => {
                let text = shown(other);
                if !text.is_empty() {
                    out.push(Piece::Text(text));
                }
            }
        }
    }

    /// The image file a card shows for a value: a file of the content folder that is
    /// an image (the row itself, `file.file`; a `[[cover.jpg]]` or `cover.jpg`
    /// property). An image on another site is not shown: the site's pages load files
    /// only from the site itself.
    pub fn image(&self, v: &Value) -> Option<String> {
        let row = match v {
            Value::File(row)
            | Value::Link {
                target: Some(row), ..
            } => *row,
            Value::Text(name) => self.finder.find(0, name)?,
            Value::List(items) => return items.iter().find_map(|i| self.image(i)),
            _ => return None,
        };
        let (path, _) = self.file(row)?;
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        crate::markdown::is_image(&ext).then(|| path.clone())
    }

    fn stem(&self, note: usize) -> String {
        let path = self.path(note);
        let name = path.rsplit('/').next().unwrap_or(&path);
        match name.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem.to_string(),
            _ => name.to_string(),
        }
    }

    /// A row's path from the content folder (`/`-separated).
    fn path(&self, row: usize) -> String {
        match self.file(row) {
            Some((path, _)) => path.clone(),
            None => self.site.articles[row]
                .rel
                .to_string_lossy()
                .replace('\\', "/"),
        }
    }

    /// The other file row `row` is, if it is no note.
    fn file(&self, row: usize) -> Option<&(String, Vec<usize>)> {
        self.files.get(row.checked_sub(self.site.articles.len())?)
    }
}

impl Vault for Notes<'_> {
    fn properties(&self, note: usize) -> &[(String, Value)] {
        self.properties.get(note).map_or(&[], Vec::as_slice)
    }

    fn file_field(&self, note: usize, field: &str) -> Option<Value> {
        if let Some((path, users)) = self.file(note) {
            return self.other_file_field(note, path, users, field);
        }
        let article = &self.site.articles[note];
        let rel = article.rel.to_string_lossy().replace('\\', "/");
        let text = |s: &str| Some(Value::Text(s.to_string()));
        match field {
            // A note's name is its file's without `.md`, as Obsidian shows and
            // compares it (`file.name.contains(this.file.name)` finds a daily note's
            // date in other notes' names).
            "name" => Some(Value::Text(self.stem(note))),
            "basename" => Some(Value::Text(self.stem(note))),
            "path" => Some(Value::Text(rel.clone())),
            "folder" => text(rel.rsplit_once('/').map_or("/", |(folder, _)| folder)),
            "ext" => text(rel.rsplit_once('.').map_or("", |(_, ext)| ext)),
            "size" => {
                let size = std::fs::metadata(self.site.root.join(&article.path))
                    .ok()?
                    .len();
                Some(Value::Number(size as f64))
            }
            "tags" => Some(Value::List(
                self.tags[note]
                    .iter()
                    .map(|t| Value::Text(t.clone()))
                    .collect(),
            )),
            "links" => Some(Value::List(self.links[note].clone())),
            "backlinks" => Some(Value::List(
                self.site.backlinks[note]
                    .iter()
                    .map(|b| Value::File(b.source))
                    .collect(),
            )),
            "embeds" => Some(Value::List(
                (article.parsed.links.iter())
                    .zip(&self.site.links[note])
                    .filter(|(l, _)| l.embed)
                    .map(|(_, r)| link_value(self.site, r.target, &r.title))
                    .collect(),
            )),
            _ => None,
        }
    }

    fn links_to(&self, note: usize, to: usize) -> bool {
        match self.file(to) {
            Some((_, users)) => users.contains(&note),
            None => self.linked.get(note).is_some_and(|l| l.contains(&to)),
        }
    }

    fn find(&self, from: usize, name: &str) -> Option<usize> {
        self.finder.find(from, name)
    }
}

impl Notes<'_> {
    /// A field of a file that is no note: its name keeps its extension.
    fn other_file_field(
        &self,
        row: usize,
        path: &str,
        users: &[usize],
        field: &str,
    ) -> Option<Value> {
        let text = |s: &str| Some(Value::Text(s.to_string()));
        match field {
            "name" => text(path.rsplit('/').next().unwrap_or(path)),
            "basename" => Some(Value::Text(self.stem(row))),
            "path" => text(path),
            "folder" => text(path.rsplit_once('/').map_or("/", |(folder, _)| folder)),
            "ext" => text(path.rsplit_once('.').map_or("", |(_, ext)| ext)),
            "size" => {
                let content = self.site.root.join(&self.site.config.build.content_dir);
                let size = std::fs::metadata(content.join(path)).ok()?.len();
                Some(Value::Number(size as f64))
            }
            "tags" | "links" | "embeds" => Some(Value::List(Vec::new())),
            "backlinks" => Some(Value::List(users.iter().map(|&u| Value::File(u)).collect())),
            _ => None,
        }
    }
}

fn find(site: &Site, from: usize, name: &str) -> Option<usize> {
    match site.lookup_from(from, name) {
        Found::One(i) => Some(i),
        _ => None,
    }
}

fn link_value(site: &Site, target: Option<usize>, title: &str) -> Value {
    let path = match target {
        Some(t) => site.articles[t]
            .rel
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        None => title.to_string(),
    };
    Value::Link {
        target,
        path,
        display: None,
    }
}

/// Every link a property's value holds, at any depth.
fn gather_links(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Link { .. } => out.push(v.clone()),
        Value::List(items) => items.iter().for_each(|i| gather_links(i, out)),
        Value::Object(entries) => entries.iter().for_each(|(_, i)| gather_links(i, out)),
        _ => {}
    }
}

/// A front matter value as a base reads it: `"[[Note]]"` and `"[[Note|label]]"` are
/// links, found from note `from`.
fn from_yaml(finder: &Finder, from: usize, v: &Yaml) -> Value {
    match v {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(*b),
        Yaml::Number(n) => n.as_f64().map_or(Value::Null, Value::Number),
        Yaml::String(s) => match wikilink(s) {
            Some((name, display)) => {
                let name = name.split('#').next().unwrap_or(name);
                Value::Link {
                    target: finder.find(from, name),
                    path: name.to_string(),
                    display: display.map(str::to_string),
                }
            }
            None => Value::Text(s.clone()),
        },
        Yaml::Sequence(items) => {
            Value::List(items.iter().map(|i| from_yaml(finder, from, i)).collect())
        }
        Yaml::Mapping(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (super::spec::text_of(k), from_yaml(finder, from, v)))
                .collect(),
        ),
        Yaml::Tagged(t) => from_yaml(finder, from, &t.value),
    }
}

/// `[[Note]]` → ("Note", None); `[[Note|label]]` → ("Note", Some("label")).
fn wikilink(s: &str) -> Option<(&str, Option<&str>)> {
    let inner = s.trim().strip_prefix("[[")?.strip_suffix("]]")?;
    if inner.contains("[[") || inner.contains("]]") {
        return None;
    }
    Some(match inner.split_once('|') {
        Some((name, label)) => (name.trim(), Some(label.trim())),
        None => (inner.trim(), None),
    })
}
