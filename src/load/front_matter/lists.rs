//! Front matter values that are one text or a list of them, as sites write them:
//! `aliases`, `tags` and `safety` (see [`super::FrontMatter`]).

use serde::Deserialize;

/// `aliases: name` or `aliases: [name, /old/url/]`.
pub(super) fn one_alias_or_many<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<String>, D::Error> {
    let expected = || {
        serde::de::Error::custom(
            "`aliases` takes a name or old URL path, or a list of them, e.g. `aliases: [/old/path/, Other name]`",
        )
    };
    let text = |v: serde_yaml::Value| match v {
        serde_yaml::Value::String(s) => Ok(Some(s)),
        serde_yaml::Value::Number(n) => Ok(Some(n.to_string())),
        serde_yaml::Value::Bool(b) => Ok(Some(b.to_string())),
        // `- ` with nothing after it, as Obsidian leaves an emptied entry.
        serde_yaml::Value::Null => Ok(None),
        _ => Err(expected()),
    };
    let list: Result<Vec<Option<String>>, _> = match serde_yaml::Value::deserialize(d)? {
        serde_yaml::Value::Sequence(items) => items.into_iter().map(text).collect(),
        one => Ok(match text(one)? {
            Some(one) if is_list_of_paths(&one) => one
                .split_whitespace()
                .map(|p| Some(p.to_string()))
                .collect(),
            // `aliases: >` over one path ends with its line break, which Hugo drops.
            one => vec![one.map(|one| one.trim().to_string())],
        }),
    };
    Ok(list?
        .into_iter()
        .flatten()
        .filter(|a| !a.trim().is_empty())
        .collect())
}

/// Whether one text of aliases is a list of them, as Hugo reads one (`aliases: >` over
/// lines of old paths, which Hugo splits at spaces): lines of its own (no name or path
/// holds a line break), or more than one path, each from the root.
fn is_list_of_paths(text: &str) -> bool {
    let text = text.trim();
    let mut words = text.split_whitespace();
    text.contains(['\n', '\r']) || words.clone().count() > 1 && words.all(|w| w.starts_with('/'))
}

/// A list of texts: one text, or a list of them, null entries skipped.
struct Texts {
    /// A lone text is split at commas (`tags: grief, loss`).
    split: bool,
}

impl<'de> serde::de::Visitor<'de> for Texts {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a text or a list of texts")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<String>, E> {
        let parts: Vec<&str> = if self.split {
            v.split(',').collect()
        } else {
            vec![v]
        };
        Ok(parts
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<Option<String>>()? {
            out.extend(item.filter(|t| !t.is_empty()));
        }
        Ok(out)
    }
}

/// `tags: [a, b]`, `tags: a`, `tags: a, b`; `- ` entries with nothing after them skipped.
pub(super) fn tag_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    d.deserialize_any(Texts { split: true })
}

/// `safety: id` or `safety: [id, id]`.
pub(super) fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let expected = || {
        serde::de::Error::custom(
            "`safety` takes a safety block id or a list of ids, e.g. `safety: domestic-abuse`",
        )
    };
    match serde_yaml::Value::deserialize(d)? {
        serde_yaml::Value::Null => Ok(Vec::new()),
        serde_yaml::Value::String(id) => Ok(vec![id]),
        serde_yaml::Value::Sequence(ids) => ids
            .into_iter()
            .map(|id| match id {
                serde_yaml::Value::String(id) => Ok(id),
                _ => Err(expected()),
            })
            .collect(),
        _ => Err(expected()),
    }
}

#[cfg(test)]
mod tests {
    use super::is_list_of_paths;

    #[test]
    fn one_text_is_a_list_of_paths_only_when_it_holds_lines_or_several_paths() {
        assert!(is_list_of_paths("/a/ /b/c\n"));
        assert!(is_list_of_paths("/a/\nolder-name\n"));
        assert!(!is_list_of_paths("Choosing names"));
        assert!(!is_list_of_paths("/only/one/\n"));
        assert!(!is_list_of_paths("/a/ and a name"));
    }
}
