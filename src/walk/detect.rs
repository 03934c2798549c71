//! Reading what can be known of the person's device from its user-agent string.

/// The iOS (or iPadOS) major version in a user-agent string, such as 17 in
/// `… iPhone OS 17_4 like Mac OS X …`. Safari on iOS 26 still reports 18, so a guide's
/// variants should treat the result as "at least".
pub fn ios_major(user_agent: &str) -> Option<u32> {
    let at = user_agent.find("iPhone OS ").map(|i| i + 10).or_else(|| {
        user_agent
            .contains("iPad")
            .then(|| user_agent.find("CPU OS ").map(|i| i + 7))
            .flatten()
    })?;
    let digits: String = user_agent[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok().filter(|&v| (1..100).contains(&v))
}

#[cfg(test)]
mod tests {
    use super::ios_major;

    #[test]
    fn reads_ios_versions() {
        let cases = [
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15",
                Some(17),
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15",
                Some(18),
            ),
            (
                "Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) AppleWebKit/605.1.15",
                Some(16),
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0",
                None,
            ),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS x like Mac OS X)", None),
            ("", None),
        ];
        for (ua, want) in cases {
            assert_eq!(ios_major(ua), want, "{ua}");
        }
    }
}
