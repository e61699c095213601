//! Tags that stand for a page's address in a link's address, which the text takes in
//! the tag's place so the link is resolved and checked as any link to a file: Hugo's
//! `{{< ref "other.md" >}}` and `{{< relref >}}` (see [`hugo_ref_target`]), Jekyll's
//! `{% link docs/other.md %}` (the file's path from the site's folder) and
//! `{% post_url 2020-01-02-hello %}` (a post of `_posts/`), and Jekyll's site address
//! before a path from the site's top: `{{ site.baseurl }}/docs/other/` and
//! `{{ "/docs/other/" | relative_url }}` are `/docs/other/`, as attune publishes the
//! site from its top.

use super::expand::{Article, Expressions};
use super::foreign::{Kind, Tag};
use super::hugo_ref::hugo_ref_target;

/// The text that stands in a link's address for `tag`, named `name`, in `article`
/// (whose text is `text`), when it is one of the module's; `None` for any other tag.
/// The site's address alone (`[Home]({{ site.baseurl }})`) is its top, `/`.
pub(super) fn page_link(tag: &Tag, name: &str, article: &Article, text: &str) -> Option<String> {
    let jekyll = article.expressions == Expressions::Liquid;
    let dir = article.content.map(|(_, dir, _)| dir);
    let exists = |rel: &str| dir.is_some_and(|d| d.join(rel).is_file());
    // Jekyll's `collections_dir`, read only for a path that names no file from the top.
    let collections = || dir.and_then(crate::load::jekyll::collections_folder);
    let link = link_of(tag.kind, name, &tag.inner, jekyll, &exists, &collections)?;
    let alone = text[tag.range.end..].starts_with([')', '>', '"', '\'', ' ']);
    Some(if link.is_empty() && alone {
        "/".into()
    } else {
        link
    })
}

/// As [`page_link`], for the tag of `kind` whose inner text is `inner`. Jekyll's tags
/// are read on a Jekyll site only (`jekyll`: where Jekyll's meaning is sure, `{% link
/// b.md %}` naming `b.md` from the site's top, not from the page's folder); `exists`
/// says whether a path below the content folder is a file (a post's extension is found
/// by it: `.md`, `.markdown`, `.html`); `collections` gives the site's `collections_dir`,
/// below which `{% link _docs/a.md %}` names a document, as Jekyll's `relative_path`
/// of a document leaves that folder out.
fn link_of(
    kind: Kind,
    name: &str,
    inner: &str,
    jekyll: bool,
    exists: &dyn Fn(&str) -> bool,
    collections: &dyn Fn() -> Option<String>,
) -> Option<String> {
    let inner = inner.trim_matches('-').trim();
    if matches!(kind, Kind::Liquid | Kind::Expression) && !jekyll {
        return None;
    }
    match kind {
        Kind::HugoRaw | Kind::HugoMarkdown
            if matches!(name.to_ascii_lowercase().as_str(), "ref" | "relref") =>
        {
            hugo_ref_target(inner)
        }
        Kind::Liquid if name == "link" => {
            let path = argument(inner)?.trim_start_matches('/');
            let collected = (!exists(path))
                .then(collections)
                .flatten()
                .map(|d| format!("{d}/{path}"))
                .filter(|p| exists(p));
            let path = collected.as_deref().unwrap_or(path);
            Some(format!("/{}", encode_spaces(path)))
        }
        Kind::Liquid if name == "post_url" => {
            // A post in a folder of `_posts/`, or in `_posts/` of a folder (a category).
            let post = argument(inner)?.trim_start_matches('/');
            let (folder, name) = post.rsplit_once('/').unwrap_or(("", post));
            let folder = Some(folder).filter(|f| !f.is_empty());
            let places = match folder {
                Some(folder) => vec![
                    format!("_posts/{folder}/{name}"),
                    format!("{folder}/_posts/{name}"),
                ],
                None => vec![format!("_posts/{name}")],
            };
            let find = |places: &[String]| {
                places.iter().find_map(|path| {
                    let ext = ["md", "markdown", "mdx", "html"]
                        .into_iter()
                        .find(|ext| exists(&format!("{path}.{ext}")))?;
                    Some(format!("{path}.{ext}"))
                })
            };
            let found = find(&places).or_else(|| {
                let d = collections()?;
                find(
                    &places
                        .iter()
                        .map(|p| format!("{d}/{p}"))
                        .collect::<Vec<_>>(),
                )
            });
            let path = found.unwrap_or_else(|| format!("{}.md", places[0]));
            Some(format!("/{}", encode_spaces(&path)))
        }
        Kind::Expression => site_address(inner),
        _ => None,
    }
}

/// The path a `link` or `post_url` tag names: its one argument, quoted or not; `None`
/// when it is a variable's value (`{% link {{ page.file }} %}`) or missing.
fn argument(inner: &str) -> Option<&str> {
    let rest = inner.split_once(char::is_whitespace)?.1.trim();
    let rest = rest
        .strip_prefix(['"', '\''])
        .and_then(|r| r.strip_suffix(['"', '\'']))
        .unwrap_or(rest);
    let plain = !rest.is_empty() && !rest.contains(['{', '}', '|', '\n', '#', '?']);
    (plain && !rest.split('/').any(|p| p == "..")).then_some(rest)
}

/// Jekyll's site address (`site.baseurl`, `site.url`, `site.github.url`, any case, and
/// `relative_url`/`absolute_url` over a quoted path): empty, or the quoted path.
fn site_address(inner: &str) -> Option<String> {
    let (value, filters) = match inner.split_once('|') {
        Some((value, filters)) => (value.trim(), filters.trim()),
        None => (inner.trim(), ""),
    };
    let site = matches!(
        value.to_ascii_lowercase().as_str(),
        "site.baseurl" | "site.url" | "site.github.url" | "site.base_url"
    );
    if site && filters.is_empty() {
        return Some(String::new());
    }
    let filter = filters.split_whitespace().next().unwrap_or("");
    if !matches!(filter, "relative_url" | "absolute_url") || filters.contains('|') {
        return None;
    }
    if site {
        return Some("/".to_string());
    }
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let path = value[1..].strip_suffix(quote)?;
    if path.contains(['{', '}', '"', '\'', '\n']) {
        return None;
    }
    let path = encode_spaces(path);
    if path.starts_with('/') || path.contains("://") {
        Some(path)
    } else {
        Some(format!("/{path}"))
    }
}

/// A path made one link destination: spaces percent-encoded.
fn encode_spaces(path: &str) -> String {
    path.replace(' ', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekylls_link_tags_name_the_file() {
        let exists = |rel: &str| rel == "news/_posts/2010-07-21-name.markdown";
        let none = || None;
        let link =
            |name: &str, inner: &str| link_of(Kind::Liquid, name, inner, true, &exists, &none);
        assert_eq!(
            link_of(Kind::Liquid, "link", "link a.md", false, &exists, &none),
            None
        );
        assert_eq!(
            link("post_url", "post_url news/2010-07-21-name").as_deref(),
            Some("/news/_posts/2010-07-21-name.markdown")
        );
        assert_eq!(
            link("post_url", "post_url other/2010-07-21-name").as_deref(),
            Some("/_posts/other/2010-07-21-name.md")
        );
        assert_eq!(
            link("link", "link docs/configuration.md").as_deref(),
            Some("/docs/configuration.md")
        );
        assert_eq!(
            link("link", "link \"/docs/a b.md\"").as_deref(),
            Some("/docs/a%20b.md")
        );
        assert_eq!(link("link", "link {{ page.x }}"), None);
        assert_eq!(link("link", "link"), None);
        assert_eq!(link("link", "link ../up.md"), None);
        assert_eq!(
            link("post_url", "post_url 2010-07-21-name").as_deref(),
            Some("/_posts/2010-07-21-name.md")
        );
        assert_eq!(link("include", "include x.html"), None);
    }

    #[test]
    fn the_site_address_is_the_sites_top() {
        let expr = |inner: &str| link_of(Kind::Expression, "", inner, true, &|_| false, &|| None);
        assert_eq!(
            link_of(
                Kind::Expression,
                "",
                "site.baseurl",
                false,
                &|_| false,
                &|| None
            ),
            None
        );
        assert_eq!(expr("site.baseurl").as_deref(), Some(""));
        assert_eq!(expr("site.url").as_deref(), Some(""));
        assert_eq!(expr("'/' | relative_url").as_deref(), Some("/"));
        assert_eq!(
            expr("\"/assets/a.png\" | relative_url").as_deref(),
            Some("/assets/a.png")
        );
        assert_eq!(
            expr("'docs/x/' | absolute_url").as_deref(),
            Some("/docs/x/")
        );
        assert_eq!(expr("site.baseurl | relative_url").as_deref(), Some("/"));
        assert_eq!(expr("page.url"), None);
        assert_eq!(expr("'/x' | relative_url | append: 'y'"), None);
        assert_eq!(expr("'/x' | upcase"), None);
        assert_eq!(expr("site.data.nav"), None);
    }

    #[test]
    fn hugo_refs_are_read_as_before() {
        assert_eq!(
            link_of(
                Kind::HugoRaw,
                "ref",
                "ref \"other\"",
                false,
                &|_| false,
                &|| None
            )
            .as_deref(),
            Some("other.md")
        );
        assert_eq!(
            link_of(
                Kind::Liquid,
                "ref",
                "ref \"other\"",
                true,
                &|_| false,
                &|| None
            ),
            None
        );
    }
}
