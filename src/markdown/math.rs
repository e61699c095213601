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

/// Commands of MathJax (which Obsidian and most Hugo themes draw math with) and KaTeX
/// (Zola's themes) that the renderer lacks, as what they make of them: `\space`,
/// `\mbox{…}` and `\hbox{…}` (text), an equation's `\tag{1}` (its number, set apart at
/// the end) and `\tag*{…}` (the same without parentheses), and the logos `\TeX`,
/// `\LaTeX` and `\KaTeX` (their names, as text); KaTeX's `\bm{x}` (bold symbol, as
/// the `bm` package's), `\argmin` and `\argmax` (operators with limits below), and
/// `\nonumber`/`\notag` (no equation number: the renderer numbers none).
const MATHJAX: &[(&str, &str)] = &[
    ("bm", r"\def\bm#1{\boldsymbol{#1}}"),
    ("argmin", r"\def\argmin{\operatorname{arg min}\limits}"),
    ("argmax", r"\def\argmax{\operatorname{arg max}\limits}"),
    ("nonumber", r"\def\nonumber{}"),
    ("notag", r"\def\notag{}"),
    ("TeX", r"\def\TeX{\text{TeX}}"),
    ("LaTeX", r"\def\LaTeX{\text{LaTeX}}"),
    ("KaTeX", r"\def\KaTeX{\text{KaTeX}}"),
    ("space", r"\def\space{~}"),
    ("mbox", r"\def\mbox#1{\text#1}"),
    ("hbox", r"\def\hbox#1{\text#1}"),
    (
        "tag",
        r"\def\tag#1{\qquad\text{(}\text#1\text{)}}\def\attunetagstar#1{\qquad\text#1}",
    ),
];

/// `tex` with definitions of the [`MATHJAX`] commands it uses put first.
fn with_mathjax_commands(tex: &str) -> std::borrow::Cow<'_, str> {
    let uses = |name: &str| {
        tex.match_indices('\\').any(|(at, _)| {
            let rest = &tex[at + 1..];
            rest.starts_with(name)
                && !rest[name.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        })
    };
    let defs: String = MATHJAX
        .iter()
        .filter(|(name, _)| uses(name))
        .map(|(_, def)| *def)
        .collect();
    if defs.is_empty() {
        return tex.into();
    }
    format!("{defs}{}", tex.replace(r"\tag*", r"\attunetagstar")).into()
}

/// `tex` with TeX's infix fractions, which MathJax and KaTeX draw and the renderer
/// lacks, written as the commands they stand for: `{n \choose k}` as `\binom{n}{k}`
/// and `{a \over b}` as `\frac{a}{b}`. Each takes what is before and after it in its
/// group: the braces around it, else the cell of an alignment (`&`, `\\`), else
/// the whole formula.
fn with_infix_fractions(tex: &str) -> std::borrow::Cow<'_, str> {
    const INFIX: &[(&str, &str)] = &[(r"\choose", r"\binom"), (r"\over", r"\frac")];
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

/// `tex` with line breaks (`\\`) outside any environment, which KaTeX draws as lines
/// one below the other and the renderer refuses, set in a `gathered` environment that
/// draws them so.
fn with_top_level_lines(tex: &str) -> std::borrow::Cow<'_, str> {
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

/// `tex` as MathML, or the renderer's complaint.
pub fn to_mathml(tex: &str, display: bool) -> Result<String, String> {
    let tex = with_infix_fractions(tex);
    let tex = with_top_level_lines(&tex);
    let tex = with_mathjax_commands(&tex);
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
                return Err(message.to_string());
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
    Ok(without_styles(&out).replace("&amp;nbsp;", "&#160;"))
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
        match to_mathml(tex, display) {
            Ok(mathml) => self.emit_html(mathml),
            Err(message) => {
                let (line, column) = self.position(range);
                let d = Diagnostic::error(
                    Code::Math,
                    format!("math `{}` cannot be read: {message}", short(tex)),
                )
                .at(self.file.to_path_buf(), line, column);
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
                self.emit_html(format!("<code class=\"math-error\">{}</code>", escape(tex)));
            }
        }
    }
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
    }
}
