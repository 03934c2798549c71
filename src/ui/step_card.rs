//! One screen of the walk that asks something: an instruction, a fix, a question or a check.

use crate::guide::{Choice, Field, Kind, NodeId, VariantId};
use crate::ui::mark::mark;
use crate::ui::rich::rich_text;
use crate::walk::transcript::choice_label;
use crate::walk::Walk;
use crate::words::Words;
use yew::prelude::*;

/// What [`step_card`] shows and calls back.
pub struct StepCardProps<'a> {
    /// The walk; the card shows its current node.
    pub walk: &'a Walk,
    /// The heading, focused on each new step.
    pub heading: &'a NodeRef,
    /// Called with the index of the choice taken.
    pub on_choose: Callback<usize>,
    /// Interface words.
    pub words: &'static Words,
    /// The variant detected on this device, to point out among the answers.
    pub detected: Option<VariantId>,
}

/// The card for the current node when it is not an outcome.
/// A view function: it holds no state (see [`crate::ui::rich::rich_text`]).
pub fn step_card(props: &StepCardProps<'_>) -> Html {
    let walk = props.walk;
    let guide = walk.guide();
    let id: NodeId = walk.current();
    let node = guide.node(id);
    let variant = walk.variant();
    let words = props.words;
    let title = node.title().get(variant).to_owned();
    let choices = node.choices();
    let (title_lang, title_dir) = mark(words, guide.text_lang(id, Field::Title));
    let (text_lang, text_dir) = mark(words, guide.text_lang(id, Field::Text));
    let (erases_lang, erases_dir) = mark(words, guide.text_lang(id, Field::Erases));
    let (alt_lang, alt_dir) = mark(words, guide.text_lang(id, Field::Alt));
    let (link_lang, link_dir) = mark(words, guide.text_lang(id, Field::Link));

    let buttons = choices.iter().enumerate().map(|(i, (choice, _))| {
        let on_choose = props.on_choose.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_choose.emit(i));
        let detected =
            matches!(choice, Choice::Answer(a) if a.sets().is_some() && a.sets() == props.detected);
        let primary = i == 0 && matches!(choice, Choice::Continue | Choice::Fixed);
        // An answer is the guide's text; "Done, next step" and the fix answers are the
        // interface's, in the root's language.
        let (label_lang, label_dir) = match choice {
            Choice::Answer(_) => mark(words, guide.text_lang(id, Field::Answer(i))),
            _ => (None, None),
        };
        let label = html! {
            <>
                <span lang={label_lang} dir={label_dir}>{ choice_label(*choice, walk, walk.visits().len(), words) }</span>
                if detected {
                    <span class="sg-detected">{ words.detected() }</span>
                }
            </>
        };
        // Classes as literals, never built (`classes!`): a class made at run time brings
        // Yew's `Classes`, a hash set of strings, into the wasm.
        // Keyed by position with the legend, so that the next step's answers patch these in
        // place: Yew matches unkeyed children from the end, which replaced the legend and
        // removed the tapped (focused) answer whenever the count of answers changed.
        if primary {
            html! { <button key={i} type="button" class="sg-answer sg-answer-primary" {onclick} part="answer">{ label }</button> }
        } else {
            html! { <button key={i} type="button" class="sg-answer" {onclick} part="answer">{ label }</button> }
        }
    });

    let is_fix = matches!(node.kind(), Kind::Step { fixed: Some(_), .. });
    let answers = match node.kind() {
        Kind::Step { fixed: None, .. } => {
            html! { <div class="sg-answers sg-answers-single">{ for buttons }</div> }
        }
        _ => {
            let legend = if is_fix {
                html! { <legend key="legend" class="sg-legend">{ words.did_it_fix() }</legend> }
            } else {
                html! { <legend key="legend" class="sg-legend sg-vh" lang={title_lang.clone()} dir={title_dir.clone()}>{ title.clone() }</legend> }
            };
            html! { <fieldset class="sg-answers">{ legend }{ for buttons }</fieldset> }
        }
    };

    html! {
        <section class="sg-card" part="card" data-node={node.id().to_owned()}>
            // The heading, then the rest as one fragment, here and on an outcome's card (see
            // the note there).
            <h2 class="sg-title" tabindex="-1" ref={props.heading.clone()} lang={title_lang} dir={title_dir}>{ title.clone() }</h2>
            <>
            // A destructive step says what it erases before anything else, in the guide's
            // words after the interface's.
            if let Some(erases) = node.erases() {
                <p class="sg-erases"><strong>{ words.erases() }</strong>{ " " }<span lang={erases_lang} dir={erases_dir}>{ erases.to_owned() }</span></p>
            }
            { rich_text(&node.text().get(variant), words, (text_lang, text_dir)) }
            if let Some(img) = node.image() {
                <img class="sg-image" src={img.src().to_owned()} alt={img.alt().get(variant).to_owned()} lang={alt_lang} dir={alt_dir} loading="lazy" />
            }
            if let Kind::Check { link, .. } = node.kind() {
                <p class="sg-check-link">
                    <a class="sg-link sg-link-button" href={link.url().as_str().to_owned()} target="_blank" rel="noopener noreferrer">
                        <span lang={link_lang} dir={link_dir}>{ link.label().get(variant).to_owned() }</span>
                        <span class="sg-vh">{ format!(" ({})", words.new_tab()) }</span>
                    </a>
                </p>
            }
            { answers }
            if let Some(date) = node.reviewed() {
                <p class="sg-reviewed">{ format!("{} {date}", words.reviewed()) }</p>
            }
            </>
        </section>
    }
}
