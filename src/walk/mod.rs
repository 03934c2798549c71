//! The walk: a pure state machine over a checked guide.
//!
//! State is the list of answers given on the way to the current node, plus the answers
//! remembered from a branch the person left by changing an earlier answer. Everything else
//! (current node, variant, progress) is derived from those, so it cannot drift.

pub mod command;
pub mod detect;
pub mod saved;
pub mod token;
pub mod transcript;

use crate::guide::{Choice, Guide, NodeId, OutcomeKind, VariantId};
use std::rc::Rc;
use thiserror::Error;

/// One answered screen: the node and the index of the choice taken there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    /// The node that was shown.
    pub node: NodeId,
    /// Which of the node's [`choices`](crate::guide::Node::choices) was taken.
    pub choice: u8,
}

/// A walk through one guide.
#[derive(Debug, Clone)]
pub struct Walk {
    guide: Rc<Guide>,
    visits: Vec<Visit>,
    /// Answers from a branch left by changing an earlier answer, offered again when the walk
    /// comes back to those nodes.
    memory: Memory,
    current: NodeId,
}

/// Two walks are equal when they walk the same guide, the same one in memory, to the same
/// place by the same answers. A guide never changes once loaded, so identity is enough, and
/// a comparison of two whole guides (nodes, texts, answers) would only add to the wasm.
impl PartialEq for Walk {
    fn eq(&self, other: &Self) -> bool {
        let Walk {
            guide,
            visits,
            memory,
            current,
        } = self;
        Rc::ptr_eq(guide, &other.guide)
            && *visits == other.visits
            && *memory == other.memory
            && *current == other.current
    }
}

impl Eq for Walk {}

/// Remembered answers, by node: a list kept in the order of the nodes, as a walk remembers
/// a handful. (A `BTreeMap` did the same for about 2 KB more of the wasm, brotli.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Memory(Vec<(NodeId, u8)>);

impl Memory {
    /// The choice remembered for `node`.
    pub fn get(&self, node: NodeId) -> Option<u8> {
        let i = self.0.binary_search_by_key(&node, |&(n, _)| n).ok()?;
        Some(self.0[i].1)
    }

    /// Remembers `choice` for `node`, in place of any choice remembered before.
    pub fn insert(&mut self, node: NodeId, choice: u8) {
        match self.0.binary_search_by_key(&node, |&(n, _)| n) {
            Ok(i) => self.0[i].1 = choice,
            Err(i) => self.0.insert(i, (node, choice)),
        }
    }

    /// Forgets the choice for `node`, if any.
    pub fn remove(&mut self, node: NodeId) {
        if let Ok(i) = self.0.binary_search_by_key(&node, |&(n, _)| n) {
            self.0.remove(i);
        }
    }

    /// How many nodes have a remembered choice.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when none has.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each node and its choice, in the order of the nodes.
    pub fn iter(&self) -> impl Iterator<Item = (NodeId, u8)> + '_ {
        self.0.iter().copied()
    }
}

/// A move that does not fit the walk's state.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WalkError {
    /// The choice index is not one of the node's choices.
    #[error("node \"{node}\" has no choice {choice}")]
    NoSuchChoice {
        /// The node's id.
        node: String,
        /// The index asked for.
        choice: usize,
    },
    /// The step index is not in the history.
    #[error("there is no step {0} in the history")]
    NoSuchStep(usize),
}

/// Where the walk stands, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// 1-based number of the current screen.
    pub step: usize,
    /// Fewest screens left after this one before an outcome.
    pub remaining_min: usize,
    /// Most screens left after this one before an outcome (not counting loops).
    pub remaining_max: usize,
}

impl Progress {
    /// Screens done and the most there could be, for a bar: `(value, max)`. At an outcome
    /// the bar is full.
    pub fn bar(&self) -> (usize, usize) {
        (self.step, self.step + self.remaining_max)
    }
}

impl Walk {
    /// A walk at the guide's start.
    pub fn new(guide: Rc<Guide>) -> Walk {
        let mut walk = Walk {
            current: guide.start(),
            guide,
            visits: Vec::new(),
            memory: Memory::default(),
        };
        walk.current = walk.arrive(walk.guide.start());
        walk
    }

    /// The guide being walked.
    pub fn guide(&self) -> &Rc<Guide> {
        &self.guide
    }

    /// The node on screen now.
    pub fn current(&self) -> NodeId {
        self.current
    }

    /// The answers given so far, in order.
    pub fn visits(&self) -> &[Visit] {
        &self.visits
    }

    /// Remembered answers from a branch that was left.
    pub fn memory(&self) -> &Memory {
        &self.memory
    }

    /// The variant in force: set by the latest answer that sets one, else the first.
    pub fn variant(&self) -> VariantId {
        self.variant_after(self.visits.len())
    }

    /// The variant in force after the first `n` visits.
    pub fn variant_after(&self, n: usize) -> VariantId {
        self.visits[..n]
            .iter()
            .rev()
            .find_map(|v| match self.choice_of(*v) {
                Some((Choice::Answer(a), _)) => a.sets(),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// The choice taken at a visit and where it led.
    pub fn choice_of(&self, v: Visit) -> Option<(Choice<'_>, NodeId)> {
        self.guide.node(v.node).choice(usize::from(v.choice))
    }

    /// The outcome, when the walk has ended.
    pub fn outcome(&self) -> Option<OutcomeKind> {
        self.guide.node(self.current).outcome()
    }

    /// True at the start, with nothing to go back to.
    pub fn at_start(&self) -> bool {
        self.visits.is_empty()
    }

    /// Takes choice `choice` of the current node.
    pub fn answer(&mut self, choice: usize) -> Result<(), WalkError> {
        let node = self.guide.node(self.current);
        let target = match node.choice(choice) {
            Some((_, to)) if choice <= usize::from(u8::MAX) => to,
            _ => {
                return Err(WalkError::NoSuchChoice {
                    node: node.id().to_owned(),
                    choice,
                })
            }
        };
        self.visits.push(Visit {
            node: self.current,
            choice: choice as u8,
        });
        self.current = self.arrive(target);
        Ok(())
    }

    /// Goes back one screen. Returns false at the start, where there is nothing to undo.
    pub fn back(&mut self) -> bool {
        match self.visits.pop() {
            Some(v) => {
                self.current = v.node;
                true
            }
            None => false,
        }
    }

    /// Back to the start, forgetting every answer.
    pub fn restart(&mut self) {
        *self = Walk::new(Rc::clone(&self.guide));
    }

    /// Answers step `step` of the history (0-based) with `choice` instead. The answers given
    /// after it are remembered, and those for nodes on the new branch are taken again, so the
    /// person is not asked twice; the walk stops at the first node with no answer yet.
    pub fn change_answer(&mut self, step: usize, choice: usize) -> Result<(), WalkError> {
        let Some(&visit) = self.visits.get(step) else {
            return Err(WalkError::NoSuchStep(step));
        };
        let node = self.guide.node(visit.node);
        if choice >= node.choice_count() {
            return Err(WalkError::NoSuchChoice {
                node: node.id().to_owned(),
                choice,
            });
        }
        for v in self.visits.drain(step..) {
            self.memory.insert(v.node, v.choice);
        }
        self.memory.remove(visit.node);
        self.current = visit.node;
        self.answer(choice)?;
        self.replay();
        Ok(())
    }

    /// Takes remembered answers forward from the current node, until one has none, the walk
    /// ends, or the path comes round to a node it has already shown.
    fn replay(&mut self) {
        while let Some(choice) = self.memory.get(self.current) {
            if self.outcome().is_some() || self.visits.iter().any(|v| v.node == self.current) {
                break;
            }
            self.memory.remove(self.current);
            if self.answer(usize::from(choice)).is_err() {
                break;
            }
        }
    }

    /// The node the walk shows on reaching `node`: steps that do not apply to the variant in
    /// force are passed over along their way on.
    fn arrive(&self, mut node: NodeId) -> NodeId {
        let variant = self.variant();
        // Bounded: a loop of passed-over steps would otherwise never end.
        for _ in 0..self.guide.len() {
            let n = self.guide.node(node);
            match n.onward() {
                Some(next) if !n.applies_to(variant) => node = next,
                _ => break,
            }
        }
        node
    }

    /// Where the walk stands.
    pub fn progress(&self) -> Progress {
        let (min, max) = self.guide.remaining(self.current);
        Progress {
            step: self.visits.len() + 1,
            remaining_min: min as usize,
            remaining_max: max as usize,
        }
    }

    /// Rebuilds a walk from answers, as decoded from a token; fails on a choice that does
    /// not exist.
    pub(crate) fn replayed(
        guide: Rc<Guide>,
        choices: &[u8],
        memory: Memory,
    ) -> Result<Walk, WalkError> {
        let mut walk = Walk::new(guide);
        for &c in choices {
            if walk.outcome().is_some() {
                return Err(WalkError::NoSuchChoice {
                    node: walk.guide.node(walk.current).id().to_owned(),
                    choice: c.into(),
                });
            }
            walk.answer(usize::from(c))?;
        }
        for (node, choice) in memory.iter() {
            let n = walk.guide.node(node);
            if usize::from(choice) >= n.choice_count() {
                return Err(WalkError::NoSuchChoice {
                    node: n.id().to_owned(),
                    choice: choice.into(),
                });
            }
        }
        walk.memory = memory;
        Ok(walk)
    }
}

#[cfg(test)]
mod tests {
    use super::Memory;
    use crate::guide::NodeId;

    #[test]
    fn memory_keeps_one_choice_a_node_in_node_order() {
        let mut m = Memory::default();
        for (node, choice) in [(7, 1), (2, 0), (9, 3), (2, 4), (5, 2)] {
            m.insert(NodeId(node), choice);
        }
        // In node order, as a token writes them; the later choice for node 2 kept.
        let all: Vec<(u32, u8)> = m.iter().map(|(n, c)| (n.0, c)).collect();
        assert_eq!(all, [(2, 4), (5, 2), (7, 1), (9, 3)]);
        assert_eq!(m.get(NodeId(9)), Some(3));
        assert_eq!(m.get(NodeId(3)), None);
        m.remove(NodeId(5));
        m.remove(NodeId(4));
        assert_eq!(m.len(), 3);
        assert_eq!(m.get(NodeId(5)), None);
        for n in [2, 7, 9] {
            m.remove(NodeId(n));
        }
        assert!(m.is_empty());
    }
}
