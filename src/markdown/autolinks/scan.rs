//! Finding the addresses in one text: cmark-gfm's scans for `www.`, schemes and
//! e-mail addresses, made linear (see the module above).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Www,
    Url,
    Email,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Whether the character starting at `at` may be part of a domain: not white space
/// and not punctuation (ASCII, or the Unicode punctuation blocks).
fn is_host_char(text: &str, at: usize) -> bool {
    let Some(c) = text.get(at..).and_then(|t| t.chars().next()) else {
        return false;
    };
    if c.is_ascii() {
        return !is_space(c as u8) && !c.is_ascii_punctuation();
    }
    !c.is_whitespace() && !is_unicode_punctuation(c)
}

fn is_unicode_punctuation(c: char) -> bool {
    matches!(c,
        '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}'
        | '\u{37e}' | '\u{387}'
        | '\u{55a}'..='\u{55f}' | '\u{589}' | '\u{58a}'
        | '\u{5be}' | '\u{5c0}' | '\u{5c3}' | '\u{5c6}' | '\u{5f3}' | '\u{5f4}'
        | '\u{609}' | '\u{60a}' | '\u{60c}' | '\u{60d}' | '\u{61b}' | '\u{61e}' | '\u{61f}'
        | '\u{66a}'..='\u{66d}' | '\u{6d4}'
        | '\u{964}' | '\u{965}' | '\u{970}'
        | '\u{e4f}' | '\u{e5a}' | '\u{e5b}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
        | '\u{2308}'..='\u{230b}' | '\u{2329}' | '\u{232a}'
        | '\u{2768}'..='\u{2775}' | '\u{27c5}' | '\u{27c6}' | '\u{27e6}'..='\u{27ef}'
        | '\u{2983}'..='\u{2998}' | '\u{29d8}'..='\u{29db}' | '\u{29fc}' | '\u{29fd}'
        | '\u{2cf9}'..='\u{2cfc}' | '\u{2cfe}' | '\u{2cff}' | '\u{2e00}'..='\u{2e7f}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}'
        | '\u{3030}' | '\u{303d}' | '\u{30a0}' | '\u{30fb}'
        | '\u{fe10}'..='\u{fe19}' | '\u{fe30}'..='\u{fe52}' | '\u{fe54}'..='\u{fe61}'
        | '\u{fe63}' | '\u{fe68}' | '\u{fe6a}' | '\u{fe6b}'
        | '\u{ff01}'..='\u{ff03}' | '\u{ff05}'..='\u{ff0a}' | '\u{ff0c}'..='\u{ff0f}'
        | '\u{ff1a}' | '\u{ff1b}' | '\u{ff1f}' | '\u{ff20}' | '\u{ff3b}'..='\u{ff3d}'
        | '\u{ff3f}' | '\u{ff5b}' | '\u{ff5d}' | '\u{ff5f}'..='\u{ff65}'
    )
}

/// The links in `text`, in order. `at_start` says whether `www.` may open it;
/// `brackets` counts the `[` still open in the block (carried across runs);
/// `escaped_at` lists the offsets of characters written escaped (`\[`).
pub(super) fn find(
    text: &str,
    at_start: bool,
    open: &mut Open,
    escaped_at: &[usize],
) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // The end of the last link: nothing before it is looked at again.
    let mut floor = 0;
    let mut domains = DomainMemo::default();
    let mut i = 0;
    while i < bytes.len() {
        let link = match bytes[i] {
            b'[' if escaped_at.binary_search(&i).is_err() => {
                open.brackets += 1;
                None
            }
            b']' if escaped_at.binary_search(&i).is_err() => {
                open.brackets = open.brackets.saturating_sub(1);
                None
            }
            b'=' if bytes.get(i + 1) == Some(&b'=') => {
                open.highlights += 1;
                i += 1;
                None
            }
            b'w' if open.brackets == 0 => {
                let ok_before = if i == 0 {
                    at_start
                } else {
                    let b = bytes[i - 1];
                    is_space(b) || b"*_~(".contains(&b)
                };
                ok_before
                    .then(|| www(text, i, &mut domains))
                    .flatten()
                    .map(|end| (i, i, end, Kind::Www))
            }
            b':' if open.brackets == 0 => {
                url(text, i, floor).map(|(start, end)| (start, i, end, Kind::Url))
            }
            _ => None,
        };
        let Some((start, trim_from, mut end, kind)) = link else {
            i += 1;
            continue;
        };
        // Obsidian's `==highlight==` closing right after the address is not part of it.
        if open.highlights % 2 == 1 && text[start..end].ends_with("==") {
            end = trim(bytes, trim_from, end - 2).max(start + 1);
        }
        emails(text, floor, start, &mut found);
        found.push(Found { start, end, kind });
        floor = end;
        i = end;
    }
    emails(text, floor, bytes.len(), &mut found);
    found
}

/// What is open in the block so far, across its runs of text: `[` not closed (no
/// `www.` or scheme is a link after one), and `==` seen (an odd count: a highlight is
/// open).
#[derive(Debug, Default)]
pub(super) struct Open {
    pub(super) brackets: usize,
    pub(super) highlights: usize,
}

/// The end of the longest stretch from `from` that is not white space and holds no `<`.
fn to_space(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| is_space(b) || b == b'<')
        .map_or(bytes.len(), |p| from + p)
}

/// `www.` at `at`, then a valid domain: where the link ends.
fn www(text: &str, at: usize, memo: &mut DomainMemo) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes[at..].starts_with(b"www.") {
        return None;
    }
    let domain_end = memo.check(text, at)?;
    let end = to_space(bytes, domain_end.max(at));
    let end = trim(bytes, at, end);
    (end > at).then_some(end)
}

/// A scheme ending at the `:` at `colon`, `//`, a domain: the link's start and end.
/// The scheme is the letters before the `:`, back to `floor`.
fn url(text: &str, colon: usize, floor: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    if bytes.len() - colon < 4 || bytes[colon + 1] != b'/' || bytes[colon + 2] != b'/' {
        return None;
    }
    let mut start = colon;
    while start > floor && bytes[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    let scheme = &text[start..colon];
    if !["http", "https", "ftp"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme))
    {
        return None;
    }
    let host = colon + 3;
    if !is_host_char(text, host) {
        return None;
    }
    let domain_end = check_domain(text, host, true)?.end;
    let end = to_space(bytes, domain_end);
    let end = trim(bytes, colon, end);
    (end > colon).then_some((start, end))
}

/// The result of one domain scan: where it stopped, its last two dots, and whether
/// the parts after the last two dots hold an `_`.
#[derive(Clone, Copy)]
struct DomainScan {
    end: usize,
    dots: usize,
    last_dots: [Option<usize>; 2],
    bad: bool,
}

/// A domain starting at `from` (its first character not checked, as cmark-gfm does
/// not): letters, digits, `-`, `_` and `.`, up to the first other character (a
/// non-ASCII one ends it too, once counted); `None` when its last two parts hold an
/// `_`, or (unless `allow_short`) it has no `.`.
fn check_domain(text: &str, from: usize, allow_short: bool) -> Option<DomainScan> {
    let scan = scan_domain(text, from);
    (!scan.bad && (allow_short || scan.dots > 0)).then_some(scan)
}

fn scan_domain(text: &str, from: usize) -> DomainScan {
    let bytes = text.as_bytes();
    // cmark-gfm never looks at the text's last character.
    let limit = bytes.len().saturating_sub(1);
    let (mut underscores_before, mut underscores_after) = (0usize, 0usize);
    let mut dots = 0;
    let mut last_dots = [None, None];
    let mut i = from + 1;
    while i < limit {
        let b = bytes[i];
        if b == b'_' {
            underscores_after += 1;
        } else if b == b'.' {
            underscores_before = underscores_after;
            underscores_after = 0;
            dots += 1;
            last_dots = [last_dots[1], Some(i)];
        } else if b >= 0x80 {
            // Byte by byte, a character past ASCII ends the domain (after its first
            // byte when it is a letter).
            if is_host_char(text, i) {
                i += 1;
            }
            break;
        } else if b != b'-' && !is_host_char(text, i) {
            break;
        }
        i += 1;
    }
    DomainScan {
        end: i.max(from),
        dots,
        last_dots,
        bad: underscores_before > 0 || underscores_after > 0,
    }
}

/// Domain scans for `www.` remembered: every `www.` inside a stretch already scanned
/// stops where that scan stopped, so unless it starts inside the stretch's last two
/// parts, its answer is the same (`_www.a_www.a_…` is scanned once, not once a `www.`).
#[derive(Default)]
struct DomainMemo {
    last: Option<(usize, DomainScan)>,
}

impl DomainMemo {
    fn check(&mut self, text: &str, at: usize) -> Option<usize> {
        if let Some((from, scan)) = self.last {
            let inside = at > from && at < scan.end;
            if inside && scan.last_dots[0].is_some_and(|first| first > at) {
                return (!scan.bad).then_some(scan.end);
            }
        }
        let scan = scan_domain(text, at);
        self.last = Some((at, scan));
        (!scan.bad && scan.dots > 0).then_some(scan.end)
    }
}

/// Where a link from `start` to `end` really ends: trailing punctuation, an unmatched
/// trailing `)` and a trailing `&entity;` taken off (cmark-gfm's `autolink_delim`,
/// counting the parentheses once).
fn trim(bytes: &[u8], start: usize, mut end: usize) -> usize {
    let mut parens: Option<(usize, usize)> = None;
    while end > start {
        let last = bytes[end - 1];
        if b"?!.,:*_~'\"".contains(&last) {
            end -= 1;
        } else if last == b';' {
            if end - start < 2 {
                end -= 1;
                continue;
            }
            let mut new_end = end - 2;
            while new_end > start && bytes[new_end].is_ascii_alphabetic() {
                new_end -= 1;
            }
            if new_end < end - 2 && bytes[new_end] == b'&' {
                end = new_end;
            } else {
                end -= 1;
            }
        } else if last == b')' {
            let (open, close) = parens.get_or_insert_with(|| {
                let slice = &bytes[start..end];
                (
                    slice.iter().filter(|&&b| b == b'(').count(),
                    slice.iter().filter(|&&b| b == b')').count(),
                )
            });
            if *close <= *open {
                break;
            }
            *close -= 1;
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// The e-mail addresses in `from..to`, added to `found` (cmark-gfm's rules for them).
fn emails(text: &str, from: usize, to: usize, found: &mut Vec<Found>) {
    let bytes = text.as_bytes();
    let mut offset = from;
    while offset < to {
        let Some(at) = memchr::memchr(b'@', &bytes[offset..to]).map(|p| offset + p) else {
            return;
        };
        // The address before the `@`.
        let mut start = at;
        let mut slash = false;
        while start > offset {
            let c = bytes[start - 1];
            if c.is_ascii_alphanumeric() || b".+-_".contains(&c) {
                start -= 1;
                continue;
            }
            slash = c == b'/';
            break;
        }
        if start == at || slash {
            offset = at + 1;
            continue;
        }
        // The domain after it.
        let mut end = at + 1;
        let mut dots = 0;
        let mut ok = true;
        while end < to {
            let c = bytes[end];
            if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' {
                end += 1;
            } else if c == b'@' {
                // A second `@`: cmark-gfm scans on only to refuse the address.
                ok = false;
                break;
            } else if c == b'.' && end + 1 < to && bytes[end + 1].is_ascii_alphanumeric() {
                dots += 1;
                end += 1;
            } else {
                break;
            }
        }
        let last = bytes[end - 1];
        if !ok || end - at < 2 || dots == 0 || !(last.is_ascii_alphabetic() || last == b'.') {
            offset = at + 1;
            continue;
        }
        let end = trim(bytes, at, end);
        if end == at {
            offset = at + 1;
            continue;
        }
        found.push(Found {
            start,
            end,
            kind: Kind::Email,
        });
        offset = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(&str, Kind)> {
        find(text, true, &mut Open::default(), &[])
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.kind))
            .collect()
    }

    #[test]
    fn www_links_follow_the_spec() {
        assert_eq!(
            links("www.commonmark.org"),
            [("www.commonmark.org", Kind::Www)]
        );
        assert_eq!(
            links("Visit www.commonmark.org."),
            [("www.commonmark.org", Kind::Www)]
        );
        assert_eq!(
            links("Visit www.commonmark.org/a.b."),
            [("www.commonmark.org/a.b", Kind::Www)]
        );
        assert_eq!(
            links("(www.google.com/search?q=Markup+(business))"),
            [("www.google.com/search?q=Markup+(business)", Kind::Www)]
        );
        assert_eq!(
            links("www.google.com/search?q=(business))+ok"),
            [("www.google.com/search?q=(business))+ok", Kind::Www)]
        );
        assert_eq!(
            links("www.google.com/search?q=commonmark&hl;"),
            [("www.google.com/search?q=commonmark", Kind::Www)]
        );
        assert_eq!(
            links("www.commonmark.org/he<lp"),
            [("www.commonmark.org/he", Kind::Www)]
        );
        // Not after a letter or other punctuation; not in an unclosed bracket.
        assert!(links("awww.example.com").is_empty());
        assert!(links("x.www.example.com").is_empty());
        assert!(links("[www.example.com").is_empty());
        assert_eq!(links("[a] www.example.com").len(), 1);
        assert_eq!(links("*www.example.com*"), [("www.example.com", Kind::Www)]);
        // Underscores in the last two parts refuse it; earlier ones do not.
        assert!(links("www.exa_mple.com").is_empty());
        assert!(links("www.example.c_m x").is_empty());
        assert_eq!(links("www.a_b.example.com x").len(), 1);
        assert!(links("www.").is_empty());
        // The dot of `www.` is the one a domain needs.
        assert_eq!(links("www.x"), [("www.x", Kind::Www)]);
        // As cmark-gfm reads it: the last character is never checked as a domain's,
        // and trailing punctuation comes off after.
        assert_eq!(links("www._"), [("www", Kind::Www)]);
    }

    #[test]
    fn scheme_links_follow_the_spec() {
        assert_eq!(
            links("http://commonmark.org"),
            [("http://commonmark.org", Kind::Url)]
        );
        assert_eq!(
            links("(Visit https://encrypted.google.com/search?q=Markup+(business))"),
            [(
                "https://encrypted.google.com/search?q=Markup+(business)",
                Kind::Url
            )]
        );
        assert_eq!(
            links("Anonymous FTP is available at ftp://foo.bar.baz."),
            [("ftp://foo.bar.baz", Kind::Url)]
        );
        assert_eq!(links("HTTPS://A.ORG/x"), [("HTTPS://A.ORG/x", Kind::Url)]);
        assert!(links("javascript://a.org/%0aalert(1)").is_empty());
        assert!(links("xhttp://a.org").is_empty());
        assert_eq!(links("x.https://a.org"), [("https://a.org", Kind::Url)]);
        assert!(links("https://").is_empty());
        assert!(links("https://-a.org").is_empty());
        assert_eq!(
            links("https://münchen.de/ü"),
            [("https://münchen.de/ü", Kind::Url)]
        );
        assert_eq!(
            links("https://a.org\u{a0}x"),
            [("https://a.org\u{a0}x", Kind::Url)]
        );
    }

    #[test]
    fn email_links_follow_the_spec() {
        assert_eq!(links("foo@bar.baz"), [("foo@bar.baz", Kind::Email)]);
        assert_eq!(
            links("hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is."),
            [("hello+xyz@mail.example", Kind::Email)]
        );
        assert_eq!(links("a.b-c_d@a.b"), [("a.b-c_d@a.b", Kind::Email)]);
        assert_eq!(links("a.b-c_d@a.b."), [("a.b-c_d@a.b", Kind::Email)]);
        assert!(links("a.b-c_d@a.b-").is_empty());
        assert!(links("a.b-c_d@a.b_").is_empty());
        assert!(links("a/b@c.org").is_empty());
        assert!(links("a@b@c.org").len() == 1, "{:?}", links("a@b@c.org"));
        assert!(links("@a.org").is_empty());
        // An address inside a URL is the URL's.
        assert_eq!(
            links("https://a.org/x@b.org and c@d.org"),
            [
                ("https://a.org/x@b.org", Kind::Url),
                ("c@d.org", Kind::Email)
            ]
        );
    }

    #[test]
    fn long_hostile_lines_are_scanned_in_linear_time() {
        for unit in [
            "_www.a",
            "www.",
            " www.",
            "(www.a_",
            "a@",
            "a@b.",
            "http://a_",
            "x)",
            "www.a.b/)",
        ] {
            let text = unit.repeat(200_000 / unit.len());
            let start = std::time::Instant::now();
            let _ = links(&text);
            assert!(
                start.elapsed() < std::time::Duration::from_secs(2),
                "{unit:?} took {:?}",
                start.elapsed()
            );
        }
    }

    /// cmark-gfm's `extensions/autolink.c` ported line by line (quadratic where it is),
    /// to compare [`find`] with on many small texts.
    mod reference {
        use super::super::{is_host_char, is_space, Kind};

        fn autolink_delim(data: &[u8], mut link_end: usize) -> usize {
            if let Some(i) = data[..link_end].iter().position(|&b| b == b'<') {
                link_end = i;
            }
            while link_end > 0 {
                let cclose = data[link_end - 1];
                if b"?!.,:*_~'\"".contains(&cclose) {
                    link_end -= 1;
                } else if cclose == b';' {
                    if link_end < 2 {
                        link_end -= 1;
                        continue;
                    }
                    let mut new_end = link_end - 2;
                    while new_end > 0 && data[new_end].is_ascii_alphabetic() {
                        new_end -= 1;
                    }
                    if new_end < link_end - 2 && data[new_end] == b'&' {
                        link_end = new_end;
                    } else {
                        link_end -= 1;
                    }
                } else if cclose == b')' {
                    let opening = data[..link_end].iter().filter(|&&b| b == b'(').count();
                    let closing = data[..link_end].iter().filter(|&&b| b == b')').count();
                    if closing <= opening {
                        break;
                    }
                    link_end -= 1;
                } else {
                    break;
                }
            }
            link_end
        }

        /// `data` is `text[from..]`.
        fn check_domain(text: &str, from: usize, allow_short: bool) -> usize {
            let data = &text.as_bytes()[from..];
            let size = data.len();
            let (mut np, mut uscore1, mut uscore2) = (0, 0, 0);
            let mut i = 1;
            while i + 1 < size {
                if data[i] == b'_' {
                    uscore2 += 1;
                } else if data[i] == b'.' {
                    uscore1 = uscore2;
                    uscore2 = 0;
                    np += 1;
                } else if !is_host_char(text, from + i) && data[i] != b'-' {
                    break;
                }
                i += 1;
            }
            if uscore1 > 0 || uscore2 > 0 {
                return 0;
            }
            if allow_short || np > 0 {
                i
            } else {
                0
            }
        }

        pub fn find(text: &str) -> Vec<(usize, usize, Kind)> {
            let bytes = text.as_bytes();
            let mut out = Vec::new();
            let mut brackets = 0usize;
            let mut floor = 0;
            let mut i = 0;
            while i < bytes.len() {
                let c = bytes[i];
                if c == b'[' {
                    brackets += 1;
                } else if c == b']' {
                    brackets = brackets.saturating_sub(1);
                } else if c == b'w' && brackets == 0 {
                    let ok = i == 0 || is_space(bytes[i - 1]) || b"*_~(".contains(&bytes[i - 1]);
                    if ok && bytes[i..].starts_with(b"www.") {
                        let mut link_end = check_domain(text, i, false);
                        if link_end > 0 {
                            while i + link_end < bytes.len() && !is_space(bytes[i + link_end]) {
                                link_end += 1;
                            }
                            let link_end = autolink_delim(&bytes[i..], link_end);
                            if link_end > 0 {
                                emails(text, floor, i, &mut out);
                                out.push((i, i + link_end, Kind::Www));
                                i += link_end;
                                floor = i;
                                continue;
                            }
                        }
                    }
                } else if c == b':' && brackets == 0 {
                    let size = bytes.len() - i;
                    if size >= 4 && bytes[i + 1] == b'/' && bytes[i + 2] == b'/' {
                        let mut rewind = 0;
                        while i - rewind > floor && bytes[i - rewind - 1].is_ascii_alphabetic() {
                            rewind += 1;
                        }
                        let start = i - rewind;
                        let link = &text[start..];
                        let safe = ["http://", "https://", "ftp://"].iter().any(|s| {
                            link.len() > s.len()
                                && link.as_bytes()[..s.len()].eq_ignore_ascii_case(s.as_bytes())
                                && is_host_char(text, start + s.len())
                        });
                        if safe {
                            let domain_len = check_domain(text, i + 3, true);
                            if domain_len > 0 {
                                let mut link_end = 3 + domain_len;
                                while link_end < size && !is_space(bytes[i + link_end]) {
                                    link_end += 1;
                                }
                                let link_end = autolink_delim(&bytes[i..], link_end);
                                if link_end > 0 {
                                    emails(text, floor, start, &mut out);
                                    out.push((start, i + link_end, Kind::Url));
                                    i += link_end;
                                    floor = i;
                                    continue;
                                }
                            }
                        }
                    }
                }
                i += 1;
            }
            emails(text, floor, bytes.len(), &mut out);
            out
        }

        /// `postprocess_text` on the text node `text[from..to]`.
        fn emails(text: &str, from: usize, to: usize, out: &mut Vec<(usize, usize, Kind)>) {
            let bytes = &text.as_bytes()[..to];
            let mut offset = from;
            loop {
                let Some(at) = bytes[offset..]
                    .iter()
                    .position(|&b| b == b'@')
                    .map(|p| offset + p)
                else {
                    return;
                };
                let mut rewind = 0;
                let mut ns = 0;
                while rewind < at - offset {
                    let c = bytes[at - rewind - 1];
                    if c.is_ascii_alphanumeric() || b".+-_".contains(&c) {
                        rewind += 1;
                        continue;
                    }
                    if c == b'/' {
                        ns += 1;
                    }
                    break;
                }
                if rewind == 0 || ns > 0 {
                    offset = at + 1;
                    continue;
                }
                let data = &bytes[at..];
                let (mut nb, mut np) = (0, 0);
                let mut link_end = 0;
                while link_end < data.len() {
                    let c = data[link_end];
                    if c.is_ascii_alphanumeric() {
                    } else if c == b'@' {
                        nb += 1;
                    } else if c == b'.'
                        && link_end + 1 < data.len()
                        && data[link_end + 1].is_ascii_alphanumeric()
                    {
                        np += 1;
                    } else if c != b'-' && c != b'_' {
                        break;
                    }
                    link_end += 1;
                }
                if link_end < 2
                    || nb != 1
                    || np == 0
                    || (!data[link_end - 1].is_ascii_alphabetic() && data[link_end - 1] != b'.')
                {
                    offset = at + 1;
                    continue;
                }
                let link_end = autolink_delim(data, link_end);
                if link_end == 0 {
                    offset = at + 1;
                    continue;
                }
                out.push((at - rewind, at + link_end, Kind::Email));
                offset = at + link_end;
            }
        }
    }

    #[test]
    fn finds_what_cmark_gfm_finds_on_many_small_texts() {
        let alphabet: Vec<&str> = vec![
            "w", "w", "w", ".", ".", "_", "a", "b", "(", ")", "<", ":", "/", "/", "http",
            "https://", "ftp", "@", "&", ";", "-", " ", "[", "]", "x", "ü", "*", "~", "'", "+",
            "www.", "amp",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..200_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let got: Vec<(usize, usize, Kind)> = find(&text, true, &mut Open::default(), &[])
                .into_iter()
                .map(|f| (f.start, f.end, f.kind))
                .collect();
            assert_eq!(got, reference::find(&text), "{text:?}");
        }
    }
}
