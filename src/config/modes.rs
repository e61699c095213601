//! The settings of `[build]` that say how strict a build is: what a missing note, a
//! reference that leads nowhere and another tool's syntax are, and which notes are pages.

use crate::diagnostic::{Diagnostic, Severity};
use serde::Deserialize;

/// How a wikilink to a note that does not exist is treated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MissingLinks {
    /// Plain text on the page and a warning, as in a vault with notes still to write.
    #[default]
    Warn,
    /// A build error.
    Error,
}

/// Which notes of the content folder are pages (`[build] publish`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishMode {
    /// Every note not held back (`draft: true`, `publish: false`…).
    All,
    /// Only the notes whose front matter says `publish: true`.
    Marked,
}

/// How a reference that leads nowhere is treated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BrokenLinks {
    /// A build error: nothing broken is ever published.
    #[default]
    Error,
    /// A warning, and the page is published without it: a link becomes its text, an
    /// image its alt text, a missing heading the top of its page.
    Warn,
}

impl BrokenLinks {
    /// `d`, the report of a reference that leads nowhere, as this setting makes it: in
    /// `warn`, a warning whose help says what the page shows (`shown`); in `error`, an
    /// error whose help also names the setting that publishes while it is fixed.
    pub fn report(self, d: Diagnostic, shown: &str) -> Diagnostic {
        match self {
            BrokenLinks::Warn => Diagnostic {
                severity: Severity::Warning,
                ..d.more_help(&format!("published {shown}"))
            },
            BrokenLinks::Error => d.more_help(
                "to publish while fixing, set `broken_links = \"warn\"` under [build] in book.toml",
            ),
        }
    }

    pub fn warns(self) -> bool {
        self == BrokenLinks::Warn
    }
}

/// How front matter that cannot be read is treated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InvalidFrontMatter {
    /// A build error: the note is not published until it reads.
    #[default]
    Error,
    /// Each property that cannot be read is left out with a warning and the note is
    /// published, as Obsidian opens it (see `load::front_recover`).
    Warn,
}

/// How another tool's template syntax in content is treated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnsupportedSyntax {
    /// Left out of the page, with a warning naming what to write instead, so a site
    /// brought from another tool builds while it is converted.
    #[default]
    Warn,
    /// A build error, for publishing where nothing may be left out.
    Error,
}
