//! Runs the browser suite in `tests/browser/` (real headless Chromium) when Chromium
//! and the suite's npm packages are present. Without them the test passes but says so
//! loudly; with `ATTUNE_REQUIRE_BROWSER=1` (set in CI) a skip is a failure.

use std::path::Path;
use std::process::Command;

#[test]
fn browser_suite() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let required = std::env::var("ATTUNE_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let missing = if !Path::new(&chromium).exists() {
        Some(format!("Chromium not found at {chromium}"))
    } else if !dir.join("node_modules/playwright-core").exists() {
        Some("npm packages not installed (run `npm ci` in tests/browser)".into())
    } else if Command::new("node").arg("--version").output().is_err() {
        Some("node not found".into())
    } else {
        None
    };
    if let Some(reason) = missing {
        // Written to the stderr handle itself: the test harness captures `eprintln!`
        // from passing tests, and this must be seen.
        let banner = "!".repeat(72);
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("\n{banner}\nBROWSER TESTS SKIPPED: {reason}\n{banner}\n").as_bytes(),
        );
        assert!(
            !required,
            "browser tests are required (ATTUNE_REQUIRE_BROWSER=1) but were skipped: {reason}"
        );
        return;
    }
    let status = Command::new("node")
        .args(["--test", "--test-concurrency=1"])
        .current_dir(&dir)
        .env("ATTUNE_BIN", env!("CARGO_BIN_EXE_attune"))
        .env("CHROMIUM", &chromium)
        .status()
        .expect("running node");
    assert!(status.success(), "browser suite failed");
}
