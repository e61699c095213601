//! The placeholders of a part opentelemetry.io's `include` shortcode fills, as its
//! partial does: `{{ $name }}` (or `{{ $1 }}`) is the value the shortcode gives by
//! that name (or in that place after the file), and a block from a line
//! `{{ if $name }}` (or `{{ if not $name }}`) to the next line `{{ end }}` is kept
//! when the value is given and neither empty nor `false` (for `if not`, when it is).
//! Only the values given are read, as that partial reads them; each line stays a
//! line (a block left out leaves its lines empty), so what is reported in the part
//! keeps its line numbers.

/// `text` with the placeholders `values` names filled.
pub(super) fn fill(text: String, values: &[(String, String)]) -> String {
    if values.is_empty() || !text.contains("{{") {
        return text;
    }
    let value = |key: &str| values.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
    let mut out = String::with_capacity(text.len());
    // Inside a block: whether its lines are kept.
    let mut block: Option<bool> = None;
    for line in text.split_inclusive('\n') {
        let ending = &line[line.trim_end_matches(['\n', '\r']).len()..];
        let tag = tag(line.trim_end());
        match (block, tag) {
            (None, Some(Tag::If { not, key })) if value(key).is_some() => {
                let given = value(key).is_some_and(|v| !v.is_empty() && v != "false");
                block = Some(given != not);
                out.push_str(ending);
            }
            (Some(_), Some(Tag::End)) => {
                block = None;
                out.push_str(ending);
            }
            (Some(false), _) => out.push_str(ending),
            _ => out.push_str(&filled(line, &value)),
        }
    }
    out
}

enum Tag<'a> {
    If { not: bool, key: &'a str },
    End,
}

/// A line that is only `{{ if [not] $key }}` or `{{ end }}`.
fn tag(line: &str) -> Option<Tag<'_>> {
    let inner = line.strip_prefix("{{")?.strip_suffix("}}")?.trim();
    if inner == "end" {
        return Some(Tag::End);
    }
    let rest = inner.strip_prefix("if")?.trim_start();
    let (not, rest) = match rest.strip_prefix("not") {
        Some(after) if after.starts_with(char::is_whitespace) => (true, after.trim_start()),
        _ => (false, rest),
    };
    let key = rest.strip_prefix('$')?;
    key.chars()
        .all(|c| c.is_alphanumeric() || c == '_')
        .then_some(Tag::If { not, key })
}

/// `line` with each `{{ $key }}` whose value is given replaced by it.
fn filled<'a>(line: &str, value: &impl Fn(&str) -> Option<&'a String>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let found = after.find("}}").and_then(|close| {
            let key = after[2..close].trim().strip_prefix('$')?;
            Some((value(key)?, close + 2))
        });
        match found {
            Some((v, len)) => {
                out.push_str(v);
                rest = &after[len..];
            }
            None => {
                out.push_str("{{");
                rest = &after[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn placeholders_and_blocks_are_filled_as_the_theme_fills_them() {
        let part = "## Keeping {{ $1 }} current\n\n{{ if $name }}\nFor {{$name}}.\n{{ end }}\n{{ if not $name }}\nFor all.\n{{ end }}\nKept: {{ $other }} {{ .Title }}\n";
        let values = [
            ("1".to_string(), "vendor".to_string()),
            ("name".into(), "Go".into()),
        ];
        assert_eq!(
            fill(part.into(), &values),
            "## Keeping vendor current\n\n\nFor Go.\n\n\n\n\nKept: {{ $other }} {{ .Title }}\n"
        );
        let empty = [("name".to_string(), String::new())];
        assert_eq!(
            fill(part.into(), &empty),
            "## Keeping {{ $1 }} current\n\n\n\n\n\nFor all.\n\nKept: {{ $other }} {{ .Title }}\n"
        );
        // Nothing given: the part as it is.
        assert_eq!(fill(part.into(), &[]), part);
    }
}
