//! A Hugo site whose languages keep their pages in folders of their own
//! (`[languages.fr] contentDir = "content/fr"`), as Hugo's multilingual sites do. A
//! site is one language in attune, so when book.toml names the folder holding them
//! (`content_dir = "content"`), or a folder the site does not have, the content
//! folder is the site language's folder, as
//! Hugo reads it (links and `ref`s from its root), and each other language is left out
//! with one `other-language` warning naming the settings that build it as a site.
//! The site's own `permalinks` are read too when book.toml sets none, and an MkDocs
//! site's `redirect_maps` (`mkdocs/redirects.rs`) after book.toml's `[redirects]`.

use crate::config::{Config, FILE_NAME};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::path::Path;

/// `book.toml` under `root` read as [`crate::config::read`] reads it, with a Hugo
/// site's folder per language read as this module says (before the content folder is
/// checked, so a starter `content_dir` naming a folder the site does not have finds
/// Hugo's `content.en/`).
pub fn read_config(root: &Path, problems: &mut Diagnostics) -> anyhow::Result<Option<Config>> {
    crate::config::read_adjusted(root, problems, &|config, root, book_toml, problems| {
        super::site_language::read(config, root, book_toml);
        super::jekyll::read_base_path(config, root);
        read_hugo_languages(config, root, book_toml, problems);
        super::mkdocs::redirects::read(config, root);
    })
}

/// The Hugo site's own `permalinks`, read as `[permalinks]` in book.toml would be,
/// when book.toml sets none: links written to the addresses they give lead to the
/// pages without pasting them.
fn read_hugo_permalinks(config: &mut Config, root: &Path, dir: &Path, problems: &mut Diagnostics) {
    let Some((file, text, value)) = super::hugo_params::site_permalinks(root, dir) else {
        return;
    };
    let Ok(value) = toml::Value::try_from(value) else {
        return;
    };
    if let Some(permalinks) = crate::config::Permalinks::from_hugo(value, &file, &text, problems) {
        config.permalinks = permalinks;
    }
}

/// Where `content_dir = …` is written in `book_toml` (line, column), or its top.
fn content_dir_at(book_toml: &str) -> (usize, usize) {
    book_toml
        .lines()
        .enumerate()
        .find_map(|(i, line)| {
            let rest = line.trim_start().strip_prefix("content_dir")?;
            rest.trim_start()
                .starts_with('=')
                .then(|| (i + 1, line.len() - line.trim_start().len() + 1))
        })
        .unwrap_or((1, 1))
}

/// book.toml names an existing folder that holds none of Hugo's language folders: it
/// is read as written (a site may keep other pages there, and what book.toml says is
/// not second-guessed). When it holds no Markdown at all, a warning at `content_dir`
/// names the folder Hugo reads the site language's pages from.
fn no_pages_here(
    root: &Path,
    dir: &Path,
    folders: &[(String, std::path::PathBuf)],
    wanted: &str,
    book_toml: &str,
    problems: &mut Diagnostics,
) {
    let markdown = |e: &walkdir::DirEntry| {
        e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md")
    };
    let has_markdown =
        |d: &Path| (walkdir::WalkDir::new(d).into_iter().flatten()).any(|e| markdown(&e));
    if !dir.is_dir() || has_markdown(dir) {
        return;
    }
    let Some((code, folder)) = (folders.iter())
        .filter(|(_, f)| f.starts_with(root) && f.is_dir() && has_markdown(f))
        .min_by_key(|(c, _)| !c.eq_ignore_ascii_case(wanted))
    else {
        return;
    };
    let folder = folder.strip_prefix(root).unwrap_or(folder);
    let folder = folder.to_string_lossy().replace('\\', "/");
    let shown = dir
        .strip_prefix(root)
        .unwrap_or(dir)
        .to_string_lossy()
        .replace('\\', "/");
    let at = content_dir_at(book_toml);
    problems.push(
        Diagnostic::warning(
            Code::Config,
            format!("`{shown}/` holds no Markdown; Hugo reads the `{code}` pages from `{folder}/`"),
        )
        .at(Path::new(FILE_NAME), at.0, at.1)
        .help(format!(
            "set `[build] content_dir = \"{folder}\"` to publish them"
        )),
    );
}

fn read_hugo_languages(
    config: &mut Config,
    root: &Path,
    book_toml: &str,
    problems: &mut Diagnostics,
) {
    let dir = root.join(&config.build.content_dir);
    if config.permalinks.is_empty() {
        read_hugo_permalinks(config, root, &dir, problems);
    }
    let (folders, home) = super::hugo_params::language_folders(root, &dir);
    if folders.is_empty() {
        return;
    }
    let language_written = super::site_language::written(book_toml);
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    if let Some((code, _)) = folders.iter().find(|(_, f)| same(f, &dir)) {
        // book.toml names one language's folder: that language is the site's.
        if !language_written {
            config.site.language = code.clone();
        }
        return;
    }
    let wanted = match language_written {
        true => config.site.language.clone(),
        false => home,
    };
    // The language folders the content folder holds; or, when book.toml names a
    // folder that does not exist (the starter `content`), Hugo's own folders in the
    // site (`content.en`, `content.fr`).
    let holds = |folder: &Path| match dir.is_dir() {
        true => folder.starts_with(&dir),
        false => folder.starts_with(root),
    };
    let inside = |folder: &Path| holds(folder) && folder.is_dir();
    let Some((code, mine)) = folders
        .iter()
        .find(|(code, f)| code.eq_ignore_ascii_case(&wanted) && inside(f))
    else {
        no_pages_here(root, &dir, &folders, &wanted, book_toml, problems);
        return;
    };
    let shown = |folder: &Path| {
        let rel = folder.strip_prefix(root).unwrap_or(folder);
        rel.to_string_lossy().replace('\\', "/")
    };
    config.site.language = code.clone();
    let read = shown(mine);
    config.build.content_dir = read.clone();
    let at = content_dir_at(book_toml);
    for (other, folder) in folders.iter().filter(|(c, f)| c != code && inside(f)) {
        let folder = shown(folder);
        problems.push(
                Diagnostic::warning(
                    Code::OtherLanguage,
                    format!(
                        "Hugo's language `{other}` (`{folder}/`) is left out: a site is one language, `{code}`, read from `{read}/` as Hugo reads its languages' folders"
                    ),
                )
                .at(Path::new(FILE_NAME), at.0, at.1)
                .help(format!(
                    "build one site per language, each with its own book.toml: `[build] content_dir = \"{folder}\"` and `[site] language = \"{other}\"`"
                )),
            );
    }
}
