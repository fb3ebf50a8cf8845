//! The IIN, Kazakhstan's individual identification number: YYMMDD of birth, then a digit
//! giving the century and the sex (1/2: 1800s, 3/4: 1900s, 5/6: 2000s; odd male, even female),
//! four serial digits and the check digit of [`crate::ids`].

use crate::ids::{IdError, check_12};
use crate::sex::Sex;
use jiff::civil::Date;
use std::fmt;

/// An IIN whose check digit, century digit and birth date are right.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Iin {
    text: String,
    birth_date: Date,
    sex: Sex,
}

impl Iin {
    pub fn parse(text: &str) -> Result<Iin, IdError> {
        let text = text.trim();
        let d = check_12(text)?;
        let century: i16 = match d[6] {
            1 | 2 => 1800,
            3 | 4 => 1900,
            5 | 6 => 2000,
            other => return Err(IdError::CenturyDigit(other)),
        };
        let sex = if d[6] % 2 == 1 { Sex::Male } else { Sex::Female };
        let pair = |i: usize| d[i] * 10 + d[i + 1];
        let (yy, month, day) = (pair(0), pair(2), pair(4));
        let year = century + i16::from(yy);
        // Two decimal digits fit an i8.
        let birth_date = Date::new(year, month as i8, day as i8)
            .map_err(|_| IdError::BirthDate(format!("{year:04}-{month:02}-{day:02}")))?;
        Ok(Iin { text: text.to_string(), birth_date, sex })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn birth_date(&self) -> Date {
        self.birth_date
    }

    pub fn sex(&self) -> Sex {
        self.sex
    }
}

impl fmt::Display for Iin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::check_digit;
    use jiff::ToSpan;
    use jiff::civil::date;
    use proptest::prelude::*;

    /// Eleven digits and their check digit, when one exists.
    fn complete(first11: &str) -> Option<String> {
        let mut d = [0u8; 11];
        for (slot, b) in d.iter_mut().zip(first11.bytes()) {
            *slot = b - b'0';
        }
        check_digit(&d).map(|c| format!("{first11}{c}"))
    }

    #[test]
    fn birth_date_and_sex_are_decoded() {
        // 1·8+2·0+3·0+4·4+5·1+6·5+7·3+8·0+9·0+10·1+11·2 = 112; 112 mod 11 = 2.
        let iin = Iin::parse("800415300122").unwrap();
        assert_eq!((iin.birth_date(), iin.sex()), (date(1980, 4, 15), Sex::Male));
        let iin = Iin::parse(&complete("05123160012").unwrap()).unwrap();
        assert_eq!((iin.birth_date(), iin.sex()), (date(2005, 12, 31), Sex::Female));
        let iin = Iin::parse(&complete("99010110034").unwrap()).unwrap();
        assert_eq!((iin.birth_date(), iin.sex()), (date(1899, 1, 1), Sex::Male));
    }

    #[test]
    fn a_bad_iin_is_named() {
        assert_eq!(Iin::parse("800415300121"), Err(IdError::CheckDigit { found: 1, expected: 2 }));
        assert_eq!(Iin::parse("8004153001"), Err(IdError::Length(10)));
        let e = Iin::parse(&complete("80041570012").unwrap()).unwrap_err();
        assert_eq!(e, IdError::CenturyDigit(7));
        assert_eq!(e.to_string(), "7th digit is 7: only 1 to 6 give a century and a sex");
        let e = Iin::parse(&complete("80041500012").unwrap()).unwrap_err();
        assert_eq!(e, IdError::CenturyDigit(0));
        let e = Iin::parse(&complete("80023130012").unwrap()).unwrap_err();
        assert_eq!(e.to_string(), "birth date (digits 1 to 6) 1980-02-31 is not a calendar date");
        let e = Iin::parse(&complete("80130130012").unwrap()).unwrap_err();
        assert_eq!(e.to_string(), "birth date (digits 1 to 6) 1980-13-01 is not a calendar date");
    }

    proptest! {
        #[test]
        fn a_built_iin_decodes_back(days in 0i32..109_000, male: bool, serial in 0u16..10_000) {
            let born = date(1800, 1, 1).checked_add(days.days()).unwrap();
            let y = born.year();
            let digit = match (y / 100, male) {
                (18, true) => 1, (18, false) => 2, (19, true) => 3, (19, false) => 4, (_, true) => 5, _ => 6,
            };
            let first11 =
                format!("{:02}{:02}{:02}{digit}{serial:04}", y % 100, born.month(), born.day());
            let Some(text) = complete(&first11) else { return Ok(()) };
            let iin = Iin::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(iin.birth_date(), born);
            prop_assert_eq!(iin.sex(), if male { Sex::Male } else { Sex::Female });
            prop_assert_eq!(iin.as_str(), text.as_str());
        }

        #[test]
        fn no_text_panics(text in any::<String>(), digits in "[0-9]{12}") {
            let _ = Iin::parse(&text);
            let _ = Iin::parse(&digits);
        }
    }
}
