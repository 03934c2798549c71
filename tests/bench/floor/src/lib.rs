//! The benchmark's Yew floor: the least a Yew app does to show the reference page's step.
//!
//! It holds the same two steps as `tests/bench/reference.js` as Rust data (as the widget holds
//! its bundled guide: checked when it is built, so the page reads no JSON), renders the first
//! one into `#app`, moves to the next on a click with focus on the new heading, and sets the
//! `stepguide:interactive` mark after its first render, as the widget does. `scripts/bench`
//! measures it beside the widget and the plain JavaScript page, to show how much of the
//! widget's cost is the framework's.
//!
//! Until 2026-11-27 it read its steps from JSON with serde_json, as a "minimal Yew app with
//! serde_json" would. The widget has no serde_json (its bundled guide is
//! Rust data, and a guide from a URL goes through its own reader), so that floor held 15 KB
//! brotli of JSON code that no page with the widget downloads.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// One step, as the reference page has it.
struct Step {
    title: &'static str,
    text: &'static str,
    answers: &'static [&'static str],
}

const STEPS: &[Step] = &[
    Step {
        title: "Which iOS is on your iPhone?",
        text:
            "While this alert shows, your iPhone can't send or receive iMessages, the blue bubbles.",
        answers: &["iOS 18 or later", "iOS 17 or earlier"],
    },
    Step {
        title: "Is iMessage switched on?",
        text: "Open Settings > Apps > Messages.",
        answers: &["It's off (grey)", "It's on (green)"],
    },
];

#[function_component]
fn Floor() -> Html {
    let index = use_state(|| 0usize);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(*index, move |&i| {
            if i == 0 {
                if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = p.mark("stepguide:interactive");
                }
            } else if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let Some(step) = STEPS.get(*index % STEPS.len()) else {
        return html! {};
    };
    let next = {
        let index = index.clone();
        Callback::from(move |_: MouseEvent| index.set(*index + 1))
    };
    html! {
        <section>
            <h2 class="sg-title" tabindex="-1" ref={heading}>{ step.title }</h2>
            <p>{ step.text }</p>
            { for step.answers.iter().map(|a| html! { <button onclick={next.clone()}>{ *a }</button> }) }
        </section>
    }
}

/// Mounts the app into `#app` when the module starts.
#[wasm_bindgen(start)]
pub fn start() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        yew::Renderer::<Floor>::with_root(root).render();
    }
}
