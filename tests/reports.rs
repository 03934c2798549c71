//! The authors' reports: every path, the diagrams, the outside links and the static article.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{demo, load};
use serde_json::json;
use stepguide::cli::analysis::{graph, links, GraphFormat, LinkUse, Paths};

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
        stepguide::cli::article::article(&guide, &stepguide::words::catalogue::shipped(lang))
    };
    // Portuguese has no catalogue: its interface words are English, and say so.
    let pt = article("pt");
    assert!(pt.starts_with("<article class=\"stepguide-article\" lang=\"pt\""));
    assert!(pt.contains("<p lang=\"en\">Did this fix it?</p>"), "{pt}");
    assert!(
        pt.contains("<a href=\"#sg-ok\" lang=\"en\">Yes, it&#39;s fixed</a>"),
        "{pt}"
    );
    // The guide's own answers are in the guide's language.
    assert!(pt.contains("<a href=\"#sg-s\">A</a>"), "{pt}");
    // Spanish has one: the words are Spanish, in the article's language.
    let es = article("es-MX");
    assert!(es.contains("<p>¿Se ha solucionado?</p>"), "{es}");
    // In the interface's language, only the article says it.
    assert_eq!(article("en-GB").matches("lang=").count(), 1);
}
