//! Where each file's page goes: which files are a folder's own text (`_index.md`, or
//! `index.md` or mdBook's `README.md` beside other notes), which are page bundles
//! (`index.md` alone with its images), which note beside a folder of the same name is
//! that folder's text (mdBook's `fn.md` with its sub-chapters in `fn/`), and mdBook's
//! not-found page left out. The sections these folders make are in `tree.rs`.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::Source;
use crate::text::slugify;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Where one source goes.
pub(super) struct Placement {
    /// Site-relative folder URL of its page: `patterns/family-styles/dismissive/`.
    pub url: String,
    /// The last segment of that URL (for a bundle, its folder's name).
    pub slug: String,
    /// A folder's own text: shown on the folder's hub page, not as a page of its own.
    pub hub: bool,
    /// A page bundle directly under the content folder: a page of its own, in no topic.
    pub standalone: bool,
}

/// `Some(true)` for `_index.md`, `Some(false)` for `index.md`, `None` for other notes.
fn is_index(rel: &Path) -> Option<bool> {
    match rel.file_stem()?.to_str()? {
        "_index" => Some(true),
        "index" => Some(false),
        _ => None,
    }
}

/// `README.md` in any case: mdBook's name for a folder's index.
fn is_readme(rel: &Path) -> bool {
    rel.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}

/// Whether `rel` is its folder's index, as `is_index` says: `README.md` counts as
/// `index.md` in a folder that has neither `index.md` nor `_index.md` (those win).
fn index_kind(rel: &Path, indexed: &HashSet<Vec<String>>) -> Option<bool> {
    is_index(rel).or_else(|| (is_readme(rel) && !indexed.contains(&folders(rel))).then_some(false))
}

pub(super) fn folders_of_rel(rel: &Path) -> Vec<String> {
    folders(rel)
}

/// Notes `X.md` beside a folder `X/` of notes that has no index of its own (`index.md`,
/// `_index.md`, `README.md`): that folder's own text, as its index would be. mdBook
/// writes a chapter's sub-chapters in a folder named after it (`fn.md`,
/// `fn/closures.md`), and Obsidian's folder notes sit beside their folder the same way.
/// With `any_case`, a note whose name differs from its folder's only in letter case
/// (`FAQ.md` beside `faq/`, which Docusaurus publishes at `/faq/` above `/faq/actions/`)
/// is that folder's text too, as both are at one address; in a vault they are two
/// notes, as Quartz publishes them (see `spell_out_clashes`). → the folder, as written.
pub(super) fn folder_notes(sources: &[Source], any_case: bool) -> HashMap<PathBuf, Vec<String>> {
    let mut with_notes: HashSet<Vec<String>> = HashSet::new();
    let mut indexed: HashSet<Vec<String>> = HashSet::new();
    for source in sources {
        let f = folders(&source.rel);
        if is_index(&source.rel).is_some() || is_readme(&source.rel) {
            indexed.insert(f.clone());
        }
        for n in 1..=f.len() {
            with_notes.insert(f[..n].to_vec());
        }
    }
    // Each folder by its path in lower case, where only one folder has that path.
    let mut folded: HashMap<Vec<String>, Option<&Vec<String>>> = HashMap::new();
    for folder in with_notes.iter().filter(|_| any_case) {
        let key = folder.iter().map(|n| n.to_lowercase()).collect();
        folded
            .entry(key)
            .and_modify(|one| *one = None)
            .or_insert(Some(folder));
    }
    sources
        .iter()
        .filter(|s| is_index(&s.rel).is_none() && !is_readme(&s.rel))
        .filter_map(|s| {
            let mut folder = own_folder(&s.rel);
            if !with_notes.contains(&folder) {
                let key: Vec<String> = folder.iter().map(|n| n.to_lowercase()).collect();
                folder = folded
                    .get(&key)
                    .copied()
                    .flatten()
                    .filter(|_| any_case)?
                    .clone();
            }
            (!indexed.contains(&folder)).then(|| (s.rel.clone(), folder))
        })
        .collect()
}

/// The name of the folder a hub's text (`index.md`, `README.md` or a folder note) is
/// for.
pub(super) fn hub_folder_name(rel: &Path) -> Option<String> {
    hub_folders(rel).pop()
}

/// The folder a folder note (`fn.md`) is the text of: `fn/`.
fn own_folder(rel: &Path) -> Vec<String> {
    let mut f = folders(rel);
    f.push(
        rel.file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
    );
    f
}

/// The folders of a hub's text: its own folder's for an index, the folder beside it for
/// a folder note.
pub(super) fn hub_folders(rel: &Path) -> Vec<String> {
    if is_index(rel).is_some() || is_readme(rel) {
        folders(rel)
    } else {
        own_folder(rel)
    }
}

/// The folders above the page `rel` (not a hub) whose address ends in `last`: a page
/// bundle's `index.md` (or `README.md`) is at its own folder's address, so that folder
/// is the page, not one above it.
pub(super) fn page_folders(rel: &Path, last: &str) -> Vec<String> {
    let mut f = folders(rel);
    let bundle = is_index(rel) == Some(false) || is_readme(rel);
    if bundle && f.last().is_some_and(|name| slugify(name) == last) {
        f.pop();
    }
    f
}

pub(super) fn folders(rel: &Path) -> Vec<String> {
    rel.parent()
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// `404.md` at the top of the content folder (mdBook's not-found page's text; on a Hugo
/// or Zola site a page at `/404/`), or a Jekyll site's `404.html`, is at the address of
/// attune's not-found page: left out, with a warning naming `tool`, the site's
/// ("mdBook", "Hugo", "Zola", "Jekyll"), if known.
pub(super) fn leave_out_not_found_page(
    sources: &mut Vec<Source>,
    tool: Option<&str>,
    taxonomies: &[String],
    diagnostics: &mut Diagnostics,
) {
    leave_out_second_index(sources, tool, diagnostics);
    // Folders holding more than one Markdown file, at any depth: a bundle's
    // `index.md` there is a section's text, not a page of its own.
    let mut below: HashMap<String, usize> = HashMap::new();
    for source in sources.iter() {
        let rel = source.rel.to_string_lossy().replace('\\', "/");
        for (end, _) in rel.match_indices('/') {
            *below.entry(rel[..end].to_string()).or_default() += 1;
        }
    }
    let mut term_texts = super::theme_pages::TermTexts::default();
    sources.retain(|source| {
        let theme = super::theme_pages::theme_page(source, taxonomies, &mut term_texts);
        let layout = || super::theme_pages::theme_layout_page(source, &below).map(Some);
        if let Some(warning) = theme.or_else(layout) {
            warning.into_iter().for_each(|w| diagnostics.push(w));
            return false;
        }
        let message = if let Some(name) = top_not_found(&source.rel) {
            match tool {
                Some("mdBook") if name == "404.md" => "404.md is mdBook's not-found page: attune writes its own, so this file is not published".to_string(),
                Some(tool) => format!("{name} is a {tool} site's page at /404/, the address of the not-found page attune writes, so this file is not published"),
                None => format!("{name} would be a page at /404/, the address of the not-found page attune writes, so this file is not published"),
            }
        } else if is_hugo_not_found(&source.rel, &below) {
            format!("404/{} is the text of a Hugo site's not-found page (its `404.html` layout shows it): attune writes its own, so this file is not published", source.rel.file_name().unwrap_or_default().to_string_lossy())
        } else {
            return true;
        };
        diagnostics.push(
            Diagnostic::warning(Code::NotFoundPage, message)
                .at(&source.path, 1, 1)
                .help("to publish it as a page, rename it (a page at /404/ would be attune's not-found page's address)"),
        );
        false
    });
    term_texts.report(diagnostics);
}

/// A `404.html` at the root of the content or static folder (Emanote's docs, a static
/// host's own not-found page): attune writes its own there, with the site's help
/// links, so the file is left out, with a warning; it was a URL collision that stopped
/// the build.
pub(super) fn leave_out_not_found_file(
    assets: &mut Vec<crate::load::Asset>,
    content_dir: &Path,
    static_dir: Option<&Path>,
    diagnostics: &mut Diagnostics,
) {
    assets.retain(|asset| {
        if asset.rel != Path::new("404.html") {
            return true;
        }
        let folder = match asset.from {
            crate::load::AssetFolder::Static => static_dir.unwrap_or(content_dir),
            _ => content_dir,
        };
        diagnostics.push(
            Diagnostic::warning(
                Code::NotFoundPage,
                "404.html is a not-found page for static hosts: attune writes its own there (with the site's help links), so this file is not published",
            )
            .in_file(folder.join(&asset.rel))
            .help("to publish it as it is, give it another name; the not-found page at /404.html is attune's"),
        );
        false
    });
}

/// The name of `rel` when it is a page named `404` at the top of the content folder
/// (`404.md`, a Jekyll site's `404.html` or `404.markdown`).
fn top_not_found(rel: &Path) -> Option<String> {
    let top = rel.parent() == Some(Path::new(""));
    let named = rel.file_stem().is_some_and(|s| s == "404");
    (top && named).then(|| rel.to_string_lossy().into_owned())
}

/// `404/_index.md` (or `404/index.md`) alone in its folder at the top of the content
/// folder: a Hugo site's text for its not-found page, which would be at `/404/`.
fn is_hugo_not_found(rel: &Path, below: &HashMap<String, usize>) -> bool {
    rel.parent() == Some(Path::new("404"))
        && matches!(
            rel.file_name().and_then(|n| n.to_str()),
            Some("_index.md" | "index.md")
        )
        && below.get("404") == Some(&1)
}

/// A folder with more than one file giving it its text (`_index.md` and `index.md`,
/// or `_index.md` and `_index.html`): Hugo reads one, `_index` before `index` and, of
/// one name, Markdown first, and warns ("have both index.* and _index.* files, pick
/// one"); the others are left out here, with a warning naming both (and Hugo, on its
/// site: an Astro site's `index.md` and `index.mdx` are two entries of one address).
fn leave_out_second_index(
    sources: &mut Vec<Source>,
    tool: Option<&str>,
    diagnostics: &mut Diagnostics,
) {
    let rank = |rel: &Path| {
        let markdown = rel.extension().is_some_and(|e| e == "md");
        (is_index(rel) != Some(true), !markdown, rel.to_path_buf())
    };
    let mut first: HashMap<Vec<String>, usize> = HashMap::new();
    for (i, source) in sources.iter().enumerate() {
        if is_index(&source.rel).is_none() {
            continue;
        }
        let at = first.entry(folders(&source.rel)).or_insert(i);
        if rank(&source.rel) < rank(&sources[*at].rel) {
            *at = i;
        }
    }
    let name = |s: &Source| s.rel.to_string_lossy().replace('\\', "/");
    let mut left_out = HashSet::new();
    for (i, source) in sources.iter().enumerate() {
        let Some(&kept) = first.get(&folders(&source.rel)) else {
            continue;
        };
        if kept == i || is_index(&source.rel).is_none() {
            continue;
        }
        left_out.insert(i);
        let kept = &sources[kept];
        let (as_hugo, warns) = match tool {
            Some("Hugo") => (", as Hugo reads it", " (Hugo warns: \"pick one\")"),
            _ => ("", ""),
        };
        diagnostics.push(
            Diagnostic::warning(
                Code::DuplicateHub,
                format!(
                    "{} and {} both give their folder its text: {} is read{as_hugo}, so this file is not published",
                    name(kept),
                    name(source),
                    name(kept)
                ),
            )
            .at(&source.path, 1, 1)
            .related(&kept.path, 1, 1, "the file read")
            .help(format!("keep one of them{warns}; move this file's text into the other")),
        );
    }
    let mut i = 0;
    sources.retain(|_| {
        i += 1;
        !left_out.contains(&(i - 1))
    });
}

/// Where every source goes. A folder's `_index.md` is its hub text; so is its
/// `index.md` when other notes sit in the folder or below it; an `index.md` alone
/// (with images or files) is a page bundle whose page is the folder's.
/// `any_case`: see [`folder_notes`].
pub(super) fn place(sources: &[Source], any_case: bool) -> Vec<Placement> {
    // Folders with an `index.md` or `_index.md`, which wins over a `README.md`.
    let indexed: HashSet<Vec<String>> = sources
        .iter()
        .filter(|s| is_index(&s.rel).is_some())
        .map(|s| folders(&s.rel))
        .collect();
    let notes = folder_notes(sources, any_case);
    let kind =
        |rel: &Path| index_kind(rel, &indexed).or_else(|| notes.contains_key(rel).then_some(false));
    let dirs = |rel: &Path| notes.get(rel).cloned().unwrap_or_else(|| folders(rel));
    // Folders holding a note other than their own index, directly or below.
    let mut populated: HashSet<Vec<String>> = HashSet::new();
    for source in sources {
        let f = dirs(&source.rel);
        let own = kind(&source.rel).is_none();
        let upto = if own {
            f.len()
        } else {
            f.len().saturating_sub(1)
        };
        for n in 0..=upto {
            populated.insert(f[..n].to_vec());
        }
    }
    let mut placements: Vec<Placement> = sources
        .iter()
        .map(|source| {
            let f = dirs(&source.rel);
            let index = kind(&source.rel);
            let hub = match index {
                Some(true) => true,
                Some(false) => f.is_empty() || populated.contains(&f),
                None => false,
            };
            // The folders under the topic: all after the first, or all of them when
            // front matter names the topic of a file at the content root.
            let from_folder = f
                .first()
                .is_some_and(|first| source.topic.as_deref() == Some(slugify(first).as_str()));
            let mut segments: Vec<String> = Vec::new();
            if let Some(topic) = &source.topic {
                segments.push(topic.clone());
            }
            let below = if from_folder || (source.topic.is_some() && !f.is_empty()) {
                &f[1.min(f.len())..]
            } else {
                &f[..]
            };
            segments.extend(below.iter().map(|s| slugify(s)));
            let slug = if hub || index.is_some() {
                // A hub is its folder's page; a bundle names its page after its folder.
                f.last().map(|s| slugify(s)).unwrap_or_default()
            } else {
                source.slug.clone()
            };
            if !hub {
                if index.is_some() {
                    // The bundle's folder is already the last segment.
                    if segments.is_empty() {
                        segments.push(slug.clone());
                    }
                } else {
                    segments.push(slug.clone());
                }
            }
            let url = segments
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| format!("{s}/"))
                .collect::<String>();
            let standalone = index == Some(false) && !hub && f.len() == 1 && from_folder;
            let url = if standalone { format!("{slug}/") } else { url };
            Placement {
                url,
                slug,
                hub,
                standalone,
            }
        })
        .collect();
    spell_out_clashes(sources, &mut placements);
    placements
}

/// Whether a note is at the address its folder and its name give (not a folder's text).
/// Whether `source` is its folder's text, at the folder's own address (a hub, or
/// `index.md`, `_index.md`, `README.md`: a bundle's text too).
pub(super) fn is_folder_text(source: &Source, placed: &Placement) -> bool {
    placed.hub || is_index(&source.rel).is_some() || is_readme(&source.rel)
}

pub(super) fn at_own_address(source: &Source, placed: &Placement) -> bool {
    !placed.hub
        && !placed.slug.is_empty()
        && (placed.url.ends_with(&format!("/{}/", placed.slug))
            || placed.url == format!("{}/", placed.slug))
        && is_index(&source.rel).is_none()
        && !is_readme(&source.rel)
}

/// Notes in one folder whose names differ only in symbols a slug leaves out (`C.md`,
/// `C++.md` and `C#.md`; `Bash.md` and `Bash &&.md`), as a vault on programming holds
/// them: each is a note of its own in Obsidian and Quartz, so each gets a page of its
/// own. A note whose name the slug keeps in full keeps its address; the others' slugs
/// spell their symbols out (`c-plus-plus/`, `c-sharp/`, `bash-and-and/`), or, where
/// that is taken too, take the first free `-2`, `-3`. Links name notes, not addresses,
/// so they follow. What still clashes after this is `twins.rs`'s to move, with a warning.
fn spell_out_clashes(sources: &[Source], placements: &mut [Placement]) {
    use crate::site::urls::fold;
    let placed = sources.iter().zip(placements.iter());
    let movable: Vec<bool> = placed.map(|(s, p)| at_own_address(s, p)).collect();
    let mut by_url: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, placed) in placements.iter().enumerate() {
        by_url.entry(fold(&placed.url)).or_default().push(i);
    }
    let mut clashes: Vec<Vec<usize>> = by_url
        .values()
        .filter(|group| group.len() > 1)
        .cloned()
        .collect();
    if clashes.is_empty() {
        return;
    }
    clashes.sort();
    let mut taken: HashSet<String> = by_url.into_keys().collect();
    let stem = |i: usize| {
        sources[i]
            .rel
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
    };
    for group in clashes {
        let mut lossy: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&i| movable[i] && !crate::text::slug_keeps_all(&stem(i)))
            .collect();
        // One note keeps the address when every note of the group spells symbols.
        if lossy.len() == group.len() {
            lossy.sort_by(|&a, &b| sources[a].rel.cmp(&sources[b].rel));
            lossy.remove(0);
        }
        for i in lossy {
            let placed = &placements[i];
            let folder = &placed.url[..placed.url.len() - placed.slug.len() - 1];
            let spelled = crate::text::spelled_slug(&stem(i));
            let free = |slug: &str| !taken.contains(&fold(&format!("{folder}{slug}/")));
            let slug = if !spelled.is_empty() && free(&spelled) {
                spelled
            } else {
                let base = placed.slug.clone();
                match (2..).map(|n| format!("{base}-{n}")).find(|s| free(s)) {
                    Some(slug) => slug,
                    None => continue,
                }
            };
            let url = format!("{folder}{slug}/");
            taken.insert(fold(&url));
            placements[i].url = url;
            placements[i].slug = slug;
        }
    }
}
