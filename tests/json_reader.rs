//! The guide files' JSON reader (`validate::json`), held to serde_json's reading of the same
//! text.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};

/// Any JSON value without fractions: the shapes a guide file is made of, nested.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        "\\PC{0,12}".prop_map(Value::String),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map("\\PC{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every generated guide and the iMessage guide read as serde_json reads them: as JSON
/// values, and (where no string has an escape, which only this crate's reader can keep as
/// written) as raw guides.
#[test]
fn json_reader_reads_guides_as_serde_json_does() {
    let mut texts = vec![std::fs::read_to_string("guides/imessage-signed-out.json").unwrap()];
    texts.extend((0..20).map(|seed| common::generated(40, seed, seed % 2 == 0)));
    for text in &texts {
        let ours: Value = stepguide::validate::json::from_str(text).unwrap();
        let theirs: Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
        let ours: stepguide::validate::raw::RawGuide =
            stepguide::validate::json::from_str(text).unwrap();
        match serde_json::from_str::<stepguide::validate::raw::RawGuide>(text) {
            Ok(theirs) => assert_eq!(format!("{ours:?}"), format!("{theirs:?}")),
            Err(e) => assert!(text.contains('\\'), "{e}"),
        }
    }
    // The iMessage guide has escapes (line breaks in its texts), so the comparison above
    // was made on values for it; the generated ones are compared as raw guides too.
    assert!(texts[0].contains('\\') && !texts[1].contains('\\'));
}

proptest! {
    #![proptest_config(common::proptest_config(64))]

    /// The guide's JSON reader reads any JSON without fractions as serde_json does, laid out
    /// compactly or indented.
    #[test]
    fn json_reader_agrees_with_serde_json(v in json_value()) {
        for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
            let ours: Value = stepguide::validate::json::from_str(&text).unwrap();
            prop_assert_eq!(&ours, &v);
        }
    }

    /// A string kept as written decodes to the string that was written, whatever it holds
    /// and however its characters are escaped.
    #[test]
    fn literals_decode_to_what_was_written(s in any::<String>(), ascii_only in any::<bool>()) {
        let mut text = serde_json::to_string(&s).unwrap();
        if ascii_only {
            // Every character outside ASCII as a \u escape, surrogate pairs included.
            text = s.encode_utf16().fold(String::from("\""), |mut t, u| {
                match u {
                    0x20..=0x7e if u != u16::from(b'"') && u != u16::from(b'\\') => t.push(char::from(u as u8)),
                    _ => t.push_str(&format!("\\u{u:04x}")),
                }
                t
            }) + "\"";
        }
        let lit: stepguide::validate::json::Literal = stepguide::validate::json::from_str(&text).unwrap();
        prop_assert_eq!(lit.has_escapes(), text.contains('\\'));
        prop_assert_eq!(lit.decode(), s.as_str());
    }

    /// On JSON-like noise the reader never panics, and whatever it accepts serde_json reads
    /// to the same value.
    #[test]
    fn json_reader_accepts_only_json(s in r#"[\[\]{}",:0-9a-z\\ \n-]{0,60}"#) {
        if let Ok(ours) = stepguide::validate::json::from_str::<Value>(&s) {
            let theirs: Value = serde_json::from_str(&s).unwrap();
            prop_assert_eq!(ours, theirs);
        }
    }
}
