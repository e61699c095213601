//! A view computed: the notes that pass the base's filters and the view's, sorted,
//! grouped, limited, each shown in the view's columns, with the summaries under them.

use super::eval::{self, Env, Unsupported, Value};
use super::notes::Notes;
use super::spec::{named, Base, Filter, Named, ViewSpec};
use super::{expr, render, Cell, View};
use crate::site::Site;

impl Site {
    /// The notes that pass a base's own filters, when they do not read `this` (and
    /// use nothing attune does not compute).
    pub(super) fn passing_base_filters(&self, notes: &Notes, base: &Base) -> Option<Vec<usize>> {
        let filters = base.filters.as_ref();
        if filters.is_some_and(filter_reads_this) {
            return None;
        }
        let mut env = Env {
            vault: notes,
            formulas: &base.formulas,
            row: 0,
            this: 0,
            locals: Vec::new(),
            depth: 0,
            steps: 0,
        };
        let mut rows = Vec::new();
        for row in notes.order() {
            env.row = row;
            if filters.map_or(Ok(true), |f| passes(&mut env, f)).ok()? {
                rows.push(row);
            }
        }
        Some(rows)
    }

    /// The rows of a view embedded in article `this`, or why it cannot be computed.
    pub(super) fn run_view(
        &self,
        notes: &Notes,
        base: &Base,
        spec: &ViewSpec,
        this: usize,
        kept: Option<&[usize]>,
    ) -> Result<View, String> {
        let kind = spec
            .kind
            .clone()
            .map_err(|kind| format!("is a `{kind}` view, which attune does not draw"))?;
        let unsupported = |u: Unsupported| format!("uses {}", u.0);
        let mut env = Env {
            vault: notes,
            formulas: &base.formulas,
            row: 0,
            this,
            locals: Vec::new(),
            depth: 0,
            steps: 0,
        };
        let mut rows: Vec<usize> = Vec::new();
        // The base's own filters, unless the notes passing them are known.
        let base_filters = kept
            .is_none()
            .then_some(&base.filters)
            .into_iter()
            .flatten();
        let filters: Vec<&Filter> = base_filters.chain(spec.filters.iter()).collect();
        let candidates: Box<dyn Iterator<Item = usize>> = match kept {
            Some(rows) => Box::new(rows.iter().copied()),
            None => Box::new(notes.order()),
        };
        for row in candidates {
            env.row = row;
            let keep = (filters.iter())
                .try_fold(true, |keep, f| Ok(keep && passes(&mut env, f)?))
                .map_err(unsupported)?;
            if keep {
                rows.push(row);
            }
        }
        // A column or sort of what a published page cannot know (`file.mtime`, when a
        // file was last changed) is left out, and reported; the notes stay shown. The
        // first note tells, once per property (the loops below compute the values): one
        // failing only for other notes still leaves the view out there, as does a limit
        // gone past (a circle of formulas).
        let mut unknown: Vec<String> = Vec::new();
        let mut knowable = |property: &str| {
            let found = rows.first().and_then(|&row| {
                env.row = row;
                notes.column(&mut env, property).err()
            });
            match found {
                None => Ok(true),
                Some(u) if !u.names_what() => Err(unsupported(u)),
                Some(Unsupported(why)) => {
                    if !unknown.contains(&why) {
                        unknown.push(why);
                    }
                    Ok(false)
                }
            }
        };
        let mut sort: Vec<&(String, bool)> = Vec::new();
        for key in &spec.sort {
            if knowable(&key.0)? {
                sort.push(key);
            }
        }
        let mut columns: Vec<String> = Vec::new();
        for property in &spec.order {
            if knowable(property)? {
                columns.push(property.clone());
            }
        }
        if spec.order.is_empty() {
            columns.push("file.name".to_string());
        }
        let mut value = |row: usize, property: &str| {
            env.row = row;
            notes.column(&mut env, property)
        };
        // Sorted by the group first, then by the view's sort, then by path.
        let mut keys: Vec<(usize, Vec<Value>)> = Vec::with_capacity(rows.len());
        for &row in &rows {
            let mut key = Vec::new();
            for (property, _) in spec.group_by.iter().chain(sort.iter().copied()) {
                key.push(value(row, property).map_err(unsupported)?);
            }
            keys.push((row, key));
        }
        let directions: Vec<bool> = (spec.group_by.iter().chain(sort.iter().copied()))
            .map(|(_, d)| *d)
            .collect();
        keys.sort_by(|(_, a), (_, b)| {
            a.iter()
                .zip(b)
                .zip(&directions)
                // Notes without the property come last either way.
                .map(|((x, y), &descending)| match (x, y) {
                    (Value::Null, _) | (_, Value::Null) => eval::order(x, y),
                    _ if descending => eval::order(y, x),
                    _ => eval::order(x, y),
                })
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        keys.truncate(spec.limit.unwrap_or(usize::MAX));
        let mut groups: Vec<(Option<Cell>, Vec<Vec<Cell>>)> = Vec::new();
        let mut shown: Vec<Vec<Value>> = vec![Vec::new(); columns.len()];
        let mut images = Vec::new();
        // A cards view's image: only a cards view draws one.
        let image = spec
            .image
            .as_ref()
            .filter(|_| kind == super::spec::Kind::Cards);
        for (row, key) in &keys {
            if let Some(property) = image {
                images.push(notes.image(&value(*row, property).map_err(unsupported)?));
            }
            let mut cells = Vec::with_capacity(columns.len());
            for (c, property) in columns.iter().enumerate() {
                let v = value(*row, property).map_err(unsupported)?;
                cells.push(notes.cell(&v));
                shown[c].push(v);
            }
            let group = spec.group_by.as_ref().map(|_| notes.cell(&key[0]));
            match groups.last_mut() {
                Some((g, rows)) if *g == group => rows.push(cells),
                _ => groups.push((group, vec![cells])),
            }
        }
        let mut summaries = vec![String::new(); columns.len()];
        for (property, summary) in &spec.summaries {
            if let Some(c) = columns.iter().position(|p| same_property(p, property)) {
                summaries[c] =
                    render::summary(&mut env, base, summary, &shown[c]).map_err(unsupported)?;
            }
        }
        if spec.summaries.is_empty() {
            summaries.clear();
        }
        Ok(View {
            kind,
            name: spec.name.clone(),
            columns: columns.iter().map(|p| base.display_name(p)).collect(),
            groups,
            summaries,
            images,
            unknown,
        })
    }
}

impl Base {
    /// A property's name in a view's header: its `displayName`, else the name itself.
    fn display_name(&self, property: &str) -> String {
        let found = (self.names.iter()).find(|(k, _)| same_property(k, property));
        match found {
            Some((_, name)) => name.clone(),
            None => match named(property) {
                Named::File("name") => "file name".into(),
                Named::File(_) => property.to_string(),
                Named::Note(key) | Named::Formula(key) => key.to_string(),
            },
        }
    }

    /// Whether a view's answer depends on the note that embeds it.
    pub(super) fn reads_this(&self, spec: &ViewSpec) -> bool {
        let filters = [&self.filters, &spec.filters].into_iter().flatten();
        filters.into_iter().any(filter_reads_this) || self.formulas.values().any(expr::reads_this)
    }
}

fn filter_reads_this(f: &Filter) -> bool {
    match f {
        Filter::Expr(e) => expr::reads_this(e),
        Filter::All(items) | Filter::Any(items) | Filter::None(items) => {
            items.iter().any(filter_reads_this)
        }
    }
}

/// Whether `property` and `other` name one property (`author` is `note.author`).
fn same_property(property: &str, other: &str) -> bool {
    named(property) == named(other)
}

fn passes(env: &mut Env, filter: &Filter) -> Result<bool, Unsupported> {
    Ok(match filter {
        Filter::Expr(e) => eval::truthy(&env.eval(e)?),
        Filter::All(items) => {
            for f in items {
                if !passes(env, f)? {
                    return Ok(false);
                }
            }
            true
        }
        Filter::Any(items) => {
            for f in items {
                if passes(env, f)? {
                    return Ok(true);
                }
            }
            items.is_empty()
        }
        Filter::None(items) => {
            for f in items {
                if passes(env, f)? {
                    return Ok(false);
                }
            }
            true
        }
    })
}

/// The view an embed names, else the base's first, with its index.
pub(super) fn pick_view<'b>(base: &'b Base, name: Option<&str>) -> Option<(usize, &'b ViewSpec)> {
    let views = base.views.iter().enumerate();
    match name {
        None => views.into_iter().next(),
        Some(name) => {
            let mut views = views;
            views
                .clone()
                .find(|(_, v)| v.name == name)
                .or_else(|| views.find(|(_, v)| v.name.to_lowercase() == name.to_lowercase()))
        }
    }
}
