//! JSON front matter, as Hugo reads it: a JSON object at the top of the file (found by
//! [`super::fence`]), its keys the same as in YAML or TOML front matter.

use super::front::{read_front, unknown_keys};
use super::spans::Spans;
use super::FrontMatter;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::path::Path;

/// Reads JSON front matter, `json`, whose first line is line `first_line` of the
/// file. Syntax and type errors are reported at their line and column in the file.
pub(super) fn parse_json(
    json: &str,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<FrontMatter> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let read = read_front::<FrontMatter, _>(&mut deserializer).and_then(|read| {
        deserializer.end()?;
        Ok(read)
    });
    match read {
        Ok((mut front, ignored)) => {
            front.unknown_keys =
                unknown_keys(ignored, || Spans::yaml(json, first_line), first_line);
            Some(front)
        }
        Err(e) => {
            // Told apart only on this path: text that is no JSON, JSON that is no
            // object, or an object whose values do not fit the keys.
            let (e, what) = match serde_json::from_str::<serde_json::Value>(json) {
                Err(syntax) => (syntax, "invalid JSON in front matter"),
                Ok(value) if !value.is_object() => {
                    diagnostics.push(
                        Diagnostic::error(Code::FrontMatter, "front matter must be an object of keys to values")
                            .at(file, first_line, 1)
                            .help("write it as `{\"key\": \"value\", …}`, e.g. `{\"title\": \"My article\"}`"),
                    );
                    return None;
                }
                Ok(_) => (e, "front matter"),
            };
            let (line, column) = position(json, &e);
            let message = e.to_string();
            // serde_json ends its message with where it is; the diagnostic says that.
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            diagnostics.push(
                Diagnostic::error(Code::FrontMatter, format!("{what}: {message}"))
                    .at(file, line + first_line - 1, column)
                    .help("JSON front matter is one object at the top of the file: `{\"title\": \"My article\", \"weight\": 2}`"),
            );
            None
        }
    }
}

/// Line and column of `e` in `json`, the column counted in characters (serde_json
/// counts bytes).
fn position(json: &str, e: &serde_json::Error) -> (usize, usize) {
    let line = e.line().max(1);
    let text = json.lines().nth(line - 1).unwrap_or("");
    let mut bytes = e.column().saturating_sub(1).min(text.len());
    while !text.is_char_boundary(bytes) {
        bytes -= 1;
    }
    (line, text[..bytes].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::super::split_front_matter;
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn split(text: &str) -> (Option<(FrontMatter, usize)>, Vec<Diagnostic>) {
        let mut d = Diagnostics::new();
        let r = split_front_matter(text, Path::new("a.md"), &mut d);
        (r, d.into_vec())
    }

    #[test]
    fn json_front_matter_is_read_as_yaml_and_toml_are() {
        let text = "{\n  \"title\": \"Grief\",\n  \"weight\": 3,\n  \"date\": \"2024-05-01T10:00:00Z\",\n  \"tags\": [\"loss\", \"care\"],\n  \"draft\": false,\n  \"aliases\": [\"/old/grief/\"],\n  \"build\": {\"render\": \"always\"}\n}\n\n# Grief\n";
        let (r, d) = split(text);
        assert!(d.is_empty(), "{d:?}");
        let (front, body) = r.unwrap();
        assert_eq!(front.title.as_deref(), Some("Grief"));
        assert_eq!(front.order, Some(3));
        assert_eq!(
            front.date.map(|d| d.to_string()).as_deref(),
            Some("2024-05-01")
        );
        assert_eq!(front.tags, ["loss", "care"]);
        assert_eq!(front.aliases, ["/old/grief/"]);
        assert_eq!(&text[body..], "\n# Grief\n");
    }

    #[test]
    fn json_front_matter_errors_are_where_written() {
        // A key attune does not know, at its line and column.
        let (r, d) = split("\n{\n  \"title\": \"A\",\n  \"menu\": \"main\"\n}\n");
        assert!(d.is_empty(), "{d:?}");
        let unknown = &r.unwrap().0.unknown_keys;
        assert_eq!(unknown.len(), 1);
        assert_eq!(
            (unknown[0].name.as_str(), unknown[0].line, unknown[0].column),
            ("menu", 4, 3)
        );
        // A missing comma: no JSON.
        let (r, d) = split("{\n  \"title\": \"Ré\"\n  \"weight\": 2\n}\nbody\n");
        assert!(r.is_none());
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message
                .starts_with("invalid JSON in front matter: expected `,`"),
            "{}",
            d[0].message
        );
        assert!(!d[0].message.contains("at line"), "{}", d[0].message);
        assert_eq!((d[0].line, d[0].column), (3, 3));
        // A value of the wrong kind, on the line after blank ones.
        let (r, d) = split("\n\n{\"title\": \"A\",\n \"tags\": {\"x\": 1}}\n");
        assert!(r.is_none());
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message.starts_with("front matter: "),
            "{}",
            d[0].message
        );
        assert_eq!(d[0].line, 4);
        // Not closed.
        let (r, d) = split("{\n  \"title\": \"A\"\n\nbody\n");
        assert!(r.is_none());
        assert_eq!((d.len(), d[0].line, d[0].column), (1, 1, 1));
        assert!(d[0].help.as_deref().unwrap_or("").contains('}'), "{d:?}");
    }
}
