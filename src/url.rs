//! URL styles: how links between pages are written for each edition (folder URLs on
//! the web, explicit `index.html` offline, or both from one model with the edition
//! marks). It imports only the marks of [`crate::marks`].

/// How links are written: pretty folders online, explicit `index.html` offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlStyle {
    /// Folder URLs (`patterns/x/`), for a web server.
    Web,
    /// Links that name `index.html`, so the site works from `file://`.
    Offline,
    /// Both editions from one model: [`EDITION_MARK`] stands where an offline link
    /// names `index.html`, and [`UrlStyle::edition`] turns rendered HTML into either
    /// edition's. Parsing, cross-references and search are then done once for both.
    Both,
}

use crate::marks::{EDITION_MARK, WEB_ONLY_END, WEB_ONLY_START};

/// The marks as bytes: each is one ASCII byte, so never part of another character.
const EDITION_BYTE: u8 = EDITION_MARK.as_bytes()[0];
const WEB_ONLY_START_BYTE: u8 = WEB_ONLY_START.as_bytes()[0];
const WEB_ONLY_END_BYTE: u8 = WEB_ONLY_END.as_bytes()[0];

/// Where the marks stand in `text`.
fn marks(text: &str) -> memchr::Memchr3<'_> {
    memchr::memchr3_iter(
        EDITION_BYTE,
        WEB_ONLY_START_BYTE,
        WEB_ONLY_END_BYTE,
        text.as_bytes(),
    )
}

impl UrlStyle {
    /// `index.html` offline, nothing online, the mark for both.
    pub fn index(self) -> &'static str {
        match self {
            UrlStyle::Web => "",
            UrlStyle::Offline => "index.html",
            UrlStyle::Both => EDITION_MARK,
        }
    }

    /// HTML rendered from this style's model, as the web (`offline == false`) or the
    /// offline edition writes it: each [`EDITION_MARK`] becomes that edition's
    /// `index.html` or nothing, and what stands between [`WEB_ONLY_START`] and
    /// [`WEB_ONLY_END`] is kept on the web and dropped offline. Borrowed when the HTML
    /// holds no mark.
    pub fn edition(self, html: &str, offline: bool) -> std::borrow::Cow<'_, str> {
        let mut found = marks(html).peekable();
        if found.peek().is_none() {
            return std::borrow::Cow::Borrowed(html);
        }
        let index = if offline { "index.html" } else { "" };
        let mut out = String::with_capacity(html.len() + html.len() / 64);
        let (mut from, mut hidden) = (0, 0usize);
        for at in found {
            if hidden == 0 {
                out.push_str(&html[from..at]);
            }
            match html.as_bytes()[at] {
                WEB_ONLY_START_BYTE if offline => hidden += 1,
                WEB_ONLY_END_BYTE if offline => hidden = hidden.saturating_sub(1),
                EDITION_BYTE if hidden == 0 => out.push_str(index),
                _ => {}
            }
            from = at + 1;
        }
        if hidden == 0 {
            out.push_str(&html[from..]);
        }
        std::borrow::Cow::Owned(out)
    }

    /// Relative prefix from a page at `url` (`patterns/x/`) to the site root.
    pub fn root(url: &str) -> String {
        let depth = url.matches('/').count();
        if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        }
    }

    /// Relative href from the page at `from` to the folder page `to` (both site-relative).
    pub fn href(self, from: &str, to: &str) -> String {
        format!("{}{}{}", Self::root(from), to, self.index())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_roots() {
        assert_eq!(UrlStyle::root("patterns/x/"), "../../");
        assert_eq!(UrlStyle::root(""), "./");
        assert_eq!(
            UrlStyle::Offline.href("patterns/x/", "effects/y/"),
            "../../effects/y/index.html"
        );
        assert_eq!(UrlStyle::Web.href("about/", ""), "../");
        let both = UrlStyle::Both.href("patterns/x/", "effects/y/");
        assert_eq!(UrlStyle::Both.edition(&both, false), "../../effects/y/");
        assert_eq!(
            UrlStyle::Both.edition(&both, true),
            "../../effects/y/index.html"
        );
    }

    #[test]
    fn web_only_parts_are_dropped_from_the_offline_edition() {
        let html = format!(
            "<a href=\"x/{EDITION_MARK}\">x</a>{WEB_ONLY_START}<a href=\"y/{EDITION_MARK}\">zip</a>{WEB_ONLY_END}<p>end</p>"
        );
        assert_eq!(
            UrlStyle::Both.edition(&html, false),
            "<a href=\"x/\">x</a><a href=\"y/\">zip</a><p>end</p>"
        );
        assert_eq!(
            UrlStyle::Both.edition(&html, true),
            "<a href=\"x/index.html\">x</a><p>end</p>"
        );
        assert!(matches!(
            UrlStyle::Web.edition("<p>no marks</p>", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
