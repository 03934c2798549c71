//! The order check: a destructive step never comes before a cheaper step still ahead of it,
//! and every destructive step says what it erases. Messages are asserted word for word.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use stepguide::guide::{Cost, Guide};
use stepguide::validate::LoadError;

/// A question leading to a restart (mild) and a reset (destructive); `first` is the step
/// the "try" answer leads to, and the two steps lead on as `restart_next` and `reset_next`.
fn guide(first: &str, restart_next: &str, reset_next: &str, reset: Value) -> Value {
    let mut reset_node = json!({
        "id": "reset", "kind": "step", "title": "Reset", "text": "Reset it.",
        "next": reset_next, "fixed": "ok", "cost": "destructive",
    });
    for (k, v) in reset.as_object().unwrap() {
        if v.is_null() {
            reset_node.as_object_mut().unwrap().remove(k);
        } else {
            reset_node[k] = v.clone();
        }
    }
    json!({
        "format": 1, "id": "demo", "title": "Demo", "lang": "en", "version": "1", "start": "q",
        "nodes": [
            { "id": "q", "kind": "question", "title": "Which?", "answers": [
                { "label": "Try", "next": first },
                { "label": "Give up", "next": "help" }
            ]},
            { "id": "restart", "kind": "step", "title": "Restart", "text": "Restart it.",
              "next": restart_next, "fixed": "ok", "cost": "mild" },
            reset_node,
            { "id": "ok", "kind": "outcome", "outcome": "resolved", "title": "Fixed", "text": "Good." },
            { "id": "help", "kind": "outcome", "outcome": "escalate", "title": "Ask", "text": "Call us." }
        ]
    })
}

fn errors(v: &Value) -> Vec<String> {
    match Guide::from_json(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(ps)) => ps.iter().map(ToString::to_string).collect(),
        Err(e) => vec![e.to_string()],
    }
}

const ERASES: &str = "saved Wi-Fi networks";

#[test]
fn order_and_erases_messages() {
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        (
            "cheap first, destructive last: fine",
            guide("restart", "reset", "help", json!({ "erases": ERASES })),
            vec![],
        ),
        (
            "destructive before a restart that is still ahead",
            guide("reset", "help", "restart", json!({ "erases": ERASES })),
            vec![
                "node \"reset\", field \"cost\": is destructive, yet cheaper step \"restart\" (mild) can still come after it, on the path q → reset → restart; put the cheaper step first, or list it in \"allow_before\" with a reason",
            ],
        ),
        (
            "an exception with a reason allows it",
            guide("reset", "help", "restart", json!({
                "erases": ERASES,
                "allow_before": { "restart": "the reset restarts the phone anyway" }
            })),
            vec![],
        ),
        (
            "an exception for a step that is not ahead",
            guide("restart", "reset", "help", json!({
                "erases": ERASES,
                "allow_before": { "restart": "no longer needed" }
            })),
            vec![
                "node \"reset\", field \"allow_before.restart\": allows \"restart\" to come after this step, but no path leads there from here; remove the exception",
            ],
        ),
        (
            "an exception naming no node",
            guide("restart", "reset", "help", json!({
                "erases": ERASES,
                "allow_before": { "nope": "typo" }
            })),
            vec!["node \"reset\", field \"allow_before.nope\": refers to unknown node \"nope\""],
        ),
        (
            "a destructive step must say what it erases",
            guide("restart", "reset", "help", json!({})),
            vec!["node \"reset\", field \"erases\": is required on a destructive step: say what doing it erases"],
        ),
        (
            "erases and allow_before only on destructive steps",
            guide("restart", "reset", "help", json!({
                "cost": "mild", "erases": ERASES,
                "allow_before": { "restart": "why" }
            })),
            vec![
                "node \"reset\", field \"erases\": is only allowed on a destructive step",
                "node \"reset\", field \"allow_before\": is only allowed on a destructive step",
            ],
        ),
        (
            "cost only on steps",
            {
                let mut g = guide("restart", "reset", "help", json!({ "erases": ERASES }));
                g["nodes"][0]["cost"] = json!("mild");
                g
            },
            vec!["node \"q\", field \"cost\": is not allowed on a question node"],
        ),
        (
            "an unknown cost",
            guide("restart", "reset", "help", json!({ "cost": "huge", "erases": ERASES })),
            vec![],
        ),
    ];
    for (name, g, want) in cases {
        let got = errors(&g);
        if name == "an unknown cost" {
            // The reader's message names the values; its column depends on the layout.
            assert_eq!(got.len(), 1, "{name}: {got:?}");
            assert!(
                got[0].ends_with(
                    "unknown variant `huge`, expected one of `none`, `mild`, `destructive`"
                ),
                "{name}: {got:?}"
            );
            continue;
        }
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn a_cheaper_step_behind_a_loop_is_still_found() {
    // reset → q → restart: the restart is reachable after the reset through the question.
    let mut g = guide("restart", "help", "q", json!({ "erases": ERASES }));
    g["nodes"][0]["answers"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "label": "Reset", "next": "reset" }));
    let got = errors(&g);
    assert_eq!(
        got,
        vec!["node \"reset\", field \"cost\": is destructive, yet cheaper step \"restart\" (mild) can still come after it, on the path q → reset → q → restart; put the cheaper step first, or list it in \"allow_before\" with a reason"]
    );
}

#[test]
fn costs_and_exceptions_are_kept_on_the_checked_guide() {
    let g = guide(
        "reset",
        "help",
        "restart",
        json!({
            "erases": ERASES,
            "allow_before": { "restart": "the reset restarts the phone anyway" }
        }),
    );
    let guide = Guide::from_json(&g.to_string()).unwrap();
    let node = |id| guide.node(guide.find(id).unwrap());
    assert_eq!(node("restart").cost(), Cost::Mild);
    assert_eq!(node("q").cost(), Cost::None);
    assert_eq!(node("reset").cost(), Cost::Destructive);
    assert_eq!(node("reset").erases(), Some(ERASES));
    let x = &node("reset").allow_before()[0];
    assert_eq!(guide.node(x.step).id(), "restart");
    assert_eq!(&*x.reason, "the reset restarts the phone anyway");
}
