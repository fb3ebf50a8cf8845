//! Unicode normalisation before text is folded or compared: one letter may arrive composed
//! (`й`, U+0439) or decomposed (`и` followed by U+0306, the combining breve, as some keyboards,
//! PDF extractors and macOS file names give it); both must fold, split and match alike. Text is
//! brought to NFC (canonical composition) first.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The text in NFC; borrowed when it already is (most text: a quick check, no copy).
pub fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        IsNormalized::No | IsNormalized::Maybe => Cow::Owned(text.nfc().collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn decomposed_letters_are_composed() {
        assert_eq!(nfc("\u{438}\u{306}"), "й");
        assert_eq!(nfc("\u{415}\u{308}"), "Ё");
        assert_eq!(nfc("Mu\u{308}ller"), "Müller");
        assert!(matches!(nfc("Қазақстан"), Cow::Borrowed(_)));
    }

    proptest! {
        #[test]
        fn nfc_is_the_same_for_nfc_and_nfd_and_idempotent(text in "\\PC{0,24}") {
            let composed: String = text.nfc().collect();
            let decomposed: String = text.nfd().collect();
            prop_assert_eq!(nfc(&composed), composed.as_str());
            prop_assert_eq!(nfc(&decomposed), composed.as_str());
            let once = nfc(&text);
            prop_assert_eq!(nfc(&once), once.as_ref());
        }
    }
}
