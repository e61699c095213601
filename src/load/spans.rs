//! Where keys and values stand in YAML and TOML text, from the parsers' own positions:
//! the YAML event parser's marks (`yaml-rust2`; `serde_yaml` gives positions only on
//! errors) and `toml_edit`'s spans (the parser under `toml`). One parse of a text gives a map from each key
//! path (`review` → `status`, `steps` → item 2 → `slug`) to the line and column of the
//! key and of its value, so a diagnostic points where the thing is written, never at
//! the first text that looks like it (a comment, a title, an earlier key).
//!
//! Made only where a position is needed (a diagnostic, or a URL's owner in `site`):
//! a file that raises none never pays.

use crate::text::LineIndex;
use rustc_hash::FxHashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// One step down a key path: a mapping key, or a sequence item (from 0).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Item(usize),
}

impl Step {
    pub fn key(name: &str) -> Self {
        Self::Key(name.to_string())
    }
}

/// Where one entry is written: its key (for a sequence item, the item itself) and its
/// value, each as a 1-based (line, column), columns counted in characters as
/// [`crate::text::line_col`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub key: (usize, usize),
    pub value: (usize, usize),
}

/// Key paths of one text and where each is written. A key written twice in one mapping
/// keeps both places, in the order written.
#[derive(Debug, Default)]
pub struct Spans {
    places: FxHashMap<Vec<Step>, Vec<Place>>,
    /// The text of each scalar value, by key path, in the order written.
    scalars: FxHashMap<Vec<Step>, Vec<String>>,
}

impl Spans {
    /// Positions in YAML text whose first line is line `first_line` of its file (front
    /// matter after its `---`). Text the parser refuses keeps what came before the error.
    pub fn yaml(text: &str, first_line: usize) -> Self {
        let mut collect = Collect::default();
        // An error ends the events; what came before it is kept.
        let failed = Parser::new_from_str(text)
            .load(&mut collect, false)
            .is_err();
        let chars = CharOffsets::new(text);
        let lines = LineIndex::new(text);
        let at = |mark: Marker| {
            let (l, c) = lines.position(chars.byte(mark.index()));
            (l + first_line - 1, c)
        };
        let mut spans = Self::default();
        for (path, key, value, scalar) in collect.found {
            if let Some(scalar) = scalar {
                spans.scalars.entry(path.clone()).or_default().push(scalar);
            }
            spans.places.entry(path).or_default().push(Place {
                key: at(key),
                value: at(value),
            });
        }
        if failed {
            spans.top_level_keys(text, first_line);
        }
        spans
    }

    /// Where the top-level keys stand that the parser did not reach: a line starting
    /// `name:`. yaml-rust2 stops at what libyaml (serde_yaml, Hugo's reader) accepts, a
    /// double-quoted value's next line at the first column (`summary: "one` / `two"`),
    /// and every key after it was placed at the front matter's first line.
    fn top_level_keys(&mut self, text: &str, first_line: usize) {
        for (n, line) in text.lines().enumerate() {
            let Some((name, _)) = line.split_once(':') else {
                continue;
            };
            let plain = name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_-".contains(&b));
            if name.is_empty() || !plain {
                continue;
            }
            let value = line[name.len() + 1..].len() - line[name.len() + 1..].trim_start().len();
            let path = vec![Step::key(name)];
            self.places.entry(path).or_insert_with(|| {
                let column = name.chars().count() + 2 + value;
                vec![Place {
                    key: (first_line + n, 1),
                    value: (first_line + n, column),
                }]
            });
        }
    }

    /// Positions in TOML text whose first line is line `first_line` of its file (front
    /// matter after its `+++`), from `toml_edit`'s spans. Text the parser refuses
    /// gives no positions. A table written as a `[header]` has its key in the header.
    pub fn toml(text: &str, first_line: usize) -> Self {
        let mut spans = Self::default();
        let Ok(document) = toml_edit::ImDocument::parse(text) else {
            return spans;
        };
        let lines = LineIndex::new(text);
        let at = |span: Option<std::ops::Range<usize>>| {
            let (l, c) = lines.position(span.map_or(0, |s| s.start));
            (l + first_line - 1, c)
        };
        let mut path = Vec::new();
        toml_table(
            document.as_table(),
            &mut path,
            &mut |path, key, value, scalar| {
                if let Some(scalar) = scalar {
                    spans.scalars.entry(path.to_vec()).or_default().push(scalar);
                }
                spans.places.entry(path.to_vec()).or_default().push(Place {
                    key: at(key),
                    value: at(value),
                });
            },
        );
        spans
    }

    /// Positions in front matter of `format` whose text, `head`, starts on line
    /// `first_line` of its file. JSON is read as YAML, of which it is a part.
    pub(super) fn of(format: super::fence::Format, head: &str, first_line: usize) -> Self {
        match format {
            super::fence::Format::Toml => Self::toml(head, first_line),
            super::fence::Format::Yaml | super::fence::Format::Json => Self::yaml(head, first_line),
        }
    }

    /// Positions in a Markdown file's front matter, given the file's text up to its
    /// body at least (see [`super::fence`]); lines are the file's. No front matter
    /// gives no positions.
    pub fn front_matter(text: &str) -> Self {
        match super::fence::find_front_matter(text) {
            super::fence::Found::Block {
                format,
                head,
                first_line,
                ..
            } => Self::of(format, &text[head], first_line),
            _ => Self::default(),
        }
    }

    /// Every place `path` is written, in order (more than one for a repeated key).
    pub fn all(&self, path: &[Step]) -> &[Place] {
        self.places.get(path).map_or(&[], Vec::as_slice)
    }

    /// Where `path` is first written.
    pub fn get(&self, path: &[Step]) -> Option<Place> {
        self.all(path).first().copied()
    }

    /// Line and column of the key of `path` (of the item, for a sequence item).
    pub fn key(&self, path: &[Step]) -> Option<(usize, usize)> {
        self.get(path).map(|p| p.key)
    }

    /// Line and column of the value of `path`.
    pub fn value(&self, path: &[Step]) -> Option<(usize, usize)> {
        self.get(path).map(|p| p.value)
    }

    /// Where the scalar `text` is written as the value at `path` (`aliases: x`) or as
    /// an item of the sequence there (`aliases: [x, y]`): the value's place, matched
    /// on the parsed value, not on the text.
    pub fn find_value(&self, path: &[Step], text: &str) -> Option<(usize, usize)> {
        let is = |path: &[Step]| {
            self.scalars
                .get(path)
                .is_some_and(|s| s.iter().any(|s| s == text))
        };
        if is(path) {
            return self.value(path);
        }
        let mut item = path.to_vec();
        item.push(Step::Item(0));
        (0..self.items(path)).find_map(|i| {
            *item.last_mut()? = Step::Item(i);
            is(&item).then(|| self.value(&item)).flatten()
        })
    }

    /// The first key written twice in one mapping (by where its second writing is):
    /// its path, its first place and its second.
    pub fn repeated(&self) -> Option<(&[Step], Place, Place)> {
        self.places
            .iter()
            .filter(|(_, places)| places.len() > 1)
            .map(|(path, places)| (path.as_slice(), places[0], places[1]))
            .min_by_key(|(_, _, second)| second.key)
    }

    /// A diagnostic for a key written twice, if there is one: at the second, the
    /// first related. `what` names the text ("front matter").
    pub fn repeated_key(
        &self,
        file: &std::path::Path,
        code: crate::diagnostic::Code,
        what: &str,
    ) -> Option<crate::diagnostic::Diagnostic> {
        let (path, first, second) = self.repeated()?;
        let name = dotted(path);
        let (l1, c1) = first.key;
        Some(
            crate::diagnostic::Diagnostic::error(
                code,
                format!("{what}: `{name}` is set twice: here and at line {l1}"),
            )
            .at(file, second.key.0, second.key.1)
            .related(file, l1, c1, format!("`{name}` is first set here"))
            .help("keep one of them"),
        )
    }

    /// Each text written as an item of the sequence at `path` (`aliases: [a, b]`), with
    /// where it is written (the first of equal ones): [`Spans::find_value`] for every
    /// item at once, for lists of thousands.
    pub fn item_values(&self, path: &[Step]) -> FxHashMap<&str, (usize, usize)> {
        let mut found = FxHashMap::default();
        let mut item = path.to_vec();
        item.push(Step::Item(0));
        let last = item.len() - 1;
        for i in 0..self.items(path) {
            item[last] = Step::Item(i);
            let Some(at) = self.value(&item) else {
                continue;
            };
            for text in self.scalars.get(&item).into_iter().flatten() {
                found.entry(text.as_str()).or_insert(at);
            }
        }
        found
    }

    /// How many items the sequence at `path` has.
    pub fn items(&self, path: &[Step]) -> usize {
        let mut item = path.to_vec();
        item.push(Step::Item(0));
        let last = item.len() - 1;
        let mut n = 0;
        while self.places.contains_key(&item) {
            n += 1;
            item[last] = Step::Item(n);
        }
        n
    }
}

/// A key path as written in messages: `review.status`, `changes.0.date`.
pub fn dotted(path: &[Step]) -> String {
    path.iter()
        .map(|step| match step {
            Step::Key(k) => k.clone(),
            Step::Item(i) => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Character index → byte offset, for text that is not all ASCII (the YAML parser
/// counts characters).
struct CharOffsets(Option<Vec<usize>>);

impl CharOffsets {
    fn new(text: &str) -> Self {
        Self((!text.is_ascii()).then(|| {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        }))
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.0 {
            None => char_index,
            Some(offsets) => offsets
                .get(char_index)
                .or(offsets.last())
                .copied()
                .unwrap_or(0),
        }
    }
}

/// What is open around the next YAML node.
enum Frame {
    /// A mapping; `key` is the key just read and where, while its value is awaited
    /// (`None` as the name for a key that is no scalar: an alias or a whole mapping).
    Map {
        key: Option<(Option<String>, Marker)>,
        stepped: bool,
    },
    Seq {
        next: usize,
        stepped: bool,
    },
    /// A node whose entries have no key path (inside a complex key); its depth.
    Skip(usize),
}

/// Receives the YAML parser's events and keeps each key path's places.
#[derive(Default)]
struct Collect {
    frames: Vec<Frame>,
    path: Vec<Step>,
    found: Vec<(Vec<Step>, Marker, Marker, Option<String>)>,
}

impl Collect {
    /// A node starts at `mark`; `open` if it is a mapping or sequence.
    fn node(&mut self, scalar: Option<&str>, mark: Marker, open: Option<bool>) {
        // The step to this node, with where its key is, if it has a key path.
        let step: Option<(Step, Marker)> = match self.frames.last_mut() {
            None => None,
            Some(Frame::Skip(depth)) => {
                if open.is_some() {
                    *depth += 1;
                }
                return;
            }
            Some(Frame::Map { key, .. }) => match key.take() {
                None => {
                    // A key: kept until its value comes.
                    *key = Some((scalar.map(str::to_string), mark));
                    if open.is_some() {
                        self.frames.push(Frame::Skip(1));
                    }
                    return;
                }
                Some((Some(name), key_mark)) => Some((Step::Key(name), key_mark)),
                Some((None, _)) => {
                    if open.is_some() {
                        self.frames.push(Frame::Skip(1));
                    }
                    return;
                }
            },
            Some(Frame::Seq { next, .. }) => {
                *next += 1;
                Some((Step::Item(*next - 1), mark))
            }
        };
        let stepped = step.is_some();
        if let Some((step, key_mark)) = step {
            self.path.push(step);
            self.found.push((
                self.path.clone(),
                key_mark,
                mark,
                scalar.map(str::to_string),
            ));
        }
        match open {
            Some(true) => self.frames.push(Frame::Map { key: None, stepped }),
            Some(false) => self.frames.push(Frame::Seq { next: 0, stepped }),
            None => {
                if stepped {
                    self.path.pop();
                }
            }
        }
    }

    fn end(&mut self) {
        match self.frames.last_mut() {
            Some(Frame::Skip(depth)) if *depth > 1 => *depth -= 1,
            Some(Frame::Skip(_)) => {
                self.frames.pop();
            }
            Some(Frame::Map { stepped, .. } | Frame::Seq { stepped, .. }) => {
                if *stepped {
                    self.path.pop();
                }
                self.frames.pop();
            }
            None => {}
        }
    }
}

impl MarkedEventReceiver for Collect {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(text, ..) => self.node(Some(&text), mark, None),
            Event::Alias(_) => self.node(None, mark, None),
            Event::MappingStart(..) => self.node(None, mark, Some(true)),
            Event::SequenceStart(..) => self.node(None, mark, Some(false)),
            Event::MappingEnd | Event::SequenceEnd => self.end(),
            _ => {}
        }
    }
}

type Span = Option<std::ops::Range<usize>>;

/// What [`Spans::toml`] is told of each key path: its key's span, its value's, and the
/// value's text if it is a string, number or boolean.
trait Found: FnMut(&[Step], Span, Span, Option<String>) {}
impl<F: FnMut(&[Step], Span, Span, Option<String>)> Found for F {}

/// Calls `found` with each key path under a TOML table, its key's span and its value's.
fn toml_table(table: &toml_edit::Table, path: &mut Vec<Step>, found: &mut impl Found) {
    for (name, _) in table.iter() {
        if let Some((key, item)) = table.get_key_value(name) {
            path.push(Step::key(name));
            toml_item(item, key.span(), path, found);
            path.pop();
        }
    }
}

fn toml_item(item: &toml_edit::Item, key: Span, path: &mut Vec<Step>, found: &mut impl Found) {
    match item {
        toml_edit::Item::None => {}
        toml_edit::Item::Value(value) => toml_value(value, key, path, found),
        toml_edit::Item::Table(table) => {
            found(path, key.clone(), table.span().or(key), None);
            toml_table(table, path, found);
        }
        toml_edit::Item::ArrayOfTables(tables) => {
            found(path, key.clone(), tables.span().or(key), None);
            for (i, table) in tables.iter().enumerate() {
                path.push(Step::Item(i));
                found(path, table.span(), table.span(), None);
                toml_table(table, path, found);
                path.pop();
            }
        }
    }
}

fn toml_value(value: &toml_edit::Value, key: Span, path: &mut Vec<Step>, found: &mut impl Found) {
    let text = match value {
        toml_edit::Value::String(s) => Some(s.value().clone()),
        toml_edit::Value::Integer(n) => Some(n.value().to_string()),
        toml_edit::Value::Float(n) => Some(n.value().to_string()),
        toml_edit::Value::Boolean(b) => Some(b.value().to_string()),
        _ => None,
    };
    found(path, key, value.span(), text);
    match value {
        toml_edit::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Item(i));
                toml_value(item, item.span(), path, found);
                path.pop();
            }
        }
        toml_edit::Value::InlineTable(table) => {
            for (name, _) in table.iter() {
                if let Some((key, toml_edit::Item::Value(item))) = table.get_key_value(name) {
                    path.push(Step::key(name));
                    toml_value(item, key.span(), path, found);
                    path.pop();
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_after_what_yaml_rust2_refuses_are_found_by_their_lines() {
        // amaurits/CoveringMuslimsBook: `excerpt: "…` over several lines.
        let yaml = "title: A\ndraft: false\nsummary: \"one\ntwo\"\nfoo: 1\n";
        let spans = Spans::yaml(yaml, 2);
        assert_eq!(spans.key(&[Step::key("foo")]), Some((6, 1)));
        assert_eq!(
            spans.get(&[Step::key("foo")]).map(|p| p.value),
            Some((6, 6))
        );
        assert_eq!(spans.key(&[Step::key("title")]), Some((2, 1)));
    }

    fn k(name: &str) -> Step {
        Step::key(name)
    }

    #[test]
    fn block_keys_and_values_are_where_written() {
        // `title` and `topic` also appear in a comment and inside a string above them.
        let text = "# title: in a comment\nsummary: \"topic: not a key\"\ntitle: A\ntopic:   care\nreview:\n  status: approved\n";
        let spans = Spans::yaml(text, 1);
        assert_eq!(spans.key(&[k("title")]), Some((3, 1)));
        assert_eq!(spans.value(&[k("title")]), Some((3, 8)));
        assert_eq!(spans.key(&[k("topic")]), Some((4, 1)));
        assert_eq!(spans.value(&[k("topic")]), Some((4, 10)));
        assert_eq!(spans.key(&[k("review"), k("status")]), Some((6, 3)));
        assert_eq!(spans.value(&[k("review"), k("status")]), Some((6, 11)));
        // Lines count from where the text starts in its file.
        let spans = Spans::yaml(text, 5);
        assert_eq!(spans.key(&[k("title")]), Some((7, 1)));
    }

    #[test]
    fn flow_style_quoted_keys_and_multi_line_values() {
        let text = "tags: [a, \"b c\", d]\n\"quoted key\": 1\n'single': 2\nsummary: >\n  folded\n  text\nrelations: {effects: [x, y]}\nafter: z\n";
        let spans = Spans::yaml(text, 1);
        assert_eq!(spans.value(&[k("tags"), Step::Item(0)]), Some((1, 8)));
        assert_eq!(spans.value(&[k("tags"), Step::Item(1)]), Some((1, 11)));
        assert_eq!(spans.value(&[k("tags"), Step::Item(2)]), Some((1, 18)));
        assert_eq!(spans.items(&[k("tags")]), 3);
        assert_eq!(spans.key(&[k("quoted key")]), Some((2, 1)));
        assert_eq!(spans.key(&[k("single")]), Some((3, 1)));
        assert_eq!(spans.key(&[k("summary")]), Some((4, 1)));
        assert_eq!(spans.key(&[k("relations"), k("effects")]), Some((7, 13)));
        assert_eq!(
            spans.value(&[k("relations"), k("effects"), Step::Item(1)]),
            Some((7, 26))
        );
        assert_eq!(spans.key(&[k("after")]), Some((8, 1)));
    }

    #[test]
    fn block_sequences_of_mappings() {
        let text = "- term: A\n  definition: one\n-   term: B\n    article: b\n-\n  term: C\n";
        let spans = Spans::yaml(text, 1);
        assert_eq!(spans.items(&[]), 3);
        assert_eq!(spans.key(&[Step::Item(0), k("term")]), Some((1, 3)));
        assert_eq!(spans.key(&[Step::Item(1), k("term")]), Some((3, 5)));
        assert_eq!(spans.key(&[Step::Item(1), k("article")]), Some((4, 5)));
        assert_eq!(spans.value(&[Step::Item(1), k("article")]), Some((4, 14)));
        assert_eq!(spans.key(&[Step::Item(2), k("term")]), Some((6, 3)));
    }

    #[test]
    fn a_repeated_key_keeps_both_places() {
        let text = "smith2020:\n  title: A\njones: {}\nsmith2020:\n  title: B\n";
        let spans = Spans::yaml(text, 1);
        let places = spans.all(&[k("smith2020")]);
        assert_eq!(places.len(), 2);
        assert_eq!(places[0].key, (1, 1));
        assert_eq!(places[1].key, (4, 1));
        assert_eq!(spans.all(&[k("smith2020"), k("title")])[1].key, (5, 3));
    }

    #[test]
    fn anchors_aliases_crlf_tabs_and_wide_characters() {
        let text =
            "base: &b\r\n  x: 1\r\ncopy: *b\r\nname: \"été\"\t# note\r\nété: ü\r\nafter:  x\t# tab\r\n";
        let spans = Spans::yaml(text, 1);
        assert_eq!(spans.key(&[k("base"), k("x")]), Some((2, 3)));
        assert_eq!(spans.key(&[k("copy")]), Some((3, 1)));
        assert_eq!(spans.value(&[k("copy")]), Some((3, 7)));
        // The alias is not expanded: no keys under `copy`.
        assert_eq!(spans.key(&[k("copy"), k("x")]), None);
        assert_eq!(spans.key(&[k("name")]), Some((4, 1)));
        // Columns count characters: `é` is two bytes, one column.
        assert_eq!(spans.value(&[k("été")]), Some((5, 6)));
        assert_eq!(spans.value(&[k("after")]), Some((6, 9)));
    }

    #[test]
    fn broken_yaml_keeps_what_came_before_the_error() {
        let spans = Spans::yaml("title: A\ntags: [a\nx: : :\n", 1);
        assert_eq!(spans.key(&[k("title")]), Some((1, 1)));
    }

    #[test]
    fn toml_keys_and_values() {
        let text = "# title = \"comment\"\ntitle = \"A\"\ntags = [\"a\", \"b\"]\ndate = 2021-01-02\n[taxonomies]\ntags = [\"c\"]\n[review]\nstatus = \"draft\"\n";
        let spans = Spans::toml(text, 2);
        assert_eq!(spans.key(&[k("title")]), Some((3, 1)));
        assert_eq!(spans.value(&[k("title")]), Some((3, 9)));
        assert_eq!(spans.value(&[k("tags"), Step::Item(1)]), Some((4, 14)));
        assert_eq!(spans.value(&[k("date")]), Some((5, 8)));
        assert_eq!(spans.key(&[k("taxonomies")]), Some((6, 2)));
        assert_eq!(spans.key(&[k("taxonomies"), k("tags")]), Some((7, 1)));
        assert_eq!(spans.value(&[k("review"), k("status")]), Some((9, 10)));
    }

    #[test]
    fn front_matter_positions_are_the_file_s() {
        let spans = Spans::front_matter("\n\n---\ntitle: A\ntopic: b\n---\nbody topic: x\n");
        assert_eq!(spans.key(&[k("topic")]), Some((5, 1)));
        let spans = Spans::front_matter("+++\ntitle = \"A\"\n+++\n");
        assert_eq!(spans.key(&[k("title")]), Some((2, 1)));
        let spans = Spans::front_matter("# Just a body\ntitle: x\n");
        assert_eq!(spans.key(&[k("title")]), None);
    }

    #[test]
    fn values_are_found_by_what_they_parse_to() {
        // `b` is also a key above and text in a comment: the item is found.
        let text = "b: 1\n# aliases: [b]\naliases: [a, \"b\"]\none: b\ntags:\n  - 'x y'\n";
        let spans = Spans::yaml(text, 1);
        assert_eq!(spans.find_value(&[k("aliases")], "b"), Some((3, 14)));
        assert_eq!(spans.find_value(&[k("one")], "b"), Some((4, 6)));
        assert_eq!(spans.find_value(&[k("tags")], "x y"), Some((6, 5)));
        assert_eq!(spans.find_value(&[k("tags")], "z"), None);
        let spans = Spans::toml("aliases = [\"a\", \"b\"]\nn = 5\n", 1);
        assert_eq!(spans.find_value(&[k("aliases")], "b"), Some((1, 17)));
        assert_eq!(spans.find_value(&[k("n")], "5"), Some((2, 5)));
    }
}
