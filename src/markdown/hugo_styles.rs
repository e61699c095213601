//! A Hugo shortcode template that only styles the text it wraps (a `<div>` with a
//! class, a `<section>`), so nothing a reader needs is lost when attune shows the
//! text alone.

/// Whether a template showing its inner text only styles it (see `hugo_raw::shows_inner`):
/// its markup is styling elements alone, and what else it prints stands in their
/// attributes (Compose's `column`: `<div class="{{ . }}">`), never in the text.
pub(super) fn only_styles(template: &str) -> bool {
    let mut markup = String::new();
    let mut inner_vars: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some((before, after)) = rest.split_once("{{") {
        markup.push_str(before);
        let Some((action, after)) = after.split_once("}}") else {
            return false;
        };
        rest = after;
        let action = action.trim_matches('-').trim();
        if action.starts_with("/*") && action.ends_with("*/") {
            continue;
        }
        if action.contains(".Inner") {
            if let Some((var, _)) = action.split_once(":=") {
                inner_vars.push(var.trim());
            }
            continue;
        }
        if inner_vars.contains(&action) || quiet(action) {
            continue;
        }
        // Anything else printed: only inside a tag (an attribute's value).
        let in_tag = markup
            .rfind('<')
            .is_some_and(|open| markup.rfind('>').is_none_or(|close| close < open));
        if !in_tag {
            return false;
        }
    }
    markup.push_str(rest);
    const STYLING: [&str; 5] = ["div", "span", "p", "section", "center"];
    markup.split('<').skip(1).all(|tag| {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        tag.starts_with("!--") || STYLING.contains(&name.to_ascii_lowercase().as_str())
    })
}

/// Whether a template action prints nothing: it sets a variable (`$m := .Get 0`), or
/// opens or closes a block (`with`, `if`, `else`, `end`).
fn quiet(action: &str) -> bool {
    let word = action.split_whitespace().next().unwrap_or("");
    matches!(word, "with" | "if" | "else" | "end")
        || (action.starts_with('$') && (action.contains(":=") || action.contains(" = ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_that_only_styles_its_inner_text_is_told_from_others() {
        for yes in [
            // Congo's `lead`.
            "<div class=\"lead !mb-9 text-xl\">\n  {{ .Inner | markdownify }}\n</div>\n",
            "{{/* A wide block. */}}<section class=\"wide\"><p>{{ .Inner | markdownify }}</p></section>",
            "{{- $content := .Inner | markdownify -}}\n<!-- box -->\n<div>{{ $content }}</div>",
            // Compose's `column` and `grid`: their arguments are classes.
            "{{- $modifier := .Get 0 -}}\n<div {{- with $modifier }} class=\"{{ . }}\"{{ end }}>\n {{- .Inner | markdownify -}}\n</div>\n",
            "{{- $grids := .Get 0 }}\n<div class=\"grid-{{ $grids }}{{ with $m }} {{ . }}{{ end }}\">\n  {{ .Inner }}\n</div>\n",
        ] {
            assert!(only_styles(yes), "{yes}");
        }
        for no in [
            "<blockquote><p>{{ .Inner | markdownify }}</p></blockquote>",
            "<div><h4>{{ .Get \"title\" }}</h4>{{ .Inner | markdownify }}</div>",
            "<aside class=\"note\">{{ .Inner | markdownify }}</aside>",
            "<a href=\"#x\">{{ .Inner }}</a>",
            "<div>{{ .Inner | markdownify }}</div>{{ partial \"x\" . }}",
            "{{ $t := .Get 0 }}<div class=\"box\">{{ $t }}{{ .Inner }}</div>",
        ] {
            assert!(!only_styles(no), "{no}");
        }
    }
}
