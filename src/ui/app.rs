//! The widget's root: loads the guide (bundled or fetched), then shows the walk, a
//! placeholder while loading, or a clear error with a retry.

use crate::guide::{Guide, LoadError};
use crate::strings::{words, Words};
use crate::ui::error_view::{error_view, ErrorViewProps};
use crate::ui::host::{Detail, Host};
use crate::ui::walker::Walker;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Largest remote guide accepted, in bytes.
pub const MAX_REMOTE_BYTES: usize = 2 * 1024 * 1024;
/// How long a remote guide may take to arrive, in milliseconds.
pub const FETCH_TIMEOUT_MS: i32 = 10_000;

/// Where the guide comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum GuideSource {
    /// The guide compiled into the widget; needs no network.
    Bundled,
    /// A guide file fetched from this URL.
    Url(AttrValue),
    /// A guide file's text, given directly (tests, or a host that already has it).
    Json(AttrValue),
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
    /// Language of the interface words; the guide's own when absent.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// The user agent, for detecting the iOS version.
    #[prop_or_default]
    pub user_agent: Option<AttrValue>,
}

/// Where loading stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadStatus {
    /// Fetching.
    Loading,
    /// Ready to walk.
    Ready(Rc<Guide>),
    /// Could not load: the message for the person, and a short kind for the host.
    Failed(String, &'static str),
}

fn describe(e: &LoadError) -> String {
    match e {
        LoadError::Invalid(problems) => {
            let shown: Vec<String> = problems.iter().take(3).map(ToString::to_string).collect();
            let more = problems.len().saturating_sub(3);
            let mut s = format!(
                "the guide has {} problem(s): {}",
                problems.len(),
                shown.join("; ")
            );
            if more > 0 {
                s.push_str(&format!("; and {more} more"));
            }
            s
        }
        other => format!("the guide could not be read: {other}"),
    }
}

fn parse(src: &str) -> LoadStatus {
    match Guide::from_json(src) {
        Ok(g) => LoadStatus::Ready(Rc::new(g)),
        Err(e) => LoadStatus::Failed(describe(&e), "invalid"),
    }
}

/// Fetches a guide with a time limit, a size limit, and checks of status and content type.
async fn fetch(url: String) -> LoadStatus {
    let controller = web_sys::AbortController::new().ok();
    let window = web_sys::window();
    let timer = match (&window, &controller) {
        (Some(w), Some(c)) => {
            let c = c.clone();
            let abort = Closure::once_into_js(move || c.abort());
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                FETCH_TIMEOUT_MS,
            )
            .ok()
        }
        _ => None,
    };
    let result = async {
        let signal = controller.as_ref().map(|c| c.signal());
        let request = gloo_net::http::Request::get(&url).abort_signal(signal.as_ref());
        let response = request.send().await.map_err(|_| {
            if signal.as_ref().is_some_and(|s| s.aborted()) {
                (
                    format!(
                        "the guide took longer than {} seconds to arrive",
                        FETCH_TIMEOUT_MS / 1000
                    ),
                    "timeout",
                )
            } else {
                (
                    "the guide could not be fetched: the network or the server did not answer"
                        .to_owned(),
                    "network",
                )
            }
        })?;
        if !response.ok() {
            return Err((
                format!(
                    "the server answered {} {} for the guide",
                    response.status(),
                    response.status_text()
                ),
                "http",
            ));
        }
        let content_type = response.headers().get("content-type").unwrap_or_default();
        if !content_type.to_ascii_lowercase().contains("json") {
            let shown = if content_type.is_empty() {
                "no content type".to_owned()
            } else {
                content_type
            };
            return Err((
                format!("the guide was served as {shown}, not as JSON"),
                "content-type",
            ));
        }
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|l| l.parse::<usize>().ok());
        if let Some(len) = declared.filter(|&l| l > MAX_REMOTE_BYTES) {
            return Err((
                format!(
                    "the guide is {len} bytes, more than the limit of {MAX_REMOTE_BYTES} bytes"
                ),
                "too-large",
            ));
        }
        let text = response.text().await.map_err(|_| {
            (
                "the guide could not be read from the network".to_owned(),
                "network",
            )
        })?;
        if text.len() > MAX_REMOTE_BYTES {
            return Err((
                format!(
                    "the guide is {} bytes, more than the limit of {MAX_REMOTE_BYTES} bytes",
                    text.len()
                ),
                "too-large",
            ));
        }
        Ok(text)
    }
    .await;
    if let (Some(w), Some(t)) = (window, timer) {
        w.clear_timeout_with_handle(t);
    }
    match result {
        Ok(text) => parse(&text),
        Err((message, kind)) => LoadStatus::Failed(message, kind),
    }
}

/// The stepguide widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let status = use_state(|| match &props.source {
        GuideSource::Bundled => LoadStatus::Ready(Rc::new(crate::bundled_guide())),
        GuideSource::Json(text) => parse(text),
        GuideSource::Url(_) => LoadStatus::Loading,
    });
    let attempt = use_state(|| 0u32);

    {
        let status = status.clone();
        use_effect_with(
            (props.source.clone(), *attempt),
            move |(source, attempt)| match source {
                GuideSource::Url(url) => {
                    status.set(LoadStatus::Loading);
                    let url = url.to_string();
                    spawn_local(async move { status.set(fetch(url).await) });
                }
                // The bundled guide cannot fail, so it is never tried again.
                GuideSource::Json(text) if *attempt > 0 => status.set(parse(text)),
                GuideSource::Bundled | GuideSource::Json(_) => {}
            },
        );
    }

    // Tell the host when the guide has failed; the walker says "ready" with its first step.
    {
        let host = props.host.clone();
        use_effect_with((*status).clone(), move |status| {
            if let LoadStatus::Failed(message, kind) = status {
                host.emit(
                    "error",
                    Detail::new().text("kind", kind).text("message", message),
                );
            }
        });
    }

    let (lang, rtl) = match &*status {
        LoadStatus::Ready(g) => (g.lang().to_owned(), g.is_rtl()),
        _ => ("en".to_owned(), false),
    };
    let ui_words: &'static Words = words(props.lang.as_deref().unwrap_or(&lang));
    let body = match &*status {
        LoadStatus::Loading => html! {
            <div class="sg-card sg-loading" role="status" aria-busy="true" part="card loading">
                <p>{ ui_words.loading }</p>
                <div class="sg-skeleton" aria-hidden="true"></div>
                <div class="sg-skeleton sg-skeleton-short" aria-hidden="true"></div>
            </div>
        },
        LoadStatus::Failed(message, _) => {
            let attempt = attempt.clone();
            error_view(&ErrorViewProps {
                message: message.clone(),
                words: ui_words,
                on_retry: Callback::from(move |_| attempt.set(*attempt + 1)),
            })
        }
        LoadStatus::Ready(guide) => {
            let detected = props
                .user_agent
                .as_deref()
                .and_then(crate::detect::ios_major)
                .and_then(|v| guide.variant_for_ios(v));
            html! {
                <Walker key={guide.content_hash().to_string()} guide={Rc::clone(guide)} host={props.host.clone()}
                    persist={props.persist} url_state={props.url_state} words={ui_words} {detected} />
            }
        }
    };
    html! {
        <div class="stepguide" lang={lang} dir={if rtl { "rtl" } else { "ltr" }} part="root">
            { body }
        </div>
    }
}
