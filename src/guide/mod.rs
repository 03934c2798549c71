//! The guide model: checked types made once from a guide file, and read by everything else.
//!
//! [`Guide::from_json`] is the only way in. It reports every problem at once; a [`Guide`]
//! that exists is valid, so nothing past this point checks again. (The bundled guide goes
//! through it too, when the crate is built: see `frozen.rs`.)

pub mod chunked;
pub(crate) mod frozen;
pub mod markup;
pub(crate) mod quoted;

use markup::{Rich, SafeUrl};
#[cfg(any(feature = "reader", not(target_arch = "wasm32")))]
use std::borrow::Cow;

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
    pub(crate) nodes: chunked::Chunked<NodeData>,
    /// The nodes' strings, one string for each [`STRINGS_GROUP`] nodes (see [`NodeData`]).
    pub(crate) strings: Vec<Box<str>>,
    pub(crate) hash: u64,
    /// Fewest screens from each node to an outcome (0 at an outcome).
    pub(crate) min_to_end: Vec<u32>,
    /// Most screens from each node to an outcome, not going round a loop.
    pub(crate) max_to_end: Vec<u32>,
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

/// A node of a guide, as [`Guide::node`] gives it: a view into the guide, of the node's
/// parts and of its strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node<'g> {
    pub(crate) data: &'g NodeData,
    /// The id, [`PART_SEP`], the title's versions, [`PART_SEP`], the text's versions, then
    /// each answer's label (see [`Answer`]).
    pub(crate) strings: &'g str,
}

/// What ends a node's id, and its title's versions, in the node's strings: the checker
/// refuses control characters in ids and texts, so none holds one. Not [`VERSION_SEP`],
/// which parts the versions of a text. Two bytes a node, where the places of the title and
/// the text took eight.
const PART_SEP: char = '\u{1}';

/// How many nodes' strings are kept in one string (see [`NodeData`]).
pub(crate) const STRINGS_GROUP: usize = 8;

/// What a guide keeps of a node: 24 bytes in wasm32 (48 natively), and no allocation but
/// for its answers and its rare parts. Its strings are kept with those of the nodes beside
/// it, [`STRINGS_GROUP`] to a string; the parts most nodes leave out share one box.
///
/// A string for each node cost a header and padding in the wasm allocator (about 8 bytes)
/// and a block of its own, and 8 bytes here for its address and length, where its place in
/// its group's string takes 4. One string for each 64 nodes
/// was too large for the holes the read nodes leave as they are freed. Measured by the
/// heap's top while a guide of 1k nodes (106 KB) is read and checked, against the 196,600
/// bytes three 64 KiB pages give it: groups of 4, 6, 8, 10, 12, 16, 32 and 64 nodes reach
/// 192.7, 194.1, 192.7, 193.7, 194.3, 193.4, 199.5 and 204.6 KB; a string for each node
/// reached 205.6 KB, before the read nodes were made smaller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NodeData {
    /// Where the node's strings start in its group's string; they end where the next
    /// node's start, or with the group's string.
    pub(crate) at: u32,
    pub(crate) kind: Kind,
    pub(crate) extras: Option<Box<Extras>>,
}

#[cfg(target_arch = "wasm32")]
const _: () = assert!(std::mem::size_of::<NodeData>() == 24);

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

/// An answer to a question or check. Its label is kept in its node's strings (see
/// [`Node::choice`] for it): a box of its own cost an allocation per answer, and at least 16
/// bytes in the wasm allocator for labels of a few letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// Where the label starts in the node's strings; it ends where the next answer's does,
    /// or with the strings.
    pub(crate) label_at: u32,
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
        let i = id.index();
        let data = &self.nodes[i];
        let all = self.strings.get(i / STRINGS_GROUP).map_or("", |s| s);
        let end = if (i + 1) % STRINGS_GROUP != 0 && i + 1 < self.nodes.len() {
            self.nodes[i + 1].at as usize
        } else {
            all.len()
        };
        Node::new(data, all.get(data.at as usize..end).unwrap_or_default())
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

/// Fills a guide's nodes and their groups' strings (see [`NodeData`]); the checker's.
#[cfg(any(feature = "reader", not(target_arch = "wasm32")))]
pub(crate) struct NodesBuilder {
    nodes: chunked::Builder<NodeData>,
    strings: Vec<Box<str>>,
    /// The strings of the group being filled.
    current: String,
}

#[cfg(any(feature = "reader", not(target_arch = "wasm32")))]
impl NodesBuilder {
    /// A builder for about `len` nodes.
    pub(crate) fn with_len(len: usize) -> Self {
        NodesBuilder {
            nodes: chunked::Builder::with_len(len),
            strings: Vec::with_capacity(len.div_ceil(STRINGS_GROUP)),
            current: String::new(),
        }
    }

    /// Room for `bytes` more of the strings of the group being filled, when the caller
    /// knows about how much they come to: a string grown by doubling is held twice while it
    /// is copied, and leaves holes in the wasm memory. More is still taken, and spare room
    /// is given back when the group is full.
    pub(crate) fn reserve(&mut self, bytes: usize) {
        self.current.reserve_exact(bytes);
    }

    /// Adds a node with these texts: the title's and the text's versions as kept (see
    /// [`Plain`]). `labels` are the answers' labels, one for each of `kind`'s answers, in
    /// order.
    pub(crate) fn push(
        &mut self,
        id: &str,
        title: &str,
        text: &str,
        labels: &[Cow<'_, str>],
        mut kind: Kind,
        extras: Option<Box<Extras>>,
    ) {
        // Past the room reserved (terms longer than their names), grown to the size
        // needed, not doubled: the spare room would be held until the group is full.
        let labels_len: usize = labels.iter().map(|l| l.len()).sum();
        self.current
            .reserve_exact(id.len() + title.len() + text.len() + labels_len + 2);
        let start = self.current.len();
        for (part, sep) in [(id, true), (title, true), (text, false)] {
            self.current.push_str(part);
            if sep {
                self.current.push(PART_SEP);
            }
        }
        // A group's texts are bounded (8 nodes, each with at most MAX_TEXT, MAX_LABEL,
        // MAX_VARIANTS versions and MAX_ANSWERS labels) far below 4 GiB, so the places
        // fit in a u32.
        if let Kind::Question { answers } | Kind::Check { answers, .. } = &mut kind {
            for (answer, label) in answers.iter_mut().zip(labels) {
                answer.label_at = (self.current.len() - start) as u32;
                self.current.push_str(label);
            }
        }
        self.add(NodeData {
            at: start as u32,
            kind,
            extras,
        });
    }

    fn add(&mut self, node: NodeData) {
        self.nodes.push(node);
        if self.nodes.len() % STRINGS_GROUP == 0 {
            self.seal();
        }
    }

    /// Keeps the strings of the group being filled, giving back their spare room (in place,
    /// where the allocator can: it is the tail of the block).
    fn seal(&mut self) {
        self.strings
            .push(std::mem::take(&mut self.current).into_boxed_str());
    }

    /// The nodes and their groups' strings.
    pub(crate) fn finish(mut self) -> (chunked::Chunked<NodeData>, Vec<Box<str>>) {
        if self.strings.len() < self.nodes.len().div_ceil(STRINGS_GROUP) {
            self.seal();
        }
        (self.nodes.finish(), self.strings)
    }
}

impl<'g> Node<'g> {
    /// The view of `data`, whose strings are `strings`.
    fn new(data: &'g NodeData, strings: &'g str) -> Self {
        Node { data, strings }
    }

    /// Where the title and where the text start in `strings`, found when a text is asked
    /// for: the graph checks and the walk look at many nodes' ways on and at none of their
    /// texts. (Past the end when a separator is missing, which [`Node::part`] reads as
    /// empty.)
    fn parts_at(self) -> (usize, usize) {
        // Byte scans, as in `version`: the separator is one byte.
        let after_sep = |from: usize| {
            self.strings
                .as_bytes()
                .get(from..)
                .and_then(|rest| rest.iter().position(|&b| b == PART_SEP as u8))
                .map_or(self.strings.len(), |p| from + p)
                + 1
        };
        let title_at = after_sep(0);
        (title_at, after_sep(title_at))
    }

    /// The answers, if the node has any.
    fn answers(self) -> &'g [Answer] {
        match &self.data.kind {
            Kind::Question { answers } | Kind::Check { answers, .. } => answers,
            _ => &[],
        }
    }

    /// Part of `strings`; the places were set by [`NodesBuilder`] at character boundaries.
    fn part(self, from: usize, to: usize) -> &'g str {
        self.strings.get(from..to).unwrap_or_default()
    }

    /// The node's id.
    pub fn id(self) -> &'g str {
        let end = self
            .strings
            .bytes()
            .position(|b| b == PART_SEP as u8)
            .unwrap_or(0);
        self.part(0, end)
    }

    /// The heading.
    pub fn title(self) -> Plain<'g> {
        let (title_at, text_at) = self.parts_at();
        Plain(self.part(title_at, text_at - 1))
    }

    /// The body text.
    pub fn text(self) -> Text<'g> {
        let end = self
            .answers()
            .first()
            .map_or(self.strings.len(), |a| a.label_at as usize);
        Text(self.part(self.parts_at().1, end))
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
                let end = answers
                    .get(i + 1)
                    .map_or(self.strings.len(), |b| b.label_at as usize);
                let view = AnswerView {
                    label: Plain(self.part(a.label_at as usize, end)),
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
