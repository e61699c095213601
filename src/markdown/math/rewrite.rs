//! TeX the renderer lacks or misdraws, written in what it reads before it reads it.

use super::wrappers::WRAPPERS;
pub(super) use super::wrappers::{with_enclosures, CLOSE_MARK, OPEN_MARK};

/// `tex` with TeX's infix fractions, which MathJax and KaTeX draw and the renderer
/// lacks, written as the commands they stand for: `{n \choose k}` as `\binom{n}{k}`
/// and `{a \over b}` as `\frac{a}{b}`. Each takes what is before and after it in its
/// group: the braces around it, else the cell of an alignment (`&`, `\\`), else
/// the whole formula.
pub(super) fn with_infix_fractions(tex: &str) -> std::borrow::Cow<'_, str> {
    const INFIX: &[(&str, &str)] = &[
        (r"\choose", r"\binom"),
        (r"\over", r"\frac"),
        (r"\atop", r"\genfrac{}{}{0pt}{}"),
        (r"\brace", r"\genfrac\{\}{0pt}{}"),
        (r"\brack", r"\genfrac[]{0pt}{}"),
    ];
    let find = |tex: &str| {
        INFIX.iter().find_map(|(infix, prefix)| {
            tex.match_indices(infix)
                .find(|(at, _)| {
                    !tex[at + infix.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
                        && !tex[..*at].ends_with('\\')
                })
                .map(|(at, _)| (at, infix.len(), *prefix))
        })
    };
    let Some(mut next) = find(tex) else {
        return tex.into();
    };
    let mut tex = tex.to_string();
    // Each rewrite takes one infix command out; the bound guards against any loop.
    for _ in 0..tex.len() {
        let (at, len, prefix) = next;
        let bytes = tex.as_bytes();
        let escaped = |i: usize| i > 0 && bytes[i - 1] == b'\\';
        let mut depth = 0usize;
        let mut start = 0;
        for i in (0..at).rev() {
            match bytes[i] {
                b'}' if !escaped(i) => depth += 1,
                b'{' if !escaped(i) && depth == 0 => {
                    start = i + 1;
                    break;
                }
                b'{' if !escaped(i) => depth -= 1,
                b'&' if depth == 0 && !escaped(i) => {
                    start = i + 1;
                    break;
                }
                b'\\' if depth == 0 && i + 1 < at && bytes[i + 1] == b'\\' => {
                    start = i + 2;
                    break;
                }
                _ => {}
            }
        }
        let mut depth = 0usize;
        let mut end = tex.len();
        let mut i = at + len;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => {
                    if depth == 0 && bytes.get(i + 1) == Some(&b'\\') {
                        end = i;
                        break;
                    }
                    i += 1;
                }
                b'{' => depth += 1,
                b'}' if depth == 0 => {
                    end = i;
                    break;
                }
                b'}' => depth -= 1,
                b'&' if depth == 0 => {
                    end = i;
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        let above = tex[start..at].trim();
        let below = tex[at + len..end].trim();
        let written = format!("{prefix}{{{above}}}{{{below}}}");
        tex.replace_range(start..end, &written);
        match find(&tex) {
            Some(found) => next = found,
            None => break,
        }
    }
    tex.into()
}

/// `tex` with `\begingroup` and `\endgroup` as the braces they stand for, as KaTeX and
/// MathJax read them.
pub(super) fn with_groups(tex: &str) -> std::borrow::Cow<'_, str> {
    if !tex.contains("group") {
        return tex.into();
    }
    let mut out = String::with_capacity(tex.len());
    let mut i = 0;
    while let Some(at) = tex[i..].find('\\').map(|at| i + at) {
        out.push_str(&tex[i..at]);
        let len = super::command_len(tex, at);
        out.push_str(match &tex[at + 1..at + 1 + len] {
            "begingroup" => "{",
            "endgroup" => "}",
            _ => &tex[at..at + 1 + len],
        });
        i = at + 1 + len;
        if len == 0 {
            break;
        }
    }
    out.push_str(&tex[i..]);
    out.into()
}

/// `tex` with line breaks (`\\`) outside any environment, which KaTeX draws as lines
/// one below the other and the renderer refuses, set in a `gathered` environment that
/// draws them so.
pub(super) fn with_top_level_lines(tex: &str) -> std::borrow::Cow<'_, str> {
    let bytes = tex.as_bytes();
    let (mut braces, mut environments) = (0i32, 0i32);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                let name_len = bytes[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
                match &tex[i + 1..i + 1 + name_len] {
                    "" if bytes.get(i + 1) == Some(&b'\\') && braces == 0 && environments == 0 => {
                        return format!("\\begin{{gathered}}{tex}\\end{{gathered}}").into();
                    }
                    "begin" => environments += 1,
                    "end" => environments -= 1,
                    _ => {}
                }
                i += 1 + name_len.max(1);
                continue;
            }
            b'{' => braces += 1,
            b'}' => braces -= 1,
            _ => {}
        }
        i += 1;
    }
    tex.into()
}

/// The index just past the `}` closing the group that opens at `tex[open]` (`{`).
pub(super) fn group_end(tex: &str, open: usize) -> Option<usize> {
    let bytes = tex.as_bytes();
    if bytes.get(open) != Some(&b'{') {
        return None;
    }
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The argument of a command whose name ends at `after`: `(start, end)` of a `{…}`
/// group (after spaces, and after an optional `[…]` when `optional`), else of the one
/// character or command that follows.
fn argument(tex: &str, after: usize, optional: bool) -> Option<(usize, usize)> {
    let mut at = after + (tex[after..].len() - tex[after..].trim_start().len());
    if optional && tex[at..].starts_with('[') {
        at += tex[at..].find(']')? + 1;
        at += tex[at..].len() - tex[at..].trim_start().len();
    }
    if tex[at..].starts_with('{') {
        return Some((at, group_end(tex, at)?));
    }
    let c = tex[at..].chars().next()?;
    if c == '\\' {
        return Some((at, at + 1 + super::command_len(tex, at)));
    }
    (!"}&^_".contains(c)).then(|| (at, at + c.len_utf8()))
}

/// The text of an argument `tex[start..end]` without its braces.
fn inner(tex: &str, (start, end): (usize, usize)) -> &str {
    if tex[start..].starts_with('{') {
        &tex[start + 1..end - 1]
    } else {
        &tex[start..end]
    }
}

/// `text` for the renderer's `\operatorname`, which shows its argument as it is: TeX's
/// spaces as spaces and `\mathrm{…}` as its letters; `None` when other commands stay.
fn operator_name(text: &str) -> Option<String> {
    let mut name = text.to_string();
    for (tex, plain) in [
        (r"\,", "\u{2009}"),
        (r"\:", "\u{205F}"),
        (r"\;", " "),
        (r"\ ", " "),
        (r"\!", ""),
        ("~", " "),
        (r"\mathrm", ""),
        (r"\text", ""),
        ("{", ""),
        ("}", ""),
    ] {
        name = name.replace(tex, plain);
    }
    (!name.contains('\\')).then_some(name)
}

/// The commands whose delimiter may be `<` or `>`, standing for angle brackets.
const DELIMITING: &[&str] = &[
    "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "bigm", "Bigl",
    "Bigr", "Bigm", "biggl", "biggr", "biggm", "Biggl", "Biggr", "Biggm",
];

/// `tex` with what the renderer lacks or misdraws written in what it reads: the
/// [`WRAPPERS`] as a group between marks (`\cancelto{v}{x}` as `x` struck with `v`
/// above it, `\mathstrut` and `\strut` as a phantom parenthesis);
/// `\operatorname*{op}` (an operator with limits below, as MathJax and KaTeX draw it)
/// as `\operatorname{op}\limits`, and an operator's name written with TeX spaces or
/// fonts as its letters; `$…$` inside `\text{…}` (math in the text) as the text
/// closed around that math; `\char"263A` as its character; `\newline` as `\\`;
/// `<` and `>` after `\left`, `\right` or a sized delimiter (`\bigl<`) as `\langle`
/// and `\rangle`.
pub(super) fn with_rewrites(tex: &str) -> std::borrow::Cow<'_, str> {
    if !tex.contains('\\') || tex.contains([OPEN_MARK, CLOSE_MARK]) {
        return tex.into();
    }
    let mut out = String::with_capacity(tex.len());
    let mut i = 0;
    let mut changed = false;
    let wrap = |out: &mut String, n: usize, body: &str| {
        out.push_str(&format!(
            "{{\\text{{{OPEN_MARK}{n}}}{body}\\text{{{CLOSE_MARK}{n}}}}}"
        ));
    };
    while let Some(at) = tex[i..].find('\\').map(|at| i + at) {
        out.push_str(&tex[i..at]);
        let name_len = tex[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let name = &tex[at + 1..at + 1 + name_len];
        let after = at + 1 + name_len;
        let open = after + (tex[after..].len() - tex[after..].trim_start().len());
        let wrapper = WRAPPERS.iter().position(|(n, ..)| *n == name);
        if let (Some(n), Some(arg)) = (
            wrapper,
            wrapper.and_then(|_| argument(tex, after, name == "smash")),
        ) {
            let body = inner(tex, arg);
            let body = if WRAPPERS[n].1 {
                format!("\\text{{{body}}}")
            } else {
                body.to_string()
            };
            wrap(&mut out, n, &with_rewrites(&body));
            i = arg.1;
            changed = true;
        } else if name == "cancelto" {
            let value = argument(tex, after, false);
            match value.and_then(|v| Some((v, argument(tex, v.1, false)?))) {
                Some((value, body)) => {
                    let cancel = WRAPPERS
                        .iter()
                        .position(|(n, ..)| *n == "cancel")
                        .unwrap_or(0);
                    out.push('{');
                    wrap(&mut out, cancel, &with_rewrites(inner(tex, body)));
                    out.push_str(&format!("}}^{{{}}}", with_rewrites(inner(tex, value))));
                    i = body.1;
                    changed = true;
                }
                None => {
                    out.push_str(&tex[at..after]);
                    i = after;
                }
            }
        } else if name == "mathstrut" || name == "strut" {
            let vphantom = WRAPPERS
                .iter()
                .position(|(n, ..)| *n == "vphantom")
                .unwrap_or(0);
            wrap(&mut out, vphantom, "(");
            i = after;
            changed = true;
        } else if DELIMITING.contains(&name) && tex[open..].starts_with(['<', '>']) {
            // `\left<` … `\right>`: angle brackets, as TeX, MathJax and KaTeX read them.
            out.push_str(&tex[at..after]);
            out.push_str(match tex[open..].starts_with('<') {
                true => r"\langle ",
                false => r"\rangle ",
            });
            i = open + 1;
            changed = true;
        } else if name == "newline" {
            out.push_str(r"\\");
            i = after;
            changed = true;
        } else if name == "char" {
            let rest = &tex[after..];
            let (radix, digits) = match rest.chars().next() {
                Some('"') => (16, &rest[1..]),
                Some('\'') => (8, &rest[1..]),
                _ => (10, rest.trim_start()),
            };
            let len = digits.chars().take_while(|c| c.is_digit(radix)).count();
            let end = tex.len() - digits.len() + len;
            match u32::from_str_radix(&digits[..len], radix)
                .ok()
                .and_then(char::from_u32)
            {
                Some(c) if len > 0 && !c.is_control() && !"\\{}$&#^_%~".contains(c) => {
                    out.push_str(&format!("{{{c}}}"));
                    i = end;
                    changed = true;
                }
                _ => {
                    out.push_str(&tex[at..after]);
                    i = after;
                }
            }
        } else if name == "operatorname" {
            let star = tex[after..].starts_with('*');
            match argument(tex, after + usize::from(star), false) {
                Some(arg) => {
                    let text = inner(tex, arg);
                    let limits = if star { r"\limits" } else { "" };
                    match operator_name(text) {
                        Some(name) => out.push_str(&format!("\\operatorname{{{name}}}{limits}")),
                        // Other commands in the name: drawn as upright letters.
                        None => out.push_str(&format!("\\mathrm{{{}}}", with_rewrites(text))),
                    }
                    i = arg.1;
                    changed = true;
                }
                None => {
                    out.push_str(&tex[at..after]);
                    i = after;
                }
            }
        } else if name == "text" && tex[open..].starts_with('{') {
            let Some(end) = group_end(tex, open) else {
                out.push_str(&tex[at..]);
                i = tex.len();
                break;
            };
            let inner = &tex[open + 1..end - 1];
            let dollars: Vec<usize> = inner
                .match_indices('$')
                .map(|(d, _)| d)
                .filter(|&d| d == 0 || inner.as_bytes()[d - 1] != b'\\')
                .collect();
            if dollars.len() >= 2 && dollars.len().is_multiple_of(2) {
                // `\text{if $x>0$ then}` → `\text{if }x>0\text{ then}`.
                let mut from = 0;
                let text = |out: &mut String, t: &str| {
                    if !t.is_empty() {
                        out.push_str(&format!("\\text{{{t}}}"));
                    }
                };
                for pair in dollars.chunks(2) {
                    text(&mut out, &inner[from..pair[0]]);
                    out.push_str(&format!(
                        "{{{}}}",
                        with_rewrites(&inner[pair[0] + 1..pair[1]])
                    ));
                    from = pair[1] + 1;
                }
                text(&mut out, &inner[from..]);
                changed = true;
            } else {
                out.push_str(&tex[at..end]);
            }
            i = end;
        } else {
            // A command and what follows it as written (`\\`, `\{` take one character).
            let len = if name_len == 0 {
                tex[at + 1..].chars().next().map_or(0, char::len_utf8)
            } else {
                name_len
            };
            out.push_str(&tex[at..at + 1 + len]);
            i = at + 1 + len;
        }
    }
    out.push_str(&tex[i..]);
    if changed {
        out.into()
    } else {
        tex.into()
    }
}
