//! The topic map: a build-time SVG of the relations graph, one column per topic
//! (patterns → effects → approaches → tools), each node a link to its article.
//! No JavaScript; the page pairs it with a list that says the same thing in words.

use crate::markdown::escape;
use crate::site::Site;
use std::fmt::Write as _;

const COLUMN: f64 = 270.0;
const NODE_W: f64 = 220.0;
const NODE_H: f64 = 46.0;
const ROW: f64 = 58.0;
const TOP: f64 = 56.0;
const LINE: usize = 30;

/// The SVG for the map page at `url`, or `None` when no article declares a relation.
pub fn svg(site: &Site, url: &str) -> Option<String> {
    if site.relations_out.iter().all(Vec::is_empty) {
        return None;
    }
    let columns: Vec<(usize, &Vec<usize>)> = site
        .topics
        .iter()
        .enumerate()
        .filter(|(_, list)| !list.is_empty())
        .collect();
    let mut position = vec![None; site.articles.len()];
    for (c, (_, list)) in columns.iter().enumerate() {
        for (r, &a) in list.iter().enumerate() {
            position[a] = Some((20.0 + c as f64 * COLUMN, TOP + r as f64 * ROW));
        }
    }
    let rows = columns.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
    let width = 20.0 + columns.len() as f64 * COLUMN;
    let height = TOP + rows as f64 * ROW + 10.0;
    let mut out = format!(
        "<svg class=\"topic-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-hidden=\"true\" focusable=\"false\">\n"
    );
    for (c, (t, _)) in columns.iter().enumerate() {
        let x = 20.0 + c as f64 * COLUMN;
        let _ = writeln!(
            out,
            "<text class=\"map-column\" x=\"{x}\" y=\"30\">{}</text>",
            escape(&site.config.topics[*t].title)
        );
    }
    out.push_str("<g class=\"map-edges\">\n");
    for (source, relations) in site.relations_out.iter().enumerate() {
        let Some((sx, sy)) = position[source] else {
            continue;
        };
        for (kind, targets) in relations {
            let name = &site.config.relations[*kind].name;
            for &target in targets {
                let Some((tx, ty)) = position[target] else {
                    continue;
                };
                let (x1, y1) = (sx + NODE_W, sy + NODE_H / 2.0);
                let (x2, y2) = if tx > sx {
                    (tx, ty + NODE_H / 2.0)
                } else {
                    (tx + NODE_W, ty + NODE_H / 2.0)
                };
                let bend = ((x2 - x1).abs() / 2.0).max(40.0);
                let _ = writeln!(
                    out,
                    "<path class=\"map-edge map-edge-{}\" d=\"M{x1} {y1} C{} {y1}, {} {y2}, {x2} {y2}\"/>",
                    escape(name),
                    x1 + bend,
                    if tx > sx { x2 - bend } else { x2 + bend }
                );
            }
        }
    }
    out.push_str("</g>\n");
    for (a, pos) in position.iter().enumerate() {
        let Some((x, y)) = pos else { continue };
        let article = &site.articles[a];
        let href = site.style.href(url, &article.url);
        let _ = write!(
            out,
            "<a href=\"{}\" tabindex=\"-1\"><rect class=\"map-node\" x=\"{x}\" y=\"{y}\" width=\"{NODE_W}\" height=\"{NODE_H}\" rx=\"6\"/><text class=\"map-label\" x=\"{}\" y=\"{}\">",
            escape(&href),
            x + 10.0,
            y + 19.0
        );
        for (i, line) in wrap(&article.title, LINE, 2).iter().enumerate() {
            let _ = write!(
                out,
                "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                x + 10.0,
                if i == 0 { 0 } else { 17 },
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
