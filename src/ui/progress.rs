//! "Step N" and a progress bar from the engine's estimate of what remains.

use crate::strings::Words;
use crate::walk::Progress;
use yew::prelude::*;

/// Properties of [`ProgressBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct ProgressBarProps {
    /// Where the walk stands.
    pub progress: Progress,
    /// Interface words.
    pub words: &'static Words,
}

/// A native `<progress>` (role progressbar) whose values are steps, not a made-up percentage.
#[component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    let p = props.progress;
    let w = props.words;
    let (value, max) = p.bar();
    let left = (w.steps_left)(p.remaining_min, p.remaining_max);
    let text = format!("{} {}, {}", w.step, p.step, left);
    html! {
        <div class="sg-progress-wrap" part="progress">
            <span class="sg-step-label" aria-hidden="true">{ format!("{} {}", w.step, p.step) }<span class="sg-left">{ format!(" · {left}") }</span></span>
            <progress class="sg-progress" value={value.to_string()} max={max.to_string()}
                aria-label={w.progress} aria-valuetext={text}></progress>
        </div>
    }
}
