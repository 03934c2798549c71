//! The walk as Yew state: actions and a reducer with no side effects. Storage, history and
//! events happen in the walker's effects.

use crate::walk::Walk;
use std::rc::Rc;
use yew::Reducible;

/// What the person (or the host page) asks of the walk.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Take choice N of the current node.
    Answer(usize),
    /// One screen back.
    Back,
    /// Back to the first screen, forgetting every answer.
    Restart,
    /// Answer an earlier step differently.
    Change {
        /// 0-based index into the history.
        step: usize,
        /// The new choice.
        choice: usize,
    },
    /// Replace the walk (from a link, storage, or the host's `resume`).
    Resume(Walk),
}

/// The walk being shown.
#[derive(Debug, Clone, PartialEq)]
pub struct WalkState {
    /// The walk.
    pub walk: Walk,
}

impl Reducible for WalkState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut walk = self.walk.clone();
        let changed = match action {
            Action::Answer(choice) => walk.answer(choice).is_ok(),
            Action::Back => walk.back(),
            Action::Restart => {
                walk.restart();
                true
            }
            Action::Change { step, choice } => walk.change_answer(step, choice).is_ok(),
            Action::Resume(w) => {
                walk = w;
                true
            }
        };
        // Returning the same Rc tells Yew nothing changed, so it skips the render.
        if changed && walk != self.walk {
            Rc::new(WalkState { walk })
        } else {
            self
        }
    }
}
