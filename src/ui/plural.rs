//! Plural categories in the browser: its own `Intl.PluralRules` (see `words::plural` for why
//! not a crate's copy of the CLDR rules). Natively, the views use the core's rules.

use crate::words::Rules;

/// The rules the views pass to the words.
pub fn rules() -> Rules {
    #[cfg(target_arch = "wasm32")]
    return category;
    #[cfg(not(target_arch = "wasm32"))]
    return crate::words::category;
}

/// The plural category of the count `n` in the language `lang` (a BCP 47 tag): the
/// browser's `Intl.PluralRules`, which throws for a malformed tag (then `other`).
#[cfg(target_arch = "wasm32")]
fn category(lang: &str, n: usize) -> crate::words::Category {
    use crate::words::Category;
    use wasm_bindgen::prelude::*;
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
        type PluralRules;
        #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "PluralRules", catch)]
        fn new(locale: &str) -> Result<PluralRules, JsValue>;
        #[wasm_bindgen(method)]
        fn select(this: &PluralRules, n: f64) -> String;
    }
    PluralRules::new(lang)
        .ok()
        .and_then(|rules| Category::from_name(&rules.select(n as f64)))
        .unwrap_or(Category::Other)
}
