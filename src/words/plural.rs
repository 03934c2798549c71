//! Plural forms: which form of a word a count takes, by the CLDR's rules for the language.
//!
//! The rules come from the CLDR, never from code here, and are passed in as [`Rules`]: in the
//! browser they are the browser's own (`Intl.PluralRules`, every engine since 2017, see
//! `ui::plural`); natively they are [`category`], the `intl_pluralrules` crate (Project
//! Fluent's), the same CLDR data. The browser's cost 1.5 KB brotli in a test module against
//! 6.6 KB for the crate and 50.6 KB for `fluent-bundle` (measured 2026-12-07,
//! tests/bench/HISTORY.md), so the widget does not ship a copy of the rules. `tests/words.rs`
//! and the component tests hold both to one table of counts.

use std::borrow::Cow;

/// A form: borrowed from the compiled English table, or owned (see `words::Str`).
type Str = Cow<'static, str>;

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`, which every language has.
    Other,
}

impl Category {
    /// The category's CLDR name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    /// The category named `name` (`few`), if it is one.
    pub fn from_name(name: &str) -> Option<Category> {
        Some(match name {
            "zero" => Category::Zero,
            "one" => Category::One,
            "two" => Category::Two,
            "few" => Category::Few,
            "many" => Category::Many,
            "other" => Category::Other,
            _ => return None,
        })
    }
}

/// A word with a form per plural category; a language gives those its rules use, and
/// `other` always.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plural {
    /// The `zero` form.
    pub zero: Option<Str>,
    /// The `one` form.
    pub one: Option<Str>,
    /// The `two` form.
    pub two: Option<Str>,
    /// The `few` form.
    pub few: Option<Str>,
    /// The `many` form.
    pub many: Option<Str>,
    /// The `other` form.
    pub other: Str,
}

/// A source of plural categories: the category of a count in a language (a BCP 47 tag).
pub type Rules = fn(&str, usize) -> Category;

impl Plural {
    /// The form for `n` in `lang` by `rules`: its category's, or `other` when the word
    /// leaves that out.
    pub fn form(&self, lang: &str, n: usize, rules: Rules) -> &str {
        let form = match rules(lang, n) {
            Category::Zero => &self.zero,
            Category::One => &self.one,
            Category::Two => &self.two,
            Category::Few => &self.few,
            Category::Many => &self.many,
            Category::Other => return &self.other,
        };
        form.as_deref().unwrap_or(&self.other)
    }

    /// Sets the form named `name`; false when it is not a category.
    pub(super) fn set(&mut self, name: &str, text: Str) -> bool {
        let slot = match Category::from_name(name) {
            Some(Category::Other) => {
                self.other = text;
                return true;
            }
            Some(Category::Zero) => &mut self.zero,
            Some(Category::One) => &mut self.one,
            Some(Category::Two) => &mut self.two,
            Some(Category::Few) => &mut self.few,
            Some(Category::Many) => &mut self.many,
            None => return false,
        };
        *slot = Some(text);
        true
    }
}

/// The plural category of the count `n` in the language `lang` (a BCP 47 tag); `other` for a
/// tag the rules do not know.
#[cfg(not(target_arch = "wasm32"))]
pub fn category(lang: &str, n: usize) -> Category {
    use intl_pluralrules::{PluralCategory as C, PluralRuleType, PluralRules};
    let Ok(tag) = lang.parse::<unic_langid::LanguageIdentifier>() else {
        return Category::Other;
    };
    // The rules are by language; a region (es-MX) or script they have no entry for falls
    // back to the language's own.
    let rules = PluralRules::create(tag.clone(), PluralRuleType::CARDINAL).or_else(|_| {
        let only = unic_langid::LanguageIdentifier::from_parts(tag.language, None, None, &[]);
        PluralRules::create(only, PluralRuleType::CARDINAL)
    });
    match rules.and_then(|r| r.select(n as u64)) {
        Ok(C::ZERO) => Category::Zero,
        Ok(C::ONE) => Category::One,
        Ok(C::TWO) => Category::Two,
        Ok(C::FEW) => Category::Few,
        Ok(C::MANY) => Category::Many,
        _ => Category::Other,
    }
}
