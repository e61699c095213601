//! What each page depends on, as hashes, so `attune serve` renders again only the
//! pages a change can reach.
//!
//! The model splits in two. An article's *own* inputs (its text, and the links
//! resolved from it) are shown only on its own page and in its part of `print.html`.
//! Everything else, the site's *shape*, may show on any page: the configuration,
//! every article's face (title, URL, summary, reading time, front matter) and every
//! index across articles (topics, tags, backlinks with their sentences, relations,
//! related, glossary, references, paths, aliases). A page's key is its template and
//! path with the shape, plus the article's own inputs for an article's pages: while
//! the key holds, the page cannot have changed. Editing the prose of one article
//! changes its own inputs only, so its page and its part of `print.html` render again
//! and nothing else does.
//!
//! The fields are listed by destructuring, so a field added to the model does not
//! compile until it is placed on one side or the other.

use super::{Article, ParseCache, Site};
use crate::hash::StableHasher as Hash;
use crate::markdown::Parsed;
use rayon::prelude::*;

/// The hashes of one build's model: see the module documentation.
pub struct Dependencies {
    shape: u64,
    own: Vec<u64>,
}

impl Dependencies {
    /// The dependencies of `site`, built with `cache` (which knows what each article
    /// was parsed from).
    pub fn of(site: &Site, cache: &ParseCache) -> Dependencies {
        let Site {
            config,
            style,
            articles,
            // Both derived from the articles' slugs and aliases, hashed with them.
            by_slug: _,
            old_names: _,
            topics,
            pages,
            tags,
            terms,
            glossary,
            glossary_users,
            references,
            citers,
            paths,
            // Each article's own.
            links,
            backlinks,
            // Computed from every note's properties: any page may show them.
            bases,
            relations_out,
            relations_in,
            related,
            aliases,
            // Where book.toml writes the permalinks that made articles' paths: in
            // `config`, hashed; the paths themselves are in the articles' front matter.
            permalink_at: _,
            // From the configuration and the articles' paths, both hashed.
            redirected: _,
            moved,
            moved_files,
            moved_parts,
            assets,
            // Derived from the assets, hashed.
            copies: _,
            // Derived from the assets and the folders' texts, both hashed.
            static_hubs: _,
            // Read only for a missing file's help, which is no page's.
            unread_static: _,
            unlinked_files: _,
            theme_statics: _,
            root: _,
            theme_files,
            // Derived from the configuration, articles, tags, paths, assets and
            // aliases, all hashed.
            urls: _,
            refs,
            summary,
            folder_labels,
            // What links to them lead to is in `links`, hashed.
            other_language: _,
            glossary_md: _,
            not_found_text: _,
            // From the configuration, hashed.
            exclude: _,
            // What links under the content's routes lead to is in `links`, hashed.
            content_routes: _,
            // What Markdown images lead to is in `links`, hashed.
            docusaurus: _,
            // Read from the content folder's files, as the articles are, hashed.
            vault: _,
            sections,
            section_of,
            // Derived from the articles' paths, titles and aliases, hashed with them.
            names: _,
            // Derived from the articles' slugs and URLs, hashed with them.
            print_keys: _,
            // Files beside the feed, no page's: links to them lead to `atom.xml`.
            old_feeds: _,
        } = site;
        let wpm = config.readability.words_per_minute;
        // Per article, in parallel: its face with what other articles show about it.
        let faces: Vec<u64> = (0..articles.len())
            .into_par_iter()
            .map(|i| {
                let mut h = Hash::default();
                face(&mut h, &articles[i], wpm);
                if articles[i].structure == super::Structure::Hub {
                    // A folder's own text shows on the folder's page, a page of the site's.
                    h.debug(&(&articles[i].parsed.html, &links[i], &refs[i]));
                }
                h.debug(&(
                    &backlinks[i],
                    &relations_out[i],
                    &relations_in[i],
                    &related[i],
                ));
                h.finish()
            })
            .collect();
        let mut h = Hash::default();
        h.debug(&(config, style, topics, pages, glossary.entries()));
        h.debug(&(
            glossary_users,
            references,
            citers,
            aliases,
            assets,
            theme_files,
        ));
        h.debug(&(moved, moved_files, moved_parts));
        h.debug(&summary.as_ref().map(|s| (&s.chapters, &s.parts)));
        h.debug(folder_labels);
        h.debug(&(sections, section_of));
        // Each view once (a template's is one for every note embedding it), and which
        // one each embed shows.
        let mut seen: std::collections::HashMap<*const super::bases::View, usize> =
            std::collections::HashMap::new();
        for view in bases.iter().flat_map(|views| views.iter()) {
            match view {
                None => h.write_u64(0),
                Some(view) => {
                    let next = seen.len() + 1;
                    let n = *seen.entry(std::sync::Arc::as_ptr(view)).or_insert(next);
                    h.write_u64(n as u64);
                    if n == next {
                        h.debug(view);
                    }
                }
            }
        }
        for (name, tag) in tags.iter().chain(terms.values().flatten()) {
            h.debug(&(name, &tag.name, &tag.articles));
        }
        h.debug(&terms.keys().collect::<Vec<_>>());
        for path in paths {
            h.debug(&(&path.source, &path.steps));
        }
        for face in &faces {
            h.write_u64(*face);
        }
        let shape = h.finish();
        let own = (0..articles.len())
            .into_par_iter()
            .map(|i| {
                let mut h = Hash::default();
                match cache.parsed_from(&articles[i].path) {
                    Some(hash) => h.write_u64(hash),
                    // Not built with this cache: what was parsed, whole.
                    None => h.debug(&(&articles[i].front_matter, &articles[i].parsed)),
                }
                h.debug(&(&links[i], &refs[i]));
                // The notes it embeds show on its page too.
                for (link, resolved) in articles[i].parsed.links.iter().zip(&links[i]) {
                    if let Some(t) = resolved.target.filter(|_| link.embed) {
                        h.debug(&(&articles[t].parsed.html, &links[t], &refs[t]));
                    }
                }
                h.finish()
            })
            .collect();
        Dependencies { shape, own }
    }

    /// Article `i`'s own inputs, hashed.
    pub fn own(&self, i: usize) -> u64 {
        self.own[i]
    }

    /// The key of a page that shows nothing of any article's own inputs.
    pub fn site_page(&self, template: &str, path: &str) -> u64 {
        self.key(template, path, None)
    }

    /// The key of a page (or piece of one) made from article `i`.
    pub fn article_page(&self, i: usize, template: &str, path: &str) -> u64 {
        self.key(template, path, Some(self.own[i]))
    }

    fn key(&self, template: &str, path: &str, own: Option<u64>) -> u64 {
        let mut h = Hash::default();
        h.write_u64(self.shape);
        h.debug(&(template, path, own));
        h.finish()
    }
}

/// What any page may show of `article`. Its text and what is parsed from it stay out,
/// except what lists show (reading time) and what gives the article its title.
fn face(h: &mut Hash, article: &Article, words_per_minute: u32) {
    let Article {
        slug,
        structure,
        path,
        rel,
        topic,
        title,
        summary,
        front,
        parsed,
        url,
        front_matter: _,
        // The body's hash changes with its text, which is the article's own input.
        body_hash: _,
    } = article;
    let Parsed {
        title_from_heading,
        title_heading_level,
        stats,
        // Shown on the article's own page, or gathered into the site's indexes
        // (links, citations, glossary terms), which are hashed there.
        html: _,
        headings: _,
        heading_shift: _,
        links: _,
        refs: _,
        html_ids: _,
        terms: _,
        heading_title: _,
        citations: _,
        glossary_terms: _,
        sections: _,
        images_without_alt: _,
        has_exercise: _,
        diagnostics: _,
        // Part of what the article was parsed from (see `ParseCache::parsed_from`).
        includes: _,
        included_at: _,
        // Joined to the front matter's tags, hashed with it.
        tags: _,
        // The views computed from them are hashed with the site's shape.
        bases: _,
    } = parsed;
    let minutes = stats.reading_minutes(words_per_minute);
    h.debug(&(
        slug, structure, path, rel, topic, title, summary, front, url,
    ));
    h.debug(&(title_from_heading, title_heading_level, minutes));
}
