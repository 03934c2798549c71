//! The walker's state: the walk and what the screen shows around it, changed only by
//! actions through a reducer with no side effects. Storage, history and events happen in the
//! walker's effects.
//!
//! One reducer rather than a `use_state` each: every state type of its own brings its own
//! copy of Yew's hook code into the wasm, and what clears what (a new screen clears the last
//! copy's status) is said here once, not in effects that cost a second render.

use crate::walk::Walk;
use std::rc::Rc;
use yew::Reducible;

/// What the person (or the host page) asks of the walker.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Take choice N of the current node.
    Answer(usize),
    /// One screen back.
    Back,
    /// Back to the first screen, forgetting every answer (and the notice about a saved
    /// walk of an older version, which a fresh start answers).
    Restart,
    /// Answer an earlier step differently; closes the history's open answers.
    Change {
        /// 0-based index into the history.
        step: usize,
        /// The new choice.
        choice: usize,
    },
    /// Replace the walk (from a link, storage, or the host's `resume`).
    Resume(Walk),
    /// Continue the saved walk on offer.
    TakeOffer,
    /// Put the offer to continue away.
    DismissOffer,
    /// Open the other answers of history item N, or close them when they are open.
    ToggleHistory(usize),
    /// What copying a transcript did: the transcript and the words to show.
    Copied(String, String),
    /// The new step is painted: the history may list this many steps.
    HistoryCaughtUp(usize),
}

/// The walk being shown and what is shown around it.
#[derive(Debug, Clone, PartialEq)]
pub struct WalkState {
    /// The walk.
    pub walk: Walk,
    /// A saved walk offered to continue, until it is taken or put away.
    pub offer: Option<Walk>,
    /// The saved walk was for an older version of the guide, so the walk started afresh.
    pub stale: bool,
    /// Which history item's other answers are open.
    pub history_open: Option<usize>,
    /// What the last copy of a transcript did, and of which transcript: it belongs to the
    /// screen it was done on (a copy that finishes later, as the clipboard answers, is
    /// matched to its transcript before it is shown).
    pub copy_status: Option<(String, String)>,
    /// How many answered steps the history lists. It catches up after the paint: building
    /// a new item was about a fifth of a click's handler time at 4× CPU (19.0 → 15.1 ms,
    /// medians of 25 loads, 2026-12-07), and the list is below the step, which is what the
    /// person looks at. The history lists at most the walk's own, so every item is valid.
    pub history_shown: usize,
}

impl WalkState {
    /// The state on the first screen.
    pub fn new(walk: Walk, offer: Option<Walk>, stale: bool) -> WalkState {
        WalkState {
            history_shown: walk.visits().len(),
            walk,
            offer,
            stale,
            history_open: None,
            copy_status: None,
        }
    }
}

impl Reducible for WalkState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let walk = &mut next.walk;
        match action {
            Action::Answer(choice) => {
                let _ = walk.answer(choice);
            }
            Action::Back => {
                walk.back();
            }
            Action::Restart => {
                walk.restart();
                next.stale = false;
            }
            Action::Change { step, choice } => {
                let _ = walk.change_answer(step, choice);
                next.history_open = None;
            }
            Action::Resume(w) => *walk = w,
            Action::TakeOffer => {
                if let Some(w) = next.offer.take() {
                    next.walk = w;
                }
            }
            Action::DismissOffer => next.offer = None,
            Action::ToggleHistory(i) => {
                next.history_open = (next.history_open != Some(i)).then_some(i);
            }
            Action::Copied(transcript, said) => next.copy_status = Some((transcript, said)),
            Action::HistoryCaughtUp(n) => next.history_shown = n,
        }
        if next.walk != self.walk {
            next.copy_status = None;
        }
        // Returning the same Rc tells Yew nothing changed, so it skips the render.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
