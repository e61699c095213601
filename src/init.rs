//! `attune init`: a small working site to start from — book.toml and one sample
//! article per topic, linked to each other, that builds and checks cleanly.

use anyhow::{bail, Context as _, Result};
use std::path::Path;

const BOOK_TOML: &str = r#"# attune site configuration. Every key is documented in attune's README.

[site]
title = "My resource library"
description = "Plain-language articles on emotional health."
language = "en"
# base_url = "https://example.org/"   # set when you publish: used for sitemap, feed and link previews

[build]
missing_links = "error"   # a link to a page not written yet stops the build ("warn": plain text)
# static_dir = "static"   # Hugo, Zola: files copied to the site's root

[[topics]]
id = "patterns"
title = "Patterns"
description = "How experiences in childhood can shape us."

[[topics]]
id = "effects"
title = "Effects"
description = "How those patterns can show up in adult life."

[[topics]]
id = "healing"
title = "Healing"
description = "Approaches that can help."

[[topics]]
id = "tools"
title = "Tools"
description = "Exercises to try between sessions."

[[relations]]
name = "effects"
label = "Adult effects linked to this pattern"
inverse_label = "Often grows from"

[[relations]]
name = "approaches"
label = "Approaches that can help"
inverse_label = "Can help with"

[[relations]]
name = "tools"
label = "Tools to try"
inverse_label = "A tool for"

[safety]
crisis_text = "If you are in crisis or thinking about harming yourself, you deserve support right now."
crisis_links = [
  { label = "Call or text 988 (US)", href = "tel:988" },
  { label = "Samaritans 116 123 (UK and Ireland)", href = "tel:116123" },
]
emergency_text = "In immediate danger? Call your local emergency number."
disclaimer = "This site offers general information, not professional advice or treatment."

[review]
interval_months = 24
# true: an article that is not `review: { status: approved, ... }` stops the build.
require_approval = false

[readability]
max_grade = 8
"#;

const SAMPLES: &[(&str, &str)] = &[
    (
        "patterns/example-pattern.md",
        r#"---
title: An example pattern
summary: A sample article about a childhood pattern; replace it with your own.
tags: [example]
relations:
  effects: [example-effect]
author: Your name or organisation
review:
  status: draft
---

This is a sample article. Write in plain, warm language and link to related
articles, like the adult effect this pattern can lead to: [[example-effect]].

## What it looks like

Describe the pattern in everyday words.

## Why it matters

Explain how it can shape adult life, and point to [[example-approach]].
"#,
    ),
    (
        "effects/example-effect.md",
        r#"---
title: An example effect
summary: A sample article about an adult effect; replace it with your own.
tags: [example]
relations:
  approaches: [example-approach]
  tools: [example-tool]
author: Your name or organisation
review:
  status: draft
---

This sample describes how a pattern such as [[example-pattern]] can show up later.

## Signs you might notice

A short list helps readers recognise themselves:

- one sign
- another sign
"#,
    ),
    (
        "healing/example-approach.md",
        r#"---
title: An example approach
summary: A sample article about a therapy or approach; replace it with your own.
tags: [example]
relations:
  tools: [example-tool]
author: Your name or organisation
review:
  status: draft
---

Describe what the approach is, what a session is like, and who it may suit.
Readers coming from [[example-effect]] will want to know what could help.
"#,
    ),
    (
        "tools/example-tool.md",
        r#"---
title: An example tool
summary: A sample exercise a reader can try; replace it with your own.
tags: [example]
handout: true
author: Your name or organisation
review:
  status: draft
---

Tools are short, practical exercises. This one is linked from [[example-approach]].

> [!EXERCISE] A one-minute pause
> 1. Put both feet on the floor.
> 2. Notice three things you can see.
> 3. Take one slow breath out.
"#,
    ),
];

/// What a new site's `.gitignore` holds: the built site (`public/`, the default
/// `output_dir`) and what a build keeps beside it while it replaces it in one step —
/// the staging folder it writes into, the previous output during the swap and the
/// lock file (see "Atomic output" in the README).
pub const GITIGNORE: &[&str] = &[
    "/public/",
    "/.public.attune-staging/",
    "/.public.attune-old/",
    "/.public.attune-lock",
];

const GITIGNORE_HEADER: &str =
    "# attune: the built site, and the staging folder, previous output and lock file a build keeps beside it";

/// What `attune init` did about `.gitignore`.
#[derive(Debug, PartialEq, Eq)]
pub enum Gitignore {
    /// There was none: it was written.
    Created,
    /// There was one: these lines were added at its end.
    Appended(Vec<&'static str>),
    /// There was one that ignores all of it already: it was left alone.
    Unchanged,
}

/// Creates a new site in `dir`, refusing to overwrite an existing one. Returns what
/// it did about `.gitignore`.
pub fn init(dir: &Path) -> Result<Gitignore> {
    if dir.join("book.toml").exists() {
        bail!(
            "{} already has a book.toml; not overwriting it",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    std::fs::write(dir.join("book.toml"), BOOK_TOML)
        .with_context(|| format!("writing {}/book.toml", dir.display()))?;
    for (path, text) in SAMPLES {
        let full = dir.join("content").join(path);
        if full.exists() {
            continue;
        }
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&full, text).with_context(|| format!("writing {}", full.display()))?;
    }
    write_gitignore(&dir.join(".gitignore"))
}

/// Writes `.gitignore` at `path`, or adds to an existing one the lines of
/// [`GITIGNORE`] it lacks; never removes or rewrites a line.
fn write_gitignore(path: &Path) -> Result<Gitignore> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let Some(existing) = existing else {
        let text = format!("{GITIGNORE_HEADER}\n{}\n", GITIGNORE.join("\n"));
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
        return Ok(Gitignore::Created);
    };
    // `public`, `public/`, `/public` and `/public/` all ignore the folder at the root.
    let bare = |line: &str| line.trim().trim_matches('/').to_string();
    let present: Vec<String> = existing.lines().map(bare).collect();
    let missing: Vec<&'static str> = GITIGNORE
        .iter()
        .copied()
        .filter(|line| !present.contains(&bare(line)))
        .collect();
    if missing.is_empty() {
        return Ok(Gitignore::Unchanged);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(GITIGNORE_HEADER);
    text.push('\n');
    for line in &missing {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    Ok(Gitignore::Appended(missing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gitignore_is_written_completed_or_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".gitignore");
        assert_eq!(write_gitignore(&path).unwrap(), Gitignore::Created);
        let written = std::fs::read_to_string(&path).unwrap();
        for line in GITIGNORE {
            assert!(written.lines().any(|l| l == *line), "{line} in {written}");
        }
        assert_eq!(write_gitignore(&path).unwrap(), Gitignore::Unchanged);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), written);

        // A user's own file keeps every line; only what it lacks is added.
        std::fs::write(&path, "target\npublic/\n*.log").unwrap();
        assert_eq!(
            write_gitignore(&path).unwrap(),
            Gitignore::Appended(GITIGNORE[1..].to_vec())
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("target\npublic/\n*.log\n# attune"),
            "{text}"
        );
        assert!(text.lines().all(|l| l != "/public/"), "{text}");
        assert!(text.ends_with("/.public.attune-lock\n"), "{text}");
    }
}
