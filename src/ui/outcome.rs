//! The last screen of a walk: fixed, waiting, or contact support with a transcript to copy.

use crate::guide::{Field, OutcomeKind};
use crate::ui::rich::rich_text;
use crate::walk::transcript::transcript;
use crate::walk::Walk;
use crate::words::Words;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// What [`outcome_card`] shows, and the state it keeps in the walker.
pub struct OutcomeCardProps<'a> {
    /// The finished walk.
    pub walk: &'a Walk,
    /// The heading, focused when the outcome appears.
    pub heading: &'a NodeRef,
    /// The transcript box, selected when copying is not allowed.
    pub transcript_box: &'a NodeRef,
    /// What the last copy did, and of which transcript. The walker clears it when the walk
    /// moves on; the transcript keeps a copy that finishes after that (the clipboard answers
    /// later) from being shown beside another ending.
    pub copy_status: Option<&'a (String, String)>,
    /// Called with a transcript and what copying it did.
    pub on_copied: Callback<(String, String)>,
    /// Back to the step before a waiting outcome, to look again: a walk that waits is
    /// resumed where it stood, not started over.
    pub on_check_again: Callback<MouseEvent>,
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

/// The card for an outcome node. A view function, its state kept by the walker (see
/// [`crate::ui::history::history`]).
pub fn outcome_card(props: &OutcomeCardProps<'_>) -> Html {
    let walk = props.walk;
    let words = props.words;
    let node = walk.guide().node(walk.current());
    let variant = walk.variant();
    let kind = node.outcome().unwrap_or(OutcomeKind::Escalate);
    let pre = props.transcript_box.clone();
    let text = transcript(walk, words);
    let copy_status = match props.copy_status {
        Some((copied, status)) if *copied == text => status.clone(),
        _ => String::new(),
    };

    let on_copy = {
        let (text, report, pre) = (text.clone(), props.on_copied.clone(), pre.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, report, pre) = (text.clone(), report.clone(), pre.clone());
            let fallback = move |report: Callback<(String, String)>, text: String| {
                let selected = pre.get().is_some_and(|n| select_contents(&n));
                let said = if selected { words.copy_selected() } else { "" };
                report.emit((text, said.to_owned()));
            };
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            match clipboard {
                Some(cb) if !JsCast::unchecked_ref::<wasm_bindgen::JsValue>(&cb).is_undefined() => {
                    let promise = cb.write_text(&text);
                    spawn_local(async move {
                        match JsFuture::from(promise).await {
                            Ok(_) => report.emit((text, words.copied().to_string())),
                            Err(_) => fallback(report, text),
                        }
                    });
                }
                _ => fallback(report, text),
            }
        })
    };

    let id = props.walk.current();
    let guide = props.walk.guide();
    let (title_lang, title_dir) = crate::ui::mark::mark(words, guide.text_lang(id, Field::Title));
    let text_mark = crate::ui::mark::mark(words, guide.text_lang(id, Field::Text));
    html! {
        // Styled by kind through `data-outcome`: a class made at run time would bring Yew's
        // `Classes` into the wasm (see the step card's answers).
        <section class="sg-card sg-outcome" part="card outcome" data-node={node.id().to_owned()} data-outcome={kind.as_str()}>
            // Two children, the heading and one fragment, as on a step's card: Yew matches
            // children without keys from the end of the list, so with the same two the focused
            // heading is patched in place on the way from a step to its outcome, not replaced
            // (removing the focused element costs the browser a focus fix-up besides the new
            // element's focus). The kind follows the heading, where reading on from the
            // focused heading meets it.
            <h2 class="sg-title" tabindex="-1" ref={props.heading.clone()} lang={title_lang} dir={title_dir}>{ node.title().get(variant).to_owned() }</h2>
            <>
            <p class="sg-outcome-kind">{ crate::walk::transcript::outcome_name(kind, words) }</p>
            { rich_text(&node.text().get(variant), words, text_mark) }
            if kind == OutcomeKind::Waiting {
                <button type="button" class="sg-answer sg-answer-primary sg-check-again" onclick={props.on_check_again.clone()} part="answer">{ words.check_again() }</button>
            }
            if kind == OutcomeKind::Escalate {
                <div class="sg-transcript-box">
                    <h3 class="sg-subtitle">{ words.transcript() }</h3>
                    <pre class="sg-transcript" ref={pre} tabindex="0" aria-label={words.transcript()}>{ text }</pre>
                    <button type="button" class="sg-answer sg-answer-primary sg-copy" onclick={on_copy} part="answer">{ words.copy() }</button>
                    <p class="sg-copy-status" role="status">{ copy_status }</p>
                </div>
            }
            // Last, as on a step's card: the date is about the whole card, the summary included.
            if let Some(date) = node.reviewed() {
                <p class="sg-reviewed">{ format!("{} {date}", words.reviewed()) }</p>
            }
            </>
        </section>
    }
}
