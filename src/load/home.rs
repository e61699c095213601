//! GitBook's `structure.readme` (in `.gitbook.yaml`): the file named there, not
//! `README.md`, is the home page's text, as GitBook shows it. It is read as the
//! content folder's `README.md` would be, and links to its own name still lead to it.
//! One in a folder below (`product/README.md`, as GitBook's own example names it) has
//! its relative links and images read from that folder, as GitBook reads every
//! page's: each is written from the top of the content folder before it is read.

use crate::config::BookFiles;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// Whether `rel` is the file `.gitbook.yaml` names as the home page's text.
pub(super) fn is_named_readme(rel: &Path, files: &BookFiles) -> bool {
    files.readme.as_ref().is_some_and(|(name, _)| name == rel)
}

/// Whether `rel` is the content folder's own index (`README.md` in any case,
/// `index.md`), which the named readme takes the place of.
fn is_top_index(rel: &Path) -> bool {
    rel.parent() == Some(Path::new(""))
        && rel
            .file_stem()
            .and_then(|s| s.to_str())
            .is_some_and(|s| s.eq_ignore_ascii_case("readme") || s == "index" || s == "_index")
}

/// Makes the named readme among `markdown` (full path, path from the content folder)
/// the home page's text. When the content folder's own `README.md` or `index.md` is
/// still a page of the book (SUMMARY.md lists it, or there is no SUMMARY.md), that one
/// stays the home page's text, with a warning at `structure.readme`.
/// Returns the named readme's full path and its folder (from the content folder) when
/// that folder is not the top, for [`rebase_links`].
pub(super) fn name_the_home(
    markdown: &mut [(PathBuf, PathBuf)],
    files: &BookFiles,
    diagnostics: &mut Diagnostics,
) -> Option<(PathBuf, String)> {
    let (name, (line, column)) = files.readme.as_ref()?;
    if let Some((_, own)) = markdown.iter().find(|(_, rel)| is_top_index(rel)) {
        diagnostics.push(
            Diagnostic::warning(
                Code::Config,
                format!(
                    "GitBook's structure.readme '{}' is not read: '{}' is a page of the book, the home page's text",
                    name.display(),
                    own.display()
                ),
            )
            .at(Path::new(crate::config::GITBOOK_FILE), *line, *column)
            .help("take it out of SUMMARY.md (or rename it) to make the readme GitBook names the home page"),
        );
        return None;
    }
    let (full, rel) = markdown.iter_mut().find(|(_, rel)| rel == name)?;
    *rel = PathBuf::from("README.md");
    let folder = name.parent()?.to_string_lossy().replace('\\', "/");
    (!folder.is_empty()).then(|| (full.clone(), folder))
}

/// The named readme in a folder below (`readme_below`, from [`name_the_home`]) among
/// `sources`: its body with its links written from the top ([`rebase_links`]).
pub(super) fn rebase_readme(
    root: &Path,
    readme_below: Option<(PathBuf, String)>,
    sources: &mut [super::read::Source],
) {
    let Some((full, folder)) = readme_below else {
        return;
    };
    let path = super::read::display_path(root, &full);
    for source in sources.iter_mut().filter(|s| s.path == path) {
        let body = rebase_links(source.body(), &folder);
        source.text.truncate(source.body_start);
        source.text.push_str(&body);
    }
}

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
/// folder's top: `intro.md` in `product/` → `product/intro.md`.
fn rebase_links(body: &str, folder: &str) -> String {
    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
    let mut at: Vec<usize> = Vec::new();
    // Where a destination starts after `](`, `]:` or `="`: past spaces and `<`.
    let start = |from: usize| {
        let rest = &body[from..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\n', '<']).len();
        from + skipped
    };
    let parser = Parser::new_ext(body, Options::all());
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
    let mut out = String::with_capacity(body.len() + at.len() * (folder.len() + 1));
    let mut copied = 0;
    for from in at {
        out.push_str(&body[copied..from]);
        out.push_str(folder);
        out.push('/');
        copied = from;
    }
    out.push_str(&body[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::rebase_links;

    #[test]
    fn relative_destinations_are_written_from_the_readmes_folder() {
        let body = "# Product\n\nSee [setup](setup.md#run), ![logo](../.gitbook/assets/logo.png), \
                    [web](https://example.org/a.md), [top](/faq.md), [here](#x) and [ref].\n\n\
                    <img src=\"img/a.png\" alt=\"a\"> <a href='b.md'>b</a>\n\n\
                    [ref]: <guide/ref.md>\n\n```\n[code](c.md)\n```\n";
        let out = rebase_links(body, "product");
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
