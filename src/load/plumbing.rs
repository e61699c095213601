//! A content folder that is the repository itself (`content_dir = "."`, a GitBook or
//! a vault whose notes sit at the top, or a folder above the site's): the site's own
//! book.toml and the repository's plumbing beside the notes (a licence file, build
//! and package manifests, lock files, CI settings) are not the library's files. mdBook
//! copies only what is under `src/`, GitBook only what the book's pages use; so attune
//! publishes such a file only when a page links to it (`[Licence](LICENSE)`), and
//! does not even walk the folders of installed packages and build outputs there.

use std::path::{Path, PathBuf};

/// Files at the top of a repository that are its tools' and not its readers', by name
/// (any case).
const FILES: &[&str] = &[
    "book.toml",
    "book.json",
    "cargo.toml",
    "cargo.lock",
    "package.json",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "pnpm-workspace.yaml",
    "bun.lockb",
    "bun.lock",
    "deno.json",
    "deno.lock",
    "tsconfig.json",
    "go.mod",
    "go.sum",
    "pyproject.toml",
    "poetry.lock",
    "uv.lock",
    "requirements.txt",
    "setup.py",
    "setup.cfg",
    "tox.ini",
    "pipfile",
    "pipfile.lock",
    "gemfile",
    "gemfile.lock",
    "makefile",
    "gnumakefile",
    "justfile",
    "rakefile",
    "procfile",
    "dockerfile",
    "docker-compose.yml",
    "docker-compose.yaml",
    "compose.yml",
    "compose.yaml",
    "flake.nix",
    "flake.lock",
    "shell.nix",
    "default.nix",
    "netlify.toml",
    "vercel.json",
    "firebase.json",
    "renovate.json",
    "codeowners",
    "mkdocs.yml",
    "mkdocs.yaml",
    "_config.yml",
    "hugo.toml",
    "hugo.yaml",
    "hugo.json",
    "config.toml",
    "rust-toolchain",
    "rust-toolchain.toml",
    "rustfmt.toml",
    "clippy.toml",
    "deny.toml",
    "typos.toml",
    "_typos.toml",
    "cspell.json",
    "lychee.toml",
    "codecov.yml",
];

/// Legal files kept at a repository's top (`LICENSE`, `LICENSE-MIT`, `COPYING.txt`),
/// by the name before any extension or `-` part.
const LEGAL: &[&str] = &["license", "licence", "copying", "notice", "authors"];

/// Folders at a repository's top that hold installed packages or build output, never
/// walked: (name, the file beside it that says what it is, if it must be there).
const FOLDERS: &[(&str, Option<&str>)] = &[
    ("node_modules", None),
    ("_book", Some("book.json")),
    ("target", Some("Cargo.toml")),
    // mdbook-i18n-helpers' gettext catalogues (`po/cn.po`), beside the book's
    // book.toml: translations attune does not publish (see `config::translations`).
    ("po", Some("book.toml")),
];

/// The folders of the content folder `dir` that are a repository's top: the content
/// folder itself and the site's folder `root`, when `root` is the content folder or
/// lies in it; none otherwise (`content_dir = "src"`).
pub fn tops(root: &Path, dir: &Path) -> Vec<PathBuf> {
    let (Ok(root), Ok(dir)) = (root.canonicalize(), dir.canonicalize()) else {
        return Vec::new();
    };
    let Ok(below) = root.strip_prefix(&dir) else {
        return Vec::new();
    };
    let mut tops = vec![PathBuf::new()];
    if !below.as_os_str().is_empty() {
        tops.push(below.to_path_buf());
    }
    tops
}

/// Whether the file `rel` (a path below the content folder) is the repository's
/// plumbing: a file named in [`FILES`] or a legal file, other than Markdown, in one of
/// `tops`.
pub fn is_plumbing(rel: &Path, tops: &[PathBuf]) -> bool {
    let parent = rel.parent().unwrap_or(Path::new(""));
    if !tops.iter().any(|t| t == parent) {
        return false;
    }
    let Some(name) = rel.file_name().map(|n| n.to_string_lossy().to_lowercase()) else {
        return false;
    };
    if FILES.contains(&name.as_str()) {
        return true;
    }
    let markdown = [".md", ".markdown", ".mdx"]
        .iter()
        .any(|e| name.ends_with(e));
    let stem = name.split(['.', '-', '_']).next().unwrap_or_default();
    !markdown && LEGAL.contains(&stem)
}

/// `[build] exclude`-style patterns for the package, build and translation folders of [`FOLDERS`]
/// found at one of `tops` of the content folder `dir`, each with why it is left out.
pub fn folder_patterns(dir: &Path, tops: &[PathBuf]) -> Vec<(String, String)> {
    let mut patterns = Vec::new();
    for top in tops {
        for (name, beside) in FOLDERS {
            let folder = dir.join(top).join(name);
            let marked = beside.is_none_or(|file| dir.join(top).join(file).is_file());
            if folder.is_dir() && marked {
                let rel = top.join(name).to_string_lossy().replace('\\', "/");
                patterns.push((
                    format!("/{rel}/"),
                    format!("the repository's {name} folder, not the library's"),
                ));
            }
        }
    }
    patterns
}

#[cfg(test)]
mod tests {
    use super::is_plumbing;
    use std::path::{Path, PathBuf};

    #[test]
    fn plumbing_is_named_files_at_a_top_only() {
        let tops = [PathBuf::new(), PathBuf::from("site")];
        for name in [
            "book.toml",
            "LICENSE",
            "LICENSE-MIT",
            "COPYING.txt",
            "Makefile",
            "package.json",
            "site/book.toml",
            "Cargo.lock",
        ] {
            assert!(is_plumbing(Path::new(name), &tops), "{name}");
        }
        for name in [
            "LICENSE.md",
            "guide/package.json",
            "images/license.png.md",
            "notes.txt",
            "licensed-images.zip",
            "diagram.png",
        ] {
            assert!(!is_plumbing(Path::new(name), &tops), "{name}");
        }
        assert!(!is_plumbing(Path::new("book.toml"), &[]));
    }
}
