//! The last screen of a walk: fixed, waiting, or contact support with a transcript to copy.

use crate::guide::OutcomeKind;
use crate::strings::Words;
use crate::transcript::transcript;
use crate::ui::rich::rich_text;
use crate::walk::Walk;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// Properties of [`OutcomeCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct OutcomeCardProps {
    /// The finished walk.
    pub walk: Walk,
    /// The heading, focused when the outcome appears.
    pub heading: NodeRef,
    /// Interface words.
    pub words: &'static Words,
}

/// Selects the text of `node` so the person can copy it by hand.
fn select_contents(node: &web_sys::Node) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(document) = window.document() else {
        return false;
    };
    let (Ok(range), Ok(Some(selection))) = (document.create_range(), window.get_selection()) else {
        return false;
    };
    range.select_node_contents(node).is_ok()
        && selection.remove_all_ranges().is_ok()
        && selection.add_range(&range).is_ok()
}

/// The card for an outcome node.
#[component]
pub fn OutcomeCard(props: &OutcomeCardProps) -> Html {
    let walk = &props.walk;
    let words = props.words;
    let node = walk.guide().node(walk.current());
    let variant = walk.variant();
    let kind = node.outcome().unwrap_or(OutcomeKind::Escalate);
    let copy_status = use_state(String::new);
    let pre = use_node_ref();
    let text = transcript(walk, words);

    let on_copy = {
        let (text, status, pre) = (text.clone(), copy_status.clone(), pre.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, status, pre) = (text.clone(), status.clone(), pre.clone());
            let fallback = move |status: UseStateHandle<String>| {
                let selected = pre.get().is_some_and(|n| select_contents(&n));
                status.set(if selected {
                    words.copy_selected.to_owned()
                } else {
                    String::new()
                });
            };
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            match clipboard {
                Some(cb) if !JsCast::unchecked_ref::<wasm_bindgen::JsValue>(&cb).is_undefined() => {
                    let promise = cb.write_text(&text);
                    spawn_local(async move {
                        match JsFuture::from(promise).await {
                            Ok(_) => status.set(words.copied.to_owned()),
                            Err(_) => fallback(status),
                        }
                    });
                }
                _ => fallback(status),
            }
        })
    };

    let kind_class = match kind {
        OutcomeKind::Resolved => "sg-outcome-resolved",
        OutcomeKind::Waiting => "sg-outcome-waiting",
        OutcomeKind::Escalate => "sg-outcome-escalate",
    };
    html! {
        <section class={classes!("sg-card", "sg-outcome", kind_class)} part="card outcome" data-node={node.id().to_owned()} data-outcome={kind.as_str()}>
            <p class="sg-outcome-kind">{ crate::transcript::outcome_name(kind, words) }</p>
            <h2 class="sg-title" tabindex="-1" ref={props.heading.clone()}>{ node.title().get(variant).to_owned() }</h2>
            { rich_text(&node.text().get(variant), words) }
            if let Some(date) = node.reviewed() {
                <p class="sg-reviewed">{ format!("{} {date}", words.reviewed) }</p>
            }
            if kind == OutcomeKind::Escalate {
                <div class="sg-transcript-box">
                    <h3 class="sg-subtitle">{ words.transcript }</h3>
                    <pre class="sg-transcript" ref={pre} tabindex="0" aria-label={words.transcript}>{ text }</pre>
                    <button type="button" class="sg-answer sg-answer-primary sg-copy" onclick={on_copy} part="answer">{ words.copy }</button>
                    <p class="sg-copy-status" role="status">{ (*copy_status).clone() }</p>
                </div>
            }
        </section>
    }
}
