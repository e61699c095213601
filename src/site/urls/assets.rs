//! The files the site publishes as they are (the content folder's, then the static
//! folder's, see `load`), claimed in the URL table after the pages.
//!
//! Two files whose names differ only in letter case or Unicode form would be one file
//! on a case-insensitive disk or host. When their bytes are the same (a repository that
//! holds `OneCart.png` and `onecart.png`, one image added twice), that is no clash: one
//! is published, and links to either name lead to it without a word.

use super::{Kind, Owner, UrlTable};
use crate::diagnostic::Diagnostics;
use crate::site::Site;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

impl Site {
    /// Claims the content and static files in [`Site::assets`], leaving out the ones a
    /// page or attune's own file stands in the way of (with a warning) and the copies
    /// of a file claimed already (see [`Site::copies`]).
    pub(super) fn claim_assets(&mut self, table: &mut UrlTable, diagnostics: &mut Diagnostics) {
        // The content folder's files, then the static folder's (see `load`).
        let (mut not_published, mut left_out) = (Vec::new(), Vec::new());
        // Each file claimed so far, by its folded path: its own path and file.
        let mut claimed = HashMap::new();
        let mut copies = Vec::new();
        for asset in &self.assets {
            let file = self.asset_file(asset);
            let what = match asset.from {
                crate::load::AssetFolder::Content => format!("the content file '{}'", asset.path()),
                crate::load::AssetFolder::Static => {
                    format!(
                        "the static file '{}'",
                        file.to_string_lossy().replace('\\', "/")
                    )
                }
                crate::load::AssetFolder::DefaultAssets => format!(
                    "the file '{}' (Hugo's assets folder)",
                    file.to_string_lossy().replace('\\', "/")
                ),
                crate::load::AssetFolder::Mount(i) => {
                    format!(
                        "the file '{}' (mounted at '{}')",
                        file.to_string_lossy().replace('\\', "/"),
                        self.config.mounts[i].target.get_ref().trim()
                    )
                }
            };
            let owner = Owner::content(what, &file, 0, 0);
            let content = matches!(asset.from, crate::load::AssetFolder::Content);
            match table.left_out_file(&asset.path(), &owner, content) {
                Some(warning) => {
                    not_published.push(warning);
                    left_out.push(asset.path());
                }
                None if self.copy_of_claimed(asset, &file, &claimed) => copies.push(asset.path()),
                None => {
                    if table.claim(&asset.path(), Kind::File, owner, diagnostics) {
                        claimed.insert(super::fold(&asset.path()), (asset.path(), file));
                    }
                }
            }
        }
        diagnostics.extend(not_published);
        left_out.extend(copies.iter().cloned());
        if !left_out.is_empty() {
            self.assets
                .retain(|asset| !left_out.contains(&asset.path()));
        }
        self.copies = copies.into_iter().map(|p| crate::text::nfc(&p)).collect();
    }

    /// Whether `asset` (on disk at `file`) has the bytes of a file claimed already
    /// whose path differs from its own only after folding.
    fn copy_of_claimed(
        &self,
        asset: &crate::load::Asset,
        file: &Path,
        claimed: &HashMap<String, (String, PathBuf)>,
    ) -> bool {
        let path = asset.path();
        claimed
            .get(&super::fold(&path))
            .is_some_and(|(other, other_file)| {
                *other != path && crate::load::same_bytes(file, other_file)
            })
    }
}
