//! Translations: a sibling file that puts a guide's texts in another language.
//!
//! A translation holds texts only, by node id; ids, structure, links and terms' variants stay
//! in the guide's own file, so a change to a step's way on is made once. One file per
//! language (not every language inline in the guide): a translator's change touches only
//! their file, two languages never conflict in a merge, and the guide's file stays the size
//! and shape its author knows.
//!
//! ```json
//! { "format": 1, "translates": "imessage-signed-out", "lang": "es", "of": "1a2b3c4d",
//!   "title": "…", "variants": { "ios18": "…" }, "terms": { "messages": { "ios18": "…" } },
//!   "nodes": { "which-ios": { "of": "5e6f7a8b", "title": "…", "text": "…",
//!                             "answers": ["…", "…"] } } }
//! ```
//!
//! Each `of` is the hash of the texts it translates, as they were ([`source_hash`]): when the
//! guide's text changes, the hash does, and the translation of that node is stale. A stale or
//! missing text shows in the guide's own language, marked with its `lang`; `stepguide check`
//! and `stepguide i18n` list them.

use super::checks;
use super::error::{LoadError, Problem, ProblemKind};
use super::hash::{content_hash, fnv, FNV_OFFSET};
use super::json::{self, Literal};
use super::raw::{Entries, RawGuide, ReadNode};
use crate::guide::{Fallback, Field, Guide};
use serde::Deserialize;

/// A translation file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslation<'a> {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    format: u32,
    translates: String,
    lang: String,
    #[serde(default)]
    dir: Option<String>,
    #[serde(default)]
    of: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    variants: Entries<String>,
    #[serde(default)]
    terms: Entries<Entries<String>>,
    #[serde(borrow)]
    nodes: Entries<RawNodeText<'a>>,
}

/// One node's texts in a translation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNodeText<'a> {
    #[serde(default)]
    of: Option<String>,
    #[serde(default, borrow)]
    title: Option<Literal<'a>>,
    #[serde(default, borrow)]
    text: Option<Literal<'a>>,
    #[serde(default, borrow)]
    answers: Option<Vec<Literal<'a>>>,
    #[serde(default)]
    link: Option<String>,
    #[serde(default)]
    alt: Option<String>,
    #[serde(default)]
    erases: Option<String>,
}

/// How a text of a translation stands against the guide's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// The translation leaves it out.
    Missing,
    /// The guide's text has changed since it was translated.
    Stale,
}

/// Which texts a translation covers, for `stepguide check` and `stepguide i18n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The translation's language.
    pub lang: String,
    /// How many texts the guide has.
    pub texts: usize,
    /// Each text shown in the guide's own language: node id (`None` for the guide's title,
    /// variants and terms), field name, and why; in the order of the guide.
    pub gaps: Vec<(Option<String>, String, Gap)>,
    /// The `of` each stale part needs now: node id (`None` for the guide's own) and hash.
    pub hashes: Vec<(Option<String>, String)>,
}

impl Coverage {
    /// How many texts are translated and current.
    pub fn translated(&self) -> usize {
        self.texts - self.gaps.len()
    }

    /// The report's lines: `node "x", field "text": missing in es`.
    pub fn messages(&self) -> Vec<String> {
        self.gaps
            .iter()
            .map(|(node, field, gap)| {
                let what = match gap {
                    Gap::Missing => "missing",
                    Gap::Stale => "stale (the text changed after it was translated)",
                };
                match node {
                    Some(node) => format!(
                        "node \"{node}\", field \"{field}\": {what} in {}",
                        self.lang
                    ),
                    None => format!("guide field \"{field}\": {what} in {}", self.lang),
                }
            })
            .collect()
    }
}

/// The hash a translation's `of` gives for these texts: 8 hex digits of FNV-1a over them, a
/// NUL after each (no text holds one).
pub fn source_hash<'s>(texts: impl IntoIterator<Item = &'s str>) -> String {
    let mut h = FNV_OFFSET;
    for t in texts {
        for &b in t.as_bytes() {
            h = fnv(h, b);
        }
        h = fnv(h, 0);
    }
    format!("{:08x}", (h ^ (h >> 32)) as u32)
}

/// The texts of a node the hash covers, in order.
fn node_texts(n: &ReadNode<'_>) -> Vec<(Field, String)> {
    let mut out = vec![(Field::Title, n.title.decode().into_owned())];
    if !n.text.as_written().is_empty() {
        out.push((Field::Text, n.text.decode().into_owned()));
    }
    for (i, a) in n.answers.iter().enumerate() {
        out.push((Field::Answer(i), a.label.decode().into_owned()));
    }
    if let Some(rarer) = n.rare.as_ref().and_then(|r| r.rarer.as_ref()) {
        if let Some(link) = &rarer.link {
            out.push((Field::Link, link.label.clone()));
        }
        if let Some(image) = &rarer.image {
            out.push((Field::Alt, image.alt.clone()));
        }
        if let Some(erases) = &rarer.erases {
            out.push((Field::Erases, erases.clone()));
        }
    }
    out
}

/// The guide's own texts the top-level `of` covers: title, variant labels, terms.
fn guide_texts(raw: &RawGuide<'_>) -> Vec<String> {
    let mut out = vec![raw.title.clone()];
    out.extend(raw.variants.iter().map(|v| v.label.clone()));
    for (name, by_variant) in &raw.terms.0 {
        out.push(name.clone());
        out.extend(by_variant.0.iter().map(|(_, t)| t.clone()));
    }
    out
}

/// A guide in a translation's language, and what the translation covers.
pub struct Translated {
    /// The guide, its texts in the translation's language where it has them.
    pub guide: Guide,
    /// What it covers.
    pub coverage: Coverage,
}

impl Guide {
    /// Reads the guide file `src` and the translation `translation` of it, and checks them
    /// as one guide: the translation's texts in place of the guide's, the guide's where it
    /// has none or they are stale. The guide keeps the content hash of `src`, so tokens and
    /// saved walks are the same in every language. Problems in the translation are named by
    /// node and field, prefixed `translation:`.
    pub fn translated(src: &str, translation: &str) -> Result<Translated, LoadError> {
        super::check_size(src.len())?;
        super::check_size(translation.len())?;
        let mut raw: RawGuide = json::from_str(src)?;
        let tr: RawTranslation = json::from_str(translation).map_err(|e| LoadError::Syntax {
            line: e.line,
            column: e.column,
            message: format!("translation: {}", e.message),
        })?;
        let mut problems = Vec::new();
        let bad =
            |field: &str, kind: ProblemKind| Problem::guide(format!("translation: {field}"), kind);
        if tr.format != 1 {
            return Err(LoadError::Invalid(vec![bad(
                "format",
                ProblemKind::UnsupportedFormat(tr.format),
            )]));
        }
        if tr.translates != raw.id {
            problems.push(bad(
                "translates",
                ProblemKind::RefersToUnknownGuide(tr.translates.clone()),
            ));
        }
        if !checks::is_lang(&tr.lang) {
            problems.push(bad("lang", ProblemKind::BadLanguage(tr.lang.clone())));
        }
        let rtl = match tr.dir.as_deref() {
            None => crate::guide::is_rtl(&tr.lang),
            Some("ltr") => false,
            Some("rtl") => true,
            Some(other) => {
                problems.push(bad("dir", ProblemKind::BadDirection(other.to_owned())));
                false
            }
        };

        let mut gaps = Vec::new();
        let mut hashes = Vec::new();
        let mut texts = 0;

        // The guide's own texts: title, variants, terms, under the top-level `of`.
        let top = source_hash(guide_texts(&raw).iter().map(String::as_str));
        let top_stale = tr.of.as_deref() != Some(top.as_str());
        let mut guide_gap = |field: String, given: bool, gaps: &mut Vec<_>| {
            texts += 1;
            match (given, top_stale) {
                (false, _) => gaps.push((None, field, Gap::Missing)),
                (true, true) => gaps.push((None, field, Gap::Stale)),
                (true, false) => {}
            }
            given && !top_stale
        };
        let title_own = !guide_gap("title".to_owned(), tr.title.is_some(), &mut gaps);
        if !title_own {
            raw.title = tr.title.clone().unwrap_or_default();
        }
        for v in &mut raw.variants {
            let given = tr.variants.get(&v.id);
            if guide_gap(format!("variants.{}", v.id), given.is_some(), &mut gaps) {
                v.label = given.cloned().unwrap_or_default();
            }
        }
        for (name, by_variant) in &mut raw.terms.0 {
            let given = tr.terms.get(name);
            for (variant, text) in &mut by_variant.0 {
                let t = given.and_then(|g| g.get(variant));
                if guide_gap(format!("terms.{name}.{variant}"), t.is_some(), &mut gaps) {
                    *text = t.cloned().unwrap_or_default();
                }
            }
        }
        if top_stale {
            hashes.push((None, top.clone()));
        }
        for (name, _) in &tr.variants.0 {
            if !raw.variants.iter().any(|v| &v.id == name) {
                problems.push(bad(
                    &format!("variants.{name}"),
                    ProblemKind::UnknownVariant(name.clone()),
                ));
            }
        }
        for (name, _) in &tr.terms.0 {
            if raw.terms.get(name).is_none() {
                problems.push(bad(
                    &format!("terms.{name}"),
                    ProblemKind::UnknownTerm(name.clone()),
                ));
            }
        }

        // The nodes' texts.
        let mut own = vec![0u32; raw.nodes.len()];
        for (i, n) in raw.nodes.iter_mut().enumerate() {
            let id = n.id.decode().into_owned();
            let source = node_texts(n);
            texts += source.len();
            let hash = source_hash(source.iter().map(|(_, t)| t.as_str()));
            let Some(t) = tr.nodes.get(&id) else {
                hashes.push((Some(id.clone()), hash));
                for (field, _) in &source {
                    own[i] |= field.bit();
                    gaps.push((Some(id.clone()), field.name(), Gap::Missing));
                }
                continue;
            };
            let stale = t.of.as_deref() != Some(hash.as_str());
            if stale {
                hashes.push((Some(id.clone()), hash.clone()));
            }
            let answers = t.answers.as_deref().unwrap_or_default();
            if t.answers.is_some() && answers.len() != n.answers.len() {
                problems.push(Problem::node(
                    &id,
                    "translation: answers",
                    ProblemKind::AnswerCount {
                        given: answers.len(),
                        expected: n.answers.len(),
                    },
                ));
            }
            let rarer = n.rare.as_mut().and_then(|r| r.rarer.as_mut());
            let has = |f: Field| source.iter().any(|(s, _)| *s == f);
            for (field, given) in [
                (Field::Link, t.link.is_some()),
                (Field::Alt, t.alt.is_some()),
                (Field::Erases, t.erases.is_some()),
                (Field::Text, t.text.is_some()),
            ] {
                if given && !has(field) {
                    problems.push(Problem::node(
                        &id,
                        format!("translation: {}", field.name()),
                        ProblemKind::NothingToTranslate,
                    ));
                }
            }
            for (field, _) in &source {
                let given = match field {
                    Field::Title => t.title.is_some(),
                    Field::Text => t.text.is_some(),
                    Field::Answer(a) => answers.get(*a).is_some(),
                    Field::Link => t.link.is_some(),
                    Field::Alt => t.alt.is_some(),
                    Field::Erases => t.erases.is_some(),
                };
                if !given || stale {
                    own[i] |= field.bit();
                    let gap = if given { Gap::Stale } else { Gap::Missing };
                    gaps.push((Some(id.clone()), field.name(), gap));
                }
            }
            if stale {
                continue;
            }
            if let Some(title) = t.title {
                n.title = title;
            }
            if let Some(text) = t.text {
                n.text = text;
            }
            for (a, label) in n.answers.iter_mut().zip(answers) {
                a.label = *label;
            }
            if let Some(rarer) = rarer {
                if let (Some(link), Some(label)) = (&mut rarer.link, &t.link) {
                    link.label = label.clone();
                }
                if let (Some(image), Some(alt)) = (&mut rarer.image, &t.alt) {
                    image.alt = alt.clone();
                }
                if let (Some(erases), Some(given)) = (&mut rarer.erases, &t.erases) {
                    *erases = given.clone();
                }
            }
        }
        for (id, _) in &tr.nodes.0 {
            if !raw.nodes.iter().any(|n| n.id.decode() == id.as_str()) {
                problems.push(bad(
                    &format!("nodes.{id}"),
                    ProblemKind::UnknownNode(id.clone()),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(LoadError::Invalid(problems));
        }

        let source_lang = raw.lang.clone();
        let source_rtl = raw.dir == "rtl";
        let mut guide = checks::check(raw, content_hash(src)).and_then(checks::Resolved::finish)?;
        guide.lang = tr.lang.clone();
        guide.rtl = rtl;
        guide.fallback = Some(Box::new(Fallback {
            lang: source_lang,
            rtl: source_rtl,
            title: title_own,
            nodes: own.into(),
        }));
        Ok(Translated {
            guide,
            coverage: Coverage {
                lang: tr.lang,
                texts,
                gaps,
                hashes,
            },
        })
    }
}

/// Where the translation into `lang` of the guide at `url` is: beside it, `guide.json` →
/// `guide.es.json` (a query or fragment kept after it); a URL not ending in `.json` gets
/// `.es.json` added.
pub fn sibling_url(url: &str, lang: &str) -> String {
    let cut = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(cut);
    let stem = path.strip_suffix(".json").unwrap_or(path);
    format!("{stem}.{lang}.json{rest}")
}
