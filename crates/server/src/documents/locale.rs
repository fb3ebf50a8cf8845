//! Dates and numbers as a document prints them: the shared formatter ([`ashyq_core::locale`]),
//! with the spaces of an English date made no-break, so that a date is never cut at the end of
//! a line of a PDF.

use crate::i18n::Lang;
use jiff::civil::Date;
use rust_decimal::Decimal;

/// A date: `06.12.2026` (kk, ru), `6 Dec 2026` (en, with no-break spaces).
pub fn date(d: Date, lang: Lang) -> String {
    ashyq_core::locale::date(d, lang.language()).replace(' ', "\u{a0}")
}

/// A number with its thousands grouped and no trailing zeros of its fraction.
pub fn number(n: Decimal, lang: Lang) -> String {
    ashyq_core::locale::number(n, lang.language())
}

/// An amount in tenge: `5 709 000 ₸`.
pub fn tenge(n: Decimal, lang: Lang) -> String {
    ashyq_core::locale::money(n, "KZT", lang.language())
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
