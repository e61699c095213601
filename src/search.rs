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

use crate::output::Writer;
use crate::site::Site;
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
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
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == '’' || c == 'ʼ' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words on Unicode word boundaries, folded.
pub fn tokenize(text: &str) -> Vec<String> {
    fold(text)
        .unicode_words()
        .map(|w| w.trim_matches('\'').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

struct Doc {
    url: String,
    title: String,
    heading: String,
    excerpt: String,
    /// Folded word → weighted frequency in this document.
    words: HashMap<String, f64>,
}

fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(EXCERPT_CHARS).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{cut} …")
}

fn add_words(words: &mut HashMap<String, f64>, text: &str, weight: f64) {
    for w in tokenize(text) {
        *words.entry(w).or_insert(0.0) += weight;
    }
}

/// Documents of one article: one per section, title fields on the first.
fn article_docs(site: &Site, i: usize) -> Vec<Doc> {
    let article = &site.articles[i];
    let sections = &article.parsed.sections;
    let mut docs = Vec::with_capacity(sections.len().max(1));
    let tags = article.front.tags.join(" ");
    let mut first = true;
    let empty = [crate::markdown::Section::default()];
    let sections: &[crate::markdown::Section] = if sections.is_empty() {
        &empty
    } else {
        sections
    };
    for section in sections {
        let mut words = HashMap::new();
        // Body words count less the longer the section: damped term frequency.
        let length = section.text.split_whitespace().count() as f64;
        let damping = 1.0 / (1.0 + (1.0 + length / 200.0).ln());
        let mut body = HashMap::new();
        add_words(&mut body, &section.text, 1.0);
        for (w, tf) in body {
            words.insert(w, BODY * (1.0 + f64::ln(tf)) * damping);
        }
        add_words(&mut words, &section.heading, HEADING);
        if first {
            add_words(&mut words, &article.title, TITLE);
            add_words(&mut words, &tags, TAGS);
            add_words(&mut words, &article.summary, SUMMARY);
        }
        let url = match &section.anchor {
            Some(anchor) => format!("{}#{anchor}", article.url),
            None => article.url.clone(),
        };
        let text = if section.text.trim().is_empty() && first {
            &article.summary
        } else {
            &section.text
        };
        docs.push(Doc {
            url,
            title: article.title.clone(),
            heading: if section.anchor.is_some() {
                section.heading.clone()
            } else {
                String::new()
            },
            excerpt: excerpt(text),
            words,
        });
        first = false;
    }
    docs
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

/// Builds the index and writes its files into `search/`.
pub fn write_index(site: &Site, writer: &Writer) -> IndexStats {
    let per_article: Vec<Vec<Doc>> = (0..site.articles.len())
        .into_par_iter()
        .map(|i| article_docs(site, i))
        .collect();
    let docs: Vec<Doc> = per_article.into_iter().flatten().collect();

    // Vocabulary: every surface word, sorted, mapped to its stem.
    let stemmer = Stemmer::create(Algorithm::English);
    let mut vocabulary: BTreeMap<&str, usize> = BTreeMap::new();
    for doc in &docs {
        for w in doc.words.keys() {
            vocabulary.entry(w.as_str()).or_insert(0);
        }
    }
    let mut stems: BTreeMap<String, usize> = BTreeMap::new();
    let stem_of: Vec<String> = vocabulary
        .keys()
        .map(|w| stemmer.stem(w).into_owned())
        .collect();
    for stem in &stem_of {
        let next = stems.len();
        stems.entry(stem.clone()).or_insert(next);
    }
    // Stem ids in sorted stem order, so they do not depend on insertion order.
    for (id, value) in stems.values_mut().enumerate() {
        *value = id;
    }
    for (slot, stem) in vocabulary.values_mut().zip(&stem_of) {
        *slot = stems[stem];
    }

    // Postings: stem → (doc, score), best first, capped.
    let mut postings: Vec<HashMap<usize, f64>> = vec![HashMap::new(); stems.len()];
    for (d, doc) in docs.iter().enumerate() {
        for (w, score) in &doc.words {
            *postings[vocabulary[w.as_str()]].entry(d).or_insert(0.0) += score;
        }
    }
    let postings: Vec<Vec<(usize, u32)>> = postings
        .into_par_iter()
        .map(|map| {
            let mut list: Vec<(usize, u32)> = map
                .into_iter()
                .map(|(d, s)| (d, ((s * 10.0).round() as u32).clamp(1, 65_535)))
                .collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            list.truncate(MAX_POSTINGS);
            list
        })
        .collect();

    let mut stats = IndexStats {
        docs: docs.len(),
        words: vocabulary.len(),
        stems: stems.len(),
        ..Default::default()
    };
    let mut emit = |name: &str, value: serde_json::Value| {
        let body = format!(
            "window.__attuneSearch.push({}, {});\n",
            serde_json::to_string(name).unwrap_or_default(),
            value
        );
        stats.files += 1;
        stats.bytes += body.len();
        writer.write(&format!("search/{name}.js"), body.as_bytes());
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
            emit(&format!("v{n}"), json!({"w": words, "s": stems}));
            words.clear();
            stems.clear();
        };
    for (word, &stem) in &vocabulary {
        if size > VOCAB_SHARD_BYTES {
            flush(&mut shard_words, &mut shard_stems, &mut boundaries);
            size = 0;
        }
        size += word.len() + 8;
        shard_words.push(word);
        shard_stems.push(stem);
    }
    flush(&mut shard_words, &mut shard_stems, &mut boundaries);

    // Postings shards: stem id modulo the shard count spreads them evenly.
    let total: usize = postings.iter().map(|p| p.len() * 9 + 8).sum();
    let shard_count = total.div_ceil(POSTINGS_SHARD_BYTES).max(1);
    let mut shards: Vec<BTreeMap<usize, Vec<u32>>> = vec![BTreeMap::new(); shard_count];
    for (stem, list) in postings.iter().enumerate() {
        let flat: Vec<u32> = list.iter().flat_map(|&(d, s)| [d as u32, s]).collect();
        shards[stem % shard_count].insert(stem, flat);
    }
    for (n, shard) in shards.iter().enumerate() {
        emit(&format!("p{n}"), json!(shard));
    }

    // Document shards.
    for (n, chunk) in docs.chunks(DOC_SHARD).enumerate() {
        let rows: Vec<[&str; 4]> = chunk
            .iter()
            .map(|d| {
                [
                    d.url.as_str(),
                    d.title.as_str(),
                    d.heading.as_str(),
                    d.excerpt.as_str(),
                ]
            })
            .collect();
        emit(&format!("d{n}"), json!(rows));
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
    emit("index", json!(manifest));
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
    fn excerpts_end_on_a_word() {
        let long = "word ".repeat(100);
        let e = excerpt(&long);
        assert!(e.ends_with("word …"));
        assert!(e.chars().count() <= EXCERPT_CHARS + 2);
    }
}
