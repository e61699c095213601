//! TeX's size switches (`\large`, `\small`…), which change the size of what follows
//! them to the end of its group, cell or line, written as commands of one argument
//! (`\large a b}` as `\large{ a b}}`) that [`super::rewrite`] draws by a class.

/// The size switches, smallest first.
pub(super) const SIZES: &[&str] = &[
    "tiny",
    "scriptsize",
    "footnotesize",
    "small",
    "normalsize",
    "large",
    "Large",
    "LARGE",
    "huge",
    "Huge",
];

/// `tex` with each size switch taking what it changes as its argument: up to the end
/// of its group (`}`, `\end`, `\right`), its cell (`&`) or its line (`\\`), or the next
/// switch of the same group.
pub(super) fn with_sizes(tex: &str) -> std::borrow::Cow<'_, str> {
    if !SIZES.iter().any(|s| tex.contains(&format!("\\{s}"))) {
        return tex.into();
    }
    let mut out = String::with_capacity(tex.len() + 8);
    // The depth of each switch's group still open.
    let mut open: Vec<usize> = Vec::new();
    let close = |out: &mut String, open: &mut Vec<usize>, depth: usize| {
        while open.last() == Some(&depth) {
            out.push('}');
            open.pop();
        }
    };
    let (mut depth, mut i) = (0usize, 0);
    while let Some(c) = tex[i..].chars().next() {
        match c {
            '\\' => {
                let len = super::command_len(tex, i);
                let name = &tex[i + 1..i + 1 + len];
                if SIZES.contains(&name) {
                    close(&mut out, &mut open, depth);
                    out.push_str(&format!("\\{name}{{"));
                    open.push(depth);
                } else {
                    match name {
                        "\\" => close(&mut out, &mut open, depth),
                        "begin" | "left" => depth += 1,
                        "end" | "right" => {
                            close(&mut out, &mut open, depth);
                            depth = depth.saturating_sub(1);
                        }
                        _ => {}
                    }
                    out.push_str(&tex[i..i + 1 + len]);
                }
                i += 1 + len;
                continue;
            }
            '{' => depth += 1,
            '}' => {
                close(&mut out, &mut open, depth);
                depth = depth.saturating_sub(1);
            }
            '&' => close(&mut out, &mut open, depth),
            _ => {}
        }
        out.push(c);
        i += c.len_utf8();
    }
    for _ in open {
        out.push('}');
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::super::to_mathml;
    use super::with_sizes;

    #[test]
    fn a_size_switch_changes_what_follows_it_in_its_group() {
        for (tex, expected) in [
            (r"a \large b c", r"a \large{ b c}"),
            (r"{\small a} b", r"{\small{ a}} b"),
            (r"\tiny a \Huge b", r"\tiny{ a }\Huge{ b}"),
            (r"a & \large b \\ c", r"a & \large{ b }\\ c"),
            (
                r"\begin{matrix} \small a \end{matrix} b",
                r"\begin{matrix} \small{ a }\end{matrix} b",
            ),
            (r"\left( \LARGE x \right)", r"\left( \LARGE{ x }\right)"),
            (r"\largex", r"\largex"),
        ] {
            assert_eq!(with_sizes(tex), expected, "{tex}");
        }
        let m = to_mathml(r"a {\large b} \small c", false).unwrap();
        assert!(
            m.contains("<mrow class=\"math-size-large\"><mi>b</mi></mrow>"),
            "{m}"
        );
        assert!(
            m.contains("<mrow class=\"math-size-small\"><mi>c</mi></mrow>"),
            "{m}"
        );
    }
}
