//! Reading order, as mdBook and Hugo users expect it: the place in `SUMMARY.md` when
//! the site has one (listed chapters first, in its order, children after their parent);
//! then `order` (or `weight`), lower first, articles without one after; then `date`,
//! newest first, undated after; then title and slug.

use super::{Article, Site};
use std::cmp::Reverse;

/// What articles are sorted by in hubs, lists of pages and prev/next.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OrderKey {
    summary: usize,
    order: i64,
    undated: bool,
    date: Reverse<Option<crate::load::Date>>,
    title: String,
    slug: String,
}

impl Site {
    /// The key that puts `article` in reading order among its siblings.
    pub fn order_key(&self, article: &Article) -> OrderKey {
        order_key(self.summary.as_ref(), article)
    }

    /// Sorts article indices into reading order.
    pub fn sort_reading_order(&self, list: &mut [usize]) {
        let summary = self.summary.as_ref();
        let articles = &self.articles;
        list.sort_by_cached_key(|&i| order_key(summary, &articles[i]));
    }
}

fn order_key(summary: Option<&crate::load::summary::Summary>, a: &Article) -> OrderKey {
    OrderKey {
        summary: summary
            .and_then(|s| s.position(&a.rel))
            .unwrap_or(usize::MAX),
        order: a.front.order.unwrap_or(i64::MAX),
        undated: a.front.date.is_none(),
        date: Reverse(a.front.date),
        title: a.title.to_lowercase(),
        slug: a.slug.clone(),
    }
}
