//! The bundled "iMessage is Signed Out" guide: valid, complete, and every path walked.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::rc::Rc;
use stepguide::cli::analysis::Paths;
use stepguide::guide::markup::plain_inlines;
use stepguide::guide::{Choice, Cost, Guide, Kind, OutcomeKind};
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
    "activation-states",    // what Send & Receive can show while activation is stuck
    "activation-wait",      // activation can take up to 24 hours
    "green-sms",            // meanwhile messages may go out as SMS
    "sms-plan",             // the hidden activation SMS needs an SMS plan or credit
    "date-time",            // Date & Time set automatically
    "sign-out",             // sign out of iMessage and back in
    "contact-carrier",      // the carrier, when the number will not activate
    "ios26-duplicate-line", // iOS 26: an inactive line with the same number
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
        let path = stepguide::cli::analysis::describe_path(walk);
        match choice {
            // A fix that worked ends the walk at once, as resolved, at the outcome naming it.
            Choice::Fixed => {
                assert_eq!(outcome, OutcomeKind::Resolved, "{path}");
                assert!(
                    matches!(last_node.kind(), Kind::Step { fixed: Some(f), .. } if *f == walk.current()),
                    "{path}"
                );
            }
            // A yellow or red status means waiting for Apple.
            Choice::Answer(a) if a.label().get(walk.variant()).starts_with("Yellow") => {
                assert_eq!(last_node.id(), "status", "{path}");
                assert_eq!(outcome, OutcomeKind::Waiting, "{path}");
            }
            // An activation under way for less than a day means waiting for it.
            Choice::Answer(a) if a.label().get(walk.variant()) == "Less than a day" => {
                assert_eq!(last_node.id(), "waiting-since", "{path}");
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
                // The first screen sends nobody into Settings before a fix.
                assert!(!text.contains("Settings"), "{text}");
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
            stepguide::guide::markup::Block::Paragraph(p) => plain_inlines(p),
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
    // Not knowing the version, a number that needs a new SMS plan, then every general fix
    // in order, the reset, and the carrier or Apple.
    assert_eq!(longest, 23);
    let [resolved, waiting, escalate] = paths.by_outcome();
    assert!(resolved > 0 && waiting > 0 && escalate > 0);
}

/// The text a person reads on node `id` with the variant `variant` ("ios18" or "ios17").
fn read(g: &Guide, id: &str, variant: &str) -> String {
    let node = g.node(g.find(id).unwrap_or_else(|| panic!("no node {id}")));
    let ios = if variant == "ios18" { 18 } else { 17 };
    let v = g.variant_for_ios(ios).unwrap();
    format!("{}\n{}", node.title().get(v), node.text().get(v).plain())
}

/// The labels of a question's answers and the ids they lead to.
fn answers(g: &Guide, id: &str) -> Vec<(String, String)> {
    let node = g.node(g.find(id).unwrap());
    (0..node.choice_count())
        .map(|i| {
            let (c, to) = node.choice(i).unwrap();
            let label = match c {
                Choice::Answer(a) => a.label().get(Default::default()).to_owned(),
                other => format!("{other:?}"),
            };
            (label, g.node(to).id().to_owned())
        })
        .collect()
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Finding 1: the iPhone sends the activation SMS to Apple; the carrier may charge for it;
/// it needs an SMS plan or credit; it can take 24 hours, with a waiting outcome meanwhile.
#[test]
fn activation_is_described_the_right_way_round() {
    let g = guide();
    for (_, n) in g.nodes() {
        let text = n.text().get(Default::default()).plain();
        assert!(
            !text.contains("carrier sends") && !text.contains("carrier's activation"),
            "{}: {text}",
            n.id()
        );
    }
    for id in ["relink-number", "sms-plan"] {
        let text = read(&g, id, "ios18");
        assert!(text.contains("sends a hidden text message"), "{id}: {text}");
        assert!(text.contains("Apple"), "{id}: {text}");
        assert!(text.contains("international SMS"), "{id}: {text}");
    }
    assert!(read(&g, "sms-plan", "ios18").contains("no SMS plan, or no credit, activation fails"));
    assert!(read(&g, "tick-addresses", "ios18").contains("hidden text message to Apple"));
    assert!(read(&g, "relink-number", "ios18").contains("up to 24 hours"));
    assert_eq!(
        answers(&g, "waiting-since"),
        [
            (
                "Less than a day".to_owned(),
                "activation-pending".to_owned()
            ),
            ("A day or more".to_owned(), "sms-plan".to_owned())
        ]
    );
    let pending = g.node(g.find("activation-pending").unwrap());
    assert_eq!(pending.outcome(), Some(OutcomeKind::Waiting));
}

/// Finding 2: cheap and safe first, destructive last, with its price said and a clear yes.
#[test]
fn nothing_destructive_comes_before_a_restart() {
    let g = guide();
    let reset = g.find("reset-network").unwrap();
    let restart = g.find("restart").unwrap();
    assert_eq!(g.node(reset).cost(), Cost::Destructive);
    assert!(g.node(reset).erases().unwrap().contains("Wi-Fi"));
    assert_eq!(g.node(restart).cost(), Cost::Mild);
    let paths = Paths::of(&g, 10_000);
    let mut reached = 0;
    for walk in &paths.walks {
        let ids: Vec<&str> = walk.visits().iter().map(|v| g.node(v.node).id()).collect();
        let path = stepguide::cli::analysis::describe_path(walk);
        if let Some(at) = ids.iter().position(|&id| id == "reset-network") {
            reached += 1;
            assert!(ids[..at].contains(&"restart"), "{path}");
            assert!(ids[..at].contains(&"toggle-off-on"), "{path}");
            assert!(ids[..at].contains(&"date-time"), "{path}");
            assert!(ids[..at].contains(&"sign-out-in"), "{path}");
            // The yes asked for just before.
            assert_eq!(ids[at - 1], "reset-network-ask", "{path}");
        }
        // Nothing cheaper after anything destructive.
        let costs: Vec<Cost> = walk
            .visits()
            .iter()
            .map(|v| g.node(v.node).cost())
            .collect();
        if let Some(d) = costs.iter().position(|&c| c == Cost::Destructive) {
            assert!(
                costs[d + 1..].iter().all(|&c| c == Cost::Destructive),
                "{path}"
            );
        }
    }
    assert!(reached > 0);
    // The reconnect step's "not fixed" goes on to the status check, not to the reset.
    assert!(matches!(
        g.node(g.find("reconnect").unwrap()).kind(),
        Kind::Step { next, .. } if g.node(*next).id() == "status"
    ));
    let ask = read(&g, "reset-network-ask", "ios18");
    assert!(
        ask.contains("erases") && ask.contains("Wi-Fi networks and their passwords"),
        "{ask}"
    );
    assert_eq!(
        answers(&g, "reset-network-ask"),
        [
            (
                "Yes, reset my network settings".to_owned(),
                "reset-network".to_owned()
            ),
            (
                "No, I'd rather get help".to_owned(),
                "contact-apple".to_owned()
            )
        ]
    );
}

/// Finding 3: Date & Time, the SMS plan, signing out and in (on both paths), another
/// account, the 24 hours after a SIM change, and the carrier.
#[test]
fn the_missing_fixes_are_there() {
    let g = guide();
    assert!(read(&g, "date-time", "ios18").contains("Settings > General > Date & Time"));
    assert!(read(&g, "date-time", "ios18").contains("Set Automatically"));
    let new = read(&g, "sign-out-in", "ios18");
    let old = read(&g, "sign-out-in", "ios17");
    assert!(
        new.contains("Settings > Apps > Messages > Send & Receive"),
        "{new}"
    );
    assert!(
        new.contains("Apple Account") && new.contains("Sign Out"),
        "{new}"
    );
    assert!(
        old.contains("Settings > Messages > Send & Receive"),
        "{old}"
    );
    assert!(
        old.contains("Apple ID") && old.contains("Sign Out"),
        "{old}"
    );
    assert!(
        new.contains("isn't yours") && new.contains("Use Other Apple Account"),
        "{new}"
    );
    assert!(read(&g, "sign-in", "ios18").contains("Use Other Apple Account"));
    assert!(read(&g, "waiting-since", "ios18").contains("up to 24 hours"));
    let contact = read(&g, "contact-apple", "ios18");
    assert!(
        contact.contains("Your carrier") && contact.contains("Apple Support"),
        "{contact}"
    );
}

/// Finding 4: on iOS 26, an inactive line with the same number.
#[test]
fn the_ios_26_duplicate_line_is_covered() {
    let g = guide();
    let text = read(&g, "sim-lines", "ios18");
    assert!(
        text.contains("On iOS 26") && text.contains("inactive SIM or eSIM"),
        "{text}"
    );
    assert_eq!(answers(&g, "sim-lines")[0].1, "remove-line");
    assert!(read(&g, "remove-line", "ios18").contains("Turn On This Line"));
    // Reached from the SIM and activation branches.
    assert!(answers(&g, "sim-change")
        .iter()
        .any(|(_, to)| to == "sim-lines"));
    assert!(answers(&g, "sms-plan")
        .iter()
        .any(|(_, to)| to == "sim-lines"));
}

/// Finding 5: what Send & Receive shows is asked before anything is toggled, and each
/// answer has a next step of its own.
#[test]
fn send_and_receive_is_read_before_anything_is_toggled() {
    let g = guide();
    let got = answers(&g, "send-receive");
    let want = [
        ("“Waiting for activation…”", "waiting-since"),
        ("“Activation unsuccessful”", "sms-plan"),
        ("Only an email address, no phone number", "sim-change"),
        ("My number, but greyed out", "number-greyed"),
        ("My number or email, not ticked", "tick-addresses"),
        ("Nothing, or “No Addresses”", "sign-in"),
        ("My number, ticked", "internet"),
    ];
    assert_eq!(
        got,
        want.map(|(l, n)| (l.to_owned(), n.to_owned())).to_vec()
    );
    assert!(read(&g, "send-receive", "ios18").contains("Don't change anything there yet"));
    // On every path the switch is toggled only after Send & Receive was read, unless the
    // switch was off.
    for walk in &Paths::of(&g, 10_000).walks {
        let ids: Vec<&str> = walk.visits().iter().map(|v| g.node(v.node).id()).collect();
        if let Some(t) = ids.iter().position(|&id| id == "toggle-off-on") {
            assert!(ids[..t].contains(&"send-receive"), "{ids:?}");
        }
    }
}

/// Finding 6: the status page's three colours, and a waiting outcome for yellow or red.
#[test]
fn the_status_colours_are_explained() {
    let g = guide();
    let text = read(&g, "status", "ios18");
    for colour in ["green", "yellow", "red"] {
        assert!(text.contains(colour), "{text}");
    }
    assert_eq!(
        answers(&g, "status")[1],
        ("Yellow or red".to_owned(), "outage".to_owned())
    );
    let outage = read(&g, "outage", "ios18");
    assert!(
        outage.contains("green SMS") && outage.contains("keeps your place"),
        "{outage}"
    );
    assert!(!outage.contains("start this guide again"), "{outage}");
}

/// Finding 7: a short first screen that names iOS 26.
#[test]
fn the_first_screen_is_short() {
    let g = guide();
    let first = read(&g, "which-ios", "ios18");
    assert!(words(&first) <= 50, "{} words: {first}", words(&first));
    let labels: Vec<String> = answers(&g, "which-ios").into_iter().map(|a| a.0).collect();
    assert_eq!(
        labels,
        ["iOS 26 or iOS 18", "iOS 17 or earlier", "I don't know"]
    );
    assert!(read(&g, "find-ios", "ios18").contains("Settings > General > About"));
}

/// The second edition reviewed every node.
#[test]
fn every_node_was_reviewed_for_the_second_edition() {
    for (_, n) in guide().nodes() {
        assert!(n.reviewed().unwrap() >= "2026-12-06", "{}", n.id());
    }
}
