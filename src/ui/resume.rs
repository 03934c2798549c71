//! The offer to continue a walk saved before a reload or a restart of the phone.

use crate::strings::Words;
use yew::prelude::*;

/// What [`resume_offer`] shows and calls back.
pub struct ResumeOfferProps {
    /// Continue the saved walk.
    pub on_resume: Callback<()>,
    /// Start from the beginning instead.
    pub on_dismiss: Callback<()>,
    /// Where the saved walk stands ("Step 3: Switch iMessage off and on again"), so the
    /// person knows what continuing leads to.
    pub at: String,
    /// Interface words.
    pub words: &'static Words,
}

/// "You were part way through this guide": continue, or start from the beginning.
/// A view function: it holds no state (see [`crate::ui::rich::rich_text`]).
pub fn resume_offer(props: &ResumeOfferProps) -> Html {
    let (yes, no) = (props.on_resume.clone(), props.on_dismiss.clone());
    html! {
        <div class="sg-resume" role="region" aria-label={props.words.resume_yes} part="resume">
            <p>{ props.words.resume_offer }</p>
            <p class="sg-resume-at">{ props.at.clone() }</p>
            <div class="sg-resume-actions">
                <button type="button" class="sg-answer sg-answer-primary" onclick={move |_| yes.emit(())}>{ props.words.resume_yes }</button>
                <button type="button" class="sg-answer" onclick={move |_| no.emit(())}>{ props.words.resume_no }</button>
            </div>
        </div>
    }
}
