//! Front matter written loosely, read as Hugo reads it: keys attune knows in another
//! case (`Title:`), a top-level key set twice (the last read), and a `language:` that
//! holds no language tag (the site's own key of that name); and the keys a struct
//! reads, which make [`FRONT_MATTER_KEYS`].

use super::front::UnknownKey;
use super::spans::{Spans, Step};
use super::FRONT_MATTER_KEYS;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use serde::Deserialize;
use std::path::Path;

/// Front matter text `head` (from line `first_line`) with each top-level key attune
/// knows but written in another case (`Title`, `LinkTitle`, `Draft`) in its own
/// spelling, as Hugo reads keys in any case; `None` when there is none. Same length,
/// so every position stays.
pub(super) fn fold_key_case(
    head: &str,
    first_line: usize,
    unknown: &[UnknownKey],
) -> Option<String> {
    let known = |name: &str| {
        (FRONT_MATTER_KEYS.iter()).find(|k| name.is_ascii() && k.eq_ignore_ascii_case(name))
    };
    let mut folded = head.to_string();
    let mut any = false;
    let starts: Vec<usize> = std::iter::once(0)
        .chain(head.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    for key in unknown.iter().filter(|k| !k.name.contains('.')) {
        let Some(own) = known(&key.name) else {
            continue;
        };
        let Some(&start) = key.line.checked_sub(first_line).and_then(|n| starts.get(n)) else {
            continue;
        };
        let column = key.column.saturating_sub(1);
        let at = start
            + head[start..]
                .chars()
                .take(column)
                .map(char::len_utf8)
                .sum::<usize>();
        let at = at + usize::from(head[at..].starts_with(['"', '\'']));
        if head.get(at..at + own.len()).is_some_and(|k| k == key.name) {
            folded.replace_range(at..at + own.len(), own);
            any = true;
        }
    }
    any.then_some(folded)
}

/// A top-level key YAML front matter sets twice (`tags:` empty, then `tags:` with a
/// list, as an edited note keeps both): Hugo read the last until 0.152 (it refuses
/// the file since), Obsidian keeps the last too. The text with the first one's lines
/// blanked (line numbers kept), and a warning at the second; `None` for a key
/// repeated below the top, which stays an error.
pub(super) fn keep_last_of_repeated(
    yaml: &str,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let spans = Spans::yaml(yaml, first_line);
    let (path, first, second) = spans.repeated()?;
    let [Step::Key(name)] = path else {
        return None;
    };
    if first.key.1 != 1 {
        return None;
    }
    let start = first.key.0.checked_sub(first_line)?;
    // Its lines: the key's, then those inside its value (indented, a list's `- `).
    let mut inside = false;
    let mut out = String::with_capacity(yaml.len());
    for (n, line) in yaml.split_inclusive('\n').enumerate() {
        let more = line.trim().is_empty() || line.starts_with([' ', '\t', '-', '#']);
        inside = n == start || inside && n > start && more;
        let kept = if inside {
            line.trim_end_matches(['\n', '\r']).len()
        } else {
            0
        };
        out.push_str(&line[kept..]);
    }
    diagnostics.push(
        Diagnostic::warning(
            Code::FrontMatter,
            format!("front matter: `{name}` is set twice: here and at line {}; the last is read", first.key.0),
        )
        .at(file, second.key.0, second.key.1)
        .related(file, first.key.0, first.key.1, format!("`{name}` is first set here, and left out"))
        .help("keep one of them (Hugo before 0.152 read the last, as here; Hugo since refuses the file)"),
    );
    Some(out)
}

/// `language:` when it holds a language tag (`en`, `pt-BR`, `zh_Hant`): two or three
/// letters, then parts of letters and digits after `-` or `_`. Anything else (a list,
/// a name such as `English`) is `None`: see [`super::front::resolve_synonyms`].
pub(super) fn language_tag<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Value {
        Text(String),
        Other(serde::de::IgnoredAny),
    }
    let Value::Text(text) = Value::deserialize(d)? else {
        return Ok(None);
    };
    let mut parts = text.trim().split(['-', '_']);
    let first = parts.next().unwrap_or_default();
    let tag = (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    Ok(tag.then(|| text.trim().to_string()))
}
/// The field names a struct's derived `Deserialize` accepts: it hands them to
/// `deserialize_struct`, where this deserializer keeps them and stops.
pub(super) fn struct_fields<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{value::Error, Error as _, Visitor};
    struct Fields<'a>(&'a mut &'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for Fields<'_> {
        type Error = Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Error> {
            *self.0 = fields;
            Err(Error::custom("fields read"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Fields(&mut fields));
    fields
}
