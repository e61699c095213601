//! Links written from another folder than the page's: GitBook's `structure.readme` in
//! a folder below the content folder (`product/README.md`) is the home page's text,
//! and GitBook reads its relative links, images and HTML `src`/`href` from its own
//! folder, as every page's. Before parsing, each is written from the top
//! (`setup.md` → `product/setup.md`), with a map back, so every position a
//! diagnostic names stays the one in the file as written.

use super::expand::{SegMap, Splice};

/// Whether a link's destination is relative to the page's folder: not empty, not
/// from the root (`/x`), not the page's own anchor or query, no scheme
/// (`https:`, `mailto:`), no template.
fn relative(dest: &str) -> bool {
    let scheme = dest.split_once(':').is_some_and(|(s, _)| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    !dest.is_empty() && !dest.starts_with(['/', '#', '?', '{', '\\']) && !scheme
}

/// `body` with each relative link and image destination (inline, in a reference
/// definition, or a raw HTML `src`/`href`) written from `folder`'s parent, the content
/// folder's top (`intro.md` in `product/` → `product/intro.md`), and its map back;
/// `None` when it has none.
pub fn rebase(
    body: &str,
    folder: &str,
    options: pulldown_cmark::Options,
) -> Option<(String, SegMap)> {
    let at = destinations(body, options);
    if at.is_empty() {
        return None;
    }
    let prefix = format!("{folder}/");
    let mut splice = Splice::new(body);
    let mut copied = 0;
    for from in at {
        splice.copy(copied..from);
        splice.insert(&prefix, from);
        copied = from;
    }
    splice.copy(copied..body.len());
    Some((splice.out, splice.map))
}

/// Where each relative destination in `body` starts, in order.
fn destinations(body: &str, options: pulldown_cmark::Options) -> Vec<usize> {
    use pulldown_cmark::{Event, LinkType, Parser, Tag};
    let mut at: Vec<usize> = Vec::new();
    // Where a destination starts after `](`, `]:` or `="`: past spaces and `<`.
    let start = |from: usize| {
        let rest = &body[from..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\n', '<']).len();
        from + skipped
    };
    let parser = Parser::new_ext(body, options);
    for (_, def) in parser.reference_definitions().iter() {
        if let Some(colon) = body[def.span.clone()].find("]:") {
            let from = start(def.span.start + colon + 2);
            if relative(&def.dest)
                && body[from..].starts_with(def.dest.chars().next().unwrap_or(' '))
            {
                at.push(from);
            }
        }
    }
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) if link_type == LinkType::Inline && relative(&dest_url) => {
                let Some(open) = body[range.clone()].rfind("](") else {
                    continue;
                };
                let from = start(range.start + open + 2);
                if body[from..].starts_with(dest_url.chars().next().unwrap_or(' ')) {
                    at.push(from);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let text = &body[range.clone()];
                if text != html.as_ref() {
                    continue;
                }
                for key in ["src=", "href="] {
                    let mut from = 0;
                    while let Some(found) = text[from..].find(key) {
                        let value = from + found + key.len();
                        from = value;
                        let quote = text[value..]
                            .chars()
                            .next()
                            .filter(|&c| c == '"' || c == '\'');
                        let value = value + quote.map_or(0, char::len_utf8);
                        let end = text[value..]
                            .find(|c: char| {
                                Some(c) == quote
                                    || quote.is_none() && (c.is_whitespace() || c == '>')
                            })
                            .map_or(text.len(), |e| value + e);
                        let before = text[..from - key.len()].chars().next_back();
                        if before.is_some_and(char::is_whitespace) && relative(&text[value..end]) {
                            at.push(range.start + value);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    at.sort_unstable();
    at.dedup();
    at
}

#[cfg(test)]
mod tests {
    use super::rebase;

    #[test]
    fn relative_destinations_are_written_from_the_readmes_folder() {
        let body = "# Product\n\nSee [setup](setup.md#run), ![logo](../.gitbook/assets/logo.png), \
                    [web](https://example.org/a.md), [top](/faq.md), [here](#x) and [ref].\n\n\
                    <img src=\"img/a.png\" alt=\"a\"> <a href='b.md'>b</a>\n\n\
                    [ref]: <guide/ref.md>\n\n```\n[code](c.md)\n```\n";
        let (out, map) = rebase(body, "product", pulldown_cmark::Options::all()).unwrap();
        let logo = out.find("product/../").unwrap();
        assert_eq!(map.back(logo + "product/".len()), body.find("../").unwrap());
        assert!(out.contains("[setup](product/setup.md#run)"), "{out}");
        assert!(
            out.contains("![logo](product/../.gitbook/assets/logo.png)"),
            "{out}"
        );
        assert!(out.contains("(https://example.org/a.md)"), "{out}");
        assert!(
            out.contains("[top](/faq.md)") && out.contains("[here](#x)"),
            "{out}"
        );
        assert!(out.contains("src=\"product/img/a.png\""), "{out}");
        assert!(out.contains("href='product/b.md'"), "{out}");
        assert!(out.contains("[ref]: <product/guide/ref.md>"), "{out}");
        assert!(out.contains("[code](c.md)"), "{out}");
    }
}
