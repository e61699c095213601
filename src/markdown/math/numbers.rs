//! Equation numbers, as MathJax numbers them with `tags: 'ams'`: each row of `align`,
//! `gather`, `flalign`, `alignat` and `eqnarray`, and each `equation` and `multline`,
//! takes the page's next number unless it is starred or says `\notag`/`\nonumber`;
//! `\tag{…}` gives a number of its own (in parentheses), `\tag*{…}` the same without
//! them, in any display formula. `\label{…}` names the row (or formula) for `\ref`
//! and `\eqref`.
//!
//! The number is a cell of its own at the right of its row (`mlabeledtr`, which
//! MathML has for this, is not in MathML Core and Chromium draws no label), so it is
//! part of the formula a screen reader reads; a cell as wide on the left holds the
//! same number as a phantom (hidden, and not read), so the formula stays centred.
//! Chromium sizes no table or cell inside `<math>` by CSS, so the number stands beside
//! its row rather than at the margin.

use super::rewrite::group_end;

/// Environments numbered row by row, and those numbered once.
const BY_ROW: &[&str] = &["align", "gather", "flalign", "alignat", "eqnarray"];
const ONCE: &[&str] = &["equation", "multline"];

/// What a row (or a formula numbered once) shows at its right.
#[derive(Debug, PartialEq)]
pub(super) enum Tag {
    /// The page's next number.
    Next,
    /// `\tag{…}` (`starred` for `\tag*{…}`), its TeX.
    Given {
        tex: String,
        starred: bool,
    },
    None,
}

#[derive(Debug, PartialEq)]
pub(super) struct Row {
    pub(super) tag: Tag,
    pub(super) label: Option<String>,
}

/// A display formula without its tags and labels, and what each of its rows shows.
#[derive(Debug, PartialEq)]
pub(super) struct Equation {
    pub(super) tex: String,
    /// One for each row of an environment numbered row by row, else one for the whole.
    pub(super) rows: Vec<Row>,
    pub(super) by_row: bool,
}

impl Equation {
    /// Whether the formula shows a number or has a label, so needs a table around it.
    pub(super) fn tagged(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.tag != Tag::None || r.label.is_some())
    }
}

/// The environment the whole of `tex` is, its name and where its body starts and ends.
fn whole_environment(tex: &str) -> Option<(&str, usize, usize)> {
    let start = tex.len() - tex.trim_start().len();
    let rest = tex[start..].strip_prefix(r"\begin{")?;
    let name = &rest[..rest.find('}')?];
    let mut body = start + r"\begin{".len() + name.len() + 1;
    if name.trim_end_matches('*') == "alignat" {
        // `\begin{alignat}{2}`: the number of columns.
        let open = body + (tex[body..].len() - tex[body..].trim_start().len());
        body = group_end(tex, open)?;
    }
    let end_tag = format!(r"\end{{{name}}}");
    let trimmed = tex.trim_end();
    let end = trimmed.strip_suffix(end_tag.as_str())?.len();
    // The same environment opening again inside would end before the last `\end`.
    if end < body || tex[body..end].contains(&format!(r"\begin{{{name}}}")) {
        return None;
    }
    Some((name, body, end))
}

/// `tex` without its `\tag`, `\notag`, `\nonumber` and `\label`; the first tag given,
/// whether a `\notag` was there, and the first label.
fn take_tags(tex: &str) -> (String, Option<(String, bool)>, bool, Option<String>) {
    let (mut out, mut tag, mut notag, mut label) = (String::new(), None, false, None);
    let mut i = 0;
    while let Some(at) = tex[i..].find('\\').map(|at| i + at) {
        out.push_str(&tex[i..at]);
        let len = super::command_len(tex, at);
        let name = &tex[at + 1..at + 1 + len];
        let after = at + 1 + len;
        i = after;
        match name {
            "notag" | "nonumber" => notag = true,
            "tag" | "label" => {
                let starred = name == "tag" && tex[after..].starts_with('*');
                let from = after + usize::from(starred);
                let open = from + (tex[from..].len() - tex[from..].trim_start().len());
                match group_end(tex, open) {
                    Some(end) => {
                        let arg = tex[open + 1..end - 1].trim().to_string();
                        if name == "label" {
                            label.get_or_insert(arg);
                        } else {
                            tag.get_or_insert((arg, starred));
                        }
                        i = end;
                    }
                    None => out.push_str(&tex[at..after]),
                }
            }
            _ => out.push_str(&tex[at..after]),
        }
    }
    out.push_str(&tex[i..]);
    (out, tag, notag, label)
}

fn row(tex: &str, numbered: bool) -> (String, Row) {
    let (tex, given, notag, label) = take_tags(tex);
    let tag = match given {
        Some((tex, starred)) => Tag::Given { tex, starred },
        None if numbered && !notag => Tag::Next,
        None => Tag::None,
    };
    (tex, Row { tag, label })
}

/// A display formula's rows and what each shows, and its TeX without the commands
/// that say so.
pub(super) fn equation(tex: &str) -> Equation {
    let Some((name, body, end)) = whole_environment(tex) else {
        let (tex, row) = row(tex, false);
        return Equation {
            tex,
            rows: vec![row],
            by_row: false,
        };
    };
    let numbered = !name.ends_with('*');
    let base = name.trim_end_matches('*');
    if BY_ROW.contains(&base) {
        let ranges = super::environments::rows(&tex[body..end]);
        let last = ranges.len() - 1;
        let mut out = tex[..body].to_string();
        let mut rows = Vec::new();
        for (n, (range, _)) in ranges.into_iter().enumerate() {
            let (text, mut r) = row(&tex[body + range.start..body + range.end], numbered);
            // A `\\` closing the last line opens no row that is numbered.
            if n == last && n > 0 && text.trim().is_empty() && r.tag == Tag::Next {
                r.tag = Tag::None;
            }
            out.push_str(&text);
            if n < last {
                out.push_str(r"\\");
            }
            rows.push(r);
        }
        out.push_str(&tex[end..]);
        return Equation {
            tex: out,
            rows,
            by_row: true,
        };
    }
    let (text, row) = row(&tex[body..end], numbered && ONCE.contains(&base));
    Equation {
        tex: format!("{}{text}{}", &tex[..body], &tex[end..]),
        rows: vec![row],
        by_row: false,
    }
}

/// The cell on the left of a row that keeps the formula centred: its number, unseen.
fn pad_cell(tag: &str) -> String {
    if tag.is_empty() {
        "<mtd class=\"math-pad\"></mtd>".to_string()
    } else {
        format!("<mtd class=\"math-pad\"><mphantom>{tag}</mphantom></mtd>")
    }
}

/// A row's number cell.
fn tag_cell(tag: &str) -> String {
    format!("<mtd class=\"math-tag\">{tag}</mtd>")
}

fn row_open(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("<mtr id=\"{}\">", super::super::escape(id)),
        None => "<mtr>".to_string(),
    }
}

/// `mathml` (a display formula) with each row's number (MathML, or empty) and id: in
/// a cell of its own at the right of an environment's rows, or of the whole formula.
pub(super) fn with_numbers(
    mathml: &str,
    by_row: bool,
    rows: &[(String, Option<String>)],
) -> String {
    let Some(open_end) = mathml.find('>').map(|e| e + 1) else {
        return mathml.to_string();
    };
    let (open, inner) = (&mathml[..open_end], &mathml[open_end..]);
    let inner = inner.strip_suffix("</math>").unwrap_or(inner);
    // `eqnarray`, written as an array in braces, is in a row of its own.
    let table = inner
        .strip_prefix("<mrow>")
        .and_then(|t| t.strip_suffix("</mrow>"))
        .filter(|t| t.starts_with("<mtable"))
        .unwrap_or(inner);
    if by_row && table.starts_with("<mtable") && table.ends_with("</mtable>") {
        return format!("{open}{}</math>", numbered_rows(table, rows));
    }
    let (tag, id) = rows
        .first()
        .map_or(("", None), |(t, id)| (t.as_str(), id.as_deref()));
    format!(
        "{open}<mtable class=\"math-numbered\">{}{}<mtd>{inner}</mtd>{}</mtr></mtable></math>",
        row_open(id),
        pad_cell(tag),
        tag_cell(tag)
    )
}

/// An `<mtable>` with a centring cell first and a number cell last in each of its own
/// rows (not those of tables inside it).
fn numbered_rows(table: &str, rows: &[(String, Option<String>)]) -> String {
    let mut out = String::with_capacity(table.len() + rows.len() * 64);
    let (mut depth, mut row, mut i) = (0usize, 0usize, 0);
    while let Some(at) = table[i..].find('<').map(|at| i + at) {
        out.push_str(&table[i..at]);
        let end = table[at..].find('>').map_or(table.len(), |e| at + e + 1);
        let tag = &table[at..end];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        match name.as_str() {
            "mtable" => {
                depth += 1;
                if depth == 1 {
                    out.push_str(&match tag.find("class=\"") {
                        Some(c) => format!("{}math-numbered {}", &tag[..c + 7], &tag[c + 7..]),
                        None => tag.replacen("<mtable", "<mtable class=\"math-numbered\"", 1),
                    });
                } else {
                    out.push_str(tag);
                }
            }
            "/mtable" => {
                depth = depth.saturating_sub(1);
                out.push_str(tag);
            }
            "mtr" if depth == 1 => {
                let id = rows.get(row).and_then(|(_, id)| id.as_deref());
                let number = rows.get(row).map_or("", |(t, _)| t.as_str());
                out.push_str(&row_open(id));
                out.push_str(&pad_cell(number));
            }
            "/mtr" if depth == 1 => {
                let number = rows.get(row).map_or("", |(t, _)| t.as_str());
                out.push_str(&tag_cell(number));
                out.push_str(tag);
                row += 1;
            }
            _ => out.push_str(tag),
        }
        i = end;
    }
    out.push_str(&table[i..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(eq: &Equation) -> Vec<&Tag> {
        eq.rows.iter().map(|r| &r.tag).collect()
    }

    #[test]
    fn rows_are_numbered_as_mathjax_numbers_them() {
        let eq = equation(
            r"\begin{align} a &= b \label{first} \\ c &= d \notag \\ e &= f \tag{*} \end{align}",
        );
        assert!(eq.by_row);
        assert_eq!(
            tags(&eq),
            [
                &Tag::Next,
                &Tag::None,
                &Tag::Given {
                    tex: "*".into(),
                    starred: false
                }
            ]
        );
        assert_eq!(eq.rows[0].label.as_deref(), Some("first"));
        assert_eq!(
            eq.tex,
            r"\begin{align} a &= b  \\ c &= d  \\ e &= f  \end{align}"
        );
        // Starred: only what is tagged; a closing `\\` is no row.
        let eq = equation(r"\begin{gather*} a \\ b \tag*{B} \\ \end{gather*}");
        assert_eq!(
            tags(&eq),
            [
                &Tag::None,
                &Tag::Given {
                    tex: "B".into(),
                    starred: true
                },
                &Tag::None
            ]
        );
        let eq = equation(r"\begin{align} a \\ \end{align}");
        assert_eq!(tags(&eq), [&Tag::Next, &Tag::None]);
        // Numbered once; rows of an inner environment are not split.
        let eq = equation(
            r"\begin{equation} \begin{split} a &= b \\ &= c \end{split} \label{s} \end{equation}",
        );
        assert!(!eq.by_row);
        assert_eq!(tags(&eq), [&Tag::Next]);
        assert_eq!(eq.rows[0].label.as_deref(), Some("s"));
        let eq = equation(r"\begin{alignat}{2} a &= b & c &= d \\ e &= f \nonumber \end{alignat}");
        assert_eq!(tags(&eq), [&Tag::Next, &Tag::None]);
        assert!(eq.tex.starts_with(r"\begin{alignat}{2} a"), "{}", eq.tex);
        // Outside any environment: only a tag.
        assert_eq!(tags(&equation("x = 1")), [&Tag::None]);
        let eq = equation(r"x = 1 \tag{1.2} \label{x}");
        assert_eq!(
            tags(&eq),
            [&Tag::Given {
                tex: "1.2".into(),
                starred: false
            }]
        );
        assert_eq!(eq.tex.trim(), "x = 1");
        // An environment that is only part of the formula is not the formula's.
        assert_eq!(
            tags(&equation(r"\begin{equation} a \end{equation} + b")),
            [&Tag::None]
        );
        // A `\tag` without its group stays, for the renderer to report.
        assert_eq!(equation(r"x \tag").tex, r"x \tag");
    }

    #[test]
    fn numbers_are_cells_at_the_right_of_their_rows() {
        let m = "<math display=\"block\"><mtable class=\"menv-align\"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mtable><mtr><mtd><mi>b</mi></mtd></mtr></mtable></mtd></mtr></mtable></math>";
        let rows = [
            ("<mtext>(1)</mtext>".to_string(), Some("eq-a".to_string())),
            (String::new(), None),
        ];
        let out = with_numbers(m, true, &rows);
        assert_eq!(out, "<math display=\"block\"><mtable class=\"math-numbered menv-align\"><mtr id=\"eq-a\"><mtd class=\"math-pad\"><mphantom><mtext>(1)</mtext></mphantom></mtd><mtd><mi>a</mi></mtd><mtd class=\"math-tag\"><mtext>(1)</mtext></mtd></mtr><mtr><mtd class=\"math-pad\"></mtd><mtd><mtable><mtr><mtd><mi>b</mi></mtd></mtr></mtable></mtd><mtd class=\"math-tag\"></mtd></mtr></mtable></math>");
        let out = with_numbers(
            "<math display=\"block\"><mi>x</mi></math>",
            false,
            &rows[..1],
        );
        assert_eq!(out, "<math display=\"block\"><mtable class=\"math-numbered\"><mtr id=\"eq-a\"><mtd class=\"math-pad\"><mphantom><mtext>(1)</mtext></mphantom></mtd><mtd><mi>x</mi></mtd><mtd class=\"math-tag\"><mtext>(1)</mtext></mtd></mtr></mtable></math>");
    }
}
