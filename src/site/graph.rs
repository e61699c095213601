//! The article graph beyond plain links: typed relations in both directions, related
//! articles, and orphans.

use super::Site;
use crate::diagnostic::{nearest, Code, Diagnostic, Diagnostics};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

impl Site {
    pub(super) fn resolve_relations(&mut self, diagnostics: &mut Diagnostics) {
        let n = self.articles.len();
        let mut out = vec![Vec::new(); n];
        let mut inverse: Vec<BTreeMap<usize, Vec<usize>>> = vec![BTreeMap::new(); n];
        for (i, article) in self.articles.iter().enumerate() {
            for (name, targets) in &article.front.relations {
                let Some(kind) = self.config.relations.iter().position(|r| &r.name == name) else {
                    let (l, c) = article.front_key(&["relations", name]);
                    let d = Diagnostic::error(
                        Code::UnknownRelation,
                        format!("relation '{name}' is not declared in book.toml"),
                    )
                    .at(&article.path, l, c);
                    diagnostics.push(match nearest(name, self.config.relations.iter().map(|r| r.name.as_str())) {
                        Some(best) => d.help(format!("did you mean '{best}'?")),
                        None => d.help(format!("declare it as a [[relations]] entry with name = \"{name}\" in book.toml")),
                    });
                    continue;
                };
                let mut resolved = Vec::new();
                for target in targets {
                    match self.find_article(target) {
                        Some(t) if t != i => {
                            if !resolved.contains(&t) {
                                resolved.push(t);
                                inverse[t].entry(kind).or_default().push(i);
                            }
                        }
                        Some(_) => {
                            let (l, c) = article.front_value(&["relations", name], target);
                            diagnostics.push(
                                Diagnostic::error(
                                    Code::SelfRelation,
                                    format!("article relates to itself under '{name}'"),
                                )
                                .at(&article.path, l, c),
                            );
                        }
                        None => {
                            let (l, c) = article.front_value(&["relations", name], target);
                            let d = Diagnostic::error(
                                Code::UnknownRelationTarget,
                                format!("relation '{name}' names unknown article '{target}'"),
                            )
                            .at(&article.path, l, c);
                            diagnostics.push(self.explain_name(d, target));
                        }
                    }
                }
                if !resolved.is_empty() {
                    out[i].push((kind, resolved));
                }
            }
            out[i].sort_by_key(|(kind, _)| *kind);
        }
        let articles = &self.articles;
        self.relations_in = inverse
            .into_iter()
            .map(|m| {
                m.into_iter()
                    .map(|(k, mut v)| {
                        v.sort_by_cached_key(|&s| (articles[s].title.to_lowercase(), s));
                        (k, v)
                    })
                    .collect()
            })
            .collect();
        self.relations_out = out;
    }

    /// Up to `count` related articles each, from shared tags, relation targets,
    /// citations and direct links. Scores accumulate through inverted indices, so
    /// work grows with shared connections, not with the square of the site.
    pub(super) fn compute_related(&mut self) {
        let n = self.articles.len();
        let weights = &self.config.related;
        let mut tag_members: Vec<&Vec<usize>> = Vec::new();
        let mut article_tags: Vec<Vec<usize>> = vec![Vec::new(); n];
        for tag in self.tags.values() {
            for &a in &tag.articles {
                article_tags[a].push(tag_members.len());
            }
            tag_members.push(&tag.articles);
        }
        // Relation target → articles pointing at it.
        let mut pointing: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, rels) in self.relations_out.iter().enumerate() {
            for (_, targets) in rels {
                for &t in targets {
                    pointing.entry(t).or_default().push(i);
                }
            }
        }
        let related: Vec<Vec<usize>> = (0..n)
            .into_par_iter()
            .map_init(
                || (vec![0f64; n], Vec::<usize>::new()),
                |(scores, touched), i| {
                    let mut add = |j: usize, w: f64| {
                        if j != i {
                            if scores[j] == 0.0 {
                                touched.push(j);
                            }
                            scores[j] += w;
                        }
                    };
                    for &t in &article_tags[i] {
                        for &j in tag_members[t] {
                            add(j, weights.tags);
                        }
                    }
                    for (_, targets) in &self.relations_out[i] {
                        for t in targets {
                            for &j in pointing.get(t).map(Vec::as_slice).unwrap_or_default() {
                                add(j, weights.relations);
                            }
                        }
                    }
                    for citation in &self.articles[i].parsed.citations {
                        for &j in self
                            .citers
                            .get(&citation.key)
                            .map(Vec::as_slice)
                            .unwrap_or_default()
                        {
                            add(j, weights.citations);
                        }
                    }
                    for link in &self.links[i] {
                        if let Some(j) = link.target {
                            add(j, weights.links);
                        }
                    }
                    for b in &self.backlinks[i] {
                        add(b.source, weights.links);
                    }
                    let listed: BTreeSet<usize> = self.relations_out[i]
                        .iter()
                        .chain(&self.relations_in[i])
                        .flat_map(|(_, v)| v.iter().copied())
                        .collect();
                    // Keep the best `count` in one pass: no sort of every candidate.
                    let better = |a: &(f64, usize), b: &(f64, usize)| {
                        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
                    };
                    let mut best: Vec<(f64, usize)> = Vec::with_capacity(weights.count + 1);
                    for &j in touched.iter() {
                        let candidate = (scores[j], j);
                        scores[j] = 0.0;
                        if listed.contains(&j) || self.articles[j].topic.is_none() {
                            continue;
                        }
                        if best.len() == weights.count
                            && best
                                .last()
                                .is_none_or(|last| better(&candidate, last).is_ge())
                        {
                            continue;
                        }
                        let at = best.partition_point(|b| better(b, &candidate).is_lt());
                        best.insert(at, candidate);
                        best.truncate(weights.count);
                    }
                    touched.clear();
                    best.into_iter().map(|(_, j)| j).collect()
                },
            )
            .collect();
        self.related = related;
    }

    /// Articles nothing points to: no link, no relation, no reading path, no entry in
    /// SUMMARY.md or the site's own contents (an MkDocs `nav`, a VitePress or
    /// Docusaurus sidebar: `load/contents.rs`).
    pub fn orphans(&self) -> Vec<usize> {
        let mut reached = vec![false; self.articles.len()];
        for (i, links) in self.links.iter().enumerate() {
            for t in links.iter().filter_map(|l| l.target).filter(|&t| t != i) {
                reached[t] = true;
            }
        }
        // Links by path (`.html`, root-relative, raw HTML) reach their article too.
        for (i, refs) in self.refs.iter().enumerate() {
            for r in refs {
                if let super::RefTarget::Site {
                    article: Some(t), ..
                } = r
                {
                    if *t != i {
                        reached[*t] = true;
                    }
                }
            }
        }
        for (i, rels) in self.relations_out.iter().enumerate() {
            if !rels.is_empty() {
                reached[i] = true;
            }
            for (_, targets) in rels {
                for &t in targets {
                    reached[t] = true;
                }
            }
        }
        // A chapter an mdBook's SUMMARY.md lists is in the book's table of contents, as
        // a reading path's step is in the path.
        if let Some(summary) = &self.summary {
            for (i, a) in self.articles.iter().enumerate() {
                if summary.position(&a.rel).is_some() {
                    reached[i] = true;
                }
            }
        }
        for path in &self.paths {
            for &(i, _) in &path.steps {
                reached[i] = true;
            }
        }
        (0..self.articles.len())
            .filter(|&i| {
                !reached[i]
                    && !self.articles[i].front.in_contents
                    && self.articles[i].topic.is_some()
                    && self.articles[i].structure == super::Structure::Page
            })
            .collect()
    }
}
