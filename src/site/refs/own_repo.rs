//! Files of the site's own repository written as their address on GitHub
//! (`https://raw.githubusercontent.com/owner/book/main/src/img/plan.png`, as a README
//! writes them so that they show on GitHub too). The Content-Security-Policy keeps
//! another origin's files from loading, so a file the site publishes is that file, as
//! a path to it is: it loads offline and on any host. The repository is the one the
//! site's folder is a clone of (the remotes in `.git/config`) or, for an mdBook,
//! `[output.html] git-repository-url`.

use std::path::{Path, PathBuf};

/// The site's repositories on GitHub: `owner/name` in lower case, and the folder the
/// repository's paths start from.
pub(super) type Repositories = Vec<(String, PathBuf)>;

/// The repositories of the site at `root`; `mdbook` is mdBook's
/// `git-repository-url`, when book.toml gives one.
pub(super) fn repositories(root: &Path, mdbook: Option<&str>) -> Repositories {
    let clone = root
        .ancestors()
        .find(|folder| folder.join(".git").exists())
        .map(Path::to_path_buf);
    let mut found: Repositories = Vec::new();
    if let Some(clone) = &clone {
        for url in remote_urls(clone) {
            found.extend(github_name(&url).map(|name| (name, clone.clone())));
        }
    }
    if let Some(name) = mdbook.and_then(github_name) {
        let folder = clone.unwrap_or_else(|| root.to_path_buf());
        found.push((name, folder));
    }
    found
}

/// The remotes' addresses in the clone's `.git/config` (a worktree's `.git` file
/// names its folder in the main clone, whose `config` it shares).
fn remote_urls(clone: &Path) -> Vec<String> {
    let git = clone.join(".git");
    let folder = match std::fs::read_to_string(&git) {
        Ok(file) => match file.trim().strip_prefix("gitdir:") {
            Some(dir) => {
                let dir = clone.join(dir.trim());
                // `.git/worktrees/<name>`: the config is the main clone's.
                match dir.parent().filter(|p| p.ends_with("worktrees")) {
                    Some(worktrees) => worktrees.parent().map(Path::to_path_buf).unwrap_or(dir),
                    None => dir,
                }
            }
            None => return Vec::new(),
        },
        Err(_) => git,
    };
    let Ok(config) = std::fs::read_to_string(folder.join("config")) else {
        return Vec::new();
    };
    config
        .lines()
        .filter_map(|line| line.trim().strip_prefix("url"))
        .filter_map(|rest| rest.trim_start().strip_prefix('='))
        .map(|url| url.trim().to_string())
        .collect()
}

/// `owner/name`, in lower case, of a repository on GitHub written as
/// `https://github.com/owner/name(.git)`, `git@github.com:owner/name.git` or
/// `ssh://git@github.com/owner/name`.
fn github_name(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = [
        "https://github.com/",
        "http://github.com/",
        "ssh://git@github.com/",
    ]
    .iter()
    .find_map(|prefix| url.strip_prefix(prefix))
    .or_else(|| url.strip_prefix("git@github.com:"))?;
    let mut parts = rest.trim_end_matches('/').split('/');
    let owner = parts.next().filter(|o| !o.is_empty())?;
    let name = parts.next()?.trim_end_matches(".git");
    (!name.is_empty()).then(|| format!("{owner}/{name}").to_lowercase())
}

/// The file `url` names in one of `repositories`, when it is there: `raw.githubusercontent.com/owner/name/<ref>/<path>`,
/// `github.com/owner/name/raw/<ref>/<path>`, or `…/blob/<ref>/<path>?raw=true`. A
/// ref of several names (`refs/heads/main`) is found by which split names a file.
pub(super) fn file_of(url: &str, repositories: &Repositories) -> Option<PathBuf> {
    if repositories.is_empty() {
        return None;
    }
    let (address, query) = url.split_once('?').unwrap_or((url, ""));
    let address = address.split('#').next().unwrap_or(address);
    let rest = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"))?;
    let (owner, name, tail) = match rest.split_once('/')? {
        ("raw.githubusercontent.com", rest) => {
            let mut parts = rest.splitn(3, '/');
            (parts.next()?, parts.next()?, parts.next()?)
        }
        ("github.com", rest) => {
            let mut parts = rest.splitn(4, '/');
            let (owner, name, kind, tail) =
                (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            let raw = kind == "raw"
                || (kind == "blob" && query.split('&').any(|q| q == "raw=true" || q == "raw=1"));
            if !raw {
                return None;
            }
            (owner, name, tail)
        }
        _ => return None,
    };
    let wanted = format!("{owner}/{name}").to_lowercase();
    let (_, folder) = repositories.iter().find(|(n, _)| *n == wanted)?;
    let tail = crate::text::percent_decode_lenient(tail)?;
    // No `..` or `.`, in the ref (git allows none) or in the path.
    if tail.split('/').any(|part| part == ".." || part == ".") {
        return None;
    }
    // The ref is one name or more: the first split naming a file in the repository.
    let mut at = 0;
    for _ in 0..3 {
        at += tail[at..].find('/')? + 1;
        let path = &tail[at..];
        let file = folder.join(path);
        if !path.starts_with('/') && file.is_file() {
            return Some(file);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repository_names_are_read_from_the_ways_remotes_are_written() {
        for (url, name) in [
            ("https://github.com/Owner/Book", Some("owner/book")),
            ("https://github.com/owner/book.git", Some("owner/book")),
            ("git@github.com:owner/book.git", Some("owner/book")),
            ("ssh://git@github.com/owner/book/", Some("owner/book")),
            ("https://gitlab.com/owner/book", None),
            ("https://github.com/owner", None),
        ] {
            assert_eq!(github_name(url).as_deref(), name, "{url}");
        }
    }

    #[test]
    fn a_file_of_the_repository_is_found_by_its_address_on_github() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("src/static")).unwrap();
        std::fs::write(root.join("src/static/plan one.png"), "png").unwrap();
        let repos = vec![("owner/book".to_string(), root.to_path_buf())];
        let found = |url: &str| file_of(url, &repos);
        let plan = Some(root.join("src/static/plan one.png"));
        for url in [
            "https://raw.githubusercontent.com/Owner/Book/master/src/static/plan%20one.png",
            "https://raw.githubusercontent.com/owner/book/refs/heads/main/src/static/plan%20one.png",
            "https://github.com/owner/book/raw/main/src/static/plan%20one.png",
            "https://github.com/owner/book/blob/main/src/static/plan%20one.png?raw=true",
        ] {
            assert_eq!(found(url), plan, "{url}");
        }
        for url in [
            // Another repository, a page about the file, a file not there, a way out.
            "https://raw.githubusercontent.com/other/book/master/src/static/plan%20one.png",
            "https://github.com/owner/book/blob/main/src/static/plan%20one.png",
            "https://raw.githubusercontent.com/owner/book/master/src/static/gone.png",
            "https://raw.githubusercontent.com/owner/book/master/../book/src/static/plan%20one.png",
            "https://example.org/owner/book/master/src/static/plan%20one.png",
        ] {
            assert_eq!(found(url), None, "{url}");
        }
    }

    #[test]
    fn the_repository_is_the_clone_the_site_is_in_or_the_books_setting() {
        let dir = tempfile::tempdir().unwrap();
        let clone = dir.path();
        std::fs::create_dir_all(clone.join(".git")).unwrap();
        std::fs::create_dir_all(clone.join("docs")).unwrap();
        std::fs::write(
            clone.join(".git/config"),
            "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:owner/site.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n",
        )
        .unwrap();
        let site = clone.join("docs");
        assert_eq!(
            repositories(&site, Some("https://github.com/owner/book")),
            vec![
                ("owner/site".to_string(), clone.to_path_buf()),
                ("owner/book".to_string(), clone.to_path_buf())
            ]
        );
        let alone = tempfile::tempdir().unwrap();
        assert_eq!(
            repositories(alone.path(), Some("https://github.com/owner/book")),
            vec![("owner/book".to_string(), alone.path().to_path_buf())]
        );
    }
}
