//! Checks the bundled guide and writes it out as Rust data (see `src/guide/frozen.rs`).
//!
//! The guide model is compiled into this script from the crate's own sources, so the bundled
//! guide is read and checked by exactly the code that reads every other guide: a problem in
//! it fails the build with the checker's messages.

use std::fmt::Write as _;
use std::path::Path;

// The model's sources, as the crate has them; this script uses a small part of them.
#[allow(dead_code, unused_imports)]
#[path = "src/guide/mod.rs"]
mod guide;
#[allow(dead_code, unused_imports)]
#[path = "src/validate/mod.rs"]
mod validate;

use guide::{Guide, Kind, Node};

const GUIDE: &str = "guides/imessage-signed-out.json";
/// A guide with every field and kind the bundled one leaves out (an image, `applies`, right
/// to left, escapes), frozen too for `frozen.rs`'s test only.
const EVERY_FIELD: &str = "tests/guides/every-field.json";

fn main() {
    // The scripts share one target directory between checkouts, where cargo tells this
    // crate's builds apart by file times alone; the scripts name the checkout
    // (`STEPGUIDE_CHECKOUT`, scripts/env.sh), so a build from another one rebuilds the crate.
    println!("cargo:rerun-if-env-changed=STEPGUIDE_CHECKOUT");
    println!("cargo:rerun-if-changed={GUIDE}");
    println!("cargo:rerun-if-changed={EVERY_FIELD}");
    println!("cargo:rerun-if-changed=src/guide");
    println!("cargo:rerun-if-changed=src/validate");
    let guide = checked(GUIDE);
    let every_field = checked(EVERY_FIELD);
    let out = std::env::var_os("OUT_DIR").unwrap_or_else(|| fail("cargo did not set OUT_DIR"));
    for (name, contents) in [
        ("bundled_guide.rs", write(&guide)),
        ("every_field_guide.rs", write(&every_field)),
    ] {
        let path = Path::new(&out).join(name);
        if let Err(e) = std::fs::write(&path, contents) {
            fail(&format!("{} could not be written: {e}", path.display()));
        }
    }
}

/// The guide in the file at `path`, read and checked; any problem fails the build.
fn checked(path: &str) -> Guide {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => fail(&format!("{path} could not be read: {e}")),
    };
    match Guide::from_json(&text) {
        Ok(guide) => guide,
        Err(validate::LoadError::Invalid(problems)) => {
            let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            fail(&format!("{path} has problems:\n{}", list.join("\n")))
        }
        Err(e) => fail(&format!("{path}: {e}")),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}

/// A Rust string literal: `{:?}` of a `str` writes only escapes Rust's literals accept.
fn lit(s: &str) -> String {
    // `{:?}` writes NUL as `\0`, which before a digit reads like an octal escape (clippy's
    // `octal_escapes`); the checked guide keeps a text's versions apart with NULs.
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '\0' => out.push_str("\\u{0}"),
            c => out.extend(c.escape_debug()),
        }
    }
    format!("\"{out}\"")
}

fn opt<T>(value: Option<T>, some: impl FnOnce(T) -> String) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("Some({})", some(v)))
}

/// The guide as a `crate::guide::frozen::Frozen` expression.
fn write(g: &Guide) -> String {
    let mut s =
        String::from("{\nuse crate::guide::frozen::*;\nuse crate::guide::{Cost, OutcomeKind};\n");
    s.push_str("Frozen {\n");
    let _ = writeln!(s, "id: {},", lit(&g.id));
    let _ = writeln!(s, "title: {},", lit(&g.title));
    let _ = writeln!(s, "lang: {},", lit(&g.lang));
    let _ = writeln!(s, "rtl: {},", g.rtl);
    let _ = writeln!(s, "version: {},", lit(&g.version));
    let _ = writeln!(s, "start: {},", g.start.0);
    let _ = writeln!(s, "hash: {:#x},", g.hash);
    s.push_str("variants: &[\n");
    for v in &g.variants {
        let _ = writeln!(
            s,
            "FrozenVariant {{ id: {}, label: {}, ios_min: {:?}, ios_max: {:?} }},",
            lit(&v.id),
            lit(&v.label),
            v.ios_min,
            v.ios_max
        );
    }
    s.push_str("],\nnodes: &[\n");
    for (_, node) in g.nodes() {
        write_node(&mut s, node);
    }
    let _ = writeln!(s, "],\nmin_to_end: &{:?},", g.min_to_end);
    let _ = writeln!(s, "max_to_end: &{:?},", g.max_to_end);
    let _ = writeln!(s, "translations: &{:?},", g.translations);
    s.push_str("}\n}\n");
    s
}

fn write_answers(answers: &[guide::Answer]) -> String {
    let list: Vec<String> = answers
        .iter()
        .map(|a| {
            format!(
                "FrozenAnswer {{ label: {}, next: {}, sets: {} }}",
                lit(&a.label),
                a.next.0,
                opt(a.sets, |v| v.0.to_string())
            )
        })
        .collect();
    format!("&[{}]", list.join(", "))
}

fn write_node(s: &mut String, n: Node<'_>) {
    let kind = match &n.data.kind {
        Kind::Step { next, fixed } => format!(
            "FrozenKind::Step {{ next: {}, fixed: {} }}",
            next.0,
            opt(*fixed, |f| f.0.to_string())
        ),
        Kind::Question { answers } => format!("FrozenKind::Question({})", write_answers(answers)),
        Kind::Check { link, answers } => format!(
            "FrozenKind::Check({}, {}, {})",
            lit(&link.label),
            lit(link.url.as_str()),
            write_answers(answers)
        ),
        Kind::Outcome(o) => format!("FrozenKind::Outcome(OutcomeKind::{o:?})"),
    };
    let extras = opt(n.data.extras.as_deref(), |e| {
        let topics: Vec<String> = e.topics.iter().map(|t| lit(t)).collect();
        format!(
            "FrozenExtras {{ image: {}, applies: {}, reviewed: {}, topics: &[{}], cost: Cost::{:?}, erases: {}, allow_before: &[{}] }}",
            opt(e.image.as_ref(), |i| format!(
                "({}, {})",
                lit(&i.src),
                lit(&i.alt)
            )),
            opt(e.applies.as_deref(), |vs| {
                let ids: Vec<u8> = vs.iter().map(|v| v.0).collect();
                format!("&{ids:?}")
            }),
            opt(e.reviewed.as_deref(), lit),
            topics.join(", "),
            e.cost,
            opt(e.erases.as_deref(), lit),
            e.allow_before
                .iter()
                .map(|x| format!("({}, {})", x.step.0, lit(&x.reason)))
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    let _ = writeln!(
        s,
        "FrozenNode {{ id: {}, title: {}, text: {}, kind: {kind}, extras: {extras} }},",
        lit(&n.data.id),
        lit(&n.data.title),
        lit(&n.data.text)
    );
}
