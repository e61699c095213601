//! `[build] sanitize_html`: raw HTML from authors made safe, once, where an article's
//! body is made, so pages, `print.html`, handouts, the offline edition, search and
//! feeds all share the sanitised body.

/// The article body with scripts, event handlers and unsafe URLs removed, keeping the
/// markup attune itself writes (ids, roles, ARIA, copy-link and glossary attributes).
pub fn sanitize(html: &str) -> String {
    use std::sync::LazyLock;
    static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .add_tags([
                "input",
                "section",
                "figure",
                "figcaption",
                "mark",
                "cite",
                "kbd",
            ])
            .add_generic_attributes([
                "id",
                "class",
                "role",
                "title",
                "lang",
                "dir",
                "aria-label",
                "aria-describedby",
                "aria-hidden",
                "data-copy-link",
            ])
            .add_tag_attributes("input", ["type", "disabled", "checked"])
            .add_tag_attributes("img", ["loading"])
            .add_tag_attributes("details", ["open"])
            .link_rel(None);
        // The MathML that math renders to.
        builder.add_tags(super::math::MATHML_TAGS);
        for tag in super::math::MATHML_TAGS {
            builder.add_tag_attributes(tag, super::math::MATHML_ATTRIBUTES);
        }
        builder
    });
    CLEANER.clean(html).to_string()
}

/// Whether sanitising keeps `url` as a destination: the same rule as [`sanitize`]'s (a
/// URL without a scheme, or with one it allows). A body's links and images are written
/// as marks filled in once the site is known, so their destinations are checked here.
pub fn keeps_url(url: &str) -> bool {
    if !super::is_external(url) {
        return true;
    }
    let probe = format!("<a href=\"{}\">x</a>", super::escape(url));
    sanitize(&probe).contains(" href=")
}

#[cfg(test)]
mod tests {
    use super::keeps_url;

    #[test]
    fn unsafe_schemes_are_not_kept() {
        assert!(keeps_url("https://example.org/"));
        assert!(keeps_url("mailto:help@example.org"));
        assert!(keeps_url("../x.png"));
        assert!(!keeps_url("javascript:steal()"));
        assert!(!keeps_url("JaVaScRiPt:steal()"));
        assert!(!keeps_url("vbscript:x"));
    }
}
