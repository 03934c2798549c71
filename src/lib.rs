//! stepguide walks a person through fixing a problem one step at a time, with branching
//! questions, entirely in the browser.
//!
//! The crate has a pure core ([`guide`], [`markup`], [`walk`], [`token`], [`saved`],
//! [`transcript`], [`analysis`], [`article`], [`command`]) that never touches a browser API,
//! so native tests and the `stepguide` CLI use it directly; and, on wasm32 only, the Yew
//! views (`ui`) and the `<step-guide>` element's bindings (`embed`).
#![deny(missing_docs)]

pub mod analysis;
pub mod article;
pub mod command;
#[cfg(test)]
mod css;
pub mod detect;
pub mod guide;
pub mod markup;
pub mod saved;
pub mod strings;
pub mod token;
pub mod transcript;
pub mod walk;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
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

/// The widget's stylesheet, applied inside its shadow root: `styles/stepguide.css` without
/// its comments and needless whitespace (written by `build.rs`).
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/stepguide.css"));
