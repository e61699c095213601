//! `attune check`: every validation the build makes, plus the ones a publisher wants
//! before release — orphans, overdue reviews, readability, alt text, vanished URLs.

use crate::diagnostic::Diagnostic;
use crate::load::Date;
use crate::site::Site;
use anyhow::{Context as _, Result};
use std::collections::BTreeSet;
use std::path::Path;

/// Publication checks on a modelled site.
pub fn check_site(site: &Site, today: Option<Date>, diagnostics: &mut Vec<Diagnostic>) {
    for i in site.orphans() {
        let a = &site.articles[i];
        diagnostics.push(
            Diagnostic::warning("orphan", format!("'{}' is an orphan: no article links to it, no relation or reading path includes it", a.slug))
                .in_file(&a.path)
                .help("link to it from an article a reader would come from, or add it to a reading path"),
        );
    }
    let max_grade = site.config.readability.max_grade;
    for a in &site.articles {
        if a.topic.is_none() {
            continue;
        }
        let grade = a.grade();
        if a.parsed.stats.words >= 100 && grade > max_grade {
            diagnostics.push(
                Diagnostic::warning(
                    "readability",
                    format!("reading grade {grade:.1} is above the target of {max_grade}"),
                )
                .in_file(&a.path)
                .help("shorter sentences and everyday words bring the grade down"),
            );
        }
        for &(line, column) in &a.parsed.images_without_alt {
            diagnostics.push(
                Diagnostic::warning("missing-alt", "image has no alt text")
                    .at(&a.path, line, column)
                    .help("describe the image in the brackets: ![a calm lake at dawn](lake.jpg)"),
            );
        }
        if let Some(today) = today {
            match a.front.last_reviewed {
                None => diagnostics.push(
                    Diagnostic::warning(
                        "review-missing",
                        format!("'{}' has no review date", a.slug),
                    )
                    .in_file(&a.path)
                    .help("add `last_reviewed: YYYY-MM-DD` once the article has been reviewed"),
                ),
                Some(last) => {
                    let due = a
                        .front
                        .next_review
                        .unwrap_or_else(|| last.add_months(site.config.review.interval_months));
                    if due < today {
                        diagnostics.push(
                            Diagnostic::warning(
                                "review-overdue",
                                format!("review of '{}' was due on {due}", a.slug),
                            )
                            .in_file(&a.path)
                            .help("review the article, then update `last_reviewed`"),
                        );
                    }
                }
            }
        }
    }
}

/// Every article's words, Flesch–Kincaid grade and reading time, as an aligned table
/// or as JSON.
pub fn readability_report(site: &Site, json: bool) -> String {
    let wpm = site.config.readability.words_per_minute;
    let mut rows: Vec<(&str, &str, usize, f64, usize)> = site
        .articles
        .iter()
        .map(|a| {
            let stats = &a.parsed.stats;
            (
                a.slug.as_str(),
                a.title.as_str(),
                stats.words,
                a.grade(),
                stats.reading_minutes(wpm),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    if json {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|(slug, title, words, grade, minutes)| {
                serde_json::json!({"slug": slug, "title": title, "words": words, "grade": (grade * 10.0).round() / 10.0, "minutes": minutes})
            })
            .collect();
        return serde_json::to_string_pretty(&items).unwrap_or_default() + "\n";
    }
    let width = rows
        .iter()
        .map(|r| r.0.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let max = site.config.readability.max_grade;
    let mut out = format!(
        "{:<width$}  {:>6}  {:>5}  {:>7}\n",
        "slug", "words", "grade", "minutes"
    );
    for (slug, _, words, grade, minutes) in &rows {
        let flag = if *grade > max { "  above target" } else { "" };
        out.push_str(&format!(
            "{slug:<width$}  {words:>6}  {grade:>5.1}  {minutes:>7}{flag}\n"
        ));
    }
    let total: usize = rows.iter().map(|r| r.2).sum();
    let mean = if rows.is_empty() {
        0.0
    } else {
        rows.iter().map(|r| r.3).sum::<f64>() / rows.len() as f64
    };
    out.push_str(&format!(
        "{} articles, {total} words, mean grade {mean:.1} (target {max})\n",
        rows.len()
    ));
    out
}

/// Every URL in an old `urls.json` that now neither exists nor redirects.
pub fn check_against(
    old_manifest: &Path,
    new_urls: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<()> {
    let text = std::fs::read_to_string(old_manifest)
        .with_context(|| format!("reading {}", old_manifest.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a urls.json manifest", old_manifest.display()))?;
    let old = value["urls"]
        .as_array()
        .with_context(|| format!("{} has no \"urls\" list", old_manifest.display()))?;
    for url in old.iter().filter_map(|u| u.as_str()) {
        if !new_urls.contains(url) {
            diagnostics.push(
                Diagnostic::error("vanished-url", format!("published URL '/{url}' no longer exists"))
                    .in_file(old_manifest)
                    .help("add it to the `aliases` of the article that replaced it, so shared links keep working"),
            );
        }
    }
    Ok(())
}

/// The URLs a build of `site` would publish (pages and redirects), without rendering.
pub fn published_urls(site: &Site) -> BTreeSet<String> {
    let mut urls: BTreeSet<String> = site.articles.iter().map(|a| a.url.clone()).collect();
    urls.insert(String::new());
    urls.insert("404/".into());
    urls.insert("tags/".into());
    urls.insert("search/".into());
    urls.insert("privacy/".into());
    if site.help_article().is_none() {
        urls.insert(crate::site::HELP_URL.into());
    }
    if site.config.safety.quick_exit {
        urls.insert("quick-exit/".into());
    }
    if site
        .articles
        .iter()
        .any(|a| a.front.handout && a.topic.is_some())
    {
        urls.insert("handouts/".into());
    }
    for t in &site.config.topics {
        urls.insert(format!("{}/", t.id));
    }
    for slug in site.tags.keys() {
        urls.insert(format!("tags/{slug}/"));
    }
    if !site.glossary.is_empty() {
        urls.insert("glossary/".into());
    }
    if !site.references.is_empty() {
        urls.insert("references/".into());
    }
    if !site.paths.is_empty() {
        urls.insert("paths/".into());
        for p in &site.paths {
            urls.insert(format!("paths/{}/", p.source.id));
        }
    }
    if site.relations_out.iter().any(|r| !r.is_empty()) {
        urls.insert("map/".into());
    }
    urls.extend(site.aliases.keys().cloned());
    urls
}
