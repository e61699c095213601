//! The data files beside the articles: the glossary (`glossary.yaml`), the bibliography
//! (`references.yaml`) and reading paths (`paths/*.yaml`).

use super::spans::{Spans, Step};
use super::yaml::parse_yaml;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub definition: String,
    /// Slug of the article explaining the term at length.
    #[serde(default)]
    pub article: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    #[serde(default = "default_kind")]
    pub kind: ReferenceKind,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub year: Option<Year>,
    pub title: String,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceKind {
    Book,
    Article,
    Chapter,
    Website,
    Organisation,
}

fn default_kind() -> ReferenceKind {
    ReferenceKind::Book
}

impl ReferenceKind {
    pub fn heading(self) -> &'static str {
        match self {
            Self::Book => "Books",
            Self::Article => "Articles",
            Self::Chapter => "Chapters",
            Self::Website => "Websites",
            Self::Organisation => "Organisations",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Year {
    Number(i64),
    Text(String),
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Year::Number(n) => write!(f, "{n}"),
            Year::Text(t) => f.write_str(t),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathFile {
    pub title: String,
    /// Where the path comes in lists of paths: lower first; paths without one follow,
    /// by file name.
    #[serde(default)]
    pub order: Option<i64>,
    #[serde(default)]
    pub audience: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    pub steps: Vec<PathStep>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathStep {
    pub slug: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A reading path with its id (the file stem) and where it was read from.
#[derive(Debug, Clone)]
pub struct ReadingPath {
    pub id: String,
    pub file: PathBuf,
    pub text: String,
    pub path: PathFile,
}

/// A YAML mapping read as its entries in order, duplicates kept (a map type would
/// silently keep only one of them).
struct Entries<T>(Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of keys to entries")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, T>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(Entries(Vec::new()))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// The bibliography from `references.yaml`: each key once; a key defined again is an
/// error at its second definition, and the first one is kept.
pub(super) fn read_references(
    text: &str,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, Reference> {
    let entries: Vec<(String, Reference)> =
        parse_yaml::<Entries<Reference>>(text, file, diagnostics)
            .map(|e| e.0)
            .unwrap_or_default();
    let mut seen = std::collections::BTreeSet::new();
    let mut spans = None;
    for (n, (key, _)) in entries.iter().enumerate() {
        if !seen.insert(key.as_str()) {
            let occurrence = entries[..n].iter().filter(|(k, _)| k == key).count();
            let spans = spans.get_or_insert_with(|| Spans::yaml(text, 1));
            let places = spans.all(&[Step::key(key)]);
            let at = |i: usize| places.get(i).or(places.first()).map_or((1, 1), |p| p.key);
            let (l1, c1) = at(0);
            let (l, c) = at(occurrence);
            diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateReference,
                    format!("reference key '{key}' is defined twice: here and at line {l1}"),
                )
                .at(file, l, c)
                .related(file, l1, c1, format!("'{key}' is first defined here"))
                .help("give each reference its own key, or remove one"),
            );
        }
    }
    let mut references = BTreeMap::new();
    for (key, reference) in entries {
        references.entry(key).or_insert(reference);
    }
    references
}
