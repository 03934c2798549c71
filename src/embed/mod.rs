//! The bindings behind the `<step-guide>` element: `embed.js` defines the element and calls
//! these to mount, command and tear down one widget per element.

use crate::ui::load::Prefetched;
use crate::ui::{App, AppProps, Bus, Command, GuideSource, Host};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

/// One mounted widget.
#[wasm_bindgen]
pub struct Widget {
    app: Option<AppHandle<App>>,
    bus: Rc<Bus>,
}

#[wasm_bindgen]
impl Widget {
    /// Mounts a widget into `root` (inside `host`'s shadow root). `src` is a guide URL, or
    /// empty for the bundled guide; `persist` keeps the walk in localStorage; `url_state`
    /// keeps it in the URL fragment; `lang` is the language `embed.js` chose for the element
    /// (its own, the page's or the browser's); `words_base` the URL of the catalogues'
    /// directory; `host_words` the host's words as (name, text) pairs laid end to end, each
    /// part ended by a NUL (`embed.js` refuses texts that hold one). With a
    /// `src`, `response` and `controller` may be a `fetch()` of it already under way and the
    /// controller of its signal, which the widget then takes over.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::too_many_arguments)] // one per attribute, as embed.js reads them
    pub fn new(
        host: HtmlElement,
        root: Element,
        src: Option<String>,
        persist: bool,
        url_state: bool,
        lang: Option<String>,
        words_base: Option<String>,
        host_words: Option<String>,
        response: Option<js_sys::Promise>,
        controller: Option<web_sys::AbortController>,
    ) -> Widget {
        let bus = Rc::new(Bus::default());
        let source = match src.filter(|s| !s.trim().is_empty()) {
            Some(url) => GuideSource::Url(url.into()),
            None => GuideSource::Bundled,
        };
        let user_agent = web_sys::window().and_then(|w| w.navigator().user_agent().ok());
        let props = AppProps {
            source,
            host: Host {
                element: Some(host),
                bus: Rc::clone(&bus),
            },
            persist,
            url_state,
            lang: lang.filter(|l| !l.trim().is_empty()).map(Into::into),
            words_base: words_base.map(Into::into),
            words_json: None,
            // One string rather than an array or a list of pairs: wasm-bindgen's glue for
            // `Vec<String>` and the pairs' copies cost the bundled page 1.0 KB brotli more
            // (measured 2026-12-07).
            host_words: host_words.map(Into::into),
            user_agent: user_agent.map(Into::into),
            prefetched: response
                .zip(controller)
                .map(|(response, controller)| Prefetched {
                    response,
                    controller,
                }),
        };
        let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
        Widget {
            app: Some(app),
            bus,
        }
    }

    /// Hands the widgets a request for `url` (a translation or a catalogue of words) that
    /// `embed.js` started with the guide's, before the wasm had loaded; the first widget that
    /// needs `url` takes it over. Only the build with a reader fetches such files.
    #[cfg(feature = "reader")]
    pub fn started_early(
        url: String,
        response: js_sys::Promise,
        controller: web_sys::AbortController,
    ) {
        crate::ui::load::started_early(
            url,
            Prefetched {
                response,
                controller,
            },
        );
    }

    /// One step back.
    pub fn back(&self) {
        self.bus.send(Command::Back);
    }

    /// Back to the first step, forgetting the answers.
    pub fn restart(&self) {
        self.bus.send(Command::Restart);
    }

    /// Takes the choice at `index` on the step on screen, as a click on its button would;
    /// `embed.js` sends the click a person made on the first screen shown before the wasm
    /// had loaded. Dropped before the walk is on screen; an index out of range does nothing.
    pub fn answer(&self, index: usize) {
        self.bus.send(Command::Answer(index));
    }

    /// The resume token of the walk on screen (undefined while loading).
    pub fn state(&self) -> Option<String> {
        self.bus.token()
    }

    /// Goes to the state a token describes; an unusable token emits `stepguide:error`.
    pub fn resume(&self, token: String) {
        self.bus.send(Command::Resume(token));
    }

    /// Unmounts the widget, leaving nothing behind.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Checks a guide file, given as its bytes (a `Uint8Array`, as from `Response.arrayBuffer()`;
/// the widget reads a `src` guide that way): the number of nodes when it is valid, else
/// every problem. Hosts can check a guide before pointing `src` at it; the benchmark times it.
#[cfg(feature = "reader")]
#[wasm_bindgen(js_name = checkGuide)]
pub fn check_guide(file: Vec<u8>) -> Result<u32, String> {
    crate::guide::Guide::from_json_bytes(file)
        .map(|g| g.len() as u32)
        .map_err(|e| e.to_string())
}
