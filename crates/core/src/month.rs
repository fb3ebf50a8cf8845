//! A calendar month — a year and a month, written `YYYY-MM` — as the register's counts of
//! crossings are kept and shown by.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar month of years 0–9999; ordered as time runs, and as its text sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i16,
    month: i8,
}

impl Month {
    /// The first month there is.
    pub const MIN: Month = Month { year: 0, month: 1 };
    /// The last month there is.
    pub const MAX: Month = Month { year: 9999, month: 12 };

    /// Year and month (1–12), if they name one.
    pub fn new(year: i16, month: i8) -> Option<Month> {
        ((0..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    /// The month a day falls in (a day before year 0 falls in [`Month::MIN`]).
    pub fn of(date: Date) -> Month {
        Month::new(date.year(), date.month()).unwrap_or(if date.year() < 0 { Month::MIN } else { Month::MAX })
    }

    /// `YYYY-MM`, or none.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }

    pub fn year(self) -> i16 {
        self.year
    }

    /// 1–12.
    pub fn month(self) -> i8 {
        self.month
    }

    /// The month's first day.
    pub fn first_day(self) -> Date {
        jiff::civil::date(self.year, self.month, 1)
    }

    /// The month `n` months before this one (or [`Month::MIN`]).
    pub fn back(self, n: u32) -> Month {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 - i64::from(n);
        if index < 0 {
            return Month::MIN;
        }
        let (year, month) = (index / 12, index % 12 + 1);
        Month::new(year as i16, month as i8).unwrap_or(Month::MIN)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let text = String::deserialize(d)?;
        Month::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a month: expected YYYY-MM")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn months_read_and_write_as_yyyy_mm() {
        let m = Month::parse("2024-03").unwrap();
        assert_eq!((m.year(), m.month(), m.to_string()), (2024, 3, "2024-03".to_string()));
        assert_eq!(m.first_day(), jiff::civil::date(2024, 3, 1));
        for bad in ["2024-13", "2024-00", "2024-3", "24-03", "2024/03", "２０２４-03", "-100-01", ""] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(Month::parse("2024-03").unwrap().back(11).to_string(), "2023-04");
        assert_eq!(Month::parse("2024-01").unwrap().back(1).to_string(), "2023-12");
        assert_eq!(Month::MIN.back(1), Month::MIN);
    }

    proptest! {
        #[test]
        fn text_round_trips_and_sorts_as_time(a in 0i16..=9999, am in 1i8..=12, b in 0i16..=9999, bm in 1i8..=12, n in 0u32..200) {
            let (x, y) = (Month::new(a, am).unwrap(), Month::new(b, bm).unwrap());
            prop_assert_eq!(Month::parse(&x.to_string()), Some(x));
            prop_assert_eq!(x.cmp(&y), x.to_string().cmp(&y.to_string()));
            prop_assert_eq!(Month::of(x.first_day()), x);
            let back = x.back(n);
            prop_assert!(back <= x);
            if back != Month::MIN {
                prop_assert_eq!(back.first_day().checked_add(jiff::Span::new().months(i64::from(n))).ok(), Some(x.first_day()));
            }
        }
    }
}
