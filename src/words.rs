//! Every word of the user interface, in one table per language, so a language can be added
//! without touching the components.

use crate::guide::Choice;

/// The interface words of one language.
#[derive(Debug)]
pub struct Words {
    /// Language tag these words are in.
    pub lang: &'static str,
    /// True in the twin of a table that is used for a guide in another language: the
    /// elements that hold only interface words then say which language they are in (see
    /// [`Words::own_lang`]).
    pub marked: bool,
    /// The Back button.
    pub back: &'static str,
    /// The Start over button.
    pub start_over: &'static str,
    /// On a waiting outcome: back to the step before it, to look again.
    pub check_again: &'static str,
    /// Before what a destructive step erases.
    pub erases: &'static str,
    /// The answer that moves on from an instruction step.
    pub done_next: &'static str,
    /// The question a fix step asks.
    pub did_it_fix: &'static str,
    /// The yes answer to it.
    pub fixed: &'static str,
    /// The no answer to it.
    pub not_fixed: &'static str,
    /// Label of the progress bar.
    pub progress: &'static str,
    /// "Step N" before the number.
    pub step: &'static str,
    /// Progress text: steps left, as a range.
    pub steps_left: fn(usize, usize) -> String,
    /// Heading of the history list.
    pub history: &'static str,
    /// Button that changes an earlier answer.
    pub change: &'static str,
    /// Names the change button for assistive technology: the step's title goes after it.
    pub change_answer_to: &'static str,
    /// Label of the copy button.
    pub copy: &'static str,
    /// Said after a successful copy.
    pub copied: &'static str,
    /// Said when the clipboard refused and the text was selected instead.
    pub copy_selected: &'static str,
    /// Heading above the transcript.
    pub transcript: &'static str,
    /// Placeholder while the guide loads.
    pub loading: &'static str,
    /// Heading of the error screen.
    pub error_title: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// Offer to continue a saved walk.
    pub resume_offer: &'static str,
    /// Accepts it.
    pub resume_yes: &'static str,
    /// Declines it.
    pub resume_no: &'static str,
    /// Offer to show a saved walk that reached an outcome.
    pub resume_done_offer: &'static str,
    /// Accepts that one.
    pub resume_done_yes: &'static str,
    /// Said when saved progress belongs to older content.
    pub stale_notice: &'static str,
    /// Announced on each new step, before its title.
    pub now_showing: &'static str,
    /// Names the answers group of a fix step.
    pub answers_for: &'static str,
    /// Hint shown when the person's version was detected.
    pub detected: &'static str,
    /// Transcript line headings.
    pub t_guide: &'static str,
    /// Transcript: the version line.
    pub t_version: &'static str,
    /// Transcript: the variant line.
    pub t_variant: &'static str,
    /// Transcript: the steps heading.
    pub t_steps: &'static str,
    /// Transcript: the outcome line.
    pub t_outcome: &'static str,
    /// Transcript: shown when the walk has not ended.
    pub t_unfinished: &'static str,
    /// Opens in a new tab (for assistive technology).
    pub new_tab: &'static str,
    /// Before the date a step was last checked against the product.
    pub reviewed: &'static str,
    /// Names of the outcome kinds.
    pub outcome_names: [&'static str; 3],
}

/// English.
pub static EN: Words = EN_WORDS;

/// English, for a guide in another language (see [`Words::marked`]).
static EN_MARKED: Words = Words {
    marked: true,
    ..EN_WORDS
};

const EN_WORDS: Words = Words {
    lang: "en",
    marked: false,
    back: "Back",
    start_over: "Start over",
    check_again: "Check again",
    erases: "This erases:",
    done_next: "Done, next step",
    did_it_fix: "Did this fix it?",
    fixed: "Yes, it's fixed",
    not_fixed: "No, still not working",
    progress: "Progress",
    step: "Step",
    steps_left: |min, max| match (min, max) {
        (0, 0) => "finished".to_owned(),
        (a, b) if a == b => format!("{a} more {}", if a == 1 { "step" } else { "steps" }),
        (a, b) => format!("{a} to {b} more steps"),
    },
    history: "What you've tried",
    change: "Change",
    change_answer_to: "Change answer to",
    copy: "Copy",
    copied: "Copied to the clipboard",
    copy_selected: "Copying was blocked; the text is selected, press Ctrl+C or Cmd+C",
    transcript: "Summary for support",
    loading: "Loading the guide…",
    error_title: "This guide could not be shown",
    retry: "Try again",
    resume_offer: "You were part way through this guide.",
    resume_yes: "Continue where you left off",
    resume_no: "Start from the beginning",
    resume_done_offer: "Last time you reached the end of this guide.",
    resume_done_yes: "See where it ended",
    stale_notice:
        "This guide has been updated since your last visit, so it starts from the beginning.",
    now_showing: "Now showing",
    answers_for: "Answers for",
    detected: "Detected on this device",
    t_guide: "Guide",
    t_version: "Version",
    t_variant: "Setting",
    t_steps: "Steps",
    t_outcome: "Outcome",
    t_unfinished: "not finished",
    new_tab: "opens in a new tab",
    reviewed: "Steps last checked",
    outcome_names: ["fixed", "waiting", "contact support"],
};

/// The words for `lang`, falling back to English.
pub fn words(lang: &str) -> &'static Words {
    let _ = lang; // English is the only table so far.
    &EN
}

/// The words for the interface of a guide in `guide_lang`: [`words`] for `lang`, marked with
/// their language when it is not the guide's (by primary language subtag, so `en-GB` words in
/// an `en-US` guide are not), so that a screen reader reading the guide in its language reads
/// "Back" and "Start over" in theirs (WCAG 2.2, 3.1.2 Language of Parts).
pub fn words_in(lang: &str, guide_lang: &str) -> &'static Words {
    let table = words(lang);
    let primary = |tag: &str| {
        tag.split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    if primary(table.lang) == primary(guide_lang) {
        table
    } else {
        // English is the one table, so its marked twin; a second table brings its own.
        &EN_MARKED
    }
}

impl Words {
    /// The language to give an element that holds only interface words: none when they are in
    /// the guide's language, which the widget's root already says.
    #[cfg(any(feature = "reader", not(target_arch = "wasm32")))]
    pub fn own_lang(&self) -> Option<&'static str> {
        self.marked.then_some(self.lang)
    }

    /// None: the build without a guide reader shows only the bundled guide, whose language
    /// is the interface's, so the code that marks words is left out of it.
    #[cfg(not(any(feature = "reader", not(target_arch = "wasm32"))))]
    pub fn own_lang(&self) -> Option<&'static str> {
        None
    }

    /// The language to give a way on's label: [`Words::own_lang`] for "Done, next step" and
    /// the fix answers, which are interface words; none for an answer, which is the guide's.
    pub fn choice_lang(&self, choice: Choice<'_>) -> Option<&'static str> {
        match choice {
            Choice::Answer(_) => None,
            Choice::Continue | Choice::Fixed | Choice::NotFixed => self.own_lang(),
        }
    }
}

/// Tables are static and one per language, so two are the same when they are the same table.
impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}
