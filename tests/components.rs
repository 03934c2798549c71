//! Component tests in headless Chromium: render the widget into a fixture element, click,
//! and read the DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use stepguide::ui::{App, AppProps, Bus, Command, GuideSource, Host};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

struct Fixture {
    root: Element,
    host: HtmlElement,
    app: Option<AppHandle<App>>,
    bus: Rc<Bus>,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.host.remove();
    }
}

/// Where the widget keeps the bundled guide's walk between visits.
const SAVED_WALK: &str = "stepguide:imessage-signed-out";

/// The page's storage, with no walk of the bundled guide saved in it.
fn storage_without_a_walk() -> web_sys::Storage {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(SAVED_WALK).unwrap();
    storage
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn mount(source: GuideSource, persist: bool) -> Fixture {
    mount_with(
        source,
        persist,
        Some("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"),
        |_, _| {},
    )
    .await
}

/// Lets the widget finish what a change starts: Yew's render, then a painted frame and the
/// task queued at it, where the widget moves focus, saves the walk and sends its events (see
/// `stepguide::ui::later`).
async fn settle() {
    yew::scheduler::flush().await;
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        let queue = window.clone();
        let frame = Closure::once_into_js(move || {
            let _ = queue.set_timeout_with_callback(resolve.unchecked_ref());
        });
        window
            .request_animation_frame(frame.unchecked_ref())
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(painted).await.unwrap();
}

/// Mounts the widget into a fresh fixture; `setup` sees the host element and the command
/// bus before the first render, so listeners catch the events of the first render too, and
/// commands sent wait for the walk.
async fn mount_with(
    source: GuideSource,
    persist: bool,
    user_agent: Option<&str>,
    setup: impl FnOnce(&HtmlElement, &Bus),
) -> Fixture {
    mount_in(source, persist, user_agent, setup, Words::default()).await
}

/// The language and words a fixture is mounted with (see [`mount_in`]).
#[derive(Default)]
struct Words {
    lang: Option<&'static str>,
    json: Option<&'static str>,
    host: Option<Vec<(&'static str, &'static str)>>,
}

/// Calls `record` with the detail of each `stepguide:error` on `host`.
fn on_error(host: &HtmlElement, record: impl Fn(&JsValue) + 'static) {
    let listener = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        record(&e.detail())
    });
    host.add_event_listener_with_callback("stepguide:error", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
}

/// [`mount_in`] with nothing saved, no user agent and no setup.
async fn mount_words(source: GuideSource, words: Words) -> Fixture {
    mount_in(source, false, None, |_, _| {}, words).await
}

/// [`mount_with`], asking for a language, with a catalogue given as text and host words.
async fn mount_in(
    source: GuideSource,
    persist: bool,
    user_agent: Option<&str>,
    setup: impl FnOnce(&HtmlElement, &Bus),
    words: Words,
) -> Fixture {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    let bus = Rc::new(Bus::default());
    setup(&host, &bus);
    document().body().unwrap().append_child(&host).unwrap();
    let root = document().create_element("div").unwrap();
    host.append_child(&root).unwrap();
    let props = props(source, &host, &bus, persist, user_agent, words);
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    Fixture {
        root,
        host,
        app: Some(app),
        bus,
    }
}

/// The widget's properties, as embed.js gives them, for a widget on `host`.
fn props(
    source: GuideSource,
    host: &HtmlElement,
    bus: &Rc<Bus>,
    persist: bool,
    user_agent: Option<&str>,
    words: Words,
) -> AppProps {
    AppProps {
        source,
        host: Host {
            element: Some(host.clone()),
            bus: Rc::clone(bus),
        },
        persist,
        url_state: false,
        lang: words.lang.map(Into::into),
        words_base: None,
        words_json: words.json.map(Into::into),
        // As embed.js passes them: each name and text ended by a NUL.
        host_words: words.host.map(|pairs| {
            pairs
                .iter()
                .map(|(k, v)| format!("{k}\0{v}\0"))
                .collect::<String>()
                .into()
        }),
        user_agent: user_agent.map(Into::into),
        prefetched: None,
    }
}

impl Fixture {
    fn heading(&self) -> String {
        self.root
            .query_selector(".sg-title")
            .unwrap()
            .map(|h| h.text_content().unwrap_or_default())
            .unwrap_or_default()
    }

    /// Every element under the widget's root that `selector` matches, in document order.
    fn all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into())
            .collect()
    }

    fn buttons(&self) -> Vec<HtmlElement> {
        self.all("button")
    }

    fn button(&self, text: &str) -> HtmlElement {
        self.buttons()
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().starts_with(text))
            .unwrap_or_else(|| panic!("no button {text:?} on {:?}", self.heading()))
    }

    async fn click(&self, text: &str) {
        self.button(text).click();
        settle().await;
    }

    fn text(&self, selector: &str) -> String {
        self.root
            .query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }
}

#[wasm_bindgen_test]
async fn shows_the_first_step_of_the_bundled_guide() {
    let f = mount(GuideSource::Bundled, false).await;
    assert_eq!(f.heading(), "Which iOS is on your iPhone?");
    assert_eq!(f.text(".sg-reviewed"), "Steps last checked 2026-12-06");
    let root = f.root.query_selector(".stepguide").unwrap().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    // The version detected from the user agent is pointed out.
    assert!(f
        .button("iOS 17 or earlier")
        .text_content()
        .unwrap()
        .contains("Detected on this device"));
    assert!(!f
        .button("iOS 26 or iOS 18")
        .text_content()
        .unwrap()
        .contains("Detected"));
    // Back is disabled on the first step; the progress bar has real values.
    assert!(f.button("Back").has_attribute("disabled"));
    let bar = f.root.query_selector("progress").unwrap().unwrap();
    assert_eq!(bar.get_attribute("value").as_deref(), Some("1"));
    assert_eq!(
        bar.get_attribute("aria-valuetext").as_deref(),
        Some("Step 1, 3 to 22 more steps")
    );
}

#[wasm_bindgen_test]
async fn answering_moves_on_focuses_the_heading_and_announces_it() {
    let f = mount(GuideSource::Bundled, false).await;
    f.click("iOS 17 or earlier").await;
    assert_eq!(f.heading(), "Is iMessage switched on?");
    // The iOS 17 path is shown.
    assert!(
        f.text(".sg-text").contains("Settings›, Messages") && !f.text(".sg-text").contains("Apps"),
        "{}",
        f.text(".sg-text")
    );
    let active = document().active_element().unwrap();
    assert!(
        active.class_list().contains("sg-title"),
        "focus is on {:?}",
        active.outer_html()
    );
    assert_eq!(
        f.text("[aria-live=polite]"),
        "Now showing: Step 2. Is iMessage switched on?"
    );
    f.click("Back").await;
    assert_eq!(f.heading(), "Which iOS is on your iPhone?");
}

/// embed.js rehearses a step change in a widget off the page once the first is ready (see
/// `rehearse` there): a click there must move that walk, and touch nothing of the page's.
#[wasm_bindgen_test]
async fn a_widget_off_the_page_walks_on_a_click_and_leaves_the_page_alone() {
    let storage = storage_without_a_walk();
    let perf = web_sys::window().unwrap().performance().unwrap();
    let marks = || perf.get_entries_by_name("stepguide:interactive").length();
    let before = marks();
    let focused = document().active_element();
    // Never put on the page, as embed.js's rehearsal host and root are not.
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    let root = document().create_element("div").unwrap();
    host.append_child(&root).unwrap();
    let heard = Rc::new(std::cell::RefCell::new(Vec::new()));
    for name in ["stepguide:ready", "stepguide:step", "stepguide:answer"] {
        let heard = Rc::clone(&heard);
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            heard.borrow_mut().push(e.type_())
        });
        document()
            .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
            .unwrap();
        listener.forget();
    }
    let english = Words {
        lang: Some("en"),
        ..Words::default()
    };
    let props = props(
        GuideSource::Bundled,
        &host,
        &Rc::new(Bus::default()),
        false,
        None,
        english,
    );
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let heading = || {
        root.query_selector(".sg-title")
            .unwrap()
            .and_then(|h| h.text_content())
            .unwrap_or_default()
    };
    assert_eq!(heading(), "Which iOS is on your iPhone?");
    let answer: HtmlElement = root
        .query_selector("button.sg-answer")
        .unwrap()
        .unwrap()
        .unchecked_into();
    answer.click();
    settle().await;
    assert_eq!(heading(), "Is iMessage switched on?");
    // Nothing reached the page: no mark of a widget ready, no event, no focus, no saved walk.
    assert_eq!(marks(), before);
    assert!(heard.borrow().is_empty(), "{:?}", heard.borrow());
    assert_eq!(document().active_element(), focused);
    assert_eq!(storage.get_item(SAVED_WALK).unwrap(), None);
    app.destroy();
}

#[wasm_bindgen_test]
async fn the_next_step_s_answers_patch_these_and_focus_never_falls_to_the_page() {
    let f = mount(GuideSource::Bundled, false).await;
    let answers = |f: &Fixture| f.all(".sg-answers > *");
    let before = answers(&f);
    // The legend, then the three answers of the first step.
    assert_eq!(before.len(), 4);
    let tapped = &before[1];
    tapped.focus().unwrap();
    tapped.click();
    // Rendered, not yet painted: focus moves to the new heading at the frame. Until then it
    // stays on the answer tapped, which now holds the next step's first answer; it is never
    // removed from under the person, which would drop focus to the page.
    yew::scheduler::flush().await;
    assert_eq!(f.heading(), "Is iMessage switched on?");
    let active = document().active_element().unwrap();
    assert!(
        active.is_same_node(Some(tapped)),
        "focus is on a {}",
        active.tag_name()
    );
    let after = answers(&f);
    assert_eq!(after.len(), 3);
    for (i, (a, b)) in before.iter().zip(&after).enumerate() {
        assert!(
            a.is_same_node(Some(b)),
            "child {i} of the answers was replaced"
        );
    }
    assert!(!before[3].is_connected());
    assert!(after[1].text_content().unwrap().starts_with("It's"));
    settle().await;
    let active = document().active_element().unwrap();
    assert!(
        active.class_list().contains("sg-title"),
        "focus is on {:?}",
        active.outer_html()
    );
}

#[wasm_bindgen_test]
async fn a_fix_that_works_ends_resolved() {
    let f = mount(GuideSource::Bundled, false).await;
    f.click("iOS 26 or iOS 18").await;
    f.click("It's off").await;
    assert_eq!(f.heading(), "Switch iMessage on");
    assert_eq!(f.text("legend"), "Did this fix it?");
    let heading = f.root.query_selector(".sg-title").unwrap().unwrap();
    f.click("Yes, it's fixed").await;
    assert_eq!(f.heading(), "Fixed: iMessage is on again");
    let card = f.root.query_selector(".sg-outcome").unwrap().unwrap();
    assert_eq!(
        card.get_attribute("data-outcome").as_deref(),
        Some("resolved")
    );
    // The step's heading element is patched into the outcome's, not replaced: removing the
    // focused element would cost a focus fix-up on every way into an outcome. Focus is on it,
    // and the outcome's kind follows it.
    let now = f.root.query_selector(".sg-title").unwrap().unwrap();
    assert!(now.is_same_node(Some(&heading)), "the heading was replaced");
    assert!(document()
        .active_element()
        .unwrap()
        .is_same_node(Some(&heading)));
    assert_eq!(f.text(".sg-title + .sg-outcome-kind"), "fixed");
}

#[wasm_bindgen_test]
async fn changing_an_earlier_answer_keeps_later_ones() {
    let f = mount(GuideSource::Bundled, false).await;
    f.click("iOS 26 or iOS 18").await;
    f.click("It's on").await;
    assert_eq!(f.heading(), "What does Send & Receive show?");
    // Change the iOS answer in the history: the later answers still apply, so the walk
    // comes back to the same step, now in iOS 17's words.
    f.click("Change").await;
    f.click("iOS 17 or earlier").await;
    assert_eq!(f.heading(), "What does Send & Receive show?");
    assert!(
        f.text(".sg-text").contains("Settings›, Messages") && !f.text(".sg-text").contains("Apps"),
        "{}",
        f.text(".sg-text")
    );
    assert_eq!(
        f.root
            .query_selector_all(".sg-history-item")
            .unwrap()
            .length(),
        2
    );
}

/// The history lists a new step once that step is painted, not in the click's handler; it
/// never lists a step the walk has left, even for that one frame.
#[wasm_bindgen_test]
async fn the_history_catches_up_after_the_paint_and_never_lists_a_step_left() {
    let f = mount(GuideSource::Bundled, false).await;
    let count = |f: &Fixture| {
        f.root
            .query_selector_all(".sg-history-item")
            .unwrap()
            .length()
    };
    f.click("iOS 26 or iOS 18").await;
    f.click("It's on").await;
    assert_eq!(count(&f), 2);
    // The click and Yew's render, but no frame yet: the step is new, the list is not.
    f.button("“Waiting for activation…”").click();
    yew::scheduler::flush().await;
    assert_eq!(f.heading(), "How long has it been waiting?");
    assert_eq!(count(&f), 2);
    settle().await;
    assert_eq!(count(&f), 3);
    // Back: the list is one shorter at once.
    f.button("Back").click();
    yew::scheduler::flush().await;
    assert_eq!(f.heading(), "What does Send & Receive show?");
    assert_eq!(count(&f), 2);
}

#[wasm_bindgen_test]
async fn a_step_adds_one_item_to_the_history_and_leaves_the_others_alone() {
    let f = mount(GuideSource::Bundled, false).await;
    let items = |f: &Fixture| f.all(".sg-history-item");
    f.click("iOS 26 or iOS 18").await;
    let first = items(&f).remove(0);
    let first_text = first.text_content().unwrap();
    assert!(
        first_text.starts_with("Which iOS is on your iPhone?"),
        "{first_text}"
    );
    f.click("It's on").await;
    let now = items(&f);
    assert_eq!(now.len(), 2);
    // The same element, untouched; the new step is added after it.
    assert!(
        now[0].is_same_node(Some(&first)),
        "the first item was replaced"
    );
    assert_eq!(now[0].text_content().unwrap(), first_text);
    assert!(now[1]
        .text_content()
        .unwrap()
        .starts_with("Is iMessage switched on?"));
    // Its name, for a screen reader, is its hidden text; "Change" is what shows.
    let change = now[0].query_selector(".sg-change").unwrap().unwrap();
    let part = |selector: &str| {
        let el = change.query_selector(selector).unwrap().unwrap();
        (el.text_content().unwrap(), el.get_attribute("aria-hidden"))
    };
    assert_eq!(
        part(".sg-vh"),
        ("Change answer to Which iOS is on your iPhone?".into(), None)
    );
    assert_eq!(
        part("[aria-hidden]"),
        ("Change".into(), Some("true".into()))
    );
    f.click("Back").await;
    let now = items(&f);
    assert_eq!(now.len(), 1);
    assert!(now[0].is_same_node(Some(&first)));
}

#[wasm_bindgen_test]
async fn escalation_shows_the_transcript() {
    let f = mount(GuideSource::Bundled, false).await;
    for answer in [
        "iOS 26",
        "It's on",
        "My number, ticked",
        "Yes, pages load",
        "Green",
        "No, still",
        "No, still",
        "No, still",
        "No, still",
        "iOS is up to date",
        "No, I'd rather get help",
    ] {
        f.click(answer).await;
    }
    assert_eq!(f.heading(), "Contact your carrier or Apple");
    let transcript = f.text(".sg-transcript");
    assert!(transcript.starts_with("Guide: Fix “iMessage is Signed Out” (imessage-signed-out)\nVersion: 2026-12-06\nSetting: iOS 26 or iOS 18\n"), "{transcript}");
    assert!(
        transcript.contains("5. Is iMessage down at Apple? — Green\n"),
        "{transcript}"
    );
    assert!(
        transcript.ends_with("Outcome: contact support — Contact your carrier or Apple\n"),
        "{transcript}"
    );
    f.button("Copy");
    // The date the steps were checked closes the card, after the summary.
    assert_eq!(
        f.text(".sg-transcript-box ~ .sg-reviewed"),
        "Steps last checked 2026-12-06"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_guide_shows_a_clear_error_and_an_event() {
    let errors = Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let seen = Rc::clone(&errors);
    let invalid =
        r#"{"format":1,"id":"x","title":"X","lang":"en","version":"1","start":"nope","nodes":[]}"#;
    let f = mount_with(
        GuideSource::Json(invalid.into()),
        false,
        None,
        move |host, _| {
            on_error(host, move |detail| {
                let json = js_sys::JSON::stringify(detail).unwrap();
                seen.borrow_mut().push(json.as_string().unwrap());
            })
        },
    )
    .await;
    assert_eq!(f.heading(), "This guide could not be shown");
    assert_eq!(
        f.text(".sg-error-message"),
        "the guide has 1 problem(s): guide field \"start\": refers to unknown node \"nope\""
    );
    assert!(f.root.query_selector("[role=alert]").unwrap().is_some());
    f.button("Try again");
    assert_eq!(errors.borrow().len(), 1);
    assert!(
        errors.borrow()[0].contains("\"kind\":\"invalid\""),
        "{:?}",
        errors.borrow()
    );
}

#[wasm_bindgen_test]
async fn host_commands_back_restart_and_resume() {
    let f = mount(GuideSource::Bundled, false).await;
    f.click("iOS 26").await;
    f.click("It's off").await;
    let token = f.bus.token().unwrap();
    f.bus.send(Command::Back);
    settle().await;
    assert_eq!(f.heading(), "Is iMessage switched on?");
    f.bus.send(Command::Restart);
    settle().await;
    assert_eq!(f.heading(), "Which iOS is on your iPhone?");
    f.bus.send(Command::Resume(token));
    settle().await;
    assert_eq!(f.heading(), "Switch iMessage on");
}

/// Commands sent before the walk is on screen wait for it, and add up as they would have one
/// by one: a resume undoes the back before it, the backs after it go back from there.
#[wasm_bindgen_test]
async fn host_commands_sent_before_the_walk_wait_for_it() {
    let token = {
        let f = mount(GuideSource::Bundled, false).await;
        f.click("iOS 26").await;
        f.click("It's off").await;
        f.bus.token().unwrap()
    };
    let f = mount_with(GuideSource::Bundled, false, None, |_, bus| {
        bus.send(Command::Back);
        bus.send(Command::Restart);
        bus.send(Command::Resume(token));
        bus.send(Command::Back);
    })
    .await;
    assert_eq!(f.heading(), "Is iMessage switched on?");
}

#[wasm_bindgen_test]
async fn a_saved_walk_is_offered_after_a_reload() {
    let storage = storage_without_a_walk();
    {
        let f = mount(GuideSource::Bundled, true).await;
        f.click("iOS 26").await;
        f.click("It's on").await;
        assert_eq!(f.heading(), "What does Send & Receive show?");
    }
    let f = mount(GuideSource::Bundled, true).await;
    assert_eq!(f.heading(), "Which iOS is on your iPhone?");
    // The offer says where the saved walk stands.
    assert_eq!(
        f.text(".sg-resume p"),
        "You were part way through this guide."
    );
    assert_eq!(
        f.text(".sg-resume-at"),
        "Step 3: What does Send & Receive show?"
    );
    // Interface and guide in one language: only the root says it, with the offer shown too.
    assert_eq!(f.root.query_selector_all("[lang]").unwrap().length(), 1);
    f.click("Continue where you left off").await;
    assert_eq!(f.heading(), "What does Send & Receive show?");
    // Start over clears what was saved.
    f.click("Start over").await;
    assert_eq!(storage.get_item(SAVED_WALK).unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_step_is_saved_after_the_paint_or_at_once_when_the_page_is_hidden() {
    let storage = storage_without_a_walk();
    let f = mount(GuideSource::Bundled, true).await;
    f.button("iOS 26").click();
    yew::scheduler::flush().await;
    assert_eq!(f.heading(), "Is iMessage switched on?");
    assert_eq!(
        storage.get_item(SAVED_WALK).unwrap(),
        None,
        "saved before the paint"
    );
    // The person switches to Settings before the next frame: the page is hidden at once.
    document()
        .dispatch_event(&web_sys::Event::new("visibilitychange").unwrap())
        .unwrap();
    assert!(storage.get_item(SAVED_WALK).unwrap().is_some());
}

#[wasm_bindgen_test]
async fn a_walk_saved_more_than_thirty_days_ago_is_not_offered() {
    const DAY: u64 = 24 * 60 * 60;
    let storage = storage_without_a_walk();
    {
        let f = mount(GuideSource::Bundled, true).await;
        f.click("iOS 26").await;
        f.click("It's on").await;
    }
    // The walk as saved, with its time put back by `days`.
    let value = storage.get_item(SAVED_WALK).unwrap().unwrap();
    let (time, token) = value.split_once('.').unwrap();
    let time: u64 = time.parse().unwrap();
    let now = (js_sys::Date::now() / 1000.0) as u64;
    assert!(time.abs_diff(now) < 60, "saved at {time}, now {now}");
    let aged = |days: u64| format!("{}.{token}", time - days * DAY);

    storage.set_item(SAVED_WALK, &aged(29)).unwrap();
    let f = mount(GuideSource::Bundled, true).await;
    assert_eq!(
        f.text(".sg-resume-at"),
        "Step 3: What does Send & Receive show?"
    );
    drop(f);

    storage.set_item(SAVED_WALK, &aged(31)).unwrap();
    let f = mount(GuideSource::Bundled, true).await;
    assert_eq!(f.heading(), "Which iOS is on your iPhone?");
    assert!(f.root.query_selector(".sg-resume").unwrap().is_none());
    // Forgotten, not kept to be refused again on every visit.
    assert_eq!(storage.get_item(SAVED_WALK).unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_saved_walk_that_reached_its_end_is_offered_as_such() {
    storage_without_a_walk();
    {
        let f = mount(GuideSource::Bundled, true).await;
        f.click("iOS 26").await;
        f.click("It's off").await;
        f.click("Yes, it's fixed").await;
        assert_eq!(f.heading(), "Fixed: iMessage is on again");
    }
    let f = mount(GuideSource::Bundled, true).await;
    assert_eq!(
        f.text(".sg-resume p"),
        "Last time you reached the end of this guide."
    );
    assert_eq!(f.text(".sg-resume-at"), "Fixed: iMessage is on again");
    f.click("See where it ended").await;
    assert_eq!(f.heading(), "Fixed: iMessage is on again");
}

/// A guide in Spanish.
const SPANISH_GUIDE: &str = r#"{"format":1,"id":"es-demo","title":"Guía","lang":"es","version":"1","start":"s","nodes":[
    {"id":"s","kind":"step","title":"Reinicia el iPhone","text":"Mantén pulsado el botón lateral.","next":"q","fixed":"ok"},
    {"id":"q","kind":"question","title":"¿Funciona ahora?","answers":[{"label":"Sí","next":"ok"},{"label":"No","next":"fin"}]},
    {"id":"ok","kind":"outcome","outcome":"resolved","title":"Resuelto","text":"Listo.","reviewed":"2026-11-27"},
    {"id":"fin","kind":"outcome","outcome":"escalate","title":"Pide ayuda","text":"Llama al soporte."}]}"#;

const SPANISH_WORDS: &str = include_str!("../src/words/es.json");
const ARABIC_WORDS: &str = include_str!("../src/words/ar.json");

fn lang_of(f: &Fixture, selector: &str) -> (Option<String>, Option<String>) {
    let el = f
        .root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"));
    (el.get_attribute("lang"), el.get_attribute("dir"))
}

/// With the interface in English (the page's language) and the guide in Spanish, the root
/// is English and the guide's texts say they are Spanish: a screen reader reads each in its
/// own language (WCAG 2.2, 3.1.2).
#[wasm_bindgen_test]
async fn a_guide_in_another_language_than_the_interface_says_which() {
    let english = Words {
        lang: Some("en"),
        ..Words::default()
    };
    let f = mount_words(GuideSource::Json(SPANISH_GUIDE.into()), english).await;
    let es = || (Some("es".to_owned()), None);
    assert_eq!(lang_of(&f, ".stepguide").0.as_deref(), Some("en"));
    assert_eq!(lang_of(&f, ".sg-title"), es());
    assert_eq!(lang_of(&f, ".sg-text"), es());
    assert_eq!(lang_of(&f, ".sg-guide-title"), es());
    // Interface words are the root's: the fix question and its answers, the nav, progress.
    assert_eq!(lang_of(&f, ".sg-legend"), (None, None));
    assert_eq!(lang_of(&f, ".sg-answer span"), (None, None));
    assert_eq!(lang_of(&f, ".sg-nav-button"), (None, None));
    f.click("No, still not working").await;
    assert_eq!(f.heading(), "¿Funciona ahora?");
    // A guide's answer is the guide's; the history's fix answer is an interface word.
    assert_eq!(lang_of(&f, ".sg-answer span"), es());
    assert_eq!(lang_of(&f, ".sg-history-step"), es());
    assert_eq!(lang_of(&f, ".sg-history-answer"), (None, None));
    assert_eq!(lang_of(&f, ".sg-change .sg-vh span:last-child"), es());
    assert_eq!(
        f.text(".sg-change .sg-vh"),
        "Change answer to Reinicia el iPhone"
    );
    assert_eq!(
        f.text("[aria-live]"),
        "Now showing: Step 2. ¿Funciona ahora?"
    );
    assert_eq!(lang_of(&f, "[aria-live] span"), es());
    f.click("Sí").await;
    assert_eq!(f.heading(), "Resuelto");
    assert_eq!(lang_of(&f, ".sg-outcome-kind"), (None, None));
}

/// Asked for no language, a Spanish guide gets the Spanish words: the guide's own language.
/// Then nothing but the root says a language.
#[wasm_bindgen_test]
async fn a_guide_and_its_interface_in_one_language_mark_only_the_root() {
    let spanish = Words {
        json: Some(SPANISH_WORDS),
        ..Words::default()
    };
    let f = mount_words(GuideSource::Json(SPANISH_GUIDE.into()), spanish).await;
    assert_eq!(
        lang_of(&f, ".stepguide"),
        (Some("es".into()), Some("ltr".into()))
    );
    assert_eq!(f.root.query_selector_all("[lang]").unwrap().length(), 1);
    assert_eq!(f.text(".sg-legend"), "¿Se ha solucionado?");
    assert_eq!(f.text(".sg-step-label"), "Paso 1 · de 1 a 2 pasos más");
    f.click("No, sigue sin funcionar").await;
    assert_eq!(f.text(".sg-history .sg-subtitle"), "Lo que has probado");
    assert_eq!(f.text(".sg-nav-button"), "Atrás");
}

/// Arabic words with the English guide: the root is Arabic and right to left, and every text
/// of the guide says it is English, left to right.
#[wasm_bindgen_test]
async fn arabic_words_turn_the_widget_right_to_left() {
    let arabic = Words {
        lang: Some("ar"),
        json: Some(ARABIC_WORDS),
        ..Words::default()
    };
    let f = mount_words(GuideSource::Bundled, arabic).await;
    let en = || (Some("en".to_owned()), Some("ltr".to_owned()));
    assert_eq!(
        lang_of(&f, ".stepguide"),
        (Some("ar".into()), Some("rtl".into()))
    );
    assert_eq!(lang_of(&f, ".sg-title"), en());
    assert_eq!(lang_of(&f, ".sg-text"), en());
    assert_eq!(lang_of(&f, ".sg-answer span"), en());
    assert_eq!(f.text(".sg-nav-button"), "رجوع");
    f.click("iOS 26").await;
    assert_eq!(lang_of(&f, ".sg-history-step"), en());
}

/// The browser's plural rules give the same categories as the CLDR table the native tests
/// hold the crate's rules to (tests/words.rs).
#[wasm_bindgen_test]
fn the_browser_s_plural_rules_are_the_cldr_s() {
    use stepguide::words::Category::*;
    let rules = stepguide::ui::plural::rules();
    let table = [
        ("en", 1, One),
        ("en", 0, Other),
        ("en", 2, Other),
        ("es", 1, One),
        ("es", 5, Other),
        ("de", 1, One),
        ("de", 7, Other),
        ("fr", 0, One),
        ("fr", 1, One),
        ("fr", 2, Other),
        ("ja", 1, Other),
        ("ar", 0, Zero),
        ("ar", 1, One),
        ("ar", 2, Two),
        ("ar", 3, Few),
        ("ar", 10, Few),
        ("ar", 11, Many),
        ("ar", 99, Many),
        ("ar", 100, Other),
        // Newer CLDR than the crate's (see tests/words.rs): the browser's rules have these.
        ("es", 1_000_000, Many),
        ("ar", 103, Few),
    ];
    for (lang, n, want) in table {
        assert_eq!(rules(lang, n), want, "{lang} {n}");
    }
    assert_eq!(rules("not a tag!", 1), Other);
}

/// A host page's words replace the table's; a wrong one is reported and left out.
#[wasm_bindgen_test]
async fn host_words_replace_the_interface_s() {
    let errors = Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let seen = Rc::clone(&errors);
    let words = Words {
        host: Some(vec![
            ("back", "Go back"),
            ("steps_left.one", "last {n} step"),
            ("bakc", "x"),
        ]),
        ..Words::default()
    };
    let f = mount_in(
        GuideSource::Bundled,
        false,
        None,
        move |host, _| {
            on_error(host, move |detail| {
                let message = js_sys::Reflect::get(detail, &"message".into()).unwrap();
                seen.borrow_mut().push(message.as_string().unwrap());
            })
        },
        words,
    )
    .await;
    assert_eq!(f.text(".sg-nav-button"), "Go back");
    assert_eq!(
        errors.borrow().as_slice(),
        ["`bakc` is not one of the interface's words"]
    );
}

/// The offer to continue is a region named by an attribute, read in the element's language:
/// the root's, the interface's; the step's title inside it says the guide's.
#[wasm_bindgen_test]
async fn the_offer_to_continue_names_itself_in_the_interface_s_language() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("stepguide:es-demo").unwrap();
    let english = || Words {
        lang: Some("en"),
        ..Words::default()
    };
    let source = || GuideSource::Json(SPANISH_GUIDE.into());
    {
        let f = mount_in(source(), true, None, |_, _| {}, english()).await;
        f.click("No, still not working").await;
        assert_eq!(f.heading(), "¿Funciona ahora?");
    }
    let f = mount_in(source(), true, None, |_, _| {}, english()).await;
    let region = f.root.query_selector("[role=region]").unwrap().unwrap();
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Continue where you left off")
    );
    assert_eq!(region.get_attribute("lang"), None);
    assert_eq!(lang_of(&f, ".sg-resume-at span"), (Some("es".into()), None));
    assert_eq!(f.text(".sg-resume-at"), "Step 2: ¿Funciona ahora?");
    storage.remove_item("stepguide:es-demo").unwrap();
}

#[wasm_bindgen_test]
async fn interface_words_in_the_guide_s_language_add_no_lang() {
    let f = mount(GuideSource::Bundled, false).await;
    // Only the root says the language.
    assert_eq!(f.root.query_selector_all("[lang]").unwrap().length(), 1);
}

/// The walker's reducer, action by action: what each changes, and that a new screen, and
/// nothing else, clears what the last copy of a transcript did.
#[wasm_bindgen_test]
fn the_walker_state_changes_only_as_each_action_says() {
    use stepguide::ui::state::{Action, WalkState};
    use stepguide::walk::Walk;
    use yew::Reducible;
    let guide = Rc::new(stepguide::bundled_guide());
    let start = Walk::new(Rc::clone(&guide));
    let mut saved = start.clone();
    saved.answer(0).unwrap();
    let copied = || Some(("summary".to_owned(), "Copied".to_owned()));
    let state = |offer: Option<Walk>, stale: bool| {
        let mut s = WalkState::new(start.clone(), offer, stale);
        s.history_open = Some(0);
        s.copy_status = copied();
        Rc::new(s)
    };
    // (what, before, action, the state expected after: None when it is the same state)
    type Expect = fn(&WalkState) -> bool;
    let cases: Vec<(&str, Rc<WalkState>, Action, Option<Expect>)> = vec![
        (
            "an answer moves on and clears the copy's words",
            state(None, false),
            Action::Answer(0),
            Some(|s| {
                s.walk.visits().len() == 1 && s.copy_status.is_none() && s.history_open == Some(0)
            }),
        ),
        (
            "an answer that is not there changes nothing",
            state(None, false),
            Action::Answer(99),
            None,
        ),
        (
            "back at the start changes nothing",
            state(None, false),
            Action::Back,
            None,
        ),
        (
            "start over forgets the stale notice",
            state(None, true),
            Action::Restart,
            Some(|s| !s.stale && s.walk.at_start() && s.copy_status.is_some()),
        ),
        (
            "the offer taken becomes the walk",
            state(Some(saved.clone()), false),
            Action::TakeOffer,
            Some(|s| s.offer.is_none() && s.walk.visits().len() == 1 && s.copy_status.is_none()),
        ),
        (
            "the offer put away leaves the walk",
            state(Some(saved.clone()), false),
            Action::DismissOffer,
            Some(|s| s.offer.is_none() && s.walk.at_start() && s.copy_status.is_some()),
        ),
        (
            "no offer to put away changes nothing",
            state(None, false),
            Action::DismissOffer,
            None,
        ),
        (
            "the open history item closes",
            state(None, false),
            Action::ToggleHistory(0),
            Some(|s| s.history_open.is_none() && s.copy_status.is_some()),
        ),
        (
            "another history item opens",
            state(None, false),
            Action::ToggleHistory(2),
            Some(|s| s.history_open == Some(2)),
        ),
        (
            "a copy's words are kept with their transcript",
            state(None, false),
            Action::Copied("other".into(), "Selected".into()),
            Some(|s| s.copy_status == Some(("other".into(), "Selected".into()))),
        ),
        (
            "resuming the same walk changes nothing",
            state(None, false),
            Action::Resume(start.clone()),
            None,
        ),
    ];
    for (what, before, action, expect) in cases {
        let after = Rc::clone(&before).reduce(action);
        match expect {
            None => assert!(Rc::ptr_eq(&before, &after), "{what}: a new state"),
            Some(ok) => {
                assert!(!Rc::ptr_eq(&before, &after), "{what}: the same state");
                assert!(ok(&after), "{what}: {after:?}");
            }
        }
    }
    // A change of an earlier answer closes the history's open answers.
    let mut walked = WalkState::new(saved.clone(), None, false);
    walked.history_open = Some(0);
    let after = Rc::new(walked).reduce(Action::Change { step: 0, choice: 1 });
    assert_eq!(after.history_open, None);
    assert_eq!(after.walk.visits()[0].choice, 1);
}

/// The root's reducer: the same status again is no change (no render); a retry counts.
#[wasm_bindgen_test]
fn the_load_state_changes_only_on_a_new_status_or_a_retry() {
    use stepguide::ui::app::{Load, LoadAction};
    use stepguide::ui::load::LoadStatus;
    use yew::Reducible;
    let failed = || LoadStatus::Failed("gone".into(), "network");
    let before = Rc::new(Load {
        status: failed(),
        attempt: 0,
    });
    let same = Rc::clone(&before).reduce(LoadAction::Status(failed()));
    assert!(Rc::ptr_eq(&before, &same));
    let retried = Rc::clone(&before).reduce(LoadAction::Retry);
    assert_eq!((retried.attempt, &retried.status), (1, &failed()));
    let loading = retried.reduce(LoadAction::Status(LoadStatus::Loading));
    assert_eq!(
        (loading.attempt, &loading.status),
        (1, &LoadStatus::Loading)
    );
}

/// A waiting outcome offers to look again from the step before it, also after a reload:
/// the walk is resumed where it waits, not started over.
#[wasm_bindgen_test]
async fn a_waiting_outcome_checks_again_from_where_it_stood() {
    storage_without_a_walk();
    {
        let f = mount(GuideSource::Bundled, true).await;
        for answer in [
            "iOS 26",
            "It's on",
            "“Waiting for activation",
            "Less than a day",
        ] {
            f.click(answer).await;
        }
        assert_eq!(f.heading(), "Give activation up to a day");
        let card = f.root.query_selector(".sg-outcome").unwrap().unwrap();
        assert_eq!(
            card.get_attribute("data-outcome").as_deref(),
            Some("waiting")
        );
    }
    let f = mount(GuideSource::Bundled, true).await;
    // Offered as a walk to continue, at its step, not as one that ended.
    assert_eq!(
        f.text(".sg-resume p"),
        "You were part way through this guide."
    );
    assert_eq!(
        f.text(".sg-resume-at"),
        "Step 5: Give activation up to a day"
    );
    f.click("Continue where you left off").await;
    assert_eq!(f.heading(), "Give activation up to a day");
    f.click("Check again").await;
    assert_eq!(f.heading(), "How long has it been waiting?");
    assert_eq!(
        f.root
            .query_selector_all(".sg-history-item")
            .unwrap()
            .length(),
        3
    );
    // No other kind of outcome offers it.
    f.click("A day or more").await;
    f.click("Yes, texts go out").await;
    f.click("Two lines").await;
    f.click("Yes, it's fixed").await;
    assert_eq!(f.heading(), "Fixed: one line per number");
    assert!(f
        .buttons()
        .iter()
        .all(|b| b.text_content().unwrap_or_default() != "Check again"));
}

/// A destructive step says what it erases before its text.
#[wasm_bindgen_test]
async fn a_destructive_step_says_what_it_erases() {
    let f = mount(GuideSource::Bundled, false).await;
    for answer in [
        "iOS 26",
        "It's on",
        "My number, ticked",
        "Yes, pages load",
        "Green",
        "No, still",
        "No, still",
        "No, still",
        "No, still",
        "iOS is up to date",
        "Yes, reset",
    ] {
        f.click(answer).await;
    }
    assert_eq!(f.heading(), "Reset network settings");
    assert_eq!(
        f.text(".sg-title + .sg-erases"),
        "This erases: saved Wi-Fi networks and passwords, paired Bluetooth devices, VPN settings and changed cellular settings"
    );
}
