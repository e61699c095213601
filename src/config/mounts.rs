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
//! them; one whose `lang` is another language than the site's is left out. Hugo's
//! filters (`files`, and the older `excludeFiles` and `includeFiles`) choose which of
//! a mount's files it mounts; the content folder's own mount's filter applies to the
//! content folder, so a mount may reuse a part of it that filter leaves out. Checked
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
    /// Hugo's filter (0.153): globs of files or folders to mount, each `"! glob"` one
    /// to leave out (see [`Mount::admits`]).
    #[serde(default)]
    pub files: Globs,
    /// Hugo's older filters: globs of files or folders to leave out, and to mount.
    #[serde(default, rename = "excludeFiles")]
    pub exclude_files: Globs,
    #[serde(default, rename = "includeFiles")]
    pub include_files: Globs,
    /// Hugo's watch setting for `hugo server`; `serve` watches every mount.
    #[serde(default, rename = "disableWatch")]
    pub disable_watch: Option<bool>,
}

/// One glob or a list of them, as Hugo takes a mount's filters.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(untagged)]
pub enum Globs {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl Globs {
    fn list(&self) -> &[String] {
        match self {
            Globs::None => &[],
            Globs::One(one) => std::slice::from_ref(one),
            Globs::Many(many) => many,
        }
    }
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

    /// Whether Hugo mounts the file or folder at `rel` (relative to the source) by the
    /// mount's filters, read as Hugo reads them: each glob matched, lower-cased, against
    /// the path from the source with a leading `/` (`*` within one folder, `**` across
    /// folders, `?`, `{a,b}`); a file is left out when it or a folder above it matches
    /// a `"! glob"` of `files` or a glob of `excludeFiles`, and, when the filters name
    /// any file to mount (a `files` glob without `!`, or `includeFiles`), mounted only
    /// when it or a folder above it matches one. Without filters, every file.
    pub fn admits(&self, rel: &Path) -> bool {
        let (mut out, mut keep) = (Vec::new(), Vec::new());
        for glob in self.files.list() {
            match glob.trim_start().strip_prefix('!') {
                Some(negated) => out.push(normal_glob(negated)),
                None => keep.push(normal_glob(glob)),
            }
        }
        out.extend(self.exclude_files.list().iter().map(|g| normal_glob(g)));
        keep.extend(self.include_files.list().iter().map(|g| normal_glob(g)));
        if out.is_empty() && keep.is_empty() {
            return true;
        }
        let path = format!("/{}", rel.to_string_lossy().replace('\\', "/")).to_lowercase();
        // The path and each folder above it: `/docs/v2/a.md`, `/docs/v2`, `/docs`.
        let mut paths = vec![path.as_str()];
        paths.extend(path.match_indices('/').skip(1).map(|(i, _)| &path[..i]));
        let matches = |globs: &[String]| {
            globs
                .iter()
                .any(|g| paths.iter().any(|p| super::addresses::glob(g, p)))
        };
        !matches(&out) && (keep.is_empty() || matches(&keep))
    }

    /// Whether it is the content folder's own mount (`source` the content folder,
    /// `target = "content"`), whose filters apply to the content folder.
    pub fn is_own_content(&self, content_dir: &str) -> bool {
        let target = self.target.get_ref().trim().trim_matches('/');
        target == "content"
            && self
                .source_path()
                .components()
                .eq(Path::new(content_dir.trim()).components())
    }

    /// The source as written, relative to the site's folder.
    pub fn source_path(&self) -> PathBuf {
        PathBuf::from(self.source.get_ref().trim())
    }
}

/// A filter's glob as Hugo matches it: trimmed, lower-cased, from the mount's root.
fn normal_glob(glob: &str) -> String {
    let glob = glob.trim().to_lowercase();
    match glob.starts_with('/') {
        true => glob,
        false => format!("/{glob}"),
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
        let before = problems.error_count();
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
            // A source that does not exist is passed over, as Hugo passes it over.
            let inside = Path::new(source).components().all(|c| {
                matches!(
                    c,
                    std::path::Component::Normal(_) | std::path::Component::CurDir
                )
            });
            if inside && !root.join(source).exists() {
                let (line, column) = at(&mount.source);
                problems.push(
                    Diagnostic::warning(Code::Config, format!("mount source '{source}' does not exist: this mount is passed over, as Hugo passes it over"))
                        .at(file, line, column)
                        .help("name a folder or file inside the folder holding book.toml, or remove the entry"),
                );
                continue;
            }
            let reused = self.left_out_of_content(source);
            if let Some(message) = source_problem(root, source, &self.build.content_dir, reused) {
                problem(&mount.source, message, "name a folder or file inside the folder holding book.toml, apart from the content folder (a symbolic link in it to elsewhere is followed)");
                continue;
            }
            if parts.len() == 1 && root.join(source).is_file() {
                problem(&mount.target, format!("mount of the file '{source}' at '{target}', the folder itself: it needs a name there"), "write the file's path below the target, as Hugo does: \"assets/CHANGELOG.md\"");
            }
        }
        problems.error_count() == before
    }
}

impl Config {
    /// Whether `source` lies in the content folder, in a part the content folder's
    /// own mount's filters leave out (Hugo's `files: ['! docs/v?']` on `content`, so
    /// `content/docs/v2` may be mounted at `content/docs`), or in a hidden folder
    /// or file, which the content folder is read without, as Hugo reads it
    /// (buildpacks' docs keep `content/docs/.common/concepts/buildpack.md` and
    /// mount it into three sections).
    fn left_out_of_content(&self, source: &str) -> bool {
        let content_dir = &self.build.content_dir;
        let Ok(rel) = Path::new(source.trim()).strip_prefix(content_dir.trim()) else {
            return false;
        };
        let hidden = || {
            rel.components().any(|c| {
                let name = c.as_os_str().to_string_lossy();
                name.starts_with('.') && name != ".gitbook"
            })
        };
        !rel.as_os_str().is_empty()
            && (hidden()
                || self
                    .mounts
                    .iter()
                    .find(|m| m.is_own_content(content_dir))
                    .is_some_and(|own| !own.admits(rel)))
    }
}

/// What is wrong with `source` as a mount's source, if anything; `reused`: it lies in
/// a part of the content folder the content folder's own mount leaves out.
fn source_problem(root: &Path, source: &str, content_dir: &str, reused: bool) -> Option<String> {
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
        Misplaced::OverlapsContent if reused => return None,
        Misplaced::OverlapsContent => format!("{at} overlaps the content folder `{content_dir}/`: its files would be published twice"),
    })
}
