//! Math: `$…$` inline and `$$…$$` display, as pulldown-cmark reads them (a `$` opens
//! only when the next character is not a space, and closes only when the one before it
//! is not, so `$5 and $10` stays text), rendered at build time to MathML with
//! `pulldown-latex`: browsers show it natively, with no script and nothing fetched. TeX
//! the renderer cannot read is an error where the math starts, and the page shows the
//! TeX as code. Math is left out of search text and readability counts.
//!
//! Mermaid diagrams are not drawn (that would need a script): a ```` ```mermaid ````
//! block is shown as code, with a warning.

use super::{escape, Builder};
use crate::config::UnsupportedSyntax;
use crate::diagnostic::{Code, Diagnostic, Severity};

mod commands;
#[cfg(test)]
mod corpus;
mod environments;
mod inserts;
mod macros;
mod mhchem;
mod numbers;
mod page;
mod quirks;
mod rewrite;
mod sizes;
mod text;
mod wrappers;

use commands::with_mathjax_commands;
use inserts::Insert;
pub(super) use page::Equations;
use rewrite::{with_enclosures, with_infix_fractions, with_rewrites, with_top_level_lines};

/// The MathML elements and attributes the renderer writes, which sanitising keeps.
pub const MATHML_TAGS: &[&str] = &[
    "math",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "mrow",
    "mfrac",
    "msqrt",
    "mroot",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mpadded",
    "mphantom",
    "menclose",
    "mstyle",
    "mmultiscripts",
    "mprescripts",
    "none",
    "semantics",
    "annotation",
];
pub const MATHML_ATTRIBUTES: &[&str] = &[
    "display",
    "displaystyle",
    "scriptlevel",
    "mathvariant",
    "stretchy",
    "symmetric",
    "largeop",
    "movablelimits",
    "maxsize",
    "minsize",
    "linethickness",
    "width",
    "height",
    "depth",
    "lspace",
    "rspace",
    "accent",
    "accentunder",
    "encoding",
    "columnalign",
    "rowspacing",
    "columnspacing",
    "form",
    "fence",
    "separator",
];

/// `tex` as MathML, or the renderer's complaint.
#[cfg(test)]
pub fn to_mathml(tex: &str, display: bool) -> Result<String, String> {
    let (tex, inserts) = inserts::take(tex)?;
    let (mathml, _) = to_mathml_after(&tex, display, "")?;
    Ok(inserts::put(
        &mathml,
        inserts.items.len(),
        |n| match &inserts.items[n] {
            Insert::Mathml(m) => m.clone(),
            Insert::Reference { .. } => "<mtext>?</mtext>".to_string(),
        },
    ))
}

/// The length in bytes of the command name after the `\\` at `at` in `tex`: its
/// letters (`\\frac`), else the one character that is the name (`\\,`, `\\Ω`), 0 at
/// the end of the text.
pub(super) fn command_len(tex: &str, at: usize) -> usize {
    let rest = &tex[at + 1..];
    match rest.bytes().take_while(u8::is_ascii_alphabetic).count() {
        0 => rest.chars().next().map_or(0, char::len_utf8),
        letters => letters,
    }
}

/// Whether `tex` nests groups (`{…}`, `\left…\right`, `\begin…\end`) more than 100
/// deep, which the renderer reads in time growing with the square of the depth.
fn too_deep(tex: &str) -> bool {
    let word = |at: usize, w: &str| {
        let rest = tex[at..].strip_prefix(w);
        rest.is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_alphabetic()))
    };
    let (mut depth, mut i, b) = (0usize, 0, tex.as_bytes());
    while i < b.len() && depth <= 100 {
        let escaped = b[i] == b'\\';
        if b[i] == b'{' || escaped && (word(i + 1, "left") || word(i + 1, "begin")) {
            depth += 1;
        } else if b[i] == b'}' || escaped && (word(i + 1, "right") || word(i + 1, "end")) {
            depth = depth.saturating_sub(1);
        }
        i += 1 + usize::from(escaped);
    }
    depth > 100
}

/// `tex` as MathML with the definitions `page` (`\def…`) made by the page's earlier
/// formulas, and the definitions `tex` makes; or the renderer's complaint, naming the
/// command it does not know.
///
/// TeX that does not render is tried once more as written for Markdown engines that
/// read escapes inside math first (Hugo's, Jekyll's): `\\{`…`\\}` as `\{`…`\}`, `\_` as
/// `_`, `\*` as `*`; what renders as it is is never read so.
fn to_mathml_after(tex: &str, display: bool, page: &str) -> Result<(String, String), String> {
    if too_deep(tex) {
        return Err("its groups nest more than 100 deep".to_string());
    }
    to_mathml_once(tex, display, page).or_else(|e| {
        let unescaped = tex
            .replace(r"\\{", r"\{")
            .replace(r"\\}", r"\}")
            .replace(r"\_", "_")
            .replace(r"\*", "*");
        if unescaped == tex {
            return Err(e);
        }
        to_mathml_once(&unescaped, display, page).map_err(|_| e)
    })
}

fn to_mathml_once(tex: &str, display: bool, page: &str) -> Result<(String, String), String> {
    let tex = mhchem::with_chemistry(tex).unwrap_or(tex.into());
    let tex = environments::with_environments(&tex);
    let tex = macros::with_definitions(&tex);
    let defined = macros::definitions(&tex);
    let tex = if page.is_empty() {
        tex
    } else {
        format!("{page}{tex}").into()
    };
    // First: the rewrites below read `\\{` as an escaped brace.
    let tex = quirks::with_brackets_after_breaks(&tex);
    let tex = rewrite::with_groups(&tex);
    let tex = sizes::with_sizes(&tex);
    let tex = with_rewrites(&tex);
    let tex = with_infix_fractions(&tex);
    let tex = with_top_level_lines(&tex);
    let tex = quirks::with_empty_bases(&tex);
    let tex = quirks::with_arrow_characters(&tex);
    let tex = with_mathjax_commands(&tex);
    let tex = macros::with_braced_scripts(&tex);
    let tex = macros::with_text_arguments(&tex);
    let storage = pulldown_latex::Storage::new();
    let parser = pulldown_latex::Parser::new(&tex, &storage);
    let mut events = Vec::new();
    for event in parser {
        match event {
            Ok(event) => events.push(Ok::<_, pulldown_latex::ParserError>(event)),
            Err(e) => {
                let message = e.to_string();
                let message = message.lines().next().unwrap_or("").trim();
                let message = message.strip_prefix("parsing error: ").unwrap_or(message);
                return Err(match macros::unknown_name(&tex) {
                    Some(name) if message.contains("unk") => format!("{message} (`{name}`)"),
                    _ => message.to_string(),
                });
            }
        }
    }
    let config = pulldown_latex::RenderConfig {
        display_mode: if display {
            pulldown_latex::config::DisplayMode::Block
        } else {
            pulldown_latex::config::DisplayMode::Inline
        },
        ..Default::default()
    };
    let mut out = String::new();
    pulldown_latex::push_mathml(&mut out, events.into_iter(), config).map_err(|e| e.to_string())?;
    // The renderer escapes the entity it writes for `~` and `\ `, which would show.
    // The renderer writes `\Big` delimiters' sizes with no space before them.
    let out = with_enclosures(without_styles(&out).replace("\"minsize=", "\" minsize="));
    let out = quirks::with_spaces_before_scripts(&out).into_owned();
    Ok((out.replace("&amp;nbsp;", "&#160;"), defined))
}

/// `mathml` without `style` attributes (colours, spacing), which the pages' strict
/// Content-Security-Policy would refuse anyway.
fn without_styles(mathml: &str) -> String {
    let mut out = String::with_capacity(mathml.len());
    let mut rest = mathml;
    while let Some(at) = rest.find(" style=\"") {
        out.push_str(&rest[..at]);
        let value = &rest[at + 8..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
    out.push_str(rest);
    out
}

impl Builder<'_, '_> {
    pub(super) fn math(&mut self, tex: &str, display: bool, range: &std::ops::Range<usize>) {
        // A formula that is only a reference is the link to the equation.
        if let Some((label, eqref)) = inserts::only_reference(tex) {
            let inside = self.inside(tex, display, range, tex.len() - tex.trim_start().len());
            let n = self.equations.reference(&label, eqref, inside);
            self.emit_html(Equations::link_token(n));
            return;
        }
        let html = self.math_markup(tex, display, range);
        self.emit_html(html);
    }

    /// A formula's HTML: its MathML, or its TeX as code with a warning (an error with
    /// `unsupported_syntax = "error"`) at its place when it cannot be read.
    pub(super) fn math_markup(
        &mut self,
        tex: &str,
        display: bool,
        range: &std::ops::Range<usize>,
    ) -> String {
        let at = self.position(range);
        match self.math_html(tex, display, range) {
            Ok(html) => html,
            Err(message) => {
                let mut d = Diagnostic::error(
                    Code::Math,
                    format!("math `{}` cannot be read: {message}", short(tex)),
                )
                .at(self.file.to_path_buf(), at.0, at.1);
                // A command no renderer here knows (a vault's own `\micro`, from a
                // plugin's preamble) used in formula after formula is one problem.
                if let Some(command) = unknown_command(&message) {
                    d = d.family(format!("formulas using `{command}`"));
                }
                // TeX that other renderers read (KaTeX's `\ce{}`, `\KaTeX`) is shown
                // as its source while the site is converted, as other syntax is.
                self.out.diagnostics.push(match self.ctx.unsupported_syntax {
                    UnsupportedSyntax::Warn => Diagnostic {
                        severity: Severity::Warning,
                        ..d.help("shown as its TeX source, as code; correct the TeX (or write `\\$` for a dollar sign) to render it, or set `unsupported_syntax = \"error\"` under [build] to make this an error")
                    },
                    UnsupportedSyntax::Error => {
                        d.help("correct the TeX; to show dollar signs as text, write `\\$`")
                    }
                });
                format!("<code class=\"math-error\">{}</code>", escape(tex))
            }
        }
    }

    /// A formula's HTML: its MathML with its inserts, numbers and ids in place, and the
    /// links it holds after it.
    fn math_html(
        &mut self,
        tex: &str,
        display: bool,
        range: &std::ops::Range<usize>,
    ) -> Result<String, String> {
        let at = self.position(range);
        let written = tex;
        let (tex, inserts) = inserts::take(tex)?;
        let equation = display.then(|| numbers::equation(&tex));
        let source = equation.as_ref().map_or(tex.as_str(), |e| e.tex.as_str());
        let (mathml, defined) = to_mathml_after(source, display, &self.math_definitions)?;
        // MathJax keeps a formula's definitions for the page's later formulas.
        self.math_definitions.push_str(&defined);
        let mut references = Vec::new();
        let put: Vec<String> = inserts
            .items
            .iter()
            .map(|insert| match insert {
                Insert::Mathml(mathml) => mathml.clone(),
                Insert::Reference { label, eqref, at } => {
                    let inside = self.inside(written, display, range, *at);
                    let n = self.equations.reference(label, *eqref, inside);
                    references.push(n);
                    format!("<mtext>{}</mtext>", Equations::text_token(n))
                }
            })
            .collect();
        let mut mathml = inserts::put(&mathml, put.len(), |n| put[n].clone());
        if let Some(equation) = equation.filter(numbers::Equation::tagged) {
            let mut rows = Vec::new();
            for row in &equation.rows {
                let (shown, number) = self.tag(&row.tag);
                let id = row.label.as_ref().map(|label| {
                    let id = self.ids.generate(&format!("eq {label}"));
                    let file = self.file;
                    if let Some(d) = self.equations.define(label, number, id.clone(), at, file) {
                        self.out.diagnostics.push(d);
                    }
                    // A link from elsewhere (`page.md#eq-sum`) may lead to it.
                    self.out.html_ids.push(id.clone());
                    id
                });
                rows.push((shown, id));
            }
            mathml = numbers::with_numbers(&mathml, equation.by_row, &rows);
        }
        let mut links: Vec<String> = inserts
            .links
            .iter()
            .map(|(url, text)| {
                let text = to_mathml_after(text, false, &self.math_definitions)
                    .map(|(m, _)| text::plain(&m))
                    .ok()
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| url.clone());
                format!("<a href=\"{}\">{}</a>", escape(url), escape(&text))
            })
            .collect();
        links.extend(references.into_iter().map(Equations::link_token));
        if !links.is_empty() {
            mathml.push_str(&format!(
                " <span class=\"math-links\">{}</span>",
                links.join(" ")
            ));
        }
        Ok(mathml)
    }

    /// The line and column of `tex[offset..]` in the formula at `range`: after its
    /// `$` or `$$`, when the formula is written between them.
    fn inside(
        &self,
        tex: &str,
        display: bool,
        range: &std::ops::Range<usize>,
        offset: usize,
    ) -> (usize, usize) {
        let start = range.start + if display { 2 } else { 1 };
        if range.len() == tex.len() + 2 * (start - range.start) {
            self.position(&(start + offset..start + offset))
        } else {
            self.position(range)
        }
    }

    /// What a tag shows (MathML) and the number a reference to it shows, if any.
    fn tag(&mut self, tag: &numbers::Tag) -> (String, Option<String>) {
        match tag {
            numbers::Tag::Next => {
                let n = self.equations.next();
                (format!("<mtext>({n})</mtext>"), Some(n.to_string()))
            }
            numbers::Tag::Given { tex, starred } => {
                let inner = to_mathml_after(&format!(r"\text{{{tex}}}"), false, "")
                    .ok()
                    .and_then(|(m, _)| {
                        let m = m.strip_prefix("<math display=\"inline\">")?;
                        Some(m.strip_suffix("</math>")?.to_string())
                    })
                    .unwrap_or_else(|| format!("<mtext>{}</mtext>", escape(tex)));
                let number = text::plain(&inner);
                let shown = if *starred {
                    inner
                } else {
                    format!("<mtext>(</mtext>{inner}<mtext>)</mtext>")
                };
                (shown, Some(number))
            }
            numbers::Tag::None => (String::new(), None),
        }
    }
}

/// A formula as text, for a heading's label and the table of contents: what it reads
/// as (`E=mc^2` for `E = mc^2`), else its TeX.
pub(super) fn readable(tex: &str, definitions: &str) -> String {
    inserts::take(tex)
        .and_then(|(tex, _)| to_mathml_after(&tex, false, definitions))
        .map(|(mathml, _)| text::plain(&mathml))
        .ok()
        .filter(|text| !text.contains([inserts::MARK, '\u{F8F0}', '\u{F8F1}']))
        .unwrap_or_else(|| tex.trim().to_string())
}

/// The command a formula's error names as unknown (`unknown primitive command found
/// (`\micro`)`), if it names one.
fn unknown_command(message: &str) -> Option<&str> {
    let (reason, command) = message.strip_suffix("`)")?.rsplit_once(" (`")?;
    reason.contains("unk").then_some(command)
}

fn short(tex: &str) -> String {
    let mut s: String = tex.chars().take(40).collect();
    if s.len() < tex.len() {
        s.push('…');
    }
    s.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rewrite::*;

    #[test]
    fn a_script_with_no_base_is_set_on_an_empty_one() {
        assert_eq!(
            quirks::with_empty_bases(r"x & _1 & ^2 \\ _3 {_4} \_5 \& _6 a_7"),
            r"x & {}_1 & {}^2 \\ {}_3 {{}_4} \_5 \& _6 a_7"
        );
        assert_eq!(quirks::with_empty_bases("_1"), "{}_1");
        // heig-tin-info/handbook's table: three cells in its first row, not one.
        let mathml = to_mathml(
            "\\begin{array}{lrr}\nx & _1 & _2 \\\\\na & b & c\n\\end{array}",
            true,
        )
        .expect("drawn");
        let first_row = mathml.split("</mtr>").next().unwrap_or_default();
        assert_eq!(first_row.matches("<mtd").count(), 3, "{mathml}");
        assert!(!mathml.contains("<msub><mn>1</mn></msub>"), "{mathml}");
    }

    #[test]
    fn what_the_renderer_misreads_is_written_so_it_reads_it() {
        // 12chasse-neige/notes: 242 operators with scripts, arrows inside a pair of
        // delimiters, brackets opening the line after a break.
        let mathml = to_mathml(r"x \sin^{2} y + a\lim_n b", false).expect("drawn");
        assert!(
            mathml.contains("<mspace width=\"0.1667em\" /><msup><mi>sin</mi>"),
            "{mathml}"
        );
        assert!(
            mathml.contains("<mspace width=\"0.1667em\" /><msub><mi>lim</mi>"),
            "{mathml}"
        );
        assert!(!mathml.contains("<msup><mspace") && !mathml.contains("<msub><mspace"));
        let mathml = to_mathml(r"\left(a \rightarrow b \leftarrow c\right)", true).expect("drawn");
        assert!(
            mathml.contains("<mo>→</mo>") && mathml.contains("<mo>←</mo>"),
            "{mathml}"
        );
        let tex = "\\begin{gathered}\n[\\lambda] = -2 \\\\\n[\\kappa] = 0\n\\end{gathered}";
        let mathml = to_mathml(tex, true).expect("drawn");
        assert_eq!(mathml.matches("<mtr>").count(), 2, "{mathml}");
        assert!(mathml.contains("<mi>κ</mi>"), "{mathml}");
        // A group right after a break (OI-wiki's `\\{n \choose 2}`).
        let mathml = to_mathml(r"a\\{n \choose 2}", true).expect("drawn");
        assert!(mathml.contains("<mi>n</mi>"), "{mathml}");
        // Elsewhere the arrows stay commands, and a break's spacing stays its own.
        assert_eq!(
            quirks::with_arrow_characters(r"a \rightarrow b"),
            r"a \rightarrow b"
        );
        assert_eq!(
            quirks::with_brackets_after_breaks(r"a \\[2pt] b"),
            r"a \\[2pt] b"
        );
    }

    #[test]
    fn a_backslash_before_a_letter_of_several_bytes_is_a_command_of_that_letter() {
        // Each once panicked, slicing the text inside the letter after the `\\`.
        for tex in [
            r"\Ω",
            r"x \é y",
            r"\ce{\é}",
            r"\ce{Ω} \pu{1 é}",
            r"\def\x#1{#1#1}\Ω\x{a}",
            r"\frac\𝔸 b",
            "\\",
        ] {
            let _ = to_mathml(tex, true);
            let _ = to_mathml(tex, false);
        }
        assert_eq!(command_len(r"\frac{a}", 0), 4);
        assert_eq!(command_len(r"\Ω", 0), 'Ω'.len_utf8());
        assert_eq!(command_len("\\", 0), 0);
    }

    #[test]
    fn groups_nested_past_100_are_refused_before_the_renderer_reads_them() {
        let nest =
            |open: &str, close: &str, n: usize| format!("{}x{}", open.repeat(n), close.repeat(n));
        assert!(!too_deep(&nest("{", "}", 100)));
        assert!(too_deep(&nest("{", "}", 101)));
        assert!(too_deep(&nest("\\sqrt{", "}", 20_000)));
        assert!(too_deep(&nest("\\left(", "\\right)", 101)));
        assert!(too_deep(&nest("\\begin{matrix}", "\\end{matrix}", 101)));
        // Escaped braces and commands that only begin with `left` or `end` are no groups.
        assert!(!too_deep(&"\\{\\leftarrow\\endash ".repeat(500)));
        assert!(!too_deep(&nest("{", "}", 60).repeat(100)));
        let err = to_mathml(&nest("\\sqrt{", "}", 20_000), true).unwrap_err();
        assert_eq!(err, "its groups nest more than 100 deep");
    }

    #[test]
    fn tex_renders_to_mathml_or_says_why_not() {
        let m = to_mathml("x^2", false).unwrap();
        assert!(m.starts_with("<math"), "{m}");
        assert!(m.contains("<msup>"), "{m}");
        let m = to_mathml("\\frac{a}{b}", true).unwrap();
        assert!(m.contains("display=\"block\""), "{m}");
        assert!(to_mathml("\\frac{a", false).is_err());
        assert!(to_mathml("\\notacommand", false).is_err());
        // Colours would be inline styles, which the pages' policy refuses.
        let m = to_mathml("\\color{red} x", false).unwrap();
        assert!(!m.contains("style="), "{m}");
        assert!(m.contains("<mi>x</mi>"), "{m}");
    }

    #[test]
    fn infix_fractions_are_written_as_the_commands_they_stand_for() {
        // A Quartz garden's binomial coefficients, as KaTeX draws them.
        for (tex, expected) in [
            (r"{n \choose k} = 1", r"{\binom{n}{k}} = 1"),
            (r"n \choose k", r"\binom{n}{k}"),
            (
                r"{m+n \choose r}=\sum_{k=0}^r{m \choose k}",
                r"{\binom{m+n}{r}}=\sum_{k=0}^r{\binom{m}{k}}",
            ),
            (
                r"a &= {1 \over 2} \\ b &= x \over y",
                r"a &= {\frac{1}{2}} \\ b &\frac{= x}{y}",
            ),
            (
                r"\overline{x} \overrightarrow{v}",
                r"\overline{x} \overrightarrow{v}",
            ),
        ] {
            assert_eq!(with_infix_fractions(tex), expected, "{tex}");
        }
        let m = to_mathml(r"f(k) = {n \choose k} p^k", true).unwrap();
        assert!(m.contains("<mi>n</mi>") && m.contains("<mi>k</mi>"), "{m}");
    }

    #[test]
    fn mathjax_commands_obsidian_notes_use_render() {
        // jaythad13/Mathematikezettelkasten: `\left< x^m \right>`, angle brackets as TeX,
        // MathJax and KaTeX read `<` and `>` after `\left`, `\right` and the sized
        // delimiters: 259 formulas were "expected a delimiter token".
        for tex in [
            r"\left< x^m \right> \le G",
            r"\bigl<a,b\bigr>",
            r"\left<x\middle|y\right>",
        ] {
            let m = to_mathml(tex, false).unwrap();
            assert!(m.contains("⟨") && m.contains("⟩"), "{tex}: {m}");
        }
        // Elsewhere they stay the relations.
        assert!(to_mathml(r"a < b > c", false)
            .unwrap()
            .contains("<mo>&lt;</mo>"));
        // From an Obsidian vault's formula notes, which MathJax draws.
        let m = to_mathml(r"\Delta{V} = 593.94 \space m/s \tag{ 2.2 }", true).unwrap();
        assert!(
            m.contains("<mtext>(</mtext><mtext>&nbsp;2.2&nbsp;</mtext><mtext>)</mtext>"),
            "{m}"
        );
        assert!(m.contains("<mtext>&#160;</mtext><mi>m</mi>"), "{m}");
        assert!(!m.contains("<mi>p</mi>"), "{m}");
        let m = to_mathml(r"E = mc^2 \tag*{Einstein} \mbox{and} \hbox{more}", true).unwrap();
        assert!(m.contains("<mtext>Einstein</mtext>"), "{m}");
        assert!(m.contains("<mtext>and</mtext>"), "{m}");
        assert!(m.contains("<mtext>more</mtext>"), "{m}");
        // The logos KaTeX and MathJax draw, as Zola themes' demo pages write them.
        let m = to_mathml(r"\KaTeX \text{ and } \LaTeX, \TeX", false).unwrap();
        for logo in ["KaTeX", "LaTeX", "TeX"] {
            assert!(m.contains(&format!("<mtext>{logo}</mtext>")), "{m}");
        }
        assert!(to_mathml(r"\TeXt", false).is_err());
        // Only what is used is defined; other commands of those names' stems are not.
        assert_eq!(with_mathjax_commands("x^2"), "x^2");
        assert!(to_mathml(r"\spacex", false).is_err());
    }

    #[test]
    fn katex_commands_mdbook_katex_books_use_render() {
        // From a physics textbook in mdBook, which mdbook-katex draws.
        let m = to_mathml(r"\bm{p}_i = \argmin_x f(\bm x) + \argmax_y g", true).unwrap();
        assert!(m.contains("<mi>𝒑</mi>") && m.contains("<mi>𝒙</mi>"), "{m}");
        assert!(
            m.contains("<munder><mi>arg min</mi><mi>x</mi></munder>"),
            "{m}"
        );
        assert!(
            m.contains("<munder><mi>arg max</mi><mi>y</mi></munder>"),
            "{m}"
        );
        assert_eq!(with_mathjax_commands(r"a \bmod b"), r"a \bmod b");
        let m = to_mathml(
            r"\begin{aligned} a &= b \nonumber \\ c &= d \notag\end{aligned}",
            true,
        );
        assert!(m.is_ok(), "{m:?}");
        // Lines one below the other outside any environment.
        let m = to_mathml(r"d(x) > 0 \\ \forall x", true).unwrap();
        assert!(m.contains("<mtable"), "{m}");
        assert_eq!(
            with_top_level_lines(r"\begin{cases} a \\ b \end{cases}"),
            r"\begin{cases} a \\ b \end{cases}"
        );
        assert_eq!(with_top_level_lines(r"\{a\} {b \\ c}"), r"\{a\} {b \\ c}");
        // Groups as KaTeX writes them without braces.
        assert_eq!(
            with_groups(r"\begingroup a \endgroup \endgroups"),
            r"{ a } \endgroups"
        );
        assert!(to_mathml(r"\begingroup a}", false).is_ok());
    }

    #[test]
    fn boxed_and_cancel_draw_a_frame_or_a_strike() {
        let m = to_mathml(r"\boxed{x=1}", true).unwrap();
        assert_eq!(
            m,
            "<math display=\"block\"><mrow class=\"math-boxed\"><mi>x</mi><mo>=</mo><mn>1</mn></mrow></math>"
        );
        // Nested, and each strike with its own class.
        let m = to_mathml(r"a \boxed {\cancel{b} + \bcancel{c} + \xcancel{d}}", true).unwrap();
        assert!(
            m.contains("<mrow class=\"math-boxed\"><mrow class=\"math-cancel\"><mi>b</mi></mrow>"),
            "{m}"
        );
        assert!(
            m.contains("<mrow class=\"math-bcancel\"><mi>c</mi></mrow>"),
            "{m}"
        );
        assert!(
            m.contains("<mrow class=\"math-xcancel\"><mi>d</mi></mrow></mrow>"),
            "{m}"
        );
        assert!(!m.contains(OPEN_MARK) && !m.contains(CLOSE_MARK), "{m}");
        // An unclosed argument is still an error; `\boxedx` is no enclosure.
        assert!(to_mathml(r"\boxed{x", false).is_err());
        assert!(to_mathml(r"\boxedx", false).is_err());
    }

    #[test]
    fn operatorname_star_puts_limits_below() {
        let m = to_mathml(r"\operatorname*{argmax}_{\theta} L", true).unwrap();
        assert!(
            m.contains("<munder><mi>argmax</mi><mrow><mi>θ</mi></mrow></munder>"),
            "{m}"
        );
        assert!(!m.contains('*'), "{m}");
        let m = to_mathml(r"\operatorname{sgn} x", false).unwrap();
        assert!(m.contains("<mi>sgn</mi>"), "{m}");
    }

    #[test]
    fn math_inside_text_is_math() {
        let m = to_mathml(r"\text{if $x>0$ then} y", true).unwrap();
        assert!(m.contains("<mtext>if&nbsp;</mtext><mrow><mi>x</mi>"), "{m}");
        assert!(m.contains("<mtext>&nbsp;then</mtext><mi>y</mi>"), "{m}");
        assert!(!m.contains('$'), "{m}");
        let m = to_mathml(r"\text{$a$}", true).unwrap();
        assert!(!m.contains("<mtext></mtext>"), "{m}");
        // A lone (or escaped) dollar stays text.
        let m = to_mathml(r"\text{costs \$5}", true).unwrap();
        assert!(m.contains("<mtext>costs"), "{m}");
    }

    #[test]
    fn braces_substack_and_tags_render() {
        // Labels under and over braces, stacked limits, equation numbers.
        let m = to_mathml(r"\underbrace{a+b}_{n} + \overbrace{c}^{m}", true).unwrap();
        assert!(
            m.contains("⏟</mo></munder><mrow><mi>n</mi></mrow></munder>"),
            "{m}"
        );
        assert!(
            m.contains("⏞</mo></mover><mrow><mi>m</mi></mrow></mover>"),
            "{m}"
        );
        let m = to_mathml(r"\sum_{\substack{i<n\\j<m}} a_{ij}", true).unwrap();
        assert!(
            m.contains("<munder><mo movablelimits=\"false\">∑</mo><mrow><mtable>"),
            "{m}"
        );
        let m = to_mathml(r"x = 1 \tag{3}", true).unwrap();
        assert!(m.contains("<mtext>3</mtext><mtext>)</mtext>"), "{m}");
    }

    #[test]
    fn environments_real_notes_write_render() {
        // k78ma/quartz, unkokaeru's and bulka4's vaults: `cases` with a third column
        // (`0 & \text{if} & t<0`), drawn by MathJax (Obsidian) and KaTeX, was
        // "alignment not allowed" and shown as TeX.
        let m = to_mathml(
            r"f(t)=\begin{cases} e^{-t} & \text{when} & t\geq0 \\ 0 & \text{when} & t<0 \end{cases}",
            true,
        )
        .unwrap();
        assert!(m.contains("<mo stretchy=\"true\">{</mo><mtable"), "{m}");
        assert_eq!(m.matches("<mtd").count(), 6, "{m}");
        assert!(m.contains("<mtext>when</mtext>"), "{m}");
        let m = to_mathml(r"\begin{rcases} a & b & c \end{rcases}", true).unwrap();
        assert!(m.contains("</mtable><mo stretchy=\"true\">}</mo>"), "{m}");
        assert_eq!(m.matches("<mtd").count(), 3, "{m}");
        // Two columns stay `cases` as the renderer draws it.
        let two = to_mathml(r"\begin{cases} 1 & x>0 \\ 0 & x \le 0 \end{cases}", true).unwrap();
        assert_eq!(two.matches("<mtd").count(), 4, "{two}");
        // LesleyLai/digital-garden: amsmath's `multline*`, "unknown environment".
        for multline in [
            r"\begin{multline*} f(x) = a \\ + b \end{multline*}",
            r"\begin{multline} a \\ = b \end{multline}",
        ] {
            let m = to_mathml(multline, true).unwrap();
            assert!(m.contains("<mtable") && m.contains("<mi>b</mi>"), "{m}");
        }
        let m = to_mathml(
            r"\begin{eqnarray} a & = & b \\ c & = & d \end{eqnarray}",
            true,
        )
        .unwrap();
        assert!(
            m.contains("<mtd class=\"cell-right\">")
                && m.contains("<mtd class=\"cell-left\"><mi>b</mi>"),
            "{m}"
        );
        let m = to_mathml(
            r"\begin{prooftree} \AxiomC{$A$} \AxiomC{$B$} \RightLabel{$\land$I} \BinaryInfC{$A \land B$} \end{prooftree}",
            true,
        )
        .unwrap();
        assert!(m.contains("<mfrac><mrow><mrow><mi>A</mi></mrow><mspace width=\"2em\" /><mrow><mi>B</mi></mrow></mrow>"), "{m}");
        assert!(m.contains("<mtext>I</mtext>"), "{m}");
        let m = to_mathml(
            r"\begin{CD} A @>f>> B \\ @VgVV @VVhV \\ C @>>k> D \end{CD}",
            true,
        )
        .unwrap();
        assert_eq!(m.matches("<mtr>").count(), 3, "{m}");
        assert!(m.contains("<mtd></mtd>") && m.contains("↓"), "{m}");
        // An inference with too few premises is not a proof: reported.
        assert!(to_mathml(r"\begin{prooftree} \UnaryInfC{$A$} \end{prooftree}", true).is_err());
    }

    #[test]
    fn chemistry_and_units_render() {
        let m = to_mathml(r"\ce{2H2 + O2 -> 2H2O}", true).unwrap();
        assert!(m.contains("<msub><mrow><mi mathvariant=\"normal\">H</mi></mrow><mrow><mn>2</mn></mrow></msub>"), "{m}");
        assert!(m.contains("→"), "{m}");
        let m = to_mathml(r"\ce{SO4^2-} \ce{Na+} \ce{A <=> B}", false).unwrap();
        assert!(
            m.contains("<mrow><mn>2</mn><mi>−</mi></mrow></msup>"),
            "{m}"
        );
        assert!(m.contains("<mrow><mi>+</mi></mrow></msup>"), "{m}");
        assert!(m.contains("⇌"), "{m}");
        let m = to_mathml(r"\pu{123 kJ//mol}", false).unwrap();
        assert!(
            m.contains("<mn>123</mn>")
                && m.contains(
                    "<mi mathvariant=\"normal\">k</mi><mi mathvariant=\"normal\">J</mi><mo>/</mo>"
                ),
            "{m}"
        );
        // Arrows with what happens over and under them, an oxidation state over an
        // element: mhchem's own example, in LoveIt's and FixIt's documentation.
        let m = to_mathml(r"\ce{Hg^2+ ->[I-] HgI2 ->[I-] [Hg^{II}I4]^2-}", true).unwrap();
        assert!(m.contains("<mover") || m.contains("<munderover"), "{m}");
        assert_eq!(m.matches("<mover><mo>→</mo>").count(), 2, "{m}");
        let oxidation = "<mi mathvariant=\"normal\">I</mi><mi mathvariant=\"normal\">I</mi></mrow></mrow></msup>";
        assert!(m.contains(oxidation), "{m}");
        assert!(to_mathml(r"\ce{CH3CH2OH ->[H2SO4][heat] C2H4}", false).is_ok());
        // What the reader does not know stays reported, naming the command.
        let e = to_mathml(r"\ce{A ->[$\Delta$] B}", false).unwrap_err();
        assert!(e.contains(r"`\ce`"), "{e}");
    }

    #[test]
    fn definitions_spacing_and_escapes() {
        for tex in [
            r"\newcommand{\R}{\mathbb{R}} x \in \R",
            r"\newcommand\E{\mathbb{E}} \E[X]",
            r"\renewcommand{\vec}[1]{\mathbf{#1}} \vec{v}",
            r"\DeclareMathOperator*{\esssup}{ess\,sup} \esssup_x f",
            r"\gdef\sq#1{#1^2} \sq{y}",
            r"a = b \label{eq:1}",
        ] {
            let m = to_mathml(tex, true);
            assert!(m.is_ok(), "{tex}: {m:?}");
        }
        let m = to_mathml(
            r"\DeclareMathOperator*{\esssup}{ess\,sup} \esssup_x f",
            true,
        )
        .unwrap();
        assert!(m.contains("<munder><mi>ess\u{2009}sup</mi>"), "{m}");
        // A definition is kept for the page's later formulas.
        let (_, defs) = to_mathml_after(r"\newcommand{\norm}[1]{\|#1\|}", true, "").unwrap();
        assert_eq!(defs, r"\def\norm#1{\|#1\|}");
        assert!(to_mathml_after(r"\norm{x}", true, &defs).is_ok());
        assert!(to_mathml(r"\norm{x}", true)
            .unwrap_err()
            .contains(r"(`\norm`)"));
        let m = to_mathml(r"a \phantom{b} c \smash{y} \mathstrut", false).unwrap();
        assert!(
            m.contains("<mphantom><mrow><mi>b</mi></mrow></mphantom>"),
            "{m}"
        );
        assert!(
            m.contains("<mpadded height=\"0\" depth=\"0\"><mrow><mi>y</mi></mrow></mpadded>"),
            "{m}"
        );
        let m = to_mathml(r"\cancelto{0}{x} \fbox{Hi $x$}", false).unwrap();
        assert!(m.contains("<msup><mrow><mrow class=\"math-cancel\"><mi>x</mi></mrow></mrow><mrow><mn>0</mn></mrow></msup>"), "{m}");
        assert!(
            m.contains("<mrow class=\"math-boxed\"><mtext>Hi&nbsp;</mtext>"),
            "{m}"
        );
        let m = to_mathml(r"a < b > c \& d \not< e", false).unwrap();
        assert!(
            m.contains("<mo>&lt;</mo>") && m.contains("<mo>&gt;</mo>"),
            "{m}"
        );
        assert!(m.contains("&amp;") && !m.contains("><</"), "{m}");
        let m = to_mathml(r"\operatorname{arg\,max}_x \char`x \Big( \R", false);
        assert!(m.is_err() || !m.unwrap().contains(r"\,"));
        let m = to_mathml(r"\operatorname{arg\,max}_x \Big( \R \rarr", false).unwrap();
        assert!(m.contains("arg\u{2009}max") && !m.contains(r"\,"), "{m}");
        assert!(m.contains("\" minsize="), "{m}");
        assert!(m.contains("ℝ") && m.contains("→"), "{m}");
    }

    #[test]
    fn what_mathjax_accepts_beyond_latex_renders() {
        // From cp-algorithms (MkDocs with MathJax): an eqnarray of seven columns, an
        // array with more cells than its spec, math escaped for a Markdown engine.
        let m = to_mathml(
            r"\begin{eqnarray} 1 &=& 1 &=& F_2 \\ 2 &=& 2 &=& F_3 \end{eqnarray}",
            true,
        )
        .unwrap();
        assert_eq!(m.matches("<mtd").count(), 10, "{m}");
        let m = to_mathml(
            r"\left\{ \begin{array}{l} a \\ b & \text{if } c \end{array} \right.",
            true,
        )
        .unwrap();
        assert!(m.contains("<mtext>if&nbsp;</mtext>"), "{m}");
        let m = to_mathml(r"\min_k \\{ d(k) \\} + x\_1", true).unwrap();
        assert!(m.contains("<msub><mi>x</mi><mn>1</mn></msub>"), "{m}");
        assert!(!m.contains("<mtable"), "{m}");
        assert_eq!(
            to_mathml(r"\*", false).unwrap(),
            "<math display=\"inline\"><mi>∗</mi></math>"
        );
        // What renders as written is read as written: `\\` then a group is a new line.
        assert!(to_mathml(r"a \\{b}", true).unwrap().contains("<mtable>"));
        // An array as wide as its spec keeps its spec.
        assert_eq!(
            environments::with_environments(r"\begin{array}{c|c} a & b \end{array}"),
            r"\begin{array}{c|c} a & b \end{array}"
        );
    }
}
