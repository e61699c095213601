//! The tera templates: the default theme embedded in the binary, overridden template
//! by template by a site's own theme, with errors that name the file and line.

use crate::diagnostic::Diagnostic;
use crate::markdown::escape;
use crate::theme;
use std::collections::BTreeMap;
use std::path::Path;
use tera::{Context, Tera};

/// Compiled templates: built once per build, shared by every page.
pub struct Templates {
    tera: Tera,
    /// Hash of every template's source, so a server knows when pages must re-render.
    fingerprint: u64,
}

impl Templates {
    /// Loads the default theme, then the site theme's templates over it.
    pub fn load(root: &Path, theme_name: Option<&str>) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources: BTreeMap<String, (String, String)> = theme::TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    (format!("themes/default/templates/{name}"), text.to_string()),
                )
            })
            .collect();
        let mut problems = Vec::new();
        if let Some(name) = theme_name {
            let dir = root.join("themes").join(name).join("templates");
            if !root.join("themes").join(name).is_dir() {
                problems.push(
                    Diagnostic::error("theme", format!("theme '{name}' not found: no folder themes/{name}/"))
                        .in_file("book.toml")
                        .help("create themes/<name>/templates/ with the templates to override, or remove `theme`"),
                );
                return Err(problems);
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
                        let text = crate::site::without_edition_mark(text);
                        sources.insert(rel, (display.to_string_lossy().into_owned(), text));
                    }
                    Err(e) => problems.push(
                        Diagnostic::error("theme", format!("could not read template: {e}"))
                            .in_file(display),
                    ),
                }
            }
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Escapes the five HTML specials but leaves `/` alone, so URLs stay readable.
        tera.set_escape_fn(escape);
        // Each template is checked alone first, so an error names its own file and line.
        for (name, (display, text)) in &sources {
            if let Err(e) = tera::Template::new(name, None, text) {
                problems.push(template_diagnostic(display, &e));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        if let Err(e) = tera.add_raw_templates(
            sources
                .iter()
                .map(|(name, (_, text))| (name.clone(), text.clone())),
        ) {
            return Err(vec![Diagnostic::error("template", error_chain(&e))]);
        }
        let mut all = Vec::new();
        for (name, (_, text)) in &sources {
            all.extend(name.as_bytes());
            all.push(0);
            all.extend(text.as_bytes());
            all.push(0);
        }
        Ok(Templates {
            tera,
            fingerprint: crate::output::hash_bytes(&all),
        })
    }

    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    pub(super) fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera.render(name, context).map_err(|e| {
            Diagnostic::error("template", format!("rendering {name}: {}", error_chain(&e)))
                .in_file(format!("templates/{name}"))
        })
    }
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
    Diagnostic::error("template", message).at(display, line, column)
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
