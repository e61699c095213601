//! Just the Docs, the Jekyll documentation theme: the callouts a site's `_config.yml`
//! names (`callouts: { warning: { title: Warning, color: red } }`), which a kramdown
//! class line gives a paragraph or a quote (`{: .warning }`, see
//! `markdown/kramdown_callouts.rs`).

use std::path::Path;

/// A callout a Just the Docs site names: the class that makes a block one, and the
/// title the theme shows above it (none: the block is only coloured).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Callout {
    pub class: String,
    pub title: Option<String>,
}

/// The callouts `_config.yml` names under `callouts:` on the Jekyll site whose source
/// folder is `dir`, in the order written; none on another site.
pub fn callouts(dir: &Path) -> Vec<Callout> {
    let Some(("Jekyll", config)) = super::jekyll::tool(dir) else {
        return Vec::new();
    };
    let settings = super::jekyll::settings(&config);
    let Some(map) = settings.get("callouts").and_then(|c| c.as_mapping()) else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(class, value)| {
            let class = class.as_str()?.to_string();
            let title = value.get("title").and_then(|t| match t {
                serde_yaml::Value::String(s) => Some(s.clone()),
                serde_yaml::Value::Number(n) => Some(n.to_string()),
                _ => None,
            });
            Some(Callout { class, title })
        })
        .collect()
}
