//! A compact, URL-safe token of a walk's state, for links, storage and `resume`.
//!
//! Layout before base64url: format byte, the low 48 bits of the guide's content hash, the
//! answers (a varint count, then one byte each), then the remembered answers (a varint
//! count, then node index varint and choice byte each). A token made for other content is
//! recognised by its hash and refused as stale.

use crate::guide::Guide;
use crate::walk::{Memory, Walk};
use std::rc::Rc;
use thiserror::Error;

const FORMAT: u8 = 1;
/// Longest token accepted, in characters: far above any real walk, small enough that a
/// hostile one costs nothing.
pub const MAX_TOKEN: usize = 8 * 1024;

/// Why a token could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TokenError {
    /// Not a token of this format (cut short, edited, or from another program).
    #[error("the saved progress is damaged and cannot be used")]
    Malformed,
    /// A token from another guide, or from this guide before its content changed.
    #[error("the guide has changed since this progress was saved")]
    Stale,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn hash48(guide: &Guide) -> [u8; 6] {
    let b = guide.content_hash().to_le_bytes();
    [b[0], b[1], b[2], b[3], b[4], b[5]]
}

fn put_varint(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, TokenError> {
        let (&b, rest) = self.0.split_first().ok_or(TokenError::Malformed)?;
        self.0 = rest;
        Ok(b)
    }

    fn varint(&mut self) -> Result<usize, TokenError> {
        let mut n = 0usize;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(TokenError::Malformed)
    }
}

fn encode_base64(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 4 / 3 + 2);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            s.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    s
}

fn decode_base64(s: &str) -> Result<Vec<u8>, TokenError> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = ALPHABET
            .iter()
            .position(|&a| a == c)
            .ok_or(TokenError::Malformed)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

/// The token of a walk's state.
pub fn encode(walk: &Walk) -> String {
    let mut bytes = vec![FORMAT];
    bytes.extend(hash48(walk.guide()));
    put_varint(&mut bytes, walk.visits().len());
    bytes.extend(walk.visits().iter().map(|v| v.choice));
    put_varint(&mut bytes, walk.memory().len());
    for (node, choice) in walk.memory().iter() {
        put_varint(&mut bytes, node.index());
        bytes.push(choice);
    }
    encode_base64(&bytes)
}

/// The walk a token describes, checked against `guide`.
pub fn decode(guide: Rc<Guide>, token: &str) -> Result<Walk, TokenError> {
    if token.len() > MAX_TOKEN {
        return Err(TokenError::Malformed);
    }
    let bytes = decode_base64(token)?;
    let mut r = Reader(&bytes);
    if r.byte()? != FORMAT {
        return Err(TokenError::Malformed);
    }
    let mut hash = [0u8; 6];
    for h in &mut hash {
        *h = r.byte()?;
    }
    if hash != hash48(&guide) {
        return Err(TokenError::Stale);
    }
    let n = r.varint()?;
    let choices = r.0.get(..n).ok_or(TokenError::Malformed)?.to_vec();
    r.0 = &r.0[n..];
    let m = r.varint()?;
    let mut memory = Memory::default();
    for _ in 0..m {
        let node = guide.node_at(r.varint()?).ok_or(TokenError::Malformed)?;
        memory.insert(node, r.byte()?);
    }
    if !r.0.is_empty() {
        return Err(TokenError::Malformed);
    }
    Walk::replayed(guide, &choices, memory).map_err(|_| TokenError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(decode_base64(&encode_base64(&bytes)).unwrap(), bytes);
        }
    }

    #[test]
    fn varints_round_trip() {
        for n in [0, 1, 127, 128, 300, 99_999, 1 << 28] {
            let mut out = Vec::new();
            put_varint(&mut out, n);
            assert_eq!(Reader(&out).varint().unwrap(), n);
        }
    }
}
