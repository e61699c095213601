//! Shortcodes of Hugo and its most used themes that attune draws itself, as the
//! template draws them, where that needs nothing from another site:
//!
//! - Hugo's `details` (`summary`, `open`; Hextra's: `title`, open unless `closed`;
//!   hugo-book's: the title first, `open` among its positional arguments),
//!   Hugo Blox's `spoiler` (`text`) and
//!   Learn's and Relearn's `expand` (`title`, or the title first): a `<details>` box,
//!   folded, its inner text read as Markdown;
//! - Hugo Blox's `math` pair, which only hands its inner `$$…$$` to MathJax: the inner
//!   text, which attune draws as MathML;
//! - Hugo's `youtube` and `vimeo` (the video's id, first or as `id`): a link to the
//!   video, since attune's pages never load anything from another site; its `x` (and
//!   the older `tweet`, `twitter`: `user` and `id`), `instagram` (the post's id) and
//!   `gist` (user, id): a link to the post or the code, for the same reason (their
//!   `*_simple` forms too);
//! - the Kubernetes website's `glossary_tooltip` (`text`, else the `term_id`), which
//!   CNCF sites copy (falcosecurity/falco-website: 69 in 18 files): its words, in the
//!   sentence they belong to (the tooltip, the term's definition, is its script's);
//! - Hugo Blox's `audio` and `video` (`src`, a file of the page's bundle or of
//!   `assets/media/`): the player, with its controls, the file found as an image is.

use super::hugo_figure::Args;

/// What stands for the tag `name` (its `inner` text; `paired`: it has a closing tag):
/// the text in its place and, for a pair, the text in its closing tag's place; `None`
/// for any other tag, or one without what it needs.
pub(super) fn in_place(name: &str, inner: &str, paired: bool) -> Option<(String, Option<String>)> {
    let args = Args::of(inner);
    let get = |key: &str| args.get(key).map(str::to_string);
    let first = || args.first().map(str::to_string);
    match name {
        "details" | "spoiler" | "expand" if paired => {
            let summary = match name {
                // Hextra's `details` is titled by `title`, and open unless `closed`;
                // hugo-book's by its first positional argument when it has no named
                // one (`{{% details "Title" open %}}`, see `book_details_open`).
                "details" => (get("summary").or_else(|| get("title")).or_else(first))
                    .unwrap_or_else(|| "Details".into()),
                "spoiler" => get("text").unwrap_or_else(|| "Details".into()),
                _ => (get("title").or_else(first)).unwrap_or_else(|| "Expand me…".into()),
            };
            let flag = |key: &str| get(key).is_some_and(|o| o.eq_ignore_ascii_case("true"));
            let hextra = name == "details" && get("summary").is_none() && get("title").is_some();
            let open = flag("open")
                || (hextra && !flag("closed"))
                || (name == "details" && book_details_open(&args));
            let open = if open { " open" } else { "" };
            let summary = crate::text::escape(&summary);
            Some((
                format!("\n\n<details{open}><summary>{summary}</summary>\n\n"),
                Some("\n\n</details>\n\n".to_string()),
            ))
        }
        "math" if paired => Some((String::new(), Some(String::new()))),
        "glossary_tooltip" if !paired => {
            let words = get("text").or_else(|| get("term_id").map(|id| id.replace('-', " ")))?;
            Some((super::hugo_themes::plain(&words), None))
        }
        "audio" | "video" if !paired => {
            let src = get("src")?;
            if src.contains(['"', '<', '>', '\n']) {
                return None;
            }
            Some((format!("<{name} controls src=\"{src}\"></{name}>"), None))
        }
        // Hugo's `*_simple` forms, which load no script: the same video or post.
        "vimeo_simple" | "twitter_simple" | "x_simple" => {
            in_place(name.trim_end_matches("_simple"), inner, paired)
        }
        "youtube" | "vimeo" if !paired => {
            let id = get("id").or_else(first)?;
            Some((video_link(name, &id, get("title").as_deref())?, None))
        }
        "x" | "tweet" | "twitter" | "instagram" | "gist" if !paired => {
            let word = |key: &str, n: usize| args.named_or_nth(key, n).filter(|w| is_id(w));
            let (label, url) = match name {
                "instagram" => {
                    let id = word("id", 0)?;
                    (
                        "See the post on Instagram",
                        format!("https://www.instagram.com/p/{id}/"),
                    )
                }
                "gist" => {
                    let (user, id) = (word("user", 0)?, word("id", 1)?);
                    (
                        "See the code on GitHub",
                        format!("https://gist.github.com/{user}/{id}"),
                    )
                }
                // `{{< tweet 1453110110599868418 >}}`, of Hugo before 0.89: the id alone.
                _ => match (word("user", 0), word("id", 1)) {
                    (Some(user), Some(id)) => (
                        "See the post on X",
                        format!("https://x.com/{user}/status/{id}"),
                    ),
                    _ => {
                        let id =
                            word("id", 0).filter(|id| id.chars().all(|c| c.is_ascii_digit()))?;
                        ("See the post on X", format!("https://x.com/i/status/{id}"))
                    }
                },
            };
            Some((format!("[{label}](<{url}>)"), None))
        }
        _ => None,
    }
}

/// Whether hugo-book's `details`, called with positional arguments, is open: one of
/// them is `open`, as its template reads it (`layouts/_shortcodes/details.html`:
/// `cond .IsNamedParams (…(.Get "open")) (in .Params "open")`, the title `.Get 0`).
fn book_details_open(args: &Args) -> bool {
    (0..).map_while(|n| args.nth(n)).any(|arg| arg == "open")
}

/// Whether `word` can stand in an address as an id (`dQw4w9WgXcQ`, `gh-pages_2`).
fn is_id(word: &str) -> bool {
    !word.is_empty() && (word.chars()).all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A link to the video `id` on the site a shortcode `name`s (`youtube`, `vimeo`,
/// `streamable`), its words `title` or where it is watched; `None` for another site
/// or an id that is not one.
pub(super) fn video_link(name: &str, id: &str, title: Option<&str>) -> Option<String> {
    let id = video_id(id);
    if !is_id(id) {
        return None;
    }
    let (site, url) = match name {
        "youtube" => ("YouTube", format!("https://www.youtube.com/watch?v={id}")),
        "vimeo" => ("Vimeo", format!("https://vimeo.com/{id}")),
        "streamable" => ("Streamable", format!("https://streamable.com/{id}")),
        _ => return None,
    };
    let label = title.map_or_else(|| format!("Watch the video on {site}"), str::to_string);
    let label = label.replace('\\', "\\\\").replace(['[', ']'], "");
    Some(format!("[{label}](<{url}>)"))
}

/// A video's id, from its address too (`https://www.youtube.com/watch?v=ID`,
/// `https://youtu.be/ID`, `https://vimeo.com/ID`), as themes' shortcodes take either.
fn video_id(id: &str) -> &str {
    let Some((_, rest)) = id.split_once("://") else {
        return id;
    };
    let after = rest.split_once("v=").map(|(_, v)| v);
    let after = after.or_else(|| rest.rsplit('/').next()).unwrap_or(id);
    after.split(['&', '?', '#']).next().unwrap_or(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shortcode_is_drawn_as_its_template_draws_it() {
        // Compose's `youtube` takes the video's address.
        let watch = "[Watch the video on YouTube](<https://www.youtube.com/watch?v=aOC8E8z_ifw>)";
        for written in [
            "youtube \"https://www.youtube.com/watch?v=aOC8E8z_ifw\"",
            "youtube https://youtu.be/aOC8E8z_ifw?t=3",
            "youtube aOC8E8z_ifw",
        ] {
            assert_eq!(in_place("youtube", written, false).unwrap().0, watch);
        }
        let (open, close) =
            in_place("details", "details summary=\"See <more>\" open=true", true).unwrap();
        assert_eq!(
            open,
            "\n\n<details open><summary>See &lt;more&gt;</summary>\n\n"
        );
        assert_eq!(close.as_deref(), Some("\n\n</details>\n\n"));
        let (open, _) = in_place("expand", "expand \"Why?\"", true).unwrap();
        assert!(open.contains("<summary>Why?</summary>"));
        let (open, _) = in_place("spoiler", "spoiler text=\"Answer\"", true).unwrap();
        assert!(open.contains("<summary>Answer</summary>"));
        assert_eq!(in_place("details", "details", false), None);
        let tooltip = "glossary_tooltip text=\"libscap [1]\" term_id=\"libscap\"";
        assert_eq!(
            in_place("glossary_tooltip", tooltip, false).unwrap().0,
            "libscap \\[1\\]"
        );
        let by_id = in_place(
            "glossary_tooltip",
            "glossary_tooltip term_id=\"ebpf-probe\"",
            false,
        );
        assert_eq!(by_id.unwrap().0, "ebpf probe");
        assert_eq!(
            in_place("youtube", "youtube D2vj0WcvH5c", false).unwrap().0,
            "[Watch the video on YouTube](<https://www.youtube.com/watch?v=D2vj0WcvH5c>)"
        );
        assert_eq!(
            in_place("vimeo", "vimeo id=\"146022717\" title=\"A talk\"", false)
                .unwrap()
                .0,
            "[A talk](<https://vimeo.com/146022717>)"
        );
        assert_eq!(in_place("youtube", "youtube \"a b\"", false), None);
        assert_eq!(
            in_place(
                "video",
                "video src=\"climbing.mp4\" controls=\"yes\"",
                false
            )
            .unwrap()
            .0,
            "<video controls src=\"climbing.mp4\"></video>"
        );
        assert_eq!(in_place("audio", "audio", false), None);
        assert_eq!(
            in_place("math", "math", true),
            Some((String::new(), Some(String::new())))
        );
    }

    #[test]
    fn posts_and_gists_are_links_to_them() {
        let drawn = |name: &str, inner: &str| in_place(name, inner, false).map(|(open, _)| open);
        assert_eq!(
            drawn("x", "x user=GoHugoIO id=917359331535966209").unwrap(),
            "[See the post on X](<https://x.com/GoHugoIO/status/917359331535966209>)"
        );
        assert_eq!(
            drawn("tweet", "tweet 1453110110599868418").unwrap(),
            "[See the post on X](<https://x.com/i/status/1453110110599868418>)"
        );
        assert_eq!(
            drawn("instagram", "instagram CxOWiQNP2MO").unwrap(),
            "[See the post on Instagram](<https://www.instagram.com/p/CxOWiQNP2MO/>)"
        );
        assert_eq!(
            drawn("gist", "gist spf13 7896402").unwrap(),
            "[See the code on GitHub](<https://gist.github.com/spf13/7896402>)"
        );
        assert_eq!(drawn("gist", "gist spf13"), None);
        assert_eq!(
            drawn(
                "twitter_simple",
                "twitter_simple user=\"DesignReviewed\" id=\"10858706713\""
            )
            .unwrap(),
            "[See the post on X](<https://x.com/DesignReviewed/status/10858706713>)"
        );
        assert_eq!(
            drawn("vimeo_simple", "vimeo_simple 48912912").unwrap(),
            "[Watch the video on Vimeo](<https://vimeo.com/48912912>)"
        );
        assert_eq!(drawn("tweet", "tweet name"), None);
        assert_eq!(drawn("x", "x user=a id=\"1 2\""), None);
    }
}
