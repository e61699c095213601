//! A wikilink's `|` in a table row (`| ![[chart.png|300]] | [[Note|label]] |`), which
//! would end the cell: escaped as `\|` before the table is read, as Quartz does for the
//! gardens it publishes, so the link keeps its label or size and the row its cells.
//! Obsidian asks for the `\|` to be written; one already written stays as it is.

use super::expand::{inside, literal_ranges, SegMap, Splice};
use pulldown_cmark::Options;

/// Whether `line` is a table's delimiter row (`|---|:--:|`, `--- | ---`).
fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    let line = line.strip_prefix('>').map_or(line, str::trim_start);
    line.contains('-')
        && (line.contains('|') || line.starts_with(':'))
        && line.trim_matches('|').split('|').all(|cell| {
            let cell = cell.trim().trim_start_matches(':').trim_end_matches(':');
            !cell.is_empty() && cell.bytes().all(|b| b == b'-')
        })
}

/// The text with each unescaped `|` inside a `[[…]]` on a table's lines escaped, and
/// the map back to the text as written; `None` when there is none.
pub(super) fn escape(text: &str, options: Options) -> Option<(String, SegMap)> {
    let lines: Vec<(usize, &str)> = crate::text::lines_at(text).collect();
    // The lines of each table: the header row, the delimiter row and the rows up to a
    // blank line; a line without a `|` is a row too, as GFM reads it (a garden's
    // `![[chart.webp|184]]` right under a table), if the parse below agrees.
    let mut rows = Vec::new();
    for (n, (_, line)) in lines.iter().enumerate() {
        if n == 0 || !is_delimiter_row(line) {
            continue;
        }
        rows.push(n - 1);
        rows.extend((n + 1..lines.len()).take_while(|&m| !lines[m].1.trim().is_empty()));
    }
    let mut bars = Vec::new();
    for n in rows {
        let (start, line) = lines[n];
        let mut from = 0;
        while let Some(open) = line[from..].find("[[") {
            let open = from + open;
            let Some(close) = line[open..].find("]]") else {
                break;
            };
            let close = open + close;
            for (i, _) in line[open..close].match_indices('|') {
                let at = open + i;
                if line.as_bytes()[at - 1] != b'\\' {
                    bars.push(start + at);
                }
            }
            from = close + 2;
        }
    }
    if bars.is_empty() {
        return None;
    }
    let literal = literal_ranges(text, options);
    let tables: Vec<std::ops::Range<usize>> = pulldown_cmark::Parser::new_ext(text, options)
        .into_offset_iter()
        .filter_map(|(event, range)| {
            matches!(
                event,
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Table(_))
            )
            .then_some(range)
        })
        .collect();
    bars.retain(|&at| !inside(&literal, at) && inside(&tables, at));
    if bars.is_empty() {
        return None;
    }
    Some(Splice::escaped(text, &bars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_in_wikilinks_on_table_rows_are_escaped() {
        let text = "| a | b |\n|---|---|\n| ![[x.png|300]] | [[N|label]] and [[M\\|kept]] |\n\nNot a table: [[N|label]]\n\n`| [[c|d]] |`\n";
        let (out, _) = escape(text, Options::ENABLE_TABLES).unwrap();
        assert_eq!(
            out,
            "| a | b |\n|---|---|\n| ![[x.png\\|300]] | [[N\\|label]] and [[M\\|kept]] |\n\nNot a table: [[N|label]]\n\n`| [[c|d]] |`\n"
        );
        assert!(escape("a | b\n--- | ---\nc | d\n", Options::ENABLE_TABLES).is_none());
        // A row without a bar, as GFM continues a table; a heading ends it.
        let text = "| a |\n|---|\n| 1 |\nGraphing:\n![[chart.webp|184]]\n# Next\n[[N|label]]\n";
        assert_eq!(
            escape(text, Options::ENABLE_TABLES).unwrap().0,
            "| a |\n|---|\n| 1 |\nGraphing:\n![[chart.webp\\|184]]\n# Next\n[[N|label]]\n"
        );
        assert!(is_delimiter_row("| :--- | :---: | --: |\n"));
        assert!(!is_delimiter_row("---\n"));
    }
}
