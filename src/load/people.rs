//! `author:` as sites write it: a name, a list of names, a link to the person's note
//! (`"[[Jane Doe]]"`, as Obsidian properties write it), or a person written as a
//! mapping (`{name: Jane Doe, href: …}`, as Astro schemas and Hugo themes write it),
//! alone or in a list, whose `name` is read and other keys are not.

/// A person's name, or with `many`, a list of them.
pub(super) struct People {
    pub(super) many: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for People {
    type Value = Vec<String>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<String>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for People {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a name, a list of names, or a person with a `name` (`{name: Jane Doe}`)")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<String>, E> {
        let n = v.trim();
        let n = match n.strip_prefix("[[").and_then(|n| n.strip_suffix("]]")) {
            Some(link) => link.rsplit('|').next().unwrap_or(link).trim(),
            None => n,
        };
        Ok((!n.is_empty()).then(|| n.to_string()).into_iter().collect())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        if !self.many {
            return Err(serde::de::Error::invalid_type(
                serde::de::Unexpected::Seq,
                &self,
            ));
        }
        let mut out = Vec::new();
        while let Some(names) = seq.next_element_seed(People { many: false })? {
            out.extend(names);
        }
        Ok(out)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
        let mut name = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "name" && name.is_none() {
                name = Some(map.next_value_seed(People { many: false })?);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        name.ok_or_else(|| serde::de::Error::custom("a person needs a `name` (`{name: Jane Doe}`)"))
    }
}
