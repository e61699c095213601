//! A site's own Hugo shortcode whose template is one link, its address and its text
//! the tag's arguments (Compose's `button`: `{{- $link := .Get 0 -}}` `{{- $label :=
//! .Get 1 -}}` `<a href="{{ $link }}" class="button">{{- $label | markdownify -}}</a>`):
//! that link, as a Markdown link, so it is resolved and checked as any other. A pair
//! whose template is one link around its text (buildpacks' `download-button`: `<a
//! href='{{ .Get "href" }}' class='button'>{{ .Inner }}</a>`) is its text as that link.

use super::hugo_figure::Args;

/// Where a template takes a value from: the tag's argument at a place or of a name,
/// or the text between a pair's tags (`.Inner`).
#[derive(Clone, Debug, PartialEq)]
enum From {
    Nth(usize),
    Named(String),
    Inner,
}

/// The Markdown link the shortcode whose template is `template`, called with
/// `inner` (the tag's inner text), draws; `None` when the template is not one link,
/// or the call lacks its address or its text.
pub(super) fn link(template: &str, inner: &str) -> Option<String> {
    let (href, text) = parts(template)?;
    let args = Args::of(inner);
    let (address, label) = (get(&args, &href)?, get(&args, &text)?);
    let label = label.replace('\n', " ").replace(['[', ']'], "");
    Some(format!("[{label}]({})", destination(&address)?))
}

/// What a pair whose template is one link around its text writes for its opening
/// and closing tags, called with `inner` (the opening tag's inner text): `[` and
/// `](address)`; `None` for another template, or a call lacking the address.
pub(super) fn around(template: &str, inner: &str) -> Option<(String, String)> {
    let (href, text) = parts(template)?;
    if text != From::Inner {
        return None;
    }
    let address = get(&Args::of(inner), &href)?;
    Some(("[".to_string(), format!("]({})", destination(&address)?)))
}

/// A link's destination written so Markdown reads it whole; `None` for an address
/// no link can hold.
fn destination(address: &str) -> Option<String> {
    (!address.is_empty() && !address.contains(['<', '>', '\n', ' ']))
        .then(|| format!("<{address}>"))
}

fn get(args: &Args, from: &From) -> Option<String> {
    match from {
        From::Nth(n) => args.nth(*n).map(str::to_string),
        From::Named(k) => args.get(k).map(str::to_string),
        From::Inner => None,
    }
}

/// Where the link a template of one link draws takes its address and its text from.
fn parts(template: &str) -> Option<(From, From)> {
    let mut vars: Vec<(String, From)> = Vec::new();
    let mut markup = String::new();
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let close = rest[open..].find("}}")? + open;
        let action = rest[open + 2..close].trim_matches('-').trim();
        markup.push_str(&rest[..open]);
        rest = &rest[close + 2..];
        if action.starts_with("/*") {
            continue;
        }
        if let Some((var, value)) = action.split_once(":=") {
            vars.push((var.trim().to_string(), from(value.trim())?));
            continue;
        }
        // Kept, to be read below: `{{ $link }}`, `{{ .Get 1 | markdownify }}`; an
        // optional class (`{{ with $m }} {{ . }}{{ end }}`) is dropped with its block.
        markup.push_str(&format!("{{{{{action}}}}}"));
    }
    markup.push_str(rest);
    let markup = drop_with_blocks(markup.trim())?;
    // A line break after the link (`</a><br />`) is no part of it.
    let markup = ["<br />", "<br/>", "<br>"]
        .iter()
        .find_map(|br| markup.strip_suffix(br))
        .unwrap_or(&markup)
        .trim_end();
    let body = markup.strip_prefix("<a ")?.strip_suffix("</a>")?;
    let (attributes, text) = body.split_once('>')?;
    let (after, quote) = match attributes.split_once("href=\"") {
        Some((_, after)) => (after, '"'),
        None => (attributes.split_once("href='")?.1, '\''),
    };
    let href = match after.starts_with("{{") {
        true => &after[..after.find("}}")? + 2],
        false => after.split_once(quote)?.0,
    };
    let value = |action: &str| -> Option<From> {
        let action = action.strip_prefix("{{")?.strip_suffix("}}")?;
        let word = action.split('|').next()?.trim();
        let rest_ok = action.split('|').skip(1).all(|f| {
            matches!(
                f.trim(),
                "markdownify" | "safeHTML" | "safeURL" | "relURL" | "absURL"
            )
        });
        if !rest_ok {
            return None;
        }
        match vars.iter().find(|(v, _)| v == word) {
            Some((_, from_)) => Some(from_.clone()),
            None => from(word),
        }
    };
    match (value(href.trim())?, value(text.trim())?) {
        (From::Inner, _) => None,
        found => Some(found),
    }
}

/// `.Get 0`, `.Get "name"` or `.Inner`: where the value comes from.
fn from(value: &str) -> Option<From> {
    if value == ".Inner" {
        return Some(From::Inner);
    }
    let arg = value.strip_prefix(".Get")?.trim();
    if let Ok(n) = arg.parse::<usize>() {
        return Some(From::Nth(n));
    }
    let name = arg.strip_prefix('"')?.strip_suffix('"')?;
    Some(From::Named(name.to_string()))
}

/// The markup without its `{{ with … }}` … `{{ end }}` blocks (an optional class);
/// `None` when another block (`if`, `range`) is in it.
fn drop_with_blocks(markup: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = markup;
    while let Some(open) = rest.find("{{with ").or_else(|| rest.find("{{if ")) {
        if !rest[open..].starts_with("{{with ") {
            return None;
        }
        let end = rest[open..].find("{{end}}")? + open;
        out.push_str(&rest[..open]);
        rest = &rest[end + "{{end}}".len()..];
    }
    out.push_str(rest);
    (!out.contains("{{range") && !out.contains("{{end}}")).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUTTON: &str = "{{- $link := .Get 0 -}}\n{{- $label := .Get 1 -}}\n{{- $modifier := .Get 2 -}}\n<a href=\"{{ $link }}\" class=\"button{{ with $modifier }} {{ . }}{{ end }}\">{{- $label | markdownify -}}</a>\n";

    #[test]
    fn a_template_of_one_link_is_that_link() {
        assert_eq!(
            link(BUTTON, "button \"docs/compose/\" \"Read the Docs\"").as_deref(),
            Some("[Read the Docs](<docs/compose/>)")
        );
        let named = "<a class=\"btn\" href=\"{{ .Get \"url\" }}\">{{ .Get \"text\" }}</a>";
        assert_eq!(
            link(named, "btn url=\"/guide/\" text=\"Guide\"").as_deref(),
            Some("[Guide](</guide/>)")
        );
        // Not one link, or a call without its text.
        assert_eq!(link(BUTTON, "button \"docs/\""), None);
        assert_eq!(link("<div>{{ .Get 0 }}</div>", "x \"a\""), None);
        let two = "<a href=\"{{ .Get 0 }}\">{{ .Get 1 }}</a><a href=\"x\">y</a>";
        assert_eq!(link(two, "x \"a\" \"b\""), None);
        let ranged = "{{ range .Params }}<a href=\"{{ . }}\">x</a>{{ end }}";
        assert_eq!(link(ranged, "x \"a\""), None);
    }

    #[test]
    fn a_pairs_template_of_one_link_around_its_text_is_that_link() {
        // buildpacks/docs' `download-button`.
        let button = "<a href='{{- .Get \"href\" -}}' class='button {{ with .Get \"color\"}}bg-{{.}}{{ end }}'>{{- .Inner -}}</a><br />";
        let call = "download-button href=\"/docs/install-pack\" color=\"pink\"";
        assert_eq!(
            around(button, call),
            Some(("[".to_string(), "](</docs/install-pack>)".to_string()))
        );
        // Its text is the pair's: no link for a lone call, nor without the address.
        assert_eq!(link(button, call), None);
        assert_eq!(around(button, "download-button color=\"pink\""), None);
        assert_eq!(around(BUTTON, "button \"docs/\" \"Docs\""), None);
    }
}
