//! The value of a Bases expression ([`super::expr`]) for one note of the vault, as
//! Obsidian computes it: properties from the note's front matter (`[[Note]]` in them
//! is a link), the file's fields (`file.name`, `file.tags`, `file.links`, …), the
//! base's formulas, and the functions and methods of Obsidian's reference whose
//! answer the vault's text gives. What depends on the moment a page is read or on
//! the file system (`now()`, `file.mtime`, dates), or draws an icon, is
//! [`Unsupported`]: the view is then left out rather than shown wrong.

use super::expr::{Expr, Op};
use std::cmp::Ordering;
use std::collections::HashMap;

/// A value an expression has.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    Object(Vec<(String, Value)>),
    /// A link: to a note of the vault (`target`), or to what `path` names.
    Link {
        target: Option<usize>,
        path: String,
        display: Option<String>,
    },
    /// A note of the vault.
    File(usize),
}

/// What an expression uses that attune does not compute (a function's name, a field).
#[derive(Debug, Clone, PartialEq)]
pub struct Unsupported(pub String);

impl Unsupported {
    /// Whether it names a function, method or field attune does not compute
    /// (`` `now()` ``, `` `file.mtime` ``), rather than a limit a hostile base went past
    /// (steps, depth, length), which every such report says in words.
    pub fn names_what(&self) -> bool {
        self.0.starts_with('`')
    }
}

type Answer = Result<Value, Unsupported>;

/// What the vault tells an expression about its notes.
pub trait Vault {
    /// The note's front matter, each key with its value.
    fn properties(&self, note: usize) -> &[(String, Value)];
    /// `file.name`, `file.path`, `file.tags`, `file.links`, …: `None` for no such field.
    fn file_field(&self, note: usize, field: &str) -> Option<Value>;
    /// Whether `note` links to `to`.
    fn links_to(&self, note: usize, to: usize) -> bool;
    /// The note a name (or path) written in `from` finds.
    fn find(&self, from: usize, name: &str) -> Option<usize>;
}

/// Where an expression is computed: for which note (`row`), embedded where (`this`).
pub struct Env<'a> {
    pub vault: &'a dyn Vault,
    pub formulas: &'a HashMap<String, Expr>,
    pub row: usize,
    pub this: usize,
    /// `value`, `index`, `acc` in a list's `filter`/`map`/`reduce`; `values` in a summary.
    pub locals: Vec<(&'static str, Value)>,
    /// How deep formulas call formulas, so a circle of them ends.
    pub depth: usize,
    /// How many expressions were evaluated: a view's work is bounded.
    pub steps: usize,
}

const MAX_DEPTH: usize = 16;

/// The most expressions one view evaluates, and list items it copies (nested `map`s
/// over every note's links could otherwise run for hours, or fill the memory).
const MAX_STEPS: usize = 10_000_000;

/// The longest text, and the longest list, a value may be: `reduce(acc + acc, …)`
/// doubles one for each note.
pub const MAX_LENGTH: usize = 1_000_000;

impl Env<'_> {
    pub fn eval(&mut self, expr: &Expr) -> Answer {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err(Unsupported(format!(
                "more than {MAX_STEPS} steps of computation"
            )));
        }
        Ok(match expr {
            Expr::Null => Value::Null,
            Expr::Bool(b) => Value::Bool(*b),
            Expr::Number(n) => Value::Number(*n),
            Expr::Text(s) => Value::Text(s.clone()),
            Expr::List(items) => Value::List(
                items
                    .iter()
                    .map(|e| self.eval(e))
                    .collect::<Result<_, _>>()?,
            ),
            Expr::Name(name) => self.name(name)?,
            Expr::Field(on, field) => match &**on {
                Expr::Name(n) if n == "formula" && !self.is_local(n) => self.formula(field)?,
                Expr::Name(n) if n == "note" && !self.is_local(n) => self.property(self.row, field),
                _ => {
                    let value = self.eval(on)?;
                    self.field(value, field)?
                }
            },
            Expr::Index(on, index) => {
                let index = self.eval(index)?;
                match (&**on, index) {
                    (Expr::Name(n), Value::Text(key)) if n == "note" && !self.is_local(n) => {
                        self.property(self.row, &key)
                    }
                    (Expr::Name(n), Value::Text(key)) if n == "formula" && !self.is_local(n) => {
                        self.formula(&key)?
                    }
                    (_, Value::Number(i)) => match self.eval(on)? {
                        Value::List(items) => at(items, i),
                        Value::Text(s) => at(s.chars().map(|c| Value::Text(c.into())).collect(), i),
                        _ => Value::Null,
                    },
                    (_, Value::Text(key)) => {
                        let value = self.eval(on)?;
                        self.field(value, &key)?
                    }
                    _ => Value::Null,
                }
            }
            Expr::Call(callee, args) => match &**callee {
                Expr::Name(f) => self.function(f, args)?,
                Expr::Field(on, method) => {
                    let value = self.eval(on)?;
                    self.method(value, method, args)?
                }
                _ => return Err(Unsupported("a call of a computed function".into())),
            },
            Expr::Not(e) => Value::Bool(!truthy(&self.eval(e)?)),
            Expr::Negate(e) => match self.eval(e)? {
                Value::Number(n) => Value::Number(-n),
                _ => Value::Null,
            },
            Expr::Binary(op, left, right) => self.binary(*op, left, right)?,
        })
    }

    pub(super) fn is_local(&self, name: &str) -> bool {
        self.locals.iter().any(|(n, _)| *n == name)
    }

    fn name(&mut self, name: &str) -> Answer {
        if let Some((_, v)) = self.locals.iter().rev().find(|(n, _)| *n == name) {
            // Copying a list is a step per item: `values.map(values)` is bounded.
            if let Value::List(items) = v {
                self.steps += items.len();
            }
            return Ok(v.clone());
        }
        Ok(match name {
            "file" => Value::File(self.row),
            "this" => Value::File(self.this),
            "note" => Value::Object(self.vault.properties(self.row).to_vec()),
            _ => self.property(self.row, name),
        })
    }

    /// A property of `note`: the key as written, else in any case.
    pub(super) fn property(&self, note: usize, key: &str) -> Value {
        let properties = self.vault.properties(note);
        let lower = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<Vec<_>>();
        let found = properties.iter().find(|(k, _)| k == key).or_else(|| {
            let key = lower(key);
            properties.iter().find(|(k, _)| {
                k.chars()
                    .flat_map(char::to_lowercase)
                    .eq(key.iter().copied())
            })
        });
        found.map_or(Value::Null, |(_, v)| v.clone())
    }

    pub(super) fn formula(&mut self, name: &str) -> Answer {
        let Some(expr) = self.formulas.get(name) else {
            return Ok(Value::Null);
        };
        if self.depth >= MAX_DEPTH {
            return Err(Unsupported(format!(
                "formulas that use each other more than {MAX_DEPTH} deep, or in a circle (`{name}`)"
            )));
        }
        let locals = std::mem::take(&mut self.locals);
        self.depth += 1;
        let value = self.eval(expr);
        self.depth -= 1;
        self.locals = locals;
        value
    }

    fn field(&mut self, value: Value, field: &str) -> Answer {
        Ok(match value {
            Value::File(note) => self.file_field(note, field)?,
            Value::Link {
                target: Some(note), ..
            } => self.file_field(note, field)?,
            Value::Text(s) if field == "length" => Value::Number(s.chars().count() as f64),
            Value::List(items) if field == "length" => Value::Number(items.len() as f64),
            Value::Object(entries) => entries
                .into_iter()
                .find(|(k, _)| k == field)
                .map_or(Value::Null, |(_, v)| v),
            _ => Value::Null,
        })
    }

    pub(super) fn file_field(&self, note: usize, field: &str) -> Answer {
        match field {
            "file" => Ok(Value::File(note)),
            "properties" => Ok(Value::Object(self.vault.properties(note).to_vec())),
            "ctime" | "mtime" => Err(Unsupported(format!("`file.{field}`"))),
            _ => Ok(match self.vault.file_field(note, field) {
                Some(value) => value,
                // `this.topics`: a property of the note.
                None => self.property(note, field),
            }),
        }
    }

    fn binary(&mut self, op: Op, left: &Expr, right: &Expr) -> Answer {
        let l = self.eval(left)?;
        match op {
            Op::And if !truthy(&l) => return Ok(Value::Bool(false)),
            Op::Or if truthy(&l) => return Ok(Value::Bool(true)),
            _ => {}
        }
        let r = self.eval(right)?;
        let numbers = (as_number(&l), as_number(&r));
        let cmp = || match (&l, &r) {
            (Value::Number(a), Value::Number(b)) => a.partial_cmp(b),
            (Value::Text(a), Value::Text(b)) => Some(a.cmp(b)),
            _ => None,
        };
        Ok(match op {
            Op::And | Op::Or => Value::Bool(truthy(&r)),
            Op::Eq => Value::Bool(equal(&l, &r)),
            Op::Ne => Value::Bool(!equal(&l, &r)),
            Op::Lt => Value::Bool(cmp() == Some(Ordering::Less)),
            Op::Le => Value::Bool(matches!(cmp(), Some(Ordering::Less | Ordering::Equal))),
            Op::Gt => Value::Bool(cmp() == Some(Ordering::Greater)),
            Op::Ge => Value::Bool(matches!(cmp(), Some(Ordering::Greater | Ordering::Equal))),
            Op::Add if too_long(&l, &r) => {
                return Err(Unsupported(format!("a value longer than {MAX_LENGTH}")))
            }
            Op::Add => match (&l, &r) {
                (Value::Number(a), Value::Number(b)) => Value::Number(a + b),
                // An empty property adds nothing to a number, as in JavaScript.
                (Value::Number(n), Value::Null) | (Value::Null, Value::Number(n)) => {
                    Value::Number(*n)
                }
                (Value::List(a), Value::List(b)) => Value::List([a.clone(), b.clone()].concat()),
                (Value::Null, Value::Null) => Value::Null,
                _ => Value::Text(format!("{}{}", shown(&l), shown(&r))),
            },
            _ => match numbers {
                (Some(a), Some(b)) if matches!((&l, &r), (Value::Number(_), Value::Number(_))) => {
                    Value::Number(match op {
                        Op::Sub => a - b,
                        Op::Mul => a * b,
                        Op::Div => a / b,
                        _ => a % b,
                    })
                }
                _ => Value::Null,
            },
        })
    }
}

/// Whether `l + r` would be longer than [`MAX_LENGTH`].
fn too_long(l: &Value, r: &Value) -> bool {
    let size = |v: &Value| match v {
        Value::Text(s) => s.len(),
        Value::List(items) => items.len(),
        _ => 0,
    };
    size(l) + size(r) > MAX_LENGTH
}

fn at(items: Vec<Value>, i: f64) -> Value {
    let n = items.len() as f64;
    let i = if i < 0.0 { n + i } else { i };
    if i < 0.0 || i >= n || i.fract() != 0.0 {
        return Value::Null;
    }
    items.into_iter().nth(i as usize).unwrap_or(Value::Null)
}

pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => *n != 0.0 && !n.is_nan(),
        Value::Text(s) => !s.is_empty(),
        Value::List(items) => !items.is_empty(),
        Value::Object(entries) => !entries.is_empty(),
        Value::Link { .. } | Value::File(_) => true,
    }
}

pub fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Text(s) => s.trim().is_empty(),
        Value::List(items) => items.is_empty(),
        Value::Object(entries) => entries.is_empty(),
        _ => false,
    }
}

pub fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Text(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Whether two values are equal, as Obsidian compares them: a link equals the note
/// it leads to, and another link to it.
pub fn equal(a: &Value, b: &Value) -> bool {
    let note = |v: &Value| match v {
        Value::File(n) => Some(Some(*n)),
        Value::Link { target, .. } => Some(*target),
        _ => None,
    };
    match (note(a), note(b)) {
        (Some(Some(x)), Some(Some(y))) => return x == y,
        (Some(_), Some(_)) => {
            let path = |v: &Value| match v {
                Value::Link { path, .. } => path.to_lowercase(),
                _ => String::new(),
            };
            return path(a) == path(b) && !path(a).is_empty();
        }
        _ => {}
    }
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| equal(p, q))
        }
        _ => a == b,
    }
}

/// The order of values in a sorted column: empty last, numbers by size, text in any case.
pub fn order(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Greater,
        (_, Value::Null) => Ordering::Less,
        (Value::Number(x), Value::Number(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => {
            let (x, y) = (shown(a), shown(b));
            x.to_lowercase().cmp(&y.to_lowercase()).then(x.cmp(&y))
        }
    }
}

/// A value as text: a number as JavaScript writes it, a list joined by `, `.
pub fn shown(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Value::Number(n) => n.to_string(),
        Value::Text(s) => s.clone(),
        Value::List(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        Value::Object(entries) => entries
            .iter()
            .map(|(k, v)| format!("{k}: {}", shown(v)))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Link {
            display: Some(d), ..
        } => d.clone(),
        Value::Link { path, .. } => path.clone(),
        Value::File(_) => String::new(),
    }
}
