//! Cards that stand for a link: GitBook's `{% embed %}`, `{% content-ref %}` and
//! `{% file %}` blocks (with its `{% code %}`, `{% stepper %}` tags, whose content
//! carries over), and HackTricks' `{{#ref}} … {{#endref}}` and `{{#file}} … {{#endfile}}`,
//! which its books' preprocessor writes where GitBook's content-ref and file cards were.

use super::super::foreign::{Kind, Tag};

/// What a HackTricks card pair stands for (`{{#ref}}` on its own line, the path of
/// the page it leads to, `{{#endref}}`; or within a line): a link to that page,
/// showing its title as a link with no text does (a folder's path, `aws/`, names its
/// `README.md`, as the preprocessor reads it), or to that web address; `{{#file}}
/// name.zip {{#endfile}}` is a link to `/files/name.zip`, named by the file. `None`
/// for any other pair, or one whose content is not one address.
pub(super) fn ref_pair(text: &str, open: &Tag, close: &Tag) -> Option<String> {
    let inner = text[open.range.end..close.range.start].trim();
    let one = !inner.is_empty() && !inner.contains(['\n', '<', '>', '[', ']']);
    match (open.name(), close.name()) {
        ("ref", "endref") if one => Some(match inner {
            web if web.starts_with("https://") || web.starts_with("http://") => {
                format!("<{web}>")
            }
            folder if folder.ends_with('/') => format!("[](<{folder}README.md>)"),
            path => format!("[](<{path}>)"),
        }),
        ("file", "endfile") if one && !inner.contains(['/', '\\']) => {
            Some(format!("[{}](</files/{inner}>)", escaped(inner)))
        }
        _ => None,
    }
}

/// The Markdown link a GitBook embed (`embed url="https://…" caption="…"`) stands
/// for; `None` when it names no web address.
pub(in crate::markdown) fn embed_link(inner: &str) -> Option<String> {
    let value = |key: &str| {
        let at = inner.find(&format!("{key}="))? + key.len() + 1;
        let rest = &inner[at..];
        let quote = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
        let end = rest[1..].find(quote)?;
        Some(rest[1..1 + end].trim())
    };
    let url = value("url")?;
    let web = url.starts_with("https://") || url.starts_with("http://");
    if !web || url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        return None;
    }
    Some(match value("caption").filter(|c| !c.is_empty()) {
        Some(caption) => {
            let caption = caption.replace('[', "\\[").replace(']', "\\]");
            format!("[{caption}](<{url}>)")
        }
        None => format!("<{url}>"),
    })
}

/// The value of `key="…"` (or `key='…'`) in a tag's inner text, trimmed.
fn quoted<'a>(inner: &'a str, key: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(found) = inner[from..].find(&format!("{key}=")) {
        let at = from + found;
        from = at + key.len() + 1;
        // `title=` in `subtitle=` is not the key.
        let whole = inner[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace());
        if !whole {
            continue;
        }
        let rest = &inner[from..];
        let quote = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
        let end = rest[1..].find(quote)?;
        return Some(rest[1..1 + end].trim());
    }
    None
}

/// Text for a bold label or a link's text: Markdown's punctuation escaped.
pub(super) fn escaped(text: &str) -> String {
    text.chars()
        .flat_map(|c| match c.is_ascii_punctuation() {
            true => vec!['\\', c],
            false => vec![c],
        })
        .collect()
}

/// A GitBook title (a tab's, a code block's) as text for a bold label. GitBook's
/// export writes a backslash before punctuation in it (`title="AEP 3.x \(Swift\)"`,
/// GitbookIO/markup-it#66) and GitBook shows the title without: the backslashes are
/// taken out, then every punctuation mark escaped, so the title is its words, never
/// markup.
pub(super) fn gitbook_title(title: &str) -> String {
    let mut plain = String::with_capacity(title.len());
    let mut chars = title.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                plain.push(next);
                chars.next();
            }
            _ => plain.push(c),
        }
    }
    escaped(&plain)
}

/// What stands for one of GitBook's block tags whose content is Markdown that carries
/// over as it is: `{% stepper %}` and its `{% step %}`s (each step's text, one after
/// the other, in order), `{% content-ref url="…" %}` (GitBook's card around the link
/// written inside it, which is kept), `{% code title="Program.cs" %}` (the fenced code
/// inside, under its title in bold, as GitBook heads the block with it; `lineNumbers`,
/// `overflow` are display only) and `{% file src="…" %}` (a download card: a link to
/// the file, named by its file name, the caption written before `{% endfile %}` kept
/// after it). Their closing tags stand for nothing. Hexo's `{% youtube ID %}` and
/// `{% vimeo ID %}` are a link to the video. GitBook's API method blocks
/// (`{% swagger method="get" path="/tx/{id}" … %}` with its description, parameters
/// and responses: [`api_tag`]) are their method, address, parameters and responses;
/// its OpenAPI blocks (`{% openapi src="spec.yaml" path="/v1/x" method="post" %}`,
/// `{% openapi-operation spec="name" … %}`) their method and address, the link to
/// the spec inside kept. `{% page-ref page="…" %}` (the page link GitBook's Git sync
/// wrote before `content-ref`) is a link to that page.
/// `None` for any other tag, and for a `file` or `page-ref` with no local address.
pub(in crate::markdown) fn gitbook_block(kind: Kind, name: &str, inner: &str) -> Option<String> {
    if kind != Kind::Liquid {
        return None;
    }
    match name {
        "stepper" | "endstepper" | "step" | "endstep" | "content-ref" | "endcontent-ref"
        | "endcode" | "endfile" => Some(String::new()),
        "code" => Some(match quoted(inner, "title").filter(|t| !t.is_empty()) {
            Some(title) => format!("**{}**\n", gitbook_title(title)),
            None => String::new(),
        }),
        // Hexo's, Octopress's and Jekyll plugins' `{% youtube ID %}`, `{% vimeo ID %}`.
        "youtube" | "vimeo" => {
            let id = inner.split_whitespace().nth(1)?.trim_matches(['"', '\'']);
            super::super::hugo_builtins::video_link(name, id, None)
        }
        name if name.starts_with("swagger") || name.starts_with("endswagger") => {
            api_tag(name, inner)
        }
        // GitBook's OpenAPI blocks, drawn from a spec attune does not read: the method
        // and address as code, the link to the spec written inside kept after it.
        "openapi" | "openapi-operation" => {
            let value = |key: &str| quoted(inner, key).filter(|v| !v.is_empty());
            let method = value("method").unwrap_or_default().to_ascii_uppercase();
            let call = format!("{method} {}", value("path").unwrap_or_default());
            Some(match call.trim() {
                "" => String::new(),
                call => format!("{}\n", code_span(call)),
            })
        }
        "endopenapi" | "endopenapi-operation" => Some(String::new()),
        "file" => {
            let src = quoted(inner, "src")
                .filter(|s| !s.is_empty() && !s.contains("://") && !s.contains(['<', '>', '\n']))?;
            let file = src.rsplit('/').next().unwrap_or(src);
            let file = file.split(['?', '#']).next().unwrap_or(file);
            Some(format!("[{}](<{src}>)\n", escaped(file)))
        }
        // GitBook's page link as its Git sync wrote it before `content-ref`: the page
        // named from this one, shown by its title, as a link with no text shows it.
        "page-ref" => {
            let page =
                quoted(inner, "page").filter(|p| !p.is_empty() && !p.contains(['<', '>', '\n']))?;
            Some(format!("[](<{page}>)\n"))
        }
        _ => None,
    }
}

/// GitBook's API method block, as its editor wrote it before OpenAPI blocks: the
/// method's summary in bold over its method and address as code, each parameter a
/// list item naming where it goes, its type and whether it is required, with its
/// description after (`- `id` (path, String, required): Transaction ID`), and each
/// response headed by its status, its example body following. The description and
/// the closing tags stand for nothing; `None` for a tag of another name.
fn api_tag(name: &str, inner: &str) -> Option<String> {
    let value = |key: &str| quoted(inner, key).filter(|v| !v.is_empty());
    match name {
        "swagger" => {
            let method = value("method").unwrap_or_default().to_ascii_uppercase();
            let address = [value("baseUrl"), value("path")]
                .into_iter()
                .flatten()
                .collect::<String>();
            let mut out = String::new();
            if let Some(summary) = value("summary") {
                out.push_str(&format!("**{}**\n\n", escaped(summary)));
            }
            let call = format!("{method} {address}");
            if !call.trim().is_empty() {
                out.push_str(&format!("{}\n", code_span(call.trim())));
            }
            Some(out)
        }
        "swagger-parameter" => {
            let about: Vec<&str> = [value("in"), value("type")]
                .into_iter()
                .flatten()
                .chain((value("required") == Some("true")).then_some("required"))
                .collect();
            // A body given whole has no name (`in="body" name="" type="object"`).
            let mut item = String::from("-");
            if let Some(name) = value("name") {
                item.push_str(&format!(" {}", code_span(name)));
            }
            if !about.is_empty() {
                item.push_str(&format!(" ({})", about.join(", ")));
            }
            item.push(':');
            if let Some(description) = value("description") {
                item.push_str(&format!(" {}", escaped(description)));
            }
            Some(item)
        }
        "swagger-response" => {
            let status = value("status").unwrap_or_default();
            Some(match value("description") {
                Some(description) => format!("**Response {status}**: {}\n", escaped(description)),
                None => format!("**Response {status}**\n"),
            })
        }
        "swagger-description"
        | "endswagger"
        | "endswagger-description"
        | "endswagger-parameter"
        | "endswagger-response" => Some(String::new()),
        _ => None,
    }
}

/// `text` as a code span, its backticks fenced by more.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}
