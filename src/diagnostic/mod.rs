//! Diagnostics gathered across the whole build and printed the way rustc prints them.
//!
//! Every stage is handed one [`Diagnostics`] sink and pushes into it instead of failing
//! fast, so an author sees every problem in one run; a stage returns `Result` only when
//! it could not run at all (an unreadable `book.toml`, a write that failed). A
//! diagnostic carries its position as data (file, line, column) and the source line is
//! looked up only when printing.

mod code;
mod group;
mod printer;

pub use code::Code;
pub use printer::Printer;
use printer::ERROR;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the input, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What kind of problem, printed as a stable kebab-case string (`broken-link`).
    pub code: Code,
    /// Path relative to the site root where possible, for display.
    pub file: Option<PathBuf>,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub column: usize,
    pub message: String,
    pub help: Option<Box<str>>,
    /// Other places the problem concerns (the first of two definitions), each printed
    /// as a `note:` with its own source line. Left out of JSON when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// What repeats when this problem does, as the grouped message counts it (``uses of
    /// `name` ``, one shortcode's): many alike are reported as one (see
    /// [`Diagnostics::group_repeats`]).
    /// (Help and family boxed: a diagnostic is returned as an error, kept small.)
    #[serde(skip)]
    pub family: Option<Box<String>>,
}

/// Another place a diagnostic concerns, with what it is (`first defined here`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub file: PathBuf,
    /// 1-based line; 0 when the place is the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub column: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            file: None,
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
            related: Vec::new(),
            family: None,
        }
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, message)
        }
    }

    pub fn at(mut self, file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        self.file = Some(file.into());
        self.line = line;
        self.column = column;
        self
    }

    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Adds another place the problem concerns, printed as a `note:`.
    pub fn related(
        mut self,
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        self.related.push(Related {
            file: file.into(),
            line,
            column,
            message: message.into(),
        });
        self
    }

    /// Names what repeats when this problem does: see [`Diagnostics::group_repeats`].
    pub fn family(mut self, family: impl Into<String>) -> Self {
        self.family = Some(Box::new(family.into()));
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    /// The help with `more` after it: a new sentence after a question (`did you mean
    /// 'x'? Published with…`), else after a semicolon.
    pub fn more_help(self, more: &str) -> Self {
        let help = match self.help.as_deref() {
            Some(h) if h.ends_with(['?', '.', '!']) => {
                let mut first = more.chars();
                let upper = first.next().map(|c| c.to_uppercase().collect::<String>());
                format!("{h} {}{}", upper.unwrap_or_default(), first.as_str())
            }
            Some(h) => format!("{h}; {more}"),
            None => more.to_string(),
        };
        self.help(help)
    }

    /// `help: did you mean 'x'?` when a close candidate exists.
    pub fn suggest<'a>(self, wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        match nearest(wrong, candidates) {
            Some(best) => self.help(format!("did you mean '{best}'?")),
            None => self,
        }
    }
}

/// The candidate closest to `wrong`, if any is close enough to be a plausible typo
/// (see [`crate::suggest`]: fast on thousands of candidates too).
pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    crate::suggest::nearest(wrong, candidates)
}

/// Control characters (ESC, BEL, NUL, DEL, C1 controls...) written as `\u{1b}`, so
/// text from sources never drives the terminal it is printed on. Tabs stay.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\t' && c != '\n')
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && c != '\t' && c != '\n' {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The lines of `text`, ended by LF, CRLF or a lone CR, without their endings.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\n', '\r']) {
            Some(i) => {
                let skip = if text[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&text[i + skip..]).filter(|r| !r.is_empty());
                Some(&text[..i])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// A lone CR (old Mac line ending) as LF, byte for byte, so every later stage reads
/// the lines an editor shows, at the same offsets and columns.
pub fn normalize_lone_cr(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            out[i] = b'\n';
        }
    }
    // Only ASCII bytes changed, for ASCII bytes.
    String::from_utf8(out).unwrap_or_default()
}

/// The error for a file that is not UTF-8, at the first bad byte's line and column.
pub fn not_utf8(e: &std::string::FromUtf8Error, file: &Path) -> Diagnostic {
    let prefix = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
    let (l, c) = crate::text::line_col(&prefix, prefix.len());
    Diagnostic::error(Code::NotUtf8, "file is not valid UTF-8")
        .at(file, l, c)
        .help("save the file with UTF-8 encoding")
}

/// Writes to standard error, ignoring a closed pipe (`attune check | head -1`).
pub fn eprint_quietly(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes to standard output, ignoring a closed pipe.
pub fn print_quietly(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// The sink every stage reports into: each content problem is pushed here and the
/// stage goes on, so an author sees every problem in one run. A stage returns `Result`
/// only when it could not run at all (a file it must write, an unreadable folder);
/// whether there is anything to write is `has_errors` at the end.
///
/// It reads as a slice of diagnostics in the order they were pushed (`len`, `iter`,
/// indexing); [`Diagnostics::sorted`] gives the order they are printed in.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Sorted by file, position, then message, with exact repeats left out, so output
    /// is the same on every run whatever order parallel stages finished in.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
        });
        items.dedup();
        items
    }

    /// The diagnostics in the order they were pushed, for reporters that take a list.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    /// `2 errors, 1 warning`.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        match (self.error_count(), self.warning_count()) {
            (0, w) => plural(w, "warning"),
            (e, 0) => plural(e, "error"),
            (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
        }
    }
}

impl std::ops::Deref for Diagnostics {
    type Target = [Diagnostic];

    fn deref(&self) -> &[Diagnostic] {
        &self.items
    }
}

/// In place only (positions moved to where included text came from): a stage adds
/// through `push` and `extend`, and nothing is taken back out.
impl std::ops::DerefMut for Diagnostics {
    fn deref_mut(&mut self) -> &mut [Diagnostic] {
        &mut self.items
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, items: I) {
        self.items.extend(items);
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(items: I) -> Self {
        Self {
            items: items.into_iter().collect(),
        }
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(items: Vec<Diagnostic>) -> Self {
        Self { items }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// Whether to colour standard error: `--color always` or `never` if given (see
/// [`anstream::ColorChoice::write_global`]), else only on a terminal that takes
/// colour, and never under `NO_COLOR` (`CLICOLOR_FORCE` forces it).
pub fn use_color() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
}

/// `error` in the style of an error, for messages printed outside a diagnostic.
pub fn error_label(color: bool) -> String {
    if color {
        format!("{ERROR}error{ERROR:#}")
    } else {
        "error".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_and_ignores_strangers() {
        let names = ["alexithymia", "attunement", "boundaries"];
        assert_eq!(nearest("alexithymya", names), Some("alexithymia"));
        assert_eq!(nearest("zzzz", names), None);
    }

    #[test]
    fn render_quotes_the_source_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "one\ntwo [x](y.md)\n").unwrap();
        let d = Diagnostic::error(Code::BrokenLink, "broken link to 'y.md'")
            .at("a.md", 2, 5)
            .help("did you mean 'x'?");
        let printed = Printer::new(dir.path(), false).render(&d);
        assert_eq!(
            printed,
            "error: broken link to 'y.md'\n --> a.md:2:5\n  |\n2 | two [x](y.md)\n  |     ^\n  |\n  = help: did you mean 'x'?\n"
        );
    }

    #[test]
    fn related_places_print_as_notes_and_json_lists_them() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "x:\n  - 1\nkey: 1\n").unwrap();
        std::fs::write(dir.path().join("b.yaml"), "key: 2\n").unwrap();
        let d = Diagnostic::error(Code::DuplicateReference, "'key' is defined twice")
            .at("b.yaml", 1, 1)
            .related("a.yaml", 3, 1, "first defined here")
            .related("c.md", 0, 0, "also \x1b here");
        let printed = Printer::new(dir.path(), false).render(&d);
        assert_eq!(
            printed,
            "error: 'key' is defined twice\n --> b.yaml:1:1\n  |\n1 | key: 2\n  | ^\n  |\n\
             \x20::: a.yaml:3:1\n  |\n3 | key: 1\n  | - first defined here\n\
             \x20::: c.md\n  = note: also \\u{1b} here\n"
        );
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["code"], "duplicate-reference");
        assert_eq!(json["related"][0]["file"], "a.yaml");
        assert_eq!(json["related"][0]["line"], 3);
        assert_eq!(json["related"][1]["column"], 0);
        // Without related places the field is left out: older output is unchanged.
        let plain = serde_json::to_value(Diagnostic::error(Code::Io, "x")).unwrap();
        assert!(plain.get("related").is_none(), "{plain}");
    }

    #[test]
    fn control_characters_are_escaped_and_lone_cr_is_a_line_end() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "one\rtwo \x1b[2J\x07x\r\nthree").unwrap();
        let d = Diagnostic::error(Code::Config, "bad \x1b]0;title\x07 here")
            .at("a.md", 2, 6)
            .help("\x1b[31mred");
        let printed = Printer::new(dir.path(), false).render(&d);
        assert!(
            !printed.contains('\x1b') && !printed.contains('\x07'),
            "{printed:?}"
        );
        assert!(
            printed.contains("bad \\u{1b}]0;title\\u{7} here"),
            "{printed}"
        );
        // In the quoted line each control is one visible character, so the caret sits
        // under the character it points at (`[`) and the header keeps attune's column.
        assert!(printed.contains(" --> a.md:2:6\n"), "{printed}");
        assert!(
            printed.contains("2 | two \u{241b}[2J\u{2407}x\n"),
            "{printed}"
        );
        assert!(printed.contains("\n  |      ^\n"), "{printed}");
        let text = normalize_lone_cr("a\rb\r\nc\r".to_string());
        assert_eq!(text, "a\nb\r\nc\n");
        assert_eq!(
            lines("a\rb\r\nc\nd").collect::<Vec<_>>(),
            ["a", "b", "c", "d"]
        );
    }

    #[test]
    fn places_without_a_position_and_odd_columns_print_well() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "\tété \u{9b}2J x\nb\n").unwrap();
        let printer = Printer::new(dir.path(), false);
        let render = |d: Diagnostic| printer.render(&d);
        // No file at all, and a whole file: the message and the help, no source.
        assert_eq!(
            render(Diagnostic::error(Code::Config, "no content").help("add some")),
            "error: no content\n |\n = help: add some\n"
        );
        assert_eq!(
            render(Diagnostic::warning(Code::Io, "whole").in_file("a.md")),
            "warning: whole\n--> a.md\n"
        );
        // A line without a column: `file:line`, no caret.
        assert_eq!(
            render(Diagnostic::error(Code::Template, "x").at("a.md", 2, 0)),
            "error: x\n--> a.md:2\n"
        );
        // Columns count characters (a tab is one, `é` is one); a C1 control is one `�`;
        // a column past the end points just after the line; a file that cannot be read
        // keeps its position.
        let d = render(Diagnostic::error(Code::Config, "c").at("a.md", 1, 7));
        assert!(d.contains(" --> a.md:1:7\n"), "{d}");
        assert!(d.contains("1 |     été \u{fffd}2J x\n"), "{d}");
        assert!(!d.contains('\u{9b}'), "{d}");
        assert!(d.contains("\n  |          ^\n"), "{d}");
        let d = render(Diagnostic::error(Code::Config, "end").at("a.md", 2, 9));
        assert!(
            d.contains(" --> a.md:2:2\n") && d.contains("2 | b\n  |  ^\n"),
            "{d}"
        );
        let d = render(Diagnostic::error(Code::Config, "gone").at("gone.md", 4, 2));
        assert_eq!(d, "error: gone\n--> gone.md:4\n");
        // A related place in the same file, far down: its own snippet, the gutter wide
        // enough for both line numbers.
        let long: String = (1..=120).map(|n| format!("line {n}\n")).collect();
        std::fs::write(dir.path().join("b.md"), long).unwrap();
        let d = render(
            Diagnostic::error(Code::DuplicateId, "twice")
                .at("b.md", 120, 1)
                .related("b.md", 3, 6, "first here"),
        );
        assert_eq!(
            d,
            "error: twice\n   --> b.md:120:1\n    |\n120 | line 120\n    | ^\n    |\n\
             \x20  ::: b.md:3:6\n    |\n  3 | line 3\n    |      - first here\n"
        );
    }

    #[test]
    fn summary_pluralises() {
        let mut d = Diagnostics::default();
        d.push(Diagnostic::error(Code::Config, "a"));
        d.push(Diagnostic::error(Code::Config, "b"));
        d.push(Diagnostic::warning(Code::Config, "c"));
        assert_eq!(d.summary(), "2 errors, 1 warning");
    }

    #[test]
    fn the_sink_counts_what_was_pushed_and_prints_it_sorted_without_repeats() {
        let mut d = Diagnostics::new();
        assert!(!d.has_errors());
        d.push(Diagnostic::warning(Code::Config, "w").at("b.md", 1, 1));
        assert!(!d.has_errors());
        let repeated = Diagnostic::error(Code::Template, "broken").at("a.md", 3, 2);
        d.extend([repeated.clone(), repeated.clone()]);
        d.push(Diagnostic::error(Code::Config, "first").at("a.md", 1, 5));
        assert!(d.has_errors());
        assert_eq!((d.error_count(), d.warning_count(), d.len()), (3, 1, 4));
        let printed: Vec<&str> = d.sorted().iter().map(|d| d.message.as_str()).collect();
        assert_eq!(printed, ["first", "broken", "w"]);
        // In pushed order for reporters that take the list.
        let messages: Vec<String> = d.into_vec().into_iter().map(|d| d.message).collect();
        assert_eq!(messages, ["w", "broken", "broken", "first"]);
    }
}
