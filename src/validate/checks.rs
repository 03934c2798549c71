//! Turns a raw guide into a checked [`Guide`], collecting every problem on the way.

use super::json::Literal;
use super::raw::{RawCost, RawGuide, RawKind, RawOutcome, ReadNode};
use super::{LoadError, Problem, ProblemKind};
use crate::guide::markup::{Rich, SafeUrl};
use crate::guide::*;
use std::borrow::Cow;
use std::collections::hash_map::{Entry, HashMap};
use std::collections::VecDeque;
use std::fmt;

/// The valid nodes' ids, each with its node. The ids borrow the file's text (an id with an
/// escape is decoded into a string of its own). On wasm32-unknown-unknown std's hasher has
/// fixed keys; a file whose ids were chosen to collide only slows its own reading.
type Ids<'s> = HashMap<Cow<'s, str>, NodeId>;

/// Checks `raw`, whose file's content hash is `hash`.
pub(super) fn check(raw: RawGuide<'_>, hash: u64) -> Result<Resolved, LoadError> {
    let mut cx = Checker {
        problems: Vec::new(),
        variants: Vec::new(),
        terms: Vec::new(),
        term_order: Vec::new(),
    };
    match cx.guide(raw, hash) {
        Some((guide, title)) => Ok(Resolved { cx, guide, title }),
        None => Err(LoadError::Invalid(cx.problems)),
    }
}

/// A guide whose nodes are checked and whose references are resolved, before the checks of
/// the whole graph (reachability, dead ends, distances to an outcome). It borrows nothing
/// from the file's text, so a caller that owns the text can free it first. With the text
/// still there, the graph checks were the peak of a large guide's loading in wasm (measured
/// for 100k nodes: text 1.0×, checked nodes 0.68× and the checks' arrays 0.41× the file,
/// against 1.84× while the nodes were checked).
pub(super) struct Resolved {
    cx: Checker,
    /// The guide, with no title and no distances to an outcome yet.
    guide: Guide,
    /// The title, when it is valid: a guide whose title has a problem is still checked
    /// whole, so that every problem is reported at once.
    title: Option<Box<str>>,
}

impl Resolved {
    /// Runs the graph checks; the guide, or every problem found before and by them.
    pub(super) fn finish(self) -> Result<Guide, LoadError> {
        let Resolved {
            mut cx,
            mut guide,
            title,
        } = self;
        cx.fixed_targets(&guide);
        let distances = cx.graph(&guide);
        if distances.is_some() {
            cx.order(&guide);
        }
        match (distances, title) {
            (Some((min, max)), Some(title)) if cx.problems.is_empty() => {
                guide.title = title;
                guide.min_to_end = min;
                guide.max_to_end = max;
                Ok(guide)
            }
            _ => Err(LoadError::Invalid(cx.problems)),
        }
    }
}

/// What [`Checker::fits`] asks of a text, in one pass over its bytes: how many characters
/// it has; whether it has an ASCII character that is not white space (then trimming cannot
/// leave it empty); and whether a byte may start a control character, as
/// [`Checker::printable`] looks for them. Texts are most of a guide's bytes, and a pass
/// for each question had cost the checker a tenth of its work.
fn text_facts(s: &str) -> (usize, bool, bool) {
    let (mut chars, mut visible, mut suspect, mut prev) = (0, false, false, 0u8);
    for &b in s.as_bytes() {
        // Every character has one byte that is not a continuation byte (0x80..=0xbf).
        chars += usize::from((b as i8) >= -0x40);
        visible |= b < 0x80 && !matches!(b, b'\t'..=b'\r' | b' ');
        suspect |= may_be_control(prev, b);
        prev = b;
    }
    (chars, visible, suspect)
}

/// True when byte `b`, after byte `prev`, may be (part of) a control character other than a
/// tab or a line break: C0 (below 0x20), DEL (0x7f), or C1 (0xc2 then 0x80..=0x9f in UTF-8).
/// Looking at bytes spares decoding every character of every text.
fn may_be_control(prev: u8, b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
        || b == 0x7f
        || (prev == 0xc2 && (0x80..=0x9f).contains(&b))
}

/// A text's versions as one string (see [`Plain`]).
fn join_versions(mut versions: Vec<String>) -> String {
    if versions.len() == 1 {
        return versions.pop().unwrap_or_default();
    }
    let mut all = String::with_capacity(versions.iter().map(|v| v.len() + 1).sum());
    for (i, v) in versions.iter().enumerate() {
        if i > 0 {
            all.push(VERSION_SEP);
        }
        all.push_str(v);
    }
    all
}

struct Checker {
    problems: Vec<Problem>,
    variants: Vec<Variant>,
    /// Each term's name and its text per variant, in variant order; in the order of the file.
    terms: Vec<(String, Vec<String>)>,
    /// Places in `terms` in the order of their names, for finding a term by name.
    term_order: Vec<u16>,
}

/// A field's name for messages, put into words only when there is a problem: formatting
/// `answers[2].label` for every answer of a large guide cost more than checking it.
type Field<'a> = &'a dyn fmt::Display;

/// Where a text sits, for messages.
#[derive(Clone, Copy)]
struct At<'a> {
    node: Option<&'a str>,
}

impl At<'_> {
    fn problem(self, field: impl fmt::Display, kind: ProblemKind) -> Problem {
        let field = field.to_string();
        match self.node {
            Some(n) => Problem::node(n, field, kind),
            None => Problem::guide(field, kind),
        }
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(_), Some(m), Some(d)) => (1..=12).contains(&m) && (1..=31).contains(&d),
        _ => false,
    }
}

/// True for a language tag in BCP 47's shape; the catalogues of interface words use it too.
pub(crate) fn is_lang(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn kind_name(k: RawKind) -> &'static str {
    match k {
        RawKind::Step => "step",
        RawKind::Question => "question",
        RawKind::Check => "check",
        RawKind::Outcome => "outcome",
    }
}

impl Checker {
    /// The guide with its nodes checked and resolved (see [`Resolved`]), and its title.
    fn guide(&mut self, mut raw: RawGuide<'_>, hash: u64) -> Option<(Guide, Option<Box<str>>)> {
        let g = At { node: None };
        if raw.format != 1 {
            self.problems.push(Problem::guide(
                "format",
                ProblemKind::UnsupportedFormat(raw.format),
            ));
            return None;
        }
        if !is_id(&raw.id) {
            self.problems
                .push(Problem::guide("id", ProblemKind::BadId(raw.id.clone())));
        }
        if !is_lang(&raw.lang) {
            self.problems.push(Problem::guide(
                "lang",
                ProblemKind::BadLanguage(raw.lang.clone()),
            ));
        }
        for (i, t) in raw.translations.iter().enumerate() {
            let field = format!("translations[{i}]");
            if !is_lang(t) {
                self.problems
                    .push(Problem::guide(field, ProblemKind::BadLanguage(t.clone())));
            } else if t.eq_ignore_ascii_case(&raw.lang)
                || raw.translations[..i]
                    .iter()
                    .any(|u| u.eq_ignore_ascii_case(t))
            {
                self.problems.push(Problem::guide(
                    field,
                    ProblemKind::RepeatedLanguage(t.clone()),
                ));
            }
        }
        let rtl = match raw.dir.as_str() {
            "ltr" => false,
            "rtl" => true,
            other => {
                self.problems.push(Problem::guide(
                    "dir",
                    ProblemKind::BadDirection(other.to_owned()),
                ));
                false
            }
        };
        self.label(g, &"version", &raw.version);
        self.variants(&raw);
        self.terms(&raw);
        let title = self.plain(g, &"title", &raw.title, MAX_LABEL);

        if raw.nodes.len() > MAX_NODES {
            self.problems.push(Problem::guide(
                "nodes",
                ProblemKind::TooMany {
                    count: raw.nodes.len(),
                    max: MAX_NODES,
                },
            ));
            return None;
        }
        let raw_nodes = std::mem::take(&mut raw.nodes);
        let index = self.index(&raw_nodes);
        let start = index.get(raw.start.as_str()).copied();
        if start.is_none() {
            self.problems.push(Problem::guide(
                "start",
                ProblemKind::UnknownNode(raw.start.clone()),
            ));
        }
        let mut broken_refs = false;
        // Every node is checked, to report every problem; the checked ones are kept only
        // while all of them are valid.
        let mut all_valid = true;
        let mut nodes = Vec::with_capacity(raw_nodes.len());
        for n in &raw_nodes {
            let out = all_valid.then_some(&mut nodes);
            let (valid, broken) = self.node(n, &index, out);
            broken_refs |= broken;
            all_valid &= valid;
        }
        // Resolving is done: the graph checks below work on indices.
        drop(index);
        let nodes = all_valid.then_some(nodes);
        let (start, nodes) = (start?, nodes?);
        if broken_refs {
            // Graph checks on a graph with missing edges would only repeat the same mistake.
            return None;
        }
        let guide = Guide {
            id: raw.id.clone(),
            title: Box::default(),
            lang: raw.lang.clone(),
            rtl,
            version: raw.version.clone(),
            start,
            variants: std::mem::take(&mut self.variants),
            nodes,
            hash,
            min_to_end: Vec::new(),
            max_to_end: Vec::new(),
            translations: raw.translations.iter().map(|t| t.as_str().into()).collect(),
            fallback: None,
        };
        Some((guide, title.map(Into::into)))
    }

    /// Checks the nodes' ids and indexes the valid ones. Problems come in the order of the
    /// nodes, as an author reads the file; of two nodes with one id, the later is reported.
    fn index<'s>(&mut self, nodes: &[ReadNode<'s>]) -> Ids<'s> {
        let mut index = Ids::with_capacity(nodes.len());
        for (i, n) in nodes.iter().enumerate() {
            let id = n.id.decode();
            if !is_id(&id) {
                let kind = ProblemKind::BadId(id.to_string());
                self.problems.push(Problem::node(&id, "id", kind));
            } else {
                match index.entry(id) {
                    Entry::Occupied(same) => {
                        let kind = ProblemKind::DuplicateId(same.key().to_string());
                        self.problems.push(Problem::node(same.key(), "id", kind));
                    }
                    Entry::Vacant(new) => {
                        new.insert(NodeId(i as u32));
                    }
                }
            }
        }
        index
    }

    fn variants(&mut self, raw: &RawGuide<'_>) {
        if raw.variants.len() > MAX_VARIANTS {
            self.problems.push(Problem::guide(
                "variants",
                ProblemKind::TooMany {
                    count: raw.variants.len(),
                    max: MAX_VARIANTS,
                },
            ));
            return;
        }
        for (i, v) in raw.variants.iter().enumerate() {
            let field = format!("variants[{i}]");
            if !is_id(&v.id) {
                self.problems.push(Problem::guide(
                    format!("{field}.id"),
                    ProblemKind::BadId(v.id.clone()),
                ));
            } else if raw.variants[..i].iter().any(|u| u.id == v.id) {
                // At most 16 variants: a scan costs less code than a hash set.
                self.problems.push(Problem::guide(
                    format!("{field}.id"),
                    ProblemKind::DuplicateId(v.id.clone()),
                ));
            }
            self.label(At { node: None }, &format_args!("{field}.label"), &v.label);
            if let (Some(min), Some(max)) = (v.ios_min, v.ios_max) {
                if min > max {
                    self.problems.push(Problem::guide(
                        field.clone(),
                        ProblemKind::BadRange { min, max },
                    ));
                }
            }
            self.variants.push(Variant {
                id: v.id.clone(),
                label: v.label.clone(),
                ios_min: v.ios_min,
                ios_max: v.ios_max,
            });
        }
    }

    fn terms(&mut self, raw: &RawGuide<'_>) {
        if raw.terms.0.is_empty() {
            return;
        }
        if raw.terms.0.len() > MAX_TERMS {
            self.problems.push(Problem::guide(
                "terms",
                ProblemKind::TooMany {
                    count: raw.terms.0.len(),
                    max: MAX_TERMS,
                },
            ));
            return;
        }
        if raw.variants.is_empty() {
            self.problems
                .push(Problem::guide("terms", ProblemKind::TermsWithoutVariants));
            return;
        }
        for (name, values) in &raw.terms.0 {
            let field = format!("terms.{name}");
            if !is_id(name) {
                self.problems.push(Problem::guide(
                    field.clone(),
                    ProblemKind::BadId(name.clone()),
                ));
            }
            for (i, (key, _)) in values.0.iter().enumerate() {
                let kind = if !raw.variants.iter().any(|v| &v.id == key) {
                    ProblemKind::UnknownVariant(key.clone())
                } else if values.0[..i].iter().any(|(earlier, _)| earlier == key) {
                    ProblemKind::DuplicateId(key.clone())
                } else {
                    continue;
                };
                self.problems.push(Problem::guide(field.clone(), kind));
            }
            let mut per_variant = Vec::with_capacity(raw.variants.len());
            for v in &raw.variants {
                match values.get(&v.id) {
                    Some(text) => {
                        self.label(At { node: None }, &format_args!("{field}.{}", v.id), text);
                        per_variant.push(text.clone());
                    }
                    None => self.problems.push(Problem::guide(
                        field.clone(),
                        ProblemKind::TermMissingVariant(v.id.clone()),
                    )),
                }
            }
            self.terms.push((name.clone(), per_variant));
        }
        // A term named twice is reported where it comes again (ties are put in file order);
        // the guide is then refused, so which of the two fills in texts does not matter.
        let mut order: Vec<u16> = (0..self.terms.len() as u16).collect();
        let terms = &self.terms;
        order.sort_unstable_by_key(|&i| (&terms[usize::from(i)].0, i));
        for pair in order.windows(2) {
            let name = &terms[usize::from(pair[1])].0;
            if *name == terms[usize::from(pair[0])].0 {
                self.problems.push(Problem::guide(
                    format!("terms.{name}"),
                    ProblemKind::DuplicateId(name.clone()),
                ));
            }
        }
        self.term_order = order;
    }

    /// The term named `name`: its text per variant.
    fn term(&self, name: &str) -> Option<&[String]> {
        let i = self
            .term_order
            .binary_search_by(|&i| self.terms[usize::from(i)].0.as_str().cmp(name))
            .ok()?;
        Some(&self.terms[usize::from(self.term_order[i])].1)
    }

    /// A text holds no control characters but tabs and line breaks: they cannot be seen in
    /// an editor, nor shown to the person. (Texts with terms keep their versions apart with
    /// one, see [`Plain`].)
    fn printable(&mut self, at: At<'_>, field: Field<'_>, s: &str) -> bool {
        // Each byte with the one before it (none before the first).
        let suspect = std::iter::once(0)
            .chain(s.bytes())
            .zip(s.bytes())
            .any(|(prev, b)| may_be_control(prev, b));
        !suspect || self.no_control(at, field, s)
    }

    /// The slow half of [`Checker::printable`], for a text whose bytes look suspect:
    /// whether a character really is a control character.
    fn no_control(&mut self, at: At<'_>, field: Field<'_>, s: &str) -> bool {
        match s
            .chars()
            .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        {
            Some(c) => {
                self.problems
                    .push(at.problem(field, ProblemKind::ControlCharacter(c)));
                false
            }
            None => true,
        }
    }

    /// A required short text: not empty, not too long.
    fn label(&mut self, at: At<'_>, field: Field<'_>, s: &str) -> bool {
        let len = s.chars().count();
        if !self.printable(at, field, s) {
            false
        } else if s.trim().is_empty() {
            self.problems.push(at.problem(field, ProblemKind::Empty));
            false
        } else if len > MAX_LABEL {
            self.problems.push(at.problem(
                field,
                ProblemKind::TooLong {
                    len,
                    max: MAX_LABEL,
                },
            ));
            false
        } else {
            true
        }
    }

    /// A text's versions as kept (see [`Plain`]): the text itself when it uses no terms.
    fn versions<'s>(&mut self, at: At<'_>, field: Field<'_>, s: &'s str) -> Option<Cow<'s, str>> {
        if s.contains('{') {
            self.expand(at, field, s)
                .map(|v| Cow::Owned(join_versions(v)))
        } else {
            Some(Cow::Borrowed(s))
        }
    }

    /// Puts the terms in: one string per variant.
    fn expand(&mut self, at: At<'_>, field: Field<'_>, s: &str) -> Option<Vec<String>> {
        let n = self.variants.len().max(1);
        let mut outs = vec![String::with_capacity(s.len()); n];
        let mut rest = s;
        // Text up to the next `{` or backslash is copied as it is, a run at a time.
        while let Some(at_mark) = rest.bytes().position(|b| b == b'{' || b == b'\\') {
            let (run, mark) = rest.split_at(at_mark);
            outs.iter_mut().for_each(|o| o.push_str(run));
            if let Some(after) = mark.strip_prefix('\\') {
                // Kept for the markup reader, which gives the next character literally.
                let next = after.chars().next().map_or(0, char::len_utf8);
                let (kept, after) = after.split_at(next);
                outs.iter_mut().for_each(|o| {
                    o.push('\\');
                    o.push_str(kept);
                });
                rest = after;
                continue;
            }
            let inner = &mark[1..];
            let Some(close) = inner.find('}') else {
                self.problems
                    .push(at.problem(field, ProblemKind::UnclosedTerm));
                return None;
            };
            let name = &inner[..close];
            let Some(values) = self.term(name) else {
                self.problems
                    .push(at.problem(field, ProblemKind::UnknownTerm(name.to_owned())));
                return None;
            };
            for (o, v) in outs.iter_mut().zip(values) {
                o.push_str(v);
            }
            rest = &inner[close + 1..];
        }
        outs.iter_mut().for_each(|o| o.push_str(rest));
        Some(outs)
    }

    /// A text before its terms are put in: not empty (when `required`), at most `max`
    /// characters, and printable; the first problem is reported.
    fn fits(&mut self, at: At<'_>, field: Field<'_>, s: &str, required: bool, max: usize) -> bool {
        let (len, visible, suspect) = text_facts(s);
        let kind = if required && !visible && s.trim().is_empty() {
            ProblemKind::Empty
        } else if len > max {
            ProblemKind::TooLong { len, max }
        } else {
            return !suspect || self.no_control(at, field, s);
        };
        self.problems.push(at.problem(field, kind));
        false
    }

    /// A text's versions as kept (see [`Plain`]), once it [`fits`](Checker::fits).
    fn kept<'s>(
        &mut self,
        at: At<'_>,
        field: Field<'_>,
        s: &'s str,
        required: bool,
        max: usize,
    ) -> Option<Cow<'s, str>> {
        if !self.fits(at, field, s, required, max) {
            return None;
        }
        self.versions(at, field, s)
    }

    /// A required plain text's versions as kept (see [`Plain`]).
    fn plain<'s>(
        &mut self,
        at: At<'_>,
        field: Field<'_>,
        s: &'s str,
        max: usize,
    ) -> Option<Cow<'s, str>> {
        self.kept(at, field, s, true, max)
    }

    /// A markup text's versions as kept (see [`Text`]), each version's markup checked.
    fn text<'s>(
        &mut self,
        at: At<'_>,
        field: Field<'_>,
        s: &'s str,
        required: bool,
    ) -> Option<Cow<'s, str>> {
        let versions = self.kept(at, field, s, required, MAX_TEXT)?;
        for i in 0..Text(&versions).versions() {
            let v = version(&versions, i);
            if let Err(e) = Rich::check(v) {
                self.problems
                    .push(at.problem(field, ProblemKind::Markup(e)));
                return None;
            }
        }
        Some(versions)
    }

    fn variant_ref(&mut self, at: At<'_>, field: Field<'_>, id: &str) -> Option<VariantId> {
        match self.variants.iter().position(|v| v.id == id) {
            Some(i) => Some(VariantId(i as u8)),
            None => {
                self.problems
                    .push(at.problem(field, ProblemKind::UnknownVariant(id.to_owned())));
                None
            }
        }
    }

    /// Checks node `n`, and adds it to `out` when it is valid; whether it is, and whether
    /// it refers to a node that is not there.
    fn node(
        &mut self,
        n: &ReadNode<'_>,
        index: &Ids<'_>,
        out: Option<&mut Vec<NodeData>>,
    ) -> (bool, bool) {
        let id = n.id.decode();
        let at = At { node: Some(&id) };
        let kind_s = kind_name(n.kind);
        let mut broken = false;
        let mut ok = true;
        let mut resolve =
            |cx: &mut Checker, field: Field<'_>, target: Literal<'_>| -> Option<NodeId> {
                let target = target.decode();
                let found = index.get(&target).copied();
                if found.is_none() {
                    cx.problems
                        .push(at.problem(field, ProblemKind::UnknownNode(target.into_owned())));
                    broken = true;
                }
                found
            };
        let (title_src, text_src) = (n.title.decode(), n.text.decode());
        let title = self.plain(at, &"title", &title_src, MAX_LABEL);
        let text = self.text(at, &"text", &text_src, n.kind != RawKind::Question);

        // Fields that only some kinds take.
        let not_allowed = |cx: &mut Checker, present: bool, field: &str| {
            if present {
                cx.problems
                    .push(at.problem(field, ProblemKind::NotAllowed(kind_s)));
            }
            !present
        };
        if n.kind != RawKind::Step {
            ok &= not_allowed(self, n.next.is_some(), "next");
            ok &= not_allowed(self, n.fixed().is_some(), "fixed");
            ok &= not_allowed(self, n.applies().is_some(), "applies");
        }
        if !matches!(n.kind, RawKind::Question | RawKind::Check) {
            ok &= not_allowed(self, !n.answers.is_empty(), "answers");
        }
        if n.kind != RawKind::Check {
            ok &= not_allowed(self, n.link().is_some(), "link");
        }
        if n.kind != RawKind::Outcome {
            ok &= not_allowed(self, n.outcome.is_some(), "outcome");
        }

        let kind = match n.kind {
            RawKind::Step => match n.next {
                None => {
                    self.problems
                        .push(at.problem("next", ProblemKind::Required(kind_s)));
                    None
                }
                Some(next) => {
                    let next = resolve(self, &"next", next);
                    let fixed = match n.fixed() {
                        Some(f) => resolve(self, &"fixed", f).map(Some),
                        None => Some(None),
                    };
                    next.zip(fixed)
                        .map(|(next, fixed)| Kind::Step { next, fixed })
                }
            },
            RawKind::Question | RawKind::Check => {
                let count = n.answers.len();
                if count < 2 {
                    self.problems
                        .push(at.problem("answers", ProblemKind::TooFewAnswers(count)));
                } else if count > MAX_ANSWERS {
                    self.problems.push(at.problem(
                        "answers",
                        ProblemKind::TooMany {
                            count,
                            max: MAX_ANSWERS,
                        },
                    ));
                }
                let mut answers = Vec::with_capacity(count);
                for (i, a) in n.answers.iter().enumerate() {
                    let decoded = a.label.decode();
                    let same = n.answers[..i]
                        .iter()
                        .position(|b| b.label.decode().trim() == decoded.trim());
                    if let Some(first) = same {
                        self.problems.push(at.problem(
                            format_args!("answers[{i}].label"),
                            ProblemKind::SameLabel(first),
                        ));
                    }
                    let kept =
                        self.plain(at, &format_args!("answers[{i}].label"), &decoded, MAX_LABEL);
                    // Kept as the file has it when it needs no change.
                    let label: Option<Box<str>> = match kept {
                        Some(Cow::Owned(changed)) => Some(changed.into()),
                        Some(Cow::Borrowed(_)) => Some(decoded.into()),
                        None => None,
                    };
                    let next = resolve(self, &format_args!("answers[{i}].next"), a.next);
                    let sets = match n.sets(i) {
                        Some(s) => self
                            .variant_ref(at, &format_args!("answers[{i}].sets"), &s.decode())
                            .map(Some),
                        None => Some(None),
                    };
                    answers.push(
                        label
                            .zip(next)
                            .zip(sets)
                            .map(|((label, next), sets)| Answer { label, next, sets }),
                    );
                }
                let answers: Option<Vec<Answer>> = answers.into_iter().collect();
                let answers = answers.filter(|a| (2..=MAX_ANSWERS).contains(&a.len()));
                if n.kind == RawKind::Question {
                    answers.map(|answers| Kind::Question {
                        answers: answers.into(),
                    })
                } else {
                    let link = match n.link() {
                        None => {
                            self.problems
                                .push(at.problem("link", ProblemKind::Required(kind_s)));
                            None
                        }
                        Some(l) => {
                            let label = self.plain(at, &"link.label", &l.label, MAX_LABEL);
                            let url = match SafeUrl::parse(&l.url) {
                                Ok(u) => Some(u),
                                Err(e) => {
                                    self.problems
                                        .push(at.problem("link.url", ProblemKind::Markup(e)));
                                    None
                                }
                            };
                            label.zip(url).map(|(label, url)| Link {
                                label: label.into(),
                                url,
                            })
                        }
                    };
                    link.zip(answers).map(|(link, answers)| Kind::Check {
                        link: Box::new(link),
                        answers: answers.into(),
                    })
                }
            }
            RawKind::Outcome => match n.outcome {
                None => {
                    self.problems
                        .push(at.problem("outcome", ProblemKind::Required(kind_s)));
                    None
                }
                Some(o) => Some(Kind::Outcome(match o {
                    RawOutcome::Resolved => OutcomeKind::Resolved,
                    RawOutcome::Waiting => OutcomeKind::Waiting,
                    RawOutcome::Escalate => OutcomeKind::Escalate,
                })),
            },
        };

        let image = match n.image() {
            None => Some(None),
            Some(img) => {
                let src_ok = SafeUrl::parse(&img.src).is_ok_and(|u| u.is_web())
                    || (!img.src.is_empty()
                        && !img.src.contains(':')
                        && !img.src.starts_with("//")
                        && !img
                            .src
                            .chars()
                            .any(|c| c.is_whitespace() || c.is_control() || "\"<>\\".contains(c)));
                if !src_ok {
                    self.problems.push(
                        at.problem("image.src", ProblemKind::BadImageSource(img.src.clone())),
                    );
                }
                let alt = self.plain(at, &"image.alt", &img.alt, MAX_LABEL);
                alt.filter(|_| src_ok).map(|alt| {
                    Some(Image {
                        src: img.src.clone(),
                        alt: alt.into(),
                    })
                })
            }
        };
        let applies = match n.applies() {
            None => Some(None),
            Some(list) => {
                let ids: Vec<Option<VariantId>> = list
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.variant_ref(at, &format_args!("applies[{i}]"), &v.decode()))
                    .collect();
                ids.into_iter().collect::<Option<Box<[_]>>>().map(Some)
            }
        };
        let reviewed = n.reviewed().map(Literal::decode);
        if let Some(r) = &reviewed {
            if !is_date(r) {
                ok = false;
                self.problems
                    .push(at.problem("reviewed", ProblemKind::BadDate(r.to_string())));
            }
        }
        let topics: Box<[Box<str>]> = n.topics().iter().map(|t| t.decode().into()).collect();
        for (i, t) in topics.iter().enumerate() {
            if !is_id(t) {
                ok = false;
                self.problems
                    .push(at.problem(format!("topics[{i}]"), ProblemKind::BadId(t.to_string())));
            }
        }
        // How disruptive a step is, and what a destructive one erases.
        let cost = match n.cost() {
            None => Cost::None,
            Some(RawCost::None) => Cost::None,
            Some(RawCost::Mild) => Cost::Mild,
            Some(RawCost::Destructive) => Cost::Destructive,
        };
        if n.kind != RawKind::Step {
            ok &= not_allowed(self, n.cost().is_some(), "cost");
        }
        let erases = match (cost, n.erases()) {
            (Cost::Destructive, None) => {
                ok = false;
                self.problems
                    .push(at.problem("erases", ProblemKind::ErasesRequired));
                None
            }
            (Cost::Destructive, Some(e)) => self.plain(at, &"erases", e, MAX_LABEL),
            (_, Some(_)) => {
                ok = false;
                self.problems
                    .push(at.problem("erases", ProblemKind::OnlyDestructive));
                None
            }
            (_, None) => None,
        };
        let mut allow_before = Vec::new();
        if cost != Cost::Destructive && !n.allow_before().is_empty() {
            ok = false;
            self.problems
                .push(at.problem("allow_before", ProblemKind::OnlyDestructive));
        }
        for (step_id, reason) in n.allow_before() {
            let field = format_args!("allow_before.{step_id}");
            let step = index.get(step_id.as_str()).copied();
            if step.is_none() {
                self.problems
                    .push(at.problem(field, ProblemKind::UnknownNode(step_id.clone())));
                broken = true;
            }
            let reason = self.plain(at, &field, reason, MAX_TEXT);
            if let (Some(step), Some(reason)) = (step, reason) {
                allow_before.push(Exception {
                    step,
                    reason: reason.into(),
                });
            } else {
                ok = false;
            }
        }
        let (Some(image), Some(applies), Some(title), Some(kind), true) =
            (image, applies, title, kind, ok)
        else {
            return (false, broken);
        };
        if let Some(out) = out {
            let extras = Extras {
                image,
                applies,
                reviewed: reviewed.map(Box::from),
                topics,
                cost,
                erases: erases.map(Into::into),
                allow_before: allow_before.into(),
            };
            let any = extras != Extras::default();
            out.push(NodeData {
                id: id.into(),
                title: title.into(),
                text: text.map(Into::into).unwrap_or_default(),
                kind,
                extras: any.then(|| Box::new(extras)),
            });
        }
        (true, broken)
    }

    /// A fix's `fixed` must end the walk as resolved.
    fn fixed_targets(&mut self, guide: &Guide) {
        for (_, n) in guide.nodes() {
            if let Kind::Step {
                next,
                fixed: Some(f),
            } = *n.kind()
            {
                let target = guide.node(f);
                if target.outcome() != Some(OutcomeKind::Resolved) {
                    self.problems.push(Problem::node(
                        n.id(),
                        "fixed",
                        ProblemKind::NotResolved(target.id().to_string()),
                    ));
                } else if next == f {
                    self.problems.push(Problem::node(
                        n.id(),
                        "fixed",
                        ProblemKind::FixedIsNext(target.id().to_string()),
                    ));
                }
            }
        }
    }

    /// No destructive step may come before a cheaper step that is still ahead of it on some
    /// path from the start, unless the step lists it in `allow_before`. Each destructive
    /// step costs one breadth-first search from it, and one from the start finds the way to
    /// each: linear in the guide for each destructive step, of which guides have a few.
    fn order(&mut self, guide: &Guide) {
        let from_start = tree(guide, guide.start);
        for (d, node) in guide.nodes() {
            if node.cost() != Cost::Destructive || from_start[d.index()].is_none() {
                continue;
            }
            let ahead = tree(guide, d);
            let allowed = node.allow_before();
            let mut used = vec![false; allowed.len()];
            for (s, other) in guide.nodes() {
                let reached = s != d && ahead[s.index()].is_some();
                if !reached || !matches!(other.kind(), Kind::Step { .. }) {
                    continue;
                }
                if other.cost() >= node.cost() {
                    continue;
                }
                if let Some(i) = allowed.iter().position(|x| x.step == s) {
                    used[i] = true;
                    continue;
                }
                let mut path = way(&from_start, d);
                path.extend(way(&ahead, s).into_iter().skip(1));
                let path: Vec<&str> = path.iter().map(|&i| guide.node(i).id()).collect();
                self.problems.push(Problem::node(
                    node.id(),
                    "cost",
                    ProblemKind::CheaperAfter {
                        step: other.id().to_owned(),
                        cost: other.cost().as_str(),
                        path: path.join(" → "),
                    },
                ));
            }
            for (x, used) in allowed.iter().zip(used) {
                if !used {
                    let step = guide.node(x.step).id();
                    self.problems.push(Problem::node(
                        node.id(),
                        format!("allow_before.{step}"),
                        ProblemKind::UnusedException(step.to_owned()),
                    ));
                }
            }
        }
    }

    /// Reachability, dead ends and distances to an outcome; all linear in the guide's size
    /// and iterative, so a long chain cannot overflow the stack.
    fn graph(&mut self, guide: &Guide) -> Option<(Vec<u32>, Vec<u32>)> {
        let (n, start) = (guide.len(), guide.start);
        // Adjacency::new reads the edges twice (count, then place); reading a node's targets
        // allocates nothing, so that costs less than a list of every edge would.
        let edges = Adjacency::new(
            n,
            (0u32..)
                .zip(guide.nodes.iter())
                .flat_map(|(i, node)| node.kind.targets().map(move |to| (i, to.0))),
        );

        let mut reached = vec![false; n];
        let mut queue = VecDeque::from([start.0]);
        reached[start.index()] = true;
        while let Some(i) = queue.pop_front() {
            for &to in edges.from(i) {
                if !std::mem::replace(&mut reached[to as usize], true) {
                    queue.push_back(to);
                }
            }
        }

        // Fewest screens to an outcome: breadth-first from every outcome, backwards.
        let preds = Adjacency::new(n, edges.pairs().map(|(from, to)| (to, from)));
        let mut min = vec![u32::MAX; n];
        let mut queue = VecDeque::new();
        for (i, node) in guide.nodes() {
            if node.outcome().is_some() {
                min[i.index()] = 0;
                queue.push_back(i.0);
            }
        }
        while let Some(i) = queue.pop_front() {
            for &p in preds.from(i) {
                if min[p as usize] == u32::MAX {
                    min[p as usize] = min[i as usize] + 1;
                    queue.push_back(p);
                }
            }
        }

        let before = self.problems.len();
        for (i, node) in guide.nodes() {
            if !reached[i.index()] {
                self.problems
                    .push(Problem::node(node.id(), "id", ProblemKind::Unreachable));
            } else if min[i.index()] == u32::MAX {
                self.problems
                    .push(Problem::node(node.id(), "id", ProblemKind::NoOutcome));
            }
        }
        if self.problems.len() > before {
            return None;
        }

        // Most screens to an outcome without going round a loop: depth-first, post-order,
        // ignoring edges back into the path being explored.
        let mut max = vec![0u32; n];
        let mut state = vec![0u8; n]; // 0 new, 1 on the path, 2 done
        let mut stack: Vec<(u32, u32)> = Vec::new();
        for root in 0..n as u32 {
            if state[root as usize] != 0 {
                continue;
            }
            state[root as usize] = 1;
            stack.push((root, 0));
            while let Some(&mut (i, ref mut k)) = stack.last_mut() {
                let out = edges.from(i);
                if (*k as usize) < out.len() {
                    let to = out[*k as usize];
                    *k += 1;
                    if state[to as usize] == 0 {
                        state[to as usize] = 1;
                        stack.push((to, 0));
                    }
                } else {
                    let best = out
                        .iter()
                        .filter(|&&to| state[to as usize] == 2)
                        .map(|&to| max[to as usize] + 1)
                        .max()
                        .unwrap_or(0);
                    max[i as usize] = best.max(min[i as usize]);
                    state[i as usize] = 2;
                    stack.pop();
                }
            }
        }
        Some((min, max))
    }
}

/// Breadth-first from `root`: for each node reached, the node it was first reached from
/// (`root` for itself); `None` for the rest.
fn tree(guide: &Guide, root: NodeId) -> Vec<Option<NodeId>> {
    let mut parent = vec![None; guide.len()];
    parent[root.index()] = Some(root);
    let mut queue = VecDeque::from([root]);
    while let Some(i) = queue.pop_front() {
        for to in guide.node(i).kind().targets() {
            if parent[to.index()].is_none() {
                parent[to.index()] = Some(i);
                queue.push_back(to);
            }
        }
    }
    parent
}

/// The way from a [`tree`]'s root to `to`, both included; `to` must have been reached.
fn way(parent: &[Option<NodeId>], to: NodeId) -> Vec<NodeId> {
    let mut path = vec![to];
    let mut at = to;
    while let Some(p) = parent[at.index()].filter(|&p| p != at) {
        path.push(p);
        at = p;
    }
    path.reverse();
    path
}

/// A graph's edges in two flat arrays (compressed sparse rows): node `i`'s targets are
/// `targets[start[i]..start[i + 1]]`. Two allocations for the whole guide, instead of one
/// vector per node, keep validation of a large guide light on memory.
struct Adjacency {
    start: Vec<u32>,
    targets: Vec<u32>,
}

impl Adjacency {
    /// Builds the rows from (from, to) pairs given in any order (a counting sort).
    fn new(n: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Adjacency {
        let mut start = vec![0u32; n + 1];
        for (from, _) in pairs.clone() {
            start[from as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut targets = vec![0u32; start[n] as usize];
        for (from, to) in pairs {
            targets[fill[from as usize] as usize] = to;
            fill[from as usize] += 1;
        }
        Adjacency { start, targets }
    }

    /// The targets of node `i`, in the order they were given.
    fn from(&self, i: u32) -> &[u32] {
        &self.targets[self.start[i as usize] as usize..self.start[i as usize + 1] as usize]
    }

    /// Every edge as (from, to).
    fn pairs(&self) -> impl Iterator<Item = (u32, u32)> + Clone + '_ {
        (0..self.start.len().saturating_sub(1) as u32)
            .flat_map(move |i| self.from(i).iter().map(move |&to| (i, to)))
    }
}

/// The one pass over a text's bytes agrees with the questions it stands for.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod text_facts_agree {
    use super::text_facts;
    use proptest::prelude::*;

    const CHARS: &[char] = &[
        'a', ' ', '\t', '\n', '\r', '\u{b}', '\u{1}', '\u{7f}', '\u{80}', '\u{85}', '\u{9f}',
        '\u{a0}', '\u{a2}', '\u{c2}', 'é', '\u{2028}', '\u{3000}', '😀',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn answers_as_chars_trim_and_is_control(picks in proptest::collection::vec(0..CHARS.len(), 0..12)) {
            let s: String = picks.iter().map(|&i| CHARS[i]).collect();
            let (chars, visible, suspect) = text_facts(&s);
            prop_assert_eq!(chars, s.chars().count());
            if visible {
                prop_assert!(!s.trim().is_empty(), "{:?}", s);
            } else {
                prop_assert!(s.trim().is_empty() || !s.is_ascii(), "{:?}", s);
            }
            let control = s.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
            prop_assert_eq!(suspect, control, "{:?}", s);
        }
    }
}
