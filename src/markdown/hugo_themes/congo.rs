//! The shortcodes of Congo, a Hugo theme for blogs and documentation (and of
//! Blowfish, grown from it), drawn as their templates draw them where a page's words
//! or images are in them:
//!
//! - `lead` … `/lead`: its text, which the theme sets larger;
//! - `badge` … `/badge`: its words;
//! - `screenshot src=… alt=… caption=…`: the bundle's image (the theme finds it by
//!   `*src*`), its caption a title.

use crate::markdown::hugo_figure::Args;

/// What stands for Congo's tag `name` whose inner text stays Markdown, read with
/// `args`: the text in its place and, for a pair, in its closing tag's place; `None`
/// for any other tag, or one without what it needs.
pub(super) fn in_place(name: &str, args: &Args, paired: bool) -> Option<(String, Option<String>)> {
    match name {
        "lead" if paired => Some(("\n\n".into(), Some("\n\n".into()))),
        "badge" if paired => Some((String::new(), Some(String::new()))),
        "screenshot" if !paired => {
            let src = args
                .get("src")
                .filter(|s| !s.contains(['<', '>', '\n', '\r']))?;
            let caption = args.get("caption");
            let alt = args.get("alt").or(caption).unwrap_or("");
            Some((crate::markdown::hugo_figure::image(alt, src, caption), None))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_badges_and_screenshots_are_drawn_as_congo_draws_them() {
        let drawn = |inner: &str, paired: bool| {
            let name = inner.split_whitespace().next().unwrap();
            in_place(name, &Args::of(inner), paired)
        };
        assert_eq!(
            drawn("lead", true),
            Some(("\n\n".into(), Some("\n\n".into())))
        );
        assert_eq!(
            drawn("badge", true),
            Some((String::new(), Some(String::new())))
        );
        assert_eq!(
            drawn("screenshot src=\"render-settings.jpg\" alt=\"The settings\" caption=\"Render *settings*\"", false)
                .unwrap()
                .0,
            "![The settings](<render-settings.jpg> \"Render *settings*\")"
        );
        assert_eq!(
            drawn("screenshot src=\"lighthouse.jpg\"", false).unwrap().0,
            "![](<lighthouse.jpg>)"
        );
        assert_eq!(drawn("screenshot", false), None);
        assert_eq!(drawn("lead", false), None);
    }
}
