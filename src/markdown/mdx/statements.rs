//! Where an MDX `import` or `export` statement ends. MDX ends one at a blank line,
//! unless its JavaScript is not complete there: a function a page exports
//! (`export function Demo() {`, its body over paragraphs of code) runs on past its
//! blank lines to its closing brace (203-Systems/Matrix-Wiki: the bodies of 20 such
//! functions were shown as the page's text).

/// Where the statement starting `rest` ends: at the first blank line outside its
/// brackets, strings and comments; at the first blank line if its brackets never
/// close (JavaScript attune cannot follow), or at the end of the text.
pub(super) fn statement_end(rest: &str) -> usize {
    let first_blank = rest.find("\n\n").unwrap_or(rest.len());
    let bytes = rest.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'(' | b'[' => depth += 1,
            b'}' | b')' | b']' => depth = depth.saturating_sub(1),
            // A string ends on its line (an apostrophe in JSX text ends there too).
            q @ (b'"' | b'\'') => i = string_end(bytes, i + 1, q, true),
            b'`' => i = string_end(bytes, i + 1, b'`', false),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |e| i + e);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = rest[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |e| i + 2 + e + 2);
                continue;
            }
            b'\n' if depth == 0 && blank_line_follows(&bytes[i + 1..]) => return i,
            _ => {}
        }
        i += 1;
    }
    if depth == 0 {
        rest.len()
    } else {
        first_blank
    }
}

/// Where a string opened by `quote` before `from` ends (the quote's place), or, for
/// a string that ends on its line, the line's end.
fn string_end(bytes: &[u8], mut from: usize, quote: u8, on_its_line: bool) -> usize {
    while from < bytes.len() {
        match bytes[from] {
            b'\\' => from += 1,
            b'\n' if on_its_line => return from - 1,
            b if b == quote => return from,
            _ => {}
        }
        from += 1;
    }
    bytes.len()
}

/// Whether the line `rest` starts holds only white space before its end.
fn blank_line_follows(rest: &[u8]) -> bool {
    let line = memchr::memchr(b'\n', rest).map_or(rest, |e| &rest[..e]);
    line.iter().all(u8::is_ascii_whitespace)
}

#[cfg(test)]
mod tests {
    use super::statement_end;

    #[test]
    fn a_statement_runs_past_blank_lines_inside_its_brackets() {
        let text = "import A from 'a';\n\n# Title\n";
        assert_eq!(&text[..statement_end(text)], "import A from 'a';");
        let text = "export function Demo() {\n\n  const a = [\n\n    1,\n  ];\n  // a } in a comment\n  return <A title=\"}\" b={a} />;\n}\n\nText.\n";
        assert!(text[..statement_end(text)].ends_with("/>;\n}"));
        let text = "export const tip = `one }\n\ntwo`;\n\nText.\n";
        assert!(text[..statement_end(text)].ends_with("two`;"));
        // An apostrophe in JSX text does not open a string past its line.
        let text = "export const A = () => (\n  <p>Don't {x}</p>\n\n);\n\nText.\n";
        assert!(text[..statement_end(text)].ends_with(");"));
        // Brackets that never close: the first blank line, as before.
        let text = "export const broken = {\n\n# Title\n\nText.\n";
        assert_eq!(&text[..statement_end(text)], "export const broken = {");
        // A line of spaces is blank.
        let text = "export const a = 1;\n  \nText.\n";
        assert_eq!(&text[..statement_end(text)], "export const a = 1;");
    }
}
