//! Every word of the user interface, in one table per language, so a language can be added
//! without touching the components.
//!
//! English is compiled in: it is every other table's fallback, and the bundled English page
//! needs nothing else. The other languages are catalogues beside this file (`es.json`, …),
//! read by [`Words::from_json`] only when a reader asks for one (see [`catalogue`]); a host
//! page can replace any word of any table ([`Words::overridden`]).

#[cfg(any(feature = "reader", not(target_arch = "wasm32")))]
pub mod catalogue;
pub mod lang;
mod plural;

pub use lang::{negotiate, same_language};
#[cfg(not(target_arch = "wasm32"))]
pub use plural::category;
pub use plural::{Category, Plural, Rules};

use crate::guide::Choice;
use std::borrow::Cow;

/// A word or template: borrowed from the compiled English table, or owned when read from a
/// catalogue or given by the host page.
pub type Str = Cow<'static, str>;

/// The languages that have a catalogue, English first (the fallback of the others).
pub const LANGS: &[&str] = &["en", "es", "de", "fr", "ja", "ar"];

pub use crate::guide::is_rtl;

/// A problem with a table of words: in a catalogue file, or in the words a host page gave.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WordsError {
    /// The file is not JSON of the catalogue's shape.
    #[error("the catalogue could not be read: {0}")]
    Syntax(String),
    /// A name that is not one of the interface's words.
    #[error("`{key}` is not one of the interface's words")]
    Unknown {
        /// The name given.
        key: String,
    },
    /// A catalogue leaves out a word.
    #[error("`{key}` is missing")]
    Missing {
        /// The word's name.
        key: String,
    },
    /// A word says `{name}` where it has no such value to put in.
    #[error("`{key}` has `{{{found}}}`, which it has no value for (it may use {allowed})")]
    Placeholder {
        /// The word's name.
        key: String,
        /// The name between the braces.
        found: String,
        /// What it may use, as a list for the message.
        allowed: &'static str,
    },
    /// A word leaves out a value it must show.
    #[error("`{key}` must show `{{{needed}}}`")]
    Needs {
        /// The word's name.
        key: String,
        /// The name it must have between braces.
        needed: &'static str,
    },
    /// A plural form named by something other than a CLDR category.
    #[error("`{key}` has a form `{form}`; the forms are zero, one, two, few, many and other")]
    Form {
        /// The word's name.
        key: String,
        /// The form's name as given.
        form: String,
    },
    /// A plural word without the `other` form, which every language's rules can fall to.
    #[error("`{key}` has no `other` form")]
    NoOther {
        /// The word's name.
        key: String,
    },
    /// The catalogue's `lang` is not a language tag.
    #[error("`lang` must be a language tag such as `es` or `pt-BR`, not `{0}`")]
    Lang(String),
}

/// Declares [`Words`], one text per word, with each word's English and the names
/// catalogues and host pages use.
///
/// The texts are one array rather than a field each: cloning, dropping and setting a word by
/// name are then a loop in place of 44 copies of the same code (with [`PLACEHOLDERS`]' fixed
/// listings, 0.45 KB brotli less on the bundled page, measured 2026-12-07).
macro_rules! words {
    ($( $(#[$doc:meta])* $key:ident = $en:expr, )*) => {
        /// The position of each word in [`Words`]'s texts, in declaration order.
        #[allow(non_camel_case_types)]
        enum Key { $( $key, )* }

        impl Words {
            /// The names of the words that are one text each, as catalogues and host pages
            /// give them (the plural [`Words::steps_left`] is given by its forms).
            pub const KEYS: &'static [&'static str] = NAMES;

            $( $(#[$doc])* pub fn $key(&self) -> &str { &self.texts[Key::$key as usize] } )*
        }

        /// Every word's English, in the order of [`Words::KEYS`].
        const ENGLISH: [Str; NAMES.len()] = [$( b($en), )*];

        /// The names, as [`Words::KEYS`].
        const NAMES: &[&str] = &[$(stringify!($key)),*];
    };
}

/// The interface words of one language.
#[derive(Debug, Clone)]
pub struct Words {
    /// Language tag these words are in.
    pub lang: Str,
    /// "Steps left" in the progress text, by plural form: `{n}` is the count.
    pub steps_left: Plural,
    /// The words, in the order of [`Words::KEYS`].
    texts: [Str; NAMES.len()],
}

impl Words {
    /// The word named `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        let i = Words::KEYS.iter().position(|k| *k == key)?;
        Some(&self.texts[i])
    }

    fn slot(&mut self, key: &str) -> Option<&mut Str> {
        let i = Words::KEYS.iter().position(|k| *k == key)?;
        Some(&mut self.texts[i])
    }
}

const fn b(s: &'static str) -> Str {
    Cow::Borrowed(s)
}

words! {
    /// The Back button.
    back = "Back",
    /// The Start over button.
    start_over = "Start over",
    /// On a waiting outcome: back to the step before it, to look again.
    check_again = "Check again",
    /// Before what a destructive step erases.
    erases = "This erases:",
    /// The answer that moves on from an instruction step.
    done_next = "Done, next step",
    /// The question a fix step asks.
    did_it_fix = "Did this fix it?",
    /// The yes answer to it.
    fixed = "Yes, it's fixed",
    /// The no answer to it.
    not_fixed = "No, still not working",
    /// Label of the progress bar.
    progress = "Progress",
    /// "Step N": `{n}` is the step's number.
    step_n = "Step {n}",
    /// Progress text when the steps left are a range: `{min}` to `{max}`.
    steps_range = "{min} to {max} more steps",
    /// Progress text at the end.
    finished = "finished",
    /// Heading of the history list.
    history = "What you've tried",
    /// Button that changes an earlier answer.
    change = "Change",
    /// Names the change button for assistive technology: the step's title goes after it.
    change_answer_to = "Change answer to",
    /// Label of the copy button.
    copy = "Copy",
    /// Said after a successful copy.
    copied = "Copied to the clipboard",
    /// Said when the clipboard refused and the text was selected instead.
    copy_selected = "Copying was blocked; the text is selected, press Ctrl+C or Cmd+C",
    /// Heading above the transcript.
    transcript = "Summary for support",
    /// Placeholder while the guide loads.
    loading = "Loading the guide…",
    /// Heading of the error screen.
    error_title = "This guide could not be shown",
    /// The retry button.
    retry = "Try again",
    /// Offer to continue a saved walk.
    resume_offer = "You were part way through this guide.",
    /// Accepts it.
    resume_yes = "Continue where you left off",
    /// Declines it.
    resume_no = "Start from the beginning",
    /// Offer to show a saved walk that reached an outcome.
    resume_done_offer = "Last time you reached the end of this guide.",
    /// Accepts that one.
    resume_done_yes = "See where it ended",
    /// Said when saved progress belongs to older content.
    stale_notice = "This guide has been updated since your last visit, so it starts from the beginning.",
    /// Announced on each new step, before its title.
    now_showing = "Now showing",
    /// Names the answers group of a fix step.
    answers_for = "Answers for",
    /// Hint shown when the person's version was detected.
    detected = "Detected on this device",
    /// Transcript: the guide line.
    t_guide = "Guide",
    /// Transcript: the version line.
    t_version = "Version",
    /// Transcript: the variant line.
    t_variant = "Setting",
    /// Transcript: the steps heading.
    t_steps = "Steps",
    /// Transcript: the outcome line.
    t_outcome = "Outcome",
    /// Transcript: shown when the walk has not ended.
    t_unfinished = "not finished",
    /// Opens in a new tab (for assistive technology).
    new_tab = "opens in a new tab",
    /// Before the date a step was last checked against the product.
    reviewed = "Steps last checked",
    /// The name of the "fixed" outcome.
    outcome_resolved = "fixed",
    /// The name of the "waiting" outcome.
    outcome_waiting = "waiting",
    /// The name of the "contact support" outcome.
    outcome_escalate = "contact support",
}

/// English, compiled in.
pub static EN: Words = Words {
    lang: b("en"),
    steps_left: Plural {
        zero: None,
        one: Some(b("{n} more step")),
        two: None,
        few: None,
        many: None,
        other: b("{n} more steps"),
    },
    texts: ENGLISH,
};

/// What each word may put in between braces, and the same as a message lists it; the first
/// named must be there. Words not listed take none.
const PLACEHOLDERS: &[(&str, &[&str], &str)] = &[
    ("step_n", &["n"], "`{n}`"),
    ("steps_range", &["min", "max"], "`{min}`, `{max}`"),
    ("steps_left", &["n"], "`{n}`"),
];

/// `template` with each `{name}` replaced by its value in `values`; a name without one is
/// left as written (the checks refuse those in catalogues and host words).
pub fn fill(template: &str, values: &[(&str, usize)]) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names between braces in `template`, read as [`fill`] reads them.
fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    let mut rest = template;
    std::iter::from_fn(move || {
        let after = &rest[rest.find('{')? + 1..];
        let close = after.find('}')?;
        rest = &after[close + 1..];
        Some(&after[..close])
    })
}

/// Checks the braces of the word `key`'s `template`.
fn check_template(key: &str, template: &str, plural_form: bool) -> Result<(), WordsError> {
    let (allowed, listed) = PLACEHOLDERS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or((&[][..], "none"), |(_, a, l)| (*a, *l));
    if let Some(found) = placeholders(template).find(|p| !allowed.contains(p)) {
        return Err(WordsError::Placeholder {
            key: key.to_owned(),
            found: found.to_owned(),
            allowed: listed,
        });
    }
    // A plural form may say its count in words ("one step"), so only the others must show it.
    if let Some(&needed) = allowed.first() {
        if !plural_form && !placeholders(template).any(|p| p == needed) {
            return Err(WordsError::Needs {
                key: key.to_owned(),
                needed,
            });
        }
    }
    Ok(())
}

impl Words {
    /// The progress text for `min` to `max` steps left, the plural form by `rules`.
    pub fn steps_left(&self, min: usize, max: usize, rules: Rules) -> String {
        match (min, max) {
            (0, 0) => self.finished().to_string(),
            (a, b) if a == b => fill(self.steps_left.form(&self.lang, a, rules), &[("n", a)]),
            (a, b) => fill(self.steps_range(), &[("min", a), ("max", b)]),
        }
    }

    /// "Step N".
    pub fn step(&self, n: usize) -> String {
        fill(self.step_n(), &[("n", n)])
    }

    /// True when these words are written right to left.
    pub fn is_rtl(&self) -> bool {
        is_rtl(&self.lang)
    }

    /// [`Words::overridden`] with the pairs as `embed.js` passes them: name and text laid end
    /// to end, each ended by a NUL.
    pub fn overridden_by(&self, given: &str) -> (Words, Vec<WordsError>) {
        let mut parts = given.split('\0');
        self.overridden(std::iter::from_fn(move || {
            Some((parts.next()?, parts.next()?))
        }))
    }

    /// These words with some replaced, as a host page gives them: `(name, text)` pairs, a
    /// plural form named `steps_left.one` and so on. Each pair that is wrong is left out and
    /// reported; the rest apply.
    pub fn overridden<'a>(
        &self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Words, Vec<WordsError>) {
        let mut words = self.clone();
        let mut problems = Vec::new();
        for (key, text) in pairs {
            if let Err(e) = words.set(key, text) {
                problems.push(e);
            }
        }
        (words, problems)
    }

    /// Sets one word, or one plural form (`steps_left.few`), after checking its braces.
    fn set(&mut self, key: &str, text: &str) -> Result<(), WordsError> {
        let unknown = || WordsError::Unknown {
            key: key.to_owned(),
        };
        match key.split_once('.') {
            Some(("steps_left", form)) => {
                check_template("steps_left", text, true)?;
                if self.steps_left.set(form, Cow::Owned(text.to_owned())) {
                    Ok(())
                } else {
                    Err(WordsError::Form {
                        key: "steps_left".to_owned(),
                        form: form.to_owned(),
                    })
                }
            }
            Some(_) => Err(unknown()),
            None => {
                check_template(key, text, false)?;
                *self.slot(key).ok_or_else(unknown)? = Cow::Owned(text.to_owned());
                Ok(())
            }
        }
    }

    /// The label of a way on that is interface words ("Done, next step", the fix answers),
    /// or `None` for an answer, which is the guide's.
    pub fn choice_word(&self, choice: Choice<'_>) -> Option<&str> {
        match choice {
            Choice::Answer(_) => None,
            Choice::Continue => Some(self.done_next()),
            Choice::Fixed => Some(self.fixed()),
            Choice::NotFixed => Some(self.not_fixed()),
        }
    }
}

/// Two tables are the same when they are the same table: each is made once (compiled in,
/// read from a catalogue, or with a host's words) and shared.
impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}
