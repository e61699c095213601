//! What a tag of another tool's syntax is called in its diagnostic, what the page
//! shows in its place and what to write instead (see `foreign.rs`).

use super::foreign::{Kind, Tag};
use super::foreign_address::Address;
use crate::diagnostic::{Code, Diagnostic};

/// What of a tag the page leaves out.
pub(super) enum LeftOut {
    /// The tag alone.
    Tag,
    /// The tag and its closing tag (given); what is between them is kept.
    TagsOf(String),
    /// The tag, its closing tag (given) and everything between them.
    Through(String),
}

impl LeftOut {
    fn closing(&self) -> Option<&str> {
        match self {
            LeftOut::Tag => None,
            LeftOut::TagsOf(closing) | LeftOut::Through(closing) => Some(closing),
        }
    }

    /// What the page shows in the tag's place, for the help.
    fn said(&self, what: &str) -> String {
        match self {
            LeftOut::Tag => format!("the {what} is left out of the page"),
            LeftOut::TagsOf(closing) => {
                format!("the page shows the {what}'s inner text, without it and `{closing}`")
            }
            LeftOut::Through(closing) => {
                format!("the {what} and everything up to `{closing}` are left out of the page")
            }
        }
    }
}

/// The diagnostic for a tag, as an error (`{{#title}}`: a warning); `foreign::strip` makes it
/// a warning where `[build] unsupported_syntax` says so.
pub(super) fn describe(kind: Kind, name: &str, written: &str, left_out: &LeftOut) -> Diagnostic {
    let bare = zola_shortcode(name).unwrap_or(name).trim_start_matches('/');
    let family = match left_out.closing() {
        Some(_) => format!("uses of the pair `{bare}`"),
        None => format!("uses of `{bare}`"),
    };
    describe_one(kind, name, written, left_out).family(family)
}

fn describe_one(kind: Kind, name: &str, written: &str, left_out: &LeftOut) -> Diagnostic {
    let with_pair = match left_out.closing() {
        Some(closing) => format!("`{written}` … `{closing}`"),
        None => format!("`{written}`"),
    };
    let as_text = "to show it as text, put it in backticks or write a backslash before it (`\\{`)";
    match kind {
        Kind::HugoRaw | Kind::HugoMarkdown => {
            let bare = name.trim_start_matches('/');
            let instead = match bare {
                "highlight" | "code" => "write the code in a fenced code block (```lang)",
                "figure" | "img" | "image" => "write an image: ![description](file.png \"caption\")",
                "ref" | "relref" => "outside a link, Hugo writes the page's address as text here; write a link to the file: [label](other.md), or [label]({{< ref \"other\" >}})",
                "notice" | "hint" | "alert" | "callout" | "admonition" | "note" | "tip"
                | "warning" | "info" => "write a callout: > [!NOTE] (or TIP, WARNING, …)",
                "youtube" | "vimeo" | "tweet" | "x" | "instagram" | "gist" => {
                    "write a link to it: attune pages never load content from another site"
                }
                "include" | "readfile" => "include the file with {{#include path}}",
                "details" | "expand" => "write a folding callout: > [!NOTE]- Title",
                _ => "write what it stands for in Markdown",
            };
            Diagnostic::error(
                Code::UnsupportedSyntax,
                format!(
                    "Hugo shortcode {with_pair} is not supported: the page would lose what it stands for"
                ),
            )
            .help(format!("{}; {instead}; {as_text}", left_out.said("shortcode")))
        }
        Kind::Liquid | Kind::Expression if zola_shortcode(name).is_some() => {
            let bare = zola_shortcode(name).unwrap_or(name);
            let instead = match bare {
                "note" | "admonition" | "callout" | "tip" | "warning" | "info" | "alert" => {
                    "write a callout: > [!NOTE] (or TIP, WARNING, …)"
                }
                "youtube" | "vimeo" | "streamable" | "gist" | "tweet" => {
                    "write a link to it: attune pages never load content from another site"
                }
                "image" | "figure" | "resize_image" | "dual_theme_image" | "image_toggler"
                | "full_width_image" | "gallery" => {
                    "write an image: ![description](file.png \"caption\")"
                }
                _ => "write what it stands for in Markdown",
            };
            Diagnostic::error(
                Code::UnsupportedSyntax,
                format!("Zola shortcode {with_pair} is not supported: attune does not run templates in content"),
            )
            .help(format!("{}; {instead}; {as_text}", left_out.said("shortcode")))
        }
        Kind::Liquid | Kind::Raw => {
            let instead = match name {
                "include" | "include_relative" => "include the file with {{#include path}}",
                "highlight" | "raw" => "write the code in a fenced code block (```lang)",
                "comment" => "write a private comment as %% … %%",
                "link" | "post_url" => "link to the file: [label](other.md)",
                _ => "write what it stands for in Markdown",
            };
            Diagnostic::error(
                Code::UnsupportedSyntax,
                format!("Liquid tag {with_pair} is not supported: attune does not run templates in content"),
            )
            .help(format!("{}; {instead}; {as_text}", left_out.said("tag")))
        }
        Kind::Mdbook if name == "title" => Diagnostic::warning(
            Code::UnsupportedSyntax,
            format!("mdBook's {with_pair} is not supported and is left out"),
        )
        .help("set the page's title with `title:` in its front matter"),
        Kind::Mdbook => {
            let instead = "only {{#include}}, {{#rustdoc_include}} and {{#playground}} are read; write what it stands for in Markdown";
            Diagnostic::error(
                Code::UnsupportedSyntax,
                format!("mdBook directive {with_pair} is not supported"),
            )
            .help(format!("{}; {instead}; {as_text}", left_out.said("directive")))
        }
        Kind::Templater => Diagnostic::error(
            Code::UnsupportedSyntax,
            format!("Templater tag {with_pair} is not supported: attune does not run templates in content"),
        )
        .help(format!(
            "{}; write the value itself (a note made from a template holds it already); {as_text}",
            left_out.said("tag")
        )),
        Kind::Expression => Diagnostic::error(
            Code::UnsupportedSyntax,
            format!("template expression {with_pair} is not supported: attune does not run templates in content"),
        )
        .help(format!(
            "{}; write the value itself; {as_text}",
            left_out.said("expression")
        )),
    }
}

/// The diagnostic for a tag in a link's or an image's address, which the page
/// publishes as its text (an image: its description); an error, made a warning where
/// `[build] unsupported_syntax` says so.
pub(super) fn in_address_diagnostic(
    kind: Kind,
    name: &str,
    written: &str,
    address: &Address,
) -> Diagnostic {
    let what = match address {
        Address::Link => "a link's address".to_string(),
        Address::Image => "an image's address".to_string(),
        Address::Html(element, attribute) => format!("the `{attribute}` of an HTML `<{element}>`"),
    };
    let message = match kind {
        Kind::Mdbook => format!(
            "mdBook directive `{written}` in {what} is not supported: the address needs the preprocessor that defines `{}`",
            name.trim_start_matches('#')
        ),
        Kind::HugoRaw | Kind::HugoMarkdown => format!(
            "Hugo shortcode `{written}` in {what} is not supported: attune does not run templates in content"
        ),
        Kind::Liquid | Kind::Expression if zola_shortcode(name).is_some() => format!(
            "Zola shortcode `{written}` in {what} is not supported: attune does not run templates in content"
        ),
        Kind::Liquid | Kind::Raw => format!(
            "Liquid tag `{written}` in {what} is not supported: attune does not run templates in content"
        ),
        Kind::Templater => format!(
            "Templater tag `{written}` in {what} is not supported: attune does not run templates in content"
        ),
        Kind::Expression => format!(
            "template expression `{written}` in {what} is not supported: attune does not run templates in content"
        ),
    };
    let shown = match address {
        Address::Image => "the image is left out and its description shown as text".to_string(),
        Address::Link => "the link is published as its text, leading nowhere".to_string(),
        Address::Html(element, attribute) if element == "img" && attribute == "src" => {
            "the image is left out and its alt text shown in its place".to_string()
        }
        Address::Html(element, attribute) if element == "a" => format!(
            "the link is published without its `{attribute}`: as its text when it has no other attribute"
        ),
        Address::Html(element, attribute) => {
            format!("the `<{element}>` is published without its `{attribute}`")
        }
    };
    // A book's own preprocessor may fill in hundreds of addresses (PyO3's guide:
    // `{{#PYO3_DOCS_URL}}` in 141 links): each is the same problem with the same fix.
    let bare = zola_shortcode(name)
        .unwrap_or(name)
        .trim_start_matches(['/', '#']);
    Diagnostic::error(Code::UnsupportedSyntax, message)
        .help(format!(
            "{shown}; write the address itself: a path from this file's folder (other.md, picture.png) or a full URL"
        ))
        .family(format!("uses of `{bare}` in addresses"))
}

/// The name of a Zola shortcode written `name(args)` (`{{ youtube(id="…") }}`,
/// `{% note(kind="tip") %}`), from a tag's first word.
pub(super) fn zola_shortcode(word: &str) -> Option<&str> {
    let (name, _) = word.split_once('(')?;
    let name = name.trim_end();
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some(name)
}

/// The closing tag's name a tag pairs with: `/name` for Hugo's, `end` for Zola's
/// `{% note(kind="tip") %}`, `endname` for Liquid's; none for a closing tag, a tag of
/// another kind, or `{{< name … />}}`, which closes itself as Hugo reads it.
pub(super) fn closing_name(tag: &Tag) -> Option<String> {
    let name = tag.name();
    if name.starts_with('/') || name.starts_with("end") || tag.inner.ends_with('/') {
        return None;
    }
    match tag.kind {
        Kind::HugoRaw | Kind::HugoMarkdown => Some(format!("/{name}")),
        Kind::Liquid if zola_shortcode(name).is_some() => Some("end".to_string()),
        Kind::Liquid | Kind::Mdbook => Some(format!("end{name}")),
        _ => None,
    }
}

/// Each opening tag's closing one, by their indices, as the tools nest them: a closing
/// tag closes the latest open tag it can close (`{% a() %}{% b() %}…{% end %}{% end %}`,
/// `{{< x >}}{{< x >}}…{{< /x >}}`), one pass over the tags however deep they nest.
/// Hugo closes a shortcode by its name, whichever delimiters either tag has
/// (`{{% tab %}}` … `{{< /tab >}}`, in Docsy's docs), or with no name, `{{</>}}`.
pub(super) fn pairs(tags: &[Tag]) -> std::collections::HashMap<usize, usize> {
    let mut open: std::collections::HashMap<(u8, String), Vec<usize>> =
        std::collections::HashMap::new();
    let mut pairs = std::collections::HashMap::new();
    let delimiters = |kind: Kind| match kind {
        Kind::HugoMarkdown => Kind::HugoRaw as u8,
        other => other as u8,
    };
    for (i, tag) in tags.iter().enumerate() {
        if let Some(closing) = closing_name(tag) {
            open.entry((delimiters(tag.kind), closing))
                .or_default()
                .push(i);
            continue;
        }
        let name = tag.name();
        if name == "/" && matches!(tag.kind, Kind::HugoRaw | Kind::HugoMarkdown) {
            // `{{</>}}`: Hugo closes the shortcode open last, whatever its name
            // (buildpacks' docs close `{{< download-button … >}}` so), but for one
            // that never takes text (`ref`, `param`).
            let latest = open
                .iter_mut()
                .filter(|((kind, name), _)| {
                    *kind == Kind::HugoRaw as u8
                        && !matches!(name.as_str(), "/ref" | "/relref" | "/param")
                })
                .filter_map(|(_, waiting)| Some((*waiting.last()?, waiting)))
                .max_by_key(|(opening, _)| *opening);
            if let Some((opening, waiting)) = latest {
                waiting.pop();
                pairs.insert(opening, i);
            }
            continue;
        }
        if name.starts_with('/') || name.starts_with("end") {
            let waiting = open.get_mut(&(delimiters(tag.kind), name.to_string()));
            if let Some(opening) = waiting.and_then(Vec::pop) {
                pairs.insert(opening, i);
            }
        }
    }
    pairs
}
