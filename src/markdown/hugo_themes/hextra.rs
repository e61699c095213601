//! The shortcodes of Hextra, a Hugo documentation theme, drawn as its templates draw
//! them where a page's text or links are in them:
//!
//! - `cards` … `card` (`link`, `title`, `subtitle`) and the landing page's
//!   `hextra/feature-grid` … `hextra/feature-card`: a list of links, each card one, its
//!   subtitle after it;
//! - `tabs` … `tab` (`name`, or the tabs' `items` in order): as Docsy's tabs
//!   (`docsy.rs`), each tab's text under its name in bold;
//! - `steps`, `hextra/hero-subtitle`, `hextra/hero-headline`: their text;
//!   `hextra/hero-badge` (`link`) and `hextra/hero-button` (`text`, `link`): a link;
//! - `filetree/container` … `filetree/folder` (`name`) … `filetree/file` (`name`): a
//!   nested list of the names, as written in code;
//! - `badge` (`content`, or first; `link`) and `term` (`entry`, or first): their text;
//!   `icon`, a picture beside words, nothing.

use super::plain;
use crate::markdown::hugo_figure::Args;

/// A link to `link` whose words are `words` (written as Markdown already); the words
/// alone when the address cannot be written in one.
fn link(words: &str, link: Option<&str>) -> String {
    match link.filter(|l| !l.contains(['<', '>', '\n', '\r'])) {
        Some(link) => format!("[{words}](<{link}>)"),
        None => words.to_string(),
    }
}

/// `link` as an HTML attribute's value; `None` when it cannot be one.
fn html_address(link: &str) -> Option<String> {
    let link = link.trim();
    (!link.is_empty() && !link.contains(['<', '>', '"', '\n', '\r']))
        .then(|| link.replace('&', "&amp;"))
}

/// `name` as code.
fn code(name: &str) -> String {
    let fence = if name.contains('`') { "`` " } else { "`" };
    format!(
        "{fence}{}{}",
        name.trim(),
        fence.chars().rev().collect::<String>()
    )
}

/// What stands for Hextra's tag `name` (`paired`: it has a closing tag), read with
/// `args`: the text in its place and, for a pair, in its closing tag's place.
pub(super) fn in_place(name: &str, args: &Args, paired: bool) -> Option<(String, Option<String>)> {
    let around = |open: &str, close: &str| Some((open.to_string(), Some(close.to_string())));
    let first = || args.get("content").or_else(|| args.first());
    match name {
        "cards"
        | "steps"
        | "tabs"
        | "filetree/container"
        | "hextra/feature-grid"
        | "hextra/hero-subtitle"
        | "hextra/hero-headline"
            if paired =>
        {
            around("\n\n", "\n\n")
        }
        // An HTML link, as the badge's text is HTML (a `<span>`, an icon) and it may
        // stand in a `<div>` (Hextra's blog page), where Markdown is not read.
        "hextra/hero-badge" if paired => match args.get("link").and_then(html_address) {
            Some(address) => around(&format!("<a href=\"{address}\">"), "</a>"),
            None => around("", ""),
        },
        // A card's `image` (a screenshot) is shown after its title, or alone in its
        // link, named by its file, when the card has none.
        "card" | "hextra/feature-card" if !paired => {
            let image = (args.get("image")).filter(|i| !i.contains(['<', '>', '\n', '\r']));
            let named = |i: &str| {
                plain(
                    i.rsplit('/')
                        .next()
                        .unwrap_or(i)
                        .split('.')
                        .next()
                        .unwrap_or(i),
                )
            };
            let title = args.get("title").map(plain);
            let picture =
                image.map(|i| format!("![{}](<{i}>)", title.clone().unwrap_or_else(|| named(i))));
            let item = match (title, picture) {
                (Some(title), Some(picture)) => {
                    format!("{} {picture}", link(&title, args.get("link")))
                }
                (Some(title), None) => link(&title, args.get("link")),
                (None, Some(picture)) => link(&picture, args.get("link")),
                (None, None) => return None,
            };
            let subtitle = args
                .get("subtitle")
                .map(|s| format!(": {}", s.replace('\n', " ")));
            Some((format!("- {item}{}", subtitle.unwrap_or_default()), None))
        }
        "hextra/hero-button" if !paired => {
            Some((link(&plain(args.get("text")?), args.get("link")), None))
        }
        "filetree/folder" if paired => around(&format!("- {}", code(args.get("name")?)), ""),
        "filetree/file" if !paired => Some((format!("- {}", code(args.get("name")?)), None)),
        "badge" if !paired => Some((link(&plain(first()?), args.get("link")), None)),
        "term" if !paired => Some((plain(args.get("entry").or_else(|| args.first())?), None)),
        "icon" if !paired => Some((String::new(), None)),
        _ => None,
    }
}

/// The name the enclosing `tabs`' `items` (`items="JSON,YAML"`) give the tab whose
/// opening tag follows `before`: the item after those of the tabs opened since.
pub(super) fn item_name(before: &str) -> Option<String> {
    let (tag, since) = super::open_tag(before, "tabs")?;
    let items = Args::of(&format!("tabs{tag}"));
    let items = items.get("items")?;
    // The tabs before this one: each `tab` tag opened since (its name, then a space or
    // the tag's end).
    let index = ["{{< tab", "{{% tab", "{{<tab", "{{%tab"]
        .iter()
        .map(|o| {
            since
                .match_indices(o)
                .filter(|(at, _)| since[at + o.len()..].starts_with([' ', '>', '%', '\n']))
                .count()
        })
        .sum::<usize>();
    let name = items.split(',').nth(index)?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(inner: &str, paired: bool) -> Option<(String, Option<String>)> {
        let name = inner.split_whitespace().next().unwrap();
        in_place(name, &Args::of(inner), paired)
    }

    #[test]
    fn cards_badges_and_file_trees_keep_their_words_and_links() {
        assert_eq!(
            run(
                "card link=\"../\" title=\"Parent\" icon=\"arrow-left\"",
                false
            )
            .unwrap()
            .0,
            "- [Parent](<../>)"
        );
        assert_eq!(
            run("card title=\"A.B\" subtitle=\"More <b>x</b>\"", false)
                .unwrap()
                .0,
            "- A\\.B: More <b>x</b>"
        );
        assert_eq!(run("badge \"v1.0\"", false).unwrap().0, "v1\\.0");
        assert_eq!(
            run("badge content=\"link\" link=\"https://x.org/\"", false)
                .unwrap()
                .0,
            "[link](<https://x.org/>)"
        );
        assert_eq!(
            run("filetree/folder name=\"content\" state=\"closed\"", true),
            Some(("- `content`".into(), Some(String::new())))
        );
        assert_eq!(
            run("filetree/file name=\"_index.md\"", false).unwrap().0,
            "- `_index.md`"
        );
        assert_eq!(run("icon \"github\"", false), Some((String::new(), None)));
        assert_eq!(
            run("hextra/hero-badge link=\"/x?a=1&b=2\"", true),
            Some(("<a href=\"/x?a=1&amp;b=2\">".into(), Some("</a>".into())))
        );
        assert_eq!(run("card link=\"x\"", false), None);
    }

    #[test]
    fn a_tab_takes_its_name_from_the_tabs_items_in_order() {
        let before = "{{< tabs items=\"JSON,YAML,TOML\" >}}\n{{< tab >}}a{{< /tab >}}\n";
        assert_eq!(item_name(before).as_deref(), Some("YAML"));
        let first = item_name("{{< tabs items=\"A\" >}}\n");
        assert_eq!(first.as_deref(), Some("A"));
        assert_eq!(item_name("{{< tabs >}}\n"), None);
        assert_eq!(item_name("{{< tabs items=\"A\" >}}{{< /tabs >}}\n"), None);
        // One item for two tabs: the second has no name.
        assert_eq!(
            item_name("{{< tabs items=\"A\" >}}{{< tab >}}a{{< /tab >}}"),
            None
        );
    }
}
