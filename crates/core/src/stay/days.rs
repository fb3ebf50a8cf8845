//! Dates as day numbers (days since 1970-01-01), so that counting is integer arithmetic.

use super::StayError;
use jiff::Span;
use jiff::civil::{Date, date};

const EPOCH: Date = date(1970, 1, 1);

/// The day number of a date.
pub(super) fn number(d: Date) -> Result<i64, StayError> {
    d.since(EPOCH)
        .map(|s| i64::from(s.get_days()))
        .map_err(|e| StayError::at("(date)", format!("{d} cannot be counted: {e}")))
}

/// The date of a day number; `field` names what the date is for, if it is out of range.
pub(super) fn date_of(n: i64, field: &str) -> Result<Date, StayError> {
    Span::new()
        .try_days(n)
        .and_then(|s| EPOCH.checked_add(s))
        .map_err(|e| StayError::at(field, format!("day {n} after 1970-01-01 is not a date: {e}")))
}
