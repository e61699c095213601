//! `content/` → sources: articles with their YAML front matter, the glossary, the
//! bibliography, reading paths and static assets. Nothing here knows about other files;
//! cross-file checks belong to `site`.

use crate::config::MountKind;
use crate::diagnostic::Diagnostics;
use crate::text::slugify;
use rayon::prelude::*;
use read::{display_path, read_source, read_text};
use std::path::{Path, PathBuf};
use walk::files;

mod build_options;
mod bundles;
pub use bundles::{is_hugo, is_hugo_or_zola, is_zola};
pub mod astro;
mod cascade;
mod content;
mod contents;
mod data;
mod date;
pub mod docusaurus;
mod docusaurus_sidebar;
pub mod emoji;
mod excalidraw;
pub mod exclude;
mod fence;
pub mod folder_labels;
mod front;
mod front_forms;
mod front_json;
mod front_lenient;
mod front_matter;
mod front_recover;
pub mod gitbook_files;
mod home;
pub mod hugo_languages;
pub mod hugo_params;
pub mod jekyll;
mod jekyll_front;
mod js_literal;
pub mod just_the_docs;
mod languages;
pub mod logseq_graph;
pub mod mkdocs;
mod people;
mod plumbing;
mod publish;
pub mod quartz;
mod read;
mod redirects_file;
mod site_language;
mod spans;
pub mod summary;
pub mod taxonomies;
mod unknown_keys;
pub mod vitepress;
mod vitepress_sidebar;
mod walk;
mod weight;
mod widgets;
mod yaml;
pub mod zola;

pub use build_options::Listing;
pub use content::Content;
pub use data::{GlossaryEntry, PathFile, PathStep, ReadingPath, Reference, ReferenceKind, Year};
pub use date::{days_in_month, Date};
pub use fence::yaml_front_matter;
pub use front::UnknownKey;
pub use front_matter::{
    split_front_matter, Change, FrontMatter, ReviewFront, ReviewStatus, FRONT_MATTER_KEYS,
};
pub use hugo_languages::read_config;
pub use publish::Publish;
pub use read::is_html_page;
use read::is_page_file;
pub use read::{content_hash, Source};
pub use read::{fallback_title, given_title, shows_own_heading, title_from_file_name};
pub use spans::{Place, Spans, Step};
pub use unknown_keys::UnknownKeys;
pub use walk::{is_ignored, missing_content_folder, same_bytes};
pub use yaml::{guard_yaml, parse_yaml, MAX_YAML_DEPTH};

/// The name Hugo and Zola give the folder of files published at the site root.
pub const STATIC_FOLDER: &str = "static";

/// A file published as it is, byte for byte: a file of the content folder that is
/// not Markdown or data, or any file of the static folder (`[build] static_dir`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Asset {
    /// Its path in its folder, which is its path from the site root in the output.
    pub rel: PathBuf,
    pub from: AssetFolder,
}

/// The folder an [`Asset`] is copied from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssetFolder {
    /// `[build] content_dir`.
    Content,
    /// `[build] static_dir`.
    Static,
    /// The `[[mounts]]` entry of that index (in book.toml's order).
    Mount(usize),
    /// Hugo's default `assets/` folder (see [`Content::default_assets`]).
    DefaultAssets,
}

impl Asset {
    /// Its path in the output, `/`-separated.
    pub fn path(&self) -> String {
        self.rel.to_string_lossy().replace('\\', "/")
    }
}

/// Reads `content_dir`, and lists the files of `static_dir` when the site has one.
/// Symbolic links that lead into (or contain) one of `outputs`, the folders the site
/// is written to, are skipped with a warning, so a site is never published into itself.
pub fn load(
    root: &Path,
    content_dir: &str,
    static_dir: Option<&str>,
    publish: Publish,
    outputs: &[PathBuf],
    diagnostics: &mut Diagnostics,
) -> Content {
    let dir = root.join(content_dir);
    let gitbook = gitbook_files::is_gitbook(root, &dir);
    let mut markdown = Vec::new();
    let mut content = Content {
        dir: dir.clone(),
        root: root.to_path_buf(),
        docusaurus: docusaurus::is_site(&dir),
        ..Content::default()
    };
    let mut into_output = Vec::new();
    let tops = plumbing::tops(root, &dir);
    let (mut defaults, guessed) = exclude::vault_templates_found(root, &dir);
    defaults.extend(plumbing::folder_patterns(&dir, &tops));
    defaults.extend(logseq_graph::patterns(&dir));
    defaults.extend(jekyll::patterns(&dir));
    defaults.extend(mkdocs::patterns(&dir));
    defaults.extend(zola::patterns(root, &dir));
    defaults.extend(quartz::patterns(root, &dir));
    defaults.extend(gitbook_files::bookignore(&dir));
    defaults.extend(static_dir.and_then(|s| walk::static_inside_content(root, content_dir, s)));
    let mut exclude = exclude::Exclude::with_defaults(&dir, defaults, publish.exclude);
    exclude::templates_left_out(root, &dir, &exclude, publish.exclude, guessed, diagnostics);
    let mut left_out = Vec::new();
    let mut found = files(
        root,
        content_dir,
        outputs,
        (&exclude, &mut left_out),
        &mut into_output,
        diagnostics,
    );
    // The content folder's own mount's filters (Hugo's `files` on `content`).
    let own = publish
        .mounts
        .iter()
        .find(|m| m.is_own_content(content_dir));
    found.retain(|(_, rel)| own.is_none_or(|m| m.admits(rel)));
    exclude.list_notes(&dir, &left_out);
    logseq_graph::outside_warning(root, &dir, &exclude, diagnostics);
    content.exclude = exclude;
    let summary_name = match &publish.book_files.summary {
        Some(path) => path.to_string_lossy().replace('\\', "/"),
        None => summary::FILE_NAME.to_string(),
    };
    for (full, rel) in found {
        let rel_str = rel.to_string_lossy().replace('\\', "/");
        match rel_str.as_str() {
            "glossary.yaml" | "glossary.yml" => {
                content.glossary_file = read_text(root, &full, diagnostics)
            }
            "references.yaml" | "references.yml" => {
                content.references_file = read_text(root, &full, diagnostics)
            }
            s if s == summary_name => {
                if let Some((file, text)) = read_text(root, &full, diagnostics) {
                    let base = rel.parent().unwrap_or(Path::new(""));
                    content.summary = Some(summary::Summary::parse_in(&text, &file, base, gitbook));
                }
            }
            s if s.starts_with("paths/") && (s.ends_with(".yaml") || s.ends_with(".yml")) => {
                if let Some((file, text)) = read_text(root, &full, diagnostics) {
                    let id = slugify(&file.file_stem().unwrap_or_default().to_string_lossy());
                    if let Some(path) = parse_yaml::<PathFile>(&text, &file, diagnostics) {
                        content.paths.push(ReadingPath {
                            id,
                            file,
                            text,
                            path,
                        });
                    }
                }
            }
            _ if is_page_file(&rel, &full) => markdown.push((full, rel)),
            // GitBook serves the files of `.gitbook/assets/` that pages show or link
            // to, not the folder: an unused copy stays out (and clashes with none).
            _ if plumbing::is_plumbing(&rel, &tops) || rel.starts_with(".gitbook/assets") => {
                content.plumbing.push(rel)
            }
            _ => {
                if let Some(warning) = read::other_format(&rel, publish.downloads) {
                    diagnostics.push(warning.in_file(display_path(root, &full)));
                }
                content.assets.push(Asset {
                    rel,
                    from: AssetFolder::Content,
                })
            }
        }
    }
    // The static folder's files, every one published as it is, after the content
    // folder's (so the URL table reports a clash between the two at the static file).
    let mut overlaid = std::collections::HashSet::new();
    let mut mounted = std::collections::HashMap::new();
    if let Some(static_dir) = static_dir {
        let exclude = exclude::Exclude::new(&root.join(static_dir), publish.exclude);
        let found = files(
            root,
            static_dir,
            outputs,
            (&exclude, &mut Vec::new()),
            &mut into_output,
            diagnostics,
        );
        walk::static_over_content(
            (root, content_dir),
            &found,
            &mut content.assets,
            diagnostics,
        );
        overlaid.extend(
            found
                .iter()
                .map(|(_, rel)| (MountKind::Static, rel.clone())),
        );
        content
            .assets
            .extend(found.into_iter().map(|(_, rel)| Asset {
                rel,
                from: AssetFolder::Static,
            }));
    } else {
        // Docusaurus' is beside its settings (`website/static/` beside `docs/`).
        let docusaurus = content
            .docusaurus
            .then(|| format!("website/{STATIC_FOLDER}"));
        content.unread_static = [Some(STATIC_FOLDER.to_string()), docusaurus]
            .into_iter()
            .flatten()
            .map(|rel| (root.join(&rel), rel))
            .find(|(folder, _)| folder.is_dir())
            // VitePress's `public/` is inside the content folder (`vitepress.rs`).
            .or_else(|| vitepress::public_folder(root, content_dir));
    }
    // Then the mounts', in book.toml's order, each below its target's folder. Mounts
    // into one of Hugo's folders overlay as Hugo's do: of two files at one path, the
    // first mount's (or the static folder's) is the one published.
    for (i, mount) in publish.mounts.iter().enumerate() {
        let Some((kind, below)) = mount.published(content_dir) else {
            continue;
        };
        if kind == MountKind::Content && mount.other_language(publish.language) {
            diagnostics.push(languages::other_language_mount(mount, publish.language));
            continue;
        }
        let source = mount.source_path();
        if !root.join(&source).exists() {
            continue; // passed over, as Hugo passes it over (a warning at book.toml)
        }
        let found = if root.join(&source).is_file() {
            vec![(root.join(&source), PathBuf::new())]
        } else {
            let source = source.to_string_lossy();
            let exclude = exclude::Exclude::new(&root.join(&*source), publish.exclude);
            let mut found = files(
                root,
                &source,
                outputs,
                (&exclude, &mut Vec::new()),
                &mut into_output,
                diagnostics,
            );
            found.retain(|(_, rel)| mount.admits(rel));
            found
        };
        let mut fresh = Vec::new();
        for (full, rel) in found {
            let rel = match rel.as_os_str().is_empty() {
                true => PathBuf::from(&below),
                false => Path::new(&below).join(rel),
            };
            // A content mount's pages are pages, as the content folder's are.
            if kind == MountKind::Content && is_page_file(&rel, &full) {
                markdown.push((full, rel));
            } else if overlaid.insert((kind, rel.clone()))
                // One file mounted twice at one address (at `content/uploads` and
                // `assets/uploads`) is one file there.
                && mounted.insert(rel.clone(), full.clone()).is_none_or(|f| f != full)
            {
                fresh.push(rel);
            }
        }
        content.assets.extend(fresh.into_iter().map(|rel| Asset {
            rel,
            from: AssetFolder::Mount(i),
        }));
    }
    content.default_assets = walk::default_assets(
        root,
        (content_dir, static_dir, publish.exclude),
        publish.mounts,
        outputs,
        &mut into_output,
        diagnostics,
    );
    content.theme_statics = walk::theme_statics(root, publish.mounts);
    walk::report_links_into_output(root, &into_output, diagnostics);
    // mdBook has no translations by file name: a chapter SUMMARY.md lists
    // (`README.zh.md`, `guide/install.zh.md`) is a chapter, whatever its name's last
    // dotted part.
    if let Some(summary) = &mut content.summary {
        summary.match_files(markdown.iter().map(|(_, rel)| rel.as_path()));
    }
    if gitbook {
        gitbook_files::take_glossary(root, &mut markdown, &mut content, diagnostics);
    }
    gitbook_files::warn_languages(root, &dir, diagnostics);
    let walked: Vec<PathBuf> = match content.summary {
        Some(_) => markdown.iter().map(|(full, _)| full.clone()).collect(),
        None => Vec::new(),
    };
    let (chapters, markdown): (Vec<_>, Vec<_>) = markdown.into_iter().partition(|(_, rel)| {
        content
            .summary
            .as_ref()
            .is_some_and(|summary| summary.position(rel).is_some())
    });
    let mut markdown = languages::choose(
        markdown,
        publish.language,
        root,
        diagnostics,
        &mut content.other_language,
    );
    let is_hugo = bundles::is_hugo(root, &dir);
    let widgets = widgets::take_widgets(&mut markdown, is_hugo);
    if is_hugo {
        bundles::leave_out_resources(
            &mut markdown,
            root,
            &mut content.exclude.held_back,
            diagnostics,
        );
    }
    if !chapters.is_empty() {
        // In the order the folder walk gave, as without a summary.
        let order: std::collections::HashMap<PathBuf, usize> = walked
            .iter()
            .enumerate()
            .map(|(i, full)| (full.clone(), i))
            .collect();
        markdown.extend(chapters);
        markdown.sort_by_key(|(full, _)| order.get(full).copied());
    }

    if let Some(summary) = &mut content.summary {
        // Drafts count as written: a book built without them still lists them.
        let files: std::collections::HashSet<&Path> = markdown
            .iter()
            .map(|(_, rel)| rel.as_path())
            .chain(content.glossary_md.as_deref())
            .collect();
        let exists = |rel: &Path| files.contains(rel);
        let listed = markdown.iter().map(|(_, rel)| rel.as_path());
        summary.check(&exists, listed, publish.broken_links, diagnostics);
        // The chapters it lists are the book: mdBook publishes no other chapter (a
        // stale one, a text only included), so neither does attune. A folder's
        // README.md or index.md stays its hub's text, unless the summary lists
        // `folder.md` for it; so does mdBook's 404.md.
        // The book's own README.md or index.md is the home page's text only when the
        // summary lists it, as mdBook's home page is its first chapter (an unlisted one
        // is most often a table of contents for browsing the repository, gone stale),
        // or in a GitBook, whose home page it is either way.
        // GitBook's settings (`.gitbook.yaml`, `.gitbook/`, or the old GitBook's
        // `book.json`), whose home page is the README.md and whose old versions publish
        // GLOSSARY.md as the glossary's page, listed or not.
        let (kept, unlisted): (Vec<_>, Vec<_>) = markdown.into_iter().partition(|(_, rel)| {
            if summary.position(rel).is_some()
                || rel == Path::new("404.md")
                || home::is_named_readme(rel, publish.book_files)
                || (gitbook && rel == Path::new("GLOSSARY.md"))
            {
                return true;
            }
            let named_home = publish.book_files.readme.is_some();
            if rel.parent() == Some(Path::new("")) && (!gitbook || named_home) {
                return false;
            }
            // GitBook has no `index.md`: a folder's text there is its README.md only.
            let is_index = rel.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                matches!(n, "README.md" | "readme.md" | "Readme.md")
                    || !gitbook && matches!(n, "index.md" | "_index.md")
            });
            // A folder none of whose chapters the summary lists is not in the book.
            let folder = rel.parent().unwrap_or(Path::new(""));
            let in_book = folder.as_os_str().is_empty()
                || summary.chapters.iter().any(|c| c.rel.starts_with(folder));
            let chapter_for_folder = rel
                .parent()
                .filter(|folder| !folder.as_os_str().is_empty())
                .is_some_and(|folder| {
                    let mut chapter = folder.as_os_str().to_owned();
                    chapter.push(".md");
                    summary.position(Path::new(&chapter)).is_some()
                });
            // A `README.zh.md` the summary lists in that folder is its text instead
            // (a book written beside its original, each chapter with a `.zh.md`).
            let listed_readme = summary.chapters.iter().any(|c| {
                c.rel.parent().unwrap_or(Path::new("")) == folder
                    && c.rel.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                        let n = n.to_ascii_lowercase();
                        n.matches('.').count() > 1
                            && (n.starts_with("readme.") || n.starts_with("index."))
                    })
            });
            is_index && in_book && !chapter_for_folder && !listed_readme
        });
        markdown = kept;
        summary.unlisted(unlisted.into_iter().map(|(_, rel)| rel));
    }

    content.readme_folder = home::name_the_home(&mut markdown, publish.book_files, diagnostics);
    walk::too_deep(root, &mut markdown, content.summary.as_ref(), diagnostics);
    let logseq = logseq_graph::graph(root, &dir);
    let parsed: Vec<(Option<Source>, Diagnostics)> = markdown
        .par_iter()
        .map(|(full, rel)| {
            let mut local = Diagnostics::new();
            let invalid = publish.invalid_front_matter;
            let source = read_source(root, full, rel, invalid, logseq, &mut local);
            (source, local)
        })
        .collect();
    let mut sources = Vec::with_capacity(parsed.len());
    for (source, local) in parsed {
        diagnostics.extend(local);
        sources.extend(source);
    }
    widgets::add_widget_pages(&dir, root, &widgets, &mut sources);
    if !bundles::is_hugo(root, &dir) || bundles::is_zola(root, &dir) {
        front::toml_aliases_from_root(&mut sources);
    }
    cascade::apply(&mut sources, hugo_params::site_cascade(root, &dir));
    jekyll::keep_addresses(&dir, &mut sources);
    contents::read(root, &dir, content.docusaurus, &mut sources);
    folder_labels::read_into(root, &dir, &sources, &mut content);
    bundles::keep_tool_addresses(root, &dir, is_hugo, &mut sources);
    if content.docusaurus {
        docusaurus::keep_addresses(&mut sources);
        docusaurus::leave_out_modules(&mut content.assets);
    }
    if astro::is_starlight(&dir) {
        astro::keep_addresses(&mut sources);
    }
    excalidraw::draw(&mut sources, &dir, diagnostics);
    zola::hand_down_search_index(&mut sources);
    content.section_redirects = zola::section_redirects(&sources);
    content.host_redirects = redirects_file::read(root, &dir, static_dir, &content.assets);
    let hugo = hugo_params::build_flags(root, &dir);
    hugo_params::read_html_outputs(root, &dir, &mut sources);
    for source in sources {
        match publish.holds_back(&source.front, hugo) {
            Some(why) => content.exclude.held_back.push((source.rel, why)),
            None => {
                publish.warn_future_date(&source, hugo, diagnostics);
                build_options::warn_unsupported(&source, diagnostics);
                content.sources.push(source);
            }
        }
    }

    publish.warn_unmarked(&content.sources, diagnostics);
    if let Some((file, text)) = content
        .glossary_file
        .as_ref()
        .filter(|_| content.glossary_md.is_none())
    {
        content.glossary = parse_yaml(text, file, diagnostics).unwrap_or_default();
    }
    if let Some((file, text)) = &content.references_file {
        content.references = data::read_references(text, file, diagnostics);
    }
    content
}
