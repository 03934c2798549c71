//! Rebuilds this crate when the checkout building it changes.
//!
//! The scripts share one target directory between checkouts, where cargo tells this crate's
//! builds apart by file times alone: a build here after one in another checkout could be
//! taken as fresh and leave the other checkout's build in place (as happened to the widget,
//! whose `build.rs` does the same). `scripts/env.sh` names the checkout.

fn main() {
    println!("cargo:rerun-if-env-changed=STEPGUIDE_CHECKOUT");
    println!("cargo:rerun-if-changed=build.rs");
}
