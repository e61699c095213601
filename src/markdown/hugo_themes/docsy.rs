//! The shortcodes of Docsy, the Hugo theme most project documentation sites use,
//! drawn as its templates draw them where a page's text is in them:
//!
//! - `tabpane` … `tab`: each tab's text under its header in bold, one after another
//!   (a static page shows every tab); a tab is code, highlighted in its language (the
//!   tab's `lang`, else the pane's, else its header with `langEqualsHeader`), unless it
//!   or its pane says `text=true`; a tab without text (`{{< tab header="Label" />}}`)
//!   is its header alone;
//! - `card` (`header`, `title`, `subtitle`, `footer`; `code=true` with `lang`) and
//!   `cardpane`: the card's text under its header and title;
//! - the landing page's `blocks/cover` (its `title` a heading), `blocks/lead`,
//!   `blocks/section`, `blocks/feature` (its `title` a heading, its `url` a link after
//!   its text) and `blocks/link-down` (an arrow to the next block: nothing);
//! - `comment`: its text is never published, as Obsidian's `%% … %%`;
//! - `imgproc NAME Fill "300x200"`: the bundle's image whose path matches `**NAME*`
//!   (as `.Resources.GetMatch` finds it) in a figure, its inner text the caption.

use crate::markdown::expand::Article;
use crate::markdown::foreign::Tag;
use crate::markdown::hugo_figure::Args;

/// `label` as a paragraph in bold, its punctuation shown as it is (a header written
/// in bold already, `**Linux**`, is not bolded twice); nothing for no label.
pub(in crate::markdown) fn bold(label: &str) -> String {
    let label = label.trim().trim_matches(['*', '_']);
    // A label holding a Markdown link (fluxcd's ecosystem cards,
    // `header="[Azure](https://…)"`) is Markdown, as Docsy's `markdownify` reads it.
    let shown = match label.contains("](") {
        true => label.replace(['\n', '\r'], " "),
        false => super::plain(label),
    };
    match label.trim().is_empty() {
        true => String::new(),
        false => format!("\n\n**{shown}**\n\n"),
    }
}

/// A card's header, title and subtitle, in bold, and its footer.
fn card_labels(args: &Args) -> (String, String) {
    let labels = ["header", "title", "subtitle"].map(|k| bold(args.get(k).unwrap_or("")));
    (
        labels.concat(),
        args.get("footer").map(bold).unwrap_or_default(),
    )
}

/// A tab's header: Docsy's `header`, Hextra's `name`, other themes' `title` or
/// `label`, or its first argument.
fn tab_header(args: &Args) -> String {
    let named = ["header", "name", "title", "label"]
        .iter()
        .find_map(|k| args.get(k));
    named
        .or_else(|| args.first())
        .unwrap_or_default()
        .to_string()
}

/// What stands for the tag `name` (its `inner` text; `paired`: it has a closing tag;
/// `before`: the text before it) whose inner text stays Markdown, Docsy's or Hextra's
/// (`hextra.rs`): the text in its place and, for a pair, in its closing tag's
/// place; `None` for any other tag.
pub(in crate::markdown) fn in_place(
    name: &str,
    inner: &str,
    paired: bool,
    before: &str,
) -> Option<(String, Option<String>)> {
    let args = Args::of(inner);
    let around = |open: String, close: String| Some((open, Some(close)));
    match name {
        "tabpane" | "cardpane" | "blocks/lead" | "blocks/section" if paired => {
            around("\n\n".into(), "\n\n".into())
        }
        "tab" if paired => {
            let header = Some(tab_header(&args)).filter(|h| !h.is_empty());
            let header = header.or_else(|| super::hextra::item_name(before));
            around(bold(&header.unwrap_or_default()), "\n\n".into())
        }
        // A tab with no text of its own, a label before a pane's tabs (Docsy's docs:
        // `{{< tab header="Front matter:" disabled=true />}}`): its header.
        "tab" if inner.trim_end().ends_with('/') => Some((bold(&tab_header(&args)), None)),
        "card" if paired => {
            let (labels, footer) = card_labels(&args);
            around(labels, format!("\n\n{footer}"))
        }
        "blocks/cover" | "blocks/feature" if paired => {
            let level = if name == "blocks/cover" { "##" } else { "###" };
            let title = args.get("title").map(|t| t.replace('\n', " "));
            let heading = title.map(|t| format!("\n\n{level} {}\n\n", t.trim()));
            let subtitle = args.get("subtitle").map(bold).unwrap_or_default();
            let link = match (name, args.get("url")) {
                ("blocks/feature", Some(url)) if !url.contains(['<', '>', '\n']) => {
                    let words = args.get("url_text").unwrap_or("Read more");
                    let words = words.replace(['[', ']'], "");
                    format!("\n\n[{words}](<{url}>)\n\n")
                }
                _ => "\n\n".into(),
            };
            around(heading.unwrap_or_default() + &subtitle, link)
        }
        "blocks/link-down" if !paired => Some((String::new(), None)),
        _ => super::hextra::in_place(name, &args, paired)
            .or_else(|| super::book::in_place(name, &args, paired))
            .or_else(|| super::loveit::in_place(name, &args, paired))
            .or_else(|| super::congo::in_place(name, &args, paired)),
    }
}

/// What stands for a Docsy pair whose inner text is not Markdown (`open` … `close` in
/// `text`): a code tab or card, a comment (nothing), an `imgproc` figure. `None` for
/// any other pair, or one that is Markdown.
pub(in crate::markdown) fn pair(
    text: &str,
    open: &Tag,
    close: &Tag,
    article: &Article,
) -> Option<String> {
    let args = Args::of(&open.inner);
    match open.name() {
        "comment" => Some(String::new()),
        // Hugo Book's math, whose TeX is no Markdown (`book.rs`).
        "katex" => super::book::katex(&open.inner, &text[open.range.end..close.range.start]),
        "tab" => {
            let (pane, _) = super::open_tag(&text[..open.range.start], "tabpane")?;
            let pane = Args::of(&format!("tabpane{pane}"));
            let text_tab = args.flag("text").or_else(|| pane.flag("text"));
            if text_tab == Some(true) {
                return None;
            }
            let header = tab_header(&args);
            let language = (args.get("lang").map(str::to_string))
                .or_else(|| (pane.flag("langEqualsHeader") == Some(true)).then(|| header.clone()))
                .or_else(|| pane.get("lang").map(str::to_string))
                .unwrap_or_default();
            let code = crate::markdown::foreign_body::fenced_code(text, open, close, &language)?;
            Some(format!("{}{code}\n\n", bold(&header)))
        }
        "card" if args.flag("code") == Some(true) => {
            let language = args.get("lang").unwrap_or("");
            let code = crate::markdown::foreign_body::fenced_code(text, open, close, language)?;
            let (labels, footer) = card_labels(&args);
            Some(format!("{labels}{code}\n\n{footer}"))
        }
        "imgproc" => {
            let image = bundle_image(article, args.first()?)?;
            let caption = text[open.range.end..close.range.start].trim();
            let src = crate::text::escape(&image);
            let caption = match caption.is_empty() {
                true => String::new(),
                false => format!("<figcaption>\n\n{caption}\n\n</figcaption>\n"),
            };
            Some(format!(
                "\n\n<figure>\n<img src=\"{src}\" alt=\"\">\n{caption}</figure>\n\n"
            ))
        }
        "code-toggle" => super::gohugoio::code_toggle(text, open, close),
        _ => super::loveit::pair(text, open, close),
    }
}

/// The image of `article`'s bundle (the folder of its `index.md` or `_index.md`) whose
/// path from the folder matches `**{name}*`, in any letter case, the first by path:
/// that path.
fn bundle_image(article: &Article, name: &str) -> Option<String> {
    let (site, _, _) = article.content?;
    let stem = article.file.file_stem()?.to_str()?;
    if !matches!(stem, "index" | "_index") || name.is_empty() {
        return None;
    }
    // The file's own folder: a language's (`content/en/`) is not the content folder.
    let folder = site.join(article.file.parent()?);
    let name = name.to_lowercase();
    let mut found: Vec<String> = walkdir::WalkDir::new(&folder)
        .max_depth(4)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let path = e
                .path()
                .strip_prefix(&folder)
                .ok()?
                .to_str()?
                .replace('\\', "/");
            let lower = path.to_lowercase();
            let extension = crate::markdown::links::file_extension(&lower);
            let image = extension.is_some_and(|e| crate::markdown::images::is_image(&e));
            let matched = lower
                .match_indices(&name)
                .any(|(at, _)| !lower[at + name.len()..].contains('/'));
            (image && matched).then_some(path)
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_cards_and_landing_blocks_keep_their_text_under_their_titles() {
        assert_eq!(
            in_place("tab", "tab header=\"**Linux**\" text=true", true, ""),
            Some(("\n\n**Linux**\n\n".into(), Some("\n\n".into())))
        );
        assert_eq!(
            in_place("tab", "tab \"C++\"", true, "").unwrap().0,
            "\n\n**C\\+\\+**\n\n"
        );
        assert_eq!(
            in_place(
                "blocks/feature",
                "blocks/feature title=\"New!\" url=\"https://x.org/\"",
                true,
                ""
            ),
            Some((
                "\n\n### New!\n\n".into(),
                Some("\n\n[Read more](<https://x.org/>)\n\n".into())
            ))
        );
        assert_eq!(
            in_place(
                "blocks/cover",
                "blocks/cover title=\"Welcome\" height=\"full\"",
                true,
                ""
            )
            .unwrap()
            .0,
            "\n\n## Welcome\n\n"
        );
        // A header holding a link is Markdown (fluxcd's ecosystem cards).
        assert_eq!(
            in_place(
                "card",
                "card header=\"[Azure](https://a.example/)\"",
                true,
                ""
            )
            .unwrap()
            .0,
            "\n\n**[Azure](https://a.example/)**\n\n"
        );
        assert_eq!(
            in_place("card", "card header=\"Head\" footer=\"Foot\"", true, ""),
            Some((
                "\n\n**Head**\n\n".into(),
                Some("\n\n\n\n**Foot**\n\n".into())
            ))
        );
        assert_eq!(
            in_place(
                "blocks/link-down",
                "blocks/link-down color=\"info\"",
                false,
                ""
            ),
            Some((String::new(), None))
        );
        // A tab that is not closed is reported; one closed in its tag is its header.
        assert_eq!(in_place("tab", "tab header=\"x\"", false, ""), None);
        assert_eq!(
            in_place("tab", "tab header=\"x:\" disabled=true /", false, ""),
            Some(("\n\n**x\\:**\n\n".to_string(), None))
        );
        assert_eq!(in_place("alert", "alert", true, ""), None);
    }

    #[test]
    fn a_tab_is_inside_the_pane_opened_last_and_not_yet_closed() {
        let pane = |before| super::super::open_tag(before, "tabpane").map(|(tag, _)| tag);
        assert_eq!(
            pane("x\n{{< tabpane lang=\"bash\" >}}\n"),
            Some(" lang=\"bash\" ")
        );
        assert_eq!(pane("{{< tabpane >}}\n{{< /tabpane >}}\n"), None);
        assert_eq!(pane("{{< tabs >}}\n"), None);
    }
}
