//! Zola themes' boxes, read by `hugo_callouts.rs` as Hugo themes' are: tabi's
//! `{% admonition(type="tip", title="Title") %}` … `{% end %}` (also `alert`,
//! `callout`), each tag on a line of its own, and the one-line form whose text is an
//! argument, `{{ admonition(type="warning", text="…") }}`: the callout they draw
//! (`type` its kind, `title` its title), its Markdown read, with no warning. apollo's
//! `note` names its title `header` and its text `body` (`{{ note(header="Note!",
//! body="…") }}`, and the pair `{% note(clickable=true, header="Quiz!") %}`). Karzok's
//! `{% hint(style="warning") %}` gives its kind as `style`.

/// The boxes Zola themes draw.
const BOXES: &[&str] = &["admonition", "alert", "callout", "note", "hint"];

/// The value of the last of the arguments named `keys` given, trimmed.
fn get<'a>(args: &'a [(String, String)], keys: &[&str]) -> Option<&'a str> {
    (args.iter().rev())
        .find(|(k, _)| keys.contains(&k.as_str()))
        .map(|(_, v)| v.trim())
}

/// A Zola shortcode call's arguments, `key="value", n=2`, in order; a quoted value
/// (`"…"`, `'…'`, `` `…` ``) may hold commas and its quote escaped (`\"`).
pub(super) fn arguments(args: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = args.trim();
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim().trim_start_matches(',').trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let (value, tail) = match after.chars().next() {
            Some(q @ ('"' | '\'' | '`')) => {
                let mut value = String::new();
                let mut end = after.len();
                let mut chars = after.char_indices().skip(1);
                while let Some((i, c)) = chars.next() {
                    match c {
                        '\\' => match chars.next() {
                            Some((_, n)) if n == q || n == '\\' => value.push(n),
                            Some((_, n)) => {
                                value.push('\\');
                                value.push(n);
                            }
                            None => {}
                        },
                        c if c == q => {
                            end = i + 1;
                            break;
                        }
                        c => value.push(c),
                    }
                }
                (value, &after[end..])
            }
            _ => {
                let end = after.find(',').unwrap_or(after.len());
                (after[..end].trim().to_string(), &after[end..])
            }
        };
        if key.is_empty() || key.contains(char::is_whitespace) {
            break;
        }
        out.push((key, value));
        rest = tail.trim_start().trim_start_matches(',');
    }
    out
}

/// A box's container line text (`tip Title`) from its arguments.
fn container(args: &[(String, String)]) -> String {
    let title = get(args, &["title", "header"]).map(|t| t.replace(['\n', '[', ']', '{', '}'], " "));
    let kind = super::kind(get(args, &["type", "style", "kind"]).unwrap_or_default());
    match title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) => format!("{kind} {title}"),
        None => kind.to_string(),
    }
}

/// A line that is only a Zola pair's tag: `("zola", None)` for `{% end %}`; for an
/// opening tag `("zola", Some(container))`, the container empty for any shortcode that
/// is not a box (its `{% end %}` is then not a box's).
pub(super) fn tag(line: &str) -> Option<(&'static str, Option<String>)> {
    let inner = line.strip_prefix("{%")?.strip_suffix("%}")?;
    let inner = inner
        .trim()
        .trim_start_matches('-')
        .trim_end_matches('-')
        .trim();
    if inner == "end" {
        return Some(("zola", None));
    }
    let (name, args) = inner.split_once('(')?;
    let args = args.trim_end().strip_suffix(')')?;
    let name = name.trim();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    match BOXES.contains(&name) {
        true => Some(("zola", Some(container(&arguments(args))))),
        false => Some(("zola", Some(String::new()))),
    }
}

/// The most lines a box's call may run over.
pub(super) const MAX_LINES: usize = 50;

/// A line that is only a one-line box, `{{ admonition(type="tip", text="…") }}`: the
/// colon-fenced container it stands for (each line after `indent`).
pub(super) fn lone(line: &str, indent: &str) -> Option<String> {
    let inner = line.strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let (name, args) = inner.split_once('(')?;
    if !BOXES.contains(&name.trim()) {
        return None;
    }
    let args = arguments(args.trim_end().strip_suffix(')')?);
    let text = get(&args, &["text", "body"])?.to_string();
    let text = text.replace('\n', &format!("\n{indent}"));
    Some(format!(
        "{indent}:::{}\n{indent}{text}\n{indent}:::",
        container(&args)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zola_arguments_keep_commas_and_escaped_quotes_in_their_values() {
        assert_eq!(
            arguments("type=\"tip\", title='A, b', text=\"Say \\\"hi\\\"\", n=2"),
            [
                ("type".to_string(), "tip".to_string()),
                ("title".into(), "A, b".into()),
                ("text".into(), "Say \"hi\"".into()),
                ("n".into(), "2".into())
            ]
        );
    }

    #[test]
    fn boxes_and_other_pairs_are_told_apart() {
        assert_eq!(
            tag("{% hint(style=\"critical\") %}"),
            Some(("zola", Some("danger".into())))
        );
        assert_eq!(
            tag("{% admonition(type=\"warning\", title=\"Careful\") %}"),
            Some(("zola", Some("warning Careful".into())))
        );
        assert_eq!(
            tag("{% wide_container() %}"),
            Some(("zola", Some(String::new())))
        );
        assert_eq!(tag("{% end %}"), Some(("zola", None)));
        assert_eq!(tag("{% if x %}"), None);
        assert_eq!(
            lone(
                "{{ admonition(type=\"tip\", text=\"Use `x`, then y.\") }}",
                ""
            )
            .as_deref(),
            Some(":::tip\nUse `x`, then y.\n:::")
        );
        assert_eq!(lone("{{ image(src=\"a.png\") }}", ""), None);
        // apollo's note: `header` its title, `body` its text.
        assert_eq!(
            lone(
                "{{ note(clickable=true, hidden = true, header=\"Quiz!\", body=\"The answer.\") }}",
                ""
            )
            .as_deref(),
            Some(":::note Quiz!\nThe answer.\n:::")
        );
        assert_eq!(
            tag("{% note(clickable=true, header=\"Quiz!\") %}"),
            Some(("zola", Some("note Quiz!".into())))
        );
    }
}
