//! The benchmark's count of live bytes: how many bytes the widget's guide reader and checker
//! hold at once while they read a guide, counted by an allocator that wraps the standard one.
//!
//! The wasm memory rows of `scripts/bench` count how far a fresh instance's memory grew: whole
//! 64 KiB pages, with the allocator's headers and gaps, which is what a page pays. These rows
//! count the bytes themselves, to tell the two apart (for a guide of about 100 KB, one page
//! is more than half the file).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use wasm_bindgen::prelude::*;

/// The standard allocator, counting the bytes it has handed out and not had back.
struct Counting;

/// The wasm has one thread; a `Cell` in a `static` needs `Sync`, which this gives it.
struct Counter(Cell<usize>, Cell<usize>);
// SAFETY: wasm32-unknown-unknown without atomics runs one thread, so no two accesses race.
unsafe impl Sync for Counter {}

/// Bytes live now, and the most live since the last reset.
static LIVE: Counter = Counter(Cell::new(0), Cell::new(0));

fn add(n: usize) {
    let now = LIVE.0.get() + n;
    LIVE.0.set(now);
    LIVE.1.set(LIVE.1.get().max(now));
}

// SAFETY: every call is passed on to `System` unchanged; only the counts are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size());
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.0.set(LIVE.0.get() - layout.size());
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // While it moves, the old block and the new one are both live.
        add(new_size);
        LIVE.0.set(LIVE.0.get() - layout.size());
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Reads and checks a guide file as the widget reads one given by `src` (its bytes, copied
/// into the wasm): the most bytes live at once meanwhile, the file's own copy included, or
/// the guide's problems.
#[wasm_bindgen(js_name = livePeak)]
pub fn live_peak(file: Vec<u8>) -> Result<u32, String> {
    // The file was copied in before this call: count from before it.
    let before = LIVE.0.get() - file.len();
    LIVE.1.set(LIVE.0.get());
    stepguide::guide::Guide::from_json_bytes(file).map_err(|e| e.to_string())?;
    Ok((LIVE.1.get() - before) as u32)
}
