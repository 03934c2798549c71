//! The widget's first screens, rendered at build time by Yew's server renderer from the same
//! [`App`] the widget mounts, for `embed.js` to show before the wasm has loaded (native only;
//! `stepguide prerender` prints them for `scripts/postbuild.mjs`).
//!
//! Only screens that cannot be wrong are made: the bundled guide's first step as a fresh
//! walk (no saved walk, no state in the URL), once for each way the device's iOS version
//! changes it, in the guide's own language and in each other language the widget speaks
//! (its interface words, its translations), and the neutral loading screen for every other
//! case.

use crate::guide::Guide;
use crate::ui::{App, AppProps, GuideSource};
use crate::words::{catalogue, negotiate, LANGS};
use serde::Serialize;
use std::rc::Rc;

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
    /// The same first steps in each other language, which `embed.js` fetches for a page in
    /// that language (so the English page carries none of them).
    pub localized: Vec<Localized>,
}

/// The bundled guide's first screens in a language other than its own: the guide's
/// translation into it where there is one, the interface words in it where there are some,
/// as the live widget shows them to a page in that language.
#[derive(Debug, Serialize)]
pub struct Localized {
    /// The language: an interface language or a translation's, as they are listed.
    pub lang: String,
    /// Each distinct screen, as HTML (the neutral screen is [`FirstScreens::loading`]).
    pub screens: Vec<String>,
    /// As [`FirstScreens::start`].
    pub start: usize,
    /// As [`FirstScreens::ios`].
    pub ios: Vec<(u32, usize)>,
    /// As [`FirstScreens::waiting`].
    pub waiting: String,
}

/// What a first screen is rendered for: the widget's props are made on the renderer's thread
/// (they hold `Rc`s), from these.
#[derive(Clone)]
enum Case {
    /// A fresh walk of `guide` (the bundled one when `None`) in `lang` with these words, on a
    /// device with this user agent, if known.
    Fresh {
        guide: Option<Box<Guide>>,
        lang: Option<String>,
        words: Option<&'static str>,
        user_agent: Option<String>,
    },
    /// A guide not known yet.
    Loading,
}

/// The widget's first screen in `case`, as the live widget starts it with persistence off
/// (what is saved is known only in the browser: `embed.js` then shows the neutral screen).
fn render(case: Case) -> String {
    let renderer = yew::ServerRenderer::<App>::with_props(move || {
        let (source, lang, words, user_agent) = match case {
            Case::Fresh {
                guide,
                lang,
                words,
                user_agent,
            } => (
                guide.map_or(GuideSource::Bundled, |g| GuideSource::Checked(Rc::new(*g))),
                lang,
                words,
                user_agent,
            ),
            Case::Loading => (GuideSource::Url("about:blank".into()), None, None, None),
        };
        AppProps {
            source,
            host: Default::default(),
            persist: false,
            url_state: false,
            lang: lang.map(Into::into),
            words_base: None,
            words_json: words.map(Into::into),
            host_words: None,
            user_agent: user_agent.map(Into::into),
            prefetched: None,
        }
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// A fresh walk's screens for every iOS version, into `screens` (a screen already there is
/// not added again): the screen with no version known, and the runs of versions.
fn fresh(
    guide: Option<Box<Guide>>,
    lang: Option<String>,
    words: Option<&'static str>,
    screens: &mut Vec<String>,
) -> (usize, Vec<(u32, usize)>) {
    let mut add = |user_agent: Option<String>| {
        let screen = render(Case::Fresh {
            guide: guide.clone(),
            lang: lang.clone(),
            words,
            user_agent,
        });
        match screens.iter().position(|s| *s == screen) {
            Some(at) => at,
            None => {
                screens.push(screen);
                screens.len() - 1
            }
        }
    };
    let start = add(None);
    let mut ios: Vec<(u32, usize)> = Vec::new();
    for major in IOS_MAJORS {
        // The shape of Safari's user agent on an iPhone, which detect::ios_major reads.
        let at = add(Some(format!(
            "Mozilla/5.0 (iPhone; CPU iPhone OS {major}_0 like Mac OS X)"
        )));
        let current = ios.last().map_or(start, |&(_, screen)| screen);
        if at != current {
            ios.push((major, at));
        }
    }
    (start, ios)
}

/// Every first screen of the bundled guide, and the loading screen. `text` is the bundled
/// guide's file and `translation` reads its translation into a language; the first screens in
/// the other languages are made from them, as the widget makes that guide from them.
pub fn first_screens(
    text: &str,
    translation: impl Fn(&str) -> Result<Guide, String>,
) -> Result<FirstScreens, String> {
    let guide = crate::bundled_guide();
    if Guide::from_json(text).ok().as_ref() != Some(&guide) {
        return Err(
            "the guide file is not the bundled guide, whose first screens these are".into(),
        );
    }
    let mut screens = Vec::new();
    let (start, ios) = fresh(None, None, None, &mut screens);
    screens.push(render(Case::Loading));
    let listed: Vec<&str> = guide.translations().collect();
    // Every language the widget speaks beyond the guide's own: the interface words' and the
    // translations'. Each screen set is what the widget shows to a page in that language:
    // the closest translation and the closest words (as `negotiate` picks each).
    let mut localized = Vec::new();
    let own = negotiate(guide.lang(), LANGS, "en");
    let mut langs: Vec<&str> = LANGS.iter().copied().filter(|&l| l != own).collect();
    langs.extend(listed.iter().filter(|l| !LANGS.contains(l)));
    for lang in langs {
        let pick = negotiate(lang, &listed, "");
        // Without a translation, the guide read from `text`: equal to the bundled one (checked
        // above), so that one, not a fresh read of the file.
        let shown = if pick.is_empty() {
            guide.clone()
        } else {
            translation(pick)?
        };
        let tag = negotiate(lang, LANGS, "en");
        let words = catalogue::SHIPPED
            .iter()
            .find(|(l, _)| *l == tag)
            .map(|&(_, src)| src);
        let mut own_screens = Vec::new();
        let (start, ios) = fresh(
            Some(Box::new(shown)),
            Some(lang.to_owned()),
            words,
            &mut own_screens,
        );
        localized.push(Localized {
            lang: lang.to_owned(),
            screens: own_screens,
            start,
            ios,
            waiting: catalogue::shipped(lang).loading().to_owned(),
        });
    }
    Ok(FirstScreens {
        guide: guide.id().to_owned(),
        loading: screens.len() - 1,
        screens,
        start,
        ios,
        waiting: crate::words::EN.loading(),
        langs: std::iter::once(guide.lang())
            .chain(guide.translations())
            .map(str::to_owned)
            .collect(),
        interface: crate::words::LANGS,
        localized,
    })
}
