//! The `stepguide` authoring CLI, run as a person would run it.
#![cfg(feature = "cli")]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stepguide"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// Writes a file for a test under Cargo's scratch directory for integration tests (inside the
/// target directory), so runs leave nothing in the system's temporary directory; each name is
/// used by one test, so tests running at once do not meet.
fn temp_file(name: &str, body: impl AsRef<[u8]>) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    p
}

#[test]
fn check_accepts_the_bundled_guide() {
    let (code, out, _) = run(&["check", "guides/imessage-signed-out.json"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "guides/imessage-signed-out.json: ok (40 nodes, version 2026-12-06)\n"
    );
}

/// A destructive step before a cheaper one fails the check, naming both and the path; an
/// exception with a reason passes, and the check prints the reason.
#[test]
fn check_enforces_the_order_of_costs() {
    let guide = |allow: &str| {
        format!(
            r#"{{"format": 1, "id": "demo", "title": "Demo", "lang": "en", "version": "1", "start": "reset",
  "nodes": [
    {{"id": "reset", "kind": "step", "title": "Reset", "text": "Reset it.", "next": "restart", "fixed": "ok",
      "cost": "destructive", "erases": "saved Wi-Fi networks"{allow}}},
    {{"id": "restart", "kind": "step", "title": "Restart", "text": "Restart it.", "next": "help", "fixed": "ok", "cost": "mild"}},
    {{"id": "ok", "kind": "outcome", "outcome": "resolved", "title": "Fixed", "text": "Good."}},
    {{"id": "help", "kind": "outcome", "outcome": "escalate", "title": "Ask", "text": "Call us."}}
  ]}}"#
        )
    };
    let p = temp_file("order.json", guide(""));
    let (code, _, err) = run(&["check", p.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!("{}:3:12: node \"reset\", field \"cost\": is destructive, yet cheaper step \"restart\" (mild) can still come after it, on the path reset → restart; put the cheaper step first, or list it in \"allow_before\" with a reason\n", p.display())
    );
    let p = temp_file(
        "order-allowed.json",
        guide(r#", "allow_before": {"restart": "the reset restarts the phone"}"#),
    );
    let (code, out, _) = run(&["check", p.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        format!("{0}: ok (4 nodes, version 1)\n{0}: note: destructive step \"reset\" may come before \"restart\" (mild): the reset restarts the phone\n", p.display())
    );
}

/// Every problem, each after `FILE:LINE:COLUMN:` (where its value starts, or its node's
/// id), as compilers print theirs; a file that does not read, where it stops.
#[test]
fn check_lists_every_problem_and_fails() {
    let bad = r#"{"format":1,"id":"x","title":"X","lang":"en","version":"1","start":"a","nodes":[
        {"id":"a","kind":"question","title":"A?","answers":[{"label":"one","next":"b"}]},
        {"id":"b","kind":"step","title":"B","text":"[x](ftp://a.example)","next":"a"}]}"#;
    let p = temp_file("bad.json", bad);
    let (code, _, err) = run(&["check", p.to_str().unwrap()]);
    assert_eq!(code, 1);
    let path = p.display();
    assert_eq!(
        err,
        format!(
            "{path}:2:15: node \"a\", field \"answers\": has 1 answer(s); at least 2 are needed\n\
             {path}:3:52: node \"b\", field \"text\": link \"ftp://a.example\" is not allowed: only https, mailto and tel links are\n"
        )
    );
    let p = temp_file("syntax.json", "{\"format\": 1,,}");
    let (code, _, err) = run(&["check", p.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(err, format!("{}:1:14: key must be a string\n", p.display()));
    // Saved in Latin-1 by mistake: where, rather than an I/O error.
    let p = temp_file("latin1.json", b"{\"format\": 1,\n \"title\": \"Caf\xe9\"}");
    let (code, _, err) = run(&["check", p.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "{}:2:15: the file is not UTF-8 text here: guides must be saved as UTF-8\n",
            p.display()
        )
    );
}

#[test]
fn paths_reports_counts_and_lengths() {
    let (code, out, _) = run(&["paths", "guides/imessage-signed-out.json"]);
    assert_eq!(code, 0);
    // Each step with its cost; the reset comes last, after the restart.
    assert!(out.contains("which-ios --[iOS 26 or iOS 18]--> imessage-on --[It's off (grey)]--> turn-on (none) --[fixed]--> fixed-switch\n"), "{out}");
    assert!(out.contains(" restart (mild) --[not fixed]--> toggle-off-on (none) --[not fixed]--> sign-out-in (mild) --[not fixed]--> update-available --[iOS is up to date]--> reset-network-ask --[Yes, reset my network settings]--> reset-network (destructive) --[not fixed]--> contact-apple\n"), "{out}");
    assert!(
        out.contains("\nshortest: 4 screens; longest: 23 screens\n"),
        "{out}"
    );
}

#[test]
fn graph_schema_and_article() {
    let (code, out, _) = run(&[
        "graph",
        "guides/imessage-signed-out.json",
        "--format",
        "dot",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("digraph \"imessage-signed-out\" {"));
    let (code, out, _) = run(&[
        "graph",
        "guides/imessage-signed-out.json",
        "--format",
        "mermaid",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("flowchart TD\n"));
    let (code, _, err) = run(&[
        "graph",
        "guides/imessage-signed-out.json",
        "--format",
        "png",
    ]);
    assert_eq!(code, 1);
    assert!(err.starts_with("usage:"));

    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    // The committed schema, which guides point editors at, is the one the types generate.
    let committed = std::fs::read_to_string("guides/schema/stepguide.schema.json").unwrap();
    assert_eq!(
        out, committed,
        "guides/schema/stepguide.schema.json is stale: regenerate it with `stepguide schema`"
    );
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(schema["title"], "RawGuide");
    assert!(schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v == "nodes"));

    let (code, out, _) = run(&["article", "guides/imessage-signed-out.json"]);
    assert_eq!(code, 0);
    assert!(out.contains("<section id=\"sg-which-ios\">"));
    assert!(out.contains("<a href=\"#sg-imessage-on\">iOS 26 or iOS 18</a>"));
    assert!(!out.contains("<script"));
}

/// A stand-in for the web on 127.0.0.1, reached through `STEPGUIDE_LINKS_VIA`: each path
/// starts with the host the guide named. Returns its address.
fn fake_web() -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let via = format!("http://{}", listener.local_addr().unwrap());
    let base = via.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap();
            // The rest of the head, up to the blank line.
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 2 {
                line.clear();
            }
            let mut parts = request.split(' ');
            let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let (status, extra) = match (method, path) {
                (_, "/ok.example/") => ("200 OK", String::new()),
                (_, "/gone.example/page") => ("404 Not Found", String::new()),
                (_, "/moved.example/") => (
                    "301 Moved Permanently",
                    format!("location: {base}/ok.example/\r\n"),
                ),
                ("HEAD", "/nohead.example/") => ("405 Method Not Allowed", String::new()),
                ("GET", "/nohead.example/") => ("200 OK", String::new()),
                (_, "/refused.example/") => ("403 Forbidden", String::new()),
                // Hangs up without a word.
                (_, "/closed.example/") => continue,
                _ => ("500 Internal Server Error", String::new()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\n{extra}content-length: 0\r\nconnection: close\r\n\r\n"
            );
        }
    });
    via
}

#[test]
fn links_asks_each_page_once_and_fails_on_broken_ones() {
    let guide = r#"{"format":1,"id":"x","title":"X","lang":"en","version":"1","start":"q","nodes":[
        {"id":"q","kind":"check","title":"Look","text":"Open [the page](https://ok.example/) or [the old one](https://moved.example/).",
         "link":{"label":"Status","url":"https://ok.example/"},
         "answers":[{"label":"Fine","next":"s"},{"label":"Not","next":"end"}]},
        {"id":"s","kind":"step","title":"Read","text":"See [a](https://gone.example/page), [b](https://nohead.example/), [c](https://refused.example/), [d](https://closed.example/) and [mail](mailto:help@ok.example).","next":"end"},
        {"id":"end","kind":"outcome","outcome":"escalate","title":"Ask","text":"Call us."}]}"#;
    let file = temp_file("links.json", guide);
    let file = file.to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stepguide"))
        .args(["links", file])
        .env("STEPGUIDE_LINKS_VIA", fake_web())
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            format!("{file}: https://ok.example/: ok (200)"),
            format!("{file}: https://moved.example/: ok (200)"),
            format!("{file}: https://nohead.example/: ok (200)"),
            format!("{file}: https://refused.example/: refused with 403, as sites often refuse programs; open it in a browser to be sure"),
            format!("{file}: 6 links, 2 broken"),
        ]
    );
    let stderr: Vec<&str> = stderr.lines().collect();
    assert_eq!(stderr.len(), 2, "{stderr:?}");
    assert_eq!(
        stderr[0],
        format!(
            "{file}:5:55: node \"s\", field \"text\": link \"https://gone.example/page\" answered 404"
        )
    );
    let closed = format!(
        "{file}:5:55: node \"s\", field \"text\": link \"https://closed.example/\" could not be reached: "
    );
    assert!(stderr[1].starts_with(&closed), "{}", stderr[1]);
}

/// How many requests wait at [`meeting_web`] now, and the most that ever did; signalled
/// when one comes.
type Meeting = std::sync::Arc<(std::sync::Mutex<(usize, usize)>, std::sync::Condvar)>;

/// A stand-in for the web that answers no request until `together` of them have been
/// waiting at once (then every request at once), or for 10 s; returns its address and the
/// most requests it saw waiting at once.
fn meeting_web(together: usize) -> (String, Meeting) {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::{Arc, Condvar, Mutex};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let via = format!("http://{}", listener.local_addr().unwrap());
    // How many wait now, and the most that ever did.
    let state = Arc::new((Mutex::new((0usize, 0usize)), Condvar::new()));
    let seen = state.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let state = state.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::from("-");
                while reader.read_line(&mut line).unwrap_or(0) > 2 {
                    line.clear();
                }
                let (lock, arrived) = &*state;
                let mut s = lock.lock().unwrap();
                s.0 += 1;
                s.1 = s.1.max(s.0);
                arrived.notify_all();
                // Held until enough have come: a client that asks one page at a time never
                // gets there, and each of its pages waits the full 10 s.
                let (mut s, _) = arrived
                    .wait_timeout_while(s, std::time::Duration::from_secs(10), |s| s.1 < together)
                    .unwrap();
                s.0 -= 1;
                drop(s);
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                );
            });
        }
    });
    (via, seen)
}

#[test]
fn links_asks_several_pages_at_once() {
    let pages: Vec<String> = (0..12)
        .map(|i| format!("[page {i}](https://p{i}.example/)"))
        .collect();
    let guide = format!(
        r#"{{"format":1,"id":"x","title":"X","lang":"en","version":"1","start":"s","nodes":[
        {{"id":"s","kind":"step","title":"Read","text":"See {}.","next":"end"}},
        {{"id":"end","kind":"outcome","outcome":"escalate","title":"Ask","text":"Call us."}}]}}"#,
        pages.join(", ")
    );
    let file = temp_file("many-links.json", &guide);
    let (via, meeting) = meeting_web(4);
    let out = Command::new(env!("CARGO_BIN_EXE_stepguide"))
        .args(["links", file.to_str().unwrap()])
        .env("STEPGUIDE_LINKS_VIA", via)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    // Every page reported, in the guide's order.
    let reported: Vec<&str> = stdout.lines().collect();
    assert_eq!(reported.len(), 13, "{stdout}");
    for (i, line) in reported[..12].iter().enumerate() {
        assert!(
            line.ends_with(&format!("https://p{i}.example/: ok (200)")),
            "{line}"
        );
    }
    assert!(reported[12].ends_with(": 12 links, 0 broken"), "{stdout}");
    // Several were asked for at once (eight, the command's limit, or as many as were left).
    let most = meeting.0.lock().unwrap().1;
    assert!((4..=8).contains(&most), "at most {most} at once");
}

/// A translation's gaps are warnings that name node and field; its problems fail the check.
/// `i18n` prints the coverage table and the `of` hashes to stamp.
#[test]
fn check_and_i18n_report_each_translation() {
    let guide = r#"{"format":1,"id":"t","title":"T","lang":"en","version":"1","start":"q","translations":["es"],
      "nodes":[{"id":"q","kind":"question","title":"Q?","answers":[{"label":"A","next":"o"},{"label":"B","next":"o"}]},
               {"id":"o","kind":"outcome","outcome":"resolved","title":"Done","text":"Good."}]}"#;
    let g = temp_file("i18n.json", guide);
    let es = g.with_file_name("i18n.es.json");
    std::fs::write(
        &es,
        r#"{"format":1,"translates":"t","lang":"es","nodes":{"q":{"of":"x","title":"¿P?"}}}"#,
    )
    .unwrap();
    let path = g.to_str().unwrap();
    let (code, out, _) = run(&["check", path]);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("{path}: ok (2 nodes, version 1)"));
    assert!(lines.contains(&format!("{path}: warning: node \"q\", field \"title\": stale (the text changed after it was translated) in es").as_str()), "{out}");
    assert!(
        lines.contains(
            &format!("{path}: warning: node \"o\", field \"text\": missing in es").as_str()
        ),
        "{out}"
    );
    let (code, out, _) = run(&["i18n", path]);
    assert_eq!(code, 0);
    assert!(out.starts_with("| language | texts | translated | missing | stale | coverage |\n|---|---:|---:|---:|---:|---:|\n| es | 6 | 0 | 5 | 1 | 0% |\n"), "{out}");
    assert!(out.contains("es: node \"q\": \"of\": \""), "{out}");
    // A broken translation fails both, named by its file.
    std::fs::write(
        &es,
        r#"{"format":1,"translates":"t","lang":"es","nodes":{"gone":{"title":"x"}}}"#,
    )
    .unwrap();
    let (code, _, err) = run(&["check", path]);
    assert_eq!(code, 1);
    assert_eq!(
        err.trim(),
        format!(
            "{}: guide field \"translation: nodes.gone\": refers to unknown node \"gone\"",
            es.display()
        )
    );
}

/// `prerender` makes the bundled guide's first screens in every language the widget speaks:
/// Spanish from the guide's translation and the Spanish words, French with the English guide
/// (marked as English) inside French words, Arabic right to left; each set with a screen for
/// the iOS versions the first step points out. Any guide file but the bundled one is refused.
#[test]
fn prerender_makes_the_first_screens_in_each_language() {
    let (code, out, err) = run(&["prerender", "guides/imessage-signed-out.json"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let first: serde_json::Value = serde_json::from_str(&out).unwrap();
    let localized = first["localized"].as_array().unwrap();
    let langs: Vec<&str> = localized
        .iter()
        .map(|l| l["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["es", "de", "fr", "ja", "ar"]);
    let start = |lang: &str| {
        let set = localized.iter().find(|l| l["lang"] == lang).unwrap();
        assert_eq!(set["ios"], first["ios"], "{lang}: the same iOS versions");
        let at = set["start"].as_u64().unwrap() as usize;
        set["screens"][at].as_str().unwrap().to_owned()
    };
    let es = start("es");
    assert!(
        es.starts_with(r#"<div lang="es" dir="ltr" part="root" class="stepguide">"#),
        "{es}"
    );
    assert!(es.contains(">¿Qué iOS tiene tu iPhone?</h2>"), "{es}");
    assert!(es.contains(">iOS 26 o iOS 18<"), "{es}");
    assert!(!es.contains(r#"lang="en""#), "all Spanish: {es}");
    let fr = start("fr");
    assert!(fr.starts_with(r#"<div lang="fr" dir="ltr""#), "{fr}");
    assert!(
        fr.contains(r#"lang="en" class="sg-title">Which iOS is on your iPhone?</h2>"#),
        "{fr}"
    );
    assert!(start("ar").starts_with(r#"<div lang="ar" dir="rtl""#));
    let waiting: Vec<&str> = localized
        .iter()
        .map(|l| l["waiting"].as_str().unwrap())
        .collect();
    assert_eq!(waiting[0], "Cargando la guía…");

    let other = temp_file(
        "prerender-other.json",
        r#"{"format": 1, "id": "other", "title": "Other", "lang": "en", "version": "1", "start": "ok",
  "nodes": [{"id": "ok", "kind": "outcome", "outcome": "resolved", "title": "Fixed", "text": "Good."}]}"#,
    );
    let (code, out, err) = run(&["prerender", other.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        format!(
            "{}: the guide file is not the bundled guide, whose first screens these are\n",
            other.display()
        )
    );
}
