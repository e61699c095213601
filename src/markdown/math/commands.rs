//! Commands of MathJax and KaTeX the renderer lacks, defined before it reads the TeX.

/// Commands of MathJax (which Obsidian and most Hugo themes draw math with) and KaTeX
/// (mdbook-katex, Zola's themes) that the renderer lacks, as what they make of them,
/// each a `\def` put before the formula when the formula uses it.
///
/// `\space`, `\mbox{…}` and `\hbox{…}` (text), an inline formula's `\tag{1}` (its
/// number, set apart at the end; a display formula's are taken out before, by
/// `super::numbers`) and `\tag*{…}` (the same without parentheses), the logos;
/// `\bm{x}` (the `bm` package's bold symbol), `\argmin`/`\argmax`, `\nonumber`/`\notag`
/// (in inline math, where nothing is numbered: nothing); KaTeX's other names of
/// symbols, arrows, sets and fonts (`\R`, `\rarr`, `\Bbb`, `\frak`, `\bold`, `\mathscr`…); the
/// operators of other languages' notes (`\tg`, `\ctg`, `\arctg`, `\sh`…) and limits
/// (`\injlim`, `\varlimsup`…); extensible arrows (`\xRightarrow{…}`, `\xmapsto{…}`…);
/// the `braket` package (`\bra`, `\ket`, `\braket`, `\set`).
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
    // Other names KaTeX gives symbols.
    ("alef", r"\def\alef{\aleph}"),
    ("alefsym", r"\def\alefsym{\aleph}"),
    ("bull", r"\def\bull{\bullet}"),
    ("clubs", r"\def\clubs{\clubsuit}"),
    ("diamonds", r"\def\diamonds{\diamondsuit}"),
    ("hearts", r"\def\hearts{\heartsuit}"),
    ("spades", r"\def\spades{\spadesuit}"),
    ("Dagger", r"\def\Dagger{\ddagger}"),
    ("doublecup", r"\def\doublecup{\Cup}"),
    ("empty", r"\def\empty{\emptyset}"),
    ("exist", r"\def\exist{\exists}"),
    ("image", r"\def\image{\Im}"),
    ("real", r"\def\real{\Re}"),
    ("infin", r"\def\infin{\infty}"),
    ("lang", r"\def\lang{\langle}"),
    ("rang", r"\def\rang{\rangle}"),
    ("plusmn", r"\def\plusmn{\pm}"),
    ("sdot", r"\def\sdot{\cdot}"),
    ("sub", r"\def\sub{\subset}"),
    ("sube", r"\def\sube{\subseteq}"),
    ("supe", r"\def\supe{\supseteq}"),
    ("thetasym", r"\def\thetasym{\vartheta}"),
    ("weierp", r"\def\weierp{\wp}"),
    ("llbracket", r"\def\llbracket{\mathopen{⟦}}"),
    ("rrbracket", r"\def\rrbracket{\mathclose{⟧}}"),
    ("minuso", r"\def\minuso{\mathbin{⦵}}"),
    ("equalscolon", r"\def\equalscolon{\mathrel{=:}}"),
    ("equalscoloncolon", r"\def\equalscoloncolon{\mathrel{=::}}"),
    ("simcolon", r"\def\simcolon{\mathrel{\sim:}}"),
    ("simcoloncolon", r"\def\simcoloncolon{\mathrel{\sim::}}"),
    // Arrows.
    ("Darr", r"\def\Darr{\Downarrow}"),
    ("dArr", r"\def\dArr{\Downarrow}"),
    ("darr", r"\def\darr{\downarrow}"),
    ("Harr", r"\def\Harr{\Leftrightarrow}"),
    ("hArr", r"\def\hArr{\Leftrightarrow}"),
    ("harr", r"\def\harr{\leftrightarrow}"),
    ("Larr", r"\def\Larr{\Leftarrow}"),
    ("lArr", r"\def\lArr{\Leftarrow}"),
    ("larr", r"\def\larr{\leftarrow}"),
    ("Lrarr", r"\def\Lrarr{\Leftrightarrow}"),
    ("lrArr", r"\def\lrArr{\Leftrightarrow}"),
    ("lrarr", r"\def\lrarr{\leftrightarrow}"),
    ("Rarr", r"\def\Rarr{\Rightarrow}"),
    ("rArr", r"\def\rArr{\Rightarrow}"),
    ("rarr", r"\def\rarr{\rightarrow}"),
    ("Uarr", r"\def\Uarr{\Uparrow}"),
    ("uArr", r"\def\uArr{\Uparrow}"),
    ("uarr", r"\def\uarr{\uparrow}"),
    // Number sets.
    ("N", r"\def\N{\mathbb{N}}"),
    ("natnums", r"\def\natnums{\mathbb{N}}"),
    ("Z", r"\def\Z{\mathbb{Z}}"),
    ("R", r"\def\R{\mathbb{R}}"),
    ("Reals", r"\def\Reals{\mathbb{R}}"),
    ("reals", r"\def\reals{\mathbb{R}}"),
    ("cnums", r"\def\cnums{\mathbb{C}}"),
    ("Complex", r"\def\Complex{\mathbb{C}}"),
    // Fonts.
    ("Bbb", r"\def\Bbb#1{\mathbb{#1}}"),
    ("bold", r"\def\bold#1{\mathbf{#1}}"),
    ("frak", r"\def\frak#1{\mathfrak{#1}}"),
    ("mathscr", r"\def\mathscr#1{\mathcal{#1}}"),
    ("pmb", r"\def\pmb#1{\boldsymbol{#1}}"),
    ("textmd", r"\def\textmd#1{\text{#1}}"),
    ("textup", r"\def\textup#1{\text{#1}}"),
    ("textnormal", r"\def\textnormal#1{\text{#1}}"),
    ("emph", r"\def\emph#1{\textit{#1}}"),
    // Operators.
    ("arcctg", r"\def\arcctg{\operatorname{arcctg}}"),
    ("arctg", r"\def\arctg{\operatorname{arctg}}"),
    ("cosec", r"\def\cosec{\operatorname{cosec}}"),
    ("cotg", r"\def\cotg{\operatorname{cotg}}"),
    ("ctg", r"\def\ctg{\operatorname{ctg}}"),
    ("cth", r"\def\cth{\operatorname{cth}}"),
    ("ch", r"\def\ch{\operatorname{ch}}"),
    ("sh", r"\def\sh{\operatorname{sh}}"),
    ("th", r"\def\th{\operatorname{th}}"),
    ("tg", r"\def\tg{\operatorname{tg}}"),
    ("plim", r"\def\plim{\operatorname{plim}\limits}"),
    ("injlim", r"\def\injlim{\operatorname{inj lim}\limits}"),
    ("projlim", r"\def\projlim{\operatorname{proj lim}\limits}"),
    (
        "varinjlim",
        r"\def\varinjlim{\underrightarrow{\mathrm{lim}}}",
    ),
    (
        "varprojlim",
        r"\def\varprojlim{\underleftarrow{\mathrm{lim}}}",
    ),
    ("varliminf", r"\def\varliminf{\underline{\mathrm{lim}}}"),
    ("varlimsup", r"\def\varlimsup{\overline{\mathrm{lim}}}"),
    (
        "operatornamewithlimits",
        r"\def\operatornamewithlimits#1{\operatorname{#1}\limits}",
    ),
    ("mod", r"\def\mod{\quad\operatorname{mod}\;}"),
    ("pod", r"\def\pod#1{\quad(#1)}"),
    // Accents and lines.
    ("dddot", r"\def\dddot#1{\overset{...}{#1}}"),
    ("ddddot", r"\def\ddddot#1{\overset{....}{#1}}"),
    ("overlinesegment", r"\def\overlinesegment#1{\overline{#1}}"),
    (
        "underlinesegment",
        r"\def\underlinesegment#1{\underline{#1}}",
    ),
    ("utilde", r"\def\utilde#1{\underset{\sim}{#1}}"),
    ("phase", r"\def\phase#1{\angle\underline{#1}}"),
    // Extensible arrows with a label above.
    (
        "xLeftarrow",
        r"\def\xLeftarrow#1{\mathrel{\overset{#1}{\Longleftarrow}}}",
    ),
    (
        "xRightarrow",
        r"\def\xRightarrow#1{\mathrel{\overset{#1}{\Longrightarrow}}}",
    ),
    (
        "xLeftrightarrow",
        r"\def\xLeftrightarrow#1{\mathrel{\overset{#1}{\Longleftrightarrow}}}",
    ),
    (
        "xleftrightarrow",
        r"\def\xleftrightarrow#1{\mathrel{\overset{#1}{\longleftrightarrow}}}",
    ),
    (
        "xhookleftarrow",
        r"\def\xhookleftarrow#1{\mathrel{\overset{#1}{\hookleftarrow}}}",
    ),
    (
        "xhookrightarrow",
        r"\def\xhookrightarrow#1{\mathrel{\overset{#1}{\hookrightarrow}}}",
    ),
    (
        "xleftharpoondown",
        r"\def\xleftharpoondown#1{\mathrel{\overset{#1}{\leftharpoondown}}}",
    ),
    (
        "xleftharpoonup",
        r"\def\xleftharpoonup#1{\mathrel{\overset{#1}{\leftharpoonup}}}",
    ),
    (
        "xrightharpoondown",
        r"\def\xrightharpoondown#1{\mathrel{\overset{#1}{\rightharpoondown}}}",
    ),
    (
        "xrightharpoonup",
        r"\def\xrightharpoonup#1{\mathrel{\overset{#1}{\rightharpoonup}}}",
    ),
    (
        "xleftrightharpoons",
        r"\def\xleftrightharpoons#1{\mathrel{\overset{#1}{\leftrightharpoons}}}",
    ),
    (
        "xrightleftharpoons",
        r"\def\xrightleftharpoons#1{\mathrel{\overset{#1}{\rightleftharpoons}}}",
    ),
    (
        "xtofrom",
        r"\def\xtofrom#1{\mathrel{\overset{#1}{\rightleftarrows}}}",
    ),
    (
        "xtwoheadleftarrow",
        r"\def\xtwoheadleftarrow#1{\mathrel{\overset{#1}{\twoheadleftarrow}}}",
    ),
    (
        "xtwoheadrightarrow",
        r"\def\xtwoheadrightarrow#1{\mathrel{\overset{#1}{\twoheadrightarrow}}}",
    ),
    (
        "xmapsto",
        r"\def\xmapsto#1{\mathrel{\overset{#1}{\longmapsto}}}",
    ),
    (
        "xlongequal",
        r"\def\xlongequal#1{\mathrel{\overset{#1}{=}}}",
    ),
    // The braket package.
    ("bra", r"\def\bra#1{\langle #1 \rvert}"),
    ("ket", r"\def\ket#1{\lvert #1 \rangle}"),
    ("braket", r"\def\braket#1{\langle #1 \rangle}"),
    ("Bra", r"\def\Bra#1{\left\langle #1 \right\rvert}"),
    ("Ket", r"\def\Ket#1{\left\lvert #1 \right\rangle}"),
    ("Braket", r"\def\Braket#1{\left\langle #1 \right\rangle}"),
    ("set", r"\def\set#1{\{ #1 \}}"),
    ("Set", r"\def\Set#1{\left\{ #1 \right\}}"),
    // What only changes the look of its argument, drawn plain.
    ("mathchoice", r"\def\mathchoice#1#2#3#4{#1}"),
    ("vcenter", r"\def\vcenter#1{#1}"),
    ("raisebox", r"\def\raisebox#1#2{\text{#2}}"),
    ("sixptsize", r"\def\sixptsize{}"),
];

/// `tex` with definitions of the [`MATHJAX`] commands it uses (and does not define
/// itself) put first.
pub(super) fn with_mathjax_commands(tex: &str) -> std::borrow::Cow<'_, str> {
    let bytes = tex.as_bytes();
    let mut used: Vec<&str> = Vec::new();
    let mut defined: Vec<&str> = Vec::new();
    let mut previous = "";
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let len = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let name = &tex[i + 1..i + 1 + len];
        if previous == "def" {
            defined.push(name);
        } else if !name.is_empty() {
            used.push(name);
        }
        previous = name;
        i += 1 + len.max(1);
    }
    let defs: String = MATHJAX
        .iter()
        .filter(|(name, _)| used.contains(name) && !defined.contains(name))
        .map(|(_, def)| *def)
        .collect();
    if defs.is_empty() {
        return tex.into();
    }
    format!("{defs}{}", tex.replace(r"\tag*", r"\attunetagstar")).into()
}
