//! The offer to continue a walk saved before a reload or a restart of the phone.

use crate::words::Words;
use yew::prelude::*;

/// What [`resume_offer`] shows and calls back.
pub struct ResumeOfferProps {
    /// Continue the saved walk.
    pub on_resume: Callback<()>,
    /// Start from the beginning instead.
    pub on_dismiss: Callback<()>,
    /// Where the saved walk stands, "Step 3:", so the person knows what continuing leads to;
    /// none when it reached an outcome other than waiting: there is nothing left to continue
    /// then, only the end to see again (a summary to copy for support, say).
    pub step: Option<String>,
    /// The title of the step or outcome it stands at ("Switch iMessage off and on again").
    pub title: String,
    /// The `lang` and `dir` of the title, where they are not the interface's.
    pub title_mark: (Option<AttrValue>, Option<AttrValue>),
    /// Interface words.
    pub words: &'static Words,
}

/// "You were part way through this guide": continue, or start from the beginning. For a walk
/// that reached its end: see where it ended, or start from the beginning.
/// A view function: it holds no state (see [`crate::ui::rich::rich_text`]).
pub fn resume_offer(props: &ResumeOfferProps) -> Html {
    let (yes, no) = (props.on_resume.clone(), props.on_dismiss.clone());
    let words = props.words;
    let (offer, accept) = match props.step {
        None => (words.resume_done_offer(), words.resume_done_yes()),
        Some(_) => (words.resume_offer(), words.resume_yes()),
    };
    // The title, the one part in the guide's words, says its language where it is not the
    // interface's (the root's).
    let (title_lang, title_dir) = props.title_mark.clone();
    html! {
        <div class="sg-resume" role="region" aria-label={accept.to_string()} part="resume">
            <p>{ offer.to_string() }</p>
            <p class="sg-resume-at">
                if let Some(step) = &props.step {
                    { step.clone() }{ " " }
                }
                <span lang={title_lang} dir={title_dir}>{ props.title.clone() }</span>
            </p>
            <div class="sg-resume-actions">
                <button type="button" class="sg-answer sg-answer-primary" onclick={move |_| yes.emit(())}>{ accept.to_string() }</button>
                <button type="button" class="sg-answer" onclick={move |_| no.emit(())}>{ words.resume_no().to_string() }</button>
            </div>
        </div>
    }
}
