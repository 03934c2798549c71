//! Where in a guide file each problem is, for the CLI: it prints `file:line:column:` before a
//! problem, which editors and terminals turn into a way to the spot.
//!
//! The checker's problems name a node and a field, not a place in the file: the checker frees
//! the file's text as soon as it can, and the widget shows problems by name. The CLI still has
//! the text, so it reads it again here, which keeps every string as written with its place.

use super::json::{self, Literal};
use super::raw::{RawGuide, ReadNode};
use super::{Problem, ProblemKind};
use std::collections::HashMap;

/// A guide file's nodes, read again with the places of their strings, to say where a node's
/// field is.
pub struct Locator<'t> {
    text: &'t str,
    nodes: Vec<ReadNode<'t>>,
    /// Every node with each id, in file order.
    by_id: HashMap<String, Vec<usize>>,
}

impl<'t> Locator<'t> {
    /// The locator for `text`, a guide file; none when it does not read.
    pub fn new(text: &'t str) -> Option<Locator<'t>> {
        let raw = json::from_str::<RawGuide<'t>>(text).ok()?;
        let nodes: Vec<ReadNode<'t>> = raw.nodes;
        let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            by_id.entry(n.id.decode().into_owned()).or_default().push(i);
        }
        Some(Locator { text, nodes, by_id })
    }

    /// The line and column (1-based, as an editor shows them) of a field of the node with id
    /// `node`: where the field's value starts when it is a string the reader keeps as written
    /// (an id, a title, a text, a reference, an answer's label, a date, a topic), else where
    /// the node's id does. Of nodes that share an id, the first that has the field (the id
    /// does not tell them apart). None for a node not in the file.
    pub fn field(&self, node: &str, field: &str) -> Option<(usize, usize)> {
        let same = self.by_id.get(node)?;
        let with_field = same
            .iter()
            .filter_map(|&i| self.nodes.get(i))
            .find_map(|n| field_value(n, field));
        let value = with_field.or_else(|| Some(self.nodes.get(*same.first()?)?.id))?;
        self.place(value)
    }

    /// Where the id of the `nth` node (from 0) with id `node` is.
    fn nth_id(&self, node: &str, nth: usize) -> Option<(usize, usize)> {
        let i = *self.by_id.get(node)?.get(nth)?;
        self.place(self.nodes.get(i)?.id)
    }

    /// Where a string starts: its opening quote.
    fn place(&self, value: Literal<'_>) -> Option<(usize, usize)> {
        // The literal is a slice of the text, which the reader borrowed it from.
        let at = (value.as_written().as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        Some(json::position(self.text, at.saturating_sub(1)))
    }
}

/// The line and column of each of `problems`, found in `text`, the file they were found in
/// (see [`Locator::field`]). A duplicate id is placed at the node reported: the checker
/// reports the second and later of nodes that share an id, in order. None for the guide's own
/// fields, a node not in the file, or a text that does not read.
pub fn positions(text: &str, problems: &[Problem]) -> Vec<Option<(usize, usize)>> {
    let Some(locator) = Locator::new(text) else {
        return vec![None; problems.len()];
    };
    let mut repeats_seen: HashMap<&str, usize> = HashMap::new();
    problems
        .iter()
        .map(|p| {
            let id = p.node_id()?;
            if matches!(p.kind(), ProblemKind::DuplicateId(_)) {
                let seen = repeats_seen.entry(id).or_default();
                *seen += 1;
                locator.nth_id(id, *seen)
            } else {
                locator.field(id, p.field())
            }
        })
        .collect()
}

/// The string a field of a node holds, when the reader keeps it as written.
fn field_value<'a>(n: &ReadNode<'a>, field: &str) -> Option<Literal<'a>> {
    // `name[i]` and what follows it, or the name alone.
    let (name, rest) = field.split_once('[').unwrap_or((field, ""));
    let item = || {
        let (i, after) = rest.split_once(']')?;
        Some((i.parse::<usize>().ok()?, after))
    };
    match name {
        "id" => Some(n.id),
        "title" => Some(n.title),
        "text" => Some(n.text),
        "next" => n.next,
        "fixed" => n.fixed(),
        "reviewed" => n.reviewed(),
        "answers" => {
            let (i, after) = item()?;
            let a = n.answers.get(i)?;
            match after {
                ".label" => Some(a.label),
                ".next" => Some(a.next),
                ".sets" => n.sets(i),
                _ => None,
            }
        }
        "applies" => n.applies()?.get(item()?.0).copied(),
        "topics" => n.topics().get(item()?.0).copied(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::positions;
    use crate::guide::Guide;
    use crate::validate::LoadError;

    /// Each problem at the start of its value (the opening quote), or of its node's id; the
    /// guide's own fields nowhere.
    #[test]
    fn problems_are_found_where_their_values_are() {
        let text = "\u{feff}{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"lang\": \"en\", \"version\": \"1\", \"start\": \"nope\",\n\
            \"nodes\": [\n\
            {\"id\": \"a\", \"kind\": \"question\", \"title\": \"A?\",\n\
             \"answers\": [{\"label\": \"one\", \"next\": \"b\"}, {\"label\": \"two\", \"next\": \"zz\"}]},\n\
            {\"id\": \"b\", \"kind\": \"step\", \"title\": \"Ça\", \"text\": \"*open\", \"next\": \"a\", \"reviewed\": \"soon\"},\n\
            {\"id\": \"b\", \"kind\": \"outcome\", \"outcome\": \"resolved\", \"title\": \"B\", \"text\": \"t\", \"topics\": [\"ok\", \"Bad\"]},\n\
            {\"id\": \"b\", \"kind\": \"outcome\", \"outcome\": \"resolved\", \"title\": \"C\", \"text\": \"t\"}\n\
            ]}";
        let Err(LoadError::Invalid(problems)) = Guide::from_json(text) else {
            panic!("the guide should have problems");
        };
        let found: Vec<(String, Option<(usize, usize)>)> = problems
            .iter()
            .map(ToString::to_string)
            .zip(positions(text, &problems))
            .collect();
        // Columns in characters: "Ça" is three bytes and two characters.
        let expected: Vec<(&str, Option<(usize, usize)>)> = vec![
            ("node \"b\", field \"id\": id \"b\" is used more than once", Some((6, 8))),
            ("node \"b\", field \"id\": id \"b\" is used more than once", Some((7, 8))),
            ("guide field \"start\": refers to unknown node \"nope\"", None),
            ("node \"a\", field \"answers[1].next\": refers to unknown node \"zz\"", Some((4, 69))),
            ("node \"b\", field \"text\": unclosed *", Some((5, 52))),
            ("node \"b\", field \"reviewed\": \"soon\" is not a date in the form YYYY-MM-DD", Some((5, 86))),
            ("node \"b\", field \"topics[1]\": \"Bad\" is not a valid id (use lowercase letters, digits and hyphens, at most 64)", Some((6, 99))),
        ];
        let found: Vec<(&str, Option<(usize, usize)>)> =
            found.iter().map(|(p, at)| (p.as_str(), *at)).collect();
        assert_eq!(found, expected);
    }

    /// A field whose value is not kept as written (a link's URL) is placed at its node's id;
    /// a node not in the file nowhere.
    #[test]
    fn a_field_without_a_place_of_its_own_is_at_its_node() {
        let text = "{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"lang\": \"en\", \"version\": \"1\", \"start\": \"q\", \"nodes\": [\n  {\"id\": \"q\", \"kind\": \"check\", \"title\": \"Q\", \"link\": {\"label\": \"L\", \"url\": \"https://a.example/\"}}]}";
        let Some(locator) = super::Locator::new(text) else {
            panic!("the text reads as a guide's shape");
        };
        assert_eq!(locator.field("q", "link.url"), Some((2, 10)));
        assert_eq!(locator.field("q", "kind"), Some((2, 10)));
        assert_eq!(locator.field("nope", "id"), None);
    }

    #[test]
    fn a_text_that_does_not_read_has_no_positions() {
        let problems = match Guide::from_json(
            r#"{"format": 1, "id": "x", "title": "X", "lang": "en", "version": "1", "start": "a", "nodes": []}"#,
        ) {
            Err(LoadError::Invalid(p)) => p,
            other => panic!("{other:?}"),
        };
        assert_eq!(positions("{", &problems), vec![None; problems.len()]);
    }
}
