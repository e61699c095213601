//! A `.base` file (or a `base` code block) read: its filters, formulas, property
//! names, summaries and views, as Obsidian's "Bases syntax" defines them. Every
//! expression is read here, so one that is no expression is reported once, naming it.

use super::expr::{parse, Expr};
use serde_yaml::{Mapping, Value as Yaml};
use std::collections::HashMap;

/// A condition on a note: an expression, or `and`/`or`/`not` of conditions.
#[derive(Debug, Clone)]
pub enum Filter {
    Expr(Expr),
    All(Vec<Filter>),
    Any(Vec<Filter>),
    /// `not`: none of them holds.
    None(Vec<Filter>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Table,
    List,
    Cards,
}

/// A property a view shows, sorts or groups by, as written (`file.name`,
/// `note.author`, `author`, `formula.ppu`).
pub type Property = String;

/// What a property id names, read in one place for columns, sorts, groups, display
/// names and the properties bases read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named<'p> {
    Note(&'p str),
    File(&'p str),
    Formula(&'p str),
}

/// `note.author` and `author` are the note's `author`, `file.name` a file field,
/// `formula.ppu` a formula; an id with another prefix (`my.key`) is a note property.
pub fn named(id: &str) -> Named<'_> {
    match id.split_once('.') {
        Some(("note", key)) => Named::Note(key),
        Some(("file", key)) => Named::File(key),
        Some(("formula", key)) => Named::Formula(key),
        _ => Named::Note(id),
    }
}

#[derive(Debug, Clone)]
pub struct ViewSpec {
    /// `table`, `list`, `cards`, or a kind attune does not draw (`map`, a plugin's).
    pub kind: Result<Kind, String>,
    pub name: String,
    pub filters: Option<Filter>,
    pub order: Vec<Property>,
    /// Each property with `true` for descending.
    pub sort: Vec<(Property, bool)>,
    pub group_by: Option<(Property, bool)>,
    pub limit: Option<usize>,
    /// Property → the summary shown under its column (`Average`, a custom one's name).
    pub summaries: Vec<(Property, String)>,
    /// The property whose image a cards view shows on each card (`file.file`, `cover`).
    pub image: Option<Property>,
}

#[derive(Debug, Clone, Default)]
pub struct Base {
    pub filters: Option<Filter>,
    pub formulas: HashMap<String, Expr>,
    /// Property → its display name.
    pub names: HashMap<String, String>,
    /// Custom summaries: name → expression over `values`.
    pub summaries: HashMap<String, Expr>,
    pub views: Vec<ViewSpec>,
}

/// Why a base cannot be read: the message, and the text it is about (to find its line).
pub struct Unreadable {
    pub message: String,
    pub near: Option<String>,
    pub line: Option<usize>,
}

/// Reads the base written in `text`.
pub fn read(text: &str) -> Result<Base, Unreadable> {
    let yaml: Yaml = serde_yaml::from_str(text).map_err(|e| Unreadable {
        line: e.location().map(|l| l.line()),
        message: format!(
            "its YAML cannot be read: {}",
            without_position(&e.to_string())
        ),
        near: None,
    })?;
    let root = match yaml {
        Yaml::Mapping(m) => m,
        Yaml::Null => Mapping::new(),
        _ => {
            return Err(plain(
                "it is no YAML mapping of `filters`, `formulas` and `views`",
            ))
        }
    };
    let mut base = Base {
        filters: root.get("filters").map(filter).transpose()?,
        ..Base::default()
    };
    for (name, value) in entries(root.get("formulas")) {
        base.formulas.insert(name, expression(&text_of(value))?);
    }
    for (name, value) in entries(root.get("summaries")) {
        base.summaries.insert(name, expression(&text_of(value))?);
    }
    for (property, value) in entries(root.get("properties")) {
        if let Some(shown) = value.get("displayName").map(text_of) {
            base.names.insert(property, shown);
        }
    }
    if let Some(Yaml::Sequence(views)) = root.get("views") {
        for (n, v) in views.iter().enumerate() {
            base.views.push(view(v, n)?);
        }
    }
    Ok(base)
}

fn view(v: &Yaml, n: usize) -> Result<ViewSpec, Unreadable> {
    let kind = match v.get("type").map(text_of).as_deref() {
        Some("table") | None => Ok(Kind::Table),
        Some("list") => Ok(Kind::List),
        Some("cards") => Ok(Kind::Cards),
        Some(other) => Err(other.to_string()),
    };
    let property_and_direction = |p: &Yaml| {
        let property = p.get("property").map(text_of)?;
        let descending = p
            .get("direction")
            .is_some_and(|d| text_of(d).eq_ignore_ascii_case("desc"));
        Some((property, descending))
    };
    let list = |key: &str| -> Vec<Yaml> {
        match v.get(key) {
            Some(Yaml::Sequence(items)) => items.clone(),
            _ => Vec::new(),
        }
    };
    Ok(ViewSpec {
        kind,
        name: v
            .get("name")
            .map(text_of)
            .unwrap_or_else(|| format!("View {}", n + 1)),
        filters: v.get("filters").map(filter).transpose()?,
        order: list("order").iter().map(text_of).collect(),
        sort: list("sort")
            .iter()
            .filter_map(property_and_direction)
            .collect(),
        group_by: v.get("groupBy").and_then(property_and_direction),
        limit: v
            .get("limit")
            .and_then(Yaml::as_u64)
            .map(|l| l.min(usize::MAX as u64) as usize),
        summaries: entries(v.get("summaries"))
            .map(|(p, s)| (p, text_of(s)))
            .collect(),
        image: v.get("image").map(text_of).filter(|p| !p.is_empty()),
    })
}

fn filter(v: &Yaml) -> Result<Filter, Unreadable> {
    let Yaml::Mapping(m) = v else {
        return expression(&text_of(v)).map(Filter::Expr);
    };
    let Some((key, items)) = m.iter().next() else {
        return Ok(Filter::All(Vec::new()));
    };
    let items: Vec<Filter> = match items {
        Yaml::Sequence(items) => items.iter().map(filter).collect::<Result<_, _>>()?,
        one => vec![filter(one)?],
    };
    match text_of(key).as_str() {
        "and" => Ok(Filter::All(items)),
        "or" => Ok(Filter::Any(items)),
        "not" => Ok(Filter::None(items)),
        other => Err(plain(&format!(
            "a filter holds `{other}:`, where `and`, `or` or `not` goes"
        ))),
    }
}

fn expression(text: &str) -> Result<Expr, Unreadable> {
    parse(text).map_err(|why| Unreadable {
        message: format!("`{text}` cannot be read: {why}"),
        near: Some(text.to_string()),
        line: None,
    })
}

fn plain(message: &str) -> Unreadable {
    Unreadable {
        message: message.to_string(),
        near: None,
        line: None,
    }
}

/// A mapping's keys and values, the keys as text.
fn entries(v: Option<&Yaml>) -> impl Iterator<Item = (String, &Yaml)> {
    let map = match v {
        Some(Yaml::Mapping(m)) => Some(m),
        _ => None,
    };
    map.into_iter().flatten().map(|(k, v)| (text_of(k), v))
}

/// A scalar as its text (`true`, `2`, `done`).
pub fn text_of(v: &Yaml) -> String {
    match v {
        Yaml::String(s) => s.clone(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// serde_yaml's message without the "at line …" it ends with (the report names it).
fn without_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obsidians_own_example_reads() {
        let base = read(
            r#"
filters:
  or:
    - file.hasTag("tag")
    - and:
        - file.hasTag("book")
        - file.hasLink("Textbook")
    - not:
        - file.hasTag("book")
        - file.inFolder("Required Reading")
formulas:
  formatted_price: 'if(price, price.toFixed(2) + " dollars")'
  ppu: "(price / age).toFixed(2)"
properties:
  status:
    displayName: Status
summaries:
  customAverage: 'values.mean().round(3)'
views:
  - type: table
    name: "My table"
    limit: 10
    groupBy:
      property: note.age
      direction: DESC
    filters:
      and:
        - 'status != "done"'
    order:
      - file.name
      - formula.ppu
    summaries:
      formula.ppu: Average
  - type: map
    name: Places
"#,
        )
        .unwrap_or_else(|e| panic!("{}", e.message));
        assert!(matches!(&base.filters, Some(Filter::Any(items)) if items.len() == 3));
        assert_eq!(base.formulas.len(), 2);
        assert_eq!(base.names["status"], "Status");
        let table = &base.views[0];
        assert_eq!(table.kind, Ok(Kind::Table));
        assert_eq!((table.name.as_str(), table.limit), ("My table", Some(10)));
        assert_eq!(table.group_by, Some(("note.age".into(), true)));
        assert_eq!(table.order, ["file.name", "formula.ppu"]);
        assert_eq!(table.summaries, [("formula.ppu".into(), "Average".into())]);
        assert_eq!(base.views[1].kind, Err("map".into()));
    }

    #[test]
    fn a_base_that_cannot_be_read_says_where_and_why() {
        let e = read("views:\n  - type: table\n    filters: 'a ~ b'\n")
            .err()
            .unwrap();
        assert_eq!(e.near.as_deref(), Some("a ~ b"));
        assert!(e.message.contains("`~`"), "{}", e.message);
        let e = read("views: [\n").err().unwrap();
        assert_eq!(e.line, Some(2));
        assert!(read("filters:\n  nor:\n    - x\n").is_err());
    }
}
