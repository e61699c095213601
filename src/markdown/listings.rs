//! mdbook-trpl's listings, as the Rust book writes them: a line `<Listing number="5-1"
//! file-name="src/main.rs" caption="A `User` struct definition">` alone, outside code,
//! the listing's text, then `</Listing>`. mdbook-trpl writes each as a figure: the file
//! name above the text (`Filename: src/main.rs`) and a caption below it, `Listing 5-1:`
//! and the caption's Markdown. Passed through as it was, the element was unknown to the
//! browser and the caption and file name were lost.

use super::expand::{literal_ranges, SegMap, Splice};
use pulldown_cmark::Options;

/// The text with every listing written as mdbook-trpl writes it, and the map back to
/// the text as written; `None` when there is none.
pub(super) fn rewrite(text: &str, options: Options) -> Option<(String, SegMap)> {
    // (start, end of the line's text, what begins it in a blockquote (`> `), the
    // opening's attributes or `None` for a close)
    let mut tags: Vec<(usize, usize, &str, Option<Attributes>)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        let trimmed = bare.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let prefix = &bare[..bare.len() - trimmed.len()];
        let trimmed = trimmed.trim_end();
        if trimmed == "</Listing>" {
            tags.push((at, at + bare.len(), prefix, None));
        } else if let Some(attributes) = opening(trimmed) {
            tags.push((at, at + bare.len(), prefix, Some(attributes)));
        }
        at += line.len();
    }
    if tags.is_empty() {
        return None;
    }
    let literal = literal_ranges(text, options);
    let mut splice = Splice::new(text);
    let mut copied = 0;
    let mut open: Vec<Attributes> = Vec::new();
    for (start, end, prefix, tag) in tags {
        if literal.iter().any(|r| r.start <= start && start < r.end) {
            continue;
        }
        let written = match tag {
            Some(attributes) => {
                let name = attributes
                    .file_name
                    .as_deref()
                    .map(|f| format!("<span class=\"file-name\">Filename: {}</span>\n", escape(f)))
                    .unwrap_or_default();
                open.push(attributes);
                // A blank line after it ends the HTML block: the listing's text is Markdown.
                format!("<figure class=\"listing\">\n{name}")
            }
            None => {
                let Some(attributes) = open.pop() else {
                    continue;
                };
                let caption = match (&attributes.number, &attributes.caption) {
                    (Some(n), Some(c)) => format!("Listing {n}: {c}"),
                    (Some(n), None) => format!("Listing {n}"),
                    (None, Some(c)) => c.clone(),
                    (None, None) => String::new(),
                };
                if caption.is_empty() {
                    "\n</figure>".to_string()
                } else {
                    format!("\n<figcaption>\n\n{caption}\n\n</figcaption>\n</figure>")
                }
            }
        };
        // Each line inside the blockquote the tag stands in.
        let written = format!("{prefix}{}", written.replace('\n', &format!("\n{prefix}")));
        splice.copy(copied..start);
        splice.insert(&written, start);
        copied = end;
    }
    if copied == 0 {
        return None;
    }
    splice.copy(copied..text.len());
    Some((splice.out, splice.map))
}

/// What a `<Listing …>` opening names.
#[derive(Debug, Default)]
struct Attributes {
    number: Option<String>,
    file_name: Option<String>,
    caption: Option<String>,
}

/// The attributes of a line that is a `<Listing>` opening alone: `key="value"` pairs.
fn opening(line: &str) -> Option<Attributes> {
    let mut rest = line.strip_prefix("<Listing")?.strip_suffix('>')?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let mut attributes = Attributes::default();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return Some(attributes);
        }
        let (key, after) = rest.split_once('=')?;
        // In double or single quotes (`caption='Sending `"hi"`'`).
        let quote = after.chars().next().filter(|&c| c == '"' || c == '\'')?;
        let after = &after[1..];
        let close = after.find(quote)?;
        let value = after[..close].to_string();
        match key.trim() {
            "number" => attributes.number = Some(value),
            "file-name" => attributes.file_name = Some(value),
            "caption" => attributes.caption = Some(value),
            _ => {}
        }
        rest = &after[close + 1..];
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Option<String> {
        rewrite(text, Options::empty()).map(|(out, _)| out)
    }

    #[test]
    fn a_listing_is_a_figure_with_its_file_name_and_caption() {
        let out = run("<Listing number=\"5-1\" file-name=\"src/main.rs\" caption=\"A `User` struct\">\n\n```rust\nstruct User;\n```\n\n</Listing>\n").unwrap();
        assert_eq!(
            out,
            "<figure class=\"listing\">\n<span class=\"file-name\">Filename: src/main.rs</span>\n\n\n```rust\nstruct User;\n```\n\n\n<figcaption>\n\nListing 5-1: A `User` struct\n\n</figcaption>\n</figure>\n"
        );
    }

    #[test]
    fn single_quotes_and_blockquotes_are_read() {
        let out = run(
            "> <Listing file-name='a.rs' caption='Sending `\"hi\"`'>\n>\n> text\n>\n> </Listing>\n",
        )
        .unwrap();
        assert_eq!(
            out,
            "> <figure class=\"listing\">\n> <span class=\"file-name\">Filename: a.rs</span>\n> \n>\n> text\n>\n> \n> <figcaption>\n> \n> Sending `\"hi\"`\n> \n> </figcaption>\n> </figure>\n"
        );
    }

    #[test]
    fn a_listing_in_code_stays_code() {
        assert!(run("```html\n<Listing number=\"1\">\n</Listing>\n```\n").is_none());
        assert!(run("<Listings>\n").is_none());
    }
}
