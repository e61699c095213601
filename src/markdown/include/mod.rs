//! `{{#include path}}` as mdBook defines it: the whole file, a line range
//! (`path:2`, `path:2:5`, `path::5`, `path:2:`; one that runs past the file's end
//! stops there) or the lines between `ANCHOR: name` and
//! `ANCHOR_END: name` (`path:name`), leaving out the lines that hold an anchor mark
//! (as mdBook does; the whole file and line ranges keep them).
//! `{{#rustdoc_include}}` takes the same lines and keeps the rest of the file as Rust
//! hidden lines (`# ` first, left out of the page when the code block is shown), and
//! `{{#playground path attributes}}` (or its old name `{{#playpen}}`) writes the whole file
//! as a ```` ```rust,attributes ```` code block, as mdBook defines them. The path is relative to the file that
//! holds the directive and must stay inside the site's folder (the one holding
//! `book.toml`, so an mdBook's `../listings/` beside `src/` is read); included text may
//! include in turn, and a cycle is an error naming the chain. Like mdBook, the directive
//! is replaced wherever it stands, code blocks included; `\{{#include …}}` (or any
//! other `\{{#name …}}`) stays as written, without its backslash inside code, where a
//! backslash would show.
//!
//! On an MkDocs site, pymdownx.snippets' `--8<-- "file"` lines are includes too (see
//! [`directive`]), their files found from the folder holding mkdocs.yml; on an MDX
//! page, a partial's tag is (see [`mdx_partial`]).
//!
//! A problem found in included text is reported where it is written: at its line and
//! column in the included file, "included from" the directive ([`Origins`]).

use super::expand::{inside, literal_ranges, normalise, Article, Expanded, SegMap, Splice};
use super::LineIndex;
use crate::diagnostic::{Code, Diagnostic};
use pulldown_cmark::Options;
use std::path::{Path, PathBuf};

mod directive;
mod mdx_partial;
mod origins;
mod placeholders;
mod select;
mod vitepress;
use directive::{body_line, hugo_target, Directive, Finder};
use origins::from_content;
pub use origins::{place_included, IncludedAt, Origin, Origins, VIRTUAL_LINE};
use select::{header_not_path, Prefixed, Take};

/// A file an article included, for rebuilding when it changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Included {
    /// Path from the content folder.
    pub rel: PathBuf,
    /// [`crate::hash::hash_bytes`] of the file as read.
    pub hash: u64,
}

/// What `includes` were when they were read, hashed; 0 for none.
pub fn includes_hash(includes: &[Included]) -> u64 {
    if includes.is_empty() {
        return 0;
    }
    let mut h = crate::hash::StableHasher::default();
    h.debug(
        &includes
            .iter()
            .map(|i| (&i.rel, i.hash))
            .collect::<Vec<_>>(),
    );
    h.finish()
}

/// What `includes` (paths from `content`) are now, hashed as [`includes_hash`] does:
/// differs from it when one of them changed since.
pub fn includes_now(content: &Path, includes: &[Included]) -> u64 {
    let now: Vec<Included> = includes
        .iter()
        .map(|i| Included {
            rel: i.rel.clone(),
            hash: std::fs::read(content.join(&i.rel))
                .map(|b| crate::hash::hash_bytes(&b))
                .unwrap_or(!i.hash),
        })
        .collect();
    includes_hash(&now)
}

/// The files that articles include (paths from the content folder): snippets, not
/// articles of their own. Only files included from a file that nothing includes count,
/// so files that include each other in a cycle stay articles and report it.
pub fn snippets<'p>(
    files: impl Iterator<Item = (&'p Path, &'p [Included])> + Clone,
) -> std::collections::HashSet<PathBuf> {
    let included: std::collections::HashSet<&Path> = files
        .clone()
        .flat_map(|(_, inc)| inc.iter().map(|i| i.rel.as_path()))
        .collect();
    files
        .filter(|(rel, _)| !included.contains(rel))
        .flat_map(|(_, inc)| inc.iter().map(|i| i.rel.clone()))
        .collect()
}

/// Nesting deeper than this is reported (mdBook stops at 10).
const MAX_DEPTH: usize = 16;

/// The most includes one article's text may expand, counting each file as often as
/// it is included: files that include a file several times each multiply.
const MAX_INCLUDES: usize = 10_000;

/// Whether `name` is an include directive.
pub fn is_include(name: &str) -> bool {
    matches!(
        name,
        "include" | "rustdoc_include" | "playground" | "playpen"
    )
}

/// The article's body with its includes replaced.
pub(super) fn expand_article(
    body: &str,
    article: &Article,
    options: Options,
    out: &mut Expanded,
) -> (String, SegMap) {
    let mut includer = Includer {
        article,
        options,
        content: article
            .content
            .and_then(|(_, dir, _)| dir.canonicalize().ok()),
        base: None,
        site: None,
        stack: Vec::new(),
        count: 0,
        snippet_places: None,
        out,
    };
    let own = article
        .content
        .and_then(|(_, dir, rel)| origins::canonical(&dir.join(rel)));
    if let Some(own) = &own {
        includer.stack.push(own.clone());
    }
    // The site's folder, the one holding attune's book.toml (not the nearest one above
    // the content folder: an mdBook's own book.toml may sit between them), or the
    // folder `[build] include_root` names from it.
    includer.site = article
        .content
        .and_then(|(root, _, _)| root.canonicalize().ok())
        .filter(|root| {
            includer
                .content
                .as_ref()
                .is_some_and(|c| c.starts_with(root))
        });
    includer.base = includer
        .site
        .as_ref()
        .and_then(|site| site.join(article.include_root).canonicalize().ok())
        .or_else(|| includer.site.clone())
        .or_else(|| includer.content.clone());
    let position = |offset: usize| article.lines.position(article.body_start + offset);
    let (text, map, list) = includer.expand(body, own.as_deref(), article.file, &position);
    includer.out.origins.list = list;
    (text, map)
}

struct Includer<'a, 'o> {
    article: &'a Article<'a>,
    options: Options,
    /// The content folder, canonical.
    content: Option<PathBuf>,
    /// The folder included files must be in: the site's or `include_root` (canonical).
    base: Option<PathBuf>,
    /// The site's folder, holding book.toml (canonical).
    site: Option<PathBuf>,
    /// The files being included, outermost first (canonical).
    stack: Vec<PathBuf>,
    /// Includes expanded so far, against [`MAX_INCLUDES`].
    count: usize,
    /// Where pymdownx.snippets finds snippets (`directive::snippet_places`), read from
    /// the MkDocs settings at the page's first snippet, not at each one.
    snippet_places: Option<Vec<PathBuf>>,
    out: &'o mut Expanded,
}

impl Includer<'_, '_> {
    /// `text` (of the file `path`, shown as `shown`) with its includes replaced;
    /// `position` gives the line and column in that file of an offset in `text`.
    fn expand(
        &mut self,
        text: &str,
        path: Option<&Path>,
        shown: &Path,
        position: &dyn Fn(usize) -> (usize, usize),
    ) -> (String, SegMap, Vec<Origin>) {
        let mut splice = Splice::new(text);
        let mut origins = Vec::new();
        let mut literal: Option<Vec<std::ops::Range<usize>>> = None;
        let mut from = 0;
        let mut copied = 0;
        let mut directives = Finder::for_article(text, self.article);
        while let Some(d) = directives.next(from) {
            from = d.range.end;
            if d.escaped {
                let ranges = literal.get_or_insert_with(|| literal_ranges(text, self.options));
                if inside(ranges, d.range.start) {
                    // In code the backslash would show: drop it, as mdBook does.
                    splice.copy(copied..d.range.start - 1);
                    copied = d.range.start;
                }
                continue;
            }
            if !is_include(d.name) {
                continue;
            }
            // `{{ #include <cmath> }}` in code (C++ in a Rust `cpp!{{ … }}` macro): a C
            // header, not a file of the site, so code shown as written. mdBook would try
            // to read a file named `<cmath>`, fail and keep the text; no site names a
            // file so.
            if header_not_path(&d.args) || d.text_in_code() {
                let ranges = literal.get_or_insert_with(|| literal_ranges(text, self.options));
                if inside(ranges, d.range.start) {
                    continue;
                }
            }
            splice.copy(copied..d.range.start);
            copied = d.range.end;
            let (line, column) = position(d.range.start);
            self.count += 1;
            if self.count > MAX_INCLUDES {
                if self.count == MAX_INCLUDES + 1 {
                    let message = format!("includes would expand more than {MAX_INCLUDES} files' text into this page: the rest are left out");
                    let d = Diagnostic::error(Code::Include, message).help("files that include a file several times each multiply: include each part once");
                    self.out
                        .diagnostics
                        .push(d.at(shown.to_path_buf(), line, column));
                }
                continue;
            }
            match self.include(&d, path, shown) {
                Ok((included, mut origin, inner)) => {
                    // The text before the directive on its line begins each line
                    // after the first, as mdBook writes an include in a blockquote or
                    // a list item.
                    let prefix = &splice.out[splice.out.rfind('\n').map_or(0, |i| i + 1)..];
                    let prefixed = (!prefix.is_empty() && included.contains('\n'))
                        .then(|| Prefixed::new(&included, prefix));
                    let forward =
                        |offset: usize| prefixed.as_ref().map_or(offset, |p| p.forward(offset));
                    let at = splice.out.len();
                    let written = prefixed.as_ref().map_or(included.as_str(), |p| &p.text);
                    splice.insert(written, d.range.start);
                    origin.range = at..at + written.len();
                    origin.from = (shown.to_path_buf(), line, column);
                    // Origins within it move with the prefixes, and go back through them.
                    let inner = inner.into_iter().map(|mut o| {
                        let start = o.range.start;
                        let moved = forward(start);
                        o.range = moved + at..forward(o.range.end) + at;
                        if let Some(p) = &prefixed {
                            o.maps.insert(0, (p.map.clone(), moved, start));
                        }
                        o
                    });
                    let inner: Vec<Origin> = inner.collect();
                    if let Some(p) = prefixed {
                        origin.maps.insert(0, (p.map, 0, 0));
                    }
                    origins.push(origin);
                    origins.extend(inner);
                }
                Err(e) => self
                    .out
                    .diagnostics
                    .push(e.at(shown.to_path_buf(), line, column)),
            }
        }
        splice.copy(copied..text.len());
        (splice.out, splice.map, origins)
    }

    /// The text directive `d` stands for, expanded in turn.
    fn include(
        &mut self,
        d: &Directive,
        from: Option<&Path>,
        shown: &Path,
    ) -> Result<(String, Origin, Vec<Origin>), Diagnostic> {
        let playground = matches!(d.name, "playground" | "playpen");
        let mut fence = String::new();
        let vite = d.vitepress.then(|| vitepress::Spec::of(&d.args));
        let (target, spec) = if let Some(vite) = &vite {
            (vite.path, None)
        } else if d.hugo.is_some() && !d.snippet {
            (d.args.as_ref(), None)
        } else if playground {
            // The file, then the code block's attributes: `{{#playground a.rs editable}}`.
            let mut words = d.args.split_whitespace();
            let file = words.next().unwrap_or("");
            fence.push_str("rust");
            for word in words {
                fence.push(',');
                fence.push_str(word);
            }
            (file, None)
        } else {
            match d.args.split_once(':') {
                Some((path, spec)) => (path.trim(), Some(spec.trim())),
                None => (d.args.as_ref(), None),
            }
        };
        let code = (d.hugo.as_ref().and_then(|h| h.code.as_deref())).or(d.fence.as_deref());
        let take = match d.name {
            _ if code.is_some() => Take::Fence(code.unwrap_or_default()),
            "rustdoc_include" => Take::HideRest,
            _ if playground => Take::Fence(&fence),
            _ => Take::Lines,
        };
        let what = d.shown();
        directive::local_snippet(d, self.article.unsupported_syntax)?;
        let (Some(from), Some(content), Some(base)) =
            (from, self.content.clone(), self.base.clone())
        else {
            return Err(Diagnostic::error(
                Code::Include,
                format!("{what}: includes are read only from files in the content folder"),
            ));
        };
        if d.snippet && self.snippet_places.is_none() {
            self.snippet_places = Some(directive::snippet_places(&content));
        }
        let hugo_path = match (&d.hugo, self.site.as_ref()) {
            (Some(h), Some(site)) => Some(hugo_target(target, from, &content, site, h.page)),
            // VitePress's `@/` (or `@`): from the content folder (its `srcDir`).
            _ if d.vitepress => vitepress::in_source(&content, target),
            _ if d.partial.is_some() => mdx_partial::in_site(target, &content),
            _ => (self.snippet_places.as_deref())
                .filter(|_| d.snippet)
                .map(|places| directive::snippet_target(target, places)),
        };
        let hugo_shown = (hugo_path.as_ref().zip(self.site.as_ref())).map(|(p, site)| {
            p.strip_prefix(site)
                .unwrap_or(p)
                .to_string_lossy()
                .into_owned()
        });
        let target = hugo_shown.as_deref().unwrap_or(target);
        let joined = match hugo_path {
            Some(path) => path,
            None => from.parent().unwrap_or(Path::new("")).join(target),
        };
        let shown_target = match d.hugo.is_some() || d.snippet || hugo_shown.is_some() {
            true => PathBuf::from(target),
            false => normalise(&shown.parent().unwrap_or(Path::new("")).join(target)),
        };
        let outside = || {
            let (message, help) = match self.allowing(&normalise(&joined)) {
                Some(root) if self.article.include_root == "." => (
                    format!("{what}: '{target}' is outside the site's folder"),
                    format!("only files in the folder that holds book.toml are read; to read files from {root:?} too, set `include_root = {root:?}` under [build] in book.toml, or move the file into the site's folder"),
                ),
                Some(root) => (
                    format!("{what}: '{target}' is outside `include_root = {:?}`", self.article.include_root),
                    format!("only files under include_root are read; to read this one, set `include_root = {root:?}` under [build] in book.toml, or move the file"),
                ),
                None => (
                    format!("{what}: '{target}' is outside the site's folder"),
                    "move the file into the folder that holds book.toml: only files there are read".to_string(),
                ),
            };
            let d = Diagnostic::error(Code::Include, message)
                .help(help)
                .family(format!(
                    "includes outside `include_root = {:?}`",
                    self.article.include_root
                ));
            // Nothing outside is read; with `broken_links = "warn"` the page is
            // published without it.
            (self.article.broken_links).report(d, "without it: the directive is left out")
        };
        let real = match joined.canonicalize() {
            Ok(real) if real.is_file() => real,
            _ if !normalise(&joined).starts_with(&base) => return Err(outside()),
            _ => {
                let d = Diagnostic::error(
                    Code::Include,
                    format!("{what}: no file '{}'", shown_target.display()),
                )
                .help(match d.hugo {
                    Some(_) => "the file is looked for from the page's folder, then the content folder, the folders above it and the site's folder (with a leading `/`, from the site's folder first), as the theme looks for it",
                    None if d.snippet => "the file is looked for from pymdownx.snippets' `base_path` in mkdocs.yml (by default the folder holding mkdocs.yml), then the content folder",
                    None => "the path is relative to the file that holds the directive",
                })
                .family(directive::missing_family(&joined, &shown_target));
                return Err(self
                    .article
                    .broken_links
                    .report(d, "without it: the directive is left out"));
            }
        };
        if !real.starts_with(&base) {
            return Err(outside());
        }
        let rel = from_content(&real, &content, &base);
        if let Some(at) = self.stack.iter().position(|p| p == &real) {
            let chain: Vec<String> = self.stack[at..]
                .iter()
                .chain(std::iter::once(&real))
                .map(|p| from_content(p, &content, &base).display().to_string())
                .collect();
            return Err(Diagnostic::error(
                Code::IncludeCycle,
                format!("{what}: include cycle {}", chain.join(" → ")),
            )
            .help("a file must not include itself, directly or through others"));
        }
        if self.stack.len() > MAX_DEPTH {
            return Err(Diagnostic::error(
                Code::Include,
                format!("{what}: includes nest more than {MAX_DEPTH} deep"),
            ));
        }
        let bytes = std::fs::read(&real).map_err(|e| {
            Diagnostic::error(
                Code::Include,
                format!("{what}: could not read '{}': {e}", shown_target.display()),
            )
        })?;
        let hash = crate::hash::hash_bytes(&bytes);
        let Ok(file_text) = String::from_utf8(bytes) else {
            return Err(Diagnostic::error(
                Code::Include,
                format!("{what}: '{}' is not UTF-8 text", shown_target.display()),
            ));
        };
        let file_text = d.fill(crate::marks::strip_marks(file_text));
        let included = Included {
            rel: rel.clone(),
            hash,
        };
        if !self.out.includes.contains(&included) {
            self.out.includes.push(included);
        }
        // A page's text, as Hugo's `GetPage` gives it: without its front matter (as
        // is a part in an `_includes` folder, opentelemetry.io's).
        let part = rel.components().any(|c| c.as_os_str() == "_includes");
        let body = (d.partial.is_some() || d.hugo.as_ref().is_some_and(|h| h.page || part))
            .then(|| body_line(&file_text).map(|n| format!("{n}:")))
            .flatten();
        let region = match &vite {
            Some(vite) => vite.lines(&file_text, &what, self.article.broken_links)?,
            None => None,
        };
        let spec = body.as_deref().or(spec).or(region.as_deref());
        let (selected, map) =
            select::reported(&file_text, spec, take, &what, self.article.broken_links)?;
        let (selected, moved) = mdx_partial::moved(d, selected, self.article, &real, self.options);
        // Directives in the included text are the included file's own, relative to it.
        let lines = LineIndex::new(&file_text);
        let position = |offset: usize| lines.position(map.back(moved.back(offset)));
        let shown_file = normalise(&self.content_shown().join(&rel));
        self.stack.push(real.clone());
        let (expanded, inner_map, inner) =
            self.expand(&selected, Some(&real), &shown_file, &position);
        self.stack.pop();
        let origin = Origin {
            range: 0..0,
            starts: std::iter::once(0)
                .chain(file_text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            text: file_text,
            file: shown_file,
            maps: vec![(inner_map, 0, 0), (moved, 0, 0), (map, 0, 0)],
            from: (PathBuf::new(), 0, 0),
        };
        Ok((expanded, origin, inner))
    }

    /// The `include_root` (from the site's folder, `..` steps) under which `target` (an
    /// absolute path, normalised) lies, if any.
    fn allowing(&self, target: &Path) -> Option<String> {
        let site = self.site.as_ref()?;
        let mut up = 0;
        let mut folder = site.as_path();
        while !target.starts_with(folder) {
            folder = folder.parent()?;
            up += 1;
        }
        (up > 0 && folder.parent().is_some()).then(|| vec![".."; up].join("/"))
    }

    /// The content folder as diagnostics name it.
    fn content_shown(&self) -> PathBuf {
        let file = self.article.file;
        let depth = self
            .article
            .content
            .map(|(_, _, rel)| rel.components().count())
            .unwrap_or(1);
        let parts: Vec<_> = file.components().collect();
        let keep = parts.len().saturating_sub(depth);
        parts[..keep].iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::directive::{next_directive, MAX_ARGS};
    use super::select::select;
    use super::*;

    fn pick(text: &str, spec: &str) -> Result<String, String> {
        select(text, Some(spec), Take::Lines).map(|(s, _)| s)
    }

    #[test]
    fn ranges_and_anchors_as_mdbook_reads_them() {
        let text = "one\ntwo\nthree\nfour\n";
        assert_eq!(pick(text, "2").unwrap(), "two");
        assert_eq!(pick(text, "2:3").unwrap(), "two\nthree");
        assert_eq!(pick(text, ":2").unwrap(), "one\ntwo");
        assert_eq!(pick(text, "3:").unwrap(), "three\nfour");
        assert!(pick(text, "5").unwrap_err().contains("past the end"));
        assert!(pick(text, "5:9")
            .unwrap_err()
            .contains("line 5 is past the end"));
        // As mdBook reads it: the range stops at the file's end.
        assert_eq!(pick(text, "3:9").unwrap(), "three\nfour");
        assert!(pick(text, "0").is_err());
        assert!(pick(text, "3:2").is_err());
        let code = "fn a() {}\n// ANCHOR: main\nfn main() {\n    // ANCHOR: inner\n    x();\n    // ANCHOR_END: inner\n}\n// ANCHOR_END: main\n";
        assert_eq!(pick(code, "main").unwrap(), "fn main() {\n    x();\n}");
        assert_eq!(pick(code, "inner").unwrap(), "    x();");
        let err = pick(code, "other").unwrap_err();
        assert!(err.contains("anchors there: main, inner"), "{err}");
        // An anchor opened twice (bevy-cheatbook's examples) is named once; as in
        // mdBook, its first part is the one included.
        let twice = format!("{code}// ANCHOR: main\ny();\n// ANCHOR_END: main\n");
        let err = pick(&twice, "other").unwrap_err();
        assert!(err.ends_with("(anchors there: main, inner)"), "{err}");
        assert_eq!(pick(&twice, "main").unwrap(), "fn main() {\n    x();\n}");
        // The whole file keeps them, as in mdBook.
        assert_eq!(select(code, None, Take::Lines).unwrap().0, code.trim_end());
    }

    #[test]
    fn rustdoc_include_and_playground_as_mdbook_writes_them() {
        let code = "use a;\n// ANCHOR: main\nfn main() {\n    // ANCHOR: inner\n    x();\n    // ANCHOR_END: inner\n}\n// ANCHOR_END: main\n";
        let take = |spec| select(code, spec, Take::HideRest).map(|(s, _)| s);
        assert_eq!(
            take(Some("inner")).unwrap(),
            "# use a;\n# fn main() {\n    x();\n# }"
        );
        assert_eq!(
            take(Some("2:3")).unwrap(),
            "# use a;\n// ANCHOR: main\nfn main() {\n#     // ANCHOR: inner\n#     x();\n#     // ANCHOR_END: inner\n# }\n# // ANCHOR_END: main"
        );
        assert_eq!(take(None).unwrap(), code.trim_end());
        // The same checks as an include's.
        assert!(take(Some("other"))
            .unwrap_err()
            .contains("no `ANCHOR: other`"));
        assert!(take(Some("12")).unwrap_err().contains("past the end"));
        let (fenced, map) = select("fn main() {}\n", None, Take::Fence("rust,editable")).unwrap();
        assert_eq!(fenced, "```rust,editable\nfn main() {}\n```\n");
        // Positions in the file's own text map back to it; the fence to its start.
        assert_eq!(map.back(fenced.find("main").unwrap()), 3);
        assert_eq!(map.back(0), 0);
    }

    #[test]
    fn directives_are_found_as_mdbook_writes_them() {
        let d = next_directive("a {{ #include x.md:2 }} b", 0).unwrap();
        assert_eq!(
            (d.name, d.args.as_ref(), d.escaped),
            ("include", "x.md:2", false)
        );
        let d = next_directive("\\{{#include x.md}}", 0).unwrap();
        assert!(d.escaped);
        assert!(next_directive("{{ name }}", 0).is_none());
        assert!(next_directive("{{#include}}", 0).is_none());
        // Unclosed, with a character across the bound on the arguments' length.
        let long = format!("{{{{#include {}’ and more", "x".repeat(MAX_ARGS - 3));
        assert!(next_directive(&long, 0).is_none());
    }
}
