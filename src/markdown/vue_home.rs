//! A VitePress or VuePress home page's own text, which its front matter holds: VitePress's
//! `layout: home` with `hero` (`name`, `text`, `tagline`, `actions`) and `features`
//! (`title`, `details`, `link`), VuePress's `home: true` with `heroText`, `tagline`,
//! `actionText` and `actionLink` (or `actions`) and `features`; and an Astro Starlight
//! page's `hero` (`title`, `tagline`, `actions`). Their themes draw it
//! as the page's top and its cards; without it the home page of such a site is empty.
//!
//! Here it is written as Markdown before the page's own text, as the theme shows it
//! above: the name as the page's heading, the text in bold, the tagline, the actions as
//! links in a line, and the features as a list, each title in bold (a link when the
//! feature has one). Links are checked as the page's own are. Images and icons are
//! decoration, and left out.

use super::expand::{Article, Expanded, Expressions, Splice};
use serde_json::Value;

/// The page's text with its home page's hero and features before it, its map added to
/// `out`'s; `None` but on a VitePress or VuePress site whose page's front matter asks for
/// a home page and gives it something to show.
pub(super) fn prepend(body: &str, article: &Article, out: &mut Expanded) -> Option<String> {
    let vue = article.expressions == Expressions::Vue;
    let starlight = || {
        let site = |(_, dir, _): (&_, &std::path::Path, &_)| crate::load::astro::is_starlight(dir);
        article.front_matter.contains("hero") && article.content.is_some_and(site)
    };
    if !vue && !starlight() {
        return None;
    }
    let front = crate::load::hugo_params::front_values(article.front_matter)?;
    // Starlight draws a page's `hero` wherever it is given.
    let home = front.get("layout").and_then(Value::as_str) == Some("home")
        || front.get("home").and_then(Value::as_bool) == Some(true)
        || !vue && front.get("hero").is_some();
    if !home {
        return None;
    }
    let text = home_text(&front);
    if text.is_empty() {
        return None;
    }
    let mut splice = Splice::new(body);
    splice.insert(&text, 0);
    splice.copy(0..body.len());
    out.maps.0.push(splice.map);
    Some(splice.out)
}

/// The hero and features of a home page's front matter, as Markdown ending in a blank
/// line; empty when it has none.
fn home_text(front: &Value) -> String {
    let hero = front.get("hero");
    let field = |key: &str| hero.and_then(|h| h.get(key)).and_then(text_of);
    let name = (field("name").or_else(|| field("title")))
        .or_else(|| front.get("heroText").and_then(text_of));
    let tagline = field("tagline").or_else(|| front.get("tagline").and_then(text_of));
    let mut blocks = Vec::new();
    if let Some(name) = name {
        blocks.push(format!("# {}", inline(&name)));
    }
    if let Some(text) = field("text") {
        blocks.push(format!("**{}**", inline(&text)));
    }
    if let Some(tagline) = tagline {
        blocks.push(line_start(inline(&tagline)));
    }
    let actions = hero
        .and_then(|h| h.get("actions"))
        .or_else(|| front.get("actions"))
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|a| link(a.get("text"), a.get("link")))
                .collect()
        })
        .or_else(|| link(front.get("actionText"), front.get("actionLink")).map(|l| vec![l]))
        .unwrap_or_default();
    if !actions.is_empty() {
        blocks.push(actions.join(" · "));
    }
    let features: Vec<String> = (front.get("features").and_then(Value::as_array))
        .into_iter()
        .flatten()
        .filter_map(feature)
        .collect();
    if !features.is_empty() {
        blocks.push(features.join("\n"));
    }
    let mut text = blocks.join("\n\n");
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text
}

/// One feature as a list item: its title in bold, a link when it has one, and its
/// details after a colon.
fn feature(feature: &Value) -> Option<String> {
    let title = feature.get("title").and_then(text_of);
    let details = feature.get("details").and_then(text_of);
    let title = match (title, feature.get("link").and_then(text_of)) {
        (Some(title), Some(address)) => Some(format!("[**{}**](<{address}>)", inline(&title))),
        (Some(title), None) => Some(format!("**{}**", inline(&title))),
        (None, _) => None,
    };
    match (title, details) {
        (Some(title), Some(details)) => Some(format!("- {title}: {}", inline(&details))),
        (Some(title), None) => Some(format!("- {title}")),
        (None, Some(details)) => Some(format!("- {}", inline(&details))),
        (None, None) => None,
    }
}

/// An action as a link, when it has both its text and its address.
fn link(text: Option<&Value>, address: Option<&Value>) -> Option<String> {
    let text = text.and_then(text_of)?;
    let address = address.and_then(text_of)?;
    (!address.contains(['<', '>', '\n'])).then(|| format!("[{}](<{address}>)", inline(&text)))
}

/// A text value (or a number, as YAML reads `name: 2048`), trimmed; none when empty.
fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// A value as one line of Markdown showing it as the theme does: its HTML kept (the
/// themes write it as HTML), its line breaks spaces, and the characters Markdown would
/// read as emphasis, code or links escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A line of text that Markdown would read as the start of a block (a heading, a list
/// item, a quote) kept as text.
fn line_start(line: String) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    match line.starts_with(['#', '-', '+', '>', '=', '|', '~']) {
        true => format!("\\{line}"),
        false => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(yaml: &str) -> String {
        home_text(
            &serde_json::to_value(serde_yaml::from_str::<serde_yaml::Value>(yaml).unwrap())
                .unwrap(),
        )
    }

    #[test]
    fn a_vitepress_hero_and_its_features_are_written_as_the_theme_shows_them() {
        let yaml = "layout: home\nhero:\n  name: Vite\n  text: Next Generation *Frontend* Tooling\n  tagline: Get ready\n  actions:\n    - theme: brand\n      text: Get Started\n      link: /guide/\n    - text: GitHub\n      link: https://github.com/vitejs/vite\nfeatures:\n  - icon: ⚡️\n    title: Instant Server Start\n    details: On demand file serving over native <code>ESM</code>\n  - title: Guide\n    link: /guide/why\n";
        assert_eq!(
            text(yaml),
            "# Vite\n\n**Next Generation \\*Frontend\\* Tooling**\n\nGet ready\n\n[Get Started](</guide/>) · [GitHub](<https://github.com/vitejs/vite>)\n\n- **Instant Server Start**: On demand file serving over native <code>ESM</code>\n- [**Guide**](</guide/why>)\n\n"
        );
    }

    #[test]
    fn a_vuepress_home_reads_its_own_keys() {
        let yaml = "home: true\nheroText: VuePress\ntagline: 1. Vue-powered\nactionText: Get Started →\nactionLink: /guide/\nfeatures:\n- title: Simplicity First\n  details: Minimal setup\n";
        assert_eq!(
            text(yaml),
            "# VuePress\n\n1\\. Vue-powered\n\n[Get Started →](</guide/>)\n\n- **Simplicity First**: Minimal setup\n\n"
        );
    }

    #[test]
    fn a_home_page_with_nothing_to_show_is_left_as_it_is() {
        assert_eq!(
            text("layout: home\nhero:\n  image:\n    src: /logo.svg\n"),
            ""
        );
        assert_eq!(text("layout: home\nfeatures: []\n"), "");
    }

    #[test]
    fn block_markers_at_a_lines_start_stay_text() {
        assert_eq!(line_start("# not a heading".into()), "\\# not a heading");
        assert_eq!(line_start("12) twelve".into()), "12\\) twelve");
        assert_eq!(line_start("Plain".into()), "Plain");
    }
}
