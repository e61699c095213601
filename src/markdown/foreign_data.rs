//! A Zola pair shortcode whose body is JSON (DeepThought's `{% galleria() %}` with its
//! images, `{% mapbox() %}` with GeoJSON): data the theme's script reads, never text
//! to show. The images it lists (objects with a `src`, at any depth) are drawn, each
//! with its `title` as its caption and its `description` (or title) as its alt text;
//! anything else in it is left out, with a warning saying so.

use super::foreign_body::Body;
use crate::diagnostic::{Code, Diagnostic};

/// What the pair `written` … `closing` whose body, on lines of its own, is `body` (its
/// tag indented by `indent`) becomes: `None` when the body is not a JSON object or
/// array, and so stays the page's text.
pub(super) fn json_body(written: &str, closing: &str, indent: &str, body: &str) -> Option<Body> {
    let trimmed = body.trim();
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return None;
    }
    let data: serde_json::Value = serde_json::from_str(trimmed).ok()?;
    let mut images = Vec::new();
    let other = collect_images(&data, &mut images);
    let drawn: Vec<String> = images
        .iter()
        .map(|(src, title, description)| {
            let alt = description.or(*title).unwrap_or("");
            format!("{indent}{}", super::hugo_figure::image(alt, src, *title))
        })
        .collect();
    let diagnostic = (images.is_empty() || other).then(|| {
        Diagnostic::warning(
            Code::UnsupportedSyntax,
            format!("Zola shortcode `{written}` … `{closing}` is not supported: its body is data (JSON) for the theme's script, left out of the page"),
        )
        .help(match images.is_empty() {
            true => "write what the data stands for in Markdown (a list, a table, an image of a map)",
            false => "its images are shown one after another; write what else the data stands for in Markdown",
        })
    });
    Some(Body {
        text: Some(drawn.join("\n\n")).filter(|t| !t.is_empty()),
        diagnostic,
    })
}

/// The images `value` lists (`src`, `title`, `description`), in order; whether it
/// holds anything else (an object with no `src` and text of its own).
fn collect_images<'v>(
    value: &'v serde_json::Value,
    images: &mut Vec<(&'v str, Option<&'v str>, Option<&'v str>)>,
) -> bool {
    use serde_json::Value;
    match value {
        Value::Array(items) => {
            let mut other = false;
            for item in items {
                other |= collect_images(item, images);
            }
            other
        }
        Value::Object(map) => {
            let text = |key: &str| map.get(key).and_then(Value::as_str);
            match text("src").filter(|s| !s.contains(['<', '>', '\n', '"'])) {
                Some(src) => {
                    images.push((src, text("title"), text("description")));
                    false
                }
                None => {
                    let mut other = false;
                    for value in map.values() {
                        other |= match value.is_array() || value.is_object() {
                            true => collect_images(value, images),
                            false => true,
                        };
                    }
                    other
                }
            }
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gallerys_images_are_drawn_and_other_data_is_left_out() {
        let body = "\n{\n  \"images\": [\n    {\"src\": \"a.jpg\", \"title\": \"Clouds\", \"description\": \"Hanging out.\"},\n    {\"src\": \"b.jpg\"}\n  ]\n}\n";
        let drawn = json_body("{% galleria() %}", "{% end %}", "", body).unwrap();
        assert_eq!(
            drawn.text.as_deref(),
            Some("![Hanging out.](<a.jpg> \"Clouds\")\n\n![](<b.jpg>)")
        );
        assert!(drawn.diagnostic.is_none());
        let map = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\"}]}";
        let left = json_body("{% mapbox() %}", "{% end %}", "", map).unwrap();
        assert_eq!(left.text, None);
        assert!(left.diagnostic.unwrap().message.contains("data (JSON)"));
        assert!(json_body("{% note() %}", "{% end %}", "", "Some *text*.").is_none());
        assert!(json_body("{% note() %}", "{% end %}", "", "{not json").is_none());
    }
}
