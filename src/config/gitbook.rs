//! GitBook's `.gitbook.yaml` beside book.toml, as GitBook's Git Sync reads it:
//! `root` (the folder holding the book's pages) is the content folder when book.toml
//! does not name one; `redirects` (old path → page file, from `root`) are read as
//! `[redirects]` entries are; `structure.readme` and `structure.summary` naming other
//! files than `README.md` and `SUMMARY.md` are not read, a warning at each.

use super::{Config, Entry};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = ".gitbook.yaml";

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
        for (key, value, usual) in [
            ("readme", structure.readme, "README.md"),
            ("summary", structure.summary, "SUMMARY.md"),
        ] {
            let Some(value) = value else { continue };
            let name = value.trim().trim_start_matches("./");
            if name != usual {
                problems.push(warn(
                    format!("GitBook's structure.{key} '{name}' is not read: attune reads {usual}"),
                    place(&text, key, 0),
                    match key {
                        "readme" => "the home page's text is the book's README.md (or index.md); name the first page so to make it the home page",
                        _ => "attune reads the order of the pages from SUMMARY.md; without one, pages are in the order of their folders",
                    },
                ));
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
