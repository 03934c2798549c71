//! The guide file as written: serde types with no checks beyond JSON syntax.
//!
//! The types that appear as defaults in the JSON Schema also derive `Serialize` in the CLI
//! build: schemars writes a field's default by serialising it.
//!
//! Nothing outside [`crate::guide`] sees these types: [`super::Guide::from_json`] turns them
//! into checked types or a list of every problem found.

use super::json::Literal;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::marker::PhantomData;

/// A guide file (format 1).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawGuide<'a> {
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
    /// Languages the guide is translated into, each in a sibling file `<name>.<lang>.json`
    /// (for `guide.json` in Spanish, `guide.es.json`).
    #[serde(default)]
    pub translations: Vec<String>,
    /// Alternatives the text adapts to (for example iOS versions). The first is the default.
    #[serde(default)]
    pub variants: Vec<RawVariant>,
    /// Named words or paths whose text depends on the variant; used in text as `{name}`.
    #[serde(default)]
    #[cfg_attr(
        feature = "cli",
        schemars(
            with = "std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>"
        )
    )]
    pub terms: Entries<Entries<String>>,
    /// Every node of the guide.
    #[cfg_attr(feature = "cli", schemars(with = "Vec<RawNode>"))]
    #[serde(borrow)]
    pub nodes: Vec<ReadNode<'a>>,
}

/// A JSON object's entries in the order of the file, a name given twice kept twice, for the
/// checker to report. A list rather than a map: a guide has a few terms, and a `BTreeMap`
/// brought about 3 KB (brotli) of map code into the wasm for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entries<V>(pub Vec<(String, V)>);

impl<V> Default for Entries<V> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<V> Entries<V> {
    /// The value of the first entry named `name`.
    pub fn get(&self, name: &str) -> Option<&V> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<V> {
            type Value = Entries<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<V>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

/// An object again, for the JSON Schema's default (see the module's documentation).
#[cfg(feature = "cli")]
impl<V: serde::Serialize> serde::Serialize for Entries<V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

fn default_dir() -> String {
    "ltr".to_owned()
}

/// One alternative the guide's text adapts to.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, serde::Serialize))]
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

// Read one at a time and moved at once into a [`ReadNode`], which is what a large guide
// holds while it waits to be checked. (A `//` comment, so that it stays out of the JSON
// Schema's description.)
/// One node: a step, a question, a check or an outcome.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawNode<'a> {
    /// Unique identifier: lowercase letters, digits and hyphens.
    #[serde(borrow)]
    pub id: Literal<'a>,
    /// What kind of node this is.
    pub kind: RawKind,
    /// Short heading.
    #[serde(borrow)]
    pub title: Literal<'a>,
    /// Body text in stepguide markup.
    #[serde(default)]
    #[serde(borrow)]
    pub text: Literal<'a>,
    /// Step: the node that follows (for a fix step, the node when the fix did not work).
    #[serde(default)]
    #[serde(borrow)]
    pub next: Option<Literal<'a>>,
    /// Step: makes it a fix step that asks "did this fix it?"; the outcome when it did.
    #[serde(default)]
    #[serde(borrow)]
    pub fixed: Option<Literal<'a>>,
    /// Question or check: the answers, each leading to a node.
    #[serde(default)]
    #[serde(borrow)]
    pub answers: Box<[RawAnswer<'a>]>,
    /// Check: the outside page the person looks at.
    #[serde(default)]
    pub link: Option<RawLink>,
    /// Outcome: how the walk ended.
    #[serde(default)]
    pub outcome: Option<RawOutcome>,
    /// An illustration.
    #[serde(default)]
    pub image: Option<RawImage>,
    /// Variants this node applies to; on others a step is passed over. All when absent.
    #[serde(default)]
    #[serde(borrow)]
    pub applies: Option<Box<[Literal<'a>]>>,
    /// When the content was last checked against the product, as YYYY-MM-DD.
    #[serde(default)]
    #[serde(borrow)]
    pub reviewed: Option<Literal<'a>>,
    /// Topics this node covers, for coverage checks.
    #[serde(default)]
    #[serde(borrow)]
    pub topics: Box<[Literal<'a>]>,
    /// Step: how disruptive it is to do. A destructive step may not come before a cheaper
    /// one on any path (see `allow_before`). `none` when absent.
    #[serde(default)]
    pub cost: Option<RawCost>,
    /// Destructive step: what doing it erases, in a few plain words.
    #[serde(default)]
    pub erases: Option<String>,
    /// Destructive step: cheaper steps that may still come after it, each id with the reason
    /// (`stepguide check` prints it). An object, read as the terms are: the same reader code.
    #[serde(default)]
    #[cfg_attr(
        feature = "cli",
        schemars(with = "std::collections::BTreeMap<String, String>")
    )]
    pub allow_before: Entries<String>,
}

/// How disruptive a step is to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum RawCost {
    /// Nothing is lost: a switch, a look at a setting.
    None,
    /// A short interruption, such as a restart or signing in again.
    Mild,
    /// It erases settings or data.
    Destructive,
}

/// The kind of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, serde::Serialize))]
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
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct RawAnswer<'a> {
    /// What the person taps.
    #[serde(borrow)]
    pub label: Literal<'a>,
    /// Where the answer leads.
    #[serde(borrow)]
    pub next: Literal<'a>,
    /// The variant this answer selects for the rest of the walk.
    #[serde(default)]
    #[serde(borrow)]
    pub sets: Option<Literal<'a>>,
}

/// A link to an outside page.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    /// The text of the link.
    pub label: String,
    /// An https, mailto or tel URL.
    pub url: String,
}

/// How a walk ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, serde::Serialize))]
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
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct RawImage {
    /// An https URL, or a path relative to the page.
    pub src: String,
    /// Text that replaces the image for people who cannot see it.
    pub alt: String,
}

/// A node as kept between reading and checking: a [`RawNode`] with the fields most nodes
/// leave out moved into a box. Each node is read as a `RawNode` (so the format, its messages
/// and its schema come from that one definition) and moved into this form at once, which
/// takes 96 bytes a node instead of 168 (48 in wasm32) while a large guide waits to be
/// checked; its strings are [`Literal`]s, slices of the file's text, so a node allocates
/// nothing for them.
#[derive(Debug, Clone)]
pub struct ReadNode<'a> {
    /// See [`RawNode::id`].
    pub id: Literal<'a>,
    /// See [`RawNode::kind`].
    pub kind: RawKind,
    /// See [`RawNode::outcome`].
    pub outcome: Option<RawOutcome>,
    /// See [`RawNode::title`].
    pub title: Literal<'a>,
    /// See [`RawNode::text`].
    pub text: Literal<'a>,
    /// See [`RawNode::next`].
    pub next: Option<Literal<'a>>,
    /// See [`RawNode::answers`]; the answers' `sets` are among the rarer fields.
    pub answers: Box<[ReadAnswer<'a>]>,
    /// The rest, when any of it is there.
    pub rare: Option<Box<RareFields<'a>>>,
}

/// An answer as kept between reading and checking: a [`RawAnswer`] without `sets`, which
/// few answers have (32 bytes instead of 48; 16 in wasm32).
#[derive(Debug, Clone, Copy)]
pub struct ReadAnswer<'a> {
    /// See [`RawAnswer::label`].
    pub label: Literal<'a>,
    /// See [`RawAnswer::next`].
    pub next: Literal<'a>,
}

/// The fields of a node that most nodes leave out. A fix step's `fixed` is the one many
/// nodes have (a quarter of them in the benchmark's guides), so it has a small box of its
/// own (12 bytes in wasm32) and the rest another: in one box of 40 bytes, the `fixed` of
/// each fix was most of the memory the rare fields took.
#[derive(Debug, Clone, Default)]
pub struct RareFields<'a> {
    /// See [`RawNode::fixed`].
    pub fixed: Option<Literal<'a>>,
    /// The rest, when any of it is there.
    pub rarer: Option<Box<RarerFields<'a>>>,
}

/// The fields of a node that fewer nodes still have.
#[derive(Debug, Clone, Default)]
pub struct RarerFields<'a> {
    /// See [`RawNode::link`] (boxed, as fewer nodes still have one than have any of these).
    pub link: Option<Box<RawLink>>,
    /// See [`RawNode::image`] (boxed, as [`RarerFields::link`]).
    pub image: Option<Box<RawImage>>,
    /// See [`RawNode::applies`].
    pub applies: Option<Box<[Literal<'a>]>>,
    /// See [`RawNode::reviewed`].
    pub reviewed: Option<Literal<'a>>,
    /// See [`RawNode::topics`].
    pub topics: Box<[Literal<'a>]>,
    /// Each answer's [`RawAnswer::sets`], in order, when any answer has one.
    pub sets: Option<Box<[Option<Literal<'a>>]>>,
    /// See [`RawNode::cost`].
    pub cost: Option<RawCost>,
    /// See [`RawNode::erases`].
    pub erases: Option<String>,
    /// See [`RawNode::allow_before`].
    pub allow_before: Entries<String>,
}

#[cfg(target_arch = "wasm32")]
const _: () = assert!(
    std::mem::size_of::<ReadNode>() == 48
        && std::mem::size_of::<ReadAnswer>() == 16
        && std::mem::size_of::<RareFields>() == 12
);

impl<'a> From<RawNode<'a>> for ReadNode<'a> {
    fn from(n: RawNode<'a>) -> ReadNode<'a> {
        let sets = n
            .answers
            .iter()
            .any(|a| a.sets.is_some())
            .then(|| n.answers.iter().map(|a| a.sets).collect());
        let rarer = RarerFields {
            link: n.link.map(Box::new),
            image: n.image.map(Box::new),
            applies: n.applies,
            reviewed: n.reviewed,
            topics: n.topics,
            sets,
            cost: n.cost,
            erases: n.erases,
            allow_before: n.allow_before,
        };
        let any_rarer = rarer.link.is_some()
            || rarer.image.is_some()
            || rarer.applies.is_some()
            || rarer.reviewed.is_some()
            || !rarer.topics.is_empty()
            || rarer.sets.is_some()
            || rarer.cost.is_some()
            || rarer.erases.is_some()
            || !rarer.allow_before.0.is_empty();
        let rare = RareFields {
            fixed: n.fixed,
            rarer: any_rarer.then(|| Box::new(rarer)),
        };
        let any = rare.fixed.is_some() || rare.rarer.is_some();
        ReadNode {
            id: n.id,
            kind: n.kind,
            outcome: n.outcome,
            title: n.title,
            text: n.text,
            next: n.next,
            answers: n
                .answers
                .iter()
                .map(|a| ReadAnswer {
                    label: a.label,
                    next: a.next,
                })
                .collect(),
            rare: any.then(|| Box::new(rare)),
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for ReadNode<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawNode::deserialize(deserializer).map(ReadNode::from)
    }
}

impl<'a> ReadNode<'a> {
    /// See [`RawNode::fixed`].
    pub fn fixed(&self) -> Option<Literal<'a>> {
        self.rare.as_ref()?.fixed
    }

    /// The fields fewer nodes have, when there are any.
    fn rarer(&self) -> Option<&RarerFields<'a>> {
        self.rare.as_ref()?.rarer.as_deref()
    }

    /// See [`RawNode::link`].
    pub fn link(&self) -> Option<&RawLink> {
        self.rarer()?.link.as_deref()
    }

    /// See [`RawNode::image`].
    pub fn image(&self) -> Option<&RawImage> {
        self.rarer()?.image.as_deref()
    }

    /// See [`RawNode::applies`].
    pub fn applies(&self) -> Option<&[Literal<'a>]> {
        self.rarer()?.applies.as_deref()
    }

    /// See [`RawNode::reviewed`].
    pub fn reviewed(&self) -> Option<Literal<'a>> {
        self.rarer()?.reviewed
    }

    /// See [`RawNode::topics`].
    pub fn topics(&self) -> &[Literal<'a>] {
        self.rarer().map_or(&[], |r| &r.topics)
    }

    /// See [`RawNode::cost`].
    pub fn cost(&self) -> Option<RawCost> {
        self.rarer()?.cost
    }

    /// See [`RawNode::erases`].
    pub fn erases(&self) -> Option<&str> {
        self.rarer()?.erases.as_deref()
    }

    /// See [`RawNode::allow_before`].
    pub fn allow_before(&self) -> &[(String, String)] {
        self.rarer().map_or(&[], |r| &r.allow_before.0)
    }

    /// See [`RawAnswer::sets`], of answer `i`.
    pub fn sets(&self, i: usize) -> Option<Literal<'a>> {
        *self.rarer()?.sets.as_ref()?.get(i)?
    }
}
