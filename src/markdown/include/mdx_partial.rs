//! MDX partials: an MDX page (an `.mdx` file, or a Docusaurus site's `.md` page) that
//! imports a Markdown file as a component, `import Notes from './_notes.mdx';`, and
//! writes `<Notes />` shows that file's text there, as Docusaurus renders it. The tag
//! is read as an include of the file, from the page's folder; its attributes are the
//! partial's `props` (`<Setup tool="SDK" />` fills `{props.tool}`). OnionIoT's docs
//! build 84 pages of such shared snippets; each was an unknown component, its text lost.

use super::directive::Directive;
use super::{Article, SegMap};
use std::borrow::Cow;
use std::path::Path;

/// The partials a text imports: each component's name and the file as written
/// (`import Notes from './_notes.mdx';`, a default import of a `.md` or `.mdx` file,
/// at a line's start).
pub(super) fn imports(text: &str) -> Vec<(&str, &str)> {
    if !text.contains("import ") {
        return Vec::new();
    }
    text.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("import ")?;
            let (name, rest) = rest.trim_start().split_once(char::is_whitespace)?;
            let path = rest.trim_start().strip_prefix("from")?.trim();
            let path = path.trim_end_matches(';').trim_end();
            let quote = path.chars().next().filter(|q| "'\"".contains(*q))?;
            let path = path[1..].strip_suffix(quote)?;
            let component = name.starts_with(|c: char| c.is_ascii_uppercase())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            let markdown = path.ends_with(".md") || path.ends_with(".mdx");
            (component && markdown).then_some((name, path))
        })
        .collect()
}

/// The next self-closing tag of one of `partials` in `text` at or after `from`
/// (`<Notes />`, `<Setup tool="SDK"/>`), as an include of its file with its
/// attributes as props.
pub(super) fn next_partial<'t>(
    text: &'t str,
    mut from: usize,
    partials: &[(&'t str, &'t str)],
) -> Option<Directive<'t>> {
    while let Some(found) = text[from..].find('<') {
        let start = from + found;
        from = start + 1;
        let rest = &text[start + 1..];
        let Some(&(name, path)) = partials.iter().find(|(name, _)| {
            rest.strip_prefix(name)
                .is_some_and(|after| after.starts_with(|c: char| c.is_whitespace() || c == '/'))
        }) else {
            continue;
        };
        let after = &rest[name.len()..];
        let Some(end) = after
            .find("/>")
            .filter(|&e| !after[..e].contains(['<', '>']))
        else {
            continue;
        };
        return Some(Directive {
            range: start..start + 1 + name.len() + end + 2,
            name: "include",
            args: Cow::Borrowed(path),
            partial: Some(props(&after[..end])),
            ..Default::default()
        });
    }
    None
}

/// The file a partial's import names by its path in the Docusaurus site whose docs are
/// `content`: `@site/src/_intro.mdx`, or `/src/_intro.mdx`, which its bundler finds
/// from the site's folder (Open-Attestation's 27 shared snippets were "outside the
/// site's folder"); `None` for a path from the page's folder.
pub(super) fn in_site(target: &str, content: &Path) -> Option<std::path::PathBuf> {
    let path = (target.strip_prefix("@site/")).or_else(|| target.strip_prefix('/'))?;
    Some(content.parent().unwrap_or(content).join(path))
}

/// A tag's attributes written `name="value"` (or in single quotes, or `{"value"}`).
fn props(attributes: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = attributes.trim();
    while let Some((name, after)) = rest.split_once('=') {
        let name = name.trim();
        let after = after.trim_start();
        let after = after.strip_prefix('{').unwrap_or(after);
        let Some(quote) = after.chars().next().filter(|q| "'\"`".contains(*q)) else {
            break;
        };
        let Some(end) = after[1..].find(quote) else {
            break;
        };
        out.push((name.to_string(), after[1..1 + end].to_string()));
        rest = after[end + 2..].trim_start_matches('}').trim_start();
    }
    out
}

/// A partial's text with its relative links and images written from the page's folder
/// (`./flash.md` in `firmware/_notes.mdx`, shown on `packages/compile.md`, is
/// `../firmware/./flash.md`), as Docusaurus reads a partial's links from its own file;
/// and its map back. Any other include's text as it is.
pub(super) fn moved(
    d: &Directive,
    text: String,
    article: &Article,
    partial: &Path,
    options: pulldown_cmark::Options,
) -> (String, SegMap) {
    let page = article.content.map(|(_, content, rel)| content.join(rel));
    let page = page.and_then(|p| p.parent()?.canonicalize().ok());
    let (Some(page), Some(folder), Some(_)) = (page, partial.parent(), &d.partial) else {
        return (text, SegMap::default());
    };
    // From the page's folder up to the folders both are in, then down to the partial's.
    let common = page
        .components()
        .zip(folder.components())
        .take_while(|(a, b)| a == b);
    let common = common.count();
    let up = page.components().count() - common;
    let down = folder.components().skip(common);
    let path: Vec<String> = std::iter::repeat_n("..".to_string(), up)
        .chain(down.map(|c| c.as_os_str().to_string_lossy().into_owned()))
        .collect();
    match path.is_empty() {
        true => (text, SegMap::default()),
        false => crate::markdown::rebase::rebase(&text, &path.join("/"), options)
            .unwrap_or((text, SegMap::default())),
    }
}

/// `text` with each `{props.name}` the tag gives filled with its value.
pub(super) fn fill(text: String, props: &[(String, String)]) -> String {
    if props.is_empty() || !text.contains("{props.") {
        return text;
    }
    let mut text = text;
    for (name, value) in props {
        text = text.replace(&format!("{{props.{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partials_are_found_by_the_names_their_imports_give() {
        let text = "import Tabs from '@theme/Tabs';\nimport Notes from './_notes.mdx';\nimport Setup from \"../snippets/setup.md\"\n\n<Notes />\n\n<Setup tool=\"OpenWRT SDK\" os={'linux'}/> and <NotesMore />\n";
        let partials = imports(text);
        assert_eq!(
            partials,
            [("Notes", "./_notes.mdx"), ("Setup", "../snippets/setup.md")]
        );
        let first = next_partial(text, 0, &partials).expect("a partial");
        assert_eq!(&text[first.range.clone()], "<Notes />");
        assert_eq!(first.args, "./_notes.mdx");
        let second = next_partial(text, first.range.end, &partials).expect("another");
        assert_eq!(
            &text[second.range.clone()],
            "<Setup tool=\"OpenWRT SDK\" os={'linux'}/>"
        );
        assert_eq!(
            second.partial.as_deref(),
            Some(
                &[
                    ("tool".into(), "OpenWRT SDK".into()),
                    ("os".into(), "linux".into())
                ][..]
            )
        );
        assert!(next_partial(text, second.range.end, &partials).is_none());
        assert_eq!(
            fill(
                "Use the {props.tool}.".into(),
                &second.partial.unwrap_or_default()
            ),
            "Use the OpenWRT SDK."
        );
    }
}
