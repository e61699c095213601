//! The names a wikilink may use for an article: its path (or the end of it), its file
//! name, its title, or one of its `aliases:` that is a name rather than a URL path.
//! Names are compared as slugs, so `[[Dismissive Family]]` finds
//! `dismissive family.md` and `dismissive-family.md` alike.

use super::{normalise_alias, Article, Site, Structure};
use crate::diagnostic::{Code, Diagnostic};
use crate::text::slugify;
use std::collections::HashMap;
use std::path::Path;

/// What a name finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    One(usize),
    /// More than one article answers to the name: the candidates, by path.
    Many(Vec<usize>),
    None,
}

#[derive(Debug, Default)]
pub struct Names {
    /// Whole paths (`patterns/family-styles/dismissive`) and page URLs.
    paths: HashMap<String, usize>,
    /// The ends of paths, two folders or more (`family-styles/dismissive`).
    suffixes: HashMap<String, Vec<usize>>,
    stems: HashMap<String, Vec<usize>>,
    /// Folders' own files (`acme/index.md`, `README.md`) by the folder's name: found
    /// when no file has the name, as Obsidian finds a file by its own name alone.
    folders: HashMap<String, Vec<usize>>,
    titles: HashMap<String, Vec<usize>>,
    aliases: HashMap<String, Vec<usize>>,
}

/// A name as a key: each `/`-separated part made a slug, `.md` dropped.
pub fn key(name: &str) -> String {
    let name = name.trim();
    let name = name
        .strip_suffix(".md")
        .or_else(|| name.strip_suffix(".markdown"))
        .unwrap_or(name);
    name.split('/')
        .map(|part| match slugify(part) {
            // A name of symbols or emoji alone (`$?`, `🧠`), spelled as its file's
            // slug is.
            slug if slug.is_empty() => crate::text::spelled_slug(part),
            slug => slug,
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}

/// The path form of an article: its file's path under `content/`, without the
/// extension, each part a slug; a hub or bundle is its folder.
pub fn path_form(article: &Article) -> String {
    let rel = article.rel.with_extension("");
    let mut form = key(&rel.to_string_lossy().replace('\\', "/"));
    let stem = rel.file_name().and_then(|s| s.to_str()).unwrap_or_default();
    if matches!(stem, "_index" | "index") {
        form = Path::new(&form)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    form
}

/// The files that hold their folder's own text, named by the folder.
const FOLDER_FILES: [&str; 3] = ["index", "_index", "README"];

fn push(map: &mut HashMap<String, Vec<usize>>, key: String, i: usize) {
    if key.is_empty() {
        return;
    }
    let list = map.entry(key).or_default();
    if list.last() != Some(&i) {
        list.push(i);
    }
}

impl Names {
    pub fn new(articles: &[Article]) -> Names {
        let mut names = Names::default();
        for (i, article) in articles.iter().enumerate() {
            let form = path_form(article);
            if !form.is_empty() {
                names.paths.entry(form.clone()).or_insert(i);
            }
            // A folder's `index.md` (or `_index.md`, `README.md`) by its own path too,
            // `[[clients/acme/index]]`, as Obsidian names the file.
            let full = key(&article
                .rel
                .with_extension("")
                .to_string_lossy()
                .replace('\\', "/"));
            if full != form && full.contains('/') {
                names.paths.entry(full).or_insert(i);
            }
            let url = article.url.trim_end_matches('/');
            if !url.is_empty() {
                names.paths.entry(url.to_string()).or_insert(i);
            }
            let parts: Vec<&str> = form.split('/').collect();
            for n in 1..parts.len().saturating_sub(1) {
                push(&mut names.suffixes, parts[n..].join("/"), i);
            }
            // A hub answers to its folder's name; a page to its file's (or, in a
            // bundle, its folder's).
            let stem = if article.structure == Structure::Hub {
                parts.last().copied().unwrap_or_default().to_string()
            } else {
                article.slug.clone()
            };
            // The home page's own file (a Quartz garden's top `index.md`) by its file
            // name too, as Obsidian and Quartz link to it: `[[index]]`.
            let top = article
                .rel
                .parent()
                .is_none_or(|p| p.as_os_str().is_empty());
            if top && stem.is_empty() {
                if let Some(file) = article.rel.file_stem().and_then(|s| s.to_str()) {
                    push(&mut names.stems, key(file), i);
                }
            }
            let own = article.rel.file_stem().and_then(|s| s.to_str());
            let by_folder =
                own.is_some_and(|f| FOLDER_FILES.iter().any(|n| f.eq_ignore_ascii_case(n)));
            match by_folder {
                true => push(&mut names.folders, stem, i),
                false => push(&mut names.stems, stem, i),
            }
            // A note whose slug spells the symbols of its name (`C++.md` beside `C.md`,
            // see `place.rs`) answers to the plain slug too, as the notes it was told
            // apart from do: the name written in full picks it among them.
            if article.structure != Structure::Hub {
                if let Some(file) = article.rel.file_stem().and_then(|s| s.to_str()) {
                    let plain = slugify(file);
                    if plain != article.slug {
                        push(&mut names.stems, plain, i);
                    }
                }
            }
            // Only a title the note gives itself (front matter, or the `#` heading that
            // opens it): not one taken from a later heading, nor from a `##` one that
            // opens it (a kanban board's first column, `## Conditions`), which names a
            // section; Obsidian finds notes by file name and alias alone.
            let by_heading = article.parsed.title_from_heading.is_some()
                && article.parsed.title_heading_level == 1;
            if article.front.title.is_some() || by_heading {
                push(&mut names.titles, slugify(&article.title), i);
            }
            for alias in &article.front.aliases {
                if !alias.trim().starts_with('/') {
                    push(&mut names.aliases, key(alias), i);
                }
            }
        }
        names
    }

    /// The articles whose file (or, for a hub or bundle, folder) has the name
    /// `name`, with or without `.md`, compared as slugs: how a bare `.md` file name
    /// in a Markdown link finds its note, as in Obsidian.
    pub fn file_name(&self, name: &str) -> Option<Found> {
        let key = key(name);
        (!key.is_empty() && !key.contains('/')).then(|| match one_of(self.stems.get(&key)) {
            Found::None => one_of(self.folders.get(&key)),
            found => found,
        })
    }

    /// The article `name` means: a path (whole, or its end) when it holds a `/`, else
    /// a title or alias holding one; else a file name, then a title, then an alias,
    /// each when it is unique.
    pub fn lookup(&self, name: &str) -> Found {
        let key = key(name);
        if key.is_empty() {
            return Found::None;
        }
        if key.contains('/') {
            if let Some(&i) = self.paths.get(&key) {
                return Found::One(i);
            }
            // Else a title or other name with a `/` in it (a Logseq namespace's
            // page, `Spanish / Español`): titles are kept as a slug of the whole.
            let by_name = [
                self.suffixes.get(&key),
                self.titles.get(&slugify(name)),
                self.aliases.get(&key),
            ];
            return by_name
                .into_iter()
                .map(one_of)
                .find(|found| *found != Found::None)
                .unwrap_or(Found::None);
        }
        for map in [&self.stems, &self.folders, &self.titles, &self.aliases] {
            match one_of(map.get(&key)) {
                Found::None => continue,
                found => return found,
            }
        }
        Found::None
    }
}

fn one_of(list: Option<&Vec<usize>>) -> Found {
    match list.map(Vec::as_slice) {
        None | Some([]) => Found::None,
        Some([one]) => Found::One(*one),
        Some(many) => Found::Many(many.to_vec()),
    }
}

/// Looking articles up by the names links use.
impl Site {
    /// The article a slug names, directly or through an alias (an old URL, or the old
    /// slug at its end), so renamed articles keep their links.
    pub fn find_article(&self, name: &str) -> Option<usize> {
        match self.lookup(name) {
            Found::One(i) => Some(i),
            _ => None,
        }
    }

    /// What a name finds: an article's path, file name, title or alias name (see
    /// [`names`]), else an old URL or old slug from its URL aliases.
    pub fn lookup(&self, name: &str) -> Found {
        match self.names.lookup(name) {
            Found::None => self
                .old_names
                .get(&normalise_alias(name))
                .map_or(Found::None, |&i| Found::One(i)),
            found => found,
        }
    }

    /// [`Site::lookup`] from article `from`, as Obsidian resolves a name several notes
    /// share: the one in the linking note's own folder, when only one is.
    pub fn lookup_from(&self, from: usize, name: &str) -> Found {
        if let Some(i) = self.relative_name(from, name) {
            return Found::One(i);
        }
        self.nearest_of(from, self.exact_name(name, self.lookup(name)))
    }

    /// A name with a folder in it read from article `from`'s own folder, as Obsidian
    /// reads a link it wrote in its "relative path" format (`[[../revision]]`,
    /// `[[exam questions/exam questions]]` for a note in a folder below): the note at
    /// that path, when there is one.
    fn relative_name(&self, from: usize, name: &str) -> Option<usize> {
        let name = name.trim();
        if !name.contains('/') || name.starts_with('/') {
            return None;
        }
        let mut parts: Vec<String> = self.articles[from]
            .rel
            .parent()?
            .iter()
            .map(|c| c.to_string_lossy().into_owned())
            .collect();
        for segment in name.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                s => parts.push(s.to_string()),
            }
        }
        self.names.paths.get(&key(&parts.join("/"))).copied()
    }

    /// Of several articles a name finds (names are compared as slugs, so
    /// `Publish sites` and `🗂️ Publish Sites` make one), the one whose file (or
    /// folder) has that very name, in any case, as Obsidian matches names.
    pub(super) fn exact_name(&self, name: &str, found: Found) -> Found {
        let Found::Many(candidates) = &found else {
            return found;
        };
        let name = name.trim();
        let name = name
            .strip_suffix(".md")
            .or_else(|| name.strip_suffix(".markdown"))
            .unwrap_or(name);
        if name.contains('/') {
            return found;
        }
        let wanted = name.to_lowercase();
        let own = |c: usize| {
            let rel = &self.articles[c].rel;
            let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            if matches!(stem, "index" | "_index" | "README" | "readme") {
                rel.parent()
                    .and_then(Path::file_name)
                    .and_then(|s| s.to_str())
                    .unwrap_or_default()
            } else {
                stem
            }
        };
        // Its own name, or a name it gives itself (a title, an alias: Logseq's
        // `Value` page, `alias:: Values`, beside a page `alias:: (values)`).
        let named = |c: usize| {
            let article = &self.articles[c];
            own(c).to_lowercase() == wanted
                || (article.front.title.is_some() && article.title.to_lowercase() == wanted)
                || (article.front.aliases.iter()).any(|a| a.trim().to_lowercase() == wanted)
        };
        let exact: Vec<usize> = candidates.iter().copied().filter(|&c| named(c)).collect();
        // Of notes in one folder whose names differ only in case (`Real-time GI.md`
        // beside `Real-Time GI.md`), the one written in the link's very case.
        let folder = |c: usize| self.articles[c].rel.parent();
        let twins = exact.iter().all(|&c| folder(c) == folder(exact[0]));
        let same_case: Vec<usize> = match twins {
            true => exact.iter().copied().filter(|&c| own(c) == name).collect(),
            false => Vec::new(),
        };
        // Several with that very name (`dirac delta function.md` and `Dirac delta
        // function.md` in two folders): those, not the ones only its slug shares
        // (`Dirac delta-function.md`), which Obsidian does not link to.
        match (exact.as_slice(), same_case.as_slice()) {
            ([], _) => found,
            ([one], _) | (_, [one]) => Found::One(*one),
            _ => Found::Many(exact),
        }
    }

    /// Of several articles a name finds, the one in article `from`'s own folder,
    /// when only one is.
    pub(super) fn nearest_of(&self, from: usize, found: Found) -> Found {
        match found {
            Found::Many(candidates) => {
                let folder = self.articles[from].rel.parent();
                let near: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&c| {
                        let rel = &self.articles[c].rel;
                        // A hub or bundle sits in its own folder.
                        let own = if self.articles[c].structure == Structure::Hub {
                            rel.parent().and_then(Path::parent)
                        } else {
                            rel.parent()
                        };
                        own == folder
                    })
                    .collect();
                match near.as_slice() {
                    [one] => Found::One(*one),
                    _ => Found::Many(candidates),
                }
            }
            found => found,
        }
    }

    /// Help for a name that finds no single article: the path forms to write when
    /// several answer to it, else the nearest file name.
    pub fn explain_name(&self, d: Diagnostic, name: &str) -> Diagnostic {
        match self.lookup(name) {
            Found::Many(candidates) => {
                let forms: Vec<String> = candidates
                    .iter()
                    .map(|&c| {
                        format!(
                            "{} ({})",
                            self.path_name(c),
                            self.articles[c].path.display()
                        )
                    })
                    .collect();
                d.help(format!(
                    "'{name}' could mean {} notes; write the path of the one you mean: {}",
                    candidates.len(),
                    forms.join(", ")
                ))
            }
            _ => d.suggest(name, self.articles.iter().map(|a| a.slug.as_str())),
        }
    }

    /// How to write a link to article `i` by its path, when its name is not enough:
    /// `[[patterns/family-styles/dismissive]]`.
    pub fn path_name(&self, i: usize) -> String {
        path_form(&self.articles[i])
    }
}

/// Names several notes answer to, in links: reported, or under `broken_links = "warn"`
/// resolved as Obsidian resolves them.
impl Site {
    /// A name that more than one article answers to: the error lists the path form
    /// of each, to write instead.
    pub(super) fn ambiguous(
        &self,
        i: usize,
        (line, column): (usize, usize),
        name: &str,
        candidates: &[usize],
    ) -> Diagnostic {
        let forms: Vec<String> = candidates
            .iter()
            .map(|&c| {
                format!(
                    "[[{}]] ({})",
                    self.path_name(c),
                    self.articles[c].path.display()
                )
            })
            .collect();
        let d = Diagnostic::error(
            Code::AmbiguousLink,
            format!("'{name}' could mean {} notes", candidates.len()),
        )
        .at(&self.articles[i].path, line, column)
        .family(format!("uses of '{name}'"))
        .help(format!(
            "write the path of the one you mean: {}",
            forms.join(", ")
        ));
        candidates.iter().fold(d, |d, &c| {
            let path = &self.articles[c].path;
            d.related(
                path,
                0,
                0,
                format!("one of them: [[{}]]", self.path_name(c)),
            )
        })
    }

    /// Of several notes a name answers to, the one Obsidian links to when
    /// `broken_links = "warn"`: the shortest path (`ambiguous` already gave the
    /// one in the linking note's folder), with `d` as a warning; `None` with `d` as
    /// an error otherwise.
    pub(super) fn pick(
        &self,
        d: Diagnostic,
        candidates: &[usize],
        local: &mut Vec<Diagnostic>,
    ) -> Option<usize> {
        let broken = self.config.build.broken_links;
        // The one sharing the most folders with the linking note (`mth3007b/revision/x.md`
        // from `mth3007b/mth3007b.md`, not `mth3003/…`, a course's own copy), then the
        // shortest path.
        let from = d.file.as_deref();
        let shared = |c: usize| {
            let rel = self.articles[c].path.iter();
            from.map_or(0, |f| f.iter().zip(rel).take_while(|(a, b)| a == b).count())
        };
        let chosen = candidates.iter().copied().min_by_key(|&c| {
            let rel = self.articles[c].rel.to_string_lossy().into_owned();
            (std::cmp::Reverse(shared(c)), rel.len(), rel)
        });
        match chosen.filter(|_| broken.warns()) {
            Some(t) => {
                let shown = format!(
                    "as a link to {}, the shortest path of those sharing the most folders with this note",
                    self.articles[t].path.display()
                );
                local.push(broken.report(d, &shown));
                Some(t)
            }
            None => {
                local.push(broken.report(d, ""));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_keys_made_of_slugs() {
        assert_eq!(key("Dismissive Family"), "dismissive-family");
        assert_eq!(
            key("patterns/Family Styles/dismissive.md"),
            "patterns/family-styles/dismissive"
        );
        assert_eq!(key("  "), "");
    }
}
