//! A checked guide written out as Rust data when the crate is built, for the bundled guide.
//!
//! `build.rs` reads `guides/imessage-signed-out.json` with [`super::Guide::from_json`], the
//! same reader and checker every guide goes through (a bundled guide with a problem fails the
//! build, with the checker's messages), and writes the checked guide as a [`Frozen`] value.
//! [`Frozen::thaw`] turns it back into a [`Guide`] by copying, with nothing to read or check:
//! a page showing the bundled guide never runs the JSON reader or the checker, so the browser
//! never compiles them on the way to the first step. `tests/imessage_guide.rs` holds the thawed
//! guide equal to the one read from the file.

use super::{
    Answer, Cost, Exception, Extras, Guide, Image, Kind, Link, NodeData, NodeId, OutcomeKind,
    Variant, VariantId,
};
use crate::guide::markup::SafeUrl;

/// A checked guide as data; see the module's documentation. Every field mirrors [`Guide`]'s;
/// node indices are positions in `nodes`.
#[derive(Debug)]
pub struct Frozen {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) lang: &'static str,
    pub(crate) rtl: bool,
    pub(crate) version: &'static str,
    pub(crate) start: u32,
    pub(crate) hash: u64,
    pub(crate) variants: &'static [FrozenVariant],
    pub(crate) nodes: &'static [FrozenNode],
    pub(crate) min_to_end: &'static [u32],
    pub(crate) max_to_end: &'static [u32],
    pub(crate) translations: &'static [&'static str],
}

/// A [`Variant`] as data.
#[derive(Debug)]
pub struct FrozenVariant {
    pub(crate) id: &'static str,
    pub(crate) label: &'static str,
    pub(crate) ios_min: Option<u32>,
    pub(crate) ios_max: Option<u32>,
}

/// A node as data ([`NodeData`]).
#[derive(Debug)]
pub struct FrozenNode {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) text: &'static str,
    pub(crate) kind: FrozenKind,
    pub(crate) extras: Option<FrozenExtras>,
}

/// A [`Kind`] as data.
#[derive(Debug)]
pub enum FrozenKind {
    /// [`Kind::Step`].
    Step {
        /// See [`Kind::Step`].
        next: u32,
        /// See [`Kind::Step`].
        fixed: Option<u32>,
    },
    /// [`Kind::Question`].
    Question(&'static [FrozenAnswer]),
    /// [`Kind::Check`]: the link's label and URL, and the answers.
    Check(&'static str, &'static str, &'static [FrozenAnswer]),
    /// [`Kind::Outcome`].
    Outcome(OutcomeKind),
}

/// An [`Answer`] as data.
#[derive(Debug)]
pub struct FrozenAnswer {
    pub(crate) label: &'static str,
    pub(crate) next: u32,
    pub(crate) sets: Option<u8>,
}

/// The rare parts of a node ([`Extras`]) as data.
#[derive(Debug)]
pub struct FrozenExtras {
    /// The image's source and text alternative.
    pub(crate) image: Option<(&'static str, &'static str)>,
    pub(crate) applies: Option<&'static [u8]>,
    pub(crate) reviewed: Option<&'static str>,
    pub(crate) topics: &'static [&'static str],
    pub(crate) cost: Cost,
    pub(crate) erases: Option<&'static str>,
    /// Each exception's step and reason.
    pub(crate) allow_before: &'static [(u32, &'static str)],
}

fn answers(list: &[FrozenAnswer]) -> Box<[Answer]> {
    list.iter()
        .map(|a| Answer {
            label: a.label.into(),
            next: NodeId(a.next),
            sets: a.sets.map(VariantId),
        })
        .collect()
}

impl FrozenNode {
    fn thaw(&self) -> NodeData {
        let kind = match self.kind {
            FrozenKind::Step { next, fixed } => Kind::Step {
                next: NodeId(next),
                fixed: fixed.map(NodeId),
            },
            FrozenKind::Question(list) => Kind::Question {
                answers: answers(list),
            },
            FrozenKind::Check(label, url, list) => Kind::Check {
                link: Box::new(Link {
                    label: label.into(),
                    url: SafeUrl::checked(url.to_owned()),
                }),
                answers: answers(list),
            },
            FrozenKind::Outcome(o) => Kind::Outcome(o),
        };
        let extras = self.extras.as_ref().map(|e| {
            Box::new(Extras {
                image: e.image.map(|(src, alt)| Image {
                    src: src.to_owned(),
                    alt: alt.into(),
                }),
                applies: e
                    .applies
                    .map(|vs| vs.iter().copied().map(VariantId).collect()),
                reviewed: e.reviewed.map(Into::into),
                topics: e.topics.iter().map(|&t| t.into()).collect(),
                cost: e.cost,
                erases: e.erases.map(Into::into),
                allow_before: e
                    .allow_before
                    .iter()
                    .map(|&(step, reason)| Exception {
                        step: NodeId(step),
                        reason: reason.into(),
                    })
                    .collect(),
            })
        });
        NodeData {
            id: self.id.into(),
            title: self.title.into(),
            text: self.text.into(),
            kind,
            extras,
        }
    }
}

impl Frozen {
    /// The guide, as [`Guide::from_json`] made it when the crate was built.
    pub fn thaw(&self) -> Guide {
        Guide {
            id: self.id.to_owned(),
            title: self.title.into(),
            lang: self.lang.to_owned(),
            rtl: self.rtl,
            version: self.version.to_owned(),
            start: NodeId(self.start),
            variants: self
                .variants
                .iter()
                .map(|v| Variant {
                    id: v.id.to_owned(),
                    label: v.label.to_owned(),
                    ios_min: v.ios_min,
                    ios_max: v.ios_max,
                })
                .collect(),
            nodes: self.nodes.iter().map(FrozenNode::thaw).collect(),
            hash: self.hash,
            min_to_end: self.min_to_end.to_vec(),
            max_to_end: self.max_to_end.to_vec(),
            translations: self.translations.iter().map(|&t| t.into()).collect(),
            fallback: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Frozen;
    use crate::guide::Guide;

    /// `tests/guides/every-field.json`, frozen by `build.rs` as the bundled guide is.
    static EVERY_FIELD: Frozen = include!(concat!(env!("OUT_DIR"), "/every_field_guide.rs"));

    /// The bundled guide has no image, no `applies`, and reads left to right;
    /// `tests/imessage_guide.rs` covers what it has. This guide has the rest, and strings
    /// that need escapes in Rust's literals.
    #[test]
    fn a_guide_with_every_field_thaws_as_it_was_read() {
        let read = Guide::from_json(include_str!("../../tests/guides/every-field.json"));
        assert_eq!(Ok(EVERY_FIELD.thaw()), read);
    }
}
