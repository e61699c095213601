//! What a template expression `{{ … }}` is in a site's content, by the tool the site
//! was written for.

/// What a template expression `{{ … }}` (not a Hugo shortcode) is in a site's content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Expressions {
    /// Another tool's template (Liquid, Tera in a template): reported, left out.
    #[default]
    Template,
    /// Text, as an Obsidian vault or a Quartz garden shows it (a message template's
    /// `{{1}}`, a prompt's `{{user_input}}`). `dataview`: whether the vault may run
    /// Dataview, whose inline queries (`` `= this.name` ``) are then answered; not
    /// when its settings list the plugins it runs and Dataview is none of them.
    Vault { dataview: bool },
    /// Text, as Hugo and Zola show it: neither runs templates in content (a page
    /// explaining Go templates writes `{{ . }}`); Zola's shortcode calls
    /// (`{{ youtube(id="…") }}`) are still shortcodes.
    Text,
    /// A Logseq graph: a vault, whose `{{embed [[Page]]}}`, `{{video …}}` and the
    /// like are Logseq's macros (see `logseq.rs`), other `{{ … }}` text.
    Logseq,
    /// An MkDocs site (see `load/mkdocs.rs`), whose mkdocstrings' `::: package.module`
    /// lines are its (see `admonitions.rs`): as `Template` when it runs
    /// mkdocs-macros-plugin; without it MkDocs shows `{{ … }}` and `{% … %}` as
    /// written (MkDocs' own release notes write `{{ base_url }}/img/favicon.ico`), so
    /// they are text. `autorefs`: whether a reference with no definition may be
    /// mkdocs-autorefs' cross-reference (see `material.rs`); without it Python-Markdown
    /// shows `[a][b]` as written. `ids`: how its headings' ids are made, as
    /// Python-Markdown's toc extension makes them (see `toc_ids.rs`). `abbr`:
    /// whether it reads abbreviations (see `abbreviations.rs`).
    MkDocs {
        macros: bool,
        autorefs: bool,
        ids: crate::load::mkdocs::TocIds,
        abbr: bool,
    },
    /// A VitePress or VuePress site (see `load/vitepress.rs`): Vue's `{{ … }}` runs in
    /// its pages, reported as a template's; markdown-it-attrs' lines (`{#id}`) are
    /// read as Goldmark's are.
    Vue,
    /// A Docusaurus site whose `.md` pages are MDX (see `load/docusaurus.rs`): their
    /// `import` lines and components are read as an `.mdx` file's (see `mdx.rs`), and
    /// `{{ … }}` as elsewhere.
    Mdx,
    /// A Jekyll site (see `load/jekyll.rs`): Liquid runs in its pages, so its tags are
    /// reported as a template's are, but for the page links it writes in addresses
    /// (`{% link a.md %}`, `{{ site.baseurl }}`: see `page_link.rs`).
    Liquid,
}

impl Expressions {
    /// Whether the notes are a vault's (Obsidian's, Quartz's, Logseq's), read with its
    /// wikilinks, embeds, comments and tasks.
    pub fn vault(self) -> bool {
        matches!(self, Expressions::Vault { .. } | Expressions::Logseq)
    }

    /// Whether inline code starting with `=` is a Dataview query (see `dataview/`).
    pub fn dataview(self) -> bool {
        matches!(
            self,
            Expressions::Vault { dataview: true } | Expressions::Logseq
        )
    }

    /// How an MkDocs site whose content folder is `dir` reads them: with templates
    /// where it runs mkdocs-macros-plugin, with cross-references where it runs
    /// mkdocs-autorefs (see `load/mkdocs.rs`), with headings' ids as its toc
    /// extension makes them.
    pub fn mkdocs_site(dir: &std::path::Path) -> Self {
        Expressions::MkDocs {
            macros: crate::load::mkdocs::runs_macros(dir),
            autorefs: crate::load::mkdocs::reads_cross_references(dir),
            ids: crate::load::mkdocs::toc_ids(dir),
            abbr: crate::load::mkdocs::reads_abbreviations(dir),
        }
    }

    /// Whether a reference link with no definition (`[text][label]`) is
    /// mkdocs-autorefs' cross-reference: on an MkDocs site that runs it.
    pub fn autorefs(self) -> bool {
        matches!(self, Expressions::MkDocs { autorefs: true, .. })
    }

    /// Whether `*[HTML]: Hyper Text Markup Language` defines an abbreviation: kramdown
    /// reads them on a Jekyll site, Python-Markdown where an MkDocs site lists `abbr`.
    pub fn abbreviations(self) -> bool {
        matches!(
            self,
            Expressions::Liquid | Expressions::MkDocs { abbr: true, .. }
        )
    }

    /// Whether the pages are an MkDocs site's, read with Python-Markdown's blocks.
    pub fn mkdocs(self) -> bool {
        matches!(self, Expressions::MkDocs { .. })
    }
}
