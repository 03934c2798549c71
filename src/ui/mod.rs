//! The Yew views: thin components over the pure core. One component per file; the walk's
//! state and its reducer live in [`state`], host-page plumbing in [`host`].

pub mod app;
pub mod error_view;
pub mod history;
pub mod host;
pub mod later;
pub mod load;
pub mod mark;
pub mod outcome;
pub mod persist;
pub mod plural;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod progress;
pub mod resume;
pub mod rich;
pub mod state;
pub mod step_card;
pub mod walker;
pub mod words;

pub use app::{App, AppProps, GuideSource};
pub use host::{Bus, Command, Host};
