//! A computed view as HTML, its links relative to the page it is shown on, and the
//! summaries under its columns.

use super::eval::{as_number, order, shown, Env, Unsupported, Value};
use super::spec::{Base, Kind};
use super::{Cell, Piece, View};
use crate::marks::{EMBED, MARK_END};
use crate::site::Site;
use crate::text::escape;

impl Site {
    /// `html` (of the page at site-relative `url`) with each Bases view's mark, as
    /// the embeds left them (`EMBED b<article>.<n>`), replaced by the view.
    pub fn fill_bases(&self, url: &str, html: String) -> String {
        let mark = format!("{EMBED}b");
        if !html.contains(&mark) {
            return html;
        }
        let mut out = String::with_capacity(html.len());
        let mut rest = html.as_str();
        while let Some(at) = rest.find(&mark) {
            out.push_str(&rest[..at]);
            let after = &rest[at + mark.len()..];
            let Some(close) = after.find(MARK_END) else {
                rest = after;
                continue;
            };
            let (i, n) = after[..close].split_once('.').unwrap_or_default();
            let view = i.parse::<usize>().ok().zip(n.parse::<usize>().ok());
            let view = view.and_then(|(i, n)| self.bases.get(i)?.get(n)?.as_ref());
            if let Some(view) = view {
                out.push_str(&self.view_html(url, view));
            }
            rest = &after[close + MARK_END.len_utf8()..];
        }
        out.push_str(rest);
        out
    }

    fn view_html(&self, url: &str, view: &View) -> String {
        let cell = |c: &Cell| -> String {
            c.iter()
                .map(|p| match p {
                    Piece::Text(t) => escape(t),
                    Piece::Page(t, text) => format!(
                        "<a href=\"{}\">{}</a>",
                        escape(&self.style.href(url, &self.articles[*t].url)),
                        escape(text)
                    ),
                    Piece::File(path, text) => format!(
                        "<a href=\"{}{}\">{}</a>",
                        crate::url::UrlStyle::root(url),
                        escape(&crate::site::encode_path(path)),
                        escape(text)
                    ),
                    Piece::Web(href, text) => {
                        format!("<a href=\"{}\">{}</a>", escape(href), escape(text))
                    }
                })
                .collect()
        };
        let name = escape(&view.name);
        if view.kind != Kind::Table {
            // A list (and cards): each note's first property, then the others; a
            // card's image before them.
            let mut html =
                format!("<figure class=\"base-view\">\n<figcaption>{name}</figcaption>\n");
            let mut images = view.images.iter();
            for (group, rows) in &view.groups {
                if let Some(g) = group {
                    html.push_str(&format!("<p><strong>{}</strong></p>\n", cell(g)));
                }
                html.push_str("<ul>\n");
                for row in rows {
                    let image = match images.next() {
                        Some(Some(path)) => format!(
                            "<img src=\"{}{}\" alt=\"\" loading=\"lazy\"> ",
                            crate::url::UrlStyle::root(url),
                            escape(&crate::site::encode_path(path))
                        ),
                        _ => String::new(),
                    };
                    let mut parts = row.iter().filter(|c| !c.is_empty()).map(cell);
                    let first = image + &parts.next().unwrap_or_default();
                    let rest: Vec<String> = parts.collect();
                    match rest.is_empty() {
                        true => html.push_str(&format!("<li>{first}</li>\n")),
                        false => {
                            html.push_str(&format!("<li>{first}: {}</li>\n", rest.join(" · ")))
                        }
                    }
                }
                html.push_str("</ul>\n");
            }
            html.push_str("</figure>\n");
            return html;
        }
        let mut html =
            format!("<table class=\"base-view\">\n<caption>{name}</caption>\n<thead><tr>");
        for c in &view.columns {
            html.push_str(&format!("<th scope=\"col\">{}</th>", escape(c)));
        }
        html.push_str("</tr></thead>\n");
        for (group, rows) in &view.groups {
            html.push_str("<tbody>\n");
            if let Some(g) = group {
                let g = cell(g);
                let g = if g.is_empty() {
                    "(none)".to_string()
                } else {
                    g
                };
                html.push_str(&format!(
                    "<tr><th scope=\"rowgroup\" colspan=\"{}\">{g}</th></tr>\n",
                    view.columns.len()
                ));
            }
            for row in rows {
                html.push_str("<tr>");
                for c in row {
                    html.push_str(&format!("<td>{}</td>", cell(c)));
                }
                html.push_str("</tr>\n");
            }
            html.push_str("</tbody>\n");
        }
        if view.groups.is_empty() {
            html.push_str(&format!(
                "<tbody>\n<tr><td colspan=\"{}\">No notes</td></tr>\n</tbody>\n",
                view.columns.len()
            ));
        }
        if !view.summaries.is_empty() {
            html.push_str("<tfoot><tr>");
            for s in &view.summaries {
                html.push_str(&format!("<td>{}</td>", escape(s)));
            }
            html.push_str("</tr></tfoot>\n");
        }
        html.push_str("</table>\n");
        html
    }
}

/// The summary `name` (one of Obsidian's, or one of the base's own) of a column's values.
pub fn summary(
    env: &mut Env,
    base: &Base,
    name: &str,
    values: &[Value],
) -> Result<String, Unsupported> {
    if let Some(expr) = base.summaries.get(name) {
        env.locals.push(("values", Value::List(values.to_vec())));
        let v = env.eval(expr);
        env.locals.pop();
        return Ok(number_text(&v?));
    }
    let numbers: Vec<f64> = values
        .iter()
        .filter_map(|v| match v {
            Value::Number(n) => Some(*n),
            _ => None,
        })
        .collect();
    let filled: Vec<&Value> = values
        .iter()
        .filter(|v| !super::eval::is_empty(v))
        .collect();
    let count = |n: usize| Value::Number(n as f64);
    let stat = |f: fn(&[f64]) -> f64| match numbers.is_empty() {
        true => Value::Null,
        false => Value::Number(f(&numbers)),
    };
    let v = match name {
        "Average" => stat(mean),
        "Min" => stat(|n| n.iter().copied().fold(f64::INFINITY, f64::min)),
        "Max" => stat(|n| n.iter().copied().fold(f64::NEG_INFINITY, f64::max)),
        "Sum" => stat(|n| n.iter().sum()),
        "Range" => stat(|n| {
            let max = n.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            max - n.iter().copied().fold(f64::INFINITY, f64::min)
        }),
        "Median" => stat(|n| {
            let mut n = n.to_vec();
            n.sort_by(f64::total_cmp);
            let mid = n.len() / 2;
            if n.len() % 2 == 0 {
                (n[mid - 1] + n[mid]) / 2.0
            } else {
                n[mid]
            }
        }),
        "Stddev" => stat(|n| {
            let m = mean(n);
            (n.iter().map(|x| (x - m).powi(2)).sum::<f64>() / n.len() as f64).sqrt()
        }),
        "Earliest" => filled
            .iter()
            .copied()
            .min_by(|a, b| order(a, b))
            .cloned()
            .unwrap_or(Value::Null),
        "Latest" => filled
            .iter()
            .copied()
            .max_by(|a, b| order(a, b))
            .cloned()
            .unwrap_or(Value::Null),
        "Checked" => count(values.iter().filter(|v| **v == Value::Bool(true)).count()),
        "Unchecked" => count(values.iter().filter(|v| **v == Value::Bool(false)).count()),
        "Empty" => count(values.len() - filled.len()),
        "Filled" => count(filled.len()),
        "Unique" => {
            let mut seen: Vec<String> = filled.iter().map(|v| shown(v)).collect();
            seen.sort();
            seen.dedup();
            count(seen.len())
        }
        other => return Err(Unsupported(format!("the summary `{other}`"))),
    };
    Ok(number_text(&v))
}

fn mean(n: &[f64]) -> f64 {
    n.iter().sum::<f64>() / n.len() as f64
}

/// A summary as text: a number to two decimal places at most.
fn number_text(v: &Value) -> String {
    match as_number(v) {
        Some(n) if matches!(v, Value::Number(_)) => {
            shown(&Value::Number((n * 100.0).round() / 100.0))
        }
        _ => shown(v),
    }
}
