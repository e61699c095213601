//! The tera templates: the default theme embedded in the binary, overridden template
//! by template by a site's own theme, with errors that name the file and line.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::escape;
use crate::theme;
use std::collections::BTreeMap;
use std::path::Path;
use tera::{Context, Tera};

/// Compiled templates: built once per build, shared by every page.
pub struct Templates {
    tera: Tera,
    /// Hash of every template's source, so a server knows when pages must re-render.
    fingerprint: u64,
    /// Whether one render of a page serves both editions: see [`both_editions_form`].
    both_editions: bool,
    /// Each template's file, as diagnostics name it: `themes/NAME/templates/…` for a
    /// site theme's, `themes/default/templates/…` for the built-in theme's.
    files: BTreeMap<String, String>,
}

impl Templates {
    /// Loads the default theme, then the site theme's templates over it. `None` when
    /// a template cannot be read or compiled, each problem pushed into `diagnostics`:
    /// no page renders from a theme that is half there.
    pub fn load(
        root: &Path,
        theme_name: Option<&str>,
        diagnostics: &mut Diagnostics,
    ) -> Option<Templates> {
        Self::load_reusing(root, theme_name, None, diagnostics)
    }

    /// [`Templates::load`], handing back `previous` when the sources are unchanged
    /// instead of compiling them again (for `attune serve`).
    pub fn load_reusing(
        root: &Path,
        theme_name: Option<&str>,
        previous: Option<Templates>,
        diagnostics: &mut Diagnostics,
    ) -> Option<Templates> {
        let mut sources: BTreeMap<String, (String, String)> = theme::TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    (format!("themes/default/templates/{name}"), text.to_string()),
                )
            })
            .collect();
        let problems = diagnostics;
        let before = problems.len();
        if let Some(name) = theme_name {
            let dir = root.join("themes").join(name).join("templates");
            if !root.join("themes").join(name).is_dir() {
                problems.push(
                    Diagnostic::error(Code::Theme, format!("theme '{name}' not found: no folder themes/{name}/"))
                        .in_file("book.toml")
                        .help("create themes/<name>/templates/ with the templates to override, or remove `theme`"),
                );
                return None;
            }
            for entry in walkdir::WalkDir::new(&dir)
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                let display = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                match std::fs::read_to_string(entry.path()) {
                    Ok(text) => {
                        let text = crate::marks::strip_marks(text);
                        sources.insert(rel, (display.to_string_lossy().into_owned(), text));
                    }
                    Err(e) => problems.push(
                        Diagnostic::error(Code::Theme, format!("could not read template: {e}"))
                            .in_file(display),
                    ),
                }
            }
        }
        if problems.len() > before {
            return None;
        }
        let mut all = Vec::new();
        for (name, (_, text)) in &sources {
            all.extend(name.as_bytes());
            all.push(0);
            all.extend(text.as_bytes());
            all.push(0);
        }
        let fingerprint = crate::hash::hash_bytes(&all);
        if let Some(previous) = previous.filter(|p| p.fingerprint == fingerprint) {
            return Some(previous);
        }
        let neutral: Option<Vec<String>> = sources
            .values()
            .map(|(_, text)| both_editions_form(text))
            .collect();
        let both_editions = neutral.is_some();
        let texts = neutral.unwrap_or_else(|| sources.values().map(|(_, t)| t.clone()).collect());
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Escapes the five HTML specials but leaves `/` alone, so URLs stay readable.
        tera.set_escape_fn(escape);
        if let Err(e) = tera.add_raw_templates(sources.keys().cloned().zip(texts)) {
            // Each template alone, so an error names its own file and line.
            for (name, (display, text)) in &sources {
                if let Err(e) = tera::Template::new(name, None, text) {
                    problems.push(template_diagnostic(display, &e));
                }
            }
            if problems.len() == before {
                problems.push(Diagnostic::error(Code::Template, error_chain(&e)));
            }
            return None;
        }
        let files = sources
            .into_iter()
            .map(|(name, (display, _))| (name, display))
            .collect();
        Some(Templates {
            tera,
            fingerprint,
            both_editions,
            files,
        })
    }

    /// Whether a page rendered once, with `index` set to [`crate::site::EDITION_MARK`]
    /// and `site.offline_zip` to the web edition's value, gives both editions through
    /// [`crate::site::UrlStyle::edition`].
    pub fn both_editions(&self) -> bool {
        self.both_editions
    }

    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    pub(super) fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| self.render_diagnostic(name, &e))
    }

    /// A render error of template `name`, at the file it came from. Tera names the
    /// template the error lies in when it knows ("error happened in 'NAME'");
    /// otherwise the page's own template is named, with the templates it extends.
    fn render_diagnostic(&self, name: &str, error: &tera::Error) -> Diagnostic {
        let chain = error_chain(error);
        let file = |name: &str| {
            self.files
                .get(name)
                .cloned()
                .unwrap_or_else(|| name.to_string())
        };
        let named = chain
            .split("error happened in '")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .filter(|at| self.files.contains_key(*at));
        let diagnostic = Diagnostic::error(Code::Template, format!("rendering {name}: {chain}"))
            .in_file(file(named.unwrap_or(name)));
        let parents = match self.tera.get_template(name) {
            Ok(template) if named.is_none() => template.parents.clone(),
            _ => Vec::new(),
        };
        if parents.is_empty() {
            return diagnostic;
        }
        let parents: Vec<String> = parents.iter().map(|p| file(p)).collect();
        diagnostic.help(format!(
            "or in a template it extends: {}",
            parents.join(", ")
        ))
    }
}

/// The template rewritten so that one render serves both editions, or `None` when it
/// cannot be known to. The editions' contexts differ in two values only: `index`
/// (nothing on the web, `index.html` offline) and `site.offline_zip` (true only on the
/// web). A template qualifies when it prints `index` only as `{{ index }}`, so a mark
/// printed there can be replaced afterwards, and reads `site.offline_zip` only as
/// `{% if site.offline_zip %}` with no `else`, whose content is then wrapped in
/// [`crate::site::WEB_ONLY_START`] and [`crate::site::WEB_ONLY_END`] for the offline
/// edition to drop. Anything else (the names in any other expression, a `raw` block,
/// a dump of the whole context) and the theme renders each edition on its own.
fn both_editions_form(text: &str) -> Option<String> {
    use crate::site::{WEB_ONLY_END, WEB_ONLY_START};
    let mut out = String::with_capacity(text.len() + 16);
    // Per open `if`: whether it is an `offline_zip` region.
    let mut ifs: Vec<bool> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let close = match rest.as_bytes().get(open + 1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                out.push_str(&rest[..open + 1]);
                rest = &rest[open + 1..];
                continue;
            }
        };
        out.push_str(&rest[..open]);
        let end = open + 2 + rest[open + 2..].find(close)? + 2;
        let tag = &rest[open..end];
        rest = &rest[end..];
        if close == "#}" {
            out.push_str(tag);
            continue;
        }
        let inner = tag[2..tag.len() - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let code = without_strings(inner);
        let words: Vec<&str> = code.split_whitespace().collect();
        if close == "}}" {
            if inner != "index" && names(&code, "index") {
                return None;
            }
        } else if words == ["if", "site.offline_zip"] {
            ifs.push(true);
            out.push_str(tag);
            out.push_str(WEB_ONLY_START);
            continue;
        } else {
            match words.first().copied() {
                Some("if") => ifs.push(false),
                Some("endif") => out.push_str(if ifs.pop()? { WEB_ONLY_END } else { "" }),
                Some("elif" | "else") if ifs.last() == Some(&true) => return None,
                Some("raw") => return None,
                _ => {}
            }
            if names(&code, "index") {
                return None;
            }
        }
        if code.contains("offline_zip") || code.contains("__tera_context") {
            return None;
        }
        out.push_str(tag);
    }
    out.push_str(rest);
    ifs.is_empty().then_some(out)
}

/// Template code with its string literals emptied, so names are only looked for in code.
fn without_strings(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut quote = None;
    for c in code.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                out.push(c);
            }
            Some(_) => {}
            None => {
                if matches!(c, '"' | '\'' | '`') {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// Whether `code` uses the variable `name` (not as a field, like `loop.index`).
fn names(code: &str, name: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + name.len()..].chars().next();
        !before.is_some_and(|c| ident(c) || c == '.') && !after.is_some_and(ident)
    })
}

/// A tera parse error carries "--> line:column" in its message; lift it into the diagnostic.
fn template_diagnostic(display: &str, error: &tera::Error) -> Diagnostic {
    let chain = error_chain(error);
    let position = chain.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("-->")?.trim();
        let (line, column) = rest.split_once(':')?;
        Some((line.trim().parse().ok()?, column.trim().parse().ok()?))
    });
    let message = chain
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| {
            !l.is_empty() && !l.starts_with("-->") && !l.starts_with('|') && !l.starts_with('=')
        })
        .unwrap_or("template error")
        .to_string();
    let message = format!(
        "template syntax error: {}",
        message.trim_start_matches("= ").trim()
    );
    let (line, column) = position.unwrap_or((0, 0));
    Diagnostic::error(Code::Template, message).at(display, line, column)
}

fn error_chain(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        text.push('\n');
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_that_one_render_serves_for_both_editions() {
        let form = |t: &str| both_editions_form(t);
        assert_eq!(
            form("<a href=\"{{ root }}{{ index }}\">{{ loop.index }}</a>{% if site.offline_zip %}<li>zip</li>{% endif %}").as_deref(),
            Some("<a href=\"{{ root }}{{ index }}\">{{ loop.index }}</a>{% if site.offline_zip %}\u{1e}<li>zip</li>\u{1d}{% endif %}")
        );
        assert!(form("{% if a %}{% if site.offline_zip %}{% if b %}x{% endif %}{% endif %}{% else %}y{% endif %}").is_some());
        assert!(form("{% include \"index.html\" %}{# index #}{{ \"index\" }}").is_some());
        // Anything else renders each edition on its own.
        for text in [
            "{{ index | upper }}",
            "{% if index %}x{% endif %}",
            "{% set i = index %}",
            "{% for index in list %}{% endfor %}",
            "{% if site.offline_zip %}x{% else %}y{% endif %}",
            "{% if not site.offline_zip %}x{% endif %}",
            "{{ site.offline_zip }}",
            "{{ __tera_context }}",
            "{% raw %}{{ index }}{% endraw %}",
            "{% if site.offline_zip %}unclosed",
            "{{ unclosed",
        ] {
            assert!(form(text).is_none(), "{text}");
        }
    }

    #[test]
    fn the_default_theme_renders_both_editions_at_once() {
        let templates =
            Templates::load(Path::new("/nonexistent"), None, &mut Diagnostics::new()).unwrap();
        assert!(templates.both_editions());
    }
}
