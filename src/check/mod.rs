//! `attune check`: every validation the build makes, plus the ones a publisher wants
//! before release — orphans, overdue reviews, readability, alt text, vanished URLs,
//! edits not recorded in `changes:` — and the reports a clinical lead signs off from.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::Date;
use crate::site::Site;
use anyhow::{Context as _, Result};
use std::path::Path;

mod report;
pub use report::{readability_report, reviews_report, ReportFormat};

/// Warns when `base_url` is a placeholder address (`example.org`, `*.example`, …):
/// handouts print it and its QR code, canonical links and feeds name it, and none of
/// them would lead anywhere. `root` holds the book.toml the warning points into.
pub fn check_base_url(root: &Path, config: &crate::config::Config, diagnostics: &mut Diagnostics) {
    let Some(url) = config.site.base_url.as_deref() else {
        return;
    };
    if !crate::config::is_placeholder_url(url) {
        return;
    }
    let text = std::fs::read_to_string(root.join(crate::config::FILE_NAME)).unwrap_or_default();
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            let at = l.find("base_url")?;
            l[..at].trim().is_empty().then_some((i + 1, at + 1))
        })
        .unwrap_or((1, 1));
    diagnostics.push(
        Diagnostic::warning(
            Code::PlaceholderBaseUrl,
            format!("`site.base_url` '{url}' is a placeholder address: printed handouts, their QR codes, feeds and canonical links would point nowhere"),
        )
        .at(Path::new(crate::config::FILE_NAME), line, column)
        .help("set base_url to the address the site will be published at"),
    );
}

/// Publication checks on a modelled site; reviews are overdue relative to `today`.
pub fn check_site(site: &Site, today: Date, diagnostics: &mut Diagnostics) {
    for i in site.orphans() {
        let a = &site.articles[i];
        // A blog's posts link to few others (the Rust blog: 358 of them): a folder's
        // many orphans are one warning, naming a few. A page bundle's `index.md` is in
        // the folder that holds its own.
        let bundle = a.rel.file_stem().is_some_and(|s| s == "index");
        let folder = (a.rel.parent())
            .and_then(|p| if bundle { p.parent() } else { Some(p) })
            .map(|p| p.to_string_lossy().replace('\\', "/"));
        diagnostics.push(
            Diagnostic::warning(Code::Orphan, format!("'{}' is an orphan: no article links to it, no relation or reading path includes it", a.slug))
                .in_file(&a.path)
                .help("link to it from an article a reader would come from, or add it to a reading path")
                .family(format!("orphans in `{}/`", folder.unwrap_or_default())),
        );
    }
    let max_grade = site.config.readability.max_grade;
    for a in &site.articles {
        if a.topic.is_none() {
            continue;
        }
        // Both measures against the one target: the formulas are English ones, so
        // other languages are not measured (and not warned about).
        if a.parsed.stats.words >= 100 && a.readability_measured(&site.config) {
            // One warning an article, naming each measure above the target.
            let above: Vec<String> = [("Flesch–Kincaid", a.grade()), ("SMOG", a.smog())]
                .into_iter()
                .filter(|&(_, grade)| grade > max_grade)
                .map(|(measure, grade)| format!("{measure} grade {grade:.1}"))
                .collect();
            let verb = if above.len() > 1 { "are" } else { "is" };
            if !above.is_empty() {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::Readability,
                        format!("{} {verb} above the target of {max_grade}", above.join(" and ")),
                    )
                    .in_file(&a.path)
                    .help("shorter sentences and everyday words (fewer of three syllables or more) bring the grade down"),
                );
            }
        }
        let mut without_alt: Vec<Diagnostic> = a
            .parsed
            .images_without_alt
            .iter()
            .map(|&(line, column)| {
                Diagnostic::warning(Code::MissingAlt, "image has no alt text")
                    .at(&a.path, line, column)
                    // A site written elsewhere may leave every image undescribed
                    // (76 in 0xn3va's cheat sheets): one fix, however often met.
                    .family("images without alt text")
                    .help("describe the image in the brackets: ![a calm lake at dawn](lake.jpg)")
            })
            .collect();
        // An image in text the article includes: where that text is written.
        site.place_included(&mut without_alt);
        for d in without_alt {
            diagnostics.push(d);
        }
        let review = a.review(&site.config);
        if let (true, Some(due)) = (review.overdue(today), review.next) {
            // At `review:`, or the legacy key that gave the date.
            let spans = a.front_spans();
            let (l, c) = ["review", "next_review", "last_reviewed", "reviewed_by"]
                .iter()
                .find_map(|k| spans.key(&[crate::load::Step::key(k)]))
                .unwrap_or((1, 1));
            diagnostics.push(
                Diagnostic::warning(
                    Code::ReviewOverdue,
                    format!("review of '{}' was due on {due}", a.slug),
                )
                .at(&a.path, l, c)
                .help("have the article reviewed again, then update `review.date` (and `review.next`)"),
            );
        }
    }
    diagnostics.group_repeats();
}

/// Today's date (UTC), the default `today` for `attune check`.
pub fn today() -> Date {
    let now = time::OffsetDateTime::now_utc().date();
    Date {
        year: now.year(),
        month: u32::from(u8::from(now.month())),
        day: u32::from(now.day()),
    }
}

/// Every URL in an old `urls.json` that now neither exists nor redirects, and every
/// article whose text changed since then without a new `changes:` entry.
pub fn check_against(
    old_manifest: &Path,
    site: &Site,
    diagnostics: &mut Diagnostics,
) -> Result<()> {
    let text = std::fs::read_to_string(old_manifest)
        .with_context(|| format!("reading {}", old_manifest.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a urls.json manifest", old_manifest.display()))?;
    let old = value["urls"]
        .as_array()
        .with_context(|| format!("{} has no \"urls\" list", old_manifest.display()))?;
    for url in old.iter().filter_map(|u| u.as_str()) {
        let url = url.trim_start_matches('/');
        let path = match url.ends_with(".html") {
            true => url.to_string(),
            false => format!("{url}index.html"),
        };
        if !site.urls.get(&path).is_some_and(|e| {
            matches!(
                e.kind,
                crate::site::UrlKind::Page | crate::site::UrlKind::Redirect
            )
        }) {
            diagnostics.push(
                Diagnostic::error(Code::VanishedUrl, format!("published URL '/{url}' no longer exists"))
                    .in_file(old_manifest)
                    .help("add it to the `aliases` of the article that replaced it, so shared links keep working"),
            );
        }
    }
    // Manifests from before version 2 hold no article hashes: nothing to compare.
    if let Some(articles) = value["articles"].as_object() {
        let by_url: std::collections::HashMap<&str, usize> = site
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.url.as_str(), i))
            .collect();
        for (url, old) in articles {
            let Some(&i) = by_url
                .get(url.as_str())
                .or_else(|| site.aliases.get(url.as_str()))
            else {
                continue;
            };
            let a = &site.articles[i];
            let (Some(old_hash), Some(old_count)) = (old["hash"].as_str(), old["changes"].as_u64())
            else {
                continue;
            };
            if old_hash == format!("fnv1a64:{:016x}", a.body_hash) {
                continue;
            }
            let old_last = old["last_change"].as_str().and_then(Date::parse);
            let new_last = a.front.changes.iter().map(|c| c.date).max();
            let recorded = a.front.changes.len() as u64 > old_count || new_last > old_last;
            if !recorded {
                let (l, c) = a.front_key(&["changes"]);
                diagnostics.push(
                    Diagnostic::warning(
                        Code::UnrecordedChange,
                        format!(
                            "the text of '{}' changed since {}, but `changes:` has no new entry",
                            a.slug,
                            old_manifest.display()
                        ),
                    )
                    .at(&a.path, l, c)
                    .help("add `- { date: YYYY-MM-DD, summary: what changed }` under `changes:`, so readers can see what changed and when"),
                );
            }
        }
    }
    Ok(())
}
