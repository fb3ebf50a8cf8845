//! Dates and numbers as a document prints them in each language: `06.12.2026` and
//! `1 234 567,5` in Kazakh and Russian, `6 Dec 2026` and `1,234,567.5` in English. Small and
//! private to the documents on purpose, so that a shared formatter can take its place.

use crate::i18n::Lang;
use jiff::civil::Date;
use rust_decimal::Decimal;

/// English month names, short.
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A date: `06.12.2026` (kk, ru), `6 Dec 2026` (en, with no-break spaces: a date is never cut
/// at the end of a line).
pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let month = MONTHS[usize::from(d.month().unsigned_abs()).saturating_sub(1) % 12];
            format!("{}\u{a0}{month}\u{a0}{}", d.day(), d.year())
        }
        Lang::Kk | Lang::Ru => format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year()),
    }
}

/// A number with its thousands grouped — by a no-break space and a decimal comma in Kazakh and
/// Russian, by commas and a decimal point in English — and no trailing zeros of its fraction.
pub fn number(n: Decimal, lang: Lang) -> String {
    let text = n.normalize().to_string();
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |t| ("-", t));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let (group, point) = match lang {
        Lang::En => (",", "."),
        Lang::Kk | Lang::Ru => ("\u{a0}", ","),
    };
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push_str(point);
        out.push_str(fraction);
    }
    out
}

/// An amount in tenge: `5 709 000 ₸`.
pub fn tenge(n: Decimal, lang: Lang) -> String {
    format!("{}\u{a0}₸", number(n, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let d = Date::constant(2026, 12, 6);
        assert_eq!(date(d, Lang::Kk), "06.12.2026");
        assert_eq!(date(d, Lang::Ru), "06.12.2026");
        assert_eq!(date(d, Lang::En), "6\u{a0}Dec\u{a0}2026");
        assert_eq!(date(Date::constant(2027, 1, 31), Lang::En).replace('\u{a0}', " "), "31 Jan 2027");
    }

    #[test]
    fn numbers_group_their_thousands() {
        let n = Decimal::from_str("1234567.50").unwrap();
        assert_eq!(number(n, Lang::Ru), "1\u{a0}234\u{a0}567,5");
        assert_eq!(number(n, Lang::Kk), "1\u{a0}234\u{a0}567,5");
        assert_eq!(number(n, Lang::En), "1,234,567.5");
        assert_eq!(number(Decimal::from(-999), Lang::En), "-999");
        assert_eq!(number(Decimal::from(1000), Lang::En), "1,000");
        assert_eq!(tenge(Decimal::from(5_709_000), Lang::Kk), "5\u{a0}709\u{a0}000\u{a0}₸");
    }
}
