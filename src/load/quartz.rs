//! A Quartz garden's settings, read from its `quartz.config.ts` without running it:
//! where the file is, and the plugins it lists that change how notes read.

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

/// The code of the first of the garden's `quartz.config.ts` that exists, its
/// comments blanked out (a plugin commented out is not used).
fn code(root: &Path, dir: &Path) -> Option<String> {
    files(root, dir).iter().find_map(|file| {
        // A regular file only: a pipe of that name would never end.
        let text = std::fs::read_to_string(file.is_file().then_some(file)?).ok()?;
        Some(super::js_literal::Reader::new(&text).code().to_string())
    })
}

/// Whether the garden lists Quartz's `Plugin.HardLineBreaks()` among its transformers:
/// then a single line break in a paragraph is a hard one (`<br>`), as the plugin
/// "converts single line breaks in Markdown text into hard line breaks", for parity
/// with Obsidian (quartz.jzhao.xyz/plugins/HardLineBreaks).
pub fn hard_line_breaks(root: &Path, dir: &Path) -> bool {
    code(root, dir).is_some_and(|code| calls(&code, "Plugin.HardLineBreaks"))
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
}
