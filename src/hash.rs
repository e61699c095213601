//! One stable 64-bit hash for everything attune compares across runs and rebuilds:
//! SipHash-1-3 with zero keys, from the `siphasher` crate. The algorithm is fixed by
//! its specification, so a hash never changes with the Rust version (std's
//! `DefaultHasher` promises no algorithm). A leaf module: it imports nothing of attune.

use siphasher::sip::SipHasher13;
use std::hash::Hasher as _;

/// The stable hash of `bytes`.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_pieces(&[bytes])
}

/// The stable hash of `pieces` joined, without joining them: the whole length, then
/// the bytes, which the hasher takes in any split.
pub fn hash_pieces(pieces: &[&[u8]]) -> u64 {
    let mut hasher = SipHasher13::new();
    hasher.write_usize(pieces.iter().map(|p| p.len()).sum());
    for piece in pieces {
        hasher.write(piece);
    }
    hasher.finish()
}

/// A stable hasher ([`hash_bytes`]'s) that serialisers and formatters write into,
/// so what is hashed is never built as a string.
pub struct StableHasher(SipHasher13);

impl Default for StableHasher {
    fn default() -> StableHasher {
        StableHasher(SipHasher13::new())
    }
}

impl StableHasher {
    pub fn write_u64(&mut self, n: u64) {
        self.0.write_u64(n);
    }

    pub fn write_bytes(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    /// Feeds `value`'s `Debug` form, and a separator.
    pub fn debug(&mut self, value: &impl std::fmt::Debug) {
        use std::fmt::Write as _;
        let _ = write!(self, "{value:?}\u{0}");
    }

    pub fn finish(&self) -> u64 {
        self.0.finish()
    }
}

impl std::io::Write for StableHasher {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl std::fmt::Write for StableHasher {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_of_pieces_is_the_hash_of_the_pieces_joined() {
        let text: Vec<u8> = (0..1000u32).map(|n| (n * 7 % 251) as u8).collect();
        for cuts in [
            vec![],
            vec![0],
            vec![1, 2, 3],
            vec![7, 8, 500, 999],
            vec![13, 600],
        ] {
            let mut pieces = Vec::new();
            let mut start = 0;
            for &cut in &cuts {
                pieces.push(&text[start..cut]);
                start = cut;
            }
            pieces.push(&text[start..]);
            assert_eq!(hash_pieces(&pieces), hash_bytes(&text), "{cuts:?}");
        }
        assert_ne!(hash_pieces(&[b"ab", b"c"]), hash_bytes(b"abd"));
    }

    #[test]
    fn hashes_are_pinned() {
        // SipHash-1-3, keys 0 and 0: these values hold on every platform and version
        // (they are also what std's `DefaultHasher` gave, so no output changed).
        let mut h = StableHasher::default();
        h.write_u64(7);
        h.debug(&("a", 1));
        assert_eq!(
            (hash_bytes(b""), hash_bytes(b"attune"), h.finish()),
            (
                0xbd60_acb6_58c7_9e45,
                0x4ee9_a4ec_c8d6_9d68,
                0xa927_63a7_4092_6e91
            )
        );
    }
}
