//! YAML read safely and reported precisely: a guard against documents whose nesting or
//! aliases would cost far more than their size, and parsing with positions (where
//! keys stand is [`super::spans`]'s job).

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use std::fmt;
use std::path::Path;

/// The line and column (1-based, in `yaml`) of the first tab that indents a line, on
/// the line of a syntax error (`line`) or a line before it: YAML forbids tabs for
/// indentation, and an editor that writes them (a list item `\t- a` under `tags:`)
/// gives only "found character that cannot start any token".
pub(super) fn indenting_tab(yaml: &str, line: usize) -> Option<(usize, usize)> {
    let lines: Vec<&str> = yaml.lines().take(line).collect();
    let tab_in_indent = |l: &&str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let on_line = |(n, l): (usize, &&str)| l[..tab_in_indent(l)].find('\t').map(|c| (n + 1, c + 1));
    let here = lines.iter().enumerate().next_back().and_then(on_line);
    here.or_else(|| lines.iter().enumerate().rev().skip(1).find_map(on_line))
}

/// A value in front matter `yaml` (whose first line is line `first_line` of `file`) of
/// a kind its key cannot hold, at its place.
pub(super) fn wrong_kind(
    e: &serde_yaml::Error,
    yaml: &str,
    first_line: usize,
    file: &Path,
) -> Diagnostic {
    let place = e.location().map(|loc| (loc.line(), loc.column()));
    let (line, column) = place.unwrap_or((1, 1));
    let d = Diagnostic::error(
        Code::FrontMatter,
        format!("front matter: {}", yaml_message(e)),
    )
    .at(file, line + first_line - 1, column);
    let text = line.checked_sub(1).and_then(|n| yaml.lines().nth(n));
    match text.and_then(unquoted_link_help) {
        Some(help) => d.help(help),
        None => d,
    }
}

/// The help for a property whose line (`author: [[Jane Doe]]`, `  - [[Home]]`) writes a
/// wikilink without quotes, which YAML reads as a list holding a list: Obsidian asks
/// for links in properties to be quoted, and reads them only then.
pub(super) fn unquoted_link_help(line: &str) -> Option<String> {
    let line = line.trim_start();
    let value = match line.strip_prefix("- ") {
        Some(item) => item,
        None => line.split_once(": ")?.1,
    };
    let value = value.trim();
    let end = value.strip_prefix("[[")?.find("]]")? + 4;
    let link = &value[..end];
    let fixed = line.replacen(link, &format!("\"{link}\""), 1);
    Some(format!(
        "a link in a property is written in quotes, as Obsidian asks: `{fixed}` (without them, YAML reads `{link}` as a list holding a list)"
    ))
}

/// serde_yaml appends " at line L column C" to messages; the diagnostic carries that already.
pub(super) fn yaml_message(e: &serde_yaml::Error) -> String {
    let message = e.to_string();
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

/// Nesting deeper than this is refused before parsing (the YAML parser slows down
/// with the square of the depth, and refuses past 128 levels anyway).
pub const MAX_YAML_DEPTH: usize = 128;

/// Values a document's aliases may expand it to, beyond its own length in bytes: no
/// document without aliases comes near its length in values.
const ALIAS_ALLOWANCE: usize = 10_000;

/// Refuses YAML whose structure would cost far more than its size, before it is
/// parsed: nesting deeper than [`MAX_YAML_DEPTH`] (found by a linear scan of the
/// text), and aliases that expand the document to more values than its length in
/// bytes (plus [`ALIAS_ALLOWANCE`]), counted without building them. Returns the
/// message and the byte offset to report it at.
pub fn guard_yaml(text: &str) -> Result<(), (String, usize)> {
    let scan = scan_yaml(text);
    if let Some(at) = scan.too_deep {
        return Err((
            format!("YAML nested more than {MAX_YAML_DEPTH} levels deep"),
            at,
        ));
    }
    let Some(first_alias) = scan.first_alias else {
        return Ok(());
    };
    let limit = text.len() + ALIAS_ALLOWANCE;
    let count = std::cell::Cell::new(0usize);
    let deserializer = serde_yaml::Deserializer::from_str(text);
    match serde::de::DeserializeSeed::deserialize(Budget { count: &count, limit }, deserializer) {
        Err(_) if count.get() > limit => Err((
            format!(
                "aliases expand this YAML to more than {limit} values; refused so it cannot exhaust memory"
            ),
            first_alias,
        )),
        // Other errors are reported by the real parse, with their own position.
        _ => Ok(()),
    }
}

/// What a linear scan of YAML text finds: where nesting first passes the limit, and
/// where the first alias (`*name`) is.
struct YamlScan {
    too_deep: Option<usize>,
    first_alias: Option<usize>,
}

fn scan_yaml(text: &str) -> YamlScan {
    let bytes = text.as_bytes();
    let mut scan = YamlScan {
        too_deep: None,
        first_alias: None,
    };
    let mut flow = 0usize;
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        let prev = if i == 0 { b'\n' } else { bytes[i - 1] };
        let token_start = matches!(prev, b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',');
        if line_start {
            // Block sequences opened on one line: `- - - - x`.
            let mut j = i;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t') {
                j += 1;
            }
            let mut dashes = 0;
            while j + 1 < bytes.len()
                && matches!(bytes[j], b'-' | b'?')
                && matches!(bytes[j + 1], b' ' | b'\t')
            {
                dashes += 1;
                j += 2;
                while j < bytes.len() && matches!(bytes[j], b' ' | b'\t') {
                    j += 1;
                }
            }
            if flow + dashes > MAX_YAML_DEPTH && scan.too_deep.is_none() {
                scan.too_deep = Some(i);
                return scan;
            }
            line_start = false;
        }
        match b {
            b'\n' | b'\r' => line_start = true,
            b'#' if token_start => {
                while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                    i += 1;
                }
                continue;
            }
            b'\'' if token_start => {
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
            }
            b'"' if token_start => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'[' | b'{' => {
                flow += 1;
                if flow > MAX_YAML_DEPTH {
                    scan.too_deep = Some(i);
                    return scan;
                }
            }
            b']' | b'}' => flow = flow.saturating_sub(1),
            b'*' if token_start && scan.first_alias.is_none() => scan.first_alias = Some(i),
            _ => {}
        }
        i += 1;
    }
    scan
}

/// Counts the values a YAML document expands to (aliases replayed), stopping with an
/// error once past `limit`; nothing is kept.
#[derive(Clone, Copy)]
struct Budget<'a> {
    count: &'a std::cell::Cell<usize>,
    limit: usize,
}

impl Budget<'_> {
    fn tick<E: serde::de::Error>(self) -> Result<(), E> {
        self.count.set(self.count.get() + 1);
        if self.count.get() > self.limit {
            Err(E::custom("too many values"))
        } else {
            Ok(())
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Budget<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Budget<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<(), E> {
        self.tick()
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<(), E> {
        self.tick()
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<(), E> {
        self.tick()
    }
    fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<(), E> {
        self.tick()
    }
    fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<(), E> {
        self.tick()
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<(), E> {
        self.tick()
    }
    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        self.tick()
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.tick()?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.tick()?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        use serde::de::VariantAccess as _;
        self.tick()?;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

/// Parses a whole YAML data file, reporting errors at their position.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    if let Err((message, at)) = guard_yaml(text) {
        let (l, c) = line_col(text, at);
        diagnostics.push(
            Diagnostic::error(Code::DataFile, message)
                .at(file, l, c)
                .help("write the values out in full, without deep nesting or repeated aliases"),
        );
        return None;
    }
    match serde_yaml::from_str(text) {
        Ok(value) => Some(value),
        Err(e) => {
            let what = file.file_name().unwrap_or_default().to_string_lossy();
            let repeated = e.to_string().contains("duplicate");
            if let Some(d) = repeated
                .then(|| {
                    super::spans::Spans::yaml(text, 1).repeated_key(file, Code::DataFile, &what)
                })
                .flatten()
            {
                diagnostics.push(d);
                return None;
            }
            let (l, c) = e
                .location()
                .map_or((1, 1), |loc| (loc.line(), loc.column()));
            diagnostics.push(Diagnostic::error(Code::DataFile, yaml_message(&e)).at(file, l, c));
            None
        }
    }
}

/// A settings file's YAML read as PyYAML (MkDocs) and Ruby's Psych (Jekyll) read it: a
/// key one mapping sets twice keeps its last value (heig-tin-info/handbook's
/// `mkdocs.yml` sets `failure:` twice under `theme.icon.admonition`), where serde_yaml
/// refuses the whole file. `None` for text that is no YAML.
pub(super) fn settings_keeping_last(text: &str) -> Option<serde_yaml::Value> {
    let mut text = std::borrow::Cow::Borrowed(text);
    // Each pass leaves one repeated key out; a file repeating more is not read.
    for _ in 0..64 {
        match serde_yaml::from_str(&text) {
            Ok(value) => return Some(value),
            Err(e) if e.to_string().contains("duplicate") => {
                let spans = super::spans::Spans::yaml(&text, 1);
                let (_, first, _) = spans.repeated()?;
                text = std::borrow::Cow::Owned(without_key_at(&text, first.key));
            }
            Err(_) => return None,
        }
    }
    None
}

/// `text` with the key at `(line, column)` (1-based) and its value left out: its line,
/// and the lines below it indented further (or a list at its indentation), made blank,
/// so every other line keeps its number.
fn without_key_at(text: &str, (line, column): (usize, usize)) -> String {
    let indent = column.saturating_sub(1);
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        let body = l.trim();
        let own = l.len() - l.trim_start_matches([' ', '\t']).len();
        let below = own > indent || own == indent && body.starts_with("- ");
        inside = n + 1 == line || inside && n + 1 > line && (body.is_empty() || below);
        match inside {
            true => out.push_str(&l[l.trim_end_matches(['\n', '\r']).len()..]),
            false => out.push_str(l),
        }
    }
    out
}

#[cfg(test)]
mod settings_tests {
    use super::*;

    #[test]
    fn a_key_set_twice_keeps_its_last_value_at_any_depth() {
        let text = "site_name: A\ntheme:\n  language: fr\n  icon:\n    admonition:\n      failure: a\n      note:\n        - x\n      failure: b\nsite_name: B\n";
        let value = settings_keeping_last(text).expect("read");
        assert_eq!(value["site_name"].as_str(), Some("B"));
        assert_eq!(value["theme"]["language"].as_str(), Some("fr"));
        let admonition = &value["theme"]["icon"]["admonition"];
        assert_eq!(admonition["failure"].as_str(), Some("b"));
        assert_eq!(admonition["note"][0].as_str(), Some("x"));
        assert!(settings_keeping_last("a: [\n").is_none());
    }
}
