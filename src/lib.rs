//! stepguide walks a person through fixing a problem one step at a time, with branching
//! questions, entirely in the browser.
//!
//! The modules depend one way, each on those before it, and the first four never touch a
//! browser API, so native tests and the CLI use them directly (`tests/layout.rs` holds both
//! rules):
//!
//! - [`guide`]: the model, the checked types everything else reads;
//! - [`validate`]: reading a guide file and checking it into the model;
//! - [`words`]: the interface words;
//! - [`walk`]: the walk through a guide, its tokens, saved walks, transcripts, and the
//!   commands a host page gives it;
//! - `ui` (wasm32 only): the Yew views;
//! - `embed` (wasm32 only): the `<step-guide>` element's bindings, beside its JavaScript;
//! - `cli` (native only): the authoring CLI and its reports; `src/bin/stepguide.rs` calls it.
#![deny(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod guide;
// Left out of the wasm built without the `reader` feature, which shows the bundled guide,
// checked when the crate was built. Unused, the reader and checker were still optimised with
// the crate before its link dropped them, and changed how the code they share with the rest
// was inlined: any change to them moved that build's bytes.
#[cfg(any(feature = "reader", not(target_arch = "wasm32")))]
pub mod validate;
pub mod walk;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod embed;
// Native too, for the first screens that `stepguide prerender` renders with it.
pub mod ui;

/// The bundled guide's file, "iMessage is Signed Out". The widget does not read it: it shows
/// [`bundled_guide`], made from this file when the crate was built.
pub const BUNDLED_GUIDE: &str = include_str!("../guides/imessage-signed-out.json");

/// The bundled guide, shown when no `src` is given. It needs no network, and no reading or
/// checking when a page opens: `build.rs` checked it (a problem fails the build) and wrote it
/// out as data. `tests/imessage_guide.rs` holds it equal to [`BUNDLED_GUIDE`] read as any
/// guide is.
pub fn bundled_guide() -> guide::Guide {
    BUNDLED.thaw()
}

static BUNDLED: guide::frozen::Frozen = include!(concat!(env!("OUT_DIR"), "/bundled_guide.rs"));
