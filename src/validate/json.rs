//! A small JSON reader for guide files: a [`serde::Deserializer`] over the text, with strings
//! borrowed from it wherever they hold no escapes.
//!
//! It reads exactly what a guide file needs (objects, arrays, strings, whole numbers, booleans
//! and null) and refuses fractions and exponents, which no field of the format takes. That
//! narrowness is the point: the widget ships this reader instead of a general JSON library,
//! which with its float parsing, error machinery and number formatting cost about 10 KB of
//! brotli-compressed wasm. Messages are plain lowercase text; the position is kept as a byte
//! offset and turned into a line and column only when an error is reported.

use serde::de::{
    self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor,
};
use std::borrow::Cow;
use std::fmt;

/// The deepest nesting of arrays and objects read. The format needs four levels; the limit
/// keeps hostile input from exhausting the stack.
const MAX_DEPTH: u32 = 64;

/// The name under which [`Literal`] asks this reader for a string as written. Another
/// reader sees an ordinary newtype struct and hands over the string it decoded.
const LITERAL: &str = "$stepguide::json::Literal";

/// A JSON string as written in the text, borrowed from it, with any escapes left in
/// (checked, not yet decoded); [`Literal::decode`] gives its value.
///
/// Guide files are read whole before they are checked, and most of what a large guide holds
/// in between is short strings. Kept as written, a string costs the 16 bytes of a slice and
/// no allocation; decoded on reading, each one with an escape would need a copy of its own.
/// Only [`from_str`] can keep every string as written; another reader gives a `Literal` only
/// for strings without escapes (the tests use serde_json that way).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Literal<'a>(&'a str);

impl<'a> Literal<'a> {
    /// The string's value: borrowed when it has no escapes.
    pub fn decode(self) -> Cow<'a, str> {
        if !self.has_escapes() {
            return Cow::Borrowed(self.0);
        }
        let mut r = Reader {
            text: self.0,
            src: self.0.as_bytes(),
            pos: 0,
            depth: 0,
        };
        let mut out = String::with_capacity(self.0.len());
        loop {
            let run = r.pos;
            r.skip_plain();
            out.push_str(r.str_between(run, r.pos));
            match r.peek() {
                None => return Cow::Owned(out),
                Some(b'\\') => {
                    r.pos += 1;
                    // The reader checked every escape; a `Literal` is made nowhere else.
                    out.push(r.escape().unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                Some(b) => {
                    // A quote or control character, which a checked literal cannot hold.
                    out.push(char::from(b));
                    r.pos += 1;
                }
            }
        }
    }

    /// The string as written, escapes included.
    pub fn as_written(self) -> &'a str {
        self.0
    }

    /// True when the string has an escape, so that its value differs from how it is written.
    pub fn has_escapes(self) -> bool {
        // Most literals (ids, labels, titles) are a few bytes long, and the checker asks this
        // of each one: for those a plain loop is cheaper than `memchr`'s setup.
        let bytes = self.0.as_bytes();
        if bytes.len() < 16 {
            #[allow(clippy::manual_contains)] // `contains` is the `memchr` this avoids.
            bytes.iter().any(|&b| b == b'\\')
        } else {
            bytes.contains(&b'\\')
        }
    }
}

impl fmt::Debug for Literal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.decode(), f)
    }
}

impl<'de: 'a, 'a> de::Deserialize<'de> for Literal<'a> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LiteralVisitor;
        impl<'de> Visitor<'de> for LiteralVisitor {
            type Value = Literal<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Literal<'de>, E> {
                Ok(Literal(s))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Literal<'de>, E> {
                Err(E::custom(
                    "a string with escapes can be kept as written only by stepguide's reader",
                ))
            }
            fn visit_newtype_struct<D: de::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Literal<'de>, D::Error> {
                deserializer.deserialize_str(self)
            }
        }
        deserializer.deserialize_newtype_struct(LITERAL, LiteralVisitor)
    }
}

/// In the JSON Schema, a string.
#[cfg(feature = "cli")]
impl schemars::JsonSchema for Literal<'_> {
    fn is_referenceable() -> bool {
        false
    }
    fn schema_name() -> String {
        String::schema_name()
    }
    fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        String::json_schema(gen)
    }
}

/// Written as its value (the CLI's schema writes defaults this way).
#[cfg(feature = "cli")]
impl serde::Serialize for Literal<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.decode())
    }
}

/// Why a text could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, in plain lowercase words.
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Reads `src` as one JSON value of type `T`, with nothing but whitespace after it. A byte
/// order mark at the start is passed over (RFC 8259 allows that): editors on Windows add one.
pub fn from_str<'de, T: de::Deserialize<'de>>(src: &'de str) -> Result<T, JsonError> {
    let bom = if src.starts_with('\u{feff}') { 3 } else { 0 };
    let mut reader = Reader {
        text: src,
        src: src.as_bytes(),
        pos: bom,
        depth: 0,
    };
    let result = T::deserialize(&mut reader).and_then(|value| {
        reader.skip_ws();
        match reader.peek() {
            None => Ok(value),
            Some(_) => Err(reader.error_here("unexpected text after the end of the guide")),
        }
    });
    result.map_err(|e| {
        // Errors raised by serde's visitors carry no position: they happened at the last
        // byte read, since nothing is read after an error.
        let at = e.at.unwrap_or(reader.pos.saturating_sub(1));
        let (line, column) = position(src, at);
        JsonError {
            line,
            column,
            message: e.message,
        }
    })
}

/// A file's bytes as text. A guide is UTF-8 (RFC 8259 requires it of JSON sent between
/// systems); bytes that are not are reported where they are, not replaced by U+FFFD, which
/// would publish a guide that shows question marks to the person reading it. Takes the bytes
/// by value so that the text is the same allocation, not a copy.
pub fn utf8(bytes: Vec<u8>) -> Result<String, JsonError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let bom = if bytes.starts_with(b"\xef\xbb\xbf") {
            3
        } else {
            0
        };
        let (line, column) = line_column(&bytes[bom..], at.saturating_sub(bom));
        JsonError {
            line,
            column,
            message: "the file is not UTF-8 text here: guides must be saved as UTF-8".to_owned(),
        }
    })
}

/// Where byte `at` of a file's text is, as an editor shows it: the 1-based line and column in
/// characters, a byte order mark at the start not counted (as in [`JsonError`]).
pub fn position(text: &str, at: usize) -> (usize, usize) {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    line_column(&text.as_bytes()[bom..], at.saturating_sub(bom))
}

/// The 1-based line and column (in characters) of byte `at`, in text that is UTF-8 at
/// least up to it.
fn line_column(src: &[u8], at: usize) -> (usize, usize) {
    let at = at.min(src.len());
    let before = &src[..at];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // Column in characters: count the bytes that start one (not UTF-8 continuation bytes).
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}

/// An error inside the reader: the message, and the byte it is about when known.
#[derive(Debug)]
pub struct Error {
    at: Option<usize>,
    message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error {
            at: None,
            message: msg.to_string(),
        }
    }

    // Written out rather than left to serde's default, whose wording of `Unexpected` formats
    // floating-point numbers and so pulls float printing into the wasm; guides have none.
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        de::Error::custom(format_args!(
            "invalid type: {}, expected {exp}",
            describe(unexp)
        ))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        de::Error::custom(format_args!(
            "invalid value: {}, expected {exp}",
            describe(unexp)
        ))
    }
}

/// How a wrong value is named in messages (serde's own words, less the float).
fn describe(unexp: Unexpected<'_>) -> String {
    match unexp {
        Unexpected::Bool(b) => format!("boolean `{b}`"),
        Unexpected::Unsigned(n) => format!("integer `{n}`"),
        Unexpected::Signed(n) => format!("integer `{n}`"),
        Unexpected::Str(s) => format!("string {}", crate::guide::quoted::Quoted(s)),
        Unexpected::Unit => "null".to_owned(),
        Unexpected::Seq => "sequence".to_owned(),
        Unexpected::Map => "map".to_owned(),
        _ => "value".to_owned(),
    }
}

struct Reader<'de> {
    /// The text, for slicing out strings (a `str` slice checks only its two ends).
    text: &'de str,
    /// The same text as bytes, for scanning.
    src: &'de [u8],
    pos: usize,
    depth: u32,
}

impl<'de> Reader<'de> {
    // `peek` and `skip_ws` run for every token. At `opt-level = "z"` neither is inlined
    // unless asked, and in wasm the calls cost more than the work: inlined, 100k nodes read
    // and checked in 175 ms instead of 208 in V8, and the module 27 bytes larger.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// The next byte that is not whitespace, not consumed; an error at the end of the text.
    #[inline(never)]
    fn next_token(&mut self, what: &str) -> Result<u8, Error> {
        self.skip_ws();
        self.peek()
            .ok_or_else(|| self.error_here(&format!("the text ended while reading {what}")))
    }

    fn error_here(&self, message: &str) -> Error {
        Error {
            at: Some(self.pos),
            message: message.to_owned(),
        }
    }

    fn expect_word(&mut self, word: &[u8]) -> Result<(), Error> {
        if self.src[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.error_here("expected value"))
        }
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("nested too deeply"));
        }
        self.pos += 1;
        Ok(())
    }

    /// Reads a string whose opening quote is next: borrowed from the text when it has no
    /// escapes, which is nearly always.
    fn string(&mut self) -> Result<Cow<'de, str>, Error> {
        self.literal().map(|s| Literal(s).decode())
    }

    /// Reads a string whose opening quote is next, and gives it as written: escapes are
    /// checked but left in, so the string is always borrowed from the text.
    #[inline(never)]
    fn literal(&mut self) -> Result<&'de str, Error> {
        self.pos += 1;
        let start = self.pos;
        loop {
            self.skip_plain();
            match self.peek() {
                None => return Err(self.error_here("the text ended inside a string")),
                Some(b'"') => {
                    let s = self.str_between(start, self.pos);
                    self.pos += 1;
                    return Ok(s);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape()?;
                }
                Some(_) => return Err(self.error_here("control character in a string")),
            }
        }
    }

    fn str_between(&self, start: usize, end: usize) -> &'de str {
        // Both ends sit next to ASCII bytes (a quote, a backslash or a control character), so
        // they are character boundaries and the slice is always there; slicing the `str`
        // checks just the two ends, where decoding the bytes again would check all of them.
        self.text.get(start..end).unwrap_or_default()
    }

    /// Moves to the next quote, backslash or control character in a string, or the end.
    fn skip_plain(&mut self) {
        // Eight bytes at a time while none of them stops the run: texts are most of a guide,
        // and wasm has no vector search to do this for us.
        while let Some(word) = self.src.get(self.pos..self.pos + 8) {
            let Ok(word) = <[u8; 8]>::try_from(word) else {
                break;
            };
            if may_stop(u64::from_le_bytes(word)) {
                break;
            }
            self.pos += 8;
        }
        self.pos += self.src[self.pos..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(self.src.len() - self.pos);
    }

    /// The character an escape stands for; the backslash is already read.
    fn escape(&mut self) -> Result<char, Error> {
        let Some(b) = self.peek() else {
            return Err(self.error_here("the text ended inside a string"));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A high surrogate must be followed by an escaped low one.
                    if !self.src[self.pos..].starts_with(b"\\u") {
                        return Err(self.error_here("unpaired surrogate in a \\u escape"));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error_here("unpaired surrogate in a \\u escape"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code)
                    .ok_or_else(|| self.error_here("unpaired surrogate in a \\u escape"))?
            }
            _ => {
                self.pos -= 1;
                return Err(self.error_here("invalid escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|b| (b as char).to_digit(16))
                .ok_or_else(|| self.error_here("invalid \\u escape"))?;
            n = n * 16 + d;
            self.pos += 1;
        }
        Ok(n)
    }

    /// Reads a whole number. Fractions and exponents are refused: no field takes them.
    fn number(&mut self) -> Result<Token<'de>, Error> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let start = self.pos;
        let mut n: u64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(d - b'0')))
                .ok_or_else(|| self.error_here("number out of range"))?;
            self.pos += 1;
        }
        let digits = self.pos - start;
        if digits == 0 || (digits > 1 && self.src[start] == b'0') {
            return Err(Error {
                at: Some(start),
                message: "invalid number".to_owned(),
            });
        }
        if let Some(b'.' | b'e' | b'E') = self.peek() {
            return Err(self.error_here("expected a whole number"));
        }
        if !negative {
            return Ok(Token::Unsigned(n));
        }
        // JSON's -0 is a float to serde_json (-0.0), which no whole-number field takes: refused
        // here as there, rather than read as 0.
        if n == 0 {
            return Err(Error {
                at: Some(start - 1),
                message: "-0 is not allowed: write 0".to_owned(),
            });
        }
        match i64::try_from(n) {
            Ok(n) => Ok(Token::Signed(-n)),
            Err(_) => Err(self.error_here("number out of range")),
        }
    }

    /// Reads the next value's first token: a whole scalar, or the opening of an object or
    /// array. Kept apart from the generic visitor calls (and never inlined) so that each
    /// type read adds only a small dispatch, not another copy of the reader.
    #[inline(never)]
    fn token(&mut self) -> Result<Token<'de>, Error> {
        Ok(match self.next_token("a value")? {
            b'{' => {
                self.enter()?;
                Token::Object
            }
            b'[' => {
                self.enter()?;
                Token::Array
            }
            b'"' => Token::Str(self.string()?),
            b't' => {
                self.expect_word(b"true")?;
                Token::Bool(true)
            }
            b'f' => {
                self.expect_word(b"false")?;
                Token::Bool(false)
            }
            b'n' => {
                self.expect_word(b"null")?;
                Token::Null
            }
            b'-' | b'0'..=b'9' => self.number()?,
            _ => return Err(self.error_here("expected value")),
        })
    }
}

/// Each byte of a word set to `b`.
const fn bytes_of(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// True when some byte of `w` is below `n` (at most 128); the bit trick from "Bit Twiddling
/// Hacks" (Anderson), exact as a yes or no for the whole word.
const fn any_below(w: u64, n: u8) -> bool {
    w.wrapping_sub(bytes_of(n)) & !w & bytes_of(0x80) != 0
}

/// True when some byte of `w` may end a run of plain string bytes: a quote, a backslash or a
/// control character. Never false when one is there.
const fn may_stop(w: u64) -> bool {
    any_below(w ^ bytes_of(b'"'), 1) || any_below(w ^ bytes_of(b'\\'), 1) || any_below(w, 0x20)
}

/// The start of a value.
enum Token<'de> {
    Object,
    Array,
    Str(Cow<'de, str>),
    Bool(bool),
    Null,
    Unsigned(u64),
    Signed(i64),
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.token()? {
            Token::Object => {
                let value = visitor.visit_map(Entries {
                    reader: &mut *self,
                    first: true,
                })?;
                self.depth -= 1;
                Ok(value)
            }
            Token::Array => {
                let value = visitor.visit_seq(Entries {
                    reader: &mut *self,
                    first: true,
                })?;
                self.depth -= 1;
                Ok(value)
            }
            Token::Str(Cow::Borrowed(s)) => visitor.visit_borrowed_str(s),
            Token::Str(Cow::Owned(s)) => visitor.visit_string(s),
            Token::Bool(b) => visitor.visit_bool(b),
            Token::Null => visitor.visit_unit(),
            Token::Unsigned(n) => visitor.visit_u64(n),
            Token::Signed(n) => visitor.visit_i64(n),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.next_token("a value")? == b'n' {
            self.expect_word(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // The format's enums are all plain names, written as strings.
        if self.next_token("a value")? != b'"' {
            return self.deserialize_any(visitor);
        }
        match self.string()? {
            Cow::Borrowed(s) => visitor.visit_enum(de::value::BorrowedStrDeserializer::new(s)),
            Cow::Owned(s) => visitor.visit_enum(s.into_deserializer()),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name != LITERAL {
            return visitor.visit_newtype_struct(self);
        }
        if self.next_token("a value")? != b'"' {
            // Not a string: the visitor names what it expected.
            return self.deserialize_any(visitor);
        }
        let written = self.literal()?;
        visitor.visit_borrowed_str(written)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// The entries of an object or the items of an array, read one at a time.
struct Entries<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> Entries<'_, 'de> {
    /// Moves past the separator before the next entry; false at the closing `close`.
    #[inline(never)]
    fn more(&mut self, close: u8, what: &str, expected: &str) -> Result<bool, Error> {
        let r = &mut *self.reader;
        let b = r.next_token(what)?;
        if b == close {
            r.pos += 1;
            return Ok(false);
        }
        if !std::mem::take(&mut self.first) {
            if b != b',' {
                return Err(r.error_here(expected));
            }
            r.pos += 1;
            if r.next_token(what)? == close {
                return Err(r.error_here("trailing comma"));
            }
        }
        Ok(true)
    }
}

impl<'de> SeqAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.more(b']', "a list", "expected `,` or `]`")? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.more(b'}', "an object", "expected `,` or `}`")? {
            return Ok(None);
        }
        if self.reader.peek() != Some(b'"') {
            return Err(self.reader.error_here("key must be a string"));
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let r = &mut *self.reader;
        if r.next_token("an object")? != b':' {
            return Err(r.error_here("expected `:`"));
        }
        r.pos += 1;
        seed.deserialize(&mut *self.reader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn read<'de, T: de::Deserialize<'de>>(s: &'de str) -> Result<T, String> {
        from_str(s).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_values() {
        assert_eq!(read::<Vec<u32>>(" [1, 2 ,3]\n"), Ok(vec![1, 2, 3]));
        assert_eq!(read::<Option<bool>>("null"), Ok(None));
        assert_eq!(read::<Option<bool>>("true"), Ok(Some(true)));
        assert_eq!(read::<i64>("-42"), Ok(-42));
        let m: BTreeMap<String, String> =
            read(r#"{"a": "x\"y\\\/\n\u00e9\ud83d\ude00", "b": ""}"#).unwrap();
        assert_eq!(m["a"], "x\"y\\/\n\u{e9}\u{1F600}");
        assert_eq!(m["b"], "");
    }

    /// The word-at-a-time scan stops exactly where a byte-at-a-time one would.
    #[test]
    fn plain_runs_end_at_the_first_stopping_byte() {
        let plain = [b'x', b' ', b'~', 0x7f, 0x80, 0xe9, 0xff, b'!'];
        for stop in [b'"', b'\\', b'\n', 0x00, 0x1f] {
            for len in 0..24 {
                for at in 0..=len {
                    let mut bytes: Vec<u8> = (0..len).map(|i| plain[i % plain.len()]).collect();
                    if at < len {
                        bytes[at] = stop;
                    }
                    let mut r = Reader {
                        text: "",
                        src: &bytes,
                        pos: 0,
                        depth: 0,
                    };
                    r.skip_plain();
                    assert_eq!(r.pos, at, "stop {stop:#x}, length {len}, at {at}");
                }
            }
        }
    }

    #[test]
    fn passes_over_a_byte_order_mark() {
        assert_eq!(read::<Vec<u32>>("\u{feff}[1]"), Ok(vec![1]));
        assert_eq!(
            read::<Vec<u32>>("\u{feff}[x]").unwrap_err(),
            "line 1, column 2: expected value"
        );
        assert_eq!(
            read::<Vec<u32>>("[1, \u{feff}2]").unwrap_err(),
            "line 1, column 5: expected value"
        );
    }

    #[test]
    fn borrows_strings_without_escapes() {
        // A `&str` can only be read by borrowing from the text.
        assert_eq!(read::<&str>("\"plain\""), Ok("plain"));
        assert!(read::<&str>("\"two\\nlines\"").is_err());
        assert_eq!(
            read::<String>("\"two\\nlines\""),
            Ok("two\nlines".to_owned())
        );
    }

    /// Each malformed text and the exact message, with its position.
    #[test]
    fn messages() {
        let syntax: &[(&str, &str)] = &[
            ("", "line 1, column 1: the text ended while reading a value"),
            ("[1,]", "line 1, column 4: trailing comma"),
            ("[1 2]", "line 1, column 4: expected `,` or `]`"),
            (
                "{\"a\": 1 \"b\": 2}",
                "line 1, column 9: expected `,` or `}`",
            ),
            ("{\"a\" 1}", "line 1, column 6: expected `:`"),
            ("{\"a\": 1,,}", "line 1, column 9: key must be a string"),
            ("{1: 2}", "line 1, column 2: key must be a string"),
            ("[1.5]", "line 1, column 3: expected a whole number"),
            ("[01]", "line 1, column 2: invalid number"),
            ("[-]", "line 1, column 3: invalid number"),
            ("[-0]", "line 1, column 2: -0 is not allowed: write 0"),
            (
                "[99999999999999999999]",
                "line 1, column 21: number out of range",
            ),
            (
                "[\"a\nb\"]",
                "line 1, column 4: control character in a string",
            ),
            ("[\"\\q\"]", "line 1, column 4: invalid escape"),
            (
                "[\"\\ud800\"]",
                "line 1, column 9: unpaired surrogate in a \\u escape",
            ),
            ("[\"\\u12\"]", "line 1, column 7: invalid \\u escape"),
            ("[\"é", "line 1, column 4: the text ended inside a string"),
            ("[tru]", "line 1, column 2: expected value"),
            (
                "[1] x",
                "line 1, column 5: unexpected text after the end of the guide",
            ),
            (
                "[\n  1,",
                "line 2, column 5: the text ended while reading a list",
            ),
            (
                "{\"a\": 1",
                "line 1, column 8: the text ended while reading an object",
            ),
        ];
        for (text, want) in syntax {
            assert_eq!(read::<de::IgnoredAny>(text).unwrap_err(), *want, "{text:?}");
        }
        let types: &[(&str, &str)] = &[
            (
                "[\"x\"]",
                "line 1, column 4: invalid type: string \"x\", expected u32",
            ),
            (
                "[-1]",
                "line 1, column 3: invalid value: integer `-1`, expected u32",
            ),
            (
                "[[1]]",
                "line 1, column 2: invalid type: sequence, expected u32",
            ),
            (
                "[null]",
                "line 1, column 5: invalid type: null, expected u32",
            ),
            (
                "{}",
                "line 1, column 1: invalid type: map, expected a sequence",
            ),
        ];
        for (text, want) in types {
            assert_eq!(read::<Vec<u32>>(text).unwrap_err(), *want, "{text:?}");
        }
        let deep = "[".repeat(100);
        assert_eq!(
            read::<de::IgnoredAny>(&deep).unwrap_err(),
            "line 1, column 65: nested too deeply"
        );
    }
}
