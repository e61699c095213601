//! The functions and methods of Bases expressions (see Obsidian's "Functions"
//! reference), computed for [`Env`]: global ones (`if`, `link`, `list`, …), and
//! those of text, numbers, lists, objects, links and files.

use super::eval::{as_number, equal, is_empty, order, shown, truthy, Env, Unsupported, Value};
use super::expr::Expr;

type Answer = Result<Value, Unsupported>;

impl Env<'_> {
    fn args(&mut self, args: &[Expr]) -> Result<Vec<Value>, Unsupported> {
        args.iter().map(|a| self.eval(a)).collect()
    }

    pub(super) fn function(&mut self, name: &str, args: &[Expr]) -> Answer {
        Ok(match name {
            "if" => {
                let condition = match args.first() {
                    Some(c) => self.eval(c)?,
                    None => Value::Null,
                };
                let branch = if truthy(&condition) {
                    args.get(1)
                } else {
                    args.get(2)
                };
                match branch {
                    Some(e) => self.eval(e)?,
                    None => Value::Null,
                }
            }
            "link" => {
                let mut values = self.args(args)?.into_iter();
                let display = values.nth(1).map(|d| shown(&d));
                match self.eval(args.first().unwrap_or(&Expr::Null))? {
                    Value::File(note) => Value::Link {
                        target: Some(note),
                        path: self.basename(note),
                        display,
                    },
                    Value::Link { target, path, .. } => Value::Link {
                        target,
                        path,
                        display,
                    },
                    other => {
                        let path = shown(&other);
                        let target = self.vault.find(self.this, &path);
                        Value::Link {
                            target,
                            path,
                            display,
                        }
                    }
                }
            }
            "file" => match self.args(args)?.into_iter().next() {
                Some(Value::File(note)) => Value::File(note),
                Some(Value::Link { target, .. }) => target.map_or(Value::Null, Value::File),
                Some(other) => self
                    .vault
                    .find(self.this, &shown(&other))
                    .map_or(Value::Null, Value::File),
                None => Value::Null,
            },
            "list" => match self.args(args)?.into_iter().next() {
                Some(Value::List(items)) => Value::List(items),
                Some(Value::Null) | None => Value::List(Vec::new()),
                Some(other) => Value::List(vec![other]),
            },
            "number" => self.args(args)?.first().map_or(Value::Null, number),
            "max" | "min" => {
                let numbers = self
                    .args(args)?
                    .iter()
                    .filter_map(as_number)
                    .collect::<Vec<_>>();
                let pick = if name == "max" { f64::max } else { f64::min };
                numbers
                    .into_iter()
                    .reduce(pick)
                    .map_or(Value::Null, Value::Number)
            }
            "escapeHTML" => self.args(args)?.into_iter().next().unwrap_or(Value::Null),
            // Earlier Bases wrote these as functions.
            "not" => Value::Bool(!self.args(args)?.iter().any(truthy)),
            "empty" => Value::Bool(self.args(args)?.first().is_none_or(is_empty)),
            other => return Err(Unsupported(format!("`{other}()`"))),
        })
    }

    pub(super) fn method(&mut self, value: Value, method: &str, args: &[Expr]) -> Answer {
        // Methods whose argument is an expression for each element.
        if let Value::List(items) = &value {
            match method {
                "filter" | "map" => return self.each(items, method == "filter", args),
                "reduce" => return self.reduce(items, args),
                _ => {}
            }
        }
        let a = self.args(args)?;
        let text = |n: usize| a.get(n).map(shown).unwrap_or_default();
        let num = |n: usize| a.get(n).and_then(as_number);
        Ok(match (method, &value) {
            ("isTruthy", _) => Value::Bool(truthy(&value)),
            ("isEmpty", _) => Value::Bool(is_empty(&value)),
            ("toString", _) => Value::Text(shown(&value)),
            ("isType", _) => Value::Bool(type_name(&value) == text(0).to_lowercase()),
            ("contains", Value::List(items)) => {
                Value::Bool(a.first().is_some_and(|x| items.iter().any(|i| equal(i, x))))
            }
            ("containsAll" | "containsAny", Value::List(items)) => {
                let has = |x: &Value| items.iter().any(|i| equal(i, x));
                let all = method == "containsAll";
                Value::Bool(if all {
                    a.iter().all(has)
                } else {
                    a.iter().any(has)
                })
            }
            ("contains", Value::Text(s)) => Value::Bool(s.contains(&text(0))),
            ("containsAll", Value::Text(s)) => Value::Bool(a.iter().all(|x| s.contains(&shown(x)))),
            ("containsAny", Value::Text(s)) => Value::Bool(a.iter().any(|x| s.contains(&shown(x)))),
            // A property holding one link where others hold lists of them.
            ("contains", Value::Link { .. } | Value::File(_)) => {
                Value::Bool(a.first().is_some_and(|x| equal(&value, x)))
            }
            ("startsWith", Value::Text(s)) => Value::Bool(s.starts_with(&text(0))),
            ("endsWith", Value::Text(s)) => Value::Bool(s.ends_with(&text(0))),
            ("lower", Value::Text(s)) => Value::Text(s.to_lowercase()),
            ("upper", Value::Text(s)) => Value::Text(s.to_uppercase()),
            ("trim", Value::Text(s)) => Value::Text(s.trim().to_string()),
            ("title", Value::Text(s)) => Value::Text(title_case(s)),
            ("reverse", Value::Text(s)) => Value::Text(s.chars().rev().collect()),
            ("repeat", Value::Text(s)) => {
                let most = super::eval::MAX_LENGTH / s.len().max(1);
                Value::Text(s.repeat((num(0).unwrap_or(0.0).max(0.0) as usize).min(most)))
            }
            ("replace", Value::Text(s)) => match a.first() {
                Some(Value::Text(p)) if !p.is_empty() => {
                    Value::Text(s.replace(p.as_str(), &text(1)))
                }
                _ => value.clone(),
            },
            ("slice", Value::Text(s)) => {
                let chars: Vec<char> = s.chars().collect();
                let (from, to) = range(chars.len(), num(0), num(1));
                Value::Text(chars[from..to].iter().collect())
            }
            ("split", Value::Text(s)) => {
                let sep = text(0);
                let parts: Vec<Value> = if sep.is_empty() {
                    s.chars().map(|c| Value::Text(c.into())).collect()
                } else {
                    s.split(sep.as_str())
                        .map(|p| Value::Text(p.into()))
                        .collect()
                };
                let keep = num(1).map_or(parts.len(), |n| n.max(0.0) as usize);
                Value::List(parts.into_iter().take(keep).collect())
            }
            ("abs", Value::Number(n)) => Value::Number(n.abs()),
            ("ceil", Value::Number(n)) => Value::Number(n.ceil()),
            ("floor", Value::Number(n)) => Value::Number(n.floor()),
            ("round", Value::Number(n)) => {
                let scale = 10f64.powi(num(0).unwrap_or(0.0).clamp(0.0, 15.0) as i32);
                Value::Number((n * scale).round() / scale)
            }
            ("toFixed", Value::Number(n)) => Value::Text(format!(
                "{n:.*}",
                num(0).unwrap_or(0.0).clamp(0.0, 20.0) as usize
            )),
            ("flat", Value::List(items)) => Value::List(
                items
                    .iter()
                    .flat_map(|i| match i {
                        Value::List(inner) => inner.clone(),
                        other => vec![other.clone()],
                    })
                    .collect(),
            ),
            ("join", Value::List(items)) => {
                Value::Text(items.iter().map(shown).collect::<Vec<_>>().join(&text(0)))
            }
            ("reverse", Value::List(items)) => Value::List(items.iter().rev().cloned().collect()),
            ("slice", Value::List(items)) => {
                let (from, to) = range(items.len(), num(0), num(1));
                Value::List(items[from..to].to_vec())
            }
            ("sort", Value::List(items)) => {
                let mut items = items.clone();
                items.sort_by(order);
                Value::List(items)
            }
            ("unique", Value::List(items)) => {
                let mut kept: Vec<Value> = Vec::new();
                for i in items {
                    if !kept.iter().any(|k| equal(k, i)) {
                        kept.push(i.clone());
                    }
                }
                Value::List(kept)
            }
            ("keys", Value::Object(entries)) => Value::List(
                entries
                    .iter()
                    .map(|(k, _)| Value::Text(k.clone()))
                    .collect(),
            ),
            ("values", Value::Object(entries)) => {
                Value::List(entries.iter().map(|(_, v)| v.clone()).collect())
            }
            ("asFile", Value::Link { target, .. }) => target.map_or(Value::Null, Value::File),
            ("linksTo", Value::Link { target, .. }) => match (target, a.first()) {
                (Some(from), Some(to)) => Value::Bool(
                    self.note_of(to)
                        .is_some_and(|to| self.vault.links_to(*from, to)),
                ),
                _ => Value::Bool(false),
            },
            ("asLink", Value::File(note)) => Value::Link {
                target: Some(*note),
                path: self.basename(*note),
                display: a.first().map(shown),
            },
            ("hasLink", Value::File(note)) => {
                let to = a.first().and_then(|x| self.note_of(x));
                Value::Bool(to.is_some_and(|to| self.vault.links_to(*note, to)))
            }
            ("hasTag", Value::File(note)) => {
                let tags = match self.vault.file_field(*note, "tags") {
                    Some(Value::List(tags)) => tags,
                    _ => Vec::new(),
                };
                Value::Bool(a.iter().any(|wanted| {
                    let wanted = shown(wanted).trim_start_matches('#').to_lowercase();
                    tags.iter().any(|t| {
                        let t = shown(t).to_lowercase();
                        t == wanted || t.starts_with(&format!("{wanted}/"))
                    })
                }))
            }
            ("inFolder", Value::File(note)) => {
                let folder = text(0).trim_matches('/').to_string();
                let path = shown(&self.vault.file_field(*note, "path").unwrap_or(Value::Null));
                Value::Bool(folder.is_empty() || path.starts_with(&format!("{folder}/")))
            }
            ("hasProperty", Value::File(note)) => {
                let name = text(0);
                Value::Bool(self.vault.properties(*note).iter().any(|(k, _)| *k == name))
            }
            // Obsidian's own methods on a value of another kind: an error there, no
            // value here.
            (
                "contains" | "containsAll" | "containsAny" | "startsWith" | "endsWith" | "lower"
                | "upper" | "trim" | "title" | "reverse" | "repeat" | "replace" | "slice" | "split"
                | "abs" | "ceil" | "floor" | "round" | "toFixed" | "flat" | "join" | "sort"
                | "unique" | "keys" | "values" | "asFile" | "linksTo" | "asLink" | "hasLink"
                | "hasTag" | "inFolder" | "hasProperty",
                _,
            ) => Value::Null,
            (other, _) => return Err(Unsupported(format!("`.{other}()`"))),
        })
    }

    fn basename(&self, note: usize) -> String {
        self.vault
            .file_field(note, "basename")
            .map(|v| shown(&v))
            .unwrap_or_default()
    }

    /// The note a value names: a file, a link to one, or a name.
    fn note_of(&self, value: &Value) -> Option<usize> {
        match value {
            Value::File(note) => Some(*note),
            Value::Link { target, .. } => *target,
            Value::Text(name) => self.vault.find(self.this, name),
            _ => None,
        }
    }

    fn each(&mut self, items: &[Value], filter: bool, args: &[Expr]) -> Answer {
        let Some(expr) = args.first() else {
            return Ok(Value::List(items.to_vec()));
        };
        let mut out = Vec::new();
        for (n, item) in items.iter().enumerate() {
            self.locals.push(("value", item.clone()));
            self.locals.push(("index", Value::Number(n as f64)));
            let result = self.eval(expr);
            self.locals.truncate(self.locals.len() - 2);
            let result = result?;
            match filter {
                true if truthy(&result) => out.push(item.clone()),
                true => {}
                false => out.push(result),
            }
        }
        Ok(Value::List(out))
    }

    fn reduce(&mut self, items: &[Value], args: &[Expr]) -> Answer {
        let mut acc = match args.get(1) {
            Some(e) => self.eval(e)?,
            None => Value::Null,
        };
        let Some(expr) = args.first() else {
            return Ok(acc);
        };
        for (n, item) in items.iter().enumerate() {
            self.locals.push(("value", item.clone()));
            self.locals.push(("index", Value::Number(n as f64)));
            self.locals.push(("acc", acc));
            let result = self.eval(expr);
            self.locals.truncate(self.locals.len() - 3);
            acc = result?;
        }
        Ok(acc)
    }
}

/// `slice`'s bounds, as JavaScript reads them (negative from the end).
fn range(len: usize, from: Option<f64>, to: Option<f64>) -> (usize, usize) {
    let bound = |x: f64| {
        let x = if x < 0.0 { len as f64 + x } else { x };
        x.clamp(0.0, len as f64) as usize
    };
    let from = bound(from.unwrap_or(0.0));
    let to = to.map_or(len, bound);
    (from, to.max(from))
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c.is_whitespace();
    }
    out
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::Text(_) => "string",
        Value::List(_) => "list",
        Value::Object(_) => "object",
        Value::Link { .. } => "link",
        Value::File(_) => "file",
    }
}

fn number(v: &Value) -> Value {
    as_number(v).map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests {
    use super::super::eval::Vault;
    use super::super::expr::parse;
    use super::*;
    use std::collections::HashMap;

    /// Two notes: `Notes/Books.md` (tag `reading/fiction`, linking to the other) and
    /// `People/Ada.md` (`age: 36`).
    struct Two {
        properties: Vec<Vec<(String, Value)>>,
    }

    impl Vault for Two {
        fn properties(&self, note: usize) -> &[(String, Value)] {
            &self.properties[note]
        }
        fn file_field(&self, note: usize, field: &str) -> Option<Value> {
            let (name, path) = [("Books", "Notes/Books.md"), ("Ada", "People/Ada.md")][note];
            Some(match field {
                "name" | "basename" => Value::Text(name.into()),
                "path" => Value::Text(path.into()),
                "tags" if note == 0 => Value::List(vec![Value::Text("reading/fiction".into())]),
                "tags" => Value::List(Vec::new()),
                _ => return None,
            })
        }
        fn links_to(&self, note: usize, to: usize) -> bool {
            (note, to) == (0, 1)
        }
        fn find(&self, _: usize, name: &str) -> Option<usize> {
            ["Books", "Ada"].iter().position(|n| *n == name)
        }
    }

    fn eval(text: &str) -> Result<Value, Unsupported> {
        let vault = Two {
            properties: vec![
                vec![(
                    "author".into(),
                    Value::Link {
                        target: Some(1),
                        path: "Ada".into(),
                        display: None,
                    },
                )],
                vec![("age".into(), Value::Number(36.0))],
            ],
        };
        let formulas = HashMap::from([("double".to_string(), parse("age * 2").unwrap())]);
        let mut env = Env {
            vault: &vault,
            formulas: &formulas,
            row: 1,
            this: 0,
            locals: Vec::new(),
            depth: 0,
            steps: 0,
        };
        env.eval(&parse(text).unwrap())
    }

    fn shows(text: &str) -> String {
        shown(&eval(text).unwrap_or_else(|u| panic!("{text}: {}", u.0)))
    }

    #[test]
    fn the_examples_of_obsidians_reference_give_its_answers() {
        for (text, answer) in [
            ("[1,2,3,4].filter(value > 2)", "3, 4"),
            ("[1,2,3,4].map(value + 1)", "2, 3, 4, 5"),
            ("[1,2,3].reduce(acc + value, 0)", "6"),
            ("[1,[2,3]].flat()", "1, 2, 3"),
            ("[1,2,2,3].unique()", "1, 2, 3"),
            ("[3, 1, 2].sort()", "1, 2, 3"),
            ("[1,2,3].containsAny(3,4)", "true"),
            ("[1,2,3].join(\",\")", "1,2,3"),
            ("\"hello\".slice(1, 4)", "ell"),
            ("\"a,b,c,d\".split(\",\", 3)", "a, b, c"),
            ("\"a:b:c:d\".replace(\":\", \"-\")", "a-b-c-d"),
            ("\"hello world\".title()", "Hello World"),
            ("\"123\".repeat(2)", "123123"),
            ("\"ab\".repeat(1000000000000).length", "1000000"),
            ("\"hello\".reverse()", "olleh"),
            ("\"  hi  \".trim()", "hi"),
            ("(3.14159).round(2)", "3.14"),
            ("(2.5).toFixed(2)", "2.50"),
            ("123.toString()", "123"),
            ("1.isTruthy()", "true"),
            ("\"example\".isType(\"string\")", "true"),
            ("number(\"3.4\") + 1", "4.4"),
            ("max(1, 5, 2) - min(4, 3)", "2"),
            ("list(\"value\").length", "1"),
            ("if(false, \"a\", \"b\") + if(null, \"c\")", "b"),
            ("10 - 2 - 3", "5"),
            ("7 % 4 * 2", "6"),
        ] {
            assert_eq!(shows(text), answer, "{text}");
        }
    }

    #[test]
    fn notes_properties_files_links_and_formulas_answer() {
        // The row is Ada; `this` is Books.
        for (text, answer) in [
            ("age", "36"),
            ("note.age + note[\"age\"]", "72"),
            ("formula.double", "72"),
            ("file.name", "Ada"),
            ("this.file.name", "Books"),
            ("this.author == file", "true"),
            ("list(this.author).contains(this)", "false"),
            ("list(this.author).contains(file)", "true"),
            ("this.hasTag(\"reading\")", "true"),
            ("this.hasTag(\"read\")", "false"),
            (
                "file.inFolder(\"People\") && !file.inFolder(\"Peo\")",
                "true",
            ),
            ("this.hasLink(file) && !file.hasLink(this)", "true"),
            ("this.hasLink(\"Ada\")", "true"),
            ("link(\"Ada\") == file", "true"),
            ("this.author.asFile().age", "36"),
            ("missing.contains(\"x\")", ""),
        ] {
            assert_eq!(shows(text), answer, "{text}");
        }
    }

    #[test]
    fn a_view_that_would_copy_a_list_for_each_item_stops() {
        let vault = Two {
            properties: vec![Vec::new(), Vec::new()],
        };
        let formulas = HashMap::new();
        let values = Value::List((0..5000).map(|n| Value::Number(n as f64)).collect());
        let mut env = Env {
            vault: &vault,
            formulas: &formulas,
            row: 0,
            this: 0,
            locals: vec![("values", values)],
            depth: 0,
            steps: 0,
        };
        let answer = env.eval(&parse("values.map(values).length").unwrap());
        assert_eq!(
            answer,
            Err(Unsupported(
                "more than 10000000 steps of computation".into()
            ))
        );
        assert!(!answer.unwrap_err().names_what());
        env.steps = 0;
        let answer = env.eval(&parse("values.map(value * 2).length").unwrap());
        assert_eq!(answer, Ok(Value::Number(5000.0)));
    }

    #[test]
    fn what_a_published_page_cannot_know_is_unsupported() {
        for (text, named) in [
            ("now() - \"1d\"", "`now()`"),
            (
                "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21].reduce(acc + acc, \"xx\")",
                "a value longer than 1000000",
            ),
            ("file.mtime > 3", "`file.mtime`"),
            ("icon(\"plus\")", "`icon()`"),
            ("[1].mean()", "`.mean()`"),
        ] {
            assert_eq!(eval(text), Err(Unsupported(named.into())), "{text}");
            // What a page cannot know is named; a limit gone past is said in words.
            let unknown = eval(text).unwrap_err();
            assert_eq!(
                unknown.names_what(),
                !named.starts_with("a value"),
                "{text}"
            );
        }
    }
}
