//! The widget's root: loads the guide (bundled or fetched), then shows the walk, a
//! placeholder while loading, or a clear error with a retry.

use crate::ui::error_view::{error_view, ErrorViewProps};
use crate::ui::host::{Detail, Host};
use crate::ui::load::{fetch, parse, LoadStatus, Prefetched};
use crate::ui::walker::Walker;
use crate::ui::words::{use_words, WordsAsked};
use crate::words::{negotiate, Words, EN, LANGS};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Where the guide comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum GuideSource {
    /// The guide compiled into the widget; needs no network.
    Bundled,
    /// A guide file fetched from this URL.
    Url(AttrValue),
    /// A guide file's text, given directly (tests, or a host that already has it).
    Json(AttrValue),
    /// A guide already read and checked: the prerender's translated guides, made as the
    /// widget makes them from the files it fetches. Native only, so the wasm has no such arm.
    #[cfg(not(target_arch = "wasm32"))]
    Checked(Rc<crate::guide::Guide>),
}

/// Properties of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Where the guide comes from.
    pub source: GuideSource,
    /// The host page.
    #[prop_or_default]
    pub host: Host,
    /// Keep the walk in localStorage.
    #[prop_or(true)]
    pub persist: bool,
    /// Keep the walk in the URL fragment (for the standalone page).
    #[prop_or(false)]
    pub url_state: bool,
    /// The language asked for (`embed.js` chooses it: the element's `lang`, the page's, the
    /// browser's); English when absent. The interface words are the closest catalogue's
    /// (`es-MX` gets `es`), and the guide's texts its closest translation's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// The URL of the built `words/` directory (ending in `/`), where the catalogues are.
    #[prop_or_default]
    pub words_base: Option<AttrValue>,
    /// A catalogue of words as text, used in place of fetching the one for `lang`.
    #[prop_or_default]
    pub words_json: Option<AttrValue>,
    /// Words the host page puts in place of the catalogue's: name and text laid end to end,
    /// each ended by a NUL, as `embed.js` passes them (see [`crate::words::Words::overridden_by`]);
    /// a plural form is named as `steps_left.one`.
    #[prop_or_default]
    pub host_words: Option<AttrValue>,
    /// The user agent, for detecting the iOS version.
    #[prop_or_default]
    pub user_agent: Option<AttrValue>,
    /// The request for a [`GuideSource::Url`] guide, when `embed.js` has started it.
    #[prop_or_default]
    pub prefetched: Option<Prefetched>,
}

/// The root's state: where loading stands, and how many times the person asked to try again
/// (each starts a new attempt). One reducer rather than a `use_state` each, as the walker's
/// (see [`crate::ui::state`]): each state type brings its own copy of Yew's hook code.
#[derive(Debug, Clone, PartialEq)]
pub struct Load {
    /// Where loading stands.
    pub status: LoadStatus,
    /// Tries again asked for so far.
    pub attempt: u32,
}

/// What changes a [`Load`].
#[derive(Debug, Clone, PartialEq)]
pub enum LoadAction {
    /// Loading now stands here.
    Status(LoadStatus),
    /// The person asked to try again.
    Retry,
}

impl Reducible for Load {
    type Action = LoadAction;

    fn reduce(self: Rc<Self>, action: LoadAction) -> Rc<Self> {
        match action {
            // The same status again needs no render.
            LoadAction::Status(status) if status == self.status => self,
            LoadAction::Status(status) => Rc::new(Load {
                status,
                attempt: self.attempt,
            }),
            LoadAction::Retry => Rc::new(Load {
                status: self.status.clone(),
                attempt: self.attempt + 1,
            }),
        }
    }
}

/// The stepguide widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let load = use_reducer(|| Load {
        status: match &props.source {
            GuideSource::Bundled => LoadStatus::Ready(Rc::new(crate::bundled_guide())),
            GuideSource::Json(text) => parse(text),
            GuideSource::Url(_) => LoadStatus::Loading,
            #[cfg(not(target_arch = "wasm32"))]
            GuideSource::Checked(guide) => LoadStatus::Ready(Rc::clone(guide)),
        },
        attempt: 0,
    });
    let status = &load.status;

    // The interface words: English at once; another language's once its catalogue is in.
    // Asked for no language, the guide's own.
    let asked = props.lang.as_deref().or(match status {
        LoadStatus::Ready(g) => Some(g.lang()),
        _ => None,
    });
    let words = use_words(WordsAsked {
        wanted: negotiate(asked.unwrap_or("en"), LANGS, "en"),
        base: props.words_base.clone(),
        json: props.words_json.clone(),
        host_words: props.host_words.clone(),
        host: props.host.clone(),
    });

    {
        let dispatch = load.dispatcher();
        let prefetched = props.prefetched.clone();
        let lang = props.lang.as_deref().map(str::to_owned);
        let host = props.host.clone();
        use_effect_with(
            (props.source.clone(), load.attempt),
            move |(source, attempt)| match source {
                GuideSource::Url(url) => {
                    dispatch.dispatch(LoadAction::Status(LoadStatus::Loading));
                    let url = url.to_string();
                    // A request's response can be read once: a retry makes a new one.
                    let prefetched = prefetched.filter(|_| *attempt == 0);
                    spawn_local(async move {
                        let (status, notice) = fetch(url, prefetched, lang).await;
                        // A translation that could not be used: the guide shows in its own
                        // language, and the host hears why.
                        if let Some(message) = notice {
                            host.emit(
                                "error",
                                Detail::new()
                                    .text("kind", "translation")
                                    .text("message", &message),
                            );
                        }
                        dispatch.dispatch(LoadAction::Status(status))
                    });
                }
                // The bundled guide cannot fail, so it is never tried again.
                GuideSource::Json(text) if *attempt > 0 => {
                    dispatch.dispatch(LoadAction::Status(parse(text)))
                }
                GuideSource::Bundled | GuideSource::Json(_) => {}
                #[cfg(not(target_arch = "wasm32"))]
                GuideSource::Checked(_) => {}
            },
        );
    }

    // Tell the host when the guide has failed; the walker says "ready" with its first step.
    {
        let host = props.host.clone();
        use_effect_with(status.clone(), move |status| {
            if let LoadStatus::Failed(message, kind) = status {
                host.emit(
                    "error",
                    Detail::new().text("kind", kind).text("message", message),
                );
            }
        });
    }

    // The root is in the interface words' language; the guide's texts say theirs where it
    // differs (see `ui::mark`).
    let ui_words: &'static Words = words.unwrap_or(&EN);
    let status = match (status, words) {
        (LoadStatus::Ready(_), None) => &LoadStatus::Loading,
        (status, _) => status,
    };
    let body = match status {
        // Until the interface words of the language asked for have arrived, the bars alone:
        // English words there would be the wrong language for a moment.
        LoadStatus::Loading => html! {
            <div class="sg-card sg-loading" role="status" aria-busy="true" part="card loading">
                if let Some(words) = words {
                    <p>{ words.loading() }</p>
                }
                <div class="sg-skeleton" aria-hidden="true"></div>
                <div class="sg-skeleton sg-skeleton-short" aria-hidden="true"></div>
            </div>
        },
        LoadStatus::Failed(message, _) => {
            let dispatch = load.dispatcher();
            error_view(&ErrorViewProps {
                message: message.clone(),
                words: ui_words,
                on_retry: Callback::from(move |_| dispatch.dispatch(LoadAction::Retry)),
            })
        }
        LoadStatus::Ready(guide) => {
            let detected = props
                .user_agent
                .as_deref()
                .and_then(crate::walk::detect::ios_major)
                .and_then(|v| guide.variant_for_ios(v));
            html! {
                <Walker key={guide.content_hash().to_string()} guide={Rc::clone(guide)} host={props.host.clone()}
                    persist={props.persist} url_state={props.url_state} words={ui_words} {detected} />
            }
        }
    };
    html! {
        <div class="stepguide" lang={&*ui_words.lang} dir={if ui_words.is_rtl() { "rtl" } else { "ltr" }} part="root">
            { body }
        </div>
    }
}
