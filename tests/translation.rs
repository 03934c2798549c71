//! Translations of a guide: reading them with the guide, what they leave in the guide's own
//! language, and the coverage report's messages.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::{json, Value};
use std::rc::Rc;
use stepguide::guide::{Field, Guide};
use stepguide::validate::translation::{sibling_url, source_hash, Gap};
use stepguide::walk::{token, Walk};

const GUIDE: &str = include_str!("../guides/imessage-signed-out.json");
const SPANISH: &str = include_str!("../guides/imessage-signed-out.es.json");

/// The base guide with a translation listed, and a Spanish translation of all of it.
fn pair() -> (Value, Value) {
    let mut g = common::base();
    g["translations"] = json!(["es"]);
    let of = |texts: &[&str]| source_hash(texts.iter().copied());
    let t = json!({
        "format": 1, "translates": "demo", "lang": "es", "of": of(&["Demo"]),
        "title": "Demostración",
        "nodes": {
            "q": { "of": of(&["Which?", "A", "B"]), "title": "¿Cuál?", "answers": ["Una", "Otra"] },
            "s": { "of": of(&["Do it", "Tap [[Settings > General]]."]), "title": "Hazlo", "text": "Toca [[Ajustes > General]]." },
            "ok": { "of": of(&["Fixed", "Good."]), "title": "Solucionado", "text": "Bien." },
            "done": { "of": of(&["Ask", "Call us."]), "title": "Pregunta", "text": "Llámanos." }
        }
    });
    (g, t)
}

fn translated(
    g: &Value,
    t: &Value,
) -> Result<stepguide::validate::translation::Translated, String> {
    Guide::translated(&g.to_string(), &t.to_string()).map_err(|e| e.to_string())
}

#[test]
fn the_spanish_imessage_guide_covers_every_text() {
    let t = Guide::translated(GUIDE, SPANISH).expect("the Spanish translation reads");
    assert_eq!(t.coverage.gaps, []);
    assert_eq!(t.coverage.translated(), t.coverage.texts);
    assert_eq!(t.guide.lang(), "es");
    assert_eq!(t.guide.len(), Guide::from_json(GUIDE).unwrap().len());
    let start = t.guide.start();
    assert_eq!(
        t.guide.node(start).title().get(Default::default()),
        "¿Qué iOS tiene tu iPhone?"
    );
    assert_eq!(t.guide.text_lang(start, Field::Title).tag, "es");
}

#[test]
fn a_token_made_in_spanish_opens_the_same_step_in_english() {
    let english = Rc::new(Guide::from_json(GUIDE).unwrap());
    let spanish = Rc::new(Guide::translated(GUIDE, SPANISH).unwrap().guide);
    assert_eq!(english.content_hash(), spanish.content_hash());
    let mut walk = Walk::new(Rc::clone(&spanish));
    walk.answer(0).unwrap();
    walk.answer(0).unwrap();
    let made = token::encode(&walk);
    let opened = token::decode(Rc::clone(&english), &made).expect("the token opens in English");
    assert_eq!(opened.current(), walk.current());
    assert_eq!(
        english.node(opened.current()).id(),
        spanish.node(walk.current()).id()
    );
}

#[test]
fn missing_and_stale_texts_stay_in_the_guide_s_language_and_are_listed() {
    let (g, mut t) = pair();
    // One text left out, one node changed after it was translated, one node not translated.
    t["nodes"]["s"].as_object_mut().unwrap().remove("text");
    t["nodes"]["ok"]["of"] = json!("00000000");
    t["nodes"].as_object_mut().unwrap().remove("done");
    let got = translated(&g, &t).unwrap();
    let guide = &got.guide;
    let id = |name: &str| guide.nodes().find(|(_, n)| n.id() == name).unwrap().0;
    let v = Default::default();
    assert_eq!(guide.node(id("s")).title().get(v), "Hazlo");
    assert_eq!(guide.text_lang(id("s"), Field::Title).tag, "es");
    assert_eq!(
        guide.node(id("s")).text().source(v),
        "Tap [[Settings > General]]."
    );
    assert_eq!(guide.text_lang(id("s"), Field::Text).tag, "en");
    // A stale node shows the current English, all of it.
    assert_eq!(guide.node(id("ok")).title().get(v), "Fixed");
    assert_eq!(guide.text_lang(id("ok"), Field::Title).tag, "en");
    assert_eq!(guide.text_lang(id("q"), Field::Answer(1)).tag, "es");
    assert_eq!(
        got.coverage.messages(),
        [
            "node \"s\", field \"text\": missing in es",
            "node \"ok\", field \"title\": stale (the text changed after it was translated) in es",
            "node \"ok\", field \"text\": stale (the text changed after it was translated) in es",
            "node \"done\", field \"title\": missing in es",
            "node \"done\", field \"text\": missing in es",
        ]
    );
    assert_eq!(got.coverage.texts, 10);
    assert_eq!(got.coverage.translated(), 5);
    assert!(got.coverage.gaps.iter().any(|g| g.2 == Gap::Stale));
    // The report gives the `of` each stale or untranslated node needs now.
    let nodes: Vec<_> = got.coverage.hashes.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(nodes, [Some("ok".to_owned()), Some("done".to_owned())]);
    // A changed title makes the guide's own texts stale: the title stays English.
    let (mut g2, t2) = pair();
    g2["title"] = json!("Demo, second edition");
    let got = translated(&g2, &t2).unwrap();
    assert_eq!(got.guide.title().get(v), "Demo, second edition");
    assert_eq!(got.guide.title_lang().tag, "en");
}

#[test]
fn translation_problems_name_the_node_and_field() {
    type Mutate = fn(&mut Value, &mut Value);
    let cases: &[(&str, Mutate, &str)] = &[
        ("another guide", |_, t| t["translates"] = json!("other"),
         "guide field \"translation: translates\": translates \"other\", not this guide"),
        ("a bad language", |_, t| t["lang"] = json!("español"),
         "guide field \"translation: lang\": \"español\" is not a language tag such as \"en\" or \"en-GB\""),
        ("a bad direction", |_, t| t["dir"] = json!("up"),
         "guide field \"translation: dir\": \"up\" is not a direction (use \"ltr\" or \"rtl\")"),
        ("an unknown node", |_, t| t["nodes"]["gone"] = json!({ "title": "x" }),
         "guide field \"translation: nodes.gone\": refers to unknown node \"gone\""),
        ("too few answers", |_, t| t["nodes"]["q"]["answers"] = json!(["Una"]),
         "node \"q\", field \"translation: answers\": gives 1 answers where the node has 2"),
        ("a text the node lacks", |_, t| t["nodes"]["q"]["text"] = json!("x"),
         "node \"q\", field \"translation: text\": translates a text the node does not have"),
        ("bad markup", |_, t| t["nodes"]["s"]["text"] = json!("**abierto"),
         "node \"s\", field \"text\": unclosed **"),
        ("a translation listed twice", |g, _| g["translations"] = json!(["es", "ES"]),
         "guide field \"translations[1]\": \"ES\" is listed twice, or is the guide's own language"),
    ];
    for (name, mutate, want) in cases {
        let (mut g, mut t) = pair();
        mutate(&mut g, &mut t);
        let got = match translated(&g, &t) {
            Ok(_) => String::new(),
            Err(e) => e,
        };
        assert_eq!(got, *want, "case {name}");
    }
    let (g, _) = pair();
    let err = Guide::translated(&g.to_string(), "{")
        .err()
        .unwrap()
        .to_string();
    assert_eq!(
        err,
        "line 1, column 2: translation: the text ended while reading an object"
    );
}

#[test]
fn a_translation_sits_beside_its_guide() {
    let cases = [
        ("guides/x.json", "guides/x.es.json"),
        (
            "https://a.example/g/x.json?v=2",
            "https://a.example/g/x.es.json?v=2",
        ),
        (
            "https://a.example/g/x.json#top",
            "https://a.example/g/x.es.json#top",
        ),
        ("https://a.example/guide", "https://a.example/guide.es.json"),
    ];
    for (url, want) in cases {
        assert_eq!(sibling_url(url, "es"), want, "{url}");
    }
}
