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

/// Commands that draw a frame or a strike through their argument, which the renderer
/// lacks (`\boxed`) or draws with nothing a page shows (`\cancel`), with the class
/// the stylesheet draws them by: a border, or a line across.
const ENCLOSURES: &[(&str, &str)] = &[
    ("boxed", "math-boxed"),
    ("cancel", "math-cancel"),
    ("bcancel", "math-bcancel"),
    ("xcancel", "math-xcancel"),
];
/// Marks the rewritten TeX carries as text around an enclosure's argument, turned into
/// its `<mrow class="…">` once rendered (characters of Unicode's private use area).
const OPEN_MARK: char = '\u{F8F0}';
const CLOSE_MARK: char = '\u{F8F1}';

/// The index just past the `}` closing the group that opens at `tex[open]` (`{`).
fn group_end(tex: &str, open: usize) -> Option<usize> {
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

/// `tex` with what the renderer lacks or misdraws written in what it reads: the
/// [`ENCLOSURES`] as a group between marks, `\operatorname*{op}` (an operator with
/// limits below, as MathJax and KaTeX draw it) as `\operatorname{op}\limits`, and
/// `$…$` inside `\text{…}` (math in the text) as the text closed around that math.
fn with_rewrites(tex: &str) -> std::borrow::Cow<'_, str> {
    if !tex.contains('\\') || tex.contains([OPEN_MARK, CLOSE_MARK]) {
        return tex.into();
    }
    let mut out = String::with_capacity(tex.len());
    let mut i = 0;
    let mut changed = false;
    while let Some(at) = tex[i..].find('\\').map(|at| i + at) {
        out.push_str(&tex[i..at]);
        let name_len = tex[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let name = &tex[at + 1..at + 1 + name_len];
        let after = at + 1 + name_len;
        let open = after + (tex[after..].len() - tex[after..].trim_start().len());
        let enclosure = ENCLOSURES.iter().position(|(n, _)| *n == name);
        if let (Some(n), Some(end)) = (
            enclosure.filter(|_| tex[open..].starts_with('{')),
            group_end(tex, open),
        ) {
            let inner = with_rewrites(&tex[open + 1..end - 1]);
            out.push_str(&format!(
                "{{\\text{{{OPEN_MARK}{n}}}{inner}\\text{{{CLOSE_MARK}}}}}"
            ));
            i = end;
            changed = true;
        } else if name == "operatorname" && tex[after..].starts_with('*') {
            let open = after + 1;
            match tex[open..]
                .starts_with('{')
                .then(|| group_end(tex, open))
                .flatten()
            {
                Some(end) => {
                    out.push_str(&format!("\\operatorname{}\\limits", &tex[open..end]));
                    i = end;
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
                    out.push_str(&format!("{{{}}}", &inner[pair[0] + 1..pair[1]]));
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

/// `mathml` with the marks [`with_rewrites`] put around an enclosure turned into the
/// group's `<mrow class="…">`.
fn with_enclosures(mathml: String) -> String {
    if !mathml.contains(OPEN_MARK) {
        return mathml;
    }
    let mut out = mathml.replace(&format!("<mtext>{CLOSE_MARK}</mtext></mrow>"), "</mrow>");
    for (n, (_, class)) in ENCLOSURES.iter().enumerate() {
        out = out.replace(
            &format!("<mrow><mtext>{OPEN_MARK}{n}</mtext>"),
            &format!("<mrow class=\"{class}\">"),
        );
    }
    out
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

/// `tex` as MathML, or the renderer's complaint.
pub fn to_mathml(tex: &str, display: bool) -> Result<String, String> {
    if too_deep(tex) {
        return Err("its groups nest more than 100 deep".to_string());
    }
    let tex = with_rewrites(tex);
    let tex = with_infix_fractions(&tex);
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
    let out = with_enclosures(without_styles(&out));
    Ok(out.replace("&amp;nbsp;", "&#160;"))
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
}
