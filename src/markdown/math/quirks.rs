//! Where the renderer (pulldown-latex) misreads TeX that MathJax and KaTeX draw: the
//! TeX written so it reads it, or the MathML it writes set right.

/// `tex` with an empty base `{}` before each `_` or `^` that has none: at the start of
/// the formula, of a group, of a line or of an alignment's cell (`x & _1 & _2 \\`, as
/// heig-tin-info/handbook writes a table's indices). TeX sets such a script on an empty
/// box; the renderer hung it on what came before, the cell's `&`, and merged the cells.
pub(super) fn with_empty_bases(tex: &str) -> std::borrow::Cow<'_, str> {
    if !tex.contains(['_', '^']) {
        return tex.into();
    }
    let bytes = tex.as_bytes();
    // How many backslashes stand right before `at`: an odd number escapes it.
    let backslashes = |at: usize| {
        bytes[..at]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count()
    };
    let mut out = String::with_capacity(tex.len() + 8);
    let mut copied = 0;
    let mut changed = false;
    for (at, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'_' | b'^') || backslashes(at) % 2 == 1 {
            continue;
        }
        let before = tex[..at].trim_end();
        let bare = match before.as_bytes().last() {
            None => true,
            Some(b'&' | b'{') => backslashes(before.len() - 1) % 2 == 0,
            // A line break `\\` (an even run of backslashes).
            Some(b'\\') => backslashes(before.len()) % 2 == 0,
            Some(_) => false,
        };
        if bare {
            out.push_str(&tex[copied..at]);
            out.push_str("{}");
            copied = at;
            changed = true;
        }
    }
    if !changed {
        return tex.into();
    }
    out.push_str(&tex[copied..]);
    out.into()
}

/// Arrows whose names start as `\left` or `\right` do, which the renderer takes for
/// the delimiter commands inside a `\left … \right` pair ("expected a delimiter
/// token": `\left(a \rightarrow b\right)` in a physics course), each with the
/// character it draws.
const ARROWS: &[(&str, &str)] = &[
    ("leftarrow", "←"),
    ("leftarrowtail", "↢"),
    ("leftharpoondown", "↽"),
    ("leftharpoonup", "↼"),
    ("leftleftarrows", "⇇"),
    ("leftrightarrow", "↔"),
    ("leftrightarrows", "⇆"),
    ("leftrightharpoons", "⇋"),
    ("leftrightsquigarrow", "↭"),
    ("leftthreetimes", "⋋"),
    ("rightarrow", "→"),
    ("rightarrowtail", "↣"),
    ("rightharpoondown", "⇁"),
    ("rightharpoonup", "⇀"),
    ("rightleftarrows", "⇄"),
    ("rightleftharpoons", "⇌"),
    ("rightrightarrows", "⇉"),
    ("rightsquigarrow", "⇝"),
    ("rightthreetimes", "⋌"),
];

/// `tex` with each arrow of [`ARROWS`] written as its character, in a formula that
/// has a `\left … \right` pair for the renderer to misread it in.
pub(super) fn with_arrow_characters(tex: &str) -> std::borrow::Cow<'_, str> {
    let pair = ["\\left", "\\right"].iter().any(|command| {
        tex.match_indices(command).any(|(at, _)| {
            !tex[at + command.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        })
    });
    if !pair {
        return tex.into();
    }
    let mut out = String::with_capacity(tex.len());
    let mut i = 0;
    let mut changed = false;
    while let Some(at) = tex[i..].find('\\').map(|at| i + at) {
        let len = super::command_len(tex, at);
        let name = &tex[at + 1..at + 1 + len];
        out.push_str(&tex[i..at]);
        match ARROWS.iter().find(|(n, _)| *n == name) {
            Some((_, arrow)) => {
                out.push_str(arrow);
                changed = true;
            }
            None => out.push_str(&tex[at..at + 1 + len]),
        }
        i = at + 1 + len;
        if len == 0 {
            break;
        }
    }
    if !changed {
        return tex.into();
    }
    out.push_str(&tex[i..]);
    out.into()
}

/// `tex` with an empty group after a line break `\\` that white space separates from
/// a `[`: MathJax reads `[` as the line's text there (`\\` then `[\kappa] = 0` on the
/// next line), the renderer as the break's spacing ("expected a dimensional unit").
/// And a space between a break and a group right after it: the renderer refused
/// `\\{n \choose 2}` ("expected a token"), which MathJax and KaTeX set as the next
/// line's binomial (OI-wiki).
pub(super) fn with_brackets_after_breaks(tex: &str) -> std::borrow::Cow<'_, str> {
    if !tex.contains("\\\\") {
        return tex.into();
    }
    let bytes = tex.as_bytes();
    let mut out = String::with_capacity(tex.len() + 8);
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = tex[i..].find("\\\\").map(|at| i + at) {
        let after = at + 2;
        let spaced = bytes.get(after).is_some_and(u8::is_ascii_whitespace);
        if spaced && tex[after..].trim_start().starts_with('[') {
            out.push_str(&tex[copied..after]);
            out.push_str("{}");
            copied = after;
        } else if bytes.get(after) == Some(&b'{') {
            out.push_str(&tex[copied..after]);
            out.push(' ');
            copied = after;
        }
        i = after;
    }
    if copied == 0 {
        return tex.into();
    }
    out.push_str(&tex[copied..]);
    out.into()
}

/// `mathml` with the thin space the renderer writes before an operator's name (`\sin`,
/// `\lim`) moved out of the script element it wrote it into: `\sin^2 x` was
/// `<msup><mspace/><mi>sin</mi><mn>2</mn></msup>`, three children where a script
/// takes two, drawn wrong (and refused by the Nu checker).
pub(super) fn with_spaces_before_scripts(mathml: &str) -> std::borrow::Cow<'_, str> {
    const SCRIPTS: &[&str] = &["msup", "msub", "msubsup", "munder", "mover", "munderover"];
    if !mathml.contains("><mspace") {
        return mathml.into();
    }
    let mut out = mathml.to_string();
    for script in SCRIPTS {
        let open = format!("<{script}><mspace");
        while let Some(at) = out.find(&open) {
            let space_at = at + script.len() + 2;
            let Some(end) = out[space_at..].find("/>").map(|e| space_at + e + 2) else {
                break;
            };
            let space = out[space_at..end].to_string();
            out.replace_range(at..end, &format!("{space}<{script}>"));
        }
    }
    out.into()
}
