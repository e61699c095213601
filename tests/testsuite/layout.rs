//! The source layout's rules, read from `src/`: the leaf modules import nothing above
//! them, and each stage imports nothing of the stages after it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

/// The top-level modules the code of `files` names as `crate::X` (in `use` lines or
/// paths; comments and the `#[cfg(test)]` module at a file's end not counted).
fn imports(files: &[PathBuf]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            let mut rest = line;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                let names: Vec<&str> = match rest.strip_prefix('{') {
                    // `crate::{a, b::c}`: each first segment.
                    Some(group) => group
                        .split('}')
                        .next()
                        .unwrap_or("")
                        .split(',')
                        .map(|p| p.trim().split("::").next().unwrap_or(""))
                        .collect(),
                    None => vec![rest
                        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                        .next()
                        .unwrap_or("")],
                };
                found.extend(
                    names
                        .into_iter()
                        .filter(|n| !n.is_empty())
                        .map(String::from),
                );
            }
        }
    }
    found
}

fn module_files(name: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let file = src.join(format!("{name}.rs"));
    let dir = src.join(name);
    let mut files = if dir.is_dir() {
        sources(&dir)
    } else {
        Vec::new()
    };
    if file.is_file() {
        files.push(file);
    }
    assert!(!files.is_empty(), "no module {name}");
    files
}

#[test]
fn leaf_modules_import_nothing_above_them() {
    for (leaf, allowed) in [
        ("text", &[][..]),
        ("hash", &[][..]),
        ("marks", &[][..]),
        ("url", &["marks"][..]),
        ("theme", &[][..]),
        ("script_json", &[][..]),
        ("suggest", &[][..]),
    ] {
        let imported = imports(&module_files(leaf));
        let above: Vec<_> = imported
            .iter()
            .filter(|m| !allowed.contains(&m.as_str()))
            .collect();
        assert!(above.is_empty(), "{leaf} imports {above:?}");
    }
}

#[test]
fn markdown_imports_no_later_stage() {
    let imported = imports(&module_files("markdown"));
    for later in [
        "site", "render", "output", "serve", "search", "check", "cli",
    ] {
        assert!(
            !imported.contains(later),
            "markdown imports {later}: {imported:?}"
        );
    }
}

/// The pipeline runs one way: config → load → markdown → site → search → render (which
/// folds words as the search index does); `output` is the sink they write into and
/// knows none of them.
#[test]
fn each_stage_imports_no_stage_after_it() {
    const LATER: &[&str] = &["serve", "check", "cli"];
    for (stage, later) in [
        (
            "config",
            &["load", "markdown", "site", "search", "render", "output"][..],
        ),
        ("load", &["markdown", "site", "search", "render"][..]),
        ("site", &["search", "render"][..]),
        ("search", &["render"][..]),
        ("render", &[][..]),
        (
            "output",
            &["config", "load", "markdown", "site", "search", "render"][..],
        ),
    ] {
        let imported = imports(&module_files(stage));
        for name in later.iter().chain(LATER).filter(|&&l| l != stage) {
            assert!(
                !imported.contains(*name),
                "{stage} imports {name}, a later stage: {imported:?}"
            );
        }
    }
}

#[test]
fn the_import_reader_sees_grouped_and_inline_paths() {
    let dir = std::env::temp_dir().join(format!("attune-layout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("x.rs");
    std::fs::write(
        &file,
        "use crate::{a, b::c};\n// crate::commented\nfn f() { crate::d::e(); }\n#[cfg(test)]\nmod tests {\n    use crate::t;\n}\n",
    )
    .unwrap();
    let found = imports(&[file]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found.into_iter().collect::<Vec<_>>(), ["a", "b", "d"]);
}

#[test]
fn the_top_level_modules_import_each_other_without_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_stem()?.to_str()?.to_string();
            (p.is_dir() || p.extension().is_some_and(|e| e == "rs")).then_some(name)
        })
        .filter(|name| name != "lib" && name != "main")
        .collect();
    modules.sort();
    modules.dedup();
    let edges: Vec<Vec<usize>> = modules
        .iter()
        .map(|m| {
            let imported = imports(&module_files(m));
            (0..modules.len())
                .filter(|&i| modules[i] != *m && imported.contains(&modules[i]))
                .collect()
        })
        .collect();
    // Depth-first search; a module met again while still open closes a cycle.
    fn visit(at: usize, edges: &[Vec<usize>], state: &mut [u8], path: &mut Vec<usize>) -> bool {
        state[at] = 1;
        path.push(at);
        for &next in &edges[at] {
            if state[next] == 1 {
                path.push(next);
                return true;
            }
            if state[next] == 0 && visit(next, edges, state, path) {
                return true;
            }
        }
        path.pop();
        state[at] = 2;
        false
    }
    let mut state = vec![0u8; modules.len()];
    for start in 0..modules.len() {
        let mut path = Vec::new();
        if state[start] == 0 && visit(start, &edges, &mut state, &mut path) {
            let names: Vec<&str> = path.iter().map(|&i| modules[i].as_str()).collect();
            panic!("import cycle: {}", names.join(" → "));
        }
    }
    assert!(modules.len() > 10 && modules.contains(&"markdown".to_string()));
}

/// The part of a source file before its `#[cfg(test)] mod tests`, the code a reader
/// has to hold in mind.
fn code_lines(text: &str) -> usize {
    text.split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or("")
        .lines()
        .count()
}

#[test]
fn no_source_file_is_over_500_lines_besides_its_tests() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long: Vec<String> = sources(&src)
        .into_iter()
        .filter_map(|file| {
            let lines = code_lines(&std::fs::read_to_string(&file).unwrap());
            (lines > 500).then(|| format!("{} ({lines})", file.display()))
        })
        .collect();
    long.sort();
    assert!(long.is_empty(), "over 500 lines besides tests: {long:?}");
    // The count stops at the tests module and counts everything before it.
    let text = format!(
        "{}#[cfg(test)]\nmod tests {{\n{}}}\n",
        "a\n".repeat(3),
        "t\n".repeat(900)
    );
    assert_eq!(code_lines(&text), 3);
    assert_eq!(code_lines(&"x\n".repeat(501)), 501);
}

/// README's "Source layout" names every file and folder under `src/`, and no file that
/// is not there.
#[test]
fn the_readme_source_layout_matches_the_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let start = readme
        .find("\n## Source layout\n")
        .expect("a Source layout section");
    let section = &readme[start + 1..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let src = root.join("src");
    let files = sources(&src);
    let mut missing = Vec::new();
    let mut names = BTreeSet::new();
    for file in &files {
        let name = file.file_name().unwrap().to_str().unwrap().to_string();
        if !section.contains(&format!("`{name}`")) {
            missing.push(file.strip_prefix(&src).unwrap().display().to_string());
        }
        names.insert(name);
        for folder in file.strip_prefix(&src).unwrap().parent().unwrap().iter() {
            let folder = format!("{}/", folder.to_str().unwrap());
            if !section.contains(&folder) {
                missing.push(folder);
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "not in README's Source layout: {missing:?}"
    );
    let stale: Vec<&str> = section
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|quoted| {
            quoted.ends_with(".rs") && !quoted.contains(['/', ' ']) && !names.contains(*quoted)
        })
        .collect();
    assert!(
        stale.is_empty(),
        "README names files not in src/: {stale:?}"
    );
}
