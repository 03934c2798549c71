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
        allowed: String,
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

/// Declares [`Words`] with one field per word, and the names catalogues and host pages use.
macro_rules! words {
    ($( $(#[$doc:meta])* $key:ident ),* $(,)?) => {
        /// The interface words of one language.
        #[derive(Debug, Clone)]
        pub struct Words {
            /// Language tag these words are in.
            pub lang: Str,
            /// "Steps left" in the progress text, by plural form: `{n}` is the count.
            pub steps_left: Plural,
            $( $(#[$doc])* pub $key: Str, )*
        }

        impl Words {
            /// The names of the words that are one text each, as catalogues and host pages
            /// give them (the plural [`Words::steps_left`] is given by its forms).
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// The word named `key`.
            pub fn get(&self, key: &str) -> Option<&str> {
                match key {
                    $( stringify!($key) => Some(&self.$key), )*
                    _ => None,
                }
            }

            fn slot(&mut self, key: &str) -> Option<&mut Str> {
                match key {
                    $( stringify!($key) => Some(&mut self.$key), )*
                    _ => None,
                }
            }
        }
    };
}

words! {
    /// The Back button.
    back,
    /// The Start over button.
    start_over,
    /// On a waiting outcome: back to the step before it, to look again.
    check_again,
    /// Before what a destructive step erases.
    erases,
    /// The answer that moves on from an instruction step.
    done_next,
    /// The question a fix step asks.
    did_it_fix,
    /// The yes answer to it.
    fixed,
    /// The no answer to it.
    not_fixed,
    /// Label of the progress bar.
    progress,
    /// "Step N": `{n}` is the step's number.
    step_n,
    /// Progress text when the steps left are a range: `{min}` to `{max}`.
    steps_range,
    /// Progress text at the end.
    finished,
    /// Heading of the history list.
    history,
    /// Button that changes an earlier answer.
    change,
    /// Names the change button for assistive technology: the step's title goes after it.
    change_answer_to,
    /// Label of the copy button.
    copy,
    /// Said after a successful copy.
    copied,
    /// Said when the clipboard refused and the text was selected instead.
    copy_selected,
    /// Heading above the transcript.
    transcript,
    /// Placeholder while the guide loads.
    loading,
    /// Heading of the error screen.
    error_title,
    /// The retry button.
    retry,
    /// Offer to continue a saved walk.
    resume_offer,
    /// Accepts it.
    resume_yes,
    /// Declines it.
    resume_no,
    /// Offer to show a saved walk that reached an outcome.
    resume_done_offer,
    /// Accepts that one.
    resume_done_yes,
    /// Said when saved progress belongs to older content.
    stale_notice,
    /// Announced on each new step, before its title.
    now_showing,
    /// Names the answers group of a fix step.
    answers_for,
    /// Hint shown when the person's version was detected.
    detected,
    /// Transcript: the guide line.
    t_guide,
    /// Transcript: the version line.
    t_version,
    /// Transcript: the variant line.
    t_variant,
    /// Transcript: the steps heading.
    t_steps,
    /// Transcript: the outcome line.
    t_outcome,
    /// Transcript: shown when the walk has not ended.
    t_unfinished,
    /// Opens in a new tab (for assistive technology).
    new_tab,
    /// Before the date a step was last checked against the product.
    reviewed,
    /// The name of the "fixed" outcome.
    outcome_resolved,
    /// The name of the "waiting" outcome.
    outcome_waiting,
    /// The name of the "contact support" outcome.
    outcome_escalate,
}

/// What each word may put in between braces; the first named must be there. Words not
/// listed take none.
const PLACEHOLDERS: &[(&str, &[&str])] = &[
    ("step_n", &["n"]),
    ("steps_range", &["min", "max"]),
    ("steps_left", &["n"]),
];

const fn b(s: &'static str) -> Str {
    Cow::Borrowed(s)
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
    back: b("Back"),
    start_over: b("Start over"),
    check_again: b("Check again"),
    erases: b("This erases:"),
    done_next: b("Done, next step"),
    did_it_fix: b("Did this fix it?"),
    fixed: b("Yes, it's fixed"),
    not_fixed: b("No, still not working"),
    progress: b("Progress"),
    step_n: b("Step {n}"),
    steps_range: b("{min} to {max} more steps"),
    finished: b("finished"),
    history: b("What you've tried"),
    change: b("Change"),
    change_answer_to: b("Change answer to"),
    copy: b("Copy"),
    copied: b("Copied to the clipboard"),
    copy_selected: b("Copying was blocked; the text is selected, press Ctrl+C or Cmd+C"),
    transcript: b("Summary for support"),
    loading: b("Loading the guide…"),
    error_title: b("This guide could not be shown"),
    retry: b("Try again"),
    resume_offer: b("You were part way through this guide."),
    resume_yes: b("Continue where you left off"),
    resume_no: b("Start from the beginning"),
    resume_done_offer: b("Last time you reached the end of this guide."),
    resume_done_yes: b("See where it ended"),
    stale_notice: b(
        "This guide has been updated since your last visit, so it starts from the beginning.",
    ),
    now_showing: b("Now showing"),
    answers_for: b("Answers for"),
    detected: b("Detected on this device"),
    t_guide: b("Guide"),
    t_version: b("Version"),
    t_variant: b("Setting"),
    t_steps: b("Steps"),
    t_outcome: b("Outcome"),
    t_unfinished: b("not finished"),
    new_tab: b("opens in a new tab"),
    reviewed: b("Steps last checked"),
    outcome_resolved: b("fixed"),
    outcome_waiting: b("waiting"),
    outcome_escalate: b("contact support"),
};

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

/// The names between braces in `template`.
fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

/// Checks the braces of the word `key`'s `template`.
fn check_template(key: &str, template: &str, plural_form: bool) -> Result<(), WordsError> {
    let allowed = PLACEHOLDERS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(&[][..], |(_, a)| *a);
    for found in placeholders(template) {
        if !allowed.contains(&found) {
            return Err(WordsError::Placeholder {
                key: key.to_owned(),
                found: found.to_owned(),
                allowed: if allowed.is_empty() {
                    "none".to_owned()
                } else {
                    allowed
                        .iter()
                        .map(|a| format!("`{{{a}}}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            });
        }
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
            (0, 0) => self.finished.to_string(),
            (a, b) if a == b => fill(self.steps_left.form(&self.lang, a, rules), &[("n", a)]),
            (a, b) => fill(&self.steps_range, &[("min", a), ("max", b)]),
        }
    }

    /// "Step N".
    pub fn step(&self, n: usize) -> String {
        fill(&self.step_n, &[("n", n)])
    }

    /// True when these words are written right to left.
    pub fn is_rtl(&self) -> bool {
        is_rtl(&self.lang)
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
            Choice::Continue => Some(&self.done_next),
            Choice::Fixed => Some(&self.fixed),
            Choice::NotFixed => Some(&self.not_fixed),
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
