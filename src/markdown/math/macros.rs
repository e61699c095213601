//! Definitions a page makes for its own math: LaTeX's and MathJax's forms written as the
//! renderer's `\def`, kept for the page's later formulas (as MathJax keeps them), and
//! the command a formula uses that nothing defines, named in its report.

use super::rewrite::group_end;

/// The name (`\name`, with its backslash) written at `tex[at..]` either bare or in
/// braces (`{\name}`), and where it ends.
fn defined_name(tex: &str, at: usize) -> Option<(&str, usize)> {
    let at = at + (tex[at..].len() - tex[at..].trim_start().len());
    let (start, braced) = if tex[at..].starts_with('{') {
        (at + 1, true)
    } else {
        (at, false)
    };
    let rest = tex.get(start..)?.strip_prefix('\\')?;
    let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    if len == 0 {
        return None;
    }
    let mut end = start + 1 + len;
    if braced {
        end += tex[end..].len() - tex[end..].trim_start().len();
        if !tex[end..].starts_with('}') {
            return None;
        }
        end += 1;
    }
    Some((&tex[start..start + 1 + len], end))
}

/// `tex` with LaTeX's definitions written as `\def`: `\newcommand{\name}[2]{…}` (and
/// `\renewcommand`, `\providecommand`, with or without braces around the name),
/// `\DeclareMathOperator{\name}{text}` (and `*`, limits below), `\gdef`, `\global\def`,
/// `\edef` and `\xdef`; `\label{…}` is left out (a display formula's labels are taken
/// out before, by `super::numbers`, and name its rows).
pub(super) fn with_definitions(tex: &str) -> std::borrow::Cow<'_, str> {
    const WORDS: &[&str] = &[
        "newcommand",
        "renewcommand",
        "providecommand",
        "DeclareMathOperator",
        "gdef",
        "global",
        "edef",
        "xdef",
        "label",
    ];
    let has = |w: &str| {
        tex.match_indices(w)
            .any(|(at, _)| at > 0 && tex.as_bytes()[at - 1] == b'\\')
    };
    if !WORDS.iter().any(|w| has(w)) {
        return tex.into();
    }
    let mut out = String::with_capacity(tex.len() + 16);
    let mut i = 0;
    while let Some(at) = tex[i..].find('\\').map(|at| i + at) {
        out.push_str(&tex[i..at]);
        let len = tex[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let name = &tex[at + 1..at + 1 + len];
        let after = at + 1 + len;
        let next = match name {
            "newcommand" | "renewcommand" | "providecommand" => {
                let after = after + usize::from(tex[after..].starts_with('*'));
                command(tex, after).map(|(def, end)| {
                    out.push_str(&def);
                    end
                })
            }
            "DeclareMathOperator" => {
                let star = tex[after..].starts_with('*');
                defined_name(tex, after + usize::from(star)).and_then(|(macro_name, end)| {
                    let open = end + (tex[end..].len() - tex[end..].trim_start().len());
                    let close = group_end(tex, open)?;
                    let star = if star { "*" } else { "" };
                    out.push_str(&format!(
                        "\\def{macro_name}{{\\operatorname{star}{}}}",
                        &tex[open..close]
                    ));
                    Some(close)
                })
            }
            "gdef" | "edef" | "xdef" => {
                out.push_str(r"\def");
                Some(after)
            }
            "global" => Some(after + (tex[after..].len() - tex[after..].trim_start().len())),
            "label" => {
                let open = after + (tex[after..].len() - tex[after..].trim_start().len());
                group_end(tex, open)
            }
            _ => None,
        };
        i = match next {
            Some(end) => end,
            None => {
                let end = if len == 0 {
                    after + tex[after..].chars().next().map_or(0, char::len_utf8)
                } else {
                    after
                };
                out.push_str(&tex[at..end]);
                end
            }
        };
    }
    out.push_str(&tex[i..]);
    out.into()
}

/// `\newcommand`'s arguments from `tex[at..]` (`{\name}[n]{body}`) as `\def\name#1…#n{body}`,
/// and where they end; `None` for a default first argument (`[n][default]`), left to
/// the renderer.
fn command(tex: &str, at: usize) -> Option<(String, usize)> {
    let (name, mut end) = defined_name(tex, at)?;
    let skip = |end: usize| end + (tex[end..].len() - tex[end..].trim_start().len());
    end = skip(end);
    let mut count = 0;
    if tex[end..].starts_with('[') {
        let close = end + tex[end..].find(']')?;
        count = tex[end + 1..close]
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&n| n <= 9)?;
        end = skip(close + 1);
        if tex[end..].starts_with('[') {
            return None;
        }
    }
    let close = group_end(tex, end)?;
    let params: String = (1..=count).map(|n| format!("#{n}")).collect();
    Some((format!("\\def{name}{params}{}", &tex[end..close]), close))
}

/// The definitions (`\def…{…}`, as [`with_definitions`] writes them) in `tex`, to keep
/// for the page's later formulas.
pub(super) fn definitions(tex: &str) -> String {
    let mut defs = String::new();
    let mut i = 0;
    while let Some(at) = tex[i..].find(r"\def").map(|at| i + at) {
        let body = tex[at + 4..].find('{').map(|b| at + 4 + b);
        match body.and_then(|b| Some((b, group_end(tex, b)?))) {
            Some((_, end)) => {
                defs.push_str(&tex[at..end]);
                i = end;
            }
            None => i = at + 4,
        }
    }
    defs
}

/// The first command or environment `tex` uses that the renderer does not know, for
/// its report (`\ce`, `{prooftree}`).
pub(super) fn unknown_name(tex: &str) -> Option<String> {
    let known = |t: &str| {
        let storage = pulldown_latex::Storage::new();
        !pulldown_latex::Parser::new(t, &storage).any(|e| {
            e.is_err_and(|e| {
                let m = e.to_string();
                m.contains("unknown primitive") || m.contains("environment")
            })
        })
    };
    let defined = definitions(tex);
    let mut i = 0;
    while let Some(at) = tex[i..].find('\\').map(|at| i + at) {
        let len = super::command_len(tex, at);
        let name = &tex[at + 1..at + 1 + len];
        i = at + 1 + len;
        if name == "begin" {
            let open = i + (tex[i..].len() - tex[i..].trim_start().len());
            if let Some(end) = group_end(tex, open) {
                let env = &tex[open + 1..end - 1];
                if !known(&format!("\\begin{{{env}}}\\end{{{env}}}")) {
                    return Some(format!("{{{env}}}"));
                }
            }
        } else if name.starts_with(|c: char| c.is_ascii_alphabetic())
            && !defined.contains(&format!("\\def\\{name}"))
            && !known(&format!("\\{name}{{x}}{{x}}{{x}}"))
        {
            return Some(format!("\\{name}"));
        }
    }
    None
}
