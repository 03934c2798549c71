//! Which language a text of the guide says it is in, inside the widget.

use crate::guide::TextLang;
use crate::words::Words;
use yew::AttrValue;

/// The `lang` and `dir` to give a text of the guide: none where they are the widget root's,
/// which are the interface words' (so a screen reader reads each part in its language, WCAG
/// 2.2 3.1.2, and an English step shows left to right inside an Arabic widget).
#[cfg(any(feature = "reader", not(target_arch = "wasm32")))]
pub fn mark(words: &Words, text: TextLang<'_>) -> (Option<AttrValue>, Option<AttrValue>) {
    let lang = (!crate::words::same_language(text.tag, &words.lang))
        .then(|| AttrValue::from(text.tag.to_owned()));
    let dir =
        (text.rtl != words.is_rtl()).then(|| AttrValue::from(if text.rtl { "rtl" } else { "ltr" }));
    (lang, dir)
}

/// None: the build without a guide reader shows only the bundled guide in English, with
/// English words (embed.js loads the other build for any other language), so no text is
/// ever in another language than the root's; leaving the check out saves it 1 KB (brotli).
#[cfg(not(any(feature = "reader", not(target_arch = "wasm32"))))]
pub fn mark(_words: &Words, _text: TextLang<'_>) -> (Option<AttrValue>, Option<AttrValue>) {
    (None, None)
}
