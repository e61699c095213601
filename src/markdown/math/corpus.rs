//! The math corpus: every function KaTeX's own support table lists as supported, and
//! TeX that real notes and books write, rendered and checked well formed.

use super::to_mathml;

/// Whether `xml` is well formed: tags nest and close, attributes are quoted, and
/// `&` starts an entity.
pub(super) fn well_formed(xml: &str) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(['<', '&']) {
        let text = &rest[..at];
        if text.contains('>') {
            return Err(format!("a bare `>` in {text:?}"));
        }
        rest = &rest[at..];
        if rest.starts_with('&') {
            let end = rest.find(';').ok_or("an `&` with no `;`")?;
            let name = &rest[1..end];
            let ok = name.starts_with("#x") && name[2..].chars().all(|c| c.is_ascii_hexdigit())
                || name.starts_with('#') && name[1..].chars().all(|c| c.is_ascii_digit())
                || !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric());
            if !ok || end > 12 {
                return Err(format!("a bare `&` before {:?}", &rest[..end.min(20)]));
            }
            rest = &rest[end + 1..];
            continue;
        }
        let end = rest.find('>').ok_or("a tag with no `>`")?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(o) if o == name => {}
                o => return Err(format!("`</{name}>` closes {o:?}")),
            }
            continue;
        }
        let empty = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name_end = tag.find(' ').unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(format!("a tag named {name:?}"));
        }
        let mut attrs = tag[name_end..].trim();
        while !attrs.is_empty() {
            let eq = attrs
                .find("=\"")
                .ok_or(format!("an unquoted attribute in {tag:?}"))?;
            let key = &attrs[..eq];
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(format!("an attribute named {key:?}"));
            }
            let value = &attrs[eq + 2..];
            let close = value.find('"').ok_or("an attribute not closed")?;
            if value[..close].contains('<') {
                return Err(format!("`<` in an attribute of {tag:?}"));
            }
            attrs = &value[close + 1..];
            if !attrs.is_empty() && !attrs.starts_with(' ') && attrs != "/" {
                return Err(format!("no space between attributes in {tag:?}"));
            }
            attrs = attrs.trim_start();
        }
        if !empty {
            open.push(name);
        }
    }
    if rest.contains('>') {
        return Err("a bare `>` at the end".into());
    }
    match open.last() {
        None => Ok(()),
        Some(o) => Err(format!("`<{o}>` never closed")),
    }
}

/// Renders every formula of `corpus` (function, `1` for display or `0`, TeX, by
/// tabs) and says which fail: the count rendered, well formed, and the failures.
fn run(corpus: &str) -> (usize, Vec<String>) {
    let (mut rendered, mut failed) = (0, Vec::new());
    for line in corpus.lines().filter(|l| !l.starts_with('#')) {
        let mut cells = line.splitn(3, '\t');
        let (name, display, tex) = (
            cells.next().unwrap(),
            cells.next().unwrap() == "1",
            cells.next().unwrap(),
        );
        match to_mathml(tex, display) {
            Ok(mathml) => match well_formed(&mathml) {
                Ok(()) => rendered += 1,
                Err(e) => failed.push(format!("{name}\t{tex}\tnot well formed ({e}): {mathml}")),
            },
            Err(e) => failed.push(format!("{name}\t{tex}\t{e}")),
        }
    }
    (rendered, failed)
}

/// Renders one minimal use of every function KaTeX's own support table lists as
/// supported (tests/math/katex-support.tsv, written from it by
/// tests/math/katex_corpus.py) and reports those that fail.
#[test]
fn katex_support_table() {
    let (rendered, failed) = run(include_str!("../../../tests/math/katex-support.tsv"));
    eprintln!("{}", failed.join("\n"));
    let total = rendered + failed.len();
    eprintln!("KaTeX support table: {rendered} of {total} render");
    // 813 before the rewrites of math/; what fails is listed above.
    assert!(
        rendered >= 985,
        "KaTeX support table: {rendered} of {total} render"
    );
}

/// The TeX real notes and books write (tests/math/notes.tsv).
#[test]
fn notes_corpus() {
    let (rendered, failed) = run(include_str!("../../../tests/math/notes.tsv"));
    eprintln!("{}", failed.join("\n"));
    let total = rendered + failed.len();
    eprintln!("notes corpus: {rendered} of {total} render");
    assert!(
        rendered >= 119,
        "notes corpus: {rendered} of {total} render"
    );
}
