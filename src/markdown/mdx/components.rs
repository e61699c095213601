//! The components that Astro Starlight and Docusaurus give every MDX page (and
//! VitePress every page: its `<Badge>`), drawn as
//! their own pages would read without scripts, where what they mean is Markdown:
//!
//! - Starlight's `<Aside type="tip" title="…">` and Docusaurus' `<Admonition
//!   type="tip" title="…">`: a callout of that kind (a colon-fenced container, read as
//!   `containers.rs` reads one);
//! - `<Tabs>` and `<TabItem label="npm">` (Docusaurus': `label`, else `value`): each
//!   tab's text under its label in bold, one after another;
//! - Starlight's `<Card title="…">` its title in bold over its text, `<LinkCard
//!   title="…" href="…" description="…" />` a link with its description,
//!   `<LinkButton href="…">text</LinkButton>` a link (`<a href="…">`, which an HTML
//!   block around it keeps a link), `<Badge text="…" />` its words;
//! - wrappers whose text is what they show: Starlight's `<Steps>` (an ordered list),
//!   `<FileTree>` (a nested list), `<CardGrid>`, Astro's `<Fragment>`, VitePress's
//!   `<ClientOnly>`; and Starlight's
//!   `<Icon name="…" />`, a picture with no words: nothing, and no report.
//!
//! Any other component is reported by `mdx.rs`. withastro/starlight's docs hold 826
//! `LinkCard`s, 546 `TabItem`s and 132 `Steps`: each was reported, and the tabs' labels
//! and the cards' titles and links were lost.

use crate::markdown::hugo_figure::named_args;

/// A component's tag: its opening tag as written, or a closing one, with the opening
/// tag it closes when there is one.
pub(super) enum Tag<'t> {
    Opening(&'t str),
    Closing(Option<&'t str>),
}

/// How a badge's words start: a heading's id and its name in the contents leave them
/// out (`prose.rs`).
pub const BADGE_OPEN: &str = "<span class=\"badge\">";

/// What stands in the place of the component `name`'s tag, on an MDX page; `None` for
/// a component attune does not draw.
pub(super) fn in_place(name: &str, tag: Tag) -> Option<String> {
    let text = |value: Option<String>| value.map(|v| plain(&v)).unwrap_or_default();
    let written = match tag {
        Tag::Opening(written) => written,
        Tag::Closing(opening) => {
            return Some(match name {
                "Aside" | "Admonition" => "\n:::\n\n".into(),
                "LinkButton" => attribute(opening?, "href").map(|_| "</a>".to_string())?,
                "Badge" => "</span>".into(),
                _ if SILENT.contains(&name) => String::new(),
                _ => return None,
            })
        }
    };
    let get = |key: &str| attribute(written, key);
    Some(match name {
        "Aside" | "Admonition" => {
            let kind = get("type").unwrap_or_else(|| "note".into());
            let kind = match kind.as_str() {
                "note" | "tip" | "caution" | "danger" | "info" | "warning" => kind,
                _ => "note".into(),
            };
            format!("\n\n:::{kind} {}\n", text(get("title")))
        }
        "TabItem" => format!(
            "\n\n**{}**\n\n",
            text(get("label").or_else(|| get("value")))
        ),
        "Card" => match get("title") {
            Some(title) => format!("\n\n**{}**\n\n", plain(&title)),
            None => String::new(),
        },
        "LinkCard" => {
            let href = get("href")?;
            let title = get("title").unwrap_or_else(|| href.clone());
            let description = get("description").map(|d| format!(": {}", plain(&d)));
            let link = format!("[{}](<{href}>)", plain(&title));
            format!("\n\n{link}{}\n\n", description.unwrap_or_default())
        }
        // An HTML link, not Markdown's: a row of buttons sits in a `<div>`, an HTML
        // block where `[text](url)` would be shown as written.
        "LinkButton" => format!("<a href=\"{}\">", crate::text::escape(&get("href")?)),
        // VitePress' `<Badge type="info">beta</Badge>` shows its text in place of `text`.
        "Badge" if !written.ends_with("/>") => BADGE_OPEN.into(),
        "Badge" => match text(get("text")) {
            words if words.is_empty() => words,
            words => format!("{BADGE_OPEN}{words}</span>"),
        },
        _ if SILENT.contains(&name) => String::new(),
        _ => return None,
    })
}

/// Whether `statement` (an MDX page's lines of `import`s) imports only components
/// attune draws, from Starlight (`@astrojs/starlight/components`) or Docusaurus'
/// theme (`@theme/Tabs`), or Markdown partials (`./_notes.mdx`, whose text attune
/// includes): the page loses nothing without it, so it goes unreported.
pub(super) fn imports_drawn_only(statement: &str) -> bool {
    let mut rest = statement;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ';');
        if rest.is_empty() {
            return true;
        }
        let Some(after) = rest.strip_prefix("import") else {
            return false;
        };
        let Some((names, tail)) = after.split_once(" from ") else {
            return false;
        };
        let tail = tail.trim_start();
        let Some(quote) = tail.chars().next().filter(|q| matches!(q, '"' | '\'')) else {
            return false;
        };
        let Some((module, left)) = tail[1..].split_once(quote) else {
            return false;
        };
        let ours = module == "@astrojs/starlight/components" || module.starts_with("@theme/");
        // `{ Card, LinkCard as Link }` or `Tabs`: the names the page uses.
        let drawn = names
            .split([',', '{', '}'])
            .filter_map(|n| n.split_whitespace().last())
            .all(draws);
        // A Markdown partial is drawn: its text is the page's (`include/mdx_partial.rs`).
        let partial = module.ends_with(".md") || module.ends_with(".mdx");
        if !partial && (!ours || !drawn) {
            return false;
        }
        rest = left;
    }
}

/// Whether attune draws the component `name` ([`in_place`]).
fn draws(name: &str) -> bool {
    const DRAWN: [&str; 7] = [
        "Aside",
        "Admonition",
        "TabItem",
        "Card",
        "LinkCard",
        "LinkButton",
        "Badge",
    ];
    DRAWN.contains(&name) || SILENT.contains(&name)
}

/// Components that only hold their text (or, `Icon`, show a picture): nothing in
/// their tags' place.
const SILENT: [&str; 9] = [
    "Tabs",
    "TabItem",
    "Card",
    "Steps",
    "FileTree",
    "CardGrid",
    "Fragment",
    "Icon",
    "ClientOnly",
];

/// The value of the attribute `key` of a tag as written (`<Aside type="tip">`), when
/// it is a quoted string; `None` for an expression (`{…}`) or none.
fn attribute(written: &str, key: &str) -> Option<String> {
    let inner = written
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let args = inner.split_once(char::is_whitespace).map_or("", |(_, a)| a);
    let args = args.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = key.to_ascii_lowercase();
    let value = named_args(&args).into_iter().find(|(k, _)| *k == key)?.1;
    (!value.starts_with('{') && !value.trim().is_empty()).then_some(value)
}

/// `text` as Markdown shows it as written: on one line, its punctuation escaped.
fn plain(text: &str) -> String {
    crate::markdown::hugo_themes::plain(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_imports_of_components_attune_draws_go_unreported() {
        assert!(imports_drawn_only(
            "import { Card, CardGrid } from \"@astrojs/starlight/components\"\nimport Tabs from '@theme/Tabs';\nimport {\n  LinkCard,\n} from '@astrojs/starlight/components';"
        ));
        assert!(!imports_drawn_only(
            "import { Card, Code } from '@astrojs/starlight/components';"
        ));
        assert!(!imports_drawn_only(
            "import { Card as Box } from '@astrojs/starlight/components';"
        ));
        assert!(!imports_drawn_only(
            "import Chart from '../components/Chart.astro';"
        ));
        assert!(!imports_drawn_only("export const year = 2024;"));
    }

    fn open(name: &str, written: &str) -> Option<String> {
        in_place(name, Tag::Opening(written))
    }

    #[test]
    fn starlight_and_docusaurus_components_are_drawn_as_markdown() {
        assert_eq!(
            open("Aside", "<Aside type=\"caution\" title=\"Mind the *gap*\">").unwrap(),
            "\n\n:::caution Mind the \\*gap\\*\n"
        );
        assert_eq!(in_place("Aside", Tag::Closing(None)).unwrap(), "\n:::\n\n");
        assert_eq!(
            open("TabItem", "<TabItem label=\"npm\" icon=\"seti:npm\">").unwrap(),
            "\n\n**npm**\n\n"
        );
        assert_eq!(
            open("TabItem", "<TabItem value=\"yarn\">").unwrap(),
            "\n\n**yarn**\n\n"
        );
        assert_eq!(
            open(
                "LinkCard",
                "<LinkCard\n  title=\"Authoring Markdown\"\n  href=\"/guides/authoring-content/\"\n  description=\"Learn the syntax.\"\n/>",
            )
            .unwrap(),
            "\n\n[Authoring Markdown](</guides/authoring-content/>): Learn the syntax\\.\n\n"
        );
        let button = "<LinkButton href=\"/start/?a=1&b=2\" variant=\"secondary\">";
        assert_eq!(
            open("LinkButton", button).unwrap(),
            "<a href=\"/start/?a=1&amp;b=2\">"
        );
        assert_eq!(
            in_place("LinkButton", Tag::Closing(Some(button))).unwrap(),
            "</a>"
        );
        assert_eq!(open("LinkButton", "<LinkButton variant=\"minimal\">"), None);
        assert_eq!(in_place("LinkButton", Tag::Closing(None)), None);
        assert_eq!(
            open("Badge", "<Badge text=\"New\" variant=\"tip\" />").unwrap(),
            "<span class=\"badge\">New</span>"
        );
        assert_eq!(open("Badge", "<Badge type=\"info\">").unwrap(), BADGE_OPEN);
        for silent in [
            "<Steps>",
            "<FileTree>",
            "<CardGrid stagger>",
            "<Icon name=\"star\" />",
        ] {
            let name = &silent[1..silent.find([' ', '>']).unwrap()];
            assert_eq!(open(name, silent).as_deref(), Some(""), "{silent}");
        }
        // An expression, not a string: not read; another component: not drawn.
        assert_eq!(attribute("<Card title={title}>", "title"), None);
        assert_eq!(open("Testimonial", "<Testimonial name=\"A\">"), None);
        assert_eq!(open("LinkCard", "<LinkCard title=\"No address\" />"), None);
    }
}
