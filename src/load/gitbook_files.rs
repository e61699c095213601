//! GitBook 2 and 3's own files at the top of a book: `GLOSSARY.md`, whose terms
//! GitBook links from the pages to its glossary page, read as attune's glossary;
//! `LANGS.md`, which makes each language's folder a book of its own; and `.bookignore`,
//! the files GitBook leaves out of the book.

use super::GlossaryEntry;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// GitBook's glossary file, at the top of the book.
pub const GLOSSARY: &str = "GLOSSARY.md";

/// GitBook's list of languages, at the top of a multilingual book.
pub const LANGS: &str = "LANGS.md";

/// `[build] exclude`-style patterns, each with why, for what the book in `dir` leaves
/// out in its `.bookignore` (gitignore's patterns, one a line, `#` a comment), as
/// GitBook 3 reads it: nats.docs keeps an old build's HTML pages in `docs/` there.
pub fn bookignore(dir: &Path) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(dir.join(".bookignore")) else {
        return Vec::new();
    };
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter(|line| crate::config::exclude_problem(line).is_none())
        .map(|line| (line.to_string(), "GitBook's `.bookignore`".to_string()))
        .collect()
}

/// Whether the book in `dir` (or the site's folder `root`) is a GitBook: its settings
/// (`.gitbook.yaml`, `.gitbook/`, or the old GitBook's `book.json`) beside it; or, as
/// GitBook 2 needed no settings file, its own `GLOSSARY.md` beside its `SUMMARY.md`, or
/// `LANGS.md`, at the top of the book, files mdBook gives no meaning, in a book with no
/// book.toml of mdBook's own (one with `[book]`, `[output.…]`, `[preprocessor.…]` or
/// `[rust]`, in the site's folder, the book's or the one above it, as mdBook keeps it
/// beside `src/`). A `GLOSSARY.md` with no `SUMMARY.md` (a vault's, a site's of
/// attune's own) is a page.
pub fn is_gitbook(root: &Path, dir: &Path) -> bool {
    let settings = [root, dir].iter().any(|d| {
        d.join(".gitbook.yaml").is_file()
            || d.join(".gitbook").is_dir()
            || d.join("book.json").is_file()
    });
    settings
        || ((dir.join(LANGS).is_file()
            || dir.join(GLOSSARY).is_file() && dir.join(super::summary::FILE_NAME).is_file())
            && ![Some(root), Some(dir), dir.parent()]
                .into_iter()
                .flatten()
                .any(has_mdbook_toml))
}

/// Whether `folder` holds a book.toml with mdBook's own tables.
fn has_mdbook_toml(folder: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(folder.join("book.toml")) else {
        return false;
    };
    text.lines().any(|line| {
        let Some(table) = line.trim_start().strip_prefix('[') else {
            return false;
        };
        let name = table.trim_start_matches('[').trim_start();
        name.starts_with("book]")
            || name.starts_with("book ]")
            || name.starts_with("output.")
            || name.starts_with("preprocessor.")
            || name.starts_with("rust]")
    })
}

/// GitBook 2 and 3's `GLOSSARY.md` among `markdown` (full path, path from the
/// content folder), in a book without a `glossary.yaml`: taken out of the pages and
/// read as the site's glossary, its terms linked from the pages as GitBook linked
/// them. A file with no term stays a page.
pub(super) fn take_glossary(
    root: &Path,
    markdown: &mut Vec<(PathBuf, PathBuf)>,
    content: &mut super::Content,
    diagnostics: &mut Diagnostics,
) {
    if content.glossary_file.is_some() {
        return;
    }
    let Some(at) = markdown
        .iter()
        .position(|(_, rel)| rel == Path::new(GLOSSARY))
    else {
        return;
    };
    let Some((file, text)) = super::read::read_text(root, &markdown[at].0, diagnostics) else {
        return;
    };
    let entries = read_glossary(&text, &file, diagnostics);
    if !entries.is_empty() {
        let (_, rel) = markdown.remove(at);
        content.glossary = entries;
        content.glossary_md = Some(rel);
        content.glossary_file = Some((file, text));
    }
}

/// GitBook's `GLOSSARY.md` read as GitBook reads it: each heading followed by a
/// paragraph is a term, the paragraph's text its definition (a heading with no
/// paragraph after it, the file's `# Glossary` title, is none). GitBook's Markdown
/// reads `##Term` without a space as a heading too. A term defined twice is a
/// `duplicate-term` error at its line, the first definition kept; `file` names the
/// file in diagnostics.
pub fn read_glossary(text: &str, file: &Path, diagnostics: &mut Diagnostics) -> Vec<GlossaryEntry> {
    // `##Term` → `## Term`, outside fenced code: the headings GitBook's parser read.
    let mut spaced = String::with_capacity(text.len() + 16);
    let mut fence: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(f), Some(m)) if f == m => fence = None,
            _ => {}
        }
        let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
        let indent = line.len() - trimmed.len();
        let rest = &trimmed[hashes..];
        if fence.is_none()
            && marker.is_none()
            && indent <= 3
            && (2..=6).contains(&hashes)
            && rest.chars().next().is_some_and(|c| !c.is_whitespace())
        {
            spaced.push_str(&line[..indent + hashes]);
            spaced.push(' ');
            spaced.push_str(rest);
        } else {
            spaced.push_str(line);
        }
    }
    let lines = crate::text::LineIndex::new(&spaced);
    let mut entries: Vec<GlossaryEntry> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut heading: Option<(String, usize)> = None;
    let mut term: Option<(String, usize)> = None;
    let mut paragraph: Option<String> = None;
    for (event, range) in Parser::new(&spaced).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                term = None;
                heading = Some((String::new(), lines.position(range.start).0));
            }
            Event::End(TagEnd::Heading(_)) => term = heading.take(),
            Event::Start(Tag::Paragraph) if term.is_some() => paragraph = Some(String::new()),
            Event::End(TagEnd::Paragraph) => {
                let (Some(definition), Some((name, line))) = (paragraph.take(), term.take()) else {
                    continue;
                };
                let name = name.trim().to_string();
                if name.is_empty() {
                    continue;
                }
                let key = name.to_lowercase();
                if let Some(&first) = seen.get(&key) {
                    diagnostics.push(
                        Diagnostic::error(
                            Code::DuplicateTerm,
                            format!(
                                "glossary term '{name}' is defined twice: here and at {}:{first}:1",
                                file.display()
                            ),
                        )
                        .at(file, line, 1)
                        .related(file, first, 1, "the first definition")
                        .help("merge the two definitions into one entry"),
                    );
                    continue;
                }
                seen.insert(key, line);
                entries.push(GlossaryEntry {
                    term: name,
                    aliases: Vec::new(),
                    definition: definition.split_whitespace().collect::<Vec<_>>().join(" "),
                    article: None,
                });
            }
            // Any other block after a heading: the heading names no term.
            Event::Start(Tag::List(_) | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_))
                if paragraph.is_none() =>
            {
                term = None
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((h, _)) = &mut heading {
                    h.push_str(&t);
                } else if let Some(p) = &mut paragraph {
                    p.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = &mut paragraph {
                    p.push(' ');
                }
            }
            _ => {}
        }
    }
    entries
}

/// The languages GitBook's `LANGS.md` lists (`* [English](en/)`): each link's
/// folder, a path from the content folder, with its line.
fn languages(text: &str) -> Vec<(String, usize)> {
    let lines = crate::text::LineIndex::new(text);
    Parser::new(text)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) if !dest_url.contains("://") => {
                let folder = dest_url
                    .trim_start_matches("./")
                    .trim_end_matches('/')
                    .to_string();
                (!folder.is_empty()).then(|| (folder, lines.position(range.start).0))
            }
            _ => None,
        })
        .collect()
}

/// A multilingual GitBook, `LANGS.md` at the top of the content folder `dir` with no
/// `SUMMARY.md` beside it: each language's folder is a book of its own, with its own
/// `SUMMARY.md`, which GitBook publishes apart. attune publishes one language per
/// site, so one warning at `LANGS.md` names the folders and the setting that builds
/// each (the language folders are otherwise read as one site's topics).
pub fn warn_languages(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) {
    let langs = dir.join(LANGS);
    if dir.join(super::summary::FILE_NAME).is_file() {
        return;
    }
    let Ok(text) = std::fs::read_to_string(&langs) else {
        return;
    };
    let books: Vec<(String, usize)> = languages(&text)
        .into_iter()
        .filter(|(folder, _)| dir.join(folder).join(super::summary::FILE_NAME).is_file())
        .collect();
    let Some((first, line)) = books.first() else {
        return;
    };
    let content = |folder: &str| -> String {
        let path: PathBuf = dir.strip_prefix(root).unwrap_or(dir).join(folder);
        let path = path.to_string_lossy().replace('\\', "/");
        path.trim_start_matches("./").to_string()
    };
    let names: Vec<String> = books.iter().map(|(f, _)| format!("'{f}/'")).collect();
    diagnostics.push(
        Diagnostic::warning(
            Code::OtherLanguage,
            format!(
                "LANGS.md makes this a multilingual GitBook: {} {} each a book of its own, with its own SUMMARY.md; attune publishes one language per site, so they are read here as one book's folders",
                names.join(", "),
                if books.len() == 1 { "is" } else { "are" }
            ),
        )
        .at(super::read::display_path(root, &langs), *line, 1)
        .help(format!(
            "build one site per language, each with its own book.toml and `[build] content_dir = \"{}\"` (and `[site] language`), as GitBook published each language's book",
            content(first)
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_followed_by_a_paragraph_are_terms() {
        let text = "# Glossary\n\n## Di Wen\n\nHuh, it's *my* name.\n\n##git\nA version\ncontrol system.\n\n## Alone\n\n- a list\n\n```\n##code\n```\n\n## git\n\nAgain.\n";
        let mut d = Diagnostics::new();
        let e = read_glossary(text, Path::new("GLOSSARY.md"), &mut d);
        let terms: Vec<(&str, &str)> = e
            .iter()
            .map(|e| (e.term.as_str(), e.definition.as_str()))
            .collect();
        assert_eq!(
            terms,
            [
                ("Di Wen", "Huh, it's my name."),
                ("git", "A version control system.")
            ]
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 19);
        assert!(d[0]
            .message
            .contains("defined twice: here and at GLOSSARY.md:7:1"));
    }

    #[test]
    fn langs_lists_the_folders() {
        assert_eq!(
            languages(
                "# Languages\n\n* [한국어](ko)\n* [English](./en/)\n* [Site](https://x.org)\n"
            ),
            [("ko".to_string(), 3), ("en".to_string(), 4)]
        );
    }
}
