//! Display math written over several lines between `$$` lines, as Obsidian, MathJax
//! and KaTeX read it: a line inside that Markdown would read as the start of a block
//! (`- \sum…`, `+ c`, `> 0`, `# 1`, `1. x`, a line of `=` or `-`) continues the
//! formula. Markdown parsers read math inside a paragraph, so such a line would end
//! the paragraph, and the formula with it, and its TeX would show as a list or a
//! heading: the line is indented by four spaces, which TeX ignores and which makes it
//! a paragraph's continuation. A blank line inside a formula whose `$$` starts its
//! line would end the paragraph too: it gets a `%`, a TeX comment.

use super::expand::{SegMap, Splice};

/// Whether `line` (without its end) would open a block that interrupts a paragraph.
fn opens_block(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let rest = &line[indent..];
    let after = |n: usize| rest[n..].is_empty() || rest[n..].starts_with([' ', '\t']);
    let first = rest.chars().next().unwrap_or(' ');
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let only = |c: char| {
        let t = rest.trim_end();
        !t.is_empty() && t.chars().all(|x| x == c || x == ' ')
    };
    match first {
        '-' | '+' | '*' => after(1) || only(first),
        '=' | '_' => only(first),
        '>' => true,
        '#' => {
            let hashes = rest.bytes().take_while(|b| *b == b'#').count();
            hashes <= 6 && after(hashes)
        }
        '`' | '~' => rest.starts_with("```") || rest.starts_with("~~~"),
        '<' => true,
        _ => {
            (1..=9).contains(&digits) && rest[digits..].starts_with(['.', ')']) && after(digits + 1)
        }
    }
}

/// The opening of a fenced code block on `line`, its character and length.
pub(in crate::markdown) fn fence(line: &str) -> Option<(u8, usize)> {
    let rest = line.trim_start_matches(' ');
    if line.len() - rest.len() > 3 {
        return None;
    }
    let c = *rest.as_bytes().first()?;
    let n = rest.bytes().take_while(|b| *b == c).count();
    (matches!(c, b'`' | b'~') && n >= 3).then_some((c, n))
}

/// A line's blockquote markers (`> `, `> > `, after up to three spaces), at most `most`
/// of them: their length, how many, and the text after them.
fn quoted(line: &str, most: usize) -> (usize, usize, &str) {
    let mut at = 0;
    let mut depth = 0;
    loop {
        let rest = &line[at..];
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        if depth == most || spaces > 3 || !rest[spaces..].starts_with('>') {
            return (at, depth, rest);
        }
        at += spaces + 1;
        depth += 1;
        if line[at..].starts_with(' ') {
            at += 1;
        }
    }
}

/// `text` with each line inside a `$$` block that would open a Markdown block
/// indented, and the map back; `None` when there is none. A block inside a quote or a
/// callout (`> $$`) is read the same after its `>` markers, a line of the quote that
/// is only its markers being a blank line of the formula.
pub fn protect(text: &str) -> Option<(String, SegMap)> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push((at, line.trim_end_matches(['\n', '\r'])));
        at += line.len();
    }
    let mut indent_at: Vec<usize> = Vec::new();
    let mut blank_at: Vec<usize> = Vec::new();
    let mut code: Option<(u8, usize, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        let (_, whole) = lines[i];
        let (_, depth, line) = quoted(whole, usize::MAX);
        // A fence in a quote ends with its closing fence or with the quote.
        if let Some((c, n, in_depth)) = code.filter(|code| depth >= code.2) {
            if depth == in_depth && fence(line).is_some_and(|(fc, fnum)| fc == c && fnum >= n) {
                code = None;
            }
            i += 1;
            continue;
        }
        code = None;
        if let Some((c, n)) = fence(line) {
            code = Some((c, n, depth));
            i += 1;
            continue;
        }
        let trimmed = line.trim_start_matches(' ');
        let opens = line.len() - trimmed.len() <= 3
            && trimmed.starts_with("$$")
            && !trimmed[2..].contains("$$");
        // Or a `$$` that ends a line of text and is not closed on it (`1. ou seja: $$`,
        // as Obsidian notes write a formula after its words): its closing `$$` below
        // is no opening, or the pairs after it would all be read the wrong way round.
        let after_text = !trimmed.starts_with("$$")
            && trimmed.trim_end().ends_with("$$")
            && trimmed.matches("$$").count() % 2 == 1;
        if !opens && !after_text {
            i += 1;
            continue;
        }
        // The line that closes it: before any blank line (which ends the paragraph),
        // unless the line starts with its `$$`, when blank lines are inside the
        // formula as Obsidian and mdbook-katex read it (up to 100 lines, no code). In a
        // quote, its lines are the quote's (or lazy ones, without markers). `$$` pair
        // in order, as mdbook-katex finds them: a line holding two (`$$$$`, closing one
        // formula and opening the next, or `$$x$$`) leaves the formula open.
        let blank_inside = opens;
        let mut open = true;
        let close = lines[i + 1..]
            .iter()
            .take(100)
            .map_while(|&(_, l)| {
                let (_, d, l) = quoted(l, depth);
                (d == depth || (d == 0 && !l.trim().is_empty())).then_some(l)
            })
            .take_while(|l| (blank_inside || !l.trim().is_empty()) && fence(l).is_none())
            .position(|l| {
                open ^= l.matches("$$").count() % 2 == 1;
                !open
            })
            .map(|p| i + 1 + p);
        let Some(close) = close else {
            i += 1;
            continue;
        };
        for &(start, whole) in &lines[i + 1..close] {
            let (markers, _, inner) = quoted(whole, depth);
            if inner.trim().is_empty() {
                // A TeX comment: the paragraph, and the formula, go on.
                blank_at.push(start + whole.len());
            } else if opens_block(inner) {
                indent_at.push(start + markers);
            }
        }
        let (markers, _, last) = quoted(lines[close].1, depth);
        if opens_block(last) && !last.trim_start().starts_with("$$") {
            indent_at.push(lines[close].0 + markers);
        }
        i = close + 1;
    }
    if indent_at.is_empty() && blank_at.is_empty() {
        return None;
    }
    let mut inserts: Vec<(usize, &str)> = indent_at.into_iter().map(|at| (at, "    ")).collect();
    inserts.extend(blank_at.into_iter().map(|at| (at, "%")));
    inserts.sort_unstable();
    let mut splice = Splice::new(text);
    let mut from = 0;
    for (at, text) in inserts {
        splice.copy(from..at);
        splice.insert(text, at);
        from = at;
    }
    splice.copy(from..text.len());
    Some((splice.out, splice.map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_inside_display_math_that_would_open_blocks_continue_it() {
        let text = "$$\na\n= b\n-  c\n+ d\n> e\n# f\n1. g\n---\n$$\nafter\n- item\n";
        let (out, map) = protect(text).unwrap();
        assert_eq!(
            out,
            "$$\na\n= b\n    -  c\n    + d\n    > e\n    # f\n    1. g\n    ---\n$$\nafter\n- item\n"
        );
        // Positions stay those of the file as written.
        let at = out.find("-  c").unwrap();
        assert_eq!(map.back(at), text.find("-  c").unwrap());
        // Math that closes on its own line, code, and a formula a blank line cuts are
        // left as they are.
        for text in [
            "$$ a $$\n- item\n",
            "```\n$$\n- x\n$$\n```\n",
            "a $$\n\n- x\n$$\n",
            "$$\na\n```\n$$\n```\n",
            "$$\n\\frac{a}{b} \\\\\n-1\n$$\n",
            "$$\na\n",
        ] {
            assert!(protect(text).is_none(), "{text}");
        }
        // A `$$` after text on its line opens a formula: its closing line is none.
        let text = "1. a: $$\n  f \\geq 0\n$$\n2. b: $$\n  1\n$$\n\nText.\n\n$$\nx\n- y\n$$\n";
        let (out, _) = protect(text).unwrap();
        assert_eq!(
            out,
            "1. a: $$\n  f \\geq 0\n$$\n2. b: $$\n  1\n$$\n\nText.\n\n$$\nx\n    - y\n$$\n"
        );
        // A blank line inside a `$$` alone on its line.
        let (out, _) = protect("$$\na \\\\\n\n- b\n$$\n").unwrap();
        assert_eq!(out, "$$\na \\\\\n%\n    - b\n$$\n");
        // In a quote or a callout: a line of only its markers is a blank line of the
        // formula, and the lines are read after their markers.
        let (out, _) = protect("> [!example]\n> $$\n> a \\\\\n>\n> - b\n> $$\n").unwrap();
        assert_eq!(out, "> [!example]\n> $$\n> a \\\\\n>%\n>     - b\n> $$\n");
        let (out, _) = protect("> > $$\n> > a\n> > \n> > $$\n").unwrap();
        assert_eq!(out, "> > $$\n> > a\n> > %\n> > $$\n");
        // Code in a quote stays; a formula the quote ends stays as written.
        for text in ["> ```\n> $$\n> a\n>\n> $$\n> ```\n", "> $$\n> a\n\n$$\n"] {
            assert!(protect(text).is_none(), "{text}");
        }
        // A fence the quote ends leaves no code open after it.
        let (out, _) = protect("> ```\n> x\n\n$$\n- b\n$$\n").unwrap();
        assert_eq!(out, "> ```\n> x\n\n$$\n    - b\n$$\n");
        // A blank line inside a formula whose first line holds TeX too (halo2's
        // `$$q(X) = \sum_i`), as mdbook-katex reads it.
        let (out, _) = protect("$$q = \\sum_i\n\nx_i\n$$\nafter.\n\n## Next\n").unwrap();
        assert_eq!(out, "$$q = \\sum_i\n%\nx_i\n$$\nafter.\n\n## Next\n");
        // `$$` pair in order: `$$$$` closes one formula and opens the next, and a line
        // with a pair of its own (`$$z$$`) closes none: no blank line after either is
        // taken into a formula.
        let text = "$$\na\n$$$$\nb\n$$\n\nfor all $i$:\n\n$$\nc\n$$\n\n## Next\n";
        assert!(protect(text).is_none(), "{text}");
        let text = "$$\na\n\n## Next\n\nMore $$z$$ text.\n";
        assert!(protect(text).is_none(), "{text}");
        // The closing line too, when text before `$$` opens a block.
        let (out, _) = protect("$$\na\n- b $$\n").unwrap();
        assert_eq!(out, "$$\na\n    - b $$\n");
    }

    #[test]
    fn a_formula_over_lines_starting_with_signs_is_one_formula() {
        let p = super::super::tests::parse_md(
            "Text.\n\n$$\n\\frac{1}{2}\n= \\sum_i a_i\n- \\sum_j b_j\n+ c\n$$\nwhere $n$ is it.\n",
        );
        assert_eq!(
            p.html.matches("<math display=\"block\">").count(),
            1,
            "{}",
            p.html
        );
        assert!(
            !p.html.contains("<li>") && !p.html.contains("$$"),
            "{}",
            p.html
        );
        assert!(p.html.contains("<mi>n</mi>"), "{}", p.html);
        // Blank lines between an aligned formula's rows.
        let p = super::super::tests::parse_md(
            "Text.\n\n$$\n\\begin{aligned}\na &= b \\\\\n\nc &= d\n\\end{aligned}\n$$\n",
        );
        assert_eq!(p.html.matches("<mtr>").count(), 2, "{}", p.html);
        assert!(
            !p.html.contains("$$") && !p.html.contains('%'),
            "{}",
            p.html
        );
    }
}
