//! Where a file's front matter is: YAML between `---` lines (or `---` and `...`), TOML
//! between `+++` lines (the closing one may be longer, the opening one may hold its
//! first line), or a JSON object from a `{` to its matching `}`, as Hugo reads
//! them, after any blank lines. Reading what is found is [`super::front_matter`]'s.

/// The language front matter is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
    Json,
}

/// Where a file's front matter is, as [`find_front_matter`] finds it.
pub(super) enum Found {
    /// No front matter: the file is all body.
    None,
    /// An opening fence (or a JSON object's `{`) at the top with no closing one.
    Unclosed { format: Format, line: usize },
    /// Front matter: its text (`head`: between the fences; for JSON the object itself,
    /// from the start of its first line) starts on line `first_line`; the body starts
    /// at byte `body_start`.
    Block {
        format: Format,
        head: std::ops::Range<usize>,
        first_line: usize,
        body_start: usize,
    },
}

/// The text of a file's YAML front matter (between its `---` lines), if it has one.
pub fn yaml_front_matter(text: &str) -> Option<&str> {
    match find_front_matter(text) {
        Found::Block {
            format: Format::Yaml,
            head,
            ..
        } => text.get(head),
        _ => None,
    }
}

/// Finds front matter (see the module's text).
pub(super) fn find_front_matter(text: &str) -> Found {
    // Blank lines before the opening fence are skipped, as Hugo does.
    let mut start = 0;
    let mut fence_line = 1;
    let (fence, first_line_end) = loop {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let line = text[start..end].trim_end();
        if line.trim_start().is_empty() && end < text.len() {
            start = end;
            fence_line += 1;
            continue;
        }
        match line {
            "---" => break ("---", end),
            "+++" => break ("+++", end),
            // `+++ title="Buildpack API"`: TOML from after the fence, on its line,
            // as Hugo reads it (buildpacks' docs open a page so).
            _ if line.starts_with("+++ ") && !line[4..].trim_start().starts_with('+') => {
                break ("+++", start + 3)
            }
            _ if opens_json(&text[start..]) => return json_object(text, start, fence_line),
            _ => return Found::None,
        }
    };
    let inline = !text[..first_line_end].ends_with('\n') && first_line_end < text.len();
    let format = if fence == "+++" {
        Format::Toml
    } else {
        Format::Yaml
    };
    let mut offset = first_line_end;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let line = text[offset..end].trim_end();
        if closes(line, fence) {
            return Found::Block {
                format,
                head: first_line_end..offset,
                first_line: fence_line + usize::from(!inline),
                body_start: end,
            };
        }
        offset = end;
    }
    if inline || fence_line > 1 || (fence == "---" && !opens_a_key(&text[first_line_end..])) {
        // After blank lines, an unclosed fence is the body's own (a thematic break);
        // so is one the first line after which is no `key:` (`---`, a blank line, then
        // a poem's `<div>`), as Obsidian and CommonMark draw it.
        Found::None
    } else {
        Found::Unclosed {
            format,
            line: fence_line,
        }
    }
}

/// Whether `line` closes front matter opened by `fence`: the fence again, or a longer
/// run of its character (`----------`, which Hugo reads as the `---` it starts with);
/// YAML's `...` closes `---`.
fn closes(line: &str, fence: &str) -> bool {
    let mark = if fence == "+++" { '+' } else { '-' };
    (line.len() >= 3 && line.chars().all(|c| c == mark)) || (fence == "---" && line == "...")
}

/// Whether the first line of `text` that is not blank holds a YAML key (`title: x`,
/// `my key:`, `"quoted": x`), as front matter left unclosed would, rather than the body
/// (a heading, a tag, a list, a paragraph with no colon).
fn opens_a_key(text: &str) -> bool {
    let Some(line) = text.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let Some(colon) = line.find(':') else {
        return false;
    };
    let key = &line[..colon];
    !key.trim().is_empty()
        && !key.starts_with(char::is_whitespace)
        && !key.starts_with(['<', '#', '>', '-', '*', '|', '!', '[', '`', '='])
        && !key.contains("](")
}

/// Whether `text` (from the start of a line) opens a JSON object: `{`, after spaces,
/// then `"` or `}` after any white space, as JSON front matter starts (`{"title": …`).
/// Hugo reads any `{` there as JSON; a file opening with `{{#include …}}` or a
/// `{{< shortcode >}}` does not start a JSON object, so it stays the body's.
pub(super) fn opens_json(text: &str) -> bool {
    text.trim_start_matches([' ', '\t'])
        .strip_prefix('{')
        .and_then(|rest| rest.trim_start().chars().next())
        .is_some_and(|c| c == '"' || c == '}')
}

/// The JSON object whose `{` is on the line starting at byte `start` (line `line`):
/// it ends at its matching `}`, braces in strings not counted, as Hugo finds it. The
/// body starts on the line after (after the `}` when text follows it on its line).
fn json_object(text: &str, start: usize, line: usize) -> Found {
    let bytes = text.as_bytes();
    let mut level = 0usize;
    let mut in_string = false;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'{' if !in_string => level += 1,
            b'}' if !in_string => {
                level -= 1;
                if level == 0 {
                    let end = i + 1;
                    let rest = &text[end..];
                    let line_end = rest.find('\n').map_or(text.len(), |n| end + n + 1);
                    let body_start = if text[end..line_end].trim().is_empty() {
                        line_end
                    } else {
                        end
                    };
                    return Found::Block {
                        format: Format::Json,
                        head: start..end,
                        first_line: line,
                        body_start,
                    };
                }
            }
            _ => {}
        }
        i += 1;
    }
    Found::Unclosed {
        format: Format::Json,
        line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Option<(Format, &str, usize, &str)> {
        match find_front_matter(text) {
            Found::Block {
                format,
                head,
                first_line,
                body_start,
            } => Some((format, &text[head], first_line, &text[body_start..])),
            _ => None,
        }
    }

    #[test]
    fn an_unclosed_fence_before_no_key_is_a_thematic_break() {
        // A poem's page: `---`, a blank line, then its HTML. Obsidian draws a rule.
        let poem = "---\n\n<div class=\"poem\">\n<p>I know</p>\n</div>\n";
        assert!(matches!(find_front_matter(poem), Found::None));
        assert!(matches!(
            find_front_matter("---\n# Title\n\nText: x\n"),
            Found::None
        ));
        // A key after it: front matter whose closing fence is missing.
        for text in ["---\ntitle: Sleep\n\n# Sleep\n", "---\n\nmy key: x\n"] {
            assert!(
                matches!(find_front_matter(text), Found::Unclosed { line: 1, .. }),
                "{text}"
            );
        }
    }

    #[test]
    fn toml_may_start_on_its_opening_fence_as_hugo_reads_it() {
        // buildpacks/docs' `reference/spec/buildpack-api.md`.
        let page = "+++ title=\"Buildpack API\"\naliases=[\n\"/old/\"\n]\n+++\n\nText.\n";
        let (format, head, first_line, body) = block(page).unwrap();
        assert_eq!(format, Format::Toml);
        assert_eq!(head, " title=\"Buildpack API\"\naliases=[\n\"/old/\"\n]\n");
        assert_eq!((first_line, body), (1, "\nText.\n"));
        // Never closed, or a run of pluses: the body's.
        for text in ["+++ a = 1\nText.\n", "+++ +++\nText.\n+++\n"] {
            assert!(matches!(find_front_matter(text), Found::None), "{text}");
        }
    }

    #[test]
    fn a_longer_closing_fence_closes_front_matter_as_hugo_reads_it() {
        // falcosecurity/falco-website's tuning page closes its YAML with `----------`.
        let text = "---\ntitle: Tuning\nweight: 30\n----------\n\nThis document\n\n---\n";
        let (format, head, first_line, body) = block(text).unwrap();
        assert_eq!(format, Format::Yaml);
        assert_eq!(head, "title: Tuning\nweight: 30\n");
        assert_eq!((first_line, body), (2, "\nThis document\n\n---\n"));
        let toml = block("+++\ntitle = \"T\"\n++++\nBody\n").unwrap();
        assert_eq!((toml.0, toml.3), (Format::Toml, "Body\n"));
        // Two characters, or others on the line, close nothing.
        for text in ["---\ntitle: T\n--\nBody\n", "---\ntitle: T\n--- x\nBody\n"] {
            assert!(
                matches!(find_front_matter(text), Found::Unclosed { .. }),
                "{text}"
            );
        }
        assert!(block("+++\ntitle = \"T\"\n---\n").is_none());
    }

    #[test]
    fn a_json_object_at_the_top_is_front_matter_to_its_matching_brace() {
        let text = "\n{\n  \"title\": \"A {b}\",\n  \"p\": {\"q\": \"\\\"}\"}\n}\nBody {x}\n";
        let (format, head, line, body) = block(text).unwrap();
        assert_eq!(format, Format::Json);
        assert_eq!(line, 2);
        assert!(head.starts_with('{') && head.ends_with('}'), "{head}");
        assert_eq!(body, "Body {x}\n");
        let (_, head, line, body) = block("{\"title\": \"One line\"}\n# Heading\n").unwrap();
        assert_eq!(
            (head, line, body),
            ("{\"title\": \"One line\"}", 1, "# Heading\n")
        );
        // Text after the `}` on its line is the body's.
        assert_eq!(block("{} text\n").unwrap().3, " text\n");
        assert_eq!(block("{\r\n\"a\": 1\r\n}\r\nbody").unwrap().3, "body");
    }

    #[test]
    fn braces_that_open_no_json_object_are_the_body_s() {
        for text in [
            "{{#include ../listings/a.rs}}\n",
            "{{< note >}}\ntext\n{{< /note >}}\n",
            "{.class}\n",
            "{x: 1}\n",
        ] {
            assert!(matches!(find_front_matter(text), Found::None), "{text}");
        }
    }

    #[test]
    fn an_unclosed_json_object_is_reported_at_its_brace() {
        assert!(matches!(
            find_front_matter("\n\n{\n\"title\": \"A\"\n"),
            Found::Unclosed {
                format: Format::Json,
                line: 3
            }
        ));
    }
}
