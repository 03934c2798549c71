//! The `stepguide` authoring CLI: check guides, list their paths, draw them, print the
//! JSON Schema, write a guide as a static HTML article, and print the widget's stylesheet
//! (which `scripts/build` ships as a file for browsers without constructable stylesheets).

use std::process::ExitCode;
use std::rc::Rc;
use stepguide::analysis::{describe_path, graph, GraphFormat, Paths};
use stepguide::guide::{raw::RawGuide, Guide};

const USAGE: &str = "usage:
  stepguide check FILE...                      check guides; exit 1 on any problem
  stepguide paths FILE                         every path from start to an outcome
  stepguide graph FILE [--format mermaid|dot]  the guide as a diagram
  stepguide schema                             the JSON Schema of the guide format
  stepguide article FILE                       the guide as static HTML
  stepguide stylesheet                         the widget's stylesheet, as it ships";

/// Most paths listed by `paths`; a guide with more is reported as such.
const PATH_LIMIT: usize = 100_000;

fn load(path: &str) -> Result<Guide, String> {
    // Bytes rather than a string: bytes that are not UTF-8 are then reported by line and
    // column, as the widget reports them, instead of as an I/O error.
    let file = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    Guide::from_json_bytes(file).map_err(|e| {
        e.to_string()
            .lines()
            .map(|l| format!("{path}: {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => {
            let mut failed = false;
            for path in &args[1..] {
                match load(path) {
                    Ok(g) => println!("{path}: ok ({} nodes, version {})", g.len(), g.version()),
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
                stepguide::article::article(&guide, stepguide::strings::words(guide.lang()))
            );
            Ok(())
        }
        Some("stylesheet") if args.len() == 1 => {
            print!("{}", stepguide::STYLESHEET);
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    }
}

fn main() -> ExitCode {
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
