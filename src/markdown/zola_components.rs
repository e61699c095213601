//! Zola's components (Zola 0.23, on Tera 2), which take the place of its shortcodes:
//! `{{ <youtube id="…" /> }}` on their own, `{% <note kind="tip"> %}` … `{% </note> %}`
//! around text, their arguments quoted, a number, `{expression}` or a bare variable
//! (`page`). Each is read as the shortcode call it replaces (`{{ youtube(id="…") }}`,
//! `{% note(kind="tip") %}` … `{% end %}`), so what attune draws of Zola's shortcodes
//! (math, diagrams, code, admonitions) it draws of its components too, and reports the
//! others as Zola's, not as another tool's. Media calls, components or not, are drawn
//! here (`zola_components/media.rs`).
//!
//! `{{<img … />}}`, with no space after `{{`, is also how Hugo closes a shortcode on its
//! own: it is a component on a Zola site, or where its arguments hold `{…}`.

mod media;

use super::expand::{Article, SegMap, Splice};
use super::foreign::{Kind, Tag};
use pulldown_cmark::Options;

/// Whether `text` may hold a component or a media call: what each ends or opens with
/// (`/>}}`, `{% <`, `) }}`), so that a page of Hugo shortcodes alone is not read twice.
pub(super) fn may_hold(text: &str) -> bool {
    const MARKS: [&str; 7] = ["{% <", "{%<", "{{ <", "/>}}", "/> }}", ")}}", ") }}"];
    MARKS.iter().any(|mark| crate::text::holds(text, mark))
}

/// The text with each component written as the shortcode call it stands for, with
/// its map back to the text as written; `None` when there is none.
pub(super) fn rewrite(text: &str, article: &Article, options: Options) -> Option<(String, SegMap)> {
    let mut zola = None;
    let is_zola = || match article.content {
        Some((root, dir, _)) => crate::load::is_zola(root, dir),
        None => false,
    };
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let tags = super::foreign::tags(text, options, false);
    for tag in super::shortcode_escapes::outside_zola_escapes(tags, text, article) {
        let (kind, call) = match as_shortcode(tag.kind, &tag.inner) {
            Some(_) if ambiguous(&tag) && !*zola.get_or_insert_with(is_zola) => continue,
            Some(component) => component,
            // A shortcode call of Zola's before 0.23, on a Zola site: drawn if it is media.
            None if tag.kind == Kind::Expression && *zola.get_or_insert_with(is_zola) => {
                (Kind::Expression, tag.inner.clone())
            }
            None => continue,
        };
        let written = match kind {
            Kind::Liquid => format!("{{% {call} %}}"),
            _ => match media::drawn(&call) {
                Some(drawn) => drawn,
                None if tag.inner == call => continue,
                None => format!("{{{{ {call} }}}}"),
            },
        };
        splice.copy(copied..tag.range.start);
        splice.insert(&written, tag.range.start);
        copied = tag.range.end;
    }
    if copied == 0 {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// Whether a tag could be Hugo's shortcode closing itself (`{{< figure src="x" />}}`)
/// as well as a component: with no `{…}` argument, only a Zola site says which.
fn ambiguous(tag: &Tag) -> bool {
    tag.kind == Kind::HugoRaw && !tag.inner.contains("={")
}

/// The kind and text of the shortcode call a component's tag (its `kind` and the
/// text between its delimiters) stands for; `None` for any other tag.
fn as_shortcode(kind: Kind, inner: &str) -> Option<(Kind, String)> {
    let (body, kind) = match kind {
        Kind::Liquid if inner.starts_with("</") && inner.ends_with('>') => {
            return Some((Kind::Liquid, "end".into()));
        }
        Kind::Liquid => (inner.strip_prefix('<')?.strip_suffix('>')?, Kind::Liquid),
        Kind::Expression => (
            inner.strip_prefix('<')?.strip_suffix('>')?,
            Kind::Expression,
        ),
        // `{{<img … />}}`: what is between `{{<` and `>}}`.
        Kind::HugoRaw => (inner, Kind::Expression),
        _ => return None,
    };
    // A component closing itself stands alone, as a `{{ name() }}` call does.
    let (body, kind) = match body.trim_end().strip_suffix('/') {
        Some(body) => (body, Kind::Expression),
        None if kind == Kind::Liquid => (body, Kind::Liquid),
        None => return None,
    };
    let body = body.trim();
    let name_end = body.find(char::is_whitespace).unwrap_or(body.len());
    let (name, args) = body.split_at(name_end);
    let named = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !named {
        return None;
    }
    let args: Vec<String> = split_outside(args, char::is_whitespace)
        .into_iter()
        .map(|arg| match arg.split_once('=') {
            Some((key, value)) => {
                let value = value.strip_prefix('{').and_then(|v| v.strip_suffix('}'));
                format!("{key}={}", value.map_or(&arg[key.len() + 1..], str::trim))
            }
            None => format!("{arg}={arg}"),
        })
        .collect();
    Some((kind, format!("{name}({})", args.join(", "))))
}

/// `text` apart at each character `apart` says is a separator, outside quotes and
/// brackets (a template's `(trim .Inner "\n")`, a component's `sources={["a", "b"]}`),
/// the pieces trimmed and empty ones left out: a component's or a Go template's
/// arguments apart at spaces, a Zola call's at commas.
pub(super) fn split_outside(text: &str, apart: fn(char) -> bool) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut depth, mut quote, mut start) = (0usize, None, 0);
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '{' | '[' | '(') => depth += 1,
            (None, '}' | ']' | ')') => depth = depth.saturating_sub(1),
            (None, c) if depth == 0 && apart(c) => {
                pieces.push(text[start..i].trim());
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push(text[start..].trim());
    pieces.retain(|p| !p.is_empty());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(kind: Kind, inner: &str) -> Option<String> {
        as_shortcode(kind, inner).map(|(_, call)| call)
    }

    #[test]
    fn a_component_is_read_as_the_shortcode_call_it_replaces() {
        assert_eq!(
            call(
                Kind::Expression,
                "<youtube id=\"dQw4w9WgXcQ\" class=\"vid\" />"
            )
            .unwrap(),
            "youtube(id=\"dQw4w9WgXcQ\", class=\"vid\")"
        );
        assert_eq!(
            call(
                Kind::HugoRaw,
                "img src=\"ferris happy.svg\" page={page} config={config} w={ 320 } /"
            )
            .unwrap(),
            "img(src=\"ferris happy.svg\", page=page, config=config, w=320)"
        );
        assert_eq!(
            as_shortcode(Kind::Liquid, "<katex block={true}>").unwrap(),
            (Kind::Liquid, "katex(block=true)".to_string())
        );
        assert_eq!(
            as_shortcode(Kind::Liquid, "</katex>").unwrap(),
            (Kind::Liquid, "end".to_string())
        );
        assert_eq!(
            call(
                Kind::Expression,
                "<video sources={[\"a.mp4\", \"b.webm\"]} page />"
            )
            .unwrap(),
            "video(sources=[\"a.mp4\", \"b.webm\"], page=page)"
        );
        // Not components.
        assert_eq!(call(Kind::Expression, "page.title"), None);
        assert_eq!(call(Kind::Liquid, "if x"), None);
        assert_eq!(call(Kind::Expression, "<img src=\"x\">"), None);
        assert_eq!(call(Kind::HugoRaw, "figure src=\"x\""), None);
    }
}
