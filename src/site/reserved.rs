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
