//! The bundled "iMessage is Signed Out" guide: valid, complete, and every path walked.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::rc::Rc;
use stepguide::analysis::Paths;
use stepguide::guide::{Choice, Guide, Kind, OutcomeKind};
use stepguide::markup::plain_inlines;
use stepguide::walk::Walk;

fn guide() -> Rc<Guide> {
    Rc::new(Guide::from_json(stepguide::BUNDLED_GUIDE).expect("the bundled guide is valid"))
}

fn text_of(walk: &Walk) -> String {
    let g = walk.guide();
    let node = g.node(walk.current());
    let mut s = node.title().get(walk.variant()).to_owned();
    s.push('\n');
    s.push_str(&node.text().get(walk.variant()).plain());
    s
}

/// Every fact of the source article, as a topic that at least one node must carry.
const TOPICS: &[&str] = &[
    "meaning",               // what the alert means
    "causes",                // its usual causes
    "imessage-switch",       // iMessage switched on in the Messages settings
    "toggle-reset",          // off, wait, on again to force a fresh sign-in
    "alert-settings-button", // the alert's own Settings button
    "send-receive",          // Send & Receive below the switch
    "no-addresses",          // "No Addresses" is the cause
    "sign-in",               // sign in with the Apple account the phone uses
    "other-account",         // or another account
    "phone-number",          // select the phone number too
    "carrier-activation",    // the carrier's activation text
    "start-from",            // new conversations from the number or the email
    "sim-esim",              // a SIM swap or a move to eSIM
    "system-status",         // Apple's System Status page
    "outage",                // yellow: wait and try later
    "restart",
    "update",
    "internet",
    "reset-network",
    "reset-network-erases", // what resetting erases, before doing it
    "contact-apple",        // Apple Support app or contact page
    "ios-version",          // the path and words of the person's iOS
];

/// The widget shows the guide `build.rs` wrote out as data; it must be the file, read and
/// checked as any guide is, down to every text, link, image, topic and distance.
#[test]
fn the_widgets_bundled_guide_is_the_file_read_and_checked() {
    let read = Guide::from_json(stepguide::BUNDLED_GUIDE).expect("the bundled guide is valid");
    let bundled = stepguide::bundled_guide();
    assert_eq!(bundled, read);
    assert_eq!(bundled.content_hash(), read.content_hash());
}

#[test]
fn every_fact_has_a_node() {
    let g = guide();
    let covered: BTreeSet<&str> = g
        .nodes()
        .flat_map(|(_, n)| n.topics().iter().map(|t| &**t))
        .collect();
    let missing: Vec<&&str> = TOPICS.iter().filter(|t| !covered.contains(**t)).collect();
    assert!(missing.is_empty(), "topics with no node: {missing:?}");
}

#[test]
fn every_node_records_its_review_date() {
    for (_, n) in guide().nodes() {
        let date = n
            .reviewed()
            .unwrap_or_else(|| panic!("node {} has no review date", n.id()));
        assert!(
            date.as_bytes()[4] == b'-' && date.len() == 10,
            "node {}: {date}",
            n.id()
        );
    }
}

#[test]
fn every_path_ends_in_the_outcome_its_last_answer_calls_for() {
    let g = guide();
    let paths = Paths::of(&g, 10_000);
    assert!(!paths.truncated);
    assert!(paths.walks.len() > 100, "only {} paths", paths.walks.len());
    for walk in &paths.walks {
        let last = *walk
            .visits()
            .last()
            .expect("no path ends on the first screen");
        let (choice, _) = walk.choice_of(last).unwrap();
        let last_node = g.node(last.node);
        let outcome = walk.outcome().expect("every path ends at an outcome");
        let path = stepguide::analysis::describe_path(walk);
        match choice {
            // A fix that worked ends the walk at once, as resolved, at the outcome naming it.
            Choice::Fixed => {
                assert_eq!(outcome, OutcomeKind::Resolved, "{path}");
                assert!(
                    matches!(last_node.kind(), Kind::Step { fixed: Some(f), .. } if *f == walk.current()),
                    "{path}"
                );
            }
            // A yellow status means waiting for Apple.
            Choice::Answer(a) if a.label().get(walk.variant()).starts_with("Yellow") => {
                assert_eq!(last_node.id(), "status", "{path}");
                assert_eq!(outcome, OutcomeKind::Waiting, "{path}");
            }
            // Anything else that ends a walk is the last resort.
            _ => {
                assert_eq!(outcome, OutcomeKind::Escalate, "{path}");
                assert_eq!(g.node(walk.current()).id(), "contact-apple", "{path}");
            }
        }
        // Nothing is asked twice on one path.
        let mut seen = BTreeSet::new();
        for v in walk.visits() {
            assert!(
                seen.insert(v.node),
                "{path} shows {} twice",
                g.node(v.node).id()
            );
        }
        // Resolved outcomes are reached only through a fix that worked.
        if outcome == OutcomeKind::Resolved {
            assert_eq!(choice, Choice::Fixed, "{path}");
        }
    }
}

#[test]
fn both_ios_variants_are_walked_with_their_own_words() {
    let g = guide();
    let paths = Paths::of(&g, 10_000);
    let mut seen = BTreeSet::new();
    for walk in &paths.walks {
        let variant = &g.variants()[walk.variant().index()];
        seen.insert(variant.id.clone());
        // Replay the path and read each screen in the variant the walk is in.
        let mut w = Walk::new(Rc::clone(&g));
        for v in walk.visits() {
            let text = text_of(&w);
            if w.visits().is_empty() {
                assert!(text.contains("Settings > General > About"));
            } else if variant.id == "ios18" {
                assert!(!text.contains("Apple ID"), "{text}");
                assert!(!text.contains("Settings > Messages"), "{text}");
            } else {
                assert!(!text.contains("Apple Account"), "{text}");
                assert!(!text.contains("Settings > Apps > Messages"), "{text}");
            }
            w.answer(usize::from(v.choice)).unwrap();
        }
    }
    assert_eq!(
        seen,
        BTreeSet::from(["ios17".to_owned(), "ios18".to_owned()])
    );

    let on = g.find("imessage-on").unwrap();
    let sign_in = g.find("sign-in").unwrap();
    let paragraph = |id, variant| {
        let rich = g.node(id).text().get(variant);
        match &rich.0[0] {
            stepguide::markup::Block::Paragraph(p) => plain_inlines(p),
            _ => String::new(),
        }
    };
    let ios18 = g.variant_for_ios(18).unwrap();
    let ios17 = g.variant_for_ios(17).unwrap();
    assert!(paragraph(on, ios18).starts_with("Open Settings > Apps > Messages."));
    assert!(paragraph(on, ios17).starts_with("Open Settings > Messages."));
    assert!(g
        .node(sign_in)
        .text()
        .get(ios18)
        .plain()
        .contains("Use your Apple Account for iMessage"));
    assert!(g
        .node(sign_in)
        .text()
        .get(ios17)
        .plain()
        .contains("Use your Apple ID for iMessage"));
}

#[test]
fn ios_version_detection_picks_a_variant() {
    let g = guide();
    let id = |v: u32| {
        g.variant_for_ios(v)
            .map(|v| g.variants()[v.index()].id.clone())
    };
    assert_eq!(id(26).as_deref(), Some("ios18"));
    assert_eq!(id(18).as_deref(), Some("ios18"));
    assert_eq!(id(17).as_deref(), Some("ios17"));
    assert_eq!(id(12).as_deref(), Some("ios17"));
}

#[test]
fn paths_are_short_where_they_can_be() {
    let paths = Paths::of(&guide(), 10_000);
    let (shortest, longest) = paths.shortest_longest().unwrap();
    // Version, switch, the switch fix working, the outcome.
    assert_eq!(shortest, 4);
    // Every check in order, then Apple Support: the whole guide and no more.
    assert_eq!(longest, 15);
    let [resolved, waiting, escalate] = paths.by_outcome();
    assert!(resolved > 0 && waiting > 0 && escalate > 0);
}
