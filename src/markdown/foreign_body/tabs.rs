//! Tabs, whose switching needs a script: each tab's text is kept, one after the other,
//! under its name in bold, so nothing the reader needs is lost.

use super::Kind;

/// What stands for a tab tag: mdbook-tabs' `{{#tabs}}`, `{{#tab name="Linux"}}`,
/// `{{#endtab}}`, `{{#endtabs}}`; the `{{#tabs name:"x" tabs:"A,B"}}`,
/// `{{#tab Docker}}`, `{{#/tab }}`, `{{#/tabs }}` of Cluster API's and Kubebuilder's
/// books (their `tabulate` preprocessor); and GitBook's `{% tabs %}`,
/// `{% tab title="Linux" %}`, `{% endtab %}`, `{% endtabs %}`. A tab's name is in bold
/// before its text (a GitBook title without the backslashes its export writes:
/// [`gitbook_title`](super::cards::gitbook_title)); the other tags stand for nothing.
/// `None` for any other tag.
pub(in crate::markdown) fn tab_label(kind: Kind, name: &str, inner: &str) -> Option<String> {
    let key = match (kind, name) {
        (Kind::Mdbook, "tabs" | "endtab" | "endtabs" | "/tab" | "/tabs")
        | (Kind::Liquid, "tabs" | "endtab" | "endtabs") => return Some(String::new()),
        (Kind::Mdbook, "tab") => "name",
        (Kind::Liquid, "tab") => "title",
        _ => return None,
    };
    let label = match inner.find(&format!("{key}=")) {
        Some(at) => {
            // `title= "Mac"`: GitBook reads a space after the `=` too.
            let rest = inner[at + key.len() + 1..].trim_start();
            let quote = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
            let end = rest[1..].find(quote)?;
            &rest[1..1 + end]
        }
        // `{{#tab Docker}}`: the name is the rest of the tag.
        None if kind == Kind::Mdbook => {
            let words = inner.trim_start_matches('#').trim_start();
            words.strip_prefix("tab")?.trim()
        }
        None => return None,
    };
    let label = match kind {
        Kind::Liquid => super::cards::gitbook_title(label),
        _ => super::cards::escaped(label.trim()),
    };
    Some(match label.is_empty() {
        true => String::new(),
        false => format!("**{label}**\n"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tab_is_its_name_in_bold_and_the_other_tags_nothing() {
        let label = |kind, inner: &str| {
            let name = inner
                .trim_start_matches('#')
                .split_whitespace()
                .next()
                .unwrap_or("");
            tab_label(kind, name, inner)
        };
        assert_eq!(
            label(Kind::Mdbook, "#tab name=\"Linux\"").as_deref(),
            Some("**Linux**\n")
        );
        assert_eq!(
            label(Kind::Mdbook, "#tab Add to existing slice").as_deref(),
            Some("**Add to existing slice**\n")
        );
        assert_eq!(
            label(Kind::Mdbook, "#tabs name:\"x\" tabs:\"A,B\"").as_deref(),
            Some("")
        );
        assert_eq!(label(Kind::Mdbook, "#/tab ").as_deref(), Some(""));
        assert_eq!(label(Kind::Mdbook, "#/tabs ").as_deref(), Some(""));
        assert_eq!(
            label(Kind::Liquid, "tab title=\"npm\"").as_deref(),
            Some("**npm**\n")
        );
        assert_eq!(
            label(Kind::Liquid, "tab title= \"Mac\"").as_deref(),
            Some("**Mac**\n")
        );
        // GitBook's export escapes punctuation; a title is never markup.
        assert_eq!(
            label(Kind::Liquid, "tab title=\"AEP 3.x \\(Swift\\)\"").as_deref(),
            Some("**AEP 3\\.x \\(Swift\\)**\n")
        );
        assert_eq!(
            label(Kind::Liquid, "tab title=\"a \\\\ *b* <i>\\d\"").as_deref(),
            Some("**a \\\\ \\*b\\* \\<i\\>\\\\d**\n")
        );
        assert_eq!(
            label(Kind::Mdbook, "#tab name=\"a \\(b\\)\"").as_deref(),
            Some("**a \\\\\\(b\\\\\\)**\n")
        );
        assert_eq!(label(Kind::Liquid, "tab npm"), None);
        assert_eq!(label(Kind::Mdbook, "#table x"), None);
    }
}
