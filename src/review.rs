//! Clinical review, "last updated" and version history of one article, resolved from
//! its front matter (the legacy keys `reviewed_by`, `last_reviewed` and `next_review`
//! as aliases): what a page may claim, and nothing more.
//!
//! The one rule everything else follows: a page claims a review only when its front
//! matter says `review.status: approved` *and* names a reviewer *and* gives the date.
//! A status is never inferred from the other keys.

use crate::config::Config;
use crate::diagnostic::{nearest, Code, Diagnostic, Diagnostics};
use crate::load::{Change, Date, FrontMatter, ReviewStatus};
use crate::text::line_col;
use std::path::Path;

/// An article's review, with the legacy keys folded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review<'a> {
    pub status: Option<ReviewStatus>,
    pub reviewer: Option<&'a str>,
    pub role: Option<&'a str>,
    /// The date of the (approved) review.
    pub date: Option<Date>,
    /// Next review due: `review.next`, else `next_review`, else `date` plus
    /// `[review] interval_months`.
    pub next: Option<Date>,
}

impl<'a> Review<'a> {
    pub fn of(front: &'a FrontMatter, interval_months: u32) -> Review<'a> {
        let review = front.review.as_ref();
        let reviewer = review
            .and_then(|r| r.reviewer.as_deref())
            .or(front.reviewed_by.as_deref())
            .map(str::trim)
            .filter(|r| !r.is_empty());
        let date = review.and_then(|r| r.date).or(front.last_reviewed);
        let next = review
            .and_then(|r| r.next)
            .or(front.next_review)
            .or_else(|| date.map(|d| d.add_months(interval_months)));
        Review {
            status: review.and_then(|r| r.status),
            reviewer,
            role: review
                .and_then(|r| r.role.as_deref())
                .map(str::trim)
                .filter(|r| !r.is_empty()),
            date,
            next,
        }
    }

    /// Whether the page may say "Reviewed by … on …": approved, by a named reviewer,
    /// on a given date.
    pub fn approved(&self) -> bool {
        self.status == Some(ReviewStatus::Approved)
            && self.reviewer.is_some_and(is_named_reviewer)
            && self.date.is_some()
    }

    /// `approved`, `in-review`, `draft`, or `not set`; an approval that lacks its
    /// reviewer or date is reported as `incomplete`.
    pub fn status_label(&self) -> &'static str {
        match self.status {
            Some(ReviewStatus::Approved) if !self.approved() => "incomplete",
            Some(status) => status.as_str(),
            None => "not set",
        }
    }

    /// An approved review whose next review fell due before `today`.
    pub fn overdue(&self, today: Date) -> bool {
        self.approved() && self.next.is_some_and(|next| next < today)
    }
}

/// Whether `name` names someone, rather than standing in for nobody
/// ("Clinical review pending", "TBC").
pub fn is_named_reviewer(name: &str) -> bool {
    const PLACEHOLDERS: &[&str] = &[
        "pending",
        "tbd",
        "tbc",
        "to be confirmed",
        "to be decided",
        "not yet",
        "none",
        "n/a",
        "unknown",
        "unreviewed",
        "awaiting",
    ];
    let lower = name.trim().to_lowercase();
    !lower.is_empty()
        && !PLACEHOLDERS.iter().any(|p| {
            lower == *p
                || lower
                    .split(|c: char| !c.is_alphanumeric() && c != '/')
                    .any(|w| w == *p)
                || (p.contains(' ') && lower.contains(p))
        })
}

/// "Last updated": `updated:`, else the newest `changes:` date.
pub fn last_updated(front: &FrontMatter) -> Option<Date> {
    front
        .updated
        .or_else(|| front.changes.iter().map(|c| c.date).max())
}

/// The version history, newest first (entries of one date keep their order).
pub fn history(front: &FrontMatter) -> Vec<&Change> {
    let mut changes: Vec<&Change> = front.changes.iter().collect();
    changes.sort_by_key(|c| std::cmp::Reverse(c.date));
    changes
}

/// The date a feed or sitemap may give the page: the newest of its publication,
/// its last update and its approved review. Never the build's date.
pub fn last_modified(front: &FrontMatter, review: &Review) -> Option<Date> {
    [
        front.date,
        last_updated(front),
        review.approved().then_some(review.date).flatten(),
    ]
    .into_iter()
    .flatten()
    .max()
}

/// Where an article's review and safety front matter says what it cannot mean:
/// an approval without a named reviewer or a date, legacy review keys without a
/// status, an unapproved article where `[review] require_approval` is on, and
/// `safety:` ids no `[[safety.blocks]]` defines. `head` is the source up to the body.
pub fn validate(
    front: &FrontMatter,
    head: &str,
    file: &Path,
    in_topic: bool,
    config: &Config,
    diagnostics: &mut Diagnostics,
) {
    let review = Review::of(front, config.review.interval_months);
    let status_at = position(head, &["review", "status"])
        .or_else(|| position(head, &["review"]))
        .unwrap_or((1, 1));
    if review.status == Some(ReviewStatus::Approved) && !review.approved() {
        let missing = match (review.reviewer, review.date) {
            (Some(r), _) if !is_named_reviewer(r) => {
                format!("'{r}' does not name a reviewer")
            }
            (None, None) => "it names no reviewer and gives no date".to_string(),
            (None, Some(_)) => "it names no reviewer".to_string(),
            (Some(_), _) => "it gives no date".to_string(),
        };
        diagnostics.push(
            Diagnostic::error(
                Code::ReviewIncomplete,
                format!("`review.status: approved`, but {missing}"),
            )
            .at(file, status_at.0, status_at.1)
            .help("an approved review names the person or body who reviewed it (`reviewer:`) and the date (`date: YYYY-MM-DD`); until then write `status: in-review`"),
        );
    }
    if review.status.is_none() && (front.reviewed_by.is_some() || front.last_reviewed.is_some()) {
        let key = if front.reviewed_by.is_some() {
            "reviewed_by"
        } else {
            "last_reviewed"
        };
        let (l, c) = position(head, &[key]).unwrap_or((1, 1));
        diagnostics.push(
            Diagnostic::warning(
                Code::ReviewStatusMissing,
                format!("`{key}` is set but `review.status` is not: the page says \"Not yet clinically reviewed\" and makes no review claim"),
            )
            .at(file, l, c)
            .help("when a named reviewer has approved the article, write `review: { status: approved, reviewer: ..., date: YYYY-MM-DD }`; until then `review: { status: in-review }`"),
        );
    }
    if config.review.require_approval && in_topic && !review.approved() {
        diagnostics.push(
            Diagnostic::error(
                Code::ReviewRequired,
                format!(
                    "article is not approved for publication (review status: {})",
                    review.status_label()
                ),
            )
            .at(file, status_at.0, status_at.1)
            .help("`[review] require_approval = true` in book.toml publishes approved articles only: `review: { status: approved, reviewer: ..., date: YYYY-MM-DD }`"),
        );
    }
    let mut from = position(head, &["safety"]).map_or(0, |(l, _)| line_offset(head, l));
    for id in &front.safety {
        let at = head[from..].find(id.as_str()).map(|i| from + i);
        if config.safety_block(id).is_none() {
            let (l, c) = at.map_or((1, 1), |i| line_col(head, i));
            let d = Diagnostic::error(
                Code::UnknownSafetyBlock,
                format!("no safety block '{id}' in book.toml"),
            )
            .at(file, l, c);
            let ids = config.safety.blocks.iter().map(|b| b.id.as_str());
            diagnostics.push(match nearest(id, ids) {
                Some(best) => d.help(format!("did you mean '{best}'?")),
                None if config.safety.blocks.is_empty() => d.help(
                    "define it in book.toml: [[safety.blocks]] with `id`, `title`, `text` and `links`",
                ),
                None => d.help(format!(
                    "defined blocks: {}",
                    config
                        .safety
                        .blocks
                        .iter()
                        .map(|b| b.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            });
        }
        if let Some(i) = at {
            from = i + id.len();
        }
    }
}

/// Line and column of the last of `keys`, each found as a YAML key (`key:`) at or
/// after the line of the one before it.
fn position(head: &str, keys: &[&str]) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut found = None;
    for key in keys {
        let mut at = None;
        let mut offset = from;
        for line in head[from..].split_inclusive('\n') {
            let trimmed = line.trim_start();
            let rest = trimmed.strip_prefix("- ").unwrap_or(trimmed);
            let rest = rest.trim_start_matches(['{', ' ']);
            if let Some(after) = rest.strip_prefix(key) {
                if after.trim_start().starts_with(':') {
                    at = Some(offset + (line.len() - rest.len()));
                    break;
                }
            }
            // Inline mappings: `review: { status: approved }`.
            if let Some(i) = line.find(&format!("{key}:")) {
                if i > 0 && matches!(line.as_bytes()[i - 1], b' ' | b'{' | b',') {
                    at = Some(offset + i);
                    break;
                }
            }
            offset += line.len();
        }
        let at = at?;
        found = Some(line_col(head, at));
        from = at;
    }
    found
}

/// Byte offset of the start of 1-based `line`.
fn line_offset(text: &str, line: usize) -> usize {
    text.split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(yaml: &str) -> FrontMatter {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn only_a_complete_approval_is_a_review_claim() {
        let approved =
            front("review: {status: approved, reviewer: Dr Jane Doe, date: 2026-10-01}\n");
        let r = Review::of(&approved, 24);
        assert!(r.approved());
        assert_eq!(r.next.unwrap().to_string(), "2028-10-01");
        for yaml in [
            "review: {status: approved, reviewer: Dr Jane Doe}\n",
            "review: {status: approved, date: 2026-10-01}\n",
            "review: {status: approved, reviewer: Clinical review pending, date: 2026-10-01}\n",
            "review: {status: in-review, reviewer: Dr Jane Doe, date: 2026-10-01}\n",
            "reviewed_by: Dr Jane Doe\nlast_reviewed: 2026-10-01\n",
        ] {
            let f = front(yaml);
            assert!(!Review::of(&f, 24).approved(), "{yaml}");
        }
        let legacy = front(
            "review: {status: approved}\nreviewed_by: Dr Jane Doe\nlast_reviewed: 2026-10-01\n",
        );
        assert!(
            Review::of(&legacy, 24).approved(),
            "legacy keys are aliases"
        );
    }

    #[test]
    fn placeholders_are_not_reviewers() {
        for name in [
            "Clinical review pending",
            "TBC",
            "n/a",
            "None",
            "",
            "To be confirmed",
        ] {
            assert!(!is_named_reviewer(name), "{name}");
        }
        for name in ["Dr Jane Doe", "NHS Clinical Panel", "Dr Noneley"] {
            assert!(is_named_reviewer(name), "{name}");
        }
    }

    #[test]
    fn last_updated_and_history() {
        let f = front(
            "changes:\n  - {date: 2026-01-02, summary: a}\n  - {date: 2026-11-30, summary: b}\n",
        );
        assert_eq!(last_updated(&f).unwrap().to_string(), "2026-11-30");
        assert_eq!(history(&f)[0].summary, "b");
        let f = front("updated: 2026-12-01\nchanges:\n  - {date: 2026-11-30, summary: b}\n");
        assert_eq!(last_updated(&f).unwrap().to_string(), "2026-12-01");
    }

    #[test]
    fn positions_point_at_keys() {
        let head = "---\ntitle: A\nreview:\n  status: draft\n---\n";
        assert_eq!(position(head, &["review", "status"]), Some((4, 3)));
        let head = "---\nreview: { status: draft }\n---\n";
        assert_eq!(position(head, &["review", "status"]), Some((2, 11)));
        assert_eq!(position(head, &["safety"]), None);
    }
}
