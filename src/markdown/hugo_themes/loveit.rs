//! The shortcodes of LoveIt and the themes grown from it (DoIt, FixIt), a family of
//! Hugo blog themes, drawn as their templates draw them where a page's words or links
//! are in them:
//!
//! - `link` (`href`, `content`, `title`, or the same three in order): a link, its
//!   text the address when it has none;
//! - `person` (`url`, `name`, `text`, or in order): a link to the person, their
//!   `text` its title; their name alone with no address;
//! - `version 0.2.0 [changed]`: the badge's words, "New in 0.2.0" (or "Changed",
//!   "Deleted", "Deprecated"), in italics;
//! - `music url=… name=… artist=…`, a file of the site's: a player with its
//!   controls, under the song's name and artist (a song of a music service, named
//!   by `server` and `id`, would load another site's player: not drawn);
//! - `style "css" [tag]` … `/style`: its text; the style is the theme's (attune's
//!   pages take no style from content);
//! - `typeit` … `/typeit`, text typed out as the page opens: its text (`code=lang`:
//!   code in that language);
//! - `raw` … `/raw`, whose text the theme puts in the page as it is, where KaTeX
//!   finds its formulas: a formula alone in it (`\( … \)`, `\[ … \]`, `$$ … $$`) is
//!   math, any other text raw HTML.

use crate::markdown::foreign::Tag;
use crate::markdown::hugo_figure::Args;

/// What stands for the tag `name` of these themes whose inner text stays Markdown,
/// read with `args`: the text in its place and, for a pair, in its closing tag's
/// place; `None` for any other tag, or one without what it needs.
pub(super) fn in_place(name: &str, args: &Args, paired: bool) -> Option<(String, Option<String>)> {
    let address = |key: &str, n: usize| {
        args.named_or_nth(key, n)
            .filter(|a| !a.contains(['<', '>', '\n', '\r', ' ']))
    };
    let link = |words: &str, url: &str, title: Option<&str>| {
        let title = title.map_or(String::new(), |t| {
            format!(" \"{}\"", t.replace(['"', '\n'], " "))
        });
        format!("[{}](<{url}>{title})", super::plain(words))
    };
    match name {
        "link" if !paired => {
            let href = address("href", 0)?;
            let words = args.named_or_nth("content", 1).unwrap_or(href);
            Some((link(words, href, args.named_or_nth("title", 2)), None))
        }
        "person" if !paired => {
            let who = args.named_or_nth("name", 1)?;
            let text = args.named_or_nth("text", 2);
            let shown = match address("url", 0) {
                Some(url) => link(who, url, text),
                None => super::plain(who),
            };
            Some((shown, None))
        }
        "version" if !paired => {
            let version = args.first()?;
            if !version
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c))
            {
                return None;
            }
            let label = match args.nth(1).map(str::to_ascii_lowercase).as_deref() {
                None | Some("new") => "New",
                Some("changed") => "Changed",
                Some("deleted") => "Deleted",
                Some("deprecated") => "Deprecated",
                Some(_) => return None,
            };
            Some((format!("*{label} in {}*", super::plain(version)), None))
        }
        "music" if !paired => {
            let src = args
                .get("url")
                .filter(|u| !u.contains(['"', '<', '>', '\n', ':']))?;
            let about = [args.get("name"), args.get("artist")].into_iter().flatten();
            let about: Vec<String> = about.map(super::plain).collect();
            let caption = match about.is_empty() {
                true => String::new(),
                false => format!("{}\n\n", about.join(" — ")),
            };
            Some((
                format!("\n\n{caption}<audio controls src=\"{src}\"></audio>\n\n"),
                None,
            ))
        }
        "typeit" if paired && args.get("code").is_none() => {
            Some(("\n\n".into(), Some("\n\n".into())))
        }
        "style" if paired => Some(("\n\n".into(), Some("\n\n".into()))),
        _ => None,
    }
}

/// What a pair of these themes whose inner text is not Markdown stands for (`open` …
/// `close` in `text`): `raw`'s formula, or its HTML; `typeit`'s code. `None` for any
/// other pair.
pub(super) fn pair(text: &str, open: &Tag, close: &Tag) -> Option<String> {
    let body = &text[open.range.end..close.range.start];
    match open.name() {
        "raw" => Some(raw(body)),
        "typeit" => {
            let language = Args::of(&open.inner).get("code")?.to_string();
            crate::markdown::foreign_body::fenced_code(text, open, close, &language)
        }
        _ => None,
    }
}

/// `raw`'s text: a formula alone in it as math, else its HTML.
fn raw(body: &str) -> String {
    let tex = body.trim();
    let between = |open: &str, close: &str| {
        let inside = tex.strip_prefix(open)?.strip_suffix(close)?;
        (!inside.contains(open) && !inside.trim().is_empty()).then_some(inside.trim())
    };
    if let Some(inline) = between("\\(", "\\)") {
        format!("${}$", inline.replace('\n', " "))
    } else if let Some(display) = between("\\[", "\\]").or_else(|| between("$$", "$$")) {
        format!("\n\n$$\n{display}\n$$\n\n")
    } else {
        crate::markdown::raw_html::as_html(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(inner: &str, paired: bool) -> Option<String> {
        let name = inner.split_whitespace().next().unwrap();
        in_place(name, &Args::of(inner), paired).map(|(open, _)| open)
    }

    #[test]
    fn links_people_and_versions_are_drawn_as_loveit_draws_them() {
        assert_eq!(
            drawn("link \"https://assemble.io\"", false).unwrap(),
            "[https\\:\\/\\/assemble\\.io](<https://assemble.io>)"
        );
        assert_eq!(
            drawn(
                "link \"https://github.com/upstage/\" Upstage \"Visit Upstage!\"",
                false
            )
            .unwrap(),
            "[Upstage](<https://github.com/upstage/> \"Visit Upstage!\")"
        );
        assert_eq!(
            drawn("link href=\"../basics/#a\" content=\"The basics\"", false).unwrap(),
            "[The basics](<../basics/#a>)"
        );
        assert_eq!(
            drawn(
                "person url=\"https://e.org\" name=\"Evgeny K\" text=\"a writer\"",
                false
            )
            .unwrap(),
            "[Evgeny K](<https://e.org> \"a writer\")"
        );
        assert_eq!(drawn("person \"\" Dillon", false).unwrap(), "Dillon");
        assert_eq!(drawn("version 0.2.0", false).unwrap(), "*New in 0\\.2\\.0*");
        assert_eq!(
            drawn("version 0.2.9 changed", false).unwrap(),
            "*Changed in 0\\.2\\.9*"
        );
        assert_eq!(drawn("version 0.2.9 other", false), None);
        assert_eq!(
            drawn("music url=\"/music/Wavelength.mp3\" name=Wavelength artist=oldmanyoung", false)
                .unwrap(),
            "\n\nWavelength — oldmanyoung\n\n<audio controls src=\"/music/Wavelength.mp3\"></audio>\n\n"
        );
        assert_eq!(drawn("music netease song 1868553", false), None);
        assert_eq!(drawn("music url=\"https://m.example/a.mp3\"", false), None);
        assert_eq!(drawn("link", false), None);
        assert_eq!(drawn("link \"a b\"", false), None);
    }

    #[test]
    fn a_raw_formula_is_math_and_other_raw_text_html() {
        assert_eq!(raw("\\(\\mathbf{E}_{1}\\)"), "$\\mathbf{E}_{1}$");
        assert_eq!(
            raw("\n\\[ a=b+c \\\\ d+e=f \\]\n"),
            "\n\n$$\na=b+c \\\\ d+e=f\n$$\n\n"
        );
        assert_eq!(raw("**Hello**"), "**Hello**");
        assert_eq!(raw("\\(a\\) and \\(b\\)"), "\\(a\\) and \\(b\\)");
    }
}
