//! Front matter that YAML reads but attune's keys do not: a property of the kind
//! Obsidian or a vault gives it (`aliases` holding a mapping, `title: [..]`, a date
//! with words after it, a Pokémon's `weight: {kg: 460}`), left out with a warning so
//! the rest of the note is read, as Obsidian opens such a note.

use super::front::read_front;
use super::spans::Step;
use super::FrontMatter;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::path::Path;

/// Obsidian properties attune reads only as names. Obsidian shows a value of another
/// kind (an alias written `- Opener: New Tab by Default`, which YAML reads as a mapping)
/// as a type mismatch and opens the note; so attune leaves the key out, with a warning.
const NAME_PROPERTIES: &[&str] = &["aliases", "alias", "tags", "tag"];

/// Date properties left out in the same way when they hold no date at all (`[2024]`, or
/// text such as `a.a. 2019/2020`, see `date_shaped`): Obsidian opens such a note, Quartz
/// publishes it undated. A date written wrongly (`date: 2024-13-01`) stays an error.
const DATE_PROPERTIES: &[&str] = &["date", "updated", "lastmod", "created"];

/// Text properties left out in the same way when they hold a list or a mapping
/// (`title: [Avoiding Pain]`, `title: ["[[The Socks Episode]]"]`, as an Obsidian
/// template writes it): Obsidian gives `title` no meaning of its own and opens the
/// note, titled by its file name, as attune then titles it.
const TEXT_PROPERTIES: &[&str] = &[
    "title",
    "summary",
    "description",
    "desc",
    "topic",
    "linkTitle",
];

/// Properties a vault or a theme uses for its own things, left out in the same way when
/// they hold what attune cannot read as its own: `weight` and `order` holding a list or
/// a mapping (a Pokémon's `weight: {kg: 460}`), `review` holding no mapping (a paper's
/// `review: to read`), `relations` holding other than lists of notes (Linode's docs
/// theme: `relations: {platform: {key: …}}`). Leaving a `review` out makes no review
/// claim; a misspelt number (`order: x`) or review (`status: aproved`) stays an error.
const OWN_PROPERTIES: &[&str] = &["weight", "order", "review", "relations"];

/// [`read_front`] of YAML front matter whose first line is `first_line`, with a
/// [`NAME_PROPERTIES`], [`DATE_PROPERTIES`], [`TEXT_PROPERTIES`] or [`OWN_PROPERTIES`]
/// key of another kind left out (and a warning) when that is all that keeps it from
/// being read.
pub(super) fn read_yaml_front(
    yaml: &str,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Result<(FrontMatter, Vec<Vec<Step>>), serde_yaml::Error> {
    let (mut front, ignored) = read_yaml_keys(yaml, first_line, file, diagnostics)?;
    // `alias`, the older key Obsidian and Quartz still read, names the note when it
    // has no `aliases` (Quartz takes the first of the two it finds).
    if front.aliases.is_empty() {
        front.aliases = std::mem::take(&mut front.alias);
    }
    Ok((front, ignored))
}

/// [`read_yaml_front`], each key read as written.
fn read_yaml_keys(
    yaml: &str,
    first_line: usize,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Result<(FrontMatter, Vec<Vec<Step>>), serde_yaml::Error> {
    let error = match read_front::<FrontMatter, _>(serde_yaml::Deserializer::from_str(yaml)) {
        Ok(read) => return Ok(read),
        Err(e) => e,
    };
    let Ok(serde_yaml::Value::Mapping(mut map)) = serde_yaml::from_str(yaml) else {
        return Err(error);
    };
    // Just the Docs orders pages by a `nav_order` written as text too (`nav_order:
    // "A"`), after those with a number: kept as such, and the rest read without it.
    let nav_key = match map.get("nav_order") {
        Some(text @ serde_yaml::Value::String(_)) => super::weight::weight(text)
            .is_err()
            .then(|| text.as_str().map(str::to_string))
            .flatten(),
        _ => None,
    };
    if nav_key.is_some() {
        map.remove("nav_order");
        let read = read_front::<FrontMatter, _>(serde_yaml::Value::Mapping(map.clone()));
        if let Ok((mut front, ignored)) = read {
            front.nav_key = nav_key;
            return Ok((front, ignored));
        }
    }
    let dates = DATE_PROPERTIES.iter().filter(|key| {
        map.get(**key)
            .is_some_and(|v| v.as_str().is_none_or(|t| !super::date::date_shaped(t)))
    });
    let texts = TEXT_PROPERTIES.iter().filter(|key| {
        map.get(**key).is_some_and(|v| {
            matches!(
                v,
                serde_yaml::Value::Sequence(_)
                    | serde_yaml::Value::Mapping(_)
                    | serde_yaml::Value::Tagged(_)
            )
        })
    });
    // Each key that cannot be read on its own is left out; the rest must then read.
    let wrong: Vec<&str> = NAME_PROPERTIES
        .iter()
        .chain(dates)
        .chain(texts)
        .chain(OWN_PROPERTIES.iter().filter(|key| {
            let mapping = matches!(map.get(**key), Some(serde_yaml::Value::Mapping(_)));
            let scalar = matches!(
                map.get(**key),
                Some(
                    serde_yaml::Value::Null
                        | serde_yaml::Value::Bool(_)
                        | serde_yaml::Value::Number(_)
                        | serde_yaml::Value::String(_)
                )
            );
            if **key == "review" {
                !mapping
            } else if **key == "relations" {
                // A mapping of lists may still hold the wrong thing: read alone below.
                true
            } else {
                !scalar
            }
        }))
        .copied()
        .filter(|key| {
            map.get(*key).is_some_and(|value| {
                let mut alone = serde_yaml::Mapping::new();
                alone.insert((*key).into(), value.clone());
                read_front::<FrontMatter, _>(serde_yaml::Value::Mapping(alone)).is_err()
            })
        })
        .collect();
    let mut without = map.clone();
    for key in &wrong {
        without.remove(*key);
    }
    if wrong.is_empty() {
        return Err(error);
    }
    let Ok(mut read) = read_front::<FrontMatter, _>(serde_yaml::Value::Mapping(without)) else {
        return Err(error);
    };
    read.0.nav_key = nav_key;
    for key in &wrong {
        // An empty list or mapping (`summary: []`, as Hugo Blox's starters write an
        // unused property) holds nothing to lose: left out without a word.
        let empty = match map.get(*key) {
            Some(serde_yaml::Value::Sequence(items)) => items.is_empty(),
            Some(serde_yaml::Value::Mapping(entries)) => entries.is_empty(),
            _ => false,
        };
        // `created`, which attune reads only where a note has no `date`, is left out
        // without a word when it holds no date (`created: Wednesday`), as an unknown
        // key would be once for the whole site.
        if empty || *key == "created" {
            continue;
        }
        let at = yaml
            .lines()
            .position(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')));
        let line = at.map_or(first_line, |n| first_line + n);
        // Its lines: the key's, then those indented or listed under it.
        let mut lines = yaml.lines().skip(at.unwrap_or(usize::MAX));
        let first = lines.next().into_iter();
        let under = lines.take_while(|l| l.starts_with([' ', '\t', '-']));
        let link = first.chain(under).find_map(super::yaml::unquoted_link_help);
        let (kind, write) = if NAME_PROPERTIES.contains(key) {
            ("names", "each entry as text, in quotes when it holds `: ` or starts with a sign such as `@` (`- \"Opener: New Tab\"`)")
        } else if TEXT_PROPERTIES.contains(key) {
            (
                "text",
                "it as one line of text, without brackets (`title: My title`),",
            )
        } else if *key == "relations" {
            (
                "lists of notes",
                "typed links as attune reads them (`relations: {effects: [other-note]}`, each name declared in book.toml), or give the theme's own key another name;",
            )
        } else if *key == "review" {
            (
                "a clinical review",
                "a review as a mapping (`review: {status: draft}`) as attune reads it, or give the vault's own property another name;",
            )
        } else if OWN_PROPERTIES.contains(key) {
            (
                "a number",
                "a whole number (`weight: 10`, the page's place in its list) as attune reads it, or give the vault's own property another name;",
            )
        } else {
            ("a date", "a date, `2024-01-31`,")
        };
        diagnostics.push(
            Diagnostic::warning(
                Code::FrontMatter,
                format!("front matter: `{key}` holds something other than {kind}, so it is left out"),
            )
            .at(file, line, 1)
            .help(if let Some(link) = link {
                format!("{link}; the note is published without its `{key}`")
            } else if OWN_PROPERTIES.contains(key) {
                format!("write {write} the note is published without its `{key}`")
            } else {
                format!("write {write} as Obsidian's properties expect; the note is published without its `{key}`")
            }),
        );
    }
    Ok(read)
}
