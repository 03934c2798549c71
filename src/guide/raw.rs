//! The guide file as written: serde types with no checks beyond JSON syntax.
//!
//! Nothing outside [`crate::guide`] sees these types: [`super::Guide::from_json`] turns them
//! into checked types or a list of every problem found.

use super::chunked::Chunked;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A guide file (format 1).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    /// Where editors find the JSON Schema of this format (ignored by stepguide).
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// Version of the file format; this build reads format 1.
    pub format: u32,
    /// Stable identifier: lowercase letters, digits and hyphens.
    pub id: String,
    /// The guide's title, shown above every step.
    pub title: String,
    /// BCP 47 language tag of the guide's text, such as `en` or `en-GB`.
    pub lang: String,
    /// Text direction: `ltr` or `rtl`.
    #[serde(default = "default_dir")]
    pub dir: String,
    /// Version of the content, such as a date; shown in transcripts.
    pub version: String,
    /// Id of the first node.
    pub start: String,
    /// Alternatives the text adapts to (for example iOS versions). The first is the default.
    #[serde(default)]
    pub variants: Vec<RawVariant>,
    /// Named words or paths whose text depends on the variant; used in text as `{name}`.
    #[serde(default)]
    pub terms: BTreeMap<String, BTreeMap<String, String>>,
    /// Every node of the guide.
    pub nodes: Chunked<RawNode>,
}

fn default_dir() -> String {
    "ltr".to_owned()
}

/// One alternative the guide's text adapts to.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawVariant {
    /// Identifier used by `sets`, `applies` and `terms`.
    pub id: String,
    /// Name shown to the person, such as "iOS 18 or later".
    pub label: String,
    /// Lowest iOS major version this variant covers, for detection on an iPhone.
    #[serde(default)]
    pub ios_min: Option<u32>,
    /// Highest iOS major version this variant covers, for detection on an iPhone.
    #[serde(default)]
    pub ios_max: Option<u32>,
}

// Fields most nodes leave out are boxed, and strings and lists are boxed slices (no spare
// capacity, 16 bytes instead of 24): a large guide's node list is held whole while it is
// checked, so every byte of this struct counts once per node. (A `//` comment, so that it
// stays out of the JSON Schema's description.)
/// One node: a step, a question, a check or an outcome.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    /// Unique identifier: lowercase letters, digits and hyphens.
    pub id: Box<str>,
    /// What kind of node this is.
    pub kind: RawKind,
    /// Short heading.
    pub title: Box<str>,
    /// Body text in stepguide markup.
    #[serde(default)]
    pub text: Box<str>,
    /// Step: the node that follows (for a fix step, the node when the fix did not work).
    #[serde(default)]
    pub next: Option<Box<str>>,
    /// Step: makes it a fix step that asks "did this fix it?"; the outcome when it did.
    #[serde(default)]
    pub fixed: Option<Box<str>>,
    /// Question or check: the answers, each leading to a node.
    #[serde(default)]
    pub answers: Box<[RawAnswer]>,
    /// Check: the outside page the person looks at.
    #[serde(default)]
    pub link: Option<Box<RawLink>>,
    /// Outcome: how the walk ended.
    #[serde(default)]
    pub outcome: Option<RawOutcome>,
    /// An illustration.
    #[serde(default)]
    pub image: Option<Box<RawImage>>,
    /// Variants this node applies to; on others a step is passed over. All when absent.
    #[serde(default)]
    pub applies: Option<Box<[Box<str>]>>,
    /// When the content was last checked against the product, as YYYY-MM-DD.
    #[serde(default)]
    pub reviewed: Option<Box<str>>,
    /// Topics this node covers, for coverage checks.
    #[serde(default)]
    pub topics: Box<[Box<str>]>,
}

/// The kind of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum RawKind {
    /// Something to do, then continue (or a fix, with `fixed`).
    Step,
    /// A question with two or more answers.
    Question,
    /// A look at an outside page, then a question about what it showed.
    Check,
    /// The end of a walk.
    Outcome,
}

/// An answer to a question or check.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawAnswer {
    /// What the person taps.
    pub label: Box<str>,
    /// Where the answer leads.
    pub next: Box<str>,
    /// The variant this answer selects for the rest of the walk.
    #[serde(default)]
    pub sets: Option<Box<str>>,
}

/// A link to an outside page.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    /// The text of the link.
    pub label: String,
    /// An https, mailto or tel URL.
    pub url: String,
}

/// How a walk ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum RawOutcome {
    /// The problem is fixed.
    Resolved,
    /// Nothing to do but wait (for example a service outage).
    Waiting,
    /// Contact support.
    Escalate,
}

/// An illustration.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawImage {
    /// An https URL, or a path relative to the page.
    pub src: String,
    /// Text that replaces the image for people who cannot see it.
    pub alt: String,
}
