//! A Logseq graph read from its own folder (`content_dir = "."` on a repository
//! holding `logseq/config.edn`): Logseq shows only the pages of its `pages/` and
//! `journals/` folders (as `:pages-directory` and `:journals-directory` in
//! `config.edn` name them), the whiteboards, and the files of `assets/` and `draws/`
//! they show. What else sits beside them (a graph published to GitHub Pages keeps
//! Logseq's export there: `index.html`, `404.html`, `static/js/main.js`; a `README.md`
//! for the repository) is no page of the graph, and neither is what `:hidden` names:
//! all of it is left out, as `[build] exclude` patterns the site's own patterns may
//! take back (`!/README.md`).

use super::exclude::Exclude;
use super::FrontMatter;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// Why a file beside the graph's folders is left out.
pub const OUTSIDE: &str =
    "the Logseq graph's folder, outside its pages, journals and assets (Logseq shows only those)";

/// Why a file `:hidden` names is left out.
pub const HIDDEN: &str = "what logseq/config.edn hides (`:hidden`)";

/// What a Logseq graph's `config.edn` says that reading its pages needs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Graph {
    /// `:publishing/all-pages-public? true`: every page is published but those marked
    /// `public:: false` (else only those marked `public:: true` are).
    pub all_public: bool,
}

/// The Logseq graph the content folder `dir` (of the site at `root`) is or is in:
/// its `logseq/config.edn` is in it or beside it.
pub fn graph(root: &Path, dir: &Path) -> Option<Graph> {
    let folder = [Some(dir), Some(root), dir.parent()]
        .into_iter()
        .flatten()
        .find(|folder| folder.join("logseq").join("config.edn").is_file())?;
    let edn = without_comments(&config(folder).unwrap_or_default());
    let all_public = after_key(&edn, ":publishing/all-pages-public?")
        .is_some_and(|rest| rest.trim_start().starts_with("true"));
    Some(Graph { all_public })
}

/// Whether the content folder `dir` (of the site at `root`) is a Logseq graph's or
/// in one (see [`graph`]).
pub fn is_graph(root: &Path, dir: &Path) -> bool {
    graph(root, dir).is_some()
}

/// The config of the graph whose folder is `dir`, when `dir` is one.
fn config(dir: &Path) -> Option<String> {
    std::fs::read_to_string(dir.join("logseq").join("config.edn")).ok()
}

/// `[build] exclude`-style patterns, each with why, that leave out what the Logseq
/// graph at `dir` does not show (see the module's doc); none when `dir` is no graph.
pub fn patterns(dir: &Path) -> Vec<(String, String)> {
    let Some(edn) = config(dir) else {
        return Vec::new();
    };
    let edn = without_comments(&edn);
    let mut kept = vec![
        string_value(&edn, ":pages-directory").unwrap_or_else(|| "pages".to_string()),
        string_value(&edn, ":journals-directory").unwrap_or_else(|| "journals".to_string()),
        string_value(&edn, ":whiteboards-directory").unwrap_or_else(|| "whiteboards".to_string()),
    ];
    kept.extend(["assets", "draws", "logseq"].map(String::from));
    let mut patterns = vec![("/*".to_string(), OUTSIDE.to_string())];
    for folder in kept {
        let folder = folder.trim_matches('/');
        if !folder.is_empty() && !folder.split('/').any(|part| part == ".." || part == ".") {
            patterns.push((format!("!/{folder}/"), OUTSIDE.to_string()));
        }
    }
    for hidden in string_list(&edn, ":hidden") {
        let hidden = hidden.trim_start_matches("./").trim_start_matches('/');
        if !hidden.is_empty() && !hidden.split('/').any(|part| part == "..") {
            patterns.push((format!("/{hidden}"), HIDDEN.to_string()));
        }
    }
    patterns
}

/// One warning naming the Markdown files beside the graph's folders that are left out
/// (Logseq's export and a repository's README are not; those the site's own
/// `[build] exclude` leaves out are its choice, and not named).
pub fn outside_warning(root: &Path, dir: &Path, exclude: &Exclude, diagnostics: &mut Diagnostics) {
    let mut names: Vec<&PathBuf> = exclude
        .notes
        .iter()
        .filter(|n| exclude.default_of(n, false) == Some(OUTSIDE))
        .collect();
    if names.is_empty() {
        return;
    }
    names.sort();
    let count = names.len();
    let mut shown: Vec<String> = names
        .iter()
        .take(8)
        .map(|p| format!("'{}'", p.to_string_lossy().replace('\\', "/")))
        .collect();
    if count > 8 {
        shown.push(format!("and {} more", count - 8));
    }
    let (files, are) = if count == 1 {
        ("file", "is")
    } else {
        ("files", "are")
    };
    let first = names[0].to_string_lossy().replace('\\', "/");
    diagnostics.push(
        Diagnostic::warning(
            Code::OutsideGraph,
            format!(
                "{count} Markdown {files} outside the Logseq graph's pages and journals {are} left out, as Logseq shows none of them: {}",
                shown.join(", ")
            ),
        )
        .in_file(super::read::display_path(root, &dir.join("logseq").join("config.edn")))
        .help(format!(
            "to publish one, add \"!/{first}\" to `[build] exclude`; to publish the graph's pages only, set `content_dir` to its pages folder"
        )),
    );
}

/// The properties Logseq reads as a page's metadata, with the front matter key each
/// is: its title, other names, tags, description, and whether it is published.
const PAGE_KEYS: [(&str, &str); 5] = [
    ("title", "title"),
    ("alias", "aliases"),
    ("tags", "tags"),
    ("description", "description"),
    ("public", "publish"),
];

/// Properties Logseq keeps for itself and never shows on a page: a page's icon and
/// the graph view's filters, a block's id, fold and colour.
pub const HIDDEN_PROPERTIES: &[&str] = &[
    "icon",
    "filters",
    "exclude-from-graph-view",
    "collapsed",
    "id",
    "heading",
    "background-color",
    "created-at",
    "updated-at",
    "last-modified-at",
    "created_at",
    "last_modified_at",
];

/// The `key:: value` a line of Logseq's properties is (the key in lowercase, as
/// Logseq reads it).
pub fn property(line: &str) -> Option<(String, &str)> {
    let line = line.trim_end();
    let (key, value) = line.split_once("::")?;
    let fits =
        !key.is_empty() && !key.contains(|c: char| c.is_whitespace() || "`[]()#*:\"'".contains(c));
    (fits && (value.is_empty() || value.starts_with(' ')))
        .then(|| (key.to_lowercase(), value.trim()))
}

/// A Logseq page's properties, read as its front matter: the `key:: value` lines at
/// the top of `text` (of `file`). `title`, `alias`, `tags`, `description` and
/// `public` are the page's title, other names, tags, description and whether it is
/// published (see [`Graph::all_public`]), and their lines are blanked in `text` (a space for each byte: every
/// place keeps its line and byte); the properties Logseq hides are blanked too; any other is left
/// as it is written, text on the page, as Logseq shows it. `None` when the page has
/// none of them.
pub(super) fn page_properties(
    text: &mut String,
    graph: Graph,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<FrontMatter> {
    let mut yaml = String::new();
    let mut blank = Vec::new();
    let mut read = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let Some((key, value)) = property(line) else {
            break;
        };
        let range = at..at + line.trim_end().len();
        at += line.len();
        // In a graph whose pages are all public, `public:: true` says nothing more.
        let redundant = graph.all_public && key == "public" && value.eq_ignore_ascii_case("true");
        if redundant || HIDDEN_PROPERTIES.contains(&key.as_str()) {
            blank.push(range);
        } else if let Some((_, ours)) = PAGE_KEYS.iter().find(|(theirs, _)| *theirs == key) {
            yaml.push_str(&yaml_line(ours, value));
            blank.push(range);
            read = true;
        }
        yaml.push('\n');
    }
    if !read {
        return None;
    }
    for range in blank {
        let spaces = " ".repeat(range.len());
        text.replace_range(range, &spaces);
    }
    let front = super::front_matter::parse_front_matter(&yaml, 1, file, diagnostics)?;
    let yaml_format = super::fence::Format::Yaml;
    let mut front =
        super::front::resolve_synonyms(front, &yaml, yaml_format, 1, file, diagnostics)?;
    front.logseq = true;
    Some(front)
}

/// The YAML line for the property `key` (the front matter key) with `value` as
/// Logseq writes it: names and tags a comma-separated list, each maybe a `[[link]]`
/// or a `#tag`; `public` true or false (anything else is not read).
fn yaml_line(key: &str, value: &str) -> String {
    let quoted = |s: &str| serde_json::Value::String(s.to_string()).to_string();
    match key {
        "aliases" | "tags" => {
            let items: Vec<String> = value
                .split(',')
                .map(|item| {
                    let item = item.trim();
                    let item = item.strip_prefix('#').unwrap_or(item);
                    let item = item.strip_prefix("[[").unwrap_or(item);
                    item.strip_suffix("]]").unwrap_or(item).trim()
                })
                .filter(|item| !item.is_empty())
                .map(quoted)
                .collect();
            format!("{key}: [{}]", items.join(", "))
        }
        "publish" => match value.to_ascii_lowercase().as_str() {
            flag @ ("true" | "false") => format!("{key}: {flag}"),
            _ => String::new(),
        },
        _ => format!("{key}: {}", quoted(value)),
    }
}

/// The page name a Logseq file name stands for, where the two differ: Logseq writes a
/// namespace's `/` as `___` (`Parenting___Attachment.md` is `Parenting/Attachment`)
/// and the characters a file name may not hold as `%XX` (`%3A` for `:`).
pub fn name_of_file(stem: &str) -> Option<String> {
    if !stem.contains("___") && !stem.contains('%') {
        return None;
    }
    let joined = stem.replace("___", "/");
    let name = crate::text::percent_decode(&joined).unwrap_or(joined);
    (name != stem).then_some(name)
}

/// Logseq's blocks by id, as `((id))` and `{{embed ((id))}}` name them: the page's
/// path from the content folder, without its extension (as a wikilink names it),
/// and the block's first line as plain words. A block has an id when an `id:: …`
/// property stands under its first line.
pub type BlockIds = std::collections::BTreeMap<String, (String, String)>;

/// The blocks of the graph's pages (`sources`) that have an id.
pub fn block_ids(sources: &[super::Source]) -> BlockIds {
    let mut blocks = BlockIds::new();
    for source in sources {
        let page = source.rel.with_extension("");
        let page = page.to_string_lossy().replace('\\', "/");
        let mut first = "";
        for line in source.body().lines() {
            let bare = line.trim();
            let bare = bare.strip_prefix("- ").unwrap_or(bare);
            // Or in an older graph's drawer, `:id: 5fec89e0-…` (its other lines,
            // `:PROPERTIES:` and `:END:` too, start with `:` as well).
            let drawer_id = bare.strip_prefix(":id:").map(str::trim);
            match property(bare).or(drawer_id.map(|id| ("id".to_string(), id))) {
                Some((key, id)) if key == "id" && is_block_id(id) => {
                    blocks.insert(id.to_string(), (page.clone(), block_words(first)));
                }
                Some(_) => {}
                None if !bare.is_empty() && !bare.starts_with(':') => first = bare,
                None => {}
            }
        }
    }
    blocks
}

/// Whether `id` may be a block's id (`641b4de2-999b-…`): letters, digits and `-`, as
/// a block id is read where it is written (`^id`).
pub fn is_block_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A block's first line as a link's words: no heading marks, no brackets.
fn block_words(line: &str) -> String {
    let line = line.trim_start_matches('#').trim();
    let words: String = line
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | '|'))
        .collect();
    match words.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", words[..at].trim_end()),
        None => words,
    }
}

/// `edn` without its comments (`;` to the end of the line, outside strings).
fn without_comments(edn: &str) -> String {
    let mut out = String::with_capacity(edn.len());
    let (mut in_string, mut escaped, mut in_comment) = (false, false, false);
    for c in edn.chars() {
        if in_comment {
            if c == '\n' {
                in_comment = false;
                out.push(c);
            }
            continue;
        }
        if in_string {
            escaped = !escaped && c == '\\';
            in_string = escaped || c != '"';
        } else if c == '"' {
            in_string = true;
        } else if c == ';' {
            in_comment = true;
            continue;
        }
        out.push(c);
    }
    out
}

/// The string after `key` at the map's top or in any map (`:pages-directory "notes"`).
fn string_value(edn: &str, key: &str) -> Option<String> {
    let after = after_key(edn, key)?.trim_start();
    let rest = after.strip_prefix('"')?;
    Some(read_string(rest).0)
}

/// The strings of the vector after `key` (`:hidden ["/archived" "/test.md"]`).
fn string_list(edn: &str, key: &str) -> Vec<String> {
    let Some(after) = after_key(edn, key) else {
        return Vec::new();
    };
    let Some(mut rest) = after.trim_start().strip_prefix('[') else {
        return Vec::new();
    };
    let mut strings = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        match rest.strip_prefix('"') {
            Some(inner) => {
                let (string, used) = read_string(inner);
                strings.push(string);
                rest = &inner[used..];
            }
            None => return strings,
        }
    }
}

/// The text after the first `key` standing as a keyword of its own (not the start of
/// `:hidden-files`).
fn after_key<'a>(edn: &'a str, key: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = edn[from..].find(key) {
        let end = from + at + key.len();
        let next = edn[end..].chars().next();
        if next.is_none_or(|c| c.is_whitespace() || c == '"' || c == '[') {
            return Some(&edn[end..]);
        }
        from = end;
    }
    None
}

/// The string that `text` starts (after its opening quote), unescaped, and the
/// bytes it takes with its closing quote.
fn read_string(text: &str) -> (String, usize) {
    let mut string = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (string, i + 1),
            '\\' => {
                if let Some((_, next)) = chars.next() {
                    string.push(next);
                }
            }
            _ => string.push(c),
        }
    }
    (string, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folders_and_hidden_paths_are_read_from_the_config_without_its_comments() {
        let edn = without_comments(
            r#"{:meta/version 1
 ;; :pages-directory "old"
 :pages-directory "notes" ; where pages are
 :hidden ["/archived" "drafts/x.md", "../elsewhere"]
 :hidden-files ["no"]
 :journal/page-title-format "MMM do, yyyy; week"}"#,
        );
        assert_eq!(
            string_value(&edn, ":pages-directory").as_deref(),
            Some("notes")
        );
        assert_eq!(string_value(&edn, ":journals-directory"), None);
        assert_eq!(
            string_list(&edn, ":hidden"),
            ["/archived", "drafts/x.md", "../elsewhere"]
        );
        assert_eq!(
            string_value(&edn, ":journal/page-title-format").as_deref(),
            Some("MMM do, yyyy; week")
        );
    }
}
