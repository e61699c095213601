//! Flesch–Kincaid grade and reading time, counted block by block from plain text.
//!
//! Each paragraph, list item, heading or table cell is at least one sentence, so lists
//! of short phrases are not mistaken for one enormous sentence.

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TextStats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl TextStats {
    pub fn add_block(&mut self, text: &str) {
        let mut words = 0;
        let mut sentences = 0;
        let mut in_word = false;
        let mut word = String::new();
        let mut previous_terminal = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let part_of_word =
                c.is_alphanumeric() || ((c == '\'' || c == '’' || c == '-') && in_word);
            if part_of_word {
                word.push(c);
                in_word = true;
            } else if in_word {
                self.syllables += syllables(&word);
                words += 1;
                word.clear();
                in_word = false;
            }
            let terminal = matches!(c, '.' | '!' | '?');
            if terminal
                && !previous_terminal
                && chars
                    .peek()
                    .is_none_or(|n| n.is_whitespace() || *n == '"' || *n == '”' || *n == ')')
            {
                sentences += 1;
            }
            previous_terminal = terminal;
        }
        if in_word {
            self.syllables += syllables(&word);
            words += 1;
        }
        if words > 0 {
            self.words += words;
            self.sentences += sentences.max(1);
        }
    }

    /// Flesch–Kincaid grade level; 0 for an empty text.
    pub fn grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        0.39 * words / self.sentences.max(1) as f64 + 11.8 * self.syllables as f64 / words - 15.59
    }

    /// Whole minutes, at least one.
    pub fn reading_minutes(&self, words_per_minute: u32) -> usize {
        self.words.div_ceil(words_per_minute.max(1) as usize).max(1)
    }
}

/// Syllables in an English word, by vowel groups with the common silent endings removed.
pub fn syllables(word: &str) -> usize {
    let w: String = word
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if w.is_empty() {
        return if word.chars().any(char::is_alphanumeric) {
            1
        } else {
            0
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_heuristic() {
        assert_eq!(syllables("cat"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("feelings"), 2);
        assert_eq!(syllables("alexithymia"), 5);
        assert_eq!(syllables("named"), 1);
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
    fn every_block_is_at_least_one_sentence() {
        let mut s = TextStats::default();
        s.add_block("A heading without a stop");
        s.add_block("A list item");
        assert_eq!(s.sentences, 2);
    }
}
