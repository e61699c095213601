//! Parsing every article of the site, in parallel, into [`Article`]s: titles from
//! front matter, SUMMARY.md or the leading heading, summaries, front matter checked,
//! snippets other articles include left out; and the [`ParseCache`] `attune serve`
//! keeps between rebuilds so an unchanged article is not parsed again.

use super::{humanise, place, Article, Site, Structure};
use crate::config::Config;
use crate::diagnostic::Diagnostics;
use crate::load::Content;
use crate::markdown::{self, Glossary, ParseContext, Parsed};
use crate::url::UrlStyle;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Parsed articles kept between rebuilds (by `attune serve`): an article is parsed
/// again only when its text, or something parsing depends on, changed.
#[derive(Default)]
pub struct ParseCache {
    /// Hash of what every parse depends on besides the article itself.
    inputs: u64,
    /// Parsed articles handed back by [`ParseCache::keep`], by path, with the hash of
    /// the text each was parsed from.
    entries: HashMap<PathBuf, (u64, Parsed)>,
    /// The hash of each article's text in the last build, by path.
    texts: HashMap<PathBuf, u64>,
}

impl ParseCache {
    /// Takes back the parsed articles of `site`, the last build made with this cache,
    /// so the next build reuses them without copying; frees the rest of the model.
    pub fn keep(&mut self, site: Site) {
        for article in site.articles {
            if let Some(&hash) = self.texts.get(&article.path) {
                self.entries.insert(article.path, (hash, article.parsed));
            }
        }
    }

    /// Whether an article parsed for the last build read `rel` (a path from the
    /// content folder) through `{{#include}}`.
    pub fn includes(&self, rel: &Path) -> bool {
        self.entries
            .values()
            .any(|(_, parsed)| parsed.includes.iter().any(|i| i.rel == rel))
    }

    /// What the article at `path` was parsed from in the last build: its text and
    /// everything parsing depends on, hashed; `None` if it was not in that build.
    pub fn parsed_from(&self, path: &Path) -> Option<u64> {
        let text = self.texts.get(path)?;
        Some(text ^ self.inputs.rotate_left(1))
    }
}

/// Every article of `content` parsed (its sources taken out of it), in a stable order:
/// by file path, and whether the content folder is a vault (see `vault.rs`). Problems
/// found in one article go into `diagnostics`.
pub(super) fn articles(
    config: &Config,
    content: &mut Content,
    glossary: &Glossary,
    style: UrlStyle,
    diagnostics: &mut Diagnostics,
    mut cache: Option<&mut ParseCache>,
) -> (Vec<Article>, bool) {
    let index = style.index();
    let vault = super::vault::is_vault(
        &content.root,
        &content.dir,
        &content.sources,
        content.summary.is_some(),
    );
    let expressions = super::vault::expressions(content, vault);
    let label_first_wikilinks = super::vault::is_dendron(&content.root, &content.dir);
    let own_heading = crate::load::shows_own_heading(content, expressions.mkdocs());
    let emoji = crate::load::emoji::shortcodes(&content.root, &content.dir);
    let hard_breaks = crate::load::quartz::hard_line_breaks(&content.root, &content.dir);
    let obsidian_text = expressions.vault()
        || expressions == markdown::Expressions::Template && content.summary.is_none();
    let site_params = crate::load::jekyll::site_variables(&content.dir, &content.sources)
        .or_else(|| crate::load::hugo_params::site_params(&content.root, &content.dir));
    let passthrough = crate::load::hugo_params::passthrough(&content.root, &content.dir);
    let callouts = crate::load::just_the_docs::callouts(&content.dir);
    let abbreviations = markdown::site_abbreviations(expressions, &content.dir);
    let book_toml = std::fs::read_to_string(content.root.join(crate::config::FILE_NAME));
    let math_definitions = config.preprocessor.math_definitions(
        &content.root,
        book_toml.as_deref().unwrap_or_default(),
        diagnostics,
    );
    let code_hidelines = config.code_hidelines();
    let book_variables = config.preprocessor.variables();
    let mut sources = std::mem::take(&mut content.sources);
    let rules =
        markdown::rule_addresses(sources.iter().map(|s| (s.rel.as_path(), s.text.as_str())));
    let blocks = match expressions {
        markdown::Expressions::Logseq => crate::load::logseq_graph::block_ids(&sources),
        _ => Default::default(),
    };
    let tool = if crate::load::is_hugo(&content.root, &content.dir) {
        Some("Hugo")
    } else if crate::load::is_zola(&content.root, &content.dir) {
        Some("Zola")
    } else if content.summary.is_some() || config.book.is_some() {
        Some("mdBook")
    } else {
        crate::load::jekyll::tool_name(&content.dir)
    };
    // The site's other taxonomies than `tags`: on a Hugo site their keys are Hugo's.
    let taxonomies = crate::load::taxonomies::names(&content.root, &content.dir, &sources);
    content.not_found_text = sources.iter().any(|s| s.rel == Path::new("404.md"));
    place::leave_out_not_found_page(&mut sources, tool, &taxonomies, diagnostics);
    let dir = content
        .dir
        .strip_prefix(&content.root)
        .unwrap_or(&content.dir);
    let static_dir = config.build.static_dir.as_deref().map(Path::new);
    place::leave_out_not_found_file(&mut content.assets, dir, static_dir, diagnostics);
    if let Some(cache) = cache.as_deref_mut() {
        let build = &config.build;
        let mut inputs = format!(
            "{}|{}|{:?}|{:?}|{}|{:?}|{expressions:?}|{label_first_wikilinks}|{obsidian_text}|{emoji}|{hard_breaks}|",
            build.smart_punctuation,
            build.autolinks,
            build.unsupported_syntax,
            style,
            build.include_root,
            build.broken_links
        )
        .into_bytes();
        inputs.extend(math_definitions.as_bytes());
        let mut rule_list: Vec<_> = rules.iter().collect();
        rule_list.sort();
        inputs.extend(
            format!("{site_params:?}{passthrough:?}{callouts:?}{rule_list:?}{blocks:?}{abbreviations:?}{book_variables:?}")
                .as_bytes(),
        );
        inputs.push(0);
        for file in [&content.glossary_file, &content.references_file]
            .into_iter()
            .flatten()
        {
            inputs.extend(file.1.as_bytes());
            inputs.push(0);
        }
        // Chapter titles from SUMMARY.md decide which leading heading is the title.
        if let Some(summary) = &content.summary {
            inputs.extend(format!("{:?}", summary.chapters).as_bytes());
        }
        let inputs = crate::hash::hash_bytes(&inputs);
        if cache.inputs != inputs {
            cache.inputs = inputs;
            cache.entries.clear();
        }
    }
    // With a cache: each text's hash, and what is parsed already from that text.
    let mut known: Vec<Option<Parsed>> = Vec::new();
    if let Some(cache) = cache.as_deref_mut() {
        let hashes: Vec<u64> = sources
            .par_iter()
            .map(|source| {
                // What an ancestor's `cascade` hands it is read by `{{< param >}}` too.
                let cascaded = source.front.cascaded.as_ref().map(|c| c.to_string());
                // The home page's text from a folder below reads its links from there.
                let from = (source.rel == Path::new("README.md"))
                    .then_some(content.readme_folder.as_deref())
                    .flatten();
                crate::hash::hash_bytes(source.text.as_bytes())
                    ^ from.map_or(0, |f| crate::hash::hash_bytes(f.as_bytes()).rotate_left(1))
                    ^ cascaded.map_or(0, |c| crate::hash::hash_bytes(c.as_bytes()))
            })
            .collect();
        known = sources
            .iter()
            .zip(&hashes)
            .map(|(source, &hash)| match cache.entries.remove(&source.path) {
                // Parsed again when a file it includes changed, too.
                Some((h, parsed))
                    if h == hash ^ markdown::includes_now(&content.dir, &parsed.includes) =>
                {
                    Some(parsed)
                }
                _ => None,
            })
            .collect();
        cache.entries.clear();
        cache.texts = sources.iter().map(|s| s.path.clone()).zip(hashes).collect();
    }
    known.resize_with(sources.len(), || None);
    if config.topics.is_empty() {
        let quiet = config.front_matter.allow.iter().any(|k| k == "topic");
        super::topics::read_topics(&mut sources, vault, quiet, diagnostics);
    }
    // A folder note at the content root (`fn.md` beside `fn/`) is its topic's text.
    let folder_notes = place::folder_notes(&sources, !vault);
    for source in sources.iter_mut() {
        let at_root = source.rel.parent().is_none_or(|p| p.as_os_str().is_empty());
        if at_root && source.front.topic.is_none() && folder_notes.contains_key(&source.rel) {
            source.topic = Some(source.slug.clone());
        }
    }
    let mut placements = place::place(&sources, !vault);
    let from_folders = config.topics.is_empty();
    super::twins::move_folder_twins(&mut sources, &mut placements, from_folders, diagnostics);
    super::twins::move_case_twins(&sources, &mut placements, diagnostics);
    super::twins::move_folder_shadows(&sources, &mut placements, diagnostics);
    let builtin = super::reserved::builtin_pages(config, content, glossary, &sources);
    super::reserved::move_off_builtin_pages(&sources, &mut placements, &builtin, diagnostics);
    if config.topics.is_empty() {
        super::reserved::move_folders_off_builtin_pages(
            &mut sources,
            &mut placements,
            &builtin,
            diagnostics,
        );
    }
    for (source, placed) in sources.iter_mut().zip(&placements) {
        if placed.standalone {
            source.topic = None;
        }
    }
    let parsed: Vec<Parsed> = sources
        .par_iter()
        .zip(known)
        .zip(&placements)
        .map(|((source, known), placed)| {
            if let Some(parsed) = known {
                return parsed;
            }
            let url = placed.url.clone();
            let root = UrlStyle::root(&url);
            let ctx = ParseContext {
                smart_punctuation: config.build.smart_punctuation,
                references: &content.references,
                glossary,
                root: &root,
                index,
                content: Some((&content.root, &content.dir, &source.rel)),
                include_root: &config.build.include_root,
                unsupported_syntax: config.build.unsupported_syntax,
                broken_links: config.build.broken_links,
                highlight: !content.plain_code,
                expressions,
                label_first_wikilinks,
                obsidian_text,
                emoji,
                hard_breaks,
                math_definitions: &math_definitions,
                mathjax: config.mathjax_delimiters(),
                code_hidelines: &code_hidelines,
                site_params: site_params.as_ref(),
                passthrough: &passthrough,
                callouts: &callouts,
                rules: &rules,
                logseq_blocks: &blocks,
                abbreviations: &abbreviations,
                book_variables: &book_variables,
                cascaded: source.front.cascaded.as_ref(),
                autolinks: config.build.autolinks,
                links_from: content
                    .readme_folder
                    .as_deref()
                    .filter(|_| source.rel == Path::new("README.md")),
            };
            let title = match crate::load::given_title(source, content.summary.as_ref()) {
                // mdBook's chapter named by SUMMARY.md shows its own heading too.
                Some(t) if own_heading || source.front.title.is_none() => markdown::Title::Shown(t),
                Some(title) => markdown::Title::Known(title),
                // The home page's title is the site's: a first `## Quick nav` is its text's.
                None if placed.hub && url.is_empty() => markdown::Title::Known(&config.site.title),
                None => markdown::Title::FromLeadingHeading,
            };
            let mut parsed =
                markdown::parse_titled(&source.text, source.body_start, &source.path, title, &ctx);
            if config.build.sanitize_html {
                // Once, here: every output that shows the body shares this one.
                parsed.html = markdown::sanitize(&parsed.html);
                // Destinations are filled in later, from marks the sanitiser cannot
                // judge: one it would remove is written empty.
                for r in &mut parsed.refs {
                    if !markdown::keeps_url(&r.url) {
                        r.url.clear();
                    }
                }
            }
            parsed
        })
        .collect();
    if let Some(cache) = cache {
        for (source, parsed) in sources.iter().zip(&parsed) {
            if let Some(hash) = cache.texts.get_mut(&source.path) {
                *hash ^= markdown::includes_hash(&parsed.includes);
            }
        }
    }
    // Files other articles include are snippets, not articles of their own.
    let snippets = markdown::snippets(
        sources
            .iter()
            .zip(&parsed)
            .map(|(s, p)| (s.rel.as_path(), p.includes.as_slice())),
    );
    // Markdown files SUMMARY.md does not list, but those a chapter includes.
    if let Some(d) = content
        .summary
        .as_ref()
        .and_then(|s| s.unlisted_warning(|rel| snippets.contains(rel)))
    {
        diagnostics.push(d);
    }

    let mut articles = Vec::with_capacity(sources.len());
    let mut unknown_keys = crate::load::UnknownKeys::default();
    let hugo = crate::load::is_hugo(&content.root, &content.dir);
    let zola_config = crate::load::is_zola(&content.root, &content.dir);
    let mut allow = config.front_matter.allow.clone();
    if hugo {
        allow.extend(taxonomies.iter().cloned());
    }
    if super::vault::is_dendron(&content.root, &content.dir) {
        allow.extend(super::vault::DENDRON_KEYS.map(String::from));
    }
    if crate::load::jekyll::tool_name(&content.dir).is_some() {
        allow.extend(crate::load::jekyll::own_keys(&content.dir, &sources));
    }
    if expressions.mkdocs() {
        allow.extend(crate::load::mkdocs::OWN_KEYS.map(String::from));
    }
    if content.docusaurus {
        allow.extend(crate::load::docusaurus::OWN_KEYS.map(String::from));
    }
    if crate::load::astro::is_starlight(&content.dir) {
        allow.extend(crate::load::astro::OWN_KEYS.map(String::from));
    }
    if crate::load::vitepress::is_site(&content.root, &content.dir) {
        allow.extend(crate::load::vitepress::OWN_KEYS.map(String::from));
    }
    // The properties the vault's bases show or filter by are used, not unknown.
    let embeds = parsed.iter().flat_map(|p| &p.bases);
    allow.extend(super::bases::properties_read(&content.dir, embeds));
    for ((source, parsed), placed) in sources.into_iter().zip(parsed).zip(placements) {
        if snippets.contains(&source.rel) {
            continue;
        }
        // Kept with the article too: a rebuild that reuses the parse reports them again.
        for diagnostic in &parsed.diagnostics {
            diagnostics.push(diagnostic.clone());
        }
        let given = crate::load::given_title(&source, content.summary.as_ref())
            .filter(|t| !t.trim().is_empty())
            .map(str::to_string);
        let title = match (given, &parsed.title_from_heading) {
            (Some(t), _) => t,
            (None, Some(t)) => t.clone(),
            // A folder's own text without a title: the folder's name, as for a
            // folder without one.
            (None, None) if placed.hub => place::hub_folder_name(&source.rel)
                .map(|f| humanise(&f))
                .unwrap_or_else(|| config.site.title.clone()),
            // The first heading at any level with text, as mdBook chapters that open
            // with `##` (level 1 on an MkDocs site, as MkDocs takes); else, and always
            // in a vault (a section's heading names no note there), its file name.
            (None, None) => (parsed.headings.iter())
                .filter(|h| h.level == 1 || !expressions.mkdocs())
                .find(|h| !h.text.is_empty() && !expressions.vault())
                .map(|h| h.text.clone())
                .unwrap_or_else(|| crate::load::fallback_title(&source)),
        };
        let summary = source
            .front
            .summary
            .clone()
            .or_else(|| source.front.description.clone())
            .map(|given| markdown::plain_summary(&given))
            .or_else(|| markdown::summary_before_more(source.body()))
            .unwrap_or_default();
        let zola = !hugo && (zola_config || crate::load::zola::toml_front(&source.text));
        unknown_keys.add(&source.front, &source.path, &allow, zola, hugo);
        crate::review::validate(
            &source.front,
            &source.text[..source.body_start],
            &source.path,
            source.topic.is_some() && !placed.hub,
            config,
            diagnostics,
        );
        articles.push(Article {
            url: placed.url,
            body_hash: source.body_hash,
            slug: placed.slug,
            structure: if placed.hub {
                Structure::Hub
            } else {
                Structure::Page
            },
            path: source.path,
            rel: source.rel,
            topic: source.topic,
            title,
            summary,
            front: {
                let mut front = source.front;
                markdown::join_tags(&mut front.tags, &parsed.tags);
                let head = &source.text[..source.body_start];
                front.terms = crate::load::taxonomies::terms(head, &taxonomies);
                // Written as Markdown (Docsy's blog: `[Jane Doe](https://…) ([Example Org](…))`).
                front.author = front.author.map(|a| markdown::plain_summary(&a));
                front
            },
            parsed,
            front_matter: {
                let mut text = source.text;
                text.truncate(source.body_start);
                text.shrink_to_fit();
                text
            },
        });
    }
    unknown_keys.report(diagnostics);
    // A stable order for everything downstream: by file path.
    articles.sort_by(|a, b| a.rel.cmp(&b.rel));
    (articles, vault)
}
