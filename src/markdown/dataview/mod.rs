//! Dataview's inline queries in an Obsidian vault: a code span opening with `=`
//! (`` `= this.Name` ``, `` `=this.traditions` ``) is a query Obsidian shows the answer
//! of. What the note itself holds is known without Dataview: its properties (front
//! matter, and inline fields written `key:: value`, `[key:: value]`, `(key:: value)`)
//! and its file's name, with arithmetic and the functions that read only their
//! arguments ([`eval`]). Such a query is replaced by its answer, as Markdown, before the
//! text is parsed, so a heading `` ## `= this.Name` `` titles the note with the name.
//! A query that needs other notes, links or dates (and any `$=` DataviewJS query) stays
//! code, as Obsidian Publish and Quartz show every query, with a warning at its place.
//! A code span that is no expression at all (`` `==` ``) is code about code: left alone.

mod eval;

use super::expand::{Article, Expanded, Splice};
use crate::diagnostic::{Code, Diagnostic};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_yaml::{Mapping, Value as Yaml};

/// `text` with the inline queries a note can answer filled in; `None` when it holds none.
pub(super) fn fill(
    text: &str,
    article: &Article,
    options: Options,
    out: &mut Expanded,
) -> Option<String> {
    let mut properties = None;
    let path = article.content.map_or_else(
        || article.file.to_string_lossy().replace('\\', "/"),
        |(_, _, rel)| rel.to_string_lossy().replace('\\', "/"),
    );
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut tables = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let code = match event {
            Event::Start(Tag::Table(_)) => {
                tables += 1;
                continue;
            }
            Event::End(TagEnd::Table) => {
                tables = tables.saturating_sub(1);
                continue;
            }
            Event::Code(code) => code,
            _ => continue,
        };
        let query = code.trim();
        let diagnostic = if query.starts_with("$=") {
            Diagnostic::warning(
                Code::UnsupportedSyntax,
                format!("DataviewJS inline query `{query}` is shown as code: attune runs no JavaScript in content"),
            )
            .help("write its answer in the text; Obsidian Publish and Quartz show it as code too")
            .family("DataviewJS inline queries")
        } else if let Some(expression) = query.strip_prefix('=') {
            let properties = properties
                .get_or_insert_with(|| own_properties(article.front_matter, text, options));
            let this = eval::This {
                properties,
                path: &path,
            };
            match eval::evaluate(expression, &this) {
                Ok(answer) => {
                    splice.copy(copied..range.start);
                    splice.insert(&inline(&answer, tables > 0), range.start);
                    copied = range.end;
                    continue;
                }
                Err(eval::Eval::NotAnExpression) => continue,
                Err(eval::Eval::Unknown) => Diagnostic::warning(
                    Code::UnsupportedSyntax,
                    format!("Dataview inline query `{query}` is shown as code: only what the note itself holds is filled in"),
                )
                .help("a query of the note's own properties and inline fields (`= this.name`, with `+`, `choice`, `length`, `default`, …) is answered; one of other notes, links or dates needs Dataview, which Obsidian Publish and Quartz do not run either: write its answer in the text"),
            }
        } else {
            continue;
        };
        let (line, column) = out.position(article, &out.maps, range.start);
        out.diagnostics
            .push(diagnostic.at(article.file.to_path_buf(), line, column));
    }
    if copied == 0 {
        return None;
    }
    splice.copy(copied..text.len());
    out.maps.0.push(splice.map);
    Some(splice.out)
}

/// Outside a vault a code span is code; one that reads as a Dataview query of the note
/// itself (`` `=this.name` ``, `` `= this.Name` ``) is reported once per note, as a
/// vault's repository often leaves its `.obsidian/` folder out (`.gitignore`).
pub(super) fn outside_a_vault(text: &str, article: &Article, options: Options, out: &mut Expanded) {
    let first = Parser::new_ext(text, options)
        .into_offset_iter()
        .find_map(|(event, range)| match event {
            Event::Code(code) => {
                let query = code.trim();
                let expression = query.strip_prefix('=')?.trim_start();
                expression
                    .starts_with("this.")
                    .then(|| (query.to_string(), range.start))
            }
            _ => None,
        });
    let Some((query, at)) = first else { return };
    let (line, column) = out.position(article, &out.maps, at);
    out.diagnostics.push(
        Diagnostic::warning(
            Code::UnsupportedSyntax,
            format!("`{query}` reads as a Dataview inline query, but the content is not an Obsidian vault: it is shown as code"),
        )
        .at(article.file.to_path_buf(), line, column)
        .help("a vault has a `.obsidian/` folder in the content folder or the site's folder (a repository often leaves it out), or Obsidian Publish's `publish.css` at its root, or notes written in Obsidian's syntax (`![[embeds]]`, `[[Notes by name]]`); in a vault, the note's own queries are answered as Obsidian shows them"),
    );
}

/// An answer as inline Markdown in the query's place: its lines joined with spaces (a
/// query answers inside its line), and in a table row its `|` escaped, so the row keeps
/// its cells.
fn inline(answer: &str, in_table: bool) -> String {
    let joined = if answer.contains('\n') {
        answer.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        answer.trim().to_string()
    };
    if !in_table {
        return joined;
    }
    let mut escaped = String::with_capacity(joined.len());
    let mut backslash = false;
    for c in joined.chars() {
        if c == '|' && !backslash {
            escaped.push('\\');
        }
        backslash = c == '\\' && !backslash;
        escaped.push(c);
    }
    escaped
}

/// The note's properties: its YAML front matter's, then its inline fields' (a key the
/// front matter has keeps the front matter's value).
fn own_properties(front_matter: &str, body: &str, options: Options) -> Mapping {
    let mut properties = front_matter
        .strip_prefix("---")
        .and_then(|rest| {
            let rest = rest.trim_start_matches([' ', '\t']);
            let rest = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix('\n'))?;
            let end = rest
                .rfind("\n---")
                .or_else(|| rest.rfind("\n..."))
                .unwrap_or(rest.len());
            serde_yaml::from_str::<Mapping>(&rest[..end]).ok()
        })
        .unwrap_or_default();
    for (key, value) in inline_fields(body, options) {
        let key = Yaml::String(key);
        if !properties.contains_key(&key) {
            let value = value
                .parse::<f64>()
                .map(|n| Yaml::Number(n.into()))
                .unwrap_or(Yaml::String(value));
            properties.insert(key, value);
        }
    }
    properties
}

/// Dataview's inline fields in `body`'s text (not in code): a line `key:: value` (in a
/// list item or quote too), and `[key:: value]` or `(key:: value)` within a line.
fn inline_fields(body: &str, options: Options) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    if !crate::text::holds(body, "::") {
        return fields;
    }
    let literal = super::expand::literal_ranges(body, options);
    let key_ok = |k: &str| {
        !k.is_empty() && k.len() <= 64 && !k.contains(['`', '[', ']', '(', ')', ':', '*', '#'])
    };
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        let at = start;
        start += line.len();
        if !line.contains("::")
            || super::expand::inside(&literal, at + line.len() - line.trim_start().len())
        {
            continue;
        }
        let whole = line
            .trim()
            .trim_start_matches(['>', ' '])
            .trim_start_matches(|c: char| c.is_ascii_digit());
        let whole = ["- ", "* ", "+ ", ". ", ") "]
            .iter()
            .find_map(|m| whole.strip_prefix(m))
            .unwrap_or(whole);
        if let Some((key, value)) = whole.split_once("::") {
            if key_ok(key.trim()) {
                fields.push((key.trim().to_string(), value.trim().to_string()));
                continue;
            }
        }
        for (open, close) in [('[', ']'), ('(', ')')] {
            let mut rest = whole;
            while let Some(at) = rest.find(open) {
                rest = &rest[at + 1..];
                let Some(end) = rest.find(close) else { break };
                if let Some((key, value)) = rest[..end].split_once("::") {
                    if key_ok(key.trim()) {
                        fields.push((key.trim().to_string(), value.trim().to_string()));
                    }
                }
                rest = &rest[end..];
            }
        }
    }
    fields
}
