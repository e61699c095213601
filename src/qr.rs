//! QR codes for printed handouts, drawn at build time as one compact SVG path (no
//! images, no scripts, nothing fetched), so a client can scan a handout back to its page.

use qrcode::canvas::{Canvas, MaskPattern, Module};
use qrcode::{Color, EcLevel, Version};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// The eight masks, in the order `qrcode` tries them (ties go to the first).
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The modules of the QR code for `data` (dark = true, row by row) and its width:
/// the same code as `QrCode::with_error_correction_level`, whose mask choice scores
/// every candidate through per-module closures. Here a code up to 64 modules wide is
/// masked and scored as rows of bits (see [`frames`] and [`Lines`]), which makes a
/// library's worth of handouts a small part of the build instead of a third of it.
fn modules(data: &[u8], ec_level: EcLevel) -> Option<(Vec<bool>, usize)> {
    let bits = qrcode::bits::encode_auto(data, ec_level).ok()?;
    let version = bits.version();
    let data = bits.into_bytes();
    let (encoded, ec) = qrcode::ec::construct_codewords(&data, version, ec_level).ok()?;
    let mut canvas = Canvas::new(version, ec_level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&encoded, &ec);
    let width = usize::try_from(version.width()).ok()?;
    let Some(frames) = frames(version, ec_level, width) else {
        return modules_one_by_one(&canvas, width);
    };
    // The dark data modules, unmasked: a mask flips data modules only.
    let mut data = vec![0u64; width];
    for (y, row) in data.iter_mut().enumerate() {
        for x in 0..width {
            let module = canvas.get(i16::try_from(x).ok()?, i16::try_from(y).ok()?);
            if module == Module::Unmasked(Color::Dark) {
                *row |= 1 << x;
            }
        }
    }
    let (_, best) = frames
        .iter()
        .map(|frame| {
            let rows = frame.iter().zip(&data).map(|(f, d)| f ^ d).collect();
            let lines = Lines::from_rows(rows, width);
            (lines.penalty(), lines)
        })
        .min_by_key(|(score, _)| *score)?;
    let dark = best
        .rows
        .iter()
        .flat_map(|&row| (0..width).map(move |x| row >> x & 1 == 1))
        .collect();
    Some((dark, width))
}

/// For codes of one version and error correction level up to 64 modules wide: each
/// mask, in [`MASKS`] order, applied to a canvas of the functional patterns alone, as
/// rows of bits. Outside the data area that is the finished code (finders, timing,
/// alignment, version and this mask's format information); inside it, where the
/// canvas is empty, it is the mask itself. So a code's rows under a mask are its
/// frame XOR its dark data modules. Computed once per version and level.
fn frames(version: Version, ec_level: EcLevel, width: usize) -> Option<Arc<Vec<Vec<u64>>>> {
    type Frames = HashMap<(usize, u8), Arc<Vec<Vec<u64>>>>;
    static FRAMES: LazyLock<Mutex<Frames>> = LazyLock::new(Mutex::default);
    if !(7..=64).contains(&width) {
        return None;
    }
    let key = (width, ec_level as u8);
    if let Some(frames) = FRAMES.lock().ok()?.get(&key) {
        return Some(Arc::clone(frames));
    }
    let mut canvas = Canvas::new(version, ec_level);
    canvas.draw_all_functional_patterns();
    let frames: Vec<Vec<u64>> = MASKS
        .iter()
        .map(|&mask| {
            let mut masked = canvas.clone();
            masked.apply_mask(mask);
            let colors = masked.into_colors();
            colors
                .chunks_exact(width)
                .map(|row| {
                    row.iter().enumerate().fold(0u64, |bits, (x, &c)| {
                        bits | u64::from(c == Color::Dark) << x
                    })
                })
                .collect()
        })
        .collect();
    let frames = Arc::new(frames);
    FRAMES.lock().ok()?.insert(key, Arc::clone(&frames));
    Some(frames)
}

/// [`modules`] for codes wider than 64 modules: each mask applied by `qrcode` and
/// scored module by module.
fn modules_one_by_one(canvas: &Canvas, width: usize) -> Option<(Vec<bool>, usize)> {
    MASKS
        .iter()
        .map(|&mask| {
            let mut masked = canvas.clone();
            masked.apply_mask(mask);
            let dark: Vec<bool> = masked
                .into_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            (penalty(&dark, width), dark)
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, dark)| (dark, width))
}

/// ISO/IEC 18004's mask penalty, computed exactly as `qrcode` computes it (including
/// its arithmetic, which wraps), so the chosen mask is the same.
fn penalty(dark: &[bool], width: usize) -> u16 {
    // Dark light dark dark dark light dark.
    const FINDER: u8 = 0b101_1101;
    let mut columns = vec![false; dark.len()];
    for (y, row) in dark.chunks_exact(width).enumerate() {
        for (x, &d) in row.iter().enumerate() {
            columns[x * width + y] = d;
        }
    }
    let mut score: u16 = 0;
    for lines in [dark, &columns[..]] {
        let mut finders: u16 = 0;
        for line in lines.chunks_exact(width) {
            // Runs of five or more modules of one colour.
            let mut run = 1u16;
            for pair in line.windows(2) {
                if pair[0] == pair[1] {
                    run += 1;
                } else {
                    if run >= 5 {
                        score = score.wrapping_add(run - 2);
                    }
                    run = 1;
                }
            }
            if run >= 5 {
                score = score.wrapping_add(run - 2);
            }
            // Finder-like patterns without four light modules on one side: the last
            // seven modules, as bits, ending at `end`.
            let mut window = 0u8;
            for (end, &d) in line.iter().enumerate() {
                window = (window << 1 | u8::from(d)) & 0x7f;
                if end < 6 || window != FINDER {
                    continue;
                }
                let j = end - 6;
                let before = line[j.saturating_sub(4)..j].contains(&true);
                let after = line[(j + 7).min(width)..(j + 11).min(width)].contains(&true);
                if !before || !after {
                    finders = finders.wrapping_add(40);
                }
            }
        }
        score = score.wrapping_add(finders.wrapping_sub(360));
    }
    // 2×2 blocks of one colour.
    let rows: Vec<&[bool]> = dark.chunks_exact(width).collect();
    for pair in rows.windows(2) {
        let (top, bottom) = (pair[0], pair[1]);
        for x in 0..width - 1 {
            let c = top[x];
            if c == top[x + 1] && c == bottom[x] && c == bottom[x + 1] {
                score = score.wrapping_add(3);
            }
        }
    }
    // Balance of dark and light.
    let dark_count = dark.iter().filter(|&&d| d).count();
    let balance = (dark_count * 200 / dark.len()).abs_diff(100);
    score.wrapping_add(u16::try_from(balance).unwrap_or(u16::MAX))
}

/// A code up to 64 modules wide (version 11; a URL of about 250 characters) as one
/// bit set per row and per column, bit `x` for module `x`. Its penalty is
/// [`penalty`]'s, counted with whole-row bit operations instead of module by module.
struct Lines {
    rows: Vec<u64>,
    columns: Vec<u64>,
    width: u32,
}

impl Lines {
    #[cfg(test)]
    fn new(dark: &[bool], width: usize) -> Option<Lines> {
        if !(7..=64).contains(&width) {
            return None;
        }
        let rows = dark
            .chunks_exact(width)
            .map(|row| {
                row.iter()
                    .enumerate()
                    .fold(0u64, |bits, (x, &d)| bits | u64::from(d) << x)
            })
            .collect();
        Some(Lines::from_rows(rows, width))
    }

    /// The lines of a code `width` modules wide (7 to 64) given as rows of bits.
    fn from_rows(rows: Vec<u64>, width: usize) -> Lines {
        let mut columns = vec![0u64; width];
        for (y, &row) in rows.iter().enumerate() {
            let mut bits = row;
            while bits != 0 {
                let x = bits.trailing_zeros();
                bits &= bits - 1;
                columns[x as usize] |= 1 << y;
            }
        }
        Lines {
            rows,
            columns,
            width: width as u32,
        }
    }

    /// The lowest `n` bits.
    fn low(n: u32) -> u64 {
        u64::MAX.checked_shr(64 - n).unwrap_or(0)
    }

    fn penalty(&self) -> u16 {
        let width = self.width;
        let mut score: u16 = 0;
        for lines in [&self.rows, &self.columns] {
            let mut finders: u16 = 0;
            for &line in lines.iter() {
                // Bit x: module x has the colour of module x + 1. A run of k such bits
                // is a run of k + 1 modules, which scores k - 1 from five modules up.
                let mut same = !(line ^ line >> 1) & Self::low(width - 1);
                while same != 0 {
                    same >>= same.trailing_zeros();
                    let k = same.trailing_ones();
                    if k >= 4 {
                        score = score.wrapping_add(k as u16 - 1);
                    }
                    same = same.checked_shr(k).unwrap_or(0);
                }
                // Bit j: modules j..j + 7 are dark light dark dark dark light dark.
                let mut found = line
                    & !(line >> 1)
                    & line >> 2
                    & line >> 3
                    & line >> 4
                    & !(line >> 5)
                    & line >> 6
                    & Self::low(width - 6);
                while found != 0 {
                    let j = found.trailing_zeros();
                    found &= found - 1;
                    let before = line & Self::low(j) & !Self::low(j.saturating_sub(4)) != 0;
                    let after =
                        line & Self::low((j + 11).min(width)) & !Self::low((j + 7).min(width)) != 0;
                    if !before || !after {
                        finders = finders.wrapping_add(40);
                    }
                }
            }
            score = score.wrapping_add(finders.wrapping_sub(360));
        }
        // Bit x: the 2×2 block at x of these two rows has one colour.
        for pair in self.rows.windows(2) {
            let (top, bottom) = (pair[0], pair[1]);
            let block = !(top ^ top >> 1)
                & !(top ^ bottom)
                & !(bottom ^ bottom >> 1)
                & Self::low(width - 1);
            for _ in 0..block.count_ones() {
                score = score.wrapping_add(3);
            }
        }
        let dark: u32 = self.rows.iter().map(|r| r.count_ones()).sum();
        let modules = width * width;
        let balance = (dark * 200 / modules).abs_diff(100);
        score.wrapping_add(u16::try_from(balance).unwrap_or(u16::MAX))
    }
}

/// An SVG QR code for `url`, or `None` if it cannot be encoded.
pub fn svg(url: &str) -> Option<String> {
    let (dark, width) = modules(url.as_bytes(), EcLevel::M)?;
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut path = String::with_capacity(width * width / 2);
    for (y, row) in dark.chunks_exact(width).enumerate() {
        let mut x = 0;
        while x < width {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] {
                x += 1;
            }
            // "M{x} {y}h{run}v1h-{run}z", without the formatting machinery: a code
            // has hundreds of runs and a library thousands of codes.
            let run = x - start;
            for (prefix, n) in [("M", start + quiet), (" ", y + quiet), ("h", run)] {
                path.push_str(prefix);
                push_number(&mut path, n);
            }
            path.push_str("v1h-");
            push_number(&mut path, run);
            path.push('z');
        }
    }
    Some(format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"QR code for this page's address\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

/// Appends `n` in decimal.
fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_code_as_the_qrcode_crate() {
        let mut urls: Vec<String> = vec![
            "https://example.org/".into(),
            "https://www.understanding-emotional-neglect.example/tools/calming-breath/".into(),
        ];
        for n in 0..300 {
            urls.push(format!(
                "https://example.org/{}/article-{n}/{}",
                ["patterns", "effects", "healing", "tools"][n % 4],
                "x".repeat(n % 97)
            ));
        }
        for url in urls {
            let code =
                qrcode::QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).unwrap();
            let expected: Vec<bool> = code.to_colors().iter().map(|&c| c == Color::Dark).collect();
            let (dark, width) = modules(url.as_bytes(), EcLevel::M).unwrap();
            assert_eq!(width, code.width());
            assert!(dark == expected, "{url}");
        }
    }

    #[test]
    fn row_bit_sets_score_every_grid_as_module_by_module_does() {
        // A small deterministic generator: grids of every width the bit sets take,
        // from sparse to dense, including all-light and all-dark.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for width in 7..=64 {
            for density in [0, 1, 3, 5, 7, 8] {
                let dark: Vec<bool> = (0..width * width).map(|_| (next() % 8) < density).collect();
                let lines = Lines::new(&dark, width).unwrap();
                assert_eq!(lines.penalty(), penalty(&dark, width), "width {width}");
            }
        }
        assert!(Lines::new(&vec![false; 65 * 65], 65).is_none());
    }

    #[test]
    fn long_addresses_past_the_bit_set_width_still_match_the_crate() {
        for n in [250, 300, 600] {
            let url = format!("https://example.org/{}", "a".repeat(n));
            let code =
                qrcode::QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).unwrap();
            let expected: Vec<bool> = code.to_colors().iter().map(|&c| c == Color::Dark).collect();
            let (dark, width) = modules(url.as_bytes(), EcLevel::M).unwrap();
            assert!(dark == expected, "{n}");
            assert_eq!(width, code.width());
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 42, 99, 100, 12_345, usize::MAX] {
            let mut out = String::from("x");
            push_number(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn encodes_a_url_as_one_path() {
        let svg = svg("https://example.org/tools/calming-breath/").unwrap();
        assert!(svg.starts_with("<svg class=\"qr\""));
        assert_eq!(svg.matches("<path").count(), 1);
        assert!(svg.len() < 8000, "compact: {} bytes", svg.len());
    }
}
