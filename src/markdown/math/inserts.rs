//! What a formula holds that is not math, taken out before the renderer reads it and
//! put back in its MathML after: `\verb|…|` and `\url{…}` (the text as written, in
//! monospace), `\rule{w}{h}` (a filled box), `\ref{…}` and `\eqref{…}` (an equation's
//! number, known once the whole page is read), and `\href{url}{…}` (its text stays in
//! the formula; MathML Core has no links, so the link follows the formula).

use super::rewrite::group_end;
use crate::markdown::escape;

/// The mark standing for an insert in the TeX given to the renderer: `\text{` the mark,
/// the insert's index `}`.
pub(super) const MARK: char = '\u{F8F2}';

#[derive(Debug, PartialEq)]
pub(super) enum Insert {
    /// MathML to put where the mark is.
    Mathml(String),
    /// An equation's number, by its label; `eqref` in parentheses; where the command
    /// starts in the formula.
    Reference {
        label: String,
        eqref: bool,
        at: usize,
    },
}

/// What [`take`] took out of a formula.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Inserts {
    pub(super) items: Vec<Insert>,
    /// Links that follow the formula: the address, and the TeX of their text.
    pub(super) links: Vec<(String, String)>,
}

/// The text of a `{…}` argument at `open` (after spaces) and the index past it.
fn group(tex: &str, from: usize) -> Option<(&str, usize)> {
    let open = from + (tex[from..].len() - tex[from..].trim_start().len());
    let end = group_end(tex, open)?;
    Some((&tex[open + 1..end - 1], end))
}

/// An address as TeX writes it (`\#`, `\%`, `\_`, `\&`, `\~` escaped) as it is.
fn address(tex: &str) -> String {
    let mut out = tex.trim().to_string();
    for c in ["#", "%", "_", "&", "~", "$"] {
        out = out.replace(&format!("\\{c}"), c);
    }
    out
}

/// Text shown as written, in monospace: spaces kept (`visible`: as `␣`).
fn verbatim(text: &str, visible: bool) -> String {
    let space = if visible { "␣" } else { "&#160;" };
    format!(
        "<mtext class=\"math-verb\">{}</mtext>",
        escape(text).replace(' ', space)
    )
}

/// A TeX length as CSS writes it: the units both have, `bp` as `pt`, `mu` (an 18th
/// of an em) in em; `None` for anything else.
fn length(tex: &str) -> Option<String> {
    let tex: String = tex.chars().filter(|c| !c.is_whitespace()).collect();
    let split = tex
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .unwrap_or(tex.len());
    let (number, unit) = tex.split_at(split);
    let value: f64 = number.parse().ok()?;
    match unit {
        "em" | "ex" | "pt" | "mm" | "cm" | "in" | "pc" | "px" => Some(format!("{value}{unit}")),
        "bp" => Some(format!("{value}pt")),
        "mu" => Some(format!("{}em", value / 18.0)),
        _ => None,
    }
}

/// `tex` with each command this module reads replaced by a mark, and what the marks
/// stand for; or why a command cannot be read.
pub(super) fn take(tex: &str) -> Result<(String, Inserts), String> {
    let mut inserts = Inserts::default();
    if !tex.contains('\\') {
        return Ok((tex.to_string(), inserts));
    }
    let mut out = String::with_capacity(tex.len());
    let mut i = 0;
    while let Some(at) = tex[i..].find('\\').map(|at| i + at) {
        out.push_str(&tex[i..at]);
        let len = super::command_len(tex, at);
        let name = &tex[at + 1..at + 1 + len];
        let after = at + 1 + len;
        let mark = |inserts: &mut Inserts, insert: Insert| {
            inserts.items.push(insert);
            format!("{{\\text{{{MARK}{}}}}}", inserts.items.len() - 1)
        };
        match name {
            "verb" => {
                let visible = tex[after..].starts_with('*');
                let from = after + usize::from(visible);
                let Some(delimiter) = tex[from..].chars().next().filter(|c| !c.is_alphabetic())
                else {
                    return Err("`\\verb` needs a character around its text (`\\verb|x|`)".into());
                };
                let start = from + delimiter.len_utf8();
                let Some(len) = tex[start..].find(delimiter) else {
                    return Err(format!(
                        "`\\verb{delimiter}` is not closed by `{delimiter}`"
                    ));
                };
                out.push_str(&mark(
                    &mut inserts,
                    Insert::Mathml(verbatim(&tex[start..start + len], visible)),
                ));
                i = start + len + delimiter.len_utf8();
            }
            "url" | "href" => {
                let Some((url, end)) = group(tex, after) else {
                    return Err(format!("`\\{name}` needs its address in braces"));
                };
                let url = address(url);
                let scheme = url.split(':').next().unwrap_or("").to_ascii_lowercase();
                if !url.contains(':') || !matches!(scheme.as_str(), "http" | "https" | "mailto") {
                    return Err(format!(
                        "`\\{name}{{{url}}}`: a formula links only to http, https and mailto addresses"
                    ));
                }
                if name == "url" {
                    out.push_str(&mark(&mut inserts, Insert::Mathml(verbatim(&url, false))));
                    inserts.links.push((url.clone(), String::new()));
                    i = end;
                } else {
                    let Some((text, end)) = group(tex, end) else {
                        return Err("`\\href` needs its text in braces after its address".into());
                    };
                    out.push_str(&format!("{{{text}}}"));
                    inserts.links.push((url, text.to_string()));
                    i = end;
                }
            }
            "rule" => {
                // `[raise]` is read and not drawn.
                let mut from = after + (tex[after..].len() - tex[after..].trim_start().len());
                if tex[from..].starts_with('[') {
                    from += tex[from..]
                        .find(']')
                        .ok_or("`\\rule[` is not closed by `]`")?
                        + 1;
                }
                let sizes = group(tex, from).and_then(|(w, end)| Some((w, group(tex, end)?)));
                let Some((width, (height, end))) = sizes else {
                    return Err("`\\rule` needs a width and a height (`\\rule{1em}{2pt}`)".into());
                };
                let (Some(w), Some(h)) = (length(width), length(height)) else {
                    return Err(format!(
                        "`\\rule{{{width}}}{{{height}}}`: a length is a number and a unit (em, ex, pt, mm, cm, in, pc, px, bp, mu)"
                    ));
                };
                out.push_str(&mark(
                    &mut inserts,
                    Insert::Mathml(format!(
                        "<mspace class=\"math-rule\" width=\"{w}\" height=\"{h}\" />"
                    )),
                ));
                i = end;
            }
            "ref" | "eqref" => {
                let Some((label, end)) = group(tex, after) else {
                    return Err(format!("`\\{name}` needs a label in braces"));
                };
                let insert = Insert::Reference {
                    label: label.trim().to_string(),
                    eqref: name == "eqref",
                    at,
                };
                out.push_str(&mark(&mut inserts, insert));
                i = end;
            }
            _ => {
                out.push_str(&tex[at..after]);
                i = after;
            }
        }
    }
    out.push_str(&tex[i..]);
    Ok((out, inserts))
}

/// `mathml` with each mark replaced by `put(index)`, in one pass.
pub(super) fn put(mathml: &str, count: usize, mut put: impl FnMut(usize) -> String) -> String {
    let open = format!("<mtext>{MARK}");
    if count == 0 || !mathml.contains(&open) {
        return mathml.to_string();
    }
    let mut out = String::with_capacity(mathml.len());
    let mut i = 0;
    while let Some(at) = mathml[i..].find(&open).map(|at| i + at) {
        let digits = at + open.len();
        let len = mathml[digits..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let n = mathml[digits..digits + len].parse::<usize>().ok();
        match n.filter(|n| *n < count && mathml[digits + len..].starts_with("</mtext>")) {
            Some(n) => {
                out.push_str(&mathml[i..at]);
                out.push_str(&put(n));
                i = digits + len + "</mtext>".len();
            }
            None => {
                out.push_str(&mathml[i..digits]);
                i = digits;
            }
        }
    }
    out.push_str(&mathml[i..]);
    out
}

/// The label a formula that is only a reference names, and whether it is `\eqref`.
pub(super) fn only_reference(tex: &str) -> Option<(String, bool)> {
    let (rest, eqref) = match tex.trim().strip_prefix(r"\eqref") {
        Some(rest) => (rest, true),
        None => (tex.trim().strip_prefix(r"\ref")?, false),
    };
    let (label, end) = group(rest, 0)?;
    rest[end..]
        .trim()
        .is_empty()
        .then(|| (label.trim().to_string(), eqref))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_urls_rules_and_references_are_marked() {
        let (tex, ins) =
            take(r"a \verb|x_{1} & %| + \verb*+a b+ \rule{1em}{0.5pt} \eqref{e:1}").unwrap();
        assert_eq!(
            tex,
            format!("a {{\\text{{{MARK}0}}}} + {{\\text{{{MARK}1}}}} {{\\text{{{MARK}2}}}} {{\\text{{{MARK}3}}}}")
        );
        assert_eq!(
            ins.items,
            [
                Insert::Mathml("<mtext class=\"math-verb\">x_{1}&#160;&amp;&#160;%</mtext>".into()),
                Insert::Mathml("<mtext class=\"math-verb\">a␣b</mtext>".into()),
                Insert::Mathml(
                    "<mspace class=\"math-rule\" width=\"1em\" height=\"0.5pt\" />".into()
                ),
                Insert::Reference {
                    label: "e:1".into(),
                    eqref: true,
                    at: 51
                },
            ]
        );
        let (tex, ins) =
            take(r"\href{https://example.org/a\#b}{\text{docs}} \url{mailto:a@b.org}").unwrap();
        assert!(tex.starts_with(r"{\text{docs}} "), "{tex}");
        assert_eq!(
            ins.links,
            [
                (
                    "https://example.org/a#b".to_string(),
                    r"\text{docs}".to_string()
                ),
                ("mailto:a@b.org".to_string(), String::new())
            ]
        );
        for bad in [
            r"\verb|x",
            r"\verb",
            r"\href{javascript:alert(1)}{x}",
            r"\url{page.html}",
            r"\href{https://a.org}",
            r"\rule{1}{2pt}",
            r"\rule{1em}",
            r"\ref x",
        ] {
            assert!(take(bad).is_err(), "{bad}");
        }
        assert_eq!(
            length(" 2 mu").as_deref(),
            Some(&*format!("{}em", 2.0 / 18.0))
        );
        assert_eq!(only_reference(r" \eqref{a} "), Some(("a".into(), true)));
        assert_eq!(only_reference(r"\ref{a}"), Some(("a".into(), false)));
        assert_eq!(only_reference(r"\ref{a} + 1"), None);
        assert_eq!(only_reference(r"\refx"), None);
    }
}
