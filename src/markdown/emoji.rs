//! Emoji shortcodes (`:wave:`, `:heavy_check_mark:`) written as the emoji, on a site
//! whose tool writes them so (see `load/emoji.rs`), from GitHub's list of names (gemoji,
//! the list Hugo, markdown-it-emoji and jemoji read). Not in code, and a name no emoji
//! has (`10:30:00`, `:not-an-emoji:`) stays text.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The longest shortcode looked up (`:woman_facepalming_medium_skin_tone:`), so
/// hostile text stays linear.
const LONGEST: usize = 64;

/// `events` with the shortcodes in their text written as emoji, but in code blocks.
pub(super) fn with_emoji(events: &mut [(Event<'_>, std::ops::Range<usize>)]) {
    let mut code = 0usize;
    for (event, _) in events.iter_mut() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code += 1,
            Event::End(TagEnd::CodeBlock) => code = code.saturating_sub(1),
            Event::Text(text) if code == 0 && text.contains(':') => {
                if let Some(written) = emojified(text) {
                    *text = CowStr::from(written);
                }
            }
            _ => {}
        }
    }
}

/// `text` with each `:name:` that names an emoji written as it; `None` when none does.
pub(super) fn emojified(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(open) = text[from..].find(':').map(|i| from + i) {
        let rest = &text[open + 1..];
        let name_len = rest
            .bytes()
            .take(LONGEST)
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-'))
            .count();
        let closed = rest.as_bytes().get(name_len) == Some(&b':');
        match emojis::get_by_shortcode(&rest[..name_len]).filter(|_| closed && name_len > 0) {
            Some(emoji) => {
                out.push_str(&text[copied..open]);
                out.push_str(emoji.as_str());
                copied = open + name_len + 2;
                from = copied;
            }
            None => from = open + 1,
        }
    }
    (copied > 0).then(|| out + &text[copied..])
}

#[cfg(test)]
mod tests {
    use super::emojified;

    #[test]
    fn names_of_emoji_are_emoji_and_other_colons_text() {
        assert_eq!(
            emojified("Hello :wave: and :heavy_check_mark:!").as_deref(),
            Some("Hello 👋 and ✔️!")
        );
        assert_eq!(emojified(":+1::rocket:").as_deref(), Some("👍🚀"));
        assert_eq!(emojified("At 10:30:00, :not-an-emoji: a: b:"), None);
        assert_eq!(emojified("::").as_deref(), None);
    }
}
