//! The topic map: a build-time SVG of the relations graph, one column per topic
//! (patterns → effects → approaches → tools), each node a link to its article.
//! Works without JavaScript (with it, a node's connections light up on hover and
//! focus); the page pairs it with a list that says the same thing in words.

use crate::site::Site;
use crate::text::escape;
use std::fmt::Write as _;

const COLUMN: f64 = 300.0;
const NODE_W: f64 = 236.0;
const NODE_H: f64 = 54.0;
const ROW: f64 = 66.0;
const TOP: f64 = 60.0;
const LINE: usize = 26;

/// The legend: `(name, label)` of each relation the map draws at least one line for, in
/// the configured order. The page shows it above the map, outside the part that scrolls
/// sideways, so every entry stays in view on a narrow screen.
pub fn legend(site: &Site) -> Vec<(&str, &str)> {
    site.config
        .relations
        .iter()
        .filter(|relation| {
            site.relations_out
                .iter()
                .flatten()
                .any(|(k, t)| !t.is_empty() && site.config.relations[*k].name == relation.name)
        })
        .map(|relation| (relation.name.as_str(), relation.label.as_str()))
        .collect()
}

/// The order of each column's articles: the topic's own reading order, then a few
/// sweeps that move each article towards the middle of those it connects to in the
/// neighbouring columns (the barycentre heuristic), so fewer lines cross.
fn arrange(site: &Site, columns: &mut [Vec<usize>]) {
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); site.articles.len()];
    for (source, relations) in site.relations_out.iter().enumerate() {
        for (_, targets) in relations {
            for &t in targets {
                neighbours[source].push(t);
                neighbours[t].push(source);
            }
        }
    }
    let mut rank = vec![f64::NAN; site.articles.len()];
    let set_ranks = |columns: &[Vec<usize>], rank: &mut Vec<f64>| {
        for list in columns {
            for (r, &a) in list.iter().enumerate() {
                rank[a] = r as f64;
            }
        }
    };
    set_ranks(columns, &mut rank);
    for sweep in 0..4 {
        let order: Vec<usize> = if sweep % 2 == 0 {
            (0..columns.len()).collect()
        } else {
            (0..columns.len()).rev().collect()
        };
        for c in order {
            let keyed: Vec<(f64, usize, usize)> = columns[c]
                .iter()
                .enumerate()
                .map(|(r, &a)| {
                    let placed: Vec<f64> = neighbours[a]
                        .iter()
                        .map(|&n| rank[n])
                        .filter(|x| !x.is_nan())
                        .collect();
                    let centre = if placed.is_empty() {
                        r as f64
                    } else {
                        placed.iter().sum::<f64>() / placed.len() as f64
                    };
                    (centre, r, a)
                })
                .collect();
            let mut keyed = keyed;
            keyed.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
            columns[c] = keyed.into_iter().map(|(_, _, a)| a).collect();
            for (r, &a) in columns[c].iter().enumerate() {
                rank[a] = r as f64;
            }
        }
    }
}

/// The SVG for the map page at `url`, or `None` when no article declares a relation.
/// Each node is a link named by its title and marked with the nodes it connects to
/// (`data-links`), so the page's script can light a node's connections on hover and
/// focus; edges are grouped by relation, each group in its own colour, with a legend.
pub fn svg(site: &Site, url: &str) -> Option<String> {
    if site.relations_out.iter().all(Vec::is_empty) {
        return None;
    }
    let topics: Vec<usize> = site
        .topics
        .iter()
        .enumerate()
        .filter(|(_, list)| !list.is_empty())
        .map(|(t, _)| t)
        .collect();
    let mut columns: Vec<Vec<usize>> = topics.iter().map(|&t| site.topics[t].clone()).collect();
    arrange(site, &mut columns);
    let top = TOP;
    let mut position = vec![None; site.articles.len()];
    for (c, list) in columns.iter().enumerate() {
        for (r, &a) in list.iter().enumerate() {
            position[a] = Some((20.0 + c as f64 * COLUMN, top + r as f64 * ROW));
        }
    }
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    let width = 20.0 + columns.len() as f64 * COLUMN - (COLUMN - NODE_W) + 20.0;
    let height = top + rows as f64 * ROW + 10.0;
    let mut out = format!(
        "<svg class=\"topic-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"group\" aria-label=\"Topic map: select an article to open it; the same map is listed in words below\">\n"
    );
    for (c, &t) in topics.iter().enumerate() {
        let x = 20.0 + c as f64 * COLUMN;
        let _ = writeln!(
            out,
            "<text class=\"map-column\" x=\"{x}\" y=\"{}\" aria-hidden=\"true\">{}</text>",
            top - 18.0,
            escape(&site.config.topics[t].title)
        );
    }
    let mut links: Vec<Vec<usize>> = vec![Vec::new(); site.articles.len()];
    let mut groups: Vec<String> = vec![String::new(); site.config.relations.len()];
    for (source, relations) in site.relations_out.iter().enumerate() {
        let Some((sx, sy)) = position[source] else {
            continue;
        };
        for (kind, targets) in relations {
            for &target in targets {
                let Some((tx, ty)) = position[target] else {
                    continue;
                };
                links[source].push(target);
                links[target].push(source);
                // Edges leave a node from one point and bend only in the gap before
                // their target column, so a node's edges run together as a bundle.
                let (x1, y1) = (sx + NODE_W, sy + NODE_H / 2.0);
                let (x2, y2) = if tx > sx {
                    (tx, ty + NODE_H / 2.0)
                } else {
                    (tx + NODE_W, ty + NODE_H / 2.0)
                };
                let gap = (COLUMN - NODE_W) / 2.0;
                let d = if tx > sx {
                    let bend_at = x2 - (COLUMN - NODE_W);
                    format!(
                        "M{x1} {y1} H{bend_at} C{} {y1}, {} {y2}, {x2} {y2}",
                        bend_at + gap,
                        x2 - gap
                    )
                } else {
                    format!(
                        "M{x1} {y1} C{} {y1}, {} {y2}, {x2} {y2}",
                        x1 + 40.0,
                        x2 + 40.0
                    )
                };
                let _ = writeln!(
                    groups[*kind],
                    "<path class=\"map-edge map-edge-{}\" data-from=\"{source}\" data-to=\"{target}\" d=\"{d}\"/>",
                    escape(&site.config.relations[*kind].name),
                );
            }
        }
    }
    for (kind, group) in groups.iter().enumerate() {
        if group.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<g class=\"map-edges map-edges-{}\" aria-hidden=\"true\">\n{group}</g>\n",
            escape(&site.config.relations[kind].name)
        );
    }
    for (a, pos) in position.iter().enumerate() {
        let Some((x, y)) = pos else { continue };
        let article = &site.articles[a];
        let href = site.style.href(url, &article.url);
        let mut linked = links[a].clone();
        linked.sort_unstable();
        linked.dedup();
        let linked: Vec<String> = linked.iter().map(usize::to_string).collect();
        let lines = wrap(&article.title, LINE, 2);
        let first = y + if lines.len() == 1 { 33.0 } else { 23.0 };
        let _ = write!(
            out,
            "<a class=\"map-link\" href=\"{}\" data-node=\"{a}\" data-links=\"{}\"><title>{}</title><rect class=\"map-node\" x=\"{x}\" y=\"{y}\" width=\"{NODE_W}\" height=\"{NODE_H}\" rx=\"6\"/><text class=\"map-label\" x=\"{}\" y=\"{first}\">",
            escape(&href),
            linked.join(" "),
            escape(&article.title),
            x + 12.0,
        );
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(
                out,
                "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                x + 12.0,
                if i == 0 { 0 } else { 20 },
                escape(line)
            );
        }
        out.push_str("</text></a>\n");
    }
    out.push_str("</svg>");
    Some(out)
}

/// Breaks `text` into at most `lines` lines of about `width` characters, with an
/// ellipsis when it does not fit.
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let current = out.last_mut().expect("never empty");
        if current.is_empty() || current.chars().count() + 1 + word.chars().count() <= width {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else if out.len() < lines {
            out.push(word.to_string());
        } else {
            let current = out.last_mut().expect("never empty");
            current.push('…');
            break;
        }
    }
    for line in &mut out {
        if line.chars().count() > width + 1 {
            *line = line.chars().take(width - 1).collect::<String>() + "…";
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_long_titles_into_two_lines() {
        assert_eq!(wrap("Short", 10, 2), ["Short"]);
        assert_eq!(
            wrap(
                "Calming breath: box breathing and long-exhale breathing",
                30,
                2
            ),
            ["Calming breath: box breathing", "and long-exhale breathing"]
        );
        assert_eq!(
            wrap("one two three four five six", 9, 2),
            ["one two", "three…"]
        );
    }
}
