//! The screen shown when a guide cannot be loaded or is invalid.

use crate::words::Words;
use yew::prelude::*;

/// What [`error_view`] shows and calls back.
pub struct ErrorViewProps {
    /// What went wrong, in plain words.
    pub message: String,
    /// Called by the retry button.
    pub on_retry: Callback<()>,
    /// Interface words.
    pub words: &'static Words,
}

/// A clear message and a retry button; never a blank box.
/// A view function: it holds no state (see [`crate::ui::rich::rich_text`]).
pub fn error_view(props: &ErrorViewProps) -> Html {
    let on_retry = props.on_retry.clone();
    html! {
        <section class="sg-card sg-error" role="alert" part="card error">
            <h2 class="sg-title">{ props.words.error_title() }</h2>
            <p class="sg-error-message">{ props.message.clone() }</p>
            <button type="button" class="sg-answer sg-answer-primary" onclick={move |_| on_retry.emit(())} part="answer">
                { props.words.retry() }
            </button>
        </section>
    }
}
