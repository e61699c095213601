//! Hugo's built-in `{{< figure src="…" alt="…" caption="…" >}}`: an image with its
//! caption, which Hugo writes as `<figure>`, `<img>` and `<figcaption>`. attune writes
//! the same in the shortcode's place (raw HTML, so the image is found, checked and
//! published as any `<img>` in a page), and inside a line, where a `<figure>` cannot
//! stand, a Markdown image whose title is the caption. Nothing the page showed is lost.

/// Hugo's named arguments, `key="value"`, ``key=`raw` ``, `key=value` (no spaces), in
/// order; `\"` inside a quoted value is a quote, as Hugo's shortcode lexer reads it.
pub(super) fn named_args(args: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = args.trim();
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        // A name (`src`, `data-x`): not the start of a quoted value or an address
        // holding `=` (`"https://…/watch?v=…"`).
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || "_-.".contains(c))
        {
            return out;
        }
        let after = rest[eq + 1..].trim_start();
        let (value, tail) = match after.chars().next() {
            Some('"') => {
                let mut value = String::new();
                let mut chars = after[1..].char_indices();
                let mut end = None;
                while let Some((i, c)) = chars.next() {
                    match c {
                        '\\' => match chars.next() {
                            Some((_, '"')) => value.push('"'),
                            Some((_, other)) => {
                                value.push('\\');
                                value.push(other);
                            }
                            None => value.push('\\'),
                        },
                        '"' => {
                            end = Some(1 + i + 1);
                            break;
                        }
                        _ => value.push(c),
                    }
                }
                match end {
                    Some(end) => (value, &after[end..]),
                    None => return out,
                }
            }
            Some('`') => match after[1..].find('`') {
                Some(end) => (after[1..1 + end].to_string(), &after[end + 2..]),
                None => return out,
            },
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (after[..end].to_string(), &after[end..])
            }
        };
        out.push((key.to_ascii_lowercase(), value));
        rest = tail.trim_start();
    }
    out
}

/// What stands in the place of the `figure` shortcode at `range` of `text`: a
/// `<figure>` when the shortcode is a line of its own, followed by a blank line when
/// text follows at once (so the HTML block ends there and that text stays Markdown).
pub(super) fn in_place(text: &str, range: &std::ops::Range<usize>, inner: &str) -> Option<String> {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    let own_line = text[line_start..range.start].trim().is_empty()
        && text[range.end..line_end].trim().is_empty();
    let mut out = figure(inner, own_line)?;
    // A caption read as Markdown stands on lines of its own: indented as the tag is, so
    // that it stays in the list item the tag is in.
    let indent = &text[line_start..range.start];
    if own_line && out.contains('\n') {
        out = out.replace('\n', &format!("\n{indent}"));
    }
    let next = text.get(line_end + 1..).unwrap_or("");
    let next_line = next.split('\n').next().unwrap_or("");
    if own_line && line_end < text.len() && !next_line.trim().is_empty() {
        out.push('\n');
    }
    Some(out)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A Markdown image of `src` (an address with no `<`, `>` or line break), its `alt`
/// text and `title` (none when empty) shown as written: a backslash kept, a bracket in
/// the alt text and a line break a space.
pub(super) fn image(alt: &str, src: &str, title: Option<&str>) -> String {
    let one_line = |text: &str| text.replace(['\n', '\r'], " ").replace('\\', "\\\\");
    let alt = one_line(alt).replace(['[', ']'], " ");
    let title = match title.map(one_line).filter(|t| !t.trim().is_empty()) {
        Some(title) => format!(" \"{}\"", title.replace('"', "\\\"")),
        None => String::new(),
    };
    format!("![{alt}](<{src}>{title})")
}

/// What a `figure` shortcode's inner text (`figure src="a.png" caption="…"`) stands
/// for: raw HTML when the shortcode is a line of its own (`own_line`), else a Markdown
/// image. `None` without a `src`, or with one that could not stand in a link.
pub(super) fn figure(inner: &str, own_line: bool) -> Option<String> {
    let args = inner.split_once(char::is_whitespace)?.1.trim();
    let args = named_args(args.strip_suffix('/').unwrap_or(args));
    let get = |key: &str| {
        args.iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let src = get("src")?;
    if src.contains(['<', '>', '\n', '"']) {
        return None;
    }
    let title = get("title");
    // Hugo joins the caption and the attribution in one paragraph under the title.
    let caption = match (get("caption"), get("attr")) {
        (Some(caption), Some(attr)) => Some(format!("{caption} {attr}")),
        (caption, attr) => caption.or(attr).map(str::to_string),
    };
    // As Hugo: the alt text, else the caption's text (`markdownify | plainify`).
    let alt = get("alt")
        .map(str::to_string)
        .or_else(|| caption.as_deref().map(super::plain_summary))
        .unwrap_or_default();
    if !own_line {
        return Some(image(&alt, src, caption.as_deref().or(title)));
    }
    let mut html = String::from("<figure>");
    // As Hugo: no `alt` at all when neither is given (a missing description, not a
    // decorative image).
    let alt = if alt.is_empty() {
        String::new()
    } else {
        format!(" alt=\"{}\"", escape(&alt))
    };
    let img = format!("<img src=\"{}\"{alt}>", escape(src));
    match get("link") {
        Some(link) if !link.contains(['<', '>', '\n', '"']) => {
            html.push_str(&format!("<a href=\"{}\">{img}</a>", escape(link)));
        }
        _ => html.push_str(&img),
    }
    if title.is_some() || caption.is_some() {
        html.push_str("<figcaption>");
        if let Some(title) = title {
            html.push_str(&format!("<strong>{}</strong>", escape(title)));
            if caption.is_some() {
                html.push(' ');
            }
        }
        match &caption {
            // Hugo runs the caption through `markdownify`: written as Markdown between
            // blank lines, which end the HTML block, it is read as Markdown.
            Some(caption) if caption.contains(['[', '*', '`']) => {
                let caption = caption.replace(['\n', '\r'], " ");
                html.push_str(&format!("\n\n{}\n\n", caption.trim()));
            }
            Some(caption) => html.push_str(&escape(caption)),
            None => {}
        }
        html.push_str("</figcaption>");
    }
    html.push_str("</figure>");
    Some(html)
}

/// A tag's named arguments, and its positional ones (quotes taken off).
pub(super) struct Args {
    named: Vec<(String, String)>,
    positional: Vec<String>,
}

impl Args {
    pub(super) fn of(inner: &str) -> Args {
        let args = inner
            .trim()
            .split_once(char::is_whitespace)
            .map_or("", |(_, a)| a);
        let args = args.trim().trim_end_matches('/').trim();
        let named = named_args(args);
        let positional = match named.is_empty() {
            true => positional(args),
            false => Vec::new(),
        };
        Args { named, positional }
    }

    pub(super) fn get(&self, key: &str) -> Option<&str> {
        let value = self.named.iter().rev().find(|(k, _)| k == key)?.1.trim();
        (!value.is_empty()).then_some(value)
    }

    /// The first positional argument, when it is not empty.
    pub(super) fn first(&self) -> Option<&str> {
        self.nth(0)
    }

    /// The positional argument at `n` (from 0), when it is not empty.
    pub(super) fn nth(&self, n: usize) -> Option<&str> {
        self.positional
            .get(n)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The argument named `key`, or, when the tag names none, the one at `n`: as a
    /// template reads it with `cond .IsNamedParams (.Get "key") (.Get n)`.
    pub(super) fn named_or_nth(&self, key: &str, n: usize) -> Option<&str> {
        match self.named.is_empty() {
            true => self.nth(n),
            false => self.get(key),
        }
    }

    /// Every argument but the first positional one (an include's file) and `file`:
    /// the positional ones by their place (`1`, `2`, …), the others by name.
    pub(super) fn values(&self) -> Vec<(String, String)> {
        let places = self.positional.iter().enumerate().skip(1);
        let places = places.map(|(i, v)| (i.to_string(), v.clone()));
        let named = self.named.iter().filter(|(k, _)| k != "file").cloned();
        places.chain(named).collect()
    }

    pub(super) fn flag(&self, key: &str) -> Option<bool> {
        self.get(key).map(|v| v.eq_ignore_ascii_case("true"))
    }
}

/// `a "b c" d` as `a`, `b c`, `d`.
fn positional(args: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = args.trim_start();
    while let Some(c) = rest.chars().next() {
        let (word, tail) = match c {
            '"' | '`' => match rest[1..].find(c) {
                Some(end) => (&rest[1..1 + end], &rest[2 + end..]),
                None => (&rest[1..], ""),
            },
            _ => rest.split_at(rest.find(char::is_whitespace).unwrap_or(rest.len())),
        };
        out.push(word.to_string());
        rest = tail.trim_start();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{figure, named_args, positional, Args};

    #[test]
    fn hugo_named_arguments_are_read_as_hugo_reads_them() {
        let args = named_args(r#"src="/a b.png" alt=`raw "q"` width=300 caption="He said \"hi\"""#);
        let want = [
            ("src", "/a b.png"),
            ("alt", "raw \"q\""),
            ("width", "300"),
            ("caption", "He said \"hi\""),
        ];
        let got: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(got, want);
        assert!(named_args(r#"src="unclosed"#).is_empty());
    }

    #[test]
    fn a_figure_is_an_image_with_its_caption() {
        assert_eq!(
            figure(
                r#"figure src="/images/a.webp" alt="A map" caption="Routes & <stops>""#,
                true
            )
            .as_deref(),
            Some(
                "<figure><img src=\"/images/a.webp\" alt=\"A map\"><figcaption>Routes &amp; \
                 &lt;stops&gt;</figcaption></figure>"
            )
        );
        // The caption is the alt text when there is none; a link wraps the image.
        assert_eq!(
            figure(
                r#"figure src="b.png" title="T" caption="C" link="/big.png""#,
                true
            )
            .as_deref(),
            Some(
                "<figure><a href=\"/big.png\"><img src=\"b.png\" alt=\"C\"></a>\
                 <figcaption><strong>T</strong> C</figcaption></figure>"
            )
        );
        // A caption written in Markdown is read as Markdown (Congo's docs credit a
        // photo with links); the alt text is its text.
        assert_eq!(
            figure(
                r#"figure src="a.jpg" caption="Photo by [Jr](https://u.example/jr) on *U*""#,
                true
            )
            .as_deref(),
            Some(
                "<figure><img src=\"a.jpg\" alt=\"Photo by Jr on U\"><figcaption>\n\n\
                 Photo by [Jr](https://u.example/jr) on *U*\n\n</figcaption></figure>"
            )
        );
        // Inside a line: a Markdown image, the caption its title.
        assert_eq!(
            figure(r#"figure src="c d.png" caption="Say \"x\"""#, false).as_deref(),
            Some(r#"![Say "x"](<c d.png> "Say \"x\"")"#)
        );
        // Neither alt nor caption: no `alt`, as Hugo writes it.
        assert_eq!(
            figure(r#"figure src="/img/x.png""#, true).as_deref(),
            Some("<figure><img src=\"/img/x.png\"></figure>")
        );
        assert_eq!(figure("figure alt=\"no source\"", true), None);
        assert_eq!(figure("figure", true), None);
    }

    #[test]
    fn a_tags_arguments_are_named_or_by_position() {
        let args = Args::of("tab \"C++ code\" `x y` z");
        assert_eq!(args.first(), Some("C++ code"));
        assert_eq!(positional(" a \"b c\" d"), ["a", "b c", "d"]);
        let args = Args::of("tab header=\"Bash\" text=true /");
        assert_eq!(
            (args.get("header"), args.flag("text")),
            (Some("Bash"), Some(true))
        );
        assert_eq!((args.first(), args.get("lang")), (None, None));
    }
}
