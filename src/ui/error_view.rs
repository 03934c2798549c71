//! The screen shown when a guide cannot be loaded or is invalid.

use crate::strings::Words;
use yew::prelude::*;

/// Properties of [`ErrorView`].
#[derive(Properties, PartialEq, Clone)]
pub struct ErrorViewProps {
    /// What went wrong, in plain words.
    pub message: String,
    /// Called by the retry button.
    pub on_retry: Callback<()>,
    /// Interface words.
    pub words: &'static Words,
}

/// A clear message and a retry button; never a blank box.
#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let on_retry = props.on_retry.clone();
    html! {
        <section class="sg-card sg-error" role="alert" part="card error">
            <h2 class="sg-title">{ props.words.error_title }</h2>
            <p class="sg-error-message">{ props.message.clone() }</p>
            <button type="button" class="sg-answer sg-answer-primary" onclick={move |_| on_retry.emit(())} part="answer">
                { props.words.retry }
            </button>
        </section>
    }
}
