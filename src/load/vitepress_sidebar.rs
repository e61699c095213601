//! VitePress' sidebar (`themeConfig.sidebar` in `.vitepress/config.mts`): the pages
//! it links, in its order, with the `text` it gives each, read as the site's own table
//! of contents (`contents.rs`). 07B-BD/cours, a course whose sidebar lists every
//! page: 22 orphan warnings, and its modules' pages sorted by title, not as taught.
//!
//! The settings are JavaScript, which attune does not run: only literals are read,
//! the arrays and objects written at `sidebar:` (every one, so each locale's), and a
//! name one holds (`sidebar: sidebarGuide()`, `'/guide/': guide`) where the same file
//! defines it (`function sidebarGuide() { return […] }`, `const guide = […]`). A
//! group's `base` starts its items' links.

use std::path::{Path, PathBuf};

/// A JavaScript value, as far as a sidebar needs it.
enum Value {
    Object(Vec<(String, Value)>),
    Array(Vec<Value>),
    Text(String),
    Other,
}

impl Value {
    fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn text(&self, key: &str) -> Option<&str> {
        match self.get(key)? {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// How many names deep a sidebar is looked up (a name set to a name…).
const MAX_DEPTH: usize = 4;

/// The pages the sidebars of the VitePress site at `root` (content folder `dir`)
/// link, each by its path from the content folder, with the sidebar's title for it.
pub(super) fn listed(root: &Path, dir: &Path) -> Vec<(PathBuf, Option<String>)> {
    let text = super::vitepress::settings_files(root, dir)
        .iter()
        .find_map(|file| std::fs::read_to_string(file).ok());
    let Some(text) = text else {
        return Vec::new();
    };
    let reader = Reader {
        code: without_comments(&text),
    };
    let mut links = Vec::new();
    for at in reader.key_values("sidebar") {
        walk(&reader.value(at, 0).0, "", &mut links);
    }
    links
        .into_iter()
        .filter_map(|(link, title)| Some((page_of(dir, &link)?, title)))
        .collect()
}

/// The links of a sidebar (an array of items and groups, or an object of sidebars by
/// path), each with its `text`, in order; `base` starts the links below a group.
fn walk(value: &Value, base: &str, out: &mut Vec<(String, Option<String>)>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| walk(item, base, out)),
        Value::Object(fields) => {
            let base = value.text("base").unwrap_or(base);
            if let Some(link) = value.text("link") {
                let link = match link.starts_with('/') {
                    true => link.to_string(),
                    false => format!("{base}{link}"),
                };
                out.push((link, value.text("text").map(str::to_string)));
            }
            match value.get("items") {
                Some(items) => walk(items, base, out),
                // Sidebars by path (`'/guide/': […]`).
                None if value.get("link").is_none() && value.get("text").is_none() => {
                    fields.iter().for_each(|(_, v)| walk(v, base, out))
                }
                None => {}
            }
        }
        _ => {}
    }
}

/// The Markdown file a sidebar's link names, from the content folder: `/guide/` its
/// `index.md`, `/guide/intro` (or `.md`, `.html`) `intro.md`, or `intro/index.md`;
/// `None` for a link elsewhere or to no file.
fn page_of(dir: &Path, link: &str) -> Option<PathBuf> {
    if link.contains("://") || link.starts_with("mailto:") {
        return None;
    }
    let path = link.split(['#', '?']).next().unwrap_or_default();
    let path = path.trim_start_matches("./").trim_start_matches('/');
    let stem = path
        .strip_suffix(".md")
        .or_else(|| path.strip_suffix(".html"))
        .unwrap_or(path);
    let candidates = match stem.strip_suffix('/') {
        Some(folder) => vec![format!("{folder}/index.md")],
        None if stem.is_empty() => vec!["index.md".to_string()],
        None => vec![format!("{stem}.md"), format!("{stem}/index.md")],
    };
    candidates
        .into_iter()
        .map(|c| PathBuf::from(c.trim_start_matches('/')))
        .find(|c| dir.join(c).is_file())
}

/// Reads values out of a settings file's code (comments blanked out).
struct Reader {
    code: String,
}

impl Reader {
    /// Where the value of each `key:` (or `'key':`) starts.
    fn key_values(&self, key: &str) -> Vec<usize> {
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

    /// The value written at `at`, and where it ends.
    fn value(&self, at: usize, depth: usize) -> (Value, usize) {
        let bytes = self.code.as_bytes();
        let at = skip_space(bytes, at);
        match bytes.get(at) {
            Some(b'[') => self.array(at + 1, depth),
            Some(b'{') => self.object(at + 1, depth),
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

    fn array(&self, mut at: usize, depth: usize) -> (Value, usize) {
        let bytes = self.code.as_bytes();
        let mut items = Vec::new();
        loop {
            at = skip_space(bytes, at);
            match bytes.get(at) {
                None => return (Value::Array(items), at),
                Some(b']') => return (Value::Array(items), at + 1),
                Some(b',') => at += 1,
                Some(_) => {
                    let (value, end) = self.value(at, depth);
                    items.push(value);
                    at = end.max(at + 1);
                }
            }
        }
    }

    fn object(&self, mut at: usize, depth: usize) -> (Value, usize) {
        let bytes = self.code.as_bytes();
        let mut fields = Vec::new();
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
            let (value, end) = self.value(at + 1, depth);
            fields.push((key, value));
            at = end.max(at + 1);
        }
    }

    /// Where the array or object a name is defined as starts: `const name = […]`
    /// (with a type, `const name: DefaultTheme.Sidebar = {…}`), or the one a
    /// `function name()` returns.
    fn definition(&self, name: &str) -> Option<usize> {
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

    fn links(code: &str) -> Vec<(String, Option<String>)> {
        let reader = Reader {
            code: without_comments(code),
        };
        let mut out = Vec::new();
        for at in reader.key_values("sidebar") {
            walk(&reader.value(at, 0).0, "", &mut out);
        }
        out
    }

    #[test]
    fn a_sidebar_s_links_are_read_in_order_with_their_text() {
        let code = r#"
import { defineConfig } from 'vitepress'
// sidebar: [{ text: 'Commented', link: '/no/' }]
export default defineConfig({
  themeConfig: {
    sidebar: [
      { text: "Plan", link: "/plan/plan-de-cours" },
      {
        text: 'Module 1', collapsed: false,
        items: [
          { text: 'Don\'t panic', link: '/m1/intro.md' },
          { text: `Data`, link: '/m1/data#top' },
        ],
      },
      { text: 'Guide', base: '/guide/', items: [{ text: 'Start', link: 'start' }] },
      { text: 'GitHub', link: 'https://github.com/x' },
    ],
  },
  locales: { fr: { themeConfig: { 'sidebar': guide } } },
})
const guide: DefaultTheme.Sidebar = { '/fr/': sidebarFr() }
function sidebarFr() {
  return [{ text: 'Accueil', link: '/fr/' }]
}
"#;
        let got = links(code);
        let got: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(l, t)| (l.as_str(), t.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("/plan/plan-de-cours", Some("Plan")),
                ("/m1/intro.md", Some("Don't panic")),
                ("/m1/data#top", Some("Data")),
                ("/guide/start", Some("Start")),
                ("https://github.com/x", Some("GitHub")),
                ("/fr/", Some("Accueil")),
            ]
        );
    }

    #[test]
    fn code_it_cannot_follow_reads_as_nothing() {
        for code in [
            "sidebar: makeSidebar(docs)",
            "sidebar: [",
            "sidebar: { ...base, '/a/': [{ link: `/${x}` }] }",
            "sidebar: [{ text: 'a', link: '/a' }, ...more, f(1, [2])]",
        ] {
            let _ = links(code);
        }
        assert_eq!(
            links("sidebar: [{ text: 'a', link: '/a' }, ...more]").len(),
            1
        );
    }
}
