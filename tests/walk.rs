//! The walk: answers, Back and Start over, changed answers, progress, variants, tokens and
//! transcripts.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{demo, load};
use proptest::prelude::*;
use serde_json::json;
use std::rc::Rc;
use stepguide::guide::{Guide, OutcomeKind};
use stepguide::walk::token::{self, TokenError};
use stepguide::walk::Walk;

#[test]
fn walk_answers_back_restart() {
    let g = demo();
    let mut w = Walk::new(Rc::clone(&g));
    assert_eq!(g.node(w.current()).id(), "q");
    assert!(w.at_start());
    assert!(!w.back());
    w.answer(0).unwrap();
    assert_eq!(g.node(w.current()).id(), "s");
    assert_eq!(w.progress().step, 2);
    w.answer(0).unwrap(); // fixed
    assert_eq!(w.outcome(), Some(OutcomeKind::Resolved));
    assert_eq!(
        w.answer(0).unwrap_err().to_string(),
        "node \"ok\" has no choice 0"
    );
    assert!(w.back());
    assert_eq!(g.node(w.current()).id(), "s");
    w.restart();
    assert_eq!(w, Walk::new(g));
}

#[test]
fn progress_estimates_remaining_steps() {
    let g = demo();
    let mut w = Walk::new(g);
    let p = w.progress();
    assert_eq!((p.step, p.remaining_min, p.remaining_max), (1, 1, 2));
    w.answer(0).unwrap();
    let p = w.progress();
    assert_eq!((p.step, p.remaining_min, p.remaining_max), (2, 1, 1));
    w.answer(1).unwrap();
    let p = w.progress();
    assert_eq!((p.step, p.remaining_min, p.remaining_max), (3, 0, 0));
    assert_eq!(p.bar(), (3, 3));
}

#[test]
fn changing_an_answer_keeps_later_answers_that_still_apply() {
    // q1 -> (a: x | b: y); x -> q2; y -> q2; q2 -> (end1 | end2)
    let g = Rc::new(
        Guide::from_json(
            &json!({
                "format": 1, "id": "change", "title": "Change", "lang": "en", "version": "1", "start": "q1",
                "nodes": [
                    { "id": "q1", "kind": "question", "title": "One?", "answers": [{ "label": "a", "next": "x" }, { "label": "b", "next": "y" }] },
                    { "id": "x", "kind": "step", "title": "X", "text": "x", "next": "q2" },
                    { "id": "y", "kind": "question", "title": "Y?", "answers": [{ "label": "c", "next": "q2" }, { "label": "d", "next": "end1" }] },
                    { "id": "q2", "kind": "question", "title": "Two?", "answers": [{ "label": "e", "next": "q3" }, { "label": "f", "next": "end2" }] },
                    { "id": "q3", "kind": "question", "title": "Three?", "answers": [{ "label": "g", "next": "end1" }, { "label": "h", "next": "end2" }] },
                    { "id": "end1", "kind": "outcome", "outcome": "resolved", "title": "E1", "text": "e" },
                    { "id": "end2", "kind": "outcome", "outcome": "escalate", "title": "E2", "text": "e" }
                ]
            })
            .to_string(),
        )
        .unwrap(),
    );
    let mut w = Walk::new(Rc::clone(&g));
    w.answer(0).unwrap(); // q1: a -> x
    w.answer(0).unwrap(); // x -> q2
    w.answer(0).unwrap(); // q2: e -> q3
    assert_eq!(g.node(w.current()).id(), "q3");
    // Change q1 to b: y is new (asked), q2's answer is kept once reached.
    w.change_answer(0, 1).unwrap();
    assert_eq!(g.node(w.current()).id(), "y");
    w.answer(0).unwrap(); // y: c -> q2; a plain answer asks q2 again rather than jumping on
    assert_eq!(g.node(w.current()).id(), "q2");
    let mut w = Walk::new(Rc::clone(&g));
    w.answer(1).unwrap(); // q1: b -> y
    w.answer(0).unwrap(); // y: c -> q2
    w.answer(0).unwrap(); // q2: e -> q3
    w.change_answer(1, 0).unwrap(); // same answer at y: later answers replay
    assert_eq!(g.node(w.current()).id(), "q3");
    w.change_answer(0, 0).unwrap(); // q1: a -> x (no answer yet: stops)
    assert_eq!(g.node(w.current()).id(), "x");
    w.answer(0).unwrap();
    assert_eq!(g.node(w.current()).id(), "q2");
    assert_eq!(
        w.change_answer(9, 0).unwrap_err().to_string(),
        "there is no step 9 in the history"
    );
    assert_eq!(
        w.change_answer(0, 5).unwrap_err().to_string(),
        "node \"q1\" has no choice 5"
    );
}

#[test]
fn steps_that_do_not_apply_to_the_variant_are_passed_over() {
    let g = Rc::new(
        Guide::from_json(
            &json!({
                "format": 1, "id": "variants", "title": "Variants", "lang": "en", "version": "1", "start": "v",
                "variants": [{ "id": "new", "label": "New", "ios_min": 18 }, { "id": "old", "label": "Old", "ios_max": 17 }],
                "terms": { "place": { "new": "Settings > Apps > Messages", "old": "Settings > Messages" } },
                "nodes": [
                    { "id": "v", "kind": "question", "title": "Version?", "answers": [
                        { "label": "new", "next": "only-old", "sets": "new" },
                        { "label": "old", "next": "only-old", "sets": "old" }
                    ]},
                    { "id": "only-old", "kind": "step", "title": "Old only", "text": "x", "next": "open", "applies": ["old"] },
                    { "id": "open", "kind": "step", "title": "Open {place}", "text": "Open [[{place}]].", "next": "end" },
                    { "id": "end", "kind": "outcome", "outcome": "escalate", "title": "End", "text": "e" }
                ]
            })
            .to_string(),
        )
        .unwrap(),
    );
    let mut new = Walk::new(Rc::clone(&g));
    new.answer(0).unwrap();
    assert_eq!(
        g.node(new.current()).id(),
        "open",
        "the old-only step is passed over"
    );
    assert_eq!(
        g.node(new.current()).title().get(new.variant()),
        "Open Settings > Apps > Messages"
    );
    let mut old = Walk::new(Rc::clone(&g));
    old.answer(1).unwrap();
    assert_eq!(g.node(old.current()).id(), "only-old");
    old.answer(0).unwrap();
    assert_eq!(
        g.node(old.current()).title().get(old.variant()),
        "Open Settings > Messages"
    );
    // Changing the variant answer re-routes the rest of the walk.
    old.change_answer(0, 0).unwrap();
    assert_eq!(g.node(old.current()).id(), "open");
    assert_eq!(g.variant_for_ios(26).map(|v| v.index()), Some(0));
    assert_eq!(g.variant_for_ios(16).map(|v| v.index()), Some(1));
}

/// Walks are equal when they walk the same guide in memory to the same place; a guide with
/// the same content loaded again is another guide (the UI compares walks to see what
/// changed, and a loaded guide never changes).
#[test]
fn walks_compare_by_guide_identity_and_answers() {
    let guide = Rc::new(load(&common::base()).unwrap());
    let (mut a, mut b) = (Walk::new(guide.clone()), Walk::new(guide));
    assert_eq!(a, b);
    a.answer(0).unwrap();
    assert_ne!(a, b);
    b.answer(0).unwrap();
    assert_eq!(a, b);
    let again = Walk::new(Rc::new(load(&common::base()).unwrap()));
    assert_ne!(Walk::new(a.guide().clone()), again);
}

#[test]
fn tokens_round_trip_and_detect_stale_guides() {
    let g = demo();
    let mut w = Walk::new(Rc::clone(&g));
    w.answer(0).unwrap();
    let t = token::encode(&w);
    assert!(
        t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "{t}"
    );
    assert_eq!(token::decode(Rc::clone(&g), &t).unwrap(), w);

    let mut changed = common::base();
    changed["nodes"][1]["text"] = json!("Tap [[Settings > Messages]].");
    let changed = Rc::new(load(&changed).unwrap());
    assert_eq!(token::decode(changed, &t).unwrap_err(), TokenError::Stale);
    assert_eq!(
        TokenError::Stale.to_string(),
        "the guide has changed since this progress was saved"
    );
    for bad in [
        "",
        "!!!",
        "AAAA",
        &t[..t.len() - 1],
        &format!("{t}AA"),
        &"A".repeat(10_000),
    ] {
        assert!(token::decode(Rc::clone(&g), bad).is_err(), "{bad:?}");
    }
    assert_eq!(
        TokenError::Malformed.to_string(),
        "the saved progress is damaged and cannot be used"
    );
}

#[test]
fn transcript_lists_steps_answers_and_outcome() {
    let g = demo();
    let mut w = Walk::new(g);
    w.answer(0).unwrap();
    w.answer(1).unwrap();
    let t = stepguide::walk::transcript::transcript(&w, &stepguide::words::EN);
    assert_eq!(
        t,
        "Guide: Demo (demo)\nVersion: 1\nSteps:\n1. Which? — A\n2. Do it — No, still not working\nOutcome: contact support — Ask\n"
    );
}

proptest! {
    #![proptest_config(common::proptest_config(64))]

    /// Any answers on any generated guide keep the walk consistent, and on a guide without
    /// loops every walk ends at an outcome.
    #[test]
    fn any_answers_stay_consistent(n in 3usize..60, seed: u64, loops: bool, picks in proptest::collection::vec(0usize..5, 0..200)) {
        let g = Rc::new(Guide::from_json(&common::generated(n, seed, loops)).unwrap());
        let mut w = Walk::new(Rc::clone(&g));
        for p in picks {
            let count = g.node(w.current()).choices().len();
            if count == 0 {
                prop_assert!(w.outcome().is_some());
                prop_assert!(w.answer(0).is_err());
                break;
            }
            let before = w.clone();
            w.answer(p % count).unwrap();
            prop_assert_eq!(w.visits().len(), before.visits().len() + 1);
            prop_assert_eq!(w.progress().step, w.visits().len() + 1);
            // Back after an answer is the identity.
            let mut undo = w.clone();
            prop_assert!(undo.back());
            prop_assert_eq!(&undo, &before);
            // Tokens round-trip.
            prop_assert_eq!(token::decode(Rc::clone(&g), &token::encode(&w)).unwrap(), w.clone());
        }
        if !loops {
            let mut w = Walk::new(Rc::clone(&g));
            for _ in 0..n {
                if w.outcome().is_some() { break; }
                w.answer(0).unwrap();
            }
            prop_assert!(w.outcome().is_some());
        }
    }

    /// Changing any earlier answer keeps the history before it.
    #[test]
    fn change_answer_keeps_the_history_before_it(n in 5usize..40, seed: u64, picks in proptest::collection::vec(0usize..5, 1..30), at in 0usize..30, to in 0usize..5) {
        let g = Rc::new(Guide::from_json(&common::generated(n, seed, false)).unwrap());
        let mut w = Walk::new(Rc::clone(&g));
        for p in picks {
            let count = g.node(w.current()).choices().len();
            if count == 0 { break; }
            w.answer(p % count).unwrap();
        }
        if w.visits().is_empty() { return Ok(()); }
        let at = at % w.visits().len();
        let count = g.node(w.visits()[at].node).choices().len();
        let before: Vec<_> = w.visits()[..at].to_vec();
        w.change_answer(at, to % count).unwrap();
        prop_assert_eq!(&w.visits()[..at], &before[..]);
        prop_assert_eq!(usize::from(w.visits()[at].choice), to % count);
        prop_assert_eq!(token::decode(Rc::clone(&g), &token::encode(&w)).unwrap(), w);
    }
}
