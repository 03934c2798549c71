//! Reading and checking a guide file: the only way from outside data to a [`Guide`].
//!
//! [`json`] reads the text into the raw types of [`raw`], which mirror the file; `checks`
//! turns them into the checked model, collecting every problem at once, with [`LoadError`]
//! naming each node and field. Past this point nothing checks again. [`locate`] (native
//! only) finds where in the file a problem is, for the CLI.
//!
//! The widget built without the `reader` feature has none of this: it shows the bundled
//! guide, which `build.rs` read and checked with this same code when the crate was built.

mod checks;
mod error;
mod hash;
pub mod json;
// Native only: the CLI's.
#[cfg(not(target_arch = "wasm32"))]
pub mod locate;
pub mod raw;
pub mod translation;

pub(crate) use checks::is_lang;
pub use error::{LoadError, Problem, ProblemKind};

use crate::guide::{Guide, MAX_FILE_BYTES};

/// A file larger than a guide may be is refused before it is read.
pub(crate) fn check_size(size: usize) -> Result<(), LoadError> {
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

impl From<json::JsonError> for LoadError {
    fn from(e: json::JsonError) -> Self {
        LoadError::Syntax {
            line: e.line,
            column: e.column,
            message: e.message,
        }
    }
}

impl Guide {
    /// Reads and checks a guide file. Every problem found is reported at once.
    pub fn from_json(src: &str) -> Result<Guide, LoadError> {
        Self::resolve(src)?.finish()
    }

    /// [`Guide::from_json`] for a text the caller gives away: it is freed as soon as the
    /// nodes are read and resolved, before the checks of the whole graph, so a large guide
    /// never has its text, its checked nodes and the graph checks' work in memory at once
    /// (in the widget, where memory once grown is never given back, that was its peak).
    pub fn from_json_owned(src: String) -> Result<Guide, LoadError> {
        let resolved = Self::resolve(&src)?;
        drop(src);
        resolved.finish()
    }

    /// [`Guide::from_json_owned`] for a file's bytes, as they come from a disk or the network:
    /// they must be UTF-8, and become the text without being copied. Bytes that are not
    /// UTF-8 are a [`LoadError::Syntax`] at the first of them.
    pub fn from_json_bytes(file: Vec<u8>) -> Result<Guide, LoadError> {
        check_size(file.len())?;
        let text = json::utf8(file)?;
        Self::from_json_owned(text)
    }

    /// Reads the file and checks everything but the graph.
    fn resolve(src: &str) -> Result<checks::Resolved, LoadError> {
        check_size(src.len())?;
        #[cfg(not(all(feature = "bench-serde-json", target_arch = "wasm32")))]
        let raw: raw::RawGuide = json::from_str(src)?;
        #[cfg(all(feature = "bench-serde-json", target_arch = "wasm32"))]
        let raw: raw::RawGuide = serde_json::from_str(src).map_err(|e| LoadError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        checks::check(raw, hash::content_hash(src))
    }
}
