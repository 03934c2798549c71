//! The interface words a widget shows: English at once, another language's once its catalogue
//! has been fetched (only the build with a guide reader reads catalogues), each with the host
//! page's words put in.

use crate::ui::host::{Detail, Host};
use crate::words::{Words, EN};
use yew::prelude::*;

/// What [`use_words`] is asked for.
pub struct WordsAsked {
    /// The catalogue's language, one of [`crate::words::LANGS`].
    pub wanted: &'static str,
    /// Where the catalogues are (see `AppProps::words_base`).
    pub base: Option<AttrValue>,
    /// A catalogue given as text, used in place of fetching one.
    pub json: Option<AttrValue>,
    /// The host's words (see `AppProps::host_words`).
    pub host_words: Option<AttrValue>,
    /// Where problems are reported.
    pub host: Host,
}

/// `table` (English when `None`) with the host's `pairs` put in, and the problems with them.
/// Each table is made once per language and set of host words and kept for the page's life:
/// a page has one or two, of a few kilobytes, and the views take `&'static` tables, compared
/// by address.
fn with_host(table: Option<Words>, given: Option<&str>) -> (&'static Words, Vec<String>) {
    use std::cell::RefCell;
    type Made = (String, &'static Words);
    thread_local! {
        static MADE: RefCell<Vec<Made>> = const { RefCell::new(Vec::new()) };
    }
    let given = given.unwrap_or_default();
    if table.is_none() && given.is_empty() {
        return (&EN, Vec::new());
    }
    let table = table.unwrap_or_else(|| EN.clone());
    let (made, problems) = table.overridden_by(given);
    let problems = problems.iter().map(ToString::to_string).collect();
    let found = MADE.with(|m| {
        m.borrow()
            .iter()
            .find(|(words, t)| t.lang == made.lang && words == given)
            .map(|(_, t)| *t)
    });
    let table = found.unwrap_or_else(|| {
        let leaked: &'static Words = Box::leak(Box::new(made));
        MADE.with(|m| m.borrow_mut().push((given.to_owned(), leaked)));
        leaked
    });
    (table, problems)
}

fn report(host: &Host, message: &str) {
    host.emit(
        "error",
        Detail::new().text("kind", "words").text("message", message),
    );
}

/// The words to show; `None` while a catalogue is on its way.
#[cfg(feature = "reader")]
#[hook]
pub fn use_words(asked: WordsAsked) -> Option<&'static Words> {
    use crate::ui::load::{fetch_words, read_words};
    use wasm_bindgen_futures::spawn_local;
    let WordsAsked {
        wanted,
        base,
        json,
        host_words,
        host,
    } = asked;
    let words = {
        let (json, host_words) = (json.clone(), host_words.clone());
        use_state_eq(move || match &json {
            Some(text) => read_words(text)
                .ok()
                .map(|t| with_host(Some(t), host_words.as_deref()).0),
            None => (wanted == "en").then(|| with_host(None, host_words.as_deref()).0),
        })
    };
    let set = words.setter();
    use_effect_with(
        (wanted, host_words, json),
        move |(wanted, host_words, json)| {
            let pairs = host_words.clone();
            let done = move |table: Option<Words>, host: &Host| {
                let (table, problems) = with_host(table, pairs.as_deref());
                for p in problems {
                    report(host, &p);
                }
                set.set(Some(table));
            };
            if let Some(text) = json {
                let table = read_words(text).map_err(|m| report(&host, &m)).ok();
                done(table, &host);
            } else if *wanted == "en" {
                done(None, &host);
            } else {
                let wanted: &'static str = wanted;
                let base = base.unwrap_or_default();
                spawn_local(async move {
                    let table = fetch_words(&base, wanted)
                        .await
                        .map_err(|m| report(&host, &m))
                        .ok();
                    done(table, &host);
                });
            }
        },
    );
    *words
}

/// The words to show: English with the host's words, as the build without a guide reader
/// shows only the bundled English guide (embed.js loads the other build for any other
/// language), so there is nothing to fetch and the words are ready with the first render.
#[cfg(not(feature = "reader"))]
#[hook]
pub fn use_words(asked: WordsAsked) -> Option<&'static Words> {
    let made = use_memo((), move |_| with_host(None, asked.host_words.as_deref()));
    {
        let (made, host) = (made.clone(), asked.host.clone());
        use_effect_with((), move |_| {
            for p in &made.1 {
                report(&host, p);
            }
        });
    }
    Some(made.0)
}
