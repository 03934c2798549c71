//! Reading a catalogue file: the interface words of one language, as JSON.
//!
//! ```json
//! { "lang": "es",
//!   "words": { "back": "Atrás", "step_n": "Paso {n}", … },
//!   "plurals": { "steps_left": { "one": "Queda {n} paso", "other": "Quedan {n} pasos" } } }
//! ```
//!
//! A catalogue gives every word ([`Words::KEYS`] and `steps_left`): one that leaves a word out
//! is refused rather than shown half in English, and `tests/words.rs` holds each shipped one
//! complete. Only the widget with a guide reader reads them (the bundled English page never
//! needs one).

use super::{Str, Words, WordsError, EN};
use crate::validate::json;
use crate::validate::raw::Entries;
use serde::Deserialize;
use std::borrow::Cow;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    lang: String,
    words: Entries<String>,
    plurals: Entries<Entries<String>>,
}

/// The catalogues beside this file, by language: the CLI's and the native tests' copy (the
/// widget fetches the one it needs from the built `words/` directory instead).
#[cfg(not(target_arch = "wasm32"))]
pub const SHIPPED: &[(&str, &str)] = &[
    ("es", include_str!("es.json")),
    ("de", include_str!("de.json")),
    ("fr", include_str!("fr.json")),
    ("ja", include_str!("ja.json")),
    ("ar", include_str!("ar.json")),
];

/// The shipped words for `lang` (negotiated: `es-MX` gets Spanish), English when there are
/// none. Native only, as [`SHIPPED`].
#[cfg(not(target_arch = "wasm32"))]
pub fn shipped(lang: &str) -> Words {
    let tag = super::negotiate(lang, super::LANGS, "en");
    SHIPPED
        .iter()
        .find(|(l, _)| *l == tag)
        .and_then(|(_, src)| Words::from_json(src).ok())
        .unwrap_or_else(|| EN.clone())
}

impl Words {
    /// Reads a catalogue. Every problem is reported at once.
    pub fn from_json(src: &str) -> Result<Words, Vec<WordsError>> {
        let raw: RawCatalogue =
            json::from_str(src).map_err(|e| vec![WordsError::Syntax(e.to_string())])?;
        let mut problems = Vec::new();
        if !crate::validate::is_lang(&raw.lang) {
            problems.push(WordsError::Lang(raw.lang.clone()));
        }
        let mut words = EN.clone();
        words.lang = Cow::Owned(raw.lang);
        let mut given: Vec<&str> = Vec::new();
        for (key, text) in &raw.words.0 {
            match words.set(key, text) {
                // `steps_left.one` is a plural form: given under `plurals` only.
                Ok(()) if key.contains('.') => {
                    problems.push(WordsError::Unknown { key: key.clone() })
                }
                Ok(()) => given.push(key),
                // Given, if wrongly: reported once, not as missing too.
                Err(e) => {
                    given.push(key);
                    problems.push(e);
                }
            }
        }
        for (key, forms) in &raw.plurals.0 {
            if key != "steps_left" {
                problems.push(WordsError::Unknown { key: key.clone() });
                continue;
            }
            if forms.get("other").is_none() {
                problems.push(WordsError::NoOther { key: key.clone() });
            }
            // Forms this language's rules never pick are harmless: English's `one` stays
            // only where the catalogue gives none, so start from `other` alone.
            words.steps_left = super::Plural {
                zero: None,
                one: None,
                two: None,
                few: None,
                many: None,
                other: Str::Borrowed(""),
            };
            for (form, text) in &forms.0 {
                if let Err(e) = words.set(&format!("steps_left.{form}"), text) {
                    problems.push(e);
                }
            }
            given.push("steps_left");
        }
        for key in Words::KEYS.iter().chain(["steps_left"].iter()) {
            if !given.contains(key) {
                problems.push(WordsError::Missing {
                    key: (*key).to_owned(),
                });
            }
        }
        if problems.is_empty() {
            Ok(words)
        } else {
            Err(problems)
        }
    }
}
