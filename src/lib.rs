//! stepguide walks a person through fixing a problem one step at a time, with branching
//! questions, entirely in the browser.
//!
//! The crate has a pure core ([`guide`], [`markup`], [`walk`], [`token`], [`transcript`],
//! [`analysis`], [`article`]) that never touches a browser API, so native tests and the
//! `stepguide` CLI use it directly; and, on wasm32 only, the Yew views (`ui`) and the
//! `<step-guide>` element's bindings (`embed`).
#![deny(missing_docs)]

pub mod analysis;
pub mod article;
pub mod detect;
pub mod guide;
pub mod markup;
pub mod strings;
pub mod token;
pub mod transcript;
pub mod walk;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The bundled guide, "iMessage is Signed Out", shown when no `src` is given. It needs no
/// network; `tests/imessage_guide.rs` checks it on every test run.
pub const BUNDLED_GUIDE: &str = include_str!("../guides/imessage-signed-out.json");

/// The widget's stylesheet, applied inside its shadow root.
pub const STYLESHEET: &str = include_str!("../styles/stepguide.css");
