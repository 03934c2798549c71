//! Where a walk is kept between page loads: localStorage (per guide) and the URL fragment.
//! Every browser call may fail (storage blocked in private mode or a sandboxed iframe); each
//! failure means "no persistence", never an error for the person.

use crate::walk::saved::{self, Saved};
use web_sys::Storage;

const FRAGMENT_KEY: &str = "sg=";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn key(guide_id: &str) -> String {
    format!("stepguide:{guide_id}")
}

/// The browser's clock, in whole seconds since 1970.
fn now() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// The token saved for this guide, if storage works and has one recent enough to offer (see
/// [`crate::walk::saved`]); one too old is forgotten.
pub fn load(guide_id: &str) -> Option<String> {
    let value = storage()?.get_item(&key(guide_id)).ok().flatten()?;
    match saved::read(&value, now()) {
        Saved::Walk(token) => Some(token.to_owned()),
        Saved::Gone => {
            clear(guide_id);
            None
        }
    }
}

/// Saves the token, with the time; silently does nothing where storage is blocked or full.
pub fn save(guide_id: &str, token: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&key(guide_id), &saved::write(token, now()));
    }
}

/// Forgets the saved token.
pub fn clear(guide_id: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&key(guide_id));
    }
}

/// The token in the page's URL fragment (`#sg=…`), if any.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let token = hash.strip_prefix('#')?.strip_prefix(FRAGMENT_KEY)?;
    (!token.is_empty()).then(|| token.to_owned())
}

/// Puts the token in the URL fragment, so a link reopens this step. A new history entry
/// (so the browser's back and forward buttons move between steps), except with `replace`,
/// used for the first screen so opening the page adds no extra entry. Does nothing when the
/// token is there already.
pub fn set_fragment(token: &str, replace: bool) {
    if fragment().as_deref() == Some(token) {
        return;
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let url = format!("#{FRAGMENT_KEY}{token}");
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}
