//! Hugo Blox's (formerly Wowchemy's, the Academic theme's) shortcodes that a page's
//! text needs, read as the theme writes them: `{{< toc >}}` is the page's table of
//! contents at that place, the contents attune shows for mdbook-toc's `<!-- toc -->`;
//! `{{% staticref "uploads/form.pdf" "newtab" %}}` … `{{% /staticref %}}` is a link
//! to a file of the static folder (Hugo's `relURL` of the path: from the site's root),
//! its text the pair's; `{{< cta cta_text="Apply" cta_link="/jobs/" >}}` (a call to
//! action, drawn as a button) is that link. A `staticref` without its closing tag, or
//! a `cta` without its text or link, stays for `foreign.rs` to report.

/// What stands for the tag `name` (its `inner` text; `paired`: it has a closing tag):
/// the text in its place and, for a pair, the text in its closing tag's place; `None`
/// for any other tag.
pub(super) fn in_place(name: &str, inner: &str, paired: bool) -> Option<(String, Option<String>)> {
    match name {
        "toc" if !paired => Some(("<!-- toc -->".to_string(), None)),
        "cta" if !paired => {
            let args = super::hugo_figure::named_args(inner.trim().strip_prefix("cta")?);
            let get = |key: &str| {
                let value = args.iter().rev().find(|(k, _)| k == key)?.1.trim();
                (!value.is_empty()).then_some(value)
            };
            let (text, link) = (get("cta_text")?, get("cta_link")?);
            if link.contains(['<', '>', '\n', '\r']) {
                return None;
            }
            let text: String = text.chars().fold(String::new(), |mut out, c| {
                if matches!(c, '[' | ']' | '\\') {
                    out.push('\\');
                }
                out.push(if c == '\n' { ' ' } else { c });
                out
            });
            Some((format!("[{text}](<{link}>)"), None))
        }
        "staticref" if paired => {
            let path = first_argument(inner)?;
            if path.is_empty() || path.contains(['<', '>', '\n', '\r']) {
                return None;
            }
            let web = path.starts_with("http://") || path.starts_with("https://");
            let address = match web || path.starts_with('/') {
                true => path,
                false => format!("/{path}"),
            };
            Some(("[".to_string(), Some(format!("](<{address}>)"))))
        }
        _ => None,
    }
}

/// The first argument after the tag's name, quoted (`"…"`, `` `…` ``) or a word.
pub(super) fn first_argument(inner: &str) -> Option<String> {
    let rest = inner.trim().split_once(char::is_whitespace)?.1.trim_start();
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '`'));
    Some(match quote {
        Some(q) => rest[1..][..rest[1..].find(q)?].trim().to_string(),
        None => rest.split_whitespace().next()?.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staticref_is_a_link_from_the_site_root_and_toc_the_contents_marker() {
        assert_eq!(
            in_place(
                "staticref",
                "staticref \"uploads/a b.pdf\" \"newtab\"",
                true
            ),
            Some(("[".into(), Some("](</uploads/a b.pdf>)".into())))
        );
        assert_eq!(
            in_place("staticref", "staticref /media/x.png", true),
            Some(("[".into(), Some("](</media/x.png>)".into())))
        );
        // Unclosed, or with nothing to link to: reported as other shortcodes.
        assert_eq!(in_place("staticref", "staticref \"a.pdf\"", false), None);
        assert_eq!(in_place("staticref", "staticref", true), None);
        assert_eq!(in_place("staticref", "staticref \"a<b\"", true), None);
        assert_eq!(
            in_place("toc", "toc", false),
            Some(("<!-- toc -->".into(), None))
        );
        assert_eq!(in_place("toc", "toc", true), None);
        assert_eq!(
            in_place(
                "cta",
                "cta cta_text=\"See [all] jobs\" cta_link=\"/jobs/\" cta_new_tab=\"false\"",
                false
            ),
            Some(("[See \\[all\\] jobs](</jobs/>)".into(), None))
        );
        assert_eq!(in_place("cta", "cta cta_text=\"Apply\"", false), None);
    }
}
