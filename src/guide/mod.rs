//! The guide model: checked types made once from a guide file, and read by everything else.
//!
//! [`Guide::from_json`] is the only way in. It reports every problem at once; a [`Guide`]
//! that exists is valid, so nothing past this point checks again. (The bundled guide goes
//! through it too, when the crate is built: see `frozen.rs`.)

pub(crate) mod frozen;
pub mod markup;
pub(crate) mod quoted;

use markup::{Rich, SafeUrl};

/// The largest guide file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The most nodes a guide may have.
pub const MAX_NODES: usize = 100_000;
/// The most answers a question may have.
pub const MAX_ANSWERS: usize = 12;
/// The longest body text, in characters.
pub const MAX_TEXT: usize = 4_000;
/// The longest title, label or term, in characters.
pub const MAX_LABEL: usize = 200;
/// The most variants a guide may have.
pub const MAX_VARIANTS: usize = 16;
/// The most terms a guide may define.
pub const MAX_TERMS: usize = 256;

/// The languages written right to left, by primary subtag (the common ones a guide or the
/// interface may come in).
const RTL: &[&str] = &["ar", "he", "fa", "ur", "yi", "ps", "dv", "ku", "sd", "ug"];

/// True when the language of `tag` (a BCP 47 tag) is written right to left.
pub fn is_rtl(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    RTL.iter().any(|r| r.eq_ignore_ascii_case(primary))
}

/// Index of a node in its guide. Only a [`Guide`] hands these out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub(crate) u32);

impl NodeId {
    /// The node's position in the guide, for compact encodings.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Index of a variant in its guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct VariantId(pub(crate) u8);

impl VariantId {
    /// The variant's position in the guide.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A valid guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub(crate) id: String,
    /// See [`Plain`].
    pub(crate) title: Box<str>,
    pub(crate) lang: String,
    pub(crate) rtl: bool,
    pub(crate) version: String,
    pub(crate) start: NodeId,
    pub(crate) variants: Vec<Variant>,
    pub(crate) nodes: Vec<NodeData>,
    pub(crate) hash: u64,
    /// Fewest screens from each node to an outcome (0 at an outcome).
    pub(crate) min_to_end: Vec<u32>,
    /// Most screens from each node to an outcome, not going round a loop.
    pub(crate) max_to_end: Vec<u32>,
    /// The languages the guide has translations in, beside its own (`translations`).
    pub(crate) translations: Box<[Box<str>]>,
    /// For a guide put in another language by a translation: which texts it left in the
    /// guide's own (see [`Guide::text_lang`]); none for a guide as written.
    pub(crate) fallback: Option<Box<Fallback>>,
}

/// What a translated guide shows in its own language, because the translation leaves it out
/// or it is older than the text it translates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fallback {
    /// The language of the guide as written.
    pub(crate) lang: String,
    /// True when that language reads right to left.
    pub(crate) rtl: bool,
    /// The guide's title is its own.
    pub(crate) title: bool,
    /// Per node, the [`Field::bit`]s of the texts that are the guide's own.
    pub(crate) nodes: Box<[u32]>,
}

/// A text of a node, to ask which language it is in ([`Guide::text_lang`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The node's title.
    Title,
    /// Its text.
    Text,
    /// The label of its link.
    Link,
    /// The description of its image.
    Alt,
    /// What it erases.
    Erases,
    /// The label of answer number `i`.
    Answer(usize),
}

impl Field {
    /// The field's bit in [`Fallback::nodes`]; answers from bit 5 (at most 12 of them).
    pub(crate) fn bit(self) -> u32 {
        1 << match self {
            Field::Title => 0,
            Field::Text => 1,
            Field::Link => 2,
            Field::Alt => 3,
            Field::Erases => 4,
            Field::Answer(i) => 5 + i.min(26) as u32,
        }
    }

    /// The field's name in guide files and the coverage report: `title`, `answers[2]`.
    pub fn name(self) -> String {
        match self {
            Field::Title => "title".to_owned(),
            Field::Text => "text".to_owned(),
            Field::Link => "link.label".to_owned(),
            Field::Alt => "image.alt".to_owned(),
            Field::Erases => "erases".to_owned(),
            Field::Answer(i) => format!("answers[{i}].label"),
        }
    }
}

/// The language of a text: its tag, and whether it reads right to left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLang<'g> {
    /// BCP 47 tag.
    pub tag: &'g str,
    /// Right to left.
    pub rtl: bool,
}

/// What separates the versions of a text kept in one string. The checker refuses control
/// characters in texts, so no version holds one.
pub(crate) const VERSION_SEP: char = '\0';

/// Version `i` of texts kept as one string, or the first when there is no such version.
/// (Byte scans, not `split`: the separator is one byte, and this costs less code.)
pub(crate) fn version(all: &str, i: usize) -> &str {
    let sep = |from: usize| {
        all.as_bytes()
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| b == VERSION_SEP as u8))
            .map_or(all.len(), |p| from + p)
    };
    let mut start = 0;
    for _ in 0..i {
        start = sep(start) + 1;
        if start > all.len() {
            start = 0;
            break;
        }
    }
    all.get(start..sep(start)).unwrap_or_default()
}

/// A text in markup, checked when the guide was loaded; one version per variant when it
/// uses terms. It is kept as its source and read into a tree when shown: the tree takes
/// about ten times the memory of the text, and a step shows one text at a time. A view into
/// the guide, as [`Plain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text<'g>(pub(crate) &'g str);

/// A plain text (title or label); one version per variant when it uses terms. A view into
/// the guide, which keeps a text's versions in one string: most texts have one, and a list
/// of one string would cost another allocation for each of the tens of thousands of texts a
/// large guide holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plain<'g>(&'g str);

impl<'g> Text<'g> {
    /// The text as the person with `variant` sees it.
    pub fn get(self, variant: VariantId) -> Rich {
        Rich::read(self.source(variant))
    }

    /// The markup of the text as the person with `variant` sees it (terms put in).
    pub fn source(self, variant: VariantId) -> &'g str {
        version(self.0, variant.index())
    }

    /// How many versions there are: one, or one per variant.
    pub fn versions(self) -> usize {
        1 + self.0.bytes().filter(|&b| b == VERSION_SEP as u8).count()
    }
}

impl<'g> Plain<'g> {
    /// The text as the person with `variant` sees it.
    pub fn get(self, variant: VariantId) -> &'g str {
        version(self.0, variant.index())
    }
}

/// One alternative the text adapts to, such as an iOS version range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The variant's id.
    pub id: String,
    /// The name shown to the person.
    pub label: String,
    /// Lowest iOS major version covered, if any.
    pub ios_min: Option<u32>,
    /// Highest iOS major version covered, if any.
    pub ios_max: Option<u32>,
}

/// A node of a guide, as [`Guide::node`] gives it: a view into the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node<'g> {
    pub(crate) data: &'g NodeData,
}

/// What a guide keeps of a node; the parts most nodes leave out share one box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NodeData {
    pub(crate) id: Box<str>,
    /// See [`Plain`].
    pub(crate) title: Box<str>,
    /// See [`Text`]; empty for a question without one.
    pub(crate) text: Box<str>,
    pub(crate) kind: Kind,
    pub(crate) extras: Option<Box<Extras>>,
}

/// The parts of a node that most nodes leave out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Extras {
    pub(crate) image: Option<Image>,
    pub(crate) applies: Option<Box<[VariantId]>>,
    pub(crate) reviewed: Option<Box<str>>,
    pub(crate) topics: Box<[Box<str>]>,
    pub(crate) cost: Cost,
    pub(crate) erases: Option<Box<str>>,
    pub(crate) allow_before: Box<[Exception]>,
}

/// How disruptive a step is to do. Ordered from cheapest: a guide must not ask for a
/// destructive step while a cheaper one is still ahead (see [`Guide::from_json`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Cost {
    /// Nothing is lost: a switch, a look at a setting.
    #[default]
    None,
    /// A short interruption, such as a restart or signing in again.
    Mild,
    /// It erases settings or data; the step says what in [`Node::erases`].
    Destructive,
}

impl Cost {
    /// The name used in guide files and reports: `none`, `mild` or `destructive`.
    pub fn as_str(self) -> &'static str {
        match self {
            Cost::None => "none",
            Cost::Mild => "mild",
            Cost::Destructive => "destructive",
        }
    }
}

/// A cheaper step that a destructive step comes before on purpose, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// The cheaper step.
    pub step: NodeId,
    /// The author's reason, printed by `stepguide check`.
    pub reason: Box<str>,
}

/// What a node is, with its way on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Something to do, then continue. With `fixed` it is a fix: "did this fix it?".
    Step {
        /// The next node (for a fix, the node when it did not work).
        next: NodeId,
        /// For a fix, the resolved outcome when it worked.
        fixed: Option<NodeId>,
    },
    /// A question and its answers.
    Question {
        /// Two or more answers.
        answers: Box<[Answer]>,
    },
    /// A look at an outside page, and a question about what it showed.
    Check {
        /// The page to look at (boxed: few nodes have one).
        link: Box<Link>,
        /// Two or more answers.
        answers: Box<[Answer]>,
    },
    /// The end of a walk.
    Outcome(OutcomeKind),
}

/// How a walk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeKind {
    /// The problem is fixed.
    Resolved,
    /// Nothing to do but wait, then try again.
    Waiting,
    /// The person needs to contact support.
    Escalate,
}

impl Kind {
    /// How many ways on there are.
    fn count(&self) -> usize {
        match self {
            Kind::Step { fixed: None, .. } => 1,
            Kind::Step { fixed: Some(_), .. } => 2,
            Kind::Question { answers } | Kind::Check { answers, .. } => answers.len(),
            Kind::Outcome(_) => 0,
        }
    }

    /// Where way on number `i` leads: [`Node::choice`] without the answer's label, which the
    /// graph checks, reading every edge of a guide twice, have no use for.
    #[cfg(any(feature = "reader", not(target_arch = "wasm32")))]
    pub(crate) fn target(&self, i: usize) -> Option<NodeId> {
        match (self, i) {
            (Kind::Step { next, fixed: None }, 0) => Some(*next),
            (Kind::Step { fixed: Some(f), .. }, 0) => Some(*f),
            (
                Kind::Step {
                    next,
                    fixed: Some(_),
                },
                1,
            ) => Some(*next),
            (Kind::Question { answers } | Kind::Check { answers, .. }, i) => {
                answers.get(i).map(|a| a.next)
            }
            _ => None,
        }
    }

    /// Every way on's target, in the order [`Node::ways_on`] offers them.
    #[cfg(any(feature = "reader", not(target_arch = "wasm32")))]
    pub(crate) fn targets(&self) -> impl Iterator<Item = NodeId> + Clone + '_ {
        (0..self.count()).filter_map(|i| self.target(i))
    }
}

impl OutcomeKind {
    /// The name used in files, events and transcripts.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Resolved => "resolved",
            OutcomeKind::Waiting => "waiting",
            OutcomeKind::Escalate => "escalate",
        }
    }
}

/// An answer to a question or check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// What the person taps (see [`Node::choice`] for it, as [`Plain`]).
    pub(crate) label: Box<str>,
    pub(crate) next: NodeId,
    pub(crate) sets: Option<VariantId>,
}

/// An answer as a way on offers it: its label and the variant it selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerView<'g> {
    label: Plain<'g>,
    sets: Option<VariantId>,
}

impl<'g> AnswerView<'g> {
    /// What the person taps.
    pub fn label(&self) -> Plain<'g> {
        self.label
    }

    /// The variant the answer selects, if any.
    pub fn sets(&self) -> Option<VariantId> {
        self.sets
    }
}

/// A link to an outside page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// See [`Plain`].
    pub(crate) label: Box<str>,
    pub(crate) url: SafeUrl,
}

/// An illustration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub(crate) src: String,
    /// See [`Plain`].
    pub(crate) alt: Box<str>,
}

/// One way on from a node: what the person chooses and where it leads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Choice<'g> {
    /// "Done, next step" on an instruction step.
    Continue,
    /// "Yes, it's fixed" on a fix step.
    Fixed,
    /// "No, still not working" on a fix step.
    NotFixed,
    /// One of a question's or check's answers.
    Answer(AnswerView<'g>),
}

impl Guide {
    /// The guide's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The guide's title.
    pub fn title(&self) -> Plain<'_> {
        Plain(&self.title)
    }

    /// The BCP 47 language tag of the text.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// True when the text reads right to left.
    pub fn is_rtl(&self) -> bool {
        self.rtl
    }

    /// The languages the guide has translations in, beside [`Guide::lang`], as its file lists
    /// them; a translation is a sibling file, `<name>.<lang>.json`.
    pub fn translations(&self) -> impl Iterator<Item = &str> {
        self.translations.iter().map(|t| &**t)
    }

    /// The language the guide as written is in: [`Guide::lang`], or for a translated guide
    /// the language of the file it was translated from.
    pub fn source_lang(&self) -> TextLang<'_> {
        match &self.fallback {
            Some(f) => TextLang {
                tag: &f.lang,
                rtl: f.rtl,
            },
            None => TextLang {
                tag: &self.lang,
                rtl: self.rtl,
            },
        }
    }

    /// The language text `field` of `node` is in: the guide's, or for a text a translation
    /// left out, the language of the guide as written.
    pub fn text_lang(&self, node: NodeId, field: Field) -> TextLang<'_> {
        match &self.fallback {
            Some(f)
                if f.nodes
                    .get(node.index())
                    .is_some_and(|b| b & field.bit() != 0) =>
            {
                self.source_lang()
            }
            _ => TextLang {
                tag: &self.lang,
                rtl: self.rtl,
            },
        }
    }

    /// The language of the guide's title (see [`Guide::text_lang`]).
    pub fn title_lang(&self) -> TextLang<'_> {
        match &self.fallback {
            Some(f) if f.title => self.source_lang(),
            _ => TextLang {
                tag: &self.lang,
                rtl: self.rtl,
            },
        }
    }

    /// The content version.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// A hash of the guide's content: it changes whenever the content does (re-indenting
    /// the file is not a change; reordering its keys is).
    pub fn content_hash(&self) -> u64 {
        self.hash
    }

    /// The first node.
    pub fn start(&self) -> NodeId {
        self.start
    }

    /// The variants the text adapts to; empty when it does not.
    pub fn variants(&self) -> &[Variant] {
        &self.variants
    }

    /// The node with this index.
    pub fn node(&self, id: NodeId) -> Node<'_> {
        Node {
            data: &self.nodes[id.index()],
        }
    }

    /// Every node with its index.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeId, Node<'_>)> + Clone + '_ {
        (0..self.nodes.len() as u32).map(|i| (NodeId(i), self.node(NodeId(i))))
    }

    /// How many nodes there are.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Always false: a valid guide has a start node.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The node whose id is `id`.
    pub fn find(&self, id: &str) -> Option<NodeId> {
        self.nodes().find(|(_, n)| n.id() == id).map(|(i, _)| i)
    }

    /// The node index stored in a compact encoding, if it is one of this guide's.
    pub fn node_at(&self, index: usize) -> Option<NodeId> {
        (index < self.nodes.len()).then_some(NodeId(index as u32))
    }

    /// Fewest and most screens from `id` to an outcome.
    pub fn remaining(&self, id: NodeId) -> (u32, u32) {
        (self.min_to_end[id.index()], self.max_to_end[id.index()])
    }

    /// The variant whose iOS range covers `major`.
    pub fn variant_for_ios(&self, major: u32) -> Option<VariantId> {
        self.variants
            .iter()
            .position(|v| {
                (v.ios_min.is_some() || v.ios_max.is_some())
                    && v.ios_min.is_none_or(|m| major >= m)
                    && v.ios_max.is_none_or(|m| major <= m)
            })
            .map(|i| VariantId(i as u8))
    }
}

impl<'g> Node<'g> {
    /// The node's id.
    pub fn id(self) -> &'g str {
        &self.data.id
    }

    /// The heading.
    pub fn title(self) -> Plain<'g> {
        Plain(&self.data.title)
    }

    /// The body text.
    pub fn text(self) -> Text<'g> {
        Text(&self.data.text)
    }

    /// The kind, with the way on.
    pub fn kind(self) -> &'g Kind {
        &self.data.kind
    }

    /// The illustration, if any.
    pub fn image(self) -> Option<&'g Image> {
        self.data.extras.as_ref()?.image.as_ref()
    }

    /// When the content was last reviewed (YYYY-MM-DD), if recorded.
    pub fn reviewed(self) -> Option<&'g str> {
        self.data.extras.as_ref()?.reviewed.as_deref()
    }

    /// The topics this node covers.
    pub fn topics(self) -> &'g [Box<str>] {
        self.data.extras.as_ref().map_or(&[], |e| &e.topics)
    }

    /// How disruptive the step is to do (`none` for nodes that are not steps).
    pub fn cost(self) -> Cost {
        self.data.extras.as_ref().map_or(Cost::None, |e| e.cost)
    }

    /// For a destructive step, what doing it erases.
    pub fn erases(self) -> Option<&'g str> {
        self.data.extras.as_ref()?.erases.as_deref()
    }

    /// For a destructive step, the cheaper steps allowed to come after it, with reasons.
    pub fn allow_before(self) -> &'g [Exception] {
        self.data.extras.as_ref().map_or(&[], |e| &e.allow_before)
    }

    /// The outcome, when this node ends the walk.
    pub fn outcome(self) -> Option<OutcomeKind> {
        match self.data.kind {
            Kind::Outcome(o) => Some(o),
            _ => None,
        }
    }

    /// True when a walk with `variant` shows this node; a step that does not apply is
    /// passed over.
    pub fn applies_to(self, variant: VariantId) -> bool {
        self.data
            .extras
            .as_ref()
            .and_then(|e| e.applies.as_ref())
            .is_none_or(|vs| vs.contains(&variant))
    }

    /// Every way on, in the order they are offered.
    pub fn choices(self) -> Vec<(Choice<'g>, NodeId)> {
        self.ways_on().collect()
    }

    /// Every way on, in the order they are offered, without building a list.
    pub fn ways_on(self) -> impl Iterator<Item = (Choice<'g>, NodeId)> + Clone + 'g {
        (0..self.choice_count()).filter_map(move |i| self.choice(i))
    }

    /// How many ways on there are.
    pub fn choice_count(self) -> usize {
        self.data.kind.count()
    }

    /// Way on number `i`, as [`Node::choices`] lists them, without building the list:
    /// the walk asks this for every step it replays.
    pub fn choice(self, i: usize) -> Option<(Choice<'g>, NodeId)> {
        match (&self.data.kind, i) {
            (Kind::Step { next, fixed: None }, 0) => Some((Choice::Continue, *next)),
            (Kind::Step { fixed: Some(f), .. }, 0) => Some((Choice::Fixed, *f)),
            (
                Kind::Step {
                    next,
                    fixed: Some(_),
                },
                1,
            ) => Some((Choice::NotFixed, *next)),
            (Kind::Question { answers } | Kind::Check { answers, .. }, i) => {
                let a = answers.get(i)?;
                let view = AnswerView {
                    label: Plain(&a.label),
                    sets: a.sets,
                };
                Some((Choice::Answer(view), a.next))
            }
            _ => None,
        }
    }

    /// Where the way on that passes a step over leads (the not-fixed way for a fix).
    pub(crate) fn onward(self) -> Option<NodeId> {
        match self.data.kind {
            Kind::Step { next, .. } => Some(next),
            _ => None,
        }
    }
}

impl Answer {
    /// Where the answer leads.
    pub fn next(&self) -> NodeId {
        self.next
    }

    /// The variant the answer selects, if any.
    pub fn sets(&self) -> Option<VariantId> {
        self.sets
    }
}

impl Link {
    /// The link's text.
    pub fn label(&self) -> Plain<'_> {
        Plain(&self.label)
    }

    /// Where it goes.
    pub fn url(&self) -> &SafeUrl {
        &self.url
    }
}

impl Image {
    /// An https URL or a relative path.
    pub fn src(&self) -> &str {
        &self.src
    }

    /// The text alternative.
    pub fn alt(&self) -> Plain<'_> {
        Plain(&self.alt)
    }
}

#[cfg(test)]
mod tests {
    use super::version;

    #[test]
    fn versions_kept_in_one_string() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[""]),
            ("one", &["one"]),
            ("a\0bc\0", &["a", "bc", ""]),
            ("\0x", &["", "x"]),
            ("né\0ü€", &["né", "ü€"]),
        ];
        for (all, want) in cases {
            for (i, w) in want.iter().enumerate() {
                assert_eq!(version(all, i), *w, "{all:?} version {i}");
            }
            // A variant with no version of its own gets the first.
            assert_eq!(version(all, want.len()), want[0], "{all:?}");
            assert_eq!(version(all, 99), want[0], "{all:?}");
            assert_eq!(super::Text(all).versions(), want.len(), "{all:?}");
        }
    }
}
