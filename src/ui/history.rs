//! "What you've tried": the steps taken and the answers given, each of which can be changed.

use crate::guide::{Choice, Field};
use crate::ui::mark::mark;
use crate::walk::transcript::choice_label;
use crate::walk::Walk;
use crate::words::Words;
use yew::prelude::*;

/// What [`history`] shows and calls back.
pub struct HistoryProps<'a> {
    /// The walk.
    pub walk: &'a Walk,
    /// How many of its answered steps to list, from the first (see `WalkState::history_shown`).
    pub shown: usize,
    /// Which step's other answers are open, if any (the walker keeps it).
    pub open: Option<usize>,
    /// Called with a step's index to open its other answers, or close them.
    pub on_toggle: &'a Callback<usize>,
    /// Called with (step index, new choice) to change an earlier answer.
    pub on_change: &'a Callback<(usize, usize)>,
    /// Interface words.
    pub words: &'static Words,
}

/// The list of answered steps. "Change" opens the other answers of that step in place.
/// A view function, its one piece of state kept by the walker: as a component it cost a
/// second render per step and its own instance of Yew's component code (see
/// [`crate::ui::rich::rich_text`]).
pub fn history(props: &HistoryProps<'_>) -> Html {
    let open = props.open;
    let walk = props.walk;
    let words = props.words;
    let visits = &walk.visits()[..props.shown.min(walk.visits().len())];
    if visits.is_empty() {
        return html! {};
    }
    let guide = walk.guide();
    html! {
        <section class="sg-history" part="history" aria-label={words.history()}>
            <h3 class="sg-subtitle">{ words.history() }</h3>
            <ol class="sg-history-list">
            { for visits.iter().enumerate().map(|(i, visit)| {
                let node = guide.node(visit.node);
                let title = node.title().get(walk.variant_after(i)).to_owned();
                let choice = walk.choice_of(*visit).map(|(c, _)| c);
                let (title_lang, title_dir) = mark(words, guide.text_lang(visit.node, Field::Title));
                // An answer's label is the guide's; the fix answers are the interface's.
                let answer_mark = |c: Choice<'_>, at: usize| match c {
                    Choice::Answer(_) => mark(words, guide.text_lang(visit.node, Field::Answer(at))),
                    _ => (None, None),
                };
                let (answer_lang, answer_dir) = choice.map_or((None, None), |c| answer_mark(c, usize::from(visit.choice)));
                let answer = choice.map(|c| choice_label(c, walk, i + 1, words)).unwrap_or_default();
                let is_open = open == Some(i);
                let toggle = props.on_toggle.reform(move |_: MouseEvent| i);
                // Keyed by step: Yew matches children without keys from the end of the list,
                // so a step added at the end rewrote every earlier item and added a new first
                // one; with keys, the items already there are left alone.
                html! {
                    <li class="sg-history-item" key={i}>
                        <span class="sg-history-step" lang={title_lang.clone()} dir={title_dir.clone()}>{ title.clone() }</span>
                        <span class="sg-history-answer" lang={answer_lang} dir={answer_dir}>{ answer }</span>
                        if node.choice_count() > 1 {
                        // The name, "Change answer to" and the step's title, is in the
                        // content rather than an aria-label, so that the interface's words
                        // and the guide's each say their own language.
                        <button type="button" class="sg-change" onclick={toggle}
                            aria-expanded={is_open.to_string()}>
                            <span aria-hidden="true">{ words.change() }</span>
                            <span class="sg-vh">
                                <span>{ words.change_answer_to() }</span>
                                { " " }<span lang={title_lang.clone()} dir={title_dir.clone()}>{ title.clone() }</span>
                            </span>
                        </button>
                        }
                        if is_open {
                            <fieldset class="sg-answers sg-change-answers">
                                <legend class="sg-vh" lang={title_lang.clone()} dir={title_dir.clone()}>{ title.clone() }</legend>
                                { for node.choices().iter().enumerate().filter(|(c, _)| *c != usize::from(visit.choice)).map(|(c, (choice, _))| {
                                    // The walker closes the open answers on a change.
                                    let onclick = props.on_change.reform(move |_: MouseEvent| (i, c));
                                    let (lang, dir) = answer_mark(*choice, c);
                                    html! {
                                        <button type="button" class="sg-answer" {onclick}><span {lang} {dir}>{ choice_label(*choice, walk, i, words) }</span></button>
                                    }
                                }) }
                            </fieldset>
                        }
                    </li>
                }
            }) }
            </ol>
        </section>
    }
}
