//! `[build] exclude`: folders and files of the content folder (and of the static
//! folder) that are never published, written as in a `.gitignore` file: a bare name
//! matches that folder or file at any depth, a `/` anchors a pattern to the folder,
//! `*` matches within a name and `**` across folders, a trailing `/` matches folders
//! only, and a leading `!` takes a file back (unless its folder is left out).

use crate::config::exclude_problem as problem;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::Match;
use std::path::{Path, PathBuf};

/// The patterns of `[build] exclude`, read for one folder, and the notes they leave
/// out of it.
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    set: Option<Gitignore>,
    /// Each pattern read, with its place in the list.
    patterns: Vec<(usize, String)>,
    /// Patterns the source's own tool sets (see [`vault_templates`]), each with where
    /// it is set, read before `[build] exclude`'s.
    defaults: Vec<(String, String)>,
    /// The Markdown files left out, by path below the folder (names only: none is
    /// read), so a link naming one says it is left out rather than not written.
    pub notes: Vec<PathBuf>,
    /// The pages read and held back by their front matter (see
    /// [`super::Publish::holds_back`]), each with why, for the same purpose.
    pub held_back: Vec<(PathBuf, String)>,
}

impl Exclude {
    /// The patterns read relative to `dir`; a pattern that does not read (already
    /// reported by the config's checks, see [`crate::config::exclude_problem`]) is passed over.
    pub fn new(dir: &Path, patterns: &[String]) -> Exclude {
        Exclude::with_defaults(dir, Vec::new(), patterns)
    }

    /// As [`Exclude::new`], with `defaults` (pattern, where it is set) read first, so a
    /// pattern of `[build] exclude` may take one back (`!/Templates/`).
    pub fn with_defaults(
        dir: &Path,
        defaults: Vec<(String, String)>,
        patterns: &[String],
    ) -> Exclude {
        if patterns.is_empty() && defaults.is_empty() {
            return Exclude::default();
        }
        let mut builder = GitignoreBuilder::new(dir);
        let defaults: Vec<_> = defaults
            .into_iter()
            .filter(|(pattern, _)| builder.add_line(None, pattern).is_ok())
            .collect();
        let mut read = Vec::new();
        for (n, pattern) in patterns.iter().enumerate() {
            if problem(pattern).is_none() && builder.add_line(None, pattern).is_ok() {
                read.push((n, pattern.clone()));
            }
        }
        Exclude {
            set: builder.build().ok(),
            patterns: read,
            defaults,
            ..Exclude::default()
        }
    }

    /// Whether `rel`, a path below the folder (a folder when `is_dir`), is left out
    /// by a pattern naming it or one of the folders it is in.
    pub fn excludes(&self, rel: &Path, is_dir: bool) -> bool {
        self.set.as_ref().is_some_and(|set| {
            rel.parent().is_some() && set.matched_path_or_any_parents(rel, is_dir).is_ignore()
        })
    }

    /// The place in `[build] exclude` of the pattern that leaves `rel` out, if one does.
    pub fn pattern_of(&self, rel: &Path, is_dir: bool) -> Option<usize> {
        let glob = self.matching(rel, is_dir)?;
        self.patterns
            .iter()
            .find(|(_, p)| p.trim() == glob)
            .map(|(n, _)| *n)
    }

    /// Where the source's own tool leaves `rel` out, when one of its patterns does
    /// (`the vault's templates folder (.obsidian/templates.json)`).
    pub fn default_of(&self, rel: &Path, is_dir: bool) -> Option<&str> {
        let glob = self.matching(rel, is_dir)?;
        let (_, why) = self.defaults.iter().find(|(p, _)| p.trim() == glob)?;
        Some(why)
    }

    /// The pattern, as written, that leaves `rel` out.
    fn matching(&self, rel: &Path, is_dir: bool) -> Option<&str> {
        let set = self.set.as_ref().filter(|_| rel.parent().is_some())?;
        match set.matched_path_or_any_parents(rel, is_dir) {
            Match::Ignore(glob) => Some(glob.original().trim()),
            _ => None,
        }
    }

    /// The left-out note `name` names as a wikilink does: by its path below the folder
    /// without `.md` (`private/Diary`), or by its file name alone, in any case.
    pub fn note_named(&self, name: &str) -> Option<&Path> {
        named(self.notes.iter().map(PathBuf::as_path), name)
    }

    /// The page held back that `name` names as a wikilink does, with why it is.
    pub fn held_back_named(&self, name: &str) -> Option<(&Path, &str)> {
        let note = named(self.held_back.iter().map(|(p, _)| p.as_path()), name)?;
        self.held_back_why(note).map(|why| (note, why))
    }

    /// Why the page at `rel` is held back, if it is.
    pub fn held_back_why(&self, rel: &Path) -> Option<&str> {
        let (_, why) = self.held_back.iter().find(|(p, _)| p == rel)?;
        Some(why)
    }

    /// Fills [`Exclude::notes`] from what the walk of `dir` left out (`left_out`: paths
    /// below `dir`, each a folder or not): the Markdown files among them and in them.
    pub fn list_notes(&mut self, dir: &Path, left_out: &[(PathBuf, bool)]) {
        let is_note = |p: &Path| {
            p.extension()
                .is_some_and(|e| e == "md" || e == "markdown" || e == "mdx")
        };
        for (rel, is_dir) in left_out {
            if !is_dir {
                if is_note(rel) {
                    self.notes.push(rel.clone());
                }
                continue;
            }
            let inside = walkdir::WalkDir::new(dir.join(rel))
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !super::walk::is_ignored(&e.file_name().to_string_lossy())
                })
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && is_note(e.path()));
            for entry in inside {
                if let Ok(below) = entry.path().strip_prefix(dir) {
                    self.notes.push(below.to_path_buf());
                }
            }
        }
    }
}

/// The templates folders of an Obsidian vault, as patterns relative to the content
/// folder `dir` with where each is set: the core Templates plugin's `folder`
/// (`.obsidian/templates.json`) and Templater's `templates_folder`
/// (`.obsidian/plugins/templater-obsidian/data.json`). A template is the scaffold of
/// notes to come (`{{date}}`, `<% tp.file.title %>`), never a note of its own: Quartz
/// leaves `templates` out by default, and Obsidian Publish publishes only what is
/// chosen. The vault is the content folder or the site's folder, whichever holds
/// `.obsidian/`; a folder outside the content folder, or the content folder itself,
/// is no pattern. Then the folders of templates no setting names, found by their name
/// and what their notes hold (see [`templates_folders`]).
pub fn vault_templates(root: &Path, dir: &Path) -> Vec<(String, String)> {
    vault_templates_found(root, dir).0
}

/// As [`vault_templates`], with the folders found by what they hold that no setting
/// names.
pub fn vault_templates_found(
    root: &Path,
    dir: &Path,
) -> (Vec<(String, String)>, Vec<TemplatesFolder>) {
    let mut patterns = set_templates(root, dir);
    let mut guessed = Vec::new();
    for found in templates_folders(root, dir) {
        if patterns.iter().all(|(p, _)| p != &found.pattern) {
            patterns.push((found.pattern.clone(), GUESSED.to_string()));
            guessed.push(found);
        }
    }
    (patterns, guessed)
}

/// Why a folder found by [`templates_folders`] is left out.
pub const GUESSED: &str = "a folder of templates (its notes hold template placeholders)";

/// The templates folders the vault's settings name (see [`vault_templates`]).
pub fn set_templates(root: &Path, dir: &Path) -> Vec<(String, String)> {
    const SETTINGS: [(&str, &str); 2] = [
        ("templates.json", "folder"),
        ("plugins/templater-obsidian/data.json", "templates_folder"),
    ];
    let Some(vault) = [dir, root]
        .into_iter()
        .find(|v| v.join(".obsidian").is_dir())
    else {
        return Vec::new();
    };
    let mut patterns = Vec::new();
    for (file, key) in SETTINGS {
        let Ok(text) = std::fs::read_to_string(vault.join(".obsidian").join(file)) else {
            continue;
        };
        let Ok(settings) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let Some(folder) = settings.get(key).and_then(|f| f.as_str()) else {
            continue;
        };
        let folder = folder.trim().trim_matches('/');
        let Ok(below) = vault.join(folder).strip_prefix(dir).map(Path::to_path_buf) else {
            continue;
        };
        let below = below.to_string_lossy().replace('\\', "/");
        let plain = below
            .split('/')
            .all(|part| !matches!(part, "" | "." | ".."));
        if folder.is_empty() || !plain || !dir.join(&below).is_dir() {
            continue;
        }
        let pattern = format!("/{}/", escape_pattern(&below));
        if patterns.iter().all(|(p, _)| p != &pattern) {
            patterns.push((
                pattern,
                format!("the vault's templates folder (.obsidian/{file})"),
            ));
        }
    }
    patterns
}

/// A folder of templates that no setting names, found by what it holds: a folder
/// called `Templates`, `templates`, `_templates`, `99 Templates`, `Template` (or so in
/// another language: `Vorlagen`, `Plantillas`, `Modèles`, `模板`) whose
/// notes, at least half of them, hold a template's placeholder outside code (Obsidian's
/// `{{date}}`, `{{title}}`, a plugin's `{{citekey}}`, Templater's `<% tp.… %>`). A vault
/// kept in git most often leaves `.obsidian/` out, and with it the setting that names
/// the folder; Quartz leaves `templates` out by default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplatesFolder {
    /// The folder below the content folder, as written (`Templates`, `meta/templates`).
    pub folder: String,
    /// Its pattern, as [`vault_templates`] writes one.
    pub pattern: String,
    /// Its notes, and how many of them hold a placeholder.
    pub notes: usize,
    pub templates: usize,
    /// The first placeholder found: its file (full path), line, column and text.
    pub first: (PathBuf, usize, usize, String),
}

/// The folders of templates below `dir` found by their name and their notes (see
/// [`TemplatesFolder`]), never in another tool's site (Hugo's or Zola's, an mdBook),
/// where `{{ … }}` is that tool's own syntax.
pub fn templates_folders(root: &Path, dir: &Path) -> Vec<TemplatesFolder> {
    if super::is_hugo_or_zola(root, dir) || dir.join("SUMMARY.md").is_file() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut walk = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(4)
        .into_iter();
    while let Some(Ok(entry)) = walk.next() {
        if !entry.file_type().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if super::walk::is_ignored(&name) {
            walk.skip_current_dir();
            continue;
        }
        if !is_templates_name(&name) {
            continue;
        }
        walk.skip_current_dir();
        if let Some(folder) = templates_folder(dir, entry.path()) {
            found.push(folder);
        }
    }
    found
}

/// "Templates" in the languages vaults are most often kept in: the name Obsidian's
/// Templates plugin is given in its own translations and the one people type (German
/// `Vorlagen`, Spanish `Plantillas`, French `Modèles`, Chinese `模板`…), each with its
/// singular.
const TEMPLATES_NAMES: [&str; 30] = [
    "templates",
    "template",
    "vorlagen",
    "vorlage",
    "plantillas",
    "plantilla",
    "modèles",
    "modèle",
    "modeles",
    "modele",
    "modelli",
    "modello",
    "modelos",
    "modelo",
    "sjablonen",
    "sjabloon",
    "mallar",
    "maler",
    "skabeloner",
    "szablony",
    "šablony",
    "şablonlar",
    "шаблоны",
    "шаблон",
    "шаблони",
    "模板",
    "模版",
    "範本",
    "テンプレート",
    "템플릿",
];

/// Whether a folder's name calls it a folder of templates: one of [`TEMPLATES_NAMES`]
/// in any case, composed or not, after a leading number or mark (`99 Templates`,
/// `_templates`, `00 - Vorlagen`).
fn is_templates_name(name: &str) -> bool {
    let bare =
        crate::text::nfc(name.trim_start_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '_' | ' ' | '-' | '.')
        }))
        .to_lowercase();
    TEMPLATES_NAMES.contains(&bare.as_str())
}

/// The folder at `path` as a [`TemplatesFolder`], when half its notes or more hold a
/// placeholder.
fn templates_folder(dir: &Path, path: &Path) -> Option<TemplatesFolder> {
    let mut notes = 0;
    let mut templates = 0;
    let mut first = None;
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    for file in files {
        notes += 1;
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        if let Some((line, column, placeholder)) = first_placeholder(&text) {
            templates += 1;
            first.get_or_insert((file, line, column, placeholder));
        }
    }
    if templates == 0 || templates * 2 < notes {
        return None;
    }
    let below = path
        .strip_prefix(dir)
        .ok()?
        .to_string_lossy()
        .replace('\\', "/");
    Some(TemplatesFolder {
        pattern: format!("/{}/", escape_pattern(&below)),
        folder: below,
        notes,
        templates,
        first: first?,
    })
}

/// One `templates-folder` warning for each folder of templates left out by what it
/// holds (`guessed`), unless `[build] exclude` names it itself (`patterns`, read on
/// their own) or takes it back (`exclude`, with them): the author chose then.
pub(super) fn templates_left_out(
    root: &Path,
    dir: &Path,
    exclude: &Exclude,
    patterns: &[String],
    guessed: Vec<TemplatesFolder>,
    diagnostics: &mut crate::diagnostic::Diagnostics,
) {
    use crate::diagnostic::{Code, Diagnostic};
    if guessed.is_empty() {
        return;
    }
    let own = Exclude::new(dir, patterns);
    for found in guessed {
        let rel = Path::new(&found.folder);
        if !exclude.excludes(rel, true) || own.excludes(rel, true) {
            continue;
        }
        let (file, line, column, placeholder) = &found.first;
        diagnostics.push(
            Diagnostic::warning(
                Code::TemplatesFolder,
                format!(
                    "'{}/' is left out as a folder of templates: {} of its {} notes hold placeholders such as `{placeholder}`",
                    found.folder, found.templates, found.notes
                ),
            )
            .at(super::read::display_path(root, file), *line, *column)
            .help(format!(
                "a template is the scaffold of notes to come, which Quartz leaves out too; to publish the folder, add \"!{0}\" to `[build] exclude`; to keep it out without this warning, add \"{0}\"",
                found.pattern
            )),
        );
    }
}

/// The first template placeholder in `text` outside code, with its line and column
/// (1-based, in characters): `{{name}}` or `{{name:format}}` (a letter first, no
/// space inside: not Hugo's `{{ .Title }}` nor a message's `{{1}}`), or Templater's
/// `<% … %>`.
pub fn first_placeholder(text: &str) -> Option<(usize, usize, String)> {
    for (n, line) in crate::text::prose_lines(text) {
        for (at, _) in line.char_indices() {
            let rest = &line[at..];
            let found = if let Some(inner) = rest.strip_prefix("{{") {
                inner
                    .find("}}")
                    .map(|end| &inner[..end])
                    .filter(|name| {
                        name.starts_with(|c: char| c.is_ascii_alphabetic())
                            && !name.contains(char::is_whitespace)
                            && name.split(':').next().is_some_and(|word| {
                                word.chars()
                                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
                            })
                    })
                    .map(|name| name.len() + 4)
            } else if rest.starts_with("<%") {
                rest.find("%>").map(|end| end + 2)
            } else {
                None
            };
            if let Some(len) = found {
                let column = line[..at].chars().count() + 1;
                return Some((n + 1, column, rest[..len].to_string()));
            }
        }
    }
    None
}

/// `name` written as gitignore reads a name: its special characters escaped.
fn escape_pattern(name: &str) -> String {
    name.chars()
        .flat_map(|c| {
            let special = matches!(c, '*' | '?' | '[' | ']' | '\\' | '!' | '#');
            special.then_some('\\').into_iter().chain([c])
        })
        .collect()
}

/// The note among `notes` that `name` names as a wikilink does: by its path without
/// `.md` (`private/Diary`), or by its file name alone, in any case.
fn named<'a>(mut notes: impl Iterator<Item = &'a Path>, name: &str) -> Option<&'a Path> {
    let name = name.trim().trim_start_matches('/').to_lowercase();
    notes.find(|note| {
        let stem = note.with_extension("").to_string_lossy().replace('\\', "/");
        let file = note.file_stem().unwrap_or_default().to_string_lossy();
        stem.to_lowercase() == name || file.to_lowercase() == name
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excludes(patterns: &[&str], rel: &str, is_dir: bool) -> bool {
        let patterns: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        Exclude::new(Path::new("/site/content"), &patterns).excludes(Path::new(rel), is_dir)
    }

    #[test]
    fn patterns_mean_what_they_mean_in_gitignore() {
        // A bare name: that folder or file at any depth, and everything in it.
        assert!(excludes(&["private"], "private", true));
        assert!(excludes(&["private"], "private/diary.md", false));
        assert!(excludes(&["private"], "topic/private/diary.md", false));
        assert!(!excludes(&["private"], "topic/privately.md", false));
        // Anchored to the folder by a leading `/`, or by a `/` inside.
        assert!(excludes(&["/templates"], "templates/daily.md", false));
        assert!(!excludes(
            &["/templates"],
            "topic/templates/daily.md",
            false
        ));
        assert!(!excludes(&["a/templates"], "b/a/templates/x.md", false));
        assert!(excludes(&["private/**"], "private/deep/x.md", false));
        // `*` within a name, `**` across folders.
        assert!(excludes(&["*.draft.md"], "topic/deep/x.draft.md", false));
        assert!(!excludes(&["*.draft.md"], "topic/x.md", false));
        assert!(excludes(
            &["topic/**/secret.md"],
            "topic/a/b/secret.md",
            false
        ));
        // A trailing `/`: folders only.
        assert!(excludes(&["journal/"], "journal/x.md", false));
        assert!(!excludes(&["journal/"], "journal", false));
        // `!` takes a file back.
        assert!(!excludes(&["*.md", "!keep.md"], "keep.md", false));
        assert!(excludes(&["*.md", "!keep.md"], "other.md", false));
        assert!(!excludes(&[], "anything.md", false));
    }

    #[test]
    fn a_bad_pattern_says_why() {
        assert!(problem("private/**").is_none());
        assert!(problem("").is_some());
        assert!(problem("# notes").is_some());
        // As in git, an unclosed `[` is a character of the name.
        assert!(problem("notes/[abc").is_none());
        let range = problem("notes/[z-a].md").unwrap();
        assert!(range.contains("range"), "{range}");
        let braces = problem("{private,journal").unwrap();
        assert!(braces.contains("unclosed"), "{braces}");
    }
}
