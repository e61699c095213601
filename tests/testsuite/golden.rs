//! Output stability: every byte a build writes is pinned by a digest list in
//! `tests/golden/`, so a change made for speed (or any other reason) that alters the
//! output fails here. Lists are regenerated on purpose with `ATTUNE_BLESS=1 cargo test
//! golden`, and the diff of the list shows which files changed.

use crate::support::{snapshot, Fixture};
use std::path::{Path, PathBuf};

/// FNV-1a, 64 bits: stable across platforms and compiler versions, which a digest
/// committed to the repository needs.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

fn digest_list(dir: &Path) -> String {
    snapshot(dir)
        .iter()
        .filter(|(path, _)| !path.starts_with(".attune-output"))
        .map(|(path, bytes)| {
            format!(
                "{:016x} {:>9} {}\n",
                fnv1a(bytes),
                bytes.len(),
                path.to_string_lossy().replace('\\', "/")
            )
        })
        .collect()
}

#[track_caller]
fn assert_matches_golden(name: &str, dir: &Path) {
    let actual = digest_list(dir);
    let file: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.txt"));
    if std::env::var_os("ATTUNE_BLESS").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("reading {}: {e} (ATTUNE_BLESS=1 writes it)", file.display()));
    if actual != expected {
        let differing: Vec<String> = expected
            .lines()
            .chain(actual.lines())
            .filter(|line| {
                !expected.lines().any(|l| l == *line) || !actual.lines().any(|l| l == *line)
            })
            .map(|line| line.rsplit(' ').next().unwrap_or(line).to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        panic!(
            "output of {name} differs from tests/golden/{name}.txt in: {}\n(if the change is intended, regenerate with ATTUNE_BLESS=1 cargo test golden)",
            differing.join(", ")
        );
    }
}

#[test]
fn fixture_web_edition_is_byte_for_byte_unchanged() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    assert_matches_golden("basic-web", &site.path("public"));
    // A second build over the first writes the same bytes.
    site.build().assert_code(0);
    assert_matches_golden("basic-web", &site.path("public"));
}

#[test]
fn fixture_offline_edition_is_byte_for_byte_unchanged() {
    let site = Fixture::new("basic");
    site.run(&["build", "--offline", "--out", "offline"])
        .assert_code(0);
    assert_matches_golden("basic-offline", &site.path("offline"));
}

#[test]
fn bundled_library_is_byte_for_byte_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(&public)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert_matches_golden("library-web", &public);
}
