//! Abbreviations, as Python-Markdown's abbr extension (on an MkDocs site listing it)
//! and kramdown (Jekyll's Markdown) read them: a line `*[HTML]: Hyper Text Markup
//! Language` defines one and is not shown, and each use of the word in the page's
//! text is an `<abbr title="Hyper Text Markup Language">`, wherever on the page the
//! definition stands (markdown/extensions/abbr.py; kramdown's
//! `ABBREV_DEFINITION_START`, `/^ {0,3}\*\[(.+?)\]:(.*?)\n/`).

/// The abbreviations a page reads, longest first, so `HTML5` wins over `HTML`.
#[derive(Debug, Default)]
pub(super) struct Abbreviations {
    list: Vec<(String, String)>,
}

impl Abbreviations {
    /// From definitions in the order read: a later one of the same word wins.
    pub(super) fn new(definitions: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut list: Vec<(String, String)> = Vec::new();
        for (word, title) in definitions {
            list.retain(|(w, _)| *w != word);
            list.push((word, title));
        }
        list.sort_by_key(|(word, _)| std::cmp::Reverse(word.len()));
        Abbreviations { list }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The first whole-word use of an abbreviation in `text` (whose neighbours in the
    /// text around it are `before` and `after`): where it starts and ends, and its
    /// title. A word character (a letter, a digit, `_`) on either side makes it part
    /// of another word (`HTMLs`, `XHTML`).
    pub(super) fn find(
        &self,
        text: &str,
        before: Option<char>,
        after: Option<char>,
    ) -> Option<(usize, usize, &str)> {
        let mut previous = before;
        for (at, c) in text.char_indices() {
            if !previous.is_some_and(word) {
                let rest = &text[at..];
                let found = self.list.iter().find(|(w, _)| {
                    rest.starts_with(w.as_str())
                        && !rest[w.len()..].chars().next().or(after).is_some_and(word)
                });
                if let Some((w, title)) = found {
                    return Some((at, at + w.len(), title.as_str()));
                }
            }
            previous = Some(c);
        }
        None
    }
}

/// Whether `c` is part of a word, as `\w` and `\b` read it.
fn word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The definition a line is, if any: `*[word]: title`, the word and title trimmed and
/// neither empty; kramdown allows up to three spaces before it (`indented`).
fn definition(line: &str, indented: bool) -> Option<(String, String)> {
    let line = line.trim_end_matches(['\n', '\r']);
    let unindented = line.trim_start_matches(' ');
    let indent = line.len() - unindented.len();
    if indent > 0 && !(indented && indent <= 3) {
        return None;
    }
    let rest = unindented.strip_prefix("*[")?;
    let (word, title) = rest.split_once("]:")?;
    let (word, title) = (word.trim(), title.trim());
    let plain = !word.contains(['\\', '\n']);
    (plain && !word.is_empty() && !title.is_empty()).then(|| (word.to_string(), title.to_string()))
}

/// The definitions in `text`, in order, outside fenced code; each line that is one
/// is made spaces, so the page shows nothing there (a paragraph is split, as
/// Python-Markdown splits its block) and every offset in the text stays.
pub(super) fn take_definitions(text: &mut String, indented: bool) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut blank: Vec<std::ops::Range<usize>> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim_start_matches(' ');
        let mark = trimmed.chars().next().filter(|c| matches!(c, '`' | '~'));
        if let Some(c) = mark.filter(|_| line.len() - trimmed.len() <= 3) {
            let run = trimmed.chars().take_while(|&x| x == c).count();
            match fence {
                None if run >= 3 => fence = Some((c, run)),
                Some((open, n)) if open == c && run >= n && trimmed[run..].trim().is_empty() => {
                    fence = None
                }
                _ => {}
            }
            continue;
        }
        if fence.is_some() {
            continue;
        }
        if let Some(pair) = definition(line, indented) {
            found.push(pair);
            blank.push(start..start + line.trim_end_matches(['\n', '\r']).len());
        }
    }
    for range in blank {
        let spaces = " ".repeat(range.len());
        text.replace_range(range, &spaces);
    }
    found
}

/// The abbreviations the page whose text (expanded) is `text` reads where its site
/// reads them: its own definitions, taken out of it (see [`take_definitions`]), and
/// the site's (`ctx.abbreviations`, appended to every page, so read after).
pub(super) fn of_page(text: &mut String, ctx: &super::ParseContext) -> Abbreviations {
    let read = ctx.expressions.abbreviations();
    let own = match read && crate::text::holds(text, "*[") {
        true => take_definitions(text, ctx.expressions == super::Expressions::Liquid),
        false => Vec::new(),
    };
    Abbreviations::new(own.into_iter().chain(ctx.abbreviations.iter().cloned()))
}

/// The abbreviations every page of the site whose content folder is `dir` and whose
/// content is read as `expressions` reads: on an MkDocs site reading them, those
/// defined in the files pymdownx.snippets appends to every page (`auto_append`, a
/// glossary), as Python-Markdown reads the page with them at its end.
pub fn site_wide(expressions: super::Expressions, dir: &std::path::Path) -> Vec<(String, String)> {
    if !expressions.abbreviations() || !expressions.mkdocs() {
        return Vec::new();
    }
    crate::load::mkdocs::appended_files(dir)
        .iter()
        .filter_map(|file| std::fs::read_to_string(file).ok())
        .flat_map(|mut text| take_definitions(&mut text, false))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_are_taken_out_keeping_every_offset() {
        let mut text = "HTML is\n*[HTML]: Hyper Text Markup Language\n*[W3C]:  World Wide Web Consortium\n\n```\n*[X]: code\n```\n  *[Y]: indented\n*[]: none\n".to_string();
        let before = text.len();
        let found = take_definitions(&mut text, false);
        assert_eq!(
            found,
            [
                ("HTML".into(), "Hyper Text Markup Language".into()),
                ("W3C".into(), "World Wide Web Consortium".into())
            ]
        );
        assert_eq!(text.len(), before);
        assert!(text.starts_with("HTML is\n          "), "{text}");
        assert!(
            text.contains("*[X]: code") && text.contains("*[Y]"),
            "{text}"
        );
        let mut text = "  *[Y]: indented\n".to_string();
        assert_eq!(take_definitions(&mut text, true).len(), 1);
    }

    #[test]
    fn uses_are_whole_words_longest_first() {
        let abbr = Abbreviations::new([
            ("HTML".to_string(), "Hyper Text".to_string()),
            ("HTML5".to_string(), "Five".to_string()),
            ("HTML".to_string(), "Hyper Text Markup Language".to_string()),
        ]);
        assert_eq!(
            abbr.find("In HTML, write", None, None),
            Some((3, 7, "Hyper Text Markup Language"))
        );
        assert_eq!(abbr.find("HTML5 tags", None, None), Some((0, 5, "Five")));
        assert_eq!(abbr.find("XHTML and HTMLs", None, None), None);
        assert_eq!(abbr.find("HTML", Some('X'), None), None);
        assert_eq!(abbr.find("HTML", None, Some('s')), None);
        assert_eq!(
            abbr.find("é HTML", None, Some('.')),
            Some((3, 7, "Hyper Text Markup Language"))
        );
    }
}
