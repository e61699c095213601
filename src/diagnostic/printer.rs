//! Prints diagnostics in rustc's layout with `annotate-snippets`.

use super::{escape_controls, lines, Diagnostic, Severity};
use annotate_snippets::{AnnotationKind, Element, Group, Level, Origin, Renderer, Snippet};
use anstyle::{AnsiColor, Style};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// How many characters of a source line are quoted before the column, and after it:
/// thousands of diagnostics on one minified or generated line each quote a window of
/// it, not the whole line.
const BEFORE: usize = 100;
const AFTER: usize = 200;

/// Prints diagnostics in rustc's layout with `annotate-snippets`: the message, the
/// `--> file:line:column` an editor jumps to, the source line with a caret under the
/// column, each related place as its own labelled snippet (`::: other.md:3:1`, in the
/// same file or another), and the help as a footer.
///
/// Text from sources never reaches the terminal as it is: control characters in
/// messages, help, notes and paths are written as `\u{1b}`; in a quoted source line each
/// is shown as one visible stand-in character (`␛`, `␇`, `�`), so the caret and the
/// column in the header still count characters the way attune does.
///
/// Each file is read once per printer, its lines found once: printing thousands of
/// diagnostics on one file costs each one its own line, not the whole file.
pub struct Printer<'a> {
    root: &'a Path,
    color: bool,
    files: RefCell<HashMap<PathBuf, Option<Rc<Source>>>>,
}

/// A file's text and where each of its lines is.
struct Source {
    text: String,
    lines: Vec<Line>,
}

/// Every [`STEP`]th character of a line a place may point far into.
const STEP: usize = 256;

struct Line {
    bytes: Range<usize>,
    /// The byte offset, in the line, of characters `STEP`, `2 * STEP`, …
    steps: Vec<usize>,
}

impl Line {
    fn of(text: &str, bytes: Range<usize>) -> Line {
        let line = &text[bytes.clone()];
        let steps = if line.len() > STEP {
            line.char_indices()
                .skip(STEP)
                .step_by(STEP)
                .map(|(i, _)| i)
                .collect()
        } else {
            Vec::new()
        };
        Line { bytes, steps }
    }

    /// The line from its character `skip` on.
    fn chars_from<'t>(&self, text: &'t str, skip: usize) -> std::str::Chars<'t> {
        let line = &text[self.bytes.clone()];
        let step = (skip / STEP).min(self.steps.len());
        let byte = step.checked_sub(1).map_or(0, |k| self.steps[k]);
        let mut chars = line[byte..].chars();
        for _ in 0..skip - step * STEP {
            chars.next();
        }
        chars
    }
}

impl<'a> Printer<'a> {
    pub fn new(root: &'a Path, color: bool) -> Self {
        Printer {
            root,
            color,
            files: RefCell::default(),
        }
    }

    fn renderer(&self) -> Renderer {
        if self.color {
            Renderer::styled()
                .error(ERROR)
                .warning(WARNING)
                .note(NOTE)
                .help(HELP)
                .line_num(GUTTER)
                .context(GUTTER)
        } else {
            Renderer::plain()
        }
    }

    pub fn render(&self, d: &Diagnostic) -> String {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut elements: Vec<Element<'static>> = Vec::new();
        // Headers whose column is put right after rendering: (as rendered, as meant).
        let mut headers = Vec::new();
        if let Some(file) = &d.file {
            self.place(&mut elements, &mut headers, file, d.line, d.column, None);
        }
        for r in &d.related {
            let note = Some(r.message.as_str());
            self.place(&mut elements, &mut headers, &r.file, r.line, r.column, note);
        }
        if let Some(help) = &d.help {
            elements.push(
                Level::HELP
                    .message(escape_controls(help).into_owned())
                    .into(),
            );
        }
        let title = level.primary_title(escape_controls(&d.message).into_owned());
        let report = [if elements.is_empty() {
            Group::with_title(title)
        } else {
            title.elements(elements)
        }];
        let mut out = self.renderer().render(&report);
        // In the order the places are printed, each from where the last one was.
        let mut from = 0;
        for (rendered, meant) in headers {
            if let Some(i) = out[from..].find(&rendered) {
                out.replace_range(from + i..from + i + rendered.len(), &meant);
                from += i + meant.len();
            }
        }
        out.push('\n');
        out
    }

    /// One place: a snippet of its source line when the file can be read and the place
    /// has a column, else its `file:line` alone. `note` is `None` for the main place.
    fn place(
        &self,
        elements: &mut Vec<Element<'static>>,
        headers: &mut Vec<(String, String)>,
        file: &Path,
        line: usize,
        column: usize,
        note: Option<&str>,
    ) {
        let path = escape_controls(&file.display().to_string()).into_owned();
        let note = note.map(|n| escape_controls(n).into_owned());
        let source = (column > 0)
            .then(|| self.source_line(file, line, column))
            .flatten();
        let Some((source, caret)) = source else {
            let mut origin = Origin::path(path);
            if line > 0 {
                origin = origin.line(line);
            }
            elements.push(origin.into());
            if let Some(note) = note {
                elements.push(Level::NOTE.message(note).into());
            }
            return;
        };
        // The caret's byte offset; a column past the end points just after the line.
        let at = source
            .char_indices()
            .nth(caret)
            .map_or(source.len(), |(i, _)| i);
        let annotation = match note {
            None => AnnotationKind::Primary.span(at..at),
            Some(note) => AnnotationKind::Context.span(at..at).label(note),
        };
        if caret + 1 != column {
            // The quoted line starts past the line's start: the header's column, which
            // the snippet counts from the quoted part, is put right once rendered.
            headers.push((
                format!("{path}:{line}:{}\n", caret + 1),
                format!("{path}:{line}:{column}\n"),
            ));
        }
        elements.push(
            Snippet::source(source)
                .line_start(line)
                .path(path)
                .annotation(annotation)
                .into(),
        );
    }

    /// What is quoted of line `line` of `file`, with control characters replaced one for
    /// one, and the caret's place in it, in characters: the line from at most
    /// [`BEFORE`] characters before `column` (`…` standing for the rest) to [`AFTER`]
    /// characters past it (minified or generated input is not worth echoing whole).
    fn source_line(&self, file: &Path, line: usize, column: usize) -> Option<(String, usize)> {
        if line == 0 {
            return None;
        }
        let source = self.source(file)?;
        let text = source.lines.get(line - 1)?;
        let skip = (column - 1).saturating_sub(BEFORE);
        let mut quoted = String::new();
        let mut caret = column - 1 - skip;
        if skip > 0 {
            quoted.push('…');
            caret += 1;
        }
        quoted.extend(
            text.chars_from(&source.text, skip)
                .take(column - skip + AFTER)
                .map(visible_control),
        );
        Some((quoted, caret))
    }

    fn source(&self, file: &Path) -> Option<Rc<Source>> {
        let mut files = self.files.borrow_mut();
        files
            .entry(file.to_path_buf())
            .or_insert_with(|| {
                let bytes = std::fs::read(self.root.join(file)).ok()?;
                // As the file was read: UTF-16 decoded, a byte-order mark left out.
                let text = match crate::text::utf16_text(&bytes) {
                    Some((text, _)) => text,
                    None => String::from_utf8_lossy(&bytes).into_owned(),
                };
                let text = match text.strip_prefix('\u{feff}') {
                    Some(rest) => rest.to_string(),
                    None => text,
                };
                let base = text.as_ptr() as usize;
                let lines = lines(&text)
                    .map(|l| {
                        let start = l.as_ptr() as usize - base;
                        Line::of(&text, start..start + l.len())
                    })
                    .collect();
                Some(Rc::new(Source { text, lines }))
            })
            .clone()
    }
}

/// A control character as one visible character, so columns stay as they are: C0
/// controls and DEL as their Unicode control pictures (`␛`), C1 controls as `�`.
fn visible_control(c: char) -> char {
    match c as u32 {
        0x09 => c,
        n @ 0x00..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        0x80..=0x9f => '\u{fffd}',
        _ => c,
    }
}

pub(super) const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const NOTE: Style = AnsiColor::Green.on_default().bold();
const HELP: Style = AnsiColor::Cyan.on_default().bold();
const GUTTER: Style = AnsiColor::Blue.on_default().bold();
