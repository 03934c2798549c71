//! Native benchmark: parse + validate of generated guides of 1k, 10k and 100k nodes.
//! Prints a table (and JSON with `--json FILE`); writes the generated guides with
//! `--write-guides DIR` so the browser benchmark measures the same files. Times are
//! reported, never asserted.

#[path = "../common/mod.rs"]
mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::time::Instant;
use stepguide::guide::Guide;

/// Counts live and peak heap bytes while [`COUNTING`] is on, to report peak memory against the
/// file's size. Off while times are taken: two atomic updates an allocation slowed the
/// readers unevenly (100k nodes 141–144 ms uncounted against 149–163 ms counted; serde_json's
/// untyped parse, which allocates more, 46–47 against 56–58 ms). On and off only around whole
/// lifetimes (a guide read and dropped), so every block counted in is counted out.
struct Counting;
static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Relaxed) {
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
        }
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if COUNTING.load(Relaxed) {
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// Makes a value with counting on: the most bytes live meanwhile (above those live before),
/// those the value holds, and what `look` reads from it; the value is dropped before counting
/// stops.
fn counted<T, R>(make: impl FnOnce() -> T, look: impl FnOnce(&T) -> R) -> (usize, usize, R) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    COUNTING.store(true, Relaxed);
    let value = make();
    let (peak, kept) = (PEAK.load(Relaxed) - base, LIVE.load(Relaxed) - base);
    let seen = look(&value);
    drop(value);
    COUNTING.store(false, Relaxed);
    (peak, kept, seen)
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// What is timed: the widget's reader and checker, or serde_json's untyped parse.
#[derive(Clone, Copy)]
enum Reader {
    Guide,
    SerdeJson,
}

impl Reader {
    fn name(self) -> &'static str {
        match self {
            Reader::Guide => "guide",
            Reader::SerdeJson => "serde_json",
        }
    }
}

/// The text read: the iMessage guide, or a generated guide of about `size` nodes.
fn input(size: Option<usize>) -> String {
    match size {
        Some(n) => common::generated(n, 42, false),
        None => stepguide::BUNDLED_GUIDE.to_owned(),
    }
}

/// The median time of reading the input of `size` with `reader`, in milliseconds, taken in a
/// process of its own (this program, run with `--time`). In one process the reader timed
/// second ran on the heap the first had left, which favoured one or the other as the first's
/// allocations changed: serde_json's untyped parse of 100k nodes took 47 ms after one
/// version of the checker and 91 ms after the next, whose own time had not
/// changed (148–151 ms). A page, or the CLI, reads a guide in a fresh instance.
fn timed(reader: Reader, size: Option<usize>) -> f64 {
    let size_arg = size.map_or_else(|| "imessage".to_owned(), |n| n.to_string());
    let exe = std::env::current_exe().expect("the benchmark knows its own path");
    let out = std::process::Command::new(exe)
        .args(["--time", reader.name(), &size_arg])
        .output()
        .expect("the benchmark runs itself");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a time in milliseconds")
}

/// `--time READER SIZE`: prints the median of reading the input (see [`timed`]).
fn time_one(reader: &str, size: &str) {
    let size = (size != "imessage").then(|| size.parse::<usize>().expect("a number of nodes"));
    let text = input(size);
    let runs = match size {
        Some(n) if n >= 100_000 => 7,
        Some(_) => 21,
        None => 201,
    };
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        if reader == Reader::Guide.name() {
            let guide = Guide::from_json(&text).expect("generated guides are valid");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            drop(guide);
        } else {
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            drop(value);
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!("{}", times[runs / 2]);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(i) = args.iter().position(|a| a == "--time") {
        time_one(&args[i + 1], &args[i + 2]);
        return;
    }
    let mut rows = Vec::new();
    println!(
        "{:<8} {:>10} {:>14} {:>12} {:>14} {:>12} {:>12} {:>12}",
        "nodes",
        "file KB",
        "median ms",
        "serde_json",
        "peak heap KB",
        "peak/file",
        "raw/file",
        "kept/file"
    );
    // The bundled guide first: real texts are longer and carry more markup than generated
    // ones, and it is what the widget reads on every page load.
    // 18,000 nodes come to 1.9 MiB, near the 2 MiB that the widget accepts from a `src`: the
    // largest guide a page can be given.
    let inputs = std::iter::once(("the iMessage guide", None))
        .chain([1_000usize, 10_000, 18_000, 100_000].map(|n| ("generated", Some(n))));
    for (name, size) in inputs {
        let text = input(size);
        if let (Some(n), Some(dir)) = (size, flag("--write-guides")) {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(format!("{dir}/guide-{n}.json"), &text).unwrap();
        }
        let median = timed(Reader::Guide, size);
        // A floor for the time: serde_json reading the same text into untyped values, with
        // no checks (what the issue's `JSON.parse` comparison asks of the wasm, natively).
        let floor_ms = timed(Reader::SerdeJson, size);
        // Memory, counted in runs of their own: the peak while reading and checking, what the
        // checked guide keeps, and the peak of the raw serde types alone.
        let (peak, kept, nodes) = counted(
            || Guide::from_json(&text).expect("generated guides are valid"),
            Guide::len,
        );
        let (raw_peak, _, ()) = counted(
            || {
                stepguide::validate::json::from_str::<stepguide::validate::raw::RawGuide>(&text)
                    .unwrap()
            },
            |_| (),
        );
        println!(
            "{:<8} {:>10.1} {:>14.2} {:>12.2} {:>14.1} {:>12.2} {:>12.2} {:>12.2}",
            nodes,
            text.len() as f64 / 1024.0,
            median,
            floor_ms,
            peak as f64 / 1024.0,
            peak as f64 / text.len() as f64,
            raw_peak as f64 / text.len() as f64,
            kept as f64 / text.len() as f64
        );
        rows.push(format!(
            "{{\"name\": \"{name}\", \"nodes\": {nodes}, \"file_bytes\": {}, \"median_ms\": {median:.4}, \"serde_json_value_ms\": {floor_ms:.4}, \"peak_heap_bytes\": {peak}}}",
            text.len()
        ));
    }
    if let Some(path) = flag("--json") {
        std::fs::write(path, format!("[{}]\n", rows.join(", "))).unwrap();
    }
}
