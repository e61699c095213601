//! Literal values in a JavaScript or TypeScript settings file (a VitePress sidebar,
//! Docusaurus' `sidebars.js`, a site's `lang`), read without running it: arrays, objects, strings, and
//! a name the same file defines (`sidebar: sidebarGuide()` with `function
//! sidebarGuide() { return […] }`, `const guide = […]`); anything else (a call, a
//! spread, an expression) is [`Value::Other`].

/// A JavaScript value, as far as settings need it.
pub(super) enum Value {
    Object(Vec<(String, Value)>),
    Array(Vec<Value>),
    Text(String),
    Other,
}

impl Value {
    pub(super) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub(super) fn text(&self, key: &str) -> Option<&str> {
        match self.get(key)? {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// How many names deep a sidebar is looked up (a name set to a name…).
const MAX_DEPTH: usize = 4;

/// How deep arrays and objects are read inside each other: deeper is [`Value::Other`]
/// (a file of 100,000 `[` would otherwise exhaust the stack).
const MAX_NESTING: usize = 64;

/// Reads values out of a settings file's code (comments blanked out).
pub(super) struct Reader {
    code: String,
}

impl Reader {
    /// A reader of `text`, its comments blanked out.
    pub(super) fn new(text: &str) -> Reader {
        Reader {
            code: without_comments(text),
        }
    }

    /// The code read, its comments blanked out (offsets as in the text).
    pub(super) fn code(&self) -> &str {
        &self.code
    }

    /// Where the value of each `key:` (or `'key':`) starts.
    pub(super) fn key_values(&self, key: &str) -> Vec<usize> {
        let bytes = self.code.as_bytes();
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = self.code[from..].find(key).map(|i| from + i) {
            from = at + key.len();
            let before = at.checked_sub(1).map(|b| bytes[b]);
            if before
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'.')
            {
                continue;
            }
            let mut end = from;
            if matches!(before, Some(b'"' | b'\'')) && bytes.get(end) == before.as_ref() {
                end += 1;
            }
            let rest = &self.code[end..];
            if let Some(value) = rest.trim_start().strip_prefix(':') {
                found.push(self.code.len() - value.len());
            }
        }
        found
    }

    /// The value written at `at`, and where it ends; `depth` names were followed to it.
    pub(super) fn value(&self, at: usize, depth: usize) -> (Value, usize) {
        self.nested(at, depth, 0)
    }

    /// [`Reader::value`] inside `nesting` arrays and objects.
    fn nested(&self, at: usize, depth: usize, nesting: usize) -> (Value, usize) {
        let bytes = self.code.as_bytes();
        let at = skip_space(bytes, at);
        match bytes.get(at) {
            Some(b'[' | b'{') if nesting >= MAX_NESTING => (Value::Other, skip_other(bytes, at)),
            Some(b'[') => self.array(at + 1, depth, nesting + 1),
            Some(b'{') => self.object(at + 1, depth, nesting + 1),
            Some(q @ (b'"' | b'\'' | b'`')) => {
                let end = string_end(bytes, at);
                let inner = string_inside(&self.code, at, end);
                let text = match q {
                    b'`' if inner.contains("${") => return (Value::Other, end),
                    _ => inner.replace("\\'", "'").replace("\\\"", "\""),
                };
                (Value::Text(text), end)
            }
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' || *b == b'$' => {
                let len = bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.'))
                    .count();
                let name = &self.code[at..at + len];
                let end = skip_other(bytes, at + len);
                let defined = (depth < MAX_DEPTH).then(|| self.definition(name)).flatten();
                match defined {
                    Some(start) => (self.value(start, depth + 1).0, end),
                    None => (Value::Other, end),
                }
            }
            _ => (Value::Other, skip_other(bytes, at)),
        }
    }

    fn array(&self, mut at: usize, depth: usize, nesting: usize) -> (Value, usize) {
        let bytes = self.code.as_bytes();
        let mut items = Vec::new();
        loop {
            at = skip_space(bytes, at);
            match bytes.get(at) {
                None => return (Value::Array(items), at),
                Some(b']') => return (Value::Array(items), at + 1),
                Some(b',') => at += 1,
                Some(_) => {
                    let (value, end) = self.nested(at, depth, nesting);
                    items.push(value);
                    at = end.max(at + 1);
                }
            }
        }
    }

    fn object(&self, mut at: usize, depth: usize, nesting: usize) -> (Value, usize) {
        let bytes = self.code.as_bytes();
        let mut fields = Vec::new();
        // Where each key stands among the fields, so one written twice is found at once.
        let mut places = std::collections::HashMap::new();
        loop {
            at = skip_space(bytes, at);
            let key = match bytes.get(at) {
                None => return (Value::Object(fields), at),
                Some(b'}') => return (Value::Object(fields), at + 1),
                Some(b',') => {
                    at += 1;
                    continue;
                }
                Some(b'"' | b'\'') => {
                    let end = string_end(bytes, at);
                    let key = string_inside(&self.code, at, end).to_string();
                    at = end;
                    key
                }
                Some(b) if b.is_ascii_alphanumeric() || *b == b'_' || *b == b'$' => {
                    let len = bytes[at..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$'))
                        .count();
                    at += len;
                    self.code[at - len..at].to_string()
                }
                // A spread, a computed key, a method: not read.
                Some(_) => {
                    at = skip_other(bytes, at + 1);
                    continue;
                }
            };
            at = skip_space(bytes, at);
            if bytes.get(at) != Some(&b':') {
                at = skip_other(bytes, at);
                continue;
            }
            let (value, end) = self.nested(at + 1, depth, nesting);
            // A key written twice keeps its first place and its last value, as in
            // JavaScript (`{type: "file", label: "x", type: "doc", id: "a"}` is a doc).
            match places.get(&key) {
                Some(&at) => fields[at] = (key, value),
                None => {
                    places.insert(key.clone(), fields.len());
                    fields.push((key, value));
                }
            }
            at = end.max(at + 1);
        }
    }

    /// The string the value at `at` is, written as it is or handed to a call
    /// (`require.resolve('./sidebars.js')`); `None` for anything else.
    pub(super) fn string_or_argument(&self, at: usize) -> Option<String> {
        let bytes = self.code.as_bytes();
        let at = skip_space(bytes, at);
        let callee = self.word(at).len();
        let from = match bytes.get(at + callee) {
            Some(b'(') if callee > 0 => at + callee + 1,
            _ => at,
        };
        // No name is followed: `path.resolve(__dirname, …)` is not a string.
        match self.value(from, MAX_DEPTH).0 {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The name (with its dots: `require.resolve`) or word (`false`) at `at`, after
    /// white space; empty where there is none.
    pub(super) fn word(&self, at: usize) -> &str {
        let at = skip_space(self.code.as_bytes(), at);
        let len = self.code.as_bytes()[at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.'))
            .count();
        &self.code[at..at + len]
    }

    /// The value the file exports: `module.exports = …` or `export default …`.
    pub(super) fn exported(&self) -> Option<Value> {
        for (mark, then) in [("module.exports", "="), ("export default", "")] {
            if let Some(at) = self.code.find(mark) {
                let from = at + mark.len();
                let from = from + self.code[from..].find(then)? + then.len();
                return Some(self.value(from, 0).0);
            }
        }
        None
    }

    /// Where the array or object a name is defined as starts: `const name = […]`
    /// (with a type, `const name: DefaultTheme.Sidebar = {…}`), or the one a
    /// `function name()` returns.
    pub(super) fn definition(&self, name: &str) -> Option<usize> {
        let name = name.rsplit('.').next()?;
        for (keyword, after) in [
            ("const ", "="),
            ("let ", "="),
            ("var ", "="),
            ("function ", "return"),
        ] {
            let written = format!("{keyword}{name}");
            let mut from = 0;
            while let Some(at) = self.code[from..].find(&written).map(|i| from + i) {
                from = at + written.len();
                let next = self.code[from..].chars().next();
                if next.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                    continue;
                }
                let value = from + self.code[from..].find(after)? + after.len();
                let start = value + self.code[value..].find(['[', '{'])?;
                return Some(start);
            }
        }
        None
    }
}

/// `at` moved past white space.
fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// Past a value this reader does not read (a number, a call, an expression): to the
/// next `,`, `}` or `]` outside brackets and strings.
fn skip_other(bytes: &[u8], mut at: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'"' | b'\'' | b'`' => {
                at = string_end(bytes, at);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b',' | b'}' | b']' if depth == 0 => return at,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    at
}

/// The offset after the string whose quote is at `open`.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let quote = bytes[open];
    let mut at = open + 1;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'\\' => at += 1,
            b if b == quote => return at + 1,
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

/// The text of the string from `open` (its quote) to `end` (after its closing quote,
/// or the end of the code when it has none).
fn string_inside(code: &str, open: usize, end: usize) -> &str {
    let closed = end > open + 1 && code.as_bytes()[end - 1] == code.as_bytes()[open];
    let close = if closed { end - 1 } else { end };
    code.get(open + 1..close).unwrap_or_default()
}

/// `text` with its `//` and `/* */` comments made spaces (strings kept), so offsets
/// stay as they are.
fn without_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut at = 0;
    while at < bytes.len() {
        let end = match (bytes[at], bytes.get(at + 1)) {
            (b'"' | b'\'' | b'`', _) => {
                at = string_end(bytes, at);
                continue;
            }
            (b'/', Some(b'/')) => {
                memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |e| at + e)
            }
            (b'/', Some(b'*')) => text[at + 2..]
                .find("*/")
                .map_or(bytes.len(), |e| at + 4 + e),
            _ => {
                at += 1;
                continue;
            }
        };
        out[at..end].iter_mut().for_each(|b| *b = b' ');
        at = end;
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_written_twice_has_its_last_value() {
        let reader = Reader::new(r#"x: {type: "file", label: "Highlights", type: 'doc', id: "a"}"#);
        let at = reader.key_values("x")[0];
        let (value, _) = reader.value(at, 0);
        assert_eq!(value.text("type"), Some("doc"));
        assert!(matches!(&value, Value::Object(fields) if fields.len() == 3));
    }

    #[test]
    fn hostile_code_reads_as_little_without_exhausting_the_stack() {
        let deep = format!("sidebar: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let reader = Reader::new(&deep);
        let at = reader.key_values("sidebar")[0];
        assert!(matches!(reader.value(at, 0).0, Value::Array(_)));
        // A name defined as itself is followed a few times, then not.
        let looped = Reader::new("const a = [a, a]; export default a");
        assert!(matches!(looped.exported(), Some(Value::Array(_))));
        for code in [
            "sidebar: \"open",
            "sidebar: /* never closed",
            "export default {",
            "sidebar:",
        ] {
            let reader = Reader::new(code);
            let _ = reader.exported();
            for at in reader.key_values("sidebar") {
                let _ = reader.value(at, 0);
            }
        }
    }
}
