//! The stable codes diagnostics carry: what editors, CI and `check --format json`
//! can rely on. Each is listed in the README's "Diagnostic codes" table, and a test
//! keeps the two in step.

use serde::{Serialize, Serializer};

macro_rules! codes {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, )+) => {
        /// What kind of problem a diagnostic reports, printed as a kebab-case string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])+ $variant, )+
        }

        impl Code {
            /// Every code, in the order the README lists them.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The kebab-case name printed in JSON and CSV output (`broken-link`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }
        }
    };
}

codes! {
    /// An address `[redirects]`, `[permalinks]`, `slug:` or `path:` gives a page has a
    /// path segment longer than a file system allows.
    AddressTooLong = "address-too-long",
    /// An alias has a path segment longer than a file system allows.
    AliasTooLong = "alias-too-long",
    /// An embed's file name is answered to by several files.
    AmbiguousFile = "ambiguous-file",
    /// A wikilink's name is answered to by several notes.
    AmbiguousLink = "ambiguous-link",
    /// An alias is not a URL path inside the site, or holds a control character.
    BadAlias = "bad-alias",
    /// A file name is not valid UTF-8.
    BadFileName = "bad-file-name",
    /// A reading path's file name has no letters or digits to make its address from.
    BadPathId = "bad-path-id",
    /// An article's file name gives an empty slug.
    BadSlug = "bad-slug",
    /// A tag has no letters or digits to make its page's address from.
    BadTag = "bad-tag",
    /// A link, image or file address is malformed (a broken %-escape).
    BadUrl = "bad-url",
    /// A link names a heading id the target page does not have.
    BrokenAnchor = "broken-anchor",
    /// A link leads to no article or file of the site, or outside it.
    BrokenLink = "broken-link",
    /// A content file inside a Hugo leaf bundle, beside its `index.md`, is that page's
    /// resource, not a page: not published.
    BundleResource = "bundle-resource",
    /// `book.toml` cannot be read or holds a value that is not allowed.
    Config = "config",
    /// A data file (glossary, references, reading path) cannot be read.
    DataFile = "data-file",
    /// Two files both give one folder its text.
    DuplicateHub = "duplicate-hub",
    /// A heading id is used twice on one page, or is one the page reserves.
    DuplicateId = "duplicate-id",
    /// Two reading paths have one address.
    DuplicatePath = "duplicate-path",
    /// A reference key is defined twice.
    DuplicateReference = "duplicate-reference",
    /// A glossary term is defined twice.
    DuplicateTerm = "duplicate-term",
    /// Embeds go round in a circle.
    EmbedCycle = "embed-cycle",
    /// Embeds inside embeds would show notes' text more times on one page than attune allows.
    EmbedTooMany = "embed-too-many",
    /// The content folder is missing or holds no Markdown article.
    Empty = "empty",
    /// A glossary term is empty.
    EmptyTerm = "empty-term",
    /// Two folders' names would make one address.
    FolderCollision = "folder-collision",
    /// Front matter is not closed, not a mapping, or holds a value of the wrong kind.
    FrontMatter = "front-matter",
    /// A page dated after today, with no `publishDate`, is published now all the same.
    FutureDate = "future-date",
    /// A heading skips a level after the one before it (`#` then `###`): kept as
    /// written, but screen readers' lists of headings and axe's `heading-order` rule
    /// read it as a missing section.
    HeadingSkip = "heading-skip",
    /// An include cannot be read: missing, outside the content folder, not text, too deep.
    Include = "include",
    /// Includes go round in a circle.
    IncludeCycle = "include-cycle",
    /// A `<script>` or `<style>` written in a page will not run under the site's
    /// Content-Security-Policy.
    InlineCode = "inline-code",
    /// A file or folder cannot be read or written.
    Io = "io",
    /// A symbolic link leads into the output folder and is skipped.
    LinkIntoOutput = "link-into-output",
    /// Math cannot be read.
    Math = "math",
    /// A Mermaid diagram is shown as its code.
    Mermaid = "mermaid",
    /// An image has no alt text.
    MissingAlt = "missing-alt",
    /// An image, file or media the page loads does not exist.
    MissingFile = "missing-file",
    /// A wikilink, or a Markdown link to a `.md` file, names a note not written yet.
    MissingNote = "missing-note",
    /// mdBook's `404.md` is not published: attune writes its own not-found page.
    NotFoundPage = "not-found-page",
    /// A content file is a page in another format (AsciiDoc, Org, reStructuredText, a
    /// notebook): published as a file, not as a page.
    NotMarkdown = "not-markdown",
    /// A file holds NUL bytes: it looks binary (a few in text: a warning, shown as
    /// U+FFFD).
    NotText = "not-text",
    /// A file is not valid UTF-8.
    NotUtf8 = "not-utf8",
    /// No article links to an article, and no relation or reading path includes it.
    Orphan = "orphan",
    /// Translations beside a page into another language than the site's are left out.
    OtherLanguage = "other-language",
    /// Markdown files beside a Logseq graph's pages and journals are left out, as
    /// Logseq shows none of them.
    OutsideGraph = "outside-graph",
    /// A relative link leads outside the site, to a page beside it: kept as that address, unchecked.
    OutsideLink = "outside-link",
    /// `site.base_url` is a placeholder address.
    PlaceholderBaseUrl = "placeholder-base-url",
    /// An article's reading grade is above the target.
    Readability = "readability",
    /// A remote image or media will not load under the site's Content-Security-Policy.
    RemoteMedia = "remote-media",
    /// A note at the top of the content folder is named like a page attune writes
    /// itself (`Tags.md`): it is published at the first free address beside it.
    ReservedAddress = "reserved-address",
    /// A review is approved but misses a reviewer, a date or a due date.
    ReviewIncomplete = "review-incomplete",
    /// An approved review is past its due date.
    ReviewOverdue = "review-overdue",
    /// An article is not approved while the site requires approval.
    ReviewRequired = "review-required",
    /// Review fields are set but `review.status` is not.
    ReviewStatusMissing = "review-status-missing",
    /// A link in a file published as it is starts from the site root, so it breaks under a sub-path and offline.
    RootRelative = "root-relative",
    /// An article relates to itself.
    SelfRelation = "self-relation",
    /// A file name gives a slug longer than a file system allows.
    SlugTooLong = "slug-too-long",
    /// `SUMMARY.md` lists a file that does not exist or lies outside the content folder.
    Summary = "summary",
    /// A tag is too long for its page's address.
    TagTooLong = "tag-too-long",
    /// A template cannot be parsed or rendered.
    Template = "template",
    /// A folder of templates (notes holding `{{date}}`, `<% tp.… %>`) that no setting
    /// names is left out.
    TemplatesFolder = "templates-folder",
    /// A theme or one of its templates cannot be found or read.
    Theme = "theme",
    /// A page with no text of its own at the address of a page attune writes itself
    /// (a Hugo theme's `search.md`) is not published.
    ThemePage = "theme-page",
    /// A Markdown file lies more folders deep in the content folder than a site may nest.
    TooDeep = "too-deep",
    /// A reference is cited by no article.
    UncitedReference = "uncited-reference",
    /// A `%%` comment is never closed, or an HTML comment `<!--` not in its block.
    UnclosedComment = "unclosed-comment",
    /// A `<pre>` opening a line is never closed: the rest of its block is raw HTML.
    UnclosedHtml = "unclosed-html",
    /// A glossary term names an unknown article.
    UnknownArticle = "unknown-article",
    /// A citation names an unknown reference key.
    UnknownCitation = "unknown-citation",
    /// Raw HTML names an element HTML does not have (`<username>`): only what it holds
    /// shows.
    UnknownElement = "unknown-element",
    /// A front matter key is unknown and ignored.
    UnknownKey = "unknown-key",
    /// A reading path names an unknown article.
    UnknownPathStep = "unknown-path-step",
    /// A relation is not declared in `book.toml`.
    UnknownRelation = "unknown-relation",
    /// A relation names an unknown article.
    UnknownRelationTarget = "unknown-relation-target",
    /// An article names a safety block `book.toml` does not declare.
    UnknownSafetyBlock = "unknown-safety-block",
    /// A glossary reference names an unknown term.
    UnknownTerm = "unknown-term",
    /// An article names a topic `book.toml` does not declare.
    UnknownTopic = "unknown-topic",
    /// Some notes say `publish: true` and others say nothing, with no `[build] publish`
    /// to say which are meant.
    UnmarkedNotes = "unmarked-notes",
    /// An article's text changed since an earlier build without a new `changes:` entry.
    UnrecordedChange = "unrecorded-change",
    /// Syntax of another generator (Hugo shortcodes, Liquid, mdBook directives) in content.
    UnsupportedSyntax = "unsupported-syntax",
    /// Two pages or files would be published at one URL.
    UrlCollision = "url-collision",
    /// A URL an earlier build published no longer exists.
    VanishedUrl = "vanished-url",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes in the README's "Diagnostic codes" table, in its order.
    fn readme_codes() -> Vec<String> {
        let readme = include_str!("../../README.md");
        let section = readme
            .split("### Diagnostic codes\n")
            .nth(1)
            .expect("README has a \"Diagnostic codes\" section");
        let section = section.split("\n#").next().unwrap_or(section);
        section
            .lines()
            .filter_map(|line| line.strip_prefix("| `"))
            .filter_map(|rest| rest.split_once('`').map(|(code, _)| code.to_string()))
            .collect()
    }

    #[test]
    fn the_readme_lists_exactly_the_codes() {
        let ours: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(readme_codes(), ours);
    }

    #[test]
    fn codes_are_kebab_case_sorted_and_distinct() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
        for name in names {
            assert!(
                !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name}"
            );
        }
    }

    #[test]
    fn codes_serialize_as_their_names() {
        assert_eq!(
            serde_json::to_string(&Code::BrokenLink).unwrap(),
            "\"broken-link\""
        );
        assert_eq!(Code::UrlCollision.to_string(), "url-collision");
    }
}
