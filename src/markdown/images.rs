//! Images: Markdown images, Obsidian's `![[...]]` embeds (an image, a file or a note's
//! text), and the reference placeholders every URL that is not an article link becomes.

use super::builder::ImageState;
use super::links::{self, href_attr};
use super::{escape, Builder, LinkTarget, OutLink, OutRef, RefKind};

impl<'a> Builder<'a, '_> {
    pub(super) fn end_image(&mut self) {
        let Some(image) = self.image.take() else {
            return;
        };
        if image.wiki {
            self.embed(image);
            return;
        }
        if image.src.contains(super::foreign::ADDRESS_MARK) {
            // Reported where the tag stood (`foreign.rs`): the image is its description.
            self.emit_html(escape(image.alt.trim()));
            return;
        }
        // `![](Note.md)`, `![](Note.md#Heading)`, `![](Folder/Note%20name.md#^block)`:
        // Obsidian's embed of a note written as a Markdown link ("Use [[Wikilinks]]"
        // off), the same embed as `![[Note]]`; the label, if any, is not shown.
        if let Some(target @ LinkTarget::File { .. }) = links::classify_href(image.src.trim()) {
            self.embed_note(target, image.line, image.column);
            return;
        }
        // `![](https://www.youtube.com/watch?v=…)`, `![](https://twitter.com/…/status/…)`:
        // Obsidian's embed of a video or a post ("Embed web pages"), a player loaded from
        // that site. The page loads nothing from another site: it is a link to it.
        if let Some(words) = web_page_embed(image.src.trim()) {
            let words = match image.alt.trim() {
                "" => words,
                alt => alt,
            };
            self.emit_html(format!(
                "<a href=\"{}\">{}</a>",
                href_attr(image.src.trim()),
                escape(words)
            ));
            return;
        }
        // `![Chart|300](chart.png)`, `![|300x200](chart.png)`: Obsidian's size after the
        // alt text, a width (the height is not kept, as for `![[chart.png|300x200]]`).
        let (alt, width) = size_after_alt(&image.alt);
        if alt.trim().is_empty() {
            self.out.images_without_alt.push((image.line, image.column));
        }
        let width = width.map(|w| format!(" width=\"{w}\"")).unwrap_or_default();
        let title = if image.title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", escape(&image.title))
        };
        // A remote image is checked too (the CSP blocks it), and written as it is, but
        // for one at the site's own address (`site/refs/remote.rs`).
        let src = self.reference(
            image.src.clone(),
            RefKind::Media("image"),
            image.line,
            image.column,
        );
        self.emit_html(format!(
            "<img src=\"{src}\" alt=\"{}\"{title}{width} loading=\"lazy\">",
            escape(alt)
        ));
    }

    /// Records reference `url` and returns its placeholder.
    pub(super) fn reference(
        &mut self,
        url: String,
        kind: RefKind,
        line: usize,
        column: usize,
    ) -> String {
        let n = self.out.refs.len();
        self.out.refs.push(OutRef {
            url,
            kind,
            line,
            column,
            by_name: false,
        });
        format!("{}{n}{}", crate::marks::LINK_REF, crate::marks::MARK_END)
    }

    /// `![[image.png]]` (an image, or a link to another file, found by name) or
    /// `![[Note]]`, `![[Note#Heading]]` (that note's text, shown here).
    pub(super) fn embed(&mut self, image: ImageState) {
        let dest = image.src.trim();
        // `\|` in a table cell escapes the bar before a label or size.
        let (name, anchor) = links::split_anchor(dest.trim_end_matches('\\'));
        let extension = links::file_extension(name);
        match extension.as_deref() {
            Some("md" | "markdown" | "mdx") | None => {
                let target = if name.is_empty() {
                    match anchor {
                        Some(anchor) => LinkTarget::SamePage { anchor },
                        None => return,
                    }
                } else {
                    LinkTarget::Slug {
                        slug: name.to_string(),
                        anchor,
                    }
                };
                self.embed_note(target, image.line, image.column);
            }
            Some("base") => {
                let view = anchor.filter(|a| !a.is_empty());
                self.base_view(name.to_string(), view, None, image.line, image.column)
            }
            Some(ext) => {
                let n = self.out.refs.len();
                let image_file = is_image(ext);
                self.out.refs.push(OutRef {
                    url: name.to_string(),
                    kind: if image_file {
                        RefKind::Media("image")
                    } else {
                        RefKind::Link
                    },
                    line: image.line,
                    column: image.column,
                    by_name: true,
                });
                let src = format!("{}{n}{}", crate::marks::LINK_REF, crate::marks::MARK_END);
                // `![[photo.png|300]]` gives a width, `![[photo.png|A caption]]` the alt
                // text, `![[photo.png|A caption|300]]` both (the last part is the size).
                let label = image.alt.trim();
                let (alt, width) = match size(label) {
                    Some(w) => ("", Some(w)),
                    None => size_after_alt(label),
                };
                let alt = match alt {
                    "" => name.rsplit('/').next().unwrap_or(name),
                    alt if alt == dest => name.rsplit('/').next().unwrap_or(name),
                    alt => alt,
                };
                let width = width.map(|w| format!(" width=\"{w}\"")).unwrap_or_default();
                if image_file {
                    self.emit_html(format!(
                        "<img src=\"{src}\" alt=\"{}\"{width} loading=\"lazy\">",
                        escape(alt)
                    ));
                } else {
                    self.emit_html(format!("<a href=\"{src}\">{}</a>", escape(alt)));
                }
            }
        }
    }
}

/// Whether a file of extension `ext` (lower case) is an image a page shows.
pub(crate) fn is_image(ext: &str) -> bool {
    matches!(
        ext,
        "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp" | "avif" | "bmp" | "ico"
    )
}

/// How the warnings about a Bases view begin: the site reports each once (see
/// `site::repeated`), as a template puts its embed in every note made from it.
pub(crate) const BASES_VIEW: &str = "Obsidian Bases view";

/// An Obsidian Bases view shown in a note: `![[Books.base]]`, `![[Books.base#Top
/// rated]]`, or a `base` code block holding the base itself. The site computes its
/// rows from the vault (`site::bases`) and fills in the mark left in its place.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseEmbed {
    /// The `.base` file as the embed names it (empty for a code block).
    pub file: String,
    /// The view named after `#`; else the base's first.
    pub view: Option<String>,
    /// A code block's text: the base itself.
    pub source: Option<String>,
    pub line: usize,
    pub column: usize,
}

impl Builder<'_, '_> {
    /// Leaves the mark of a Bases view (see [`BaseEmbed`]) in the text.
    pub(super) fn base_view(
        &mut self,
        file: String,
        view: Option<String>,
        source: Option<String>,
        line: usize,
        column: usize,
    ) {
        let n = self.out.bases.len();
        self.out.bases.push(BaseEmbed {
            file,
            view,
            source,
            line,
            column,
        });
        self.emit_html(format!(
            "{}b{n}{}",
            crate::marks::EMBED,
            crate::marks::MARK_END
        ));
    }

    /// An embed of the note (or part of a note) `target` names, at `line`:`column`:
    /// filled in with that note's text once the site is known.
    fn embed_note(&mut self, target: LinkTarget, line: usize, column: usize) {
        let index = self.out.links.len();
        self.out.links.push(OutLink {
            target,
            line,
            column,
            id: format!("ref-{}", index + 1),
            context: (String::new(), None, String::new()),
            embed: true,
        });
        self.emit_html(format!(
            "{}{index}{}",
            crate::marks::EMBED,
            crate::marks::MARK_END
        ));
    }
}

/// The words of a link to `url` when it is a page Obsidian embeds as its site's player
/// or post, not an image: a YouTube or Vimeo video, a post on X (Twitter).
pub(crate) fn web_page_embed(url: &str) -> Option<&'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = ["www.", "m.", "mobile."]
        .iter()
        .find_map(|p| host.strip_prefix(p))
        .unwrap_or(&host);
    let first = path.split(['/', '?', '#']).next().unwrap_or("");
    match host {
        "youtube.com" if ["watch", "shorts", "embed", "live"].contains(&first) => {
            Some("Watch the video on YouTube")
        }
        "youtu.be" if !first.is_empty() => Some("Watch the video on YouTube"),
        "vimeo.com" if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) => {
            Some("Watch the video on Vimeo")
        }
        // Vimeo's player (`player.vimeo.com/video/329001211`).
        "player.vimeo.com" if first == "video" => Some("Watch the video on Vimeo"),
        "twitter.com" | "x.com" if path.split('/').nth(1) == Some("status") => {
            Some("Read the post on X")
        }
        _ => None,
    }
}

/// The alt text and width of a Markdown image whose alt text ends in Obsidian's size,
/// `|300` or `|300x200`; otherwise the alt text as written, and no width.
fn size_after_alt(alt: &str) -> (&str, Option<&str>) {
    match alt.rsplit_once('|') {
        Some((text, part)) => match size(part) {
            Some(width) => (text.trim(), Some(width)),
            None => (alt, None),
        },
        None => (alt, None),
    }
}

/// The width in Obsidian's size `300` or `300x200` (spaces around it allowed); the
/// height is not kept.
fn size(part: &str) -> Option<&str> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let part = part.trim();
    let (w, h) = part.split_once('x').unwrap_or((part, "0"));
    (digits(w) && digits(h)).then_some(w)
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse_md;

    #[test]
    fn image_titles_are_kept() {
        let p = parse_md("![a](b.png \"title\")\n");
        assert_eq!(
            p.html,
            "<p><img src=\"\u{19}0\u{1a}\" alt=\"a\" title=\"title\" loading=\"lazy\"></p>\n"
        );
        // Obsidian's size after the alt text is a width, not alt text.
        let p = parse_md("![A chart|300](b.png) ![|375x200](c.png) ![a | b](d.png)\n");
        assert!(
            p.html.contains("alt=\"A chart\" width=\"300\""),
            "{}",
            p.html
        );
        assert!(p.html.contains("alt=\"\" width=\"375\""), "{}", p.html);
        assert!(p.html.contains("alt=\"a | b\" loading"), "{}", p.html);
        assert_eq!(p.images_without_alt.len(), 1);
        // Nested images give their alt text to the outer one.
        let p = parse_md("![foo ![bar](/u)](/v)\n");
        assert!(
            p.html.contains("alt=\"foo bar\"") && p.refs.iter().any(|r| r.url == "/v"),
            "{}",
            p.html
        );
    }

    #[test]
    fn a_markdown_image_of_a_note_is_an_embed() {
        let p = parse_md(
            "![](Note.md)\n\n![x](a/My%20note.md#^b1)\n\n![](x.png)\n\n![](https://e.org/n.md)\n",
        );
        let embeds: Vec<_> = p.links.iter().filter(|l| l.embed).collect();
        assert_eq!(embeds.len(), 2, "{}", p.html);
        assert!(
            matches!(&embeds[1].target, super::LinkTarget::File { path, anchor }
            if path == "a/My%20note.md" && anchor.as_deref() == Some("^b1"))
        );
        assert_eq!(p.html.matches(crate::marks::EMBED).count(), 2, "{}", p.html);
        // An image, local or remote, stays an image.
        assert_eq!(p.html.matches("<img").count(), 2, "{}", p.html);
    }

    #[test]
    fn a_video_or_a_post_obsidian_embeds_is_a_link_to_it() {
        let p = parse_md(
            "![](https://www.youtube.com/watch?v=NnTvZWp5Q7o)\n\n![A talk](https://youtu.be/abc)\n\n\
             ![](https://vimeo.com/146022717)\n\n![](https://twitter.com/obsdmd/status/158)\n\n\
             ![](https://x.com/a/status/1?s=20)\n\n![](https://player.vimeo.com/video/329001211)\n",
        );
        assert!(!p.html.contains("<img"), "{}", p.html);
        assert!(p.refs.is_empty() && p.images_without_alt.is_empty());
        assert!(
            p.html.contains(
                "<a href=\"https://www.youtube.com/watch?v=NnTvZWp5Q7o\">Watch the video on YouTube</a>"
            ),
            "{}",
            p.html
        );
        assert!(p.html.contains(">A talk</a>"), "{}", p.html);
        assert_eq!(
            p.html.matches(">Watch the video on Vimeo</a>").count(),
            2,
            "{}",
            p.html
        );
        assert_eq!(p.html.matches(">Read the post on X</a>").count(), 2);
        // Their sites' images, a channel's page, a profile are what they are.
        for src in [
            "https://i.ytimg.com/vi/x/0.jpg",
            "https://www.youtube.com/@obsidianmd",
            "https://vimeo.com/channels/staffpicks",
            "https://player.vimeo.com/api/player.js",
            "https://twitter.com/obsdmd",
            "https://example.org/watch?v=1",
        ] {
            let p = parse_md(&format!("![]({src})\n"));
            assert!(p.html.contains("<img"), "{src}: {}", p.html);
        }
    }
}
