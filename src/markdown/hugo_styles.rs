//! A Hugo shortcode template that only styles the text it wraps (a `<div>` with a
//! class, a `<section>`), so nothing a reader needs is lost when attune shows the
//! text alone; or one that also prints some of its arguments above it, as a header
//! (kedacore/keda-docs' `collapsible`: `<header><p>{{ .Get 0 }}</p></header>` over
//! `{{ .Inner | markdownify }}`), whose words attune shows in bold above the text.

/// Elements that only style what they hold.
const STYLING: [&str; 5] = ["div", "span", "p", "section", "center"];

/// Whether a template showing its inner text only styles it (see `hugo_raw::shows_inner`):
/// its markup is styling elements alone, and what else it prints stands in their
/// attributes (Compose's `column`: `<div class="{{ . }}">`), never in the text.
pub(super) fn only_styles(template: &str) -> bool {
    let mut inner_vars: Vec<&str> = Vec::new();
    only_styles_with(template, |action| {
        if action.starts_with("/*") && action.ends_with("*/") {
            return true;
        }
        if action.contains(".Inner") {
            if let Some((var, _)) = action.split_once(":=") {
                inner_vars.push(var.trim());
            }
            return true;
        }
        inner_vars.contains(&action) || quiet(action)
    })
}

/// Whether a template's markup is styling elements alone (see [`styling_markup`]),
/// each action (`{{ … }}`) printing the text it wraps (`wrapped` says which do,
/// Hugo's `.Inner`, Zola's `body`) or standing in an element's attribute.
pub(super) fn only_styles_with<'t>(
    template: &'t str,
    mut wrapped: impl FnMut(&'t str) -> bool,
) -> bool {
    let mut markup = String::new();
    let mut rest = template;
    while let Some((before, after)) = rest.split_once("{{") {
        markup.push_str(before);
        let Some((action, after)) = after.split_once("}}") else {
            return false;
        };
        rest = after;
        if wrapped(action.trim_matches('-').trim()) {
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
    styling_markup(&markup)
}

/// Whether every element of `markup` only styles what it holds (comments aside).
fn styling_markup(markup: &str) -> bool {
    markup.split('<').skip(1).all(|tag| {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        tag.starts_with("!--") || STYLING.contains(&name.to_ascii_lowercase().as_str())
    })
}

/// An argument a template prints: `.Get 0` or `.Get "title"`.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Arg {
    Nth(usize),
    Named(String),
}

/// Elements a label may stand in: a header's, in bold, or a folded box's summary.
const LABELLING: [&str; 11] = [
    "header", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "summary", "details",
];

/// The arguments a template showing its inner text prints above it, in text, when it
/// prints nothing else and its markup is styling and header elements alone (see the
/// module's text); `None` for any other template, or one that prints no argument.
pub(super) fn labels(template: &str) -> Option<Vec<Arg>> {
    let mut markup = String::new();
    let mut vars: Vec<(&str, Arg)> = Vec::new();
    let mut inner_vars: Vec<&str> = Vec::new();
    // What `.` is in each open `with` block: the argument it tests, or something else.
    let mut dots: Vec<Option<Arg>> = Vec::new();
    let (mut labels, mut inner_seen) = (Vec::new(), false);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once("{{") {
        markup.push_str(before);
        let (action, after) = after.split_once("}}")?;
        rest = after;
        let action = action.trim_matches('-').trim();
        let word = action.split_whitespace().next().unwrap_or("");
        if action.starts_with("/*") && action.ends_with("*/") {
            continue;
        }
        // The text, printed or held in a variable printed later.
        if action.contains(".Inner") {
            match action.split_once(":=") {
                Some((var, _)) if action.starts_with('$') => inner_vars.push(var.trim()),
                _ => inner_seen = true,
            }
            continue;
        }
        if inner_vars.contains(&action) {
            inner_seen = true;
            continue;
        }
        match word {
            "with" => dots.push(argument(action["with".len()..].trim())),
            "if" | "range" => dots.push(None),
            "end" => drop(dots.pop()),
            "else" => {}
            _ if action.starts_with('$') && action.contains(":=") => {
                let (var, value) = action.split_once(":=")?;
                vars.extend(argument(value.trim()).map(|arg| (var.trim(), arg)));
            }
            _ => {
                let printed = match action {
                    "." => dots.last().cloned().flatten(),
                    _ => argument(action).or_else(|| {
                        let found = vars.iter().find(|(var, _)| *var == action);
                        found.map(|(_, arg)| arg.clone())
                    }),
                };
                let in_tag = markup
                    .rfind('<')
                    .is_some_and(|open| markup.rfind('>').is_none_or(|close| close < open));
                match printed {
                    _ if in_tag => {}
                    Some(arg) if !inner_seen => labels.push(arg),
                    _ => return None,
                }
            }
        }
    }
    markup.push_str(rest);
    let elements_fit = markup.split('<').skip(1).all(|tag| {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let name = name.to_ascii_lowercase();
        tag.starts_with("!--")
            || STYLING.contains(&name.as_str())
            || LABELLING.contains(&name.as_str())
    });
    (elements_fit && inner_seen && !labels.is_empty()).then_some(labels)
}

/// The argument an expression reads, through functions that keep its words
/// (`.Get 0`, `.Get "title" | markdownify`).
fn argument(expression: &str) -> Option<Arg> {
    let mut steps = expression.split('|').map(str::trim);
    let get = steps.next()?.strip_prefix(".Get ")?.trim();
    let kept = [
        "markdownify",
        "safeHTML",
        "plainify",
        "htmlUnescape",
        "chomp",
    ];
    if !steps.all(|step| kept.contains(&step)) {
        return None;
    }
    match get.strip_prefix('"').and_then(|g| g.strip_suffix('"')) {
        Some(name) => Some(Arg::Named(name.to_string())),
        None => get.parse().ok().map(Arg::Nth),
    }
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

    #[test]
    fn a_template_printing_arguments_above_its_inner_text_is_read_for_its_labels() {
        // kedacore/keda-docs' `collapsible`, a box that opens on a click.
        let keda = "<div class=\"card is-collapsible\" x-data=\"{ open: false }\">\n  <header class=\"has-mouse-icon\" @click=\"open = !open\">\n    <p class=\"card-header-title title\">\n      {{ .Get 0 }}\n    </p>\n  </header>\n  <div class=\"card-content\" x-show=\"open\">\n    <div class=\"content\">\n      {{ .Inner | markdownify }}\n    </div>\n  </div>\n</div>";
        assert_eq!(labels(keda), Some(vec![Arg::Nth(0)]));
        let held = "{{- $title := .Get \"title\" -}}\n{{- $content := .Inner | markdownify -}}\n<div class=\"c-exercise\"><h4>{{ $title }}</h4>{{ $content }}</div>\n";
        assert_eq!(labels(held), Some(vec![Arg::Named("title".into())]));
        let named = "{{ $t := .Get \"title\" }}<details><summary>{{ $t }}</summary>{{ with .Get \"sub\" }}<h5 class=\"{{ . }}\">{{ . }}</h5>{{ end }}{{ .Inner | markdownify }}</details>";
        assert_eq!(
            labels(named),
            Some(vec![Arg::Named("title".into()), Arg::Named("sub".into())])
        );
        for no in [
            // Nothing printed but the text: styling (`only_styles`), not labels.
            "<div class=\"{{ .Get 0 }}\">{{ .Inner | markdownify }}</div>",
            // An argument after the text, a partial, a link, an image.
            "<div>{{ .Inner | markdownify }}<p>{{ .Get 0 }}</p></div>",
            "{{ $c := .Inner }}<div>{{ $c }}<p>{{ .Get 0 }}</p></div>",
            "<h4>{{ .Get 0 }}</h4>{{ partial \"x\" . }}{{ .Inner }}",
            "<a href=\"#\">{{ .Get 0 }}</a>{{ .Inner | markdownify }}",
            "<h4>{{ .Get 0 | upper }}</h4><img src=\"x.png\">{{ .Inner }}",
            // No text shown.
            "<h4>{{ .Get 0 }}</h4>",
        ] {
            assert_eq!(labels(no), None, "{no}");
        }
    }
}
