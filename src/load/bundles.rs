//! Hugo's leaf bundles: a folder whose `index.md` is a page (it has no `_index.md`)
//! holds that page's resources, and Hugo reads every file below it as one, Markdown
//! files included: `post/index.md` beside `post/notes.md` is one page, and
//! `notes.md` has no address of its own (a theme may show its text through the
//! page's `.Resources`). Read so only on a Hugo site; Obsidian, Quartz and mdBook
//! write `index.md` as a folder's text over the notes beside it.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// Whether the site is a Hugo site: Hugo's configuration beside the content folder or
/// in the site's folder (`hugo.toml`, `hugo.yaml`, `hugo.json`, `config/_default/`,
/// `config.yaml`, `config.json`, or a `config.toml` without Zola's `base_url`).
pub fn is_hugo(root: &Path, dir: &Path) -> bool {
    let real = dir.canonicalize().ok();
    let found = [
        Some(root),
        dir.parent(),
        real.as_deref().and_then(Path::parent),
    ]
    .into_iter()
    .flatten()
    .any(hugo_config);
    found
}

/// Whether the site is a Hugo site (see [`is_hugo`]) or a Zola one (a `config.toml`
/// or `zola.toml` setting `base_url` in the site's folder or beside the content
/// folder): neither runs templates in content, so `{{ … }}` there is text.
pub fn is_hugo_or_zola(root: &Path, dir: &Path) -> bool {
    is_hugo(root, dir) || is_zola(root, dir)
}

/// Whether Zola's configuration (a `config.toml` or `zola.toml` setting `base_url`) is
/// in the site's folder or beside the content folder.
pub fn is_zola(root: &Path, dir: &Path) -> bool {
    let zola = |folder: &Path| {
        ["config.toml", "zola.toml"].iter().any(|name| {
            std::fs::read_to_string(folder.join(name)).is_ok_and(|text| {
                text.lines()
                    .any(|line| line.trim_start().starts_with("base_url"))
            })
        })
    };
    [Some(root), dir.parent()].into_iter().flatten().any(zola)
}

pub(super) fn hugo_config(folder: &Path) -> bool {
    let named = [
        "hugo.toml",
        "hugo.yaml",
        "hugo.yml",
        "hugo.json",
        "config.yaml",
        "config.yml",
        "config.json",
    ];
    if named.iter().any(|name| folder.join(name).is_file()) {
        return true;
    }
    if folder.join("config").join("_default").is_dir() {
        return true;
    }
    // Zola's `config.toml` must set `base_url`; Hugo's spells it `baseURL`.
    std::fs::read_to_string(folder.join("config.toml")).is_ok_and(|text| {
        !text
            .lines()
            .any(|line| line.trim_start().starts_with("base_url"))
    })
}

/// The address the tool a site comes from gave each page where attune's differs: Hugo's
/// (not Zola's, which makes slugs as attune does) and MkDocs' (see [`keep_addresses`]).
pub(super) fn keep_tool_addresses(
    root: &Path,
    dir: &Path,
    hugo: bool,
    sources: &mut [super::Source],
) {
    if hugo && !is_zola(root, dir) {
        let keep_case = super::hugo_params::keeps_path_case(root, dir);
        keep_addresses(
            sources,
            |p| super::read::hugo_segment(p, keep_case),
            &["index", "_index"],
            "/",
        );
    } else if let Some(settings) = super::mkdocs::site_settings(dir) {
        // MkDocs publishes a page at its path (`CI-CD/gates.md` at `/CI-CD/gates/`), as
        // a file of its name with `use_directory_urls: false` (`/CI-CD/gates.html`).
        let directory_urls = settings
            .get("use_directory_urls")
            .and_then(serde_yaml::Value::as_bool);
        let ending = match directory_urls {
            Some(false) => ".html",
            _ => "/",
        };
        keep_addresses(sources, str::to_string, &["index", "README"], ending);
    }
}

/// The address another tool gave each page where attune's differs (a Hugo folder
/// `v3.6`, whose dot Hugo keeps and attune's slug makes `-`; a file `C++ notes.md`; an
/// MkDocs folder `CI-CD`, whose letter case MkDocs keeps): kept as an old address, as a
/// `slug:`'s is (`FrontMatter::old_address`), so readers' bookmarks and other sites'
/// links still arrive. `segment` is the tool's name for a folder or file, `own` the
/// names of a folder's own page, `ending` what follows the last name (`/`, or `.html`).
/// With `keep_case` (Hugo's `disablePathToLower = true`) Hugo's address keeps the
/// letter case of the path (`Guide/0001.Two-Sum/`), as Hugo publishes it.
fn keep_addresses(
    sources: &mut [super::Source],
    segment: impl Fn(&str) -> String,
    own: &[&str],
    ending: &str,
) {
    for source in sources {
        let front = &mut source.front;
        if front.old_address.is_some() || front.path.is_some() {
            continue;
        }
        let rel = source.rel.with_extension("");
        let mut parts: Vec<String> = (rel.components())
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let is_own = parts.last().is_some_and(|p| own.contains(&p.as_str()));
        if is_own {
            parts.pop();
        }
        let theirs: Vec<String> = parts.iter().map(|p| segment(p)).collect();
        let ours: Vec<String> = parts.iter().map(|p| crate::text::slugify(p)).collect();
        let plain = theirs
            .iter()
            .all(|s| !s.is_empty() && s != "." && s != "..");
        if plain && !theirs.is_empty() && theirs != ours {
            let mut address = theirs.join("/");
            address.push_str(match (ending, is_own) {
                ("/", _) => "/",
                (_, true) => "/index.html",
                (ending, false) => ending,
            });
            front.old_address = Some(address);
        }
    }
}

/// `index.md`, `index.fr.md`, `index.html`: a bundle's own page.
pub(super) fn is_leaf_index(name: &str) -> bool {
    name.starts_with("index.")
}

/// `_index.md`, `_index.fr.md`: a branch bundle's text.
fn is_branch_index(name: &str) -> bool {
    name.starts_with("_index.")
}

fn name_of(rel: &Path) -> &str {
    rel.file_name().and_then(|n| n.to_str()).unwrap_or_default()
}

/// Takes out of `markdown` (full path, path in the content folder) the content files
/// inside a leaf bundle, other than its own `index.md`: each is noted in `held_back`
/// (so a link to it says why it is not there) and each bundle gets one warning, at its
/// first such file.
pub(super) fn leave_out_resources(
    markdown: &mut Vec<(PathBuf, PathBuf)>,
    root: &Path,
    held_back: &mut Vec<(PathBuf, String)>,
    diagnostics: &mut Diagnostics,
) {
    let mut leaves: HashSet<PathBuf> = HashSet::new();
    let mut branches: HashSet<PathBuf> = HashSet::new();
    for (_, rel) in markdown.iter() {
        let Some(folder) = rel.parent().filter(|f| !f.as_os_str().is_empty()) else {
            continue;
        };
        if is_leaf_index(name_of(rel)) {
            leaves.insert(folder.to_path_buf());
        } else if is_branch_index(name_of(rel)) {
            branches.insert(folder.to_path_buf());
        }
    }
    leaves.retain(|folder| !branches.contains(folder));
    beside_sections(markdown, root, &branches, held_back, diagnostics);
    if leaves.is_empty() {
        return;
    }
    // The outermost leaf bundle each file is inside, when it is not that bundle's page.
    let bundle_of = |rel: &Path| -> Option<PathBuf> {
        let outermost = rel
            .ancestors()
            .skip(1)
            .filter(|f| leaves.contains(*f))
            .last()?;
        let own_page = rel.parent() == Some(outermost) && is_leaf_index(name_of(rel));
        (!own_page).then(|| outermost.to_path_buf())
    };
    let mut resources: BTreeMap<PathBuf, Vec<(PathBuf, PathBuf)>> = BTreeMap::new();
    let mut kept = Vec::with_capacity(markdown.len());
    for (full, rel) in markdown.drain(..) {
        match bundle_of(&rel) {
            Some(bundle) => resources.entry(bundle).or_default().push((full, rel)),
            None => kept.push((full, rel)),
        }
    }
    *markdown = kept;
    for (bundle, mut files) in resources {
        files.sort_by(|a, b| a.1.cmp(&b.1));
        let folder = bundle.to_string_lossy().replace('\\', "/");
        for (_, rel) in &files {
            held_back.push((
                rel.clone(),
                format!("is a resource of the leaf bundle `{folder}/` (a content file beside its `index.md`), which Hugo does not publish as a page"),
            ));
        }
        let (full, first) = &files[0];
        let first = first.to_string_lossy().replace('\\', "/");
        let more = match files.len() {
            1 => String::new(),
            2 => " and 1 more".to_string(),
            n => format!(" and {} more", n - 1),
        };
        let (them, are, what) = match files.len() {
            1 => ("it", "it is", "a resource of that page, not as a page"),
            _ => ("them", "they are", "resources of that page, not as pages"),
        };
        diagnostics.push(
            Diagnostic::warning(
                Code::BundleResource,
                format!("{first}{more}: in the leaf bundle `{folder}/` (its page is `index.md`), Hugo reads {them} as {what}, so {are} not published"),
            )
            .at(super::read::display_path(root, full), 1, 1)
            .help(format!("to publish {them} as pages of a section, rename `{folder}/index.md` to `_index.md` (a branch bundle, as Hugo reads it); text a theme showed from {them} on the bundle's page belongs in `index.md`")),
        );
    }
}

/// Takes out of `markdown` each page `x.md` beside a section `x/` of its own text
/// (`x/_index.md`): both would be at one address, where Hugo publishes the section and
/// passes the page over (`--printPathWarnings` names it); a warning says so.
fn beside_sections(
    markdown: &mut Vec<(PathBuf, PathBuf)>,
    root: &Path,
    branches: &HashSet<PathBuf>,
    held_back: &mut Vec<(PathBuf, String)>,
    diagnostics: &mut Diagnostics,
) {
    if branches.is_empty() {
        return;
    }
    markdown.retain(|(full, rel)| {
        let name = name_of(rel);
        let section = rel.with_extension("");
        if is_branch_index(name) || is_leaf_index(name) || !branches.contains(&section) {
            return true;
        }
        let folder = section.to_string_lossy().replace('\\', "/");
        let why = format!("is passed over, as Hugo passes it over: the section `{folder}/` (its `_index.md`) is published at the same address");
        diagnostics.push(
            Diagnostic::warning(
                Code::UrlCollision,
                format!("'{}' {why}", rel.to_string_lossy().replace('\\', "/")),
            )
            .at(super::read::display_path(root, full), 1, 1)
            .help(format!("to publish its text, move it into `{folder}/_index.md`, or rename it")),
        );
        held_back.push((rel.clone(), why));
        false
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(files: &[&str]) -> (Vec<String>, Vec<String>) {
        let mut markdown: Vec<(PathBuf, PathBuf)> = files
            .iter()
            .map(|f| (PathBuf::from("/site/content").join(f), PathBuf::from(f)))
            .collect();
        let mut held = Vec::new();
        let mut diagnostics = Diagnostics::new();
        leave_out_resources(
            &mut markdown,
            Path::new("/site"),
            &mut held,
            &mut diagnostics,
        );
        let kept = markdown
            .iter()
            .map(|(_, r)| r.to_string_lossy().into_owned())
            .collect();
        let held = held
            .iter()
            .map(|(r, _)| r.to_string_lossy().into_owned())
            .collect();
        (kept, held)
    }

    #[test]
    fn files_inside_a_leaf_bundle_are_its_resources() {
        let (kept, held) = run(&[
            "post/index.md",
            "post/notes.md",
            "post/more/deep.md",
            "post/more/index.md",
            "docs/_index.md",
            "docs/index.md",
            "docs/page.md",
            "index.md",
            "about.md",
            "fr/index.fr.md",
            "fr/extra.fr.md",
        ]);
        assert_eq!(
            kept,
            [
                "post/index.md",
                "docs/_index.md",
                "docs/index.md",
                "docs/page.md",
                "index.md",
                "about.md",
                "fr/index.fr.md"
            ]
        );
        assert_eq!(
            held,
            [
                "fr/extra.fr.md",
                "post/more/deep.md",
                "post/more/index.md",
                "post/notes.md"
            ]
        );
    }
}
