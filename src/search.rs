//! The search index, built once per build and written as script files the browser
//! loads on demand with `<script>` tags (never `fetch`), so search works from
//! `file://` too.
//!
//! One document per article section. Words are folded (case, accents, curly
//! apostrophes) and stemmed with Snowball English here, at build time; the browser
//! only matches query words against the sorted vocabulary (exactly, by prefix, or within
//! a small edit distance) and needs no stemmer. Files:
//!
//! - `search/index.js` — the manifest: shard boundaries, synonym groups;
//! - `search/v{n}.js` — vocabulary shards: sorted surface words and their stem ids;
//! - `search/p{n}.js` — postings shards: stem id → [doc, score, doc, score, ...];
//! - `search/d{n}.js` — document shards: URL, title, heading and excerpt per section.

use crate::output::{StableHasher, Writer};
use crate::site::{Dependencies, Site};
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Documents per document shard: results load only the shards they show.
pub const DOC_SHARD: usize = 64;
/// Target size of a vocabulary shard, in bytes of JSON.
const VOCAB_SHARD_BYTES: usize = 48 * 1024;
/// Target size of a postings shard.
const POSTINGS_SHARD_BYTES: usize = 48 * 1024;
/// Postings kept per stem, best first: results beyond this rank are never shown, and
/// the cap keeps the postings a common word loads small on any site size.
pub const MAX_POSTINGS: usize = 1000;
/// Characters of section text kept as the excerpt.
const EXCERPT_CHARS: usize = 240;

/// Field weights: a word in a title counts most, then headings, tags, summary, body.
const TITLE: f64 = 10.0;
const HEADING: f64 = 5.0;
const TAGS: f64 = 4.0;
const SUMMARY: f64 = 3.0;
const BODY: f64 = 1.0;

/// Lowercases, strips accents and straightens apostrophes.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == '’' || c == 'ʼ' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words of already-folded text, on Unicode word boundaries.
fn words_of(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .unicode_words()
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
}

/// Words on Unicode word boundaries, folded.
pub fn tokenize(text: &str) -> Vec<String> {
    words_of(&fold(text)).map(str::to_string).collect()
}

/// One search result as the browser shows it: URL, article title, section heading, excerpt.
type DocRow = [String; 4];

/// One article's share of the index, with words numbered locally so the merge
/// touches each distinct word of an article once, not each occurrence.
struct ArticleIndex {
    words: Vec<String>,
    docs: Vec<DocRow>,
    /// Per document: (local word id, score).
    postings: Vec<Vec<(u32, f32)>>,
}

/// The start of `text` with its white space made single spaces: the whole of it when
/// that is at most [`EXCERPT_CHARS`] characters, else cut at a word and marked with "…".
/// Only as much of a long section is read as the excerpt needs.
fn excerpt(text: &str) -> String {
    let mut flat = String::with_capacity(EXCERPT_CHARS * 2);
    let mut chars = 0;
    for word in text.split_whitespace() {
        if chars > EXCERPT_CHARS {
            break;
        }
        if !flat.is_empty() {
            flat.push(' ');
            chars += 1;
        }
        flat.push_str(word);
        chars += word.chars().count();
    }
    if chars <= EXCERPT_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(EXCERPT_CHARS).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{cut} …")
}

fn intern<'a>(ids: &mut HashMap<&'a str, u32>, words: &mut Vec<&'a str>, word: &'a str) -> u32 {
    *ids.entry(word).or_insert_with(|| {
        words.push(word);
        words.len() as u32 - 1
    })
}

/// Documents of one article: one per section, title, tags and summary on the first.
fn index_article(site: &Site, i: usize) -> ArticleIndex {
    let article = &site.articles[i];
    // Hugo's `build.list: never` or `local`: out of the site-wide lists; Zola's
    // `in_search_index = false`: out of search.
    if article.front.listing() != crate::load::Listing::Always
        || article.front.in_search_index == Some(false)
    {
        return ArticleIndex {
            words: Vec::new(),
            docs: Vec::new(),
            postings: Vec::new(),
        };
    }
    let empty = [crate::markdown::Section::default()];
    let sections: &[crate::markdown::Section] = if article.parsed.sections.is_empty() {
        &empty
    } else {
        &article.parsed.sections
    };
    let head = [
        (fold(&article.title), TITLE),
        (fold(&article.front.tags.join(" ")), TAGS),
        (fold(&article.summary), SUMMARY),
    ];
    // Links whose label is their target's title read as that title here too.
    let links = &site.links[i];
    let texts: Vec<std::borrow::Cow<'_, str>> = sections
        .iter()
        .map(|s| {
            crate::markdown::fill_labels(&s.text, |n| {
                links.get(n).map(|l| l.title.clone()).unwrap_or_default()
            })
        })
        .collect();
    let folded: Vec<(String, String)> = sections
        .iter()
        .zip(&texts)
        .map(|(s, text)| (fold(text), fold(&s.heading)))
        .collect();
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let mut words: Vec<&str> = Vec::new();
    let mut docs = Vec::with_capacity(sections.len());
    let mut postings = Vec::with_capacity(sections.len());
    for (k, ((section, section_text), (body, heading))) in
        sections.iter().zip(&texts).zip(&folded).enumerate()
    {
        let mut scores: HashMap<u32, f32> = HashMap::default();
        // Body words count less the longer the section: damped term frequency.
        let mut tf: HashMap<u32, u32> = HashMap::default();
        let mut length = 0usize;
        for w in words_of(body) {
            *tf.entry(intern(&mut ids, &mut words, w)).or_insert(0) += 1;
            length += 1;
        }
        let damping = 1.0 / (1.0 + (1.0 + length as f64 / 200.0).ln());
        for (w, n) in tf {
            scores.insert(w, (BODY * (1.0 + (n as f64).ln()) * damping) as f32);
        }
        let mut fields: Vec<(&str, f64)> = vec![(heading.as_str(), HEADING)];
        if k == 0 {
            fields.extend(head.iter().map(|(text, weight)| (text.as_str(), *weight)));
        }
        for (text, weight) in fields {
            for w in words_of(text) {
                *scores.entry(intern(&mut ids, &mut words, w)).or_insert(0.0) += weight as f32;
            }
        }
        let url = match &section.anchor {
            Some(anchor) => format!("{}#{anchor}", article.url),
            None => article.url.clone(),
        };
        let text = if section_text.trim().is_empty() && k == 0 {
            &article.summary
        } else {
            section_text.as_ref()
        };
        let heading = if section.anchor.is_some() {
            section.heading.clone()
        } else {
            String::new()
        };
        docs.push([url, article.title.clone(), heading, excerpt(text)]);
        let mut list: Vec<(u32, f32)> = scores.into_iter().collect();
        list.sort_unstable_by_key(|&(w, _)| w);
        postings.push(list);
    }
    ArticleIndex {
        words: words.into_iter().map(str::to_string).collect(),
        docs,
        postings,
    }
}

#[derive(Serialize)]
struct Manifest {
    version: u32,
    docs: usize,
    doc_shard: usize,
    postings: usize,
    /// First word of each vocabulary shard, in order.
    vocab: Vec<String>,
    /// Groups of phrases (each a list of folded words) a query treats as one.
    synonyms: Vec<Vec<Vec<String>>>,
}

/// What the index writes, for reports and budgets.
#[derive(Debug, Default, Clone, Copy)]
pub struct IndexStats {
    pub docs: usize,
    pub words: usize,
    pub stems: usize,
    pub files: usize,
    pub bytes: usize,
}

/// Each article's share of the index, kept by `attune serve` between rebuilds under a
/// hash of everything it is made from, so an edit indexes only the edited article.
#[derive(Default)]
pub struct SearchCache {
    articles: HashMap<u64, Arc<ArticleIndex>>,
}

/// A hash of what [`index_article`] reads of article `i`: its own inputs (text and
/// what parsing depends on, from `deps`) and what it is listed under.
fn article_key(site: &Site, deps: &Dependencies, i: usize) -> u64 {
    let article = &site.articles[i];
    let mut h = StableHasher::default();
    h.write_u64(deps.own(i));
    h.debug(&(
        &article.url,
        &article.title,
        &article.summary,
        &article.front.tags,
    ));
    h.finish()
}

/// `value` as compact JSON.
fn to_json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// Builds the index and writes its files into `search/`.
pub fn write_index(site: &Site, writer: &Writer) -> IndexStats {
    write_index_with(site, writer, None)
}

/// [`write_index`], indexing again only the articles `cache` does not hold.
pub fn write_index_cached(
    site: &Site,
    writer: &Writer,
    cache: &mut SearchCache,
    deps: &Dependencies,
) -> IndexStats {
    write_index_with(site, writer, Some((cache, deps)))
}

fn write_index_with(
    site: &Site,
    writer: &Writer,
    cache: Option<(&mut SearchCache, &Dependencies)>,
) -> IndexStats {
    let articles: Vec<Arc<ArticleIndex>> = match cache {
        None => (0..site.articles.len())
            .into_par_iter()
            .map(|i| Arc::new(index_article(site, i)))
            .collect(),
        Some((cache, deps)) => {
            let old = &cache.articles;
            let fresh: Vec<(u64, Arc<ArticleIndex>)> = (0..site.articles.len())
                .into_par_iter()
                .map(|i| {
                    let key = article_key(site, deps, i);
                    let index = old
                        .get(&key)
                        .cloned()
                        .unwrap_or_else(|| Arc::new(index_article(site, i)));
                    (key, index)
                })
                .collect();
            cache.articles = fresh.iter().cloned().collect();
            fresh.into_iter().map(|(_, index)| index).collect()
        }
    };

    // Global word ids, then the vocabulary in sorted order with each word's stem.
    let mut global: HashMap<&str, u32> = HashMap::default();
    let mut vocabulary: Vec<&str> = Vec::new();
    let local_to_global: Vec<Vec<u32>> = articles
        .iter()
        .map(|a| {
            a.words
                .iter()
                .map(|w| {
                    *global.entry(w.as_str()).or_insert_with(|| {
                        vocabulary.push(w.as_str());
                        vocabulary.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    let mut sorted: Vec<u32> = (0..vocabulary.len() as u32).collect();
    sorted.par_sort_unstable_by_key(|&g| vocabulary[g as usize]);
    let stemmer = Stemmer::create(Algorithm::English);
    let sorted_stems: Vec<String> = sorted
        .iter()
        .map(|&g| stemmer.stem(vocabulary[g as usize]).into_owned())
        .collect();
    let mut unique_stems: Vec<&str> = sorted_stems.iter().map(String::as_str).collect();
    unique_stems.par_sort_unstable();
    unique_stems.dedup();
    let stem_id: HashMap<&str, u32> = unique_stems
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, i as u32))
        .collect();
    let mut word_stem = vec![0u32; vocabulary.len()];
    for (&g, stem) in sorted.iter().zip(&sorted_stems) {
        word_stem[g as usize] = stem_id[stem.as_str()];
    }

    // Postings: stem → (doc, score), best first, capped.
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); unique_stems.len()];
    let mut doc = 0u32;
    for (article, map) in articles.iter().zip(&local_to_global) {
        for list in &article.postings {
            for &(w, score) in list {
                let stem = &mut postings[word_stem[map[w as usize] as usize] as usize];
                // Two words of one stem in one document ("feel", "feeling") add up.
                match stem.last_mut() {
                    Some(last) if last.0 == doc => last.1 += score,
                    _ => stem.push((doc, score)),
                }
            }
            doc += 1;
        }
    }
    let postings: Vec<Vec<(u32, u32)>> = postings
        .into_par_iter()
        .map(|list| {
            let mut list: Vec<(u32, u32)> = list
                .into_iter()
                .map(|(d, s)| (d, ((s * 10.0).round() as u32).clamp(1, 65_535)))
                .collect();
            // Best score first, then by document: as one integer key, which sorts
            // faster than the pair.
            let key = |&(d, s): &(u32, u32)| u64::from(u32::MAX - s) << 32 | u64::from(d);
            list.sort_unstable_by_key(key);
            list.truncate(MAX_POSTINGS);
            list
        })
        .collect();
    let docs: Vec<&DocRow> = articles.iter().flat_map(|a| &a.docs).collect();

    let mut stats = IndexStats {
        docs: docs.len(),
        words: vocabulary.len(),
        stems: unique_stems.len(),
        ..Default::default()
    };
    let mut emit = |name: &str, json: Vec<u8>| {
        // Loaded by `<script>` tags: nothing in an excerpt may read as markup.
        let json = crate::script_json::escape(json);
        let mut body = Vec::with_capacity(json.len() + name.len() + 40);
        body.extend_from_slice(b"window.__attuneSearch.push(");
        body.extend_from_slice(&crate::script_json::to_vec(&name));
        body.extend_from_slice(b", ");
        body.extend_from_slice(&json);
        body.extend_from_slice(b");\n");
        stats.files += 1;
        stats.bytes += body.len();
        let path = format!("search/{name}.js");
        debug_assert!(name == "index" || crate::site::is_search_shard(&path["search/".len()..]));
        writer.write(&path, &body);
    };

    // Vocabulary shards by size.
    let mut boundaries = Vec::new();
    let mut shard_words: Vec<&str> = Vec::new();
    let mut shard_stems: Vec<usize> = Vec::new();
    let mut size = 0;
    let mut flush =
        |words: &mut Vec<&str>, stems: &mut Vec<usize>, boundaries: &mut Vec<String>| {
            if words.is_empty() {
                return;
            }
            boundaries.push(words[0].to_string());
            let n = boundaries.len() - 1;
            emit(&format!("v{n}"), to_json(&json!({"w": words, "s": stems})));
            words.clear();
            stems.clear();
        };
    for &g in &sorted {
        if size > VOCAB_SHARD_BYTES {
            flush(&mut shard_words, &mut shard_stems, &mut boundaries);
            size = 0;
        }
        let word = vocabulary[g as usize];
        size += word.len() + 8;
        shard_words.push(word);
        shard_stems.push(word_stem[g as usize] as usize);
    }
    flush(&mut shard_words, &mut shard_stems, &mut boundaries);

    // Postings shards: stem id modulo the shard count spreads them evenly.
    let total: usize = postings.iter().map(|p| p.len() * 9 + 8).sum();
    let shard_count = total.div_ceil(POSTINGS_SHARD_BYTES).max(1);
    // Keys are the stem ids as text, in text order (as a JSON object's keys sort).
    let mut shards: Vec<BTreeMap<String, Vec<u32>>> = vec![BTreeMap::new(); shard_count];
    for (stem, list) in postings.iter().enumerate() {
        let flat: Vec<u32> = list.iter().flat_map(|&(d, s)| [d, s]).collect();
        shards[stem % shard_count].insert(stem.to_string(), flat);
    }
    for (n, shard) in shards.iter().enumerate() {
        emit(&format!("p{n}"), to_json(shard));
    }

    // Document shards.
    for (n, chunk) in docs.chunks(DOC_SHARD).enumerate() {
        emit(&format!("d{n}"), to_json(&chunk));
    }

    let mut synonyms: Vec<Vec<Vec<String>>> = site
        .config
        .search
        .synonyms
        .iter()
        .map(|group| {
            group
                .iter()
                .map(|phrase| tokenize(phrase))
                .filter(|p| !p.is_empty())
                .collect()
        })
        .collect();
    for entry in site.glossary.entries() {
        if !entry.aliases.is_empty() {
            synonyms.push(
                std::iter::once(&entry.term)
                    .chain(&entry.aliases)
                    .map(|p| tokenize(p))
                    .filter(|p| !p.is_empty())
                    .collect(),
            );
        }
    }
    let manifest = Manifest {
        version: 1,
        docs: docs.len(),
        doc_shard: DOC_SHARD,
        postings: shard_count,
        vocab: boundaries,
        synonyms,
    };
    emit("index", to_json(&json!(manifest)));
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_tokenizing() {
        assert_eq!(fold("Café ÉMOTIONS can’t"), "cafe emotions can't");
        assert_eq!(
            tokenize("Counter-dependence, hyper‑independence; can’t feel!"),
            [
                "counter",
                "dependence",
                "hyper",
                "independence",
                "can't",
                "feel"
            ]
        );
    }

    #[test]
    fn stemming_groups_word_forms() {
        let stemmer = Stemmer::create(Algorithm::English);
        assert_eq!(stemmer.stem("boundaries"), stemmer.stem("boundary"));
        assert_eq!(stemmer.stem("feelings"), stemmer.stem("feeling"));
    }

    #[test]
    fn excerpts_read_only_what_they_need_and_equal_the_whole_text_flattened_and_cut() {
        fn reference(text: &str) -> String {
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if flat.chars().count() <= EXCERPT_CHARS {
                return flat;
            }
            let cut: String = flat.chars().take(EXCERPT_CHARS).collect();
            let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
            format!("{cut} …")
        }
        let words = [
            "a",
            "feel",
            "  ",
            "\n\n",
            "séparé",
            "ü",
            "x".repeat(300).leak(),
            "–",
        ];
        for n in 0..400 {
            let text: String = (0..n)
                .map(|k| words[(k * 7 + n) % words.len()])
                .collect::<Vec<_>>()
                .join(if n % 3 == 0 { " " } else { " \t " });
            assert_eq!(excerpt(&text), reference(&text), "{n}");
        }
        for len in 230..250 {
            let text = "b".repeat(len);
            assert_eq!(excerpt(&text), reference(&text));
            let spaced = format!("{} c", "d".repeat(len));
            assert_eq!(excerpt(&spaced), reference(&spaced));
        }
    }

    #[test]
    fn excerpts_end_on_a_word() {
        let long = "word ".repeat(100);
        let e = excerpt(&long);
        assert!(e.ends_with("word …"));
        assert!(e.chars().count() <= EXCERPT_CHARS + 2);
    }
}
