//! Checks on `book.toml` that its types cannot express: ids that must be URL segments
//! and unique, dialable safety links, numbers in range, an absolute `base_url`; and
//! toml's own errors turned into diagnostics that suggest the nearest key.

use super::spans::{key_start, start, Spans};
use super::Config;
use crate::diagnostic::{nearest, Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use std::path::Path;

impl Config {
    /// Pushes what is wrong with this config, read from `text`, into `problems`.
    /// Sets each topic's [`super::Topic::at`]: its `id` in `book.toml`.
    pub(super) fn locate_topics(&mut self, text: &str, file: &Path) {
        let spans = Spans::of(text);
        for (topic, span) in self.topics.iter_mut().zip(&spans.topics) {
            let (line, column) = line_col(text, start(&span.id));
            topic.at = Some((file.to_path_buf(), line, column));
        }
    }

    pub(super) fn validate(&self, text: &str, file: &Path, problems: &mut Diagnostics) {
        let spans = Spans::of(text);
        let at = |offset: usize| line_col(text, offset);
        // The n-th item's value, as the parser saw it.
        fn nth<T>(items: &[T], n: usize, value: impl Fn(&T) -> usize) -> usize {
            items.get(n).map_or(0, value)
        }
        if self.site.title.trim().is_empty() {
            let (l, c) = at(key_start(text, &spans.site.title));
            problems.push(
                Diagnostic::error(Code::Config, "`site.title` must not be empty").at(file, l, c),
            );
        }
        let mut seen = std::collections::BTreeMap::new();
        for (n, topic) in self.topics.iter().enumerate() {
            let (l, c) = at(nth(&spans.topics, n, |t| start(&t.id)));
            if !is_slug(&topic.id) {
                problems.push(
                    Diagnostic::error(
                        Code::Config,
                        format!("topic id '{}' is not a valid URL segment", topic.id),
                    )
                    .at(file, l, c)
                    .help("use lowercase letters, digits and hyphens"),
                );
            }
            if let Some(&(l1, c1)) = seen.get(topic.id.as_str()) {
                problems.push(
                    Diagnostic::error(
                        Code::Config,
                        format!("topic '{}' is declared twice", topic.id),
                    )
                    .at(file, l, c)
                    .related(file, l1, c1, "the first declaration"),
                );
            } else {
                seen.insert(topic.id.as_str(), (l, c));
            }
        }
        let mut seen = std::collections::BTreeMap::new();
        for (n, relation) in self.relations.iter().enumerate() {
            let (l, c) = at(nth(&spans.relations, n, |r| start(&r.name)));
            if let Some(&(l1, c1)) = seen.get(relation.name.as_str()) {
                problems.push(
                    Diagnostic::error(
                        Code::Config,
                        format!("relation '{}' is declared twice", relation.name),
                    )
                    .at(file, l, c)
                    .related(file, l1, c1, "the first declaration"),
                );
            } else {
                seen.insert(relation.name.as_str(), (l, c));
            }
        }
        let mut seen = std::collections::BTreeMap::new();
        for (n, block) in self.safety.blocks.iter().enumerate() {
            let block_spans = spans.safety.blocks.get(n);
            let (l, c) = at(block_spans.map_or(0, |b| start(&b.id)));
            if !is_slug(&block.id) {
                problems.push(
                    Diagnostic::error(
                        Code::Config,
                        format!("safety block id '{}' is not a valid id", block.id),
                    )
                    .at(file, l, c)
                    .help("use lowercase letters, digits and hyphens, e.g. `domestic-abuse`"),
                );
            }
            if let Some(&(l1, c1)) = seen.get(block.id.as_str()) {
                problems.push(
                    Diagnostic::error(
                        Code::Config,
                        format!("safety block '{}' is declared twice", block.id),
                    )
                    .at(file, l, c)
                    .related(file, l1, c1, "the first declaration"),
                );
            } else {
                seen.insert(block.id.as_str(), (l, c));
            }
            for (k, link) in block.links.iter().enumerate() {
                let href = link.href.trim().to_ascii_lowercase();
                let allowed = ["tel:", "sms:", "mailto:", "https://", "http://"];
                if !allowed.iter().any(|p| href.starts_with(p)) {
                    let (l, c) =
                        at(block_spans.map_or(0, |b| nth(&b.links, k, |h| start(&h.href))));
                    problems.push(
                        Diagnostic::error(
                            Code::Config,
                            format!(
                                "safety block '{}' links to '{}', which a reader cannot dial or open",
                                block.id, link.href
                            ),
                        )
                        .at(file, l, c)
                        .help("use `tel:`, `sms:`, `mailto:` or an `https://` address"),
                    );
                }
            }
        }
        // Numbers out of range would silently wrap dates, disable checks (NaN) or
        // print nonsense ("44 min read" from a zero): refused where they are written.
        let mut range =
            |key: &str, written: &super::spans::At, ok: bool, value: String, allowed: &str| {
                if !ok {
                    let (l, c) = at(key_start(text, written));
                    problems.push(
                        Diagnostic::error(
                            Code::Config,
                            format!("`{key}` is {value}; it must be {allowed}"),
                        )
                        .at(file, l, c),
                    );
                }
            };
        let months = self.review.interval_months;
        range(
            "interval_months",
            &spans.review.interval_months,
            (1..=120).contains(&months),
            months.to_string(),
            "a whole number of months from 1 to 120",
        );
        let wpm = self.readability.words_per_minute;
        range(
            "words_per_minute",
            &spans.readability.words_per_minute,
            (50..=1000).contains(&wpm),
            wpm.to_string(),
            "from 50 to 1000",
        );
        let grade = self.readability.max_grade;
        range(
            "max_grade",
            &spans.readability.max_grade,
            grade.is_finite() && (0.0..=30.0).contains(&grade),
            grade.to_string(),
            "a grade from 0 to 30",
        );
        let weights = &self.related;
        for (key, written, weight) in [
            ("tags", &spans.related.tags, weights.tags),
            ("relations", &spans.related.relations, weights.relations),
            ("citations", &spans.related.citations, weights.citations),
            ("links", &spans.related.links, weights.links),
        ] {
            range(
                key,
                written,
                weight.is_finite() && (0.0..=1000.0).contains(&weight),
                weight.to_string(),
                "a weight from 0 to 1000",
            );
        }
        range(
            "count",
            &spans.related.count,
            weights.count <= 100,
            weights.count.to_string(),
            "at most 100",
        );
        let root = Path::new(&self.build.include_root);
        if root.is_absolute() || root.has_root() || self.build.include_root.is_empty() {
            let (l, c) = at(key_start(text, &spans.build.include_root));
            problems.push(
                Diagnostic::error(
                    Code::Config,
                    format!(
                        "`build.include_root` '{}' must be a folder relative to book.toml's",
                        self.build.include_root
                    ),
                )
                .at(file, l, c)
                .help("name the folder includes may read from book.toml's folder: \".\" (the default) or \"..\" for the one above it"),
            );
        }
        for (i, written) in self.build.downloads.iter().enumerate() {
            let ext = written.trim_start_matches('.').to_ascii_lowercase();
            let why = if ext.is_empty()
                || !ext
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._-+~".contains(c))
            {
                "is not a file extension".to_string()
            } else if matches!(ext.as_str(), "md" | "markdown" | "mdx") {
                format!("attune publishes `.{ext}` files as pages, not downloads")
            } else {
                continue;
            };
            let (l, c) = at(nth(&spans.build.downloads, i, start));
            problems.push(
                Diagnostic::error(
                    Code::Config,
                    format!("`build.downloads` lists '{written}': {why}"),
                )
                .at(file, l, c)
                .help("list the extensions of files published as downloads on purpose, such as \"ipynb\" or \"org\""),
            );
        }
        for (i, pattern) in self.build.exclude.iter().enumerate() {
            if let Some(why) = exclude_problem(pattern) {
                let (l, c) = at(nth(&spans.build.exclude, i, start));
                problems.push(
                    Diagnostic::error(
                        Code::Config,
                        format!("`build.exclude` pattern '{pattern}' does not read: {why}"),
                    )
                    .at(file, l, c)
                    .help("write patterns as in .gitignore, relative to the content folder: \"private\", \"/templates\", \"journal/**\", \"*.draft.md\""),
                );
            }
        }
        if let Some(url) = &self.site.base_url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                let (l, c) = at(key_start(text, &spans.site.base_url));
                problems.push(
                    Diagnostic::error(
                        Code::Config,
                        format!("`site.base_url` '{url}' is not an absolute http(s) URL"),
                    )
                    .at(file, l, c),
                );
            }
        }
    }
}

/// What is wrong with one pattern of `[build] exclude`, if anything: an empty one,
/// one that is only a comment in `.gitignore` terms, or a glob that does not read.
pub fn exclude_problem(pattern: &str) -> Option<String> {
    if pattern.trim().is_empty() {
        return Some("an empty pattern leaves nothing out".into());
    }
    if pattern.starts_with('#') {
        return Some("a pattern starting with `#` is a comment in .gitignore terms and leaves nothing out (write `\\#` for a name starting with `#`)".into());
    }
    let path = pattern.trim().trim_start_matches('!');
    if path
        .split(['/', '\\'])
        .any(|part| part == ".." || part == ".")
    {
        return Some("a `..` or `.` part names no path: patterns match paths below the content folder, as written from it".into());
    }
    let bytes = path.as_bytes();
    if path.starts_with('~')
        || (bytes.len() > 2
            && bytes[0].is_ascii_alphabetic()
            && bytes[1] == b':'
            && matches!(bytes[2], b'/' | b'\\'))
    {
        return Some("a path from a home or drive folder names nothing below the content folder, where patterns match".into());
    }
    let mut builder = ignore::gitignore::GitignoreBuilder::new("");
    match builder.add_line(None, pattern) {
        Ok(_) => None,
        Err(e) => Some(glob_error(&e)),
    }
}

/// The glob's own complaint, without the error's wrapping.
fn glob_error(e: &ignore::Error) -> String {
    let text = e.to_string();
    match text.split_once("': ") {
        Some((_, why)) => why.to_string(),
        None => text,
    }
}

/// Lowercase letters, digits and single hyphens: safe as a path segment everywhere.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !s.starts_with('-')
}

/// Turns a toml error into a diagnostic at its position, suggesting the nearest key
/// when the problem is an unknown one.
pub(super) fn toml_diagnostic(error: &toml::de::Error, text: &str, file: &Path) -> Diagnostic {
    let (line, column) = error
        .span()
        .map_or((0, 0), |span| line_col(text, span.start));
    let message = error.message().trim().to_string();
    let mut diagnostic = Diagnostic::error(Code::Config, message.clone()).at(file, line, column);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let wrong = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest
            .split_once("expected")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        diagnostic.message = format!("unknown key `{wrong}` in {}", file.display());
        diagnostic = match nearest(wrong, expected.iter().copied()) {
            Some(best) => diagnostic.help(format!("did you mean `{best}`?")),
            None if !expected.is_empty() => {
                diagnostic.help(format!("valid keys here: {}", expected.join(", ")))
            }
            None => diagnostic,
        };
    }
    diagnostic
}

/// Whether `url`'s host is a documentation placeholder (`example.org`, `example.com`,
/// `example.net` and their subdomains, or a reserved `.example`, `.test`, `.invalid`
/// or `.localhost` name): an address that leads nowhere once printed or shared.
pub fn is_placeholder_url(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host
        .split(':')
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    ["example.org", "example.com", "example.net"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || ["example", "test", "invalid", "localhost"]
            .iter()
            .any(|t| host == *t || host.ends_with(&format!(".{t}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let mut diagnostics = crate::diagnostic::Diagnostics::new();
        Config::parse(text, Path::new("book.toml"), &mut diagnostics)
            .ok_or_else(|| diagnostics.into_vec())
    }

    #[test]
    fn numbers_are_range_checked_where_written() {
        for (table, key, value) in [
            ("review", "interval_months", "4294967295"),
            ("review", "interval_months", "0"),
            ("readability", "words_per_minute", "0"),
            ("readability", "words_per_minute", "100000"),
            ("readability", "max_grade", "nan"),
            ("readability", "max_grade", "inf"),
            ("readability", "max_grade", "-3.0"),
            ("related", "tags", "nan"),
            ("related", "links", "-1.0"),
            ("related", "count", "1000000"),
        ] {
            let text = format!("[site]\ntitle = \"T\"\n\n[{table}]\n{key} = {value}\n");
            let errors = parse(&text).unwrap_err();
            assert_eq!(errors.len(), 1, "{key} = {value}: {errors:?}");
            assert!(errors[0].message.contains(key), "{}", errors[0].message);
            assert_eq!(
                (errors[0].line, errors[0].column),
                (5, 1),
                "{key} = {value}"
            );
        }
        let ok = "[site]\ntitle = \"T\"\n[review]\ninterval_months = 12\n[readability]\nwords_per_minute = 250\nmax_grade = 9.5\n";
        assert!(parse(ok).is_ok());
        // A negative number of months does not even parse into the unsigned field.
        assert!(parse("[site]\ntitle = \"T\"\n[review]\ninterval_months = -5\n").is_err());
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let errors = parse("[site]\ntitle = \"T\"\ndescripton = \"x\"\n").unwrap_err();
        assert_eq!(errors[0].message, "unknown key `descripton` in book.toml");
        assert_eq!(
            errors[0].help.as_deref(),
            Some("did you mean `description`?")
        );
        assert_eq!((errors[0].line, errors[0].column), (3, 1));
    }

    #[test]
    fn safety_blocks_are_checked() {
        let config = parse(
            "[site]\ntitle = \"T\"\n[[safety.blocks]]\nid = \"domestic-abuse\"\ntitle = \"If you are not safe at home\"\nlinks = [{ label = \"Call\", href = \"tel:08082000247\" }]\n",
        )
        .unwrap();
        assert_eq!(
            config.safety_block("domestic-abuse").unwrap().links[0].href,
            "tel:08082000247"
        );
        let errors = parse(
            "[site]\ntitle = \"T\"\n[[safety.blocks]]\nid = \"a\"\ntitle = \"A\"\nlinks = [{ label = \"x\", href = \"javascript:alert(1)\" }]\n[[safety.blocks]]\nid = \"a\"\ntitle = \"B\"\n",
        )
        .unwrap_err();
        assert!(errors.iter().any(|e| e.message.contains("cannot dial")));
        assert!(errors.iter().any(|e| e.message.contains("declared twice")));
    }

    #[test]
    fn duplicate_topics_are_errors() {
        let errors = parse(
            "[site]\ntitle = \"T\"\n[[topics]]\nid = \"a\"\ntitle = \"A\"\n[[topics]]\nid = \"a\"\ntitle = \"B\"\n",
        )
        .unwrap_err();
        assert!(errors[0].message.contains("declared twice"));
    }

    #[test]
    fn a_duplicate_topic_is_reported_at_the_second_with_the_first_related() {
        // The id also appears earlier in a comment and a title: only the parser knows
        // where each declaration is.
        let text = "# \"anxiety\" first\n[site]\ntitle = \"anxiety\"\n\n[[topics]]\nid = \"anxiety\"\ntitle = \"A\"\n\n[[topics]]\nid  =  \"anxiety\"\ntitle = \"B\"\n";
        let found = parse(text).unwrap_err();
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0];
        assert_eq!(d.message, "topic 'anxiety' is declared twice");
        assert_eq!((d.line, d.column), (10, 8));
        assert_eq!(
            d.related,
            [crate::diagnostic::Related {
                file: std::path::PathBuf::from("book.toml"),
                line: 6,
                column: 6,
                message: "the first declaration".into(),
            }]
        );
    }

    #[test]
    fn values_are_reported_where_they_are_written() {
        let text = "# interval_months and base_url in a comment\n[site]\ntitle = \"T\"\nbase_url = \"ftp://x\"\n\n[review]\ninterval_months = 0\n\n[[relations]]\nname = \"helps\"\nlabel = \"a\"\ninverse_label = \"b\"\n\n[[relations]]\nname = \"helps\"\nlabel = \"c\"\ninverse_label = \"d\"\n\n[[safety.blocks]]\nid = \"Bad Id\"\ntitle = \"t\"\nlinks = [{ label = \"x\", href = \"javascript:x\" }]\n";
        let found = parse(text).unwrap_err();
        let at = |start: &str| {
            let d = found
                .iter()
                .find(|d| d.message.starts_with(start))
                .unwrap_or_else(|| panic!("{start}: {found:?}"));
            (d.line, d.column)
        };
        assert_eq!(at("`site.base_url`"), (4, 1));
        assert_eq!(at("`interval_months`"), (7, 1));
        assert_eq!(at("relation 'helps'"), (15, 8));
        assert_eq!(at("safety block id"), (20, 6));
        assert_eq!(at("safety block 'Bad Id' links"), (22, 32));
    }
}
