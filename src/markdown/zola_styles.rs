//! A Zola site's own shortcode pair whose template only styles its body (endler.dev's
//! `info`: `<div class="info">{{ body | markdown() | safe }}</div>`), read from the
//! site's or a theme's `templates/shortcodes/`: the body is kept, its tags left out,
//! and nothing is reported, as for a Hugo template that only styles its text
//! (`hugo_styles.rs`). attune's theme gives the look.

use super::expand::Article;
use super::hugo_raw::Inner;

/// [`Inner::Styled`] when `name` opens a Zola pair (`paired`) whose template, the
/// site's, only styles its body.
pub(super) fn styled(article: &Article, name: &str, paired: bool) -> Option<Inner> {
    let name = super::foreign_help::zola_shortcode(name).filter(|_| paired)?;
    only_styles_body(&template(article, name)?).then_some(Inner::Styled)
}

/// The template of the shortcode `name` in the site's `templates/shortcodes/`, or a
/// theme's.
fn template(article: &Article, name: &str) -> Option<String> {
    let file = format!("templates/shortcodes/{name}.html");
    (super::hugo_raw::sites_and_themes(article).iter())
        .find_map(|site| std::fs::read_to_string(site.join(&file)).ok())
}

/// Whether a Tera template prints its body (`{{ body }}`, through filters such as
/// `markdown` and `safe`) in styling elements alone, anything else it prints standing
/// in their attributes, and runs no other tag (`{% if %}`, `{% set %}`…).
fn only_styles_body(template: &str) -> bool {
    if template.contains("{%") {
        return false;
    }
    let mut shows_body = false;
    let styled = super::hugo_styles::only_styles_with(template, |expression| {
        let body = expression.split('|').next().map(str::trim) == Some("body");
        shows_body |= body;
        body
    });
    styled && shows_body
}

#[cfg(test)]
mod tests {
    use super::only_styles_body;

    #[test]
    fn a_template_that_only_styles_its_body_is_told_from_others() {
        for template in [
            "<div class=\"info\">\n  {{ body | markdown() | safe }}\n</div>",
            "<div class=\"{{ kind }}\"><p>{{ body }}</p></div>\n",
            "{{- body | markdown -}}",
        ] {
            assert!(only_styles_body(template), "{template}");
        }
        for template in [
            // A title printed as text, a link, control flow, no body at all.
            "<div><p>{{ title }}</p>{{ body }}</div>",
            "<a href=\"{{ url }}\">{{ body }}</a>",
            "{% if kind %}<div>{% endif %}{{ body }}",
            "<div class=\"spacer\"></div>",
            "<blockquote>{{ body | markdown | safe }}</blockquote>",
        ] {
            assert!(!only_styles_body(template), "{template}");
        }
    }
}
