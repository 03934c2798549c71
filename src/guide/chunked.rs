//! A list kept in chunks of a fixed size, for a guide's nodes.
//!
//! Checking a guide turns raw nodes into checked ones a chunk at a time, freeing each raw
//! chunk as it goes, and the checked nodes fill chunks of their own. So a large guide is
//! never held whole twice over, no single list is grown by doubling (which leaves up to half
//! of it unused, and copies it each time), and no list for the checked nodes is reserved in
//! full while the raw ones are still alive.

use std::ops::Index;

/// How many items a chunk holds (a power of two; see [`Builder::push`]).
const CHUNK: usize = 64;

/// A list in chunks of 64 items; every chunk but the last is full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunked<T> {
    // Vectors rather than boxed slices: trimming the last chunk to its length would copy
    // it, briefly holding it twice, to save at most the doubling's spare room.
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunked<T> {
    /// How many items there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Item `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK)
    }

    /// The items in order.
    pub fn iter(&self) -> impl Iterator<Item = &T> + Clone {
        self.chunks.iter().flat_map(|c| c.iter())
    }

    /// The items in order, by value; each chunk is freed once its items are taken.
    pub fn into_items(self) -> impl Iterator<Item = T> {
        self.chunks.into_iter().flatten()
    }

    /// The chunks in order, by value: each holds 64 items but the last.
    pub fn into_chunks(self) -> impl Iterator<Item = Vec<T>> {
        self.chunks.into_iter()
    }
}

impl<T> Index<usize> for Chunked<T> {
    type Output = T;

    /// Item `i`; like a slice, out of range is a bug in the caller.
    fn index(&self, i: usize) -> &T {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl<T> FromIterator<T> for Chunked<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let items = items.into_iter();
        let mut out = Builder::with_len(items.size_hint().0);
        for item in items {
            out.push(item);
        }
        out.finish()
    }
}

/// Fills a [`Chunked`] one item at a time.
pub struct Builder<T> {
    done: Chunked<T>,
    current: Vec<T>,
    /// How many items are still to come, when the caller knows.
    expected: usize,
}

impl<T> Default for Builder<T> {
    fn default() -> Self {
        Builder {
            done: Chunked::default(),
            current: Vec::new(),
            expected: 0,
        }
    }
}

impl<T> Builder<T> {
    /// A builder for about `len` items: the last chunk is reserved at its final size rather
    /// than in full. More or fewer items are still taken.
    pub fn with_len(len: usize) -> Self {
        Builder {
            expected: len,
            ..Builder::default()
        }
    }

    /// How many items have been added.
    pub fn len(&self) -> usize {
        self.done.len
    }

    /// True when none have.
    pub fn is_empty(&self) -> bool {
        self.done.len == 0
    }

    /// Adds an item at the end.
    pub fn push(&mut self, item: T) {
        let len = self.current.len();
        if len == self.current.capacity() {
            // A chunk after the first is reserved whole when it is begun, never grown by
            // doubling: that would hold the old and the new buffer at once, and leave the
            // old ones as holes in the wasm memory that the larger allocations after them
            // cannot use. A chunk begun for a known number of items is reserved at that
            // size. The first chunk, with nothing known, grows by doubling, so that a short
            // list (a guide of a few dozen nodes) keeps to its size.
            let left = self.expected.saturating_sub(self.done.len);
            let room = if len == 0 && left > 0 {
                left.min(CHUNK)
            } else if self.done.chunks.is_empty() {
                (len * 2).clamp(4, CHUNK)
            } else {
                CHUNK
            };
            self.current.reserve_exact(room - len);
        }
        self.current.push(item);
        self.done.len += 1;
        if self.current.len() == CHUNK {
            let full = std::mem::take(&mut self.current);
            self.done.chunks.push(full);
        }
    }

    /// The list.
    pub fn finish(mut self) -> Chunked<T> {
        if !self.current.is_empty() {
            self.done.chunks.push(self.current);
        }
        self.done
    }
}

mod serde_impls {
    use super::{Builder, Chunked};
    use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
    use std::fmt;
    use std::marker::PhantomData;

    /// In a file, a plain array.
    impl<'de, T: Deserialize<'de>> Deserialize<'de> for Chunked<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct ItemsVisitor<T>(PhantomData<T>);
            impl<'de, T: Deserialize<'de>> Visitor<'de> for ItemsVisitor<T> {
                type Value = Chunked<T>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a sequence")
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Chunked<T>, A::Error> {
                    let mut out = Builder::default();
                    while let Some(item) = seq.next_element()? {
                        out.push(item);
                    }
                    Ok(out.finish())
                }
            }
            deserializer.deserialize_seq(ItemsVisitor(PhantomData))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_across_chunks() {
        for n in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7] {
            let list: Chunked<usize> = (0..n).collect();
            assert_eq!(list.len(), n);
            assert!(list.iter().copied().eq(0..n));
            assert!((0..n).all(|i| list[i] == i && list.get(i) == Some(&i)));
            assert_eq!(list.get(n), None);
            assert!(list.chunks.iter().rev().skip(1).all(|c| c.len() == CHUNK));
            assert!(list.into_items().eq(0..n));
        }
    }

    #[test]
    fn a_known_length_reserves_each_chunk_at_its_size() {
        for (expected, n) in [
            (0, 3),
            (5, 5),
            (CHUNK + 5, CHUNK + 5),
            (3, 2 * CHUNK),
            (2 * CHUNK, 5),
        ] {
            let mut b = Builder::with_len(expected);
            for i in 0..n {
                b.push(i);
            }
            let list = b.finish();
            assert!(list.iter().copied().eq(0..n), "{expected} {n}");
            if expected == n {
                // No spare room anywhere.
                assert!(
                    list.chunks.iter().all(|c| c.capacity() == c.len()),
                    "{expected}"
                );
            }
            // No chunk grown past its size; the ones after the first reserved whole, or at
            // the size expected.
            assert!(
                list.chunks.iter().all(|c| c.capacity() <= CHUNK),
                "{expected} {n}"
            );
            assert!(
                list.chunks
                    .iter()
                    .skip(1)
                    .all(|c| c.capacity() == CHUNK || c.capacity() == c.len()),
                "{expected} {n}"
            );
        }
        // A short list with no length known keeps to about its size.
        let mut short = Builder::default();
        (0..5).for_each(|i| short.push(i));
        assert_eq!(short.finish().chunks[0].capacity(), 8);
    }
}
