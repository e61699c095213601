//! A site's own Hugo shortcode that prints its inner text as it is: the
//! `layouts/shortcodes/rawhtml.html` (or `html.html`, `unsafe.html`…) many sites keep
//! so a page may hold HTML Hugo's Markdown would not pass (`{{ .Inner }}`, or
//! `{{- .Inner | safeHTML -}}`). Its inner text is the page's own HTML, read as raw
//! HTML in Markdown is (and sanitised as any is), not a shortcode to report.

use super::expand::Article;
use std::path::{Path, PathBuf};

/// What the site's template for the pair `name` (in `layouts/shortcodes/` or Hugo's
/// newer `layouts/_shortcodes/`, beside the content folder or in the site's folder, or
/// a theme's) makes of its inner text, when that is the text itself.
pub(super) enum ShownAs {
    /// Printed as it is, alone.
    Html,
    /// Highlighted as code in that language.
    Code(CodeLanguage),
}

/// [`ShownAs`] for the shortcode `name`, its template read once; `None` for another
/// template, or none.
pub(super) fn shown_as(article: &Article, name: &str) -> Option<ShownAs> {
    let template = template(article, name)?;
    match is_inner_only(&template) {
        true => Some(ShownAs::Html),
        false => highlighted(&template).map(ShownAs::Code),
    }
}

/// How the site's template for a pair puts its inner text in the page.
#[derive(Clone, PartialEq)]
pub(super) enum Inner {
    /// Shown, and something more: a box around it, an argument's words.
    Shown,
    /// Shown in elements that only style it: the page loses only the look.
    Styled,
    /// Shown below these arguments' words, as a header (`hugo_styles::labels`), in
    /// elements that only style them: attune shows the words in bold above the text.
    Labelled(Vec<super::hugo_styles::Arg>),
}

/// Whether the site's template for the pair `name` puts its inner text in the page:
/// through `markdownify` or `RenderString`, as a theme's boxes (`{{ .Inner |
/// markdownify }}` in a `<div class="note">`) show their Markdown, or as it is, as a
/// list around other shortcodes (`<ol>{{ .Inner }}</ol>` around `{{< step >}}`s)
/// shows what they make. Hugo shows that text, so it is kept, its tags left out.
/// [`Inner::Styled`] when the template does nothing else, in elements that only
/// style it (`<div class="lead text-xl">{{ .Inner | markdownify }}</div>`, Congo's
/// `lead`): no argument is read, nothing else printed, no element that means
/// something (a `<blockquote>`, an `<aside>`, a link). Attune's theme gives the look.
///
/// A template that reads `.Inner` otherwise (linkerd's `command-output`, splitting the
/// commands from their output) shows a pair holding one fenced code block as code: the
/// block is kept (`Shown`: the call is still reported).
pub(super) fn shows_inner(article: &Article, name: &str, inner: &str) -> Option<Inner> {
    let template = template(article, name)?;
    match (
        inner_shown(&template),
        super::hugo_styles::only_styles(&template),
    ) {
        (false, _) if template.contains(".Inner") && one_code_block(inner) => Some(Inner::Shown),
        // Markup alone, no text (Beautiful Hugo's `column`: `</div><div class="right">`).
        (false, true) if inner.trim().is_empty() => Some(Inner::Styled),
        (false, _) => None,
        (true, false) => {
            Some(super::hugo_styles::labels(&template).map_or(Inner::Shown, Inner::Labelled))
        }
        (true, true) => Some(Inner::Styled),
    }
}

/// Whether `text` is one fenced code block and nothing else but blank space.
fn one_code_block(text: &str) -> bool {
    let lines: Vec<&str> = text.trim().lines().collect();
    let [first, middle @ .., last] = lines.as_slice() else {
        return false;
    };
    let Some(mark) = first.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return false;
    };
    let fence = first.chars().take_while(|&c| c == mark).count();
    let closes = |line: &str| {
        let line = line.trim();
        line.len() >= fence && line.chars().all(|c| c == mark)
    };
    fence >= 3 && closes(last) && !middle.iter().any(|l| closes(l))
}

/// Where a site's code shortcode takes its language from, when its template shows
/// its inner text as highlighted code (`{{ highlight .Inner "go" "" }}`, or through a
/// variable: `{{ $code := trim .Inner "\n" }}` … `{{ highlight $code $lang "" }}`).
#[derive(Debug, PartialEq)]
pub(super) enum CodeLanguage {
    /// Written in the template.
    Fixed(String),
    /// The shortcode's argument of that name (`.Get "lang"`).
    Named(String),
    /// Its argument at that place (`.Get 0`).
    Nth(usize),
    None,
}

/// [`highlights_inner`] of a template's text.
fn highlighted(template: &str) -> Option<CodeLanguage> {
    let actions: Vec<&str> = template
        .split("{{")
        .skip(1)
        .map(|a| a.split("}}").next().unwrap_or("").trim_matches('-').trim())
        .collect();
    // Variables holding the inner text: `$code := trim .Inner "\n"`.
    let holds_inner: Vec<&str> = actions
        .iter()
        .filter_map(|a| {
            let (var, value) = a.split_once(":=").or_else(|| a.split_once(" = "))?;
            let var = var.trim();
            // `.Inner` through functions that keep its text, with their other
            // arguments (`trim .Inner "\n"`, `.Inner | chomp`).
            let keeps = value.contains(".Inner")
                && value.split(['|', ' ', '(', ')']).all(|w| {
                    let w = w.trim();
                    w.is_empty()
                        || w.starts_with(['"', '`'])
                        || matches!(w, ".Inner" | ".InnerDeindent")
                        || KEEP.contains(&w)
                });
            (var.starts_with('$') && keeps).then_some(var)
        })
        .collect();
    let call = actions.iter().find_map(|a| {
        let rest = a.strip_prefix("highlight ").or_else(|| {
            a.split_once(" highlight ")
                .or_else(|| a.split_once("(highlight "))
                .map(|(_, r)| r)
        })?;
        let args = arguments(rest);
        let code = args.first()?.trim_start_matches('(').trim_end_matches(')');
        // `.Inner`, `(trim .Inner "\n")`, or a variable holding it.
        let inner = matches!(
            code.split_whitespace().last(),
            Some(".Inner" | ".InnerDeindent")
        ) || code
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w == ".Inner")
            || holds_inner.contains(&code);
        inner.then(|| args.get(1).copied().unwrap_or(""))
    });
    // No `highlight`: the text printed as it is in a `<code>` element (Tranquilpeak's
    // `codeblock`), in the language a `lang` argument names.
    let Some(call) = call else {
        return in_code(template, &holds_inner).then(|| named_language(template));
    };
    let getter = |text: &str| {
        let after = text
            .split(".Get")
            .nth(1)?
            .trim_start()
            .trim_start_matches('(');
        let arg = after.split([' ', ')', '}']).next()?.trim();
        match arg.parse::<usize>() {
            Ok(n) => Some(CodeLanguage::Nth(n)),
            Err(_) if arg.starts_with('"') => {
                Some(CodeLanguage::Named(arg.trim_matches('"').to_string()))
            }
            Err(_) => None,
        }
    };
    Some(if call.starts_with('"') || call.starts_with('`') {
        CodeLanguage::Fixed(call.trim_matches(['"', '`']).to_string())
    } else if call.starts_with("(.Get") {
        getter(call).unwrap_or(CodeLanguage::None)
    } else if call.starts_with('$') {
        // The variable set from one of the shortcode's arguments somewhere above: a
        // `lang` or `language` one, else one read in an action naming the variable.
        match named_language(template) {
            CodeLanguage::None => (actions.iter())
                .find(|a| a.contains(call) && a.contains(".Get"))
                .and_then(|a| getter(a))
                .unwrap_or(CodeLanguage::None),
            named => named,
        }
    } else {
        CodeLanguage::None
    })
}

/// The language a template's `lang` or `language` argument names, if it reads one.
fn named_language(template: &str) -> CodeLanguage {
    ["lang", "language"]
        .into_iter()
        .find(|key| template.contains(&format!(".Get \"{key}\"")))
        .map_or(CodeLanguage::None, |key| {
            CodeLanguage::Named(key.to_string())
        })
}

/// Whether a template prints its inner text as it is (`.Inner`, or a variable holding
/// it) inside a `<code>` element.
fn in_code(template: &str, holds_inner: &[&str]) -> bool {
    template.split("<code").skip(1).any(|element| {
        let element = element.split("</code>").next().unwrap_or_default();
        element.split("{{").skip(1).any(|action| {
            let action = action.split("}}").next().unwrap_or_default();
            let action = action.trim_matches('-').trim();
            matches!(action, ".Inner" | ".InnerDeindent") || holds_inner.contains(&action)
        })
    })
}

/// What the site's template for `name` lists of the page: `Toc` when it prints the
/// page's table of contents (`.TableOfContents`), as a theme's `{{< toc >}}` does;
/// `Pages` when it lists the page's child pages (`range` over `.Page.Pages`,
/// `.Page.RegularPages`, `.Page.Sections`; what it prints of the shortcode's text
/// after them, as Learn's `children` does, is nothing in a lone call), or, with no
/// template, it is Relearn's and Learn's `children`.
pub(super) fn page_list(article: &Article, name: &str) -> Option<PageList> {
    let Some(t) = template(article, name) else {
        return (name == "children").then_some(PageList::Pages);
    };
    if t.contains(".TableOfContents") {
        return Some(PageList::Toc);
    }
    let lists = [".Page.Pages", ".Page.RegularPages", ".Page.Sections"];
    let pages = t.contains("range") && lists.iter().any(|l| t.contains(l));
    pages.then_some(PageList::Pages)
}

/// What a shortcode lists of its page (see [`page_list`]).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum PageList {
    Toc,
    Pages,
}

/// The site's template for the shortcode `name`: see `prints_inner`.
pub(super) fn template(article: &Article, name: &str) -> Option<String> {
    // A name in a folder (`page/toc`) is the template in that folder, as Hugo reads it.
    let part =
        |p: &str| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || "-_".contains(c));
    if !name.split('/').all(part) {
        return None;
    }
    let file = format!("{name}.html");
    layouts(article).iter().find_map(|layouts| {
        let read = |folder: &Path| std::fs::read_to_string(folder.join(&file)).ok();
        ["shortcodes", "_shortcodes"]
            .iter()
            .find_map(|folder| read(&layouts.join(folder)))
            // Hugo 0.146's shortcodes for one section's pages (`layouts/docs/_shortcodes/`).
            .or_else(|| {
                let mut kinds: Vec<PathBuf> = std::fs::read_dir(layouts)
                    .ok()?
                    .flatten()
                    .map(|e| e.path())
                    .collect();
                kinds.sort();
                kinds
                    .iter()
                    .find_map(|kind| read(&kind.join("_shortcodes")))
            })
    })
}

/// The `layouts/` folders of the site and its themes, the site's first.
fn layouts(article: &Article) -> Vec<PathBuf> {
    sites_and_themes(article)
        .iter()
        .map(|s| s.join("layouts"))
        .collect()
}

/// The site's folders (the one holding book.toml, and the content folder's parent)
/// and its themes' (see [`themes`]), the site's first: where a Hugo site keeps its
/// `layouts/` and a Zola site its `templates/`.
pub(super) fn sites_and_themes(article: &Article) -> Vec<PathBuf> {
    let Some((root, dir, _)) = article.content else {
        return Vec::new();
    };
    let mut sites: Vec<PathBuf> = vec![root.to_path_buf()];
    sites.extend(dir.parent().filter(|p| *p != root).map(Path::to_path_buf));
    let themes: Vec<PathBuf> = sites.iter().flat_map(|s| themes(s)).collect();
    sites.extend(themes);
    sites
}

/// Whether the site's template for `name`, or the partial it hands the call to
/// (`{{ partial "shortcodes/beautifulfigure.html" . }}`), draws the image its `src`
/// argument names (hugo-easy-gallery's `figure`, Beautiful Hugo's `beautifulfigure`):
/// drawn as Hugo's `figure` is.
pub(super) fn draws_image(article: &Article, name: &str) -> bool {
    let Some(template) = template(article, name) else {
        return false;
    };
    let image = |t: &str| t.contains(".Get \"src\"") && t.contains("<img");
    let partial = || {
        let called = template.split("partial \"").nth(1)?.split('"').next()?;
        let file = match called.ends_with(".html") {
            true => called.to_string(),
            false => format!("{called}.html"),
        };
        let safe = !file.split('/').any(|p| p.is_empty() || p == "..");
        (layouts(article).iter())
            .filter(|_| safe)
            .find_map(|l| std::fs::read_to_string(l.join("partials").join(&file)).ok())
    };
    image(&template) || partial().is_some_and(|p| image(&p))
}

/// The themes a Hugo site at `site` draws its shortcodes from: the folders in its
/// `themes/`; the folders its `go.mod` replaces a module with (`replace
/// github.com/x/theme => ../`), as a theme's demo site takes the theme it sits in;
/// and the theme holding the site (a `theme.toml` in the folder above, as a theme's
/// `exampleSite/` is served with `--themesDir ../..`).
fn themes(site: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(site.join("themes"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    if let Ok(go_mod) = std::fs::read_to_string(site.join("go.mod")) {
        found.extend(local_replacements(&go_mod).map(|p| site.join(p)));
    }
    let up = site.join("..");
    if up.join("theme.toml").is_file() {
        found.push(up);
    }
    found
}

/// The folders a `go.mod` puts in place of modules: the `=> path` of its `replace`
/// lines (alone or in a `replace ( … )` block) that name a relative folder, not
/// another module.
fn local_replacements(go_mod: &str) -> impl Iterator<Item = &str> {
    let mut in_block = false;
    go_mod.lines().filter_map(move |line| {
        let line = line.split("//").next().unwrap_or("").trim();
        let replacement = match line.strip_prefix("replace") {
            Some(rest) if rest.trim() == "(" => {
                in_block = true;
                return None;
            }
            Some(rest) if rest.starts_with(char::is_whitespace) => rest,
            _ if in_block && line == ")" => {
                in_block = false;
                return None;
            }
            _ if in_block => line,
            _ => return None,
        };
        let path = replacement.split_once("=>")?.1.trim();
        (path.starts_with("./") || path.starts_with("../") || path == "." || path == "..")
            .then_some(path)
    })
}

/// The arguments at the start of `text`, each a word, a quoted string or a
/// parenthesised expression.
fn arguments(text: &str) -> Vec<&str> {
    super::zola_components::split_outside(text, char::is_whitespace)
}

/// Functions that keep the text they are given (see [`inner_shown`]).
const KEEP: [&str; 9] = [
    "markdownify",
    ".Page.RenderString",
    "$.Page.RenderString",
    ".RenderString",
    "safeHTML",
    "htmlUnescape",
    "chomp",
    "strings.TrimSpace",
    "trim",
];

/// Whether every action of a template that names `.Inner` (or `.InnerDeindent`)
/// shows it: as it is, or through functions that keep its text (`markdownify`,
/// `RenderString`, `safeHTML`, `chomp`, `trim`…), assigned to a variable or printed.
/// Another function (`jsonify`, `highlight`, `urlize`, `len`) makes it something else.
fn inner_shown(template: &str) -> bool {
    let mut seen = false;
    for action in template.split("{{").skip(1) {
        let action = action.split("}}").next().unwrap_or("");
        let action = action.trim_matches('-').trim();
        if !action.contains(".Inner") {
            continue;
        }
        // `$content := .Inner | markdownify`: what is assigned.
        let action = match action.split_once(":=").or_else(|| action.split_once(" = ")) {
            Some((name, value)) if name.trim().starts_with('$') => value.trim(),
            _ => action,
        };
        let shown = action.split('|').map(str::trim).all(|step| {
            let mut words = step.split_whitespace();
            let first = words.next().unwrap_or("");
            let arguments: Vec<&str> = words.collect();
            // `.Inner`, or a function given it: `markdownify .Inner`,
            // `.Page.RenderString .Inner`, or one given the piped value.
            let function = match first {
                ".Inner" | ".InnerDeindent" => return arguments.is_empty(),
                f => f,
            };
            KEEP.contains(&function)
                && arguments
                    .iter()
                    .all(|a| matches!(*a, ".Inner" | ".InnerDeindent" | "(.Inner)"))
        });
        if !shown {
            return false;
        }
        seen = true;
    }
    seen
}

/// Whether a shortcode template is one action printing `.Inner` (through `safeHTML`,
/// `htmlUnescape` or `chomp` at most), besides comments and spaces.
fn is_inner_only(template: &str) -> bool {
    let mut rest = template.trim();
    let mut actions = Vec::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->").map_or("", |(_, r)| r).trim_start();
            continue;
        }
        let Some(after) = rest.strip_prefix("{{") else {
            return false;
        };
        let Some((action, r)) = after.split_once("}}") else {
            return false;
        };
        rest = r.trim_start();
        let action = action.trim_matches('-').trim();
        if !(action.starts_with("/*") && action.ends_with("*/")) {
            actions.push(action);
        }
    }
    let [action] = actions.as_slice() else {
        return false;
    };
    let mut steps = action.split('|').map(str::trim);
    steps.next() == Some(".Inner")
        && steps.all(|f| matches!(f, "safeHTML" | "htmlUnescape" | "chomp"))
}

#[cfg(test)]
mod tests {
    use super::{
        highlighted, inner_shown, is_inner_only, local_replacements, one_code_block, CodeLanguage,
    };

    #[test]
    fn one_fenced_code_block_is_told_from_other_text() {
        assert!(one_code_block("\n```bash\n$ ls\n```\n"));
        assert!(one_code_block("~~~~\n```\n~~~~"));
        for no in [
            "```bash\n$ ls",
            "```\na\n```\n\nMore.\n```\nb\n```",
            "Text.",
            "``\na\n``",
        ] {
            assert!(!one_code_block(no), "{no}");
        }
    }

    #[test]
    fn a_go_mod_names_the_folders_it_puts_in_place_of_modules() {
        let go_mod = "module github.com/x/theme/demo\n\ngo 1.25\n\nreplace github.com/x/theme/v3 => ../\nreplace (\n\tgithub.com/y/z => ./themes/z // local copy\n\tgithub.com/a/b v1.0.0 => github.com/c/b v1.2.0\n)\nrequire github.com/x/theme/v3 v3.34.0\nreplacement => ../no\n";
        assert_eq!(
            local_replacements(go_mod).collect::<Vec<_>>(),
            ["../", "./themes/z"]
        );
    }

    #[test]
    fn a_template_printing_its_inner_text_only_is_told_from_others() {
        for yes in [
            "{{ .Inner }}",
            "{{- .Inner -}}\n",
            "<!-- raw html -->\n{{ .Inner | safeHTML }}",
            "{{/* Lets a page hold HTML. */}}\n{{- .Inner | htmlUnescape | safeHTML -}}",
        ] {
            assert!(is_inner_only(yes), "{yes}");
        }
        for no in [
            "<div class=\"note\">{{ .Inner }}</div>",
            "{{ .Inner | markdownify }}",
            "{{ .Get 0 }}",
            "{{ .Inner }}{{ .Get 0 }}",
            "",
        ] {
            assert!(!is_inner_only(no), "{no}");
        }
    }

    #[test]
    fn a_template_showing_its_inner_text_is_told_from_others() {
        for yes in [
            "{{- $content := .Inner | markdownify -}}\n<div class=\"c-box\">{{ $content }}</div>",
            "<ol class=\"steps\">{{ .Inner }}</ol>",
            "<div>{{ .Page.RenderString .Inner }}</div>",
            "<div>{{ .InnerDeindent | .Page.RenderString }}</div>",
            "<aside>{{ markdownify .Inner }}</aside>",
            "<p>{{ .Inner | strings.TrimSpace | markdownify }}</p>",
        ] {
            assert!(inner_shown(yes), "{yes}");
        }
        for no in [
            "<div class=\"note\">{{ .Get 0 }}</div>",
            "<pre>{{ .Inner | jsonify }}</pre>",
            "{{ highlight .Inner \"go\" \"\" }}",
            "{{ $words := .Inner | countwords }}{{ $words }}",
            "<div>{{ .Inner | markdownify }}</div><script>{{ .Inner | jsonify }}</script>",
            "",
        ] {
            assert!(!inner_shown(no), "{no}");
        }
    }

    #[test]
    fn a_template_highlighting_its_inner_text_names_its_language() {
        // kubernetes-sigs/kind's `codeFromInline`.
        let kind = "{{ $code := trim .Inner  \"\\n\"  }}\n{{ $lang := \"\" }}\n{{ with .Get \"lang\" }}{{ $lang = . }}{{ end }}\n<td>{{ highlight $code $lang \"\" }}</td>\n<textarea>{{ $code }}</textarea>";
        assert_eq!(highlighted(kind), Some(CodeLanguage::Named("lang".into())));
        assert_eq!(
            highlighted("{{ highlight .Inner \"go\" \"\" }}"),
            Some(CodeLanguage::Fixed("go".into()))
        );
        assert_eq!(
            highlighted("{{ highlight (trim .Inner \"\\n\") (.Get 0) \"\" }}"),
            Some(CodeLanguage::Nth(0))
        );
        assert_eq!(
            highlighted("{{ $x := .Get \"src\" }}{{ highlight (readFile $x) \"go\" \"\" }}"),
            None
        );
        assert_eq!(highlighted("<div>{{ .Inner | markdownify }}</div>"), None);
        // The language's own argument, not the first one read.
        assert_eq!(
            highlighted("{{ $title := .Get \"title\" }}{{ $l := .Get 1 }}<b>{{ $title }}</b>{{ highlight .Inner $l \"\" }}"),
            Some(CodeLanguage::Nth(1))
        );
    }
}
