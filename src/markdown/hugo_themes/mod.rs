//! The shortcodes of the Hugo themes most documentation sites and blogs use, which a
//! page's text or links are in: Docsy's (`docsy.rs`), Hextra's (`hextra.rs`), Hugo
//! Book's (`book.rs`), LoveIt's (`loveit.rs`) and Congo's (`congo.rs`), drawn as their
//! templates draw them.
//! The theme itself is a Hugo module, not in the site's repository, so its templates
//! are not there to read.

mod book;
mod congo;
mod docsy;
mod hextra;
mod loveit;

pub(super) use docsy::{in_place, pair};

/// `text` as Markdown shows it as written: ASCII punctuation escaped, lines joined.
fn plain(text: &str) -> String {
    text.trim()
        .chars()
        .flat_map(|c| match c {
            '\n' | '\r' => vec![' '],
            c if c.is_ascii_punctuation() => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

/// The tag `name` still open at the end of `before` (`{{< tabs … >}}` with no
/// `/tabs` after it): its text after the name, and what `before` holds after it.
fn open_tag<'t>(before: &'t str, name: &str) -> Option<(&'t str, &'t str)> {
    let opening = ["{{< ", "{{% ", "{{<", "{{%"]
        .iter()
        .filter_map(|o| {
            before
                .rfind(&format!("{o}{name}"))
                .map(|at| at + o.len() + name.len())
        })
        .max()?;
    if before
        .rfind(&format!("/{name}"))
        .is_some_and(|at| at > opening)
    {
        return None;
    }
    let rest = &before[opening..];
    let end = rest.find(">}}").or_else(|| rest.find("%}}"))?;
    Some((&rest[..end], &rest[end..]))
}
