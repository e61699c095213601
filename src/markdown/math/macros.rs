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
/// `tex` with each call of a `\def`ined macro written straight after `_` or `^`
/// (`x_\group`, `#1_\textnormal{alg}`) put in braces with its arguments. TeX (and
/// KaTeX) expand the macro there and take the atom it gives as the script; the
/// renderer does not expand a macro in that place and fails. Only macros whose body
/// is one atom (a group, one character, or a command followed by groups) are braced,
/// where the braces change nothing.
pub(super) fn with_braced_scripts(tex: &str) -> std::borrow::Cow<'_, str> {
    if !tex.contains(r"\def") || !tex.contains(['_', '^']) {
        return tex.into();
    }
    let mut atomic: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut from = 0;
    while let Some(at) = tex[from..].find(r"\def\").map(|i| from + i) {
        from = at + 4;
        let name_len = super::command_len(tex, at + 4);
        let name = &tex[at + 5..at + 5 + name_len];
        let mut open = at + 5 + name_len;
        let mut params = 0;
        while tex[open..].starts_with('#') {
            params += 1;
            open += 2.min(tex.len() - open);
        }
        let Some(close) = group_end(tex, open) else {
            continue;
        };
        if name_len > 0 && is_atom(tex[open + 1..close - 1].trim()) {
            atomic.insert(name, params);
        }
    }
    if atomic.is_empty() {
        return tex.into();
    }
    let bytes = tex.as_bytes();
    let mut out = String::with_capacity(tex.len() + 8);
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let script = matches!(bytes[i], b'_' | b'^') && (i == 0 || bytes[i - 1] != b'\\');
        if bytes[i] == b'\\' {
            i += 1 + super::command_len(tex, i);
            continue;
        }
        i += 1;
        if !script {
            continue;
        }
        let call = i + (tex[i..].len() - tex[i..].trim_start().len());
        if bytes.get(call) != Some(&b'\\') {
            continue;
        }
        let len = super::command_len(tex, call);
        let Some(&params) = atomic.get(&tex[call + 1..call + 1 + len]) else {
            continue;
        };
        let mut end = call + 1 + len;
        for _ in 0..params {
            end = match argument_end(tex, end) {
                Some(e) => e,
                None => break,
            };
        }
        out.push_str(&tex[copied..call]);
        out.push('{');
        out.push_str(&tex[call..end]);
        out.push('}');
        copied = end;
        i = end;
    }
    if copied == 0 {
        return tex.into();
    }
    out.push_str(&tex[copied..]);
    out.into()
}

/// `tex` with a text command's argument in a definition written bare
/// (`\def\textnormal#1{\text{#1}}` as `\text#1`): the renderer passes an argument on
/// with its braces, which text shows (`\textnormal{alg}` read `{alg}`), where TeX
/// takes them away.
pub(super) fn with_text_arguments(tex: &str) -> std::borrow::Cow<'_, str> {
    if !tex.contains("{#") {
        return tex.into();
    }
    let mut out = String::with_capacity(tex.len());
    let mut copied = 0;
    let mut from = 0;
    while let Some(at) = tex[from..].find('\\').map(|i| from + i) {
        let len = super::command_len(tex, at);
        let name = &tex[at + 1..at + 1 + len];
        from = at + 1 + len;
        let text = name.starts_with("text") || matches!(name, "mbox" | "hbox");
        if let Some([b'{', b'#', digit, b'}']) = tex.as_bytes().get(from..from + 4) {
            if text && digit.is_ascii_digit() {
                out.push_str(&tex[copied..from]);
                out.push('#');
                out.push(char::from(*digit));
                copied = from + 4;
                from = copied;
            }
        }
    }
    if copied == 0 {
        return tex.into();
    }
    out.push_str(&tex[copied..]);
    out.into()
}

/// Whether a macro's body is one atom: a group, one character or `#n`, or a
/// command followed by nothing but groups (`\text{#1}`, `\mathbb{G}`).
fn is_atom(body: &str) -> bool {
    if body.starts_with('{') {
        return group_end(body, 0) == Some(body.len());
    }
    if body.chars().count() == 1 || (body.len() == 2 && body.starts_with('#')) {
        return true;
    }
    if !body.starts_with('\\') {
        return false;
    }
    let mut at = 1 + super::command_len(body, 0);
    loop {
        at += body[at..].len() - body[at..].trim_start().len();
        if at == body.len() {
            return true;
        }
        match group_end(body, at) {
            Some(end) => at = end,
            None => return false,
        }
    }
}

/// Where one argument of a macro call starting at `at` (after spaces) ends: a
/// `{…}` group, a command's name, or one character.
fn argument_end(tex: &str, at: usize) -> Option<usize> {
    let at = at + (tex[at..].len() - tex[at..].trim_start().len());
    match tex[at..].chars().next()? {
        '{' => group_end(tex, at),
        '\\' => Some(at + 1 + super::command_len(tex, at)),
        c => Some(at + c.len_utf8()),
    }
}

#[cfg(test)]
mod tests {
    use super::with_braced_scripts;

    #[test]
    fn defined_macros_after_scripts_are_braced_with_their_arguments() {
        let braced = |tex: &str| with_braced_scripts(tex).into_owned();
        assert_eq!(braced(r"\def\g{{G}}x_\g"), r"\def\g{{G}}x_{\g}");
        assert_eq!(
            braced(r"\def\t#1{\text{#1}}p_\t{fail}^ \t x"),
            r"\def\t#1{\text{#1}}p_{\t{fail}}^ {\t x}"
        );
        // Inside a definition's body too, which is what the call expands to.
        assert_eq!(
            braced(r"\def\t#1{\text{#1}}\def\alg#1{{#1_\t{alg}}}\alg{P}"),
            r"\def\t#1{\text{#1}}\def\alg#1{{#1_{\t{alg}}}}\alg{P}"
        );
        // A body of several atoms is left as written (TeX would take its first
        // atom only); so are commands nothing defines, and `\_`.
        // A text command's argument in a definition is passed on bare.
        let text = |tex: &str| super::with_text_arguments(tex).into_owned();
        assert_eq!(
            text(r"\def\t#1{\text{#1}}\def\u#1#2{\mathbf{#1}\textit{#2}x}"),
            r"\def\t#1{\text#1}\def\u#1#2{\mathbf{#1}\textit#2x}"
        );
        assert_eq!(text(r"\text{#}"), r"\text{#}");
        for tex in [
            r"\def\g{AB}x_\g",
            r"x_\mathbf{a}",
            r"\def\g{G}\_\g",
            r"x_\g",
        ] {
            assert_eq!(braced(tex), tex);
        }
    }
}
