//! The checker's index of node ids, for resolving references while the read nodes are
//! freed chunk by chunk.

use super::hash::fnv;
use crate::guide::chunked::Chunked;
use crate::guide::{NodeId, MAX_FILE_BYTES, MAX_NODES};
use crate::validate::raw::ReadNode;

/// Node ids and their indices, for resolving references. The ids are read from the file's
/// text, so the raw nodes can be freed chunk by chunk while references are still being
/// resolved. The lookup is a hash table of 32-bit slots (open addressing, linear probing,
/// at most three quarters full), each a tag of the id's hash and the node's index, so a probe
/// mostly compares whole numbers and reads an id from the text only when the tags agree.
/// 9–10 bytes a node in wasm (ids and slots), at the moment the guide is largest (the file,
/// the nodes and this): a hash map of copied ids took a third of the file's size again, and
/// slices of the text instead of offsets 4 bytes a node more (8 natively).
///
/// It replaced a binary search over keys sorted by hash and id (12 bytes a node): sorting
/// and searching 100k ids were a quarter of checking a guide natively. The hash is seeded
/// with the file's content hash, so ids cannot be chosen to fill one run of slots without
/// knowing the hash of the file they are in (which changes with every id).
pub(super) struct Index<'s> {
    /// The file's text, where most ids are.
    text: &'s str,
    /// The ids that have escapes, decoded (see [`decoded_ids`]).
    decoded: &'s [Box<str>],
    /// Each node's id, by node index: where it starts in `text` (it ends at the next `"`:
    /// it has no escapes), or, with [`DECODED`] set, its place in `decoded`.
    ids: Vec<u32>,
    /// The slots, a third more than the ids (not the next power of two, which held up to
    /// twice as many: 3 KB more for 1k nodes, 0.5 MB for 100k): 0 when empty, else the tag
    /// ([`Index::tag`]) above [`INDEX_BITS`] and the node's index plus one below.
    slots: Vec<u32>,
    /// Where the ids' hashes start (see [`Index::hash`]).
    seed: u64,
}

/// Bits of a slot that hold the node's index plus one; the rest hold the tag.
const INDEX_BITS: u32 = 17;
const _: () = assert!(MAX_NODES < (1 << INDEX_BITS) - 1);

/// Marks an entry of [`Index::ids`] as a place in [`Index::decoded`]. Texts are far shorter
/// than 2 GiB ([`MAX_FILE_BYTES`]), so no offset has it.
const DECODED: u32 = 1 << 31;
const _: () = assert!(MAX_FILE_BYTES < DECODED as usize);

impl<'s> Index<'s> {
    /// An empty index for `ids` (found in `text` and `decoded`), with room for all of them.
    pub(super) fn new(text: &'s str, decoded: &'s [Box<str>], ids: Vec<u32>, seed: u64) -> Self {
        // More than 4/3 of the ids: at most three quarters full, never full.
        let room = ids.len() + ids.len() / 3 + 1;
        Index {
            text,
            decoded,
            ids,
            slots: vec![0; room],
            seed,
        }
    }

    /// FNV-1a of `id`, starting from the seed.
    pub(super) fn hash(&self, id: &str) -> u64 {
        id.bytes().fold(self.seed, fnv)
    }

    /// The bits of a hash a slot keeps to tell most ids apart without reading them: its top
    /// 15, all that a slot has room for beside the node.
    fn tag(hash: u64) -> u32 {
        (hash >> (32 + INDEX_BITS)) as u32
    }

    /// Node `i`'s id.
    pub(super) fn id_of_node(&self, i: usize) -> &'s str {
        match self.ids.get(i) {
            Some(&at) if at & DECODED != 0 => {
                self.decoded.get((at & !DECODED) as usize).map_or("", |s| s)
            }
            Some(&at) => {
                let rest = self.text.get(at as usize..).unwrap_or_default();
                // A plain loop: valid ids are a few bytes, and this runs for every lookup
                // whose tag matches (`str::find` cost a tenth of the whole check).
                let end = rest.bytes().position(|b| b == b'"').unwrap_or(0);
                rest.get(..end).unwrap_or_default()
            }
            None => "",
        }
    }

    /// Where a probe for `hash` starts.
    fn first_slot(&self, hash: u64) -> usize {
        // The product's high bits depend on every bit of the hash; FNV's low bits do not.
        // Their top 32, times the number of slots, shifted down: a slot in range with no
        // division, each about as likely.
        let mixed = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32;
        ((mixed * self.slots.len() as u64) >> 32) as usize
    }

    /// The node whose id is `id` (hashed to `hash`), or the empty slot where it would go.
    fn probe(&self, hash: u64, id: &str) -> Result<NodeId, usize> {
        let tag = Self::tag(hash);
        let mut at = self.first_slot(hash);
        // The table is never full (see `new`), so an empty slot ends every probe.
        loop {
            let slot = self.slots.get(at).copied().unwrap_or(0);
            if slot == 0 {
                return Err(at);
            }
            let node = (slot & ((1 << INDEX_BITS) - 1)) as usize - 1;
            if slot >> INDEX_BITS == tag && self.id_of_node(node) == id {
                return Ok(NodeId(node as u32));
            }
            at += 1;
            if at == self.slots.len() {
                at = 0;
            }
        }
    }

    /// Adds node `i` under its id, hashed to `hash`; false when another node has that id.
    pub(super) fn insert(&mut self, i: usize, hash: u64) -> bool {
        match self.probe(hash, self.id_of_node(i)) {
            Ok(_) => false,
            Err(at) => {
                if let Some(slot) = self.slots.get_mut(at) {
                    *slot = Self::tag(hash) << INDEX_BITS | (i as u32 + 1);
                }
                true
            }
        }
    }

    pub(super) fn get(&self, id: &str) -> Option<NodeId> {
        self.get_hashed(self.hash(id), id)
    }

    /// [`Index::get`] for an id whose hash is `hash`.
    fn get_hashed(&self, hash: u64, id: &str) -> Option<NodeId> {
        self.probe(hash, id).ok()
    }
}

/// The ids that have escapes, decoded, in node order (nearly always none): the index
/// borrows these, and every other id from the file's text.
pub(super) fn decoded_ids(nodes: &Chunked<ReadNode<'_>>) -> Vec<Box<str>> {
    nodes
        .iter()
        .filter(|n| n.id.has_escapes())
        .map(|n| n.id.decode().into())
        .collect()
}

/// A node's id as [`Index::ids`] keeps it: where it starts in `text`, or the place of the
/// next of [`decoded_ids`] when it has escapes.
pub(super) fn id_at(n: &ReadNode<'_>, text: &str, escaped: &mut u32) -> u32 {
    if n.id.has_escapes() {
        *escaped += 1;
        return DECODED | (*escaped - 1);
    }
    // The literal is a slice of `text`, which the reader borrowed it from.
    let at = (n.id.as_written().as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::{Index, NodeId, DECODED, INDEX_BITS, MAX_NODES};

    /// An index over ids written in a text as a file has them, each followed by `"`, and
    /// one decoded id (as an id with escapes is kept); every id hashed to `hash`, or to its
    /// own hash. Returns the index and which nodes it took.
    fn index<'s>(
        text: &'s str,
        decoded: &'s [Box<str>],
        hash: Option<u64>,
    ) -> (Index<'s>, Vec<bool>) {
        let ids: Vec<u32> = text
            .match_indices('"')
            .map(|(at, _)| at as u32 + 1)
            .filter(|&at| (at as usize) < text.len())
            .step_by(2)
            .chain([DECODED])
            .collect();
        let mut index = Index::new(text, decoded, ids, 0x1234);
        let taken = (0..index.ids.len())
            .map(|i| index.insert(i, hash.unwrap_or_else(|| index.hash(index.id_of_node(i)))))
            .collect();
        (index, taken)
    }

    /// Ids whose hashes collide are still told apart, and found, by their text; an id given
    /// twice is refused the second time, whatever the hashes.
    #[test]
    fn the_index_finds_ids_whose_hashes_collide() {
        let text = r#"["b", "a", "c", "a-2", "b2", "a", "é"]"#;
        let decoded: Vec<Box<str>> = vec!["é".into()];
        let ids = ["b", "a", "c", "a-2", "b2", "a", "é", "é"];
        for hash in [Some(0), Some(u64::MAX), Some(0x1234_5678_9abc_def0), None] {
            let (index, taken) = index(text, &decoded, hash);
            // With a hash given, every id has it; without, each has its own.
            let get = |id: &str| match hash {
                Some(h) => index.get_hashed(h, id),
                None => index.get(id),
            };
            assert_eq!(
                taken,
                [true, true, true, true, true, false, true, false],
                "{hash:?}"
            );
            for (i, id) in ids.iter().enumerate() {
                assert_eq!(index.id_of_node(i), *id);
                // A repeated id finds its first node.
                let first = ids.iter().position(|x| x == id).unwrap_or(i);
                assert_eq!(get(id), Some(NodeId(first as u32)), "{id:?} with {hash:?}");
            }
            assert_eq!(get("d"), None);
            assert_eq!(get(""), None);
        }
    }

    /// As full as the table gets, all ids in one run of slots: lookups of ids absent and
    /// present still end, at the first empty slot or at the id.
    #[test]
    fn a_full_run_of_slots_still_ends() {
        let text: String = (0..10).map(|i| format!(r#""n{i}","#)).collect();
        let decoded: Vec<Box<str>> = vec!["é".into()];
        let (index, taken) = index(&text, &decoded, Some(7));
        assert_eq!(index.slots.len(), 15);
        assert!(taken.iter().all(|&t| t));
        assert_eq!(index.slots.iter().filter(|&&s| s == 0).count(), 4);
        assert_eq!(index.get_hashed(7, "n9"), Some(NodeId(9)));
        assert_eq!(index.get_hashed(7, "é"), Some(NodeId(10)));
        assert_eq!(index.get_hashed(7, "n10"), None);
        // A run that starts at the last slot goes on from the first. (The search ends: each
        // slot is about as likely a start.)
        let last = (0..)
            .find(|&h| index.first_slot(h) == index.slots.len() - 1)
            .expect("a hash that starts at the last slot");
        let (index, taken) = self::index(&text, &decoded, Some(last));
        assert!(taken.iter().all(|&t| t));
        assert_ne!(index.slots[0], 0);
        assert_eq!(
            index.slots[index.slots.len() - 1] & ((1 << INDEX_BITS) - 1),
            1
        );
        for i in 0..10 {
            assert_eq!(index.get_hashed(last, &format!("n{i}")), Some(NodeId(i)));
        }
        assert_eq!(index.get_hashed(last, "n10"), None);
    }

    /// A slot holds the hash's top 15 bits above the node's index plus one, and nothing is
    /// lost from either.
    #[test]
    fn a_slot_keeps_the_tag_and_the_node_apart() {
        assert_eq!(Index::tag(u64::MAX), (1 << 15) - 1);
        assert_eq!(Index::tag(0x8000_0000_0000_0000), 1 << 14);
        assert_eq!(Index::tag((1 << 49) - 1), 0);
        let slot = Index::tag(u64::MAX) << INDEX_BITS | (MAX_NODES as u32);
        assert_eq!(slot >> INDEX_BITS, (1 << 15) - 1);
        assert_eq!(slot & ((1 << INDEX_BITS) - 1), MAX_NODES as u32);
    }
}
