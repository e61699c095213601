//! Notes in one folder whose names give one address: they differ only in letter case
//! or Unicode form (`Real-time GI.md` beside `Real-Time GI.md`, a note renamed on a
//! disk that tells case apart, both copies kept), or in what a slug leaves out that
//! `place.rs` could not spell (`open source.md` beside `open-source.md`). Obsidian on such a disk, and Quartz, publish both,
//! at addresses a case-insensitive disk or host merges, as the offline edition
//! unpacked on one would: so the first by path keeps the address and each other note
//! takes the first free `-2/`, `-3/`, with a warning naming both. Links name notes,
//! not addresses, so they follow. Files keep their clash (the URL table's error),
//! as pages name them by their path.

use super::place::Placement;
use super::urls::fold;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::Source;
use crate::text::slugify;
use std::collections::{BTreeMap, HashMap, HashSet};

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
            let Some((slug, url)) = free_address(folder, &placed.slug, &mut taken) else {
                continue;
            };
            let name = |i: usize| sources[i].rel.to_string_lossy().replace('\\', "/");
            let why = match fold(&name(first)) == fold(&name(i)) {
                true => "differ only in letter case or Unicode form, which case-insensitive disks and hosts merge".to_string(),
                false => format!("give one address, /{}", placements[first].url),
            };
            diagnostics.push(
                Diagnostic::warning(
                    Code::UrlCollision,
                    format!("'{}' and '{}' {why}: '{}' is published at /{url}", name(first), name(i), name(i)),
                )
                .at(&sources[i].path, 1, 1)
                .related(&sources[first].path, 1, 1, format!("published at /{}", placements[first].url))
                .help("links to each note lead to its page; if one is an old copy of the other, delete it, else rename one"),
            );
            placements[i].url = url;
            placements[i].slug = slug;
        }
    }
}

/// A note whose address is its folder's and its own name's: not a folder's text. A
/// `slug:` or `path:` it holds is an old address (a redirect where nothing else is),
/// not its own, so it moves all the same (a Quartz garden's notes keep a `slug:`
/// Quartz does not read, two of them the same).
fn movable(source: &Source, placed: &Placement) -> bool {
    source.rel.extension().is_some_and(|e| e == "md")
        && super::place::at_own_address(source, placed)
}

/// Sibling folders whose names give one address (`Postgre SQL/` beside
/// `postgre-sql/`, `Patterns/` beside `patterns/`), both holding notes: Hugo and
/// Obsidian publish both, so the first by path keeps the address and each other
/// folder, its hub and every page below it, takes the first free `-2/`, `-3/`, with a
/// `folder-collision` warning naming both. A top-level folder moves only when topics
/// are read from folders (its topic takes the new address): a topic declared in
/// book.toml keeps its id, and the clash stays the error `check_folders` reports.
pub(super) fn move_folder_twins(
    sources: &mut [Source],
    placements: &mut [Placement],
    topics_from_folders: bool,
    diagnostics: &mut Diagnostics,
) {
    // Notes at their folders' own address: each folder's slug, in order, leads the URL.
    let chains: Vec<Option<Vec<String>>> = sources
        .iter()
        .zip(placements.iter())
        .map(|(source, placed)| {
            let raw = super::place::folders(&source.rel);
            let prefix: String = raw.iter().map(|n| format!("{}/", slugify(n))).collect();
            (!raw.is_empty()
                && raw.iter().all(|n| !slugify(n).is_empty())
                && placed.url.starts_with(&prefix))
            .then_some(raw)
        })
        .collect();
    let depth_max = chains.iter().flatten().map(Vec::len).max().unwrap_or(0);
    let first_depth = if topics_from_folders { 1 } else { 2 };
    for depth in first_depth..=depth_max {
        // The address each folder at this depth has now → the folders giving it.
        let mut by_url: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
        for (i, raw) in chains.iter().enumerate() {
            let Some(raw) = raw.as_ref().filter(|r| r.len() >= depth) else {
                continue;
            };
            let url: String = placements[i].url.split_inclusive('/').take(depth).collect();
            let written = raw[..depth].join("/") + "/";
            by_url
                .entry(url)
                .or_default()
                .entry(written)
                .or_default()
                .push(i);
        }
        let mut taken: HashSet<String> = placements
            .iter()
            .map(|p| fold(&p.url.split_inclusive('/').take(depth).collect::<String>()))
            .collect();
        for (url, folders) in by_url {
            let mut folders = folders.into_iter();
            let Some((first, first_notes)) = folders.next() else {
                continue;
            };
            let parent = &url[..url.len() - 1].rfind('/').map_or(0, |p| p + 1);
            let base = &url[*parent..url.len() - 1];
            for (written, notes) in folders {
                let Some(new) = (2..100)
                    .map(|n| format!("{}{base}-{n}/", &url[..*parent]))
                    .find(|u| !taken.contains(&fold(u)))
                else {
                    continue;
                };
                taken.insert(fold(&new));
                for &i in &notes {
                    let placed = &mut placements[i];
                    placed.url = format!("{new}{}", &placed.url[url.len()..]);
                    if placed.url == new {
                        placed.slug = new[*parent..new.len() - 1].to_string();
                    }
                    if depth == 1 {
                        sources[i].topic = Some(new.trim_end_matches('/').to_string());
                    }
                }
                diagnostics.push(
                    Diagnostic::warning(
                        Code::FolderCollision,
                        format!("the folders '{first}' and '{written}' would both publish '/{url}': '{written}' is published at /{new}"),
                    )
                    .at(&sources[notes[0]].path, 1, 1)
                    .related(&sources[first_notes[0]].path, 1, 1, format!("in '{first}', published at /{url}"))
                    .help("links to each note lead to its page; if one folder is an old copy of the other, delete it, else rename one"),
                );
            }
        }
    }
}

/// Notes at the address of a folder beside them that holds pages, in another letter
/// case or spelling (`LangChain/LangChain.md` beside the folder `LangChain/langchain/`,
/// in Ludobico's vault: Quartz, which keeps letter case in addresses, publishes both),
/// or that has its own text (spinnaker.io's `providers/kubernetes.md` beside the bundle
/// `providers/kubernetes/index.md`): the folder keeps its address, where its section
/// and pages are, and the note takes the first free `-2/`, `-3/`, with a warning naming
/// both. Below the topics only.
pub(super) fn move_folder_shadows(
    sources: &[Source],
    placements: &mut [Placement],
    diagnostics: &mut Diagnostics,
) {
    let folded: Vec<String> = placements.iter().map(|p| fold(&p.url)).collect();
    // Each folder address, with a page below it or its own text (a hub, a bundle) at it.
    let mut folders: HashMap<&str, usize> = HashMap::new();
    for (i, (url, placed)) in folded.iter().zip(placements.iter()).enumerate() {
        let own_text = super::place::is_folder_text(&sources[i], placed);
        let ends = url.match_indices('/').map(|(end, _)| end + 1);
        for end in ends.filter(|&end| end < url.len() || own_text) {
            folders.entry(&url[..end]).or_insert(i);
        }
    }
    let shadows: Vec<(usize, usize)> = (0..placements.len())
        .filter_map(|i| Some((i, *folders.get(folded[i].as_str())?)))
        .filter(|&(i, below)| below != i && movable(&sources[i], &placements[i]))
        .collect();
    if shadows.is_empty() {
        return;
    }
    let mut taken: HashSet<String> = folded.iter().cloned().collect();
    taken.extend(folders.keys().map(|f| f.to_string()));
    for (i, below) in shadows {
        let placed = &placements[i];
        // At its own address (`movable`): the folder is what comes before its slug. A
        // topic's address stays the error the URL table reports: a topic declared in
        // book.toml keeps its id (as in `move_folder_twins`).
        let folder = &placed.url[..placed.url.len() - placed.slug.len() - 1];
        if folder.is_empty() {
            continue;
        }
        let Some((slug, url)) = free_address(folder, &placed.slug, &mut taken) else {
            continue;
        };
        let name = sources[i].rel.to_string_lossy().replace('\\', "/");
        diagnostics.push(
            Diagnostic::warning(
                Code::UrlCollision,
                format!(
                    "'{name}' would be at /{}, the address of a folder of notes beside it: '{name}' is published at /{url}",
                    placed.url
                ),
            )
            .at(&sources[i].path, 1, 1)
            .related(&sources[below].path, 1, 1, "in that folder")
            .help("links to the note lead to its page; to keep its address, rename the note or the folder"),
        );
        placements[i].url = url;
        placements[i].slug = slug;
    }
}

/// The first free `{slug}-2`, `-3`… in `folder` (a site path ending in `/`, or empty)
/// and its address, taken.
fn free_address(folder: &str, slug: &str, taken: &mut HashSet<String>) -> Option<(String, String)> {
    let slug = (2..100)
        .map(|n| format!("{slug}-{n}"))
        .find(|s| !taken.contains(&fold(&format!("{folder}{s}/"))))?;
    let url = format!("{folder}{slug}/");
    taken.insert(fold(&url));
    Some((slug, url))
}
