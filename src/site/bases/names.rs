//! The note properties a vault's bases read (in filters, formulas, and a view's
//! columns, sort and groups): properties attune uses, so never "unknown" front
//! matter keys.

use super::expr::Expr;
use super::spec::{named, read, Base, Filter, Named};
use crate::markdown::BaseEmbed;
use std::collections::BTreeSet;
use std::path::Path;

/// The properties read by the bases the notes embed: every `.base` file of the
/// content folder `content` (any of them may be embedded by name) and each `base`
/// code block. Nothing when no note shows a base.
pub fn properties_read<'e>(
    content: &Path,
    embeds: impl Iterator<Item = &'e BaseEmbed>,
) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut any = false;
    for embed in embeds {
        any = true;
        if let Some(Ok(base)) = embed.source.as_deref().map(read) {
            base_names(&base, &mut names);
        }
    }
    if !any {
        return names;
    }
    for file in super::base_files(content) {
        let text = std::fs::read_to_string(content.join(&file)).unwrap_or_default();
        if let Ok(base) = read(&text) {
            base_names(&base, &mut names);
        }
    }
    names
}

fn base_names(base: &Base, names: &mut BTreeSet<String>) {
    let property = |p: &str| match named(p) {
        Named::Note(key) => Some(key.to_string()),
        Named::File(_) | Named::Formula(_) => None,
    };
    names.extend(base.names.keys().filter_map(|p| property(p)));
    for view in &base.views {
        let sorted = view.sort.iter().chain(&view.group_by).map(|(p, _)| p);
        let summed = view.summaries.iter().map(|(p, _)| p);
        let shown = view.order.iter().chain(sorted).chain(summed);
        names.extend(shown.filter_map(|p| property(p)));
        if let Some(f) = &view.filters {
            filter_names(f, names);
        }
    }
    if let Some(f) = &base.filters {
        filter_names(f, names);
    }
    for e in base.formulas.values().chain(base.summaries.values()) {
        expr_names(e, names);
    }
}

fn filter_names(f: &Filter, names: &mut BTreeSet<String>) {
    match f {
        Filter::Expr(e) => expr_names(e, names),
        Filter::All(items) | Filter::Any(items) | Filter::None(items) => {
            items.iter().for_each(|f| filter_names(f, names))
        }
    }
}

/// The properties an expression reads: bare names (`author`), `note.author`,
/// `note["author"]`, and the properties of `this` (`this.topics`).
fn expr_names(e: &Expr, names: &mut BTreeSet<String>) {
    const OWN: [&str; 8] = [
        "file", "note", "formula", "this", "value", "index", "acc", "values",
    ];
    match e {
        Expr::Name(n) if !OWN.contains(&n.as_str()) => {
            names.insert(n.clone());
        }
        Expr::Field(on, key) => match &**on {
            Expr::Name(n) if n == "this" && key == "file" => {}
            // `list(type)[0].asFile().properties.icon`: another note's property.
            Expr::Field(_, p) if p == "properties" => {
                names.insert(key.clone());
                expr_names(on, names);
            }
            Expr::Name(n) if n == "note" || n == "this" => {
                names.insert(key.clone());
            }
            _ => expr_names(on, names),
        },
        Expr::Index(on, key) => match (&**on, &**key) {
            (Expr::Name(n), Expr::Text(k)) if n == "note" => {
                names.insert(k.clone());
            }
            _ => {
                expr_names(on, names);
                expr_names(key, names);
            }
        },
        // A method's name is no property: what it is called on and with may be.
        Expr::Call(f, args) => {
            match &**f {
                Expr::Field(on, _) => expr_names(on, names),
                Expr::Name(_) => {}
                other => expr_names(other, names),
            }
            args.iter().for_each(|a| expr_names(a, names));
        }
        Expr::List(items) => items.iter().for_each(|i| expr_names(i, names)),
        Expr::Not(x) | Expr::Negate(x) => expr_names(x, names),
        Expr::Binary(_, a, b) => {
            expr_names(a, names);
            expr_names(b, names);
        }
        Expr::Name(_) | Expr::Null | Expr::Bool(_) | Expr::Number(_) | Expr::Text(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_properties_filters_formulas_and_views_read_are_named() {
        let base = read(
            r#"filters:
  and:
    - categories.contains(link("Books"))
    - '!file.name.contains("Template")'
    - note["reading status"] != "done"
formulas:
  ppu: (price / this.pages).toFixed(2)
  related: list(this.file.links).filter(value.isEmpty())
  icon: list(type)[0].asFile().properties.icon
properties:
  note.author: {displayName: Author}
  formula.ppu: {displayName: Price}
views:
  - type: table
    order: [file.name, year, note.genre, formula.ppu]
    sort: [{property: rating, direction: DESC}]
    groupBy: {property: shelf}
"#,
        )
        .unwrap_or_else(|e| panic!("{}", e.message));
        let mut names = BTreeSet::new();
        base_names(&base, &mut names);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "author",
                "categories",
                "genre",
                "icon",
                "pages",
                "price",
                "rating",
                "reading status",
                "shelf",
                "type",
                "year"
            ]
        );
    }
}
