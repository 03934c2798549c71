//! The interface words: the shipped catalogues, plural forms, language choice, and the
//! messages for a catalogue or host words that are wrong.
#![cfg(not(target_arch = "wasm32"))]

use stepguide::words::catalogue::{shipped, SHIPPED};
use stepguide::words::{category, negotiate, Category, Words, WordsError, EN, LANGS};

#[test]
fn every_shipped_catalogue_is_complete_and_in_its_language() {
    assert_eq!(
        LANGS.len(),
        SHIPPED.len() + 1,
        "one catalogue per language but English"
    );
    for (lang, src) in SHIPPED {
        let words = Words::from_json(src).unwrap_or_else(|e| panic!("{lang}: {e:?}"));
        assert_eq!(&*words.lang, *lang);
        assert!(LANGS.contains(lang));
        // Complete means translated: no word is left as the English one (but those that
        // are the same word in both, such as "Version" in German).
        let same: Vec<&str> = Words::KEYS
            .iter()
            .filter(|k| words.get(k) == EN.get(k))
            .copied()
            .collect();
        assert!(same.len() <= 3, "{lang}: still English: {same:?}");
    }
}

/// Counts and their CLDR categories, per language. The component tests hold the browser's
/// `Intl.PluralRules` to the same table (tests/components.rs). Not in it: Spanish and French
/// `many` (1,000,000), which CLDR 38 added and `intl_pluralrules` 7 (CLDR 37) does not have;
/// the catalogues give those forms, for the browser's rules. Nor Arabic 103 (`few` by the
/// CLDR, n % 100 in 3..=10), which `intl_pluralrules` 7 gives as `other`: the widget uses the
/// browser's rules, and the native ones only in tests and the CLI.
pub const PLURALS: &[(&str, usize, Category)] = &[
    ("en", 1, Category::One),
    ("en", 0, Category::Other),
    ("en", 2, Category::Other),
    ("es", 1, Category::One),
    ("es", 5, Category::Other),
    ("de", 1, Category::One),
    ("de", 7, Category::Other),
    ("fr", 0, Category::One),
    ("fr", 1, Category::One),
    ("fr", 2, Category::Other),
    ("ja", 1, Category::Other),
    ("ar", 0, Category::Zero),
    ("ar", 1, Category::One),
    ("ar", 2, Category::Two),
    ("ar", 3, Category::Few),
    ("ar", 10, Category::Few),
    ("ar", 11, Category::Many),
    ("ar", 99, Category::Many),
    ("ar", 100, Category::Other),
];

#[test]
fn plural_categories_are_the_cldr_s() {
    for &(lang, n, want) in PLURALS {
        assert_eq!(category(lang, n), want, "{lang} {n}");
    }
    // A region the rules have no entry of its own for takes its language's.
    assert_eq!(category("es-MX", 1), Category::One);
    assert_eq!(category("not a tag", 1), Category::Other);
}

#[test]
fn steps_left_takes_the_plural_form_of_each_language() {
    let cases: &[(&str, usize, &str)] = &[
        ("en", 1, "1 more step"),
        ("en", 3, "3 more steps"),
        ("es", 1, "1 paso más"),
        ("es", 4, "4 pasos más"),
        ("de", 1, "noch 1 Schritt"),
        ("de", 2, "noch 2 Schritte"),
        ("fr", 1, "encore 1 étape"),
        ("fr", 2, "encore 2 étapes"),
        ("ja", 1, "残り 1 ステップ"),
        ("ar", 1, "بقيت خطوة واحدة"),
        ("ar", 2, "بقيت خطوتان"),
        ("ar", 3, "بقيت 3 خطوات"),
        ("ar", 11, "بقيت 11 خطوة"),
    ];
    for &(lang, n, want) in cases {
        let words = shipped(lang);
        assert_eq!(words.steps_left(n, n, category), want, "{lang} {n}");
    }
    let es = shipped("es");
    assert_eq!(es.steps_left(2, 5, category), "de 2 a 5 pasos más");
    assert_eq!(es.steps_left(0, 0, category), "terminado");
    assert_eq!(es.step(3), "Paso 3");
}

#[test]
fn a_language_falls_back_by_subtags_then_to_the_default() {
    let cases: &[(&str, &[&str], &str)] = &[
        ("es-MX", &["en", "es"], "es"),
        ("ES-mx", &["en", "es"], "es"),
        ("es_MX", &["en", "es"], "es"),
        ("es-419-u-nu-latn", &["en", "es-419", "es"], "es-419"),
        ("pt-BR", &["en", "es"], "en"),
        ("es", &["en", "es-MX"], "en"),
        ("", &["en", "es"], "en"),
        (" de ", LANGS, "de"),
    ];
    for &(wanted, available, want) in cases {
        assert_eq!(
            negotiate(wanted, available, "en"),
            want,
            "{wanted:?} in {available:?}"
        );
    }
}

#[test]
fn catalogue_and_host_word_problems_read_plainly() {
    let problems = |src: &str| -> Vec<String> {
        Words::from_json(src)
            .err()
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let es = SHIPPED.iter().find(|(l, _)| *l == "es").unwrap().1;
    let cases: &[(&str, String, &[&str])] = &[
        ("not json", "{".to_owned(), &["the catalogue could not be read: line 1, column 2: the text ended while reading an object"]),
        ("a word left out", es.replace("\"back\": \"Atrás\",", ""), &["`back` is missing"]),
        ("an unknown word", es.replace("\"back\":", "\"bak\": \"x\", \"back\":"), &["`bak` is not one of the interface's words"]),
        ("an unknown value", es.replace("Paso {n}", "Paso {count}"), &[
            "`step_n` has `{count}`, which it has no value for (it may use `{n}`)",
        ]),
        ("a value left out", es.replace("Paso {n}", "Paso"), &["`step_n` must show `{n}`"]),
        ("braces where none go", es.replace("\"Atrás\"", "\"Atrás {n}\""), &[
            "`back` has `{n}`, which it has no value for (it may use none)",
        ]),
        ("no other form", es.replace(", \"many\": \"{n} de pasos más\", \"other\": \"{n} pasos más\"", ""), &["`steps_left` has no `other` form"]),
        ("a form that is no category", es.replace("\"many\":", "\"lots\":"), &[
            "`steps_left` has a form `lots`; the forms are zero, one, two, few, many and other",
        ]),
        ("a bad tag", es.replace("\"lang\": \"es\"", "\"lang\": \"spanish!\""), &[
            "`lang` must be a language tag such as `es` or `pt-BR`, not `spanish!`",
        ]),
    ];
    for (name, src, want) in cases {
        assert_eq!(problems(src), *want, "case {name}");
    }

    // Host words: each wrong pair is left out and reported, the rest apply.
    let (words, problems) = EN.overridden([
        ("back", "Go back"),
        ("steps_left.one", "just {n} step"),
        ("nope", "x"),
        ("steps_left.lots", "x"),
        ("step_n", "Step"),
    ]);
    assert_eq!(words.back(), "Go back");
    assert_eq!(words.steps_left(1, 1, category), "just 1 step");
    assert_eq!(words.step(2), "Step 2");
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "`nope` is not one of the interface's words",
            "`steps_left` has a form `lots`; the forms are zero, one, two, few, many and other",
            "`step_n` must show `{n}`",
        ]
    );
    assert!(matches!(problems[0], WordsError::Unknown { .. }));

    // The same pairs as embed.js passes them: each name and text ended by a NUL.
    let (words, problems) = EN.overridden_by("back\0Go back\0steps_left.one\0just {n} step\0");
    assert_eq!(words.back(), "Go back");
    assert_eq!(words.steps_left(1, 1, category), "just 1 step");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(EN.overridden_by("").1, []);
    // A name without its text (embed.js never sends one) is a word with an empty text.
    let (_, problems) = EN.overridden_by("nope\0");
    assert_eq!(
        problems[0].to_string(),
        "`nope` is not one of the interface's words"
    );
}

#[test]
fn right_to_left_languages_say_so() {
    assert!(shipped("ar").is_rtl());
    assert!(stepguide::words::is_rtl("he-IL"));
    assert!(!shipped("ja").is_rtl());
    assert!(!EN.is_rtl());
}

#[test]
fn languages_are_the_same_by_their_primary_subtag() {
    use stepguide::words::same_language;
    assert!(same_language("es-MX", "es"));
    assert!(same_language("EN_gb", "en-US"));
    assert!(!same_language("es", "en"));
    assert!(!same_language("", "en"));
}
