//! Whole-guide views for authors and reviewers: every path, the guide as a diagram, and the
//! outside pages it links to.

use crate::guide::{Choice, Guide, Kind, NodeId, OutcomeKind, VariantId};
use crate::walk::Walk;
use std::fmt::Write as _;
use std::rc::Rc;

/// Every walk from the start to an outcome, found by driving the walk engine itself, so the
/// paths are the ones a person can take (steps that do not apply are passed over).
#[derive(Debug, Clone)]
pub struct Paths {
    /// Finished walks, each ending at an outcome.
    pub walks: Vec<Walk>,
    /// True when there were more than the limit and the list stops there.
    pub truncated: bool,
}

impl Paths {
    /// Explores every choice at every screen, not going round a loop, keeping at most
    /// `limit` paths.
    pub fn of(guide: &Rc<Guide>, limit: usize) -> Paths {
        let mut walks = Vec::new();
        let mut stack = vec![Walk::new(Rc::clone(guide))];
        while let Some(walk) = stack.pop() {
            if walk.outcome().is_some() {
                if walks.len() == limit {
                    return Paths {
                        walks,
                        truncated: true,
                    };
                }
                walks.push(walk);
                continue;
            }
            let count = guide.node(walk.current()).choice_count();
            // Pushed in reverse so the first choice is explored first.
            for choice in (0..count).rev() {
                let mut next = walk.clone();
                if next.answer(choice).is_ok()
                    && !next.visits().iter().any(|v| v.node == next.current())
                {
                    stack.push(next);
                }
            }
        }
        Paths {
            walks,
            truncated: false,
        }
    }

    /// The number of screens on the shortest and the longest path (outcome included).
    pub fn shortest_longest(&self) -> Option<(usize, usize)> {
        let lens = self.walks.iter().map(|w| w.visits().len() + 1);
        Some((lens.clone().min()?, lens.max()?))
    }

    /// How many paths end in each outcome kind: resolved, waiting, escalate.
    pub fn by_outcome(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for w in &self.walks {
            match w.outcome() {
                Some(OutcomeKind::Resolved) => counts[0] += 1,
                Some(OutcomeKind::Waiting) => counts[1] += 1,
                Some(OutcomeKind::Escalate) => counts[2] += 1,
                None => {}
            }
        }
        counts
    }
}

/// One path as `node --answer--> node …`, with node ids and answer labels, and each step's
/// cost beside its id: `restart (mild) --[fixed]--> …`.
pub fn describe_path(walk: &Walk) -> String {
    let guide = walk.guide();
    let mut s = String::new();
    for (i, v) in walk.visits().iter().enumerate() {
        let label = walk
            .choice_of(*v)
            .map(|(c, _)| {
                short_label(c, walk.variant_after(i + 1)).unwrap_or_else(|| "next".to_owned())
            })
            .unwrap_or_default();
        let node = guide.node(v.node);
        let _ = match node.kind() {
            Kind::Step { .. } => write!(
                s,
                "{} ({}) --[{}]--> ",
                node.id(),
                node.cost().as_str(),
                label
            ),
            _ => write!(s, "{} --[{}]--> ", node.id(), label),
        };
    }
    s.push_str(guide.node(walk.current()).id());
    s
}

/// A choice's label for reviewers' views; `None` for a plain "continue", which diagrams
/// leave unlabelled.
fn short_label(c: Choice<'_>, variant: VariantId) -> Option<String> {
    match c {
        Choice::Continue => None,
        Choice::Fixed => Some("fixed".to_owned()),
        Choice::NotFixed => Some("not fixed".to_owned()),
        Choice::Answer(a) => Some(a.label().get(variant).to_owned()),
    }
}

/// Diagram formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// Mermaid flowchart.
    Mermaid,
    /// Graphviz dot.
    Dot,
}

fn edges(guide: &Guide) -> Vec<(NodeId, NodeId, String)> {
    let mut out = Vec::new();
    for (id, node) in guide.nodes() {
        for (c, to) in node.choices() {
            let label = short_label(c, VariantId::default()).unwrap_or_default();
            out.push((id, to, label));
        }
    }
    out
}

fn quote(s: &str, mermaid: bool) -> String {
    if mermaid {
        s.replace('"', "#quot;")
    } else {
        s.replace('\\', "\\\\").replace('"', "\\\"")
    }
}

/// The guide as a diagram: nodes by kind, edges labelled with answers.
pub fn graph(guide: &Guide, format: GraphFormat) -> String {
    let mut s = String::new();
    let title = |n: crate::guide::Node| n.title().get(Default::default()).to_owned();
    match format {
        GraphFormat::Mermaid => {
            s.push_str("flowchart TD\n");
            for (id, n) in guide.nodes() {
                let t = quote(&format!("{}: {}", n.id(), title(n)), true);
                let shape = match n.kind() {
                    Kind::Question { .. } | Kind::Check { .. } => format!("{{\"{t}\"}}"),
                    Kind::Outcome(_) => format!("([\"{t}\"])"),
                    Kind::Step { .. } => format!("[\"{t}\"]"),
                };
                let _ = writeln!(s, "  n{}{}", id.index(), shape);
            }
            for (from, to, label) in edges(guide) {
                let (from, to) = (from.index(), to.index());
                if label.is_empty() {
                    let _ = writeln!(s, "  n{from} --> n{to}");
                } else {
                    let _ = writeln!(s, "  n{from} -->|\"{}\"| n{to}", quote(&label, true));
                }
            }
        }
        GraphFormat::Dot => {
            let _ = writeln!(
                s,
                "digraph \"{}\" {{\n  rankdir=TB;",
                quote(guide.id(), false)
            );
            for (_, n) in guide.nodes() {
                let shape = match n.kind() {
                    Kind::Question { .. } | Kind::Check { .. } => "diamond",
                    Kind::Outcome(_) => "doubleoctagon",
                    Kind::Step { .. } => "box",
                };
                let _ = writeln!(
                    s,
                    "  \"{}\" [shape={shape}, label=\"{}\"];",
                    n.id(),
                    quote(&title(n), false)
                );
            }
            for (from, to, label) in edges(guide) {
                let (f, t) = (guide.node(from).id(), guide.node(to).id());
                let _ = writeln!(
                    s,
                    "  \"{f}\" -> \"{t}\" [label=\"{}\"];",
                    quote(&label, false)
                );
            }
            s.push_str("}\n");
        }
    }
    s
}

/// An outside web page a guide sends people to, and where it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkUse<'g> {
    /// The id of the node that links to it.
    pub node: &'g str,
    /// Where in the node: `link.url` (a check's page), `image.src` or `text`.
    pub field: &'static str,
    /// The https address.
    pub url: String,
}

/// Every https link in the guide, in node order: each check's page, each image given by an
/// https address, and each link in a text (in every variant's version of it, once per node).
/// `mailto` and `tel` links are left out: there is no page to ask for; so are images given
/// by a path, which belong to the page that shows the guide.
pub fn links(guide: &Guide) -> Vec<LinkUse<'_>> {
    let mut out: Vec<LinkUse<'_>> = Vec::new();
    for (_, node) in guide.nodes() {
        let mut add = |field: &'static str, url: &str| {
            let seen = out
                .iter()
                .rev()
                .take_while(|u| u.node == node.id())
                .any(|u| u.field == field && u.url == url);
            if !seen {
                out.push(LinkUse {
                    node: node.id(),
                    field,
                    url: url.to_owned(),
                });
            }
        };
        if let Kind::Check { link, .. } = node.kind() {
            if link.url().is_web() {
                add("link.url", link.url().as_str());
            }
        }
        // An image given by an https address is an outside page too; one given by a path
        // is the host's, relative to a page this command does not know.
        if let Some(image) = node.image() {
            if image.src().starts_with("https://") {
                add("image.src", image.src());
            }
        }
        let text = node.text();
        for v in 0..text.versions() {
            let rich = text.get(VariantId(v as u8));
            for (_, url) in rich.links().filter(|(_, u)| u.is_web()) {
                add("text", url.as_str());
            }
        }
    }
    out
}
