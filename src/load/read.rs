//! Reading one file: as UTF-8 text (a byte-order mark dropped, a binary file refused), and
//! a Markdown source with its front matter, slug and topic.

use super::{Date, FrontMatter};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use crate::text::slugify;
use std::path::{Path, PathBuf};

/// One Markdown file: where it is, its front matter and where its body starts.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path from the site root, for diagnostics (`content/effects/numbness.md`).
    pub path: PathBuf,
    /// Path from the content folder (`effects/numbness.md`).
    pub rel: PathBuf,
    pub slug: String,
    /// Declared or inferred topic; `None` for a standalone page at the content root.
    pub topic: Option<String>,
    pub front: FrontMatter,
    pub text: String,
    /// Byte offset of the body in `text`.
    pub body_start: usize,
    /// [`content_hash`] of the body: what `urls.json` records to notice edits.
    pub body_hash: u64,
}

impl Source {
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

pub(super) fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Reads a file as UTF-8, or reports where it stops being UTF-8.
pub(super) fn read_text(
    root: &Path,
    full: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<(PathBuf, String)> {
    let file = display_path(root, full);
    let bytes = match std::fs::read(full) {
        Ok(bytes) => bytes,
        Err(e) => {
            diagnostics.push(
                Diagnostic::error(Code::Io, format!("could not read file: {e}")).in_file(file),
            );
            return None;
        }
    };
    // UTF-16 (Notepad's "Unicode"), which mdBook, Hugo and Obsidian show as noise:
    // read as the text it is, with a warning to save it as UTF-8.
    let decoded = match crate::text::utf16_text(&bytes) {
        Some((text, order)) => {
            diagnostics.push(
                Diagnostic::warning(
                    Code::NotUtf8,
                    format!("file is UTF-16 ({order}), not UTF-8: read as UTF-16"),
                )
                .at(file.clone(), 1, 1)
                .help("save it as UTF-8: mdBook, Hugo, Zola and Obsidian read only UTF-8"),
            );
            Ok(text)
        }
        None => String::from_utf8(bytes),
    };
    match decoded {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            // Scanned once: the marks are among these characters (`marks::strip_marks`).
            if let Some((at, control, count)) = crate::marks::first_forbidden(&text) {
                let (l, c) = line_col(&text, at);
                let many = if count == 1 { "" } else { "s" };
                diagnostics.push(
                    Diagnostic::warning(
                        Code::NotText,
                        format!(
                            "file contains {count} control character{many} a web page may not hold (U+{:04X} first); each is shown as the replacement character U+FFFD",
                            control as u32
                        ),
                    )
                    .at(file.clone(), l, c)
                    .help("delete it: such characters come with text copied from a PDF or a terminal, and show as nothing or a box"),
                );
                text = crate::marks::replace_forbidden(&text);
            }
            let text = crate::diagnostic::normalize_lone_cr(text);
            if let Some(nul) = text.find('\0') {
                let (l, c) = line_col(&text, nul);
                let count = text.bytes().filter(|&b| b == 0).count();
                if looks_binary(&text, count) {
                    diagnostics.push(
                        Diagnostic::error(
                            Code::NotText,
                            "file contains NUL bytes; it looks like a binary file, not text",
                        )
                        .at(file, l, c)
                        .help(
                            "remove it from the content folder, or rename it so it does not end in .md",
                        ),
                    );
                    return None;
                }
                // A few NULs in text (binary output pasted into a note): CommonMark
                // replaces each with U+FFFD, as every Markdown tool shows it.
                diagnostics.push(
                    Diagnostic::warning(
                        Code::NotText,
                        format!(
                            "file contains {count} NUL byte{}; each is shown as the replacement character U+FFFD",
                            if count == 1 { "" } else { "s" }
                        ),
                    )
                    .at(file.clone(), l, c)
                    .help("remove the NUL bytes, or put the pasted bytes in a file to download"),
                );
                let text = text.replace('\0', "\u{fffd}");
                return Some((file, text));
            }
            Some((file, text))
        }
        Err(e) => {
            diagnostics.push(crate::diagnostic::not_utf8(&e, &file));
            None
        }
    }
}

/// A title from a file name, for an article that gives none: `dismissive-family_styles.md`
/// → "Dismissive family styles" (see [`crate::text::humanise`]). `index.md`, `_index.md` and
/// `README.md` take their folder's name.
pub fn title_from_file_name(rel: &Path) -> String {
    let stem = rel.file_stem().unwrap_or_default().to_string_lossy();
    let own_text = matches!(&*stem, "index" | "_index") || stem.eq_ignore_ascii_case("readme");
    let name = match rel.parent().and_then(Path::file_name).filter(|_| own_text) {
        Some(folder) => folder.to_string_lossy(),
        None => stem,
    };
    // A name of dashes or underscores alone humanises to nothing: it stays as it is.
    Some(crate::text::humanise(&name))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| name.into_owned())
}

/// The title an article is given before its text is read: its `title:`, else the
/// text of its entry in SUMMARY.md.
pub fn given_title<'a>(
    source: &'a Source,
    summary: Option<&'a super::summary::Summary>,
) -> Option<&'a str> {
    source.front.title.as_deref().or_else(|| {
        summary?
            .chapter(&source.rel)
            .map(|c| c.title.as_str())
            .filter(|t| !t.is_empty())
    })
}

/// Whether the site's tool shows a page's own opening `#` heading whatever its
/// `title:` says, as Docusaurus, MkDocs (`mkdocs`) and VitePress do (mdBook does
/// whatever SUMMARY.md names a chapter): see `markdown::Title::Shown`.
pub fn shows_own_heading(content: &super::Content, mkdocs: bool) -> bool {
    content.docusaurus || mkdocs || super::vitepress::is_site(&content.root, &content.dir)
}

/// The title of a page that gives none and has no heading: a sidebar's name for it
/// (`contents.rs`), else its file name's (see [`title_from_file_name`]).
pub fn fallback_title(source: &Source) -> String {
    (source.front.contents_title.clone()).unwrap_or_else(|| title_from_file_name(&source.rel))
}

/// Text is binary when NUL bytes are more than one in a hundred bytes (an image, or
/// UTF-16 text, where every other byte of ASCII is NUL), or when it starts with one.
fn looks_binary(text: &str, nuls: usize) -> bool {
    nuls * 100 > text.len() || text.starts_with('\0')
}

pub(super) fn read_source(
    root: &Path,
    full: &Path,
    rel: &Path,
    front_matter: crate::config::InvalidFrontMatter,
    logseq: Option<super::logseq_graph::Graph>,
    diagnostics: &mut Diagnostics,
) -> Option<Source> {
    let (path, text) = read_text(root, full, diagnostics)?;
    let lenient = front_matter == crate::config::InvalidFrontMatter::Warn;
    let (mut text, mut front, body_start) =
        super::front_recover::split(text, &path, lenient, diagnostics)?;
    let mut stem = rel.file_stem().unwrap_or_default().to_string_lossy();
    // A Logseq page's properties are its front matter; its file's name, as Logseq
    // writes a page name (`Parenting___Attachment`), is the name it has there.
    if let Some(graph) = logseq {
        if body_start == 0 {
            if let Some(properties) =
                super::logseq_graph::page_properties(&mut text, graph, &path, diagnostics)
            {
                front = properties;
            }
        }
        if let Some(name) = super::logseq_graph::name_of_file(&stem) {
            front.title.get_or_insert_with(|| name.clone());
            stem = name.into();
        }
    }
    zola_dated_name(rel, &mut front);
    // A name of symbols or emoji alone (`$?.md`, `🧠.md`) is spelled out; one of
    // symbols nothing spells (`↕.md`) by its characters' code points (`u2195`).
    let slug = Some(slugify(&stem))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| crate::text::spelled_slug(&stem));
    let slug = match slug.is_empty() {
        true => stem
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| format!("u{:x}", u32::from(c)))
            .collect::<Vec<_>>()
            .join("-"),
        false => slug,
    };
    let slug = fitting_slug(slug, &path, diagnostics);
    let folder = rel
        .parent()
        .and_then(|p| p.components().next())
        .map(|c| slugify(&c.as_os_str().to_string_lossy()));
    let topic = front.topic.clone().or(folder);
    let body_hash = content_hash(&text[body_start..]);
    Some(Source {
        path,
        rel: rel.to_path_buf(),
        slug,
        topic,
        front,
        text,
        body_start,
        body_hash,
    })
}

/// A slug a file name makes longer than a file name may be ([`crate::text::MAX_SEGMENT`]
/// bytes; a physician's garden names notes by a whole sentence, the file itself up to
/// the file system's 255): cut after the last word that fits, with a `slug-too-long`
/// warning, as Quartz publishes such a note under its name.
fn fitting_slug(slug: String, path: &Path, diagnostics: &mut Diagnostics) -> String {
    use crate::text::MAX_SEGMENT;
    if slug.len() <= MAX_SEGMENT {
        return slug;
    }
    // At a character's start, and not before a mark that belongs to the one before.
    let starts = |i: usize| {
        let mark = |rest: &str| rest.starts_with(unicode_normalization::char::is_combining_mark);
        slug.is_char_boundary(i) && !mark(&slug[i..])
    };
    let end = (0..=MAX_SEGMENT).rev().find(|&i| starts(i)).unwrap_or(0);
    let cut = slug[..end]
        .rfind('-')
        .filter(|&i| i > MAX_SEGMENT / 2)
        .unwrap_or(end);
    let short = slug[..cut].trim_end_matches('-').to_string();
    diagnostics.push(
        Diagnostic::warning(
            Code::SlugTooLong,
            format!(
                "the file name gives a slug of {} bytes, more than the {MAX_SEGMENT} a file name holds: the page is published at '{short}/'",
                slug.len()
            ),
        )
        .in_file(path)
        .help("links to the note lead there; rename the file to choose a shorter address"),
    );
    short
}

/// A page with a `slug:` (see below), and a page whose file name (a bundle's folder
/// name, for `index.md`) starts with a date,
/// `2022-03-28-release-highlights.md`: Zola (and Jekyll) date the page by it when the
/// front matter gives no `date`, and Zola publishes it at the name without the date
/// (`news/release-highlights/`), kept here as an old address (`path`) links may use.
fn zola_dated_name(rel: &Path, front: &mut FrontMatter) {
    let stem = rel.file_stem().unwrap_or_default().to_string_lossy();
    let (name, folders) = if stem == "index" {
        let parent = rel.parent().unwrap_or(Path::new(""));
        (
            parent.file_name().unwrap_or_default().to_string_lossy(),
            parent.parent(),
        )
    } else {
        (stem, rel.parent())
    };
    let in_folders = |last: &str| {
        let mut address: String = folders
            .into_iter()
            .flat_map(|p| p.components())
            .map(|c| slugify(&c.as_os_str().to_string_lossy()) + "/")
            .collect();
        address.push_str(&slugify(last));
        address.push('/');
        address
    };
    // `slug:`, as Hugo and Zola read it: the last part of the page's address, in
    // place of its file's (or bundle's) name. Not a section's.
    let slug = front
        .slug
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && name != "_index" && !slugify(s).is_empty());
    if let Some(slug) = slug.filter(|_| front.path.is_none()) {
        front.path = Some(in_folders(slug));
        // Hugo keeps what `slugify` changes (`slug: isrg-cp-cps-v5.8`, folders named
        // `2.10`): that address is an old one too.
        let hugo: String = folders
            .into_iter()
            .flat_map(|p| p.components())
            .map(|c| hugo_segment(&c.as_os_str().to_string_lossy(), false) + "/")
            .chain([hugo_segment(slug, false) + "/"])
            .collect();
        front.old_address = Some(hugo).filter(|h| front.path.as_ref() != Some(h));
    }
    // Hugo's `url:`, the page's whole address there, over what a slug gives.
    if let Some(url) = front.url.as_deref().map(str::trim) {
        if !url.is_empty() && !url.contains("://") {
            front.old_address = Some(url.to_string());
        }
    }
    let Some((date, rest)) = dated_name(&name) else {
        return;
    };
    if front.date.is_none() {
        front.date = Some(date);
    }
    if front.path.is_none() {
        front.path = Some(in_folders(rest));
    }
}

/// A path segment as Hugo makes it of a file, folder or `slug:` (`MakePath`): lower
/// case (its letter case kept with `keep_case`, Hugo's `disablePathToLower`), white
/// space as `-`, letters, digits and `.`, `-`, `_`, `+`, `~` kept, the rest left out.
pub(super) fn hugo_segment(name: &str, keep_case: bool) -> String {
    let kept = name.trim().chars().filter_map(|c| match c {
        c if c.is_whitespace() => Some('-'),
        c if c.is_alphanumeric() || ".-_+~".contains(c) => Some(c),
        _ => None,
    });
    match keep_case {
        true => kept.collect(),
        false => kept.flat_map(char::to_lowercase).collect(),
    }
}

/// `2022-03-28-rest`, `2022-03-28_rest`, `2022-03-28T10:00:00Z rest`…: the date and the
/// rest, as Zola reads a dated file name (an RFC 3339 date, its time optional, a space
/// at most, then `-` or `_`).
fn dated_name(name: &str) -> Option<(Date, &str)> {
    let date = Date::parse(name.get(..10)?)?;
    let mut rest = &name[10..];
    if let Some(time) = rest.strip_prefix('T') {
        // `HH:MM:SS`, a fraction, then `Z` or `+HH:MM`: read as bytes, all ASCII.
        let b = time.as_bytes();
        let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let is = |i: usize, c: u8| b.get(i) == Some(&c);
        let clock = [0, 1, 3, 4, 6, 7].into_iter().all(digit) && is(2, b':') && is(5, b':');
        if !clock {
            return None;
        }
        let mut at = 8;
        if is(at, b'.') {
            at += 1;
            while digit(at) {
                at += 1;
            }
        }
        if is(at, b'Z') {
            at += 1;
        } else if (is(at, b'+') || is(at, b'-'))
            && [1, 2, 4, 5].into_iter().all(|i| digit(at + i))
            && is(at + 3, b':')
        {
            at += 6;
        } else {
            return None;
        }
        rest = &time[at..];
    }
    let rest = rest.strip_prefix(char::is_whitespace).unwrap_or(rest);
    let rest = rest.strip_prefix(['-', '_'])?;
    (!rest.is_empty()).then_some((date, rest))
}

/// Whether the file's first line that is not blank is a front matter fence, `---`
/// (YAML) or `+++` (TOML), or opens a JSON object (`{"title": …`), as Hugo reads an HTML content file: such a file is a page
/// (its front matter read as a Markdown page's, its body HTML); another is copied as
/// it is. Only the file's start is read; a file that cannot be read is not a page
/// (it is reported where it is copied).
pub(super) fn opens_with_front_matter(full: &Path) -> bool {
    use std::io::Read;
    let mut start = Vec::with_capacity(512);
    let Ok(file) = std::fs::File::open(full) else {
        return false;
    };
    if file.take(4096).read_to_end(&mut start).is_err() {
        return false;
    }
    let start = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&start);
    let text = String::from_utf8_lossy(start);
    let mut lines = text.split('\n');
    // The last piece may be a line cut short at the 4,096 bytes: not a fence.
    let last = lines.next_back();
    let mut lines = lines.chain(last.filter(|_| start.len() < 4096));
    lines
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| matches!(line.trim_end(), "---" | "+++"))
        || super::fence::opens_json(text.trim_start())
}

/// FNV-1a (64 bits) of `text` with line endings normalised to `\n`: a hash that stays
/// the same across platforms, toolchains and versions of attune, so a manifest
/// written today still compares with a build years from now.
pub fn content_hash(text: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            continue;
        }
        hash = (hash ^ u64::from(b)).wrapping_mul(PRIME);
    }
    hash
}

/// The warning for a content file that another tool reads as a page and attune does
/// not (Hugo renders AsciiDoc, Org, Pandoc and reStructuredText content; Jupyter Book
/// and Quarto, notebooks): it is copied as it is, a file to download. None for an
/// extension the site lists in `[build] downloads`, published so on purpose.
pub(super) fn other_format(rel: &Path, downloads: &[String]) -> Option<Diagnostic> {
    let ext = rel.extension()?.to_str()?.to_ascii_lowercase();
    if downloads
        .iter()
        .any(|d| d.trim_start_matches('.').eq_ignore_ascii_case(&ext))
    {
        return None;
    }
    let (what, instead) = match ext.as_str() {
        "adoc" | "asciidoc" => ("AsciiDoc", "to publish it as a page, convert it to Markdown (for example with `asciidoctor -b docbook` then `pandoc -f docbook -t gfm`)"),
        "org" => ("Org", "to publish it as a page, convert it to Markdown (for example with `pandoc -f org -t gfm`)"),
        "rst" => ("reStructuredText", "to publish it as a page, convert it to Markdown (for example with `pandoc -f rst -t gfm`)"),
        "ipynb" => ("a Jupyter notebook", "to show it as a page, convert it to Markdown (`jupyter nbconvert --to markdown`); to offer it as a download, link to it"),
        "pandoc" | "pdc" => ("Pandoc Markdown", "to publish it as a page, rename it to `.md`"),
        "mdown" | "mkd" | "mkdn" | "mdwn" | "mdtxt" | "mdtext" => ("Markdown under another extension", "to publish it as a page, rename it to `.md`"),
        _ => return None,
    };
    Some(
        Diagnostic::warning(
            Code::NotMarkdown,
            format!("this file is {what}: attune reads Markdown (`.md`, `.markdown`, `.mdx`) only, so it is published as a file to download, not as a page"),
        )
        .help(format!("{instead}; to publish `.{ext}` files as downloads on purpose, without this warning, add \"{ext}\" to `downloads` under [build] in book.toml")),
    )
}

/// Whether a content file is HTML (`.html`, `.htm`), which is a page of the site when
/// it opens with front matter (Hugo's HTML content format: see
/// [`read::opens_with_front_matter`]), and otherwise a file copied as it is.
pub fn is_html_page(rel: &Path) -> bool {
    rel.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Whether the content file `full` (at `rel`) is a page: Markdown, or Hugo's HTML
/// content format (front matter, then the page's HTML).
pub(super) fn is_page_file(rel: &Path, full: &Path) -> bool {
    let s = rel.to_string_lossy();
    s.ends_with(".md")
        || s.ends_with(".markdown")
        || s.ends_with(".mdx")
        || is_html_page(rel) && opens_with_front_matter(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_files_take_their_folder_s_name() {
        assert_eq!(
            title_from_file_name(Path::new("care/family-styles/README.md")),
            "Family styles"
        );
        assert_eq!(
            title_from_file_name(Path::new("care/Family Styles/_index.md")),
            "Family Styles"
        );
        assert_eq!(
            title_from_file_name(Path::new("care/readme-first.md")),
            "Readme first"
        );
    }

    #[test]
    fn a_dated_name_is_read_as_zola_reads_it() {
        let d = |y, m, day| Date {
            year: y,
            month: m,
            day,
        };
        assert_eq!(
            dated_name("2022-03-28-release-22.03"),
            Some((d(2022, 3, 28), "release-22.03"))
        );
        assert_eq!(
            dated_name("2018-10-10_hello"),
            Some((d(2018, 10, 10), "hello"))
        );
        assert_eq!(
            dated_name("2018-10-10 _hello"),
            Some((d(2018, 10, 10), "hello"))
        );
        assert_eq!(
            dated_name("2018-10-10T08:30:00Z-hello"),
            Some((d(2018, 10, 10), "hello"))
        );
        assert_eq!(
            dated_name("2018-10-10T08:30:00.5+02:00_hello"),
            Some((d(2018, 10, 10), "hello"))
        );
        // A daily note, a name with a space only, an impossible date: not dated.
        assert_eq!(dated_name("2018-10-10"), None);
        assert_eq!(dated_name("2018-10-10-"), None);
        assert_eq!(dated_name("2018-10-10 meeting"), None);
        assert_eq!(dated_name("2018-02-30-x"), None);
        assert_eq!(dated_name("2018-10-10T08:30-x"), None);
        assert_eq!(dated_name("notes-2018-10-10"), None);
    }

    #[test]
    fn content_hash_is_fnv1a_and_ignores_line_endings() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(content_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(content_hash("one\r\ntwo\n"), content_hash("one\ntwo\n"));
        assert_ne!(content_hash("one\ntwo\n"), content_hash("one\ntwo.\n"));
    }
}
