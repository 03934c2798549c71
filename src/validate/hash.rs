//! The guide's content hash, which tokens and saved walks carry to tell a changed guide
//! from the one they were made for.

/// FNV-1a over the file's bytes, leaving out the whitespace between JSON tokens (and a byte
/// order mark), so re-indenting a file does not count as a content change. Stable across
/// platforms and builds, unlike `std`'s hasher. One pass over the text: re-serialising the
/// parsed guide instead cost a second copy of the file and a JSON writer in the wasm.
pub(super) fn content_hash(src: &str) -> u64 {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut h = FNV_OFFSET;
    // A string is hashed in a loop of its own, which looks only for its end: texts are most
    // of a file's bytes, and a guide given by `src` is hashed in V8's baseline code, which
    // pays for every test made of every byte.
    let mut bytes = src.as_bytes().iter();
    while let Some(&b) = bytes.next() {
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            continue;
        }
        h = fnv(h, b);
        if b == b'"' {
            while let Some(&b) = bytes.next() {
                h = fnv(h, b);
                if b == b'\\' {
                    // The escaped byte is hashed and not looked at: it may be a quote.
                    if let Some(&escaped) = bytes.next() {
                        h = fnv(h, escaped);
                    }
                } else if b == b'"' {
                    break;
                }
            }
        }
    }
    h
}

/// FNV-1a's starting value.
pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte into an FNV-1a hash.
pub(super) fn fnv(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// The hash's loops agree with its definition: FNV-1a over every byte but the whitespace
/// outside strings, where a backslash in a string takes the next byte as it is.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod content_hash_agrees {
    use super::{content_hash, fnv, FNV_OFFSET};
    use proptest::prelude::*;

    /// The definition, one byte and one state at a time (the hash's first form, before its
    /// loops skipped whitespace and string runs in bulk).
    fn by_definition(src: &str) -> u64 {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        let (mut h, mut in_string, mut escaped) = (FNV_OFFSET, false, false);
        for &b in src.as_bytes() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
            } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                continue;
            } else if b == b'"' {
                in_string = true;
            }
            h = fnv(h, b);
        }
        h
    }

    const PIECES: &[&str] = &[
        "\"", "\\", " ", "\n", "\t", "\r", "a", "{", ":", ",", "é", "\u{feff}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn loops_give_the_definitions_value(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let src: String = picks.iter().map(|&i| PIECES[i]).collect();
            prop_assert_eq!(content_hash(&src), by_definition(&src), "{:?}", src);
        }
    }

    /// Saved walks and resume tokens carry this hash: a change to its value makes every one
    /// of them stale, so it is pinned.
    #[test]
    fn value_is_pinned() {
        let src = "{\"a\": \"b \\\" c\",\n \"d\": [1, 2]}";
        assert_eq!(content_hash(src), by_definition(src));
        assert_eq!(content_hash(src), PINNED);
    }
    const PINNED: u64 = 0xde08_4665_6880_bbae;
}
