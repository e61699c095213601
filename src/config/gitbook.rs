//! GitBook's `.gitbook.yaml` beside book.toml, as GitBook's Git Sync reads it:
//! `root` (the folder holding the book's pages) is the content folder when book.toml
//! does not name one; `redirects` (old path → page file, from `root`) are read as
//! `[redirects]` entries are; `structure.readme` and `structure.summary` naming other
//! files than `README.md` and `SUMMARY.md` are read (see [`BookFiles`]): the readme is
//! the home page's text, the summary gives the order. A name that is no Markdown file
//! of the content folder is a warning at its place, and the usual name is read.

use super::{Config, Entry};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = ".gitbook.yaml";

/// The files GitBook's `structure` names in place of `README.md` and `SUMMARY.md`,
/// paths from the content folder (GitBook's `root`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookFiles {
    /// `structure.readme`: the home page's text, a file at the top of the content
    /// folder; with its line and column in `.gitbook.yaml`.
    pub readme: Option<(PathBuf, (usize, usize))>,
    /// `structure.summary`: the table of contents, read as `SUMMARY.md` is.
    pub summary: Option<PathBuf>,
}

#[derive(Debug, Default, serde::Deserialize)]
struct GitBook {
    root: Option<String>,
    structure: Option<Structure>,
    redirects: Option<serde_yaml::Mapping>,
}

#[derive(Debug, Default, serde::Deserialize)]
struct Structure {
    readme: Option<String>,
    summary: Option<String>,
}

impl Config {
    /// Reads `.gitbook.yaml` in the site's folder `root`, if there is one, into this
    /// config; `book_toml` is book.toml's text (a `content_dir` written there wins over
    /// GitBook's `root`). What cannot be read is a warning at its place.
    pub(super) fn read_gitbook(
        &mut self,
        root: &Path,
        book_toml: &str,
        problems: &mut Diagnostics,
    ) {
        let file = Path::new(FILE_NAME);
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            return;
        };
        let warn = |message: String, at: (usize, usize), help: &str| {
            Diagnostic::warning(Code::Config, message)
                .at(file, at.0, at.1)
                .help(help.to_string())
        };
        let gitbook: GitBook = match serde_yaml::from_str::<Option<GitBook>>(&text) {
            Ok(g) => g.unwrap_or_default(),
            Err(e) => {
                let at = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                problems.push(warn(
                    format!("{FILE_NAME} cannot be read: {e}"),
                    at,
                    "GitBook's settings are `root`, `structure` (`readme`, `summary`) and `redirects`; the book is read without them",
                ));
                return;
            }
        };
        let folder = gitbook
            .root
            .as_deref()
            .map(|r| r.trim().trim_start_matches("./").trim_end_matches('/'))
            .map(|r| if r.is_empty() { "." } else { r });
        if let Some(folder) = folder {
            let written = book_toml
                .parse::<toml::Table>()
                .ok()
                .and_then(|t| t.get("build")?.get("content_dir").cloned())
                .is_some();
            let at = place(&text, "root", 0);
            if !written {
                self.build.content_dir = folder.to_string();
            } else if canonical(root, folder) != canonical(root, &self.build.content_dir) {
                problems.push(warn(
                    format!(
                        "GitBook's root '{folder}' is not read: book.toml's content_dir '{}' is the folder of pages",
                        self.build.content_dir
                    ),
                    at,
                    "take content_dir out of book.toml to read the book from GitBook's root",
                ));
            }
        }
        let structure = gitbook.structure.unwrap_or_default();
        let pages = root.join(&self.build.content_dir);
        for (key, value, usual) in [
            ("readme", structure.readme, "README.md"),
            ("summary", structure.summary, "SUMMARY.md"),
        ] {
            let Some(value) = value else { continue };
            let name = value
                .trim()
                .trim_start_matches("./")
                .trim_start_matches('/');
            if name == usual {
                continue;
            }
            let at = place(&text, key, 0);
            match structure_file(&pages, name) {
                Ok(path) if key == "readme" => self.book_files.readme = Some((path, at)),
                Ok(path) => self.book_files.summary = Some(path),
                Err(why) => problems.push(warn(
                    format!("GitBook's structure.{key} '{name}' is not read: {why}; attune reads {usual}"),
                    at,
                    match key {
                        "readme" => "name a Markdown file under GitBook's root (the content folder): the home page's text",
                        _ => "name the Markdown file that lists the pages, at the top of GitBook's root (the content folder)",
                    },
                )),
            }
        }
        let Some(redirects) = gitbook.redirects else {
            return;
        };
        let start = place(&text, "redirects", 0).0;
        let mut entries = Vec::new();
        for (old, page) in &redirects {
            let (Some(old), Some(page)) = (old.as_str(), page.as_str()) else {
                problems.push(warn(
                    "a GitBook redirect that is not `old/path: page.md` is not read".into(),
                    (start, 1),
                    "write each redirect as `old/path: folder/page.md`",
                ));
                continue;
            };
            let at = place(&text, old, start);
            let key = format!("/{}", old.trim().trim_start_matches('/'));
            let value = format!(
                "/{}",
                page.trim().trim_start_matches("./").trim_start_matches('/')
            );
            entries.push(Entry {
                key,
                value,
                at,
                value_at: at,
                file: PathBuf::from(FILE_NAME),
                host: false,
            });
        }
        let inside = |key: &str| {
            !key.split('/').any(|s| s == ".." || s == ".")
                && !key.trim_matches('/').is_empty()
                && !key.contains(['\\', '\0', '?', '#'])
        };
        let (entries, outside): (Vec<Entry>, Vec<Entry>) =
            entries.into_iter().partition(|e| inside(&e.key));
        for entry in outside {
            problems.push(warn(
                format!(
                    "GitBook redirect '{}' is not an address inside the site: not read",
                    entry.key
                ),
                entry.at,
                "write the old path from the book's root: `old/page: folder/page.md`",
            ));
        }
        self.redirects.append_located(entries);
    }
}

/// The Markdown file `name` of GitBook's `structure`, a path from the content folder
/// `pages`, if it is one there, else why not. Either may stand in a folder below, its
/// links read from there, as GitBook reads them.
fn structure_file(pages: &Path, name: &str) -> Result<PathBuf, &'static str> {
    let path = PathBuf::from(name);
    let markdown = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    if !markdown
        || !path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
    {
        return Err("it is not a Markdown file's path from GitBook's root");
    }
    if !pages.join(&path).is_file() {
        return Err("no such file in the content folder");
    }
    Ok(path)
}

/// The folder `dir` names from the site's folder, as the file system has it.
fn canonical(root: &Path, dir: &str) -> Option<PathBuf> {
    root.join(dir).canonicalize().ok()
}

/// The line and column of the key `key` in `text`, on the first line from line
/// `from` (1-based, 0 for any) where it starts one, quoted or not; (1, 1) if none does.
fn place(text: &str, key: &str, from: usize) -> (usize, usize) {
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        let column = line.len() - trimmed.len();
        let bare = trimmed.strip_prefix(['"', '\'']).unwrap_or(trimmed);
        if n + 1 >= from
            && bare.starts_with(key)
            && bare[key.len()..]
                .trim_start_matches(['"', '\''])
                .starts_with(':')
        {
            return line_col(text, offset + column);
        }
        offset += line.len();
    }
    (1, 1)
}
