//! Environments MathJax and KaTeX draw that the renderer lacks, written as ones it has:
//! `flalign` (as `align`), `multline` (as `gather`), `eqnarray` (an array right, centre, left), `CD` (commutative diagrams: an array of
//! objects and labelled arrows), bussproofs' `prooftree` (a proof as stacked
//! fractions), and `cases` with more than two columns (a brace beside an array).

use super::rewrite::group_end;

/// `tex` with each environment it lacks written as one it has.
pub(super) fn with_environments(tex: &str) -> std::borrow::Cow<'_, str> {
    if !tex.contains(r"\begin{") {
        return tex.into();
    }
    // `flalign` is `align` stretched to the margins: drawn as `align`; `multline`, one
    // equation over lines (the first to the left, the last to the right), as `gather`.
    let mut tex = tex
        .replace(r"\begin{flalign", r"\begin{align")
        .replace(r"\end{flalign", r"\end{align")
        .replace(r"\begin{multline", r"\begin{gather")
        .replace(r"\end{multline", r"\end{gather");
    for (name, write) in [
        ("eqnarray*", eqnarray as fn(&str) -> Option<String>),
        ("eqnarray", eqnarray),
        ("CD", cd),
        ("prooftree", proof_tree),
        ("cases", |body| wide_cases(body, r"\{", ".")),
        ("rcases", |body| wide_cases(body, ".", r"\}")),
    ] {
        let (begin, end) = (format!(r"\begin{{{name}}}"), format!(r"\end{{{name}}}"));
        let mut from = 0;
        while let Some(at) = tex[from..].find(&begin).map(|at| from + at) {
            let Some(close) = tex[at..].find(&end).map(|e| at + e) else {
                break;
            };
            match write(&tex[at + begin.len()..close]) {
                Some(written) => {
                    tex.replace_range(at..close + end.len(), &format!("{{{written}}}"));
                    from = at + written.len() + 2;
                }
                None => from = close,
            }
        }
    }
    with_wide_arrays(&tex).into()
}

/// The rows of an environment's body, split at `\\` outside braces and inner
/// environments: each row's range and its number of cells (one more than the `&`
/// outside them).
pub(super) fn rows(body: &str) -> Vec<(std::ops::Range<usize>, usize)> {
    let bytes = body.as_bytes();
    let (mut depth, mut rows, mut start, mut cells) = (0i32, Vec::new(), 0, 1);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if body[i + 1..].starts_with("begin") => depth += 1,
            b'\\' if body[i + 1..].starts_with("end") => depth -= 1,
            b'\\' if depth == 0 && bytes.get(i + 1) == Some(&b'\\') => {
                rows.push((start..i, cells));
                (start, cells) = (i + 2, 1);
                i += 1;
            }
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' => depth -= 1,
            b'&' if depth == 0 => cells += 1,
            _ => {}
        }
        i += 1;
    }
    rows.push((start..body.len(), cells));
    rows
}

/// The cells of each row of an environment's body (see [`rows`]).
fn row_widths(body: &str) -> Vec<usize> {
    rows(body).into_iter().map(|(_, cells)| cells).collect()
}

/// An `eqnarray` body as an array of columns right, centre, left (repeated for rows
/// with more, as MathJax draws them).
fn eqnarray(body: &str) -> Option<String> {
    let columns = row_widths(body).into_iter().max().unwrap_or(3).max(3);
    let spec: String = "rcl".chars().cycle().take(columns).collect();
    Some(format!(r"\begin{{darray}}{{{spec}}}{body}\end{{darray}}"))
}

/// A `cases` body with a row of more than two cells (`0 & \text{if} & t<0`, which
/// LaTeX refuses and MathJax and KaTeX draw, one more column each) as a brace beside an
/// array of left-aligned columns; `None` for a body `cases` draws itself.
fn wide_cases(body: &str, left: &str, right: &str) -> Option<String> {
    let columns = row_widths(body).into_iter().max()?;
    if columns <= 2 || body.contains(r"\begin{cases}") || body.contains(r"\begin{rcases}") {
        return None;
    }
    let spec = "l".repeat(columns);
    Some(format!(
        r"\left{left}\begin{{array}}{{{spec}}}{body}\end{{array}}\right{right}"
    ))
}

/// `tex` with each `array` whose rows have more cells than its column spec names given
/// left-aligned columns for the rest, as MathJax and KaTeX draw it.
fn with_wide_arrays(tex: &str) -> String {
    let mut tex = tex.to_string();
    let begin = r"\begin{array}";
    let mut from = 0;
    while let Some(at) = tex[from..].find(begin).map(|at| from + at) {
        let open = at + begin.len();
        from = open;
        let Some(spec_end) = group_end(&tex, open) else {
            break;
        };
        let spec = &tex[open + 1..spec_end - 1];
        // Columns: `l`, `c`, `r` and `p{…}`-like letters outside braces.
        let (mut depth, mut named) = (0, 0);
        for c in spec.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                'l' | 'c' | 'r' | 'p' | 'm' | 'b' if depth == 0 => named += 1,
                _ => {}
            }
        }
        let Some(end) = tex[spec_end..].find(r"\end{array}").map(|e| spec_end + e) else {
            break;
        };
        let widest = row_widths(&tex[spec_end..end])
            .into_iter()
            .max()
            .unwrap_or(0);
        if widest > named {
            let more = "l".repeat(widest - named);
            tex.insert_str(spec_end - 1, &more);
        }
    }
    tex
}

/// A `CD` body (`A @>f>> B \\ @VgVV @VVhV \\ C @>>k> D`) as an array.
fn cd(body: &str) -> Option<String> {
    let mut rows = Vec::new();
    let mut width = 0;
    for line in body.split(r"\\") {
        // Cells: objects and arrows, in order; `vertical` when the row has no object.
        let mut cells: Vec<(bool, String)> = Vec::new();
        let mut object = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '@' {
                object.push(c);
                continue;
            }
            let kind = chars.next()?;
            let label = |chars: &mut std::iter::Peekable<std::str::Chars>| {
                let mut l = String::new();
                for c in chars.by_ref() {
                    if c == kind {
                        return Some(l);
                    }
                    l.push(c);
                }
                None
            };
            let arrow = match kind {
                '>' | '<' | 'V' | 'A' => {
                    let (one, two) = (label(&mut chars)?, label(&mut chars)?);
                    match kind {
                        '>' => format!(r"\xrightarrow[{two}]{{{one}}}"),
                        '<' => format!(r"\xleftarrow[{two}]{{{one}}}"),
                        'V' => {
                            format!(r"{{\scriptstyle {one}}}\Big\downarrow{{\scriptstyle {two}}}")
                        }
                        _ => format!(r"{{\scriptstyle {one}}}\Big\uparrow{{\scriptstyle {two}}}"),
                    }
                }
                '=' => r"=\!=".to_string(),
                '|' => r"\Big\Vert".to_string(),
                '.' => String::new(),
                _ => return None,
            };
            let vertical = "VA|".contains(kind) || (kind == '.' && object.trim().is_empty());
            if !vertical {
                cells.push((false, std::mem::take(&mut object)));
            }
            cells.push((true, arrow));
        }
        if !object.trim().is_empty() || cells.iter().any(|(arrow, _)| !arrow) {
            cells.push((false, object));
        }
        let vertical = cells.iter().all(|(arrow, _)| *arrow);
        let row: Vec<String> = if vertical {
            // Arrows between rows stand under the objects: every other column.
            cells
                .into_iter()
                .map(|(_, a)| a)
                .collect::<Vec<_>>()
                .join(" & & ")
                .split(" & ")
                .map(str::to_string)
                .collect()
        } else {
            cells
                .into_iter()
                .map(|(_, c)| c.trim().to_string())
                .collect()
        };
        width = width.max(row.len());
        rows.push(row.join(" & "));
    }
    let columns = "c".repeat(width.max(1));
    Some(format!(
        r"\begin{{array}}{{{columns}}}{}\end{{array}}",
        rows.join(r" \\ ")
    ))
}

/// A `prooftree` body (bussproofs' `\AxiomC{…}`, `\UnaryInfC{…}`…`\QuinaryInfC{…}`,
/// `\LeftLabel{…}`, `\RightLabel{…}`, `\noLine`) as fractions: each inference's
/// premises over its conclusion, labels beside the line.
fn proof_tree(body: &str) -> Option<String> {
    let mut stack: Vec<String> = Vec::new();
    let (mut left, mut right, mut line) = (String::new(), String::new(), true);
    let mut i = 0;
    while let Some(at) = body[i..].find('\\').map(|at| i + at) {
        if !body[i..at].trim().is_empty() {
            return None;
        }
        let len = body[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let name = &body[at + 1..at + 1 + len];
        let after = at + 1 + len;
        let open = after + (body[after..].len() - body[after..].trim_start().len());
        let argument = |i: &mut usize| {
            let end = group_end(body, open)?;
            *i = end;
            Some(format!(r"\text{{{}}}", &body[open + 1..end - 1]))
        };
        i = after;
        let premises = match name {
            "AxiomC" => {
                stack.push(argument(&mut i)?);
                continue;
            }
            "LeftLabel" => {
                left = argument(&mut i)?;
                continue;
            }
            "RightLabel" => {
                right = argument(&mut i)?;
                continue;
            }
            "noLine" => {
                line = false;
                continue;
            }
            "singleLine" | "doubleLine" | "solidLine" | "dashedLine" => continue,
            "UnaryInfC" => 1,
            "BinaryInfC" => 2,
            "TrinaryInfC" => 3,
            "QuaternaryInfC" => 4,
            "QuinaryInfC" => 5,
            _ => return None,
        };
        let conclusion = argument(&mut i)?;
        let above = stack
            .split_off(stack.len().checked_sub(premises)?)
            .join(r" \qquad ");
        let rule = if line { "" } else { "0pt" };
        stack.push(format!(
            r"{left}\,\genfrac{{}}{{}}{{{rule}}}{{0}}{{{above}}}{{{conclusion}}}\,{right}"
        ));
        (left, right, line) = (String::new(), String::new(), true);
    }
    (body[i..].trim().is_empty() && !stack.is_empty()).then(|| stack.join(r" \qquad "))
}
