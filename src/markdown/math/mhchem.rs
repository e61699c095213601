//! mhchem's `\ce{…}` (chemical formulas and equations) and `\pu{…}` (physical units),
//! which KaTeX and MathJax draw with an extension, written in plain TeX: the common
//! forms chemistry notes use (formulas with counts and charges, coefficients, states,
//! reaction arrows, `+`, units with `/` and `//`).

use super::rewrite::group_end;

/// `tex` with each `\ce{…}` and `\pu{…}` written in plain TeX; `None` when one holds
/// what this reader does not know (left for the report).
pub(super) fn with_chemistry(tex: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !tex.contains(r"\ce") && !tex.contains(r"\pu") {
        return Some(tex.into());
    }
    let mut out = String::with_capacity(tex.len() * 2);
    let mut i = 0;
    while let Some(at) = tex[i..].find('\\').map(|at| i + at) {
        out.push_str(&tex[i..at]);
        let len = super::command_len(tex, at);
        let name = &tex[at + 1..at + 1 + len];
        let open = at + 1 + len;
        match name {
            "ce" | "pu" if tex[open..].starts_with('{') => {
                let end = group_end(tex, open)?;
                let body = &tex[open + 1..end - 1];
                let written = if name == "ce" {
                    equation(body)?
                } else {
                    unit(body)?
                };
                out.push_str(&format!("{{{written}}}"));
                i = end;
            }
            _ => {
                out.push_str(&tex[at..at + 1 + len]);
                i = at + 1 + len;
            }
        }
    }
    out.push_str(&tex[i..]);
    Some(out.into())
}

/// `\pu`'s quantity: the number, then the unit upright (`//` and `/` as `/`).
fn unit(body: &str) -> Option<String> {
    let body = body.trim();
    let split = body
        .find(|c: char| !(c.is_ascii_digit() || ".,eE-+ ".contains(c)))
        .unwrap_or(body.len());
    let (number, unit) = body.split_at(split);
    let unit = unit.replace("//", "/");
    if unit.contains(['\\', '{', '}', '$']) {
        return None;
    }
    let unit = unit
        .split_whitespace()
        .map(|u| format!(r"\mathrm{{{u}}}"))
        .collect::<Vec<_>>()
        .join(r"\,");
    Some(format!(r"{}\,{unit}", number.trim()))
}

/// A chemical equation: species, `+` between them, arrows.
fn equation(body: &str) -> Option<String> {
    const ARROWS: &[(&str, &str)] = &[
        ("<=>", r"\rightleftharpoons"),
        ("<->", r"\leftrightarrow"),
        ("->", r"\rightarrow"),
        ("<-", r"\leftarrow"),
        ("=", "="),
    ];
    let mut parts = Vec::new();
    for word in words(body) {
        if let Some((_, arrow)) = ARROWS.iter().find(|(a, _)| *a == word) {
            parts.push(format!(r"\;{arrow}\;"));
        } else if let Some(arrow) = labelled_arrow(word) {
            parts.push(format!(r"\;{}\;", arrow?));
        } else if word == "+" {
            parts.push("+".to_string());
        } else {
            parts.push(species(word)?);
        }
    }
    Some(parts.join(" "))
}

/// An equation's words, apart at spaces outside an arrow's labels (`->[H2O][heat]`).
fn words(body: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let (mut depth, mut start) = (0usize, None);
    for (i, c) in body.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() && depth == 0 => {
                words.extend(start.take().map(|s| &body[s..i]));
                continue;
            }
            _ => {}
        }
        start.get_or_insert(i);
    }
    words.extend(start.map(|s| &body[s..]));
    words
}

/// An arrow with what happens over it, and under it (`->[I-]`, `<=>[above][below]`):
/// `Some(None)` when its labels are not read.
fn labelled_arrow(word: &str) -> Option<Option<String>> {
    const STRETCHED: &[(&str, &str)] = &[
        ("<=>", r"\xrightleftharpoons"),
        ("<->", r"\xleftrightarrow"),
        ("->", r"\xrightarrow"),
        ("<-", r"\xleftarrow"),
    ];
    let (arrow, labels) = STRETCHED
        .iter()
        .find_map(|(a, tex)| word.strip_prefix(a).map(|rest| (tex, rest)))?;
    let labels = labels.strip_prefix('[')?.strip_suffix(']')?;
    let (above, below) = labels.split_once("][").unwrap_or((labels, ""));
    // A label is chemistry (`I-`, `H2O`) or words (`heat`, `$\Delta$` is not read).
    let label = |text: &str| match text.trim() {
        "" => Some(String::new()),
        text if text.contains(['$', '\\', '{', '}', '[', ']']) => None,
        text if text.chars().all(|c| c.is_ascii_lowercase() || c == ' ') => {
            Some(format!(r"\text{{{text}}}"))
        }
        text => equation(text),
    };
    Some((|| {
        let (above, below) = (label(above)?, label(below)?);
        Some(match below.is_empty() {
            true => format!("{arrow}{{{above}}}"),
            false => format!("{arrow}[{below}]{{{above}}}"),
        })
    })())
}

/// One species: a coefficient, element symbols and groups with their counts as
/// subscripts, a charge as a superscript (`^2-`, `^{2+}`, or a trailing `+`/`-`),
/// a state (`(aq)`), a `.` or `*` for a hydrate's dot.
fn species(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    // The coefficient.
    while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '/') {
        out.push(chars[i]);
        i += 1;
    }
    if i > 0 {
        out.push_str(r"\,");
    }
    let mut formula = String::new();
    while i < chars.len() {
        let c = chars[i];
        match c {
            'A'..='Z' => {
                formula.push(c);
                i += 1;
                while i < chars.len() && chars[i].is_ascii_lowercase() {
                    formula.push(chars[i]);
                    i += 1;
                }
            }
            '0'..='9' => {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                let n: String = chars[start..i].iter().collect();
                formula = format!(r"\mathrm{{{formula}}}_{{{n}}}");
            }
            '(' | '[' => {
                let close = if c == '(' { ')' } else { ']' };
                let end = chars[i..].iter().position(|&d| d == close)? + i;
                let inner: String = chars[i + 1..end].iter().collect();
                if inner.chars().all(|c| c.is_ascii_lowercase()) {
                    // A state: (s), (l), (g), (aq).
                    formula.push_str(&format!(r"\mathrm{{({inner})}}"));
                } else {
                    formula.push_str(&format!(
                        r"\mathrm{{{c}}}{}\mathrm{{{close}}}",
                        species(&inner)?
                    ));
                }
                i = end + 1;
            }
            // An oxidation state or other mark over the element (`Hg^{II}`), not a charge.
            '^' if chars.get(i + 1) == Some(&'{') => {
                let end = chars[i..].iter().position(|&d| d == '}')? + i;
                let mark: String = chars[i + 2..end].iter().collect();
                let charge = mark
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '+' || c == '-');
                if charge && end + 1 == chars.len() {
                    formula = format!(r"{{\mathrm{{{formula}}}}}^{{{mark}}}");
                } else if mark
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-')
                {
                    formula = format!(r"{{\mathrm{{{formula}}}}}^{{\mathrm{{{mark}}}}}");
                } else {
                    return None;
                }
                i = end + 1;
            }
            '^' => {
                let rest: String = chars[i + 1..].iter().collect();
                let charge = rest.trim_start_matches('{').trim_end_matches('}');
                if !charge
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '+' || c == '-')
                {
                    return None;
                }
                formula = format!(r"{{\mathrm{{{formula}}}}}^{{{charge}}}");
                i = chars.len();
            }
            '+' | '-' if i + 1 == chars.len() && !formula.is_empty() => {
                formula = format!(r"{{\mathrm{{{formula}}}}}^{{{c}}}");
                i += 1;
            }
            '.' | '*' => {
                formula.push_str(r"\cdot ");
                i += 1;
            }
            _ => return None,
        }
    }
    out.push_str(&format!(r"\mathrm{{{formula}}}"));
    Some(out)
}
