//! Which pages a build publishes: the pages front matter holds back (drafts,
//! Obsidian Publish's `publish: false`, Hugo's publication dates, headless bundles),
//! and the warning for a date to come that holds nothing back.

use super::hugo_params::HugoBuild;
use super::Date;
use super::{FrontMatter, Source, Spans, Step};
use crate::config::PublishMode;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};

/// Which of the content folder's pages a build publishes.
#[derive(Debug, Clone, Copy)]
pub struct Publish<'a> {
    /// Pages held back (see [`Publish::holds_back`]) are published too.
    pub drafts: bool,
    /// The day publication dates are compared with.
    pub today: Date,
    /// The site's language (`[site] language`): translations beside a page into
    /// another are left out (see [`languages`]).
    pub language: &'a str,
    /// Extensions of files published as downloads on purpose (`[build] downloads`):
    /// no `not-markdown` warning for them.
    pub downloads: &'a [String],
    /// Folders and files never published (`[build] exclude`), as written.
    pub exclude: &'a [String],
    /// `[build] publish`: only notes marked `publish: true` are pages when `Marked`.
    pub mode: Option<crate::config::PublishMode>,
    /// Hugo's module mounts (`[[mounts]]`): more files published as they are.
    pub mounts: &'a [crate::config::Mount],
    /// The files GitBook's `.gitbook.yaml` names as the home page's text and the
    /// table of contents, in place of `README.md` and `SUMMARY.md`.
    pub book_files: &'a crate::config::BookFiles,
    /// `[build] invalid_front_matter`: with `Warn`, a property that cannot be read is
    /// left out with a warning (see [`super::front_recover`]).
    pub invalid_front_matter: crate::config::InvalidFrontMatter,
    /// `[build] broken_links`: with `Warn`, a chapter `SUMMARY.md` lists that does not
    /// exist is a warning (see [`super::summary::Summary::check`]).
    pub broken_links: crate::config::BrokenLinks,
}

impl Publish<'_> {
    /// Why a page is left out, if it is: never written (headless, `render` off), or
    /// held back unless `drafts`: `draft: true`, `publish: false` (Obsidian Publish's,
    /// Quartz's), or, as Hugo holds pages back, a `publishDate` after today or an
    /// `expiryDate` today or before (compared by day); each of the last three
    /// published all the same where a Hugo site's own settings (`hugo`) say so.
    pub(super) fn holds_back(&self, front: &FrontMatter, hugo: HugoBuild) -> Option<String> {
        // Never written, drafts or not: Hugo's headless bundles and `build.render:
        // never`, Zola's `render = false` (the files beside the page are published).
        let render = front.build.as_ref().and_then(|b| b.render);
        let never = [
            (front.headless, "`headless: true`"),
            (front.render == Some(false), "`render = false`"),
            (front.redirect_to.is_some(), "`redirect_to`"),
            (render == Some(false), "`build.render`"),
            (front.no_html_output(), "`outputs` without `html`"),
        ];
        if let Some((_, key)) = never.into_iter().find(|(set, _)| *set) {
            return Some(format!("is never published ({key})"));
        }
        let future = front
            .publish_date
            .filter(|&d| d > self.today && !hugo.future);
        let expired = front
            .expiry_date
            .filter(|&d| d <= self.today && !hugo.expired);
        let why = match () {
            _ if self.drafts => return None,
            _ if front.draft && !hugo.drafts => "`draft: true`".to_string(),
            _ if front.publish == Some(false) && front.logseq => "`public:: false`".to_string(),
            _ if front.publish == Some(false) => "`publish: false`".to_string(),
            _ if front.published == Some(false) => "`published: false`".to_string(),
            _ if self.mode == Some(PublishMode::Marked) && front.publish.is_none() => {
                return Some(
                    "is not marked `publish: true` (`[build] publish = \"marked\"`; `--drafts` shows it)"
                        .into(),
                )
            }
            _ if future.is_some() => format!("`publishDate: {}`", future?),
            _ if expired.is_some() => format!("`expiryDate: {}`", expired?),
            _ => return None,
        };
        Some(format!("is held back by {why} (`--drafts` shows it)"))
    }

    /// A page dated after today with no `publishDate` is published now, as Zola and
    /// attune's own `date` mean; Hugo would hold it back until then, so a site brought
    /// from Hugo is told, at the `date` key (unless its `buildFuture` publishes it too).
    pub(super) fn warn_future_date(
        &self,
        source: &Source,
        hugo: HugoBuild,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(date) = source.front.date.filter(|&d| d > self.today) else {
            return;
        };
        if source.front.publish_date.is_some() || hugo.future {
            return;
        }
        let (line, column) = Spans::front_matter(&source.text[..source.body_start])
            .key(&[Step::key("date")])
            .unwrap_or((1, 1));
        diagnostics.push(
            Diagnostic::warning(
                Code::FutureDate,
                format!(
                    "dated {date}, after today ({}): published now all the same",
                    self.today
                ),
            )
            .at(&source.path, line, column)
            .help(format!(
                "to hold the page back until that day, as Hugo does, add `publishDate: {date}`"
            )),
        );
    }
}

impl Publish<'_> {
    /// With no `[build] publish`, a vault where some notes say `publish: true` and
    /// others say nothing was perhaps published only in part (Obsidian Publish,
    /// Quartz's ExplicitPublish): one warning, at the first marked note's key, so
    /// private notes are not published unawares.
    pub(super) fn warn_unmarked(&self, sources: &[Source], diagnostics: &mut Diagnostics) {
        if self.mode.is_some() {
            return;
        }
        let marked = sources.iter().filter(|s| s.front.publish == Some(true));
        let unmarked = sources.iter().filter(|s| s.front.publish.is_none()).count();
        let Some(first) = marked.clone().next() else {
            return;
        };
        if unmarked == 0 {
            return;
        }
        let (line, column) = Spans::front_matter(&first.text[..first.body_start])
            .key(&[Step::key("publish")])
            .unwrap_or((1, 1));
        let (key, help) = match first.front.logseq {
            true => ("public:: true", "Logseq publishes only the pages marked `public:: true` unless logseq/config.edn says `:publishing/all-pages-public? true`: set `[build] publish = \"marked\"` in book.toml to do the same, or `publish = \"all\"` to publish every page"),
            false => ("publish: true", "Obsidian Publish and Quartz's ExplicitPublish publish only the marked notes: set `[build] publish = \"marked\"` in book.toml to do the same, or `publish = \"all\"` to publish every note"),
        };
        diagnostics.push(
            Diagnostic::warning(
                Code::UnmarkedNotes,
                unmarked_message(marked.count(), unmarked, key),
            )
            .at(&first.path, line, column)
            .help(help),
        );
    }
}

/// "`marked` of the notes say `key`; the other `unmarked` are published too", in words
/// that agree with the numbers.
fn unmarked_message(marked: usize, unmarked: usize, key: &str) -> String {
    let says = if marked == 1 { "says" } else { "say" };
    let others = match unmarked {
        1 => "the other one is".to_string(),
        _ if marked == 1 => "the others are".to_string(),
        _ => format!("the other {unmarked} are"),
    };
    let all = marked + unmarked;
    format!("{marked} of {all} notes {says} `{key}`; {others} published too")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_warning_on_unmarked_notes_agrees_with_its_numbers() {
        // Found on a real site of six notes: "the other 1 are published too".
        let key = "publish: true";
        for (marked, unmarked, said) in [
            (
                5,
                1,
                "5 of 6 notes say `publish: true`; the other one is published too",
            ),
            (
                1,
                1,
                "1 of 2 notes says `publish: true`; the other one is published too",
            ),
            (
                1,
                9,
                "1 of 10 notes says `publish: true`; the others are published too",
            ),
            (
                3,
                4,
                "3 of 7 notes say `publish: true`; the other 4 are published too",
            ),
        ] {
            assert_eq!(super::unmarked_message(marked, unmarked, key), said);
        }
    }
}
