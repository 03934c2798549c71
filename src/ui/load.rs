//! Loading a guide that is not the bundled one: from a file's text, or fetched from a URL.
//!
//! Only the full build has a guide reader (the `reader` feature, on by default). `embed.js`
//! loads a build without it for an element with no `src`: the bundled guide was read and
//! checked when the crate was built, so such a page needs neither the JSON reader nor the
//! checker, about a quarter of the wasm (brotli). Asked for another guide anyway, that build
//! says so instead.

use crate::guide::Guide;
use std::rc::Rc;

/// Where loading stands.
#[derive(Debug, Clone)]
pub enum LoadStatus {
    /// Fetching.
    Loading,
    /// Ready to walk.
    Ready(Rc<Guide>),
    /// Could not load: the message for the person, and a short kind for the host.
    Failed(String, &'static str),
}

impl PartialEq for LoadStatus {
    /// A ready guide compared by identity (see [`Walk`](crate::walk::Walk)'s equality).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LoadStatus::Loading, LoadStatus::Loading) => true,
            (LoadStatus::Ready(a), LoadStatus::Ready(b)) => Rc::ptr_eq(a, b),
            (LoadStatus::Failed(a, x), LoadStatus::Failed(b, y)) => a == b && x == y,
            _ => false,
        }
    }
}

/// A request for the guide that `embed.js` started while the wasm loaded (rather than after:
/// one round trip less), and the controller that aborts it. [`fetch`] takes it over as if it
/// had made the request itself: the same time limit aborts it, the same checks apply.
#[derive(Debug, Clone)]
pub struct Prefetched {
    /// The `fetch()` promise, for a `Response`.
    pub response: js_sys::Promise,
    /// The controller whose signal the request was given.
    pub controller: web_sys::AbortController,
}

/// The same request: the same JavaScript objects.
impl PartialEq for Prefetched {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &wasm_bindgen::JsValue, b: &wasm_bindgen::JsValue| a == b;
        same(&self.response, &other.response) && same(&self.controller, &other.controller)
    }
}

/// Largest remote guide accepted, in bytes.
pub const MAX_REMOTE_BYTES: usize = 2 * 1024 * 1024;
/// How long a remote guide may take to arrive, in milliseconds.
pub const FETCH_TIMEOUT_MS: i32 = 10_000;

#[cfg(feature = "reader")]
pub use reader::{fetch, fetch_words, parse, read_words, started_early};

#[cfg(feature = "reader")]
mod reader {
    use super::LoadStatus;
    use super::{Prefetched, FETCH_TIMEOUT_MS, MAX_REMOTE_BYTES};
    use crate::guide::Guide;
    use crate::validate::LoadError;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

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

    /// Reads and checks a guide file's text.
    pub fn parse(src: &str) -> LoadStatus {
        done(Guide::from_json(src))
    }

    fn done(guide: Result<Guide, LoadError>) -> LoadStatus {
        match guide {
            Ok(g) => LoadStatus::Ready(Rc::new(g)),
            Err(e) => LoadStatus::Failed(describe(&e), "invalid"),
        }
    }

    /// The failure for a guide of `len` bytes, over the limit (as its length header says
    /// before the body is read, or as the body turns out).
    fn too_large(len: usize) -> (String, &'static str) {
        (
            format!("the guide is {len} bytes, more than the limit of {MAX_REMOTE_BYTES} bytes"),
            "too-large",
        )
    }

    /// Fetches a guide with a time limit, a size limit, and checks of status and content type;
    /// with `prefetched`, takes over that request for `url` instead of making one.
    /// Fetches the guide at `url` and, when `lang` asks for a language it has a translation
    /// in, that translation too. A translation that fails to arrive or to read leaves the
    /// guide in its own language, with a message to report (the second value).
    pub async fn fetch(
        url: String,
        prefetched: Option<Prefetched>,
        lang: Option<String>,
    ) -> (LoadStatus, Option<String>) {
        let file = match fetch_bytes(&url, prefetched, "guide").await {
            Ok(file) => file,
            Err((message, kind)) => return (LoadStatus::Failed(message, kind), None),
        };
        let text = match crate::validate::json::utf8(file) {
            Ok(text) => text,
            Err(e) => return (done(Err(e.into())), None),
        };
        // Only a guide that lists translations needs its text again, to be read with one;
        // any other gives its text away as it is read (see `Guide::from_json_owned`), as a
        // large guide must to keep the widget's memory down.
        let Some(lang) = lang.filter(|_| text.contains("\"translations\"")) else {
            return (done(Guide::from_json_owned(text)), None);
        };
        let guide = match Guide::from_json(&text) {
            Ok(guide) => guide,
            Err(e) => return (done(Err(e)), None),
        };
        let listed: Vec<&str> = guide.translations().collect();
        let pick = crate::words::negotiate(&lang, &listed, "");
        if pick.is_empty() {
            return (LoadStatus::Ready(Rc::new(guide)), None);
        }
        let at = crate::validate::translation::sibling_url(&url, pick);
        let translated = match fetch_bytes(&at, None, "translation").await {
            Ok(bytes) => crate::validate::json::utf8(bytes)
                .map_err(LoadError::from)
                .and_then(|tr| Guide::translated(&text, &tr))
                .map_err(|e| format!("the {pick} translation could not be used: {e}")),
            Err((message, _)) => Err(message),
        };
        match translated {
            Ok(t) => (LoadStatus::Ready(Rc::new(t.guide)), None),
            Err(message) => (LoadStatus::Ready(Rc::new(guide)), Some(message)),
        }
    }

    /// Reads a catalogue of interface words, its problems as one message.
    pub fn read_words(text: &str) -> Result<crate::words::Words, String> {
        crate::words::Words::from_json(text).map_err(|problems| {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!("the words could not be read: {}", list.join("; "))
        })
    }

    /// Fetches and reads the catalogue of interface words for `lang` from `base` (the
    /// built `words/` directory's URL, ending in `/`).
    pub async fn fetch_words(base: &str, lang: &str) -> Result<crate::words::Words, String> {
        let url = format!("{base}{lang}.json");
        let bytes = fetch_bytes(&url, None, "words").await.map_err(|(m, _)| m)?;
        let text = crate::validate::json::utf8(bytes).map_err(|e| e.to_string())?;
        read_words(&text)
    }

    thread_local! {
        /// Requests `embed.js` started before the wasm ran, by URL (see [`started_early`]).
        static EARLY: std::cell::RefCell<Vec<(String, Prefetched)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }

    /// Notes a request for `url` that `embed.js` started with the guide's, before the wasm
    /// ran: a translation or a catalogue of words, which the widget would otherwise ask for
    /// only once it had read the guide or rendered (a round trip later). The first fetch of
    /// `url` takes it over as [`fetch`] takes the guide's. A later request for the same URL
    /// replaces an earlier one (a widget mounted again aborts its old requests).
    pub fn started_early(url: String, request: Prefetched) {
        EARLY.with(|early| {
            let mut early = early.borrow_mut();
            early.retain(|(u, _)| *u != url);
            early.push((url, request));
        });
    }

    fn take_early(url: &str) -> Option<Prefetched> {
        EARLY.with(|early| {
            let mut early = early.borrow_mut();
            let at = early.iter().position(|(u, _)| u == url)?;
            Some(early.swap_remove(at).1)
        })
    }

    /// The body of the file at `url`, with the checks every fetched file gets: a time limit,
    /// JSON's content type, at most [`MAX_REMOTE_BYTES`]. `what` names it in messages.
    async fn fetch_bytes(
        url: &str,
        prefetched: Option<Prefetched>,
        what: &str,
    ) -> Result<Vec<u8>, (String, &'static str)> {
        let (controller, pending) = match prefetched.or_else(|| take_early(url)) {
            Some(p) => (Some(p.controller), Some(p.response)),
            None => (web_sys::AbortController::new().ok(), None),
        };
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
            let response = match pending {
                Some(pending) => wasm_bindgen_futures::JsFuture::from(pending)
                    .await
                    .ok()
                    .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
                    .map(gloo_net::http::Response::from)
                    .ok_or(()),
                None => gloo_net::http::Request::get(url)
                    .abort_signal(signal.as_ref())
                    .send()
                    .await
                    .map_err(|_| ()),
            };
            // A request that failed because the time limit aborted it says so.
            let failed = |network: &str| {
                if signal.as_ref().is_some_and(|s| s.aborted()) {
                    (
                        format!(
                            "the {what} took longer than {} seconds to arrive",
                            FETCH_TIMEOUT_MS / 1000
                        ),
                        "timeout",
                    )
                } else {
                    (network.to_owned(), "network")
                }
            };
            let response = response.map_err(|()| {
                failed(&format!(
                    "the {what} could not be fetched: the network or the server did not answer"
                ))
            })?;
            if !response.ok() {
                return Err((
                    format!(
                        "the server answered {} {} for the {what}",
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
                    format!("the {what} was served as {shown}, not as JSON"),
                    "content-type",
                ));
            }
            let declared = response
                .headers()
                .get("content-length")
                .and_then(|l| l.parse::<usize>().ok());
            if let Some(len) = declared.filter(|&l| l > MAX_REMOTE_BYTES) {
                return Err(too_large(len));
            }
            // The body as bytes, measured before it is copied into the wasm memory, and
            // copied once at its exact size. As text it would be decoded to a JavaScript
            // string and encoded back, and the glue that passes a string in reserves three
            // bytes for each character after the first non-ASCII one (a typographic
            // apostrophe is enough): memory that, once grown, a wasm module never gives back.
            let response = web_sys::Response::from(response);
            let body = async {
                let buffer = response.array_buffer().ok()?;
                wasm_bindgen_futures::JsFuture::from(buffer).await.ok()
            }
            .await
            .ok_or_else(|| failed(&format!("the {what} could not be read from the network")))?;
            let body = js_sys::Uint8Array::new(&body);
            let len = body.length() as usize;
            if len > MAX_REMOTE_BYTES {
                return Err(too_large(len));
            }
            Ok(body.to_vec())
        }
        .await;
        if let (Some(w), Some(t)) = (window, timer) {
            w.clear_timeout_with_handle(t);
        }
        result
    }
}

/// What the build without a reader says when asked for a guide other than its own.
#[cfg(not(feature = "reader"))]
fn unsupported() -> LoadStatus {
    LoadStatus::Failed(
        "this build of the widget shows only its bundled guide and cannot read another".to_owned(),
        "unsupported",
    )
}

/// Reads and checks a guide file's text: in this build, refuses (see the module's
/// documentation).
#[cfg(not(feature = "reader"))]
pub fn parse(_src: &str) -> LoadStatus {
    unsupported()
}

/// Fetches a guide: in this build, refuses without fetching (see the module's documentation).
#[cfg(not(feature = "reader"))]
pub async fn fetch(
    _url: String,
    _prefetched: Option<Prefetched>,
    _lang: Option<String>,
) -> (LoadStatus, Option<String>) {
    (unsupported(), None)
}

/// This build reads no catalogue: its words are English (embed.js loads the build with a
/// reader for a page in another language).
#[cfg(not(feature = "reader"))]
pub fn read_words(_text: &str) -> Result<crate::words::Words, String> {
    Err("this build of the widget has only English words".to_owned())
}

/// See [`read_words`].
#[cfg(not(feature = "reader"))]
pub async fn fetch_words(_base: &str, lang: &str) -> Result<crate::words::Words, String> {
    Err(format!(
        "this build of the widget has only English words, not {lang}"
    ))
}
