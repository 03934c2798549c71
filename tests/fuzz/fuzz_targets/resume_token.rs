//! Any text as a resume token (from a URL, storage or a host's `resume`): decoding never
//! panics, and what decodes re-encodes to a token that decodes to the same walk.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::rc::Rc;
use std::sync::OnceLock;
use stepguide::guide::Guide;

fn guide_text() -> &'static str {
    static TEXT: OnceLock<&'static str> = OnceLock::new();
    TEXT.get_or_init(|| stepguide::BUNDLED_GUIDE)
}

fuzz_target!(|data: &[u8]| {
    let Ok(token) = std::str::from_utf8(data) else { return };
    let guide = Rc::new(Guide::from_json(guide_text()).expect("the bundled guide is valid"));
    if let Ok(walk) = stepguide::walk::token::decode(Rc::clone(&guide), token) {
        let again = stepguide::walk::token::encode(&walk);
        assert_eq!(stepguide::walk::token::decode(guide, &again).as_ref(), Ok(&walk));
    }
});
