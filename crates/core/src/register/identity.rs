//! Who a register row is about: a key made of the names, birth date and nationality of the
//! document shown, so that rows made with the same person's documents find the same person.
//!
//! Names are compared as ICAO Doc 9303 writes them in the machine-readable zone: upper case,
//! letters folded to `A`–`Z` where a transliteration exists (diacritics dropped, `ß` → `SS`,
//! Cyrillic as in 9303 part 3), apostrophes and other punctuation dropped, hyphens and the
//! filler `<` read as spaces, runs of spaces collapsed. "O'Neil  John" and "ONEIL JOHN" give the
//! same key; so do "Müller-Lüdenscheidt" and "MULLER LUDENSCHEIDT". Names are composed (NFC)
//! first, so a letter typed decomposed (`И` + U+0306 for `Й`) gives the key of the composed one.

use jiff::civil::Date;

/// The key of a person: `SURNAME|GIVEN NAMES|YYYY-MM-DD|NAT`, each name normalised by
/// [`normalise_name`] and the nationality upper-cased without spaces.
pub fn match_key(surname: &str, given_names: &str, birth_date: Date, nationality: &str) -> String {
    let nationality: String =
        nationality.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect();
    format!(
        "{}|{}|{}|{}",
        normalise_name(surname),
        normalise_name(given_names),
        birth_date.strftime("%Y-%m-%d"),
        normalise_name(&nationality).replace(' ', "")
    )
}

/// A name as the register compares it (see the module's documentation). Idempotent.
pub fn normalise_name(text: &str) -> String {
    let text = crate::nfc::nfc(text);
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_uppercase) {
        if c.is_whitespace() || matches!(c, '<' | '-' | '‐' | '‑' | '‒' | '–' | '—' | '_' | '/' | ',' | '.')
        {
            space = true;
            continue;
        }
        if c.is_ascii_uppercase() || c.is_ascii_digit() {
            push_word(&mut out, &mut space);
            out.push(c);
            continue;
        }
        let folded = fold(c);
        let piece: &str = match folded {
            Some(s) => s,
            // A letter or digit with no transliteration stays as it is, if upper case is stable.
            None if c.is_alphanumeric() && c.to_uppercase().eq(std::iter::once(c)) => {
                push_word(&mut out, &mut space);
                out.push(c);
                continue;
            }
            None => continue,
        };
        if piece.is_empty() {
            continue;
        }
        push_word(&mut out, &mut space);
        out.push_str(piece);
    }
    // Dropping a character can leave two combining marks side by side out of their canonical
    // order (`\u{1e01b}:\u{16ff0}`): composed again, the name is in NFC like its input, so a
    // name normalised twice is the name normalised once.
    match crate::nfc::nfc(&out) {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(composed) => composed,
    }
}

/// A pending space, written only between words.
fn push_word(out: &mut String, space: &mut bool) {
    if *space && !out.is_empty() {
        out.push(' ');
    }
    *space = false;
}

/// The Latin capitals (or nothing) an upper-case character is written as; `None` when there is
/// no transliteration (the character is kept if it is a letter or digit, dropped otherwise).
fn fold(c: char) -> Option<&'static str> {
    let s = match c {
        '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '"' => "",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' | 'Ǎ' => "A",
        'Æ' => "AE",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'Ð' | 'Ď' | 'Đ' => "D",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' | 'Ə' => "E",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'Ĥ' | 'Ħ' => "H",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'Ĳ' => "IJ",
        'Ĵ' => "J",
        'Ķ' => "K",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' | 'Ŋ' => "N",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' | 'Ǒ' => "O",
        'Œ' => "OE",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' | 'ẞ' => "S",
        'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "T",
        'Þ' => "TH",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' | 'Ǔ' => "U",
        'Ŵ' => "W",
        'Ý' | 'Ŷ' | 'Ÿ' => "Y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        // Cyrillic (ICAO Doc 9303 part 3), with the Kazakh letters.
        'А' | 'Ә' => "A",
        'Б' => "B",
        'В' => "V",
        'Г' | 'Ғ' => "G",
        'Д' => "D",
        'Е' | 'Ё' | 'Э' | 'Є' => "E",
        'Ж' => "ZH",
        'З' => "Z",
        'И' | 'Й' | 'І' | 'Ї' => "I",
        'К' | 'Қ' => "K",
        'Л' => "L",
        'М' => "M",
        'Н' | 'Ң' => "N",
        'О' | 'Ө' => "O",
        'П' => "P",
        'Р' => "R",
        'С' => "S",
        'Т' => "T",
        'У' | 'Ұ' | 'Ү' | 'Ў' => "U",
        'Ф' => "F",
        'Х' => "KH",
        'Һ' => "H",
        'Ц' => "TS",
        'Ч' => "CH",
        'Ш' => "SH",
        'Щ' => "SHCH",
        'Ъ' => "IE",
        'Ы' => "Y",
        'Ь' => "",
        'Ю' => "IU",
        'Я' => "IA",
        _ => return None,
    };
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn marks_left_side_by_side_come_out_in_canonical_order() {
        // Found by the property test: the colon dropped, the two marks were out of order, and
        // normalising again reordered them.
        let once = normalise_name("\u{1e01b}:\u{16ff0}");
        assert_eq!(once, "\u{16ff0}\u{1e01b}");
        assert_eq!(normalise_name(&once), once);
    }

    #[test]
    fn spellings_of_one_name_give_one_key() {
        let born = date(1980, 4, 15);
        let key = match_key("O'NEIL", "John", born, "irl");
        assert_eq!(key, "ONEIL|JOHN|1980-04-15|IRL");
        assert_eq!(match_key("  o’neil ", "JOHN  ", born, " IRL"), key);
        assert_eq!(match_key("ONEIL", "JOHN", born, "IRL"), key);
        assert_ne!(match_key("ONEIL", "JOHN", date(1980, 4, 16), "IRL"), key);
        assert_eq!(normalise_name("Müller-Lüdenscheidt"), "MULLER LUDENSCHEIDT");
        assert_eq!(normalise_name("MULLER<LUDENSCHEIDT<<<"), "MULLER LUDENSCHEIDT");
        assert_eq!(normalise_name("Straße"), "STRASSE");
        assert_eq!(normalise_name("Иванов"), "IVANOV");
        assert_eq!(normalise_name("Нұрсұлтан Әбішұлы"), "NURSULTAN ABISHULY");
        assert_eq!(normalise_name("Jean-Pierre  de la Fontaine"), "JEAN PIERRE DE LA FONTAINE");
        assert_eq!(normalise_name("王"), "王");
        assert_eq!(normalise_name("  "), "");
    }

    #[test]
    fn decomposed_letters_give_the_key_of_composed_ones() {
        let born = date(1990, 1, 2);
        // Й as И + U+0306, Ё as Е + U+0308: the same transliteration as the composed letters.
        let composed = match_key("Фёдоров", "Сергей", born, "RUS");
        assert_eq!(composed, "FEDOROV|SERGEI|1990-01-02|RUS");
        assert_eq!(match_key("Фе\u{308}доров", "Серге\u{438}\u{306}", born, "RUS"), composed);
        // A letter kept as it is (no transliteration) is kept composed, not cut to its base.
        assert_eq!(normalise_name("Nguye\u{302}\u{303}n"), normalise_name("Nguyễn"));
        assert_eq!(normalise_name("S\u{307}"), "Ṡ");
    }

    proptest::proptest! {
        #[test]
        fn keys_do_not_depend_on_the_normalisation_form(name in "[\\PC\u{0300}-\u{0308}]{0,20}") {
            use unicode_normalization::UnicodeNormalization;
            let composed: String = name.nfc().collect();
            let decomposed: String = name.nfd().collect();
            proptest::prop_assert_eq!(normalise_name(&decomposed), normalise_name(&composed));
            proptest::prop_assert_eq!(normalise_name(&name), normalise_name(&composed));
            let once = normalise_name(&name);
            proptest::prop_assert_eq!(normalise_name(&once), once);
        }
    }
}
