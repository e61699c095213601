//! `[related]`: how "Related articles" are chosen.

use serde::Deserialize;

/// How much each kind of shared connection counts toward "Related articles".
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RelatedWeights {
    pub tags: f64,
    pub relations: f64,
    pub citations: f64,
    pub links: f64,
    /// How many related articles to show.
    pub count: usize,
}

impl Default for RelatedWeights {
    fn default() -> Self {
        Self {
            tags: 1.0,
            relations: 2.0,
            citations: 0.5,
            links: 1.5,
            count: 5,
        }
    }
}
