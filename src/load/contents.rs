//! A site's own table of contents, written for another tool: MkDocs' `nav`
//! (`mkdocs.rs`), VitePress' sidebar (`vitepress_sidebar.rs`), Docusaurus' sidebars
//! (`docusaurus_sidebar.rs`). The pages it lists take its order (a page's own `order`
//! or `weight` wins) and, when their front matter gives none, the title it gives them
//! (a sidebar's only when the page has no heading either); and none of them is an
//! orphan, as the site's navigation leads to each, as `SUMMARY.md` does to a chapter.
//! Just the Docs' navigation (`just_the_docs.rs`) lists every titled page, in the order
//! attune's contents give them already.

use super::Source;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Reads the site's own contents, if it has some, into `sources`: the site at `root`
/// with content folder `dir`, a Docusaurus site's docs when `docusaurus` says so.
pub(super) fn read(root: &Path, dir: &Path, docusaurus: bool, sources: &mut [Source]) {
    super::mkdocs::apply_nav(dir, sources);
    super::just_the_docs::list_navigation(dir, sources);
    if super::vitepress::is_site(root, dir) {
        let listed = super::vitepress_sidebar::listed(root, dir);
        apply(sources, listed, ListTitle::AfterHeading);
    }
    if docusaurus {
        let listed = super::docusaurus_sidebar::listed(dir, sources);
        apply(sources, listed.docs, ListTitle::AfterHeading);
        super::docusaurus::order_by_number_prefixes(sources);
        for source in sources.iter_mut() {
            if listed.folders.iter().any(|f| source.rel.starts_with(f)) {
                source.front.in_contents = true;
            }
        }
    }
}

/// Whether a list's title for a page comes before the page's first heading (MkDocs'
/// `nav` titles the page) or only after it (a VitePress or Docusaurus sidebar names
/// the page in the sidebar; its own heading is its title).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum ListTitle {
    First,
    AfterHeading,
}

/// Gives the pages `listed` names (each by its path from the content folder, with
/// the title the list gives it) their place in the list; the first place a page has
/// counts.
pub(super) fn apply(
    sources: &mut [Source],
    listed: Vec<(PathBuf, Option<String>)>,
    titles: ListTitle,
) {
    if listed.is_empty() {
        return;
    }
    let mut place: HashMap<PathBuf, (i64, Option<String>)> = HashMap::new();
    for (n, (rel, title)) in listed.into_iter().enumerate() {
        place.entry(rel).or_insert((n as i64 + 1, title));
    }
    for source in sources {
        let Some((n, title)) = place.get(&source.rel) else {
            continue;
        };
        let front = &mut source.front;
        front.in_contents = true;
        if front.order.is_none() && front.weight.is_none() {
            front.order = Some(*n);
        }
        match titles {
            ListTitle::First if front.title.is_none() => front.title.clone_from(title),
            ListTitle::AfterHeading => front.contents_title.clone_from(title),
            ListTitle::First => {}
        }
    }
}
