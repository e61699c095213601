//! Walking the content folder: hidden files and editors' droppings skipped, and
//! symbolic links that lead into the output folder refused.

use super::exclude::Exclude;
use super::read::display_path;
use super::summary::Summary;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Hidden files and folders, and the droppings of editors mid-save.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
}

/// GitBook's `.gitbook/` folder, the one hidden folder read: its `assets/` holds the
/// images and files the pages show (`.gitbook/assets/diagram.png`).
fn is_gitbook_folder(e: &walkdir::DirEntry) -> bool {
    e.file_type().is_dir() && e.file_name() == ".gitbook"
}

/// Logseq's own folder at a graph's top (`logseq/config.edn`, `custom.css`, and `bak/`,
/// its backups of pages as they were), which Logseq never shows as pages: left out, as
/// a vault's `.obsidian/` is.
fn is_logseq_folder(e: &walkdir::DirEntry) -> bool {
    e.depth() == 1
        && e.file_type().is_dir()
        && e.file_name() == "logseq"
        && e.path().join("config.edn").is_file()
}

/// Whatever `.gitbook/` holds beside `assets/` (GitBook's own settings and
/// includes), which is not read.
fn in_gitbook_folder(e: &walkdir::DirEntry) -> bool {
    let parent = e.path().parent().and_then(Path::file_name);
    parent.is_some_and(|p| p == ".gitbook")
        && !(e.file_type().is_dir() && e.file_name() == "assets")
}

/// The entries of `dir` (sorted by name, following symbolic links), without ignored
/// names and without symbolic links that lead into (or contain) one of `outputs`, the
/// folders the site is written to: those are added to `into_output`; and without what
/// `exclude` leaves out (`[build] exclude`), whose folders are not even entered:
/// those are added to `left_out`, with whether each is a folder.
pub(super) fn walk<'a>(
    dir: &Path,
    outputs: &[PathBuf],
    exclude: &'a Exclude,
    into_output: &'a mut Vec<PathBuf>,
    left_out: &'a mut Vec<(PathBuf, bool)>,
) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> + 'a {
    let root = dir.to_path_buf();
    let outputs: Vec<PathBuf> = outputs
        .iter()
        .flat_map(|out| crate::output::build_folders(out))
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            if e.depth() == 0 {
                return true;
            }
            if is_ignored(e.file_name().to_string_lossy().as_ref()) && !is_gitbook_folder(e) {
                return false;
            }
            if in_gitbook_folder(e) || is_logseq_folder(e) {
                return false;
            }
            let rel = e.path().strip_prefix(&root).unwrap_or(e.path());
            if exclude.excludes(rel, e.file_type().is_dir()) {
                left_out.push((rel.to_path_buf(), e.file_type().is_dir()));
                return false;
            }
            if e.path_is_symlink() && !outputs.is_empty() {
                if let Ok(real) = e.path().canonicalize() {
                    if outputs
                        .iter()
                        .any(|o| real.starts_with(o) || o.starts_with(&real))
                    {
                        into_output.push(e.path().to_path_buf());
                        return false;
                    }
                }
            }
            true
        })
}

/// Warns about each symbolic link [`walk`] skipped because it leads into the output.
pub(super) fn report_links_into_output(
    root: &Path,
    into_output: &[PathBuf],
    diagnostics: &mut Diagnostics,
) {
    for link in into_output {
        diagnostics.push(
            Diagnostic::warning(
                Code::LinkIntoOutput,
                "this symbolic link leads into the output folder; skipped, so the site is never published into itself",
            )
            .in_file(super::read::display_path(root, link))
            .help("point it elsewhere, or remove it from the content folder"),
        );
    }
}

/// The files below `folder` (relative to `root`, as book.toml names it), each with its
/// path below it, sorted by name: hidden files and editors' droppings left out, and
/// links into the output folder added to `into_output` (see [`walk`]), and what
/// `exclude` leaves out passed over (and added to its list); anything
/// that is not a file (a FIFO, a socket, a device) is passed over without being
/// opened; a name that is not UTF-8 is an error.
pub(super) fn files(
    root: &Path,
    folder: &str,
    outputs: &[PathBuf],
    (exclude, left_out): (&Exclude, &mut Vec<(PathBuf, bool)>),
    into_output: &mut Vec<PathBuf>,
    diagnostics: &mut Diagnostics,
) -> Vec<(PathBuf, PathBuf)> {
    let dir = root.join(folder);
    let mut found = Vec::new();
    for entry in walk(&dir, outputs, exclude, into_output, left_out) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let at = e
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_else(|| PathBuf::from(folder));
                let gone = e.io_error().map(std::io::Error::kind) == Some(ErrorKind::NotFound);
                let link = e.path().and_then(|p| std::fs::read_link(p).ok());
                let d = match (e.loop_ancestor(), link) {
                    (Some(_), _) => Diagnostic::warning(Code::Io, "symbolic link loop skipped"),
                    (None, Some(to)) if gone => Diagnostic::warning(
                        Code::Io,
                        format!(
                            "symbolic link to '{}', which does not exist: left out",
                            to.display()
                        ),
                    )
                    .help("remove the link, or put what it names in its place"),
                    // Gone since the folder was listed (an editor's file saved over).
                    (None, None) if gone => continue,
                    (None, _) => Diagnostic::warning(Code::Io, format!("could not read: {e}")),
                };
                diagnostics.push(d.in_file(at));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&dir)
            .unwrap_or(entry.path())
            .to_path_buf();
        if rel.to_str().is_none() {
            // Two such names could read the same once made text, and merge.
            diagnostics.push(
                Diagnostic::error(Code::BadFileName, "file name is not valid UTF-8")
                    .in_file(display_path(root, entry.path()))
                    .help("rename the file (and its folders) with UTF-8 names"),
            );
            continue;
        }
        found.push((entry.into_path(), rel));
    }
    found
}

/// Hugo's default assets folder: the files of `assets/` beside the content folder
/// (paths below it), when no `[[mounts]]` entry names that folder or mounts into
/// `assets` (Hugo drops a default mount once one of its target is declared) and the
/// folder is neither the content folder's (or in it) nor the static one. Hugo
/// publishes such a file only when a page uses it: see `site/refs/hugo_assets.rs`.
pub(super) fn default_assets(
    root: &Path,
    (content_dir, static_dir, exclude): (&str, Option<&str>, &[String]),
    mounts: &[crate::config::Mount],
    outputs: &[PathBuf],
    into_output: &mut Vec<PathBuf>,
    diagnostics: &mut Diagnostics,
) -> Vec<PathBuf> {
    const ASSETS: &str = "assets";
    let canonical = |folder: &str| std::fs::canonicalize(root.join(folder)).ok();
    let Some(assets) = canonical(ASSETS).filter(|a| a.is_dir()) else {
        return Vec::new();
    };
    let declared = mounts.iter().any(|m| {
        m.published(content_dir)
            .is_some_and(|(kind, _)| kind == crate::config::MountKind::Assets)
            || canonical(&m.source_path().to_string_lossy()).as_ref() == Some(&assets)
    });
    let taken = canonical(content_dir).is_some_and(|c| assets.starts_with(c))
        || static_dir.and_then(canonical).as_ref() == Some(&assets);
    if declared || taken {
        return Vec::new();
    }
    let exclude = Exclude::new(&root.join(ASSETS), exclude);
    files(
        root,
        ASSETS,
        outputs,
        (&exclude, &mut Vec::new()),
        into_output,
        diagnostics,
    )
    .into_iter()
    .map(|(_, rel)| rel)
    .collect()
}

/// Whether the files `a` and `b` hold the same bytes (both readable).
pub fn same_bytes(a: &Path, b: &Path) -> bool {
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
    if size(a).is_none() || size(a) != size(b) {
        return false;
    }
    matches!((std::fs::read(a), std::fs::read(b)), (Ok(x), Ok(y)) if x == y)
}

/// A content folder's file (not a page) and a static folder's file at one path: the
/// static file is published, as Zola copies its static folder over what the content
/// folder gave. The same bytes twice say nothing; different bytes are a
/// `url-collision` warning at the content file, which is not published.
pub(super) fn static_over_content(
    (root, content_dir): (&Path, &str),
    statics: &[(PathBuf, PathBuf)],
    assets: &mut Vec<super::Asset>,
    diagnostics: &mut Diagnostics,
) {
    let statics: std::collections::HashMap<&Path, &Path> = statics
        .iter()
        .map(|(full, rel)| (rel.as_path(), full.as_path()))
        .collect();
    assets.retain(|asset| {
        let Some(over) = statics.get(asset.rel.as_path()) else {
            return true;
        };
        let full = root.join(content_dir).join(&asset.rel);
        if !same_bytes(&full, over) {
            let slash = |p: &Path| p.to_string_lossy().replace('\\', "/");
            diagnostics.push(
                Diagnostic::warning(
                    Code::UrlCollision,
                    format!(
                        "the content file '{}' and the static file '{}' would both publish '/{}': the static file is published, as Zola publishes it",
                        slash(&asset.rel),
                        slash(&display_path(root, over)),
                        slash(&asset.rel)
                    ),
                )
                .in_file(display_path(root, &full))
                .help("remove one of the two files, or give one another name")
                .family("content files a static file replaces"),
            );
        }
        false
    });
}

/// `themes/<name>/static` folders no `[[mounts]]` entry names, sorted: see
/// [`super::Content::theme_statics`].
pub(super) fn theme_statics(
    root: &Path,
    mounts: &[crate::config::Mount],
) -> Vec<(PathBuf, String)> {
    let Ok(themes) = std::fs::read_dir(root.join("themes")) else {
        return Vec::new();
    };
    let mounted: Vec<PathBuf> = mounts
        .iter()
        .filter_map(|m| std::fs::canonicalize(root.join(m.source_path())).ok())
        .collect();
    let mut found: Vec<(PathBuf, String)> = themes
        .flatten()
        .filter_map(|theme| {
            let name = theme.file_name().to_str()?.to_string();
            let dir = theme.path().join("static");
            let canonical = std::fs::canonicalize(&dir).ok()?;
            (!is_ignored(&name) && dir.is_dir() && !mounted.contains(&canonical))
                .then(|| (dir, format!("themes/{name}/static")))
        })
        .collect();
    found.sort();
    found
}

/// How many folders deep below the content folder a Markdown file may lie. Every page
/// carries its folders (breadcrumbs, hubs, sub-section lists), so a chain of folders a
/// thousand deep would take hours and gigabytes to build; no book comes near this one.
pub const MAX_FOLDER_DEPTH: usize = 32;

/// Takes the Markdown files more than [`MAX_FOLDER_DEPTH`] folders deep out of
/// `markdown`, with one error for them all: at the place `SUMMARY.md` lists the first
/// of them, else at the first of them.
pub(super) fn too_deep(
    root: &Path,
    markdown: &mut Vec<(PathBuf, PathBuf)>,
    summary: Option<&Summary>,
    diagnostics: &mut Diagnostics,
) {
    let folders = |rel: &Path| rel.components().count().saturating_sub(1);
    let (kept, deep): (Vec<_>, Vec<_>) = std::mem::take(markdown)
        .into_iter()
        .partition(|(_, rel)| folders(rel) <= MAX_FOLDER_DEPTH);
    *markdown = kept;
    let listed = summary.and_then(|summary| {
        deep.iter()
            .filter_map(|(_, rel)| summary.chapter(rel).map(|c| (c, rel)))
            .min_by_key(|(c, _)| (c.line, c.column))
            .map(|(c, rel)| ((summary.file.clone(), c.line, c.column), rel))
    });
    let Some((place, rel)) = listed.or_else(|| {
        let (full, rel) = deep.first()?;
        Some(((display_path(root, full), 1, 1), rel))
    }) else {
        return;
    };
    let name = rel.file_name().unwrap_or_default().to_string_lossy();
    let depth = folders(rel);
    let message = match deep.len() {
        1 => format!(
            "'{name}' lies {depth} folders deep in the content folder, more than the {MAX_FOLDER_DEPTH} a site may nest: it is left out"
        ),
        n => format!(
            "{n} Markdown files lie more than the {MAX_FOLDER_DEPTH} folders deep a site may nest, the first '{name}' ({depth} folders deep): they are left out"
        ),
    };
    let (file, line, column) = place;
    diagnostics.push(
        Diagnostic::error(Code::TooDeep, message)
            .at(file, line, column)
            .help("move the chapters up into fewer folders: SUMMARY.md nests chapters at any depth without folders"),
    );
}
/// The error for a site whose content folder `content_dir` is not a folder under
/// `root`, if it is not: nothing can be built from it.
pub fn missing_content_folder(root: &Path, content_dir: &str) -> Option<Diagnostic> {
    if root.join(content_dir).is_dir() {
        return None;
    }
    Some(
        Diagnostic::error(
            Code::Empty,
            format!("content folder `{content_dir}/` does not exist"),
        )
        .in_file(crate::config::FILE_NAME)
        .help("create it with one folder per topic, or run `attune init` for a sample site"),
    )
}

/// The exclude pattern that keeps the static folder out of the content folder when it
/// lies inside it (VitePress's `docs/public/`, see `vitepress.rs`): its files are
/// published once, at the site's root, not at `public/` too.
pub(super) fn static_inside_content(
    root: &Path,
    content_dir: &str,
    static_dir: &str,
) -> Option<(String, String)> {
    let rel = crate::config::below_content(root, static_dir, content_dir)?;
    let why =
        "the static folder (`[build] static_dir`), whose files are published at the site's root";
    Some((format!("/{rel}/"), why.to_string()))
}
