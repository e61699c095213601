//! JSON that is safe inside an HTML `<script>` element, or in a script file a page
//! loads: the one way every page and script embeds JSON (JSON-LD, search shards).
//!
//! Inside `<script>`, the HTML parser ends the element at `</script` and enters its
//! escaped states at `<!--`, whatever the JavaScript or JSON says; and engines from
//! before ES2019 end a string at U+2028 and U+2029. So `<`, `>` and `&` are written as
//! `\u003c`, `\u003e` and `\u0026`, and the two separators as `\u2028` and `\u2029`.
//! In valid JSON these characters only occur inside strings, where each escape means
//! the same character: a JSON parser reads the value unchanged.

use serde::Serialize;

/// `value` as compact JSON, safe inside `<script>`.
pub fn to_string(value: &impl Serialize) -> String {
    let json = serde_json::to_vec(value).unwrap_or_default();
    // Only ASCII escapes replace whole UTF-8 characters: the text stays UTF-8.
    String::from_utf8(escape(json)).unwrap_or_default()
}

/// `value` as compact JSON bytes, safe inside `<script>`.
pub fn to_vec(value: &impl Serialize) -> Vec<u8> {
    escape(serde_json::to_vec(value).unwrap_or_default())
}

/// Serialised JSON with the characters that could end or confuse a `<script>`
/// element written as JSON escapes. Returns the input itself when it holds none.
pub fn escape(json: Vec<u8>) -> Vec<u8> {
    const LINE_SEPARATOR: &[u8] = "\u{2028}".as_bytes();
    const PARAGRAPH_SEPARATOR: &[u8] = "\u{2029}".as_bytes();
    let separators = || {
        memchr::memmem::find(&json, LINE_SEPARATOR).is_some()
            || memchr::memmem::find(&json, PARAGRAPH_SEPARATOR).is_some()
    };
    if memchr::memchr3(b'<', b'>', b'&', &json).is_none() && !separators() {
        return json;
    }
    let mut out = Vec::with_capacity(json.len() + 64);
    let mut i = 0;
    while i < json.len() {
        let rest = &json[i..];
        match rest[0] {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b'&' => out.extend_from_slice(b"\\u0026"),
            _ if rest.starts_with(LINE_SEPARATOR) => {
                out.extend_from_slice(b"\\u2028");
                i += LINE_SEPARATOR.len();
                continue;
            }
            _ if rest.starts_with(PARAGRAPH_SEPARATOR) => {
                out.extend_from_slice(b"\\u2029");
                i += PARAGRAPH_SEPARATOR.len();
                continue;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_can_close_the_script_or_open_a_comment_and_the_value_reads_back() {
        let hostile = [
            "</script><script>alert(1)</script>",
            "<!-- <script>",
            "a & b > c",
            "line\u{2028}break\u{2029}para",
            "plain “quotes” — é",
        ];
        let json = to_string(&hostile);
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!json.contains(bad), "{bad:?} in {json}");
        }
        assert!(json.contains("\\u003c/script\\u003e"));
        assert!(json.contains("\\u003c!--"));
        assert!(json.contains("line\\u2028break\\u2029para"));
        // Other characters, ASCII or not, stay as they were.
        assert!(json.contains("plain “quotes” — é"));
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, hostile);
        assert_eq!(to_vec(&hostile), json.as_bytes());
    }

    #[test]
    fn json_without_those_characters_is_returned_as_is() {
        let json = serde_json::to_vec(&["plain", "“curly” – dash"]).unwrap();
        assert_eq!(escape(json.clone()), json);
    }
}
