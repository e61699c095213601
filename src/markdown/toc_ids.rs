//! The ids Python-Markdown's toc extension gives headings on an MkDocs site: its
//! `slugify` (markdown/extensions/toc.py), or the one mkdocs.yml names instead
//! (`slugify_unicode`, pymdownx.slugs' `slugify`: see `load/mkdocs/extensions.rs`),
//! and its `unique`, which numbers a repeated id `_1`, `_2`, ….

use crate::load::mkdocs::{Normalize, SlugCase, Slugify, TocIds};
use unicode_normalization::UnicodeNormalization;

/// The id toc makes of a heading's text, before [`unique`].
pub(super) fn slug(text: &str, toc: TocIds) -> String {
    match toc.slugify {
        Slugify::Ascii => toc_slug(text, true, toc.separator),
        Slugify::Unicode => toc_slug(text, false, toc.separator),
        Slugify::Pymdownx { case, normalize } => {
            pymdownx_slug(text, case, normalize, toc.separator)
        }
    }
}

/// Whether Python's regular expressions read `c` as a word character (`\w`): a
/// letter, a digit or `_`; never a combining mark, which Python counts as no letter.
fn python_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric() && !unicode_normalization::char::is_combining_mark(c)
}

/// `markdown.extensions.toc.slugify`: with `ascii` (its default) the text put in
/// NFKD and kept to ASCII (`Crème` → `creme`, `Größe` → `groe`, `安装` → nothing);
/// everything but letters, digits, `_`, `-` and spaces dropped; trimmed and
/// lowercased; each run of spaces and `separator`s one `separator`
/// (`Produce clean & maintainable code` → `produce-clean-maintainable-code`).
fn toc_slug(text: &str, ascii: bool, separator: char) -> String {
    let keep = |c: &char| python_word(*c) || c.is_whitespace() || *c == '-';
    let kept: String = match ascii {
        true => text.nfkd().filter(char::is_ascii).filter(keep).collect(),
        false => text.chars().filter(keep).collect(),
    };
    let lower = kept.trim().to_lowercase();
    let mut slug = String::with_capacity(lower.len());
    let mut run = false;
    for c in lower.chars() {
        if c == separator || c.is_whitespace() {
            run = true;
            continue;
        }
        if run {
            slug.push(separator);
            run = false;
        }
        slug.push(c);
    }
    if run {
        slug.push(separator);
    }
    slug
}

/// pymdownx.slugs' `slugify` (pymdownx/slugs.py `_uslugify`): the text in its
/// Unicode form, without tags (`<b>`), trimmed, its case as `case` says; everything
/// but letters, digits, `_`, `-` and spaces dropped, and each space a `separator`
/// (`Übersicht der Größen` → `übersicht-der-größen` with `case: lower`).
fn pymdownx_slug(text: &str, case: SlugCase, normalize: Normalize, separator: char) -> String {
    let normal: String = match normalize {
        Normalize::Nfc => text.nfc().collect(),
        Normalize::Nfd => text.nfd().collect(),
        Normalize::Nfkc => text.nfkc().collect(),
        Normalize::Nfkd => text.nfkd().collect(),
    };
    let untagged = without_tags(&normal);
    let trimmed = untagged.trim();
    let cased = match case {
        SlugCase::Kept => trimmed.to_string(),
        SlugCase::Lower => trimmed.to_lowercase(),
        SlugCase::LowerAscii => trimmed.to_ascii_lowercase(),
        // Python's casefold: lowercase, and `ß` (the fold that matters in headings)
        // as `ss`.
        SlugCase::Fold => trimmed.to_lowercase().replace('ß', "ss"),
    };
    cased
        .chars()
        .filter(|&c| python_word(c) || c == '-' || c == ' ')
        .map(|c| if c == ' ' { separator } else { c })
        .collect()
}

/// `text` without what looks like a tag (`</?[^>]*>`), as pymdownx.slugs strips it.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        out.push_str(&rest[..open]);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// toc's `unique`: `id` when it is neither empty nor `taken`, else the first of
/// `BASE_1`, `BASE_2`, … not taken, where BASE is `id` less a `_N` it ends with
/// (a second `Rationale` is `rationale_1`, a third `rationale_2`; a heading with
/// nothing left of its text `_1`).
pub(super) fn unique(id: String, taken: impl Fn(&str) -> bool) -> String {
    if !id.is_empty() && !taken(&id) {
        return id;
    }
    let numbered = id.rsplit_once('_').and_then(|(base, n)| {
        let digits = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
        Some((base, n.parse::<u64>().ok().filter(|_| digits)?))
    });
    let (base, mut count) = numbered.unwrap_or((&id, 0));
    loop {
        count = count.saturating_add(1);
        let next = format!("{base}_{count}");
        if !taken(&next) || count == u64::MAX {
            return next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(slugify: Slugify) -> TocIds {
        TocIds {
            slugify,
            separator: '-',
        }
    }

    #[test]
    fn slugs_match_python_markdowns_toc() {
        // Checked against Python-Markdown 3 and pymdown-extensions 10.
        let toc = ids(Slugify::Ascii);
        for (text, id) in [
            (
                "Produce clean & maintainable code",
                "produce-clean-maintainable-code",
            ),
            ("Azure - AAD Pod Identity", "azure-aad-pod-identity"),
            ("Übersicht der Größen", "ubersicht-der-groen"),
            ("Café & crème", "cafe-creme"),
            ("安装", ""),
            ("What's new? (v2.0)", "whats-new-v20"),
            ("snake_case -- kebab", "snake_case-kebab"),
            ("Trailing -", "trailing-"),
        ] {
            assert_eq!(slug(text, toc), id, "{text}");
        }
        assert_eq!(slug("Größe 安装", ids(Slugify::Unicode)), "größe-安装");
        let lower = ids(Slugify::Pymdownx {
            case: SlugCase::Lower,
            normalize: Normalize::Nfc,
        });
        assert_eq!(slug("Übersicht der Größen", lower), "übersicht-der-größen");
        assert_eq!(slug("A - B", lower), "a---b");
        assert_eq!(slug("Use <b> & <i>", lower), "use--");
        let underscore = TocIds {
            separator: '_',
            ..toc
        };
        assert_eq!(
            slug("One two__three-four", underscore),
            "one_two_three-four"
        );
    }

    #[test]
    fn repeated_ids_are_numbered_as_toc_numbers_them() {
        let taken = ["rationale", "rationale_1", "step_3", "_1"];
        let taken = |id: &str| taken.contains(&id);
        assert_eq!(unique("rationale".into(), taken), "rationale_2");
        assert_eq!(unique("step_3".into(), taken), "step_4");
        assert_eq!(unique("other".into(), taken), "other");
        assert_eq!(unique(String::new(), taken), "_2");
        assert_eq!(unique(String::new(), |_| false), "_1");
    }
}
