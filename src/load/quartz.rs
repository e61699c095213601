//! A Quartz garden's settings, read from its `quartz.config.ts` without running it:
//! where the file is, the plugins it lists that change how notes read, and the files
//! it ignores.

use super::js_literal::{Reader, Value};
use std::path::{Path, PathBuf};

/// A Quartz garden's `quartz.config.ts`, at the site's root or beside the content
/// folder `dir`.
pub(super) fn files(root: &Path, dir: &Path) -> Vec<PathBuf> {
    [Some(root), dir.parent()]
        .into_iter()
        .flatten()
        .map(|folder| folder.join("quartz.config.ts"))
        .collect()
}

/// A reader of the first of the garden's `quartz.config.ts` that exists (its
/// comments blanked out: a plugin or pattern commented out is not used).
fn reader(root: &Path, dir: &Path) -> Option<Reader> {
    files(root, dir).iter().find_map(|file| {
        // A regular file only: a pipe of that name would never end.
        let text = std::fs::read_to_string(file.is_file().then_some(file)?).ok()?;
        Some(Reader::new(&text))
    })
}

/// The `configuration` of a Quartz 5 garden's `quartz.config.yaml`, at the site's
/// root or beside the content folder `dir` (Quartz 5 keeps its settings there).
pub(super) fn yaml_configuration(root: &Path, dir: &Path) -> Option<serde_yaml::Value> {
    [Some(root), dir.parent()]
        .into_iter()
        .flatten()
        .map(|folder| folder.join("quartz.config.yaml"))
        .find_map(|file| {
            // A regular file only: a pipe of that name would never end.
            let text = std::fs::read_to_string(file.is_file().then_some(&file)?).ok()?;
            let settings: serde_yaml::Value = serde_yaml::from_str(&text).ok()?;
            settings.get("configuration").cloned()
        })
}

/// The garden's `ignorePatterns` (in `quartz.config.ts`, or Quartz 5's
/// `quartz.config.yaml`) as patterns of `[build] exclude`, each with where it is set.
/// Quartz hands them to globby as `ignore` globs from the content folder
/// (`quartz/util/glob.ts`; "a list of glob patterns that Quartz should ignore and not
/// search through when looking for files inside the content folder", its docs): a
/// glob names a path from the content folder, so `private` is the top folder of that
/// name only, `**/templates/` one at any depth.
pub fn patterns(root: &Path, dir: &Path) -> Vec<(String, String)> {
    let (globs, file) = match reader(root, dir) {
        Some(reader) => (ts_patterns(&reader), "quartz.config.ts"),
        None => (yaml_patterns(root, dir), "quartz.config.yaml"),
    };
    let why = format!("Quartz's `ignorePatterns` ({file}), which Quartz never reads");
    (globs.iter())
        .filter_map(|glob| as_exclude_pattern(glob))
        .map(|pattern| (pattern, why.clone()))
        .collect()
}

/// The strings of the first `ignorePatterns: [...]` array written in `quartz.config.ts`.
fn ts_patterns(reader: &Reader) -> Vec<String> {
    let strings = |value: Value| match value {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|item| match item {
                Value::Text(text) => Some(text),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    (reader.key_values("ignorePatterns").into_iter())
        .map(|at| strings(reader.value(at, 0).0))
        .find(|globs: &Vec<String>| !globs.is_empty())
        .unwrap_or_default()
}

/// The strings of `configuration.ignorePatterns` in Quartz 5's `quartz.config.yaml`.
fn yaml_patterns(root: &Path, dir: &Path) -> Vec<String> {
    let Some(configuration) = yaml_configuration(root, dir) else {
        return Vec::new();
    };
    let Some(globs) = configuration
        .get("ignorePatterns")
        .and_then(|g| g.as_sequence())
    else {
        return Vec::new();
    };
    globs
        .iter()
        .filter_map(|g| Some(g.as_str()?.to_string()))
        .collect()
}

/// The `[build] exclude` pattern (`.gitignore`'s syntax) that leaves out what Quartz's
/// ignore glob `glob` does: the glob anchored to the content folder (`/private`,
/// `/**/templates/`), as globby reads it. `None` for what no pattern of that syntax
/// says: a negated glob (`!x`), braces (`{a,b}`) or an extglob (`@(a|b)`), and a glob
/// naming everything (`**`).
fn as_exclude_pattern(glob: &str) -> Option<String> {
    let glob = glob.trim();
    let glob = glob
        .strip_prefix("./")
        .unwrap_or(glob)
        .trim_start_matches('/');
    let everything = glob.split('/').all(|part| matches!(part, "" | "*" | "**"));
    if everything || glob.starts_with('!') || glob.contains(['{', '}', '(', ')']) {
        return None;
    }
    Some(format!("/{glob}"))
}

/// Whether the garden lists Quartz's `Plugin.HardLineBreaks()` among its transformers:
/// then a single line break in a paragraph is a hard one (`<br>`), as the plugin
/// "converts single line breaks in Markdown text into hard line breaks", for parity
/// with Obsidian (quartz.jzhao.xyz/plugins/HardLineBreaks).
pub fn hard_line_breaks(root: &Path, dir: &Path) -> bool {
    reader(root, dir).is_some_and(|reader| calls(reader.code(), "Plugin.HardLineBreaks"))
}

/// Whether `code` calls `name` (`name(`, spaces allowed before the parenthesis), not a
/// longer name ending in it.
fn calls(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let whole = !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
        whole && code[at + name.len()..].trim_start().starts_with('(')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plugin_is_called_only_outside_comments_and_by_its_whole_name() {
        let read = |text: &str| {
            super::super::js_literal::Reader::new(text)
                .code()
                .to_string()
        };
        assert!(calls(
            &read("[Plugin.HardLineBreaks()]"),
            "Plugin.HardLineBreaks"
        ));
        assert!(calls(
            &read("Plugin.HardLineBreaks ( )"),
            "Plugin.HardLineBreaks"
        ));
        assert!(!calls(
            &read("// Plugin.HardLineBreaks(),"),
            "Plugin.HardLineBreaks"
        ));
        assert!(!calls(
            &read("/* Plugin.HardLineBreaks() */"),
            "Plugin.HardLineBreaks"
        ));
        assert!(!calls(
            &read("MyPlugin.HardLineBreaks()"),
            "Plugin.HardLineBreaks"
        ));
        assert!(!calls(
            &read("Plugin.HardLineBreaksX()"),
            "Plugin.HardLineBreaks"
        ));
    }

    #[test]
    fn an_ignore_glob_is_anchored_to_the_content_folder() {
        let pattern = |glob: &str| as_exclude_pattern(glob);
        assert_eq!(pattern("private").as_deref(), Some("/private"));
        assert_eq!(pattern("**/templates/").as_deref(), Some("/**/templates/"));
        assert_eq!(pattern("./drafts/*.md").as_deref(), Some("/drafts/*.md"));
        for none in ["", "**", "**/*", "!keep", "{a,b}", "@(a|b)"] {
            assert_eq!(pattern(none), None, "{none}");
        }
        let reader = Reader::new(
            "configuration: {\n  // ignorePatterns: [\"old\"],\n  ignorePatterns: [\"private\", \"**/templates/\", \".obsidian\"],\n}",
        );
        assert_eq!(
            ts_patterns(&reader),
            ["private", "**/templates/", ".obsidian"]
        );
    }
}
