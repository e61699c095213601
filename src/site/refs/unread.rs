//! A missing file that sits in a folder attune reads only when told to: Hugo's and
//! Zola's `static/` folder without `[build] static_dir`, or a Hugo theme's
//! `themes/<name>/static`, which Hugo publishes at the site root. The help names the
//! setting that publishes it.

use crate::site::Site;

impl Site {
    /// The help for a missing file at `site_path` (from the site root) found in an
    /// unread folder, if it is in one.
    pub(super) fn unread_folder_help(&self, site_path: &str) -> Option<String> {
        if site_path.is_empty() {
            return None;
        }
        let static_folder = crate::load::STATIC_FOLDER;
        if (self.unread_static.as_ref()).is_some_and(|dir| dir.join(site_path).is_file()) {
            return Some(format!(
                "the file is in {static_folder}/: set `static_dir = \"{static_folder}\"` under [build] in book.toml to publish that folder's files at the site root"
            ));
        }
        let (_, theme) =
            (self.theme_statics.iter()).find(|(dir, _)| dir.join(site_path).is_file())?;
        Some(format!(
            "the file is in {theme}/, a Hugo theme's static folder, which Hugo publishes at the site root: add `[[mounts]]` with `source = \"{theme}\"` and `target = \"static\"` to book.toml to publish it"
        ))
    }
}
