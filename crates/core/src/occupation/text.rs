//! Text normalisation for title search: composing letters (NFC), folding case and letters,
//! splitting words, dropping
//! words that carry no meaning in a job title, and light stemming so that inflected forms meet
//! ("engineers" ~ "engineer", «бухгалтера» ~ «бухгалтер», «мұғалімдер» ~ «мұғалім»).
//!
//! The stemmers are deliberately light: index and query pass through the same function, so what
//! matters is that the forms of one word meet, not that the stem is a linguist's root.

/// The search terms of a text: folded, split, filtered and stemmed, in order.
pub fn terms(text: &str) -> Vec<String> {
    words(text).into_iter().filter(|w| !is_stopword(w)).map(|w| stem(&w)).filter(|t| !t.is_empty()).collect()
}

/// Folded words: composed (NFC) first, so that a decomposed `й` (`и` + U+0306) is one letter and
/// not a word break; then lower case, `ё`→`е`, Latin accents dropped; anything but letters and
/// digits separates words (so `инженер-химик` and `Engineer, chemical` give two words each).
pub fn words(text: &str) -> Vec<String> {
    let text = crate::nfc::nfc(text);
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold).collect()
}

fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

const STOPWORDS: &[&str] = &[
    // English
    "a",
    "an",
    "and",
    "the",
    "of",
    "in",
    "for",
    "at",
    "to",
    "on",
    "with",
    "or",
    "by",
    "nec",
    "e",
    "g",
    "other",
    "job",
    "vacancy",
    "hiring",
    "f",
    "m",
    // Russian
    "и",
    "в",
    "во",
    "на",
    "по",
    "для",
    "с",
    "со",
    "из",
    "от",
    "к",
    "о",
    "об",
    "или",
    "не",
    "прочие",
    "вакансия",
    "работа",
    "требуется",
    "срочно",
    // Kazakh
    "және",
    "мен",
    "бойынша",
    "жөніндегі",
    "басқа",
    "да",
    "де",
];

fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// The stem of a folded word, by its script.
pub fn stem(word: &str) -> String {
    if word.chars().any(|c| "әғқңөұүһі".contains(c)) {
        stem_kazakh(word)
    } else if word.chars().any(|c| ('а'..='я').contains(&c)) {
        stem_russian(word)
    } else if word.bytes().all(|b| b.is_ascii_lowercase()) {
        stem_english(word)
    } else {
        word.to_string()
    }
}

fn stem_english(word: &str) -> String {
    let mut w = word.to_string();
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        w.truncate(n - 3);
        w.push('y');
    } else if n > 4 && ["sses", "ses", "xes", "zes", "ches", "shes"].iter().any(|s| w.ends_with(s)) {
        w.truncate(n - 2);
    } else if n > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|s| w.ends_with(s)) {
        w.truncate(n - 1);
    }
    let n = w.len();
    if n > 5 && w.ends_with("ing") {
        w.truncate(n - 3);
    } else if n > 4 && w.ends_with("ed") {
        w.truncate(n - 2);
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

const RU_VOWELS: &str = "аеиоуыэюя";
const RU_REFLEXIVE: &[&str] = &["ся", "сь"];
const RU_ADJECTIVAL: &[&str] = &[
    "ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им",
    "ым", "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
];
const RU_NOUN: &[&str] = &[
    "иями", "ями", "ами", "иях", "ием", "иям", "ией", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой", "ий",
    "ям", "ем", "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у", "ы", "ь", "ю",
    "я",
];

/// A light Russian stemmer after the Snowball algorithm: endings are removed only after the
/// first vowel (the RV region) — reflexive, then adjectival or noun endings, then a final `и`
/// and a soft sign.
fn stem_russian(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let Some(first_vowel) = chars.iter().position(|c| RU_VOWELS.contains(*c)) else {
        return word.to_string();
    };
    let rv_start = first_vowel + 1;
    let mut end = chars.len();
    let strip = |end: &mut usize, endings: &[&str]| -> bool {
        let rv: String = chars[rv_start.min(*end)..*end].iter().collect();
        let best = endings.iter().filter(|e| rv.ends_with(*e)).map(|e| e.chars().count()).max();
        match best {
            Some(len) if *end - len >= 2 => {
                *end -= len;
                true
            }
            _ => false,
        }
    };
    strip(&mut end, RU_REFLEXIVE);
    if !strip(&mut end, RU_ADJECTIVAL) {
        strip(&mut end, RU_NOUN);
    }
    if end > rv_start && end >= 3 && chars[end - 1] == 'и' {
        end -= 1;
    }
    if end > rv_start && end >= 3 && chars[end - 1] == 'ь' {
        end -= 1;
    }
    chars[..end].iter().collect()
}

const KK_SUFFIXES: &[&str] = &[
    // plural
    "лар", "лер", "дар", "дер", "тар", "тер",
    // genitive, ablative, locative, dative, accusative, instrumental
    "ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан", "ден", "тан", "тен", "нда", "нде", "да",
    "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті", "мен", "бен",
    "пен", // possessive (3rd person)
    "сы", "сі", "ы", "і",
];

/// A light Kazakh stemmer: up to three case, possessive and plural suffixes are stripped from
/// the end (Kazakh stacks them: мұғалім-дер-і-не), keeping at least three letters.
fn stem_kazakh(word: &str) -> String {
    let mut w: Vec<char> = word.chars().collect();
    for _ in 0..3 {
        let text: String = w.iter().collect();
        let best = KK_SUFFIXES.iter().filter(|s| text.ends_with(*s)).map(|s| s.chars().count()).max();
        match best {
            Some(len) if w.len() - len >= 3 => w.truncate(w.len() - len),
            _ => break,
        }
    }
    w.into_iter().collect()
}

/// Damerau–Levenshtein (optimal string alignment) distance, or `None` when it exceeds `max`.
pub fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut prev2: Vec<usize> = vec![0; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn word_order_case_and_punctuation_do_not_matter() {
        let mut a = terms("Engineer, chemical");
        let mut b = terms("CHEMICAL ENGINEERS");
        a.sort();
        b.sort();
        assert_eq!(a, b);
        assert_eq!(terms("инженер-химик"), terms("Инженер химик"));
    }

    #[test]
    fn russian_inflections_meet() {
        for (a, b) in [
            ("бухгалтер", "бухгалтера"),
            ("водитель", "водителем"),
            ("врач", "врачом"),
            ("учитель", "учителя"),
            ("математики", "математика"),
            ("инженеры", "инженер"),
            ("программное", "программного"),
            ("ветеринарный", "ветеринарного"),
            ("ёлка", "елка"),
        ] {
            assert_eq!(terms(a), terms(b), "{a} / {b}");
        }
    }

    #[test]
    fn decomposed_letters_fold_as_composed_ones() {
        // й, ё and é decomposed, as some keyboards and PDF extractors give them.
        assert_eq!(words("қо\u{438}\u{306}ма"), vec!["қойма"]);
        assert_eq!(terms("Водитель грузово\u{438}\u{306}"), terms("Водитель грузовой"));
        assert_eq!(terms("Е\u{308}лка"), terms("ёлка"));
        assert_eq!(terms("me\u{301}decin"), terms("médecin"));
    }

    #[test]
    fn kazakh_suffixes_meet() {
        assert_eq!(terms("мұғалімдер"), terms("мұғалім"));
        assert_eq!(terms("дәрігерлерінің"), terms("дәрігер"));
    }

    #[test]
    fn english_forms_meet() {
        for (a, b) in [
            ("engineers", "engineer"),
            ("nurses", "nurse"),
            ("nursing", "nurse"),
            ("secretaries", "secretary"),
        ] {
            assert_eq!(terms(a), terms(b), "{a} / {b}");
        }
        assert!(terms("of the and").is_empty());
    }

    #[test]
    fn distances() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance_within(&c("sofware"), &c("software"), 1), Some(1));
        assert_eq!(distance_within(&c("sotfware"), &c("software"), 1), Some(1));
        assert_eq!(distance_within(&c("бухалтер"), &c("бухгалтер"), 1), Some(1));
        assert_eq!(distance_within(&c("welder"), &c("lawyer"), 2), None);
        assert_eq!(distance_within(&c("abc"), &c("abc"), 0), Some(0));
    }

    proptest! {
        #[test]
        fn terms_never_panic_or_come_out_empty(text in "\\PC{0,40}") {
            for t in terms(&text) {
                prop_assert!(!t.is_empty());
            }
        }

        /// Folding does not depend on how the text is normalised: composed, decomposed or mixed.
        #[test]
        fn terms_are_the_same_in_nfc_and_nfd(text in "[\\PC\u{0306}\u{0308}\u{0301}йёЙЁқңәӘüé]{0,24}") {
            use unicode_normalization::UnicodeNormalization;
            let composed: String = text.nfc().collect();
            let decomposed: String = text.nfd().collect();
            prop_assert_eq!(terms(&composed), terms(&text));
            prop_assert_eq!(terms(&decomposed), terms(&text));
        }

        #[test]
        fn distance_is_symmetric_and_bounded(a in "[a-dа-г]{0,8}", b in "[a-dа-г]{0,8}") {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let d1 = distance_within(&a, &b, 16);
            prop_assert_eq!(d1, distance_within(&b, &a, 16));
            prop_assert!(d1.unwrap() <= a.len().max(b.len()));
        }
    }
}
