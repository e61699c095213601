//! Text helpers every stage shares: HTML escaping, slugs, byte offsets as line and
//! column, percent-decoding. A leaf module: it imports nothing of attune.

use std::cell::Cell;

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` composed (Unicode NFC): a name macOS wrote decomposed (`e` + U+0301) and
/// the same name typed in a note (`é`) compare equal once both are composed.
pub fn nfc(text: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

/// Text saved as UTF-16 (Windows Notepad's "Unicode"), decoded: with its byte-order
/// mark (`FF FE` little-endian, `FE FF` big-endian), or without one when it reads as
/// UTF-16 plainly (a NUL beside each of the first 256 characters' bytes nearly always,
/// as ASCII text gives). The name of its byte order beside the text; `None` for
/// anything else, or a surrogate without its pair.
pub fn utf16_text(bytes: &[u8]) -> Option<(String, &'static str)> {
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (little, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => {
            let head = &bytes[..bytes.len().min(512)];
            let pairs = head.len() / 2;
            let zero_at = |at: usize| {
                head.chunks(2)
                    .filter(|p| p[at] == 0 && p[1 - at] != 0)
                    .count()
            };
            match (zero_at(1), zero_at(0)) {
                (le, _) if pairs >= 4 && le * 10 >= pairs * 9 => (true, bytes),
                (_, be) if pairs >= 4 && be * 10 >= pairs * 9 => (false, bytes),
                _ => return None,
            }
        }
    };
    let units = body.chunks(2).map(|p| match little {
        true => u16::from_le_bytes([p[0], p[1]]),
        false => u16::from_be_bytes([p[0], p[1]]),
    });
    let text: String = char::decode_utf16(units).collect::<Result<_, _>>().ok()?;
    Some((
        text,
        if little {
            "little-endian"
        } else {
            "big-endian"
        },
    ))
}

/// Each line of `text` with its line break, and the offset where it starts.
pub fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        *at += line.len();
        Some((*at - line.len(), line))
    })
}

/// Whether `part` occurs in `text`: `str::contains` with a vectorised search, for
/// the checks on a whole body that decide whether a pass runs at all (the standard
/// library's two-way searcher costs more to set up than most of them take to scan).
pub fn holds(text: &str, part: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), part.as_bytes()).is_some()
}

/// A URL-safe identifier: lowercase letters and digits (any script), single hyphens.
/// The text is composed first (NFC), so a name macOS wrote decomposed (`re\u{301}sume\u{301}`)
/// gives the slug its composed spelling does (`résumé`); a combining mark left after that
/// (a Devanagari virama, Arabic vowel marks, Thai tone marks) belongs to the letter before
/// it, as Hugo keeps marks in its addresses, and never splits a word.
pub fn slugify(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    let mut in_word = false;
    // ASCII is composed already: only other text is composed first.
    let composed = if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(nfc(text))
    };
    for c in composed.chars() {
        if c.is_alphanumeric() || c == '_' {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            in_word = true;
            slug.extend(c.to_lowercase());
        } else if in_word && is_combining_mark(c) {
            slug.push(c);
        } else if c != '\'' && c != '’' {
            pending_hyphen = true;
            in_word = false;
        }
    }
    slug
}

/// A slug that keeps what [`slugify`] leaves out of a name: symbols spelled as words
/// (`C++` → `c-plus-plus`, `C#` → `c-sharp`, `Bash &&` → `bash-and-and`, `$?` →
/// `dollar-question`), then letters of other alphabets and emoji in ASCII where the
/// name has no letter or digit at all (`🧠` → `brain`). For notes whose names differ
/// only in those symbols, as a vault on programming holds them, and names made of
/// them alone. Empty when nothing of the name can be spelled.
pub fn spelled_slug(text: &str) -> String {
    let mut spelled = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let word = match c {
            '+' => "plus",
            '#' => "sharp",
            '&' => "and",
            '@' => "at",
            '%' => "percent",
            '$' => "dollar",
            '=' => "equals",
            '?' => "question",
            '!' => "bang",
            ';' => "semicolon",
            '*' => "star",
            '<' => "less",
            '>' => "greater",
            '|' => "pipe",
            '~' => "tilde",
            '^' => "caret",
            _ => {
                spelled.push(c);
                continue;
            }
        };
        spelled.push(' ');
        spelled.push_str(word);
        spelled.push(' ');
    }
    let slug = slugify(&spelled);
    if slug.is_empty() {
        slugify(&deunicode::deunicode(text))
    } else {
        slug
    }
}

/// The address of a tag's page: its [`slugify`]d name, with each emoji in it spelled
/// in ASCII words as [`spelled_slug`] spells a note's name (`🌱` → `seedling`,
/// `📚/reading` → `books-reading`, as gardens mark a note's growth or subject), so
/// `#📚/reading` and `#reading`, two tags in Obsidian, keep two pages. Empty for
/// punctuation alone (`!!!`, `-`), which names nothing.
pub fn tag_slug(tag: &str) -> String {
    if tag.chars().any(is_emoji) {
        let mut spelled = String::with_capacity(tag.len() * 2);
        for c in tag.chars() {
            if is_emoji(c) {
                spelled.push(' ');
                spelled.push_str(deunicode::deunicode_char(c).unwrap_or_default());
                spelled.push(' ');
            } else {
                spelled.push(c);
            }
        }
        return slugify(&spelled);
    }
    let slug = slugify(tag);
    if slug.is_empty() {
        slugify(&deunicode::deunicode(tag))
    } else {
        slug
    }
}

/// Whether `c` is an emoji or a part of one (the variation selector, the joiner of
/// 👩‍⚕️, a keycap's mark, a flag's letters): the pictographs of Unicode's emoji blocks,
/// the older symbols (`☀`, `✅`, `⭐`, `⌛`) and the marks that combine them. Obsidian
/// and Quartz read them as part of a tag (`#🌱`, `#📚/reading`).
pub fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{2300}'..='\u{23FF}'
        | '\u{FE0F}'
        | '\u{200D}'
        | '\u{20E3}'
        | '\u{E0020}'..='\u{E007F}')
}

/// Whether [`slugify`] keeps all of a name: letters, digits, spaces, `-`, `_` and
/// apostrophes only.
pub fn slug_keeps_all(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '\'' | '’'))
}

/// A heading's text or id as a key that the ids other tools make for it share: its
/// letters and digits, lowercased, accents dropped. mdBook (and attune) make
/// `get_image_metadata` of "get_image_metadata" and `búsqueda` of "Búsqueda"; Zola and
/// Hugo make `get-image-metadata` and `busqueda`; all four give `getimagemetadata` and
/// `busqueda` here.
pub fn loose_id(text: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    text.nfd()
        .filter(|c| c.is_alphanumeric() && !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A heading's text as GitBook's ids spell it, for matching them: its symbols in words
/// (`=>` → `greater than`, `&` → `and`, `|` → `or`, `<` → `less than`, as the
/// speakingurl slugs GitBook writes spell them: "Flow => Growth" →
/// `flow-greater-than-growth`), then the letters and digits as [`loose_id`] keeps them.
pub fn symbol_id(text: &str) -> String {
    let spelled: String = text
        .chars()
        .map(|c| match c {
            '&' => " and ".to_string(),
            '|' => " or ".to_string(),
            '<' => " less than ".to_string(),
            '>' => " greater than ".to_string(),
            c => c.to_string(),
        })
        .collect();
    loose_id(&spelled)
}

/// A heading's text as Hexo's ids spell it, for matching them: its HTML escaped first,
/// so `&` is `amp` ("Settings & Their Default Values" →
/// `Settings-amp-Their-Default-Values`), then the letters and digits as [`loose_id`]
/// keeps them.
pub fn escaped_id(text: &str) -> String {
    loose_id(&escape(text))
}

/// A heading's text as Zola's ids spell it, for matching them: transliterated to ASCII
/// as its `slug` does (deunicode: `🦀` → `crab`, `你好` → `ni hao`), then the letters and
/// digits, lowercased. Compared with [`loose_id`] of a link's anchor.
pub fn ascii_id(text: &str) -> String {
    deunicode::deunicode(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A file or folder name made a title: `family-styles` or `family_styles` →
/// "Family styles". Dashes and underscores become spaces (runs of them one space) and
/// the first letter a capital, the rest kept as written; a name written with spaces
/// (as Obsidian names notes, `Adult Effects`) is kept as it is.
pub fn humanise(name: &str) -> String {
    let name = name.trim();
    if name.contains(' ') {
        return name.to_string();
    }
    let text = name
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name.to_string(),
    }
}

/// 1-based (line, column) of a byte offset in `text`; the column counts characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let offset = (0..=offset)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Byte offset → 1-based (line, column) for one text, in O(log lines) per lookup.
/// Lookups that move forward along one line count characters from the last one, so
/// thousands of links on one long line cost their length once, not once each.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last lookup: (offset, line, column).
    last: Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            text,
            starts,
            last: Cell::new((0, 0, 1)),
        }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let (last_offset, last_line, last_column) = self.last.get();
        let (from, base) = if last_line == line && (start..=offset).contains(&last_offset) {
            (last_offset, last_column)
        } else {
            (start, 1)
        };
        let Some(between) = self.text.get(from..offset) else {
            return (line + 1, 1);
        };
        let column = base + between.chars().count();
        self.last.set((offset, line, column));
        (line + 1, column)
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape (a `%` not followed by two
/// hex digits), invalid UTF-8 or a NUL.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let well_formed = memchr::memchr_iter(b'%', bytes).all(|at| {
        bytes
            .get(at + 1..at + 3)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return None;
    }
    let decoded = percent_encoding::percent_decode(bytes)
        .decode_utf8()
        .ok()?
        .into_owned();
    (!decoded.contains('\0')).then_some(decoded)
}

/// Decodes `%XX` escapes as the URL standard and Obsidian read a link's address: a `%`
/// not followed by two hex digits is itself (`24%%201%20Attacks` is `24% 1 Attacks`,
/// Obsidian's link to a folder named so); `None` for invalid UTF-8 or a NUL. An
/// address whose escapes are all well formed decodes as with [`percent_decode`].
pub fn percent_decode_lenient(s: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode(s.as_bytes())
        .decode_utf8()
        .ok()?
        .into_owned();
    (!decoded.contains('\0')).then_some(decoded)
}

/// [`percent_decode_lenient`], or `s` as written when it decodes to no text.
pub fn decoded_path(s: &str) -> String {
    percent_decode_lenient(s).unwrap_or_else(|| s.to_string())
}

/// The longest path segment (slug, tag, alias part) accepted, in bytes. File systems
/// take 255 bytes per name; the rest is room for what a build adds beside it.
pub const MAX_SEGMENT: usize = 200;

/// The longest address (its segments and slashes) accepted for a page written where
/// another tool put it, in bytes: well within the 4,096 a path may have on Linux, with
/// room for the output folder's own path.
pub const MAX_ADDRESS: usize = 2_000;

/// Why a file system cannot hold the address `url` (segments separated by `/`), if it
/// cannot: a segment longer than [`MAX_SEGMENT`] or the whole longer than
/// [`MAX_ADDRESS`].
pub fn too_long(url: &str) -> Option<String> {
    if let Some(long) = url.split('/').find(|s| s.len() > MAX_SEGMENT) {
        return Some(format!(
            "a path segment of {} bytes; at most {MAX_SEGMENT} fit in a file name",
            long.len()
        ));
    }
    (url.len() > MAX_ADDRESS)
        .then(|| format!("{} bytes; at most {MAX_ADDRESS} fit in a path", url.len()))
}

/// The lines of Markdown `text` outside fenced code (a run of 3 or more `` ` `` or `~`,
/// closed by a run of the same character at least as long), each with its index
/// (0-based) and its code spans blanked, one space for each character, so a column
/// counted in it is the line's own.
pub fn prose_lines(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    let mut fence: Option<(u8, usize)> = None;
    text.lines().enumerate().filter_map(move |(n, line)| {
        let trimmed = line.trim_start();
        let run = |c: u8| trimmed.bytes().take_while(|&b| b == c).count();
        let opens = [b'`', b'~']
            .into_iter()
            .map(|c| (c, run(c)))
            .find(|&(_, k)| k >= 3);
        match (fence, opens) {
            (Some((c, k)), Some((d, m))) if c == d && m >= k => {
                fence = None;
                None
            }
            (Some(_), _) => None,
            (None, Some(open)) => {
                fence = Some(open);
                None
            }
            (None, None) => Some((n, blank_code_spans(line))),
        }
    })
}

/// `line` with its code spans (`` `…` ``, ``` ``…`` ```) blanked, one space for each
/// character; a run of backticks nothing closes stays as written.
fn blank_code_spans(line: &str) -> String {
    let blank = |s: &str| " ".repeat(s.chars().count());
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('`') {
        out.push_str(&rest[..open]);
        let ticks = rest[open..].bytes().take_while(|&b| b == b'`').count();
        let after = &rest[open + ticks..];
        match after.find(&"`".repeat(ticks)) {
            Some(close) => {
                out.push_str(&blank(&rest[open..open + ticks + close + ticks]));
                rest = &after[close + ticks..];
            }
            None => {
                out.push_str(&rest[open..]);
                return out;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `url` is another origin's (`https:`, `http:`, `//host/…`).
pub fn is_remote(url: &str) -> bool {
    let scheme = url.split(':').next().unwrap_or_default();
    url.starts_with("//")
        || scheme.eq_ignore_ascii_case("http")
        || scheme.eq_ignore_ascii_case("https")
}

/// The origin's host, lower-cased (`img.shields.io`). As a browser reads an address
/// of the web (WHATWG's URL standard), any number of slashes, or backslashes, may
/// stand between the scheme and the host: `https:/files.example.org/a.mp3` is on
/// `files.example.org`.
pub fn url_host(url: &str) -> String {
    let scheme_end = url.find(':').filter(|&i| {
        url[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    let after = scheme_end.map_or(url, |i| &url[i + 1..]);
    let after = after.trim_start_matches(['/', '\\']);
    let authority = after
        .split(['/', '?', '#', '\\'])
        .next()
        .unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    host.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_is_read_as_browsers_read_it() {
        for (url, host) in [
            ("https://img.shields.io/badge/x", "img.shields.io"),
            ("//cdn.example.net/a.png", "cdn.example.net"),
            (
                "https:/files.example.org/words/barn.mp3",
                "files.example.org",
            ),
            ("https:\\\\Files.Example.org\\a.mp3", "files.example.org"),
            ("http://user@example.org:8080/a", "example.org:8080"),
        ] {
            assert_eq!(url_host(url), host, "{url}");
        }
    }

    #[test]
    fn tags_with_emoji_spell_them() {
        assert_eq!(tag_slug("🌱"), "seedling");
        assert_eq!(tag_slug("📚/reading"), "books-reading");
        assert_eq!(tag_slug("reading"), "reading");
        assert_eq!(tag_slug("a/b"), "a-b");
        assert_eq!(tag_slug("Café"), "café");
        assert_eq!(tag_slug("!!!"), "");
    }

    #[test]
    fn file_and_folder_names_become_titles_one_way() {
        for (name, title) in [
            ("family-styles", "Family styles"),
            ("dismissive-family_styles", "Dismissive family styles"),
            ("Family_styles", "Family styles"),
            ("API-Guide", "API Guide"),
            ("Adult Effects", "Adult Effects"),
            ("--", "--"),
            ("", ""),
        ] {
            assert_eq!(humanise(name), title, "{name}");
        }
    }

    #[test]
    fn slugify_makes_stable_ids() {
        assert_eq!(
            slugify("Section 1 of article 12"),
            "section-1-of-article-12"
        );
        assert_eq!(slugify("  What's *this*?  "), "whats-this");
        assert_eq!(slugify("Über Gefühle"), "über-gefühle");
        // Decomposed (as macOS writes file names) and composed give one slug; marks
        // with no composed form stay with their letter.
        assert_eq!(slugify("Re\u{301}sume\u{301} 2"), "résumé-2");
        assert_eq!(slugify("हिन्दी भाषा"), "हिन्दी-भाषा");
        assert_eq!(slugify("مَرْحَبًا بِكُمْ"), "مَرْحَبًا-بِكُمْ");
        assert_eq!(slugify("a \u{301}b"), "a-b");
    }

    #[test]
    fn utf16_text_is_read_with_or_without_its_mark() {
        let le: Vec<u8> = "\u{feff}# Café\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            utf16_text(&le),
            Some(("# Café\n".to_string(), "little-endian"))
        );
        let be: Vec<u8> = "\u{feff}# 心理\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            utf16_text(&be),
            Some(("# 心理\n".to_string(), "big-endian"))
        );
        let bare: Vec<u8> = "# Notes on care\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            utf16_text(&bare).map(|t| t.0).as_deref(),
            Some("# Notes on care\n")
        );
        // UTF-8, an image, an odd length and a lone surrogate are not UTF-16 text.
        assert_eq!(utf16_text("# Notes on care\n".as_bytes()), None);
        assert_eq!(utf16_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
        assert_eq!(utf16_text(b"\xFF\xFEa\0b"), None);
        assert_eq!(utf16_text(b"\xFF\xFE\x00\xD8a\0"), None);
    }

    #[test]
    fn spelled_slugs_keep_symbols_a_slug_drops() {
        assert_eq!(spelled_slug("C++ Boilerplate"), "c-plus-plus-boilerplate");
        assert_eq!(spelled_slug("C#"), "c-sharp");
        assert_eq!(spelled_slug("Bash &&"), "bash-and-and");
        assert_eq!(spelled_slug("$?"), "dollar-question");
        assert_eq!(spelled_slug("🧠"), "brain");
        assert_eq!(spelled_slug("Über Gefühle"), "über-gefühle");
        assert_eq!(spelled_slug("()"), "");
        assert!(slug_keeps_all("Adult Effects - it's_fine"));
        assert!(!slug_keeps_all("C++"));
    }

    #[test]
    fn zola_ids_spell_emoji_and_other_scripts_in_ascii() {
        assert_eq!(
            super::ascii_id("I-unsound issues (🦀)"),
            super::loose_id("i-unsound-issues-crab")
        );
        assert_eq!(super::ascii_id("Búsqueda"), "busqueda");
        assert_eq!(
            super::symbol_id("Energy Flow => Growth & Decay | Rest <1"),
            super::loose_id("energy-flow-greater-than-growth-and-decay-or-rest-less-than-1")
        );
        assert_eq!(super::ascii_id("你好"), "nihao");
        assert_eq!(
            super::escaped_id("Settings & Their Default Values"),
            super::loose_id("Settings-amp-Their-Default-Values")
        );
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\ncdé f\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'f' is after "cdé " — the é is two bytes but one column.
        assert_eq!(line_col(text, text.find('f').unwrap()), (2, 5));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let text = "ab\ncd é f\n\nxyz é\n";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        // Forward along lines (the cached path) and backwards (the fresh path).
        for &i in offsets.iter().chain(offsets.iter().rev()) {
            assert_eq!(index.position(i), line_col(text, i), "offset {i}");
        }
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b.md").as_deref(), Some("a b.md"));
        assert_eq!(percent_decode("%C3%A9t%c3%a9").as_deref(), Some("été"));
        assert_eq!(percent_decode("100%"), None);
        // Read as the URL standard and Obsidian read an address: a `%` before no two
        // hex digits is itself; well-formed escapes decode as before.
        use super::percent_decode_lenient as lenient;
        assert_eq!(
            lenient("24%%201%20Attacks").as_deref(),
            Some("24% 1 Attacks")
        );
        assert_eq!(lenient("100%").as_deref(), Some("100%"));
        assert_eq!(lenient("50%25%zz").as_deref(), Some("50%%zz"));
        assert_eq!(lenient("%C3%A9t%c3%a9").as_deref(), Some("été"));
        assert_eq!(lenient("%FF"), None);
        assert_eq!(lenient("a%00"), None);
        assert_eq!(percent_decode("%2"), None);
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%+1"), None);
        assert_eq!(percent_decode("a%00"), None);
        assert_eq!(percent_decode("%FF"), None);
        assert_eq!(percent_decode("é%"), None);
    }

    #[test]
    fn escape_covers_content_and_attributes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn prose_lines_skip_fences_and_blank_code_spans_in_place() {
        let text = "a `{{x}}` {{y}}\n````\n```\n{{in}}\n````\n~~~\nz\n~~~\nb ``é`` <%t%>\n`open";
        let lines: Vec<(usize, String)> = prose_lines(text).collect();
        assert_eq!(
            lines,
            [
                (0, "a         {{y}}".to_string()),
                (8, "b       <%t%>".to_string()),
                (9, "`open".to_string()),
            ]
        );
    }

    #[test]
    fn an_address_is_remote_with_a_scheme_of_the_web_or_two_slashes() {
        for yes in ["https://a.org/x.png", "HTTP://a.org", "//a.org/x"] {
            assert!(super::is_remote(yes), "{yes}");
        }
        for no in [
            "a.png",
            "/a.png",
            "data:image/png;base64,x",
            "mailto:a@b.org",
        ] {
            assert!(!super::is_remote(no), "{no}");
        }
        assert_eq!(
            super::url_host("https://user@Host.org:8080/x?y"),
            "host.org:8080"
        );
    }
}
