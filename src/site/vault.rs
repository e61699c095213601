//! Whether the content is an Obsidian vault or a Quartz garden, whose notes read
//! `{{ name }}` as text, `[[Note]](x)` as a wikilink and the text after it, the task
//! states Obsidian draws and the note's own Dataview queries.
//!
//! A vault has a `.obsidian/` folder, and a Quartz garden a `quartz.config.ts` (Quartz
//! 5's `quartz.config.yaml`); but a
//! vault published with Obsidian Publish, or kept in git, most often leaves
//! `.obsidian/` out (it holds the app's workspace and plugins). Such a folder is read
//! as a vault from what it holds, as a newcomer expects of notes written in Obsidian:
//! Obsidian Publish's own `publish.css` or `publish.js` at its root, or notes written
//! in Obsidian's syntax. Never when another tool's site is there (Hugo's or Zola's
//! configuration, mdBook's `SUMMARY.md`, a GitBook, MkDocs or Docusaurus): a stray
//! `[[x]]` there keeps the meaning that tool gives it.

use super::names::Found;
use crate::load::Source;
use crate::markdown::{Expressions, LinkTarget, OutLink};
use std::path::Path;

/// Files Obsidian Publish keeps at the vault's root, the site's style and script.
const PUBLISH_FILES: [&str; 2] = ["publish.css", "publish.js"];

/// Configuration files of site tools whose content folder is not a vault.
const OTHER_TOOLS: [&str; 6] = [
    ".gitbook.yaml",
    "mkdocs.yml",
    "mkdocs.yaml",
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
];

/// The front matter keys Dendron writes for itself (a note's `id`, a `stub` made for
/// a hierarchy's gap, its publishing's `nav_order`…), never unknown in its vault.
pub(super) const DENDRON_KEYS: [&str; 8] = [
    "id",
    "stub",
    "custom",
    "config",
    "color",
    "traitIds",
    "nav_order",
    "nav_exclude",
];

/// Whether the content folder `dir` (of the site at `root`) is a Dendron workspace's
/// vault: `dendron.yml` in it, beside it or at the site's root (Dendron keeps it at
/// the workspace's root, its vaults' folders below).
pub(super) fn is_dendron(root: &Path, dir: &Path) -> bool {
    [Some(dir), dir.parent(), Some(root)]
        .into_iter()
        .flatten()
        .any(|folder| folder.join("dendron.yml").is_file())
}

/// Whether the content folder is a Logseq graph: its `logseq/config.edn` is in it or
/// beside it.
pub(super) fn is_logseq(root: &Path, dir: &Path) -> bool {
    crate::load::logseq_graph::is_graph(root, dir)
}

/// What `{{ name }}` is in the site's text (see [`Expressions`]), from the tool its
/// content comes from; `vault`: it is an Obsidian vault or a Quartz garden.
pub(super) fn expressions(content: &crate::load::Content, vault: bool) -> Expressions {
    let (root, dir) = (&content.root, &content.dir);
    if is_logseq(root, dir) {
        Expressions::Logseq
    } else if vault {
        Expressions::Vault {
            dataview: may_run_dataview(root, dir),
        }
    } else if crate::load::is_hugo_or_zola(root, dir) {
        Expressions::Text
    } else if crate::load::jekyll::is_site(dir) {
        Expressions::Liquid
    } else if crate::load::mkdocs::is_site(dir) {
        Expressions::mkdocs_site(dir)
    } else if crate::load::vitepress::is_site(root, dir) {
        Expressions::Vue
    } else if content.docusaurus && crate::load::docusaurus::reads_md_as_mdx(dir) {
        Expressions::Mdx
    } else {
        Expressions::Template
    }
}

/// Whether the content folder `dir` (of the site at `root`) is read as an Obsidian
/// vault or a Quartz garden. `summary`: it has mdBook's `SUMMARY.md`.
pub(super) fn is_vault(root: &Path, dir: &Path, sources: &[Source], summary: bool) -> bool {
    let beside = [Some(root), dir.parent()];
    if dir.join(".obsidian").is_dir()
        || root.join(".obsidian").is_dir()
        || beside.into_iter().flatten().any(|folder| {
            ["quartz.config.ts", "quartz.config.js", "quartz.config.yaml"]
                .iter()
                .any(|name| folder.join(name).is_file())
        })
    {
        return true;
    }
    let folders = [dir, root];
    let other_tool = summary
        || crate::load::is_hugo_or_zola(root, dir)
        || folders.iter().any(|folder| {
            folder.join(".gitbook").is_dir()
                || OTHER_TOOLS.iter().any(|name| folder.join(name).is_file())
        });
    if other_tool {
        return false;
    }
    if folders
        .iter()
        .any(|folder| PUBLISH_FILES.iter().any(|name| folder.join(name).is_file()))
    {
        return true;
    }
    written_in_obsidian(sources)
}

/// Whether the notes are written in Obsidian's own syntax: at least two of them, and
/// at least one in ten, hold an embed (`![[…]]`), a `%% comment %%`, a link to a
/// block (`[[Note#^id]]`) or a wikilink naming a note by its file name as Obsidian
/// writes it (`[[Sleep Hygiene]]`, `[[CBT.md]]`), rather than by an id
/// (`[[sleep-hygiene]]`, as attune's own sites write them). Code is not read.
fn written_in_obsidian(sources: &[Source]) -> bool {
    let notes = sources
        .iter()
        .filter(|s| s.rel.extension().is_some_and(|e| e == "md"))
        .count();
    let marked = sources
        .iter()
        .filter(|s| s.rel.extension().is_some_and(|e| e == "md"))
        .filter(|s| holds_obsidian_marks(s.body()))
        .count();
    marked >= 2 && marked * 10 >= notes
}

/// Whether a note's text holds one of Obsidian's own marks outside code (see
/// [`written_in_obsidian`]).
fn holds_obsidian_marks(text: &str) -> bool {
    if !text.contains("[[") && !text.contains("%%") {
        return false;
    }
    let mut comments = 0;
    for (_, prose) in crate::text::prose_lines(text) {
        comments += prose.matches("%%").count();
        if comments >= 2
            || prose
                .match_indices("[[")
                .any(|(at, _)| obsidian_wikilink(&prose[at + 2..], prose[..at].ends_with('!')))
        {
            return true;
        }
    }
    false
}

/// Whether the text after a `[[` is a wikilink as Obsidian writes it: closed on the
/// line, its target holding no brackets, and an embed, a block link or a note named
/// by its file name (capitals, spaces, `.md`).
fn obsidian_wikilink(after: &str, embed: bool) -> bool {
    let Some(end) = after.find("]]") else {
        return false;
    };
    let inner = &after[..end];
    let target = inner.split('|').next().unwrap_or_default();
    if target.is_empty() || target.starts_with(char::is_whitespace) || target.contains(['[', ']']) {
        return false;
    }
    let name = target.split('#').next().unwrap_or_default();
    embed
        || target.contains("#^")
        || name.ends_with(".md")
        || name.chars().any(|c| c.is_uppercase() || c == ' ')
}

/// Whether a vault may run Dataview: not when its settings list the community
/// plugins it runs (`.obsidian/community-plugins.json`, in the content folder or the
/// site's) and `dataview` is none of them; when they are not published, it may.
pub(super) fn may_run_dataview(root: &Path, dir: &Path) -> bool {
    let lists: Vec<Vec<String>> = [dir, root]
        .iter()
        .filter_map(|folder| {
            let text = std::fs::read_to_string(folder.join(".obsidian/community-plugins.json"));
            serde_json::from_str(&text.ok()?).ok()
        })
        .collect();
    lists.is_empty() || lists.iter().flatten().any(|id| id == "dataview")
}

impl super::Site {
    /// Whether the content folder is a Logseq graph.
    pub(super) fn is_logseq_graph(&self) -> bool {
        is_logseq(&self.root, &self.root.join(&self.config.build.content_dir))
    }

    /// In a Logseq graph every name a link gives is a page, written or not: Logseq makes
    /// one for a name no file has, listing what links to it, as a tag's page does
    /// (`[[Sleep]]` and `#Sleep` are one reference there). So such a name is a tag
    /// here: its page lists the pages that name it, and links to it lead there
    /// ([`Site::logseq_reference`]), not plain text with a `missing-note` warning.
    /// After the tags and redirects are indexed, before the links are resolved.
    pub(super) fn index_logseq_references(&mut self) {
        if !self.is_logseq_graph() {
            return;
        }
        let mut named = Vec::new();
        for (i, article) in self.articles.iter().enumerate() {
            if article.front.listing() != crate::load::Listing::Always {
                continue;
            }
            for link in &article.parsed.links {
                let LinkTarget::Slug { slug, .. } = &link.target else {
                    continue;
                };
                let tag_page = slug.to_lowercase().starts_with("tags/");
                if !link.embed && !tag_page && self.lookup_from(i, slug) == Found::None {
                    named.push((i, slug.trim().to_string()));
                }
            }
        }
        // By tag, the pages naming it (in order, once each), the first name as written.
        let mut by_tag: std::collections::BTreeMap<String, (String, Vec<usize>)> =
            Default::default();
        for (i, name) in named {
            let slug = crate::text::tag_slug(&name);
            if !slug.is_empty() {
                let (_, pages) = by_tag.entry(slug).or_insert_with(|| (name, Vec::new()));
                if pages.last() != Some(&i) {
                    pages.push(i);
                }
            }
        }
        let articles = &self.articles;
        for (slug, (name, pages)) in by_tag {
            let entry = self.tags.entry(slug).or_insert_with(|| super::TagIndex {
                name,
                articles: Vec::new(),
            });
            let tagged: std::collections::HashSet<usize> = entry.articles.iter().copied().collect();
            entry
                .articles
                .extend(pages.into_iter().filter(|i| !tagged.contains(i)));
            // In the order `index_tags` gives every tag's pages; the others keep it.
            entry.articles.sort_by_cached_key(|&i| {
                (articles[i].title.to_lowercase(), articles[i].slug.clone())
            });
        }
    }

    /// A link from `article` that names no page, in a Logseq graph (`logseq`): a link
    /// to the page of the tag of that name ([`Site::index_logseq_references`]).
    pub(super) fn logseq_reference(
        &self,
        (article, link, written): (&super::Article, &OutLink, &str),
        logseq: bool,
    ) -> Option<super::ResolvedLink> {
        if !logseq || link.embed || !matches!(link.target, LinkTarget::Slug { .. }) {
            return None;
        }
        let slug = crate::text::tag_slug(written);
        self.tags.get(&slug)?;
        Some(super::ResolvedLink {
            target: None,
            href: self.style.href(&article.url, &format!("tags/{slug}/")),
            title: written.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obsidian_marks_outside_code() {
        assert!(holds_obsidian_marks("See [[Sleep Hygiene]]."));
        assert!(holds_obsidian_marks("![[chart.png]]"));
        assert!(holds_obsidian_marks("[[note#^abc123]]"));
        assert!(holds_obsidian_marks("[[cbt.md|CBT]]"));
        assert!(holds_obsidian_marks("a %% private %% b"));
        // attune's own sites name notes by id.
        assert!(!holds_obsidian_marks("See [[sleep-hygiene|Sleep]]."));
        // Code: a shell test, a fenced block, a code span.
        assert!(!holds_obsidian_marks("```sh\n[[ -f X ]] && echo\n```"));
        assert!(!holds_obsidian_marks("write `[[Note]]` for a link"));
        assert!(!holds_obsidian_marks("[[ -f X ]]"));
        assert!(!holds_obsidian_marks("a matrix [[1, 2], [3, 4]]"));
        assert!(!holds_obsidian_marks("50%% off"));
    }
}
