//! Flesch–Kincaid grade, SMOG grade and reading time, counted block by block from
//! plain text. Both formulas are English ones: other languages are not measured, nor is
//! a text written mostly in another script than the Latin alphabet, whatever language
//! the site names (a Chinese book whose settings name none is no English text).
//!
//! Each paragraph, list item, heading or table cell is at least one sentence, so lists
//! of short phrases are not mistaken for one enormous sentence.

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TextStats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Words of three or more syllables (SMOG's count).
    pub polysyllables: usize,
    /// Letters of the Latin alphabet, and of other scripts; a Chinese, Japanese or
    /// Korean character counts three, as it stands for a syllable or a word.
    pub latin_letters: usize,
    pub other_letters: usize,
}

impl TextStats {
    pub fn add_block(&mut self, text: &str) {
        let mut words = 0;
        let mut sentences = 0;
        // Where the current word starts: a word is a run of characters, so a slice.
        let mut word_start: Option<usize> = None;
        let mut previous_terminal = false;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let part_of_word = c.is_alphanumeric()
                || ((c == '\'' || c == '’' || c == '-') && word_start.is_some());
            if part_of_word {
                word_start.get_or_insert(at);
            } else if let Some(start) = word_start.take() {
                self.add_word(&text[start..at]);
                words += 1;
            }
            let terminal = matches!(c, '.' | '!' | '?');
            if terminal
                && !previous_terminal
                && chars
                    .peek()
                    .is_none_or(|(_, n)| n.is_whitespace() || *n == '"' || *n == '”' || *n == ')')
            {
                sentences += 1;
            }
            previous_terminal = terminal;
        }
        if let Some(start) = word_start {
            self.add_word(&text[start..]);
            words += 1;
        }
        if words > 0 {
            self.words += words;
            self.sentences += sentences.max(1);
        }
    }

    fn add_word(&mut self, word: &str) {
        let (n, ascii_letters) = syllables_and_letters(word);
        self.syllables += n;
        self.polysyllables += usize::from(n >= 3);
        self.latin_letters += ascii_letters;
        if !word.is_ascii() {
            for c in word.chars().filter(|c| !c.is_ascii() && c.is_alphabetic()) {
                match c {
                    'À'..='ɏ' | '\u{1E00}'..='\u{1EFF}' => self.latin_letters += 1,
                    '\u{1100}'..='\u{11FF}'
                    | '\u{2E80}'..='\u{9FFF}'
                    | '\u{AC00}'..='\u{D7AF}'
                    | '\u{F900}'..='\u{FAFF}'
                    | '\u{20000}'..='\u{3FFFF}' => self.other_letters += 3,
                    _ => self.other_letters += 1,
                }
            }
        }
    }

    /// SMOG grade (McLaughlin 1969), the measure health-information standards use:
    /// 1.043 × √(polysyllables × 30 / sentences) + 3.1291, scaled from the whole text
    /// rather than a 30-sentence sample; 0 for an empty text.
    pub fn smog(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let per_30 = self.polysyllables as f64 * 30.0 / self.sentences.max(1) as f64;
        1.043 * per_30.sqrt() + 3.1291
    }

    /// Flesch–Kincaid grade level; 0 for an empty text.
    pub fn grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        0.39 * words / self.sentences.max(1) as f64 + 11.8 * self.syllables as f64 / words - 15.59
    }

    /// Whether the text is written in the Latin alphabet, at least two letters in three,
    /// as an English one is: a text in another script, quoting names and code in Latin
    /// letters, is not one the English formulas can measure.
    pub fn latin_script(&self) -> bool {
        self.latin_letters >= 2 * self.other_letters
    }

    /// Whole minutes, at least one.
    pub fn reading_minutes(&self, words_per_minute: u32) -> usize {
        self.words.div_ceil(words_per_minute.max(1) as usize).max(1)
    }
}

/// Syllables in an English word, by vowel groups with the common silent endings removed.
/// Only the word's ASCII letters count, lowercased; counted in place, without a copy.
#[cfg(test)]
fn syllables(word: &str) -> usize {
    syllables_and_letters(word).0
}

/// [`syllables`], and how many ASCII letters the word holds.
fn syllables_and_letters(word: &str) -> (usize, usize) {
    let letters = || {
        word.bytes()
            .filter(u8::is_ascii_alphabetic)
            .map(|b| b.to_ascii_lowercase())
    };
    let (mut count, mut last, mut before_last) = (0usize, 0u8, 0u8);
    for b in letters() {
        count += 1;
        before_last = last;
        last = b;
    }
    if count == 0 {
        return (usize::from(word.chars().any(char::is_alphanumeric)), 0);
    }
    if count <= 3 {
        return (1, count);
    }
    // A silent final "e" (but not "-le"), "-es" or "-ed".
    let silent = match (before_last, last) {
        (b'l', b'e') => 0,
        (_, b'e') => 1,
        (b'e', b's' | b'd') => 2,
        _ => 0,
    };
    let mut groups = 0;
    let mut in_vowel = false;
    for b in letters().take(count - silent) {
        let vowel = matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
        if vowel && !in_vowel {
            groups += 1;
        }
        in_vowel = vowel;
    }
    (groups.max(1), count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_another_script_is_not_a_latin_one_for_its_latin_names() {
        let latin = |text: &str| {
            let mut stats = TextStats::default();
            stats.add_block(text);
            stats.latin_script()
        };
        // OnJava8-zh: Chinese around Java's class names.
        assert!(!latin(
            "这些类不是从 Reader 和 Writer 类派生的，而是 InputStream 和 OutputStream 层级结构的一部分。"
        ));
        assert!(!latin("Тревога — это реакция на стресс, как пишет Beck."));
        assert!(latin("Naïve readers say 焦虑 (anxiety) and 不安 here."));
        assert!(latin(
            "Le négligence émotionnelle, écrit Webb, est invisible."
        ));
        assert!(latin("Tiếng Việt dùng chữ Latinh."));
        assert!(latin(""));
    }

    #[test]
    fn syllable_heuristic() {
        assert_eq!(syllables("cat"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("feelings"), 2);
        assert_eq!(syllables("alexithymia"), 5);
        assert_eq!(syllables("named"), 1);
    }

    #[test]
    fn syllables_counted_in_place_equal_the_count_on_a_lowercase_copy() {
        fn reference(word: &str) -> usize {
            let w: String = word
                .chars()
                .filter(|c| c.is_ascii_alphabetic())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if w.is_empty() {
                return usize::from(word.chars().any(char::is_alphanumeric));
            }
            if w.len() <= 3 {
                return 1;
            }
            let trimmed = if w.ends_with('e') && !w.ends_with("le") {
                &w[..w.len() - 1]
            } else if w.ends_with("es") || w.ends_with("ed") {
                &w[..w.len() - 2]
            } else {
                &w[..]
            };
            let mut groups = 0;
            let mut in_vowel = false;
            for c in trimmed.chars() {
                let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
                if vowel && !in_vowel {
                    groups += 1;
                }
                in_vowel = vowel;
            }
            groups.max(1)
        }
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .unwrap_or_default();
        let mut words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .collect();
        words.extend([
            "",
            "-",
            "42",
            "é",
            "Éclair",
            "TABLE",
            "able",
            "bled",
            "aisle",
            "rhythm",
            "queue",
            "poses",
            "ES",
            "ED",
            "e",
            "le",
            "Co-operate",
            "don't",
            "naïveté",
            "ee",
            "eed",
        ]);
        for word in words {
            assert_eq!(syllables(word), reference(word), "{word:?}");
        }
    }

    #[test]
    fn simple_text_has_a_low_grade() {
        let mut s = TextStats::default();
        s.add_block("The cat sat on the mat. It was warm.");
        assert_eq!((s.words, s.sentences), (9, 2));
        assert!(s.grade() < 2.0, "{}", s.grade());
        assert_eq!(s.reading_minutes(200), 1);
    }

    #[test]
    fn smog_counts_words_of_three_syllables_or_more() {
        let mut s = TextStats::default();
        s.add_block("The cat sat on the mat. It was warm.");
        assert_eq!(s.polysyllables, 0);
        assert!((s.smog() - 3.1291).abs() < 1e-9);
        let mut s = TextStats::default();
        // 30 sentences with one polysyllable each: 1.043 × √30 + 3.1291.
        for _ in 0..30 {
            s.add_block("Families can feel distant.");
        }
        assert_eq!(s.polysyllables, 30);
        assert!((s.smog() - (1.043 * 30f64.sqrt() + 3.1291)).abs() < 1e-9);
        assert_eq!(TextStats::default().smog(), 0.0);
    }

    #[test]
    fn every_block_is_at_least_one_sentence() {
        let mut s = TextStats::default();
        s.add_block("A heading without a stop");
        s.add_block("A list item");
        assert_eq!(s.sentences, 2);
    }
}
