//! Obsidian Excalidraw's drawings. A `.md` file whose front matter says
//! `excalidraw-plugin:` holds a drawing's data (compressed JSON under a notice to
//! switch views), which only the plugin draws: published as it is, its page and every
//! note embedding it (`![[Drawing]]`) would show that notice and headings. Its text is
//! instead the image the plugin exports beside it (its "Auto-export SVG/PNG" setting:
//! `Drawing.svg`, `Drawing.excalidraw.svg`, `Drawing.png`, a `.light.`/`.dark.` pair),
//! as Obsidian shows the drawing; without one it is empty, and one warning names the
//! drawings and the setting. The plugin's own keys (`excalidraw-plugin`,
//! `excalidraw-open-md`, …) are never unknown.

use super::read::{content_hash, Source};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use std::path::Path;

/// How many more drawings without an image are named under the warning.
const LISTED: usize = 3;

/// Gives each Excalidraw drawing among `sources` (files under `dir`) its exported
/// image as its text.
pub(super) fn draw(sources: &mut [Source], dir: &Path, diagnostics: &mut Diagnostics) {
    let mut blank = Vec::new();
    for source in sources.iter_mut() {
        let keys = &mut source.front.unknown_keys;
        if !keys.iter().any(|k| k.name == "excalidraw-plugin") {
            continue;
        }
        keys.retain(|k| !k.name.starts_with("excalidraw-"));
        let name = source.rel.file_stem().unwrap_or_default().to_string_lossy();
        let name = name
            .strip_suffix(".excalidraw")
            .unwrap_or(&name)
            .to_string();
        let folder = dir.join(source.rel.parent().unwrap_or(Path::new("")));
        let image = exported(&folder, &source.rel);
        source.text.truncate(source.body_start);
        match image {
            Some(file) => {
                let alt = name.replace(['[', ']', '\\'], "");
                source.text.push_str(&format!("\n![{alt}](<{file}>)\n"));
            }
            None => blank.push(source.path.clone()),
        }
        source.body_hash = content_hash(source.body());
        source.front.title.get_or_insert(name);
    }
    let Some(first) = blank.first() else {
        return;
    };
    let mut d = Diagnostic::warning(
        Code::MissingFile,
        match blank.len() {
            1 => "this Excalidraw drawing has no exported image beside it: its page and embeds show nothing".to_string(),
            n => format!("{n} Excalidraw drawings have no exported image beside them: their pages and embeds show nothing"),
        },
    )
    .at(first, 1, 1);
    for path in blank.iter().skip(1).take(LISTED) {
        d = d.related(path, 1, 1, "no image beside this one either");
    }
    diagnostics.push(d.help(
        "only the Excalidraw plugin draws its data: turn on its Auto-export SVG (Settings → Excalidraw → Embedding and exporting) and keep the .svg it writes beside the drawing",
    ));
}

/// The file name of the image the Excalidraw plugin exported for the drawing `rel` in
/// `folder`, if there is one.
fn exported(folder: &Path, rel: &Path) -> Option<String> {
    let stem = rel.file_stem()?.to_string_lossy().into_owned();
    // `Plan.excalidraw.md` exports as `Plan.excalidraw.svg` or `Plan.svg`, `Plan.md` as
    // `Plan.svg` or `Plan.excalidraw.svg`.
    let other = match stem.strip_suffix(".excalidraw") {
        Some(short) => short.to_string(),
        None => format!("{stem}.excalidraw"),
    };
    let stems = [stem, other];
    [
        "svg",
        "light.svg",
        "png",
        "light.png",
        "dark.svg",
        "dark.png",
    ]
    .iter()
    .flat_map(|ext| stems.iter().map(move |s| format!("{s}.{ext}")))
    .find(|file| folder.join(file).is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exported_image_is_found_under_each_name_the_plugin_writes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Plan.excalidraw.svg"), "<svg/>").unwrap();
        std::fs::write(dir.path().join("Map.png"), "png").unwrap();
        std::fs::write(dir.path().join("Flow.light.svg"), "<svg/>").unwrap();
        let found = |rel: &str| exported(dir.path(), Path::new(rel));
        assert_eq!(found("Plan.md").as_deref(), Some("Plan.excalidraw.svg"));
        assert_eq!(
            found("Plan.excalidraw.md").as_deref(),
            Some("Plan.excalidraw.svg")
        );
        assert_eq!(found("Map.excalidraw.md").as_deref(), Some("Map.png"));
        assert_eq!(found("Flow.md").as_deref(), Some("Flow.light.svg"));
        assert_eq!(found("Other.md"), None);
    }
}
