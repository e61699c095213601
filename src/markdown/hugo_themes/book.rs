//! The shortcodes of Hugo Book, a Hugo theme for documentation and books:
//!
//! - `columns` (`ratio`): its text (the columns' list, one after another);
//! - `button` (`href`, or Geekdoc's `relref`, a page as Hugo's `relref` names it) …
//!   `/button`: a link, its text the pair's;
//! - `katex` … `/katex`: its TeX as math, on lines of its own with `display=true`
//!   (attune draws it as MathML); a lone `{{< katex />}}`, which only loads KaTeX on
//!   the page, is nothing;
//! - `image` (`src`, `alt`, `title`): the image, which the theme lets a reader enlarge.

use crate::markdown::hugo_figure::Args;

/// What stands for Hugo Book's tag `name` whose inner text stays Markdown, read with
/// `args`: the text in its place and, for a pair, in its closing tag's place.
pub(super) fn in_place(name: &str, args: &Args, paired: bool) -> Option<(String, Option<String>)> {
    let address = |key: &str| {
        args.get(key)
            .filter(|a| !a.contains(['<', '>', '\n', '\r']))
    };
    match name {
        "columns" if paired => Some(("\n\n".into(), Some("\n\n".into()))),
        "button" if paired => {
            // Geekdoc's button names a page as Hugo's `relref` does.
            let page = args.get("relref").and_then(|r| {
                crate::markdown::hugo_ref::hugo_ref_target(&format!("relref \"{r}\""))
            });
            let target = page.or_else(|| address("href").map(|h| format!("<{h}>")))?;
            Some(("[".into(), Some(format!("]({target})"))))
        }
        "katex" if !paired => Some((String::new(), None)),
        "image" if !paired => {
            let (alt, title) = (args.get("alt").unwrap_or(""), args.get("title"));
            Some((
                crate::markdown::hugo_figure::image(alt, address("src")?, title),
                None,
            ))
        }
        _ => None,
    }
}

/// The math a `katex` pair (`inner`: its opening tag's text; `body`: its TeX) stands
/// for: `$$…$$` with `display` (`display=true`, or the word alone), else `$…$`.
pub(super) fn katex(inner: &str, body: &str) -> Option<String> {
    let tex = body.trim();
    if tex.is_empty() {
        return Some(String::new());
    }
    let args = Args::of(inner);
    let display = args.flag("display") == Some(true) || args.first() == Some("display");
    Some(match display {
        true => format!("\n\n$$\n{tex}\n$$\n\n"),
        false => format!("${}$", tex.replace('\n', " ")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(inner: &str, paired: bool) -> Option<(String, Option<String>)> {
        let name = inner.split_whitespace().next().unwrap();
        in_place(name, &Args::of(inner), paired)
    }

    #[test]
    fn buttons_images_and_math_are_what_hugo_book_draws() {
        assert_eq!(
            run("button href=\"/docs/intro\"", true),
            Some(("[".into(), Some("](</docs/intro>)".into())))
        );
        assert_eq!(run("button", true), None);
        assert_eq!(
            run(
                "button size=\"large\" relref=\"usage/getting-started/\"",
                true
            ),
            Some(("[".into(), Some("](usage/getting-started.md)".into())))
        );
        assert_eq!(
            run("image src=\"a.svg\" alt=\"A [map]\" title=\"Click\"", false)
                .unwrap()
                .0,
            "![A  map ](<a.svg> \"Click\")"
        );
        assert_eq!(run("katex", false), Some((String::new(), None)));
        assert_eq!(
            katex("katex display=true", "f(x) = \\int x_1"),
            Some("\n\n$$\nf(x) = \\int x_1\n$$\n\n".into())
        );
        assert_eq!(katex("katex", " x_1 + x_2 "), Some("$x_1 + x_2$".into()));
    }
}
