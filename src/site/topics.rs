//! The topic a page's front matter names (`topic:`), read where book.toml gives no
//! `[[topics]]`.

use crate::diagnostic::Diagnostics;
use std::path::Path;

/// With no `[[topics]]` in book.toml, `topic:` in front matter names a topic when it is
/// one: a top-level folder's name, in any case and spacing (`topic: Adult Effects`), or,
/// outside an Obsidian vault or Quartz garden, an id (`topic: coping`). Anything else
/// (a title, `topic: "Annuities / Cash Flows"`, or in a vault a property of its own
/// that names no folder) is the note's own property: Obsidian and Quartz place a note
/// by its folder alone, so it stays in its folder's topic, with a warning at the value.
/// `[front_matter] allow = ["topic"]` (`quiet`) says the property is meant so: no warning.
pub(super) fn read_topics(
    sources: &mut [crate::load::Source],
    vault: bool,
    quiet: bool,
    diagnostics: &mut Diagnostics,
) {
    let top = |rel: &Path| {
        let mut parts = rel.components();
        let first = parts.next()?;
        parts
            .next()
            .map(|_| crate::text::slugify(&first.as_os_str().to_string_lossy()))
    };
    let folders: std::collections::HashSet<String> =
        sources.iter().filter_map(|s| top(&s.rel)).collect();
    for source in sources.iter_mut() {
        let Some(written) = source.front.topic.clone() else {
            continue;
        };
        let id = crate::text::slugify(&written);
        if folders.contains(&id) || (!vault && !id.is_empty() && id == written) {
            source.topic = Some(id);
            continue;
        }
        source.topic = top(&source.rel);
        if quiet {
            continue;
        }
        let spans = crate::load::Spans::front_matter(&source.text);
        let key = [crate::load::Step::key("topic")];
        let (line, column) = spans
            .value(&key)
            .or_else(|| spans.key(&key))
            .unwrap_or((1, 1));
        let stays = match &source.topic {
            Some(topic) => format!("the note stays in its folder's topic '{topic}'"),
            None => "the note stays a page of its own at the content root".to_string(),
        };
        let kind = if vault {
            "no top-level folder"
        } else {
            "no top-level folder and is no id"
        };
        diagnostics.push(
            crate::diagnostic::Diagnostic::warning(
                crate::diagnostic::Code::UnknownTopic,
                format!("topic '{written}' names {kind}: read as the note's own property, {stays}"),
            )
            .at(&source.path, line, column)
            .help("a note's topic is its top-level folder: to move the note, move its file; to keep the property as it is, `[front_matter] allow = [\"topic\"]` silences this")
            // A vault's own `topic:` property, in hundreds of notes: one warning.
            .family("notes whose `topic` names no top-level folder"),
        );
    }
}
