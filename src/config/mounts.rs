//! `[[mounts]]`: Hugo's module mounts (`[[module.mounts]]`), pasted as they are: more
//! folders (or single files) whose files the site publishes, at the site root under
//! the mount's target. `static` targets are published as `[build] static_dir` is;
//! `assets` targets are Hugo's global resources, which a page's image or link also
//! finds by their path from the assets root (`images/x.png` from any page), as Hugo's
//! image render hook and themes such as Relearn look them up (`resources.Get`).
//! Targets for Hugo's templates and data (`layouts`, `data`, `i18n`, `archetypes`)
//! are not read: attune has its own theme. `content/<folder>` targets (and `content`
//! with another source than the content folder) are more content, read as if it lay
//! in the content folder at that folder: its Markdown pages, its other files beside
//! them; one whose `lang` is another language than the site's is left out. Checked
//! against the disk with the folders.

use super::spans::key_start_at;
use super::Config;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// One `[[mounts]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mount {
    /// A folder or file, relative to the site's folder.
    pub source: Spanned<String>,
    /// Where Hugo mounts it: `static`, `static/<folder>`, `assets`, `assets/<folder>`;
    /// `content` (the content folder's own), `layouts`, `data`, `i18n`, `archetypes`.
    pub target: Spanned<String>,
    /// Hugo's language of a content mount (`lang = "fr"`).
    #[serde(default)]
    pub lang: Option<String>,
}

/// What a mount publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MountKind {
    /// Hugo's `static`: files published at the site root.
    Static,
    /// Hugo's `assets`: global resources, published at the site root and found by
    /// their path from it wherever a page names them relatively.
    Assets,
    /// Hugo's `content` at another folder than the content folder's own: pages and
    /// their files, read as the content folder's are, below the target's folder.
    Content,
}

impl Mount {
    /// What it publishes and the folder below the site root it publishes at (`""`,
    /// `images`); `None` for a target attune does not read (templates, data, the
    /// content folder's own mount, given as `content_dir`).
    pub fn published(&self, content_dir: &str) -> Option<(MountKind, String)> {
        let target = self.target.get_ref().trim().trim_matches('/');
        let (kind, rest) = if let Some(rest) = strip_folder(target, "static") {
            (MountKind::Static, rest)
        } else if let Some(rest) = strip_folder(target, "content") {
            let own = Path::new(content_dir.trim()).components();
            if rest.is_empty() && self.source_path().components().eq(own) {
                return None;
            }
            (MountKind::Content, rest)
        } else {
            (MountKind::Assets, strip_folder(target, "assets")?)
        };
        Some((kind, rest.trim_matches('/').to_string()))
    }

    /// Whether it is a mount in another language than `site` (Hugo's `lang`), which
    /// a site of one language leaves out: not the same tag, nor one more general than
    /// the other (`en` on an `en-GB` site).
    pub fn other_language(&self, site: &str) -> bool {
        let normal = |code: &str| code.trim().to_ascii_lowercase().replace('_', "-");
        let within = |short: &str, long: &str| {
            long.strip_prefix(short)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
        };
        let site = normal(site);
        (self.lang.as_deref()).is_some_and(|lang| {
            let lang = normal(lang);
            !(within(&lang, &site) || within(&site, &lang))
        })
    }

    /// The source as written, relative to the site's folder.
    pub fn source_path(&self) -> PathBuf {
        PathBuf::from(self.source.get_ref().trim())
    }
}

/// `rest` when `target` is `folder` or `folder/rest`.
fn strip_folder<'a>(target: &'a str, folder: &str) -> Option<&'a str> {
    let rest = target.strip_prefix(folder)?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

impl Config {
    /// Pushes what is wrong with `[[mounts]]` (read from `text`) under `root` into
    /// `problems`, each at its value; whether nothing was.
    pub(super) fn check_mounts(
        &self,
        root: &Path,
        text: &str,
        file: &Path,
        problems: &mut Diagnostics,
    ) -> bool {
        let before = problems.len();
        let at = |value: &Spanned<String>| line_col(text, key_start_at(text, value.span().start));
        for mount in &self.mounts {
            let target = mount.target.get_ref().trim().trim_matches('/');
            let source = mount.source.get_ref().trim();
            let mut problem = |value: &Spanned<String>, message: String, help: &str| {
                let (line, column) = at(value);
                problems.push(
                    Diagnostic::error(Code::Config, message)
                        .at(file, line, column)
                        .help(help.to_string()),
                );
            };
            let parts: Vec<&str> = target.split('/').collect();
            if parts
                .iter()
                .any(|p| p.is_empty() || *p == "." || *p == ".." || p.contains('\\'))
            {
                problem(&mount.target, format!("mount target '{target}' is not a folder path"), "write Hugo's target: \"static\", \"static/images\", \"assets\", \"assets/images\" or \"content/<folder>\"");
                continue;
            }
            match parts[0] {
                "static" | "assets" => {}
                "layouts" | "data" | "i18n" | "archetypes" => continue,
                "content" => {
                    let own = Path::new(self.build.content_dir.trim()).components();
                    if parts.len() == 1 && Path::new(source).components().eq(own)
                        || mount.other_language(&self.site.language)
                    {
                        continue;
                    }
                }
                other => {
                    problem(&mount.target, format!("mount target '{target}' is not one Hugo has: '{other}'"), "write \"static\", \"static/<folder>\", \"assets\" or \"assets/<folder>\" for files the site publishes, \"content/<folder>\" for pages");
                    continue;
                }
            }
            if let Some(message) = source_problem(root, source, &self.build.content_dir) {
                problem(&mount.source, message, "name a folder or file inside the folder holding book.toml, apart from the content folder (a symbolic link in it to elsewhere is followed)");
                continue;
            }
            if parts.len() == 1 && root.join(source).is_file() {
                problem(&mount.target, format!("mount of the file '{source}' at '{target}', the folder itself: it needs a name there"), "write the file's path below the target, as Hugo does: \"assets/CHANGELOG.md\"");
            }
        }
        problems.len() == before
    }
}

/// What is wrong with `source` as a mount's source, if anything.
fn source_problem(root: &Path, source: &str, content_dir: &str) -> Option<String> {
    use super::folders::{misplaced, Misplaced};
    let at = format!("mount source '{source}'");
    Some(match misplaced(root, source, content_dir, true)? {
        Misplaced::NotRelative => format!("{at} must be a path relative to book.toml's folder"),
        Misplaced::Outside => format!("{at} is outside the site's folder"),
        Misplaced::SiteItself => format!("{at} is the site's folder itself: book.toml and the content folder would be published as files"),
        Misplaced::Missing => format!("{at} does not exist"),
        Misplaced::Unreadable(e) => format!("{at} cannot be read: {e}"),
        // Never with `file_too`: a file may be mounted.
        Misplaced::File => return None,
        Misplaced::Special => format!("{at} is a special file (a FIFO, socket or device)"),
        Misplaced::OverlapsContent => format!("{at} overlaps the content folder `{content_dir}/`: its files would be published twice"),
    })
}
