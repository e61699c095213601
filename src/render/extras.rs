//! Everything a build writes beside the pages: the theme's assets and stylesheets,
//! the feeds and the manifest, and the files the content and static folders hold.

use super::feeds;
use crate::markdown;
use crate::output::Writer;
use crate::site::Site;
use crate::theme;
use std::path::Path;

/// Everything beside the pages: assets, stylesheets, feeds, manifest, and the content
/// and static folders' files, byte for byte.
/// The sitemap and the manifest list the pages of the site's URL table.
pub fn write_extras(site: &Site, writer: &Writer, root: &Path) {
    let urls = &site.urls.page_urls();
    for (name, text) in theme::ASSETS {
        writer.write(&format!("assets/{name}"), text.as_bytes());
    }
    if let Some(theme) = &site.config.build.theme {
        // The files the URL table claimed for it, read when the model was built.
        let dir = theme::static_dir(root, theme);
        for rel in &site.theme_files {
            writer.copy(&dir.join(rel), &format!("assets/{rel}"));
        }
    }
    writer.write(
        &format!("assets/{}", theme::HIGHLIGHT_CSS),
        markdown::highlight::stylesheet().as_bytes(),
    );
    writer.write("sitemap.xml", feeds::sitemap(site, urls).as_bytes());
    let atom = feeds::atom(site);
    writer.write("atom.xml", atom.as_bytes());
    for name in &site.old_feeds {
        writer.write(name, atom.as_bytes());
    }
    if !site.has_own_robots_txt() {
        writer.write("robots.txt", feeds::robots(site).as_bytes());
    }
    writer.write("urls.json", feeds::manifest(site, urls).as_bytes());
    for asset in &site.assets {
        writer.copy(&root.join(site.asset_file(asset)), &asset.path());
    }
}
