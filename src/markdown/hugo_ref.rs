//! Hugo's page links, `{{< ref "other.md" >}}` and `{{< relref path="other" >}}`: the
//! path each names, which the text takes in the shortcode's place, so the link is
//! resolved and checked as any link to a `.md` file.

/// The link a Hugo `ref`/`relref` shortcode stands for, from its first argument or its
/// `path=` argument, quoted or not (Hugo reads `{{< relref install >}}` as
/// `{{< relref "install" >}}`: a value without spaces needs no quotes): a path without an extension names `PATH.md` (or, when no
/// such file exists, that folder's `_index.md`/`index.md`); spaces, `%`, brackets and
/// parentheses in the path are percent-encoded so it stays one link destination that
/// decodes to the file's own name (`ref "50% off.md"`, `ref "(draft).md"`). `None` when there is no path to read.
pub(super) fn hugo_ref_target(inner: &str) -> Option<String> {
    let args = inner.split_once(char::is_whitespace)?.1.trim();
    let args = args.strip_suffix('/').unwrap_or(args).trim_end();
    let quoted = |s: &str| -> Option<String> {
        let quote = s.chars().next().filter(|c| matches!(c, '"' | '`'))?;
        let rest = &s[1..];
        rest.find(quote).map(|end| rest[..end].to_string())
    };
    // An unquoted value runs to the next space; one holding `=` is a named argument
    // (`lang=en`), not the path; `.` (a template's page, in a tag copied from a
    // layout) names none.
    let value_at = |s: &str| -> Option<String> {
        if s.starts_with(['"', '`', '\'']) {
            return quoted(s);
        }
        let word = s.split(char::is_whitespace).next()?;
        (!word.is_empty() && !word.contains('=') && !word.trim_matches('.').is_empty())
            .then(|| word.to_string())
    };
    let value = match args.find("path=") {
        Some(at) if args[..at].trim().is_empty() || args[..at].ends_with(char::is_whitespace) => {
            value_at(args[at + "path=".len()..].trim_start())?
        }
        _ => value_at(args)?,
    };
    let value = value.trim();
    if value.is_empty() || value.contains('\n') {
        return None;
    }
    let (path, anchor) = match value.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (value, None),
    };
    let mut target = encode(path.trim_end_matches('/'));
    // `/` is the home page (`ref "/#contact"`), not this one.
    if target.is_empty() && path.starts_with('/') {
        target.push('/');
    }
    let file = target.rsplit('/').next().unwrap_or("");
    if !target.is_empty() && target != "/" && !file.contains('.') {
        target.push_str(".md");
    }
    if let Some(anchor) = anchor {
        target.push('#');
        target.push_str(&encode(anchor));
    }
    Some(target)
}

/// A name made safe inside `[text](…)`: what would end the destination or start an
/// escape is percent-encoded, the rest kept as written.
fn encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '%' => out.push_str("%25"),
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::hugo_ref_target;

    #[test]
    fn hugo_ref_shortcodes_name_the_file_they_link() {
        let cases = [
            (r#"ref "first-steps.md""#, Some("first-steps.md")),
            (r#"ref "first-steps""#, Some("first-steps.md")),
            (
                r#"relref "/docs/overview.md#setup""#,
                Some("/docs/overview.md#setup"),
            ),
            (
                r#"ref "docs/getting-started/""#,
                Some("docs/getting-started.md"),
            ),
            (r#"relref path="my post" lang="en""#, Some("my%20post.md")),
            (r#"ref "launch.png""#, Some("launch.png")),
            ("ref \"#top\"", Some("#top")),
            ("ref", None),
            (r#"ref """#, None),
            (r#"ref "a(b)""#, Some("a%28b%29.md")),
            // A name's own `%`, parentheses and spaces decode back to it.
            (r#"relref "50% off.md""#, Some("50%25%20off.md")),
            (
                r#"ref "(draft) notes.md#a b""#,
                Some("%28draft%29%20notes.md#a%20b"),
            ),
            // Unquoted, as Hugo reads a value without spaces.
            ("relref integrations", Some("integrations.md")),
            (
                "relref getting-started#setup",
                Some("getting-started.md#setup"),
            ),
            ("ref path=docs/install/ lang=en", Some("docs/install.md")),
            ("ref lang=en", None),
            ("relref .", None),
            // Every form Hugo documents: an anchor after a name or a file, a raw
            // string, `./` and `../`, `lang` and `outputFormat` after the path.
            (r#"ref "about.md#intro""#, Some("about.md#intro")),
            ("ref `about`", Some("about.md")),
            (r#"relref "./second-post""#, Some("./second-post.md")),
            (r#"relref "../docs/overview""#, Some("../docs/overview.md")),
            (
                r#"relref path="/posts/x.md" lang="en" outputFormat="rss""#,
                Some("/posts/x.md"),
            ),
            (r#"ref "docs/_index.md""#, Some("docs/_index.md")),
            (r#"relref "/#contact""#, Some("/#contact")),
            (r#"relref "/""#, Some("/")),
        ];
        for (inner, want) in cases {
            assert_eq!(hugo_ref_target(inner).as_deref(), want, "{inner}");
        }
    }
}
