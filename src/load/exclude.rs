//! `[build] exclude`: folders and files of the content folder (and of the static
//! folder) that are never published, written as in a `.gitignore` file: a bare name
//! matches that folder or file at any depth, a `/` anchors a pattern to the folder,
//! `*` matches within a name and `**` across folders, a trailing `/` matches folders
//! only, and a leading `!` takes a file back (unless its folder is left out).

use crate::config::exclude_problem as problem;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::path::Path;

/// The patterns of `[build] exclude`, read for one folder.
#[derive(Debug, Clone, Default)]
pub struct Exclude(Option<Gitignore>);

impl Exclude {
    /// The patterns read relative to `dir`; a pattern that does not read (already
    /// reported by the config's checks, see [`crate::config::exclude_problem`]) is passed over.
    pub fn new(dir: &Path, patterns: &[String]) -> Exclude {
        if patterns.is_empty() {
            return Exclude(None);
        }
        let mut builder = GitignoreBuilder::new(dir);
        for pattern in patterns {
            if problem(pattern).is_none() {
                let _ = builder.add_line(None, pattern);
            }
        }
        Exclude(builder.build().ok())
    }

    /// Whether `rel`, a path below the folder (a folder when `is_dir`), is left out
    /// by a pattern naming it or one of the folders it is in.
    pub fn excludes(&self, rel: &Path, is_dir: bool) -> bool {
        self.0.as_ref().is_some_and(|set| {
            rel.parent().is_some() && set.matched_path_or_any_parents(rel, is_dir).is_ignore()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excludes(patterns: &[&str], rel: &str, is_dir: bool) -> bool {
        let patterns: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        Exclude::new(Path::new("/site/content"), &patterns).excludes(Path::new(rel), is_dir)
    }

    #[test]
    fn patterns_mean_what_they_mean_in_gitignore() {
        // A bare name: that folder or file at any depth, and everything in it.
        assert!(excludes(&["private"], "private", true));
        assert!(excludes(&["private"], "private/diary.md", false));
        assert!(excludes(&["private"], "topic/private/diary.md", false));
        assert!(!excludes(&["private"], "topic/privately.md", false));
        // Anchored to the folder by a leading `/`, or by a `/` inside.
        assert!(excludes(&["/templates"], "templates/daily.md", false));
        assert!(!excludes(
            &["/templates"],
            "topic/templates/daily.md",
            false
        ));
        assert!(!excludes(&["a/templates"], "b/a/templates/x.md", false));
        assert!(excludes(&["private/**"], "private/deep/x.md", false));
        // `*` within a name, `**` across folders.
        assert!(excludes(&["*.draft.md"], "topic/deep/x.draft.md", false));
        assert!(!excludes(&["*.draft.md"], "topic/x.md", false));
        assert!(excludes(
            &["topic/**/secret.md"],
            "topic/a/b/secret.md",
            false
        ));
        // A trailing `/`: folders only.
        assert!(excludes(&["journal/"], "journal/x.md", false));
        assert!(!excludes(&["journal/"], "journal", false));
        // `!` takes a file back.
        assert!(!excludes(&["*.md", "!keep.md"], "keep.md", false));
        assert!(excludes(&["*.md", "!keep.md"], "other.md", false));
        assert!(!excludes(&[], "anything.md", false));
    }

    #[test]
    fn a_bad_pattern_says_why() {
        assert!(problem("private/**").is_none());
        assert!(problem("").is_some());
        assert!(problem("# notes").is_some());
        // As in git, an unclosed `[` is a character of the name.
        assert!(problem("notes/[abc").is_none());
        let range = problem("notes/[z-a].md").unwrap();
        assert!(range.contains("range"), "{range}");
        let braces = problem("{private,journal").unwrap();
        assert!(braces.contains("unclosed"), "{braces}");
    }
}
