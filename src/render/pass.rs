//! A render pass: the context every page of an edition shares, the editions one
//! render is written as, and in a served folder the keys that skip unchanged pages.

use super::chapters::Entry;
use super::context::{Base, CrisisLink, NavLink, Page, SiteInfo};
use super::Templates;
use crate::diagnostic::Diagnostic;
use crate::output::{Inputs, StableHasher, Writer};
use crate::site::{Dependencies, Site, UrlStyle};
use serde::Serialize;
use serde_json::Value;
use tera::Context;

/// One render of every page, and the editions it is written as: (writer, whether
/// that edition is the offline one). A theme that allows it renders once for both
/// editions (see [`Templates::both_editions`]); otherwise each edition has its own pass.
pub(crate) struct Pass<'a> {
    pub base: Context,
    /// This pass among all made (see [`Pass::with_context`]).
    id: u64,
    pub outputs: Vec<(&'a Writer, bool)>,
    /// In a live (served) folder: the site's dependencies, and the hash of `base`.
    live: Option<(&'a Dependencies, u64)>,
}

impl<'a> Pass<'a> {
    fn new(
        base: Context,
        outputs: Vec<(&'a Writer, bool)>,
        deps: Option<&'a Dependencies>,
    ) -> Self {
        let live = match outputs[..] {
            [(writer, _)] if writer.is_live() => {
                deps.map(|d| (d, json_hash(&base.clone().into_json())))
            }
            _ => None,
        };
        static PASSES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Pass {
            base,
            id: PASSES.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            outputs,
            live,
        }
    }

    /// The live folder this pass writes, with its dependencies, if it writes one.
    pub(super) fn live(&self) -> Option<(&'a Writer, &'a Dependencies, u64)> {
        let (deps, base) = self.live?;
        Some((self.outputs[0].0, deps, base))
    }

    /// In a live folder: the key of a page in this pass, from its key in the
    /// site's dependencies.
    pub(super) fn key(&self, key: impl FnOnce(&Dependencies) -> u64) -> Option<u64> {
        let (_, deps, base) = self.live()?;
        Some(key(deps) ^ base)
    }

    /// Whether the page at `path`, with dependency key `key`, is in a live folder
    /// already and cannot have changed.
    pub(super) fn fresh(&self, path: &str, key: impl FnOnce(&Dependencies) -> u64) -> bool {
        match (self.live(), self.key(key)) {
            (Some((writer, ..)), Some(key)) => writer.fresh_page(path, key),
            _ => false,
        }
    }

    /// The hash of the whole context of `template`: this pass's base and the page's
    /// own `part`, serialised straight into the hasher.
    pub(super) fn context_hash(&self, template: &str, part: &Value) -> u64 {
        let mut h = StableHasher::default();
        h.write_u64(self.live.map_or(0, |(_, base)| base));
        h.debug(&template);
        let _ = serde_json::to_writer(&mut h, part);
        h.finish()
    }

    /// `render` given the whole context: this pass's base with the page's own `part`.
    /// The base is cloned once per thread and pass, not once per page (a vault's 1,121
    /// standalone pages in `pages`, cloned for each of 13,651 pages, were a quarter of
    /// its build); the part's keys are set over it, and taken off again after.
    pub(super) fn with_context<R>(&self, part: &Value, render: impl FnOnce(&Context) -> R) -> R {
        thread_local! {
            static CONTEXT: std::cell::RefCell<Option<(u64, Context)>> =
                const { std::cell::RefCell::new(None) };
        }
        let Value::Object(map) = part else {
            return render(&self.base);
        };
        let keys: Vec<&String> = map.keys().collect();
        CONTEXT.with(|cell| {
            let mut cell = cell.borrow_mut();
            let (_, context) = match cell.take() {
                Some((id, context)) if id == self.id => cell.insert((id, context)),
                _ => cell.insert((self.id, self.base.clone())),
            };
            if let Ok(part) = Context::from_value(part.clone()) {
                context.extend(part);
            }
            let out = render(context);
            for key in keys {
                match self.base.get(key) {
                    Some(value) => context.insert(key.as_str(), value),
                    None => _ = context.remove(key),
                }
            }
            out
        })
    }

    /// Renders `template` with this pass's context plus the page's own `part` (a
    /// [`Page`] as JSON), and writes it as each of the pass's editions, unless a live
    /// folder holds it from the same context already.
    pub(super) fn render(
        &self,
        site: &Site,
        templates: &Templates,
        template: &str,
        path: &str,
        key: impl FnOnce(&Dependencies) -> u64,
        part: &Value,
    ) -> Result<(), Diagnostic> {
        let inputs = self.key(key).map(|key| Inputs {
            key,
            context: self.context_hash(template, part),
        });
        if let (Some(inputs), Some((writer, ..))) = (inputs, self.live()) {
            if writer.unchanged_page(path, inputs) {
                return Ok(());
            }
        }
        let html = self.with_context(part, |context| templates.render(template, context))?;
        for &(writer, offline) in &self.outputs {
            writer.write_here(path, site.style.edition(&html, offline).as_bytes());
        }
        if let (Some(inputs), Some((writer, ..))) = (inputs, self.live()) {
            writer.rendered_page(path, inputs);
        }
        Ok(())
    }
}

/// The stable hash of a JSON value, serialised straight into the hasher.
fn json_hash(value: &Value) -> u64 {
    let mut h = StableHasher::default();
    let _ = serde_json::to_writer(&mut h, value);
    h.finish()
}

/// The passes that render what `writer` takes: its own edition, and the offline one
/// written alongside, if any.
pub(super) fn passes<'a>(
    site: &Site,
    templates: &Templates,
    writer: &'a Writer,
    deps: Option<&'a Dependencies>,
) -> Vec<Pass<'a>> {
    let web_zip = site.urls.contains("offline.zip");
    match writer.offline_edition() {
        Some(offline) if templates.both_editions() => vec![Pass::new(
            base_context(site, site.style.index(), web_zip),
            vec![(writer, false), (offline, true)],
            deps,
        )],
        Some(offline) => vec![
            Pass::new(base_context(site, "", web_zip), vec![(writer, false)], deps),
            Pass::new(
                base_context(site, "index.html", false),
                vec![(offline, true)],
                deps,
            ),
        ],
        None => {
            let offline = site.style == UrlStyle::Offline;
            vec![Pass::new(
                base_context(site, site.style.index(), web_zip && !offline),
                vec![(writer, offline)],
                deps,
            )]
        }
    }
}

/// What every page of a pass sees: `index` is what links to a folder end with
/// (nothing, `index.html`, or the mark for both), and `offline_zip` whether the
/// footer links to `offline.zip`.
fn base_context(site: &Site, index: &str, offline_zip: bool) -> Context {
    let config = &site.config;
    let entries = super::chapters::entries(site);
    let listed = super::chapters::listed(&entries);
    let base = Base {
        site: SiteInfo {
            title: &config.site.title,
            description: &config.site.description,
            language: &config.site.language,
            base_url: config.base_url(),
            publisher: config.site.publisher.as_deref(),
            crisis_text: config.safety.crisis_text.as_deref(),
            emergency_text: config.safety.emergency_text.as_deref(),
            help_url: site.help_url(),
            privacy_url: site.privacy_url(),
            crisis_links: config
                .safety
                .crisis_links
                .iter()
                .map(|l| CrisisLink {
                    label: &l.label,
                    href: &l.href,
                    print: l.print_address(),
                })
                .collect(),
            base_url_is_placeholder: config.base_url_is_placeholder(),
            quick_exit: config.safety.quick_exit,
            quick_exit_url: &config.safety.quick_exit_url,
            disclaimer: config.safety.disclaimer.as_deref(),
            has_glossary: !site.glossary.is_empty(),
            has_references: !site.references.is_empty(),
            has_paths: !site.paths.is_empty(),
            has_map: site.relations_out.iter().any(|r| !r.is_empty()),
            has_handouts: site.has_handouts(),
            offline_zip,
        },
        nav: entries
            .iter()
            .map(|e| match e {
                Entry::Topic(t) => NavLink {
                    title: &config.topics[*t].title,
                    url: format!("{}/", config.topics[*t].id),
                },
                Entry::Chapter(c) => NavLink {
                    title: site.articles[c.article].link_title(),
                    url: site.articles[c.article].url.clone(),
                },
            })
            .collect(),
        pages: site
            .pages
            .iter()
            .filter(|i| !listed.contains(i))
            .map(|&i| NavLink {
                title: &site.articles[i].title,
                url: site.articles[i].url.clone(),
            })
            .collect(),
        index,
    };
    Context::from_serialize(&base).unwrap_or_default()
}

/// A page's own part of its context, as JSON: where it is, what it is called, and
/// the variables of its kind (`own`).
pub(super) fn page<T: Serialize>(site: &Site, url: &str, title: &str, own: T) -> Value {
    page_with(site, url, title, false, own)
}

/// [`page`] for a page that says whether it shows highlighted code.
pub(super) fn page_with<T: Serialize>(
    site: &Site,
    url: &str,
    title: &str,
    has_code: bool,
    own: T,
) -> Value {
    serde_json::to_value(Page {
        root: UrlStyle::root(url),
        url,
        has_code,
        title,
        canonical: site.config.base_url().map(|b| format!("{b}{url}")),
        // Not JSON: an href holds the edition's mark, which the page's writer fills in.
        moved_parts: site.moved_parts.get(url).map(|parts| {
            let leads = parts.iter().map(|(old, to)| {
                let part = to.part.as_deref().map(|p| format!("#{p}"));
                let href = site.style.href(url, &to.url) + part.as_deref().unwrap_or("");
                // Apart at spaces: a space in the old part (or `%`, or any letter
                // beyond ASCII, white ones too) is written as the address escapes it.
                const APART: &percent_encoding::AsciiSet =
                    &percent_encoding::CONTROLS.add(b' ').add(b'%');
                format!(
                    "{} {href}",
                    percent_encoding::utf8_percent_encode(old, APART)
                )
            });
            leads.collect::<Vec<_>>().join(" ")
        }),
        own,
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn seen(context: &Context) -> Value {
        context.clone().into_json()
    }

    #[test]
    fn each_page_sees_the_base_with_its_own_part_and_nothing_of_the_page_before() {
        let base = Context::from_value(json!({"index": "index.html", "pages": [1, 2]})).unwrap();
        let pass = Pass::new(base, Vec::new(), None);
        let first = pass.with_context(&json!({"index": "", "title": "A"}), seen);
        assert_eq!(first, json!({"index": "", "pages": [1, 2], "title": "A"}));
        let second = pass.with_context(&json!({"title": "B"}), seen);
        assert_eq!(
            second,
            json!({"index": "index.html", "pages": [1, 2], "title": "B"})
        );
        // Another pass on the same thread has its own base.
        let other = Pass::new(
            Context::from_value(json!({"pages": []})).unwrap(),
            Vec::new(),
            None,
        );
        assert_eq!(other.with_context(&json!({}), seen), json!({"pages": []}));
        assert_eq!(
            pass.with_context(&json!({"x": 1}), seen),
            json!({"index": "index.html", "pages": [1, 2], "x": 1})
        );
    }
}
