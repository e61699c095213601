//! A page's equation numbers and the references to them: numbers count up through the
//! page, labels name them, and `\ref`/`\eqref` anywhere on the page (before the label
//! too) become the number, as a link to its row, once the whole page is read.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::markdown::escape;
use std::collections::HashMap;
use std::path::Path;

/// Marks a reference in the page's HTML until the page is read: `T` and the
/// reference's index for its number as text, `L` for its link.
const TOKEN: char = '\u{F8F4}';

struct Label {
    /// The number as text (`2`, `A.1`), if the equation shows one.
    number: Option<String>,
    id: String,
    line: usize,
}

struct Reference {
    label: String,
    eqref: bool,
    line: usize,
    column: usize,
}

#[derive(Default)]
pub(in crate::markdown) struct Equations {
    count: usize,
    labels: HashMap<String, Label>,
    references: Vec<Reference>,
}

impl Equations {
    /// The page's next equation number.
    pub(super) fn next(&mut self) -> usize {
        self.count += 1;
        self.count
    }

    /// Names an equation; a label already used on the page is reported, and references
    /// lead to the first.
    pub(super) fn define(
        &mut self,
        label: &str,
        number: Option<String>,
        id: String,
        (line, column): (usize, usize),
        file: &Path,
    ) -> Option<Diagnostic> {
        if let Some(first) = self.labels.get(label) {
            return Some(
                Diagnostic::warning(
                    Code::Math,
                    format!(
                        "equation label '{label}' is already used on line {}",
                        first.line
                    ),
                )
                .at(file, line, column)
                .help("give each equation its own `\\label{…}`: references lead to the first"),
            );
        }
        let label = label.to_string();
        self.labels.insert(label, Label { number, id, line });
        None
    }

    /// A reference to `label` at `line`:`column`, by its index.
    pub(super) fn reference(
        &mut self,
        label: &str,
        eqref: bool,
        (line, column): (usize, usize),
    ) -> usize {
        self.references.push(Reference {
            label: label.to_string(),
            eqref,
            line,
            column,
        });
        self.references.len() - 1
    }

    pub(super) fn text_token(n: usize) -> String {
        format!("{TOKEN}T{n}{TOKEN}")
    }

    pub(super) fn link_token(n: usize) -> String {
        format!("{TOKEN}L{n}{TOKEN}")
    }

    /// `html` with each reference's number and link in place; a reference to a label
    /// the page lacks, or to an equation without a number, reported.
    pub(in crate::markdown) fn resolve(
        &self,
        html: String,
        file: &Path,
        diagnostics: &mut Diagnostics,
    ) -> String {
        if self.references.is_empty() {
            return html;
        }
        let mut shown = Vec::with_capacity(self.references.len());
        for r in &self.references {
            let target = self.labels.get(&r.label);
            let number = target.and_then(|l| l.number.as_deref());
            let problem = match (target, number) {
                (None, _) => Some(format!(
                    "`\\{}{{{}}}` names a label no equation on this page has",
                    if r.eqref { "eqref" } else { "ref" },
                    r.label
                )),
                (Some(_), None) => Some(format!(
                    "equation label '{}' is on an equation without a number",
                    r.label
                )),
                _ => None,
            };
            if let Some(message) = problem {
                diagnostics.push(
                    Diagnostic::warning(Code::Math, message)
                        .at(file, r.line, r.column)
                        .help("references lead to a `\\label{…}` on the same page, in an equation that is numbered (`equation`, `align`…) or has a `\\tag{…}`; shown as ???"),
                );
            }
            let text = escape(number.unwrap_or("???"));
            let text = if r.eqref { format!("({text})") } else { text };
            let link = match (target, number) {
                (Some(l), Some(_)) => format!(
                    "<a class=\"math-ref\" href=\"#{}\">{text}</a>",
                    escape(&l.id)
                ),
                _ => text.clone(),
            };
            shown.push((text, link));
        }
        // One pass over the page: `TOKEN`, `T` or `L`, the index, `TOKEN`.
        let mut out = String::with_capacity(html.len());
        let mut rest = html.as_str();
        while let Some(at) = rest.find(TOKEN) {
            out.push_str(&rest[..at]);
            let after = &rest[at + TOKEN.len_utf8()..];
            let kind = after.chars().next();
            let digits = after
                .get(1..)
                .map_or(0, |d| d.bytes().take_while(u8::is_ascii_digit).count());
            let n = after
                .get(1..1 + digits)
                .and_then(|d| d.parse::<usize>().ok());
            let close = after
                .get(1 + digits..)
                .is_some_and(|c| c.starts_with(TOKEN));
            match (kind, n.and_then(|n| shown.get(n)), close) {
                (Some('T'), Some((text, _)), true) => out.push_str(text),
                (Some('L'), Some((_, link)), true) => out.push_str(link),
                _ => {
                    out.push(TOKEN);
                    rest = after;
                    continue;
                }
            }
            rest = &after[1 + digits + TOKEN.len_utf8()..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests::parse_md;

    fn messages(p: &crate::markdown::Parsed) -> Vec<String> {
        (&p.diagnostics)
            .into_iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn equations_are_numbered_and_references_link_to_them() {
        let p = parse_md(concat!(
            "Intro: see $\\eqref{sum}$ and $\\ref{last}$.\n\n",
            "$$\n\\begin{align}\na &= b \\label{sum} \\\\\nc &= d \\notag \\\\\ne &= f\n\\end{align}\n$$\n\n",
            "$$\\begin{equation} x \\label{last} \\end{equation}$$\n\n",
            "$$ y = 2 \\tag{A.1} \\label{tagged} $$\n\n",
            "$$\\begin{align*} z \\end{align*}$$\n\n",
            "By $$ w = \\eqref{tagged} + \\ref{sum} $$ too.\n",
        ));
        let html = &p.html;
        assert!(
            html.contains("<a class=\"math-ref\" href=\"#eq-sum\">(1)</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a class=\"math-ref\" href=\"#eq-last\">3</a>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<mtr id=\"eq-sum\"><mtd class=\"math-pad\"><mphantom><mtext>(1)</mtext></mphantom></mtd>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<mtd class=\"math-tag\"><mtext>(1)</mtext></mtd>"),
            "{html}"
        );
        assert!(html.contains("<mtd class=\"math-tag\"></mtd>"), "{html}");
        assert!(
            html.contains("<mtd class=\"math-tag\"><mtext>(2)</mtext></mtd>"),
            "{html}"
        );
        assert!(html.contains("<mtr id=\"eq-last\">"), "{html}");
        assert!(html.contains("<mtext>(3)</mtext>"), "{html}");
        assert!(
            html.contains("<mtext>(</mtext><mtext>A.1</mtext><mtext>)</mtext>"),
            "{html}"
        );
        assert!(!html.contains("<mtext>(4)</mtext>"), "{html}");
        // Inside a formula: the number as text, the link after the formula.
        assert!(html.contains("<mtext>(A.1)</mtext>"), "{html}");
        assert!(html.contains("<span class=\"math-links\"><a class=\"math-ref\" href=\"#eq-tagged\">(A.1)</a> <a class=\"math-ref\" href=\"#eq-sum\">1</a></span>"), "{html}");
        assert!(
            !html.contains('\u{F8F4}') && !html.contains('\u{F8F2}'),
            "{html}"
        );
        assert!(messages(&p).is_empty(), "{:?}", messages(&p));
        // Links from elsewhere may lead to a labelled equation.
        assert_eq!(p.html_ids, ["eq-sum", "eq-last", "eq-tagged"]);
    }

    #[test]
    fn a_reference_to_no_label_and_a_label_used_twice_are_reported() {
        let p = parse_md(concat!(
            "Text.\n\n",
            "$$\\begin{equation} a \\label{one} \\end{equation}$$\n\n",
            "$$\\begin{equation} b \\label{one} \\end{equation}$$\n\n",
            "See $\\eqref{two}$, $x + \\ref{three}$ and $\\ref{plain}$.\n\n",
            "$$ c \\label{plain} $$\n",
        ));
        assert_eq!(
            messages(&p),
            [
                "5:1 equation label 'one' is already used on line 3",
                "7:6 `\\eqref{two}` names a label no equation on this page has",
                "7:25 `\\ref{three}` names a label no equation on this page has",
                "7:43 equation label 'plain' is on an equation without a number",
            ]
        );
        assert!(p.html.contains("See (???), <math"), "{}", p.html);
        assert!(p.html.contains("<mtext>???</mtext>"), "{}", p.html);
        // The second label keeps an id of its own.
        assert!(p.html.contains("id=\"eq-one\"") && p.html.contains("id=\"eq-one-1\""));
    }

    #[test]
    fn links_verbatim_text_and_rules_in_formulas() {
        let p = parse_md(concat!(
            "Text.\n\n",
            "$$ f(x) \\quad \\href{https://example.org/f}{\\text{source}} \\quad \\url{https://example.org/a_b} $$\n\n",
            "Code $\\verb|a_{1} & b|$ and $\\rule{2em}{1pt}$.\n\n",
            "Bad $\\href{javascript:x}{y}$.\n",
        ));
        let html = &p.html;
        assert!(html.contains("<span class=\"math-links\"><a href=\"https://example.org/f\">source</a> <a href=\"https://example.org/a_b\">https://example.org/a_b</a></span>"), "{html}");
        assert!(
            html.contains("<mtext class=\"math-verb\">https://example.org/a_b</mtext>"),
            "{html}"
        );
        assert!(
            html.contains("<mtext class=\"math-verb\">a_{1}&#160;&amp;&#160;b</mtext>"),
            "{html}"
        );
        assert!(
            html.contains("<mspace class=\"math-rule\" width=\"2em\" height=\"1pt\" />"),
            "{html}"
        );
        assert!(
            !html.contains("javascript:x</a>") && !html.contains("href=\"javascript"),
            "{html}"
        );
        let m = messages(&p);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].starts_with("7:5 math `\\href{javascript:x}{y}` cannot be read"),
            "{m:?}"
        );
    }

    #[test]
    fn many_references_and_marks_are_put_in_one_pass() {
        // Each was a replace over the whole page (or formula): quadratic.
        let refs = "$\\eqref{a}$ ".repeat(20_000);
        let verbs = "\\verb|x| ".repeat(5_000);
        let md = format!("{refs}\n\n$$ {verbs} \\label{{a}} \\tag{{1}} $$\n");
        let start = std::time::Instant::now();
        let p = parse_md(&md);
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
        assert_eq!(p.html.matches("href=\"#eq-a\">(1)</a>").count(), 20_000);
        assert_eq!(p.html.matches("math-verb").count(), 5_000);
    }
}
