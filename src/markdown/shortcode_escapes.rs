//! Escaped shortcodes, a shortcode call written to be shown as text: Hugo's
//! `{{</* name */>}}` and `{{%/* name */%}}` on any site, Zola's `{{/* name(…) */}}` and
//! `{%/* name(…) */%}` … `{%/* end */%}` on a Zola site. Both tools read them before
//! Markdown, so in code and out of it, and take out only the comment markers: the text
//! shown is the call (`{{< name >}}`, `{{ name(…) }}`), its spaces as written.

use super::expand::{inside, Article, Expanded, SegMap, Splice};
use super::foreign::{Tag, MAX_TAG};
use crate::text::holds;
use std::ops::Range;

/// Hugo's and, on a Zola site, Zola's escaped shortcodes as the text of their calls,
/// their maps in `out`. Runs after the unsupported tags are taken out (`foreign.rs`),
/// which leaves these, so the calls they show are not read as tags.
pub(super) fn passes(mut text: String, article: &Article, out: &mut Expanded) -> String {
    if let Some((unescaped, map)) = hugo(&text) {
        out.maps.0.push(map);
        text = unescaped;
    }
    let escapes = zola_escapes(&text, article);
    if !escapes.is_empty() {
        let (unescaped, map) = zola(&text, &escapes);
        out.maps.0.push(map);
        text = unescaped;
    }
    text
}

/// `tags` but those inside Zola's escaped shortcodes, which are text on a Zola site: the
/// escaped tags themselves, and an escaped pair's body, which Zola shows as written.
pub(super) fn outside_zola_escapes(tags: Vec<Tag>, text: &str, article: &Article) -> Vec<Tag> {
    let spans: Vec<Range<usize>> = zola_escapes(text, article)
        .iter()
        .map(Escape::span)
        .collect();
    if spans.is_empty() {
        return tags;
    }
    tags.into_iter()
        .filter(|tag| !inside(&spans, tag.range.start))
        .collect()
}

/// `{{</* name */>}}` and `{{%/* name */%}}`, Hugo's way to show a shortcode as text,
/// in code or out of it: the text `{{< name >}}` (`{{% name %}}`), as Hugo writes it.
fn hugo(text: &str) -> Option<(String, SegMap)> {
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut from = 0;
    let mut any = false;
    while let Some(i) = text[from..].find("{{") {
        let at = from + i;
        from = at + 2;
        let rest = &text[at..];
        let (open, close) = if rest.starts_with("{{</*") {
            ("{{<", "*/>}}")
        } else if rest.starts_with("{{%/*") {
            ("{{%", "*/%}}")
        } else {
            continue;
        };
        if at > 0 && text.as_bytes()[at - 1] == b'\\' {
            continue;
        }
        let Some(end) = text[at + 5..]
            .find(close)
            .map(|n| at + 5 + n)
            .filter(|&end| end - at <= MAX_TAG)
        else {
            continue;
        };
        splice.copy(copied..at);
        splice.insert(open, at);
        splice.copy(at + 5..end);
        splice.insert(&close[2..], end);
        copied = end + close.len();
        from = copied;
        any = true;
    }
    if !any {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// One of Zola's escaped shortcodes: `{{/* name(…) */}}`, or the pair `{%/* name(…) */%}`
/// … `{%/* end */%}`. Each tag's markers are four bytes: `{{/*` and `*/}}`, `{%/*` and
/// `*/%}`.
struct Escape {
    /// The tag, or the pair's opening tag.
    open: Range<usize>,
    /// The pair's closing tag.
    end: Option<Range<usize>>,
}

impl Escape {
    /// From the tag's start to its end, or to the end of the pair's closing tag.
    fn span(&self) -> Range<usize> {
        let end = self.end.as_ref().unwrap_or(&self.open).end;
        self.open.start..end
    }
}

/// Zola's escaped shortcodes in `text` on a Zola site, in order; none elsewhere.
fn zola_escapes(text: &str, article: &Article) -> Vec<Escape> {
    if !holds(text, "{{/*") && !holds(text, "{%/*") {
        return Vec::new();
    }
    match article.content {
        Some((root, dir, _)) if crate::load::is_zola(root, dir) => escapes(text),
        _ => Vec::new(),
    }
}

/// Zola's escaped shortcodes in `text`, as its grammar reads them (`content.pest`: an
/// `ignored_inline_shortcode`, or an `ignored_shortcode_with_body` running to the first
/// `{%/* end */%}`): each tag must hold a call, `name(…)`; a pair with no end is text.
fn escapes(text: &str) -> Vec<Escape> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Once a pair finds no end, none after it will.
    let mut ends = true;
    let mut from = 0;
    while let Some(i) = text[from..].find("/*") {
        let star = from + i;
        from = star + 2;
        let Some(at) = star.checked_sub(2) else {
            continue;
        };
        let pair = match &bytes[at..star] {
            b"{{" => false,
            b"{%" => true,
            _ => continue,
        };
        let close = if pair { "*/%}" } else { "*/}}" };
        let Some((open, inner)) = escaped_tag(text, at, close) else {
            continue;
        };
        if !is_call(inner) {
            continue;
        }
        let end = match pair {
            false => None,
            true if ends => match end_tag(text, open.end) {
                Some(end) => Some(end),
                None => {
                    ends = false;
                    continue;
                }
            },
            true => continue,
        };
        let escape = Escape { open, end };
        from = escape.span().end;
        found.push(escape);
    }
    found
}

/// The escaped tag opening at `at` (its `{{/*` or `{%/*`) and closing with `close`, and
/// what its markers hold, trimmed.
fn escaped_tag<'t>(text: &'t str, at: usize, close: &str) -> Option<(Range<usize>, &'t str)> {
    let from = at + 4;
    let near = &text.as_bytes()[from..text.len().min(at + MAX_TAG)];
    let end = from + memchr::memmem::find(near, close.as_bytes())?;
    Some((at..end + close.len(), text[from..end].trim()))
}

/// The first `{%/* end */%}` after `from` with text before it, which ends an escaped pair.
fn end_tag(text: &str, from: usize) -> Option<Range<usize>> {
    let mut next = from;
    while let Some(i) = text[next..].find("{%/*") {
        let at = next + i;
        next = at + 4;
        match escaped_tag(text, at, "*/%}") {
            Some((end, "end")) if at > from => return Some(end),
            _ => {}
        }
    }
    None
}

/// Whether `inner` is a shortcode call as Zola's grammar reads one: a name (a letter or
/// `_`, then letters, digits and `_`), then its arguments in parentheses.
fn is_call(inner: &str) -> bool {
    let name = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    inner.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && inner[name..].trim_start().starts_with('(')
        && inner.ends_with(')')
}

/// `text` with each escape's markers taken out, as Zola writes it: `{{/*` is `{{`,
/// `*/}}` is `}}`, alike for `{%/*` and `*/%}`; a pair's body is copied as written.
fn zola(text: &str, escapes: &[Escape]) -> (String, SegMap) {
    let mut splice = Splice::new(text);
    let mut copied = 0;
    for tag in escapes
        .iter()
        .flat_map(|escape| std::iter::once(&escape.open).chain(&escape.end))
    {
        splice.copy(copied..tag.start);
        splice.insert(&text[tag.start..tag.start + 2], tag.start);
        splice.copy(tag.start + 4..tag.end - 4);
        splice.insert(&text[tag.end - 2..tag.end], tag.end - 4);
        copied = tag.end;
    }
    splice.copy(copied..text.len());
    (splice.out, splice.map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unescaped(text: &str) -> String {
        zola(text, &escapes(text)).0
    }

    #[test]
    fn only_the_markers_of_zolas_escaped_calls_are_taken_out() {
        assert_eq!(
            unescaped("A {{/* youtube(id=\"x\") */}} and {{/*b()*/}}."),
            "A {{ youtube(id=\"x\") }} and {{b()}}."
        );
        assert_eq!(
            unescaped("{%/* quote(author=\"V\") */%}\nA {{/* x() */}}\n{%/* end */%}\n"),
            "{% quote(author=\"V\") %}\nA {{/* x() */}}\n{% end %}\n"
        );
    }

    #[test]
    fn what_zola_does_not_read_as_an_escaped_call_is_left_as_written() {
        for text in [
            "{{/* page.title */}}",
            "{%/* quote() */%} with no end",
            "{%/* end */%}",
            "{{/* x()",
            "/* a comment */ {/* x() */}",
            "{%/* a() */%}{%/* end */%}",
        ] {
            assert_eq!(unescaped(text), text);
        }
    }
}
