//! Reading and checking guide files: every problem's message, escapes and limits, texts read
//! back as written, and no panic on any input.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{errors, load};
use proptest::prelude::*;
use serde_json::{json, Value};
use stepguide::guide::{Choice, Guide, VariantId};
use stepguide::validate::LoadError;

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

/// A node's texts and its answers' labels each read back as written,
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

/// Every node of a long guide reads back its own id, title, text and labels (in each
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

proptest! {
    #![proptest_config(common::proptest_config(64))]

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
        let read = stepguide::guide::markup::Rich::read(&s);
        prop_assert_eq!(stepguide::guide::markup::Rich::check(&s), stepguide::guide::markup::Rich::parse(&s).map(drop));
        if let Ok(parsed) = stepguide::guide::markup::Rich::parse(&s) {
            prop_assert_eq!(read, parsed);
        }
    }
}
