//! What loading the content folder gives the later stages: see [`Content`].

use super::{exclude, summary, Asset, GlossaryEntry, ReadingPath, Reference, Source};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Content {
    pub sources: Vec<Source>,
    pub glossary: Vec<GlossaryEntry>,
    pub glossary_file: Option<(PathBuf, String)>,
    /// GitBook's `GLOSSARY.md` (its path from the content folder) when it is read as
    /// the glossary (see [`gitbook_files::read_glossary`]): `glossary_file` then holds
    /// its text, and links to it lead to the glossary page.
    pub glossary_md: Option<PathBuf>,
    pub references: BTreeMap<String, Reference>,
    pub references_file: Option<(PathBuf, String)>,
    pub paths: Vec<ReadingPath>,
    /// Other files, copied as they are: the content folder's, then the static
    /// folder's (`[build] static_dir`).
    pub assets: Vec<Asset>,
    /// The content folder, where `{{#include}}` reads.
    pub dir: PathBuf,
    /// The site's folder, the one holding book.toml: `{{#include}}` reads only files in it.
    pub root: PathBuf,
    /// The theme's static files (see [`crate::theme::static_files`]), filled in by
    /// the caller, which knows the theme.
    pub theme_files: Vec<String>,
    /// mdBook's `SUMMARY.md` at the top of the content folder, read and checked
    /// against the Markdown files there: see [`summary`].
    pub summary: Option<summary::Summary>,
    /// Names and places the site's settings give folders: see [`super::folder_labels`].
    pub folder_labels: BTreeMap<PathBuf, super::folder_labels::FolderLabel>,
    /// Translations into another language than the site's, left out (see
    /// [`languages`]): path from the content folder → language code.
    pub other_language: std::collections::HashMap<PathBuf, String>,
    /// The site's `static/` folder, Hugo's and Zola's (a Docusaurus site's beside its
    /// settings, `website/static/`), when it has one that is not read because
    /// `[build] static_dir` is not set, and its path from the site's folder: a missing
    /// file found there is reported with the setting that publishes it.
    pub unread_static: Option<(PathBuf, String)>,
    /// Hugo's default `assets/` folder's files (paths below it), when no `[[mounts]]`
    /// entry replaces it: published when a page names one (see `walk::default_assets`).
    pub default_assets: Vec<PathBuf>,
    /// The repository's own files beside the notes when the content folder is the
    /// repository (book.toml, a licence, manifests: see [`plumbing`]), paths below
    /// the content folder: published only when a page links to one.
    pub plumbing: Vec<PathBuf>,
    /// The static folders of Hugo themes (`themes/<name>/static`), which Hugo publishes
    /// at the site root and attune reads only when a `[[mounts]]` entry names them:
    /// each as a full path and as book.toml writes it, for a missing file's help.
    pub theme_statics: Vec<(PathBuf, String)>,
    /// What `[build] exclude` leaves out of the content folder: a link to a note
    /// there says so (see [`exclude`]).
    pub exclude: exclude::Exclude,
    /// Only checking (`attune check`): nothing is written, so code blocks are not
    /// highlighted (on a vault of many megabytes of code, most of the time).
    pub plain_code: bool,
    /// Zola's `redirect_to` of a section with no pages (see `zola::section_redirects`):
    /// redirects, read as `[redirects]` entries are.
    pub section_redirects: Vec<crate::config::Entry>,
    /// The rules of the host's `_redirects` file a static site can honour (see
    /// `redirects_file.rs`), read as `[redirects]` entries are.
    pub host_redirects: Vec<crate::config::Entry>,
    /// The folder of GitBook's `structure.readme` when it is below the content folder
    /// (`product` for `product/README.md`): the home page's text, whose relative links
    /// are written from there, as GitBook reads them (see `home.rs`).
    pub readme_folder: Option<String>,
    /// The content folder had a `404.md` at its top (mdBook's not-found page's text),
    /// left out for attune's own not-found page: set by `site`, which leaves it out.
    pub not_found_text: bool,
    /// The content folder is a Docusaurus site's docs (see `docusaurus.rs`).
    pub docusaurus: bool,
}
