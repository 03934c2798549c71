//! Choosing a language: a requested tag against the languages there are.

/// True when tags `a` and `b` have the same primary language (`es-MX` and `es`), compared
/// without allocating: the views ask it of each text on every render.
pub fn same_language(a: &str, b: &str) -> bool {
    fn first(t: &str) -> &str {
        t.trim().split(['-', '_']).next().unwrap_or_default()
    }
    first(a).eq_ignore_ascii_case(first(b))
}

/// The language of `available` to use for the request `wanted`: the same tag (letter case
/// aside), else the tag with its last subtag dropped, and so on (`es-419-u-nu` → `es-419` →
/// `es`), else `default`. So `es-MX` gets `es`, and `pt-BR` with no Portuguese gets the
/// default.
pub fn negotiate<'a>(wanted: &str, available: &[&'a str], default: &'a str) -> &'a str {
    let mut tag = wanted.trim().replace('_', "-");
    loop {
        if let Some(found) = available.iter().find(|a| a.eq_ignore_ascii_case(&tag)) {
            return found;
        }
        match tag.rfind('-') {
            Some(cut) => tag.truncate(cut),
            None => return default,
        }
    }
}
