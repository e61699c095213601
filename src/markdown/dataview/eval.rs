//! Dataview's expression language, as far as a note alone can answer it: literals,
//! `this.property` (and `this.file.name`, …), arithmetic, comparison, `&`/`|`, and the
//! functions whose answer depends on their arguments alone (`choice`, `length`,
//! `default`, `padright`, …). What needs other notes, links or dates is [`Eval::Unknown`].

use serde_yaml::Value as Yaml;

/// A value an expression has.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    /// A mapping from front matter: fields can be read from it, it is not shown.
    Map(serde_yaml::Mapping),
}

/// Why an expression has no value here.
#[derive(Debug, PartialEq)]
pub enum Eval {
    /// It is no expression (`==`, `= a b`): code about code, left as it is.
    NotAnExpression,
    /// An expression that needs what a note alone cannot give.
    Unknown,
}

/// What `this` stands for: the note's properties and its file.
pub struct This<'a> {
    pub properties: &'a serde_yaml::Mapping,
    /// The note's path in the vault (`People/Ada Lovelace.md`).
    pub path: &'a str,
}

/// The value of `expression` (the text after Dataview's `=`), as Markdown shown in its
/// place (see [`Value::shown`]).
pub fn evaluate(expression: &str, this: &This) -> Result<String, Eval> {
    let tokens = tokens(expression).ok_or(Eval::NotAnExpression)?;
    if tokens.is_empty() {
        return Err(Eval::NotAnExpression);
    }
    let mut parser = Parser { tokens, at: 0 };
    let tree = parser.or().ok_or(Eval::NotAnExpression)?;
    if parser.at != parser.tokens.len() {
        return Err(Eval::NotAnExpression);
    }
    tree.value(this)
        .and_then(|v| v.shown())
        .ok_or(Eval::Unknown)
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Text(String),
    Name(String),
    Sign(&'static str),
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    const SIGNS: [&str; 17] = [
        "!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "/", "%", "&", "|", "!", "(", ")", ",",
    ];
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        let Some(c) = rest.chars().next() else {
            return Some(out);
        };
        if c == '"' {
            // Dataview's strings: `\"` and `\\` are escapes; any other `\` is kept.
            let mut value = String::new();
            let mut chars = rest[1..].char_indices();
            let end = loop {
                match chars.next()? {
                    (i, '"') => break i + 2,
                    (_, '\\') => match chars.next()? {
                        (_, q @ ('"' | '\\')) => value.push(q),
                        (_, other) => {
                            value.push('\\');
                            value.push(other);
                        }
                    },
                    (_, other) => value.push(other),
                }
            };
            out.push(Token::Text(value));
            rest = &rest[end..];
        } else if c.is_ascii_digit() {
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            out.push(Token::Number(rest[..end].parse().ok()?));
            rest = &rest[end..];
        } else if c.is_alphabetic() || c == '_' {
            // A name may hold `-` (`this.hit-points`), as Dataview's do; `.` joins fields.
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || "_-.".contains(c)))
                .unwrap_or(rest.len());
            let name = rest[..end].trim_end_matches(['.', '-']);
            out.push(Token::Name(name.to_string()));
            rest = &rest[name.len()..];
        } else {
            let sign = SIGNS.iter().find(|s| rest.starts_with(**s))?;
            out.push(Token::Sign(sign));
            rest = &rest[sign.len()..];
        }
    }
}

#[derive(Debug)]
enum Tree {
    Literal(Value),
    /// A dotted name: `this.Name`, `this.file.name`, or a name alone.
    Field(String),
    Call(String, Vec<Tree>),
    Unary(&'static str, Box<Tree>),
    Binary(&'static str, Box<Tree>, Box<Tree>),
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn sign(&mut self, signs: &[&'static str]) -> Option<&'static str> {
        match self.tokens.get(self.at) {
            Some(Token::Sign(s)) if signs.contains(s) => {
                self.at += 1;
                Some(s)
            }
            _ => None,
        }
    }

    fn binary(
        &mut self,
        signs: &[&'static str],
        next: fn(&mut Self) -> Option<Tree>,
    ) -> Option<Tree> {
        let mut left = next(self)?;
        while let Some(sign) = self.sign(signs) {
            left = Tree::Binary(sign, Box::new(left), Box::new(next(self)?));
        }
        Some(left)
    }

    fn or(&mut self) -> Option<Tree> {
        self.binary(&["|"], Self::and)
    }

    fn and(&mut self) -> Option<Tree> {
        self.binary(&["&"], Self::compare)
    }

    fn compare(&mut self) -> Option<Tree> {
        self.binary(&["=", "!=", "<", ">", "<=", ">="], Self::sum)
    }

    fn sum(&mut self) -> Option<Tree> {
        self.binary(&["+", "-"], Self::product)
    }

    fn product(&mut self) -> Option<Tree> {
        self.binary(&["*", "/", "%"], Self::unary)
    }

    fn unary(&mut self) -> Option<Tree> {
        match self.sign(&["-", "!"]) {
            Some(sign) => Some(Tree::Unary(sign, Box::new(self.unary()?))),
            None => self.atom(),
        }
    }

    fn atom(&mut self) -> Option<Tree> {
        let token = self.tokens.get(self.at)?.clone();
        self.at += 1;
        Some(match token {
            Token::Number(n) => Tree::Literal(Value::Number(n)),
            Token::Text(t) => Tree::Literal(Value::Text(t)),
            Token::Sign("(") => {
                let inner = self.or()?;
                self.sign(&[")"])?;
                inner
            }
            Token::Sign(_) => return None,
            Token::Name(name) => match name.as_str() {
                "true" => Tree::Literal(Value::Bool(true)),
                "false" => Tree::Literal(Value::Bool(false)),
                "null" => Tree::Literal(Value::Null),
                _ if self.sign(&["("]).is_some() => {
                    let mut args = Vec::new();
                    if self.sign(&[")"]).is_none() {
                        loop {
                            args.push(self.or()?);
                            match self.sign(&[",", ")"])? {
                                "," => continue,
                                _ => break,
                            }
                        }
                    }
                    Tree::Call(name, args)
                }
                _ => Tree::Field(name),
            },
        })
    }
}

impl Tree {
    fn value(&self, this: &This) -> Option<Value> {
        match self {
            Tree::Literal(v) => Some(v.clone()),
            Tree::Field(name) => field(name, this),
            Tree::Unary("-", v) => match v.value(this)? {
                Value::Number(n) => Some(Value::Number(-n)),
                _ => None,
            },
            Tree::Unary(_, v) => Some(Value::Bool(!v.value(this)?.truthy())),
            Tree::Binary(sign, a, b) => binary(sign, a.value(this)?, b.value(this)?),
            Tree::Call(name, args) => call(name, args, this),
        }
    }
}

/// `this.a.b`: the note's property `a` (found as Dataview finds it: as written, else in
/// any case with spaces as `-`), then its field `b`; a property the note lacks is null,
/// as Dataview has it. Anything but `this.…` needs Dataview.
fn field(name: &str, this: &This) -> Option<Value> {
    let mut steps = name.split('.');
    if steps.next()? != "this" {
        return None;
    }
    let first = steps.next()?;
    if first == "file" {
        let (folder, file) = this.path.rsplit_once('/').unwrap_or(("", this.path));
        let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
        let value = match steps.next()? {
            "name" => stem,
            "folder" => folder,
            "path" => this.path,
            "ext" => ext,
            _ => return None,
        };
        return steps
            .next()
            .is_none()
            .then(|| Value::Text(value.to_string()));
    }
    let mut value = lookup(this.properties, first).map_or(Some(Value::Null), from_yaml)?;
    for step in steps {
        value = match value {
            Value::Map(map) => lookup(&map, step).map_or(Some(Value::Null), from_yaml)?,
            Value::Null => Value::Null,
            _ => return None,
        };
    }
    Some(value)
}

fn lookup<'m>(map: &'m serde_yaml::Mapping, name: &str) -> Option<&'m Yaml> {
    let canonical = |key: &str| key.trim().to_lowercase().replace(char::is_whitespace, "-");
    map.get(name).or_else(|| {
        let wanted = canonical(name);
        map.iter()
            .find(|(k, _)| k.as_str().is_some_and(|k| canonical(k) == wanted))
            .map(|(_, v)| v)
    })
}

fn from_yaml(value: &Yaml) -> Option<Value> {
    Some(match value {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(*b),
        Yaml::Number(n) => Value::Number(n.as_f64()?),
        Yaml::String(s) => Value::Text(s.clone()),
        Yaml::Sequence(items) => Value::List(items.iter().map(from_yaml).collect::<Option<_>>()?),
        Yaml::Mapping(map) => Value::Map(map.clone()),
        Yaml::Tagged(_) => return None,
    })
}

fn binary(sign: &str, a: Value, b: Value) -> Option<Value> {
    use Value::*;
    Some(match (sign, a, b) {
        ("&", a, b) => Bool(a.truthy() && b.truthy()),
        ("|", a, b) => Bool(a.truthy() || b.truthy()),
        ("=", a, b) => Bool(a == b),
        ("!=", a, b) => Bool(a != b),
        ("+", Number(a), Number(b)) => Number(a + b),
        ("+", Text(a), b) => Text(a + &b.shown()?),
        ("+", a @ (Number(_) | Bool(_)), Text(b)) => Text(a.shown()? + &b),
        ("-", Number(a), Number(b)) => Number(a - b),
        ("*", Number(a), Number(b)) => Number(a * b),
        ("/", Number(a), Number(b)) if b != 0.0 => Number(a / b),
        ("%", Number(a), Number(b)) if b != 0.0 => Number(a % b),
        (sign, Number(a), Number(b)) => Bool(compare(sign, a.partial_cmp(&b)?)?),
        (sign, Text(a), Text(b)) => Bool(compare(sign, a.cmp(&b))?),
        _ => return None,
    })
}

fn compare(sign: &str, order: std::cmp::Ordering) -> Option<bool> {
    use std::cmp::Ordering::*;
    Some(match sign {
        "<" => order == Less,
        ">" => order == Greater,
        "<=" => order != Greater,
        ">=" => order != Less,
        _ => return None,
    })
}

fn call(name: &str, args: &[Tree], this: &This) -> Option<Value> {
    // `choice` reads only the branch it takes, so a branch that needs what is not
    // there (`"+ " + this.Damage` with no `Damage`) does not matter when not taken.
    if name == "choice" {
        let [test, yes, no] = args else { return None };
        return if test.value(this)?.truthy() {
            yes.value(this)
        } else {
            no.value(this)
        };
    }
    let values: Vec<Value> = args.iter().map(|a| a.value(this)).collect::<Option<_>>()?;
    use Value::*;
    Some(match (name, values.as_slice()) {
        ("length", [Null]) => Number(0.0),
        ("length", [Text(t)]) => Number(t.chars().count() as f64),
        ("length", [List(l)]) => Number(l.len() as f64),
        ("default", [Null, d]) => d.clone(),
        ("default", [v, _]) => v.clone(),
        ("lower", [Text(t)]) => Text(t.to_lowercase()),
        ("upper", [Text(t)]) => Text(t.to_uppercase()),
        ("string", [v]) => Text(v.shown()?),
        ("round", [Number(n)]) => Number(n.round()),
        ("round", [Number(n), Number(d)]) => {
            let scale = 10f64.powi(*d as i32);
            Number((n * scale).round() / scale)
        }
        ("contains", [Text(t), Text(part)]) => Bool(t.contains(part.as_str())),
        ("contains", [List(l), v]) => Bool(l.contains(v)),
        ("join", [List(l)]) => Text(join(l, ", ")?),
        ("join", [List(l), Text(sep)]) => Text(join(l, sep)?),
        ("padleft" | "padright", [Text(t), Number(n), rest @ ..]) => {
            let pad = match rest {
                [] => " ".to_string(),
                [Text(p)] if !p.is_empty() => p.clone(),
                _ => return None,
            };
            let want = (*n).max(0.0) as usize;
            let mut fill = String::new();
            let have = t.chars().count();
            while have + fill.chars().count() < want {
                fill.push_str(&pad);
            }
            let fill: String = fill.chars().take(want.saturating_sub(have)).collect();
            Text(if name == "padleft" {
                fill + t
            } else {
                t.clone() + &fill
            })
        }
        _ => return None,
    })
}

fn join(items: &[Value], sep: &str) -> Option<String> {
    Some(
        items
            .iter()
            .map(Value::shown)
            .collect::<Option<Vec<_>>>()?
            .join(sep),
    )
}

impl Value {
    fn truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => *n != 0.0,
            Value::Text(t) => !t.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Map(m) => !m.is_empty(),
        }
    }

    /// The value as Dataview shows it, as Markdown: a number without a needless `.0`,
    /// a list joined with `, `, null as `-`; a mapping has no one line to show.
    fn shown(&self) -> Option<String> {
        Some(match self {
            Value::Null => "\\-".to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Text(t) => t.clone(),
            Value::List(items) => join(items, ", ")?,
            Value::Map(_) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(expression: &str) -> Result<String, Eval> {
        let properties: serde_yaml::Mapping = serde_yaml::from_str(
            "Name: Counter\nPower: 2\nDamage1: ''\nDamage2: Strength\nCool: 2\ntraditions: [arcane, divine]\nStats: {HP: 4}\nHit Points: 7\n",
        )
        .unwrap();
        let this = This {
            properties: &properties,
            path: "Moves/SRD-Counter.md",
        };
        evaluate(expression, &this)
    }

    #[test]
    fn a_note_answers_what_it_holds() {
        assert_eq!(run(" this.Name").unwrap(), "Counter");
        assert_eq!(
            run("this.name").unwrap(),
            "Counter",
            "any case, as Dataview"
        );
        assert_eq!(run("this.hit-points").unwrap(), "7");
        assert_eq!(run("this.traditions").unwrap(), "arcane, divine");
        assert_eq!(run("this.Stats.HP + 1").unwrap(), "5");
        assert_eq!(run("this.Missing").unwrap(), "\\-");
        assert_eq!(run("this.file.name").unwrap(), "SRD-Counter");
        assert_eq!(run("this.file.folder").unwrap(), "Moves");
        assert_eq!(
            run(r#"choice(length(this.Damage1)=0, "","\+ "+ this.Damage1)"#).unwrap(),
            ""
        );
        assert_eq!(
            run(r#"choice(length(this.Damage2)=0, "","\+ "+ this.Damage2)"#).unwrap(),
            "\\+ Strength"
        );
        assert_eq!(
            run(r#"padright(padright("⬤",this.Cool+1,"⦿"),5,"⭘")"#).unwrap(),
            "⬤⦿⦿⭘⭘"
        );
        assert_eq!(run("(this.Power + 1) * 2 >= 6 & true").unwrap(), "true");
        assert_eq!(run(r#"default(this.Missing, "none")"#).unwrap(), "none");
    }

    #[test]
    fn what_needs_other_notes_is_unknown_and_code_is_no_expression() {
        assert!(matches!(run("this.Stats"), Err(Eval::Unknown)));
        assert!(matches!(run("link(this.Session)"), Err(Eval::Unknown)));
        assert!(matches!(run("Name"), Err(Eval::Unknown)));
        assert!(matches!(run("this.Name.first"), Err(Eval::Unknown)));
        assert!(matches!(run("[[Other]].Name"), Err(Eval::NotAnExpression)));
        assert!(matches!(run("="), Err(Eval::NotAnExpression)));
        assert!(matches!(run(""), Err(Eval::NotAnExpression)));
        assert!(matches!(run("a b"), Err(Eval::NotAnExpression)));
        assert!(matches!(run("\"open"), Err(Eval::NotAnExpression)));
    }
}
