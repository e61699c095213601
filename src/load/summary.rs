//! mdBook's `SUMMARY.md`: when the content folder has one, it gives the order of the
//! chapters (nested items after their parent), their titles where the chapter gives
//! none, and part titles (`# Part`). It is read, never published as an article.
//!
//! The format, as mdBook defines it: an optional `# Summary` title; prefix chapters
//! (links in paragraphs before the first list); numbered chapters as list items at any
//! depth, grouped by `# Part title` headings; `---` separators; suffix chapters after
//! the last list; draft chapters with an empty link (`[Draft]()`), which have no file.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::LineIndex;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The file name mdBook reads, at the top of the content folder.
pub const FILE_NAME: &str = "SUMMARY.md";

/// One chapter listed in `SUMMARY.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    /// Path from the content folder (`guide/install.md`).
    pub rel: PathBuf,
    /// The link's text: the chapter's title where its file gives none.
    pub title: String,
    /// 0 for top-level items (and prefix and suffix chapters), 1 for their children...
    pub depth: usize,
    /// Index into [`Summary::parts`] of the part the chapter is in.
    pub part: Option<usize>,
    /// Where the link stands in `SUMMARY.md` (1-based).
    pub line: usize,
    pub column: usize,
}

/// `SUMMARY.md`, read.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Where it was read from, for diagnostics (`content/SUMMARY.md`).
    pub file: PathBuf,
    /// Chapters in reading order; a file listed twice keeps its first place.
    pub chapters: Vec<Chapter>,
    /// Part titles (`# Part`), in order.
    pub parts: Vec<String>,
    /// The Markdown files it does not list, left out of the site (see
    /// [`Summary::unlisted`]), so that a link to one says why it leads nowhere.
    pub left_out: std::collections::HashSet<PathBuf>,
    position: HashMap<PathBuf, usize>,
    /// The folder it stands in, from the content folder: its links are read from there.
    base: PathBuf,
    /// Every item of the numbered lists, drafts included, in order: the groups that
    /// may name a folder (see [`Summary::folder_title`]).
    items: Vec<Item>,
    /// Whether GitBook's (a `.gitbook.yaml` or `.gitbook/` beside it), not mdBook's:
    /// the tool named when files it does not list are left out.
    pub gitbook: bool,
    /// Chapters listed by a path that leads out of the content folder (`../README.md`),
    /// with their place, reported by [`Summary::check`].
    outside: Vec<(String, usize, usize)>,
}

/// An item of `SUMMARY.md`'s numbered lists: a chapter, a draft (`[Title]()`, no
/// file) or a link elsewhere.
#[derive(Debug, Clone, Default)]
struct Item {
    rel: Option<PathBuf>,
    title: String,
    depth: usize,
    part: Option<usize>,
}

impl Summary {
    /// Its own path from the content folder (`SUMMARY.md`, `product/SUMMARY.md`).
    pub fn rel(&self) -> PathBuf {
        self.base.join(self.file.file_name().unwrap_or_default())
    }

    /// Reads an mdBook's `SUMMARY.md` text; `file` names it in diagnostics.
    pub fn parse(text: &str, file: &Path) -> Summary {
        Self::parse_in(text, file, Path::new(""), false)
    }

    /// Reads a table of contents that stands in the folder `base` of the content
    /// folder (GitBook's `structure.summary: product/SUMMARY.md`): its links are read
    /// from there, as links are, and one written from the root (`/page.md`) from the
    /// content folder. In an mdBook only a level-1 heading is a part's title, as
    /// mdBook's parser reads one: a `## Basics` between chapters is passed over, as
    /// mdBook passes it over; in a GitBook (`gitbook`) any heading is, as GitBook
    /// writes its groups (`## Getting started`).
    pub fn parse_in(text: &str, file: &Path, base: &Path, gitbook: bool) -> Summary {
        let mut summary = Summary {
            file: file.to_path_buf(),
            base: base.to_path_buf(),
            gitbook,
            ..Summary::default()
        };
        // Whether the heading being read may title a part.
        let mut part_level = false;
        let mut depth = 0usize;
        let mut seen_list = false;
        let mut heading: Option<String> = None;
        let mut link: Option<(String, String, usize)> = None;
        let mut part = None;
        // mdBook passes over a paragraph right after a part's title (a line saying what
        // the part is about), links and all: `Some(false)` after a title, `Some(true)`
        // inside that paragraph.
        let mut part_intro: Option<bool> = None;
        // Whether the heading being read is a level-1 heading before anything else.
        let (mut first_h1, mut seen_title) = (false, false);
        // One index of line starts: a summary of thousands of nested items is read in
        // time linear in its length.
        let lines = LineIndex::new(text);
        for (event, range) in Parser::new(text).into_offset_iter() {
            match &event {
                Event::Start(Tag::Paragraph) if depth == 0 && part_intro == Some(false) => {
                    part_intro = Some(true);
                    continue;
                }
                Event::End(TagEnd::Paragraph) if part_intro == Some(true) => {
                    part_intro = None;
                    continue;
                }
                _ if part_intro == Some(true) => continue,
                Event::Start(_) | Event::Rule => part_intro = None,
                _ => {}
            }
            match event {
                Event::Start(Tag::List(_)) => {
                    depth += 1;
                    seen_list = true;
                }
                Event::End(TagEnd::List(_)) => depth = depth.saturating_sub(1),
                Event::Start(Tag::Heading { level, .. }) => {
                    heading = Some(String::new());
                    first_h1 = level == pulldown_cmark::HeadingLevel::H1
                        && summary.chapters.is_empty()
                        && summary.parts.is_empty()
                        && !seen_list
                        && !seen_title;
                    seen_title = true;
                    part_level = gitbook || level == pulldown_cmark::HeadingLevel::H1;
                }
                Event::End(TagEnd::Heading(_)) => {
                    let title = heading.take().unwrap_or_default().trim().to_string();
                    // A first heading before any chapter is the summary's own title:
                    // a level-1 one whatever it says, as mdBook reads it.
                    let is_own_title = summary.chapters.is_empty()
                        && summary.parts.is_empty()
                        && !seen_list
                        && (first_h1 || title.eq_ignore_ascii_case("summary"));
                    if !is_own_title && !title.is_empty() && part_level {
                        summary.parts.push(title);
                        part = Some(summary.parts.len() - 1);
                        part_intro = Some(false);
                    }
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    link = Some((dest_url.to_string(), String::new(), range.start));
                }
                Event::End(TagEnd::Link) => {
                    if let Some((dest, title, at)) = link.take() {
                        let item = Item {
                            rel: None,
                            title: title.trim().to_string(),
                            depth: depth.saturating_sub(1),
                            part,
                        };
                        let rel = summary.add(dest, title, item.depth, part, &lines, at);
                        // Numbered items only: prefix and suffix chapters group nothing.
                        if depth > 0 {
                            summary.items.push(Item { rel, ..item });
                        }
                    }
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some((_, title, _)) = &mut link {
                        title.push_str(&t);
                    } else if let Some(h) = &mut heading {
                        h.push_str(&t);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some((_, title, _)) = &mut link {
                        title.push(' ');
                    }
                }
                _ => {}
            }
        }
        summary
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        dest: String,
        title: String,
        depth: usize,
        part: Option<usize>,
        lines: &LineIndex,
        at: usize,
    ) -> Option<PathBuf> {
        // A draft chapter (`[Draft]()`) has no file yet; an outside link is no chapter.
        if dest.is_empty()
            || dest.contains("://")
            || dest.starts_with("//")
            || dest.starts_with("mailto:")
        {
            return None;
        }
        let (line, column) = lines.position(at);
        let path = dest.split(['#', '?']).next().unwrap_or_default();
        // A link to a part of this page (`#rust-fundamentals`) names no chapter.
        if path.is_empty() {
            return None;
        }
        let decoded = crate::text::decoded_path(path);
        // A path from the book's root (`/qa/images.md`) is read from the content
        // folder, as GitBook reads it (mdBook finds no file there).
        let from_base = match decoded.strip_prefix('/') {
            Some(from_root) => from_root.to_string(),
            None => self.base.join(&decoded).to_string_lossy().into_owned(),
        };
        let Some(rel) = normalise(&from_base) else {
            self.outside.push((dest, line, column));
            return None;
        };
        // An entry for SUMMARY.md itself (`[Preface](./SUMMARY.md)`) is the table of
        // contents shown as a page in mdBook: the home page lists the contents here.
        if rel == Path::new(FILE_NAME) {
            return None;
        }
        if self.position.contains_key(&rel) {
            return Some(rel);
        }
        self.position.insert(rel.clone(), self.chapters.len());
        self.chapters.push(Chapter {
            rel: rel.clone(),
            title: title.trim().to_string(),
            depth,
            part,
            line,
            column,
        });
        Some(rel)
    }

    /// The title `SUMMARY.md` gives the content folder `folder` (`guide/setup`) when
    /// the folder has no text of its own to take one from, as mdBook's table of
    /// contents shows its chapters: the innermost item whose sub-items are the
    /// folder's chapters and hold all of them it lists (a draft `[Setup]()`, the
    /// folder's first chapter, a parent chapter elsewhere); else the part title
    /// (`# Setup`) of a part holding the folder's chapters and no other.
    pub fn folder_title(&self, folder: &Path) -> Option<&str> {
        let items = &self.items;
        let under = |item: &Item| item.rel.as_deref().is_some_and(|r| r.starts_with(folder));
        let listed: Vec<usize> = (0..items.len()).filter(|&i| under(&items[i])).collect();
        let (&first, &last) = (listed.first()?, listed.last()?);
        let mut at = first;
        loop {
            let item = &items[at];
            let end = (at + 1..items.len())
                .find(|&j| items[j].depth <= item.depth || items[j].part != item.part)
                .unwrap_or(items.len());
            // Sub-items elsewhere: neither this item nor any above it is the folder's.
            if !items[at + 1..end]
                .iter()
                .all(|i| i.rel.is_none() || under(i))
            {
                break;
            }
            // A group whose chapters all lie in one sub-folder is that folder's.
            let deepest = items[at..end]
                .iter()
                .filter_map(|i| i.rel.as_deref()?.parent())
                .reduce(common_folder);
            if end > at + 1 && end > last && !item.title.is_empty() && deepest == Some(folder) {
                return Some(&item.title);
            }
            match (0..at)
                .rev()
                .take_while(|&j| items[j].part == item.part)
                .find(|&j| items[j].depth < item.depth)
            {
                Some(parent) => at = parent,
                None => break,
            }
        }
        let part = items[first].part?;
        let in_part = |i: &Item| i.part == Some(part);
        (listed.iter().all(|&i| in_part(&items[i]))
            && items
                .iter()
                .filter(|i| in_part(i))
                .all(|i| i.rel.is_none() || under(i)))
        .then(|| self.parts.get(part).map(String::as_str))
        .flatten()
    }

    /// The place of the chapter at `rel` (from the content folder) in reading order.
    pub fn position(&self, rel: &Path) -> Option<usize> {
        self.position.get(rel).copied()
    }

    /// The chapter at `rel`, if listed.
    pub fn chapter(&self, rel: &Path) -> Option<&Chapter> {
        self.position(rel).map(|i| &self.chapters[i])
    }

    /// Records the Markdown files the summary does not list, which are left out of the
    /// site, as mdBook leaves them out ([`Summary::unlisted_warning`] names them once
    /// the chapters are read).
    pub fn unlisted(&mut self, files: impl Iterator<Item = PathBuf>) {
        self.left_out.extend(files);
    }

    /// The one warning naming the files left out ([`Summary::unlisted`]), but those a
    /// chapter includes (`{{#include recipe.md}}`): their text is in the book, as
    /// mdBook shows it, so they are not left out (a cookbook whose sections include
    /// 216 recipes was told all 216 were).
    pub fn unlisted_warning(&self, included: impl Fn(&Path) -> bool) -> Option<Diagnostic> {
        let mut names: Vec<String> = self
            .left_out
            .iter()
            .filter(|p| !included(p))
            .map(|p| format!("'{}'", p.to_string_lossy().replace('\\', "/")))
            .collect();
        if names.is_empty() {
            return None;
        }
        names.sort();
        let count = names.len();
        let shown = if count > 8 {
            format!("{}, and {} more", names[..8].join(", "), count - 8)
        } else {
            names.join(", ")
        };
        let (files, are) = if count == 1 {
            ("file", "is")
        } else {
            ("files", "are")
        };
        let tool = if self.gitbook { "GitBook" } else { "mdBook" };
        Some(
            Diagnostic::warning(
                Code::Summary,
                format!("{count} Markdown {files} SUMMARY.md does not list {are} left out, as {tool} leaves them out: {shown}"),
            )
            .in_file(&self.file)
            .help("list a chapter in SUMMARY.md to publish it; a file that is only included stays out"),
        )
    }

    /// Gives each listed chapter whose path names no file the file it stands for:
    /// the same path once both are composed (NFC), since a book written on macOS keeps
    /// names decomposed on disk (`Re\u{301}sume\u{301}.md`) while SUMMARY.md holds
    /// them as typed (`Résumé.md`), which mdBook reads there as the same file; or, for
    /// a folder (`[Setup](setup/)`), the `README.md` or `index.md` in it, the page
    /// published at that address.
    pub fn match_files<'a>(&mut self, files: impl Iterator<Item = &'a Path>) {
        use crate::text::nfc;
        let files: Vec<&Path> = files.collect();
        let exact: std::collections::HashSet<&Path> = files.iter().copied().collect();
        let composed: HashMap<String, &Path> = files
            .iter()
            .map(|f| (nfc(&f.to_string_lossy()), *f))
            .collect();
        let find = |rel: &Path| composed.get(&nfc(&rel.to_string_lossy())).copied();
        for i in 0..self.chapters.len() {
            let rel = self.chapters[i].rel.clone();
            if exact.contains(rel.as_path()) {
                continue;
            }
            let Some(file) = find(&rel).or_else(|| {
                ["README.md", "index.md", "_index.md"]
                    .iter()
                    .find_map(|name| find(&rel.join(name)))
            }) else {
                continue;
            };
            if self.position.contains_key(file) {
                continue;
            }
            self.position.remove(&rel);
            self.position.insert(file.to_path_buf(), i);
            self.chapters[i].rel = file.to_path_buf();
            for item in self
                .items
                .iter_mut()
                .filter(|it| it.rel.as_deref() == Some(&rel))
            {
                item.rel = Some(file.to_path_buf());
            }
        }
    }

    /// Reports each listed chapter whose file does not exist, at its place in
    /// `SUMMARY.md`, with the nearest existing path as a suggestion: an error, or with
    /// `broken_links = "warn"` a warning, the book published without that chapter, as
    /// a draft chapter (mdBook's `[Title]()`) is (mdBook's `create-missing` writes an
    /// empty chapter; GitBook shows a page not found).
    pub fn check<'a>(
        &self,
        exists: &dyn Fn(&Path) -> bool,
        files: impl Iterator<Item = &'a Path> + Clone,
        broken_links: crate::config::BrokenLinks,
        diagnostics: &mut Diagnostics,
    ) {
        let names: Vec<String> = files
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect();
        for chapter in &self.chapters {
            if exists(&chapter.rel) {
                continue;
            }
            let wanted = chapter.rel.to_string_lossy().replace('\\', "/");
            let d = Diagnostic::error(
                Code::Summary,
                format!("SUMMARY.md lists '{wanted}', which does not exist"),
            )
            .at(&self.file, chapter.line, chapter.column);
            let d = match crate::diagnostic::nearest(&wanted, names.iter().map(String::as_str)) {
                Some(best) => d.help(format!("did you mean '{best}'?")),
                None => d.help(
                    "create the file, or remove the line (an empty link, `[Title]()`, lists a chapter not yet written)",
                ),
            };
            diagnostics.push(broken_links.report(
                d,
                "without that chapter, as a draft chapter (`[Title]()`) is",
            ));
        }
        // mdBook reads such a chapter (a repository's `../README.md` as the book's
        // introduction) and writes its page outside the book's folder.
        let folder = self.file.parent().unwrap_or(Path::new(""));
        let folder = match folder.as_os_str().is_empty() {
            true => "the content folder".to_string(),
            false => format!("`{}/`", folder.display()),
        };
        for (dest, line, column) in &self.outside {
            let d = Diagnostic::error(
                Code::Summary,
                format!("'{dest}' in SUMMARY.md leads outside the content folder"),
            )
            .at(&self.file, *line, *column)
            .help(format!(
                "attune publishes only the content folder: move or copy the file into {folder} and list it by its path from there"
            ));
            diagnostics.push(broken_links.report(
                d,
                "without that chapter, as a draft chapter (`[Title]()`) is",
            ));
        }
    }
}

/// The folder `a` and `b` are both in (`a/b/c` and `a/b/d` → `a/b`).
fn common_folder<'p>(a: &'p Path, b: &Path) -> &'p Path {
    let mut common = a;
    while !b.starts_with(common) {
        common = common.parent().unwrap_or(Path::new(""));
    }
    common
}

/// `./a/../b.md` → `b.md`; `None` when the path leaves the folder or is absolute.
fn normalise(path: &str) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in Path::new(path).components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            _ => return None,
        }
    }
    (!out.as_os_str().is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOOK: &str = "# Summary

[Introduction](README.md)

# User Guide

- [Installation](guide/installation.md)
- [Reading Books](guide/reading.md)
    - [Nested `code`](guide/nested%20one.md#part)
- [Draft chapter]()

---

# Reference

1. [Config](./ref/../ref/config.md)

[Contributors](misc/contributors.md)
[Escape](../outside.md)
";

    #[test]
    fn reads_mdbook_summaries() {
        let s = Summary::parse(BOOK, Path::new("src/SUMMARY.md"));
        let rels: Vec<_> = s.chapters.iter().map(|c| c.rel.to_str().unwrap()).collect();
        assert_eq!(
            rels,
            [
                "README.md",
                "guide/installation.md",
                "guide/reading.md",
                "guide/nested one.md",
                "ref/config.md",
                "misc/contributors.md"
            ]
        );
        assert_eq!(s.parts, ["User Guide", "Reference"]);
        let nested = s.chapter(Path::new("guide/nested one.md")).unwrap();
        assert_eq!(
            (nested.title.as_str(), nested.depth, nested.part),
            ("Nested code", 1, Some(0))
        );
        assert_eq!((nested.line, nested.column), (9, 7));
        assert_eq!(s.chapter(Path::new("README.md")).unwrap().part, None);
        assert_eq!(s.chapter(Path::new("ref/config.md")).unwrap().part, Some(1));
        assert_eq!(s.position(Path::new("guide/reading.md")), Some(2));
    }

    #[test]
    fn a_line_under_a_part_title_is_passed_over_as_mdbook_passes_it() {
        // ferrous-systems/rust-training: each part says what it needs, linking to
        // another part's title; mdBook reads no chapter there.
        let text = "# Summary\n\n[Introduction](./intro.md)\n\n# Fundamentals\n\n* [Overview](./overview.md)\n\n# Applied\n\nRequires [Fundamentals](#fundamentals) and [notes](notes.md).\n\n* [Traits](./traits.md)\n\n[Appendix](appendix.md)\n";
        let s = Summary::parse(text, Path::new("src/SUMMARY.md"));
        let rels: Vec<_> = s.chapters.iter().map(|c| c.rel.to_str().unwrap()).collect();
        assert_eq!(
            rels,
            ["intro.md", "overview.md", "traits.md", "appendix.md"]
        );
        assert_eq!(s.chapter(Path::new("traits.md")).unwrap().part, Some(1));
        // A link to a part of the summary itself is no chapter anywhere.
        let s = Summary::parse("* [Top](#top)\n* [A](a.md)\n", Path::new("SUMMARY.md"));
        assert_eq!(s.chapters.len(), 1);
        // A first level-1 heading is the summary's title whatever it says, so the
        // chapters under it are prefix chapters, not a part's.
        let s = Summary::parse(
            "# Front Matter\n\n[Intro](intro.md)\n\n# Basics\n\n- [A](a.md)\n",
            Path::new("SUMMARY.md"),
        );
        assert_eq!(s.parts, ["Basics"]);
        assert_eq!(s.chapter(Path::new("intro.md")).unwrap().part, None);
    }

    #[test]
    fn only_a_level_one_heading_titles_a_part_as_mdbook_reads_them() {
        // 10xtarun/mern-fullstack-notes: `## Internet`, `## JavaScript` between its
        // chapters, which mdBook passes over, were shown as part titles.
        let text = "# Summary\n\n## Basics\n\n- [A](x/a.md)\n\n# Part\n\n### Deeper\n\n- [B](b.md)\n\n## More\n\n- [C](c.md)\n";
        let s = Summary::parse(text, Path::new("src/SUMMARY.md"));
        assert_eq!(s.parts, ["Part"]);
        let parts: Vec<_> = s.chapters.iter().map(|c| c.part).collect();
        assert_eq!(parts, [None, Some(0), Some(0)]);
        // Nor does such a heading title a folder.
        assert_eq!(s.folder_title(Path::new("x")), None);
        // GitBook's groups are `##` headings.
        let s = Summary::parse_in(text, Path::new("SUMMARY.md"), Path::new(""), true);
        assert_eq!(s.parts, ["Basics", "Part", "Deeper", "More"]);
    }

    #[test]
    fn missing_chapters_are_reported_where_listed() {
        let s = Summary::parse(BOOK, Path::new("src/SUMMARY.md"));
        let files = [
            PathBuf::from("README.md"),
            PathBuf::from("guide/installation.md"),
            PathBuf::from("guide/reading.md"),
            PathBuf::from("guide/nested one.md"),
            PathBuf::from("ref/config.md"),
            PathBuf::from("misc/contributor.md"),
        ];
        let mut d = Diagnostics::new();
        s.check(
            &|p| files.iter().any(|f| f == p),
            files.iter().map(PathBuf::as_path),
            Default::default(),
            &mut d,
        );
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (18, 1));
        let help = d[0].help.as_deref().unwrap_or_default();
        assert!(
            help.starts_with("did you mean 'misc/contributor.md'? To publish while fixing"),
            "{help}"
        );
        // A chapter outside the content folder, which mdBook reads (a repository's
        // `../README.md` as the introduction), follows `broken_links` too.
        assert_eq!((d[1].line, d[1].column), (19, 1));
        assert!(d[1].message.contains("outside the content folder"));
        let help = d[1].help.as_deref().unwrap_or_default();
        assert!(help.contains("into `src/`"), "{help}");
        // A book whose content folder is the repository's names no folder.
        let s = Summary::parse(BOOK, Path::new("SUMMARY.md"));
        let mut d = Diagnostics::new();
        s.check(
            &|_| true,
            files.iter().map(PathBuf::as_path),
            Default::default(),
            &mut d,
        );
        let help = d[0].help.as_deref().unwrap_or_default();
        assert!(help.contains("into the content folder and"), "{help}");
    }

    #[test]
    fn a_folder_takes_the_title_of_the_group_holding_its_chapters() {
        let text = "# Summary

[Before](start/before.md)

- [Getting started](start/intro.md)
  - [Install](start/install.md)
  - [First run](start/run.md)
- [Recipes]()
  - [Soup](recipes/soup.md)
  - [Bread](recipes/bread/intro.md)
    - [Rye](recipes/bread/rye.md)
- [Reference](reference.md)
  - [Keys](keys/list.md)
  - [Values](values/list.md)
- [Lone](lone/one.md)

# Appendices

- [Glossary](appendix/glossary.md)
- [Credits](appendix/credits.md)
";
        let s = Summary::parse(text, Path::new("src/SUMMARY.md"));
        let title = |f: &str| s.folder_title(Path::new(f));
        // The folder's first chapter with the others nested in it, a prefix chapter
        // in the folder notwithstanding.
        assert_eq!(title("start"), Some("Getting started"));
        // A draft chapter grouping the folder, sub-folders included.
        assert_eq!(title("recipes"), Some("Recipes"));
        assert_eq!(title("recipes/bread"), Some("Bread"));
        // A group holding other folders' chapters names none of them; a lone chapter
        // groups nothing.
        assert_eq!(title("keys"), None);
        assert_eq!(title("lone"), None);
        // A part holding only the folder's chapters.
        assert_eq!(title("appendix"), Some("Appendices"));
        // A group of one sub-folder's chapters names that sub-folder, not the folder
        // above, which takes its part's title.
        let text = "# Summary\n# Special Topics\n- [Linear System](special/linear/intro.md)\n    - [Direct](special/linear/direct.md)\n";
        let s = Summary::parse(text, Path::new("src/SUMMARY.md"));
        assert_eq!(
            s.folder_title(Path::new("special/linear")),
            Some("Linear System")
        );
        assert_eq!(s.folder_title(Path::new("special")), Some("Special Topics"));
        assert_eq!(title("elsewhere"), None);
    }
}
