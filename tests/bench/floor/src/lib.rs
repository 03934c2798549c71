//! The benchmark's Yew floor: the least a Yew app does to show the reference page's step.
//!
//! It reads the same two steps as `tests/bench/reference.js` from JSON with serde_json (as a
//! minimal data-driven Yew app would), renders the first one into `#app`, moves to the next
//! on a click with focus on the new heading, and sets the `stepguide:interactive` mark after
//! its first render, as the widget does. `scripts/bench` measures it beside the widget and
//! the plain JavaScript page, to show how much of the widget's cost is the framework's.

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

const STEPS: &str = r#"[
  {"title": "Which iOS is on your iPhone?", "text": "While this alert shows, your iPhone can't send or receive iMessages, the blue bubbles.", "answers": ["iOS 18 or later", "iOS 17 or earlier"]},
  {"title": "Is iMessage switched on?", "text": "Open Settings > Apps > Messages.", "answers": ["It's off (grey)", "It's on (green)"]}
]"#;

#[derive(Deserialize, PartialEq)]
struct Step {
    title: String,
    text: String,
    answers: Vec<String>,
}

#[function_component]
fn Floor() -> Html {
    let steps = use_memo((), |_| {
        serde_json::from_str::<Vec<Step>>(STEPS).unwrap_or_default()
    });
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
    let Some(step) = steps.get(*index % steps.len().max(1)) else {
        return html! {};
    };
    let next = {
        let index = index.clone();
        Callback::from(move |_: MouseEvent| index.set(*index + 1))
    };
    html! {
        <section>
            <h2 class="sg-title" tabindex="-1" ref={heading}>{ step.title.clone() }</h2>
            <p>{ step.text.clone() }</p>
            { for step.answers.iter().map(|a| html! { <button onclick={next.clone()}>{ a.clone() }</button> }) }
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
