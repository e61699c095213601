//! Commands that wrap their argument in MathML the renderer does not write (a frame,
//! a strike, a phantom, a size): the TeX carries marks around the argument, turned into
//! that MathML once rendered.

/// Commands that wrap their argument in what the renderer lacks or draws with nothing a
/// page shows: a frame or strike the stylesheet draws by class (`\boxed`, `\fbox`
/// around text, `\cancel`…), room kept empty (`\phantom`), ink whose room is not kept
/// (`\smash`, `\rlap`, `\llap`, `\clap`…), a size (`\large{…}`). Each: its name,
/// whether its argument is text, and the MathML opening and closing it.
pub(super) const WRAPPERS: &[(&str, bool, &str, &str)] = &[
    ("boxed", false, "<mrow class=\"math-boxed\">", "</mrow>"),
    ("cancel", false, "<mrow class=\"math-cancel\">", "</mrow>"),
    ("bcancel", false, "<mrow class=\"math-bcancel\">", "</mrow>"),
    ("xcancel", false, "<mrow class=\"math-xcancel\">", "</mrow>"),
    ("fbox", true, "<mrow class=\"math-boxed\">", "</mrow>"),
    ("phantom", false, "<mphantom><mrow>", "</mrow></mphantom>"),
    (
        "hphantom",
        false,
        "<mpadded height=\"0\" depth=\"0\"><mphantom><mrow>",
        "</mrow></mphantom></mpadded>",
    ),
    (
        "vphantom",
        false,
        "<mpadded width=\"0\"><mphantom><mrow>",
        "</mrow></mphantom></mpadded>",
    ),
    (
        "smash",
        false,
        "<mpadded height=\"0\" depth=\"0\"><mrow>",
        "</mrow></mpadded>",
    ),
    (
        "rlap",
        true,
        "<mpadded width=\"0\"><mrow>",
        "</mrow></mpadded>",
    ),
    (
        "mathrlap",
        false,
        "<mpadded width=\"0\"><mrow>",
        "</mrow></mpadded>",
    ),
    (
        "llap",
        true,
        "<mpadded width=\"0\"><mrow>",
        "</mrow></mpadded>",
    ),
    (
        "mathllap",
        false,
        "<mpadded width=\"0\"><mrow>",
        "</mrow></mpadded>",
    ),
    (
        "clap",
        true,
        "<mpadded width=\"0\"><mrow>",
        "</mrow></mpadded>",
    ),
    (
        "mathclap",
        false,
        "<mpadded width=\"0\"><mrow>",
        "</mrow></mpadded>",
    ),
    // Sizes, as `super::sizes` writes them.
    ("tiny", false, "<mrow class=\"math-size-tiny\">", "</mrow>"),
    (
        "scriptsize",
        false,
        "<mrow class=\"math-size-scriptsize\">",
        "</mrow>",
    ),
    (
        "footnotesize",
        false,
        "<mrow class=\"math-size-footnotesize\">",
        "</mrow>",
    ),
    (
        "small",
        false,
        "<mrow class=\"math-size-small\">",
        "</mrow>",
    ),
    (
        "normalsize",
        false,
        "<mrow class=\"math-size-normalsize\">",
        "</mrow>",
    ),
    (
        "large",
        false,
        "<mrow class=\"math-size-large\">",
        "</mrow>",
    ),
    (
        "Large",
        false,
        "<mrow class=\"math-size-large2\">",
        "</mrow>",
    ),
    (
        "LARGE",
        false,
        "<mrow class=\"math-size-large3\">",
        "</mrow>",
    ),
    ("huge", false, "<mrow class=\"math-size-huge\">", "</mrow>"),
    ("Huge", false, "<mrow class=\"math-size-huge2\">", "</mrow>"),
];
/// Marks the rewritten TeX carries as text around a wrapper's argument (each followed by
/// the wrapper's index), turned into its MathML once rendered (characters of Unicode's
/// private use area).
pub(super) const OPEN_MARK: char = '\u{F8F0}';
pub(super) const CLOSE_MARK: char = '\u{F8F1}';

/// `mathml` with the marks [`super::rewrite::with_rewrites`] put around a wrapper's argument turned into
/// the wrapper's MathML, and the characters the renderer writes unescaped where they
/// stand alone (`<mo><</mo>`, `<mi>&</mi>`) escaped.
pub(super) fn with_enclosures(mathml: String) -> String {
    let mut out = mathml;
    if out.contains(OPEN_MARK) {
        for (n, (_, _, open, close)) in WRAPPERS.iter().enumerate() {
            out = out
                .replace(&format!("<mrow><mtext>{OPEN_MARK}{n}</mtext>"), open)
                .replace(&format!("<mtext>{CLOSE_MARK}{n}</mtext></mrow>"), close);
        }
    }
    if out.contains(['&', '<', '>']) {
        for (c, entity) in [('&', "&amp;"), ('<', "&lt;"), ('>', "&gt;")] {
            for combining in ["", "\u{338}"] {
                out = out.replace(
                    &format!(">{c}{combining}</"),
                    &format!(">{entity}{combining}</"),
                );
            }
        }
    }
    out
}
