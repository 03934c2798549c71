//! A walk kept in the browser's storage between visits: its token and when it was saved.
//!
//! The offer to continue is for a person who restarted the phone or lost the network part
//! way through, and for one told to wait (an outage at Apple, an activation) who comes back
//! later. A walk left for longer than [`MAX_AGE_SECS`] is not offered: by then the person is
//! most likely back with a new problem, and "you were part way through this guide" would only
//! be in the way.
//!
//! Stored as `<seconds since 1970>.<token>`. Tokens are base64url, which has no `.`, so a
//! value without one is a token saved before the time was kept, and is taken as it is.

/// How long a saved walk is offered: 30 days, in seconds.
pub const MAX_AGE_SECS: u64 = 30 * 24 * 60 * 60;

/// What a value read from storage holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved<'a> {
    /// A walk to offer: its token.
    Walk(&'a str),
    /// A walk saved longer ago than [`MAX_AGE_SECS`], or a value that is not one of ours:
    /// nothing to offer, and nothing worth keeping.
    Gone,
}

/// The value to store for `token`, saved at `now` (seconds since 1970).
pub fn write(token: &str, now: u64) -> String {
    format!("{now}.{token}")
}

/// Reads a stored value at `now` (seconds since 1970). A time ahead of `now` (the clock was
/// put back) counts as just saved.
pub fn read(value: &str, now: u64) -> Saved<'_> {
    let Some((time, token)) = value.split_once('.') else {
        return Saved::Walk(value);
    };
    match time.parse::<u64>() {
        Ok(saved) if now.saturating_sub(saved) <= MAX_AGE_SECS && !token.is_empty() => {
            Saved::Walk(token)
        }
        _ => Saved::Gone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_795_000_000;
    const DAY: u64 = 24 * 60 * 60;

    #[test]
    fn what_a_stored_value_holds() {
        let cases: &[(&str, &str, Saved)] = &[
            ("just saved", "1795000000.AbC-_9", Saved::Walk("AbC-_9")),
            ("a day old", "1794913600.AbC", Saved::Walk("AbC")),
            (
                "thirty days old to the second",
                "1792408000.AbC",
                Saved::Walk("AbC"),
            ),
            ("a second over thirty days", "1792407999.AbC", Saved::Gone),
            ("a year old", "1763464000.AbC", Saved::Gone),
            (
                "saved ahead of the clock",
                "1795086400.AbC",
                Saved::Walk("AbC"),
            ),
            (
                "saved before the time was kept",
                "AbC-_9",
                Saved::Walk("AbC-_9"),
            ),
            ("a time that is not a number", "soon.AbC", Saved::Gone),
            ("a negative time", "-5.AbC", Saved::Gone),
            ("no token after the time", "1795000000.", Saved::Gone),
            ("no time before the token", ".AbC", Saved::Gone),
        ];
        for (name, value, expected) in cases {
            assert_eq!(read(value, NOW), *expected, "{name}: {value:?}");
        }
    }

    #[test]
    fn a_written_value_reads_back_until_it_is_too_old() {
        let value = write("AbC-_9", NOW);
        assert_eq!(value, "1795000000.AbC-_9");
        assert_eq!(read(&value, NOW + 29 * DAY), Saved::Walk("AbC-_9"));
        assert_eq!(read(&value, NOW + 31 * DAY), Saved::Gone);
    }
}
