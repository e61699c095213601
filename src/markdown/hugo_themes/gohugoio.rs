//! The shortcodes of Hugo's own documentation (gohugoio/hugoDocs), which theme
//! documentation copies: `code-toggle`, a settings example Hugo shows in TOML, YAML
//! and JSON tabs, converted from the one it is written in. Without a script to switch
//! tabs the page shows that one, as a fenced code block in its language; as front
//! matter (`fm=true`) between its delimiters.

use crate::markdown::foreign::Tag;
use crate::markdown::hugo_figure::Args;

/// A `code-toggle` pair (`open` … `close` in `text`, each tag on its own line): its
/// settings in a fenced code block of the language they are written in. `None` when
/// the tags share a line with other text.
pub(super) fn code_toggle(text: &str, open: &Tag, close: &Tag) -> Option<String> {
    let args = Args::of(&open.inner);
    let body = &text[open.range.end..close.range.start];
    let language = settings_language(body);
    let front_matter = args.flag("fm") == Some(true);
    let code = crate::markdown::foreign_body::fenced_code(text, open, close, language)?;
    if !front_matter || language == "json" {
        return Some(code);
    }
    // The delimiters inside the fence, around the settings, indented as the tag is
    // (in a list item or a definition, the fence's lines are).
    let line_start = text[..open.range.start].rfind('\n').map_or(0, |n| n + 1);
    let indent = &text[line_start..open.range.start];
    let delimiter = if language == "toml" { "+++" } else { "---" };
    let delimiter = format!("{indent}{delimiter}");
    let (fence_line, rest) = code.split_once('\n')?;
    let (settings, closing) = rest.rsplit_once('\n')?;
    let settings = settings.strip_suffix('\n').unwrap_or(settings);
    Some(format!(
        "{fence_line}\n{delimiter}\n{settings}\n{delimiter}\n{closing}"
    ))
}

/// The language settings are written in: JSON when they open with `{`, YAML when a
/// line is a key and a colon with no `=` before it and none is a table header or a
/// key and `=`, else TOML (Hugo's docs write most in TOML).
fn settings_language(body: &str) -> &'static str {
    let lines = || {
        body.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    };
    let first = lines().next().unwrap_or("");
    if first.starts_with('{') {
        return "json";
    }
    let toml = lines().any(|l| {
        let key_equals = l
            .split_once('=')
            .is_some_and(|(key, _)| !key.contains(':') && !key.trim().is_empty());
        (l.starts_with('[') && l.ends_with(']')) || key_equals
    });
    let yaml = lines().any(|l| {
        l.starts_with("- ")
            || l.split_once(':').is_some_and(|(key, _)| {
                (!key.is_empty() && !key.contains(['=', ' ', '"', '\'']))
                    || key.starts_with(['"', '\''])
            })
    });
    match (toml, yaml) {
        (false, true) => "yaml",
        _ => "toml",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_the_one_the_settings_are_written_in() {
        for (settings, language) in [
            ("[params]\ndisplay_toc = true\n", "toml"),
            ("  enableInlineShortcodes = true\n", "toml"),
            (
                "[[menu.main]]\n  name = \"IRC\"\n  url = \"irc://x:1\"\n",
                "toml",
            ),
            ("baseURL = 'https://example.org/'\n", "toml"),
            ("params:\n  display_toc: true\n", "yaml"),
            ("# A comment\nbaseURL: https://example.org/a=b\n", "yaml"),
            ("menus:\n  - name: Home\n", "yaml"),
            ("{\n  \"params\": {}\n}\n", "json"),
        ] {
            assert_eq!(settings_language(settings), language, "{settings}");
        }
    }
}
