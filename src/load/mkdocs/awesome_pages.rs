//! mkdocs-awesome-pages-plugin's `.pages` files, on an MkDocs site whose mkdocs.yml
//! lists the plugin (`plugins: - awesome-pages`) and gives no `nav`: each folder's
//! file orders and titles the pages and folders in it, as the plugin builds MkDocs'
//! navigation from them.
//!
//! A file is YAML: `nav` (or `arrange`, its older name, which puts what it leaves out
//! after it) lists the folder's entries by file or folder name, in order, `...`
//! standing for the rest (`... | glob` for those of the rest whose name matches);
//! an entry `Title: name` titles a page or a folder, `Title: https://…` is a link (no
//! page), `Title: [entries]` a section whose entries keep their places. What a `nav`
//! without `...` leaves out is not in the navigation. `title` titles the folder
//! itself (over the title its parent's entry gives it), `hide: true` takes it and
//! everything in it out of the navigation, and `order: asc|desc` with `sort_type:
//! natural` and `ignore_case` sort its entries by name (the plugin's options in
//! mkdocs.yml are every folder's defaults); without them a folder lists its pages by
//! name, its `index.md` first, then its folders, as MkDocs does.

use super::super::folder_labels::FolderLabel;
use serde_yaml::Value;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The plugin's options in mkdocs.yml, each folder's defaults.
#[derive(Debug, Clone, Default)]
pub(super) struct Options {
    /// The name of the files read: `.pages` unless `filename` says otherwise.
    filename: String,
    sorting: Sorting,
}

/// How a folder's entries are sorted by name: `order`, `sort_type` and `ignore_case`.
#[derive(Debug, Clone, Copy, Default)]
struct Sorting {
    /// `Some(true)` for `order: desc`, `Some(false)` for `asc`.
    descending: Option<bool>,
    natural: bool,
    ignore_case: bool,
}

impl Sorting {
    /// `over`'s settings, each where it gives one, else these.
    fn with(self, over: &Value) -> Self {
        let word = |key: &str| over.get(key).and_then(Value::as_str);
        Sorting {
            descending: match word("order") {
                Some("desc") => Some(true),
                Some("asc") => Some(false),
                _ => self.descending,
            },
            natural: word("sort_type").map_or(self.natural, |s| s == "natural"),
            ignore_case: (over.get("ignore_case").and_then(Value::as_bool))
                .unwrap_or(self.ignore_case),
        }
    }
}

/// The plugin's options when mkdocs.yml's `settings` run it (`- awesome-pages`, or
/// with options) and give no `nav`, which the plugin then leaves as it is.
pub(super) fn options(settings: &Value) -> Option<Options> {
    if settings.get("nav").is_some() {
        return None;
    }
    let named = super::names(settings.get("plugins")).contains(&"awesome-pages");
    if !named {
        return None;
    }
    let given = match settings.get("plugins") {
        Some(Value::Sequence(items)) => items.iter().find_map(|i| i.get("awesome-pages")),
        Some(plugins) => plugins.get("awesome-pages"),
        None => None,
    };
    let given = given.cloned().unwrap_or(Value::Null);
    Some(Options {
        filename: (given.get("filename").and_then(Value::as_str))
            .unwrap_or(".pages")
            .to_string(),
        sorting: Sorting::default().with(&given),
    })
}

/// The navigation the `.pages` files of the content folder `dir` give its `pages`
/// (paths from `dir`).
#[derive(Debug, Default, PartialEq)]
pub(super) struct Arrangement {
    /// The pages in the navigation, in its order, each with the title an entry gives it.
    pub listed: Vec<(PathBuf, Option<String>)>,
    /// Each folder in the navigation, with its title and its place among the pages.
    pub folders: Vec<(PathBuf, FolderLabel)>,
}

/// Pages and folders below one folder.
#[derive(Default)]
struct Folder<'a> {
    pages: Vec<&'a Path>,
    folders: BTreeMap<String, Folder<'a>>,
}

/// One entry of a folder: a page (by its path) or a folder (by its name).
#[derive(Clone, Copy, PartialEq)]
enum Item<'a> {
    Page(&'a Path),
    Folder(&'a str),
}

impl Item<'_> {
    /// Its name in its folder, as `nav` names it.
    fn name(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Item::Page(path) => path.file_name().unwrap_or_default().to_string_lossy(),
            Item::Folder(name) => (*name).into(),
        }
    }
}

/// Arranges `pages` as the `.pages` files below `dir` say (see the module's note).
pub(super) fn arrange(dir: &Path, pages: &[&Path], options: &Options) -> Arrangement {
    let mut root = Folder::default();
    for page in pages {
        let mut folder = &mut root;
        for part in page.parent().into_iter().flat_map(Path::components) {
            let name = part.as_os_str().to_string_lossy().into_owned();
            folder = folder.folders.entry(name).or_default();
        }
        folder.pages.push(page);
    }
    let mut out = Arrangement::default();
    walk(dir, Path::new(""), &root, None, options, &mut out);
    out
}

/// Adds the folder `rel` (`folder`) to `out`: its label, with `title` from its parent's
/// entry, then its entries in order, each folder's after it.
fn walk(
    dir: &Path,
    rel: &Path,
    folder: &Folder,
    title: Option<String>,
    options: &Options,
    out: &mut Arrangement,
) {
    let meta = read_meta(&dir.join(rel).join(&options.filename));
    let top = rel.as_os_str().is_empty();
    // The plugin reads neither `hide` nor `title` at the top.
    if !top {
        if meta.get("hide").and_then(Value::as_bool) == Some(true) {
            return;
        }
        let own = meta
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_string);
        let label = FolderLabel {
            title: own.or(title),
            order: Some(out.listed.len() as i64 + 1),
            index: None,
        };
        out.folders.push((rel.to_path_buf(), label));
    }
    let mut items = default_order(folder);
    sort(&mut items, options.sorting.with(&meta));
    let nav = match (meta.get("nav"), meta.get("arrange")) {
        (Some(Value::Sequence(nav)), _) => Some(entries(nav)),
        (None, Some(Value::Sequence(arrange))) => {
            let mut nav = entries(arrange);
            if !nav.contains(&Entry::Rest(Rest::All)) {
                nav.push(Entry::Rest(Rest::All));
            }
            Some(nav)
        }
        _ => None,
    };
    let arranged = match nav {
        Some(nav) => by_nav(&nav, &items),
        None => items.into_iter().map(|item| (item, None)).collect(),
    };
    for (item, title) in arranged {
        match item {
            Item::Page(path) => out.listed.push((path.to_path_buf(), title)),
            Item::Folder(name) => {
                if let Some(sub) = folder.folders.get(name) {
                    walk(dir, &rel.join(name), sub, title, options, out);
                }
            }
        }
    }
}

/// A folder's `.pages` file, or nothing when it has none or it is no YAML.
fn read_meta(file: &Path) -> Value {
    let text = file
        .is_file()
        .then(|| std::fs::read_to_string(file).ok())
        .flatten();
    text.and_then(|t| serde_yaml::from_str(&t).ok())
        .unwrap_or(Value::Null)
}

/// MkDocs' order of a folder's entries: its pages by name, its index first, then its
/// folders by name.
fn default_order<'a>(folder: &'a Folder) -> Vec<Item<'a>> {
    let mut pages = folder.pages.clone();
    pages.sort_by_cached_key(|page| {
        let stem = page.file_stem().unwrap_or_default().to_string_lossy();
        (stem != "index" && stem != "README", page.to_path_buf())
    });
    let folders = folder.folders.keys().map(|name| Item::Folder(name));
    pages.into_iter().map(Item::Page).chain(folders).collect()
}

/// Sorts `items` by name as `sorting` asks, pages and folders together; as they are
/// when it asks for nothing.
fn sort(items: &mut [Item], sorting: Sorting) {
    if sorting.descending.is_none() && !sorting.natural {
        return;
    }
    let key = |item: &Item| match sorting.ignore_case {
        true => item.name().to_lowercase(),
        false => item.name().into_owned(),
    };
    items.sort_by(|a, b| {
        let (a, b) = (key(a), key(b));
        let order = match sorting.natural {
            true => natural(&a, &b),
            false => a.cmp(&b),
        };
        match sorting.descending {
            Some(true) => order.reverse(),
            _ => order,
        }
    });
}

/// Natural order: runs of digits compared as numbers (`page2` before `page10`).
fn natural(a: &str, b: &str) -> Ordering {
    let runs = |s: &str| -> Vec<(bool, String)> {
        let mut runs: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let digit = c.is_ascii_digit();
            match runs.last_mut() {
                Some((d, run)) if *d == digit => run.push(c),
                _ => runs.push((digit, c.to_string())),
            }
        }
        runs
    };
    for (x, y) in runs(a).iter().zip(runs(b).iter()) {
        let order = match (x, y) {
            ((true, x), (true, y)) => {
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                x.len().cmp(&y.len()).then_with(|| x.cmp(y))
            }
            ((true, _), (false, _)) => Ordering::Less,
            ((false, _), (true, _)) => Ordering::Greater,
            ((false, x), (false, y)) => x.cmp(y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    runs(a).len().cmp(&runs(b).len()).then_with(|| a.cmp(b))
}

/// One entry of a `nav` list.
#[derive(Debug, PartialEq)]
enum Entry {
    /// A file or folder by its name, with the title given it.
    Name(String, Option<String>),
    /// `...`: the entries not named, or those of them its filter takes.
    Rest(Rest),
}

/// Which entries a `...` takes.
#[derive(Debug, PartialEq)]
enum Rest {
    All,
    /// Those whose name matches the glob.
    Glob(String),
    /// Those whose name matches a regular expression, which attune does not read:
    /// none, so they go to the `...` that takes all.
    Regex,
}

/// The entries of a `nav` list, a section's (`Title: [entries]`) in its place.
fn entries(nav: &[Value]) -> Vec<Entry> {
    let mut out = Vec::new();
    for value in nav {
        match value {
            Value::String(s) => out.push(match rest(s) {
                Some(rest) => Entry::Rest(rest),
                None => Entry::Name(s.clone(), None),
            }),
            Value::Mapping(map) if map.len() == 1 => {
                let Some((Some(title), value)) = map.iter().next().map(|(k, v)| (k.as_str(), v))
                else {
                    continue;
                };
                match value {
                    Value::String(name) => out.push(Entry::Name(name.clone(), Some(title.into()))),
                    Value::Sequence(items) => out.extend(entries(items)),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    out
}

/// `...`, or `... | pattern` (`... | flat | glob=pattern`): the rest, with the glob
/// it is filtered by, as the plugin reads it: any entry starting `...` is one.
fn rest(entry: &str) -> Option<Rest> {
    let after = entry.strip_prefix("...")?.trim_start();
    let Some(filter) = after.strip_prefix('|') else {
        return Some(Rest::All);
    };
    let filter = filter.trim_start();
    let filter = match filter.strip_prefix("flat").map(str::trim_start) {
        Some("") => return Some(Rest::All),
        Some(more) if more.starts_with('|') => more[1..].trim_start(),
        _ => filter,
    };
    Some(match filter.strip_prefix("regex=") {
        Some(_) => Rest::Regex,
        None => Rest::Glob(filter.strip_prefix("glob=").unwrap_or(filter).to_string()),
    })
}

/// `items` in the order `nav` gives them, each with the title its entry gives it: an
/// entry naming no item is a link or a name the folder lacks, and takes no place; an
/// item neither named nor in a rest is left out.
fn by_nav<'a>(nav: &[Entry], items: &[Item<'a>]) -> Vec<(Item<'a>, Option<String>)> {
    let named: Vec<Option<usize>> = (nav.iter())
        .map(|entry| match entry {
            Entry::Name(name, _) => items.iter().position(|i| i.name() == name.as_str()),
            Entry::Rest(_) => None,
        })
        .collect();
    // Each item not named goes to the first rest with a pattern it matches, else to
    // the rest without one.
    let mut rests: BTreeMap<usize, Vec<Item>> = BTreeMap::new();
    let all = nav.iter().rposition(|e| *e == Entry::Rest(Rest::All));
    for (i, item) in items.iter().enumerate() {
        if named.contains(&Some(i)) {
            continue;
        }
        let pattern = nav.iter().position(|e| match e {
            Entry::Rest(Rest::Glob(glob)) => crate::config::page_glob(glob, &item.name()),
            _ => false,
        });
        if let Some(at) = pattern.or(all) {
            rests.entry(at).or_default().push(*item);
        }
    }
    let mut out = Vec::new();
    for (at, entry) in nav.iter().enumerate() {
        match (entry, named[at]) {
            (Entry::Name(_, title), Some(i)) => out.push((items[i], title.clone())),
            (Entry::Rest(_), _) => {
                let rest = rests.remove(&at).unwrap_or_default();
                out.extend(rest.into_iter().map(|item| (item, None)));
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rest_entries_are_read_with_their_filters() {
        assert_eq!(rest("..."), Some(Rest::All));
        assert_eq!(rest("... | flat"), Some(Rest::All));
        assert_eq!(
            rest("... | flat | intro-*.md"),
            Some(Rest::Glob("intro-*.md".into()))
        );
        assert_eq!(
            rest("...|glob=page-*.md"),
            Some(Rest::Glob("page-*.md".into()))
        );
        assert_eq!(rest("... | regex=page-[0-9]+.md"), Some(Rest::Regex));
        assert_eq!(rest("page.md"), None);
    }

    #[test]
    fn natural_order_compares_numbers_as_numbers() {
        let mut names = vec!["page10.md", "page2.md", "Page1.md", "page02b.md"];
        names.sort_by(|a, b| natural(a, b));
        assert_eq!(names, ["Page1.md", "page2.md", "page02b.md", "page10.md"]);
    }

    #[test]
    fn nav_orders_titles_and_leaves_out_what_it_does_not_name() {
        let (a, b, c) = (Path::new("a.md"), Path::new("b.md"), Path::new("c.md"));
        let items = [
            Item::Page(a),
            Item::Page(b),
            Item::Page(c),
            Item::Folder("sub"),
        ];
        let nav: Vec<Value> = serde_yaml::from_str(
            "- Last: c.md\n- Site: https://example.org\n- ... | *.md\n- Group:\n    - sub\n",
        )
        .unwrap();
        let got = by_nav(&entries(&nav), &items);
        let want = [
            (Item::Page(c), Some("Last".to_string())),
            (Item::Page(a), None),
            (Item::Page(b), None),
            (Item::Folder("sub"), None),
        ];
        assert!(got == want);
        let nav: Vec<Value> = serde_yaml::from_str("- b.md\n").unwrap();
        assert!(by_nav(&entries(&nav), &items) == [(Item::Page(b), None)]);
    }
}
