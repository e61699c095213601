//! Hugo's own `permalinks`, read from the site's configuration when book.toml has no
//! `[permalinks]` of its own (see `load/hugo_params.rs`, which finds them).

use super::addresses::{Entry, Permalinks};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::text::line_col;
use std::path::Path;

impl Permalinks {
    /// The `permalinks` of a Hugo site's own configuration (`value`, read from the
    /// file `file` whose text is `source`), read as book.toml's `[permalinks]` is, each
    /// entry placed at the line of `source` that holds its pattern. `None`, with one
    /// warning, when they cannot be read as attune reads them.
    pub fn from_hugo(
        value: toml::Value,
        file: &Path,
        source: &str,
        problems: &mut Diagnostics,
    ) -> Option<Permalinks> {
        #[derive(serde::Deserialize)]
        struct Holder {
            permalinks: Permalinks,
        }
        let mut table = toml::Table::new();
        table.insert("permalinks".into(), value);
        let text = toml::to_string(&table).ok()?;
        // One warning at the `permalinks` key when they cannot be read as attune reads
        // them: none is read.
        let not_read = |why: &str| {
            let at = source
                .find("permalinks")
                .map_or((1, 1), |i| line_col(source, i));
            Diagnostic::warning(
                Code::Config,
                format!("the site's permalinks are not read: {why}"),
            )
            .at(file, at.0, at.1)
            .help("paste them under [permalinks] in book.toml and correct them there")
        };
        let mut found = Diagnostics::new();
        let mut permalinks = match toml::from_str::<Holder>(&text) {
            Ok(holder) => holder.permalinks,
            Err(e) => {
                problems.push(not_read(e.message()));
                return None;
            }
        };
        permalinks.locate(&text, file, &mut found);
        let place = |entry: &mut Entry| {
            entry.file = file.to_path_buf();
            let at = source
                .find(&entry.value)
                .map(|i| line_col(source, i))
                .unwrap_or((1, 1));
            entry.value_at = at;
            entry.at = (at.0, 1);
        };
        permalinks.read_from = Some(file.to_path_buf());
        permalinks.entries.iter_mut().for_each(|(_, e)| place(e));
        permalinks
            .rules
            .iter_mut()
            .for_each(|r| place(&mut r.pattern));
        if let Some(first) = found.into_vec().into_iter().next() {
            problems.push(not_read(&first.message));
            return None;
        }
        Some(permalinks)
    }
}
