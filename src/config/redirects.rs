//! `[redirects]`: the old addresses mdBook's `[output.html.redirect]` table keeps,
//! pasted as it is or read from the book's own table (and GitBook's `redirects`), each
//! entry with where it is written.

use super::addresses::{located, Entry};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use serde::de::{Deserializer, MapAccess, Visitor};
use std::path::Path;
use toml::Spanned;

/// `[redirects]`: `"/old/path.html" = "new/path.html"`, as mdBook's
/// `[output.html.redirect]` writes them.
#[derive(Debug, Clone, Default)]
pub struct Redirects {
    raw: Vec<(String, Spanned<String>)>,
    /// In the order written, once [`super::Config::parse`] has located them.
    pub entries: Vec<Entry>,
}

impl Redirects {
    /// Adds `other`'s entries after this table's, leaving out an old address this
    /// table already has (attune's `[redirects]` wins over mdBook's own table).
    pub(super) fn append(&mut self, other: Redirects) {
        for (key, value) in other.raw {
            if !self.raw.iter().any(|(k, _)| k.trim() == key.trim()) {
                self.raw.push((key, value));
            }
        }
    }

    /// Adds entries read from another file (GitBook's `.gitbook.yaml`, MkDocs'
    /// `mkdocs.yml`), already located, after those of book.toml, leaving out an old
    /// address it already has.
    pub fn append_located(&mut self, more: Vec<Entry>) {
        for entry in more {
            if !self
                .entries
                .iter()
                .any(|e| e.key.trim() == entry.key.trim())
            {
                self.entries.push(entry);
            }
        }
    }

    /// Fills [`Redirects::entries`] with positions in `text`; an old address that is
    /// not a path inside the site is an error there.
    pub(super) fn locate(&mut self, text: &str, file: &Path, problems: &mut Diagnostics) {
        self.entries = self.raw.iter().map(|(k, v)| located(text, k, v)).collect();
        // mdBook reads every old address from the book's root, with its leading `/`
        // or without (rust-forge writes `"beta-backporting.html" = …`), and a `./`
        // in it names the folder it is in (the Rustonomicon writes `"./vec.html"`).
        for entry in &mut self.entries {
            let key = entry.key.trim();
            let parts: Vec<&str> = key.split('/').filter(|s| *s != ".").collect();
            let key = parts.join("/");
            entry.key = match key.starts_with('/') {
                true => key,
                false => format!("/{key}"),
            };
        }
        for entry in &self.entries {
            let key = entry.key.trim();
            // `"/page.html#old-part" = "new.html#part"`: a part of a page that moved, as
            // mdBook's fragment redirects write it (the Rust Reference keeps 66).
            let (path, part) = match key.split_once('#') {
                Some((path, part)) => (path, Some(part)),
                None => (key, None),
            };
            let bad = path
                .split('/')
                .any(|s| s == ".." || s == "." || s.contains(['\\', '\0', '?']))
                || path.trim_matches('/').is_empty()
                || (path == "/index.html" && part.is_none())
                || part.is_some_and(|p| p.is_empty() || p.contains(['#', '\0']));
            if let Some(why) = (!bad).then(|| crate::text::too_long(key)).flatten() {
                let (l, c) = entry.at;
                problems.push(
                    Diagnostic::error(
                        Code::AddressTooLong,
                        format!(
                            "redirect '{}…' has {why}",
                            key.chars().take(40).collect::<String>()
                        ),
                    )
                    .at(file, l, c)
                    .help("shorten it: each part of an address is a folder name in the built site"),
                );
            }
            if bad {
                let (l, c) = entry.at;
                problems.push(
                    Diagnostic::error(
                        Code::Config,
                        format!("redirect '{key}' is not an old address inside the site"),
                    )
                    .at(file, l, c)
                    .help("write the old address from the site's root, as mdBook does: \"/old/chapter.html\" = \"new/chapter.html\", or a part of it: \"/chapter.html#old-part\" = \"chapter.html#new-part\""),
                );
            }
        }
    }
}

struct RedirectsVisitor;

impl<'de> Visitor<'de> for RedirectsVisitor {
    type Value = Redirects;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a table of \"/old/path.html\" = \"new/path.html\" entries")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Redirects, A::Error> {
        let mut raw = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            raw.push((key, map.next_value::<Spanned<String>>()?));
        }
        Ok(Redirects {
            raw,
            entries: Vec::new(),
        })
    }
}

impl<'de> serde::Deserialize<'de> for Redirects {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RedirectsVisitor)
    }
}
