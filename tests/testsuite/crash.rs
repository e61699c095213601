//! Crash safety: a build killed at any moment leaves the output folder holding either
//! the complete previous site or the complete new one, and the next build cleans up.

use crate::support::{snapshot, Fixture};
use std::process::Command;
use std::time::{Duration, Instant};

#[cfg(unix)]
#[test]
fn sigkill_at_random_moments_never_leaves_a_partial_site() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let old = site.snapshot("public");
    // The new site differs in every article page, so a mix would show.
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replace("Fixture Library", "Changed Library"),
    );
    let new_site = Fixture::new("basic");
    new_site.write(
        "book.toml",
        book.replace("Fixture Library", "Changed Library"),
    );
    new_site.build().assert_code(0);
    let new = new_site.snapshot("public");
    assert_ne!(old, new);

    // Time a whole build to spread the kills across it.
    let start = Instant::now();
    site.run(&["build", "--out", "timing"]).assert_code(0);
    let whole = start.elapsed().as_micros().max(1000) as u64;
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut outcomes = (0, 0);
    for trial in 0..24 {
        // Restore the old site, then kill a build of the new one part-way.
        if snapshot(&site.path("public")) != old {
            let _ = std::fs::remove_dir_all(site.path("public"));
            site.write("book.toml", book.clone());
            site.build().assert_code(0);
            site.write(
                "book.toml",
                book.replace("Fixture Library", "Changed Library"),
            );
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % (whole + whole / 4));
        let mut child = Command::new(env!("CARGO_BIN_EXE_attune"))
            .arg("build")
            .current_dir(&site.root)
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&site.path("public"));
        if now == old {
            outcomes.0 += 1;
        } else if now == new {
            outcomes.1 += 1;
        } else {
            panic!("trial {trial}: after a kill at {delay:?} the output is neither the old nor the new site");
        }
    }
    eprintln!(
        "24 kills: {} left the previous site, {} the new one",
        outcomes.0, outcomes.1
    );
    // Whatever a killed build left behind, the next build cleans it up.
    site.build().assert_code(0);
    assert_eq!(site.snapshot("public"), new);
    // The folder swapped out is a whole site too, ready to be the next staging folder.
    let spare = site.snapshot(".public.attune-staging");
    assert!(
        spare == new || spare == old,
        "the spare folder is a partial site"
    );
}
