//! The authoring side, native only: the `stepguide` CLI (with the `cli` feature) and the
//! reports it prints, which read guides through the same core as the widget.

pub mod analysis;
pub mod article;
#[cfg(feature = "cli")]
mod run;

#[cfg(feature = "cli")]
pub use run::main;
