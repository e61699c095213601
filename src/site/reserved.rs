//! A note at the top of the content folder named like a page attune writes itself
//! (`Tags.md`, `Search.md`, `Glossary.md` beside a glossary): a vault's own note, which
//! Obsidian and Quartz publish as any other. attune's page keeps its address (every page
//! links to it, and a theme's templates name it), and the note takes the first free one
//! beside it (`tags-2/`), with a warning naming both. Links name notes, not addresses,
//! so they follow.

use super::place::Placement;
use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::{Content, Source};
use crate::site::urls::fold;
use std::collections::HashSet;

/// The addresses of attune's own pages at the site's root this build writes, and what
/// each is. The home page, the privacy and help pages (a note at their address is
/// published in their place) and the not-found page (`404.md` is mdBook's, left out
/// before) are not among them.
pub(super) fn builtin_pages(
    config: &Config,
    content: &Content,
    glossary: &crate::markdown::Glossary,
    sources: &[Source],
) -> Vec<(&'static str, &'static str)> {
    let mut pages = vec![("tags/", "the tag list"), ("search/", "the search page")];
    if !glossary.is_empty() {
        pages.push(("glossary/", "the glossary"));
    }
    if !content.references.is_empty() {
        pages.push(("references/", "the reference list"));
    }
    if !content.paths.is_empty() {
        pages.push(("paths/", "the list of reading paths"));
    }
    if !config.relations.is_empty() && sources.iter().any(|s| !s.front.relations.is_empty()) {
        pages.push(("map/", "the topic map"));
    }
    if sources.iter().any(|s| s.front.handout) {
        pages.push(("handouts/", "the handouts page"));
    }
    if config.safety.quick_exit {
        pages.push(("quick-exit/", "the quick-exit page"));
    }
    pages.push(("404/", "the not-found page"));
    pages
}

/// Moves each page of its own at the top of the content folder whose address, taken
/// from its file name, is one of `builtin` to the first free address `<slug>-2/`,
/// `-3/`…, with a `reserved-address` warning. A `slug:` or `path:` the author wrote is
/// left as written: a clash is then the URL table's error.
pub(super) fn move_off_builtin_pages(
    sources: &[Source],
    placements: &mut [Placement],
    builtin: &[(&str, &str)],
    diagnostics: &mut Diagnostics,
) {
    let clashes = |placed: &Placement| {
        builtin
            .iter()
            .find(|(url, _)| fold(url) == fold(&placed.url))
            .map(|&(_, what)| what)
    };
    if !placements.iter().any(|p| !p.hub && clashes(p).is_some()) {
        return;
    }
    let mut taken: HashSet<String> = placements.iter().map(|p| fold(&p.url)).collect();
    taken.extend(builtin.iter().map(|(url, _)| fold(url)));
    for (source, placed) in sources.iter().zip(placements.iter_mut()) {
        let Some(what) = clashes(placed) else {
            continue;
        };
        let own_name = source.front.slug.is_none() && source.front.path.is_none();
        if placed.hub || !own_name || placed.url != format!("{}/", placed.slug) {
            continue;
        }
        let Some(slug) = (2..)
            .map(|n| format!("{}-{n}", placed.slug))
            .find(|s| !taken.contains(&fold(&format!("{s}/"))))
        else {
            continue;
        };
        let url = format!("{slug}/");
        taken.insert(fold(&url));
        let name = source.rel.to_string_lossy().replace('\\', "/");
        diagnostics.push(
            Diagnostic::warning(
                Code::ReservedAddress,
                format!(
                    "'{name}' would be published at /{}, the address of {what} attune writes: it is published at /{url}",
                    placed.url
                ),
            )
            .at(&source.path, 1, 1)
            .help(format!(
                "links to the note lead to /{url}; to choose its address, write `slug:` in its front matter"
            )),
        );
        placed.url = url;
        placed.slug = slug;
    }
}

/// Moves each top-level folder whose topic address is one of `builtin` (a vault's
/// `Tags/` folder beside attune's tag list at `tags/`) to the first free address
/// `<id>-2/`, `-3/`…: its hub and every page below it, with one `reserved-address`
/// warning at its first file. Only for topics read from folders: a topic declared in
/// book.toml keeps its id, and a clash is then the URL table's error.
pub(super) fn move_folders_off_builtin_pages(
    sources: &mut [Source],
    placements: &mut [Placement],
    builtin: &[(&str, &str)],
    diagnostics: &mut Diagnostics,
) {
    for &(address, what) in builtin {
        let id = address.trim_end_matches('/');
        let below = |s: &Source, p: &Placement| {
            s.topic.as_deref().is_some_and(|t| fold(t) == fold(id))
                && fold(&p.url).starts_with(&fold(address))
        };
        let moved: Vec<usize> = (0..sources.len())
            .filter(|&i| below(&sources[i], &placements[i]))
            .collect();
        let Some(&first) = moved.iter().min_by_key(|&&i| &sources[i].rel) else {
            continue;
        };
        let first_segment = |url: &str| fold(url.split('/').next().unwrap_or_default());
        let taken: HashSet<String> = placements
            .iter()
            .map(|p| first_segment(&p.url))
            .chain(builtin.iter().map(|(url, _)| first_segment(url)))
            .collect();
        let Some(new) = (2..)
            .map(|n| format!("{id}-{n}"))
            .find(|s| !taken.contains(&fold(s)))
        else {
            continue;
        };
        for &i in &moved {
            let placed = &mut placements[i];
            placed.url = format!("{new}/{}", &placed.url[address.len()..]);
            if placed.url == format!("{new}/") {
                placed.slug.clone_from(&new);
            }
            sources[i].topic = Some(new.clone());
        }
        let folder = sources[first]
            .rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        diagnostics.push(
            Diagnostic::warning(
                Code::ReservedAddress,
                format!(
                    "the folder '{folder}/' would be published at /{address}, the address of {what} attune writes: its pages are published at /{new}/"
                ),
            )
            .at(&sources[first].path, 1, 1)
            .help("links to its notes lead there; to choose the topic's address, declare it with `[[topics]]` in book.toml and move the folder"),
        );
    }
}
