//! MRZ dates: YYMMDD, with the century inferred from `today`.
//!
//! - A birth date is the latest date with those digits that is not after `today`.
//! - An expiry date is the one date with those digits in [today − 50 years, today + 50 years):
//!   a document expired less than 50 years ago, or valid for up to 50 more years. The window
//!   prefers the future: at 2026-11-21, `761121` is 1976-11-21 (just within 50 years back)
//!   while `761120` is 2076-11-20.
//!
//! Years are compared with the month and day as a whole (YYYY, MM, DD), so the window is
//! exact to the day; a 29 February whose chosen year is not a leap year is not a date.

use super::error::{Field, MrzError};
use jiff::civil::Date;

/// Which way the century of a two-digit year is inferred.
#[derive(Debug, Clone, Copy)]
pub enum Century {
    /// The latest not after today.
    Past,
    /// Within [today − 50 years, today + 50 years).
    Window,
}

/// Decodes six characters YYMMDD (already known to be of the MRZ alphabet) as a date.
pub fn decode(field: Field, text: &str, today: Date, century: Century) -> Result<Date, MrzError> {
    let refuse = |why: String| MrzError::Date { field, text: text.to_string(), why };
    let bytes = text.as_bytes();
    if bytes.len() != 6 || !bytes.iter().all(u8::is_ascii_digit) {
        return Err(refuse("not six digits YYMMDD".to_string()));
    }
    let pair = |i: usize| i32::from(bytes[i] - b'0') * 10 + i32::from(bytes[i + 1] - b'0');
    let (yy, month, day) = (pair(0), pair(2), pair(4));
    if !(1..=12).contains(&month) {
        return Err(refuse(format!("there is no month {month:02}")));
    }
    if !(1..=31).contains(&day) {
        return Err(refuse(format!("there is no day {day:02}")));
    }
    let (ty, tm, td) = (i32::from(today.year()), i32::from(today.month()), i32::from(today.day()));
    let year = match century {
        Century::Past => {
            let year = ty - ty.rem_euclid(100) + yy;
            if (year, month, day) > (ty, tm, td) { year - 100 } else { year }
        }
        Century::Window => {
            let low = ty - 50;
            let year = low - low.rem_euclid(100) + yy;
            if (year, month, day) < (low, tm, td) { year + 100 } else { year }
        }
    };
    let built = i16::try_from(year).ok().and_then(|y| {
        // Month and day were checked to be 1..=12 and 1..=31 above.
        let (m, d) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
        Date::new(y, m, d).ok()
    });
    built.ok_or_else(|| refuse(format!("{year:04}-{month:02} has no day {day:02}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 21);

    fn past(text: &str) -> Result<Date, MrzError> {
        decode(Field::BirthDate, text, TODAY, Century::Past)
    }

    fn window(text: &str) -> Result<Date, MrzError> {
        decode(Field::ExpiryDate, text, TODAY, Century::Window)
    }

    #[test]
    fn a_birth_date_is_never_after_today() {
        assert_eq!(past("261121"), Ok(date(2026, 11, 21)));
        assert_eq!(past("261122"), Ok(date(1926, 11, 22)));
        assert_eq!(past("740812"), Ok(date(1974, 8, 12)));
        assert_eq!(past("000229"), Ok(date(2000, 2, 29)));
    }

    #[test]
    fn an_expiry_date_lies_within_fifty_years_either_side() {
        assert_eq!(window("761121"), Ok(date(1976, 11, 21)));
        assert_eq!(window("761120"), Ok(date(2076, 11, 20)));
        assert_eq!(window("751231"), Ok(date(2075, 12, 31)));
        assert_eq!(window("751120"), Ok(date(2075, 11, 20)));
        assert_eq!(window("120415"), Ok(date(2012, 4, 15)));
        assert_eq!(window("310101"), Ok(date(2031, 1, 1)));
    }

    #[test]
    fn impossible_dates_are_named() {
        let e = past("741312").unwrap_err();
        assert_eq!(e.to_string(), "birth date: 741312 is not a date (there is no month 13)");
        let e = window("270231").unwrap_err();
        assert_eq!(e.to_string(), "expiry date: 270231 is not a date (2027-02 has no day 31)");
        let e = past("7408A2").unwrap_err();
        assert_eq!(e.to_string(), "birth date: 7408A2 is not a date (not six digits YYMMDD)");
        // 1900 was not a leap year: at 1999-01-01, a birth date 000229 falls in 1900.
        let e = decode(Field::BirthDate, "000229", date(1999, 1, 1), Century::Past).unwrap_err();
        assert_eq!(e.to_string(), "birth date: 000229 is not a date (1900-02 has no day 29)");
    }
}
