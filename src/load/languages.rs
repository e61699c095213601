//! Translations beside a page, as Zola and Hugo write them: `page.fr.md` beside
//! `page.md`, `_index.de.md` beside `_index.md`, a bundle's `index.es.md`. A site is
//! one language (`[site] language`): a translation into it takes the place of the
//! untranslated file, at the same address; translations into other languages are left
//! out, with one warning per language.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// ISO 639-1: the two-letter language codes. A file name's last dotted part is read
/// as a language only when it is one of these (with an optional region or script,
/// `pt-br`, `zh-Hans`), or the site's own language.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// A language tag in the form files and `book.toml` write it, compared as one:
/// lower case, `_` as `-` (`pt_BR`, `pt-br` and `pt-BR` are one).
fn normal(tag: &str) -> String {
    tag.trim().to_ascii_lowercase().replace('_', "-")
}

/// Whether `tag` has a language tag's shape: 2 or 3 letters, then subtags of 2 to 8
/// letters or digits (`en`, `pt-br`, `zh-hans`, `es-419`).
fn tag_shaped(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether a file's language `code` is the site's `language`: the same tag, or one
/// more general than the other (`en` for an `en-GB` site, `pt-br` for a `pt` one), but
/// never a sibling (`zh-hant` for a `zh-hans` site).
fn same_language(code: &str, language: &str) -> bool {
    let within = |short: &str, long: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
    };
    within(code, language) || within(language, code)
}

/// The untranslated path and the language code of a translation's file name:
/// `blog/post.fr.md` → (`blog/post.md`, `fr`). `None` when the last dotted part of the
/// name is no language code (`mailbox.org.md`, `v1.2.md`, `notes.md`).
fn split_code(rel: &Path, language: &str) -> Option<(PathBuf, String)> {
    split_any_code(rel, language)
        .filter(|(_, _, known)| *known)
        .map(|(b, c, _)| (b, c))
}

/// [`split_code`], also for a code of two or three letters no list here knows (ISO
/// 639-2 and 639-3 have thousands, and sites make their own: Hugo's Relearn theme has
/// `pir`, its pirate translation; Redox's site `cz` and `jp` for Czech and Japanese),
/// with whether the code is known.
fn split_any_code(rel: &Path, language: &str) -> Option<(PathBuf, String, bool)> {
    let name = rel.file_name()?.to_str()?;
    let (stem, ext) = name.rsplit_once('.')?;
    let (base, code) = stem.rsplit_once('.')?;
    if base.is_empty() || base.ends_with('.') {
        return None;
    }
    let code = normal(code);
    let primary = code.split('-').next().unwrap_or_default();
    let known = ISO_639_1.contains(&primary) || same_language(&code, language);
    if !tag_shaped(&code) {
        return None;
    }
    Some((rel.with_file_name(format!("{base}.{ext}")), code, known))
}

/// Keeps the Markdown files (full path, path from the content folder) a site in
/// `language` publishes, each with the path it is published under: a translation into
/// the site's language takes the untranslated file's path and place; translations into
/// other languages are left out, with one warning per language naming a file and the
/// count. A file name is a translation when its last dotted part is a language code
/// (see [`split_code`]) that the site shows to be one: a file of that code has the
/// same name as another file but for its code (`post.md` and `post.fr.md`, or
/// `about.en.md` and `about.fr.md`), or a folder's index carries it (`_index.fr.md`).
/// So a note named `Web.de.md` in a vault with no `Web.md` stays a note. Each file
/// left out goes into `other_language` (path from the content folder → its language),
/// so a link to it can say why it leads nowhere.
pub(super) fn choose(
    markdown: Vec<(PathBuf, PathBuf)>,
    language: &str,
    root: &Path,
    diagnostics: &mut Diagnostics,
    other_language: &mut HashMap<PathBuf, String>,
) -> Vec<(PathBuf, PathBuf)> {
    let language = normal(language);
    let mut split: Vec<Option<(PathBuf, String)>> = markdown
        .iter()
        .map(|(_, rel)| split_code(rel, &language))
        .collect();
    // A code no list knows is a language when a file of the same name carries a known
    // one (`about.pir.md` or `about.cz.md` beside `about.en.md`); then every file of
    // that code is. Never by itself: `notes.old.md` beside `notes.md` stays a note.
    let known_bases: HashSet<PathBuf> = split.iter().flatten().map(|(b, _)| b.clone()).collect();
    let unknown: Vec<Option<(PathBuf, String, bool)>> = markdown
        .iter()
        .zip(&split)
        .map(|((_, rel), split)| {
            split
                .is_none()
                .then(|| split_any_code(rel, &language))
                .flatten()
        })
        .collect();
    let shown: HashSet<String> = unknown
        .iter()
        .flatten()
        .filter(|(base, _, _)| known_bases.contains(base))
        .map(|(_, code, _)| code.clone())
        .collect();
    for (split, unknown) in split.iter_mut().zip(unknown) {
        if let Some((base, code, _)) = unknown.filter(|(_, code, _)| shown.contains(code)) {
            *split = Some((base, code));
        }
    }
    // How many files share each untranslated path, and which codes carry a folder's
    // index: what shows that a code is a language of this site.
    let mut sharing: HashMap<&Path, usize> = HashMap::new();
    for ((_, rel), split) in markdown.iter().zip(&split) {
        let base = split.as_ref().map_or(rel.as_path(), |(base, _)| base);
        *sharing.entry(base).or_default() += 1;
    }
    let mut languages: HashSet<&str> = HashSet::new();
    for (base, code) in split.iter().flatten() {
        let index = base
            .file_stem()
            .is_some_and(|s| s == "_index" || s == "index");
        if index || sharing.get(base.as_path()).is_some_and(|&n| n > 1) {
            languages.insert(code);
        }
    }
    // For each untranslated path, the translation into the site's language that
    // takes its place: the closest tag wins (`en-gb` over `en` on an `en-GB` site),
    // then the first file by name.
    let mut chosen: HashMap<&Path, (usize, usize)> = HashMap::new();
    for (i, split) in split.iter().enumerate() {
        let Some((base, code)) = split
            .as_ref()
            .filter(|(_, c)| languages.contains(c.as_str()))
        else {
            continue;
        };
        if !same_language(code, &language) {
            continue;
        }
        let distance = code.len().abs_diff(language.len());
        let better = chosen
            .get(base.as_path())
            .is_none_or(|&(d, _)| distance < d);
        if better {
            chosen.insert(base, (distance, i));
        }
    }
    let mut left_out: BTreeMap<&str, Vec<&Path>> = BTreeMap::new();
    let mut kept = Vec::with_capacity(markdown.len());
    for (i, ((full, rel), split)) in markdown.iter().zip(&split).enumerate() {
        match split
            .as_ref()
            .filter(|(_, c)| languages.contains(c.as_str()))
        {
            Some((base, code)) => {
                if chosen.get(base.as_path()).is_some_and(|&(_, c)| c == i) {
                    kept.push((full.clone(), base.clone()));
                } else {
                    left_out.entry(code).or_default().push(full);
                    other_language.insert(rel.clone(), code.clone());
                }
            }
            None if chosen.contains_key(rel.as_path()) => {}
            None => kept.push((full.clone(), rel.clone())),
        }
    }
    for (code, files) in left_out {
        let first = super::read::display_path(root, files[0]);
        let others = match files.len() {
            1 => String::new(),
            2 => " and 1 other".to_string(),
            n => format!(" and {} others", n - 1),
        };
        diagnostics.push(
            Diagnostic::warning(
                Code::OtherLanguage,
                format!(
                    "{} translation{} into `{code}` (`.{code}.md`) left out: this file{others}; the site's language is `{language}`",
                    files.len(),
                    if files.len() == 1 { "" } else { "s" },
                ),
            )
            .in_file(first)
            .help(format!(
                "a site is one language: to publish the `{code}` one, build a copy with `[site] language = \"{code}\"` in its book.toml"
            )),
        );
    }
    kept
}

/// The warning for a content mount in another language than the site's (Hugo's
/// `lang`), left out.
pub(super) fn other_language_mount(mount: &crate::config::Mount, language: &str) -> Diagnostic {
    let source = mount.source.get_ref().trim();
    let code = mount.lang.as_deref().unwrap_or_default().trim();
    Diagnostic::warning(
        Code::OtherLanguage,
        format!("the `[[mounts]]` entry of '{source}' is in `{code}`: its pages are left out; the site's language is `{language}`"),
    )
    .in_file(crate::config::FILE_NAME)
    .help(format!(
        "a site is one language: to publish the `{code}` one, build a copy with `[site] language = \"{code}\"` in its book.toml"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(names: &[&str]) -> Vec<(PathBuf, PathBuf)> {
        names
            .iter()
            .map(|n| (Path::new("/site/content").join(n), PathBuf::from(n)))
            .collect()
    }

    fn kept(names: &[&str], language: &str) -> (Vec<String>, Diagnostics) {
        let mut diagnostics = Diagnostics::new();
        let kept = choose(
            files(names),
            language,
            Path::new("/site"),
            &mut diagnostics,
            &mut HashMap::new(),
        );
        let kept = kept
            .iter()
            .map(|(full, rel)| {
                format!(
                    "{} <- {}",
                    rel.display(),
                    full.strip_prefix("/site/content").unwrap().display()
                )
            })
            .collect();
        (kept, diagnostics)
    }

    #[test]
    fn a_translation_into_the_site_s_language_takes_the_page_s_place() {
        let names = [
            "_index.md",
            "_index.fr.md",
            "blog/post.md",
            "blog/post.fr.md",
            "blog/post.es.md",
            "blog/only-en.md",
            "blog/bundle/index.md",
            "blog/bundle/index.fr.md",
        ];
        let (en, d) = kept(&names, "en");
        assert_eq!(
            en,
            [
                "_index.md <- _index.md",
                "blog/post.md <- blog/post.md",
                "blog/only-en.md <- blog/only-en.md",
                "blog/bundle/index.md <- blog/bundle/index.md"
            ]
        );
        let messages: Vec<String> = d.iter().map(|d| d.message.clone()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages
            .iter()
            .any(|m| m.starts_with("1 translation into `es`")));
        assert!(messages
            .iter()
            .any(|m| m.starts_with("3 translations into `fr`") && m.contains("2 others")));
        let (fr, d) = kept(&names, "fr-FR");
        assert_eq!(
            fr,
            [
                "_index.md <- _index.fr.md",
                "blog/post.md <- blog/post.fr.md",
                "blog/only-en.md <- blog/only-en.md",
                "blog/bundle/index.md <- blog/bundle/index.fr.md"
            ]
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn dotted_note_names_are_not_languages() {
        let names = [
            "mailbox.org.md",
            "mailbox.md",
            "v1.2.md",
            "Web.de.md",
            "notes.md",
            "Dr. No.md",
            "node.js.md",
        ];
        let (en, d) = kept(&names, "en");
        assert_eq!(en.len(), names.len(), "{en:?}");
        assert!(d.is_empty());
        // A code is known as a language once a pair or a folder's index shows it.
        let (en, d) = kept(&["Web.de.md", "Web.md"], "en");
        assert_eq!(en, ["Web.md <- Web.md"]);
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn a_code_no_list_knows_is_a_language_beside_a_known_one() {
        // Hugo's Relearn docs: `.pir.md` (its pirate translation) beside `.en.md`; the
        // pirate pages were published as pages of their own (`_index-pir/`).
        let names = [
            "_index.en.md",
            "_index.pir.md",
            "a/b.en.md",
            "a/b.pir.md",
            "a/c.pir.md",
        ];
        let (en, d) = kept(&names, "en");
        assert_eq!(en, ["_index.md <- _index.en.md", "a/b.md <- a/b.en.md"]);
        // Once a pair shows the code, a page written only in it is left out too.
        assert_eq!(d.len(), 1);
        assert!(d
            .iter()
            .any(|d| d.message.contains("3 translations into `pir`")));
        // Alone, or beside an untranslated file, three letters stay a name.
        let (en, d) = kept(&["notes.md", "notes.old.md", "x.abc.md"], "en");
        assert_eq!(en.len(), 3, "{en:?}");
        assert!(d.is_empty());
        // Two letters no list knows too: Redox's site writes Czech as `.cz.md` and
        // Japanese as `.jp.md` beside `.en.md`; they were published as English pages.
        let names = ["home.en.md", "home.cz.md", "home.jp.md", "faq.jp.md"];
        let (en, d) = kept(&names, "en");
        assert_eq!(en, ["home.md <- home.en.md"]);
        assert!(d
            .iter()
            .any(|d| d.message.contains("2 translations into `jp`")));
        let (en, d) = kept(&["app.md", "app.js.md"], "en");
        assert_eq!(en.len(), 2, "{en:?}");
        assert!(d.is_empty());
    }

    #[test]
    fn tags_compare_as_one_language_only_within_their_own() {
        assert!(same_language("en", "en-gb"));
        assert!(same_language("pt-br", "pt"));
        assert!(!same_language("zh-hant", "zh-hans"));
        assert_eq!(
            split_code(Path::new("a/b.pt_BR.md"), "en"),
            Some((PathBuf::from("a/b.md"), "pt-br".into()))
        );
        assert_eq!(split_code(Path::new("a/b.org.md"), "en"), None);
        // A three-letter code only when it is the site's own.
        assert_eq!(split_code(Path::new("b.fil.md"), "en"), None);
        assert!(split_code(Path::new("b.fil.md"), "fil").is_some());
        let (en_gb, _) = kept(&["p.md", "p.en.md", "p.en-gb.md"], "en-GB");
        assert_eq!(en_gb, ["p.md <- p.en-gb.md"]);
    }
}
