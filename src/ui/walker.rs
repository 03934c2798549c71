//! The walk on screen: state, the effects around it (focus, announcements, storage, URL,
//! events) and the layout of a screen.

use crate::guide::{Field, Guide, OutcomeKind, VariantId};
use crate::ui::history::{history, HistoryProps};
use crate::ui::host::{Command, Detail, Host};
use crate::ui::outcome::{outcome_card, OutcomeCardProps};
use crate::ui::persist;
use crate::ui::progress::progress_bar;
use crate::ui::resume::{resume_offer, ResumeOfferProps};
use crate::ui::state::{Action, WalkState};
use crate::ui::step_card::{step_card, StepCardProps};
use crate::walk::token::{self, TokenError};
use crate::walk::transcript::{choice_label, transcript};
use crate::walk::Walk;
use crate::words::Words;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Properties of [`Walker`].
#[derive(Properties, Clone)]
pub struct WalkerProps {
    /// The guide to walk.
    pub guide: Rc<Guide>,
    /// The host page.
    pub host: Host,
    /// Keep the walk in localStorage and offer to continue it.
    pub persist: bool,
    /// Keep the walk in the URL fragment (the standalone page).
    pub url_state: bool,
    /// Interface words.
    pub words: &'static Words,
    /// The variant detected on this device.
    #[prop_or_default]
    pub detected: Option<VariantId>,
}

impl PartialEq for WalkerProps {
    /// The guide compared by identity (see [`Walk`]'s equality): a loaded guide never
    /// changes, and a comparison of two whole guides would only add to the wasm.
    fn eq(&self, other: &Self) -> bool {
        let WalkerProps {
            guide,
            host,
            persist,
            url_state,
            words,
            detected,
        } = self;
        Rc::ptr_eq(guide, &other.guide)
            && *host == other.host
            && *persist == other.persist
            && *url_state == other.url_state
            && *words == other.words
            && *detected == other.detected
    }
}

/// How the walk starts: from a link, with an offer to continue, or fresh.
struct Start {
    walk: Walk,
    offer: Option<Walk>,
    stale: bool,
}

fn start(props: &WalkerProps) -> Start {
    let guide = &props.guide;
    let mut stale = false;
    if props.url_state {
        if let Some(t) = persist::fragment() {
            match token::decode(Rc::clone(guide), &t) {
                Ok(walk) => {
                    return Start {
                        walk,
                        offer: None,
                        stale: false,
                    }
                }
                Err(TokenError::Stale) => stale = true,
                Err(TokenError::Malformed) => {}
            }
        }
    }
    let mut offer = None;
    if props.persist {
        if let Some(t) = persist::load(guide.id()) {
            match token::decode(Rc::clone(guide), &t) {
                Ok(walk) if !walk.at_start() => offer = Some(walk),
                Ok(_) => {}
                Err(e) => {
                    stale |= e == TokenError::Stale;
                    persist::clear(guide.id());
                }
            }
        }
    }
    Start {
        walk: Walk::new(Rc::clone(guide)),
        offer,
        stale,
    }
}

fn path_ids(walk: &Walk) -> impl Iterator<Item = &str> {
    let guide = walk.guide();
    walk.visits()
        .iter()
        .map(|v| guide.node(v.node).id())
        .chain(std::iter::once(guide.node(walk.current()).id()))
}

/// The offer to continue a saved walk, with where it stands: "Step N:" (interface words) and
/// that step's title, or no step and the title of the outcome it reached.
fn offer_for(
    saved: &Walk,
    on_resume: Callback<()>,
    on_dismiss: Callback<()>,
    words: &'static Words,
) -> ResumeOfferProps {
    let node = saved.guide().node(saved.current());
    ResumeOfferProps {
        on_resume,
        on_dismiss,
        // A walk that waits (for Apple, for an activation) is not over: it is offered to be
        // continued, at its step, where "Check again" takes it back a step.
        step: saved
            .outcome()
            .is_none_or(|o| o == OutcomeKind::Waiting)
            .then(|| format!("{}:", words.step(saved.progress().step))),
        title: node.title().get(saved.variant()).to_owned(),
        title_mark: crate::ui::mark::mark(
            words,
            saved.guide().text_lang(saved.current(), Field::Title),
        ),
        words,
    }
}

/// The walk: header with progress, the current card, Back and Start over, the history.
#[component]
pub fn Walker(props: &WalkerProps) -> Html {
    let init = use_memo((), |_| start(props));
    let state = use_reducer(|| WalkState::new(init.walk.clone(), init.offer.clone(), init.stale));
    let (heading, transcript_box) = (use_node_ref(), use_node_ref());
    let first = use_mut_ref(|| true);
    // What a click on an answer of the step on screen does, for an answer the host page's
    // embed.js sends (a click made before the wasm had loaded): set on every render.
    let choose = use_mut_ref(Callback::<usize>::default);
    let words = props.words;
    let guide = Rc::clone(&props.guide);

    // Commands from the host page.
    {
        let (bus, dispatch, guide) = (
            Rc::clone(&props.host.bus),
            state.dispatcher(),
            Rc::clone(&guide),
        );
        let (host, choose) = (props.host.clone(), Rc::clone(&choose));
        use_effect_with((), move |_| {
            let listener = Callback::from(move |c: Command| {
                // The host page decides for the person: the offer to continue goes.
                dispatch.dispatch(Action::DismissOffer);
                match c {
                    Command::Answer(i) => {
                        let choose = choose.borrow().clone();
                        choose.emit(i)
                    }
                    Command::Back => dispatch.dispatch(Action::Back),
                    Command::Restart => dispatch.dispatch(Action::Restart),
                    Command::Resume(t) => match token::decode(Rc::clone(&guide), &t) {
                        Ok(walk) => dispatch.dispatch(Action::Resume(walk)),
                        Err(e) => host.emit(
                            "error",
                            Detail::new()
                                .text("kind", "token")
                                .text("message", &e.to_string()),
                        ),
                    },
                }
            });
            bus.listen(Some(listener));
            move || bus.listen(None)
        });
    }

    // The browser's back and forward buttons (standalone page only).
    {
        let (dispatch, guide) = (state.dispatcher(), Rc::clone(&guide));
        use_effect_with(props.url_state, move |&url_state| {
            let window = web_sys::window();
            let listener = url_state.then(|| {
                Closure::<dyn Fn()>::new(move || {
                    let walk = persist::fragment()
                        .and_then(|t| token::decode(Rc::clone(&guide), &t).ok())
                        .unwrap_or_else(|| Walk::new(Rc::clone(&guide)));
                    dispatch.dispatch(Action::Resume(walk));
                })
            });
            if let (Some(w), Some(l)) = (&window, &listener) {
                let _ = w.add_event_listener_with_callback("popstate", l.as_ref().unchecked_ref());
            }
            move || {
                if let (Some(w), Some(l)) = (window, listener) {
                    let _ = w.remove_event_listener_with_callback(
                        "popstate",
                        l.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // After every change of step: save, update the URL, tell the host, move focus, announce.
    {
        let (host, heading, first) = (props.host.clone(), heading.clone(), first.clone());
        let dispatch = state.dispatcher();
        let (persist_on, url_state) = (props.persist, props.url_state);
        let deciding = state.offer.is_some();
        use_effect_with((state.walk.clone(), deciding), move |(walk, deciding)| {
            let guide = walk.guide();
            let is_first = *first.borrow();
            // A widget off the page (embed.js's rehearsal, see there) marks nothing. Asked of
            // the page on the first render only, not on each step.
            let on_page = is_first && host.element.as_ref().is_some_and(|e| e.is_connected());
            if is_first {
                host.emit(
                    "ready",
                    Detail::new()
                        .text("guide", guide.id())
                        .text("version", guide.version())
                        .text("title", guide.title().get(Default::default())),
                );
            }
            let tok = token::encode(walk);
            host.bus.set_token(Some(tok.clone()));
            // Saving, the URL and the events wait until the new step is painted: they were
            // most of a click's handler time on a slow phone, and none of them shows.
            let (walk, host, deciding) = (walk.clone(), host.clone(), *deciding);
            crate::ui::later::after_paint(move || {
                let guide = walk.guide();
                if persist_on && !deciding {
                    if walk.at_start() {
                        persist::clear(guide.id());
                    } else {
                        persist::save(guide.id(), &tok);
                    }
                }
                if url_state {
                    persist::set_fragment(&tok, is_first);
                }
                let node = guide.node(walk.current());
                host.emit(
                    "step",
                    Detail::new()
                        .text("guide", guide.id())
                        .text("node", node.id())
                        .number("step", walk.progress().step)
                        .text("title", node.title().get(walk.variant())),
                );
                if let Some(kind) = node.outcome() {
                    host.emit(
                        "outcome",
                        Detail::new()
                            .text("guide", guide.id())
                            .text("version", guide.version())
                            .text("outcome", kind.as_str())
                            .text("node", node.id())
                            .texts("path", path_ids(&walk))
                            .text("transcript", &transcript(&walk, words)),
                    );
                }
                // Last: the history's render is the longest part of this work.
                dispatch.dispatch(Action::HistoryCaughtUp(walk.visits().len()));
            });
            *first.borrow_mut() = false;
            if is_first {
                // The first screen: the page has just loaded, so focus stays where the person
                // is; mark the moment the widget became usable.
                if let Some(perf) = web_sys::window()
                    .and_then(|w| w.performance())
                    .filter(|_| on_page)
                {
                    let _ = perf.mark("stepguide:interactive");
                }
            } else if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                crate::ui::later::before_paint(move || {
                    let _ = h.focus();
                });
            }
        });
    }

    let walk = &state.walk;
    // The live region's text is derived, not kept: empty on the first screen (nothing to
    // announce as the page loads), then the step on screen. Deriving it saves the second
    // render per step that setting it from an effect would cost.
    let announcement = if *first.borrow() {
        html! {}
    } else {
        let title = guide.node(walk.current()).title().get(walk.variant());
        let said = format!(
            "{}: {}.",
            words.now_showing(),
            words.step(walk.progress().step)
        );
        // The interface's words in the root's language, the guide's title in its own.
        let (lang, dir) =
            crate::ui::mark::mark(words, guide.text_lang(walk.current(), Field::Title));
        html! { <>{ said }{ " " }<span {lang} {dir}>{ title.to_owned() }</span></> }
    };
    let on_choose = {
        let (dispatch, host, walk) = (state.dispatcher(), props.host.clone(), walk.clone());
        Callback::from(move |choice: usize| {
            let node = walk.guide().node(walk.current());
            let label = node
                .choice(choice)
                .map(|(c, _)| choice_label(c, &walk, walk.visits().len(), words))
                .unwrap_or_default();
            host.emit(
                "answer",
                Detail::new()
                    .text("guide", walk.guide().id())
                    .text("node", node.id())
                    .number("choice", choice)
                    .text("answer", &label),
            );
            dispatch.dispatch(Action::Answer(choice));
        })
    };
    *choose.borrow_mut() = on_choose.clone();
    let on_change = {
        let dispatch = state.dispatcher();
        Callback::from(move |(step, choice): (usize, usize)| {
            dispatch.dispatch(Action::Change { step, choice })
        })
    };
    let on_back = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Back))
    };
    let on_restart = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Restart))
    };
    let on_resume = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::TakeOffer))
    };
    let on_dismiss = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::DismissOffer))
    };
    let on_toggle_history = {
        let dispatch = state.dispatcher();
        Callback::from(move |i: usize| dispatch.dispatch(Action::ToggleHistory(i)))
    };
    let on_copied = {
        let dispatch = state.dispatcher();
        Callback::from(move |(transcript, said): (String, String)| {
            dispatch.dispatch(Action::Copied(transcript, said))
        })
    };

    let card = if walk.outcome().is_some() {
        outcome_card(&OutcomeCardProps {
            walk,
            heading: &heading,
            transcript_box: &transcript_box,
            copy_status: state.copy_status.as_ref(),
            on_copied,
            on_check_again: on_back.clone(),
            words,
        })
    } else {
        step_card(&StepCardProps {
            walk,
            heading: &heading,
            on_choose,
            words,
            detected: props.detected,
        })
    };

    let (title_lang, title_dir) = crate::ui::mark::mark(words, guide.title_lang());
    html! {
        <div class="sg-walker">
            <header class="sg-header" part="header">
                <p class="sg-guide-title" lang={title_lang} dir={title_dir}>{ guide.title().get(walk.variant()).to_owned() }</p>
                { progress_bar(walk.progress(), words) }
            </header>
            if state.stale {
                <p class="sg-notice" role="status">{ words.stale_notice() }</p>
            }
            if let Some(saved) = &state.offer {
                { resume_offer(&offer_for(saved, on_resume, on_dismiss, words)) }
            }
            { card }
            <div class="sg-nav" part="nav">
                <button type="button" class="sg-nav-button" onclick={on_back} disabled={walk.at_start()}>{ words.back() }</button>
                <button type="button" class="sg-nav-button" onclick={on_restart} disabled={walk.at_start()}>{ words.start_over() }</button>
            </div>
            { history(&HistoryProps { walk, shown: state.history_shown, open: state.history_open, on_toggle: &on_toggle_history, on_change: &on_change, words }) }
            <div class="sg-vh" aria-live="polite" aria-atomic="true">{ announcement }</div>
        </div>
    }
}
