//! "Step N" and a progress bar from the engine's estimate of what remains.

use crate::walk::Progress;
use crate::words::Words;
use yew::prelude::*;

/// A native `<progress>` (role progressbar) whose values are steps, not a made-up percentage.
/// A view function: it holds no state (see [`crate::ui::rich::rich_text`]).
pub fn progress_bar(p: Progress, w: &'static Words) -> Html {
    let (value, max) = p.bar();
    let left = w.steps_left(p.remaining_min, p.remaining_max, crate::ui::plural::rules());
    let step = w.step(p.step);
    let text = format!("{step}, {left}");
    html! {
        <div class="sg-progress-wrap" part="progress">
            <span class="sg-step-label" aria-hidden="true">{ step }<span class="sg-left">{ format!(" · {left}") }</span></span>
            <progress class="sg-progress" value={value.to_string()} max={max.to_string()}
                aria-label={w.progress()} aria-valuetext={text}></progress>
        </div>
    }
}
