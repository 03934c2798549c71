//! Any bytes as a guide file: loading never panics and agrees between bytes and text, and a
//! guide that loads can be walked along any answers and round-trips its token.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::rc::Rc;
use stepguide::guide::Guide;
use stepguide::walk::Walk;

fuzz_target!(|data: &[u8]| {
    // Read as the widget reads a fetched file: from its bytes, which need not be UTF-8.
    let loaded = Guide::from_json_bytes(data.to_vec());
    if let Ok(text) = std::str::from_utf8(data) {
        assert_eq!(Guide::from_json(text), loaded, "the text and its bytes must agree");
    }
    let Ok(guide) = loaded else { return };
    let guide = Rc::new(guide);
    let mut walk = Walk::new(Rc::clone(&guide));
    for (i, b) in data.iter().take(64).enumerate() {
        let count = guide.node(walk.current()).choices().len();
        if count == 0 {
            break;
        }
        walk.answer(usize::from(*b) % count).expect("a listed choice is always valid");
        if i % 7 == 3 {
            let _ = walk.change_answer(usize::from(*b) % walk.visits().len(), 0);
        }
    }
    let token = stepguide::walk::token::encode(&walk);
    assert_eq!(stepguide::walk::token::decode(Rc::clone(&guide), &token).as_ref(), Ok(&walk));
    let _ = stepguide::walk::transcript::transcript(&walk, &stepguide::words::EN);
});
