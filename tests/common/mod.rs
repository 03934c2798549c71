//! Helpers shared by the native test files: loading guides, generated guides, and where
//! proptest keeps its regressions.
#![allow(dead_code)]

use proptest::test_runner::{Config, FileFailurePersistence};
use serde_json::{json, Value};
use std::rc::Rc;
use stepguide::guide::Guide;
use stepguide::validate::LoadError;

/// A proptest configuration with `cases` cases, whose failures are kept in one file for
/// every test file (`proptest-regressions/tests.txt`, beside the library's own under
/// `proptest-regressions/`) and run again first.
pub fn proptest_config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/tests.txt",
        ))),
        ..Config::default()
    }
}

/// A small valid guide to mutate in error-message tests.
pub fn base() -> Value {
    json!({
        "format": 1,
        "id": "demo",
        "title": "Demo",
        "lang": "en",
        "version": "1",
        "start": "q",
        "nodes": [
            { "id": "q", "kind": "question", "title": "Which?", "answers": [
                { "label": "A", "next": "s" },
                { "label": "B", "next": "done" }
            ]},
            { "id": "s", "kind": "step", "title": "Do it", "text": "Tap [[Settings > General]].", "next": "done", "fixed": "ok" },
            { "id": "ok", "kind": "outcome", "outcome": "resolved", "title": "Fixed", "text": "Good." },
            { "id": "done", "kind": "outcome", "outcome": "escalate", "title": "Ask", "text": "Call us." }
        ]
    })
}

/// A guide of about `n` nodes (at least 4) whose shape comes from `seed`: a chain of
/// questions and steps, each question with an outcome of its own and sometimes an extra
/// forward edge (or, with `loops`, a loop back), fix steps sharing one resolved outcome, and
/// an escalate outcome at the end. Always valid.
pub fn generated(n: usize, seed: u64, loops: bool) -> String {
    let mut rng = seed | 1;
    let mut next = move |m: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % m.max(1) as u64) as usize
    };
    let mut nodes = vec![
        json!({ "id": "resolved", "kind": "outcome", "outcome": "resolved", "title": "Fixed", "text": "Fixed." }),
        json!({ "id": "end", "kind": "outcome", "outcome": "escalate", "title": "Ask", "text": "Ask for help." }),
    ];
    // Each chain link costs one or two nodes; stop when the budget is spent.
    let mut chain = 0;
    let mut kinds = Vec::new();
    while nodes.len() + kinds.len() + 2 <= n.max(4) || chain == 0 {
        // The first link is a fix, so the shared resolved outcome is always reachable.
        let kind = if chain == 0 { 2 } else { next(3) };
        kinds.push(kind);
        if kind == 0 {
            nodes.push(Value::Null); // placeholder for the question's own outcome
        }
        chain += 1;
    }
    nodes.retain(|v| !v.is_null());
    let link = |i: usize| {
        if i >= chain {
            "end".to_owned()
        } else {
            format!("c{i}")
        }
    };
    for (i, &kind) in kinds.iter().enumerate() {
        let id = format!("c{i}");
        match kind {
            0 => {
                let mut answers = vec![
                    json!({ "label": "go on", "next": link(i + 1) }),
                    json!({ "label": "stop here", "next": format!("o{i}") }),
                ];
                if next(2) == 0 {
                    let target = if loops && i > 0 && next(3) == 0 { next(i) } else { i + 1 + next(chain - i) };
                    answers.push(json!({ "label": "jump", "next": link(target) }));
                }
                nodes.push(json!({ "id": id, "kind": "question", "title": format!("Question {i}?"), "answers": answers }));
                let outcome = ["resolved", "waiting", "escalate"][next(3)];
                nodes.push(json!({ "id": format!("o{i}"), "kind": "outcome", "outcome": outcome, "title": format!("End {i}"), "text": "The end." }));
            }
            1 => nodes.push(json!({ "id": id, "kind": "step", "title": format!("Step {i}"), "text": "Do **this**.", "next": link(i + 1) })),
            _ => nodes.push(json!({ "id": id, "kind": "step", "title": format!("Fix {i}"), "text": "Try [[Settings > General]].", "next": link(i + 1), "fixed": "resolved" })),
        }
    }
    json!({ "format": 1, "id": "generated", "title": "Generated", "lang": "en", "version": "1", "start": "c0", "nodes": nodes })
        .to_string()
}

/// Reads a guide through each of the three ways in, which must agree: a borrowed text (the
/// CLI's tests), a text given away (freed before the graph checks) and a file's bytes (the
/// widget and the CLI).
pub fn load(v: &Value) -> Result<Guide, LoadError> {
    let text = v.to_string();
    let borrowed = Guide::from_json(&text);
    assert_eq!(Guide::from_json_owned(text.clone()), borrowed);
    assert_eq!(Guide::from_json_bytes(text.into_bytes()), borrowed);
    borrowed
}

/// Every problem `v` has, as messages; none for a valid guide.
pub fn errors(v: &Value) -> Vec<String> {
    match load(v) {
        Ok(_) => vec![],
        Err(LoadError::Invalid(ps)) => ps.iter().map(ToString::to_string).collect(),
        Err(e) => vec![e.to_string()],
    }
}

/// [`base`], loaded: a small guide to walk.
pub fn demo() -> Rc<Guide> {
    Rc::new(load(&base()).unwrap())
}
