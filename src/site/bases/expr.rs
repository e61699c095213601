//! The expression language of Obsidian's Bases, read into a tree: literals (`"text"`,
//! `'text'`, `2.5`, `true`, `null`, `[1, 2]`), names (`price`, `file`, `this`),
//! fields (`file.name`), indexes (`note["my key"]`, `list[0]`), calls (`link("x")`,
//! `file.hasTag("a", "b")`), `!` and `-` before a value, and the operators `* / %`,
//! `+ -`, `< <= > >=`, `== !=`, `&&`, `||`, in that order of binding, as JavaScript
//! reads them. Evaluating a tree is [`super::eval`]'s.

/// An expression, as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Expr>),
    /// A bare name: a property of the note (`price`), or `file`, `note`, `formula`,
    /// `this`, and the names a list's `filter`/`map` give (`value`, `index`, `acc`).
    Name(String),
    Field(Box<Expr>, String),
    Index(Box<Expr>, Box<Expr>),
    /// A function (`link(…)`) or, on a field, a method (`file.hasTag(…)`).
    Call(Box<Expr>, Vec<Expr>),
    Not(Box<Expr>),
    Negate(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

impl Op {
    /// How tightly the operator binds: higher first.
    fn binding(self) -> u8 {
        match self {
            Op::Or => 1,
            Op::And => 2,
            Op::Eq | Op::Ne => 3,
            Op::Lt | Op::Le | Op::Gt | Op::Ge => 4,
            Op::Add | Op::Sub => 5,
            Op::Mul | Op::Div | Op::Rem => 6,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Text(String),
    Name(String),
    Op(Op),
    Not,
    Dot,
    Comma,
    Open(char),
    Close(char),
}

/// How deep an expression may nest (parentheses, lists, calls, `!`): evaluating a
/// tree is as deep as the tree.
const MAX_NESTING: usize = 64;

/// The tree of `text`, or what stops it being read.
pub fn parse(text: &str) -> Result<Expr, String> {
    let tokens = tokens(text)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let expr = parser.expression(0)?;
    match parser.tokens.get(parser.at) {
        None => Ok(expr),
        Some(t) => Err(format!("unexpected {} after a whole expression", shown(t))),
    }
}

fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let two = |n: char| next == Some(n);
        let token = match c {
            c if c.is_whitespace() => continue,
            '"' | '\'' => {
                let mut s = String::new();
                loop {
                    match chars.next() {
                        None => return Err(format!("the text opened by {c} is not closed")),
                        Some((_, '\\')) => match chars.next() {
                            Some((_, 'n')) => s.push('\n'),
                            Some((_, 't')) => s.push('\t'),
                            Some((_, e)) => s.push(e),
                            None => return Err(format!("the text opened by {c} is not closed")),
                        },
                        Some((_, q)) if q == c => break,
                        Some((_, ch)) => s.push(ch),
                    }
                }
                Token::Text(s)
            }
            '0'..='9' => {
                let mut end = at + 1;
                while let Some(&(i, d)) = chars.peek() {
                    // `1.5` is a number; `123.toString()` a method on `123`.
                    let fraction = d == '.'
                        && !text[at..i].contains('.')
                        && text[i + 1..].starts_with(|n: char| n.is_ascii_digit());
                    if d.is_ascii_digit() || fraction {
                        chars.next();
                        end = i + d.len_utf8();
                    } else {
                        break;
                    }
                }
                let n = text[at..end]
                    .parse()
                    .map_err(|_| format!("`{}` is no number", &text[at..end]))?;
                Token::Number(n)
            }
            c if c.is_alphabetic() || c == '_' || c == '$' => {
                let mut end = at + c.len_utf8();
                while let Some(&(i, d)) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' || d == '$' {
                        chars.next();
                        end = i + d.len_utf8();
                    } else {
                        break;
                    }
                }
                Token::Name(text[at..end].to_string())
            }
            '&' if two('&') => double(&mut chars, Token::Op(Op::And)),
            '|' if two('|') => double(&mut chars, Token::Op(Op::Or)),
            '=' if two('=') => double(&mut chars, Token::Op(Op::Eq)),
            '!' if two('=') => double(&mut chars, Token::Op(Op::Ne)),
            '<' if two('=') => double(&mut chars, Token::Op(Op::Le)),
            '>' if two('=') => double(&mut chars, Token::Op(Op::Ge)),
            '!' => Token::Not,
            '<' => Token::Op(Op::Lt),
            '>' => Token::Op(Op::Gt),
            '+' => Token::Op(Op::Add),
            '-' => Token::Op(Op::Sub),
            '*' => Token::Op(Op::Mul),
            '/' => Token::Op(Op::Div),
            '%' => Token::Op(Op::Rem),
            '.' => Token::Dot,
            ',' => Token::Comma,
            '(' | '[' | '{' => Token::Open(c),
            ')' | ']' | '}' => Token::Close(c),
            other => return Err(format!("`{other}` is not part of the language")),
        };
        // `===` and `!==`, as JavaScript writes them, are `==` and `!=`.
        if matches!(token, Token::Op(Op::Eq | Op::Ne)) && chars.peek().map(|&(_, n)| n) == Some('=')
        {
            chars.next();
        }
        out.push(token);
    }
    Ok(out)
}

fn double(chars: &mut std::iter::Peekable<std::str::CharIndices>, token: Token) -> Token {
    chars.next();
    token
}

fn shown(token: &Token) -> String {
    match token {
        Token::Number(n) => format!("`{n}`"),
        Token::Text(s) => format!("\"{s}\""),
        Token::Name(n) => format!("`{n}`"),
        Token::Op(_) => "an operator".into(),
        Token::Not => "`!`".into(),
        Token::Dot => "`.`".into(),
        Token::Comma => "`,`".into(),
        Token::Open(c) | Token::Close(c) => format!("`{c}`"),
    }
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    /// An expression whose operators bind tighter than `above`.
    fn expression(&mut self, above: u8) -> Result<Expr, String> {
        let mut left = self.unary()?;
        while let Some(Token::Op(op)) = self.peek() {
            let op = *op;
            if op.binding() <= above {
                break;
            }
            self.at += 1;
            let right = self.expression(op.binding())?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, String> {
        // Every nested expression is read through here.
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(format!("it nests more than {MAX_NESTING} deep"));
        }
        let expr = self.unary_here();
        self.depth -= 1;
        expr
    }

    fn unary_here(&mut self) -> Result<Expr, String> {
        match self.peek() {
            Some(Token::Not) => {
                self.at += 1;
                Ok(Expr::Not(Box::new(self.unary()?)))
            }
            Some(Token::Op(Op::Sub)) => {
                self.at += 1;
                Ok(Expr::Negate(Box::new(self.unary()?)))
            }
            _ => self.postfix(),
        }
    }

    fn postfix(&mut self) -> Result<Expr, String> {
        let mut expr = self.primary()?;
        loop {
            match self.peek() {
                Some(Token::Dot) => {
                    self.at += 1;
                    match self.next() {
                        Some(Token::Name(name)) => expr = Expr::Field(Box::new(expr), name),
                        _ => return Err("a name must follow `.`".into()),
                    }
                }
                Some(Token::Open('(')) => {
                    self.at += 1;
                    let args = self.list(')')?;
                    expr = Expr::Call(Box::new(expr), args);
                }
                Some(Token::Open('[')) => {
                    self.at += 1;
                    let index = self.expression(0)?;
                    self.close(']')?;
                    expr = Expr::Index(Box::new(expr), Box::new(index));
                }
                _ => return Ok(expr),
            }
        }
    }

    fn primary(&mut self) -> Result<Expr, String> {
        match self.next() {
            Some(Token::Number(n)) => Ok(Expr::Number(n)),
            Some(Token::Text(s)) => Ok(Expr::Text(s)),
            Some(Token::Name(n)) => Ok(match n.as_str() {
                "true" => Expr::Bool(true),
                "false" => Expr::Bool(false),
                "null" => Expr::Null,
                _ => Expr::Name(n),
            }),
            Some(Token::Open('(')) => {
                let inner = self.expression(0)?;
                self.close(')')?;
                Ok(inner)
            }
            Some(Token::Open('[')) => Ok(Expr::List(self.list(']')?)),
            Some(Token::Open('{')) => Err("objects written `{…}` are not read here".into()),
            Some(t) => Err(format!("unexpected {}", shown(&t))),
            None => Err("the expression ends too soon".into()),
        }
    }

    /// Comma-separated expressions up to `close`.
    fn list(&mut self, close: char) -> Result<Vec<Expr>, String> {
        let mut items = Vec::new();
        if self.peek() == Some(&Token::Close(close)) {
            self.at += 1;
            return Ok(items);
        }
        loop {
            items.push(self.expression(0)?);
            match self.next() {
                Some(Token::Comma) => continue,
                Some(Token::Close(c)) if c == close => return Ok(items),
                _ => return Err(format!("expected `,` or `{close}`")),
            }
        }
    }

    fn close(&mut self, close: char) -> Result<(), String> {
        match self.next() {
            Some(Token::Close(c)) if c == close => Ok(()),
            _ => Err(format!("expected `{close}`")),
        }
    }
}

/// Whether `expr` reads `this`, the note a view is embedded in.
pub fn reads_this(expr: &Expr) -> bool {
    match expr {
        Expr::Name(n) => n == "this",
        Expr::List(items) => items.iter().any(reads_this),
        Expr::Field(on, _) | Expr::Not(on) | Expr::Negate(on) => reads_this(on),
        Expr::Index(on, i) | Expr::Binary(_, on, i) => reads_this(on) || reads_this(i),
        Expr::Call(f, args) => reads_this(f) || args.iter().any(reads_this),
        Expr::Null | Expr::Bool(_) | Expr::Number(_) | Expr::Text(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> Box<Expr> {
        Box::new(Expr::Name(n.into()))
    }

    #[test]
    fn operators_bind_as_javascripts() {
        let e = parse("a || b && c == 1 + 2 * 3").unwrap();
        let mul = Expr::Binary(
            Op::Mul,
            Box::new(Expr::Number(2.0)),
            Box::new(Expr::Number(3.0)),
        );
        let add = Expr::Binary(Op::Add, Box::new(Expr::Number(1.0)), Box::new(mul));
        let eq = Expr::Binary(Op::Eq, name("c"), Box::new(add));
        let and = Expr::Binary(Op::And, name("b"), Box::new(eq));
        assert_eq!(e, Expr::Binary(Op::Or, name("a"), Box::new(and)));
        // Left to right within one level.
        let e = parse("10 - 2 - 3").unwrap();
        let Expr::Binary(Op::Sub, left, _) = e else {
            panic!("{e:?}")
        };
        assert!(matches!(*left, Expr::Binary(Op::Sub, _, _)));
    }

    #[test]
    fn real_bases_filters_and_formulas_read() {
        for text in [
            r#"categories.contains(link("Books"))"#,
            r#"!file.name.contains("Template")"#,
            "list(this.file.links).filter(list(file.links).containsAny(value)).unique()",
            "formula.Related.length",
            "(price / age).toFixed(2)",
            r#"if(price, price.toFixed(2) + " dollars")"#,
            "list(type)[0].asFile().properties.icon",
            r#"note["my key"] != 'done'"#,
            "123.toString()",
            "[1, [2, 3]].flat()",
            "x === 1 && y !== 2",
            "-1.5 < -a",
        ] {
            assert!(parse(text).is_ok(), "{text}: {:?}", parse(text));
        }
        assert_eq!(
            parse("123.toString()").unwrap(),
            Expr::Call(
                Box::new(Expr::Field(
                    Box::new(Expr::Number(123.0)),
                    "toString".into()
                )),
                vec![]
            )
        );
        assert_eq!(parse("2.5").unwrap(), Expr::Number(2.5));
    }

    #[test]
    fn what_is_no_expression_says_why() {
        for text in ["a.", "f(1", "\"open", "a ~ b", "", "(1))", "{a: 1}"] {
            assert!(parse(text).is_err(), "{text}");
        }
        // Nesting past the limit is refused, not a stack overflow.
        let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(parse(&deep).unwrap_err().contains("nests more than 64"));
        assert!(parse(&"!".repeat(100_000)).is_err());
        assert!(parse(&format!("{}1{}", "[".repeat(60), "]".repeat(60))).is_ok());
    }
}
