//! The pure core: validation messages, the walk, tokens, transcripts and analysis.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};
use std::rc::Rc;
use stepguide::analysis::{graph, links, GraphFormat, LinkUse, Paths};
use stepguide::guide::{Choice, Guide, LoadError, OutcomeKind, VariantId};
use stepguide::token::{self, TokenError};
use stepguide::walk::Walk;

/// Reads a guide through each of the three ways in, which must agree: a borrowed text (the
/// CLI's tests), a text given away (freed before the graph checks) and a file's bytes (the
/// widget and the CLI).
fn load(v: &Value) -> Result<Guide, LoadError> {
    let text = v.to_string();
    let borrowed = Guide::from_json(&text);
    assert_eq!(Guide::from_json_owned(text.clone()), borrowed);
    assert_eq!(Guide::from_json_bytes(text.into_bytes()), borrowed);
    borrowed
}

fn errors(v: &Value) -> Vec<String> {
    match load(v) {
        Ok(_) => vec![],
        Err(LoadError::Invalid(ps)) => ps.iter().map(ToString::to_string).collect(),
        Err(e) => vec![e.to_string()],
    }
}

#[test]
fn base_guide_is_valid() {
    assert_eq!(errors(&common::base()), Vec::<String>::new());
}

#[test]
fn syntax_errors_name_line_and_column() {
    let err = Guide::from_json("{\n  \"format\": 1,\n  \"id\": \n}").unwrap_err();
    assert_eq!(err.to_string(), "line 4, column 1: expected value");
    let err = Guide::from_json(
        &common::base()
            .to_string()
            .replace("\"lang\"", "\"language\""),
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("line 1, column "), "{err}");
    assert!(
        err.to_string().contains("unknown field `language`"),
        "{err}"
    );
}

/// Each mutation of the base guide and the exact message (or messages) it must produce.
#[test]
fn validation_messages() {
    type Mutate = fn(&mut Value);
    let cases: Vec<(&str, Mutate, Vec<&str>)> = vec![
        ("format", |g| g["format"] = json!(2), vec!["guide field \"format\": format 2 is not supported (this build reads format 1)"]),
        ("bad guide id", |g| g["id"] = json!("Demo Guide"), vec!["guide field \"id\": \"Demo Guide\" is not a valid id (use lowercase letters, digits and hyphens, at most 64)"]),
        ("language", |g| g["lang"] = json!("english!"), vec!["guide field \"lang\": \"english!\" is not a language tag such as \"en\" or \"en-GB\""]),
        ("direction", |g| g["dir"] = json!("up"), vec!["guide field \"dir\": \"up\" is not a direction (use \"ltr\" or \"rtl\")"]),
        ("empty title", |g| g["title"] = json!("  "), vec!["guide field \"title\": is empty"]),
        ("missing start", |g| g["start"] = json!("nowhere"), vec!["guide field \"start\": refers to unknown node \"nowhere\""]),
        ("duplicate id", |g| g["nodes"][3]["id"] = json!("ok"), vec![
            "node \"ok\", field \"id\": id \"ok\" is used more than once",
            "node \"q\", field \"answers[1].next\": refers to unknown node \"done\"",
            "node \"s\", field \"next\": refers to unknown node \"done\"",
        ]),
        ("unknown reference", |g| g["nodes"][0]["answers"][1]["next"] = json!("gone"), vec!["node \"q\", field \"answers[1].next\": refers to unknown node \"gone\""]),
        ("unreachable", |g| {
            g["nodes"][0]["answers"][1]["next"] = json!("s");
            g["nodes"][1]["next"] = json!("ok");
            g["nodes"][1].as_object_mut().unwrap().remove("fixed");
        }, vec!["node \"done\", field \"id\": cannot be reached from the start"]),
        ("step without next", |g| { g["nodes"][1].as_object_mut().unwrap().remove("next"); }, vec!["node \"s\", field \"next\": is required on a step node"]),
        ("dead-end loop", |g| {
            g["nodes"][1]["next"] = json!("s");
            g["nodes"][1].as_object_mut().unwrap().remove("fixed");
        }, vec!["node \"ok\", field \"id\": cannot be reached from the start", "node \"s\", field \"id\": no outcome can be reached from this node"]),
        ("one answer", |g| { g["nodes"][0]["answers"].as_array_mut().unwrap().pop(); }, vec![
            "node \"q\", field \"answers\": has 1 answer(s); at least 2 are needed",
        ]),
        ("same label twice", |g| g["nodes"][0]["answers"][1]["label"] = json!(" A "), vec![
            "node \"q\", field \"answers[1].label\": is the same as answers[0].label; each answer needs a label of its own",
        ]),
        ("empty label", |g| g["nodes"][0]["answers"][0]["label"] = json!(""), vec!["node \"q\", field \"answers[0].label\": is empty"]),
        ("empty step text", |g| g["nodes"][1]["text"] = json!(""), vec!["node \"s\", field \"text\": is empty"]),
        ("http link", |g| g["nodes"][1]["text"] = json!("See [help](http://example.com)."), vec![
            "node \"s\", field \"text\": link \"http://example.com\" is not allowed: only https, mailto and tel links are",
        ]),
        ("javascript link", |g| g["nodes"][3]["text"] = json!("[x](javascript:alert)"), vec![
            "node \"done\", field \"text\": link \"javascript:alert\" is not allowed: only https, mailto and tel links are",
        ]),
        ("missing alt", |g| g["nodes"][1]["image"] = json!({ "src": "https://example.com/a.png", "alt": "" }), vec!["node \"s\", field \"image.alt\": is empty"]),
        ("image scheme", |g| g["nodes"][1]["image"] = json!({ "src": "data:image/png;base64,AAAA", "alt": "x" }), vec![
            "node \"s\", field \"image.src\": image source \"data:image/png;base64,AAAA\" is not allowed (use https or a relative path)",
        ]),
        ("fixed not resolved", |g| g["nodes"][1]["fixed"] = json!("done"), vec![
            "node \"s\", field \"fixed\": must lead to a resolved outcome, and \"done\" is not one",
            "node \"ok\", field \"id\": cannot be reached from the start",
        ]),
        ("fixed and next the same", |g| g["nodes"][1]["next"] = g["nodes"][1]["fixed"].clone(), vec![
            "node \"s\", field \"fixed\": is \"ok\", as is \"next\": \"did this fix it?\" would lead there either way",
        ]),
        ("answers on a step", |g| g["nodes"][1]["answers"] = json!([{ "label": "x", "next": "ok" }]), vec!["node \"s\", field \"answers\": is not allowed on a step node"]),
        ("outcome without kind", |g| { g["nodes"][2].as_object_mut().unwrap().remove("outcome"); }, vec!["node \"ok\", field \"outcome\": is required on a outcome node"]),
        ("bad date", |g| g["nodes"][1]["reviewed"] = json!("2026-13-01"), vec!["node \"s\", field \"reviewed\": \"2026-13-01\" is not a date in the form YYYY-MM-DD"]),
        ("long text", |g| g["nodes"][1]["text"] = json!("x".repeat(4001)), vec!["node \"s\", field \"text\": is 4001 characters long, more than the limit of 4000"]),
        ("too many answers", |g| g["nodes"][0]["answers"] = json!((0..13).map(|i| json!({ "label": format!("a{i}"), "next": "done" })).collect::<Vec<_>>()), vec![
            "node \"q\", field \"answers\": has 13 entries, more than the limit of 12",
        ]),
        ("unknown term", |g| g["nodes"][1]["text"] = json!("Open {place}."), vec!["node \"s\", field \"text\": uses unknown term \"place\""]),
        ("terms without variants", |g| g["terms"] = json!({ "place": { "a": "x" } }), vec!["guide field \"terms\": terms need at least one variant"]),
        ("term missing a variant", |g| {
            g["variants"] = json!([{ "id": "new", "label": "New" }, { "id": "old", "label": "Old" }]);
            g["terms"] = json!({ "place": { "new": "Settings > Apps" } });
        }, vec!["guide field \"terms.place\": has no text for variant \"old\""]),
        ("unknown variant", |g| {
            g["variants"] = json!([{ "id": "new", "label": "New" }]);
            g["nodes"][0]["answers"][0]["sets"] = json!("old");
        }, vec!["node \"q\", field \"answers[0].sets\": refers to unknown variant \"old\""]),
        ("control character in a title", |g| g["nodes"][0]["title"] = json!("Which\u{0}one?"), vec![
            "node \"q\", field \"title\": has control character U+0000; only tabs and line breaks may be used",
        ]),
        ("control character in a term", |g| {
            g["variants"] = json!([{ "id": "new", "label": "New" }]);
            g["terms"] = json!({ "place": { "new": "Settings\u{7f}" } });
        }, vec!["guide field \"terms.place.new\": has control character U+007F; only tabs and line breaks may be used"]),
        ("C1 control character", |g| g["nodes"][3]["text"] = json!("Call\u{85}us."), vec![
            "node \"done\", field \"text\": has control character U+0085; only tabs and line breaks may be used",
        ]),
        ("unclosed term", |g| {
            g["variants"] = json!([{ "id": "new", "label": "New" }]);
            g["nodes"][1]["text"] = json!("Open {place");
        }, vec!["node \"s\", field \"text\": has a \"{\" with no \"}\" after it"]),
        ("line breaks and tabs in a text", |g| g["nodes"][1]["text"] = json!("One.\r\n\tTwo."), vec![]),
        ("a bad title and a graph problem", |g| {
            // The graph is checked after the nodes, with the title put aside: a problem
            // with the title must not hide the graph's.
            g["title"] = json!("");
            g["nodes"].as_array_mut().unwrap().push(json!({ "id": "lost", "kind": "outcome", "outcome": "resolved", "title": "t", "text": "t" }));
        }, vec!["guide field \"title\": is empty", "node \"lost\", field \"id\": cannot be reached from the start"]),
        ("several problems at once", |g| {
            g["nodes"][0]["title"] = json!("");
            g["nodes"][3]["text"] = json!("**open");
        }, vec!["node \"q\", field \"title\": is empty", "node \"done\", field \"text\": unclosed **"]),
    ];
    for (name, mutate, want) in cases {
        let mut g = common::base();
        mutate(&mut g);
        let mut got = errors(&g);
        let mut want: Vec<String> = want.into_iter().map(String::from).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "case {name:?}");
    }
}

/// Ids and references may be written with escapes; they are compared, and reported, by
/// their value.
#[test]
fn escaped_ids_are_read_by_their_value() {
    let text = serde_json::to_string(&common::base()).unwrap();
    let escaped = text.replace("\"s\"", "\"\\u0073\"");
    assert_ne!(text, escaped);
    let g = Guide::from_json(&escaped).unwrap();
    // The same guide but for its content hash, which is taken over the text as written.
    let plain = Guide::from_json(&text).unwrap();
    assert!(g.nodes().eq(plain.nodes()));
    assert_eq!(g.start(), plain.start());
    assert!(g.nodes().any(|(_, n)| n.id() == "s"));

    let twice = escaped.replacen("\"id\":\"ok\"", "\"id\":\"\\u0073\"", 1);
    assert_ne!(twice, escaped);
    let err = Guide::from_json(&twice).unwrap_err().to_string();
    assert!(
        err.contains("node \"s\", field \"id\": id \"s\" is used more than once"),
        "{err}"
    );
}

/// A node's texts and its answers' labels share one string; each reads back as written,
/// escapes decoded, text and labels kept apart, in a question and in a check.
#[test]
fn texts_and_labels_read_back_as_written() {
    let mut g = common::base();
    g["nodes"][0]["text"] = json!("Pick *one*.");
    g["nodes"][0]["answers"][0]["label"] = json!("A \"quoted\" é");
    g["nodes"][0]["answers"][1]["label"] = json!("B");
    g["nodes"].as_array_mut().unwrap().push(json!({
        "id": "look", "kind": "check", "title": "Look", "text": "Open it.",
        "link": { "label": "The page", "url": "https://example.com/" },
        "answers": [{ "label": "Seen", "next": "ok" }, { "label": "Not seen", "next": "done" }, { "label": "", "next": "done" }]
    }));
    g["nodes"][0]["answers"][1]["next"] = json!("look");
    // An empty label is refused; without it the check reads back.
    assert_eq!(
        errors(&g),
        vec!["node \"look\", field \"answers[2].label\": is empty"]
    );
    g["nodes"][4]["answers"].as_array_mut().unwrap().pop();
    let guide = load(&g).unwrap();
    let labels = |id: &str| -> (String, Vec<String>) {
        let (_, node) = guide.nodes().find(|(_, n)| n.id() == id).unwrap();
        let labels = node
            .choices()
            .iter()
            .map(|(c, _)| match c {
                Choice::Answer(a) => a.label().get(Default::default()).to_owned(),
                other => panic!("{other:?}"),
            })
            .collect();
        (node.text().source(Default::default()).to_owned(), labels)
    };
    assert_eq!(
        labels("q"),
        (
            "Pick *one*.".to_owned(),
            vec!["A \"quoted\" é".to_owned(), "B".to_owned()]
        )
    );
    assert_eq!(
        labels("look"),
        (
            "Open it.".to_owned(),
            vec!["Seen".to_owned(), "Not seen".to_owned()]
        )
    );
}

/// A guide keeps its nodes' strings a few nodes to a string: every node of a guide long
/// enough to fill several of them reads back its own id, title, text and labels (in each
/// variant), and its own ways on, whatever its place; escapes and terms change a text's
/// length from the file's, and a question may have no text.
#[test]
fn every_node_reads_back_its_own_strings() {
    let mut nodes = Vec::new();
    for i in 0..40 {
        let next = format!("n{}", i + 1);
        nodes.push(match i % 4 {
            0 => json!({ "id": format!("n{i}"), "kind": "question", "title": format!("Q{i} {{where}}?"),
                "answers": [
                    { "label": format!("yes \"{i}\""), "next": next, "sets": "new" },
                    { "label": format!("no {i}"), "next": "end" }
                ] }),
            1 => json!({ "id": format!("n{i}"), "kind": "step", "title": format!("Step {i}"),
                "text": format!("Open **{{where}}**, line\n{i}."), "next": next, "fixed": "ok" }),
            2 => json!({ "id": format!("n{i}"), "kind": "question", "title": format!("Q{i}"),
                "text": format!("é{i}"),
                "answers": [
                    { "label": "a", "next": next },
                    { "label": format!("b{i}"), "next": "end" },
                    { "label": "c", "next": "ok" }
                ] }),
            _ => json!({ "id": format!("n{i}"), "kind": "step", "title": format!("S{i}"), "text": "Go on.", "next": next }),
        });
    }
    nodes.push(json!({ "id": "n40", "kind": "outcome", "outcome": "resolved", "title": "Last", "text": "Done." }));
    nodes.push(json!({ "id": "ok", "kind": "outcome", "outcome": "resolved", "title": "Fixed", "text": "Good." }));
    nodes.push(json!({ "id": "end", "kind": "outcome", "outcome": "escalate", "title": "Ask", "text": "Call us." }));
    let v = json!({ "format": 1, "id": "long", "title": "Long", "lang": "en", "version": "1",
        "start": "n0",
        "variants": [{ "id": "old", "label": "Old" }, { "id": "new", "label": "New" }],
        "terms": { "where": { "old": "Settings", "new": "Apps > Messages" } },
        "nodes": nodes });
    let g = load(&v).unwrap();
    assert_eq!(g.len(), 43);
    let old = VariantId::default();
    let new = match g.node(g.start()).choice(0) {
        Some((Choice::Answer(a), _)) => a.sets().unwrap(),
        other => panic!("{other:?}"),
    };
    assert_ne!(old, new);
    for (id, node) in g.nodes() {
        let i = id.index();
        let file = &v["nodes"][i];
        assert_eq!(node.id(), file["id"], "node {i}");
        assert_eq!(g.find(node.id()), Some(id), "node {i}");
        for (variant, place) in [(old, "Settings"), (new, "Apps > Messages")] {
            let put_in = |s: &str| s.replace("{where}", place);
            assert_eq!(
                node.title().get(variant),
                put_in(file["title"].as_str().unwrap()),
                "node {i}"
            );
            assert_eq!(
                node.text().source(variant),
                put_in(file["text"].as_str().unwrap_or("")),
                "node {i}"
            );
            let ways: Vec<(String, &str)> = node
                .ways_on()
                .map(|(c, to)| {
                    let label = match c {
                        Choice::Answer(a) => a.label().get(variant).to_owned(),
                        Choice::Continue => "continue".to_owned(),
                        Choice::Fixed => "fixed".to_owned(),
                        Choice::NotFixed => "not fixed".to_owned(),
                    };
                    (label, g.node(to).id())
                })
                .collect();
            let want: Vec<(String, &str)> = match file["kind"].as_str().unwrap() {
                "question" => file["answers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| {
                        (
                            a["label"].as_str().unwrap().to_owned(),
                            a["next"].as_str().unwrap(),
                        )
                    })
                    .collect(),
                "step" if file.get("fixed").is_some() => vec![
                    ("fixed".to_owned(), "ok"),
                    ("not fixed".to_owned(), file["next"].as_str().unwrap()),
                ],
                "step" => vec![("continue".to_owned(), file["next"].as_str().unwrap())],
                _ => vec![],
            };
            assert_eq!(ways, want, "node {i}");
        }
    }
}

/// A file's bytes must be UTF-8; the first byte that is not is reported by line and column
/// (in characters, as an editor counts them, after a byte order mark).
#[test]
fn bytes_that_are_not_utf8_are_named_by_line_and_column() {
    let cases: [(&[u8], &str); 4] = [
        (b"{\"id\": \"caf\xe9\"}", "line 1, column 12"),
        (
            b"{\n  \"title\": \"\xc3\xa9t\xc3\xa9 \xff\"\n}",
            "line 2, column 17",
        ),
        (b"\xef\xbb\xbf{\"a\": \"\xc3\"}", "line 1, column 8"),
        (b"\xed\xa0\x80", "line 1, column 1"), // an encoded surrogate: not UTF-8
    ];
    for (file, at) in cases {
        let err = Guide::from_json_bytes(file.to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{at}: the file is not UTF-8 text here: guides must be saved as UTF-8"),
            "{file:?}"
        );
    }
    // A byte order mark alone is passed over, as with a text.
    let mut file = b"\xef\xbb\xbf".to_vec();
    file.extend(common::base().to_string().into_bytes());
    assert!(Guide::from_json_bytes(file).is_ok());
}

#[test]
fn size_limits_refuse_hostile_files() {
    // Too large is said before anything is read: these bytes are not even UTF-8.
    let max = stepguide::guide::MAX_FILE_BYTES;
    assert_eq!(
        Guide::from_json_bytes(vec![0xff; max + 1])
            .unwrap_err()
            .to_string(),
        format!(
            "the guide is {} bytes, more than the limit of {max} bytes",
            max + 1
        )
    );
    let n = stepguide::guide::MAX_NODES + 1;
    let nodes: Vec<Value> = (0..n).map(|i| json!({ "id": format!("n{i}"), "kind": "outcome", "outcome": "resolved", "title": "t", "text": "t" })).collect();
    let mut g = common::base();
    g["nodes"] = json!(nodes);
    g["start"] = json!("n0");
    assert_eq!(
        errors(&g),
        vec![format!(
            "guide field \"nodes\": has {n} entries, more than the limit of 100000"
        )]
    );
}

fn demo() -> Rc<Guide> {
    Rc::new(load(&common::base()).unwrap())
}

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
fn content_hash_ignores_layout_but_not_content() {
    let v = common::base();
    let compact = serde_json::to_string(&v).unwrap();
    let pretty = serde_json::to_string_pretty(&v).unwrap();
    let hash = |s: &str| Guide::from_json(s).unwrap().content_hash();
    assert_eq!(hash(&compact), hash(&pretty));
    assert_eq!(hash(&compact), hash(&format!("\u{feff}{pretty}")));
    // Whitespace inside a string is content.
    let mut spaced = v.clone();
    let title = spaced["title"].as_str().unwrap().to_owned();
    spaced["title"] = json!(format!("{title} "));
    assert_ne!(
        hash(&compact),
        hash(&serde_json::to_string(&spaced).unwrap())
    );
    // An escaped quote does not end the string: the space after it is still content.
    let mut quoted = v.clone();
    quoted["title"] = json!(format!("{title}\" x"));
    let mut quoted2 = v;
    quoted2["title"] = json!(format!("{title}\"x"));
    assert_ne!(
        hash(&serde_json::to_string(&quoted).unwrap()),
        hash(&serde_json::to_string(&quoted2).unwrap())
    );
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
    let t = stepguide::transcript::transcript(&w, &stepguide::strings::EN);
    assert_eq!(
        t,
        "Guide: Demo (demo)\nVersion: 1\nSteps:\n1. Which? — A\n2. Do it — No, still not working\nOutcome: contact support — Ask\n"
    );
}

#[test]
fn paths_and_graphs() {
    let g = demo();
    let paths = Paths::of(&g, 100);
    assert_eq!(paths.walks.len(), 3);
    assert_eq!(paths.by_outcome(), [1, 0, 2]);
    assert_eq!(paths.shortest_longest(), Some((2, 3)));
    let m = graph(&g, GraphFormat::Mermaid);
    assert!(m.starts_with("flowchart TD\n"));
    assert!(m.contains("n0 -->|\"A\"| n1"), "{m}");
    let d = graph(&g, GraphFormat::Dot);
    assert!(d.contains("\"s\" -> \"ok\" [label=\"fixed\"];"), "{d}");
}

#[test]
fn deep_chains_do_not_overflow_the_stack() {
    let n = 100_000;
    let nodes: Vec<Value> = (0..n)
        .map(|i| {
            if i == n - 1 {
                json!({ "id": format!("n{i}"), "kind": "outcome", "outcome": "resolved", "title": "t", "text": "t" })
            } else {
                json!({ "id": format!("n{i}"), "kind": "step", "title": "t", "text": "t", "next": format!("n{}", i + 1) })
            }
        })
        .collect();
    let g = json!({ "format": 1, "id": "deep", "title": "Deep", "lang": "en", "version": "1", "start": "n0", "nodes": nodes });
    let g = load(&g).unwrap();
    assert_eq!(g.remaining(g.start()), (n as u32 - 1, n as u32 - 1));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

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

    /// Parse and validate never panic, whatever the bytes.
    #[test]
    fn loading_never_panics(s in "\\PC{0,400}") {
        let _ = Guide::from_json(&s);
    }

    /// Reading markup never panics, and whatever the strict parse accepts reads to the same
    /// tree: a checked guide keeps texts as source and reads them when shown. Checking
    /// without a tree gives the parse's verdict.
    #[test]
    fn markup_read_agrees_with_parse(s in r#"[a-z \n*\[\]()>\\:/.-]{0,80}|[a-z *\[\]]{0,20}\[x\]\(https://a\.example\)[a-z *]{0,20}"#) {
        let read = stepguide::markup::Rich::read(&s);
        prop_assert_eq!(stepguide::markup::Rich::check(&s), stepguide::markup::Rich::parse(&s).map(drop));
        if let Ok(parsed) = stepguide::markup::Rich::parse(&s) {
            prop_assert_eq!(read, parsed);
        }
    }

    /// The guide's JSON reader reads any JSON without fractions as serde_json does, laid out
    /// compactly or indented.
    #[test]
    fn json_reader_agrees_with_serde_json(v in json_value()) {
        for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
            let ours: Value = stepguide::guide::json::from_str(&text).unwrap();
            prop_assert_eq!(&ours, &v);
        }
    }

    /// A string kept as written decodes to the string that was written, whatever it holds
    /// and however its characters are escaped.
    #[test]
    fn literals_decode_to_what_was_written(s in any::<String>(), ascii_only in any::<bool>()) {
        let mut text = serde_json::to_string(&s).unwrap();
        if ascii_only {
            // Every character outside ASCII as a \u escape, surrogate pairs included.
            text = s.encode_utf16().fold(String::from("\""), |mut t, u| {
                match u {
                    0x20..=0x7e if u != u16::from(b'"') && u != u16::from(b'\\') => t.push(char::from(u as u8)),
                    _ => t.push_str(&format!("\\u{u:04x}")),
                }
                t
            }) + "\"";
        }
        let lit: stepguide::guide::json::Literal = stepguide::guide::json::from_str(&text).unwrap();
        prop_assert_eq!(lit.has_escapes(), text.contains('\\'));
        prop_assert_eq!(lit.decode(), s.as_str());
    }

    /// On JSON-like noise the reader never panics, and whatever it accepts serde_json reads
    /// to the same value.
    #[test]
    fn json_reader_accepts_only_json(s in r#"[\[\]{}",:0-9a-z\\ \n-]{0,60}"#) {
        if let Ok(ours) = stepguide::guide::json::from_str::<Value>(&s) {
            let theirs: Value = serde_json::from_str(&s).unwrap();
            prop_assert_eq!(ours, theirs);
        }
    }
}

/// Any JSON value without fractions: the shapes a guide file is made of, nested.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        "\\PC{0,12}".prop_map(Value::String),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map("\\PC{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every generated guide and the iMessage guide read as serde_json reads them: as JSON
/// values, and (where no string has an escape, which only this crate's reader can keep as
/// written) as raw guides.
#[test]
fn json_reader_reads_guides_as_serde_json_does() {
    let mut texts = vec![std::fs::read_to_string("guides/imessage-signed-out.json").unwrap()];
    texts.extend((0..20).map(|seed| common::generated(40, seed, seed % 2 == 0)));
    for text in &texts {
        let ours: Value = stepguide::guide::json::from_str(text).unwrap();
        let theirs: Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
        let ours: stepguide::guide::raw::RawGuide = stepguide::guide::json::from_str(text).unwrap();
        match serde_json::from_str::<stepguide::guide::raw::RawGuide>(text) {
            Ok(theirs) => assert_eq!(format!("{ours:?}"), format!("{theirs:?}")),
            Err(e) => assert!(text.contains('\\'), "{e}"),
        }
    }
    // The iMessage guide has escapes (line breaks in its texts), so the comparison above
    // was made on values for it; the generated ones are compared as raw guides too.
    assert!(texts[0].contains('\\') && !texts[1].contains('\\'));
}

/// Terms are put in per variant; a backslash keeps the next character (a brace too) for the
/// markup reader, which shows it as it is.
#[test]
fn terms_are_put_in_for_each_variant() {
    let g = Guide::from_json(
        &json!({
            "format": 1, "id": "terms", "title": "Terms", "lang": "en", "version": "1", "start": "s",
            "variants": [{ "id": "new", "label": "New" }, { "id": "old", "label": "Old" }],
            "terms": { "place": { "new": "Apps > Messages", "old": "Messages" }, "é": { "new": "N", "old": "O" } },
            "nodes": [
                { "id": "s", "kind": "step", "title": "{place}, é{é}", "text": "\\*{place}\\{place} \\é [[Settings > {place}]]{é}", "next": "end" },
                { "id": "end", "kind": "outcome", "outcome": "escalate", "title": "End", "text": "e" }
            ]
        })
        .to_string(),
    );
    // A term's name is an id; the "é" term is refused, and so is each text that uses it.
    let err = g.unwrap_err().to_string();
    assert!(
        err.contains("guide field \"terms.é\": \"é\" is not a valid id"),
        "{err}"
    );
    let g = Guide::from_json(
        &json!({
            "format": 1, "id": "terms", "title": "Terms", "lang": "en", "version": "1", "start": "s",
            "variants": [{ "id": "new", "label": "New" }, { "id": "old", "label": "Old" }],
            "terms": { "place": { "new": "Apps > Messages", "old": "Messages" } },
            "nodes": [
                { "id": "s", "kind": "step", "title": "{place}, é", "text": "\\*{place}\\{place} \\é [[Settings > {place}]]", "next": "end" },
                { "id": "end", "kind": "outcome", "outcome": "escalate", "title": "End", "text": "e" }
            ]
        })
        .to_string(),
    )
    .unwrap();
    let s = g.node(g.start());
    let new = stepguide::guide::VariantId::default();
    assert_eq!(s.title().get(new), "Apps > Messages, é");
    assert_eq!(
        s.text().source(new),
        "\\*Apps > Messages\\{place} \\é [[Settings > Apps > Messages]]"
    );
    assert_eq!(
        s.text().get(new).plain(),
        "*Apps > Messages{place} é Settings > Apps > Messages"
    );
    assert_eq!(s.text().versions(), 2);
}

/// Terms are found by name whatever their order in the file; a term, or a term's variant,
/// named twice is reported (a JSON object may repeat a name, and which one a reader keeps
/// is up to the reader).
#[test]
fn terms_are_found_in_any_order_and_a_name_given_twice_is_reported() {
    let guide = |terms: &str| {
        format!(
            r#"{{"format":1,"id":"t","title":"T","lang":"en","version":"1","start":"s",
            "variants":[{{"id":"new","label":"New"}},{{"id":"old","label":"Old"}}],
            "terms":{terms},
            "nodes":[{{"id":"s","kind":"step","title":"{{zebra}} {{apple}} {{mango}}","text":"Go.","next":"end"}},
                     {{"id":"end","kind":"outcome","outcome":"resolved","title":"Done","text":"Ok."}}]}}"#
        )
    };
    let g = Guide::from_json(&guide(
        r#"{"zebra":{"new":"Z","old":"z"},"mango":{"new":"M","old":"m"},"apple":{"old":"a","new":"A"}}"#,
    ))
    .unwrap();
    let title = g.node(g.start()).title();
    assert_eq!(title.get(stepguide::guide::VariantId::default()), "Z A M");
    let err = Guide::from_json(&guide(
        r#"{"zebra":{"new":"Z","old":"z","new":"Y"},"mango":{"new":"M","old":"m"},"apple":{"new":"A","old":"a"},"zebra":{"new":"X","old":"x"}}"#,
    ))
    .unwrap_err();
    let LoadError::Invalid(problems) = err else {
        panic!("{err}")
    };
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "guide field \"terms.zebra\": id \"new\" is used more than once",
            "guide field \"terms.zebra\": id \"zebra\" is used more than once",
        ]
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

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    // The format has a fixed shape (no field takes arbitrary JSON), so nesting stops at the
    // first value of the wrong type; the JSON reader's depth limit backs that up, and the
    // markup has no nesting at all.
    let hostile = format!("{{\"format\": 1, \"id\": {}", "[".repeat(100_000));
    let err = Guide::from_json(&hostile).unwrap_err().to_string();
    assert_eq!(
        err,
        "line 1, column 21: invalid type: sequence, expected a string"
    );
}

#[test]
fn links_lists_each_outside_page_once_per_node_and_field() {
    let mut g = common::base();
    g["variants"] = json!([{ "id": "new", "label": "New" }, { "id": "old", "label": "Old" }]);
    g["terms"] =
        json!({ "page": { "new": "https://a.example/new", "old": "https://a.example/old" } });
    g["nodes"][0]["kind"] = json!("check");
    g["nodes"][0]["text"] =
        json!("Look at [the status page](https://status.example/), then answer.");
    g["nodes"][0]["link"] = json!({ "label": "Status", "url": "https://status.example/" });
    g["nodes"][1]["text"] = json!("See [this]({page}), [this again]({page}), [mail](mailto:help@a.example) or [call](tel:+15550100).");
    g["nodes"][1]["image"] =
        json!({ "src": "https://img.example/switch.png", "alt": "The switch" });
    g["nodes"][2]["image"] = json!({ "src": "images/local.png", "alt": "On this site" });
    let guide = load(&g).unwrap();
    let found = links(&guide);
    let found: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|LinkUse { node, field, url }| (*node, *field, url.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("q", "link.url", "https://status.example/"),
            ("q", "text", "https://status.example/"),
            ("s", "image.src", "https://img.example/switch.png"),
            ("s", "text", "https://a.example/new"),
            ("s", "text", "https://a.example/old"),
        ]
    );
}

#[test]
fn the_article_marks_interface_words_in_another_language_than_the_guide() {
    let article = |lang: &str| {
        let mut g = common::base();
        g["lang"] = json!(lang);
        let guide = load(&g).unwrap();
        stepguide::article::article(&guide, stepguide::strings::words_in(lang, lang))
    };
    let es = article("es");
    assert!(es.starts_with("<article class=\"stepguide-article\" lang=\"es\""));
    assert!(es.contains("<p lang=\"en\">Did this fix it?</p>"), "{es}");
    assert!(
        es.contains("<a href=\"#sg-ok\" lang=\"en\">Yes, it&#39;s fixed</a>"),
        "{es}"
    );
    // The guide's own answers are in the guide's language.
    assert!(es.contains("<a href=\"#sg-s\">A</a>"), "{es}");
    // In the interface's language, only the article says it.
    assert_eq!(article("en-GB").matches("lang=").count(), 1);
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
