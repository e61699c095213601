//! A formula as plain text, for where only text can go: a heading's anchor label, the
//! table of contents, a page title, a link's text. `x^2` reads `x^2`, `\frac{a}{b+1}`
//! reads `a/(b+1)`, `\sqrt{x}` reads `√x`, symbols are their characters.

/// A MathML element or text, as read from the renderer's output.
enum Node {
    Element(String, Vec<Node>),
    Text(String),
}

/// The nodes of `mathml` from `*at` to the closing tag of the element they are in.
fn nodes(mathml: &str, at: &mut usize) -> Vec<Node> {
    let mut out = Vec::new();
    while *at < mathml.len() {
        let rest = &mathml[*at..];
        if let Some(tag) = rest.strip_prefix('<') {
            let end = tag.find('>').map_or(rest.len(), |e| e + 2);
            *at += end;
            if tag.starts_with('/') {
                return out;
            }
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if rest[..end].ends_with("/>") {
                out.push(Node::Element(name, Vec::new()));
            } else {
                let children = nodes(mathml, at);
                out.push(Node::Element(name, children));
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push(Node::Text(rest[..end].to_string()));
            *at += end;
        }
    }
    out
}

/// A script or a fraction's part: as it is when it is one character, else in
/// parentheses.
fn part(node: Option<&Node>) -> String {
    let text = node.map(read).unwrap_or_default();
    if text.chars().count() <= 1 {
        text
    } else {
        format!("({text})")
    }
}

fn read(node: &Node) -> String {
    let (name, children) = match node {
        Node::Text(t) => return t.clone(),
        Node::Element(name, children) => (name.as_str(), children),
    };
    let all = || children.iter().map(read).collect::<String>();
    match name {
        "msup" => format!(
            "{}^{}",
            read_or_empty(children.first()),
            part(children.get(1))
        ),
        "msub" => format!(
            "{}_{}",
            read_or_empty(children.first()),
            part(children.get(1))
        ),
        "msubsup" => format!(
            "{}_{}^{}",
            read_or_empty(children.first()),
            part(children.get(1)),
            part(children.get(2))
        ),
        "mfrac" => format!("{}/{}", part(children.first()), part(children.get(1))),
        "msqrt" => format!(
            "√{}",
            part(Some(&Node::Element("mrow".into(), take(children))))
        ),
        "mroot" => format!(
            "{}√{}",
            read_or_empty(children.get(1)),
            part(children.first())
        ),
        "munder" | "mover" | "munderover" => read_or_empty(children.first()),
        "mspace" => " ".to_string(),
        "mphantom" | "annotation" | "mprescripts" | "none" => String::new(),
        "mtr" => format!("{}; ", all()),
        "mtd" => format!("{} ", all()),
        _ => all(),
    }
}

fn read_or_empty(node: Option<&Node>) -> String {
    node.map(read).unwrap_or_default()
}

/// The children as one row (the nodes cannot be cloned cheaply; a square root's few).
fn take(children: &[Node]) -> Vec<Node> {
    children.iter().map(|c| Node::Text(read(c))).collect()
}

/// `mathml` as text: entities as their characters, the invisible operators left out,
/// spaces collapsed.
pub(in crate::markdown) fn plain(mathml: &str) -> String {
    let mut at = 0;
    let text: String = nodes(mathml, &mut at).iter().map(read).collect();
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#160;", " ")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace(['\u{2061}', '\u{2062}', '\u{2063}', '\u{2064}'], "");
    let text = text.trim_end_matches(|c: char| c == ';' || c.is_whitespace());
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::to_mathml;
    use super::plain;

    #[test]
    fn formulas_read_as_text() {
        for (tex, text) in [
            ("E = mc^2", "E=mc^2"),
            (r"\frac{a}{b+1}", "a/(b+1)"),
            (r"\sqrt{x} + x_{ij}^2", "√x+x_(ij)^2"),
            (r"\alpha \le \beta", "α≤β"),
            (r"a < b \text{ and } c", "a<b and c"),
            (r"\sin x", "sin x"),
            (r"\hat{x}", "x"),
        ] {
            let m = to_mathml(tex, false).unwrap();
            assert_eq!(plain(&m), text, "{tex}: {m}");
        }
    }
}
