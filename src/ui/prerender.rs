//! The widget's first screens, rendered at build time by Yew's server renderer from the same
//! [`App`] the widget mounts, for `embed.js` to show before the wasm has loaded (native only;
//! `stepguide prerender` prints them for `scripts/postbuild.mjs`).
//!
//! Only screens that cannot be wrong are made: the bundled guide's first step as a fresh
//! walk (no saved walk, no state in the URL, English words), once for each way the device's
//! iOS version changes it, and the neutral loading screen for every other case.

use crate::ui::{App, AppProps, GuideSource};
use serde::Serialize;

/// The iOS major versions a user-agent string can name (see [`crate::walk::detect`]).
const IOS_MAJORS: std::ops::Range<u32> = 1..100;

/// The first screens, each the markup of the widget's root.
#[derive(Debug, Serialize)]
pub struct FirstScreens {
    /// The bundled guide's id: a saved walk for it is kept under `stepguide:<id>`.
    pub guide: String,
    /// Each distinct screen, as HTML.
    pub screens: Vec<String>,
    /// The screen of a fresh walk on a device whose iOS version is not known.
    pub start: usize,
    /// The screen while the guide is not known yet: the neutral one.
    pub loading: usize,
    /// The screen for each iOS major version, as runs: `(from, screen)` says that version
    /// `from` and those after it, up to the next run, get `screen`; versions before the first
    /// run, or none known, get `start`.
    pub ios: Vec<(u32, usize)>,
    /// What the live region says while an answer given early waits for the wasm.
    pub waiting: &'static str,
    /// The bundled guide's languages: its own first (the first screens are in it), then its
    /// translations. `embed.js` shows the first step only to a page in the first.
    pub langs: Vec<String>,
    /// The languages of the interface words ([`crate::words::LANGS`]).
    pub interface: &'static [&'static str],
}

/// What a first screen is rendered for: the widget's props are made on the renderer's thread
/// (they hold `Rc`s), from these.
#[derive(Clone)]
enum Case {
    /// A fresh walk of the bundled guide, on a device with this user agent, if known.
    Fresh(Option<String>),
    /// A guide not known yet.
    Loading,
}

/// The widget's first screen in `case`, as the live widget starts it with persistence off
/// (what is saved is known only in the browser: `embed.js` then shows the neutral screen).
fn render(case: Case) -> String {
    let renderer = yew::ServerRenderer::<App>::with_props(move || {
        let (source, user_agent) = match case {
            Case::Fresh(ua) => (GuideSource::Bundled, ua),
            Case::Loading => (GuideSource::Url("about:blank".into()), None),
        };
        AppProps {
            source,
            host: Default::default(),
            persist: false,
            url_state: false,
            lang: None,
            words_base: None,
            words_json: None,
            host_words: None,
            user_agent: user_agent.map(Into::into),
            prefetched: None,
        }
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// Every first screen of the bundled guide, and the loading screen.
pub fn first_screens() -> FirstScreens {
    let guide = crate::bundled_guide();
    let mut screens = vec![render(Case::Fresh(None))];
    let mut ios: Vec<(u32, usize)> = Vec::new();
    for major in IOS_MAJORS {
        // The shape of Safari's user agent on an iPhone, which detect::ios_major reads.
        let ua = format!("Mozilla/5.0 (iPhone; CPU iPhone OS {major}_0 like Mac OS X)");
        let screen = render(Case::Fresh(Some(ua)));
        let at = match screens.iter().position(|s| *s == screen) {
            Some(at) => at,
            None => {
                screens.push(screen);
                screens.len() - 1
            }
        };
        let current = ios.last().map_or(0, |&(_, screen)| screen);
        if at != current {
            ios.push((major, at));
        }
    }
    screens.push(render(Case::Loading));
    FirstScreens {
        guide: guide.id().to_owned(),
        loading: screens.len() - 1,
        screens,
        start: 0,
        ios,
        waiting: crate::words::EN.loading(),
        langs: std::iter::once(guide.lang())
            .chain(guide.translations())
            .map(str::to_owned)
            .collect(),
        interface: crate::words::LANGS,
    }
}
