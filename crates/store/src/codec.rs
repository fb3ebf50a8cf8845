//! The one place stored values become typed ones and back: civil dates, instants and money.
//!
//! The schema keeps to what sqlx's `Any` driver reads the same way on both backends
//! (`migrations/README.md`): a civil date is ISO `YYYY-MM-DD` text, an instant is a BIGINT of
//! microseconds since the Unix epoch (UTC) in a `*_us` column, money is a BIGINT of tiyn in a
//! `*_tiyn` column. Public store types carry [`Date`], [`Timestamp`] and [`Tenge`] instead;
//! the conversions are here and nowhere else. A stored value that does not decode is
//! [`StoreError::Corrupt`], naming the column and the value, never a panic.

use crate::error::StoreError;
use ashyq_core::money::Tenge;
use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A civil date as stored: `2026-03-01`.
pub fn date_to_sql(d: Date) -> String {
    d.to_string()
}

/// An optional civil date as stored (`NULL` for none).
pub fn opt_date_to_sql(d: Option<Date>) -> Option<String> {
    d.map(date_to_sql)
}

/// A stored civil date; anything but `YYYY-MM-DD` of a real day is corrupt.
pub fn date_from_sql(text: &str) -> Result<Date, StoreError> {
    if text.len() != 10 {
        return Err(StoreError::Corrupt(format!("{text:?} is not a date written YYYY-MM-DD")));
    }
    text.parse().map_err(|e| StoreError::Corrupt(format!("{text:?} is not a date: {e}")))
}

/// An optional stored civil date (`NULL` is none).
pub fn opt_date_from_sql(text: Option<&str>) -> Result<Option<Date>, StoreError> {
    text.map(date_from_sql).transpose()
}

/// An instant as stored: microseconds since the Unix epoch.
pub fn ts_to_us(t: Timestamp) -> i64 {
    t.as_microsecond()
}

/// An optional instant as stored (`NULL` for none).
pub fn opt_ts_to_us(t: Option<Timestamp>) -> Option<i64> {
    t.map(ts_to_us)
}

/// Now, to the microsecond an instant is kept to: the same value it reads back as.
pub fn now() -> Timestamp {
    let us = ts_to_us(Timestamp::now());
    Timestamp::from_microsecond(us).unwrap_or_else(|_| Timestamp::now())
}

/// A stored instant; microseconds outside jiff's range of time (years -9999 to 9999) are corrupt.
pub fn ts_from_us(us: i64) -> Result<Timestamp, StoreError> {
    Timestamp::from_microsecond(us)
        .map_err(|e| StoreError::Corrupt(format!("{us} microseconds is not an instant: {e}")))
}

/// An optional stored instant (`NULL` is none).
pub fn opt_ts_from_us(us: Option<i64>) -> Result<Option<Timestamp>, StoreError> {
    us.map(ts_from_us).transpose()
}

/// Money as stored: tiyn.
pub fn tenge_to_sql(t: Tenge) -> i64 {
    t.tiyn()
}

/// Money stored as tiyn. Every `i64` is an amount.
pub fn tenge_from_sql(tiyn: i64) -> Tenge {
    Tenge::from_tiyn(tiyn)
}

/// Serde for an instant as the JSON of the store's types has always carried it, integer
/// microseconds under its `*_us` name: `#[serde(rename = "created_at_us", with = "codec::us")]`.
/// The API returns several store types as they are; their shape is its contract.
pub mod us {
    pub use jiff::fmt::serde::timestamp::microsecond::required::{deserialize, serialize};
}

/// [`us`] for an optional instant (`null` for none).
pub mod opt_us {
    pub use jiff::fmt::serde::timestamp::microsecond::optional::{deserialize, serialize};
}

/// The column `column` of a row, for the messages of corrupt values.
fn named(column: &str, e: StoreError) -> StoreError {
    match e {
        StoreError::Corrupt(why) => StoreError::Corrupt(format!("{column}: {why}")),
        e => e,
    }
}

/// The civil date in `column` of a row.
pub(crate) fn date(r: &AnyRow, column: &str) -> Result<Date, StoreError> {
    date_from_sql(&r.try_get::<String, _>(column)?).map_err(|e| named(column, e))
}

/// The optional civil date in `column` of a row.
pub(crate) fn opt_date(r: &AnyRow, column: &str) -> Result<Option<Date>, StoreError> {
    opt_date_from_sql(r.try_get::<Option<String>, _>(column)?.as_deref()).map_err(|e| named(column, e))
}

/// The instant in `column` (microseconds) of a row.
pub(crate) fn ts(r: &AnyRow, column: &str) -> Result<Timestamp, StoreError> {
    ts_from_us(r.try_get(column)?).map_err(|e| named(column, e))
}

/// The optional instant in `column` (microseconds) of a row.
pub(crate) fn opt_ts(r: &AnyRow, column: &str) -> Result<Option<Timestamp>, StoreError> {
    opt_ts_from_us(r.try_get(column)?).map_err(|e| named(column, e))
}

/// The amount in `column` (tiyn) of a row.
pub(crate) fn tenge(r: &AnyRow, column: &str) -> Result<Tenge, StoreError> {
    Ok(tenge_from_sql(r.try_get(column)?))
}

/// The optional amount in `column` (tiyn) of a row.
pub(crate) fn opt_tenge(r: &AnyRow, column: &str) -> Result<Option<Tenge>, StoreError> {
    Ok(r.try_get::<Option<i64>, _>(column)?.map(tenge_from_sql))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_odd_text_is_corrupt() {
        let d = jiff::civil::date(2024, 2, 29);
        assert_eq!(date_to_sql(d), "2024-02-29");
        assert_eq!(date_from_sql("2024-02-29").unwrap(), d);
        assert_eq!(opt_date_from_sql(None).unwrap(), None);
        for bad in ["2023-02-29", "2024-2-29", "29.02.2024", "", "2024-02-29T00:00", "+002024-02-29"] {
            let e = date_from_sql(bad).unwrap_err();
            assert!(matches!(&e, StoreError::Corrupt(w) if w.contains(&format!("{bad:?}"))), "{bad}: {e}");
        }
    }

    #[test]
    fn instants_round_trip_and_out_of_range_is_corrupt() {
        let t: Timestamp = "2026-11-21T19:18:59.685719Z".parse().unwrap();
        assert_eq!(ts_to_us(t), 1_795_288_739_685_719);
        assert_eq!(ts_from_us(1_795_288_739_685_719).unwrap(), t);
        assert_eq!(opt_ts_to_us(None), None);
        assert!(
            matches!(ts_from_us(i64::MAX), Err(StoreError::Corrupt(w)) if w.contains("9223372036854775807"))
        );
        assert!(ts_from_us(i64::MIN).is_err());
        // The ends of the range jiff reads microseconds in (year -9999 to 9999).
        for us in [0, -1, -377_705_023_201_000_000, 253_402_207_200_000_000] {
            assert_eq!(ts_to_us(ts_from_us(us).unwrap()), us);
        }
        assert!(ts_from_us(253_402_207_200_000_001).is_err());
    }

    #[test]
    fn money_is_tiyn() {
        assert_eq!(tenge_to_sql(Tenge::from_tiyn(150)), 150);
        assert_eq!(tenge_from_sql(-7), Tenge::from_tiyn(-7));
    }

    #[test]
    fn a_corrupt_value_names_its_column() {
        let e = named("cases.applied_on", date_from_sql("soon").unwrap_err());
        assert_eq!(
            e.to_string(),
            "stored data is not as expected: cases.applied_on: \"soon\" is not a date written YYYY-MM-DD"
        );
    }
}
