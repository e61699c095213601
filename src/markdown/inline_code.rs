//! A `<script>` or `<style>` written in a page: every page's Content-Security-Policy
//! (`script-src 'self'; style-src 'self'`) runs no script and applies no style written
//! in the page, so a browser refuses it and reports it in its console. It is kept as
//! written, as CommonMark passes raw HTML through, with a warning saying how to make
//! it work: in a file the page loads. A script's file (`<script src>`) and data no
//! browser runs (`type="application/ld+json"`, a template) are no problem.

use crate::diagnostic::{Code, Diagnostic};
use std::ops::Range;

/// The warning for the `<script>` or `<style>` element `tag` at `range` of `html`, when
/// the page's policy refuses it.
pub(super) fn refused(html: &str, range: &Range<usize>, tag: &str) -> Option<Diagnostic> {
    let (attributes, _) = super::html::start_tag(html, range.start + 1 + tag.len());
    let value = |name: &str| {
        (attributes.iter())
            .find(|a| a.name == name)
            .map(|a| html[a.value.clone()].trim().to_ascii_lowercase())
    };
    if tag == "script" {
        if value("src").is_some() || !runs(value("type").as_deref()) {
            return None;
        }
        return Some(
            Diagnostic::warning(
                Code::InlineCode,
                "a `<script>` written in the page will not run: the site's Content-Security-Policy runs scripts from files only",
            )
            .help("put the script in a file beside the page and load it with `<script src=\"name.js\"></script>`, which the policy allows")
            .family("scripts written in pages"),
        );
    }
    Some(
        Diagnostic::warning(
            Code::InlineCode,
            "a `<style>` written in the page will not apply: the site's Content-Security-Policy applies stylesheets from files only",
        )
        .help("put the rules in a file beside the page and link it with `<link rel=\"stylesheet\" href=\"name.css\">`, which the policy allows")
        .family("styles written in pages"),
    )
}

/// Whether a script of `type` is run (none, a JavaScript MIME type, or `module`), as
/// HTML decides; any other type is data.
fn runs(kind: Option<&str>) -> bool {
    let Some(kind) = kind.map(|k| k.split(';').next().unwrap_or("").trim()) else {
        return true;
    };
    kind.is_empty()
        || kind == "module"
        || matches!(
            kind,
            "text/javascript"
                | "application/javascript"
                | "application/ecmascript"
                | "application/x-javascript"
                | "text/ecmascript"
                | "text/jscript"
                | "text/livescript"
        )
}

#[cfg(test)]
mod tests {
    use super::super::tests::parse_md;

    #[test]
    fn a_script_or_style_in_the_page_is_kept_with_a_warning() {
        let p = parse_md(
            "Intro.\n\n<style>\n.x { color: red; }\n</style>\n\n<script>alert(1)</script>\n\n\
             <script type=\"module\">import x from './x.js';</script>\n\n\
             <div>Kept <script src=\"a.js\"></script></div>\n\n\
             <script type=\"application/ld+json\">{\"@type\": \"Thing\"}</script>\n\n\
             <SCRIPT TYPE=\"text/javascript; charset=utf-8\">run()</script>\n\nAfter.\n",
        );
        let at: Vec<_> = (p.diagnostics.iter())
            .map(|d| (d.line, d.column, d.message.contains("`<style>`")))
            .collect();
        assert_eq!(
            at,
            [(3, 1, true), (7, 1, false), (9, 1, false), (15, 1, false)],
            "{:?}",
            p.diagnostics
        );
        assert!(
            p.html.contains("color: red") && p.html.contains("alert"),
            "{}",
            p.html
        );
        assert!(
            p.html.contains("import x") && p.html.contains("run()"),
            "{}",
            p.html
        );
        assert!(p.html.contains("<script src="), "{}", p.html);
        assert!(p.html.contains("{\"@type\": \"Thing\"}"), "{}", p.html);
        assert!(p.html.contains("<p>After.</p>"), "{}", p.html);
    }
}
