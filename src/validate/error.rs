//! Errors from loading a guide: where each problem is, and what it is.

use crate::guide::markup::MarkupError;
use crate::guide::quoted::Quoted;
use std::fmt;
use thiserror::Error;

/// Why a guide file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    /// The file is larger than a guide may be.
    #[error("the guide is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// The file's size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The file is not valid JSON, or not of the guide's shape.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the JSON reader said.
        message: String,
    },
    /// The file is well-formed but breaks the rules of a guide; every problem is listed.
    #[error("{}", Problems(.0))]
    Invalid(Vec<Problem>),
}

struct Problems<'a>(&'a [Problem]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// One problem in a guide: where it is (node and field) and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    node: Option<String>,
    field: String,
    kind: ProblemKind,
}

// Only the checker makes problems; the build without a reader has none to make.
impl Problem {
    pub(crate) fn guide(field: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            node: None,
            field: field.into(),
            kind,
        }
    }

    pub(crate) fn node(node: &str, field: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            node: Some(node.to_owned()),
            field: field.into(),
            kind,
        }
    }
}

impl Problem {
    /// The id of the node the problem is in; `None` for the guide's own fields.
    pub fn node_id(&self) -> Option<&str> {
        self.node.as_deref()
    }

    /// The field the problem is in, such as `answers[1].next`.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What the problem is.
    pub fn kind(&self) -> &ProblemKind {
        &self.kind
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.node {
            Some(node) => write!(
                f,
                "node \"{node}\", field \"{}\": {}",
                self.field, self.kind
            ),
            None => write!(f, "guide field \"{}\": {}", self.field, self.kind),
        }
    }
}

impl std::error::Error for Problem {}

/// What is wrong; [`Problem`] says where.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The `format` is not one this build reads.
    #[error("format {0} is not supported (this build reads format 1)")]
    UnsupportedFormat(u32),
    /// A required text is empty.
    #[error("is empty")]
    Empty,
    /// A control character (other than a tab or line break) in a text.
    #[error("has control character U+{:04X}; only tabs and line breaks may be used", u32::from(*.0))]
    ControlCharacter(char),
    /// A text is longer than the limit.
    #[error("is {len} characters long, more than the limit of {max}")]
    TooLong {
        /// The text's length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// Too many of something (nodes, answers, variants, terms).
    #[error("has {count} entries, more than the limit of {max}")]
    TooMany {
        /// How many there are.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// An id that is not lowercase letters, digits and hyphens.
    #[error("{} is not a valid id (use lowercase letters, digits and hyphens, at most 64)", Quoted(.0))]
    BadId(String),
    /// Two nodes (or variants) share an id.
    #[error("id {} is used more than once", Quoted(.0))]
    DuplicateId(String),
    /// A reference to a node that does not exist.
    #[error("refers to unknown node {}", Quoted(.0))]
    UnknownNode(String),
    /// A reference to a variant that does not exist.
    #[error("refers to unknown variant {}", Quoted(.0))]
    UnknownVariant(String),
    /// A `{term}` in text that the guide does not define.
    #[error("uses unknown term {}", Quoted(.0))]
    UnknownTerm(String),
    /// A `{` with no `}` in text.
    #[error("has a \"{{\" with no \"}}\" after it")]
    UnclosedTerm,
    /// A term with no text for one of the variants.
    #[error("has no text for variant {}", Quoted(.0))]
    TermMissingVariant(String),
    /// Terms are defined but there are no variants to choose between.
    #[error("terms need at least one variant")]
    TermsWithoutVariants,
    /// No path leads from the start to this node.
    #[error("cannot be reached from the start")]
    Unreachable,
    /// A node from which no path leads to an outcome (a dead end or a closed loop).
    #[error("no outcome can be reached from this node")]
    NoOutcome,
    /// A field that this kind of node needs.
    #[error("is required on a {0} node")]
    Required(&'static str),
    /// A field that this kind of node does not take.
    #[error("is not allowed on a {0} node")]
    NotAllowed(&'static str),
    /// A question or check with fewer than two answers.
    #[error("has {0} answer(s); at least 2 are needed")]
    TooFewAnswers(usize),
    /// An answer whose label an earlier answer of the same node has: the person could not
    /// tell them apart.
    #[error("is the same as answers[{0}].label; each answer needs a label of its own")]
    SameLabel(usize),
    /// `fixed` must lead to a resolved outcome.
    #[error("must lead to a resolved outcome, and {} is not one", Quoted(.0))]
    NotResolved(String),
    /// A fix step whose `fixed` and `next` are one node: both answers to "did this fix
    /// it?" would lead to the same place.
    #[error("is {}, as is \"next\": \"did this fix it?\" would lead there either way", Quoted(.0))]
    FixedIsNext(String),
    /// A problem in the markup of a text.
    #[error("{0}")]
    Markup(MarkupError),
    /// An image source that is neither https nor a relative path.
    #[error("image source {} is not allowed (use https or a relative path)", Quoted(.0))]
    BadImageSource(String),
    /// A date that is not YYYY-MM-DD.
    #[error("{} is not a date in the form YYYY-MM-DD", Quoted(.0))]
    BadDate(String),
    /// A language tag that is not BCP 47 in shape.
    #[error("{} is not a language tag such as \"en\" or \"en-GB\"", Quoted(.0))]
    BadLanguage(String),
    /// A translation of another guide than the one it is read with.
    #[error("translates {}, not this guide", Quoted(.0))]
    RefersToUnknownGuide(String),
    /// A translation with another number of answers than the node has.
    #[error("gives {given} answers where the node has {expected}")]
    AnswerCount {
        /// How many the translation gives.
        given: usize,
        /// How many the node has.
        expected: usize,
    },
    /// A translation of a text the node does not have.
    #[error("translates a text the node does not have")]
    NothingToTranslate,
    /// A translation listed twice, or in the guide's own language.
    #[error("{} is listed twice, or is the guide's own language", Quoted(.0))]
    RepeatedLanguage(String),
    /// A direction other than ltr or rtl.
    #[error("{} is not a direction (use \"ltr\" or \"rtl\")", Quoted(.0))]
    BadDirection(String),
    /// A destructive step from which a cheaper step can still be reached: the person would
    /// lose settings or data before trying what costs less.
    #[error("is destructive, yet cheaper step {} ({cost}) can still come after it, on the path {path}; put the cheaper step first, or list it in \"allow_before\" with a reason", Quoted(.step))]
    CheaperAfter {
        /// The cheaper step.
        step: String,
        /// Its cost.
        cost: &'static str,
        /// A path from the start through the destructive step to the cheaper one.
        path: String,
    },
    /// A destructive step that does not say what it erases.
    #[error("is required on a destructive step: say what doing it erases")]
    ErasesRequired,
    /// A field that only destructive steps take.
    #[error("is only allowed on a destructive step")]
    OnlyDestructive,
    /// An exception for a step that cannot come after this one anyway.
    #[error("allows {} to come after this step, but no path leads there from here; remove the exception", Quoted(.0))]
    UnusedException(String),
    /// An iOS range whose lowest version is above its highest.
    #[error("ios_min {min} is above ios_max {max}")]
    BadRange {
        /// The lowest version.
        min: u32,
        /// The highest version.
        max: u32,
    },
}
