//! The `stepguide` authoring CLI: check guides, ask whether the pages they link to are still
//! there, list their paths, draw them, print the JSON Schema, write a guide as a static HTML
//! article, and print the widget's first screens for `scripts/postbuild.mjs`.

use crate::cli::analysis::{describe_path, graph, links, GraphFormat, Paths};
use crate::guide::Guide;
use crate::validate::locate::{positions, Locator};
use crate::validate::translation::{sibling_url, Gap, Translated};
use crate::validate::{json, raw::RawGuide, LoadError};
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

const USAGE: &str = "usage:
  stepguide check FILE...                      check guides; exit 1 on any problem
  stepguide links FILE...                      ask every https page the guides link to
                                               whether it is there; exit 1 on any broken
  stepguide paths FILE                         every path from start to an outcome
  stepguide graph FILE [--format mermaid|dot]  the guide as a diagram
  stepguide schema                             the JSON Schema of the guide format
  stepguide article FILE                       the guide as static HTML
  stepguide i18n FILE                          how much of the guide each translation
                                               covers, and the `of` hashes to stamp
  stepguide prerender FILE                     the widget's first screens, as JSON (FILE:
                                               the bundled guide's, beside its translations)";

/// The translation of the guide at `path` (whose text is `text`) into `lang`, read from its
/// sibling file; its problems one a line, after the file's name.
fn translation(path: &str, text: &str, lang: &str) -> Result<Translated, String> {
    let sibling = sibling_url(path, lang);
    let tr =
        std::fs::read_to_string(&sibling).map_err(|e| format!("{sibling}: cannot read: {e}"))?;
    Guide::translated(text, &tr).map_err(|e| match e {
        LoadError::Invalid(problems) => problems
            .iter()
            .map(|p| format!("{sibling}: {p}"))
            .collect::<Vec<_>>()
            .join("\n"),
        other => format!("{sibling}: {other}"),
    })
}

/// Most paths listed by `paths`; a guide with more is reported as such.
const PATH_LIMIT: usize = 100_000;

/// Reads and checks a guide file: its text and the guide. Its problems come one a line, each
/// after `FILE:LINE:COLUMN:` where the file says where (see [`positions`]), as compilers print
/// theirs, so that an editor or a terminal can take the author to the spot.
fn read(path: &str) -> Result<(String, Guide), String> {
    // Bytes rather than a string: bytes that are not UTF-8 are then reported by line and
    // column, as the widget reports them, instead of as an I/O error.
    let file = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let text =
        json::utf8(file).map_err(|e| format!("{path}:{}:{}: {}", e.line, e.column, e.message))?;
    // Checked from the text, which stays: the problems are found in it.
    match Guide::from_json(&text) {
        Ok(guide) => Ok((text, guide)),
        Err(LoadError::Syntax {
            line,
            column,
            message,
        }) => Err(format!("{path}:{line}:{column}: {message}")),
        Err(LoadError::Invalid(problems)) => {
            let at = positions(&text, &problems);
            Err(problems
                .iter()
                .zip(at)
                .map(|(p, at)| match at {
                    Some((line, column)) => format!("{path}:{line}:{column}: {p}"),
                    None => format!("{path}: {p}"),
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        Err(other) => Err(format!("{path}: {other}")),
    }
}

/// [`read`], for the guide alone.
fn load(path: &str) -> Result<Guide, String> {
    read(path).map(|(_, guide)| guide)
}

/// Loads each file and hands its text and guide to `each`, which says whether it passed.
/// Every file is gone through, so that every problem is reported at once; any file that
/// cannot be loaded, or does not pass, fails the command.
fn each_guide(
    paths: &[String],
    mut each: impl FnMut(&str, &str, &Guide) -> bool,
) -> Result<(), String> {
    let mut failed = false;
    for path in paths {
        match read(path) {
            Ok((text, g)) => failed |= !each(path, &text, &g),
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if failed {
        Err(String::new())
    } else {
        Ok(())
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => each_guide(&args[1..], |path, text, g| {
            println!("{path}: ok ({} nodes, version {})", g.len(), g.version());
            // The order exceptions an author allowed, with their reasons, for a reviewer.
            for (_, n) in g.nodes() {
                for x in n.allow_before() {
                    println!(
                        "{path}: note: destructive step \"{}\" may come before \"{}\" ({}): {}",
                        n.id(),
                        g.node(x.step).id(),
                        g.node(x.step).cost().as_str(),
                        x.reason
                    );
                }
            }
            // Each translation: its problems fail the check; what it leaves in the guide's
            // own language is listed, and does not (the widget shows those texts marked).
            let mut ok = true;
            for lang in g.translations() {
                match translation(path, text, lang) {
                    Ok(t) => {
                        for m in t.coverage.messages() {
                            println!("{path}: warning: {m}");
                        }
                    }
                    Err(message) => {
                        eprintln!("{message}");
                        ok = false;
                    }
                }
            }
            ok
        }),
        Some("i18n") if args.len() == 2 => {
            let path = &args[1];
            let (text, guide) = read(path)?;
            println!("| language | texts | translated | missing | stale | coverage |");
            println!("|---|---:|---:|---:|---:|---:|");
            let mut stamps = Vec::new();
            let mut failed = false;
            for lang in guide.translations() {
                match translation(path, &text, lang) {
                    Ok(t) => {
                        let c = &t.coverage;
                        let count = |gap| c.gaps.iter().filter(|g| g.2 == gap).count();
                        println!(
                            "| {lang} | {} | {} | {} | {} | {:.0}% |",
                            c.texts,
                            c.translated(),
                            count(Gap::Missing),
                            count(Gap::Stale),
                            100.0 * c.translated() as f64 / c.texts.max(1) as f64
                        );
                        for (node, hash) in &c.hashes {
                            stamps.push(match node {
                                Some(node) => {
                                    format!("{lang}: node \"{node}\": \"of\": \"{hash}\"")
                                }
                                None => format!("{lang}: guide: \"of\": \"{hash}\""),
                            });
                        }
                    }
                    Err(message) => {
                        println!("| {lang} | – | – | – | – | unreadable |");
                        eprintln!("{message}");
                        failed = true;
                    }
                }
            }
            for s in stamps {
                println!("{s}");
            }
            if failed {
                Err(String::new())
            } else {
                Ok(())
            }
        }
        Some("links") if args.len() > 1 => {
            let web = Web::new();
            each_guide(&args[1..], |path, text, g| check_links(path, text, g, &web))
        }
        Some("paths") if args.len() == 2 => {
            let guide = Rc::new(load(&args[1])?);
            let paths = Paths::of(&guide, PATH_LIMIT);
            for w in &paths.walks {
                println!("{}", describe_path(w));
            }
            let [r, wt, e] = paths.by_outcome();
            println!(
                "paths: {} (resolved {r}, waiting {wt}, escalate {e})",
                paths.walks.len()
            );
            if let Some((short, long)) = paths.shortest_longest() {
                println!("shortest: {short} screens; longest: {long} screens");
            }
            if paths.truncated {
                println!("more than {PATH_LIMIT} paths: list cut short");
            }
            Ok(())
        }
        Some("graph") if args.len() >= 2 => {
            let format = match args.get(2..).unwrap_or(&[]) {
                [] => GraphFormat::Mermaid,
                [flag, f] if flag == "--format" && f == "mermaid" => GraphFormat::Mermaid,
                [flag, f] if flag == "--format" && f == "dot" => GraphFormat::Dot,
                _ => return Err(USAGE.to_owned()),
            };
            print!("{}", graph(&load(&args[1])?, format));
            Ok(())
        }
        Some("schema") if args.len() == 1 => {
            let schema = schemars::schema_for!(RawGuide);
            println!(
                "{}",
                serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?
            );
            Ok(())
        }
        Some("article") if args.len() == 2 => {
            let guide = load(&args[1])?;
            print!(
                "{}",
                crate::cli::article::article(
                    &guide,
                    &crate::words::catalogue::shipped(guide.lang())
                )
            );
            Ok(())
        }
        Some("prerender") if args.len() == 2 => {
            let (text, _) = read(&args[1])?;
            let screens = crate::ui::prerender::first_screens(&text, |lang| {
                translation(&args[1], &text, lang).map(|t| t.guide)
            })
            .map_err(|e| format!("{}: {e}", args[1]))?;
            println!(
                "{}",
                serde_json::to_string(&screens).map_err(|e| e.to_string())?
            );
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    }
}

/// How long one page may take to answer, redirects included.
const LINK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// An environment variable for the tests, which have no internet: `http://127.0.0.1:PORT`
/// sends each request there instead, as `/<host>/<path>` (`https://a.example/b` is asked
/// for as `http://127.0.0.1:PORT/a.example/b`).
const LINKS_VIA: &str = "STEPGUIDE_LINKS_VIA";

/// Where pages are asked for: the internet, or the tests' stand-in for it.
struct Web {
    agent: ureq::Agent,
    /// The stand-in's address, from [`LINKS_VIA`], when there is one.
    via: Option<String>,
}

impl Web {
    fn new() -> Web {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(LINK_TIMEOUT))
            // A status is an answer to report, not a failure of the request.
            .http_status_as_error(false)
            .user_agent(concat!("stepguide-links/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Web {
            agent,
            via: std::env::var(LINKS_VIA).ok(),
        }
    }

    /// Asks for the page at `url` and says what it answered.
    fn ask(&self, url: &str) -> Answer {
        let target = match &self.via {
            Some(via) => format!("{via}/{}", url.get("https://".len()..).unwrap_or(url)),
            None => url.to_owned(),
        };
        let status = |request: Result<ureq::http::Response<ureq::Body>, ureq::Error>| {
            request.map(|r| r.status().as_u16())
        };
        // HEAD first, to spare the page's body; some servers refuse HEAD, so any status other
        // than success is asked again with GET before it is reported.
        let answer = match status(self.agent.head(&target).call()) {
            Ok(code) if (200..300).contains(&code) => Ok(code),
            _ => status(self.agent.get(&target).call()),
        };
        match answer {
            Ok(code) if (200..300).contains(&code) => Answer::There(code),
            Ok(code @ (401 | 403 | 429)) => Answer::Refused(code),
            Ok(code) => Answer::Gone(code),
            Err(e) => Answer::Unreachable(e.to_string()),
        }
    }
}

/// How many pages `links` asks at once: a guide links to tens of pages, and one slow site
/// would otherwise hold up all the rest for up to [`LINK_TIMEOUT`] each.
const LINKS_AT_ONCE: usize = 8;

/// Asks for every page in `urls`, [`LINKS_AT_ONCE`] at a time; the answers in their order.
fn ask_all(web: &Web, urls: &[&str]) -> Vec<Answer> {
    let next = AtomicUsize::new(0);
    let answers: Vec<OnceLock<Answer>> = urls.iter().map(|_| OnceLock::new()).collect();
    std::thread::scope(|s| {
        for _ in 0..LINKS_AT_ONCE.min(urls.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(url) = urls.get(i) else { break };
                // Each place is set once: `i` is taken by one thread only.
                let _ = answers[i].set(web.ask(url));
            });
        }
    });
    answers
        .into_iter()
        .map(|a| {
            a.into_inner()
                .unwrap_or(Answer::Unreachable("not asked".into()))
        })
        .collect()
}

/// What a page said when asked for.
enum Answer {
    /// 2xx, after any redirects.
    There(u16),
    /// 401, 403 or 429: many sites refuse programs that are not browsers, so this says
    /// nothing about whether a person gets the page.
    Refused(u16),
    /// Any other status.
    Gone(u16),
    /// No answer: the name does not resolve, the connection fails or times out.
    Unreachable(String),
}

/// Asks each distinct page `guide` links to, once, and reports every place that links to one
/// that is gone or cannot be reached, by its place in `text`, the guide's file. True when none
/// is.
fn check_links(path: &str, text: &str, guide: &Guide, web: &Web) -> bool {
    let uses = links(guide);
    // To say where each broken link is, as `check` says where a problem is: a second read of
    // the file, made only once a link is found broken.
    let locator = std::cell::OnceCell::new();
    let mut urls: Vec<&str> = Vec::new();
    for u in &uses {
        if !urls.contains(&u.url.as_str()) {
            urls.push(&u.url);
        }
    }
    let answers: Vec<(&str, Answer)> = urls.iter().copied().zip(ask_all(web, &urls)).collect();
    let mut broken = 0;
    for (url, answer) in &answers {
        let problem = match answer {
            Answer::There(code) => {
                println!("{path}: {url}: ok ({code})");
                continue;
            }
            Answer::Refused(code) => {
                println!("{path}: {url}: refused with {code}, as sites often refuse programs; open it in a browser to be sure");
                continue;
            }
            Answer::Gone(code) => format!("answered {code}"),
            Answer::Unreachable(e) => format!("could not be reached: {e}"),
        };
        broken += 1;
        for u in uses.iter().filter(|u| u.url == *url) {
            let at = match locator
                .get_or_init(|| Locator::new(text))
                .as_ref()
                .and_then(|l| l.field(u.node, u.field))
            {
                Some((line, column)) => format!("{path}:{line}:{column}:"),
                None => format!("{path}:"),
            };
            eprintln!(
                "{at} node \"{}\", field \"{}\": link \"{url}\" {problem}",
                u.node, u.field
            );
        }
    }
    println!("{path}: {} links, {broken} broken", answers.len());
    broken == 0
}

/// Runs the CLI on the process's arguments.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("{e}");
            }
            ExitCode::FAILURE
        }
    }
}
