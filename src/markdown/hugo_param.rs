//! Hugo's built-in `{{< param "name" >}}` (also `{{< param name >}}`, `{{% %}}`): the
//! value of a page parameter, as `.Page.Param` finds it: the page's own front matter
//! (a top-level key, or one under `params:`), else what an ancestor section's
//! `cascade` hands it (see `load::cascade`), else the site's `[params]` in Hugo's
//! configuration (see `load::hugo_params`). Keys are read in any letter case, as Hugo
//! lowercases them; a dotted key (`"social.github"`) reads into tables.

use super::expand::Article;
use serde_json::Value;

/// The text the shortcode whose inner text is `inner` (`param "name"`) writes, when
/// the key is found and its value is text, a number, a flag, or a list of them.
pub(super) fn value(
    inner: &str,
    front_matter: &str,
    cascaded: Option<&Value>,
    site: Option<&Value>,
) -> Option<String> {
    let arg = inner.split_once(char::is_whitespace)?.1.trim();
    let arg = arg.strip_suffix('/').unwrap_or(arg).trim_end();
    let key = match arg.chars().next()? {
        q @ ('"' | '`') => arg[1..].split(q).next()?,
        _ if arg.contains(char::is_whitespace) || arg.contains('=') => return None,
        _ => arg,
    };
    if key.is_empty() {
        return None;
    }
    let page = crate::load::hugo_params::front_values(front_matter);
    let in_page = |page: Option<&Value>| {
        let found = |key: &str| page.and_then(|p| lookup(p, key)).and_then(text);
        found(key).or_else(|| found(&format!("params.{key}")))
    };
    in_page(page.as_ref())
        .or_else(|| in_page(cascaded))
        .or_else(|| site.and_then(|s| lookup(s, key)).and_then(text))
}

/// What Jekyll's `{{ page.key }}` or `{{ site.key }}` (`inner`, with no filter) writes
/// in `article`, on a Jekyll site: the value of the page's own front matter key (a
/// reading list's `{{ page.wasmtime }}`, its version, in a table of links), or of the
/// site's `_config.yml` (`{{ site.repository }}/issues/123`, `{{ site.links.docs }}`),
/// when it has one and its value is text, a number or a flag.
pub(super) fn jekyll_page(inner: &str, article: &Article) -> Option<String> {
    if article.expressions != super::expand::Expressions::Liquid {
        return None;
    }
    let key = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
    let plain = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    match key.split_once('.') {
        Some(("page", key)) if key.chars().all(plain) => {
            let page = crate::load::hugo_params::front_values(article.front_matter)?;
            page.get(key).and_then(text)
        }
        Some(("site", key))
            if key
                .split('.')
                .all(|k| !k.is_empty() && k.chars().all(plain)) =>
        {
            // Liquid's names match in their case only (unlike Hugo's, see `lookup`).
            let mut at = article.site_params?;
            for part in key.split('.') {
                at = at.get(part)?;
            }
            text(at)
        }
        _ => None,
    }
}

/// What `{{< param … >}}` (`inner`) writes in `article`, when its key is found.
pub(super) fn shortcode(inner: &str, article: &Article, in_address: bool) -> Option<String> {
    let find = |inner: &str| {
        value(
            inner,
            article.front_matter,
            article.cascaded,
            article.site_params,
        )
    };
    // Docsy's `_param` writes the value as it is, its HTML not escaped, each `{N}` in
    // it the call's argument N (`{0}` the key): `{{% _param btn-lg primary %}}` with
    // `btn-lg: class="btn btn-{1}"` writes `class="btn btn-primary"`.
    if inner.trim_start().starts_with("_param") {
        let args = super::hugo_figure::Args::of(inner);
        let key = args.first()?;
        let mut found = find(&format!("_param {key}"))?;
        for (n, arg) in (0..).map_while(|n| Some((n, args.nth(n)?))) {
            found = found.replace(&format!("{{{n}}}"), arg);
        }
        return Some(found);
    }
    Some(as_text(&find(inner)?, in_address))
}

/// The value at a dotted key, each part in any letter case.
fn lookup<'a>(mut at: &'a Value, key: &str) -> Option<&'a Value> {
    for part in key.split('.') {
        let map = at.as_object()?;
        at = map.get(part).or_else(|| {
            map.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(part))
                .map(|(_, v)| v)
        })?;
    }
    Some(at)
}

/// A value as Go's templates print it: a list as `[a b]`; no text for a table.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => {
            let items: Option<Vec<String>> = items.iter().map(text).collect();
            Some(format!("[{}]", items?.join(" ")))
        }
        Value::Null | Value::Object(_) => None,
    }
}

/// `value` written so Markdown shows it as it is (Hugo writes a `{{< >}}` shortcode's
/// output after Markdown is read): ASCII punctuation escaped, but in an address.
pub(super) fn as_text(value: &str, in_address: bool) -> String {
    if in_address {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_ascii_punctuation() && !matches!(c, '.' | ',' | '-' | '/' | ':' | '\'' | '"') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{as_text, value};
    use serde_json::json;

    #[test]
    fn a_param_is_read_from_the_page_then_the_site() {
        let site = json!({"version": "v3.7", "Social": {"GitHub": "etcd-io"}, "tags": ["a", 2]});
        let page = "---\ntitle: T\ngit_version_tag: v3.5.21\nparams:\n  minGoVers: \"1.22\"\n---\n";
        assert_eq!(
            value("param git_version_tag", page, None, Some(&site)).as_deref(),
            Some("v3.5.21")
        );
        assert_eq!(
            value("param \"mingovers\"", page, None, Some(&site)).as_deref(),
            Some("1.22")
        );
        assert_eq!(
            value("param `version`", page, None, Some(&site)).as_deref(),
            Some("v3.7")
        );
        assert_eq!(
            value("param \"social.github\"", page, None, Some(&site)).as_deref(),
            Some("etcd-io")
        );
        assert_eq!(
            value("param tags", page, None, Some(&site)).as_deref(),
            Some("[a 2]")
        );
        let toml = "+++\nversion = \"v9\"\n+++\n";
        assert_eq!(
            value("param version", toml, None, Some(&site)).as_deref(),
            Some("v9")
        );
        // Unknown, a table, or no key: not read (reported as other shortcodes are).
        assert_eq!(value("param missing", page, None, Some(&site)), None);
        assert_eq!(value("param social", page, None, Some(&site)), None);
        assert_eq!(value("param", page, None, None), None);
        assert_eq!(as_text("a*b_c", false), "a\\*b\\_c");
        assert_eq!(as_text("a*b", true), "a*b");
    }
}
