//! A plain-text account of a walk, fit to paste into a support request.

use crate::guide::{Choice, OutcomeKind, VariantId};
use crate::walk::Walk;
use crate::words::Words;

/// The label of a choice in `words`' language, for a walk in `variant`.
pub fn choice_label_for(choice: Choice<'_>, variant: VariantId, words: &Words) -> String {
    match choice {
        Choice::Continue => words.done_next().to_string(),
        Choice::Fixed => words.fixed().to_string(),
        Choice::NotFixed => words.not_fixed().to_string(),
        Choice::Answer(a) => a.label().get(variant).to_owned(),
    }
}

/// The label of a choice as the walk showed it after its first `variant_after` answers.
pub fn choice_label(
    choice: Choice<'_>,
    walk: &Walk,
    variant_after: usize,
    words: &Words,
) -> String {
    choice_label_for(choice, walk.variant_after(variant_after), words)
}

/// The name of an outcome kind.
pub fn outcome_name(kind: OutcomeKind, words: &Words) -> &str {
    match kind {
        OutcomeKind::Resolved => words.outcome_resolved(),
        OutcomeKind::Waiting => words.outcome_waiting(),
        OutcomeKind::Escalate => words.outcome_escalate(),
    }
}

/// The transcript: the guide, its version, each step with the answer given, the outcome.
pub fn transcript(walk: &Walk, words: &Words) -> String {
    let guide = walk.guide();
    let variant = walk.variant();
    let mut out = String::new();
    out.push_str(&format!(
        "{}: {} ({})\n",
        words.t_guide(),
        guide.title().get(variant),
        guide.id()
    ));
    out.push_str(&format!("{}: {}\n", words.t_version(), guide.version()));
    if let Some(v) = guide
        .variants()
        .get(variant.index())
        .filter(|_| guide.variants().len() > 1)
    {
        out.push_str(&format!("{}: {}\n", words.t_variant(), v.label));
    }
    out.push_str(&format!("{}:\n", words.t_steps()));
    for (i, visit) in walk.visits().iter().enumerate() {
        let node = guide.node(visit.node);
        let title = node.title().get(walk.variant_after(i));
        let answer = walk
            .choice_of(*visit)
            .map(|(c, _)| choice_label(c, walk, i + 1, words))
            .unwrap_or_default();
        out.push_str(&format!("{}. {} — {}\n", i + 1, title, answer));
    }
    let current = guide.node(walk.current());
    match current.outcome() {
        Some(kind) => out.push_str(&format!(
            "{}: {} — {}\n",
            words.t_outcome(),
            outcome_name(kind, words),
            current.title().get(variant)
        )),
        None => out.push_str(&format!(
            "{}: {}\n",
            words.t_outcome(),
            words.t_unfinished()
        )),
    }
    out
}
