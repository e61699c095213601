//! Reports `attune check --report` prints on standard output: readability, and the
//! governance report a clinical lead signs off from (every article's review status,
//! reviewer, dates, overdue flag, readability and length).

use crate::load::Date;
use crate::review::{last_updated, Review};
use crate::site::{Article, Site};
use serde::Serialize;

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// An aligned table with a summary line.
    Table,
    Json,
    Csv,
}

/// An article's readability: Flesch–Kincaid and SMOG grades for English text,
/// `None` ("not measured") for other languages.
fn grades(site: &Site, a: &Article) -> Option<(f64, f64)> {
    a.readability_measured(&site.config)
        .then(|| (round1(a.grade().max(0.0)), round1(a.smog().max(0.0))))
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[derive(Serialize)]
struct ReadabilityRow<'a> {
    slug: &'a str,
    title: &'a str,
    language: &'a str,
    words: usize,
    /// Flesch–Kincaid grade; `null` when not measured.
    grade: Option<f64>,
    /// SMOG grade; `null` when not measured.
    smog: Option<f64>,
    /// `measured`, or `not measured` for a language the formulas do not fit.
    readability: &'static str,
    minutes: usize,
}

/// Every article's words, Flesch–Kincaid and SMOG grades and reading time.
pub fn readability_report(site: &Site, format: ReportFormat) -> String {
    let wpm = site.config.readability.words_per_minute;
    let mut rows: Vec<ReadabilityRow> = site
        .articles
        .iter()
        .map(|a| {
            let grades = grades(site, a);
            ReadabilityRow {
                slug: &a.slug,
                title: &a.title,
                language: a.language(&site.config),
                words: a.parsed.stats.words,
                grade: grades.map(|g| g.0),
                smog: grades.map(|g| g.1),
                readability: if grades.is_some() {
                    "measured"
                } else {
                    "not measured"
                },
                minutes: a.parsed.stats.reading_minutes(wpm),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.slug.cmp(b.slug));
    let max = site.config.readability.max_grade;
    match format {
        ReportFormat::Json => json(&rows),
        ReportFormat::Csv => {
            let mut out = csv_line(&[
                "slug",
                "title",
                "language",
                "words",
                "fk_grade",
                "smog_grade",
                "minutes",
            ]);
            for r in &rows {
                out.push_str(&csv_line(&[
                    r.slug,
                    r.title,
                    r.language,
                    &r.words.to_string(),
                    &grade_text(r.grade),
                    &grade_text(r.smog),
                    &r.minutes.to_string(),
                ]));
            }
            out
        }
        ReportFormat::Table => {
            let width = rows
                .iter()
                .map(|r| r.slug.chars().count())
                .max()
                .unwrap_or(4)
                .max(4);
            let mut out = format!(
                "{:<width$}  {:>6}  {:>5}  {:>5}  {:>7}\n",
                "slug", "words", "grade", "smog", "minutes"
            );
            for r in &rows {
                let above = r.grade.is_some_and(|g| g > max) || r.smog.is_some_and(|g| g > max);
                let flag = match (r.grade, above) {
                    (None, _) => "  not measured",
                    (Some(_), true) => "  above target",
                    _ => "",
                };
                out.push_str(&format!(
                    "{:<width$}  {:>6}  {:>5}  {:>5}  {:>7}{flag}\n",
                    r.slug,
                    r.words,
                    r.grade.map_or("-".into(), |g| format!("{g:.1}")),
                    r.smog.map_or("-".into(), |g| format!("{g:.1}")),
                    r.minutes
                ));
            }
            let total: usize = rows.iter().map(|r| r.words).sum();
            let measured: Vec<&ReadabilityRow> =
                rows.iter().filter(|r| r.grade.is_some()).collect();
            let mean = |f: fn(&ReadabilityRow) -> f64| {
                if measured.is_empty() {
                    0.0
                } else {
                    measured.iter().map(|r| f(r)).sum::<f64>() / measured.len() as f64
                }
            };
            out.push_str(&format!(
                "{} articles, {total} words, mean grade {:.1}, mean SMOG {:.1} (target {max} for both)\n",
                rows.len(),
                mean(|r| r.grade.unwrap_or_default()),
                mean(|r| r.smog.unwrap_or_default()),
            ));
            out
        }
    }
}

#[derive(Serialize)]
struct ReviewRow<'a> {
    slug: &'a str,
    title: &'a str,
    file: String,
    /// Topic id; `null` for a standalone page.
    topic: Option<&'a str>,
    /// `approved`, `in-review`, `draft`, `not set`, or `incomplete` (approved without
    /// a named reviewer or a date).
    status: &'static str,
    /// Whether the published page says "Reviewed by … on …".
    review_claimed: bool,
    reviewer: Option<&'a str>,
    role: Option<&'a str>,
    reviewed: Option<Date>,
    /// Next review due, for an approved review.
    next_review: Option<Date>,
    overdue: bool,
    updated: Option<Date>,
    changes: usize,
    language: &'a str,
    fk_grade: Option<f64>,
    smog_grade: Option<f64>,
    readability: &'static str,
    words: usize,
}

/// The governance report: every article (standalone pages too) with its review status,
/// reviewer, dates, overdue flag (against `today`), readability and word count.
pub fn reviews_report(site: &Site, today: Date, format: ReportFormat) -> String {
    let rows: Vec<ReviewRow> = site
        .articles
        .iter()
        .map(|a| {
            let review = Review::of(&a.front, site.config.review.interval_months);
            let grades = grades(site, a);
            ReviewRow {
                slug: &a.slug,
                title: &a.title,
                file: a.path.to_string_lossy().replace('\\', "/"),
                topic: a.topic.as_deref(),
                status: review.status_label(),
                review_claimed: review.approved(),
                reviewer: review.reviewer,
                role: review.role,
                reviewed: review.date,
                next_review: review.next.filter(|_| review.approved()),
                overdue: review.overdue(today),
                updated: last_updated(&a.front),
                changes: a.front.changes.len(),
                language: a.language(&site.config),
                fk_grade: grades.map(|g| g.0),
                smog_grade: grades.map(|g| g.1),
                readability: if grades.is_some() {
                    "measured"
                } else {
                    "not measured"
                },
                words: a.parsed.stats.words,
            }
        })
        .collect();
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    match format {
        ReportFormat::Json => json(&rows),
        ReportFormat::Csv => {
            let mut out = csv_line(&[
                "slug",
                "title",
                "file",
                "topic",
                "status",
                "review_claimed",
                "reviewer",
                "role",
                "reviewed",
                "next_review",
                "overdue",
                "updated",
                "changes",
                "language",
                "fk_grade",
                "smog_grade",
                "words",
            ]);
            for r in &rows {
                out.push_str(&csv_line(&[
                    r.slug,
                    r.title,
                    &r.file,
                    r.topic.unwrap_or_default(),
                    r.status,
                    if r.review_claimed { "yes" } else { "no" },
                    r.reviewer.unwrap_or_default(),
                    r.role.unwrap_or_default(),
                    &date(r.reviewed),
                    &date(r.next_review),
                    if r.overdue { "yes" } else { "no" },
                    &date(r.updated),
                    &r.changes.to_string(),
                    r.language,
                    &grade_text(r.fk_grade),
                    &grade_text(r.smog_grade),
                    &r.words.to_string(),
                ]));
            }
            out
        }
        ReportFormat::Table => {
            let header = [
                "slug", "status", "reviewer", "reviewed", "next due", "overdue", "updated", "FK",
                "SMOG", "words",
            ];
            let cells: Vec<[String; 10]> = rows
                .iter()
                .map(|r| {
                    [
                        r.slug.to_string(),
                        r.status.to_string(),
                        r.reviewer.unwrap_or("-").to_string(),
                        r.reviewed.map_or("-".into(), |d| d.to_string()),
                        r.next_review.map_or("-".into(), |d| d.to_string()),
                        if r.overdue { "OVERDUE" } else { "" }.to_string(),
                        r.updated.map_or("-".into(), |d| d.to_string()),
                        r.fk_grade.map_or("n/m".into(), |g| format!("{g:.1}")),
                        r.smog_grade.map_or("n/m".into(), |g| format!("{g:.1}")),
                        r.words.to_string(),
                    ]
                })
                .collect();
            let mut widths = header.map(|h| h.chars().count());
            for row in &cells {
                for (w, cell) in widths.iter_mut().zip(row) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            let line = |row: &[&str]| {
                let mut s = String::new();
                for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
                    // Text left, numbers right.
                    let cell = if i >= 7 {
                        format!("{cell:>w$}")
                    } else {
                        format!("{cell:<w$}")
                    };
                    s.push_str(&cell);
                    s.push_str("  ");
                }
                s.truncate(s.trim_end().len());
                s.push('\n');
                s
            };
            let mut out = line(&header);
            for row in &cells {
                out.push_str(&line(&row.each_ref().map(String::as_str)));
            }
            let count = |s: &str| rows.iter().filter(|r| r.status == s).count();
            out.push_str(&format!(
                "{} articles: {} approved, {} in review, {} draft, {} not set{}; {} overdue on {today}{}\n",
                rows.len(),
                count("approved"),
                count("in-review"),
                count("draft"),
                count("not set"),
                match count("incomplete") {
                    0 => String::new(),
                    n => format!(", {n} incomplete"),
                },
                rows.iter().filter(|r| r.overdue).count(),
                match rows.iter().filter(|r| r.fk_grade.is_none()).count() {
                    0 => String::new(),
                    n => format!("; readability not measured for {n} (not English; n/m)"),
                },
            ));
            out
        }
    }
}

fn grade_text(grade: Option<f64>) -> String {
    grade.map_or_else(|| "not measured".into(), |g| format!("{g:.1}"))
}

fn json<T: Serialize>(rows: &T) -> String {
    serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".into()) + "\n"
}

/// One CSV record (RFC 4180): fields with a comma, quote or line break are quoted,
/// quotes doubled; a field a spreadsheet would run as a formula is prefixed with `'`.
fn csv_line(fields: &[&str]) -> String {
    let mut line = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        let field = if field.starts_with(['=', '+', '-', '@']) && !is_number(field) {
            format!("'{field}")
        } else {
            field.to_string()
        };
        if field.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&field);
        }
    }
    line.push_str("\r\n");
    line
}

fn is_number(s: &str) -> bool {
    s.parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(
            csv_line(&["a", "b,c", "say \"hi\""]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(
            csv_line(&["=HYPERLINK(1)", "-1.5"]),
            "'=HYPERLINK(1),-1.5\r\n"
        );
    }
}
