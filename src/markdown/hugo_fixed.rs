//! A site's own Hugo shortcode whose template is fixed text: nothing in it runs but
//! comments, `{{- "" -}}` (which prints nothing) and Hugo's `$_hugo_config` setting (kubeflow's `{{% hub/latest-version %}}`,
//! "0.3.14", in its links' addresses; its `workspaces-beta-notice`, a notice's HTML).
//! Hugo prints the text as it is, so attune does, in the text and in an address; a
//! template that prints only elements a page's body does not show (`<meta
//! name="keywords" …>`) is nothing on the page.

use super::expand::Article;
use super::foreign::{Kind, Tag};

/// What the lone Hugo shortcode `tag` (named `name`) writes in `article`, where it
/// is known: Hugo's `param` (`hugo_param.rs`), the text of a fixed template, or the
/// link a template of one link draws (`hugo_link.rs`).
pub(super) fn value(
    name: &str,
    tag: &Tag,
    lone: bool,
    article: &Article,
    in_address: bool,
) -> Option<String> {
    if ["param", "_param"].contains(&name) {
        return super::hugo_param::shortcode(&tag.inner, article, in_address);
    }
    let markdown = tag.kind == Kind::HugoMarkdown;
    let link = || {
        let template = super::hugo_raw::template(article, name)?;
        super::hugo_link::link(&template, &tag.inner)
    };
    lone.then(|| {
        text(article, name, markdown, in_address).or_else(|| link().filter(|_| !in_address))
    })
    .flatten()
}

/// What the shortcode `name` prints, when its template is fixed text: as it is in an
/// address, in a `{{% %}}` call (Markdown) and within a line; a `{{< >}}` call's text
/// of several lines as raw HTML ([`super::raw_html::as_html`]).
fn text(article: &Article, name: &str, markdown: bool, in_address: bool) -> Option<String> {
    let template = super::hugo_raw::template(article, name)?;
    let text = fixed(&template).filter(|t| balanced(t))?;
    if head_only(&text) {
        return Some(String::new());
    }
    match !in_address && !markdown && text.contains('\n') {
        true => Some(super::raw_html::as_html(&format!("\n{text}\n"))),
        false => Some(text),
    }
}

/// The text a template prints, when nothing in it runs: its comments (`{{/* … */}}`),
/// empty strings and `$_hugo_config` settings taken out, with the white space their `{{-` and `-}}`
/// trim, HTML comments, and the text's own white space at either end.
fn fixed(template: &str) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let close = rest[open..].find("}}")? + open;
        let action = rest[open + 2..close]
            .trim_start_matches('-')
            .trim_end_matches('-')
            .trim();
        let setting = action
            .strip_prefix("$_hugo_config")
            .is_some_and(|a| a.trim_start().starts_with(":="));
        // `{{- "" -}}`: nothing, said to trim the white space around it.
        let empty = action == "\"\"" || action == "``";
        let comment = action.starts_with("/*") && action.ends_with("*/");
        let printed = match comment || setting || empty {
            true => String::new(),
            false => emojify(action)?,
        };
        let before = &rest[..open];
        out.push_str(match rest[open..].starts_with("{{-") {
            true => before.trim_end(),
            false => before,
        });
        out.push_str(&printed);
        rest = &rest[close + 2..];
        if template[..template.len() - rest.len()].ends_with("-}}") {
            rest = rest.trim_start();
        }
    }
    out.push_str(rest);
    // HTML comments show nothing, and one opening the text would end its HTML block
    // at its own line in Markdown.
    while let Some(open) = out.find("<!--") {
        let end = out[open..].find("-->").map_or(out.len(), |e| open + e + 3);
        out.replace_range(open..end, "");
    }
    let text = out.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// What `emojify` of a string written in the template prints (`emojify ":x:"`, jaeger's
/// `check_no`): the string with each emoji shortcode in it written as the emoji, as
/// Hugo's `emojify` writes it; `None` for any other action, or a string with escapes
/// (`"\u2705"`) attune does not read.
fn emojify(action: &str) -> Option<String> {
    let argument = action.strip_prefix("emojify")?;
    let argument = argument.strip_prefix(char::is_whitespace)?.trim();
    let quote = argument.chars().next().filter(|c| matches!(c, '"' | '`'))?;
    let literal = argument[1..].strip_suffix(quote)?;
    if literal.contains(quote) || (quote == '"' && literal.contains(['\\', '\n'])) {
        return None;
    }
    Some(super::emoji::emojified(literal).unwrap_or_else(|| literal.to_string()))
}

/// Whether each element `html` opens it closes, and it closes none it did not open:
/// markup alone (Beautiful Hugo's `column`, `</div><div class="right">`) would close
/// the page's own elements (see `hugo_raw::shows_inner`).
fn balanced(html: &str) -> bool {
    let mut open: Vec<String> = Vec::new();
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        let closing = rest.starts_with('/');
        let name: String = (rest.trim_start_matches('/').chars())
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let self_closed = rest.split('>').next().is_some_and(|t| t.ends_with('/'));
        match () {
            _ if name.is_empty()
                || super::raw::VOID_ELEMENTS.contains(&name.as_str())
                || self_closed => {}
            _ if closing && open.last() == Some(&name) => {
                open.pop();
            }
            _ if closing => return false,
            _ => open.push(name),
        }
    }
    open.is_empty()
}

/// Whether `html` holds only `<meta>` and `<link>` elements (and comments), which a
/// page's head holds and its body does not show.
fn head_only(html: &str) -> bool {
    let mut rest = html.trim();
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix('<') else {
            return false;
        };
        let end = match after.starts_with("!--") {
            true => after.find("-->").map(|e| e + 3),
            false => {
                let name: String = (after.chars())
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if name != "meta" && name != "link" {
                    return false;
                }
                after.find('>').map(|e| e + 1)
            }
        };
        let Some(end) = end else { return false };
        rest = after[end..].trim_start();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{fixed, head_only};

    #[test]
    fn a_template_with_nothing_that_runs_is_its_text() {
        assert_eq!(fixed("0.3.14\n").as_deref(), Some("0.3.14"));
        let notice = "<!-- Reusable notice -->\n{{- $_hugo_config := `{ \"version\": 1 }` -}}\n<div class=\"alert\">\n  <p>Beta.</p>\n\n  <p>More.</p>\n</div>\n";
        assert_eq!(
            fixed(notice).as_deref(),
            Some("<div class=\"alert\">\n  <p>Beta.</p>\n\n  <p>More.</p>\n</div>")
        );
        assert_eq!(
            fixed("{{/* a comment */}}2.17.0").as_deref(),
            Some("2.17.0")
        );
        // kubeflow's `kf-workspaces-version`, trimmed so it may stand within a word.
        let trimmed =
            "v2.0.0-beta.0\n{{- \"\" -}}\n{{/* drops the white space */}}\n{{- \"\" -}}\n";
        assert_eq!(fixed(trimmed).as_deref(), Some("v2.0.0-beta.0"));
        // Anything that runs, or nothing to print: not fixed text.
        assert_eq!(fixed("v{{ .Get 0 }}"), None);
        assert_eq!(fixed("{{ $x := 1 }}x"), None);
        assert_eq!(fixed("{{/* only */}}\n"), None);
        assert_eq!(fixed("{{ unclosed"), None);
    }

    #[test]
    fn a_template_that_only_emojifies_a_string_is_the_emoji() {
        // jaeger's `check_yes` and `check_no`, filling its capability tables.
        assert_eq!(
            fixed("{{ emojify \":white_check_mark:\" }}\n").as_deref(),
            Some("\u{2705}")
        );
        assert_eq!(fixed("{{- emojify `:x:` -}}").as_deref(), Some("\u{274c}"));
        assert_eq!(
            fixed("<span>{{ emojify \"Done :+1:\" }}</span>").as_deref(),
            Some("<span>Done \u{1f44d}</span>")
        );
        assert_eq!(
            fixed("{{ emojify \"no emoji\" }}").as_deref(),
            Some("no emoji")
        );
        // A value not written in the template, or a string with escapes: not fixed.
        assert_eq!(fixed("{{ emojify (.Get 0) }}"), None);
        assert_eq!(fixed("{{ emojify .Inner }}"), None);
        assert_eq!(fixed("{{ emojify \"\\u2705\" }}"), None);
        assert_eq!(fixed("{{ emojify \":x:\" | safeHTML }}"), None);
        assert_eq!(fixed("{{ emojifyx \":x:\" }}"), None);
    }

    #[test]
    fn markup_that_closes_what_it_did_not_open_is_not_printed() {
        use super::balanced;
        assert!(balanced(
            "<div class=\"a\">\n<p>x<br>y</p><img src=x /></div>"
        ));
        assert!(balanced("0.3.14"));
        assert!(!balanced("</div><div class=\"right\">"));
        assert!(!balanced("<div><p>x</div>"));
        assert!(!balanced("<section>"));
    }

    #[test]
    fn meta_and_link_elements_show_nothing_in_a_body() {
        assert!(head_only("<meta name=\"keywords\" content=\"kfp, sdk\">"));
        assert!(head_only(
            "<!-- x --> <link rel=\"canonical\" href=\"/a/\">\n<META charset=utf-8>"
        ));
        assert!(!head_only("<meta name=\"a\"> text"));
        assert!(!head_only("<p>Text</p>"));
        assert!(!head_only("0.3.14"));
    }
}
