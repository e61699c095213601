//! Notes in one folder whose names differ only in letter case or Unicode form
//! (`Real-time GI.md` beside `Real-Time GI.md`, a note renamed on a disk that tells
//! case apart, both copies kept). Obsidian on such a disk, and Quartz, publish both,
//! at addresses a case-insensitive disk or host merges, as the offline edition
//! unpacked on one would: so the first by path keeps the address and each other note
//! takes the first free `-2/`, `-3/`, with a warning naming both. Links name notes,
//! not addresses, so they follow. A `slug:` or `path:` the author wrote stays as
//! written (a clash is then the URL table's error), and so do files, which pages
//! name by their path.

use super::place::Placement;
use super::urls::fold;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::Source;
use std::collections::{HashMap, HashSet};

/// Moves each note whose address differs from another note's only in letter case or
/// Unicode form to the first free address beside it (see the module's text).
pub(super) fn move_case_twins(
    sources: &[Source],
    placements: &mut [Placement],
    diagnostics: &mut Diagnostics,
) {
    let mut by_url: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, placed) in placements.iter().enumerate() {
        by_url.entry(fold(&placed.url)).or_default().push(i);
    }
    let mut twins: Vec<Vec<usize>> = by_url
        .values()
        .filter(|group| {
            group.len() > 1 && group.iter().all(|&i| movable(&sources[i], &placements[i]))
        })
        .cloned()
        .collect();
    if twins.is_empty() {
        return;
    }
    let mut taken: HashSet<String> = by_url.into_keys().collect();
    for group in &mut twins {
        group.sort_by(|&a, &b| sources[a].rel.cmp(&sources[b].rel));
    }
    twins.sort();
    for group in twins {
        let first = group[0];
        for &i in &group[1..] {
            let placed = &placements[i];
            let folder = &placed.url[..placed.url.len() - placed.slug.len() - 1];
            let base = placed.slug.clone();
            let Some(slug) = (2..100)
                .map(|n| format!("{base}-{n}"))
                .find(|s| !taken.contains(&fold(&format!("{folder}{s}/"))))
            else {
                continue;
            };
            let url = format!("{folder}{slug}/");
            taken.insert(fold(&url));
            let name = |i: usize| sources[i].rel.to_string_lossy().replace('\\', "/");
            diagnostics.push(
                Diagnostic::warning(
                    Code::UrlCollision,
                    format!(
                        "'{}' and '{}' differ only in letter case or Unicode form, which case-insensitive disks and hosts merge: '{}' is published at /{url}",
                        name(first),
                        name(i),
                        name(i),
                    ),
                )
                .at(&sources[i].path, 1, 1)
                .related(&sources[first].path, 1, 1, format!("published at /{}", placements[first].url))
                .help("links to each note lead to its page; if one is an old copy of the other, delete it, or give one a `slug:` of its own"),
            );
            placements[i].url = url;
            placements[i].slug = slug;
        }
    }
}

/// A note whose address is its folder's and its own name's: not a folder's text, and
/// with no `slug:` or `path:` of the author's.
fn movable(source: &Source, placed: &Placement) -> bool {
    !placed.hub
        && !placed.slug.is_empty()
        && source.front.path.is_none()
        && source.front.slug.is_none()
        && source.rel.extension().is_some_and(|e| e == "md")
        && !matches!(
            source.rel.file_stem().and_then(|s| s.to_str()),
            Some("index" | "_index" | "README" | "readme")
        )
        && (placed.url.ends_with(&format!("/{}/", placed.slug))
            || placed.url == format!("{}/", placed.slug))
}
