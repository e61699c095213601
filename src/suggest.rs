//! "Did you mean …?" that stays fast on big, messy sites.
//!
//! Comparing a wrong name with every candidate costs a Jaro–Winkler score per pair:
//! for a vault of 6,500 notes with ten thousand broken links, that is tens of millions
//! of scores, a minute of CPU. Small candidate lists are still scanned in full. A large
//! one is indexed once by its letter triples (and the index kept while the same list
//! comes back, as it does for every broken link of a build); each wrong name is then
//! scored only against the candidates sharing the most triples with it, and each
//! distinct wrong name is looked up once.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

/// The least Jaro–Winkler similarity a suggestion needs.
const THRESHOLD: f64 = 0.75;
/// The least share of letters a suggestion keeps in place (1 − edits ÷ length),
/// unless one name holds the other.
const MIN_EDIT_SIMILARITY: f64 = 0.4;
/// Lists up to this long are scanned in full.
const SMALL: usize = 256;
/// How many candidates, those sharing the most letter triples, a wrong name is scored
/// against in a large list.
const SHORTLIST: usize = 64;
/// Indexes kept for reuse (one per distinct candidate list: slugs, files, ids...).
const KEPT: usize = 4;

/// The candidate closest to `wrong`, if any is close enough to be a plausible typo.
pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let names: Vec<&'a str> = candidates.into_iter().collect();
    let wrong_lower = wrong.to_lowercase();
    if names.len() <= SMALL {
        return scan(&wrong_lower, names.iter().copied());
    }
    Index::cached(&names)
        .nearest(&wrong_lower)
        .map(|i| names[i])
}

/// Every candidate scored; the best at or above the threshold, ties to the smaller name.
fn scan<'a>(wrong_lower: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = score(wrong_lower, candidate);
        if score >= THRESHOLD
            && best.is_none_or(|(s, c)| score > s || (score == s && candidate < c))
        {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

fn score(wrong_lower: &str, candidate: &str) -> f64 {
    let lower;
    let candidate = if candidate.chars().any(char::is_uppercase) {
        lower = candidate.to_lowercase();
        lower.as_str()
    } else {
        candidate
    };
    // Names that differ only in their numbers, by more than one digit (or two swapped:
    // `webb2021` for `webb2012`), are different things, not a typo of each other
    // (`Pasted image 20220612205614.png`, `Pasted image 20240205210832.png`).
    // Spaces do not count (`Pasted image 20210811192005 1.png`, Obsidian's second copy).
    // Compared without a copy, as every candidate is scored: the digits are gathered
    // only for names whose other characters are the same.
    fn part(s: &str, digit: bool) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(move |c| c.is_ascii_digit() == digit && !c.is_whitespace())
    }
    if part(wrong_lower, false).eq(part(candidate, false)) {
        let digits = |s: &str| part(s, true).collect::<String>();
        if strsim::damerau_levenshtein(&digits(wrong_lower), &digits(candidate)) > 1 {
            return 0.0;
        }
    }
    let score = strsim::jaro_winkler(wrong_lower, candidate);
    // Jaro–Winkler rewards a shared start: `dotnet` scores 0.78 against
    // `docs-templates`. A typo is also a few edits away, or one name holds the other.
    let typo = || {
        candidate.contains(wrong_lower)
            || wrong_lower.contains(candidate)
            || strsim::normalized_levenshtein(wrong_lower, candidate) >= MIN_EDIT_SIMILARITY
    };
    match score >= THRESHOLD && typo() {
        true => score,
        false => 0.0,
    }
}

/// The letter triples of `text` (lowercase), with its start and end marked so short
/// names and first letters count too; each once.
fn triples(text: &str) -> Vec<u64> {
    let chars: Vec<char> = ['\u{2}', '\u{2}']
        .into_iter()
        .chain(text.chars())
        .chain(['\u{3}'])
        .collect();
    let mut out: Vec<u64> = chars
        .windows(3)
        .map(|w| (u64::from(w[0]) << 42) | (u64::from(w[1]) << 21) | u64::from(w[2]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

struct Index {
    names: Vec<Box<str>>,
    hash: u64,
    /// Letter triple → the candidates holding it.
    postings: FxHashMap<u64, Vec<u32>>,
    /// Wrong names already looked up, and what was found.
    memo: Mutex<FxHashMap<String, Option<u32>>>,
}

/// How many names, evenly spaced, a list's fingerprint reads.
const SAMPLED: usize = 64;

/// A fingerprint of a candidate list: its length and some of its names, evenly spaced,
/// the first and the last among them. Hashing every name cost as much as the lookup
/// itself on each broken link, so a vault of 13,000 notes and 2,000 links to notes not
/// written yet spent most of its `check` here; a list the fingerprint mistakes for
/// another of the same length could only cost a poor suggestion.
fn list_hash(names: &[&str]) -> u64 {
    let mut h = FxHasher::default();
    names.len().hash(&mut h);
    let step = (names.len() / SAMPLED).max(1);
    for name in names.iter().step_by(step).chain(names.last()) {
        name.hash(&mut h);
    }
    h.finish()
}

impl Index {
    /// The index of `names`, built now unless the same list was indexed lately.
    fn cached(names: &[&str]) -> Arc<Index> {
        static CACHE: OnceLock<Mutex<Vec<Arc<Index>>>> = OnceLock::new();
        let cache = CACHE.get_or_init(Default::default);
        let hash = list_hash(names);
        // A fingerprint, not the names compared: a collision could only cost a poor
        // suggestion, and comparing doubled the time of each lookup.
        let same = |index: &Index| index.hash == hash && index.names.len() == names.len();
        if let Some(found) = cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|i| same(i))
        {
            return Arc::clone(found);
        }
        let index = Arc::new(Index::new(names, hash));
        let mut kept = cache.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() >= KEPT {
            kept.remove(0);
        }
        kept.push(Arc::clone(&index));
        index
    }

    fn new(names: &[&str], hash: u64) -> Index {
        let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for (i, name) in names.iter().enumerate() {
            for t in triples(&name.to_lowercase()) {
                postings.entry(t).or_default().push(i as u32);
            }
        }
        Index {
            names: names.iter().map(|n| Box::from(*n)).collect(),
            hash,
            postings,
            memo: Mutex::default(),
        }
    }

    fn nearest(&self, wrong_lower: &str) -> Option<usize> {
        if let Some(&found) = self
            .memo
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(wrong_lower)
        {
            return found.map(|i| i as usize);
        }
        // The wrong name's triples that some candidate holds, rarest first. Triples
        // most candidates share ("ing", "-th") tell little and cost most: they are
        // skipped when enough rarer ones remain.
        let mut lists: Vec<&[u32]> = triples(wrong_lower)
            .iter()
            .filter_map(|t| self.postings.get(t).map(Vec::as_slice))
            .collect();
        lists.sort_unstable_by_key(|l| l.len());
        let common = (self.names.len() / 8).max(SHORTLIST);
        let rare = lists.iter().take_while(|l| l.len() <= common).count();
        if rare >= 3 {
            lists.truncate(rare);
        }
        let mut counts = vec![0u16; self.names.len()];
        let mut touched = Vec::new();
        for list in lists {
            for &i in list {
                let count = &mut counts[i as usize];
                if *count == 0 {
                    touched.push(i);
                }
                *count = count.saturating_add(1);
            }
        }
        let key = |&i: &u32| (std::cmp::Reverse(counts[i as usize]), i);
        if touched.len() > SHORTLIST {
            touched.select_nth_unstable_by_key(SHORTLIST, key);
            touched.truncate(SHORTLIST);
        }
        let best = scan(
            wrong_lower,
            touched.iter().map(|&i| &*self.names[i as usize]),
        )
        .and_then(|name| {
            touched
                .iter()
                .copied()
                .find(|&i| &*self.names[i as usize] == name)
        });
        self.memo
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(wrong_lower.to_string(), best);
        best.map(|i| i as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_lists_are_scanned_in_full() {
        let names = ["alexithymia", "attunement", "boundaries"];
        assert_eq!(nearest("alexithymya", names), Some("alexithymia"));
        assert_eq!(nearest("zzzz", names), None);
        // dapr/docs: `{{< ref dotnet >}}` (a page not in the repository) was offered
        // `docs-templates`, a shared start and little else.
        assert_eq!(nearest("dotnet", ["docs-templates", "overview"]), None);
        assert_eq!(
            nearest("install", ["installation", "overview"]),
            Some("installation")
        );
        // 0xM1cx's vault: 219 pasted images not in the repository were each offered
        // another one, whose timestamp differs.
        let pasted = [
            "Pasted image 20240205210832.png",
            "Pasted image 20240316213434.png",
        ];
        assert_eq!(nearest("Pasted image 20220612205614.png", pasted), None);
        // Nor the second copy of another day's (0xd3xt3r's vault).
        let copy = ["Pasted image 20210811192005 1.png"];
        assert_eq!(nearest("Pasted image 20250612152732.png", copy), None);
        assert_eq!(
            nearest("Pasted imgae 20240205210832.png", pasted),
            Some(pasted[0])
        );
        // A year's two digits swapped is still a typo.
        assert_eq!(
            nearest("webb2021", ["webb2012", "gibson2015"]),
            Some("webb2012")
        );
    }

    #[test]
    fn large_lists_find_the_same_typos_through_the_index() {
        const WORDS: [&str; 20] = [
            "grief",
            "shame",
            "sleep",
            "anger",
            "trust",
            "repair",
            "rupture",
            "body",
            "breath",
            "critic",
            "family",
            "needs",
            "safety",
            "numbness",
            "partner",
            "boundary",
            "parent",
            "feelings",
            "listening",
            "rest",
        ];
        // 8,000 distinct slugs of three words, as a big site's are.
        let names: Vec<String> = (0..8000)
            .map(|i| {
                format!(
                    "{}-{}-{}",
                    WORDS[i % 20],
                    WORDS[(i / 20) % 20],
                    WORDS[(i / 400) % 20]
                )
            })
            .collect();
        let list = || names.iter().map(String::as_str);
        for (wrong, right) in [
            ("grief-shme-sleep", "grief-shame-sleep"),
            ("RUPTURE-Body-Anger", "rupture-body-anger"),
            ("numbnes-partner-rest", "numbness-partner-rest"),
            ("listening-feelings-parnet", "listening-feelings-parent"),
        ] {
            assert!(names.iter().any(|n| n == right), "{right}");
            assert_eq!(scan(&wrong.to_lowercase(), list()), Some(right), "{wrong}");
            assert_eq!(nearest(wrong, list()), Some(right), "{wrong}");
            // Asked again: the memo answers the same.
            assert_eq!(nearest(wrong, list()), Some(right), "{wrong}");
        }
        assert_eq!(nearest("qqqqqqqqqqqqqqqqqqqqqqqq", list()), None);
        // A changed list is indexed anew, not answered from the old index.
        let mut other: Vec<&str> = list().collect();
        let at = other
            .iter()
            .position(|n| *n == "grief-shame-sleep")
            .unwrap();
        other[at] = "something-else-entirely";
        assert_ne!(
            nearest("grief-shme-sleep", other.iter().copied()),
            Some("grief-shame-sleep")
        );
    }
}
