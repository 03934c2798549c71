//! The crate's module structure, read from its sources: the core (`guide`, `validate`,
//! `words`, `walk`) never names a browser crate, the modules depend one way, and no file
//! imports, directly or through others, a file that imports it.
//!
//! A file is a node; an edge is any path in its code (`use` trees and inline paths) that
//! names an item of another file's module. A name a module only re-exports (`pub use
//! error::LoadError`) is followed to the file that defines it, and paths inside an inline
//! module (`mod tests { use super::* }`) are read from that module.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The crates the pure core must never name.
const BROWSER_CRATES: [&str; 6] = [
    "yew",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "gloo_net",
];

/// The core's top-level modules: they run natively, under `cargo test` and in the CLI.
const CORE: [&str; 4] = ["guide", "validate", "words", "walk"];

/// Which top-level modules each may use. The crate root and its `lib.rs` items are open to
/// all; a module not listed here is refused, so a new one has to be placed.
const MAY_USE: [(&str, &[&str]); 8] = [
    ("guide", &[]),
    ("validate", &["guide"]),
    ("words", &["guide", "validate"]),
    ("walk", &["guide", "words"]),
    ("ui", &["guide", "validate", "words", "walk"]),
    ("embed", &["guide", "validate", "words", "walk", "ui"]),
    ("cli", &["guide", "validate", "words", "walk", "ui"]),
    ("bin", &["cli"]),
];

#[test]
fn the_crate_has_no_cycle_and_its_layers_run_one_way() {
    let files = read_sources(Path::new("src"));
    assert!(
        files.len() > 30,
        "the sources were not found: {:?}",
        files.keys()
    );
    let problems = check(&files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checks themselves find what they are for: a test that could not fail would prove
/// nothing about the crate.
#[test]
fn the_checks_report_cycles_layers_and_browser_crates() {
    // Each case: the files (path under src/, code), and the messages they must give.
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: &[Case] = &[
        // Clean: a child using its parent's re-export of a sibling is no cycle.
        (
            &[
                ("lib.rs", "pub mod guide; pub mod walk;"),
                ("guide/mod.rs", "mod error; pub use error::Bad; pub fn f() { error::g() }"),
                ("guide/error.rs", "pub struct Bad; pub fn g() {}"),
                ("walk/mod.rs", "use crate::guide::Bad; use crate::guide::{self, f};"),
            ],
            &[],
        ),
        (
            &[
                ("lib.rs", "pub mod guide;"),
                ("guide/mod.rs", "mod markup; use markup::Rich; pub struct Quoted;"),
                ("guide/markup.rs", "pub struct Rich; fn f() { let _ = crate::guide::Quoted; }"),
            ],
            &["import cycle: guide/markup.rs → guide/mod.rs → guide/markup.rs"],
        ),
        (
            &[
                ("lib.rs", "pub mod guide; pub mod ui;"),
                ("guide/mod.rs", "use crate::ui::{app::View};"),
                ("ui/mod.rs", "pub mod app;"),
                ("ui/app.rs", "pub struct View;"),
            ],
            &["guide/mod.rs uses ui/app.rs: guide may use only the modules before it"],
        ),
        (
            &[
                ("lib.rs", "pub mod walk;"),
                ("walk/mod.rs", "// yew::Html in a comment is fine\nfn f() -> web_sys::Element { todo!() }"),
            ],
            &["walk/mod.rs names web_sys: the core never uses a browser crate"],
        ),
        (
            &[
                ("lib.rs", "pub mod extra;"),
                ("extra.rs", "use crate::lib_item;"),
            ],
            &["extra.rs is in no layer: place the module extra in MAY_USE"],
        ),
        (
            &[
                ("lib.rs", "pub mod ui;"),
                ("ui/mod.rs", "pub mod app; pub mod load;"),
                ("ui/app.rs", "use super::load::Status; pub struct App;"),
                ("ui/load.rs", "pub enum Status {} #[cfg(test)] mod tests { use super::*; }\nfn f() { let _ = \"crate::ui::app::App\"; let _ = crate::ui::app::App; }"),
            ],
            &["import cycle: ui/app.rs → ui/load.rs → ui/app.rs"],
        ),
    ];
    for (sources, want) in cases {
        let files: BTreeMap<String, String> = sources
            .iter()
            .map(|(p, s)| ((*p).to_owned(), (*s).to_owned()))
            .collect();
        assert_eq!(check(&files), *want, "{sources:?}");
    }
}

/// Every `.rs` file under `root`, by its path relative to it, with `/` between parts.
fn read_sources(root: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// A module's path from the crate root (`["validate", "json"]`) for a file's path, or none
/// for a file that is a crate root of its own (`lib.rs` is `[]`; binaries are `["bin"]`).
fn module_of(file: &str) -> Vec<String> {
    if file.starts_with("bin/") {
        return vec!["bin".to_owned()];
    }
    let stem = file.trim_end_matches(".rs");
    let mut parts: Vec<String> = stem.split('/').map(str::to_owned).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// Every problem with the structure of `files`, as messages.
fn check(files: &BTreeMap<String, String>) -> Vec<String> {
    let modules: BTreeMap<Vec<String>, &str> =
        files.keys().map(|f| (module_of(f), f.as_str())).collect();
    let code: BTreeMap<&str, String> = files
        .iter()
        .map(|(f, s)| (f.as_str(), without_comments_and_strings(s)))
        .collect();
    let imports: BTreeMap<&str, Vec<Use>> = code.iter().map(|(f, c)| (*f, uses(c))).collect();
    let resolver = Resolver {
        modules: &modules,
        imports: &imports,
    };
    let mut problems = Vec::new();
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (&file, text) in &code {
        let here = module_of(file);
        let top = here.first().map(String::as_str);
        if top.is_some_and(|t| CORE.contains(&t)) {
            for krate in BROWSER_CRATES {
                if names(text, krate) {
                    problems.push(format!(
                        "{file} names {krate}: the core never uses a browser crate"
                    ));
                }
            }
        }
        let mut targets = BTreeSet::new();
        for path in paths(text, &here, &modules) {
            if let Some(target) = resolver.resolve(&path, 0) {
                if target != file {
                    targets.insert(target);
                }
            }
        }
        if let Some(top) = top {
            match MAY_USE.iter().find(|(m, _)| *m == top) {
                None => problems.push(format!(
                    "{file} is in no layer: place the module {top} in MAY_USE"
                )),
                Some((_, allowed)) => {
                    for target in &targets {
                        let other = module_of(target);
                        let Some(theirs) = other.first().map(String::as_str) else {
                            continue;
                        };
                        if theirs != top && !allowed.contains(&theirs) {
                            problems.push(format!(
                                "{file} uses {target}: {top} may use only the modules before it"
                            ));
                        }
                    }
                }
            }
        }
        edges.insert(file, targets);
    }
    problems.extend(cycles(&edges));
    problems
}

/// True when `text` names the crate `krate` as a path's first part.
fn names(text: &str, krate: &str) -> bool {
    text.match_indices(krate).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            && text[at + krate.len()..].starts_with("::")
    })
}

/// One name a `use` brings in: `name` stands for the path `path`, read from the module of
/// the file (`self`-relative unless it starts with `crate`, `super` or a crate's name).
#[derive(Debug, Clone)]
struct Use {
    name: String,
    path: Vec<String>,
    /// Inside an inline module (`mod tests { … }`): its paths start one module lower.
    inline: bool,
}

/// The code of a file with its comments and the contents of its string and character
/// literals blanked out, so that neither is read as a path.
fn without_comments_and_strings(s: &str) -> String {
    let b: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !b[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (next == Some('\\') || b.get(i + 2) == Some(&'\'')) {
            // A character literal; a lifetime (`'a`) has no closing quote two on.
            i += 1;
            while i < b.len() && b[i] != '\'' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The spans of inline modules (`mod name { … }`), by byte offsets of their braces.
fn inline_modules(code: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let bytes = code.as_bytes();
    for (at, _) in code.match_indices("mod ") {
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let rest = &code[at + 4..];
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(0);
        let after = rest[name_len..].trim_start();
        if name_len == 0 || !after.starts_with('{') {
            continue;
        }
        let open = code.len() - after.len();
        let mut depth = 0;
        for (k, c) in code[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        spans.push((open, open + k));
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    spans
}

/// Every name the `use` items of `code` bring in.
fn uses(code: &str) -> Vec<Use> {
    let inline = inline_modules(code);
    let mut out = Vec::new();
    for (at, _) in code.match_indices("use ") {
        let bytes = code.as_bytes();
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let Some(end) = code[at..].find(';') else {
            continue;
        };
        // Without spaces, an `as` kept as `@`: `a::{b, c as d}` is `a::{b,c@d}`.
        let words: Vec<&str> = code[at + 4..at + end].split_whitespace().collect();
        let tree = words.join(" ").replace(" as ", "@").replace(' ', "");
        let in_inline = inline.iter().any(|&(a, b)| a < at && at < b);
        expand(&tree, &mut Vec::new(), &mut |name, path| {
            out.push(Use {
                name,
                path,
                inline: in_inline,
            });
        });
    }
    out
}

/// Expands a `use` tree written without spaces, `as` written `@` (`a::{b,c::d@e,f::*}`), into
/// each name and its path, after `prefix`.
fn expand(tree: &str, prefix: &mut Vec<String>, each: &mut dyn FnMut(String, Vec<String>)) {
    // The tree's leading path, up to a brace or its end.
    let (head, rest) = match tree.find('{') {
        Some(open) => (&tree[..open], Some(&tree[open + 1..tree.len() - 1])),
        None => (tree, None),
    };
    let depth = prefix.len();
    let mut parts: Vec<&str> = head.split("::").filter(|p| !p.is_empty()).collect();
    match rest {
        Some(inner) => {
            prefix.extend(parts.iter().map(|p| (*p).to_owned()));
            for item in split_top(inner) {
                expand(item, prefix, each);
            }
        }
        None => {
            let last = parts.pop().unwrap_or("");
            prefix.extend(parts.iter().map(|p| (*p).to_owned()));
            let (item, alias) = last.split_once('@').unwrap_or((last, last));
            let mut path = prefix.clone();
            if item == "self" {
                let name = path.last().cloned().unwrap_or_default();
                each(
                    if alias == "self" {
                        name
                    } else {
                        alias.to_owned()
                    },
                    path,
                );
            } else {
                path.push(item.to_owned());
                each(alias.to_owned(), path);
            }
        }
    }
    prefix.truncate(depth);
}

/// A brace's items, split at its top-level commas.
fn split_top(s: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out.into_iter().filter(|p| !p.is_empty()).collect()
}

/// Every path in `code` that may name another file's module, made absolute (from the crate
/// root) where it can be: `use` trees, and inline paths starting `crate::`, `super::`,
/// `self::` or a child module's name.
fn paths(code: &str, here: &[String], modules: &BTreeMap<Vec<String>, &str>) -> Vec<Vec<String>> {
    let inline = inline_modules(code);
    let mut out = Vec::new();
    for u in uses(code) {
        if let Some(p) = absolute(&u.path, here, u.inline, modules) {
            out.push(p);
        }
    }
    let children: Vec<String> = modules
        .keys()
        .filter(|m| m.len() == here.len() + 1 && m.starts_with(here))
        .map(|m| m[here.len()].clone())
        .collect();
    let bytes = code.as_bytes();
    let mut at = 0;
    while at < code.len() {
        let c = bytes[at];
        let starts = (c.is_ascii_alphabetic() || c == b'_')
            && (at == 0
                || !(bytes[at - 1].is_ascii_alphanumeric()
                    || bytes[at - 1] == b'_'
                    || bytes[at - 1] == b':'));
        if !starts {
            at += 1;
            continue;
        }
        let mut end = at;
        while end < code.len()
            && (bytes[end].is_ascii_alphanumeric()
                || bytes[end] == b'_'
                || code[end..].starts_with("::"))
        {
            end += if code[end..].starts_with("::") { 2 } else { 1 };
        }
        let path: Vec<String> = code[at..end]
            .split("::")
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
        let first = path[0].as_str();
        let in_inline = inline.iter().any(|&(a, b)| a < at && at < b);
        if path.len() > 1
            && (matches!(first, "crate" | "super" | "self") || children.iter().any(|c| c == first))
            && !code[..at].trim_end().ends_with("use")
        {
            if let Some(p) = absolute(&path, here, in_inline, modules) {
                out.push(p);
            }
        }
        at = end.max(at + 1);
    }
    out
}

/// `path`, written in module `here` (one lower in an inline module), from the crate root;
/// none for a path into another crate.
fn absolute(
    path: &[String],
    here: &[String],
    inline: bool,
    modules: &BTreeMap<Vec<String>, &str>,
) -> Option<Vec<String>> {
    let mut base: Vec<String> = here.to_vec();
    let mut rest = path;
    // In an inline module, `super` is the file's own module.
    let mut skip_super = inline;
    match rest.first().map(String::as_str) {
        // A binary reaches the library by its name.
        Some("crate") | Some("stepguide") if rest[0] == "crate" || here == ["bin"] => {
            base.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                if skip_super {
                    skip_super = false;
                } else {
                    base.pop();
                }
                rest = &rest[1..];
            }
        }
        Some(first) => {
            let mut child = base.clone();
            child.push(first.to_owned());
            if !modules.contains_key(&child) {
                return None;
            }
        }
        None => return None,
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// Finds the file whose module defines what an absolute path names.
struct Resolver<'a> {
    modules: &'a BTreeMap<Vec<String>, &'a str>,
    imports: &'a BTreeMap<&'a str, Vec<Use>>,
}

impl<'a> Resolver<'a> {
    /// The file of the deepest module on `path`, or, where the rest of the path is a name
    /// that module only imports, the file that name comes from.
    fn resolve(&self, path: &[String], depth: usize) -> Option<&'a str> {
        let mut len = path.len();
        while !self.modules.contains_key(&path[..len]) {
            len = len.checked_sub(1)?;
        }
        let module = &path[..len];
        let file = self.modules[module];
        if depth < 8 {
            if let Some(name) = path.get(len) {
                let found = self.imports[file]
                    .iter()
                    .find(|u| !u.inline && &u.name == name && u.name != "*");
                if let Some(u) = found {
                    if let Some(mut target) = absolute(&u.path, module, false, self.modules) {
                        target.extend(path[len + 1..].iter().cloned());
                        return self.resolve(&target, depth + 1).or(Some(file));
                    }
                }
            }
        }
        Some(file)
    }
}

/// Each import cycle among `edges`, once, from its smallest file.
fn cycles(edges: &BTreeMap<&str, BTreeSet<&str>>) -> Vec<String> {
    let mut found = BTreeSet::new();
    for &start in edges.keys() {
        // The shortest way back to `start`, by breadth-first search.
        let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        'search: while let Some(at) = queue.pop_front() {
            for &next in edges.get(at).into_iter().flatten() {
                if next == start {
                    // start → … → at → start.
                    let mut cycle = vec![at];
                    while *cycle.last().unwrap() != start {
                        cycle.push(came_from[cycle.last().unwrap()]);
                    }
                    cycle.reverse();
                    // From the cycle's smallest file, so each is reported once.
                    let min = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap();
                    cycle.rotate_left(min);
                    cycle.push(cycle[0]);
                    found.insert(format!("import cycle: {}", cycle.join(" → ")));
                    break 'search;
                }
                if next != start && !came_from.contains_key(next) {
                    came_from.insert(next, at);
                    queue.push_back(next);
                }
            }
        }
    }
    found.into_iter().collect()
}
