//! Where a text asks for a file's text: mdBook's `{{#name args}}` directives, and the
//! include shortcodes of Hugo's documentation themes, read as `{{#include}}` is:
//! Geekdoc's and Relearn's `include` (`{{< include file="/static/x.css" language="CSS" >}}`
//! a code block; `type="html"`, `type="page"` or none, the file's text as it is, a
//! page's without its front matter) and Docsy's `readfile` (`code="true"` with `lang`,
//! a code block). Their file is found as these themes look it up (see [`hugo_target`]).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The longest a directive's arguments may be, in bytes.
pub(super) const MAX_ARGS: usize = 1000;

/// A `{{#name args}}` directive found in a text, or a Hugo include shortcode as one.
#[derive(Default)]
pub(super) struct Directive<'t> {
    /// From `{{` to after `}}`.
    pub(super) range: std::ops::Range<usize>,
    pub(super) name: &'t str,
    /// The file (and what of it) as written; for a shortcode, its file.
    pub(super) args: Cow<'t, str>,
    /// Written `\{{#…}}`: kept as text.
    pub(super) escaped: bool,
    /// A Hugo shortcode's own reading of the file, `None` for mdBook's directives.
    pub(super) hugo: Option<Hugo<'t>>,
    /// pymdownx.snippets' line `--8<-- "file"` on an MkDocs site (see
    /// [`next_snippet`]).
    pub(super) snippet: bool,
    /// VitePress's `<!--@include: file-->` (see `vitepress.rs`).
    pub(super) vitepress: bool,
    /// An MDX partial's tag, `<Notes />`, with the props it gives (see
    /// `mdx_partial.rs`).
    pub(super) partial: Option<Vec<(String, String)>>,
    /// VitePress's code import, `<<< @/snippets/a.sh`: the file in a fenced code
    /// block with this info string (see `vitepress.rs`).
    pub(super) fence: Option<String>,
}

impl Directive<'_> {
    /// The directive as a report shows it, in backticks.
    pub(super) fn shown(&self) -> String {
        match &self.hugo {
            Some(hugo) => format!("`{}`", hugo.written),
            None if self.partial.is_some() => format!("`import … from '{}'`", self.args),
            None if self.snippet => format!("`--8<-- \"{}\"`", self.args),
            None if self.fence.is_some() => format!("`<<< {}`", self.args),
            None if self.vitepress => format!("`<!--@include: {}-->`", self.args),
            None => format!("`{{{{#{} {}}}}}`", self.name, self.args),
        }
    }

    /// Whether the directive, in code, is code's text (a Hugo shortcode, VitePress's
    /// include, an MDX partial's tag), where mdBook's directives are read in code too.
    pub(super) fn text_in_code(&self) -> bool {
        self.hugo.is_some() || self.vitepress || self.partial.is_some()
    }

    /// The included file's text with what the directive gives it filled: a Hugo
    /// include's placeholders, an MDX partial's props.
    pub(super) fn fill(&self, text: String) -> String {
        match &self.partial {
            Some(props) => super::mdx_partial::fill(text, props),
            None => super::placeholders::fill(text, self.values()),
        }
    }

    /// The values a Hugo include gives its part's placeholders; none for others.
    pub(super) fn values(&self) -> &[(String, String)] {
        self.hugo.as_ref().map_or(&[], |h| &h.values)
    }
}

/// How a Hugo include shortcode takes its file.
pub(super) struct Hugo<'t> {
    /// The tag as written, for diagnostics.
    pub(super) written: &'t str,
    /// In a code block in this language (`language`, or Docsy's `lang` with `code`).
    pub(super) code: Option<String>,
    /// A page's text (`type="page"`): the file without its front matter.
    pub(super) page: bool,
    /// The values a Markdown part's placeholders take (see `placeholders.rs`): each
    /// argument after the file by its place (`1`, `2`, …), or by its name.
    pub(super) values: Vec<(String, String)>,
}

/// The next `{{#name args}}` at or after `from`, in mdBook's syntax.
pub(super) fn next_directive(text: &str, mut from: usize) -> Option<Directive<'_>> {
    while let Some(found) = text[from..].find("{{") {
        let start = from + found;
        from = start + 2;
        let rest = &text[start + 2..];
        let after_space = rest.trim_start();
        let Some(named) = after_space.strip_prefix('#') else {
            continue;
        };
        let name_len = named
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(named.len());
        if name_len == 0 {
            continue;
        }
        let name = &named[..name_len];
        let after_name = &named[name_len..];
        if !after_name.starts_with(char::is_whitespace) {
            continue;
        }
        // Bounded, so a text of unclosed directives costs its length, not its square.
        let mut end = after_name.len().min(MAX_ARGS);
        while !after_name.is_char_boundary(end) {
            end -= 1;
        }
        let window = &after_name[..end];
        let Some(close) = window.find('}') else {
            continue;
        };
        if !after_name[close..].starts_with("}}") {
            continue;
        }
        let args = after_name[..close].trim();
        if args.is_empty() {
            continue;
        }
        let end = text.len() - after_name.len() + close + 2;
        let escaped = start > 0 && text.as_bytes()[start - 1] == b'\\';
        return Some(Directive {
            range: start..end,
            name,
            args: Cow::Borrowed(args),
            escaped,
            ..Default::default()
        });
    }
    None
}

/// The directives of a text in order, mdBook's and Hugo's include shortcodes: each
/// kind's next one is found once and kept until it is passed, so a text of many of
/// one kind and few of the other is read once, not once per directive.
pub(super) struct Finder<'t> {
    text: &'t str,
    /// Each kind's next directive at or after the last place asked for (`Some(None)`:
    /// none), or `None` when it must be looked for again.
    mdbook: Option<Option<Directive<'t>>>,
    hugo: Option<Option<Directive<'t>>>,
    vitepress: Option<Option<Directive<'t>>>,
    partial: Option<Option<Directive<'t>>>,
    /// An MkDocs site's text: pymdownx.snippets' lines in place of Hugo's shortcodes.
    snippets: bool,
    /// An MDX page's partials, by the names its imports give them.
    partials: Vec<(&'t str, &'t str)>,
    /// A VitePress or VuePress site's text: its code imports (`<<< path`) too.
    vue: bool,
}

impl<'t> Finder<'t> {
    #[cfg(test)]
    pub(super) fn new(text: &'t str) -> Self {
        Finder::with_snippets(text, false, false)
    }

    /// A finder of the directives `article` may hold: an MkDocs site's snippets' lines,
    /// an MDX page's partials' tags.
    pub(super) fn for_article(text: &'t str, article: &super::Article) -> Self {
        let mdx = crate::markdown::mdx::is_mdx(article);
        let mut finder = Finder::with_snippets(text, article.expressions.mkdocs(), mdx);
        finder.vue = article.expressions == crate::markdown::Expressions::Vue;
        finder
    }

    /// A finder of snippets' lines too (`snippets`, on an MkDocs site), where Hugo's
    /// shortcodes are not; and of partials' tags in an MDX page (`mdx`).
    pub(super) fn with_snippets(text: &'t str, snippets: bool, mdx: bool) -> Self {
        Finder {
            text,
            mdbook: None,
            hugo: None,
            vitepress: None,
            partial: None,
            snippets,
            partials: match mdx {
                true => super::mdx_partial::imports(text),
                false => Vec::new(),
            },
            vue: false,
        }
    }

    /// The first directive of any kind at or after `from`.
    pub(super) fn next(&mut self, from: usize) -> Option<Directive<'t>> {
        let stale = |kept: &Option<Option<Directive>>| match kept {
            Some(Some(d)) => d.range.start < from,
            Some(None) => false,
            None => true,
        };
        if stale(&self.mdbook) {
            self.mdbook = Some(next_directive(self.text, from));
        }
        if stale(&self.hugo) {
            self.hugo = Some(match self.snippets {
                true => next_snippet(self.text, from),
                false => next_hugo(self.text, from),
            });
        }
        if stale(&self.vitepress) {
            self.vitepress = Some(super::vitepress::next_include(self.text, from, self.vue));
        }
        if stale(&self.partial) {
            let partials = &self.partials;
            let next = (!partials.is_empty())
                .then(|| super::mdx_partial::next_partial(self.text, from, partials));
            self.partial = Some(next.flatten());
        }
        let start =
            |kept: &Option<Option<Directive>>| kept.as_ref()?.as_ref().map(|d| d.range.start);
        let kinds = [
            &mut self.mdbook,
            &mut self.hugo,
            &mut self.vitepress,
            &mut self.partial,
        ];
        let first = kinds
            .into_iter()
            .filter(|kept| start(kept).is_some())
            .min_by_key(|kept| start(kept))?;
        first.take().flatten()
    }
}

/// The next `{{< include … >}}` or `{{% readfile … %}}` (either delimiter) in `text`
/// at or after `from` that names a file.
fn next_hugo(text: &str, mut from: usize) -> Option<Directive<'_>> {
    while let Some(found) = text[from..].find("{{") {
        let start = from + found;
        from = start + 2;
        let close = match text.as_bytes().get(start + 2) {
            Some(b'<') => ">}}",
            Some(b'%') => "%}}",
            _ => continue,
        };
        let rest = &text[start + 3..];
        let inner_start = rest.len() - rest.trim_start().len();
        let name = rest[inner_start..]
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        if !matches!(name, "include" | "readfile") {
            continue;
        }
        let mut cut = rest.len().min(MAX_ARGS);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &rest[..cut];
        let Some(end) = window.find(close) else {
            continue;
        };
        let inner = rest[..end].trim();
        let args = crate::markdown::hugo_figure::Args::of(inner);
        let Some(file) = args.get("file").or_else(|| args.first()) else {
            continue;
        };
        let code = match name {
            "readfile" if args.flag("code") == Some(true) => {
                Some(args.get("lang").unwrap_or("").to_string())
            }
            "readfile" => None,
            // kueue's `{{< include "examples/job.yaml" "yaml" >}}`: a file that is no
            // Markdown, in the language named after it (opentelemetry.io's Markdown
            // parts take values for their placeholders there).
            _ => args
                .get("language")
                .or_else(|| args.get("lang"))
                .or_else(|| args.nth(1).filter(|_| !is_markdown(file)))
                .map(str::to_string),
        };
        let end = start + 3 + end + close.len();
        return Some(Directive {
            range: start..end,
            name: "include",
            args: Cow::Owned(file.to_string()),
            escaped: start > 0 && text.as_bytes()[start - 1] == b'\\',
            hugo: Some(Hugo {
                written: &text[start..end],
                page: args.get("type") == Some("page"),
                values: match code {
                    Some(_) => Vec::new(),
                    None => args.values(),
                },
                code,
            }),
            ..Default::default()
        });
    }
    None
}

/// Whether `file` names a Markdown (or HTML) part, as an include shortcode's name says.
fn is_markdown(file: &str) -> bool {
    let ext = Path::new(file).extension().and_then(|e| e.to_str());
    ext.is_none_or(|e| {
        ["md", "markdown", "html", "htm", "part"]
            .iter()
            .any(|m| e.eq_ignore_ascii_case(m))
    })
}

/// The next pymdownx.snippets line at or after `from`: `--8<-- "file"` (or with single
/// quotes; `file:3:5` lines 3 to 5, `file:name` the lines between `--8<-- [start:name]`
/// and `--8<-- [end:name]`), first on its line but for its indent. Written `;--8<--`,
/// it is escaped. The block form (`--8<--` alone, files on the lines after) is not read.
fn next_snippet(text: &str, mut from: usize) -> Option<Directive<'_>> {
    while let Some(found) = text[from..].find("--8<--") {
        let start = from + found;
        from = start + 6;
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_start..start];
        let escaped = before.ends_with(';');
        if !before.trim_end_matches(';').trim().is_empty() {
            continue;
        }
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let rest = &text[start + 6..line_end];
        if !rest.starts_with([' ', '\t']) {
            continue;
        }
        let quoted = rest.trim();
        let Some(quote) = quoted.chars().next().filter(|q| *q == '"' || *q == '\'') else {
            continue;
        };
        let Some(file) = quoted[1..].strip_suffix(quote) else {
            continue;
        };
        if file.trim().is_empty() || file.contains(['"', '\'']) || file.len() > MAX_ARGS {
            continue;
        }
        let end = start + 6 + rest.trim_end().len();
        return Some(Directive {
            range: start..end,
            name: "include",
            args: Cow::Borrowed(file.trim()),
            escaped,
            snippet: true,
            ..Default::default()
        });
    }
    None
}

/// The folders pymdownx.snippets finds a snippet in, in order: each folder of its
/// `base_path` in mkdocs.yml (by default the folder MkDocs runs in, the one holding
/// mkdocs.yml: the content folder's parent), then the content folder.
pub(super) fn snippet_places(content: &Path) -> Vec<PathBuf> {
    let mut places = crate::load::mkdocs::snippet_bases(content);
    if places.is_empty() {
        places.push(content.parent().unwrap_or(content).to_path_buf());
    }
    places.push(content.to_path_buf());
    places
}

/// `Err` for a snippet from another server (`--8<-- "https://…/README.md"`, which
/// pymdownx.snippets downloads with `url_download: true`): attune reads no file over
/// the network, so the page is published without it, reported as syntax it does not
/// support (a warning unless `[build] unsupported_syntax = "error"`).
pub(super) fn local_snippet(
    d: &Directive,
    mode: crate::config::UnsupportedSyntax,
) -> Result<(), crate::diagnostic::Diagnostic> {
    use crate::diagnostic::{Code, Diagnostic, Severity};
    let url = d.args.trim();
    let Some(rest) = ["https://", "http://"]
        .iter()
        .find_map(|s| url.strip_prefix(s))
    else {
        return Ok(());
    };
    if !d.snippet {
        return Ok(());
    }
    let host = rest.split('/').next().unwrap_or(rest);
    let mut e = Diagnostic::error(
        Code::UnsupportedSyntax,
        format!("{}: a snippet from another server is not included; attune reads no file over the network", d.shown()),
    )
    .help("save the file in the site and include it by its path (`--8<-- \"snippets/README.md\"`); the page is published without it")
    .family(format!("snippets from {host}"));
    if mode == crate::config::UnsupportedSyntax::Warn {
        e.severity = Severity::Warning;
    }
    Err(e)
}

/// The file a snippet names (its path as written), as pymdownx.snippets finds it: the
/// first of `places` (see [`snippet_places`]) holding it, else the first place.
pub(super) fn snippet_target(file: &str, places: &[PathBuf]) -> PathBuf {
    let file = file.trim_start_matches('/');
    let found = places.iter().map(|p| p.join(file)).find(|p| p.is_file());
    found.unwrap_or_else(|| places[0].join(file))
}

/// The file a Hugo include shortcode in the file `from` names, as the themes look it
/// up: from the page's folder, then the `_includes` folder of it and of each folder
/// above it in the content folder (opentelemetry.io's `include`, which looks for
/// `_includes/<file>` from the page up), then the content folder, then the folders
/// between it and the site's (Hugo's own folder, where `readFile` starts, may be one
/// of them: `exampleSite/` for `exampleSite/content/en`), then the site's folder, then
/// its `static/` (kueue's `include` reads from there); with a leading `/`, the site's
/// folder, those between, then the content folder. A page's
/// path (`type="page"`, Hugo's `GetPage`) may leave out its `.md`, or name a folder
/// whose `index.md` or `_index.md` it is (crossplane's docs include
/// `v1.20/getting-started/install-crossplane-include`). The first that is a file,
/// else the first place looked.
pub(super) fn hugo_target(
    file: &str,
    from: &Path,
    content: &Path,
    site: &Path,
    a_page: bool,
) -> PathBuf {
    let page = from.parent().unwrap_or(Path::new(""));
    let between = content
        .ancestors()
        .skip(1)
        .take_while(|folder| folder.starts_with(site) && *folder != site);
    let includes: Vec<PathBuf> = match file.starts_with(['/', '.']) {
        true => Vec::new(),
        false => page
            .ancestors()
            .take_while(|folder| folder.starts_with(content))
            .map(|folder| folder.join("_includes"))
            .collect(),
    };
    let places: Vec<&Path> = match file.strip_prefix('/') {
        Some(_) => [site].into_iter().chain(between).chain([content]).collect(),
        None => std::iter::once(page)
            .chain(includes.iter().map(PathBuf::as_path))
            .chain([content])
            .chain(between)
            .chain([site])
            .collect(),
    };
    let statics = site.join("static");
    let places: Vec<&Path> = places.into_iter().chain([statics.as_path()]).collect();
    let file = file.trim_start_matches('/');
    let names: Vec<String> = match a_page && Path::new(file).extension().is_none() {
        true => ["", ".md", "/index.md", "/_index.md"]
            .iter()
            .map(|end| format!("{file}{end}"))
            .collect(),
        false => vec![file.to_string()],
    };
    let mut candidates = places
        .iter()
        .flat_map(|place| names.iter().map(|name| place.join(name)));
    let found = candidates.find(|p| p.is_file());
    found.unwrap_or_else(|| places[0].join(file))
}

/// The first line of a page's text after its front matter (YAML `---` or TOML `+++`),
/// from 1, when it has front matter.
pub(super) fn body_line(text: &str) -> Option<usize> {
    let fence = ["---", "+++"]
        .into_iter()
        .find(|f| text.lines().next().map(str::trim_end) == Some(f))?;
    let end = text.lines().skip(1).position(|l| l.trim_end() == fence)?;
    Some(end + 3)
}

/// What an include of the missing file `joined` (shown as `shown`) shares with others:
/// the first folder on its path that does not exist (Dioxus's book includes 228
/// examples from `../docs-router/`, a folder its own tool finds elsewhere), else the
/// file itself. Either is one problem with one fix, however often it is met.
pub(super) fn missing_family(joined: &Path, shown: &Path) -> String {
    let mut missing: Option<&Path> = None;
    let (mut real, mut written) = (joined.parent(), shown.parent());
    while let (Some(r), Some(w)) = (real, written) {
        if w.as_os_str().is_empty() || r.exists() {
            break;
        }
        missing = Some(w);
        (real, written) = (r.parent(), w.parent());
    }
    match missing {
        Some(folder) => format!("includes from the missing folder `{}/`", folder.display()),
        None => format!("includes of `{}`", shown.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugo_include_shortcodes_are_found_with_how_they_read_their_file() {
        let text = "a {{< include file=\"/static/x.css\" language=\"CSS\" >}} b";
        let d = Finder::new(text).next(0).unwrap();
        assert_eq!((d.name, d.args.as_ref()), ("include", "/static/x.css"));
        let hugo = d.hugo.unwrap();
        assert_eq!(hugo.code.as_deref(), Some("CSS"));
        assert_eq!(&text[d.range], hugo.written);
        // Relearn's positional file, Docsy's code, a page's text.
        let d = Finder::new("{{% include \"part.md\" %}}").next(0).unwrap();
        assert_eq!((d.args.as_ref(), d.hugo.unwrap().code), ("part.md", None));
        let d = Finder::new("{{< readfile file=\"a.yaml\" code=\"true\" lang=\"yaml\" >}}")
            .next(0)
            .unwrap();
        assert_eq!(d.hugo.unwrap().code.as_deref(), Some("yaml"));
        let d = Finder::new("{{< include file=\"/p.md\" type=\"page\" >}}")
            .next(0)
            .unwrap();
        assert!(d.hugo.unwrap().page);
        // Escaped as Hugo's docs show a shortcode, or naming no file: not one.
        assert!(Finder::new("{{</* include file=\"x\" */>}}")
            .next(0)
            .is_none());
        assert!(Finder::new("{{< include >}} {{< includes file=\"x\" >}}")
            .next(0)
            .is_none());
        // Each kind in order, either first.
        let text = "{{#include a.md}} {{< include file=\"b.md\" >}} {{#include c.md}}";
        let mut found = Finder::new(text);
        let mut from = 0;
        let mut order = Vec::new();
        while let Some(d) = found.next(from) {
            from = d.range.end;
            order.push(d.args.into_owned());
        }
        assert_eq!(order, ["a.md", "b.md", "c.md"]);
        // A long unclosed tag whose window ends inside a character: no panic.
        let long = format!(
            "{{{{< include file=\"{}é{}\"",
            "x".repeat(MAX_ARGS - 16),
            "y".repeat(10)
        );
        assert!(Finder::new(&long).next(0).is_none());
    }

    #[test]
    fn a_pages_text_starts_after_its_front_matter() {
        assert_eq!(body_line("---\ntitle: A\n---\nText.\n"), Some(4));
        assert_eq!(body_line("+++\ntitle = \"A\"\n+++\n\nText.\n"), Some(4));
        assert_eq!(body_line("Text.\n---\n"), None);
    }

    #[test]
    fn snippet_lines_are_found_first_on_their_line() {
        let text = "a --8<-- \"no.md\"\n  --8<-- 'x.md:2:3'\n;--8<-- \"esc.md\"\n--8<--\n--8<-- [start:s]\n";
        let mut found = Finder::with_snippets(text, true, false);
        let d = found.next(0).unwrap();
        assert_eq!(
            (d.args.as_ref(), d.snippet, d.escaped),
            ("x.md:2:3", true, false)
        );
        assert_eq!(&text[d.range.clone()], "--8<-- 'x.md:2:3'");
        let d = found.next(d.range.end).unwrap();
        assert_eq!((d.args.as_ref(), d.escaped), ("esc.md", true));
        assert!(found.next(d.range.end).is_none());
        // Elsewhere than on an MkDocs site, Hugo's shortcodes are looked for instead.
        assert!(Finder::new(text).next(0).is_none());
    }
}
