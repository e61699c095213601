//! The media shortcodes Zola themes give (Zola itself had them built in once), drawn
//! where a page's images, files and links are in them; attune's pages load nothing
//! from another site:
//!
//! - `youtube(id=…)`, `vimeo(id=…)`, `streamable(id=…)`: a link to the video;
//! - `img(src=…, alt=…, caption=…, link=…)`, `image(…)`, `figure(…)` and a theme's
//!   `resize_image(path=…, width=…, alt=…)` (its `src`, `path`, or the first of its
//!   `sources`): the image, its caption a title, a link around it;
//! - `video(…)`, `gif(…)` and `audio(…)` (`src`, `source`, or each of `sources`): the player,
//!   with its controls.

/// A player's address (`youtube.com/embed/ID?start=5`, `player.vimeo.com/video/ID`)
/// as the video's page (`youtube.com/watch?v=ID`, `vimeo.com/ID`); any other address
/// as it is.
fn watch_address(url: &str) -> String {
    let id = |rest: &str| {
        rest.split(['?', '#', '/'])
            .next()
            .unwrap_or_default()
            .to_string()
    };
    if let Some((before, rest)) = url.split_once("youtube.com/embed/") {
        return format!("{before}youtube.com/watch?v={}", id(rest));
    }
    if let Some((before, rest)) = url.split_once("player.vimeo.com/video/") {
        return format!("{before}vimeo.com/{}", id(rest));
    }
    url.to_string()
}

/// The Markdown or HTML the one-line call `name(args)` stands for; `None` for another
/// shortcode, or one without what it needs.
pub(super) fn drawn(call: &str) -> Option<String> {
    let (name, rest) = call.split_once('(')?;
    let args = arguments(rest.trim_end().strip_suffix(')')?);
    let get = |key: &str| {
        let value = args.iter().find(|(k, _)| *k == key)?.1;
        Some(unquote(value)).filter(|v| !v.is_empty())
    };
    let address = |value: &str| !value.contains(['<', '>', '"', '\n', '\r', ' ']);
    // after-dark's `audio(source=…)` names its one file so.
    let one = get("src").or_else(|| get("path")).or_else(|| get("source"));
    let sources: Vec<&str> = match one {
        Some(src) => vec![src],
        None => get_list(&args, "sources"),
    };
    let sources: Vec<&str> = sources.into_iter().filter(|s| address(s)).collect();
    // A site's own player for a video on YouTube or Vimeo (endler.dev's
    // `video(url="https://www.youtube.com/embed/…", preview="cover.jpg")`): a link to it.
    if name.trim() == "video" {
        let page = get("url")
            .or(sources.first().copied())
            .filter(|u| address(u));
        if let Some((url, words)) =
            page.and_then(|u| Some((u, crate::markdown::web_page_embed(u)?)))
        {
            return Some(format!("[{words}](<{}>)", watch_address(url)));
        }
    }
    match name.trim() {
        "youtube" | "vimeo" | "streamable" => {
            crate::markdown::hugo_builtins::video_link(name.trim(), get("id")?, None)
        }
        "img" | "image" | "figure" | "resize_image" => {
            let src = sources.first()?;
            // The alt text, else the caption's text, as the themes' templates (and
            // Hugo's `figure`) write it: an image in a link is then the link's name.
            let alt = get("alt")
                .map(str::to_string)
                .or_else(|| get("caption").map(crate::markdown::plain_summary))
                .unwrap_or_default();
            let image = crate::markdown::hugo_figure::image(&alt, src, get("caption"));
            Some(match get("link").filter(|l| address(l)) {
                Some(link) => format!("[{image}](<{link}>)"),
                None => image,
            })
        }
        "video" | "gif" | "audio" if !sources.is_empty() => {
            let element = if name.trim() == "audio" {
                "audio"
            } else {
                "video"
            };
            let each: String = sources
                .iter()
                .map(|s| format!("<source src=\"{}\">", crate::text::escape(s)))
                .collect();
            Some(format!("<{element} controls>{each}</{element}>"))
        }
        _ => None,
    }
}

/// A call's arguments, `key=value` apart at commas outside quotes and brackets.
fn arguments(text: &str) -> Vec<(&str, &str)> {
    let pairs = super::split_outside(text, |c| c == ',').into_iter();
    let pairs = pairs.filter_map(|piece| piece.split_once('='));
    pairs
        .map(|(key, value)| (key.trim(), value.trim()))
        .collect()
}

/// A value without its quotes.
fn unquote(value: &str) -> &str {
    let value = value.trim();
    for q in ['"', '\'', '`'] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

/// The quoted values of the list argument `key` (`sources=["a.mp4", "b.webm"]`).
fn get_list<'a>(args: &[(&'a str, &'a str)], key: &str) -> Vec<&'a str> {
    let Some((_, list)) = args.iter().find(|(k, _)| *k == key) else {
        return Vec::new();
    };
    let Some(items) = list.strip_prefix('[').and_then(|l| l.strip_suffix(']')) else {
        return Vec::new();
    };
    let items = super::split_outside(items, |c| c == ',').into_iter();
    items.map(unquote).filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::drawn;

    #[test]
    fn each_media_shortcode_is_drawn_as_a_link_an_image_or_a_player() {
        // Karzok's `resize_image` shortcode: the image at its full size.
        assert_eq!(
            drawn("resize_image(path=\"/test.png\", width=150, op=\"scale\",alt=\"Background\")")
                .unwrap(),
            "![Background](</test.png>)"
        );
        // Terminimal's `figure`, its arguments over several lines.
        assert_eq!(
            drawn("figure(src=\"ferris.png\",\n          style=\"width: 25%;\",\n          caption=\"Ferris, the mascot\")").unwrap(),
            "![Ferris, the mascot](<ferris.png> \"Ferris, the mascot\")"
        );
        // endler.dev's `figure` in a link, a caption with links and no alt: the link's
        // name was nothing (axe's link-name).
        assert_eq!(
            drawn("figure(src=\"tweet.jpg\", caption=\"[Felix](https://krausefx.com/) of fame\", link=\"https://x.com/a/status/1\")").unwrap(),
            "[![Felix of fame](<tweet.jpg> \"[Felix](https://krausefx.com/) of fame\")](<https://x.com/a/status/1>)"
        );
        assert_eq!(
            drawn("youtube(id=\"32gyFIWecuw\", class=\"vid\")").unwrap(),
            "[Watch the video on YouTube](<https://www.youtube.com/watch?v=32gyFIWecuw>)"
        );
        assert_eq!(
            drawn("streamable(id=\"92ok4\")").unwrap(),
            "[Watch the video on Streamable](<https://streamable.com/92ok4>)"
        );
        assert_eq!(
            drawn("img(src=\"ferris-happy.svg\", class=\"ci b1\", alt=\"Ferris is Happy\", caption=\"Ferris, happy\", link=\"https://www.rust-lang.org/\", page=page)").unwrap(),
            "[![Ferris is Happy](<ferris-happy.svg> \"Ferris, happy\")](<https://www.rust-lang.org/>)"
        );
        assert_eq!(
            drawn("image(sources=[\"a-960.avif\", \"a-640.avif\"], alt=\"A\")").unwrap(),
            "![A](<a-960.avif>)"
        );
        assert_eq!(
            drawn("video(sources=[\"a_av1.mp4\", \"a_vp9.webm\"], page=page, config=config)")
                .unwrap(),
            "<video controls><source src=\"a_av1.mp4\"><source src=\"a_vp9.webm\"></video>"
        );
        assert_eq!(
            drawn("audio(sources=[\"a.ogg\"])").unwrap(),
            "<audio controls><source src=\"a.ogg\"></audio>"
        );
        // after-dark's demo: one `source`.
        assert_eq!(
            drawn("audio(source=\"assets/audio.mp3\")").unwrap(),
            "<audio controls><source src=\"assets/audio.mp3\"></audio>"
        );
        assert_eq!(
            drawn("video(sources=[\"a,1.mp4\", \"b.webm\"])").unwrap(),
            "<video controls><source src=\"a,1.mp4\"><source src=\"b.webm\"></video>"
        );
        // endler.dev's own `video`: a light player for a YouTube video, whose cover
        // image is `preview`; a link to the video's page (nothing loads from there).
        assert_eq!(
            drawn("video(url=\"https://www.youtube.com/embed/BZoKfap4g4w?start=30\", preview=\"rosling.jpg\")").unwrap(),
            "[Watch the video on YouTube](<https://www.youtube.com/watch?v=BZoKfap4g4w>)"
        );
        assert_eq!(
            drawn("video(url=\"https://player.vimeo.com/video/329001211\", preview=\"a.jpg\")")
                .unwrap(),
            "[Watch the video on Vimeo](<https://vimeo.com/329001211>)"
        );
        assert_eq!(drawn("video(url=\"https://example.org/a.mp4\")"), None);
        assert_eq!(drawn("youtube(id=\"a b\")"), None);
        assert_eq!(drawn("img(alt=\"no source\")"), None);
        assert_eq!(drawn("showdata(src=\"x.toml\")"), None);
    }
}
