//! How each language of the interface writes numbers, money, percentages, dates and times: the
//! one formatter behind the pages, the mails, the explanations and the documents.
//!
//! Kazakh and Russian group thousands with a no-break space and write a decimal comma
//! (`1 234 567,5`), dates as `06.12.2026`; English groups with commas (`1,234,567.5`) and writes
//! `6 Dec 2026`. Figures are cut toward zero past four decimals, so a figure shown is never more
//! than the figure computed (299 999.998 stays below 300 000).

use jiff::civil::{Date, DateTime};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// A language of the interface, in the order offered to people: the state language first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    Kk,
    Ru,
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Kk, Language::Ru, Language::En];

    pub fn code(self) -> &'static str {
        match self {
            Language::Kk => "kk",
            Language::Ru => "ru",
            Language::En => "en",
        }
    }

    /// `kk`, `ru-RU`, `EN` …; `None` for a language ashyq does not speak.
    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    fn group(self) -> &'static str {
        match self {
            Language::En => ",",
            Language::Ru | Language::Kk => "\u{a0}",
        }
    }

    fn point(self) -> &'static str {
        match self {
            Language::En => ".",
            Language::Ru | Language::Kk => ",",
        }
    }
}

/// A text in the three languages: a legal act's title, a parameter's name. In a policy file it is
/// written `{ kk = "…", ru = "…", en = "…" }`, all three required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl Texts {
    pub fn of(f: impl Fn(Language) -> String) -> Texts {
        Texts { kk: f(Language::Kk), ru: f(Language::Ru), en: f(Language::En) }
    }

    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::Kk => &self.kk,
            Language::Ru => &self.ru,
            Language::En => &self.en,
        }
    }
}

/// Groups the digits of a whole number written in ASCII digits.
fn grouped(whole: &str, group: &str, out: &mut String) {
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(c);
    }
}

/// A decimal written in ASCII (`-1234.5`) the language's way: thousands grouped, its point.
fn written(text: &str, lang: Language) -> String {
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |t| ("-", t));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(sign);
    grouped(whole, lang.group(), &mut out);
    if !fraction.is_empty() {
        out.push_str(lang.point());
        out.push_str(fraction);
    }
    out
}

/// A number with its thousands grouped and at most four decimals, cut toward zero.
pub fn number(d: Decimal, lang: Language) -> String {
    let d = if d.scale() > 4 { d.round_dp_with_strategy(4, RoundingStrategy::ToZero) } else { d };
    written(&d.normalize().to_string(), lang)
}

/// A whole number with its thousands grouped.
pub fn integer(n: i64, lang: Language) -> String {
    let text = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(text.len() + 8);
    if n < 0 {
        out.push('-');
    }
    grouped(&text, lang.group(), &mut out);
    out
}

/// A number with exactly `places` decimals (rounded half away from zero), grouped: scores and
/// shares shown in a column, where every row has the same number of decimals.
pub fn fixed(d: Decimal, places: u32, lang: Language) -> String {
    let d = d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let mut text = d.to_string();
    if places > 0 {
        let have = text.split_once('.').map_or(0, |(_, f)| f.len() as u32);
        if have == 0 {
            text.push('.');
        }
        for _ in have..places {
            text.push('0');
        }
    }
    written(&text, lang)
}

/// A share (0.125) as a percentage with `places` decimals: `12,5 %` in Kazakh and Russian (a
/// no-break space before the sign, as their typography asks), `12.5%` in English.
pub fn percent(share: Decimal, places: u32, lang: Language) -> String {
    let n = fixed(share * Decimal::ONE_HUNDRED, places, lang);
    match lang {
        Language::En => format!("{n}%"),
        Language::Ru | Language::Kk => format!("{n}\u{a0}%"),
    }
}

/// An amount of money in a currency named by its ISO code.
pub fn money(amount: Decimal, currency: &str, lang: Language) -> String {
    let n = number(amount, lang);
    match (currency, lang) {
        ("KZT", _) => format!("{n}\u{a0}₸"),
        ("USD", Language::En) => format!("US${n}"),
        ("USD", Language::Ru) => format!("{n}\u{a0}долл. США"),
        ("USD", Language::Kk) => format!("{n}\u{a0}АҚШ доллары"),
        (code, _) => format!("{n}\u{a0}{code}"),
    }
}

const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A civil date: `06.12.2026` in Kazakh and Russian, `6 Dec 2026` in English.
pub fn date(d: Date, lang: Language) -> String {
    match lang {
        Language::En => format!("{} {} {:04}", d.day(), MONTHS_EN[d.month() as usize - 1], d.year()),
        Language::Ru | Language::Kk => format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year()),
    }
}

/// A civil date written `YYYY-MM-DD` (as the store keeps it), in the language's way; any other
/// text is returned as it is, so a blank or an odd value is never lost.
pub fn iso_date(iso: &str, lang: Language) -> String {
    match iso.get(..10).and_then(|d| d.parse::<Date>().ok()) {
        Some(d) if iso.len() == 10 => date(d, lang),
        _ => iso.to_string(),
    }
}

/// A clock time on a civil date, to the minute: `06.12.2026 14:05` in Kazakh and Russian,
/// `6 Dec 2026, 14:05` in English.
pub fn date_time(t: DateTime, lang: Language) -> String {
    let day = date(t.date(), lang);
    match lang {
        Language::En => format!("{day}, {:02}:{:02}", t.hour(), t.minute()),
        Language::Ru | Language::Kk => format!("{day} {:02}:{:02}", t.hour(), t.minute()),
    }
}

/// The same to the second, for the audit log.
pub fn date_time_seconds(t: DateTime, lang: Language) -> String {
    format!("{}:{:02}", date_time(t, lang), t.second())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_issues_examples() {
        assert_eq!(number(dec("1234567.5"), Language::Ru), "1\u{a0}234\u{a0}567,5");
        assert_eq!(number(dec("1234567.5"), Language::Kk), "1\u{a0}234\u{a0}567,5");
        assert_eq!(number(dec("1234567.5"), Language::En), "1,234,567.5");
        let d = Date::new(2026, 12, 6).unwrap();
        assert_eq!(date(d, Language::Ru), "06.12.2026");
        assert_eq!(date(d, Language::Kk), "06.12.2026");
        assert_eq!(date(d, Language::En), "6 Dec 2026");
    }

    #[test]
    fn percentages_money_and_times() {
        assert_eq!(percent(dec("0.125"), 1, Language::Ru), "12,5\u{a0}%");
        assert_eq!(percent(dec("0.125"), 1, Language::En), "12.5%");
        assert_eq!(percent(dec("1"), 0, Language::Kk), "100\u{a0}%");
        assert_eq!(money(dec("5709000"), "KZT", Language::Kk), "5\u{a0}709\u{a0}000\u{a0}₸");
        assert_eq!(money(dec("300000"), "USD", Language::En), "US$300,000");
        assert_eq!(fixed(dec("2"), 2, Language::Ru), "2,00");
        assert_eq!(fixed(dec("-1234.565"), 2, Language::En), "-1,234.57");
        assert_eq!(integer(-1_234_567, Language::En), "-1,234,567");
        assert_eq!(integer(999, Language::Ru), "999");
        let t = Date::new(2026, 1, 9).unwrap().at(7, 5, 3, 0);
        assert_eq!(date_time(t, Language::Ru), "09.01.2026 07:05");
        assert_eq!(date_time(t, Language::En), "9 Jan 2026, 07:05");
        assert_eq!(date_time_seconds(t, Language::Kk), "09.01.2026 07:05:03");
        assert_eq!(iso_date("2026-01-09", Language::Ru), "09.01.2026");
        assert_eq!(iso_date("", Language::Ru), "");
        assert_eq!(iso_date("not a date", Language::En), "not a date");
    }

    /// Strips a formatted number back to its digits and sign.
    fn digits(s: &str, lang: Language) -> String {
        s.replace(lang.group(), "").replace(lang.point(), ".")
    }

    proptest! {
        #[test]
        fn an_integer_reads_back(n in any::<i64>()) {
            for lang in Language::ALL {
                prop_assert_eq!(digits(&integer(n, lang), lang), n.to_string());
            }
        }

        #[test]
        fn a_number_reads_back_and_is_never_more(m in -10_000_000_000_000i64..10_000_000_000_000, scale in 0u32..8) {
            let d = Decimal::new(m, scale);
            for lang in Language::ALL {
                let text = number(d, lang);
                let back: Decimal = digits(&text, lang).parse().unwrap();
                prop_assert!(back.abs() <= d.abs());
                prop_assert!((d - back).abs() < dec("0.0001"));
                // Groups of three digits, never a group at the front.
                let whole = text.trim_start_matches('-').split(lang.point()).next().unwrap();
                let groups: Vec<&str> = whole.split(lang.group()).collect();
                prop_assert!(groups[0].len() <= 3 && !groups[0].is_empty());
                prop_assert!(groups[1..].iter().all(|g| g.len() == 3));
            }
        }

        #[test]
        fn a_fixed_number_has_its_places(m in -1_000_000_000i64..1_000_000_000, scale in 0u32..6, places in 0u32..4) {
            let d = Decimal::new(m, scale);
            for lang in Language::ALL {
                let text = fixed(d, places, lang);
                let decimals = text.split_once(lang.point()).map_or(0, |(_, f)| f.len() as u32);
                prop_assert_eq!(decimals, places);
                let back: Decimal = digits(&text, lang).parse().unwrap();
                prop_assert!((back - d).abs() <= Decimal::new(5, places) + Decimal::new(1, 10));
            }
        }

        #[test]
        fn a_date_reads_back(days in 0i32..100_000) {
            let d = Date::new(1900, 1, 1).unwrap().checked_add(jiff::Span::new().days(days)).unwrap();
            let ru = date(d, Language::Ru);
            let parts: Vec<i32> = ru.split('.').map(|p| p.parse().unwrap()).collect();
            prop_assert_eq!(Date::new(parts[2] as i16, parts[1] as i8, parts[0] as i8).unwrap(), d);
            prop_assert_eq!(iso_date(&d.to_string(), Language::Kk), ru);
            let en = date(d, Language::En);
            let month = MONTHS_EN.iter().position(|m| en.contains(m)).unwrap() as i8 + 1;
            prop_assert_eq!(month, d.month());
        }
    }
}
